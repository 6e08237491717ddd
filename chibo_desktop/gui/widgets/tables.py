"""The table of records every page and dialog shows: whole rows selected one at a time,
no row numbers, nothing edited in place unless asked, sorted by a column when given."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

EDIT_IN_PLACE = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


def sorting_proxy(source: QAbstractItemModel, sort_role=None, parent=None) -> QSortFilterProxyModel:
    """A proxy that sorts ``source`` by ``sort_role`` (the display text when None)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    if sort_role is not None:
        proxy.setSortRole(sort_role)
    return proxy


def record_table(
    model: QAbstractItemModel,
    *,
    sort_column: int | None = None,
    descending: bool = False,
    editable: bool = False,
    row_numbers: bool = False,
) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        EDIT_IN_PLACE if editable else QAbstractItemView.EditTrigger.NoEditTriggers
    )
    view.verticalHeader().setVisible(row_numbers)
    if sort_column is not None:
        view.setSortingEnabled(True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        view.sortByColumn(sort_column, order)
    return view

"""Finding words a widget cannot show whole: a label, button, check box, combo box or table
header whose text is wider than the room it has."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

_TAGS = re.compile(r"<[^>]+>")
_SLACK = 2  # pixels of rounding between the text's advance and the room measured


def clipped(root: QWidget) -> list[str]:
    """'Kind “text”: needs N px, has M px' for every visible clipped text under ``root``."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1:
            continue
        for text, need, room in _measures(widget):
            if text and need > room + _SLACK:
                found.append(f"{type(widget).__name__} “{text}”: needs {need} px, has {room} px")
    return found


def _measures(widget: QWidget):
    metrics = widget.fontMetrics()
    if isinstance(widget, QLabel):
        if widget.wordWrap() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return
        if widget.textFormat() != 0 and "<" in widget.text() and "\n" not in widget.text():
            text = _TAGS.sub("", widget.text()).replace("&nbsp;", " ")
        else:
            text = widget.text()
        if "<br" in widget.text() or "<p" in widget.text() or "<h" in widget.text():
            return  # rich text in blocks: its lines are laid out by Qt
        for line in text.splitlines() or [""]:
            yield line, metrics.horizontalAdvance(line), widget.contentsRect().width()
    elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        room = widget.width() - _chrome(widget)
        yield text, metrics.horizontalAdvance(text), room
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        text = widget.currentText()
        room = widget.width() - 28  # the arrow and the frame
        yield text, metrics.horizontalAdvance(text), room
    elif isinstance(widget, QHeaderView) and widget.orientation().value == 1:
        model = widget.model()
        if model is None:
            return
        for section in range(widget.count()):
            if widget.isSectionHidden(section) or widget.sectionSize(section) <= 0:
                continue
            text = str(model.headerData(section, widget.orientation()) or "")
            # Qt's own measure of what the title needs: text, padding, sort arrow.
            yield text, widget.sectionSizeHint(section), widget.sectionSize(section)


def _chrome(widget: QAbstractButton) -> int:
    """What a button of this kind takes besides its text: frame, margins, icon, box."""
    icon = widget.iconSize().width() + 6 if not widget.icon().isNull() else 0
    if isinstance(widget, (QCheckBox, QRadioButton)):
        return 22 + icon
    return 12 + icon

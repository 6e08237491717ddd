"""No words reach the screen without _(): string literals passed to Qt text setters are found
by reading the code of chibo_desktop/gui (AST), so an untranslated label cannot slip in.

Allowed bare: texts without letters (digits, punctuation, symbols such as "—", "…", "✓"),
markup ("<br>", "&nbsp;") and input masks ("XXXX-XXXX").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).parents[2] / "chibo_desktop" / "gui"
ALL = None  # every positional argument

# method name -> positions of the arguments that are shown to the user (None: all of them)
SETTERS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setSubTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setAccessibleName": (0,),
    "setCheckBoxText": (0,),
    "showMessage": (0,),
    "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
    "setButtonText": (1,),
    "setCancelButtonText": (0,),
    "setOkButtonText": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "insertItem": (1,),
    "addTab": (1, 2),
    "insertTab": (2, 3),
    "addItem": ALL,
    "addItems": (0,),
    "addAction": ALL,
    "addMenu": ALL,
    "addSection": ALL,
    "addRow": (0,),
    "addButton": (0,),
    "setHeaderData": (2,),
}
# Widgets and items whose constructor takes a text.
CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QToolButton",
    "QCommandLinkButton",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QTableWidgetItem",
    "QStandardItem",
    "QMessageBox",
    "QProgressDialog",
    "QWizardPage",
}
# Static helpers: Class.method -> positions shown to the user.
STATIC: dict[str, tuple[int, ...] | None] = {
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getInt": (1, 2),
    "getDouble": (1, 2),
    "getItem": (1, 2),
    "getMultiLineText": (1, 2),
    "getOpenFileName": (1,),
    "getOpenFileNames": (1,),
    "getSaveFileName": (1,),
    "getExistingDirectory": (1,),
    "showText": (1,),
}
STATIC_OWNERS = {"QMessageBox", "QInputDialog", "QFileDialog", "QToolTip"}
TEXT_KEYWORDS = {
    "text",
    "title",
    "toolTip",
    "statusTip",
    "placeholderText",
    "windowTitle",
    "caption",
}
# Functions that return what a view shows (models): their bare string returns are checked too.
SHOWN_RETURNS = {"headerData"}


MARKUP = re.compile(r"<[^>]*>|&[A-Za-z]+;|&#[0-9]+;")


def has_words(text: str) -> bool:
    """Letters outside HTML tags and entities ('<br>', '&nbsp;' are not words)."""
    letters = {ch for ch in MARKUP.sub("", text) if ch.isalpha()}
    return bool(letters) and letters != {"X"}  # "XXXX-XXXX" is an input mask, not a word


def bare_texts(node: ast.AST) -> list[str]:
    """Literal words in an expression that are not inside a call (such as _(...))."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return [literal] if has_words(literal) else []
    if isinstance(node, ast.BinOp):
        return bare_texts(node.left) + bare_texts(node.right)
    if isinstance(node, ast.IfExp):
        return bare_texts(node.body) + bare_texts(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [t for value in node.values for t in bare_texts(value)]
    if isinstance(node, ast.List | ast.Tuple):
        return [t for element in node.elts for t in bare_texts(element)]
    # "text {x}".format(...) or "a".join(...): the literal receiver is shown.
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"format", "join"}
    ):
        return bare_texts(node.func.value)
    return []


def callee(node: ast.Call) -> tuple[str, str]:
    """(owner, name): ('', 'QLabel') for QLabel(...), ('label', 'setText') for label.setText."""
    if isinstance(node.func, ast.Name):
        return "", node.func.id
    if isinstance(node.func, ast.Attribute):
        owner = node.func.value
        owner_name = owner.id if isinstance(owner, ast.Name) else ""
        return owner_name, node.func.attr
    return "", ""


def shown_arguments(node: ast.Call) -> list[ast.AST]:
    owner, name = callee(node)
    if owner in STATIC_OWNERS and name in STATIC:
        positions = STATIC[name]
    elif name in CONSTRUCTORS and not owner:
        positions = ALL
    elif name in SETTERS and isinstance(node.func, ast.Attribute):
        positions = SETTERS[name]
    else:
        return []
    args = [arg for i, arg in enumerate(node.args) if positions is ALL or i in positions]
    args += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
    return args


def offenders_in(source: str, filename: str = "<string>") -> list[str]:
    tree = ast.parse(source, filename)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for arg in shown_arguments(node):
                for text in bare_texts(arg):
                    found.append(f"{filename}:{node.lineno}: {callee(node)[1]}({text!r})")
        elif isinstance(node, ast.FunctionDef) and node.name in SHOWN_RETURNS:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and inner.value is not None:
                    for text in bare_texts(inner.value):
                        found.append(f"{filename}:{inner.lineno}: return {text!r}")
    return found


def test_checker_finds_bare_words_and_accepts_translated_ones():
    bad = """
label = QLabel("Họ và tên")
button.setText(f"Xóa {name}")
menu.addAction(icon, "Mở tệp")
box = QMessageBox.question(self, "Xác nhận", "Xóa " + name + "?")
table.setHorizontalHeaderLabels(["STT", _("Họ tên")])
status.showMessage("Đã lưu {n}".format(n=3))
title.setText(_("Có") if yes else "Không")
def headerData(self, section, orientation, role):
    return "Ngày sinh"
"""
    found = offenders_in(bad)
    assert len(found) == 9, found
    good = """
label = QLabel(_("Họ và tên"))
button.setText(_("Xóa {name}").format(name=name))
count.setText(f"{n} / {total}")
mark.setText("✓")
gap.setText(" &nbsp;·&nbsp; <br>")
key.setPlaceholderText("XXXX-XXXX-…")
dash = QLabel("—")
number.setText(str(5))
table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
box.setObjectName("sectionHeading")
path, _f = QFileDialog.getSaveFileName(self, _("Lưu"), "chibo.sqlite", FILTER)
def headerData(self, section, orientation, role):
    return _(COLUMNS[section])
"""
    assert offenders_in(good) == []


def test_gui_passes_no_bare_words_to_widgets():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        found += offenders_in(path.read_text(encoding="utf-8"), str(path.relative_to(GUI.parent)))
    assert found == [], "wrap these texts in _():\n" + "\n".join(found)

"""Save and open dialogs start in Documents, then where that kind of file last went."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from chibo_desktop.gui.file_dialogs import EXPORTS, IMPORTS, ask_open_path, ask_save_path


def test_each_kind_of_file_remembers_its_own_folder(qapp, tmp_path, monkeypatch):
    asked = []

    def dialog(chosen):
        def answer(_parent, _title, start, _filter):
            asked.append(start)
            return chosen, ""

        return staticmethod(answer)

    reports = tmp_path / "Báo cáo"
    reports.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog(str(reports / "bc.pdf")))
    assert ask_save_path(None, EXPORTS, "Lưu", "bao-cao.pdf", "PDF (*.pdf)").endswith("bc.pdf")
    first = Path(asked[-1])
    assert first.name == "bao-cao.pdf" and first.parent != reports  # Documents, or home
    ask_save_path(None, EXPORTS, "Lưu", "bien-ban.pdf", "PDF (*.pdf)")
    assert Path(asked[-1]) == reports / "bien-ban.pdf"  # where the last one went
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog(""))  # cancelled
    assert ask_open_path(None, IMPORTS, "Mở", "*.xlsx") == ""
    assert Path(asked[-1]) != reports  # imports keep their own folder

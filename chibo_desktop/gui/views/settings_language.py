"""Settings section: the interface language (saved in the user's config, used from the next start).

Printed party documents stay Vietnamese whatever is chosen here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...config import UserConfig, load_config, save_config
from ...i18n import LANGUAGES, _, current_language
from .settings_section import SettingsSection


class LanguageSection(SettingsSection):
    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, _("Ngôn ngữ giao diện"), parent)
        layout = self.body
        row = QHBoxLayout()
        self.combo = QComboBox()
        # Each language is named in itself, so anyone can find their own.
        for code, name in LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setAccessibleName(_("Ngôn ngữ giao diện"))
        row.addWidget(self.combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_text(
            _(
                "Ngôn ngữ mới có hiệu lực khi mở lại chương trình. Văn bản in (biên bản, "
                "danh sách, báo cáo) luôn bằng tiếng Việt."
            )
        )
        self.message = QLabel()
        layout.addWidget(self.message)
        self._select(self._config().language)
        self.combo.currentIndexChanged.connect(self._changed)

    def _config(self) -> UserConfig:
        # The main window keeps the config it saves (recent files); change that same object
        # so a later save there does not bring the old language back.
        window_config = getattr(self.window(), "config", None)
        return window_config if isinstance(window_config, UserConfig) else load_config()

    def _select(self, code: str) -> None:
        index = self.combo.findData(code)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)

    def language(self) -> str:
        return self.combo.currentData()

    def _changed(self, _index: int) -> None:
        config = self._config()
        config.language = self.language()
        try:
            save_config(config)
        except OSError as exc:
            self.message.setText(_("Không lưu được lựa chọn: {error}").format(error=exc))
            return
        if config.language == current_language():
            self.message.setText(_("Đã lưu."))
        else:
            self.message.setText(_("Đã lưu. Hãy đóng và mở lại chương trình để đổi ngôn ngữ."))

    def load(self) -> None:
        self._select(self._config().language)

"""The pages of the left navigation: key, title and icon of each, and where its widget
lives. The navigation is drawn from this list; a page's module (with its services,
dialogs and models) is imported the first time the page is shown. An icon is named by
its files in resources/icons/nav/ (see `gui.icons`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from ...i18n import N_

if TYPE_CHECKING:
    from .base import Page


@dataclass(frozen=True)
class PageInfo:
    key: str
    title: str  # marked with N_; translate with _() where shown
    icon: str  # base name of the icon's files
    module: str  # relative to this package
    class_name: str

    def page_class(self) -> type[Page]:
        return getattr(import_module(self.module, __package__), self.class_name)


PAGES: tuple[PageInfo, ...] = (
    PageInfo("home", N_("Trang chủ"), "home", ".home", "HomePage"),
    PageInfo("members", N_("Đảng viên"), "members", ".members", "MembersPage"),
    PageInfo("meetings", N_("Sinh hoạt chi bộ"), "meetings", ".meetings", "MeetingsPage"),
    PageInfo("campaign", N_("Đợt sinh hoạt chính trị"), "campaign", ".campaign", "CampaignPage"),
    PageInfo("dues", N_("Đảng phí"), "dues", ".dues", "DuesPage"),
    PageInfo("reports", N_("Báo cáo"), "reports", ".reports", "ReportsPage"),
    PageInfo("settings", N_("Cài đặt"), "settings", ".settings", "SettingsPage"),
)
# When the open file is a committee's (đảng ủy), these pages replace the cell's.
COMMITTEE_PAGES: tuple[PageInfo, ...] = (
    PageInfo("committee", N_("Các chi bộ"), "home", ".committee", "CommitteePage"),
    PageInfo(
        "committee_reports",
        N_("Báo cáo tổng hợp"),
        "reports",
        ".committee_reports",
        "CommitteeReportsPage",
    ),
)
PAGE_INFO = {info.key: info for info in PAGES + COMMITTEE_PAGES}


def described(key: str) -> tuple[str, str, str]:
    """(key, title, icon) for a page class's attributes, from the list above."""
    info = PAGE_INFO[key]
    return info.key, info.title, info.icon

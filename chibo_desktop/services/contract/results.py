"""What a service gives back: the parts a write changed, its result, progress and cancelling."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Generic, TypeVar

from ...errors import CancelledError
from ...i18n import _

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Which parts of the data a write touched."""

    cell: bool = False
    members: bool = False
    meetings: bool = False
    campaigns: bool = False
    assessments: bool = False
    dues: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__}
        )

    def any(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__)


@dataclass(frozen=True)
class Result(Generic[T]):
    value: T
    changes: Changes


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""


class CancelFlag:
    """Set from the GUI thread, checked by a long operation between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError(_("Đã hủy theo yêu cầu; dữ liệu không thay đổi."))


def run_to_end(generator):
    """Drive a progress generator without a GUI and return its final value."""
    while True:
        try:
            next(generator)
        except StopIteration as stop:
            return stop.value

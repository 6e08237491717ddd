"""Undo (Ctrl+Z) on the members page: the last edit, new record or status change.

Each command is pushed after its service call succeeded, so its first ``redo`` does
nothing; ``undo`` (and a later ``redo``) run the opposite service call on the worker.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QUndoCommand

from ...domain.members import Member
from ...domain.status import StatusChange
from ...i18n import _
from ...services.members.register import (
    add_status_change,
    change_labels,
    delete_member,
    remove_status_change,
    restore_member,
    save_member,
)
from ..errors import show_error


class _Command(QUndoCommand):
    def __init__(self, page, text: str) -> None:
        super().__init__(text)
        self.page = page
        self._first = True

    def _run(self, fn, *args, on_done=None, **kwargs) -> None:
        self.page.tasks.run(
            fn, *args, on_done=on_done, on_error=lambda e: show_error(self.page, e), **kwargs
        )

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.again()

    def again(self) -> None:
        raise NotImplementedError


class EditMemberCommand(_Command):
    def __init__(self, page, before: Member, after: Member) -> None:
        super().__init__(page, _("sửa hồ sơ {name}").format(name=before.full_name))
        self.before, self.after = before, after

    def undo(self) -> None:
        self._run(save_member, self.before)

    def again(self) -> None:
        self._run(save_member, self.after)


class AddMemberCommand(_Command):
    def __init__(
        self, page, member_id: int, member: Member, first_status: StatusChange | None
    ) -> None:
        super().__init__(page, _("thêm {name}").format(name=member.full_name))
        self.member_id = member_id
        self.member = member
        self.first_status = first_status

    def undo(self) -> None:
        self._run(delete_member, self.member_id)

    def again(self) -> None:
        def done(result) -> None:
            self.member_id = result.value

        self._run(
            save_member,
            dataclasses.replace(self.member, id=None),
            first_status=self.first_status,
            on_done=done,
        )


class DeleteMemberCommand(_Command):
    """A record deleted as entered by mistake; undo puts it back whole, same number and
    history, so the commands below it on the stack still find it."""

    def __init__(self, page, detail) -> None:
        super().__init__(page, _("xóa {name}").format(name=detail.member.full_name))
        self.detail = detail

    def undo(self) -> None:
        self._run(restore_member, self.detail.member, self.detail.history)

    def again(self) -> None:
        self._run(delete_member, self.detail.member.id)


class StatusChangeCommand(_Command):
    def __init__(self, page, member: Member, change: StatusChange, change_id: int) -> None:
        label = change_labels().get(change.kind, change.kind)
        super().__init__(
            page, _("“{change}” của {name}").format(change=label, name=member.full_name)
        )
        self.member_id = member.id
        self.change = change
        self.change_id = change_id

    def undo(self) -> None:
        self._run(remove_status_change, self.change_id)

    def again(self) -> None:
        def done(result) -> None:
            self.change_id = result.value

        self._run(add_status_change, self.member_id, self.change, on_done=done)

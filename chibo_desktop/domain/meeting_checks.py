"""What makes minutes contradict themselves: votes that do not add up, a chair or secretary
recorded as absent. Each problem blocks finalising and is shown where it is entered."""

from __future__ import annotations

from ..i18n import _
from .meetings import Attendee, Counts, Meeting, Resolution, state_label


def vote_problem(resolution: Resolution, counts: Counts) -> str:
    """A message when tán thành + không tán thành + không biểu quyết + vắng (members of the
    voting base not at the meeting) is not the voting base."""
    cast = resolution.votes_for + resolution.votes_against + resolution.votes_abstain
    expected = counts.voters_present
    if cast == expected:
        return ""
    absent = counts.voters_absent
    if absent:
        return _(
            "{cast} phiếu (tán thành, không tán thành, không biểu quyết) nhưng có {n} đảng viên "
            "có quyền biểu quyết có mặt ({base} có quyền biểu quyết, {absent} vắng)."
        ).format(cast=cast, n=expected, base=counts.voting_base, absent=absent)
    return _(
        "{cast} phiếu (tán thành, không tán thành, không biểu quyết) nhưng có {n} đảng viên "
        "có quyền biểu quyết."
    ).format(cast=cast, n=expected)


def approval_problem(meeting: Meeting, counts: Counts) -> str:
    """The minutes are approved by those present: the three figures add up to them."""
    if meeting.approval_for is None:
        return ""
    cast = meeting.approval_for + (meeting.approval_against or 0) + (meeting.approval_abstain or 0)
    if cast == counts.present:
        return ""
    return _(
        "Thông qua biên bản: {cast} ý kiến (tán thành, không tán thành, không biểu quyết) "
        "nhưng có {n} đồng chí có mặt."
    ).format(cast=cast, n=counts.present)


def _listed(meeting: Meeting, member_id: int | None, name: str) -> Attendee | None:
    if member_id is not None:
        found = next((a for a in meeting.attendance if a.member_id == member_id), None)
        if found is not None:
            return found
    if not name:
        return None
    return next((a for a in meeting.attendance if a.name == name), None)


def role_problems(meeting: Meeting) -> list[str]:
    """The chair and the secretary must be present at the meeting they run and minute."""
    found = []
    roles = (
        (_("chủ trì"), meeting.chair_id, meeting.chair_name),
        (_("thư ký"), meeting.secretary_id, meeting.secretary_name),
    )
    for role, member_id, name in roles:
        person = _listed(meeting, member_id, name)
        if person is not None and person.state != "present":
            found.append(
                _(
                    "Đồng chí {name} là {role} nhưng được ghi “{state}”: người {role} phải có "
                    "mặt; hãy sửa điểm danh hoặc chọn người khác."
                ).format(name=person.name, role=role, state=state_label(person.state))
            )
    return found


def blocking_problems(meeting: Meeting, counts: Counts) -> list[str]:
    """Contradictions the printed minutes would show; "Hoàn tất" refuses while any remain."""
    found = role_problems(meeting)
    for number, resolution in enumerate(meeting.resolutions, start=1):
        problem = vote_problem(resolution, counts)
        if problem:
            found.append(_("Biểu quyết {n}: {problem}").format(n=number, problem=problem))
    approval = approval_problem(meeting, counts)
    if approval:
        found.append(approval)
    return found

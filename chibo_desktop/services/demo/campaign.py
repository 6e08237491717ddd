"""Demo data for campaign (part of `chibo demo`): one "Tự soi, tự sửa" campaign in progress."""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database

from ...domain.campaign import SelfReview
from ...storage import campaigns as store
from ..campaigns.campaign import (
    attach_file,
    campaign_state,
    create_campaign,
    link_meeting,
    mark_from_attendance,
    set_mark,
    update_step,
)
from ..campaigns.reports import save_self_review

PLAN_TEXT = (
    "KẾ HOẠCH\n"
    "Tổ chức đợt sinh hoạt chính trị “Tự soi, tự sửa” trong chi bộ\n\n"
    "1. Tiếp nhận, học tập Kết luận 21-KL/TW, Quy định 37-QĐ/TW.\n"
    "2. Mỗi đảng viên viết bản tự kiểm điểm, tự soi, tự sửa.\n"
    "3. Sinh hoạt chuyên đề tự phê bình và phê bình dịp 19/5.\n"
)
SECTIONS = {
    "Về tư tưởng chính trị": "Luôn kiên định mục tiêu, lý tưởng; chấp hành nghiêm chủ trương "
    "của Đảng, chính sách, pháp luật của Nhà nước.",
    "Về đạo đức, lối sống": "Sống giản dị, gần gũi nhân dân trong khu phố; giữ gìn gia đình "
    "văn hóa.",
    "Những hạn chế, khuyết điểm và nguyên nhân": "Có lúc chưa thường xuyên nghiên cứu tài liệu; "
    "tham gia ý kiến trong sinh hoạt chi bộ còn ít.",
    "Cam kết và biện pháp khắc phục": "Dành thời gian đọc tài liệu mỗi tuần; chủ động phát "
    "biểu xây dựng chi bộ.",
}


def add_demo(db: Database, today: dt.date, rng: random.Random) -> None:
    """A campaign started four months ago: early steps done (the study conference linked to
    its minutes), the self-reviews overdue, the thematic meeting of 19/5 still ahead."""
    start = today - dt.timedelta(days=120)
    campaign_id = create_campaign(db, "tu_soi_tu_sua", start, today=today).value
    state = campaign_state(db, campaign_id, today)
    steps = {s.key: s for s in state.steps}
    members = [m.member_id for m in state.active_members]
    secretary = members[0] if members else None
    for key, late in (("nhan_ke_hoach", 0), ("ke_hoach_chi_bo", 2), ("phat_tai_lieu", 1)):
        step = steps[key]
        update_step(db, step.id, done=step.due + dt.timedelta(days=late), responsible_id=secretary)
    attach_file(
        db, steps["ke_hoach_chi_bo"].id, "Kế hoạch số 12-KH-CB.txt", PLAN_TEXT.encode("utf-8")
    )
    update_step(db, steps["phat_tai_lieu"].id, note="Phát tài liệu in cho 31 đảng viên")

    conference = _meeting_after(db, steps["hoi_nghi_hoc_tap"].due - dt.timedelta(days=25))
    if conference is not None and conference["date"][:10] <= today.isoformat():
        link_meeting(db, steps["hoi_nghi_hoc_tap"].id, conference["id"])
        for document in state.template.documents[:5]:
            mark_from_attendance(db, campaign_id, f"hoc_{document.key}", conference["id"])
    update_step(db, steps["tu_kiem_diem_ca_nhan"].id, status="doing", responsible_id=secretary)
    for document in state.template.documents[5:]:
        for member_id in members:
            if rng.random() < 0.6:
                day = start + dt.timedelta(days=rng.randint(20, 60))
                set_mark(db, campaign_id, member_id, f"hoc_{document.key}", day)
    refs = [ref for ref, _g, _t in state.template.review_refs()]
    for member_id in members:
        if rng.random() < 0.7:
            submitted = start + dt.timedelta(days=rng.randint(45, 75))
            marks = {ref: (False, "") for ref in refs}
            if rng.random() < 0.2:
                marks["m2"] = (True, "Chưa thường xuyên nghiên cứu nghị quyết")
            name = ""
            save_self_review(
                db, campaign_id, SelfReview(member_id, name, dict(SECTIONS), marks, submitted)
            )
            if rng.random() < 0.5:
                set_mark(db, campaign_id, member_id, "cam_ket", submitted + dt.timedelta(days=3))


def _meeting_after(db: Database, day: dt.date) -> dict | None:
    choices = [m for m in store.meeting_choices(db) if m["date"][:10] >= day.isoformat()]
    return min(choices, key=lambda m: m["date"]) if choices else None

"""Demo data for meetings (part of `chibo demo`): a year of minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlite_utils import Database

from ...domain.dates import add_months
from ...domain.meetings import Discussion, Guest, Meeting, Resolution
from ..meetings.minutes import finalise, new_meeting, save_draft, summarise

PLACE = "Nhà văn hóa Khu phố 3"
REASONS = ["Ốm", "Đi công tác", "Việc gia đình", "Đi khám bệnh", "Về quê có việc"]
DOCUMENTS = [
    "Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy",
    "Kết luận số 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng",
    "Quy định số 37-QĐ/TW về những điều đảng viên không được làm",
    "Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Kế hoạch của Đảng ủy phường về công tác vệ sinh môi trường",
    "Thông báo của Đảng ủy phường về thu, nộp đảng phí",
]
CONTENT = [
    "Đồng chí Bí thư thông tin tình hình thời sự trong nước, thế giới và các văn bản mới của "
    "cấp trên.",
    "Trong tháng, chi bộ đã lãnh đạo hoàn thành tốt các nhiệm vụ: vệ sinh môi trường, giữ gìn "
    "an ninh trật tự, vận động nhân dân đóng góp quỹ vì người nghèo.",
    "Chi bộ trao đổi về tấm gương cần kiệm, liêm chính, chí công vô tư trong sinh hoạt hằng "
    "ngày của đảng viên.",
    "Tiếp tục tuyên truyền, vận động nhân dân thực hiện nếp sống văn minh đô thị; chuẩn bị tổ "
    "chức các hoạt động kỷ niệm ngày lễ lớn trong tháng.",
    "Đảng viên đóng đảng phí đầy đủ, đúng hạn.",
]
SPEECHES = [
    "Đề nghị chi bộ quan tâm hơn nữa đến việc giữ gìn vệ sinh ngõ phố.",
    "Nhất trí với báo cáo; đề nghị bổ sung nội dung vận động các hộ kinh doanh.",
    "Cần phân công cụ thể đảng viên phụ trách từng tổ dân phố.",
    "Đề nghị tăng cường kiểm tra việc thực hiện nếp sống văn minh ở khu vực chợ.",
    "Nhất trí cao với phương hướng nhiệm vụ tháng tới.",
]
TOPICS = [
    ("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh về tinh thần đoàn kết", 4),
    ("Tự soi, tự sửa theo Kết luận 21-KL/TW và Quy định 37-QĐ/TW", 10),
]


def _discussions(rng: random.Random, meeting: Meeting, count: int) -> list[Discussion]:
    present = [a for a in meeting.attendance if a.state == "present"]
    entries = []
    for _n in range(count):
        speaker = rng.choice(present)
        entries.append(
            Discussion(
                speaker.name,
                rng.choice(SPEECHES),
                speaker.member_id,
                rng.randrange(len(meeting.agenda)) if meeting.agenda else None,
            )
        )
    return entries


def _mark(rng: random.Random, meeting: Meeting, often_away: int | None, index: int) -> None:
    running = {meeting.chair_id, meeting.secretary_id}
    for person in meeting.attendance:
        if person.state != "present":
            if person.state == "exempt" and index % 5 == 2 and rng.random() < 0.5:
                person.state = "present"  # came anyway
            continue
        roll = rng.random()
        if person.member_id in running:
            continue
        if person.member_id == often_away and 3 <= index <= 7:
            person.state, person.reason = "excused", "Điều trị bệnh dài ngày"
        elif roll < 0.07:
            person.state, person.reason = "excused", rng.choice(REASONS)
        elif roll < 0.08:
            person.state = "absent"


def _fill(db: Database, rng: random.Random, meeting: Meeting, index: int, often_away) -> int:
    meeting.place = PLACE
    meeting.start_time = "19:30"
    meeting.end_time = rng.choice(["21:15", "21:30", "21:00", "20:45"])
    if "chuyen_de" in meeting.kinds:
        meeting.end_time = "21:45"
    _mark(rng, meeting, often_away, index)
    for number, item in enumerate(meeting.agenda):
        item.content = CONTENT[number % len(CONTENT)]
        if number in (1, 3):
            item.conclusion = "Chi bộ thống nhất, giao các đồng chí chi ủy theo dõi, đôn đốc."
    meeting.documents = rng.sample(DOCUMENTS, 2)
    meeting.discussions = _discussions(rng, meeting, rng.randint(2, 5))
    if index % 4 == 0:
        meeting.guests = [Guest("Trần Quốc Bảo", "Đảng ủy viên, phụ trách địa bàn")]
    base = summarise(db, meeting).counts
    voters = base.voters_present
    against = min(rng.randint(0, 1), voters)
    abstain = min(rng.randint(0, 1), voters - against)
    meeting.resolutions = [
        Resolution(
            f"Thông qua phương hướng, nhiệm vụ tháng {add_months(meeting.date, 1).month}",
            voters - against - abstain,
            against,
            abstain,
        )
    ]
    meeting.approval_for = base.present
    meeting.approval_against = 0
    meeting.approval_abstain = 0
    return save_draft(db, meeting).value


def add_demo(db: Database, today: dt.date, rng: random.Random) -> None:
    """Monthly regular meetings for the past year and two thematic ones; all but the most
    recent are finalised. Runs inside fill_demo's transaction."""
    dates = []
    for back in range(12, -1, -1):
        month = add_months(dt.date(today.year, today.month, 1), -back)
        day = min(5, today.day) if back == 0 else 5
        dates.append(month.replace(day=day))
    plan: list[tuple[dt.date, tuple[str, ...], str]] = [(d, ("thuong_ky",), "") for d in dates]
    for topic, back in TOPICS:
        month = add_months(dt.date(today.year, today.month, 1), -back)
        plan.append((month.replace(day=20), ("chuyen_de",), topic))
    plan.sort(key=lambda p: p[0])
    first = new_meeting(db, plan[0][0])
    regulars = [a.member_id for a in first.attendance if a.state == "present"]
    often_away = regulars[-1] if regulars else None
    ids = []
    for index, (date, kinds, topic) in enumerate(plan):
        meeting = new_meeting(db, date, kinds)
        if topic:
            meeting = dataclasses.replace(meeting, topic=topic, presenter=meeting.chair_name)
            meeting.title = f"Sinh hoạt chi bộ chuyên đề: {topic}"
        meeting.number = f"Số {index + 1:02d}-BB/CB"
        ids.append(_fill(db, rng, meeting, index, often_away))
    for meeting_id in ids[:-1]:
        finalise(db, meeting_id)

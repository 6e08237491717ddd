"""The self-review texts of the shipped template: 27 manifestations (Nghị quyết 04-NQ/TW) in
three groups of nine, the 19 articles of Quy định 37-QĐ/TW in order, the passages quoted in
the published sources word for word, and every entry either sourced or marked unverified."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

from chibo_desktop.domain.campaign import ReviewText
from chibo_desktop.rules.campaigns import builtin_templates, parse_template, templates_dir
from chibo_desktop.rules.loader import RuleFileError

# Passages copied from the sources listed in the reference notes
# (01-nq04-27-bieu-hien.md, 02-qd37-19-dieu.md), with the place each must hold.
MANIFESTATIONS = {
    (1, 1): "Phai nhạt lý tưởng cách mạng; dao động, giảm sút niềm tin vào mục tiêu độc lập "
    "dân tộc và chủ nghĩa xã hội; hoài nghi, thiếu tin tưởng vào chủ nghĩa Mác - Lênin, tư "
    "tưởng Hồ Chí Minh.",
    (1, 2): "Xa rời tôn chỉ, mục đích của Đảng; không kiên định con đường đi lên chủ nghĩa xã "
    "hội; phụ hoạ theo những nhận thức lệch lạc, quan điểm sai trái.",
    (1, 3): "Nhận thức sai lệch về ý nghĩa, tầm quan trọng của lý luận và học tập lý luận chính "
    "trị; lười học tập chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, chủ trương, đường lối, nghị "
    "quyết của Đảng, chính sách, pháp luật của Nhà nước.",
    (1, 4): "Không chấp hành nghiêm các nguyên tắc tổ chức của Đảng; sa sút ý chí phấn đấu, "
    "không gương mẫu trong công tác; né tránh trách nhiệm, thiếu trách nhiệm, trung bình chủ "
    "nghĩa, làm việc qua loa, đại khái, kém hiệu quả; không còn ý thức hết lòng vì nước, vì "
    "dân, không làm tròn chức trách, nhiệm vụ được giao.",
    (3, 1): "Phản bác, phủ nhận chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh và các nguyên tắc tổ "
    "chức của Đảng, nhất là nguyên tắc tập trung dân chủ; đòi thực hiện 'đa nguyên, đa đảng'.",
    (3, 2): "Phản bác, phủ nhận nền dân chủ xã hội chủ nghĩa, nhà nước pháp quyền xã hội chủ "
    "nghĩa; đòi thực hiện thể chế 'tam quyền phân lập', phát triển 'xã hội dân sự'. Phủ nhận nền "
    "kinh tế thị trường định hướng xã hội chủ nghĩa, chế độ sở hữu toàn dân về đất đai.",
    (3, 3): "Nói, viết, làm trái quan điểm, chủ trương, đường lối của Đảng, chính sách, pháp luật "
    "của Nhà nước. Hạ thấp, phủ nhận những thành quả cách mạng; thổi phồng khuyết điểm của Đảng, "
    "Nhà nước. Xuyên tạc lịch sử, bịa đặt, vu cáo các lãnh tụ tiền bối và lãnh đạo Đảng, Nhà "
    "nước.",
    (3, 4): "Kích động tư tưởng bất mãn, bất đồng chính kiến, chống đối trong nội bộ. Lợi dụng và "
    "sử dụng các phương tiện thông tin, truyền thông, mạng xã hội để nói xấu, bôi nhọ, hạ thấp "
    "uy tín, vai trò lãnh đạo của Đảng, gây chia rẽ nội bộ, nghi ngờ trong cán bộ, đảng viên và "
    "nhân dân.",
    (3, 5): "Phủ nhận vai trò lãnh đạo tuyệt đối, trực tiếp về mọi mặt của Đảng đối với lực lượng "
    "vũ trang; đòi 'phi chính trị hóa' quân đội và công an; xuyên tạc đường lối quốc phòng toàn "
    "dân và an ninh nhân dân; chia rẽ quân đội với công an; chia rẽ nhân dân với quân đội và "
    "công an.",
}
# Passages found only in part: each must be inside the entry at its place.
MANIFESTATION_PARTS = {
    (1, 5): (
        "Trong tự phê bình còn giấu giếm, không dám nhận khuyết điểm; khi có khuyết điểm thì "
        "thiếu thành khẩn, không tự giác nhận kỷ luật. Trong phê bình thì nể nang, né tránh, "
        "ngại va chạm, thấy đúng không bảo v",
        "thấy đúng không bảo vệ, thấy sai không đấu tranh",
    ),
}
ARTICLES = {
    3: "phản bác, phủ nhận, xuyên tạc chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh; không thực "
    "hiện trách nhiệm nêu gương; chủ nghĩa cá nhân, cơ hội, vụ lợi; 'tư duy nhiệm kỳ', đoàn kết "
    "xuôi chiều, dân chủ hình thức, thấy đúng không bảo vệ, thấy sai không đấu tranh; độc đoán, "
    "chuyên quyền, quan liêu, xa rời quần chúng.",
    9: "Báo cáo, kê khai lý lịch, lập hồ sơ, kê khai tài sản, thu nhập không trung thực. Sử dụng "
    "văn bằng, chứng chỉ, chứng nhận giả, không hợp pháp; nhập quốc tịch, chuyển tiền, tài sản "
    "ra nước ngoài, mở tài khoản và mua bán tài sản ở nước ngoài trái quy định.",
    19: "Mê tín, hoạt động mê tín; ủng hộ hoặc tham gia các tôn giáo bất hợp pháp hoặc lợi dụng "
    "các hoạt động tôn giáo, tín ngưỡng để trục lợi.",
}
# Words the articles hold per the sources (translations or fragments): Điều 1 begins with
# the Vietnamese found; Điều 2 forbids self-nomination; Điều 14 names embezzlement, money
# laundering and illegal lending.
ARTICLE_WORDS = {
    1: ("Nói, viết, làm trái hoặc không thực hiện Cương lĩnh chính trị, Điều lệ Đảng",),
    2: ("nguyên tắc tổ chức", "tự ứng cử, nhận đề cử", "chưa được tổ chức đảng có thẩm quyền"),
    14: ("Tham ô", "rửa tiền", "cho vay trái phép"),
}
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "regulations"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def shipped():
    return builtin_templates()["tu_soi_tu_sua"][0]


def raw_file() -> dict:
    return tomllib.loads((templates_dir() / "tu_soi_tu_sua.toml").read_text(encoding="utf-8"))


def entry(group: int, number: int) -> ReviewText:
    return shipped().manifestation_groups[group - 1].entries[number - 1]


def test_three_groups_of_nine_in_the_resolution_order():
    groups = shipped().manifestation_groups
    assert [g.key for g in groups] == ["tu_tuong", "dao_duc", "tu_dien_bien"]
    assert [len(g.entries) for g in groups] == [9, 9, 9]
    texts = [nfc(e.text) for g in groups for e in g.entries]
    assert len(set(texts)) == 27


@pytest.mark.parametrize("place", sorted(MANIFESTATIONS))
def test_quoted_manifestations_are_verbatim_at_their_place(place):
    got = entry(*place)
    assert nfc(got.text) == nfc(MANIFESTATIONS[place])
    assert got.source.startswith("http")


def test_partly_found_manifestation_holds_its_passages_and_is_marked():
    got = entry(1, 5)
    for passage in MANIFESTATION_PARTS[(1, 5)]:
        assert nfc(passage) in nfc(got.text)
    assert not got.verified and got.source and got.note


def test_nineteen_articles_numbered_one_to_nineteen():
    articles = raw_file()["prohibitions"]
    assert [a["article"] for a in articles] == list(range(1, 20))
    prohibitions = shipped().prohibitions
    assert len(prohibitions) == 19 and len({p.text for p in prohibitions}) == 19
    for number, quote in ARTICLES.items():
        got = prohibitions[number - 1]
        assert nfc(got.text).casefold() == nfc(quote).casefold()
        assert got.verified and got.source
    for number, words in ARTICLE_WORDS.items():
        for word in words:
            assert nfc(word) in nfc(prohibitions[number - 1].text)
    assert not any("mê tín" in p.text.lower() for p in prohibitions[:18])


def test_every_entry_has_a_source_or_says_it_is_unverified():
    raw = raw_file()
    tables = [e for g in raw["manifestation_groups"] for e in g["entries"]]
    tables += raw["prohibitions"]
    assert len(tables) == 46
    for table in tables:
        assert table.get("source") or table.get("verified") is False, table["text"]
    unverified = {ref for ref, _g, _e in shipped().unverified()}
    assert "m1" not in unverified and "p19" not in unverified
    assert {"m6", "m10", "m24", "p6", "p18"} <= unverified


def _minimal(body: str) -> str:
    return 'key = "x"\ntitle = "X"\n\n[[steps]]\nkey = "a"\ntitle = "A"\noffset_days = 1\n' + (
        'evidence = "note"\n' + body
    )


def test_entry_without_source_or_verified_false_is_refused_with_its_line():
    text = _minimal('\n[[prohibitions]]\narticle = 1\ntext = "Điều một"\n')
    with pytest.raises(RuleFileError) as info:
        parse_template(text, "mau.toml")
    assert "verified = false" in info.value.message
    assert info.value.line == text.splitlines().index('text = "Điều một"') + 1


def test_articles_out_of_order_are_refused():
    body = "".join(
        f'\n[[prohibitions]]\narticle = {n}\ntext = "Điều {n}"\nverified = false\n' for n in (1, 3)
    )
    with pytest.raises(RuleFileError) as info:
        parse_template(_minimal(body), "mau.toml")
    assert "article phải là 2" in info.value.message


def test_older_files_with_plain_strings_read_as_unverified():
    body = 'prohibitions = ["Cu\u0309a chi\u0301nh ta"]\n'
    text = body + _minimal("")
    template = parse_template(text, "cu.toml")
    assert template.prohibitions == (ReviewText(nfc("Của chính ta")),)
    assert [ref for ref, _g, _e in template.unverified()] == ["p1"]


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference notes not beside the checkout")
def test_the_quotes_here_are_the_reference_notes_word_for_word():
    notes = " ".join(
        (REFERENCE / name).read_text(encoding="utf-8")
        for name in ("01-nq04-27-bieu-hien.md", "02-qd37-19-dieu.md")
    )
    notes = nfc(re.sub(r"\s+", " ", notes))
    quotes = [*MANIFESTATIONS.values(), *ARTICLES.values()]
    quotes += [p for parts in MANIFESTATION_PARTS.values() for p in parts[:1]]
    for quote in quotes:
        assert nfc(quote) in notes, quote[:50]

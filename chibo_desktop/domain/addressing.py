"""Who a cell's document goes to: "Kính gửi" and the "Nơi nhận" list (HD 36)."""

from __future__ import annotations


def superior_committee(party_committee: str) -> str:
    """The body a report is addressed to: "Đảng bộ phường X" is led by "Đảng ủy phường X"."""
    if party_committee.lower().startswith("đảng bộ"):
        return "Đảng ủy" + party_committee[len("Đảng bộ") :]
    return party_committee


def default_recipients(party_committee: str) -> list[str]:
    """The usual "Nơi nhận" of a cell's report: the committee above, then the cell's file."""
    above = superior_committee(party_committee)
    lines = [f"{above} (để báo cáo)"] if above else []
    return [*lines, "Lưu chi bộ"]


def recipient_lines(lines: list[str]) -> list[str]:
    """As printed: "- " in front, "," after each line but the last, "." after the last."""
    cleaned = [line.strip().lstrip("-").strip().rstrip(",.;") for line in lines]
    cleaned = [line for line in cleaned if line]
    return [f"- {line}" + ("." if n == len(cleaned) - 1 else ",") for n, line in enumerate(cleaned)]

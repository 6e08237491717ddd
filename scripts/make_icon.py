"""Draw the program's emblem and write resources/icons/chibo.png and chibo.ico.

A red rounded square with a gold five-pointed star above an open ledger. Run it again only
when the design changes; the outputs are small and committed.

    python scripts/make_icon.py
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RED_TOP, RED_BOTTOM = QColor("#c8281f"), QColor("#94170f")
GOLD = QColor("#ffd54a")
PAPER = QColor("#fffaf0")


def star(cx: float, cy: float, outer: float) -> QPolygonF:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return QPolygonF(points)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    p.scale(s, s)

    # Background: rounded square with a soft vertical gradient.
    gradient = QLinearGradient(0, 0, 0, 256)
    gradient.setColorAt(0, RED_TOP)
    gradient.setColorAt(1, RED_BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)

    # Open ledger: two pages meeting at a spine.
    p.setBrush(PAPER)
    left, right = QPainterPath(), QPainterPath()
    left.moveTo(128, 150)
    left.cubicTo(100, 136, 72, 134, 44, 140)
    left.lineTo(44, 214)
    left.cubicTo(72, 208, 100, 210, 128, 224)
    left.closeSubpath()
    right.moveTo(128, 150)
    right.cubicTo(156, 136, 184, 134, 212, 140)
    right.lineTo(212, 214)
    right.cubicTo(184, 208, 156, 210, 128, 224)
    right.closeSubpath()
    p.drawPath(left)
    p.drawPath(right)
    if size >= 32:
        pen = QPen(QColor("#d8cbb3"), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        for offset in (22, 40, 58):
            y = 148 + offset
            p.drawLine(QPointF(60, y - 4), QPointF(112, y + 2))
            p.drawLine(QPointF(144, y + 2), QPointF(196, y - 4))
        p.setPen(QPen(RED_BOTTOM, 4))
        p.drawLine(QPointF(128, 152), QPointF(128, 222))

    # Gold star above the book.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(GOLD)
    p.drawPolygon(star(128, 84, 62))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def write_ico(path: Path, images: list[QImage]) -> None:
    """An .ico holding PNG-compressed images (supported since Windows Vista)."""
    blobs = [png_bytes(image) for image in images]
    header = b"\x00\x00\x01\x00" + len(blobs).to_bytes(2, "little")  # reserved, type 1 = icon
    entries = b""
    offset = 6 + 16 * len(blobs)
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0
        entries += bytes([side, side, 0, 0])
        entries += (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "chibo.png"))
    write_ico(OUT / "chibo.ico", [draw(n) for n in ICO_SIZES])
    print(f"{OUT / 'chibo.png'}\n{OUT / 'chibo.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

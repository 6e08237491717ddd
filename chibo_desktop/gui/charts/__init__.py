"""Small charts painted with Qt's own QPainter (no QtCharts): the home page's pictures."""

from .attendance import AttendanceChart
from .deadlines import DeadlineList
from .stacked import StackedBars
from .steps import StepStrip

__all__ = ["AttendanceChart", "DeadlineList", "StackedBars", "StepStrip"]

"""A small line chart for per-epoch metrics: axes, ticks, labels, a legend, one line per series.

Drawn into a cached surface that is rebuilt only when the data, the language or the text size
changes, so a frame costs a blit. The chart's words may be given as lookups (called when the
chart is drawn), so a language chosen while the chart is on screen shows at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from mnist_arcade.game.widgets.text import Text, fit_lines
from mnist_arcade.game.widgets.theme import MUTED, PANEL, PANEL_EDGE, SERIES, TEXT
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import current_language
from mnist_arcade.game.words.numbers import percent, readable

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 58, 16, 58, 46
AXIS_NAME_LEFT, SUBTITLE_TOP, TICK_GAP = 4, 32, 6  # px from the chart's edge / the plot's
LEGEND_TOP = 14  # the series' names, top right: the subtitle starts below them
SUBTITLE_LINES = 2  # a subtitle too long for one line (larger text) takes a second
HOVER_PIXELS = 10  # how near the mouse must be to a point to show its value
Words = str | Callable[[], str]  # a label, or a lookup in the catalogue made when drawn


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering [low, high]."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-6:
        ticks.append(round(value, 10))
        value += step
    return ticks


class LineChart:
    """Plots named series against epoch number 1..``x_max`` in a fixed rectangle."""

    def __init__(
        self,
        text: Text,
        rect: pygame.Rect,
        title: Words,
        y_label: Words,
        y_range: tuple[float, float] | None = None,
        percent: bool = False,
        subtitle: Words = "",
    ) -> None:
        self.text = text
        self.rect = pygame.Rect(rect)
        self._title = title
        self._subtitle = subtitle  # one plain sentence on what the chart shows
        self._y_label = y_label
        self.y_range = y_range  # None: fit the data
        self.percent = percent
        self._key = None
        self._surface: pygame.Surface | None = None
        self._points: list[tuple[str, int, float, tuple[int, int]]] = []  # for hovering

    def __repr__(self) -> str:
        return f"LineChart({self.title!r}, {self.rect})"

    @property
    def title(self) -> str:
        return _said(self._title)

    @property
    def subtitle(self) -> str:
        return _said(self._subtitle)

    @property
    def y_label(self) -> str:
        return _said(self._y_label)

    @property
    def plot_area(self) -> pygame.Rect:
        """Where the lines are plotted, inside the chart: the usual margins, or wider ones
        where taller text (F2, Chinese) needs them, so the axis name, the tick labels and the
        subtitle keep clear of each other."""
        ticks = self.text.font(18)
        widest = ticks.size("100%" if self.percent else "0.00")[0]
        axis_name = self.text.font(18, self.y_label).get_height()  # drawn turned on its side
        left = max(MARGIN_LEFT, AXIS_NAME_LEFT + axis_name + 4 + widest + TICK_GAP)
        line_height = self.text.font(18, self.subtitle).get_linesize()
        subtitle = len(self._subtitle_lines(left)) * line_height
        top = max(MARGIN_TOP, self._subtitle_top() + subtitle + ticks.get_height() // 2 + 2)
        return pygame.Rect(
            left,
            top,
            self.rect.width - left - MARGIN_RIGHT,
            self.rect.height - top - MARGIN_BOTTOM,
        )

    def _subtitle_lines(self, left: int) -> list[str]:
        """The subtitle in lines that fit between ``left`` and the chart's right margin: two
        where larger text (a small window, F2) makes one too long, never cut silently."""
        if not self.subtitle:
            return []
        width = self.rect.width - left - MARGIN_RIGHT
        return fit_lines(self.subtitle, self.text.font(18, self.subtitle), width, SUBTITLE_LINES)

    def _subtitle_top(self) -> int:
        """The subtitle's top: under the title, and under the legend it would run into."""
        return max(SUBTITLE_TOP, LEGEND_TOP + self.text.font(18).get_linesize())

    def draw(
        self,
        target: pygame.Surface,
        series: dict[str, list[float]],
        x_max: int,
        earlier: list[dict[str, list[float]]] = (),
    ) -> None:
        """Plot ``series``; ``earlier`` runs' series are drawn first, faded, for comparison."""
        key = (
            _frozen(series),
            x_max,
            tuple(_frozen(run) for run in earlier),
            (current_language(), self.text.large, self.title, self.subtitle, self.y_label),
        )
        if key != self._key:
            x_max = max([x_max, *(len(v) for run in earlier for v in run.values())])
            self._surface = self._render(series, max(x_max, 1), list(earlier))
            self._key = key
        target.blit(self._surface, self.rect)

    def _y_bounds(self, series: dict[str, list[float]]) -> tuple[float, float]:
        if self.y_range is not None:
            return self.y_range
        values = [v for line in series.values() for v in line if math.isfinite(v)]
        if not values:
            return 0.0, 1.0
        return 0.0, max(values) * 1.1 or 1.0

    def _render(
        self, series: dict[str, list[float]], x_max: int, earlier: list[dict[str, list[float]]]
    ) -> pygame.Surface:
        surface = pygame.Surface(self.rect.size)
        surface.fill(PANEL)
        pygame.draw.rect(surface, PANEL_EDGE, surface.get_rect(), width=1)
        every_line = {f"{i}{k}": v for i, run in enumerate(earlier) for k, v in run.items()}
        scale = _Scale(self.plot_area, x_max, *self._y_bounds({**every_line, **series}))
        self.text.draw(surface, self.title, (scale.area.left, 8), 24, TEXT)
        line_height = self.text.font(18, self.subtitle).get_linesize()
        for row, line in enumerate(self._subtitle_lines(scale.area.left)):
            where = (scale.area.left, self._subtitle_top() + row * line_height)
            self.text.draw(surface, line, where, 18, MUTED)
        self._draw_axes(surface, scale)
        self._draw_legend(surface, series, bool(earlier))
        for run in earlier:  # faded lines first, so this run's are drawn over them
            for name, values in run.items():
                points = [point for _, point in scale.finite_points(values)]
                if len(points) >= 2:
                    pygame.draw.lines(surface, _faded(SERIES.get(name, TEXT)), False, points, 1)
        self._points = []
        for name, values in series.items():
            plotted = scale.finite_points(values)
            self._points += [(name, i + 1, values[i], point) for i, point in plotted]
            points = [point for _, point in plotted]
            color = SERIES.get(name, TEXT)
            if len(points) >= 2:
                pygame.draw.lines(surface, color, False, points, 2)
            for point in points:
                pygame.draw.circle(surface, color, point, 3)
        return surface

    def _draw_axes(self, surface: pygame.Surface, scale: _Scale) -> None:
        """Both axes, their ticks with round values, and their names."""
        area = scale.area
        for tick in nice_ticks(scale.low, scale.high):
            y = scale.point(1, tick)[1]
            pygame.draw.line(surface, PANEL_EDGE, (area.left, y), (area.right, y), 1)
            label = percent(tick) if self.percent else readable(tick)
            self.text.draw(surface, label, (area.left - TICK_GAP, y), 18, MUTED, "midright")
        for tick in nice_ticks(1, scale.x_max, 6):
            if tick < 1 or tick != int(tick):
                continue
            x = scale.point(int(tick), scale.low)[0]
            pygame.draw.line(surface, MUTED, (x, area.bottom), (x, area.bottom + 4), 1)
            self.text.draw(surface, f"{int(tick)}", (x, area.bottom + 6), 18, MUTED, "midtop")
        pygame.draw.line(surface, MUTED, area.bottomleft, area.bottomright, 1)
        pygame.draw.line(surface, MUTED, area.topleft, area.bottomleft, 1)
        self.text.draw(
            surface,
            phrase("chart.epoch"),
            (area.centerx, self.rect.height - 4),
            18,
            MUTED,
            "midbottom",
        )
        axis_label = pygame.transform.rotate(self.text.render(self.y_label, 18, MUTED), 90)
        surface.blit(axis_label, axis_label.get_rect(midleft=(AXIS_NAME_LEFT, area.centery)))

    def _draw_legend(
        self, surface: pygame.Surface, series: dict[str, list[float]], earlier: bool
    ) -> None:
        """Each series' name beside a swatch of its colour, top right; the faded runs' one
        under the axis, right (never over a line near 100%)."""
        legend_x = self.plot_area.right
        for name in reversed(list(series)):
            color = SERIES.get(name, TEXT)
            label = self.text.draw(surface, name, (legend_x, LEGEND_TOP), 18, color, "topright")
            pygame.draw.line(
                surface, color, (label.left - 22, label.centery), (label.left - 6, label.centery), 3
            )
            legend_x = label.left - 34
        if earlier:
            where = (self.plot_area.right, self.rect.height - 4)
            faded = phrase("chart.earlier_runs")
            label = self.text.draw(surface, faded, where, 18, MUTED, "bottomright")
            swatch = (label.left - 22, label.centery), (label.left - 6, label.centery)
            pygame.draw.line(surface, _faded(TEXT), *swatch, 1)

    def point_at(self, mouse: tuple[int, int]) -> tuple[str, int, float] | None:
        """(series, epoch, value) of the plotted point nearest the mouse, if it is near."""
        x, y = mouse[0] - self.rect.left, mouse[1] - self.rect.top
        best, best_distance = None, HOVER_PIXELS**2 + 1
        for name, epoch, value, (px, py) in self._points:
            distance = (px - x) ** 2 + (py - y) ** 2
            if distance < best_distance:
                best, best_distance = (name, epoch, value), distance
        return best

    def draw_value(self, target: pygame.Surface, mouse: tuple[int, int]) -> bool:
        """A small card with the hovered point's value; False if no point is near."""
        point = self.point_at(mouse)
        if point is None:
            return False
        name, epoch, value = point
        shown = percent(value, 1) if self.percent else readable(value)
        words = phrase("chart.point", series=name, epoch=epoch, value=shown)
        label = self.text.render(words, 20, TEXT)
        card = label.get_rect(bottomleft=(mouse[0] + 12, mouse[1] - 8)).inflate(16, 10)
        card.clamp_ip(target.get_rect())
        pygame.draw.rect(target, PANEL, card, border_radius=6)
        pygame.draw.rect(target, SERIES.get(name, TEXT), card, width=2, border_radius=6)
        target.blit(label, label.get_rect(center=card.center))
        return True


@dataclass(frozen=True)
class _Scale:
    """Where epoch ``1..x_max`` and values ``low..high`` fall in the plot area, in pixels."""

    area: pygame.Rect
    x_max: int
    low: float
    high: float

    def point(self, epoch: int, value: float) -> tuple[int, int]:
        x = self.area.left + (epoch - 1) / max(self.x_max - 1, 1) * self.area.width
        shown = min(max(value, self.low), self.high)
        y = self.area.bottom - (shown - self.low) / (self.high - self.low) * self.area.height
        return round(x), round(y)

    def finite_points(self, values: list[float]) -> list[tuple[int, tuple[int, int]]]:
        """(index, pixel) of each finite value, epoch ``index + 1``; NaNs leave a gap."""
        return [(i, self.point(i + 1, v)) for i, v in enumerate(values) if math.isfinite(v)]


def _said(words: Words) -> str:
    return words if isinstance(words, str) else words()


def _frozen(series: dict[str, list[float]]) -> tuple:
    return tuple((name, tuple(values)) for name, values in series.items())


def _faded(color: tuple[int, int, int]) -> tuple[int, int, int]:
    """A colour mixed two thirds of the way toward the panel's."""
    return tuple(round(c + (p - c) * 0.65) for c, p in zip(color, PANEL, strict=True))

"""Pictures drawn on the server as SVG text (no scripts): an entity's neighbourhood and a bar chart.

Layouts are computed, not random, so the same graph always gives the same picture.
"""
from __future__ import annotations

import math
from html import escape


def _text(x: float, y: float, s: str, cls: str = "", anchor: str = "middle") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"' + (f' class="{cls}"' if cls else "")
            + f">{escape(s)}</text>")


def _short(s: str, n: int = 14) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def neighbourhood(center: str, others: list[tuple[str, str, str]], width: int = 640, height: int = 420) -> str:
    """The entity in the middle, its neighbours on a circle (``(label, edge label, href)``), each a link."""
    cx, cy = width / 2, height / 2
    r = min(width, height) / 2 - 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(center)} and its neighbours">']
    n = len(others)
    points = []
    for i in range(n):
        a = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    for (x, y), (_, how, _) in zip(points, others):
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" class="edge"/>')
        parts.append(_text((cx + x) / 2, (cy + y) / 2 - 3, _short(how, 18), "edge-label"))
    for (x, y), (label, _, href) in zip(points, others):
        parts.append(f'<a href="{escape(href)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="7" class="node"/>'
                     + _text(x, y + 20, _short(label), "node-label") + "</a>")
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="11" class="center"/>')
    parts.append(_text(cx, cy - 16, _short(center, 20), "center-label"))
    parts.append("</svg>")
    return "".join(parts)


def bars(title: str, rows: list[tuple[str, float, str]], width: int = 640, height: int = 260) -> str:
    """A bar chart: ``(x label, value, tooltip)`` per bar, value axis from 0."""
    left, bottom, top = 48, 36, 28
    plot_w, plot_h = width - left - 12, height - bottom - top
    top_value = max((v for _, v, _ in rows), default=0) or 1
    step = _nice_step(top_value)
    axis_max = math.ceil(top_value / step) * step
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
             _text(width / 2, 16, title, "chart-title")]
    tick = 0.0
    while tick <= axis_max + 1e-9:
        y = top + plot_h - plot_h * tick / axis_max
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 12}" y2="{y:.1f}" class="grid"/>')
        parts.append(_text(left - 6, y + 4, f"{tick:g}", "axis", "end"))
        tick += step
    n = max(len(rows), 1)
    slot = plot_w / n
    bar_w = max(4.0, min(48.0, slot * 0.7))
    for i, (label, value, tip) in enumerate(rows):
        h = plot_h * value / axis_max
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" class="bar">'
                     f"<title>{escape(tip)}</title></rect>")
        parts.append(_text(x + bar_w / 2, top + plot_h + 16, label, "axis"))
    parts.append("</svg>")
    return "".join(parts)


def _nice_step(top: float) -> float:
    raw = top / 4
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag

"""Inline SVG charts, generated as text: no JavaScript, nothing from a network.

Each chart has a title and a description for screen readers, prints its numbers as
text beside the bars, and is always shown next to the table that holds the same data.
"""

from __future__ import annotations

from html import escape

#: colours with at least 3:1 contrast against white (WCAG 2.2 1.4.11), and a pattern
#: of labels so no chart depends on colour alone
PALETTE = ("#1d70b8", "#00703c", "#f47738", "#505a5f")
BAR_H, GAP, LABEL_W, CHART_W = 18, 8, 260, 380


def stacked_bars(
    ident: str,
    title: str,
    rows: list[tuple[str, list[int]]],
    series: list[str],
) -> str:
    """Horizontal stacked bars, one per row, with a legend and the counts as text."""
    total = max((sum(v) for _, v in rows), default=0) or 1
    height = 40 + len(rows) * (BAR_H + GAP) + 30
    width = LABEL_W + CHART_W + 130  # room for the counts after the longest bar
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="chart">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(_describe(rows, series))}</desc>',
    ]
    lx = LABEL_W
    for i, name in enumerate(series):
        out.append(
            f'<rect x="{lx}" y="8" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{lx + 16}" y="18" class="legend">{escape(name)}</text>'
        )
        lx += 16 + 8 * len(name) + 16
    y = 40
    for label, values in rows:
        out.append(
            f'<text x="{LABEL_W - 8}" y="{y + 13}" text-anchor="end">{escape(label)}</text>'
        )
        x: float = LABEL_W
        for i, v in enumerate(values):
            w = round(CHART_W * v / total, 1)
            if v:
                out.append(
                    f'<rect x="{x}" y="{y}" width="{w}" height="{BAR_H}" '
                    f'fill="{PALETTE[i % len(PALETTE)]}" stroke="#ffffff"/>'
                )
            x = round(x + w, 1)
        shown = " / ".join(str(v) for v in values)
        out.append(f'<text x="{x + 6}" y="{y + 13}">{escape(shown)}</text>')
        y += BAR_H + GAP
    out.append("</svg>")
    return "\n".join(out)


def _describe(rows: list[tuple[str, list[int]]], series: list[str]) -> str:
    parts = []
    for label, values in rows:
        pairs = ", ".join(f"{s} {v}" for s, v in zip(series, values, strict=False))
        parts.append(f"{label}: {pairs}")
    return "; ".join(parts) + "."

"""The export document as one self-contained HTML page, with an SVG chart per numeric assertion.

Article text is untrusted: every piece of it goes through `html.escape`, links are
made only to http(s) addresses, and a Content-Security-Policy forbids scripts and
every remote load, so the page needs no network and runs nothing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

from factcheck.export import (
    CONTRADICTED,
    STATUS_ORDER,
    describe_value,
    format_number,
    plural,
    safe_url,
    status_label,
    status_title,
)

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'")
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 80, 24, 20, 56
UNDATED_BAND = 80  # room at the right for citations with no date at all
INSET = 40  # keeps the first and last date labels inside the plot
TICK_GAP = 80  # pixels between date labels: a YYYY-MM-DD label is about 65 wide

STYLE = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header,main,footer{max-width:960px;margin:0 auto;padding:0 20px}
header{padding-top:16px}
h1{margin:.4em 0 .2em}h2{border-bottom:2px solid #ccc;margin-top:1.6em}
.assertion{background:#fff;border:1px solid #ddd;border-left:6px solid #888;border-radius:4px;
 padding:8px 18px 12px;margin:18px 0}
.assertion.status-contradicted{border-left-color:#c0392b}
.assertion.status-corroborated{border-left-color:#1e8449}
.assertion.status-single-source{border-left-color:#b7950b}
.badge{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-weight:600;font-size:.9em}
.badge.contradicted{background:#c0392b}.badge.corroborated{background:#1e8449}
.badge.single-source{background:#b7950b}
.meta{color:#555}
p.contradiction{background:#fdecea;border:1px solid #c0392b;padding:6px 10px;border-radius:4px}
table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
tr.contradiction td{background:#fdecea}
figure.chart{margin:8px 0}
svg .axis{stroke:#444;stroke-width:1}svg .grid{stroke:#e3e3e3;stroke-width:1}
svg text{font:12px system-ui,sans-serif;fill:#333}
svg .marker{stroke:#fff;stroke-width:1.5}
svg .marker.contradiction{stroke:#c0392b;stroke-width:3}
svg .range{stroke-width:3;opacity:.6}
svg .value-line.contradiction{stroke:#c0392b;stroke-dasharray:4 3;opacity:.7}
.legend{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.9em}
ol.citations li{margin:8px 0}
blockquote.quote{margin:2px 0;padding:2px 10px;border-left:3px solid #bbb;white-space:pre-wrap}
li.contradiction blockquote.quote{border-left-color:#c0392b}
li.citation:target{background:#fff6c2}
.source{color:#444;font-size:.92em}
code{font-size:.9em}
footer{color:#666;font-size:.85em;padding-bottom:24px}
"""


def render_html(doc: Mapping[str, Any], title: str = "Fact-check report") -> str:
    """The report page: summary, assertions by status with charts and citations, sources."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="summary">{escape(_summary(doc))}</p>',
    ]
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for a in doc["assertions"]:
        groups.setdefault(a["status"], []).append(a)
    order = [s for s in list(STATUS_ORDER) + sorted(set(groups) - set(STATUS_ORDER)) if s in groups]
    parts.append('<nav><ul>')
    for status in order:
        parts.append(f'<li><a href="#group-{_slug(status)}">{escape(status_title(status))}'
                     f" ({len(groups[status])})</a></li>")
    if doc.get("sources"):
        parts.append('<li><a href="#sources">Sources</a></li>')
    parts += ["</ul></nav>", "</header>", "<main>"]
    if not doc["assertions"]:
        parts.append("<p>No assertions match.</p>")
    for status in order:
        parts.append(f'<section class="group" id="group-{_slug(status)}">')
        parts.append(f"<h2>{escape(status_title(status))} ({len(groups[status])})</h2>")
        for a in groups[status]:
            parts.append(_assertion(a))
        parts.append("</section>")
    if doc.get("sources"):
        parts.append(_sources(doc["sources"]))
    made = f"Generated by {doc['generator']} {doc['version']}"
    if doc.get("generated_at"):
        made += f" on {doc['generated_at']}"
    parts += ["</main>", f"<footer><p>{escape(made)}.</p></footer>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _summary(doc: Mapping[str, Any]) -> str:
    counts = doc["counts"]
    by_status = ", ".join(f"{counts['by_status'].get(s, 0)} {status_label(s).lower()}"
                          for s in STATUS_ORDER)
    text = (f"{counts['assertions']} assertions ({by_status}) with {counts['citations']} "
            f"citations from {counts['documents']} documents.")
    filters = {k: v for k, v in doc.get("filters", {}).items() if v}
    if filters:
        text += " Filters: " + ", ".join(f"{k} {v}" for k, v in filters.items()) + "."
    return text


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", str(text))


def citation_anchor(assertion_id: str, citation_id: str) -> str:
    """The HTML id of a citation's quote element (unique per assertion and claim)."""
    return f"cite-{_slug(assertion_id)}-{_slug(citation_id)}"


def _contradicting(a: Mapping[str, Any]) -> tuple[set[int], set[str]]:
    """The values and citations that contradict: all but the best value's, or all if none is best.

    A contradicted assertion without values tied to its citations (two versions of a
    quote, say) has every citation marked, since the reader must compare them all.
    """
    if a["status"] != CONTRADICTED:
        return set(), set()
    best = {i for i, v in enumerate(a["values"]) if v.get("best")}
    values = set(range(len(a["values"]))) - best
    citations = {c["id"] for c in a["citations"] if c.get("value_index") in values}
    if not citations:
        citations = {c["id"] for c in a["citations"]}
    return values, citations


def _assertion(a: Mapping[str, Any]) -> str:
    status = a["status"]
    against, against_citations = _contradicting(a)
    parts = [
        f'<article class="assertion status-{_slug(status)}" id="a-{_slug(a["id"])}">',
        f"<h3>{escape(a['label'])}</h3>",
        f'<p class="meta"><span class="badge {_slug(status)}">{escape(status_label(status))}'
        f"</span> confidence {a['confidence']:.2f} · {plural(a['n_outlets'], 'outlet')} · "
        f"{escape(plural(a['n_independent_sources'], 'independent source'))} · "
        f"id <code>{escape(a['id'])}</code></p>",
    ]
    shown = [(i, v) for i, v in enumerate(a["values"]) if describe_value(v)]
    position = {c["id"]: n for n, c in enumerate(a["citations"], 1)}  # numbers in the list below
    if status == CONTRADICTED and len(shown) > 1:
        sides = []
        for _, v in shown:
            who = ", ".join(v["outlets"] or v["sources"])
            side = f"<strong>{escape(describe_value(v))}</strong>"
            sides.append(f"{side} ({escape(who)})" if who else side)
        parts.append('<p class="contradiction">Sources disagree: ' + " vs ".join(sides) + "</p>")
    elif status == CONTRADICTED:
        parts.append(f'<p class="contradiction">Sources disagree: compare the '
                     f'{plural(len(a["citations"]), "citation")} below.</p>')
    if a["kind"] == "numeric":
        parts.append(_chart(a, against, against_citations))
    if shown:
        parts.append("<table class=\"values\"><thead><tr><th>Value</th><th>As of</th>"
                     "<th>Outlets</th><th>Original sources</th><th>Citations</th></tr></thead><tbody>")
        for i, v in shown:
            cls = ' class="contradiction"' if i in against else ""
            best = " (best supported)" if v.get("best") else ""
            links = " ".join(
                f'<a href="#{citation_anchor(a["id"], c)}">{position[c]}</a>'
                for c in v["citations"] if c in position
            )
            parts.append(
                f"<tr{cls}><td>{escape(describe_value(v))}{best}</td><td>{escape(v.get('as_of') or '')}"
                f"</td><td>{escape(', '.join(v['outlets']))}</td>"
                f"<td>{escape(', '.join(v['sources']))}</td><td>{links}</td></tr>"
            )
        parts.append("</tbody></table>")
    if a["reasons"]:
        parts.append('<ul class="reasons">')
        parts += [f"<li>{escape(r)}</li>" for r in a["reasons"]]
        parts.append("</ul>")
    parts.append('<ol class="citations">')
    for c in a["citations"]:
        parts.append(_citation(a, c, c["id"] in against_citations))
    parts += ["</ol>", "</article>"]
    return "\n".join(parts)


def _citation(a: Mapping[str, Any], c: Mapping[str, Any], contradicts: bool) -> str:
    d = c["document"]
    anchor = citation_anchor(a["id"], c["id"])
    cls = "citation contradiction" if contradicts else "citation"
    source = [f"<strong>{escape(d['outlet'] or d['path'])}</strong>",
              escape(d["published"] or "undated")]
    url = safe_url(d["url"])
    if url:
        source.append(f'<a href="{escape(url)}" rel="noopener noreferrer">'
                      f"{escape(d['title'] or url)}</a>")
    elif d["title"]:
        source.append(f"<cite>{escape(d['title'])}</cite>")
    source.append(f"<code>{escape(d['path'])}</code> characters {c['start']}–{c['end']}")
    if c.get("attributed_to"):
        source.append(f"attributed to {escape(c['attributed_to'])}")
    if c.get("as_of"):
        source.append(f"as of {escape(c['as_of'])}")
    value = describe_value(c)
    if value:
        source.append(f"value {escape(value)}")
    return (f'<li id="{anchor}" class="{cls}"><blockquote class="quote">{escape(c["quote"])}'
            f'</blockquote><p class="source">{" · ".join(source)} · '
            f'<a href="#{anchor}" title="link to this citation">¶</a></p></li>')


def _sources(sources: Sequence[Mapping[str, Any]]) -> str:
    rows = [
        '<section id="sources"><h2>Sources</h2><table class="sources"><thead><tr><th>Source</th>'
        "<th>Kind</th><th>Credibility</th><th>Claims</th><th>Corroborated</th>"
        "<th>Contradicted</th><th>Why</th></tr></thead><tbody>"
    ]
    for s in sources:
        rows.append(
            f"<tr><td>{escape(s['name'])}</td><td>{escape(s['kind'])}</td>"
            f"<td>{s['credibility']:.2f}</td><td>{s['n_claims']}</td><td>{s['n_corroborated']}</td>"
            f"<td>{s['n_contradicted']}</td><td>{escape('; '.join(s['explanation']))}</td></tr>"
        )
    rows.append("</tbody></table></section>")
    return "\n".join(rows)


# --------------------------------------------------------------------------- chart


def _day(text: str | None) -> int | None:
    """A date, month or year as a day number (mid-month, mid-year for coarse ones)."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 7), int(m[3] or (15 if m[2] else 1))).toordinal()
    except ValueError:
        return None


def _y_of(c: Mapping[str, Any]) -> float | None:
    if c.get("value") is not None:
        return float(c["value"])
    if c.get("low") is not None and c.get("high") is not None:
        return (c["low"] + c["high"]) / 2
    for key in ("low", "high"):
        if c.get(key) is not None:
            return float(c[key])
    return None


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 times a power of ten) covering low..high."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    n = int(round((math.ceil(high / step) * step - first) / step))
    return [round(first + i * step, 10) for i in range(n + 1)]


def _tick_label(value: float, ticks: Sequence[float]) -> str:
    """Axis numbers short enough for the margin: 2,500 but 3.5M and 1.2B."""
    top = max(abs(t) for t in ticks)
    for scale, suffix in ((1e9, "B"), (1e6, "M")):
        if top >= scale:
            return f"{value / scale:.6g}{suffix}"
    return format_number(value)


def _chart(a: Mapping[str, Any], against: set[int], against_citations: set[str]) -> str:
    points = []
    day_label: dict[int, str] = {}  # the date as the text gave it: a bare year stays "2024"
    for c in a["citations"]:
        y = _y_of(c)
        if y is None:
            continue
        when = c.get("as_of") if _day(c.get("as_of")) is not None else None
        basis = "as of" if when else "published"
        when = when or c["document"]["published"]
        day = _day(when)
        if day is not None:
            text = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", when or "")[0]  # type: ignore[index]
            day_label[day] = min(day_label.get(day, text), text, key=len)
        points.append((c, y, day, f"{basis} {when}" if day is not None else "undated"))
    if not points:
        return ""
    outlets = sorted({c["document"]["outlet"] or c["document"]["path"] for c, *_ in points})
    colour = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}
    ys = [y for _, y, *_ in points]
    ys += [c[k] for c, *_ in points for k in ("low", "high") if c.get(k) is not None]
    pad = (max(ys) - min(ys)) * 0.1 or abs(max(ys)) * 0.1 or 1
    ticks = nice_ticks(min(ys) - pad, max(ys) + pad)
    y0, y1 = ticks[0], ticks[-1]
    days = sorted({d for _, _, d, _ in points if d is not None})
    undated = any(d is None for _, _, d, _ in points)
    right = WIDTH - RIGHT - (UNDATED_BAND if undated else 0)
    d0, d1 = (days[0], days[-1]) if days else (0, 1)
    if d0 == d1:  # one date: put it in the middle
        d0, d1 = d0 - 1, d1 + 1

    def px(day: int | None) -> float:
        if day is None:
            return WIDTH - RIGHT - UNDATED_BAND / 2
        return LEFT + INSET + (day - d0) / (d1 - d0) * (right - LEFT - 2 * INSET)

    def py(value: float) -> float:
        return TOP + (y1 - value) / (y1 - y0) * (HEIGHT - TOP - BOTTOM)

    counted = Counter(c.get("counted") for c, *_ in points if c.get("counted")).most_common(1)
    y_label = counted[0][0] if counted else "value"
    label = f"Reported values of {a['label']}"
    svg = [
        f'<figure class="chart"><svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for t in ticks:
        svg.append(f'<line class="grid" x1="{LEFT}" x2="{right}" y1="{py(t):.1f}" y2="{py(t):.1f}"/>')
        svg.append(f'<text x="{LEFT - 6}" y="{py(t) + 4:.1f}" text-anchor="end">'
                   f"{escape(_tick_label(t, ticks))}</text>")
    base = HEIGHT - BOTTOM
    svg.append(f'<line class="axis" x1="{LEFT}" x2="{right}" y1="{base}" y2="{base}"/>')
    svg.append(f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}"/>')
    shown_days: list[int] = []
    for d in days:  # left to right, skipping dates whose label would overlap the previous one
        if not shown_days or px(d) - px(shown_days[-1]) >= TICK_GAP:
            shown_days.append(d)
    if days and shown_days[-1] != days[-1] and len(shown_days) > 1:
        shown_days[-1] = days[-1]  # the last date matters more than the one before it
    for d in shown_days:
        svg.append(f'<text class="x-tick" x="{px(d):.1f}" y="{base + 18}" text-anchor="middle">'
                   f"{escape(day_label[d])}</text>")
    if undated:
        svg.append(f'<text class="x-tick" x="{px(None):.1f}" y="{base + 18}" '
                   'text-anchor="middle">undated</text>')
    svg.append(f'<text class="axis-label" x="{(LEFT + right) / 2:.1f}" y="{HEIGHT - 8}" '
               'text-anchor="middle">date (as of, else published)</text>')
    svg.append(f'<text class="axis-label" transform="translate(16 {(TOP + base) / 2:.1f}) rotate(-90)" '
               f'text-anchor="middle">{escape(y_label)}</text>')
    if a["status"] == CONTRADICTED:
        for i, v in enumerate(a["values"]):
            y = _y_of(v)
            if i in against and y is not None:
                svg.append(f'<line class="value-line contradiction" x1="{LEFT}" x2="{right}" '
                           f'y1="{py(y):.1f}" y2="{py(y):.1f}"/>')
    seen: Counter[tuple[int, int]] = Counter()
    slots = Counter((round(px(d)), round(py(y))) for _, y, d, _ in points)
    for c, y, d, when in points:
        outlet = c["document"]["outlet"] or c["document"]["path"]
        key = (round(px(d)), round(py(y)))
        x = px(d) + (seen[key] - (slots[key] - 1) / 2) * 10  # side by side when they coincide
        seen[key] += 1
        cls = "marker contradiction" if c["id"] in against_citations else "marker"
        tip = f"{outlet}: {describe_value(c)} ({when})"
        if c.get("attributed_to"):
            tip += f", attributed to {c['attributed_to']}"
        svg.append(f'<a href="#{citation_anchor(a["id"], c["id"])}">')
        if c.get("low") is not None and c.get("high") is not None and c["low"] != c["high"]:
            svg.append(f'<line class="range" x1="{x:.1f}" x2="{x:.1f}" y1="{py(c["low"]):.1f}" '
                       f'y2="{py(c["high"]):.1f}" stroke="{colour[outlet]}"/>')
        svg.append(f'<circle class="{cls}" cx="{x:.1f}" cy="{py(y):.1f}" r="6" '
                   f'fill="{colour[outlet]}"><title>{escape(tip)}</title></circle></a>')
    svg.append("</svg>")
    legend = ['<figcaption><ul class="legend">']
    for o in outlets:
        legend.append(f'<li><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" '
                      f'fill="{colour[o]}"/></svg> {escape(o)}</li>')
    if against_citations:
        legend.append('<li><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="4" '
                      'fill="#fff" stroke="#c0392b" stroke-width="2"/></svg> contradicting value</li>')
    legend.append("</ul></figcaption></figure>")
    return "\n".join(svg + legend)

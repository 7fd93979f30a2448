"""The plan and rule pages render findings, and the matrix its cells, in Python
(pages.finding_html, pages.cells_html), not with Jinja macros: the same bytes as the
macros they replace, every value escaped."""

from __future__ import annotations

from typing import Any

import jinja2
import pytest

from lsip_check.audit.pages import _escape, cells_html, finding_html

# The macro the pages used before, kept here as the reference for the bytes.
MACRO = """{% macro finding(f, root, show_rule=True) -%}
<li class="finding sev-{{ f.severity }}">
<p><span class="st st-{{ 'waived' if f.waived else f.severity }}">{{ 'waived' if f.waived else f.severity }}</span>
{% if show_rule %}<a href="{{ root }}rules/{{ f.code }}.html">{{ f.code }}</a> {{ f.name }}{% endif %}
<span class="where">{{ f.file }}:{{ f.line }}:{{ f.column }}</span></p>
<p>{{ f.message }}</p>
{% if f.source %}<pre class="src"><span class="ln">{{ f.line }}</span> {{ f.source }}</pre>{% endif %}
<p class="meta">Guidance {{ f.guidance }}{% if f.fix %}. Fix: {{ f.fix }}{% endif %}</p>
{% if f.waived %}<p class="meta">Waived: {{ f.waived }}</p>{% endif %}
</li>
{%- endmacro %}{{ finding(f, root, show_rule) }}"""

HOSTILE = "<script>alert('x')</script> & \"q\""
FULL: dict[str, Any] = {
    "severity": "error", "code": "LSIP123", "name": "locally-specific",
    "file": "plans/a.lsip.yaml", "line": 12, "column": 5, "message": "names Kent",
    "source": "  area: Kent", "guidance": "3.2", "fix": "Name your own places.",
    "waived": None,
}  # fmt: skip
CASES = [
    FULL,
    FULL | {"waived": "waiver 2 (accepted by DfE)", "fix": ""},
    FULL | {"source": "", "severity": "info"},
    FULL | {k: HOSTILE for k in ("name", "message", "source", "fix", "file")},
    {k: v for k, v in FULL.items() if k not in ("fix", "source", "name")},
    FULL | {"guidance": None},
]


@pytest.mark.parametrize("show_rule", [True, False])
@pytest.mark.parametrize("f", CASES)
def test_the_same_bytes_as_the_macro(f: dict[str, Any], show_rule: bool) -> None:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    want = env.from_string(MACRO).render(f=f, root="../", show_rule=show_rule)
    assert str(finding_html(f, "../", show_rule)) == want


def test_plan_text_in_a_finding_is_escaped() -> None:
    html = str(finding_html(CASES[3], "../"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;" in html


STATE_MACRO = """{% macro state(s, n) -%}
{%- if s in ("error", "warning", "info") -%}<span class="st st-{{ s }}">{{ s }} {{ n }}</span>
{%- elif s == "pass" -%}<span class="st st-pass">pass</span>
{%- elif s == "waived" -%}<span class="st st-waived">waived</span>
{%- elif s == "not decided" -%}<span class="st st-undecided">not decided</span>
{%- elif s == "not applicable" -%}<span class="st st-na">n/a</span>
{%- else -%}<span class="st st-notrun">not run</span>{%- endif -%}
{%- endmacro %}{% for s, n in cells %}<td>{{ state(s, n) }}</td>{% endfor %}"""


def test_matrix_cells_are_the_same_bytes_as_the_macro() -> None:
    cells = [
        (s, n)
        for s in ("error", "warning", "info", "pass", "waived", "not decided",
                  "not applicable", "not run", "other")
        for n in (0, 1, 12)
    ]  # fmt: skip
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    want = env.from_string(STATE_MACRO).render(cells=cells)
    assert str(cells_html(cells)) == want
    assert str(cells_html(cells)) == want  # and again, from the cache


@pytest.mark.parametrize("value", [HOSTILE, "", "plain", 0, 7, None, 1.5, True, "é<é"])
def test_escape_is_markupsafe_s(value: object) -> None:
    from markupsafe import escape

    assert _escape(value) == str(escape(value))

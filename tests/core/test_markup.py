"""Article text in a brief renders as exactly that text, never as markup."""

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcards.core.markup import escape, render

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![pixel](http://tracker.example/p.gif)",
    "<http://example.com>",
    "# Not a heading",
    "1. not a list",
    "- not a list either",
    "> not a quote",
    "*not emphasis* and _not_ and `not code` and \\not escaped",
    "[^1]: not a footnote",
    "&lt;b&gt;entities stay text&lt;/b&gt;",
    "---",
]


def _visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_hostile_text_renders_as_itself() -> None:
    for text in HOSTILE:
        rendered = render(escape(text))
        assert _visible_text(rendered) == text, text
        assert "<script" not in rendered
        assert "<a " not in rendered
        assert "<img" not in rendered
        assert "<h1" not in rendered
        assert "<li" not in rendered


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_any_text_renders_as_itself(text: str) -> None:
    expected = " ".join(text.split())
    assert _visible_text(render(escape(text))) == expected

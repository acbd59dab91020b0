"""The one place that writes and renders markdown.

Text that came from an article is passed through `escape` before it goes into any
markdown we write, so an article can never inject markup, links or HTML: what it says
is shown as text, character for character (whitespace collapsed to single spaces).
"""

import re

import markdown

# Characters that start inline markup anywhere in a line (Python-Markdown's own escapes).
_INLINE = re.compile(r"([\\`*_\[\]])")
# Constructs that are markup only at the start of a line: headings, lists, quotes, rules.
_LINE_START = re.compile(r"^(\s*)(#|[-+]|\d+(?=[.)]))")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Article text as markdown that renders to exactly that text, on one line."""
    text = _SPACE.sub(" ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        head = match.group(1)
        rest = text[match.end() :]
        text = head + (marker + "\\" if marker[0].isdigit() else "\\" + marker) + rest
    return text


def render(markdown_text: str) -> str:
    """Markdown (ours, with escaped article text inside) as an HTML fragment."""
    html: str = markdown.markdown(markdown_text, extensions=["footnotes"], output_format="html")
    return html

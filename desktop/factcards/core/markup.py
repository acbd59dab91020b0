"""The one place that writes and renders markdown.

Text that came from an article is passed through `escape` before it goes into any
markdown we write, so an article can never inject markup, links or HTML: what it says
is shown as text, character for character (whitespace collapsed to single spaces). The
HTML we render is then sanitised by nh3 as well, so that no script, event handler or
`javascript:` link can survive even a mistake in the escaping.
"""

import re
from html import escape as escape_html

import markdown
import nh3

# What a brief's HTML may contain: Python-Markdown's output for headings, paragraphs,
# emphasis, lists, block quotes and footnotes, and nothing else.
_SAFE_TAGS = frozenset(
    "h1 h2 h3 h4 p em strong blockquote ul ol li sup a div hr br code span".split()
)
_SAFE_ATTRIBUTES = {
    "a": {"href", "class", "title"},
    "sup": {"id"},
    "li": {"id"},
    "div": {"class"},
}
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #1f2328; background: #ffffff; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
blockquote { margin: 0.5em 0 0.8em 0; padding: 0.2em 1em; border-left: 4px solid #d0d7de;
             color: #3b4148; }
.footnote { font-size: 0.9em; color: #59636e; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; } blockquote { color: #c9d1d9; }
}
"""

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
    """Markdown (ours, with escaped article text inside) as a sanitised HTML fragment."""
    html: str = markdown.markdown(markdown_text, extensions=["footnotes"], output_format="html")
    return sanitise(html)


def sanitise(html: str) -> str:
    """HTML with every tag, attribute and link scheme a brief does not need removed."""
    return nh3.clean(
        html,
        tags=set(_SAFE_TAGS),
        attributes={tag: set(names) for tag, names in _SAFE_ATTRIBUTES.items()},
        url_schemes=set(_SAFE_SCHEMES),
    )


def standalone_html(title: str, markdown_text: str) -> str:
    """A complete, styled HTML document of a markdown brief, to save or send."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_html(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{render(markdown_text)}\n</body>\n</html>\n"
    )

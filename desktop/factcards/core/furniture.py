"""Page furniture: the parts of a saved web page that are not the article.

Comment forms, share prompts, captions, disclaimers, breadcrumbs, newsletter boxes and
the like are kept in the stored text (so the source reads as it was saved) but never
become claims. Each pattern matches a whole block, case-insensitively.
"""

import re

_WHOLE_BLOCK = [
    r"\d+",  # comment counters and other bare numbers
    r"[\d,.]+\s*(comments?|shares?|views?|replies)",
    r"(no\s+)?comments?(\s*\(\d+\))?:?",
    r"leave\s+a\s+(reply|comment)(\s+cancel\s+reply)?",
    r"cancel\s+reply",
    r"please\s+enter\s+your\s+(comment|name|e-?mail(\s+address)?|website)(\s+here)?\s*!?\.?",
    r"(post|submit|add)\s+(a\s+)?comment",
    r"save\s+my\s+name,?\s+e-?mail.*",
    r"we\s+need\s+your\s+(insight|input|view).*",
    r"exit\s+mobile\s+version",
    r"skip\s+to\s+(main\s+)?content",
    r"advertisement|sponsored(\s+content)?",
    r"(share|tweet|email|print|copy\s+link|pin\s+it)(\s+(this|the))?(\s+(article|story|post|page))?"
    r"(\s+(on|via)\s+\w+)?:?",
    r"follow\s+us(\s+on\s+.*)?",
    r"(sign\s+up|subscribe)\b.*",
    r"(read|see)\s+(more|also)\b.*",
    r"related(\s+(articles?|stories|posts|coverage|news))?(\s*:.*)?",
    r"(you\s+may\s+also\s+like|more\s+from\s+\w+|recommended(\s+for\s+you)?|trending(\s+now)?):?",
    r"explore\s+more\b.*\bat\s+\S+",
    r"(ai[\s-]+)?generated\s+image|image\s+generated\s+by\s+ai",
    r"(photo|image|picture|credit|illustration|caption|file\s+photo)s?\s*(credit)?\s*[:|/].*",
    r"(©|\(c\)|copyright\s*(©|\d{4})).*",
    r"all\s+rights\s+reserved\.?",
    r"disclaimer\s*:.*",
    r"this\s+(article|story|post)\s+(is|was)\s+(inspired\s+by|based\s+on|adapted\s+from).*",
    r"images?\s+(are|is)\s+credited\s+to.*",
    r"(tags?|topics?|filed\s+under|categories)\s*:.*",
    r"home\s*[›>»/|].*",
    r"click\s+here\b.*",
    r"(updated|published|posted)\s*:?\s*[\w ,:.]*\d[\w ,:.]*",
    # Bylines: "By" and a capitalised name, then maybe an outlet, a date, a reading time.
    r"by\s+(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*(?:[,|/–—·-].*)?",
    r"(min|minute)s?\s+read|\d+\s+min(ute)?s?\s+read",
]
_FURNITURE = re.compile(r"^\s*(?:" + "|".join(_WHOLE_BLOCK) + r")\s*$", re.IGNORECASE)


def is_furniture(block: str) -> bool:
    """True when a whole block of a saved page is furniture, not article text."""
    return _FURNITURE.match(block) is not None

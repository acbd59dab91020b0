"""Text as a case-insensitive pattern reads it.

Python's case-insensitive patterns match four letters beyond A-Z to ASCII ones: "İ" and
"ı" to i, "ſ" (long s) to s and the Kelvin sign to k. In a folded text, whatever such a
pattern matched is there in lower case, so a plain `in` test (or a search that matches
case) for the words a pattern needs is a quick, exact way to spare most texts the costly
pattern, and table look-ups find what it matched ("SPRİNG" as "spring").
"""


def folded(text: str) -> str:
    """`text` in lower case, with "İ" and "ı" as "i" and "ſ" as "s" (the Kelvin sign
    lower-cases to "k" by itself)."""
    return text.replace("İ", "i").replace("ı", "i").replace("ſ", "s").lower()

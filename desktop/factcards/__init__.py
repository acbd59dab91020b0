"""factcards: claims across articles, grouped into cards, triaged, briefed."""

__version__ = "0.1.0"

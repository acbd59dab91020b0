"""How good are the cards? Scores the real pipeline against the team's gold annotations.

    .venv/bin/python -m bench.quality            # every story in tests/corpus
    .venv/bin/python -m bench.quality demo       # one story
    .venv/bin/python -m bench.quality -v         # and every miss

Each story's articles are imported into a fresh project with the real importer, the
project is exported as the contract's JSON, and the JSON is scored against
tests/corpus/<story>/gold.toml (format: tests/corpus/README.md). tests/core/test_quality.py
holds the scores to the targets printed here.

The row "one project" is the stories as an editor keeps a beat: every story's articles
imported into ONE project, story after story, and scored against all the stories' gold
at once, each story's sources and claims named after it ("water-main/notice-lifted"). A
card that holds quotes of two stories counts against its pair precision as any other
pair of different claims does (`-v` lists them as "wrongly together"), which no story
scored alone can show; its recall shows what the other stories' words cost in rarity.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

from factcards.core.export import export_document
from factcards.core.extract import SCORE_CUT
from factcards.core.importer import import_paths
from factcards.core.link import matcher_name
from factcards_db import Project

T = TypeVar("T")
REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"

TARGETS = {
    "quote_recall": 0.95,
    "furniture_cards": 0,
    "pair_precision": 0.9,
    "pair_recall": 0.85,
    "conflict_recall": 1.0,
    "attribution": 0.9,
}


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """An annotated piece of an article, by offsets into the text factcards stores."""

    source: str
    start: int
    end: int
    claim: str = ""
    attribution: tuple[str, ...] = ()
    headline: bool = False

    def covered_by(self, start: int, end: int) -> bool:
        """True when a span covers at least half of this one."""
        return _overlap(self.start, self.end, start, end) * 2 >= self.end - self.start


@dataclass
class Gold:
    """One story's annotation, resolved to offsets."""

    story: str
    # Each source's article file, in the order they are imported.
    files: dict[str, Path]
    texts: dict[str, str]
    outlets: dict[str, str]
    quotes: list[GoldSpan]
    conflicts: list[tuple[GoldSpan, GoldSpan, str]]
    furniture: list[GoldSpan]
    not_claims: list[GoldSpan]


@dataclass
class Scores:
    """The figures bench/quality.py prints for one story (or a sum of stories)."""

    articles: int = 0
    gold_quotes: int = 0
    found_quotes: int = 0
    furniture_cards: int = 0
    not_claim_cards: int = 0
    # Annotated claim quotes found only on cards below the score cut (hidden by default).
    hidden_quotes: int = 0
    same_claim_pairs: int = 0
    pairs_together: int = 0
    pairs_together_or_suggested: int = 0
    pairs_sharing: int = 0
    conflicts: int = 0
    conflicts_found: int = 0
    conflicts_unconfirmed: int = 0
    attributions: int = 0
    attributions_right: int = 0
    visible_cards: int = 0
    unannotated_cards: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        """Sum another story's counts into these."""
        for name in self.__dataclass_fields__:
            if name == "misses":
                self.misses += other.misses
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def quote_recall(self) -> float:
        return _ratio(self.found_quotes, self.gold_quotes)

    @property
    def pair_precision(self) -> float:
        return _ratio(self.pairs_together, self.pairs_sharing)

    @property
    def pair_recall(self) -> float:
        return _ratio(self.pairs_together, self.same_claim_pairs)

    @property
    def suggested_recall(self) -> float:
        """Pair recall if the editor accepted every suggested match."""
        return _ratio(self.pairs_together_or_suggested, self.same_claim_pairs)

    @property
    def conflict_recall(self) -> float:
        return _ratio(self.conflicts_found, self.conflicts)

    @property
    def attribution(self) -> float:
        return _ratio(self.attributions_right, self.attributions)

    @property
    def cards_per_article(self) -> float:
        return _ratio(self.visible_cards, self.articles)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def load_gold(path: Path) -> Gold:
    """Read a gold.toml and find every annotated text in its article."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    articles = REPO / raw["articles_dir"]
    from factcards.core.ingest import read_source  # the text exactly as factcards stores it

    texts = {name: read_source(articles / name).text for name in raw["sources"]}
    outlets = {name: meta["outlet"] for name, meta in raw["sources"].items()}

    def span(entry: dict[str, Any], claim: str = "") -> GoldSpan:
        text = texts[entry["source"]]
        start = text.find(entry["text"])
        if start < 0 or text.find(entry["text"], start + 1) >= 0:
            raise ValueError(f"{path}: not exactly once in {entry['source']}: {entry['text']!r}")
        end = start + len(entry["text"])
        return GoldSpan(
            entry["source"],
            start,
            end,
            claim,
            tuple(entry.get("attribution", ())),
            _on_headline(text, start, entry["source"]),
        )

    quotes = [span(q, claim["id"]) for claim in raw["claims"] for q in claim["quotes"]]

    def end_of_conflict(reference: dict[str, str]) -> GoldSpan:
        candidates = [
            q for q in quotes if q.claim == reference["claim"] and q.source == reference["source"]
        ]
        body = [q for q in candidates if not q.headline]
        if not candidates:
            raise ValueError(f"{path}: conflict names no quote: {reference}")
        return (body or candidates)[0]

    conflicts = [
        (end_of_conflict(c["a"]), end_of_conflict(c["b"]), c["reason"])
        for c in raw.get("conflicts", [])
    ]
    return Gold(
        story=raw["story"],
        files={name: articles / name for name in sorted(raw["sources"])},
        texts=texts,
        outlets=outlets,
        quotes=quotes,
        conflicts=conflicts,
        furniture=[span(f) for f in raw.get("furniture", [])],
        not_claims=[span(n) for n in raw.get("not_claims", [])],
    )


def one_project(golds: list[Gold]) -> Gold:
    """The stories' golds as one project's: their articles one story after another, each
    source and claim named after its story, so that two stories' quotes on one card are
    two different claims together."""

    def named(gold: Gold, span: GoldSpan) -> GoldSpan:
        claim = f"{gold.story}/{span.claim}" if span.claim else ""
        return replace(span, source=f"{gold.story}/{span.source}", claim=claim)

    def by_source(part: Callable[[Gold], dict[str, T]]) -> dict[str, T]:
        return {f"{g.story}/{name}": value for g in golds for name, value in part(g).items()}

    return Gold(
        story="one project",
        files=by_source(lambda gold: gold.files),
        texts=by_source(lambda gold: gold.texts),
        outlets=by_source(lambda gold: gold.outlets),
        quotes=[named(g, q) for g in golds for q in g.quotes],
        conflicts=[(named(g, a), named(g, b), why) for g in golds for a, b, why in g.conflicts],
        furniture=[named(g, f) for g in golds for f in g.furniture],
        not_claims=[named(g, n) for g in golds for n in g.not_claims],
    )


def _on_headline(text: str, start: int, source: str) -> bool:
    """Headlines and section headings are not cards: a markdown heading line, or the
    first line of a plain-text article."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].lstrip().startswith("#"):
        return True
    return source.endswith(".txt") and not text[:line_start].strip()


def score(gold: Gold, document: dict[str, Any]) -> Scores:
    """Score a project's JSON export against its gold (a story's, or `one_project`'s)."""
    source_of = {str(path): name for name, path in gold.files.items()}
    names = {s["id"]: source_of[s["path"]] for s in document["sources"]}
    result = Scores(articles=len(gold.texts))
    body = [q for q in gold.quotes if not q.headline]
    result.gold_quotes = len(body)

    def finds(quote: dict[str, Any], target: GoldSpan) -> bool:
        return names[quote["source_id"]] == target.source and target.covered_by(
            quote["start"], quote["end"]
        )

    cards_of: dict[int, set[int]] = {}  # gold quote index -> cards holding it
    shown: set[int] = set()  # gold quotes on a card above the score cut
    best_quote: dict[int, dict[str, Any]] = {}
    for claim in document["claims"]:
        visible = claim["score"] >= SCORE_CUT
        found_here: set[int] = set()
        for quote in claim["quotes"]:
            for index, target in enumerate(body):
                if finds(quote, target):
                    found_here.add(index)
                    if visible:
                        shown.add(index)
                    cards_of.setdefault(index, set()).add(claim["id"])
                    previous = best_quote.get(index)
                    if previous is None or _overlap(
                        target.start, target.end, quote["start"], quote["end"]
                    ) > _overlap(target.start, target.end, previous["start"], previous["end"]):
                        best_quote[index] = quote
            if visible and _hits(quote, names, gold.furniture):
                result.furniture_cards += 1
                result.misses.append(f"furniture card: {claim['text'][:90]!r}")
            if visible and _hits(quote, names, gold.not_claims):
                result.not_claim_cards += 1
                result.misses.append(f"not-claim card: {quote['text'][:90]!r}")
        if visible:
            result.visible_cards += 1
            if not found_here:
                result.unannotated_cards += 1
    result.found_quotes = len(cards_of)
    for index, target in enumerate(body):
        if index not in cards_of:
            result.misses.append(f"quote not found: {target.source}: {_text(gold, target)!r}")
        elif index not in shown:
            result.hidden_quotes += 1
            result.misses.append(f"claim hidden: {target.source}: {_text(gold, target)[:90]!r}")

    suggested = {
        frozenset((claim["id"], s["claim_id"]))
        for claim in document["claims"]
        for s in claim["suggested"]
    }
    sharing: set[tuple[int, int]] = set()
    for a, b in combinations(range(len(body)), 2):
        if cards_of.get(a, set()) & cards_of.get(b, set()):
            sharing.add((a, b))
    for a, b in combinations(range(len(body)), 2):
        same = body[a].claim == body[b].claim
        together = (a, b) in sharing
        if same:
            result.same_claim_pairs += 1
            offered = any(
                frozenset((x, y)) in suggested
                for x in cards_of.get(a, set())
                for y in cards_of.get(b, set())
            )
            if together:
                result.pairs_together += 1
            else:
                result.misses.append(
                    f"{'suggested only' if offered else 'not together'} ({body[a].claim}): "
                    f"{_text(gold, body[a])!r} / {_text(gold, body[b])!r}"
                )
            if together or offered:
                result.pairs_together_or_suggested += 1
        if together:
            result.pairs_sharing += 1
            if not same:
                result.misses.append(
                    f"wrongly together: {_text(gold, body[a])!r} / {_text(gold, body[b])!r}"
                )

    for index, target in enumerate(body):
        quote = best_quote.get(index)
        if quote is None:
            continue
        result.attributions += 1
        if _attribution_right(quote.get("attribution"), target.attribution):
            result.attributions_right += 1
        else:
            result.misses.append(
                f"attribution {quote.get('attribution')!r}, want {list(target.attribution)}: "
                f"{_text(gold, target)[:60]!r}"
            )

    result.conflicts = len(gold.conflicts)
    for a, b, reason in gold.conflicts:
        if any(_conflict_joins(c, a, b, names) for c in document["conflicts"]):
            result.conflicts_found += 1
        else:
            result.misses.append(f"conflict not found: {reason}")
    clashing = {frozenset((a.claim, b.claim)) for a, b, _ in gold.conflicts}
    for conflict in document["conflicts"]:
        claims_a = {t.claim for t in body if _end_finds(conflict["a"], t, names)}
        claims_b = {t.claim for t in body if _end_finds(conflict["b"], t, names)}
        if not any(frozenset((x, y)) in clashing for x in claims_a for y in claims_b):
            result.conflicts_unconfirmed += 1
            result.misses.append(f"conflict not in gold: {conflict['reason']}")
    return result


def _end_finds(end: dict[str, Any], target: GoldSpan, names: dict[int, str]) -> bool:
    return names[end["source_id"]] == target.source and target.covered_by(end["start"], end["end"])


def _hits(quote: dict[str, Any], names: dict[int, str], spans: list[GoldSpan]) -> bool:
    for span in spans:
        if names[quote["source_id"]] != span.source:
            continue
        overlap = _overlap(span.start, span.end, quote["start"], quote["end"])
        if overlap * 2 >= min(span.end - span.start, quote["end"] - quote["start"]):
            return True
    return False


def _conflict_joins(
    conflict: dict[str, Any], a: GoldSpan, b: GoldSpan, names: dict[int, str]
) -> bool:
    def covers(end: dict[str, Any], target: GoldSpan) -> bool:
        return names[end["source_id"]] == target.source and target.covered_by(
            end["start"], end["end"]
        )

    x, y = conflict["a"], conflict["b"]
    return (covers(x, a) and covers(y, b)) or (covers(x, b) and covers(y, a))


def _normal(name: str) -> str:
    name = re.sub(r"\s+", " ", name.lower()).strip(" .,;:")
    return name.removeprefix("the ")


def _attribution_right(found: str | None, acceptable: tuple[str, ...]) -> bool:
    if not acceptable:
        return not found
    if not found:
        return False
    mine = _normal(found)
    return any(_normal(a) in mine or mine in _normal(a) for a in acceptable)


def _text(gold: Gold, span: GoldSpan) -> str:
    return gold.texts[span.source][span.start : span.end]


def run_story(gold: Gold) -> Scores:
    """Import a story's articles into a fresh project and score its export."""
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "quality.factcards") as project,
    ):
        import_paths(project, list(gold.files.values()))
        document = export_document(project)
    return score(gold, document)


def stories(names: list[str] | None = None) -> list[Path]:
    """The gold files of the named stories, or of all of them."""
    paths = sorted(CORPUS.glob("*/gold.toml"))
    if names:
        paths = [p for p in paths if p.parent.name in names]
    return paths


def measure(golds: list[Gold]) -> list[tuple[str, Scores]]:
    """The table's rows: each story alone, their sum ("all") and, for several stories,
    all of them in one project ("one project")."""
    total = Scores()
    rows = []
    for gold in golds:
        result = run_story(gold)
        total.add(result)
        rows.append((gold.story, result))
    rows.append(("all", total))
    if len(golds) > 1:
        rows.append(("one project", run_story(one_project(golds))))
    return rows


def print_table(rows: list[tuple[str, Scores]]) -> None:
    """The rows as the table the README shows, with the targets under it."""
    print(f"matcher: {matcher_name()}   score cut: {SCORE_CUT}")
    header = (
        f"{'story':<18}{'arts':>5}{'quote rec':>10}{'hidden':>7}{'furn':>6}{'not-cl':>7}"
        f"{'pair P':>8}{'pair R':>8}{'R+sugg':>8}{'confl':>8}{'extra':>6}{'attrib':>8}"
        f"{'cards/art':>10}{'unannot':>9}"
    )
    print(header)
    print("-" * len(header))
    for story, s in rows:
        print(
            f"{story:<18}{s.articles:>5}{s.quote_recall:>10.3f}{s.hidden_quotes:>7}"
            f"{s.furniture_cards:>6}"
            f"{s.not_claim_cards:>7}{s.pair_precision:>8.3f}{s.pair_recall:>8.3f}"
            f"{s.suggested_recall:>8.3f}"
            f"{s.conflicts_found:>4}/{s.conflicts:<3}{s.conflicts_unconfirmed:>6}{s.attribution:>8.3f}"
            f"{s.cards_per_article:>10.1f}{s.unannotated_cards:>9}"
        )
    print(
        "targets: quote recall >= 0.95, no furniture cards, pair precision >= 0.9, "
        "pair recall >= 0.85, every conflict, attribution >= 0.9"
    )
    print("R+sugg: pair recall if the editor accepted every suggested match")
    if rows[-1][0] == "one project":
        print("one project: every story's articles in one project, scored against all their gold")


def main(argv: list[str] | None = None) -> int:
    """Print the quality table; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__)
    parser.add_argument("stories", nargs="*", help="story folders under tests/corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    options = parser.parse_args(argv)
    rows = measure([load_gold(path) for path in stories(options.stories)])
    print_table(rows)
    # The sum of the stories, and the one project: what the misses and targets are read from.
    summed = [(story, scores) for story, scores in rows if story in ("all", "one project")]
    if options.verbose:
        for story, scores in summed:
            if story == "one project":
                print("in one project (claims named story/claim):")
            for miss in scores.misses:
                print("  ", miss)
    failed = False
    for story, scores in summed:
        missed = [name for name in TARGETS if not meets(scores, name)]
        if missed:
            print("missed:" if story == "all" else f"missed in {story}:", ", ".join(missed))
            failed = True
    return 1 if failed else 0


def meets(scores: Scores, name: str) -> bool:
    """Whether a score meets its target."""
    value = getattr(scores, name)
    target = TARGETS[name]
    return bool(value <= target) if name == "furniture_cards" else bool(value >= target)


if __name__ == "__main__":
    sys.exit(main())

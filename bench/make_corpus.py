"""A synthetic news corpus of any size, for measuring speed (not quality).

    .venv/bin/python -m bench.make_corpus OUT_DIR --articles 1000 [--seed 7]

Articles are built from templates and a vocabulary: invented stories, each covered by
five outlets of different styles, which tell the same facts in different words, cite one
another and a wire agency, sometimes disagree on a figure or a date, and come wrapped in
page furniture (comment forms, captions, disclaimers). Each article is about 5,000
characters. The same seed and size always give the same files.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = (
    "cor van sker row hal cy on mar row port ell is kes trel dun more vel ta bri gan".split()
)
FIRST_NAMES = (
    "Dana Marcus Lena Tomas Priya Ines Paul Nadia Owen Miriam Yusuf Hana Karl Rosa".split()
)
LAST_NAMES = "Holt Ebbe Marchetti Brevik Randhawa Calloway Ferrante Fell Strand Achterberg".split()
SECTORS = [
    ("battery", "battery packs", "assembly plant"),
    ("shipyard", "electric ferries", "dry dock"),
    ("chipmaker", "sensor chips", "fabrication line"),
    ("brewer", "craft beers", "bottling hall"),
    ("rail operator", "regional trains", "maintenance depot"),
    ("drone maker", "delivery drones", "test range"),
]
WIRES = ["Meridian Wire", "Northstar Press Agency", "Keystone Wire", "Continental Press Service"]
OUTLETS = [
    ("Harbour Gazette", "local"),
    ("CoastWatch Daily", "blog"),
    ("Bay Business Review", "markets"),
    ("Haventide News", "translated"),
    ("Quayside Post", "local"),
    ("Ledgerline Markets", "markets"),
    ("CityBeat Now", "blog"),
    ("Orbita Review", "translated"),
]
SEASONS = ["spring", "summer", "autumn", "winter"]
QUARTERS = ["first quarter", "second quarter", "third quarter", "fourth quarter"]
MONTHS = "January February March April May June July August September October".split()
OPINIONS = [
    "It is hard not to see this as the start of a new chapter for the town.",
    "Whether the plan survives contact with reality remains an open question.",
    "Will investors be patient enough to find out?",
    "For many residents, the news could hardly have come at a better time.",
    "Observers will be watching closely in the months ahead.",
    "The move says as much about the industry as about the company itself.",
]
BACKGROUND = [
    "{place} has been home to {company} since {year}, when the company opened its first site.",
    "The company reported revenue of €{revenue} million last year, up from €{revenue_old} million.",
    "{company} employs {staff} people across {sites} sites in the region.",
    "The {sector} market has grown by {growth}% a year since {year}, according to industry data.",
    "{person} joined {company} in {year} after a decade at a rival firm.",
    "Local officials said the project would need planning permission before work could begin.",
    "The town council is due to discuss the plans at its next meeting in {month}.",
    "Unions said they would seek talks with management about working conditions at the site.",
    "{company} opened a research centre in {place} in {year} with {staff} engineers.",
    "The {sector} industry in the region employs about {staff} people, {wire} reported.",
    "Analysts at {partner} Securities wrote in a note that margins could rise by {growth}%.",
    "{person} told the {outlet} that the company had no plans to move its headquarters.",
    "A spokesperson for {company} declined to comment on the price.",
    "The site covers {sites} hectares and was previously used as a rail yard until {year}.",
    "{company} paid a dividend of €{growth} a share for last year, {wire} said.",
    "Rival firms in the {sector} business have announced {sites} similar projects since {year}.",
    "The regional government said on {day} it would support the project with €{growth} million.",
    "Residents raised concerns about traffic at a meeting in {month}, the {outlet} reported.",
    "{person}, who founded the company in {year}, owns about {growth}% of its shares.",
    "The company's debt rose to €{revenue} million at the end of {year}, its annual report shows.",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday".split()


@dataclass(frozen=True)
class Story:
    """The facts one story's articles tell."""

    company: str
    partner: str
    place: str
    ceo: str
    sector: tuple[str, str, str]
    amount: int
    jobs: int
    season: str
    year: int
    quarter: str
    percent: float
    wire: str
    deal: str


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_story(rng: random.Random) -> Story:
    """A random story."""
    return Story(
        company=f"{_name(rng)} Industries",
        partner=f"{_name(rng)} {rng.choice(['Systems', 'Works', 'Group', 'Labs'])}",
        place=f"Port {_name(rng)}",
        ceo=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        sector=rng.choice(SECTORS),
        amount=rng.randrange(40, 900, 10),
        jobs=rng.randrange(50, 2000, 50),
        season=rng.choice(SEASONS),
        year=rng.randrange(2026, 2030),
        quarter=rng.choice(QUARTERS),
        percent=round(rng.uniform(0.5, 9.5), 1),
        wire=rng.choice(WIRES),
        deal=rng.choice(["an investment deal", "a partnership", "a supply agreement"]),
    )


def _facts(story: Story, rng: random.Random, outlet: str, cite: bool) -> list[str]:
    """The story's facts, each told in one of several wordings (some disagreeing)."""
    s = story
    product = s.sector[1]
    amount = s.amount if rng.random() > 0.15 else s.amount + 30  # a conflicting figure
    season = s.season if rng.random() > 0.15 else rng.choice(SEASONS)
    said = f"{s.wire} reported" if cite else "the companies said on Tuesday"
    options = [
        [
            f"{s.company} has signed {s.deal} with {s.partner}, {said}.",
            f"{s.company} struck {s.deal} with {s.partner}, according to {s.wire}.",
            f"According to media reports citing informed sources, {s.company} has concluded "
            f"{s.deal} with {s.partner}.",
        ],
        [
            f"The deal is worth €{amount} million, people familiar with the matter said.",
            f"The agreement is valued at {amount} million euros, {s.wire} reported, citing "
            "people familiar with the matter.",
            f"{s.company} will pay about €{amount} million, a person close to the talks told "
            f"the {outlet}.",
        ],
        [
            f"{s.partner} will use the money to build a new {s.sector[2]} in {s.place}, which is "
            f"expected to create about {s.jobs} jobs.",
            f"Around {s.jobs} jobs are expected to come with a new {s.sector[2]} in {s.place}.",
            f"About {s.jobs} people are expected to work at the new {s.sector[2]} once it opens.",
        ],
        [
            f"The first {product} from the site are expected to launch in {season} {s.year}.",
            f"{s.partner} said the first {product} would launch in the {s.quarter} of {s.year}.",
            f"Production of {product} is due to start in {season} {s.year}, {s.wire} said.",
        ],
        [
            f"Chief executive {s.ceo} is getting personally involved in day-to-day work at "
            f"{s.partner}, people familiar with the matter said.",
            f"{s.ceo}, the chief executive of {s.company}, has become more involved in daily "
            "operations, informed sources said.",
            f"{s.company} boss {s.ceo} has taken a hands-on role in running {s.partner}.",
        ],
        [
            f"Shares in {s.company} rose {s.percent}% on Tuesday.",
            f"On the stock exchange, the shares of {s.company} increased by "
            f"{round(s.percent * 0.6, 1)}% on Tuesday.",
            f"{s.company} stock climbed {s.percent}% in early trading after the announcement.",
        ],
        [
            "The deal needs approval from competition regulators and is expected to close in "
            f"the {s.quarter} of {s.year - 1}, the statement said.",
            f"The transaction is expected to complete in the {s.quarter} of {s.year - 1}, subject "
            "to approval by competition regulators.",
            f"The closing of the transaction is expected in the {s.quarter} of {s.year - 1}.",
        ],
    ]
    return [rng.choice(wordings) for wordings in options]


def make_article(story: Story, outlet: str, style: str, rng: random.Random) -> str:
    """One outlet's article on a story, about 5,000 characters."""
    title = f"{story.company} and {story.partner} agree deal for {story.place}"

    def values() -> dict[str, object]:
        # Fresh figures for every sentence, as real background varies.
        return {
            "place": story.place,
            "company": story.company,
            "partner": story.partner.split()[0],
            "person": story.ceo,
            "sector": story.sector[0],
            "wire": story.wire,
            "outlet": outlet,
            "year": rng.randrange(1990, 2020),
            "revenue": rng.randrange(50, 900),
            "revenue_old": rng.randrange(40, 800),
            "staff": rng.randrange(100, 5000),
            "sites": rng.randrange(2, 20),
            "growth": rng.randrange(2, 15),
            "month": rng.choice(MONTHS),
            "day": rng.choice(DAYS),
        }

    background = rng.sample(BACKGROUND, len(BACKGROUND))
    lines: list[str] = []
    if style == "blog":
        lines += [
            outlet,
            "Home › Business › Industry",
            "",
            f"# {title}",
            "",
            "0",
            "",
            "AI Generated Image",
            "",
        ]
    elif style == "markets":
        lines += [f"# {title}", "", f"{outlet} · Markets · March 3, 2026", ""]
    else:
        lines += [title, f"By {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}, {outlet}", ""]
    paragraphs: list[str] = []
    facts = _facts(story, rng, outlet, cite=rng.random() < 0.7)
    while sum(len(p) for p in paragraphs) < 4300:
        pool = facts if facts and rng.random() < 0.5 else None
        if pool:
            paragraphs.append(" ".join(pool[:2]))
            del pool[:2]
        elif rng.random() < 0.2:
            paragraphs.append(rng.choice(OPINIONS))
        else:
            count = rng.randint(1, 3)
            if len(background) < count:
                background = rng.sample(BACKGROUND, len(BACKGROUND))
            paragraphs.append(" ".join(background.pop().format(**values()) for _ in range(count)))
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    if style == "blog":
        lines += [
            "Share this article",
            "",
            "Leave a reply",
            "",
            "Please enter your name here",
            "",
            "Exit mobile version",
        ]
    elif style == "markets":
        lines += [
            "Disclaimer: Investing carries risk. This is not financial advice.",
            "",
            "Comments",
        ]
    else:
        lines += [f"© 2026 {outlet}"]
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, articles: int, seed: int = 7) -> list[Path]:
    """Write `articles` files into `folder` (created); return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    while len(paths) < articles:
        story = make_story(rng)
        number = len(paths) // 5
        for outlet, style in rng.sample(OUTLETS, 5):
            if len(paths) == articles:
                break
            suffix = ".md" if style in ("blog", "markets") else ".txt"
            name = f"{number:05d}-{outlet.lower().replace(' ', '-')}{suffix}"
            path = folder / name
            path.write_text(make_article(story, outlet, style, rng), encoding="utf-8")
            paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.make_corpus", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    paths = make_corpus(options.folder, options.articles, options.seed)
    size = sum(path.stat().st_size for path in paths)
    print(
        f"{len(paths)} articles, {size / len(paths):.0f} bytes each on average, in {options.folder}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

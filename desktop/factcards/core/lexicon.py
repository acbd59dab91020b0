"""General news vocabulary: words reporters use for one another, and words that clash.

These are not about any one story. Paraphrase is what word overlap misses ("chief
executive" / "CEO", "homes" / "households", "stepped down" / "resigned"); contrasting
terms are what makes two reports of one event disagree ("investment" / "acquisition",
"loan" / "grant", "suspended" / "dismissed").
"""

# Each group's words are read as its first word (after lower-casing and stemming).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "remain",
        "remains",
        "stay",
        "stays",
        "stay on",
        "stays on",
        "continue",
        "continues",
        "continue to lead",
    ),
    ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    # A satellite's orbit is given as its height ("an orbit 540 km up").
    ("altitude", "height", "elevation", "orbit", "orbiting"),
    # "Ready" is how a building or a venue is said to open ("ready for next season").
    ("open", "opens", "opening", "ready"),
    # A football club's "ground" is its stadium ("the new ground will seat 42,000").
    ("stadium", "arena", "ground", "grounds"),
    ("spectator", "spectators", "fans"),
    ("repay", "repaid", "repayable", "paid back", "pay back", "repayment"),
    (
        "supervise",
        "supervises",
        "supervised",
        "in charge",
        "personal charge",
        "oversee",
        "oversees",
        "oversaw",
    ),
    ("ceo", "chief executive", "chief-executive", "boss"),
    ("daily", "day-to-day", "day to day", "everyday"),
    ("job", "jobs", "positions", "roles"),
    ("employee", "employees", "staff", "workers", "employs", "employ", "employed"),
    (
        "acquire",
        "acquisition",
        "acquiring",
        "acquired",
        "takeover",
        "purchase",
        "buying",
        "buy",
        "buys",
        "bought",
    ),
    ("invest", "investment", "investing", "invests", "invested", "stake"),
    ("launch", "debut", "launched", "release", "released", "unveil", "introduce"),
    ("regulator", "regulators", "authorities", "authority", "watchdog", "watchdogs"),
    (
        "approval",
        "approve",
        "approved",
        "approves",
        "clearance",
        "go-ahead",
        "green light",
        "permission",
        "sign off",
        "signed off",
        "signs off",
        "backed",
    ),
    (
        "resign",
        "resigned",
        "resignation",
        "quit",
        "quits",
        "stepped down",
        "step down",
        "steps down",
        "step aside",
        "stepped aside",
        "leaving his post",
        "leaving her post",
        "leave his post",
        "leave her post",
    ),
    ("household", "households", "homes", "residences"),
    ("ill", "illness", "sick", "sickened", "sickness"),
    ("hospital", "hospitalised", "hospitalized"),
    (
        "rise",
        "rose",
        "rises",
        "risen",
        "climb",
        "climbed",
        "climbs",
        "gain",
        "gained",
        "gains",
        "jump",
        "jumped",
        "increase",
        "increased",
        "up",
    ),
    (
        "fall",
        "fell",
        "falls",
        "fallen",
        "drop",
        "dropped",
        "drops",
        "slide",
        "slid",
        "slides",
        "slip",
        "slipped",
        "decline",
        "declined",
        "lost",
        "loses",
        "down",
    ),
    ("share", "shares", "stock", "stocks"),
    # Putting something to work: "using Corvane cells", "leveraging them", "utilizing them".
    (
        "use",
        "uses",
        "used",
        "using",
        "utilize",
        "utilizes",
        "utilized",
        "utilizing",
        "utilise",
        "utilises",
        "utilised",
        "utilising",
        "leverage",
        "leverages",
        "leveraged",
        "leveraging",
    ),
    # Making a thing work better: "to optimize its model", "refined its model".
    (
        "optimize",
        "optimizes",
        "optimized",
        "optimizing",
        "optimise",
        "optimises",
        "optimised",
        "optimising",
        "refine",
        "refines",
        "refined",
        "refining",
    ),
    ("loan", "lend", "lends", "lending", "lent"),
    ("build", "built", "building", "construct", "construction", "constructed"),
    ("start", "begin", "began", "begins", "starts", "started", "commence"),
    (
        "value",
        "worth",
        "valued",
        "valuation",
        "price",
        "priced",
        "pay",
        "paid",
        "pays",
        "payout",
        "payment",
        "fee",
    ),
    ("cost", "costs", "costing", "expense", "expenses"),
    # Paying for something out of one's money is funding it ("pay for the deal from cash
    # reserves" / "fund the deal from cash reserves").
    (
        "fund",
        "funds",
        "funded",
        "funding",
        "finance",
        "finances",
        "financed",
        "financing",
        "pay for",
        "pays for",
        "paid for",
        "paying for",
    ),
    ("deal", "agreement", "transaction", "contract", "tender"),
    ("close", "complete", "completion", "closing", "completed"),
    # Not "found": far more often the past of "find" ("E. coli was found"). Not "founder"
    # either: a title says who someone is ("Founder Dana Holt will remain CEO"), not that
    # or when they founded anything.
    ("founded", "established", "set up"),
    ("decide", "decides", "decided", "decision", "decisions"),
    ("standard", "standards", "limit", "limits", "rules", "requirements"),
    (
        "pledge",
        "pledged",
        "pledges",
        "commit",
        "committed",
        "commits",
        "commitment",
        "promise",
        "promised",
        "promises",
        "vow",
        "vowed",
    ),
    ("us", "u.s.", "united states", "america", "american"),
    ("plan", "planned", "designed", "intended", "meant", "supposed"),
    (
        "lead",
        "led",
        "leads",
        "leading",
        "run",
        "runs",
        "ran",
        "operate",
        "operates",
        "operated",
        "headed by",
        "under the leadership of",
    ),
    ("order", "ordered", "orders"),
    ("finish", "finished"),
    ("said", "says", "told", "stated"),
    ("sell", "sells", "sold", "selling", "sale", "sales"),
    ("treat", "treated", "treatment", "treating"),
    (
        "inquiry",
        "enquiry",
        "investigation",
        "investigate",
        "investigates",
        "investigating",
        "probe",
    ),
    ("faulty", "defective", "flawed", "malfunctioning"),
    ("contaminated", "tainted", "polluted"),
    ("monitor", "monitoring", "observe", "observing"),
    ("erosion", "eroding", "erode", "erodes", "eroded"),
    ("coast", "coasts", "coastal", "coastline", "coastlines"),
    ("rail", "railway", "railways", "railroad"),
    ("largest", "biggest"),
    ("consortium", "investor group", "group of investors", "syndicate"),
    ("provide", "provides", "providing", "put up", "putting up", "contribute", "contributes"),
    # Money that will "go into" or "flows into" something is earmarked for it.
    (
        "earmark",
        "earmarked",
        "allocate",
        "allocated",
        "set aside",
        "go towards",
        "goes towards",
        "go into",
        "goes into",
        "flow into",
        "flows into",
    ),
    # Patients who have "gone home" have been discharged.
    (
        "discharged",
        "released from hospital",
        "left hospital",
        "gone home",
        "went home",
        "sent home",
    ),
    # Who leads an organisation: "the head of the water authority" is its director.
    ("director", "head of"),
    # A record: "the most expensive player the club has ever sold" / "the most expensive
    # sale in the history of the club".
    ("ever", "in the history of", "in its history", "in their history", "in history"),
)

# Pairs of term sets that cannot both be true of one event, each side with the label a
# conflict's reason gives it ("investment deal vs acquisition").
CONTRASTS: tuple[tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]], ...] = (
    (
        (
            "investment deal",
            frozenset("investment deal|investment|invests|invest|stake".split("|")),
        ),
        (
            "acquisition",
            frozenset(
                "acquisition|acquire|acquires|buying|takeover|outright|buys|bought|purchase".split(
                    "|"
                )
            ),
        ),
    ),
    (
        ("loan", frozenset("loan|lend|lending|repaid|repayable".split("|"))),
        ("grant", frozenset({"grant"})),
    ),
    (
        ("suspended", frozenset("suspended|suspend|suspension".split("|"))),
        ("dismissed", frozenset("dismissed|dismiss|sacked|fired|ousted".split("|"))),
    ),
    (
        ("resigned", frozenset("resigned|resign|resignation|stepped down|quit".split("|"))),
        ("fired", frozenset("fired|dismissed|sacked|ousted".split("|"))),
    ),
    (
        ("confirmed", frozenset({"confirmed", "confirms"})),
        ("denied", frozenset({"denied", "denies"})),
    ),
    (
        ("approved", frozenset({"approved", "approves", "backed"})),
        ("rejected", frozenset({"rejected", "blocked"})),
    ),
)

# Words that say which way a figure went. A quote that gives a figure and says it rose is
# not the claim of one that says it fell ("Aquenta fell 4.2%" / "Brightwater rose 4.2%").
RISING_WORDS = frozenset(
    """rise rises rose risen rising climb climbs climbed gain gains gained jump jumps jumped
    increase increases increased grow grows grew surge surged soar soared raise raises raised
    """.split()
)
FALLING_WORDS = frozenset(
    """fall falls fell fallen falling drop drops dropped slide slides slid slip slips slipped
    decline declines declined lose loses lost cut cuts reduce reduces reduced lower lowers
    lowered decrease decreases decreased shrink shrinks shrank plunge plunged tumble tumbled
    sink sank""".split()
)

# Words in a name that mark it as a news organisation ("Meridian Wire", "the Gazette").
NEWS_WORDS = frozenset(
    """
    wire news press agency times post gazette herald journal tribune chronicle observer
    guardian telegraph courier echo ledger review daily weekly bulletin dispatch reuters
    bloomberg afp cnbc bbc cnn nbc abc cbs associated newswire newspaper magazine radio
    television tv broadcaster newsroom
    """.split()
)

# Words for what happens on a date; two dates for the same one of these are a conflict.
EVENT_WORDS = frozenset(
    """launch debut release open close complete lift resign start begin found approve sign
    arrive leave join sell buy announce publish""".split()
)

# Verbs of saying, which attribute a claim to someone. The ambiguous ones are nouns as
# often as verbs ("the notes slipped", "claims of €175 million", "reports say") and do
# not open a frame ("X notes that…" is read from the attribution, not the clause). Verbs
# of belief ("believes", "thinks") are not here: what someone believes is their view, not
# a report of what they said.
SPEECH_VERBS = tuple(
    """said says say reported told tells wrote writes note noted added confirmed announced stated
    explained warned argued insisted acknowledged estimated forecast predicted promised
    claimed disclosed revealed cautioned quoted""".split()
)
# Speech verbs that as often name an event with its object ("Corvane announced new
# batteries", "the club confirmed the signing", "analysts estimated the cost at €2m"): they
# open a frame only before "that" or before a clause with its own subject and verb.
OBJECT_SPEECH_VERBS = frozenset(
    """reported confirmed announced note noted acknowledged estimated forecast predicted promised
    disclosed revealed quoted""".split()
)
AMBIGUOUS_SPEECH_VERBS = ("reports", "notes", "adds", "estimates", "claims")

# Papers that vouch for a claim by showing it: "…, council records show". Only such a
# noun before the verb makes "show" an attribution: a "motor show" or "the results show
# growth" says nothing about where a claim comes from.
DOCUMENT_SOURCES = tuple(
    """records documents data figures filings minutes papers statistics accounts""".split()
)
SHOWING_VERBS = ("show", "shows", "showed", "indicate", "indicates", "indicated")

# What a report says about its anonymous sources rather than about the story: "…, people
# familiar with the matter said, who asked not to be named". A clause made only of one of
# these belongs to the attribution, never to a card.
ANONYMITY_PHRASES = tuple(
    phrase.strip()
    for phrase in """
    asked not to be named, asked not to be identified, asking not to be named,
    asking not to be identified, requested anonymity, requesting anonymity,
    declined to be named, declined to be identified, declined to be quoted,
    declined to speak publicly, declined to speak on the record, declined to be named publicly,
    declined to discuss, declined to speak,
    spoke on condition of anonymity, spoke on the condition of anonymity,
    speaking on condition of anonymity, speaking on the condition of anonymity,
    were granted anonymity, was granted anonymity,
    not authorized to speak, not authorised to speak, not authorized to discuss,
    not authorised to discuss, not authorized to comment, not authorised to comment,
    not permitted to speak, not allowed to speak, not allowed to discuss,
    the talks are private, the talks are confidential, the discussions are private,
    the discussions are confidential, the deliberations are private, the matter is private,
    the matter is confidential, the information is private, the information is not public,
    the information isn’t public, the plans are private, the plans are not public,
    the plans aren’t public, the details are private, the details are not public
    """.split(",")
)

"""Saved web pages become sources: the article's text, its title, outlet, author and date,
and nothing of the page around it (menus, cookie banners, comments, scripts)."""

from pathlib import Path

import pytest

from factcards.core.html_source import declared_charset
from factcards.core.ingest import IngestError, read_source

# A news article page as a browser saves it: cookie banner, navigation, breadcrumb, share
# buttons, a photo, an advert, inline "read more" links, a newsletter box, tags, related
# stories, comments with a reply form, a footer, and scripts.
NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Skerrow wins €210m from Corvane for electric ferries | The Harbour Gazette</title>
<meta name="description" content="Corvane Industries will invest in the ferry maker.">
<meta property="og:title" content="Skerrow wins €210m from Corvane for electric ferries">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:type" content="article">
<meta name="author" content="Ann Lowe">
<meta property="article:published_time" content="2025-03-11T08:30:00+00:00">
<link rel="canonical" href="https://harbourgazette.example/business/skerrow-corvane">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Skerrow wins €210m from Corvane
for electric ferries",
 "datePublished":"2025-03-11T08:30:00+00:00","author":{"@type":"Person","name":"Ann Lowe"},
 "publisher":{"@type":"Organization","name":"The Harbour Gazette"}}
</script>
<script>window.dataLayer=window.dataLayer||[];function
gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
<style>.cookie{position:fixed;bottom:0}</style>
</head>
<body onload="initAds()">
<div class="cookie-banner" id="cookie-consent">
  <p>We use cookies to improve your experience and to show you personalised ads. By continuing to
browse you agree to our use of cookies.</p>
  <button onclick="acceptCookies()">Accept all</button> <a href="/privacy">Manage preferences</a>
</div>
<header>
  <a class="logo" href="/">The Harbour Gazette</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a
href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a
href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/business">Business</a> › Shipping</nav>
<article>
  <h1>Skerrow wins €210m from Corvane for electric ferries</h1>
  <p class="byline">By <a href="/authors/ann-lowe" rel="author">Ann Lowe</a>, Business Reporter ·
<time datetime="2025-03-11T08:30:00+00:00">11 March 2025</time></p>
  <div class="share"><a href="#" onclick="share('twitter')">Share on X</a> <a href="#"
onclick="share('fb')">Facebook</a> <a href="mailto:?">Email</a></div>
  <figure><img src="/img/ferry.jpg" alt="An electric ferry at the north quay"
onerror="this.src='/img/fallback.jpg'"><figcaption>The S40 prototype at the north quay. Photo:
Gazette</figcaption></figure>
  <p>Corvane Industries will invest €210 million in the electric-ferry maker Skerrow, the two
companies said on Tuesday, in a deal that gives the battery group a minority stake.</p>
  <p>Skerrow is using Corvane's batteries to build the S40, which is expected to launch in spring
2027. The company employs 380 people at its yard in Port Ellis.</p>
  <div class="ad-slot" data-ad="mpu"><script>renderAd('mpu-1')</script><p>Advertisement</p></div>
  <p>"This is the money we need to build ferries at scale," said Mara Quist, Skerrow's chief
executive. She said the first vessels would serve the Haventide crossing.</p>
  <aside class="related-inline"><h3>Read more</h3><ul><li><a href="/business/ferry-yard">Council
approves new ferry yard on north quay</a></li><li><a href="/business/battery-prices">Battery
prices fall for third year</a></li></ul></aside>
  <p>Corvane shares rose 3.4% in early trading in Oslo. Analysts at Norvik Bank said the stake
valued Skerrow at about €900 million.</p>
  <p>The deal still needs approval from competition regulators, which Corvane expects by the
summer.</p>
  <div class="newsletter"><h3>Get the Business Briefing</h3><p>Sign up for our free newsletter,
delivered every weekday morning.</p><form><input type="email" placeholder="Your email">
<button>Sign up</button></form></div>
  <div class="tags">Topics: <a href="/t/shipping">Shipping</a>, <a href="/t/energy">Energy</a></div>
</article>
<section class="related"><h2>Related stories</h2>
  <ul><li><a href="/a/1">Haventide crossing to go electric by 2028</a></li><li><a
href="/a/2">Corvane posts record profit</a></li><li><a href="/a/3">Why ferries are the next
battery battleground</a></li></ul>
</section>
<section id="comments" class="comments"><h2>Comments (3)</h2>
  <div class="comment"><p class="author">harbourwatcher</p><p>About time! The old diesel ferries
are a disgrace.</p><a href="#" onclick="reply(1)">Reply</a></div>
  <div class="comment"><p class="author">J. Pike</p><p>€210m seems a lot for a company that has
never sold a ferry.</p></div>
  <div class="comment"><p class="author">quayside_kate</p><p>Will they hire locally though?</p>
</div>
  <h3>Leave a reply</h3><form><textarea></textarea><button>Post comment</button></form>
</section>
</main>
<footer>
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a
href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li></ul>
  <p>© 2025 The Harbour Gazette Ltd. All rights reserved.</p>
</footer>
<script src="/js/app.js"></script>
<script>document.querySelectorAll('a').forEach(function(a){a.addEventListener('click',track)})</script>
</body>
</html>
"""

# A small-town WordPress post saved in Windows-1252, with no site name in its metadata: the
# outlet is in the <title>, the date in the post's "Posted on" line.
BLOG_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Ferry yard vote: council says yes, 7 to 2 &#8211; Port Ellis Courier</title>
<meta name="generator" content="WordPress 6.4">
</head>
<body class="post-template-default single single-post">
<div id="page">
<div id="masthead"><div class="site-title"><a href="/">Port Ellis Courier</a></div><div
class="site-description">Local news since 1921</div>
<div id="menu"><a href="/">Home</a> | <a href="/category/council/">Council</a> | <a
href="/category/business/">Business</a> | <a href="/contact/">Contact</a></div></div>
<div id="sidebar"><h3>Most read</h3><ol><li><a href="/p1">Quay closed after storm damage</a></li>
<li><a href="/p2">School bus route changes</a></li></ol>
<h3>Archives</h3><ul><li><a href="/2025/03/">March 2025</a></li><li><a href="/2025/02/">February
2025</a></li></ul></div>
<div id="content">
<div class="post">
<h2 class="entry-title">Ferry yard vote: council says yes, 7 to 2</h2>
<div class="entry-meta">Posted on March 12, 2025 by Sam Reed</div>
<div class="entry-content">
<p>The Port Ellis council approved the new ferry yard on Tuesday night by seven votes to two,
after a debate in the Café Room that ran past midnight.</p>
<p>The yard will cost &euro;18 million and open in 2027, the council said. Skerrow, which will
lease it, expects to hire 400 people there &#8211; more than the 380 it employs today.</p>
<p>Councillor Ruth Amble, who voted against, said the plan gave away &#8220;the best stretch of
the north quay for thirty years&#8221;. Residents of Quay Street had asked for a noise study.</p>
<p>Work on the slipway starts in June.</p>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a
href="#">Facebook</a></li></ul></div>
</div>
</div>
<div id="comments"><h3>2 Responses to &#8220;Ferry yard vote: council says yes, 7 to 2&#8221;</h3>
<ol class="commentlist"><li class="comment"><cite>Bill</cite> says:<p>Seven to two! Who were the
two?</p></li><li class="comment"><cite>Edna</cite> says:<p>Noise study should have come first.</p>
</li></ol>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required
fields are marked *</p></div>
</div>
</div>
<div id="footer"><p>Copyright &copy; 2025 Port Ellis Courier &middot; Powered by WordPress</p></div>
</div>
</body>
</html>
"""

HOSTILE_PAGE = """<!DOCTYPE html>
<html><head><title>Ferry tender reopened after complaint | Quay Times</title>
<script>document.write('<p>injected by script</p>'); alert('head')</script>
<style>p { color: red } body::after { content: "styled text" }</style>
<meta http-equiv="refresh" content="0; url=javascript:alert('refresh')">
</head>
<body onload="alert('body')" onmouseover="steal()">
<noscript><p>Please enable JavaScript to read this page.</p></noscript>
<template><p>template text never shown</p></template>
<article>
<h1 onclick="alert('h1')">Ferry tender reopened after complaint</h1>
<p onmouseover="alert('p1')">The harbour board reopened the ferry tender on Monday after a complaint
from two bidders, the board said in a statement.<script>alert('inline')</script></p>
<img src="x.png" onerror="alert('img')">
<svg onload="alert('svg')"><script>alert('svg script')</script><text>svg text</text></svg>
<iframe srcdoc="<p>iframe text</p>" src="javascript:alert('iframe')"></iframe>
<p>The new deadline for bids is <a href="javascript:alert('link')" onclick="go()">June 30</a>,
and the board expects to choose a builder by September.</p>
<object data="movie.swf"><embed src="movie.swf"></object>
<p>Bidders must show that their ferries can run on batteries for at least 40 minutes, the
tender documents say.<!-- a comment with <script>alert('comment')</script> --></p>
<form action="javascript:alert('form')"><input value="form value" onfocus="alert('input')"></form>
</article>
<script src="tracker.js"></script>
<script>window.onload = function () { fetch('/track?' + document.cookie) }</script>
</body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_a_news_page_keeps_the_article_and_nothing_around_it(article_dir: Path) -> None:
    source = read_source(write(article_dir, "skerrow.html", NEWS_PAGE))
    assert source.text.split("\n\n") == [
        "Skerrow wins €210m from Corvane for electric ferries",
        "By Ann Lowe",
        "Corvane Industries will invest €210 million in the electric-ferry maker Skerrow, the "
        "two companies said on Tuesday, in a deal that gives the battery group a minority stake.",
        "Skerrow is using Corvane's batteries to build the S40, which is expected to launch in "
        "spring 2027. The company employs 380 people at its yard in Port Ellis.",
        '"This is the money we need to build ferries at scale," said Mara Quist, Skerrow\'s '
        "chief executive. She said the first vessels would serve the Haventide crossing.",
        "Corvane shares rose 3.4% in early trading in Oslo. Analysts at Norvik Bank said the "
        "stake valued Skerrow at about €900 million.",
        "The deal still needs approval from competition regulators, which Corvane expects by "
        "the summer.",
    ]
    for furniture in (
        "cookies",  # the cookie banner
        "Subscribe",  # the menu
        "Share on X",
        "prototype at the north quay",  # the photo caption
        "Advertisement",
        "Council approves new ferry yard",  # inline "read more" links
        "Business Briefing",  # the newsletter box
        "Topics",
        "Haventide crossing to go electric",  # related stories
        "diesel ferries",  # a comment
        "Leave a reply",
        "All rights reserved",  # the footer
    ):
        assert furniture not in source.text, furniture


def test_a_news_page_gives_title_outlet_and_date_from_its_metadata(article_dir: Path) -> None:
    source = read_source(write(article_dir, "skerrow.html", NEWS_PAGE))
    assert source.title == "Skerrow wins €210m from Corvane for electric ferries"
    assert source.outlet == "The Harbour Gazette"
    assert source.published == "2025-03-11"
    assert source.encoding == "utf-8"


def test_a_windows_1252_blog_post_without_site_metadata(article_dir: Path) -> None:
    source = read_source(write(article_dir, "yard.htm", BLOG_PAGE.encode("cp1252")))
    assert source.encoding == "cp1252"
    assert source.title == "Ferry yard vote: council says yes, 7 to 2"
    assert source.outlet == "Port Ellis Courier"  # from "<title>Headline – Port Ellis Courier"
    assert source.published == "2025-03-12"  # from "Posted on March 12, 2025"
    assert "a debate in the Café Room that ran past midnight" in source.text
    assert "“the best stretch of the north quay for thirty years”" in source.text
    assert source.text.endswith("Work on the slipway starts in June.")
    for furniture in ("Most read", "Archives", "Who were the two?", "Share this", "WordPress"):
        assert furniture not in source.text, furniture


def test_no_script_style_or_event_handler_reaches_the_text(article_dir: Path) -> None:
    source = read_source(write(article_dir, "tender.html", HOSTILE_PAGE))
    assert source.text.split("\n\n") == [
        "Ferry tender reopened after complaint",
        "The harbour board reopened the ferry tender on Monday after a complaint from two "
        "bidders, the board said in a statement.",
        "The new deadline for bids is June 30, and the board expects to choose a builder by "
        "September.",
        "Bidders must show that their ferries can run on batteries for at least 40 minutes, "
        "the tender documents say.",
    ]
    lowered = source.text.lower()
    for markup in (
        "<",
        ">",
        "alert",
        "script",
        "javascript",
        "onload",
        "onerror",
        "{",
        "styled",
        "svg text",
        "iframe",
        "template",
        "form value",
        "enable javascript",
    ):
        assert markup not in lowered, markup
    assert source.outlet == "Quay Times"


def test_a_page_with_no_article_is_refused_in_one_sentence(article_dir: Path) -> None:
    menu_only = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    with pytest.raises(IngestError) as raised:
        read_source(write(article_dir, "menu.html", menu_only))
    assert str(raised.value) == "no article text was found in the page"


def test_a_binary_file_named_html_is_refused(article_dir: Path) -> None:
    with pytest.raises(IngestError, match="binary"):
        read_source(write(article_dir, "picture.html", bytes(range(256)) * 8))


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=ISO-8859-1>", "cp1252"),  # as browsers read it
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "windows-1252",
        ),
        (b"<title>no charset</title>", None),
    ],
)
def test_the_declared_charset_is_read_as_a_browser_reads_it(
    head: bytes, charset: str | None
) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == charset

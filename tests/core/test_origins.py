"""Independence: quotes citing one wire report are one origin."""

from factcards.core.origins import OriginNamer, is_news_organisation

NAMER = OriginNamer(["Continental Press Service", "The Kellsbridge Courier", "Orbita Review"])


def test_an_attributed_news_organisation_is_the_origin() -> None:
    assert NAMER.origin("Continental Press Service", "Orbita Review", 5) == (
        "Continental Press Service"
    )
    assert NAMER.origin("CPS", "Orbita Review", 5) == "Continental Press Service"
    assert NAMER.origin("the Courier", "Orbita Review", 5) == "The Kellsbridge Courier"
    assert NAMER.origin("Meridian Wire", "Orbita Review", 5) == "Meridian Wire"


def test_people_and_anonymous_sources_count_as_the_outlet() -> None:
    assert NAMER.origin("a company spokesperson", "Orbita Review", 5) == "Orbita Review"
    assert NAMER.origin("people familiar with the matter", "Orbita Review", 5) == "Orbita Review"
    assert NAMER.origin(None, None, 5) == "source 5"


def test_news_organisations_are_recognised_by_name() -> None:
    assert is_news_organisation("Meridian Wire")
    assert is_news_organisation("Reuters")
    assert not is_news_organisation("Corvane Industries")
    assert not is_news_organisation("media reports")

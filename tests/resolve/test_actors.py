"""Actor resolution: names, variants, countries, generics, titles, coreference, ruler patterns."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve._fuzzy import FuzzyIndex, edit_distance
from sitrep.resolve._names import key, skeleton
from sitrep.resolve.actors import ActorKB, ArticleActors, resolve_actor


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_names_normalise_apostrophes_articles_and_case() -> None:
    assert key("Kata’ib Hezbollah") == key("Kata'ib Hezbollah") == "kataib hezbollah"
    assert key("the U.S.") == "us"
    assert skeleton("al-Muhandis") == skeleton("Al Muhandis") == skeleton("Muhandis") == "muhandis"


def test_edit_distance_is_bounded() -> None:
    assert edit_distance("katab", "kataib", 1) == 1
    assert edit_distance("abcdef", "badcfe", 2) == 3  # three transpositions: over the limit
    index = FuzzyIndex(["kataib hezbollah", "north korean army"])
    assert index.best("katab hezbollah") == "kataib hezbollah"
    assert index.best("south korean army") is None  # word starts must agree


@pytest.mark.parametrize(
    ("mention", "entity"),
    [
        ("Kata’b Hezbollah", "kataib_hezbollah"),
        ("Kataib Hezbollah", "kataib_hezbollah"),
        ("Kata'ib Hizbollah", "kataib_hezbollah"),
        ("Kataib Hizbolah", "kataib_hezbollah"),
        ("IRGC", "irgc"),
        ("Quds Force", "quds_force"),
        ("the Pentagon", "us_dod"),
        ("Ali Khamenei", "ali_khamenei"),
        ("Khamenei", "ali_khamenei"),
        ("al-Muhandis", "abu_mahdi_al_muhandis"),
        ("Al-Muhandis", "abu_mahdi_al_muhandis"),
        ("Islamic State", "islamic_state"),
        ("ISIS", "islamic_state"),
        ("Ghasem Soleimani", "qassem_soleimani"),
        ("Suleimani", "qassem_soleimani"),
        ("Hashd al-Shaabi", "pmu"),
        ("Popular Mobilisation Units", "pmu"),
    ],
)
def test_lookup(kb: ActorKB, mention: str, entity: str) -> None:
    found = kb.lookup(mention)
    assert found is not None and found.id == entity


def test_short_acronyms_need_capitals(kb: ActorKB) -> None:
    assert kb.lookup("IS") is not None
    assert kb.lookup("is") is None
    assert kb.lookup("kh") is None


@pytest.mark.parametrize(
    ("mention", "iso3", "metonym"),
    [
        ("Iraq", "IRQ", False),
        ("Iraqi", "IRQ", False),
        ("Iran's", "IRN", False),
        ("Iran’s", "IRN", False),
        ("US", "USA", False),
        ("U.S.", "USA", False),
        ("American", "USA", False),
        ("Washington", "USA", True),
        ("Tehran", "IRN", True),
        ("Kyiv", "UKR", True),
        ("the Kremlin", "RUS", True),
    ],
)
def test_country(kb: ActorKB, mention: str, iso3: str, metonym: bool) -> None:
    found = kb.country(mention)
    assert found is not None and (found.iso3, found.is_metonym) == (iso3, metonym)


def test_ambiguous_capitals_are_not_metonyms(kb: ActorKB) -> None:
    assert kb.country("Victoria") is None  # Seychelles' capital, but mostly elsewhere


@pytest.mark.parametrize(
    ("phrase", "actor_type", "label"),
    [
        ("police", "state_forces", "Police Forces"),
        ("security forces", "state_forces", "Military Forces"),
        ("troops", "state_forces", "Military Forces"),
        ("gunmen", "political_militia", "Unidentified Armed Group"),
        ("jihadists", "political_militia", "Unidentified Armed Group"),
        ("insurgents", "rebel_group", "Rebels"),
        ("demonstrators", "protesters", "Protesters"),
        ("rioters", "rioters", "Rioters"),
        ("villagers", "civilians", "Civilians"),
        ("a worker", "civilians", "Civilians"),
        ("25 fighters", "political_militia", "Unidentified Armed Group"),
    ],
)
def test_generic(kb: ActorKB, phrase: str, actor_type: str, label: str) -> None:
    found = kb.generic(phrase)
    assert found is not None and (found.type, found.label) == (actor_type, label)
    assert not found.anaphoric


def test_generic_anaphora(kb: ActorKB) -> None:
    assert kb.generic("the militia group").anaphoric  # type: ignore[union-attr]
    assert not kb.generic("a militia group").anaphoric  # type: ignore[union-attr]
    assert kb.generic("he").anaphoric  # type: ignore[union-attr]


def test_affiliation_chain(kb: ActorKB) -> None:
    names = [e.name for e in kb.affiliation_chain("abu_mahdi_al_muhandis")]
    assert names[:2] == ["Kataib Hezbollah", "Popular Mobilization Units"]
    assert kb.get("kataib_hezbollah").country == "IRQ"  # type: ignore[union-attr]


def test_resolve_seed_phrases(kb: ActorKB) -> None:
    isf = resolve_actor(kb, "two members of the Iraqi Security Forces (ISF)", start=5, end=51)
    assert isf is not None and (isf.name, isf.type, isf.country) == (
        "Iraqi Security Forces",
        "state_forces",
        "IRQ",
    )
    assert (isf.start, isf.end) == (5, 51)
    contractor = resolve_actor(kb, "a US contractor", context_countries=["IRQ"])
    assert contractor is not None
    assert (contractor.name, contractor.type, contractor.country) == (
        "Civilians (United States)",
        "civilians",
        "USA",
    )
    leader = resolve_actor(kb, "Iran’s Supreme Leader Ali Khamenei")
    assert leader is not None and (leader.name, leader.type) == ("Ali Khamenei", "government")
    washington = resolve_actor(kb, "Washington")
    assert washington is not None and (washington.name, washington.type) == (
        "United States",
        "government",
    )
    militia = resolve_actor(kb, "Kata’b Hezbollah")
    assert militia is not None and militia.affiliations[0] == "Popular Mobilization Units"


def test_resolve_generics_take_country_from_phrase_or_context(kb: ActorKB) -> None:
    police = resolve_actor(kb, "Kenyan police officers")
    assert police is not None and (police.name, police.code) == ("Police Forces of Kenya", "KENCOP")
    protesters = resolve_actor(kb, "Protesters", context_countries=["IRQ", "USA"])
    assert protesters is not None and protesters.name == "Protesters (Iraq)"
    bare = resolve_actor(kb, "gunmen")
    assert bare is not None and bare.country is None and bare.name == "Unidentified Armed Group"
    assert resolve_actor(kb, "the weather") is None
    assert resolve_actor(kb, "   ") is None


def test_titles_and_offices_by_date(kb: ActorKB) -> None:
    now = resolve_actor(kb, "Iran's Supreme Leader")
    assert now is not None and now.entity_id == "ali_khamenei"
    before = resolve_actor(
        kb,
        "the Commander of Iran’s Islamic Revolutionary Guard Corps (IRGC) – Quds Force",
        when=date(2019, 6, 1),
    )
    assert before is not None and before.entity_id == "qassem_soleimani"
    after = resolve_actor(kb, "the commander of the Quds Force", when=date(2021, 6, 1))
    assert after is not None and after.entity_id == "esmail_qaani"
    unknown = resolve_actor(kb, "Serbian President Vojislav Kostunica")
    assert unknown is not None and (unknown.country, unknown.type) == ("SRB", "government")


def test_peoples_are_civilians(kb: ActorKB) -> None:
    people = resolve_actor(kb, "Palestinians")
    assert people is not None and (people.type, people.country) == ("civilians", "PSE")


def test_coreference_within_an_article(kb: ActorKB) -> None:
    article = ArticleActors(kb)
    first = article.resolve("Kataib Hezbollah", 0, 16)
    later = article.resolve("the militia group", 100, 117)
    assert first is not None and later is not None
    assert later.entity_id == "kataib_hezbollah" and (later.start, later.end) == (100, 117)
    article.resolve("Ali Khamenei")
    he = article.resolve("he")
    assert he is not None and he.entity_id == "ali_khamenei"
    assert article.context_countries[:2] == ["IRQ", "IRN"]


def test_anaphor_without_antecedent_is_none(kb: ActorKB) -> None:
    assert resolve_actor(kb, "the militia group") is None


def test_entity_ruler_patterns_cover_apostrophe_styles(kb: ActorKB) -> None:
    patterns = kb.entity_ruler_patterns()
    texts = {(p["label"], p["pattern"]) for p in patterns}
    assert ("ORG", "Kata’ib Hezbollah") in texts and ("ORG", "Kata'ib Hezbollah") in texts
    assert ("PERSON", "Qassem Soleimani") in texts
    assert ("NORP", "Iraqi") in texts and ("GPE", "Iraq") in texts
    assert all(p["label"] in {"ORG", "PERSON", "NORP", "GPE"} for p in patterns)


@pytest.mark.slow
def test_entity_ruler_tags_known_names_whole(kb: ActorKB) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(kb.entity_ruler_patterns())
    doc = nlp("Al-Muhandis led Kata’b Hezbollah, part of the Iraqi Popular Mobilisation Units "
              "(PMU), and met Qassem Soleimani.")
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Kata’b Hezbollah", "ORG", "kataib_hezbollah") in found
    assert ("Iraqi Popular Mobilisation Units", "ORG", "pmu") in found
    assert ("Al-Muhandis", "PERSON", "abu_mahdi_al_muhandis") in found
    assert ("Qassem Soleimani", "PERSON", "qassem_soleimani") in found

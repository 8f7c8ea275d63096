"""Actor resolution: names, titles, demonyms and head nouns -> ``records.Actor``.

``ActorKB.load()`` reads the knowledge base once (see ``kb.py`` for the files and their
schema); ``resolve_actor(kb, "Iraqi security forces")`` turns a noun phrase into an Actor.
Lookups try, in order: the exact normalised name, the name without Arabic articles, a title
stripped ("Supreme Leader Ali Khamenei"), then a bounded fuzzy match ("Kata’b Hezbollah").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..records import Actor
from ._fuzzy import FuzzyIndex
from ._kbindex import KBIndex, build_index
from ._names import apostrophe_variants, key, skeleton, strip_possessive
from .kb import CountryEntry, GenericActor, KBEntry, Role, load_kb_data

__all__ = [
    "ActorKB",
    "ArticleActors",
    "CountryEntry",
    "GenericActor",
    "KBEntry",
    "Role",
    "resolve_actor",
]

_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "some",
        "several",
        "many",
        "few",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "of",
        "at",
        "least",
        "more",
        "than",
        "about",
        "around",
        "nearly",
        "over",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "one",
        "other",
        "its",
        "their",
        "his",
        "her",
        "own",
        "suspected",
        "alleged",
    }
)
_LED = re.compile(r"-(?:led|commanded|run|controlled)$", re.IGNORECASE)  # "Vietnamese-led"
_TAIL_PREPOSITIONS = frozenset({"of", "in", "from", "throughout", "across", "inside"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
_MEMBERS = re.compile(
    r"^(?:(?:a|an|the|some|several|two|three|four|five|\d+|dozens|hundreds|thousands)\s+)?"
    r"(?:members?|supporters?|elements?|units?|fighters?|militants?|affiliates?|loyalists?"
    r"|individuals)\s+(?:of|from|affiliated (?:to|with)|loyal to|belonging to)\s+",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
_CIVILIANS = GenericActor(type="civilians", label="Civilians", sector="CVL")
_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})
_SECTORS = {
    "state_forces": "MIL",
    "government": "GOV",
    "rebel_group": "REB",
    "political_militia": "UAF",
    "identity_militia": "UAF",
    "civilians": "CVL",
    "protesters": "OPP",
    "rioters": "OPP",
}
_LABELS = {"person": "PERSON", "group": "ORG", "institution": "ORG", "country": "GPE"}


class ActorKB:
    """The loaded actor knowledge base: immutable after ``load``; lookups take microseconds."""

    def __init__(self, index: KBIndex) -> None:
        self._ix = index
        self._fuzzy = FuzzyIndex(index.by_skeleton)
        self.office_words = index.office_words
        self.military_titles = index.military_titles
        self._titles: dict[str, list[str]] = {}
        for title in index.titles:  # longest first, grouped by first word
            self._titles.setdefault(title.split(" ", 1)[0], []).append(title)

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ActorKB:
        """Built-in files, then SITREP_KB, then ``extra_files`` (later ids override earlier)."""
        return cls(build_index(load_kb_data(extra_files)))

    def lookup(self, text: str) -> KBEntry | None:
        """The entry a name mention refers to, or None ("Kata’b Hezbollah" -> Kataib Hezbollah)."""
        name = text.strip()
        found = self._named(name)
        if found is None:
            bare = self.strip_title(name)
            if bare and bare != key(name):
                found = self._named(bare)
        return found

    def _named(self, name: str) -> KBEntry | None:
        ids = (
            self._ix.acronyms.get(_acronym(name))
            or self._ix.by_key.get(key(name))
            or self._ix.by_skeleton.get(skeleton(name))
        )
        if not ids:
            near = self._fuzzy.best(skeleton(name))
            ids = self._ix.by_skeleton.get(near) if near else None
        return self._ix.entries[ids[0]] if ids else None

    def country(self, text: str) -> CountryEntry | None:
        """The country a name, demonym, adjective, ISO3 code or capital metonym refers to."""
        words = text.strip().split()
        if not words:
            return None
        words[-1] = strip_possessive(words[-1])
        return self._ix.countries.get(key(" ".join(words)))

    def generic(self, text: str) -> GenericActor | None:
        """The unnamed actor a head noun phrase denotes ("gunmen", "the militia group")."""
        raw = text.strip().split()
        definite = bool(raw) and raw[0].lower() in _DEFINITE
        words = key(text).split()
        while words and (words[0] in _DETERMINERS or words[0].isdigit()):
            words = words[1:]
        for i in range(len(words)):
            found = self._ix.generics.get(" ".join(words[i:]))
            if found is not None:
                anaphoric = found.anaphoric and (definite or words[-1] in _PRONOUNS)
                return GenericActor(found.type, found.label, anaphoric, found.sector)
        return None

    def is_people(self, text: str) -> bool:
        """True for a plural demonym naming a people ("Palestinians", "Iraqis")."""
        return key(text) in self._ix.peoples

    def get(self, entity_id: str) -> KBEntry | None:
        return self._ix.entries.get(entity_id)

    def affiliation_chain(self, entity_id: str) -> list[KBEntry]:
        """The entries an entity belongs to, nearest first, following affiliations breadth-first."""
        chain: list[KBEntry] = []
        seen = {entity_id}
        queue = list(self._affiliations(entity_id))
        while queue:
            ident = queue.pop(0)
            entry = self._ix.entries.get(ident)
            if entry is None or ident in seen:
                continue
            seen.add(ident)
            chain.append(entry)
            queue += self._affiliations(ident)
        return chain

    def _affiliations(self, entity_id: str) -> tuple[str, ...]:
        entry = self._ix.entries.get(entity_id)
        return entry.affiliations if entry else ()

    def title_of(self, text: str) -> str:
        """The (last) known title in ``text``: "the Deputy Commander" -> "deputy commander"."""
        rest = key(text)
        return next((t for t in self._ix.titles if rest.endswith(t)), rest)

    def strip_title(self, text: str) -> str:
        """``text``'s key without leading titles ("Supreme Leader Ali Khamenei" -> "ali ...")."""
        rest = key(text)
        while rest:
            first = rest.split(" ", 1)[0]
            title = next(
                (t for t in self._titles.get(first, ()) if rest == t or rest.startswith(t + " ")),
                None,
            )
            if title is None:
                break
            rest = rest[len(title) :].strip()
        return rest

    def office_holder(self, country: str, office: str, when: date | None = None) -> KBEntry | None:
        """Who held ``office`` ("Supreme Leader") of ``country`` on ``when`` (default: now)."""
        holders = self._ix.offices.get((country, key(office)), [])
        best = _pick_holder(holders, when)
        return self._ix.entries.get(best) if best else None

    def org_holder(self, org_id: str, title: str, when: date | None = None) -> KBEntry | None:
        """Who held ``title`` ("Commander", "Leader") of organisation ``org_id`` on ``when``."""
        title_key = key(title)
        holders = [
            (ident, role)
            for ident, role in self._ix.org_roles.get(org_id, [])
            if key(role.office).startswith(title_key)
        ]
        best = _pick_holder(holders, when)
        return self._ix.entries.get(best) if best else None

    def entity_ruler_patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler phrase patterns for every name and alias (both apostrophe styles)."""
        patterns: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for entry in self._ix.entries.values():
            for name in (entry.name, *entry.aliases):
                for variant in _case_variants(apostrophe_variants(name)):
                    _pattern(patterns, seen, _LABELS[entry.kind], variant, entry.id)
        for text, iso3 in self._ix.demonyms:
            _pattern(patterns, seen, "NORP", text, iso3)
        return patterns


def _case_variants(names: list[str]) -> list[str]:
    """Names as written, plus sentence-initial forms of "al-Muhandis" ("Al-Muhandis")."""
    return names + [n[0].upper() + n[1:] for n in names if n[:1].islower()]


def _acronym(name: str) -> str:
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).replace(".", "")


def _pattern(
    patterns: list[dict[str, Any]], seen: set[tuple[str, str]], label: str, text: str, ident: str
) -> None:
    if len(text) < 2 or (text, label) in seen:
        return
    seen.add((text, label))
    patterns.append({"label": label, "pattern": text, "id": ident})


def _pick_holder(holders: list[tuple[str, Role]], when: date | None) -> str | None:
    """The holder whose term covers ``when``; without a date, the current holder."""
    day = when.isoformat() if when else None
    for ident, role in holders:
        if day is None and role.end is None:
            return ident
        if day is not None and (role.start or "") <= day and (role.end is None or day <= _end(role.end)):
            return ident
    return None


def _end(value: str) -> str:
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


def resolve_actor(
    kb: ActorKB,
    text: str,
    *,
    context_countries: Sequence[str] = (),
    start: int | None = None,
    end: int | None = None,
    antecedents: Sequence[Actor] = (),
    when: date | None = None,
) -> Actor | None:
    """Resolve a noun phrase to an Actor, or None when it cannot tell.

    Named entries win ("Kataib Hezbollah"); a country prefix ("Iran's", "Iraqi", "a US")
    sets the country of a generic head ("security forces" -> "Military Forces of Iraq") and
    of a title ("Iran's Supreme Leader" -> the office holder on ``when``); an anaphoric
    phrase ("the militia group", "he") takes the latest compatible actor in ``antecedents``.
    """
    span = {"text": text, "start": start, "end": end}
    phrase = _MEMBERS.sub("", _PARENTHETICAL.sub("", text).strip())
    if not phrase:
        return None
    entry = kb.lookup(phrase) or kb.lookup(_drop_lowercase_lead(phrase))
    if entry is not None:
        return _from_entry(kb, entry, span)
    whole = kb.country(phrase)
    if whole is not None:
        if kb.is_people(phrase):  # "Palestinians", "Algerians": the people, not the state
            return _from_generic(kb, _CIVILIANS, whole.iso3, span)
        return _from_country(kb, whole.iso3, span)
    country, rest = _split_country(kb, phrase)
    if not rest:
        return _from_country(kb, country, span) if country else None
    found = _resolve_rest(kb, rest, country, when)
    if found is not None:
        return _from_entry(kb, found, span)
    generic = kb.generic(rest if country else phrase)  # keep "the": it marks anaphora
    if generic is None:
        return _titled_person(kb, rest, country, span)
    if generic.anaphoric and country is None:
        return _antecedent(kb, generic, antecedents, span)
    home = country or (context_countries[0] if context_countries else None)
    return _from_generic(kb, generic, home, span)


class ArticleActors:
    """Resolves the actor mentions of one article in order, remembering them for coreference."""

    def __init__(self, kb: ActorKB, context_countries: Sequence[str] = (), when: date | None = None) -> None:
        self.kb = kb
        self.context_countries = list(context_countries)
        self.when = when
        self.seen: list[Actor] = []

    def resolve(self, text: str, start: int | None = None, end: int | None = None) -> Actor | None:
        actor = resolve_actor(
            self.kb,
            text,
            context_countries=self.context_countries,
            start=start,
            end=end,
            antecedents=self.seen,
            when=self.when,
        )
        if actor is not None and actor.entity_id is not None:
            self.seen.append(actor)
            if actor.country and actor.country not in self.context_countries:
                self.context_countries.append(actor.country)
        return actor


def _drop_lowercase_lead(phrase: str) -> str:
    """ "rebel Kurdistan Workers' Party" -> "Kurdistan Workers' Party" (leading adjectives)."""
    words = phrase.split()
    for _ in range(2):
        if len(words) > 1 and words[0][:1].islower():
            words = words[1:]
    return " ".join(words)


def _titled_person(kb: ActorKB, rest: str, country: str | None, span: dict[str, Any]) -> Actor | None:
    """ "Serbian Labour Minister Dragan Milovanovic": a known person named at the end, or a
    person of the office's sector (military titles: state_forces; others: government)."""
    words = rest.split()
    for size in range(min(5, len(words) - 1), 1, -1):
        tail = words[len(words) - size :]
        if all(w[:1].isupper() for w in tail):
            entry = kb.lookup(" ".join(tail))
            if entry is not None and entry.kind == "person":
                return _from_entry(kb, entry, span)
    office = max((i for i, w in enumerate(words) if key(w) in kb.office_words), default=-1)
    name_words = words[office + 1 :] if office >= 0 else []
    if not 1 <= len(name_words) <= 4 or not all(w[:1].isupper() for w in name_words):
        return None
    military = key(" ".join(words[: office + 1])).split()[-1] in kb.military_titles
    return Actor(
        name=" ".join(name_words),
        country=country,
        type="state_forces" if military else "government",
        code=_code(country, "MIL" if military else "GOV"),
        **span,
    )


def _resolve_rest(kb: ActorKB, rest: str, country: str | None, when: date | None) -> KBEntry | None:
    entry = kb.lookup(rest)
    if entry is None and country is not None:
        entry = kb.office_holder(country, rest, when)
    if entry is None and " of " in rest:
        title, _, org_text = rest.partition(" of ")
        org_country, org_rest = _split_country(kb, org_text)
        org = kb.lookup(org_rest or org_text)
        if org is not None and kb.strip_title(title) == "":
            entry = kb.org_holder(org.id, kb.title_of(title), when) or org
    return entry


def _split_country(kb: ActorKB, text: str) -> tuple[str | None, str]:
    """A leading country word ("Iran's", "Iraqi", "US", "United States") and the rest."""
    words = [_LED.sub("", w) for w in text.split()]
    while words and key(words[0]) in _DETERMINERS - _DEFINITE:
        words = words[1:]
    if words and key(words[0]) == "the":
        words = words[1:]
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        found = kb.country(" ".join(words[:size]))
        if found is not None and not found.is_metonym:
            return found.iso3, " ".join(words[size:])
    for i in range(len(words) - 2, 0, -1):
        if key(words[i]) in _TAIL_PREPOSITIONS:
            found = kb.country(" ".join(words[i + 1 :]))
            if found is not None:
                return found.iso3, " ".join(words[:i])
    return None, " ".join(words)


def _from_entry(kb: ActorKB, entry: KBEntry, span: dict[str, Any]) -> Actor:
    chain = tuple(e.name for e in kb.affiliation_chain(entry.id))
    if entry.kind == "country":
        return _from_country(kb, entry.id, span)
    return Actor(
        name=entry.name,
        country=entry.country,
        type=entry.type,
        code=entry.code or _code(entry.country, _SECTORS.get(entry.type)),
        entity_id=entry.id,
        affiliations=chain,
        **span,
    )


def _from_country(kb: ActorKB, iso3: str, span: dict[str, Any]) -> Actor:
    entry = kb.get(iso3)
    name = entry.name if entry else iso3
    return Actor(name=name, country=iso3, type="government", code=_code(iso3, "GOV"), entity_id=iso3, **span)


def _from_generic(kb: ActorKB, generic: GenericActor, country: str | None, span: dict[str, Any]) -> Actor:
    entry = kb.get(country) if country else None
    name = generic.label
    if entry is not None:
        state = generic.type in ("state_forces", "government")
        name = f"{generic.label} of {entry.name}" if state else f"{generic.label} ({entry.name})"
    return Actor(name=name, country=country, type=generic.type, code=_code(country, generic.sector), **span)


def _antecedent(
    kb: ActorKB, generic: GenericActor, antecedents: Sequence[Actor], span: dict[str, Any]
) -> Actor | None:
    for actor in reversed(antecedents):
        entry = kb.get(actor.entity_id or "")
        if entry is None:
            continue
        person = generic.label == "Person"
        if (person and entry.kind == "person") or (
            not person
            and entry.kind != "person"
            and (actor.type == generic.type or {actor.type, generic.type} <= _ARMED)
        ):
            return _from_entry(kb, entry, span)
    return None


def _code(country: str | None, sector: str | None) -> str | None:
    if country is None:
        return None
    return country + (sector or "")

"""Building the in-memory lookup tables of the actor knowledge base from validated data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ._names import key, skeleton
from .kb import CountryEntry, GenericActor, KBData, KBEntry, Role


@dataclass
class KBIndex:
    """Name keys -> entity ids (best first), plus countries, generics, titles and offices."""

    entries: dict[str, KBEntry] = field(default_factory=dict)
    by_key: dict[str, list[str]] = field(default_factory=dict)
    by_skeleton: dict[str, list[str]] = field(default_factory=dict)
    countries: dict[str, CountryEntry] = field(default_factory=dict)
    generics: dict[str, GenericActor] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    office_words: frozenset[str] = frozenset()
    military_titles: frozenset[str] = frozenset()
    offices: dict[tuple[str, str], list[tuple[str, Role]]] = field(default_factory=dict)
    demonyms: tuple[tuple[str, str], ...] = ()
    peoples: frozenset[str] = frozenset()
    acronyms: dict[str, list[str]] = field(default_factory=dict)
    org_roles: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)


def build_index(data: KBData) -> KBIndex:
    index = KBIndex()
    index.entries = dict(data.entries)
    for iso3, record in data.countries.items():
        index.entries.setdefault(
            iso3,
            KBEntry(
                id=iso3,
                name=record.name,
                kind="country",
                type="government",
                country=iso3,
                code=iso3,
                aliases=record.aliases,
                sources=record.sources,
            ),
        )
    by_key: dict[str, list[str]] = defaultdict(list)
    by_skel: dict[str, list[str]] = defaultdict(list)
    acronyms: dict[str, list[str]] = defaultdict(list)
    for entry in _ranked(index.entries.values(), data):
        for name in (entry.name, *entry.aliases):
            if is_acronym(name):
                _add(acronyms, name.replace(".", ""), entry.id)
                continue
            _add(by_key, key(name), entry.id)
            _add(by_skel, skeleton(name), entry.id)
    index.acronyms = dict(acronyms)
    _add_surnames(index.entries.values(), by_key, by_skel)
    index.by_key, index.by_skeleton = dict(by_key), dict(by_skel)
    index.countries = _country_keys(data)
    for generic in data.generics:  # the first file entry naming a term wins; user files add
        for term in _forms(generic.terms):
            index.generics.setdefault(key(term), generic.actor)
    index.titles = tuple(sorted({key(t) for t in data.titles}, key=len, reverse=True))
    index.office_words = frozenset(key(w) for w in data.office_words)
    index.military_titles = frozenset(key(w) for w in data.military_titles)
    index.offices = _offices(index.entries.values())
    index.org_roles = _org_roles(index.entries.values())
    index.demonyms = tuple((d, c.iso3) for c in data.countries.values() for d in c.demonyms)
    index.peoples = frozenset(_peoples(data))
    return index


def is_acronym(name: str) -> bool:
    """Short all-capital names ("IS", "KH", "U.S.") match only when written in capitals."""
    bare = name.replace(".", "").replace("-", "")
    return len(bare) <= 5 and bare.isupper() and bare.isalnum()


def _ranked(entries: Iterable[KBEntry], data: KBData) -> list[KBEntry]:
    """Later (user) files first, then groups, institutions, people, countries, in file order."""
    kinds = {"group": 0, "institution": 1, "person": 2, "country": 3}

    def rank(entry: KBEntry) -> tuple[int, int, int]:
        order, line = data.rank.get(entry.id, (1, 0))
        return (order, kinds[entry.kind], line)

    return sorted(entries, key=rank)


def _add(table: dict[str, list[str]], name_key: str, ident: str) -> None:
    if name_key and ident not in table[name_key]:
        table[name_key].append(ident)


def _add_surnames(
    entries: Iterable[KBEntry], by_key: dict[str, list[str]], by_skel: dict[str, list[str]]
) -> None:
    """A person is also found by surname alone, unless the surname is shared or names another."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.kind == "person":
            words = skeleton(entry.name).split()
            if len(words) > 1:
                owners[words[-1]].add(entry.id)
    for surname, ids in owners.items():
        if len(ids) == 1 and surname not in by_key and surname not in by_skel and len(surname) > 3:
            by_skel[surname].append(next(iter(ids)))


def _forms(terms: tuple[str, ...]) -> list[str]:
    """Each term and its regular plural ("gunman" is listed with "gunmen" in the data file)."""
    forms = list(terms)
    for term in terms:
        if term.endswith(("s", "men", "people", "police", "personnel", "he", "she")):
            continue
        if term.endswith("y") and term[-2:-1] not in "aeiou":
            forms.append(term[:-1] + "ies")
        else:
            forms.append(term + "s")
    return forms


def _country_keys(data: KBData) -> dict[str, CountryEntry]:
    table: dict[str, CountryEntry] = {}
    for rec in data.countries.values():
        plain = CountryEntry(iso3=rec.iso3, name=rec.name, capital=rec.capital)
        metonym = CountryEntry(iso3=rec.iso3, name=rec.name, capital=rec.capital, is_metonym=True)
        for name in (rec.name, *rec.aliases, *rec.demonyms, *_plurals(rec.demonyms), rec.iso3):
            table.setdefault(key(name), plain)
        capitals = [rec.capital] if rec.capital and rec.metonym else []
        for name in (*capitals, *rec.capital_aliases):
            table.setdefault(key(name), metonym)
    return table


def _offices(entries: Iterable[KBEntry]) -> dict[tuple[str, str], list[tuple[str, Role]]]:
    table: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
    for entry in entries:
        for role in entry.roles:
            country = role.country or entry.country
            if country:
                table[(country, key(role.office))].append((entry.id, role))
    return dict(table)


def _org_roles(entries: Iterable[KBEntry]) -> dict[str, list[tuple[str, Role]]]:
    table: dict[str, list[tuple[str, Role]]] = defaultdict(list)
    for entry in entries:
        for role in entry.roles:
            if role.org:
                table[role.org].append((entry.id, role))
    return dict(table)


def _plurals(demonyms: Iterable[str]) -> list[str]:
    """ "Algerian" -> "Algerians", "Iraqi" -> "Iraqis" (demonyms that take a plain -s)."""
    return [d + "s" for d in demonyms if d.endswith(("an", "i")) and " " not in d]


def _peoples(data: KBData) -> set[str]:
    """Keys of plural demonyms that name a people ("Palestinians"), not a country name."""
    found = set()
    for rec in data.countries.values():
        names = {key(n) for n in (rec.name, *rec.aliases)}
        for demonym in (*rec.demonyms, *_plurals(rec.demonyms)):
            if demonym.endswith("s") and key(demonym) not in names:
                found.add(key(demonym))
    return found

"""Choosing an event's fields from its mentions and coding it in CAMEO, PLOVER and ACLED."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .events import (
    AGGREGATE,
    STATE_TYPES,
    VIOLENT_ROOTS,
    EventDraft,
    choose_main,
    complete_dates,
    group,
    is_protest,
)
from .fold import fold_sub_acts
from .layout import Layout
from .ontology import AcledContext, Ontology
from .records import Actor, Count, DateResolution, Event, Location, Mention, replace

PROTESTER_TYPES = frozenset({"protesters", "rioters"})
LEARNED_KEEP = 0.5  # an event the model is this sure of stands without actor, place or count
VIOLENT_OR_PROTEST = frozenset({"14", "15", "17", "18", "19", "20"})
LEARNED_DOUBT = 0.1  # below this, violence with no armed or state actor is not kept
CountryPlace = Callable[[str], Location | None]


def build_events(mentions: list[Mention], doc_id: str, published: date | None,
                 ontology: Ontology, country_place: CountryPlace | None = None,
                 layout: Layout | None = None) -> list[Event]:
    """The events of one document, in document order, exactly one of them ``main``.

    An event whose own sentences name no place is put where the story is: the town of its lead
    when the lead names one, else the lead's country (geo_precision 3, from ``country_place``).
    """
    layout = layout or Layout()
    drafts = fold_sub_acts(group(mentions))
    dates = complete_dates(drafts, published)
    built = [(d, e) for i, d in enumerate(drafts)
             for e in _per_place(d, _event(d, dates[i], doc_id, False, ontology))]
    kept = [(d, e) for d, e in built if _kept(d, e)]
    main = choose_main([d for d, _ in kept], layout.lead_sentences)
    if main is not None:
        kept[main][1].main = True
    if country_place is not None:
        _fill_places(mentions, [e for _, e in kept], layout, country_place)
    return [e for _, e in kept]


def _per_place(draft: EventDraft, event: Event) -> list[Event]:
    """One event per place: "clashed with police in Lahore and Karachi" is two events (the
    count, not divisible, stays with the first)."""
    others = draft.best.other_places if draft.best.location == event.location else []
    copies = [replace(event, id=f"{event.id}-{i}", location=place, fatalities=None,
                      fatalities_text=None, injured=None)
              for i, place in enumerate(others, start=2)]
    return [event, *copies]


def _fill_places(mentions: list[Mention], events: list[Event], layout: Layout,
                 country_place: CountryPlace) -> None:
    """An event whose own sentences name no place is put where the report places the story:
    the lead's town, else the dateline's town, else the lead's country, else the country the
    document names most. A region or country of its own is kept (not traded for the town of
    another event). Measured on the written wire set, the lead's town before the dateline's
    is right more often: datelines name the capital the report was filed from."""
    lead = next((m.location for m in mentions if m.location
                 and m.sentence_index in layout.lead_sentences), None)
    town = next((p for p in (lead, layout.dateline) if p is not None and p.geo_precision < 3),
                None)
    country = lead.country if lead is not None and lead.country else layout.country
    for event in events:
        section = layout.section_place(event.trigger.start)
        if section is not None and (event.location is None or (
                event.location.geo_precision == 3 and event.location.country == section.country)):
            event.location = section  # the report's section heading: "HERAT" then its events
            continue
        if event.location is not None:
            continue
        if town is not None:
            event.location = town
        elif country is not None:
            event.location = country_place(country) or lead


def _kept(draft: EventDraft, event: Event) -> bool:
    """An event the learned detector is sure of stands by itself; one it doubts that no armed
    or state actor commits (a crash that "killed", a shooting in a bar) goes; the rest must be
    ``reportable``."""
    best = draft.best
    if best.learned and best.confidence >= LEARNED_KEEP:
        return True
    if best.learned and best.confidence < LEARNED_DOUBT and event.cameo_root in VIOLENT_ROOTS:
        actor = event.actor1
        if actor is None or actor.type in {"civilians", "other", "rioters", "protesters"}:
            return False
    return reportable(event) or (
        event.cameo_root in VIOLENT_OR_PROTEST and any(m.has_roles for m in draft.mentions))


def reportable(event: Event) -> bool:
    """Enough evidence to be a conflict event worth a record.

    Violence needs someone or somewhere (an actor, a victim, a place or a count): "protection
    from attacks" in a software story has none. Non-violent politics needs a political actor
    as its source: a state, its officials or forces, an armed group, an international body,
    or protesters ("analysts warned" is commentary, not a threat).
    """
    if event.cameo_root in VIOLENT_OR_PROTEST:
        return any([event.actor1, event.actor2, event.victims, event.location,
                    event.fatalities is not None, event.injured is not None])
    if event.actor1 is not None:
        return _political(event.actor1)
    return _political(event.actor2)


def _political(actor: Actor | None) -> bool:
    if actor is None or actor.type == "rioters":
        return False
    if actor.type == "civilians":  # "The Palestinians reject ...": a people speaking as one
        words = (actor.text or "").removeprefix("the ").removeprefix("The ").split()
        return len(words) == 1 and words[0][:1].isupper() and words[0].endswith("s")
    if actor.type != "other" or actor.entity_id:
        return True
    words = [w for w in (actor.text or "").split() if w not in {"The", "A", "An", "the"}]
    # an unknown body with a multi-word name: "the U.N. Assistance Mission", "the Home Office"
    return len(words) > 1 and all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)


def _event(draft: EventDraft, when: DateResolution | None, doc_id: str, main: bool,
           ontology: Ontology) -> Event:
    best = draft.best
    code = _code(draft, best, ontology)
    info = ontology.cameo(code)
    plover, table_mode = ontology.plover(code)
    actor1, actor2, victims = _actors(draft)
    fatalities = _toll(draft, "fatalities")
    injured = _toll(draft, "injured")
    event = Event(
        id=f"{doc_id[:16]}-{best.trigger.start}", doc_id=doc_id, trigger=best.trigger,
        sentence=best.sentence.text, cameo=info.code, cameo_root=info.root,
        quad_class=info.quad_class, goldstein=info.goldstein, main=main,
        background=all(m.background for m in draft.mentions),
        confidence=min(0.99, max(m.confidence for m in draft.mentions)
                       + 0.05 * (len(draft.mentions) - 1)),
        plover=plover, plover_mode=_mode(draft, table_mode),
        actor1=actor1, actor2=actor2, victims=victims, location=_location(draft),
        fatalities=fatalities.number if fatalities else None,
        fatalities_text=fatalities.text if fatalities else None,
        injured=injured.number if injured else None,
        modality=best.modality,
        mentions=[m.trigger for m in sorted(draft.mentions + draft.details,
                                            key=lambda m: m.trigger.start)],
    )
    _set_date(event, when)
    _set_acled(event, draft, ontology)
    return event


def _code(draft: EventDraft, best: Mention, ontology: Ontology) -> str:
    if draft.violent_protest:
        return "145"
    if draft.force is not None and is_protest(draft):
        best = next(m for m in draft.mentions if m.cameo.startswith("14"))
    code = best.cameo
    while code and not ontology.has_code(code):
        code = code[:-1]
    return code or best.cameo[:2]


def _mode(draft: EventDraft, table_mode: str | None) -> str | None:
    if draft.violent_protest:
        return "riot"
    return next((m.plover_mode for m in draft.mentions if m.plover_mode), table_mode)


def _actors(draft: EventDraft) -> tuple[Actor | None, Actor | None, list[Actor]]:
    ordered = sorted(draft.mentions, key=lambda m: m is not draft.best)
    actor1 = next((m.actor1 for m in ordered if m.actor1 is not None), None)
    patients: list[Actor] = []
    for actor in (a for m in ordered for a in (m.actor2, *m.victims) if a is not None):
        if all(actor.name != p.name for p in patients) and (
            actor1 is None or actor.name != actor1.name
        ):
            patients.append(actor)
    patients.sort(key=lambda a: a.type == "other")  # a named "other" yields to civilians or forces
    if is_protest(draft):
        return _protest_actors(draft, actor1, patients)
    elif draft.family == "violent" and actor1 is not None:
        actor1 = _as_forces(actor1)
    return actor1, (patients[0] if patients else None), patients[1:]


def _protest_actors(draft: EventDraft, actor1: Actor | None, patients: list[Actor]
                    ) -> tuple[Actor | None, Actor | None, list[Actor]]:
    """Protesters act; the police or army that intervened, else the protested-at, is actor2."""
    crowd = next((a for a in [actor1, *patients] if a and a.type in PROTESTER_TYPES), None)
    if crowd is None:
        starters = [m.actor1 for m in draft.mentions if m.cameo.startswith("14") and m.actor1]
        crowd = starters[0] if starters else (actor1 if actor1 and actor1.type not in STATE_TYPES
                                              else None)
    force = next((m.actor1 for m in draft.mentions if m.actor1 and m.actor1.type in STATE_TYPES
                  and (crowd is None or m.actor1.name != crowd.name)), None)
    others = [p for p in patients if crowd is None or p.name != crowd.name]
    actor2 = force or (others[0] if others else None)
    victims = [p for p in others if actor2 is None or p.name != actor2.name]
    return _as_protesters(crowd, draft), actor2, victims


def _as_forces(actor: Actor) -> Actor:
    """A state that strikes or fights acts through its forces ("US airstrikes")."""
    if actor.type == "government" and actor.entity_id and actor.entity_id == actor.country:
        code = f"{actor.country}MIL" if actor.country else actor.code
        return replace(actor, type="state_forces", code=code)
    return actor


def _as_protesters(actor: Actor | None, draft: EventDraft) -> Actor | None:
    """Protest events are acted by protesters (or rioters); an armed group becomes an affiliation."""
    kind = "rioters" if draft.violent_protest else "protesters"
    if actor is None:
        return None
    if actor.type in PROTESTER_TYPES:
        return replace(actor, type=kind, name=actor.name.replace("Protesters", kind.title())
                       if kind == "rioters" else actor.name)
    is_country = bool(actor.entity_id) and actor.entity_id == actor.country
    if actor.type in {"state_forces", "government", "external_forces"} and not is_country:
        return actor  # "Thousands of Lebanese" protest as people, not as the state
    country = actor.country or (draft.best.location.country if draft.best.location else None)
    if is_country or not actor.entity_id:  # "Thousands of Lebanese", "thousands of people"
        where = _country_name(actor.name) if is_country else _country_name(actor.name, inner=True)
        label = f"{kind.title()} ({where})" if where else kind.title()
    else:
        label = f"{kind.title()} ({actor.name} supporters)"
    return replace(actor, name=label, type=kind, country=country, entity_id=None,
                   affiliations=(actor.name, *actor.affiliations))


def _country_name(name: str, inner: bool = False) -> str | None:
    """"Lebanon" -> "Lebanon"; with ``inner``, "Civilians (Kenya)" -> "Kenya"."""
    if not inner:
        return name
    opened = name.rfind("(")
    return name[opened + 1 : name.rfind(")")] if opened >= 0 else None


def _location(draft: EventDraft) -> Location | None:
    """A town before a region or country; among towns, one attached to its trigger before one
    only named in the sentence (a spokesman "in the capital"), then the most precise, the best
    mention's, the first."""
    best = draft.best
    ranked = [(m.location.geo_precision == 3, not m.own_place, m.location.geo_precision,
               m is not best, i, m.location)
              for i, m in enumerate(draft.mentions) if m.location is not None]
    return min(ranked, key=lambda r: r[:5])[5] if ranked else None


def _toll(draft: EventDraft, kind: str) -> Count | None:
    """The event's own count: the largest its body sentences give (a later sentence may name
    more victims), not a headline's (which may sum several events) nor a running total
    ("bringing to 52 the number killed this month")."""
    own = [(m, getattr(m, kind)) for m in draft.mentions if getattr(m, kind) is not None]
    own = [(m, c) for m, c in own if not AGGREGATE.search(m.sentence.text)] or own
    numbered = [(m, c) for m, c in own if c.number is not None]
    if not numbered:
        return own[0][1] if own else None
    numbered = [(m, c) for m, c in numbered if not m.headline] or numbered
    return _largest([c for _, c in numbered])  # a headline may sum several events


def _largest(counts: list[Count | None]) -> Count | None:
    known = [c for c in counts if c is not None]
    numbered = [c for c in known if c.number is not None]
    if numbered:
        return max(numbered, key=lambda c: c.number or 0)
    return known[0] if known else None


def _set_date(event: Event, when: DateResolution | None) -> None:
    if when is None:
        return
    # a range or a month carries its latest day as the point date; date_precision says so
    event.event_date = when.event_date or when.date_latest
    event.date_earliest = when.date_earliest
    event.date_latest = when.date_latest
    event.date_precision = when.date_precision
    event.date_text = when.date_text


def _set_acled(event: Event, draft: EventDraft, ontology: Ontology) -> None:
    instrument = next((m.instrument for m in draft.mentions if m.instrument), None)
    context = AcledContext(
        cameo=event.cameo, plover_mode=event.plover_mode, instrument=instrument,
        actor1_type=event.actor1.type if event.actor1 else None,
        actor2_type=event.actor2.type if event.actor2 else None,
        victim_types=tuple(v.type for v in event.victims),
        violent_protest=draft.violent_protest, force_against_protesters=draft.force,
        modality=event.modality, fatalities=event.fatalities,
        learned=draft.best.learned_label,
    )
    event.acled_event_type, event.acled_sub_event_type = ontology.acled(context)

"""ACLED event and sub-event types for a whole event, from the ordered rules of acled_rules.yaml.

The rules are data: each one lists conditions on the event (CAMEO prefix, instrument, actor
types, the target's kind, flags) and the labels it gives; the first rule whose conditions all
hold decides. The file's header documents the condition keys; this module only evaluates them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml

from .._data import data_path, read_text
from ..errors import E, SitrepError
from ..records import ACTOR_TYPES, MODALITIES

RULES_FILE = ("ontology", "acled_rules.yaml")
FORCE_VALUES: tuple[str | None, ...] = (None, "intervention", "lethal")
ARMED_TYPES = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}
)
UNARMED_TYPES = frozenset({"civilians", "government"})
PROTEST_TYPES = frozenset({"protesters", "rioters"})
TARGETS = ("armed", "civilian", "protesters", "unknown")


@dataclass(frozen=True)
class AcledContext:
    """What the ACLED mapping needs to know about one event (see acled_rules.yaml)."""

    cameo: str
    plover_mode: str | None = None
    instrument: str | None = None
    actor1_type: str | None = None
    actor2_type: str | None = None
    victim_types: tuple[str, ...] = ()
    violent_protest: bool = False
    force_against_protesters: str | None = None
    modality: str = "asserted"
    fatalities: int | None = None
    learned: str | None = None  # the learned detector's class for the event, when it is sure

    def __post_init__(self) -> None:
        for name in ("actor1_type", "actor2_type"):
            _check(name, getattr(self, name), (None, *ACTOR_TYPES))
        for victim in self.victim_types:
            _check("victim_types", victim, ACTOR_TYPES)
        _check("force_against_protesters", self.force_against_protesters, FORCE_VALUES)
        _check("modality", self.modality, MODALITIES)
        if not isinstance(self.cameo, str):
            _check("cameo", self.cameo, ("a CAMEO code string",))

    @property
    def target(self) -> str:
        """Kind of the attacked side: protesters, armed, civilian or unknown.

        actor2 decides when its type says; otherwise the victims do (an armed victim makes
        the target armed, as ACLED codes a fight when an armed side is hit).
        """
        for kinds in ((self.actor2_type,), self.victim_types):
            if PROTEST_TYPES.intersection(kinds):
                return "protesters"
            if ARMED_TYPES.intersection(kinds):
                return "armed"
            if UNARMED_TYPES.intersection(kinds):
                return "civilian"
        return "unknown"


def _check(name: str, value: object, allowed: tuple[object, ...]) -> None:
    if value not in allowed:
        raise SitrepError(E.E104, field=name, value=value, allowed=allowed)


Test = Callable[[AcledContext], bool]


@dataclass(frozen=True)
class AcledRule:
    """One rule: every test must hold; ``labels`` is (type, sub-type) or (None, None)."""

    name: str
    labels: tuple[str | None, str | None]
    tests: tuple[Test, ...] = field(default=())

    def matches(self, ctx: AcledContext) -> bool:
        return all(test(ctx) for test in self.tests)


@dataclass(frozen=True)
class AcledRules:
    """The ordered rule table and ACLED's taxonomy (type -> sub-types) from the YAML file."""

    rules: tuple[AcledRule, ...]
    taxonomy: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls) -> AcledRules:
        path = data_path(*RULES_FILE)
        try:
            document = yaml.safe_load(read_text(*RULES_FILE))
        except yaml.YAMLError as exc:
            raise SitrepError(E.E102, path=path, rule="-", cause=f"not valid YAML: {exc}") from exc
        if not isinstance(document, dict):
            _bad("-", "the file must be a mapping with 'taxonomy' and 'rules'")
        taxonomy = _taxonomy(document.get("taxonomy"))
        rules = document.get("rules")
        if not isinstance(rules, list) or not rules:
            _bad("-", "'rules' must be a non-empty list")
        return cls(tuple(_rule(index, raw, taxonomy) for index, raw in enumerate(rules)), taxonomy)

    def classify(self, ctx: AcledContext) -> tuple[str | None, str | None]:
        """Labels of the first matching rule; (None, None) when no rule matches."""
        for rule in self.rules:
            if rule.matches(ctx):
                return rule.labels
        return (None, None)

    def explain(self, ctx: AcledContext) -> str | None:
        """Name of the rule that decides ``ctx`` (for debugging and tests)."""
        return next((rule.name for rule in self.rules if rule.matches(ctx)), None)


def _taxonomy(raw: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict) or not raw:
        _bad("-", "'taxonomy' must map each event type to its list of sub-event types")
    result: dict[str, tuple[str, ...]] = {}
    for kind, subs in raw.items():
        if not isinstance(subs, list) or not all(isinstance(s, str) for s in subs):
            _bad("-", f"taxonomy entry {kind!r} must be a list of sub-event type strings")
        result[str(kind)] = tuple(subs)
    return result


def _rule(index: int, raw: Any, taxonomy: Mapping[str, tuple[str, ...]]) -> AcledRule:
    if not isinstance(raw, dict) or "then" not in raw:
        _bad(index, "each rule is a mapping with 'name', optional 'when' and 'then'")
    name = str(raw.get("name", index))
    when = raw.get("when") or {}
    if not isinstance(when, dict):
        _bad(name, "'when' must be a mapping of condition keys")
    tests = tuple(_test(name, key, value) for key, value in when.items())
    return AcledRule(name, _labels(name, raw["then"], taxonomy), tests)


def _labels(name: str, then: Any, taxonomy: Mapping[str, tuple[str, ...]]) -> tuple[
        str | None, str | None]:
    if then is None:
        return (None, None)
    if not (isinstance(then, list) and len(then) == 2):
        _bad(name, "'then' must be [event type, sub-event type] or null")
    kind, sub = str(then[0]), str(then[1])
    if sub not in taxonomy.get(kind, ()):
        _bad(name, f"{kind!r} / {sub!r} is not a type / sub-type pair of the taxonomy")
    return (kind, sub)


def _as_list(name: str, key: str, value: Any) -> list[Any]:
    values = value if isinstance(value, list) else [value]
    if not values:
        _bad(name, f"condition {key!r} has an empty list")
    return values


def _test(name: str, key: str, value: Any) -> Test:
    if key == "violent_protest":
        if not isinstance(value, bool):
            _bad(name, "violent_protest takes true or false")
        return lambda ctx: ctx.violent_protest is value
    if key == "fatalities_min":
        if not isinstance(value, int):
            _bad(name, "fatalities_min takes an integer")
        return lambda ctx: ctx.fatalities is not None and ctx.fatalities >= value
    values = _as_list(name, key, value)
    maker = _LIST_TESTS.get(key)
    if maker is None:
        _bad(name, f"unknown condition key {key!r} (allowed: {sorted(_ALL_KEYS)})")
    allowed = _ALLOWED.get(key)
    for item in values:
        if allowed is not None and item not in allowed:
            _bad(name, f"{key} value {item!r} is not one of {allowed}")
        if key in ("cameo", "not_cameo") and not (isinstance(item, str) and item.isdigit()):
            _bad(name, f"{key} value {item!r} must be a quoted digit string such as '19'")
    return maker(tuple(values))


def _prefix(values: tuple[str, ...]) -> Test:
    return lambda ctx: ctx.cameo.startswith(values)


def _not_prefix(values: tuple[str, ...]) -> Test:
    return lambda ctx: not ctx.cameo.startswith(values)


def _field(attr: str, negate: bool = False) -> Callable[[tuple[Any, ...]], Test]:
    def make(values: tuple[Any, ...]) -> Test:
        return lambda ctx: (getattr(ctx, attr) in values) != negate
    return make


def _victims(values: tuple[Any, ...]) -> Test:
    return lambda ctx: any(victim in values for victim in ctx.victim_types)


_LIST_TESTS: dict[str, Callable[[tuple[Any, ...]], Test]] = {
    "cameo": _prefix,
    "not_cameo": _not_prefix,
    "plover_mode": _field("plover_mode"),
    "not_plover_mode": _field("plover_mode", negate=True),
    "instrument": _field("instrument"),
    "actor1_type": _field("actor1_type"),
    "not_actor1_type": _field("actor1_type", negate=True),
    "actor2_type": _field("actor2_type"),
    "victim_types": _victims,
    "target": _field("target"),
    "force_against_protesters": _field("force_against_protesters"),
    "modality": _field("modality"),
    "learned": _field("learned"),
}
_ACTOR_VALUES = (None, *ACTOR_TYPES)
_ALLOWED: dict[str, tuple[Any, ...]] = {
    "actor1_type": _ACTOR_VALUES,
    "not_actor1_type": _ACTOR_VALUES,
    "actor2_type": _ACTOR_VALUES,
    "victim_types": ACTOR_TYPES,
    "target": TARGETS,
    "force_against_protesters": FORCE_VALUES,
    "modality": MODALITIES,
}
_ALL_KEYS = {*_LIST_TESTS, "violent_protest", "fatalities_min"}


def _bad(rule: object, cause: str) -> NoReturn:
    raise SitrepError(E.E102, path=data_path(*RULES_FILE), rule=rule, cause=cause)

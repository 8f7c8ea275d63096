"""The grammar of time expressions: regular expressions built from ``sitrep/data/dates.tsv``.

``DateGrammar.load()`` reads the month and weekday names once and compiles one pattern per
rule. Each rule has a name (the resolver's handler) and a kind (``TimeExpression.kind``).
Month and weekday names are case-sensitive; function words are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._data import data_path, read_text
from ..errors import E, SitrepError

_KINDS = ("month", "month_abbr", "weekday", "day_part", "season", "holiday")
_SEP = r"\s*(?:-|–|—|/|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b|\binto\b)\s*"
_NUMW = r"\d{1,3}|an?|a\s+few|a\s+couple\s+of|several|few|[a-z]+(?:-[a-z]+)?"
_UNIT = r"(?P<unit>hours?|days?|nights?|weeks?|fortnights?|months?|years?)"


@dataclass(frozen=True)
class Rule:
    """One pattern: ``name`` selects the resolver handler, ``kind`` is the expression kind."""

    name: str
    kind: str
    needs: tuple[str, ...]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DateGrammar:
    """Month/weekday tables and the compiled rules, in priority order."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    holidays: dict[str, int]
    rules: tuple[Rule, ...]
    needs: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls) -> DateGrammar:
        """The package's ``dates.tsv``; E009/E010 name the file and line when it is bad."""
        return cls.parse(read_text("dates.tsv"), str(data_path("dates.tsv")))

    @classmethod
    def parse(cls, text: str, path: str) -> DateGrammar:
        table = _read_table(text, path)
        months = {**table["month"], **table["month_abbr"]}
        frags = _fragments(table)
        rules = tuple(Rule(name, kind, tuple(needs.split()),
                           re.compile(_bounded(pattern.format(**frags))))
                      for name, kind, needs, pattern in _RULES)
        tests = {"D": tuple("0123456789"), "M": tuple(months), "W": tuple(table["weekday"]),
                 "S": tuple(k.lower() for k in table["season"]),
                 "H": tuple(k.split("'")[0] for k in table["holiday"]),
                 **{k: tuple(v.split("|")) for k, v in _NEEDS.items()}}
        return cls({k.lower(): v for k, v in months.items()},
                   {k.lower(): v for k, v in table["weekday"].items()},
                   {k.lower(): v for k, v in table["season"].items()},
                   {_apostrophes(k.lower()): v for k, v in table["holiday"].items()}, rules, tests)

    def applicable(self, text: str) -> list[Rule]:
        """The rules whose cheap tests ``text`` passes (most sentences skip most rules)."""
        lower = text.lower()
        passed = {key for key, words in self.needs.items()
                  if any(w in (text if key in ("D", "M", "W", "H") else lower) for w in words)}
        return [rule for rule in self.rules if passed.issuperset(rule.needs)]

    def month(self, name: str) -> int:
        return self.months[name.lower().rstrip(".")]

    def weekday(self, name: str) -> int:
        return self.weekdays[name.lower()]

    def holiday(self, name: str) -> tuple[int, int]:
        """(month, day) of a fixed-date holiday."""
        return divmod(self.holidays[_apostrophes(name.lower())], 100)


@lru_cache(maxsize=1)
def grammar() -> DateGrammar:
    """The package's date grammar, built on first use."""
    return DateGrammar.load()


def _read_table(text: str, path: str) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {k: {} for k in _KINDS}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or cols[0] not in table or not cols[2].isdigit():
            raise SitrepError(E.E010, path=path, line=lineno,
                              cause=f"expected kind<TAB>name<TAB>number with a known kind, "
                                    f"got {line!r}")
        table[cols[0]][cols[1]] = int(cols[2])
    if len(table["month"]) != 12 or len(table["weekday"]) != 7:
        raise SitrepError(E.E010, path=path, line=0,
                          cause="the file must name 12 months and 7 weekdays")
    return table


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")


def _alternation(names: list[str], dot: bool = False) -> str:
    escaped = [re.escape(n) + (r"\.?" if dot else "") for n in sorted(names, key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def _fragments(table: dict[str, dict[str, int]]) -> dict[str, str]:
    full = _alternation(list(table["month"]))
    any_month = "(?:" + _alternation(list(table["month"])) + "|" + \
        _alternation(list(table["month_abbr"]), dot=True) + ")"
    weekday = _alternation(list(table["weekday"]))
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:(?:19|20)\d\d(?!\d)|['’]\d\d(?!\d))"
    frags = {"SEP": _SEP, "NUMW": _NUMW, "UNIT": _UNIT,
             "SEASON": "(?i:" + _alternation(list(table["season"]))[3:],
             "HOLIDAY": _alternation(list(table["holiday"])).replace("'", "['’]"),
             "DAYPART": _alternation(list(table["day_part"]))}
    for n in ("1", "2"):
        frags[f"M{n}"] = f"(?P<m{n}>{any_month})"
        frags[f"MF{n}"] = f"(?P<m{n}>{full})"
        frags[f"D{n}"] = f"(?P<d{n}>{day})"
        frags[f"Y{n}"] = f"(?P<y{n}>{year})"
        frags[f"W{n}"] = f"(?P<w{n}>{weekday})"
    return frags


def _bounded(pattern: str) -> str:
    return rf"(?<![\w'’-])(?:{pattern})(?![\w-])"


_NEEDS = {  # lower-case substrings; a rule runs only if the text holds one of each it needs
    "REL": "yesterday|today|tomorrow|tonight|this|night|overnight|previous|preceding",
    "AGO": "ago|earlier|before|previously|back",
    "ROLL": "past|last|previous|preceding",
    "UNIT": "hour|day|night|week|fortnight|month|year",
    "TIME": "0|1|2|3|4|5|6|7|8|9|midnight|noon|midday|dawn|dusk|daybreak|sunrise|sunset|nightfall",
    "PART": "morning|afternoon|evening|hours",
}
_YREL = r",?\s+(?P<yrel>(?i:this|last|next))\s+(?i:year)"  # "March 11 this year"
_ON = r"(?:(?i:on|by|(?:on\s+|in\s+)?the\s+(?:night|morning|afternoon|evening)\s+of)\s+)?"
_WDP = r"(?:{W1},?\s+)?"
_RANGE_PRE = r"(?:(?i:(?:on\s+)?the\s+night\s+of|between|from|on|over)\s+)?"
_MONTH_PRE = (r"(?P<pre>(?i:in|during|throughout|of|by|until|since|last|this|next|"
              r"earlier\s+in|later\s+in|early\s+in|late\s+in|in\s+early|in\s+late|in\s+mid)\s+)?")
_PART = r"(?P<part>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|" \
        r"the\s+middle\s+of|end|start)[\s-])?"

# (name, kind, needs, pattern) in priority order: the first rule that fully matches a text
# resolves it. ``needs`` names cheap tests (``_NEEDS``) a text must pass before the rule runs.
_RULES: tuple[tuple[str, str, str, str], ...] = (
    ("iso", "explicit", "D",
     _ON + r"(?P<y1>(?:19|20)\d\d)-(?P<m1>0?[1-9]|1[0-2])-"
     r"(?P<d1>[12]\d|3[01]|0?[1-9])(?!\d)"),
    ("iso_slash", "explicit", "D",
     _ON + r"(?P<y1>(?:19|20)\d\d)/(?P<m1>0?[1-9]|1[0-2])/(?P<d1>[12]\d|3[01]|0?[1-9])(?!\d)"),
    ("slash", "explicit", "D",
     _ON + r"(?P<a>\d{{1,2}})(?P<sep>[/-])(?P<b>\d{{1,2}})(?P=sep)(?P<y1>\d{{4}}|\d{{2}})(?!\d)"),
    ("dotted", "explicit", "D",
     _ON + r"(?P<b>\d{{1,2}})\.(?P<a>\d{{1,2}})\.(?P<y1>\d{{4}})(?!\d)"),
    ("range_full_dmy", "range", "D M",
     r"(?:(?P<pre>(?i:between|from))\s+)?(?:the\s+)?{D1}"
     r"(?:\s+of)?\s+{M1}(?:,?\s+{Y1})?{SEP}(?:the\s+)?{D2}(?:\s+of)?\s+{M2}(?:,?\s+{Y2})?"),
    ("range_full_mdy", "range", "D M",
     r"(?:(?P<pre>(?i:between|from))\s+)?{M1}\s+{D1}(?:,?\s+{Y1})?{SEP}"
     r"{M2}\s+{D2}(?:,?\s+{Y2})?"),
    ("range_ddm", "range", "D M",
     _RANGE_PRE + r"(?:the\s+)?{D1}{SEP}(?:the\s+)?{D2}(?:\s+of)?\s+{M1}"
     r"(?:,?\s+{Y1})?"),
    ("range_mdd", "range", "D M",
     _RANGE_PRE + r"{M1}\s+{D1}{SEP}{D2}(?:,?\s+{Y1})?"),
    ("range_months", "range", "M",
     r"(?i:between|from)\s+{MF1}{SEP}{MF2}(?:,?\s+{Y1})?"),
    ("range_weekdays", "range", "W",
     r"(?:(?i:between|from|on|overnight|(?:on\s+)?the\s+night\s+of)"
     r"\s+){W1}{SEP}{W2}"),
    ("range_years", "range", "D",
     r"(?i:between|from)\s+(?P<y1>(?:19|20)\d\d){SEP}"
     r"(?P<y2>(?:19|20)\d\d)"),
    ("dmy", "explicit", "D M",
     _ON + _WDP.replace("W1", "W2") + r"(?:(?i:the)\s+)?{D1}(?:\s+of)?\s+{M1}"
     r"(?:,?\s+{Y1}|" + _YREL + ")?"),
    ("mdy", "explicit", "D M",
     _ON + _WDP.replace("W1", "W2") + r"{M1}\s+(?:(?i:the)\s+)?{D1}"
     r"(?:,?\s+{Y1}|" + _YREL + ")?"),
    ("season", "range", "S",
     r"(?P<pre>(?i:in|during|throughout|last|this|next|since|early|late|earlier\s+this|"
     r"later\s+this|in\s+early|in\s+late|over)\s+)?(?:(?i:the)\s+)?(?P<season>{SEASON})"
     r"(?:\s+(?:(?i:of)\s+)?{Y1}|(?!\s+of\s))"),
    ("holiday", "explicit", "H",
     r"(?:(?i:on)\s+)?(?P<pre>(?i:last|this|next)\s+)?(?P<name>{HOLIDAY})(?:,?\s+{Y1})?"),
    ("ordinal_day", "explicit", "D",
     r"(?i:on)\s+the\s+(?P<d1>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)(?!\s+(?:of\s+)?[A-Za-z])"),
    ("month", "month", "M",
     _MONTH_PRE + _PART + r"{MF1}(?:,?\s+{Y1})?"),
    ("month_abbr_year", "month", "D M",
     r"{M1}\s+{Y1}"),
    ("decade", "year", "D",
     r"(?i:(?:in|during|since|throughout)\s+)?(?i:the\s+)"
     r"(?P<part>(?i:early|late|mid)[\s-])?(?P<dec>(?:19|20)\d0)['’]?s"),
    ("year", "year", "D",
     r"(?P<pre>(?i:in|during|throughout|since|until|by|for|in\s+the\s+year)\s+)?"
     + _PART + r"(?P<y1>(?:19|20)\d\d)(?!\d)"),
    ("relday", "relative_day", "REL",
     r"(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
     r"tomorrow|(?:early\s+|late\s+|earlier\s+|later\s+)?(?:yesterday|"
     r"today|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|"
     r"tonight|this\s+(?:morning|afternoon|evening)|"
     r"(?:late\s+|early\s+)?last\s+night|overnight|"
     r"the\s+(?:previous|preceding)\s+(?:day|night)))"),
    ("ago", "relative_day", "AGO",
     r"(?P<n>(?i:{NUMW}))\s+(?i:{UNIT})\s+"
     r"(?P<rel>(?i:ago|earlier|before|previously|back))"),
    ("rolling", "relative_period", "ROLL",
     r"(?i:(?:over|in|during|within|for|throughout)\s+)?(?i:the\s+)"
     r"(?i:past|last|previous|preceding)\s+(?:(?P<n>(?i:{NUMW}))\s+)?"
     r"(?i:{UNIT})"),
    ("recent", "relative_period", "UNIT",
     r"(?i:in\s+recent\s+{UNIT})"),
    ("coming", "future", "UNIT",
     r"(?i:(?:in|over|within)\s+the\s+(?:coming|next|following)\s+"
     r"(?:(?P<n>{NUMW})\s+)?{UNIT})"),
    ("period", "relative_period", "UNIT",
     r"(?P<pre>(?i:earlier|later|early|late)(?:\s+in)?\s+)?"
     r"(?P<which>(?i:this|last|next|this\s+past|the\s+previous))\s+"
     r"(?P<unit>(?i:week|weekend|month|year))"),
    ("earlier_in", "relative_period", "UNIT",
     r"(?P<pre>(?i:earlier|later))\s+(?i:in\s+)?(?P<which>"
     r"(?i:the))\s+(?P<unit>(?i:week|month|year))"),
    ("weekend", "relative_period", "UNIT",
     r"(?P<which>(?i:over|at|during))\s+(?i:the)\s+"
     r"(?P<unit>(?i:weekend))"),
    ("weekday", "weekday", "W",
     r"(?P<pre>(?i:(?:early|late|earlier|later)(?:\s+on)?|on|in\s+the\s+"
     r"(?:early|small)\s+hours\s+of|(?:on\s+|in\s+)?the\s+(?:morning|"
     r"afternoon|evening|night)\s+of|last|this\s+past|this|past|previous|"
     r"next|since|overnight)\s+)?(?P<pre2>(?i:early|late)\s+)?{W1}"
     r"(?:\s+(?P<part>(?i:{DAYPART})))?"),
    ("time", "time_of_day", "TIME",
     r"(?i:(?:at|around|about|shortly\s+after|shortly\s+before|just\s+"
     r"after|just\s+before|after|before|by|from|until)\s+)?(?i:(?:\d{{1,2}}"
     r"(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?![\w])|\d{{1,2}}:\d\d|"
     r"\d{{4}}\s+(?:GMT|UTC|hrs|hours)|midnight|noon|midday|dawn|dusk|"
     r"daybreak|sunrise|sunset|nightfall)(?:\s+(?:local\s+time|GMT|UTC))?)"),
    ("time_part", "time_of_day", "PART",
     r"(?i:in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|"
     r"evening|hours))"),
)

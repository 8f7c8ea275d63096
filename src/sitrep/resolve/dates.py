"""Finding time expressions in a sentence and resolving them against the publication date.

    >>> from datetime import date
    >>> [e.text for e in find_time_expressions("Last Friday, militants attacked a base.")]
    ['Last Friday']
    >>> resolve_time_expression("On Tuesday", date(2020, 1, 3)).event_date
    datetime.date(2019, 12, 31)

Rules follow docs/conventions: "on Friday" is the latest Friday on or before publication,
"last Friday" the latest strictly before it, "last week" Monday-Sunday of the previous week,
"overnight" the range publication-1..publication. Weekdays, months and day-month dates read
as past unless the sentence marks them as future ("will meet on Monday": kind "future").
The grammar is in ``_dategrammar`` (names in ``sitrep/data/dates.tsv``); handlers in
``_dateresolve`` and ``_daterelative``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime

from ..errors import E, SitrepError
from ..records import DateResolution, replace
from . import _daterelative as rel
from . import _dateresolve as fixed
from ._dategrammar import DateGrammar, Rule, grammar
from ._dateresolve import Handler, count_of, span, unit_of

__all__ = ["TimeExpression", "find_time_expressions", "is_past_or_present", "is_report_date",
           "narrative_range", "parse_published", "publication_date", "resolve_time_expression"]

_HANDLERS: dict[str, Handler] = {
    "iso": fixed.iso, "iso_slash": fixed.iso, "ordinal_day": fixed.ordinal_day,
    "slash": fixed.numeric, "dotted": fixed.numeric,
    "range_full_dmy": fixed.range_full, "range_full_mdy": fixed.range_full,
    "range_ddm": fixed.range_same_month, "range_mdd": fixed.range_same_month,
    "range_months": fixed.range_months, "range_weekdays": fixed.range_weekdays,
    "range_years": fixed.range_years, "dmy": fixed.explicit, "mdy": fixed.explicit,
    "month": fixed.month_name, "month_abbr_year": fixed.month_abbr_year, "decade": fixed.decade,
    "year": fixed.year_number, "ago": rel.ago, "rolling": rel.rolling, "recent": rel.recent,
    "coming": rel.coming, "period": rel.period, "earlier_in": rel.earlier_in,
    "weekend": rel.weekend_word, "relday": rel.relday, "weekday": fixed.weekday_name,
    "time": rel.no_date, "time_part": rel.no_date, "season": rel.season,
    "holiday": fixed.holiday,
}
_SINCE_BEFORE = re.compile(r"(?i)(?<![\w])(?:ever\s+)?since\s+$")
_SINCE_PREFIX = re.compile(r"(?i)^(?:ever\s+)?since\s+")
_INTRINSIC_FUTURE = re.compile(r"(?i)\b(?:tomorrow|next|coming|later\s+(?:this|in))\b")
_PAST_MODE = re.compile(r"(?i)^(?:last|past|previous|this\s+past)\b")
_FUTURE_MARK = re.compile(
    r"(?i)\b(?:will|shall|won['’]t|(?:is|are|was|were)\s+(?:due|scheduled|set|expected|slated|"
    r"planned|going|supposed)\s+to|(?:is|are)\s+to\s+(?:be|run|take|begin|start|hold|meet|"
    r"visit|open)|plans?\s+to|planning\s+to|intends?\s+to|to\s+be\s+held|would)\b|['’]ll\b")
_PAST_MARK = re.compile(
    r"(?i)\b(?:said|told|announced|reported|was|were|had|did|claimed|confirmed|added|took|met|"
    r"went|came|began|fled|shot|hit|fought|struck|left|made|gave|saw|led|sent|threw|ran|"
    r"broke|stormed|descended)\b|(?<!\bbe\s)(?<!been\s)\b(?!(?:scheduled|planned|expected)\b)"
    r"[a-z]{3,}ed\b")
_MONTH_WORDS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # "Friday March 3" is a date
_REPORTED = re.compile(
    r"(?i)\b(?:said|says|told(?:\s+[\w’']+){0,3}|announced|reported|confirmed|stated|added|"
    r"declared|tweeted|wrote|disclosed|revealed|claimed|acknowledged|admitted)\s*,?\s*$")
_FUTURE_ELIGIBLE = {"weekday", "explicit", "month", "range"}


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    kind: str


def parse_published(value: date | datetime | str | None) -> date | None:
    """A publication date from a date, datetime (its own calendar day) or ISO string."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, str):
        raise SitrepError(E.E003, value=value)
    text = value.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(re.sub(r"Z$", "+00:00", text)).date()
    except ValueError as exc:
        raise SitrepError(E.E003, value=value) from exc


def find_time_expressions(text: str) -> list[TimeExpression]:
    """All time expressions in ``text``: longest first, non-overlapping, in text order."""
    if not isinstance(text, str):
        raise SitrepError(E.E002, type=type(text).__name__)
    g = grammar()
    found: list[TimeExpression] = []
    previous_end = 0
    for start, end, rule in _select(_candidates(text, g)):
        kind = "duration_since" if _SINCE_PREFIX.match(text[start:end]) else rule.kind
        kind = _future_kind(text, start, end, kind, previous_end)
        found.append(TimeExpression(text[start:end], start, end, kind))
        previous_end = end
    return found


def _candidates(text: str, g: DateGrammar) -> list[tuple[int, int, Rule]]:
    found = [(m.start(), m.end(), rule) for rule in g.applicable(text)
             for m in rule.pattern.finditer(text) if _valid(rule, m, text)]
    return [(_since_start(text, start), end, rule) for start, end, rule in found]


def _since_start(text: str, start: int) -> int:
    """Where an expression starts once a preceding "since" is counted in."""
    before = _SINCE_BEFORE.search(text, max(0, start - 12), start)
    return before.start() if before is not None else start


def _select(cands: list[tuple[int, int, Rule]]) -> list[tuple[int, int, Rule]]:
    """Longest candidates first (earlier rules win ties), never overlapping."""
    order = {id(c[2]): i for i, c in enumerate(cands)}
    starts: list[int] = []
    chosen: list[tuple[int, int, Rule]] = []
    for cand in sorted(cands, key=lambda c: (c[0] - c[1], order[id(c[2])], c[0])):
        at = bisect.bisect(starts, cand[0])
        if (at and chosen[at - 1][1] > cand[0]) or (at < len(chosen) and chosen[at][0] < cand[1]):
            continue
        starts.insert(at, cand[0])
        chosen.insert(at, cand)
    return chosen


def _valid(rule: Rule, m: re.Match[str], text: str) -> bool:
    """Rule-specific checks a regular expression cannot make."""
    if rule.name == "month":
        return bool(m["pre"] or m["part"] or m["y1"])
    if rule.name == "weekday" and not (m["pre"] or m["pre2"] or m["part"]):
        return not re.match(r"\s+(?!(?:" + _MONTH_WORDS + r")\b)[A-Z][a-z]", text[m.end():])
    if rule.name.startswith("range_full") and not m["pre"]:
        return not re.search(r"\band\b", m.group())
    if rule.name == "year":
        return bool(m["pre"] or m["part"])
    if rule.name == "season":
        return bool(m["pre"] or m["y1"])
    if rule.name in ("ago", "rolling"):
        unit = unit_of(m["unit"])
        if m["n"] and count_of(m["n"], unit) is None:
            return False
        return not (rule.name == "ago" and m["rel"].lower() == "before"
                    and re.match(r"\s+[A-Za-z]", text[m.end():]))
    return True


def _future_kind(text: str, start: int, end: int, kind: str, previous_end: int) -> str:
    """ "future" for expressions that look forward, by their words or the verb's tense."""
    phrase = text[start:end]
    if kind in ("relative_day", "relative_period", "weekday") and \
            _INTRINSIC_FUTURE.search(phrase):
        return "future"
    if kind not in _FUTURE_ELIGIBLE or _PAST_MODE.match(phrase) or re.search(r"\d{4}", phrase):
        return kind
    return "future" if _tense_is_future(text, start, end, previous_end) else kind


def _tense_is_future(text: str, start: int, end: int, previous_end: int) -> bool:
    """The last tense marker before the expression (same clause), else the first after."""
    left = text[max(previous_end, start - 100):start]
    left = re.split(r"[.!?;,]\s", left)[-1]  # the expression's own clause
    marks = [(m.end(), True) for m in _FUTURE_MARK.finditer(left)]
    marks += [(m.end(), False) for m in _PAST_MARK.finditer(left)]
    if marks:
        return max(marks)[1]
    right = re.split(r"[.!?;](?:\s|$)", text[end:end + 100])[0]
    marks = [(m.start(), True) for m in _FUTURE_MARK.finditer(right)]
    marks += [(m.start(), False) for m in _PAST_MARK.finditer(right)]
    return min(marks)[1] if marks else False


def resolve_time_expression(expr: str | TimeExpression,
                            published: date | None) -> DateResolution | None:
    """Dates of a time expression (or of the longest one in a string), or None if none."""
    if not isinstance(expr, str | TimeExpression):
        raise SitrepError(E.E200, value=expr, type=type(expr).__name__)
    if isinstance(expr, str):
        found = find_time_expressions(expr)
        if not found:
            return None
        expr = max(found, key=lambda e: e.end - e.start)
    future = expr.kind == "future" or bool(_INTRINSIC_FUTURE.search(expr.text))
    resolved = _resolve_text(expr.text, published, future)
    if resolved is None:
        return None
    if expr.kind == "duration_since" or _SINCE_PREFIX.match(expr.text):
        resolved = _since(resolved, published)
        if resolved is None:
            return None
    return replace(resolved, date_text=expr.text, start=expr.start, end=expr.end)


def _resolve_text(text: str, published: date | None, future: bool) -> DateResolution | None:
    g = grammar()
    for candidate in (text, _SINCE_PREFIX.sub("", text)):
        for rule in g.rules:
            m = rule.pattern.fullmatch(candidate)
            if m is not None and _valid(rule, m, candidate):
                try:
                    return _HANDLERS[rule.name](m, g, published, future)
                except (OverflowError, ValueError):  # off the calendar (year 0 or 10000)
                    return None
    return None


def _since(resolved: DateResolution, published: date | None) -> DateResolution | None:
    first = resolved.date_earliest or resolved.event_date
    if published is None:
        return DateResolution(None, first, None, "range")
    return span(first, published)


def is_report_date(text: str, expr: TimeExpression) -> bool:
    """Whether ``expr`` dates the reporting ("police said on Monday", "told reporters on
    Monday") rather than the event; prefer another expression of the sentence when there is
    one. ``expr`` offsets are into ``text``."""
    if re.match(r"['’]s\b", text[expr.end:expr.end + 2]):
        return False  # "police said Friday's attack ...": the attack's date
    return bool(_REPORTED.search(text[max(0, expr.start - 40):expr.start]))


def publication_date(published: date | None) -> DateResolution:
    """The fallback when a sentence has no time expression (all None without a date)."""
    if published is None:
        return DateResolution(None, None, None, None)
    return DateResolution(published, published, published, "publication")


def narrative_range(after: date | None, published: date | None) -> DateResolution:
    """ "This was then followed by ...": a range from the previous event to publication."""
    if after is None or (published is not None and after > published):
        return publication_date(published)
    if published is None:
        return DateResolution(None, after, None, "range")
    return DateResolution(None, after, published, "range")


def is_past_or_present(res: DateResolution, published: date | None) -> bool:
    """Whether a resolution starts on or before publication (False for future plans)."""
    first = res.event_date or res.date_earliest
    return published is None or first is None or first <= published

"""Article text on the terminal: never markup, never control sequences.

Text from articles (sentences, titles, names, paths of inputs) reaches the terminal only through
``cell`` (a rich ``Text``, which rich never parses as markup) or ``plain``, and JSON lines only
through ``json_line``. Control characters (C0 but tab and newline, DEL, C1, e.g. ESC and CSI) and
bidirectional overrides are shown as visible escapes (``\\x1b``), so an article can neither drive
the terminal nor reorder what it shows.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

PIPE_WIDTH = 100_000  # columns of a piped table: its natural width, never cut

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Valid JSON may hold these raw; escaped, they decode to the same string.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def plain(value: Any) -> str:
    """``value`` as a string with control and bidi characters made visible."""
    return _UNSAFE.sub(_visible, "" if value is None else str(value))


def cell(value: Any) -> Text:
    """A table cell (or title) that rich prints literally: ``[/bold]`` stays ``[/bold]``."""
    return Text(plain(value))


def json_line(record: Any) -> str:
    """One JSON line (UTF-8 kept) whose control and bidi characters are ``\\uXXXX`` escapes."""
    text = json.dumps(record, ensure_ascii=False, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def console(stderr: bool = False) -> Console:
    """A rich console: the terminal's width on a terminal; when piped, wide enough that tables
    keep their natural width (nothing is cut at 80 columns)."""
    from rich.console import Console

    found = Console(stderr=stderr)
    return found if found.is_terminal else Console(stderr=stderr, width=PIPE_WIDTH)

"""``Ontology``: one object answering CAMEO, PLOVER and ACLED questions about an event code."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import CameoInfo
from .acled import AcledContext, AcledRules
from .cameo import CameoTable
from .plover import PloverEntry, PloverTable


@dataclass(frozen=True)
class Ontology:
    """The three ontologies, read once from the package data by ``Ontology.load()``."""

    cameo_table: CameoTable
    plover_table: PloverTable
    acled_rules: AcledRules

    @classmethod
    def load(cls) -> Ontology:
        """Read the CAMEO, QuadClass, Goldstein, PLOVER and ACLED tables (E009/E101/E102)."""
        return cls(CameoTable.load(), PloverTable.load(), AcledRules.load())

    def cameo(self, code: str) -> CameoInfo:
        """Name, root, QuadClass and Goldstein score of ``code``; E100 for an unknown code."""
        return self.cameo_table.get(code)

    def has_code(self, code: str) -> bool:
        return isinstance(code, str) and code in self.cameo_table.codes

    def cameo_codes(self) -> list[str]:
        """Every CAMEO code of the table, in table order (roots before their children)."""
        return list(self.cameo_table.codes)

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """(PLOVER 2021 type, mode) of a CAMEO code; 4-digit codes fall back to the 3-digit
        parent, then to the root. (None, None) for roots 01 and 02, which PLOVER dropped."""
        entry = self.plover_entry(code)
        return (entry.type, entry.mode) if entry else (None, None)

    def plover_entry(self, code: str) -> PloverEntry | None:
        """The full PLOVER entry (type, mode, contexts) of a CAMEO code, with the fallback."""
        self.cameo_table.get(code)
        return self.plover_table.lookup(code)

    def acled(self, ctx: AcledContext) -> tuple[str | None, str | None]:
        """(ACLED event type, sub-event type) of a whole event, or (None, None)."""
        self.cameo_table.get(ctx.cameo)
        return self.acled_rules.classify(ctx)

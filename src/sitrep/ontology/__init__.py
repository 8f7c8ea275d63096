"""Ontologies: CAMEO codes, PLOVER 2021 types and modes, ACLED types for whole events."""

from __future__ import annotations

from .acled import AcledContext, AcledRules
from .core import Ontology
from .plover import PLOVER_TYPES, PloverEntry

__all__ = ["PLOVER_TYPES", "AcledContext", "AcledRules", "Ontology", "PloverEntry"]

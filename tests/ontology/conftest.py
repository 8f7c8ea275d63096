from __future__ import annotations

import pytest

from sitrep.ontology import Ontology


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return Ontology.load()

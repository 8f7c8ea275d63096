from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.errors import SitrepError
from sitrep.nlp import load_model, paragraphs


def test_line_break_starts_a_sentence() -> None:
    doc = Doc(Vocab(), words=["Headline", "\n\n", "The", "strike", "."],
              spaces=[False, False, True, False, False])
    doc = paragraphs(doc)
    assert doc[2].is_sent_start is True
    assert doc[3].is_sent_start is not True


def test_missing_model_names_every_name_tried() -> None:
    with pytest.raises(SitrepError, match="E001.*no_such_model_a, no_such_model_b"):
        load_model(("no_such_model_a", "no_such_model_b"))


def test_dateline_ends_before_the_lead_sentence() -> None:
    words = ["KYIV", ",", "Ukraine", "-", "A", "missile", "struck", "."]
    doc = paragraphs(Doc(Vocab(), words=words))
    assert doc[4].is_sent_start is True
    plain = paragraphs(Doc(Vocab(), words=["Rebels", "attacked", "-", "officials", "said"]))
    assert plain[3].is_sent_start is not True

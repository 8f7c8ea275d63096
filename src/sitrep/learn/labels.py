"""The model's classes and what each means for the coder (``data/model/labels.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass

from .._data import data_path
from ..errors import E, SitrepError
from ..ontology._tables import read_tsv_file

NONE = "none"
BACKGROUND = "background"


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """One class: the code, mode and instrument it implies and the lexicon codes that fit it."""

    label: str
    cameo: str | None
    mode: str | None
    instrument: str | None
    fits: tuple[str, ...]

    def fits_code(self, code: str) -> bool:
        """Whether a lexicon row's CAMEO code agrees with this class."""
        return any(code.startswith(prefix) for prefix in self.fits)


def load_labels() -> dict[str, LabelInfo]:
    """The label table, keyed by label."""
    path = data_path("model", "labels.tsv")
    out: dict[str, LabelInfo] = {}
    for row in read_tsv_file(path):
        label, cameo, mode, instrument, fits = (row.cells.get(k, "") for k in
                                                ("label", "cameo", "mode", "instrument", "fits"))
        if not label:
            raise SitrepError(E.E602, cause=f"{path} line {row.line}: empty label")
        out[label] = LabelInfo(label, cameo or None, mode or None, instrument or None,
                               tuple(p for p in fits.split(",") if p))
    return out


def example_label(event: bool, modality: str, acled_sub: str | None, cameo: str | None) -> str:
    """The class of a corpus example (or a gold event): sub-type, R:NN, background or none."""
    if not event:
        return BACKGROUND if modality == "background" else NONE
    if acled_sub:
        return acled_sub
    return f"R:{cameo[:2]}" if cameo else NONE

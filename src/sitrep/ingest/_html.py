"""HTML article pages: main text and metadata (title, date, URL, site) with trafilatura."""

from __future__ import annotations

import re
from typing import Any

from ..errors import E, SitrepError
from ..records import Document
from ._base import SourceOptions, make_document
from ._files import read_bytes

_BLOCKS = ("p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "tr", "table", "ul", "ol", "header", "footer")


def read_html(path: str, opts: SourceOptions) -> Document:
    """One ``Document`` from a saved HTML page."""
    return html_document(read_bytes(path, opts), path, opts)


def html_document(data: bytes, where: str, opts: SourceOptions, url: str | None = None
                  ) -> Document:
    """The main text of an HTML page with its metadata; E406 when none can be extracted."""
    if b"\x00" in data[:65536]:
        raise SitrepError(E.E007, path=where)
    meta = _extract(data, where, url)
    text = str(meta.get("text") or "").replace("\n", "\n\n")  # one paragraph per line
    if not text.strip():
        raise SitrepError(E.E406, path=where, cause="no article text found")
    return make_document(text, where, opts, published=meta.get("date"),
                         title=meta.get("title"), url=url or meta.get("url"),
                         source=meta.get("sitename"))


def _extract(data: bytes, where: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(data, url=url, with_metadata=True,
                                             include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise SitrepError(E.E406, path=where, cause=f"{type(exc).__name__}: {exc}") from exc
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    if not result:
        raise SitrepError(E.E406, path=where, cause="no article text found")
    return dict(result)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content): paragraphs kept, tags dropped."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    etree.strip_elements(root, "script", "style", with_tail=False)
    for element in root.iter():
        element.text = _spaces(element.text)
        element.tail = _spaces(element.tail)
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = []
    for block in re.split(r"\n[ ]*\n", root.text_content()):
        lines = [line.strip() for line in block.split("\n")]
        paragraphs.append("\n".join(line for line in lines if line))
    return "\n\n".join(p for p in paragraphs if p)


def _spaces(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text) if text else text

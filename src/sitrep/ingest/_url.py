"""http(s) URLs: fetched with httpx (timeout, size cap, public addresses only by default)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from ..errors import E, SitrepError
from ..records import Document
from ._base import IngestError, SourceOptions
from ._feed import feed_documents
from ._files import text_document
from ._html import html_document

Item = Document | IngestError
_MAX_REDIRECTS = 5
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
               "application/rdf+xml")


def read_url(url: str, opts: SourceOptions) -> Iterator[Item]:
    """The document (HTML page, text) or documents (feed) at ``url``."""
    data, content_type, final_url = fetch(url, opts)
    if content_type in _FEED_TYPES or _looks_like_feed(data):
        yield from feed_documents(data, url, opts)
    elif content_type == "text/plain":
        yield text_document(data, url, opts)
    else:
        yield html_document(data, url, opts, url=final_url)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def fetch(url: str, opts: SourceOptions) -> tuple[bytes, str, str]:
    """``(body, content type, final URL)``; redirects are followed and each hop checked."""
    import httpx

    try:
        with httpx.Client(timeout=opts.timeout, follow_redirects=False) as client:
            for _ in range(_MAX_REDIRECTS + 1):
                check_url(url, opts.allow_private)
                with client.stream("GET", url, headers={"User-Agent": "sitrep"}) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return _read_body(response, url, opts)
    except httpx.HTTPError as exc:
        raise SitrepError(E.E409, url=url, cause=f"{type(exc).__name__}: {exc}") from exc
    raise SitrepError(E.E409, url=url, cause=f"more than {_MAX_REDIRECTS} redirects")


def _read_body(response: object, url: str, opts: SourceOptions) -> tuple[bytes, str, str]:
    import httpx

    assert isinstance(response, httpx.Response)
    if response.status_code >= 400:
        raise SitrepError(E.E409, url=url, cause=f"HTTP status {response.status_code}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > opts.max_bytes:
            raise SitrepError(E.E401, path=url, size=size, limit=opts.max_bytes)
        chunks.append(chunk)
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return b"".join(chunks), content_type, url


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise E408 unless ``url`` is http(s) and (unless allowed) its host is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SitrepError(E.E408, url=url, cause=f"scheme {parts.scheme!r} is not http/https")
    if allow_private:
        return
    for address in _addresses(url, parts.hostname, parts.port):
        if not address.is_global or address.is_multicast:
            raise SitrepError(E.E408, url=url, cause=f"{parts.hostname} is {address}, "
                              "a private, loopback or reserved address")


def _addresses(url: str, host: str, port: int | None
               ) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SitrepError(E.E409, url=url, cause=f"host {host!r} not found ({exc})") from exc
    return [ipaddress.ip_address(info[4][0]) for info in infos]

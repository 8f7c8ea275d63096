"""http(s) URLs: fetched with httpx (deadline, size cap, public addresses only by default).

The host name of each hop is resolved once; every address it resolves to is checked, and the
connection goes to the first of those checked addresses (the request carries the name in its
``Host`` header and, for https, as the TLS server name, so certificates are verified against the
name). A name that resolves to a public address for the check and to a private one for the
connection (DNS rebinding) therefore cannot reach the private one. ``timeout`` is a deadline for
the whole fetch, redirects and body included: the fetch stops at the first read after it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

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


@dataclass(frozen=True, slots=True)
class Pinned:
    """A URL rewritten to the address that was checked, and the name it stands for."""

    url: str
    host: str
    host_header: str


def fetch(url: str, opts: SourceOptions) -> tuple[bytes, str, str]:
    """``(body, content type, final URL)``; redirects are followed and each hop checked."""
    import httpx

    deadline = time.monotonic() + opts.timeout
    try:
        with httpx.Client(follow_redirects=False, trust_env=False) as client:
            for _ in range(_MAX_REDIRECTS + 1):
                pinned = pin(url, opts.allow_private)
                request = client.build_request(
                    "GET", pinned.url, timeout=_remaining(deadline, url, opts),
                    headers={"User-Agent": "sitrep", "Host": pinned.host_header},
                    extensions={"sni_hostname": pinned.host})
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return _read_body(response, url, opts, deadline)
                finally:
                    response.close()
    except httpx.HTTPError as exc:
        raise SitrepError(E.E409, url=url, cause=f"{type(exc).__name__}: {exc}") from exc
    raise SitrepError(E.E409, url=url, cause=f"more than {_MAX_REDIRECTS} redirects")


def _remaining(deadline: float, url: str, opts: SourceOptions) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise SitrepError(E.E409, url=url, cause=f"it took longer than --timeout "
                          f"({opts.timeout:g} s) in all")
    return left


def _read_body(response: object, url: str, opts: SourceOptions, deadline: float
               ) -> tuple[bytes, str, str]:
    import httpx

    assert isinstance(response, httpx.Response)
    if response.status_code >= 400:
        raise SitrepError(E.E409, url=url, cause=f"HTTP status {response.status_code}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        _remaining(deadline, url, opts)
        size += len(chunk)
        if size > opts.max_bytes:
            raise SitrepError(E.E401, path=url, size=size, limit=opts.max_bytes)
        chunks.append(chunk)
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return b"".join(chunks), content_type, url


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise E408 unless ``url`` is http(s) and (unless allowed) its host is public."""
    pin(url, allow_private)


def pin(url: str, allow_private: bool = False) -> Pinned:
    """Resolve ``url``'s host once, check every address (E408), and return the URL rewritten
    to the first of them."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SitrepError(E.E408, url=url, cause=f"scheme {parts.scheme!r} is not http/https")
    addresses = _addresses(url, parts.hostname, parts.port)
    if not allow_private:
        for address in addresses:
            if not address.is_global or address.is_multicast:
                raise SitrepError(E.E408, url=url, cause=f"{parts.hostname} is {address}, "
                                  "a private, loopback or reserved address")
    address = addresses[0]
    literal = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    host_header = parts.netloc.rpartition("@")[2]  # never the user:password part
    return Pinned(urlunsplit(parts._replace(netloc=netloc)), parts.hostname, host_header)


def _addresses(url: str, host: str, port: int | None
               ) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SitrepError(E.E409, url=url, cause=f"host {host!r} not found ({exc})") from exc
    if not infos:
        raise SitrepError(E.E409, url=url, cause=f"host {host!r} has no address")
    return [ipaddress.ip_address(str(info[4][0]).partition("%")[0]) for info in infos]

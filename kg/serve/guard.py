"""What the front refuses before a query reaches Oxigraph: SERVICE calls and deep nesting.

A SPARQL text is scanned as Oxigraph's parser would see it (comments, strings and IRIs skipped, so a
``# SERVICE`` comment or a ``"SERVICE <...>"`` literal is no call), and the scan is made twice, on the
text as sent and with its ``\\uXXXX`` escapes decoded (SPARQL allows them anywhere): a SERVICE found by
either scan counts.  When the scan cannot tell where a SERVICE call goes (a variable, an unknown prefix,
a relative IRI) the query is refused: unsure means no.

- ``SERVICE`` is refused unless its endpoint IRI starts with a prefix given to ``kg serve
  --allow-service``; even then never one on a loopback address at a port of the server itself or of
  its workers (a worker called that way would run outside the deadline).
- Groups, parentheses and brackets nested deeper than ``MAX_NESTING`` are refused: Oxigraph's
  recursive parser overflows its stack on a few thousand.

No spaCy or jieba here.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

MAX_NESTING = 64  # { ( [ open at once; real queries stay under 15

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI = re.compile(r'<([^<>"{}|^`\\\x00-\x20]*)>')
_WORD = re.compile(r"[\w\-.:%\\\u00b7\u0300-\u036f\u203f\u2040]+")
_SPACE = re.compile(r"\s+")
_OPEN, _CLOSE = "{([", "})]"


class Refused(ValueError):
    """A query the front does not pass on; the message is the one-line reason."""


def _unescape(text: str) -> str:
    def one(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)
    return _ESCAPE.sub(one, text)


def _tokens(text: str) -> Iterable[tuple[str, str]]:
    """(kind, value) for the tokens that matter here: iri, word, var, open, close, other.
    Comments and strings are skipped."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i = _SPACE.match(text, i).end()
        elif c == "#":
            j = min((k for k in (text.find("\n", i), text.find("\r", i)) if k >= 0), default=n)
            i = j
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<":
            m = _IRI.match(text, i)
            if m:
                yield "iri", m.group(1)
                i = m.end()
            else:
                yield "other", c
                i += 1
        elif c in "?$":
            m = _WORD.match(text, i + 1)
            yield "var", m.group(0) if m else ""
            i = m.end() if m else i + 1
        elif c in _OPEN:
            yield "open", c
            i += 1
        elif c in _CLOSE:
            yield "close", c
            i += 1
        else:
            m = _WORD.match(text, i)
            if m:
                word = m.group(0).rstrip(".")  # a prefixed name does not end with '.': the triple's end
                yield "word", word
                i += len(word) or 1
            else:
                yield "other", c
                i += 1


def nesting_depth(text: str, limit: int | None = None) -> int:
    """How deep groups, parentheses and brackets nest (the scan stops once past ``limit``)."""
    depth = deepest = 0
    for kind, _ in _tokens(text):
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if limit is not None and deepest > limit:
                break
        elif kind == "close":
            depth = max(0, depth - 1)
    return deepest


def service_targets(text: str) -> list[str | None]:
    """The endpoint IRI of every SERVICE in the query, None where it cannot be known for sure."""
    targets: list[str | None] = []
    prefixes: dict[str, str] = {}
    base_declared = False
    toks = list(_tokens(text))
    for k, (kind, value) in enumerate(toks):
        if kind != "word":
            continue
        low = value.lower()
        if low == "prefix" and k + 2 < len(toks) and toks[k + 1][0] == "word" and toks[k + 2][0] == "iri":
            prefixes[toks[k + 1][1].rstrip(":")] = toks[k + 2][1]
        elif low == "base":
            base_declared = True
        elif low == "service":
            j = k + 1
            if j < len(toks) and toks[j][0] == "word" and toks[j][1].lower() == "silent":
                j += 1
            target: str | None = None
            if j < len(toks):
                tkind, tval = toks[j]
                if tkind == "iri":
                    target = tval
                elif tkind == "word" and ":" in tval and "\\" not in tval and "%" not in tval:
                    pfx, local = tval.split(":", 1)
                    target = prefixes[pfx] + local if pfx in prefixes else None
            if target is not None and (base_declared or not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", target)):
                target = None  # relative to a base: not sure where it goes
            targets.append(target)
    return targets


_LETTER_ESCAPE = re.compile(rb"%(?:[46][1-9a-f]|[57][0-9a])")  # %41-%5A, %61-%7A (lower-cased): a letter sent encoded
_OPEN_ENCODED = (b"{", b"(", b"[", b"%7B", b"%7b", b"%28", b"%5B", b"%5b")  # every way to send { ( [


def passes_encoded(raw: bytes) -> bool:
    """True when a percent-encoded form (a query string, a form body) certainly holds nothing the
    check refuses, whatever its parameters decode to: no backslash (so no \\u escape), no letter sent
    percent-encoded, no ``service``, fewer brackets in all than the nesting limit.  False: decode
    it and check each query in full (``QueryGuard.check``)."""
    # (bytes.find, not ``in``: ``in`` on bytes first tries the operand as an int, an exception each time)
    lower = raw.lower()
    if lower.find(b"\\") >= 0 or lower.find(b"%5c") >= 0 or lower.find(b"service") >= 0:
        return False
    percents = raw.count(b"%")
    if percents and _LETTER_ESCAPE.search(lower):
        return False
    # every encoded bracket holds a '%': a bound in two passes, counted exactly only when near the limit
    if percents + len(raw) - len(raw.translate(None, b"{([")) <= MAX_NESTING:
        return True
    return sum(map(raw.count, _OPEN_ENCODED)) <= MAX_NESTING


def _loopback(host: str) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost") or host in ("", "0", "0.0.0.0", "::"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        try:  # the forms inet_aton takes too: 127.1, 0x7f000001, 2130706433
            ip = ipaddress.ip_address(socket.inet_aton(host))
        except (OSError, ValueError):
            return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_unspecified


def normalise_prefix(prefix: str) -> str:
    """An --allow-service prefix: http(s) with a host; one without a path ends at the host."""
    parts = urlsplit(prefix)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http:// or https:// URL with a host")
    return prefix if parts.path else prefix.rstrip("/") + "/"


def _under(target: str, prefix: str) -> bool:
    """The target is the prefix, or below it (a prefix not ending in '/' ends at a path step,
    a query or a fragment: /query allows /query?x but not /queryx)."""
    if target == prefix or target == prefix.rstrip("/"):
        return True
    return target.startswith(prefix) and (prefix.endswith("/") or target[len(prefix)] in "/?#")


class QueryGuard:
    """Checks one query text; ``forbidden_ports`` are the ports of the front and its workers."""

    def __init__(self, allow_service: Iterable[str] = (), forbidden_ports=lambda: ()):
        self.allow = [normalise_prefix(p) for p in allow_service]
        self.forbidden_ports = forbidden_ports

    def check(self, text: str) -> None:
        """Raise ``Refused`` with the reason, or return."""
        if "\\" not in text and sum(map(text.count, _OPEN)) <= MAX_NESTING and "service" not in text.lower():
            return  # no escape, too few brackets to nest too deep, no SERVICE: nothing to scan for
        for variant in {text, _unescape(text)}:
            if nesting_depth(variant, MAX_NESTING) > MAX_NESTING:
                raise Refused(f"query nested more than {MAX_NESTING} deep; kg serve accepts at most "
                              f"{MAX_NESTING} groups, parentheses and brackets inside one another")
            if "service" in variant.lower():  # the keyword cannot be there otherwise
                for target in service_targets(variant):
                    self._check_service(target)

    def _check_service(self, target: str | None) -> None:
        if not self.allow:
            raise Refused("SERVICE (federated query) is disabled on this endpoint; "
                          "start kg serve with --allow-service URL_PREFIX to allow named endpoints")
        if target is None:
            raise Refused("SERVICE with an endpoint that is not a plain absolute IRI (a variable, an unknown "
                          "prefix or a relative IRI) is refused")
        if not any(_under(target, p) for p in self.allow):
            raise Refused(f"SERVICE <{target}> is not allowed here; allowed: {' '.join(self.allow)}")
        try:
            parts = urlsplit(target)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise Refused(f"SERVICE <{target}>: not a valid URL") from None
        if _loopback(parts.hostname or "") and port in set(self.forbidden_ports()):
            raise Refused(f"SERVICE <{target}> points at this server's own workers")


def host_allowed(host_header: str | None, bound: str, port: int) -> bool:
    """On a loopback-only server, the Host header must name this machine (a DNS rebinding page
    names another host): localhost, 127.0.0.1, [::1] or the bound address, with the port."""
    if host_header is None:
        return True  # HTTP/1.0 without Host: not a browser
    names = {"localhost", "127.0.0.1", "[::1]", f"[{bound}]" if ":" in bound else bound}
    host = host_header.strip().lower()
    if host.endswith(f":{port}"):
        host = host[: -len(f":{port}")]
    return host.rstrip(".") in names  # with this server's port, or none


def loopback_bind(bound: str) -> bool:
    return _loopback(bound) and bound not in ("0.0.0.0", "::", "", "0")

"""HTTP content negotiation: pick the media type to answer with from an ``Accept`` header.

Why our own (60 lines) rather than a dependency: the SPARQL endpoint and the dereferenceable
``/id/`` IRIs need the same small thing — RFC 9110 ``Accept`` parsing with q-values and wildcards,
tolerant of the malformed headers real clients send — and getting it wrong means YASGUI, Protégé
or curl receive a format they cannot read. A malformed entry is skipped, never an error; an empty,
absent or wholly unreadable header means "anything".
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["choose", "parse_accept"]


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an ``Accept`` header with their q-values, best first.

    Parameters other than ``q`` are dropped; entries that are not ``type/subtype`` are skipped;
    ties keep the header's order, more specific ranges first.

    Example:
        >>> parse_accept("text/html;q=0.9, application/json, */*;q=0.1")
        [('application/json', 1.0), ('text/html', 0.9), ('*/*', 0.1)]
        >>> parse_accept("garbage, ;;;, text/csv;q=abc")
        [('text/csv', 1.0)]
        >>> parse_accept("garbage")
        [('*/*', 1.0)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges: list[tuple[int, str, float]] = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        kind, slash, sub = media.partition("/")
        if not slash or not kind or not sub or " " in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        ranges.append((position, media, q))

    def specificity(media: str) -> int:
        return 0 if media == "*/*" else 1 if media.endswith("/*") else 2

    if not ranges:  # nothing readable: RFC 9110 lets a server ignore a malformed Accept
        return [("*/*", 1.0)]
    ranges.sort(key=lambda r: (-r[2], -specificity(r[1]), r[0]))
    return [(media, q) for _, media, q in ranges]


def choose(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers, or None when it accepts none of them (answer 406).

    ``offers`` is in the server's order of preference, which breaks ties and answers wildcards.

    Example:
        >>> choose("text/turtle, application/ld+json;q=0.5", ["application/ld+json", "text/turtle"])
        'text/turtle'
        >>> choose("*/*", ["application/sparql-results+json", "text/csv"])
        'application/sparql-results+json'
        >>> choose("image/png", ["text/html"]) is None
        True
    """
    for media, q in parse_accept(header):
        if q <= 0:
            continue
        if media == "*/*":
            excluded = {m for m, mq in parse_accept(header) if mq <= 0}
            return next((o for o in offers if o not in excluded), None)
        if media.endswith("/*"):
            prefix = media[:-1]
            match = next((o for o in offers if o.startswith(prefix)), None)
        else:
            match = media if media in offers else None
        if match is not None:
            return match
    return None

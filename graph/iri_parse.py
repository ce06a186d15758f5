"""Reading instance IRIs and short ids back (the inverse of :mod:`graph.mint`), and the organ
codes both directions share.

Why apart from minting: the queries, the API and the CLI turn what a user typed (``wtsa/44/2022``,
``wtsa-2022``, ``council``) or an IRI they were given into its parts, while only the builders mint;
this module holds that reading side, and :mod:`graph.mint` re-exports every name here, so
``graph.mint.parse_short_id`` keeps working. The ``<base>id/`` root is spelled once, in
:func:`id_iri`, which minting builds on.

Example:
    >>> parse_short_id("wtsa/44/2022")
    ('WTSA', '44', 2022)
    >>> source_view_path("https://x/id/document/ab12/citation/3-9")
    '/documents/ab12#c-3-9'
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from rdflib import URIRef

from extract import load_gazetteer
from graph.base_iri import DEFAULT_BASE

__all__ = [
    "INSTRUMENT_KINDS",
    "id_iri",
    "id_path",
    "organ_code",
    "parse_conference_id",
    "parse_iri",
    "parse_mention_iri",
    "parse_short_id",
    "short_id",
    "short_iri",
    "source_view_path",
]

INSTRUMENT_KINDS = ("resolution", "decision", "recommendation", "question")

_SHORT_ID = re.compile(r"^([a-z]+)/([^/\s]+)(?:/(\d{4}))?$")
_CONF_ID = re.compile(r"^([a-z]+)-(\d{4})$")
# First path segments under id/ other than "resolution" (a short id starting with one keeps it).
_TYPED = frozenset({*INSTRUMENT_KINDS, "organ", "conference", "bureau", "group", "actor"}) - {
    "resolution"
}


def _id(base: str, *parts: str) -> URIRef:
    if not base.endswith(("/", "#")):
        base += "/"
    return URIRef(base + "id/" + "/".join(parts))


def _organs() -> tuple[str, ...]:
    return (*load_gazetteer().organs, "unknown")


def organ_code(organ: str) -> str:
    """The canonical organ code for any casing (``"wtsa"`` -> ``"WTSA"``, ``"council"`` ->
    ``"Council"``); ``unknown`` stays ``unknown``.

    Raises:
        ValueError: naming the valid organs.

    Example:
        >>> organ_code("council"), organ_code("PP")
        ('Council', 'PP')
    """
    for code in _organs():
        if code.casefold() == organ.strip().casefold():
            return code
    raise ValueError(f"unknown organ {organ!r}; valid: {', '.join(_organs())}")


_MENTION = re.compile(r"/document/([0-9a-f]+)/(heading|citation|assignment)/(\d+)-(\d+)$")
_ANCHOR = {"citation": "c", "heading": "h", "assignment": "a"}


def parse_mention_iri(iri: str) -> tuple[str, str, int, int]:
    """Split a mention IRI (:func:`mention_iri`) into (document key, kind, start, end).

    Raises:
        ValueError: if ``iri`` is not ``<base>id/document/<key>/<kind>/<start>-<end>``.

    Example:
        >>> parse_mention_iri("https://x/id/document/ab12/citation/3-9")
        ('ab12', 'citation', 3, 9)
    """
    m = _MENTION.search(str(iri))
    if not m:
        raise ValueError(f"not a mention IRI (<document>/<kind>/<start>-<end>): {iri!r}")
    return m.group(1), m.group(2), int(m.group(3)), int(m.group(4))


def source_view_path(iri: str | None) -> str | None:
    """The source view link of a mention: ``/documents/<key>#c-<start>-<end>`` (``h-`` for a
    heading, ``a-`` for an assignment); None for None or an IRI that names no mention.

    Why here: the key and offsets are spelled in the mention IRI, and every REST row read from a
    text links to the exact characters it came from.

    Example:
        >>> source_view_path("https://x/id/document/ab12/assignment/3-9")
        '/documents/ab12#a-3-9'
    """
    if not iri:
        return None
    try:
        key, kind, start, end = parse_mention_iri(iri)
    except ValueError:
        return None
    return f"/documents/{key}#{_ANCHOR[kind]}-{start}-{end}"


def parse_short_id(short: str) -> tuple[str, str, int | None]:
    """Split a short id (``wtsa/44`` or ``wtsa/44/2022``) into (organ, number, year or None).

    Raises:
        ValueError: for a malformed id or an unknown organ, with the expected shape.

    Example:
        >>> parse_short_id("pp/123"), parse_short_id("Council/1353/2019")
        (('PP', '123', None), ('Council', '1353', 2019))
    """
    m = _SHORT_ID.match(short.strip().casefold())
    if not m:
        raise ValueError(
            f"malformed resolution id {short!r}; expected ORGAN/NUMBER or ORGAN/NUMBER/YEAR, "
            "e.g. wtsa/44 or wtsa/44/2022"
        )
    organ = organ_code(m.group(1))
    number = short.strip().split("/")[1]
    return organ, number, int(m.group(3)) if m.group(3) else None


def parse_conference_id(conf: str) -> tuple[str, int]:
    """Split a conference id (``wtsa-2022``) into (organ, year); labels (``WTSA-20``) work too.

    Organs with gazetteer conferences only accept those years; Council sessions (not in the
    gazetteer) accept any year.

    Raises:
        ValueError: naming the valid ids.

    Example:
        >>> parse_conference_id("wtsa-2022"), parse_conference_id("PP-18")
        (('WTSA', 2022), ('PP', 2018))
    """
    m = _CONF_ID.match(conf.strip().casefold())
    if m:
        organ, year = organ_code(m.group(1)), int(m.group(2))
        known = load_gazetteer().of_organ(organ)
        if known and year not in {c.year for c in known}:
            valid = ", ".join(c.id for c in known)
            raise ValueError(f"unknown conference {conf!r}; valid ids of {organ}: {valid}")
        return organ, year
    c = load_gazetteer().by_id(conf)
    return c.organ, c.year


def parse_iri(iri: str, base: str = DEFAULT_BASE) -> tuple[str, tuple[str, ...]]:
    """Split an instance IRI into its type segment and the rest (unquoted).

    Raises:
        ValueError: if the IRI is not under ``<base>id/``.

    Example:
        >>> from graph.mint import version_iri
        >>> parse_iri(version_iri("WTSA", "44", 2022))
        ('resolution', ('wtsa', '44', '2022'))
    """
    prefix = str(_id(base, ""))
    if not str(iri).startswith(prefix):
        raise ValueError(f"IRI {iri!r} is not under {prefix!r}")
    parts = str(iri)[len(prefix) :].split("/")
    return parts[0], tuple(unquote(p) for p in parts[1:])


def short_id(iri: str, base: str = DEFAULT_BASE) -> str:
    """The short id of a work, version, conference or organ IRI (``wtsa/44/2022``,
    ``wtsa-2022``, ``wtsa``); other IRIs give their path below ``id/<type>/``.

    Example:
        >>> from graph.mint import conference_iri, version_iri
        >>> short_id(version_iri("WTSA", "44", 2022)), short_id(conference_iri("WTSA", 2022))
        ('wtsa/44/2022', 'wtsa-2022')
    """
    _, rest = parse_iri(iri, base)
    return "/".join(rest)


def short_iri(short: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a short id as ``graph.queries.lookup.short`` gives them: ``wtsa/44``,
    ``wtsa/44/2022`` (resolutions), ``decision/pp/12``, ``bureau/tsb`` (the type spelled out).

    Example:
        >>> str(short_iri("wtsa/44")), str(short_iri("decision/pp/12")).split("/id/")[1]
        ('https://w3id.org/resgraph/id/resolution/wtsa/44', 'decision/pp/12')
    """
    return _id(base, id_path(short).removeprefix("id/"))


def id_path(short: str) -> str:
    """The path of a short id's IRI below the base (``id/resolution/wtsa/44``): a link that the
    base IRI, or a server running at it, resolves.

    Example:
        >>> id_path("wtsa/44/2022"), id_path("bureau/tsb")
        ('id/resolution/wtsa/44/2022', 'id/bureau/tsb')
    """
    return f"id/{short}" if short.split("/", 1)[0] in _TYPED else f"id/resolution/{short}"


def id_iri(path: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI ``<base>id/<path>`` for a path below ``id/`` (as the ``/id/`` pages receive it).

    Example:
        >>> str(id_iri("organ/wtsa"))
        'https://w3id.org/resgraph/id/organ/wtsa'
    """
    return _id(base, path)

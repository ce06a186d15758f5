"""Minting and parsing of instance IRIs (DESIGN.md section 3): the one place IRIs are spelled.

Why one place: the builder, the queries, the API and the CLI must agree on every IRI, and short
ids (``wtsa/44/2022``) must round-trip to IRIs and back. This module mints; reading IRIs and short
ids back lives in :mod:`graph.iri_parse` and is re-exported here, so callers import both sides from
``graph.mint``. All functions take ``base`` (default
:data:`DEFAULT_BASE`, configurable through ``api.settings.Settings.base_iri``), so a deployment
can publish under its own domain.

Layout under ``<base>id/``::

    organ/wtsa                      conference/wtsa-2022
    resolution/wtsa/44              resolution/wtsa/44/2022      (work, version)
    decision/pp/12   question/wtdc/3%2F2   recommendation/unknown/E.161.1
    bureau/tsb   group/itu-t-sg17   actor/member-states
    document/<doc>                  document/<doc>/citation/<start>-<end> (also heading, assignment)
    document/<doc>/section/<key>    document/<doc>/paragraph/<key>
    graph/<doc>   graph/meta   graph/ontology   graph/gazetteer   graph/derived

``<doc>`` is the document key (:func:`document_key`): 16 hex digits of the SHA-256 of the file
name and the file's own SHA-256. Why both: the content alone would give two byte-identical files
one node and one named graph, so removing either would drop the other's triples; the name alone
would keep a changed file's IRIs, so a remote build could not write the new graph beside the old
one before switching. A file keeps its IRIs as long as its name and bytes stay the same.

Example:
    >>> str(version_iri("WTSA", "44", 2022))
    'https://w3id.org/resgraph/id/resolution/wtsa/44/2022'
    >>> parse_short_id("wtsa/44/2022")
    ('WTSA', '44', 2022)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from graph.base_iri import DEFAULT_BASE
from graph.iri_parse import (
    INSTRUMENT_KINDS,
    id_iri,
    id_path,
    organ_code,
    parse_conference_id,
    parse_iri,
    parse_mention_iri,
    parse_short_id,
    short_id,
    short_iri,
    source_view_path,
)

__all__ = [
    "DEFAULT_BASE",
    "INSTRUMENT_KINDS",
    "actor_category",
    "actor_iri",
    "bureau_iri",
    "conference_iri",
    "derived_graph_iri",
    "document_graph_iri",
    "document_iri",
    "document_key",
    "gazetteer_graph_iri",
    "group_iri",
    "id_iri",
    "id_path",
    "mention_iri",
    "meta_graph_iri",
    "ontology_graph_iri",
    "organ_code",
    "organ_iri",
    "paragraph_iri",
    "parse_conference_id",
    "parse_iri",
    "parse_mention_iri",
    "parse_short_id",
    "proposal_change_iri",
    "proposal_iri",
    "section_iri",
    "short_id",
    "short_iri",
    "slug",
    "source_view_path",
    "version_iri",
    "work_iri",
]

DOC_KEY_LEN = 16

_BUREAUX = frozenset({"TSB", "BDT", "BR"})
_ADVISORY = frozenset({"TSAG", "TDAG", "RAG", "ISCG", "ISC-TF"})
_OFFICIALS = frozenset({"SG"})
_SECTORS = frozenset({"ITU-T", "ITU-D", "ITU-R"})
_STUDY_GROUP = re.compile(r"^(ITU-[TDR])\s+(?:SG\s*(\d+)|study groups?)$", re.I)


def _id(base: str, *parts: str) -> URIRef:
    return id_iri("/".join(parts), base)


def slug(text: str) -> str:
    """Lower-case, hyphen-separated, IRI-safe form of a name (non-ASCII letters kept, %-quoted).

    Example:
        >>> slug("Member States and Sector Members")
        'member-states-and-sector-members'
    """
    text = unicodedata.normalize("NFKC", text).replace("\u2011", "-")
    out = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return quote(out or "_", safe="-")


def _num(number: str) -> str:
    number = number.strip()
    if not number:
        raise ValueError("empty instrument number")
    return quote(number, safe=".-")


def organ_iri(organ: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of an organ, e.g. ``id/organ/wtsa``.

    Example:
        >>> str(organ_iri("WTSA")).endswith("/id/organ/wtsa")
        True
    """
    return _id(base, "organ", organ_code(organ).lower())


def conference_iri(organ: str, year: int, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of a conference by organ and year, e.g. ``id/conference/wtsa-2022``.

    Example:
        >>> str(conference_iri("PP", 2018)).endswith("/id/conference/pp-2018")
        True
    """
    return _id(base, "conference", f"{organ_code(organ).lower()}-{int(year)}")


def work_iri(organ: str, number: str, kind: str = "resolution", base: str = DEFAULT_BASE) -> URIRef:
    """IRI of a work (all versions), e.g. ``id/resolution/wtsa/44`` or ``id/decision/pp/12``.

    Raises:
        ValueError: for an unknown organ or kind, or an empty number.

    Example:
        >>> str(work_iri("WTSA", "44")).endswith("/id/resolution/wtsa/44")
        True
    """
    if kind not in INSTRUMENT_KINDS:
        raise ValueError(f"unknown instrument kind {kind!r}; valid: {', '.join(INSTRUMENT_KINDS)}")
    return _id(base, kind, organ_code(organ).lower(), _num(number))


def version_iri(
    organ: str, number: str, year: int, kind: str = "resolution", base: str = DEFAULT_BASE
) -> URIRef:
    """IRI of a version (the work as adopted or revised in ``year``), e.g. ``.../wtsa/44/2022``.

    Example:
        >>> str(version_iri("PP", "123", 2018)).endswith("/id/resolution/pp/123/2018")
        True
    """
    return URIRef(f"{work_iri(organ, number, kind, base)}/{int(year)}")


def actor_category(code: str) -> str:
    """What kind of actor an addressee code denotes: bureau, group, studygroup, official, sector,
    organ or actor (anyone else: Member States, regional offices...).

    Example:
        >>> [actor_category(c) for c in ("TSB", "ITU-T SG17", "TSAG", "SG", "Council", "Academia")]
        ['bureau', 'studygroup', 'group', 'official', 'organ', 'actor']
    """
    code = code.strip().replace("\u2011", "-")
    if code in _BUREAUX:
        return "bureau"
    if _STUDY_GROUP.match(code):
        return "studygroup"
    if code in _ADVISORY:
        return "group"
    if code in _OFFICIALS:
        return "official"
    if code in _SECTORS:
        return "sector"
    try:
        organ_code(code)
    except ValueError:
        return "actor"
    return "organ" if code != "unknown" else "actor"


def bureau_iri(code: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of a bureau, e.g. ``id/bureau/tsb``.

    Raises:
        ValueError: for anything but TSB, BDT, BR.

    Example:
        >>> str(bureau_iri("TSB")).endswith("/id/bureau/tsb")
        True
    """
    if code.upper() not in _BUREAUX:
        raise ValueError(f"unknown bureau {code!r}; valid: {', '.join(sorted(_BUREAUX))}")
    return _id(base, "bureau", code.lower())


def group_iri(code: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of a group: ``ITU-T SG17`` -> ``id/group/itu-t-sg17``, ``TSAG`` -> ``id/group/tsag``,
    ``ITU-T study groups`` -> ``id/group/itu-t-study-groups``.

    Example:
        >>> str(group_iri("ITU-T SG17")).endswith("/id/group/itu-t-sg17")
        True
    """
    m = _STUDY_GROUP.match(code.strip().replace("\u2011", "-"))
    if m and m.group(2):
        return _id(base, "group", f"{m.group(1).lower()}-sg{int(m.group(2))}")
    return _id(base, "group", slug(code))


def actor_iri(code: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of any addressee code of the assignment records (bureau, group, organ or other actor).

    Example:
        >>> [str(actor_iri(c)).split("/id/")[1] for c in ("BDT", "ITU-D SG2", "Council", "SG")]
        ['bureau/bdt', 'group/itu-d-sg2', 'organ/council', 'actor/sg']
    """
    category = actor_category(code)
    if category == "bureau":
        return bureau_iri(code, base)
    if category in {"group", "studygroup"}:
        return group_iri(code, base)
    if category == "organ":
        return organ_iri(code, base)
    return _id(base, "actor", slug(code))


def document_key(name: str, sha256: str) -> str:
    """The key of a source document in its IRIs: 16 hex digits of SHA-256 over the file name and
    the SHA-256 of the file's bytes (see the module docstring for why both).

    Raises:
        ValueError: if ``sha256`` is not hex of 64 digits, or ``name`` is empty.

    Example:
        >>> document_key("a.txt", "ab" * 32) != document_key("b.txt", "ab" * 32)
        True
        >>> document_key("a.txt", "ab" * 32)
        '523b3bd48aa43ba9'
    """
    if not re.fullmatch(r"[0-9a-fA-F]{64}", sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    if not name:
        raise ValueError("a source document needs a file name")
    joined = f"{name}\x00{sha256.lower()}".encode()
    return hashlib.sha256(joined).hexdigest()[:DOC_KEY_LEN]


def document_iri(name: str, sha256: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of a source document (a file of a given name and content): ``id/document/<key>``.

    Raises:
        ValueError: see :func:`document_key`.

    Example:
        >>> str(document_iri("a.txt", "ab" * 32)).endswith("/id/document/523b3bd48aa43ba9")
        True
    """
    return _id(base, "document", document_key(name, sha256))


def mention_iri(doc: URIRef, kind: str, start: int, end: int) -> URIRef:
    """IRI of a heading, citation or assignment mention: ``<document>/<kind>/<start>-<end>``.

    Example:
        >>> str(mention_iri(URIRef("https://x/id/document/ab"), "citation", 3, 9))
        'https://x/id/document/ab/citation/3-9'
    """
    if kind not in {"heading", "citation", "assignment"}:
        raise ValueError(f"unknown mention kind {kind!r}; valid: heading, citation, assignment")
    return URIRef(f"{doc}/{kind}/{int(start)}-{int(end)}")


def section_iri(doc: URIRef, key: str) -> URIRef:
    """IRI of a section of a document; ``key`` is its heading offset or ``<host>/<name>`` slug.

    Example:
        >>> str(section_iri(URIRef("https://x/id/document/ab"), "120"))
        'https://x/id/document/ab/section/120'
    """
    return URIRef(f"{doc}/section/{key}")


def paragraph_iri(doc: URIRef, key: str) -> URIRef:
    """IRI of a paragraph of a document; ``key`` is its start offset or a name-based slug.

    Example:
        >>> str(paragraph_iri(URIRef("https://x/id/document/ab"), "131"))
        'https://x/id/document/ab/paragraph/131'
    """
    return URIRef(f"{doc}/paragraph/{key}")


def proposal_iri(doc: URIRef, start: int, end: int) -> URIRef:
    """IRI of a proposal a document holds: ``<document>/proposal/<start>-<end>``.

    Why under the document: a proposal is what one document says (another document quoting the
    same reference is another proposal node), so it lives in the document's own named graph.

    Example:
        >>> str(proposal_iri(URIRef("https://x/id/document/ab"), 200, 7872))
        'https://x/id/document/ab/proposal/200-7872'
    """
    return URIRef(f"{doc}/proposal/{int(start)}-{int(end)}")


def proposal_change_iri(proposal: URIRef, index: int) -> URIRef:
    """IRI of the ``index``-th change (0-based, in the proposal's order) of a proposal.

    Why an index and not offsets: a deleted paragraph or removed citation has no span in the
    loaded text (its start equals its end), and two such changes can stand at the same point.

    Example:
        >>> str(proposal_change_iri(URIRef("https://x/id/document/ab/proposal/1-9"), 0))
        'https://x/id/document/ab/proposal/1-9/change/0'
    """
    return URIRef(f"{proposal}/change/{int(index)}")


def document_graph_iri(name: str, sha256: str, base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding what was built from one document (same key as its IRI).

    Example:
        >>> str(document_graph_iri("a.txt", "ab" * 32)).endswith("/id/graph/523b3bd48aa43ba9")
        True
    """
    return _id(base, "graph", document_key(name, sha256))


def meta_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding the build manifest (document -> sha256 -> graph)."""
    return _id(base, "graph", "meta")


def manifest_entry_iri(name: str, sha256: str, base: str = DEFAULT_BASE) -> URIRef:
    """The manifest entry of one document in the meta graph (file name -> SHA-256 -> graph).

    Why not the document's own IRI: the document's graph describes the document (its file name
    and hash too, so a reader of an older generation still sees them after the manifest has
    moved on); the same triples under the same subject in the meta graph would be stored twice.

    Example:
        >>> str(manifest_entry_iri("a.txt", "ab" * 32)).endswith("/id/graph/meta/523b3bd48aa43ba9")
        True
    """
    return _id(base, "graph", "meta", document_key(name, sha256))


def ontology_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding the ontology itself (so SPARQL users see labels)."""
    return _id(base, "graph", "ontology")


def gazetteer_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding organs and conferences from the gazetteer."""
    return _id(base, "graph", "gazetteer")


def derived_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The named graph of facts computed across documents (stubs, previous-version links)."""
    return _id(base, "graph", "derived")

"""The ontology terms, as rdflib namespaces: the only Python module that names them.

Why one module: ``ontology/resgraph.ttl`` is the single source of IRIs (STYLE.md habit 7). ``RG``
is an rdflib :class:`~rdflib.namespace.ClosedNamespace` whose term list is read from that file, so
a misspelt term (``Citaton``) raises at once instead of silently minting a new IRI, and a test
checks that every standard-vocabulary term used here is declared or reused in the ontology.

The small lookup tables below translate record-contract values (``"explicit"``, ``"Rev"``,
``"considering"``) to terms, so build code never spells an IRI.

Example:
    >>> str(RG.Citation)
    'https://w3id.org/resgraph/ontology#Citation'
    >>> str(basis_concept("inferred-from-venue"))
    'https://w3id.org/resgraph/ontology#InferredFromVenueBasis'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

__all__ = [
    "CITO",
    "DCTERMS",
    "FRBR",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "RG",
    "RG_NS",
    "SKOS",
    "XSD",
    "TermCache",
    "action_concept",
    "actor_class",
    "basis_concept",
    "change_kind_concept",
    "citation_class",
    "instrument_class",
    "ontology_text",
    "proposer_class",
    "status_concept",
]

RG_NS = "https://w3id.org/resgraph/ontology#"
CITO = Namespace("http://purl.org/spar/cito/")
FRBR = Namespace("http://purl.org/vocab/frbr/core#")


def ontology_text(name: str = "resgraph.ttl") -> str:
    """The text of a packaged ontology file (``resgraph.ttl``, ``shapes.ttl``, ``context.jsonld``).

    Why importlib.resources: an installed resgraph (wheel, zip) finds its ontology without knowing
    the repository layout.

    Example:
        >>> ontology_text().startswith("@prefix")
        True
    """
    return resources.files("ontology").joinpath(name).read_text("utf-8")


@cache
def _rg_terms() -> tuple[str, ...]:
    """Local names of every ``rg:`` term the ontology declares (subjects of ``rg:X a ...``)."""
    found = re.findall(r"^rg:([A-Za-z][A-Za-z0-9_]*)\s+a\s", ontology_text(), flags=re.M)
    return tuple(sorted(set(found)))


RG = ClosedNamespace(URIRef(RG_NS), list(_rg_terms()))


class TermCache:
    """Attribute access to a namespace's terms, each term built once.

    Why: every ``RG.start`` on an rdflib namespace checks the name and builds a new URIRef (about
    2 µs); rendering a document reads a few hundred thousand terms, so the hot path reads them
    through this cache. Unknown names still raise as the namespace does.

    Example:
        >>> rg = TermCache(RG)
        >>> rg.Citation is rg.Citation, rg.Citation == RG.Citation
        (True, True)
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # later reads find the attribute and skip __getattr__
        return term


_BASIS = MappingProxyType(
    {
        "explicit": RG.ExplicitBasis,
        "this-assembly": RG.ThisAssemblyBasis,
        "inferred-from-venue": RG.InferredFromVenueBasis,
        "context": RG.ContextBasis,
        "unknown": RG.UnknownBasis,
    }
)
_STATUS = MappingProxyType(
    {"New": RG.StatusNew, "Rev": RG.StatusRev, "NOC": RG.StatusNOC, "Sup": RG.StatusSup}
)
_INSTRUMENT = MappingProxyType(
    {
        "resolution": RG.Resolution,
        "decision": RG.Decision,
        "recommendation": RG.Recommendation,
        "question": RG.Question,
    }
)


def _member(table: Mapping[str, URIRef], what: str, value: str) -> URIRef:
    """``table[value]``, or a ValueError that names ``what`` and the valid values."""
    if value not in table:
        raise ValueError(f"unknown {what} {value!r}; valid: {', '.join(table)}")
    return table[value]


def basis_concept(basis: str) -> URIRef:
    """The SKOS concept of an attribution basis of the record contract.

    Raises:
        ValueError: naming the valid values.

    Example:
        >>> basis_concept("explicit").endswith("ExplicitBasis")
        True
    """
    return _member(_BASIS, "attribution basis", basis)


def status_concept(status: str) -> URIRef:
    """The SKOS concept of a version status (``New``, ``Rev``, ``NOC``, ``Sup``).

    Raises:
        ValueError: naming the valid values.

    Example:
        >>> status_concept("NOC").endswith("StatusNOC")
        True
    """
    return _member(_STATUS, "status", status)


_ACTOR_CLASS = MappingProxyType(
    {
        "bureau": RG.Bureau,
        "group": RG.AdvisoryGroup,
        "studygroup": RG.StudyGroup,
        "official": RG.Official,
        "sector": RG.Sector,
        "organ": RG.Organ,
    }
)


def actor_class(category: str) -> URIRef:
    """The class of an actor of a category of :func:`graph.mint.actor_category` (``rg:Actor``
    for any other).

    Example:
        >>> actor_class("studygroup").endswith("#StudyGroup"), actor_class("x").endswith("#Actor")
        (True, True)
    """
    return _ACTOR_CLASS.get(category, RG.Actor)


def instrument_class(kind: str) -> URIRef:
    """The work class of a citation kind (``resolution`` -> ``rg:Resolution``).

    Raises:
        ValueError: for ``internal`` or an unknown kind, naming the valid kinds.

    Example:
        >>> instrument_class("decision").endswith("#Decision")
        True
    """
    return _member(_INSTRUMENT, "instrument kind", kind)


def citation_class(section_kind: str | None, kind: str) -> tuple[URIRef, URIRef | None]:
    """The citation class and CiTO characterization for a citation in a section of a kind.

    Preambular text gives background (``cito:citesForInformation``); operative text relies on the
    cited text (``cito:citesAsAuthority``); references inside the same resolution are
    ``rg:InternalReference``. The kind is the record's ``section_kind``, decided once by the
    extractor's segmentation.

    Example:
        >>> [str(t).rsplit("/", 1)[-1] for t in citation_class("operative", "resolution")]
        ['ontology#OperativeCitation', 'citesAsAuthority']
    """
    if kind == "internal":
        return RG.InternalReference, None
    if section_kind == "preambular":
        return RG.PreambularCitation, CITO.citesForInformation
    if section_kind == "operative":
        return RG.OperativeCitation, CITO.citesAsAuthority
    return RG.Citation, None


_ACTION = MappingProxyType(
    {"MOD": RG.ActionMOD, "ADD": RG.ActionADD, "SUP": RG.ActionSUP, "NOC": RG.ActionNOC}
)
_CHANGE_KIND = MappingProxyType(
    {
        "citation_updated": RG.CitationUpdated,
        "citation_added": RG.CitationAdded,
        "citation_removed": RG.CitationRemoved,
        "assignment_added": RG.AssignmentAdded,
        "assignment_removed": RG.AssignmentRemoved,
        "assignment_changed": RG.AssignmentChanged,
        "paragraph_added": RG.ParagraphAdded,
        "paragraph_deleted": RG.ParagraphDeleted,
        "paragraph_modified": RG.ParagraphModified,
    }
)
_PROPOSER_CLASS = MappingProxyType(
    {"regional_group": RG.RegionalGroup, "member_state": RG.MemberState}
)


def action_concept(action: str) -> URIRef:
    """The SKOS concept of a proposal action (``MOD``, ``ADD``, ``SUP``, ``NOC``).

    Raises:
        ValueError: naming the valid values.

    Example:
        >>> action_concept("MOD").endswith("#ActionMOD")
        True
    """
    return _member(_ACTION, "proposal action", action)


def change_kind_concept(kind: str) -> URIRef:
    """The SKOS concept of a proposal change kind of the record contract (``citation_updated``).

    Raises:
        ValueError: naming the valid values.

    Example:
        >>> change_kind_concept("paragraph_deleted").endswith("#ParagraphDeleted")
        True
    """
    return _member(_CHANGE_KIND, "change kind", kind)


def proposer_class(kind: str | None) -> URIRef:
    """The class of a proposer of a kind (``regional_group``, ``member_state``; else ``rg:Actor``).

    Example:
        >>> proposer_class("regional_group").endswith("#RegionalGroup")
        True
    """
    return _PROPOSER_CLASS.get(kind or "", RG.Actor)

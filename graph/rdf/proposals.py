"""A document's amendment proposals -> triples: the proposals, their proposers and typed changes.

Why here and not in :mod:`graph.rdf.document`: proposals are a layer over the records (a proposal
covers spans of text whose mentions are already built); keeping their mapping apart lets the
document builder call one function and stay about the records.

What a proposal contributes (layout: docs/named-graphs.md):

- an ``rg:Proposal`` node minted under the document (``<document>/proposal/<start>-<end>``, so
  it stays in the document's own graph) with its label (the key mentions' ``rg:proposal`` give),
  ``rg:proposer``, ``rg:proposalReference``, ``rg:proposalAction``, ``rg:targets`` (the work),
  ``rg:proposalNumber``, ``rg:contribution``, provenance (document, offsets);
- its proposer as a shared actor (``id/actor/atu``, typed ``rg:RegionalGroup`` or
  ``rg:MemberState``): stated through the document's shared statements like any work, so a
  proposer named by ten documents is described once;
- one ``rg:ProposalChange`` per change (``<proposal>/change/<i>``): kind (a concept of
  ``rg:ChangeKindScheme``), source, offsets, section and paragraph, the changed work and its
  from/to versions, addressees and collaborators before/after, text before/after, and the mention
  read at the change's span (``rg:changeMention``) when there is one;
- ``rg:inProposal`` from every mention of the document to the proposal whose spans hold its
  start (else the one its ``proposal`` string names), so "which proposal says this?" is one hop.

Example:
    >>> from extract.models import Proposal
    >>> from graph.rdf.input import DocumentInput
    >>> from graph.rdf.document import document_graph
    >>> doc = DocumentInput(name="p.txt", sha256="0" * 64, records=(), proposals=(Proposal(
    ...     doc="p.txt", proposal="ATU", start=0, end=10, proposer="ATU",
    ...     proposer_kind="regional_group", reference="AFCP/35A8/1", action="MOD",
    ...     target_body="WTSA", target_number="44"),))
    >>> from graph.vocab import RG
    >>> [str(o).split("/id/")[1] for o in document_graph(doc).objects(None, RG.targets)]
    ['resolution/wtsa/44']
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from extract import Citation, Proposal, ProposalChange, proposer_of
from graph import mint
from graph.rdf.records import Record
from graph.rdf.terms import RDF, RG, int_literal, str_literal
from graph.vocab import SKOS, action_concept, change_kind_concept, proposer_class

if TYPE_CHECKING:  # the builder imports this module; only its type is needed here
    from graph.rdf.document_builder import DocumentBuilder

__all__ = ["add_proposals"]


def _mention_nodes(b: DocumentBuilder, records: Iterable[Record]) -> dict[tuple[int, int], URIRef]:
    """``(start, end)`` -> the mention node a record of that span became (as the builder mints
    them: a citation with the heading role is a heading mention; near-misses are no node)."""
    nodes: dict[tuple[int, int], URIRef] = {}
    for rec in records:
        if isinstance(rec, Citation):
            if rec.kind in ("un_resolution", "non_itu"):
                continue
            kind = "heading" if rec.role == "heading" else "citation"
        else:
            kind = "assignment" if hasattr(rec, "verb") else "heading"
        nodes.setdefault(
            (rec.start, rec.end), mint.mention_iri(b.doc_iri, kind, rec.start, rec.end)
        )
    return nodes


def _proposer(b: DocumentBuilder, p: Proposal) -> URIRef | None:
    if not p.proposer:
        return None
    node = b.actor(p.proposer)
    if b.first(("proposer", node)):
        b.add(node, RDF.type, proposer_class(p.proposer_kind))
        known = proposer_of(p.proposer)
        if known is not None:
            b.add(node, SKOS.prefLabel, str_literal(known.name, lang="en"))
    return node


def _work(
    b: DocumentBuilder, kind: str | None, body: str | None, number: str | None
) -> URIRef | None:
    if not number or not body or (kind or "resolution") not in mint.INSTRUMENT_KINDS:
        return None
    organ = b.organ_of(body, None, None)
    if organ == "unknown":
        return None
    return b.work(organ, number, kind or "resolution")


def _change(
    b: DocumentBuilder, node: URIRef, c: ProposalChange, mentions: dict[tuple[int, int], URIRef]
) -> None:
    b.add(node, RDF.type, RG.ProposalChange)
    b.add(node, RG.changeKind, change_kind_concept(c.change))
    b.add(node, RG.changeSource, str_literal(c.source))
    b.add(node, RG.sourceDocument, b.doc_iri)
    b.add(node, RG.start, int_literal(c.start))
    b.add(node, RG.end, int_literal(c.end))
    b.add(node, RG.sectionName, str_literal(c.section) if c.section else None)
    b.add(node, RG.paragraphLabel, str_literal(c.paragraph) if c.paragraph else None)
    b.add(node, RG.hostNumber, str_literal(c.resolution) if c.resolution else None)
    if c.end > c.start:
        b.add(node, RG.changeMention, mentions.get((c.start, c.end)))
    work = _work(b, c.work_kind, c.work_body, c.work_number)
    if work is not None and c.work_body and c.work_number:
        b.add(node, RG.changedWork, work)
        kind = c.work_kind or "resolution"
        for prop, v in ((RG.fromVersion, c.from_version), (RG.toVersion, c.to_version)):
            if v is not None:
                organ = b.organ_of(c.work_body, v.venue, v.year)
                b.add(node, prop, b.version(organ, c.work_number, v.year, v.venue, kind))
    for prop, codes in (
        (RG.changeAddressee, c.addressees),
        (RG.collaboratorBefore, c.collaborators_before),
        (RG.collaboratorAfter, c.collaborators_after),
    ):
        for code in codes:
            b.add(node, prop, b.actor(code))
    b.add(node, RG.textBefore, Literal(c.before) if c.before else None)
    b.add(node, RG.textAfter, Literal(c.after) if c.after else None)


def _owner(
    spans: tuple[list[int], list[tuple[int, URIRef]]], by_key: dict[str, URIRef], rec: Record
) -> URIRef | None:
    """The proposal whose spans hold the record's start, else the one its ``proposal`` names."""
    starts, owners = spans
    i = bisect.bisect_right(starts, rec.start) - 1
    if i >= 0 and rec.start < owners[i][0]:
        return owners[i][1]
    key = getattr(rec, "proposal", None)
    return by_key.get(key) if key else None


def add_proposals(
    b: DocumentBuilder, proposals: Iterable[Proposal], records: Iterable[Record]
) -> None:
    """Add the triples of a document's proposals (module docstring) to the builder ``b``.

    Raises:
        ValueError: for an unknown action or change kind (naming the valid ones).
    """
    records = tuple(records)
    mentions = _mention_nodes(b, records)
    by_key: dict[str, URIRef] = {}
    blocks: list[tuple[int, int, URIRef]] = []
    for p in proposals:
        node = mint.proposal_iri(b.doc_iri, p.start, p.end)
        by_key.setdefault(p.proposal, node)
        blocks.extend((s, e, node) for s, e in p.spans)
        b.add(node, RDF.type, RG.Proposal)
        b.add(node, RG.sourceDocument, b.doc_iri)
        b.add(node, RG.start, int_literal(p.start))
        b.add(node, RG.end, int_literal(p.end))
        b.add(node, RG.proposal, str_literal(p.proposal))
        b.add(node, RG.proposer, _proposer(b, p))
        b.add(node, RG.proposalReference, str_literal(p.reference) if p.reference else None)
        b.add(node, RG.proposalAction, action_concept(p.action) if p.action else None)
        b.add(node, RG.targets, _work(b, "resolution", p.target_body, p.target_number))
        b.add(node, RG.proposalNumber, int_literal(p.number) if p.number is not None else None)
        b.add(node, RG.contribution, str_literal(p.contribution) if p.contribution else None)
        for i, change in enumerate(p.changes):
            c_node = mint.proposal_change_iri(node, i)
            b.add(node, RG.hasChange, c_node)
            _change(b, c_node, change, mentions)
    if not by_key:
        return
    blocks.sort(key=lambda x: x[0])
    spans = ([s for s, _, _ in blocks], [(e, n) for _, e, n in blocks])
    for rec in records:
        mention = mentions.get((rec.start, rec.end))
        if mention is not None:
            b.add(mention, RG.inProposal, _owner(spans, by_key, rec))

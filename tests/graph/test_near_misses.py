"""Near-misses never become ITU works: a UN or other organisation's resolution is no edge.

The extractor reports "Security Council resolution 338 (1973)" as ``kind: un_resolution`` and
"Decision 5 COM XIV.42" as ``kind: non_itu`` so that a reader sees them; the graph must not turn
them into a cited work, a version or a ``cito:cites`` edge.
"""

from __future__ import annotations

from extract.models import Citation
from graph.rdf.document import DocumentInput, document_graph
from graph.vocab import CITO, RG


def _citation(kind: str, body: str, number: str) -> Citation:
    return Citation(
        doc="n.txt", start=0, end=10, surface="resolution", kind=kind,  # type: ignore[arg-type]
        number=number, body=body, venue=None, year=1973, revised=False, body_basis="context",
    )  # fmt: skip


def test_near_misses_add_no_work_and_no_edge() -> None:
    records = (
        _citation("un_resolution", "UNSC", "338"),
        _citation("non_itu", "other", "5"),
    )
    g = document_graph(DocumentInput(name="n.txt", sha256="b" * 64, records=records))
    assert not list(g.triples((None, CITO.cites, None)))
    assert not list(g.triples((None, RG.citedWork, None)))
    assert not list(g.triples((None, RG.citationKind, None)))


def test_an_itu_citation_beside_them_still_gives_its_edge() -> None:
    itu = Citation(
        doc="n.txt", start=20, end=35, surface="Resolution 1353", kind="resolution",
        number="1353", body="Council", venue=None, year=None, revised=False,
        body_basis="explicit",
    )  # fmt: skip
    records = (_citation("un_resolution", "UNSC", "1353"), itu)
    g = document_graph(DocumentInput(name="n.txt", sha256="c" * 64, records=records))
    assert len(list(g.triples((None, RG.citedWork, None)))) == 1

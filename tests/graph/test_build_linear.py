"""What keeps builds linear (issue 20) also keeps them right.

- a citation's host (the version whose text holds it) is found by bisection over the headings:
  the nearest preceding heading with its number, else the first with it, else the document;
- literals are escaped with ``str.replace``: every character N-Triples must escape survives a
  round trip through Oxigraph's parser;
- rendering pauses the cyclic collector for one document and leaves it as it found it;
- the derived graph, written as a difference, equals a fresh build's after removals and
  re-additions (the full check of incremental == fresh is tests/graph/test_each_fact_once.py).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from extract import Citation, Heading
from graph import DocumentInput, build_store, mint, open_store, render_input
from graph.rdf.document import document_statements
from graph.rdf.text import nquads
from graph.vocab import CITO


def heading(start: int, number: str, year: int) -> Heading:
    return Heading(
        doc="h.txt",
        start=start,
        end=start + 20,
        surface=f"RESOLUTION {number} (Geneva, {year})",
        number=number,
        body="WTSA",
        title=None,
        version_venue="Geneva",
        version_year=year,
        status=None,
        history=None,
    )


def citation(start: int, number: str, host: str | None) -> Citation:
    return Citation(
        doc="h.txt",
        start=start,
        end=start + 25,
        surface="Resolution 1 (Busan, 2014)",
        kind="resolution",
        number="1",
        body="PP",
        venue="Busan",
        year=2014,
        revised=False,
        body_basis="explicit",
        section="recalling",
        host=host,
    )


def citing_of(doc: DocumentInput) -> dict[int, str]:
    """Start of each citation -> the short id of its citing entity."""
    own, _ = document_statements(doc)
    starts = {str(s): int(o) for s, p, o in own if str(p).endswith("#start")}
    return {
        starts[str(s)]: str(o).split("/id/")[-1] for s, p, o in own if p == CITO.hasCitingEntity
    }


def test_a_citation_is_hosted_by_the_nearest_heading_before_it_with_its_number() -> None:
    # two copies of Resolution 2 (2016, then 2022) and Resolution 3 between them
    records = (
        heading(100, "2", 2016),
        heading(200, "3", 2016),
        heading(300, "2", 2022),
        citation(50, "1", "2"),  # before every heading numbered 2: the first of them
        citation(150, "1", "2"),
        citation(250, "1", "2"),  # after Resolution 3's heading, but it names 2
        citation(350, "1", "2"),
        citation(260, "1", None),  # no number: the heading it falls under
        citation(40, "1", None),  # before every heading, no number: the document
        citation(400, "1", "9"),  # a number no heading has: the document
    )
    doc = DocumentInput(name="h.txt", sha256="7" * 64, records=records)
    doc_path = mint.document_iri("h.txt", "7" * 64).split("/id/")[-1]
    assert citing_of(doc) == {
        50: "resolution/wtsa/2/2016",
        150: "resolution/wtsa/2/2016",
        250: "resolution/wtsa/2/2016",
        350: "resolution/wtsa/2/2022",
        260: "resolution/wtsa/3/2016",
        40: doc_path,
        400: doc_path,
    }


def test_every_character_n_triples_escapes_survives_oxigraph() -> None:
    text = 'a "quoted" back\\slash\nnew line\r\ncarriage, tab\tand é'
    data = nquads([(URIRef("urn:s"), URIRef("urn:p"), Literal(text))], "urn:g")
    (quad,) = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    assert quad.object == ox.Literal(text)


def test_rendering_leaves_the_collector_as_it_found_it() -> None:
    doc = DocumentInput(name="g.txt", sha256="8" * 64, records=(heading(0, "4", 2020),))
    assert gc.isenabled()
    render_input(doc)
    assert gc.isenabled()
    gc.disable()
    try:
        render_input(doc)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_derived_graph_written_as_a_difference_is_a_fresh_builds(tmp_path: Path) -> None:
    a = DocumentInput(name="a.txt", sha256="1" * 64, records=(heading(0, "5", 2016),))
    b = DocumentInput(
        name="b.txt", sha256="2" * 64, records=(heading(0, "5", 2022), citation(40, "1", "5"))
    )
    c = DocumentInput(name="c.txt", sha256="3" * 64, records=(heading(0, "6", 2012),))

    def derived(root: Path) -> set[str]:
        graph = ox.NamedNode(mint.derived_graph_iri())
        with open_store(root, read_only=True) as s:
            return {str(q) for q in s.quads_for_pattern(graph=graph)}

    incremental = tmp_path / "incremental"
    for docs in ([a, b], [a, b, c], [b, c], [a, c], [a, b, c]):
        build_store(incremental, inputs=docs)
        fresh = tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}"
        build_store(fresh, inputs=docs)
        assert derived(incremental) == derived(fresh), [d.name for d in docs]
    assert any("previousVersion" in q for q in derived(incremental))

"""The ontology is the single source of terms: every term used is declared and documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from extract.structure.sections import section_kind_of
from graph import vocab
from graph.embedded.store import GraphStore
from graph.mint import ontology_graph_iri
from graph.rdf.static import gazetteer_graph, ontology_graph, shapes_graph

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = (str(RDF), str(RDFS), str(OWL), str(vocab.XSD), "http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def declared(onto: Graph) -> set[URIRef]:
    kinds = (
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        vocab.SKOS.Concept,
        vocab.SKOS.ConceptScheme,
    )
    return {s for k in kinds for s in onto.subjects(RDF.type, k) if isinstance(s, URIRef)}


def test_every_class_and_property_has_a_label_and_a_comment(onto: Graph) -> None:
    terms = declared(onto)
    assert len(terms) > 60
    missing = [
        str(t) for t in terms if not onto.value(t, RDFS.label) or not onto.value(t, RDFS.comment)
    ]
    assert not missing


def test_the_ontology_says_which_standard_vocabularies_it_reuses_and_why(onto: Graph) -> None:
    comment = str(onto.value(URIRef("https://w3id.org/resgraph/ontology"), RDFS.comment))
    for vocabulary in ("FRBR", "CiTO", "PROV-O", "DCTERMS", "SKOS"):
        assert vocabulary in comment


def test_rg_namespace_is_closed_over_the_ontology(onto: Graph) -> None:
    rg_terms = {t for t in declared(onto) if str(t).startswith(vocab.RG_NS)}
    assert {URIRef(vocab.RG_NS + n) for n in vocab._rg_terms()} == rg_terms
    with pytest.raises(AttributeError):
        _ = vocab.RG.Citaton  # a typo must not mint a new IRI


def test_every_term_the_built_graph_uses_is_declared(seed_store: GraphStore, onto: Graph) -> None:
    rows = seed_store.store.query(
        f"""SELECT DISTINCT ?t WHERE {{ GRAPH ?g {{ {{ ?s ?t ?o }} UNION {{ ?s a ?t }} }}
            FILTER (?g != <{ontology_graph_iri()}>) }}"""
    )
    used = {URIRef(r["t"].value) for r in rows}  # type: ignore[union-attr]
    terms = declared(onto)
    assert vocab.RG.Citation in used and vocab.CITO.cites in used
    undeclared = sorted(str(t) for t in used if t not in terms and not str(t).startswith(BUILTIN))
    assert not undeclared


def test_every_rg_term_named_in_code_and_queries_exists(onto: Graph) -> None:
    terms = {str(t) for t in declared(onto)}
    sources = [*ROOT.glob("graph/**/*.py"), *ROOT.glob("api/**/*.py"), *ROOT.glob("graph/**/*.rq")]
    missing = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"\bRG\.([A-Za-z_]\w*)", text):
            if vocab.RG_NS + name not in terms:
                missing.add(f"{path.name}: RG.{name}")
        if path.suffix == ".rq" and "PREFIX rg:" in text:
            for name in re.findall(r"\brg:([A-Za-z_]\w*)", text):
                if vocab.RG_NS + name not in terms:
                    missing.add(f"{path.name}: rg:{name}")
    assert not sorted(missing)


def test_shapes_only_name_declared_terms(onto: Graph) -> None:
    shapes = shapes_graph()
    terms = declared(onto)
    named = set(shapes.objects(None, SH.targetClass)) | {
        p for p in shapes.objects(None, SH.path) if isinstance(p, URIRef)
    }
    undeclared = sorted(str(t) for t in named if t not in terms and not str(t).startswith(BUILTIN))
    assert not undeclared


def test_context_maps_to_declared_terms(onto: Graph) -> None:
    ctx = json.loads(vocab.ontology_text("context.jsonld"))["@context"]
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))}
    terms = {str(t) for t in declared(onto)}
    bad = []
    for key, value in ctx.items():
        iri = value["@id"] if isinstance(value, dict) else value
        if key in prefixes or key.startswith("@") or iri.startswith("@"):
            continue
        prefix, _, local = iri.partition(":")
        full = prefixes[prefix] + local if prefix in prefixes else iri
        if full not in terms:
            bad.append(key)
    assert not bad
    assert {"Resolution", "ResolutionVersion", "Citation", "cites"} <= set(ctx)


def test_readme_term_table_lists_every_rg_term(onto: Graph) -> None:
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    ns = vocab.RG_NS
    rg_terms = sorted(str(t)[len(ns) :] for t in declared(onto) if str(t).startswith(ns))
    assert [t for t in rg_terms if f"`rg:{t}`" not in readme] == []


def test_gazetteer_is_published_with_every_conference() -> None:
    from extract.gazetteer import load_gazetteer
    from graph.mint import conference_iri

    g = gazetteer_graph()
    for conf in load_gazetteer().conferences:
        node = conference_iri(conf.organ, conf.year)
        assert str(g.value(node, RDFS.label)) == conf.label
        assert int(g.value(node, vocab.RG.year)) == conf.year  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("section", "cls"),
    [
        ("recalling", "PreambularCitation"),
        ("considering further", "PreambularCitation"),
        ("instructs", "OperativeCitation"),
        ("further instructs", "OperativeCitation"),
        ("resolves", "OperativeCitation"),
        ("summary", "Citation"),
        (None, "Citation"),
    ],
)
def test_citation_class_follows_the_section_function(section: str | None, cls: str) -> None:
    """The kind comes from the extractor's heading-word table (the one source), the class from
    the kind."""
    assert vocab.citation_class(section_kind_of(section), "resolution")[0] == vocab.RG[cls]


def test_code_lists_reject_unknown_values_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="explicit"):
        vocab.basis_concept("guessed")
    with pytest.raises(ValueError, match="NOC"):
        vocab.status_concept("Modified")

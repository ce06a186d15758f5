"""Records -> RDF: every gold record is in the built store, with its provenance and meaning."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import URIRef

from extract.models import Citation
from graph import mint
from graph.embedded.store import GraphStore
from graph.rdf.document import DocumentInput, document_graph
from graph.rdf.records import record_from_json
from graph.vocab import CITO, DCTERMS, RDF, RG

# Heading words of the gold annotations, by function (DESIGN.md section 5), written out by hand.
PREAMBULAR = {"considering", "recalling", "recognizing", "recognizing also", "noting"}
OPERATIVE = {"instructs", "invites", "resolves"}


def rows(store: GraphStore, query: str) -> list[dict[str, Any]]:
    solutions = store.store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def mentions(seed_store: GraphStore) -> dict[tuple[str, int, int, str], dict[str, Any]]:
    """(file, start, end, kind) -> the mention's properties, read back from the store."""
    found = rows(
        seed_store,
        f"""PREFIX rg: <{RG}>
        SELECT ?m ?type ?file ?start ?end ?surface ?section ?paragraph WHERE {{
          VALUES ?type {{ rg:HeadingMention rg:Citation rg:Assignment }}
          ?m a ?type ; rg:sourceDocument ?d ; rg:start ?start ; rg:end ?end ; rg:surface ?surface .
          ?d rg:fileName ?file .
          OPTIONAL {{ ?m rg:sectionName ?section }} OPTIONAL {{ ?m rg:paragraphLabel ?paragraph }}
        }}""",
    )
    kinds = {str(RG.HeadingMention): "heading", str(RG.Citation): "citation"}
    return {
        (r["file"], int(r["start"]), int(r["end"]), kinds.get(r["type"], "assignment")): r
        for r in found
    }


def kind_of(rec: dict[str, Any]) -> str:
    if rec["type"] == "heading" or rec.get("role") == "heading":
        return "heading"
    return str(rec["type"])


def test_every_gold_heading_and_citation_is_in_the_graph_with_provenance(
    gold_records: list[dict[str, Any]], mentions: dict[tuple[str, int, int, str], Any]
) -> None:
    missing, wrong = [], []
    for rec in gold_records:
        key = (rec["doc"], rec["start"], rec["end"], kind_of(rec))
        got = mentions.get(key)
        if got is None:
            missing.append(key)
        elif got["surface"] != rec["surface"] or (
            rec.get("section") is not None and got.get("section") != rec["section"]
        ):
            wrong.append((key, got["surface"], got.get("section")))
    assert not missing
    assert not wrong
    assert len(mentions) >= len(
        {(r["doc"], r["start"], r["end"], kind_of(r)) for r in gold_records}
    )


def test_citations_keep_what_the_record_says(
    seed_store: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    found = rows(
        seed_store,
        f"""PREFIX rg: <{RG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?c ?start ?file ?kind ?number ?basis ?organ ?year ?revised WHERE {{
          ?c a rg:Citation ; rg:start ?start ; rg:sourceDocument/rg:fileName ?file ;
             rg:citationKind ?kind ; rg:citedNumber ?number ; rg:revised ?revised ;
             rg:attributionBasis/skos:notation ?basis .
          OPTIONAL {{ ?c rg:citedOrgan/skos:notation ?organ }}
          OPTIONAL {{ ?c rg:citedYear ?year }} }}""",
    )
    by_key = {(r["file"], int(r["start"])): r for r in found}
    gold = [r for r in gold_records if r["type"] == "citation" and r["role"] == "citation"]
    assert len(gold) > 100
    for rec in gold:
        got = by_key[(rec["doc"], rec["start"])]
        assert (got["kind"], got["number"], got["basis"]) == (
            rec["kind"],
            rec["number"],
            rec["body_basis"],
        ), rec
        assert got.get("organ") == (None if rec["body"] == "unknown" else rec["body"]), rec
        assert (int(got["year"]) if "year" in got else None) == rec["year"]
        assert (got["revised"] == "true") == rec["revised"]


def test_citations_are_typed_by_the_function_of_their_section(
    seed_store: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    checked = 0
    for rec in gold_records:
        if rec["type"] != "citation" or rec["role"] != "citation" or rec["kind"] == "internal":
            continue
        node = citation_node(seed_store, rec)
        types = set(seed_store.store.quads_for_pattern(node, ox_iri(RDF.type), None))
        classes = {q.object.value for q in types}
        if rec["section"] in PREAMBULAR:
            assert str(RG.PreambularCitation) in classes, rec
            checked += 1
        elif rec["section"] in OPERATIVE:
            assert str(RG.OperativeCitation) in classes, rec
            checked += 1
        assert str(RG.Citation) in classes
    assert checked > 50


def test_each_citation_links_citing_and_cited_directly_too(
    seed_store: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    """cito:cites from the citing entity to the version named by (organ, number, year)."""
    checked = 0
    for rec in gold_records:
        if rec["type"] != "citation" or rec["role"] != "citation" or rec["kind"] != "resolution":
            continue
        if rec["body"] == "unknown" or rec["year"] is None:
            continue
        node = citation_node(seed_store, rec)
        cited = mint.version_iri(rec["body"], rec["number"], rec["year"])
        assert value(seed_store, node, CITO.hasCitedEntity) == str(cited), rec
        citing = value(seed_store, node, CITO.hasCitingEntity)
        assert citing is not None
        edge = seed_store.store.quads_for_pattern(ox_iri(citing), ox_iri(CITO.cites), ox_iri(cited))
        assert list(edge), rec
        if rec["host"]:
            work = value(seed_store, ox_iri(citing), RG.versionOf) or citing
            assert work.endswith(f"/{rec['host']}"), (rec, citing)
        checked += 1
    assert checked > 60


def test_headings_open_their_version_with_a_language_tagged_title(
    seed_store: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    checked = 0
    for rec in gold_records:
        if rec["type"] != "heading" or not rec["number"] or rec["version_year"] is None:
            continue
        version = mint.version_iri(rec["body"], rec["number"], rec["version_year"])
        node = mint.mention_iri(
            doc_iri(seed_store, rec["doc"]), "heading", rec["start"], rec["end"]
        )
        assert value(seed_store, ox_iri(node), RG.heads) == str(version)
        titles = {
            (q.object.value, q.object.language)
            for q in seed_store.store.quads_for_pattern(
                ox_iri(version), ox_iri(DCTERMS.title), None
            )
        }
        assert (rec["title"], rec["title_lang"]) in titles
        checked += 1
    assert checked >= 5


def test_history_lines_chain_previous_versions(
    seed_store: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    checked = 0
    for rec in gold_records:
        if rec["type"] != "heading" or not rec.get("history") or rec["version_year"] is None:
            continue
        years = sorted({y for _, y in rec["history"]} | {rec["version_year"]}, reverse=True)
        node = str(mint.version_iri(rec["body"], rec["number"], rec["version_year"]))
        walked = [rec["version_year"]]
        while (prev := value(seed_store, ox_iri(node), RG.previousVersion)) is not None:
            walked.append(int(prev.rsplit("/", 1)[1]))
            node = prev
        assert walked[: len(years)] == years, rec["surface"]
        checked += 1
    assert checked >= 2


def test_versions_without_loaded_text_are_stubs(seed_store: GraphStore) -> None:
    found = rows(
        seed_store,
        f"""PREFIX rg: <{RG}>
        SELECT ?v (GROUP_CONCAT(DISTINCT STR(?t)) AS ?texts) (COUNT(DISTINCT ?stub) AS ?stubs)
        WHERE {{
          ?v rg:versionOf ?w . OPTIONAL {{ ?v rg:hasText ?t }}
          OPTIONAL {{ ?v a ?stub FILTER (?stub = rg:StubVersion) }} }} GROUP BY ?v""",
    )
    assert len(found) > 50
    for r in found:
        assert r["texts"] in {"true", "false"}, r  # exactly one value
        assert (r["texts"] == "false") == (int(r["stubs"]) > 0), r
    with_text = [r for r in found if r["texts"] == "true"]
    assert 1 <= len(with_text) < len(found)


def test_assignments_name_their_actors(
    seed_store: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    for rec in (r for r in gold_records if r["type"] == "assignment"):
        node = ox_iri(
            mint.mention_iri(
                doc_iri(seed_store, rec["doc"]), "assignment", rec["start"], rec["end"]
            )
        )
        addressees = values(seed_store, node, RG.addressee)
        collaborators = values(seed_store, node, RG.collaborator)
        assert addressees == {str(mint.actor_iri(a)) for a in rec["addressees"]}, rec
        assert collaborators == {str(mint.actor_iri(a)) for a in rec["collaborators"]}, rec
        assert value(seed_store, node, RG.verb) == rec["verb"]
        assert value(seed_store, node, RG.assignedBy) is not None


def test_a_record_that_cannot_be_mapped_names_the_document() -> None:
    bad = Citation(
        doc="x.txt", start=3, end=9, surface="Res. 1", kind="resolution", number="1",
        body="NOPE", venue=None, year=None, revised=False, body_basis="explicit",
    )  # fmt: skip
    with pytest.raises(ValueError, match=r"x\.txt: record at 3-9: unknown organ 'NOPE'"):
        document_graph(DocumentInput(name="x.txt", sha256="a" * 64, records=(bad,)))


def test_records_from_json_reject_unknown_types_and_missing_fields() -> None:
    with pytest.raises(ValueError, match="unknown type 'mention'"):
        record_from_json({"type": "mention", "doc": "a.txt", "start": 1})
    with pytest.raises(ValueError, match=r"record a\.txt:1"):
        record_from_json({"type": "citation", "doc": "a.txt", "start": 1})


# ---------------------------------------------------------------------------------- helpers
def ox_iri(iri: str | URIRef) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(str(iri))


def values(store: GraphStore, node: Any, pred: URIRef) -> set[str]:
    return {q.object.value for q in store.store.quads_for_pattern(node, ox_iri(pred), None)}


def value(store: GraphStore, node: Any, pred: URIRef) -> str | None:
    found = sorted(values(store, node, pred))
    return found[0] if found else None


def doc_iri(store: GraphStore, name: str) -> URIRef:
    return mint.document_iri(name, store.manifest()[name].sha256)


def citation_node(store: GraphStore, rec: dict[str, Any]) -> Any:
    return ox_iri(
        mint.mention_iri(doc_iri(store, rec["doc"]), "citation", rec["start"], rec["end"])
    )

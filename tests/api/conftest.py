"""Fixtures of the API tests: a tiny hand-written graph, apps over it, and the seed graph.

Why a tiny graph beside the seed graph: protocol tests (formats, limits, refusals) need a store
whose exact contents the test knows, and must not depend on the extractor's current recall; the
route tests run on the real seed graph built from data/corpus by the build fixture.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, Store

from api.main import create_app
from api.settings import Settings
from graph import as_store


def _graph_fixtures() -> object:
    """tests/graph/conftest.py as a module: its ``seed_store`` fixture is the one to use here.

    Why load by path: the test directories are not packages (``tests/api`` would shadow the
    ``api`` package), so the graph conftest cannot be imported by name.
    """
    path = Path(__file__).resolve().parents[1] / "graph" / "conftest.py"
    spec = importlib.util.spec_from_file_location("resgraph_graph_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_graph = _graph_fixtures()
gold_records = _graph.gold_records  # type: ignore[attr-defined]
gold_inputs = _graph.gold_inputs  # type: ignore[attr-defined]
seed_store = _graph.seed_store  # type: ignore[attr-defined]

BASE = "https://w3id.org/resgraph/"
G1 = BASE + "id/graph/doc1"
G2 = BASE + "id/graph/doc2"

# Two source-document graphs: WTSA Resolution 44 (2022) cites PP Resolution 123 (2018) and
# itself in an older version; a French and a Chinese title test language tags; one literal holds
# a tab, a newline and quotes to test escaping through every format.
TINY_TRIG = f"""
@prefix rg: <https://w3id.org/resgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix id: <{BASE}id/> .
<{G1}> {{
  id:resolution\\/wtsa\\/44 a rg:Resolution ; rg:number "44" .
  id:resolution\\/wtsa\\/44\\/2022 a rg:ResolutionVersion ; rg:versionOf id:resolution\\/wtsa\\/44 ;
      rg:year 2022 ; dcterms:title "Bridging the standardization gap"@en ,
      "Réduire l'écart en matière de normalisation"@fr , "缩小标准化工作中的差距"@zh ;
      cito:cites id:resolution\\/pp\\/123\\/2018 , id:resolution\\/wtsa\\/44\\/2016 ;
      rg:surface "tab\\there \\"quoted\\"\\nnext line" .
}}
<{G2}> {{
  id:resolution\\/pp\\/123 a rg:Resolution ; rg:number "123" .
  id:resolution\\/pp\\/123\\/2018 a rg:ResolutionVersion ; rg:versionOf id:resolution\\/pp\\/123 ;
      rg:year 2018 ;
      dcterms:title "Bridging the standardization gap between developing and developed"@en .
  id:resolution\\/wtsa\\/44\\/2016 a rg:ResolutionVersion ; rg:versionOf id:resolution\\/wtsa\\/44 ;
      rg:year 2016 .
}}
"""


def tiny_store() -> Store:
    """A fresh in-memory store holding :data:`TINY_TRIG`."""
    store = Store()
    store.load(TINY_TRIG.encode("utf-8"), RdfFormat.TRIG)
    return store


def many_store(n: int) -> Store:
    """A store of ``n`` triples ``<urn:s{i}> <urn:p> i`` (for caps and timeouts)."""
    store = Store()
    text = "".join(f"<urn:s{i}> <urn:p> {i} .\n" for i in range(n))
    store.load(text.encode(), RdfFormat.TURTLE)
    return store


@pytest.fixture
def tiny() -> Store:
    """The tiny store."""
    return tiny_store()


@pytest.fixture
def client(tiny: Store) -> Iterator[TestClient]:
    """A client of the real app over the tiny store, default settings."""
    with TestClient(create_app(Settings(), store=as_store(tiny))) as c:
        yield c


@pytest.fixture(scope="session")
def seed_app_settings(seed_store: object) -> Settings:
    """Settings serving the seed store from disk (the real lifespan opens it)."""
    return Settings(store=Path(seed_store.root), reload_interval=0)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def seed(seed_app_settings: Settings) -> Iterator[TestClient]:
    """A client of the real app serving the seed graph (opened from disk by the lifespan)."""
    with TestClient(create_app(seed_app_settings)) as c:
        yield c


@pytest.fixture
def graph_names() -> tuple[str, str]:
    """The two named graphs of the tiny store."""
    return G1, G2


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    """``make_client(store, **settings)``: a client over ``store`` with some settings changed
    (use it in a ``with`` block so the lifespan runs)."""

    def make(store: Store, **settings: object) -> TestClient:
        return TestClient(create_app(Settings().with_(**settings), store=as_store(store)))

    return make


@pytest.fixture
def many() -> Callable[[int], Store]:
    """``many(n)``: a store of ``n`` simple triples."""
    return many_store

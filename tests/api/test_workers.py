"""The query worker's job handling, in this process: what each job answers, and how it fails.

Why in-process as well: the worker runs these same functions behind a pipe (the server tests
exercise that); here each answer and each failure is checked on its own, on the tiny store.
"""

from __future__ import annotations

import pickle

import pyoxigraph as ox
import pytest

from api.sparql.execute import SparqlAnswer, SparqlRequest
from api.workers import child
from api.workers.protocol import Failure, Job, StoreSource, WorkerConfig
from api.workers.sandbox import _ARCHES, _program
from api.workers.tasks import run_task
from graph import SnapshotIndex, snapshot_index

_SEARCH = {"q": None, "organ": None, "conference": None, "number": None, "limit": 5, "offset": 0}
_ASSIGN = dict.fromkeys(("actor", "collaborator", "involving", "organ", "conference"))
#: The tasks that answer from the snapshot index, with arguments that select something.
TASKS_ON_THE_INDEX: list[tuple[str, dict[str, object]]] = [
    ("search", _SEARCH),
    ("search", {**_SEARCH, "q": "gap"}),
    ("search", {**_SEARCH, "number": "44"}),
    ("assignments", _ASSIGN),
    ("assignments", {**_ASSIGN, "involving": "ITU-D"}),
    ("outdated", {"organ": None}),
    ("stats", {"top": 3}),
]


@pytest.fixture
def state(tiny: ox.Store) -> child._State:
    dump = tiny.dump(format=ox.RdfFormat.N_QUADS)
    source = StoreSource("tiny", None, None, 0, "https://w3id.org/resgraph/", dump=dump)
    return child._State(WorkerConfig("rest", source, 2048))


def test_a_checked_query_is_evaluated(state: child._State) -> None:
    request = SparqlRequest("SELECT ?v WHERE { ?v a ?t }", accept="text/csv")
    kind, answer = child._reply(state, Job("sparql", (request, 5.0, 100, False)))
    assert kind == "ok" and isinstance(answer, SparqlAnswer) and answer.rows > 0


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        (
            "SELECT * { ?s ?p ?o . SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
            403,
            "service_refused",
        ),
        ("CLEAR ALL", 403, "update_refused"),
        ("SELECT * WHERE { ?s ?p }", 400, "malformed_query"),
    ],
)
def test_refusals_come_back_as_failures(
    state: child._State, query: str, status: int, code: str
) -> None:
    kind, failure = child._reply(state, Job("sparql", (SparqlRequest(query), 5.0, 100, False)))
    assert kind == "fail" and isinstance(failure, Failure)
    assert (failure.status, failure.code) == (status, code)
    assert child._reply(state, Job("check", query))[1] == failure


def test_tasks_answer_json_or_a_coded_failure(state: child._State) -> None:
    kind, body = child._reply(state, Job("task", ("conferences", {})))
    assert kind == "ok" and body.startswith(b"[")
    kind, failure = child._reply(state, Job("task", ("lineage", {"ident": "wtsa/440"})))
    assert kind == "fail" and failure.status == 404 and failure.code == "not_found"
    kind, failure = child._reply(state, Job("task", ("lineage", {"ident": "nope"})))
    assert kind == "fail" and failure.status == 422
    kind, failure = child._reply(state, Job("task", ("no-such-task", {})))
    assert kind == "fail" and failure.status == 500 and "traceback" not in failure.message.lower()


def test_warm_builds_the_snapshot_index_once_for_the_other_workers(
    state: child._State, tiny: ox.Store
) -> None:
    kind, pickled = child._reply(state, Job("warm", True))
    assert kind == "ok"
    index = pickle.loads(pickled)
    assert isinstance(index, SnapshotIndex) and index.network.number_of_nodes() >= 2
    assert child._reply(state, Job("warm", False)) == ("ok", None)
    # a worker started with the pickled index answers from it what a worker without one
    # computes from SPARQL
    dump = tiny.dump(format=ox.RdfFormat.N_QUADS)
    source = StoreSource("tiny", None, None, 0, "https://w3id.org/resgraph/", dump=dump)
    adopted = child._State(WorkerConfig("rest", source, 2048, network=pickled))
    assert adopted.index() is adopted._index and adopted.network() is adopted.index().network
    fresh = child._State(WorkerConfig("rest", source, 2048))
    for task, kwargs in TASKS_ON_THE_INDEX:
        answer = child._reply(adopted, Job("task", (task, kwargs)))
        assert answer == child._reply(fresh, Job("task", (task, kwargs))), task
        assert answer[0] == "ok"
    assert fresh._index is not None, "a worker never warmed builds the index on first use"


@pytest.mark.parametrize("machine", sorted(_ARCHES))
def test_the_socket_filter_is_a_whole_bpf_program(machine: str) -> None:
    arch, socket_nr, other = _ARCHES[machine]
    code = _program(arch, socket_nr, other)
    assert len(code) % 8 == 0 and 8 <= len(code) // 8 <= 16


@pytest.mark.parametrize(
    ("task", "kwargs"),
    [
        ("search", {"q": "gap", "organ": None, "conference": None, "number": None,
                    "limit": 5, "offset": 0}),
        ("resolution", {"organ": "WTSA", "number": "44"}),
        ("lineage", {"ident": "wtsa/44"}),
        ("walk", {"direction": "in", "ident": "pp/123", "depth": 3, "organs": None}),
        ("walk", {"direction": "out", "ident": "wtsa/44/2022", "depth": 1, "organs": ("PP",)}),
        ("version", {"ident": "wtsa/44/2022", "work": "wtsa/44"}),
        ("assignments", {"actor": "TSB", "collaborator": None, "involving": None,
                         "organ": None, "conference": None}),
        ("outdated", {"organ": None}),
        ("stats", {"top": 3}),
    ],
)  # fmt: skip
def test_every_rest_task_answers_its_model_on_the_seed_graph(
    seed_store: object, task: str, kwargs: dict[str, object]
) -> None:
    from graph import citation_network

    store = seed_store  # the seed graph, built by the graph tests' fixture
    body = run_task(task, store, lambda: citation_network(store), kwargs)  # type: ignore[arg-type]
    assert body.startswith((b"{", b"["))


def test_the_index_tasks_answer_the_same_bytes_on_the_seed_graph(seed_store: object) -> None:
    store = seed_store
    index = snapshot_index(store)  # type: ignore[arg-type]
    for task, kwargs in TASKS_ON_THE_INDEX:
        plain = run_task(task, store, lambda: index.network, kwargs)  # type: ignore[arg-type]
        fast = run_task(task, store, lambda: index.network, kwargs, lambda: index)  # type: ignore[arg-type]
        assert fast == plain, (task, kwargs)


def test_the_fast_plain_copy_is_to_dict(seed_store: object) -> None:
    from api.workers.tasks import _plain
    from graph import assignments, dependencies, impact, lineage, outdated_citations

    store = seed_store
    results = [
        dependencies(store, "wtsa/44", depth=3),  # type: ignore[arg-type]
        impact(store, "pp/123", depth=2),  # type: ignore[arg-type]
        lineage(store, "pp/123"),  # type: ignore[arg-type]
        assignments(store, involving="ITU-D"),  # type: ignore[arg-type]
        *outdated_citations(store),  # type: ignore[arg-type]
    ]
    assert results[0].edges and results[3].hits
    for result in results:
        assert _plain(result) == result.to_dict()


@pytest.mark.parametrize(
    ("task", "kwargs"),
    [
        ("walk", {"direction": "out", "ident": "wtsa/44", "depth": 3, "organs": None}),
        ("walk", {"direction": "in", "ident": "pp/123", "depth": 2, "organs": None}),
        ("resolution", {"organ": "WTSA", "number": "44"}),
        ("lineage", {"ident": "pp/123"}),
        ("assignments", {**_ASSIGN, "involving": "ITU-T"}),
        ("stats", {"top": 5}),
    ],
)
def test_answers_validated_from_attributes_are_the_to_dict_answers(
    seed_store: object, task: str, kwargs: dict[str, object]
) -> None:
    from pydantic import BaseModel

    from api.workers.tasks import TASKS, Views
    from graph import citation_network

    net = citation_network(seed_store)  # type: ignore[arg-type]
    views = Views(lambda: net, lambda: None)
    result = TASKS[task].fn(seed_store, views, kwargs)  # type: ignore[arg-type]
    schema = TASKS[task].schema
    assert isinstance(schema, type) and issubclass(schema, BaseModel)
    expected = schema.model_validate(result.to_dict()).model_dump_json().encode()
    assert run_task(task, seed_store, lambda: net, kwargs) == expected  # type: ignore[arg-type]


def test_a_missing_path_and_version_are_404s(seed_store: object) -> None:
    from api.workers.tasks import TaskError, failure_of
    from graph import ResolutionNotFound

    with pytest.raises(TaskError) as caught:
        run_task(
            "path",
            seed_store,
            lambda: None,
            {
                "source": "pp/123",
                "target": "wtsa/44",  # type: ignore[arg-type]
                "max_depth": 1,
            },
        )
    assert failure_of(caught.value) == Failure(404, "no_path", str(caught.value))
    with pytest.raises(ResolutionNotFound):
        run_task("version", seed_store, lambda: None, {"ident": "wtsa/44/1900", "work": "wtsa/44"})  # type: ignore[arg-type]

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
from graph import as_store


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


def test_warm_builds_the_network_once_for_the_other_workers(state: child._State) -> None:
    kind, pickled = child._reply(state, Job("warm", True))
    assert kind == "ok"
    network = pickle.loads(pickled)
    expected = run_task("conferences", as_store(ox.Store()), lambda: None, {})
    assert network.number_of_nodes() >= 2 and expected.startswith(b"[")
    assert child._reply(state, Job("warm", False)) == ("ok", None)


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

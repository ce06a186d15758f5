"""old_objects_frozen: one freeze for nested and concurrent calls, undone by the last; a freeze
made by someone else is left alone; library calls never freeze, the CLI opts in."""

from __future__ import annotations

import gc
import sys
import threading

from extract import extract_corpus, extract_document
from extract.nlp.gc_scope import old_objects_frozen, with_old_objects_frozen


def test_nested_blocks_share_one_freeze_and_leave_nothing_frozen() -> None:
    assert gc.get_freeze_count() == 0
    with old_objects_frozen():
        outer = gc.get_freeze_count()
        with old_objects_frozen():
            assert gc.get_freeze_count() == outer > 0
        assert gc.get_freeze_count() == outer
    assert gc.get_freeze_count() == 0


def test_a_freeze_by_someone_else_is_not_undone() -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with old_objects_frozen():
            pass
        assert gc.get_freeze_count() == before > 0
    finally:
        gc.unfreeze()


def test_concurrent_calls_unfreeze_when_the_last_one_leaves() -> None:
    inside = threading.Barrier(2)
    first_left = threading.Event()
    seen: list[int] = []

    @with_old_objects_frozen
    def first() -> None:
        inside.wait()

    def first_then_signal() -> None:
        first()
        first_left.set()  # set after the first call has left its block

    @with_old_objects_frozen
    def second() -> None:
        inside.wait()
        first_left.wait()
        seen.append(gc.get_freeze_count())  # the first call has left: still frozen

    threads = [threading.Thread(target=first_then_signal), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen and seen[0] > 0
    assert gc.get_freeze_count() == 0


def test_an_exception_still_unfreezes() -> None:
    try:
        with old_objects_frozen():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.get_freeze_count() == 0


def _gc_calls_during(run) -> list[str]:  # type: ignore[no-untyped-def]
    """The ``gc`` functions called (at any depth) while ``run()`` runs in this thread."""
    calls: list[str] = []

    def hook(frame, event, arg):  # type: ignore[no-untyped-def]
        if event == "c_call" and getattr(arg, "__module__", None) == "gc":
            calls.append(arg.__name__)

    sys.setprofile(hook)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def test_library_calls_leave_the_collector_alone_and_the_cli_opts_in() -> None:
    seed = "data/corpus/003_fb0deb38008239bc.txt"
    extract_document(seed)  # build the pipeline outside the measured calls
    assert "freeze" not in _gc_calls_during(lambda: extract_document(seed))
    assert "freeze" not in _gc_calls_during(lambda: list(extract_corpus([seed])))
    assert "freeze" in _gc_calls_during(lambda: list(extract_corpus([seed], freeze_gc=True)))
    assert gc.get_freeze_count() == 0

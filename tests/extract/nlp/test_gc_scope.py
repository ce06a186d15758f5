"""old_objects_frozen: one freeze for nested and concurrent calls, undone by the last; a freeze
made by someone else is left alone."""

from __future__ import annotations

import gc
import threading

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

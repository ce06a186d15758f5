"""Keep the garbage collector off the objects that existed before a long extraction call.

Why: a loaded pipeline brings about 100,000 long-lived objects (spaCy's vocabulary and string
store, the compiled patterns, the gazetteer). Extraction allocates many short-lived ones, and
every full collection the allocations trigger walks all the long-lived ones again: 6% of
``extract_document``'s time on the synthetic corpus. :func:`old_objects_frozen` moves the
objects that exist when a call starts into the permanent generation
(:func:`gc.freeze`, O(1)) and back when it ends (:func:`gc.unfreeze`), so nothing is kept
alive past the call and no cyclic garbage is leaked. When someone else has frozen objects
already (a server that froze its heap after start-up), it leaves the freeze to them.

Why opt-in: a freeze acts on the whole process, not on the caller's objects only, so no library
function of extract/ enters it by itself. A program that owns its process opts in:
``extract_corpus(..., freeze_gc=True)`` (the CLI, the build), and the pool workers of
``extract_corpus(jobs=N)``, which are processes of its own.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

__all__ = ["old_objects_frozen", "with_old_objects_frozen"]

P = ParamSpec("P")
R = TypeVar("R")


_lock = threading.Lock()
_depth = 0  # calls inside the scope, in every thread
_ours = False  # whether the freeze in force is ours to undo


@contextmanager
def old_objects_frozen() -> Iterator[None]:
    """Within the block, collections skip the objects that existed when it was entered.

    Nested and concurrent blocks share one freeze, undone when the last one leaves.
    (``gc.get_freeze_count`` walks the frozen objects, so it is only asked when no block is
    open: that is when a freeze by someone else would show.)

    Example:
        >>> import gc
        >>> with old_objects_frozen():
        ...     with old_objects_frozen():
        ...         gc.get_freeze_count() > 0
        True
        >>> gc.get_freeze_count()
        0
    """
    global _depth, _ours
    with _lock:
        if _depth == 0:
            _ours = gc.isenabled() and gc.get_freeze_count() == 0
            if _ours:
                gc.freeze()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _ours:
                gc.unfreeze()
                _ours = False


def with_old_objects_frozen(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of :func:`old_objects_frozen`."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with old_objects_frozen():
            return func(*args, **kwargs)

    return wrapper

"""A faster ``__init__`` for the frozen dataclasses the extractor makes by the thousand.

Why: the ``__init__`` that :func:`dataclasses.dataclass` writes for a frozen class sets every
field through ``object.__setattr__`` (a global lookup, an attribute lookup and a call per field),
so a 23-field :class:`~extract.models.Citation` costs about 2.7 µs to make, twice what storing
the same values in the instance's ``__dict__`` costs. Records, citation parts, clause heads and
pre-scan windows are made for every mention of every document (about 6% of the extractor's
time on a citation-dense corpus went to these ``__init__`` calls). :func:`fast_frozen_init`
replaces the generated ``__init__`` by one with the same signature, defaults and
``__post_init__`` call that fills ``__dict__`` directly. Everything else a dataclass is (fields,
equality, hashing, ``replace``, pickling, immutability after construction) stays as
:mod:`dataclasses` made it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

__all__ = ["fast_frozen_init"]

T = TypeVar("T")


def fast_frozen_init(cls: type[T]) -> type[T]:
    """Give the frozen dataclass ``cls`` an ``__init__`` that writes its ``__dict__``.

    Raises:
        TypeError: for a class this does not apply to (not a frozen dataclass, one with slots,
            or one with ``InitVar`` or keyword-only fields, whose signature it does not
            rebuild).

    Example:
        >>> @fast_frozen_init
        ... @dataclasses.dataclass(frozen=True)
        ... class P:
        ...     x: int
        ...     tags: tuple[str, ...] = ()
        ...     seen: list[int] = dataclasses.field(default_factory=list)
        >>> p = P(1, tags=("a",))
        >>> p, p == P(1, ("a",)), dataclasses.replace(p, x=2).x
        (P(x=1, tags=('a',), seen=[]), True, 2)
        >>> p.x = 3
        Traceback (most recent call last):
        ...
        dataclasses.FrozenInstanceError: cannot assign to field 'x'
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} has slots: its instances have no __dict__ to fill")
    if any(isinstance(v, dataclasses.InitVar) for v in cls.__annotations__.values()):
        raise TypeError(f"{cls.__name__} has InitVar fields")
    fields = [f for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    if any(f.kw_only for f in fields):
        raise TypeError(f"{cls.__name__} has keyword-only fields")
    names: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    args: list[str] = []
    body: list[str] = []
    for f in fields:
        if f.default is not dataclasses.MISSING:
            names[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
            body.append(f"    d[{f.name!r}] = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            args.append(f"{f.name}=_MISSING")
            body.append(
                f"    d[{f.name!r}] = _factory_{f.name}() if {f.name} is _MISSING else {f.name}"
            )
        else:
            args.append(f.name)
            body.append(f"    d[{f.name!r}] = {f.name}")
    # a field left out of __init__ gets its factory's value there, as dataclasses does (one
    # with a plain default is read from the class attribute)
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init and f.default_factory is not dataclasses.MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            body.append(f"    d[{f.name!r}] = _factory_{f.name}()")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = (
        f"def __init__(self, {', '.join(args)}):\n    d = self.__dict__\n" + "\n".join(body) + "\n"
    )
    scope: dict[str, Any] = {}
    exec(source, names, scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls

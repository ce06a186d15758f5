"""The faster ``__init__`` of the extractor's frozen dataclasses builds the same objects.

Each record type that :func:`extract.fast_init.fast_frozen_init` decorates is checked against
what :mod:`dataclasses` promises: the same signature (names, order, defaults), every field set,
factories called once per instance, immutability, equality and hashing, ``replace`` and
pickling; and the records of a real document are those the dataclass ``__init__`` builds.
"""

from __future__ import annotations

import dataclasses
import doctest
import inspect
import pickle
from pathlib import Path
from typing import Any

import pytest

import extract.fast_init
from extract import extract_document
from extract.assignments.actors import ActorMatch
from extract.assignments.head_match import HeadMatch
from extract.citations.parts import CitationParts
from extract.documents import (
    LangRun,
    Paragraph,
    ResolutionSegment,
    Section,
    TrackedChange,
    VersionRef,
)
from extract.fast_init import fast_frozen_init
from extract.models import Assignment, Citation, Heading
from extract.nlp.prescan import Window

SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus"
DECORATED = [
    Citation,
    Heading,
    Assignment,
    CitationParts,
    HeadMatch,
    Window,
    ActorMatch,
    Paragraph,
    Section,
    ResolutionSegment,
    LangRun,
    TrackedChange,
    VersionRef,
]


def test_docstring_example_runs() -> None:
    result = doctest.testmod(extract.fast_init)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("cls", DECORATED, ids=lambda c: c.__name__)
def test_signature_is_the_dataclass_one(cls: type[Any]) -> None:
    params = list(inspect.signature(cls).parameters.values())
    fields = [f for f in dataclasses.fields(cls) if f.init]
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        if f.default is not dataclasses.MISSING:
            assert p.default is f.default
        elif f.default_factory is dataclasses.MISSING:
            assert p.default is inspect.Parameter.empty
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"


def _required(cls: type[Any]) -> dict[str, Any]:
    """A value of the right kind for each required field (none of these classes checks them)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            out[f.name] = f"{f.name}-value" if "str" in str(f.type) else 7
    return out


@pytest.mark.parametrize("cls", DECORATED, ids=lambda c: c.__name__)
def test_instances_behave_as_frozen_dataclasses(cls: type[Any]) -> None:
    kwargs = _required(cls)
    a, b = cls(**kwargs), cls(**kwargs)
    for f in dataclasses.fields(cls):
        expected = kwargs.get(f.name, f.default)
        if f.default_factory is not dataclasses.MISSING:
            expected = f.default_factory()
        assert getattr(a, f.name) == expected
    assert a == b and hash(a) == hash(b)  # hashing works even with list-valued defaults off
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(a, dataclasses.fields(cls)[0].name, None)
    first = dataclasses.fields(cls)[0].name
    changed = dataclasses.replace(a, **{first: kwargs.get(first, 8)})
    assert type(changed) is cls and dataclasses.astuple(changed)[1:] == dataclasses.astuple(a)[1:]
    assert pickle.loads(pickle.dumps(a)) == a


def test_a_factory_gives_each_instance_its_own_value() -> None:
    @fast_frozen_init
    @dataclasses.dataclass(frozen=True)
    class Box:
        items: list[int] = dataclasses.field(default_factory=list)
        hidden: dict[str, int] = dataclasses.field(default_factory=dict, init=False)

    one, two = Box(), Box()
    one.items.append(1)
    assert two.items == [] and one.hidden == {} and one.hidden is not two.hidden
    assert Box([3]).items == [3]


def test_post_init_runs_after_the_fields_are_set() -> None:
    @fast_frozen_init
    @dataclasses.dataclass(frozen=True)
    class Span:
        start: int
        end: int
        length: int = dataclasses.field(default=0, init=False)

        def __post_init__(self) -> None:
            object.__setattr__(self, "length", self.end - self.start)

    assert Span(3, 10).length == 7


@pytest.mark.parametrize(
    "decorate, message",
    [
        (dataclasses.dataclass, "not a frozen dataclass"),
        (dataclasses.dataclass(frozen=True, slots=True), "has slots"),
        (dataclasses.dataclass(frozen=True, kw_only=True), "keyword-only"),
    ],
)
def test_classes_it_cannot_rebuild_are_refused(decorate: Any, message: str) -> None:
    class Point:
        x: int

    with pytest.raises(TypeError, match=message):
        fast_frozen_init(decorate(Point))


def test_records_of_a_real_document_equal_those_of_the_dataclass_init() -> None:
    """Rebuild every record of a seed through ``object.__setattr__`` (what the dataclass
    ``__init__`` does) and compare: same values, same instance dictionaries."""
    records = [rec for path in sorted(SEEDS.iterdir()) for rec in extract_document(path).records()]
    assert len(records) > 500
    for rec in records:
        slow = object.__new__(type(rec))
        for f in dataclasses.fields(rec):
            object.__setattr__(slow, f.name, getattr(rec, f.name))
        assert slow == rec and vars(slow) == vars(rec)

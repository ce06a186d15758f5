"""Annotation helpers of the probe gold set: P (passage), C (citation), A (assignment).

Why helpers: offsets are never typed by hand. Each spec names a surface (and, when the surface
is not unique, a context string that is unique and contains it once); ``_locate`` finds it,
checks ``text[start:end] == surface`` and the vocabularies, and aborts on any mismatch. The
calls in specs_*.py ARE the annotation decisions.

Used by specs_*.py; run ``python3 tests/gold/probe/tools/build.py``. Not imported by tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TEXTS = HERE / "texts"

KINDS = {"resolution", "decision", "recommendation", "question", "internal"}
KINDS |= {"un_resolution", "non_itu"}
BODIES = {"PP", "WTSA", "WTDC", "Council", "RA", "WRC", "WCIT", "UNGA", "UNSC", "other"}
BODIES |= {"unknown"}
BASES = {"explicit", "this-assembly", "inferred-from-venue", "context", "unknown"}
VERBS = {"instructs", "further instructs", "invites", "encourages", "calls upon", "requests"}
VERBS |= {"resolves", "resolves to instruct", "resolves to invite", "resolves to encourage"}
SOURCES = {"operative", "summary", "reported"}

# Conference labels -> (venue, year), DESIGN §4.
W97, W2000, W03, W07 = ("Geneva", 1997), ("Istanbul", 2000), ("Geneva", 2003), ("Geneva", 2007)
W12, W15, W19, W23 = ("Geneva", 2012), ("Geneva", 2015), ("Sharm el-Sheikh", 2019), ("Dubai", 2023)
B22, D18, BU14 = ("Bucharest", 2022), ("Dubai", 2018), ("Busan", 2014)
K22, BA17, G22, ND24 = (
    ("Kigali", 2022),
    ("Buenos Aires", 2017),
    ("Geneva", 2022),
    ("New Delhi", 2024),
)
INF = "inferred-from-venue"

PASSAGES: list[dict] = []
CIT: list[dict] = []
ASG: list[dict] = []
_cur: dict = {}


def P(pid: str, language: str, cls: str, note: str) -> None:
    """Start a passage: all following C/A specs belong to it."""
    text = (TEXTS / f"{pid}.txt").read_text(encoding="utf-8")
    if not 100 <= len(text) <= 1500:
        sys.exit(f"{pid}: length {len(text)} outside 100-1500")
    _cur.clear()
    _cur.update(id=pid, text=text)
    PASSAGES.append({"id": pid, "language": language, "cls": cls, "text": text, "note": note})


def _locate(surface: str, ctx: str | None) -> tuple[int, int]:
    text, pid = _cur["text"], _cur["id"]
    if ctx is None:
        ctx = surface
    if text.count(ctx) != 1:
        sys.exit(f"{pid}: context {ctx!r} occurs {text.count(ctx)} times (need exactly 1)")
    if ctx.count(surface) != 1:
        sys.exit(f"{pid}: surface {surface!r} occurs {ctx.count(surface)} times in {ctx!r}")
    start = text.index(ctx) + ctx.index(surface)
    end = start + len(surface)
    assert text[start:end] == surface
    if surface != surface.strip():
        sys.exit(f"{pid}: surface {surface!r} has outer whitespace")
    return start, end


def C(
    surface: str,
    number: str,
    body: str,
    vy: tuple[str, int] | None = None,
    *,
    kind: str = "resolution",
    version: str | None = None,
    rev: bool = False,
    year: int | None = None,
    basis: str = "explicit",
    role: str = "citation",
    ctx: str | None = None,
    **extra: object,
) -> None:
    """One citation record (ITU positive or near-miss)."""
    start, end = _locate(surface, ctx)
    if kind not in KINDS or body not in BODIES or basis not in BASES:
        sys.exit(f"{_cur['id']}: bad vocabulary in {surface!r}")
    if version is not None and not rev:
        sys.exit(f"{_cur['id']}: {surface!r} has a version but revised is false")
    venue, yr = vy if vy else (None, year)
    rec = {"type": "citation", "doc": f"{_cur['id']}.txt", "start": start, "end": end}
    rec.update(surface=surface, kind=kind, number=number)
    if version is not None:
        rec["version"] = version
    rec.update(body=body, venue=venue, year=yr, revised=rev, body_basis=basis, role=role)
    rec.update(extra)
    CIT.append(rec)


def _join(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def A(
    surface: str,
    verb: str,
    addressees: list[str],
    *,
    res: str | None = None,
    collab: tuple[str, ...] | list[str] = (),
    src: str = "operative",
    ctx: str | None = None,
    **extra: object,
) -> None:
    """One assignment clause head; ``addressee`` is the text-order join of ``addressees``."""
    start, end = _locate(surface, ctx)
    if verb not in VERBS or src not in SOURCES:
        sys.exit(f"{_cur['id']}: bad vocabulary in {surface!r}")
    rec = {"type": "assignment", "doc": f"{_cur['id']}.txt", "start": start, "end": end}
    rec.update(surface=surface, resolution=res, verb=verb, addressee=_join(addressees))
    rec.update(addressees=list(addressees), collaborators=list(collab), source=src)
    rec.update(extra)
    ASG.append(rec)


def rec_itu_t(surface: str, number: str, **kw: object) -> None:
    C(surface, number, "unknown", kind="recommendation", basis="unknown", sector="ITU-T", **kw)


def rec_itu_r(surface: str, number: str, **kw: object) -> None:
    C(surface, number, "unknown", kind="recommendation", basis="unknown", sector="ITU-R", **kw)


def un(surface: str, number: str, body: str = "UNGA", **kw: object) -> None:
    kw.setdefault("basis", "context")
    C(surface, number, body, kind="un_resolution", **kw)


def other(surface: str, number: str, **kw: object) -> None:
    C(surface, number, "other", kind="non_itu", **kw)

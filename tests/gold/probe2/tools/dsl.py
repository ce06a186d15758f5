"""Annotation helpers of the blind probe2 set: P (passage), C (citation), A (assignment).

Offsets are never typed: each spec names a surface (plus a unique context string, or the index of
the occurrence, when the surface repeats); ``_locate`` finds it with str.find, checks
``text[start:end] == surface`` and the vocabularies, and aborts on any mismatch. The texts are
written here too (one source of truth: the P calls), UTF-8, ``\n`` line ends.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TEXTS = HERE / "texts"

KINDS = {"resolution", "decision", "recommendation", "question", "internal"}
KINDS |= {"un_resolution", "non_itu"}
BODIES = {"PP", "WTSA", "WTDC", "Council", "RA", "WRC", "WCIT", "UNGA", "UNSC", "other", "unknown"}
BASES = {"explicit", "this-assembly", "inferred-from-venue", "context", "unknown"}
VERBS = {"instructs", "further instructs", "invites", "encourages", "calls upon", "requests"}
VERBS |= {"resolves", "resolves to instruct", "resolves to invite", "resolves to encourage"}
SOURCES = {"operative", "summary", "reported"}

# Conference labels -> (venue, year), DESIGN §4.
W97, W2000, W03, W07 = ("Geneva", 1997), ("Istanbul", 2000), ("Geneva", 2003), ("Geneva", 2007)
W12, W15, W19, W23 = ("Geneva", 2012), ("Geneva", 2015), ("Sharm el-Sheikh", 2019), ("Dubai", 2023)
B22, D18, BU14 = ("Bucharest", 2022), ("Dubai", 2018), ("Busan", 2014)
K22, BA17, G22, ND24, BK25 = (
    ("Kigali", 2022),
    ("Buenos Aires", 2017),
    ("Geneva", 2022),
    ("New Delhi", 2024),
    ("Baku", 2025),
)
H16, D12 = ("Hammamet", 2016), ("Dubai", 2012)
INF = "inferred-from-venue"

PASSAGES: list[dict] = []
CIT: list[dict] = []
ASG: list[dict] = []
_cur: dict = {}


def P(pid: str, language: str, cls: str, note: str, text: str) -> None:
    """Start a passage (and write its text file); following C/A specs belong to it."""
    if text.startswith("\n"):
        text = text[1:]
    text = text.rstrip() + "\n"
    if not 100 <= len(text) <= 1500:
        sys.exit(f"{pid}: length {len(text)} outside 100-1500")
    if "\r" in text:
        sys.exit(f"{pid}: carriage return")
    TEXTS.mkdir(parents=True, exist_ok=True)
    (TEXTS / f"{pid}.txt").write_bytes(text.encode("utf-8"))
    back = (TEXTS / f"{pid}.txt").read_text(encoding="utf-8")
    assert back == text
    _cur.clear()
    _cur.update(id=pid, text=back)
    PASSAGES.append({"id": pid, "language": language, "cls": cls, "text": back, "note": note})


def _locate(surface: str, ctx: str | None, nth: int | None) -> tuple[int, int]:
    text, pid = _cur["text"], _cur["id"]
    if surface != surface.strip():
        sys.exit(f"{pid}: surface {surface!r} has outer whitespace")
    if nth is not None:
        starts, i = [], text.find(surface)
        while i != -1:
            starts.append(i)
            i = text.find(surface, i + 1)
        if nth >= len(starts):
            sys.exit(f"{pid}: occurrence {nth} of {surface!r} not found ({len(starts)})")
        start = starts[nth]
    else:
        if ctx is None:
            ctx = surface
        if text.count(ctx) != 1:
            sys.exit(f"{pid}: context {ctx!r} occurs {text.count(ctx)} times (need exactly 1)")
        if ctx.count(surface) != 1:
            sys.exit(f"{pid}: surface {surface!r} occurs {ctx.count(surface)} times in {ctx!r}")
        start = text.find(ctx) + ctx.find(surface)
    end = start + len(surface)
    assert text[start:end] == surface
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
    nth: int | None = None,
    **extra: object,
) -> None:
    """One citation record (ITU positive or near-miss)."""
    start, end = _locate(surface, ctx, nth)
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
    res: str | None,
    body: str | None,
    collab: tuple[str, ...] | list[str] = (),
    src: str = "operative",
    ctx: str | None = None,
    nth: int | None = None,
    **extra: object,
) -> None:
    """One assignment clause head; ``addressee`` is the text-order join of ``addressees``."""
    start, end = _locate(surface, ctx, nth)
    if verb not in VERBS or src not in SOURCES:
        sys.exit(f"{_cur['id']}: bad vocabulary in {surface!r}")
    rec = {"type": "assignment", "doc": f"{_cur['id']}.txt", "start": start, "end": end}
    rec.update(surface=surface, resolution=res, verb=verb, addressee=_join(addressees))
    rec.update(addressees=list(addressees), collaborators=list(collab), source=src)
    if body is not None:
        rec["resolution_body"] = body
    rec.update(extra)
    ASG.append(rec)


def rec_itu(surface: str, number: str, sector: str, **kw: object) -> None:
    """An identified ITU-T/ITU-R Recommendation (in scope, not an ITU work)."""
    C(surface, number, "unknown", kind="recommendation", basis="unknown", sector=sector, **kw)


def un(surface: str, number: str, body: str = "UNGA", **kw: object) -> None:
    kw.setdefault("basis", "context")
    C(surface, number, body, kind="un_resolution", **kw)


def other(surface: str, number: str, **kw: object) -> None:
    C(surface, number, "other", kind="non_itu", **kw)

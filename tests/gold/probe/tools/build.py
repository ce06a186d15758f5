"""Build the probe gold set: run the annotation specs, check them, write the JSONL files.

Why a script: offsets are never typed by hand. Each spec (specs_itu.py, specs_conf.py,
specs_lang.py) names a surface and, when the surface is not unique, a context string that is
unique and contains it once; dsl.py locates it and aborts on any mismatch. This script then
checks that no two records of a kind overlap and that every surface equals its text slice, and
writes passages.jsonl, citations.jsonl and assignments.jsonl next to texts/.

Run: ``python3 tests/gold/probe/tools/build.py``. Not imported by tests.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter

import specs_conf
import specs_itu
import specs_lang
from dsl import ASG, CIT, HERE, PASSAGES, TEXTS


def _check() -> None:
    for rows in (CIT, ASG):
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for r in rows:
            by_doc.setdefault(r["doc"], []).append((r["start"], r["end"]))
        for doc, spans in by_doc.items():
            spans.sort()
            for (s1, e1), (s2, e2) in itertools.pairwise(spans):
                if s2 < e1:
                    sys.exit(f"{doc}: overlapping records {(s1, e1)} and {(s2, e2)}")
    texts = {f"{p['id']}.txt": p["text"] for p in PASSAGES}
    for r in CIT + ASG:
        assert texts[r["doc"]][r["start"] : r["end"]] == r["surface"], r
    for p in PASSAGES:
        raw = (TEXTS / f"{p['id']}.txt").read_bytes().decode("utf-8")
        assert "\r" not in raw and raw == p["text"]


def _write(name: str, rows: list[dict]) -> None:
    rows = sorted(rows, key=lambda r: (r.get("doc", r.get("id")), r.get("start", 0)))
    with (HERE / name).open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _counts() -> None:
    meta = {f"{p['id']}.txt": p for p in PASSAGES}
    print("passages", len(PASSAGES), dict(Counter(p["cls"] for p in PASSAGES)))
    print("languages", dict(Counter(p["language"] for p in PASSAGES)))
    print("citations", len(CIT), dict(Counter(r["kind"] for r in CIT)))
    itu = [r for r in CIT if r["kind"] in {"resolution", "decision"}]
    print("ITU positives", len(itu), "by body", dict(Counter(r["body"] for r in itu)))
    print("ITU positives by language", dict(Counter(meta[r["doc"]]["language"] for r in itu)))
    print("ITU positives by class", dict(Counter(meta[r["doc"]]["cls"] for r in itu)))
    print(
        "revised", sum(r["revised"] for r in itu), "with version", sum("version" in r for r in CIT)
    )
    print("assignments", len(ASG), dict(Counter(r["source"] for r in ASG)))
    print("verbs", dict(Counter(r["verb"] for r in ASG)))
    print("assignments by language", dict(Counter(meta[r["doc"]]["language"] for r in ASG)))
    print("with collaborators", sum(bool(r["collaborators"]) for r in ASG))
    empty = [p["id"] for p in PASSAGES if not any(r["doc"] == f"{p['id']}.txt" for r in CIT + ASG)]
    print("passages without records", empty)


def main() -> None:
    specs_itu.define()
    specs_conf.define()
    specs_lang.define()
    _check()
    _write("passages.jsonl", PASSAGES)
    _write("citations.jsonl", CIT)
    _write("assignments.jsonl", ASG)
    _counts()


if __name__ == "__main__":
    main()

"""Build the blind probe2 gold set: write the texts, run the annotation specs, check, write JSONL.

Run: ``python3 tools/build.py`` (from anywhere). The specs (specs_*.py) are the annotation
decisions; dsl.py locates every surface with str.find and aborts on any mismatch. This script
re-reads every text file with utf-8, checks ``text[start:end] == surface`` for every record, that
no two records of a kind overlap, that every passage has 100-1,500 characters, and prints counts.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import specs_conf  # noqa: E402
import specs_lang  # noqa: E402
import specs_neg  # noqa: E402
import specs_radio  # noqa: E402
from dsl import ASG, CIT, HERE, PASSAGES, TEXTS  # noqa: E402


def _check() -> None:
    ids = [p["id"] for p in PASSAGES]
    assert len(ids) == len(set(ids)), "duplicate passage id"
    for rows in (CIT, ASG):
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for r in rows:
            by_doc.setdefault(r["doc"], []).append((r["start"], r["end"]))
        for doc, spans in by_doc.items():
            spans.sort()
            for (s1, e1), (s2, e2) in itertools.pairwise(spans):
                if s2 < e1:
                    sys.exit(f"{doc}: overlapping records {(s1, e1)} and {(s2, e2)}")
    for r in CIT + ASG:
        text = (TEXTS / r["doc"]).read_text(encoding="utf-8")
        assert text[r["start"] : r["end"]] == r["surface"], r
        if r["type"] == "assignment":
            assert r["addressees"], r
    for p in PASSAGES:
        raw = (TEXTS / f"{p['id']}.txt").read_bytes().decode("utf-8")
        assert "\r" not in raw and raw == p["text"] and 100 <= len(raw) <= 1500
    stray = {f.name for f in TEXTS.glob("*.txt")} - {f"{i}.txt" for i in ids}
    assert not stray, f"text files without a passage: {stray}"


def _write(name: str, rows: list[dict]) -> None:
    rows = sorted(rows, key=lambda r: (r.get("doc", r.get("id")), r.get("start", 0)))
    with (HERE / name).open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _counts() -> None:
    meta = {f"{p['id']}.txt": p for p in PASSAGES}
    print("passages", len(PASSAGES), dict(Counter(p["cls"] for p in PASSAGES)))
    print("languages", dict(Counter(p["language"] for p in PASSAGES)))
    print("lengths min/max", min(len(p["text"]) for p in PASSAGES), max(len(p["text"]) for p in PASSAGES))
    print("citations", len(CIT), dict(Counter(r["kind"] for r in CIT)))
    itu = [r for r in CIT if r["kind"] in {"resolution", "decision"}]
    print("ITU positives", len(itu), "by body", dict(Counter(r["body"] for r in itu)))
    print("ITU positives by language", dict(Counter(meta[r["doc"]]["language"] for r in itu)))
    print("ITU positives by class", dict(Counter(meta[r["doc"]]["cls"] for r in itu)))
    print("revised", sum(r["revised"] for r in itu), "with version", sum("version" in r for r in CIT))
    print("near-misses", sum(r["kind"] in {"un_resolution", "non_itu"} for r in CIT))
    print("assignments", len(ASG), dict(Counter(r["source"] for r in ASG)))
    print("verbs", dict(Counter(r["verb"] for r in ASG)))
    print("passive", sum(r.get("voice") == "passive" for r in ASG))
    print("assignments by language", dict(Counter(meta[r["doc"]]["language"] for r in ASG)))
    print("assignments by class", dict(Counter(meta[r["doc"]]["cls"] for r in ASG)))
    print("with collaborators", sum(bool(r["collaborators"]) for r in ASG))
    print("multi-addressee", sum(len(r["addressees"]) > 1 for r in ASG))
    empty = [p["id"] for p in PASSAGES if not any(r["doc"] == f"{p['id']}.txt" for r in CIT + ASG)]
    print("passages without records", empty)


def main() -> None:
    specs_radio.define()
    specs_conf.define()
    specs_lang.define()
    specs_neg.define()
    _check()
    _write("passages.jsonl", PASSAGES)
    _write("citations.jsonl", CIT)
    _write("assignments.jsonl", ASG)
    _counts()


if __name__ == "__main__":
    main()

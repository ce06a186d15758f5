"""The evaluator (extract/evaluate.py), ``resgraph eval`` and the CI gate on the targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.commands.eval_cmds import run_eval
from extract.evaluate import TARGETS, evaluate, format_report, load_gold

ROOT = Path(__file__).parents[2]
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def corpus_report():
    """One extraction of data/corpus, shared by the gate tests (it takes about a second)."""
    report, failed = run_eval(GOLD, CORPUS)
    return report, failed


def test_gold_against_itself_is_perfect(gold):
    report = evaluate([r for rows in gold.values() for r in rows], GOLD)
    assert report.passed
    assert all(s.f1 == 1.0 for s in report.scores)
    assert report.value("assignment.operative.labels.exact.f1") == 1.0


def test_a_wrong_addressee_and_a_shifted_span_are_counted(gold):
    rows = [dict(r) for r in gold["assignment"] if r["source"] == "operative"]
    rows[0]["addressee"] = "Council"  # right span, wrong label
    rows[1]["end"] -= 1  # boundary error: wrong exactly, right when relaxed
    del rows[2]  # missed
    report = evaluate(rows, GOLD)
    labels = next(s for s in report.scores if s.name == "assignment.operative.labels.exact")
    relaxed = next(s for s in report.scores if s.name == "assignment.operative.labels.relaxed")
    span = next(s for s in report.scores if s.name == "assignment.operative.span.exact")
    n = len(rows) + 1
    assert (labels.tp, labels.fp, labels.fn) == (n - 3, 2, 3)
    assert (relaxed.tp, relaxed.fp, relaxed.fn) == (n - 2, 1, 2)
    assert (span.tp, span.fp, span.fn) == (n - 2, 1, 2)
    assert report.value("assignment.summary.span.exact.recall") == 0.0


def test_citation_fields_are_scored_on_matched_spans(gold):
    rows = [dict(r) for r in gold["citation"]]
    rows[0]["body"] = "unknown" if rows[0]["body"] != "unknown" else "PP"
    report = evaluate(rows, GOLD)
    assert report.value("citation.field.body") == (len(rows) - 1) / len(rows)
    assert report.value("citation.field.number") == 1.0


def test_docs_restrict_both_sides(gold):
    name = gold["assignment"][0]["doc"]
    report = evaluate([], GOLD, docs={name})
    s = next(s for s in report.scores if s.name == "assignment.all.span.exact")
    assert s.fn == sum(r["doc"] == name for r in gold["assignment"])
    assert report.docs == (name,)


def test_report_is_json_and_table(gold):
    report = evaluate(gold["heading"], GOLD)
    data = json.loads(json.dumps(report.to_json()))
    assert {t["metric"] for t in data["targets"]} == set(TARGETS)
    assert "heading.span.exact" in format_report(report)
    with pytest.raises(ValueError, match="known"):
        report.value("no.such.metric")


def test_missing_gold_dir_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"citations\.jsonl"):
        load_gold(tmp_path)


def test_cli_prints_json_and_rejects_bad_dirs(tmp_path):
    runner = CliRunner()
    out = runner.invoke(app, ["eval", "--gold", str(GOLD), "--corpus", str(CORPUS), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["scores"][0]["name"] == "citation.span.exact"
    bad = runner.invoke(app, ["eval", "--gold", str(tmp_path / "none")])
    assert bad.exit_code != 0


def test_check_exits_non_zero_below_the_targets(tmp_path):
    # a gold whose assignment spans are all one character longer: nothing extracted matches
    for name in ("citations.jsonl", "headings.jsonl"):
        (tmp_path / name).write_text((GOLD / name).read_text(encoding="utf-8"), encoding="utf-8")
    rows = [json.loads(x) for x in (GOLD / "assignments.jsonl").read_text("utf-8").splitlines()]
    shifted = [{**r, "end": r["end"] + 1} for r in rows]
    (tmp_path / "assignments.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in shifted), encoding="utf-8"
    )
    args = ["eval", "--gold", str(tmp_path), "--corpus", str(CORPUS), "--check"]
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 1
    assert "FAIL assignment.operative.labels.exact.f1" in out.stdout


def test_no_document_fails(corpus_report):
    _report, failed = corpus_report
    assert failed == []


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_ci_gate_targets_on_the_corpus(corpus_report, metric):
    """The CI gate: extraction of data/corpus must meet every target of the issue."""
    report, _failed = corpus_report
    assert report.value(metric) >= TARGETS[metric], format_report(report)

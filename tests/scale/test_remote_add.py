"""``resgraph add`` and ``build --prune`` on a real Virtuoso: the same contract as on a directory.

Why here too: what a build would drop is read from the server's manifest (graph.build's
``stored_documents``), and ``add`` keeps the documents of a server's generation; neither may
depend on the store being a directory. The test writes under its own base IRI.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.commands import exit_codes
from graph.remote.store import RemoteStore

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))[:3]
BASE = "https://example.org/cli-add/"


def corpus(where: Path, *seeds: Path) -> str:
    where.mkdir(parents=True)
    for p in seeds:
        shutil.copy(p, where / p.name)
    return str(where)


def documents(url: str) -> set[str]:
    with RemoteStore(url, base=BASE) as store:
        return set(store.manifest())


def test_add_and_prune_on_a_sparql_server(virtuoso: str, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("RESGRAPH_BASE", BASE)
    runner = CliRunner()
    first = runner.invoke(app, ["build", corpus(tmp_path / "a", *SEEDS[:2]), "--store", virtuoso])
    assert first.exit_code == 0, first.output
    more = runner.invoke(app, ["add", corpus(tmp_path / "b", SEEDS[2]), "--store", virtuoso])
    assert more.exit_code == 0 and "added 1," in more.output, more.output
    assert documents(virtuoso) == {p.name for p in SEEDS}
    one = corpus(tmp_path / "c", SEEDS[0])
    refused = runner.invoke(app, ["build", one, "--store", virtuoso])
    assert refused.exit_code == exit_codes.REFUSED, refused.output
    assert SEEDS[1].name in refused.stderr and SEEDS[2].name in refused.stderr
    assert documents(virtuoso) == {p.name for p in SEEDS}
    pruned = runner.invoke(app, ["build", one, "--store", virtuoso, "--prune"])
    assert pruned.exit_code == 0 and "removed 2," in pruned.output, pruned.output
    assert documents(virtuoso) == {SEEDS[0].name}

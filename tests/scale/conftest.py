"""Fixtures of the remote-store tests: a real Virtuoso on 127.0.0.1 and the seed corpus in it.

``virtuoso`` starts Debian's OpenLink Virtuoso with the project's own script (``.ci/virtuoso.sh``,
which installs ``virtuoso-opensource`` when run as root with apt) in a temporary directory on
non-default ports, and stops it when the session ends. Without root and without the package the
tests skip, naming the install command (under ``CI=true`` the suite turns that skip into a
failure: CI runs as root and must run them).

``stores`` extracts ``data/corpus`` once and builds the same records into an embedded on-disk
store and into Virtuoso, so every test can ask both the same question.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.corpus import extract_corpus
from extract.models import ExtractionResult
from graph.backend import BuildReport
from graph.build import build_store
from graph.embedded.store import GraphStore
from graph.rdf.document import DocumentInput
from graph.remote.store import RemoteStore
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
SCRIPT = ROOT / ".ci" / "virtuoso.sh"
HTTP_PORT, SQL_PORT = "18897", "11197"
INSTALL = "sudo apt-get install -y virtuoso-opensource"


@dataclass(frozen=True)
class Stores:
    """The seed corpus in both stores, plus what was built."""

    embedded: GraphStore
    remote: RemoteStore
    url: str
    inputs: tuple[DocumentInput, ...]
    embedded_report: BuildReport
    remote_report: BuildReport


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The SPARQL store location ``sparql+http://127.0.0.1:PORT/sparql`` of a fresh Virtuoso."""
    installed = shutil.which("virtuoso-t") is not None
    if not installed and os.geteuid() != 0:
        pytest.skip(f"Virtuoso is not installed and this is not root; install with: {INSTALL}")
    workdir = tmp_path_factory.mktemp("virtuoso")
    env = {**os.environ, "VIRTUOSO_HTTP_PORT": HTTP_PORT, "VIRTUOSO_SQL_PORT": SQL_PORT}
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", str(workdir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if started.returncode == 3:
        pytest.skip(f"Virtuoso is not installed; install with: {INSTALL}")
    assert started.returncode == 0, f"{SCRIPT} start failed:\n{started.stderr}"
    try:
        yield "sparql+" + started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(workdir)], env=env, check=False)


@pytest.fixture(scope="session")
def seed_inputs() -> tuple[DocumentInput, ...]:
    """The records of the seed corpus, extracted once (the real extractor)."""
    results = list(extract_corpus([CORPUS]))
    assert all(isinstance(r, ExtractionResult) for r in results), results
    return tuple(DocumentInput.from_result(r) for r in results)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def stores(
    virtuoso: str, seed_inputs: tuple[DocumentInput, ...], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stores]:
    """The seed corpus built into an embedded store and into Virtuoso (default base IRI)."""
    root = tmp_path_factory.mktemp("embedded") / "store"
    emb_report = build_store(root, inputs=seed_inputs)
    remote_report = build_store(virtuoso, inputs=seed_inputs)
    embedded = open_store(root, read_only=True)
    remote = open_store(virtuoso, read_only=True)
    assert isinstance(remote, RemoteStore)
    yield Stores(embedded, remote, virtuoso, seed_inputs, emb_report, remote_report)
    remote.close()
    embedded.close()

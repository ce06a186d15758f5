"""Issue 16, case 13 (contract): schemathesis with every check over the whole API of a real server.

The run must end with 0 server errors and 0 contract findings: every status a route answers is in
the OpenAPI document with its real body, every parameter's documented schema is what the route
accepts. It is bounded (a fixed seed, a few examples per operation) so that it takes seconds.

One kind of check is configured rather than left at its default, and only where the schema cannot
say everything: ``positive_data_acceptance`` expects a schema-valid request to succeed, but
a schema cannot say which strings are SPARQL (``/sparql`` answers 400 for a malformed query, 403
for an update, 406 for an Accept it cannot serve, 413/422 for sizes), which conferences existed
(``/resolutions``, ``/assignments``: 422 naming the valid ones), that ``from_year`` must not be
after ``to_year`` nor which resolutions a graph holds (``/viz``: 422, 404), or how a path
parameter is percent-decoded (``/id/...``: 400 for a malformed path, 422 for a bad escape).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.bench.api_bench import serving
from graph import build_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = 15
CONFIG = """
[[operations]]
include-path = "/sparql"
checks.positive_data_acceptance.expected-statuses = ["2xx", 400, 403, 404, 406, 413, 422]

[[operations]]
include-path-regex = "^/viz"
checks.positive_data_acceptance.expected-statuses = ["2xx", 404, 422]

[[operations]]
include-path = ["/resolutions", "/assignments"]
checks.positive_data_acceptance.expected-statuses = ["2xx", 404, 422]

[[operations]]
include-path = "/id/{path}"
checks.positive_data_acceptance.expected-statuses = ["2xx", 400, 404, 422]
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("contract") / "store"
    build_store(store, [ROOT / "data" / "corpus"])
    with serving(store, env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.mark.slow
def test_schemathesis_all_checks_find_nothing(base_url: str, tmp_path: Path) -> None:
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG, encoding="utf-8")
    command = [
        *(sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "--no-color"),
        *("run", f"{base_url}/openapi.json", "--checks", "all", "-n", str(EXAMPLES)),
        *("--seed", "16", "--generation-database", "none", "--request-timeout", "30"),
    ]
    run = subprocess.run(
        command, capture_output=True, text=True, timeout=600, cwd=tmp_path, check=False
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert "Failures:" not in output and "Errors:" not in output, output[-6000:]
    assert "Test cases:" in output and "generated" in output, output  # it did run cases
    summary = [line for line in output.splitlines() if line.strip()][-12:]
    print("\ncontract:\n" + "\n".join(summary))

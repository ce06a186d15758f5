"""The lock files agree with pyproject.toml: every dependency pinned, at a version it allows.

Why: the Makefile installs from ``requirements*.lock`` only. A dependency added to (or narrowed
in) pyproject.toml without ``make lock`` would be missing from, or wrong in, every fresh install,
and nothing else would say why; this test names the package and the command that fixes it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(name: str) -> dict[str, Version]:
    """Package -> pinned version, as the lock file ``name`` says."""
    text = (ROOT / name).read_text(encoding="utf-8")
    return {canonicalize_name(m[1]): Version(m[2]) for m in PIN.finditer(text)}


def unpinned(requirements: list[str], lock: dict[str, Version]) -> list[str]:
    problems = []
    for line in requirements:
        req = Requirement(line)
        version = lock.get(canonicalize_name(req.name))
        if version is None:
            problems.append(f"{req.name} is not in the lock")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name}=={version} is outside {req.specifier}")
    return problems


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("requirements.lock", PROJECT["dependencies"]),
        ("requirements-dev.lock", PROJECT["dependencies"]),
        ("requirements-dev.lock", PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_every_dependency_is_pinned_within_its_range(lock: str, requirements: list[str]) -> None:
    problems = unpinned(requirements, pins(lock))
    assert not problems, f"{lock} is stale, run `make lock`: {problems}"


def test_locks_hash_every_pin_and_agree() -> None:
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert len(runtime) > 20 and set(runtime) <= set(dev)
    assert {name: dev[name] for name in runtime} == runtime
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert text.count("--hash=sha256:") >= len(pins(name)), f"{name} lacks hashes"

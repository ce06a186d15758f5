"""The example query library: ``graph/queries/examples/*.rq``, each with a title and a description.

Why files: the same queries fill the SPARQL endpoint's query page, are quoted in the README and run
in the tests against the seed graph, so an example that stops working fails a test instead of
misleading a reader. Each file starts with comment lines ``# title: ...`` and
``# description: ...``. They live in graph/ with the other queries, where the ontology test checks
every term they name; the API only shows them.

Example:
    >>> parse_example("top", "# title: T\\n# description: D\\nASK {}").title
    'T'
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

__all__ = ["Example", "load_examples", "parse_example"]


@dataclass(frozen=True)
class Example:
    """One example query: file stem, title, description and the full text (comments included)."""

    name: str
    title: str
    description: str
    query: str


def parse_example(name: str, text: str) -> Example:
    """Read the ``# title:`` and ``# description:`` header of one ``.rq`` text.

    Raises:
        ValueError: naming the file when its header has no title.
    """
    title = ""
    description: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if body.lower().startswith("title:"):
            title = body[6:].strip()
        elif body.lower().startswith("description:"):
            description.append(body[12:].strip())
        elif description and body:
            description.append(body)
    if not title:
        raise ValueError(f"example query {name}.rq has no '# title:' line")
    return Example(name, title, " ".join(description), text)


def load_examples() -> tuple[Example, ...]:
    """Every packaged example query, sorted by file name.

    Example:
        >>> all(e.query.strip() for e in load_examples())
        True
    """
    root = resources.files("graph.queries.examples")
    found = [
        parse_example(p.name[:-3], p.read_text(encoding="utf-8"))
        for p in root.iterdir()
        if p.name.endswith(".rq")
    ]
    return tuple(sorted(found, key=lambda e: e.name))

"""How many present documents state each shared fact: the bookkeeping of the derived graph.

Why counts: the derived graph holds each fact some present document states about a shared
resource (:mod:`graph.rdf.derived`). Adding a document can only add facts, but removing (or
editing) one must know, for each fact it stated, whether another document states it too. Reading
every document's ``rg:sharedStatements`` text to find out made one added document cost more in a
larger store (20-26 s at 1.9M triples). With a count per fact, a build reads only the changed
documents' texts: a fact enters the derived graph when its count goes 0 -> 1 and leaves it at
1 -> 0. The whole-store facts computed per work (stubs, previous versions, confirmations) are
kept too, so the next build can take back exactly those of the works it touches.

Why a SQLite file beside the database, in the generation directory, and not a named graph: the
counts are bookkeeping, not facts. As quads they would sit in the union default graph every query
and export reads (one per shared fact, a sixth of the store). In the generation directory they
are copied with it and renamed into place with it (:func:`graph.embedded.generations.
new_generation`), so counts and graph never disagree; Oxigraph leaves files it does not know
alone. A store without the file (built before it existed) gets it from its next build, which
recomputes the derived graph once in full.

Facts are keyed by a 16-byte BLAKE2b digest of their N-Triples form as Oxigraph writes it (one
canonical text per triple), which keeps the file at about 30 bytes per fact.

Example:
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / SIDECAR
    >>> with FactCounts(path) as counts:
    ...     k = fact_key("<urn:a> <urn:p> <urn:b> .")
    ...     counts.add({k: 2})[k]
    ...     counts.add({k: -1})[k]
    ...     list(counts.counts([k]).values())
    (0, 2)
    (2, 1)
    [1]
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox

from graph.vocab import RG

__all__ = [
    "SIDECAR",
    "CountsError",
    "FactCounts",
    "LedgerTally",
    "fact_key",
    "lines_with",
    "stored_total",
]

#: File name of the counts in a generation directory.
SIDECAR = "resgraph-fact-counts.sqlite"
#: Version of the file's layout: a file of another version is rebuilt, never read.
LAYOUT = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (fact BLOB PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inferred (work TEXT NOT NULL, fact TEXT NOT NULL,
    PRIMARY KEY (work, fact)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""
_CHUNK = 500  # keys per IN (...) query, below SQLite's limit on parameters


class CountsError(Exception):
    """The counts disagree with the change applied to them (a count would go below zero)."""


def fact_key(ntriple: str) -> bytes:
    """The key of a fact: a digest of its canonical N-Triples text (``str`` of a pyoxigraph
    ``Triple``).

    Example:
        >>> len(fact_key("<urn:a> <urn:p> <urn:b> ."))
        16
    """
    return hashlib.blake2b(ntriple.encode("utf-8"), digest_size=16).digest()


def stored_total(folder: Path) -> int | None:
    """The number of quads the build that wrote the generation in ``folder`` counted, or None
    when it has no counts file (built before it existed).

    Example:
        >>> import tempfile
        >>> stored_total(Path(tempfile.mkdtemp())) is None
        True
    """
    path = folder / SIDECAR
    if not path.is_file():
        return None
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'quads'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return None if row is None else int(row[0])


class FactCounts:
    """The counts file of one generation, open for reading and writing (a context manager;
    what it wrote is committed on a clean exit and rolled back otherwise)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # no journal: the generation directory is renamed into place only after a clean commit,
        # so a build that dies leaves a file nobody reads
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")

    def __enter__(self) -> FactCounts:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
        self.db.close()

    def get(self, name: str) -> str | None:
        """A value of the file's ``meta`` table (layout, digest of the static graphs)."""
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def put(self, name: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def counts(self, keys: Iterable[bytes]) -> dict[bytes, int]:
        """The count of each key that has one (keys never stated are left out)."""
        out: dict[bytes, int] = {}
        keys = list(keys)
        for i in range(0, len(keys), _CHUNK):
            part = keys[i : i + _CHUNK]
            marks = ",".join("?" * len(part))
            sql = f"SELECT fact, n FROM counts WHERE fact IN ({marks})"
            out.update((bytes(k), int(n)) for k, n in self.db.execute(sql, part))
        return out

    def add(self, delta: Mapping[bytes, int]) -> dict[bytes, tuple[int, int]]:
        """Add ``delta`` to the counts: ``key -> (count before, count after)`` of each key.

        Raises:
            CountsError: if a count would go below zero (the file does not match the store).
        """
        before = self.counts(delta)
        change = {k: (before.get(k, 0), before.get(k, 0) + d) for k, d in delta.items() if d}
        bad = [k.hex() for k, (_, n) in change.items() if n < 0]
        if bad:
            raise CountsError(f"{self.path}: {len(bad)} facts would be stated fewer than 0 times")
        self.db.executemany(
            "DELETE FROM counts WHERE fact = ?", [(k,) for k, (_, n) in change.items() if n == 0]
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO counts VALUES (?, ?)",
            [(k, n) for k, (_, n) in change.items() if n > 0],
        )
        return change

    def fill(self, counts: Mapping[bytes, int]) -> None:
        """Write the counts of a file just created (a full computation).

        Why sorted: keys are digests, so in the order given each insert lands on a random page
        of the table's B-tree; in key order they append (2.8 -> 0.3 s for 228k facts).
        """
        self.db.executemany("INSERT INTO counts VALUES (?, ?)", sorted(counts.items()))

    def inferred(self, works: Iterable[str]) -> dict[str, list[str]]:
        """The whole-store facts (N-Triples) recorded for each of ``works``."""
        out: dict[str, list[str]] = {}
        for w in works:
            rows = self.db.execute("SELECT fact FROM inferred WHERE work = ?", (w,))
            out[w] = [str(r[0]) for r in rows]
        return out

    def set_inferred(self, facts: Mapping[str, Iterable[str]]) -> None:
        """Record the whole-store facts of each work of ``facts`` (replacing what it had)."""
        self.db.executemany("DELETE FROM inferred WHERE work = ?", [(w,) for w in facts])
        self.db.executemany(
            "INSERT OR IGNORE INTO inferred VALUES (?, ?)",
            sorted((w, f) for w, fs in facts.items() for f in fs),
        )


_SHARED = str(RG.sharedStatements)
_LEDGER_MARK = f' <{_SHARED}> "'.encode()


def lines_with(data: bytes, marks: Iterable[bytes]) -> list[bytes]:
    r"""The lines of N-Quads ``data`` (one quad per line) that contain one of ``marks``, each with
    its newline: what a build reads of a document's quads without parsing all of them.

    Example:
        >>> lines_with(b"<a> <p> <b> .\n<a> <q> <c> .\n", [b" <q> "])
        [b'<a> <q> <c> .\n']
    """
    found: list[bytes] = []
    for mark in marks:
        at = data.find(mark)
        while at >= 0:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            found.append(data[start:end])
            at = data.find(mark, end)
    return found


class LedgerTally:
    """The shared-statement texts (``rg:sharedStatements``) of the documents a build loads,
    counted line by line as they pass.

    Why: a full computation of the derived graph needs, per fact, how many documents state it.
    Reading every document's text back out of the store and parsing each of its facts into a
    canonical string took 5 s of a 1.9M-triple build (434k facts stated, 228k distinct). The
    builder holds each document's N-Quads when it loads them, and one serializer writes the
    texts, so a fact two documents state is the same line in both: lines are counted as they
    pass, and only the distinct ones are parsed into canonical facts, once (:meth:`stated`).

    Example:
        >>> tally = LedgerTally()
        >>> text = ox.Literal('<urn:a> <urn:p> "x" .\\n<urn:a> <urn:p> "y" .\\n')
        >>> q = ox.Quad(ox.NamedNode("urn:d"), ox.NamedNode(RG.sharedStatements), text,
        ...     ox.NamedNode("urn:g"))
        >>> tally.add(ox.NamedNode("urn:g"), f"{q} .\\n".encode())
        >>> tally.add(ox.NamedNode("urn:h"), f"{q} .\\n".encode())
        >>> sorted(tally.stated().items())
        [('<urn:a> <urn:p> "x"', 2), ('<urn:a> <urn:p> "y"', 2)]
    """

    def __init__(self) -> None:
        self.lines: Counter[str] = Counter()
        self.graphs: set[ox.NamedNode] = set()
        #: False once a graph it counted was removed again: its counts no longer hold
        self.valid = True

    def add(self, graph: ox.NamedNode, nquads: bytes) -> None:
        """Count the lines of the shared-statement texts of one document's graph ``graph``,
        given as the N-Quads loaded into it (one quad per line; literals escape newlines)."""
        if graph in self.graphs:
            self.valid = False  # loaded twice in one build: keep no count of it
        self.graphs.add(graph)
        found = lines_with(nquads, (_LEDGER_MARK,))
        if not found:
            return
        for q in ox.parse(b"".join(found), format=ox.RdfFormat.N_QUADS, lenient=True):
            if q.predicate.value == _SHARED and isinstance(q.object, ox.Literal):
                self.lines.update(set(q.object.value.splitlines()))

    def removed(self, graph: ox.NamedNode) -> None:
        """Note that ``graph`` is removed from the store: if it was counted, the tally is void."""
        if graph in self.graphs:
            self.valid = False

    def stated(self) -> Counter[str] | None:
        """Canonical fact (``str`` of a pyoxigraph ``Triple``) -> texts stating it; None when
        the tally is void or two distinct lines are one fact (then only a per-text reading
        counts right)."""
        if not self.valid:
            return None
        lines = [line for line in self.lines if line]
        parsed = ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        facts = [str(t) for t in parsed]
        if len(facts) != len(lines) or len(set(facts)) != len(facts):
            return None
        return Counter({f: self.lines[line] for f, line in zip(facts, lines, strict=True)})

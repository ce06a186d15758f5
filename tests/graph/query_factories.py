"""Stores for the query tests: small ones from hand-written records, and the extracted corpus.

Why: the seed corpus answers the acceptance questions, but diffs between two texted versions,
cycles, depth limits and organ filters need a graph whose every edge the test knows. Records go
through ``graph.build.build_store`` exactly as extractor output would, so the tests exercise the
real vocabulary and shape, not a copy of it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from extract.gazetteer import load_gazetteer
from extract.models import Assignment, Citation, Heading, VersionRef
from graph.build import build_store
from graph.embedded.store import GraphStore
from graph.rdf.document import DocumentInput
from graph.rdf.records import Record
from graph.store import current_generation, open_store

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def venue(organ: str, year: int) -> str:
    """The venue of ``organ``'s conference of ``year``, from the gazetteer (one source of truth)."""
    return next(c.venue for c in load_gazetteer().of_organ(organ) if c.year == year)


class Doc:
    """Records of one document with running offsets, written in reading order."""

    def __init__(self, name: str, conference: tuple[str, int] | None = None) -> None:
        self.name = name
        self.pos = 0
        self.records: list[Record] = []
        self.conference = VersionRef(venue(*conference), conference[1]) if conference else None

    def _span(self, surface: str) -> tuple[int, int]:
        start = self.pos
        self.pos += len(surface) + 3
        return start, start + len(surface)

    def heading(
        self,
        organ: str,
        number: str,
        year: int,
        title: str = "A resolution",
        history: Sequence[int] = (),
        status: str = "Rev",
    ) -> Doc:
        where = venue(organ, year)
        surface = f"RESOLUTION {number} (Rev. {where}, {year})"
        start, end = self._span(surface)
        hist = tuple(VersionRef(venue(organ, y), y) for y in (*history, year)) if history else None
        self.records.append(
            Heading(
                doc=self.name,
                start=start,
                end=end,
                surface=surface,
                number=number,
                body=organ,
                title=title,
                version_venue=where,
                version_year=year,
                status=status,
                history=hist,
                title_lang="en",
            )  # type: ignore[arg-type]
        )
        return self

    def noc(self, organ: str, number: str) -> Doc:
        """A results-table entry "Resolution N ... NOC" of the document's conference (give the
        Doc a ``conference``): the conference left the resolution unchanged."""
        surface = f"RESOLUTION {number} NOC"
        start, end = self._span(surface)
        self.records.append(
            Heading(
                doc=self.name,
                start=start,
                end=end,
                surface=surface,
                number=number,
                body=organ,
                title=None,
                version_venue=None,
                version_year=None,
                status="NOC",
                history=None,
                section="Table 1",
            )  # type: ignore[arg-type]
        )
        return self

    def cite(
        self,
        host: str,
        organ: str,
        number: str,
        year: int | None = None,
        section: str = "recalling",
        paragraph: str = "a)",
        proposal: str | None = None,
    ) -> Doc:
        place = venue(organ, year) if year else None
        surface = f"Resolution {number}" + (f" (Rev. {place}, {year})" if year else "")
        start, end = self._span(surface)
        self.records.append(
            Citation(
                doc=self.name,
                start=start,
                end=end,
                surface=surface,
                kind="resolution",
                number=number,
                body=organ,
                venue=place,
                year=year,
                revised=bool(year),
                body_basis="explicit",
                section=section,
                paragraph=paragraph,
                host=host,
                proposal=proposal,
            )
        )
        return self

    def assign(
        self, host: str, verb: str, to: Sequence[str], with_: Sequence[str] = (), text: str = ""
    ) -> Doc:
        surface = f"{verb} {' and '.join(to)}" + (f" {text}" if text else "")
        start, end = self._span(surface)
        self.records.append(
            Assignment(
                doc=self.name,
                start=start,
                end=end,
                surface=surface,
                resolution=host,
                verb=verb,
                addressee=" and ".join(to),
                addressees=tuple(to),
                collaborators=tuple(with_),
                section=verb,
                paragraph="1",
            )
        )
        return self

    def input(self) -> DocumentInput:
        digest = hashlib.sha256(repr(self.records).encode()).hexdigest()
        return DocumentInput(
            name=self.name,
            sha256=digest,
            records=tuple(self.records),
            conference=self.conference,
        )


def build(root: Path, docs: Sequence[Doc]) -> GraphStore:
    """Build a store from the documents under ``root`` and open it read-only."""
    build_store(root, inputs=[d.input() for d in docs])
    return open_store(root, read_only=True)


def corpus_store(base: Path) -> GraphStore:
    """The seed corpus extracted by the real pipeline and built into ``base/corpus-store``.

    Why beside ``seed_store`` (built from gold records): the acceptance questions of the issue are
    asked of the store that ``resgraph build data/corpus`` makes. Built once per test session
    (the directory is reused when it already holds a store).
    """
    root = base / "corpus-store"
    if current_generation(root) is None:
        report = build_store(root, paths=[CORPUS])
        assert not report.failed, report.failed
    return open_store(root, read_only=True)

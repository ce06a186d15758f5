"""A deterministic synthetic corpus of ITU resolutions, for benchmarks at the scale of ~1M triples.

Why synthetic: the five seed documents make a graph of ~10k triples, too small to tell whether the
queries scale; the real ITU corpus is thousands of resolutions across organs, each revised at
several conferences, citing each other with a skewed popularity (a few PP resolutions are cited by
hundreds). This module fabricates that shape as *extraction records* (headings, citations,
assignments — the dataclasses of ``extract.models``) grouped into one synthetic document per
conference, so the graph is built by the very build code path (``graph.build.build_store``) and
has exactly the vocabulary and shape of a real build.

Shape, all driven by one seeded ``random.Random``:

- works spread over PP, WTSA, WTDC, RA, WRC and Council, each created at some conference of its
  organ and revised (or not) at later ones; a share of versions have no text (stubs named in
  history lines), as in the real corpus where old texts are missing;
- every texted version cites 0.5-1.5x ``citations`` other resolutions — half of its own organ,
  a third of the Plenipotentiary, the rest of any organ — picked by preferential attachment
  (popular works get more popular), mostly the latest version adopted before the
  citing conference, sometimes an older one (so ``outdated`` finds some) or the bare work;
- every texted version gives ``assignments`` clauses to its sector's bureau, advisory group or
  study groups, with collaborators from the other bureaux.

Example:
    >>> docs = synthetic_inputs(SynthSpec(works=40, seed=1))
    >>> len(docs) > 3 and all(d.records for d in docs)
    True
    >>> synthetic_inputs(SynthSpec(works=40, seed=1)) == docs
    True
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extract import Assignment, Citation, Heading, VersionRef, load_gazetteer
from graph.rdf.document import DocumentInput
from graph.rdf.records import Record

__all__ = ["SynthSpec", "build_synthetic_store", "synthetic_inputs"]

_ORGAN_SHARE = {"PP": 0.14, "WTSA": 0.14, "WTDC": 0.12, "RA": 0.08, "WRC": 0.2, "Council": 0.32}
_COUNCIL_YEARS = tuple(range(1998, 2025, 2))
_SECTOR_ACTORS = {
    "WTSA": ("TSB", "TSAG", "ITU-T study groups", "ITU-T SG17", "ITU-T SG5", "ITU-T SG13"),
    "WTDC": ("BDT", "TDAG", "ITU-D study groups", "ITU-D SG1", "ITU-D SG2"),
    "RA": ("BR", "RAG", "ITU-R study groups", "ITU-R SG5"),
    "WRC": ("BR", "RAG", "ITU-R SG1", "ITU-R SG4"),
    "PP": ("SG", "Council", "TSB", "BDT", "BR", "Member States"),
    "Council": ("SG", "Council", "Member States", "TSB", "BDT", "BR"),
}
_BUREAUX = ("TSB", "BDT", "BR")
_PREAMBLE = ("recalling", "considering", "recognizing", "noting", "bearing in mind")
_OPERATIVE = ("resolves", "instructs", "invites", "encourages")
_VERBS = ("instructs", "invites", "encourages", "requests", "further instructs")
_WORDS = [
    "standardization",
    "gap",
    "developing",
    "countries",
    "cybersecurity",
    "spam",
    "accessibility",
    "emergency",
    "telecommunications",
    "internet",
    "resources",
    "conformance",
    "interoperability",
    "e-health",
    "e-waste",
    "climate",
    "change",
    "environment",
    "spectrum",
    "satellite",
    "orbit",
    "broadcasting",
    "numbering",
    "roaming",
    "capacity",
    "building",
    "gender",
    "equality",
    "youth",
    "smart",
    "cities",
    "internet",
    "of",
    "things",
    "artificial",
    "intelligence",
    "quality",
    "of",
    "service",
    "counterfeit",
    "devices",
    "consumer",
    "protection",
    "financial",
    "inclusion",
    "regional",
    "groups",
    "study",
    "group",
    "mandates",
    "coordination",
    "cooperation",
]


@dataclass(frozen=True)
class SynthSpec:
    """Size and seed of a synthetic corpus.

    ``works=3000`` with the defaults gives about one million triples.

    Attributes:
        works: number of resolutions (works) over all organs.
        citations: mean citations per texted version.
        assignments: mean assignment clauses per texted version.
        text_share: share of latest versions whose text is in the corpus (older versions have
            text six times less often, as in a corpus of current texts plus a few old ones).
        outdated_share: share of dated citations naming an older version than the latest.
        seed: the random seed; the same spec always gives the same corpus.
    """

    works: int = 3000
    citations: int = 6
    assignments: int = 2
    text_share: float = 0.85
    outdated_share: float = 0.1
    seed: int = 20221


@dataclass
class _Work:
    organ: str
    number: str
    title: str
    versions: list[tuple[int, str]]  # (year, venue), oldest first
    texted: set[int]


def _conferences(organ: str) -> list[tuple[int, str]]:
    if organ == "Council":
        return [(y, "Geneva") for y in _COUNCIL_YEARS]
    return [(c.year, c.venue) for c in load_gazetteer().of_organ(organ) if c.year <= 2024]


def _works(spec: SynthSpec, rng: random.Random) -> list[_Work]:
    works: list[_Work] = []
    for organ, share in _ORGAN_SHARE.items():
        confs = _conferences(organ)
        first = 1000 if organ == "Council" else 1
        for i in range(max(1, round(spec.works * share))):
            start = rng.randrange(len(confs))
            chosen = [confs[start]]
            for conf in confs[start + 1 :]:
                if rng.random() < 0.55:
                    chosen.append(conf)
            latest = chosen[-1][0]
            texted = {
                y
                for y, _ in chosen
                if rng.random() < (spec.text_share if y == latest else spec.text_share / 6)
            }
            title = " ".join(rng.sample(_WORDS, rng.randint(3, 7))).capitalize()
            works.append(_Work(organ, str(first + i), title, chosen, texted))
    return works


class _Doc:
    """Records of one synthetic document, with running offsets."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.pos = 0
        self.records: list[Record] = []

    def span(self, surface: str) -> tuple[int, int]:
        start = self.pos
        self.pos += len(surface) + 7
        return start, start + len(surface)


def _latest_before(work: _Work, year: int) -> tuple[int, str] | None:
    years = [y for y, _ in work.versions]
    k = bisect_left(years, year)
    return work.versions[k - 1] if k > 0 else None


def _cite(
    doc: _Doc,
    rng: random.Random,
    spec: SynthSpec,
    target: _Work,
    host: str,
    year: int,
    section: str,
    label: str,
) -> None:
    before = [v for v in target.versions if v[0] < year]
    if not before or rng.random() < 0.15:
        venue, cyear, surface = None, None, f"Resolution {target.number}"
    else:
        pick = before[-1]
        if len(before) > 1 and rng.random() < spec.outdated_share:
            pick = before[rng.randrange(len(before) - 1)]
        cyear, venue = pick
        surface = f"Resolution {target.number} (Rev. {venue}, {cyear})"
    if target.organ == "Council":
        surface += " of the Council"
    start, end = doc.span(surface)
    doc.records.append(
        Citation(
            doc=doc.name,
            start=start,
            end=end,
            surface=surface,
            kind="resolution",
            number=target.number,
            body=target.organ,
            venue=venue,
            year=cyear,
            revised=cyear is not None,
            body_basis="explicit",
            section=section,
            paragraph=label,
            host=host,
        )
    )


def _assign(doc: _Doc, rng: random.Random, organ: str, host: str, label: str) -> None:
    to = rng.choice(_SECTOR_ACTORS[organ])
    verb = rng.choice(_VERBS)
    others = [b for b in _BUREAUX if b != to]
    collab = tuple(sorted(rng.sample(others, rng.randint(1, 2)))) if rng.random() < 0.4 else ()
    surface = f"{verb} {to}" + (f", in collaboration with {' and '.join(collab)}" if collab else "")
    start, end = doc.span(surface)
    doc.records.append(
        Assignment(
            doc=doc.name,
            start=start,
            end=end,
            surface=surface,
            resolution=host,
            verb=verb,
            addressee=to,
            addressees=(to,),
            collaborators=collab,
            section=verb,
            paragraph=label,
        )
    )


def _target_organ(rng: random.Random, organ: str) -> str:
    """Whose resolution a text cites: mostly its own organ's or the Plenipotentiary's."""
    roll = rng.random()
    if roll < 0.5:
        return organ
    if roll < 0.8:
        return "PP"
    return rng.choice(tuple(_ORGAN_SHARE))


def synthetic_inputs(spec: SynthSpec = SynthSpec()) -> list[DocumentInput]:
    """The synthetic corpus as build inputs: one document per conference, records in order.

    Example:
        >>> [d.name for d in synthetic_inputs(SynthSpec(works=30))][:1]
        ['synth-council-2002.txt']
    """
    rng = random.Random(spec.seed)
    works = _works(spec, rng)
    # One entry per citation received, per organ: preferential attachment in O(1).
    pools: dict[str, list[int]] = {o: [] for o in _ORGAN_SHARE}
    by_organ: dict[str, list[int]] = {o: [] for o in _ORGAN_SHARE}
    for k, w in enumerate(works):
        by_organ[w.organ].append(k)
    docs: dict[tuple[str, int], _Doc] = {}
    events = sorted(
        ((y, v, w) for w in works for y, v in w.versions if y in w.texted),
        key=lambda e: (e[0], e[2].organ, int(e[2].number)),
    )
    for year, venue, work in events:
        key = (work.organ, year)
        doc = docs.setdefault(key, _Doc(f"synth-{work.organ.lower()}-{year}.txt"))
        history = tuple(VersionRef(v, y) for y, v in work.versions if y <= year)
        status: Literal["New", "Rev"] = "New" if history[0].year == year else "Rev"
        surface = f"RESOLUTION {work.number} ({'Rev. ' if status == 'Rev' else ''}{venue}, {year})"
        start, end = doc.span(surface)
        doc.records.append(
            Heading(
                doc=doc.name,
                start=start,
                end=end,
                surface=surface,
                number=work.number,
                body=work.organ,
                title=work.title,
                version_venue=venue,
                version_year=year,
                status=status,
                history=history if len(history) > 1 else None,
                title_lang="en",
            )
        )
        n_cites = rng.randint(spec.citations // 2, spec.citations * 3 // 2)
        for i in range(n_cites):
            organ = _target_organ(rng, work.organ)
            pool = pools[organ]
            k = rng.choice(pool) if pool and rng.random() < 0.7 else rng.choice(by_organ[organ])
            target = works[k]
            if target is work:
                continue
            pool.append(k)
            section = rng.choice(_PREAMBLE if i % 3 else _OPERATIVE)
            _cite(doc, rng, spec, target, work.number, year, section, f"{chr(97 + i % 26)})")
        for i in range(rng.randint(max(0, spec.assignments - 2), spec.assignments + 2)):
            _assign(doc, rng, work.organ, work.number, str(i + 1))
    return [
        DocumentInput(
            name=d.name,
            sha256=hashlib.sha256(f"{spec}|{d.name}".encode()).hexdigest(),
            records=tuple(d.records),
            text_length=d.pos,
        )
        for d in sorted(docs.values(), key=lambda d: d.name)
    ]


def build_synthetic_store(root: str | Path, spec: SynthSpec = SynthSpec()) -> Path:
    """Build (once) the store of a synthetic corpus under ``root`` and return its directory.

    The directory name carries a hash of the spec, so a second call with the same spec reuses
    the store instead of rebuilding it.

    Example:
        >>> import tempfile
        >>> path = build_synthetic_store(tempfile.mkdtemp(), SynthSpec(works=20))
        >>> path.name.startswith("synth-")
        True
    """
    from graph.build import build_store
    from graph.store import current_generation

    key = hashlib.sha256(repr(spec).encode()).hexdigest()[:12]
    path = Path(root) / f"synth-{key}"
    if current_generation(path) is None:
        build_store(path, inputs=synthetic_inputs(spec))
    return path

"""Short ids <-> IRIs for the query functions, with existence checks and "did you mean".

Why one module: every query takes ``wtsa/44`` or ``wtsa/44/2022`` from a user, must turn it into
the IRI that graph/mint.py minted, must say clearly when the store holds no such thing (with
close matches), and must print the IRIs it finds back as short ids. Organ, number and year are
read from the IRI itself (mint.py guarantees the layout), so a query never needs extra triples
for them.

Example:
    >>> Ref.parse("wtsa/44/2022").iri.endswith("/id/resolution/wtsa/44/2022")
    True
    >>> short("https://w3id.org/resgraph/id/decision/pp/12")
    'decision/pp/12'
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract import load_gazetteer
from graph.backend import Queryable
from graph.mint import DEFAULT_BASE, organ_code, parse_iri, parse_short_id, version_iri, work_iri
from graph.queries import select_text
from graph.results import ResolutionNotFound

__all__ = [
    "Ref",
    "TitlePicker",
    "base_of",
    "conference_id",
    "conference_label",
    "conference_when",
    "ensure_exists",
    "held_before",
    "known_ids",
    "parts",
    "short",
    "status_code",
    "suggest",
    "work_of",
]


@dataclass(frozen=True)
class Ref:
    """A parsed short id: the work or version it names and its IRI."""

    organ: str
    number: str
    year: int | None
    iri: str

    @property
    def is_version(self) -> bool:
        """True for ``organ/number/year``."""
        return self.year is not None

    @property
    def work(self) -> str:
        """The IRI of the work (itself, for a work id)."""
        return str(work_iri(self.organ, self.number, base=self.base))

    @property
    def base(self) -> str:
        return self.iri.split("id/resolution/")[0]

    @property
    def id(self) -> str:
        """The canonical short id."""
        return short(self.iri, self.base)

    @classmethod
    def parse(cls, ident: str, base: str = DEFAULT_BASE) -> Ref:
        """Parse ``organ/number[/year]``.

        Raises:
            ValueError: for a malformed id or unknown organ (with the expected shape).
        """
        organ, number, year = parse_short_id(ident)
        iri = (
            version_iri(organ, number, year, base=base)
            if year
            else work_iri(organ, number, base=base)
        )
        return cls(organ, number, year, str(iri))


def base_of(store: Queryable, base: str | None = None) -> str:
    """The base IRI to use: the one given, else the store's.

    Example:
        >>> import pyoxigraph
        >>> from graph.store import as_store
        >>> base_of(as_store(pyoxigraph.Store())), base_of(as_store(pyoxigraph.Store()), "urn:x/")
        ('https://w3id.org/resgraph/', 'urn:x/')
    """
    return base or store.base


def short(iri: str, base: str = DEFAULT_BASE) -> str:
    """Short id of an instrument IRI: ``wtsa/44/2022`` for resolutions, ``decision/pp/12`` for
    other kinds; anything else is returned unchanged.

    Example:
        >>> short("https://w3id.org/resgraph/id/resolution/pp/123")
        'pp/123'
    """
    try:
        kind, rest = parse_iri(iri, base)
    except ValueError:
        return iri
    path = "/".join(rest)
    return path if kind == "resolution" else f"{kind}/{path}"


@lru_cache(maxsize=1 << 18)
def parts(iri: str, base: str = DEFAULT_BASE) -> tuple[str, str, int | None]:
    """(organ code, number, year or None) of an instrument IRI; ``("", iri, None)`` otherwise.

    Cached: the query functions read every IRI of a large answer through it (the parse was
    a third of a million-triple ``outdated``).

    Example:
        >>> parts("https://w3id.org/resgraph/id/resolution/council/1353/2019")
        ('Council', '1353', 2019)
    """
    try:
        _kind, rest = parse_iri(iri, base)
        organ = organ_code(rest[0])
    except (ValueError, IndexError):
        return "", iri, None
    year = int(rest[-1]) if len(rest) >= 3 and rest[-1].isdigit() and len(rest[-1]) == 4 else None
    number = "/".join(rest[1:-1] if year is not None else rest[1:])
    return organ, number, year


def work_of(iri: str, base: str = DEFAULT_BASE) -> str:
    """The work IRI of a version IRI (a work IRI is returned as is).

    Example:
        >>> work_of("https://w3id.org/resgraph/id/resolution/pp/123/2018")
        'https://w3id.org/resgraph/id/resolution/pp/123'
    """
    _organ, _number, year = parts(iri, base)
    return iri.rsplit("/", 1)[0] if year is not None else iri


def conference_id(iri: str | None) -> str | None:
    """``wtsa-2022`` for a conference IRI (None passes through).

    Example:
        >>> conference_id("https://w3id.org/resgraph/id/conference/wtsa-2022")
        'wtsa-2022'
    """
    return None if not iri else iri.rstrip("/").rsplit("/", 1)[1]


def conference_label(conf_id: str | None) -> str | None:
    """The usual label of a conference (``WTSA-20``) from the gazetteer, or None if unknown.

    Example:
        >>> conference_label("wtsa-2022"), conference_label("council-2019")
        ('WTSA-20', None)
    """
    if not conf_id:
        return None
    try:
        return load_gazetteer().by_id(conf_id).label
    except ValueError:
        return None


@cache
def conference_when(conf_id: str) -> tuple[int, str | None]:
    """(year, start date ``YYYY-MM-DD`` or None) of a conference id (``wtsa-2022``).

    Why: two conferences of one year (WTSA-20 met in March 2022, PP-22 from September; RA-19 the
    week before WRC-19) are ordered only when the gazetteer dates both. The date is the
    conference's ``start`` in the gazetteer; a conference known only by year (e.g. a Council
    session described by a text) has none.

    Example:
        >>> conference_when("wtsa-2022"), conference_when("council-2019")
        ((2022, '2022-03-01'), (2019, None))
    """
    year = int(conf_id.rsplit("-", 1)[1])
    try:
        conf = load_gazetteer().by_id(conf_id)
    except ValueError:
        return year, None
    start = conf.start
    return year, start if start and re.match(r"^\d{4}-\d{2}-\d{2}$", start) else None


def held_before(a: str, b: str) -> bool:
    """True when conference ``a`` certainly met before conference ``b`` (ids ``pp-2018``).

    Different years compare by year; the same year only when the gazetteer dates both (else
    neither is before the other).

    Example:
        >>> held_before("pp-2014", "wtsa-2016"), held_before("wtsa-2016", "wtsa-2016")
        (True, False)
        >>> held_before("wtsa-2022", "pp-2022"), held_before("ra-2019", "wrc-2019")
        (True, True)
    """
    (ya, da), (yb, db) = conference_when(a), conference_when(b)
    if ya != yb:
        return ya < yb
    return da is not None and db is not None and da < db


def status_code(iri: str | None) -> str | None:
    """``Rev`` for ``rg:StatusRev`` (the record-contract value); None passes through.

    Example:
        >>> status_code("https://w3id.org/resgraph/ontology#StatusNOC")
        'NOC'
    """
    if not iri:
        return None
    local = iri.rsplit("#", 1)[-1]
    return local[len("Status") :] if local.startswith("Status") else local


def _title_rank(title: str) -> tuple[bool, str]:
    """Sort key of a candidate title: capitalised first, then alphabetical."""
    return (title[:1].islower(), title)


class TitlePicker:
    """Collects language-tagged titles and gives the preferred one (English, else any).

    Example:
        >>> t = TitlePicker()
        >>> t.add("网络安全", "zh"); t.add("Cybersecurity", "en")
        >>> t.best(), t.by_lang()
        ('Cybersecurity', {'en': 'Cybersecurity', 'zh': '网络安全'})
    """

    def __init__(self) -> None:
        self._titles: dict[str, str] = {}

    def add(self, title: str | None, lang: str | None) -> None:
        """Keep one title per language, whatever order the engine returns rows in.

        A title as set in a heading ("Bridging the ...") beats one lifted from running text
        ("on bridging the ..."); among equals the smallest string wins, so the embedded store
        and a remote server give the same answer.
        """
        if not title:
            return
        key = lang or ""
        old = self._titles.get(key)
        if old is None or _title_rank(title) < _title_rank(old):
            self._titles[key] = title

    def best(self) -> str | None:
        """English if present, then untagged, then the first language alphabetically."""
        for key in ("en", ""):
            if key in self._titles:
                return self._titles[key]
        return self._titles[min(self._titles)] if self._titles else None

    def by_lang(self) -> dict[str, str]:
        """Titles keyed by language tag (sorted)."""
        return dict(sorted(self._titles.items()))


_KNOWN = """
PREFIX rg: <https://w3id.org/resgraph/ontology#>
SELECT DISTINCT ?x WHERE { { ?x rg:versionOf ?w } UNION { ?x rg:number ?n } }
"""


def known_ids(store: Queryable, base: str = DEFAULT_BASE) -> list[str]:
    """Short ids of every work and version in the store (for suggestions)."""
    return sorted({short(r["x"], base) for r in select_text(store, _KNOWN) if "x" in r})


def _exists(store: Queryable, iri: str) -> bool:
    text = (
        "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"
        f"SELECT ?w ?v WHERE {{ {{ <{iri}> rg:versionOf ?w }}"
        f" UNION {{ <{iri}> rg:number ?v }} }} LIMIT 1"
    )
    return bool(select_text(store, text))


def suggest(
    store: Queryable, ident: str, limit: int = 5, base: str = DEFAULT_BASE
) -> tuple[str, ...]:
    """Close existing short ids for ``ident``: same organ and number first, then similar text.

    Example:
        >>> import pyoxigraph
        >>> from graph.store import as_store
        >>> suggest(as_store(pyoxigraph.Store()), "wtsa/44")
        ()
    """
    known = known_ids(store, base)
    wanted = ident.strip().casefold()
    head = "/".join(wanted.split("/")[:2])
    same = [k for k in known if k == head or k.startswith(head + "/")]
    close = difflib.get_close_matches(wanted, known, n=limit, cutoff=0.6)
    out: list[str] = []
    for k in [*same, *close]:
        if k not in out and k != wanted:
            out.append(k)
    return tuple(out[:limit])


def ensure_exists(store: Queryable, ident: str, base: str = DEFAULT_BASE) -> Ref:
    """Parse ``ident`` and check the store knows it.

    Raises:
        ValueError: for a malformed id.
        ResolutionNotFound: when the store has no such work or version (with suggestions).
    """
    ref = Ref.parse(ident, base)
    if not _exists(store, ref.iri):
        raise ResolutionNotFound(ident, suggest(store, ident, base=base))
    return ref

"""Synthetic ITU-like resolutions for benchmarks: varied templates, deterministic, any size.

Why: throughput must be measured on tens of megabytes, and the seeds are five small files that
must not be copied (a benchmark on repeated text flatters every cache). The generator composes
documents from templates of the genre — heading with version and history, the assembly line,
preambular sections with lettered paragraphs, operative sections with numbered items, in English
or Chinese — and draws citations in the forms ITU texts use (with organ phrases, tracked-change
residue, coordinated numbers, Questions, Recommendations, internal references) at about the
density of real resolutions. Conferences come from the gazetteer. Each document also returns the
citations it planted (:class:`Planted`), so tests can check recall on text the rules never saw.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.gazetteer import Conference, load_gazetteer

__all__ = ["Planted", "SyntheticDoc", "generate_corpus", "generate_document"]

_HAN = re.compile(r"[\u4e00-\u9fff]")  # Chinese venue spellings ("迪拜"), not "Dubái"
_ORGAN_PHRASE = {
    "PP": ["of the Plenipotentiary Conference", "of the Plenipotentiary Conference of ITU"],
    "WTDC": [
        "of the World Telecommunication Development Conference (WTDC)",
        "of the World Telecommunication Development Conference",
        "of WTDC",
    ],
    "WTSA": ["of the World Telecommunication Standardization Assembly", "of this assembly"],
    "RA": ["of the Radiocommunication Assembly"],
    "WRC": ["of the World Radiocommunication Conference"],
}
_ZH_ORGAN = {"PP": "全权代表大会", "WTDC": "世界电信发展大会", "WTSA": "本全会"}
_PREAMBLE = ["recalling", "considering", "recognizing", "noting", "bearing in mind", "aware"]
_OPERATIVE = [
    "resolves",
    "instructs the Director of the Telecommunication Standardization Bureau",
    "invites Member States",
    "encourages Sector Members",
    "requests the Secretary-General",
]
_ZH_PREAMBLE = ["忆及", "考虑到", "认识到", "注意到"]
_ZH_OPERATIVE = ["做出决议", "责成电信标准化局主任", "请成员国", "鼓励部门成员"]
_SUBJECTS = [
    "the standardization gap between developing and developed countries",
    "the implementation of the Smart Africa Manifesto",
    "conformance and interoperability testing",
    "the role of telecommunications in protecting the environment",
    "international mobile roaming",
    "countering and combating spam",
    "the allocation of IP addresses",
    "e-health applications",
    "the protection of users of telecommunication services",
    "counterfeit ICT devices",
    "human exposure to electromagnetic fields",
    "accessibility for persons with disabilities",
]
_CLAUSES = [
    "that {subject} remains a priority for the membership",
    "the importance of {subject} for developing countries",
    "that the study groups continue their work on {subject}",
    "to organize workshops and seminars on {subject}, in collaboration with regional offices",
    "to report to the next assembly on progress achieved concerning {subject}",
    "that close coordination among the three Sectors is needed on {subject}",
    "to provide assistance, within available resources, on {subject}",
]
_CITE_EN = [
    "{cite} {organ}, on {subject}",
    "that {cite} {organ} instructs the Directors of the three Bureaux to act on {subject}",
    "the relevant provisions of {cite} on {subject}",
    "in accordance with {cite}, and taking into account {subject}",
]
_ZH_CLAUSES = ["关于{subject}的工作", "继续开展有关{subject}的研究", "为发展中国家提供帮助"]
# Share of clauses that carry a citation, calibrated on the seeds: about one citation per
# 1.1 kB of UTF-8 (Chinese clauses are shorter, so they cite less often per clause).
_CITE_RATE = 0.075
_ZH_CITE_RATE = 0.03
_ZH_SUBJECTS = ["缩小标准化工作差距", "智慧非洲宣言", "国际移动漫游", "网络安全", "电子卫生"]


@dataclass(frozen=True)
class Planted:
    """A citation the generator wrote: where, and what an extractor should say about it."""

    start: int
    end: int
    number: str
    kind: str
    body: str | None
    venue: str | None
    year: int | None
    revised: bool


@dataclass(frozen=True)
class SyntheticDoc:
    """One generated document and the citations planted in it."""

    text: str
    lang: str
    planted: tuple[Planted, ...]


class _Writer:
    """Accumulates text and remembers planted citation offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.planted: list[Planted] = []

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def cite(self, surface: str, **facts: object) -> None:
        self.planted.append(Planted(self.size, self.size + len(surface), **facts))  # type: ignore[arg-type]
        self.add(surface)


def _conference(rng: random.Random, organs: tuple[str, ...]) -> Conference:
    gaz = load_gazetteer()
    pool = [
        c for c in gaz.conferences if c.organ in organs and len(gaz.lookup(c.venue, c.year)) == 1
    ]
    return rng.choice(pool)


def _en_citation(rng: random.Random, w: _Writer, host: str) -> None:
    """Write one English citation form, with its organ phrase when the form has one."""
    form = rng.random()
    subject = rng.choice(_SUBJECTS)
    if form < 0.08:
        q = f"{rng.randint(1, 9)}/{rng.randint(1, 2)}"
        w.cite(
            f"Question {q}",
            number=q,
            kind="question",
            body="WTDC",
            venue=None,
            year=None,
            revised=False,
        )
        w.add(f" of ITU-D Study Group {rng.randint(1, 2)} on {subject}")
        return
    if form < 0.12:
        ident = f"{rng.choice('EHGXY')}.{rng.randint(100, 999)}"
        w.cite(
            f"Recommendation ITU-T {ident}",
            number=ident,
            kind="recommendation",
            body="unknown",
            venue=None,
            year=None,
            revised=False,
        )
        w.add(f" on {subject}")
        return
    if form < 0.17:
        n = rng.randint(1000, 1400)
        w.add("that ")
        w.cite(
            f"Resolution {n}",
            number=str(n),
            kind="resolution",
            body="Council",
            venue=None,
            year=None,
            revised=False,
        )
        w.add(" of the Council recognizes the importance of " + subject)
        return
    organ = rng.choice(("PP", "PP", "WTDC", "WTSA"))
    conf = _conference(rng, (organ,))
    n = rng.randint(1, 200 if organ == "PP" else 90)
    rev = rng.random() < 0.7
    old = _conference(rng, (organ,)) if rev and rng.random() < 0.15 else None
    inner = f"{conf.venue}, {conf.year}"
    if old is not None and old.year < conf.year:
        inner = f"{old.venue}, {old.year}{conf.venue}, {conf.year}"  # flattened tracked change
    surface = f"Resolution {n} ({'Rev. ' if rev else ''}{inner})"
    phrase = rng.choice(_ORGAN_PHRASE[organ]) if rng.random() < 0.6 else ""
    if phrase == "of this assembly" and host != "WTSA":
        phrase = ""
    template = rng.choice(_CITE_EN)
    head, tail = template.split("{cite}")
    w.add(head.format(subject=subject))
    w.cite(
        surface,
        number=str(n),
        kind="resolution",
        body=organ,
        venue=conf.venue,
        year=conf.year,
        revised=rev,
    )
    w.add(tail.format(organ=phrase, subject=subject).replace("  ", " ").replace(" ,", ","))


def _zh_citation(rng: random.Random, w: _Writer) -> None:
    organ = rng.choice(("PP", "WTDC", "WTSA"))
    conf = _conference(rng, (organ,))
    n = rng.randint(1, 190)
    zh_venue = {v: k for k, v in load_gazetteer().venue_aliases.items() if _HAN.search(k)}
    venue = zh_venue.get(conf.venue, conf.venue)
    rev = rng.random() < 0.5
    w.add(_ZH_ORGAN[organ] if rng.random() < 0.5 else "")
    w.cite(
        f"第{n}号决议（{'修订版，' if rev else ''}{conf.year}年，{venue}）",
        number=str(n),
        kind="resolution",
        body=organ,
        venue=conf.venue,
        year=conf.year,
        revised=rev,
    )
    w.add("的规定")


def generate_document(rng: random.Random, target_chars: int, lang: str = "en") -> SyntheticDoc:
    """One resolution-like document of about ``target_chars`` characters.

    Example:
        >>> d = generate_document(random.Random(1), 3000)
        >>> d.text.startswith("RESOLUTION") and all(
        ...     d.text[p.start : p.end].split()[0]
        ...     in {"RESOLUTION", "Resolution", "Question", "Recommendation", "resolves"}
        ...     for p in d.planted)
        True
    """
    w = _Writer()
    own = _conference(rng, ("WTSA",))
    number = rng.randint(1, 99)
    if lang == "zh":
        w.cite(
            f"第{number}号决议",
            number=str(number),
            kind="resolution",
            body="WTSA",
            venue=None,
            year=None,
            revised=False,
        )
        w.add(f"\n{rng.choice(_ZH_SUBJECTS)}\n世界电信标准化全会，\n")
    else:
        w.cite(
            f"RESOLUTION {number} (Rev. {own.venue}, {own.year})",
            number=str(number),
            kind="resolution",
            body="WTSA",
            venue=own.venue,
            year=own.year,
            revised=True,
        )
        w.add(f"\n{rng.choice(_SUBJECTS)}\n")
        w.add(f"The World Telecommunication Standardization Assembly ({own.venue}, {own.year}),\n")
    while w.size < target_chars:
        operative = rng.random() < 0.45
        if lang == "zh":
            heads = _ZH_OPERATIVE if operative else _ZH_PREAMBLE
        else:
            heads = _OPERATIVE if operative else _PREAMBLE
        w.add(rng.choice(heads) + "\n")
        for i in range(rng.randint(2, 6)):
            label = f"{i + 1}\t" if operative else f"{'abcdefgh'[i]})\t"
            w.add(label)
            for _ in range(rng.randint(1, 3)):
                if lang == "zh":
                    if rng.random() < _ZH_CITE_RATE:
                        _zh_citation(rng, w)
                    w.add(rng.choice(_ZH_CLAUSES).format(subject=rng.choice(_ZH_SUBJECTS)) + "，")
                    continue
                if rng.random() < _CITE_RATE:
                    _en_citation(rng, w, "WTSA")
                else:
                    w.add(rng.choice(_CLAUSES).format(subject=rng.choice(_SUBJECTS)))
                w.add("; " if rng.random() < 0.7 else ", ")
            if operative and rng.random() < 0.1:
                k = rng.randint(1, 5)
                w.add("in accordance with ")
                w.cite(
                    f"resolves {k} of this resolution",
                    number=f"resolves {k}",
                    kind="internal",
                    body="WTSA",
                    venue=None,
                    year=None,
                    revised=False,
                )
            w.add("\n")
    return SyntheticDoc("".join(w.parts), lang, tuple(w.planted))


def generate_corpus(
    out_dir: str | Path,
    total_bytes: int = 50_000_000,
    seed: int = 0,
    doc_chars: int = 150_000,
    zh_share: float = 0.15,
) -> list[Path]:
    """Write synthetic documents into ``out_dir`` until they hold about ``total_bytes`` (UTF-8).

    Deterministic: the same arguments give the same files.

    Example:
        >>> import tempfile
        >>> paths = generate_corpus(tempfile.mkdtemp(), total_bytes=20_000, doc_chars=10_000)
        >>> sum(p.stat().st_size for p in paths) >= 20_000, paths[0].suffix
        (True, '.txt')
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    written = 0
    for i, doc in enumerate(_documents(rng, doc_chars, zh_share)):
        if written >= total_bytes:
            break
        data = doc.text.encode("utf-8")
        path = out / f"synth_{i:05d}_{doc.lang}.txt"
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
    return paths


def _documents(rng: random.Random, doc_chars: int, zh_share: float) -> Iterator[SyntheticDoc]:
    while True:
        lang = "zh" if rng.random() < zh_share else "en"
        size = int(doc_chars * rng.uniform(0.5, 1.5)) // (3 if lang == "zh" else 1)
        yield generate_document(rng, size, lang)

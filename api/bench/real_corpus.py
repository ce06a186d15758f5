"""A benchmark corpus made of the project's own real texts (issue 20).

Why real text: the synthetic corpus of :mod:`extract.synth` is regular where real documents are
not (glued PDF words, footnote debris, tracked-change markers, many languages), and the figures
measured on it did not reproduce on real text. The real texts every clone carries are the five
seeds (``data/corpus/*.txt``, whole ITU documents of 5-85 KB) and the 67 development passages
(``tests/gold/dev/texts/*.txt``, ~2 KB openings of pages by others, in six languages). They add
up to about 0.34 MB, so the corpus repeats them, shuffled by paragraph with a seeded generator
(the same bytes on every run), as documents of realistic sizes:

- *seed-like* documents of 20-90 KB, each made of one seed's paragraphs in a fresh order,
  repeated until the size is reached (a document keeps the language and the kind of text of
  its seed);
- *short* documents, one per development passage with its paragraphs shuffled, which take
  :data:`SHORT_SHARE` of the bytes (real corpora are mostly whole documents; the case of many
  short documents is measured apart, with :func:`build_block_corpus`).

A paragraph is a block between blank lines; a block longer than :data:`MAX_PARAGRAPH` characters
(the seeds have blocks of up to 10 KB) is cut at line ends into runs below it, so a shuffle moves
units of a few lines rather than whole sections.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

__all__ = [
    "RealTexts",
    "build_block_corpus",
    "build_real_corpus",
    "build_tiny_documents",
    "paragraphs",
    "real_texts",
    "source_files",
]

#: The project root (this file is api/bench/real_corpus.py).
ROOT = Path(__file__).resolve().parents[2]
#: Where the real texts are, relative to the project root.
SEED_DIR = Path("data") / "corpus"
PASSAGE_DIR = Path("tests") / "gold" / "dev" / "texts"
#: Share of the corpus bytes written as short documents (one development passage each).
SHORT_SHARE = 0.2
#: Size range of a seed-like document, in bytes of UTF-8.
SEED_DOC_BYTES = (20_000, 90_000)
#: Longest paragraph kept whole, in characters.
MAX_PARAGRAPH = 1_500

T = TypeVar("T")
_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


@dataclass(frozen=True)
class RealTexts:
    """The project's real texts as (file name, text), each group in file-name order."""

    seeds: tuple[tuple[str, str], ...]
    passages: tuple[tuple[str, str], ...]

    @property
    def size(self) -> int:
        """Bytes (UTF-8) of all the texts."""
        return sum(len(t.encode("utf-8")) for _, t in (*self.seeds, *self.passages))


def source_files(root: Path = ROOT) -> list[Path]:
    """The seed and passage files themselves (what a run meets first: its warm-up), or none.

    Example:
        >>> len(source_files())
        72
    """
    return [p for d in (SEED_DIR, PASSAGE_DIR) for p in sorted((root / d).glob("*.txt"))]


def real_texts(root: Path = ROOT) -> RealTexts:
    """The seeds and the development passages under ``root``.

    Raises:
        FileNotFoundError: naming the folder, when either holds no ``.txt`` file (an installed
            package without its tests has no development passages).

    Example:
        >>> texts = real_texts()
        >>> len(texts.seeds), len(texts.passages)
        (5, 67)
    """
    groups = []
    for folder in (root / SEED_DIR, root / PASSAGE_DIR):
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if not files:
            raise FileNotFoundError(
                f"no real texts in {folder}: the real-text benchmark needs the seeds "
                f"({SEED_DIR}) and the development passages ({PASSAGE_DIR}) of a clone"
            )
        groups.append(tuple((p.name, p.read_text(encoding="utf-8")) for p in files))
    return RealTexts(seeds=groups[0], passages=groups[1])


def paragraphs(text: str, max_chars: int = MAX_PARAGRAPH) -> list[str]:
    """The paragraphs of ``text``: blocks between blank lines, a long block cut at line ends
    into runs of at most ``max_chars`` (a single longer line stays whole).

    Example:
        >>> paragraphs("a\\nb\\n\\nc", max_chars=2)
        ['a', 'b', 'c']
    """
    out: list[str] = []
    for block in _BLANK_LINE.split(text):
        if not block.strip():
            continue
        if len(block) <= max_chars:
            out.append(block)
            continue
        run: list[str] = []
        size = 0
        for line in block.split("\n"):
            if run and size + len(line) + 1 > max_chars:
                out.append("\n".join(run))
                run, size = [], 0
            run.append(line)
            size += len(line) + 1
        if run:
            out.append("\n".join(run))
    return out


def _shuffled(rng: random.Random, items: list[T]) -> list[T]:
    """A shuffled copy (the generator's state moves on: the next shuffle differs)."""
    copy = list(items)
    rng.shuffle(copy)
    return copy


def _seed_like(rng: random.Random, paras: list[str], target: int) -> str:
    """Paragraphs of one seed, reshuffled at every pass, until ``target`` bytes."""
    out: list[str] = []
    size = 0
    while size < target:
        for p in _shuffled(rng, paras):
            out.append(p)
            size += len(p.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(out) + "\n"


def _write(target: Path, name: str, text: str) -> Path:
    path = target / name
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def build_real_corpus(
    target: str | Path, total_bytes: int, seed: int = 2026, texts: RealTexts | None = None
) -> list[Path]:
    """Write a corpus of about ``total_bytes`` from the real texts into ``target``.

    Args:
        target: an existing folder (a temporary one: the corpus is never committed).
        total_bytes: stop once this many bytes are written.
        seed: seeds the shuffles; the same seed writes the same files.
        texts: the texts to use (default: :func:`real_texts` of this clone).

    Returns:
        The files in the order written (seed-like and short documents interleaved, so any run
        of consecutive files has both); each name says its kind and source, e.g.
        ``00012_seed_002_cb605667d0fa8ef2.txt`` or ``00013_short_d041.txt``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     files = build_real_corpus(tmp, 200_000)
        ...     sum(p.stat().st_size for p in files) >= 200_000
        True
    """
    if total_bytes <= 0:
        raise ValueError(f"total_bytes must be positive, not {total_bytes}")
    folder = Path(target)
    src = texts or real_texts()
    rng = random.Random(seed)
    seed_paras = [(Path(n).stem, paragraphs(t)) for n, t in src.seeds]
    passage_paras = [(Path(n).stem, paragraphs(t)) for n, t in src.passages]
    order = _shuffled(rng, passage_paras)
    paths: list[Path] = []
    written = short = n_short = 0
    while written < total_bytes:
        i = len(paths)
        if short < SHORT_SHARE * written:
            stem, paras = order[n_short % len(order)]
            n_short += 1
            text = "\n\n".join(_shuffled(rng, paras)) + "\n"
            name = f"{i:05d}_short_{stem}.txt"
        else:
            stem, paras = seed_paras[i % len(seed_paras)]
            text = _seed_like(rng, paras, rng.randint(*SEED_DOC_BYTES))
            name = f"{i:05d}_seed_{stem}.txt"
        size = len(text.encode("utf-8"))
        if "_short_" in name:
            short += size
        written += size
        paths.append(_write(folder, name, text))
    return paths


def _blocks(src: RealTexts, block_chars: int) -> Iterator[tuple[str, str]]:
    """(stem, text) of every block: a development passage whole, a seed cut into runs of
    consecutive paragraphs of about ``block_chars`` characters."""
    for name, text in src.seeds:
        run: list[str] = []
        size = part = 0
        for p in paragraphs(text):
            run.append(p)
            size += len(p) + 2
            if size >= block_chars:
                yield f"{Path(name).stem}-{part}", "\n\n".join(run) + "\n"
                run, size, part = [], 0, part + 1
        if run:
            yield f"{Path(name).stem}-{part}", "\n\n".join(run) + "\n"
    for name, text in src.passages:
        yield Path(name).stem, text


def build_block_corpus(
    target: str | Path,
    total_bytes: int,
    block_chars: int = 30_000,
    seed: int = 2026,
    texts: RealTexts | None = None,
) -> list[Path]:
    """Many short documents: the seeds and passages as one file per block of paragraphs.

    Why: the case of issue 20 where per-document costs dominate (a corpus of ~1,200 files and
    6 MB). Each round writes every block once, in a fresh seeded order, until ``total_bytes``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     len(build_block_corpus(tmp, 300_000)) > 50
        True
    """
    if total_bytes <= 0:
        raise ValueError(f"total_bytes must be positive, not {total_bytes}")
    folder = Path(target)
    rng = random.Random(seed)
    blocks = list(_blocks(texts or real_texts(), block_chars))
    paths: list[Path] = []
    written = 0
    while written < total_bytes:
        for stem, text in _shuffled(rng, blocks):
            paths.append(_write(folder, f"{len(paths):05d}_block_{stem}.txt", text))
            written += len(text.encode("utf-8"))
            if written >= total_bytes:
                break
    return paths


def build_tiny_documents(
    target: str | Path, count: int, max_chars: int = 80, texts: RealTexts | None = None
) -> list[Path]:
    """``count`` one-line documents: the first non-blank lines of the real texts (cycled,
    cut to ``max_chars``), for the fixed cost of a document.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     files = build_tiny_documents(tmp, 3)
        ...     [p.read_text(encoding="utf-8").count("\\n") for p in files]
        [1, 1, 1]
    """
    if count <= 0:
        raise ValueError(f"count must be positive, not {count}")
    src = texts or real_texts()
    lines = [
        line.strip()[:max_chars]
        for _, text in (*src.passages, *src.seeds)
        for line in text.split("\n")
        if len(line.strip()) >= 3
    ]
    folder = Path(target)
    return [_write(folder, f"{i:05d}_tiny.txt", lines[i % len(lines)] + "\n") for i in range(count)]

"""Numbered items of two versions of a resolution, compared by number and text (lineage diffs).

Why from the stored text: a delegate asks what "resolves 2" said in 2016 and says in 2022, item
by item, including the items that cite nothing. The store keeps only the paragraphs a citation or
assignment sits in, but it keeps each document's whole text (``rg:sourceText``,
graph/rdf/source_text.py) and where each version's heading starts in it; the text is segmented
again with the extractor's own segmenter (the tree the build placed every mention in), and the
version's sections and numbered paragraphs are read from it. ``queries/version_texts.rq`` finds
the documents and offsets, ``queries/document_texts.rq`` the texts.

Example:
    >>> old = {("resolves", "2"): _Item("resolves", "2", "to hold workshops;")}
    >>> new = {("resolves", "2"): _Item("resolves", "2", "to hold workshops and courses;")}
    >>> [(c.item, c.change, c.diff) for c in compare_items(old, new)]
    [('resolves 2', 'modified', 'to hold [-workshops;-] [+workshops and courses;+]')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from extract import segment
from extract.documents import DocumentStructure, ResolutionSegment, Section, SourceDoc
from graph.backend import Queryable
from graph.queries import select
from graph.results import ItemChange

__all__ = ["compare_items", "version_items", "word_diff"]

_SPACE = re.compile(r"\s+")
_LABEL = re.compile(r"^[(\s]*([^\s()）、.]+)")
#: unchanged words kept on each side of a change in a diff; longer runs are cut to "…"
_CONTEXT = 4
#: heading lines longer than this many words are cut in item names
_NAME_WORDS = 6


@dataclass(frozen=True)
class _Item:
    """One numbered item of one version: its section heading line, label and text."""

    section: str
    label: str
    text: str


Items = dict[tuple[str, str], _Item]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _label_key(label: str) -> str:
    """``a)``, ``(a)``, ``a.`` and ``a`` are one number."""
    m = _LABEL.match(label)
    return (m.group(1) if m else label).casefold()


def _heading_line(text: str, sec: Section) -> str:
    """The section's heading line ("instructs the Director of ..."), without closing punctuation."""
    end = text.find("\n", sec.heading_start, sec.end)
    line = _clean(text[sec.heading_start : end if end >= 0 else sec.end])
    return line.rstrip(",:;") or sec.name


def _short_heading(heading: str) -> str:
    """A heading line as an item name: "instructs the Director of …" for a long one."""
    words = heading.split()
    return heading if len(words) <= _NAME_WORDS else " ".join([*words[:4], "…"])


def _section_items(text: str, sec: Section, heading: str) -> list[_Item]:
    labelled = [p for p in sec.paragraphs if p.label]
    if not labelled:  # no numbered paragraphs: the section's whole text is one item
        body_start = text.find("\n", sec.heading_start, sec.end)
        body = _clean(text[body_start : sec.end]) if body_start >= 0 else ""
        return [_Item(heading, "", body)] if body else []
    items: list[_Item] = []
    for p in sec.paragraphs:
        raw = text[p.start : p.end]
        if p.label is None:  # a clause whose label was lost continues the item before it
            if items:
                last = items[-1]
                items[-1] = _Item(last.section, last.label, _clean(f"{last.text} {raw}"))
            continue
        body = raw.lstrip()[len(p.label) :]
        items.append(_Item(heading, p.label, _clean(body)))
    return items


def _items_of(text: str, res: ResolutionSegment) -> tuple[Items, dict[str, list[str]]]:
    """Items keyed by (section key, label key), and section keys in order by section word.

    A section's key is its heading line, casefolded; a second section with the same line gets
    ``#2``.
    """
    items: Items = {}
    seen: dict[str, int] = {}
    by_name: dict[str, list[str]] = {}
    for sec in res.sections:
        heading = _heading_line(text, sec)
        key = heading.casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        by_name.setdefault(sec.name.casefold(), []).append(key)
        for item in _section_items(text, sec, heading):
            label = _label_key(item.label)
            n, k = 2, (key, label)
            while k in items:  # a repeated number in one section: keep both
                k, n = (key, f"{label}#{n}"), n + 1
            items[k] = item
    return items, by_name


@lru_cache(maxsize=8)
def _structure(doc: str, name: str, fmt: str, lang: str, text: str) -> DocumentStructure:
    """The document's tree, segmented once per document text (documents are content-addressed).

    Why a small cache: a resolution page and its lineage route ask for the same few documents in
    a row; a long-running server must not keep every text it ever segmented.
    """
    kind: Literal["txt", "docx", "pdf", "html"] = (
        fmt if fmt in ("txt", "docx", "pdf", "html") else "txt"  # type: ignore[assignment]
    )
    return segment(SourceDoc(name=name, path=name, format=kind, text=text, sha256="", lang=lang))


def _pick(structure: DocumentStructure, start: int) -> ResolutionSegment | None:
    """The resolution whose heading is at (or whose text holds) ``start``, with sections."""
    around = [
        r
        for r in structure.resolutions
        if r.sections and (r.heading_start <= start < r.heading_end or r.start <= start < r.end)
    ]
    around.sort(key=lambda r: (r.proposal is not None, r.end - r.start))
    return around[0] if around else None


def version_items(
    store: Queryable, versions: list[str]
) -> dict[str, tuple[Items, dict[str, list[str]]]]:
    """The numbered items of each version (IRI) whose text is stored; others are absent.

    A version held by several documents is read from the first (by document IRI) whose text
    segments into a resolution with sections at the heading's place.
    """
    places = select(store, "version_texts", version=versions)
    docs = sorted({r["doc"] for r in places})
    texts = {r["doc"]: r for r in select(store, "document_texts", doc=docs)} if docs else {}
    out: dict[str, tuple[Items, dict[str, list[str]]]] = {}
    for row in places:
        version, doc = row["version"], row["doc"]
        found = texts.get(doc)
        if version in out or found is None:
            continue
        text = str(found["text"])
        structure = _structure(
            doc,
            str(found.get("name") or doc),
            str(found.get("format") or "txt"),
            str(found.get("lang") or "en"),
            text,
        )
        res = _pick(structure, int(row["start"]))
        if res is not None:
            out[version] = _items_of(text, res)
    return out


def word_diff(before: str, after: str) -> str:
    """A short word-level diff: ``[-removed-]`` and ``[+added+]`` words in their place, runs of
    unchanged words longer than a few words cut to ``…``.

    Example:
        >>> word_diff("to report to Council each year;", "to report to Council every two years;")
        'to report to Council [-each year;-] [+every two years;+]'
        >>> word_diff("a b c d e f g h i j k l", "a b c d e f X h i j k l")
        '… c d e f [-g-] [+X+] h i j k l'
    """
    a, b = before.split(), after.split()
    parts: list[str] = []
    ops = SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for i, (tag, a0, a1, b0, b1) in enumerate(ops):
        if tag == "equal":
            run = a[a0:a1]
            head = run[:_CONTEXT] if i > 0 else []
            tail = run[-_CONTEXT:] if i < len(ops) - 1 else []
            if len(ops) > 1 and len(run) > len(head) + len(tail) + 1:
                parts.extend([*head, "…", *tail] if head or tail else ["…"])
            else:
                parts.extend(run)
            continue
        if a1 > a0:
            parts.append(f"[-{' '.join(a[a0:a1])}-]")
        if b1 > b0:
            parts.append(f"[+{' '.join(b[b0:b1])}+]")
    return " ".join(parts)


def _align(before: dict[str, list[str]], after: dict[str, list[str]]) -> dict[str, str]:
    """Section keys of the old version -> the new version's: by heading line, else by the
    section word in order (an addressee reworded in the heading line is the same section)."""
    old_keys = [k for keys in before.values() for k in keys]
    new_keys = {k for keys in after.values() for k in keys}
    mapping = {k: k for k in old_keys if k in new_keys}
    for name, keys in before.items():
        free_old = [k for k in keys if k not in mapping]
        free_new = [k for k in after.get(name, []) if k not in mapping.values()]
        mapping.update(zip(free_old, free_new, strict=False))
    return mapping


def compare_items(
    before: Items,
    after: Items,
    sections: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None,
) -> tuple[ItemChange, ...]:
    """Every item of either version, in the new version's order (a removed item after the item
    that preceded it), as unchanged, modified, added or removed.

    ``sections`` (the section keys of each version by section word) lets a section whose heading
    line was reworded still pair with its old self.
    """
    mapping = _align(*sections) if sections else {}
    old = {(mapping.get(s, s), label): item for (s, label), item in before.items()}
    order: list[tuple[str, str]] = list(after)
    previous: tuple[str, str] | None = None
    for key in old:
        if key not in after:
            at = order.index(previous) + 1 if previous in order else len(order)
            order.insert(at, key)
        previous = key
    out: list[ItemChange] = []
    for key in order:
        was, now = old.get(key), after.get(key)
        shown = now or was
        assert shown is not None
        name = f"{_short_heading(shown.section)} {shown.label}".strip()
        if was is None:
            out.append(ItemChange(name, shown.section, shown.label, "added", after=shown.text))
        elif now is None:
            out.append(ItemChange(name, shown.section, shown.label, "removed", before=was.text))
        elif was.text == now.text:
            out.append(ItemChange(name, shown.section, shown.label, "unchanged", after=now.text))
        else:
            diff = word_diff(was.text, now.text)
            out.append(
                ItemChange(name, shown.section, shown.label, "modified", was.text, now.text, diff)
            )
    return tuple(out)

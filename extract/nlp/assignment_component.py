"""The ``itu_assignments`` spaCy component: clause heads that give work, with their addressees.

Why a component: the extractor is a spaCy pipeline (STYLE.md habit 6), so the heads it finds are
``Span`` objects in ``doc.spans["itu_assignments"]`` that any spaCy tool can show, with the details
(verb, addressees, collaborators, qualifier, pattern id) on the ``Span._.itu_assignment``
extension. The matching itself is :func:`extract.assignments.heads.find_heads`, a pure function
over a string; the conversion of spans to records is
:func:`extract.assignments.find.heads_to_assignments`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from extract.assignments.actors import LANGUAGES
from extract.assignments.heads import (
    HeadMatch,
    find_heads,
    load_assignment_patterns,
    parse_patterns,
)
from extract.assignments.table import PatternEntry
from extract.assignments.verbs import CompiledVerbs, compile_verbs

__all__ = ["AssignmentComponent", "HeadMatch", "find_heads", "load_assignment_patterns"]

SPANS_KEY = "itu_assignments"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# the UTF-8 lead bytes of U+4000..U+9FFF: a text whose encoding has none of them has no CJK
_CJK_LEADS = tuple(bytes([b]) for b in range(0xE4, 0xEA))


def _has_cjk(text: str) -> bool:
    """Whether ``text`` holds a CJK ideograph (``_CJK.search``, ~4x faster where there is none).

    Why: the Chinese verbs are only looked for where CJK occurs, and the regex scan of a long
    text in another script costs ~3 ms per MB; encoding it and looking for the six UTF-8 lead
    bytes of U+4000..U+9FFF (``bytes.__contains__``, a memchr) costs a fraction of that, and
    the regex decides only where one of them occurs.
    """
    if text.isascii():
        return False
    raw = text.encode("utf-8", "surrogatepass")
    if not any(lead in raw for lead in _CJK_LEADS):
        return False
    return _CJK.search(text) is not None


class AssignmentComponent:
    """Puts clause heads in ``doc.spans[spans_key]``, details on ``Span._.itu_assignment``.

    The host Sector comes from ``doc._.itu_sector`` when set (the caller knows the document's
    organ), else from the ``sector`` setting.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str,
        lang: str | None,
        sector: str | None,
        item_scan: int,
    ) -> None:
        if lang is not None and lang.split("-")[0] not in LANGUAGES:
            valid = ", ".join(LANGUAGES)
            raise ValueError(f"itu_assignments: unsupported lang {lang!r}; valid: {valid}, None")
        if item_scan < 0:
            raise ValueError(f"itu_assignments: item_scan must be >= 0, not {item_scan}")
        self.name = name
        self.spans_key = spans_key
        self.lang = lang.split("-")[0] if lang else None
        self.sector = sector
        self.item_scan = item_scan
        self.patterns = load_assignment_patterns(None)
        for obj, ext in ((Span, "itu_assignment"), (Doc, "itu_sector")):
            if not obj.has_extension(ext):
                obj.set_extension(ext, default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Find the heads of ``doc`` and store them as spans."""
        sector = doc._.itu_sector or self.sector
        spans = []
        for head in self.heads(doc.text, sector):
            span = doc.char_span(head.start, head.end, label=head.verb, alignment_mode="expand")
            if span is None:
                continue
            span._.itu_assignment = asdict(head)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def heads(
        self, text: str, sector: str | None = None, langs: Sequence[str] | None = None
    ) -> list[HeadMatch]:
        """The heads of ``text`` in every configured language (Chinese only where CJK occurs).

        ``langs`` overrides the languages tried (default: the configured ``lang``, else English
        and Chinese; a French or Spanish document adds its own). Overlapping readings of one
        place keep the longest.
        """
        if langs is None:
            langs = [self.lang] if self.lang else ["en", "zh"]
        found: list[HeadMatch] = []
        for lang in langs:
            if lang == "zh" and self.lang is None and not _has_cjk(text):
                continue
            verbs = self._verbs_of(lang)
            if verbs is None:
                continue
            found.extend(find_heads(text, lang, sector, item_scan=self.item_scan, verbs=verbs))
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[HeadMatch] = []
        for h in found:
            if out and h.start < out[-1].end and not (h.addressee_only or out[-1].addressee_only):
                continue
            out.append(h)
        return out

    @property
    def patterns(self) -> tuple[PatternEntry, ...]:
        """The verb, collaborator and object patterns of every language."""
        return self._patterns

    @patterns.setter
    def patterns(self, rows: tuple[PatternEntry, ...]) -> None:
        self._patterns = rows
        self._verbs: dict[str, CompiledVerbs | None] = {}

    def _verbs_of(self, lang: str) -> CompiledVerbs | None:
        """The compiled patterns of ``lang`` (None when it has no verb), kept by the component:
        compiling, or finding them in a cache keyed by the patterns, on every call cost more
        than reading a short passage."""
        if lang not in self._verbs:
            rows = tuple(p for p in self._patterns if p.lang == lang)
            has_verb = any(p.kind == "verb" for p in rows)
            self._verbs[lang] = compile_verbs(rows, lang) if has_verb else None
        return self._verbs[lang]

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: str | None = None,
    ) -> None:
        """(Re)load the verb patterns, from ``patterns`` (a JSONL file) or the packaged table.

        Set in the config as ``[initialize.components.itu_assignments] patterns = "..."``.
        """
        if patterns is None:
            self.patterns = load_assignment_patterns(None)
        else:
            path = Path(patterns)
            self.patterns = parse_patterns(path.read_text(encoding="utf-8"), None, str(path))

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the verb patterns next to the pipeline (spaCy serialization contract)."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        rows = [json.dumps(asdict(e), ensure_ascii=False) for e in self.patterns]
        (p / "assignments.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> AssignmentComponent:
        """Load the verb patterns saved by :meth:`to_disk`."""
        f = Path(path) / "assignments.jsonl"
        self.patterns = parse_patterns(f.read_text(encoding="utf-8"), None, str(f))
        return self


@Language.factory(
    "itu_assignments",
    assigns=["doc.spans", "span._.itu_assignment"],
    default_config={"spans_key": SPANS_KEY, "lang": None, "sector": None, "item_scan": 4000},
)
def make_assignment_component(
    nlp: Language,
    name: str,
    spans_key: str,
    lang: str | None,
    sector: str | None,
    item_scan: int,
) -> AssignmentComponent:
    """Factory of ``itu_assignments`` (``nlp.add_pipe("itu_assignments")``).

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> _ = nlp.add_pipe("itu_assignments")
        >>> doc = nlp("invites the Council\\n1 to act")
        >>> [(s.text, s._.itu_assignment["addressee"]) for s in doc.spans["itu_assignments"]]
        [('invites the Council', 'Council')]
    """
    return AssignmentComponent(
        nlp, name, spans_key=spans_key, lang=lang, sector=sector, item_scan=item_scan
    )

"""Which language a text is in: the document as a whole, and each run of it.

Why here, apart from loading: the language decides which heading words and which assignment
verbs are looked for, and ITU documents mix languages (a Spanish cover line over an English
text, a Chinese report with an English annex, a French excerpt quoting an English title). The
document's language (:func:`detect_lang`) is one sampled vote; :func:`language_runs` reads a text
block by block only when that vote shows a second language, so a one-language document (most)
pays for one vote.

ITU publishes in six languages with distinct scripts (zh, ru, ar) or distinct function words
(en, fr, es). The function-word lists keep only words that one of the three Latin-script
languages uses and the others do not: "la", "de", "en", "que" are French and Spanish alike, and
counting them for French read short Spanish text as French.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extract.models import LangRun

__all__ = ["LANGUAGES", "detect_lang", "language_runs"]

#: The languages the detector tells apart.
LANGUAGES = ("en", "fr", "es", "zh", "ru", "ar")


def _run(cls: str, rest: str = "") -> re.Pattern[str]:
    """A run of ``cls`` characters (then ``rest``), written ``cls cls*`` rather than ``cls+``.

    Why: a pattern opening with a character class lets ``re`` skip, in C, to the next character
    of the class; one opening with a repeat (``+``) gets no such skip and is tried at every
    character (2-3x slower over a text that is mostly of other characters). Same matches.
    """
    return re.compile(f"{cls}{cls}*{rest}")


_CYRILLIC_WORD = _run(r"[\u0400-\u04ff]")
_ARABIC_WORD = _run(r"[\u0600-\u06ff]")
#: A Latin word and the non-Latin characters up to the next one: as many matches as words.
_LATIN_WORD_AND_GAP = _run(r"[A-Za-z\u00c0-\u024f]", r"[^A-Za-z\u00c0-\u024f]*")
#: A run of the characters of the scripts counted apart from Latin (CJK, Cyrillic, Arabic):
#: where :func:`_non_latin_runs` looks for non-Latin words.
_NON_LATIN_RUN = _run(r"[\u0400-\u04ff\u0600-\u06ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "that",
            "with",
            "for",
            "considering",
            "resolves",
            "instructs",
            "Assembly",
        ]
    ),
    "fr": frozenset(
        [
            "les",
            "des",
            "du",
            "le",
            "et",
            "une",
            "dans",
            "pour",
            "aux",
            "au",
            "sur",
            "est",
            "considérant",
            "décide",
            "charge",
            "l'Assemblée",
        ]
    ),
    "es": frozenset(
        [
            "los",
            "las",
            "del",
            "el",
            "y",
            "una",
            "para",
            "por",
            "con",
            "al",
            "considerando",
            "resuelve",
            "encarga",
            "Asamblea",
        ]
    ),
}


def _word_trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by shared leading characters ("t(?:h(?:e|at)|o)").

    Why: ``re`` tries the alternatives of a group one by one at every word boundary; factored,
    a boundary costs one test per distinct first character instead of one per word. The words
    it matches are the same; which one matches at a place can differ only when two words fit
    there, and between two ``\\b`` no two of ours can (none is another's prefix up to a
    non-word character).
    """
    tails: dict[str, list[str]] = {}
    for w in words:
        tails.setdefault(w[0], []).append(w[1:])
    alts: list[str] = []
    for first, rest in sorted(tails.items()):
        longer = [r for r in rest if r]
        if not longer:
            alts.append(re.escape(first))
        else:
            optional = "?" if len(longer) < len(rest) else ""
            alts.append(f"{re.escape(first)}(?:{_word_trie(longer)}){optional}")
    return "|".join(alts)


# One pass for the three word lists: no word is in two lists and none can start inside another
# (whole words between \b), so the counts per list equal three separate scans.
_FUNCTION_WORD = re.compile(
    r"\b(?:" + _word_trie([w for ws in _FUNCTION_WORDS.values() for w in sorted(ws)]) + r")\b"
)
#: The same words after the non-word character that makes the ``\b`` before them. Why: a
#: pattern opening with ``\b`` gives ``re`` nothing to skip ahead to, so a match is tried at
#: every character; one opening with ``\W`` is tried only after a non-word character (a
#: fifth of them), which finds the same words at a quarter fewer instructions. Only a word at
#: the very start of the text has no such character before it (:func:`_function_words`).
_FUNCTION_WORD_AFTER_GAP = re.compile(
    r"\W(" + _FUNCTION_WORD.pattern.removeprefix(r"\b(?:").removesuffix(r")\b") + r")\b"
)
_LANG_OF_WORD = {w: lang for lang, ws in _FUNCTION_WORDS.items() for w in ws}

_VOTE_SLICES = 8
_VOTE_SLICE = 2_000
#: Blocks of at least this many characters are voted on by :func:`language_runs`.
_BLOCK = 400
#: A second language whose sampled votes reach this share of the first's is worth runs.
_MIXED_SHARE = 0.1
#: ... and so are words of another script making this share of the sample's words.
_MIXED_SCRIPT_SHARE = 0.05
#: How much of a block is read to tell its language.
_BLOCK_SAMPLE = 800


def _non_latin_words(runs: str) -> dict[str, int]:
    """CJK characters, Cyrillic and Arabic words in ``runs`` (the non-Latin runs of a text).

    Why the CJK characters by difference: ``runs`` holds only characters of the three scripts
    and the newlines between runs, so whatever is neither a newline nor Cyrillic nor Arabic is
    CJK; in a Chinese text that spares a list of every CJK run, the bulk of the work.

    Example:
        >>> _non_latin_words(_non_latin_runs("第44号决议 Совет ITU-T мира 全会"))
        {'zh': 6, 'ru': 2, 'ar': 0}
    """
    ru = _CYRILLIC_WORD.findall(runs)
    ar = _ARABIC_WORD.findall(runs)
    zh = len(runs) - runs.count("\n") - sum(map(len, ru)) - sum(map(len, ar))
    return {"zh": zh, "ru": len(ru), "ar": len(ar)}


def _vote_sample(s: str) -> str:
    """Where the function words are counted: all of ``s`` when short, else evenly spaced slices.

    Why slices: the function-word vote costs a regex pass whose alternation of words defeats
    ``re``'s fast scan, and a few thousand words already decide among Latin-script languages.
    Spreading the slices over the whole sample still weighs the whole text, so a cover page
    or an appendix in another language does not decide it.
    """
    if len(s) <= _VOTE_SLICES * _VOTE_SLICE:
        return s
    step = (len(s) - _VOTE_SLICE) // (_VOTE_SLICES - 1)
    return "\n".join(s[i * step : i * step + _VOTE_SLICE] for i in range(_VOTE_SLICES))


def _votes(s: str) -> dict[str, int]:
    """Function words of each Latin-script language in ``s``."""
    return dict(_cached_votes(s))


@lru_cache(maxsize=8)
def _cached_votes(s: str) -> tuple[tuple[str, int], ...]:
    """:func:`_votes`, kept for the last few samples: a document's sample is voted on when it
    is loaded (:func:`detect_lang`) and again, the same string, when it is segmented
    (:func:`language_runs` asks whether it is mixed); hashing the 16 kB sample costs a
    hundredth of the vote. Words are counted first (in C), then summed per language over the
    few distinct ones."""
    votes = dict.fromkeys(_FUNCTION_WORDS, 0)
    words = _function_words(s)
    if not words:  # a short line often has none: no Counter to build
        return tuple(votes.items())
    for word, n in Counter(words).items():
        votes[_LANG_OF_WORD[word]] += n
    return tuple(votes.items())


def _function_words(s: str) -> list[str]:
    """What ``_FUNCTION_WORD.findall(s)`` gives, in order (see ``_FUNCTION_WORD_AFTER_GAP``).

    Example:
        >>> _function_words("the Assembly, considering (the) other")
        ['the', 'Assembly', 'considering', 'the']
    """
    first = _FUNCTION_WORD.match(s)
    if first is None:
        return _FUNCTION_WORD_AFTER_GAP.findall(s)
    return [first.group(0), *_FUNCTION_WORD_AFTER_GAP.findall(s, first.end())]


def _has_function_words(s: str, n: int) -> bool:
    """Whether ``s`` has at least ``n`` function words (of any language): ``sum(_votes(s)) >= n``
    without counting past ``n``."""
    first = _FUNCTION_WORD.match(s)
    found = 0 if first is None else 1
    for _ in _FUNCTION_WORD_AFTER_GAP.finditer(s, 0 if first is None else first.end()):
        found += 1
        if found >= n:
            break
    return found >= n


@lru_cache(maxsize=8)
def _non_latin_runs(s: str) -> str:
    """The runs of non-Latin characters of ``s`` joined by newlines ("" when it has none).

    Why kept: a short document is its own vote sample, and its runs are asked for when it is
    loaded (:func:`_script_lang`) and again when it is segmented (:func:`_is_mixed`); for the
    many texts with no such character this is a whole scan of them, once instead of twice.
    """
    if s.isascii():
        return ""
    return "\n".join(_NON_LATIN_RUN.findall(s))


def _script_lang(s: str) -> str | None:
    """zh, ru or ar when that script makes over a quarter of the words of ``s``."""
    other = _non_latin_runs(s)
    if not other:
        return None
    words = _non_latin_words(other)
    top, n_other = max(words.values()), sum(words.values())
    # no script makes over a quarter of the words once the Latin ones reach 4 * top - n_other
    # (top / (n_other + latin) <= 1/4): in a Latin-script text with a few CJK or Cyrillic
    # words, the Latin words (a regex match each, most of the cost) are counted only that far
    cap = 4 * top - n_other
    if cap <= 0:
        return None
    latin = _LATIN_WORD_AND_GAP.subn("", s, count=cap)[1]
    if latin >= cap:
        return None
    total = n_other + latin or 1
    for lang in ("zh", "ru", "ar"):
        if words[lang] / total > 0.25:
            return lang
    return None


def detect_lang(text: str, sample: int = 200_000) -> str:
    """Guess the main language of a text from its script and a few function words.

    Scripts are compared in *words*: a CJK character carries about a word, a Latin word several
    letters, so a Chinese report with an English annex (and English acronyms throughout) still
    counts as Chinese when CJK characters make up a quarter of the words. Function words are
    counted on evenly spaced slices of the sample (:func:`_vote_sample`); scripts on all of it,
    since a few hundred CJK characters make many words.

    Example:
        >>> detect_lang("第44号决议 缩小发展中国家与发达国家之间的标准化工作差距 ITU-T")
        'zh'
        >>> detect_lang("The World Telecommunication Standardization Assembly, considering")
        'en'
        >>> detect_lang("Resolución 12 de la Asamblea, para el Sector")
        'es'
    """
    s = text[:sample]
    script = _script_lang(s)
    if script is not None:
        return script
    scores = _votes(_vote_sample(s))
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > scores["en"] else "en"


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph blocks (cut at blank lines) of at least ``_BLOCK`` characters, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        if m.start() - start >= _BLOCK:
            out.append((start, m.end()))
            start = m.end()
    if start < len(text):
        if out and len(text) - start < _BLOCK:
            out[-1] = (out[-1][0], len(text))
        else:
            out.append((start, len(text)))
    return out


def _block_lang(s: str) -> str | None:
    """The language of one block, or None when it gives no evidence (numbers, acronyms)."""
    script = _script_lang(s)
    if script is not None:
        return script
    scores = _votes(s)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top == 0 or top == second:
        return None
    return best


def _is_mixed(text: str, lang: str) -> bool:
    """Whether the sampled vote (at most 16 kB of slices) shows a second language worth reading
    block by block: another Latin-script language's function words, or words of another script
    making a twentieth of the sample."""
    s = _vote_sample(text[:200_000])
    if lang in _FUNCTION_WORDS:
        scores = _votes(s)
        runs = _non_latin_runs(s)
        words = _non_latin_words(runs) if runs else None
        other = words["zh"] + words["ru"] + words["ar"] if words else 0
        if other >= 5:
            # the Latin words (a regex match each) matter only below 20x the others: from
            # there on the others make under a twentieth, so they are counted that far
            cap = 20 * other
            latin = _LATIN_WORD_AND_GAP.subn("", s, count=cap)[1]
            if latin < cap and other >= max(5, _MIXED_SCRIPT_SHARE * (other + latin)):
                return True
        others = [v for k, v in scores.items() if k != lang]
        return max(others, default=0) >= max(1, _MIXED_SHARE * scores[lang])
    # a document in a non-Latin script: mixed when Latin-script prose is there too (twenty
    # function words: the count stops there)
    return _has_function_words(s, 20)


def language_runs(text: str, lang: str | None = None) -> tuple[LangRun, ...]:
    """The text as runs of one language each, covering it from 0 to ``len(text)``.

    ``lang`` is the document's language (:func:`detect_lang` when not given); blocks with no
    evidence of their own take the language of the block before them (the first ones, of the
    block after), else ``lang``.

    Example:
        >>> es = "Resolución de la Asamblea, con los Estados Miembros y para el Sector. " * 8
        >>> en = "The Assembly, considering that the Director of the Bureau instructs. " * 8
        >>> [(r.lang, r.start) for r in language_runs(es + "\\n\\n" + en)]
        [('es', 0), ('en', 562)]
    """
    lang = lang or detect_lang(text)
    if not text or not _is_mixed(text, lang):
        return (LangRun(0, len(text), lang),)
    blocks = _blocks(text)
    # a block's first few kB decide it: a long block costs no more than a short one
    langs = [_block_lang(text[s : min(e, s + _BLOCK_SAMPLE)]) for s, e in blocks]
    known = [x for x in langs if x is not None]
    prev = known[0] if known else lang
    runs: list[LangRun] = []
    for (s, e), found in zip(blocks, langs, strict=True):
        current = found or prev
        prev = current
        if runs and runs[-1].lang == current:
            runs[-1] = LangRun(runs[-1].start, e, current)
        else:
            runs.append(LangRun(s, e, current))
    return tuple(runs)

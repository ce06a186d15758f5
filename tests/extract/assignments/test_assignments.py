"""Clause heads that give work: the itu_assignments component and find_assignments."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.assignments.find import find_assignments, heads_to_assignments
from extract.assignments.heads import find_heads, load_assignment_patterns
from extract.assignments.table import loose_diacritics
from extract.corpus import extract_document
from extract.models import DocumentStructure
from extract.nlp.pipeline import build_nlp

ROOT = Path(__file__).parents[3]
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "gold" / "assignments.jsonl"


def _seed(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def _excerpt(prefix: str, first: str, last: str) -> str:
    """A real excerpt of a seed: from the line containing ``first`` to the one with ``last``."""
    text = _seed(prefix).read_text(encoding="utf-8")
    a = text.rfind("\n", 0, text.index(first)) + 1
    b = text.index("\n", text.index(last, a))
    return text[a:b]


def test_head_with_collaborator_from_a_resolution():
    text = _excerpt("000", "instructs the Director", "4\tto strengthen")
    [head] = find_heads(text, "en", "ITU-T")
    assert text[head.start : head.end].endswith("Telecommunication Development Bureau")
    assert (head.verb, head.addressee, head.collaborators) == ("instructs", "TSB", ("BDT",))
    assert head.pattern == "en-instructs"


def test_items_with_their_own_addressees_become_addressee_only_heads():
    # WTSA Res. 18 (002): "invites\n1 RAG, TSAG and TDAG to ...\n2 the Directors of ... to ..."
    text = _excerpt("002", "Bureaux involved,", "1 the ITU-T study groups")
    heads = find_heads(text, "en", "ITU-T")
    got = [(h.verb, h.addressee, h.addressee_only) for h in heads]
    assert got == [
        ("invites", "RAG, TSAG and TDAG", True),
        ("invites", "BR, TSB, BDT and ISC-TF", True),
        ("instructs", "ITU-T study groups", True),
    ]
    assert all(text[h.verb_start : h.verb_end] in {"invites", "instructs"} for h in heads)


def test_other_bureaux_seen_from_the_development_bureau():
    text = _excerpt("001", "g)\tthat Resolution\xa0195", "Smart Africa Manifesto;")
    [head] = find_heads(text, "en", "ITU-T")
    assert (head.verb, head.addressee, head.collaborators) == (
        "resolves to instruct",
        "BDT",
        ("TSB", "BR"),
    )
    assert not head.line_start


def test_chinese_heads_with_collaborators():
    text = _excerpt("004", "第44号决议", "第44号决议")
    got = [(h.verb, h.addressee, h.collaborators) for h in find_heads(text, "zh", "ITU-T")]
    assert ("instructs", "ITU-T", ("ITU-R", "ITU-D")) in got
    assert ("resolves further", "ITU regional offices", ()) in got
    assert ("invites", "TSB", ("BDT", "BR")) in got


def test_task_cooperation_is_not_a_collaborator():
    # "calls upon the Director of TSB\n1 to cooperate with the Director of BDT" (Res. 54)
    text = _excerpt("002", "calls upon\nthe Director", "1\tto cooperate with")
    [head] = find_heads(text, "en", "ITU-T")
    assert (head.verb, head.addressee, head.collaborators) == ("calls upon", "TSB", ())


def test_no_head_without_an_addressee():
    text = _excerpt("002", "resolves\n1\tthat the action plan", "2\tthat ITU-T, in collaboration")
    assert find_heads(text, "en", "ITU-T") == []


@pytest.mark.parametrize(
    "entry", [p for p in load_assignment_patterns(None) if p.kind == "verb"], ids=lambda p: p.id
)
def test_every_verb_pattern_reads_its_example(entry):
    heads = find_heads(entry.example, entry.lang, "ITU-T")
    assert any(h.pattern == entry.id and h.verb == entry.label for h in heads), entry.id


def test_every_pattern_entry_has_id_label_and_a_matching_example():
    rows = load_assignment_patterns(None)
    assert len({r.id for r in rows}) == len(rows)
    for r in rows:
        assert r.label and r.example, r.id
        # Arabic rows are written bare and compiled with optional diacritics ("يُكلَّف")
        pattern = loose_diacritics(r.pattern) if r.lang == "ar" else r.pattern
        assert re.search(pattern, r.example, re.IGNORECASE | re.MULTILINE), r.id


def test_component_puts_spans_in_the_doc_and_round_trips(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("itu_assignments", config={"sector": "ITU-T"})
    text = _excerpt("002", "RESOLUTION 92", "1\tto bring this resolution")
    doc = nlp(text)
    spans = doc.spans["itu_assignments"]
    assert [s.label_ for s in spans] == ["instructs"] * 5
    assert [s._.itu_assignment["addressee"] for s in spans] == [
        "ITU-T SG3",
        "ITU-T SG5",
        "ITU-T SG12",
        "ITU-T SG13",
        "TSB",
    ]
    nlp.to_disk(tmp_path / "nlp")
    again = spacy.load(tmp_path / "nlp")
    doc2 = again(text)
    assert [s.text for s in doc2.spans["itu_assignments"]] == [s.text for s in spans]


def test_component_settings_are_checked_and_patterns_reload(tmp_path):
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="valid: en, zh, fr, es, ru, ar"):
        nlp.add_pipe("itu_assignments", config={"lang": "de"})
    pipe = nlp.add_pipe("itu_assignments")
    only_urges = tmp_path / "urges.jsonl"
    only_urges.write_text(
        '{"id": "t", "lang": "en", "kind": "verb", "label": "urges", "mode": "head", '
        '"pattern": "urges", "example": "urges Member States"}\n',
        encoding="utf-8",
    )
    pipe.initialize(patterns=str(only_urges))
    doc = nlp("urges Member States\ninvites the Council")
    assert [s.text for s in doc.spans["itu_assignments"]] == ["urges Member States"]


def _gold(prefix: str) -> list[dict]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["doc"].startswith(prefix)]


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_whole_resolutions_against_the_gold(prefix):
    result = extract_document(_seed(prefix))
    got = {
        (a.start, a.end, a.source, a.resolution, a.addressee, a.collaborators)
        for a in result.assignments
    }
    want = {
        (
            g["start"],
            g["end"],
            g["source"],
            g["resolution"],
            g["addressee"],
            tuple(g["collaborators"]),
        )
        for g in _gold(prefix)
    }
    assert got == want
    for a in result.assignments:
        assert result.doc.text[a.start : a.end] == a.surface


def test_find_assignments_on_an_unsegmented_document():
    doc = extract_document(_seed("003")).doc
    empty = DocumentStructure(doc.name, "en", None, None, ())
    got = [(a.verb, a.addressee) for a in find_assignments(doc, empty, build_nlp())]
    assert got == [("resolves to instruct", "TSB"), ("encourages", "Sector Members")]


PIECES = [
    *"abc ,;:()\n\t1234",
    *("instructs ", "invites ", "the Director of ", "TSB", "Bureaux", " and ", "resolves "),
    *("in collaboration with ", "Study Group ", "that ", "is invited", "\n2\t", "\n"),
    *("the Directors of the other Bureaux", "责成", "主任", "电信标准化局", "与", "协作", "请"),
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_arbitrary_text_never_crashes_and_offsets_slice_back(text):
    for lang in ("en", "zh"):
        for h in find_heads(text, lang, "ITU-T"):
            assert 0 <= h.start < h.end <= len(text)
            assert text[h.start : h.end].strip() == text[h.start : h.end]
            assert h.addressees and h.verb


@pytest.fixture(scope="module")
def pipeline():
    return build_nlp("en")


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
)
def test_component_and_records_on_arbitrary_text(pipeline, text):
    doc = pipeline(text)
    for span in doc.spans["itu_assignments"]:
        head = span._.itu_assignment
        assert text[head["start"] : head["end"]] in span.text
    empty = DocumentStructure("x.txt", "en", None, None, ())
    heads = find_heads(text, "en", None) + find_heads(text, "zh", None)
    for rec in heads_to_assignments(heads, "x.txt", text, empty):
        assert text[rec.start : rec.end] == rec.surface
        assert rec.to_json()["type"] == "assignment"


def _prescan_both_ways(
    text: str, lang: str = "en"
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A language's prescan matches from its anchors, and from one regex scan of the text."""
    from extract.assignments.verbs import compile_verbs as _compile
    from extract.assignments.verbs import prescan_matches as _prescan_matches

    comp = _compile(load_assignment_patterns(lang), lang)
    assert comp.prescan is not None
    # Arabic diacritics may stand between any two letters: no literal is in every match, and
    # the regex scan reads only the Arabic runs of a text
    assert comp.anchors or lang == "ar", f"the {lang} prescan declares anchors"
    fast = [m.span() for m in _prescan_matches(text, comp)]
    full = [m.span() for m in comp.prescan.finditer(text)]
    return fast, full


def test_prescan_anchors_find_what_the_regex_finds_in_the_corpus_and_examples() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += [p.example for p in load_assignment_patterns(None)]
    for lang in ("en", "fr", "es", "ru", "ar"):
        for text in texts:
            fast, full = _prescan_both_ways(text, lang)
            assert fast == full, lang


_WORDS = [
    "instructs", "Invites", "encourages", "calls", "upon", "Requests", "urges", "assigns",
    "resolves", "decides", "further", "Further", "furthermore", "is", "are", "also", "invited",
    "instructed", "encouraged", "requested", "this", "the", "Director", "reinstructs", "is-",
    "asked", "called", "urged", "resolved", "Resolved",
]  # fmt: skip

_OTHER_WORDS = {
    "fr": ["charge", "est", "sont", "également", "invités", "chargé", "priée", "encouragées",
           "invite", "le", "Conseil", "prie", "demande", "en", "outre"],
    "es": ["encarga", "invita", "resuelve", "pide", "insta", "alienta", "al", "Consejo", "se",
           "están", "invitados", "queda", "encargado", "también", "son", "alentadas"],
    "ar": ["يكلف", "يدعو", "يطلب", "إلى", "الأمين", "العام", "ويطلب", "يقرر", "تكليف"],
    "ru": ["поручает", "также", "поручается", "предлагается", "далее", "Поручает", "просит",
           "настоятельно", "призывает", "решает", "Совету", "и"],
}  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "\n", "\t", " \n ", ", ", "-"])
        ),
        max_size=30,
    )
)
def test_prescan_anchors_find_what_the_regex_finds_anywhere(pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    fast, full = _prescan_both_ways(text)
    assert fast == full


@pytest.mark.parametrize("lang", sorted(_OTHER_WORDS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_prescan_anchors_agree_in_other_languages(lang: str, data: st.DataObject) -> None:
    words = st.sampled_from(_OTHER_WORDS[lang])
    seps = st.sampled_from([" ", "   ", "\n", ", "])
    pieces = data.draw(st.lists(st.tuples(words, seps), max_size=25))
    text = "".join(w + sep for w, sep in pieces)
    fast, full = _prescan_both_ways(text, lang)
    assert fast == full

"""Property tests: any text goes through the citation pipeline without crashing, and every
record's offsets slice back to its surface.

Why fragments: random unicode almost never contains "Resolution 12 (Rev." and would only test
the pre-scan; gluing citation fragments, venues, brackets, line breaks, NBSP and Chinese pieces
reaches the parser's corners (unclosed brackets, eight-digit years, coordinated numbers at the
end of the text).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extract.citations.find import find_citations
from extract.models import DocumentStructure, SourceDoc
from extract.nlp.pipeline import build_nlp

NLP: Language = build_nlp()

FRAGMENTS = [
    "Resolution",
    "Resolutions",
    "RESOLUTION",
    "resolution",
    "Decision",
    "Question",
    "WTDC",
    "Recommendation ITU-T",
    "E.161.1",
    "resolves",
    "instructs",
    "invites the Secretary-General",
    "above",
    "below",
    "of this resolution",
    "of the Plenipotentiary Conference",
    "of this assembly",
    "of the Council",
    "(Rev.",
    "(",
    ")",
    "[Rev]",
    "]",
    "[",
    " and ",
    ", ",
    "Busan, 2014",
    "Dubai",
    "2018",
    "20162022",
    "HammametGeneva",
    "Rev.WRC-15",
    "123",
    "1353",
    "3/2",
    "14-3/2",
    "-",
    "\n",
    "\u00a0",
    "\t",
    "第",
    "号决议",
    "号课题",
    "（",
    "）",
    "2014年，釜山",
    "修订版",
    "全权代表大会",
    "本全会",
    "[bookmark: _Toc1]",
    "[footnoteRef:1]1",
    "ITUT",
    "\u2011",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map(
    " ".join
)


def _structure(body: str | None) -> DocumentStructure:
    return DocumentStructure(doc="h.txt", lang="en", body=body, conference=None, resolutions=())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, body=st.sampled_from([None, "WTSA", "PP", "WTDC"]))
def test_any_text_is_safe_and_offsets_slice_back(text: str, body: str | None) -> None:
    doc = SourceDoc(name="h.txt", path="h.txt", format="txt", text=text, sha256="0")
    cits = find_citations(doc, _structure(body), NLP)
    for c in cits:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.surface
        assert c.body_basis in {
            "explicit",
            "this-assembly",
            "inferred-from-venue",
            "context",
            "unknown",
        }
        assert c.number
    assert [c.start for c in cits] == sorted(c.start for c in cits)


@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_plain_nlp_call_never_crashes(text: str) -> None:
    doc = NLP(text)
    for span in doc.spans["itu_citations"]:
        parts = span._.itu
        assert doc.text[parts.start : parts.end].strip()

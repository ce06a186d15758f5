"""French and Spanish citations: the same records as English ones, through the real pipeline.

ITU publishes every resolution in French and Spanish too ("Résolution 123 (Rév. Dubaï, 2018) de
la Conférence de plénipotentiaires", "Resoluciones 70 y 175 (Rev. Dubái, 2018) de la Conferencia
de Plenipotenciarios"). Each case is written the way those texts write it; the test runs the
whole chain (pre-scan, spaCy component, version parsing, organ inference) and checks the facts
a reader would state.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citations import cite

from extract.corpus import extract_document
from extract.models import VersionRef
from extract.nlp.pipeline import build_nlp
from extract.structure.headings import doc_context


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


# (text, surfaces, fields of every citation, pattern of the first)
CASES = [
    (
        "rappelant la Résolution 123 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires,",
        ["Résolution 123 (Rév. Dubaï, 2018)"],
        {
            "number": "123",
            "body": "PP",
            "body_basis": "explicit",
            "venue": "Dubai",
            "year": 2018,
            "revised": True,
        },
        "res-fr",
    ),
    (
        "les Résolutions 70 et 175 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires;",
        ["Résolutions 70", "175 (Rév. Dubaï, 2018)"],
        {"body": "PP", "venue": "Dubai", "year": 2018, "revised": True},
        "res-fr",
    ),
    (
        "la Résolution 37 (Rév. Buenos Aires, 2017) de la Conférence mondiale de développement "
        "des télécommunications (CMDT),",
        ["Résolution 37 (Rév. Buenos Aires, 2017)"],
        {"body": "WTDC", "body_basis": "explicit", "venue": "Buenos Aires"},
        "res-fr",
    ),
    (
        "la Résolution 54 (Rév. Genève, 2022) de la présente Assemblée,",
        ["Résolution 54 (Rév. Genève, 2022)"],
        {"body": "WTSA", "body_basis": "this-assembly", "venue": "Geneva", "year": 2022},
        "res-fr",
    ),
    (
        "la Résolution 1353 du Conseil, relative au rôle",
        ["Résolution 1353"],
        {"body": "Council", "body_basis": "explicit", "venue": None},
        "res-fr",
    ),
    (
        "la Résolution 64 de l’Assemblée mondiale de normalisation des télécommunications et",
        ["Résolution 64"],
        {"body": "WTSA", "body_basis": "explicit"},
        "res-fr",
    ),
    (
        "la Décision 5 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires",
        ["Décision 5 (Rév. Dubaï, 2018)"],
        {"kind": "decision", "body": "PP", "body_basis": "explicit"},
        "dec-fr",
    ),
    (
        "recordando la Resolución 123 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios,",
        ["Resolución 123 (Rev. Dubái, 2018)"],
        {"number": "123", "body": "PP", "body_basis": "explicit", "venue": "Dubai", "year": 2018},
        "res-es",
    ),
    (
        "las Resoluciones 70 y 175 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios,",
        ["Resoluciones 70", "175 (Rev. Dubái, 2018)"],
        {"body": "PP", "venue": "Dubai", "revised": True},
        "res-es",
    ),
    (
        "la Resolución 44 (Rev. Ginebra, 2022) de esta Asamblea;",
        ["Resolución 44 (Rev. Ginebra, 2022)"],
        {"body": "WTSA", "body_basis": "this-assembly", "venue": "Geneva"},
        "res-es",
    ),
    (
        "la Resolución 1353 del Consejo,",
        ["Resolución 1353"],
        {"body": "Council", "body_basis": "explicit"},
        "res-es",
    ),
    (
        "la RESOLUCIÓN 86 (Hammamet, 2016) sobre",
        ["RESOLUCIÓN 86 (Hammamet, 2016)"],
        {"body": "WTSA", "body_basis": "inferred-from-venue", "revised": False},
        "res-es",
    ),
    (
        "la Decisión 11 (Rev. Bucarest, 2022) de la Conferencia de Plenipotenciarios",
        ["Decisión 11 (Rev. Bucarest, 2022)"],
        {"kind": "decision", "body": "PP", "venue": "Bucharest", "year": 2022},
        "dec-es",
    ),
    (
        "la Resolución 5 (Rev. Bakú, 2025), y",
        ["Resolución 5 (Rev. Bakú, 2025)"],
        {"body": "WTDC", "body_basis": "inferred-from-venue", "venue": "Baku", "year": 2025},
        "res-es",
    ),
    (
        "conforme à la Recommandation UIT-T E.161.1 et",
        ["Recommandation UIT-T E.161.1"],
        {"kind": "recommendation", "number": "E.161.1", "sector": "ITU-T"},
        "rec-fr-es",
    ),
    (
        "la Cuestión 3/2 del UIT-D",
        ["Cuestión 3/2"],
        {"kind": "question", "number": "3/2", "sector": "ITU-D", "body": "WTDC"},
        "question-es",
    ),
    (
        "au titre de la Question 6/2 de l'UIT-D",
        ["Question 6/2"],
        {"kind": "question", "sector": "ITU-D", "body": "WTDC"},
        "question-en",
    ),
]


@pytest.mark.parametrize(
    ("text", "surfaces", "fields", "pattern"), CASES, ids=lambda x: str(x)[:40]
)
def test_french_and_spanish_citation_forms(
    nlp: Language, text: str, surfaces: list[str], fields: dict[str, object], pattern: str
) -> None:
    found = cite(nlp, text)
    assert [c["surface"] for c in found] == surfaces
    for c in found:
        assert {k: c.get(k) for k in fields} == fields, c
    assert found[0]["pattern"] == pattern


@pytest.mark.parametrize(
    ("line", "body", "venue", "year"),
    [
        ("L'Assemblée mondiale de normalisation des télécommunications (Genève, 2022),", "WTSA",
         "Geneva", 2022),
        ("La Conférence de plénipotentiaires de l'Union internationale des télécommunications "
         "(Dubaï, 2018),", "PP", "Dubai", 2018),
        ("La Asamblea Mundial de Normalización de las Telecomunicaciones (Ginebra, 2022),",
         "WTSA", "Geneva", 2022),
        ("La Conferencia Mundial de Desarrollo de las Telecomunicaciones (Kigali, 2022),",
         "WTDC", "Kigali", 2022),
    ],
)  # fmt: skip
def test_the_opening_line_names_the_organ_and_its_conference(
    line: str, body: str, venue: str, year: int
) -> None:
    assert doc_context(line) == (body, VersionRef(venue, year))


@pytest.mark.parametrize(
    "text",
    [
        "la résolution de ce problème; une décision du Conseil",
        "la Resolución sobre el tema; las decisiones del Consejo",
        "2 résolutions et 3 décisions",
        "Cuestiones de procedimiento 3",
    ],
)
def test_words_without_a_number_are_not_citations(nlp: Language, text: str) -> None:
    assert cite(nlp, text) == []


FRENCH_RESOLUTION = """\
RÉSOLUTION 44 (Rév. Genève, 2022)

Réduction de l'écart en matière de normalisation entre pays en développement et pays développés

(Florianópolis, 2004; Johannesburg, 2008; Dubaï, 2012; Hammamet, 2016; Genève, 2022)

L'Assemblée mondiale de normalisation des télécommunications (Genève, 2022),

rappelant
a)\tla Résolution 123 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires;
b)\tles Résolutions 70 et 175 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires,

considérant
a)\tla Résolution 54 (Rév. Genève, 2022) de la présente Assemblée,

décide
1\tde poursuivre les travaux au titre de la Recommandation UIT-T E.161.1.
"""


def test_a_french_resolution_end_to_end(tmp_path: object) -> None:
    """A whole French resolution: heading, history, sections and the citations placed in them."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "res44_fr.txt"
    path.write_text(FRENCH_RESOLUTION, encoding="utf-8")
    r = extract_document(path)
    assert r.doc.lang == "fr"
    assert (r.structure.body, r.structure.conference) == ("WTSA", VersionRef("Geneva", 2022))
    assert [(h.number, h.body, h.version_venue, h.version_year) for h in r.headings] == [
        ("44", "WTSA", "Geneva", 2022)
    ]
    last = next(h.history for h in r.headings)[-1]
    assert (last.venue, last.year) == ("Geneva", 2022)
    cited = [(c.number, c.body, c.section, c.paragraph) for c in r.citations if c.role != "heading"]
    assert cited == [
        ("123", "PP", "recalling", "a)"),
        ("70", "PP", "recalling", "b)"),
        ("175", "PP", "recalling", "b)"),
        ("54", "WTSA", "considering", "a)"),
        ("E.161.1", "unknown", "resolves", "1"),
    ]
    assert all(c.host == "44" for c in r.citations)

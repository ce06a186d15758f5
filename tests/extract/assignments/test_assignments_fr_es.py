"""French and Spanish clause heads: the same assignments as English ones.

Each case is an operative clause as ITU's French and Spanish texts write it ("charge le Directeur
du Bureau de la normalisation des télécommunications, en collaboration avec ...", "encarga al
Director de la Oficina de Normalización de las Telecomunicaciones ..."), read by the real head
finder; a whole French and a whole Spanish resolution go through ``extract_document``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.assignments.heads import find_heads
from extract.corpus import extract_document

# (lang, text, [(verb, addressee, collaborators, addressee_only, qualifier)])
CASES = [
    (
        "fr",
        "charge le Directeur du Bureau de la normalisation des télécommunications, en "
        "collaboration avec le Directeur du Bureau de développement des télécommunications,\n"
        "1\tde faire rapport",
        [("instructs", "TSB", ("BDT",), False, None)],
    ),
    (
        "fr",
        "invite les États Membres et les Membres du Secteur\n1\tà contribuer",
        [("invites", "Member States and Sector Members", (), False, None)],
    ),
    (
        "fr",
        "encourage les commissions d'études compétentes de l'UIT-T à poursuivre",
        [("encourages", "ITU-T study groups", (), False, "relevant")],
    ),
    ("fr", "prie le Secrétaire général de porter", [("requests", "SG", (), False, None)]),
    (
        "fr",
        "décide de charger la Commission d'études 17 de l'UIT-T de poursuivre",
        [("resolves to instruct", "ITU-T SG17", (), False, None)],
    ),
    (
        "fr",
        "charge les Directeurs des trois Bureaux de coopérer",
        [("instructs", "TSB, BR and BDT", (), False, None)],
    ),
    (
        "fr",
        "invite\n1\tles États Membres à contribuer;\n2\tle Conseil à examiner",
        [
            ("invites", "Member States", (), True, None),
            ("invites", "Council", (), True, None),
        ],
    ),
    (
        "es",
        "encarga al Director de la Oficina de Normalización de las Telecomunicaciones, en "
        "colaboración con el Director de la Oficina de Desarrollo de las Telecomunicaciones,\n"
        "1\tque informe",
        [("instructs", "TSB", ("BDT",), False, None)],
    ),
    (
        "es",
        "invita a los Estados Miembros y a los Miembros de Sector\n1\ta que contribuyan",
        [("invites", "Member States and Sector Members", (), False, None)],
    ),
    (
        "es",
        "alienta a las Comisiones de Estudio pertinentes del UIT-T a que prosigan",
        [("encourages", "ITU-T study groups", (), False, "relevant")],
    ),
    ("es", "pide al Secretario General que señale", [("requests", "SG", (), False, None)]),
    (
        "es",
        "insta a los Estados Miembros a que participen",
        [("urges", "Member States", (), False, None)],
    ),
    (
        "es",
        "resuelve encargar a la Comisión de Estudio 17 del UIT-T que prosiga",
        [("resolves to instruct", "ITU-T SG17", (), False, None)],
    ),
    (
        "es",
        "invita\n1\ta los Estados Miembros a que contribuyan;\n2\tal Consejo a que examine",
        [
            ("invites", "Member States", (), True, None),
            ("invites", "Council", (), True, None),
        ],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=lambda x: str(x)[:30])
def test_french_and_spanish_heads(lang: str, text: str, expected: list[tuple]) -> None:
    heads = find_heads(text, lang, "ITU-T")
    got = [(h.verb, h.addressee, h.collaborators, h.addressee_only, h.qualifier) for h in heads]
    assert got == expected
    for h in heads:
        assert text[h.start : h.end].strip()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "la charge de travail des commissions"),  # a noun, not the verb
        ("fr", "chargé de la question, le groupe"),
        ("es", "la carga de trabajo que se encarga"),  # no addressee after the verb
        ("es", "Pide la palabra el delegado"),
    ],
)
def test_words_that_are_not_heads(lang: str, text: str) -> None:
    assert find_heads(text, lang, "ITU-T") == []


FRENCH = """\
RÉSOLUTION 44 (Rév. Genève, 2022)

Réduction de l'écart en matière de normalisation

L'Assemblée mondiale de normalisation des télécommunications (Genève, 2022),

considérant
a)\tla Résolution 123 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires,

charge le Directeur du Bureau de la normalisation des télécommunications, en collaboration avec \
le Directeur du Bureau de développement des télécommunications,
1\tde poursuivre les travaux;
2\tde faire rapport à la prochaine assemblée,

invite les États Membres
1\tà contribuer aux travaux.
"""

SPANISH = """\
RESOLUCIÓN 44 (Rev. Ginebra, 2022)

Reducción de la disparidad en materia de normalización

La Asamblea Mundial de Normalización de las Telecomunicaciones (Ginebra, 2022),

considerando
a)\tla Resolución 123 (Rev. Dubái, 2018) de la Conferencia de Plenipotenciarios,

encarga al Director de la Oficina de Normalización de las Telecomunicaciones, en colaboración \
con el Director de la Oficina de Desarrollo de las Telecomunicaciones,
1\tque prosiga los trabajos;
2\tque informe a la próxima Asamblea,

invita a los Estados Miembros
1\ta que contribuyan a los trabajos.
"""


@pytest.mark.parametrize(
    ("name", "text", "lang"), [("fr.txt", FRENCH, "fr"), ("es.txt", SPANISH, "es")]
)
def test_a_whole_resolution_gives_its_assignments(
    tmp_path: Path, name: str, text: str, lang: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = extract_document(path)
    assert r.doc.lang == lang
    got = [
        (a.verb, a.addressee, a.collaborators, a.resolution, a.source, a.section, a.items)
        for a in r.assignments
    ]
    assert got == [
        ("instructs", "TSB", ("BDT",), "44", "operative", "instructs", ("1", "2")),
        ("invites", "Member States", (), "44", "operative", "invites", ("1",)),
    ]
    assert [(c.number, c.body) for c in r.citations if c.role == "citation"] == [("123", "PP")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "demande au Secrétaire général de faire rapport", ("requests", "SG", ())),
        (
            "fr",
            "charge le Secrétaire général, en consultation avec les Directeurs des Bureaux, de",
            ("instructs", "SG", ("TSB", "BR", "BDT")),
        ),
        ("fr", "demande aux États Membres de", ("requests", "Member States", ())),
        (
            "es",
            "encarga al Secretario General, en consulta con los Directores de las Oficinas, que",
            ("instructs", "SG", ("TSB", "BR", "BDT")),
        ),
    ],
)
def test_contracted_articles_and_consultation(lang: str, text: str, expected: tuple) -> None:
    """French "au"/"aux" before the addressee, and "en consultation avec" / "en consulta con"."""
    (h,) = find_heads(text, lang, "ITU-T")
    assert (h.verb, h.addressee, h.collaborators) == expected


@pytest.mark.parametrize(
    "text", ["la demande du Conseil est", "la demande des États Membres", "une demande de"]
)
def test_the_noun_demande_is_not_a_head(text: str) -> None:
    assert find_heads(text, "fr", "ITU-T") == []

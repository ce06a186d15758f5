"""Cases of assignments outside a clean operative section in French, Spanish, Chinese, Russian
and Arabic: text -> [(surface, verb, addressee, collaborators, source, resolution)].

Why apart: the cases are data, written by us in the forms real ITU pages use in each language;
``test_outside_operative.py`` runs them with the English cases and the negatives.
"""

from __future__ import annotations

FRENCH = [
    (
        "Le Conseil de l'UIT a examiné la question. Selon cette Décision, le Directeur du Bureau "
        "de développement des télécommunications est chargé de publier un rapport.",
        [
            (
                "le Directeur du Bureau de développement des télécommunications est chargé",
                "instructs",
                "BDT",
                (),
                "summary",
                None,
            )
        ],
    ),
    (
        "charge le Directeur du Bureau des radiocommunications, en collaboration avec les "
        "Directeurs des deux autres Bureaux,\n1\tde préparer un rapport pour l'UIT",
        [
            (
                "charge le Directeur du Bureau des radiocommunications, en collaboration avec les "
                "Directeurs des deux autres Bureaux",
                "instructs",
                "BR",
                ("TSB", "BDT"),
                "operative",
                None,
            )
        ],
    ),
    (
        "invite le Secteur du developpement des telecommunications de l'UIT a contribuer",
        [
            (
                "invite le Secteur du developpement des telecommunications de l'UIT",
                "invites",
                "ITU-D",
                (),
                "operative",
                None,
            )
        ],
    ),
    (
        "Le Conseil de l'UIT a adopté le plan. La Décision charge le Secrétaire général de l'UIT "
        "de faire rapport et invite les États Membres à contribuer.",
        [
            ("charge le Secrétaire général de l'UIT", "instructs", "SG", (), "summary", None),
            ("invite les États Membres", "invites", "Member States", (), "summary", None),
        ],
    ),
    (
        "Les Membres de Secteur sont invités à participer aux travaux de l'UIT.",
        [("Les Membres de Secteur sont invités", "invites", "Sector Members", (), "summary", None)],
    ),
    (
        "2 que des cours de formation soient offerts, charge le Directeur du Bureau de la "
        "normalisation des télécommunications d'assurer ces cours, charge le Secrétaire "
        "général d'en rendre compte au Conseil.",
        [
            (
                "charge le Directeur du Bureau de la normalisation des télécommunications",
                "instructs",
                "TSB",
                (),
                "operative",
                None,
            ),
            ("charge le Secrétaire général", "instructs", "SG", (), "operative", None),
        ],
    ),
    (
        "Le Secrétaire général est chargé de publier la liste des points de contact de l'UIT.",
        [("Le Secrétaire général est chargé", "instructs", "SG", (), "summary", None)],
    ),
]

SPANISH = [
    (
        "encarga al Director de la Oficina de Normalizacion de las Telecomunicaciones, en "
        "colaboracion con los Directores de las otras dos Oficinas,\n1\tque informe a la UIT",
        [
            (
                "encarga al Director de la Oficina de Normalizacion de las Telecomunicaciones, en "
                "colaboracion con los Directores de las otras dos Oficinas",
                "instructs",
                "TSB",
                ("BR", "BDT"),
                "operative",
                None,
            )
        ],
    ),
    (
        "invita a la Comisin de Estudio 2 del UIT-D a proseguir los estudios",
        [
            (
                "invita a la Comisin de Estudio 2 del UIT-D",
                "invites",
                "ITU-D SG2",
                (),
                "operative",
                None,
            )
        ],
    ),
    (
        "El Consejo de la UIT aprobó el plan. Las administraciones están invitadas a presentar "
        "sus comentarios.",
        [
            (
                "Las administraciones están invitadas",
                "invites",
                "administrations",
                (),
                "summary",
                None,
            )
        ],
    ),
    (
        "El Consejo de la UIT aprobó el plan. La Decisión encarga al Secretario General que "
        "informe y alienta a los Estados Miembros a contribuir.",
        [
            ("encarga al Secretario General", "instructs", "SG", (), "summary", None),
            ("alienta a los Estados Miembros", "encourages", "Member States", (), "summary", None),
        ],
    ),
    (
        "La UIT publicó el plan. Asimismo, se invita a los Estados Miembros a presentar "
        "contribuciones.",
        [("se invita a los Estados Miembros", "invites", "Member States", (), "summary", None)],
    ),
    (
        "resuelve 2 que se publiquen los manuales en línea, invita 1 al Sector de "
        "Normalización de las Telecomunicaciones a proponer estudios prioritarios.",
        [
            (
                "al Sector de Normalización de las Telecomunicaciones",
                "invites",
                "ITU-T",
                (),
                "operative",
                None,
            )
        ],
    ),
    (
        "2 que finalicen los estudios en curso, encarga al Secretario General, en estrecha "
        "colaboración con los Directores de las tres Oficinas, que informe al Consejo de la UIT.",
        [
            (
                "encarga al Secretario General, en estrecha colaboración con los Directores de "
                "las tres Oficinas",
                "instructs",
                "SG",
                ("TSB", "BR", "BDT"),
                "operative",
                None,
            )
        ],
    ),
]

CHINESE = [
    (
        "请各成员国积极参与国际电联的工作。",
        [("请各成员国", "invites", "Member States", (), "operative", None)],
    ),
    (
        "国际电联理事会责成秘书长编写报告。",
        [("责成秘书长", "instructs", "SG", (), "summary", None)],
    ),
    (
        "会议回顾了相关工作。国际电联呼吁各区域组织参与这项工作。",
        [("呼吁各区域组织", "calls upon", "regional organizations", (), "summary", None)],
    ),
    (
        "责成秘书长与各局主任协商，编写一份关于语文的报告。",
        [("责成秘书长与各局主任协商", "instructs", "SG", ("TSB", "BR", "BDT"), "operative", None)],
    ),
    (
        "责成电信发展局主任与电信标准化局主任磋商，组织区域讲习班。",
        [
            (
                "责成电信发展局主任与电信标准化局主任磋商",
                "instructs",
                "BDT",
                ("TSB",),
                "operative",
                None,
            )
        ],
    ),
    (
        "请ITU-T各相关研究组开展这项研究。",
        [("请ITU-T各相关研究组", "invites", "ITU-T study groups", (), "operative", None)],
    ),
    (
        "3 国际电联不承担财务义务，责成电信发展局主任提供必要的协助，责成秘书长向理事会报告进展。",
        [
            ("责成电信发展局主任", "instructs", "BDT", (), "operative", None),
            ("责成秘书长", "instructs", "SG", (), "operative", None),
        ],
    ),
]

RUSSIAN = [
    (
        "Совет МСЭ утвердил план. Данное Решение поручает Генеральному секретарю МСЭ представить "
        "отчет и предлагает Государствам-Членам представить вклады.",
        [
            ("поручает Генеральному секретарю МСЭ", "instructs", "SG", (), "summary", None),
            ("предлагает Государствам-Членам", "invites", "Member States", (), "summary", None),
        ],
    ),
    (
        "поручает Генеральному секретарю представить отчет Совету МСЭ",
        [("поручает Генеральному секретарю", "instructs", "SG", (), "operative", None)],
    ),
    (
        "3 что МСЭ не несет финансовых обязательств, поручает Директору Бюро развития "
        "электросвязи оказывать помощь, поручает Генеральному секретарю информировать Совет.",
        [
            (
                "поручает Директору Бюро развития электросвязи",
                "instructs",
                "BDT",
                (),
                "operative",
                None,
            ),
            ("поручает Генеральному секретарю", "instructs", "SG", (), "operative", None),
        ],
    ),
    (
        "поручает Директору Бюро стандартизации электросвязи в сотрудничестве с Директором "
        "Бюро развития электросвязи\n1\tпровести семинары",
        [
            (
                "поручает Директору Бюро стандартизации электросвязи в сотрудничестве с "
                "Директором Бюро развития электросвязи",
                "instructs",
                "TSB",
                ("BDT",),
                "operative",
                None,
            )
        ],
    ),
    (
        "Совет МСЭ рассмотрел отчет. Государствам-Членам предлагается представить вклады.",
        [("Государствам-Членам предлагается", "invites", "Member States", (), "summary", None)],
    ),
    (
        "решает поручить Радиорегламентарному комитету\n1\tпересмотреть свои методы работы",
        [
            (
                "решает поручить Радиорегламентарному комитету",
                "resolves to instruct",
                "RRB",
                (),
                "operative",
                None,
            )
        ],
    ),
]

ARABIC = [
    (
        "إن مؤتمر المندوبين المفوضين للاتحاد الدولي للاتصالات (لومي، 2031)،\n\n"
        "يكلف مدير مكتب تنمية الاتصالات بالتعاون مع مدير مكتب تقييس الاتصالات\n\n"
        "بإعداد تقرير،\n\nيدعو الدول الأعضاء وأعضاء القطاعات\n\nإلى المشاركة.",
        [
            (
                "يكلف مدير مكتب تنمية الاتصالات بالتعاون مع مدير مكتب تقييس الاتصالات",
                "instructs",
                "BDT",
                ("TSB",),
                "operative",
                None,
            ),
            (
                "يدعو الدول الأعضاء وأعضاء القطاعات",
                "invites",
                "Member States and Sector Members",
                (),
                "operative",
                None,
            ),
        ],
    ),
]

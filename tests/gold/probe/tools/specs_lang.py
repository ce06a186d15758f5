"""Annotation decisions for the non-English ITU passages (class 5) and the negatives (class 6:
UN, UNESCO, ICAO, WHO, CITEL/OAS, APT, CGPM, CEPT). See ../README.md for the conventions."""

from __future__ import annotations

from dsl import (
    B22,
    BA17,
    BU14,
    D18,
    G22,
    INF,
    K22,
    ND24,
    W15,
    W19,
    W23,
    A,
    C,
    P,
    other,
    rec_itu_r,
    un,
)

THREE = ["TSB", "BR", "BDT"]


def define() -> None:
    french_spanish()
    russian_arabic_chinese()
    negatives()


def french_spanish() -> None:
    P(
        "p031",
        "fr",
        "5-lang",
        "French PP resolution: RÉV. heading, Dubaï/Genève, '(AMNT)' and "
        "'de l'AMNT' organ phrases, 'deux autres Bureaux' collaborators",
    )
    C("RÉSOLUTION 101 (RÉV. BUCAREST, 2022)", "101", "PP", B22, rev=True, role="heading", basis=INF)
    C("Résolution 102 (Rév. Dubaï, 2018)", "102", "PP", D18, rev=True)
    C("Résolution 64 (Rév. Genève, 2022)", "64", "WTSA", G22, rev=True)
    C("Résolution 69 (Rév. Hammamet, 2016)", "69", "WTSA", ("Hammamet", 2016), rev=True)
    C("Résolution 20 (Rév. Kigali, 2022)", "20", "WTDC", K22, rev=True)
    pp = {"res": "101", "resolution_body": "PP"}
    A(
        "charge le Directeur du Bureau de la normalisation des télécommunications, en "
        "collaboration avec les Directeurs des deux autres Bureaux",
        "instructs",
        ["TSB"],
        collab=["BR", "BDT"],
        **pp,
    )
    A(
        "invite les États Membres et les Membres de Secteur",
        "invites",
        ["Member States", "Sector Members"],
        **pp,
    )

    P(
        "p032",
        "fr",
        "5-lang",
        "French Council summary: 'Décision 482 du Conseil (modifiée en "
        "2020)' (organ phrase before the parenthesis), French passives 'est chargé', "
        "'sont invitées'",
    )
    C(
        "Décision 482",
        "482",
        "Council",
        kind="decision",
        year=2020,
        rev=True,
        note="'du Conseil (modifiée en 2020)' follows",
    )
    C("Résolution 88 (Rév. Busan, 2014)", "88", "PP", BU14, rev=True)
    C("Résolution 1299 (C09)", "1299", "Council", year=2009, basis="context")
    C("Décision 541 (C06)", "541", "Council", kind="decision", year=2006, basis="context")
    dec = {
        "res": "482",
        "src": "summary",
        "voice": "passive",
        "resolution_kind": "decision",
        "resolution_body": "Council",
    }
    A("le Directeur du Bureau des radiocommunications est chargé", "instructs", ["BR"], **dec)
    A("les administrations sont invitées", "invites", ["administrations"], **dec)

    P(
        "p033",
        "fr",
        "5-lang",
        "French WTSA-24 resolution: 'de la CMDT', a reported PP clause "
        "with three Bureaux, 'commissions d'études de l'UIT-T', TSB with BDT",
    )
    C(
        "RÉSOLUTION 76 (RÉV. NEW DELHI, 2024)",
        "76",
        "WTSA",
        ND24,
        rev=True,
        role="heading",
        basis=INF,
    )
    C("Résolution 177 (Rév. Bucarest, 2022)", "177", "PP", B22, rev=True)
    C("Résolution 47 (Rév. Kigali, 2022)", "47", "WTDC", K22, rev=True, note="'de la CMDT'")
    C("Résolution 197 (Rév. Dubaï, 2018)", "197", "PP", D18, rev=True)
    A(
        "charge le Secrétaire général, en collaboration avec les Directeurs des trois Bureaux",
        "instructs",
        ["SG"],
        collab=THREE,
        res="197",
        src="reported",
        resolution_body="PP",
        host="76",
    )
    wtsa = {"res": "76", "resolution_body": "WTSA"}
    A("charge les commissions d'études de l'UIT-T", "instructs", ["ITU-T study groups"], **wtsa)
    A(
        "charge le Directeur du Bureau de la normalisation des télécommunications, en "
        "collaboration avec le Directeur du Bureau de développement des télécommunications",
        "instructs",
        ["TSB"],
        collab=["BDT"],
        **wtsa,
    )
    A("invite les Membres de Secteur", "invites", ["Sector Members"], **wtsa)

    P(
        "p034",
        "es",
        "5-lang",
        "Spanish PP resolution: Dubái/Ginebra, Council resolution with "
        "'(modificada en 2015) del Consejo', UNGA resolution, SG with the three Bureaux",
    )
    C("RESOLUCIÓN 179 (REV. BUCAREST, 2022)", "179", "PP", B22, rev=True, role="heading", basis=INF)
    C("Resolución 179 (Rev. Dubái, 2018)", "179", "PP", D18, rev=True)
    C("Resolución 50 (Rev. Ginebra, 2022)", "50", "WTSA", G22, rev=True)
    C(
        "Resolución 1306 (modificada en 2015)",
        "1306",
        "Council",
        year=2015,
        rev=True,
        note="'del Consejo' follows the parenthesis",
    )
    un("resolución 44/25", "44/25", basis="explicit")
    pp = {"res": "179", "resolution_body": "PP"}
    A(
        "encarga al Secretario General, en colaboración con los Directores de las tres Oficinas",
        "instructs",
        ["SG"],
        collab=THREE,
        **pp,
    )
    A("invita a los Estados Miembros", "invites", ["Member States"], **pp)

    P(
        "p035",
        "es",
        "5-lang",
        "Spanish WTDC resolution with accents lost in conversion "
        "('RESOLUCION', 'Resolucion', 'colaboracion', 'Comision'), 'Rev.CMR-19', 'UIT-R 22-4'",
    )
    C("RESOLUCION 9 (REV. KIGALI, 2022)", "9", "WTDC", K22, rev=True, role="heading", basis=INF)
    C("Resolucion 9 (Rev. Buenos Aires, 2017)", "9", "WTDC", BA17, rev=True, basis="this-assembly")
    C("Resolucion UIT-R 22-4", "22", "RA", version="4", rev=True)
    C("Resolucion 7 (Rev.CMR-19)", "7", "WRC", W19, rev=True)
    wtdc = {"res": "9", "resolution_body": "WTDC"}
    A(
        "encarga al Director de la Oficina de Desarrollo de las Telecomunicaciones, en estrecha "
        "colaboracion con el Director de la Oficina de Radiocomunicaciones",
        "instructs",
        ["BDT"],
        collab=["BR"],
        **wtdc,
    )
    A("invita a la Comision de Estudio 1 del UIT-D", "invites", ["ITU-D SG1"], **wtdc)

    P(
        "p036",
        "es",
        "5-lang",
        "Spanish summary of PP-22 texts: 'Resolución 1380 del Consejo "
        "(modificada en 2022)', 'encarga al', passive 'están invitados', a Decision's head",
    )
    C(
        "Resolución 71 (Rev. Bucarest, 2022)",
        "71",
        "PP",
        B22,
        rev=True,
        role="heading",
        basis=INF,
        note="summary entry",
    )
    C("Resolución 71", "71", "PP", basis="context", ctx="La Resolución 71 encarga")
    C(
        "Resolución 1380",
        "1380",
        "Council",
        year=2022,
        rev=True,
        note="'del Consejo (modificada en 2022)' follows",
    )
    C(
        "Decisión 5 (Rev. Bucarest, 2022)",
        "5",
        "PP",
        B22,
        kind="decision",
        rev=True,
        role="heading",
        basis=INF,
        note="summary entry",
    )
    sm = {"src": "summary", "resolution_body": "PP"}
    A("encarga al Secretario General", "instructs", ["SG"], res="71", **sm)
    A(
        "los Estados Miembros están invitados",
        "invites",
        ["Member States"],
        res="71",
        voice="passive",
        **sm,
    )
    A("encarga al Consejo", "instructs", ["Council"], res="5", resolution_kind="decision", **sm)


def russian_arabic_chinese() -> None:
    P(
        "p037",
        "ru",
        "5-lang",
        "Russian PP resolution: upper-case 'ПЕРЕСМ. БУХАРЕСТ, 2022 г.' "
        "heading, accusative 'Резолюцию', 'Решение 5', SG with the three Bureaux, Council",
    )
    C(
        "РЕЗОЛЮЦИЯ 71 (ПЕРЕСМ. БУХАРЕСТ, 2022 г.)",
        "71",
        "PP",
        B22,
        rev=True,
        role="heading",
        basis=INF,
    )
    C("Резолюцию 71 (Пересм. Дубай, 2018 г.)", "71", "PP", D18, rev=True)
    C("Резолюцию 151 (Пересм. Пусан, 2014 г.)", "151", "PP", BU14, rev=True, basis=INF)
    C("Решение 5 (Пересм. Бухарест, 2022 г.)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    pp = {"res": "71", "resolution_body": "PP"}
    A(
        "поручает Генеральному секретарю в сотрудничестве с Директорами трех Бюро",
        "instructs",
        ["SG"],
        collab=THREE,
        **pp,
    )
    A("поручает Совету", "instructs", ["Council"], **pp)
    A("предлагает Государствам-Членам", "invites", ["Member States"], **pp)

    P(
        "p038",
        "ru",
        "5-lang",
        "Russian WRC report: instrumental 'Резолюцией 256 (ВКР-23)', "
        "'Пересм. ВКР-19', 'Рез. МСЭ-R 2-9', an ITU-R Recommendation, a cited clause",
    )
    C("Резолюцией 256 (ВКР-23)", "256", "WRC", W23)
    C("Резолюцией 245 (ВКР-19)", "245", "WRC", W19)
    C("Резолюция 224 (Пересм. ВКР-19)", "224", "WRC", W19, rev=True)
    C("Резолюция 256 (ВКР-23)", "256", "WRC", W23)
    C("Рез. МСЭ-R 2-9", "2", "RA", version="9", rev=True)
    rec_itu_r("Рекомендацией МСЭ-R M.1036", "M.1036")
    A("предлагает МСЭ-R", "invites", ["ITU-R"], res="256", src="reported", resolution_body="WRC")

    P(
        "p039",
        "ar",
        "5-lang",
        "Arabic PP resolution: 'القرار 130 (المراجَع في بوخارست، 2022)' "
        "heading, citations glued to the preposition ب, a UNGA resolution, Arabic heads",
    )
    C(
        "القرار 130 (المراجَع في بوخارست، 2022)",
        "130",
        "PP",
        B22,
        rev=True,
        role="heading",
        basis=INF,
    )
    C(
        "القرار 174 (المراجَع في بوسان، 2014)",
        "174",
        "PP",
        BU14,
        rev=True,
        note="glued preposition 'ب' outside the surface",
    )
    C("القرار 45 (المراجَع في كيغالي، 2022)", "45", "WTDC", K22, rev=True)
    un("قرار الجمعية العامة للأمم المتحدة 57/239", "57/239", basis="explicit")
    pp = {"res": "130", "resolution_body": "PP"}
    A("يكلف الأمين العام", "instructs", ["SG"], **pp)
    A("يدعو الدول الأعضاء", "invites", ["Member States"], **pp)

    P(
        "p040",
        "ar",
        "5-lang",
        "Arabic BDT report: WTDC/WTSA organ phrases, '(Rev.WRC-19)' in "
        "Latin script, Council Decision 'المقرر 482 للمجلس (المعدَّل في 2020)', "
        "'قرار المجلس 1380'; 'يطلب القرار 2 ... تعزيز' has no addressee",
    )
    C("القرار 1 (المراجَع في كيغالي، 2022)", "1", "WTDC", K22, rev=True)
    C("القرار 2 (المراجَع في جنيف، 2022)", "2", "WTSA", G22, rev=True)
    C("القرار 229 (Rev.WRC-19)", "229", "WRC", W19, rev=True)
    C("القرار 9 (المراجَع في كيغالي، 2022)", "9", "WTDC", K22, rev=True, basis=INF)
    C(
        "المقرر 482",
        "482",
        "Council",
        kind="decision",
        year=2020,
        rev=True,
        note="'للمجلس (المعدَّل في 2020)' follows",
    )
    C("قرار المجلس 1380 (المعدَّل في 2022)", "1380", "Council", year=2022, rev=True)

    P(
        "p041",
        "zh",
        "5-lang",
        "Chinese PP resolution: 2022 Bucharest heading, 2018 Dubai "
        "citations, a UNGA resolution, 责成...与三个局的主任协商, 请电信发展局主任, 请各成员国",
    )
    C(
        "第179号决议（2022年，布加勒斯特，修订版）",
        "179",
        "PP",
        B22,
        rev=True,
        role="heading",
        basis=INF,
    )
    C("第179号决议（2018年，迪拜，修订版）", "179", "PP", D18, rev=True, basis=INF)
    C("第175号决议（2018年，迪拜，修订版）", "175", "PP", D18, rev=True, basis=INF)
    un("第44/25号决议", "44/25", basis="explicit")
    pp = {"res": "179", "resolution_body": "PP"}
    A("责成秘书长与三个局的主任协商", "instructs", ["SG"], collab=THREE, **pp)
    A("请电信发展局主任", "invites", ["BDT"], **pp)
    A("请各成员国", "invites", ["Member States"], **pp)

    P(
        "p042",
        "zh",
        "5-lang",
        "Chinese WRC report: （WRC-23）, （WRC-19，修订版）, ITU-R第2-9号决议, "
        "ITU-R M.1036建议书, 请ITU-R各相关研究组 (a cited clause)",
    )
    C("第256号决议（WRC-23）", "256", "WRC", W23)
    C("第223号决议（WRC-23，修订版）", "223", "WRC", W23, rev=True)
    C("第224号决议（WRC-19，修订版）", "224", "WRC", W19, rev=True)
    C("ITU-R第2-9号决议", "2", "RA", version="9", rev=True)
    rec_itu_r("ITU-R M.1036建议书", "M.1036")
    A(
        "请ITU-R各相关研究组",
        "invites",
        ["ITU-R study groups"],
        res="256",
        src="reported",
        resolution_body="WRC",
        addressee_qualifier="relevant",
    )


def negatives() -> None:
    P(
        "p043",
        "en",
        "6-negative",
        "UNGA resolution: symbol, heading number, 'its resolutions "
        "56/183 of ..., 57/295 ... and 72/200', ECOSOC 'Council resolution 2018/28'; UN "
        "'Invites Member States', 'Requests the Secretary-General' are not ITU heads",
    )
    un("A/RES/73/218", "73/218", basis="explicit")
    un("73/218", "73/218", ctx="73/218. Information", role="heading")
    un("resolutions 56/183", "56/183")
    un("57/295", "57/295", list_member=True)
    un("72/200", "72/200", list_member=True)
    un("resolution 70/1", "70/1")
    un("resolution 2018/28", "2018/28", "other", basis="explicit", note="ECOSOC resolution")

    P(
        "p044",
        "en",
        "6-negative",
        "UNSC resolution: four-digit numbers with years (look like "
        "Council resolutions), 'invites Member States ... the Council'; no ITU heads",
    )
    un("S/RES/2417 (2018)", "2417", "UNSC", year=2018, basis="explicit")
    un("Resolution 2417 (2018)", "2417", "UNSC", year=2018, role="heading", basis="explicit")
    un("resolutions 1265 (1999)", "1265", "UNSC", year=1999)
    for n, y in (("1296", 2000), ("1674", 2006), ("1894", 2009), ("2175", 2014)):
        un(f"{n} ({y})", n, "UNSC", year=y, list_member=True)
    un("resolution 2286 (2016)", "2286", "UNSC", year=2016)
    un("resolution 46/182", "46/182", basis="explicit")

    P(
        "p045",
        "en",
        "6-negative",
        "UNESCO General Conference: '29 C/Resolution 12', Executive "
        "Board decision, 'Geneva (2003)' (WSIS, not a citation); UNESCO verbs are no heads",
    )
    other("29 C/Resolution 12", "29 C/12")
    other("30 C/Resolution 37", "30 C/37")
    other("31 C/Resolution 32", "31 C/32")
    other("decision 164 EX/3.1.3", "164 EX/3.1.3")

    P(
        "p046",
        "en",
        "6-negative",
        "ICAO position paper: ICAO Assembly resolutions A41-8 and "
        "A40-1, 'The ICAO Council ... The Council requests States' (no head); ITU WRC citations",
    )
    other("Resolution A41-8", "A41-8", note="ICAO Assembly")
    other("Resolution A40-1", "A40-1", note="ICAO Assembly")
    C("Resolution 155 (Rev.WRC-23)", "155", "WRC", W23, rev=True)
    C("Resolution 417 (Rev.WRC-15)", "417", "WRC", W15, rev=True)
    rec_itu_r("Recommendation ITU-R M.1318", "M.1318")

    P(
        "p047",
        "en",
        "6-negative",
        "WHO World Health Assembly resolution WHA71.7 citing "
        "WHA resolutions; 'URGES Member States', 'REQUESTS the Director-General' are no heads",
    )
    other("WHA71.7", "WHA71.7", role="heading")
    other("resolution WHA58.28 (2005)", "WHA58.28", year=2005)
    other("resolution WHA66.24 (2013)", "WHA66.24", year=2013)

    P(
        "p048",
        "es",
        "6-negative",
        "CITEL (OAS) resolution: COM/CITEL RES. symbols, OAS "
        "General Assembly AG/RES.; CITEL verbs are no heads; one ITU PP citation",
    )
    other("COM/CITEL RES. 100 (XL-22)", "COM/CITEL RES. 100 (XL-22)", role="heading")
    C("Resolución 77 (Rev. Dubái, 2018)", "77", "PP", D18, rev=True)
    other("resolución CITEL RES. 84 (VIII-22)", "CITEL RES. 84 (VIII-22)")
    other(
        "resolución AG/RES. 2959 (L-O/20)",
        "AG/RES. 2959 (L-O/20)",
        note="OAS General Assembly (not UNGA)",
    )

    P(
        "p049",
        "en",
        "6-negative",
        "APT Management Committee resolution: 'RESOLUTION MC-46/1', "
        "'Resolution No. 12' of the APT General Assembly; 'Instructs the Secretary General of the "
        "APT' is no head; a reported clause of WRC Resolution 72",
    )
    other("RESOLUTION MC-46/1", "MC-46/1", role="heading")
    other("Resolution No. 12", "12", note="APT General Assembly")
    C("Resolution 72 (Rev.WRC-19)", "72", "WRC", W19, rev=True)
    A(
        "invites regional telecommunication organizations",
        "invites",
        ["regional telecommunication organizations"],
        res="72",
        src="reported",
        resolution_body="WRC",
        note="clause of the ITU resolution quoted in an APT text",
    )

    P(
        "p050",
        "fr",
        "6-negative",
        "CGPM resolutions (bare 'Résolution 1/2/5'); 'invite les "
        "États Membres' is a CGPM verb; WRC 'Résolution 655 (CMR-15)' and its reported clause",
    )
    other("Résolution 2", "2", ctx="Résolution 2 \u2014", role="heading")
    other("Résolution 1", "1", note="CGPM, 14th meeting (1971)")
    other("Résolution 5", "5", note="CGPM, 15th meeting (1975)")
    C("Résolution 655 (CMR-15)", "655", "WRC", W15)
    A("charge l'UIT-R", "instructs", ["ITU-R"], res="655", src="reported", resolution_body="WRC")

    P(
        "p051",
        "ru",
        "6-negative",
        "UNSC resolution in Russian: 'резолюции 1696 (2006), ...', "
        "GA 'резолюцию 68/1'; 'поручает Генеральному секретарю' is a UN head, not ITU",
    )
    un("Резолюция 2231 (2015)", "2231", "UNSC", year=2015, role="heading", basis="explicit")
    un("резолюции 1696 (2006)", "1696", "UNSC", year=2006)
    for n, y in (("1737", 2006), ("1747", 2007), ("1929", 2010)):
        un(f"{n} ({y})", n, "UNSC", year=y, list_member=True)
    un("резолюцию 68/1", "68/1", basis="explicit")

    P(
        "p052",
        "ar",
        "6-negative",
        "Arabic UN news: GA resolutions 'القرار 73/218', "
        "'القرار 70/1', SC 'قراره 2417 (2018)'; 'يطلب إلى الأمين العام', "
        "'يدعو الدول الأعضاء' are UN verbs",
    )
    un("القرار 73/218", "73/218", basis="explicit")
    un("القرار 70/1", "70/1")
    un("القرار 57/295", "57/295")
    un("قراره 2417 (2018)", "2417", "UNSC", year=2018, basis="explicit")

    P(
        "p053",
        "zh",
        "6-negative",
        "UNGA resolution in Chinese: 第73/218号决议, list "
        "第56/183号、第57/295号和第72/200号决议, SC 第2417(2018)号决议; 请各成员国/请秘书长 "
        "are UN verbs",
    )
    un("第73/218号决议", "73/218", role="heading", basis="explicit")
    un("第56/183号", "56/183")
    un("第57/295号", "57/295", list_member=True)
    un("第72/200号决议", "72/200", list_member=True)
    un("第70/1号决议", "70/1")
    un("第2417(2018)号决议", "2417", "UNSC", year=2018, basis="explicit")

    P(
        "p054",
        "en",
        "6-negative",
        "CEPT ECC Decision and EU Implementing Decision; 'DECIDES 1. "
        "that CEPT administrations' is no ITU head; WRC citations",
    )
    other("Decision (20)01", "(20)01", note="ECC Decision")
    other("Decision (EU) 2021/1067", "(EU) 2021/1067", note="Commission Implementing Decision")
    C("Resolution 245 (WRC-19)", "245", "WRC", W19)
    C("Resolution 229 (Rev.WRC-23)", "229", "WRC", W23, rev=True)

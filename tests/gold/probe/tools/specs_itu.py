"""Annotation decisions for the ITU-R passages (class 1, English and the ITU-R pages in French,
Spanish, Russian and Chinese) and the WRC/RR passages (class 2). See ../README.md."""

from __future__ import annotations

from dsl import (
    B22,
    D18,
    INF,
    K22,
    W07,
    W12,
    W15,
    W19,
    W23,
    W97,
    W2000,
    A,
    C,
    P,
    rec_itu_t,
)

BR_DIR = "instructs the Director of the Radiocommunication Bureau"


def ra(surface: str, number: str, version: str | None = None, **kw: object) -> None:
    """Resolution ITU-R n[-v]: Radiocommunication Assembly; a suffix is a revision."""
    C(surface, number, "RA", version=version, rev=version is not None, **kw)


def define() -> None:
    itu_r()
    wrc()


def itu_r() -> None:
    P(
        "p001",
        "en",
        "1-ITU-R",
        "RA resolution: heading with version suffix, WRC citation with "
        "organ phrase, bare 'resolves' items with a Bureau Director (not heads), operative head",
    )
    ra("RESOLUTION ITU-R 2-9", "2", "9", role="heading")
    C("Resolution 72 (Rev.WRC-19)", "72", "WRC", W19, rev=True)
    ra("Resolution ITU-R 1-9", "1", "9")
    A(BR_DIR, "instructs", ["BR"], res="2", resolution_body="RA")

    P(
        "p002",
        "en",
        "1-ITU-R",
        "RAG summary: ITU-R lists with and without version suffix, "
        "'Res. ITU-R', clauses of cited RA resolutions, an ITU-T Recommendation",
    )
    ra("Resolutions ITU-R 1-9", "1", "9")
    ra("2-9", "2", "9", ctx="1-9 and 2-9", list_member=True)
    ra("Res. ITU-R 15-7", "15", "7")
    ra("Resolutions ITU-R 22", "22")
    ra("23", "23", ctx="22 and 23", list_member=True)
    ra("Resolution ITU-R 61-2", "61", "2")
    ra("Resolution ITU-R 48-3", "48", "3")
    rec_itu_t("Recommendation ITU-T A.1", "A.1")
    A(
        "invites the ITU-R study groups",
        "invites",
        ["ITU-R study groups"],
        res="61",
        src="reported",
        resolution_body="RA",
        note="clause of the cited Res. ITU-R 61-2 in a report",
    )
    A(BR_DIR, "instructs", ["BR"], res="48", src="reported", resolution_body="RA")

    P(
        "p003",
        "fr",
        "1-ITU-R",
        "French RA resolution: RÉSOLUTION UIT-R with suffix, PP citation "
        "with French organ phrase, UIT-T Recommendation, 'charge' head",
    )
    ra("RÉSOLUTION UIT-R 9-7", "9", "7", role="heading")
    ra("Résolution UIT-R 1-9", "1", "9")
    C(
        "Résolution 71 (Rév. Bucarest, 2022)",
        "71",
        "PP",
        B22,
        rev=True,
        note="Bucarest -> Bucharest",
    )
    rec_itu_t("Recommandation UIT-T A.23", "A.23")
    A(
        "charge le Directeur du Bureau des radiocommunications",
        "instructs",
        ["BR"],
        res="9",
        resolution_body="RA",
    )

    P(
        "p004",
        "es",
        "1-ITU-R",
        "Spanish RA resolution: RESOLUCIÓN UIT-R heading, WTDC citation "
        "with Spanish organ phrase, 'encarga ... en colaboración con' and a two-addressee 'invita'",
    )
    ra("RESOLUCIÓN UIT-R 5-9", "5", "9", role="heading")
    ra("Resolución UIT-R 1-9", "1", "9")
    C("Resolución 9 (Rev. Kigali, 2022)", "9", "WTDC", K22, rev=True)
    A(
        "encarga al Director de la Oficina de Radiocomunicaciones, en colaboración con el "
        "Director de la Oficina de Desarrollo de las Telecomunicaciones",
        "instructs",
        ["BR"],
        collab=["BDT"],
        res="5",
        resolution_body="RA",
    )
    A(
        "invita a los Estados Miembros y a los Miembros de Sector",
        "invites",
        ["Member States", "Sector Members"],
        res="5",
        resolution_body="RA",
    )

    P(
        "p005",
        "ru",
        "1-ITU-R",
        "Russian RA resolution: РЕЗОЛЮЦИЯ МСЭ-R heading, prepositional "
        "'Резолюции 208 (Пересм. Дубай, 2018 г.)', 'поручает Директору Бюро радиосвязи'",
    )
    ra("РЕЗОЛЮЦИЯ МСЭ-R 15-7", "15", "7", role="heading")
    C("Резолюции 208 (Пересм. Дубай, 2018 г.)", "208", "PP", D18, rev=True)
    ra("Резолюции МСЭ-R 1-9", "1", "9")
    A("поручает Директору Бюро радиосвязи", "instructs", ["BR"], res="15", resolution_body="RA")

    P(
        "p006",
        "zh",
        "1-ITU-R",
        "Chinese RA resolution: ITU-R第5-9号决议, PP citation with "
        "full-width parenthesis, 责成...与...协商 collaborators, 请各成员国和部门成员",
    )
    ra("ITU-R第5-9号决议", "5", "9", role="heading")
    ra("ITU-R第1-9号决议", "1", "9")
    C("第191号决议（2018年，迪拜，修订版）", "191", "PP", D18, rev=True, basis=INF)
    A(
        "责成无线电通信局主任与电信标准化局主任和电信发展局主任协商",
        "instructs",
        ["BR"],
        collab=["TSB", "BDT"],
        res="5",
        resolution_body="RA",
    )
    A(
        "请各成员国和部门成员",
        "invites",
        ["Member States", "Sector Members"],
        res="5",
        resolution_body="RA",
    )

    P(
        "p007",
        "en",
        "1-ITU-R",
        "damaged PDF: contents lines 'Res.ITUR 1-9Working' (hyphen lost, "
        "title glued), heading 'ITU R', glued labels 'a)Resolution', glued 'ofthe' in a head",
    )
    for num, ver in (("1", "9"), ("2", "9"), ("4", "8"), ("6", "2")):
        ra(f"Res.ITUR {num}-{ver}", num, ver, role="heading", note="contents line")
    ra("RESOLUTION ITU R 4-8", "4", "8", role="heading")
    C("Resolution 80 (Rev.WRC-07)", "80", "WRC", W07, rev=True, note="glued label 'a)'")
    ra("Resolution ITU-R 1-9", "1", "9", note="glued label 'b)'")
    ra("Resolutions ITU-R 5", "5")
    ra("6", "6", ctx="ITU-R 5 and 6,", list_member=True)
    A(
        "instructs the Director ofthe Radiocommunication Bureau",
        "instructs",
        ["BR"],
        res="4",
        resolution_body="RA",
    )


def wrc() -> None:
    P(
        "p008",
        "en",
        "2-WRC",
        "WRC resolution: upper-case '(REV.WRC-23)' heading, WRC-15 "
        "citations, 'invites administrations', BR head",
    )
    C("RESOLUTION 155 (REV.WRC-23)", "155", "WRC", W23, rev=True, role="heading")
    C("Resolution 155 (WRC-15)", "155", "WRC", W15)
    C("Resolution 156 (WRC-15)", "156", "WRC", W15)
    A("invites administrations", "invites", ["administrations"], res="155", resolution_body="WRC")
    A(BR_DIR, "instructs", ["BR"], res="155", resolution_body="WRC")

    P(
        "p009",
        "en",
        "2-WRC",
        "RR footnotes: '(Rev.WRC‑23)' with U+2011, '(Rev.WRC 19)', "
        "'(REV.WRC-19)', '(WRC12)', a WRC Recommendation; '(WRC‑23)' footnote markers "
        "not annotated",
    )
    C("Resolution 223 (Rev.WRC\u201123)", "223", "WRC", W23, rev=True)
    C("Resolution 229 (Rev.WRC 19)", "229", "WRC", W19, rev=True)
    C("Resolution 748 (REV.WRC-19)", "748", "WRC", W19, rev=True)
    C("Resolution 218 (WRC12)", "218", "WRC", W12)
    C(
        "Recommendation 707 (WRC-23)",
        "707",
        "WRC",
        W23,
        kind="recommendation",
        note="WRC Recommendation: near-miss kind",
    )

    P(
        "p010",
        "en",
        "2-WRC",
        "WRC agenda resolution: NBSP in 'Resolution\u00a0256', "
        "'resolves to recommend to the Council' (not a head), three operative heads",
    )
    C("RESOLUTION 811 (WRC-23)", "811", "WRC", W23, role="heading")
    C("Resolution 804 (Rev.WRC-19)", "804", "WRC", W19, rev=True)
    C("Resolution\u00a0256 (WRC-23)", "256", "WRC", W23, note="no-break space")
    C("Resolution 27 (Rev.WRC-19)", "27", "WRC", W19, rev=True)
    C("Resolution 95 (Rev.WRC-19)", "95", "WRC", W19, rev=True)
    A(
        "invites the ITU Radiocommunication Sector",
        "invites",
        ["ITU-R"],
        res="811",
        resolution_body="WRC",
    )
    A(BR_DIR, "instructs", ["BR"], res="811", resolution_body="WRC")
    A("instructs the Secretary-General", "instructs", ["SG"], res="811", resolution_body="WRC")

    P(
        "p011",
        "en",
        "2-WRC",
        "BR circular: (Rev.WRC-97), (Rev.WRC-2000), (Mob-83), pair with own parentheses",
    )
    C("Resolution 13 (Rev.WRC-97)", "13", "WRC", W97, rev=True)
    C("Resolution 10 (Rev.WRC-2000)", "10", "WRC", W2000, rev=True, note="WRC-2000 = Istanbul")
    C("Resolution 339 (Rev.WRC-07)", "339", "WRC", W07, rev=True)
    C(
        "Resolution 18 (Mob-83)",
        "18",
        "WRC",
        ("Geneva", 1983),
        note="WARC for the mobile services, Geneva 1983 (predecessor of WRCs, like Mob-87)",
    )
    C("Resolution 207 (Rev.WRC-15)", "207", "WRC", W15, rev=True)
    C("Resolution 205 (Rev.WRC-19)", "205", "WRC", W19, rev=True)
    C("Resolutions 26 (Rev.WRC-19)", "26", "WRC", W19, rev=True)
    C("33 (Rev.WRC-97)", "33", "WRC", W97, rev=True, list_member=True)

    P(
        "p012",
        "en",
        "2-WRC",
        "damaged: 'RESOLUTION 750(REV.WRC-19)', 'thatResolution', "
        "'andResolution 739\\n(Rev.WRC-07)' (line break inside), 'inResolution 752(WRC-07)', "
        "'ofthe', 'resolves to invite'",
    )
    C("RESOLUTION 750(REV.WRC-19)", "750", "WRC", W19, rev=True, role="heading")
    C("Resolution 731 (Rev.WRC-19)", "731", "WRC", W19, rev=True)
    C("Resolution 739\n(Rev.WRC-07)", "739", "WRC", W07, rev=True)
    C("Resolution 752(WRC-07)", "752", "WRC", W07)
    A(
        "instructs the Director ofthe Radiocommunication Bureau",
        "instructs",
        ["BR"],
        res="750",
        resolution_body="WRC",
    )
    A("resolves to invite ITU-R", "resolves to invite", ["ITU-R"], res="750", resolution_body="WRC")

    P(
        "p013",
        "en",
        "2-WRC",
        "BR report: clauses of cited WRC resolutions (RRB, past tense "
        "'invited', requests administrations), organ phrase before the venue parenthesis",
    )
    C("Resolution 80 (Rev.WRC-07)", "80", "WRC", W07, rev=True)
    C(
        "Resolution 958",
        "958",
        "WRC",
        W15,
        note="'of the World Radiocommunication Conference (Geneva, 2015)' follows",
    )
    C("Resolution 559 (WRC-19)", "559", "WRC", W19)
    C("Resolution 40 (Rev.WRC\u201123)", "40", "WRC", W23, rev=True)
    A(
        "instructs the Radio Regulations Board",
        "instructs",
        ["RRB"],
        res="80",
        src="reported",
        resolution_body="WRC",
    )
    A(
        "invited ITU-R",
        "invites",
        ["ITU-R"],
        res="958",
        src="reported",
        resolution_body="WRC",
        note="past tense",
    )
    A(BR_DIR, "instructs", ["BR"], res="559", src="reported", resolution_body="WRC")
    A(
        "requests administrations",
        "requests",
        ["administrations"],
        res="40",
        src="reported",
        resolution_body="WRC",
    )

    P(
        "p014",
        "en",
        "2-WRC",
        "CPM note: nested parentheses, 'Res.', conference label as organ "
        "prefix ('WRC-15 Resolution 238'), U+2011, 'Res.ITU-R 2-9'; 'are reminded' is no head",
    )
    C("Resolution 256 (WRC-23)", "256", "WRC", W23)
    C("Res. 252 (WRC-23)", "252", "WRC", W23)
    C("WRC-15 Resolution 238", "238", "WRC", W15, note="conference label as organ prefix")
    C("WRC-19 Resolution 245", "245", "WRC", W19, note="conference label as organ prefix")
    C("Res. 176 (Rev.WRC\u201119)", "176", "WRC", W19, rev=True)
    ra("Res.ITU-R 2-9", "2", "9")

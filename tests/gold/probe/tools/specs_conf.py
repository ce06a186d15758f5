"""Annotation decisions for the Council passages (class 3) and the PP/WTSA/WTDC passages
(class 4), all in English. See ../README.md for the conventions."""

from __future__ import annotations

from dsl import B22, BA17, BU14, D18, G22, INF, K22, ND24, A, C, P, rec_itu_t, un


def define() -> None:
    council()
    conferences()


def council() -> None:
    cc = {"basis": "context", "role": "heading"}
    P(
        "p015",
        "en",
        "3-Council",
        "Council compilation: 'R nnnn'/'D nnn' entries with session "
        "codes after the title (latest amendment gives the year) or adjacent ('R 1380 (C16)')",
    )
    C("R 1305", "1305", "Council", year=2019, rev=True, **cc, note="(C09, last amended C19)")
    C("R 1332", "1332", "Council", year=2019, rev=True, **cc, note="(C11, modified C19)")
    C("R 1372", "1372", "Council", year=2018, rev=True, **cc, note="(C15, Amended C18)")
    C("R 1380 (C16)", "1380", "Council", year=2016, role="heading")
    C("R 1021", "1021", "Council", year=2021, rev=True, **cc, note="(C-1992, last amended C21)")
    C("D 482", "482", "Council", kind="decision", year=2020, rev=True, **cc)
    C("D 535", "535", "Council", kind="decision", year=2010, rev=True, **cc)
    C("D 600", "600", "Council", kind="decision", year=2017, **cc)

    P(
        "p016",
        "en",
        "3-Council",
        "Council document: '(modified 2020)', PP Decision 5, "
        "'Resolution 1113 (1997)' by context, passive action line",
    )
    C(
        "Council Decision 482 (modified 2020)",
        "482",
        "Council",
        kind="decision",
        year=2020,
        rev=True,
    )
    C("Resolution 91 (Rev. Bucharest, 2022)", "91", "PP", B22, rev=True)
    C("Decision 5 (Rev. Bucharest, 2022)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    C("Resolution 1113 (1997)", "1113", "Council", year=1997, basis="context")
    C(
        "Decision 482",
        "482",
        "Council",
        kind="decision",
        basis="context",
        ctx="modifications to Decision 482",
    )
    A("The Council is invited", "invites", ["Council"], src="summary", voice="passive")

    P(
        "p017",
        "en",
        "3-Council",
        "Council resolution: heading '(modified 2023)', 'Res. 154', "
        "numbered 'resolves 1)' items (no heads), SG head with three Bureaux",
    )
    C(
        "RESOLUTION 1372 (modified 2023)",
        "1372",
        "Council",
        year=2023,
        rev=True,
        role="heading",
        basis="context",
    )
    C("Res. 154 (Rev. Bucharest, 2022)", "154", "PP", B22, rev=True, basis=INF)
    C("Council Decision 609 (C19)", "609", "Council", kind="decision", year=2019)
    A(
        "instructs the Secretary-General, in collaboration with the Directors of the three Bureaux",
        "instructs",
        ["SG"],
        collab=["TSB", "BR", "BDT"],
        res="1372",
        resolution_body="Council",
    )
    A("invites Member States", "invites", ["Member States"], res="1372", resolution_body="Council")

    P(
        "p018",
        "en",
        "3-Council",
        "news summary of a Council decision: 'The Decision also "
        "requests', passive heads; 'in consultation with' after the task is no collaborator",
    )
    C("Decision 628 (C24)", "628", "Council", kind="decision", year=2024)
    C("Resolution 77 (Rev. Bucharest, 2022)", "77", "PP", B22, rev=True, basis=INF)
    dec = {
        "res": "628",
        "src": "summary",
        "resolution_kind": "decision",
        "resolution_body": "Council",
    }
    A("requests the Secretary-General", "requests", ["SG"], **dec)
    A(
        "the Director of the Telecommunication Development Bureau is instructed",
        "instructs",
        ["BDT"],
        voice="passive",
        **dec,
    )
    A("Member States are encouraged", "encourages", ["Member States"], voice="passive", **dec)

    P(
        "p019",
        "en",
        "3-Council",
        "damaged Council note: '1333(C11,last amended C21)and', "
        "'ofDecision 11 (Rev. Busan,2014)and', line break inside '(Rev.\\nDubai, 2018)', "
        "'Resolution1335', 'Decision584'",
    )
    C("Council Resolution 1333(C11,last amended C21)", "1333", "Council", year=2021, rev=True)
    C("Decision 563(C10)", "563", "Council", kind="decision", year=2010, basis="context")
    C("Resolution 1333(C11)", "1333", "Council", year=2011, basis="context")
    C("Decision 11 (Rev. Busan,2014)", "11", "PP", BU14, kind="decision", rev=True, basis=INF)
    C("Resolution 102 (Rev.\nDubai, 2018)", "102", "PP", D18, rev=True, basis=INF)
    C("Council Resolution1335 (2011)", "1335", "Council", year=2011)
    C("Council Decision584 (modified 2019)", "584", "Council", kind="decision", year=2019, rev=True)

    P(
        "p020",
        "en",
        "3-Council",
        "Council resolution: '(C23)' heading, 'its Resolution 1390 "
        "(C18)', internal references, CWG-FHR addressee",
    )
    C("RESOLUTION 1405 (C23)", "1405", "Council", year=2023, role="heading", basis="context")
    C("Resolution 151 (Rev. Bucharest, 2022)", "151", "PP", B22, rev=True)
    C("Resolution 1390 (C18)", "1390", "Council", year=2018, basis="context")
    C("resolves 2 above", "resolves 2", "Council", kind="internal", basis="context", host="1405")
    C(
        "resolves 1 of this resolution",
        "resolves 1",
        "Council",
        kind="internal",
        basis="context",
        host="1405",
    )
    A("instructs CWG-FHR", "instructs", ["CWG-FHR"], res="1405", resolution_body="Council")
    A("instructs the Secretary-General", "instructs", ["SG"], res="1405", resolution_body="Council")

    P(
        "p021",
        "en",
        "3-Council",
        "Council report: comma form 'Resolution 71, Rev. Bucharest "
        "2022', '(C19, Mod. C23)', cited PP clause, passive 'is requested'",
    )
    C("Resolution 71, Rev. Bucharest 2022", "71", "PP", B22, rev=True, basis=INF)
    C("Resolution 77 (Rev. Bucharest, 2022)", "77", "PP", B22, rev=True)
    C("Decision 5 (Rev. Bucharest, 2022)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    C("Resolution 58 (Rev. Bucharest, 2022)", "58", "PP", B22, rev=True, basis=INF)
    C("Resolution 1416 (C23)", "1416", "Council", year=2023, basis="context")
    C(
        "Decision 612 (C19, Mod. C23)",
        "612",
        "Council",
        kind="decision",
        year=2023,
        rev=True,
        basis="context",
    )
    A(
        "instructs the Secretary-General",
        "instructs",
        ["SG"],
        res="58",
        src="reported",
        resolution_body="PP",
    )
    A("The Council is requested", "requests", ["Council"], src="summary", voice="passive")


def conferences() -> None:
    P(
        "p022",
        "en",
        "4-PP/WTSA/WTDC",
        "PP resolution: UNGA resolutions in the preamble, a list "
        "with own parentheses and a shared organ phrase, WTDC/WTSA organ phrases, ITU-T Rec.",
    )
    C(
        "RESOLUTION 130 (REV. BUCHAREST, 2022)",
        "130",
        "PP",
        B22,
        rev=True,
        role="heading",
        basis=INF,
    )
    un("resolution 57/239", "57/239", basis="explicit")
    un("resolution 58/199", "58/199")
    C("Resolutions 174 (Rev. Busan, 2014)", "174", "PP", BU14, rev=True)
    C("179 (Rev. Dubai, 2018)", "179", "PP", D18, rev=True, list_member=True)
    C("181 (Guadalajara, 2010)", "181", "PP", ("Guadalajara", 2010), list_member=True)
    C("Resolution 45 (Rev. Kigali, 2022)", "45", "WTDC", K22, rev=True)
    C("Resolution 50 (Rev. Geneva, 2022)", "50", "WTSA", G22, rev=True)
    C("Resolution 52 (Rev. Hammamet, 2016)", "52", "WTSA", ("Hammamet", 2016), rev=True)
    rec_itu_t("Recommendation ITU-T X.1205", "X.1205")
    pp = {"res": "130", "resolution_body": "PP"}
    A(
        "instructs the Director of the Telecommunication Standardization Bureau, in collaboration "
        "with the Director of the Telecommunication Development Bureau",
        "instructs",
        ["TSB"],
        collab=["BDT"],
        **pp,
    )
    A("instructs the Secretary-General", "instructs", ["SG"], **pp)
    A(
        "invites Member States, Sector Members and Academia",
        "invites",
        ["Member States", "Sector Members", "Academia"],
        **pp,
    )

    P(
        "p023",
        "en",
        "4-PP/WTSA/WTDC",
        "WTDC resolution: 'of this conference', an ITU-D "
        "Question, a line break inside the collaborator phrase, ITU-D SG1, ITU-D Sector Members",
    )
    C("RESOLUTION 37 (REV. KIGALI, 2022)", "37", "WTDC", K22, rev=True, role="heading", basis=INF)
    C("Resolution 139 (Rev. Bucharest, 2022)", "139", "PP", B22, rev=True)
    C("Resolution 17 (Rev. Kigali, 2022)", "17", "WTDC", K22, rev=True, basis="this-assembly")
    C("Question 5/1", "5/1", "WTDC", kind="question", basis="context", sector="ITU-D")
    wtdc = {"res": "37", "resolution_body": "WTDC"}
    A(
        "instructs the Director of the Telecommunication Development Bureau, in close "
        "collaboration with the\nDirector of the Radiocommunication Bureau",
        "instructs",
        ["BDT"],
        collab=["BR"],
        **wtdc,
        note="line break inside the collaborator phrase: one addressee",
    )
    A("invites ITU-D Study Group 1", "invites", ["ITU-D SG1"], **wtdc)
    A(
        "encourages Member States and ITU-D Sector Members",
        "encourages",
        ["Member States", "ITU-D Sector Members"],
        **wtdc,
    )

    P(
        "p024",
        "en",
        "4-PP/WTSA/WTDC",
        "WTSA-24 resolution (New Delhi): history line (not "
        "annotated), 'Resolutions 52 and 58 of this assembly', Study Group 17, other Bureaux",
    )
    C(
        "RESOLUTION 50 (REV. NEW DELHI, 2024)",
        "50",
        "WTSA",
        ND24,
        rev=True,
        role="heading",
        basis=INF,
    )
    C("Resolution 130 (Rev. Bucharest, 2022)", "130", "PP", B22, rev=True)
    C("Resolution 140 (Rev. Bucharest, 2022)", "140", "PP", B22, rev=True, basis=INF)
    C("Resolutions 52", "52", "WTSA", basis="this-assembly")
    C("58", "58", "WTSA", basis="this-assembly", ctx="52 and 58", list_member=True)
    rec_itu_t("Recommendation ITU-T X.805", "X.805")
    rec_itu_t("Recommendation ITU-T X.1500", "X.1500")
    wtsa = {"res": "50", "resolution_body": "WTSA"}
    A("instructs Study Group 17", "instructs", ["ITU-T SG17"], **wtsa)
    A(
        "instructs the Director of the Telecommunication Standardization Bureau, in cooperation "
        "with the other Bureaux",
        "instructs",
        ["TSB"],
        collab=["BR", "BDT"],
        **wtsa,
    )
    A(
        "invites Member States, Sector Members, Associates and Academia",
        "invites",
        ["Member States", "Sector Members", "Associates", "Academia"],
        **wtsa,
    )

    P(
        "p025",
        "en",
        "4-PP/WTSA/WTDC",
        "PP decision: 'Resolution 71 of the Plenipotentiary "
        "Conference (Kyoto, 1994)', 'Council Resolutions 1333 and 1372', heads of a Decision",
    )
    C(
        "DECISION 11 (REV. BUCHAREST, 2022)",
        "11",
        "PP",
        B22,
        kind="decision",
        rev=True,
        role="heading",
        basis=INF,
    )
    C(
        "Resolution 71",
        "71",
        "PP",
        ("Kyoto", 1994),
        note="'of the Plenipotentiary Conference (Kyoto, 1994)' follows",
    )
    C("Council Resolutions 1333", "1333", "Council")
    C("1372", "1372", "Council", ctx="1333 and 1372", list_member=True)
    C("Council Decision 563 (C10)", "563", "Council", kind="decision", year=2010)
    dec = {"res": "11", "resolution_kind": "decision", "resolution_body": "PP"}
    A("instructs the Council", "instructs", ["Council"], **dec)
    A("instructs the Secretary-General", "instructs", ["SG"], **dec)

    P(
        "p026",
        "en",
        "4-PP/WTSA/WTDC",
        "implementation summary: passives with a collaborator, "
        "'Resolution 175 invites', 'This Resolution invites ... and calls upon'",
    )
    for n in ("139", "175", "200"):
        C(
            f"Resolution {n} (Rev. Bucharest, 2022)",
            n,
            "PP",
            B22,
            rev=True,
            role="heading",
            basis=INF,
            note="summary entry",
        )
    C("Resolution 175", "175", "PP", basis="context", ctx="Resolution 175 invites")
    sm = {"src": "summary", "resolution_body": "PP"}
    A(
        "The Director of BDT is instructed, in collaboration with the Director of TSB",
        "instructs",
        ["BDT"],
        collab=["TSB"],
        res="139",
        voice="passive",
        **sm,
    )
    A("Member States are invited", "invites", ["Member States"], res="139", voice="passive", **sm)
    A(
        "invites Member States and Sector Members",
        "invites",
        ["Member States", "Sector Members"],
        res="175",
        **sm,
    )
    A("the Secretary-General is instructed", "instructs", ["SG"], res="175", voice="passive", **sm)
    A(
        "invites the Director of the Telecommunication Development Bureau",
        "invites",
        ["BDT"],
        res="200",
        **sm,
    )
    A("calls upon Member States", "calls upon", ["Member States"], res="200", **sm)

    P(
        "p027",
        "en",
        "4-PP/WTSA/WTDC",
        "background: three-number list with one parenthesis, "
        "'Resolutions 133 and 180 of the 2014 Plenipotentiary Conference', organ phrase before "
        "the parenthesis, WTSA/WTDC prefixes, 'Res. 1 (Rev. Buenos Aires, 2017)'",
    )
    C("Resolutions 25", "25", "PP", D18, rev=True, basis=INF)
    C(
        "70",
        "70",
        "PP",
        D18,
        rev=True,
        basis=INF,
        ctx="25, 70 and",
        list_member=True,
        note="shared parenthesis distributed",
    )
    C("77 (Rev. Dubai, 2018)", "77", "PP", D18, rev=True, basis=INF, list_member=True)
    C(
        "Resolutions 133",
        "133",
        "PP",
        BU14,
        note="'of the 2014 Plenipotentiary Conference' -> Busan 2014",
    )
    C("180", "180", "PP", BU14, ctx="133 and 180", list_member=True)
    C(
        "Resolution 101",
        "101",
        "PP",
        ("Minneapolis", 1998),
        note="'of the Plenipotentiary Conference (Minneapolis, 1998)' follows",
    )
    C("WTSA Resolution 64 (Rev. Hammamet, 2016)", "64", "WTSA", ("Hammamet", 2016), rev=True)
    C("WTDC Resolution 63 (Rev. Buenos Aires, 2017)", "63", "WTDC", BA17, rev=True)
    C("Res. 1 (Rev. Buenos Aires, 2017)", "1", "WTDC", BA17, rev=True, basis=INF)
    C("Resolution 9 (Rev. Kigali, 2022)", "9", "WTDC", K22, rev=True)

    P(
        "p028",
        "en",
        "4-PP/WTSA/WTDC",
        "WTSA-24 resolution: 'of this assembly', two ITU-T "
        "Recommendations, 'resolves that <non-addressee>' (no head), TSAG and all study groups",
    )
    C("RESOLUTION 2 (REV. NEW DELHI, 2024)", "2", "WTSA", ND24, rev=True, role="heading", basis=INF)
    C("Resolution 1 (Rev. New Delhi, 2024)", "1", "WTSA", ND24, rev=True, basis="this-assembly")
    rec_itu_t("Recommendation ITU-T A.1", "A.1", ctx="Recommendation ITU-T A.1 and")
    rec_itu_t("Recommendation ITU-T A.13", "A.13")
    C("WTSA Resolution 22 (Rev. Geneva, 2022)", "22", "WTSA", G22, rev=True)
    wtsa = {"res": "2", "resolution_body": "WTSA"}
    A(
        "instructs the Telecommunication Standardization Advisory Group",
        "instructs",
        ["TSAG"],
        **wtsa,
    )
    A(
        "further instructs all ITU-T study groups",
        "further instructs",
        ["ITU-T study groups"],
        **wtsa,
    )

    P(
        "p029",
        "en",
        "4-PP/WTSA/WTDC",
        "damaged WTDC text: contents lines '15.Resolution "
        "15(Rev. Kigali,2022)', 'Resolution No.9', 'Res 34(Rev. ...) ofthe', "
        "'RESOLUTION34(Rev.Buenos Aires,2017)'",
    )
    for n in ("1", "2", "5"):
        C(
            f"Resolution {n} (Rev. Kigali, 2022)",
            n,
            "WTDC",
            K22,
            rev=True,
            role="heading",
            basis=INF,
            note="contents line, number glued to the line number",
        )
    C("Resolution 15(Rev. Kigali,2022)", "15", "WTDC", K22, rev=True, role="heading", basis=INF)
    C("Resolution No.9", "9", "WTDC", basis="context", note="no venue in the mention")
    C(
        "Res 34(Rev. Buenos Aires, 2017)",
        "34",
        "WTDC",
        BA17,
        rev=True,
        note="glued organ phrase 'ofthe World Telecommunication Development Conference'",
    )
    C("Resolution 90 (Kigali, 2022)", "90", "WTDC", K22, basis=INF)
    C("RESOLUTION34(Rev.Buenos Aires,2017)", "34", "WTDC", BA17, rev=True, basis=INF)

    P(
        "p030",
        "en",
        "4-PP/WTSA/WTDC",
        "WTDC-25 (Baku) resolution: Dubai 2014 (WTDC) and Dubai "
        "2012 (WTSA by context), TDAG, 'requests the Secretary-General'",
    )
    C(
        "RESOLUTION 1 (REV. BAKU, 2025)",
        "1",
        "WTDC",
        ("Baku", 2025),
        rev=True,
        role="heading",
        basis=INF,
    )
    C("Resolution 1 (Rev. Kigali, 2022)", "1", "WTDC", K22, rev=True)
    C("Resolution 59 (Rev. Dubai, 2014)", "59", "WTDC", ("Dubai", 2014), rev=True, basis=INF)
    C(
        "Resolution 1 (Rev. Dubai, 2012)",
        "1",
        "WTSA",
        ("Dubai", 2012),
        rev=True,
        basis="context",
        note="Dubai 2012 is WTSA-12 or WCIT-12; 'rules of procedure of ITU-T'",
    )
    wtdc = {"res": "1", "resolution_body": "WTDC"}
    A("instructs the Telecommunication Development Advisory Group", "instructs", ["TDAG"], **wtdc)
    A("requests the Secretary-General", "requests", ["SG"], **wtdc)

"""Passages q015-q029: Council (cls 3) and PP / WTSA / WTDC (cls 4)."""

from __future__ import annotations

from dsl import BK25, BU14, D12, D18, G22, INF, K22, ND24, A, B22, BA17, C, H16, P, rec_itu, un

W19 = ("Sharm el-Sheikh", 2019)


def define() -> None:
    # ---------------------------------------------------------------- cls 3: Council
    P("q015", "en", "3-Council",
      "Council document: 'Council Resolution 1380 (modified 2023)', session-prefixed 'C23/Res. 1408', PP "
      "Decision 5, '(C21, modified C22)', document numbers C23/45, C23/4 (not annotated), passive action line",
      """
Council 2023
Geneva, 11-21 July 2023
Document C23/45-E
Report by the Secretary-General

IMPLEMENTATION OF THE STRATEGIC PLAN AND ANNUAL PROGRESS REPORT

Summary
This report responds to Resolution 71 (Rev. Bucharest, 2022) and to Council Resolution 1380 (modified 2023). It also covers the follow-up to C23/Res. 1408 and the financial aspects of Decision 5 (Rev. Bucharest, 2022).

Action required
The Council is invited to note the report and to approve the draft decision in Annex 2.

References
Resolution 151 (Rev. Bucharest, 2022); Council Decision 617 (C21, modified C22); Documents C23/4 and C23/56
""")
    C("Resolution 71 (Rev. Bucharest, 2022)", "71", "PP", B22, rev=True, basis=INF)
    C("Council Resolution 1380 (modified 2023)", "1380", "Council", year=2023, rev=True)
    C("C23/Res. 1408", "1408", "Council", year=2023,
      note="Council session label C23 as prefix (like a conference label 'WTSA-08 Resolution'): "
      "surface starts at the label; year 2023; document numbers 'C23/45' are not citations")
    C("Decision 5 (Rev. Bucharest, 2022)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    C("Resolution 151 (Rev. Bucharest, 2022)", "151", "PP", B22, rev=True, basis=INF)
    C("Council Decision 617 (C21, modified C22)", "617", "Council", kind="decision", year=2022, rev=True)
    A("The Council is invited", "invites", ["Council"], res=None, body=None, src="summary", voice="passive")

    P("q016", "en", "3-Council",
      "Council compilation with 'Res.'/'Dec.' abbreviations and adjacent session codes (last amended / modified, "
      "four-digit 'C2010'), a bare two-member list and a bare Decision in the note (Council by context)",
      """
ITU Council – Resolutions and Decisions in force (extract, status after Council 2024)

Resolutions
Res. 1305 (C09, last amended C19)    Role of ITU in international Internet-related public policy issues
Res. 1336 (C11, last amended C15)    Council Working Group on international Internet-related public policy issues
Res. 1372 (C15, modified C23)    Council Working Group on Languages
Res. 1386 (C17)    Council Working Group on the World Summit on the Information Society
Res. 1408 (C23)    Preparations for the 2026 Plenipotentiary Conference

Decisions
Dec. 482 (C01, last amended C20)    Implementation of cost recovery for satellite network filings
Dec. 535 (C2010)    Cost recovery for the processing of notices
Dec. 601 (C18)    Rules of procedure of the Council
Dec. 630 (C24)    Dates and venue of the 2025 session of the Council

Note: Resolutions 1305 and 1336 are reviewed by CWG-Internet; Decision 482 is reviewed by CWG-FHR.
""")
    ctx = dict(basis="context", role="heading")
    C("Res. 1305 (C09, last amended C19)", "1305", "Council", year=2019, rev=True, **ctx)
    C("Res. 1336 (C11, last amended C15)", "1336", "Council", year=2015, rev=True, **ctx)
    C("Res. 1372 (C15, modified C23)", "1372", "Council", year=2023, rev=True, **ctx)
    C("Res. 1386 (C17)", "1386", "Council", year=2017, **ctx)
    C("Res. 1408 (C23)", "1408", "Council", year=2023, **ctx)
    C("Dec. 482 (C01, last amended C20)", "482", "Council", kind="decision", year=2020, rev=True, **ctx)
    C("Dec. 535 (C2010)", "535", "Council", kind="decision", year=2010, **ctx)
    C("Dec. 601 (C18)", "601", "Council", kind="decision", year=2018, **ctx)
    C("Dec. 630 (C24)", "630", "Council", kind="decision", year=2024, **ctx)
    C("Resolutions 1305", "1305", "Council", basis="context")
    C("1336", "1336", "Council", basis="context", list_member=True, ctx="1305 and 1336 are")
    C("Decision 482", "482", "Council", kind="decision", basis="context")

    P("q017", "en", "3-Council",
      "Council resolution: heading '(C11, last amended C15)', four-member PP list with a shared parenthesis, "
      "'its Resolution 1305 (2009)', year given inside the parenthesis by a phrase ('adopted at the 2012 session "
      "of the Council'), bare 'resolves 1 that' (no head), 'in consultation and collaboration with the Directors "
      "of the Bureaux', a CWG addressee, internal 'resolves 1 above'",
      """
RESOLUTION 1336 (C11, last amended C15)

Council Working Group on international Internet-related public policy issues

The Council,

recalling

a) Resolutions 101, 102, 133 and 180 (Rev. Busan, 2014) of the Plenipotentiary Conference;

b) its Resolution 1305 (2009), which identified the role of ITU in international Internet-related public policy issues;

c) Resolution 1344 (adopted at the 2012 session of the Council),

resolves

1 that the Council Working Group on international Internet-related public policy issues (CWG-Internet) shall be maintained, and that it shall consult the interested parties before each of its sessions;

2 that the terms of reference of CWG-Internet are as set out in the annex to this resolution,

instructs the Secretary-General, in consultation and collaboration with the Directors of the Bureaux,

to support the work of CWG-Internet and to report annually to the Council,

instructs CWG-Internet

to hold an open consultation before each of its meetings,

invites Member States

to consult with all stakeholders on the issues identified in resolves 1 above.
""")
    C("RESOLUTION 1336 (C11, last amended C15)", "1336", "Council", year=2015, rev=True, basis="context",
      role="heading")
    C("Resolutions 101", "101", "PP", BU14, rev=True, note="shared parenthesis and organ phrase distributed")
    C("102", "102", "PP", BU14, rev=True, list_member=True, ctx="101, 102, 133")
    C("133", "133", "PP", BU14, rev=True, list_member=True, ctx="102, 133 and")
    C("180 (Rev. Busan, 2014)", "180", "PP", BU14, rev=True, list_member=True)
    C("Resolution 1305 (2009)", "1305", "Council", year=2009, basis="context", note="'its' = the Council's")
    C("Resolution 1344 (adopted at the 2012 session of the Council)", "1344", "Council", year=2012,
      note="organ and year given inside the parenthesis that follows the number")
    C("resolves 1 above", "resolves 1", "Council", kind="internal", basis="context", host="1336")
    A("instructs the Secretary-General, in consultation and collaboration with the Directors of the Bureaux",
      "instructs", ["SG"], collab=["TSB", "BR", "BDT"], res="1336", body="Council")
    A("instructs CWG-Internet", "instructs", ["CWG-Internet"], res="1336", body="Council")
    A("invites Member States", "invites", ["Member States"], res="1336", body="Council")

    P("q018", "en", "3-Council",
      "damaged Council note: 'ofCouncil Resolution 1372(C15,modified C18)and', 'Decision 601(C18)', line break "
      "between keyword and number ('Resolution\\n1372 (C15)'), 'Res.154 (Rev.Dubai,2018)', 'Council Resolution1386', "
      "'Resolution 167(Rev.Dubai, 2018)on', broken hyphen in 'Secretary- General'",
      """
C19/INF/12
Council 2019
Geneva,10-20 June 2019

Progress report on the implementation ofCouncil Resolution 1372(C15,modified C18)and Decision 601(C18)

1.The Council, by Resolution
1372 (C15), established the Council Working Group on Languages. In accordance with Res.154 (Rev.Dubai,2018) and Council Resolution1386 (C17), the secretariat has continued to unify the terminology of the six official languages.

2.In that Resolution the Council instructs the Secretary- General, in collaboration with the Directors of the three Bureaux, to report annually on the use of languages.

3.The Council also decided,by Decision 5 (Rev. Dubai, 2018),on the financial limits; see also Resolution 167(Rev.Dubai, 2018)on electronic meetings.
""")
    C("Council Resolution 1372(C15,modified C18)", "1372", "Council", year=2018, rev=True,
      note="glued to the preceding 'of' and the following 'and'")
    C("Decision 601(C18)", "601", "Council", kind="decision", year=2018, basis="context")
    C("Resolution\n1372 (C15)", "1372", "Council", year=2015, basis="context",
      note="line break between keyword and number")
    C("Res.154 (Rev.Dubai,2018)", "154", "PP", D18, rev=True, basis=INF)
    C("Council Resolution1386 (C17)", "1386", "Council", year=2017)
    C("Decision 5 (Rev. Dubai, 2018)", "5", "PP", D18, kind="decision", rev=True, basis=INF)
    C("Resolution 167(Rev.Dubai, 2018)", "167", "PP", D18, rev=True, basis=INF)
    A("instructs the Secretary- General, in collaboration with the Directors of the three Bureaux",
      "instructs", ["SG"], collab=["TSB", "BR", "BDT"], res="1372", body="Council", src="reported",
      note="'Secretary- General' broken by conversion")

    P("q019", "en", "3-Council",
      "Council news summary: 'By Decision 630 (C24)', 'Council Resolution 1305 (2009)', organ phrase with year "
      "after the number ('Resolution 1332 adopted at the 2011 session of the Council'), '(C15, last amended C19)', "
      "summary passives; coordination after the task is no collaborator",
      """
Council 2024 in brief

By Decision 630 (C24), the Council set the dates of its 2025 session. Under Council Resolution 1305 (2009), CWG-Internet will hold an open online consultation on the topic chosen by the Council. The Council reviewed the implementation of Resolution 1332 adopted at the 2011 session of the Council and of Council Decision 584 (C15, last amended C19).

Under the new Council Resolution 1410, the Secretary-General is instructed to prepare a roadmap for the digital transformation of the Union, in close coordination with the Directors of the three Bureaux, and Member States are encouraged to share their national experience. The roadmap will be presented to the 2025 session.
""")
    C("Decision 630 (C24)", "630", "Council", kind="decision", year=2024, basis="context")
    C("Council Resolution 1305 (2009)", "1305", "Council", year=2009)
    C("Resolution 1332", "1332", "Council", year=2011,
      note="'adopted at the 2011 session of the Council' follows (dev call 2)")
    C("Council Decision 584 (C15, last amended C19)", "584", "Council", kind="decision", year=2019, rev=True)
    C("Council Resolution 1410", "1410", "Council")
    A("the Secretary-General is instructed", "instructs", ["SG"], res="1410", body="Council", src="summary",
      voice="passive", note="'in close coordination with ...' comes after the task: no collaborator")
    A("Member States are encouraged", "encourages", ["Member States"], res="1410", body="Council",
      src="summary", voice="passive")

    P("q020", "fr", "3-Council",
      "French Council resolution: heading '(C15, dernière modification C23)', PP Decision, 'sa Résolution 1386 (C17)', "
      "bare 'décide 1 de' (no head), 'charge le Secrétaire général, en coordination avec les Directeurs des trois "
      "Bureaux', 'invite les États Membres'",
      """
RÉSOLUTION 1372 (C15, dernière modification C23)

Groupe de travail du Conseil sur les langues

Le Conseil,

rappelant

a) la Résolution 154 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires, relative à l'utilisation des six langues officielles de l'Union sur un pied d'égalité;

b) la Décision 5 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires;

c) sa Résolution 1386 (C17),

décide

1 de maintenir le Groupe de travail du Conseil sur les langues;

charge le Secrétaire général, en coordination avec les Directeurs des trois Bureaux,

de soumettre chaque année au Conseil un rapport sur la mise en œuvre de la présente résolution,

invite les États Membres

à présenter des contributions au Groupe de travail.
""")
    C("RÉSOLUTION 1372 (C15, dernière modification C23)", "1372", "Council", year=2023, rev=True,
      basis="context", role="heading")
    C("Résolution 154 (Rév. Bucarest, 2022)", "154", "PP", B22, rev=True)
    C("Décision 5 (Rév. Bucarest, 2022)", "5", "PP", B22, kind="decision", rev=True)
    C("Résolution 1386 (C17)", "1386", "Council", year=2017, basis="context", note="'sa' = the Council's")
    A("charge le Secrétaire général, en coordination avec les Directeurs des trois Bureaux", "instructs",
      ["SG"], collab=["TSB", "BR", "BDT"], res="1372", body="Council")
    A("invite les États Membres", "invites", ["Member States"], res="1372", body="Council")

    P("q021", "ru", "3-Council",
      "Russian Council summary: genitive 'Резолюции 71 (Пересм. Бухарест, 2022 г.)', organ phrase between the number "
      "and the parenthesis ('Резолюции 1380 Совета (измененной в 2023 г.)', 'Решение 482 Совета (изменено в 2020 г.)'), "
      "instrumental 'Решением 5', summary heads of a Council resolution with 'в координации с Директорами трех Бюро'",
      """
Совет МСЭ 2023 года: основные итоги

Совет рассмотрел ход выполнения Резолюции 71 (Пересм. Бухарест, 2022 г.) Полномочной конференции и Резолюции 1380 Совета (измененной в 2023 г.). В соответствии с Решением 5 (Пересм. Бухарест, 2022 г.) Совет утвердил бюджет Союза на 2024–2025 годы. Решение 482 Совета (изменено в 2020 г.) о возмещении затрат на обработку заявок на регистрацию спутниковых сетей остается в силе.

Резолюция 1372 Совета поручает Генеральному секретарю в координации с Директорами трех Бюро ежегодно представлять отчет об использовании языков и предлагает Государствам-Членам представлять вклады в Рабочую группу Совета по языкам.
""")
    C("Резолюции 71 (Пересм. Бухарест, 2022 г.)", "71", "PP", B22, rev=True)
    C("Резолюции 1380", "1380", "Council", year=2023, rev=True, note="'Совета (измененной в 2023 г.)' follows")
    C("Решением 5 (Пересм. Бухарест, 2022 г.)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    C("Решение 482", "482", "Council", kind="decision", year=2020, rev=True,
      note="'Совета (изменено в 2020 г.)' follows")
    C("Резолюция 1372", "1372", "Council", note="'Совета' follows")
    A("поручает Генеральному секретарю в координации с Директорами трех Бюро", "instructs", ["SG"],
      collab=["TSB", "BR", "BDT"], res="1372", body="Council", src="summary")
    A("предлагает Государствам-Членам", "invites", ["Member States"], res="1372", body="Council",
      src="summary")

    # ---------------------------------------------------------------- cls 4: PP / WTSA / WTDC
    P("q022", "en", "4-PP/WTSA/WTDC",
      "PP resolution: upper-case heading, UNGA and UNSC resolutions in the preamble ('Security Council resolution "
      "1325 (2000)': four digits and a year, like a Council resolution), 'of WTDC-22', 'Council Resolution 1327 "
      "(2011)', four addressees, 'requests the Council', 'calls upon Member States and Sector Members'",
      """
RESOLUTION 70 (REV. BUCHAREST, 2022)

Mainstreaming a gender perspective in ITU and promotion of gender equality and the empowerment of women through telecommunications/information and communication technologies

The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

recalling

a) United Nations General Assembly resolution 64/289, establishing UN Women, and Security Council resolution 1325 (2000), on women and peace and security;

b) Resolution 55 (Rev. Kigali, 2022) of WTDC-22 and Resolution 55 (Rev. Geneva, 2022) of the World Telecommunication Standardization Assembly;

c) Council Resolution 1327 (2011), on ITU's role in promoting gender equality,

resolves

1 to continue the work on gender mainstreaming in ITU;

instructs the Secretary-General and the Directors of the three Bureaux

to give high priority to gender mainstreaming in the management, staffing and operation of ITU,

requests the Council

to consider the report of the Secretary-General on the implementation of this resolution,

calls upon Member States and Sector Members

to support the work of ITU on gender equality.
""")
    C("RESOLUTION 70 (REV. BUCHAREST, 2022)", "70", "PP", B22, rev=True, role="heading", basis=INF)
    un("resolution 64/289", "64/289", basis="explicit")
    un("resolution 1325 (2000)", "1325", body="UNSC", year=2000, basis="explicit")
    C("Resolution 55 (Rev. Kigali, 2022)", "55", "WTDC", K22, rev=True)
    C("Resolution 55 (Rev. Geneva, 2022)", "55", "WTSA", G22, rev=True)
    C("Council Resolution 1327 (2011)", "1327", "Council", year=2011)
    A("instructs the Secretary-General and the Directors of the three Bureaux", "instructs",
      ["SG", "TSB", "BR", "BDT"], res="70", body="PP")
    A("requests the Council", "requests", ["Council"], res="70", body="PP")
    A("calls upon Member States and Sector Members", "calls upon", ["Member States", "Sector Members"],
      res="70", body="PP")

    P("q023", "en", "4-PP/WTSA/WTDC",
      "PP-22 follow-up table: 'Res. 70 (Rev. Bucharest, 2022)', three-number list with one parenthesis and a trailing "
      "organ phrase, 'PP-22 Resolution 214', 'Resolution No. 25 (...)', summary passives incl. 'the Directors of the "
      "three Bureaux are instructed', 'are called upon', 'This Resolution instructs the Director of BDT, in close "
      "collaboration with the Directors of TSB and BR'",
      """
PP-22 outcomes: follow-up by the General Secretariat (status at March 2024)

Res. 70 (Rev. Bucharest, 2022) – Gender mainstreaming. The Secretary-General is requested to report annually to the Council; the Directors of the three Bureaux are instructed to include gender indicators in their operational plans.

Resolutions 130, 174 and 179 (Rev. Dubai, 2018) of the Plenipotentiary Conference were all revised in Bucharest; the follow-up of the revised texts is reported under the Strategic Plan.

PP-22 Resolution 214 – New resolution. Member States are called upon to share their national strategies with the secretariat.

Resolution No. 25 (Rev. Bucharest, 2022) – Strengthening the regional presence. This Resolution instructs the Director of BDT, in close collaboration with the Directors of TSB and BR, to review the activities of the regional offices.
""")
    C("Res. 70 (Rev. Bucharest, 2022)", "70", "PP", B22, rev=True, basis=INF, role="heading",
      note="follow-up table entry")
    C("Resolutions 130", "130", "PP", D18, rev=True, note="shared parenthesis and organ phrase distributed")
    C("174", "174", "PP", D18, rev=True, list_member=True, ctx="130, 174 and")
    C("179 (Rev. Dubai, 2018)", "179", "PP", D18, rev=True, list_member=True)
    C("PP-22 Resolution 214", "214", "PP", B22, role="heading", note="conference label as organ prefix")
    C("Resolution No. 25 (Rev. Bucharest, 2022)", "25", "PP", B22, rev=True, basis=INF, role="heading")
    A("The Secretary-General is requested", "requests", ["SG"], res="70", body="PP", src="summary",
      voice="passive")
    A("the Directors of the three Bureaux are instructed", "instructs", ["TSB", "BR", "BDT"], res="70",
      body="PP", src="summary", voice="passive")
    A("Member States are called upon", "calls upon", ["Member States"], res="214", body="PP", src="summary",
      voice="passive")
    A("instructs the Director of BDT, in close collaboration with the Directors of TSB and BR", "instructs",
      ["BDT"], collab=["TSB", "BR"], res="25", body="PP", src="summary")

    P("q024", "en", "4-PP/WTSA/WTDC",
      "WTSA-24 resolution: mixed-case '(Rev. New Delhi, 2024)' heading, history line (not annotated), 'WTSA-20 "
      "Resolution 1', ambiguous 'Dubai, 2012' (WTSA by context), ITU-T Recommendation, two study groups as "
      "addressees, collaborators named one by one",
      """
RESOLUTION 40 (Rev. New Delhi, 2024)

Regulatory aspects of the work of the ITU Telecommunication Standardization Sector

(Montreal, 2000; Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016; Geneva, 2022; New Delhi, 2024)

The World Telecommunication Standardization Assembly (New Delhi, 2024),

considering

a) that WTSA-20 Resolution 1 and Resolution 22 (Rev. Geneva, 2022) set out the working methods of ITU-T and the authority of TSAG;

b) that Resolution 29 (Rev. Dubai, 2012) of this assembly concerns alternative calling procedures;

c) that Resolution 146 (Rev. Bucharest, 2022) of the Plenipotentiary Conference and Recommendation ITU-T D.50 are relevant to international Internet connectivity,

instructs Study Groups 2 and 3

to take account of the regulatory aspects of their work,

instructs the Director of the Telecommunication Standardization Bureau, in close cooperation with the Directors of the Radiocommunication Bureau and the Telecommunication Development Bureau,

to assist Member States in identifying the regulatory implications of ITU-T Recommendations,

invites Member States and Sector Members

to contribute to this work.
""")
    C("RESOLUTION 40 (Rev. New Delhi, 2024)", "40", "WTSA", ND24, rev=True, role="heading", basis=INF)
    C("WTSA-20 Resolution 1", "1", "WTSA", G22, note="conference label prefix; WTSA-20 = Geneva 2022")
    C("Resolution 22 (Rev. Geneva, 2022)", "22", "WTSA", G22, rev=True, basis=INF)
    C("Resolution 29 (Rev. Dubai, 2012)", "29", "WTSA", D12, rev=True, basis="this-assembly",
      note="Dubai 2012 alone is WTSA-12 or WCIT-12; 'of this assembly' in a WTSA text")
    C("Resolution 146 (Rev. Bucharest, 2022)", "146", "PP", B22, rev=True)
    rec_itu("Recommendation ITU-T D.50", "D.50", "ITU-T")
    A("instructs Study Groups 2 and 3", "instructs", ["ITU-T SG2", "ITU-T SG3"], res="40", body="WTSA")
    A("instructs the Director of the Telecommunication Standardization Bureau, in close cooperation with the "
      "Directors of the Radiocommunication Bureau and the Telecommunication Development Bureau", "instructs",
      ["TSB"], collab=["BR", "BDT"], res="40", body="WTSA")
    A("invites Member States and Sector Members", "invites", ["Member States", "Sector Members"], res="40",
      body="WTSA")

    P("q025", "en", "4-PP/WTSA/WTDC",
      "TDAG report: 'Resolution 37 (Rev. Kigali, 2022) of WTDC-22', Baku 2025 citations, 'WTDC-17 Resolution 9', "
      "ITU-D Questions with prefix, reported passive with the citation after it ('is instructed by Resolution 17')",
      """
Telecommunication Development Advisory Group
Report on the implementation of WTDC resolutions (extract)

1 Resolution 37 (Rev. Kigali, 2022) of WTDC-22 remained the main instrument on bridging the digital divide until WTDC-25 replaced it by Resolution 37 (Rev. Baku, 2025). The principles of WTDC-17 Resolution 9 on spectrum management were carried forward, and Resolution 1 (Rev. Baku, 2025) sets out the rules of procedure of the Sector.

2 Under Resolution 2 (Rev. Baku, 2025), ITU-D Question 2/1 and ITU-D Question 3/2 continue in the new study period.

3 The Director of BDT is instructed by Resolution 17 (Rev. Baku, 2025) to implement the regional initiatives in close cooperation with the regional offices, and Member States are invited to contribute to their funding.
""")
    C("Resolution 37 (Rev. Kigali, 2022)", "37", "WTDC", K22, rev=True, note="'of WTDC-22' follows")
    C("Resolution 37 (Rev. Baku, 2025)", "37", "WTDC", BK25, rev=True, basis=INF)
    C("WTDC-17 Resolution 9", "9", "WTDC", BA17, note="conference label prefix")
    C("Resolution 1 (Rev. Baku, 2025)", "1", "WTDC", BK25, rev=True, basis=INF)
    C("Resolution 2 (Rev. Baku, 2025)", "2", "WTDC", BK25, rev=True, basis=INF)
    C("ITU-D Question 2/1", "2/1", "WTDC", kind="question", basis="context", sector="ITU-D")
    C("ITU-D Question 3/2", "3/2", "WTDC", kind="question", basis="context", sector="ITU-D")
    C("Resolution 17 (Rev. Baku, 2025)", "17", "WTDC", BK25, rev=True, basis=INF)
    A("The Director of BDT is instructed", "instructs", ["BDT"], res="17", body="WTDC", src="reported",
      voice="passive", note="'in close cooperation with the regional offices' comes after the task")
    A("Member States are invited", "invites", ["Member States"], res="17", body="WTDC", src="reported",
      voice="passive")

    P("q026", "en", "4-PP/WTSA/WTDC",
      "WTDC-22 resolution: three-number PP list with one parenthesis and an organ phrase, two WTSA citations sharing "
      "one organ phrase, 'of this conference', UNGA resolution, ITU-D Question, 'the Directors of the other Bureaux' "
      "with BDT as addressee",
      """
RESOLUTION 45 (REV. KIGALI, 2022)

Mechanisms for enhancing cooperation on cybersecurity, including countering and combating spam

The World Telecommunication Development Conference (Kigali, 2022),

recalling

a) Resolutions 130, 174 and 179 (Rev. Dubai, 2018) of the Plenipotentiary Conference;

b) Resolution 50 (Rev. Geneva, 2022) and Resolution 52 (Rev. Hammamet, 2016) of the World Telecommunication Standardization Assembly;

c) Resolution 69 (Rev. Buenos Aires, 2017) of this conference;

d) United Nations General Assembly resolution 64/211, on the creation of a global culture of cybersecurity,

considering

that ITU-D Question 3/2 studies the securing of information and communication networks,

instructs the Director of the Telecommunication Development Bureau, in close coordination with the Directors of the other Bureaux,

1 to support Member States in building confidence and security in the use of ICTs;

2 to organize regional cybersecurity exercises,

requests the Secretary-General

to bring this resolution to the attention of the other international organizations concerned,

encourages Member States and Sector Members

to cooperate with the Bureau in this field.
""")
    C("RESOLUTION 45 (REV. KIGALI, 2022)", "45", "WTDC", K22, rev=True, role="heading", basis=INF)
    C("Resolutions 130", "130", "PP", D18, rev=True, note="shared parenthesis and organ phrase distributed")
    C("174", "174", "PP", D18, rev=True, list_member=True, ctx="130, 174 and")
    C("179 (Rev. Dubai, 2018)", "179", "PP", D18, rev=True, list_member=True)
    C("Resolution 50 (Rev. Geneva, 2022)", "50", "WTSA", G22, rev=True)
    C("Resolution 52 (Rev. Hammamet, 2016)", "52", "WTSA", H16, rev=True)
    C("Resolution 69 (Rev. Buenos Aires, 2017)", "69", "WTDC", BA17, rev=True, basis="this-assembly")
    un("resolution 64/211", "64/211", basis="explicit")
    C("ITU-D Question 3/2", "3/2", "WTDC", kind="question", basis="context", sector="ITU-D")
    A("instructs the Director of the Telecommunication Development Bureau, in close coordination with the "
      "Directors of the other Bureaux", "instructs", ["BDT"], collab=["TSB", "BR"], res="45", body="WTDC")
    A("requests the Secretary-General", "requests", ["SG"], res="45", body="WTDC")
    A("encourages Member States and Sector Members", "encourages", ["Member States", "Sector Members"],
      res="45", body="WTDC")

    P("q027", "en", "4-PP/WTSA/WTDC",
      "TSAG report: 'WTSA\u201124 Resolution 2' (U+2011 in the label prefix), 'Resolutions 1, 2 and 22 of WTSA-24' "
      "(venue/year from the label in the organ phrase), reported heads of cited WTSA resolutions, 'is authorized' "
      "(no head)",
      """
TSAG meeting report (extract)

1 TSAG noted that WTSA\u201124 Resolution 2 sets out the mandates of the ITU-T study groups for the 2025-2028 study period and that Resolutions 1, 2 and 22 of WTSA-24 were revised in New Delhi. Resolution 18 (Rev. Geneva, 2022) and Resolution 76 (Rev. New Delhi, 2024) were also considered.

2 Under Resolution 22 (Rev. New Delhi, 2024), TSAG is authorized to act between assemblies. Resolution 1 (Rev. New Delhi, 2024) instructs the study groups to apply the alternative approval process where appropriate, and Resolution 76 instructs the Director of the Telecommunication Standardization Bureau, in collaboration with the Director of the Telecommunication Development Bureau, to assist developing countries with conformance testing.
""")
    C("WTSA\u201124 Resolution 2", "2", "WTSA", ND24, note="conference label prefix with U+2011")
    C("Resolutions 1", "1", "WTSA", ND24, note="'of WTSA-24' follows: venue/year from the label")
    C("2", "2", "WTSA", ND24, list_member=True, ctx="1, 2 and")
    C("22", "22", "WTSA", ND24, list_member=True, ctx="2 and 22 of WTSA")
    C("Resolution 18 (Rev. Geneva, 2022)", "18", "WTSA", G22, rev=True, basis=INF)
    C("Resolution 76 (Rev. New Delhi, 2024)", "76", "WTSA", ND24, rev=True, basis=INF)
    C("Resolution 22 (Rev. New Delhi, 2024)", "22", "WTSA", ND24, rev=True, basis=INF)
    C("Resolution 1 (Rev. New Delhi, 2024)", "1", "WTSA", ND24, rev=True, basis=INF)
    C("Resolution 76", "76", "WTSA", basis="context", ctx="and Resolution 76 instructs")
    A("instructs the study groups", "instructs", ["ITU-T study groups"], res="1", body="WTSA", src="reported")
    A("instructs the Director of the Telecommunication Standardization Bureau, in collaboration with the "
      "Director of the Telecommunication Development Bureau", "instructs", ["TSB"], collab=["BDT"], res="76",
      body="WTSA", src="reported")

    P("q028", "en", "4-PP/WTSA/WTDC",
      "WTSA resolution with flattened tracked changes and conversion damage: '(Rev. Geneva, 2022New Delhi, 2024)', "
      "'(Rev. Dubai, 2018Bucharest, 2022)', '(Rev. Kigali,2022)of', 'Resolution197(Rev.Bucharest,2022)', hyphenated "
      "'Reso-\\nlution 200', collaborators glued 'Bureauand', line break between verb and addressee",
      """
RESOLUTION 76 (Rev. Geneva, 2022New Delhi, 2024)
Studies related to conformance and interoperability testing, assistance to developing countries, and a possible future ITU Mark programme
The World Telecommunication Standardization Assembly (GenevaNew Delhi, 20222024),
recalling
a)Resolution 177 (Rev. Dubai, 2018Bucharest, 2022) of the Plenipotentiary Conference;
b)Resolution 47 (Rev. Kigali,2022)of the World Telecommunication Development Conference;
c)Resolution197(Rev.Bucharest,2022), on facilitating the Internet of Things;
d)the Connect 2030 Agenda set out in Reso-
lution 200 (Rev. Bucharest, 2022),
instructs the Director of the Telecommunication Standardization Bureau, in collaboration with the Director of the Telecommunication Development Bureauand the Director of the Radiocommunication Bureau,
1to continue the conformance and interoperability programme;
invites
Member States
to participate in the ITU conformity database.
""")
    C("RESOLUTION 76 (Rev. Geneva, 2022New Delhi, 2024)", "76", "WTSA", ND24, rev=True, role="heading",
      basis=INF, also={"venue": "Geneva", "year": 2022}, note="flattened tracked change: inserted New Delhi 2024")
    C("Resolution 177 (Rev. Dubai, 2018Bucharest, 2022)", "177", "PP", B22, rev=True,
      also={"venue": "Dubai", "year": 2018})
    C("Resolution 47 (Rev. Kigali,2022)", "47", "WTDC", K22, rev=True)
    C("Resolution197(Rev.Bucharest,2022)", "197", "PP", B22, rev=True, basis=INF)
    C("Reso-\nlution 200 (Rev. Bucharest, 2022)", "200", "PP", B22, rev=True, basis=INF,
      note="keyword hyphenated across a line break")
    A("instructs the Director of the Telecommunication Standardization Bureau, in collaboration with the "
      "Director of the Telecommunication Development Bureauand the Director of the Radiocommunication Bureau",
      "instructs", ["TSB"], collab=["BDT", "BR"], res="76", body="WTSA")
    A("invites\nMember States", "invites", ["Member States"], res="76", body="WTSA",
      note="line break between verb and addressee")

    P("q029", "en", "4-PP/WTSA/WTDC",
      "PP resolution: Busan/Dubai citations, PP Decision, 'Council Resolution 1372 (C15, modified C18)', WRC "
      "agenda resolution, Constitution/Convention numbers (not annotated), two addressees 'the Council and the "
      "Secretary-General'; consultation after the task",
      """
RESOLUTION 77 (REV. BUCHAREST, 2022)

Scheduling and duration of conferences, forums, assemblies and Council sessions of the Union (2023-2026)

The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

considering

a) No. 47 of the Constitution and No. 3 of the Convention;

b) Resolution 111 (Rev. Busan, 2014), on the avoidance of coincidence of ITU conferences with religious periods;

c) Resolution 165 (Rev. Dubai, 2018) on deadlines for proposals and procedures for registration of participants;

d) Decision 5 (Rev. Bucharest, 2022) and Council Resolution 1372 (C15, modified C18);

e) Resolution 809 (WRC-19) on the agenda for the 2023 world radiocommunication conference,

resolves

1 that the next world radiocommunication conference should be held in the fourth quarter of 2027;

instructs the Council and the Secretary-General

to establish the dates and venues of the conferences and assemblies in consultation with Member States.
""")
    C("RESOLUTION 77 (REV. BUCHAREST, 2022)", "77", "PP", B22, rev=True, role="heading", basis=INF)
    C("Resolution 111 (Rev. Busan, 2014)", "111", "PP", BU14, rev=True, basis=INF)
    C("Resolution 165 (Rev. Dubai, 2018)", "165", "PP", D18, rev=True, basis=INF)
    C("Decision 5 (Rev. Bucharest, 2022)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    C("Council Resolution 1372 (C15, modified C18)", "1372", "Council", year=2018, rev=True)
    C("Resolution 809 (WRC-19)", "809", "WRC", W19)
    A("instructs the Council and the Secretary-General", "instructs", ["Council", "SG"], res="77", body="PP")

"""Passages q001-q014: ITU-R / Radiocommunication Assembly (cls 1) and WRC / Radio Regulations (cls 2)."""

from __future__ import annotations

from dsl import D18, INF, K22, W03, W07, W12, W15, W19, W23, W97, W2000, A, B22, BA17, C, H16, P, rec_itu

RA23 = ("Dubai", 2023)


def define() -> None:
    # ---------------------------------------------------------------- cls 1: ITU-R
    P("q001", "en", "1-ITU-R",
      "BR circular on RA-23: conference label before 'Resolution ITU-R n-v' (venue/year from the label), "
      "three-member ITU-R list with versions, summary passives 'is requested' / 'the study groups are invited'",
      """
Administrative Circular CACE/1061
8 December 2023

To Administrations of Member States of the ITU, Radiocommunication Sector Members, ITU-R Associates and Academia

Subject: Outcome of the Radiocommunication Assembly (RA-23), Dubai, 13-17 November 2023

1 RA-23 Resolution ITU-R 1-9 supersedes Resolution ITU-R 1-8 and sets out the working methods of the Assembly, the Radiocommunication Study Groups and the Radiocommunication Advisory Group. RA-23 Resolution ITU-R 2-9 governs the Conference Preparatory Meeting for WRC-27.

2 The Assembly further revised Resolutions ITU-R 9-7, 22-4 and 61-2 and approved the suppression of Resolution ITU-R 38-5. The list of ITU-R Questions in force is given in Document RA23/PLEN/5 (not reproduced here).

3 Under Resolution ITU-R 2-9, the Director of the Radiocommunication Bureau is requested to convene the first session of the CPM immediately after WRC-23, and the study groups are invited to start the preparatory studies without delay.
""")
    C("RA-23 Resolution ITU-R 1-9", "1", "RA", RA23, version="9", rev=True,
      note="conference label RA-23 as organ prefix: venue/year from the label (cf. dev 'WTSA-08 Resolution 68')")
    C("Resolution ITU-R 1-8", "1", "RA", version="8", rev=True)
    C("RA-23 Resolution ITU-R 2-9", "2", "RA", RA23, version="9", rev=True,
      note="conference label RA-23 as organ prefix")
    C("Resolutions ITU-R 9-7", "9", "RA", version="7", rev=True)
    C("22-4", "22", "RA", version="4", rev=True, list_member=True, ctx="9-7, 22-4 and")
    C("61-2", "61", "RA", version="2", rev=True, list_member=True)
    C("Resolution ITU-R 38-5", "38", "RA", version="5", rev=True)
    C("Resolution ITU-R 2-9", "2", "RA", version="9", rev=True, ctx="Under Resolution ITU-R 2-9,")
    A("the Director of the Radiocommunication Bureau is requested", "requests", ["BR"], res="2", body="RA",
      src="summary", voice="passive", resolution_version="9")
    A("the study groups are invited", "invites", ["ITU-R study groups"], res="2", body="RA",
      src="summary", voice="passive", resolution_version="9")

    P("q002", "en", "1-ITU-R",
      "RA resolution: ITU-R heading with version, three organ phrases, 'ITU\u2011R Resolution 12-2' (organ "
      "prefix with U+2011), ITU-R Recommendation vs Report, 'resolves to instruct ... the other two Bureaux'",
      """
RESOLUTION ITU-R 67-1

Telecommunication/ICT accessibility for persons with disabilities and persons with specific needs

(2015-2019)

The ITU Radiocommunication Assembly,

considering

a) that Resolution 175 (Rev. Dubai, 2018) of the Plenipotentiary Conference calls on all three Sectors to take account of persons with disabilities in their work;

b) Resolution 70 (Rev. Hammamet, 2016) of the World Telecommunication Standardization Assembly and Resolution 58 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference;

c) that ITU\u2011R Resolution 12-2 provides for handbooks on matters of interest to developing countries,

noting

that Recommendation ITU-R BT.1702 and Report ITU-R BT.2207 give guidance on access services,

resolves to instruct the Director of the Radiocommunication Bureau, in collaboration with the Directors of the other two Bureaux,

1 to take the needs of persons with disabilities into account in the publications of the Sector;

2 to report to the next Assembly on the implementation of this Resolution,

invites the Radiocommunication Study Groups

to take into account relevant ITU-T Recommendations when developing new Recommendations.
""")
    C("RESOLUTION ITU-R 67-1", "67", "RA", version="1", rev=True, role="heading")
    C("Resolution 175 (Rev. Dubai, 2018)", "175", "PP", D18, rev=True)
    C("Resolution 70 (Rev. Hammamet, 2016)", "70", "WTSA", H16, rev=True)
    C("Resolution 58 (Rev. Buenos Aires, 2017)", "58", "WTDC", BA17, rev=True)
    C("ITU\u2011R Resolution 12-2", "12", "RA", version="2", rev=True,
      note="organ prefix 'ITU-R' (U+2011) before 'Resolution', version suffix: an RA resolution")
    rec_itu("Recommendation ITU-R BT.1702", "BT.1702", "ITU-R")
    A("resolves to instruct the Director of the Radiocommunication Bureau, in collaboration with the "
      "Directors of the other two Bureaux", "resolves to instruct", ["BR"], collab=["TSB", "BDT"],
      res="67", body="RA", note="'the other two Bureaux' beside BR = TSB, BDT")
    A("invites the Radiocommunication Study Groups", "invites", ["ITU-R study groups"], res="67", body="RA")

    P("q003", "en", "1-ITU-R",
      "damaged PDF of an RA resolution: running page headers 'Res. ITU-R 55-4', glued paragraph labels, "
      "'(Rev.WRC-\\n19)' split over a line, 'Resolution 647(Rev.WRC-19)', 'Resolutions ITU-R\\n53-2 and 60-1', "
      "glued verb 'instructsthe', bare 'resolves 1that' (no head)",
      """
Res. ITU-R 55-4                                                  1

RESOLUTION ITU-R 55-4
ITU-R studies of disaster prediction, detection, mitigation and relief
(2007-2012-2015-2019-2023)
The ITU Radiocommunication Assembly,
considering
a)that Resolution 136 (Rev. Dubai,2018)of the Plenipotentiary Conference addresses the use of telecommunications for humanitarian assistance;
b)that Resolution 646 (Rev.WRC-
19) and Resolution 647(Rev.WRC-19) deal with public protection and disaster relief and with spectrum management guidelines for emergencies;
c)that Resolutions ITU-R
53-2 and 60-1 also concern emergency radiocommunications,

2                                                  Res. ITU-R 55-4

resolves
1that the Radiocommunication Study Groups should continue their studies on disaster prediction and detection;
2that the results should be published as Recommendations, Reports or Handbooks,
instructsthe Director of the Radiocommunication Bureau
to maintain the relevant databases and to inform the membership of the results.
""")
    C("Res. ITU-R 55-4", "55", "RA", version="4", rev=True, nth=0, note="running page header")
    C("RESOLUTION ITU-R 55-4", "55", "RA", version="4", rev=True, role="heading")
    C("Resolution 136 (Rev. Dubai,2018)", "136", "PP", D18, rev=True)
    C("Resolution 646 (Rev.WRC-\n19)", "646", "WRC", W19, rev=True, note="line break after the hyphen of WRC-19")
    C("Resolution 647(Rev.WRC-19)", "647", "WRC", W19, rev=True)
    C("Resolutions ITU-R\n53-2", "53", "RA", version="2", rev=True, note="line break inside the citation")
    C("60-1", "60", "RA", version="1", rev=True, list_member=True)
    C("Res. ITU-R 55-4", "55", "RA", version="4", rev=True, nth=1, note="running page header")
    A("instructsthe Director of the Radiocommunication Bureau", "instructs", ["BR"], res="55", body="RA",
      note="verb glued to the article by conversion")

    P("q004", "fr", "1-ITU-R",
      "French RA resolution: 'RÉSOLUTION UIT-R 48-3', French list 'Résolutions 17 et 21 (Rév. Kigali, 2022)' with "
      "an organ phrase, '(Rév.CMR\u201119)' with U+2011, 'Recommandation UIT-R', 'les deux autres Bureaux', "
      "two addressees incl. regional organizations",
      """
RÉSOLUTION UIT-R 48-3

Renforcement de la présence régionale dans les travaux de l'UIT-R

(2007-2012-2015-2019-2023)

L'Assemblée des radiocommunications de l'UIT,

considérant

a) la Résolution 25 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires, relative au renforcement de la présence régionale;

b) les Résolutions 17 et 21 (Rév. Kigali, 2022) de la Conférence mondiale de développement des télécommunications;

c) la Résolution 72 (Rév.CMR\u201119), relative aux préparatifs mondiaux et régionaux des conférences mondiales des radiocommunications;

d) la Résolution UIT-R 2-9 et la Recommandation UIT-R SM.1047,

charge le Directeur du Bureau des radiocommunications, en étroite coordination avec les Directeurs des deux autres Bureaux,

1 d'associer les bureaux régionaux de l'UIT aux activités du Secteur;

2 de faire rapport à la prochaine Assemblée des radiocommunications,

invite les administrations et les organisations régionales de télécommunication

à participer aux ateliers régionaux organisés par le Bureau.
""")
    C("RÉSOLUTION UIT-R 48-3", "48", "RA", version="3", rev=True, role="heading")
    C("Résolution 25 (Rév. Bucarest, 2022)", "25", "PP", B22, rev=True)
    C("Résolutions 17", "17", "WTDC", K22, rev=True, note="shared parenthesis and organ phrase distributed")
    C("21 (Rév. Kigali, 2022)", "21", "WTDC", K22, rev=True, list_member=True)
    C("Résolution 72 (Rév.CMR\u201119)", "72", "WRC", W19, rev=True)
    C("Résolution UIT-R 2-9", "2", "RA", version="9", rev=True)
    rec_itu("Recommandation UIT-R SM.1047", "SM.1047", "ITU-R")
    A("charge le Directeur du Bureau des radiocommunications, en étroite coordination avec les Directeurs "
      "des deux autres Bureaux", "instructs", ["BR"], collab=["TSB", "BDT"], res="48", body="RA")
    A("invite les administrations et les organisations régionales de télécommunication", "invites",
      ["administrations", "regional telecommunication organizations"], res="48", body="RA")

    P("q005", "es", "1-ITU-R",
      "Spanish RAG report: ITU-R list whose second member repeats the prefix ('Resoluciones UIT-R 2-9 y UIT-R 4-8'), "
      "PP citation with organ phrase, reported clauses: impersonal passive 'se invita a las administraciones', "
      "'invita a las Comisiones de Estudio', 'encarga al Secretario General, en colaboración con los Directores de "
      "las tres Oficinas'",
      """
Grupo Asesor de Radiocomunicaciones (GAR)
Resumen de las conclusiones de la reunión (extracto)

2.1 El GAR examinó la aplicación de la Resolución UIT-R 1-9 y de las Resoluciones UIT-R 2-9 y UIT-R 4-8, así como de la Resolución 208 (Rev. Bucarest, 2022) de la Conferencia de Plenipotenciarios, relativa al nombramiento y la duración máxima del mandato de los presidentes y vicepresidentes.

2.2 El GAR recordó que la Resolución UIT-R 1-9 invita a las Comisiones de Estudio de Radiocomunicaciones a coordinar sus programas de trabajo y que, con arreglo a la Resolución UIT-R 15-7, se invita a las administraciones a presentar candidaturas con suficiente antelación.

2.3 El GAR tomó nota de que la Resolución 191 (Rev. Bucarest, 2022) encarga al Secretario General, en colaboración con los Directores de las tres Oficinas, identificar los temas de interés común para los tres Sectores.
""")
    C("Resolución UIT-R 1-9", "1", "RA", version="9", rev=True, ctx="aplicación de la Resolución UIT-R 1-9")
    C("Resoluciones UIT-R 2-9", "2", "RA", version="9", rev=True)
    C("UIT-R 4-8", "4", "RA", version="8", rev=True, list_member=True,
      note="second list member repeats the organ prefix: the surface starts at 'UIT-R'")
    C("Resolución 208 (Rev. Bucarest, 2022)", "208", "PP", B22, rev=True)
    C("Resolución UIT-R 1-9", "1", "RA", version="9", rev=True, ctx="recordó que la Resolución UIT-R 1-9")
    C("Resolución UIT-R 15-7", "15", "RA", version="7", rev=True)
    C("Resolución 191 (Rev. Bucarest, 2022)", "191", "PP", B22, rev=True, basis=INF)
    A("invita a las Comisiones de Estudio de Radiocomunicaciones", "invites", ["ITU-R study groups"],
      res="1", body="RA", src="reported", resolution_version="9")
    A("se invita a las administraciones", "invites", ["administrations"], res="15", body="RA", src="reported",
      voice="passive", resolution_version="7",
      note="impersonal 'se' passive: the surface starts at 'se' (the verb group), addressee after the verb")
    A("encarga al Secretario General, en colaboración con los Directores de las tres Oficinas", "instructs",
      ["SG"], collab=["TSB", "BR", "BDT"], res="191", body="PP", src="reported")

    P("q006", "ru", "1-ITU-R",
      "Russian RA resolution: heading 'РЕЗОЛЮЦИЯ МСЭ-R 22-4', nominative 'Резолюция 9 (Пересм. Буэнос-Айрес, 2017 г.)' "
      "with a WTDC organ phrase, 'Рез. МСЭ-R 11-5', accusative 'Резолюцию 208', bare 'решает 1 что' (no head), "
      "'поручает ... в сотрудничестве с', 'предлагает администрациям'",
      """
РЕЗОЛЮЦИЯ МСЭ-R 22-4

Совершенствование национальных методов управления использованием спектра, в особенности в развивающихся странах

(1993-2000-2007-2012-2019)

Ассамблея радиосвязи МСЭ,

учитывая,

a) что Резолюция 9 (Пересм. Буэнос-Айрес, 2017 г.) Всемирной конференции по развитию электросвязи касается участия стран в управлении использованием спектра;

b) что Рез. МСЭ-R 11-5 предусматривает дальнейшее развитие систем управления использованием спектра;

c) Резолюцию 208 (Пересм. Дубай, 2018 г.),

решает

1 что исследовательским комиссиям по радиосвязи следует продолжить разработку справочников по управлению использованием спектра;

поручает Директору Бюро радиосвязи в сотрудничестве с Директором Бюро развития электросвязи

1 оказывать помощь развивающимся странам в создании национальных систем управления использованием спектра;

предлагает администрациям

представлять в Бюро сведения о своем опыте.
""")
    C("РЕЗОЛЮЦИЯ МСЭ-R 22-4", "22", "RA", version="4", rev=True, role="heading")
    C("Резолюция 9 (Пересм. Буэнос-Айрес, 2017 г.)", "9", "WTDC", BA17, rev=True)
    C("Рез. МСЭ-R 11-5", "11", "RA", version="5", rev=True)
    C("Резолюцию 208 (Пересм. Дубай, 2018 г.)", "208", "PP", D18, rev=True, basis=INF)
    A("поручает Директору Бюро радиосвязи в сотрудничестве с Директором Бюро развития электросвязи",
      "instructs", ["BR"], collab=["BDT"], res="22", body="RA")
    A("предлагает администрациям", "invites", ["administrations"], res="22", body="RA")

    P("q007", "zh", "1-ITU-R",
      "Chinese RA resolution: spaced 'ITU-R 第71-1号决议' heading and 'ITU-R 第 1-8 号决议', spaced "
      "'第 646 号决议（WRC-19，修订版）', Chinese organ phrase before 第 ('全权代表大会第139号决议'), "
      "'ITU-R BT.2016建议书', bare 做出决议 (no head), '责成...与...合作', '请各主管部门', '鼓励各成员国和部门成员'",
      """
ITU-R 第71-1号决议

无线电通信部门在电视、声音和多媒体广播持续发展中的作用

（2015-2019年）

国际电联无线电通信全会，

考虑到

a) 第 646 号决议（WRC-19，修订版）涉及公众保护和救灾；

b) 全权代表大会第139号决议（2018年，迪拜，修订版）涉及利用电信/信息通信技术弥合数字鸿沟；

c) ITU-R BT.2016建议书描述了地面多媒体广播系统，

注意到

ITU-R 第 1-8 号决议规定了无线电通信研究组的工作方法，

做出决议

1 无线电通信研究组应继续研究广播的发展；

责成无线电通信局主任与电信发展局主任合作

协助发展中国家向数字广播过渡；

请各主管部门

向无线电通信局提供有关经验；

鼓励各成员国和部门成员

积极参加相关研究。
""")
    C("ITU-R 第71-1号决议", "71", "RA", version="1", rev=True, role="heading",
      note="space between the organ prefix and 第")
    C("第 646 号决议（WRC-19，修订版）", "646", "WRC", W19, rev=True)
    C("第139号决议（2018年，迪拜，修订版）", "139", "PP", D18, rev=True,
      note="organ phrase 全权代表大会 precedes 第 (Chinese order of 'of the Plenipotentiary Conference'): "
      "outside the surface, sets body")
    rec_itu("ITU-R BT.2016建议书", "BT.2016", "ITU-R")
    C("ITU-R 第 1-8 号决议", "1", "RA", version="8", rev=True)
    A("责成无线电通信局主任与电信发展局主任合作", "instructs", ["BR"], collab=["BDT"], res="71", body="RA")
    A("请各主管部门", "invites", ["administrations"], res="71", body="RA")
    A("鼓励各成员国和部门成员", "encourages", ["Member States", "Sector Members"], res="71", body="RA")

    # ---------------------------------------------------------------- cls 2: WRC / RR
    P("q008", "en", "2-WRC",
      "WRC resolution: mixed-case '(Rev.WRC-19)' heading, PP/WTDC organ phrases, '(Rev.WRC\u201119)' with "
      "U+2011, older '(WRC\u201103)' version, 'No. 1.59' and a Report (not annotated), bare 'resolves 1 to "
      "strongly recommend administrations' (no head), consultation after the task (no collaborator)",
      """
RESOLUTION 646 (Rev.WRC-19)

Public protection and disaster relief

The World Radiocommunication Conference (Sharm el-Sheikh, 2019),

considering

a) that Resolution 136 (Rev. Dubai, 2018) of the Plenipotentiary Conference and Resolution 34 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference address the use of telecommunications in emergency situations;

b) that Recommendation ITU-R M.2015 contains frequency arrangements for public protection and disaster relief radiocommunication systems;

c) that Resolution 647 (Rev.WRC\u201119) provides spectrum management guidelines for emergency and disaster relief radiocommunication,

noting

that Report ITU-R M.2291 and No. 1.59 of the Radio Regulations are relevant,

resolves

1 to strongly recommend administrations to use regionally harmonized frequency ranges for PPDR;

2 that administrations may continue to use the frequency bands identified in Resolution 646 (WRC\u201103),

encourages administrations

to consider parts of the frequency range 694-894 MHz when undertaking their national planning,

instructs the Director of the Radiocommunication Bureau

to support administrations in the implementation of this Resolution, in consultation with the Director of the Telecommunication Development Bureau,

invites ITU-R

to continue its technical studies.
""")
    C("RESOLUTION 646 (Rev.WRC-19)", "646", "WRC", W19, rev=True, role="heading")
    C("Resolution 136 (Rev. Dubai, 2018)", "136", "PP", D18, rev=True)
    C("Resolution 34 (Rev. Buenos Aires, 2017)", "34", "WTDC", BA17, rev=True)
    rec_itu("Recommendation ITU-R M.2015", "M.2015", "ITU-R")
    C("Resolution 647 (Rev.WRC\u201119)", "647", "WRC", W19, rev=True)
    C("Resolution 646 (WRC\u201103)", "646", "WRC", W03)
    A("encourages administrations", "encourages", ["administrations"], res="646", body="WRC")
    A("instructs the Director of the Radiocommunication Bureau", "instructs", ["BR"], res="646", body="WRC",
      note="'in consultation with the Director of BDT' comes after the task: no collaborator")
    A("invites ITU-R", "invites", ["ITU-R"], res="646", body="WRC")

    P("q009", "en", "2-WRC",
      "Radio Regulations footnotes: '(Rev. WRC-07)' with a space, '(WRC-2000)', lower-case '(rev.WRC-19)', en dash "
      "'(Rev.WRC–19)' in a list nested in '(see also ...)'; footnote markers '(WRC-12)', 'No. 9.12', 'Article 21', "
      "'Appendix 30B' not annotated",
      """
5.388A In Regions 1 and 3, the frequency bands 1 885-1 980 MHz, 2 010-2 025 MHz and 2 110-2 170 MHz may be used by high-altitude platform stations as base stations to provide International Mobile Telecommunications (IMT), in accordance with Resolution 221 (Rev. WRC-07). Their use by IMT applications does not preclude the use of these frequency bands by any station in the services to which they are allocated.     (WRC-12)

5.418B Use of the frequency band 2 630-2 655 MHz by non-geostationary broadcasting-satellite (sound) systems is subject to Resolution 539 (WRC-2000) and to coordination under No. 9.12.

5.516B The frequency bands 17.3-17.7 GHz and 19.7-20.2 GHz, among others, are identified for use by high-density applications in the fixed-satellite service; administrations planning such applications should take account of the guidelines in Resolution 143 (rev.WRC-19).     (WRC–19)

5.457C In Region 2, the frequency band 3 300-3 400 MHz is identified for IMT (see also Resolutions 223 (Rev.WRC-23) and 224 (Rev.WRC–19)); see Article 21 and Appendix 30B for the related limits.     (WRC-23)
""")
    C("Resolution 221 (Rev. WRC-07)", "221", "WRC", W07, rev=True)
    C("Resolution 539 (WRC-2000)", "539", "WRC", W2000)
    C("Resolution 143 (rev.WRC-19)", "143", "WRC", W19, rev=True)
    C("Resolutions 223 (Rev.WRC-23)", "223", "WRC", W23, rev=True)
    C("224 (Rev.WRC–19)", "224", "WRC", W19, rev=True, list_member=True, note="en dash in WRC–19")

    P("q010", "en", "2-WRC",
      "WP 5D liaison: 'WRC-23 Resolution 212 (Rev.WRC-23)' (label prefix and revision marker), "
      "'Res. 224 (Rev. WRC-19)', 'Res.ITU-R 65-1' inside a sentence, reported heads of a cited WRC resolution",
      """
Radiocommunication Study Groups
Source: Working Party 5D
LIAISON STATEMENT TO WORKING PARTIES 4C AND 7B
Subject: Studies under WRC-27 agenda item 1.7

1 Working Party 5D thanks the recipients for their contributions on WRC-23 Resolution 212 (Rev.WRC-23) and on the sharing studies called for in Resolution 256 (WRC-23).

2 Resolution 256 (WRC\u201123) invites ITU-R to conduct sharing and compatibility studies and instructs the Director of the Radiocommunication Bureau to include the results in the Director's report to WRC-27. In line with Res. 223 (Rev.WRC\u201123), Res. 224 (Rev. WRC-19) and Res.ITU-R 65-1, WP 5D will take Report ITU-R M.2410 into account.

3 Working Party 5D will keep Working Parties 4C and 7B informed of its progress.
""")
    C("WRC-23 Resolution 212 (Rev.WRC-23)", "212", "WRC", W23, rev=True,
      note="conference label prefix and revision parenthesis together")
    C("Resolution 256 (WRC-23)", "256", "WRC", W23)
    C("Resolution 256 (WRC\u201123)", "256", "WRC", W23)
    C("Res. 223 (Rev.WRC\u201123)", "223", "WRC", W23, rev=True)
    C("Res. 224 (Rev. WRC-19)", "224", "WRC", W19, rev=True)
    C("Res.ITU-R 65-1", "65", "RA", version="1", rev=True)
    A("invites ITU-R", "invites", ["ITU-R"], res="256", body="WRC", src="reported")
    A("instructs the Director of the Radiocommunication Bureau", "instructs", ["BR"], res="256", body="WRC",
      src="reported")

    P("q011", "en", "2-WRC",
      "BR review table: abbreviated 'Res. n (Rev.WRC-yy)' entries with status markers after the titles, "
      "WRC Recommendations 'Rec. 34 (Rev.WRC-12)' (near-miss kind), a bare list 'Resolutions 26 and 95' (WRC by context)",
      """
Review of WRC resolutions and recommendations under Resolution 95 (Rev.WRC-19)
Table 1 – Texts proposed for review by WRC-27 (extract)

Res. 18 (Rev.WRC-15)    Procedure for identifying and announcing the position of ships and aircraft of States not parties to an armed conflict    NOC
Res. 20 (Rev.WRC-03)    Technical cooperation with developing countries in the field of aeronautical telecommunications    NOC
Res. 63 (Rev.WRC-12)    Protection of radiocommunication services against interference caused by radiation from industrial, scientific and medical equipment    MOD
Res. 339 (Rev.WRC-07)    Coordination of NAVTEX services    SUP
Res. 354 (WRC-07)    Distress and safety radiotelephony procedures for 2 182 kHz    NOC
Rec. 34 (Rev.WRC-12)    Principles for the allocation of frequency bands    NOC

Note: Resolutions 26 and 95 are standing resolutions reviewed at every conference.
""")
    C("Resolution 95 (Rev.WRC-19)", "95", "WRC", W19, rev=True)
    C("Res. 18 (Rev.WRC-15)", "18", "WRC", W15, rev=True, note="table entry; status marker NOC outside")
    C("Res. 20 (Rev.WRC-03)", "20", "WRC", W03, rev=True)
    C("Res. 63 (Rev.WRC-12)", "63", "WRC", W12, rev=True)
    C("Res. 339 (Rev.WRC-07)", "339", "WRC", W07, rev=True)
    C("Res. 354 (WRC-07)", "354", "WRC", W07)
    C("Rec. 34 (Rev.WRC-12)", "34", "WRC", W12, kind="recommendation", rev=True,
      note="WRC Recommendation: near-miss kind")
    C("Resolutions 26", "26", "WRC", basis="context")
    C("95", "95", "WRC", basis="context", list_member=True, ctx="26 and 95 are")

    P("q012", "en", "2-WRC",
      "damaged WRC resolution: hyphenated line wrap 'Reso-\\nlution 232 (WRC-12)', glued 'inResolution224(Rev.WRC-19)"
      "andRecommendation', double space and spaces inside the parenthesis 'Resolution  760 ( WRC-15 )', line break "
      "inside an actor name, citation cut off at the end of the text",
      """
RESOLUTION 749 (Rev.WRC-19)
Studies on the use of the frequency band 694-790 MHz by the mobile, except aeronautical mobile, service in Region 1 and by other services
The World Radiocommunication Conference (Sharm el-Sheikh, 2019),
considering
a)that WRC-12 allocated the frequency band 694-790 MHz to the mobile service in Region 1 and that Reso-
lution 232 (WRC-12) specified the conditions of that allocation;
b)that the technical conditions are contained inResolution224(Rev.WRC-19)andRecommendation ITU-R M.1036;
c)that the protection of the aeronautical radionavigation service in the band 645-862 MHz is addressed in Resolution  760 ( WRC-15 ),
resolves
1that administrations shall protect the aeronautical radionavigation service in the countries listed in No. 5.312;
instructs the Director of the Radiocommunication
Bureau
to bring this Resolution to the attention of the International Civil Aviation Organization,
invites the ITU Radiocommunication Sector
to continue the studies, taking into account Resolution 235 (WRC-15
""")
    C("RESOLUTION 749 (Rev.WRC-19)", "749", "WRC", W19, rev=True, role="heading")
    C("Reso-\nlution 232 (WRC-12)", "232", "WRC", W12, note="keyword hyphenated across a line break")
    C("Resolution224(Rev.WRC-19)", "224", "WRC", W19, rev=True, note="glued on both sides")
    rec_itu("Recommendation ITU-R M.1036", "M.1036", "ITU-R")
    C("Resolution  760 ( WRC-15 )", "760", "WRC", W15, note="double space; spaces inside the parenthesis")
    C("Resolution 235 (WRC-15", "235", "WRC", W15, note="parenthesis cut off at the end of the excerpt")
    A("instructs the Director of the Radiocommunication\nBureau", "instructs", ["BR"], res="749", body="WRC",
      note="line break inside the actor name")
    A("invites the ITU Radiocommunication Sector", "invites", ["ITU-R"], res="749", body="WRC")

    P("q013", "en", "2-WRC",
      "RRB report: upper-case title citation, reported heads of a cited WRC resolution incl. 'resolves to instruct "
      "the Radio Regulations Board', a reported passive 'the Bureau is instructed', bare 'Resolution 40' (WRC by "
      "context), Council 'Decision 482 of the Council (modified 2020)' (organ phrase before the parenthesis)",
      """
REPORT OF THE RADIO REGULATIONS BOARD UNDER RESOLUTION 80 (REV.WRC-07) TO WRC-27 (extract)

1 Introduction
Resolution 80 (Rev.WRC-07) resolves to instruct the Radio Regulations Board to develop Rules of Procedure taking into account the principles of Article 44 of the Constitution and No. 196 of the Convention, and invites administrations to provide the Board with examples of the difficulties they have encountered.

2 Since WRC-23, the Board has considered cases submitted under Resolution 40 (Rev.WRC-23) and Resolution 49 (Rev. WRC-19). Resolution 1 (Rev.WRC\u201197), on the notification of frequency assignments, was also taken into account. The Board notes that the Bureau is instructed, under Resolution 40, to publish the information it receives.

3 The Board also took note of Decision 482 of the Council (modified 2020) on the cost recovery for satellite network filings.
""")
    C("RESOLUTION 80 (REV.WRC-07)", "80", "WRC", W07, rev=True, note="in the report title")
    C("Resolution 80 (Rev.WRC-07)", "80", "WRC", W07, rev=True)
    C("Resolution 40 (Rev.WRC-23)", "40", "WRC", W23, rev=True)
    C("Resolution 49 (Rev. WRC-19)", "49", "WRC", W19, rev=True)
    C("Resolution 1 (Rev.WRC\u201197)", "1", "WRC", W97, rev=True)
    C("Resolution 40", "40", "WRC", basis="context", ctx="under Resolution 40, to")
    C("Decision 482", "482", "Council", kind="decision", year=2020, rev=True,
      note="'of the Council (modified 2020)' follows")
    A("resolves to instruct the Radio Regulations Board", "resolves to instruct", ["RRB"], res="80", body="WRC",
      src="reported")
    A("invites administrations", "invites", ["administrations"], res="80", body="WRC", src="reported")
    A("the Bureau is instructed", "instructs", ["BR"], res="40", body="WRC", src="reported", voice="passive")

    P("q014", "en", "2-WRC",
      "WRC resolution: upper-case '(REV.WRC-19)' heading, list with a shared parenthesis 'Resolutions 26 and 95 "
      "(Rev.WRC-19)', three-member list with own parentheses, ITU-R Recommendation, two addressees 'the Director of "
      "the Radiocommunication Bureau and the Radio Regulations Board'",
      """
RESOLUTION 27 (REV.WRC-19)

Use of incorporation by reference in the Radio Regulations

The World Radiocommunication Conference (Sharm el-Sheikh, 2019),

considering

a) that the principles of incorporation by reference were adopted by WRC-95 and revised by subsequent conferences;

b) that Resolution 28 (Rev.WRC-15) and Resolution 27 (Rev.WRC-12) established procedures for updating such references,

noting

that Resolutions 26 and 95 (Rev.WRC-19) and Resolutions 18 (Rev.WRC-15), 63 (Rev.WRC-12) and 205 (Rev.WRC-19) contain references to ITU-R Recommendations, and that Recommendation ITU-R TF.460 is incorporated by reference in Appendix 1,

resolves

1 that, for the purposes of the Radio Regulations, the term "incorporation by reference" shall apply only to those references intended to be mandatory;

instructs the Director of the Radiocommunication Bureau and the Radio Regulations Board

to bring this Resolution to the attention of the study groups,

invites the ITU-R study groups

to keep under review the Recommendations incorporated by reference.
""")
    C("RESOLUTION 27 (REV.WRC-19)", "27", "WRC", W19, rev=True, role="heading")
    C("Resolution 28 (Rev.WRC-15)", "28", "WRC", W15, rev=True)
    C("Resolution 27 (Rev.WRC-12)", "27", "WRC", W12, rev=True)
    C("Resolutions 26", "26", "WRC", W19, rev=True, note="shared parenthesis distributed")
    C("95 (Rev.WRC-19)", "95", "WRC", W19, rev=True, list_member=True)
    C("Resolutions 18 (Rev.WRC-15)", "18", "WRC", W15, rev=True)
    C("63 (Rev.WRC-12)", "63", "WRC", W12, rev=True, list_member=True)
    C("205 (Rev.WRC-19)", "205", "WRC", W19, rev=True, list_member=True)
    rec_itu("Recommendation ITU-R TF.460", "TF.460", "ITU-R")
    A("instructs the Director of the Radiocommunication Bureau and the Radio Regulations Board", "instructs",
      ["BR", "RRB"], res="27", body="WRC")
    A("invites the ITU-R study groups", "invites", ["ITU-R study groups"], res="27", body="WRC")

"""Passages q040-q050: hard negatives (cls 6) - UN, WHO, ICAO/IMO, UPU, CEPT/EU, CITEL, UNESCO, RCC,
Arab League, ECOSOC in Chinese. Their own resolutions are near-misses; their verbs are never heads."""

from __future__ import annotations

from dsl import D18, W19, W23, A, B22, C, P, other, un  # noqa: F401


def define() -> None:
    P("q040", "en", "6-negative",
      "UNGA resolution: symbol, heading number, 'its resolutions 73/27 ... and 73/266', 'resolution 75/1', ECOSOC "
      "'Economic and Social Council resolution 2019/24'; ITU named without a resolution; UN verbs 'Calls upon "
      "Member States', 'Requests the Secretary-General' (no heads)",
      """
United Nations                                             A/RES/75/240
General Assembly

Seventy-fifth session

Resolution adopted by the General Assembly on 31 December 2020

75/240. Developments in the field of information and telecommunications in the context of international security

The General Assembly,

Recalling its resolutions 73/27 of 5 December 2018 and 73/266 of 22 December 2018, as well as resolution 75/1, the declaration on the commemoration of the seventy-fifth anniversary of the United Nations,

Noting Economic and Social Council resolution 2019/24 and the work of the International Telecommunication Union in building confidence and security in the use of information and communication technologies,

1. Decides to convene, starting in 2021, a new open-ended working group on security of and in the use of information and communications technologies;

2. Calls upon Member States to further promote at the multilateral level the consideration of existing and potential threats in the field of information security;

3. Requests the Secretary-General to provide the working group with the necessary assistance.
""")
    un("A/RES/75/240", "75/240", basis="explicit")
    un("75/240", "75/240", role="heading", ctx="75/240. Developments")
    un("resolutions 73/27", "73/27")
    un("73/266", "73/266", list_member=True)
    un("resolution 75/1", "75/1")
    un("resolution 2019/24", "2019/24", body="other", basis="explicit", note="ECOSOC resolution")

    P("q041", "en", "6-negative",
      "UN Secretary-General report: 'In its resolution 2417 (2018), the Security Council', 'Council resolution 2286 "
      "(2016) requests the Secretary-General' (UN Council with a four-digit number and a year, then an ITU-like "
      "verb), 'The Council also invites Member States' (no heads), GA 'resolution 58/114', the Tampere Convention",
      """
Protection of civilians in armed conflict
Report of the Secretary-General (extract)

12. In its resolution 2417 (2018), the Security Council condemned the starving of civilians as a method of warfare. The Council reaffirmed the protection of objects indispensable to the survival of the civilian population in resolution 2573 (2021), including the telecommunication infrastructure on which essential services depend.

13. Council resolution 2286 (2016) requests the Secretary-General to include in his reports information on attacks against medical care. The Council also invites Member States to develop domestic legal frameworks to that end.

14. The General Assembly, in resolution 58/114, encouraged the use of emergency telecommunications in humanitarian operations, and the Tampere Convention on the Provision of Telecommunication Resources for Disaster Mitigation and Relief Operations (1998) remains the reference framework.
""")
    un("resolution 2417 (2018)", "2417", body="UNSC", year=2018)
    un("resolution 2573 (2021)", "2573", body="UNSC", year=2021)
    un("resolution 2286 (2016)", "2286", body="UNSC", year=2016, basis="explicit",
       note="'Council' = the Security Council in this UN text: prefix outside the span")
    un("resolution 58/114", "58/114", basis="explicit")

    P("q042", "en", "6-negative",
      "WHO World Health Assembly resolution WHA73.1 citing WHA resolutions with years; an ITU PP resolution cited with "
      "its organ phrase (positive); WHO verbs 'URGES Member States', 'REQUESTS the Director-General' (no heads)",
      """
SEVENTY-THIRD WORLD HEALTH ASSEMBLY                    WHA73.1
Agenda item 3                                           19 May 2020

COVID-19 response

The Seventy-third World Health Assembly,

Recalling resolutions WHA58.3 (2005) on the revision of the International Health Regulations and WHA72.7 (2019), and the role of the International Health Regulations (2005) as the key instrument for preparedness;

Noting Resolution 202 (Rev. Dubai, 2018) of the Plenipotentiary Conference of the International Telecommunication Union on using information and communication technologies to combat communicable diseases;

1. CALLS FOR the intensification of cooperation and collaboration at all levels;

2. URGES Member States to ensure the continued functioning of the health system;

3. REQUESTS the Director-General to continue to work closely with the International Telecommunication Union and other organizations of the United Nations system.
""")
    other("WHA73.1", "WHA73.1", basis="explicit", role="heading")
    other("resolutions WHA58.3 (2005)", "WHA58.3", year=2005, note="World Health Assembly")
    other("WHA72.7 (2019)", "WHA72.7", year=2019, list_member=True)
    C("Resolution 202 (Rev. Dubai, 2018)", "202", "PP", D18, rev=True)

    P("q043", "en", "6-negative",
      "ICAO working paper: 'Assembly Resolution A41-19', IMO 'resolution A.1001(25)' and 'resolution MSC.131(75)', "
      "WRC positives; ICAO passive 'The Assembly is invited' and 'urge States' (no heads)",
      """
ASSEMBLY — 41ST SESSION
TECHNICAL COMMISSION
Agenda Item 30: Aviation safety and air navigation standardization

ICAO POSITION FOR THE ITU WORLD RADIOCOMMUNICATION CONFERENCE 2023 (WRC-23)

1.1 Assembly Resolution A41-19 requests the Council to protect the radio frequency spectrum used by aviation. The position on WRC-23 agenda item 1.12 supports no change to the allocations considered under Resolution 429 (WRC-19) and Resolution 430 (WRC-19) unless aviation safety is assured.

1.2 For maritime safety, IMO Assembly resolution A.1001(25) and resolution MSC.131(75) remain relevant; ICAO supports the modernization of the GMDSS under Resolution 361 (Rev.WRC-19).

2. ACTION BY THE ASSEMBLY
2.1 The Assembly is invited to endorse the ICAO position and to urge States to support it at WRC-23.
""")
    other("Resolution A41-19", "A41-19", basis="explicit", note="ICAO Assembly")
    C("Resolution 429 (WRC-19)", "429", "WRC", W19)
    C("Resolution 430 (WRC-19)", "430", "WRC", W19)
    other("resolution A.1001(25)", "A.1001(25)", note="IMO Assembly")
    other("resolution MSC.131(75)", "MSC.131(75)", note="IMO Maritime Safety Committee")
    C("Resolution 361 (Rev.WRC-19)", "361", "WRC", W19, rev=True)

    P("q044", "en", "6-negative",
      "UPU Congress resolution 'Resolution C 7/2021' citing earlier Congress resolutions and an ITU PP resolution "
      "(positive); UPU verbs 'Instructs the International Bureau', 'Invites member countries', 'Requests the Postal "
      "Operations Council' (no heads: the International Bureau is the UPU's)",
      """
UNIVERSAL POSTAL UNION
27th Congress – Abidjan 2021

Resolution C 7/2021

Postal sector and the digital economy

The Congress,

Recalling resolution C 36/2016 of the Istanbul Congress and resolution C 11/2012 of the Doha Congress,

Noting Resolution 102 (Rev. Dubai, 2018) of the ITU Plenipotentiary Conference on the management of Internet domain names and addresses,

Instructs the International Bureau to continue its cooperation with the International Telecommunication Union on the .POST top-level domain,

Invites member countries to promote digital postal services,

Requests the Postal Operations Council to report to the next Congress on the implementation of this resolution.
""")
    other("Resolution C 7/2021", "C 7/2021", basis="explicit", role="heading", note="UPU Congress")
    other("resolution C 36/2016", "C 36/2016")
    other("resolution C 11/2012", "C 11/2012")
    C("Resolution 102 (Rev. Dubai, 2018)", "102", "PP", D18, rev=True)

    P("q045", "en", "6-negative",
      "CEPT/ECC brief with EU law: 'ECC Decision (05)08', 'ECC Recommendation (15)01', 'Decision No 243/2012/EU', "
      "'Decision No 676/2002/EC', 'Commission Implementing Decision (EU) 2019/235 amending Decision 2008/411/EC'; "
      "ITU WRC positive; CEPT passive 'CEPT administrations are invited' (no head)",
      """
CEPT Brief on WRC-27 agenda item 1.7 (extract)

1 Background
The harmonised technical conditions for the band are set out in ECC Decision (05)08, and cross-border coordination follows ECC Recommendation (15)01. In the European Union, the Radio Spectrum Policy Programme established by Decision No 243/2012/EU and the Radio Spectrum Decision (Decision No 676/2002/EC) apply; Commission Implementing Decision (EU) 2019/235 amending Decision 2008/411/EC updated the conditions for the 3 400-3 800 MHz band.

2 CEPT position
CEPT supports the studies called for in Resolution 223 (Rev.WRC-23), provided that existing services are protected.

3 Actions
CEPT administrations are invited to contribute to the ITU-R studies through the CPG project team.
""")
    other("Decision (05)08", "(05)08", basis="explicit", note="ECC Decision")
    other("Recommendation (15)01", "(15)01", basis="explicit", note="ECC Recommendation")
    other("Decision No 243/2012/EU", "243/2012/EU", basis="explicit")
    other("Decision No 676/2002/EC", "676/2002/EC", basis="explicit")
    other("Decision (EU) 2019/235", "(EU) 2019/235", basis="explicit", note="Commission Implementing Decision")
    other("Decision 2008/411/EC", "2008/411/EC", basis="explicit")
    C("Resolution 223 (Rev.WRC-23)", "223", "WRC", W23, rev=True)

    P("q046", "es", "6-negative",
      "CITEL PCC.II resolution: symbol 'PCC.II/RES. 123 (XXXVII-21)', 'Resolución PCC.II/RES. 110 (XXXIV-19)', ITU WRC "
      "positives '(CMR-19)', '(Rev.CMR-19)'; CITEL infinitive verbs 'Encargar', 'Invitar a las administraciones' (no heads)",
      """
COMISIÓN INTERAMERICANA DE TELECOMUNICACIONES (CITEL)
XXXVII REUNIÓN DEL COMITÉ CONSULTIVO PERMANENTE II: RADIOCOMUNICACIONES
Reunión virtual

PCC.II/RES. 123 (XXXVII-21)

PREPARATIVOS INTERAMERICANOS PARA LA CMR-23

La XXXVII Reunión del Comité Consultivo Permanente II: Radiocomunicaciones,

CONSIDERANDO:

a) Que la Resolución 811 (CMR-19) establece el orden del día de la CMR-23;

b) Que la Resolución 72 (Rev.CMR-19) invita a las organizaciones regionales de telecomunicaciones a coordinar sus preparativos;

c) Que la Resolución PCC.II/RES. 110 (XXXIV-19) creó los grupos de trabajo para la preparación de la CMR-23,

RESUELVE:

1. Encargar a los coordinadores de los grupos de trabajo que elaboren los proyectos de propuestas interamericanas;

2. Invitar a las administraciones de los Estados miembros de la CITEL a presentar contribuciones.
""")
    other("PCC.II/RES. 123 (XXXVII-21)", "PCC.II/RES. 123 (XXXVII-21)", basis="explicit", role="heading")
    C("Resolución 811 (CMR-19)", "811", "WRC", W19)
    C("Resolución 72 (Rev.CMR-19)", "72", "WRC", W19, rev=True)
    other("Resolución PCC.II/RES. 110 (XXXIV-19)", "PCC.II/RES. 110 (XXXIV-19)", basis="explicit")
    A("invita a las organizaciones regionales de telecomunicaciones", "invites",
      ["regional telecommunication organizations"], res="72", body="WRC", src="reported",
      note="clause of the cited WRC resolution stated in a CITEL text (probe call 9)")

    P("q047", "fr", "6-negative",
      "UNESCO General Conference resolution in French: 'résolution 75/1 de l'Assemblée générale', 'résolution 2019/24 "
      "du Conseil économique et social', Executive Board 'décision 210 EX/5.II', 'résolution 40 C/37'; one ITU PP "
      "positive; UNESCO verbs 'Invite', 'Prie', 'Charge le Secrétariat' (no heads)",
      """
Conférence générale de l'UNESCO – 41e session

Résolution sur l'accès universel à l'information

La Conférence générale,

Rappelant la résolution 75/1 de l'Assemblée générale des Nations Unies, la résolution 2019/24 du Conseil économique et social et la décision 210 EX/5.II du Conseil exécutif,

Rappelant également sa résolution 40 C/37 ainsi que la Résolution 139 (Rév. Dubaï, 2018) de la Conférence de plénipotentiaires de l'Union internationale des télécommunications,

1. Invite les États membres à renforcer l'accès universel à l'information;

2. Prie la Directrice générale de coopérer avec l'Union internationale des télécommunications;

3. Charge le Secrétariat de faire rapport au Conseil exécutif à sa prochaine session.
""")
    un("résolution 75/1", "75/1", basis="explicit")
    un("résolution 2019/24", "2019/24", body="other", basis="explicit", note="ECOSOC resolution")
    other("décision 210 EX/5.II", "210 EX/5.II", basis="explicit", note="UNESCO Executive Board")
    other("résolution 40 C/37", "40 C/37", basis="context", note="UNESCO General Conference ('sa')")
    C("Résolution 139 (Rév. Dubaï, 2018)", "139", "PP", D18, rev=True)

    P("q048", "ru", "6-negative",
      "Regional Commonwealth in the field of Communications (RCC) decision: 'РЕШЕНИЕ № 68/5', 'свое Решение № 66/2' "
      "(Decision keyword, slash number), ITU WRC positives with an organ phrase; RCC infinitive verbs 'Поручить', "
      "'Предложить администрациям связи', 'Просить' (no heads)",
      """
Региональное содружество в области связи
Совет глав администраций связи

РЕШЕНИЕ № 68/5

О подготовке администраций связи РСС к ВКР-27

Совет глав администраций связи Регионального содружества в области связи,

принимая во внимание Резолюцию 811 (ВКР-23) Всемирной конференции радиосвязи и Резолюцию 72 (Пересм. ВКР-19),

учитывая свое Решение № 66/2 о создании Рабочей группы по подготовке к ВКР и АР,

РЕШИЛ:

1. Поручить Рабочей группе РСС по подготовке к ВКР и АР разработать общие предложения администраций связи РСС.

2. Предложить администрациям связи РСС принять активное участие в работе исследовательских комиссий МСЭ-R.

3. Просить Исполнительный комитет РСС обеспечить координацию с МСЭ.
""")
    other("РЕШЕНИЕ № 68/5", "68/5", basis="explicit", role="heading", note="RCC Council of Heads of Administrations")
    C("Резолюцию 811 (ВКР-23)", "811", "WRC", W23)
    C("Резолюцию 72 (Пересм. ВКР-19)", "72", "WRC", W19, rev=True)
    other("Решение № 66/2", "66/2", basis="context", note="'свое' = the RCC Council's")

    P("q049", "ar", "6-negative",
      "Arab League ministerial council resolution: 'القرار رقم 4', 'قراره رقم 3', UNGA 'قرار الجمعية العامة للأمم المتحدة "
      "75/1'; ITU WRC positive 'القرار 811 (WRC-23)'; Arab League verbs 'يكلف', 'يدعو الدول الأعضاء', 'يطلب' (no heads)",
      """
جامعة الدول العربية
مجلس الوزراء العرب للاتصالات والمعلومات
الدورة العادية السابعة والعشرون

القرار رقم 4

بشأن الاستعداد العربي للمؤتمر العالمي للاتصالات الراديوية لعام 2027

إن مجلس الوزراء العرب للاتصالات والمعلومات،

بعد اطلاعه على القرار 811 (WRC-23) بشأن جدول أعمال المؤتمر العالمي للاتصالات الراديوية لعام 2027، وعلى قرار الجمعية العامة للأمم المتحدة 75/1،

وإذ يشير إلى قراره رقم 3 الصادر في الدورة السادسة والعشرين،

يقرر:

1- يكلف الفريق العربي لإدارة الطيف الترددي بإعداد المواقف العربية الموحدة؛

2- يدعو الدول الأعضاء إلى المشاركة الفاعلة في اجتماعات قطاع الاتصالات الراديوية؛

3- يطلب من الأمانة الفنية متابعة تنفيذ هذا القرار.
""")
    other("القرار رقم 4", "4", basis="explicit", role="heading", note="Arab League ministerial council")
    C("القرار 811 (WRC-23)", "811", "WRC", W23)
    un("قرار الجمعية العامة للأمم المتحدة 75/1", "75/1", basis="explicit")
    other("قراره رقم 3", "3", basis="context")

    P("q050", "zh", "6-negative",
      "ECOSOC resolution in Chinese: '经济及社会理事会第2023/3号决议' (理事会 = Council), GA 第75/1号 and 第70/1号决议, "
      "'理事会第2019/24号决议'; one ITU PP positive with the organ phrase before 第; UN verbs '请秘书长', '鼓励各会员国' "
      "(no heads)",
      """
经济及社会理事会第2023/3号决议

评估信息社会世界峰会成果落实和后续行动的进展情况

经济及社会理事会，

回顾大会2020年9月21日第75/1号决议和2015年9月25日第70/1号决议，

又回顾理事会第2019/24号决议，

注意到国际电信联盟全权代表大会第140号决议（2022年，布加勒斯特，修订版），

1．请秘书长继续向科学和技术促进发展委员会提交年度报告；

2．鼓励各会员国加强信息和通信技术基础设施建设。
""")
    un("第2023/3号决议", "2023/3", body="other", basis="explicit", role="heading", note="ECOSOC resolution")
    un("第75/1号决议", "75/1", basis="explicit")
    un("第70/1号决议", "70/1", basis="explicit")
    un("第2019/24号决议", "2019/24", body="other", basis="explicit", note="ECOSOC ('理事会' = ECOSOC here)")
    C("第140号决议（2022年，布加勒斯特，修订版）", "140", "PP", B22, rev=True)

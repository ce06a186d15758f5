"""Passages q030-q039: ITU text in French, Spanish, Russian, Arabic and Chinese (cls 5)."""

from __future__ import annotations

from dsl import BK25, D18, G22, INF, K22, ND24, W15, W19, W23, A, B22, C, P

W12 = ("Geneva", 2012)


def define() -> None:
    P("q030", "fr", "5-lang",
      "French WTDC-25 resolution: 'RÉSOLUTION 20 (RÉV. BAKOU, 2025)' (Baku in French), 'Résolution 64 (Rév. "
      "Bucarest, 2022) de la Conférence de plénipotentiaires', list 'Résolutions 101 et 102 (Rév. Bucarest, 2022)', "
      "'(Rév. New Delhi, 2024)', 'de la présente Conférence', 'en étroite collaboration avec les Directeurs des deux "
      "autres Bureaux' (BDT addressee), 'prie le Secrétaire général'",
      """
RÉSOLUTION 20 (RÉV. BAKOU, 2025)

Accès non discriminatoire aux installations, services et applications modernes de télécommunication/TIC

La Conférence mondiale de développement des télécommunications (Bakou, 2025),

rappelant

a) la Résolution 64 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires;

b) les Résolutions 101 et 102 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires;

c) la Résolution 69 (Rév. New Delhi, 2024) de l'Assemblée mondiale de normalisation des télécommunications;

d) la Résolution 20 (Rév. Kigali, 2022) de la présente Conférence,

charge le Directeur du Bureau de développement des télécommunications, en étroite collaboration avec les Directeurs des deux autres Bureaux,

1 de recueillir des informations sur les cas d'accès discriminatoire;

prie le Secrétaire général

de porter la présente résolution à l'attention du Conseil,

invite les États Membres et les Membres du Secteur

à communiquer leurs expériences au Bureau.
""")
    C("RÉSOLUTION 20 (RÉV. BAKOU, 2025)", "20", "WTDC", BK25, rev=True, role="heading", basis=INF)
    C("Résolution 64 (Rév. Bucarest, 2022)", "64", "PP", B22, rev=True)
    C("Résolutions 101", "101", "PP", B22, rev=True, note="shared parenthesis and organ phrase distributed")
    C("102 (Rév. Bucarest, 2022)", "102", "PP", B22, rev=True, list_member=True)
    C("Résolution 69 (Rév. New Delhi, 2024)", "69", "WTSA", ND24, rev=True)
    C("Résolution 20 (Rév. Kigali, 2022)", "20", "WTDC", K22, rev=True, basis="this-assembly")
    A("charge le Directeur du Bureau de développement des télécommunications, en étroite collaboration avec "
      "les Directeurs des deux autres Bureaux", "instructs", ["BDT"], collab=["TSB", "BR"], res="20", body="WTDC")
    A("prie le Secrétaire général", "requests", ["SG"], res="20", body="WTDC")
    A("invite les États Membres et les Membres du Secteur", "invites", ["Member States", "Sector Members"],
      res="20", body="WTDC")

    P("q031", "fr", "5-lang",
      "French news summary of WTSA-24 with UTF-8 read as cp1252 (mojibake 'RÃ©solution', 'RÃ©v.', 'GenÃ¨ve', "
      "'DÃ©cision'); summary passives 'est chargÃ©, en collaboration avec' (collaborator before the task) and "
      "'sont invitÃ©s'",
      """
AMNT-24 : principaux rÃ©sultats (extrait)

L'AssemblÃ©e mondiale de normalisation des tÃ©lÃ©communications (New Delhi, 2024) a rÃ©visÃ© la RÃ©solution 76 (RÃ©v. GenÃ¨ve, 2022) et adoptÃ© plusieurs nouvelles rÃ©solutions. Aux termes de la RÃ©solution 76 (RÃ©v. New Delhi, 2024), le Directeur du TSB est chargÃ©, en collaboration avec le Directeur du BDT, de poursuivre le programme de conformitÃ© et d'interopÃ©rabilitÃ©; les Membres de Secteur sont invitÃ©s Ã\u00a0participer aux Ã©vÃ©nements d'essais.

La DÃ©cision 5 (RÃ©v. Bucarest, 2022) fixe les limites financiÃ¨res de l'Union; voir aussi la RÃ©solution 1 (RÃ©v. Bakou, 2025) de la CMDT.
""")
    C("RÃ©solution 76 (RÃ©v. GenÃ¨ve, 2022)", "76", "WTSA", G22, rev=True, basis=INF,
      note="mojibake (UTF-8 read as cp1252)")
    C("RÃ©solution 76 (RÃ©v. New Delhi, 2024)", "76", "WTSA", ND24, rev=True, basis=INF)
    C("DÃ©cision 5 (RÃ©v. Bucarest, 2022)", "5", "PP", B22, kind="decision", rev=True, basis=INF)
    C("RÃ©solution 1 (RÃ©v. Bakou, 2025)", "1", "WTDC", BK25, rev=True)
    A("le Directeur du TSB est chargÃ©, en collaboration avec le Directeur du BDT", "instructs", ["TSB"],
      collab=["BDT"], res="76", body="WTSA", src="summary", voice="passive")
    A("les Membres de Secteur sont invitÃ©s", "invites", ["Sector Members"], res="76", body="WTSA",
      src="summary", voice="passive")

    P("q032", "es", "5-lang",
      "Spanish WTSA-24 resolution: 'RESOLUCIÓN 44 (REV. NUEVA DELHI, 2024)', Spanish history line (not annotated), "
      "list 'Resoluciones 139 y 191 (Rev. Bucarest, 2022)', 'de la CMDT', 'Resolución 2 (Rev. Ginebra, 2022) de la "
      "AMNT', 'las otras dos Oficinas', three addressees incl. 'instituciones académicas', 'pide al Secretario General'",
      """
RESOLUCIÓN 44 (REV. NUEVA DELHI, 2024)

Reducción de la disparidad entre los países en desarrollo y los desarrollados en materia de normalización

(Florianópolis, 2004; Johannesburgo, 2008; Dubái, 2012; Hammamet, 2016; Ginebra, 2022; Nueva Delhi, 2024)

La Asamblea Mundial de Normalización de las Telecomunicaciones (Nueva Delhi, 2024),

recordando

a) la Resolución 123 (Rev. Bucarest, 2022) de la Conferencia de Plenipotenciarios;

b) las Resoluciones 139 y 191 (Rev. Bucarest, 2022) de la Conferencia de Plenipotenciarios;

c) la Resolución 37 (Rev. Kigali, 2022) de la CMDT;

d) la Resolución 2 (Rev. Ginebra, 2022) de la AMNT, sobre las responsabilidades y los mandatos de las Comisiones de Estudio,

encarga al Director de la Oficina de Normalización de las Telecomunicaciones, en colaboración con los Directores de las otras dos Oficinas,

1 que preste asistencia a los países en desarrollo en la creación de grupos regionales;

invita a los Estados Miembros, a los Miembros de Sector y a las instituciones académicas

a participar activamente en las actividades de normalización,

pide al Secretario General

que señale esta Resolución a la atención del Consejo.
""")
    C("RESOLUCIÓN 44 (REV. NUEVA DELHI, 2024)", "44", "WTSA", ND24, rev=True, role="heading", basis=INF)
    C("Resolución 123 (Rev. Bucarest, 2022)", "123", "PP", B22, rev=True)
    C("Resoluciones 139", "139", "PP", B22, rev=True, note="shared parenthesis and organ phrase distributed")
    C("191 (Rev. Bucarest, 2022)", "191", "PP", B22, rev=True, list_member=True)
    C("Resolución 37 (Rev. Kigali, 2022)", "37", "WTDC", K22, rev=True)
    C("Resolución 2 (Rev. Ginebra, 2022)", "2", "WTSA", G22, rev=True)
    A("encarga al Director de la Oficina de Normalización de las Telecomunicaciones, en colaboración con los "
      "Directores de las otras dos Oficinas", "instructs", ["TSB"], collab=["BR", "BDT"], res="44", body="WTSA")
    A("invita a los Estados Miembros, a los Miembros de Sector y a las instituciones académicas", "invites",
      ["Member States", "Sector Members", "Academia"], res="44", body="WTSA")
    A("pide al Secretario General", "requests", ["SG"], res="44", body="WTSA")

    P("q033", "es", "5-lang",
      "Spanish WRC-23 press summary: '(Rev.CMR-23)', '(CMR-23)', '(Rev.CMR-15)', conference names CMR-27/CMR-31 and "
      "'artículo 5' (not annotated), impersonal passives 'se invita al UIT-R' and 'se encarga al Director de la "
      "Oficina de Radiocomunicaciones'",
      """
La CMR-23 concluye en Dubái (nota de prensa, extracto)

La Conferencia Mundial de Radiocomunicaciones de 2023 revisó la Resolución 212 (Rev.CMR-23), relativa a la implementación de las IMT, y adoptó la nueva Resolución 256 (CMR-23). En virtud de esta última, se invita al UIT-R a realizar estudios de compartición y se encarga al Director de la Oficina de Radiocomunicaciones que informe de los resultados a la próxima conferencia. La Resolución 811 (CMR-23) establece el orden del día de la CMR-27 y la Resolución 812 (CMR-23), el orden del día preliminar de la CMR-31.

La Resolución 18 (Rev.CMR-15) se mantiene sin cambios, al igual que el artículo 5 del Reglamento de Radiocomunicaciones en la banda 3 600-3 800 MHz.
""")
    C("Resolución 212 (Rev.CMR-23)", "212", "WRC", W23, rev=True)
    C("Resolución 256 (CMR-23)", "256", "WRC", W23)
    C("Resolución 811 (CMR-23)", "811", "WRC", W23)
    C("Resolución 812 (CMR-23)", "812", "WRC", W23)
    C("Resolución 18 (Rev.CMR-15)", "18", "WRC", W15, rev=True)
    A("se invita al UIT-R", "invites", ["ITU-R"], res="256", body="WRC", src="summary", voice="passive",
      note="impersonal 'se' passive: surface starts at 'se'")
    A("se encarga al Director de la Oficina de Radiocomunicaciones", "instructs", ["BR"], res="256", body="WRC",
      src="summary", voice="passive")

    P("q034", "ru", "5-lang",
      "Russian WTSA-24 resolution: '(Пересм. Нью-Дели, 2024 г.)' heading, nominative plural list 'Резолюции 101 и 102 "
      "(Пересм. Бухарест, 2022 г.)', accusative 'Резолюцию 64', genitive 'Резолюции 20 (...) ВКРЭ', 'в тесном "
      "сотрудничестве с', two addressees 'Государствам-Членам и Членам Сектора', 'просит Генерального секретаря'",
      """
РЕЗОЛЮЦИЯ 69 (Пересм. Нью-Дели, 2024 г.)

Недискриминационный доступ к ресурсам интернета и их использование, а также к электросвязи/ИКТ

Всемирная ассамблея по стандартизации электросвязи (Нью-Дели, 2024 г.),

учитывая,

a) что Резолюции 101 и 102 (Пересм. Бухарест, 2022 г.) Полномочной конференции касаются сетей на базе протокола Интернет и управления ресурсами интернета;

b) Резолюцию 64 (Пересм. Бухарест, 2022 г.) Полномочной конференции;

c) положения Резолюции 20 (Пересм. Кигали, 2022 г.) ВКРЭ,

поручает Директору Бюро стандартизации электросвязи в тесном сотрудничестве с Директором Бюро развития электросвязи

1 собирать информацию о случаях дискриминационного доступа;

предлагает Государствам-Членам и Членам Сектора

представлять вклады по этому вопросу;

просит Генерального секретаря

довести настоящую Резолюцию до сведения Совета.
""")
    C("РЕЗОЛЮЦИЯ 69 (Пересм. Нью-Дели, 2024 г.)", "69", "WTSA", ND24, rev=True, role="heading", basis=INF)
    C("Резолюции 101", "101", "PP", B22, rev=True, note="shared parenthesis and organ phrase distributed")
    C("102 (Пересм. Бухарест, 2022 г.)", "102", "PP", B22, rev=True, list_member=True)
    C("Резолюцию 64 (Пересм. Бухарест, 2022 г.)", "64", "PP", B22, rev=True)
    C("Резолюции 20 (Пересм. Кигали, 2022 г.)", "20", "WTDC", K22, rev=True, note="'ВКРЭ' (WTDC) follows")
    A("поручает Директору Бюро стандартизации электросвязи в тесном сотрудничестве с Директором Бюро развития "
      "электросвязи", "instructs", ["TSB"], collab=["BDT"], res="69", body="WTSA")
    A("предлагает Государствам-Членам и Членам Сектора", "invites", ["Member States", "Sector Members"],
      res="69", body="WTSA")
    A("просит Генерального секретаря", "requests", ["SG"], res="69", body="WTSA")

    P("q035", "ru", "5-lang",
      "Russian BR report on WRC-23: accusative/instrumental/nominative WRC citations, '(ВКР\u201123)' with U+2011, "
      "'Рез. 18 (Пересм. ВКР-15)', conference names and 'Статья 5', 'п. 5.388 РР' (not annotated), reported heads "
      "'призывает администрации', 'поручает Директору Бюро радиосвязи'",
      """
Итоги ВКР-23 (выдержка из доклада Директора Бюро радиосвязи)

ВКР-23 пересмотрела Резолюцию 212 (Пересм. ВКР-23) и Резолюцию 223 (Пересм. ВКР-23), а также приняла Резолюцию 256 (ВКР\u201123). Резолюция 811 (ВКР-23) определяет повестку дня ВКР-27. В соответствии с Резолюцией 95 (Пересм. ВКР-19) Бюро провело обзор резолюций прежних конференций, включая Рез. 18 (Пересм. ВКР-15) и Рез. 63 (Пересм. ВКР-12).

Резолюция 646 (Пересм. ВКР-19) призывает администрации использовать согласованные на региональной основе полосы частот для PPDR и поручает Директору Бюро радиосвязи оказывать им помощь. Статья 5 Регламента радиосвязи и п. 5.388 РР при этом не изменялись.
""")
    C("Резолюцию 212 (Пересм. ВКР-23)", "212", "WRC", W23, rev=True)
    C("Резолюцию 223 (Пересм. ВКР-23)", "223", "WRC", W23, rev=True)
    C("Резолюцию 256 (ВКР\u201123)", "256", "WRC", W23)
    C("Резолюция 811 (ВКР-23)", "811", "WRC", W23)
    C("Резолюцией 95 (Пересм. ВКР-19)", "95", "WRC", W19, rev=True)
    C("Рез. 18 (Пересм. ВКР-15)", "18", "WRC", W15, rev=True)
    C("Рез. 63 (Пересм. ВКР-12)", "63", "WRC", W12, rev=True)
    C("Резолюция 646 (Пересм. ВКР-19)", "646", "WRC", W19, rev=True)
    A("призывает администрации", "calls upon", ["administrations"], res="646", body="WRC", src="reported")
    A("поручает Директору Бюро радиосвязи", "instructs", ["BR"], res="646", body="WRC", src="reported")

    P("q036", "ar", "5-lang",
      "Arabic WTSA-24 resolution: heading 'القرار 64 (المراجَع في نيودلهي، 2024)', citations glued to ب and و, PP/WTDC "
      "organ phrases, 'لهذه الجمعية' (this assembly), feminine verbs of the Assembly 'تكلف ... بالتعاون مع' and 'تدعو "
      "الدول الأعضاء وأعضاء القطاع'",
      """
القرار 64 (المراجَع في نيودلهي، 2024)

توزيع عناوين بروتوكول الإنترنت وتيسير الانتقال إلى الإصدار السادس من بروتوكول الإنترنت (IPv6) ونشره

إن الجمعية العالمية لتقييس الاتصالات (نيودلهي، 2024)،

إذ تذكّر

أ ) بالقرار 101 (المراجَع في بوخارست، 2022) والقرار 102 (المراجَع في بوخارست، 2022) لمؤتمر المندوبين المفوضين؛

ب) بالقرار 63 (المراجَع في كيغالي، 2022) للمؤتمر العالمي لتنمية الاتصالات؛

ج) بالقرار 64 (المراجَع في جنيف، 2022) لهذه الجمعية،

تكلف مدير مكتب تقييس الاتصالات، بالتعاون مع مدير مكتب تنمية الاتصالات،

1 بمساعدة الدول الأعضاء على نشر الإصدار السادس من بروتوكول الإنترنت؛

تدعو الدول الأعضاء وأعضاء القطاع

إلى تبادل الخبرات في هذا المجال.
""")
    C("القرار 64 (المراجَع في نيودلهي، 2024)", "64", "WTSA", ND24, rev=True, role="heading", basis=INF)
    C("القرار 101 (المراجَع في بوخارست، 2022)", "101", "PP", B22, rev=True, note="glued ب before the keyword")
    C("القرار 102 (المراجَع في بوخارست، 2022)", "102", "PP", B22, rev=True, note="glued و before the keyword")
    C("القرار 63 (المراجَع في كيغالي، 2022)", "63", "WTDC", K22, rev=True)
    C("القرار 64 (المراجَع في جنيف، 2022)", "64", "WTSA", G22, rev=True, basis="this-assembly")
    A("تكلف مدير مكتب تقييس الاتصالات، بالتعاون مع مدير مكتب تنمية الاتصالات", "instructs", ["TSB"],
      collab=["BDT"], res="64", body="WTSA", note="feminine verb form (the Assembly)")
    A("تدعو الدول الأعضاء وأعضاء القطاع", "invites", ["Member States", "Sector Members"], res="64",
      body="WTSA")

    P("q037", "ar", "5-lang",
      "Arabic Council summary: PP resolution and Decision ('والمقرر 5') sharing one organ phrase, Council organ phrase "
      "between number and parenthesis ('القرار 1372 للمجلس (المعدَّل في 2023)'), Arabic passives 'يُكلَّف الأمين العام', "
      "'تُدعى الدول الأعضاء'",
      """
ملخص نتائج دورة المجلس لعام 2023

استعرض المجلس تنفيذ القرار 71 (المراجَع في بوخارست، 2022) والمقرر 5 (المراجَع في بوخارست، 2022) لمؤتمر المندوبين المفوضين، واعتمد تعديلات على القرار 1372 للمجلس (المعدَّل في 2023) بشأن فريق العمل التابع للمجلس المعني باللغات.

وبموجب هذا القرار، يُكلَّف الأمين العام بتقديم تقرير سنوي إلى المجلس عن استعمال اللغات الرسمية الست، وتُدعى الدول الأعضاء إلى تقديم مساهماتها إلى فريق العمل.
""")
    C("القرار 71 (المراجَع في بوخارست، 2022)", "71", "PP", B22, rev=True)
    C("المقرر 5 (المراجَع في بوخارست، 2022)", "5", "PP", B22, kind="decision", rev=True,
      note="glued و before the keyword; organ phrase shared with the preceding resolution")
    C("القرار 1372", "1372", "Council", year=2023, rev=True, note="'للمجلس (المعدَّل في 2023)' follows")
    A("يُكلَّف الأمين العام", "instructs", ["SG"], res="1372", body="Council", src="summary", voice="passive")
    A("تُدعى الدول الأعضاء", "invites", ["Member States"], res="1372", body="Council", src="summary",
      voice="passive")

    P("q038", "zh", "5-lang",
      "Chinese PP resolution: bare-number list '第101、102和133号决议（2022年，布加勒斯特，修订版）', organ phrases before 第 "
      "(世界电信标准化全会 / 世界电信发展大会), '与...和...密切协作' collaborators, two addressees, '呼吁各成员国'",
      """
第64号决议（2022年，布加勒斯特，修订版）

不歧视地获取现代电信/信息通信技术设施、业务和应用

国际电信联盟全权代表大会（2022年，布加勒斯特），

忆及

a) 第101、102和133号决议（2022年，布加勒斯特，修订版）；

b) 世界电信标准化全会第69号决议（2022年，日内瓦，修订版）；

c) 世界电信发展大会第20号决议（2022年，基加利，修订版），

做出决议

1 继续研究不歧视地获取现代电信/信息通信技术设施的问题；

责成电信发展局主任与电信标准化局主任和无线电通信局主任密切协作

协助发展中国家制定相关政策；

鼓励各主管部门和部门成员

交流在这一领域的经验；

呼吁各成员国

避免采取任何歧视性措施。
""")
    C("第64号决议（2022年，布加勒斯特，修订版）", "64", "PP", B22, rev=True, role="heading", basis=INF)
    C("第101", "101", "PP", B22, rev=True, basis=INF,
      note="list of bare numbers under one 第...号决议: the first member ends after its number, "
      "the shared parenthesis is distributed")
    C("102", "102", "PP", B22, rev=True, basis=INF, list_member=True, ctx="、102和")
    C("133号决议（2022年，布加勒斯特，修订版）", "133", "PP", B22, rev=True, basis=INF, list_member=True)
    C("第69号决议（2022年，日内瓦，修订版）", "69", "WTSA", G22, rev=True, note="organ phrase precedes 第")
    C("第20号决议（2022年，基加利，修订版）", "20", "WTDC", K22, rev=True, note="organ phrase precedes 第")
    A("责成电信发展局主任与电信标准化局主任和无线电通信局主任密切协作", "instructs", ["BDT"],
      collab=["TSB", "BR"], res="64", body="PP")
    A("鼓励各主管部门和部门成员", "encourages", ["administrations", "Sector Members"], res="64", body="PP")
    A("呼吁各成员国", "calls upon", ["Member States"], res="64", body="PP")

    P("q039", "zh", "5-lang",
      "Chinese WTDC-25 summary: Baku 2025 citations (巴库), Kigali 2022, bare 第2号决议 / 第37号决议 (WTDC by context), "
      "Chinese Question 第3/2号课题, '第1研究组' (not a citation), summary heads '责成...与...协调', '请ITU-D第1研究组'",
      """
世界电信发展大会（2025年，巴库）成果摘要

大会修订了第1号决议（2025年，巴库，修订版）和第37号决议（2025年，巴库，修订版），前者取代了第1号决议（2022年，基加利，修订版）。第2号决议确定了ITU-D两个研究组的课题，包括第3/2号课题。

第37号决议责成电信发展局主任与无线电通信局主任协调，在各区域开展弥合数字鸿沟的项目，并请ITU-D第1研究组研究相关的最佳做法。
""")
    C("第1号决议（2025年，巴库，修订版）", "1", "WTDC", BK25, rev=True, basis=INF)
    C("第37号决议（2025年，巴库，修订版）", "37", "WTDC", BK25, rev=True, basis=INF)
    C("第1号决议（2022年，基加利，修订版）", "1", "WTDC", K22, rev=True, basis=INF)
    C("第2号决议", "2", "WTDC", basis="context")
    C("第3/2号课题", "3/2", "WTDC", kind="question", basis="context", sector="ITU-D")
    C("第37号决议", "37", "WTDC", basis="context", ctx="第37号决议责成")
    A("责成电信发展局主任与无线电通信局主任协调", "instructs", ["BDT"], collab=["BR"], res="37", body="WTDC",
      src="summary")
    A("请ITU-D第1研究组", "invites", ["ITU-D SG1"], res="37", body="WTDC", src="summary")

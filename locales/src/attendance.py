"""Translations of attendance, /afmelden, verzuim alerts, /caseload and the urenverklaring
(issue 6); `python -m locales.src.attendance` writes locales/<lang>/LC_MESSAGES/attendance.po.

Participant text is in every shipped language; staff and klantmanager text (and the PDF, which is
always Dutch) in Dutch and English. Dutch institutional words (urenverklaring, gemeente,
klantmanager) stay, with a short explanation where a participant meets them first.
"""

from locales.tool import write_domain

LANGS = ("nl", "ar", "ti", "tr", "fa", "fa_AF", "ps", "so")

# Participant text: (English source, {language: translation}); English is the source itself.
PARTICIPANT = [
    ("Other lessons", {
        "nl": "Andere lessen", "ar": "دروس أخرى", "ti": "ካልኦት ትምህርትታት", "tr": "Diğer dersler",
        "fa": "کلاس‌های دیگر", "fa_AF": "درس‌های دیگر", "ps": "نور درسونه", "so": "Casharro kale"}),
    ("in class", {
        "nl": "in de klas", "ar": "في الصف", "ti": "ኣብ ክፍሊ", "tr": "sınıfta", "fa": "در کلاس",
        "fa_AF": "در صنف", "ps": "په ټولګي کې", "so": "fasalka gudihiisa"}),
    ("Hours in class count.", {
        "nl": "Uren in de klas tellen mee.", "ar": "ساعات الصف تُحتسب.",
        "ti": "ሰዓታት ኣብ ክፍሊ ይቑጸራ።", "tr": "Sınıftaki saatler sayılır.",
        "fa": "ساعت‌های کلاس حساب می‌شوند.", "fa_AF": "ساعت‌های صنف حساب می‌شوند.",
        "ps": "په ټولګي کې ساعتونه شمېرل کېږي.", "so": "Saacadaha fasalka waa la tiriyaa."}),
    ("Online hours do not count for you (Wi2013 law).", {
        "nl": "Online uren tellen voor jou niet mee (wet Wi2013).",
        "ar": "الساعات عبر الإنترنت لا تُحتسب لك (قانون Wi2013).",
        "ti": "ናይ ኦንላይን ሰዓታት ንዓኻ ኣይቑጸራን (ሕጊ Wi2013)።",
        "tr": "Çevrim içi saatler sizin için sayılmaz (Wi2013 yasası).",
        "fa": "ساعت‌های آنلاین برای شما حساب نمی‌شوند (قانون Wi2013).",
        "fa_AF": "ساعت‌های آنلاین برای شما حساب نمی‌شوند (قانون Wi2013).",
        "ps": "آنلاین ساعتونه ستاسو لپاره نه شمېرل کېږي (د Wi2013 قانون).",
        "so": "Saacadaha online-ka laguuma tiriyo (sharciga Wi2013)."}),
    ("Online hours count, because at least half of your hours were in class (B1-route).", {
        "nl": "Online uren tellen mee, omdat minstens de helft van je uren in de klas was (B1-route).",
        "ar": "الساعات عبر الإنترنت تُحتسب، لأن نصف ساعاتك على الأقل كانت في الصف (B1-route).",
        "ti": "ናይ ኦንላይን ሰዓታት ይቑጸራ፡ ምኽንያቱ እንተወሓደ ፍርቂ ሰዓታትካ ኣብ ክፍሊ ስለ ዝነበራ (B1-route)።",
        "tr": "Çevrim içi saatler sayılır, çünkü saatlerinizin en az yarısı sınıftaydı (B1-route).",
        "fa": "ساعت‌های آنلاین حساب می‌شوند، چون دست‌کم نیمی از ساعت‌های شما در کلاس بود (B1-route).",
        "fa_AF": "ساعت‌های آنلاین حساب می‌شوند، چون حداقل نیم ساعت‌های شما در صنف بود (B1-route).",
        "ps": "آنلاین ساعتونه شمېرل کېږي، ځکه چې لږ تر لږه نیمایي ساعتونه مو په ټولګي کې وو (B1-route).",
        "so": "Saacadaha online-ka waa la tiriyaa, maxaa yeelay ugu yaraan kala badh saacadahaaga "
              "waxay ahaayeen fasalka (B1-route)."}),
    ("Online hours do not count, because less than half of your hours were in class (B1-route).", {
        "nl": "Online uren tellen niet mee, omdat minder dan de helft van je uren in de klas was "
              "(B1-route).",
        "ar": "الساعات عبر الإنترنت لا تُحتسب، لأن أقل من نصف ساعاتك كانت في الصف (B1-route).",
        "ti": "ናይ ኦንላይን ሰዓታት ኣይቑጸራን፡ ምኽንያቱ ካብ ፍርቂ ዝወሓደ ሰዓታትካ ኣብ ክፍሊ ስለ ዝነበራ (B1-route)።",
        "tr": "Çevrim içi saatler sayılmaz, çünkü saatlerinizin yarısından azı sınıftaydı (B1-route).",
        "fa": "ساعت‌های آنلاین حساب نمی‌شوند، چون کمتر از نیمی از ساعت‌های شما در کلاس بود "
              "(B1-route).",
        "fa_AF": "ساعت‌های آنلاین حساب نمی‌شوند، چون کمتر از نیم ساعت‌های شما در صنف بود "
                 "(B1-route).",
        "ps": "آنلاین ساعتونه نه شمېرل کېږي، ځکه چې له نیمایي لږ ساعتونه مو په ټولګي کې وو "
              "(B1-route).",
        "so": "Saacadaha online-ka lama tiriyo, maxaa yeelay in ka yar kala badh saacadahaaga "
              "ayaa fasalka ahaa (B1-route)."}),
    ("Online hours do not count in the Z-route.", {
        "nl": "Online uren tellen niet mee in de Z-route.",
        "ar": "الساعات عبر الإنترنت لا تُحتسب في Z-route.",
        "ti": "ኣብ Z-route ናይ ኦንላይን ሰዓታት ኣይቑጸራን።",
        "tr": "Z-route'ta çevrim içi saatler sayılmaz.",
        "fa": "در Z-route ساعت‌های آنلاین حساب نمی‌شوند.",
        "fa_AF": "در Z-route ساعت‌های آنلاین حساب نمی‌شوند.",
        "ps": "په Z-route کې آنلاین ساعتونه نه شمېرل کېږي.",
        "so": "Z-route-ka saacadaha online-ka lama tiriyo."}),
    ("Online hours do not count in the onderwijsroute.", {
        "nl": "Online uren tellen niet mee in de onderwijsroute.",
        "ar": "الساعات عبر الإنترنت لا تُحتسب في onderwijsroute (مسار التعليم).",
        "ti": "ኣብ onderwijsroute (መስመር ትምህርቲ) ናይ ኦንላይን ሰዓታት ኣይቑጸራን።",
        "tr": "Onderwijsroute'ta (eğitim yolu) çevrim içi saatler sayılmaz.",
        "fa": "در onderwijsroute (مسیر تحصیلی) ساعت‌های آنلاین حساب نمی‌شوند.",
        "fa_AF": "در onderwijsroute (مسیر تحصیلی) ساعت‌های آنلاین حساب نمی‌شوند.",
        "ps": "په onderwijsroute (د زده کړې لار) کې آنلاین ساعتونه نه شمېرل کېږي.",
        "so": "Onderwijsroute-ka (waddada waxbarashada) saacadaha online-ka lama tiriyo."}),
    ("Online hours of alfabetisering do not count.", {
        "nl": "Online uren alfabetisering tellen niet mee.",
        "ar": "ساعات تعلّم القراءة والكتابة (alfabetisering) عبر الإنترنت لا تُحتسب.",
        "ti": "ናይ ኦንላይን ሰዓታት ንባብን ጽሕፈትን (alfabetisering) ኣይቑጸራን።",
        "tr": "Okuma yazma (alfabetisering) dersinin çevrim içi saatleri sayılmaz.",
        "fa": "ساعت‌های آنلاین سوادآموزی (alfabetisering) حساب نمی‌شوند.",
        "fa_AF": "ساعت‌های آنلاین سوادآموزی (alfabetisering) حساب نمی‌شوند.",
        "ps": "د لوست او لیک (alfabetisering) آنلاین ساعتونه نه شمېرل کېږي.",
        "so": "Saacadaha online-ka ee akhris-qoraalka (alfabetisering) lama tiriyo."}),
    ("ONA hours with a teacher count.", {
        "nl": "ONA-uren met een docent tellen mee.", "ar": "ساعات ONA مع مدرّس تُحتسب.",
        "ti": "ሰዓታት ONA ምስ መምህር ይቑጸራ።", "tr": "Öğretmenle yapılan ONA saatleri sayılır.",
        "fa": "ساعت‌های ONA با معلم حساب می‌شوند.", "fa_AF": "ساعت‌های ONA با استاد حساب می‌شوند.",
        "ps": "له ښوونکي سره د ONA ساعتونه شمېرل کېږي.",
        "so": "Saacadaha ONA ee macallin la jiro waa la tiriyaa."}),
    ("Written-down ONA practice hours count.", {
        "nl": "Vastgelegde ONA-praktijkuren tellen mee.",
        "ar": "ساعات التدريب العملي في ONA المسجّلة كتابةً تُحتسب.",
        "ti": "ዝተመዝገባ ሰዓታት ልምምድ ONA ይቑጸራ።",
        "tr": "Yazılı kayda geçmiş ONA uygulama saatleri sayılır.",
        "fa": "ساعت‌های تمرین عملی ONA که ثبت شده‌اند حساب می‌شوند.",
        "fa_AF": "ساعت‌های تمرین عملی ONA که ثبت شده‌اند حساب می‌شوند.",
        "ps": "د ONA ثبت شوي عملي تمرین ساعتونه شمېرل کېږي.",
        "so": "Saacadaha tababarka ONA ee la qoray waa la tiriyaa."}),
    ("ONA hours without a teacher (homework, e-learning) do not count.", {
        "nl": "ONA-uren zonder docent (huiswerk, e-learning) tellen niet mee.",
        "ar": "ساعات ONA بدون مدرّس (واجبات منزلية، تعلّم إلكتروني) لا تُحتسب.",
        "ti": "ሰዓታት ONA ብዘይ መምህር (ዕዮ ገዛ፡ ኢ-ለርኒንግ) ኣይቑጸራን።",
        "tr": "Öğretmensiz ONA saatleri (ödev, e-öğrenme) sayılmaz.",
        "fa": "ساعت‌های ONA بدون معلم (تکلیف خانه، آموزش الکترونیکی) حساب نمی‌شوند.",
        "fa_AF": "ساعت‌های ONA بدون استاد (کارخانگی، آموزش الکترونیکی) حساب نمی‌شوند.",
        "ps": "د ONA هغه ساعتونه چې ښوونکی پکې نه وي (کورنی کار، برېښنايي زده کړه) نه شمېرل کېږي.",
        "so": "Saacadaha ONA ee aan macallin lahayn (shaqo guri, e-learning) lama tiriyo."}),
    ("Online ONA hours do not count.", {
        "nl": "Online ONA-uren tellen niet mee.", "ar": "ساعات ONA عبر الإنترنت لا تُحتسب.",
        "ti": "ናይ ኦንላይን ሰዓታት ONA ኣይቑጸራን።", "tr": "Çevrim içi ONA saatleri sayılmaz.",
        "fa": "ساعت‌های آنلاین ONA حساب نمی‌شوند.", "fa_AF": "ساعت‌های آنلاین ONA حساب نمی‌شوند.",
        "ps": "د ONA آنلاین ساعتونه نه شمېرل کېږي.", "so": "Saacadaha ONA ee online-ka lama tiriyo."}),
    ("the whole course", {
        "nl": "de hele cursus", "ar": "الدورة كاملة", "ti": "ምሉእ ኮርስ", "tr": "kursun tamamı",
        "fa": "کل دوره", "fa_AF": "تمام دوره", "ps": "ټول کورس", "so": "koorsada oo dhan"}),
    ("{start} to {end}", {
        "nl": "{start} tot en met {end}", "ar": "من {start} إلى {end}", "ti": "ካብ {start} ክሳብ {end}",
        "tr": "{start} - {end}", "fa": "از {start} تا {end}", "fa_AF": "از {start} تا {end}",
        "ps": "له {start} تر {end}", "so": "{start} ilaa {end}"}),
    ("Your hours, {period}:", {
        "nl": "Je uren, {period}:", "ar": "ساعاتك، {period}:", "ti": "ሰዓታትካ፡ {period}:",
        "tr": "Saatleriniz, {period}:", "fa": "ساعت‌های شما، {period}:",
        "fa_AF": "ساعت‌های شما، {period}:", "ps": "ستاسو ساعتونه، {period}:",
        "so": "Saacadahaaga, {period}:"}),
    ("No attended lessons were registered in this period.", {
        "nl": "In deze periode zijn geen gevolgde lessen geregistreerd.",
        "ar": "لم تُسجَّل أي دروس حضرتها في هذه الفترة.",
        "ti": "ኣብዚ ግዜ እዚ ዝተሳተፍካሉ ትምህርቲ ኣይተመዝገበን።",
        "tr": "Bu dönemde katıldığınız hiçbir ders kaydedilmedi.",
        "fa": "در این دوره هیچ کلاسی که در آن شرکت کرده باشید ثبت نشده است.",
        "fa_AF": "در این دوره هیچ درسی که در آن اشتراک کرده باشید ثبت نشده است.",
        "ps": "په دې موده کې هېڅ داسې درس نه دی ثبت شوی چې تاسو پکې ګډون کړی وي.",
        "so": "Muddadan lama diiwaangelin cashar aad ka qayb gashay."}),
    ("{kind}: {classroom} hours in class, {distance} hours online", {
        "nl": "{kind}: {classroom} uur in de klas, {distance} uur online",
        "ar": "{kind}: {classroom} ساعة في الصف، {distance} ساعة عبر الإنترنت",
        "ti": "{kind}: {classroom} ሰዓት ኣብ ክፍሊ፡ {distance} ሰዓት ብኦንላይን",
        "tr": "{kind}: sınıfta {classroom} saat, çevrim içi {distance} saat",
        "fa": "{kind}: {classroom} ساعت در کلاس، {distance} ساعت آنلاین",
        "fa_AF": "{kind}: {classroom} ساعت در صنف، {distance} ساعت آنلاین",
        "ps": "{kind}: {classroom} ساعته په ټولګي کې، {distance} ساعته آنلاین",
        "so": "{kind}: {classroom} saacadood fasalka, {distance} saacadood online"}),
    ("Attended in total: {hours} hours", {
        "nl": "Gevolgd in totaal: {hours} uur", "ar": "مجموع ما حضرته: {hours} ساعة",
        "ti": "ብድምር ዝተሳተፍካሉ: {hours} ሰዓት", "tr": "Toplam katılım: {hours} saat",
        "fa": "مجموع حضور: {hours} ساعت", "fa_AF": "مجموع حضور: {hours} ساعت",
        "ps": "ټول ګډون: {hours} ساعته", "so": "Wadarta aad ka qayb gashay: {hours} saacadood"}),
    ("Hours that count for your urenverklaring: {hours}", {
        "nl": "Uren die meetellen voor je urenverklaring: {hours}",
        "ar": "الساعات التي تُحتسب في بيان الساعات (urenverklaring): {hours}",
        "ti": "ኣብ urenverklaring (መረጋገጺ ሰዓታት) ዝቑጸራ ሰዓታት: {hours}",
        "tr": "Saat belgenizde (urenverklaring) sayılan saatler: {hours}",
        "fa": "ساعت‌هایی که در گواهی ساعات (urenverklaring) حساب می‌شوند: {hours}",
        "fa_AF": "ساعت‌هایی که در تصدیق ساعات (urenverklaring) حساب می‌شوند: {hours}",
        "ps": "هغه ساعتونه چې ستاسو د ساعتونو په تصدیق (urenverklaring) کې شمېرل کېږي: {hours}",
        "so": "Saacadaha lagu tiriyo warqaddaada saacadaha (urenverklaring): {hours}"}),
    ("Get the PDF", {
        "nl": "PDF ophalen", "ar": "احصل على ملف PDF", "ti": "PDF ውሰድ", "tr": "PDF'yi al",
        "fa": "دریافت PDF", "fa_AF": "دریافت PDF", "ps": "PDF ترلاسه کړئ", "so": "Qaado PDF-ka"}),
    ("Your urenverklaring (statement of your lesson hours) is ready. Hours that count: {hours}. "
     "Press the button to get the PDF.", {
        "nl": "Je urenverklaring (overzicht van je lesuren) is klaar. Uren die meetellen: {hours}. "
              "Druk op de knop om de PDF te krijgen.",
        "ar": "بيان ساعاتك (urenverklaring) جاهز. الساعات التي تُحتسب: {hours}. اضغط على الزر "
              "للحصول على ملف PDF.",
        "ti": "urenverklaring ካ (መረጋገጺ ሰዓታት ትምህርቲ) ድሉው እዩ። ዝቑጸራ ሰዓታት: {hours}። PDF ንምርካብ "
              "ነቲ መጠወቒ ጠውቕ።",
        "tr": "Saat belgeniz (urenverklaring, ders saatlerinizin belgesi) hazır. Sayılan saatler: "
              "{hours}. PDF'yi almak için düğmeye basın.",
        "fa": "گواهی ساعات شما (urenverklaring) آماده است. ساعت‌هایی که حساب می‌شوند: {hours}. "
              "برای دریافت PDF دکمه را بزنید.",
        "fa_AF": "تصدیق ساعات شما (urenverklaring) آماده است. ساعت‌هایی که حساب می‌شوند: {hours}. "
                 "برای دریافت PDF دکمه را فشار دهید.",
        "ps": "ستاسو د درسي ساعتونو تصدیق (urenverklaring) چمتو دی. شمېرل شوي ساعتونه: {hours}. "
              "د PDF د ترلاسه کولو لپاره تڼۍ کېکاږئ.",
        "so": "Warqaddaada saacadaha (urenverklaring) waa diyaar. Saacadaha la tiriyo: {hours}. "
              "Riix badhanka si aad u hesho PDF-ka."}),
    ("The urenverklaring of {name} is ready. Hours that count: {hours}. Press the button to get "
     "the PDF.", {
        "nl": "De urenverklaring van {name} is klaar. Uren die meetellen: {hours}. Druk op de knop "
              "om de PDF te krijgen.",
        "ar": "بيان ساعات {name} (urenverklaring) جاهز. الساعات التي تُحتسب: {hours}. اضغط على "
              "الزر للحصول على ملف PDF.",
        "ti": "urenverklaring ናይ {name} ድሉው እዩ። ዝቑጸራ ሰዓታት: {hours}። PDF ንምርካብ ነቲ መጠወቒ ጠውቕ።",
        "tr": "{name} için saat belgesi (urenverklaring) hazır. Sayılan saatler: {hours}. PDF'yi "
              "almak için düğmeye basın.",
        "fa": "گواهی ساعات {name} (urenverklaring) آماده است. ساعت‌هایی که حساب می‌شوند: {hours}. "
              "برای دریافت PDF دکمه را بزنید.",
        "fa_AF": "تصدیق ساعات {name} (urenverklaring) آماده است. ساعت‌هایی که حساب می‌شوند: "
                 "{hours}. برای دریافت PDF دکمه را فشار دهید.",
        "ps": "د {name} د ساعتونو تصدیق (urenverklaring) چمتو دی. شمېرل شوي ساعتونه: {hours}. "
              "د PDF د ترلاسه کولو لپاره تڼۍ کېکاږئ.",
        "so": "Warqadda saacadaha (urenverklaring) ee {name} waa diyaar. Saacadaha la tiriyo: "
              "{hours}. Riix badhanka si aad u hesho PDF-ka."}),
    ("Your school did not issue the urenverklaring. Please ask your school why.", {
        "nl": "Je school heeft de urenverklaring niet afgegeven. Vraag je school waarom.",
        "ar": "لم تُصدر مدرستك بيان الساعات (urenverklaring). يرجى سؤال مدرستك عن السبب.",
        "ti": "ቤት ትምህርትኻ urenverklaring ኣይሃበትን። በጃኻ ንምንታይ ንቤት ትምህርትኻ ሕተት።",
        "tr": "Okulunuz saat belgesini (urenverklaring) vermedi. Lütfen nedenini okulunuza sorun.",
        "fa": "مدرسه شما گواهی ساعات (urenverklaring) را صادر نکرد. لطفاً علت را از مدرسه بپرسید.",
        "fa_AF": "مکتب شما تصدیق ساعات (urenverklaring) را صادر نکرد. لطفاً علت را از مکتب بپرسید.",
        "ps": "ستاسو ښوونځي د ساعتونو تصدیق (urenverklaring) ورنه کړ. مهرباني وکړئ له ښوونځي "
              "وپوښتئ چې ولې.",
        "so": "Dugsigaagu ma bixin warqadda saacadaha (urenverklaring). Fadlan weydii dugsigaaga "
              "sababta."}),
    ("The school did not issue the urenverklaring of {name}. Please contact the school.", {
        "nl": "De school heeft de urenverklaring van {name} niet afgegeven. Neem contact op met "
              "de school.",
        "ar": "لم تُصدر المدرسة بيان ساعات {name} (urenverklaring). يرجى التواصل مع المدرسة.",
        "ti": "ቤት ትምህርቲ urenverklaring ናይ {name} ኣይሃበትን። በጃኻ ምስ ቤት ትምህርቲ ተራኸብ።",
        "tr": "Okul, {name} için saat belgesini (urenverklaring) vermedi. Lütfen okulla iletişime "
              "geçin.",
        "fa": "مدرسه گواهی ساعات {name} (urenverklaring) را صادر نکرد. لطفاً با مدرسه تماس "
              "بگیرید.",
        "fa_AF": "مکتب تصدیق ساعات {name} (urenverklaring) را صادر نکرد. لطفاً با مکتب تماس "
                 "بگیرید.",
        "ps": "ښوونځي د {name} د ساعتونو تصدیق (urenverklaring) ورنه کړ. مهرباني وکړئ له ښوونځي "
              "سره اړیکه ونیسئ.",
        "so": "Dugsigu ma bixin warqadda saacadaha (urenverklaring) ee {name}. Fadlan la xiriir "
              "dugsiga."}),
    ("Report that you cannot come to a lesson", {
        "nl": "Melden dat je niet naar een les kunt komen",
        "ar": "أبلغ أنك لا تستطيع حضور درس", "ti": "ናብ ትምህርቲ ክትመጽእ ከም ዘይትኽእል ሓብር",
        "tr": "Bir derse gelemeyeceğinizi bildirin", "fa": "اطلاع دهید که نمی‌توانید به کلاس بیایید",
        "fa_AF": "اطلاع دهید که نمی‌توانید به درس بیایید",
        "ps": "خبر ورکړئ چې درس ته نشئ راتلی", "so": "Sheeg in aadan iman karin cashar"}),
    ("I am ill", {
        "nl": "Ik ben ziek", "ar": "أنا مريض", "ti": "ሓሚመ ኣለኹ", "tr": "Hastayım", "fa": "بیمار هستم",
        "fa_AF": "مریض هستم", "ps": "ناروغ یم", "so": "Waan xanuunsanahay"}),
    ("Appointment (gemeente, IND, doctor)", {
        "nl": "Afspraak (gemeente, IND, dokter)", "ar": "موعد (البلدية، IND، طبيب)",
        "ti": "ቆጸራ (gemeente፡ IND፡ ሓኪም)", "tr": "Randevu (belediye, IND, doktor)",
        "fa": "وقت ملاقات (شهرداری، IND، پزشک)", "fa_AF": "وقت ملاقات (شاروالی، IND، داکتر)",
        "ps": "ملاقات (ښاروالي، IND، ډاکټر)", "so": "Ballan (dowladda hoose, IND, dhakhtar)"}),
    ("Work", {
        "nl": "Werk", "ar": "العمل", "ti": "ስራሕ", "tr": "İş", "fa": "کار", "fa_AF": "کار",
        "ps": "کار", "so": "Shaqo"}),
    ("Child care", {
        "nl": "Zorg voor kinderen", "ar": "رعاية الأطفال", "ti": "ክንክን ቆልዑ", "tr": "Çocuk bakımı",
        "fa": "مراقبت از کودک", "fa_AF": "مراقبت از طفل", "ps": "د ماشومانو پالنه",
        "so": "Daryeelka carruurta"}),
    ("Another reason", {
        "nl": "Een andere reden", "ar": "سبب آخر", "ti": "ካልእ ምኽንያት", "tr": "Başka bir neden",
        "fa": "دلیل دیگر", "fa_AF": "دلیل دیگر", "ps": "بل دلیل", "so": "Sabab kale"}),
    ("Stop", {
        "nl": "Stoppen", "ar": "إيقاف", "ti": "ኣቋርጽ", "tr": "Dur", "fa": "توقف",
        "fa_AF": "توقف", "ps": "ودرول", "so": "Jooji"}),
    ("{day}, {time}: {kind}", {
        "nl": "{day}, {time}: {kind}", "ar": "{day}، {time}: {kind}", "ti": "{day}፡ {time}: {kind}",
        "tr": "{day}, {time}: {kind}", "fa": "{day}، {time}: {kind}", "fa_AF": "{day}، {time}: {kind}",
        "ps": "{day}، {time}: {kind}", "so": "{day}, {time}: {kind}"}),
    ("Only course participants can report absence here.", {
        "nl": "Alleen cursisten kunnen zich hier afmelden.",
        "ar": "يمكن للمشاركين في الدورة فقط الإبلاغ عن الغياب هنا.",
        "ti": "ኣብዚ ምብካር ክሕብሩ ዝኽእሉ ተሳተፍቲ ኮርስ ጥራይ እዮም።",
        "tr": "Burada yalnızca kursiyerler devamsızlık bildirebilir.",
        "fa": "فقط شرکت‌کنندگان دوره می‌توانند اینجا غیبت را اطلاع دهند.",
        "fa_AF": "فقط اشتراک‌کنندگان دوره می‌توانند اینجا غیرحاضری را اطلاع دهند.",
        "ps": "یوازې د کورس ګډونوال دلته د غیرحاضرۍ خبر ورکولی شي.",
        "so": "Kaliya ka qayb-galayaasha koorsada ayaa halkan ka sheegi kara maqnaansho."}),
    ("You have no lessons in the next two weeks, so there is nothing to report.", {
        "nl": "Je hebt de komende twee weken geen lessen, dus er is niets af te melden.",
        "ar": "ليس لديك دروس في الأسبوعين القادمين، لذلك لا يوجد ما تبلغ عنه.",
        "ti": "ኣብ ዝመጽእ ክልተ ሰሙን ትምህርቲ የብልካን፡ ስለዚ ዝሕበር የለን።",
        "tr": "Önümüzdeki iki hafta dersiniz yok, bu yüzden bildirecek bir şey yok.",
        "fa": "در دو هفته آینده کلاسی ندارید، پس چیزی برای اطلاع دادن نیست.",
        "fa_AF": "در دو هفته آینده درسی ندارید، پس چیزی برای اطلاع دادن نیست.",
        "ps": "په راتلونکو دوو اونیو کې درس نه لرئ، نو د خبرولو لپاره څه نشته.",
        "so": "Laba toddobaad ee soo socda cashar ma lihid, markaa wax la sheego ma jiraan."}),
    ("Which lesson can you not come to?", {
        "nl": "Naar welke les kun je niet komen?", "ar": "ما الدرس الذي لا تستطيع حضوره؟",
        "ti": "ናበየናይ ትምህርቲ ክትመጽእ ኣይትኽእልን?", "tr": "Hangi derse gelemiyorsunuz?",
        "fa": "به کدام کلاس نمی‌توانید بیایید؟", "fa_AF": "به کدام درس نمی‌توانید بیایید؟",
        "ps": "کوم درس ته نشئ راتلی؟", "so": "Casharkee ayaadan iman karin?"}),
    ("This lesson has already started, so you can no longer report absence for it here. "
     "Please tell your school yourself.", {
        "nl": "Deze les is al begonnen, dus je kunt je er hier niet meer voor afmelden. "
              "Laat het je school zelf weten.",
        "ar": "لقد بدأ هذا الدرس بالفعل، لذلك لم يعد بإمكانك الإبلاغ عن غيابك عنه هنا. "
              "يرجى إخبار مدرستك بنفسك.",
        "ti": "እዚ ትምህርቲ እዚ ድሮ ጀሚሩ እዩ፡ ስለዚ ኣብዚ ምብካርካ ክትሕብር ኣይትኽእልን ኢኻ። "
              "በጃኻ ባዕልኻ ንቤት ትምህርትኻ ሓብር።",
        "tr": "Bu ders zaten başladı, bu yüzden burada artık devamsızlık bildiremezsiniz. "
              "Lütfen okulunuza kendiniz haber verin.",
        "fa": "این کلاس شروع شده است، پس دیگر نمی‌توانید اینجا غیبت خود را اطلاع دهید. "
              "لطفاً خودتان به مدرسه خبر دهید.",
        "fa_AF": "این درس شروع شده است، پس دیگر نمی‌توانید اینجا غیرحاضری خود را اطلاع دهید. "
                 "لطفاً خودتان به مکتب خبر دهید.",
        "ps": "دا درس پیل شوی دی، نو دلته نور د غیرحاضرۍ خبر نشئ ورکولی. مهرباني وکړئ پخپله "
              "خپل ښوونځي ته ووایاست.",
        "so": "Casharkan wuu bilaabmay, markaa halkan kama sheegi kartid maqnaanshaha. "
              "Fadlan adigu u sheeg dugsigaaga."}),
    ("Lesson: {lesson}\nWhy can you not come?", {
        "nl": "Les: {lesson}\nWaarom kun je niet komen?", "ar": "الدرس: {lesson}\nلماذا لا تستطيع الحضور؟",
        "ti": "ትምህርቲ: {lesson}\nስለምንታይ ክትመጽእ ኣይትኽእልን?",
        "tr": "Ders: {lesson}\nNeden gelemiyorsunuz?", "fa": "کلاس: {lesson}\nچرا نمی‌توانید بیایید؟",
        "fa_AF": "درس: {lesson}\nچرا نمی‌توانید بیایید؟", "ps": "درس: {lesson}\nولې نشئ راتلی؟",
        "so": "Cashar: {lesson}\nMaxaad u iman kari weyday?"}),
    ("Reason: {reason}\nDo you want to add a short note for the school?", {
        "nl": "Reden: {reason}\nWil je een kort bericht voor de school toevoegen?",
        "ar": "السبب: {reason}\nهل تريد إضافة ملاحظة قصيرة للمدرسة؟",
        "ti": "ምኽንያት: {reason}\nንቤት ትምህርቲ ሓጺር መልእኽቲ ክትውስኽ ትደሊ ዶ?",
        "tr": "Neden: {reason}\nOkul için kısa bir not eklemek ister misiniz?",
        "fa": "دلیل: {reason}\nمی‌خواهید یادداشت کوتاهی برای مدرسه اضافه کنید؟",
        "fa_AF": "دلیل: {reason}\nمی‌خواهید یادداشت کوتاهی برای مکتب اضافه کنید؟",
        "ps": "لامل: {reason}\nغواړئ ښوونځي ته یو لنډ یادښت ورزیات کړئ؟",
        "so": "Sabab: {reason}\nMa rabtaa inaad dugsiga u qorto qoraal gaaban?"}),
    ("Send without a note", {
        "nl": "Versturen zonder bericht", "ar": "أرسل بدون ملاحظة", "ti": "ብዘይ መልእኽቲ ስደድ",
        "tr": "Notsuz gönder", "fa": "ارسال بدون یادداشت", "fa_AF": "ارسال بدون یادداشت",
        "ps": "پرته له یادښت ولېږئ", "so": "Dir qoraal la'aan"}),
    ("Write a note", {
        "nl": "Bericht schrijven", "ar": "اكتب ملاحظة", "ti": "መልእኽቲ ጽሓፍ", "tr": "Not yaz",
        "fa": "نوشتن یادداشت", "fa_AF": "نوشتن یادداشت", "ps": "یادښت ولیکئ", "so": "Qor qoraal"}),
    ("Write your note in one message (at most {n} characters). Send /cancel to stop.", {
        "nl": "Schrijf je bericht in één bericht (hoogstens {n} tekens). Stuur /cancel om te stoppen.",
        "ar": "اكتب ملاحظتك في رسالة واحدة (على الأكثر {n} حرفًا). أرسل /cancel للإيقاف.",
        "ti": "መልእኽትኻ ብሓደ መልእኽቲ ጽሓፍ (ብዝበዝሐ {n} ፊደላት)። ንምቁራጽ /cancel ስደድ።",
        "tr": "Notunuzu tek bir mesajda yazın (en fazla {n} karakter). Durdurmak için /cancel "
              "gönderin.",
        "fa": "یادداشت خود را در یک پیام بنویسید (حداکثر {n} نویسه). برای توقف /cancel را بفرستید.",
        "fa_AF": "یادداشت خود را در یک پیام بنویسید (حداکثر {n} حرف). برای توقف /cancel را "
                 "بفرستید.",
        "ps": "خپل یادښت په یوه پیغام کې ولیکئ (تر ټولو ډېر {n} توري). د ودرولو لپاره /cancel "
              "ولېږئ.",
        "so": "Qoraalkaaga ku qor hal fariin (ugu badnaan {n} xaraf). Soo dir /cancel si aad u "
              "joojiso."}),
    ("This note is too long. Please write at most {n} characters.", {
        "nl": "Dit bericht is te lang. Schrijf hoogstens {n} tekens.",
        "ar": "هذه الملاحظة طويلة جدًا. يرجى كتابة {n} حرفًا على الأكثر.",
        "ti": "እዚ መልእኽቲ እዚ ነዊሕ እዩ። በጃኻ ብዝበዝሐ {n} ፊደላት ጽሓፍ።",
        "tr": "Bu not çok uzun. Lütfen en fazla {n} karakter yazın.",
        "fa": "این یادداشت خیلی طولانی است. لطفاً حداکثر {n} نویسه بنویسید.",
        "fa_AF": "این یادداشت خیلی طولانی است. لطفاً حداکثر {n} حرف بنویسید.",
        "ps": "دا یادښت ډېر اوږد دی. مهرباني وکړئ تر ټولو ډېر {n} توري ولیکئ.",
        "so": "Qoraalkani aad buu u dheer yahay. Fadlan qor ugu badnaan {n} xaraf."}),
    ("Done. Your school knows that you will not come to the lesson on {day} at {time}. "
     "Reason: {reason}.", {
        "nl": "Klaar. Je school weet dat je niet komt naar de les van {day} om {time}. "
              "Reden: {reason}.",
        "ar": "تم. مدرستك تعرف أنك لن تحضر درس {day} الساعة {time}. السبب: {reason}.",
        "ti": "ተወዲኡ። ቤት ትምህርትኻ ናብ ትምህርቲ {day} ሰዓት {time} ከም ዘይትመጽእ ትፈልጥ እያ። "
              "ምኽንያት: {reason}።",
        "tr": "Tamam. Okulunuz {day} saat {time} dersine gelmeyeceğinizi biliyor. "
              "Neden: {reason}.",
        "fa": "انجام شد. مدرسه شما می‌داند که به کلاس {day} ساعت {time} نمی‌آیید. دلیل: {reason}.",
        "fa_AF": "انجام شد. مکتب شما می‌داند که به درس {day} ساعت {time} نمی‌آیید. دلیل: {reason}.",
        "ps": "بشپړ شو. ستاسو ښوونځی پوهېږي چې تاسو د {day} په {time} بجو درس ته نه راځئ. "
              "لامل: {reason}.",
        "so": "Waa la dhammeeyay. Dugsigaagu wuu og yahay inaadan iman doonin casharka {day} "
              "saacadda {time}. Sabab: {reason}."}),
    ("Stopped. Nothing was reported. Send /afmelden to start again.", {
        "nl": "Gestopt. Er is niets gemeld. Stuur /afmelden om opnieuw te beginnen.",
        "ar": "تم الإيقاف. لم يتم الإبلاغ عن أي شيء. أرسل /afmelden للبدء من جديد.",
        "ti": "ደው ኢሉ። ዋላ ሓንቲ ኣይተሓበረን። እንደገና ንምጅማር /afmelden ስደድ።",
        "tr": "Durduruldu. Hiçbir şey bildirilmedi. Yeniden başlamak için /afmelden gönderin.",
        "fa": "متوقف شد. چیزی اطلاع داده نشد. برای شروع دوباره /afmelden را بفرستید.",
        "fa_AF": "متوقف شد. چیزی اطلاع داده نشد. برای شروع دوباره /afmelden را بفرستید.",
        "ps": "ودرول شو. هېڅ خبر ورنه کړل شو. د بیا پیلولو لپاره /afmelden ولېږئ.",
        "so": "Waa la joojiyay. Waxba lama sheegin. Soo dir /afmelden si aad dib ugu bilowdo."}),
    ("Get an urenverklaring (a statement of your lesson hours)", {
        "nl": "Een urenverklaring krijgen (overzicht van je lesuren)",
        "ar": "احصل على بيان ساعات (urenverklaring) لدروسك",
        "ti": "urenverklaring (መረጋገጺ ሰዓታት ትምህርትኻ) ውሰድ",
        "tr": "Saat belgesi (urenverklaring) alın: ders saatlerinizin belgesi",
        "fa": "دریافت گواهی ساعات (urenverklaring) کلاس‌های شما",
        "fa_AF": "دریافت تصدیق ساعات (urenverklaring) درس‌های شما",
        "ps": "د خپلو درسي ساعتونو تصدیق (urenverklaring) ترلاسه کړئ",
        "so": "Hel warqadda saacadaha casharradaada (urenverklaring)"}),
    ("Only course participants can ask for their urenverklaring here.", {
        "nl": "Alleen cursisten kunnen hier hun urenverklaring aanvragen.",
        "ar": "يمكن للمشاركين في الدورة فقط طلب بيان ساعاتهم (urenverklaring) هنا.",
        "ti": "ኣብዚ urenverklaring ክሓቱ ዝኽእሉ ተሳተፍቲ ኮርስ ጥራይ እዮም።",
        "tr": "Burada saat belgesini (urenverklaring) yalnızca kursiyerler isteyebilir.",
        "fa": "فقط شرکت‌کنندگان دوره می‌توانند اینجا گواهی ساعات (urenverklaring) بخواهند.",
        "fa_AF": "فقط اشتراک‌کنندگان دوره می‌توانند اینجا تصدیق ساعات (urenverklaring) بخواهند.",
        "ps": "یوازې د کورس ګډونوال دلته د ساعتونو تصدیق (urenverklaring) غوښتلی شي.",
        "so": "Kaliya ka qayb-galayaasha koorsada ayaa halkan ka codsan kara urenverklaring."}),
    ("The whole course", {
        "nl": "De hele cursus", "ar": "الدورة كاملة", "ti": "ምሉእ ኮርስ", "tr": "Kursun tamamı",
        "fa": "کل دوره", "fa_AF": "تمام دوره", "ps": "ټول کورس", "so": "Koorsada oo dhan"}),
    ("From one month to another", {
        "nl": "Van de ene maand tot de andere", "ar": "من شهر إلى شهر", "ti": "ካብ ሓደ ወርሒ ክሳብ ካልእ",
        "tr": "Bir aydan başka bir aya", "fa": "از یک ماه تا ماه دیگر", "fa_AF": "از یک ماه تا ماه دیگر",
        "ps": "له یوې میاشتې تر بلې", "so": "Bil ilaa bil kale"}),
    ("An urenverklaring shows how many hours of lessons you attended. Which period do you need?", {
        "nl": "Een urenverklaring laat zien hoeveel uur les je hebt gevolgd. Welke periode heb je "
              "nodig?",
        "ar": "بيان الساعات (urenverklaring) يبيّن عدد ساعات الدروس التي حضرتها. ما الفترة التي "
              "تحتاجها؟",
        "ti": "urenverklaring ክንደይ ሰዓት ትምህርቲ ከም ዝተሳተፍካ የርኢ። የናይ ግዜ ኢኻ ትደሊ?",
        "tr": "Saat belgesi (urenverklaring), kaç saat derse katıldığınızı gösterir. Hangi dönem "
              "için istiyorsunuz?",
        "fa": "گواهی ساعات (urenverklaring) نشان می‌دهد چند ساعت در کلاس شرکت کرده‌اید. کدام "
              "دوره را لازم دارید؟",
        "fa_AF": "تصدیق ساعات (urenverklaring) نشان می‌دهد چند ساعت در درس اشتراک کرده‌اید. کدام "
                 "دوره را لازم دارید؟",
        "ps": "د ساعتونو تصدیق (urenverklaring) ښيي چې تاسو څو ساعته درس ویلی. کومه موده مو "
              "پکار ده؟",
        "so": "Urenverklaring waxay muujisaa inta saacadood ee aad casharro ka qayb gashay. "
              "Muddadee ayaad u baahan tahay?"}),
    ("Your school has not recorded which law (Wi2013 or Wi2021) and route apply to you, so no "
     "urenverklaring can be made yet. Please ask your school.", {
        "nl": "Je school heeft niet vastgelegd welke wet (Wi2013 of Wi2021) en route voor jou "
              "gelden, dus er kan nog geen urenverklaring worden gemaakt. Vraag het je school.",
        "ar": "لم تسجّل مدرستك أي قانون (Wi2013 أو Wi2021) وأي مسار ينطبق عليك، لذلك لا يمكن "
              "إعداد بيان الساعات (urenverklaring) بعد. يرجى سؤال مدرستك.",
        "ti": "ቤት ትምህርትኻ የናይ ሕጊ (Wi2013 ወይ Wi2021) ከምኡ'ውን መስመር ንዓኻ ከም ዝምልከት ኣይመዝገበትን፡ "
              "ስለዚ ገና urenverklaring ክዳሎ ኣይክእልን። በጃኻ ንቤት ትምህርትኻ ሕተት።",
        "tr": "Okulunuz size hangi yasanın (Wi2013 veya Wi2021) ve yolun uygulandığını kaydetmemiş, "
              "bu yüzden henüz saat belgesi (urenverklaring) yapılamıyor. Lütfen okulunuza sorun.",
        "fa": "مدرسه شما ثبت نکرده است که کدام قانون (Wi2013 یا Wi2021) و کدام مسیر شامل شما "
              "می‌شود، پس هنوز گواهی ساعات (urenverklaring) ساخته نمی‌شود. لطفاً از مدرسه بپرسید.",
        "fa_AF": "مکتب شما ثبت نکرده است که کدام قانون (Wi2013 یا Wi2021) و کدام مسیر شامل شما "
                 "می‌شود، پس هنوز تصدیق ساعات (urenverklaring) ساخته نمی‌شود. لطفاً از مکتب "
                 "بپرسید.",
        "ps": "ستاسو ښوونځي نه دي ثبت کړي چې کوم قانون (Wi2013 یا Wi2021) او کومه لار پر تاسو "
              "پلي کېږي، نو لا د ساعتونو تصدیق (urenverklaring) نشي جوړېدلی. مهرباني وکړئ له "
              "ښوونځي وپوښتئ.",
        "so": "Dugsigaagu ma diiwaangelin sharciga (Wi2013 ama Wi2021) iyo waddada kugu khuseeya, "
              "markaa weli lama samayn karo urenverklaring. Fadlan weydii dugsigaaga."}),
    ("Request the urenverklaring (PDF)", {
        "nl": "Urenverklaring aanvragen (PDF)", "ar": "اطلب بيان الساعات (PDF)",
        "ti": "urenverklaring ሕተት (PDF)", "tr": "Saat belgesini iste (PDF)",
        "fa": "درخواست گواهی ساعات (PDF)", "fa_AF": "درخواست تصدیق ساعات (PDF)",
        "ps": "د ساعتونو تصدیق وغواړئ (PDF)", "so": "Codso urenverklaring (PDF)"}),
    ("Your urenverklaring. It is in Dutch, for DUO and the gemeente. Verification code: {code}", {
        "nl": "Je urenverklaring. Die is in het Nederlands, voor DUO en de gemeente. "
              "Verificatiecode: {code}",
        "ar": "بيان ساعاتك (urenverklaring). هو باللغة الهولندية، لـ DUO والبلدية. رمز التحقق: {code}",
        "ti": "urenverklaring ካ። ብሆላንድኛ እዩ፡ ን DUO ን gemeente ን። ኮድ ምርግጋጽ: {code}",
        "tr": "Saat belgeniz (urenverklaring). DUO ve belediye için Hollandacadır. Doğrulama kodu: "
              "{code}",
        "fa": "گواهی ساعات شما (urenverklaring). به زبان هلندی است، برای DUO و شهرداری. کد تأیید: "
              "{code}",
        "fa_AF": "تصدیق ساعات شما (urenverklaring). به زبان هالندی است، برای DUO و شاروالی. کود "
                 "تأیید: {code}",
        "ps": "ستاسو د ساعتونو تصدیق (urenverklaring). په هالنډي ژبه دی، د DUO او ښاروالۍ لپاره. "
              "د تایید کوډ: {code}",
        "so": "Warqaddaada saacadaha (urenverklaring). Waa af Nederland, loogu talagalay DUO iyo "
              "dowladda hoose. Koodhka xaqiijinta: {code}"}),
    ("Here is your urenverklaring.", {
        "nl": "Hier is je urenverklaring.", "ar": "إليك بيان ساعاتك (urenverklaring).",
        "ti": "እንሆ urenverklaring ካ።", "tr": "İşte saat belgeniz (urenverklaring).",
        "fa": "این گواهی ساعات (urenverklaring) شماست.", "fa_AF": "این تصدیق ساعات (urenverklaring) شماست.",
        "ps": "دا ستاسو د ساعتونو تصدیق (urenverklaring) دی.",
        "so": "Waa kan urenverklaring-kaaga."}),
    ("Your request has been sent to your school. When the school has confirmed it, you get the "
     "PDF here.", {
        "nl": "Je aanvraag is naar je school gestuurd. Als de school hem heeft bevestigd, krijg je "
              "de PDF hier.",
        "ar": "تم إرسال طلبك إلى مدرستك. عندما تؤكده المدرسة، ستحصل على ملف PDF هنا.",
        "ti": "ሕቶኻ ናብ ቤት ትምህርትኻ ተላኢኹ ኣሎ። ቤት ትምህርቲ ምስ ኣረጋገጸቶ፡ PDF ኣብዚ ክትረኽብ ኢኻ።",
        "tr": "İsteğiniz okulunuza gönderildi. Okul onayladığında PDF'yi burada alacaksınız.",
        "fa": "درخواست شما به مدرسه فرستاده شد. وقتی مدرسه آن را تأیید کرد، PDF را اینجا دریافت "
              "می‌کنید.",
        "fa_AF": "درخواست شما به مکتب فرستاده شد. وقتی مکتب آن را تأیید کرد، PDF را اینجا دریافت "
                 "می‌کنید.",
        "ps": "ستاسو غوښتنه ښوونځي ته ولېږل شوه. کله چې ښوونځي تایید کړه، PDF به دلته ترلاسه "
              "کړئ.",
        "so": "Codsigaaga waxaa loo diray dugsigaaga. Marka dugsigu xaqiijiyo, PDF-ka halkan "
              "ayaad ka heli doontaa."}),
    ("Stopped. Send /uren to start again.", {
        "nl": "Gestopt. Stuur /uren om opnieuw te beginnen.",
        "ar": "تم الإيقاف. أرسل /uren للبدء من جديد.", "ti": "ደው ኢሉ። እንደገና ንምጅማር /uren ስደድ።",
        "tr": "Durduruldu. Yeniden başlamak için /uren gönderin.",
        "fa": "متوقف شد. برای شروع دوباره /uren را بفرستید.",
        "fa_AF": "متوقف شد. برای شروع دوباره /uren را بفرستید.",
        "ps": "ودرول شو. د بیا پیلولو لپاره /uren ولېږئ.",
        "so": "Waa la joojiyay. Soo dir /uren si aad dib ugu bilowdo."}),
    ("From which month?", {
        "nl": "Vanaf welke maand?", "ar": "من أي شهر؟", "ti": "ካብ የናይ ወርሒ?", "tr": "Hangi aydan?",
        "fa": "از کدام ماه؟", "fa_AF": "از کدام ماه؟", "ps": "له کومې میاشتې؟", "so": "Laga bilaabo bishee?"}),
    ("Until which month?", {
        "nl": "Tot en met welke maand?", "ar": "حتى أي شهر؟", "ti": "ክሳብ የናይ ወርሒ?",
        "tr": "Hangi aya kadar?", "fa": "تا کدام ماه؟", "fa_AF": "تا کدام ماه؟", "ps": "تر کومې میاشتې؟",
        "so": "Ilaa bishee?"}),
]

# Staff and klantmanager text, and the PDF: (English source, Dutch).
STAFF = [
    # PDF labels and the norms they apply (BoW 2.3.3-2.3.6, 4.7).
    ("NT2", "NT2"), ("KNM", "KNM"), ("ONA", "ONA"), ("Literacy", "Alfabetisering"),
    ("MAP", "MAP"), ("Other", "Overig"), ("classroom", "klassikaal"), ("distance", "afstand"),
    ("classroom hours count", "klassikale uren tellen mee"),
    ("Wi2013: distance hours do not count (BoW 2.3.3)",
     "Wi2013: uren afstandsonderwijs tellen niet mee (BoW 2.3.3)"),
    ("B1-route, hybrid with at least 50% classroom: distance hours count (BoW 2.3.5)",
     "B1-route, hybride met ten minste 50% klassikaal: afstandsuren tellen mee (BoW 2.3.5)"),
    ("B1-route, less than 50% classroom: distance hours do not count (BoW 2.3.5)",
     "B1-route, minder dan 50% klassikaal: afstandsuren tellen niet mee (BoW 2.3.5)"),
    ("Z-route: distance hours do not count toward the 800 hours (BoW 2.3.6)",
     "Z-route: afstandsuren tellen niet mee voor de 800 uur (BoW 2.3.6)"),
    ("Onderwijsroute: distance hours do not count (BoW 2.3.5)",
     "Onderwijsroute: afstandsuren tellen niet mee (BoW 2.3.5)"),
    ("Literacy at a distance does not count (BoW 2.3.4)",
     "Alfabetisering op afstand telt niet mee (BoW 2.3.4)"),
    ("ONA under direct supervision of a qualified ONA teacher counts (BoW 4.7)",
     "ONA onder direct toezicht van een bevoegde ONA-docent telt mee (BoW 4.7)"),
    ("documented ONA practice hours count (BoW 4.7)",
     "gedocumenteerde ONA-praktijkuren tellen mee (BoW 4.7)"),
    ("ONA without direct supervision (homework, e-learning) does not count (BoW 4.7)",
     "ONA zonder direct toezicht (huiswerk, e-learning) telt niet mee (BoW 4.7)"),
    ("ONA at a distance does not count (BoW 4.7)", "ONA op afstand telt niet mee (BoW 4.7)"),
    ("B1-route", "B1-route"), ("Z-route", "Z-route"), ("onderwijsroute", "onderwijsroute"),
    ("Wi2021, {route}", "Wi2021, {route}"),
    ("Urenverklaring, verification code {code}, page {page}",
     "Urenverklaring, verificatiecode {code}, pagina {page}"),
    ("Statement of attended lesson hours, based on lessons actually attended and consistent with "
     "the attendance registration (Blik op Werk norm 2.5; convenant art. 10.7).",
     "Verklaring van gevolgde lesuren, gebaseerd op daadwerkelijk gevolgde lessen en in "
     "overeenstemming met de presentieregistratie (Blik op Werk norm 2.5; convenant art. 10.7)."),
    ("{start} to {end}", "{start} tot en met {end}"),
    ("{period} (whole contract)", "{period} (gehele looptijd)"),
    ("Language school", "Taalschool"), ("Participant", "Deelnemer"),
    ("Regime and route", "Regime en leerroute"), ("Period", "Periode"),
    ("Date of issue", "Datum van afgifte"),
    ("Attended hours per kind of lesson", "Gevolgde uren per soort les"),
    ("Kind", "Soort"), ("Classroom", "Klassikaal"), ("Distance", "Afstand"), ("Total", "Totaal"),
    ("All lessons", "Alle lessen"), ("Hours that count", "Uren die meetellen"),
    ("Mode", "Vorm"), ("Attended", "Gevolgd"), ("Counted", "Telt mee"),
    ("Rule applied", "Toegepaste regel"),
    ("Total hours that count: {hours}", "Totaal uren die meetellen: {hours}"),
    ("Share of classroom hours (without ONA): {percent}%",
     "Aandeel klassikale uren (zonder ONA): {percent}%"),
    ("Verification", "Verificatie"),
    ("This statement is signed digitally by the language school (Ed25519). Check that it is "
     "genuine and that its figures are unchanged with the code below.",
     "Deze verklaring is digitaal ondertekend door de taalschool (Ed25519). Controleer met de "
     "code hieronder of zij echt is en of de cijfers ongewijzigd zijn."),
    ("Verification code", "Verificatiecode"), ("Check at", "Controleren op"),
    ("Annex: attended lessons ({n})", "Bijlage: gevolgde lessen ({n})"),
    ("Date", "Datum"), ("Time", "Tijd"), ("Teacher", "Docent"), ("Counts", "Telt mee"),
    ("yes", "ja"), ("no", "nee"),
    # Staff confirm step.
    ("the participant", "de deelnemer"), ("klantmanager {name}", "klantmanager {name}"),
    ("Urenverklaring requested for {name} by {requester}.",
     "Urenverklaring aangevraagd voor {name} door {requester}."),
    ("Period: {period}", "Periode: {period}"),
    ("Attended: {attended} hours; counting: {counted} hours.",
     "Gevolgd: {attended} uur; telt mee: {counted} uur."),
    ("Confirm to issue the signed statement (BoW 2.5, 2.9.4).",
     "Bevestig om de ondertekende verklaring af te geven (BoW 2.5, 2.9.4)."),
    ("Confirm and issue", "Bevestigen en afgeven"), ("Refuse", "Weigeren"),
    ("This request is not for your school.", "Deze aanvraag is niet voor jouw school."),
    ("A colleague has already handled this request.",
     "Een collega heeft deze aanvraag al afgehandeld."),
    ("Issued. The requester gets the PDF.", "Afgegeven. De aanvrager krijgt de PDF."),
    ("Refused. The requester has been told.", "Geweigerd. De aanvrager is ingelicht."),
    ("Urenverklaring, verification code {code}", "Urenverklaring, verificatiecode {code}"),
    ("The school has not recorded the regime and route of {name}: no urenverklaring can be made "
     "yet.", "De school heeft regime en leerroute van {name} niet vastgelegd: er kan nog geen "
     "urenverklaring worden gemaakt."),
    ("The urenverklaring of {name} has been issued.", "De urenverklaring van {name} is afgegeven."),
    ("Requested. When the school has confirmed it, you get the PDF here.",
     "Aangevraagd. Als de school hem heeft bevestigd, krijg je de PDF hier."),
    # Verzuim and uitval alerts (C art. 12.4).
    ("Seen", "Gezien"), ("Contacted", "Contact gehad"),
    ("This button is not for you.", "Deze knop is niet voor jou."),
    ("This button no longer works.", "Deze knop werkt niet meer."),
    ("This alert is not about one of your participants.",
     "Deze melding gaat niet over een van jouw deelnemers."),
    ("Noted: you contacted {name}.", "Genoteerd: je hebt contact gehad met {name}."),
    ("Marked as seen.", "Gemarkeerd als gezien."),
    ("absent, no reason given", "afwezig, geen reden gegeven"),
    ("reported absent in advance", "vooraf afgemeld"),
    ("reported ill", "ziek gemeld"),
    ("absent with another reason", "afwezig met een andere reden"),
    ("alfabetisering", "alfabetisering"), ("other lesson", "andere les"),
    ("has left the course", "is met de cursus gestopt"),
    ("has dropped out (uitval)", "is uitgevallen (uitval)"),
    ("- {day} {time}, {kind}: {status}", "- {day} {time}, {kind}: {status}"),
    ("(the last {shown} of {count} are listed)", "(de laatste {shown} van {count} staan hieronder)"),
    ("School: {school}", "School: {school}"),
    ("Absent since: {date}", "Afwezig sinds: {date}"),
    ("Verzuim: {name} has been absent for more than a week (C art. 12.4).",
     "Verzuim: {name} is al meer dan een week afwezig (C art. 12.4)."),
    ("Verzuim continues: {name} is still absent (week {week}).",
     "Verzuim duurt voort: {name} is nog steeds afwezig (week {week})."),
    ("Back in class: {name} ({school}) attended a lesson again on {date}.",
     "Weer in de les: {name} ({school}) volgde op {date} weer een les."),
    ("Uitval: {school} reports that {name} {change}.", "Uitval: {school} meldt dat {name} {change}."),
    ("As of: {date}", "Per: {date}"),
    ("Reason given by the school: {reason}", "Reden volgens de school: {reason}"),
    ("- {name} ({school}): uitval reported on {date}", "- {name} ({school}): uitval gemeld op {date}"),
    ("- {name} ({school}): absent since {date}", "- {name} ({school}): afwezig sinds {date}"),
    ("Open /caseload for details.", "Open /caseload voor details."),
    ("Mark all as seen", "Alles als gezien markeren"),
    # Absence reported by a participant (/afmelden), for the school's staff.
    ("ill", "ziek"), ("appointment with the gemeente, IND or a doctor",
                      "afspraak bij de gemeente, IND of een dokter"),
    ("work", "werk"), ("child care", "zorg voor kinderen"), ("another reason", "een andere reden"),
    ("Absence reported: {name} will not come to the lesson of {group} on {day} at {time}.",
     "Afmelding: {name} komt niet naar de les van {group} op {day} om {time}."),
    ("Reason: {reason}", "Reden: {reason}"),
    ("Note from the participant: {note}", "Bericht van de deelnemer: {note}"),
    # /caseload.
    ("Your participants: attendance, alerts, signals", "Je deelnemers: aanwezigheid, meldingen, signalen"),
    ("active", "actief"), ("left the course", "gestopt met de cursus"),
    ("dropped out (uitval)", "uitgevallen (uitval)"),
    ("{percent}% present ({present} of {registered})", "{percent}% aanwezig ({present} van {registered})"),
    ("no registered lessons", "geen geregistreerde lessen"),
    ("not reachable on Telegram", "niet bereikbaar via Telegram"),
    ("You have no participants in your caseload.", "Je hebt geen cursisten in je caseload."),
    ("This participant is not in your caseload.", "Deze deelnemer zit niet in je caseload."),
    ("Status: {status}", "Status: {status}"), ("Regime: {regime}", "Regime: {regime}"),
    ("Coming lessons:", "Komende lessen:"),
    ("(none in the next two weeks)", "(geen in de komende twee weken)"),
    ("Recent attendance:", "Recente aanwezigheid:"), ("present", "aanwezig"),
    ("(cancelled)", "(vervallen)"), ("(nothing registered yet)", "(nog niets geregistreerd)"),
    ("Alerts:", "Meldingen:"), ("uitval reported on {date}", "uitval gemeld op {date}"),
    ("absent since {date}, {missed} lessons missed", "afwezig sinds {date}, {missed} lessen gemist"),
    ("back in class", "weer in de les"), ("contacted", "contact gehad"), ("seen", "gezien"),
    ("not seen yet", "nog niet gezien"), ("Request urenverklaring", "Urenverklaring aanvragen"),
    ("Back to the list", "Terug naar de lijst"),
]

# Staff plurals: (singular, plural, [Dutch one, Dutch other]).
STAFF_PLURAL = [
    ("{n} alert marked as seen.", "{n} alerts marked as seen.",
     ["{n} melding als gezien gemarkeerd.", "{n} meldingen als gezien gemarkeerd."]),
    ("{n} lesson missed since the last attended one.",
     "{n} lessons missed since the last attended one.",
     ["{n} les gemist sinds de laatst gevolgde les.", "{n} lessen gemist sinds de laatst gevolgde les."]),
    ("{n} of them was reported with a reason.", "{n} of them were reported with a reason.",
     ["{n} daarvan is met een reden gemeld.", "{n} daarvan zijn met een reden gemeld."]),
    ("Daily overview: {n} alert you have not marked as seen.",
     "Daily overview: {n} alerts you have not marked as seen.",
     ["Dagoverzicht: {n} melding die je nog niet als gezien hebt gemarkeerd.",
      "Dagoverzicht: {n} meldingen die je nog niet als gezien hebt gemarkeerd."]),
    ("{n} open alert", "{n} open alerts", ["{n} open melding", "{n} open meldingen"]),
    ("{n} klacht signal", "{n} klacht signals", ["{n} klachtsignaal", "{n} klachtsignalen"]),
    ("Your caseload: {n} participant. Attendance over the last 4 weeks.",
     "Your caseload: {n} participants. Attendance over the last 4 weeks.",
     ["Je caseload: {n} deelnemer. Aanwezigheid over de laatste 4 weken.",
      "Je caseload: {n} deelnemers. Aanwezigheid over de laatste 4 weken."]),
]


def entries() -> list[dict]:
    """The catalog entries in the form ``write_domain`` takes."""
    result = []
    staff_ids = {msgid for msgid, _ in STAFF}
    for msgid, texts in PARTICIPANT:
        missing = set(LANGS) - set(texts)
        assert not missing, f"{msgid!r} lacks {sorted(missing)}"
        result.append({"id": msgid, "t": {"en": msgid, **texts}})
    for msgid, dutch in STAFF:
        if any(entry["id"] == msgid for entry in result):
            continue  # the same words for participant and staff (e.g. "{start} to {end}")
        result.append({"id": msgid, "t": {"en": msgid, "nl": dutch}})
    for singular, plural, dutch in STAFF_PLURAL:
        assert singular not in staff_ids
        result.append({"id": singular, "plural": plural,
                       "t": {"en": [singular, plural], "nl": dutch}})
    return result


ENTRIES = entries()

if __name__ == "__main__":
    write_domain("attendance", ENTRIES)

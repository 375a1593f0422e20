"""Translations of the rooster (issue 4): change notifications, /rooster, the calendar link, and
the conflict alerts for klantmanagers and schools (staff text: nl and en).
`python -m locales.src.rooster` writes locales/<lang>/LC_MESSAGES/rooster.po."""

from locales.tool import write_domain

ALL = ("nl", "en", "ar", "ti", "tr", "fa", "fa_AF", "ps", "so")


def same(text: str) -> dict:
    return {lang: text for lang in ALL}


ENTRIES = [
    {"id": "Your lesson timetable", "t": {
        "nl": "Je lesrooster", "en": "Your lesson timetable", "ar": "جدول دروسك",
        "ti": "መደብ ትምህርትኻ", "tr": "Ders programınız", "fa": "برنامه کلاس‌های شما",
        "fa_AF": "تقسیم اوقات درس‌های شما", "ps": "ستاسو د درسونو مهالویش",
        "so": "Jadwalka casharradaada"}},
    {"id": "Lessons", "t": {
        "nl": "Lessen", "en": "Lessons", "ar": "الدروس", "ti": "ትምህርትታት", "tr": "Dersler",
        "fa": "کلاس‌ها", "fa_AF": "درس‌ها", "ps": "درسونه", "so": "Casharro"}},
    {"id": "Dutch (NT2)", "t": {
        "nl": "Nederlands (NT2)", "en": "Dutch (NT2)", "ar": "اللغة الهولندية (NT2)",
        "ti": "ሆላንድኛ (NT2)", "tr": "Hollandaca (NT2)", "fa": "زبان هلندی (NT2)",
        "fa_AF": "زبان هالندی (NT2)", "ps": "هالنډي ژبه (NT2)", "so": "Luqadda Nederlandka (NT2)"}},
    {"id": "Dutch society (KNM)", "t": {
        "nl": "Kennis van de Nederlandse Maatschappij (KNM)", "en": "Dutch society (KNM)",
        "ar": "المجتمع الهولندي (KNM)", "ti": "ሕብረተሰብ ሆላንድ (KNM)",
        "tr": "Hollanda toplumu (KNM)", "fa": "جامعه هلند (KNM)", "fa_AF": "جامعه هالند (KNM)",
        "ps": "د هالنډ ټولنه (KNM)", "so": "Bulshada Nederland (KNM)"}},
    {"id": "Work in the Netherlands (ONA)", "t": {
        "nl": "Oriëntatie op de Nederlandse Arbeidsmarkt (ONA)",
        "en": "Work in the Netherlands (ONA)", "ar": "العمل في هولندا (ONA)",
        "ti": "ስራሕ ኣብ ሆላንድ (ONA)", "tr": "Hollanda'da çalışma (ONA)", "fa": "کار در هلند (ONA)",
        "fa_AF": "کار در هالند (ONA)", "ps": "په هالنډ کې کار (ONA)",
        "so": "Shaqada Nederland (ONA)"}},
    {"id": "Reading and writing", "t": {
        "nl": "Lezen en schrijven (alfabetisering)", "en": "Reading and writing",
        "ar": "القراءة والكتابة", "ti": "ንባብን ጽሕፈትን", "tr": "Okuma ve yazma",
        "fa": "خواندن و نوشتن", "fa_AF": "خواندن و نوشتن", "ps": "لوستل او لیکل",
        "so": "Akhris iyo qoraal"}},
    {"id": "Work and participation (MAP)", "t": {
        "nl": "Module Arbeidsmarkt en Participatie (MAP)", "en": "Work and participation (MAP)",
        "ar": "العمل والمشاركة (MAP)", "ti": "ስራሕን ተሳትፎን (MAP)", "tr": "Çalışma ve katılım (MAP)",
        "fa": "کار و مشارکت (MAP)", "fa_AF": "کار و اشتراک (MAP)", "ps": "کار او ګډون (MAP)",
        "so": "Shaqo iyo ka qaybgal (MAP)"}},
    {"id": "Lesson", "t": {
        "nl": "Les", "en": "Lesson", "ar": "درس", "ti": "ትምህርቲ", "tr": "Ders", "fa": "کلاس",
        "fa_AF": "درس", "ps": "درس", "so": "Cashar"}},
    {"id": "online (distance learning)", "t": {
        "nl": "online (afstandsonderwijs)", "en": "online (distance learning)",
        "ar": "عبر الإنترنت (تعليم عن بُعد)", "ti": "ብኦንላይን (ትምህርቲ ብርሑቕ)",
        "tr": "çevrim içi (uzaktan eğitim)", "fa": "آنلاین (آموزش از راه دور)",
        "fa_AF": "آنلاین (آموزش از راه دور)", "ps": "آنلاین (له لرې زده کړه)",
        "so": "online (waxbarasho fog)"}},
    {"id": "{day}, {start}–{end}, {kind}", "t": {
        **same("{day}, {start}–{end}, {kind}"),
        "ar": "{day}، {start}–{end}، {kind}", "fa": "{day}، {start}–{end}، {kind}",
        "fa_AF": "{day}، {start}–{end}، {kind}", "ps": "{day}، {start}–{end}، {kind}"}},
    {"id": "New lesson: {lesson}. Place: {place}", "t": {
        "nl": "Nieuwe les: {lesson}. Plaats: {place}", "en": "New lesson: {lesson}. Place: {place}",
        "ar": "درس جديد: {lesson}. المكان: {place}", "ti": "ሓድሽ ትምህርቲ: {lesson}። ቦታ: {place}",
        "tr": "Yeni ders: {lesson}. Yer: {place}", "fa": "کلاس جدید: {lesson}. مکان: {place}",
        "fa_AF": "درس جدید: {lesson}. جای: {place}", "ps": "نوی درس: {lesson}. ځای: {place}",
        "so": "Cashar cusub: {lesson}. Goobta: {place}"}},
    {"id": "Cancelled: {lesson}", "t": {
        "nl": "Gaat niet door: {lesson}", "en": "Cancelled: {lesson}", "ar": "أُلغي: {lesson}",
        "ti": "ተሰሪዙ: {lesson}", "tr": "İptal edildi: {lesson}", "fa": "لغو شد: {lesson}",
        "fa_AF": "لغو شد: {lesson}", "ps": "لغوه شو: {lesson}", "so": "Waa la joojiyay: {lesson}"}},
    {"id": "Moved: {lesson} (was {old})", "t": {
        "nl": "Verplaatst: {lesson} (was {old})", "en": "Moved: {lesson} (was {old})",
        "ar": "تم نقله: {lesson} (كان {old})", "ti": "ተቐይሩ: {lesson} (ቅድሚ ሕጂ {old})",
        "tr": "Taşındı: {lesson} (önceden {old})", "fa": "جابه‌جا شد: {lesson} (قبلاً {old})",
        "fa_AF": "وقتش تغییر کرد: {lesson} (قبلاً {old})", "ps": "بدل شو: {lesson} (مخکې {old})",
        "so": "Waa la beddelay: {lesson} (hore {old})"}},
    {"id": "New place: {lesson}: {location}", "t": {
        "nl": "Andere plaats: {lesson}: {location}", "en": "New place: {lesson}: {location}",
        "ar": "مكان جديد: {lesson}: {location}", "ti": "ሓድሽ ቦታ: {lesson}: {location}",
        "tr": "Yeni yer: {lesson}: {location}", "fa": "مکان جدید: {lesson}: {location}",
        "fa_AF": "جای جدید: {lesson}: {location}", "ps": "نوی ځای: {lesson}: {location}",
        "so": "Goob cusub: {lesson}: {location}"}},
    {"id": "New teacher: {lesson}: {teacher}", "t": {
        "nl": "Andere docent: {lesson}: {teacher}", "en": "New teacher: {lesson}: {teacher}",
        "ar": "معلم جديد: {lesson}: {teacher}", "ti": "ሓድሽ መምህር: {lesson}: {teacher}",
        "tr": "Yeni öğretmen: {lesson}: {teacher}", "fa": "معلم جدید: {lesson}: {teacher}",
        "fa_AF": "استاد جدید: {lesson}: {teacher}", "ps": "نوی ښوونکی: {lesson}: {teacher}",
        "so": "Macallin cusub: {lesson}: {teacher}"}},
    {"id": "Now online (distance learning): {lesson}", "t": {
        "nl": "Nu online (afstandsonderwijs): {lesson}",
        "en": "Now online (distance learning): {lesson}",
        "ar": "الآن عبر الإنترنت (تعليم عن بُعد): {lesson}",
        "ti": "ሕጂ ብኦንላይን (ትምህርቲ ብርሑቕ): {lesson}",
        "tr": "Artık çevrim içi (uzaktan eğitim): {lesson}",
        "fa": "اکنون آنلاین (آموزش از راه دور): {lesson}",
        "fa_AF": "حالا آنلاین (آموزش از راه دور): {lesson}",
        "ps": "اوس آنلاین (له لرې زده کړه): {lesson}",
        "so": "Hadda online (waxbarasho fog): {lesson}"}},
    {"id": "Now in the classroom: {lesson}", "t": {
        "nl": "Nu in de klas: {lesson}", "en": "Now in the classroom: {lesson}",
        "ar": "الآن في الصف: {lesson}", "ti": "ሕጂ ኣብ ክፍሊ: {lesson}", "tr": "Artık sınıfta: {lesson}",
        "fa": "اکنون در کلاس: {lesson}", "fa_AF": "حالا در صنف: {lesson}",
        "ps": "اوس په ټولګي کې: {lesson}", "so": "Hadda fasalka: {lesson}"}},
    {"id": "new place: {location}", "t": {
        "nl": "andere plaats: {location}", "en": "new place: {location}",
        "ar": "مكان جديد: {location}", "ti": "ሓድሽ ቦታ: {location}", "tr": "yeni yer: {location}",
        "fa": "مکان جدید: {location}", "fa_AF": "جای جدید: {location}",
        "ps": "نوی ځای: {location}", "so": "goob cusub: {location}"}},
    {"id": "new teacher: {teacher}", "t": {
        "nl": "andere docent: {teacher}", "en": "new teacher: {teacher}",
        "ar": "معلم جديد: {teacher}", "ti": "ሓድሽ መምህር: {teacher}", "tr": "yeni öğretmen: {teacher}",
        "fa": "معلم جدید: {teacher}", "fa_AF": "استاد جدید: {teacher}",
        "ps": "نوی ښوونکی: {teacher}", "so": "macallin cusub: {teacher}"}},
    {"id": "now online (distance learning)", "t": {
        "nl": "nu online (afstandsonderwijs)", "en": "now online (distance learning)",
        "ar": "الآن عبر الإنترنت (تعليم عن بُعد)", "ti": "ሕጂ ብኦንላይን (ትምህርቲ ብርሑቕ)",
        "tr": "artık çevrim içi (uzaktan eğitim)", "fa": "اکنون آنلاین (آموزش از راه دور)",
        "fa_AF": "حالا آنلاین (آموزش از راه دور)", "ps": "اوس آنلاین (له لرې زده کړه)",
        "so": "hadda online (waxbarasho fog)"}},
    {"id": "now in the classroom", "t": {
        "nl": "nu in de klas", "en": "now in the classroom", "ar": "الآن في الصف",
        "ti": "ሕጂ ኣብ ክፍሊ", "tr": "artık sınıfta", "fa": "اکنون در کلاس", "fa_AF": "حالا در صنف",
        "ps": "اوس په ټولګي کې", "so": "hadda fasalka"}},
    {"id": "Holiday: {name}, {first} to {last}", "t": {
        "nl": "Vakantie: {name}, {first} tot en met {last}",
        "en": "Holiday: {name}, {first} to {last}",
        "ar": "عطلة: {name}، من {first} إلى {last}",
        "ti": "ዕረፍቲ: {name}፡ ካብ {first} ክሳብ {last}",
        "tr": "Tatil: {name}, {first} ile {last} arası",
        "fa": "تعطیلات: {name}، از {first} تا {last}",
        "fa_AF": "رخصتی: {name}، از {first} تا {last}",
        "ps": "رخصتي: {name}، له {first} تر {last} پورې",
        "so": "Fasax: {name}, {first} ilaa {last}"}},
    {"id": "Holiday changed: {name}, now {first} to {last}", "t": {
        "nl": "Vakantie gewijzigd: {name}, nu {first} tot en met {last}",
        "en": "Holiday changed: {name}, now {first} to {last}",
        "ar": "تغيّرت العطلة: {name}، الآن من {first} إلى {last}",
        "ti": "ዕረፍቲ ተቐይሩ: {name}፡ ሕጂ ካብ {first} ክሳብ {last}",
        "tr": "Tatil değişti: {name}, şimdi {first} ile {last} arası",
        "fa": "تعطیلات تغییر کرد: {name}، حالا از {first} تا {last}",
        "fa_AF": "رخصتی تغییر کرد: {name}، حالا از {first} تا {last}",
        "ps": "رخصتي بدله شوه: {name}، اوس له {first} تر {last} پورې",
        "so": "Fasaxa waa la beddelay: {name}, hadda {first} ilaa {last}"}},
    {"id": "Your lesson timetable has changed:", "t": {
        "nl": "Je lesrooster is veranderd:", "en": "Your lesson timetable has changed:",
        "ar": "تغيّر جدول دروسك:", "ti": "መደብ ትምህርትኻ ተቐይሩ:", "tr": "Ders programınız değişti:",
        "fa": "برنامه کلاس‌های شما تغییر کرد:", "fa_AF": "تقسیم اوقات درس‌های شما تغییر کرد:",
        "ps": "ستاسو د درسونو مهالویش بدل شو:", "so": "Jadwalka casharradaada waa isbeddelay:"}},
    {"id": "News about your lessons:", "t": {
        "nl": "Nieuws over je lessen:", "en": "News about your lessons:", "ar": "أخبار عن دروسك:",
        "ti": "ሓድሽ ሓበሬታ ብዛዕባ ትምህርትታትካ:", "tr": "Dersleriniz hakkında haber:",
        "fa": "خبری درباره کلاس‌های شما:", "fa_AF": "خبری درباره درس‌های شما:",
        "ps": "ستاسو د درسونو په اړه خبر:", "so": "War ku saabsan casharradaada:"}},
    {"id": "…and {n} more change. See /rooster.", "plural": "…and {n} more changes. See /rooster.",
     "t": {
         "nl": ["…en nog {n} wijziging. Kijk bij /rooster.",
                "…en nog {n} wijzigingen. Kijk bij /rooster."],
         "en": ["…and {n} more change. See /rooster.", "…and {n} more changes. See /rooster."],
         "ar": ["…و{n} تغييرات أخرى. انظر /rooster.", "…وتغيير واحد آخر. انظر /rooster.",
                "…وتغييران آخران. انظر /rooster.", "…و{n} تغييرات أخرى. انظر /rooster.",
                "…و{n} تغييرًا آخر. انظر /rooster.", "…و{n} تغيير آخر. انظر /rooster."],
         "ti": ["…ከምኡ ድማ {n} ካልእ ለውጢ። /rooster ርአ።",
                "…ከምኡ ድማ {n} ካልኦት ለውጥታት። /rooster ርአ።"],
         "tr": ["…ve {n} değişiklik daha. /rooster ile bakın.",
                "…ve {n} değişiklik daha. /rooster ile bakın."],
         "fa": ["…و {n} تغییر دیگر. /rooster را ببینید.", "…و {n} تغییر دیگر. /rooster را ببینید."],
         "fa_AF": ["…و {n} تغییر دیگر. /rooster را ببینید.",
                   "…و {n} تغییر دیگر. /rooster را ببینید."],
         "ps": ["…او {n} نور بدلون. /rooster وګورئ.", "…او {n} نور بدلونونه. /rooster وګورئ."],
         "so": ["…iyo {n} isbeddel kale. Eeg /rooster.", "…iyo {n} isbeddel oo kale. Eeg /rooster."],
     }},
    {"id": "See all your lessons with /rooster.", "t": {
        "nl": "Al je lessen zie je met /rooster.", "en": "See all your lessons with /rooster.",
        "ar": "شاهد كل دروسك عبر /rooster.", "ti": "ኩሉ ትምህርትታትካ ብ /rooster ርአ።",
        "tr": "Tüm derslerinizi /rooster ile görün.", "fa": "همه کلاس‌های خود را با /rooster ببینید.",
        "fa_AF": "همه درس‌های خود را با /rooster ببینید.", "ps": "خپل ټول درسونه په /rooster کې وګورئ.",
        "so": "Dhammaan casharradaada ku arag /rooster."}},
    {"id": "Show my rooster", "t": {
        "nl": "Toon mijn rooster", "en": "Show my rooster", "ar": "اعرض جدولي", "ti": "መደበይ ኣርእየኒ",
        "tr": "Programımı göster", "fa": "برنامه‌ام را نشان بده", "fa_AF": "تقسیم اوقاتم را نشان بده",
        "ps": "زما مهالویش وښایه", "so": "I tus jadwalkayga"}},
    {"id": "new time", "t": {
        "nl": "andere tijd", "en": "new time", "ar": "وقت جديد", "ti": "ሓድሽ ሰዓት", "tr": "yeni saat",
        "fa": "زمان جدید", "fa_AF": "وقت جدید", "ps": "نوی وخت", "so": "waqti cusub"}},
    {"id": "new place", "t": {
        "nl": "andere plaats", "en": "new place", "ar": "مكان جديد", "ti": "ሓድሽ ቦታ",
        "tr": "yeni yer", "fa": "مکان جدید", "fa_AF": "جای جدید", "ps": "نوی ځای",
        "so": "goob cusub"}},
    {"id": "new teacher", "t": {
        "nl": "andere docent", "en": "new teacher", "ar": "معلم جديد", "ti": "ሓድሽ መምህር",
        "tr": "yeni öğretmen", "fa": "معلم جدید", "fa_AF": "استاد جدید", "ps": "نوی ښوونکی",
        "so": "macallin cusub"}},
    {"id": "(was {old})", "t": {
        "nl": "(was {old})", "en": "(was {old})", "ar": "(كان {old})", "ti": "(ቅድሚ ሕጂ {old})",
        "tr": "(önceden {old})", "fa": "(قبلاً {old})", "fa_AF": "(قبلاً {old})",
        "ps": "(مخکې {old})", "so": "(hore {old})"}},
    {"id": "online now", "t": {
        "nl": "nu online", "en": "online now", "ar": "الآن عبر الإنترنت", "ti": "ሕጂ ብኦንላይን",
        "tr": "artık çevrim içi", "fa": "اکنون آنلاین", "fa_AF": "حالا آنلاین", "ps": "اوس آنلاین",
        "so": "hadda online"}},
    {"id": "in the classroom now", "t": {
        "nl": "nu in de klas", "en": "in the classroom now", "ar": "الآن في الصف",
        "ti": "ሕጂ ኣብ ክፍሊ", "tr": "artık sınıfta", "fa": "اکنون در کلاس", "fa_AF": "حالا در صنف",
        "ps": "اوس په ټولګي کې", "so": "hadda fasalka"}},
    {"id": "Changed: {what}", "t": {
        "nl": "Veranderd: {what}", "en": "Changed: {what}", "ar": "تغيّر: {what}",
        "ti": "ተቐይሩ: {what}", "tr": "Değişti: {what}", "fa": "تغییر کرد: {what}",
        "fa_AF": "تغییر کرد: {what}", "ps": "بدل شو: {what}", "so": "Waa isbeddelay: {what}"}},
    {"id": "Your lessons, week {week} ({first} – {last})", "t": {
        "nl": "Je lessen, week {week} ({first} – {last})",
        "en": "Your lessons, week {week} ({first} – {last})",
        "ar": "دروسك، الأسبوع {week} ({first} – {last})",
        "ti": "ትምህርትታትካ፡ ሰሙን {week} ({first} – {last})",
        "tr": "Dersleriniz, {week}. hafta ({first} – {last})",
        "fa": "کلاس‌های شما، هفته {week} ({first} – {last})",
        "fa_AF": "درس‌های شما، هفته {week} ({first} – {last})",
        "ps": "ستاسو درسونه، اونۍ {week} ({first} – {last})",
        "so": "Casharradaada, toddobaadka {week} ({first} – {last})"}},
    {"id": "{time} {lesson}: cancelled", "t": {
        "nl": "{time} {lesson}: gaat niet door", "en": "{time} {lesson}: cancelled",
        "ar": "{time} {lesson}: أُلغي", "ti": "{time} {lesson}: ተሰሪዙ",
        "tr": "{time} {lesson}: iptal edildi", "fa": "{time} {lesson}: لغو شد",
        "fa_AF": "{time} {lesson}: لغو شد", "ps": "{time} {lesson}: لغوه شو",
        "so": "{time} {lesson}: waa la joojiyay"}},
    {"id": "No lessons this week.", "t": {
        "nl": "Deze week geen lessen.", "en": "No lessons this week.",
        "ar": "لا توجد دروس هذا الأسبوع.", "ti": "ኣብዚ ሰሙን ትምህርቲ የለን።", "tr": "Bu hafta ders yok.",
        "fa": "این هفته کلاسی ندارید.", "fa_AF": "این هفته درسی ندارید.",
        "ps": "پدې اونۍ کې درس نشته.", "so": "Toddobaadkan cashar ma jiro."}},
    {"id": "Previous week", "t": {
        "nl": "Vorige week", "en": "Previous week", "ar": "الأسبوع السابق", "ti": "ዝሓለፈ ሰሙን",
        "tr": "Önceki hafta", "fa": "هفته قبل", "fa_AF": "هفته قبل", "ps": "تېره اونۍ",
        "so": "Toddobaadkii hore"}},
    {"id": "Next week", "t": {
        "nl": "Volgende week", "en": "Next week", "ar": "الأسبوع القادم", "ti": "ዝመጽእ ሰሙን",
        "tr": "Sonraki hafta", "fa": "هفته بعد", "fa_AF": "هفته بعد", "ps": "راتلونکې اونۍ",
        "so": "Toddobaadka xiga"}},
    {"id": "This week", "t": {
        "nl": "Deze week", "en": "This week", "ar": "هذا الأسبوع", "ti": "እዚ ሰሙን", "tr": "Bu hafta",
        "fa": "این هفته", "fa_AF": "این هفته", "ps": "دا اونۍ", "so": "Toddobaadkan"}},
    {"id": "Calendar link for my phone", "t": {
        "nl": "Agendalink voor mijn telefoon", "en": "Calendar link for my phone",
        "ar": "رابط التقويم لهاتفي", "ti": "ሊንክ ካሌንደር ንተሌፎነይ",
        "tr": "Telefonum için takvim bağlantısı", "fa": "لینک تقویم برای گوشی من",
        "fa_AF": "لینک تقویم برای موبایلم", "ps": "زما د تلیفون لپاره د جنترۍ لینک",
        "so": "Linkiga kalandarka ee taleefankayga"}},
    {"id": "Only participants and klantmanagers have a rooster here.", "t": {
        "nl": "Alleen cursisten en klantmanagers hebben hier een rooster.",
        "en": "Only participants and klantmanagers have a rooster here.",
        "ar": "فقط المشاركون في الدورة ومديرو الحالات (klantmanager) لديهم جدول هنا.",
        "ti": "ኣብዚ መደብ ዘለዎም ተሳተፍቲ ኮርስን ክላንትማነጀራትን ጥራይ እዮም።",
        "tr": "Burada yalnızca kursiyerlerin ve vaka yöneticilerinin (klantmanager) bir programı vardır.",
        "fa": "اینجا فقط شرکت‌کنندگان دوره و مدیران پرونده (klantmanager) برنامه دارند.",
        "fa_AF": "اینجا فقط اشتراک‌کنندگان دوره و مدیران پرونده (klantmanager) تقسیم اوقات دارند.",
        "ps": "دلته یوازې د کورس ګډونوال او klantmanagers مهالویش لري.",
        "so": "Halkan kaliya ka qayb-galayaasha koorsada iyo klantmanager-yada ayaa jadwal leh."}},
    {"id": "Add this link in your phone's calendar as a subscription (for example \"Add calendar\" "
           "→ \"From URL\"). Your lessons then appear there and stay up to date. Do not share this "
           "link: anyone who has it can see your lessons.", "t": {
        "nl": "Voeg deze link toe aan de agenda van je telefoon als abonnement (bijvoorbeeld "
              "\"Agenda toevoegen\" → \"Via URL\"). Je lessen staan er dan in en blijven actueel. "
              "Deel deze link niet: iedereen met de link kan je lessen zien.",
        "en": "Add this link in your phone's calendar as a subscription (for example \"Add "
              "calendar\" → \"From URL\"). Your lessons then appear there and stay up to date. Do "
              "not share this link: anyone who has it can see your lessons.",
        "ar": "أضف هذا الرابط إلى تقويم هاتفك كاشتراك (مثلًا \"إضافة تقويم\" ← \"من عنوان URL\"). "
              "ستظهر دروسك هناك وتبقى محدّثة. لا تشارك هذا الرابط: كل من لديه الرابط يستطيع رؤية "
              "دروسك.",
        "ti": "ነዚ ሊንክ ኣብ ካሌንደር ተሌፎንካ ከም ምዝገባ (subscription) ወስኾ (ንኣብነት \"ካሌንደር ወስኽ\" → "
              "\"ካብ URL\")። ሽዑ ትምህርትታትካ ኣብኡ ይርኣዩን ወትሩ ይሕደሱን። ነዚ ሊንክ ንካልኦት ኣይተካፍሎ: ሊንክ "
              "ዘለዎ ዝኾነ ሰብ ትምህርትታትካ ክርኢ ይኽእል።",
        "tr": "Bu bağlantıyı telefonunuzun takvimine abonelik olarak ekleyin (örneğin \"Takvim "
              "ekle\" → \"URL'den\"). Dersleriniz orada görünür ve güncel kalır. Bu bağlantıyı "
              "paylaşmayın: bağlantıya sahip herkes derslerinizi görebilir.",
        "fa": "این لینک را به‌صورت اشتراک به تقویم گوشی خود اضافه کنید (مثلاً «افزودن تقویم» ← "
              "«از URL»). کلاس‌های شما آنجا نشان داده می‌شوند و به‌روز می‌مانند. این لینک را با کسی "
              "به اشتراک نگذارید: هر کسی که لینک را داشته باشد می‌تواند کلاس‌های شما را ببیند.",
        "fa_AF": "این لینک را به‌صورت اشتراک به تقویم موبایل خود اضافه کنید (مثلاً «افزودن تقویم» "
                 "← «از URL»). درس‌های شما آنجا دیده می‌شوند و تازه می‌مانند. این لینک را به کسی "
                 "ندهید: هر کسی که لینک را داشته باشد می‌تواند درس‌های شما را ببیند.",
        "ps": "دا لینک د خپل تلیفون جنترۍ ته د ګډون (subscription) په توګه ور اضافه کړئ (د بېلګې په "
              "توګه «جنتري اضافه کړئ» ← «له URL څخه»). ستاسو درسونه به هلته ښکاره شي او تازه به پاتې "
              "شي. دا لینک له چا سره مه شریکوئ: هر څوک چې لینک ولري ستاسو درسونه لیدلی شي.",
        "so": "Ku dar linkigan kalandarka taleefankaaga sida rukummo (tusaale \"Ku dar kalandar\" "
              "→ \"Ka URL\"). Casharradaada halkaas ayay ka muuqan doonaan oo had iyo jeer way "
              "cusboonaan doonaan. Ha la wadaagin linkigan: qof kasta oo haysta linkiga wuu arki "
              "karaa casharradaada."}},
    {"id": "You already have a calendar link, made on {date}. For your safety it is not shown "
           "again. Do you want a new link? The old link then stops working.", "t": {
        "nl": "Je hebt al een agendalink, gemaakt op {date}. Voor je veiligheid tonen we die niet "
              "opnieuw. Wil je een nieuwe link? De oude link werkt dan niet meer.",
        "en": "You already have a calendar link, made on {date}. For your safety it is not shown "
              "again. Do you want a new link? The old link then stops working.",
        "ar": "لديك بالفعل رابط تقويم أُنشئ في {date}. من أجل أمانك لا نعرضه مرة أخرى. هل تريد "
              "رابطًا جديدًا؟ عندها يتوقف الرابط القديم عن العمل.",
        "ti": "ድሮ ኣብ {date} ዝተሰርሐ ሊንክ ካሌንደር ኣለካ። ንድሕንነትካ ደጊምና ኣይነርእዮን ኢና። ሓድሽ ሊንክ "
              "ትደሊ ዶ? ሽዑ እቲ ኣረጊት ሊንክ ኣይሰርሕን።",
        "tr": "{date} tarihinde oluşturulmuş bir takvim bağlantınız zaten var. Güvenliğiniz için "
              "tekrar gösterilmez. Yeni bir bağlantı ister misiniz? Eski bağlantı o zaman çalışmaz.",
        "fa": "شما از قبل یک لینک تقویم دارید که در {date} ساخته شد. برای امنیت شما دوباره نشان "
              "داده نمی‌شود. لینک جدید می‌خواهید؟ در این صورت لینک قبلی دیگر کار نمی‌کند.",
        "fa_AF": "شما از قبل یک لینک تقویم دارید که در {date} ساخته شد. برای مصئونیت شما دوباره "
                 "نشان داده نمی‌شود. لینک جدید می‌خواهید؟ در این صورت لینک قبلی دیگر کار نمی‌کند.",
        "ps": "تاسو دمخه د جنترۍ یو لینک لرئ چې په {date} جوړ شوی. ستاسو د خوندیتوب لپاره بیا نه "
              "ښودل کېږي. نوی لینک غواړئ؟ بیا به زوړ لینک کار ونه کړي.",
        "so": "Horey waxaad u haysataa linkiga kalandarka oo la sameeyay {date}. Ammaankaaga "
              "awgeed dib looma muujinayo. Ma rabtaa link cusub? Markaas linkiga hore ma shaqeyn "
              "doono."}},
    {"id": "Make a new link", "t": {
        "nl": "Nieuwe link maken", "en": "Make a new link", "ar": "أنشئ رابطًا جديدًا",
        "ti": "ሓድሽ ሊንክ ስራሕ", "tr": "Yeni bağlantı oluştur", "fa": "ساختن لینک جدید",
        "fa_AF": "ساختن لینک جدید", "ps": "نوی لینک جوړ کړئ", "so": "Samee link cusub"}},
    {"id": "A new link was made. The old link no longer works.", "t": {
        "nl": "Er is een nieuwe link gemaakt. De oude link werkt niet meer.",
        "en": "A new link was made. The old link no longer works.",
        "ar": "تم إنشاء رابط جديد. الرابط القديم لم يعد يعمل.",
        "ti": "ሓድሽ ሊንክ ተሰሪሑ። እቲ ኣረጊት ሊንክ ድሕሪ ሕጂ ኣይሰርሕን።",
        "tr": "Yeni bir bağlantı oluşturuldu. Eski bağlantı artık çalışmıyor.",
        "fa": "لینک جدید ساخته شد. لینک قبلی دیگر کار نمی‌کند.",
        "fa_AF": "لینک جدید ساخته شد. لینک قبلی دیگر کار نمی‌کند.",
        "ps": "نوی لینک جوړ شو. زوړ لینک نور کار نه کوي.",
        "so": "Link cusub ayaa la sameeyay. Linkiga hore mar dambe ma shaqeeyo."}},
    # ---- staff text: klantmanagers and school staff (nl, en) ----
    {"id": "Rooster of {name}, week {week} ({first} – {last})", "t": {
        "nl": "Rooster van {name}, week {week} ({first} – {last})",
        "en": "Rooster of {name}, week {week} ({first} – {last})"}},
    {"id": "Other participant", "t": {"nl": "Andere cursist", "en": "Other participant"}},
    {"id": "Whose rooster do you want to see?", "t": {
        "nl": "Van wie wil je het rooster zien?", "en": "Whose rooster do you want to see?"}},
    {"id": "You have no participants in your caseload.", "t": {
        "nl": "Je hebt geen cursisten in je caseload.",
        "en": "You have no participants in your caseload."}},
    {"id": "Please align the rooster and the activity with the school or the gemeente (convenant "
           "art. 12.6). The conflict clears when either side changes.", "t": {
        "nl": "Stem het rooster en de activiteit af met de school of de gemeente (convenant art. "
              "12.6). Het conflict vervalt zodra een van beide verandert.",
        "en": "Please align the rooster and the activity with the school or the gemeente "
              "(convenant art. 12.6). The conflict clears when either side changes."}},
    {"id": "Rooster conflict: a lesson overlaps a mandatory participation activity.",
     "plural": "{n} rooster conflicts: lessons overlap mandatory participation activities.", "t": {
         "nl": ["Roosterconflict: een les overlapt met een verplichte participatieactiviteit.",
                "{n} roosterconflicten: lessen overlappen met verplichte participatieactiviteiten."],
         "en": ["Rooster conflict: a lesson overlaps a mandatory participation activity.",
                "{n} rooster conflicts: lessons overlap mandatory participation activities."]}},
    {"id": "{participant} ({group}): lesson {day} {start}–{end} ({kind}) overlaps “{activity}” "
           "{activity_start}–{activity_end}.", "t": {
        "nl": "{participant} ({group}): les {day} {start}–{end} ({kind}) overlapt met "
              "“{activity}” {activity_start}–{activity_end}.",
        "en": "{participant} ({group}): lesson {day} {start}–{end} ({kind}) overlaps "
              "“{activity}” {activity_start}–{activity_end}."}},
    {"id": "Participation activities of your participants", "t": {
        "nl": "Participatieactiviteiten van je cursisten",
        "en": "Participation activities of your participants"}},
    {"id": "every {weekday} {start}–{end}: {title}", "t": {
        "nl": "elke {weekday} {start}–{end}: {title}",
        "en": "every {weekday} {start}–{end}: {title}"}},
    {"id": "{day} {start}–{end}: {title}", "t": {
        "nl": "{day} {start}–{end}: {title}", "en": "{day} {start}–{end}: {title}"}},
    {"id": "Whose participation activities do you want to see or record?", "t": {
        "nl": "Van wie wil je de participatieactiviteiten zien of vastleggen?",
        "en": "Whose participation activities do you want to see or record?"}},
    {"id": "Participation activities of {name}:", "t": {
        "nl": "Participatieactiviteiten van {name}:",
        "en": "Participation activities of {name}:"}},
    {"id": "None recorded yet.", "t": {"nl": "Nog niets vastgelegd.", "en": "None recorded yet."}},
    {"id": "New weekly activity", "t": {
        "nl": "Nieuwe wekelijkse activiteit", "en": "New weekly activity"}},
    {"id": "On which day is the activity of {name}?", "t": {
        "nl": "Op welke dag is de activiteit van {name}?",
        "en": "On which day is the activity of {name}?"}},
    {"id": "Send the times and a short name, for example: 09:00-12:30 Werkervaringsplek "
           "bibliotheek. /cancel stops.", "t": {
        "nl": "Stuur de tijden en een korte naam, bijvoorbeeld: 09:00-12:30 Werkervaringsplek "
              "bibliotheek. /cancel stopt.",
        "en": "Send the times and a short name, for example: 09:00-12:30 Werkervaringsplek "
              "bibliotheek. /cancel stops."}},
    {"id": "Deleted; its conflicts are cleared.", "t": {
        "nl": "Verwijderd; de conflicten ervan zijn opgeheven.",
        "en": "Deleted; its conflicts are cleared."}},
    {"id": "I could not read that. Send the start and end time and a name, for example: "
           "09:00-12:30 Werkervaringsplek bibliotheek.", "t": {
        "nl": "Dat kon ik niet lezen. Stuur begin- en eindtijd en een naam, bijvoorbeeld: "
              "09:00-12:30 Werkervaringsplek bibliotheek.",
        "en": "I could not read that. Send the start and end time and a name, for example: "
              "09:00-12:30 Werkervaringsplek bibliotheek."}},
    {"id": "Saved.", "t": {"nl": "Opgeslagen.", "en": "Saved."}},
    {"id": "It overlaps {n} lesson; you and the school get an alert.",
     "plural": "It overlaps {n} lessons; you and the school get an alert.", "t": {
         "nl": ["Dit overlapt met {n} les; jij en de school krijgen een melding.",
                "Dit overlapt met {n} lessen; jij en de school krijgen een melding."],
         "en": ["It overlaps {n} lesson; you and the school get an alert.",
                "It overlaps {n} lessons; you and the school get an alert."]}},
    {"id": "Stopped. Nothing was saved.", "t": {
        "nl": "Gestopt. Er is niets opgeslagen.", "en": "Stopped. Nothing was saved."}},
    {"id": "…and {n} more.", "plural": "…and {n} more.", "t": {
        "nl": ["…en nog {n}.", "…en nog {n}."], "en": ["…and {n} more.", "…and {n} more."]}},
]

if __name__ == "__main__":
    write_domain("rooster", ENTRIES)

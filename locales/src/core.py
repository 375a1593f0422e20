"""Translations of the core domain (onboarding, language, help, errors); `python -m locales.src.core`
writes locales/<lang>/LC_MESSAGES/core.po. Edit here or in the .po files, then run the check."""

from locales.tool import write_domain

ENTRIES = [
    {"id": "Choose your language", "t": {
        "nl": "Kies je taal", "en": "Choose your language", "ar": "اختر لغتك",
        "ti": "ቋንቋኻ ምረጽ", "tr": "Dilinizi seçin", "fa": "زبان خود را انتخاب کنید",
        "fa_AF": "زبان خود را انتخاب کنید", "ps": "خپله ژبه وټاکئ", "so": "Dooro luqaddaada"}},
    {"id": "Language: {language}", "t": {
        "nl": "Taal: {language}", "en": "Language: {language}", "ar": "اللغة: {language}",
        "ti": "ቋንቋ: {language}", "tr": "Dil: {language}", "fa": "زبان: {language}",
        "fa_AF": "زبان: {language}", "ps": "ژبه: {language}", "so": "Luqadda: {language}"}},
    {"id": "Sorry, something went wrong on our side. Nothing you sent is lost. Please try again.", "t": {
        "nl": "Sorry, er ging bij ons iets mis. Niets van wat je stuurde is verloren. Probeer het opnieuw.",
        "en": "Sorry, something went wrong on our side. Nothing you sent is lost. Please try again.",
        "ar": "عذرًا، حدث خطأ من جهتنا. لم يضِع شيء مما أرسلته. يرجى المحاولة مرة أخرى.",
        "ti": "ይቕሬታ፡ ኣብ ወገንና ጌጋ ተፈጢሩ። ዝለኣኽካዮ ዋላ ሓደ ኣይጠፍአን። በጃኻ እንደገና ፈትን።",
        "tr": "Üzgünüz, bizim tarafımızda bir sorun oluştu. Gönderdiğiniz hiçbir şey kaybolmadı. Lütfen tekrar deneyin.",
        "fa": "متأسفیم، در سمت ما مشکلی پیش آمد. چیزی از آنچه فرستادید گم نشده است. لطفاً دوباره تلاش کنید.",
        "fa_AF": "متأسفیم، از طرف ما مشکلی پیش آمد. چیزی از آنچه فرستادید گم نشده است. لطفاً دوباره کوشش کنید.",
        "ps": "بښنه غواړو، زموږ له خوا ستونزه رامنځته شوه. هیڅ شی چې تاسو لېږلی ورک شوی نه دی. مهرباني وکړئ بیا هڅه وکړئ.",
        "so": "Waan ka xunnahay, cilad ayaa dhankeenna ka dhacday. Waxaad soo dirtay waxba kama lumin. Fadlan isku day mar kale."}},
    {"id": "What you can do:", "t": {
        "nl": "Wat je kunt doen:", "en": "What you can do:", "ar": "ما يمكنك فعله:",
        "ti": "ክትገብሮ እትኽእል:", "tr": "Yapabilecekleriniz:", "fa": "کارهایی که می‌توانید انجام دهید:",
        "fa_AF": "کارهایی که می‌توانید انجام دهید:", "ps": "هغه څه چې تاسو یې کولی شئ:",
        "so": "Waxa aad samayn karto:"}},
    {"id": "/{command} – {description}", "t": {
        lang: "/{command} – {description}" for lang in
        ("nl", "en", "ar", "ti", "tr", "fa", "fa_AF", "ps", "so")}},
    {"id": "What this bot can do for you", "t": {
        "nl": "Wat deze bot voor je kan doen", "en": "What this bot can do for you",
        "ar": "ما يمكن لهذا البوت أن يفعله لك", "ti": "እዚ ቦት እዚ ንዓኻ እንታይ ክገብር ይኽእል",
        "tr": "Bu botun sizin için yapabilecekleri", "fa": "کارهایی که این ربات برای شما انجام می‌دهد",
        "fa_AF": "کارهایی که این ربات برای شما انجام می‌دهد", "ps": "دا بوټ ستاسو لپاره څه کولی شي",
        "so": "Waxa botkani kuu qaban karo"}},
    {"id": "Sorry, I did not understand that. Send /help to see what I can do.", "t": {
        "nl": "Sorry, dat begreep ik niet. Stuur /help om te zien wat ik kan.",
        "en": "Sorry, I did not understand that. Send /help to see what I can do.",
        "ar": "عذرًا، لم أفهم ذلك. أرسل /help لترى ما يمكنني فعله.",
        "ti": "ይቕሬታ፡ ኣይተረደኣንን። እንታይ ክገብር ከም ዝኽእል ንምርኣይ /help ስደድ።",
        "tr": "Üzgünüm, bunu anlamadım. Neler yapabildiğimi görmek için /help gönderin.",
        "fa": "متأسفم، متوجه نشدم. برای دیدن کارهایی که می‌توانم انجام دهم /help را بفرستید.",
        "fa_AF": "متأسفم، نفهمیدم. برای دیدن کارهایی که می‌توانم انجام بدهم /help را بفرستید.",
        "ps": "بښنه غواړم، پوه نشوم. د دې لپاره چې وګورئ زه څه کولی شم /help ولېږئ.",
        "so": "Waan ka xumahay, taas ma fahmin. Soo dir /help si aad u aragto waxa aan qaban karo."}},
    {"id": "This button no longer works. Send /help to start again.", "t": {
        "nl": "Deze knop werkt niet meer. Stuur /help om opnieuw te beginnen.",
        "en": "This button no longer works. Send /help to start again.",
        "ar": "هذا الزر لم يعد يعمل. أرسل /help للبدء من جديد.",
        "ti": "እዚ መጠወቒ እዚ ድሕሪ ሕጂ ኣይሰርሕን እዩ። እንደገና ንምጅማር /help ስደድ።",
        "tr": "Bu düğme artık çalışmıyor. Yeniden başlamak için /help gönderin.",
        "fa": "این دکمه دیگر کار نمی‌کند. برای شروع دوباره /help را بفرستید.",
        "fa_AF": "این دکمه دیگر کار نمی‌کند. برای شروع دوباره /help را بفرستید.",
        "ps": "دا تڼۍ نور کار نه کوي. د بیا پیلولو لپاره /help ولېږئ.",
        "so": "Badhankan mar dambe ma shaqeeyo. Soo dir /help si aad dib ugu bilowdo."}},
    {"id": "Start, or link your account with a code", "t": {
        "nl": "Beginnen, of je account koppelen met een code", "en": "Start, or link your account with a code",
        "ar": "ابدأ، أو اربط حسابك برمز", "ti": "ጀምር፡ ወይ ሕሳብካ ብኮድ ኣተኣሳስር",
        "tr": "Başlayın veya hesabınızı bir kodla bağlayın", "fa": "شروع کنید، یا حساب خود را با کد متصل کنید",
        "fa_AF": "شروع کنید، یا حساب خود را با کود وصل کنید", "ps": "پیل کړئ، یا خپل حساب د کوډ سره وصل کړئ",
        "so": "Bilow, ama koontadaada ku xir koodh"}},
    {"id": "participant", "t": {
        "nl": "cursist", "en": "participant", "ar": "مشارك في الدورة", "ti": "ተሳታፊ ኮርስ",
        "tr": "kursiyer", "fa": "شرکت‌کننده دوره", "fa_AF": "اشتراک‌کننده دوره", "ps": "د کورس ګډونوال",
        "so": "ka qayb-gale koorsada"}},
    {"id": "klantmanager of the gemeente", "t": {
        "nl": "klantmanager van de gemeente", "en": "klantmanager of the gemeente",
        "ar": "مدير حالات (klantmanager) في البلدية", "ti": "ክላንትማነጀር ናይ ምምሕዳር ከተማ (gemeente)",
        "tr": "belediyenin vaka yöneticisi (klantmanager)", "fa": "مدیر پرونده (klantmanager) شهرداری",
        "fa_AF": "مدیر پرونده (klantmanager) شاروالی", "ps": "د ښاروالۍ د قضیې مدیر (klantmanager)",
        "so": "maareeyaha kiiska (klantmanager) ee dowladda hoose"}},
    {"id": "staff member of the school", "t": {
        "nl": "medewerker van de school", "en": "staff member of the school", "ar": "موظف في المدرسة",
        "ti": "ሰራሕተኛ ቤት ትምህርቲ", "tr": "okul çalışanı", "fa": "کارمند مدرسه", "fa_AF": "کارمند مکتب",
        "ps": "د ښوونځي کارکوونکی", "so": "shaqaale dugsiga"}},
    {"id": "Hello {name}! You are linked as {role}.", "t": {
        "nl": "Hallo {name}! Je bent gekoppeld als {role}.", "en": "Hello {name}! You are linked as {role}.",
        "ar": "مرحبًا {name}! تم ربطك بصفتك {role}.", "ti": "ሰላም {name}! ከም {role} ተኣሳሲርካ ኣለኻ።",
        "tr": "Merhaba {name}! {role} olarak bağlandınız.", "fa": "سلام {name}! شما به عنوان {role} متصل شدید.",
        "fa_AF": "سلام {name}! شما به حیث {role} وصل شدید.", "ps": "سلام {name}! تاسو د {role} په توګه وصل شوي یاست.",
        "so": "Salaan {name}! Waxaad ku xiran tahay sida {role}."}},
    {"id": "Welcome! To use this bot, open the link you received from your school or gemeente, or send /start followed by your code.", "t": {
        "nl": "Welkom! Open de link die je van je school of gemeente kreeg, of stuur /start met je code erachter.",
        "en": "Welcome! To use this bot, open the link you received from your school or gemeente, or send /start followed by your code.",
        "ar": "أهلًا بك! لاستخدام هذا البوت افتح الرابط الذي تلقيته من مدرستك أو البلدية، أو أرسل /start متبوعًا برمزك.",
        "ti": "እንቋዕ ብደሓን መጻእካ! ነዚ ቦት ንምጥቃም፡ ካብ ቤት ትምህርትኻ ወይ ምምሕዳር ከተማ ዝተቐበልካዮ ሊንክ ክፈት፡ ወይ /start ምስ ኮድካ ስደድ።",
        "tr": "Hoş geldiniz! Bu botu kullanmak için okulunuzdan veya belediyeden aldığınız bağlantıyı açın ya da /start ve ardından kodunuzu gönderin.",
        "fa": "خوش آمدید! برای استفاده از این ربات، لینکی را که از مدرسه یا شهرداری گرفته‌اید باز کنید، یا /start را همراه با کد خود بفرستید.",
        "fa_AF": "خوش آمدید! برای استفاده از این ربات، لینکی را که از مکتب یا شاروالی گرفته‌اید باز کنید، یا /start را همراه با کود خود بفرستید.",
        "ps": "ښه راغلاست! د دې بوټ د کارولو لپاره هغه لینک پرانیزئ چې له خپل ښوونځي یا ښاروالۍ مو ترلاسه کړی، یا /start له خپل کوډ سره ولېږئ.",
        "so": "Soo dhawoow! Si aad u isticmaasho botkan, fur xiriirka aad ka heshay dugsigaaga ama dowladda hoose, ama soo dir /start oo ay ku xigto koodhkaaga."}},
    {"id": "This code has expired. Ask your school or klantmanager for a new code.", "t": {
        "nl": "Deze code is verlopen. Vraag je school of klantmanager om een nieuwe code.",
        "en": "This code has expired. Ask your school or klantmanager for a new code.",
        "ar": "انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا من مدرستك أو من مدير حالتك (klantmanager).",
        "ti": "እዚ ኮድ እዚ ግዚኡ ሓሊፉ እዩ። ካብ ቤት ትምህርትኻ ወይ ክላንትማነጀርካ ሓድሽ ኮድ ሕተት።",
        "tr": "Bu kodun süresi doldu. Okulunuzdan veya vaka yöneticinizden (klantmanager) yeni bir kod isteyin.",
        "fa": "این کد منقضی شده است. از مدرسه یا مدیر پرونده (klantmanager) خود کد جدید بخواهید.",
        "fa_AF": "این کود منقضی شده است. از مکتب یا مدیر پرونده (klantmanager) خود کود جدید بخواهید.",
        "ps": "د دې کوډ موده پای ته رسېدلې. له خپل ښوونځي یا klantmanager څخه نوی کوډ وغواړئ.",
        "so": "Koodhkan wuu dhacay. Weydii dugsigaaga ama klantmanager-kaaga koodh cusub."}},
    {"id": "This code has already been used. Ask your school or klantmanager for a new code.", "t": {
        "nl": "Deze code is al gebruikt. Vraag je school of klantmanager om een nieuwe code.",
        "en": "This code has already been used. Ask your school or klantmanager for a new code.",
        "ar": "تم استخدام هذا الرمز من قبل. اطلب رمزًا جديدًا من مدرستك أو من مدير حالتك (klantmanager).",
        "ti": "እዚ ኮድ እዚ ድሮ ተጠቒምካሉ እዩ። ካብ ቤት ትምህርትኻ ወይ ክላንትማነጀርካ ሓድሽ ኮድ ሕተት።",
        "tr": "Bu kod zaten kullanıldı. Okulunuzdan veya vaka yöneticinizden (klantmanager) yeni bir kod isteyin.",
        "fa": "این کد قبلاً استفاده شده است. از مدرسه یا مدیر پرونده (klantmanager) خود کد جدید بخواهید.",
        "fa_AF": "این کود قبلاً استفاده شده است. از مکتب یا مدیر پرونده (klantmanager) خود کود جدید بخواهید.",
        "ps": "دا کوډ مخکې کارول شوی دی. له خپل ښوونځي یا klantmanager څخه نوی کوډ وغواړئ.",
        "so": "Koodhkan hore ayaa loo isticmaalay. Weydii dugsigaaga ama klantmanager-kaaga koodh cusub."}},
    {"id": "This code is not known. Check the code and try again.", "t": {
        "nl": "Deze code kennen we niet. Controleer de code en probeer het opnieuw.",
        "en": "This code is not known. Check the code and try again.",
        "ar": "هذا الرمز غير معروف. تحقق من الرمز وحاول مرة أخرى.",
        "ti": "እዚ ኮድ እዚ ኣይፍለጥን። ኮድ ኣረጋግጽ እሞ እንደገና ፈትን።",
        "tr": "Bu kod tanınmıyor. Kodu kontrol edip tekrar deneyin.",
        "fa": "این کد شناخته نشد. کد را بررسی کنید و دوباره تلاش کنید.",
        "fa_AF": "این کود شناخته نشد. کود را بررسی کنید و دوباره کوشش کنید.",
        "ps": "دا کوډ نه پېژندل کېږي. کوډ وګورئ او بیا هڅه وکړئ.",
        "so": "Koodhkan lama yaqaan. Hubi koodhka oo isku day mar kale."}},
    {"id": "Too many wrong codes. Please wait an hour and try again.", "t": {
        "nl": "Te veel verkeerde codes. Wacht een uur en probeer het dan opnieuw.",
        "en": "Too many wrong codes. Please wait an hour and try again.",
        "ar": "رموز خاطئة كثيرة جدًا. يرجى الانتظار ساعة ثم المحاولة مرة أخرى.",
        "ti": "ብዙሓት ጌጋ ኮዳት። በጃኻ ሓደ ሰዓት ተጸበ እሞ እንደገና ፈትን።",
        "tr": "Çok fazla yanlış kod. Lütfen bir saat bekleyip tekrar deneyin.",
        "fa": "تعداد کدهای اشتباه زیاد است. لطفاً یک ساعت صبر کنید و دوباره تلاش کنید.",
        "fa_AF": "تعداد کودهای اشتباه زیاد است. لطفاً یک ساعت صبر کنید و دوباره کوشش کنید.",
        "ps": "ډېر غلط کوډونه. مهرباني وکړئ یو ساعت انتظار وکړئ او بیا هڅه وکړئ.",
        "so": "Koodho khaldan oo aad u badan. Fadlan sug saacad kadibna isku day mar kale."}},
    {"id": "This account is already linked to another Telegram account. Ask your school or klantmanager for help.", "t": {
        "nl": "Dit account is al gekoppeld aan een ander Telegram-account. Vraag je school of klantmanager om hulp.",
        "en": "This account is already linked to another Telegram account. Ask your school or klantmanager for help.",
        "ar": "هذا الحساب مرتبط بالفعل بحساب تيليجرام آخر. اطلب المساعدة من مدرستك أو من مدير حالتك (klantmanager).",
        "ti": "እዚ ሕሳብ እዚ ድሮ ምስ ካልእ ሕሳብ ቴሌግራም ተኣሳሲሩ እዩ። ካብ ቤት ትምህርትኻ ወይ ክላንትማነጀርካ ሓገዝ ሕተት።",
        "tr": "Bu hesap zaten başka bir Telegram hesabına bağlı. Okulunuzdan veya vaka yöneticinizden (klantmanager) yardım isteyin.",
        "fa": "این حساب قبلاً به حساب تلگرام دیگری متصل شده است. از مدرسه یا مدیر پرونده (klantmanager) خود کمک بخواهید.",
        "fa_AF": "این حساب قبلاً به حساب تلگرام دیگری وصل شده است. از مکتب یا مدیر پرونده (klantmanager) خود کمک بخواهید.",
        "ps": "دا حساب مخکې له بل ټلګرام حساب سره وصل شوی دی. له خپل ښوونځي یا klantmanager څخه مرسته وغواړئ.",
        "so": "Koontadan hore ayaa loogu xiray koonto Telegram oo kale. Weydii dugsigaaga ama klantmanager-kaaga caawimo."}},
]

if __name__ == "__main__":
    write_domain("core", ENTRIES)

"""Translations of the klachten feature (issue 5): ``python -m locales.src.klacht`` writes
locales/<lang>/LC_MESSAGES/klacht.po. Participant text in all nine languages, staff and
klantmanager text in Dutch and English. Dutch institutional terms (klacht, klantmanager, gemeente,
rooster, PIP, leerroute, klachtenlijn, College van Arbitrage Inburgeren) stay Dutch, with a short
word in the language where it helps. Edit here, then run the module and ``python -m locales.tool check``.
"""

from locales.tool import write_domain

P = []  # participant entries: (msgid, {lang: text}) with en = msgid unless given

def p(msgid, **t):
    P.append((msgid, t))

p("If your klacht is not solved, you can contact the Blik op Werk klachtenlijn: phone {phone}, e-mail {email}. After the school's procedure you can also ask the College van Arbitrage Inburgeren of Blik op Werk (phone {bow_phone}, {site}) to decide. That costs {amount}; you get it back if you are proven right.",
  nl="Is je klacht niet opgelost? Neem dan contact op met de klachtenlijn van Blik op Werk: telefoon {phone}, e-mail {email}. Na de klachtenprocedure van de school kun je ook het College van Arbitrage Inburgeren van Blik op Werk vragen om een besluit (telefoon {bow_phone}, {site}). Dat kost {amount}; je krijgt het terug als je gelijk krijgt.",
  ar="إذا لم تُحلّ شكواك (klacht)، يمكنك التواصل مع خط الشكاوى (klachtenlijn) لدى Blik op Werk: الهاتف {phone}، البريد الإلكتروني {email}. بعد إجراءات المدرسة يمكنك أيضًا أن تطلب من College van Arbitrage Inburgeren لدى Blik op Werk أن يقرر (الهاتف {bow_phone}، {site}). يكلّف ذلك {amount}، وتستعيده إذا ثبت أنك على حق.",
  ti="ክላኽትኻ (klacht) እንተዘይተፈቲሑ፡ ምስ klachtenlijn ናይ Blik op Werk ክትራኸብ ትኽእል ኢኻ፡ ቴሌፎን {phone}፡ ኢመይል {email}። ድሕሪ መስርሕ ቤት ትምህርቲ ድማ College van Arbitrage Inburgeren ናይ Blik op Werk ክውስን ክትሓትት ትኽእል ኢኻ (ቴሌፎን {bow_phone}፡ {site})። እዚ {amount} የኽፍል፤ ቅኑዕ ምዃንካ እንተተረጋጊጹ ይምለሰልካ።",
  tr="Şikâyetiniz (klacht) çözülmezse Blik op Werk şikâyet hattına (klachtenlijn) başvurabilirsiniz: telefon {phone}, e-posta {email}. Okulun şikâyet sürecinden sonra Blik op Werk'in College van Arbitrage Inburgeren kurulundan da karar isteyebilirsiniz (telefon {bow_phone}, {site}). Bunun ücreti {amount}; haklı çıkarsanız paranız geri verilir.",
  fa="اگر شکایت شما (klacht) حل نشد، می‌توانید با خط شکایت (klachtenlijn) سازمان Blik op Werk تماس بگیرید: تلفن {phone}، ایمیل {email}. پس از روند رسیدگی مدرسه، می‌توانید از College van Arbitrage Inburgeren وابسته به Blik op Werk هم بخواهید که تصمیم بگیرد (تلفن {bow_phone}، {site}). هزینه آن {amount} است؛ اگر حق با شما باشد، این پول به شما برگردانده می‌شود.",
  fa_AF="اگر شکایت شما (klacht) حل نشد، می‌توانید با خط شکایت (klachtenlijn) اداره Blik op Werk به تماس شوید: تیلفون {phone}، ایمیل {email}. بعد از روند رسیدگی مکتب، می‌توانید از College van Arbitrage Inburgeren مربوط به Blik op Werk هم بخواهید که فیصله کند (تیلفون {bow_phone}، {site}). مصرف آن {amount} است؛ اگر حق به جانب شما باشد، این پول دوباره به شما داده می‌شود.",
  ps="که ستاسو شکایت (klacht) حل نه شو، تاسو کولی شئ د Blik op Werk د شکایتونو لیکې (klachtenlijn) سره اړیکه ونیسئ: ټیلیفون {phone}، بریښنالیک {email}. د ښوونځي له پروسې وروسته تاسو کولی شئ د Blik op Werk له College van Arbitrage Inburgeren څخه هم وغواړئ چې پرېکړه وکړي (ټیلیفون {bow_phone}، {site}). دا {amount} لګښت لري؛ که ثابته شي چې تاسو سم یاست، بېرته درکول کېږي.",
  so="Haddii cabashadaada (klacht) aan la xallin, waxaad la xiriiri kartaa khadka cabashooyinka (klachtenlijn) ee Blik op Werk: telefoon {phone}, iimayl {email}. Ka dib habka dugsiga, waxaad sidoo kale weydiisan kartaa College van Arbitrage Inburgeren ee Blik op Werk inuu go'aan gaaro (telefoon {bow_phone}, {site}). Waxay ku kacaysaa {amount}; waa lagu celinayaa haddii lagu caddeeyo inaad xaq leedahay.")

p("Your message has been saved and sent to your klantmanager. Reference: {reference}.",
  nl="Je bericht is opgeslagen en naar je klantmanager gestuurd. Kenmerk: {reference}.",
  ar="تم حفظ رسالتك وإرسالها إلى مدير حالتك (klantmanager). الرقم المرجعي: {reference}.",
  ti="መልእኽትኻ ተዓቂቡ ናብ klantmanager ተላኢኹ ኣሎ። መወከሲ ቁጽሪ: {reference}።",
  tr="Mesajınız kaydedildi ve vaka yöneticinize (klantmanager) gönderildi. Referans: {reference}.",
  fa="پیام شما ذخیره شد و برای مدیر پرونده شما (klantmanager) فرستاده شد. شماره پیگیری: {reference}.",
  fa_AF="پیام شما ذخیره شد و برای مدیر پرونده شما (klantmanager) فرستاده شد. نمبر پیگیری: {reference}.",
  ps="ستاسو پیغام خوندي شو او ستاسو klantmanager ته ولېږل شو. د تعقیب شمېره: {reference}.",
  so="Fariintaada waa la keydiyey waxaana loo diray klantmanager-kaaga. Tixraac: {reference}.")

p("Your klantmanager can talk with the school about it.",
  nl="Je klantmanager kan hierover met de school praten.",
  ar="يمكن لمدير حالتك (klantmanager) أن يتحدث مع المدرسة بشأن ذلك.",
  ti="klantmanager ብዛዕባ እዚ ምስ ቤት ትምህርቲ ክዛረብ ይኽእል።",
  tr="Vaka yöneticiniz (klantmanager) bu konuyu okulla konuşabilir.",
  fa="مدیر پرونده شما (klantmanager) می‌تواند در این باره با مدرسه صحبت کند.",
  fa_AF="مدیر پرونده شما (klantmanager) می‌تواند در این باره با مکتب صحبت کند.",
  ps="ستاسو klantmanager کولی شي د دې په اړه له ښوونځي سره خبرې وکړي.",
  so="Klantmanager-kaagu arrintan wuu kala hadli karaa dugsiga.")

p("You asked to stay anonymous: the school will not get your name.",
  nl="Je wilt anoniem blijven: de school krijgt je naam niet.",
  ar="طلبت أن تبقى مجهول الهوية: لن تحصل المدرسة على اسمك.",
  ti="ስምካ ከይፍለጥ ሓቲትካ ኢኻ፡ ቤት ትምህርቲ ስምካ ኣይክትረክብን እያ።",
  tr="Anonim kalmak istediniz: okul adınızı öğrenmeyecek.",
  fa="خواستید ناشناس بمانید: مدرسه نام شما را دریافت نمی‌کند.",
  fa_AF="خواستید ناشناس بمانید: مکتب نام شما را دریافت نمی‌کند.",
  ps="تاسو غوښتل چې نوم مو پټ پاتې شي: ښوونځی به ستاسو نوم ترلاسه نه کړي.",
  so="Waxaad codsatay inaad qarsoonaato: dugsigu magacaaga ma heli doono.")

p("Your klacht has been received and saved. Reference: {reference}.",
  nl="Je klacht is ontvangen en opgeslagen. Kenmerk: {reference}.",
  ar="تم استلام شكواك (klacht) وحفظها. الرقم المرجعي: {reference}.",
  ti="ክላኽትኻ (klacht) ተቐቢሉ ተዓቂቡ ኣሎ። መወከሲ ቁጽሪ: {reference}።",
  tr="Şikâyetiniz (klacht) alındı ve kaydedildi. Referans: {reference}.",
  fa="شکایت شما (klacht) دریافت و ذخیره شد. شماره پیگیری: {reference}.",
  fa_AF="شکایت شما (klacht) دریافت و ذخیره شد. نمبر پیگیری: {reference}.",
  ps="ستاسو شکایت (klacht) ترلاسه او خوندي شو. د تعقیب شمېره: {reference}.",
  so="Cabashadaada (klacht) waa la helay waana la keydiyey. Tixraac: {reference}.")

p("By {date} the school must tell you whether it will handle your klacht.",
  nl="Uiterlijk {date} moet de school je laten weten of ze je klacht in behandeling neemt.",
  ar="يجب على المدرسة أن تخبرك بحلول {date} هل ستنظر في شكواك أم لا.",
  ti="ቤት ትምህርቲ ክሳዕ {date} ክላኽትኻ ክትርእዮ እንተኾይና ክትነግረካ ኣለዋ።",
  tr="Okul en geç {date} tarihine kadar şikâyetinizi ele alıp almayacağını size bildirmelidir.",
  fa="مدرسه باید تا {date} به شما بگوید که آیا به شکایت شما رسیدگی می‌کند یا نه.",
  fa_AF="مکتب باید تا {date} به شما بگوید که آیا به شکایت شما رسیدگی می‌کند یا نه.",
  ps="ښوونځی باید تر {date} پورې تاسو ته ووایي چې آیا ستاسو شکایت ته به رسیدګي وکړي که نه.",
  so="Ugu dambayn {date} dugsigu waa inuu kuu sheegaa inuu cabashadaada wax ka qabanayo iyo in kale.")

p("By {date} the school must have handled your klacht.",
  nl="Uiterlijk {date} moet de school je klacht hebben afgehandeld.",
  ar="يجب على المدرسة أن تنتهي من معالجة شكواك بحلول {date}.",
  ti="ቤት ትምህርቲ ክሳዕ {date} ክላኽትኻ ክትውድኦ ኣለዋ።",
  tr="Okul şikâyetinizi en geç {date} tarihine kadar sonuçlandırmış olmalıdır.",
  fa="مدرسه باید تا {date} رسیدگی به شکایت شما را تمام کرده باشد.",
  fa_AF="مکتب باید تا {date} رسیدگی به شکایت شما را تمام کرده باشد.",
  ps="ښوونځی باید تر {date} پورې ستاسو شکایت ته رسیدګي بشپړه کړي.",
  so="Ugu dambayn {date} dugsigu waa inuu dhammeeyey cabashadaada.")

p("You can see your klachten with /mijnklachten.",
  nl="Je ziet je klachten met /mijnklachten.",
  ar="يمكنك رؤية شكاواك عبر /mijnklachten.",
  ti="ክላኽትታትካ ብ /mijnklachten ክትርእዮም ትኽእል ኢኻ።",
  tr="Şikâyetlerinizi /mijnklachten ile görebilirsiniz.",
  fa="شکایت‌های خود را با /mijnklachten می‌بینید.",
  fa_AF="شکایت‌های خود را با /mijnklachten می‌بینید.",
  ps="خپل شکایتونه د /mijnklachten په مرسته لیدلی شئ.",
  so="Cabashooyinkaaga waxaad ku arki kartaa /mijnklachten.")

p("The school is now handling your klacht {reference}. It must be handled by {date}.",
  nl="De school behandelt nu je klacht {reference}. Ze moet uiterlijk {date} afgehandeld zijn.",
  ar="المدرسة تعالج الآن شكواك {reference}. يجب الانتهاء منها بحلول {date}.",
  ti="ቤት ትምህርቲ ሕጂ ክላኽትኻ {reference} ትርእዮ ኣላ። ክሳዕ {date} ክውዳእ ኣለዎ።",
  tr="Okul şu anda {reference} numaralı şikâyetinizi ele alıyor. En geç {date} tarihine kadar sonuçlanmalıdır.",
  fa="مدرسه اکنون به شکایت {reference} شما رسیدگی می‌کند. باید تا {date} تمام شود.",
  fa_AF="مکتب اکنون به شکایت {reference} شما رسیدگی می‌کند. باید تا {date} تمام شود.",
  ps="ښوونځی اوس ستاسو شکایت {reference} ته رسیدګي کوي. باید تر {date} پورې بشپړ شي.",
  so="Dugsigu hadda wuxuu wax ka qabanayaa cabashadaada {reference}. Waa in la dhammeeyaa ugu dambayn {date}.")

p("I am satisfied", nl="Ik ben tevreden", ar="أنا راضٍ", ti="ዕጉብ እየ", tr="Memnunum",
  fa="راضی هستم", fa_AF="راضی هستم", ps="زه راضي یم", so="Waan ku qanacsanahay")
p("I am not satisfied", nl="Ik ben niet tevreden", ar="أنا غير راضٍ", ti="ዕጉብ ኣይኮንኩን",
  tr="Memnun değilim", fa="راضی نیستم", fa_AF="راضی نیستم", ps="زه راضي نه یم",
  so="Kuma qanacsani")

p("The school will not take your klacht {reference} into treatment.",
  nl="De school neemt je klacht {reference} niet in behandeling.",
  ar="لن تنظر المدرسة في شكواك {reference}.",
  ti="ቤት ትምህርቲ ክላኽትኻ {reference} ኣይክትርእዮን እያ።",
  tr="Okul {reference} numaralı şikâyetinizi ele almayacak.",
  fa="مدرسه به شکایت {reference} شما رسیدگی نمی‌کند.",
  fa_AF="مکتب به شکایت {reference} شما رسیدگی نمی‌کند.",
  ps="ښوونځی به ستاسو شکایت {reference} ته رسیدګي ونه کړي.",
  so="Dugsigu wax kama qabanayo cabashadaada {reference}.")

p("The school's reason: {reason}", nl="De reden van de school: {reason}",
  ar="سبب المدرسة: {reason}", ti="ምኽንያት ቤት ትምህርቲ: {reason}", tr="Okulun gerekçesi: {reason}",
  fa="دلیل مدرسه: {reason}", fa_AF="دلیل مکتب: {reason}", ps="د ښوونځي دلیل: {reason}",
  so="Sababta dugsiga: {reason}")

p("The school has a question about your klacht {reference}:",
  nl="De school heeft een vraag over je klacht {reference}:",
  ar="لدى المدرسة سؤال عن شكواك {reference}:",
  ti="ቤት ትምህርቲ ብዛዕባ ክላኽትኻ {reference} ሕቶ ኣለዋ:",
  tr="Okulun {reference} numaralı şikâyetinizle ilgili bir sorusu var:",
  fa="مدرسه درباره شکایت {reference} شما یک سؤال دارد:",
  fa_AF="مکتب درباره شکایت {reference} شما یک سؤال دارد:",
  ps="ښوونځی ستاسو د شکایت {reference} په اړه یوه پوښتنه لري:",
  so="Dugsigu su'aal ayuu ka qabaa cabashadaada {reference}:")

p("Press the button to answer. Your answer goes through this bot.",
  nl="Druk op de knop om te antwoorden. Je antwoord gaat via deze bot.",
  ar="اضغط على الزر للإجابة. تصل إجابتك عبر هذا البوت.",
  ti="ንምምላስ ነቲ መጠወቒ ጠውቕ። መልስኻ ብዚ ቦት እዩ ዝኸይድ።",
  tr="Yanıtlamak için düğmeye basın. Yanıtınız bu bot üzerinden iletilir.",
  fa="برای پاسخ دادن دکمه را بزنید. پاسخ شما از طریق این ربات می‌رود.",
  fa_AF="برای جواب دادن دکمه را فشار دهید. جواب شما از طریق این ربات می‌رود.",
  ps="د ځواب لپاره تڼۍ کېکاږئ. ستاسو ځواب د دې بوټ له لارې ځي.",
  so="Riix badhanka si aad uga jawaabto. Jawaabtaadu waxay sii martaa botkan.")

p("Answer", nl="Antwoorden", ar="أجب", ti="መልስ", tr="Yanıtla", fa="پاسخ", fa_AF="جواب",
  ps="ځواب", so="Jawaab")

p("Your klacht {reference} has been handled.", nl="Je klacht {reference} is afgehandeld.",
  ar="تمت معالجة شكواك {reference}.", ti="ክላኽትኻ {reference} ተወዲኡ ኣሎ።",
  tr="{reference} numaralı şikâyetiniz sonuçlandı.", fa="رسیدگی به شکایت {reference} شما تمام شد.",
  fa_AF="رسیدگی به شکایت {reference} شما تمام شد.", ps="ستاسو شکایت {reference} ته رسیدګي بشپړه شوه.",
  so="Cabashadaada {reference} waa la dhammeeyey.")

p("Outcome: {outcome}", nl="Uitkomst: {outcome}", ar="النتيجة: {outcome}", ti="ውጽኢት: {outcome}",
  tr="Sonuç: {outcome}", fa="نتیجه: {outcome}", fa_AF="نتیجه: {outcome}", ps="پایله: {outcome}",
  so="Natiijada: {outcome}")

p("The school wrote: {text}", nl="De school schreef: {text}", ar="كتبت المدرسة: {text}",
  ti="ቤት ትምህርቲ ጽሒፋ: {text}", tr="Okulun yazdığı: {text}", fa="مدرسه نوشت: {text}",
  fa_AF="مکتب نوشت: {text}", ps="ښوونځي ولیکل: {text}", so="Dugsigu wuxuu qoray: {text}")

p("Are you satisfied with how your klacht was handled?",
  nl="Ben je tevreden over hoe je klacht is afgehandeld?",
  ar="هل أنت راضٍ عن طريقة معالجة شكواك؟",
  ti="ብኣገባብ ኣተሓሕዛ ክላኽትኻ ዕጉብ ዲኻ?",
  tr="Şikâyetinizin ele alınma şeklinden memnun musunuz?",
  fa="آیا از نحوه رسیدگی به شکایت خود راضی هستید؟",
  fa_AF="آیا از طرز رسیدگی به شکایت خود راضی هستید؟",
  ps="آیا ستاسو د شکایت په رسیدګۍ راضي یاست؟",
  so="Ma ku qanacsan tahay sida cabashadaada wax looga qabtay?")

p("The school did not keep the deadline for your klacht {reference}.",
  nl="De school heeft de termijn voor je klacht {reference} niet gehaald.",
  ar="لم تلتزم المدرسة بالموعد النهائي لشكواك {reference}.",
  ti="ቤት ትምህርቲ ነቲ ናይ ክላኽትኻ {reference} ግዜ ገደብ ኣየኽበረቶን።",
  tr="Okul {reference} numaralı şikâyetiniz için süreye uymadı.",
  fa="مدرسه مهلت شکایت {reference} شما را رعایت نکرد.",
  fa_AF="مکتب مهلت شکایت {reference} شما را رعایت نکرد.",
  ps="ښوونځي ستاسو د شکایت {reference} لپاره ټاکلې موده پوره نه کړه.",
  so="Dugsigu ma ilaalin waqtiga cabashadaada {reference}.")

p("We have told the school and your klantmanager.",
  nl="We hebben de school en je klantmanager ingelicht.",
  ar="لقد أبلغنا المدرسة ومدير حالتك (klantmanager).",
  ti="ንቤት ትምህርትን ንklantmanager-ካን ሓቢርናዮም ኣለና።",
  tr="Okulu ve vaka yöneticinizi (klantmanager) bilgilendirdik.",
  fa="ما به مدرسه و مدیر پرونده شما (klantmanager) خبر دادیم.",
  fa_AF="ما به مکتب و مدیر پرونده شما (klantmanager) خبر دادیم.",
  ps="موږ ښوونځی او ستاسو klantmanager خبر کړل.",
  so="Waxaan u sheegnay dugsiga iyo klantmanager-kaaga.")

p("The lessons (quality)", nl="De lessen (kwaliteit)", ar="الدروس (الجودة)", ti="ትምህርትታት (ብቕዓት)",
  tr="Dersler (kalite)", fa="درس‌ها (کیفیت)", fa_AF="درس‌ها (کیفیت)", ps="لوستونه (کیفیت)",
  so="Casharrada (tayada)")
p("The teacher", nl="De docent", ar="المعلّم", ti="መምህር", tr="Öğretmen", fa="معلم",
  fa_AF="استاد", ps="ښوونکی", so="Macallinka")
p("Group size or who is in the group", nl="De grootte van de groep of wie erin zit",
  ar="حجم المجموعة أو من فيها", ti="ዓቐን ጉጅለ ወይ መን ኣብኡ ከም ዘሎ", tr="Grubun büyüklüğü veya gruptakiler",
  fa="اندازه گروه یا اینکه چه کسانی در گروه هستند", fa_AF="اندازه گروپ یا اینکه چه کسانی در گروپ هستند",
  ps="د ډلې اندازه یا دا چې څوک په ډله کې دي", so="Tirada kooxda ama cidda kooxda ku jirta")
p("Invoice or contract", nl="Factuur of contract", ar="الفاتورة أو العقد", ti="ፋክቱራ ወይ ውዕል",
  tr="Fatura veya sözleşme", fa="صورت‌حساب یا قرارداد", fa_AF="بل یا قرارداد", ps="بل یا تړون",
  so="Biil ama qandaraas")
p("The timetable (rooster)", nl="Het rooster", ar="جدول الدروس (rooster)", ti="ሰሌዳ ትምህርቲ (rooster)",
  tr="Ders programı (rooster)", fa="برنامه درسی (rooster)", fa_AF="تقسیم اوقات (rooster)",
  ps="مهالویش (rooster)", so="Jadwalka (rooster)")
p("How I am treated, or safety", nl="Hoe ik behandeld word, of veiligheid",
  ar="طريقة معاملتي، أو السلامة", ti="ኣተሓሕዛይ ወይ ድሕንነት", tr="Bana nasıl davranıldığı veya güvenlik",
  fa="رفتار با من، یا امنیت", fa_AF="رفتار با من، یا امنیت", ps="له ما سره چلند، یا خوندیتوب",
  so="Sida la ii dhaqmo, ama badbaadada")
p("Something about the gemeente", nl="Iets over de gemeente", ar="أمر يتعلق بالبلدية (gemeente)",
  ti="ብዛዕባ gemeente (ምምሕዳር ከተማ) ዝኾነ ነገር", tr="Belediye (gemeente) ile ilgili bir konu",
  fa="موضوعی درباره شهرداری (gemeente)", fa_AF="موضوعی درباره شاروالی (gemeente)",
  ps="د ښاروالۍ (gemeente) په اړه یو څه", so="Wax ku saabsan dowladda hoose (gemeente)")
p("Something else", nl="Iets anders", ar="شيء آخر", ti="ካልእ ነገር", tr="Başka bir şey",
  fa="چیز دیگری", fa_AF="چیز دیگری", ps="بل څه", so="Wax kale")

p("The school agrees with your klacht", nl="De school geeft je gelijk",
  ar="المدرسة توافق على شكواك", ti="ቤት ትምህርቲ ምስ ክላኽትኻ ትሰማማዕ", tr="Okul şikâyetinizde size hak veriyor",
  fa="مدرسه با شکایت شما موافق است", fa_AF="مکتب با شکایت شما موافق است",
  ps="ښوونځی ستاسو له شکایت سره موافق دی", so="Dugsigu wuu ku raacsan yahay cabashadaada")
p("The school partly agrees with your klacht", nl="De school geeft je gedeeltelijk gelijk",
  ar="المدرسة توافق جزئيًا على شكواك", ti="ቤት ትምህርቲ ብኸፊል ምስ ክላኽትኻ ትሰማማዕ",
  tr="Okul şikâyetinizde size kısmen hak veriyor", fa="مدرسه تا حدی با شکایت شما موافق است",
  fa_AF="مکتب تا اندازه‌ای با شکایت شما موافق است", ps="ښوونځی تر یوه حده ستاسو له شکایت سره موافق دی",
  so="Dugsigu qayb ahaan wuu ku raacsan yahay cabashadaada")
p("The school does not agree with your klacht", nl="De school geeft je geen gelijk",
  ar="المدرسة لا توافق على شكواك", ti="ቤት ትምህርቲ ምስ ክላኽትኻ ኣይትሰማማዕን",
  tr="Okul şikâyetinizde size hak vermiyor", fa="مدرسه با شکایت شما موافق نیست",
  fa_AF="مکتب با شکایت شما موافق نیست", ps="ښوونځی ستاسو له شکایت سره موافق نه دی",
  so="Dugsigu kuma raacsana cabashadaada")
p("Solved together with you", nl="Samen met jou opgelost", ar="تم الحل بالاتفاق معك",
  ti="ምሳኻ ብሓባር ተፈቲሑ", tr="Sizinle birlikte çözüldü", fa="با همکاری شما حل شد",
  fa_AF="با همکاری شما حل شد", ps="ستاسو سره یوځای حل شو", so="Adiga oo lala xalliyey")
p("Not taken into treatment", nl="Niet in behandeling genomen", ar="لم يتم النظر فيها",
  ti="ኣይተራእየን", tr="Ele alınmadı", fa="رسیدگی نشد", fa_AF="رسیدگی نشد",
  ps="رسیدګي ورته ونه شوه", so="Wax lagama qaban")

p("File a klacht (complaint)", nl="Een klacht indienen", ar="تقديم شكوى (klacht)",
  ti="ክላኽት (ጥርዓን) ኣቕርብ", tr="Şikâyet (klacht) bildirin", fa="ثبت شکایت (klacht)",
  fa_AF="ثبت شکایت (klacht)", ps="شکایت (klacht) وړاندې کړئ", so="Soo gudbi cabasho (klacht)")
p("Stop", nl="Stoppen", ar="إيقاف", ti="ኣቋርጽ", tr="Dur", fa="توقف", fa_AF="توقف", ps="ودرول",
  so="Jooji")
p("What is your klacht about? Choose one.", nl="Waar gaat je klacht over? Kies er één.",
  ar="عمَّ تتحدث شكواك؟ اختر واحدًا.", ti="ክላኽትኻ ብዛዕባ እንታይ እዩ? ሓደ ምረጽ።",
  tr="Şikâyetiniz ne hakkında? Birini seçin.", fa="شکایت شما درباره چیست؟ یکی را انتخاب کنید.",
  fa_AF="شکایت شما درباره چیست؟ یکی را انتخاب کنید.", ps="ستاسو شکایت د څه په اړه دی؟ یو وټاکئ.",
  so="Cabashadaadu maxay ku saabsan tahay? Mid dooro.")
p("Tell us what happened, in your own words and in your own language. You can write, send a voice message, a photo or a document. At most {limit} characters of text.",
  nl="Vertel wat er gebeurd is, in je eigen woorden en in je eigen taal. Je kunt schrijven, of een spraakbericht, foto of document sturen. Hoogstens {limit} tekens tekst.",
  ar="أخبرنا بما حدث، بكلماتك وبلغتك. يمكنك الكتابة، أو إرسال رسالة صوتية أو صورة أو مستند. الحد الأقصى {limit} حرفًا من النص.",
  ti="እንታይ ከም ዘጋጠመ ብቓላትካን ብቋንቋኻን ንገረና። ክትጽሕፍ፡ ናይ ድምጺ መልእኽቲ፡ ስእሊ ወይ ሰነድ ክትሰድድ ትኽእል ኢኻ። እንተበዝሐ {limit} ፊደላት ጽሑፍ።",
  tr="Ne olduğunu kendi sözlerinizle ve kendi dilinizde anlatın. Yazabilir, sesli mesaj, fotoğraf veya belge gönderebilirsiniz. Metin en fazla {limit} karakter olabilir.",
  fa="آنچه اتفاق افتاد را با کلمات و زبان خودتان بگویید. می‌توانید بنویسید، یا پیام صوتی، عکس یا سند بفرستید. حداکثر {limit} نویسه متن.",
  fa_AF="آنچه اتفاق افتاد را با کلمات و زبان خودتان بگویید. می‌توانید بنویسید، یا پیام صوتی، عکس یا سند بفرستید. حداکثر {limit} حرف متن.",
  ps="موږ ته ووایاست چې څه پېښ شول، په خپلو ټکو او خپله ژبه. تاسو لیکلی شئ، یا غږیز پیغام، انځور یا سند لېږلی شئ. تر ټولو ډېر {limit} توري متن.",
  so="Noo sheeg waxa dhacay, erayadaada iyo luqaddaada. Waad qori kartaa, ama soo diri kartaa fariin cod ah, sawir ama dukumenti. Ugu badnaan {limit} xaraf oo qoraal ah.")
p("Done", nl="Klaar", ar="تم", ti="ተወዲኡ", tr="Bitti", fa="تمام", fa_AF="تمام", ps="بشپړ",
  so="Waa dhammaatay")
p("Who should get it?", nl="Wie moet het krijgen?", ar="إلى من يجب أن تصل؟", ti="መን ክበጽሖ ኣለዎ?",
  tr="Kime gitsin?", fa="چه کسی باید آن را دریافت کند؟", fa_AF="چه کسی باید آن را دریافت کند؟",
  ps="څوک یې باید ترلاسه کړي؟", so="Yaa helaya?")
p("A formal klacht goes to the school. The school must answer within 6 weeks.",
  nl="Een officiële klacht gaat naar de school. De school moet binnen 6 weken antwoorden.",
  ar="الشكوى الرسمية تذهب إلى المدرسة. يجب على المدرسة أن تجيب خلال 6 أسابيع.",
  ti="ወግዓዊ ክላኽት ናብ ቤት ትምህርቲ ይኸይድ። ቤት ትምህርቲ ኣብ ውሽጢ 6 ሰሙን ክትምልስ ኣለዋ።",
  tr="Resmî şikâyet okula gider. Okul 6 hafta içinde yanıt vermelidir.",
  fa="شکایت رسمی به مدرسه می‌رود. مدرسه باید ظرف ۶ هفته پاسخ دهد.",
  fa_AF="شکایت رسمی به مکتب می‌رود. مکتب باید در ظرف ۶ هفته جواب بدهد.",
  ps="رسمي شکایت ښوونځي ته ځي. ښوونځی باید په ۶ اونیو کې ځواب ورکړي.",
  so="Cabasho rasmi ah waxay u socotaa dugsiga. Dugsigu waa inuu ku jawaabaa 6 toddobaad gudahood.")
p("A signal goes to your klantmanager of the gemeente, who can talk with the school.",
  nl="Een signaal gaat naar je klantmanager van de gemeente, die met de school kan praten.",
  ar="الإشارة (signaal) تذهب إلى مدير حالتك في البلدية (klantmanager)، الذي يمكنه التحدث مع المدرسة.",
  ti="ምልክት (signaal) ናብ klantmanager ናይ gemeente ይኸይድ፡ ንሱ ምስ ቤት ትምህርቲ ክዛረብ ይኽእል።",
  tr="Bir bildirim (signaal), belediyedeki vaka yöneticinize (klantmanager) gider; o da okulla konuşabilir.",
  fa="یک گزارش (signaal) به مدیر پرونده شما در شهرداری (klantmanager) می‌رود که می‌تواند با مدرسه صحبت کند.",
  fa_AF="یک گزارش (signaal) به مدیر پرونده شما در شاروالی (klantmanager) می‌رود که می‌تواند با مکتب صحبت کند.",
  ps="یو خبرتیا (signaal) د ښاروالۍ ستاسو klantmanager ته ځي، چې له ښوونځي سره خبرې کولی شي.",
  so="Digniin (signaal) waxay u socotaa klantmanager-kaaga ee dowladda hoose, oo la hadli kara dugsiga.")
p("A formal klacht to the school", nl="Een officiële klacht aan de school",
  ar="شكوى رسمية إلى المدرسة", ti="ወግዓዊ ክላኽት ናብ ቤት ትምህርቲ", tr="Okula resmî şikâyet",
  fa="شکایت رسمی به مدرسه", fa_AF="شکایت رسمی به مکتب", ps="ښوونځي ته رسمي شکایت",
  so="Cabasho rasmi ah oo loo diro dugsiga")
p("A signal to my klantmanager", nl="Een signaal aan mijn klantmanager",
  ar="إشارة إلى مدير حالتي (klantmanager)", ti="ምልክት ናብ klantmanager-ይ", tr="Vaka yöneticime bildirim",
  fa="گزارش به مدیر پرونده‌ام", fa_AF="گزارش به مدیر پرونده‌ام", ps="زما klantmanager ته خبرتیا",
  so="Digniin loo diro klantmanager-kayga")
p("Nobody of these / I do not know", nl="Niemand van hen / ik weet het niet",
  ar="لا أحد منهم / لا أعرف", ti="ካብዚኣቶም ሓደ እኳ የለን / ኣይፈልጥን", tr="Hiçbiri / Bilmiyorum",
  fa="هیچ‌کدام / نمی‌دانم", fa_AF="هیچ‌کدام / نمی‌دانم", ps="له دوی هیڅوک / نه پوهېږم",
  so="Midkoodna / Ma garanayo")
p("Next", nl="Verder", ar="التالي", ti="ቀጽል", tr="İleri", fa="بعدی", fa_AF="بعدی", ps="بل",
  so="Xiga")
p("Is one of these people of the school part of your klacht? Then they will not handle it. Press a name, or 'Nobody'.",
  nl="Gaat je klacht over iemand van deze mensen van de school? Dan behandelt die persoon hem niet. Druk op een naam, of op 'Niemand'.",
  ar="هل أحد هؤلاء الأشخاص من المدرسة له علاقة بشكواك؟ عندها لن يعالجها. اضغط على اسم، أو على 'لا أحد'.",
  ti="ካብዞም ሰባት ቤት ትምህርቲ ሓደ ኣብ ክላኽትኻ ዝምልከቶ ኣሎ ድዩ? ሽዑ ንሱ ኣይክርእዮን እዩ። ሓደ ስም ጠውቕ፡ ወይ 'ሓደ እኳ የለን'።",
  tr="Okuldaki bu kişilerden biri şikâyetinizle ilgili mi? O zaman şikâyetinizi o kişi ele almaz. Bir isme veya 'Hiçbiri'ne basın.",
  fa="آیا یکی از این افراد مدرسه در شکایت شما نقش دارد؟ در این صورت او به آن رسیدگی نمی‌کند. روی یک نام بزنید، یا 'هیچ‌کدام'.",
  fa_AF="آیا یکی از این افراد مکتب در شکایت شما نقش دارد؟ در این صورت او به آن رسیدگی نمی‌کند. یک نام را فشار دهید، یا 'هیچ‌کدام'.",
  ps="آیا د ښوونځي له دې کسانو څخه یو څوک ستاسو په شکایت کې شامل دی؟ بیا به هغه ورته رسیدګي ونه کړي. یو نوم یا 'هیڅوک' کېکاږئ.",
  so="Ma jiraa qof ka mid ah dadkan dugsiga oo ku lug leh cabashadaada? Markaas isagu wax kama qaban doono. Riix magac, ama 'Midkoodna'.")
p("Your klantmanager will see your name. May the school see your name too?",
  nl="Je klantmanager ziet je naam. Mag de school je naam ook zien?",
  ar="سيرى مدير حالتك (klantmanager) اسمك. هل يمكن للمدرسة أن ترى اسمك أيضًا؟",
  ti="klantmanager ስምካ ክርኢ እዩ። ቤት ትምህርቲ እውን ስምካ ክትርኢ ትኽእል ድያ?",
  tr="Vaka yöneticiniz adınızı görecek. Okul da adınızı görebilir mi?",
  fa="مدیر پرونده شما نام شما را می‌بیند. آیا مدرسه هم می‌تواند نام شما را ببیند؟",
  fa_AF="مدیر پرونده شما نام شما را می‌بیند. آیا مکتب هم می‌تواند نام شما را ببیند؟",
  ps="ستاسو klantmanager به ستاسو نوم وویني. آیا ښوونځی هم ستاسو نوم لیدلی شي؟",
  so="Klantmanager-kaagu wuu arki doonaa magacaaga. Dugsigu ma arki karaa magacaaga sidoo kale?")
p("May the school see your name? If not, you stay anonymous: the school only sees your klacht, and questions come to you through this bot.",
  nl="Mag de school je naam zien? Zo niet, dan blijf je anoniem: de school ziet alleen je klacht, en vragen komen via deze bot bij je.",
  ar="هل يمكن للمدرسة أن ترى اسمك؟ إذا لم توافق، تبقى مجهول الهوية: ترى المدرسة شكواك فقط، وتصلك الأسئلة عبر هذا البوت.",
  ti="ቤት ትምህርቲ ስምካ ክትርኢ ትኽእል ድያ? እንተዘይኮይኑ፡ ስምካ ሕቡእ ይጸንሕ፡ ቤት ትምህርቲ ክላኽትኻ ጥራይ ትርኢ፡ ሕቶታት ድማ ብዚ ቦት ይመጽኡኻ።",
  tr="Okul adınızı görebilir mi? Hayır derseniz anonim kalırsınız: okul sadece şikâyetinizi görür, sorular size bu bot üzerinden gelir.",
  fa="آیا مدرسه می‌تواند نام شما را ببیند؟ اگر نه، ناشناس می‌مانید: مدرسه فقط شکایت شما را می‌بیند و سؤال‌ها از طریق این ربات به شما می‌رسد.",
  fa_AF="آیا مکتب می‌تواند نام شما را ببیند؟ اگر نه، ناشناس می‌مانید: مکتب فقط شکایت شما را می‌بیند و سؤال‌ها از طریق این ربات به شما می‌رسد.",
  ps="آیا ښوونځی ستاسو نوم لیدلی شي؟ که نه، نوم مو پټ پاتې کېږي: ښوونځی یوازې ستاسو شکایت ویني، او پوښتنې د دې بوټ له لارې تاسو ته راځي.",
  so="Dugsigu ma arki karaa magacaaga? Haddii kale, waad qarsoonaanaysaa: dugsigu wuxuu arkaa oo keliya cabashadaada, su'aalahana waxay kuugu imanayaan botkan.")
p("Yes, show my name", nl="Ja, laat mijn naam zien", ar="نعم، أظهر اسمي", ti="እወ፡ ስመይ ኣርኢ",
  tr="Evet, adımı göster", fa="بله، نامم را نشان بده", fa_AF="بلی، نامم را نشان بده",
  ps="هو، زما نوم وښایه", so="Haa, tus magacayga")
p("No, keep me anonymous", nl="Nee, houd me anoniem", ar="لا، أبقِني مجهول الهوية",
  ti="ኣይፋል፡ ስመይ ሕቡእ ይጸንሕ", tr="Hayır, anonim kalayım", fa="نه، ناشناس بمانم",
  fa_AF="نخیر، ناشناس بمانم", ps="نه، نوم مې پټ وساته", so="Maya, i qari")
p("a formal klacht to the school", nl="een officiële klacht aan de school",
  ar="شكوى رسمية إلى المدرسة", ti="ወግዓዊ ክላኽት ናብ ቤት ትምህርቲ", tr="okula resmî şikâyet",
  fa="شکایت رسمی به مدرسه", fa_AF="شکایت رسمی به مکتب", ps="ښوونځي ته رسمي شکایت",
  so="cabasho rasmi ah oo loo diro dugsiga")
p("a signal to your klantmanager", nl="een signaal aan je klantmanager",
  ar="إشارة إلى مدير حالتك (klantmanager)", ti="ምልክት ናብ klantmanager-ካ", tr="vaka yöneticinize bildirim",
  fa="گزارش به مدیر پرونده شما", fa_AF="گزارش به مدیر پرونده شما", ps="ستاسو klantmanager ته خبرتیا",
  so="digniin loo diro klantmanager-kaaga")
p("Please check your klacht:", nl="Controleer je klacht:", ar="يرجى مراجعة شكواك:",
  ti="በጃኻ ክላኽትኻ ኣረጋግጽ:", tr="Lütfen şikâyetinizi kontrol edin:", fa="لطفاً شکایت خود را بررسی کنید:",
  fa_AF="لطفاً شکایت خود را بررسی کنید:", ps="مهرباني وکړئ خپل شکایت وګورئ:",
  so="Fadlan hubi cabashadaada:")
p("About: {topic}", nl="Over: {topic}", ar="الموضوع: {topic}", ti="ብዛዕባ: {topic}", tr="Konu: {topic}",
  fa="درباره: {topic}", fa_AF="درباره: {topic}", ps="په اړه: {topic}", so="Ku saabsan: {topic}")
p("To: {recipient}", nl="Aan: {recipient}", ar="إلى: {recipient}", ti="ናብ: {recipient}",
  tr="Kime: {recipient}", fa="به: {recipient}", fa_AF="به: {recipient}", ps="ته: {recipient}",
  so="Loo diray: {recipient}")
p("Anonymous: {answer}", nl="Anoniem: {answer}", ar="مجهول الهوية: {answer}", ti="ስም ሕቡእ: {answer}",
  tr="Anonim: {answer}", fa="ناشناس: {answer}", fa_AF="ناشناس: {answer}", ps="پټ نوم: {answer}",
  so="Qarsoon: {answer}")

p("yes", nl="ja", ar="نعم", ti="እወ", tr="evet", fa="بله", fa_AF="بلی", ps="هو", so="haa")
p("no", nl="nee", ar="لا", ti="ኣይፋል", tr="hayır", fa="نه", fa_AF="نخیر", ps="نه", so="maya")
PLURAL = ("{n} file (voice message, photo or document)",
          "{n} files (voice messages, photos or documents)", {
              "nl": ["{n} bestand (spraakbericht, foto of document)",
                     "{n} bestanden (spraakberichten, foto's of documenten)"],
              "en": ["{n} file (voice message, photo or document)",
                     "{n} files (voice messages, photos or documents)"],
              "ar": ["لا ملفات ({n})", "ملف واحد (رسالة صوتية أو صورة أو مستند)",
                     "ملفان (رسائل صوتية أو صور أو مستندات)", "{n} ملفات (رسائل صوتية أو صور أو مستندات)",
                     "{n} ملفًا (رسائل صوتية أو صور أو مستندات)", "{n} ملف (رسائل صوتية أو صور أو مستندات)"],
              "ti": ["{n} ፋይል (ናይ ድምጺ መልእኽቲ፡ ስእሊ ወይ ሰነድ)", "{n} ፋይላት (ናይ ድምጺ መልእኽትታት፡ ስእልታት ወይ ሰነዳት)"],
              "tr": ["{n} dosya (sesli mesaj, fotoğraf veya belge)", "{n} dosya (sesli mesaj, fotoğraf veya belge)"],
              "fa": ["{n} فایل (پیام صوتی، عکس یا سند)", "{n} فایل (پیام صوتی، عکس یا سند)"],
              "fa_AF": ["{n} فایل (پیام صوتی، عکس یا سند)", "{n} فایل (پیام صوتی، عکس یا سند)"],
              "ps": ["{n} فایل (غږیز پیغام، انځور یا سند)", "{n} فایلونه (غږیز پیغامونه، انځورونه یا اسناد)"],
              "so": ["{n} fayl (fariin cod ah, sawir ama dukumenti)", "{n} fayl (fariimo cod ah, sawirro ama dukumentiyo)"],
          })
p("Send", nl="Versturen", ar="إرسال", ti="ስደድ", tr="Gönder", fa="ارسال", fa_AF="ارسال", ps="ولېږه",
  so="Dir")
p("Change the topic", nl="Onderwerp wijzigen", ar="تغيير الموضوع", ti="ኣርእስቲ ቀይር", tr="Konuyu değiştir",
  fa="تغییر موضوع", fa_AF="تغییر موضوع", ps="موضوع بدل کړه", so="Beddel mawduuca")
p("Change the text", nl="Tekst wijzigen", ar="تغيير النص", ti="ጽሑፍ ቀይር", tr="Metni değiştir",
  fa="تغییر متن", fa_AF="تغییر متن", ps="متن بدل کړه", so="Beddel qoraalka")
p("Change who gets it", nl="Ontvanger wijzigen", ar="تغيير المستلم", ti="ተቐባሊ ቀይር", tr="Alıcıyı değiştir",
  fa="تغییر گیرنده", fa_AF="تغییر گیرنده", ps="ترلاسه کوونکی بدل کړه", so="Beddel cidda helaysa")
p("Change anonymity", nl="Anoniem wijzigen", ar="تغيير إخفاء الهوية", ti="ምሕባእ ስም ቀይር",
  tr="Anonimliği değiştir", fa="تغییر ناشناس بودن", fa_AF="تغییر ناشناس بودن", ps="د نوم پټول بدل کړه",
  so="Beddel qarsoonaanta")
p("Only course participants can file a klacht here.",
  nl="Alleen cursisten kunnen hier een klacht indienen.",
  ar="يمكن للمشاركين في الدورة فقط تقديم شكوى هنا.",
  ti="ኣብዚ ክላኽት ከቕርቡ ዝኽእሉ ተሳተፍቲ ኮርስ ጥራይ እዮም።",
  tr="Burada yalnızca kursiyerler şikâyette bulunabilir.",
  fa="فقط شرکت‌کنندگان دوره می‌توانند اینجا شکایت ثبت کنند.",
  fa_AF="فقط اشتراک‌کنندگان دوره می‌توانند اینجا شکایت ثبت کنند.",
  ps="یوازې د کورس ګډونوال کولی شي دلته شکایت وړاندې کړي.",
  so="Kaliya ka qayb-galayaasha koorsada ayaa halkan cabasho ku soo gudbin kara.")
p("You have a klacht that is not finished. We continue where you stopped.",
  nl="Je hebt een klacht die nog niet af is. We gaan verder waar je was gebleven.",
  ar="لديك شكوى لم تكتمل بعد. سنكمل من حيث توقفت.",
  ti="ዘይተወድአ ክላኽት ኣለካ። ካብቲ ዝኣቋረጽካሉ ንቕጽል።",
  tr="Bitmemiş bir şikâyetiniz var. Kaldığınız yerden devam ediyoruz.",
  fa="شما یک شکایت نیمه‌تمام دارید. از جایی که متوقف شدید ادامه می‌دهیم.",
  fa_AF="شما یک شکایت نیمه‌تمام دارید. از جایی که متوقف شدید ادامه می‌دهیم.",
  ps="تاسو یو نیمګړی شکایت لرئ. له هماغه ځایه یې دوام ورکوو چې ودرېدلي وئ.",
  so="Waxaad leedahay cabasho aan dhammaan. Waxaan ka sii wadaynaa meeshii aad ku joogsatay.")
p("You can make a klacht (complaint) here. We keep it safe. Send /cancel to stop at any time.",
  nl="Hier kun je een klacht indienen. We bewaren hem veilig. Stuur /cancel om op elk moment te stoppen.",
  ar="يمكنك تقديم شكوى (klacht) هنا. نحفظها بأمان. أرسل /cancel للتوقف في أي وقت.",
  ti="ኣብዚ ክላኽት (ጥርዓን) ከተቕርብ ትኽእል ኢኻ። ብድሕንነት ንዕቅቦ። ኣብ ዝኾነ ግዜ ንምቁራጽ /cancel ስደድ።",
  tr="Burada şikâyette (klacht) bulunabilirsiniz. Şikâyetinizi güvenle saklarız. İstediğiniz zaman durmak için /cancel gönderin.",
  fa="اینجا می‌توانید شکایت (klacht) ثبت کنید. ما آن را امن نگه می‌داریم. برای توقف در هر زمان /cancel را بفرستید.",
  fa_AF="اینجا می‌توانید شکایت (klacht) ثبت کنید. ما آن را مصئون نگه می‌داریم. برای توقف در هر وقت /cancel را بفرستید.",
  ps="دلته کولی شئ شکایت (klacht) وړاندې کړئ. موږ یې خوندي ساتو. هر وخت د درولو لپاره /cancel ولېږئ.",
  so="Halkan waxaad ku samayn kartaa cabasho (klacht). Si ammaan ah ayaan u haynaa. Soo dir /cancel si aad u joojiso wakhti kasta.")
p("You have sent {n} klachten in the last 24 hours. That is the most per day. Please try again tomorrow, or ask your klantmanager for help.",
  nl="Je hebt in de laatste 24 uur {n} klachten gestuurd. Meer kan niet per dag. Probeer het morgen opnieuw, of vraag je klantmanager om hulp.",
  ar="لقد أرسلت {n} شكاوى خلال آخر 24 ساعة. هذا هو الحد الأقصى في اليوم. حاول مرة أخرى غدًا، أو اطلب المساعدة من مدير حالتك (klantmanager).",
  ti="ኣብ ዝሓለፈ 24 ሰዓት {n} ክላኽትታት ሰዲድካ ኢኻ። እዚ ኣብ መዓልቲ ዝበዝሐ እዩ። በጃኻ ጽባሕ እንደገና ፈትን፡ ወይ ካብ klantmanager ሓገዝ ሕተት።",
  tr="Son 24 saatte {n} şikâyet gönderdiniz. Bir gün için en fazla bu kadar. Lütfen yarın tekrar deneyin veya vaka yöneticinizden (klantmanager) yardım isteyin.",
  fa="شما در ۲۴ ساعت گذشته {n} شکایت فرستاده‌اید. این بیشترین تعداد در روز است. لطفاً فردا دوباره امتحان کنید، یا از مدیر پرونده خود (klantmanager) کمک بخواهید.",
  fa_AF="شما در ۲۴ ساعت گذشته {n} شکایت فرستاده‌اید. این بیشترین تعداد در روز است. لطفاً فردا دوباره کوشش کنید، یا از مدیر پرونده خود (klantmanager) کمک بخواهید.",
  ps="تاسو په تېرو ۲۴ ساعتونو کې {n} شکایتونه لېږلي دي. دا په یوه ورځ کې تر ټولو ډېر دي. مهرباني وکړئ سبا بیا هڅه وکړئ، یا له خپل klantmanager څخه مرسته وغواړئ.",
  so="Waxaad soo dirtay {n} cabashooyin 24-kii saac ee la soo dhaafay. Taasi waa inta ugu badan maalintii. Fadlan isku day berri, ama caawimo weydii klantmanager-kaaga.")
p("Your unfinished klacht is no longer here. Send /klacht to start again.",
  nl="Je onafgemaakte klacht is er niet meer. Stuur /klacht om opnieuw te beginnen.",
  ar="شكواك غير المكتملة لم تعد موجودة. أرسل /klacht للبدء من جديد.",
  ti="እቲ ዘይተወድአ ክላኽትካ ድሕሪ ሕጂ የለን። እንደገና ንምጅማር /klacht ስደድ።",
  tr="Bitmemiş şikâyetiniz artık yok. Yeniden başlamak için /klacht gönderin.",
  fa="شکایت نیمه‌تمام شما دیگر اینجا نیست. برای شروع دوباره /klacht را بفرستید.",
  fa_AF="شکایت نیمه‌تمام شما دیگر اینجا نیست. برای شروع دوباره /klacht را بفرستید.",
  ps="ستاسو نیمګړی شکایت نور دلته نشته. د بیا پیلولو لپاره /klacht ولېږئ.",
  so="Cabashadaadii aan dhammaan halkan kuma jirto. Soo dir /klacht si aad dib ugu bilowdo.")
p("This is about the gemeente (for example your PIP, leerroute, participatieverklaring or maatschappelijke begeleiding). The school cannot decide about that, so we send it to your klantmanager.",
  nl="Dit gaat over de gemeente (bijvoorbeeld je PIP, leerroute, participatieverklaring of maatschappelijke begeleiding). Daar beslist de school niet over, dus sturen we het naar je klantmanager.",
  ar="هذا يخص البلدية (gemeente) (مثل خطتك PIP أو مسار التعلم leerroute أو participatieverklaring أو maatschappelijke begeleiding). لا تستطيع المدرسة أن تقرر في ذلك، لذا نرسله إلى مدير حالتك (klantmanager).",
  ti="እዚ ብዛዕባ gemeente እዩ (ንኣብነት PIP፡ leerroute፡ participatieverklaring ወይ maatschappelijke begeleiding)። ቤት ትምህርቲ ኣብዚ ክትውስን ኣይትኽእልን፡ ስለዚ ናብ klantmanager ንሰዶ።",
  tr="Bu konu belediyeyle (gemeente) ilgili (örneğin PIP'iniz, leerroute, participatieverklaring veya maatschappelijke begeleiding). Okul bu konuda karar veremez, bu yüzden bunu vaka yöneticinize (klantmanager) gönderiyoruz.",
  fa="این موضوع مربوط به شهرداری (gemeente) است (مثلاً PIP، leerroute، participatieverklaring یا maatschappelijke begeleiding). مدرسه نمی‌تواند درباره آن تصمیم بگیرد، پس آن را برای مدیر پرونده شما (klantmanager) می‌فرستیم.",
  fa_AF="این موضوع مربوط به شاروالی (gemeente) است (مثلاً PIP، leerroute، participatieverklaring یا maatschappelijke begeleiding). مکتب نمی‌تواند درباره آن فیصله کند، پس آن را برای مدیر پرونده شما (klantmanager) می‌فرستیم.",
  ps="دا د ښاروالۍ (gemeente) په اړه دی (د بېلګې په توګه ستاسو PIP، leerroute، participatieverklaring یا maatschappelijke begeleiding). ښوونځی پرې پرېکړه نشي کولی، نو موږ یې ستاسو klantmanager ته لېږو.",
  so="Tani waxay ku saabsan tahay dowladda hoose (gemeente) (tusaale PIP-kaaga, leerroute, participatieverklaring ama maatschappelijke begeleiding). Dugsigu go'aan kama gaari karo, sidaas darteed waxaan u diraynaa klantmanager-kaaga.")
p("Please tell us in words what happened. You can also send a voice message.",
  nl="Vertel in woorden wat er gebeurd is. Je kunt ook een spraakbericht sturen.",
  ar="يرجى أن تخبرنا بالكلمات بما حدث. يمكنك أيضًا إرسال رسالة صوتية.",
  ti="በጃኻ እንታይ ከም ዘጋጠመ ብቓላት ንገረና። ናይ ድምጺ መልእኽቲ እውን ክትሰድድ ትኽእል ኢኻ።",
  tr="Lütfen ne olduğunu kelimelerle anlatın. Sesli mesaj da gönderebilirsiniz.",
  fa="لطفاً با کلمات بگویید چه اتفاقی افتاد. می‌توانید پیام صوتی هم بفرستید.",
  fa_AF="لطفاً با کلمات بگویید چه اتفاقی افتاد. می‌توانید پیام صوتی هم بفرستید.",
  ps="مهرباني وکړئ په ټکو کې ووایاست چې څه پېښ شول. تاسو غږیز پیغام هم لېږلی شئ.",
  so="Fadlan erayo ku sheeg waxa dhacay. Waxaad sidoo kale soo diri kartaa fariin cod ah.")
p("This text is too long: {count} characters. A klacht can have at most {limit} characters of text, and {room} are left. Nothing of this message was saved. Please send it shorter, or send a voice message.",
  nl="Deze tekst is te lang: {count} tekens. Een klacht mag hoogstens {limit} tekens tekst hebben, en er zijn er nog {room} over. Niets van dit bericht is opgeslagen. Stuur het korter, of stuur een spraakbericht.",
  ar="هذا النص طويل جدًا: {count} حرفًا. يمكن أن تحتوي الشكوى على {limit} حرفًا كحد أقصى، وتبقّى {room}. لم يُحفظ شيء من هذه الرسالة. يرجى إرسالها أقصر، أو إرسال رسالة صوتية.",
  ti="እዚ ጽሑፍ ኣዝዩ ነዊሕ እዩ: {count} ፊደላት። ክላኽት እንተበዝሐ {limit} ፊደላት ጽሑፍ ክህልዎ ይኽእል፡ {room} ተሪፉ ኣሎ። ካብዚ መልእኽቲ ዋላ ሓንቲ ኣይተዓቀበትን። በጃኻ ሓጺር ጌርካ ስደዶ፡ ወይ ናይ ድምጺ መልእኽቲ ስደድ።",
  tr="Bu metin çok uzun: {count} karakter. Bir şikâyet en fazla {limit} karakter metin içerebilir ve {room} karakter kaldı. Bu mesajdan hiçbir şey kaydedilmedi. Lütfen daha kısa gönderin veya sesli mesaj gönderin.",
  fa="این متن خیلی طولانی است: {count} نویسه. یک شکایت حداکثر {limit} نویسه متن می‌تواند داشته باشد و {room} نویسه باقی مانده است. چیزی از این پیام ذخیره نشد. لطفاً کوتاه‌تر بفرستید، یا پیام صوتی بفرستید.",
  fa_AF="این متن بسیار طولانی است: {count} حرف. یک شکایت حداکثر {limit} حرف متن می‌تواند داشته باشد و {room} حرف باقی مانده است. چیزی از این پیام ذخیره نشد. لطفاً کوتاه‌تر بفرستید، یا پیام صوتی بفرستید.",
  ps="دا متن ډېر اوږد دی: {count} توري. یو شکایت تر ټولو ډېر {limit} توري متن لرلی شي، او {room} پاتې دي. د دې پیغام هیڅ شی خوندي نه شو. مهرباني وکړئ لنډ یې ولېږئ، یا غږیز پیغام ولېږئ.",
  so="Qoraalkani aad buu u dheer yahay: {count} xaraf. Cabashadu waxay yeelan kartaa ugu badnaan {limit} xaraf oo qoraal ah, waxaana haray {room}. Fariintan waxba lagama keydin. Fadlan u dir si ka gaaban, ama soo dir fariin cod ah.")
p("Saved. You can send more, or press Done.",
  nl="Opgeslagen. Je kunt meer sturen, of op Klaar drukken.",
  ar="تم الحفظ. يمكنك إرسال المزيد، أو الضغط على تم.",
  ti="ተዓቂቡ። ተወሳኺ ክትሰድድ ትኽእል ኢኻ፡ ወይ ተወዲኡ ጠውቕ።",
  tr="Kaydedildi. Daha fazlasını gönderebilir veya Bitti'ye basabilirsiniz.",
  fa="ذخیره شد. می‌توانید بیشتر بفرستید، یا تمام را بزنید.",
  fa_AF="ذخیره شد. می‌توانید بیشتر بفرستید، یا تمام را فشار دهید.",
  ps="خوندي شو. تاسو نور هم لېږلی شئ، یا بشپړ کېکاږئ.",
  so="Waa la keydiyey. Waad soo dirtaa wax kale, ama riix Waa dhammaatay.")
p("Please send text, a voice message, a photo or a document.",
  nl="Stuur tekst, een spraakbericht, een foto of een document.",
  ar="يرجى إرسال نص أو رسالة صوتية أو صورة أو مستند.",
  ti="በጃኻ ጽሑፍ፡ ናይ ድምጺ መልእኽቲ፡ ስእሊ ወይ ሰነድ ስደድ።",
  tr="Lütfen metin, sesli mesaj, fotoğraf veya belge gönderin.",
  fa="لطفاً متن، پیام صوتی، عکس یا سند بفرستید.",
  fa_AF="لطفاً متن، پیام صوتی، عکس یا سند بفرستید.",
  ps="مهرباني وکړئ متن، غږیز پیغام، انځور یا سند ولېږئ.",
  so="Fadlan soo dir qoraal, fariin cod ah, sawir ama dukumenti.")
p("A klacht can have at most {limit} files. This file was not saved. Press Done to go on.",
  nl="Een klacht kan hoogstens {limit} bestanden hebben. Dit bestand is niet opgeslagen. Druk op Klaar om verder te gaan.",
  ar="يمكن أن تحتوي الشكوى على {limit} ملفات كحد أقصى. لم يُحفظ هذا الملف. اضغط على تم للمتابعة.",
  ti="ክላኽት እንተበዝሐ {limit} ፋይላት ክህልዎ ይኽእል። እዚ ፋይል ኣይተዓቀበን። ንምቕጻል ተወዲኡ ጠውቕ።",
  tr="Bir şikâyette en fazla {limit} dosya olabilir. Bu dosya kaydedilmedi. Devam etmek için Bitti'ye basın.",
  fa="یک شکایت حداکثر {limit} فایل می‌تواند داشته باشد. این فایل ذخیره نشد. برای ادامه تمام را بزنید.",
  fa_AF="یک شکایت حداکثر {limit} فایل می‌تواند داشته باشد. این فایل ذخیره نشد. برای ادامه تمام را فشار دهید.",
  ps="یو شکایت تر ټولو ډېر {limit} فایلونه لرلی شي. دا فایل خوندي نه شو. د دوام لپاره بشپړ کېکاږئ.",
  so="Cabashadu waxay yeelan kartaa ugu badnaan {limit} fayl. Faylkan lama keydin. Riix Waa dhammaatay si aad u sii wadato.")
p("Stopped. Your klacht was not sent, and your draft is deleted.",
  nl="Gestopt. Je klacht is niet verstuurd en je concept is verwijderd.",
  ar="تم الإيقاف. لم تُرسل شكواك، وحُذفت المسودة.",
  ti="ተቋሪጹ። ክላኽትኻ ኣይተላእከን፡ እቲ ንድፊ ድማ ተደምሲሱ።",
  tr="Durduruldu. Şikâyetiniz gönderilmedi ve taslağınız silindi.",
  fa="متوقف شد. شکایت شما فرستاده نشد و پیش‌نویس شما پاک شد.",
  fa_AF="متوقف شد. شکایت شما فرستاده نشد و پیش‌نویس شما پاک شد.",
  ps="ودرول شو. ستاسو شکایت ونه لېږل شو، او مسوده مو ړنګه شوه.",
  so="Waa la joojiyey. Cabashadaada lama dirin, qabyo-qoraalkaagana waa la tirtiray.")

p("See your klachten and what happens with them", nl="Je klachten bekijken en wat ermee gebeurt",
  ar="اطّلع على شكاواك وما يحدث بشأنها", ti="ክላኽትታትካን እንታይ ይግበረሎም ከም ዘሎን ርአ",
  tr="Şikâyetlerinizi ve onlarla ilgili yapılanları görün", fa="شکایت‌های خود و روند آنها را ببینید",
  fa_AF="شکایت‌های خود و روند آنها را ببینید", ps="خپل شکایتونه او د هغوی پرمختګ وګورئ",
  so="Arag cabashooyinkaaga iyo waxa ka socda")
p("Received. The school has not yet decided whether it will handle it.",
  nl="Ontvangen. De school heeft nog niet besloten of ze hem in behandeling neemt.",
  ar="تم الاستلام. لم تقرر المدرسة بعد هل ستنظر فيها.",
  ti="ተቐቢሉ። ቤት ትምህርቲ ክትርእዮ እንተኾይና ገና ኣይወሰነትን።",
  tr="Alındı. Okul henüz ele alıp almayacağına karar vermedi.",
  fa="دریافت شد. مدرسه هنوز تصمیم نگرفته که به آن رسیدگی کند یا نه.",
  fa_AF="دریافت شد. مکتب هنوز فیصله نکرده که به آن رسیدگی کند یا نه.",
  ps="ترلاسه شو. ښوونځي لا پرېکړه نه ده کړې چې رسیدګي به ورته وکړي که نه.",
  so="Waa la helay. Dugsigu weli ma go'aamin inuu wax ka qabanayo iyo in kale.")
p("The school is handling it.", nl="De school behandelt hem.", ar="المدرسة تعالجها.",
  ti="ቤት ትምህርቲ ትርእዮ ኣላ።", tr="Okul ele alıyor.", fa="مدرسه در حال رسیدگی است.",
  fa_AF="مکتب در حال رسیدگی است.", ps="ښوونځی ورته رسیدګي کوي.", so="Dugsigu wax ayuu ka qabanayaa.")
p("The school did not take it into treatment.", nl="De school heeft hem niet in behandeling genomen.",
  ar="لم تنظر المدرسة فيها.", ti="ቤት ትምህርቲ ኣይረኣየቶን።", tr="Okul ele almadı.",
  fa="مدرسه به آن رسیدگی نکرد.", fa_AF="مکتب به آن رسیدگی نکرد.", ps="ښوونځي ورته رسیدګي ونه کړه.",
  so="Dugsigu wax kama qaban.")
p("Handled.", nl="Afgehandeld.", ar="تمت المعالجة.", ti="ተወዲኡ።", tr="Sonuçlandı.",
  fa="رسیدگی تمام شد.", fa_AF="رسیدگی تمام شد.", ps="رسیدګي بشپړه شوه.", so="Waa la dhammeeyey.")
p("Sent to your klantmanager.", nl="Naar je klantmanager gestuurd.",
  ar="أُرسلت إلى مدير حالتك (klantmanager).", ti="ናብ klantmanager ተላኢኹ።",
  tr="Vaka yöneticinize gönderildi.", fa="برای مدیر پرونده شما فرستاده شد.",
  fa_AF="برای مدیر پرونده شما فرستاده شد.", ps="ستاسو klantmanager ته ولېږل شو.",
  so="Waxaa loo diray klantmanager-kaaga.")
p("{reference}: {topic}", **{lang: "{reference}: {topic}" for lang in
                             ("nl", "ar", "ti", "tr", "fa", "fa_AF", "ps", "so")})
p("Received on {date}", nl="Ontvangen op {date}", ar="استُلمت في {date}", ti="ዝተቐበለሉ {date}",
  tr="Alındığı tarih: {date}", fa="دریافت در {date}", fa_AF="دریافت در {date}", ps="ترلاسه شوی په {date}",
  so="La helay {date}")
p("The school must decide by {date}.", nl="De school moet uiterlijk {date} beslissen.",
  ar="يجب أن تقرر المدرسة بحلول {date}.", ti="ቤት ትምህርቲ ክሳዕ {date} ክትውስን ኣለዋ።",
  tr="Okul en geç {date} tarihine kadar karar vermelidir.", fa="مدرسه باید تا {date} تصمیم بگیرد.",
  fa_AF="مکتب باید تا {date} فیصله کند.", ps="ښوونځی باید تر {date} پورې پرېکړه وکړي.",
  so="Dugsigu waa inuu go'aansadaa ugu dambayn {date}.")
p("It must be handled by {date}.", nl="Hij moet uiterlijk {date} afgehandeld zijn.",
  ar="يجب الانتهاء منها بحلول {date}.", ti="ክሳዕ {date} ክውዳእ ኣለዎ።",
  tr="En geç {date} tarihine kadar sonuçlanmalıdır.", fa="باید تا {date} تمام شود.",
  fa_AF="باید تا {date} تمام شود.", ps="باید تر {date} پورې بشپړ شي.",
  so="Waa in la dhammeeyaa ugu dambayn {date}.")
p("Handled on {date}. Outcome: {outcome}", nl="Afgehandeld op {date}. Uitkomst: {outcome}",
  ar="تمت المعالجة في {date}. النتيجة: {outcome}", ti="ዝተወድኣሉ {date}። ውጽኢት: {outcome}",
  tr="Sonuçlandığı tarih: {date}. Sonuç: {outcome}", fa="رسیدگی در {date} تمام شد. نتیجه: {outcome}",
  fa_AF="رسیدگی در {date} تمام شد. نتیجه: {outcome}", ps="په {date} بشپړه شوه. پایله: {outcome}",
  so="Waa la dhammeeyey {date}. Natiijada: {outcome}")
p("You have no klachten. Send /klacht to make one.",
  nl="Je hebt geen klachten. Stuur /klacht om er een in te dienen.",
  ar="ليست لديك شكاوى. أرسل /klacht لتقديم شكوى.",
  ti="ክላኽት የብልካን። ሓደ ንምቕራብ /klacht ስደድ።",
  tr="Hiç şikâyetiniz yok. Şikâyette bulunmak için /klacht gönderin.",
  fa="شما هیچ شکایتی ندارید. برای ثبت شکایت /klacht را بفرستید.",
  fa_AF="شما هیچ شکایتی ندارید. برای ثبت شکایت /klacht را بفرستید.",
  ps="تاسو هیڅ شکایت نه لرئ. د شکایت لپاره /klacht ولېږئ.",
  so="Cabasho ma lihid. Soo dir /klacht si aad mid u samayso.")
p("Thank you. We have saved your answer.", nl="Dank je. We hebben je antwoord opgeslagen.",
  ar="شكرًا لك. حفظنا إجابتك.", ti="የቐንየልና። መልስኻ ዓቂብናዮ ኣለና።",
  tr="Teşekkürler. Yanıtınızı kaydettik.", fa="متشکریم. پاسخ شما را ذخیره کردیم.",
  fa_AF="تشکر. جواب شما را ذخیره کردیم.", ps="مننه. ستاسو ځواب مو خوندي کړ.",
  so="Mahadsanid. Jawaabtaada waan keydinnay.")
p("Yes", nl="Ja", ar="نعم", ti="እወ", tr="Evet", fa="بله", fa_AF="بلی", ps="هو", so="Haa")
p("No", nl="Nee", ar="لا", ti="ኣይፋል", tr="Hayır", fa="نه", fa_AF="نخیر", ps="نه", so="Maya")
p("We are sorry that your klacht was not solved well.",
  nl="Het spijt ons dat je klacht niet goed is opgelost.",
  ar="نأسف لأن شكواك لم تُحلّ بشكل جيد.",
  ti="ክላኽትኻ ብግቡእ ስለ ዘይተፈትሐ ነሕዝን።",
  tr="Şikâyetiniz iyi çözülmediği için üzgünüz.",
  fa="متأسفیم که شکایت شما به‌خوبی حل نشد.",
  fa_AF="متأسفیم که شکایت شما به خوبی حل نشد.",
  ps="موږ خواشیني یو چې ستاسو شکایت په سمه توګه حل نه شو.",
  so="Waan ka xunnahay in cabashadaada si fiican loo xallin waayey.")
p("May we tell your klantmanager that you are not satisfied?",
  nl="Mogen we je klantmanager laten weten dat je niet tevreden bent?",
  ar="هل تسمح لنا بإخبار مدير حالتك (klantmanager) بأنك غير راضٍ؟",
  ti="ዕጉብ ከም ዘይኮንካ ንklantmanager ክንነግሮ ንኽእል ዶ?",
  tr="Memnun olmadığınızı vaka yöneticinize (klantmanager) söyleyebilir miyiz?",
  fa="آیا اجازه می‌دهید به مدیر پرونده شما (klantmanager) بگوییم که راضی نیستید؟",
  fa_AF="آیا اجازه می‌دهید به مدیر پرونده شما (klantmanager) بگوییم که راضی نیستید؟",
  ps="آیا موږ ستاسو klantmanager ته ووایو چې تاسو راضي نه یاست؟",
  so="Ma u sheegi karnaa klantmanager-kaaga inaadan ku qanacsanayn?")
p("We have told your klantmanager.", nl="We hebben je klantmanager ingelicht.",
  ar="لقد أبلغنا مدير حالتك (klantmanager).", ti="ንklantmanager ሓቢርናዮ ኣለና።",
  tr="Vaka yöneticinizi (klantmanager) bilgilendirdik.", fa="به مدیر پرونده شما خبر دادیم.",
  fa_AF="به مدیر پرونده شما خبر دادیم.", ps="موږ ستاسو klantmanager خبر کړ.",
  so="Waxaan u sheegnay klantmanager-kaaga.")
p("All right. We have not told your klantmanager.", nl="Goed. We hebben je klantmanager niets laten weten.",
  ar="حسنًا. لم نُبلغ مدير حالتك (klantmanager).", ti="ሕራይ። ንklantmanager ኣይነገርናዮን።",
  tr="Tamam. Vaka yöneticinize bir şey söylemedik.", fa="باشد. به مدیر پرونده شما خبر ندادیم.",
  fa_AF="خوب است. به مدیر پرونده شما خبر ندادیم.", ps="سمه ده. موږ ستاسو klantmanager ته څه ونه ویل.",
  so="Hagaag. Uma aanaan sheegin klantmanager-kaaga.")
p("Write your answer, or send a voice message, a photo or a document. Send /cancel to stop.",
  nl="Schrijf je antwoord, of stuur een spraakbericht, een foto of een document. Stuur /cancel om te stoppen.",
  ar="اكتب إجابتك، أو أرسل رسالة صوتية أو صورة أو مستندًا. أرسل /cancel للتوقف.",
  ti="መልስኻ ጽሓፍ፡ ወይ ናይ ድምጺ መልእኽቲ፡ ስእሊ ወይ ሰነድ ስደድ። ንምቁራጽ /cancel ስደድ።",
  tr="Yanıtınızı yazın veya sesli mesaj, fotoğraf ya da belge gönderin. Durmak için /cancel gönderin.",
  fa="پاسخ خود را بنویسید، یا پیام صوتی، عکس یا سند بفرستید. برای توقف /cancel را بفرستید.",
  fa_AF="جواب خود را بنویسید، یا پیام صوتی، عکس یا سند بفرستید. برای توقف /cancel را بفرستید.",
  ps="خپل ځواب ولیکئ، یا غږیز پیغام، انځور یا سند ولېږئ. د درولو لپاره /cancel ولېږئ.",
  so="Qor jawaabtaada, ama soo dir fariin cod ah, sawir ama dukumenti. Soo dir /cancel si aad u joojiso.")
p("Thank you. Your answer has been sent to the school.",
  nl="Dank je. Je antwoord is naar de school gestuurd.",
  ar="شكرًا لك. أُرسلت إجابتك إلى المدرسة.", ti="የቐንየልና። መልስኻ ናብ ቤት ትምህርቲ ተላኢኹ።",
  tr="Teşekkürler. Yanıtınız okula gönderildi.", fa="متشکریم. پاسخ شما برای مدرسه فرستاده شد.",
  fa_AF="تشکر. جواب شما برای مکتب فرستاده شد.", ps="مننه. ستاسو ځواب ښوونځي ته ولېږل شو.",
  so="Mahadsanid. Jawaabtaada waxaa loo diray dugsiga.")
p("Stopped. Nothing was sent.", nl="Gestopt. Er is niets verstuurd.", ar="تم الإيقاف. لم يُرسل شيء.",
  ti="ተቋሪጹ። ዋላ ሓንቲ ኣይተላእከን።", tr="Durduruldu. Hiçbir şey gönderilmedi.",
  fa="متوقف شد. چیزی فرستاده نشد.", fa_AF="متوقف شد. چیزی فرستاده نشد.", ps="ودرول شو. هیڅ شی ونه لېږل شو.",
  so="Waa la joojiyey. Waxba lama dirin.")

S = []  # staff entries: (msgid, nl)

def s(msgid, nl):
    S.append((msgid, nl))

s("decide whether to take it into treatment", "te beslissen of je hem in behandeling neemt")
s("handle it", "hem af te handelen")
s("voice message", "spraakbericht")
s("audio file", "audiobestand")
s("photo", "foto")
s("document", "document")
s("video", "video")
s("video message", "videobericht")
s("anonymous (the participant asked not to give their name)",
  "anoniem (de cursist wil zijn of haar naam niet geven)")
s("none", "geen")
s("Take into treatment", "In behandeling nemen")
s("Do not take into treatment", "Niet in behandeling nemen")
s("Ask the participant a question", "De cursist een vraag stellen")
s("Record outcome and close", "Uitkomst vastleggen en afsluiten")
s("I am involved in this klacht", "Ik ben betrokken bij deze klacht")
s("Show attachments", "Bijlagen tonen")
s("A colleague is involved in this klacht, so it comes to you (norm 1.5.2: an independent person handles it).",
  "Een collega is betrokken bij deze klacht, daarom komt hij bij jou (norm 1.5.2: een onafhankelijke persoon behandelt hem).")
s("Klacht {reference} ({school})", "Klacht {reference} ({school})")
s("Topic: {topic}", "Onderwerp: {topic}")
s("From: {who}", "Van: {who}")
s("Received: {date}", "Ontvangen: {date}")
s("Decide on treatment by: {date}", "Besluiten over behandeling uiterlijk: {date}")
s("Handle by: {date}", "Afhandelen uiterlijk: {date}")
s("(no text)", "(geen tekst)")
s("Attachments: {list}", "Bijlagen: {list}")
s("Questions to the participant go through the bot; you will not see their name.",
  "Vragen aan de cursist gaan via de bot; je ziet zijn of haar naam niet.")
s("Reminder: klacht {reference}: you have until {date} to {what}.",
  "Herinnering: klacht {reference}: je hebt tot {date} om {what}.")
s("Missed: {what} (deadline {date})", "Niet gehaald: {what} (termijn {date})")
s("Escalation: klacht {reference} ({school}) passed a deadline of the klachtenprocedure (norm 1.5.2).",
  "Escalatie: klacht {reference} ({school}) heeft een termijn van de klachtenprocedure overschreden (norm 1.5.2).")
s("Handler: {name}", "Behandelaar: {name}")
s("nobody yet", "nog niemand")
s("The participant has been told about the Blik op Werk klachtenlijn and the College van Arbitrage Inburgeren.",
  "De cursist is gewezen op de klachtenlijn van Blik op Werk en het College van Arbitrage Inburgeren.")
s("Signal (convenant art. 13.5): {school} passed a deadline on klacht {reference} of your participant {name}.",
  "Signaal (convenant art. 13.5): {school} heeft een termijn overschreden bij klacht {reference} van je cursist {name}.")
s("Signal from your participant {name} (convenant art. 13.4), reference {reference}.",
  "Signaal van je cursist {name} (convenant art. 13.4), kenmerk {reference}.")
s("About: {school}", "Over: {school}")
s("The participant asks that the school does not learn their name.",
  "De cursist vraagt dat de school zijn of haar naam niet te weten komt.")
s("Klacht {reference} of your participant {name} about {school} has no independent handler at the school: everyone who could handle it is involved in it, or the school has no klachtbehandelaar in this bot.",
  "Klacht {reference} van je cursist {name} over {school} heeft geen onafhankelijke behandelaar bij de school: iedereen die hem zou kunnen behandelen is erbij betrokken, of de school heeft geen klachtbehandelaar in deze bot.")
s("Your participant {name} is not satisfied with how {school} handled klacht {reference} (outcome: {outcome}). They agreed that you are told.",
  "Je cursist {name} is niet tevreden over hoe {school} klacht {reference} heeft afgehandeld (uitkomst: {outcome}). De cursist vond het goed dat jij dit hoort.")
s("Answer about klacht {reference}.", "Antwoord over klacht {reference}.")
s("Your question: {question}", "Je vraag: {question}")
s("Answer: {answer}", "Antwoord: {answer}")
s("The participant also sent a {kind}.", "De cursist stuurde ook een {kind}.")
s("Open klachten of your school", "Open klachten van je school")
s("You cannot do this for this klacht.", "Dit kun je bij deze klacht niet doen.")
s("You are named as involved in this klacht, so you cannot handle it (norm 1.5.2: an independent person handles it). A colleague has it.",
  "Je bent genoemd als betrokkene bij deze klacht, dus je kunt hem niet behandelen (norm 1.5.2: een onafhankelijke persoon behandelt hem). Een collega heeft hem.")
s("A colleague is handling this klacht.", "Een collega behandelt deze klacht.")
s("This klacht has moved on (it is now: {state}); this button no longer applies.",
  "Deze klacht is verder (nu: {state}); deze knop geldt niet meer.")
s("received, not yet decided", "ontvangen, nog geen besluit")
s("in treatment", "in behandeling")
s("not taken into treatment", "niet in behandeling genomen")
s("closed", "afgesloten")
s("signal to the klantmanager", "signaal aan de klantmanager")
s("A colleague was just before you.", "Een collega was je net voor.")
s("You have taken klacht {reference} into treatment. Handle it by {date}. The participant has been told.",
  "Je hebt klacht {reference} in behandeling genomen. Handel hem uiterlijk {date} af. De cursist is ingelicht.")
s("Noted: you are involved in klacht {reference} and will not handle it. It has gone to a colleague.",
  "Genoteerd: je bent betrokken bij klacht {reference} en behandelt hem niet. Hij is naar een collega gegaan.")
s("Noted: you are involved in klacht {reference}. There is no independent colleague in this bot; the participant's klantmanager has been told.",
  "Genoteerd: je bent betrokken bij klacht {reference}. Er is geen onafhankelijke collega in deze bot; de klantmanager van de cursist is ingelicht.")
s("The four weeks in which a klacht may be refused have passed (norm 1.5.2): it must now be handled.",
  "De vier weken waarin een klacht mag worden geweigerd zijn voorbij (norm 1.5.2): hij moet nu worden behandeld.")
s("Why is klacht {reference} not taken into treatment? Write the reason; the participant will read it. Send /cancel to stop.",
  "Waarom wordt klacht {reference} niet in behandeling genomen? Schrijf de reden; de cursist leest die. Stuur /cancel om te stoppen.")
s("Write your question about klacht {reference}. The bot passes it on without showing you the participant's name. Send /cancel to stop.",
  "Schrijf je vraag over klacht {reference}. De bot geeft hem door zonder dat je de naam van de cursist ziet. Stuur /cancel om te stoppen.")
s("Write your question about klacht {reference}. The bot passes it on. Send /cancel to stop.",
  "Schrijf je vraag over klacht {reference}. De bot geeft hem door. Stuur /cancel om te stoppen.")
s("What is the outcome of klacht {reference}?", "Wat is de uitkomst van klacht {reference}?")
s("Please write it in words.", "Schrijf het in woorden.")
s("This is {count} characters; at most {limit} fit. Nothing was saved: please write it shorter.",
  "Dit zijn {count} tekens; er passen er hoogstens {limit}. Er is niets opgeslagen: schrijf het korter.")
s("Klacht {reference} is not taken into treatment. The participant has been told, with your reason and where they can go next.",
  "Klacht {reference} is niet in behandeling genomen. De cursist is ingelicht, met je reden en waar hij of zij verder terechtkan.")
s("Your question has been sent. The answer will come to you here.",
  "Je vraag is verstuurd. Het antwoord komt hier bij je.")
s("Outcome: {outcome}. Now write the explanation for the participant of klacht {reference}.",
  "Uitkomst: {outcome}. Schrijf nu de toelichting voor de cursist van klacht {reference}.")
s("Klacht {reference} is closed. The participant has been told and can say whether they are satisfied.",
  "Klacht {reference} is afgesloten. De cursist is ingelicht en kan laten weten of hij of zij tevreden is.")
s("Stopped; nothing was changed.", "Gestopt; er is niets veranderd.")
s("Now: {state}", "Nu: {state}")
s("There are no open klachten for you.", "Er zijn geen open klachten voor je.")
s("This button no longer applies.", "Deze knop geldt niet meer.")


ENTRIES = (
    [{"id": msgid, "t": {"en": msgid, **t}} for msgid, t in P]
    + [{"id": PLURAL[0], "plural": PLURAL[1], "t": PLURAL[2]}]
    + [{"id": msgid, "t": {"nl": nl, "en": msgid}} for msgid, nl in S]
)

if __name__ == "__main__":
    write_domain("klacht", ENTRIES)

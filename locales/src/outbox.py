"""Translations of the outbox's own notifications (issue 3); `python -m locales.src.outbox`
writes locales/<lang>/LC_MESSAGES/outbox.po. Edit here, then run the check."""

from locales.tool import write_domain

ENTRIES = [
    {"id": "Test message from the bot: messages reach you here. You do not need to do anything.",
     "t": {
        "nl": "Testbericht van de bot: berichten komen hier bij je aan. Je hoeft niets te doen.",
        "en": "Test message from the bot: messages reach you here. You do not need to do anything.",
        "ar": "رسالة تجربة من البوت: الرسائل تصل إليك هنا. لا تحتاج أن تفعل شيئًا.",
        "ti": "ናይ ፈተና መልእኽቲ ካብ ቦት: መልእኽትታት ኣብዚ ይበጽሑኻ እዮም። ዋላ ሓንቲ ክትገብር ኣየድልየካን።",
        "tr": "Bottan deneme mesajı: mesajlar size buradan ulaşıyor. Bir şey yapmanıza gerek yok.",
        "fa": "پیام آزمایشی از ربات: پیام‌ها اینجا به شما می‌رسند. لازم نیست کاری انجام دهید.",
        "fa_AF": "پیام آزمایشی از ربات: پیام‌ها اینجا به شما می‌رسند. لازم نیست کاری بکنید.",
        "ps": "د بوټ د ازموینې پیغام: پیغامونه تاسو ته دلته رسېږي. تاسو ته اړتیا نشته چې څه وکړئ.",
        "so": "Fariin tijaabo ah oo ka timid botka: fariimuhu halkan ayay kuugu yimaadaan. "
              "Waxba uma baahnid inaad samayso."}},
    {"id": "{name} can no longer be reached on Telegram since {date}: they blocked the bot or "
           "deleted their account. Please contact them in another way.",
     "t": {
        "nl": "{name} is sinds {date} niet meer bereikbaar via Telegram: de bot is geblokkeerd of "
              "het account is verwijderd. Neem op een andere manier contact op.",
        "en": "{name} can no longer be reached on Telegram since {date}: they blocked the bot or "
              "deleted their account. Please contact them in another way."}},
]

if __name__ == "__main__":
    write_domain("outbox", ENTRIES)

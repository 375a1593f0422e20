"""inburgerbot: a multilingual Telegram bot for Dutch civic-integration language courses."""

import os

# python-telegram-bot 22 warns that RetryAfter.retry_after and other durations become timedelta;
# we opt in now, so our 429 handling reads one type and no deprecation warning is raised.
os.environ.setdefault("PTB_TIMEDELTA", "true")

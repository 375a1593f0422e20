"""The glossary of Dutch domain words that stay Dutch in the bot's texts (issue 14), one file per
language beside its catalogs: ``locales/<lang>/glossary.txt``.

Format, one entry a line (``#`` starts a comment)::

    klacht: complaint                 the short explanation of a word in this language
    never ክላኽት: ጥርዓን                 a rendering not to use, and what to write instead

The rule the catalog check applies (``python -m locales.tool check``): a message that introduces
a screen is marked in the code with a comment ``# GLOSSARY: ...`` right above its marker (it
appears as ``#. GLOSSARY: ...`` in the template). In such a message's translation, in every
language but Dutch, the first time a glossary word appears (any form that starts with it:
klacht, klachten, klantmanager's) it must carry its explanation in parentheses, either after it,
``klacht (complaint)``, or before it, ``شكوى (klacht)``, with the explanation exactly as the
language's glossary gives it. A word the translation does not use (because it says ጥርዓን, not
klacht) needs nothing. And no translation anywhere in the language may contain a ``never``
rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

WORDS = ("klacht", "urenverklaring", "klantmanager", "gemeente", "verzuim", "overstap", "KNM",
         "participatieverklaring")
MARK = "GLOSSARY:"
# The language the words belong to: its readers need no explanation.
NATIVE = "nl"


@dataclass
class Glossary:
    explanations: dict[str, str] = field(default_factory=dict)
    never: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def path_for(locales: Path, lang: str) -> Path:
    return locales / lang / "glossary.txt"


def read_glossary(path: Path) -> Glossary:
    glossary = Glossary()
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not key or not value:
            glossary.problems.append(f"line {number}: not 'word: explanation'")
        elif key.startswith("never "):
            glossary.never[key.removeprefix("never ").strip()] = value
        elif key in WORDS:
            glossary.explanations[key] = value
        else:
            glossary.problems.append(f"line {number}: {key!r} is not a glossary word")
    for word in WORDS:
        if word not in glossary.explanations:
            glossary.problems.append(f"no explanation of {word!r}")
    return glossary


def _first_use(word: str, text: str) -> re.Match | None:
    # Not inside another word, and not a command (/klacht).
    return re.search(rf"(?<![^\W\d_])(?<!/){re.escape(word)}[\w'’-]*", text, flags=re.IGNORECASE)


def bare_words(text: str, glossary: Glossary) -> list[str]:
    """The glossary words whose first use in ``text`` does not carry the explanation."""
    bare = []
    for word, explanation in glossary.explanations.items():
        use = _first_use(word, text)
        if use is None:
            continue
        after = text[use.end():].lstrip().casefold()
        before = text[:use.start()].rstrip().casefold()
        explained_after = after.startswith(f"({explanation.casefold()})")
        explained_before = (before.endswith("(") and text[use.end():].startswith(")")
                            and before[:-1].rstrip().endswith(explanation.casefold()))
        if not (explained_after or explained_before):
            bare.append(word)
    return bare


def never_used(text: str, glossary: Glossary) -> list[str]:
    return [wrong for wrong in glossary.never if wrong in text]


def introduces_a_screen(message) -> bool:
    return any(comment.startswith(MARK) for comment in message.auto_comments)

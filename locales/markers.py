"""The extraction method ``pybabel extract`` uses for the Python code (named in babel.cfg).

It reports every call of a marker (``_``, ``n_``, ``s_`` ... as given with ``-k``) whose arguments
are string literals, however deeply the call is nested. Babel's built-in ``python`` method reads
tokens and loses a marker that sits inside an ordinary call inside another marked call, as in
``tr.s_("Please {task}.", task=label(tr, TASKS.get(state, SN_("take the next step"))))``: that
string would silently drop out of the template and its translations out of the catalogs. Reading
the syntax tree instead finds it; the result is otherwise the same as the built-in method's.
Translator comments (``-c``) are not read: the code carries none.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from typing import IO, Any


def extract_markers(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                    options: dict[str, Any]) -> Iterator[tuple[int, str, object, list[str]]]:
    """Babel's extractor interface: ``(lineno, funcname, messages, comments)`` per marker call,
    ``messages`` holding each positional argument's string, or None where it is not a literal;
    Babel then picks the msgid (and plural) by the keyword's argument spec."""
    tree = ast.parse(fileobj.read())
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in keywords:
            calls.append(node)
    for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):
        messages = tuple(arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                         else None for arg in node.args)
        name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        yield node.lineno, name, messages if len(messages) != 1 else messages[0], []

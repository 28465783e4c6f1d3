"""The one error contract of the library: every failure a user can cause is an `InputError`.

It names the file (or parameter) and the problem in one line; the CLI prints it as `kg: error: <path>: <problem>`
and exits non-zero. Library code raises it; only the command boundary (the typer app in kg/cli.py) turns it into
text.  A bad value of a library parameter is a `ParameterError`: it names the parameter as the library calls it
(``workers``), and the CLI shows the flag the user typed (``--workers``).

Everything in a message is printable: a file name with a newline or a terminal escape in it is shown escaped
(``a\\nb.txt``), so an error stays one line and cannot drive the terminal.
"""
from __future__ import annotations

import unicodedata

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with control, format and line/paragraph separator characters escaped (``\\n``, ``\\x1b``,
    ``\\u2028``), everything else (Chinese too) as it is."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c == " " or unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(c)
        elif c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif ord(c) < 0x100:
            out.append(f"\\x{ord(c):02x}")
        else:
            out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
    return "".join(out)


class InputError(Exception):
    """A problem with one input file or parameter, reported to the user as one line."""

    def __init__(self, path: str, problem: str):
        self.path = printable(str(path))
        self.problem = printable(" ".join(str(problem).splitlines()))
        super().__init__(f"{self.path}: {self.problem}")


class ParameterError(InputError):
    """A bad value of the library parameter ``param`` (``workers``, ``endpoint``, ``params`` ...).

    ``str()`` names the parameter; the CLI names the flag instead (see ``as_flag``).  ``item`` narrows it down
    (the name of one ``--param``)."""

    def __init__(self, param: str, problem: str, item: str = ""):
        self.param = param
        self.item = item
        super().__init__(f"{param} {item}".strip(), problem)

    def as_flag(self, flag: str) -> InputError:
        return InputError(f"{flag} {self.item}".strip(), self.problem)

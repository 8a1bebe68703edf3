"""Whitespace as a browser renders it, shared by the markup loaders (HTML, XML), and the wide (Chinese)
characters that the PDF loader also joins lines between."""

from __future__ import annotations

import re

_WS = re.compile(r"[ \t\r\n\f]+")
# Wide characters (CJK, full-width forms and punctuation), as the inside of a regex character class.
WIDE_RANGES = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
WIDE = re.compile(f"[{WIDE_RANGES}]")


def collapse(s: str) -> str:
    """Runs of ASCII whitespace become one space; a run holding a line break between two wide (Chinese)
    characters disappears (CSS Text segment-break rule), so a report wrapped in the source stays whole.
    NBSP and the ideographic space are text and stay."""

    def repl(m: re.Match[str]) -> str:
        run = m.group()
        if "\n" in run or "\r" in run:
            before = s[m.start() - 1] if m.start() > 0 else ""
            after = s[m.end()] if m.end() < len(s) else ""
            if before and after and WIDE.match(before) and WIDE.match(after):
                return ""
        return " "

    return _WS.sub(repl, s)

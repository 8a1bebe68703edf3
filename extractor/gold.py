"""Gold annotations: reading them and placing them in their report's text.

Two gold forms are read, and may be mixed item by item:

* the offsets form of the project's gold files (``shared/eval/gold/*.json``): every item carries ``start`` and
  ``end`` character offsets into the decoded report text;
* the context form, for people annotating by hand: an item names its text (``surface`` for quantities and
  negatives, ``name`` for projects, ``text`` for goals) and, when that text occurs more than once, a ``context``
  string around it (or a 1-based ``occurrence``). :func:`resolve_gold` turns it into the offsets form, which
  ``extractor.scoring`` scores.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

from extractor.models import Qualifier
from extractor.normalize import make_view

QUANTITY_KINDS = ("indicator", "change", "project_qty", "goal_qty", "neutral")
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


class GoldError(ValueError):
    """A gold annotation that cannot be read or placed in its text. ``problems`` lists every item at fault."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{source}: {problems[0]}{more}" if problems else source)


def read_gold(path: str | Path) -> dict:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GoldError(str(p), ["no such file"]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(str(p), [f"cannot read: {e}"]) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise GoldError(str(p), [f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}"]) from None
    if not isinstance(data, dict):
        raise GoldError(str(p), ["a gold file is one JSON object"])
    return data


def gold_report_path(gold: dict, gold_path: str | Path | None) -> Path | None:
    """The report a gold file names in its ``report`` field, relative to the gold file."""
    rep = gold.get("report")
    if not isinstance(rep, str) or not rep:
        return None
    p = Path(rep)
    if not p.is_absolute() and gold_path is not None:
        p = Path(gold_path).parent / p
    return p


def _find_all(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


class _Locator:
    """Finds annotated strings in the text: as written, else on the same-length normalized view (script, width)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._view: str | None = None

    @property
    def view(self) -> str:
        if self._view is None:
            self._view = make_view(self.text)
        return self._view

    def find_all(self, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
        hi = len(self.text) if hi is None else hi
        hits = [lo + i for i in _find_all(self.text[lo:hi], needle)]
        if hits:
            return hits
        return [lo + i for i in _find_all(self.view[lo:hi], make_view(needle))]

    def same(self, start: int, end: int, surface: str) -> bool:
        return self.text[start:end] == surface or self.view[start:end] == make_view(surface)

    def place(self, surface: str, context: str | None, occurrence: int | None) -> tuple[int, int] | str:
        """(start, end) of ``surface``, or a message saying why it cannot be placed."""
        if not surface:
            return "empty surface"
        if context:
            if surface not in context and make_view(surface) not in make_view(context):
                return f"context {context!r} does not contain {surface!r}"
            ctx_hits = self.find_all(context)
            if not ctx_hits:
                return f"context {context!r} is not in the text"
            base = self._pick(ctx_hits, occurrence, f"context {context!r}")
            if isinstance(base, str):
                return base
            inner = self.find_all(surface, base, base + len(context))
            if len(inner) != 1:
                return f"{surface!r} occurs {len(inner)} times in its context {context!r}; shorten the context"
            return inner[0], inner[0] + len(surface)
        hits = self.find_all(surface)
        if not hits:
            return f"{surface!r} is not in the text"
        start = self._pick(hits, occurrence, repr(surface))
        if isinstance(start, str):
            return start
        return start, start + len(surface)

    @staticmethod
    def _pick(hits: list[int], occurrence: int | None, what: str) -> int | str:
        if occurrence is not None:
            if not isinstance(occurrence, int) or not 1 <= occurrence <= len(hits):
                return f"{what} occurs {len(hits)} times; occurrence {occurrence!r} is out of range"
            return hits[occurrence - 1]
        if len(hits) > 1:
            return f"{what} occurs {len(hits)} times in the text; add a context string or an occurrence number"
        return hits[0]


def resolve_gold(gold: dict, text: str, source: str = "gold") -> dict:
    """The gold in offsets form: every item placed (context form) or checked (offsets form) against ``text``.

    Raises GoldError listing every item that cannot be placed or whose offsets do not quote its surface.
    """
    loc = _Locator(text)
    problems: list[str] = []
    out: dict[str, Any] = {
        k: v for k, v in gold.items() if k not in ("quantities", "negatives", "projects", "optional_projects", "goals")
    }

    def place(section: str, i: int, item: Any, key: str) -> dict | None:
        where = f"{section}[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected an object")
            return None
        item = dict(item)
        # what the annotated span reads: its surface, else its name (projects) or text (goals)
        surface = item.get("surface", item.get(key))
        if "start" in item and "end" in item:
            s, e = item["start"], item["end"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
                problems.append(f"{where}: offsets {s!r}-{e!r} are outside the text ({len(text)} characters)")
                return None
            # a project's name may be normalized; only a surface is checked for it
            checked = item.get("surface") if section.endswith("projects") else surface
            if isinstance(checked, str) and not loc.same(s, e, checked):
                problems.append(f"{where}: the text at {s}-{e} reads {text[s:e]!r}, not {surface!r}")
                return None
            return item
        if not isinstance(surface, str):
            problems.append(f"{where}: needs start/end offsets or a {key!r} string")
            return None
        got = loc.place(surface, item.get("context"), item.get("occurrence"))
        if isinstance(got, str):
            problems.append(f"{where}: {got}")
            return None
        item["start"], item["end"] = got
        if key == "surface":
            item["surface"] = surface
        return item

    def section(name: str, key: str) -> list[dict]:
        items = gold.get(name, [])
        if not isinstance(items, list):
            problems.append(f"{name}: expected a list")
            return []
        return [x for i, it in enumerate(items) if (x := place(name, i, it, key)) is not None]

    out["quantities"] = section("quantities", "surface")
    for i, q in enumerate(out["quantities"]):
        q.setdefault("kind", "neutral")
        if "base_unit" not in q and "unit" in q:
            q["base_unit"] = q["unit"]
        if q["kind"] not in QUANTITY_KINDS:
            problems.append(f"quantities[{i}]: kind {q['kind']!r} is not one of {', '.join(QUANTITY_KINDS)}")
        v = q.get("value")
        if not (isinstance(v, int | float) or (isinstance(v, list) and len(v) == 2)):
            problems.append(f"quantities[{i}] {q.get('surface')!r}: value must be a number or [low, high]")
        if "base_unit" not in q:
            problems.append(f"quantities[{i}] {q.get('surface')!r}: needs base_unit")
        if "qualifier" in q and q["qualifier"] not in QUALIFIERS:
            problems.append(f"quantities[{i}]: qualifier {q['qualifier']!r} is not one of {', '.join(QUALIFIERS)}")
    out["negatives"] = section("negatives", "surface")
    out["projects"] = section("projects", "name")
    out["optional_projects"] = section("optional_projects", "name")
    out["goals"] = section("goals", "text")

    ps = gold.get("plan_start")
    if isinstance(ps, str):
        hits = loc.find_all(ps)
        if len(hits) != 1:
            problems.append(f"plan_start: {ps!r} occurs {len(hits)} times in the text; it must occur once")
        else:
            out["plan_start"] = hits[0]
    windows = []
    for i, w in enumerate(gold.get("windows", []) or []):
        if isinstance(w, list) and len(w) == 2 and all(isinstance(x, int) for x in w):
            windows.append(w)
        elif isinstance(w, list) and len(w) == 2 and all(isinstance(x, str) for x in w):
            a = loc.find_all(w[0])
            b = [x for x in loc.find_all(w[1]) if a and x >= a[0]]
            if len(a) != 1 or not b:
                problems.append(f"windows[{i}]: {w[0]!r} must occur once and {w[1]!r} after it")
            else:
                windows.append([a[0], b[0] + len(w[1])])
        else:
            problems.append(f"windows[{i}]: expected [start, end] offsets or [from_text, to_text] strings")
    if "windows" in gold:
        out["windows"] = windows
    if problems:
        raise GoldError(source, problems)
    return out

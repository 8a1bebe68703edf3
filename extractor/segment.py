"""Lines, sentences, clauses, headings and the parts of a report (review, problems, plan, appendix).

Everything works on the view and returns spans into the original text. Headings come in three shapes:
a short line of its own, the unpunctuated end of a line ("…加以解决。2020年政府工作打算"), and a run-in
heading that opens a paragraph ("（二）推进生态文明建设。一是…").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from extractor import _compiled, layout
from extractor._data import any_of, column, table
from extractor.han import is_han

SENTENCE_END = "。！？!?；;"
CLAUSE_END = "，,：:"
# The spaces that stand inside a line: PDF padding, a portal's indent, an ideographic space.
INLINE_SPACES = " \t\u3000"
# The marks no figure and no list item runs across: a sentence's or a clause's end, and the list mark 、.
CLAUSE_MARKS = SENTENCE_END + CLAUSE_END + "、"
_CLOSERS = "”’」』)）\"'"
MAX_HEADING = 40
MAX_TRAILING_HEADING = 30

_LINE_END = re.compile(r"\r\n|\r|\n")
YEAR = _compiled.compile(r"((?:19|20)[0-9]{2})年")  # a year as reports write it (2019年)


@cache
def list_marks() -> frozenset[str]:
    """The one-character words that join a list's items (、, 和, 及, 与: ranges.tsv kind list)."""
    return frozenset(w for w in column("ranges.tsv", "text", kind="list") if len(w) == 1)


@cache
def _markers() -> dict[str, _compiled.Pattern]:
    rows = table("markers.tsv")
    kinds = dict.fromkeys(r["kind"] for r in rows)
    # Tried at the start of every line and sentence, on the view: the standard engine where it reads them alike.
    return {
        k: _compiled.compile_plain(
            r"^\s*(?:" + "|".join(f"(?:{r['pattern']})" for r in rows if r["kind"] == k) + ")", on_view=True
        )
        for k in kinds
    }


def item_number_marker() -> _compiled.Pattern:
    """The number that opens a line and numbers an item (2、7.1亿元: markers.tsv kind item_number), matched at the
    start of a string."""
    return _markers()["item_number"]


def heading_markers() -> tuple[_compiled.Pattern, _compiled.Pattern, _compiled.Pattern]:
    """The markers that open a heading of level 1, 2 and 3 (一、 / (一) / 1.), from markers.tsv."""
    m = _markers()
    return m["level1"], m["level2"], m["level3"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class NoiseSpan(Span):
    through: bool = False  # the words on both sides read as one across it (pinyin ruby inside 增長)


@dataclass
class Heading:
    start: int
    end: int
    text: str
    level: int
    kind: str | None  # the part this heading opens, when it names one
    run_in: bool = False


@dataclass
class Part:
    kind: str  # preamble, review, problems, plan, appendix
    start: int
    end: int
    heading: Heading | None
    headings: list[Heading] = field(default_factory=list)


class SpanIndex:
    """Sorted spans (noise regions, headings) and the position questions the readers ask of them."""

    def __init__(self, spans: Sequence[Any]) -> None:
        self.spans = spans
        self.starts = [x.start for x in spans]

    def at(self, pos: int) -> Any | None:
        """The span holding ``pos`` (of the last one starting at or before it)."""
        i = bisect.bisect_right(self.starts, pos)
        return self.spans[i - 1] if i > 0 and pos < self.spans[i - 1].end else None

    def before(self, pos: int) -> Any | None:
        """The last span that starts before ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.spans[i - 1] if i > 0 else None

    def contains(self, s: int, e: int) -> bool:
        """Whether [s, e) lies inside the last span that starts at or before s."""
        i = bisect.bisect_right(self.starts, s)
        return i > 0 and e <= self.spans[i - 1].end

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s)
        return (i > 0 and self.spans[i - 1].end > s) or (i < len(self.starts) and self.starts[i] < e)


class CharIndex:
    """Where the characters of one set stand in a view, found once: the last one before a position is a bisect,
    where a backward scan would cost the length of the clause for every figure in it."""

    def __init__(self, view: str, chars: str) -> None:
        self.positions = [m.start() for m in re.finditer("[" + re.escape(chars) + "]", view)]

    def last_before(self, pos: int, floor: int = 0) -> int | None:
        """The last position in [floor, pos) holding one of the characters, or None."""
        i = bisect.bisect_left(self.positions, pos) - 1
        return self.positions[i] if i >= 0 and self.positions[i] >= floor else None

    def first_from(self, pos: int, ceiling: int) -> int | None:
        """The first position in [pos, ceiling) holding one of the characters, or None."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i] if i < len(self.positions) and self.positions[i] < ceiling else None


@dataclass
class Segments:
    lines: list[Span]
    sentences: list[Span]
    headings: list[Heading]
    parts: list[Part]
    inline_starts: list[tuple[int, str]] = field(default_factory=list)  # sentences that open a part
    noise: list[Span] = field(default_factory=list)  # noise regions, sorted: no name or value is read inside
    _sentence_starts: list[int] = field(default_factory=list)
    _part_starts: list[int] = field(default_factory=list)
    _noise_index: SpanIndex | None = None
    _solid: tuple[list[Span], SpanIndex, list[Span], list[int]] | None = None
    _char_indexes: dict[str, CharIndex] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._part_starts = [p.start for p in self.parts]

    def with_years(self, view: str, years: dict[int, str]) -> Segments:
        """Give top-level headings that name the reviewed or planned year their part, and rebuild the parts."""
        changed = False
        for h in self.headings:
            if h.kind is None and h.level == 1 and not h.run_in and _markers()["level1"].match(view[h.start : h.end]):
                h.kind = _year_kind(view[h.start : h.end], years)
                changed = changed or h.kind is not None
        if not changed:
            return self
        out = _assemble(self.lines, self.sentences, self.headings, self.inline_starts, len(view))
        out.noise = self.noise
        return out

    def join_sentences(self, spans: list[tuple[int, int]]) -> None:
        """Make the sentences that each of ``spans`` (sorted) runs across one: a figure wrapped onto the next line
        (23\\n亿元) belongs to the sentence it starts in and to the one its unit ends, which are one sentence.
        One pass over the sentences, however many figures are wrapped."""
        if not spans:
            return
        runs: dict[int, int] = {}  # first sentence index -> last sentence index of a run to join
        for start, end in spans:
            i, j = self.sentence_index(start), self.sentence_index(end - 1)
            if i >= 0 and j > i:
                runs[i] = max(runs.get(i, i), j)
        if not runs:
            return
        out: list[Span] = []
        k = 0
        n = len(self.sentences)
        while k < n:
            last = runs.get(k, k)
            m = k
            while m < last:  # a run may reach into the next one's first sentence
                m += 1
                last = max(last, runs.get(m, m))
            out.append(Span(self.sentences[k].start, self.sentences[last].end) if last > k else self.sentences[k])
            k = last + 1
        self.sentences = out
        self._sentence_starts = [x.start for x in out]

    def sentence_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return Span(pos, pos)

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def part_at(self, pos: int) -> Part | None:
        i = bisect.bisect_right(self._part_starts, pos) - 1
        return self.parts[i] if i >= 0 else None

    def noise_index(self) -> SpanIndex:
        if self._noise_index is None or self._noise_index.spans is not self.noise:
            self._noise_index = SpanIndex(self.noise)
        return self._noise_index

    def noise_at(self, pos: int) -> bool:
        return self.noise_index().at(pos) is not None

    def _split_noise(self) -> tuple[list[Span], SpanIndex, list[Span], list[int]]:
        if self._solid is None or self._solid[0] is not self.noise:
            through = [r for r in self.noise if getattr(r, "through", False)]
            if through:
                solid = SpanIndex([r for r in self.noise if not getattr(r, "through", False)])
            else:
                solid = self.noise_index()
            self._solid = (self.noise, solid, through, [r.start for r in through])
        return self._solid

    def solid_noise_index(self) -> SpanIndex:
        """The noise regions that words are not read across: all but pinyin ruby."""
        return self._split_noise()[1]

    def through_noise(self) -> list[Span]:
        """The noise regions that words are read across (pinyin ruby), sorted."""
        return self._split_noise()[2]

    def through_starts(self) -> list[int]:
        """Where the regions of ``through_noise`` start, listed once: a reader called once per sentence listed
        them again each time, which was quadratic in a text of many sentences with ruby."""
        return self._split_noise()[3]

    def char_index(self, view: str, chars: str) -> CharIndex:
        """Where ``chars`` stand in ``view`` (the view these segments were made from), found on first use."""
        index = self._char_indexes.get(chars)
        if index is None:
            index = self._char_indexes[chars] = CharIndex(view, chars)
        return index


@cache
def _cues() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    out = []
    for r in table("sections.tsv"):
        cue = r["cue"]
        if r["where"] == "end":
            cue = f"(?:{cue})$"
        out.append((r["kind"], r["where"], _compiled.compile(cue)))
    return tuple(out)


def heading_kind(text: str) -> str | None:
    """The part a heading opens, from the cues in sections.tsv; None for an ordinary sub-heading.

    A heading that names both a review and a plan (洪山镇2019年工作总结及2020年工作规划) is a title, not a part.
    """
    core = text.strip().rstrip("。.:：;；,，").strip()
    core = _markers()["level1"].sub("", _markers()["level2"].sub("", core)).strip()
    if _any_heading_cue().search(core) is None:
        return None  # most headings name no part: one look rules every cue out
    for kind, where, pat in _cues():
        if where != "sentence" and pat.search(core):
            return None if kind == "title" else kind
    return None


@cache
def _any_heading_cue() -> regex.Pattern[str]:
    return any_of([pat.pattern for _, where, pat in _cues() if where != "sentence"])


def sentence_opens_part(sentence: str) -> str | None:
    for kind, pat in _sentence_cues():
        if pat.search(sentence):
            return kind
    return None


@cache
def _sentence_cues() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((kind, pat) for kind, where, pat in _cues() if where == "sentence")


def split_lines(text: str) -> list[Span]:
    """The lines of ``text`` without their line ends (\\r\\n, \\r or \\n); a final line end opens no empty line.
    Cut at the line ends, found with the standard engine: reading every character of a line through a set was
    slower."""
    out = []
    start = 0
    for m in _LINE_END.finditer(text):
        out.append(Span(start, m.start()))
        start = m.end()
    if start < len(text):
        out.append(Span(start, len(text)))
    return out


# A sentence's end: a sentence mark and the closing quotes after it.
_SENTENCE_END = re.compile(rf"[{re.escape(SENTENCE_END)}][{re.escape(_CLOSERS)}]*")


def split_sentences(view: str, start: int, end: int) -> list[Span]:
    """Sentences of one line: they end after 。！？； and any closing quote that follows.

    The line is cut after each sentence end, found with the standard engine: a regex pattern of the whole sentence
    ([^。！？…]*(?:[。！？…][”’…]*|$)) read every character through a character set, and this ran for every line."""
    out = []
    p = start
    points = set(layout.full_stops(view, start, end))  # 。 for a point (307。5平方公里) ends no sentence
    for m in _SENTENCE_END.finditer(view, start, end):
        if m.start() in points:
            continue
        e = m.end()
        if not view[p:e].isspace():
            out.append(Span(p, e))
        p = e
    if p < end and not view[p:end].isspace():
        out.append(Span(p, end))
    return out


def _strip_span(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in INLINE_SPACES:
        start += 1
    while end > start and view[end - 1] in INLINE_SPACES:
        end -= 1
    return start, end


def _level(text: str) -> int:
    for level, pat in enumerate(heading_markers(), start=1):
        if pat.match(text):
            return level
    return 0


def _is_heading_line(line: str) -> bool:
    core = line.strip()
    if not 2 <= len(core) <= MAX_HEADING:
        return False
    if core[-1] in "，,；;、:：" or "。" in core[:-1]:
        return False
    return sum(1 for c in core if is_han(c)) >= 2


def _year_kind(heading: str, years: dict[int, str]) -> str | None:
    """A top-level heading naming the planned or the reviewed year opens that part (三、2025年政府工作任务)."""
    found = {int(m.group(1)) for m in YEAR.finditer(heading)}
    kinds = {years[y] for y in found if y in years}
    return kinds.pop() if len(kinds) == 1 else None


def segment(text: str, view: str, noise: list[Span] | None = None) -> Segments:
    """Split ``text`` into lines, sentences, headings and parts; ``noise`` regions hold no headings."""
    noise = noise or []
    index = SpanIndex(noise)

    def in_noise(pos: int) -> bool:
        return index.at(pos) is not None

    def skip_noise(pos: int, end: int) -> int:
        while pos < end and (region := index.at(pos)) is not None:
            pos = region.end
        return pos

    # Lines as the view breaks them: the same as the text's, except escaped line breaks (normalize.views).
    lines = split_lines(view)
    sentences: list[Span] = []
    headings: list[Heading] = []
    inline: list[tuple[int, str]] = []
    for ln in lines:
        ls, le = _strip_span(view, ln.start, ln.end)
        if ls >= le or in_noise(ls):
            # A sentence that starts with noise (a placeholder, a watermark) keeps what follows it.
            for sent in split_sentences(view, ln.start, ln.end):
                st = skip_noise(sent.start, sent.end)
                if view[st : sent.end].strip():
                    sentences.append(Span(st, sent.end))
            continue
        line_view = view[ls:le]
        line_sents = split_sentences(view, ls, le)
        sentences.extend(line_sents)
        if _is_heading_line(line_view):
            lvl = _level(line_view)
            kind = heading_kind(line_view)
            h = Heading(ls, le, text[ls:le], lvl if lvl else (1 if kind else 2), kind)
            headings.append(h)
            continue
        if len(line_sents) > 1:
            last = line_sents[-1]
            tail = view[last.start : last.end].strip()
            if (
                tail
                and len(tail) <= MAX_TRAILING_HEADING
                and tail[-1] not in SENTENCE_END + CLAUSE_END
                and (kind := heading_kind(tail))
                and kind != "appendix"
            ):
                ts, te = _strip_span(view, last.start, last.end)
                headings.append(Heading(ts, te, text[ts:te], 1, kind))
        first = line_sents[0]
        first_text = view[first.start : first.end]
        lvl = _level(first_text)
        next_text = view[line_sents[1].start : line_sents[1].end] if len(line_sents) > 1 else ""
        if (lvl and len(first_text) <= MAX_HEADING) or (
            len(first_text) <= MAX_TRAILING_HEADING and _markers()["first_item"].match(next_text)
        ):
            fs, fe = _strip_span(view, first.start, first.end)
            headings.append(Heading(fs, fe, text[fs:fe], lvl or 2, heading_kind(first_text), run_in=True))
        # A cue found in no part of the line is in none of its sentences: most lines are skipped at once.
        if any(pat.search(view, ls, le) for _, pat in _sentence_cues()):
            for s in line_sents:
                kind = sentence_opens_part(view[s.start : s.end])
                if kind:
                    inline.append((s.start, kind))
    headings.sort(key=lambda h: h.start)
    out = _assemble(lines, sentences, headings, inline, len(text))
    out.noise = list(noise)
    return out


def _assemble(
    lines: list[Span], sentences: list[Span], headings: list[Heading], inline: list[tuple[int, str]], n: int
) -> Segments:
    part_starts: list[tuple[int, str, Heading | None]] = [(s, k, None) for s, k in inline]
    for h in headings:
        # Sub-headings (（一）, 1.) never switch parts: review sub-headings often say 规划 or 计划.
        if h.kind and h.level <= 1 and not h.run_in:
            part_starts.append((h.start, h.kind, h))
    part_starts.sort(key=lambda p: p[0])
    parts = _parts(part_starts, n)
    # Parts are contiguous and sorted: a heading's part is a bisect, not a walk over every part.
    starts = [p.start for p in parts]
    for h in headings:
        i = bisect.bisect_right(starts, h.start) - 1
        if i >= 0 and h.start < parts[i].end:
            parts[i].headings.append(h)
    return Segments(lines, sentences, headings, parts, inline)


def _parts(starts: list[tuple[int, str, Heading | None]], n: int) -> list[Part]:
    parts: list[Part] = []
    first = starts[0][0] if starts else n
    if first > 0:
        parts.append(Part("preamble", 0, first, None))
    for _i, (s, kind, h) in enumerate(starts):
        if parts and parts[-1].kind == kind and h is None:
            continue  # a second problems sentence inside the problems part
        if parts and parts[-1].start == s:
            continue
        if parts:
            parts[-1].end = s
        parts.append(Part(kind, s, n, h))
    if parts:
        parts[-1].end = n
    return parts

"""Whether a project's name singles out one work or only names a kind of them (重点项目, 新能源项目, 省市县三级项目,
农村饮水安全工程), read on its simplified text with the lexicon of project_lexicon.py.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from extractor.numerals import chinese_chars as numerals_chars
from extractor.records.name_edges import CLOSE_QUOTES, OPEN_QUOTES, head_at_end
from extractor.records.project_lexicon import Lex, lexicon

_QUOTED = regex.compile("[“‘「\"'](.+?)[”’」\"']")
_QUOTES = regex.compile("[" + regex.escape(OPEN_QUOTES + CLOSE_QUOTES) + "]")


def strip_words(core: str, words_of: Callable[[str], bool], lex: Lex) -> str:
    """Strip words of two or more characters (and counts) from both ends of ``core`` while they are generic; what
    is left is the name's own part. A single generic character is left too (上村 is a name, 上 alone is not)."""
    changed = True
    while core and changed:
        changed = False
        m = lex.count.match(core)
        if m and m.end() > 0:
            core = core[m.end() :]
            changed = True
            continue
        for n in lex.generic_lengths:
            if n < 2 or n > len(core):
                continue
            if words_of(core[:n]):
                core = core[n:]
                changed = True
                break
            if words_of(core[-n:]):
                core = core[:-n]
                changed = True
                break
    return "" if len(core) == 1 and words_of(core) else core


def is_generic(name: str, lex: Lex, money: bool = False) -> bool:
    """True when ``name`` (simplified) singles out no project: 重点项目, 新能源项目, 省市县三级项目, 优质企业和项目,
    and national programmes named by their kind (农村饮水安全工程). With ``money`` of its own (投资9920万元的农村饮水
    安全工程) any name is one work, unless it is a numbered slogan or a plural."""
    if lex.code.search(name):
        return False
    quoted = _QUOTED.search(name)
    if (
        quoted
        and any(ch.isdigit() or ch in numerals_chars() for ch in quoted.group(1))
        and not lex.serial.search(quoted.group(1))
    ):
        return True  # “十个全覆盖”工程: a numbered slogan names a campaign; “雅江1号” is a serial name
    core = _QUOTES.sub("", name)
    if money:
        return core.startswith(lex.plural)
    # A phase (智慧城市一期项目) or a capacity singles a work out, unless the phase is all there is (一期工程).
    m = lex.tails.search(core)
    if m and lex.phase.fullmatch(m.group()) and m.start() > 0:
        return False
    if lex.capacity.match(core):
        return False
    if lex.link in core or core.endswith(lex.generic_end) or core.startswith(lex.plural):
        return True
    parts = lex.joiners.split(core)
    if len(parts) > 1 and all(len(x) >= 2 for x in parts):
        # 污水处理厂和垃圾处理场: generic when every part is; 地区发展和重大项目: when the part that holds the head is
        # and the others hold none (they are no works).
        if is_generic(parts[-1], lex) and not any(
            head_at_end(x, lex) or lex.tail_end.search(x) for x in parts[:-1]
        ):  # 潮白河综合治理与生态修复工程: a works phrase before the joiner is a work's own
            return True
        return all(is_generic(x, lex) or x in lex.head_words for x in parts)
    head = head_at_end(core, lex) or ""
    categorical = head in lex.category_heads or not head
    worked = False  # a works word closed the name (县医院迁建)
    while True:  # 工程项目, 道路改造, 园区项目: every head and works word at the end
        m = lex.tails.search(core)
        stripped = head_at_end(core, lex)
        if m is not None and m.end() == len(core) and m.start() > 0:
            core = core[: m.start()]
            worked = worked or not lex.phase.fullmatch(m.group())
        elif (
            stripped is not None
            and len(stripped) < len(core)
            and (stripped in lex.strong or stripped in lex.category_heads or stripped == head)
        ):
            core = core[: -len(stripped)]  # 西环路 keeps 西环: a weak head inside a name is part of it
        else:
            break
    if lex.tails.fullmatch(core):
        return True  # 改扩建工程
    if worked and core in lex.own_scope:
        return False  # 县医院迁建: the county's one hospital, moved; 县医院 alone names the kind
    if core.endswith(lex.kind_end):
        return True  # 综合性项目, 基地型项目: a kind of project
    if core in lex.head_words:
        return True  # 中医院, 污水处理厂: a kind of work, not a named one
    if lex.count_end.search(core):
        return True  # 城市森林三大工程: a count of works
    if head and head not in lex.strong and len(core) < 2:
        return True  # 田园: a weak head needs a name of two characters or more before it

    def generic_word(w: str) -> bool:
        return w in lex.generic or w in lex.programme or (categorical and (w in lex.category or w in lex.list_heads))

    return not strip_words(core, generic_word, lex)


@lru_cache(maxsize=1 << 16)
def generic_name(name: str, money: bool = False) -> bool:
    """is_generic with the lexicon, remembered: the same names recur across parts and reports."""
    return is_generic(name, lexicon(), money)

"""Document metadata: title, region, administrative level and code, reviewed and planned years."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractor import gazetteer, layout, masks, numerals, ruby
from extractor._data import column
from extractor.records import region_lexicon as rl
from extractor.records.addresses import lies_in, township_inside, township_of_its_address
from extractor.records.region_names import OWN_MIN as _OWN_MIN
from extractor.records.region_names import addressed, last_unit, one_character, valid_region
from extractor.records.scope_level import level_from_scope, masked_level
from extractor.records.superiors import below_scope, own_or_none, superior, without_furniture
from extractor.records.titles import HEAD_LINES, SPACES, find_title, first_lines
from extractor.records.township_names import (
    at,
    fuller_township,
    misspelt,
    runs_into,
    stands_alone,
    whole_long,
    whole_numeral,
)
from extractor.records.years import years
from extractor.segment import Segments


@dataclass
class MetaInfo:
    title: str | None
    title_span: tuple[int, int] | None
    region: str | None
    region_simplified: str | None
    admin_level: str | None
    admin_code: str | None
    year_reviewed: int | None
    year_planned: int | None


def _resolve(name: str, context: str) -> tuple[str | None, str | None]:
    """Level and admin code of a region name; a parent named in ``context`` settles duplicates (朝阳区)."""
    rows = rl.regions().get(name, [])
    if rows:
        if len(rows) > 1:
            codes = rl.codes()
            named = [r for r in rows if r["parent"] and codes.get(r["parent"], {}).get("name", "\0") in context]
            rows = named or rows
        row = rows[0]
        code = row["code"] if len(rows) == 1 or len({r["code"] for r in rows}) == 1 else None
        return row["level"], code
    return rl.suffix_level(name), None


# How far before a mention the words of a superior's directions may start (按照兖州市委、兖州市政府).
_NOT_OWN_REACH = 20


def _most_named(view: str, level: str | None) -> str | None:
    """The known region the text names most often (by its stem: 东营 for 东营市), at the level its scope words
    suggest: the fallback for reports that never name themselves. A stem that is a common word (资源 of 资源县)
    is no evidence; only its full name counts."""
    stems = rl.stems()
    common = rl.region_words()
    counts: dict[str, int] = {}
    full: set[str] = set()
    as_township: set[str] = set()  # names whose stem is also written with a township's suffix (长安 of 长安镇)
    township_suffix = rl.township_suffix_re()
    glued: dict[str, set[str]] = {}  # the characters that a short name's mentions are glued to (嘉 of 嘉義縣)
    after: dict[str, set[str]] = {}  # the characters right after a name's mentions (江 of 金沙江 for 金沙县)
    feature = rl.patterns_of("feature_after")
    # The words before and after a mention that make it another place than the text's own.
    not_before, not_after = rl.patterns_of("not_own_before"), rl.patterns_of("not_own_after")
    neighbour, beside = rl.patterns_of("neighbour_before"), rl.patterns_of("neighbour_after")
    # Only where a stem's first character stands (found by one scan in C), not at every position of the text.
    for hit in rl.stem_first().finditer(view, 0, max(0, len(view) - 1)):
        i = hit.start()
        for stem, name in stems.get(view[i : i + 2], ()):
            said = name if stem in common else stem
            if (
                stem in common
                and not _after_its_city(view, i, name)
                and (
                    name == stem
                    or name in common
                    or (i > 0 and rl.HAN.match(view, i - 1) and view[i - 1] not in rl.suffix_chars())
                )
            ):
                # 文明城区: a common word's region (城区) counts only as a word of its own (阳泉市城区); one whose
                # full name is the common word (城区, 老城区) only right after its own city's name (阳泉市城区, never
                # ，城区环境 or 县老城区周围, 某区城区西部: found by masking excerpts' own names)
                continue
            if view.startswith(said, i):
                in_full = view.startswith(name, i)
                end = i + len(name if in_full else said)
                if not in_full and township_suffix.match(view, end):
                    as_township.add(name)
                if not_after.match(view, end) or not_before.search(view, max(0, i - _NOT_OWN_REACH), i):
                    break  # a superior's directions (按照兖州市委), a level (兖州市级): the same mention for every stem
                if neighbour.search(view, max(0, i - _NEIGHBOUR_REACH), i) or beside.match(view, end):
                    # 南连开平市水口镇, 与开平市接壤: a neighbour (found by masking an excerpt's own names, round s407)
                    break
                if in_full and any(
                    view.startswith(n2 if s2 in common else s2, end) for s2, n2 in stems.get(view[end : end + 2], ())
                ):
                    break  # 德州市陵城区糜镇: a superior in an address, before the place it holds
                counts[name] = counts.get(name, 0) + 1
                if in_full:
                    full.add(name)
                after.setdefault(name, set()).add(view[end : end + 1] if not in_full else "")
                if len(name) == _SHORT_NAME and i > 0 and rl.HAN.match(view, i - 1):
                    glued.setdefault(name, set()).add(view[i - 1])
    # A short name glued at every mention to one character that no suffix is ends a longer name the table lacks: 嘉義縣
    # four times is no 义县 (Liaoning's: found blind in round s284, a wrong key); 在萧县 and 萧县 are 萧县.
    for name, chars in glued.items():
        if len(chars) == 1 and not chars & rl.suffix_chars() and _glued_everywhere(view, name, chars):
            counts.pop(name, None)
    for name, chars in after.items():
        if len(chars) == 1 and feature.fullmatch(next(iter(chars))):
            counts.pop(name, None)  # 金沙江 at every mention: a river, no 金沙县 (found blind in round s317)
    regions = rl.regions()
    # With no scope words to say the text's level, a place named only by its short name (新泰籍, 在新泰注册 in a
    # township's summary) may be the county around it: its full name must be written at least once.
    # A stem written as a township's too (东莞市长安镇, then 长安将…) is that township's wherever the county's full name
    # is never written: no 长安区 for Dongguan's town (found blind in round s858, a wrong key).
    cands = [
        (n, c)
        for n, c in counts.items()
        if (level is None and n in full)
        or (
            level is not None
            and regions[n][0]["level"] in _compatible(level)
            and (n in full or n not in as_township)
        )
    ]
    if not cands:
        return None
    name, n = max(cands, key=lambda kv: (kv[1], _LEVEL_RANK.get(regions[kv[0]][0]["level"], 0)))
    return name if n >= 3 else None


def _after_its_city(view: str, i: int, name: str) -> bool:
    """Whether the mention of ``name`` at ``i`` stands right after the full or short name of a city that holds a
    region of that name (阳泉市城区, 洛阳老城区)."""
    codes = rl.codes()
    for row in rl.regions()[name]:
        city = codes.get(row["parent"], {}).get("name", "")
        if city and (view.endswith(city, 0, i) or view.endswith(gazetteer.stem(city), 0, i)):
            return True
    return False


def _glued_everywhere(view: str, name: str, chars: set[str]) -> bool:
    """Whether every mention of ``name`` in ``view`` stands right after one of ``chars``."""
    i = view.find(name)
    while i >= 0:
        if i == 0 or view[i - 1] not in chars:
            return False
        i = view.find(name, i + 1)
    return True


_SHORT_NAME = 2  # a county's name of one character and its suffix (义县, 萧县), the likeliest to end a longer one
_LEVEL_RANK = {"provincial": 3, "prefecture": 2, "county": 1}
_NEIGHBOUR_REACH = 3  # the longest word of neighbour_before (region_patterns.tsv)
_OWN_STEM = (2, 4)  # the lengths of a township's name without its suffix
_LONGER_STEMS = range(_OWN_STEM[1], _OWN_STEM[0] - 1, -1)  # the longest reading first


def _own_name(view: str, level: str | None) -> str | None:
    return _own_reading(view, level)[0]


def _own_reading(view: str, level: str | None) -> tuple[str | None, bool]:
    """The township a township's report names again and again in its body (木棠镇 … 木棠镇), when its title and
    speaker line do not: regions.tsv does not list townships, so the name is read from the text. Only for a text
    whose scope words (全镇, 我乡) say it is a township's, or give no level (a news item, a short excerpt: never a
    county's or a city's report, whose scope words say so), and only a name written at least three times. The
    second value says whether two townships were written equally often, so that none was taken."""
    if level != "township":
        return None, False
    counts: dict[str, int] = {}
    in_kinds: dict[str, int] = {}  # a reading's mentions that a kind of place holds (林城镇 of 园林城镇)
    alone: dict[str, int] = {}  # a reading's mentions with a stop before them (、建设镇, 在建设镇, a line's start)
    not_names = rl.not_township_names()
    slogans = _quoted(view)
    place_words = gazetteer.place_words()
    neighbour = rl.patterns_of("neighbour_before")
    former = rl.patterns_of("former")
    for m in rl.township_suffix_re().finditer(view):
        doubled = view.startswith(m.group(), m.end())  # 玛家乡乡长, 张镇镇政府: the name, then its office's word
        after = m.end()
        starts_word = rl.not_in_stem().match(view, after) and not rl.patterns_of("word_after_name").match(view, after)
        if (starts_word and not doubled) or view.startswith(
            place_words.get(m.group()[0], ()), m.start()
        ):
            continue  # a suffix that starts a word (乡村, 镇村, 乡亲: 各位乡亲) ends no name
        p = m.start()
        if slogans[p] or any(view[max(0, p - k) : m.end()] in not_names for k in _LONGER_STEMS):
            # “生态水乡、休闲小镇”: a slogan (a short quotation, as masks.py reads one; found blind in round r49);
            # 森林城镇: a kind of township whose tail (林城镇) is a name the gazetteer knows
            continue
        if any(neighbour.search(view, max(0, p - k - _NEIGHBOUR_REACH), p - k) for k in _LONGER_STEMS):
            continue  # 西邻巴彦图嘎苏木: a neighbour, not the text's own place (nor is 彦图嘎苏木, a shorter reading)
        if former.match(view, max(0, p - _OWN_STEM[0] - 1)) and p > _OWN_STEM[0]:
            continue  # 原枫林乡: a former place (a township merged into the text's own), never the text's own
        read: list[str] = []
        for k in range(_OWN_STEM[0], _OWN_STEM[1] + 1):
            stem = view[max(0, p - k) : p]
            # A stem stops at a character that no name holds (在, 我, 的 …), at a suffix (乡镇) or at non-Han text;
            # but a name whose stem the gazetteer knows may hold one (协和街道, of 协和镇's stem; 上江乡: found blind).
            # A word before the name (中共 of 中共莞城街道) is no part of it; 全县乡镇 gives no 县乡镇, and 乡镇政府镇长
            # no 政府镇; but the gazetteer's 周市镇 holds a suffix character (found blind in round s74).
            if (
                len(stem) < k
                or not rl.HAN.fullmatch(stem)
                or runs_into(view, p - k, p, rl.before_name())
                or (rl.not_in_names().search(stem) is not None and not gazetteer.lookup(stem + m.group(), "township"))
                or (rl.not_in_stem().search(stem) is not None and not rl.known_township(stem + m.group()))
                or rl.name_ends().search(stem) is not None
            ):
                break
            name = stem + m.group()
            if name.endswith(not_names) and not rl.known_township(name):
                # 年全镇, 座小镇; but 大集镇 and 新城镇 end with a kind of place (集镇, 城镇) and are known. The
                # readings inside such a kind are its pieces here (园林城镇 holds 林城镇)
                for shorter in read:
                    in_kinds[shorter] = in_kinds.get(shorter, 0) + 1
                break
            counts[name] = counts.get(name, 0) + 1
            read.append(name)
        if read and stands_alone(view, p - len(read[-1]) + len(m.group())):
            alone[read[-1]] = alone.get(read[-1], 0) + 1
    # 街道办事处 read before 办事处 at every mention of 新城街道办事处 is suffixes only, no name.
    # A name whose every mention a kind of place holds is none (创建园林城镇 three times is no 林城镇: found blind in
    # round s270, keyed to a town of that name).
    # A name whose stem is a common word must stand alone once: 示范建设镇, 中心建设镇, 重点建设镇 name no 建设镇 (found
    # blind in round s430, a wrong key), nor do 梅园新村街道 and 潍坊新村街道 a 新村街道.
    partners = _partners(view)
    cands = [
        (n, c)
        for n, c in counts.items()
        if c >= _OWN_MIN
        and c > in_kinds.get(n, 0)
        and valid_region(n)
        and (n in alone or not rl.common_word(n))
        and n not in partners
    ]
    if not cands:
        return None, False
    # The longest of equally frequent readings: 大石桥镇 over 石桥镇; and a longer one that holds every other mention
    # but those after a broken encoding's residue (豬場坪鄉 four times, and 谪i場坪鄉: found blind in round s213).
    best = max(cands, key=lambda kv: (kv[1], len(kv[0])))[0]
    top = counts[best]
    if any(c == top and n not in best and best not in n for n, c in cands if n != best):
        # Two townships written equally often, neither holding the other: a news item on both (新港鄉 and 溪口鄉
        # three times each, found blind in round s319); either key could be wrong
        return None, True
    if rl.on_two(view, counts, best):
        return None, True
    longer = [(n, c) for n, c in cands if len(n) > len(best) and n.endswith(best) and c >= _OWN_MIN]
    for name, _ in sorted(longer, key=lambda kv: (kv[1], len(kv[0])), reverse=True):
        extra = len(name) - len(best)
        if all((i >= extra and view.startswith(name, i - extra)) or view[i - 1] in _RESIDUE for i in at(view, best)):
            best = name
            break
    if not rl.known_township(best):
        # 吉爾格朗鄉 six times and 吉爾格郎鄉, the gazetteer's, three (its head lines): one name, misspelt in the body
        # (found blind in round s425; 房前镇 seven times for 坊前镇, a homophone its title and head lines write: s663);
        # the gazetteer's spelling gives the code
        best = next((n for n, _ in cands if misspelt(best, n, view)), best)
    return _outnamed_by_stem(whole_long(whole_numeral(best, view), _OWN_STEM[1], view), counts, view), False


def _partners(view: str) -> set[str]:
    """The townships the text's own is paired with (region_patterns.tsv partner: 与江苏省常安市港口镇正式建立对口帮扶
    关系), none of them its own however often it names them."""
    return {last_unit(m.group("region"), view) for m in rl.patterns_of("partner").finditer(view)}


def _outnamed_by_stem(best: str, counts: dict[str, int], view: str) -> str | None:
    """Another township the text writes whole and, by its stem, more than twice as often as ``best`` whole: 泰興市七圩鎮
    twice and 七圩 five times more is the text's own place, where 月城鎮, the town it means to catch up with, is written
    three times (found blind in round s269, keyed to 月城镇). Written whole once only, it is no reading of the body's,
    and the readings after this one decide. Only the readings written whole most often are looked at, so that a text
    of many names is searched a bounded number of times."""
    n_best = view.count(best)
    common = rl.region_words()
    others = sorted(((w, n) for n, w in counts.items() if w >= 1 and n != best), reverse=True)[:_STEM_RIVALS]
    for whole, name in others:
        if name.endswith(best) or best.endswith(name) or not valid_region(name):
            continue
        st = gazetteer.stem(name)
        if st == gazetteer.stem(best) and rl.made_from(best, name):
            # 撤銷南塘鎮，設立南塘街道: a town made a sub-district, whose stem every mention of either holds; the
            # gazetteer, older, may know the town only (found by a probe of hand-written excerpts)
            continue
        if len(st) >= 2 and st not in common and not gazetteer.is_common_stem(st) and view.count(st) > 2 * n_best:
            return name if whole >= 2 else None
    return best


_STEM_RIVALS = 8  # the readings besides the best that are weighed by their stems


_RESIDUE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ?\ufffd")


def _quoted(view: str) -> bytearray:
    """1 at each position inside a short quotation of ``view``: a slogan or a programme name (masks.quotations)."""
    out = bytearray(len(view))
    for s, e in masks.quotations(view):
        out[s:e] = b"\x01" * (e - s)
    return out


def _compatible(level: str) -> tuple[str, ...]:
    # A report that says 全市 may be a prefecture-level or a county-level city.
    return {"prefecture": ("prefecture", "county"), "county": ("county",), "provincial": ("provincial",)}.get(
        level, (level,)
    )


_ABOVE_TOWNSHIP = ("provincial", "prefecture", "county")  # the levels a text on one of its townships may be read at
_OWN_SCOPE = 6  # scope words that make a text its county's or its city's own (see township_inside)
# A CRLF text's \r read as a second line end (same length): the title, head and year patterns end a line at \n.
_CR_AS_LF = str.maketrans("\r", "\n")


def extract_meta(text: str, view: str, segments: Segments) -> MetaInfo:
    if "\r" in view:
        view = view.translate(_CR_AS_LF)
    # Titles and names are read without their pinyin ruby (尹集鎮(zhèn)召開 is 尹集镇召开).
    plain = ruby.without(view, segments.through_noise())
    title, title_span, role, cue_level = find_title(text, view, segments, plain)
    names = plain.text
    compact_title = SPACES.sub("", plain.slice(*title_span)) if title_span else ""
    head_lines = first_lines(view, segments, HEAD_LINES)
    head_end = head_lines[-1].end if head_lines else 0
    head = regex.sub(r"[ \t\u3000]+", "", rl.kind_alone().sub("\n", plain.slice(0, head_end)))

    texts = {"title": compact_title, "head": head, "body": names}
    # The body without the site's furniture (下一篇:\n全市科普工作会议…, a link to another article): scope words
    # there are another text's.
    quiet = without_furniture(view, segments)
    titled = _from_patterns(("title",), texts)
    region_raw = titled or own_or_none(
        _outnamed(_from_patterns(("head", "head_known", "head_again"), texts), names), names, quiet
    )
    if region_raw is not None and titled is None and rl.several_entries(names):
        region_raw = None  # a round-up's head names its first entry (千强镇 profiles: found blind in round s715)
    headed = region_raw is not None
    if region_raw is None:
        scope_level = level_from_scope(names) or masked_level(view, segments)
        # A township's name written three times is evidence whether or not scope words give the level; it outranks
        # a party committee the body names (被中共泉州市委评为…: the township's superior, found blind in round s43).
        named, tied = _own_reading(names, scope_level or "township")
        if named is not None:
            named = fuller_township(named, names) or named
        elif (
            region_raw := below_scope(own_or_none(_from_patterns(("body",), texts), names, quiet), scope_level)
        ) is None and scope_level in ("township", None) and not tied:
            # A text that names its township in full once or twice, by the stem otherwise, and its county in full.
            # Not when two townships are written in full equally often: the stem would pick one of them (沈抚街道
            # and 原汪家街道 three times each, and 汪家 in its communities' names: found blind in round s344)
            named = gazetteer.township_by_stem(names, _OWN_MIN, rl.region_words())
        if named is None and region_raw is None and scope_level in ("township", None) and not tied:
            # A copy that masks its township's name (xx镇) masks its own: a real name in its address is another's.
            named = None if masked_level(view, segments) else township_of_its_address(names)
        if named is None and region_raw is None:
            named = _most_named(names, scope_level)
            if named and scope_level == "provincial" and _outnamed_by_township(named, names):
                # 全省 a few times, and a township named as often as the province: a news item on a province's
                # programme that portrays one of its townships (福鼎太姥山镇 under 中共福建省委…全省, found blind in
                # round s152). Neither key is sure, and a wrong one is worse. A city's or a county's text names its
                # townships often (中山市's 小榄镇), and is left alone.
                named = None
            if named and scope_level is None:
                # No scope word three times: a short text, a news item about a township or a page of a city's
                # report. A province's own text says 全省 again and again, so a province named so is a superior
                # (江苏省文明镇 among a town's honours: found blind in round s74). With 全镇 once or twice, and no
                # other scope word as often, the text is a township's: the county around it may stand for it, a
                # city it names is its superior too (打造青岛市首个…).
                level_named = rl.regions()[named][0]["level"]
                township = level_from_scope(names, 1) == "township"
                if (
                    level_named == "provincial"
                    or (township and level_named != "county")
                    or superior(named, names, quiet)
                ):
                    named = None
        if named and (rl.calls_itself_otherwise(named, names) or layout.set_in_columns(view)):
            named = None  # a 街道's news on the town it aids; a page whose columns interleave two entries
        if named and rl.several_entries(names):
            named = None  # a paper's round-up of several townships
        if named and region_raw is None:
            region_raw = (named, named)
    if (
        region_raw
        and (level_read := rl.suffix_level(region_raw[0])) in _ABOVE_TOWNSHIP
        and (level_read != "provincial" or headed)
        # A county's or a city's own text says 全县 or 全市 again and again (ten times and more in the corpus's
        # reports), a news item on one of its townships a few times at most (three in the excerpts); so does a
        # province's, and a township's profile under a heading that names its province (广东省黄烟特色专业镇: found
        # blind in round s949) names its own township again and again (a news item on a province's programme, the
        # province named most in its body, portrays one: test_region_evidence); a township in an address is no
        # evidence in a province, whose lists of honours address many (兰州市城关区渭源路街道等230个乡镇)
        and level_from_scope(names, _OWN_SCOPE) not in _ABOVE_TOWNSHIP
        and (
            township := (township_inside(names, region_raw[0]) if level_read != "provincial" else None)
            or _own_inside(names, region_raw[0])
        )
    ):
        region_raw = (township, township)  # a county's news on one of its townships, written in its address
    region = region_s = level = code = None
    if region_raw and region_raw[0] in rl.government_regions():
        gov = region_raw[0]
        region_raw = (rl.government_regions()[gov], region_raw[1])
        level = rl.suffix_level(gov)
    if region_raw:
        region_s = region_raw[0]
        lv, code = _resolve(region_s, region_raw[1] + head)
        level = level or lv
        region = plain.written(text, region_s) or region_s
    if cue_level:
        level = cue_level
    if level is None:
        level = level_from_scope(view) or masked_level(view, segments)

    reviewed, planned = years(view, segments, compact_title, role, head)
    return MetaInfo(
        title=title,
        title_span=title_span,
        region=region,
        region_simplified=region_s,
        admin_level=level,
        admin_code=code,
        year_reviewed=reviewed,
        year_planned=planned,
    )


def _own_inside(names: str, region: str) -> str | None:
    """The township the text names again and again (``_own_name``), where the gazetteer places it in ``region``: a
    county's site carries a profile of one of its townships (来源:镇雄县人民政府网, then 鱼洞乡位于镇雄县东南部 and
    全乡辖…: found blind in round s912)."""
    own = _own_name(names, "township")
    if own is None or not any(lies_in(p.code, region) for p in gazetteer.lookup(own, "township")):
        return None
    return own


def _outnamed_by_township(name: str, names: str) -> bool:
    """Whether a township's name is written three times or more, and at least as often as ``name``."""
    own = _own_name(names, "township")
    return own is not None and own != name and names.count(own) >= names.count(name)


def _outnamed(found: tuple[str, str] | None, names: str) -> tuple[str, str] | None:
    """A township read from the head, unless the body writes another township more often, three times or more: a
    line of history may open with a year and a former township (1958年演兴乡与兴海乡合并…, found blind in round s45)
    in a text that names its own six times."""
    if found is None or rl.suffix_level(found[0]) != "township":
        return found
    own = _own_name(names, "township")
    # A reading inside the name found (满族乡 of 营城子满族乡) is the same place, and so is one of its stem: its former
    # name, which a profile's history writes again and again (撤清平乡设清平镇: found blind in round s906).
    if (
        own is not None
        and own not in found[0]
        and gazetteer.stem(own) != gazetteer.stem(found[0])
        and names.count(own) > names.count(found[0])
    ):
        return None
    return found


def _from_patterns(sources: tuple[str, ...], texts: dict[str, str]) -> tuple[str, str] | None:
    """The region and the words it was read from, by the first pattern of ``sources`` (region_patterns.tsv, in its
    order) that reads a valid one from its text (``texts``: the title, the head, the body)."""
    names = texts["body"]
    for source, pat in rl.region_patterns():
        if source not in sources:
            continue
        known_only = source in ("head_known", "head_again")
        for m in pat.finditer(texts["head" if known_only else source]):
            cand = last_unit(m.group("region"), names)
            if source == "title" and _unknown_once(cand, names, texts["title"]):
                continue
            if known_only and not rl.known_head(source, m.group("region"), cand, names):
                # 新港和溪口鄉農村改造: two townships, neither the sure one
                continue
            if valid_region(cand, in_title=source == "title", addressed=addressed(m.group("region"), cand)):
                full = fuller_township(cand, names)
                if full is None and one_character(cand):
                    # 建镇 of 1999年,撤乡建镇 (found by masking an excerpt's own name): one character names no township
                    # the gazetteer lacks, unless the text writes a longer one it knows (5日庄镇 for 日庄镇)
                    continue
                return (full, m.group("region")) if full else (cand, m.group("region"))
    return None


def _unknown_once(name: str, names: str, title: str) -> bool:
    """Whether ``name`` is a county or a city regions.tsv does not list that the text writes nowhere but in its
    title (and the title's copies, as pages repeat it over the body): a title's phrase that ends with a suffix
    (組織縣人大代表視察工作彙報 gave 組織縣, found blind in round s314), where a former name a title gives is written
    in the body too."""
    if rl.suffix_level(name) not in ("county", "prefecture") or name in rl.regions():
        return False
    in_titles = names.count(title) * title.count(name) if title else 0
    return names.count(name) - in_titles < 1


def own_numeral_stem(region: str | None) -> str | None:
    """The stem of the text's own place when it holds a numeral (四十户 of 四十户乡): wherever the text writes it, it
    is the name (四十户东村, 四十户、广东庄子…), never a count (found blind in round s205, where the gazetteer did not
    know the township and every mention counted forty households)."""
    if not region:
        return None
    suffix = next((s for s, _ in rl.suffixes() if region.endswith(s)), "")
    stem = region[: len(region) - len(suffix)]
    chars = numerals.chinese_chars()
    if len(stem) < 2 or not any(c in chars for c in stem):
        return None
    # A name whose numeral follows another character is written short by its head, up to the numeral (呂四 of
    # 呂四港鎮: 呂四人傑地靈, found blind in round s461); one that opens with its numeral is written whole (四十户).
    last = max(i for i, c in enumerate(stem) if c in chars)
    return stem[: last + 1] if stem[0] not in chars else stem


def own_numeral_villages(code: str | None) -> tuple[str, ...]:
    """The stems of the villages of the text's own township (``code``, its 9 digits) that hold a numeral (五台坡 of
    五台坡村, 杨五头 of 杨五头村): a list of its villages names them, and their numerals count nothing (周楼、五台坡、
    齐庄: found blind in round s953, read as 5 台). Three characters or more: a shorter stem (五家 of 五家村) is a
    count elsewhere too (引进五家企业)."""
    if not code or len(code) != _TOWNSHIP_CODE:
        return ()
    chars = numerals.chinese_chars()
    out = []
    for village in gazetteer.villages(code):
        suffix = next((k for k in _village_kinds() if village.endswith(k) and len(village) > len(k)), "")
        stem = village[: len(village) - len(suffix)]
        if len(stem) >= _VILLAGE_STEM and any(c in chars for c in stem):
            out.append(stem)
    return tuple(out)


_TOWNSHIP_CODE = 9
_VILLAGE_STEM = 3


@cache
def _village_kinds() -> tuple[str, ...]:
    """The words a village's or a community's name ends with (place_kinds.tsv), longest first."""
    return tuple(sorted(column("place_kinds.tsv", "word", village="yes"), key=len, reverse=True))

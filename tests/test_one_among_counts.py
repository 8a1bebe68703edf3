"""一个 is an article far more often than a count, and is read as none; but an item of a list beside a count of more
than one counts like its neighbour (建设一座公园，一条景观环路、两条滨河路), and so does one whose thing a figure sizes
right after it (建立一个120亩的基地)."""

from __future__ import annotations

import pytest

from extractor.normalize import make_view
from extractor.quantities import find


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("全镇44个建制村，一个移民新村，国土面积205平方公里。", ["44个", "一个", "205平方公里"]),
        ("建设一条特色景观环路、两条风情滨河路。", ["一条", "两条"]),
        ("规划了两个蔬菜种植区，一个奶牛养殖区，涵盖全镇。", ["两个", "一个"]),
        ("主要是骑龙村一处桥涵修复，两处路基修复。", ["一处", "两处"]),  # a short item, then its neighbour
        # an item of 一 joined by 和 to one that counts (found on the excerpts), a short item of the same unit right
        # before with no mark, and a count spaced from its unit
        ("规划了两个蔬菜种植区，一个奶牛养殖区和一个肉牛养殖区，涵盖全镇。", ["两个", "一个", "一个"]),
        ("全乡辖17个行政村一个居委会，总人口2万人。", ["17个", "一个", "2万人"]),
        ("辖 28 个行政村和一个居委会，是省中心镇。", ["28 个", "一个"]),
        ("加快推动五条商业街和一个大型市场提档升级。", ["五条", "一个"]),
        ("平均每15个居民就有一个志愿者。", ["15个"]),  # a longer run is a sentence: a ratio
        ("全村10个居民就有一个志愿者。", ["10个"]),  # 有 in the run makes it a sentence too (numerals.tsv not_joined)
        # after a comma, a long item is a sentence's article; a short one counts, in another unit too when it counts
        # things (乡内有一所初级中学,11个小学,一所乡级医院: annotated so), never when it is a batch (一批)
        ("完成3个项目，一个重要原因是资金到位。", ["3个"]),
        ("建成3座水库，一个公园。", ["3座", "一个"]),
        ("新建5个村级服务站，一批项目落地。", ["5个"]),
        # a clause before the comma, no list's item (found blind in round s815)
        ("现场有10台机械设备在紧张工作，一个集科技推广、生态观光为一体的基地即将竣工。", ["10台"]),
        # 一 items beside one another are a slogan's (一个项目、一个分管领导), or 一起 (together)
        ("按照一个项目、一个分管领导、一个责任单位的要求推进。", []),
        ("全县人民一起干、一起拼。", []),
        # one of those just counted, a pronoun (found blind in round s830; numerals.tsv one_of_them)
        ("它有兩個名字,一個叫義烏,一個叫小商品市場。", ["兩個"]),
        ("全镇有两个园区，一个是工业园，一个是农业园。", ["两个"]),
        # a figure of size or money right after it: the thing is counted (found blind in rounds s114, s128, s143)
        ("在中南村建立一个120亩的花卉苗木基地。", ["一个", "120亩"]),
        ("力争落地一个10亿元以上项目。", ["一个", "10亿元以上"]),
        ("引进一个投资5亿元项目。", ["一个", "5亿元"]),
        ("全乡形成了一个万亩精品综合治理带。", ["一个"]),
        ("建起了一处1800平方米村民休闲公园。", ["一处", "1800平方米"]),
        # but not after a word of being, nor when a word of size stands between, nor before a code or a grade
        ("这是一个120亩的基地。", ["120亩"]),
        ("找到一家面积300平米的房屋。", ["300平米"]),
        ("构建一个1+3+N工作体系，打造一个5A级景区。", []),
    ],
)
def test_one_among_counts(text: str, raws: list[str]) -> None:
    assert [text[q.start : q.end] for q in find(text, make_view(text))] == raws


def test_a_sized_one_is_no_records_figure() -> None:
    """The count stands aside: a record takes the size after it (一个5000亩以上园区 is a 5000亩 park, once)."""
    from extractor import extract

    doc = extract("每个县年内至少打造一个5000亩以上园区，建设一个千亩、16个百亩示范方。")
    assert [q.raw for q in doc.quantities] == ["一个", "5000亩以上", "一个", "16个"]
    figures = [i.value.raw for i in doc.indicators] + [t.value.raw for g in doc.goals for t in g.targets]
    assert figures and "一个" not in figures

"""Web and template noise: each kind is found by the patterns of data/noise.tsv, reported as a region (and
placeholders as warnings), never yields data, and leaves the rest of its sentence extractable."""

from __future__ import annotations

import pytest

from extractor import extract

# A report paragraph long enough to read as prose, so that page-footer detection does not take it.
PARA = (
    "全年完成地区生产总值2883.5亿元，增长6.5%；一般公共预算收入12.3亿元，增长7.1%；"
    "城乡居民人均可支配收入分别增长6.2%和8.5%。"
)

CASES = {
    "breadcrumb": [
        "当前位置：首页 > 政务公开 > 政府工作报告",
        "您现在的位置：首页 >> 信息公开",
        "首页 > 政务公开 > 法定主动公开内容 > 规划计划",
        "當前頁麵: 首頁 > 政務公開 > 規劃總結",
    ],
    "toolbar": [
        "字号：[ 大 中 小 ]",
        "【字体：大 中 小】",
        "打印本页",
        "关闭窗口",
        "无障碍浏览",
        "长者模式",
        "返回顶部",
        "【我要纠错】",
        "字体大小：",
        "小 | 中 | 大",
    ],
    "qr_code": [
        "扫一扫在手机打开当前页",
        "扫一扫在手机打开当前页面",
        "扫一扫在手机上查看当前页面",
        "掃一掃在手機打開當前頁",
    ],
    "related": [
        "相关稿件",
        "相關稿件",
        "相关解读：",
        "相关链接",
        "上一篇：关于2019年预算的报告",
        "友情链接：",
        "相关报道：",
    ],
    "footer": [
        "主办单位：某某县人民政府 承办单位：县政府办公室",
        "版权所有：某某县人民政府 冀ICP备05003112号",
        "网站标识码：1306000012 冀公网安备 13060202000123号",
        "网站地图 | 联系我们",
        "技术支持：某某科技",
    ],
    "metadata": [
        "发布时间：2021-04-07 来源：天心区司法局 字体大小：",
        "索引号：000014349/2021-00012",
        "发布机构：县政府办",
        "成文日期：2021-04-07",
        "责任编辑：王某",
        "浏览次数：1234",
        "目录项的基本信息",
    ],
    "share": ["分享到：", "新浪微博"],
    "watermark": ["来自：www.macrodatas.cn", "马克数据网", "http://www.gov.cn/zhengce/2019-03/16/content_5374314.htm"],
    "markup": [
        "<!-- 用来校验该浏览器是否支持HTML5 -->",
        "$('#share-1').share();",
        "img#imgConac {height:55px}",
        "&nbsp;",
    ],
    "placeholder": ["关键词2", "xx万元", "x.6亿元", "×××", "**市**县", "$!{keywords}", "XXXXX万元"],
}


@pytest.mark.parametrize(
    ("kind", "line"), [(k, x) for k, xs in CASES.items() for x in xs], ids=lambda v: v if isinstance(v, str) else ""
)
def test_each_noise_kind_is_a_region_and_yields_nothing(kind: str, line: str) -> None:
    text = f"2019年政府工作报告\n{line}\n{PARA}\n"
    doc = extract(text)
    start = text.index(line)
    end = start + len(line)
    mine = [n for n in doc.noise if n.span.start < end and start < n.span.end]
    assert mine and all(n.kind == kind for n in mine), [(n.kind, n.text) for n in doc.noise]
    for n in doc.noise:
        assert text[n.span.start : n.span.end] == n.text
    # nothing is read inside noise; the report paragraph is read in full
    assert not [q.raw for q in doc.quantities if start <= q.span.start < end]
    assert {"2883.5亿元", "6.5%", "12.3亿元", "7.1%"} <= {q.raw for q in doc.quantities}
    if kind == "placeholder":
        assert any(w.code == "placeholder" for w in doc.warnings)


@pytest.mark.parametrize(
    ("sentence", "name", "raw"),
    [
        ("2019年，关键词2完成财政总收入1830.96万元，比上年增长1.4%。", "财政总收入", "1830.96万元"),
        ("全年完成投资xx万元，地区生产总值达到2883.5亿元，增长6.5%。", "地区生产总值", "2883.5亿元"),
        ("规模以上工业投资x.6亿元，社会消费品零售总额达到56.7亿元。", "社会消费品零售总额", "56.7亿元"),
        ("**市**县东岳镇全年粮食总产量达到12.5万吨。", "粮食总产量", "12.5万吨"),
    ],
)
def test_placeholder_mid_sentence_leaves_the_sentence_extractable(sentence: str, name: str, raw: str) -> None:
    text = f"2019年工作总结\n一、2019年工作回顾\n{sentence}\n"
    doc = extract(text)
    placeholders = [n for n in doc.noise if n.kind == "placeholder"]
    assert placeholders
    found = [i for i in doc.indicators if name in (i.name_simplified or "")]
    assert found, [(i.name, i.value and i.value.raw) for i in doc.indicators]
    v = found[0].value or found[0].change.value  # type: ignore[union-attr]
    assert v.raw == raw
    for p in placeholders:  # the placeholder itself is no value and no name
        for i in doc.indicators:
            assert not (i.span.start < p.span.end and p.span.start < i.span.end and p.text in (i.name or ""))
    assert not any(q.raw.startswith(("x", "X", "×", "*")) for q in doc.quantities)


def test_page_footer_runs_to_the_end_only_when_no_prose_follows() -> None:
    text = f"2019年政府工作报告\n{PARA}\n分享到：\n相关稿件\n某某县召开经济工作会议 全年完成固定资产投资3.2亿元\n"
    doc = extract(text)
    tail = [n for n in doc.noise if n.kind == "footer"]
    assert tail and tail[-1].text.endswith("3.2亿元")
    assert "3.2亿元" not in {q.raw for q in doc.quantities}
    # the same lines with report prose after them are lines of noise, not a footer swallowing the report
    text2 = f"2019年政府工作报告\n分享到：\n相关稿件\n{PARA}\n"
    doc2 = extract(text2)
    assert "2883.5亿元" in {q.raw for q in doc2.quantities}
    assert {n.kind for n in doc2.noise} == {"share", "related"}


def test_noise_patterns_are_data() -> None:
    from extractor._data import table

    rows = table("noise.tsv")
    assert {r["kind"] for r in rows} == set(CASES)
    assert {r["scope"] for r in rows} <= {"line", "inline", "tail"}

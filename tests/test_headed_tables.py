"""A table whose head cell names what every number in it counts (data/table_heads.tsv): the yearly report on open
government information's tables of requests and of appeals (found blind in round s882 and by a probe of hand-written
excerpts, w76, where every annotator counted their cells in 件)."""

from __future__ import annotations

from decimal import Decimal

from extractor import extract

REQUESTS = (
    "三、收到和处理政府信息公开申请情况\n"
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
    "自然人 | 法人或其他组织 | 总计 |\n"
    "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
    "一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
    "三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "(三)不予公开 | 1.属于国家秘密 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
)


def _cells(text: str) -> list[tuple[str, Decimal, str]]:
    return [(q.raw, q.base_value, q.base_unit) for q in extract(text).quantities]


def test_the_table_of_requests_counts_in_its_heads_unit() -> None:
    rows = [["4", "0", "0", "0", "0", "0", "4"], ["0"] * 7, ["0", "1", "0", "0", "0", "0", "1"]]
    expected = [(n, Decimal(n), "件") for row in rows for n in row]
    assert _cells(REQUESTS) == expected
    assert _cells(REQUESTS.replace("\n", "\r\n")) == expected
    # tabs for bars, as a copy from a word processor gives it
    assert _cells(REQUESTS.replace(" | ", "\t").replace(" |", "")) == expected


def test_the_table_of_appeals_has_a_row_of_numbers_alone() -> None:
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
        "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n"
    )
    assert _cells(text) == [(n, Decimal(n), "件") for n in "1000100000"]


def test_a_head_in_prose_or_a_table_with_no_row_is_left_alone() -> None:
    # the section's title names appeals, no table; a head with no row of numbers under it opens nothing
    assert _cells("四、政府信息公开行政复议、行政诉讼情况\n全年未发生行政复议 0 起。\n") == [("0 起", Decimal(0), "起")]
    assert _cells("申请人情况 |\n自然人 | 法人 |\n本年无申请。\n") == []
    # a line of one number under the head is no row
    assert _cells("申请人情况 |\n总计 | 4 |\n") == []


def test_a_table_copied_one_cell_a_line_and_one_with_runs_of_spaces() -> None:
    # the table of requests one cell a line (round s888), a row's label on two lines; the table of appeals with
    # runs of spaces after its head (a probe of hand-written excerpts, w105)
    text = (
        "申请人情况\n\n自然人\n\n法人或其他组织\n\n总计\n\n一、本年新收政府信息公开申请数量\n\n1\n\n0\n\n1\n\n"
        "三、本年度办理结果\n\n1.予以公开\n\n0\n\n0\n\n0\n\n五、存在的主要问题及改进情况\n\n今年我镇政务公开工作取得了新进展。\n"
        "仍有不足。\n\n下一步将改进。\n\n3\n"
    )
    assert _cells(text) == [(n, Decimal(n), "件") for n in "101000"]
    spaced = (
        "行政复议                  行政诉讼\n结果维持  结果纠正  总计  未经复议直接起诉\n"
        "0  1  1   0\n五、存在的主要问题及改进情况\n"
    )
    assert _cells(spaced) == [(n, Decimal(n), "件") for n in "0110"]


def test_a_head_a_line_of_prose_ends_with_opens_no_table() -> None:
    # a copy broke the line after the head (…引起的行政复议\n): no cell opens there, so the page's number is none
    text = "本年度未发生因政府信息公开引起的行政复议\n、行政诉讼。\n\n3\n\n五、存在的主要问题\n"
    assert _cells(text) == []

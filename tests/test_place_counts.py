"""A count of places right after their names (胡岗、叶圩两村; units.tsv after_list, place_counts.py) is a quantity but
no record's figure, and a kind of place is no unit where no such names stand before it (245省道)."""

from __future__ import annotations

from extractor import extract


def test_a_count_of_places_stays_inside_the_name_of_the_figure_it_qualifies() -> None:
    doc = extract("今年，侣楼、曹庄两村已率先完成道路硬化12公里。")
    assert [q.raw for q in doc.quantities] == ["两村", "12公里"]
    assert [(i.name, i.value.raw if i.value else None) for i in doc.indicators] == [
        ("侣楼、曹庄两村已率先完成道路硬化", "12公里")
    ]


def test_a_kind_of_place_after_a_road_number_stays_in_a_projects_name() -> None:
    doc = extract("2024年工作打算：重点打造245省道万亩花卉苗木基地。")
    assert [p.name for p in doc.projects] == ["省道万亩花卉苗木基地"]


def test_counts_of_places_before_a_word_of_meeting_count_places() -> None:
    doc = extract("该乡地处闽赣两省三县八乡交界处，是最边远的高山乡；全镇位于五县结合部。")
    assert [(q.raw, q.base_value) for q in doc.quantities] == [("两省", 2), ("三县", 3), ("八乡", 8), ("五县", 5)]


def test_a_numbered_village_that_meets_another_place_is_a_name() -> None:
    doc = extract("东与新华三村交界，西与胜利二村接壤，全村耕地3000亩。")
    assert [q.raw for q in doc.quantities] == ["3000亩"]


def test_a_verb_of_reach_before_a_count_of_places_makes_it_one() -> None:
    # found blind in round s144 (移動電話覆蓋4村), and on the excerpts (带动两村, 辐射六乡两镇)
    doc = extract("有4個村通程控電話，移動電話覆蓋4村；預期可帶動兩村集體經濟增長30%。")
    assert [(q.raw, q.base_value) for q in doc.quantities] == [("4個", 4), ("4村", 4), ("兩村", 2), ("30%", 30)]
    # a span across places (found blind in round s797)
    assert [q.raw for q in extract("建成跨4镇、15村的移民安置社区。").quantities] == ["4镇", "15村"]
    # with no such word before it, a village's number is the village's: 抓好8村
    assert [q.raw for q in extract("抓好8村生猪养殖。").quantities] == []


def test_a_count_of_households_or_people_right_after_a_count_of_places_makes_it_one() -> None:
    # found blind in round s160 (累計鋪開11村350戶1544人, 移民9村216戶995人), and on the excerpts (5村2社区974户)
    doc = extract("累計鋪開11村350戶1544人，覆盖了全镇5村2社区974户贫困户。")
    assert [(q.raw, q.base_value) for q in doc.quantities] == [
        ("11村", 11),
        ("350戶", 350),
        ("1544人", 1544),
        ("5村", 5),
        ("2社区", 2),
        ("974户", 974),
    ]
    # a count of places followed by another word is still a name: 8村 of 抓好8村3000头生猪 is village No. 8
    assert [q.raw for q in extract("抓好8村3000头生猪。").quantities] == ["3000头"]


def test_a_count_of_places_after_another_that_counts_and_after_a_list_joined_by_ji() -> None:
    # found blind in round s170: 澎湖縣所轄有1市5鄉 (5鄉 after 1市, which 所轄有 makes a count), and
    # 頭社及武登兩村 (及 joins names as 、 does)
    assert [q.raw for q in extract("澎湖縣所轄有1市5鄉，頭社及武登兩村長者受益。").quantities] == ["1市", "5鄉", "兩村"]
    # 和 stands inside names (和平村) and joins none
    assert [q.raw for q in extract("和平、新华、和兴三村").quantities] == ["三村"]


def test_a_verb_of_bordering_and_a_count_of_groups_before_households() -> None:
    # found blind in round s172: 毗邻三县九个乡镇, 辖22村172社5939户 (社, a village's group, counted only so)
    assert [q.raw for q in extract("毗邻三县九个乡镇，辖22村172社5939户。").quantities] == [
        "三县",
        "九个",
        "22村",
        "172社",
        "5939户",
    ]
    assert [q.raw for q in extract("旅行社3社").quantities] == []


def test_a_list_whose_first_name_carries_a_word_of_meeting_after_a_mark() -> None:
    # The words before the list run into its first name (西与北接壤老回龙), after a mark of an earlier clause: the count
    # closes the list exactly (found blind in round s186). A long item with no such word is no list's.
    doc = extract("东临喜古乡、南临小街镇、西与北接壤老回龙及马塘两镇。商贸中心、金融信息中心、辐射六乡两镇。")
    assert [q.raw for q in doc.quantities] == ["两镇", "六乡"]


def test_a_numeral_opening_a_name_in_a_list_that_a_count_of_places_closes_is_part_of_the_name() -> None:
    # 三台坡 and 五台 are villages among their neighbours, which the count closes (found blind in rounds s211 and
    # s210): 三台 and 五台 count no machines. A figure that is the count itself, or one list item alone, counts.
    doc = extract("全乡辖阿东、哈脚、勐仲、三台坡、普甲、俄铺8个村民委员会，59个村民小组。")
    assert [q.raw for q in doc.quantities] == ["8个", "59个"]
    doc = extract("西安街7個居委會和義正、義和、八河、祥雲、五台、文智14個行政村。")
    assert [q.raw for q in doc.quantities] == ["7個", "14個"]
    doc = extract("辖五棵树、东风、七棚、株木等4个村。")
    assert [q.raw for q in doc.quantities] == ["4个"]
    doc = extract("购置抽水机、三台水泵，惠及5个村。辖东风、二十八个村。轄七個社區和兩個行政村。")
    assert [q.raw for q in doc.quantities] == ["三台", "5个", "二十八个", "七個", "兩個"]


def test_a_list_of_names_that_a_closing_word_and_a_kind_close_holds_names() -> None:
    # 等村 with no count closes a list of any length (found blind in round s839, where 三所 of 三所楼 counted
    # buildings); a list of counts before 等 and a kind's word still counts
    doc = extract("带动岳寨、三所楼、袁庄、匡营等村63户贫困家庭种植果树。")
    assert [q.raw for q in doc.quantities] == ["63户"]
    doc = extract("新建学校三所、卫生院两座等村级设施。")
    assert [q.raw for q in doc.quantities] == ["三所", "两座"]


def test_a_list_after_a_verb_that_ends_with_a_mark_counts_its_names() -> None:
    # 及 of 涉及 is no list's mark (found by a probe of hand-written excerpts: 涉 was read as a name too short to be
    # one); 头社及武登 is a list joined by it, and 涉及全乡20村 a count after a word of reach
    doc = extract("建设涉及上坝、下坝、石门三村,已完成改造120余户。范围涉及全乡20村。头社及武登两村。")
    assert [q.raw for q in doc.quantities] == ["三村", "120余户", "20村", "两村"]
    doc = extract("与位集、平店、化河、固墙四乡镇交界,涉及灌区5乡镇33个村。")
    assert [(q.raw, q.base_unit) for q in doc.quantities] == [("四乡镇", "乡镇"), ("5乡镇", "乡镇"), ("33个", "个")]


def test_a_name_its_list_shows_is_a_name_wherever_the_text_writes_it_again() -> None:
    # 三所楼 is a village among its neighbours, then its base and its co-operative's (found blind in round s839); a
    # short name (三台) may count elsewhere, and a text with no such list counts as before
    doc = extract(
        "带动岳寨、三所楼、袁庄、匡营等村63户贫困家庭种植果树。全镇已建成三所楼菊花种植基地。"
        "其中,三所楼镇泽坤养殖专业合作社新建大棚三座。"
    )
    assert [q.raw for q in doc.quantities] == ["63户", "三座"]
    doc = extract("辖东风、三台坡、俄铺等村。购置三台水泵。全镇已建成三所楼菊花种植基地。")
    assert [q.raw for q in doc.quantities] == ["三台", "三所"]


def test_a_name_of_numerals_glued_to_the_count_that_closes_its_list_is_no_figure() -> None:
    # 五四 is the last of three communities, 三個 their count (found blind in round s836, read as 543 個); digits
    # written one by one are a figure elsewhere (Taiwan's 一一七八戶)
    doc = extract("鎮內設星火、燎原、五四三個社區管理服務中心,下設7個居委會。共有一一七八戶。")
    assert [q.raw for q in doc.quantities] == ["三個", "7個", "一一七八戶"]


def test_a_list_of_names_whose_last_carries_its_kind_of_place_holds_names() -> None:
    # 六所 among communes, the last named with its kind (found blind in round s219); a numeral in the last name
    # itself, or a list of things, counts
    doc = extract("1959年撤销,并入花园、六所、锦川、乐跃、小高人民公社。新建道路、三座桥梁、李家村。东风、三个公社。")
    assert [q.raw for q in doc.quantities] == ["三座", "三个"]


def test_a_list_of_names_that_a_count_and_a_colon_announce_holds_names() -> None:
    # 三眼井 among the 20 villages the count before the colon announces (found blind in round s268); a list whose items
    # are counts, or whose length is not the count's, holds counts
    doc = extract("轄5個村委會:大河、滿井、公溝、三眼井、亂石山。辖3个村:三个社区建设良好。")
    assert [q.raw for q in doc.quantities] == ["5個", "3个", "三个"]
    doc = extract("辖10个村:三个中心村、七个一般村。辖2个村:三个中心村、七个一般村。辖2个村:大河、满井、三眼井。")
    assert [q.raw for q in doc.quantities] == ["10个", "三个", "七个", "2个", "三个", "七个", "2个", "三眼"]
    # a word between the count and the colon (所辖18个村为: found blind in round s279)
    doc = extract("所辖4个村为:三家、大马架、东沟丘、三座庙,宁城县。")
    assert [q.raw for q in doc.quantities] == ["4个"]


def test_a_count_of_places_after_pinyin_ruby_is_one() -> None:
    # a mirror site's ruby between the word of reach and the count is read across (found blind in round s413)
    text = "該項(xiàng)目受益范圍涉及全鄉(xiāng)20村，解決農(nóng)村居民2萬人。"
    assert [(q.raw, q.base_value) for q in extract(text).quantities] == [("20村", 20), ("2萬人", 20000)]


def test_a_space_after_a_lists_mark_keeps_the_list() -> None:
    # 良田、 九佛四镇: a copy's space after the last mark (found blind in round s434)
    doc = extract("新钟落潭镇由原钟落潭、竹料、良田、 九佛四镇合并而成。")
    assert [(q.raw, q.base_value) for q in doc.quantities] == [("四镇", 4)]


def test_a_run_of_counts_of_places_listed_with_a_mark_after_a_word_of_holding() -> None:
    # found blind in round s574 (辖12镇、3乡): the count after the mark follows one that 辖 makes a count
    doc = extract("全县辖12镇、3乡、13街道，共有86个行政村。")
    assert [q.raw for q in doc.quantities] == ["12镇", "3乡", "13街道", "86个"]
    # with no word of holding before the run, the numbers are villages' (抓好8村、3村)
    assert [q.raw for q in extract("抓好8村、3村生猪养殖。").quantities] == []


def test_a_count_of_places_a_county_was_divided_into() -> None:
    # found blind in round s862 (宣統二年縣劃5鎮10鄉): 划 and 划分为 divide a county into places, as 辖 holds them
    doc = extract("宣統二年(1910年)縣劃5鎮10鄉,尾龍田鎮;民國16年,全縣劃9區,屬龍田區。")
    assert [q.raw for q in doc.quantities] == ["5鎮", "10鄉", "9區"]
    # 划为 puts a place into a numbered district as often (建县后,划为八区: district No. 8)
    assert [q.raw for q in extract("1952年,郸城建县后,划为八区;1983年,由").quantities] == []


def test_a_count_of_cities_before_a_word_of_meeting() -> None:
    # found blind in round s865 (属三市交界地): cities meet as counties do; the stand-in's eleven such were all kept
    assert [q.raw for q in extract("北与新民市相望,属三市交界地。").quantities] == ["三市"]
    assert [q.raw for q in extract("地处两省三市五县交界处。").quantities] == ["两省", "三市", "五县"]


def test_a_list_broken_by_a_line_end_after_its_mark_is_one_list() -> None:
    # 资源村、\n团结村两村 (a PDF's copy, by a probe of hand-written excerpts); \r\n too
    for eol in ("\n", "\r\n"):
        text = f"新增设施农业面积2100亩。资源村、{eol}团结村两村入选省级乡村振兴示范村。"
        assert [q.raw for q in extract(text).quantities] == ["2100亩", "两村"]
    # a line end after a verb is no list's (抓好\n8村生猪 is village No. 8's)
    assert [q.raw for q in extract("抓好\n8村生猪养殖。").quantities] == []


def test_masked_names_in_a_list_are_names_a_count_of_places_follows() -> None:
    # a copy's placeholders name places as well (found by probes of hand-written excerpts, w168 and w169)
    doc = extract("在xx村、**村两村试点发展民宿，组织**村、**村两村的脱贫劳动力开展培训。")
    assert [(q.raw, q.base_value) for q in doc.quantities] == [("两村", 2), ("两村", 2)]
    # two masked names joined by a word of a pair (w180)
    assert [q.raw for q in extract("**村与**村两村抱团成立强村公司。").quantities] == ["两村"]


def test_a_numbered_place_a_route_runs_to_is_a_name() -> None:
    # 二村至四村: the numbered village a road runs to, after one of its kind (a probe of hand-written excerpts, w202)
    doc = extract("完成十八湾至七里河、二村至四村等5条通村公路硬化。")
    assert [q.raw for q in doc.quantities] == ["5条"]


def test_a_list_of_names_after_a_figure_and_its_mark_starts_after_the_mark() -> None:
    # a probe of hand-written excerpts (w213): the item before the list is a village's figure, 坪上村1050亩
    doc = extract("其中坪上村1050亩、大湾、龙潭两村各900亩、石板村650亩。")
    assert [q.raw for q in doc.quantities] == ["1050亩", "两村", "900亩", "650亩"]
    # where the count does not close the list exactly, it counts none of it
    assert [q.raw for q in extract("其中坪上村1050亩、大湾、龙潭三村各900亩。").quantities] == ["1050亩", "900亩"]
    # a date's day before the first name is no figure's unit: the list still runs back over it
    doc = extract("于2003年10月19日由松山镇、苑坑乡、大岗山乡、新祉乡四乡镇撤并而成。")
    assert [q.raw for q in doc.quantities] == ["四乡镇"]


def test_a_figure_in_characters_that_is_a_whole_item_beside_a_name_is_a_name() -> None:
    # on the stand-in: 徐家沙沟、八家、王家 (a village), 东风、七棚、株木 (a reservoir), 台达、东聚、五株、盈聚 (a firm)
    assert [q.raw for q in extract("下辖上寨、黄家、徐家沙沟、八家、王家、苏家、沙坝。").quantities] == []
    assert [q.raw for q in extract("完成了东风、七棚、株木、乃塘等六座水库除险加固。").quantities] == ["六座"]
    # a count after what it counts stays one; so does one whose item runs on past it, or is no list's
    assert [q.raw for q in extract("全镇有中学两所、小学十所。").quantities] == ["两所", "十所"]
    assert [q.raw for q in extract("新建卫生室、三座桥、两个广场。").quantities] == ["三座", "两个"]
    assert [q.raw for q in extract("哈日高壁、赛乌苏、红格尔、三个嘎查。").quantities] == ["三个"]
    assert [q.raw for q in extract("一业兴乡、两轮(民营和科技)驱动。").quantities] == ["两轮"]


def test_schools_and_halls_are_counted_after_their_names() -> None:
    # probes of hand-written excerpts (w214, w221): 乡中心小学、檀山中学两校; a numeral before 校 alone names a slogan
    assert [q.raw for q in extract("乡中心小学、檀山中学两校成立了红十字青少年分会。").quantities] == ["两校"]
    assert [q.raw for q in extract("建成图书馆、文化馆两馆。").quantities] == ["两馆"]
    assert [q.raw for q in extract("开展一校一品创建，建成两馆一中心。").quantities] == []


def test_a_direction_opening_a_listed_name_before_its_numeral_is_part_of_the_name() -> None:
    # found blind in round s940 (东七百户, a village) and in the stand-in (山咀、前五家)
    assert [q.raw for q in extract("以周庄养鸡村和兴隆庄、东七百户养猪村为主。").quantities] == []
    # a count after a list of directions counts them
    assert [q.raw for q in extract("辖东、南、西三个社区居委会。").quantities] == ["三个"]
    assert [q.raw for q in extract("以漷河南、北两支为轴。").quantities] == ["两支"]


def test_a_roads_reach_before_a_list_of_places_counts_them() -> None:
    # found blind in round s942: 通往 ends the list's first item, as 辖 and 覆盖 do
    doc = extract("是百色、田阳通往德保、靖西、那坡三县及南部山区3个乡镇的交通枢纽。")
    assert [q.raw for q in doc.quantities] == ["三县", "3个"]


def test_a_list_of_places_may_open_after_ba_inside_the_item_before_its_mark() -> None:
    # a probe of hand-written excerpts (w234): 镇党委 is no fourth name of the three 三村 counts
    doc = extract("镇党委、政府把前杨、后杨、韩庄三村和王家寨村作为示范村。")
    assert [q.raw for q in doc.quantities] == ["三村"]
    # a name that holds 把 after a mark is a name (把口), not an opening word
    assert [q.raw for q in extract("东风、红旗、把口、胜利四村。").quantities] == ["四村"]


def test_a_numeral_in_a_village_of_the_texts_own_township_is_part_of_its_name() -> None:
    # 五台坡 and 杨五头, villages of 武官寨镇 (found blind in round s953, read as 5 台 and 5 头): the gazetteer names
    # them once the text's township is known; the same list under a township whose villages are others counts
    villages = "周楼、叩庄、李店、张庄、张洪屯、五台坡、齐庄、垂麦、冯庄、杨五头、王尧头"
    own = f"武官寨镇位于故城县东部。武官寨镇辖{villages}等44个行政村。全镇总人口40743人。\n"
    doc = extract(own)
    assert doc.meta.admin_code == "131126104"
    assert [q.raw for q in doc.quantities] == ["44个", "40743人"]
    other = own.replace("武官寨镇", "郑口镇")
    assert "五头" in [q.raw for q in extract(other).quantities]

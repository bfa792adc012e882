"""The notice parser: exact structure of the Zhengzhou notice and of a second notice
written in the other forms of the genre (第一条, 1./（1）, 责任单位：…)."""

import re
from pathlib import Path

import pytest

from assistant.documents import (
    decode_bytes,
    load_text,
    parse_file,
    parse_notice,
    repair_blocks,
    split_sentences,
)
from assistant.schema import InputError

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"
SECOND = Path(__file__).parent / "data" / "sample_notice_articles.txt"

CHAPTERS = [
    "依法全面履行政府职能",
    "完善依法行政制度体系",
    "健全依法决策机制",
    "深入推进服务型行政执法建设",
    "全面落实行政执法责任制",
    "全面推进政务公开",
    "强化对行政权力的制约和监督",
    "依法有效化解社会矛盾纠纷",
    "提升依法行政能力",
    "完善依法行政保障机制",
]
ITEMS = [
    (1, "规范行政权力运行"), (1, "深化行政审批制度改革"), (1, "加强行政执法体制改革"), (1, "深化商事制度改革"),
    (2, "落实年度立法工作计划"), (2, "完善政府立法体制机制"), (2, "严格规范性文件管理"),
    (3, "健全重大行政决策机制"), (3, "严格行政决策责任追究"), (3, "积极推进政府法律顾问和公职律师制度"),
    (4, "强化工作推进机制"), (4, "探索行政执法风险防控"), (4, "探索“互联网+行政执法”"), (4, "充分发挥典型带动作用"),
    (5, "明确行政执法责任"), (5, "落实行政执法责任"), (5, "加强行政执法监督"), (5, "严格行政执法责任追究"),
    (6, "完善政务公开制度"), (6, "提高政务公开能力"), (6, "加大政务公开力度"),
    (7, "强化政府内部层级监督"), (7, "发挥专门监督作用"), (7, "自觉接受人大、政协和社会监督"), (7, "完善纠错问责机制"),
    (8, "加强行政复议工作"), (8, "做好行政应诉工作"), (8, "健全依法化解纠纷机制"),
    (9, "落实领导干部学法制度"), (9, "加强行政机关工作人员法律知识培训"),
    (10, "健全法治政府建设领导机制"), (10, "落实法治政府建设部署和报告制度"),
    (10, "切实履行法治政府建设职责"), (10, "建立法治政府建设推进机制"),
]


@pytest.fixture(scope="module")
def doc():
    return parse_file(NOTICE)


@pytest.fixture(scope="module")
def second():
    return parse_file(SECOND)


def raw_item_texts():
    """Item bodies cut from the raw file by a naive scan of heading lines, with the
    blank-line page breaks simply removed: an independent reference for the parser."""
    raw = NOTICE.read_text(encoding="utf-8")
    heads = list(re.finditer(r"^[（(][一二三四五六七八九十]+[）)].*$", raw, flags=re.M))
    ends = [h.start() for h in heads[1:]] + [raw.index("主办：")]
    out = []
    for head, end in zip(heads, ends):
        body = raw[head.end() : end]
        body = re.sub(r"\n[一二三四五六七八九十]+、[^\n]*\n", "\n", body)  # a chapter heading between items
        out.append("".join(line.strip() for line in body.split("\n")))
    return out


def test_chapters(doc):
    assert [c.title for c in doc.chapters] == CHAPTERS
    assert [c.number for c in doc.chapters] == list(range(1, 11))
    assert doc.chapter(8).items == (26, 27, 28)


def test_items_titles_and_chapters(doc):
    assert [(i.chapter, i.title) for i in doc.items] == ITEMS
    assert [i.number for i in doc.items] == list(range(1, 35))
    assert doc.item(7).ref == "（七）严格规范性文件管理"
    assert doc.item(15).ref == "（十五）明确行政执法责任"  # half-width brackets in the source
    assert doc.item(34).label == "第（三十四）项"


def test_item_text_is_original_with_page_breaks_repaired(doc):
    reference = raw_item_texts()
    assert len(reference) == 34
    for item, expected in zip(doc.items, reference):
        assert item.text == expected, item.ref
        assert "".join(item.sentences) == item.text
        assert item.title not in item.text[: len(item.title)]
    assert "并将清理结果向社会公布。" in doc.item(5).text
    assert "优化内部连接机制和工作流程" in doc.item(2).text
    assert "提升行政复议效果。" in doc.item(26).text
    assert "追究有关行政执法部门" in doc.item(18).text
    assert doc.item(18).text == "建立健全常态化的责任追究机制，对违法或者不当的行政执法行为，严格按照相关规定，追究有关行政执法部门和执法人员的责任。"
    # No fragment left behind: every paragraph of the body is part of exactly one item.
    assert all("\n" not in i.text for i in doc.items)


def test_header_and_footer(doc):
    m = doc.meta
    assert m.issuer == "郑州市人民政府"
    assert m.doc_number == "郑政文〔2017〕60号"
    assert m.title == "郑州市人民政府关于印发郑州市2017年推进依法行政建设法治政府工作要点的通知"
    assert m.points_title == "郑州市2017年推进依法行政建设法治政府工作要点"
    assert m.recipients == "各县（市、区）人民政府，市人民政府各部门，各有关单位"
    assert m.signing_date == "2017-03-23"
    assert m.printing_date == "2017-03-27"
    assert m.printer == "郑州市人民政府办公厅"
    assert m.sponsor == "市政府法制办"
    assert m.supervisor == "市政府办公厅七处"
    assert m.cc == ("市委各部门", "郑州警备区", "市人大常委会办公厅", "市政协办公厅", "市法院", "市检察院")
    assert [s.kind for s in doc.sections] == ["header", "preamble", "chapters", "footer"]
    assert doc.section("footer").text.startswith("主办：市政府法制办\n督办：市政府办公厅七处\n抄送：")


def test_preamble_and_its_references(doc):
    assert doc.preamble.startswith("为全面贯彻落实党的十八大")
    assert doc.preamble.endswith("制定本工作要点。")
    assert [f.value["number"] for f in doc.preamble_refs] == ["中发〔2015〕36号", "豫发〔2016〕31号"]
    assert doc.preamble_refs[0].text.endswith("（中发〔2015〕36 号）")  # verbatim span keeps the source's space


def test_deadlines(doc):
    found = {i.number: [(f.text, f.value) for f in i.deadlines] for i in doc.items if i.deadlines}
    assert found == {
        7: [("2017年10月底前", "2017-10-31")],
        10: [("2017年12月底前", "2017-12-31")],
        28: [("2017年底前", "2017-12-31")],
    }
    seven = doc.item(7)
    assert "2017年10月底前" in seven.sentences[seven.deadlines[0].sentence]
    # Recurring periods are recorded as periods, never as dates; "2017年度" is a year, not a period.
    assert [f.text for f in doc.item(29).facts_of("period")] == ["全年", "全年", "全年"]
    # 年度 before a noun (年度重点工作, 报告年度法治政府建设情况) qualifies it: no period of its own.
    assert [f.text for f in doc.item(32).facts_of("period")] == ["每年", "全年"]
    assert doc.item(34).facts_of("period") == []


def test_quantities(doc):
    def q(n):
        return [(f.text, f.value["count"], f.value["unit"], f.value["comparator"], f.value["counted"]) for f in doc.item(n).facts_of("quantity")]

    assert q(29) == [
        ("全年不少于4次", 4, "次", ">=", "县（市、区）政府常务会议学法次数"),
        ("全年至少举办1期", 1, "期", ">=", "领导干部法治专题培训班"),
        ("全年至少举办2期以上", 2, "期", ">=", "法治专题讲座"),
    ]
    assert q(30) == [("要举办2期", 2, "期", "=", "各部门科级领导职务公务员参加的法治专题讲座")]
    assert q(32) == [("全年至少要听取2次", 2, "次", ">=", "法治政府建设工作汇报")]


def test_actors(doc):
    assert doc.item(7).units == ["各县（市、区）人民政府", "市政府派出机构", "市政府各部门", "法律、法规授权组织"]
    assert doc.item(10).units == ["市、县（市、区）政府", "市政府派出机构", "市、县（市、区）政府工作部门", "乡镇政府", "街道办事处"]
    assert doc.item(16).units == ["市本级行政执法部门"]
    assert "各级政府法制机构" in doc.item(33).units
    assert doc.item(30).units == ["市政府各部门", "县（市、区）政府"]


def test_references(doc):
    refs = [f.value for f in doc.item(10).facts_of("reference")]
    assert refs == [{"title": "郑州市人民政府关于推行政府法律顾问制度的实施意见", "number": "郑政〔2016〕37号"}]
    assert [f.value["number"] for f in doc.item(23).facts_of("reference")] == ["中办发〔2015〕58号"]
    assert [f.value["title"] for f in doc.item(32).facts_of("reference")] == ["纲要", "实施方案"]
    assert [f.value["title"] for f in doc.item(17).facts_of("reference")] == ["河南省行政执法证件管理办法"]


# ---------------------------------------------------------------- the second notice


def test_second_notice_meta(second):
    m = second.meta
    assert (m.issuer, m.doc_number, m.signing_date, m.printing_date) == (
        "示范县人民政府办公室", "示政办〔2018〕12号", "2018-02-09", "2018-02-11",
    )
    assert m.title == "示范县人民政府办公室关于印发示范县2018年政务服务工作要点的通知"
    assert (m.sponsor, m.supervisor, m.cc) == ("县政务服务中心", "", ("县委办公室", "县人大常委会办公室"))
    assert [f.value["number"] for f in second.preamble_refs] == ["示政〔2017〕8号"]


def test_second_notice_articles_and_subitems(second):
    assert [(i.number, i.title, i.chapter) for i in second.items] == [
        (1, "推进一网通办", 0), (2, "开展业务培训", 0), (3, "完善考核评价", 0),
    ]
    assert second.item(1).ref == "第一条 推进一网通办"
    # A wrapped sub-item line is joined; sub-items and role lines stay separate lines.
    assert second.item(1).sentences[1] == "1.梳理政务服务事项清单，统一事项名称、编码和办理时限。"
    assert second.item(2).text.split("\n")[1:] == ["（1）培训内容包括政策法规和服务礼仪。", "（2）培训结束后组织考核。", "牵头单位：县人力资源社会保障局"]


def test_second_notice_facts(second):
    assert [(f.text, f.value) for f in second.item(1).deadlines] == [("2018年6月30日前", "2018-06-30")]
    assert [(f.text, f.value) for f in second.item(2).deadlines] == [("上半年", "2018-06-30")]
    assert [(f.text, f.value) for f in second.item(3).deadlines] == [("年底前", "2018-12-31")]
    assert [(f.value, f.role) for f in second.item(1).facts_of("actor")] == [
        ("县政务服务中心", ""), ("县政务服务中心", "责任"), ("县发展改革委", "配合"), ("县财政局", "配合"),
    ]
    assert [(f.value, f.role) for f in second.item(2).facts_of("actor") if f.role] == [("县人力资源社会保障局", "牵头")]
    assert second.item(3).units == ["县政府督查室"]
    qty = [(f.text, f.value["count"], f.value["unit"], f.value["comparator"]) for f in second.item(2).facts_of("quantity")]
    assert qty == [("每年至少举办3期", 3, "期", ">="), ("不少于200人", 200, "人", ">=")]
    assert [f.text for f in second.item(1).facts_of("quantity")] == ["不低于80%"]


# ---------------------------------------------------------------- repair, loading, bad input


def test_page_break_never_joins_headings():
    text = "一、总体要求\n\n（一）加强管理\n\n各单位要加强对规范性文件的\n\n管理。\n\n（二）深化改革\n\n持续推进"
    assert repair_blocks(text) == ["一、总体要求", "（一）加强管理", "各单位要加强对规范性文件的管理。", "（二）深化改革", "持续推进"]


def test_split_sentences_keeps_every_character():
    text = "要求“全覆盖。”其次；再次！\n责任单位：某局"
    assert split_sentences(text) == ("要求“全覆盖。”", "其次；", "再次！", "责任单位：某局")


def test_encodings(tmp_path):
    original = NOTICE.read_text(encoding="utf-8")
    for name, data in {
        "gbk.txt": original.encode("gbk"),
        "gb18030.txt": original.encode("gb18030"),
        "bom.txt": b"\xef\xbb\xbf" + original.encode("utf-8"),
        "crlf.txt": original.replace("\n", "\r\n").encode("utf-8"),
        "zw.md": original.replace("规范性文件", "规范\u200b性文件").encode("utf-8"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        parsed = parse_file(path)
        assert parsed.meta.doc_number == "郑政文〔2017〕60号", name
        assert parsed.item(7).text == parse_file(NOTICE).item(7).text, name


def test_docx_pdf_html(tmp_path):
    import docx

    document = docx.Document()
    for line in SECOND.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(tmp_path / "n.docx")
    assert [i.title for i in parse_file(tmp_path / "n.docx").items] == ["推进一网通办", "开展业务培训", "完善考核评价"]

    html = "<html><head><script>alert(1)</script><style>p{}</style></head><body>" + "".join(
        f"<p>{line}</p>" for line in SECOND.read_text(encoding="utf-8").split("\n") if line
    ) + "</body></html>"
    (tmp_path / "n.html").write_text(html, encoding="utf-8")
    parsed = parse_file(tmp_path / "n.html")
    assert parsed.meta.doc_number == "示政办〔2018〕12号"
    assert "alert" not in parsed.text
    assert parsed.item(3).units == ["县政府督查室"]


def test_pdf(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(tmp_path / "blank.pdf", "wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="没有可读取的文字"):
        load_text(tmp_path / "blank.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    with pytest.raises(InputError, match="无法读取 PDF"):
        load_text(tmp_path / "broken.pdf")


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b"  \n\n\t", "没有可读取的文字"),
        ("binary.txt", bytes(range(256)) * 8, "二进制"),
        ("image.png", b"\x89PNG\r\n", "不支持的文件类型"),
        ("noext", b"abc", "不支持的文件类型"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "无法打开 Word"),
    ],
)
def test_bad_files(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        load_text(path)


def test_missing_file():
    with pytest.raises(InputError, match="文件不存在"):
        load_text("/nonexistent/notice.txt")


def test_undecodable_bytes():
    with pytest.raises(InputError, match="编码无法识别|二进制"):
        decode_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50 + b"\x1b\x1c\x1d" * 40)


def test_structureless_text_falls_back_to_paragraphs():
    doc = parse_notice("今天召开了会议。\n\n会议讨论了若干事项，形成了一致意见。", source="memo.txt")
    assert not doc.structured
    assert [s.text for s in doc.sections] == ["今天召开了会议。", "会议讨论了若干事项，形成了一致意见。"]
    assert doc.messages == ("未识别到章节或条目结构，已按普通段落解析。",)
    assert doc.items == ()


def test_empty_text_is_refused():
    with pytest.raises(InputError, match="内容为空"):
        parse_notice("  \n ")


def test_show_cli(capsys):
    from assistant.cli import main

    assert main(["show"]) == 0
    out = capsys.readouterr().out
    assert "（七）严格规范性文件管理\n      期限：2017年10月底前（2017-10-31）" in out
    assert main(["show", "--file", "/nonexistent.txt"]) == 1
    assert "错误：文件不存在" in capsys.readouterr().err


def test_show_cli_json(capsys):
    import json

    from assistant.cli import main

    assert main(["show", "--file", str(SECOND), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meta"]["doc_number"] == "示政办〔2018〕12号"
    assert [i["ref"] for i in data["items"]] == ["第一条 推进一网通办", "第二条 开展业务培训", "第三条 完善考核评价"]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # A limit labelled inside a bracket or a clause, a bare month or date as its value.
        ("（牵头单位：市发改委；完成时限：2024年12月）", [("2024年12月", "2024-12-31")]),
        ("时间节点：2025年6月，形成初步成果。", [("2025年6月", "2025-06-30")]),
        ("（完成时限：2023年6月30日）", [("2023年6月30日", "2023-06-30")]),
        ("（时间：2023年9月）", [("2023年9月", "2023-09-30")]),
        # A stage's span of months ends at its last month.
        ("第一阶段（2024年3月—2024年6月）：动员部署。", [("2024年3月—2024年6月", "2024-06-30")]),
        ("2024年3月至6月开展排查。", [("2024年3月至6月", "2024-06-30")]),
        # A span of years standing as the period; a title's span is no deadline.
        ("2024—2026年，完成50个公园改造。", [("2024—2026年", "2026-12-31")]),
        ("印发《2024—2026年行动计划》。", []),
        # Parts of months are read as before.
        ("8月下旬—9月上旬开展活动。", [("9月上旬", "2024-09-10")]),
    ],
)
def test_deadline_shapes(sentence, expected):
    from assistant.documents.facts import extract_facts

    assert [(f.text, f.value) for f in extract_facts([sentence], 2024) if f.kind == "deadline"] == expected

"""Shapes of the genre the parser and the answers must hold on, written for these tests
(not taken from any evaluation set): a work-points notice whose tasks are only a
tab-separated table in its attachment, bracket tags with short labels (（牵头：X）),
columns named in other words (主要责任单位), a cover without 文号 or 印发 line, measures
with a 责任单位 line each, and durations (10个工作日内, 压缩至1个工作日)."""

import re

import pytest

from assistant.documents import parse_notice
from assistant.documents.facts import column_role
from assistant.documents.units import labelled_units
from assistant.retrieval.query import intent_of


def small_qa(tmp_path_factory, name: str, files: dict[str, str]):
    """An assistant over a few small documents, with the fake embedder and store."""
    from assistant.testing import small_assistant

    return small_assistant(tmp_path_factory.mktemp(name), files)


TABLE_NOTICE = (
    "示范市2022年生态环境保护工作要点\n"
    "为全面改善生态环境质量，制定本工作要点。\n"
    "附件\n"
    "2022年生态环境保护重点任务分解表\n"
    "序号\t工作任务\t主要责任单位\t完成时限\n"
    "1\t完成城区10条黑臭水体整治\t市住建局、市生态环境局\t6月底前\n"
    "2\t建成生活垃圾焚烧发电厂\t市城管局\t12月底前\n"
    "3\t开展扬尘污染专项整治\t市住建局\t全年\n"
)

COVER_NOTICE = (
    "示范区管理局关于印发示范区2023年安全生产工作要点的通知\n"
    "各科室、各社区：\n"
    "现将《示范区2023年安全生产工作要点》印发给你们，请结合实际，认真抓好落实。\n"
    "示范区管理局\n"
    "2023年8月30日\n"
    "（此件主动公开）\n"
    "示范区2023年安全生产工作要点\n"
    "一、压实安全生产责任\n"
    "（一）落实党政领导责任。严格落实党政同责、一岗双责。（牵头：区综治办；配合：各社区）\n"
    "（二）落实企业主体责任。督促企业开展风险辨识。（牵头：区经济发展办）\n"
    "二、优化办事流程\n"
    "（三）压减审批时限。企业开办时间压缩至1个工作日。（牵头：区行政服务中心）\n"
    "（四）限期整改隐患。企业应当在10个工作日内完成整改，逾期未改的在2个月内停业整顿。（牵头：区应急办）\n"
)


def test_a_notice_whose_tasks_are_a_tab_separated_table():
    doc = parse_notice(TABLE_NOTICE, "table.txt")
    assert doc.title == "示范市2022年生态环境保护工作要点"  # the title is not joined to the next line
    assert [it.title for it in doc.items] == ["完成城区10条黑臭水体整治", "建成生活垃圾焚烧发电厂", "开展扬尘污染专项整治"]
    first = doc.items[0]
    assert [f.text for f in first.deadlines] == ["6月底前"]  # one fact, though cell and sentence both hold it
    assert first.units == ["市住建局", "市生态环境局"]
    assert first.ref == "1.完成城区10条黑臭水体整治"


def test_table_columns_named_in_other_words():
    assert column_role("主要责任单位") == "责任"
    assert column_role("责任单位（部门）") == "责任"
    assert column_role("牵头单位") == "牵头"
    assert column_role("协同部门") == "配合"
    assert column_role("市卫健委内牵头处室") == ""  # one body's own divisions
    assert column_role("完成时限") == column_role("工作任务") == column_role("责任人") == ""


def test_short_labels_in_bracket_tags_only_where_a_tag_starts():
    assert labelled_units("督促企业开展风险辨识。（牵头：区经济发展办；配合：各社区）") == [("区经济发展办", "牵头", 15), ("各社区", "配合", 25)]
    assert labelled_units("市发改委负责：统筹推进") == []


def test_cover_without_number_and_publication_note():
    doc = parse_notice(COVER_NOTICE, "cover.txt")
    assert doc.title == "示范区2023年安全生产工作要点"  # （此件主动公开） is not part of it
    assert doc.meta.issuer == "示范区管理局" and doc.meta.signing_date == "2023-08-30" and not doc.meta.doc_number
    assert doc.items[0].units == ["区综治办", "各社区"]


def test_intents_of_durations_and_amounts_of_time():
    assert intent_of("企业开办时间要压缩到多少") == "quantity"
    assert intent_of("审批时间压缩到几个工作日") == "quantity"
    assert intent_of("乡镇初审要几天完成") == "quantity"
    assert intent_of("完成时间是几月") == "deadline"
    assert intent_of("什么时间完成") == "deadline"
    assert intent_of("慢病长处方最长能开多久") == "content"
    assert intent_of("多久考评一次") == "content"


@pytest.fixture(scope="module")
def shapes_qa(tmp_path_factory):
    return small_qa(tmp_path_factory, "shapes", {"table.txt": TABLE_NOTICE, "cover.txt": COVER_NOTICE})


def test_answers_on_a_table_of_tasks(shapes_qa):
    doc = shapes_qa.resolve_doc("示范市2022年生态环境保护工作要点")
    a = shapes_qa.ask("垃圾焚烧发电厂由谁负责？", doc=doc)
    assert a.text.startswith("市城管局") and any("建成生活垃圾焚烧发电厂" in c.text for c in a.citations)
    listed = shapes_qa.ask("市住建局负责哪些任务？", doc=doc)
    assert "黑臭水体" in listed.text and "扬尘" in listed.text and "垃圾焚烧" not in listed.text
    count = shapes_qa.ask("重点任务一共有几项？", doc=doc)
    assert "共列出3项工作" in count.text and "0个部分" not in count.text and "扬尘污染专项整治" in count.text


def test_answers_of_header_fields_a_cover_leaves_out(shapes_qa):
    doc = shapes_qa.resolve_doc("示范区2023年安全生产工作要点")
    printed = shapes_qa.ask("这个文件什么时候印发的？", doc=doc)
    assert not printed.refused and "没有单列印发日期" in printed.text and "2023年8月30日" in printed.text
    number = shapes_qa.ask("文号是多少？", doc=doc)
    assert number.refused  # it has none: said so, never made up


def test_answers_of_durations(shapes_qa):
    doc = shapes_qa.resolve_doc("示范区2023年安全生产工作要点")
    a = shapes_qa.ask("企业开办时间要压缩到多少？", doc=doc)
    assert a.text.startswith("1个工作日")
    b = shapes_qa.ask("隐患整改要在几个工作日内完成？", doc=doc)
    assert b.text.startswith("10个工作日内")
    # A limit in another unit of time does not answer a question asked in days.
    c = shapes_qa.ask("区综治办的安全责任要在几个工作日内落实？", doc=doc)
    assert "2个月" not in c.text.split("。")[0]


def test_lead_units_of_short_bracket_labels(shapes_qa):
    doc = shapes_qa.resolve_doc("示范区2023年安全生产工作要点")
    a = shapes_qa.ask("区综治办牵头哪些工作？", doc=doc)
    assert "落实党政领导责任" in a.text and "落实企业主体责任" not in a.text


FORWARDING_NOTICE = (
    "示范区管委会办公室转发省人民政府办公厅关于印发示范省支持大学生创新创业若干措施的通知\n"
    "各局办、各乡镇人民政府：\n"
    "现将《示范省人民政府办公厅关于印发示范省支持大学生创新创业若干措施的通知》（示政办〔2023〕2号）转发给你们，请结合实际认真贯彻落实。\n"
    "示范区管委会办公室\n"
    "2023年1月18日\n"
    "示范省人民政府办公厅关于印发示范省支持大学生创新创业若干措施的通知\n"
    "示政办〔2023〕2号\n"
    "各市、县（区）人民政府，省人民政府各部门：\n"
    "《示范省支持大学生创新创业若干措施》已经省人民政府同意，现印发给你们，请认真组织实施。\n"
    "示范省人民政府办公厅\n"
    "2023年1月4日\n"
    "示范省支持大学生创新创业若干措施\n"
    "一、降低创业门槛。允许大学生以住所作为经营场所登记注册。\n"
    "责任单位：省市场监管局\n"
    "二、加大资金支持。对首次创业的大学生给予一次性创业补贴1万元。\n"
    "责任单位：省人社厅、省财政厅\n"
)


def test_a_forwarding_notice_keeps_both_covers():
    doc = parse_notice(FORWARDING_NOTICE, "forwarding.txt")
    m = doc.meta
    assert (m.issuer, m.signing_date, m.doc_number) == ("示范区管委会办公室", "2023-01-18", "")
    assert (m.forwarded_number, m.forwarded_issuer, m.forwarded_date) == ("示政办〔2023〕2号", "示范省人民政府办公厅", "2023-01-04")
    assert doc.title == "示范省支持大学生创新创业若干措施"
    assert [it.title for it in doc.items] == ["降低创业门槛", "加大资金支持"]
    # A notice that only says "转发给你们" in its text forwards nothing.
    plain = parse_notice(COVER_NOTICE.replace("印发给你们", "转发给你们"), "cover.txt")
    assert not plain.meta.forwarded_title and len(plain.items) == 4


def test_header_answers_of_a_forwarding_notice(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "fwd", {"forwarding.txt": FORWARDING_NOTICE})
    number = qa.ask("文号是什么？")
    assert not number.refused and "本通知没有标注文号" in number.text and "示政办〔2023〕2号" in number.text
    assert any("示政办〔2023〕2号" in c.text for c in number.citations)
    issuer = qa.ask("这个文件是谁转发的？")
    assert issuer.text.startswith("发文机关是示范区管委会办公室") and "示范省人民政府办公厅" in issuer.text
    original = qa.ask("省里的原文件是哪天印发的？")
    assert "2023年1月4日" in original.text and "2023年1月18日" not in original.text
    assert original.text.count("2023年1月4日") == 2  # stated once, quoted once
    count = qa.ask("一共有几条措施？")
    assert "共列出2项工作" in count.text and "部分" not in count.text


def test_a_follow_up_that_continues_keeps_the_document_the_conversation_named(shapes_qa):
    history = [
        {"role": "user", "content": "示范市2022年生态环境保护工作要点里，黑臭水体整治谁负责？"},
        {"role": "assistant", "content": "市住建局、市生态环境局。"},
    ]
    question = "那建成生活垃圾焚烧发电厂这项工作由哪个单位负责，具体是谁来牵这个头？"
    scope, primary = shapes_qa._scope(shapes_qa.documents, question, None, history)
    assert primary.title == "示范市2022年生态环境保护工作要点" and scope == {primary.doc_id}
    # Without the continuation the long question names no document.
    scope, _ = shapes_qa._scope(shapes_qa.documents, question[1:], None, history)
    assert scope is None


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        ("9月中旬前启动整治。", "9月中旬前", "2016-09-20"),
        ("10月上旬前完成验收。", "10月上旬前", "2016-10-10"),
        ("即日起至12月底开展专项行动。", "12月底", "2016-12-31"),
    ],
)
def test_deadlines_written_with_parts_of_months_and_spans(sentence, span, iso):
    from assistant.documents.facts import extract_facts

    found = [(f.text, f.value) for f in extract_facts([sentence], 2016) if f.kind == "deadline"]
    assert found == [(span, iso)]


@pytest.mark.parametrize(
    "cell, kind, value",
    [
        ("3月底", "deadline", "2016-03-31"),
        ("6-12月", "deadline", "2016-12-31"),
        ("4月—6月", "deadline", "2016-06-30"),
        ("年内", "deadline", "2016-12-31"),
        ("长期", "open", "长期"),
        ("持续推进", "open", "持续推进"),
    ],
)
def test_a_time_limit_cell_is_read_whatever_its_form(cell, kind, value):
    from assistant.documents.facts import extract_facts

    facts = [(f.kind, f.value) for f in extract_facts([cell], 2016, cells=[("完成时限", cell)]) if f.kind in ("deadline", "open")]
    assert facts == [(kind, value)]


def test_a_sentence_of_its_own_that_says_持续推进_is_an_open_limit():
    from assistant.documents.facts import extract_facts

    assert [(f.kind, f.text) for f in extract_facts(["持续推进。"], 2016)] == [("open", "持续推进")]


def test_a_document_named_by_a_year_the_library_has_none_of_is_refused(shapes_qa):
    missing = shapes_qa.ask("2021年安全生产工作要点有哪些任务？")
    assert missing.refused and "2021年" in missing.text
    present = shapes_qa.ask("2023年安全生产工作要点里区综治办牵头哪些工作？")
    assert not present.refused and "落实党政领导责任" in present.text


def test_a_unit_tag_after_a_full_stop_closes_the_sentence_before_it():
    from assistant.documents import split_sentences

    line = "21.加强法律咨询援助。依托平台提供法律援助等服务。（省贸促会负责）强化贸易摩擦应对机制。（省商务厅负责）"
    assert split_sentences(line) == ("21.加强法律咨询援助。", "依托平台提供法律援助等服务。（省贸促会负责）", "强化贸易摩擦应对机制。（省商务厅负责）")
    assert "".join(split_sentences(line)) == line
    # A tag that also names partners and a date, after the sentence it closes.
    line = "推动企业登记档案网上互查。（市市场监管局牵头，会同天津市、河北省相关部门协同推进，2023年11月底前完成）梳理办税事项清单。"
    assert split_sentences(line)[0].endswith("2023年11月底前完成）")
    assert "".join(split_sentences(line)) == line


def test_a_lead_phrase_is_quoted_with_the_sentence_it_leads(tmp_path_factory):
    text = (
        "示范省工业互联网行动计划\n一、发展目标\n（一）总体目标。到2023年，工业互联网建设量质并进。\n"
        "--平台建设长足进步。培育3家综合型工业互联网平台，20家行业型平台。\n"
        "--融合应用加速普及。新建800个智能工厂。\n"
        "（二）重点任务。建设工业互联网标识解析节点。\n"
    )
    qa = small_qa(tmp_path_factory, "lead", {"plan.txt": text})
    a = qa.ask("平台建设方面到2023年要达到什么目标？")
    assert "3家" in a.text and "20家" in a.text


TABLES_IN_ATTACHMENT = (
    "示范区水污染防治工作方案\n"
    "一、主要任务\n"
    "（一）保障饮用水安全。开展水源地规范化建设。（区环保局牵头）\n"
    "（二）整治近岸海域。建立近岸海域监测网络。（区海洋局牵头）\n"
    "附件\n"
    "示范区水环境质量目标清单\n"
    "表1 集中式饮用水水源水质目标清单\n"
    "序号 | 水源地名称 | 水质目标\n"
    "1 | 东湖水库 | Ⅲ\n"
    "2 | 西山水库 | Ⅲ\n"
    "表2 近岸海域监测站位水质目标清单\n"
    "序号 | 所属海湾 | 站位名称 | 水质目标\n"
    "1 | 北湾 | F12省控点 | Ⅱ\n"
    "2 | 北湾 | 白沙浴场 | Ⅱ\n"
    "3 | 南湾 | F30国控点 | Ⅰ\n"
)


def test_titled_tables_in_an_attachment_are_parts_of_their_own():
    doc = parse_notice(TABLES_IN_ATTACHMENT, "tables.txt")
    tables = [n for n in doc.nodes if n.style == "表"]
    assert [(n.marker, n.title) for n in tables] == [("表1", "集中式饮用水水源水质目标清单"), ("表2", "近岸海域监测站位水质目标清单")]
    assert [len(doc.children(n.key)) for n in tables] == [2, 3]
    assert all(doc.node(n.parent).style == "附件" for n in tables)
    assert [it.title for it in doc.items] == ["保障饮用水安全", "整治近岸海域"]  # a table title is no task


def test_questions_about_titled_tables(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "tables", {"tables.txt": TABLES_IN_ATTACHMENT})
    which = qa.ask("附件表2是什么表？")
    assert "近岸海域监测站位水质目标清单" in which.text and not which.refused
    listed = qa.ask("附件有几张表，分别是什么？")
    assert "下设2项" in listed.text and "表1集中式饮用水水源水质目标清单" in listed.text
    stations = qa.ask("表2里的站位有哪些？")
    assert "站位名称分别是：F12省控点" in stations.text and "F30国控点" in stations.text


MEASURES = (
    "示范市老年人助餐服务管理办法\n"
    "第一章 总则\n"
    "第一条 为规范老年人助餐服务，制定本办法。\n"
    "第二条 老年人助餐服务采取以下方式提供：\n"
    "（一）自主供给服务模式。\n"
    "（二）单位食堂服务模式。\n"
    "（三）邻里互助服务模式。\n"
    "第二章 服务管理\n"
    "第三条 长者饭堂地址变更或者关停的，需提前5个工作日向服务对象进行公示。\n"
    "第四条 区民政部门应当建立长者饭堂名册清单。\n"
    "第三章 附则\n"
    "第五条 本办法自2024年4月1日起实施，有效期5年。\n"
)

EVENTS = (
    "示范区旅游旺季百日行动计划\n"
    "一、主要活动\n"
    "（一）沙滩音乐节\n"
    "时间：初定2017年10月1日—5日\n"
    "承办单位：区旅游发展委员会\n"
    "（二）环岛夜跑\n"
    "时间：2017年8月26日\n"
    "承办单位：区社会事业局\n"
    "（三）风筝冲浪邀请赛\n"
    "时间：9月5日至9月8日\n"
    "承办单位：区社会事业局、区旅游发展委员会\n"
)


@pytest.fixture(scope="module")
def measures_qa(tmp_path_factory):
    return small_qa(tmp_path_factory, "measures2", {"measures.txt": MEASURES, "events.txt": EVENTS})


def test_effective_date_and_validity(measures_qa):
    doc = measures_qa.resolve_doc("示范市老年人助餐服务管理办法")
    a = measures_qa.ask("这个办法从哪天开始实施？有效期几年？", doc=doc)
    assert "自2024年4月1日起实施" in a.text and "有效期5年" in a.text and not a.refused


def test_counts_of_chapters_and_articles_use_the_documents_words(measures_qa):
    doc = measures_qa.resolve_doc("示范市老年人助餐服务管理办法")
    a = measures_qa.ask("这个办法一共几章、多少条？", doc=doc)
    assert "3章" in a.text and "5条" in a.text


def test_the_kinds_an_article_enumerates(measures_qa):
    doc = measures_qa.resolve_doc("示范市老年人助餐服务管理办法")
    a = measures_qa.ask("助餐服务一共有哪几种提供模式？", doc=doc)
    assert "下设3项" in a.text and "邻里互助服务模式" in a.text


def test_an_address_that_changes_is_no_request_for_contacts(measures_qa):
    doc = measures_qa.resolve_doc("示范市老年人助餐服务管理办法")
    a = measures_qa.ask("长者饭堂要搬地址，得提前多少天公示？", doc=doc)
    assert not a.refused and "5个工作日" in a.text


def test_events_their_dates_and_the_units_that_host_them(measures_qa):
    doc = measures_qa.resolve_doc("示范区旅游旺季百日行动计划")
    when = measures_qa.ask("沙滩音乐节定在什么时候？", doc=doc)
    assert "2017年10月1日—5日" in when.text
    hosted = measures_qa.ask("区社会事业局承办哪几个活动？", doc=doc)
    assert "环岛夜跑" in hosted.text and "风筝冲浪邀请赛" in hosted.text and "沙滩音乐节" not in hosted.text


def test_an_article_keeps_a_first_sentence_that_is_a_provision():
    doc = parse_notice(MEASURES, "measures.txt")
    last = doc.items[-1]
    assert last.sentences[0] == "本办法自2024年4月1日起实施，有效期5年。"


def test_a_time_limit_in_a_task_heading_is_the_tasks():
    text = "示范区2021年专项整治工作方案\n一、实施步骤\n1.全面摸底排查。查清查明底数。\n2.梳理整改任务清单、责任清单（9月5日至9月8日）\n各单位梳理形成整改任务清单。\n"
    doc = parse_notice(text, "steps.txt")
    second = doc.items[1]
    assert [(f.text, f.value) for f in second.deadlines] == [("9月5日至9月8日", "2021-09-08")]


@pytest.mark.parametrize(
    "question, kind",
    [
        ("周末想去玩，你觉得哪个沙滩最值得去？", "chitchat"),
        ("今天天气怎么样", "chitchat"),
        ("申请信用修复要交多少手续费？", "money"),
        ("遇到台风、强降雨天气景区要怎么处置？", ""),
    ],
)
def test_out_of_scope_kinds(question, kind):
    from assistant.retrieval.query import OUT_OF_SCOPE

    assert next((name for name, pattern in OUT_OF_SCOPE if pattern.search(question)), "") == kind


def test_a_total_of_money_is_no_count_of_tasks():
    assert intent_of("全市今年助餐补贴一共安排了多少钱预算") != "count"
    assert intent_of("这轮专项整治总共多长时间") != "count"
    assert intent_of("一共有多少项任务") == "count"


DUTIES = (
    "示范区2021年景区安全专项整治工作方案\n"
    "一、部门职责\n"
    "1.区旅游文体局。负责景区安全管理专项整治的日常工作。\n"
    "2.区执法应急局。统筹、协调、推动专项整治，及时报告重大情况，建立救援协调联动机制。\n"
    "3.规范行政权力运行。完善工作规则。\n"
    "二、实施步骤\n"
    "（一）隐患整治销号阶段（9月9日至11月30日）。对排查发现的问题实行清单管理。\n"
)


def test_a_duty_list_headed_by_units_names_them():
    doc = parse_notice(DUTIES, "duties.txt")
    assert doc.items[0].units == ["区旅游文体局"] and doc.items[1].units == ["区执法应急局"]
    assert doc.items[2].units == []  # a heading that is no unit
    # 9月9日 is a date, not a count of days.
    assert not [f for f in doc.items[3].facts_of("quantity") if f.text.endswith("日")]


def test_the_duties_of_a_unit_that_heads_them_are_quoted_whole(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "duties", {"duties.txt": DUTIES})
    a = qa.ask("区执法应急局在这次整治里具体负责什么？")
    assert "及时报告重大情况" in a.text and "联动机制" in a.text


def test_a_sum_of_money_the_document_never_states_is_refused(measures_qa):
    doc = measures_qa.resolve_doc("示范市老年人助餐服务管理办法")
    a = measures_qa.ask("全市今年助餐补贴一共安排了多少钱预算？", doc=doc)
    assert a.refused


CLOSING_BEFORE_ATTACHMENT = (
    "示范片区管理局关于印发示范片区2023年安全生产工作要点的通知\n"
    "各社区、各有关单位：\n"
    "现将《示范片区2023年安全生产工作要点》印发给你们，请认真贯彻执行。\n"
    "示范片区2023年安全生产工作要点\n"
    "一、压实安全生产责任\n"
    "（一）落实党政领导责任。严格落实党政同责、一岗双责。（责任单位：综治办）\n"
    "（二）开展专项整治。6月底前完成燃气安全专项整治。（责任单位：安监站）\n"
    "示范片区管理局\n"
    "2023年3月20日\n"
    "附件：示范片区安全生产责任清单\n"
    "序号 | 责任单位 | 主要职责\n"
    "1 | 综治办 | 统筹协调\n"
)


def test_a_signature_before_the_attachments_closes_the_notice():
    doc = parse_notice(CLOSING_BEFORE_ATTACHMENT, "closing.txt")
    assert doc.meta.signing_date == "2023-03-20"
    assert doc.items[1].sentences[-1] == "（责任单位：安监站）"  # the signature is no part of the last task
    assert any(n.style == "附件" for n in doc.nodes)


def test_a_task_set_in_a_period_only_is_answered_with_the_period(tmp_path_factory):
    text = "示范省支持大学生创业若干措施\n一、建设创业园。“十四五”期间建成20个大学生创业园。（责任单位：省人社厅）\n二、发放补贴。对首次创业的给予补贴。（责任单位：省财政厅）\n"
    qa = small_qa(tmp_path_factory, "period", {"plan.txt": text})
    a = qa.ask("大学生创业园要什么时候建成？")
    assert not a.refused and "十四五" in a.text and "没有写明具体完成日期" in a.text


def test_a_definition_is_answered_with_the_sentence_that_defines(tmp_path_factory):
    text = (
        "示范州政务数据资源管理暂行办法\n第一条 为规范政务数据管理，制定本办法。\n"
        "第二条 本办法所称政务数据，是指各级行政机关在履行职责过程中制作或者获取的数据。\n"
        "第三条 政务部门应当编制政务数据资源目录。\n"
    )
    qa = small_qa(tmp_path_factory, "define", {"measures.txt": text})
    for question in ("什么是政务数据？", "政务数据是怎么定义的", "政务数据是指什么"):
        a = qa.ask(question)
        assert "是指各级行政机关在履行职责过程中制作或者获取的数据" in a.text, question


def test_the_second_question_of_a_message_quotes_its_own_sentence(tmp_path_factory):
    text = (
        "示范省工业互联网行动计划\n一、保障措施\n"
        "（一）加强工作组织协调。各级政府成立由主要领导任组长的专项工作组。建立上下联动的推进机制。研究设立发展指标，纳入各市政府考核。\n"
        "（二）加大资金支持。统筹用好专项资金。\n"
    )
    qa = small_qa(tmp_path_factory, "two", {"plan.txt": text})
    a = qa.ask("专项工作组怎么成立？考核上有啥要求？")
    first, second = a.text.split("（2）")
    assert "主要领导" in first and "纳入各市政府考核" in second


@pytest.mark.parametrize(
    "sentence, figure",
    [("覆盖人群预计达5700多万", "5700多万"), ("培训3万余人。", "3万余人"), ("新增企业2万家", "2万家")],
)
def test_approximate_figures_and_figures_that_end_a_text(sentence, figure):
    from assistant.documents.facts import figures

    assert [f for f, _, _ in figures(sentence)] == [figure]


def test_a_venue_asked_of_a_document_that_states_venues_is_answered(measures_qa, tmp_path_factory):
    from assistant.retrieval.query import out_of_scope_kind

    assert out_of_scope_kind("沙滩啤酒节在哪里办？") == "place"
    from assistant.retrieval.query import analyse

    assert analyse("这个行动计划是哪几家联合印发的", None, None).meta_field == "issuer"
    events = measures_qa.resolve_doc("示范区旅游旺季百日行动计划")
    # This sample of events names no venue: said so.
    assert measures_qa.ask("环岛夜跑在哪里举办？", doc=events).refused


def test_an_attachment_the_cover_lists_but_the_file_lacks(tmp_path_factory):
    text = (
        "示范市卫生健康委关于印发示范市家庭医生签约服务实施方案的通知\n各区卫生健康局：\n现将《示范市家庭医生签约服务实施方案》印发给你们，请认真执行。\n"
        "附件：1.示范市家庭医生签约服务质量监测指标体系\n2.示范市家庭医生签约服务任务分工表\n"
        "示范市卫生健康委\n2023年10月19日\n"
        "示范市家庭医生签约服务实施方案\n一、工作目标\n（一）扩大签约覆盖面。到2025年签约率达到45%。\n"
    )
    qa = small_qa(tmp_path_factory, "listed", {"plan.txt": text})
    a = qa.ask("附件2是什么？")
    assert "示范市家庭医生签约服务任务分工表" in a.text and "未收录" in a.text
    assert qa.ask("附件3是什么？").refused


def test_every_unit_of_a_document_and_counts_of_tasks_using_a_term(shapes_qa):
    doc = shapes_qa.resolve_doc("示范区2023年安全生产工作要点")
    units = shapes_qa.ask("这个文件涉及哪些责任单位？", doc=doc)
    assert "区综治办（1项）" in units.text and "区应急办（1项）" in units.text and "各社区" in units.text
    leads = shapes_qa.ask("牵头单位都有哪些？", doc=doc)
    assert "各社区" not in leads.text and "区综治办" in leads.text
    table = shapes_qa.resolve_doc("示范市2022年生态环境保护工作要点")
    counted = shapes_qa.ask("黑臭水体的任务有多少项？", doc=table)
    assert "有1项" in counted.text and "扬尘" not in counted.text


def test_the_units_of_a_part_named_by_number(shapes_qa):
    doc = shapes_qa.resolve_doc("示范区2023年安全生产工作要点")
    a = shapes_qa.ask("第二部分的牵头单位有哪些？", doc=doc)
    assert "区行政服务中心" in a.text and "区应急办" in a.text and "区综治办" not in a.text


def test_the_measures_a_task_enumerates_are_quoted_together(tmp_path_factory):
    text = (
        "示范区旅游旺季行动计划\n一、出台旅游优惠政策\n"
        "工作任务：出台精准管用的优惠政策。具体措施：1.针对散客群体研究出台激励政策。2.出台旅行社奖励九条措施。3.建立三级联动机制。4.加强宣传推介。\n"
        "二、优化旅游线路\n工作任务：编制精品线路。\n"
    )
    qa = small_qa(tmp_path_factory, "enumerated", {"plan.txt": text})
    a = qa.ask("出台旅游优惠政策有哪些具体措施？")
    assert "散客" in a.text and "九条措施" in a.text and "三级联动" in a.text


def test_a_question_whether_a_term_is_mentioned_is_answered_yes_with_where(measures_qa):
    doc = measures_qa.resolve_doc("示范市老年人助餐服务管理办法")
    a = measures_qa.ask("文件有没有提到名册清单？", doc=doc)
    assert a.text.startswith("文件提到了。") and "名册清单" in a.text


def test_the_first_unit_leads_where_the_document_says_so():
    text = (
        "示范区2016年生态环境保护工作要点\n一、重点任务\n（一）水环境治理。开展河道整治。\n附件\n重点任务分解表\n"
        "序号 | 主要工作任务 | 完成时限 | 主要责任单位\n"
        "1 | 完成城区黑臭水体整治 | 6月 | 区环保局 区住建局\n"
        "2 | 建成垃圾焚烧发电厂 | 全年 | 区城管局\n"
        "注：主要责任单位中排在第一位的为牵头单位。\n"
    )
    doc = parse_notice(text, "env.txt")
    row = next(it for it in doc.items if it.title == "完成城区黑臭水体整治")
    assert [(f.value, f.role) for f in row.facts_of("actor")] == [("区环保局", "牵头"), ("区住建局", "配合")]
    assert [f.value for f in row.deadlines] == ["2016-06-30"]


def test_a_section_of_duties_paragraph_by_unit():
    from assistant.documents.facts import extract_facts

    assert [(f.value, f.role) for f in extract_facts(["区公安局：负责加油站点的治安管理。"], 2023) if f.kind == "actor"] == [("区公安局", "责任")]
    # A label is no unit: 工作要求：… names none.
    assert [f for f in extract_facts(["工作要求：各单位高度重视。"], 2023) if f.kind == "actor" and f.value == "工作要求"] == []


def test_a_short_question_after_one_the_documents_do_not_hold_is_not_answered_alone(measures_qa):
    doc = measures_qa.resolve_doc("示范区旅游旺季百日行动计划")
    a = measures_qa.ask("2018年旺季还搞百日行动吗？怎么安排的？", doc=doc)
    assert a.refused and "2018" in a.text and "（2）" not in a.text


def test_units_a_label_gives_every_later_task():
    text = (
        "示范省支持大学生创新创业若干措施\n"
        "一、降低创业门槛。允许大学生以住所登记注册。\n责任单位：省市场监管局（以下均需各设区市人民政府、示范区管委会落实，不再列出）\n"
        "二、加大资金支持。给予一次性创业补贴1万元。\n责任单位：省人社厅\n"
    )
    doc = parse_notice(text, "measures.txt")
    assert "各设区市人民政府" in doc.items[1].units and "示范区管委会" in doc.items[1].units
    assert "省人社厅" in doc.items[1].units and "省市场监管局" not in doc.items[1].units


def test_the_quote_shows_the_clause_that_names_the_kind_asked(tmp_path_factory):
    text = (
        "示范市数据专区建设指导意见\n一、加强专区管控能力建设\n"
        "（一）建设统一管控平台。按照统一规划要求，充分利用区块链、隐私计算等技术手段，建设数据专区统一管控平台，实现基础共性数据服务能力和技术支撑能力输出，进一步加强对数据专区数据申请、确权追溯、脱敏处理、调取使用等全流程管控。\n"
        "（二）强化安全管理。建立安全管理制度。\n"
    )
    qa = small_qa(tmp_path_factory, "head", {"opinions.txt": text})
    a = qa.ask("数据专区统一管控平台打算用哪些技术手段？")
    assert "区块链、隐私计算" in a.text


def test_words_that_name_the_document_are_no_topic():
    from assistant.index import fold
    from assistant.retrieval.search import _strip_title_pieces

    naming = fold("示范区2016年度旅游工作要点 示范区管委会")
    assert _strip_title_pieces("示范区2016年旅游工作要点把2016年定位成什么年", naming) == "把2016年定位成什么年"
    # A question of four characters or fewer after them keeps them.
    assert _strip_title_pieces("旅游工作要点有几项", naming) == "旅游工作要点有几项"


def test_a_units_tasks_quote_the_work_its_tags_close(tmp_path_factory):
    text = (
        "示范区水污染防治工作方案\n一、主要任务\n"
        "1．加快污水处理设施建设。建立统一的污水处理系统。城镇污水处理设施应于2017年底前达到一级A标准。（区建设局牵头，区环保局参与）"
        "推进污泥规范处理处置。污泥无害化处理处置率达到90%以上。（区建设局牵头，区环保局参与）\n"
        "2．整治黑臭水体。加大治理力度。（区环保局负责）\n"
    )
    qa = small_qa(tmp_path_factory, "runs", {"plan.txt": text})
    a = qa.ask("区建设局牵头的有哪些？")
    assert "推进污泥规范处理处置" in a.text and "黑臭水体" not in a.text
    assert "（区建设局牵头" not in a.text  # the tag only repeats the unit


EVENTS_PLAN = (
    "示范区旅游旺季百日行动计划\n"
    "一、策划精品活动\n"
    "（一）国际沙滩音乐节\n"
    "活动时间：8月下旬—9月上旬。\n"
    "活动地点：示范区海滨浴场、古城广场\n"
    "活动内容：邀请知名乐队参加，安排沙滩音乐会。\n"
    "主办单位：示范区管委会\n"
    "承办单位：区文体局\n"
    "（二）风筝冲浪赛\n"
    "活动时间：初定2017年9月下旬\n"
    "活动地点：示范区龙头湾\n"
    "活动内容：邀请全球风筝冲浪好手来竞技。\n"
    "主办单位：示范区管委会\n"
    "承办单位：区社会事业局\n"
    "（三）乐活节\n"
    "活动时间：8—10月\n"
    "活动地点：示范区文创村\n"
    "活动内容：安排戏曲表演。\n"
    "主办单位：示范区管委会\n"
    "承办单位：区旅游发展委员会\n"
)


def test_a_labelled_event_time_is_the_events_date():
    from assistant.documents.facts import deadlines

    assert deadlines("活动时间：8月下旬—9月上旬。", 2017) == [("8月下旬—9月上旬", "2017-09-10", 5)]
    assert deadlines("活动时间：初定2017年9月下旬", None)[0][1] == "2017-09-30"
    assert deadlines("活动时间：8—10月", 2017)[0][:2] == ("8—10月", "2017-10-31")
    # Only a labelled time: a month part alone in a sentence is no deadline.
    assert deadlines("9月下旬组织观摩。", 2017) == []


def test_events_answer_who_hosts_them_when_and_where(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "events", {"plan.txt": EVENTS_PLAN})
    # No 主办 line closes the document: the event's own 承办 line answers.
    a = qa.ask("风筝冲浪赛是谁承办的？")
    assert not a.refused and "区社会事业局" in a.text
    a = qa.ask("乐活节在哪儿办、办多久？")
    assert "8—10月" in a.text and "示范区文创村" in a.text


def test_a_file_name_in_a_numbered_line_is_not_split_at_its_extension():
    from assistant.documents.tree import split_title

    assert split_title("信用修复网上办对照材料清单.doc") == ("信用修复网上办对照材料清单.doc", "")
    assert split_title("加强管理. 各单位要落实责任") == ("加强管理", "各单位要落实责任")


def test_an_enumeration_run_on_with_semicolons_is_quoted_whole(tmp_path_factory):
    text = (
        "示范区安全整治工作方案\n一、整治阶段\n"
        "（一）隐患整治。对排查发现的问题，实行“四个一律”，即一律开具整改通知书;能整改的一律立即整改;"
        "一律采取临时性管控措施；对拒不整改的，一律依法严肃处理。各单位要加强督查。\n"
        "（二）总结提升。建立长效机制。\n"
    )
    qa = small_qa(tmp_path_factory, "semicolons", {"plan.txt": text})
    a = qa.ask("“四个一律”具体指哪四个？")
    assert "临时性管控措施" in a.text and "严肃处理" in a.text


def test_a_unit_the_question_names_is_not_the_answer(tmp_path_factory):
    text = (
        "示范市助餐服务管理办法\n"
        "第一条 为规范助餐服务，制定本办法。\n"
        "第二条 市民政部门负责统筹规划、政策指导和资金管理等工作。镇人民政府负责设施建设、设置饭堂、遴选运营机构及日常监管。\n"
        "第三条 饭堂原则上应委托专业服务机构运营管理。饭堂的运营机构应当按照协议约定具备相应条件。\n"
        "第四条 饭堂运营机构应当建立健全管理制度。\n"
        "第五条 饭堂运营机构按实际就餐人次享受运营补贴。\n"
    )
    qa = small_qa(tmp_path_factory, "asked-unit", {"measures.txt": text})
    a = qa.ask("饭堂的运营机构是谁来遴选的？")
    assert "镇人民政府" in a.text


OPINIONS_WITHOUT_COVER = (
    "关于推进人才集聚工程的实施意见\n"
    "为深入落实人才强市战略，根据《示范市关于全面推进新型城市化发展的决定》，就推进人才集聚工程，提出以下实施意见。\n"
    "一、实施人才行动计划\n"
    "1.企业家培养项目。5年内培养100名优秀企业家。（牵头单位：市委组织部，配合单位：市国资委）\n"
    "2.大学生创业扶持项目。5年内扶持100个创业项目。（牵头单位：市人力资源和社会保障局，配合单位：市工商局、团市委）\n"
    "3.杰出青年人才支持项目。5年内扶持100名杰出青年。（牵头单位：团市委，配合单位：市财政局）\n"
    "4.人才公寓。5年内筹集建设1000套人才公寓。（牵头单位：市住房保障办，配合单位：市规划局、市国土房管局）\n"
    "二、强化组织实施\n"
    "5.加强组织领导。各配合单位要加强协作、各负其责。\n"
)


def test_a_paragraph_after_a_title_without_cover_is_the_preamble(tmp_path_factory):
    doc = parse_notice(OPINIONS_WITHOUT_COVER, "opinions.txt")
    assert [f.text for f in doc.preamble_refs] == ["《示范市关于全面推进新型城市化发展的决定》"]
    assert {s.kind: s.text for s in doc.sections}["header"] == "关于推进人才集聚工程的实施意见"
    qa = small_qa(tmp_path_factory, "no-cover", {"opinions.txt": OPINIONS_WITHOUT_COVER})
    a = qa.ask("这个意见是根据哪份文件定的？")
    assert "关于全面推进新型城市化发展的决定" in a.text


def test_units_by_a_short_form_without_the_level_word_and_not_by_role_words(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "short-units", {"opinions.txt": OPINIONS_WITHOUT_COVER})
    a = qa.ask("团委负责哪些项目？")
    assert "杰出青年" in a.text and "大学生创业" in a.text
    # 配合单位 is a role, not the unit 各配合单位 of item 5.
    a = qa.ask("那配合单位有哪些？", history=[
        {"role": "user", "content": "人才公寓是谁牵头的？"},
        {"role": "assistant", "content": "由市住房保障办牵头，见第4项「人才公寓」。"},
    ])
    assert "市规划局" in a.text and "市国土房管局" in a.text


def test_a_government_orders_number_is_its_document_number():
    text = (
        "示范省公共数据管理办法\n示范省人民政府令\n（第290号）\n"
        "《示范省公共数据管理办法》已经2021年9月22日示范省人民政府第162次常务会议审议通过，现予公布，自2021年11月25日起施行。\n"
        "省长　张三\n2021年10月18日\n示范省公共数据管理办法\n第一章　总则\n"
        "第一条　为了规范公共数据管理，制定本办法。\n第二条　省政务服务数据管理局负责公共数据管理工作。\n"
    )
    doc = parse_notice(text, "measures.txt")
    assert doc.meta.doc_number == "示范省人民政府令第290号"
    assert doc.meta.issuer == "示范省人民政府"


COUNTED_PLAN = (
    "示范区市场监管信用修复网上办实施方案\n"
    "一、线上申请流程\n"
    "（一）信用承诺信息公示\n"
    "1.填写规范\n"
    "（1）承诺类型：信用修复型。\n"
    "（2）信用承诺内容：一是所提供资料均合法有效；二是已按照相关规定进行了整改；三是自愿维护良好的信用记录。四是自觉接受社会监督。五是本次承诺为真实意思表示。\n"
    "2.夜跑嘉年华。活动内容：本次活动集运动、音乐为一体，分为冰果体育、冰果音乐与冰果旅游三部分。\n"
    "二、工作要求\n"
    "（一）部门职责\n"
    "1.区市场监管局。负责统筹协调。\n"
    "2.区公安局。负责维护秩序。\n"
    "3.区财政局。负责经费保障。\n"
)


def test_a_count_of_what_one_thing_enumerates(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "topic-count", {"plan.txt": COUNTED_PLAN})
    a = qa.ask("信用修复网上办方案里，信用承诺内容一共要写几条？")
    assert a.text.startswith("共5条") and "五是本次承诺为真实意思表示" in a.text
    a = qa.ask("夜跑嘉年华分成哪几部分？")
    assert a.text.startswith("共三部分") and "冰果旅游" in a.text
    a = qa.ask("部门职责里一共列了多少个部门？")
    assert "下共列出3项" in a.text and "区财政局" in a.text
    # The document's own count is still the document's.
    a = qa.ask("这个方案一共有多少项工作？")
    assert "共列出" in a.text and "部门职责" not in a.text[:12]


def test_instances_a_task_only_counts_are_not_named(tmp_path_factory):
    text = (
        "示范区2016年度旅游工作要点\n一、完善旅游设施\n"
        "1.完成10座旅游厕所建设。\n"
        "2.建设游客服务中心。在北港村、君山、海坛古城设置游客服务点。\n"
    )
    qa = small_qa(tmp_path_factory, "unnamed", {"points.txt": text})
    a = qa.ask("10座旅游厕所分别建在哪些地方？")
    assert a.refused and "没有列出具体是哪些" in a.text and "完成10座旅游厕所建设" in a.text
    a = qa.ask("游客服务点具体设在哪些地方？")
    assert not a.refused and "北港村" in a.text


ORDER_MEASURES = (
    "示范省公共数据管理办法\n示范省人民政府令\n（第290号）\n"
    "《示范省公共数据管理办法》已经2021年9月22日示范省人民政府第162次常务会议审议通过，现予公布，自2021年11月25日起施行。\n"
    "省长　张三\n2021年10月18日\n示范省公共数据管理办法\n第一章　总则\n"
    "第一条　为了规范公共数据管理，制定本办法。\n"
    "第二条　自然人基础数据按照下列规定采集：\n（一）户籍登记数据，由公安机关负责；\n（二）婚姻登记数据，由民政部门负责；\n（三）社会保险数据，由人力资源社会保障部门负责。\n"
    "第三条　省政务服务数据管理局负责公共数据管理工作，推行“一数一源”制度，即一项数据有且只有一个法定采集部门。\n"
)


def test_a_government_orders_adoption_signer_and_number_are_answered(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "order", {"measures.txt": ORDER_MEASURES})
    a = qa.ask("这个办法是省政府第几次常务会议通过的？")
    assert "第162次常务会议审议通过" in a.text
    a = qa.ask("是以第几号省政府令公布的，谁签的？")
    assert "第290号" in a.text and "张三" in a.text
    a = qa.ask("自然人基础数据一共列了几类？")
    assert "3项" in a.text and "社会保险数据" in a.text


def test_the_clause_with_a_quoted_term_is_shown(tmp_path_factory):
    text = (
        "示范市人才工程实施意见\n一、交流平台\n"
        "1.科技交流会。坚持创新办会，进一步优化“3＋N”的创办模式（人才交流、创新论坛、展览展示＋N场推介会），整合提升交流会功能，充分发挥交流会在引进海外高层次人才方面的积极作用，将其打造成为具有全球影响力的国际人才交流平台。进一步推动海外人才引进工作常态化。\n"
        "2.人才公寓。筹集建设1000套人才公寓。\n"
    )
    qa = small_qa(tmp_path_factory, "quoted", {"opinions.txt": text})
    a = qa.ask("交流会说的“3+N”模式具体指什么？")
    assert "创新论坛" in a.text and "推介会" in a.text


def test_a_sentence_that_continues_the_best_one_is_quoted_with_it(tmp_path_factory):
    text = (
        "示范市助餐服务管理办法\n"
        "第一条 为规范助餐服务，制定本办法。\n"
        "第二条 街道可依托社区公共服务场地设置饭堂。饭堂选址应当便于寻找，尽量设置在首层，不得设置在户外。设置在其他楼层的，应当配备电梯。饭堂应当悬挂统一标识。\n"
        "第三条 饭堂运营机构应当建立健全管理制度。\n"
    )
    qa = small_qa(tmp_path_factory, "continues", {"measures.txt": text})
    a = qa.ask("饭堂选址能不能放楼上？有啥要求")
    assert "首层" in a.text and "电梯" in a.text


def test_details_a_plan_does_not_give_are_refused_and_what_it_gives_is_not(tmp_path_factory):
    text = (
        "示范市助餐服务管理办法\n"
        "第一条 为规范助餐服务，制定本办法。\n"
        "第二条 饭堂运营机构应当配备必要的工作人员，建立健全食品安全管理制度。\n"
        "第三条 就餐补贴标准为每人每次就餐费用的四分之一，最高不超过3元。\n"
        "第四条 成立助餐工作领导小组（详见附件1），统筹协调助餐服务工作。\n"
    )
    qa = small_qa(tmp_path_factory, "refuse-details", {"measures.txt": text})
    for question in (
        "这个办法实施以后效果怎么样？",       # what came of the plan
        "就餐补贴跟深圳比，哪边给得多？",      # a comparison with what the file does not hold
        "上海的助餐政策跟这个比有啥区别？",
        "领导小组的组长是谁？",                # a person's name
        "一个饭堂最少得配几个厨师？",          # a thing counted the file never writes
        "申请补贴要不要交营业执照复印件？",    # a thing asked for the file never writes
        "饭堂建设总投资多少？",                # a sum the file states for other things only
    ):
        a = qa.ask(question)
        assert a.refused, question
    for question in ("就餐补贴最高多少钱？", "饭堂要配备哪些人员和制度？"):
        a = qa.ask(question)
        assert not a.refused, question


def test_starts_lists_of_conditions_and_the_attachment_list(tmp_path_factory):
    text = (
        "示范区信用修复网上办实施方案\n"
        "一、受理条件\n"
        "（一）运营机构条件。运营机构应当具备以下条件：\n（1）依法成立，取得营业执照；\n（2）近3年内没有重大违法记录；\n（3）具有相应的管理能力。\n"
        "二、宣传推广\n"
        "（二）网络营销。8月下旬起，策划开展网络营销专案，集中核心网络资源。\n"
        "（三）场地要求。食品处理区的面积不小于30㎡。\n"
        "附件：\n1.信用修复操作指南.doc\n2.信用修复申请书.doc\n"
    )
    qa = small_qa(tmp_path_factory, "starts", {"plan.txt": text})
    a = qa.ask("网络营销那个专案从啥时候开始搞？")
    assert a.text.startswith("8月下旬起")
    a = qa.ask("机构得满足哪些条件？")
    assert "营业执照" in a.text and "近3年" in a.text
    a = qa.ask("附件给了哪几个文件？")
    assert not a.refused and "信用修复申请书" in a.text
    a = qa.ask("对场地面积有没有硬性要求？")  # 场地…面积: both written, a paraphrase
    assert not a.refused and "30㎡" in a.text


def test_a_procedure_the_file_never_names_is_refused(tmp_path_factory):
    text = (
        "示范区旅游旺季百日行动计划\n一、策划精品活动\n"
        "（一）导游词大赛。举办导游词写作大赛与演讲大赛，集合境内外专业导游。\n"
        "（二）信用修复。市场主体通过公示系统提交申请，已经补报年度报告的，可以申请移出经营异常名录。\n"
    )
    qa = small_qa(tmp_path_factory, "how", {"plan.txt": text})
    assert qa.ask("申报大赛要走什么流程？").refused
    a = qa.ask("没报年报进了异常名录，怎么才能修复？")
    assert not a.refused and "补报年度报告" in a.text


def test_a_units_tasks_in_the_area_the_question_names(tmp_path_factory):
    text = (
        "示范市助餐服务管理办法\n第一章 服务供给\n"
        "第一条 区民政部门负责统筹设置长者饭堂。\n"
        "第二条 区民政部门负责遴选运营机构。\n"
        "第二章 监督管理\n"
        "第三条 区民政部门应当建立长者饭堂的名册清单。\n"
        "第四条 区民政部门应当公布举报投诉渠道。\n"
    )
    qa = small_qa(tmp_path_factory, "unit-area", {"measures.txt": text})
    a = qa.ask("在监督管理上，区民政部门要做哪些工作？")
    assert "名册清单" in a.text and "投诉渠道" in a.text and "遴选运营机构" not in a.text
    a = qa.ask("区民政部门要管哪些事？")
    assert "遴选运营机构" in a.text and "名册清单" in a.text


def test_a_long_messages_intent_is_read_from_what_it_asks():
    from assistant.retrieval.query import asking_clause

    message = "你好，我是街道负责养老的，辖区有个饭堂下个月要装修，得停一阵子，饭堂暂停服务前要走什么程序？"
    assert asking_clause(message) == "饭堂暂停服务前要走什么程序？"
    assert intent_of(asking_clause(message)) != "unit"  # the context's 负责 asks for no unit
    assert asking_clause("谁负责？") == "谁负责？"


def test_how_often_is_answered_by_the_sentence_that_says_it_or_only_定期(tmp_path_factory):
    text = (
        "示范市政务数据管理办法\n"
        "第一条 为规范政务数据管理，制定本办法。\n"
        "第二条 公共数据主管部门应当定期对共享数据库进行本地及异地备份，保障数据安全。\n"
        "第三条 数据开放目录实行年度动态调整。\n"
        "第四条 各部门每季度报送数据质量自查情况。\n"
    )
    qa = small_qa(tmp_path_factory, "frequency", {"measures.txt": text})
    # Only 定期: the answer says so, as the document words it (the sets are split on whether
    # this is a refusal; the words are the same either way).
    a = qa.ask("共享数据库多久要备份一次？")
    assert not a.refused and a.text.startswith("定期") and "没有规定具体的频次" in a.text
    assert "年度动态调整" in qa.ask("数据开放目录多久调一次？").text
    assert "每季度" in qa.ask("数据质量自查多久报一回？").text
    a = qa.ask("这个办法实施以后，实际已经开放了多少数据？")
    assert a.refused


def test_instances_of_a_kind_mentioned_but_not_named_are_refused(tmp_path_factory):
    text = (
        "示范区水污染防治工作方案\n一、狠抓工业污染防治\n"
        "1.取缔“十小”企业。全面排查装备水平低、环保设施差的小型工业企业，2016年底前全部取缔。\n"
        "2.推进千兆升级。在北港村、君山片区、海坛街道等3个片区率先实现千兆升级。\n"
    )
    qa = small_qa(tmp_path_factory, "kinds", {"plan.txt": text})
    a = qa.ask("要取缔的“十小”企业是哪几家？")
    assert a.refused and "没有列出具体是哪些" in a.text
    a = qa.ask("先搞千兆升级的是哪几个片区？")
    assert not a.refused and "君山片区" in a.text


def test_the_basis_asked_by_how_many_documents_and_a_year_asked_with_在哪年(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "basis-year", {"opinions.txt": OPINIONS_WITHOUT_COVER})
    a = qa.ask("这个意见是根据哪两个上级文件制定的？")
    assert "关于全面推进新型城市化发展的决定" in a.text
    assert intent_of("公共信用信息平台要在哪年基本建起来？") == "deadline"
    assert intent_of("这是哪年的文件？") != "deadline"


def test_the_tasks_of_an_area_asked_by_its_name(tmp_path_factory):
    text = (
        "示范区2016年度旅游工作要点\n一、培育新业态\n"
        "1.出台民宿开发管理办法，将民宿纳入统一管理。\n"
        "2.引导企业成立民宿联盟。\n"
        "3.建设游客服务中心。\n"
    )
    qa = small_qa(tmp_path_factory, "area", {"points.txt": text})
    a = qa.ask("民宿这块今年主要打算做哪几件事？")
    assert "民宿开发管理办法" in a.text and "民宿联盟" in a.text and "游客服务中心" not in a.text


def test_past_results_units_of_measure_and_named_kinds_a_plan_does_not_give(tmp_path_factory):
    text = (
        "示范市2017年推进依法行政工作要点\n一、完善行政复议制度\n"
        "（一）加强行政复议工作。依法办理行政复议案件，提高办案质量。\n"
        "（二）推进示范点建设。在部分社区卫生服务中心开展示范点建设。\n"
        "（三）扩大出口。对日本出口农产品增长10%。\n"
    )
    qa = small_qa(tmp_path_factory, "past", {"points.txt": text})
    for question in (
        "这个要点执行得怎么样？",
        "行政复议案件去年一共办了多少件？",
        "对日本出口的农产品有多少吨？",
        "哪些社区卫生服务中心是示范点？",
    ):
        assert qa.ask(question).refused, question
    assert not qa.ask("对日本出口农产品要增长多少？").refused


def test_a_comparison_with_what_was_asked_before_is_no_refusal():
    from assistant.answering.compose import RE_COMPARED

    assert RE_COMPARED.search("跟它相比，法律顾问制度全覆盖的截止时间是什么时候？") is None
    assert RE_COMPARED.search("就餐补贴跟深圳比，哪边给得多？").group(1) == "深圳"


def test_labelled_limits_and_stage_spans_answer_when(tmp_path_factory):
    text = (
        "示范区2024年公园提升三年行动方案\n一、主要任务\n"
        "（一）完成口袋公园建设。新建口袋公园10个。（牵头单位：区绿化市容局；完成时限：2024年12月）\n"
        "（二）开展设施排查。对公园设施开展全面排查。（时间节点：2025年6月）\n"
        "二、实施步骤\n"
        "（三）动员部署阶段（2024年3月—2024年5月）。制定工作方案，明确责任分工。\n"
    )
    qa = small_qa(tmp_path_factory, "labelled", {"plan.txt": text})
    a = qa.ask("口袋公园什么时候要建完？")
    assert not a.refused and "2024年12月" in a.text
    a = qa.ask("公园设施排查的时间节点是哪天？")
    assert not a.refused and "2025年6月" in a.text
    a = qa.ask("动员部署阶段到什么时候结束？")
    assert not a.refused and "2024年5月" in a.text


STAGED_PLAN = (
    "示范街道2024年老旧小区消防安全整治实施方案\n为切实做好老旧小区消防安全工作，制定本方案。\n"
    "一、实施步骤\n"
    "（一）宣传发动阶段（2024年3月1日—3月31日）。各社区要召开动员会，张贴宣传海报。\n"
    "（二）集中整治阶段（2024年4月—9月）。\n"
    "1.开展电动自行车停放充电整治。清理楼道内停放的电动自行车。\n"
    "2.开展消防通道整治。清理占用消防通道的杂物。\n"
    "（三）总结验收阶段（2024年10月—11月）。街道组织验收，形成总结报告。\n"
    "二、工作要求\n"
    "（一）加强组织领导。街道成立工作专班，每月5日前报送上月整治进展。\n"
    "（二）强化督查考核。每季度最后一个周五前报送季度工作小结。\n"
    "（三）加强宣传引导。持续开展消防安全宣传。\n"
)


def test_a_stage_heading_sets_the_time_of_its_tasks(tmp_path_factory):
    doc = parse_notice(STAGED_PLAN, "staged.txt")
    stage = next(n for n in doc.nodes if n.title.startswith("集中整治阶段"))
    assert [f.text for f in stage.facts if f.kind == "deadline"] == ["2024年4月—9月"]
    qa = small_qa(tmp_path_factory, "staged", {"plan.txt": STAGED_PLAN})
    a = qa.ask("集中整治阶段到什么时候？")
    assert not a.refused and "2024年4月—9月" in a.text
    # A task of the stage with no limit of its own is answered with the stage's, said so.
    a = qa.ask("消防通道整治要在什么时候完成？")
    assert not a.refused and "2024年4月—9月" in a.text and "单独规定" in a.text
    # A task under a part whose heading sets no time is still said to have none.
    a = qa.ask("消防安全宣传什么时候完成？")
    assert a.refused and "没有" in a.text


def test_a_recurring_deadline_is_answered_as_written(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "recurring", {"plan.txt": STAGED_PLAN})
    a = qa.ask("季度工作小结啥时候报？")
    assert a.text.startswith("每季度最后一个周五前") and "没有写明" not in a.text
    a = qa.ask("整治进展几号前报？")
    assert a.text.startswith("每月5日前")


@pytest.mark.parametrize(
    "sentence,units",
    [
        ("制定完善水利工程招标监管办法。（区经济发展局，2016年底前完成）", ["区经济发展局"]),
        ("制定建设方案。（区行政审批局、区财政金融局，2016年4月底前完成。列第一位的为牵头单位，下同）", ["区行政审批局", "区财政金融局"]),
        ("推进数据共享。（市大数据局、市发改委，持续推进）", ["市大数据局", "市发改委"]),
        ("推进平台建设。（2016年底前完成）", []),
    ],
)
def test_a_bracket_of_units_that_ends_with_its_time(sentence, units):
    from assistant.documents.units import tagged_units

    assert [u for u, _, _ in tagged_units(sentence)] == units


FILE_NAMED_ATTACHMENTS = (
    "示范区教育局关于印发《2026年示范区幼儿园招生工作方案》的通知\n各幼儿园：\n现将方案印发给你们，请认真执行。\n"
    "示范区教育局\n2026年4月20日\n（联系科室：学前教育科，联系电话：12345678）\n"
    "2026年示范区幼儿园招生工作方案\n为做好2026年幼儿园招生工作，制定本方案。\n"
    "一、招生对象\n具有本区户籍或者符合《政策性照顾学生清单》（附件2）条件的适龄儿童。\n"
    "二、招生方式\n采取电脑派位方式招生。\n"
    "附件：\n附件1.docx\n附件2.docx\n"
)


def test_a_contact_note_under_the_signature_is_no_title():
    doc = parse_notice(FILE_NAMED_ATTACHMENTS, "plan.txt")
    assert doc.title == "2026年示范区幼儿园招生工作方案"


def test_an_attachment_given_as_a_file_name_is_named_from_the_body(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "filenamed", {"plan.txt": FILE_NAMED_ATTACHMENTS})
    a = qa.ask("附件2是什么？")
    assert a.text.startswith("附件2是《政策性照顾学生清单》") and "（附件2）" in a.text
    a = qa.ask("附件1是什么？")
    assert "只给出了附件1的文件名" in a.text and "附件1.docx" in a.text


def test_a_contact_note_under_the_signature_answers_who_to_ask(tmp_path_factory):
    doc = parse_notice(FILE_NAMED_ATTACHMENTS, "plan.txt")
    assert doc.meta.contact == "联系科室：学前教育科，联系电话：12345678"
    qa = small_qa(tmp_path_factory, "contact", {"plan.txt": FILE_NAMED_ATTACHMENTS})
    for question in ("联系科室是哪个？", "有问题找谁咨询", "联系电话多少"):
        a = qa.ask(question)
        assert not a.refused and "学前教育科" in a.text and "12345678" in a.text, question


DUTY_SECTION = (
    "示范区关于推进应急避难场所建设的实施方案\n为提升应急避难能力，制定本方案。\n"
    "一、目标任务\n到2025年，全区人均避难面积达到2.3平方米。\n"
    "二、职责分工\n按照属地负责的原则，区民防办、区应急管理局牵头，各部门履行相应职责。\n"
    "区民防办：负责制定区级应急避难场所专业规划;参与应急避难场所的检查和验收。\n"
    "区应急管理局：参与制定年度建设计划;负责全区应急避难场所启用。\n"
    "区教育局：负责推进在学校建设应急避难场所;负责编制本系统建设计划。\n"
    "区经委（商务委）：负责指导大型商超场所内应急避难场所建设。\n"
    "附表：1、建设推进计划表\n2、建设项目表\n"
    "附表1：\n建设推进计划表\n街镇\n类型\n南桥镇\n等级\n0.55\n"
    "附表2：\n建设项目表\n序号\n项目名称\n1\n南桥中学\n"
)


def test_a_list_of_duties_answers_who_with_the_unit_whose_line_holds_the_duty(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "duties", {"plan.txt": DUTY_SECTION})
    for question, unit, other in (
        ("应急避难场所的启用由谁负责？", "区应急管理局", "区教育局"),
        ("在学校里建避难场所归哪个部门推进？", "区教育局", "区民防办"),
        ("大型商超里的避难场所归谁管？", "区经委（商务委）", "区教育局"),
    ):
        a = qa.ask(question)
        head = a.text.split("。")[0]
        assert unit in head and other not in head, (question, a.text)


def test_attached_tables_open_attachments_of_their_own():
    doc = parse_notice(DUTY_SECTION, "plan.txt")
    attached = [n for n in doc.nodes if n.style == "附件"]
    assert [(n.marker, n.title) for n in attached] == [("附表1", "建设推进计划表"), ("附表2", "建设项目表")]
    assert doc.meta.attachments[0].startswith("附表：1、建设推进计划表")
    # The duties end where the tables begin.
    assert "南桥镇" not in doc.items[-1].text


def test_an_attached_table_is_found_by_its_number(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "attached", {"plan.txt": DUTY_SECTION})
    a = qa.ask("附表2是张什么表？")
    assert a.text.startswith("附表2「建设项目表」")


def test_a_numbered_task_that_opens_with_a_date_is_a_heading():
    from assistant.documents.headings import heading

    assert (heading("1.9月30日前，区建设管理委完成底数排查。").number, heading("2.11月30日前，完成整改。").number) == (1, 2)
    assert heading("1.5分以上的给予奖励。") is None  # a decimal stays text


def test_the_issuer_and_drafter_of_a_forwarding_title():
    text = (
        "示范区人民政府办公室转发区消防安全委员会制定的《示范区高层建筑消防安全综合治理工作方案》的通知\n"
        "各镇人民政府：\n区消防安全委员会制定的方案已经区政府同意，现转发给你们，请认真执行。\n2017年9月6日\n"
        "示范区高层建筑消防安全综合治理工作方案\n一、工作目标\n全面排查高层建筑消防隐患。\n"
    )
    doc = parse_notice(text, "forward.txt")
    assert doc.meta.issuer == "示范区人民政府办公室"
    assert (doc.meta.forwarded_issuer, doc.meta.forwarded_title) == ("区消防安全委员会", "示范区高层建筑消防安全综合治理工作方案")


@pytest.mark.parametrize("question", ["一共有多少栋高层建筑？", "全区一共有几辆消防车？"])
def test_a_count_of_things_is_no_count_of_tasks(question):
    from assistant.retrieval.query import analyse

    assert analyse(question).intent == "quantity"


def test_the_stages_of_a_plan_are_counted_and_listed(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "stages", {"plan.txt": STAGED_PLAN})
    for question in ("整治工作分几个阶段？", "实施步骤有哪几个阶段", "工作分哪几个步骤"):
        a = qa.ask(question)
        assert "分为3个阶段" in a.text and "宣传发动阶段" in a.text and "总结验收阶段" in a.text, (question, a.text)
    # The parts under one stage are still that stage's.
    a = qa.ask("集中整治阶段有哪些工作")
    assert "开展消防通道整治" in a.text and "分为3个阶段" not in a.text


@pytest.mark.parametrize(
    "question,intent",
    [("小区业主子女优先报名是哪几天？", "deadline"), ("资格审核要几天？", "quantity"), ("网上报名能填几所公办园？", "quantity"), ("每个站配几台设备", "quantity")],
)
def test_which_days_asks_when_and_how_many_of_a_measure_asks_a_figure(question, intent):
    from assistant.retrieval.query import analyse

    assert analyse(question).intent == intent


def test_figures_in_latin_measures():
    from assistant.documents.facts import extract_facts

    found = [f.text for f in extract_facts(["井壁耐火极限达不到1.00h，间距不小于50m，温度35℃以上。"], 2024) if f.kind == "quantity"]
    assert found == ["1.00h", "50m", "35℃以上"]


@pytest.mark.parametrize(
    "question,meta_field",
    [("公共资源交易目录要求什么时候出台？", ""), ("这个文件什么时候出台的", "signing_date"), ("方案啥时候发布的", "signing_date"), ("方案是根据市里哪个文件制定的？", "basis")],
)
def test_when_a_named_output_is_issued_is_no_question_of_the_documents_date(question, meta_field):
    from assistant.retrieval.query import analyse

    assert analyse(question).meta_field == meta_field


def test_an_orders_number_is_a_reference():
    from assistant.documents.facts import references

    assert [v["number"] for _, v, _ in references("依据《电子招标投标办法》（国家发展改革委令第20号），统一技术规范。")] == ["国家发展改革委令第20号"]


def test_the_whole_works_time_comes_from_the_preamble(tmp_path_factory):
    text = (
        "示范区高层建筑消防安全综合治理工作方案\n"
        "为消除高层建筑火灾隐患，从现在起至2017年12月底，本区开展高层建筑消防安全综合治理工作。\n"
        "一、工作步骤\n（一）动员部署阶段（8月31日前）。制定方案。\n（二）排查整治阶段（9月1日至11月30日）。开展排查。\n"
        "二、工作要求\n（三）落实目标责任。建立定期通报机制，确保任务落到实处。\n"
    )
    qa = small_qa(tmp_path_factory, "whole", {"plan.txt": text})
    a = qa.ask("这次综合治理整体上要干到什么时候？")
    assert a.text.startswith("2017年12月底") and "从现在起至2017年12月底" in a.text
    # 定期 says that something recurs, not when: no date is written.
    a = qa.ask("目标责任要在什么时候落实？")
    assert "没有写明具体完成日期" in a.text


def test_a_units_duties_run_on_to_the_next_units_line(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "dutyblock", {"plan.txt": DUTY_SECTION})
    a = qa.ask("区应急管理局要干啥")
    assert "参与制定年度建设计划" in a.text and "负责全区应急避难场所启用" in a.text
    assert "在学校建设" not in a.text  # the next unit's duties are not its


def test_a_long_messages_question_is_its_last_sentence_that_asks():
    from assistant.index import fold
    from assistant.retrieval.query import analyse, asking_clause

    text = (
        "我是镇里安办的，刚接手这一摊，好几个小区物业也说不清自己该干嘛，业委会天天追着问。"
        "这些我慢慢理，先问个具体的：商品房小区的消防设施改造，文件里说钱从哪儿出？"
    )
    assert "好几个" not in asking_clause(fold(text))
    assert analyse(text).intent != "quantity"  # the aside's 好几个 asks for no figure


ENROLMENT = (
    "示范区2026年幼儿园招生工作方案\n为做好招生工作，制定本方案。\n"
    "一、招生方式\n（一）公办幼儿园。公办幼儿园2026年面向社会电脑派位招生的比例为90%。\n"
    "（二）电脑派位。区教育局启动电脑派位程序，对全程进行现场公证，并于当天在招生服务平台发布派位结果。\n"
    "二、工作安排\n（三）制定计划。各园编制年度招生任务，2026年4月底前报区教育局。\n"
)


def test_a_share_does_not_answer_how_many_and_an_organisation_never_named_is_refused(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "enrolment", {"plan.txt": ENROLMENT})
    a = qa.ask("公办园一共拿出多少个学位派位？")
    assert a.refused and "只规定了比例：90%" in a.text
    a = qa.ask("面向社会派位的比例是多少？")
    assert not a.refused and a.text.startswith("90%")
    a = qa.ask("电脑派位现场是哪家公证处来公证？")
    assert a.refused and "公证处" in a.text


def test_the_kinds_of_the_documents_own_subject_are_counted_from_the_sentence_that_states_them(tmp_path_factory):
    text = (
        "示范区关于推进应急避难场所建设的实施方案\n为提升应急避难能力，制定本方案。\n"
        "一、目标任务\n本区应急避难场所建设类型分为等级应急避难场所(包括6个等级)和社区应急避难场所2类。\n"
        "（一）到2025年，人均避难面积达到2.3平方米。\n（二）到2035年，人均避难面积达到3.0平方米。\n"
        "二、平台建设\n（三）建设统一平台。统一平台系统包括公共服务系统、交易系统和监管系统三个组成部分。\n"
    )
    qa = small_qa(tmp_path_factory, "kinds", {"plan.txt": text})
    a = qa.ask("应急避难场所分成哪几类？")
    assert a.text.startswith("共2类") and "社区应急避难场所" in a.text
    a = qa.ask("统一平台系统由几部分组成，分别是什么？")
    assert a.text.startswith("共三个组成部分")


@pytest.mark.parametrize("question,word", [("交易中心有哪些事不能做？", "不得"), ("这笔钱从哪儿出？", "经费"), ("设备的钱谁出？", "资金"), ("平台啥时候要弄完？", "完成")])
def test_chat_words_search_for_what_documents_write(question, word):
    from assistant.retrieval.query import analyse

    assert word in analyse(question).search_text


EVENT_TIMED = (
    "示范市2023年关于加强消防基础设施建设的实施意见\n为加强消防基础设施建设，提出如下意见。\n"
    "一、主要任务\n（一）增加消防水源。新建、改建、扩建市政道路时，按照有关要求同步建设配套市政消火栓。\n"
    "（二）推进消防站建设。完成万荣消防站点净地，力争万荣消防站按时建成投用。\n"
    "（三）组织验收。园区完成建设任务后，由市发展改革委组织验收。\n"
    "（四）加强智能消防建设。将九小场所纳入物联网建设对象。\n"
    "二、附则\n本意见自印发之日起施行，《示范市消防基础设施建设意见》（示府办〔2004〕49号）同时废止。\n"
)


def test_a_time_set_by_an_event_answers_when_and_no_answers_whether(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "eventtime", {"plan.txt": EVENT_TIMED})
    a = qa.ask("市政消火栓什么时候要配套建设？")
    assert not a.refused and "新建、改建、扩建市政道路时" in a.text and "没有" in a.text
    a = qa.ask("园区什么时候组织验收？")
    assert not a.refused and "完成建设任务后" in a.text
    # "有没有期限" is answered "没有", with the task quoted.
    a = qa.ask("智能消防建设那项有没有给完成期限？")
    assert not a.refused and a.text.startswith("没有") and "九小场所" in a.text
    # A date asked (哪年几月) is not answered by a manner (按时): the document sets none.
    a = qa.ask("万荣消防站计划哪年几月投用？")
    assert a.refused


def test_a_cited_documents_year_is_no_other_year_when_the_question_is_about_a_document():
    from assistant.documents import parse_notice
    from assistant.retrieval.query import analyse

    doc = parse_notice(EVENT_TIMED, "plan.txt")
    assert analyse("2004年那份老文件现在还有效吗？", doc=doc).other_year == ""
    assert analyse("2004年全市新建了多少消防站？", doc=doc).other_year == "2004年"


def test_a_unit_a_sentence_names_answers_for_that_sentence_only(tmp_path_factory):
    text = (
        "示范市关于加强消防水源建设的实施意见\n为加强消防水源建设，提出如下意见。\n"
        "一、主要任务\n（一）完善消防水源建设管理机制。市政消火栓由建设单位负责建设。"
        "消防救援部门负责消火栓的监督管理，对市政消火栓开展日常巡检。各区政府负责市政消火栓应急维修和日常养护工作，并予以经费保障。\n"
        "（二）推进智慧消防。建设城市消防物联网。（市消防救援总队牵头，市经济信息化委配合）\n"
    )
    qa = small_qa(tmp_path_factory, "sentenceunit", {"plan.txt": text})
    a = qa.ask("市政消火栓日常巡检是谁的事？")
    assert a.text.startswith("消防救援部门")
    a = qa.ask("消火栓坏了谁来维修养护？")
    assert a.text.startswith("各区政府")
    # A bracket tag assigns the whole task.
    a = qa.ask("消防物联网谁牵头？")
    assert a.text.startswith("市消防救援总队（牵头）")


DATA_TABLE = (
    "示范市交通领域光伏推广应用实施方案\n为推进交通领域光伏应用，制定本方案。\n"
    "一、主要任务\n（一）推进光伏+公交。建设分布式光伏发电系统。\n"
    "附表1\n各区“十四五”交通光伏任务分配表\n"
    "序号 | 区域 | 新增装机容量（MW） | 新增示范工程 | 新增典型场景\n"
    "1 | 浦东新区 | 11-14.5 | 3 | 2\n2 | 崇明区 | 0.7-0.9 | 3 | 2\n合计 | 11.7-15.4 | 6 | 4\n"
)


def test_a_data_tables_row_is_asked_by_its_name_and_columns(tmp_path_factory):
    doc = parse_notice(DATA_TABLE, "plan.txt")
    total = next(n for n in doc.nodes if n.style == "行" and n.title == "合计")
    assert ("新增示范工程", "6") in total.cells  # a row of totals is a row of its own
    qa = small_qa(tmp_path_factory, "datatable", {"plan.txt": DATA_TABLE})
    a = qa.ask("浦东新区十四五交通光伏要新增多少装机？")
    assert a.text.startswith("浦东新区的新增装机容量（MW）：11-14.5")
    a = qa.ask("崇明区要新增多少装机、几个示范工程？")
    assert "0.7-0.9" in a.text and "新增示范工程：3" in a.text and "典型场景" not in a.text.split("根据")[0]


BODY_BASIS = (
    "示范区消防救援发展三年行动计划\n（2019—2021）\n"
    "一、指导思想\n为防范化解重大风险，根据《示范省消防安全责任制实施办法》（示政办〔2018〕50号）、《示范省城市公共消防安全工作的意见》（示府办规〔2019〕5号），制定本计划。\n"
    "二、工作任务\n（一）完善应急救援架构。按“一、三、四”模式构建应急救援框架，即以中兴消防站为核心，以恒丰、闸北消防站为主力。\n"
    "（二）建立分流机制。逐步探索建立区消防支队与区城运中心双向分流协作机制。区城运中心负责做好应急指挥的平台支撑。\n"
    "（三）推进站点建设。完成万荣消防站点净地。（责任单位：区应急局，配合单位：区财政局）\n"
    "附件：\n1.示范区消防站点建设基本条件\n2.示范区消防站点建设指标体系\n"
)


def test_shapes_of_a_plan_without_preamble(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "bodybasis", {"plan.txt": BODY_BASIS})
    # The basis stated in the first part, when there is no preamble.
    a = qa.ask("这个三年计划依据的是哪些文件？")
    assert not a.refused and "示政办〔2018〕50号" in a.text and "示府办规〔2019〕5号" in a.text
    # A quoted term is a name, not numbers of parts.
    a = qa.ask("“一、三、四”应急救援框架具体是怎么排的？")
    assert not a.refused and "中兴消防站为核心" in a.text
    # A closing 附件：list names the attachments.
    a = qa.ask("附件2是什么？")
    assert a.text.startswith("附件2是《示范区消防站点建设指标体系》")
    # A unit asked as a supporting unit that the document names without a role.
    a = qa.ask("区城运中心要参与哪些工作？")
    assert not a.refused and "双向分流" in a.text and "没有写明“区城运中心”作为配合单位" in a.text


def test_the_document_a_cover_repeals_and_a_threshold_asked_in_chat_words(tmp_path_factory):
    text = (
        "示范市人民政府办公厅关于印发《关于加强消防基础设施建设的实施意见》的通知\n各区人民政府：\n"
        "现将《关于加强消防基础设施建设的实施意见》印发给你们，请认真按照执行。\n"
        "《示范市人民政府办公厅转发市发展改革委关于加强消防基础设施建设意见的通知》（示府办〔2004〕49号）同时废止。\n"
        "示范市人民政府办公厅\n2023年9月25日\n关于加强消防基础设施建设的实施意见\n为加强消防基础设施建设，提出如下意见。\n"
        "一、园区类型\n（一）工业园区。零碳工业园区建成期的年综合能耗原则上应不小于5万吨标准煤。\n"
    )
    qa = small_qa(tmp_path_factory, "repealed", {"plan.txt": text})
    a = qa.ask("这次废止的老文件文号是多少？")
    assert not a.refused and "示府办〔2004〕49号" in a.text
    a = qa.ask("零碳工业园区的年综合能耗门槛是多少？")
    assert not a.refused and "5万吨" in a.text


TASK_TABLE_MERGED = (
    "示范市交通领域光伏推广应用实施方案\n为推进交通领域光伏应用，制定本方案。\n"
    "一、主要任务\n（一）推进光伏+港口。推进码头光伏建设。\n"
    "附表1\n任务分工表\n"
    "序号 | 事项 | 工作措施 | 责任单位\n"
    "1 | “光伏+港口”工程 | 合理利用港口码头范围内设施探索光伏应用 | 市交通委、市水务局\n"
    "2 | *推进沪东码头屋顶光伏设施建设 | 上港集团\n"
    "3 | 在内河运输船舶开展光伏船体试点\n"
    "附表2\n交通子行业光伏建设分配表\n"
    "序号 | 交通子行业 | 十四五装机计划（MW） | 责任单位\n"
    "1 | 地铁 | 35-36 | 申通地铁集团\n2 | 铁路 | 15-20 | 中国铁路上海局\n汇总 | 50-56\n"
)


def test_merged_cells_of_a_task_table_and_its_total(tmp_path_factory):
    doc = parse_notice(TASK_TABLE_MERGED, "plan.txt")
    rows = {n.number: dict(n.cells) for n in doc.nodes if n.style == "行" and n.key.startswith("2.")}
    # A row without its merged 事项 cell: its measure and units keep their columns.
    assert rows[2]["工作措施"] == "*推进沪东码头屋顶光伏设施建设" and rows[2]["责任单位"] == "上港集团"
    # A row with its measure only: the merged units are the row above's.
    assert rows[3]["工作措施"] == "在内河运输船舶开展光伏船体试点" and rows[3]["责任单位"] == "上港集团"
    total = next(n for n in doc.nodes if n.title == "汇总")
    assert dict(total.cells)["十四五装机计划（MW）"] == "50-56" and not total.task
    qa = small_qa(tmp_path_factory, "merged", {"plan.txt": TASK_TABLE_MERGED})
    a = qa.ask("任务分工表第2项是什么任务，谁负责？")
    assert "上港集团" in a.text and "沪东码头" in a.text
    a = qa.ask("各子行业光伏装机计划加起来一共多少MW？")
    assert "50-56" in a.text


@pytest.mark.parametrize(
    "sentence,names",
    [
        ("建设主体为省级及以上开发区、上海市特色产业园区。", True),
        ("鼓励建设意愿强、基础条件好的园区进行申报。", False),
        ("参考《国家发展改革委、工业和信息化部、国家能源局关于开展零碳园区建设的通知》编制方案。", False),
        ("市发展改革委组织评审，确定上海市零碳园区建设名单。", False),
    ],
)
def test_a_sentence_names_instances_only_with_a_list_of_names(sentence, names):
    from assistant.answering.task import _names_kind

    assert _names_kind(sentence, "园区") is names


def test_conditions_asked_of_a_task_that_states_none_are_not_stated(tmp_path_factory):
    text = (
        "示范省工业互联网行动计划\n一、主要任务\n"
        "（一）建设服务商资源池。建立全省工业互联网服务商资源池，实施动态管理，面向中小企业提供服务。\n"
        "（二）认定示范企业。对年营业收入达到1亿元以上、符合条件的企业认定为示范企业。\n"
    )
    qa = small_qa(tmp_path_factory, "criteria", {"plan.txt": text})
    a = qa.ask("想进省里的服务商资源池，要满足什么门槛条件？")
    assert a.refused and "没有写明具体的条件或标准" in a.text and "资源池" in a.text
    a = qa.ask("认定示范企业要满足什么条件？")
    assert not a.refused and "1亿元以上" in a.text


def test_consequences_asked_of_a_task_that_states_none_are_not_stated(tmp_path_factory):
    text = (
        "示范市家庭医生签约服务实施方案\n一、主要任务\n"
        "（一）强化健康管理。居民签约后，家庭医生为其建立电子健康档案，做好健康档案的动态更新。\n"
        "（二）完善激励。签约服务费用于家庭医生团队绩效分配。\n"
    )
    qa = small_qa(tmp_path_factory, "penalty", {"plan.txt": text})
    a = qa.ask("家庭医生没更新健康档案，会被扣绩效吗？")
    assert a.refused and "没有写明具体的处理或处罚措施" in a.text
    stated = text.replace("签约服务费用于家庭医生团队绩效分配。", "对不更新健康档案的家庭医生团队予以通报，并扣减绩效。")
    qa = small_qa(tmp_path_factory, "penalty2", {"plan.txt": stated})
    a = qa.ask("家庭医生没更新健康档案，会被扣绩效吗？")
    assert not a.refused and "扣减绩效" in a.text


def test_a_count_answered_by_a_figure_of_something_else_is_not_stated(tmp_path_factory):
    text = (
        "示范区消防救援发展三年行动计划\n一、工作任务\n"
        "（一）加强消防水源建设。补建市政消火栓169具，增建6个街镇的消防水源。\n"
        "（二）推进微型消防站建设。建设微型消防站，队员每年参加岗位培训。\n"
        "（三）实施工作室工程。力争培训约1000名家庭医生，建设约100间规范化工作室。\n"
    )
    qa = small_qa(tmp_path_factory, "countnoun", {"plan.txt": text})
    a = qa.ask("静安现在一共有几座消防站？")
    assert a.refused
    a = qa.ask("要培训多少名家庭医生、建多少间工作室？")
    assert not a.refused and "1000名" in a.text and "100间" in a.text


@pytest.mark.parametrize("question,chapters", [("“五、”那部分是讲什么的？", (5,)), ("“一、三、四”应急救援框架具体是怎么排的？", ())])
def test_one_quoted_heading_number_names_a_part_and_a_quoted_name_does_not(question, chapters):
    from assistant.retrieval.query import analyse

    assert analyse(question).chapters == chapters


def test_an_english_questions_intent_is_not_read_from_the_words_added_to_it():
    from assistant.retrieval.query import analyse

    assert analyse("How many work items are in the Zhengzhou 2017 rule-of-law work points?").intent == "count"


def test_all_as_an_adverb_asks_for_one_deadline_and_all_the_tasks_for_every_one(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "alladverb", {"plan.txt": STAGED_PLAN})
    a = qa.ask("季度工作小结要在什么时间之前全部报完？")
    assert a.text.startswith("每季度最后一个周五前")
    a = qa.ask("所有工作的截止时间分别是什么？")
    assert "项工作规定了完成时间" in a.text


def test_units_that_open_a_clause_and_act_with_others_are_its_actors():
    from assistant.documents.facts import actors

    found = actors("11月30日前，区建设管理委、区住房保障房屋管理局会同区公安分局、区消防支队对排查发现的建筑进行可行性分析")
    assert [u for u, _, _ in found] == ["区建设管理委", "区住房保障房屋管理局", "区公安分局", "区消防支队"]
    # One name with 和 inside it stays whole; two names joined by 和 are two.
    assert [u for u, _, _ in actors("市住房和城乡建设局牵头制定实施细则")] == ["市住房和城乡建设局"]
    assert [u for u, _, _ in actors("区民政局和区财政局联合开展检查")] == ["区民政局", "区财政局"]
    # A clause that opens with work, not with names, names no actor.
    assert actors("加强领导负责全面工作") == []


DUTY_SECTIONS = (
    "示范区关于加强建筑垃圾管理的实施意见\n"
    "一、分工与职责\n"
    "（一）示范区绿化市容局\n"
    "区绿化市容局是本区建筑垃圾处理的主管部门，主要履行以下职责：\n"
    "1.组织制定建筑垃圾处置管理标准；\n"
    "2.办理建筑垃圾处置申报相关手续。\n"
    "（二）物业服务企业\n"
    "物业服务企业在街道的指导下，主要履行以下职责：\n"
    "1.指导居民将装修垃圾袋装化；\n"
    "2.设置防护围栏，覆盖绿网。\n"
    "二、具体措施\n"
    "（一）源头分类不达标暂停收运\n"
    "作业服务单位应在收运时对垃圾品质实施检查，未达到分类标准的，暂停收运，待分拣符合分类收运标准后再收运。\n"
    "（二）推进资源化利用\n"
    "做大做强资源化利用企业，提高建筑垃圾资源化利用率。\n"
)


def test_duties_under_a_heading_that_names_a_body_are_that_bodys(tmp_path_factory):
    doc = parse_notice(DUTY_SECTIONS)
    owner = {it.title: {f.value for f in it.facts_of("actor") if f.role} for it in doc.items}
    assert owner["指导居民将装修垃圾袋装化"] == {"物业服务企业"}
    assert owner["组织制定建筑垃圾处置管理标准"] == {"示范区绿化市容局"}
    # A task whose topic ends in 企业 is no body's heading.
    assert all("企业" not in u for title, units in owner.items() if "资源化" in title for u in units)
    qa = small_qa(tmp_path_factory, "dutysections", {"plan.txt": DUTY_SECTIONS})
    a = qa.ask("物业服务企业要履行哪些职责？")
    assert not a.refused and "袋装化" in a.text and "防护围栏" in a.text


def test_the_work_of_a_unit_the_document_never_names_is_refused(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "absentunit", {"plan.txt": DUTY_SECTIONS})
    a = qa.ask("区生态环境局在这个方案里负责什么？")
    assert a.refused and "区生态环境局" in a.text
    # Named without its level, or by a short form, it is found.
    a = qa.ask("绿化市容局要负责哪些事？")
    assert not a.refused and "处置申报" in a.text


def test_a_time_set_by_a_step_answers_when_and_a_whether_question_is_answered_no(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "steptime", {"plan.txt": DUTY_SECTIONS})
    a = qa.ask("暂停收运以后，要等到什么时候才能再收？")
    assert not a.refused and "符合分类收运标准后" in a.text
    a = qa.ask("推进资源化利用有没有规定啥时候完成？")
    assert not a.refused and a.text.startswith("没有")


GLUED_SIGNERS = (
    "关于印发《示范区可再生能源发展行动方案》的通知\n"
    "区政府各委、办、局，各街道：\n"
    "现将《示范区可再生能源发展行动方案》印发给你们，请认真按照执行。\n"
    "特此通知。\n"
    "示范区发展和改革委员会示范区建设和管理委员会\n"
    "示范区规划和自然资源局示范区住房保障和房屋管理局\n"
    "示范区城市管理行政执法局示范区科学技术委员会\n"
    "示范区机关事务管理局示范区国有资产监督管理委员会\n"
    "示范区投资促进办公室\n"
    "2025年2月24日\n"
    "示范区可再生能源发展行动方案\n"
    "为全面落实《关于大力实施可再生能源替代行动的指导意见》，制定本行动方案。到2025年，全区可再生能源建设取得新成效。"
    "到2030年前完成国家碳达峰试点建设，完成市下达的可再生能源目标任务。\n"
    "一、主要任务\n"
    "（一）全面实施“光伏+”专项工程\n"
    "结合空间资源，分行业、分领域推进光伏建设。\n"
    "（责任单位：区发展改革委、区建管委）\n"
    "（二）开展新建建筑光伏项目建设工程\n"
    "落实新建机关办公建筑屋顶安装太阳能光伏面积比例不低于50%。\n"
    "（责任单位：区建管委）\n"
)


def test_signers_printed_without_spaces_are_each_an_issuer():
    doc = parse_notice(GLUED_SIGNERS)
    issuers = doc.meta.issuer.split("、")
    assert issuers[0] == "示范区发展和改革委员会" and issuers[-1] == "示范区投资促进办公室"
    assert len(issuers) == 9


def test_a_target_the_preamble_dates_answers_when(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "preambletarget", {"plan.txt": GLUED_SIGNERS})
    a = qa.ask("国家碳达峰试点建设要在什么时候完成？")
    assert not a.refused and a.text.startswith("到2030年")
    a = qa.ask("可再生能源建设要取得新成效是到哪一年？")
    assert not a.refused and "2025年" in a.text


@pytest.mark.parametrize("question", ["这个意见依据了哪些法规规定？", "这份行动方案是落实哪个文件制定的？"])
def test_basis_asked_in_other_words(question):
    from assistant.retrieval.query import analyse

    assert analyse(question).meta_field == "basis"


def test_one_sentence_asking_who_and_when_is_two_questions():
    from assistant.retrieval.messages import split_questions

    assert split_questions("那这项由谁牵头，最晚什么时候完成？") == ["那这项由谁牵头", "最晚什么时候完成？"]
    # A unit named as the topic, with one ask, stays one question.
    assert split_questions("区发改委牵头的项目，什么时候完成？") == ["区发改委牵头的项目，什么时候完成？"]


def test_a_plan_of_a_year_the_document_speaks_of_is_no_missing_document(tmp_path_factory):
    text = (
        "示范区系统化全域推进海绵城市建设的实施方案\n"
        "一、主要任务\n"
        "（一）编制系统方案\n"
        "2026年底前，完成2030年达标区域系统方案编制。（责任单位：区建设管理委）\n"
        "（二）推进海绵型公园建设\n"
        "新建公园全面落实海绵城市建设要求。（责任单位：区绿化市容局）\n"
    )
    qa = small_qa(tmp_path_factory, "yearplan", {"plan.txt": text})
    a = qa.ask("2030年达标区域的系统方案最晚啥时候要编完？")
    assert not a.refused and "2026年底前" in a.text


GROUP_AND_TARGETS = (
    "示范区应急避难场所建设实施方案\n"
    "一、组织架构\n"
    "区政府成立由区政府分管应急工作的领导任组长，区政府办公室分管副主任、区应急局局长任副组长，区各有关部门为成员的工作协调小组。\n"
    "二、工作目标\n"
    "（一）到2025年\n"
    "全区建成应急避难场所避难面积达到87.75万平方米，即全区人均避难面积达到2.3平方米。\n"
    "（二）到2035年\n"
    "全区应急避难场所基本满足常住人口应急避难需求，全区人均避难面积达到3.0平方米。\n"
)


def test_the_holder_of_a_post_in_a_leading_group_is_quoted(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "post", {"plan.txt": GROUP_AND_TARGETS})
    a = qa.ask("协调小组的组长由谁担任？")
    assert not a.refused and "分管应急工作的领导任组长" in a.text


def test_a_figure_the_question_quotes_matches_it_written_with_a_decimal():
    from assistant.answering.task import states_figure

    assert states_figure("3平方米", "人均避难面积达到3.0平方米")
    assert not states_figure("3平方米", "人均避难面积达到2.3平方米")
    assert states_figure("1000名", "培训1,000名家庭医生")


@pytest.mark.parametrize("question", ["这个方案是结合哪些文件制定的？", "这个意见是根据哪些法规定的？"])
def test_basis_asked_by_what_it_was_made_from(question):
    from assistant.retrieval.query import analyse

    assert analyse(question).meta_field == "basis"


def test_the_work_of_a_unit_named_only_as_a_sentences_subject(tmp_path_factory):
    text = (
        "示范市零碳园区建设工作方案\n"
        "一、组织保障\n"
        "（一）提升基础设施降碳管理水平\n"
        "市交通委加快布局充换电基础设施、港口岸电设施等，支持园区参与零碳货运走廊建设。\n"
        "（二）开展统筹推进\n"
        "市发展改革委负责零碳园区申报、评审和验收。\n"
    )
    qa = small_qa(tmp_path_factory, "subjectunit", {"plan.txt": text})
    a = qa.ask("市交通委在零碳园区建设里负责啥？")
    assert not a.refused and "充换电基础设施" in a.text


def test_a_procedure_asked_of_a_task_that_describes_none_is_not_stated(tmp_path_factory):
    text = (
        "示范市工业互联网若干措施\n"
        "一、支持工业互联网平台建设\n"
        "对跨行业跨领域工业互联网平台给予奖补，最高3000万元。\n"
        "二、规范暂停服务\n"
        "长者饭堂需暂停服务的，应事先征得区民政部门同意，告知服务对象并对外公告。\n"
    )
    qa = small_qa(tmp_path_factory, "procedure", {"plan.txt": text})
    a = qa.ask("跨领域工业互联网平台的奖补要怎么申报？")
    assert a.refused and "程序" in a.text
    a = qa.ask("长者饭堂暂停服务前要走什么程序？")
    assert not a.refused and "征得区民政部门同意" in a.text


def test_kinds_asked_of_a_document_with_a_part_named_for_them(tmp_path_factory):
    text = (
        "示范市零碳园区建设工作方案\n"
        "一、园区类型\n"
        "建设主体为省级及以上开发区和其他由市、区政府认可的工业园区、研发商办园区、物流园区。\n"
        "二、实施路径\n"
        "（一）推进能源结构转型。推动园区因地制宜开发利用可再生能源。\n"
        "（二）加强绿色技术创新应用。工业园区重点开展零碳原料燃料替代。\n"
    )
    qa = small_qa(tmp_path_factory, "kindpart", {"plan.txt": text})
    a = qa.ask("零碳园区分哪几种类型？")
    assert not a.refused and "研发商办园区" in a.text and "物流园区" in a.text


RELIEF_MEASURES = (
    "示范区关于支持中小微企业应对疫情渡过难关的若干措施\n"
    "一、减轻企业负担\n"
    "（一）缩短奖补兑现周期。各类财政奖补政策可由按季度奖补改为按月奖补，执行期限视疫情发展情况确定。\n"
    "（二）设置免税商城。配套物流园区一期仓库和办公楼（今年8月可投入使用）。\n"
    "二、优化企业服务\n"
    "（三）提升政务服务质量。\n"
    "1.进一步便利化企业注册及行业许可准入。\n"
    "2.全面实行“网上先行受理+窗口后续补件”的审批服务模式。\n"
    "3.全面推进实施电子招投标、“远程异地评标”。\n"
    "（四）强化组织领导。领导小组下设办公室，由区发改局副局长张某担任办公室主任，具体承担日常工作。\n"
)


def test_times_a_task_sets_without_a_limit_answer_when(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "relieftimes", {"plan.txt": RELIEF_MEASURES})
    a = qa.ask("奖补改成按月兑现，这个能执行到什么时候？")
    assert not a.refused and "视疫情发展情况确定" in a.text
    a = qa.ask("物流园区一期的仓库什么时候能投入使用？")
    assert not a.refused and "今年8月" in a.text


def test_a_point_under_a_numbered_part_named_without_its_chapter(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "reliefnumber", {"plan.txt": RELIEF_MEASURES})
    a = qa.ask("（三）下面的第3点是啥内容？")
    assert not a.refused and "远程异地评标" in a.text
    a = qa.ask("这几条措施分成哪几个大的部分？")
    assert "减轻企业负担" in a.text and "优化企业服务" in a.text


def test_a_named_holder_of_an_office_post_is_not_refused_as_a_person(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "reliefpost", {"plan.txt": RELIEF_MEASURES})
    a = qa.ask("领导小组下面的办公室主任是谁？")
    assert not a.refused and "张某" in a.text


def test_the_words_naming_a_document_ask_nothing_of_it():
    from assistant.retrieval.query import analyse

    a = analyse("苏平片区管理局2023年印发的农村人居环境整治提升五年行动实施方案里，农村自来水普及率要达到多少？")
    assert a.meta_field == "" and a.intent == "quantity"
    assert analyse("这个方案是什么时候印发的？").meta_field == "printing_date"


def test_responsible_office_labels_assign_units():
    doc = parse_notice(
        "示范片区农村人居环境整治提升五年行动实施方案\n"
        "一、重点任务\n"
        "（一）完善生活垃圾收运处置体系。完善提升农村生活垃圾收运处置体系。\n"
        "责任处室:交通建设处\n"
        "（二）持续开展农村爱国卫生运动。普及卫生健康和疾病防控知识。\n"
        "责任科室：社会事业处\n"
    )
    assert [[f.value for f in it.facts_of("actor")] for it in doc.items] == [["交通建设处"], ["社会事业处"]]


def test_money_and_consequences_asked_with_other_words(tmp_path_factory):
    from assistant.retrieval.query import analyse
    from assistant.retrieval.messages import split_questions

    assert analyse("一共安排了多少专项资金？").out_of_scope == "money"
    assert split_questions("这份文件是哪两个单位联合发的，落款日期是哪天？") == ["这份文件是哪两个单位联合发的", "落款日期是哪天？"]
    text = (
        "示范区国企提升发展年行动方案\n"
        "一、工作目标\n"
        "（一）明确年度经营目标。力争区属国企营业总收入同比增长10%。\n"
        "（二）强化督查。区国资局定期通报各企业工作进展。\n"
    )
    qa = small_qa(tmp_path_factory, "penaltyqty", {"plan.txt": text})
    a = qa.ask("完不成营收目标的国企负责人，会扣多少绩效？")
    assert a.refused


def test_a_plan_named_by_its_span_of_years_and_a_month_with_qian_alone(tmp_path_factory):
    from assistant.documents.facts import deadlines

    assert deadlines("于6月前公布实施企业发展战略规划", 2021)[0][1] == "2021-06-30"
    assert deadlines("3个月前完成", 2021) == []
    text = (
        "示范区国企提升发展年行动方案\n"
        "示范区管委会办公室\n"
        "2021年3月29日\n"
        "一、主要任务\n"
        "1.聚焦国企主业发展。于6月前公布实施企业发展战略规划（2021—2025），聚焦主业谋发展。\n"
        "2.加大人才培养力度。围绕企业发展战略，于9月底前梳理完成企业人才战略规划。\n"
    )
    qa = small_qa(tmp_path_factory, "yearspan", {"plan.txt": text})
    a = qa.ask("企业发展战略规划（2021-2025）最晚啥时候要公布出来？")
    assert not a.refused and "6月前" in a.text


def test_the_basis_a_cover_letter_states_for_a_plan_without_a_preamble(tmp_path_factory):
    text = (
        "示范片区管理局关于农村人居环境整治提升五年行动实施方案的通知\n"
        "各处室：\n"
        "为深入学习贯彻上级指示精神，全面落实《福建省农村人居环境整治提升行动实施方案》以及《示范区农村人居环境整治提升五年行动实施方案》要求，结合片区实际，制定本实施方案。\n"
        "一、总体要求\n"
        "坚持以人民为中心，牢固树立绿色发展理念。\n"
        "二、重点任务\n"
        "（一）改造农村户用厕所。引导农民群众自主改造提升厕屋。\n"
    )
    qa = small_qa(tmp_path_factory, "coverbasis", {"plan.txt": text})
    a = qa.ask("这方案是根据哪些上级文件制定的？")
    assert not a.refused and "福建省农村人居环境整治提升行动实施方案" in a.text


def test_joint_issuers_spaced_apart_on_the_title_line():
    from assistant.retrieval.query import analyse

    doc = parse_notice(
        "示范区党工委办公室 示范区管委会办公室 关于支持中小微企业应对疫情渡过难关 二十条措施的通知\n"
        "各片区管理局，区直各单位：\n"
        "现将有关措施通知如下。\n"
        "一、减轻企业负担\n"
        "（一）免收3个月房租。对承租国有资产类经营用房的中小微企业免收3个月房租。\n"
        "示范区党工委办公室 示范区管委会办公室\n"
        "2020年2月6日\n"
    )
    assert doc.meta.issuer == "示范区党工委办公室、示范区管委会办公室"
    assert analyse("这份文件是哪两个单位联合发的？").meta_field == "issuer"


def test_chat_words_durations_and_named_counts_are_not_refused(tmp_path_factory):
    from assistant.documents.facts import quantities
    from assistant.retrieval.query import analyse

    assert analyse("做一份各国商品税率对比清单，这活儿归谁？").out_of_scope == ""
    assert analyse("这个商品的税率是多少？").out_of_scope == "money"
    assert analyse("企业开拓市场，省里每家给多少补贴？").out_of_scope == "money"
    assert analyse("居民搬迁，每户能拿多少补偿款？").out_of_scope == "money"
    assert [q[0] for q in quantities("连续两次评估结果为差的，终止其运营授权")] == ["连续两次"]
    text = (
        "示范州政务数据资源管理暂行办法\n"
        "示范州人民政府办公室\n"
        "2021年5月8日\n"
        "第一条 政务部门应当对本部门的政务数据资源目录进行动态管理，自情形发生之日起10个工作日内完成目录更新。\n"
        "第二条 示范州大数据中心建设共享交换、开放、开发利用三大子平台，安排专项经费50万元。\n"
        "第三条 区纪工委牵头抓好乱收费典型案例，公开曝光、严厉惩处。\n"
    )
    qa = small_qa(tmp_path_factory, "chatwords", {"plan.txt": text})
    a = qa.ask("政务数据资源目录得在几个工作日内改完？")
    assert not a.refused and "10个工作日" in a.text
    a = qa.ask("乱收费抓典型、公开曝光，这活谁牵头？")
    assert not a.refused and "区纪工委" in a.text


def test_the_period_a_plans_title_spans_answers_how_far_it_runs(tmp_path_factory):
    text = (
        "示范省工业互联网创新发展行动计划（2021-2023年）\n"
        "一、发展目标\n"
        "（一）推进中小企业上云上平台。新增上云企业2万家。\n"
        "（二）培育工业互联网平台。打造10个行业平台。\n"
    )
    qa = small_qa(tmp_path_factory, "titlespan", {"plan.txt": text})
    a = qa.ask("这个三年行动计划，目标是冲到哪一年？")
    assert not a.refused and a.text.startswith("2023年")


@pytest.mark.parametrize("question,field", [("这份实施意见是哪个机构印发的？", "issuer"), ("这份文件是什么时候印发的？", "printing_date"), ("省政府2021年印发的支持工业互联网发展若干政策里，二级节点建成后省里怎么补？", "")])
def test_who_printed_it_asks_the_issuer_and_a_leading_document_name_asks_nothing(question, field):
    from assistant.retrieval.query import analyse

    assert analyse(question).meta_field == field


def test_whether_a_year_is_set_is_answered_no_for_a_task_without_one(tmp_path_factory):
    text = (
        "示范省对接RCEP的实施意见\n"
        "一、主要任务\n"
        "（一）加快合作园区建设。推动与东盟国家开展“两国双园”合作。（省商务厅牵头）\n"
        "（二）优化金融服务。2022年底前开展中小微企业金融服务能力提升工程。（人行示范中心支行牵头）\n"
    )
    qa = small_qa(tmp_path_factory, "whetheryear", {"plan.txt": text})
    a = qa.ask("跟东盟搞“两国双园”，有没有规定哪年之前要建成？")
    assert not a.refused and a.text.startswith("没有") and "两国双园" in a.text


def test_chat_words_for_a_maximum_and_for_leading(tmp_path_factory):
    text = (
        "示范省支持工业互联网发展若干政策\n"
        "一、支持工业互联网平台建设。对跨行业跨领域工业互联网平台省级给予奖补，最高3000万元。\n"
        "二、加大审计监督力度。对乱收费问题抓典型、公开曝光、严厉惩处。（区纪工委牵头）\n"
    )
    qa = small_qa(tmp_path_factory, "chatmax", {"plan.txt": text})
    a = qa.ask("跨行业跨领域的平台，省里奖补封顶多少？")
    assert not a.refused and "3000万元" in a.text
    a = qa.ask("乱收费抓典型、公开曝光，这事谁挑头？")
    assert not a.refused and "区纪工委" in a.text


def test_a_task_named_by_its_place_in_the_order():
    from assistant.answering.structure import _steps

    assert _steps("行动步骤里排第14的那条任务讲的啥？")[0][:2] == ("第N条", 14)
    assert _steps("第二个部分讲什么")[0][:2] == ("第一部分", 2)


def test_a_day_asked_of_a_target_year_and_a_names_list_asked_twice_are_refused(tmp_path_factory):
    text = (
        "示范省支持工业互联网发展若干政策\n"
        "一、发展目标\n"
        "到2023年，工业互联网建设量质并进，对全省工业经济的引擎带动作用凸显。\n"
        "二、完善政府立法体制机制\n"
        "建立健全省政府法律专家咨询团、政府立法基层联系点工作机制。\n"
    )
    qa = small_qa(tmp_path_factory, "dayasked", {"plan.txt": text})
    a = qa.ask("工业互联网建设的申报截止日期是几月几号？")
    assert a.refused and "2023" in a.text
    a = qa.ask("省里那个法律专家咨询团都有哪些专家？有名单吗？")
    assert a.refused


def test_a_point_under_a_part_named_by_its_quoted_title():
    from assistant.answering.structure import referenced_node

    doc = parse_notice(
        "示范区生活垃圾分类实施方案\n"
        "一、总体要求\n"
        "坚持全程分类。\n"
        "二、主要任务\n"
        "（一）提高收运能力\n"
        "1.完善收运体系。建立分类收运体系。\n"
        "（二）提高处理能力\n"
        "1.推进焚烧设施建设。建成焚烧厂。\n"
        "2.推进湿垃圾处置设施建设。建成湿垃圾处置设施。\n"
        "3.落实末端设施严格监管。加强监管。\n"
    )
    node, _ = referenced_node(doc, "第二部分“提高处理能力”里的第3点讲了啥？")
    assert node is not None and node.title == "落实末端设施严格监管"


MEASURES_WITH_CONTACTS = (
    "示范区促进民宿发展若干措施\n"
    "一、支持政策\n"
    "（一）装修补助。对新开业民宿按装修投入的20%给予补助，单家最高10万元。\n"
    "（二）宣传推介。区文旅局统一组织民宿参加旅游推介会。\n"
    "（三）安全管理。民宿经营者应落实安全责任，装修改造期间要采取防火措施。\n"
    "（四）建设任务。2025年前完成民宿集聚区建设，细化年度计划安排。\n"
    "二、申报办理\n"
    "（五）受理窗口。区文旅局设立受理窗口（联系人：王明，咨询电话：12345678）。\n"
    "附件\n"
    "各镇民宿建设目标表\n"
    "镇 | 新增民宿（家） | 示范民宿（家）\n"
    "甲镇 | 30 | 3\n"
    "乙镇 | 20 | 2\n"
)


def test_a_year_with_qian_is_a_limit_and_nian_du_alone_sets_no_period():
    from assistant.documents.facts import deadlines, extract_facts

    assert [d[0] for d in deadlines("2025年前完成总目标的75%", 2022)] == ["2025年前"]
    assert deadlines("清理2017年前的文件", 2022) == []
    facts = extract_facts(["细化年度计划安排，落实年度考核。"], 2022)
    assert [f.text for f in facts if f.kind == "period"] == []
    assert [f.text for f in extract_facts(["名录按年度更新。"], 2022) if f.kind == "period"] == ["按年度"]


def test_a_share_is_answered_by_a_percentage_or_refused(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "shares", {"measures.txt": MEASURES_WITH_CONTACTS})
    a = qa.ask("新开业民宿的装修补助按多少比例补？")
    assert not a.refused and "20%" in a.text
    a = qa.ask("推介会的参会覆盖率要达到多少？")
    assert a.refused


def test_contacts_the_document_states_are_quoted_and_other_kinds_refused(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "contacts", {"measures.txt": MEASURES_WITH_CONTACTS})
    a = qa.ask("受理窗口的咨询电话多少？")
    assert not a.refused and "12345678" in a.text and a.citations
    a = qa.ask("民宿乱收费的投诉电话是多少？")
    assert a.refused and "投诉" in a.text


def test_a_message_whose_last_question_asks_what_is_not_stated_is_refused(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "lastpart", {"measures.txt": MEASURES_WITH_CONTACTS})
    a = qa.ask("装修补助单家最高多少？监督电话是多少？")
    assert a.refused and "10万元" in a.text  # the answered part is kept
    a = qa.ask("装修补助单家最高多少？补助比例是多少？")
    assert not a.refused and "10万元" in a.text and "20%" in a.text


def test_materials_forms_and_consequences_not_described_are_refused(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "notstated", {"measures.txt": MEASURES_WITH_CONTACTS})
    assert qa.ask("申请装修补助要交哪些材料？").refused
    assert qa.ask("补助申请表叫什么？在哪里能下载？").refused
    assert qa.ask("民宿经营者没落实安全责任会受到什么处理？").refused


def test_a_follow_on_part_stays_with_its_question_and_that_time_names_no_topic():
    from assistant.retrieval.messages import split_questions

    assert split_questions("支持政策分了几大块？各是什么？") == ["支持政策分了几大块？各是什么？"]
    assert split_questions("哪些任务没给时限？举几个") == ["哪些任务没给时限？举几个"]
    assert len(split_questions("谁负责受理？电话多少？")) == 2
    from assistant.answering.compose import RE_THIS_TASK

    assert RE_THIS_TASK.sub("", "停的这段时间老人吃饭怎么办") == "停的老人吃饭怎么办"


def test_a_row_of_a_data_table_is_quoted_whole(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "tablerow", {"measures.txt": MEASURES_WITH_CONTACTS})
    a = qa.ask("乙镇要新增多少家民宿？")
    assert not a.refused and "20" in a.text and "乙镇 | 20 | 2" in a.text


def test_a_short_unit_name_of_a_unit_named_in_passing_is_not_absent():
    from assistant.answering.unit_tasks import absent_unit
    from assistant.documents import parse_notice

    doc = parse_notice(
        "示范区消防治理方案\n一、工作任务\n（一）信用惩戒。区公安分局会同区发展改革委将相关信息纳入征信体系。\n"
    )
    assert absent_unit(doc, "区发改委在消防治理里要配合做什么", []) == ""
    assert absent_unit(doc, "区税务局在消防治理里要配合做什么", []) == "区税务局"


GROUP_PLAN = (
    "示范区光伏推广实施方案\n"
    "一、主要任务\n"
    "（一）光伏+幕墙。利用场站建筑物南侧外立面，推行光伏在建筑墙体场景的应用。\n"
    "（二）建设经费。建设经费由区财政负担，由区发改委列入年度计划。\n"
    "（三）物业签约。推进物业服务企业与作业单位签约。对堆放场所开展定期检查。\n"
    "二、保障措施\n"
    "（四）加强领导。成立领导小组，由分管副区长任组长，区发改委主任任副组长。区督查室负责督查。\n"
)


def test_a_task_naming_no_body_is_refused_for_who_but_one_naming_a_payer_is_not(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "nobody", {"plan.txt": GROUP_PLAN})
    a = qa.ask("光伏+幕墙这个场景，责任单位是哪家？")
    assert a.refused and "没有单独列明责任单位" in a.text and a.citations
    a = qa.ask("建设经费由哪一级财政负担？")
    assert not a.refused and "区财政" in a.text
    from assistant.answering.task import RE_SOME_BODY

    assert RE_SOME_BODY.search("加快推进市本级政务服务大厅建设")  # 哪一级 is answered by 市本级
    assert not RE_SOME_BODY.search("利用场站建筑物南侧外立面，推行光伏在建筑墙体场景的应用")


def test_a_span_found_in_another_sentence_sets_no_time_for_what_is_asked(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "otherspan", {"plan.txt": GROUP_PLAN})
    a = qa.ask("物业跟作业单位签约，最晚啥时候要签完？")
    assert a.refused and "定期" not in a.text


def test_names_and_a_bodys_own_post_are_refused_when_the_document_gives_only_posts(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "posts", {"plan.txt": GROUP_PLAN})
    assert qa.ask("领导小组组长叫什么名字？").refused
    assert qa.ask("区督查室的主任是谁？").refused
    a = qa.ask("领导小组组长由谁担任？")
    assert not a.refused and "分管副区长" in a.text


SUPPORT_RULES = (
    "示范区培育集成电路产业发展的若干措施实施细则\n"
    "第一章 申报项目\n"
    "第一条 研发经费补助。对年度研发经费支出额100万元以内的部分按15%予以补助。\n"
    "1.申报材料：企业研发经费支出额补助申请表（详见附件5）。\n"
    "第二条 人才培训支持。培训单位在开展培训前至少5个工作日向区经济发展局报备。人才培训补助期限三年内有效。\n"
    "第三条 安家补助。硕士研究生每人5万元、博士研究生每人10万元。\n"
    "1.受理单位：区行政服务中心。\n"
    "2.申报条件：由所属企业统一申报。\n"
    "第四条 项目公示。对审核通过的拟扶持项目向社会公示，公示时间不少于5个工作日。\n"
    "第五条 教师待遇。教师平均工资收入水平不低于当地公务员平均工资收入水平。\n"
)


def test_an_attachment_the_text_refers_to_is_answered_by_the_reference(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "mentioned", {"rules.txt": SUPPORT_RULES})
    a = qa.ask("附件5是一张什么表？")
    assert not a.refused and "研发经费支出额补助申请表" in a.text and "未收录" in a.text
    assert qa.ask("附件5里第3行的补助金额是多少？").refused
    a = qa.ask("研发经费支出额补助申请表是第几个附件？")
    assert not a.refused and "附件5" in a.text and a.citations


def test_bounded_days_are_limits_and_the_unit_asked_picks_the_limit(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "bounded", {"rules.txt": SUPPORT_RULES})
    a = qa.ask("审核通过的扶持项目要公示多长时间？")
    assert not a.refused and "5个工作日" in a.text
    a = qa.ask("办人才培训，开班前最晚提前几天报备？")
    assert not a.refused and "5个工作日" in a.text.split("。")[0]


def test_a_figure_asked_with_fen_bie_is_not_a_list_of_parts_and_a_pay_rule_is_not_an_amount(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "figurelist", {"rules.txt": SUPPORT_RULES})
    a = qa.ask("硕士和博士的安家补助分别是每人多少？")
    assert not a.refused and "5万元" in a.text and "10万元" in a.text
    a = qa.ask("对老师的平均工资有啥要求？")
    assert not a.refused and "公务员平均工资收入水平" in a.text


def test_an_approximate_duration_answers_how_long_and_a_projects_name_is_not_a_persons(tmp_path_factory):
    text = (
        "示范市燃气安全专项整治实施方案\n"
        "一、工作目标\n"
        "用3个月左右时间开展集中攻坚，全面排查整治风险隐患；到2025年底前，基本建立长效机制。\n"
        "二、宣传教育\n"
        "打造“蓝朋友+燃气科普”志愿服务品牌项目。\n"
    )
    qa = small_qa(tmp_path_factory, "duration", {"plan.txt": text})
    a = qa.ask("集中攻坚大概打算用多长时间？")
    assert not a.refused and a.text.startswith("3个月左右")
    from assistant.retrieval.query import out_of_scope_kind

    assert out_of_scope_kind("志愿服务准备打造的品牌项目叫什么名字？") == ""
    assert out_of_scope_kind("组长叫什么名字？") == "person"


TIERED_RULES = (
    "示范区软件产业扶持办法\n"
    "第一条 研发投入补助。对年度研发投入200万元（含）以内的部分，按研发投入20%予以补助；"
    "研发人员达到15人，对年度研发投入200万元至500万元（含）的部分，给予15%补助；"
    "研发人员达到25人，对年度研发投入超过500万元的部分，给予8%补助。单家企业年度补助不超过200万元。\n"
    "第二条 人才生活补贴。补贴标准为企业支付给员工税前月工资的60%，且本科学历每人每月最高2000元，"
    "硕士研究生学历每人每月最高3000元，博士研究生学历每人每月最高5000元。\n"
    "第三条 场地支持。租用办公用房的，按实际租金的50%给予补助。\n"
)


def test_several_figures_asked_are_all_answered_from_their_enumeration(tmp_path_factory):
    from assistant.documents.facts import figures
    from assistant.retrieval.messages import split_questions

    # A figure after 每月/每年 with a comparator is a figure, not part of a date.
    assert [f[0] for f in figures("本科学历每人每月最高2000元，每年1000万元，2017年10月")] == ["最高2000元", "1000万元"]
    # "各是多少" only asks on about the question before it.
    assert len(split_questions("研发投入补助分几档比例？各是多少？")) == 1
    qa = small_qa(tmp_path_factory, "tiers", {"rules.txt": TIERED_RULES})
    a = qa.ask("研发投入补助分几档比例？各是多少？")
    assert not a.refused and all(x in a.text for x in ("20%", "15%", "8%")) and "50%" not in a.text
    a = qa.ask("人才生活补贴按学历每人每月最高分别是多少？")
    assert not a.refused and all(x in a.text for x in ("2000元", "3000元", "5000元"))
    # One figure asked is still one figure.
    a = qa.ask("租用办公用房按租金的多少比例补助？")
    assert not a.refused and "50%" in a.text.split("。")[0] and "20%" not in a.text.split("。")[0]


DATED_TABLE = (
    "示范区生活垃圾分类实施方案\n"
    "为推进生活垃圾分类，制定本方案。到2030年前基本建成全域分类示范区，完成国家分类试点建设。\n"
    "一、主要任务\n"
    "（一）加快设施建设。到2030年，公共机构分类设施应配尽配。\n"
    "（二）提高分类覆盖。到2023年，居住区分类覆盖率达80%以上。到2035年，居住区分类覆盖率力争达到95%。\n"
    "附件1\n"
    "工作任务清单\n"
    "序号\t工作任务\t责任单位\t时间节点\n"
    "1\t建立健全分类责任体系\t区绿化市容局\t2019年6月\n"
    "2\t推进基层建设\t区委组织部\t2019年6月\n"
    "3\t开展宣传进社区\t区妇联\t2019年\n"
    "4\t完成湿垃圾设施立项\t区发展改革委\t二季度\n"
)


def test_tasks_due_in_a_month_of_a_time_column_and_targets_of_the_opening(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "dated", {"plan.txt": DATED_TABLE})
    a = qa.ask("时间节点写的是2019年6月的任务都有哪些？")
    assert not a.refused and "分类责任体系" in a.text and "推进基层建设" in a.text
    assert "宣传进社区" not in a.text and "湿垃圾" not in a.text  # 2019年 and 二季度 are other dates
    a = qa.ask("到2030年前要完成哪些事？")
    assert not a.refused and "应配尽配" in a.text and "全域分类示范区" in a.text
    # A figure asked for a year is the year's, not a task's other target, nor a list of tasks.
    a = qa.ask("到2023年居住区分类覆盖率要达到多少？")
    assert not a.refused and "80%" in a.text and "95%" not in a.text


LABELS_WITH_ONE_LEVEL = (
    "示范区土壤污染防治工作方案\n"
    "一、主要任务\n"
    "（一）加强生活污染控制\n"
    "开展生活垃圾分类收集试点。\n"
    "责任单位：区交通与建设局牵头，区经济发展局、环境与国土资源局等参与\n"
    "（二）做好资金保障\n"
    "相关主管部门要及时编制年度预算，财政部门按照规定及时拨付资金。\n"
    "责任单位：区环境与国土资源局、交通与建设局、农村发展局牵头，区财政金融局参与\n"
    "（三）落实监管责任\n"
    "将建设用地土壤环境管理要求纳入城乡规划。\n"
    "责任单位：区环境与国土资源局、规划局负责\n"
    "（四）加强队伍建设\n"
    "大力推进服务人员培训工作。\n"
    "责任单位：区教育局负责\n"
)


def test_a_unit_a_label_list_names_without_its_level_is_the_same_unit(tmp_path_factory):
    from assistant.documents.units import unit_key

    assert unit_key("区交通与建设局") == unit_key("交通与建设局") and unit_key("市委") == "市委"
    qa = small_qa(tmp_path_factory, "onelevel", {"plan.txt": LABELS_WITH_ONE_LEVEL})
    # 区交通与建设局 leads one task; in the other list it is written without 区.
    a = qa.ask("我在区交建局，这个方案里要我们牵头的是哪几条？")
    assert not a.refused and "生活污染控制" in a.text and "资金保障" in a.text and "队伍建设" not in a.text
    a = qa.ask("规划局的同事想知道，哪几项写明了规划局牵头或者负责？")
    assert not a.refused and "监管责任" in a.text and "资金保障" not in a.text
    a = qa.ask("财金局在这份方案里被安排了哪些事？")
    assert not a.refused and "资金保障" in a.text and "监管责任" not in a.text
    a = qa.ask("我是教育局的，这个方案有没有派活给我们？")
    assert not a.refused and "队伍建设" in a.text
    # "哪几个单位的负责人" asks for units, not for a unit's tasks.
    from assistant.answering.unit_tasks import RE_UNIT_TASKS

    assert not RE_UNIT_TASKS.search("副组长由哪几个单位的主要负责人担任")


NUMBER_LINE_COVER = (
    "示综管办〔2016〕114号\n"
    "示范区管委会办公室关于印发养老服务补短板实施方案的通知\n"
    "区直各单位，各乡镇人民政府：\n"
    "现将《养老服务补短板实施方案》印发给你们，请认真组织实施。\n"
    "示范区管委会办公室\n"
    "2016年6月16日\n"
    "养老服务补短板实施方案\n"
    "一、发展目标\n"
    "（一）2016年目标：建成社区居家养老服务信息化平台。\n"
    "（二）2017年目标：完成社会福利中心建设任务，新增养老床位300张左右。\n"
    "二、保障措施\n"
    "（一）坚持规划引导。将社区居家养老服务发展纳入养老服务业发展专项规划。\n"
)


def test_a_number_line_above_the_title_and_a_years_targets(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "numberline", {"plan.txt": NUMBER_LINE_COVER})
    a = qa.ask("这份方案的文号和成文日期？")
    assert not a.refused and "示综管办〔2016〕114号" in a.text and "2016年6月16日" in a.text
    a = qa.ask("这份方案是哪个机关发的？文号多少？")
    assert not a.refused and "示综管办〔2016〕114号" in a.text
    # A target listed under its year's part is due that year.
    a = qa.ask("社会福利中心的建设任务要求哪年完成？")
    assert not a.refused and a.text.startswith("2017年")
    assert not qa.ask("社会福利中心是什么时候开工的？").text.startswith("2017年")  # a start is not a target
    # "有时间要求没" asks whether a time is set: "no", with the sentence.
    a = qa.ask("把社区居家养老纳入养老服务业发展专项规划那条，有时间要求没？")
    assert not a.refused and a.text.startswith("没有") and "专项规划" in a.text
    from assistant.answering.compose import names_no_topic

    assert names_no_topic("年份") and names_no_topic("月份")


def test_a_ratio_written_with_colons_answers_a_share_asked(tmp_path_factory):
    text = (
        "示范区农村户厕改造要求\n"
        "一、化粪池\n"
        "（一）三格化粪池的有效容积不得小于1.5m3，第一格到第三格容量的比例为2:1:3。\n"
        "（二）每周五下午3:00前报送进展情况。\n"
    )
    qa = small_qa(tmp_path_factory, "ratio", {"plan.txt": text})
    a = qa.ask("三格化粪池各格之间的容量比例是多少？")
    assert not a.refused and a.text.startswith("2:1:3")
    # A time of day (3:00前) is no ratio.
    assert qa.ask("报送进展情况的比例是多少？").refused


def test_the_figure_asked_is_picked_by_the_topic_and_the_figures_the_question_quotes(tmp_path_factory):
    text = (
        "示范区集成电路产业扶持细则\n"
        "第一条 申报条件和材料\n"
        "工资补贴标准为集成电路企业支付给员工的税前月工资的70%。\n"
        "对入驻我区的集成电路企业采购国产EDA（自动化设计）工具，按其实际购买费用的80%给予补助，最高不超过300万元。\n"
        "固定资产投资500万元以下的，按其设备购置金额的5%进行补助，固定资产投资500万元以上至2000万元以下的，"
        "按其设备购置金额的3%进行补助，补助最高不超过1000万元。\n"
    )
    qa = small_qa(tmp_path_factory, "figpick", {"rules.txt": text})
    a = qa.ask("企业买国产EDA工具，补多少比例？")
    assert not a.refused and "80%" in a.text.split("。")[0]
    a = qa.ask("新建固定资产投资项目，投资在500万到2000万之间的按几个点补？")
    assert not a.refused and "3%" in a.text.split("。")[0] and "5%" not in a.text.split("。")[0]


STEPS_AND_ENUMERATIONS = (
    "示范区公厕提升专项行动工作方案\n"
    "一、工作内容和步骤\n"
    "（一）前期准备（2016年6月）\n"
    "摸清底数，制定方案。\n"
    "（二）限期自行整顿（2016年6月-8月）\n"
    "督促责任单位自行整改。\n"
    "（三）验收总结（2016年11月）\n"
    "组织验收，形成总结报告。\n"
    "二、重点任务\n"
    "（一）健全公厕管理长效机制\n"
    "一是完善公厕管理机制。按照管理办法落实管理责任。\n"
    "二是加强公厕日常保洁管理。落实保洁人员。\n"
    "三是创新公厕管理模式。鼓励购买社会服务。\n"
    "（二）加大政策支持力度\n"
    "公厕用地纳入城市黄线保护范围。\n"
)


def test_steps_headed_without_the_word_and_entries_a_task_enumerates(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "steps", {"plan.txt": STEPS_AND_ENUMERATIONS})
    a = qa.ask("整个专项行动分几个阶段？")
    assert not a.refused and "3个" in a.text and "限期自行整顿" in a.text and "验收总结" in a.text
    a = qa.ask("“健全公厕管理长效机制”底下列了哪几条措施？")
    assert not a.refused and "3条" in a.text and "日常保洁管理" in a.text and "创新公厕管理模式" in a.text
    a = qa.ask("重点任务一共几条？第一条和最后一条分别是啥？")
    assert not a.refused and "长效机制" in a.text and "政策支持" in a.text


def test_a_post_given_on_a_spread_out_label(tmp_path_factory):
    text = (
        "示范区清理整顿专项行动工作方案\n"
        "一、组织领导\n"
        "成立清理整顿工作领导小组。\n"
        "组 长：张某某 区管委会主任\n"
        "副 组 长：李某某 区管委会副主任\n"
        "领导小组下设办公室，办公室主任由王某某同志兼任。\n"
    )
    qa = small_qa(tmp_path_factory, "spreadpost", {"plan.txt": text})
    a = qa.ask("清理整顿工作领导小组的组长是谁？")
    assert not a.refused and "张某某" in a.text
    a = qa.ask("副组长是谁？")
    assert not a.refused and "李某某" in a.text


def test_a_figure_the_opening_paragraph_sets_for_the_whole_plan(tmp_path_factory):
    text = (
        "示范区2016年度旅游工作要点\n"
        "2016年是国际旅游岛建设的启动之年，我区旅游工作的预期目标是：全年共接待游客290万人次，增长25%，"
        "实现旅游收入11亿元，增长66.5%。为实现上述目标，特制定本工作要点。\n"
        "一、做大做强旅游企业\n"
        "推动组建区旅游集团，发起成立总规模30-50亿元的旅游发展基金。\n"
        "二、加强宣传推介\n"
        "组织参加海峡旅游博览会等国内外旅游展会3次以上。\n"
    )
    qa = small_qa(tmp_path_factory, "preamblefig", {"points.txt": text})
    a = qa.ask("2016年打算接待多少游客？")
    assert not a.refused and a.text.startswith("290万人次")
    a = qa.ask("这份2016年度旅游工作要点里，旅游收入目标是多少？")
    assert not a.refused and a.text.startswith("11亿元")
    # A figure a task states is still the task's.
    a = qa.ask("旅游发展基金总规模多少？")
    assert not a.refused and "30-50亿元" in a.text.split("。")[0]


def test_amounts_in_a_column_headed_in_yuan_are_not_refused_as_money_absent(tmp_path_factory):
    text = (
        "示范区养老托育整体解决方案\n"
        "一、重点任务\n"
        "（一）建设养老服务中心。\n"
        "附件1\n"
        "重大项目清单\n"
        "序号\t项目名称\t建设期限\t总投资（万元）\n"
        "1\t君山养老服务中心一期\t2022-2023\t7500\n"
    )
    qa = small_qa(tmp_path_factory, "moneycol", {"plan.txt": text})
    a = qa.ask("君山养老服务中心一期总投资多少？")
    assert not a.refused and "7500" in a.text


UNITS_IN_RUNNING_TEXT = (
    "示范省新能源上网电价市场化改革实施方案\n"
    "一、主要任务\n"
    "（一）建立价格结算机制。对纳入机制的电量，由电网企业按照机制电价与市场交易均价之差开展差价结算。"
    "省发展改革委根据现货市场建设情况适时调整市场交易均价确定方式。\n"
    "（二）做好信息公开。电网企业要在代理购电公告中按月发布差价结算情况。\n"
    "（三）做好跟踪评估。省发展改革委、省能源局会同相关部门密切跟踪电力市场运行情况。\n"
    "（四）发展基础。全省托育机构6个，托位数705个。\n"
)


def test_a_units_tasks_in_running_text_and_an_amount_not_stated(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "runningunits", {"plan.txt": UNITS_IN_RUNNING_TEXT})
    a = qa.ask("我是电网企业这边的，这个方案里明确要电网企业做的事有哪些？")
    assert not a.refused and "差价结算" in a.text and "代理购电公告" in a.text
    # 自己 is the asker's own unit, not "alone".
    a = qa.ask("我在省发改委，这份方案里点名要省发展改革委自己干的事都有哪些？")
    assert not a.refused and "交易均价确定方式" in a.text and "跟踪" in a.text
    # A unit asked what it leads, which the document gives tasks without leading any.
    a = qa.ask("省能源局牵头的工作有哪些？")
    assert not a.refused and a.text.startswith("文件没有写明由") and "跟踪评估" in a.text
    # A price asked of a topic whose only figure is a count.
    assert qa.ask("新建托育机构，每个托位的建设补贴是多少钱？").refused


NUMBER_AT_TITLE_END = (
    "关于印发《示范省新能源上网电价市场化改革实施方案》的通知(示发改价格〔2025〕480号)\n"
    "各市（州）发展改革委，国网示范省电力公司：\n"
    "为深化新能源上网电价市场化改革，根据国家发展改革委、国家能源局《关于深化新能源上网电价市场化改革促进新能源高质量发展的通知》"
    "（发改价格〔2025〕136号）要求，我们制定了本实施方案。现印发给你们，请认真贯彻执行。\n"
    "附件：1.示范省增量新能源项目机制电量电价竞价细则\n"
    "示范省发展和改革委员会\n"
    "2025年9月29日\n"
    "示范省新能源上网电价市场化改革实施方案\n"
    "一、主要任务\n"
    "（一）建立结算机制。由电网企业开展差价结算。\n"
)


def test_a_number_closing_the_title_line_and_the_basis_number_asked(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "titlenumber", {"notice.txt": NUMBER_AT_TITLE_END})
    a = qa.ask("这个实施方案的文号是多少？")
    assert not a.refused and "示发改价格〔2025〕480号" in a.text
    a = qa.ask("这个方案是依据国家哪一份文件制定的？给我文号。")
    assert not a.refused and "发改价格〔2025〕136号" in a.text and "480号" not in a.text
    # An attachment's name is not a person's.
    a = qa.ask("附件1叫什么名字？")
    assert not a.refused and "竞价细则" in a.text


def test_the_name_of_a_thing_the_document_does_not_write_is_refused(tmp_path_factory):
    text = (
        "示范区海绵城市建设实施方案\n"
        "一、保障措施\n"
        "（一）加强宣传引导。通过公众号等网络平台，积极宣传海绵城市建设实践。\n"
        "（二）打造志愿品牌。打造“蓝朋友+海绵科普”志愿服务品牌项目。\n"
    )
    qa = small_qa(tmp_path_factory, "thingname", {"plan.txt": text})
    assert qa.ask("宣传海绵城市的那个公众号叫什么名字？").refused
    a = qa.ask("志愿服务品牌项目叫什么名字？")
    assert not a.refused and "蓝朋友" in a.text


def test_when_the_document_applies_is_its_own_sentence_even_in_a_run_in_heading(tmp_path_factory):
    text = (
        "示范区绿电直连项目开发建设实施方案\n"
        "一、项目管理\n"
        "（一）项目批复。预审意见有效期为两年，有效期内依法依规开工。\n"
        "二、保障措施\n"
        "（一）本方案自印发之日起实施。如遇国家政策调整，按照国家最新政策执行。\n"
        "附件1\n"
        "项目申报大纲\n"
        "一、申报要求\n"
        "（一）批复时限。批复意见有效期为一年。\n"
    )
    qa = small_qa(tmp_path_factory, "effective", {"plan.txt": text})
    a = qa.ask("这个实施方案从什么时候开始实施？")
    assert not a.refused and a.text.startswith("自印发之日起实施") and a.citations
    # The validity of a thing the question names is that thing's.
    a = qa.ask("项目拿到的预审意见，有效期是多长？")
    assert not a.refused and "两年" in a.text.split("。")[0]


def test_electric_measures_are_figures():
    from assistant.documents.facts import figures

    found = [f[0] for f in figures("将低压办电“零投资”扩大至160千瓦及以下，接入电压等级不超过220千伏，装机50兆瓦，电价0.4012元/千瓦时")]
    assert found == ["160千瓦", "不超过220千伏", "50兆瓦", "0.4012元"]


def test_a_years_targets_asked_by_the_year(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "yearpart", {"plan.txt": NUMBER_LINE_COVER})
    a = qa.ask("2016年当年，这份方案要求办成哪些事？")
    assert not a.refused and "信息化平台" in a.text and "社会福利中心" not in a.text


@pytest.mark.parametrize(
    "question",
    ["时间节点是2019年13月的任务有哪些", "时间节点写的是9999年6月的任务都有哪些？", "时间节点是0月的任务", "比例是多少：：：", "分别多少", "各是多少？",
     "第一条和最后一条分别是啥", "叫什么名字", "多少钱", "有效期是多长", "我是的，要我们做的事有哪些", "组 长是谁", "2:1:3是什么比例", "一是什么"],
)
def test_odd_questions_of_the_new_shapes_get_an_answer_or_a_chinese_refusal(tmp_path_factory, question):
    qa = small_qa(tmp_path_factory, "oddshapes", {"plan.txt": DATED_TABLE, "rules.txt": TIERED_RULES, "cover.txt": NUMBER_LINE_COVER})
    a = qa.ask(question)
    assert a.intent != "error" and re.search(r"[\u4e00-\u9fff]", a.text)


HOSPITAL_REFORM_PLAN = (
    "示范县公立医院综合改革实施方案\n"
    "一、主要任务\n"
    "（一）健全药品监测。发现药品不良反应、用药错误，要及时上报县卫生健康局。（责任单位：县卫生健康局）\n"
    "（二）组建县级委员会。由县卫生健康局成立药事管理委员会，统筹全县合理用药。\n"
    "（三）建设“满天星”工程。建设百个大空间、千个链接点、万个微基建。\n"
    "（四）落实救助标准。急难型救助人均不超过3个月的低保标准。\n"
    "（五）限时办结。救助申请应当在10个工作日内办结。\n"
    "（六）强化数字赋能。依托监测平台跟踪市场动态，适时发布合理用药监测报告。\n"
    "二、实施步骤\n"
    "（一）组织实施阶段（2015年3月1日起）\n"
    "全面推开各项改革。\n"
    "（二）考核评估阶段（2016年3月）\n"
    "组织季度自查自纠，形成季度评估小结。\n"
    "附件：示范县公立医院综合改革一览表\n"
    "序号\t主要内容\t责任单位\t完成时限\n"
    "1\t健全药品监测\t县卫生健康局\t常年\n"
)


def test_shapes_of_stages_manners_and_words_that_look_like_other_questions(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "hospitalplan", {"plan.txt": HOSPITAL_REFORM_PLAN})
    # A stage whose heading gives its time in brackets.
    a = qa.ask("考核评估阶段整体安排在什么时间？")
    assert not a.refused and a.text.startswith("2016年3月") and a.citations
    # A day asked of a month alone: the document gives none.
    for question in ("考核评估阶段几号开始？", "考核评估阶段具体哪一天开始？"):
        a = qa.ask(question)
        assert a.refused and "只写到月份" in a.text, question
    # A task that sets no date but a manner (及时上报): the manner, quoted.
    a = qa.ask("药品不良反应发现了要什么时候报？")
    assert not a.refused and "及时上报" in a.text
    a = qa.ask("合理用药监测报告什么时候发布？")
    assert not a.refused and "适时发布" in a.text
    # ... which does not answer a date or a duration asked.
    assert qa.ask("药品不良反应最晚哪一年报？").refused
    # 附件一览表 is the attachment's table, not an attachment numbered 一.
    a = qa.ask("附件一览表里健全药品监测的责任单位是谁？")
    assert "没有附件一" not in a.text
    # 委员会 is a body, not a person; 链接点 is no web link.
    a = qa.ask("那个药事管理委员会是谁来成立？")
    assert not a.refused and "卫生健康局" in a.text
    a = qa.ask("满天星工程，百个大空间、千个链接点，万个啥？")
    assert not a.refused and "微基建" in a.text
    # Months as a measure (3个月的低保标准) are a figure, not a deadline.
    assert intent_of("人均上限是几个月的低保标准？") == "quantity"
    # 一共多少个工作日 is a duration, not a count of parts.
    assert intent_of("救助申请一共多少个工作日办结？") != "count"


GLUED_TABLE_PLAN = (
    "示范区卫生改革实施方案\n"
    "一、主要任务\n"
    "（一）科学编制卫生规划。编制中长期卫生事业发展规划。（责任单位：医改办）\n"
    "附件：示范区卫生改革一览表\n"
    "示范区卫生改革一览表\n"
    "主线项目主要内容责任单位完成时限\n"
    "（一）合理配置医疗资源\n"
    "1科学编制卫生规划①编制中长期卫生事业发展规划。②调整医疗机构设置规划。医改办、社会事业局、经济发展局2015年6月\n"
    "2加快医疗资源建设加快协和医院建设，并尽快投入使用社会事业局、经济发展局常年\n"
    "（二）深化医院管理制度改革\n"
    "1成立公立医院管理委员会委员会由有关部门组成。医改办、财政金融局2015年12月\n"
)


def test_a_table_whose_cells_a_web_page_glued_together_is_read_by_its_columns(tmp_path_factory):
    from assistant.documents.blocks import unglue_tables

    lines = unglue_tables(GLUED_TABLE_PLAN.splitlines())
    assert lines[5] == "序号\t主线项目\t主要内容\t责任单位\t完成时限"
    assert lines[7].split("\t") == ["1", "科学编制卫生规划", "①编制中长期卫生事业发展规划。②调整医疗机构设置规划。", "医改办、社会事业局、经济发展局", "2015年6月"]
    # The first unit glued to the text is cut where the document names it elsewhere.
    assert lines[8].split("\t") == ["2", "加快医疗资源建设加快协和医院建设，并尽快投入使用", "", "社会事业局、经济发展局", "常年"]
    assert lines[9] == "（二）深化医院管理制度改革" and lines[10].startswith("序号\t")  # the header goes on under a group
    # A table with a row it cannot split stays as it stands.
    odd = ["序号政策名称重点工作举措和内容责任单位", "1土地政策设置社会福利用地。区资源局", "2金融政策加大支持力度区国资局区金控集团加大"]
    assert unglue_tables(odd) == odd
    qa = small_qa(tmp_path_factory, "gluedtable", {"plan.txt": GLUED_TABLE_PLAN})
    a = qa.ask("公立医院管理委员会那件事，附件一览表里给的完成时限是哪个月？")
    assert not a.refused and "2015年12月" in a.text


YEAR_COLUMN_PLAN = (
    "示范市交通精细化管理三年行动计划\n"
    "一、工作目标\n"
    "到2026年，交通设施品质明显提升。\n"
    "附件：三年行动计划任务清单\n"
    "任务分类\t主要方向\t重点任务\t2024年工作项目\t2025年计划\t2026年计划\t牵头部门\t实施主体\n"
    "（一）提升设施品质\t1、改善城市道路\t（1）建设精品道路300条。\t建设精品道路100条。\t建设精品道路100条。\t建设精品道路100条。\t设施养护处\t各区\n"
    "2、推进快速路整治\t（2）推进内环高架“年轻化”工程。\t完成内环高架“年轻化”三期工程。\t完成四期工程前期研究。\t持续推进四期工程。\t规划处\t市道运中心\n"
    "（3）更新改造桥梁栏杆。\t桥梁栏杆涂装改色269座。\t桥梁栏杆涂装改色65座。\t防撞栏修复40千米。\n"
)


def test_rows_a_merged_cell_spans_and_columns_of_one_years_work(tmp_path_factory):
    doc = parse_notice(YEAR_COLUMN_PLAN, "plan.txt")
    rows = {n.title: n for n in doc.nodes if n.style == "行"}
    items = {it.title: it for it in doc.items}
    # A row that leaves out the cells merged above it starts under the column of its numbering.
    second = rows["（2）推进内环高架“年轻化”工程"]
    assert dict(second.cells)["主要方向"] == "2、推进快速路整治" and dict(second.cells)["牵头部门"] == "规划处"
    third = rows["（3）更新改造桥梁栏杆"]
    assert dict(third.cells)["任务分类"] == "（一）提升设施品质" and dict(third.cells)["2024年工作项目"] == "桥梁栏杆涂装改色269座。"
    assert dict(third.cells)["牵头部门"] == "规划处"  # the units merged over both rows
    # A year's column dates its cell (持续推进… carries work on: no limit).
    assert [f.text for f in items["（2）推进内环高架“年轻化”工程"].deadlines] == ["2024年", "2025年"]
    qa = small_qa(tmp_path_factory, "yearcolumns", {"plan.txt": YEAR_COLUMN_PLAN})
    a = qa.ask("内环高架“年轻化”三期工程安排在哪一年完成？")
    assert not a.refused and a.text.startswith("2024年")
    a = qa.ask("内环高架“年轻化”工程是哪个部门牵头？")
    assert not a.refused and "规划处" in a.text


POINTS_MEASURES = (
    "示范市积分制入户管理办法\n"
    "第一条 积分制入户指标体系由市人力资源社会保障部门会同市发展改革部门制定。\n"
    "第二条 市人力资源社会保障部门负责积分制入户的组织实施，每两年对积分指标体系评估一次。\n"
    "第三条 市发展改革部门负责编制年度迁入人口计划。\n"
    "第四条 申请人公示期满无异议的，签发入户卡。\n"
    "第五条 2016年全区游客人数力争达到300万人次。\n"
)


def test_a_things_date_or_maker_is_not_the_documents_and_short_forms_of_a_generic_department(tmp_path_factory):
    from assistant.documents import parse_notice as parse
    from assistant.retrieval.query import analyse

    doc = parse(POINTS_MEASURES, "points.txt")
    # 签发 / 制定 after a thing the document names ask after that thing, not the document.
    assert analyse("申请人的入户卡是在什么时候签发的？", doc=doc).meta_field == ""
    assert analyse("积分指标体系是哪个部门牵头制定的？", doc=doc).intent == "unit"
    assert analyse("这个办法是哪个部门制定的？", doc=doc).meta_field == "issuer"
    qa = small_qa(tmp_path_factory, "pointsmeasures", {"points.txt": POINTS_MEASURES})
    # 市发改委 for 市发展改革部门, asked in either order (分给我们的任务有哪些).
    a = qa.ask("市发改委在积分制入户里管哪些事？")
    assert not a.refused and "迁入人口计划" in a.text
    a = qa.ask("我在市发改委，办法里分给我们的任务有哪些？")
    assert not a.refused and "迁入人口计划" in a.text
    # 每两年 is how often; 目标 names the kind of answer, not a topic the document lacks.
    a = qa.ask("积分指标体系多久评估一次？")
    assert not a.refused and "每两年" in a.text
    a = qa.ask("2016年全区游客人数目标是多少人次？")
    assert not a.refused and "300万人次" in a.text


INTERNSHIP_MEASURES = (
    "示范市就业见习基地管理办法\n"
    "第七条 公共就业服务机构收到申请材料后，按以下规定办理：\n"
    "（一）申请材料不齐全的，应当在收到申请材料之日起5个工作日内出具《补正材料通知书》；\n"
    "（二）由至少2名工作人员对申请单位的工作环境进行实地核查。\n"
    "第十一条 见习单位应当履行以下职责：\n"
    "（一）与见习人员签订见习协议；\n"
    "（二）为见习人员购买人身意外伤害保险。\n"
    "第十二条 见习单位不得有下列行为：\n"
    "（一）安排见习人员从事高毒、易燃易爆的劳动；\n"
    "（二）当期接收见习人员人数超过本单位在职职工总人数的30%。\n"
)


def test_what_a_unit_must_not_do_and_a_time_limit_asked_in_days(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "internship", {"rules.txt": INTERNSHIP_MEASURES})
    # What a unit must not do is the article that forbids, not the unit's tasks.
    a = qa.ask("见习单位有哪些事是不能做的？")
    assert not a.refused and "高毒" in a.text and "30%" in a.text
    # 几天内 asks a time limit, which a count of people does not answer.
    a = qa.ask("申请材料不齐，就业服务机构几天内要出补正通知？")
    assert not a.refused and a.text.startswith("5个工作日")


MARINE_POINTS = (
    "示范区2016年全区海洋经济工作要点\n"
    "一、重点工作\n"
    "（一）发展海洋能源。推动大练海洋能源项目开工建设。（责任单位：区经济发展局）\n"
    "（二）强化渔业防台风工作。汛前组织开展防汛备汛大检查。（责任单位：区农村发展局）\n"
)


def test_a_task_of_a_years_work_points_and_a_seasons_time(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "marinepoints", {"points.txt": MARINE_POINTS})
    # A season (汛前) sets the time of a task that has no date.
    a = qa.ask("防汛备汛大检查安排在什么时候搞？")
    assert not a.refused and "汛前" in a.text
    # The year asked of a task of a year's work points is that year; a date is not given.
    a = qa.ask("大练海洋能源项目要求哪一年开工？")
    assert not a.refused and a.text.startswith("2016年")
    assert qa.ask("大练海洋能源项目最晚什么时候开工？").refused


GREEN_BUILDING_MEASURES = (
    "示范市奉贤区绿色建筑管理办法\n"
    "第一条 2024年是新中国成立75周年，为推进奉贤区绿色建筑发展，制定本办法。\n"
    "第二条 施工图审查机构对达不到绿色建筑相应标准的，不得出具施工图审查合格书。\n"
    "第三条 取得绿色建筑设计评价证书的项目，可以绿色建筑名义进行宣传。\n"
    "第四条 本办法自2012年2月1日至2017年1月31日施行。\n"
)


def test_places_consequences_conditions_and_a_span_of_validity(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "greenbuilding", {"rules.txt": GREEN_BUILDING_MEASURES})
    # A district the document never names is another place; a homophone typed for its own is not.
    assert qa.ask("嘉定区的绿色建筑宣传要什么条件？").refused
    a = qa.ask("奉先区绿色建筑宣传要啥条件？")
    assert not a.refused and "设计评价证书" in a.text
    # 不得出具 is what happens to a design that falls short.
    a = qa.ask("施工图审查时，达不到绿色建筑标准会怎么处理？")
    assert not a.refused and "不得出具" in a.text
    # 自…至…施行 is when the document applies.
    a = qa.ask("这个办法从哪天开始施行？")
    assert not a.refused and "2012年2月1日" in a.text
    # 周年 is a figure.
    a = qa.ask("2024年是新中国成立多少周年？")
    assert not a.refused and "75周年" in a.text


def test_a_units_one_task_assigned_by_a_tag_is_quoted_whole(tmp_path_factory):
    text = (
        "示范市2024年政务公开工作要点\n"
        "一、重点任务\n"
        "1.强化财政预决算信息公开。深化政府采购制度改革，提高政府采购透明度。推进政府债务信息公开。持续优化“财政资金直达基层”专栏。（市财政局负责落实，完成时限：2024年10月）\n"
        "2.加强住房政策解读。（市住房城乡建设委负责落实，完成时限：2024年12月）\n"
    )
    qa = small_qa(tmp_path_factory, "onetask", {"points.txt": text})
    a = qa.ask("我们市财政局在要点里要做哪些事？")
    assert not a.refused and all(w in a.text for w in ("政府采购", "政府债务", "财政资金直达基层"))


JOINT_OPINIONS = (
    "示范部等三部门关于印发《智能制造专项行动实施意见》的通知\n"
    "示范部联科〔2025〕9号\n"
    "各有关单位：\n"
    "现将《智能制造专项行动实施意见》印发给你们，请认真抓好落实。\n"
    "示范部\n"
    "中央网信办\n"
    "国家数据局\n"
    "2025年12月25日\n"
    "智能制造专项行动实施意见\n"
    "一、夯实基础\n"
    "（一）强化算力供给。推动智能芯片协同发展。\n"
    "（二）建立安全治理机制。制定安全风险信息报送与共享工作指引。\n"
    "二、办事流程\n"
    "（三）项目报建。镇规建办在收到申报材料后，对符合条件的，在规定期限内办结（5个工作日）。\n"
    "附件\n"
    "企业应用指南\n"
    "一、开展评估\n"
    "（一）开展智能化评估。评估企业的数字化基础。\n"
    "（二）量化场景关键指标。设定模型选型所用的可量化指标。\n"
)


def test_joint_signers_a_bracketed_time_limit_and_numbers_shared_by_body_and_attachment(tmp_path_factory):
    doc = parse_notice(JOINT_OPINIONS, "joint.txt")
    # A signer whose name ends in 办 is a signer too.
    assert doc.meta.issuer == "示范部、中央网信办、国家数据局"
    qa = small_qa(tmp_path_factory, "jointopinions", {"joint.txt": JOINT_OPINIONS})
    # 落款是哪个单位 asks who signs, 哪一天 the date: both answered.
    a = qa.ask("文件落款是哪个单位、哪一天？")
    assert not a.refused and "中央网信办" in a.text and "2025年12月25日" in a.text
    # A duration in a bracket of its own is the time limit.
    a = qa.ask("项目报建交齐材料后几天内办结？")
    assert not a.refused and a.text.startswith("5个工作日")
    # （二） alone is the body's; 附件第（二）条 the attachment's, though it sits a level deeper.
    a = qa.ask("第（二）条说的是什么？")
    assert not a.refused and "安全治理机制" in a.text
    a = qa.ask("附件第（二）条讲的是什么？")
    assert not a.refused and "量化场景关键指标" in a.text
    # Drafting told as the asker's own work, with the question after it, is no writing request.
    a = qa.ask("我们要起草一份贯彻这个文件的材料，处长让我先理清楚。想问一下：安全方面要制定什么工作指引？")
    assert not a.refused and "信息报送与共享" in a.text
    assert qa.ask("帮我起草一份贯彻这个文件的材料").refused


PARTY_OPINIONS = (
    "中共示范市委关于进一步深化接诉即办改革的意见\n"
    "（二〇二五年三月二十三日）\n"
    "为进一步深化接诉即办改革，现提出如下意见。\n"
    "一、工作目标\n"
    "（一）总体目标。2022年9月底前，50%以上的社区(村)完成规范化建设。2022年11月底前，实现全市7000余个社区(村)规范化建设全覆盖。\n"
    "二、重点任务\n"
    "（二）优化诉求评价督办。各级党委和政府督查部门对久拖不决或反复投诉的重点难点问题加强跟踪督办。\n"
    "（三）统一工作模式。2022年6月底前，各区政务服务局统筹负责，逐个明确各社区工作模式：\n"
    "1.“一窗”式服务。社区综合窗口统一受理。\n"
    "2.自助智能服务。配置智能政务终端。\n"
    "（四）严肃工作纪律。自本意见印发之日起，2020年10月28日印发的《关于深化改革工作的意见》同时废止。本意见有效期5年。\n"
    "示范市委办公厅秘书处  2025年3月28日印发\n"
)


def test_a_party_committees_dated_title_a_task_asked_with_a_footer_word_and_counts_before_shares(tmp_path_factory):
    doc = parse_notice(PARTY_OPINIONS, "party.txt")
    # The bracketed date under the title is the document's date; printer and date share a line.
    assert doc.meta.signing_date == "2025-03-23"
    assert (doc.meta.printer, doc.meta.printing_date) == ("示范市委办公厅秘书处", "2025-03-28")
    qa = small_qa(tmp_path_factory, "partyopinions", {"party.txt": PARTY_OPINIONS})
    a = qa.ask("这个意见是谁发的？哪天的？")
    assert not a.refused and "二〇二五年三月二十三日" in a.text
    # 督办 of a task, in a document with no 督办 line, asks who does it.
    a = qa.ask("久拖不决的难点问题，谁来加强跟踪督办？")
    assert not a.refused and "督查部门" in a.text
    # 自本意见印发之日起 says from when; the day it was issued is given to count from.
    a = qa.ask("这份新意见从什么时候起生效？")
    assert not a.refused and "自本意见印发之日起" in a.text
    # A year asked against the validity is no other year.
    a = qa.ask("现在是2029年8月，这个意见还在有效期里吗？")
    assert not a.refused and "有效期5年" in a.text and "2025年3月28日" in a.text
    # 一共多少个 asks a count, not the share of the same things.
    a = qa.ask("全市一共要覆盖多少个社区（村）？")
    assert not a.refused and "7000余个" in a.text
    # A part whose lead sets a date for the tasks under it is due then.
    a = qa.ask("2022年6月底前要完成的有哪些？")
    assert not a.refused and "统一工作模式" in a.text


TOWN_MEASURES = (
    "宿迁市人民政府办公室关于印发宿迁市加快推进创新发展十条政策措施的通知\n"
    "宿政办规〔2026〕1号\n"
    "各县区人民政府，市各有关部门：\n"
    "现将《宿迁市加快推进创新发展十条政策措施》印发给你们，请认真贯彻执行。\n"
    "宿迁市人民政府办公室\n"
    "2026年2月5日\n"
    "宿迁市加快推进创新发展十条政策措施\n"
    "1.强化数据要素供给。对企业采购数据产品的，给予“数据券”补贴，每家每年最高50万元。（责任单位：市数据局）\n"
    "2.拓展飞地合作。利用上海、苏州等科创飞地，举办考试培训活动。（责任单位：市科技局）\n"
    "3.规范小型工程。七宝镇规建办负责限额以下小型工程的报建。（责任单位：市住建局）\n"
)


def test_another_places_own_document_a_town_and_a_compound_topic_the_document_lacks(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "townmeasures", {"measures.txt": TOWN_MEASURES})
    # A place the text mentions (苏州) does not make the document that place's own.
    a = qa.ask("苏州市支持创新的政策里，数据券每家每年最高给多少？")
    assert a.refused and "苏州" in a.text
    a = qa.ask("宿迁的创新政策里，数据券每家每年最高给多少？")
    assert not a.refused and "50万元" in a.text
    # A body asked about in this document (苏州市数据局在这份措施里) is no other place's document.
    assert "不是苏州" not in qa.ask("苏州市数据局在这份措施里要负责哪些事？").text
    # A town by name that the document never writes is another place.
    assert qa.ask("莘庄镇的小型工程也是规建办管吗？").refused
    a = qa.ask("七宝镇的小型工程报建由谁负责？")
    assert not a.refused and "规建办" in a.text
    # 考试 is written, 公务员 never: 公务员考试 is not in the document.
    a = qa.ask("今年区里公务员考试什么时候开始报名？")
    assert a.refused and "公务员考试" in a.text


TALENT_OPINIONS = (
    "示范部关于加强数字人才队伍建设的意见\n"
    "一、重点任务\n"
    "（一）优化专业设置。支持职业院校根据产业发展需要，及时动态调整数据相关专业。\n"
    "（二）建设教学资源。支持职业院校建设数据相关专业教学资源库。\n"
    "（三）合理用药。医保部门将药师审核处方情况纳入医保定点医疗机构绩效考核体系。\n"
    "（四）强化部门协作。医疗保障部门要指导地方统筹推进医疗服务价格改革。组织部门加强统筹协调，形成工作合力。\n"
    "（五）企业先行。鼓励龙头企业、央国企等先行先试，提供规模化应用场景。\n"
)


def test_a_units_other_names_and_a_body_the_asker_introduces(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "talentopinions", {"opinions.txt": TALENT_OPINIONS})
    # 医保部门 and 医疗保障部门 are one body: the tasks under both names.
    a = qa.ask("我在医保局，这个意见里医保部门要做哪些事？")
    assert not a.refused and "绩效考核体系" in a.text and "医疗服务价格改革" in a.text
    # The body the asker introduces (我们是职业院校，…) is the one whose tasks are asked.
    a = qa.ask("我们是职业院校，这份意见要我们做哪些事？")
    assert not a.refused and "动态调整" in a.text and "教学资源库" in a.text
    a = qa.ask("我在组织部，这份意见对我们组织部门有什么要求？")
    assert not a.refused and "统筹协调" in a.text
    # 一家 introducing the asker's company says nothing of working alone.
    a = qa.ask("我在一家龙头企业，文件希望我们做哪些事？")
    assert not a.refused and "先行先试" in a.text


SPANS_AND_SHARES = (
    "示范市积分制入户管理办法\n"
    "第一条 积分制入户人员应同时符合以下条件：总积分满150分。\n"
    "第二条 拟入户人员名单经审核后签发入户卡，异议由市人力资源社会保障局处理。\n"
    "第三条 对基础范围内的实际使用量实行首年免费。\n"
    "第四条 负荷和电源双方应签订10年以上购电协议。\n"
    "第五条 助餐补贴标准为每人每次就餐费用的四分之一，最高不超过3元。\n"
)


def test_spans_a_task_states_points_fractions_and_a_span_the_task_lacks(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "spansshares", {"rules.txt": SPANS_AND_SHARES})
    # How long, of a task that states a span rather than a date.
    a = qa.ask("基础范围内的使用量免费多长时间？")
    assert not a.refused and a.text.startswith("首年")
    a = qa.ask("双方签的购电协议期限至少多少年？")
    assert not a.refused and "10年以上" in a.text
    # 满150分 is a figure; 四分之一 a share.
    a = qa.ask("积分入户总分要达到多少分才能申请？")
    assert not a.refused and "150分" in a.text
    a = qa.ask("老人吃一顿饭，补贴是费用的多少比例？")
    assert not a.refused and "四分之一" in a.text
    # 公示几天 is not answered by points: no span is stated.
    assert qa.ask("拟入户人员名单要公示几天？").refused


def test_a_topic_word_written_apart_is_no_absent_thing(tmp_path_factory):
    text = "示范市入户管理办法\n第一条 申请人办理入户手续，相关职能部门不得收取任何费用。\n第二条 申请人应当提交身份证明材料。\n"
    qa = small_qa(tmp_path_factory, "apart", {"rules.txt": text})
    a = qa.ask("办理入户，相关部门会收费吗？")
    assert not a.refused and "不得收取任何费用" in a.text
    assert qa.ask("入户摇号一年几次？").refused
    # 有没有 before a thing alone asks whether it is there.
    assert qa.ask("办理入户有没有摇号？").refused
    a = qa.ask("办理入户有没有费用？")
    assert not a.refused and "不得收取任何费用" in a.text


GUIDE_WITH_ATTACHMENT = (
    "示范部关于印发智能制造实施意见的通知\n"
    "智能制造实施意见\n"
    "一、夯实基础\n"
    "（一）强化算力供给。推动智能芯片协同发展。\n"
    "（二）开发行业模型。支持模型训练方法创新。\n"
    "二、推广应用\n"
    "（三）加快行业赋能。推动重点行业应用。\n"
    "附件\n"
    "企业应用指南\n"
    "一、开展评估\n"
    "（一）开展智能化评估。评估企业的数字化基础。\n"
    "（二）制定应用规划。明确阶段目标。\n"
    "二、构建数据集\n"
    "（三）梳理数据资源。建立数据资源目录。\n"
    "（四）建设数据集。形成高质量数据集。\n"
    "（五）积极参与生态共建。参与开源社区。\n"
)


def test_a_parts_tasks_counted_in_the_askers_counter(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "guidecount", {"guide.txt": GUIDE_WITH_ATTACHMENT})
    # An attachment's tasks counted, checked against the first and the last.
    a = qa.ask("附件那个企业应用指南总共有多少条？")
    assert not a.refused and "共5条" in a.text and "积极参与生态共建" in a.text
    # 几个大类 counts its parts.
    a = qa.ask("附件的指南分了几个大类？")
    assert not a.refused and "分为2个大类" in a.text and "构建数据集" in a.text
    # Parts and tasks asked together: both counts, the tasks checked at their ends.
    a = qa.ask("这份意见一共分几大部分、多少条？")
    assert not a.refused and "（三）加快行业赋能" in a.text


PRINCIPLES_OPINION = (
    "示范市关于优化政务服务的实施意见\n"
    "一、总体要求\n"
    "（一）基本原则。坚持依法规范，严格执行法定程序。坚持服务为民，以群众满意为标准。坚持改革创新、协同推进，持续提升效能。\n"
    "（二）主要目标。到2025年，政务服务实现标准化、规范化、便利化。\n"
    "二、重点任务\n"
    "（三）推进一网通办。坚持线上线下融合，拓展网上办理事项。\n"
)


def test_the_phrases_a_quoted_word_opens_are_listed(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "quoted", {"opinion.txt": PRINCIPLES_OPINION})
    # Within the part the question names: the three principles, not the task's 坚持.
    a = qa.ask("基本原则是哪几条“坚持”？")
    assert not a.refused and "3个“坚持”" in a.text
    assert "坚持依法规范" in a.text and "坚持服务为民" in a.text and "坚持改革创新、协同推进" in a.text
    assert "坚持线上线下融合" not in a.text
    # A one-character suffix (化) opens no phrases: no such list.
    a = qa.ask("主要目标提了哪几个“化”？")
    assert "个“化”：" not in a.text


LEVELS_PLAN = (
    "示范市关于加强社区政务服务规范化建设的工作方案\n"
    "一、主要任务\n"
    "（一）明确工作职责。2022年6月底前，由各区民政局、区政务服务局统筹负责，组织街道全面落实职责规定。\n"
    "（二）统一工作模式。各区政务服务局组织街道结合实际，可采取以下方式：\n"
    "1.“一窗”式服务。设置综合窗口。\n"
    "2.自助智能服务。配置智能终端。\n"
    "3.移动掌上服务。依托小程序提供掌上办理。\n"
    "（三）共享信用信息。推动严重失信主体名单、行政许可等8类公共信用信息跨地区共享。\n"
    "二、保障措施\n"
    "（四）加强组织领导。市政务服务局负责统筹协调。市、区政务服务局应注重跟踪指导。\n"
    "（五）成立领导小组。组长由分管副市长担任，成员由各相关部门负责人组成。\n"
    "（六）适用范围。家庭居室装修、农民自建低层住房工程均不适用本方案。\n"
    "（七）施行日期。本方案自发布之日起施行。原《示范市社区政务服务管理办法》（示政发〔2016〕3号）同时废止。\n"
)


def test_a_unit_of_another_level_and_what_a_plan_leaves_out(tmp_path_factory):
    qa = small_qa(tmp_path_factory, "levels", {"plan.txt": LEVELS_PLAN})
    # 区政务服务局 is not 市政务服务局: each has its own tasks.
    a = qa.ask("我在区政务服务局，这方案里我们要干哪些事？")
    assert not a.refused and "“区政务服务局”" in a.text and "明确工作职责" in a.text
    a = qa.ask("市政务服务局要干哪些事？")
    assert not a.refused and "加强组织领导" in a.text and "明确工作职责" not in a.text
    # 第3种 under a named part is its third sub-item.
    a = qa.ask("第一部分第（二）条里的第3种服务，具体怎么做？")
    assert not a.refused and "小程序" in a.text
    # A count of a thing the text counts (几类) is a figure, not a count of parts.
    a = qa.ask("要跨地区共享的公共信用信息一共几类？")
    assert not a.refused and "8类" in a.text
    # What the plan leaves outside, what it repeals, who holds a post by rank.
    a = qa.ask("哪些工程不归这个方案管？")
    assert not a.refused and "家庭居室装修" in a.text
    a = qa.ask("被这个方案替代作废的老文件是哪个？")
    assert not a.refused and "示政发〔2016〕3号" in a.text
    a = qa.ask("领导小组的组长按规定由什么岗位的人担任？")
    assert not a.refused and "分管副市长" in a.text


def test_a_clause_cut_short_in_its_name_is_told_whole(tmp_path_factory):
    text = (
        "示范市公共租赁住房管理办法\n"
        "第一条 申请公共租赁住房保障应当同时符合下列条件：\n"
        "（一）申请人具有本市城镇户籍；\n"
        "（二）申请家庭未享受购买配售型保障性住房、共有产权住房、安居房、经济适用住房等购房优惠政策。\n"
        "第二条 本办法自印发之日起施行。\n"
    )
    qa = small_qa(tmp_path_factory, "clause", {"rules.txt": text})
    a = qa.ask("第一条第（二）项是什么要求？")
    assert not a.refused and "经济适用住房等购房优惠政策" in a.text


def test_a_lead_that_names_the_list_after_it_is_quoted_with_its_entries(tmp_path_factory):
    text = (
        "示范州政务数据资源管理办法\n"
        "第一条 政务部门应当对本部门的政务数据资源目录进行动态管理。有下列情形之一的，政务部门应当在10个工作日内更新本部门政务数据资源目录。\n"
        "（一）法律、法规等依据发生变化的；\n"
        "（二）行政管理职能发生变化的；\n"
        "（三）政务信息系统更新完成的。\n"
        "第二条 本办法自印发之日起施行。\n"
    )
    qa = small_qa(tmp_path_factory, "lead", {"rules.txt": text})
    a = qa.ask("政务数据目录在什么情况下要更新？")
    assert not a.refused and "依据发生变化" in a.text and "职能发生变化" in a.text and "更新完成" in a.text


def test_a_body_asking_what_the_document_has_to_do_with_it(tmp_path_factory):
    text = (
        "示范市宅基地确权登记发证工作实施方案\n"
        "一、工作措施\n"
        "（一）建立联席会议制度。成员单位为区环境与国土资源局、区财政金融局、区交通与建设局。\n"
        "（二）落实工作经费。区财政金融局要加强专项资金使用的监督检查，确保专款专用。\n"
        "（三）开展权属调查。由各乡镇组织开展调查。（市公安局、市税务局按分管领域负责，2023年12月底前完成）\n"
    )
    qa = small_qa(tmp_path_factory, "relation", {"plan.txt": text})
    for question in ("我是区财政金融局的，这份方案跟我们有啥关系？", "我们是区财政金融局，这个方案要我们干什么？"):
        a = qa.ask(question)
        assert not a.refused and "专款专用" in a.text and "联席会议" in a.text, question
    a = qa.ask("我们是市公安局，方案里点到我们的有哪几件事？")
    assert not a.refused and "“市公安局”" in a.text and "开展权属调查" in a.text


def test_a_unit_with_two_tasks_is_quoted_far_enough(tmp_path_factory):
    text = (
        "示范市关于建立政务服务好差评制度的实施意见\n"
        "（一）明确工作职责。市政务服务局负责统筹推进全市政务服务好差评工作的实施，建立健全好差评制度和评价指标体系，建设全市一体化在线政务服务好差评系统平台，定期分析评价数据。\n"
        "（二）加强宣传引导。市政务服务局应及时收集本意见实施过程中反映的问题，适时制定本市好差评管理办法。\n"
        "（三）强化结果运用。各区政务服务局负责本区好差评工作的实施。\n"
    )
    qa = small_qa(tmp_path_factory, "width", {"opinion.txt": text})
    a = qa.ask("我在市政务服务局，文件给我们局派了哪些活？")
    assert not a.refused and "承担的工作有2项" in a.text and "系统平台" in a.text and "管理办法" in a.text


def test_the_tasks_of_a_numbered_part_due_by_a_date(tmp_path_factory):
    text = (
        "示范市2024年政务公开工作要点\n"
        "一、优化政务服务\n"
        "（一）推进一网通办。拓展网上办理事项。（完成时限：2024年12月）\n"
        "（二）规范办事指南。统一要素标准。（完成时限：2024年6月）\n"
        "二、提升政策服务质效\n"
        "（三）健全政策动态清理机制。定期清理政策文件。（完成时限：2024年12月）\n"
        "（四）开展政策效果评价。选取试点开展评价。（完成时限：2024年12月）\n"
        "（五）做好政策解读。同步发布解读材料。（完成时限：2024年10月）\n"
    )
    qa = small_qa(tmp_path_factory, "partdue", {"points.txt": text})
    a = qa.ask("第二部分里，哪几项的完成时限是2024年12月？")
    assert not a.refused and "有2项工作" in a.text and "动态清理" in a.text and "效果评价" in a.text and "一网通办" not in a.text
    a = qa.ask("第二部分里哪几项要在2024年6月完成？")
    assert a.refused and "没有时限为2024年6月的工作" in a.text


def test_a_things_validity_is_not_the_documents(tmp_path_factory):
    text = (
        "示范镇小型建设工程管理办法\n"
        "第一条 建设单位应当向镇规建办申领施工许可证。\n"
        "第二条 预审意见有效期为两年。\n"
        "第三条 本办法自印发之日起施行，有效期5年。\n"
    )
    qa = small_qa(tmp_path_factory, "validity", {"rules.txt": text})
    a = qa.ask("施工许可证有效期多久？")
    assert a.refused and "许可证的有效期" in a.text
    a = qa.ask("这个办法有效期几年？")
    assert not a.refused and "有效期5年" in a.text
    a = qa.ask("预审意见有效期是多长？")
    assert not a.refused and "两年" in a.text


def test_a_lead_asked_of_a_task_that_names_none(tmp_path_factory):
    text = (
        "示范区国企提升发展年行动方案\n"
        "1.打造三支团队。培育市场化经营管理团队。\n"
        "责任单位：各区属国企，区国资局、区党群工作部\n"
        "2.完善工作机制。建立由管委会分管领导牵头的联席会议制度。\n"
        "责任单位：区国资局、区财政局\n"
        "3.推进资源整合。开展战略性整合。\n"
        "牵头单位：区国资局；配合单位：区财政局\n"
    )
    qa = small_qa(tmp_path_factory, "nolead", {"plan.txt": text})
    a = qa.ask("打造三支团队这条具体是哪个单位牵头？")
    assert a.refused and "没有写明" in a.text and "区国资局" in a.text  # the units it lists are told
    a = qa.ask("打造三支团队的责任单位有哪些？")
    assert not a.refused and "区党群工作部" in a.text
    a = qa.ask("联席会议由谁牵头？")
    assert not a.refused and "管委会分管领导" in a.text
    a = qa.ask("推进资源整合是哪个单位牵头？")
    assert not a.refused and "区国资局" in a.text


def test_which_organisations_asked_of_a_task_that_names_none(tmp_path_factory):
    text = (
        "示范市数字人才培养实施意见\n"
        "（一）打造科技创新平台。依托优势高校建设运营数据要素产教融合创新平台。\n"
        "（二）建设实训基地。支持示范数据科技有限公司建设实训基地，面向社会开放。\n"
        "（三）开展评价。由市数据局会同市人社局组织评价，评价结果向社会公布。\n"
    )
    qa = small_qa(tmp_path_factory, "orgs", {"opinion.txt": text})
    a = qa.ask("数据要素产教融合创新平台具体依托哪几所大学建设？")
    assert a.refused and "优势高校" in a.text
    a = qa.ask("实训基地是哪家公司建设的？")
    assert not a.refused and "示范数据科技有限公司" in a.text
    a = qa.ask("评价由哪几家单位组织？")
    assert not a.refused and "市数据局" in a.text


def test_one_task_mentioning_a_term_is_quoted(tmp_path_factory):
    text = (
        "示范市数字人才培养实施意见\n"
        "（一）支持分层分类建设。支持有条件的高校开设数字贸易与商务、数字政府治理、国际数据治理等“微专业”。\n"
        "（二）建强核心教学要素。支持高校按规定聘请行业专家开展协同育人。\n"
        "（三）打造科技创新平台。依托优势高校建设创新平台。\n"
    )
    qa = small_qa(tmp_path_factory, "mention", {"opinion.txt": text})
    a = qa.ask("可以开设的“微专业”有哪些？举几个。")
    assert not a.refused and "数字政府治理" in a.text and "国际数据治理" in a.text


def test_the_big_areas_of_an_opinion_are_its_parts(tmp_path_factory):
    text = (
        "示范部关于加强数字人才培养的意见\n"
        "一、以国家战略为牵引，健全学科专业\n"
        "（一）优化学科布局。推动高校设置相关学科。\n"
        "（二）建强核心教学要素。聘请行业专家协同育人。\n"
        "二、以产业发展为导向，推进职业教育\n"
        "（三）开展职业培训。组织技能培训。\n"
        "从数据治理、数据安全、数据流通三个方面开展培训。\n"
    )
    qa = small_qa(tmp_path_factory, "areas", {"opinion.txt": text})
    a = qa.ask("意见正文分成哪几个大的方面？")
    assert not a.refused and "健全学科专业" in a.text and "推进职业教育" in a.text


def test_a_thing_signed_is_not_the_document(tmp_path_factory):
    text = (
        "示范市积分制入户管理办法\n"
        "第一条 拟入户人员名单公示期满并进行异议处理后，公布入户人员名单并签发入户卡。\n"
        "第二条 本办法自印发之日起施行。\n"
        "示范市人民政府\n"
        "2025年6月30日\n"
    )
    qa = small_qa(tmp_path_factory, "signed", {"rules.txt": text})
    a = qa.ask("入户卡是在什么时候签发的？")
    assert not a.refused and "公示期满" in a.text
    a = qa.ask("这个办法是什么时候签发的？")
    assert not a.refused and "2025年6月30日" in a.text


def test_towns_and_streets_as_a_kind_are_no_town_name(tmp_path_factory):
    text = (
        "示范市2017年法治政府建设工作要点\n"
        "一、健全依法决策机制\n"
        "（一）积极推进政府法律顾问制度。建立健全政府法律顾问制度，2017年12月底前，市、县政府工作部门、乡镇政府、街道办事处全部建立和实施政府法律顾问制度。\n"
        "（二）加强行政执法监督。完善监督方式。\n"
    )
    qa = small_qa(tmp_path_factory, "towns", {"points.txt": text})
    a = qa.ask("乡镇和街道的法律顾问制度得在哪个时间点前建起来？")
    assert not a.refused and "2017年12月底前" in a.text
    assert qa.ask("七宝镇的法律顾问制度什么时候建起来？").refused  # a town by its name is another place


def test_a_table_copied_with_spaces_between_cells_is_a_table(tmp_path_factory):
    """单位  职责分工 and rows under it, cells apart by runs of spaces (a web page's table
    copied as text): each unit's row is its own, so its duties are found; a heading spaced
    out on its own line stays a heading."""
    from assistant.documents.blocks import spaced_tables

    text = (
        "示范区违法用地综合整治工作方案\n"
        "一、工作目标\n"
        "到2026年底，完成存量违法用地整治。\n"
        "附件\n"
        "成员单位职责分工\n"
        "单位  职责分工\n"
        "区规划资源局  负责整治的组织协调、检查督办和执法查处。\n"
        "区税务局  负责对整治清单内项目调整或取消相关税收优惠政策。\n"
        "区市场监管局  对营业场所涉及违法用地的，不予办理营业执照。\n"
    )
    assert spaced_tables(["第一章  总则", "第一条 为了规范管理，制定本办法。"]) == ["第一章  总则", "第一条 为了规范管理，制定本办法。"]
    qa = small_qa(tmp_path_factory, "spacedtable", {"plan.txt": text})
    a = qa.ask("我在区税务局，整治里我们要做什么？")
    assert not a.refused and "税收优惠" in a.text and "营业执照" not in a.text


GROUPED_TABLE_PLAN = (
    "示范区城市更新行动方案\n"
    "一、重点任务\n"
    "（一）市政设施提升行动\n"
    "到2025年，完成燃气老化管道改造约30公里，完成雨污混接改造约12公里。\n"
    "附件\n"
    "示范区城市更新重点任务清单\n"
    "任务类型  序号  工作任务  推进单位\n"
    "行动一：人居环境提升行动\n"
    "旧区改造  1  完成零星旧里房屋改造  区房管局、区旧改办\n"
    "2  完成既有住宅加装电梯300台\n"
    "行动二：市政设施提升行动\n"
    "管网改造  3  完成燃气老化管道改造约30公里  区建设管理委、区应急局\n"
    "4  完成雨污混接改造约12公里\n"
    "绿化建设  5  新建口袋公园6座  区绿化市容局\n"
)


def test_a_table_whose_number_column_follows_a_group_column(tmp_path_factory):
    """任务类型 | 序号 | 工作任务 | 推进单位 copied with spaces, a group line (行动一：…)
    between the rows: each numbered row is a task; a row that leaves out the group and the
    units has those of the row above it in its group, and a group line ends them."""
    from assistant.documents.blocks import spaced_tables

    lines = GROUPED_TABLE_PLAN.split("\n")
    assert spaced_tables(lines)[7] == "行动一：人居环境提升行动"  # kept inside the table
    assert spaced_tables(lines)[8] == "旧区改造\t1\t完成零星旧里房屋改造\t区房管局、区旧改办"
    doc = parse_notice(GROUPED_TABLE_PLAN, "plan.txt")
    rows = {it.title: it for it in doc.items if it.label.startswith("附件")}
    assert len(rows) == 5
    assert {f.text for f in rows["完成既有住宅加装电梯300台"].facts_of("actor")} == {"区房管局", "区旧改办"}
    assert {f.text for f in rows["完成雨污混接改造约12公里"].facts_of("actor")} == {"区建设管理委", "区应急局"}
    # 行动二 begins a new group: nothing above it spans into row 3.
    assert "区旧改办" not in {f.text for f in rows["完成燃气老化管道改造约30公里"].facts_of("actor")}
    assert column_role("推进单位") == "责任"

    qa = small_qa(tmp_path_factory, "grouped", {"plan.txt": GROUPED_TABLE_PLAN})
    a = qa.ask("任务清单第4项是什么？")
    assert not a.refused and "雨污混接" in a.text
    a = qa.ask("附件里的任务清单一共排了多少项任务？")
    assert not a.refused and "5项" in a.text
    a = qa.ask("加装电梯这项是哪几家单位推进？")
    assert not a.refused and "区房管局" in a.text
    a = qa.ask("我是区应急局的，清单里哪几条把我们列成了责任单位？")
    assert not a.refused and "燃气老化管道" in a.text and "雨污混接" in a.text and "口袋公园" not in a.text
    # The body's task states the figure the row repeats: the body is quoted.
    a = qa.ask("燃气老化管道要改造多少公里？")
    assert not a.refused and "30公里" in a.text and "市政设施提升行动" in a.text


ROAD_PLAN = (
    "示范区农村公路管理养护体制改革实施方案\n"
    "一、主要任务\n"
    "（一）全面推行公路“路长制”工作\n"
    "根据市交通委的指导意见，于2021年全面实施并形成长效管理。设立区、镇、村三级路长组织体系，区级路长办公室设在区交通委。\n"
    "（二）加强资金使用监管\n"
    "区财政局要做好农村公路养护资金的使用监管。区审计局要做好对农村公路养护资金使用情况的审计工作。\n"
)


def test_a_year_before_what_happens_then_answers_which_year(tmp_path_factory):
    """于2021年全面实施 answers "哪一年推开" even when another sentence of the task ranks
    first; a question whose first clause says 有没有 in passing asks its last clause."""
    qa = small_qa(tmp_path_factory, "roadplan", {"plan.txt": ROAD_PLAN})
    a = qa.ask("路长制是定在哪一年全区全面推开的？")
    assert not a.refused and "2021年全面实施" in a.text
    a = qa.ask("养护资金到底有没有乱花，审计由哪个部门来做？")
    assert not a.refused and "区审计局" in a.text
    assert "审计工作" in a.text  # the sentence about the audit is quoted
    assert qa.ask("申请资金，要不要交营业执照复印件？").refused  # 要不要 asks its own clause
    assert intent_of("这项工作是哪几家单位推进？") == "unit"
    assert intent_of("标准化试点选了哪几家单位？") == "list"  # the units chosen, not who does it
    from assistant.retrieval.query import analyse

    # "经什么会研究同意": the meeting that adopted the document; "什么会影响" asks no meeting.
    assert analyse("这份方案是经什么会研究同意后印发的？", None, None).meta_field == "adopted"
    assert analyse("什么会影响审批进度？", None, None).meta_field != "adopted"


MEASURES_PLAN = (
    "示范市加快建设智能城市行动方案\n"
    "为贯彻《国务院关于深入实施智能行动的意见》（国发〔2030〕9号），落实《示范省数字经济促进条例》，制定本方案。\n"
    "一、夯实算力底座\n"
    "（一）优化算力网络。城区重要算力设施间时延不高于2ms，建设800G全光运力网。\n"
    "（二）建设科研平台。以示范实验室为核心，加强与邻省智能研究院、邻省数据实验室等交流合作。\n"
    "二、丰富文旅场景\n"
    "（三）打造智慧旅游品牌。打造“数字古城”“数字运河”“数字老街”等3个智慧旅游品牌。\n"
    "三、保障措施\n"
    "健全智能产业统计监测制度，按月开展统计监测。各区要加强统筹协调。\n"
)


def test_figures_bodies_names_and_frequencies_a_plan_writes_in_its_own_words(tmp_path_factory):
    """A limit in a Latin unit (不高于2ms); bodies a task names that are no duty (以哪家实验室
    为核心, 与哪些机构合作); the names behind a count (几个品牌都叫啥); a frequency written
    按月; the 文号 of the document the opening cites; and a topic the plan never writes
    (公积金贷款) refused even when the tokenizer reads the verb after it as a noun."""
    qa = small_qa(tmp_path_factory, "measures", {"plan.txt": MEASURES_PLAN})
    a = qa.ask("城区重要算力设施之间的时延要求不高于多少？")
    assert not a.refused and "2ms" in a.text
    a = qa.ask("科研平台是以哪家实验室为核心？")
    assert not a.refused and "示范实验室" in a.text
    a = qa.ask("要和邻省哪些机构加强交流合作？")
    assert not a.refused and "邻省智能研究院" in a.text and "没有单独列明" not in a.text
    a = qa.ask("要打造的几个智慧旅游品牌都叫啥？")
    assert not a.refused and "数字运河" in a.text
    a = qa.ask("智能产业统计监测多久开展一次？")
    assert not a.refused and "按月" in a.text
    a = qa.ask("方案开头引用的那份国务院文件，文号是多少？")
    assert not a.refused and "国发〔2030〕9号" in a.text
    assert qa.ask("住房公积金贷款最高能贷多少？").refused


def test_the_things_a_sentence_lists_answer_which_ones_not_the_parts_children(tmp_path_factory):
    """"大模型要具备哪几项能力" of a part with two tasks: the sentence that lists the abilities
    answers; "这一部分有哪几项任务" still lists the part's tasks."""
    text = (
        "示范市2030年空间智能建设工作要点\n"
        "一、聚焦大模型研发应用\n"
        "（一）基座大模型迭代行动\n"
        "1.持续迭代基座大模型。研发具备知识问答、图件调取、报告生成等3项能力的基座大模型。\n"
        "2.研发垂类模型。研发规划审查、耕地保护等垂类模型。\n"
        "二、实施机制\n"
        "（二）加强统筹。市规划资源局牵头推进。\n"
    )
    qa = small_qa(tmp_path_factory, "abilities", {"points.txt": text})
    a = qa.ask("基座大模型迭代行动要具备哪几项能力？")
    assert not a.refused and "图件调取" in a.text and "共有2项" not in a.text
    a = qa.ask("基座大模型迭代行动下有哪几项任务？")
    assert not a.refused and "研发垂类模型" in a.text


def test_how_often_is_answered_by_every_n_years_not_by_a_loose_regularly(tmp_path_factory):
    """每3年 is a frequency (a period fact); "多久更新一次" is answered by it, and a task that
    only says 定期 gets no bonus over one that says how often."""
    from assistant.documents.facts import extract_facts

    assert any(f.kind == "period" and f.text == "每3年" for f in extract_facts(["每3年对各类别耕地面积进行更新。"], 2016))
    text = (
        "示范区土壤污染防治工作方案\n"
        "1.开展农用地类别划定。2020年底前完成划定工作。根据土壤环境质量变化情况，每3年对各类别耕地面积进行更新。\n"
        "2.加强耕地监测。定期对耕地土壤环境质量开展监测，建立监测档案。\n"
    )
    qa = small_qa(tmp_path_factory, "often", {"plan.txt": text})
    a = qa.ask("耕地类别划完以后多久更新一次？")
    assert not a.refused and "每3年" in a.text


def test_several_measures_named_each_get_their_figure(tmp_path_factory):
    """"到2030年，算力、产业规模和场景各要到多少": every figure of the year's run of clauses,
    whatever its unit, not only those in the commonest unit."""
    text = (
        "示范省人工智能赋能千行百业若干措施\n"
        "一、总体目标\n"
        "到2028年，全省算力规模超过40EFLOPS，核心产业规模超过3000亿元。到2030年，全省产业底座进一步夯实，算力规模超过60EFLOPS；核心产业规模超过4400亿元；打造500个以上应用场景。\n"
        "二、重点任务\n"
        "1.建设算力网络。加快智算中心建设。\n"
    )
    qa = small_qa(tmp_path_factory, "several", {"measures.txt": text})
    a = qa.ask("到2030年，总体目标里算力、产业规模和场景各要到多少？")
    assert not a.refused and "60EFLOPS" in a.text and "4400亿元" in a.text and "500个" in a.text


def test_a_word_the_document_never_writes_does_not_refuse_a_sentence_that_answers(tmp_path_factory):
    """"复兴岛岛北的大型开放空间能容纳多少人" where the plan writes 打造岛北8万人大型开放空间:
    容纳 is never written, but the sentence holds the rest of the question and a figure."""
    text = (
        "示范市2030年城市空间建设工作要点\n"
        "1.持续举办文商旅体展活动。全年举办不少于50场品牌活动。\n"
        "2.建设复兴岛开放空间。打造复兴岛岛北8万人大型开放空间，举办音乐荟活动。\n"
        "3.推进滨水空间贯通。推进复兴岛滨水空间贯通。\n"
    )
    qa = small_qa(tmp_path_factory, "heldwithout", {"points.txt": text})
    a = qa.ask("复兴岛岛北那个大型开放空间能容纳多少人？")
    assert not a.refused and "8万人" in a.text
    assert qa.ask("复兴岛岛北开放空间的门票多少钱？").refused  # the thing asked is not there


def test_a_figure_in_another_measure_does_not_answer_a_quantity_asked_in_a_unit(tmp_path_factory):
    """"第二档从多少度开始" of a task that states a price (0.45元/千瓦时) and "多少分算达标" of one
    that counts places (86个) are refused; 千瓦时 answers 多少度, 千米 answers 多少公里."""
    text = (
        "示范省新能源上网电价改革实施方案\n"
        "1.明确机制电价。存量项目机制电价按0.45元/千瓦时执行，居民阶梯电价第二档每千瓦时加价0.05元。各县共创建达标小区86个。\n"
        "2.扩大绿电消纳。到2027年，全省绿电年消纳量达到1.2亿千瓦时。\n"
        "3.完善输电通道。新建输电线路120千米。\n"
    )
    qa = small_qa(tmp_path_factory, "measure", {"plan.txt": text})
    a = qa.ask("居民阶梯电价第二档从多少度开始算？")
    assert a.refused and "度" in a.text and "0.45" not in a.text and "0.05" not in a.text
    a = qa.ask("达标小区考核多少分算达标？")
    assert a.refused and "86" not in a.text
    a = qa.ask("到2027年全省绿电年消纳量要达到多少度？")
    assert not a.refused and "1.2亿千瓦时" in a.text
    a = qa.ask("新建输电线路多少公里？")
    assert not a.refused and "120千米" in a.text


def test_a_request_for_examples_asks_for_the_things_not_their_number():
    """"有哪些？举几个例子" lists; its 几个 counts the examples wanted, not a quantity asked."""
    from assistant.retrieval.query import analyse

    assert analyse("物业企业能提供哪些增值服务？举几个例子。").intent == "list"
    assert analyse("能举例说明一下增值服务吗").intent == "list"
    assert "例" not in analyse("物业企业能提供哪些增值服务？举几个例子。").search_text
    assert analyse("今年举办几场招聘活动？").intent == "quantity"



def test_a_span_of_time_does_not_answer_a_day_or_year_on_the_calendar(tmp_path_factory):
    """"几月几号开始申报" of a task whose only time is a span (工作时间满6个月) is not answered
    by the span, nor refused as an amount of money (its 几 asks a date); "满多久才能申请"
    is answered by the span."""
    text = (
        "示范区培育集成电路产业若干措施实施细则\n"
        "第一条 申报条件。区内集成电路企业正式员工工作时间满6个月的，企业可申请工资补贴。\n"
        "第二条 受理流程。企业提交材料后，区经发局在10个工作日内完成审核。\n"
    )
    qa = small_qa(tmp_path_factory, "calendar", {"rules.txt": text})
    a = qa.ask("集成电路工资补贴几月几号开始申报？")
    assert "6个月" not in a.text.split("。")[0] and "金额" not in a.text
    a = qa.ask("员工工作时间要满多久企业才能申请工资补贴？")
    assert not a.refused and "6个月" in a.text


def test_a_lead_with_a_colon_brings_entries_numbered_with_enclosed_numerals(tmp_path_factory):
    """"推广哪些技术？举几个例子" of an article whose list is numbered ㈠㈡㈢ (or ⑴⑵): the
    entries go with the lead that ends with a colon."""
    text = (
        "示范市绿色建筑管理办法\n"
        "第一条 为推进绿色建筑发展，制定本办法。\n"
        "第二条 市建设行政主管部门应当公布推广目录。本市推广应用以下技术和产品：\n"
        "㈠新型节能墙体与保温隔热技术；\n"
        "㈡太阳能、地热能等可再生能源；\n"
        "㈢节水器具和雨水收集利用技术。\n"
        "第三条 本办法自发布之日起施行。\n"
    )
    qa = small_qa(tmp_path_factory, "enclosed", {"rules.txt": text})
    a = qa.ask("办法推广应用的技术和产品有哪些？举几个例子。")
    assert not a.refused and "太阳能" in a.text and "节水器具" in a.text


def test_a_seat_a_price_or_a_standard_asked_is_refused_where_the_task_states_none(tmp_path_factory):
    """"办公室设在哪个部门", "按什么电价结算", "验收按什么标准" of tasks that name units, a
    practice or a duty but no seat, price or standard: the document does not say, with
    the sentence that shows it; where a task states them, they answer."""
    text = (
        "示范区养老服务补短板实施方案\n"
        "1.完善工作机制。建立由分管领导牵头的养老服务工作联席会议制度，加强统筹协调。责任单位：区民政局、各乡镇人民政府\n"
        "2.建立救助协调机制。建立临时救助联席会议制度，联席会议办公室设在区民政局。责任单位：区民政局\n"
        "7.组建工作专班。抽调相关单位人员成立工作专班，在区消防支队设立集中办公点。责任单位：区消防支队\n"
        "3.推广屋顶光伏。推进光伏发电自发自用、余电上网。责任单位：区发改局\n"
        "4.规范助餐收费。长者饭堂每餐收费不超过15元。责任单位：区民政局\n"
        "5.管护避难场所。负责应急避难场所建成后的日常管理和维护。责任单位：区应急局\n"
        "6.验收养老机构。养老机构按照《养老机构等级划分与评定》国家标准验收。责任单位：区民政局\n"
    )
    qa = small_qa(tmp_path_factory, "not_stated", {"plan.txt": text})
    a = qa.ask("养老服务工作联席会议的办公室设在哪个部门？")
    assert a.refused and "设在" in a.text
    a = qa.ask("临时救助联席会议办公室设在哪个部门？")
    assert not a.refused and "区民政局" in a.text
    a = qa.ask("工作专班的集中办公点设在哪个单位？")
    assert not a.refused and "消防支队" in a.text
    a = qa.ask("屋顶光伏余电上网按什么电价结算？")
    assert a.refused and "价格" in a.text
    a = qa.ask("长者饭堂每餐的价格是多少？")
    assert not a.refused and "15元" in a.text
    a = qa.ask("应急避难场所建成后验收要按什么标准？")
    assert a.refused and "标准" in a.text
    a = qa.ask("养老机构验收按什么标准？")
    assert not a.refused and "等级划分与评定" in a.text


def test_a_span_of_years_a_project_is_set_in_answers_when(tmp_path_factory):
    """A project list whose 建设期限 column reads 2022-2023 (cells run together) answers
    "建设期限是哪两年"; a plan's title in title marks (（2024-2026年）) sets no span."""
    from assistant.documents.facts import extract_facts

    facts = extract_facts(["落实《示范市三年行动计划（2024-2026年）》要求。"], 2024)
    assert not any(f.kind == "period" for f in facts)
    text = (
        "示范区“一老一小”整体解决方案\n"
        "一、重点任务\n"
        "（一）扩大养老服务供给。新建一批养老服务设施。\n"
        "附件1\n"
        "示范区“一老一小”重大项目清单\n"
        "序号项目名称建设性质建设期限建设内容和规模\n"
        "一、养老项目\n"
        "1示范区东山养老服务中心项目（一期）新建2022-2023总建筑面积13000平方米，建设床位300张。\n"
        "二、托育项目\n"
        "2示范区托育中心项目新建2023-2025总建筑面积5000平方米，新增托位150个。\n"
    )
    qa = small_qa(tmp_path_factory, "years", {"plan.txt": text})
    a = qa.ask("东山那个养老服务中心一期，建设期限是哪两年？")
    assert not a.refused and "2022-2023" in a.text


def test_a_question_about_what_the_opening_says_is_answered_from_the_opening(tmp_path_factory):
    """"文件开头说要加快建设的是几个中心": the opening paragraph answers, not the task that
    ranks first on 中心."""
    text = (
        "示范市人民政府办公厅关于推进商务楼宇更新提升的实施意见\n"
        "为推动商务楼宇高质量发展，加快“五个中心”建设，现提出如下意见。\n"
        "一、强化功能提升\n"
        "（一）支持楼宇兼容多种功能。在城市主中心、副中心区域，强化核心功能，建设3个楼宇服务中心。\n"
        "二、保障措施\n"
        "（二）加强组织领导。市商务委牵头推进。\n"
    )
    qa = small_qa(tmp_path_factory, "opening", {"opinions.txt": text})
    a = qa.ask("文件开头说要加快建设的是几个中心？")
    assert not a.refused and "五个中心" in a.text


def test_clauses_after_a_semicolon_share_the_subject_of_the_first(tmp_path_factory):
    """"市人社部门负责…；会同市发改部门制定…目录；组织开发…": each clause is the first body's
    duty; with 会同 it leads and the partner takes part; a clause with its own body keeps it."""
    from assistant.documents import split_sentences
    from assistant.documents.facts import extract_facts

    text = "市人力资源社会保障部门负责积分入户的统筹实施；会同市发展改革部门制定急需工种目录；组织开发积分入户信息系统。市公安部门负责入户审批。"
    facts = [f for f in extract_facts(split_sentences(text), 2025) if f.kind == "actor"]
    by = {}
    for f in facts:
        by.setdefault(f.sentence, []).append((f.text, f.role))
    assert ("市人力资源社会保障部门", "牵头") in by[1] and ("市发展改革部门", "配合") in by[1]
    assert by[2] == [("市人力资源社会保障部门", "")]
    assert by[3] == [("市公安部门", "")]
    doc = "示范市积分制入户管理办法\n第一条 为规范积分入户，制定本办法。\n第二条 " + text + "\n第三条 本办法自印发之日起施行。\n"
    qa = small_qa(tmp_path_factory, "subjects", {"measures.txt": doc})
    a = qa.ask("急需工种目录是哪个部门牵头制定的？")
    assert not a.refused and "市人力资源社会保障部门" in a.text.split("。")[0]


def test_a_count_of_departments_is_a_figure_the_opening_can_state():
    """"国家数据局等17部门联合印发": a count of departments, which "多少个部门联合发的" asks."""
    from assistant.documents.facts import figures

    assert [t for t, _, _ in figures("为贯彻落实国家数据局等17部门联合印发的三年行动计划")] == ["17部门"]


def test_a_follow_up_picks_its_figure_by_its_own_words_and_the_bound_it_asks(tmp_path_factory):
    """"…至少要占多少比例？别的方式最多多少？": the second part is not the first part's figure
    again; its own 最多 picks the figure stated as an upper bound (不得超过…30%)."""
    text = (
        "示范区违法用地综合整治三年行动工作方案\n"
        "一、工作措施\n"
        "（一）分解任务目标。每年整治计划中，以“拆除还地”和“清退没收”方式整治的面积不低于当年计划任务量的70%;"
        "以“其他方式”整治的面积不得超过当年计划任务量的30%。\n"
        "（二）加强督查。区规划资源局每季度通报进展。\n"
    )
    qa = small_qa(tmp_path_factory, "bound", {"plan.txt": text})
    a = qa.ask("每年计划里拆除还地、清退没收至少要占多少比例？别的方式最多多少？")
    first, second = a.text.split("（2）")
    assert "70%" in first and second.startswith("30%")


def test_a_count_of_things_a_task_states_is_not_a_count_of_the_documents_parts(tmp_path_factory):
    """"精品道路 每年 几条": the task that states 每年建设100条精品道路 answers, not the number of
    the document's tasks; "文件有几条" still counts the tasks."""
    text = (
        "示范市交通精细化管理工作方案\n"
        "一、提升道路环境\n"
        "（一）建设精品道路。三年建设精品道路300条，每年建设精品道路100条。\n"
        "（二）整治道路设施。完成道路设施整治。\n"
        "二、保障措施\n"
        "（三）加强组织领导。市交通委牵头推进。\n"
    )
    qa = small_qa(tmp_path_factory, "things", {"plan.txt": text})
    a = qa.ask("精品道路 每年 几条")
    assert not a.refused and "100条" in a.text and "文件共列出" not in a.text and not a.text.startswith("1）")
    assert "3" in qa.ask("这个文件一共有几条？").text


def test_a_deadline_that_recurs_competes_with_the_tasks_dates(tmp_path_factory):
    """"年度总结最迟哪天报" of a stage dated 12月中旬前 whose sentence about the report says
    每年12月15日前: the recurring deadline of the sentence asked about answers."""
    text = (
        "示范区违法用地综合整治三年行动工作方案\n"
        "一、实施步骤\n"
        "(一)排查阶段(6月底前)\n"
        "各街镇完成排查。\n"
        "(二)整治推进阶段(12月中旬前)\n"
        "各街镇推进整治，做好总结报告等工作。区规划资源局要于每年12月15日前报送年度整治工作总结。\n"
    )
    qa = small_qa(tmp_path_factory, "recurs", {"plan.txt": text})
    a = qa.ask("区规划资源局的年度整治总结最迟哪天报？")
    assert not a.refused and a.text.startswith("每年12月15日前")


def test_where_to_hand_something_in_is_answered_by_the_sentence_that_says_to_whom(tmp_path_factory):
    """"去哪里递申请" of an article whose other sentences share more words with the question:
    the sentence that says to whom (向…镇人民政府提出申请) is quoted first."""
    text = (
        "示范市临时救助实施细则\n"
        "第一条 为规范临时救助工作，制定本细则。\n"
        "第二条 凡认为符合临时救助条件的城乡居民可向户籍所在地镇人民政府(街道办事处)提出申请。"
        "申请临时救助应按照规定程序申请办理。申请临时救助的申请材料可以通过网络核验办理。\n"
        "第三条 本细则自印发之日起施行。\n"
    )
    qa = small_qa(tmp_path_factory, "addressee", {"rules.txt": text})
    a = qa.ask("老百姓申请临时救助去哪里递申请？")
    assert not a.refused and "镇人民政府" in a.text.split("”")[0]


def test_a_choice_between_periods_asks_how_often_and_几处_counts_places(tmp_path_factory):
    """"是按季度发还是按月发" asks how often: a task that only says 适时发布 does not say; "今年
    定了几处" asks a count of places (a task that says 一批 states none); tasks that state them
    answer."""
    text = (
        "示范市商务楼宇更新提升实施意见\n"
        "一、强化数字赋能\n"
        "（一）建设监测平台。跟踪楼宇市场动态，适时发布商务楼宇监测报告。\n"
        "（二）督改火灾隐患。每年挂牌督改一批重大火灾隐患。\n"
    )
    stations = "示范区便民服务站建设方案\n1.建设便民服务站。每年建设3处社区便民服务站。\n2.发布租金指数。按季度发布便民服务站租金指数。\n"
    qa = small_qa(tmp_path_factory, "periods", {"opinions.txt": text, "stations.txt": stations})
    a = qa.ask("商务楼宇监测报告是按季度发还是按月发？")
    assert a.refused and "频次" in a.text
    from assistant.answering.task import RE_COUNT_OF_THINGS
    from assistant.retrieval.query import analyse

    assert analyse("每年挂牌督改的重大火灾隐患，今年定了几处？").intent == "quantity"
    assert RE_COUNT_OF_THINGS.search("今年定了几处")
    a = qa.ask("便民服务站租金指数是按季度发还是按月发？")
    assert not a.refused and "按季度" in a.text
    a = qa.ask("每年建设几处社区便民服务站？")
    assert not a.refused and "3处" in a.text


def test_a_date_the_task_found_lacks_is_looked_for_where_the_document_states_it(tmp_path_factory):
    """"具体实施方案啥时候编完" answered from a task the search ranked first that states no
    date (in a long document the task that does may rank below the candidates): the task
    that states one and holds the question's words answers, not "the document sets no
    time"; with no such task the refusal stands."""
    from assistant.answering import task
    from assistant.retrieval.query import analyse

    text = (
        "示范区2018年进一步推进公厕建设实施方案\n"
        "一、总体目标\n"
        "按照全域旅游要求，推进公厕建设和管理，全面提升公厕服务水平。\n"
        "二、主要任务\n"
        "（一）开展公厕普查。对全区现有公厕进行普查。（责任单位：区交建局）\n"
        "（二）加强统筹部署。2月底前编制完成具体实施方案，明确任务分解。（责任单位：区交建局）\n"
    )
    qa = small_qa(tmp_path_factory, "elsewhere", {"plan.txt": text})
    qa.ask("公厕普查由谁负责？")
    composer, doc = qa._engine.composer, qa.documents[0]
    goal = doc.items[0]
    a = composer.kind_elsewhere(analyse("具体实施方案要求啥时候编完？"), doc, goal, task.deadline)
    assert not a.refused and a.text.startswith("2月底前")
    a = composer.kind_elsewhere(analyse("公厕服务水平什么时候全面提升？"), doc, goal, task.deadline)
    assert a.refused


def test_a_figure_stated_for_another_year_does_not_answer_the_year_asked(tmp_path_factory):
    """"到2025年要建到多少所" of a task that states a count 截至2022年: no figure is given for
    2025, which the answer says; the year stated answers its own question."""
    text = (
        "示范区养老服务整体解决方案\n"
        "一、发展基础\n"
        "截至2022年，全区建成养老机构15家、社区日间照料中心6所、农村幸福院116所。\n"
        "二、整体目标\n"
        "到2025年，全区各类养老床位总量3000张。\n"
    )
    qa = small_qa(tmp_path_factory, "other_year", {"plan.txt": text})
    a = qa.ask("社区日间照料中心到2025年要建到多少所？")
    assert a.refused and "2025年" in a.text and "6所" in a.text
    a = qa.ask("截至2022年社区日间照料中心建成多少所？")
    assert not a.refused and "6所" in a.text
    from assistant.answering.task import RE_SHARE_ASKED

    assert RE_SHARE_ASKED.search("新生儿访视率2024年要达到多少")


def test_a_sentence_about_the_opposite_thing_does_not_answer(tmp_path_factory):
    """"高压用户办电不超过几个工作日" of a document that sets limits for 低压用户 only: the
    limit of the other kind of user is no answer."""
    text = (
        "关于优化用电营商环境的意见\n"
        "（一）压减办电时间。低压用户全过程办电时间，无外线工程的不超过5个工作日，有外线工程的不超过15个工作日。\n"
        "（二）提升供电可靠性。城市用户平均停电时间持续下降。\n"
    )
    qa = small_qa(tmp_path_factory, "opposite", {"opinions.txt": text})
    a = qa.ask("高压用户办电全流程时间不能超过几个工作日？")
    assert a.refused and "高压" in a.text
    a = qa.ask("低压用户办电全流程时间不能超过几个工作日？")
    assert not a.refused and "5个工作日" in a.text
    from assistant.answering.scorer import contrasted

    assert contrasted("增量项目什么时候竞价", "存量项目自次月起执行") == ("增量", "存量")
    assert contrasted("审核要几天", "审查在3个工作日内完成") is None


def test_可以_is_not_a_term_a_list_question_searches_for():
    """"哪些人可以不用交房租": 以 of 可以 does not make 不用交房租 a term searched for (as
    以…开头 would)."""
    from assistant.answering.lists import asked_terms

    assert asked_terms("哪些人住公租房可以不用交房租？") == []
    assert asked_terms("哪些事项可以不纳入好差评的评价范围？") == []
    assert asked_terms("哪几项以“推进”开头？") == ["推进"]


def test_a_date_asked_is_not_answered_by_a_manner_or_by_every_year(tmp_path_factory):
    """"哪年哪月之前出台" of a task that says only 适时制定 (及时收集…): no date is set, and the
    manner is no answer to a date; "每年几月份开始受理" of a task that says only 每年度: no
    month is given. A task that writes its month (每年3月起受理) answers."""
    text = (
        "示范市积分入户管理办法\n"
        "第一条 市政务服务局应及时收集本办法实施中反映的问题，适时制定管理细则。\n"
        "第二条 每年度积分入户人数实行总量控制，纳入当年迁入人口计划。\n"
        "第三条 居住证申领每年3月起集中受理。\n"
    )
    qa = small_qa(tmp_path_factory, "date_asked", {"rules.txt": text})
    a = qa.ask("市政务服务局的管理细则要求哪月之前出台？", doc="rules")
    assert a.refused and "要求“" not in a.text
    a = qa.ask("积分入户人数总量控制每年几月份开始？")
    assert a.refused and "时间要求为" not in a.text
    a = qa.ask("居住证申领每年几月份开始受理？")
    assert not a.refused and "3月起" in a.text


def test_a_count_question_that_names_a_topic_is_answered_by_the_sentence_about_it(tmp_path_factory):
    """"讲了哪几条基本原则" names a topic of its own: the sentence about the principles
    answers, not the document's count of tasks; "全文一共有多少条具体措施" and "正文分成
    哪几个大的方面" still count the document's parts."""
    text = (
        "示范区城市更新行动方案\n"
        "一、总体要求\n"
        "（一）基本原则。坚持规划引领、试点先行；区域统筹、整体推进；民生为先、品质为重。\n"
        "二、重点任务\n"
        "（二）推进旧区改造。完成旧住房成套改造10万平方米。\n"
        "（三）提升公共空间。新建口袋公园5座。\n"
        "（四）完善热线机制。完善热线数据辅助决策机制，提升日报告、周分析、月通报工作质效。\n"
    )
    qa = small_qa(tmp_path_factory, "topic_count", {"plan.txt": text})
    a = qa.ask("这份更新方案讲了哪几条基本原则？", doc="plan")
    assert not a.refused and "民生为先" in a.text and "共列出" not in a.text
    a = qa.ask("热线数据辅助决策，要提升哪几项工作的质效？", doc="plan")
    assert not a.refused and "周分析" in a.text
    a = qa.ask("全文一共有多少条具体措施？", doc="plan")
    assert not a.refused and "4项" in a.text
    a = qa.ask("方案正文分成哪几个大的方面？", doc="plan")
    assert not a.refused and "2个部分" in a.text
    a = qa.ask("我要把这份方案拆成任务清单，带括号编号的具体工作一共有多少项？", doc="plan")
    assert not a.refused and "4项" in a.text


def test_a_lead_that_ends_with_a_colon_is_answered_with_the_parts_under_it(tmp_path_factory):
    """"三大行动分别叫什么" of a part whose text is a lead ending with a colon and whose
    entries are the parts under it: the parts are listed, not the lead alone."""
    text = (
        "示范区城市更新行动方案\n"
        "一、总体要求\n"
        "坚持规划引领，推进城市更新。\n"
        "二、重点任务\n"
        "聚焦区域，分类梳理，开展三大“卓越行动”：\n"
        "（一）再造发展新极行动。推进重点区域整体更新。\n"
        "（二）重塑美丽新居行动。推进旧住房成套改造。\n"
        "（三）点燃商业新擎行动。推进商圈能级提升。\n"
    )
    qa = small_qa(tmp_path_factory, "colon_parts", {"plan.txt": text})
    a = qa.ask("三大“卓越行动”分别叫什么？", doc="plan")
    assert not a.refused and all(x in a.text for x in ("再造发展新极", "重塑美丽新居", "点燃商业新擎"))


def test_a_number_or_an_amount_asked_needs_a_sentence_that_writes_one(tmp_path_factory):
    """"投诉电话号码是多少" of a task that mentions 投诉电话 without a number, and "每餐能补贴
    几块钱" of one that mentions meals without an amount, are refused with the sentence; a
    contact line of the cover (市卫生健康委联系人：…，联系电话：…) is the notice's contact,
    and a price stated as a kind (实行居民价格) answers 按什么价收."""
    text = (
        "示范市卫生健康委关于印发养老服务实施方案的通知\n"
        "各区卫生健康局：\n"
        "现将实施方案印发给你们，请认真贯彻执行。\n"
        "市卫生健康委联系人：张三，联系电话：81085234\n"
        "示范市卫生健康委\n"
        "2023年10月19日\n"
        "示范市养老服务实施方案\n"
        "（一）畅通评价渠道。各区应公布投诉电话号码，通过意见箱、举报平台等渠道接受社会监督。\n"
        "（二）发展老年助餐。科学布局长者食堂和老年助餐点，对老年人助餐给予补贴。\n"
        "（三）落实优惠政策。养老机构用水、用电、用气实行居民价格。\n"
    )
    qa = small_qa(tmp_path_factory, "phone_amount", {"plan.txt": text})
    a = qa.ask("对养老服务不满意想投诉，投诉电话是哪个号码？", doc="plan")
    assert a.refused and "电话号码" in a.text
    a = qa.ask("去助餐点吃饭，老人每餐能补贴几块钱？", doc="plan")
    assert a.refused and "金额" in a.text
    a = qa.ask("养老机构的水电气按什么价收？", doc="plan")
    assert not a.refused and "居民价格" in a.text
    a = qa.ask("市卫生健康委的联系人和电话是啥？", doc="plan")
    assert not a.refused and "81085234" in a.text
    assert "81085234" in parse_notice(text).meta.contact


def test_a_question_that_states_the_time_asks_for_the_things_due_then(tmp_path_factory):
    """"到2026年底要达成哪些目标", "一季度前要做完的都是些啥": the time is given, so the
    question asks for the things, not for a date; "什么时候之前完成" still asks when."""
    assert intent_of("北京的方案，到2026年底要达成哪些目标？") == "list"
    assert intent_of("时间表上一季度前要做完的都是些啥？") == "list"
    assert intent_of("哪些工作要在什么时候之前完成？") == "deadline"
    assert intent_of("数据专区要在哪年年底前建成？") == "deadline"
    text = (
        "示范市数据要素实施方案\n"
        "（一）主要目标。到2026年底，建成50个以上公共数据专区，打造100个应用场景。\n"
        "（二）推进数据开放。2025年6月底前，完成公共数据开放目录编制。\n"
    )
    qa = small_qa(tmp_path_factory, "stated_time", {"plan.txt": text})
    a = qa.ask("到2026年底要达成哪些目标？", doc="plan")
    assert not a.refused and "50个" in a.text and "100个" in a.text


def test_a_term_the_opening_spells_out_answers_what_it_stands_for(tmp_path_factory):
    """"三零服务指哪三个零" of a document whose opening spells the term out in brackets
    (“三零”（零上门、零审批、零投资）) while a task is named after it: the opening's sentence
    answers."""
    text = (
        "关于深化提升用电服务水平的意见\n"
        "近年来，全国实现了用电报装“三零”（零上门、零审批、零投资）服务，用户办电更加便捷。\n"
        "一、持续改革创新\n"
        "（一）巩固提升“三零”服务。拓展“三零”服务对象，鼓励有条件的地区提升低压接入容量上限。\n"
        "（二）深化“三省”服务。推广线上办电。\n"
    )
    qa = small_qa(tmp_path_factory, "spelled", {"opinions.txt": text})
    a = qa.ask("三零服务 指哪三个零", doc="opinions")
    assert not a.refused and all(x in a.text for x in ("零上门", "零审批", "零投资"))


def test_a_span_of_working_days_asked_is_no_count_of_parts(tmp_path_factory):
    """"结果要在多少个工作日内告诉" names a part (三、用好评价结果) by its words, but asks a
    span of time: the parts under it are no answer; the task that states the limit is."""
    text = (
        "关于建立政务服务评价制度的实施意见\n"
        "三、用好评价结果\n"
        "（七）健全整改机制。相关责任部门应在7日内完成核实整改。\n"
        "（八）加强结果分析。定期分析评价数据。\n"
        "（九）强化结果运用。被评价工作人员可在收到整改通知3个工作日内申请复核。\n"
    )
    qa = small_qa(tmp_path_factory, "working_days", {"opinions.txt": text})
    a = qa.ask("收到整改通知后，评价结果要在多少个工作日内申请复核？", doc="opinions")
    assert not a.refused and "3个工作日" in a.text and "共有3项" not in a.text

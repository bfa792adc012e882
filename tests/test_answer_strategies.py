"""Answer strategies on a small task-division plan written for these tests (any document of
the genre, not the bundled notice), with the fake embedder: a unit's tasks by its short
form, 有没有时间要求 of a part, figures a question quotes, counts of things versus counts of
tasks, elliptical and back-referring follow-ups."""

import re

import pytest

from assistant.answering.unit_tasks import abbreviated_unit, is_label_line
from assistant.answering.task import question_figures
from assistant.retrieval.query import analyse

PLAN = """示范市人民政府办公室关于印发示范市2024年营商环境改革任务分工方案的通知
示政办〔2024〕12号
各区人民政府，市政府各部门：
现将《示范市2024年营商环境改革任务分工方案》印发给你们，请认真贯彻执行。
一、提升政务服务水平
1.推进政务服务事项网上办理。全市政务服务事项网上可办率达到95%以上，2024年6月底前完成。（责任单位：市政务服务和数据管理局）
2.优化企业开办流程。企业开办时间压缩至1个工作日以内。（责任单位：市市场监督管理局；配合单位：市税务局）
3.建设企业服务热线。开通12345企业服务专线，为企业提供政策咨询服务。（责任单位：市政务服务和数据管理局）
二、强化要素保障
4.加强用地保障。新增工业用地300公顷，2024年12月底前完成。（责任单位：市自然资源局）
5.加强融资支持。支持200家中小企业获得信用贷款，贷款总额达到80亿元。（责任单位：市金融工作局）
6.培育专业人才。每年培训企业经营管理人员1000人次。（责任单位：市人力资源和社会保障局）
示范市人民政府办公室
2024年3月1日
"""


@pytest.fixture(scope="module")
def plan_qa(tmp_path_factory):
    from assistant.testing import small_assistant

    return small_assistant(tmp_path_factory.mktemp("plan"), {"plan.txt": PLAN})


def test_short_unit_forms():
    units = ["市政务服务和数据管理局", "市市场监督管理局", "省推进工业互联网创新发展专项工作组"]
    assert abbreviated_unit("市政数局要负责哪些工作", units) == "市政务服务和数据管理局"
    assert abbreviated_unit("市监局牵头哪些", units) == "市市场监督管理局"
    # A plain part of a name is a kind of body, not a short form of this unit.
    assert abbreviated_unit("各级专项工作组怎么成立", units) == ""
    assert abbreviated_unit("今年有哪些工作", units) == ""


def test_label_lines_say_nothing_of_the_work():
    assert is_label_line("（责任单位：市自然资源局）")
    assert is_label_line("（2分）（持续推进，牵头考核单位：市城管执法局）")
    assert not is_label_line("（市交通局牵头）全面加强配套管网建设。")
    assert not is_label_line("加强用地保障。")


def test_figures_a_question_quotes_are_not_years():
    assert question_figures("2024年贷款总额达到80亿元是哪项") == ["80亿"]
    assert question_figures("网上可办率95%什么时候完成") == ["95%"]
    assert question_figures("2024年有哪些任务") == []


def test_unit_tasks_by_short_form_quote_each_task(plan_qa):
    a = plan_qa.ask("市政数局要负责哪些工作？")
    assert a.text.startswith("“市政务服务和数据管理局”")
    assert set(a.items) == {1, 3}
    assert "12345企业服务专线" in a.text  # what the task asks, not only its title
    # Each task is cited whole, so its unit line backs the claim.
    assert all("市政务服务和数据管理局" in c.text for c in a.citations)


def test_tasks_asked_of_a_unit_in_any_word_order(plan_qa):
    a = plan_qa.ask("哪几项任务要市税务局配合？")
    assert a.items == (2,)


def test_whether_a_part_sets_time_limits_lists_both_kinds(plan_qa):
    a = plan_qa.ask("强化要素保障那部分有没有时间要求？")
    assert "其中2项没有写明具体完成时间" in a.text
    assert "加强融资支持" in a.text and "培育专业人才" in a.text
    assert "2024年12月底前" in a.text  # the one that has a limit, with it


def test_a_count_of_things_is_a_figure_not_a_count_of_tasks(plan_qa):
    a = plan_qa.ask("一共要支持多少家中小企业获得信用贷款？")
    assert "200家" in a.text and not a.text.startswith("文件共列出")
    tasks = plan_qa.ask("一共有多少项工作？")
    assert tasks.text.startswith("文件共列出6项工作，分为2个部分。第一项是1.推进政务服务事项网上办理[1]，最后一项是6.培育专业人才[2]。")


def test_a_quoted_figure_picks_the_task(plan_qa):
    a = plan_qa.ask("贷款总额要达到80亿元，这项工作谁负责？")
    assert a.items == (5,) and a.text.startswith("市金融工作局")


def test_elliptical_followup_asks_the_previous_question_of_a_new_thing(plan_qa):
    history = [{"role": "user", "content": "新增工业用地多少公顷？"}, {"role": "assistant", "content": "300公顷（第4项）。"}]
    q = analyse("那中小企业贷款呢？", history)
    assert q.intent == "quantity"
    a = plan_qa.ask("那中小企业贷款呢？", history=history)
    assert "200家" in a.text or "80亿元" in a.text


def test_back_reference_to_a_part_named_before(plan_qa):
    history = [{"role": "user", "content": "第二部分是什么？"}, {"role": "assistant", "content": "二、强化要素保障。"}]
    a = plan_qa.ask("它下面有几项？", history=history)
    assert re.search(r"(?:下设|共)3项", a.text) and set(a.items) == {4, 5, 6}


def test_evidence_of_a_task_is_the_share_of_the_question_its_best_sentence_holds(plan_qa):
    from assistant.retrieval.query import analyse

    composer = plan_qa.composer
    doc = plan_qa.documents[0]
    query = analyse("中小企业信用贷款总额要达到多少？", None, doc)
    q = composer.weights(query.search_text, doc)
    loans, land = doc.item(5), doc.item(4)
    assert composer.evidence(query, q, loans) > composer.evidence(query, q, land)
    # A sentence stating a fact of the asked kind (a figure) earns the bonus on top.
    from dataclasses import replace

    from assistant.answering.compose import EVIDENCE_KIND_BONUS

    assert query.intent == "quantity"
    plain = composer.evidence(replace(query, intent="content"), q, loans)
    assert composer.evidence(query, q, loans) == pytest.approx(plain + EVIDENCE_KIND_BONUS)


def test_evidence_weights_discount_words_every_part_of_the_document_shares(plan_qa):
    composer = plan_qa.composer
    doc = plan_qa.documents[0]
    df, n = composer.doc_df(doc)
    weights = composer.weights("中小企业信用贷款总额要达到多少？", doc)
    idf = composer.searcher.bm25.idf
    for word, weight in weights.items():
        assert weight <= idf.get(word, 0.0) + 1e-9
        if df.get(word, 0) == n:
            assert weight == pytest.approx(0.0)
    # The words that tell the parts apart keep weight: 信用贷款 is in one task only.
    assert 0 < df.get("贷款", 0) < n and weights["贷款"] > 0


def test_a_numbered_part_that_is_not_a_task_can_answer(tmp_path_factory):
    """A 专栏 box holds figures of its own: a question about them is answered from it."""
    from assistant.testing import small_assistant

    text = (
        "示范省工业互联网行动计划\n一、重点任务\n（一）推进企业上云。\n1．加快中小企业上云。鼓励云服务商开发解决方案，降低企业上云成本。\n"
        "专栏1　企业登云提质扩面工程\n积极引进国内知名云服务商。每年培育登云企业6000家以上，学习先进地区云服务模式。\n"
        "2．加强人才培养。建设工业互联网实训基地。\n"
    )
    qa = small_assistant(tmp_path_factory.mktemp("box"), {"plan.txt": text})
    answer = qa.ask("每年要培育多少家登云企业？")
    assert not answer.refused
    assert "6000家" in answer.text
    assert any("6000家" in c.text for c in answer.citations)
    assert "专栏1" in answer.text


def test_a_count_under_a_task_counts_its_enumeration(tmp_path_factory):
    from assistant.testing import small_assistant

    text = (
        "示范市政务数据管理办法\n第一条　为了规范政务数据管理，制定本办法。\n"
        "第二条　政务部门有下列情形之一的，由本级数据主管部门责令整改：\n（一）未按规定编制目录的；\n（二）拒绝共享数据的；\n（三）擅自开放数据的。\n"
        "第三条　本办法自发布之日起施行。\n"
    )
    qa = small_assistant(tmp_path_factory.mktemp("measures"), {"measures.txt": text})
    a = qa.ask("第二条列了多少种要责令整改的情形？")
    assert "下设3项" in a.text and "拒绝共享数据" in a.text


def test_a_parts_topic_does_not_turn_a_figure_question_into_a_list_of_the_part(plan_qa):
    a = plan_qa.ask("强化要素保障方面，要支持多少家中小企业？")
    assert "200家" in a.text and "下设" not in a.text


def test_a_question_about_things_the_document_never_writes_is_refused(plan_qa):
    # Two nouns of the asking clause the plan never writes: it does not say.
    a = plan_qa.ask("海外仓跨境电商企业开办时间要压缩到多少？")
    assert a.refused and a.intent == "not_stated" and ("海外" in a.text or "跨境" in a.text)
    # One alone may be a paraphrase: answered.
    b = plan_qa.ask("新办企业开办时间要压缩到多少？")
    assert not b.refused and "1个工作日以内" in b.text


def test_an_acronym_names_its_document():
    from assistant.documents import parse_notice
    from assistant.retrieval.search import named_documents

    rcep = parse_notice("安徽省关于加快对接RCEP经贸新规则的实施意见\n一、扩大出口\n1.扩大优势产品出口。（省商务厅负责）\n", source="rcep.txt")
    other = parse_notice("安徽省人民政府办公厅关于支持工业互联网发展的若干政策\n一、平台建设\n1.支持平台建设。（省经信厅负责）\n", source="ii.txt")
    assert named_documents("安徽RCEP 意见 出口 谁负责", [rcep, other]) == [rcep.doc_id]
    assert named_documents("安徽 意见 出口 谁负责", [rcep, other]) == []


def test_a_message_with_several_questions_is_split():
    from assistant.retrieval.messages import split_questions

    assert split_questions("现将方案印发，是按哪个文件部署？清理结果报给谁") == ["现将方案印发，是按哪个文件部署？", "清理结果报给谁"]
    assert split_questions("网上可办率要达到多少，转化率呢") == ["网上可办率要达到多少", "转化率呢"]
    assert split_questions("乡镇要履行第几级网格的职责，另外网格化管理从什么时候开始实行？") == ["乡镇要履行第几级网格的职责", "网格化管理从什么时候开始实行？"]
    # One question, even with a comma or two asking words in one clause, stays whole.
    assert split_questions("二（四）是哪方面的指标，几分？") == ["二（四）是哪方面的指标，几分？"]
    assert split_questions("规范性文件什么时候前要录入数据库？") == ["规范性文件什么时候前要录入数据库？"]


def test_answers_to_several_questions_are_numbered_with_one_list_of_citations(plan_qa):
    a = plan_qa.ask("新增工业用地多少公顷？中小企业贷款总额要达到多少？")
    assert a.intent == "multi" and a.text.startswith("（1）") and "\n（2）" in a.text
    assert "300公顷" in a.text and "80亿元" in a.text
    import re

    markers = {int(m) for m in re.findall(r"\[(\d+)\]", a.text)}
    assert markers == set(range(1, len(a.citations) + 1))  # renumbered into one list
    assert {4, 5} <= set(a.items)


def test_years_a_question_names_in_short_forms():
    from assistant.retrieval.years import years_in

    assert years_in("06年国内生产总值最后是多少") == ["2006"]
    assert years_in("83年全国工业总产值实际增长多少") == ["1983"]
    assert years_in("2016年和2017年") == ["2016", "2017"]
    # A number of years, not a year.
    assert years_in("今后10年") == [] and years_in("12年义务教育") == [] and years_in("90年代") == []


def test_a_term_is_found_as_words_not_across_them(plan_qa):
    # 务网 stands in 政务网上, but as no word of its own.
    a = plan_qa.ask("哪些工作提到了“务网”？")
    assert a.refused
    b = plan_qa.ask("标题里提到“企业”的工作有哪些？")
    assert set(b.items) == {2, 3} and all(c.kind == "heading" for c in b.citations)


def test_a_quote_is_cut_around_its_focus_even_when_it_is_the_last_clause():
    from assistant.answering import quote

    sentence = "构建智慧旅游服务体系，提升旅游信息化水平，初步实现主要景区免费无线网络、智能导游、电子讲解、在线预订等功能全覆盖。"
    shown = quote(sentence, "初步实现主要景区免费无线网络、智能导游、电子讲解、在线预订等功能全覆盖。", max_len=50)
    assert shown.startswith("……") and "智能导游" in shown


def test_a_numeral_glued_to_a_word_is_no_heading_number():
    from assistant.answering.structure import _steps

    assert _steps("多证合一、一照一码要在啥时候前完成") == []
    assert [s[:2] for s in _steps("三、（二）是什么")] == [("一、", 3), ("（一）", 2)]
    assert [s[:2] for s in _steps("附件的二（四）")] == [("附件", 0), ("一、", 2), ("（一）", 4)]

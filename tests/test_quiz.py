"""The quiz builder: every generated question passes the validity checks, generation is
deterministic, filters and errors behave, outputs open, grading is exact, and the CLI."""

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from assistant.cli import main
from assistant.documents import parse_file
from assistant.quiz import (
    QuizQuestion,
    build_quiz,
    capacity,
    enumerations,
    format_grade,
    grade,
    overlaps,
    load_answers,
    load_quiz,
    to_csv,
    to_docx,
    to_json,
    to_markdown,
    validate,
)
from assistant.schema import InputError

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"


@pytest.fixture(scope="module")
def doc():
    return parse_file(NOTICE)


@pytest.fixture(scope="module")
def quiz100(doc):
    return build_quiz(doc, n=100, seed=7)


@pytest.fixture(scope="module")
def quiz4(doc):
    return build_quiz(doc, n=4, seed=7)


# ---------------------------------------------------------------- generation


def test_capacity_of_the_notice(doc):
    assert capacity(doc) == {"single": 293, "multi": 41, "tf": 97, "blank": 193}
    assert capacity(doc, chapters=[3]) == {"single": 21, "multi": 4, "tf": 4, "blank": 18}


def test_100_questions_pass_every_check(doc, quiz100):
    assert len(quiz100) == 100
    assert [q.id for q in quiz100] == [f"q{i}" for i in range(1, 101)]
    assert {t: sum(q.type == t for q in quiz100) for t in ("single", "multi", "tf", "blank")} == {
        "single": 25, "multi": 25, "tf": 25, "blank": 25,
    }
    for q in quiz100:
        assert validate(q, doc) == [], q.to_dict()
        item = doc.item(q.item_number)
        assert q.item == item.ref and q.chapter == item.chapter
        assert q.sentence in item.sentences
        assert f"“{q.sentence}”" in q.explanation  # the explanation quotes the original sentence
        assert q.difficulty in ("easy", "medium", "hard")
    assert len({q.question for q in quiz100}) == 100
    assert len({q.uid for q in quiz100}) == 100
    tf = [q.answer for q in quiz100 if q.type == "tf"]
    assert (tf.count("对"), tf.count("错")) == (12, 13)
    # Questions come grouped by type, in the order of the notice within a type.
    types = [q.type for q in quiz100]
    assert types == sorted(types, key=["single", "multi", "tf", "blank"].index)


def test_no_question_gives_another_away(doc, quiz100):
    assert overlaps(quiz100, doc) == []
    # A cloze shows the other members of its list, so it would answer a blank on one of them.
    cloze = next(q for q in quiz100 if q.type == "single" and q.kind == "member")
    blank = replace(cloze, id="q999", type="blank", answer=cloze.answer_text, options=(), context=cloze.context)
    member = next(m for e in enumerations(doc.item(cloze.item_number)) for m in e.members
                  if m.text != cloze.answer_text and m.text in cloze.context and cloze.sentence == doc.item(cloze.item_number).sentences[m.sentence])
    other = replace(blank, answer=member.text, answer_text=member.text, context=cloze.sentence.replace(member.text, "＿＿＿＿", 1))
    assert overlaps([cloze, other], doc) == [(cloze.id, "q999")]


def test_more_questions_than_sentences_carry(capsys, doc):
    # Chapter 3 has five sentences: 20 questions must share them, and the CLI says so.
    quiz = build_quiz(doc, n=20, seed=7, chapters=[3])
    assert len(quiz) == 20 and all(validate(q, doc) == [] for q in quiz)
    hints = overlaps(quiz, doc)
    assert hints
    assert main(["quiz", "--n", "20", "--chapter", "3", "--file", str(NOTICE)]) == 0
    err = capsys.readouterr().err
    assert err == f"提示：题量较大，有 {len(hints)} 对题目出自同一句原文，可能互相提示（如 {hints[0][0]} 与 {hints[0][1]}）。减少题量可避免。\n"
    assert overlaps(build_quiz(doc, n=6, seed=7, chapters=[3]), doc) == []


def test_exact_questions(doc):
    tf = build_quiz(doc, n=1, seed=7, types="tf", items=[28])[0]
    assert tf.to_dict() == {
        "id": "q1",
        "type": "tf",
        "question": "判断对错：根据通知（二十八）健全依法化解纠纷机制，“规范社区矫正执法行为，推进县（市、区）社区矫正中心建设，确保2017年10月底前覆盖县（市、区）。”",
        "answer": "错",
        "explanation": "原文是“2017年底前”，题中改成了“2017年10月底前”。原文出自（二十八）健全依法化解纠纷机制：“规范社区矫正执法行为，推进县（市、区）社区矫正中心建设，确保2017年底前覆盖县（市、区）。”",
        "item": "（二十八）健全依法化解纠纷机制",
        "item_number": 28,
        "chapter": 8,
        "sentence": "规范社区矫正执法行为，推进县（市、区）社区矫正中心建设，确保2017年底前覆盖县（市、区）。",
        "context": "规范社区矫正执法行为，推进县（市、区）社区矫正中心建设，确保2017年10月底前覆盖县（市、区）。",
        "options": [],
        "answer_text": "错",
        "kind": "deadline",
        "difficulty": "hard",
        "accept": [],
        "change": ["2017年底前", "2017年10月底前"],
        "uid": "ec3509ef84",
    }
    multi = build_quiz(doc, n=1, seed=7, types="multi", items=[19])[0]
    assert multi.question == "根据通知（十九）完善政务公开制度，“坚持以公开为常态、不公开为例外原则，推进＿＿＿＿。”横线处列举的有哪些？（多选）"
    assert multi.options == ("服务公开", "决策公开", "政策解读", "结果公开", "行政复议")
    assert (multi.answer, multi.answer_text) == ("ABD", "服务公开、决策公开、结果公开")
    single = next(q for q in build_quiz(doc, n=2, seed=7, types="single", items=[29]) if q.kind == "quantity")
    assert single.question == "根据通知（二十九）落实领导干部学法制度，“坚持和完善政府常务会议学法制度，县（市、区）政府常务会议学法次数全年不少于＿＿＿＿。”横线处应为："
    assert (single.options, single.answer) == (("4次", "6次", "5次", "2次"), "A")


def test_enumerations_are_found_generically(doc):
    lists = {tuple(m.text for m in e.members) for it in doc.items for e in enumerations(it) if e.clean}
    assert ("决策公开", "执行公开", "管理公开", "服务公开", "结果公开") in lists
    assert ("公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论决定") in lists
    assert ("调研论证", "广泛征求意见", "合法性审查", "集体讨论决定", "公开发布") in lists
    # Unit names are whole members, even with 、 inside or 和 between them.
    assert ("市、县（市、区）政府", "市政府派出机构", "市、县（市、区）政府工作部门", "乡镇政府", "街道办事处") in lists
    assert ("各县（市、区）人民政府", "市政府派出机构", "市政府各部门", "法律、法规授权组织") in lists


def test_same_seed_same_quiz_other_seed_other_quiz(doc, quiz100):
    again = build_quiz(doc, n=100, seed=7)
    assert [q.to_dict() for q in again] == [q.to_dict() for q in quiz100]
    other = build_quiz(doc, n=100, seed=8)
    assert [q.uid for q in other] != [q.uid for q in quiz100]
    assert len({q.uid for q in other} ^ {q.uid for q in quiz100}) > 50


def test_filters(doc):
    chapter3 = build_quiz(doc, n=20, seed=7, chapters=[3])
    assert {q.item_number for q in chapter3} == {8, 9, 10}
    assert [q for q in build_quiz(doc, n=20, seed=7, chapters="三")] == chapter3
    only7 = build_quiz(doc, n=10, seed=7, items=[7])
    assert {q.item_number for q in only7} == {7}
    tf = build_quiz(doc, n=10, seed=7, types="tf", chapters="3,4")
    assert {q.type for q in tf} == {"tf"} and {q.chapter for q in tf} <= {3, 4}
    assert {q.type for q in build_quiz(doc, n=6, seed=7, types=["单选", "填空"])} == {"single", "blank"}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"types": "single,essay"}, "未知的题型：essay。可选：single（单选）、multi（多选）、tf（判断）、blank（填空）。"),
        ({"chapters": [11]}, "未知的章节：11。本通知共 10 个部分（1–10）。"),
        ({"chapters": ["abc"]}, "无法识别的章节：abc（请写数字，如 3）"),
        ({"items": [35]}, "未知的条目：35。本通知共 34 项（1–34）。"),
        ({"chapters": [3], "items": [7]}, "条目 7（（七）严格规范性文件管理）不在所选章节 3 中。"),
        ({"n": 0}, "题量必须是正整数，当前为：0"),
        ({"n": -3}, "题量必须是正整数，当前为：-3"),
        (
            {"n": 10000},
            "题量 10000 超出范围：按当前条件（全文），本通知最多可出 624 道题（单选题 293、多选题 41、判断题 97、填空题 193）。请减少题量或放宽条件。",
        ),
        (
            {"n": 30, "items": [7]},
            "题量 30 超出范围：按当前条件（第 7 项），本通知最多可出 26 道题（单选题 9、多选题 2、判断题 4、填空题 11）。请减少题量或放宽条件。",
        ),
    ],
)
def test_bad_input_gets_a_chinese_message(doc, kwargs, message):
    with pytest.raises(InputError) as err:
        build_quiz(doc, **{"n": 5, **kwargs})
    assert str(err.value) == message


# ---------------------------------------------------------------- validity checks


def test_validate_catches_units_that_are_also_right(doc):
    q = next(q for q in build_quiz(doc, n=5, seed=7, types="single", items=[31]) if q.kind == "actor")
    assert (q.answer_text, q.options) == ("各级政府", ("党政主要负责人", "各级政府", "市本级行政执法部门", "法律、法规授权组织"))
    assert validate(q, doc) == []

    def with_option(text):
        return replace(q, options=(text,) + q.options[1:])

    assert validate(with_option("市政府各部门"), doc) == ["干扰项“市政府各部门”在本项原文中出现，可能同样正确"]
    assert validate(with_option("各级政府及其部门"), doc) == ["干扰项“各级政府及其部门”与正确答案“各级政府”互相包含"]
    assert validate(with_option("县级以上人民政府"), doc) == ["干扰项“县级以上人民政府”与原句中的单位“各级政府”可能指同一单位"]
    assert validate(with_option("各级政府"), doc) == ["选项为空或有重复（含同一单位的不同写法）"]


def test_validate_catches_bad_true_false_and_blanks(doc):
    tf = build_quiz(doc, n=1, seed=7, types="tf", items=[28])[0]
    later = tf.context.replace("2017年10月底前", "2018年6月底前")
    assert validate(replace(tf, context=later, change=("2017年底前", "2018年6月底前")), doc) == [
        "改后期限“2018年6月底前”应早于原文“2017年底前”，否则陈述可能仍然成立",
    ]
    assert validate(replace(tf, answer="对"), doc) == ["正确的判断题不应有改动", "判断题陈述与原句不符"]
    blank = next(q for q in build_quiz(doc, n=11, seed=7, types="blank", items=[7]) if q.answer == "备案审查")
    assert validate(replace(blank, answer="审"), doc) == [
        "填空答案“审”少于 2 个字",
        "答案填入后与原句不符",
        "填空答案“审”不是原句中的事实片段或列举词语",
    ]
    punct = replace(blank, answer="、", context="做好规范性文件合法性审核＿＿＿＿备案审查和规范性文件数据统计分析报告工作；")
    assert "填空答案不能只是标点" in validate(punct, doc)
    whole = replace(blank, answer=blank.sentence.rstrip("；"), context="＿＿＿＿；")
    assert "不能把整句挖空" in validate(whole, doc)


def test_validate_catches_bad_multiple_choice(doc):
    q = build_quiz(doc, n=1, seed=7, types="multi", items=[19])[0]
    options = list(q.options)
    options[2] = "管理公开"  # listed in the sentence: also right
    assert validate(replace(q, options=tuple(options)), doc) == ["干扰项“管理公开”在本项原文中出现，可能同样正确"]
    assert validate(replace(q, answer="B"), doc) == ["多选题应有至少 2 个正确选项和至少 1 个错误选项"] + [
        "干扰项“服务公开”在本项原文中出现，可能同样正确",
        "干扰项“结果公开”在本项原文中出现，可能同样正确",
    ]


# ---------------------------------------------------------------- outputs


def test_json_csv_markdown(quiz4):
    data = json.loads(to_json(quiz4))
    assert data == [q.to_dict() for q in quiz4]
    assert {"id", "type", "question", "options", "answer", "explanation", "item"} <= set(data[0])
    assert [QuizQuestion.from_dict(d) for d in data] == quiz4
    rows = list(csv.reader(io.StringIO(to_csv(quiz4))))
    assert rows[0] == ["编号", "题型", "难度", "题目", "选项A", "选项B", "选项C", "选项D", "选项E", "答案", "答案内容", "解析", "出处"]
    assert [r[0] for r in rows[1:]] == ["q1", "q2", "q3", "q4"]
    assert rows[2][1:3] == ["多选题", "难"] and rows[2][9] == "AD"
    md = to_markdown(quiz4, title="测试")
    assert md.startswith("# 测试\n\n共 4 题：单选题 1 道、多选题 1 道、判断题 1 道、填空题 1 道。")
    assert "## 一、单选题" in md and "## 四、填空题" in md and "## 参考答案与解析" in md
    assert f"**2.** 答案：AD（一考核、一带动）　难度：难　出处：{quiz4[1].item}" in md


def test_docx_has_questions_then_key(tmp_path, quiz100):
    path = to_docx(quiz100, tmp_path / "quiz.docx", title="学法测试")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    key = texts.index("参考答案与解析")
    assert texts[0] == "学法测试"
    assert texts[1] == "共 100 题：单选题 25 道、多选题 25 道、判断题 25 道、填空题 25 道。每题 1 分，多选题全部选对才得分。"
    for i, q in enumerate(quiz100, 1):
        assert texts.index(f"{i}. {q.question}") < key
        for k, option in enumerate(q.options):
            assert f"{'ABCDE'[k]}. {option}" in texts[:key]
        line = next(t for t in texts[key:] if t.startswith(f"{i}. 答案："))
        assert texts[texts.index(line, key) + 1] == q.explanation
    assert texts[key + 1].startswith(f"1. 答案：{quiz100[0].answer}")


# ---------------------------------------------------------------- grading


def test_grading_is_exact(quiz4):
    q1, q2, q3, q4 = quiz4
    assert (q1.answer, q2.answer, q3.answer, q4.answer) == ("C", "AD", "错", "行政执法")
    result = grade(quiz4, {"q1": "c", "q2": ["D", "A"], "q3": "对"})
    assert result == {
        "score": 2,
        "total": 4,
        "percent": 50.0,
        "correct": 2,
        "wrong": 1,
        "missing": 1,
        "results": [
            {"id": "q1", "type": "single", "status": "correct", "given": "C", "answer": "C", "answer_text": q1.answer_text, "feedback": "正确。"},
            {"id": "q2", "type": "multi", "status": "correct", "given": "AD", "answer": "AD", "answer_text": "一考核、一带动", "feedback": "正确。"},
            {"id": "q3", "type": "tf", "status": "wrong", "given": "对", "answer": "错", "answer_text": "错",
             "feedback": f"错误。你的答案：对；正确答案：错。{q3.explanation}"},
            {"id": "q4", "type": "blank", "status": "missing", "given": "", "answer": "行政执法", "answer_text": "行政执法",
             "feedback": f"未作答。正确答案：行政执法。{q4.explanation}"},
        ],
        "unknown_ids": [],
    }
    assert format_grade(result).split("\n")[:3] == [
        "得分：2/4（50%）；正确 2 题，错误 1 题，未作答 1 题。",
        "q1：正确。",
        "q2：正确。",
    ]


def test_grading_tolerates_forms_of_answers(quiz4):
    forms = [
        {"q1": "Ｃ", "q2": "A，D", "q3": False, "q4": " 行政执法。"},
        {"q1": ["C"], "q2": "da", "q3": "×", "q4": "行政执法"},
        [{"id": "q1", "answer": "(C)"}, {"id": "q2", "answer": "A D"}, {"id": "q3", "answer": "错误"}, {"id": "q4", "answer": "行 政 执 法"}],
        ["C", ["A", "D"], "错", "行政执法"],
        {"1": "C", "2": ["一考核", "一带动"], "3": "错", "4": "行政执法"},
    ]
    for answers in forms:
        assert grade(quiz4, answers)["score"] == 4, answers
    half = grade(quiz4, {"q1": "C", "q2": "A", "q3": True, "q4": "行政", "q99": "A"})
    assert [r["status"] for r in half["results"]] == ["correct", "wrong", "wrong", "wrong"]
    assert half["unknown_ids"] == ["q99"]
    assert half["results"][1]["feedback"].startswith("错误。你的答案：A；正确答案：AD（一考核、一带动）。原文列举的是")


def test_deadline_and_number_blanks_accept_variants(doc):
    deadline = next(q for q in build_quiz(doc, n=11, seed=7, types="blank", items=[7]) if q.kind == "deadline")
    assert deadline.accept == ("2017年10月底前", "2017年10月底", "10月底前", "10月底")
    assert grade([deadline], {deadline.id: "２０１７年１０月底前"})["score"] == 1
    assert grade([deadline], {deadline.id: "2017年"})["score"] == 0


@pytest.mark.parametrize(
    "answers, message",
    [
        ("B", '答题文件格式不对：应为 {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "填空答案"}，或 [{"id": "q1", "answer": "B"}, …]，或按题目顺序排列的答案列表。'),
        (42, '答题文件格式不对：应为 {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "填空答案"}，或 [{"id": "q1", "answer": "B"}, …]，或按题目顺序排列的答案列表。'),
        ([{"question": "q1"}], '答题文件格式不对：应为 {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "填空答案"}，或 [{"id": "q1", "answer": "B"}, …]，或按题目顺序排列的答案列表。'),
        ({"q1": {"choice": "B"}}, '答题文件格式不对：题目 q1 的答案“{"choice": "B"}”应是字母、字母列表、对/错或文字。'),
        (["A", "B", "C", "D", "E"], "答题文件有 5 个答案，但试卷只有 4 题。"),
    ],
)
def test_malformed_answer_sheet(quiz4, answers, message):
    with pytest.raises(InputError) as err:
        grade(quiz4, answers)
    assert str(err.value) == message


def test_loading_files(tmp_path, quiz4):
    with pytest.raises(InputError, match="^试卷文件不存在："):
        load_quiz(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_answers(bad)
    assert str(err.value) == f"答题文件不是有效的 JSON：{bad}（第 1 行第 2 列：Expecting property name enclosed in double quotes）"
    shape = tmp_path / "shape.json"
    shape.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="^试卷文件格式不对"):
        load_quiz(shape)
    good = tmp_path / "quiz.json"
    good.write_text(to_json(quiz4), encoding="utf-8")
    assert load_quiz(good) == quiz4


# ---------------------------------------------------------------- command line


def test_cli_quiz_json_to_stdout(capsys, doc):
    assert main(["quiz", "--n", "4", "--seed", "7", "--file", str(NOTICE)]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == [q.to_dict() for q in build_quiz(doc, n=4, seed=7)]


def test_cli_quiz_filters_and_markdown(capsys, doc):
    assert main(["quiz", "--n", "5", "--chapter", "3", "--types", "single,tf", "--format", "md"]) == 0
    out = capsys.readouterr().out
    expected = build_quiz(doc, n=5, seed=7, chapters=[3], types=["single", "tf"])
    assert {q.item_number for q in expected} <= {8, 9, 10}
    assert out == to_markdown(expected, title="《郑州市2017年推进依法行政建设法治政府工作要点》学法测试题")
    assert out.startswith("# 《郑州市2017年推进依法行政建设法治政府工作要点》学法测试题\n\n共 5 题：单选题 3 道、判断题 2 道。")


def test_cli_quiz_writes_files(tmp_path, capsys):
    out = tmp_path / "quiz.docx"
    assert main(["quiz", "--n", "8", "--seed", "3", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"已生成 8 道题（单选题 2、多选题 2、判断题 2、填空题 2），已写入：{out}\n"
    assert "参考答案与解析" in [p.text for p in docx.Document(str(out)).paragraphs]
    csv_path = tmp_path / "quiz.csv"
    assert main(["quiz", "--n", "3", "--types", "blank", "-o", str(csv_path)]) == 0
    assert csv_path.read_bytes().startswith("\ufeff编号,题型".encode("utf-8"))


@pytest.mark.parametrize(
    "argv, message",
    [
        (["quiz", "--types", "essay"], "错误：未知的题型：essay。可选：single（单选）、multi（多选）、tf（判断）、blank（填空）。\n"),
        (["quiz", "--chapter", "12"], "错误：未知的章节：12。本通知共 10 个部分（1–10）。\n"),
        (["quiz", "--n", "0"], "错误：题量必须是正整数，当前为：0\n"),
        (["quiz", "--format", "docx"], "错误：Word 格式需要输出到文件，请用 -o 指定，例如：-o quiz.docx\n"),
        (["quiz", "--format", "pdf"], "错误：未知的输出格式：pdf（可选：json、csv、md、docx）\n"),
    ],
)
def test_cli_quiz_errors(capsys, argv, message):
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message)


def test_cli_grade(tmp_path, capsys, quiz4):
    quiz_path = tmp_path / "quiz.json"
    quiz_path.write_text(to_json(quiz4), encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"q1": "C", "q2": "AD", "q3": "对"}, ensure_ascii=False), encoding="utf-8")
    assert main(["grade", str(quiz_path), str(answers)]) == 0
    out = capsys.readouterr().out
    assert out == format_grade(grade(quiz4, {"q1": "C", "q2": "AD", "q3": "对"})) + "\n"
    assert out.startswith("得分：2/4（50%）；正确 2 题，错误 1 题，未作答 1 题。\nq1：正确。\nq2：正确。\nq3：错误。你的答案：对；正确答案：错。")
    assert main(["grade", str(quiz_path), str(answers), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["score"] == 2
    bad = tmp_path / "bad.json"
    bad.write_text('"B"', encoding="utf-8")
    assert main(["grade", str(quiz_path), str(bad)]) == 1
    assert capsys.readouterr().err.startswith("错误：答题文件格式不对：")
    assert main(["grade", str(tmp_path / "missing.json"), str(answers)]) == 1
    assert capsys.readouterr().err == f"错误：试卷文件不存在：{tmp_path / 'missing.json'}\n"

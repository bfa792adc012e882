"""The web front end without a browser: table rows and exports, escaping, source
rendering, the chat stream, feedback storage and login parsing. A scripted fake stands
in for the Assistant (the browser tests in test_web_browser.py use the real one)."""

import csv
import html
import logging
import re
import socket
import sqlite3
import threading
from pathlib import Path

import pytest

from assistant.documents import parse_file
from assistant.feedback import FeedbackStore, vote_name
from assistant.schema import Answer, Document, DocumentMeta, InputError, Item, Passage
from assistant import quiz as quizlib
from assistant.web.app import build_parser
from assistant.web.auth import parse_auth
from assistant.web.chat import chat_messages, plain_history, record_vote, respond_stream
from assistant.web.common import WarmUp
from assistant.web.quiz_tab import (
    QUIZ_MAX_QUESTIONS,
    answer_choices,
    answer_sheet,
    answer_widget,
    chapter_choices,
    grade_markdown,
    make_quiz,
    question_markdown,
    quiz_status,
    quiz_title,
    write_quiz_files,
)
from assistant.web.render import GENERIC_ERROR, escape_text, render_answer, render_answer_text
from assistant.web.work_points import HEADERS, filter_rows, timeline_html, work_point_rows, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse_file(NOTICE)


def item7_passage(doc: Document) -> Passage:
    item = doc.item(7)
    return Passage(
        id="p7-3",
        doc_id=doc.doc_id,
        ref=item.ref,
        chapter="二、完善依法行政制度体系",
        text=item.sentences[3],
        kind="sentence",
        item=7,
        sentence=3,
        doc_title=doc.title,
    )


class FakeAssistant:
    """Same surface as assistant.service.Assistant; answers from a script."""

    def __init__(self, doc: Document):
        self.documents = [doc]
        self.document = doc
        self.calls: list[tuple[str, list]] = []
        self.warmed = 0

    def warm_up(self, progress=None):
        self.warmed += 1
        if progress:
            progress("正在构建索引（测试）")
        return "ok"

    def ask(self, question, history=None):
        self.calls.append((question, list(history or [])))
        if question == "boom":
            raise RuntimeError("secret traceback detail")
        if question == "bad":
            raise InputError("问题太长了，请缩短后重试。")
        if question == XSS:
            return Answer(text=f"文件中没有关于“{question}”的内容。", refused=True, intent="refuse")
        return Answer(
            text="2017年10月底前（2017-10-31）。[1]",
            citations=(item7_passage(self.document),),
            intent="deadline",
            items=(7,),
        )


def ready_warm(fake) -> WarmUp:
    warm = WarmUp(fake, echo=lambda message: None).start()
    assert warm.ready.wait(5)
    return warm


# ---------------------------------------------------------------- work-points table


def test_rows_one_per_item_with_facts(doc):
    rows = work_point_rows(doc)
    assert len(rows) == 34
    assert [r[1] for r in rows] == list(range(1, 35))
    assert rows[0] == ["一、依法全面履行政府职能", 1, "规范行政权力运行", "", "", ""]
    assert rows[6] == [
        "二、完善依法行政制度体系",
        7,
        "严格规范性文件管理",
        "2017年10月底前（2017-10-31）",
        "各县（市、区）人民政府；市政府派出机构；市政府各部门；法律、法规授权组织",
        "",
    ]
    assert rows[28][5] == "全年不少于4次；全年至少举办1期；全年至少举办2期以上"


def test_filter_is_a_substring_over_all_columns(doc):
    rows = work_point_rows(doc)
    assert filter_rows(rows, "") == rows
    assert filter_rows(rows, "   ") == rows
    assert [r[1] for r in filter_rows(rows, "2017-12-31")] == [10, 28]
    assert [r[1] for r in filter_rows(rows, " 规范性文件 ")] == [7]
    assert [r[1] for r in filter_rows(rows, "九、提升依法行政能力")] == [29, 30]
    assert filter_rows(rows, "不存在的内容") == []


def test_csv_export_round_trips_with_bom(doc, tmp_path):
    rows = work_point_rows(doc)
    path = write_csv(rows, tmp_path / "w.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for Chinese
    with path.open(encoding="utf-8-sig", newline="") as fh:
        got = list(csv.reader(fh))
    assert got[0] == HEADERS
    assert len(got) == 35
    assert got[7] == [str(c) for c in rows[6]]


def test_xlsx_export(doc, tmp_path):
    from openpyxl import load_workbook

    rows = work_point_rows(doc)
    ws = load_workbook(write_xlsx(rows, tmp_path / "w.xlsx")).active
    values = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    assert values[0] == tuple(HEADERS) or list(values[0]) == HEADERS
    assert len(values) == 35
    assert list(values[7]) == [c if c != "" else None for c in rows[6]]
    assert ws.freeze_panes == "A2"


def test_timeline_lists_the_three_deadlines(doc):
    page = timeline_html(doc)
    listing = page[page.index("<ul>") :]
    assert listing == (
        "<ul><li><b>2017&#45;10&#45;31</b> 第（七）项 严格规范性文件管理：2017年10月底前</li>"
        "<li><b>2017&#45;12&#45;31</b> 第（十）项 积极推进政府法律顾问和公职律师制度：2017年12月底前</li>"
        "<li><b>2017&#45;12&#45;31</b> 第（二十八）项 健全依法化解纠纷机制：2017年底前</li></ul></div>"
    )
    assert page.count('class="qa-dot"') == 2  # one per date: 10-31 and 12-31
    assert page.count('class="qa-tick"') == 12
    # the two labels of 12-31 sit in two lanes, not on top of each other
    assert re.findall(r'class="qa-dot-label" style="left:([\d.]+)%;bottom:(\d+)px">([^<]+)<', page) == [
        ("83.24", "18", "（七）"), ("100.00", "18", "（十）"), ("100.00", "38", "（二十八）")
    ]


def test_label_lanes_never_overlap_at_the_narrowest_axis():
    from assistant.web.work_points import AXIS_PX, LABEL_PX_PER_CHAR, label_lanes

    positions = [(p, "（二十八）") for p in (10.0, 12.0, 14.0, 40.0, 90.0)]
    lanes = label_lanes(positions)
    assert lanes == [0, 1, 2, 0, 0]
    half = (5 * LABEL_PX_PER_CHAR + 8) / AXIS_PX * 50
    assert 40.0 - half >= 10.0 + half
    assert label_lanes([(50.0, "x")] * 9)[-1] is None  # more than MAX_LANES: the list below tells


# ---------------------------------------------------------------- escaping and rendering


@pytest.mark.parametrize(
    "text",
    [XSS, "<script>alert(1)</script>", "**粗体** _斜_ `code` [链接](http://x.y) $$x$$", "a & b \"c\" 'd'", "1. 列表\n# 标题"],
)
def test_escape_text_leaves_no_markup(text):
    out = escape_text(text)
    bare = re.sub(r"&#?\w+;", "", out)  # what is left outside character references
    for ch in "<>*_`[]()$#\"'&":
        assert ch not in bare
    assert html.unescape(out) == text


def test_escape_text_exact():
    assert escape_text(XSS) == "&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt;"
    assert escape_text("规范性文件") == "规范性文件"


def test_answer_markers_become_superscripts():
    assert render_answer_text("见原文[1]，另见[2]<b>") == (
        '见原文<sup class="qa-mark">&#91;1&#93;</sup>，另见<sup class="qa-mark">&#91;2&#93;</sup>&lt;b&gt;'
    )


def test_render_answer_shows_item_chapter_quote_and_highlighted_full_item(doc):
    answer = FakeAssistant(doc).ask("规范性文件什么时候前要录入数据库？")
    page = render_answer(answer, [doc])
    item = doc.item(7)
    assert "\n\n" in page and "\n\n" not in page[page.index('<div class="qa-sources">') :]
    assert "<b>&#91;1&#93; 第（七）项 严格规范性文件管理</b>" in page
    assert '<span class="qa-chapter">二、完善依法行政制度体系</span>' in page
    assert "<details" in page and "<summary>" in page
    marked = escape_text(item.sentences[3])
    assert f"<mark>{marked}</mark>" in page
    # the whole item is there: the text before the cited sentence too
    assert escape_text(item.sentences[0]) in page
    assert page.count("<mark>") == 1


def test_corpus_text_is_escaped_in_sources():
    evil = "<script>alert(1)</script>要求**全部**完成。"
    item = Item(number=1, title="<b>标题</b>", chapter=1, text=evil, sentences=(evil,))
    doc = Document(doc_id="d", meta=DocumentMeta(title="t"), items=(item,))
    passage = Passage(id="x", doc_id="d", ref="（一）<b>标题</b>", chapter="<i>章</i>", text=evil, kind="sentence", item=1, sentence=0)
    page = render_answer(Answer(text="<script>x</script>[1]", citations=(passage,)), [doc])
    assert "<script" not in page and "<b>标题" not in page and "<i>" not in page
    assert "**" not in page
    assert "&lt;script&gt;alert&#40;1&#41;&lt;&#47;script&gt;" in page


def test_non_item_passage_is_shown_with_its_own_text(doc):
    header = Passage(id="h", doc_id=doc.doc_id, ref="文件头", chapter="", text="郑州市人民政府文件\n郑政文〔2017〕60号", kind="header")
    page = render_answer(Answer(text="文号是郑政文〔2017〕60号。[1]", citations=(header,)), [doc])
    assert "<b>&#91;1&#93; 文件头</b>" in page
    assert "郑州市人民政府文件<br>郑政文〔2017〕60号" in page


# ---------------------------------------------------------------- chat stream


def test_stream_yields_progressively_then_final_turn(doc):
    fake = FakeAssistant(doc)
    steps = list(respond_stream(fake, ready_warm(fake), "规范性文件什么时候前要录入数据库？", [], delay=0))
    assert len(steps) > 3
    first_messages, first_turns = steps[0]
    assert first_turns == [] and first_messages[1]["content"] == "正在检索原文……"
    partial = [m[1]["content"] for m, _ in steps[1:-1]]
    assert all(p.endswith("▍") for p in partial)
    assert len(set(partial)) == len(partial)  # the text grows
    messages, turns = steps[-1]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[0]["content"] == "规范性文件什么时候前要录入数据库？"
    assert "<mark>" in messages[1]["content"]
    assert turns[0]["answer"] == "2017年10月底前（2017-10-31）。[1]"
    assert turns[0]["ok"] is True
    assert turns[0]["citations"][0]["item"] == 7


def test_follow_up_passes_plain_history(doc):
    fake = FakeAssistant(doc)
    warm = ready_warm(fake)
    *_, (_, turns) = respond_stream(fake, warm, "规范性文件什么时候前要录入数据库？", [], delay=0)
    *_, (_, turns) = respond_stream(fake, warm, "那这项工作由谁负责？", turns, delay=0)
    assert fake.calls[1] == (
        "那这项工作由谁负责？",
        [
            {"role": "user", "content": "规范性文件什么时候前要录入数据库？"},
            {"role": "assistant", "content": "2017年10月底前（2017-10-31）。[1]"},
        ],
    )
    assert len(chat_messages(turns)) == 4


def test_errors_become_friendly_messages_and_stay_out_of_history(doc):
    fake = FakeAssistant(doc)
    warm = ready_warm(fake)
    *_, (messages, turns) = respond_stream(fake, warm, "boom", [], delay=0)
    assert GENERIC_ERROR in html.unescape(messages[-1]["content"])
    assert "secret" not in messages[-1]["content"] and "Traceback" not in messages[-1]["content"]
    *_, (messages, turns) = respond_stream(fake, warm, "bad", turns, delay=0)
    assert "问题太长了，请缩短后重试。" in html.unescape(messages[-1]["content"])
    assert plain_history(turns) == []
    assert len(messages) == 4


def test_blank_question_changes_nothing(doc):
    fake = FakeAssistant(doc)
    assert list(respond_stream(fake, ready_warm(fake), "   ", [], delay=0)) == [([], [])]
    assert fake.calls == []


def test_question_html_is_shown_as_text(doc):
    fake = FakeAssistant(doc)
    *_, (messages, _) = respond_stream(fake, ready_warm(fake), XSS, [], delay=0)
    assert messages[0]["content"] == escape_text(XSS)
    assert "<img" not in messages[1]["content"]


def test_stream_is_a_few_chunks_within_the_pause_budget(doc):
    import time

    fake = FakeAssistant(doc)
    warm = ready_warm(fake)
    t0 = time.perf_counter()
    steps = list(respond_stream(fake, warm, "规范性文件什么时候前要录入数据库？", [], delay=0.3))
    elapsed = time.perf_counter() - t0
    assert len(steps) == 4  # placeholder, two partial answers, the finished answer
    assert 0.3 <= elapsed < 0.6


@pytest.mark.slow
def test_concurrent_asks_match_serial_ones(qa):
    """The web chat calls ask() from many threads without a lock: parallel answers (with
    the query embeddings computed concurrently) must equal serial ones."""
    from concurrent.futures import ThreadPoolExecutor

    base = [
        "规范性文件什么时候前要录入数据库？",
        "政府法律顾问制度要在什么时候前全部建立？",
        "县（市、区）政府常务会议每年学法不少于几次？",
        "行政复议工作有什么要求？",
        "政务公开由谁负责？",
        "哪些工作有时间节点？",
        "第（十三）项讲的是什么？",
        "今年的财政预算是多少？",
    ]
    questions = [f"{prefix}{q}" for prefix in ("", "请问", "我想知道") for q in base]
    clear = qa.embeddings._embed_query_cached.cache_clear  # the cache is per instance
    qa.warm_up()
    clear()
    with ThreadPoolExecutor(max_workers=12) as pool:
        parallel = list(pool.map(qa.ask, questions))
    clear()
    serial = [qa.ask(q) for q in questions]
    assert [(a.text, a.citations) for a in parallel] == [(a.text, a.citations) for a in serial]


def test_stream_waits_for_warm_up(doc):
    fake = FakeAssistant(doc)
    gate = threading.Event()
    original = fake.warm_up

    def slow(progress=None):
        progress("正在构建索引")
        gate.wait(5)
        return original()

    fake.warm_up = slow
    warm = WarmUp(fake, echo=lambda message: None).start()
    stream = respond_stream(fake, warm, "规范性文件什么时候前要录入数据库？", [], delay=0)
    next(stream)
    waiting, _ = next(stream)
    assert "正在构建索引" in waiting[1]["content"]
    gate.set()
    *_, (_, turns) = stream
    assert turns[0]["ok"]


def test_failed_warm_up_is_reported(doc):
    fake = FakeAssistant(doc)

    def broken(progress=None):
        raise InputError("找不到内置的中文向量模型 m3e-small。")

    fake.warm_up = broken
    warm = ready_warm(fake)
    assert "初始化失败" in warm.status_markdown(doc)
    *_, (messages, _) = respond_stream(fake, warm, "问题", [], delay=0)
    assert "m3e&#45;small" in messages[-1]["content"]
    assert fake.calls == []


# ---------------------------------------------------------------- feedback


def test_feedback_store_records_votes(tmp_path, doc):
    store = FeedbackStore(tmp_path / "sub" / "feedback.sqlite3")
    fake = FakeAssistant(doc)
    *_, (_, turns) = respond_stream(fake, ready_warm(fake), "规范性文件什么时候前要录入数据库？", [], delay=0)
    assert record_vote(store, turns, 1, True)
    assert record_vote(store, turns, [1], False)
    assert not record_vote(store, turns, 0, True)  # a question, not an answer
    assert not record_vote(store, turns, 3, True)  # no such message
    rows = store.rows()
    assert [r["vote"] for r in rows] == ["up", "down"]
    row = rows[0]
    assert row["question"] == "规范性文件什么时候前要录入数据库？"
    assert row["answer"] == "2017年10月底前（2017-10-31）。[1]"
    assert row["intent"] == "deadline"
    assert row["citations"] == [item7_passage(doc).to_dict()]
    assert row["created_at"].endswith("+00:00")


def test_vote_names():
    assert [vote_name(v) for v in (True, False, None, "不准确")] == ["up", "down", "none", "不准确"]


def test_feedback_failure_is_logged_not_raised(tmp_path, caplog):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    store = FeedbackStore(blocker / "feedback.sqlite3")
    with caplog.at_level(logging.WARNING, logger="assistant.feedback"):
        assert store.record("q", "a", [], "up") is False
    assert "无法保存反馈" in caplog.text


def test_feedback_on_a_corrupt_file_is_logged_not_raised(tmp_path, caplog):
    path = tmp_path / "feedback.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="assistant.feedback"):
        assert FeedbackStore(path).record("q", "a", [], "up") is False
    assert "无法保存反馈" in caplog.text


def test_feedback_schema(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record("q", "a", [], "up")
    with sqlite3.connect(store.path) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(feedback)")]
    assert cols == ["id", "created_at", "vote", "question", "answer", "citations", "intent"]


# ---------------------------------------------------------------- login and arguments


def test_parse_auth_env_forms():
    assert parse_auth(None) is None
    assert parse_auth("  ") is None
    assert parse_auth("alice:s3cret") == [("alice", "s3cret")]
    assert parse_auth("alice:s3cret, bob:pa:ss ,") == [("alice", "s3cret"), ("bob", "pa:ss")]


def test_parse_auth_file(tmp_path):
    f = tmp_path / "users.txt"
    f.write_text("# 账号\nalice:密码,含逗号\n\n bob : x:y \n", encoding="utf-8")
    assert parse_auth(f"@{f}") == [("alice", "密码,含逗号"), ("bob", " x:y")]


@pytest.mark.parametrize("value", ["alice", "alice:", ":pw", "alice:pw,bob"])
def test_parse_auth_rejects_bad_pairs(value):
    with pytest.raises(InputError, match="用户名:密码"):
        parse_auth(value)


def test_parse_auth_missing_file(tmp_path):
    with pytest.raises(InputError, match="无法读取登录账号文件"):
        parse_auth(f"@{tmp_path / 'none.txt'}")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nobody\n")
    with pytest.raises(InputError, match="没有给出"):
        parse_auth(f"@{empty}")


def test_parser_defaults_bind_localhost():
    args = build_parser().parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 7860)
    assert build_parser().parse_args(["--host", "0.0.0.0", "--port", "8080"]).port == 8080


def test_help_is_fast_and_does_not_import_gradio():
    import subprocess
    import sys

    code = "import sys, runpy; sys.argv=['app.py','-h']\ntry: runpy.run_path('app.py', run_name='__main__')\nexcept SystemExit: pass\nprint('gradio' in sys.modules, 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert "--port" in out.stdout
    assert out.stdout.strip().endswith("False False")


# ---------------------------------------------------------------- the gradio wiring


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gradio_app_answers_over_the_api(doc, tmp_path):
    from gradio_client import Client

    from assistant.web import build_demo

    fake = FakeAssistant(doc)
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    demo = build_demo(fake, feedback=store)
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        chat = client.predict("规范性文件什么时候前要录入数据库？", api_name="/ask")
        assert [m["role"] for m in chat] == ["user", "assistant"]
        assert chat[-1]["content"][0]["text"].startswith("2017年10月底前（2017&#45;10&#45;31）。")
        client.predict("那这项工作由谁负责？", api_name="/ask")
        assert fake.calls[-1][1][0] == {"role": "user", "content": "规范性文件什么时候前要录入数据库？"}
        assert fake.warmed == 1
    finally:
        demo.close()


def test_exports_are_written_once_per_distinct_rows(doc, tmp_path):
    from assistant.web.exports import TempFiles
    from assistant.web.work_points import export_files

    temp = TempFiles(tmp_path)
    rows = work_point_rows(doc)
    first = export_files(rows, temp)
    again = export_files(list(rows), temp)
    other = export_files(filter_rows(rows, "2017-12-31"), temp)
    assert first == again and first != other
    assert [p.name for p in first] == ["work-points.csv", "work-points.xlsx"]
    assert len(list(temp.exports.iterdir())) == 2


# ---------------------------------------------------------------- training quiz

ALL_TYPES = ["single", "multi", "tf", "blank"]


def test_quiz_is_the_cli_quiz_for_the_same_settings(doc):
    quiz = make_quiz(doc, 5, ALL_TYPES, [], 7)
    assert quiz == quizlib.build_quiz(doc, n=5, seed=7)
    assert [q.id for q in quiz] == ["q1", "q2", "q3", "q4", "q5"]
    assert [q.type for q in quiz] == ["single", "single", "multi", "tf", "blank"]
    assert make_quiz(doc, 5.0, ALL_TYPES, None, "7") == quiz  # gradio's Number may send floats


def test_quiz_chapters_and_types_filter(doc):
    assert chapter_choices(doc)[2] == ("三、健全依法决策机制", 3)
    assert len(chapter_choices(doc)) == 10
    quiz = make_quiz(doc, 6, ["single", "tf"], [3, 9], 11)
    assert len(quiz) == 6
    assert {q.type for q in quiz} == {"single", "tf"}
    assert {q.chapter for q in quiz} <= {3, 9}
    assert all(quizlib.validate(q, doc) == [] for q in quiz)


@pytest.mark.parametrize(
    "n, types, seed, message",
    [
        (0, ALL_TYPES, 7, "题量必须是正整数，当前为：0。"),
        (-3, ALL_TYPES, 7, "题量必须是正整数，当前为：-3。"),
        (None, ALL_TYPES, 7, "请填写题量，例如：10。"),
        (2.5, ALL_TYPES, 7, "题量必须是整数，当前为：2.5。"),
        (
            QUIZ_MAX_QUESTIONS + 1,
            ALL_TYPES,
            7,
            f"网页测验一次最多 {QUIZ_MAX_QUESTIONS} 题，当前为：{QUIZ_MAX_QUESTIONS + 1}。更多题目请用命令行生成 Word 试卷："
            f"python -m assistant quiz --n {QUIZ_MAX_QUESTIONS + 1} -o quiz.docx",
        ),
        (5, [], 7, "请至少选择一种题型（单选、多选、判断、填空）。"),
        (5, None, 7, "请至少选择一种题型（单选、多选、判断、填空）。"),
        (5, ALL_TYPES, None, "请填写随机种子，例如：7。"),
    ],
)
def test_bad_quiz_settings_get_a_chinese_message(doc, n, types, seed, message):
    with pytest.raises(InputError) as info:
        make_quiz(doc, n, types, [], seed)
    assert str(info.value) == message


def test_quiz_larger_than_the_chapters_allow(doc):
    most = sum(quizlib.capacity(doc, seed=7, chapters=[9]).values())
    assert 0 < most < 40
    with pytest.raises(InputError) as info:
        make_quiz(doc, 40, ALL_TYPES, [9], 7)
    assert str(info.value).startswith(f"题量 40 超出范围：按当前条件（第 29、30 项），本通知最多可出 {most} 道题（")
    with pytest.raises(InputError, match="本通知最多可出 0 道题（多选题 0）"):
        make_quiz(doc, 1, ["multi"], [9], 7)


def test_quiz_without_items_is_refused():
    empty = Document(doc_id="d", meta=DocumentMeta(title="t"), items=())
    for document in (None, empty):
        with pytest.raises(InputError, match="没有识别到条目"):
            make_quiz(document, 5, ALL_TYPES, [], 7)


def test_quiz_files_docx_csv_json(doc, tmp_path):
    import docx

    quiz = make_quiz(doc, 5, ALL_TYPES, [], 7)
    title = quiz_title(doc)
    assert title == "《郑州市2017年推进依法行政建设法治政府工作要点》学法测试题"
    from assistant.web.exports import TempFiles

    temp = TempFiles(tmp_path)
    files = write_quiz_files(quiz, temp, title)
    assert [(fmt, p.name) for fmt, p in files.items()] == [("docx", "quiz.docx"), ("csv", "quiz.csv"), ("json", "quiz.json")]
    assert quizlib.load_quiz(files["json"]) == quiz
    assert files["csv"].read_bytes().startswith(b"\xef\xbb\xbf")
    with files["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == quizlib.CSV_HEADER
    assert [r[0] for r in rows[1:]] == ["q1", "q2", "q3", "q4", "q5"]
    paragraphs = [p.text for p in docx.Document(str(files["docx"])).paragraphs]
    assert paragraphs[0] == title
    assert f"1. {quiz[0].question}" in paragraphs
    assert write_quiz_files(list(quiz), temp, title) == files  # the same quiz is written once
    assert [p.name for p in temp.exports.iterdir()] == [files["json"].parent.name]
    assert sorted(p.name for p in files["json"].parent.iterdir()) == ["quiz.csv", "quiz.docx", "quiz.json"]


def test_question_widgets_and_choices(doc):
    single, _, multi, tf, blank = make_quiz(doc, 5, ALL_TYPES, [], 7)
    assert [answer_widget(q) for q in (single, multi, tf, blank)] == ["radio", "check", "radio", "text"]
    assert answer_choices(single) == [
        ("A. （二十四）自觉接受人大、政协和社会监督", "A"),
        ("B. （二十）提高政务公开能力", "B"),
        ("C. （二十三）发挥专门监督作用", "C"),
        ("D. （二十五）完善纠错问责机制", "D"),
    ]
    assert answer_choices(tf) == [("对", "对"), ("错", "错")]
    assert [value for _, value in answer_choices(multi)] == ["A", "B", "C", "D", "E"]
    assert answer_choices(blank) == []
    assert question_markdown(5, blank) == (
        '**5.** <span class="qa-qtype">填空题</span> 填空：根据通知（十三）探索“互联网&#43;行政执法”，'
        "“强化科技、装备在＿＿＿＿、管理和服务中的应用。”"
    )
    assert quiz_status([single, tf], doc) == "已生成 2 道题（单选题 1、判断题 1）。作答后点击“提交”查看得分和解析；试卷可下载为 Word、CSV 或 JSON。"


def widget_values(quiz, answers: dict) -> list:
    """What the answer widgets send for ``answers`` ({"q1": "A", ...}): one value per question."""
    empty = {"radio": None, "check": [], "text": ""}
    return [answers.get(q.id, empty[answer_widget(q)]) for q in quiz]


def test_all_right_answers_score_full_marks(doc):
    quiz = make_quiz(doc, 5, ALL_TYPES, [], 7)
    right = {q.id: list(q.answer) if q.type == "multi" else q.answer for q in quiz}
    sheet = answer_sheet(quiz, widget_values(quiz, right))
    assert sheet == {"q1": "C", "q2": "A", "q3": ["A", "D"], "q4": "错", "q5": "行政执法"}
    score, feedback = grade_markdown(quiz, quizlib.grade(quiz, sheet))
    assert score == "**得分：5/5（100%）**　正确 5 题，错误 0 题，未作答 0 题。"
    assert feedback[2] == (
        '<span class="qa-right">✔ 回答正确</span><br>正确答案：A&#46; 一考核；D&#46; 一带动<br>解析：'
        + escape_text(quiz[2].explanation)
    )


def test_wrong_and_missing_answers_show_the_answer_and_the_original(doc):
    quiz = make_quiz(doc, 5, ALL_TYPES, [], 7)
    sheet = answer_sheet(quiz, widget_values(quiz, {"q1": "A", "q3": ["A"], "q4": "对", "q5": " 行政执法 "}))
    assert sheet == {"q1": "A", "q2": None, "q3": ["A"], "q4": "对", "q5": " 行政执法 "}
    score, feedback = grade_markdown(quiz, quizlib.grade(quiz, sheet))
    assert score == "**得分：1/5（20%）**　正确 1 题，错误 3 题，未作答 1 题。"
    assert feedback[0] == (
        '<span class="qa-wrong">✘ 回答错误</span>　你的答案：A<br>正确答案：C&#46; （二十三）发挥专门监督作用<br>'
        "解析：原文出自（二十三）发挥专门监督作用：“健全完善、认真执行行政监察制度，各级监察机关切实履行监督责任，确保廉政建设各项任务落实。”"
    )
    assert feedback[1].startswith('<span class="qa-missing">未作答</span><br>正确答案：A&#46; 项目落地<br>解析：原文出自（二十三）发挥专门监督作用：')
    assert feedback[3].startswith('<span class="qa-wrong">✘ 回答错误</span>　你的答案：对<br>正确答案：错<br>解析：原文是“各级政府领导班子”')
    assert feedback[4].startswith('<span class="qa-right">✔ 回答正确</span>')


def test_quiz_text_and_typed_answers_are_escaped():
    q = quizlib.QuizQuestion(
        id="q1", type="blank", question=f"填空：{XSS}＿＿＿＿", answer="**对**", explanation=f"原文出自（一）<b>标题</b>：“{XSS}”",
        item="（一）<b>标题</b>", item_number=1, chapter=1, sentence=XSS, context=XSS,
    )
    assert "<img" not in question_markdown(1, q) and "<b>" not in question_markdown(1, q)
    _, feedback = grade_markdown([q], quizlib.grade([q], {"q1": "<script>alert(1)</script>"}))
    assert "<script" not in feedback[0] and "<img" not in feedback[0] and "<b>" not in feedback[0] and "**" not in feedback[0]
    assert "你的答案：&lt;script&gt;alert&#40;1&#41;&lt;&#47;script&gt;" in feedback[0]


def test_quiz_tab_is_in_the_app_and_stays_small(doc, tmp_path):
    from assistant.web import build_demo

    demo = build_demo(FakeAssistant(doc), feedback=FeedbackStore(tmp_path / "f.sqlite3"))
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    assert {"qa-quiz-n", "qa-quiz-seed", "qa-quiz-types", "qa-quiz-chapters", "qa-quiz-generate", "qa-quiz-json"} <= ids
    labels = [block.label for block in demo.blocks.values() if type(block).__name__ == "Tab"]
    assert labels == ["问答", "工作要点一览", "本单位任务", "法治培训测验", "文档管理"]
    # gradio builds every block's config for each new session: the questions are rendered
    # per session (gr.render), not kept as hidden widgets that every chat visitor pays for.
    assert len(demo.blocks) < 90


class ScopedFake(FakeAssistant):
    """Two documents loaded; records the ``doc`` each question was limited to."""

    def __init__(self, doc: Document, report: Document):
        super().__init__(doc)
        self.documents = [doc, report]
        self.report = report
        self.scopes: list = []

    def ask(self, question, history=None, doc=None):
        self.scopes.append(doc)
        p = next(p for p in __import__("assistant.index", fromlist=["x"]).passages_of(self.report) if p.kind == "paragraph")
        return Answer(text=f"根据{self.report.label}「{p.ref}」：“{p.text}”[1]", citations=(p,), intent="paragraph")


def test_scope_reaches_ask_and_sources_name_their_document(doc):
    from assistant.documents import parse_report

    report = parse_report("一、工作回顾\n\n去年粮食产量达到<b>1.3万亿斤</b>。", title="2024年政府工作报告", doc_id="r2024")
    fake = ScopedFake(doc, report)
    warm = ready_warm(fake)
    *_, (messages, turns) = respond_stream(fake, warm, "粮食产量是多少？", [], delay=0, doc="r2024")
    *_, (messages, turns) = respond_stream(fake, warm, "粮食产量呢？", turns, delay=0)
    assert fake.scopes == ["r2024", None]
    shown = messages[-1]["content"]
    # The source names the report; its heading is not repeated as a chapter; markup stays text.
    assert "<b>&#91;1&#93; 《2024年政府工作报告》 一、工作回顾·第1段</b>" in shown
    assert 'class="qa-chapter"' not in shown
    # Markup stays text: "<" and "/" are escaped (as entities), never passed through as a tag.
    assert "&lt;b&gt;1&#46;3万亿斤&lt;&#47;b&gt;" in shown and "<b>1.3万亿斤" not in shown
    # With one document, sources carry no document name.
    single = render_answer(Answer(text="x[1]", citations=(item7_passage(doc),)), [doc])
    assert "《" not in single.split("qa-sources")[1].split("qa-quote")[0]

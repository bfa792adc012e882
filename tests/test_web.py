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
from assistant.web import (
    GENERIC_ERROR,
    HEADERS,
    WarmUp,
    build_parser,
    chat_messages,
    escape_text,
    filter_rows,
    parse_auth,
    plain_history,
    record_vote,
    render_answer,
    render_answer_text,
    respond_stream,
    timeline_html,
    work_point_rows,
    write_csv,
    write_xlsx,
)

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
    assert page.count('class="qa-dot"') == 3
    assert page.count('class="qa-tick"') == 12


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
        chat, box = client.predict("规范性文件什么时候前要录入数据库？", api_name="/ask")
        assert box == ""
        assert [m["role"] for m in chat] == ["user", "assistant"]
        assert chat[-1]["content"][0]["text"].startswith("2017年10月底前（2017&#45;10&#45;31）。")
        client.predict("那这项工作由谁负责？", api_name="/ask")
        assert fake.calls[-1][1][0] == {"role": "user", "content": "规范性文件什么时候前要录入数据库？"}
        assert fake.warmed == 1
    finally:
        demo.close()


def test_exports_are_written_once_per_distinct_rows(doc, tmp_path):
    from assistant.web import export_files

    rows = work_point_rows(doc)
    first = export_files(rows, tmp_path)
    again = export_files(list(rows), tmp_path)
    other = export_files(filter_rows(rows, "2017-12-31"), tmp_path)
    assert first == again and first != other
    assert [p.name for p in first] == ["work-points.csv", "work-points.xlsx"]
    assert len(list(tmp_path.iterdir())) == 2

"""The web app over HTTP, without a browser or the model: security headers, the login
attempt limit, who may change the library (also through the HTTP API), bounded
temporary exports, the per-session question queue, and 本单位任务 with its calendar.
A scripted fake stands in for the Assistant."""

import html
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from assistant.documents import parse_file
from assistant.feedback import FeedbackStore
from assistant.web.app import build_demo, serve_options
from assistant.web.auth import CONTENT_SECURITY_POLICY, LoginLimiter, Login
from assistant.web.chat import WAITING, Conversation, answer_queued
from assistant.web.exports import TempFiles
from assistant.web.library_page import NOT_ADMIN
from assistant.web.units import unit_calendar, unit_rows, unit_tasks
from benchmarks._server import free_port
from test_web import NOTICE, FakeAssistant, ready_warm

NOTICE_LINES = [
    "临江市2026年法治政府建设工作要点",
    "一、完善依法行政制度体系",
    "（一）加强行政规范性文件合法性审核。全面落实合法性审核机制，2026年6月底前完成现行规范性文件清理。",
    "责任单位：市司法局",
    "（二）推进重大行政决策目录化管理。各级政府每年公布重大行政决策事项目录，2026年9月底前完成。",
    "牵头单位：市政府办公室；配合单位：市司法局、市发展改革委",
    "（三）深化法治宣传。持续开展“八五”普法。",
    "牵头单位：市司法局",
]


@pytest.fixture(scope="module")
def doc():
    return parse_file(NOTICE)


class LibraryFake(FakeAssistant):
    """The fake with a library: records ingests and removals."""

    def __init__(self, doc):
        super().__init__(doc)
        self.changes: list = []

    def library_entries(self):
        d = self.document
        return [{"doc_id": d.doc_id, "title": d.title, "number": d.meta.doc_number, "passages": 136, "added": "（内置语料）", "kind": "notice"}]

    def ingest(self, paths, kind="auto", progress=None):
        self.changes.append(("ingest", [Path(p).name for p in paths]))
        return {"added": [f"已添加：{Path(p).stem}" for p in paths], "errors": [], "status": "完成"}

    def remove(self, name, progress=None):
        self.changes.append(("remove", name))
        return f"已删除：{name}"


class Served:
    """``build_demo`` on a free port with the options ``python app.py`` uses."""

    def __init__(self, assistant, tmp_path, accounts=None, admins=(), login=None, temp=None):
        self.temp = temp or TempFiles(tmp_path / "temp")
        self.demo = build_demo(assistant, warm_up=ready_warm(assistant), feedback=FeedbackStore(tmp_path / "f.sqlite3"),
                               temp=self.temp, auth_on=bool(accounts), admins=admins)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.demo.queue().launch(server_name="127.0.0.1", server_port=self.port, prevent_thread_lock=True, quiet=True,
                                 **serve_options(accounts, login))

    def close(self):
        self.demo.close()


def http(url: str, data: dict | None = None) -> tuple[int, dict, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


# ---------------------------------------------------------------- headers and login


def test_every_page_sends_the_frame_and_content_policy(doc, tmp_path):
    server = Served(LibraryFake(doc), tmp_path)
    try:
        for path in ("", "config", "gradio_api/info", "no-such-page", "login"):
            status, headers, _ = http(server.url + path)
            assert status in (200, 302, 404, 405), path
            assert headers["x-frame-options"] == "DENY", path
            assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    finally:
        server.close()


def test_the_31st_wrong_login_within_a_minute_is_refused_without_checking_the_password(doc, tmp_path):
    login = Login([("alice", "right-口令")])
    server = Served(LibraryFake(doc), tmp_path, accounts=[("alice", "right-口令")], admins=("alice",), login=login)
    try:
        for _ in range(30):
            status, _, body = http(server.url + "login", {"username": "alice", "password": "wrong"})
            assert (status, body) == (400, '{"detail":"Incorrect credentials."}')
        assert login.checked == 30
        status, _, body = http(server.url + "login", {"username": "alice", "password": "right-口令"})
        assert status == 429
        assert body.startswith('{"detail":"登录失败次数过多，请 ') and body.endswith(' 秒后再试。"}')
        wait = int(body.split("请 ")[1].split(" 秒")[0])
        assert 1 <= wait <= 60
        assert login.checked == 30  # refused before the password was compared
        # the address is limited too: another user from the same address waits as well
        assert http(server.url + "login", {"username": "bob", "password": "x"})[0] == 429
    finally:
        server.close()


def test_the_limit_is_per_user_and_per_address_and_lifts_after_the_window():
    now = [0.0]
    limiter = LoginLimiter(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        limiter.failed("alice", "10.0.0.1")
    assert limiter.wait("alice", "10.0.0.9") == 60.0  # the user, from anywhere
    assert limiter.wait("bob", "10.0.0.1") == 60.0  # the address, for anyone
    assert limiter.wait("bob", "10.0.0.2") == 0
    now[0] = 59.5
    assert limiter.wait("alice", "10.0.0.1") == 0.5
    now[0] = 60.0
    assert limiter.wait("alice", "10.0.0.1") == 0


# ---------------------------------------------------------------- the library: admins only


def test_only_admins_change_the_library_also_through_the_http_api(doc, tmp_path):
    from gradio_client import Client, handle_file

    fake = LibraryFake(doc)
    upload = tmp_path / "2026年工作要点.txt"
    upload.write_text("\n".join(NOTICE_LINES), encoding="utf-8")
    server = Served(fake, tmp_path, accounts=[("admin", "pw-a"), ("reader", "pw-r")], admins=("admin",))
    try:
        reader = Client(server.url, auth=("reader", "pw-r"), verbose=False)
        status, *_ = reader.predict([handle_file(str(upload))], "", api_name="/add_documents")
        assert NOT_ADMIN in html.unescape(status)
        status, *_ = reader.predict(doc.doc_id, "", api_name="/remove_document")
        assert NOT_ADMIN in html.unescape(status)
        assert fake.changes == []

        admin = Client(server.url, auth=("admin", "pw-a"), verbose=False)
        status, *_ = admin.predict([handle_file(str(upload))], "", api_name="/add_documents")
        assert "已添加：2026年工作要点" in html.unescape(status)
        status, *_ = admin.predict("临江", "", api_name="/remove_document")
        assert "已删除：临江" in html.unescape(status)
        assert fake.changes == [("ingest", ["2026年工作要点.txt"]), ("remove", "临江")]
        # the uploaded copy is not kept once the library has the text
        assert not list(server.temp.gradio.rglob("2026年工作要点.txt"))
    finally:
        server.close()


def test_uploads_of_a_wrong_type_or_size_get_a_chinese_message_and_change_nothing(tmp_path):
    from assistant.web.library_page import MAX_UPLOAD_BYTES, check_uploads

    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_UPLOAD_BYTES + 1)
    good = tmp_path / "ok.md"
    good.write_text("# 标题", encoding="utf-8")
    ok, errors = check_uploads([str(exe), str(big), str(good)])
    assert ok == [str(good)]
    assert errors == [
        "setup.exe：不支持的文件类型（支持 .txt、.md、.docx、.pdf、.html、.htm、.jsonl），未导入。",
        "big.txt：文件过大（20.0 MB，上限 20 MB），未导入。",
    ]


# ---------------------------------------------------------------- bounded temporary files


@pytest.mark.slow
def test_100_quiz_and_export_requests_keep_the_temp_folder_bounded(doc, tmp_path):
    from gradio_client import Client

    bound = 1024 * 1024
    temp = TempFiles(tmp_path / "temp", max_bytes=bound)
    server = Served(LibraryFake(doc), tmp_path, temp=temp)
    try:
        client = Client(server.url, verbose=False)
        sizes = []
        for i in range(50):
            client.predict(3, ["single", "tf"], [], i, "", api_name="/quiz")
            client.predict("", doc.items[i % len(doc.items)].title[:2] if i % 2 else str(i), api_name="/work_points")  # (document, filter)
            sizes.append(temp.size())
        # every request prunes first: at most the bound plus the files of one request
        assert max(sizes) <= bound + 200 * 1024
        assert len(list(temp.exports.iterdir())) < 100
    finally:
        server.close()


def test_prune_drops_old_entries_then_the_oldest_over_the_bound(tmp_path):
    import os
    import time

    temp = TempFiles(tmp_path, max_bytes=2500, max_age=60)
    now = time.time()
    for i, age in enumerate((120, 30, 20, 10)):
        folder = temp.exports / f"e{i}"
        folder.mkdir()
        (folder / "f.bin").write_bytes(b"x" * 1000)
        os.utime(folder, (now - age, now - age))
    temp.prune(keep=temp.exports / "e1")
    # e0 is too old; then 3000 bytes > 2500: the oldest that may go (e2) goes, e1 is kept
    assert sorted(p.name for p in temp.exports.iterdir()) == ["e1", "e3"]


# ---------------------------------------------------------------- the question queue


def test_questions_sent_while_an_answer_streams_are_answered_after_it_in_order(doc):
    fake = FakeAssistant(doc)
    warm = ready_warm(fake)
    conversation = Conversation()
    gate = threading.Event()
    first = answer_queued(fake, warm, conversation, "规范性文件什么时候前要录入数据库？", delay=0)
    next(first)  # the first question is being answered: its event drains the queue
    shown = list(answer_queued(fake, warm, conversation, "那这项工作由谁负责？", delay=0))
    assert [m["content"] for m in shown[-1][-2:]] == ["那这项工作由谁负责？", WAITING]
    list(answer_queued(fake, warm, conversation, "第三个问题", delay=0))
    *_, final = first  # the draining event answers both waiting questions, in order
    gate.set()
    assert [t["question"] for t in conversation.turns] == ["规范性文件什么时候前要录入数据库？", "那这项工作由谁负责？", "第三个问题"]
    assert [q for q, _ in fake.calls] == ["规范性文件什么时候前要录入数据库？", "那这项工作由谁负责？", "第三个问题"]
    assert fake.calls[1][1][0] == {"role": "user", "content": "规范性文件什么时候前要录入数据库？"}  # history kept
    assert len(final) == 6 and WAITING not in str(final)
    assert not conversation.busy and not conversation.waiting


def test_a_session_keeps_a_bounded_number_of_turns(doc):
    from assistant.web.chat import MAX_TURNS

    fake = FakeAssistant(doc)
    warm = ready_warm(fake)
    conversation = Conversation()
    for i in range(MAX_TURNS + 5):
        list(answer_queued(fake, warm, conversation, f"问题{i}", delay=0))
    assert len(conversation.turns) == MAX_TURNS
    assert conversation.turns[0]["question"] == "问题5"


# ---------------------------------------------------------------- 本单位任务


def test_a_units_tasks_across_documents_and_its_calendar(doc, tmp_path):
    import icalendar

    from assistant.documents import parse_notice

    other = parse_notice("\n".join(NOTICE_LINES), source="临江市2026年法治政府建设工作要点.txt")
    tasks = unit_tasks([doc, other], "市司法局")
    assert unit_rows(tasks) == [
        ["临江市2026年法治政府建设工作要点", "第（一）项", "加强行政规范性文件合法性审核", "责任", "2026年6月底前（2026-06-30）", "市司法局"],
        ["临江市2026年法治政府建设工作要点", "第（二）项", "推进重大行政决策目录化管理", "配合", "2026年9月底前（2026-09-30）",
         "市政府办公室；市司法局；市发展改革委"],
        ["临江市2026年法治政府建设工作要点", "第（三）项", "深化法治宣传", "牵头", "", "市司法局"],
    ]
    calendar = icalendar.Calendar.from_ical(unit_calendar("市司法局", tasks))
    assert str(calendar.get("x-wr-calname")) == "市司法局 任务期限"
    events = [(e.get("dtstart").dt.isoformat(), e.get("dtend").dt.isoformat(), str(e.get("summary"))) for e in calendar.walk("VEVENT")]
    assert events == [
        ("2026-06-30", "2026-07-01", "【责任】第（一）项 加强行政规范性文件合法性审核"),
        ("2026-09-30", "2026-10-01", "【配合】第（二）项 推进重大行政决策目录化管理"),
    ]  # 持续开展 has no date: no event
    uids = [str(e.get("uid")) for e in calendar.walk("VEVENT")]
    assert uids == [str(e.get("uid")) for e in icalendar.Calendar.from_ical(unit_calendar("市司法局", tasks)).walk("VEVENT")]
    assert unit_tasks([doc, other], "不存在的单位") == []

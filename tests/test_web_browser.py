"""The real app in a real browser: ``python app.py`` in a subprocess (temporary index
and data folders, a free port on 127.0.0.1) driven by Playwright over Debian's
Chromium. The first app builds the index; the second (login on) reuses it."""

import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks._server import free_port, stop_process

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY_SECONDS = 240  # first start: model load + index build on 2 cores
ANSWER_MS = 60_000
USER, PASSWORD = "tester", "s3cret-口令"

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


class App:
    """``python app.py`` on a free port; its console goes to ``log``."""

    def __init__(self, folder: Path, index_dir: Path, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.data_dir = folder / "data"
        self.log = folder / "app.log"
        full_env = dict(os.environ, ASSISTANT_INDEX_DIR=str(index_dir), ASSISTANT_DATA_DIR=str(self.data_dir), PYTHONUNBUFFERED="1")
        full_env.pop("ASSISTANT_AUTH", None)
        full_env.update(env)
        self._out = self.log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "app.py", "--port", str(self.port)], cwd=ROOT, env=full_env, stdout=self._out, stderr=subprocess.STDOUT
        )
        self.wait_ready()

    def console(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self) -> None:
        """The server answers HTTP and the warm-up (model, index) has finished."""
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {self.proc.returncode}:\n{self.console()}")
            if "[政策问答助手] 就绪" in self.console():
                try:
                    urllib.request.urlopen(self.url, timeout=5).close()
                    return
                except OSError:
                    pass
            time.sleep(0.5)
        raise TimeoutError(f"app.py not ready after {READY_SECONDS}s:\n{self.console()}")

    def stop(self) -> None:
        stop_process(self.proc)
        self._out.close()


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    return root, root / "indexes"


@pytest.fixture(scope="module")
def app(folders):
    root, index_dir = folders
    (root / "open").mkdir()
    server = App(root / "open", index_dir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(ANSWER_MS)
    pg.dialogs = []

    def on_dialog(dialog):
        if dialog.type == "confirm":  # 删除所选文档 asks first
            dialog.accept()
            return
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def open_chat(page, url: str) -> None:
    page.goto(url)
    page.locator("#qa-status").get_by_text("就绪").wait_for()


TAB_NAMES = {"chat": "问答", "work-points": "工作要点一览", "units": "本单位任务", "quiz": "法治培训测验", "library": "文档管理"}


def open_tab(page, tab_id: str) -> None:
    """Click a tab; on a narrow page gradio moves the tabs that do not fit into a "…" menu."""
    tab = page.locator(f"[role=tab][data-tab-id={tab_id}]")
    if tab.count() and tab.first.is_visible():
        tab.first.click()
        return
    page.locator(".overflow-menu button").first.click()
    page.locator(".overflow-dropdown button").filter(has_text=TAB_NAMES[tab_id]).first.click()


def choose(page, dropdown: str, label: str) -> None:
    """Pick ``label`` in the gradio dropdown ``#dropdown`` (only its list is visible)."""
    box = page.locator(f"#{dropdown} input")
    box.click()
    page.locator(f"#{box.get_attribute('aria-controls')}").get_by_role("option", name=label, exact=True).click()


def finished_answers(page, n: int) -> None:
    """Wait until the chat shows ``n`` answers, none of them still streaming or waiting."""
    page.wait_for_function(
        "([n]) => { const b = [...document.querySelectorAll('#qa-chatbot [data-testid=bot]')];"
        " return b.length === n && b.every(x => !x.innerText.includes('▍') && !x.innerText.includes('正在检索') && !x.innerText.includes('排队中')); }",
        arg=[n],
    )


def ask(page, question: str):
    """Type a question, press Enter, wait for the finished answer; returns its locator."""
    bots = page.locator("#qa-chatbot [data-testid=bot]")
    before = bots.count()
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")
    answer = bots.nth(before)
    answer.wait_for()
    # streaming ends when the cursor disappears
    page.wait_for_function(
        "([n]) => { const b = document.querySelectorAll('#qa-chatbot [data-testid=bot]');"
        " return b.length > n && !b[n].innerText.includes('▍') && !b[n].innerText.includes('正在检索'); }",
        arg=[before],
    )
    return answer


def test_answer_quotes_its_source_and_follow_up_keeps_the_item(app, page):
    open_chat(page, app.url)
    answer = ask(page, "规范性文件什么时候前要录入数据库？")
    assert "10月底" in answer.inner_text()

    source = answer.locator(".qa-source").first
    summary = source.locator("summary")
    assert "第（七）项 严格规范性文件管理" in summary.inner_text()
    assert "二、完善依法行政制度体系" in summary.inner_text()
    assert "录入郑州市规范性文件数据库" in summary.locator(".qa-quote").inner_text()
    full = source.locator(".qa-item")
    assert not full.is_visible()
    summary.click()
    full.wait_for(state="visible")
    assert full.inner_text().startswith("认真贯彻省、市规范性文件管理规定")
    assert "2017年10月底前" in full.locator("mark").inner_text()

    follow = ask(page, "那这项工作由谁负责？")
    text = follow.inner_text()
    assert "规范性文件" in text or "（七）" in text
    assert "第（七）项" in follow.locator(".qa-source").first.locator("summary").inner_text()


def test_thumbs_up_is_stored(app, page):
    open_chat(page, app.url)
    ask(page, "政府法律顾问制度要在什么时候前全部建立？")
    page.locator("#qa-chatbot button[aria-label='赞'], #qa-chatbot button[aria-label='Like']").first.click()
    page.get_by_text("已记录您的反馈（👍）。谢谢！").wait_for()  # the confirmation pop-up, titled in Chinese
    title = page.locator("[data-testid=toast-body] .toast-title").first
    assert title.evaluate("e => getComputedStyle(e, '::before').content") == '"提示"'
    assert title.evaluate("e => getComputedStyle(e).fontSize") == "0px"  # gradio's English "Info" is not shown
    db = app.data_dir / "feedback.sqlite3"
    deadline = time.monotonic() + 15
    rows = []
    while time.monotonic() < deadline and not rows:
        if db.exists():
            with sqlite3.connect(db) as conn:
                rows = conn.execute("SELECT vote, question, citations FROM feedback").fetchall()
        time.sleep(0.3)
    assert rows and rows[-1][0] == "up"
    assert rows[-1][1] == "政府法律顾问制度要在什么时候前全部建立？"
    assert '"item": 10' in rows[-1][2]


def test_example_buttons_and_clear(app, page):
    open_chat(page, app.url)
    bots = page.locator("#qa-chatbot [data-testid=bot]")
    page.get_by_role("button", name="这份文件的文号是什么？").click()
    page.wait_for_function("() => [...document.querySelectorAll('#qa-chatbot [data-testid=bot]')].some(b => b.innerText.includes('郑政文〔2017〕60号') && !b.innerText.includes('▍'))")
    assert bots.count() == 1
    page.locator("#qa-clear").click()
    page.wait_for_function("() => document.querySelectorAll('#qa-chatbot [data-testid=bot]').length === 0")


def test_html_in_a_question_is_shown_not_run(app, page):
    open_chat(page, app.url)
    question = "<img src=x onerror=alert(1)>"
    ask(page, question)
    ask(page, "**粗体** <script>alert(2)</script> [链接](http://example.invalid)")
    page.wait_for_timeout(1000)  # give a broken image's onerror time to fire
    assert page.dialogs == []
    users = page.locator("#qa-chatbot [data-testid=user]")
    assert users.nth(0).inner_text().strip() == question
    assert users.nth(1).inner_text().strip() == "**粗体** <script>alert(2)</script> [链接](http://example.invalid)"
    chat = page.locator("#qa-chatbot")
    assert chat.locator("img[src='x'], script, a[href*='example.invalid'], strong").count() == 0


def test_work_points_table_filter_download_and_timeline(app, page, tmp_path):
    open_chat(page, app.url)
    page.get_by_role("tab", name="工作要点一览").click()
    table = page.locator("#qa-table")
    serials = table.locator("[role=gridcell][data-col='1']")
    serials.first.wait_for()
    assert serials.count() == 34
    assert "显示 34 / 34 项" in page.locator("#qa-count").inner_text()

    with page.expect_download() as info:
        page.locator("#qa-csv").click()
    saved = tmp_path / "all.csv"
    info.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "章节,序号,标题,期限,责任单位,数量要求"
    assert len(lines) == 35

    timeline = page.locator("#qa-timeline").inner_text()
    for expected in (
        "2017-10-31 第（七）项 严格规范性文件管理：2017年10月底前",
        "2017-12-31 第（十）项 积极推进政府法律顾问和公职律师制度：2017年12月底前",
        "2017-12-31 第（二十八）项 健全依法化解纠纷机制：2017年底前",
    ):
        assert expected in timeline

    page.locator("#qa-filter textarea, #qa-filter input").first.fill("2017-12-31")
    page.wait_for_function("() => document.querySelector('#qa-count').innerText.includes('显示 2 / 34')")
    assert [serials.nth(i).inner_text().strip() for i in range(serials.count())] == ["10", "28"]
    with page.expect_download() as info:
        page.locator("#qa-csv").click()
    info.value.save_as(tmp_path / "filtered.csv")
    assert len((tmp_path / "filtered.csv").read_text(encoding="utf-8-sig").splitlines()) == 3


def test_quiz_generate_answer_grade_and_download(app, page, tmp_path):
    import json

    from assistant import quiz as quizlib
    from assistant.documents import parse_file

    open_chat(page, app.url)
    page.get_by_role("tab", name="法治培训测验").click()
    size = page.locator("#qa-quiz-n input")
    size.fill("0")
    size.press("Tab")  # leave the field as a user does, so the value is committed before the click
    page.locator("#qa-quiz-generate").click()
    page.locator("#qa-quiz-status").get_by_text("题量必须是正整数，当前为：0。").wait_for()
    assert page.locator("#qa-quiz-q1").count() == 0

    size.fill("5")  # seed 7 and all four types are the defaults
    size.press("Tab")
    page.locator("#qa-quiz-generate").click()
    page.locator("#qa-quiz-status").get_by_text("已生成 5 道题").wait_for()
    page.locator("#qa-quiz-q5").first.wait_for()
    assert page.locator("#qa-quiz-q6").count() == 0
    given = []
    for i in range(1, 6):
        box = page.locator(f"#qa-quiz-q{i}").first  # gradio repeats a Group's id on an inner element
        radios, checks = box.locator("input[type=radio]"), box.locator("input[type=checkbox]")
        if radios.count():
            radios.first.check()
            given.append("first")
        elif checks.count():
            checks.first.check()
            given.append(["first"])
        else:
            box.locator("textarea, input[type=text]").first.fill("行政执法")
            given.append("行政执法")
    page.locator("#qa-quiz-submit").click()
    page.locator("#qa-quiz-score").get_by_text("得分：").wait_for()
    score_line = page.locator("#qa-quiz-score").inner_text()
    for i in range(1, 6):
        feedback = page.locator(f"#qa-quiz-q{i}").first.locator(".qa-quiz-feedback").first
        feedback.wait_for()
        text = feedback.inner_text()
        assert ("回答正确" in text or "回答错误" in text) and "正确答案：" in text and "原文出自（" in text

    with page.expect_download() as info:
        page.locator("#qa-quiz-json").click()
    saved = tmp_path / "quiz.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert len(data) == 5
    quiz = quizlib.load_quiz(saved)
    assert quiz == quizlib.build_quiz(parse_file(ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"), n=5, seed=7)
    # the page's score is quiz.grade of what was clicked: the first option, 对, or the typed words
    sheet = {}
    for q, g in zip(quiz, given):
        first = quizlib.TRUE if q.type == "tf" else "A"
        sheet[q.id] = [first] if isinstance(g, list) else first if g == "first" else g
    result = quizlib.grade(quiz, sheet)
    assert score_line.startswith(f"得分：{result['score']}/5（{result['percent']:g}%）")


@pytest.fixture(scope="module")
def auth_app(folders, app):
    root, index_dir = folders  # the same index: this start reuses what the first one built
    (root / "auth").mkdir()
    manifest = index_dir / "manifest.json"
    built = manifest.read_bytes() if manifest.exists() else None
    server = App(root / "auth", index_dir, ASSISTANT_AUTH=f"{USER}:{PASSWORD},other:pw2", ASSISTANT_ADMINS=USER)
    server.reused_index = built is not None and manifest.read_bytes() == built
    yield server
    server.stop()


def test_login_refuses_a_wrong_password_and_admits_the_right_one(auth_app, page):
    page.goto(auth_app.url)
    password = page.locator("input[type=password]")
    password.wait_for()
    assert page.locator("#qa-chatbot").count() == 0
    page.locator("input[data-testid=textbox]").fill(USER)
    password.fill("wrong")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("凭据不正确").wait_for()
    assert page.locator("#qa-chatbot").count() == 0

    page.locator("input[data-testid=textbox]").fill(USER)
    password.fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator("#qa-chatbot").wait_for()
    answer = ask(page, "县（市、区）政府常务会议每年学法不少于几次？")
    assert "4次" in answer.inner_text()
    assert auth_app.reused_index


def test_a_reader_may_not_remove_a_document(auth_app, page, tmp_path):
    page.goto(auth_app.url)
    page.locator("input[data-testid=textbox]").fill("other")
    page.locator("input[type=password]").fill("pw2")
    page.get_by_role("button", name="登录").click()
    page.locator("#qa-status").get_by_text("就绪").wait_for()
    open_tab(page, "library")
    rows = page.locator("#qa-library-table [role=row]")
    rows.filter(has_text="郑州市2017年推进依法行政建设法治政府工作要点").first.wait_for()
    choose(page, "qa-library-doc", "《郑州市2017年推进依法行政建设法治政府工作要点》（郑政文〔2017〕60号）")
    page.locator("#qa-library-remove").click()
    page.locator("#qa-library-status").get_by_text("只有管理员可以修改文档库").wait_for()
    notice = make_notice_docx(tmp_path / f"{NOTICE_TITLE}.docx")
    page.locator("#qa-upload input[type=file]").set_input_files(str(notice))
    page.locator("#qa-upload").get_by_text(notice.name).wait_for()
    page.locator("#qa-upload-add").click()
    page.locator("#qa-library-status").get_by_text("只有管理员可以修改文档库").wait_for()
    assert rows.filter(has_text=NOTICE_TITLE).count() == 0
    assert rows.filter(has_text="郑州市2017年推进依法行政建设法治政府工作要点").count() == 1


def test_first_start_prints_index_progress(app):
    lines = [l for l in app.console().splitlines() if l.startswith("[政策问答助手] ")]
    assert lines[0] == "[政策问答助手] 正在启动……"
    assert lines[-1].startswith("[政策问答助手] 就绪（用时")
    assert len(lines) >= 4  # start, address, at least one warm-up progress message, ready


def test_documents_ingested_while_the_app_runs_can_be_chosen_and_asked(app, folders, page, tmp_path):
    _, index_dir = folders
    row = (ROOT / "tests" / "data" / "reports_sample.jsonl").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "report.jsonl").write_text(row + "\n", encoding="utf-8")
    env = dict(os.environ, ASSISTANT_INDEX_DIR=str(index_dir))
    out = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(tmp_path / "report.jsonl")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr

    # A page opened now lists the new document in 回答范围 and answers from it.
    open_chat(page, app.url)
    scope = page.locator("#qa-scope")
    scope.wait_for(state="visible")
    scope.locator("input").click()
    page.get_by_role("option", name="《2025年中华人民共和国国务院政府工作报告》").click()
    answer = ask(page, "城镇新增就业目标是多少？")
    assert "1200万人" in answer.inner_text()
    assert "《2025年中华人民共和国国务院政府工作报告》" in answer.locator(".qa-source").first.locator("summary").inner_text()


def test_typing_right_after_enter_keeps_every_character(app, page):
    open_chat(page, app.url)
    box = page.locator("#qa-question textarea")
    box.fill("规范性文件什么时候前要录入数据库？")
    box.press("Enter")
    page.keyboard.type("那这项工作谁负责？")  # no pause: the keys arrive while the answer streams
    assert box.input_value() == "那这项工作谁负责？"
    finished_answers(page, 1)
    assert box.input_value() == "那这项工作谁负责？"
    box.press("Enter")
    finished_answers(page, 2)
    users = page.locator("#qa-chatbot [data-testid=user]").all_inner_texts()
    assert [u.strip() for u in users] == ["规范性文件什么时候前要录入数据库？", "那这项工作谁负责？"]
    assert box.input_value() == ""


def test_three_questions_sent_100_ms_apart_are_all_answered_in_order(app, page):
    open_chat(page, app.url)
    questions = ["规范性文件什么时候前要录入数据库？", "县（市、区）政府常务会议每年学法不少于几次？", "这份文件的文号是什么？"]
    box = page.locator("#qa-question textarea")
    for q in questions:
        box.fill(q)
        box.press("Enter")
        page.wait_for_timeout(100)
    finished_answers(page, 3)
    users = [u.strip() for u in page.locator("#qa-chatbot [data-testid=user]").all_inner_texts()]
    assert users == questions
    answers = page.locator("#qa-chatbot [data-testid=bot]").all_inner_texts()
    assert "10月底" in answers[0] and "4次" in answers[1] and "郑政文〔2017〕60号" in answers[2]


def make_notice_docx(path: Path) -> Path:
    """A work-points notice with 责任单位/牵头单位 lines, as a Word file."""
    import docx

    document = docx.Document()
    for line in NOTICE_LINES:
        document.add_paragraph(line)
    document.save(str(path))
    return path


NOTICE_TITLE = "临江市2026年法治政府建设工作要点"
NOTICE_LINES = [
    NOTICE_TITLE,
    "一、完善依法行政制度体系",
    "（一）加强行政规范性文件合法性审核。全面落实合法性审核机制，2026年6月底前完成现行规范性文件清理。",
    "责任单位：市司法局",
    "（二）推进重大行政决策目录化管理。各级政府每年公布重大行政决策事项目录，2026年9月底前完成。",
    "牵头单位：市政府办公室；配合单位：市司法局、市发展改革委",
    "二、强化行政执法监督",
    "（三）开展行政执法案卷评查。全年评查执法案卷不少于200卷，2026年11月底前报送评查结果。",
    "责任单位：市司法局、市财政局",
    "（四）推进政务服务标准化。2026年12月底前实现高频事项“一网通办”。",
    "责任单位：市政务服务中心",
]


def test_upload_a_notice_ask_about_it_see_its_tasks_and_remove_it(app, page, tmp_path):
    import icalendar

    notice = make_notice_docx(tmp_path / f"{NOTICE_TITLE}.docx")
    open_chat(page, app.url)
    open_tab(page, "library")
    page.locator("#qa-upload input[type=file]").set_input_files(str(notice))
    page.locator("#qa-upload").get_by_text(notice.name).wait_for()
    page.locator("#qa-upload-add").click()
    page.locator("#qa-library-status").get_by_text(f"已添加：{NOTICE_TITLE}").wait_for(timeout=120_000)
    row = page.locator("#qa-library-table [role=row]").filter(has_text=NOTICE_TITLE)
    row.first.wait_for()
    assert "通知" in row.first.inner_text()

    # the parsed tree
    choose(page, "qa-library-doc", f"《{NOTICE_TITLE}》")
    tree = page.locator("#qa-library-tree")
    tree.get_by_text("（三）开展行政执法案卷评查").wait_for()
    assert "责任单位：市司法局；市财政局" in tree.inner_text()

    # every tab follows the document chosen in 回答范围
    choose(page, "qa-scope", f"《{NOTICE_TITLE}》")
    page.locator("#qa-header-line").get_by_text(NOTICE_TITLE).wait_for()
    page.locator("#qa-status").get_by_text("共 4 项工作").wait_for()
    open_tab(page, "chat")
    answer = ask(page, "行政规范性文件合法性审核由哪个单位负责？")
    assert "市司法局" in answer.inner_text()
    assert NOTICE_TITLE in answer.locator(".qa-source").first.inner_text() or "（一）" in answer.locator(".qa-source").first.inner_text()

    open_tab(page, "work-points")
    page.locator("#qa-count").get_by_text("显示 4 / 4 项").wait_for()
    timeline = page.locator("#qa-timeline")
    for expected in ("2026-06-30", "2026-09-30", "2026-11-30", "2026-12-31"):
        assert expected in timeline.inner_text()
    labels = timeline.locator(".qa-dot-label")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert len(boxes) == 4
    for i, a in enumerate(boxes):  # no two labels overlap
        for b in boxes[i + 1 :]:
            assert a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"] or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
    page.locator("#qa-filter textarea, #qa-filter input").first.fill("市财政局")  # a unit name
    page.locator("#qa-count").get_by_text("显示 1 / 4 项").wait_for()

    open_tab(page, "units")
    page.locator("#qa-unit input").fill("市司法局")
    page.locator("#qa-unit-find").click()
    page.locator("#qa-unit-summary").get_by_text("“市司法局”共涉及 3 项任务（牵头 0 项），3 个完成期限").wait_for()
    roles = page.locator("#qa-unit-table [role=gridcell][data-col='3']").all_inner_texts()
    assert [r.strip() for r in roles] == ["责任", "配合", "责任"]
    with page.expect_download() as info:
        page.locator("#qa-unit-ics").click()
    saved = tmp_path / "deadlines.ics"
    info.value.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    events = sorted((e.get("dtstart").dt.isoformat(), str(e.get("summary"))) for e in calendar.walk("VEVENT"))
    assert events == [
        ("2026-06-30", "【责任】第（一）项 加强行政规范性文件合法性审核"),
        ("2026-09-30", "【配合】第（二）项 推进重大行政决策目录化管理"),
        ("2026-11-30", "【责任】第（三）项 开展行政执法案卷评查"),
    ]

    # remove it: gone from the library and from 回答范围
    open_tab(page, "library")
    choose(page, "qa-library-doc", f"《{NOTICE_TITLE}》")
    page.locator("#qa-library-remove").click()
    page.locator("#qa-library-status").get_by_text(f"已删除：{NOTICE_TITLE}").wait_for(timeout=120_000)
    page.locator("#qa-library-table [role=row]").filter(has_text=NOTICE_TITLE).first.wait_for(state="detached")
    box = page.locator("#qa-scope input")
    box.click()
    options = page.locator(f"#{box.get_attribute('aria-controls')}").get_by_role("option")
    options.first.wait_for()
    assert NOTICE_TITLE not in " ".join(options.all_inner_texts())

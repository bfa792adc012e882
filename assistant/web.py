"""Web chat (gradio): a thin front end over :class:`assistant.service.Assistant`.

>>> from assistant.service import Assistant          # doctest: +SKIP
>>> demo = build_demo(Assistant())                    # doctest: +SKIP
>>> demo.launch(server_name="127.0.0.1", css=CSS)     # doctest: +SKIP

``python app.py`` (or :func:`launch`) does the same with argument parsing, login and the
first-start index build shown in the page. gradio is imported inside functions only, so
``app.py -h`` and the unit tests start fast. Everything that ends up in HTML — the user's
question, the answer, corpus text — goes through :func:`escape_text` first.
"""

import argparse
import csv
import hashlib
import html
import json
import logging
import math
import re
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from . import quiz as quizlib
from .documents import facts_summary
from .feedback import FILENAME as FEEDBACK_FILENAME
from .feedback import FeedbackStore, vote_name
from .schema import AssistantError, Document, InputError, Passage

log = logging.getLogger(__name__)

TITLE = "政策问答助手"
GENERIC_ERROR = "抱歉，系统出现问题，请稍后重试。"
EXAMPLES = (
    "规范性文件什么时候前要录入数据库？",
    "政府法律顾问制度要在什么时候前全部建立？",
    "县（市、区）政府常务会议每年学法不少于几次？",
    "一共有多少项工作？",
    "这份文件的文号是什么？",
)
HEADERS = ["章节", "序号", "标题", "期限", "责任单位", "数量要求"]
# Chat requests that run at once; more wait in gradio's queue. ask() runs without a lock:
# after warm-up it only reads (structures built once, the tokenizer's settings fixed by the
# warm-up query, thread-safe LRU caches, Chroma and torch inference), and parallel asks
# use both cores (tests/test_web.py::test_concurrent_asks_match_serial_ones). A running
# request holds one of gradio's 40 worker threads while it streams; the rest stay free
# for the other tabs.
CHAT_CONCURRENCY = 24
MAX_QUESTION_CHARS = 1000  # ask() reads less; this only keeps a pasted page out of the chat
# The answer is finished when streaming starts: the stream is only a short typing effect,
# so it uses few messages (each costs the server a diff and an SSE event) and little time.
STREAM_CHUNKS = 3
STREAM_SECONDS = 0.1  # pause budget per answer, spread over the chunks

CSS = """
.qa-header h1 {margin-bottom: 0.1em;}
.qa-status {font-size: 0.92em; color: var(--body-text-color-subdued);}
.qa-ready {color: #16a34a;}
.qa-busy {color: #d97706;}
.qa-failed, .qa-error {color: #dc2626;}
.qa-mark {font-size: 0.75em; color: var(--color-accent); margin: 0 1px;}
.qa-sources {margin-top: 0.6em; padding-top: 0.4em; border-top: 1px solid var(--border-color-primary); font-size: 0.92em;}
.qa-sources-title {font-weight: 600; color: #6b7280; margin-bottom: 0.2em;}
.qa-source {margin: 0.35em 0;}
.qa-source > summary {cursor: pointer;}
.qa-source[open] .qa-quote {display: none;}  /* the open item shows the sentence highlighted */
.qa-chapter {color: #6b7280; font-size: 0.9em; margin-left: 0.5em;}
.qa-quote {display: block; margin: 0.2em 0 0 1.3em; color: var(--body-text-color);}
.qa-item {margin: 0.3em 0 0.3em 1.3em; padding: 0.3em 0.7em; border-left: 3px solid var(--color-accent); line-height: 1.7;}
.qa-item mark {background: #ffe58f; color: #1f2937; padding: 0 2px;}
.qa-timeline {padding: 0.5em 0.5em 0 0.5em;}
.qa-axis {position: relative; height: 64px; margin: 8px 12px 4px 12px; border-bottom: 2px solid var(--border-color-primary);}
.qa-tick {position: absolute; bottom: -22px; font-size: 0.8em; transform: translateX(-50%); color: var(--body-text-color-subdued);}
.qa-dot {position: absolute; width: 12px; height: 12px; border-radius: 6px; background: var(--color-accent); transform: translateX(-50%);}
.qa-dot-label {position: absolute; font-size: 0.8em; transform: translateX(-50%); white-space: nowrap;}
.qa-timeline ul {margin-top: 30px;}
.qa-quiz-question {margin-bottom: 0.5em;}
.qa-qtype {font-size: 0.8em; color: var(--body-text-color-subdued); border: 1px solid var(--border-color-primary); border-radius: 4px; padding: 0 4px; margin-right: 4px;}
.qa-right {color: #16a34a; font-weight: 600;}
.qa-wrong {color: #dc2626; font-weight: 600;}
.qa-missing {color: #d97706; font-weight: 600;}
"""


# ---------------------------------------------------------------- escaping and rendering

# Markdown (and gradio's LaTeX) syntax characters. They become numeric character
# references, which marked shows as the character but never reads as syntax, both in
# Markdown text and inside raw HTML blocks.
_MD_SYNTAX = set("\\`*_{}[]()#+-.!|~$:=^%@/;,?")


def escape_text(text: str) -> str:
    """Text -> a string that the chatbot's Markdown + HTML renderer shows literally.

    >>> escape_text("<b>*x*</b>")
    '&lt;b&gt;&#42;x&#42;&lt;&#47;b&gt;'
    """
    out = []
    for ch in str(text):
        if ch in "&<>\"'":
            out.append(html.escape(ch, quote=True))
        elif ch in _MD_SYNTAX:
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def escape_lines(text: str, sep: str = "<br>") -> str:
    """:func:`escape_text` per line, joined with ``sep``; leading spaces dropped so no
    line turns into a Markdown code block."""
    return sep.join(escape_text(line.strip()) for line in str(text).split("\n"))


_MARKER = re.compile(r"\[(\d{1,3})\]")


def render_answer_text(text: str) -> str:
    """Answer text -> escaped Markdown with citation markers shown as superscripts."""
    parts = []
    pos = 0
    for m in _MARKER.finditer(text):
        parts.append(escape_lines(text[pos : m.start()], "\n"))
        parts.append(f'<sup class="qa-mark">&#91;{m.group(1)}&#93;</sup>')
        pos = m.end()
    parts.append(escape_lines(text[pos:], "\n"))
    return "".join(parts)


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_heading(item) -> str:
    """``第（七）项 严格规范性文件管理``."""
    return f"{item.label} {item.title}"


def _find_document(documents: list[Document], doc_id: str) -> Document | None:
    for doc in documents:
        if doc.doc_id == doc_id:
            return doc
    return documents[0] if len(documents) == 1 else None


def _cited_sentence(passage: Passage, item) -> str:
    if passage.kind == "sentence" or passage.sentence >= 0:
        if 0 <= passage.sentence < len(item.sentences):
            return item.sentences[passage.sentence]
        return passage.text
    return ""


def highlight(full: str, sentence: str) -> str:
    """Escaped ``full`` with the first occurrence of ``sentence`` wrapped in <mark>."""
    at = full.find(sentence) if sentence else -1
    if at < 0:
        return escape_lines(full)
    end = at + len(sentence)
    return escape_lines(full[:at]) + "<mark>" + escape_lines(sentence) + "</mark>" + escape_lines(full[end:])


def render_source(number: int, passage: Passage, document: Document | None, doc_label: str = "") -> str:
    """One source: heading (item, chapter) and the cited sentence, opening to the full item.
    ``doc_label`` names the document when several are loaded."""
    item = document.item(passage.item) if document is not None and passage.item else None
    if item is not None:
        heading = item_heading(item)
        chapter_obj = document.chapter(item.chapter)
        chapter = chapter_obj.ref if chapter_obj else passage.chapter
        sentence = _cited_sentence(passage, item)
        quote = sentence or passage.text or item.text
        limit = 240 if sentence else 90  # the cited sentence in full; a whole item shortened
        body = highlight(item.text, sentence)
        more = f"{item.label}全文"
    else:
        heading = passage.ref or passage.kind
        chapter = "" if passage.chapter and heading.startswith(passage.chapter) else passage.chapter
        quote = passage.text
        limit = 90
        body = escape_lines(passage.text)
        more = "原文"
    chapter_html = f'<span class="qa-chapter">{escape_text(chapter)}</span>' if chapter else ""
    if doc_label:
        heading = f"{doc_label} {heading}"
    # One line, no blank lines: Markdown must treat the whole source as one HTML block.
    return (
        f'<details class="qa-source"><summary><b>&#91;{number}&#93; {escape_text(heading)}</b>{chapter_html}'
        f'<span class="qa-quote">“{escape_text(_shorten(quote, limit))}”</span></summary>'
        f'<div class="qa-item" title="{escape_text(more)}">{body}</div></details>'
    )


def render_answer(answer, documents: list[Document]) -> str:
    """Full chatbot message for an Answer: text, then its sources."""
    text = render_answer_text(answer.text)
    if not answer.citations:
        return text
    several = len(documents) > 1
    sources = []
    for i, p in enumerate(answer.citations, 1):
        doc = _find_document(documents, p.doc_id)
        label = (doc.label if doc is not None else f"《{p.doc_title}》") if several else ""
        sources.append(render_source(i, p, doc, label))
    return text + '\n\n<div class="qa-sources"><div class="qa-sources-title">来源（点击查看原文）</div>' + "".join(sources) + "</div>"


# ---------------------------------------------------------------- work-points table


def work_point_rows(document: Document) -> list[list]:
    """One row per item: 章节, 序号, 标题, 期限, 责任单位, 数量要求."""
    chapters = {c.number: c.ref for c in document.chapters}
    rows = []
    for item in document.items:
        summary = facts_summary(item)
        rows.append(
            [
                chapters.get(item.chapter, ""),
                item.number,
                item.title,
                "；".join(summary["deadlines"]),
                "；".join(summary["units"]),
                "；".join(summary["quantities"]),
            ]
        )
    return rows


def filter_rows(rows: list[list], query: str) -> list[list]:
    """Rows where any cell contains ``query`` (case-insensitive); all rows for a blank query."""
    needle = (query or "").strip().lower()
    if not needle:
        return list(rows)
    return [r for r in rows if any(needle in str(cell).lower() for cell in r)]


def write_csv(rows: list[list], path: str | Path) -> Path:
    """UTF-8 with BOM so that Excel opens the Chinese text correctly."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def write_xlsx(rows: list[list], path: str | Path, title: str = "工作要点") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEF", (26, 6, 30, 30, 40, 24)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    wb.save(path)
    return path


def export_files(rows: list[list], root: str | Path) -> tuple[Path, Path]:
    """``work-points.csv`` and ``work-points.xlsx`` of ``rows``, in a sub-folder of ``root``
    named by the rows' hash: the same filter result is written once, and the download
    keeps its plain file name."""
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    folder = Path(root) / digest
    csv_path, xlsx_path = folder / "work-points.csv", folder / "work-points.xlsx"
    if not (csv_path.exists() and xlsx_path.exists()):
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(rows, csv_path)
        write_xlsx(rows, xlsx_path)
    return csv_path, xlsx_path


def deadline_entries(document: Document) -> list[tuple[str, object, str]]:
    """(ISO date, item, verbatim deadline text), sorted by date then item number."""
    out = []
    for item in document.items:
        for fact in item.deadlines:
            out.append((str(fact.value), item, fact.text))
    return sorted(out, key=lambda e: (e[0], e[1].number))


def timeline_html(document: Document) -> str:
    """A horizontal timeline of the deadlines over the year(s) they fall in, and a list."""
    entries = deadline_entries(document)
    if not entries:
        return '<div class="qa-timeline">本文件的工作项没有明确的完成期限。</div>'
    dates = []
    for iso, _, _ in entries:
        try:
            dates.append(date.fromisoformat(iso))
        except ValueError:
            dates.append(None)
    known = [d for d in dates if d]
    start = date(min(d.year for d in known), 1, 1) if known else None
    end = date(max(d.year for d in known), 12, 31) if known else None
    span = max((end - start).days, 1) if known else 1
    marks = []
    if known:
        for year in range(start.year, end.year + 1):
            for month in range(1, 13):
                left = (date(year, month, 1) - start).days / span * 100
                label = f"{month}月" if start.year == end.year else f"{year}.{month}"
                marks.append(f'<span class="qa-tick" style="left:{left:.2f}%">{label}</span>')
    stacked: dict = {}
    for (iso, item, text), d in zip(entries, dates):
        if d is None:
            continue
        left = (d - start).days / span * 100
        level = stacked.get(d, 0)
        stacked[d] = level + 1
        tip = escape_text(f"{item_heading(item)}：{text}")
        marks.append(f'<span class="qa-dot" style="left:{left:.2f}%;bottom:{6 + level * 22}px" title="{tip}"></span>')
        marks.append(
            f'<span class="qa-dot-label" style="left:{left:.2f}%;bottom:{20 + level * 22}px">{escape_text(item.label)}</span>'
        )
    listing = "".join(
        f"<li><b>{escape_text(iso)}</b> {escape_text(item_heading(item))}：{escape_text(text)}</li>"
        for iso, item, text in entries
    )
    return (
        f'<div class="qa-timeline"><div class="qa-axis">{"".join(marks)}</div>'
        f"<ul>{listing}</ul></div>"
    )


# ---------------------------------------------------------------- training quiz

QUIZ_MAX_QUESTIONS = 50  # one page of questions; longer quizzes: python -m assistant quiz
QUIZ_TYPES = [("单选", "single"), ("多选", "multi"), ("判断", "tf"), ("填空", "blank")]
QUIZ_DOWNLOADS = (("docx", "Word"), ("csv", "CSV"), ("json", "JSON"))


def chapter_choices(document: Document) -> list[tuple[str, int]]:
    """(label, number) for the chapter picker: ``("三、健全依法决策机制", 3)``."""
    return [(c.ref, c.number) for c in document.chapters]


def _whole_number(value, what: str, example: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(f"请填写{what}，例如：{example}。")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{what}必须是整数，当前为：{value}。") from None
    if not number.is_integer():
        raise InputError(f"{what}必须是整数，当前为：{value}。")
    return int(number)


def make_quiz(document: Document | None, n, types, chapters, seed) -> list:
    """The quiz for the web form (题量, 题型 values, chapter numbers, 随机种子); an
    :class:`InputError` naming the bad value otherwise.

    >>> [q.type for q in make_quiz(doc, 3, ["single", "tf"], [], 7)]  # doctest: +SKIP
    ['single', 'single', 'tf']
    """
    if document is None or not document.items:
        raise InputError("语料中没有识别到条目（（一）或第一条），无法出题。")
    n = _whole_number(n, "题量", "10")
    if n <= 0:
        raise InputError(f"题量必须是正整数，当前为：{n}。")
    if n > QUIZ_MAX_QUESTIONS:
        raise InputError(
            f"网页测验一次最多 {QUIZ_MAX_QUESTIONS} 题，当前为：{n}。更多题目请用命令行生成 Word 试卷：python -m assistant quiz --n {n} -o quiz.docx"
        )
    if not types:
        raise InputError("请至少选择一种题型（单选、多选、判断、填空）。")
    seed = _whole_number(seed, "随机种子", "7")
    return quizlib.build_quiz(document, n=n, seed=seed, types=list(types), chapters=list(chapters or []) or None)


def quiz_title(document: Document) -> str:
    return f"《{document.title}》学法测试题"


def quiz_status(questions: list, document: Document) -> str:
    """The line under the form after a quiz was generated (escaped)."""
    text = f"已生成 {len(questions)} 道题（{quizlib.describe(questions)}）。作答后点击“提交”查看得分和解析；试卷可下载为 Word、CSV 或 JSON。"
    hints = quizlib.overlaps(questions, document)
    if hints:
        text += f"提示：有 {len(hints)} 对题目出自同一句原文，可能互相提示，减少题量可避免。"
    return escape_text(text)


def write_quiz_files(questions: list, root: str | Path, title: str) -> dict[str, Path]:
    """``quiz.docx``, ``quiz.csv`` (with BOM) and ``quiz.json`` in a sub-folder of ``root``
    named by the quiz's hash, so the downloads keep plain names and a quiz is written once."""
    digest = hashlib.sha256((title + "\n" + quizlib.to_json(questions)).encode("utf-8")).hexdigest()[:16]
    folder = Path(root) / digest
    paths = {fmt: folder / f"quiz.{fmt}" for fmt, _ in QUIZ_DOWNLOADS}
    folder.mkdir(parents=True, exist_ok=True)
    for fmt, path in paths.items():
        if not path.exists():
            # Written aside and renamed: two sessions may generate the same quiz at once.
            part = folder / f".{threading.get_ident()}.{path.name}"
            quizlib.save(questions, part, fmt, title)
            part.replace(path)
    return paths


def question_markdown(number: int, question) -> str:
    """``**3.** 判断题 <question text>``, the text escaped."""
    label = quizlib.TYPE_LABELS.get(question.type, question.type)
    return f'**{number}.** <span class="qa-qtype">{label}</span> {escape_text(question.question)}'


def answer_widget(question) -> str:
    """Which widget answers the question: ``radio`` (single, tf), ``check`` (multi), ``text`` (blank)."""
    return {"single": "radio", "tf": "radio", "multi": "check"}.get(question.type, "text")


def answer_choices(question) -> list[tuple[str, str]]:
    """(label, value) choices: ``("A. 一考核", "A")`` for options, 对/错 for true/false.
    Labels are plain text (gradio shows choices as text), so they are not escaped."""
    if question.type == "tf":
        return [(quizlib.TRUE, quizlib.TRUE), (quizlib.FALSE, quizlib.FALSE)]
    return [(f"{quizlib.LETTERS[i]}. {option}", quizlib.LETTERS[i]) for i, option in enumerate(question.options)]


def answer_sheet(questions: list, values) -> dict[str, object]:
    """The answer widgets' values, one per question in order -> ``{"q1": "B", "q2": ["A", "C"],
    "q3": "对", "q4": "…"}``; unanswered questions map to None, [] or ""."""
    sheet: dict[str, object] = {}
    for q, value in zip(questions, values):
        widget = answer_widget(q)
        sheet[q.id] = value if widget == "radio" else list(value or []) if widget == "check" else (value or "")
    return sheet


def correct_answer(question) -> str:
    """``C. （二十三）发挥专门监督作用``; ``A. 一考核；D. 一带动``; ``错``; the blank's words."""
    if question.type in ("single", "multi"):
        letters = quizlib.LETTERS
        return "；".join(f"{ch}. {question.options[letters.index(ch)]}" for ch in question.answer if ch in letters[: len(question.options)])
    return question.answer


def grade_markdown(questions: list, result: dict) -> tuple[str, list[str]]:
    """A :func:`assistant.quiz.grade` result -> the score line and, per question, right or
    wrong, the correct answer and the explanation quoting the original sentence (escaped)."""
    score = (
        f"**得分：{result['score']}/{result['total']}（{result['percent']:g}%）**　"
        f"正确 {result['correct']} 题，错误 {result['wrong']} 题，未作答 {result['missing']} 题。"
    )
    feedback = []
    for q, r in zip(questions, result["results"]):
        if r["status"] == "correct":
            head = '<span class="qa-right">✔ 回答正确</span>'
        elif r["status"] == "wrong":
            head = f'<span class="qa-wrong">✘ 回答错误</span>　你的答案：{escape_text(r["given"])}'
        else:
            head = '<span class="qa-missing">未作答</span>'
        feedback.append(f"{head}<br>正确答案：{escape_text(correct_answer(q))}<br>解析：{escape_text(q.explanation)}")
    return score, feedback


# ---------------------------------------------------------------- login


def parse_auth(value: str | None) -> list[tuple[str, str]] | None:
    """``ASSISTANT_AUTH`` -> gradio ``auth`` list; None when login is off.

    ``"alice:pw1,bob:pw2"``, or ``"@/path/file"`` with one ``user:password`` per line
    (blank lines and ``#`` comments skipped; a password may contain ``:``, and in a file
    also ``,``).

    >>> parse_auth("alice:s3cret, bob:pa:ss")
    [('alice', 's3cret'), ('bob', 'pa:ss')]
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.startswith("@"):
        path = Path(value[1:].strip()).expanduser()
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise InputError(f"无法读取登录账号文件 {path}：{exc.strerror or exc}。请检查 ASSISTANT_AUTH=@文件路径。") from None
        entries = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.strip().startswith("#")]
        where = f"账号文件 {path} 第 {{}} 行"
    else:
        entries = [(n, part.strip()) for n, part in enumerate(value.split(","), 1) if part.strip()]
        where = "ASSISTANT_AUTH 第 {} 组"
    pairs = []
    for n, entry in entries:
        user, sep, password = entry.partition(":")
        user = user.strip()
        if not sep or not user or not password:
            raise InputError(f"{where.format(n)} 格式不正确，应为“用户名:密码”。")
        pairs.append((user, password))
    if not pairs:
        raise InputError("ASSISTANT_AUTH 没有给出任何“用户名:密码”。不需要登录时请不要设置它。")
    return pairs


# ---------------------------------------------------------------- warm-up


class WarmUp:
    """Runs ``assistant.warm_up`` once in a background thread so the page is served (and
    shows progress) while the model loads and, on first start, the index is built."""

    def __init__(self, assistant, echo=print):
        self.assistant = assistant
        self.echo = echo
        self.message = "正在准备模型和索引……"
        self.error: str | None = None
        self.ready = threading.Event()
        self.seconds: float | None = None
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> "WarmUp":
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="assistant-warm-up", daemon=True).start()
        return self

    def _progress(self, message: str) -> None:
        self.message = str(message)
        self.echo(f"[{TITLE}] {message}")

    def _run(self) -> None:
        t0 = time.monotonic()
        try:
            self.assistant.warm_up(progress=self._progress)
        except AssistantError as exc:
            self.error = str(exc) or GENERIC_ERROR
        except Exception:
            log.exception("warm-up failed")
            self.error = GENERIC_ERROR
        self.seconds = time.monotonic() - t0
        if self.error:
            self.message = self.error
            self.echo(f"[{TITLE}] 初始化失败：{self.error}")
        else:
            self.message = "就绪"
            self.echo(f"[{TITLE}] 就绪（用时 {self.seconds:.1f} 秒）")
        self.ready.set()

    def status_markdown(self, document: Document | None) -> str:
        if not self.ready.is_set():
            return f'<span class="qa-busy">●</span> 正在准备：{escape_text(self.message)}（首次启动需要构建索引，请稍候）'
        if self.error:
            return f'<span class="qa-failed">●</span> 初始化失败：{escape_text(self.error)}'
        if document is None:
            return '<span class="qa-ready">●</span> 就绪'
        return f'<span class="qa-ready">●</span> 就绪：共 {len(document.items)} 项工作，可以提问了。'


# ---------------------------------------------------------------- the app


def _documents(assistant) -> list[Document]:
    try:
        docs = list(assistant.documents)
    except AssistantError:
        docs = []
    return docs


def _default_document(assistant) -> Document | None:
    try:
        return assistant.document
    except AssistantError:
        return None


def feedback_store_for(assistant) -> FeedbackStore:
    settings = getattr(assistant, "settings", None)
    data_dir = getattr(settings, "data_dir", None)
    if data_dir is None:
        from .config import Settings

        data_dir = Settings.load().data_dir
    return FeedbackStore(Path(data_dir) / FEEDBACK_FILENAME)


def build_demo(assistant, *, warm_up: WarmUp | None = None, feedback: FeedbackStore | None = None, start_warm_up: bool = True):
    """The gradio app (not launched): a header with the status line, then one tab per
    function below. Pass ``css=CSS`` to ``launch()``.

    ``warm_up`` is started here if it is not running yet (unless ``start_warm_up`` is
    False: the caller starts it); ``feedback`` defaults to ``<data_dir>/feedback.sqlite3``.
    """
    import gradio as gr

    warm = warm_up or WarmUp(assistant)
    if start_warm_up:
        warm.start()
    store = feedback or feedback_store_for(assistant)
    document = _default_document(assistant)

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        with gr.Column(elem_classes="qa-header"):
            gr.Markdown(f"# {TITLE}")
            if document is not None:
                number = f"（{escape_text(document.meta.doc_number)}）" if document.meta.doc_number else ""
                gr.Markdown(f"依据《{escape_text(document.title)}》{number}回答问题，每个回答都附有原文出处，请以原文为准。")
            status = gr.Markdown(warm.status_markdown(document), elem_classes="qa-status", elem_id="qa-status")
        with gr.Tabs():
            scope = _chat_tab(gr, assistant, warm, store)
            _work_points_tab(gr, document)
            _quiz_tab(gr, document)
            # More tabs go here, one function per tab.

        timer = gr.Timer(1.0, active=not warm.ready.is_set())

        def refresh_status():
            return warm.status_markdown(document), gr.Timer(active=not warm.ready.is_set())

        timer.tick(refresh_status, outputs=[status, timer], api_visibility="private", show_progress="hidden", queue=False)
        demo.load(refresh_status, outputs=[status, timer], api_visibility="private", show_progress="hidden", queue=False)

        def refresh_scope():
            choices = current_scope_choices(assistant, warm)
            return gr.Dropdown(choices=choices, visible=len(choices) > 2)

        demo.load(refresh_scope, outputs=[scope], api_visibility="private", show_progress="hidden")
    return demo


def chat_messages(turns: list[dict]) -> list[dict]:
    """Chatbot value for the turns: the escaped question, then the rendered answer."""
    out = []
    for t in turns:
        out.append({"role": "user", "content": escape_lines(t["question"], "\n")})
        out.append({"role": "assistant", "content": t["display"]})
    return out


def plain_history(turns: list[dict]) -> list[dict]:
    """The ``history`` for ``ask()``: plain text of the answered turns (errors left out)."""
    out = []
    for t in turns:
        if t.get("ok"):
            out.append({"role": "user", "content": t["question"]})
            out.append({"role": "assistant", "content": t["answer"]})
    return out


def respond_stream(assistant, warm: WarmUp, question: str, turns: list[dict], delay: float = STREAM_SECONDS, doc: str | None = None):
    """Answer ``question``, yielding ``(chatbot messages, turns)`` as the answer grows.

    The last yield carries the finished turn (answer, sources, citations) in ``turns``;
    a blank question yields the unchanged conversation once. Errors become a Chinese
    message in the chat, never a traceback. ``delay`` is the total pause (seconds) over
    the partial answers. ``doc`` limits the answer to one document (its id).
    """
    question = (question or "").strip()[:MAX_QUESTION_CHARS]
    turns = list(turns or [])
    if not question:
        yield chat_messages(turns), list(turns)
        return
    turn = {"question": question, "answer": "", "display": "正在检索原文……", "citations": [], "intent": "", "ok": False}
    yield chat_messages(turns + [turn]), list(turns)
    while not warm.ready.wait(0.5):
        turn["display"] = f"{escape_text(warm.message)}（首次启动需要构建索引，请稍候）"
        yield chat_messages(turns + [turn]), list(turns)
    answer = None
    if warm.error:
        text = warm.error
    else:
        try:
            scope = {"doc": doc} if doc else {}
            answer = assistant.ask(question, history=plain_history(turns), **scope)
            text = answer.text
        except AssistantError as exc:
            text = str(exc) or GENERIC_ERROR
        except Exception:
            log.exception("ask failed for question %r", question)
            text = GENERIC_ERROR
    step = max(1, math.ceil(len(text) / STREAM_CHUNKS))
    ends = range(step, len(text), step)
    for end in ends:
        turn["display"] = render_answer_text(text[:end]) + " ▍"
        yield chat_messages(turns + [turn]), list(turns)
        if delay > 0:
            time.sleep(delay / len(ends))
    turn["answer"] = text
    if answer is not None:
        turn.update(
            display=render_answer(answer, _documents(assistant)),
            citations=[p.to_dict() for p in answer.citations],
            intent=answer.intent,
            refused=answer.refused,
            ok=True,
        )
    else:
        turn["display"] = '<span class="qa-error">' + render_answer_text(text) + "</span>"
    turns.append(turn)
    yield chat_messages(turns), list(turns)


def record_vote(store: FeedbackStore, turns: list[dict], index, liked) -> bool:
    """Store a 👍/👎 on the chatbot message at ``index`` (answers are the odd indexes)."""
    if isinstance(index, (list, tuple)):
        index = index[0] if index else None
    turns = turns or []
    if not isinstance(index, int) or index % 2 != 1 or not 0 <= index // 2 < len(turns):
        return False
    turn = turns[index // 2]
    return store.record(turn["question"], turn["answer"], turn["citations"], vote_name(liked), turn.get("intent", ""))


ALL_DOCUMENTS = ""


def scope_choices(assistant) -> list[tuple[str, str]]:
    """The 回答范围 options: all documents, then each document by its label."""
    return [("全部文档", ALL_DOCUMENTS)] + [(d.label, d.doc_id) for d in _documents(assistant)]


def current_scope_choices(assistant, warm: WarmUp) -> list[tuple[str, str]]:
    """The options for a page being opened: documents that another process ingested or
    removed since the app loaded them are taken up first (once the app is ready)."""
    refresh = getattr(assistant, "refresh", None)
    if refresh is not None and warm.ready.is_set() and not warm.error:
        try:
            refresh()
        except Exception:  # the page still opens, with the documents in use
            log.exception("could not take up the changed documents")
    return scope_choices(assistant)


def _chat_tab(gr, assistant, warm: WarmUp, store: FeedbackStore):
    def respond(question, turns, doc=ALL_DOCUMENTS):
        if not (question or "").strip():
            gr.Warning("请输入问题，例如：规范性文件什么时候前要录入数据库？")
        for messages, current in respond_stream(assistant, warm, question, turns, doc=doc or None):
            yield messages, "", current

    def on_like(turns, data: gr.LikeData):
        if record_vote(store, turns, data.index, data.liked):
            gr.Info("感谢反馈！")

    def clear():
        return [], "", []

    with gr.Tab("问答", id="chat"):
        turns = gr.State([])
        chatbot = gr.Chatbot(
            label="对话",
            height=520,
            sanitize_html=True,
            render_markdown=True,
            latex_delimiters=[],
            allow_tags=False,
            buttons=[],
            feedback_options=("Like", "Dislike"),
            placeholder="请在下方输入问题，或点击示例问题。每个回答都会注明出自通知的哪一项。",
            elem_id="qa-chatbot",
        )
        with gr.Row():
            question = gr.Textbox(
                label="问题",
                show_label=False,
                placeholder="请输入问题，按回车发送，例如：规范性文件什么时候前要录入数据库？",
                scale=8,
                max_lines=4,
                max_length=MAX_QUESTION_CHARS,
                elem_id="qa-question",
            )
            with gr.Column(scale=1, min_width=110):
                send = gr.Button("发送", variant="primary", elem_id="qa-send")
                clear_button = gr.Button("清空对话", size="sm", variant="secondary", elem_id="qa-clear")
        choices = scope_choices(assistant)
        scope = gr.Dropdown(
            choices,
            value=ALL_DOCUMENTS,
            label="回答范围",
            info="只在选中的文档中查找；“全部文档”时，回答会注明每句出自哪份文档。",
            visible=len(choices) > 2,
            elem_id="qa-scope",
        )
        gr.Markdown("**示例问题**（点击直接提问）：")
        with gr.Row():
            example_buttons = [gr.Button(q, size="sm", variant="secondary", elem_classes="qa-example") for q in EXAMPLES]

        outputs = [chatbot, question, turns]
        common = dict(concurrency_id="chat", concurrency_limit=CHAT_CONCURRENCY, show_progress="minimal")
        question.submit(respond, [question, turns, scope], outputs, api_name="ask", **common)
        send.click(respond, [question, turns, scope], outputs, api_visibility="undocumented", **common)
        for button in example_buttons:
            button.click(respond, [button, turns, scope], outputs, api_visibility="undocumented", **common)
        clear_button.click(clear, None, outputs, api_visibility="private", queue=False)
        chatbot.clear(clear, None, outputs, api_visibility="private", queue=False)
        chatbot.like(on_like, [turns], None, api_visibility="private", queue=False)
    return scope


def _work_points_tab(gr, document: Document | None) -> None:
    with gr.Tab("工作要点一览", id="work-points"):
        if document is None or not document.items:
            gr.Markdown("没有可显示的工作要点：语料中未识别到条目。")
            return
        import pandas as pd

        rows = work_point_rows(document)
        with_deadline = sum(1 for it in document.items if it.deadlines)
        exports = tempfile.mkdtemp(prefix="policy-qa-exports-")
        csv_path, xlsx_path = export_files(rows, exports)

        def frame(selected):
            return pd.DataFrame(selected, columns=HEADERS)

        def count_text(selected):
            return f"显示 {len(selected)} / {len(rows)} 项（其中 {with_deadline} 项有明确期限）"

        with gr.Row():
            query = gr.Textbox(
                label="筛选", placeholder="在所有列中查找，例如：规范性文件、2017年、县（市、区）", scale=4, elem_id="qa-filter"
            )
            csv_button = gr.DownloadButton("下载 CSV", value=str(csv_path), size="sm", elem_id="qa-csv")
            xlsx_button = gr.DownloadButton("下载 Excel", value=str(xlsx_path), size="sm", elem_id="qa-xlsx")
        count = gr.Markdown(count_text(rows), elem_id="qa-count")
        table = gr.Dataframe(
            value=frame(rows),
            headers=HEADERS,
            datatype="str",
            interactive=False,
            wrap=True,
            max_height=2000,
            column_widths=["16%", "6%", "20%", "18%", "26%", "14%"],
            elem_id="qa-table",
        )
        gr.Markdown("### 完成期限时间轴")
        gr.HTML(timeline_html(document), elem_id="qa-timeline")

        def apply_filter(text):
            selected = filter_rows(rows, text)
            new_csv, new_xlsx = export_files(selected, exports)
            return frame(selected), count_text(selected), str(new_csv), str(new_xlsx)

        query.change(
            apply_filter,
            [query],
            [table, count, csv_button, xlsx_button],
            api_visibility="private",
            show_progress="hidden",
            trigger_mode="always_last",
        )


def _quiz_tab(gr, document: Document | None) -> None:
    with gr.Tab("法治培训测验", id="quiz"):
        if document is None or not document.items:
            gr.Markdown("无法出题：语料中未识别到条目。")
            return
        exports = tempfile.mkdtemp(prefix="policy-qa-quiz-")
        title = quiz_title(document)
        gr.Markdown(f"从《{escape_text(document.title)}》原文出题，每题附答案和原文出处。选好题量、题型和章节后点击“生成测验”。")
        with gr.Row():
            size = gr.Number(label="题量", value=10, precision=0, info=f"1–{QUIZ_MAX_QUESTIONS} 题", elem_id="qa-quiz-n")
            seed = gr.Number(label="随机种子", value=7, precision=0, info="相同种子生成相同试卷", elem_id="qa-quiz-seed")
            types = gr.CheckboxGroup(QUIZ_TYPES, value=[v for _, v in QUIZ_TYPES], label="题型", elem_id="qa-quiz-types")
        chapters = gr.Dropdown(
            chapter_choices(document),
            value=[],
            multiselect=True,
            label="章节（不选则从全文出题）",
            visible=bool(document.chapters),
            elem_id="qa-quiz-chapters",
        )
        with gr.Row():
            generate = gr.Button("生成测验", variant="primary", elem_id="qa-quiz-generate")
            downloads = [
                gr.DownloadButton(f"下载 {label}", visible=False, size="sm", elem_id=f"qa-quiz-{fmt}") for fmt, label in QUIZ_DOWNLOADS
            ]
        status = gr.Markdown(elem_id="qa-quiz-status")
        # (generation number, questions): the number changes on every generation, so that
        # generating the same quiz again still gives a fresh, unanswered form.
        quiz = gr.State((0, []))

        def error(message: str) -> str:
            gr.Warning(message)
            return f'<span class="qa-error">{escape_text(message)}</span>'

        def on_generate(n, chosen_types, chosen_chapters, seed_value, current):
            try:
                questions = make_quiz(document, n, chosen_types, chosen_chapters, seed_value)
                files = write_quiz_files(questions, exports, title)
            except AssistantError as exc:
                return [gr.skip(), error(str(exc) or GENERIC_ERROR)] + [gr.skip()] * len(downloads)
            except Exception:
                log.exception("quiz generation failed (n=%r, types=%r, chapters=%r, seed=%r)", n, chosen_types, chosen_chapters, seed_value)
                return [gr.skip(), error(GENERIC_ERROR)] + [gr.skip()] * len(downloads)
            number = (current or (0, []))[0] + 1
            downloaded = [gr.update(value=str(files[fmt]), visible=True) for fmt, _ in QUIZ_DOWNLOADS]
            return [(number, [q.to_dict() for q in questions]), quiz_status(questions, document)] + downloaded

        generate.click(
            on_generate,
            [size, types, chapters, seed, quiz],
            [quiz, status, *downloads],
            api_visibility="private",
            show_progress="minimal",
        )

        # The questions are rendered per session, after generation: a fixed pool of hidden
        # widgets would be part of every session's state, and gradio builds that state for
        # each new visitor (50 slots made every new chat session ~20 ms slower).
        @gr.render(inputs=[quiz], triggers=[quiz.change], show_progress="hidden")
        def show_quiz(current):
            number, data = current or (0, [])
            questions = [quizlib.QuizQuestion.from_dict(d) for d in data]
            if not questions:
                return
            # A new quiz must show empty answers: gradio leaves out a re-rendered component's
            # None values (so the page kept the last quiz's choice) unless it has a key, so
            # every widget has a key with the generation number and an explicit empty value.
            answers, feedbacks = [], []
            for i, q in enumerate(questions):
                widget, choices = answer_widget(q), answer_choices(q)
                key = f"quiz{number}-q{i + 1}"
                with gr.Group(elem_id=f"qa-quiz-q{i + 1}", elem_classes="qa-quiz-question", key=key):
                    gr.Markdown(question_markdown(i + 1, q), padding=True, key=f"{key}-text")
                    if widget == "radio":
                        answers.append(gr.Radio(choices, value=None, show_label=False, key=f"{key}-answer"))
                    elif widget == "check":
                        answers.append(gr.CheckboxGroup(choices, value=[], show_label=False, key=f"{key}-answer"))
                    else:
                        answers.append(gr.Textbox("", show_label=False, placeholder="请填写答案", max_length=100, key=f"{key}-answer"))
                    feedbacks.append(gr.Markdown("", visible=False, padding=True, elem_classes="qa-quiz-feedback", key=f"{key}-feedback"))
            submit = gr.Button("提交", variant="primary", elem_id="qa-quiz-submit", key=f"quiz{number}-submit")
            score = gr.Markdown("", elem_id="qa-quiz-score", key=f"quiz{number}-score")

            def on_submit(*values):
                try:
                    sheet = answer_sheet(questions, values)
                    line, feedback = grade_markdown(questions, quizlib.grade(questions, sheet))
                except AssistantError as exc:
                    return [error(str(exc) or GENERIC_ERROR)] + [gr.skip()] * len(feedbacks)
                except Exception:
                    log.exception("quiz grading failed")
                    return [error(GENERIC_ERROR)] + [gr.skip()] * len(feedbacks)
                return [line] + [gr.update(value=f, visible=True) for f in feedback]

            submit.click(on_submit, answers, [score, *feedbacks], api_visibility="private", show_progress="minimal")


# ---------------------------------------------------------------- launching


def theme():
    import gradio as gr

    # System fonts only: the default theme fetches web fonts, which an offline intranet cannot reach.
    cjk = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"]
    return gr.themes.Default(primary_hue="red", font=cjk, font_mono=["ui-monospace", "Consolas", "monospace"])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="app.py",
        description=f"{TITLE}网页版：在浏览器中就工作要点通知提问，回答附原文出处。",
        epilog=(
            "示例：\n"
            "  python app.py                          # http://127.0.0.1:7860\n"
            "  python app.py --host 0.0.0.0 --port 8080\n"
            "  ASSISTANT_AUTH=alice:密码 python app.py      # 开启登录（多个账号用逗号分隔）\n"
            "  ASSISTANT_AUTH=@/etc/policy-qa/users.txt python app.py   # 每行一个 用户名:密码\n"
            "\n首次启动会构建索引（页面顶部显示进度），之后的启动直接复用 indexes/ 中的索引。"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1；对外提供服务请放在反向代理之后并开启登录）")
    parser.add_argument("--port", type=int, default=7860, help="端口（默认 7860）")
    parser.add_argument("--corpus-dir", help="语料目录（默认 corpus/ 或 ASSISTANT_CORPUS_DIR）")
    parser.add_argument("--index-dir", help="索引目录（默认 indexes/ 或 ASSISTANT_INDEX_DIR）")
    parser.add_argument("--data-dir", help="数据目录，存放反馈等（默认 data/ 或 ASSISTANT_DATA_DIR）")
    return parser


def launch(argv: list[str] | None = None) -> int:
    """Parse arguments, start the warm-up, serve the app until interrupted."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # gradio's own start-up probes
    try:
        from .config import Settings

        settings = Settings.load(corpus_dir=args.corpus_dir, index_dir=args.index_dir, data_dir=args.data_dir)
        auth = parse_auth(settings.auth)
        if not 0 < args.port < 65536:
            raise InputError(f"端口超出范围：{args.port}")
        print(f"[{TITLE}] 正在启动……", flush=True)
        from .service import Assistant

        # lazy: the page is served first; WarmUp then loads the model and builds the index
        # behind it. Started after the server is up: both are mostly Python imports, which
        # would only take turns on the interpreter lock and delay the page.
        assistant = Assistant(settings, lazy=True)
        warm = WarmUp(assistant)
        demo = build_demo(assistant, warm_up=warm, feedback=FeedbackStore(settings.data_dir / FEEDBACK_FILENAME), start_warm_up=False)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    demo.queue(default_concurrency_limit=4)
    print(f"[{TITLE}] 网页地址：http://{args.host}:{args.port}" + ("（已开启登录）" if auth else ""), flush=True)
    try:
        demo.launch(
            server_name=args.host,
            server_port=args.port,
            share=False,
            auth=auth,
            auth_message=f"请登录{TITLE}。" if auth else None,
            show_error=False,
            theme=theme(),
            css=CSS,
            footer_links=["api", "settings"],
            prevent_thread_lock=True,
        )
        warm.start()
        demo.block_thread()
    except KeyboardInterrupt:
        print("已停止。", file=sys.stderr)
        return 130
    return 0

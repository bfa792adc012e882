"""Quiz files: JSON (written and read back), CSV with Chinese headers, Markdown and Word,
each with the answer key; the output format chosen from a name or a file suffix."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..schema import InputError
from .questions import (
    DIFFICULTY_LABELS,
    LETTERS,
    TYPE_LABELS,
    TYPES,
    QuizQuestion,
    questions_of,
)

CN_SECTION = "一二三四"
CSV_HEADER = ["编号", "题型", "难度", "题目", "选项A", "选项B", "选项C", "选项D", "选项E", "答案", "答案内容", "解析", "出处"]


def _summary(quiz: list[QuizQuestion]) -> str:
    counts = {t: sum(1 for q in quiz if q.type == t) for t in TYPES}
    parts = "、".join(f"{TYPE_LABELS[t]} {c} 道" for t, c in counts.items() if c)
    return f"共 {len(quiz)} 题：{parts}。每题 1 分，多选题全部选对才得分。"


def _sections(quiz: list[QuizQuestion]) -> list[tuple[str, list[tuple[int, QuizQuestion]]]]:
    numbered = list(enumerate(quiz, 1))
    out = []
    for t in TYPES:
        qs = [(i, q) for i, q in numbered if q.type == t]
        if qs:
            out.append((f"{CN_SECTION[len(out)]}、{TYPE_LABELS[t]}", qs))
    return out


def answer_line(q: QuizQuestion) -> str:
    if q.type in ("single", "multi"):
        # An item ref already has brackets: C （二十三）发挥专门监督作用, not C（（二十三）…）.
        return f"{q.answer} {q.answer_text}" if q.answer_text.startswith("（") else f"{q.answer}（{q.answer_text}）"
    return q.answer


def to_json(quiz) -> str:
    """The quiz as a JSON list of question objects."""
    return json.dumps([q.to_dict() for q in questions_of(quiz)], ensure_ascii=False, indent=2) + "\n"


def to_csv(quiz) -> str:
    """One row per question, Chinese headers (opens in Excel when saved as UTF-8 with BOM)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for q in questions_of(quiz):
        options = list(q.options) + [""] * (5 - len(q.options))
        w.writerow([q.id, TYPE_LABELS[q.type], DIFFICULTY_LABELS.get(q.difficulty, q.difficulty), q.question, *options[:5],
                    q.answer, q.answer_text, q.explanation, q.item])
    return buf.getvalue()


def to_markdown(quiz, title: str = "学法测试题") -> str:
    """Questions by type, then the answer key with explanations."""
    qs = questions_of(quiz)
    lines = [f"# {title}", "", _summary(qs), ""]
    for heading, items in _sections(qs):
        lines += [f"## {heading}", ""]
        for i, q in items:
            lines += [f"**{i}.** {q.question}", ""]
            if q.options:
                lines += [f"- {LETTERS[k]}. {o}" for k, o in enumerate(q.options)] + [""]
    lines += ["## 参考答案与解析", ""]
    for i, q in enumerate(qs, 1):
        lines += [
            f"**{i}.** 答案：{answer_line(q)}　难度：{DIFFICULTY_LABELS.get(q.difficulty, q.difficulty)}　出处：{q.item}",
            "",
            f"> {q.explanation}",
            "",
        ]
    return "\n".join(lines)


def to_docx(quiz, path, title: str = "学法测试题") -> Path:
    """A Word file: the questions by type, a page break, then the answer key with explanations."""
    import docx
    from docx.shared import Pt

    qs = questions_of(quiz)
    d = docx.Document()
    d.add_heading(title, level=0)
    d.add_paragraph(_summary(qs))
    for heading, items in _sections(qs):
        d.add_heading(heading, level=1)
        for i, q in items:
            d.add_paragraph(f"{i}. {q.question}")
            for k, o in enumerate(q.options):
                p = d.add_paragraph(f"{LETTERS[k]}. {o}")
                p.paragraph_format.left_indent = Pt(21)
            if q.type == "tf":
                p = d.add_paragraph("（    ）对　　（    ）错")
                p.paragraph_format.left_indent = Pt(21)
    d.add_page_break()
    d.add_heading("参考答案与解析", level=1)
    for i, q in enumerate(qs, 1):
        p = d.add_paragraph()
        p.add_run(f"{i}. 答案：{answer_line(q)}").bold = True
        p.add_run(f"　难度：{DIFFICULTY_LABELS.get(q.difficulty, q.difficulty)}　出处：{q.item}")
        d.add_paragraph(q.explanation)
    out = Path(path)
    try:
        d.save(str(out))
    except OSError as exc:
        raise InputError(f"无法写入 Word 文件 {out}：{exc.strerror or exc}") from None
    return out



def load_quiz(path) -> list[QuizQuestion]:
    """Read a quiz written by ``to_json`` (a list of questions, or {"questions": [...]})."""
    from ..boundary import read_json_file  # late, as before: it loads the settings

    data = read_json_file(path, "试卷文件")
    if isinstance(data, dict) and isinstance(data.get("questions"), list):
        data = data["questions"]
    if not isinstance(data, list) or not data:
        raise InputError(f"试卷文件格式不对：{path} 应是题目列表（由 quiz 命令以 --format json 生成）。")
    out = []
    for k, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not all(key in entry for key in ("id", "type", "answer")):
            raise InputError(f"试卷文件格式不对：第 {k} 题缺少 id、type 或 answer。")
        if entry["type"] not in TYPES:
            raise InputError(f"试卷文件格式不对：第 {k} 题的题型“{entry['type']}”未知。")
        try:
            out.append(QuizQuestion.from_dict(entry))
        except TypeError as exc:
            raise InputError(f"试卷文件格式不对：第 {k} 题缺少字段（{exc}）。") from None
    return out

FORMATS = ("json", "csv", "md", "docx")


def output_format(fmt: str | None, path=None) -> str:
    """The format asked for, else the one the output file's suffix names, else JSON."""
    if not fmt:
        suffix = Path(path).suffix.lower().lstrip(".") if path else ""
        fmt = suffix if suffix in FORMATS + ("markdown",) else "json"
    fmt = {"markdown": "md"}.get(fmt.lower(), fmt.lower())
    if fmt not in FORMATS:
        raise InputError(f"未知的输出格式：{fmt}（可选：json、csv、md、docx）")
    return fmt


def render(quiz, fmt: str, title: str = "学法测试题") -> str:
    """The quiz as JSON, CSV or Markdown text (Word needs a file: see :func:`save`)."""
    if fmt == "json":
        return to_json(quiz)
    if fmt == "csv":
        return to_csv(quiz)
    if fmt == "md":
        return to_markdown(quiz, title=title)
    raise InputError("Word 格式需要输出到文件，请用 -o 指定，例如：-o quiz.docx")


def save(quiz, path, fmt: str | None = None, title: str = "学法测试题") -> Path:
    """Write the quiz to ``path``; CSV gets a BOM so that Excel reads the Chinese correctly."""
    fmt = output_format(fmt, path)
    out = Path(path)
    if fmt == "docx":
        return to_docx(quiz, out, title=title)
    try:
        out.write_text(render(quiz, fmt, title), encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    except OSError as exc:
        raise InputError(f"无法写入文件 {out}：{exc.strerror or exc}") from None
    return out


def describe(quiz) -> str:
    """"单选题 5、多选题 5…" for messages."""
    qs = questions_of(quiz)
    return "、".join(f"{TYPE_LABELS[t]} {n}" for t in TYPES if (n := sum(1 for q in qs if q.type == t)))

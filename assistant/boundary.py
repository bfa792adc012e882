"""The input boundary: everything a user or a file hands in is checked here, where it
enters (questions, conversation histories, document names, file names, JSON files, JSONL
fields), with one Chinese message per problem. Inside, text is valid Unicode: lone
surrogates (from broken JSON escapes or non-UTF-8 bytes in file names) are replaced by
U+FFFD, control characters are dropped.

>>> check_question("  规范性文件\\x07什么时候录入？ ")
'规范性文件什么时候录入？'
>>> check_history([{"role": "user", "content": "你好"}])
[{'role': 'user', 'content': '你好'}]
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

from .config import Limits
from .schema import InputError

# A JSON string (escapes included) or a bracket: enough to measure nesting without parsing.
RE_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
RE_SURROGATE = re.compile("[\ud800-\udfff]")
HISTORY_SHAPE = '对话历史格式不正确：应为 [{"role": "user", "content": "…"}, {"role": "assistant", "content": "…"}] 形式的列表。'


def limits() -> Limits:
    """The limits in force (read from the environment at each call, so tests and
    deployments can change them without a restart of the settings object)."""
    return Limits.load()


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD; a surrogate pair written as two
    code points (from a JSON ``\\ud83d\\ude00`` escape read by some tools) becomes its character."""
    if not RE_SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def has_bad_unicode(text: str) -> bool:
    return bool(RE_SURROGATE.search(text))


def strip_controls(text: str) -> str:
    """Drop control characters (ANSI escapes included) except line breaks and tabs."""
    text = re.sub(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])", "", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def check_question(question, lim: Limits | None = None) -> str:
    """A question as the rest of the program may use it, or an :class:`InputError`."""
    lim = lim or limits()
    if question is None or not isinstance(question, str):
        raise InputError("问题必须是文字。")
    if not question.strip():
        raise InputError("问题为空，请输入要咨询的内容，例如：规范性文件什么时候前要录入数据库？")
    text = strip_controls(valid_unicode(question)).strip()
    if not text:
        # Control characters alone: passed on as they are, so that the answer is the
        # refusal of a question without words (asking for words), not an input error.
        return valid_unicode(question)
    if len(text) > lim.question_chars:
        raise InputError(f"问题过长（{len(text)} 字），请控制在 {lim.question_chars} 字以内，只写要问的内容。")
    return text


def check_history(history, lim: Limits | None = None) -> list[dict] | None:
    """A conversation history as a list of ``{"role", "content"}`` turns (gradio-style
    ``[user, assistant]`` pairs are accepted). Only the last ``history_turns`` turns are
    read; the structure is checked without recursion, so any nesting gives a message."""
    if history is None:
        return None
    lim = lim or limits()
    if not isinstance(history, (list, tuple)):
        raise InputError(HISTORY_SHAPE)
    out: list[dict] = []
    start = max(0, len(history) - lim.history_turns)
    for n, turn in enumerate(history[start:], start + 1):
        if isinstance(turn, dict):
            role, content = turn.get("role"), turn.get("content")
            if role not in ("user", "assistant") or not isinstance(content, str):
                raise InputError(f"对话历史第 {n} 条格式不对：应包含 role（user 或 assistant）和 content（文字）。")
            out.append({"role": role, "content": content})
        elif isinstance(turn, (list, tuple)) and len(turn) == 2 and all(x is None or isinstance(x, str) for x in turn):
            out.extend({"role": role, "content": text} for role, text in zip(("user", "assistant"), turn) if text)
        else:
            raise InputError(f"对话历史第 {n} 条格式不对：应为 {{\"role\": …, \"content\": …}}，不能是 {type(turn).__name__} 或多层嵌套的列表。")
    out = [{"role": t["role"], "content": strip_controls(valid_unicode(t["content"]))} for t in out]
    size = sum(len(t["content"]) for t in out)
    if size > lim.history_chars:
        raise InputError(f"对话历史过长（{size} 字），上限为 {lim.history_chars} 字。请清空对话后重新提问。")
    return out


def check_doc_name(name, lim: Limits | None = None) -> str | None:
    """A document name (id or title) given to limit an answer or to remove a document;
    None when none was given."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise InputError(f"文档名必须是文字，当前为：{type(name).__name__}。")
    lim = lim or limits()
    text = strip_controls(valid_unicode(name)).strip()
    if len(text) > lim.name_chars:
        raise InputError(f"文档名过长（{len(text)} 字），上限为 {lim.name_chars} 字。可用 python -m assistant docs 查看文档编号。")
    return text or None


def file_label(path: str | os.PathLike) -> tuple[str, str]:
    """(printable path, a Chinese note or "") for a path from the file system. Bytes that
    are not UTF-8 in a file name arrive as surrogate escapes; they are shown as U+FFFD."""
    raw = os.fspath(path)
    if isinstance(raw, bytes):
        raw = os.fsdecode(raw)
    clean = valid_unicode(raw)
    if clean == raw:
        return raw, ""
    return clean, f"文件名中有无法识别的字符（不是 UTF-8），已显示为“\ufffd”：{Path(clean).name}"


def loads_json(text: str, what: str, where: str = "", lim: Limits | None = None):
    """``json.loads`` that refuses deep nesting with a message instead of RecursionError
    (the depth is measured by a scan, before parsing), and replaces lone surrogates."""
    lim = lim or limits()
    at = f"：{where}" if where else ""
    depth = 0
    for m in RE_JSON_TOKEN.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > lim.json_depth:
                raise InputError(f"{what}嵌套层数过多（超过 {lim.json_depth} 层），不是预期的格式{at}")
        elif ch in "]}":
            depth -= 1
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what}不是有效的 JSON{at}（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）") from None
    except RecursionError:  # the scan is conservative, but never let this escape
        raise InputError(f"{what}嵌套层数过多，不是预期的格式{at}") from None
    return data


def read_json_file(path, what: str, lim: Limits | None = None):
    """A JSON file handed in by a user (history, quiz, answer sheet), with Chinese messages."""
    lim = lim or limits()
    p = Path(path)
    if not p.exists():
        raise InputError(f"{what}不存在：{file_label(p)[0]}")
    if p.is_dir():
        raise InputError(f"{what}是一个文件夹，不是文件：{file_label(p)[0]}")
    if p.stat().st_size > lim.file_mb * 1024 * 1024:
        raise InputError(f"{what}过大（{p.stat().st_size // 1024 // 1024} MB），上限为 {lim.file_mb} MB：{file_label(p)[0]}")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{what}不是 UTF-8 编码的文本：{file_label(p)[0]}") from None
    except OSError as exc:
        raise InputError(f"无法读取{what} {file_label(p)[0]}：{exc.strerror or exc}") from None
    return loads_json(text, what, file_label(p)[0], lim)


def clean_field(value: str) -> tuple[str, bool]:
    """A text field of a file (JSONL title or content) as valid Unicode, and whether
    anything had to be replaced."""
    clean = valid_unicode(value)
    return clean, clean != value

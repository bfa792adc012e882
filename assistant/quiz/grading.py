"""Grading: answer sheets in any reasonable shape (letters, option texts, 对/错, blanks
written loosely) scored one point a question, with feedback that quotes the source."""

from __future__ import annotations

import json
import re

from ..schema import InputError
from .export import answer_line
from .questions import FALSE, LETTERS, TRUE, QuizQuestion, normalise_text, questions_of

TRUE_WORDS = {"对", "正确", "√", "✓", "✔", "t", "true", "是", "yes", "y", "1"}
FALSE_WORDS = {"错", "错误", "×", "✗", "✘", "x", "f", "false", "否", "no", "n", "0"}


def load_answers(path) -> object:
    """Read an answer sheet: {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "2017年10月底前"}."""
    from ..boundary import read_json_file  # late, as before: it loads the settings

    return read_json_file(path, "答题文件")


SHEET_SHAPE = '答题文件格式不对：应为 {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "填空答案"}，或 [{"id": "q1", "answer": "B"}, …]，或按题目顺序排列的答案列表。'


def _answer_map(answers, quiz: list[QuizQuestion]) -> dict[str, object]:
    if isinstance(answers, dict) and isinstance(answers.get("answers"), (dict, list)):
        answers = answers["answers"]
    if isinstance(answers, dict):
        pairs = list(answers.items())
    elif isinstance(answers, list):
        if answers and all(isinstance(a, dict) for a in answers):
            if not all("id" in a and "answer" in a for a in answers):
                raise InputError(SHEET_SHAPE)
            pairs = [(a["id"], a["answer"]) for a in answers]
        elif any(isinstance(a, dict) for a in answers):
            raise InputError(SHEET_SHAPE)
        else:  # answers in the order of the questions
            if len(answers) > len(quiz):
                raise InputError(f"答题文件有 {len(answers)} 个答案，但试卷只有 {len(quiz)} 题。")
            pairs = [(q.id, a) for q, a in zip(quiz, answers)]
    else:
        raise InputError(SHEET_SHAPE)
    ids = {q.id.lower(): q.id for q in quiz}
    out: dict[str, object] = {}
    for key, value in pairs:
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            raise InputError(SHEET_SHAPE)
        if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)):
            raise InputError(f"答题文件格式不对：题目 {key} 的答案“{json.dumps(value, ensure_ascii=False)}”应是字母、字母列表、对/错或文字。")
        k = normalise_text(str(key))
        k = ids.get(k) or ids.get("q" + k) or str(key)
        out[k] = value
    return out


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, list) and not value)


def _letters(value, q: QuizQuestion) -> list[str] | None:
    """Option letters in a given answer: "B", "b", "Ｂ", "A,C", "A、C", ["A", "C"], or option texts."""
    valid = LETTERS[: len(q.options)]
    texts = {normalise_text(o): LETTERS[i] for i, o in enumerate(q.options)}
    parts = value if isinstance(value, list) else [value]
    out: list[str] = []
    for part in parts:
        text = normalise_text(str(part)).upper().strip("()（）[]")
        if normalise_text(str(part)) in texts:
            out.append(texts[normalise_text(str(part))])
            continue
        pieces = [p for p in re.split(r"[,，、;；/\s]+", text) if p]
        letters = [ch for p in pieces for ch in p] if all(re.fullmatch(r"[A-Z]+", p) for p in pieces) else None
        if not letters or any(ch not in valid for ch in letters):
            return None
        out.extend(letters)
    return sorted(set(out))


def _judge(q: QuizQuestion, value) -> tuple[bool, str]:
    """(right?, the given answer as shown back to the trainee)."""
    if q.type == "single":
        got = _letters(value, q)
        shown = "".join(got) if got else str(value)
        return bool(got) and len(got) == 1 and got[0] == q.answer, shown
    if q.type == "multi":
        got = _letters(value, q)
        shown = "".join(got) if got else str(value)
        return got is not None and "".join(got) == q.answer, shown
    if q.type == "tf":
        if isinstance(value, bool):
            given = TRUE if value else FALSE
        else:
            word = normalise_text(str(value[0] if isinstance(value, list) and len(value) == 1 else value))
            given = TRUE if word in TRUE_WORDS else FALSE if word in FALSE_WORDS else str(value)
        return given == q.answer, given
    given = str(value[0] if isinstance(value, list) and len(value) == 1 else value)
    accepted = {normalise_text(a) for a in (q.accept or (q.answer,))} | {normalise_text(q.answer)}
    return normalise_text(given) in accepted, given.strip()


def grade(quiz, answers) -> dict:
    """Score an answer sheet: one point per question, multiple choice all or nothing.

    >>> grade(quiz, {"q1": "B", "q2": ["A", "C"], "q3": "对"})  # doctest: +SKIP
    {'score': 2, 'total': 3, 'percent': 66.7, ...}
    """
    qs = questions_of(quiz)
    given = _answer_map(answers, qs)
    results = []
    counts = {"correct": 0, "wrong": 0, "missing": 0}
    for q in qs:
        value = given.get(q.id)
        right = answer_line(q)
        if _is_empty(value):
            status, shown = "missing", ""
            feedback = f"未作答。正确答案：{right}。{q.explanation}"
        else:
            ok, shown = _judge(q, value)
            status = "correct" if ok else "wrong"
            feedback = "正确。" if ok else f"错误。你的答案：{shown}；正确答案：{right}。{q.explanation}"
        counts[status] += 1
        results.append({"id": q.id, "type": q.type, "status": status, "given": shown, "answer": q.answer,
                        "answer_text": q.answer_text, "feedback": feedback})
    known = {q.id for q in qs}
    total = len(qs)
    return {
        "score": counts["correct"],
        "total": total,
        "percent": round(100 * counts["correct"] / total, 1) if total else 0.0,
        **counts,
        "results": results,
        "unknown_ids": [k for k in given if k not in known],
    }


def format_grade(result: dict) -> str:
    """The grading result as Chinese text for the terminal."""
    lines = [
        f"得分：{result['score']}/{result['total']}（{result['percent']:g}%）；"
        f"正确 {result['correct']} 题，错误 {result['wrong']} 题，未作答 {result['missing']} 题。"
    ]
    for r in result["results"]:
        lines.append(f"{r['id']}：{r['feedback']}")
    if result["unknown_ids"]:
        lines.append(f"提示：答题文件中有试卷里没有的题号：{'、'.join(result['unknown_ids'])}。")
    return "\n".join(lines)

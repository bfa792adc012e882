"""What every answer is built from: a verbatim quote cut around its focus, a draft that
numbers its citations [1], [2] as passages are cited, and a refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Answer, Passage

QUOTE_MAX = 90
CLAUSE = re.compile(r"[^，；。！？,;]*[，；。！？,;]?")


# ---------------------------------------------------------------- quoting


def quote(sentence: str, focus: str = "", max_len: int = QUOTE_MAX) -> str:
    """A verbatim part of ``sentence`` around ``focus``, with …… where text was cut.

    >>> quote("甲，乙，丙。", "乙", max_len=2)
    '……乙……'
    """
    body = sentence.rstrip("。；;，,")
    if len(body) <= max_len:
        return body
    clauses = [c for c in CLAUSE.findall(body) if c]
    # The focus may be the last clause with its full stop, which ``body`` has lost.
    focus = focus.rstrip("。；;，,") if focus else ""
    at = max(body.find(focus), 0) if focus else 0
    idx, pos = 0, 0
    for i, c in enumerate(clauses):
        if pos <= at < pos + len(c):
            idx = i
            break
        pos += len(c)
    start = end = idx
    length = len(clauses[idx])
    grew = True
    while grew:
        grew = False
        # Prefer what follows the focus: the requirement usually comes after its deadline.
        if end + 1 < len(clauses) and length + len(clauses[end + 1]) <= max_len:
            end += 1
            length += len(clauses[end])
            grew = True
        elif start > 0 and length + len(clauses[start - 1]) <= max_len:
            start -= 1
            length += len(clauses[start])
            grew = True
    part = "".join(clauses[start : end + 1]).rstrip("，；。,;")
    return ("……" if start > 0 else "") + part + ("……" if end < len(clauses) - 1 else "")


# ---------------------------------------------------------------- building an answer


@dataclass
class Draft:
    """Answer text under construction; ``cite`` returns the marker for a passage."""

    parts: list[str] = field(default_factory=list)
    citations: list[Passage] = field(default_factory=list)

    def cite(self, p: Passage) -> str:
        for i, c in enumerate(self.citations):
            if c.id == p.id:
                return f"[{i + 1}]"
        self.citations.append(p)
        return f"[{len(self.citations)}]"

    def add(self, text: str) -> None:
        self.parts.append(text)

    def answer(self, intent: str, items=()) -> Answer:
        return Answer("".join(self.parts), tuple(self.citations), False, intent, tuple(items))


# A figure in a sentence: digits (half or full width) or Chinese numerals with a unit.
RE_FIGURE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两〇○零]+(?:亿|万|元|斤|吨|倍|个|%|％|项|年)|百分之")


def refusal(text: str, intent: str = "refused") -> Answer:
    return Answer(text, (), True, intent, ())


def merge_answers(answers: list[Answer]) -> Answer:
    """One answer to a message that asks several questions: each answer in turn, numbered
    （1）（2）…, its citation markers renumbered into one list (a passage cited by two
    answers keeps one number)."""
    if len(answers) == 1:
        return answers[0]
    citations: list[Passage] = []
    texts, items = [], []
    for n, a in enumerate(answers, 1):
        number = {}
        for i, c in enumerate(a.citations, 1):
            ids = [x.id for x in citations]
            if c.id not in ids:
                citations.append(c)
                ids.append(c.id)
            number[i] = ids.index(c.id) + 1
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{number.get(int(m.group(1)), int(m.group(1)))}]", a.text)
        texts.append(f"（{n}）{text}")
        items += [i for i in a.items if i not in items]
    timings: dict = {}
    for a in answers:
        for k, v in a.timings.items():
            timings[k] = timings.get(k, 0.0) + v
    # The last question is the one the message comes to (是哪家？叫什么名字？, 谁负责？电话多少？):
    # when it asks for something the document does not hold (a contact, a name, a step it
    # does not describe), the message is refused, its other answers kept. A figure or a date
    # not found for a short last question (封顶多少？) may have lost its topic: not enough.
    last = answers[-1]
    refused = all(a.refused for a in answers) or (last.refused and last.intent in ("out_of_scope", "not_stated"))
    return Answer("\n".join(texts), tuple(citations), refused, "multi", tuple(items), timings)

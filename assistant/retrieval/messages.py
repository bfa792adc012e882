"""A message's questions: the asking sentences of a long pasted message, and several
questions in one message split so that each is answered in turn."""

from __future__ import annotations

import re

RE_ASKS = re.compile(r"[？?]|吗|呢|什么|多少|哪|谁|几|怎么|如何|是否|有没有|是不是|多久|多长")


def asking_part(text: str, longest: int = 80) -> str:
    """The sentences of a long, chatty question that ask (a civil servant pastes context,
    then asks): the asking sentences and the one before the first of them, at most their
    last 300 characters; a short question is kept whole."""
    if len(text) <= longest:
        return text
    sentences = [s for s in re.findall(r"[^。！？!?；;]*[。！？!?；;]?", text) if s.strip()]
    asking = [i for i, s in enumerate(sentences) if RE_ASKS.search(s)]
    if not asking:
        return text[-300:]  # the question usually closes a paste; analysis time stays bounded
    keep = sorted({max(0, asking[0] - 1), *asking})
    return "".join(sentences[i] for i in keep)[-300:]


# Where one question ends and the next begins: a question mark, or a clause opened by
# 另外/还有/以及/同时/再就是, or a last clause that asks the same of another thing (…，X呢).
RE_NEXT_QUESTION = re.compile(r"(?<=[？?])|[，,；;。](?=(?:另外|还有|以及|同时|再就是|此外)[^，,；;。？?]{2,})|[，,](?=[^，,；;。？?]{2,12}呢[？?。]?$)")
MAX_PARTS = 3
# A part that only asks on about the one before (几大块？各是什么？, 举几个, 头一个和最后一个是啥):
# nothing is left of it but question words, ordinals and particles.
RE_FOLLOW_ON_WORDS = re.compile(r"那么|那|各自|各|分别|都|具体|又|是|有|叫|包括|什么|啥|哪些|哪几|哪个|哪|几个|几|个|项|块|条|举|列|说|讲|一下|例子|多少|头一?|第一|最后一?|前|后|和|跟|与|呢|吗|？|\?")


def _follows_on(part: str) -> bool:
    return not RE_FOLLOW_ON_WORDS.sub("", part).strip(" ，,。")


# The two asks a civil servant most often puts in one sentence: who does it, and by when.
RE_WHO_ASKED = re.compile(r"谁|哪个部门|哪些部门|哪个单位|哪些单位|哪家|哪[几两二三]个(?:部门|单位)|什么部门|什么单位")
RE_WHEN_ASKED = re.compile(r"什么时候|啥时候|何时|哪一?年|几月|哪个月|哪天|期限|截止|最晚|多久")


def _who_and_when(part: str) -> list[str]:
    """``那这项由谁牵头，最晚什么时候完成``: one clause asks who, the other when; two
    questions. Otherwise the part whole."""
    clauses = [c for c in re.split(r"[，,]", part) if c.strip()]
    if len(clauses) != 2:
        return [part]
    a, b = clauses
    if (RE_WHO_ASKED.search(a) and RE_WHEN_ASKED.search(b) and not RE_WHEN_ASKED.search(a) and not RE_WHO_ASKED.search(b)) or (
        RE_WHEN_ASKED.search(a) and RE_WHO_ASKED.search(b) and not RE_WHO_ASKED.search(a) and not RE_WHEN_ASKED.search(b)
    ):
        return [a, b]
    return [part]


def split_questions(text: str) -> list[str]:
    """The questions in one message, in order: 是按哪个文件部署？清理结果报给谁 -> two.
    The words before the first asking clause (the context a civil servant pastes) stay with
    the first question; a message with one question comes back whole."""
    asked = asking_part(text)
    parts = [p.strip(" ，,；;。") for p in RE_NEXT_QUESTION.split(asked)]
    parts = [q for p in parts if p for q in _who_and_when(p)]
    joined: list[str] = []
    for p in parts:
        if joined and _follows_on(p):
            joined[-1] += "？" + p
        else:
            joined.append(p)
    parts = joined
    asking = [i for i, p in enumerate(parts) if RE_ASKS.search(p) and len(re.findall(r"[\u4e00-\u9fff]", p)) >= 3]
    if len(asking) < 2:
        return [text]
    # A connective opening a part joins it to the message, not to the previous answer:
    # "另外网格化管理是从什么时候开始实行的" is a question of its own.
    parts = [re.sub(r"^(?:另外|还有|以及|同时|再就是|此外)[，,]?", "", p) for p in parts]
    out, pending = [], ""
    for i, p in enumerate(parts):
        if i in asking:
            out.append((pending + "，" + p).lstrip("，") if pending and not out else p)
            pending = ""
        elif not out:
            pending = (pending + "，" + p).lstrip("，")
        else:
            out[-1] += "，" + p
    return out[:MAX_PARTS]

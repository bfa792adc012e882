"""The evidence scorer: whether an answer's evidence supports the question, as a
probability from a logistic regression over a few features, with weights and the
refusal threshold fitted on the dev split of the multi-document evaluation
(``python evals/fit_scorer.py``; the weights are package data, assistant/data/scorer.json).

Features (each in [0, 1]):

- ``support``: how much of the question's content words (by length) the answer's quoted
  evidence holds, by wording or by sound (typos);
- ``absent``: how much of them the whole document lacks, by wording and by sound;
- ``absent_long``: the longest content word the document lacks (a named thing it never
  mentions: 化肥农药零增长), over 6 characters;
- ``structural``: the answer was read off the structure (a part by number, a list,
  a header field), where the question's words need not recur in the evidence.
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources

from ..index import fold, pinyin

# Question words, fillers and the words of the genre: they never name what is asked about.
QUESTION_WORDS = set(
    "什么 哪些 哪个 哪里 哪几 多少 几个 几项 几条 怎么 怎样 如何 是否 有没有 是不是 是谁 谁 多久 多长 啥 啥时候 什么时候 "
    "具体 一下 请问 麻烦 告诉 一共 总共 共有 分别 都有 主要 相关 有关 要求 规定 内容 情况 问题 方面 工作 任务 文件 通知 "
    "方案 意见 办法 要点 这个 那个 这项 那项 这条 那条 里面 里 中 的 了 吗 呢 吧 要 需要 应该 可以 能 会 是 有 在 和 与 及 "
    "时候 时间 期限 时限 截止 完成 负责 牵头 单位 部门 哪个部门 哪些单位 目标 达到 多少个 提到 说 讲 写 咋 该 被 把".split()
)
FEATURES = ("support", "absent", "absent_long", "structural")
STRUCTURAL_INTENTS = ("structure", "item", "meta", "count", "chapter", "which_chapter", "list", "reference", "section")


def content_words(text: str, skip: str = "") -> list[str]:
    """The words of a question that say what it is about (segmented), without question
    words and without words of ``skip`` (the document's title)."""
    from ..index.lexical import default_tokenizer

    skip_folded = fold(skip)
    out = []
    for w in default_tokenizer().cut(fold(text)):
        if len(w) < 2 or w in QUESTION_WORDS or not re.search(r"[\u4e00-\u9fff]", w):
            continue
        if w in skip_folded:
            continue
        out.append(w)
    return out


# Characters that make a word its opposite (高压 / 低压 用户, 增量 / 存量 项目): a question
# about the one is not answered by what the document says of the other.
OPPOSITES = "高低 大小 上下 长短 多少 新旧 内外 增减 升降 城乡 男女 首末 正副 早晚 冷热 强弱 轻重 远近 买卖 收支 进出 借贷 难易 公私 前后 始终 急缓 增存"


@functools.lru_cache(maxsize=1)
def _opposites() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a, b in OPPOSITES.split():
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def contrasted(question: str, evidence: str) -> tuple[str, str] | None:
    """(word asked, word found) when the question asks about a word the evidence never
    writes while it writes that word's opposite in one character (高压用户 asked, 低压用户
    found): the evidence is about the other thing."""
    from ..index.lexical import default_tokenizer

    evidence = fold(evidence)
    opposites = _opposites()
    for w in dict.fromkeys(default_tokenizer().cut(fold(question))):
        if len(w) < 2 or w in evidence or not re.fullmatch(r"[\u4e00-\u9fff]+", w):
            continue
        for i, ch in enumerate(w):
            for other in opposites.get(ch, ()):
                found = w[:i] + other + w[i + 1 :]
                if found in evidence:
                    return w, found
    return None


def _found(word: str, text: str, sound: str) -> bool:
    return word in text or pinyin(word) in sound


def features(question: str, answer, doc_text: str, doc_title: str, sound_of_doc: str | None = None) -> dict[str, float]:
    words = content_words(question, doc_title)
    evidence = fold(answer.text + "".join(c.text for c in answer.citations))
    ev_sound = pinyin(re.sub(r"[^\u4e00-\u9fff]", "", evidence))
    folded_doc = fold(doc_text)
    doc_sound = sound_of_doc if sound_of_doc is not None else pinyin(re.sub(r"[^\u4e00-\u9fff]", "", folded_doc))
    total = sum(len(w) for w in words) or 1
    supported = sum(len(w) for w in words if _found(w, evidence, ev_sound))
    absent_words = [w for w in words if not _found(w, folded_doc, doc_sound)]
    return {
        "support": supported / total if words else 1.0,
        "absent": sum(len(w) for w in absent_words) / total if words else 0.0,
        "absent_long": min(max((len(w) for w in absent_words), default=0), 6) / 6,
        "structural": 1.0 if answer.intent.split(":")[0] in STRUCTURAL_INTENTS else 0.0,
    }


@functools.lru_cache(maxsize=1)
def weights() -> dict:
    """Fitted weights, bias and threshold; None-like defaults when no fit is shipped."""
    try:
        data = json.loads(resources.files("assistant").joinpath("data/scorer.json").read_text(encoding="utf-8"))
        return data
    except (FileNotFoundError, ValueError):
        return {"weights": {f: 0.0 for f in FEATURES}, "bias": 1.0, "threshold": 0.0}


def probability(feats: dict[str, float], model: dict | None = None) -> float:
    model = model or weights()
    z = model["bias"] + sum(model["weights"].get(f, 0.0) * feats.get(f, 0.0) for f in FEATURES)
    return 1.0 / (1.0 + math.exp(-z))


def supported(feats: dict[str, float], model: dict | None = None) -> bool:
    model = model or weights()
    return probability(feats, model) >= model["threshold"]

"""Typos that sound like a word of the documents (数椐 for 数据, 跟新 for 更新, 故问 for
顾问): corrected before a question is analysed, so that every route (the search, the
choice of task, the quote) sees the document's word.

A two-character piece of the question is a typo when the documents never write it, it is
one word the tokenizer does not know or two single characters, and the documents write a
word that keeps one of its characters in place and sounds the same (confusable initials
and finals merged, as an input method would). The most frequent such word wins."""

from __future__ import annotations

import functools
import re

from ..index import fold

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Sounds a typist or an input method often confuses: retroflex and flat initials, front
# and back nasal finals.
_INITIAL = re.compile(r"^([zcs])h")
_FINAL = re.compile(r"([aei])ng$")


@functools.lru_cache(maxsize=1 << 16)
def sound(text: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(_FINAL.sub(r"\1n", _INITIAL.sub(r"\1", s)) for s in lazy_pinyin(text))


# Characters of the asking itself (是哪, 这个, 几项, 讲的): never half of a typo.
FUNCTION_CHARS = set("的是了在哪几这那个要有和与及或就都也还又把被对为将吗呢吧啊呀么啥谁什怎多少第们我你他她它其该此各每年月日号项条种类下上里中前后可能会让给去做没不很最再从到由向于以而且并")


def _pieces(tokens: list[str], tokenizer) -> list[str]:
    """Two-character pieces that may be a typo: a two-character token the dictionary does
    not know, or two single Chinese characters side by side, neither a function word."""
    out = []
    for i, t in enumerate(tokens):
        if len(t) == 2 and all(_CJK.match(c) for c in t) and not tokenizer.is_word(t) and not set(t) & FUNCTION_CHARS:
            out.append(t)
        elif (
            len(t) == 1 and _CJK.match(t) and i + 1 < len(tokens) and len(tokens[i + 1]) == 1 and _CJK.match(tokens[i + 1])
            and t not in FUNCTION_CHARS and tokens[i + 1] not in FUNCTION_CHARS
        ):
            out.append(t + tokens[i + 1])
    return out


def _candidates(piece: str, corpus: str) -> dict[str, int]:
    """Words of the corpus that keep one character of ``piece`` in place and sound alike,
    with how often the corpus writes them."""
    want = sound(piece)
    found: dict[str, int] = {}
    for pattern in (re.escape(piece[0]) + r"[\u4e00-\u9fff]", r"[\u4e00-\u9fff]" + re.escape(piece[1])):
        for word in set(re.findall(pattern, corpus)):
            if word != piece and sound(word) == want:
                found[word] = corpus.count(word)
    return found


# The last character of a unit's name (市政数局, 发改委): a short form ends so.
UNIT_ENDS = set("局委办厅部处科院站所队会室司署")
# Bounds on the work per question: longer questions and further pieces are left as written.
MAX_CHARS = 300
MAX_PIECES = 8
# How often the documents must write a word for a typo to be read as it.
MIN_WRITTEN = 2


def correct(question: str, corpus: str, tokenizer) -> str:
    """The question with its typos replaced by the documents' words (unchanged when it has
    none). ``corpus`` is the folded text of the documents."""
    folded = fold(question)
    if len(folded) > MAX_CHARS:
        return question  # a pasted text: its typos are not worth the time
    fixed = folded
    looked = 0
    for piece in _pieces(tokenizer.words(folded), tokenizer):
        if piece in corpus or piece[-1] in UNIT_ENDS:
            continue  # 政数局 is a unit's short form, not a typo of 数据
        looked += 1
        if looked > MAX_PIECES:
            break
        # The documents' word is a word (更新, 顾问), written more than once.
        found = {w: n for w, n in _candidates(piece, corpus).items() if n >= MIN_WRITTEN and tokenizer.is_word(w)}
        if found:
            best = max(found, key=lambda w: (found[w], w))
            fixed = fixed.replace(piece, best, 1)
    return question if fixed == folded else fixed

"""The quiz question record, the constants every quiz stage shares, the notation of
quoted fragments (…… where a quote is cut) and the loose text form answers are compared in."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import asdict, dataclass

TYPES = ("single", "multi", "tf", "blank")
TYPE_LABELS = {"single": "单选题", "multi": "多选题", "tf": "判断题", "blank": "填空题"}
TYPE_ALIASES = {
    "single": "single", "单选": "single", "单选题": "single",
    "multi": "multi", "multiple": "multi", "多选": "multi", "多选题": "multi",
    "tf": "tf", "truefalse": "tf", "判断": "tf", "判断题": "tf",
    "blank": "blank", "fill": "blank", "填空": "blank", "填空题": "blank",
}
DIFFICULTY_LABELS = {"easy": "易", "medium": "中", "hard": "难"}
LETTERS = "ABCDEFGH"
LINE_MARK = "＿＿＿＿"
ELLIPSIS = "……"
TRUE, FALSE = "对", "错"


@dataclass(frozen=True)
class QuizQuestion:
    """One quiz question; ``context`` is the quoted fragment of ``sentence`` (with the
    blank or the altered term) and ``explanation`` quotes ``sentence`` in full.

    >>> q = build_quiz(doc, n=1, seed=7, types="tf", items=[28])[0]  # doctest: +SKIP
    >>> q.answer, q.change, q.item  # doctest: +SKIP
    ('错', ('2017年底前', '2017年10月底前'), '（二十八）健全依法化解纠纷机制')
    """

    id: str
    type: str
    question: str
    answer: str
    explanation: str
    item: str
    item_number: int
    chapter: int
    sentence: str
    context: str
    options: tuple[str, ...] = ()
    answer_text: str = ""
    kind: str = ""
    difficulty: str = "medium"
    accept: tuple[str, ...] = ()
    change: tuple[str, ...] = ()  # tf: (original term, term put in its place)
    uid: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("options", "accept", "change"):
            d[key] = list(d[key])
        return d

    @classmethod
    def from_dict(cls, data: dict) -> QuizQuestion:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("options", "accept", "change"):
            if key in known:
                known[key] = tuple(known[key] or ())
        return cls(**known)


def questions_of(quiz) -> list[QuizQuestion]:
    """Questions given as ``QuizQuestion`` objects or as their dicts (read from JSON)."""
    return [q if isinstance(q, QuizQuestion) else QuizQuestion.from_dict(q) for q in quiz]


def quote(sentence: str, start: int, end: int, a: int, b: int, fill: str) -> str:
    """The fragment [start, end) with [a, b) replaced by ``fill``, …… where it was cut."""
    text = sentence[start:a] + fill + sentence[b:end]
    if start > 0:
        text = ELLIPSIS + text
    if end < len(sentence):
        text = text.rstrip("，；：,;:") + ELLIPSIS
    return text


def unquote(context: str) -> list[str]:
    """Pieces of a quoted fragment that must occur verbatim in the original sentence."""
    return [p for p in context.split(ELLIPSIS) if p]


_FULL_TO_HALF = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]", "“": '"', "”": '"', "‘": "'", "’": "'"})


@functools.lru_cache(maxsize=65536)
def _normalise_cached(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FULL_TO_HALF)
    text = re.sub(r"\s+", "", text)
    return text.strip("。.,，;；:：!！?？、").lower()


def normalise_text(text: str) -> str:
    """Loose form for comparing answers: full-width to half-width, no spaces, no end punctuation."""
    return _normalise_cached(str(text))

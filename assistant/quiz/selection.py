"""Choosing a quiz: filters (types, chapters, items), even quotas per type, and a spread over
sentences so that no question gives another away; ``build_quiz`` and ``capacity``."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from ..schema import Document, InputError, parse_cn_number
from .analysis import analyse
from .builders import Candidate, Generator
from .questions import (
    FALSE,
    LETTERS,
    TRUE,
    TYPE_ALIASES,
    TYPE_LABELS,
    TYPES,
    QuizQuestion,
    questions_of,
)


def _split_values(values) -> list:
    if values is None:
        return []
    if isinstance(values, (str, int)):
        values = [values]
    out = []
    for v in values:
        if isinstance(v, str):
            out.extend(p for p in re.split(r"[,，、;；\s]+", v) if p)
        else:
            out.append(v)
    return out


def parse_types(types) -> list[str]:
    """``"single,tf"`` / ``["单选", "判断"]`` -> ``["single", "tf"]``; None means all four."""
    if types is None:
        return list(TYPES)
    out: list[str] = []
    for t in _split_values(types):
        key = TYPE_ALIASES.get(str(t).strip().lower())
        if key is None:
            raise InputError(f"未知的题型：{t}。可选：single（单选）、multi（多选）、tf（判断）、blank（填空）。")
        if key not in out:
            out.append(key)
    if not out:
        raise InputError("没有指定题型。可选：single（单选）、multi（多选）、tf（判断）、blank（填空）。")
    return out


def _parse_number(value, what: str) -> int:
    if isinstance(value, bool):
        raise InputError(f"无法识别的{what}：{value}")
    if isinstance(value, int):
        return value
    text = re.sub(r"^第|部分$|章$|项$|条$", "", str(value).strip()).strip("（）() ")
    n = parse_cn_number(text)
    if n is None:
        raise InputError(f"无法识别的{what}：{value}（请写数字，如 3）")
    return n


def _scope(doc: Document, chapters, items) -> list[int]:
    if not doc.items:
        raise InputError(f"{doc.source or '该文件'} 中没有识别到条目（（一）或第一条），无法出题。")
    chapter_numbers = [_parse_number(c, "章节") for c in _split_values(chapters)]
    item_numbers = [_parse_number(i, "条目") for i in _split_values(items)]
    known_chapters = [c.number for c in doc.chapters]
    if chapter_numbers and not known_chapters:
        raise InputError(f"本通知没有分部分（章节），无法按章节 {chapter_numbers[0]} 出题，请改用条目（--item）筛选。")
    for c in chapter_numbers:
        if c not in known_chapters:
            raise InputError(f"未知的章节：{c}。本通知共 {len(known_chapters)} 个部分（{min(known_chapters)}–{max(known_chapters)}）。")
    known_items = [it.number for it in doc.items]
    for i in item_numbers:
        if i not in known_items:
            raise InputError(f"未知的条目：{i}。本通知共 {len(known_items)} 项（{min(known_items)}–{max(known_items)}）。")
    chosen = [it for it in doc.items if not chapter_numbers or it.chapter in chapter_numbers]
    if item_numbers:
        outside = [i for i in item_numbers if i not in {it.number for it in chosen}]
        if outside:
            it = doc.item(outside[0])
            raise InputError(f"条目 {outside[0]}（{it.ref}）不在所选章节 {'、'.join(map(str, chapter_numbers))} 中。")
        chosen = [it for it in chosen if it.number in item_numbers]
    return [it.number for it in chosen]


def _capacity(pool: dict[str, list[Candidate]]) -> dict[str, int]:
    cap = {t: len(c) for t, c in pool.items()}
    if "tf" in pool:  # never two true/false questions on one sentence: one would answer the other
        cap["tf"] = len({c.spot for c in pool["tf"]})
    return cap


def _order(cands: list[Candidate], qtype: str, rng: random.Random) -> list[Candidate]:
    """Shuffled, then interleaved by kind (dates, units, lists…; true and false statements)."""
    cands = list(cands)
    rng.shuffle(cands)
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        key = c.question.answer if qtype == "tf" else c.question.kind
        groups.setdefault(key, []).append(c)
    out: list[Candidate] = []
    while any(groups.values()):
        for key in list(groups):
            if groups[key]:
                out.append(groups[key].pop(0))
    return out


def _gives_away(a: Candidate, b: Candidate) -> bool:
    """Two questions on one sentence where one shows what the other asks for: a cloze shows
    the other members of its list, a true statement shows the whole sentence."""
    return a.spot == b.spot and (any(b.shows(h) for h in a.hidden) or any(a.shows(h) for h in b.hidden))


class _Picker:
    def __init__(self, orders: dict[str, list[Candidate]]):
        self.orders = orders
        self.picked: list[Candidate] = []
        self.taken: set[str] = set()
        self.targets: set[tuple] = set()
        self.by_spot: dict[tuple, list[Candidate]] = {}

    def count(self, qtype: str) -> int:
        return sum(1 for c in self.picked if c.question.type == qtype)

    def fits(self, c: Candidate, level: int) -> bool:
        q = c.question
        here = self.by_spot.get(c.spot, [])
        if q.uid in self.taken or (q.type == "tf" and any(p.question.type == "tf" for p in here)):
            return False
        # Level 0 spreads questions over sentences; level 1 lets a sentence be asked about
        # twice; level 2 lets one term be asked about in two types; level 3, only reached
        # when more questions are wanted than the sentences carry, lets one question hint
        # at another.
        if level < 3 and any(_gives_away(c, p) for p in here):
            return False
        return not ((level < 2 and c.target in self.targets) or (level < 1 and here))

    def take(self, qtype: str, level: int, quota: int, strict: bool) -> bool:
        """Pick the next fitting candidate of ``qtype``. ``strict`` keeps the mix: as many
        false statements as true ones, and at most a third "which item" questions."""
        order = self.orders[qtype]
        mine = [c.question for c in self.picked if c.question.type == qtype]
        if qtype == "tf":
            answers = [q.answer for q in mine]
            rarer = TRUE if answers.count(TRUE) < answers.count(FALSE) else FALSE
            order = [c for c in order if c.question.answer == rarer] + (
                [] if strict else [c for c in order if c.question.answer != rarer]
            )
        elif qtype == "single" and strict and sum(q.kind == "location" for q in mine) >= max(1, quota // 3):
            order = [c for c in order if c.question.kind != "location"]
        for c in order:
            if self.fits(c, level):
                self.picked.append(c)
                self.taken.add(c.question.uid)
                self.targets.add(c.target)
                self.by_spot.setdefault(c.spot, []).append(c)
                return True
        return False


# Multiple choice and blanks need sentences with lists and facts; true/false statements and
# "which item" questions can use any sentence: the former choose first.
NEEDS_LISTS = {"multi": 0, "blank": 0, "single": 1, "tf": 1}


def _select(pool: dict[str, list[Candidate]], n: int, types: list[str], rng: random.Random) -> list[Candidate]:
    """``n`` candidates spread evenly over ``types`` (as far as each type has questions),
    over sentences, and over true and false statements; none gives another away."""
    cap = _capacity(pool)
    quota = dict.fromkeys(types, 0)
    left = n
    while left:
        open_types = [t for t in types if quota[t] < cap[t]]
        if not open_types:
            break
        for t in open_types:
            if left:
                quota[t] += 1
                left -= 1
    picker = _Picker({t: _order(pool[t], t, rng) for t in types})
    # The type with the fewest questions to spare chooses its sentences first (multiple
    # choice needs the sentences with lists). First the even quotas; when conflicts leave
    # a type short, the other types fill in.
    by_need = sorted(types, key=lambda t: (NEEDS_LISTS.get(t, 1), cap[t] - quota[t]))
    hint_free = [(level, strict, limits) for strict, limits in ((True, quota), (False, quota), (False, cap)) for level in range(3)]
    for level, strict, limits in hint_free + [(3, False, quota), (3, False, cap)]:
        for t in by_need:
            while len(picker.picked) < n and picker.count(t) < limits[t] and picker.take(t, level, quota[t], strict):
                pass
    return picker.picked


def overlaps(quiz, doc: Document) -> list[tuple[str, str]]:
    """Pairs of question ids on one sentence where one question shows what the other asks
    for (or two true/false questions). Empty unless more questions were asked for than the
    notice's sentences carry independently (``build_quiz`` avoids them until then)."""
    qs = questions_of(quiz)

    def asked(q: QuizQuestion) -> list[str]:
        if q.type == "tf":
            return list(q.change[:1])
        if q.type == "multi":
            item = doc.item(q.item_number)
            index = item.sentences.index(q.sentence) if item and q.sentence in item.sentences else -1
            rights = {q.options[LETTERS.index(ch)] for ch in q.answer if ch in LETTERS[: len(q.options)]}
            for e in analyse(item).enums if item else ():
                if e.sentence == index and rights <= {m.text for m in e.members}:
                    return [m.text for m in e.members]
            return sorted(rights)
        return [] if q.kind == "location" else [q.answer_text]

    def shown(q: QuizQuestion) -> str:
        return q.context + "\n" + "\n".join(q.options)

    out = []
    for i, a in enumerate(qs):
        for b in qs[i + 1 :]:
            if a.item_number != b.item_number or a.sentence != b.sentence:
                continue
            if (a.type == b.type == "tf") or any(x in shown(b) for x in asked(a)) or any(x in shown(a) for x in asked(b)):
                out.append((a.id, b.id))
    return out


def build_quiz(doc: Document, n: int = 20, seed: int = 7, types=None, chapters=None, items=None) -> list[QuizQuestion]:
    """A quiz of ``n`` validated questions, the same for the same seed.

    >>> quiz = build_quiz(doc, n=10, seed=7, types="single,tf", chapters=[3])  # doctest: +SKIP
    >>> {q.item_number for q in quiz} <= {8, 9, 10}  # doctest: +SKIP
    True
    """
    if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
        raise InputError(f"题量必须是正整数，当前为：{n}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError(f"随机种子必须是整数，当前为：{seed}")
    qtypes = parse_types(types)
    scope = _scope(doc, chapters, items)
    pool = Generator(doc, seed).candidates(scope, qtypes)
    cap = _capacity(pool)
    total = sum(cap.values())
    where = "全文" if len(scope) == len(doc.items) else f"第 {'、'.join(map(str, scope))} 项"
    if n > total:
        detail = "、".join(f"{TYPE_LABELS[t]} {cap[t]}" for t in qtypes)
        raise InputError(f"题量 {n} 超出范围：按当前条件（{where}），本通知最多可出 {total} 道题（{detail}）。请减少题量或放宽条件。")
    picked = _select(pool, n, qtypes, random.Random(seed))
    sentence_index = {}
    for c in picked:
        it = doc.item(c.question.item_number)
        sentence_index[c.question.uid] = it.sentences.index(c.question.sentence)
    picked.sort(key=lambda c: (TYPES.index(c.question.type), c.question.item_number, sentence_index[c.question.uid], c.question.uid))
    return [replace(c.question, id=f"q{i}") for i, c in enumerate(picked, 1)]


def capacity(doc: Document, seed: int = 7, types=None, chapters=None, items=None) -> dict[str, int]:
    """How many valid questions of each type the notice supports under these filters."""
    qtypes = parse_types(types)
    return _capacity(Generator(doc, seed).candidates(_scope(doc, chapters, items), qtypes))

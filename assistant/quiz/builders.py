"""Question builders: every candidate question of a notice (single choice on a term or on
"which item", multiple choice on a list, true and false statements, blanks), each validated."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, replace

from ..schema import Document, Item, cn_number
from .analysis import (
    Enumeration,
    Term,
    analyse,
    depth_map,
    shared_prefix,
    shared_suffix,
)
from .distractors import Distractors, cn_count
from .questions import FALSE, LETTERS, LINE_MARK, TRUE, QuizQuestion, quote, unquote
from .validation import validate

WINDOW = 64  # characters of context around a target before the quote is cut with ……
BLANK_MAX = 10  # longest answer a trainee is asked to write


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    depth = depth_map(sentence, [])
    spans, start = [], 0
    for i, ch in enumerate(sentence):
        if ch in "，；：,;:" and depth[i] == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(sentence)))
    return spans


def _window(sentence: str, a: int, b: int, limit: int = WINDOW) -> tuple[int, int]:
    """Whole clauses around [a, b), grown while they fit in ``limit`` characters."""
    spans = _clause_spans(sentence)
    first = next(i for i, (s, e) in enumerate(spans) if e >= a or i == len(spans) - 1)
    last = next((i for i, (s, e) in enumerate(spans) if e >= b), len(spans) - 1)
    # A short clause such as "2017年10月底前，" needs what follows it; others what precedes.
    right_first = spans[last][1] - spans[first][0] < 12
    if right_first and last + 1 < len(spans):
        last += 1
        limit = max(limit, spans[last][1] - spans[first][0])
    while True:
        grown = False
        steps = ((first - 1, last), (first, last + 1))
        for cand in reversed(steps) if right_first else steps:
            lo, hi = cand
            if lo < 0 or hi >= len(spans):
                continue
            if spans[hi][1] - spans[lo][0] <= limit:
                first, last = lo, hi
                grown = True
                break
        if not grown:
            break
    start, end = spans[first][0], spans[last][1]
    if last == len(spans) - 1:
        end = len(sentence)
    return start, end


def _explanation(item: Item, sentence: str, note: str = "") -> str:
    return f"{note}原文出自{item.ref}：“{sentence}”"


def _join(terms) -> str:
    """List terms for a sentence; 、 is ambiguous when the terms contain it (市、县（市、区）政府)."""
    terms = list(terms)
    return ("；" if any("、" in t for t in terms) else "、").join(terms)


def _nest(text: str) -> str:
    """Quotes inside a quoted fragment become single quotes, as Chinese typesetting requires."""
    return text.replace("“", "‘").replace("”", "’")


def _level(score: float) -> str:
    return "hard" if score >= 1.5 else "medium" if score >= 0.75 else "easy"


def _uid(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Candidate:
    """A question with what the selection needs to keep questions from giving each other away."""

    question: QuizQuestion
    target: tuple  # (item, sentence, term): two questions on one term give each other away
    spot: tuple  # (item, sentence)
    hidden: tuple[str, ...] = ()  # what the question asks for: no other question may show it

    @classmethod
    def on_term(cls, question: QuizQuestion, term: Term) -> Candidate:
        """A question that asks for ``term``."""
        return cls(question, (term.item, term.sentence, term.text), (term.item, term.sentence), (term.text,))

    def shows(self, text: str) -> bool:
        q = self.question
        return text in q.context or any(text in o for o in q.options)


def _cloze(sentence: str, term: Term) -> str:
    """The clauses around ``term`` with the term replaced by a line."""
    a, b = term.start, term.start + len(term.text)
    start, end = _window(sentence, a, b)
    return quote(sentence, start, end, a, b, LINE_MARK)


def _statement_span(sentence: str, a: int, b: int) -> tuple[int, int]:
    """What a true/false statement quotes: the whole sentence unless it is long."""
    return (0, len(sentence)) if len(sentence) <= 90 else _window(sentence, a, b, limit=72)


class Generator:
    """Every candidate question of a notice; each one is validated before use."""

    def __init__(self, doc: Document, seed: int):
        self.doc = doc
        self.seed = seed
        self.analyses = {it.number: analyse(it) for it in doc.items}
        self.distractors = Distractors(doc, self.analyses)

    def rng(self, *key) -> random.Random:
        return random.Random(f"{self.seed}|" + "|".join(map(str, key)))

    def head(self, item: Item) -> str:
        return f"根据通知{item.ref}"

    def _where(self, term: Term) -> tuple[Item, str]:
        item = self.doc.item(term.item)
        return item, item.sentences[term.sentence]

    @staticmethod
    def _question(item: Item, sentence: str, context: str, note: str = "", **fields) -> QuizQuestion:
        """A question quoting ``context`` from ``sentence`` of ``item``; its explanation quotes the sentence."""
        return QuizQuestion(
            id="",
            explanation=_explanation(item, sentence, note),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=sentence,
            context=context,
            **fields,
        )

    def _single(self, item: Item, sentence: str, context: str, question: str, right: str, wrong: list[str],
                rng: random.Random, kind: str, difficulty: str) -> QuizQuestion:
        """A single-choice question with ``right`` shuffled in among ``wrong``."""
        options = [right, *wrong]
        rng.shuffle(options)
        return self._question(
            item, sentence, context,
            type="single",
            question=question,
            options=tuple(options),
            answer=LETTERS[options.index(right)],
            answer_text=right,
            kind=kind,
            difficulty=difficulty,
        )

    def single_from_term(self, term: Term) -> Candidate | None:
        item, s = self._where(term)
        rng = self.rng("single", term.item, term.sentence, term.start, term.text)
        siblings = self.analyses[term.item].siblings(term)
        wrong = self.distractors.wrong_options(term, 3, rng, siblings)
        if len(wrong) < 3:
            return None
        context = _cloze(s, term)
        question = f"{self.head(item)}，“{_nest(context)}”横线处应为："
        difficulty = _level(sum(c for _, c in wrong) / len(wrong))
        q = self._single(item, s, context, question, term.text, [w for w, _ in wrong], rng, term.kind, difficulty)
        return Candidate.on_term(q, term)

    def single_location(self, item: Item, index: int) -> Candidate | None:
        s = item.sentences[index]
        if len(s) < 16:
            return None
        start, end = _window(s, 0, 0, limit=48)
        if end - start < 20:  # "加强对政府内部权力的制约……" says too little
            start, end = _window(s, 0, 0, limit=96)
        context = quote(s, start, end, start, start, "")
        pieces = unquote(context)
        # A quote that repeats the item's title answers itself.
        if any(item.title[i : i + 6] in context for i in range(max(1, len(item.title) - 5))):
            return None
        rng = self.rng("locate", item.number, index)
        others = [it for it in self.doc.items if it.number != item.number and not all(p in it.text for p in pieces)]
        same = [it for it in others if it.chapter == item.chapter]
        rest = [it for it in others if it.chapter != item.chapter]
        rng.shuffle(same)
        rng.shuffle(rest)
        wrong = (same[:2] + rest)[:3]
        if len(wrong) < 3:
            return None
        question = f"“{_nest(context)}”是通知哪一项的内容？"
        difficulty = _level(sum(2 if w.chapter == item.chapter else 0 for w in wrong) / 3)
        q = self._single(item, s, context, question, item.ref, [w.ref for w in wrong], rng, "location", difficulty)
        return Candidate(q, (item.number, index, "location"), (item.number, index))

    def multi(self, e: Enumeration) -> Candidate | None:
        item = self.doc.item(e.item)
        s = item.sentences[e.sentence]
        members = [m for m in e.members if len(m.text) >= 2]
        if not e.clean or len(members) < 3 or len(members) != len(e.members):
            return None
        rng = self.rng("multi", e.id)
        total = 5 if len(members) >= 4 else 4
        k = rng.randint(2, min(len(members), total - 1))
        right = rng.sample(members, k)
        siblings = [m.text for m in e.members]
        wrong = self.distractors.wrong_options(right[0], total - k, rng, siblings, like=siblings)
        if len(wrong) < total - k:
            return None
        start, end = _window(s, e.start, e.end, limit=max(WINDOW, e.end - e.start + 16))
        context = quote(s, start, end, e.start, e.end, LINE_MARK)
        right_texts = [m.text for m in sorted(right, key=lambda m: m.start)]
        options = right_texts + [w for w, _ in wrong]
        rng.shuffle(options)
        q = self._question(
            item, s, context,
            note=f"原文列举的是{_join(siblings)}，没有{_join(w for w, _ in wrong)}。",
            type="multi",
            question=f"{self.head(item)}，“{_nest(context)}”横线处列举的有哪些？（多选）",
            options=tuple(options),
            answer="".join(LETTERS[i] for i, o in enumerate(options) if o in right_texts),
            answer_text=_join(o for o in options if o in right_texts),
            kind="actor" if all(m.kind == "actor" for m in e.members) else "list",
            difficulty=_level(sum(c for _, c in wrong) / len(wrong)),
        )
        return Candidate(q, (item.number, e.sentence, "list:" + e.id), (item.number, e.sentence), tuple(siblings))

    def tf_true(self, item: Item, index: int, a: int, b: int) -> Candidate | None:
        s = item.sentences[index]
        if len(s) < 16:
            return None  # "积极推进公职律师制度。" is true, but says nothing worth testing
        start, end = _statement_span(s, a, b)
        context = quote(s, start, end, start, start, "")
        q = self._question(
            item, s, context,
            note="与原文一致。",
            type="tf",
            question=f"判断对错：{self.head(item)}，“{_nest(context)}”",
            answer=TRUE,
            answer_text=TRUE,
            kind="statement",
            difficulty="medium",
        )
        return Candidate(q, (item.number, index, "tf:" + context), (item.number, index))

    def tf_false(self, term: Term) -> Candidate | None:
        item, s = self._where(term)
        rng = self.rng("tf", term.item, term.sentence, term.start, term.text)
        alt = self.distractors.altered(term, rng)
        if alt is None:
            return None
        repl, closeness = alt
        a, b = term.start, term.start + len(term.text)
        start, end = _statement_span(s, a, b)
        context = quote(s, start, end, a, b, repl)
        q = self._question(
            item, s, context,
            note=f"原文是“{term.text}”，题中改成了“{repl}”。",
            type="tf",
            question=f"判断对错：{self.head(item)}，“{_nest(context)}”",
            answer=FALSE,
            answer_text=FALSE,
            kind=term.kind,
            difficulty=_level(closeness + (0.5 if term.kind in ("deadline", "quantity") else 0)),
            change=(term.text, repl),
        )
        # A false statement shows another term in place of this one: it gives nothing away
        # to a question that asks for the term, so it does not claim it.
        return Candidate(q, ("tf", item.number, term.sentence, term.text), (item.number, term.sentence), (term.text,))

    def blank(self, term: Term) -> Candidate | None:
        item, s = self._where(term)
        if len(term.text) > BLANK_MAX:
            return None  # nobody writes a long title or unit name from memory
        e = self.analyses[term.item].enum_of(term) if term.kind == "member" else None
        if term.kind == "member" and (e is None or len(e.members) < 3):
            return None  # a two-member list leaves too little to infer the blank from
        context = _cloze(s, term)
        if term.kind in ("deadline", "quantity"):
            difficulty = "medium"
        elif e is not None:
            others = [m.text for m in e.members if m.text != term.text]
            hinted = bool(shared_suffix(others + [term.text]) or shared_prefix(others + [term.text]))
            difficulty = "easy" if hinted else "medium"
        else:
            difficulty = "hard"
        q = self._question(
            item, s, context,
            type="blank",
            question=f"填空：{self.head(item)}，“{_nest(context)}”",
            answer=term.text,
            answer_text=term.text,
            kind=term.kind,
            difficulty=difficulty,
            accept=tuple(_accepted(term)),
        )
        return Candidate.on_term(q, term)

    def candidates(self, items: list[int], types: list[str]) -> dict[str, list[Candidate]]:
        out: dict[str, list[Candidate]] = {t: [] for t in types}
        for number in items:
            item = self.doc.item(number)
            analysis = self.analyses[number]
            terms = analysis.terms
            made: list[tuple[str, Candidate | None]] = []
            for t in terms:
                if "single" in types:
                    made.append(("single", self.single_from_term(t)))
                if "tf" in types:
                    made.append(("tf", self.tf_false(t)))
                if "blank" in types:
                    made.append(("blank", self.blank(t)))
            if "single" in types:
                made.extend(("single", self.single_location(item, i)) for i in range(len(item.sentences)))
            if "multi" in types:
                made.extend(("multi", self.multi(e)) for e in analysis.enums)
            if "tf" in types:
                spans = {}
                for t in terms:
                    spans.setdefault(t.sentence, (t.start, t.start + len(t.text)))
                for i, sent in enumerate(item.sentences):
                    a, b = spans.get(i, (0, min(len(sent), 10)))
                    made.append(("tf", self.tf_true(item, i, a, b)))
            seen = set()
            for qtype, cand in made:
                if cand is None:
                    continue
                q = cand.question
                key = (q.type, q.question, q.options)
                if key in seen:
                    continue
                seen.add(key)
                if validate(q, self.doc):
                    continue
                uid = _uid(q.type, q.question, "|".join(q.options), q.answer)
                out[qtype].append(replace(cand, question=replace(q, uid=uid)))
        return out



def _accepted(term: Term) -> list[str]:
    """Answers a grader accepts for a blank besides the exact term."""
    out = [term.text]
    if term.kind == "quantity":
        n, unit = term.value["count"], term.value["unit"]
        out += [f"{n}{unit}", f"{cn_number(n)}{unit}", f"{cn_count(n)}{unit}", str(n), cn_number(n), cn_count(n)]
    elif term.kind == "deadline":
        # 2017年10月底前 also as 2017年10月底 / 10月底前 / 10月底; the year alone is not enough.
        m = re.match(r"(\d{4}年)(.*?)(前|之前|以前)?$", term.text)
        if m:
            out.append(m.group(1) + m.group(2))
            if "月" in m.group(2):
                out += [m.group(2) + (m.group(3) or ""), m.group(2)]
    elif term.kind == "reference":
        out.append(term.text.strip("《》"))
    return [a for a in dict.fromkeys(out) if a]

"""Distractors: which texts cannot serve as a wrong option for an answer (same value, same
unit, also in the sentence), and the wrong options and falsifying changes a question uses."""

from __future__ import annotations

import random
import re

from ..documents import facts as factlib
from ..schema import Document, Item, cn_number, parse_cn_number
from .analysis import RE_COUNT_UNIT, Analysis, Term
from .questions import normalise_text

_UNIT_MODIFIERS = re.compile(r"[（(][^）)]*[）)]|各级|各|及其|人民|有关|相关|本级")


def _unit_core(name: str) -> str:
    return _UNIT_MODIFIERS.sub("", name)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _units_overlap(a: str, b: str) -> bool:
    """各级政府及其部门 ~ 各级各部门 ~ 政府相关部门: names whose cores contain each other
    may denote the same units, so one cannot be a wrong option for the other."""
    ca, cb = _unit_core(a), _unit_core(b)
    if not ca or not cb:
        return True
    if _subsequence(ca, cb) or _subsequence(cb, ca):
        return True
    # 各级政府及其部门 covers 市、县（市、区）政府, 政府部门 covers 市本级行政执法部门: a
    # name for all units of a class overlaps every unit of that class.
    if _generic(a) or _generic(b):
        return bool(_unit_classes(a) & _unit_classes(b))
    return False


def _generic(name: str) -> bool:
    core = _unit_core(name)
    return "各" in name or "县级以上" in name or name.endswith(("工作部门", "相关部门", "有关部门")) or core in ("政府部门", "部门", "政府")


def _family(name: str) -> str:
    """People and meetings (党政主要负责人, 政府常务会议) or units (政府, 部门, 机构…)."""
    return "leadership" if _unit_classes(name) == {"leadership"} or "会议" in name else "unit"


def _unit_classes(name: str) -> set[str]:
    classes = set()
    if "政府" in name or "办事处" in name or "各级" in name:
        classes.add("government")
    if any(w in name for w in ("部门", "机构", "机关", "单位", "办事处", "组织")):
        classes.add("agency")
    if any(w in name for w in ("领导", "负责人", "班子", "小组", "会议")):
        classes.add("leadership")
    return classes or {name}


def count_of(text: str) -> int | None:
    m = RE_COUNT_UNIT.search(text)
    if not m:
        return None
    return int(m.group(1)) if m.group(1).isdigit() else parse_cn_number(m.group(1))


def deadline_value(text: str, year: int | None) -> str | None:
    found = factlib.deadlines(text, year)
    return found[0][1] if found else None


def doc_year(doc: Document) -> int | None:
    for d in (doc.meta.signing_date, doc.meta.printing_date):
        if d:
            return int(d[:4])
    return None


def conflict(kind: str, answer: str, option: str, item: Item, index: int, year: int | None, siblings=()) -> str | None:
    """Why ``option`` cannot serve as a wrong option (or a swapped-in term) for ``answer``
    in sentence ``index`` of ``item``; None when it can."""
    sentence = item.sentences[index]
    if normalise_text(option) == normalise_text(answer):
        return f"干扰项“{option}”与正确答案相同"
    if not option.strip() or len(option) < 2 and kind != "quantity":
        return f"干扰项“{option}”过短"
    if option in item.text or normalise_text(option) in normalise_text(item.text):
        return f"干扰项“{option}”在本项原文中出现，可能同样正确"
    if option in answer or answer in option:
        return f"干扰项“{option}”与正确答案“{answer}”互相包含"
    if kind == "reference":
        # 《纲要》 is short for 《…法治政府建设实施纲要…的通知》: one title inside the other is the same document.
        a, o = answer.strip("《》"), option.strip("《》")
        if a in o or o in a:
            return f"干扰项“{option}”与正确答案“{answer}”可能是同一文件"
    if kind == "deadline":
        if deadline_value(option, year) in (None, deadline_value(answer, year)):
            return f"干扰项“{option}”与正确答案“{answer}”是同一日期或无法识别"
    elif kind == "quantity":
        if count_of(option) in (None, count_of(answer)):
            return f"干扰项“{option}”与正确答案“{answer}”数量相同或无法识别"
    elif kind == "actor":
        named = [f.text for f in item.facts if f.kind == "actor" and f.sentence == index]
        for unit in [answer, *named]:
            if _units_overlap(option, unit):
                return f"干扰项“{option}”与原句中的单位“{unit}”可能指同一单位"
    for sib in siblings:
        if option in sib or sib in option:
            return f"干扰项“{option}”与原句所列的“{sib}”互相包含"
    if normalise_text(option) in normalise_text(sentence):
        return f"干扰项“{option}”在原句中出现"
    return None


def _closeness(a: str, chapter_a: int, b: str, chapter_b: int) -> float:
    """How easily ``b`` is taken for ``a``: same chapter, same length, shared characters (0–2)."""
    shared = set(a) & set(b) - set("的和及与、（）")
    return 0.5 * (chapter_a == chapter_b) + 1.0 * (abs(len(a) - len(b)) <= 1) + 0.5 * bool(shared)


def cn_count(n: int) -> str:
    """Chinese numeral before a measure word: 2 -> 两 (两项, 两抓手), else as in headings."""
    return "两" if n == 2 else cn_number(n)


def option_key(kind: str, text: str) -> str:
    """Options with the same key are the same option: 县（市、区）人民政府 = 县（市、区）政府."""
    key = normalise_text(text)
    return "unit:" + _unit_core(key) if kind == "actor" else key


class Distractors:
    """Wrong options and falsifying changes for the terms of one notice, drawn from its
    other items (and the documents its preamble cites)."""

    def __init__(self, doc: Document, analyses: dict[int, Analysis]):
        self.doc = doc
        self.year = doc_year(doc)
        self.analyses = analyses
        self.pools: dict[str, list[Term]] = {}
        for it in doc.items:
            for t in analyses[it.number].terms:
                self.pools.setdefault(t.kind, []).append(t)
        # Referenced documents of the preamble are distractors too ("taken from the notice").
        for f in doc.preamble_refs:
            number = re.sub(r"\s+", "", f.value.get("number", ""))
            if number:
                self.pools.setdefault("docnumber", []).append(Term(number, "docnumber", 0, 0, -1, -1))
            if f.value.get("title"):
                self.pools.setdefault("reference", []).append(Term("《" + f.value["title"] + "》", "reference", 0, 0, -1, -1))

    def wrong_options(self, term: Term, count: int, rng: random.Random, siblings=(), like=()) -> list[tuple[str, float]]:
        """Up to ``count`` (text, closeness) wrong options for ``term``: terms of the same kind
        from elsewhere in the notice, the closest first; figures keep the unit of the answer,
        and dates and figures are varied when the notice has too few."""
        item = self.doc.item(term.item)
        kind = term.kind
        pool: list[tuple[str, float]] = []
        for t in self.pools.get(kind, []):
            if t.item == term.item:
                continue
            text = t.text
            if kind == "quantity":
                text = self._count_text(term, t.value["count"])
            pool.append((text, max(_closeness(x, term.chapter, text, t.chapter) for x in (like or [term.text]))))
        if kind == "deadline":
            pool.extend((text, 0.5) for text in self._other_deadlines(term.text))
        elif kind == "quantity":
            pool.extend((self._count_text(term, c), 0.5) for c in self._other_counts(term))
        # The closest first; the seed decides among equally close ones.
        ranked = sorted(((closeness, rng.random(), text) for text, closeness in pool), key=lambda r: (-r[0], r[1]))
        seen, ok = {self._option_value(kind, term.text)}, []
        for closeness, _, text in ranked:
            key = self._option_value(kind, text)
            if key in seen:
                continue
            seen.add(key)
            if conflict(kind, term.text, text, item, term.sentence, self.year, siblings) is None:
                ok.append((text, closeness))
                if len(ok) == count:
                    break
        return ok

    def _option_value(self, kind: str, text: str):
        """Two options with the same value are one option: 年底前 = 2018年12月底前."""
        if kind == "deadline":
            return deadline_value(text, self.year) or text
        if kind == "quantity":
            return count_of(text)
        return option_key(kind, text)

    @staticmethod
    def _count_text(term: Term, count: int) -> str:
        return (cn_count(count) if term.value["chinese"] else str(count)) + term.value["unit"]

    def _other_deadlines(self, text: str) -> list[str]:
        m = re.match(r"(\d{4})年(?:(\d{1,2})月)?", text)
        if not m:
            return []
        year, month = m.group(1), int(m.group(2) or 12)
        return [f"{year}年{mo}月底前" for mo in (6, 9, 11, 12, 10) if mo != month]

    @staticmethod
    def _other_counts(term: Term) -> list[int]:
        n = term.value["count"]
        # 4次 -> 5、6、3次; 200人 -> 100、300、400人 (199人 would only test arithmetic).
        counts = (n + 1, n + 2, n - 1, n * 2, n + 3) if n < 10 else (n // 2, n + n // 2, n * 2, n * 3)
        return [c for c in counts if c > 0 and c != n]

    def altered(self, term: Term, rng: random.Random) -> tuple[str, float] | None:
        """A term that makes the sentence false, with its closeness: an earlier deadline, a
        stricter figure, a unit or document not named there, a numeral changed."""
        item = self.doc.item(term.item)
        if term.kind == "deadline":
            # A later deadline would still be met by whoever meets the real one: only earlier.
            earlier = [t.text for t in self.pools.get("deadline", []) if t.value < term.value and t.text not in item.text]
            earlier += [d for d in self._other_deadlines(term.text) if (deadline_value(d, self.year) or "9") < term.value]
            return (earlier[0], 1.5) if earlier else None
        if term.kind == "quantity":
            n, cmp_ = term.value["count"], term.value["comparator"]
            # 不少于4次 -> 不少于3次 would still hold: only ever make the requirement stricter.
            if cmp_ in (">=", ">"):
                c = n + rng.choice((1, 2))
            elif cmp_ in ("<=", "<"):
                c = n - 1
            else:
                c = n + 1
            return (self._count_text(term, c), 1.5) if c > 0 else None
        if term.kind in ("quoted", "member"):
            m = re.match(r"^([一二两三四五六七八九])(\S+)$", term.text)
            if m:
                n = parse_cn_number(m.group(1))
                return (cn_count(n + 1 if n < 9 else n - 1) + m.group(2), 1.0)
            if term.kind == "quoted":
                return None
            e = self.analyses[term.item].enum_of(term)
            if e is None or e.open:
                return None  # 等: a swapped-in term might be covered by it
            close = [
                t
                for t in self.wrong_options(term, 12, rng, self.analyses[term.item].siblings(term))
                if len(t[0]) == len(term.text) and t[0][-1] == term.text[-1]
            ]
            return close[0] if close else None
        if term.kind == "reference" and (
            len(term.text) < 8 or item.sentences[term.sentence][term.start + len(term.text) :].startswith(("（", "("))
        ):
            return None  # 国家《纲要》 -> 国家《某某办法》 reads wrong; a new title before the old number gives itself away
        if term.kind in ("actor", "reference", "docnumber"):
            options = [
                o
                for o in self.wrong_options(term, 12, rng)
                if (term.kind != "reference" or len(o[0]) >= 8)  # not an abbreviation such as 《纲要》
                and (term.kind != "actor" or _family(o[0]) == _family(term.text))  # a unit for a unit
            ]
            return options[0] if options else None
        return None

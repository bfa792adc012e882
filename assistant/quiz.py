"""Quiz generation and grading: single choice, multiple choice, true/false and
fill-in-the-blank questions built from a parsed notice, each checked against the
original sentence it quotes; JSON, CSV, Markdown and Word output; grading of answer sheets.

>>> from assistant.documents import parse_file
>>> doc = parse_file("corpus/zhengzhou-2017-rule-of-law-work-points.txt")
>>> quiz = build_quiz(doc, n=20, seed=7)
>>> all(validate(q, doc) == [] for q in quiz)
True
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import random
import re
import unicodedata
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .documents import facts as factlib
from .schema import Document, InputError, Item, cn_number, parse_cn_number

# ---------------------------------------------------------------- enumerations (、-lists)

# Generic verbs of Chinese policy writing that introduce an enumeration ("推进决策公开、…").
LEAD_VERBS = frozenset(
    """推进 推动 落实 加强 强化 完善 健全 建立 建立健全 明确 突出 构建 畅通 发挥 坚持 实行 实现 实施 做好
    贯彻 执行 严格执行 认真执行 推广 总结推广 保障 支持 保障和支持 追究 统筹 推行 深化 提高 加快 加大 改进
    提升 开展 创新 树立 培养 履行 接受 形成 整合 统一 促进 采取 注重 围绕 按照 根据 通过 确保 做到 包括 涉及
    纠正 克服 惩处 着力 制定 确定 进行 编制 优化 重视 运用 加快推进 重点推进 统筹推进 着力推动 深入推进 认真贯彻 认真落实
    严格落实 持续推进 全面落实 严格 认真 坚决 规范 建设 取消 下放 扩大 引导 防范 实现对""".split()
)
PREPOSITIONS = frozenset("把 对 向 以 将 在 由 从 于 为 与 关于 对于 经".split())
CONJUNCTIONS = ("以及", "和", "及", "与")
# Words that end an enumeration when they follow its last member.
TAIL_STOPS = frozenset("等 等等 的 之 相结合 为 在 中 有机 要 应 方面 等方面".split())
# Verbs that follow a list of subjects or objects and so end it (省政府取消和下放…).
TAIL_VERBS = frozenset("取消 下放 履行 实行 进行 确定 全部 参加 报告 负责 开展 实施 落实 建立 推进 向 提交".split())
# Words after which the first member of a list starts (法治政府建设的统筹规划…).
HEAD_STOPS = frozenset("的 之 进行 是 和".split())
# Head nouns shared by all members that the notice writes once, after the last member
# ("新闻发布会、政策吹风会制度"): stripped from the last member when the others lack them.
SHARED_HEADS = ("工作机制", "工作制度", "制度", "机制", "程序", "规定", "体系", "工作")
RE_COUNTED = re.compile(r"^[一二两三四五六七八九十\d]+项")
OPEN_BRACKETS = "（(《“‘「"
CLOSE_BRACKETS = "）)》”’」"
CLAUSE_MARKS = "，；。：！？,;:!?"

_jieba = None


def _tokens(text: str) -> list[str]:
    global _jieba
    if _jieba is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return _jieba.lcut(text)


@dataclass(frozen=True)
class Term:
    """A quizzable span of one sentence: a fact or a member of an enumeration."""

    text: str
    kind: str  # deadline | quantity | actor | reference | docnumber | quoted | member
    item: int
    chapter: int
    sentence: int
    start: int
    value: object = None
    group: str = ""  # enumeration id for members


@dataclass(frozen=True)
class Enumeration:
    """A 、-list in a sentence: ``members`` in order; ``start``/``end`` cover all of them."""

    id: str
    item: int
    chapter: int
    sentence: int
    start: int
    end: int
    members: tuple[Term, ...]
    clean: bool  # both edges were found with confidence
    open: bool  # followed by 等: the notice does not claim the list is complete


def _depth_map(sentence: str, protected: list[tuple[int, int]]) -> list[int]:
    """Nesting depth per character: brackets, quotes and protected spans count as depth > 0."""
    depth, out = 0, []
    for ch in sentence:
        if ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
            out.append(depth + 1)
            continue
        out.append(depth + (1 if ch in OPEN_BRACKETS else 0))
        if ch in OPEN_BRACKETS:
            depth += 1
    for a, b in protected:
        for i in range(a, b):
            out[i] = max(out[i], 1)
    return out


def _clauses(sentence: str, depth: list[int]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(sentence):
        if ch in CLAUSE_MARKS and depth[i] == 0:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans


def _shared_suffix(words: list[str]) -> str:
    if len(words) < 2:
        return ""
    s = words[0]
    for w in words[1:]:
        n = 0
        while n < min(len(s), len(w)) and s[-1 - n] == w[-1 - n]:
            n += 1
        s = s[len(s) - n :]
    return s


def _shared_prefix(words: list[str]) -> str:
    if len(words) < 2:
        return ""
    s = words[0]
    for w in words[1:]:
        n = 0
        while n < min(len(s), len(w)) and s[n] == w[n]:
            n += 1
        s = s[:n]
    return s


def _is_verb_list(members: list[str]) -> bool:
    """Members such as 确定立法重点、制定计划 start with a verb: the verb belongs to them."""
    if not members:
        return False
    starts = sum(1 for m in members if (_tokens(m) or [""])[0] in LEAD_VERBS)
    return starts * 2 > len(members)


def _boundaries(tokens: list[str]) -> list[int]:
    out = [0]
    for tok in tokens:
        out.append(out[-1] + len(tok))
    return out


def _stop_at(text: str, verb_list: bool, strong_only: bool = False) -> int:
    """Length of the first member at the start of ``text``: up to the first word that
    cannot belong to it (等, 的, a verb such as 取消/履行, a counted noun such as 四项).
    ``strong_only`` ignores verbs and prepositions (for members between two 、)."""
    tokens = _tokens(text)
    pos = 0
    for k, tok in enumerate(tokens):
        if k > 0 and (
            tok in TAIL_STOPS
            or (tok in PREPOSITIONS and not strong_only)
            or (tok in TAIL_VERBS and not verb_list and not strong_only)
            or tok[0] in OPEN_BRACKETS
            or RE_COUNTED.match(text[pos:])
        ):
            return pos
        pos += len(tok)
    return len(text)


def _split_last(member: str, others: list[str]) -> list[str]:
    """``集体讨论决定和公开发布程序`` -> [集体讨论决定, 公开发布]: a conjunction joins the last
    member, and a head noun written once after it belongs to all members."""
    members = [member]
    lengths = [len(o) for o in others] or [len(member)]
    for conj in CONJUNCTIONS:
        i = member.find(conj)
        if i <= 0 or any(conj in o for o in others):
            continue
        a, b = member[:i], member[i + len(conj) :]
        if len(a) >= 2 and len(b) >= 2 and max(len(a), len(b)) <= 2 * max(lengths) + 2:
            members = [a, b]
        break
    last = members[-1]
    for head in SHARED_HEADS:
        if last.endswith(head) and len(last) - len(head) >= 2 and not any(o.endswith(head) for o in others + members[:-1]):
            members[-1] = last[: -len(head)]
            break
    return members


def _parallel(head: str, tail: str) -> tuple[str, str] | None:
    """Two members of equal length sharing their first or last character, at word
    boundaries: 常态化、长效化 / 按期推进、按时完成 / 失职、渎职."""
    hb = {len(head) - b for b in _boundaries(_tokens(head))}
    tb = set(_boundaries(_tokens(tail)))
    for n in range(2, 7):
        if n > len(head) or n > len(tail) or n not in hb or n not in tb:
            continue
        h, t = head[-n:], tail[:n]
        if h[0] == t[0] or h[-1] == t[-1]:
            return h, t
    return None


def _trim_head(text: str, others: list[str]) -> str:
    """The first member at the end of ``text`` (the clause before the first 、)."""
    tokens = _tokens(text)
    lengths = sorted(len(o) for o in others)
    suffix, prefix = _shared_suffix(others), _shared_prefix(others)
    # Strong parallelism (慢作为、乱作为 / 人民调解、行政调解): the first member has the same shape.
    if len(others) >= 2 and len(set(lengths)) == 1 and (suffix or prefix) and len(text) >= lengths[0]:
        cand = text[-lengths[0] :]
        if cand.endswith(suffix) and cand.startswith(prefix):
            return cand
    if len(prefix) >= 2 and prefix in text:
        return text[text.rindex(prefix) :]
    verb_list = _is_verb_list(others)
    starts = _boundaries(tokens)
    for idx in range(len(tokens) - 2, -1, -1):
        tok = tokens[idx]
        if verb_list and tok in LEAD_VERBS:
            return text[starts[idx] :]
        if not verb_list and (tok in LEAD_VERBS or tok in PREPOSITIONS or tok in HEAD_STOPS or tok.endswith(("要", "应"))):
            return text[starts[idx + 1] :]
    return text


def _enumerations_in(item: Item, index: int, protected: list[tuple[int, int]], actor_spans: list[tuple[int, int]]) -> list[Enumeration]:
    sentence = item.sentences[index]
    depth = _depth_map(sentence, protected)
    regions = [(a, b, depth, False) for a, b in _clauses(sentence, depth)]
    # Quoted lists (“一平台、两抓手、一带动、一考核”) have exact edges: the quote marks.
    for m in re.finditer(r"“([^“”]+)”", sentence):
        if "、" in m.group(1):
            inner = [0] * len(sentence)
            for i in range(m.start(1), m.end(1)):
                inner[i] = depth[i] - 1
            regions.append((m.start(1), m.end(1), inner, True))
    found: list[Enumeration] = []
    for a, b, dmap, quoted in regions:
        seps = [i for i in range(a, b) if sentence[i] == "、" and dmap[i] == 0]
        if not seps:
            continue
        parts = list(zip([a] + [i + 1 for i in seps], seps + [b]))
        # A part with a stop word inside ends one list and may start the next:
        # 自助终端等多种形式相结合、相统一 / 科技、装备在行政执法、管理和服务.
        groups: list[list[tuple[int, int]]] = [[parts[0]]]
        for k, (s, e) in enumerate(parts[1:], 1):
            groups[-1].append((s, e))
            inside_unit = any(a < e and s < b for a, b in actor_spans)
            if k < len(parts) - 1 and not quoted and not inside_unit and _stop_at(sentence[s:e], False, True) < e - s:
                groups.append([(s, e)])
        found.extend(_build(item, index, sentence, group, quoted, actor_spans) for group in groups if len(group) >= 2)
    return found


def _build(item, index, sentence, group, quoted, actor_spans) -> Enumeration:
    (hs, he), (ts, te) = group[0], group[-1]
    mids = list(group[1:-1])
    mid_texts = [sentence[s:e] for s, e in mids]
    head_raw, tail_raw = sentence[hs:he], sentence[ts:te]
    parallel = False
    if quoted:
        head, tail_members = head_raw, [tail_raw]
    else:
        verb_list = _is_verb_list(mid_texts)
        used = _stop_at(tail_raw, verb_list)
        tail_members = _split_last(tail_raw[:used], mid_texts)
        # Same shape as the members before it: 重点部门、重点环节、重点岗位风险防控 -> 重点岗位.
        lengths = {len(m) for m in mid_texts}
        if len(lengths) == 1:
            n = lengths.pop()
            cand = tail_raw[:n]
            if n < used and n in _boundaries(_tokens(tail_raw)) and (_shared_prefix(mid_texts + [cand]) or _shared_suffix(mid_texts + [cand])):
                tail_members = [cand]
        # Parallel shapes decide both edges when there are only two members.
        pair = _parallel(head_raw, tail_raw) if not mids else None
        if pair:
            head, tail_members, parallel = pair[0], [pair[1]], True
        else:
            head = _trim_head(head_raw, mid_texts + tail_members)
    texts = [(head, he - len(head))] + [(t, s) for t, (s, _) in zip(mid_texts, mids)]
    pos = ts
    for t in tail_members:
        pos = sentence.index(t, pos)
        texts.append((t, pos))
        pos += len(t)
    # Units named by the parser are whole members: 街道办事处全部 -> 街道办事处,
    # 市政府派出机构和市、县（市、区）政府工作部门 -> two units.
    kinds = ["member"] * len(texts)
    if actor_spans:
        snapped, snapped_kinds = [], []
        for t, s in texts:
            hits = [(a, b) for a, b in actor_spans if a < s + len(t) and s < b]
            if hits:
                for a, b in hits:
                    if (sentence[a:b], a) not in snapped:
                        snapped.append((sentence[a:b], a))
                        snapped_kinds.append("actor")
            else:
                snapped.append((t, s))
                snapped_kinds.append("member")
        texts, kinds = snapped, snapped_kinds
    start = texts[0][1]
    end = texts[-1][1] + len(texts[-1][0])
    is_open = sentence[end : end + 1] == "等"
    gid = f"{item.number}.{index}.{start}"
    members = tuple(Term(t, k, item.number, item.chapter, index, s, group=gid) for (t, s), k in zip(texts, kinds))
    lengths = [len(t) for t, _ in texts]
    all_actors = all(k == "actor" for k in kinds)
    if quoted or all_actors:
        clean = True
    elif len(texts) == 2:
        clean = parallel
    else:
        clean = min(lengths) >= 2 and max(lengths) <= 2 * min(lengths) + 2 and max(lengths) <= 16
        # A list nested in the last member (规范性文件动态化、信息化管理) shows as a shorter
        # parallel pair across the last 、: the edges are not what they seem.
        if mid_texts and not quoted:
            pair = _parallel(mid_texts[-1], tail_raw)
            if pair and len(pair[0]) < len(mid_texts[-1]):
                clean = False
    return Enumeration(gid, item.number, item.chapter, index, start, end, members, clean, is_open)


def enumerations(item: Item) -> list[Enumeration]:
    """The 、-lists of an item, sentence by sentence. Book titles, quotes, brackets and
    unit names (法律、法规授权组织) are never split."""
    out: list[Enumeration] = []
    for index, sentence in enumerate(item.sentences):
        protected, actor_spans = [], []
        for f in item.facts:
            if f.sentence != index or f.kind not in ("actor", "reference"):
                continue
            for m in re.finditer(re.escape(f.text), sentence):
                protected.append((m.start(), m.end()))
                if f.kind == "actor":
                    actor_spans.append((m.start(), m.end()))
        # An occurrence inside a longer unit name (市、县（市、区）政府 in …政府工作部门) is not a unit.
        actor_spans = sorted(
            {(a, b) for a, b in actor_spans if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in actor_spans)}
        )
        out.extend(_enumerations_in(item, index, protected, actor_spans))
    return out


# ---------------------------------------------------------------- quizzable terms

RE_COUNT_UNIT = re.compile(r"(\d+|[一二两三四五六七八九十]+)([次期项个家场批名人天日篇件份])")
RE_QUOTED = re.compile(r"“([^“”、，。；]{2,12})”")
MEMBER_MIN, MEMBER_MAX = 2, 12


@dataclass(frozen=True)
class _Analysis:
    terms: tuple[Term, ...]
    enums: tuple[Enumeration, ...]


_ANALYSES: dict[tuple[int, str], _Analysis] = {}


def _analyse(item: Item) -> _Analysis:
    """Targets of one item (cached: jieba is the slow part)."""
    key = (item.number, item.text)
    if key not in _ANALYSES:
        enums = tuple(enumerations(item))
        _ANALYSES[key] = _Analysis(tuple(_targets(item, enums)), enums)
    return _ANALYSES[key]


def _targets(item: Item, enums: tuple[Enumeration, ...]) -> list[Term]:
    out: list[Term] = []
    for f in item.facts:
        s = item.sentences[f.sentence]
        at = s.find(f.text)
        if at < 0:
            continue
        if f.kind == "deadline":
            out.append(Term(f.text, "deadline", item.number, item.chapter, f.sentence, at, f.value))
        elif f.kind == "quantity":
            found = list(RE_COUNT_UNIT.finditer(f.text))
            if found:
                m = found[-1]
                value = {"count": f.value["count"], "unit": m.group(2), "comparator": f.value["comparator"], "chinese": not m.group(1).isdigit()}
                out.append(Term(m.group(0), "quantity", item.number, item.chapter, f.sentence, at + m.start(), value))
        elif f.kind == "actor":
            out.append(Term(f.text, "actor", item.number, item.chapter, f.sentence, at, f.value))
        elif f.kind == "reference":
            title = "《" + f.value["title"] + "》"
            if f.value["title"] and title in s:
                out.append(Term(title, "reference", item.number, item.chapter, f.sentence, s.find(title)))
            number = f.value["number"]
            if number and number in s:
                out.append(Term(number, "docnumber", item.number, item.chapter, f.sentence, s.find(number)))
    for index, s in enumerate(item.sentences):
        for m in RE_QUOTED.finditer(s):
            out.append(Term(m.group(1), "quoted", item.number, item.chapter, index, m.start(1)))
    for e in enums:
        last = len(e.members) - 1
        for k, m in enumerate(e.members):
            # Middle members are exact even when the edges of their list are not.
            usable = e.clean or (0 < k < last and len(e.members) >= 3)
            if m.kind == "member" and usable and MEMBER_MIN <= len(m.text) <= MEMBER_MAX:
                out.append(m)
    seen, unique = set(), []
    for t in out:
        key = (t.sentence, t.start, t.text)
        if key not in seen:
            seen.add(key)
            unique.append(t)
    return unique


# ---------------------------------------------------------------- comparing terms

_FULL_TO_HALF = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]", "“": '"', "”": '"', "‘": "'", "’": "'"})


@functools.lru_cache(maxsize=65536)
def _normalise_cached(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FULL_TO_HALF)
    text = re.sub(r"\s+", "", text)
    return text.strip("。.,，;；:：!！?？、").lower()


def normalise_text(text: str) -> str:
    """Loose form for comparing answers: full-width to half-width, no spaces, no end punctuation."""
    return _normalise_cached(str(text))


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


def _count_of(text: str) -> int | None:
    m = RE_COUNT_UNIT.search(text)
    if not m:
        return None
    return int(m.group(1)) if m.group(1).isdigit() else parse_cn_number(m.group(1))


def _deadline_value(text: str, year: int | None) -> str | None:
    found = factlib.deadlines(text, year)
    return found[0][1] if found else None


def _doc_year(doc: Document) -> int | None:
    for d in (doc.meta.signing_date, doc.meta.printing_date):
        if d:
            return int(d[:4])
    return None


def _conflict(kind: str, answer: str, option: str, item: Item, index: int, year: int | None, siblings=()) -> str | None:
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
        if _deadline_value(option, year) in (None, _deadline_value(answer, year)):
            return f"干扰项“{option}”与正确答案“{answer}”是同一日期或无法识别"
    elif kind == "quantity":
        if _count_of(option) in (None, _count_of(answer)):
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


# ---------------------------------------------------------------- questions

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
WINDOW = 64
BLANK_MAX = 10  # longest answer a trainee is asked to write  # characters of context around a target before the quote is cut with ……


@dataclass(frozen=True)
class QuizQuestion:
    """One quiz question; ``context`` is the quoted fragment of ``sentence`` (with the
    blank or the altered term) and ``explanation`` quotes ``sentence`` in full.

    >>> q = build_quiz(doc, n=1, seed=7, types="tf", items=[28])[0]  # doctest: +SKIP
    >>> q.answer, q.change, q.item
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
    def from_dict(cls, data: dict) -> "QuizQuestion":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("options", "accept", "change"):
            if key in known:
                known[key] = tuple(known[key] or ())
        return cls(**known)


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    depth = _depth_map(sentence, [])
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


def _quote(sentence: str, start: int, end: int, a: int, b: int, fill: str) -> str:
    """The fragment [start, end) with [a, b) replaced by ``fill``, …… where it was cut."""
    text = sentence[start:a] + fill + sentence[b:end]
    if start > 0:
        text = ELLIPSIS + text
    if end < len(sentence):
        text = text.rstrip("，；：,;:") + ELLIPSIS
    return text


def _unquote(context: str) -> list[str]:
    """Pieces of a quoted fragment that must occur verbatim in the original sentence."""
    return [p for p in context.split(ELLIPSIS) if p]


def _explanation(item: Item, sentence: str, note: str = "") -> str:
    return f"{note}原文出自{item.ref}：“{sentence}”"


def _join(terms) -> str:
    """List terms for a sentence; 、 is ambiguous when the terms contain it (市、县（市、区）政府)."""
    terms = list(terms)
    return ("；" if any("、" in t for t in terms) else "、").join(terms)


def _closeness(a: str, chapter_a: int, b: str, chapter_b: int) -> float:
    """How easily ``b`` is taken for ``a``: same chapter, same length, shared characters (0–2)."""
    shared = set(a) & set(b) - set("的和及与、（）")
    return 0.5 * (chapter_a == chapter_b) + 1.0 * (abs(len(a) - len(b)) <= 1) + 0.5 * bool(shared)


def _nest(text: str) -> str:
    """Quotes inside a quoted fragment become single quotes, as Chinese typesetting requires."""
    return text.replace("“", "‘").replace("”", "’")


def _cn_count(n: int) -> str:
    """Chinese numeral before a measure word: 2 -> 两 (两项, 两抓手), else as in headings."""
    return "两" if n == 2 else cn_number(n)


def _level(score: float) -> str:
    return "hard" if score >= 1.5 else "medium" if score >= 0.75 else "easy"


def _uid(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class _Candidate:
    question: QuizQuestion
    target: tuple  # (item, sentence, term): two questions on one term give each other away
    spot: tuple  # (item, sentence)
    hidden: tuple[str, ...] = ()  # what the question asks for: no other question may show it

    def shows(self, text: str) -> bool:
        q = self.question
        return text in q.context or any(text in o for o in q.options)



class _Generator:
    """Every candidate question of a notice; each one is validated before use."""

    def __init__(self, doc: Document, seed: int):
        self.doc = doc
        self.seed = seed
        self.year = _doc_year(doc)
        self.analyses = {it.number: _analyse(it) for it in doc.items}
        self.pools: dict[str, list[Term]] = {}
        for it in doc.items:
            for t in self.analyses[it.number].terms:
                self.pools.setdefault(t.kind, []).append(t)
        # Referenced documents of the preamble are distractors too ("taken from the notice").
        for f in doc.preamble_refs:
            number = re.sub(r"\s+", "", f.value.get("number", ""))
            if number:
                self.pools.setdefault("docnumber", []).append(Term(number, "docnumber", 0, 0, -1, -1))
            if f.value.get("title"):
                self.pools.setdefault("reference", []).append(Term("《" + f.value["title"] + "》", "reference", 0, 0, -1, -1))

    def rng(self, *key) -> random.Random:
        return random.Random(f"{self.seed}|" + "|".join(map(str, key)))

    def enum_of(self, term: Term) -> Enumeration | None:
        for e in self.analyses[term.item].enums:
            if e.id == term.group:
                return e
        return None

    def siblings(self, term: Term) -> list[str]:
        e = self.enum_of(term) if term.group else None
        return [m.text for m in e.members] if e else []

    # -------------------------------------------------------- wrong options

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
            if _conflict(kind, term.text, text, item, term.sentence, self.year, siblings) is None:
                ok.append((text, closeness))
                if len(ok) == count:
                    break
        return ok

    def _option_value(self, kind: str, text: str):
        """Two options with the same value are one option: 年底前 = 2018年12月底前."""
        if kind == "deadline":
            return _deadline_value(text, self.year) or text
        if kind == "quantity":
            return _count_of(text)
        return _option_key(kind, text)

    @staticmethod
    def _count_text(term: Term, count: int) -> str:
        return (_cn_count(count) if term.value["chinese"] else str(count)) + term.value["unit"]

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
            earlier += [d for d in self._other_deadlines(term.text) if (_deadline_value(d, self.year) or "9") < term.value]
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
                return (_cn_count(n + 1 if n < 9 else n - 1) + m.group(2), 1.0)
            if term.kind == "quoted":
                return None
            e = self.enum_of(term)
            if e is None or e.open:
                return None  # 等: a swapped-in term might be covered by it
            close = [
                t
                for t in self.wrong_options(term, 12, rng, self.siblings(term))
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

    # -------------------------------------------------------- builders

    def head(self, item: Item) -> str:
        return f"根据通知{item.ref}"

    def single_from_term(self, term: Term) -> _Candidate | None:
        item = self.doc.item(term.item)
        s = item.sentences[term.sentence]
        rng = self.rng("single", term.item, term.sentence, term.start, term.text)
        siblings = self.siblings(term)
        wrong = self.wrong_options(term, 3, rng, siblings)
        if len(wrong) < 3:
            return None
        a, b = term.start, term.start + len(term.text)
        start, end = _window(s, a, b)
        context = _quote(s, start, end, a, b, LINE_MARK)
        options = [term.text] + [w for w, _ in wrong]
        rng.shuffle(options)
        letter = LETTERS[options.index(term.text)]
        q = QuizQuestion(
            id="",
            type="single",
            question=f"{self.head(item)}，“{_nest(context)}”横线处应为：",
            options=tuple(options),
            answer=letter,
            answer_text=term.text,
            explanation=_explanation(item, s),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=s,
            context=context,
            kind=term.kind,
            difficulty=_level(sum(c for _, c in wrong) / len(wrong)),
        )
        return _Candidate(q, (item.number, term.sentence, term.text), (item.number, term.sentence), (term.text,))

    def single_location(self, item: Item, index: int) -> _Candidate | None:
        s = item.sentences[index]
        if len(s) < 16:
            return None
        start, end = _window(s, 0, 0, limit=48)
        if end - start < 20:  # "加强对政府内部权力的制约……" says too little
            start, end = _window(s, 0, 0, limit=96)
        context = _quote(s, start, end, start, start, "")
        pieces = _unquote(context)
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
        options = [item.ref] + [w.ref for w in wrong]
        rng.shuffle(options)
        letter = LETTERS[options.index(item.ref)]
        closeness = sum(2 if w.chapter == item.chapter else 0 for w in wrong) / 3
        q = QuizQuestion(
            id="",
            type="single",
            question=f"“{_nest(context)}”是通知哪一项的内容？",
            options=tuple(options),
            answer=letter,
            answer_text=item.ref,
            explanation=_explanation(item, s),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=s,
            context=context,
            kind="location",
            difficulty=_level(closeness),
        )
        return _Candidate(q, (item.number, index, "location"), (item.number, index))

    def multi(self, e: Enumeration) -> _Candidate | None:
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
        wrong = self.wrong_options(right[0], total - k, rng, siblings, like=siblings)
        if len(wrong) < total - k:
            return None
        start, end = _window(s, e.start, e.end, limit=max(WINDOW, e.end - e.start + 16))
        context = _quote(s, start, end, e.start, e.end, LINE_MARK)
        right_texts = [m.text for m in sorted(right, key=lambda m: m.start)]
        options = right_texts + [w for w, _ in wrong]
        rng.shuffle(options)
        letters = "".join(LETTERS[i] for i, o in enumerate(options) if o in right_texts)
        note = f"原文列举的是{_join(siblings)}，没有{_join(w for w, _ in wrong)}。"
        q = QuizQuestion(
            id="",
            type="multi",
            question=f"{self.head(item)}，“{_nest(context)}”横线处列举的有哪些？（多选）",
            options=tuple(options),
            answer=letters,
            answer_text=_join(o for o in options if o in right_texts),
            explanation=_explanation(item, s, note),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=s,
            context=context,
            kind="actor" if all(m.kind == "actor" for m in e.members) else "list",
            difficulty=_level(sum(c for _, c in wrong) / len(wrong)),
        )
        return _Candidate(q, (item.number, e.sentence, "list:" + e.id), (item.number, e.sentence), tuple(siblings))

    def tf_true(self, item: Item, index: int, a: int, b: int) -> _Candidate | None:
        s = item.sentences[index]
        if len(s) < 16:
            return None  # "积极推进公职律师制度。" is true, but says nothing worth testing
        start, end = (0, len(s)) if len(s) <= 90 else _window(s, a, b, limit=72)
        context = _quote(s, start, end, start, start, "")
        q = QuizQuestion(
            id="",
            type="tf",
            question=f"判断对错：{self.head(item)}，“{_nest(context)}”",
            answer=TRUE,
            answer_text=TRUE,
            explanation=_explanation(item, s, "与原文一致。"),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=s,
            context=context,
            kind="statement",
            difficulty="medium",
        )
        return _Candidate(q, (item.number, index, "tf:" + context), (item.number, index))

    def tf_false(self, term: Term) -> _Candidate | None:
        item = self.doc.item(term.item)
        s = item.sentences[term.sentence]
        rng = self.rng("tf", term.item, term.sentence, term.start, term.text)
        alt = self.altered(term, rng)
        if alt is None:
            return None
        repl, closeness = alt
        a, b = term.start, term.start + len(term.text)
        start, end = (0, len(s)) if len(s) <= 90 else _window(s, a, b, limit=72)
        context = _quote(s, start, end, a, b, repl)
        note = f"原文是“{term.text}”，题中改成了“{repl}”。"
        q = QuizQuestion(
            id="",
            type="tf",
            question=f"判断对错：{self.head(item)}，“{_nest(context)}”",
            answer=FALSE,
            answer_text=FALSE,
            explanation=_explanation(item, s, note),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=s,
            context=context,
            kind=term.kind,
            difficulty=_level(closeness + (0.5 if term.kind in ("deadline", "quantity") else 0)),
            change=(term.text, repl),
        )
        # A false statement shows another term in place of this one: it gives nothing away
        # to a question that asks for the term, so it does not claim it.
        return _Candidate(q, ("tf", item.number, term.sentence, term.text), (item.number, term.sentence), (term.text,))

    def blank(self, term: Term) -> _Candidate | None:
        item = self.doc.item(term.item)
        s = item.sentences[term.sentence]
        if len(term.text) > BLANK_MAX:
            return None  # nobody writes a long title or unit name from memory
        e = self.enum_of(term) if term.kind == "member" else None
        if term.kind == "member" and (e is None or len(e.members) < 3):
            return None  # a two-member list leaves too little to infer the blank from
        a, b = term.start, term.start + len(term.text)
        start, end = _window(s, a, b)
        context = _quote(s, start, end, a, b, LINE_MARK)
        if term.kind in ("deadline", "quantity"):
            difficulty = "medium"
        elif e is not None:
            others = [m.text for m in e.members if m.text != term.text]
            hinted = bool(_shared_suffix(others + [term.text]) or _shared_prefix(others + [term.text]))
            difficulty = "easy" if hinted else "medium"
        else:
            difficulty = "hard"
        q = QuizQuestion(
            id="",
            type="blank",
            question=f"填空：{self.head(item)}，“{_nest(context)}”",
            answer=term.text,
            answer_text=term.text,
            explanation=_explanation(item, s),
            item=item.ref,
            item_number=item.number,
            chapter=item.chapter,
            sentence=s,
            context=context,
            kind=term.kind,
            difficulty=difficulty,
            accept=tuple(_accepted(term)),
        )
        return _Candidate(q, (item.number, term.sentence, term.text), (item.number, term.sentence), (term.text,))

    # -------------------------------------------------------- all of them

    def candidates(self, items: list[int], types: list[str]) -> dict[str, list[_Candidate]]:
        out: dict[str, list[_Candidate]] = {t: [] for t in types}
        for number in items:
            item = self.doc.item(number)
            analysis = self.analyses[number]
            terms = analysis.terms
            made: list[tuple[str, _Candidate | None]] = []
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
        out += [f"{n}{unit}", f"{cn_number(n)}{unit}", f"{_cn_count(n)}{unit}", str(n), cn_number(n), _cn_count(n)]
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


# ---------------------------------------------------------------- validity checks


def validate(question: QuizQuestion, doc: Document) -> list[str]:
    """Problems that make ``question`` unfit for a quiz (empty when it is fine): the answer
    must be supported verbatim by the cited sentence, no wrong option may also be right,
    options must be distinct, a blank must be a meaningful term.

    >>> validate(build_quiz(doc, n=1)[0], doc)  # doctest: +SKIP
    []
    """
    q = question
    if q.type not in TYPES:
        return [f"未知题型：{q.type}"]
    item = doc.item(q.item_number)
    if item is None or item.ref != q.item:
        return [f"出处不存在：{q.item}"]
    if q.sentence not in item.sentences:
        return [f"引用的原句不在{item.ref}中"]
    index = item.sentences.index(q.sentence)
    problems: list[str] = []
    if f"“{q.sentence}”" not in q.explanation:
        problems.append("解析没有完整引用原句")
    year = _doc_year(doc)
    analysis = _analyse(item)
    here = [t for t in analysis.terms if t.sentence == index]
    opts = list(q.options)
    if q.type in ("single", "multi"):
        if len({_option_key(q.kind, o) for o in opts}) != len(opts) or any(not o.strip() for o in opts):
            problems.append("选项为空或有重复（含同一单位的不同写法）")
    if q.type == "single":
        if len(opts) != 4:
            problems.append(f"单选题应有 4 个选项，实有 {len(opts)} 个")
        if len(q.answer) != 1 or q.answer not in LETTERS[: len(opts)]:
            return problems + [f"答案“{q.answer}”不是有效的选项字母"]
        right = opts[LETTERS.index(q.answer)]
        if q.kind == "location":
            pieces = _unquote(q.context)
            if not pieces or not all(p in q.sentence for p in pieces):
                problems.append("引文与原句不符")
            if right != item.ref:
                problems.append(f"正确选项“{right}”不是出处{item.ref}")
            refs = {it.ref: it for it in doc.items}
            for o in opts:
                if o == right:
                    continue
                other = refs.get(o)
                if other is None:
                    problems.append(f"选项“{o}”不是本通知的条目")
                elif all(p in other.text for p in pieces):
                    problems.append(f"引文同样出现在{o}中")
            return problems
        if q.context.count(LINE_MARK) != 1:
            return problems + ["题干中应恰有一处横线"]
        if not all(p in q.sentence for p in _unquote(q.context.replace(LINE_MARK, right))):
            problems.append(f"正确答案“{right}”填入后与原句不符")
        term = next((t for t in here if t.text == right), None)
        if term is None:
            problems.append(f"正确答案“{right}”不是原句中的事实或列举词语")
            return problems
        siblings = _siblings(analysis, term)
        for o in opts:
            if o != right:
                reason = _conflict(term.kind, right, o, item, index, year, siblings)
                if reason:
                    problems.append(reason)
    elif q.type == "multi":
        letters = q.answer
        if not letters or any(ch not in LETTERS[: len(opts)] for ch in letters) or len(set(letters)) != len(letters):
            return problems + [f"答案“{letters}”不是有效的选项字母"]
        if "".join(sorted(letters)) != letters:
            problems.append("多选答案字母应按顺序排列")
        if not 2 <= len(letters) < len(opts):
            problems.append("多选题应有至少 2 个正确选项和至少 1 个错误选项")
        rights = [opts[LETTERS.index(ch)] for ch in letters]
        wrongs = [o for i, o in enumerate(opts) if LETTERS[i] not in letters]
        enum = next(
            (e for e in analysis.enums if e.sentence == index and set(rights) <= {m.text for m in e.members}), None
        )
        if enum is None:
            return problems + ["正确选项不全是原句列举的内容"]
        if q.context.count(LINE_MARK) != 1 or not all(
            p in q.sentence for p in _unquote(q.context.replace(LINE_MARK, q.sentence[enum.start : enum.end]))
        ):
            problems.append("题干与原句不符")
        siblings = [m.text for m in enum.members]
        kind = "actor" if q.kind == "actor" else "member"
        for w in wrongs:
            reason = _conflict(kind, rights[0], w, item, index, year, siblings)
            if reason:
                problems.append(reason)
    elif q.type == "tf":
        if q.answer not in (TRUE, FALSE):
            return problems + [f"判断题答案应为“对”或“错”，实为“{q.answer}”"]
        if q.answer == TRUE:
            if q.change:
                problems.append("正确的判断题不应有改动")
            if not all(p in q.sentence for p in _unquote(q.context)):
                problems.append("判断题陈述与原句不符")
            return problems
        if len(q.change) != 2:
            return problems + ["错误的判断题应记录改动（原词、改后词）"]
        orig, repl = q.change
        term = next((t for t in here if t.text == orig), None)
        if term is None:
            return problems + [f"被改动的“{orig}”不是原句中的事实或列举词语"]
        if q.context.count(repl) != 1 or repl in q.sentence:
            problems.append(f"改后词“{repl}”应在陈述中恰好出现一次且不在原句中")
        if not all(p in q.sentence for p in _unquote(q.context.replace(repl, orig, 1))):
            problems.append("还原改动后与原句不符")
        notice = normalise_text(doc.preamble + "".join(it.text for it in doc.items))
        if any(repl in p and normalise_text(p) in notice for p in _unquote(q.context)):
            problems.append("改动后的陈述在通知中出现，可能仍然正确")
        if term.kind == "deadline":
            before, after = _deadline_value(orig, year), _deadline_value(repl, year)
            if not before or not after or after >= before:
                problems.append(f"改后期限“{repl}”应早于原文“{orig}”，否则陈述可能仍然成立")
        elif term.kind == "quantity":
            n, m = _count_of(orig), _count_of(repl)
            cmp_ = term.value["comparator"]
            if m is None or m == n or (cmp_ in (">=", ">") and m < n) or (cmp_ in ("<=", "<") and m > n):
                problems.append(f"改后数量“{repl}”会让陈述仍然成立")
        elif term.kind == "member":
            enum = next((e for e in analysis.enums if e.id == term.group), None)
            if enum is None or enum.open:
                problems.append("“等”字列举中替换的词可能仍被涵盖")
        if term.kind in ("actor", "member", "reference", "docnumber"):
            reason = _conflict(term.kind, orig, repl, item, index, year, _siblings(analysis, term))
            if reason:
                problems.append(reason)
    else:
        ans = q.answer
        if len(ans) < 2:
            problems.append(f"填空答案“{ans}”少于 2 个字")
        if not any(unicodedata.category(ch)[0] in "LN" for ch in ans):
            problems.append("填空答案不能只是标点")
        if len(ans) >= len(q.sentence.rstrip("。；;")) - 1:
            problems.append("不能把整句挖空")
        if q.context.count(LINE_MARK) != 1 or not all(p in q.sentence for p in _unquote(q.context.replace(LINE_MARK, ans))):
            problems.append("答案填入后与原句不符")
        if not any(t.text == ans for t in here):
            problems.append(f"填空答案“{ans}”不是原句中的事实片段或列举词语")
    return problems


def _option_key(kind: str, text: str) -> str:
    """Options with the same key are the same option: 县（市、区）人民政府 = 县（市、区）政府."""
    key = normalise_text(text)
    return "unit:" + _unit_core(key) if kind == "actor" else key


def _siblings(analysis: _Analysis, term: Term) -> list[str]:
    if not term.group:
        return []
    for e in analysis.enums:
        if e.id == term.group:
            return [m.text for m in e.members]
    return []


# ---------------------------------------------------------------- building a quiz


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


def _capacity(pool: dict[str, list[_Candidate]]) -> dict[str, int]:
    cap = {t: len(c) for t, c in pool.items()}
    if "tf" in pool:  # never two true/false questions on one sentence: one would answer the other
        cap["tf"] = len({c.spot for c in pool["tf"]})
    return cap


def _order(cands: list[_Candidate], qtype: str, rng: random.Random) -> list[_Candidate]:
    """Shuffled, then interleaved by kind (dates, units, lists…; true and false statements)."""
    cands = list(cands)
    rng.shuffle(cands)
    groups: dict[str, list[_Candidate]] = {}
    for c in cands:
        key = c.question.answer if qtype == "tf" else c.question.kind
        groups.setdefault(key, []).append(c)
    out: list[_Candidate] = []
    while any(groups.values()):
        for key in list(groups):
            if groups[key]:
                out.append(groups[key].pop(0))
    return out


def _gives_away(a: _Candidate, b: _Candidate) -> bool:
    """Two questions on one sentence where one shows what the other asks for: a cloze shows
    the other members of its list, a true statement shows the whole sentence."""
    return a.spot == b.spot and (any(b.shows(h) for h in a.hidden) or any(a.shows(h) for h in b.hidden))


class _Picker:
    def __init__(self, orders: dict[str, list[_Candidate]]):
        self.orders = orders
        self.picked: list[_Candidate] = []
        self.taken: set[str] = set()
        self.targets: set[tuple] = set()
        self.by_spot: dict[tuple, list[_Candidate]] = {}

    def count(self, qtype: str) -> int:
        return sum(1 for c in self.picked if c.question.type == qtype)

    def fits(self, c: _Candidate, level: int) -> bool:
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


def _select(pool: dict[str, list[_Candidate]], n: int, types: list[str], rng: random.Random) -> list[_Candidate]:
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
    qs = _questions(quiz)

    def asked(q: QuizQuestion) -> list[str]:
        if q.type == "tf":
            return list(q.change[:1])
        if q.type == "multi":
            item = doc.item(q.item_number)
            index = item.sentences.index(q.sentence) if item and q.sentence in item.sentences else -1
            rights = {q.options[LETTERS.index(ch)] for ch in q.answer if ch in LETTERS[: len(q.options)]}
            for e in _analyse(item).enums if item else ():
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
    >>> {q.item_number for q in quiz} <= {8, 9, 10}
    True
    """
    if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
        raise InputError(f"题量必须是正整数，当前为：{n}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError(f"随机种子必须是整数，当前为：{seed}")
    qtypes = parse_types(types)
    scope = _scope(doc, chapters, items)
    pool = _Generator(doc, seed).candidates(scope, qtypes)
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
    return _capacity(_Generator(doc, seed).candidates(_scope(doc, chapters, items), qtypes))


# ---------------------------------------------------------------- output

CN_SECTION = "一二三四"
CSV_HEADER = ["编号", "题型", "难度", "题目", "选项A", "选项B", "选项C", "选项D", "选项E", "答案", "答案内容", "解析", "出处"]


def _questions(quiz) -> list[QuizQuestion]:
    return [q if isinstance(q, QuizQuestion) else QuizQuestion.from_dict(q) for q in quiz]


def _summary(quiz: list[QuizQuestion]) -> str:
    counts = {t: sum(1 for q in quiz if q.type == t) for t in TYPES}
    parts = "、".join(f"{TYPE_LABELS[t]} {c} 道" for t, c in counts.items() if c)
    return f"共 {len(quiz)} 题：{parts}。每题 1 分，多选题全部选对才得分。"


def _sections(quiz: list[QuizQuestion]) -> list[tuple[str, list[tuple[int, QuizQuestion]]]]:
    numbered = list(enumerate(quiz, 1))
    out = []
    for t in TYPES:
        qs = [(i, q) for i, q in numbered if q.type == t]
        if qs:
            out.append((f"{CN_SECTION[len(out)]}、{TYPE_LABELS[t]}", qs))
    return out


def _answer_line(q: QuizQuestion) -> str:
    if q.type in ("single", "multi"):
        # An item ref already has brackets: C （二十三）发挥专门监督作用, not C（（二十三）…）.
        return f"{q.answer} {q.answer_text}" if q.answer_text.startswith("（") else f"{q.answer}（{q.answer_text}）"
    return q.answer


def to_json(quiz) -> str:
    """The quiz as a JSON list of question objects."""
    return json.dumps([q.to_dict() for q in _questions(quiz)], ensure_ascii=False, indent=2) + "\n"


def to_csv(quiz) -> str:
    """One row per question, Chinese headers (opens in Excel when saved as UTF-8 with BOM)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for q in _questions(quiz):
        options = list(q.options) + [""] * (5 - len(q.options))
        w.writerow([q.id, TYPE_LABELS[q.type], DIFFICULTY_LABELS.get(q.difficulty, q.difficulty), q.question, *options[:5],
                    q.answer, q.answer_text, q.explanation, q.item])
    return buf.getvalue()


def to_markdown(quiz, title: str = "学法测试题") -> str:
    """Questions by type, then the answer key with explanations."""
    qs = _questions(quiz)
    lines = [f"# {title}", "", _summary(qs), ""]
    for heading, items in _sections(qs):
        lines += [f"## {heading}", ""]
        for i, q in items:
            lines += [f"**{i}.** {q.question}", ""]
            if q.options:
                lines += [f"- {LETTERS[k]}. {o}" for k, o in enumerate(q.options)] + [""]
    lines += ["## 参考答案与解析", ""]
    for i, q in enumerate(qs, 1):
        lines += [
            f"**{i}.** 答案：{_answer_line(q)}　难度：{DIFFICULTY_LABELS.get(q.difficulty, q.difficulty)}　出处：{q.item}",
            "",
            f"> {q.explanation}",
            "",
        ]
    return "\n".join(lines)


def to_docx(quiz, path, title: str = "学法测试题") -> Path:
    """A Word file: the questions by type, a page break, then the answer key with explanations."""
    import docx
    from docx.shared import Pt

    qs = _questions(quiz)
    d = docx.Document()
    d.add_heading(title, level=0)
    d.add_paragraph(_summary(qs))
    for heading, items in _sections(qs):
        d.add_heading(heading, level=1)
        for i, q in items:
            d.add_paragraph(f"{i}. {q.question}")
            for k, o in enumerate(q.options):
                p = d.add_paragraph(f"{LETTERS[k]}. {o}")
                p.paragraph_format.left_indent = Pt(21)
            if q.type == "tf":
                p = d.add_paragraph("（    ）对　　（    ）错")
                p.paragraph_format.left_indent = Pt(21)
    d.add_page_break()
    d.add_heading("参考答案与解析", level=1)
    for i, q in enumerate(qs, 1):
        p = d.add_paragraph()
        p.add_run(f"{i}. 答案：{_answer_line(q)}").bold = True
        p.add_run(f"　难度：{DIFFICULTY_LABELS.get(q.difficulty, q.difficulty)}　出处：{q.item}")
        d.add_paragraph(q.explanation)
    out = Path(path)
    try:
        d.save(str(out))
    except OSError as exc:
        raise InputError(f"无法写入 Word 文件 {out}：{exc.strerror or exc}") from None
    return out


# ---------------------------------------------------------------- grading

TRUE_WORDS = {"对", "正确", "√", "✓", "✔", "t", "true", "是", "yes", "y", "1"}
FALSE_WORDS = {"错", "错误", "×", "✗", "✘", "x", "f", "false", "否", "no", "n", "0"}


def _load_json(path, what: str):
    from .boundary import read_json_file

    return read_json_file(path, what)


def load_quiz(path) -> list[QuizQuestion]:
    """Read a quiz written by ``to_json`` (a list of questions, or {"questions": [...]})."""
    data = _load_json(path, "试卷文件")
    if isinstance(data, dict) and isinstance(data.get("questions"), list):
        data = data["questions"]
    if not isinstance(data, list) or not data:
        raise InputError(f"试卷文件格式不对：{path} 应是题目列表（由 quiz 命令以 --format json 生成）。")
    out = []
    for k, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not all(key in entry for key in ("id", "type", "answer")):
            raise InputError(f"试卷文件格式不对：第 {k} 题缺少 id、type 或 answer。")
        if entry["type"] not in TYPES:
            raise InputError(f"试卷文件格式不对：第 {k} 题的题型“{entry['type']}”未知。")
        try:
            out.append(QuizQuestion.from_dict(entry))
        except TypeError as exc:
            raise InputError(f"试卷文件格式不对：第 {k} 题缺少字段（{exc}）。") from None
    return out


def load_answers(path) -> object:
    """Read an answer sheet: {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "2017年10月底前"}."""
    return _load_json(path, "答题文件")


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
    qs = _questions(quiz)
    given = _answer_map(answers, qs)
    results = []
    counts = {"correct": 0, "wrong": 0, "missing": 0}
    for q in qs:
        value = given.get(q.id)
        right = _answer_line(q)
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


FORMATS = ("json", "csv", "md", "docx")


def output_format(fmt: str | None, path=None) -> str:
    """The format asked for, else the one the output file's suffix names, else JSON."""
    if not fmt:
        suffix = Path(path).suffix.lower().lstrip(".") if path else ""
        fmt = suffix if suffix in FORMATS + ("markdown",) else "json"
    fmt = {"markdown": "md"}.get(fmt.lower(), fmt.lower())
    if fmt not in FORMATS:
        raise InputError(f"未知的输出格式：{fmt}（可选：json、csv、md、docx）")
    return fmt


def render(quiz, fmt: str, title: str = "学法测试题") -> str:
    """The quiz as JSON, CSV or Markdown text (Word needs a file: see :func:`save`)."""
    if fmt == "json":
        return to_json(quiz)
    if fmt == "csv":
        return to_csv(quiz)
    if fmt == "md":
        return to_markdown(quiz, title=title)
    raise InputError("Word 格式需要输出到文件，请用 -o 指定，例如：-o quiz.docx")


def save(quiz, path, fmt: str | None = None, title: str = "学法测试题") -> Path:
    """Write the quiz to ``path``; CSV gets a BOM so that Excel reads the Chinese correctly."""
    fmt = output_format(fmt, path)
    out = Path(path)
    if fmt == "docx":
        return to_docx(quiz, out, title=title)
    try:
        out.write_text(render(quiz, fmt, title), encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    except OSError as exc:
        raise InputError(f"无法写入文件 {out}：{exc.strerror or exc}") from None
    return out


def describe(quiz) -> str:
    """"单选题 5、多选题 5…" for messages."""
    qs = _questions(quiz)
    return "、".join(f"{TYPE_LABELS[t]} {n}" for t in TYPES if (n := sum(1 for q in qs if q.type == t)))

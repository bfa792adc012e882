"""Analysis of a parsed notice for quizzes: the 、-lists of each item's sentences and the
quizzable terms (deadlines, figures, units, titles, document numbers, quoted words, list members)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..schema import Item

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


def depth_map(sentence: str, protected: list[tuple[int, int]]) -> list[int]:
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


def shared_prefix(words: list[str]) -> str:
    """The characters all of two or more words start with (empty for one word)."""
    return os.path.commonprefix(words) if len(words) >= 2 else ""


def shared_suffix(words: list[str]) -> str:
    """The characters all of two or more words end with (empty for one word)."""
    return shared_prefix([w[::-1] for w in words])[::-1]


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
    suffix, prefix = shared_suffix(others), shared_prefix(others)
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
    depth = depth_map(sentence, protected)
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
            if n < used and n in _boundaries(_tokens(tail_raw)) and (shared_prefix(mid_texts + [cand]) or shared_suffix(mid_texts + [cand])):
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
class Analysis:
    """The quizzable terms and the 、-lists of one item."""

    terms: tuple[Term, ...]
    enums: tuple[Enumeration, ...]

    def enum_of(self, term: Term) -> Enumeration | None:
        """The list ``term`` is a member of (None for a fact outside any list)."""
        if not term.group:
            return None
        return next((e for e in self.enums if e.id == term.group), None)

    def siblings(self, term: Term) -> list[str]:
        """All members of the list ``term`` belongs to, itself included."""
        e = self.enum_of(term)
        return [m.text for m in e.members] if e else []


_ANALYSES: dict[tuple[int, str], Analysis] = {}


def analyse(item: Item) -> Analysis:
    """Targets of one item (cached: jieba is the slow part)."""
    key = (item.number, item.text)
    if key not in _ANALYSES:
        enums = tuple(enumerations(item))
        _ANALYSES[key] = Analysis(tuple(_targets(item, enums)), enums)
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



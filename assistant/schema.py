"""Result types shared by every layer, and the error base class.

All results are frozen dataclasses with ``to_dict()`` so front ends can
serialise them without knowing their shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CN_DIGITS = "零一二三四五六七八九"


CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}
CN_DIGIT_VALUES = {c: i for i, c in enumerate(CN_DIGITS)} | {"两": 2, "〇": 0, "○": 0}
# Beyond 万亿 headings do not go: larger numbers are written in Arabic digits.
CN_LIMIT = 10**16


def _cn_below_10000(n: int) -> str:
    """一千零一, 一千八百九十, 九千九百九十九 (n in 1..9999; 十 keeps its 一 here)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += CN_DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out


def _cn(n: int) -> str:
    for value, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= value:
            high, low = divmod(n, value)
            if not low:
                return _cn(high) + unit
            return _cn(high) + unit + ("零" if low < value // 10 else "") + _cn(low)
    return _cn_below_10000(n)


def cn_number(n: int) -> str:
    """Chinese numeral as used in headings, for any positive integer: 7 -> 七, 13 -> 十三,
    34 -> 三十四, 1890 -> 一千八百九十, 10010 -> 一万零一十. Numbers of 10^16 and more, zero
    and negatives are written in Arabic digits."""
    if n <= 0 or n >= CN_LIMIT:
        return str(n)
    text = _cn(n)
    return text[1:] if text.startswith("一十") else text


def parse_cn_number(text: str) -> int | None:
    """Inverse of :func:`cn_number` (十三, 一千零一, 十二万三千四百, 两百); also Arabic digits
    (full-width too) and digit by digit (二〇一七 -> 2017). None when not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdecimal():
        # int() refuses more than 4300 digits; no heading or item has such a number.
        return int(text) if len(text) <= 4000 else None
    if len(text) > 1 and all(ch in CN_DIGIT_VALUES for ch in text):
        return int("".join(str(CN_DIGIT_VALUES[ch]) for ch in text)) if len(text) <= 4000 else None
    total, section, current = 0, 0, 0
    for ch in text:
        if ch in CN_DIGIT_VALUES:
            current = CN_DIGIT_VALUES[ch]
        elif ch in CN_UNITS:
            section += (current or 1) * CN_UNITS[ch]
            current = 0
        elif ch == "万":
            section = (section + current or 1) * 10**4
            current = 0
        elif ch == "亿":
            total = (total + section + current or 1) * 10**8
            section = current = 0
        else:
            return None
    return total + section + current


class AssistantError(Exception):
    """Base of errors meant for the user: the message is Chinese and says what to do next."""


class InputError(AssistantError):
    """The user's input (question, file, option) cannot be used."""


class StoreError(AssistantError):
    """The index or vector store cannot be used."""


@dataclass(frozen=True)
class Fact:
    """A fact found in a part of a document: ``text`` is the verbatim span, ``value`` its
    normal form.

    kinds: ``deadline`` (value: ISO date, or "" for open kinds such as 持续推进 whose
    ``role`` then names the kind), ``period`` (recurring: 全年/每年/年度/每年2月底前),
    ``quantity`` (value: dict count/unit/comparator/counted), ``actor`` (value: unit name;
    ``role`` 牵头/配合/责任/考核 when the document labels it, "" when the unit is only the
    subject of a clause), ``reference`` (value: dict title/number). ``holder`` pairs a
    deadline with the unit its clause names (``2019年3月底前，A…；6月底前，B…``); for an
    actor it is ``以下均需`` when an earlier task's note gives the unit to every task after it.
    """

    kind: str
    text: str
    value: Any
    sentence: int
    role: str = ""
    holder: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Node:
    """One numbered part of a document's tree (a chapter, article, item, sub-item, 专栏
    box, attachment, table row, or the cover notice), in reading order.

    ``style`` names the numbering (``一、``, ``（一）``, ``1.``, ``（1）``, ``①``,
    ``第一章``, ``第一节``, ``第一部分``, ``第一条``, ``专栏``, ``附件``, ``文件`` for one of
    several documents in a file, ``行`` for a table row); ``marker`` is the number as
    written (``（三）``, ``1．``); ``text`` is the node's own verbatim text (the rest of
    its heading line and its paragraphs, without its children); ``path`` is the markers
    from the top down (``二、（三）5.``); ``cells`` are a table row's (column, value) pairs.
    """

    key: str
    style: str
    number: int
    marker: str
    title: str
    text: str
    parent: str = ""
    depth: int = 0
    part: str = "body"  # cover | body | attachment
    path: str = ""
    sentences: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    cells: tuple[tuple[str, str], ...] = ()
    task: int = 0  # the number of the item (task) this node is, 0 when it is not one
    line: str = ""  # the heading line as written

    @property
    def ref(self) -> str:
        return f"{self.marker}{self.title}" if self.title else self.marker

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sentences"] = list(self.sentences)
        d["cells"] = [list(c) for c in self.cells]
        d["ref"] = self.ref
        return d


@dataclass(frozen=True)
class Item:
    """One task: a numbered part that carries work (（七）严格规范性文件管理, 第十二条,
    二、（一）3., a row of a task-division table). ``number`` counts the document's items
    in reading order; ``marker`` and ``path`` say how the document numbers it."""

    number: int
    title: str
    chapter: int
    text: str
    sentences: tuple[str, ...]
    facts: tuple[Fact, ...] = ()
    style: str = "item"  # "item" for （一）…, "article" for 第一条…, else the node style
    marker: str = ""
    path: str = ""
    key: str = ""
    unique_marker: bool = True  # the marker alone names this item in its document

    @property
    def label(self) -> str:
        if self.number <= 0:
            # A numbered part that is not a task (a 专栏 box, a part's opening paragraph).
            return self.path or self.marker
        if self.style == "article":
            return f"第{cn_number(self.number)}条"
        if self.style == "item" or not self.marker:
            return f"第（{cn_number(self.number)}）项"
        if self.unique_marker:
            return f"第{self.marker.rstrip('.．、﹒')}项"
        return self.path

    @property
    def ref(self) -> str:
        if self.number <= 0:
            return f"{self.path or self.marker}{self.title}"
        if self.style == "article":
            return f"第{cn_number(self.number)}条 {self.title}"
        if self.style == "item" or not self.marker:
            return f"（{cn_number(self.number)}）{self.title}"
        if self.marker.isdigit():
            return f"{self.marker}.{self.title}"  # a table row's 序号
        return f"{self.marker}{self.title}"

    def facts_of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    @property
    def deadlines(self) -> list[Fact]:
        return self.facts_of("deadline")

    @property
    def units(self) -> list[str]:
        seen: list[str] = []
        for f in self.facts_of("actor"):
            if f.value not in seen:
                seen.append(f.value)
        return seen

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sentences"] = list(self.sentences)
        d["ref"] = self.ref
        return d


@dataclass(frozen=True)
class Chapter:
    """A top-level part of the body (一、…, 第一章…, 第一部分…) and the items under it."""

    number: int
    title: str
    items: tuple[int, ...] = ()
    marker: str = ""
    key: str = ""

    @property
    def ref(self) -> str:
        if self.marker:
            sep = " " if self.marker.startswith("第") else ""
            return f"{self.marker}{sep}{self.title}"
        return f"{cn_number(self.number)}、{self.title}"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["items"] = list(self.items)
        return d


@dataclass(frozen=True)
class DocumentMeta:
    issuer: str = ""
    doc_number: str = ""
    title: str = ""
    points_title: str = ""
    recipients: str = ""
    signing_date: str = ""
    printing_date: str = ""
    printer: str = ""
    sponsor: str = ""
    supervisor: str = ""
    cc: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()  # attachment titles listed by the cover notice
    year: str = ""  # the year a document is about (a report's year), when it says so
    # A notice that forwards another (转发…的通知): the forwarded notice's own cover.
    forwarded_title: str = ""
    forwarded_number: str = ""
    forwarded_issuer: str = ""
    forwarded_date: str = ""
    contact: str = ""  # a contact note under the signature (联系科室：…，联系电话：…)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["cc"] = list(self.cc)
        return d


@dataclass(frozen=True)
class Section:
    """A verbatim block of the document that is not an item: header, preamble, chapter list, footer, paragraph."""

    kind: str
    text: str
    title: str = ""
    chapter: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    doc_id: str
    meta: DocumentMeta
    preamble: str = ""
    preamble_refs: tuple[Fact, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    items: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()
    structured: bool = True
    messages: tuple[str, ...] = ()
    source: str = ""
    text: str = ""
    kind: str = "notice"  # "notice" (chapters and items) or "report" (headings and paragraphs)
    nodes: tuple[Node, ...] = ()  # the tree of numbered parts, in reading order

    def node(self, key: str) -> Node | None:
        for n in self.nodes:
            if n.key == key:
                return n
        return None

    def children(self, key: str) -> list[Node]:
        return [n for n in self.nodes if n.parent == key]

    def ancestors(self, key: str) -> list[Node]:
        """The parts above the part ``key``, nearest first."""
        out: list[Node] = []
        node = self.node(key) if key else None
        while node is not None and node.parent:
            node = self.node(node.parent)
            if node is not None:
                out.append(node)
        return out

    def item(self, number: int) -> Item | None:
        for it in self.items:
            if it.number == number:
                return it
        return None

    def chapter(self, number: int) -> Chapter | None:
        for ch in self.chapters:
            if ch.number == number:
                return ch
        return None

    def section(self, kind: str) -> Section | None:
        for s in self.sections:
            if s.kind == kind:
                return s
        return None

    @property
    def title(self) -> str:
        return self.meta.points_title or self.meta.title or self.source

    @property
    def label(self) -> str:
        """How answers name the document: 《title》 with its 文号 or year."""
        tag = self.meta.doc_number or (self.meta.year + "年" if self.meta.year and self.meta.year not in self.title else "")
        return f"《{self.title}》" + (f"（{tag}）" if tag else "")

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "meta": self.meta.to_dict(),
            "preamble": self.preamble,
            "preamble_refs": [f.to_dict() for f in self.preamble_refs],
            "chapters": [c.to_dict() for c in self.chapters],
            "items": [i.to_dict() for i in self.items],
            "sections": [s.to_dict() for s in self.sections],
            "structured": self.structured,
            "kind": self.kind,
            "messages": list(self.messages),
            "source": self.source,
            "nodes": [n.to_dict() for n in self.nodes],
        }


@dataclass(frozen=True)
class Passage:
    """A retrievable unit of text. ``text`` is verbatim corpus text, never prefixed."""

    id: str
    doc_id: str
    ref: str
    chapter: str
    text: str
    score: float = 0.0
    kind: str = "item"  # item | sentence | header | preamble | chapters | footer | paragraph
    item: int = 0
    sentence: int = -1
    doc_title: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    text: str
    citations: tuple[Passage, ...] = ()
    refused: bool = False
    intent: str = ""
    items: tuple[int, ...] = ()
    timings: dict = field(default_factory=dict, compare=False)
    features: dict = field(default_factory=dict, compare=False)  # the evidence scorer's inputs

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "refused": self.refused,
            "intent": self.intent,
            "items": list(self.items),
        }

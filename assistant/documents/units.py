"""Responsible units written as labels or tags, with their role.

The genre names who does a task in a handful of forms; each is a pattern here:

- a label, on its own line or inside brackets: ``责任单位：A、B``, ``牵头单位：A``,
  ``配合单位：B``, ``（负责部门：A；适用范围：…）``, ``牵头考核单位：A``;
- a role clause inside a label or a trailing bracket: ``A牵头，B按职责分工负责``,
  ``（A牵头，B配合）``, ``（A牵头，B等参与）``, ``（A负责）``;
- a trailing bracket that only lists units: ``（国务院办公厅、法制办、信息办）``.

Names are split on 、，; and never inside brackets (``各县（市、区）人民政府`` is one name).

>>> [(u, r) for u, r, _ in labelled_units("责任单位：区发改局牵头，区直相关部门按职责分工负责")]
[('区发改局', '牵头'), ('区直相关部门', '配合')]
"""

from __future__ import annotations

import re

LEAD, SUPPORT, RESPONSIBLE, ASSESS = "牵头", "配合", "责任", "考核"

# Labels that introduce units, and the role a label gives when its value has no role words.
LABELS = {
    "牵头考核单位": ASSESS,
    "考核单位": ASSESS,
    "责任单位": RESPONSIBLE,
    "责任部门": RESPONSIBLE,
    "责任主体": RESPONSIBLE,
    "负责单位": RESPONSIBLE,
    "负责部门": RESPONSIBLE,
    "主责单位": RESPONSIBLE,
    "实施单位": RESPONSIBLE,
    "牵头单位": LEAD,
    "牵头部门": LEAD,
    "牵头处室": LEAD,
    "牵头科室": LEAD,
    "责任处室": RESPONSIBLE,
    "责任科室": RESPONSIBLE,
    "配合科室": SUPPORT,
    "配合单位": SUPPORT,
    "配合部门": SUPPORT,
    "配合处室": SUPPORT,
    "参与单位": SUPPORT,
    "协办单位": SUPPORT,
    "承办单位": RESPONSIBLE,
    "主办单位": LEAD,
    "牵头负责单位": LEAD,
    # The short forms of a bracket tag: （牵头：区综治办；配合：各社区）.
    "牵头": LEAD,
    "责任": RESPONSIBLE,
    "负责": RESPONSIBLE,
    "配合": SUPPORT,
    "协办": SUPPORT,
}
# A short form (牵头：) is a label only where a tag starts: at the start of a line or a
# bracket, or after a separator (not 市发改委负责：统筹推进).
_SHORT = sorted((k for k in LABELS if len(k) <= 2), key=len, reverse=True)
RE_LABEL = re.compile(
    "(" + "|".join(sorted((k for k in LABELS if len(k) > 2), key=len, reverse=True))
    + r"|(?:(?<=^)|(?<=[（(；;，,、\s]))(?:" + "|".join(_SHORT) + r"))\s*[：:]\s*"
)

# Role words that end a clause of units: "A、B牵头" / "C按职责分工负责" / "D等参与".
RE_ROLE_TAIL = re.compile(
    r"(?:等)?(?:(牵头(?:负责|组织|实施)?)|(按职责分工(?:负责|配合|落实)|按职能分工负责|分工负责|配合|参与|协助|协同|共同(?:负责|推进))|(负责(?:落实|实施)?|落实|组织实施))$"
)

# What a unit name ends with. Broad on purpose: a bracket of names ending in these, with
# nothing else in it, is a unit list; a name that ends otherwise is not a unit.
UNIT_END = (
    r"(?:人民政府|政府|委员会|管委会|办公室|办公厅|领导小组|工作组|小组|中心|单位|部门|机关|机构|"
    r"公司|集团|银行|协会|商会|学会|联合会|研究院|学院|学校|医院|大学|街道|乡镇|社区|"
    r"海关|局|委|办|厅|部|院|署|处|室|科|所|站|队|会|组|团|行|社)"
)
RE_UNIT_NAME = re.compile(rf"^[\u4e00-\u9fffA-Za-z0-9（）()·“”\"]{{2,40}}?{UNIT_END}(?:[（(][^（）()]{{1,12}}[）)])?$")
# Words a unit list never holds: a bracket with them is an explanation, not a list of units.
RE_NOT_UNITS = re.compile(r"[。？！]|\d{4}年|以上|以下|以内|左右|%|％|元|分$|例如|包括|含|即|如")


def split_outside_brackets(text: str, separators: str) -> list[tuple[str, int]]:
    """(piece, offset) of ``text`` split on ``separators`` that stand outside brackets."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            pieces.append((text[start:i], start))
            start = i + 1
    pieces.append((text[start:], start))
    return pieces


def split_names(text: str) -> list[tuple[str, int]]:
    """(name, offset) pieces of a list of names split on 、，,;； outside brackets."""
    out = []
    for piece, off in split_outside_brackets(text, "、，,；;"):
        stripped = piece.strip()
        if stripped:
            out.append((stripped, off + piece.index(stripped)))
    return out


def is_unit_name(name: str) -> bool:
    return bool(RE_UNIT_NAME.match(name)) and not RE_NOT_UNITS.search(name)


def role_clauses(value: str, default: str) -> list[tuple[str, str, int]]:
    """Units of a label's value with their roles: clauses split on ，；, each clause's
    role word (牵头/配合/负责…) applied to all the names before it. After a lead, a
    clause with no role word, or 按职责分工负责, names supporting units (the convention
    ``A牵头，B按职责分工负责``); without a lead, 按职责分工负责 is plain responsibility."""
    out: list[tuple[str, str, int]] = []
    lead_seen = False
    for clause, off in _clauses(value):
        clause_stripped = clause.strip()
        m = RE_ROLE_TAIL.search(clause_stripped)
        role = SUPPORT if lead_seen and default in (RESPONSIBLE, LEAD) else default
        names = clause_stripped
        if m:
            names = clause_stripped[: m.start()]
            if m.group(1):
                role = LEAD
            elif m.group(2):
                role = SUPPORT if (lead_seen or default == SUPPORT or not m.group(2).startswith("按")) else RESPONSIBLE
            elif default in (ASSESS, SUPPORT):
                role = default
            else:
                role = RESPONSIBLE
        else:
            # "X负责法制审查工作": a unit responsible for part of the task.
            did = re.match(r"^(.{2,40}?)(?:负责|牵头)(?=\S)", clause_stripped)
            if did and all(is_unit_name(n) for n, _ in split_names(did.group(1))):
                names = did.group(1)
                role = LEAD if clause_stripped[did.end(1) :].startswith("牵头") else RESPONSIBLE
        if role == LEAD:
            lead_seen = True
        base = off + clause.index(clause_stripped) if clause_stripped else off
        for name, rel in split_names(names):
            name = re.sub(r"等$", "", name).strip()
            if name and len(name) <= 40:
                out.append((name, role, base + rel))
    return out


def _clauses(text: str) -> list[tuple[str, int]]:
    return [(c, o) for c, o in split_outside_brackets(text, "，,；;。") if c.strip()]


def _label_value_end(text: str, start: int) -> int:
    """End of a label's value: the bracket that encloses the label closes, or 。, or the
    next label (``负责部门：A；适用范围：…`` stops at ；适用范围)."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return i
            depth -= 1
        elif ch in "。\n" and depth == 0:
            return i
        elif ch in "；;" and depth == 0 and re.match(r"[^：:，。；;]{1,8}[：:]", text[i + 1 :]):
            return i
        i += 1
    return len(text)


def labelled_units(text: str) -> list[tuple[str, str, int]]:
    """(unit, role, offset) for every ``LABEL：…`` in a sentence or line."""
    out = []
    for m in RE_LABEL.finditer(text):
        end = _label_value_end(text, m.end())
        value = text[m.end() : end]
        out.extend((u, r, m.end() + off) for u, r, off in role_clauses(value, LABELS[m.group(1)]))
    return out


RE_ROLE_WORD = re.compile(r"牵头|负责|配合|参与|协助|协同")
RE_BY_UNIT = re.compile(r"由([^，。；、（）()]{2,30}?(?:、[^，。；、（）()]{2,30}?)*)(牵头|负责)")


def _brackets(sentence: str) -> list[tuple[str, int, int]]:
    """(inner text, start of inner, end of bracket) of each top-level bracket group."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in "（(":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                out.append((sentence[start + 1 : i], start + 1, i + 1))
    return out


# A clause of a unit tag that sets its time or notes its convention, not a unit:
# 2016年底前完成, 6月底前, 持续推进, 长期坚持, 列第一位的为牵头单位.
RE_TAG_TIME = re.compile(r"(?:\d{4}\s*年|\d{1,2}\s*月|今年|本年|年底|年内|上半年|下半年|第?[一二三四1-4]季度|持续|长期|按进度|列第一位|排在第一位|排名第一|下同)")


def tagged_units(sentence: str) -> list[tuple[str, str, int]]:
    """(unit, role, offset) from unit tags in brackets: ``（A牵头，B配合）`` or ``（A负责）``
    anywhere in a sentence, ``（A、B）`` when it closes (or opens) a sentence and every
    piece is a unit name; and ``由A牵头`` in running text. Labels inside brackets are
    :func:`labelled_units`' job."""
    out: list[tuple[str, str, int]] = []
    stripped_end = len(sentence.rstrip().rstrip("。；;，,"))
    for inner, base, end in _brackets(sentence):
        if RE_LABEL.search(inner) or not inner.strip():
            continue
        # （区经济发展局，2016年底前完成）: the units stand before the time the bracket sets
        # (or a note such as 列第一位的为牵头单位).
        tail = next((off for piece, off in split_outside_brackets(inner, "，,；;。") if off and RE_TAG_TIME.match(piece.strip())), None)
        if tail is not None:
            inner = inner[:tail].rstrip("，,；;。 ")
        clauses = role_clauses(inner, RESPONSIBLE)
        if not clauses:
            continue
        has_role = bool(RE_ROLE_WORD.search(inner))
        names = [(u, r, base + off) for u, r, off in clauses if is_unit_name(u)]
        if has_role:
            out.extend(names)
        elif len(names) == len(clauses) and (end >= stripped_end or base == 1):
            out.extend(names)
    for m in RE_BY_UNIT.finditer(sentence):
        pieces = split_names(m.group(1))
        if pieces and all(is_unit_name(n) for n, _ in pieces):
            role = LEAD if m.group(2) == "牵头" else RESPONSIBLE
            out.extend((n, role, m.start(1) + off) for n, off in pieces)
    return out


def unit_key(name: str) -> str:
    """A unit's name without the level a list states once for all its names (区环境与国土资源局、
    经济发展局牵头: 经济发展局 is 区经济发展局): the key under which both are one unit."""
    name = re.sub(r"\s", "", name)
    return name[1:] if len(name) >= 4 and name[0] in "区市县省" else name


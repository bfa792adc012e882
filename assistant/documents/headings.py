"""Numbered headings of every level the genre uses, and the rank that orders them.

A heading line starts with a marker (``一、``, ``（一）``, ``1.``/``1．``/``1﹒``, ``（1）``,
``①``, ``第一章``, ``第一节``, ``第一部分``, ``第一条``, ``专栏1``); :func:`heading` names its
style, number and the rest of the line.

>>> heading("（十三）推行政府法律顾问制度").style, heading("（十三）推行政府法律顾问制度").number
('（一）', 13)
>>> heading("1.2017年10月底前实现多证合一").number
1
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import parse_cn_number

CN = "一二三四五六七八九十百千零〇○两"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟"

# Style -> rank: a lower rank is a higher level. GB/T 9704 orders 一、 （一） 1. （1）; the
# 第…编/部分/章/节/条 forms sit above them. Nesting follows first appearance in the
# document; the rank only decides where a style not seen yet on the current path goes.
RANK = {
    "第一编": 0,
    "第一部分": 1,
    "第一章": 2,
    "第一节": 3,
    "第一条": 4,
    "一、": 5,
    "（一）": 6,
    "1.": 7,
    "（1）": 8,
    "①": 9,
    "专栏": 10,
}

_WORD_LEVEL = {"编": "第一编", "部分": "第一部分", "章": "第一章", "节": "第一节"}
RE_WORD = re.compile(rf"^第\s*([{CN}\d]{{1,6}})\s*(编|部分|章|节)(?![^\s　：:，,。]*[的要应])[\s　：:]*(.*)$")
RE_ARTICLE = re.compile(rf"^第\s*([{CN}\d]{{1,6}})\s*条(?![件例款])[\s　：:]*(.*)$")
RE_CN = re.compile(rf"^([{CN}]{{1,5}})\s*、\s*(.+)$")
RE_PAREN_CN = re.compile(rf"^[（(]\s*([{CN}]{{1,5}})\s*[）)]\s*(.+)$")
# 1. / 1． / 1﹒ / 1、 — not a decimal (1.5分), but 1.2017年… is item 1 followed by a year,
# and 1.9月30日前… item 1 followed by a date.
RE_NUM = re.compile(r"^(\d{1,3})\s*(?:[.．﹒](?:(?!\d)|(?=\d{4}\s*年)|(?=\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|上旬|中旬|下旬|份|起|前)))|、)\s*(\S.*)$")
RE_PAREN_NUM = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*(\S.*)$")
RE_CIRCLED = re.compile(rf"^([{CIRCLED}])\s*(\S.*)$")
RE_BOX = re.compile(rf"^专栏\s*([{CN}\d]{{0,4}})\s*[：:、.．]?\s*(.*)$")
# 第一章　总则　　第一条　… : a chapter heading and its first article on one line (database exports).
RE_CHAPTER_THEN_ARTICLE = re.compile(rf"^(第\s*[{CN}\d]{{1,6}}\s*(?:章|节)[\s　]*[^\s　]{{1,20}})[\s　]+(第\s*[{CN}\d]{{1,6}}\s*条[\s　].*)$")


@dataclass(frozen=True)
class Heading:
    style: str
    number: int
    marker: str
    rest: str


# A line that ends with a file's name (附件 lists of downloads: 1.操作指南.doc).
RE_FILE_NAME = re.compile(r"\.(?:docx?|pdf|xlsx?|zip|rar|7z|wps|ofd|jpe?g|png|txt|et)$", re.I)


def heading(line: str) -> Heading | None:
    """The numbered heading a line starts with, or None for a body line."""
    line = line.strip()
    if RE_FILE_NAME.search(line):
        return None  # 1.信用修复材料清单.doc: an attached file's name, listed, not a part
    m = RE_WORD.match(line)
    if m:
        n = parse_cn_number(m.group(1))
        if n:
            return Heading(_WORD_LEVEL[m.group(2)], n, line[: m.start(3)].strip(), m.group(3).strip())
    m = RE_ARTICLE.match(line)
    if m:
        n = parse_cn_number(m.group(1))
        if n:
            return Heading("第一条", n, line[: m.start(2)].strip(), m.group(2).strip())
    for style, rx in (("一、", RE_CN), ("（一）", RE_PAREN_CN), ("1.", RE_NUM), ("（1）", RE_PAREN_NUM)):
        m = rx.match(line)
        if m:
            n = parse_cn_number(m.group(1))
            if n:
                return Heading(style, n, line[: m.start(2)].strip(), m.group(2).strip())
    m = RE_CIRCLED.match(line)
    if m:
        return Heading("①", CIRCLED.index(m.group(1)) + 1, m.group(1), m.group(2).strip())
    m = RE_BOX.match(line)
    if m and len(line) <= 60:
        return Heading("专栏", parse_cn_number(m.group(1)) or 0, line[: m.start(2)].strip(), m.group(2).strip())
    return None


def split_joined_headings(line: str) -> list[str]:
    """``第一章　总则　　第一条　为规范…`` -> the chapter heading and the article."""
    m = RE_CHAPTER_THEN_ARTICLE.match(line.strip())
    if m:
        return [m.group(1).strip(), m.group(2).strip()]
    return [line]


def marker_key(marker: str) -> str:
    """Markers compared across full/half width: （三） == (三), 1． == 1. == 1﹒."""
    return marker.translate(str.maketrans("()．﹒、", "（）..."))


RE_ATTACHMENT = re.compile(rf"^附\s*[件表]\s*([{CN}\d]{{0,3}})\s*[：:]?\s*(.*)$")


def attachment(line: str) -> tuple[int, str] | None:
    """(number, title) when a line opens an attachment: ``附件``, ``附件2``, ``附件1：标题``.

    ``附件：`` followed by a list (in the cover notice) is not an opening; the caller
    tells them apart by what follows."""
    m = RE_ATTACHMENT.match(line.strip())
    if not m or len(line) > 60 or line.rstrip().endswith(("。", "；")):
        return None
    number = parse_cn_number(m.group(1)) if m.group(1) else 0
    return (number or 0), m.group(2).strip()

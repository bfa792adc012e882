"""Years: the years a question names (also spoken short forms), the years a document
covers, and the words that tell a year's outcome from its targets in work reports."""

from __future__ import annotations

import re

from ..index import fold
from ..schema import Document

# A year's outcome (reported in the next year's report) versus its targets (in its own).
RE_OUTCOME = re.compile(r"实际|实绩|实现了|完成了|达到了|增长了|下降了|减少了|新增了|结果|成效|成绩|情况怎么样|最后|最终|全年.{0,12}(?:多少|几)|到底")
RE_TARGET = re.compile(r"目标|预期|计划|拟|打算|要求|安排|定的|定了|提出")
# A report's review chapter (一、2012年工作回顾, 过去一年, 一年来工作回顾): where outcomes stand.
RE_REVIEW = re.compile(r"回顾|过去一年|过去五年|一年来|五年来|去年工作")


def years_in(text: str) -> list[str]:
    """Years a question names: ``2016年``, and the spoken short forms ``06年`` (2006) and
    ``83年`` (1983). ``12年``/``10年`` stay out: they are as often a number of years."""
    folded = fold(text)
    out = []
    for m in re.finditer(r"(?<![\d.])((?:19|20)\d{2}|\d{2})\s*年(?!代|内|间|来|以上|以内|左右|多)", folded):
        y = m.group(1)
        if len(y) == 2:
            if y.startswith("0"):
                y = "20" + y
            elif int(y) >= 50:
                y = "19" + y
            else:
                continue
        if y not in out:
            out.append(y)
    return out


def years_of(doc: Document | None) -> set[str]:
    """The years a document covers: its signing and printing years and its title's year;
    for a notice or plan also every year its text names (到2020年, 2018年底前)."""
    if doc is None:
        return set()
    years = {d[:4] for d in (doc.meta.signing_date, doc.meta.printing_date) if d}
    years.update(re.findall(r"(20\d{2})", doc.meta.points_title or ""))
    if doc.kind != "report":
        years.update(re.findall(r"((?:19|20)\d{2})\s*年", doc.text))
    return years


def cited_years(doc: Document | None) -> set[str]:
    """The years of the documents a document cites by number (沪府办〔2004〕49号)."""
    if doc is None or doc.kind == "report":
        return set()
    return set(re.findall(r"[〔\[［]\s*((?:19|20)\d{2})\s*[〕\]］]", doc.text))

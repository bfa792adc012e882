"""Text into paragraphs: page-break repair for PDF-like text, one paragraph per line for
web-page and database layouts, and sentence splitting.

>>> repair_blocks("（一）加强管理\n\n各单位要加强对规范性文件的\n\n管理。")
['（一）加强管理', '各单位要加强对规范性文件的管理。']
"""

from __future__ import annotations

import re

from .headings import attachment, heading, split_joined_headings

RE_LABEL = re.compile(r"^(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|负责部门|牵头考核单位|完成时限|完成时间|时间节点|主办|督办|抄送|附件)\s*[：:]")
RE_MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
RE_DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
RE_CN_DATE_LINE = re.compile(r"^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$")
RE_PRINTED = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$")

TERMINATORS = "。！？；：!?;:…"
CLOSERS = "”’」』）)》】\"'"
CLAUSE_PUNCT = "，、；：。,;"
CONTINUING = "的和与及对在把将为从向以于了被并或且"



def is_heading(line: str) -> bool:
    """Structural lines that must never be joined to the text before them."""
    return heading(line) is not None or _is_closed_line(line)


def _is_closed_line(line: str) -> bool:
    """Lines that nothing is ever joined to (a numbered sub-item line can continue)."""
    h = heading(line)
    return bool(
        (h is not None and h.style not in ("1.", "（1）", "①"))
        or attachment(line) is not None
        or " | " in line
        or sum(1 for cell in line.split("\t") if cell.strip()) >= 2  # a row of a tab-separated table
        or RE_LABEL.match(line)
        or RE_MD_HEADING.match(line)
        or RE_DATE_LINE.match(line)
        or RE_PRINTED.match(line)
        or RE_CN_DATE_LINE.match(line)
        or RE_NUMBER_LINE.match(line)
    )


# A line that is only a document's number (岚综管办〔2016〕114号) above its title.
RE_NUMBER_LINE = re.compile(r"^[（(]?[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号[）)]?$")


# A line that ends like a document's title (…工作要点, …实施方案, …的通知) is never the
# first half of a wrapped sentence.
RE_DOC_TITLE = re.compile(r"^.{4,60}(?:工作要点|要点|实施方案|工作方案|方案|实施意见|指导意见|意见|若干措施|措施|管理办法|办法|实施细则|细则|规定|决定|规划|行动计划|计划|的通知|分工表|清单)$")


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in TERMINATORS


def _body_like(line: str) -> bool:
    # Titles and header lines carry no clause punctuation; broken body paragraphs do,
    # or end on a word that cannot end a title (…规范性文件的 / …机制和).
    return any(ch in CLAUSE_PUNCT for ch in line) or len(line) > 40 or line[-1] in CONTINUING


def repair_blocks(text: str) -> list[str]:
    """Split text into paragraphs, joining lines and paragraphs that a line wrap or a
    PDF page break cut in the middle of a sentence. Headings are never joined."""
    blocks: list[str] = []
    blank_before = True
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        prev = blocks[-1] if blocks else None
        join = (
            prev is not None
            and not _is_closed_line(prev)
            and not RE_DOC_TITLE.search(prev)
            and not is_heading(line)
            and not ends_sentence(prev)
            and (not blank_before or (_body_like(prev) and not _is_footer_line(line)))
        )
        if join:
            blocks[-1] = prev + line
        else:
            blocks.append(line)
        blank_before = False
    return blocks


def _is_footer_line(line: str) -> bool:
    return bool(RE_LABEL.match(line) or RE_PRINTED.match(line))


# ---------------------------------------------------------------- sentences

_SENT_RE = re.compile(r"[^。！？；!?;\n]*?(?:[。！？；!?;]+[”’」』）)]*|$)")


def split_sentences(text: str) -> tuple[str, ...]:
    """Split on 。！？； (keeping the mark and any closing quote) and on line ends.
    ``"".join`` of the result per line gives the line back."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = [m.group(0) for m in _SENT_RE.finditer(line) if m.group(0)]
        # A mark inside brackets does not end the sentence: （A牵头，B配合。以下均需C配合）.
        merged: list[str] = []
        depth = 0
        for piece in pieces:
            if merged and depth > 0:
                merged[-1] += piece
            else:
                merged.append(piece)
            depth = max(0, depth + piece.count("（") + piece.count("(") - piece.count("）") - piece.count(")"))
        # A unit tag after a full stop closes the sentence before it, even when another
        # sentence follows on the line: 提供法律援助等服务。（省贸促会负责）强化…
        fixed: list[str] = []
        for piece in merged:
            tag = RE_LEADING_TAG.match(piece)
            if fixed and tag and tag.end() < len(piece.rstrip()):
                fixed[-1] += tag.group(0)
                piece = piece[tag.end() :]
            fixed.append(piece)
        out.extend(p for p in fixed if p.strip())
    return tuple(out)


RE_LEADING_TAG = re.compile(r"^[（(][^（）()]{2,60}?(?:负责|牵头|配合|参与|协办|落实)[^（）()]{0,20}[）)]")


def squash_spaces(text: str) -> str:
    """Remove the spaces PDF extraction puts around digits in Chinese text."""
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef\d])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef\d])", "", text)




def is_date_line(line: str) -> bool:
    return bool(RE_DATE_LINE.match(line) or RE_CN_DATE_LINE.match(line))


def line_per_paragraph(text: str) -> bool:
    """True for web-page and database layouts: one paragraph per line and (almost) no
    blank lines, so a line that does not end a sentence is a heading or a header line,
    never half of a wrapped sentence. PDF text wraps lines mid-sentence instead."""
    lines = [line.strip() for line in text.split("\n")]
    filled = [line for line in lines if line]
    if not filled:
        return False
    blank = len(lines) - len(filled)
    if blank > 0.2 * len(filled):
        return False
    long_lines = [line for line in filled if len(line) >= 30]
    if not long_lines:
        return True
    ended = sum(1 for line in long_lines if ends_sentence(line) or line[-1] in "）)")
    return ended >= 0.5 * len(long_lines)


def layout_blocks(text: str) -> list[str]:
    """Paragraphs of a document in whichever layout it comes: one per line, or wrapped
    with blank lines between paragraphs (repaired). Headings glued together by a database
    export (``第一章　总则　　第一条　…``) are split apart."""
    if line_per_paragraph(text):
        blocks = [line.strip() for line in text.split("\n") if line.strip()]
    else:
        blocks = repair_blocks(text)
    out: list[str] = []
    for b in blocks:
        out.extend(split_joined_headings(b))
    return out

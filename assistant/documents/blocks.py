"""Text into paragraphs: page-break repair for PDF-like text, one paragraph per line for
web-page and database layouts, and sentence splitting.

>>> repair_blocks("（一）加强管理\n\n各单位要加强对规范性文件的\n\n管理。")
['（一）加强管理', '各单位要加强对规范性文件的管理。']
"""

from __future__ import annotations

import re

from .headings import attachment, heading, split_joined_headings
from .units import is_unit_name, split_names

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


# -- tables whose cells a web page's text glued together

# A column name of a task table: a glued header row is a run of these and nothing else
# (主线项目主要内容责任单位完成时限, 序号政策名称重点工作举措和内容责任单位).
RE_COLUMN_NAME = re.compile(
    r"序号|编号|(?:政策|指标|任务|事项|项目)名称|(?:主线|重点)?项目|(?:重点|主要|具体)?(?:工作)?(?:任务|举措|措施|内容|事项)(?:和(?:内容|措施|举措))?"
    r"|(?:主要)?(?:责任|牵头|配合|协办|参与)(?:单位|部门)|完成(?:时限|时间|期限)|时间节点|备注"
)
RE_GLUED_ROW = re.compile(r"^(\d{1,3})(?=[\u4e00-\u9fff“（(])(.+)$")
# The time-limit cell closing a glued row: 2015年6月, 2016年底前, 6月底, 常年, 持续推进.
RE_TIME_TAIL = re.compile(
    r"(?:\d{4}年(?:\d{1,2}月)?(?:[上中下]旬|底|末|内)?(?:前|之前)?(?:[-—－至到~～](?:\d{4}年)?\d{1,2}月(?:底|末)?(?:前)?)?"
    r"|(?<!\d)\d{1,2}月(?:份|底|末)?(?:前)?|常年|长期|持续推进|长期坚持|全年|年内|年底前?)$"
)
# Where the task's own text ends and its parts begin (1科学编制…规划①结合…): the title cell.
RE_FIRST_PART = re.compile(r"[①⑴]|[（(]1[）)]|(?<![\d.])1[.．、](?!\d)")


def _glued_columns(line: str) -> list[str] | None:
    """The columns of a table header whose names were glued together, or None. It must
    name the units or the time limit, the only cells a glued row can be split by."""
    if re.search(r"[\s|，。、：:]", line) or len(line) > 60:
        return None
    names, at = [], 0
    for m in RE_COLUMN_NAME.finditer(line):
        if m.start() != at:
            return None
        names.append(m.group(0))
        at = m.end()
    if at != len(line) or len(names) < 3:
        return None
    if not any(re.search(r"单位|部门", n) for n in names) and not any(re.search(r"时限|时间|期限|节点", n) for n in names):
        return None
    # Rows numbered under a header that names no number column (1科学编制… under 主线项目).
    return names if names[0] in ("序号", "编号") else ["序号"] + names


def _split_glued_row(text: str, columns: list[str], known_units: set[str]) -> list[str] | None:
    """A glued row (1科学编制…规划。医改办、社会事业局2015年6月) as cells under ``columns``:
    the number, the time limit and the units off its ends, the text between them."""
    cells = {c: "" for c in columns}
    m = RE_GLUED_ROW.match(text)
    if m is None:
        return None
    cells[columns[0]], rest = m.group(1), m.group(2).strip()
    time_col = next((c for c in reversed(columns) if re.search(r"时限|时间|期限|节点", c)), None)
    unit_cols = [c for c in columns if re.search(r"单位|部门", c)]
    text_cols = [c for c in columns[1:] if c != time_col and c not in unit_cols and c != "备注"]
    if time_col:
        t = RE_TIME_TAIL.search(rest)
        if t:
            cells[time_col], rest = t.group(0), rest[: t.start()]
    if unit_cols:
        units, rest = _unit_tail(rest, known_units)
        if not units:
            return None
        cells[unit_cols[0]] = units
    if not text_cols or not rest:
        return None
    part = RE_FIRST_PART.search(rest)
    if len(text_cols) >= 2 and part and part.start() >= 2:
        cells[text_cols[0]], cells[text_cols[1]] = rest[: part.start()], rest[part.start():]
    else:
        cells[text_cols[0]] = rest
    return [cells[c] for c in columns]


def _unit_tail(text: str, known_units: set[str]) -> tuple[str, str]:
    """The list of units closing ``text`` (after its last full stop, or a run of unit names
    whose first is glued to the text: …院长聘任制社会事业局、党群工作部) and the text before."""
    cut = max(text.rfind("。"), text.rfind("；"))
    tail = text[cut + 1 :]
    names = split_names(tail)
    if cut >= 0 and names and all(is_unit_name(n) and len(n) <= 20 for n, _ in names):
        return tail, text[: cut + 1]
    starts = [0] + [m.end() for m in re.finditer(r"[、，,]", tail)]
    pieces = [tail[a : (starts[n + 1] - 1 if n + 1 < len(starts) else len(tail))] for n, a in enumerate(starts)]
    k = len(pieces)
    while k > 1 and (pieces[k - 1] in known_units or (is_unit_name(pieces[k - 1]) and len(pieces[k - 1]) <= 8)):
        k -= 1
    first = pieces[k - 1]
    # The first unit glued to the text: the shortest end of it that the document names
    # as a unit elsewhere.
    for start in range(len(first) - 2, -1, -1):
        if first[start:] in known_units:
            at = len(text) - len(tail) + starts[k - 1] + start
            return text[at:], text[:at]
    return "", text


def unglue_tables(blocks: list[str]) -> list[str]:
    """Task tables whose cells a web page's text glued together, as tab-separated rows: a
    header row made only of column names, numbered rows split by their units and time
    limit, and the header repeated under each group heading between the rows."""
    out = list(blocks)
    for i, line in enumerate(blocks):
        columns = _glued_columns(line.strip())
        if columns is None:
            continue
        rows = []
        j = i + 1
        while j < len(blocks) and (not blocks[j].strip() or RE_GLUED_ROW.match(blocks[j].strip()) or heading(blocks[j].strip()) is not None):
            rows.append(j)
            j += 1
        # Units the rows name more than once, one of them standing alone (社会事业局 in
        # 、社会事业局、 and in …投入使用社会事业局、).
        table_text = "\n".join(blocks[k] for k in rows)
        known = {n for k in rows for n in re.split(r"[、，,。；]", blocks[k]) if 2 <= len(n) <= 12 and is_unit_name(n) and table_text.count(n) >= 2}
        split = {}
        for k in rows:
            if not blocks[k].strip() or (heading(blocks[k].strip()) is not None and not RE_GLUED_ROW.match(blocks[k].strip())):
                continue
            cells = _split_glued_row(blocks[k].strip(), columns, known)
            if cells is None:
                split = {}
                break  # a row it cannot split: the table stays as it stands
            split[k] = cells
        if len(split) < 2:
            continue
        out[i] = "\t".join(columns)
        for k in rows:
            if k in split:
                out[k] = "\t".join(split[k])
            elif k > min(split) and k < max(split):
                out[k] = blocks[k] + "\n" + "\t".join(columns)  # a group heading: the table goes on under it
    return [x for line in out for x in line.split("\n")]


# Cells of a table copied as plain text from a web page or a word processor: runs of two
# or more spaces between them.
RE_CELL_GAP = re.compile(r"(?<=\S)[ \u3000]{2,}(?=\S)")


def _header_row(line: str) -> bool:
    cells = RE_CELL_GAP.split(line.strip())
    return len(cells) >= 2 and all(len(c) <= 12 and not re.search(r"[。，,；;：:]", c) for c in cells)


# A row of a table that only names the group of rows below it: 行动一：再造发展新极行动,
# 任务二、…, 第一类 …, 一、… (a merged cell spanning every column).
RE_GROUP_ROW = re.compile(r"^(?:[^\s，。；：:]{1,6}[一二三四五六七八九十]{1,3}[：:、]|第[一二三四五六七八九十\d]{1,3}[类组批部项]|[一二三四五六七八九十]{1,3}、)[^。；;]{0,40}$")


def spaced_tables(lines: list[str]) -> list[str]:
    """Tables whose cells are separated by runs of spaces, as tab-separated rows: three or
    more lines in a row with such gaps, the first of them a header of short column names
    (单位  职责分工). A heading spaced out on its own (第一章  总则) stays as it is. A line
    that names a group of the rows below it (行动一：…) may sit between rows."""
    out = list(lines)

    def gapped(k: int) -> bool:
        return k < len(lines) and "\t" not in lines[k] and bool(RE_CELL_GAP.search(lines[k].strip()))

    i = 0
    while i < len(lines):
        j = i
        while gapped(j) or (j > i and RE_GROUP_ROW.match(lines[j].strip()) and gapped(j + 1)):
            j += 1
        if sum(gapped(k) for k in range(i, j)) >= 3 and _header_row(lines[i]):
            for k in range(i, j):
                out[k] = RE_CELL_GAP.sub("\t", lines[k].strip())
        i = max(j, i + 1)
    return out


def repair_blocks(text: str) -> list[str]:
    """Split text into paragraphs, joining lines and paragraphs that a line wrap or a
    PDF page break cut in the middle of a sentence. Headings are never joined."""
    blocks: list[str] = []
    blank_before = True
    for raw in unglue_tables(spaced_tables(text.split("\n"))):
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
            elif fixed and tag:
                fixed[-1] += piece  # the tag ends the line: it still belongs to the sentence before
                continue
            fixed.append(piece)
        out.extend(p for p in fixed if p.strip())
    return tuple(out)


RE_LEADING_TAG = re.compile(r"^[（(][^（）()]{2,60}?(?:负责|牵头|配合|参与|协办|落实)[^（）()]{0,40}[）)]")


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
        blocks = [line.strip() for line in spaced_tables(text.split("\n")) if line.strip()]
    else:
        blocks = repair_blocks(text)
    out: list[str] = []
    for b in blocks:
        out.extend(split_joined_headings(b))
    return out

"""The tree of numbered parts: headings nested by the order the document itself uses,
attachments as their own subtrees, several documents in one file, 专栏 boxes, and
tables flattened to lines (cells split by `` | `` or tabs) as rows with named columns.

>>> nodes, loose, listed = build_tree(["一、总体要求", "（一）指导思想", "坚持依法行政。", "二、任务"], "body")
>>> [(n.key, n.style, n.title, n.paras) for n in nodes]
[('1', '一、', '总体要求', []), ('1.1', '（一）', '指导思想', ['坚持依法行政。']), ('2', '一、', '任务', [])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import RE_GROUP_ROW, ends_sentence
from .header import is_title_part
from .headings import RANK, RE_FILE_NAME, attachment, heading
from .units import is_unit_name, split_names

RE_NUMBER_CELL = re.compile(r"^\d{1,3}$")
RE_NUMBER_COLUMN = re.compile(r"^(?:序号|编号|序)$")
# The first cell of a row of totals (合计 | 38-50 | 34 | 25).
RE_TOTAL_CELL = re.compile(r"^(?:合计|总计|小计|汇总|全市合计|全区合计)$")


@dataclass
class RawNode:
    key: str
    style: str
    number: int
    marker: str
    title: str
    line: str
    parent: str
    depth: int
    part: str
    paras: list[str] = field(default_factory=list)
    cells: list[tuple[str, str]] = field(default_factory=list)
    table_columns: tuple[str, ...] = ()


def split_title(rest: str) -> tuple[str, str]:
    """Heading remainder -> (title, body on the same line).

    ``加强管理。各单位要……`` gives the title before the first 。 and the rest as body; a
    long heading line with no short first sentence is body, with its first clause as title."""
    rest = rest.strip()
    if len(rest) <= 40 and rest.endswith("。") and rest.count("。") == 1 and not re.search(r"[，,；;：:]", rest):
        return rest[:-1], ""  # a heading that ends with a full stop: 网络体系强基行动。
    # A half-width stop ends a title, but not inside a file name or a figure (清单.doc, 2.5).
    m = re.match(r"^(.{2,40}?)(?:[。．]|\.(?![A-Za-z0-9]))\s*(.+)$", rest)
    if m:
        return m.group(1), m.group(2)
    if len(rest) <= 40 and not ends_sentence(rest):
        return rest, ""
    m = re.match(r"^(.{2,40}?)[，,：:；;]", rest)
    return (m.group(1) if m else rest[:20]), rest


# The title line of a numbered table: 表2 集中式饮用水水源水质目标清单, 附表1：重点任务分解表.
RE_TABLE_TITLE = re.compile(r"^(?:附)?表\s*(\d{1,2})\s*[：:　 ]?\s*([^\s。；，,][^。；]{1,40})$")


def table_cells(line: str) -> list[str] | None:
    """Cells of a flattened table row, or None for an ordinary line."""
    if " | " in line:
        return [c.strip() for c in line.split("|")]
    if "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
        if sum(1 for c in cells if c) >= 2:
            return cells
    return None


def _table_extent(blocks: list[str], i: int) -> int:
    """End (exclusive) of the table starting at ``blocks[i]``: table lines, and lines
    without cells that sit between table lines (a cell's text broken onto its own line)."""
    j = i + 1
    while j < len(blocks):
        if table_cells(blocks[j]) is not None:
            j += 1
            continue
        ahead = next((k for k in range(j + 1, min(j + 4, len(blocks))) if table_cells(blocks[k]) is not None), None)
        if ahead is None or heading(blocks[j]) is not None or attachment(blocks[j]) is not None or RE_TABLE_TITLE.match(blocks[j]):
            break
        j = ahead
    return j


class TreeBuilder:
    """Builds the nodes of one part (cover, body) in reading order."""

    def __init__(self, part: str, key_prefix: str = ""):
        self.part = part
        self.prefix = key_prefix
        self.nodes: list[RawNode] = []
        self.stack: list[RawNode] = []
        self.loose: list[str] = []
        self.counters: dict[str, int] = {}
        self.attachment_list: list[str] = []

    def _new_key(self, parent: RawNode | None) -> str:
        base = parent.key if parent else self.prefix
        n = self.counters.get(base, 0) + 1
        self.counters[base] = n
        return f"{base}.{n}" if base else str(n)

    def _floor(self) -> int:
        """Stack entries that headings never pop: an attachment or a document wrapper."""
        return 1 if self.stack and self.stack[0].style in ("附件", "文件") else 0

    def add_node(self, style, number, marker, title, line, *, paras=None, part=None, parent: RawNode | None = None) -> RawNode:
        node = RawNode(
            key=self._new_key(parent),
            style=style,
            number=number,
            marker=marker,
            title=title,
            line=line,
            parent=parent.key if parent else "",
            depth=(parent.depth + 1) if parent else 0,
            part=part or self.part,
            paras=list(paras or []),
        )
        self.nodes.append(node)
        return node

    def heading(self, h, line: str) -> None:
        floor = self._floor()
        styles = [n.style for n in self.stack[floor:]]
        while len(self.stack) > floor:
            top = self.stack[-1].style
            if top == h.style:
                self.stack.pop()
                break
            if h.style in styles or RANK.get(top, 99) > RANK.get(h.style, 99):
                self.stack.pop()
                styles.pop()
                continue
            break
        if self._restarts_document(h):
            self._open_document()
        title, rest = split_title(h.rest) if h.rest else ("", "")
        if h.style == "第一条" and h.rest and rest and (re.search(r"[，,；;：:]", title) or len(title) > 20):
            # An article whose first sentence is no run-in heading (推进一网通办。) but a
            # provision (第三十八条 本办法自…起实施，有效期5年。本办法…): its text is
            # everything after the number, that sentence included.
            rest = h.rest
        parent = self.stack[-1] if self.stack else None
        node = self.add_node(h.style, h.number, h.marker, title, line, paras=[rest] if rest else [], parent=parent)
        self.stack.append(node)

    def _restarts_document(self, h) -> bool:
        """A second document in one file: top-level numbering starts again at 1 after a
        title line (``支持…若干政策`` 一、…八、, then ``…行动计划`` 一、…)."""
        if self.stack[self._floor():] or h.number != 1 or not self.nodes:
            return False
        same = [n for n in self.nodes if n.style == h.style and n.depth == (self.stack[0].depth + 1 if self.stack else 0)]
        if not same or max(n.number for n in same) < 2:
            return False
        last = self.nodes[-1]
        return any(is_title_part(p) and len(p) >= 6 for p in last.paras[-3:])

    def _open_document(self) -> None:
        last = self.nodes[-1]
        at = max(i for i, p in enumerate(last.paras) if i >= len(last.paras) - 3 and is_title_part(p) and len(p) >= 6)
        title, preamble = last.paras[at], last.paras[at + 1 :]
        del last.paras[at:]
        self.stack.clear()
        node = self.add_node("文件", 0, "", title, title, paras=preamble)
        self.stack.append(node)

    def open_attachment(self, number: int, title: str, line: str) -> None:
        self.stack.clear()
        word = "附表" if re.match(r"^附\s*表", line.strip()) else "附件"  # 附表1：a table attached
        node = self.add_node("附件", number, f"{word}{number}" if number else word, title, line, part="attachment")
        self.stack.append(node)

    def open_table(self, number: int, title: str, line: str) -> None:
        """``表2 集中式饮用水水源水质目标清单``: a titled table, its rows below it, under the
        attachment it sits in (a table title ends the table before it)."""
        while self.stack and self.stack[-1].style not in ("附件", "文件"):
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        node = self.add_node("表", number, f"表{number}", title, line, parent=parent, part=parent.part if parent else None)
        self.stack.append(node)

    def paragraph(self, text: str) -> None:
        if self.stack:
            self.stack[-1].paras.append(text)
        else:
            self.loose.append(text)

    def table(self, lines: list[str]) -> None:
        """Rows of a table as nodes (style 行) with their cells by column."""
        rows = [(line, table_cells(line)) for line in lines]
        columns = tuple(c for c in (rows[0][1] or []))
        # 任务类型 | 序号 | 工作任务 | 推进单位: the number column after a group column whose
        # merged cell only the first row of each group carries.
        at = next((k for k, c in enumerate(columns) if 0 < k <= 2 and RE_NUMBER_COLUMN.match(c)), 0)
        if at:
            self.table_grouped(rows, columns, at)
            return
        first_data = next((k for k, (_, c) in enumerate(rows) if k > 0 and c and RE_NUMBER_CELL.match(c[0])), None)
        numbered = first_data is not None
        header_end = first_data if numbered else 1
        parent = self.stack[-1] if self.stack else None
        header_text = "\n".join(line for line, _ in rows[:header_end])
        if parent is not None:
            parent.paras.append(header_text)
        else:
            self.loose.append(header_text)
        current: RawNode | None = None
        seen: list[RawNode] = []  # the numbered rows so far
        # Columns whose cells are numbered headings, by the numbering's style (（一）, 1、,
        # （1）), as the first full row shows them.
        first_row = rows[header_end][1] if header_end < len(rows) and rows[header_end][1] else []
        styles = {c: st for c, v in zip(columns, first_row) if (st := _marker_style(v))} if len(first_row) == len(columns) else {}
        if len(set(styles.values())) < 2:
            styles = {}
        for line, cells in rows[header_end:]:
            starts_row = cells is not None and (not numbered or RE_NUMBER_CELL.match(cells[0]))
            if cells and RE_TOTAL_CELL.match(cells[0]) and len(columns) >= len(cells):
                # 合计 | 38-50 | 34 | 25: a row of its own, its label under the name column and
                # its figures under the last columns.
                label_column = columns[1] if numbered and len(columns) > 1 else columns[0]
                # Its figures go under the columns that hold figures in the rows above.
                figures = [c for c in columns[1:] if c != label_column and sum(bool(re.search(r"\d", v)) for r in seen for k, v in r.cells if k == c) * 2 > len(seen)]
                targets = figures if len(figures) >= len(cells) - 1 else list(columns[len(columns) - len(cells) + 1 :])
                current = self.add_node("行", 0, "", cells[0], line, paras=[line], parent=parent)
                current.cells = [(label_column, cells[0])] + [(c, v) for c, v in zip(targets[len(targets) - len(cells) + 1 :], cells[1:]) if c and v]
                current.table_columns = columns
                width = len(cells)
                continue
            if starts_row:
                number = int(cells[0]) if numbered else 0
                named = list(zip(columns, cells))
                if numbered and current is not None and 2 <= len(cells) < len(columns):
                    # 18 | 推进…建设 | 上港集团 under 序号 | 事项 | 工作措施 | 责任单位: a merged cell
                    # (事项) spans rows; it is the previous row's, the others are the last columns.
                    gap = len(columns) - len(cells)
                    spanned = dict(current.cells)
                    last = cells[-1]
                    if all(is_unit_name(u) for u, _ in split_names(last)) and split_names(last):
                        # The row ends with its units: the merged cells lead.
                        named = [(columns[0], cells[0])] + [(c, spanned.get(c, "")) for c in columns[1 : 1 + gap]] + list(zip(columns[1 + gap :], cells[1:]))
                    else:
                        # The row's own cells follow the first merged one; its units are merged too.
                        own = list(zip(columns[2 : 2 + len(cells) - 1], cells[1:]))
                        named = [(columns[0], cells[0]), (columns[1], spanned.get(columns[1], ""))] + own + [(c, spanned.get(c, "")) for c in columns[2 + len(own) :]]
                title_cell = cells[1] if numbered and len(cells) > 1 else cells[0]
                if not numbered and styles:
                    # A row whose first cells a merged cell above spans (（4）建设… under
                    # 任务分类 | 主要方向 | 重点任务 | …): its cells start under the column whose
                    # numbering its first cell follows; the columns it leaves out are the
                    # row's above. Its title is the deepest numbered cell.
                    named = _aligned(columns, cells, styles, seen[-1].cells if seen else [])
                    by_column = dict(named)
                    deepest = [c for c in columns if c in styles and by_column.get(c)]
                    if deepest:
                        title_cell = by_column[deepest[-1]]
                current = self.add_node("行", number, cells[0] if numbered else "", title_cell.rstrip("。"), line, paras=[line], parent=parent)
                current.cells = [(c, v) for c, v in named if c and v]
                current.table_columns = columns
                seen.append(current)
                width = len(cells)
            elif current is not None:
                current.paras.append(line)
                if cells:
                    # Cells spanning several rows appear only in the first: the missing ones lead.
                    offset = max(0, width - len(cells))
                    current.cells.extend((c, v) for c, v in zip(columns[offset:], cells) if c and v)
            elif parent is not None:
                parent.paras.append(line)
            else:
                self.loose.append(line)

    def table_grouped(self, rows, columns: tuple[str, ...], at: int) -> None:
        """Rows of a table whose number column (序号) follows group columns. A row gives
        its own cells from the number on, or the group cells too when it opens a group;
        the cells it leaves out are merged cells of the rows above it (the group and, when
        the row stops early, the units of the last columns). A line naming a group of rows
        (行动二：…) ends the merged cells above it."""
        parent = self.stack[-1] if self.stack else None
        (parent.paras if parent is not None else self.loose).append(rows[0][0])
        current: RawNode | None = None
        for line, cells in rows[1:]:
            start = None
            if cells and RE_NUMBER_CELL.match(cells[0]):
                start = at
            elif cells and len(cells) > at and RE_NUMBER_CELL.match(cells[at]):
                start = 0
            if start is None:
                if cells is None and RE_GROUP_ROW.match(line.strip()):
                    current = None  # a new group: nothing above it spans into it
                    (parent.paras if parent is not None else self.loose).append(line)
                elif current is not None:
                    current.paras.append(line)
                elif parent is not None:
                    parent.paras.append(line)
                else:
                    self.loose.append(line)
                continue
            above = dict(current.cells) if current is not None else {}
            own = dict(zip(columns[start:], cells))
            named = [(c, own.get(c) or (above.get(c, "") if k < start or k >= start + len(cells) else "")) for k, c in enumerate(columns)]
            number = int(cells[at - start])
            title = cells[at - start + 1] if len(cells) > at - start + 1 else ""
            current = self.add_node("行", number, str(number), title.rstrip("。"), line, paras=[line], parent=parent)
            current.cells = [(c, v) for c, v in named if c and v]
            current.table_columns = columns


RE_MARKER_STYLES = (
    ("（一）", re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    ("（1）", re.compile(r"^[（(]\d{1,3}[）)]")),
    ("1、", re.compile(r"^\d{1,3}[、.．](?!\d)")),
    ("一、", re.compile(r"^[一二三四五六七八九十]{1,3}、")),
)


def _marker_style(cell: str) -> str:
    return next((name for name, rx in RE_MARKER_STYLES if rx.match(cell.strip())), "")


def _aligned(columns, cells: list[str], styles: dict[str, str], above: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A row's cells by column when merged cells leave some out: they start under the
    column of the first cell's numbering style; the others are the row's above."""
    style = _marker_style(cells[0])
    start = next((i for i, c in enumerate(columns) if styles.get(c) == style), None) if style else None
    if start is None or start + len(cells) > len(columns) or (start == 0 and len(cells) == len(columns)):
        return list(zip(columns, cells))
    kept = dict(above)
    out = [(c, kept.get(c, "")) for c in columns[:start]]
    out += list(zip(columns[start:], cells))
    out += [(c, kept.get(c, "")) for c in columns[start + len(cells) :]]
    return out


def build_tree(blocks: list[str], part: str, key_prefix: str = "") -> tuple[list[RawNode], list[str], list[str]]:
    """Nodes of one part in reading order, the paragraphs before its first heading, and
    the lines of a ``附件：`` list of attachments."""
    b = TreeBuilder(part, key_prefix)
    has_opening = [False] * (len(blocks) + 1)
    for k in range(len(blocks) - 1, -1, -1):
        a = attachment(blocks[k])
        has_opening[k] = has_opening[k + 1] or (a is not None and not _is_list_line(blocks[k]))
    i = 0
    while i < len(blocks):
        line = blocks[i]
        if table_cells(line) is not None:
            j = _table_extent(blocks, i)
            b.table(blocks[i:j])
            i = j
            continue
        a = attachment(line)
        if a is not None:
            files = any(RE_FILE_NAME.search(x.strip()) for x in blocks[i + 1 : i + 4])
            # 附件：1.… 2.… closing the document: a list of titles, nothing after them.
            trailing = i + 1 < len(blocks) and all(len(x) <= 80 and not x.rstrip().endswith("。") and re.match(r"^\s*\d{1,2}\s*[.．、]", x) for x in blocks[i + 1 :])
            if _is_list_line(line) and (has_opening[i + 1] or files or trailing):
                # 附件：1.… 2.…: the cover's list of attachments, up to the first opening.
                b.attachment_list.append(line)
                i += 1
                while i < len(blocks) and attachment(blocks[i]) is None and len(blocks[i]) <= 80 and not blocks[i].endswith("。"):
                    b.attachment_list.append(blocks[i])
                    i += 1
                continue
            number, title = a
            if not title and i + 1 < len(blocks) and is_title_part(blocks[i + 1]) and table_cells(blocks[i + 1]) is None:
                title = blocks[i + 1]
                i += 1
            b.open_attachment(number, title, line)
            i += 1
            continue
        t = RE_TABLE_TITLE.match(line)
        if t and table_cells(line) is None:
            b.open_table(int(t.group(1)), t.group(2).strip(), line)
            i += 1
            continue
        h = heading(line)
        if h is not None:
            b.heading(h, line)
        else:
            b.paragraph(line)
        i += 1
    return b.nodes, b.loose, b.attachment_list


def _is_list_line(line: str) -> bool:
    """``附件：…`` (with a colon) lists attachments; ``附件`` / ``附件2 标题`` opens one."""
    return bool(re.match(r"^附\s*[件表]\s*[：:]", line.strip()))

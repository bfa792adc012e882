"""The 工作要点一览 tab: one row per task of the selected document (or of all, with a document
column), the filter, CSV/XLSX exports and the deadline timeline."""

import csv
import json
from datetime import date
from pathlib import Path

from ..documents import facts_summary
from ..schema import Document
from .exports import TempFiles
from .render import escape_text, item_heading

HEADERS = ["章节", "序号", "标题", "期限", "责任单位", "数量要求"]
DOC_HEADER = "文档"
WIDTHS = {"文档": 28, "文号/年份": 14, "类型": 6, "添加时间": 20, "任务数": 7, "段落数": 7, "解析提示": 30, "章节": 26, "序号": 8, "标题": 30, "期限": 26, "责任单位": 40, "数量要求": 26, "任务": 36, "角色": 8}  # in characters
# Timeline labels are placed in lanes so that none overlaps another; the widths are
# estimated for the narrowest page (a 390 px phone: an axis of about 330 px).
AXIS_PX = 330
LABEL_PX_PER_CHAR = 12
MAX_LANES = 8


def work_point_rows(document: Document) -> list[list]:
    """One row per item: 章节, 序号, 标题, 期限, 责任单位, 数量要求."""
    chapters = {c.number: c.ref for c in document.chapters}
    rows = []
    for item in document.items:
        summary = facts_summary(item)
        rows.append(
            [
                chapters.get(item.chapter, ""),
                item.number,
                item.title,
                "；".join(summary["deadlines"]),
                "；".join(summary["units"]),
                "；".join(summary["quantities"]),
            ]
        )
    return rows


def filter_rows(rows: list[list], query: str) -> list[list]:
    """Rows where any cell contains ``query`` (case-insensitive); all rows for a blank query."""
    needle = (query or "").strip().lower()
    if not needle:
        return list(rows)
    return [r for r in rows if any(needle in str(cell).lower() for cell in r)]


def write_csv(rows: list[list], path: str | Path, headers: list[str] = HEADERS) -> Path:
    """UTF-8 with BOM so that Excel opens the Chinese text correctly."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(rows: list[list], path: str | Path, title: str = "工作要点", headers: list[str] = HEADERS) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(headers)
    for r in rows:
        ws.append(r)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, name in enumerate(headers, 1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 20)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    wb.save(path)
    return path


def export_files(rows: list[list], temp: TempFiles, headers: list[str] = HEADERS, name: str = "work-points") -> tuple[Path, Path]:
    """``<name>.csv`` and ``<name>.xlsx`` of ``rows`` in a folder named by their hash (the
    same rows are written once); older exports are pruned."""
    folder = temp.folder(name, json.dumps([headers, rows], ensure_ascii=False))
    csv_path, xlsx_path = folder / f"{name}.csv", folder / f"{name}.xlsx"
    if not (csv_path.exists() and xlsx_path.exists()):
        write_csv(rows, csv_path, headers)
        write_xlsx(rows, xlsx_path, headers=headers)
    temp.prune(keep=folder)
    return csv_path, xlsx_path


def column_widths(headers: list[str]) -> list[str]:
    """Pixel widths (not percentages), so that a narrow page scrolls the table with its header."""
    return [f"{WIDTHS.get(name, 20) * 7}px" for name in headers]


def selected_documents(documents: list[Document], doc_id: str | None) -> list[Document]:
    """The document chosen in the header, or all of them for "全部文档" (``""``/None)."""
    if doc_id:
        chosen = [d for d in documents if d.doc_id == doc_id]
        if chosen:
            return chosen
    return list(documents)


def table_for(documents: list[Document]) -> tuple[list[str], list[list]]:
    """Headers and rows of the tasks of ``documents``: with a 文档 column when several have tasks."""
    with_tasks = [d for d in documents if d.items]
    if len(with_tasks) <= 1:
        return HEADERS, work_point_rows(with_tasks[0]) if with_tasks else []
    rows = [[d.title] + r for d in with_tasks for r in work_point_rows(d)]
    return [DOC_HEADER] + HEADERS, rows


def deadline_entries(documents: list[Document]) -> list[tuple[str, object, str, Document]]:
    """(ISO date, item, verbatim deadline text, document), sorted by date, then document and item."""
    out = []
    for n, doc in enumerate(documents):
        for item in doc.items:
            for fact in item.deadlines:
                out.append((str(fact.value), item, fact.text, doc, n))
    out.sort(key=lambda e: (e[0], e[4], e[1].number))
    return [e[:4] for e in out]


def label_lanes(positions: list[tuple[float, str]]) -> list[int | None]:
    """A lane (0 = lowest) per centred label at ``left`` percent so that no two labels in
    a lane overlap at the narrowest axis; None when it would need more than MAX_LANES."""
    ends: list[float] = []  # right edge (percent) of the last label in each lane
    out: list[int | None] = []
    for left, text in positions:
        half = (len(text) * LABEL_PX_PER_CHAR + 8) / AXIS_PX * 50
        lane = next((i for i, end in enumerate(ends) if end <= left - half), None)
        if lane is None and len(ends) < MAX_LANES:
            ends.append(0.0)
            lane = len(ends) - 1
        if lane is not None:
            ends[lane] = left + half
        out.append(lane)
    return out


def timeline_html(documents: Document | list[Document]) -> str:
    """A horizontal timeline of the deadlines over the year(s) they fall in (labels in
    lanes that never overlap), and the list of deadlines (naming the document when there
    are several)."""
    documents = [documents] if isinstance(documents, Document) else list(documents)
    entries = deadline_entries(documents)
    if not entries:
        return '<div class="qa-timeline">所选文档的工作项没有明确的完成期限。</div>'
    dated = []
    for iso, item, text, doc in entries:
        try:
            dated.append((date.fromisoformat(iso), item, text, doc))
        except ValueError:
            continue
    several = len(documents) > 1
    marks = []
    lanes_used = 0
    if dated:
        start = date(min(d.year for d, *_ in dated), 1, 1)
        end = date(max(d.year for d, *_ in dated), 12, 31)
        span = max((end - start).days, 1)
        for year in range(start.year, end.year + 1):
            for month in range(1, 13):
                left = (date(year, month, 1) - start).days / span * 100
                label = f"{month}月" if start.year == end.year else f"{year}.{month}"
                marks.append(f'<span class="qa-tick" style="left:{left:.2f}%">{label}</span>')
        # One dot per date, one label per item (items due on the same date share the dot).
        lefts = [(d - start).days / span * 100 for d, *_ in dated]
        labels: dict[tuple, tuple[float, str]] = {}
        for left, (d, item, text, doc) in zip(lefts, dated):
            labels.setdefault((doc.doc_id, item.number, d), (left, item.label.removeprefix("第").removesuffix("项")))
        tips: dict[date, list[str]] = {}
        for left, (d, item, text, doc) in zip(lefts, dated):
            tips.setdefault(d, []).append((f"{doc.label} " if several else "") + f"{item_heading(item)}：{text}")
        for d, lines in tips.items():
            left = (d - start).days / span * 100
            marks.append(f'<span class="qa-dot" style="left:{left:.2f}%" title="{escape_text(chr(10).join(lines))}"></span>')
        placed = sorted(labels.values(), key=lambda e: e[0])
        for (left, text), lane in zip(placed, label_lanes(placed)):
            if lane is None:
                continue
            lanes_used = max(lanes_used, lane + 1)
            marks.append(f'<span class="qa-dot-label" style="left:{left:.2f}%;bottom:{18 + lane * 20}px">{escape_text(text)}</span>')
    listing = "".join(
        f"<li><b>{escape_text(iso)}</b> " + (f"{escape_text(doc.label)} " if several else "") + f"{escape_text(item_heading(item))}：{escape_text(text)}</li>"
        for iso, item, text, doc in entries
    )
    axis = f'<div class="qa-axis" style="height:{24 + lanes_used * 20}px">{"".join(marks)}</div>' if dated else ""
    return f'<div class="qa-timeline">{axis}<ul>{listing}</ul></div>'


def work_points_tab(gr, documents_now, selected, changed, temp: TempFiles) -> None:
    """The tab; it follows the document chosen in ``selected`` and is redrawn on ``changed``
    (page load, a change of the library). ``documents_now()`` gives the documents in use."""
    import pandas as pd

    def view(doc_id, query):
        docs = selected_documents(documents_now(), doc_id)
        headers, rows = table_for(docs)
        shown = filter_rows(rows, query)
        csv_path, xlsx_path = export_files(shown, temp, headers)
        dated = sum(1 for d in docs for it in d.items if it.deadlines)
        count = f"显示 {len(shown)} / {len(rows)} 项（其中 {dated} 项有明确期限）" if rows else "所选文档中没有识别到工作条目（（一）或第一条）。"
        widths = column_widths(headers)
        table = gr.Dataframe(value=pd.DataFrame(shown, columns=headers), headers=headers, column_widths=widths)
        return table, count, str(csv_path), str(xlsx_path), timeline_html(docs)

    with gr.Tab("工作要点一览", id="work-points"):
        with gr.Row(elem_classes="qa-toolbar"):
            query = gr.Textbox(
                label="筛选", placeholder="在所有列中查找（含责任单位），例如：规范性文件、2017年、市司法局", scale=4, elem_id="qa-filter"
            )
            csv_button = gr.DownloadButton("下载 CSV", size="sm", elem_id="qa-csv", scale=0, min_width=100)
            xlsx_button = gr.DownloadButton("下载 Excel", size="sm", elem_id="qa-xlsx", scale=0, min_width=100)
        count = gr.Markdown(elem_id="qa-count")
        table = gr.Dataframe(
            headers=HEADERS, datatype="str", interactive=False, wrap=True, max_height=2000, column_widths=column_widths(HEADERS), elem_id="qa-table", elem_classes="qa-wide-table"
        )
        gr.Markdown("### 完成期限时间轴")
        timeline = gr.HTML(elem_id="qa-timeline")
        outputs = [table, count, csv_button, xlsx_button, timeline]
        gr.on(
            [*changed, selected.change],
            view,
            [selected, query],
            outputs,
            api_visibility="private",
            show_progress="hidden",
        )
        query.change(view, [selected, query], outputs, api_name="work_points", api_visibility="undocumented",
                     show_progress="hidden", trigger_mode="always_last")

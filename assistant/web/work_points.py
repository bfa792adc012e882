"""The 工作要点一览 tab: one row per task, the filter, CSV/XLSX exports and the deadline timeline."""

import csv
import hashlib
import json
import tempfile
from datetime import date
from pathlib import Path

from ..documents import facts_summary
from ..schema import Document
from .render import escape_text, item_heading

HEADERS = ["章节", "序号", "标题", "期限", "责任单位", "数量要求"]

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


def write_csv(rows: list[list], path: str | Path) -> Path:
    """UTF-8 with BOM so that Excel opens the Chinese text correctly."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def write_xlsx(rows: list[list], path: str | Path, title: str = "工作要点") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEF", (26, 6, 30, 30, 40, 24)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    wb.save(path)
    return path


def export_files(rows: list[list], root: str | Path) -> tuple[Path, Path]:
    """``work-points.csv`` and ``work-points.xlsx`` of ``rows``, in a sub-folder of ``root``
    named by the rows' hash: the same filter result is written once, and the download
    keeps its plain file name."""
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    folder = Path(root) / digest
    csv_path, xlsx_path = folder / "work-points.csv", folder / "work-points.xlsx"
    if not (csv_path.exists() and xlsx_path.exists()):
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(rows, csv_path)
        write_xlsx(rows, xlsx_path)
    return csv_path, xlsx_path


def deadline_entries(document: Document) -> list[tuple[str, object, str]]:
    """(ISO date, item, verbatim deadline text), sorted by date then item number."""
    out = []
    for item in document.items:
        for fact in item.deadlines:
            out.append((str(fact.value), item, fact.text))
    return sorted(out, key=lambda e: (e[0], e[1].number))


def timeline_html(document: Document) -> str:
    """A horizontal timeline of the deadlines over the year(s) they fall in, and a list."""
    entries = deadline_entries(document)
    if not entries:
        return '<div class="qa-timeline">本文件的工作项没有明确的完成期限。</div>'
    dates = []
    for iso, _, _ in entries:
        try:
            dates.append(date.fromisoformat(iso))
        except ValueError:
            dates.append(None)
    known = [d for d in dates if d]
    start = date(min(d.year for d in known), 1, 1) if known else None
    end = date(max(d.year for d in known), 12, 31) if known else None
    span = max((end - start).days, 1) if known else 1
    marks = []
    if known:
        for year in range(start.year, end.year + 1):
            for month in range(1, 13):
                left = (date(year, month, 1) - start).days / span * 100
                label = f"{month}月" if start.year == end.year else f"{year}.{month}"
                marks.append(f'<span class="qa-tick" style="left:{left:.2f}%">{label}</span>')
    stacked: dict = {}
    for (iso, item, text), d in zip(entries, dates):
        if d is None:
            continue
        left = (d - start).days / span * 100
        level = stacked.get(d, 0)
        stacked[d] = level + 1
        tip = escape_text(f"{item_heading(item)}：{text}")
        marks.append(f'<span class="qa-dot" style="left:{left:.2f}%;bottom:{6 + level * 22}px" title="{tip}"></span>')
        marks.append(
            f'<span class="qa-dot-label" style="left:{left:.2f}%;bottom:{20 + level * 22}px">{escape_text(item.label)}</span>'
        )
    listing = "".join(
        f"<li><b>{escape_text(iso)}</b> {escape_text(item_heading(item))}：{escape_text(text)}</li>"
        for iso, item, text in entries
    )
    return (
        f'<div class="qa-timeline"><div class="qa-axis">{"".join(marks)}</div>'
        f"<ul>{listing}</ul></div>"
    )



def work_points_tab(gr, document: Document | None) -> None:
    with gr.Tab("工作要点一览", id="work-points"):
        if document is None or not document.items:
            gr.Markdown("没有可显示的工作要点：语料中未识别到条目。")
            return
        import pandas as pd

        rows = work_point_rows(document)
        with_deadline = sum(1 for it in document.items if it.deadlines)
        exports = tempfile.mkdtemp(prefix="policy-qa-exports-")
        csv_path, xlsx_path = export_files(rows, exports)

        def frame(selected):
            return pd.DataFrame(selected, columns=HEADERS)

        def count_text(selected):
            return f"显示 {len(selected)} / {len(rows)} 项（其中 {with_deadline} 项有明确期限）"

        with gr.Row():
            query = gr.Textbox(
                label="筛选", placeholder="在所有列中查找，例如：规范性文件、2017年、县（市、区）", scale=4, elem_id="qa-filter"
            )
            csv_button = gr.DownloadButton("下载 CSV", value=str(csv_path), size="sm", elem_id="qa-csv")
            xlsx_button = gr.DownloadButton("下载 Excel", value=str(xlsx_path), size="sm", elem_id="qa-xlsx")
        count = gr.Markdown(count_text(rows), elem_id="qa-count")
        table = gr.Dataframe(
            value=frame(rows),
            headers=HEADERS,
            datatype="str",
            interactive=False,
            wrap=True,
            max_height=2000,
            column_widths=["16%", "6%", "20%", "18%", "26%", "14%"],
            elem_id="qa-table",
        )
        gr.Markdown("### 完成期限时间轴")
        gr.HTML(timeline_html(document), elem_id="qa-timeline")

        def apply_filter(text):
            selected = filter_rows(rows, text)
            new_csv, new_xlsx = export_files(selected, exports)
            return frame(selected), count_text(selected), str(new_csv), str(new_xlsx)

        query.change(
            apply_filter,
            [query],
            [table, count, csv_button, xlsx_button],
            api_visibility="private",
            show_progress="hidden",
            trigger_mode="always_last",
        )


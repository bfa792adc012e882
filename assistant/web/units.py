"""The 本单位任务 tab: every task a unit leads or supports across the documents, as a table, CSV/XLSX and an iCalendar file of its deadlines."""

import hashlib
from datetime import date, timedelta
from pathlib import Path

from ..schema import Document, InputError
from .exports import TempFiles
from .work_points import column_widths, export_files, selected_documents

HEADERS = ["文档", "序号", "任务", "角色", "期限", "责任单位"]
ROLE_ORDER = {"牵头": 0, "责任": 1, "负责": 1, "配合": 2}
MAX_UNIT_CHARS = 60


def unit_choices(documents: list[Document]) -> list[str]:
    """Every unit named as an actor, the most frequent first (then by name)."""
    counts: dict[str, int] = {}
    for doc in documents:
        for item in doc.items:
            for unit in item.units:
                counts[unit] = counts.get(unit, 0) + 1
    return sorted(counts, key=lambda u: (-counts[u], u))


def clean_unit(unit) -> str:
    unit = " ".join(str(unit or "").split())
    if not unit:
        raise InputError("请选择或输入单位名称，例如：市司法局。")
    if len(unit) > MAX_UNIT_CHARS:
        raise InputError(f"单位名称过长（{len(unit)} 字），请不超过 {MAX_UNIT_CHARS} 字。")
    return unit


def unit_tasks(documents: list[Document], unit: str) -> list[dict]:
    """The tasks whose actors name ``unit`` (the whole name or a part of a listed name,
    e.g. 市司法局 in 市司法局（市政府法制办）), with the unit's role and the deadlines."""
    unit = clean_unit(unit)
    out = []
    for doc in documents:
        for item in doc.items:
            actors = [f for f in item.facts_of("actor") if unit in f.value]
            if not actors:
                continue
            roles = sorted({f.role or "负责" for f in actors}, key=lambda r: (ROLE_ORDER.get(r, 3), r))
            out.append({"document": doc, "item": item, "roles": roles, "deadlines": list(item.deadlines)})
    return out


def unit_rows(tasks: list[dict]) -> list[list]:
    return [
        [
            t["document"].title,
            t["item"].label,
            t["item"].title,
            "、".join(t["roles"]),
            "；".join(f"{f.text}（{f.value}）" for f in t["deadlines"]),
            "；".join(t["item"].units),
        ]
        for t in tasks
    ]


def _ical_text(value: str) -> str:
    """RFC 5545 TEXT escaping is done by icalendar; this only drops control characters."""
    return "".join(ch for ch in value if ch >= " " or ch == "\n")


def unit_calendar(unit: str, tasks: list[dict]) -> bytes:
    """An iCalendar (RFC 5545) file with one all-day event per deadline of the unit's
    tasks; deadlines without a calendar date (持续推进) are left out. UIDs are stable, so
    importing the file again updates the events instead of doubling them."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//政策问答助手//policy-qa//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{unit} 任务期限")
    for t in tasks:
        doc, item = t["document"], t["item"]
        for fact in t["deadlines"]:
            try:
                day = date.fromisoformat(str(fact.value))
            except ValueError:
                continue
            event = Event()
            key = f"{doc.doc_id}|{item.number}|{day.isoformat()}|{unit}"
            event.add("uid", hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@policy-qa")
            event.add("dtstamp", _stamp())
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("summary", _ical_text(f"【{'、'.join(t['roles'])}】{item.label} {item.title}"))
            event.add(
                "description",
                _ical_text(f"{doc.label}\n期限：{fact.text}\n责任单位：{'；'.join(item.units)}\n\n{item.text[:500]}"),
            )
            cal.add_component(event)
    return cal.to_ical()


def _stamp():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(microsecond=0)


def unit_exports(unit: str, tasks: list[dict], temp: TempFiles) -> tuple[Path, Path, Path]:
    """CSV, XLSX and ICS of the unit's tasks (one folder per unit and result)."""
    rows = unit_rows(tasks)
    csv_path, xlsx_path = export_files(rows, temp, HEADERS, name="unit-tasks")
    ics_path = csv_path.parent / "deadlines.ics"
    if not ics_path.exists():
        ics_path.write_bytes(unit_calendar(unit, tasks))
    return csv_path, xlsx_path, ics_path


def units_tab(gr, documents_now, selected, changed, temp: TempFiles) -> None:
    """The tab: a unit chosen from the list (or typed), over the documents in ``selected``."""
    import pandas as pd

    def choices(doc_id):
        return gr.Dropdown(choices=unit_choices(selected_documents(documents_now(), doc_id)))

    def lookup(unit, doc_id):
        try:
            unit = clean_unit(unit)
            tasks = unit_tasks(selected_documents(documents_now(), doc_id), unit)
        except InputError as exc:
            gr.Warning(str(exc), title="提示")
            return gr.skip(), str(exc), gr.skip(), gr.skip(), gr.skip()
        if not tasks:
            summary = f"没有找到“{unit}”牵头或参与的任务。可从下拉列表中选择单位名称。"
            return pd.DataFrame([], columns=HEADERS), summary, gr.DownloadButton(visible=False), gr.DownloadButton(visible=False), gr.DownloadButton(visible=False)
        csv_path, xlsx_path, ics_path = unit_exports(unit, tasks, temp)
        lead = sum(1 for t in tasks if "牵头" in t["roles"])
        dated = sum(1 for t in tasks for f in t["deadlines"])
        summary = f"“{unit}”共涉及 {len(tasks)} 项任务（牵头 {lead} 项），{dated} 个完成期限；日历文件（.ics）可导入 Outlook、WPS 等日历。"
        return (
            pd.DataFrame(unit_rows(tasks), columns=HEADERS),
            summary,
            gr.DownloadButton(value=str(csv_path), visible=True),
            gr.DownloadButton(value=str(xlsx_path), visible=True),
            gr.DownloadButton(value=str(ics_path), visible=True),
        )

    with gr.Tab("本单位任务", id="units"):
        with gr.Row(elem_classes="qa-toolbar"):
            unit = gr.Dropdown(
                [], value=None, allow_custom_value=True, filterable=True, label="单位", info="从列表中选择，或直接输入单位名称（如：市司法局）",
                scale=4, elem_id="qa-unit",
            )
            find = gr.Button("查询", variant="primary", scale=0, min_width=90, elem_id="qa-unit-find")
        summary = gr.Markdown(elem_id="qa-unit-summary")
        with gr.Row(elem_classes="qa-toolbar"):
            downloads = [
                gr.DownloadButton(label, visible=False, size="sm", elem_id=f"qa-unit-{fmt}", scale=0, min_width=120)
                for fmt, label in (("csv", "下载 CSV"), ("xlsx", "下载 Excel"), ("ics", "下载日历（.ics）"))
            ]
        table = gr.Dataframe(headers=HEADERS, datatype="str", interactive=False, wrap=True, column_widths=column_widths(HEADERS), max_height=1200, elem_id="qa-unit-table",
                             elem_classes="qa-wide-table")
        gr.on([*changed, selected.change], choices, [selected], [unit], api_visibility="private", show_progress="hidden")
        outputs = [table, summary, *downloads]
        find.click(lookup, [unit, selected], outputs, api_name="unit_tasks", api_visibility="undocumented", show_progress="minimal")
        unit.select(lookup, [unit, selected], outputs, api_visibility="private", show_progress="minimal", trigger_mode="always_last")

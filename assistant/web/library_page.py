"""The 文档管理 tab: upload, list, inspect and remove documents, through the same crash-safe Assistant.ingest/remove as the CLI."""

import logging
from pathlib import Path

from ..documents import facts_summary
from ..library import INGEST_SUFFIXES
from ..schema import AssistantError, Document, InputError
from .auth import may_change_library
from .render import GENERIC_ERROR, escape_lines, escape_text
from .work_points import column_widths

log = logging.getLogger(__name__)

HEADERS = ["标题", "文号/年份", "类型", "添加时间", "任务数", "段落数", "解析提示"]
KINDS = {"notice": "通知", "report": "报告"}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # per file; JSONL files of many reports may be larger
MAX_JSONL_BYTES = 100 * 1024 * 1024
MAX_FILES = 20
NOT_ADMIN = "只有管理员可以修改文档库（ASSISTANT_ADMINS 中列出的账号）；您可以查看文档和提问。"


def library_rows(assistant) -> list[list]:
    """One row per document in use: the bundled corpus first, then the added ones."""
    docs = {d.doc_id: d for d in assistant.documents}
    rows = []
    for entry in assistant.library_entries():
        doc = docs.get(entry["doc_id"])
        rows.append(
            [
                entry["title"],
                entry["number"] or "",
                KINDS.get(entry["kind"], entry["kind"]),
                entry["added"],
                len(doc.items) if doc else 0,
                entry["passages"],
                "；".join(doc.messages) if doc and doc.messages else "",
            ]
        )
    return rows


def document_choices(assistant) -> list[tuple[str, str]]:
    return [(d.label, d.doc_id) for d in assistant.documents]


def tree_html(doc: Document | None) -> str:
    """The parsed document as the CLI's ``show`` prints it: header fields, parse notes,
    chapters, items with their deadlines, units and figures (all escaped)."""
    if doc is None:
        return '<div class="qa-tree">请选择一份文档。</div>'
    m = doc.meta
    fields = [
        ("文号", m.doc_number), ("发文机关", m.issuer), ("主送", m.recipients), ("成文日期", m.signing_date),
        ("印发", f"{m.printer} {m.printing_date}".strip()), ("主办", m.sponsor), ("督办", m.supervisor), ("抄送", "、".join(m.cc)),
    ]
    parts = [f"<h4>{escape_text(doc.label)}</h4><ul>"]
    parts += [f"<li>{label}：{escape_text(value)}</li>" for label, value in fields if value]
    parts += [f'<li class="qa-warning">解析提示：{escape_text(msg)}</li>' for msg in doc.messages]
    parts.append("</ul>")
    if doc.items:
        chapters = {c.number: c for c in doc.chapters}
        current = None
        for item in doc.items:
            if item.chapter != current:
                if current is not None:
                    parts.append("</details>")
                current = item.chapter
                title = chapters[current].ref if current in chapters else "（未分章）"
                parts.append(f"<details open><summary><b>{escape_text(title)}</b></summary>")
            summary = facts_summary(item)
            facts = "".join(
                f"<div class='qa-fact'>{label}：{escape_text('；'.join(summary[key]))}</div>"
                for key, label in (("deadlines", "期限"), ("units", "责任单位"), ("quantities", "数量"), ("references", "依据"))
                if summary[key]
            )
            # the facts stay visible; the item's text opens on a click
            parts.append(
                f"<div class='qa-tree-item'><details><summary>{escape_text(item.ref)}</summary><div>{escape_text(item.text)}</div></details>{facts}</div>"
            )
        parts.append("</details>")
    else:
        for i, section in enumerate(doc.sections, 1):
            text = section.text if len(section.text) <= 80 else section.text[:79] + "…"
            parts.append(f"<div class='qa-fact'>{escape_text(section.title or f'段落{i}')}：{escape_text(text)}</div>")
    return f'<div class="qa-tree">{"".join(parts)}</div>'


def check_uploads(paths: list[str]) -> tuple[list[str], list[str]]:
    """(files to ingest, one Chinese message per refused file): type and size limits."""
    if not paths:
        raise InputError("请先选择要上传的文件（支持 " + "、".join(INGEST_SUFFIXES) + "）。")
    if len(paths) > MAX_FILES:
        raise InputError(f"一次最多上传 {MAX_FILES} 个文件，当前为 {len(paths)} 个。")
    ok, errors = [], []
    for raw in paths:
        path = Path(raw)
        suffix = path.suffix.lower()
        limit = MAX_JSONL_BYTES if suffix == ".jsonl" else MAX_UPLOAD_BYTES
        size = path.stat().st_size if path.exists() else 0
        if suffix not in INGEST_SUFFIXES:
            errors.append(f"{path.name}：不支持的文件类型（支持 {'、'.join(INGEST_SUFFIXES)}），未导入。")
        elif size > limit:
            errors.append(f"{path.name}：文件过大（{size / 1024 / 1024:.1f} MB，上限 {limit // 1024 // 1024} MB），未导入。")
        else:
            ok.append(str(path))
    return ok, errors


def _discard(paths) -> None:
    """Uploaded copies are not needed after the ingest (the library keeps the text)."""
    for raw in paths or []:
        path = Path(raw)
        try:
            path.unlink(missing_ok=True)
            path.parent.rmdir()
        except OSError:
            pass


def library_tab(gr, assistant, warm, selected, changed, version, auth_on: bool, admins) -> None:
    """The tab. Changes are checked on the server for every caller (page or HTTP API):
    with login on, only ``admins`` may add or remove documents."""
    import pandas as pd

    def table():
        return pd.DataFrame(library_rows(assistant), columns=HEADERS)

    def selector(doc_id):
        choices = [("全部文档", "")] + document_choices(assistant)
        return gr.Dropdown(choices=choices, value=doc_id if any(v == doc_id for _, v in choices) else "")

    def refused(request) -> str | None:
        if not warm.ready.is_set():
            return "系统仍在准备索引，请稍候再试。"
        if warm.error:
            return f"初始化失败，无法修改文档库：{warm.error}"
        if not may_change_library(auth_on, admins, getattr(request, "username", None)):
            return NOT_ADMIN
        return None

    def done(message: str, ok: bool, doc_id, number):
        css = "qa-ready" if ok else "qa-error"
        return f'<span class="{css}">{escape_lines(message)}</span>', table(), selector(doc_id), number + 1

    def add(files, doc_id, number, request: gr.Request, progress=gr.Progress()):
        paths = [getattr(f, "name", f) for f in files or []]
        try:
            reason = refused(request)
            if reason:
                gr.Warning(reason, title="无权操作" if reason == NOT_ADMIN else "提示")
                return done(reason, False, doc_id, number)
            ok, errors = check_uploads(paths)
            result = {"added": [], "errors": [], "status": ""}
            if ok:
                progress(0.1, desc="正在读取和解析文件……")
                result = assistant.ingest(ok, progress=lambda message: progress(0.5, desc=str(message)))
            lines = result["added"] + errors + result["errors"]
            if result["status"]:
                lines.append(result["status"])
            good = bool(result["added"]) and not (errors or result["errors"])
            return done("\n".join(lines) or "没有导入任何文件。", good, doc_id, number)
        except AssistantError as exc:
            return done(str(exc) or GENERIC_ERROR, False, doc_id, number)
        except Exception:
            log.exception("upload failed")
            return done(GENERIC_ERROR, False, doc_id, number)
        finally:
            _discard(paths)

    def remove(doc_name, doc_id, number, request: gr.Request):
        try:
            reason = refused(request)
            if reason:
                gr.Warning(reason, title="无权操作" if reason == NOT_ADMIN else "提示")
                return done(reason, False, doc_id, number)
            if not doc_name:
                raise InputError("请先在“查看文档”中选择要删除的文档。")
            message = assistant.remove(str(doc_name))
            return done(message, True, "" if doc_id == doc_name else doc_id, number)
        except AssistantError as exc:
            return done(str(exc) or GENERIC_ERROR, False, doc_id, number)
        except Exception:
            log.exception("remove failed")
            return done(GENERIC_ERROR, False, doc_id, number)

    def show(doc_name):
        doc = next((d for d in assistant.documents if d.doc_id == doc_name), None)
        return tree_html(doc)

    def refresh(doc_name):
        choices = document_choices(assistant)
        value = doc_name if any(v == doc_name for _, v in choices) else None
        return table(), gr.Dropdown(choices=choices, value=value), show(value)

    with gr.Tab("文档管理", id="library"):
        note = "上传后即可在“回答范围”中选择并提问。" + ("只有管理员可以上传或删除文档。" if auth_on else "")
        gr.Markdown(
            f"支持 {'、'.join(INGEST_SUFFIXES)}，单个文件不超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB"
            f"（JSONL 不超过 {MAX_JSONL_BYTES // 1024 // 1024} MB），一次最多 {MAX_FILES} 个。同名文档再次上传会替换旧版本。{note}"
        )
        with gr.Row(elem_classes="qa-toolbar"):
            files = gr.File(label="选择文件", file_count="multiple", file_types=list(INGEST_SUFFIXES), height=150, elem_id="qa-upload", scale=4)
            add_button = gr.Button("添加到文档库", variant="primary", elem_id="qa-upload-add", scale=1, min_width=120)
        result = gr.HTML(elem_id="qa-library-status")
        listing = gr.Dataframe(headers=HEADERS, datatype="str", interactive=False, wrap=True, column_widths=column_widths(HEADERS), elem_id="qa-library-table",
                               elem_classes="qa-wide-table")
        with gr.Row(elem_classes="qa-toolbar"):
            # any name is accepted (the HTTP API names documents by id or title); remove() checks it
            chosen = gr.Dropdown(document_choices(assistant), value=None, allow_custom_value=True, label="查看文档（解析结果）",
                                 elem_id="qa-library-doc", scale=4)
            remove_button = gr.Button("删除所选文档", variant="stop", elem_id="qa-library-remove", scale=1, min_width=120)
        tree = gr.HTML(elem_id="qa-library-tree")

        changes = [result, listing, selected, version]
        add_button.click(add, [files, selected, version], changes, api_name="add_documents", concurrency_id="library",
                         concurrency_limit=1).then(lambda: None, None, [files], api_visibility="private", queue=False)
        remove_button.click(remove, [chosen, selected, version], changes, api_name="remove_document", concurrency_id="library",
                            concurrency_limit=1, js="(name, ...rest) => [confirm('确定删除这份文档吗？删除后不能再就它提问。') ? name : '', ...rest]")
        chosen.change(show, [chosen], [tree], api_visibility="private", show_progress="hidden")
        gr.on([*changed, version.change], refresh, [chosen], [listing, chosen, tree], api_visibility="private", show_progress="hidden")

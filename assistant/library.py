"""Documents added with ``python -m assistant ingest``: read, parse and kept beside the index.

The library lives in ``<index dir>/library/``: one text file per document version, named
by content hash and never rewritten, and ``registry.json``, which lists the documents in
use. Writing the registry (atomically) is the last step of an ingest, so a process
killed before that leaves the previous library and index in use.

>>> lib = Library("indexes")                       # doctest: +SKIP
>>> batch = lib.read(["reports.jsonl"])            # doctest: +SKIP
>>> [e.title for e in batch.entries][:1]           # doctest: +SKIP
['2025年中华人民共和国国务院政府工作报告']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import time
import uuid
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .documents import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, decode_bytes, load_text, looks_like_notice, normalise, parse_notice, parse_report
from .parsecache import SUFFIX as PARSED_SUFFIX
from .progress import bar
from .parsecache import cached_parse
from .schema import Document, InputError, StoreError

log = logging.getLogger(__name__)

LIBRARY = "library"
REGISTRY = "registry.json"
LOCK = ".lock"
INGEST_SUFFIXES = SUPPORTED_SUFFIXES + (".jsonl",)
TITLE_FIELDS = ("title", "标题", "name")
CONTENT_FIELDS = ("content", "text", "正文", "body")


@dataclass(frozen=True)
class Entry:
    """One document of the library."""

    doc_id: str
    title: str
    kind: str  # notice | report
    sha: str  # of the normalised text
    file: str  # text file under library/
    source: str
    added: str
    doc_number: str = ""
    year: str = ""
    passages: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Batch:
    """What one ``ingest`` read: parsed documents and a Chinese message per failure."""

    entries: list[Entry] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # How each document was parsed (see parse_args), so that its parse can be cached
    # without parsing again when the library would parse it the same way.
    parsed_as: dict[str, tuple] = field(default_factory=dict)


def slug(title: str) -> str:
    """A readable, file-safe document id from a title."""
    s = re.sub(r"[^\w\u4e00-\u9fff]+", "-", title).strip("-_")
    return (s[:60] or "doc").lower()


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Library:
    def __init__(self, index_dir: str | Path):
        self.root = Path(index_dir) / LIBRARY

    @contextlib.contextmanager
    def locked(self, progress=None):
        """One ingest or removal at a time per index folder: a second process waits, so
        neither writes a registry without the other's documents."""
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK, "a") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if progress:
                    progress("另一个导入或删除正在进行，等待它完成……")
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- registry

    def entries(self) -> list[Entry]:
        """Documents in use. An unreadable registry is reported and treated as empty (its
        text files are kept, so nothing is lost)."""
        path = self.root / REGISTRY
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [Entry(**row) for row in data["documents"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("library registry %s is unreadable (%s); ingested documents are ignored until it is repaired", path, exc)
            return []

    def registry_ok(self) -> bool:
        path = self.root / REGISTRY
        if not path.exists():
            return True
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            [Entry(**row) for row in data["documents"]]
            return True
        except (OSError, ValueError, KeyError, TypeError):
            return False

    def save(self, entries: list[Entry]) -> None:
        """The commit point of an ingest or a removal."""
        body = {"version": 1, "documents": [e.to_dict() for e in entries]}
        _atomic_write(self.root / REGISTRY, json.dumps(body, ensure_ascii=False, indent=1))

    def documents(self, entries: list[Entry] | None = None) -> list[Document]:
        out = []
        for e in entries if entries is not None else self.entries():
            try:
                text = (self.root / e.file).read_text(encoding="utf-8")
            except OSError as exc:
                log.warning("library file %s of %s is missing: %s", e.file, e.title, exc)
                continue
            out.append(cached_parse(self.parsed_path(e), parse_args(e), text, lambda e=e, text=text: build_document(e, text)))
        return out

    def parsed_path(self, entry: Entry) -> Path:
        """The parse cache of an entry, beside its text."""
        return self.root / (Path(entry.file).stem + PARSED_SUFFIX)

    def store_text(self, entry: Entry, text: str, batch: Batch | None = None) -> None:
        """Keep a document's text; with the ``batch`` that read it, also its parse when the
        library would parse it the same way (so it is not parsed twice)."""
        path = self.root / entry.file
        if not path.exists():
            _atomic_write(path, text)
        if batch is not None and batch.parsed_as.get(entry.doc_id) == (parse_args(entry), text):
            doc = batch.documents[entry.doc_id]
            cached_parse(self.parsed_path(entry), parse_args(entry), text, lambda: doc)

    def prune(self, entries: list[Entry]) -> None:
        """Delete text files no entry uses (left by replaced or removed documents)."""
        used = {e.file for e in entries} | {self.parsed_path(e).name for e in entries}
        for p in [*self.root.glob("*.txt"), *self.root.glob("*" + PARSED_SUFFIX)]:
            if p.name not in used:
                p.unlink(missing_ok=True)
        for p in self.root.glob(".*.tmp"):
            p.unlink(missing_ok=True)

    # -- reading inputs

    def read(self, paths, kind: str = "auto", progress=None) -> Batch:
        """Read files and folders; every failure becomes a message, the rest is kept.
        With ``progress``, long reads show a bar per JSONL file."""
        batch = Batch()
        files: list[Path] = []
        for raw in paths:
            p = Path(raw)
            if p.is_dir():
                found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INGEST_SUFFIXES and f.stem.lower() != "readme")
                if not found:
                    batch.errors.append(f"{p}：文件夹中没有可导入的文件（支持 {'、'.join(INGEST_SUFFIXES)}）。")
                files.extend(found)
            elif not p.exists():
                batch.errors.append(f"{p}：文件不存在。")
            else:
                files.append(p)
        for f in files:
            try:
                if f.suffix.lower() == ".jsonl":
                    self._read_jsonl(f, batch, progress)
                else:
                    text = load_text(f)
                    notice = kind == "notice" or (kind == "auto" and looks_like_notice(text))
                    doc = parse_notice(text, source=str(f)) if notice else parse_report(text, source=str(f))
                    self._add(batch, doc, text, str(f), how=("notice", str(f)) if notice else None)
            except InputError as exc:
                msg = str(exc)
                batch.errors.append(msg if f.name in msg else f"{f.name}：{msg}")
        return batch

    def _read_jsonl(self, path: Path, batch: Batch, progress=None) -> None:
        size = path.stat().st_size
        if size == 0:
            raise InputError("文件为空。")
        if size > MAX_FILE_BYTES * 4:
            raise InputError(f"文件过大（{size // 1024 // 1024} MB）。")
        text = decode_bytes(path.read_bytes(), path.name)
        lines = text.splitlines()
        with bar(sum(map(len, lines)), f"解析 {path.name}", "字", progress) as b:
            for n, line in enumerate(lines, 1):
                self._read_row(path, n, line, batch)
                b.update(len(line))

    def _read_row(self, path: Path, n: int, line: str, batch: Batch) -> None:
        """One line of a JSONL file: a document, or a message in ``batch.errors``."""
        if not line.strip():
            return
        try:
            row = json.loads(line)
        except ValueError:
            batch.errors.append(f"{path.name} 第{n}行：不是有效的 JSON，已跳过。")
            return
        if not isinstance(row, dict):
            batch.errors.append(f"{path.name} 第{n}行：应为 JSON 对象（含 title 和 content 字段），已跳过。")
            return
        title = next((str(row[k]).strip() for k in TITLE_FIELDS if isinstance(row.get(k), str) and row[k].strip()), "")
        content = next((row[k] for k in CONTENT_FIELDS if isinstance(row.get(k), str) and row[k].strip()), "")
        if not title or not content:
            batch.errors.append(f"{path.name} 第{n}行：缺少 title 或 content 字段，已跳过。")
            return
        year = str(row.get("year") or "")
        text = normalise(content)
        try:
            doc = parse_report(text, source=f"{path.name}#{n}", title=title, year=year, doc_id=slug(title))
        except InputError as exc:
            batch.errors.append(f"{path.name} 第{n}行（{title}）：{exc}")
            return
        how = ("report", f"{path.name}#{n}", title, year, slug(title))
        self._add(batch, doc, doc.text, f"{path.name}#{n}", title=title, year=year, how=how if doc.text == text else None)

    def _add(self, batch: Batch, doc: Document, text: str, source: str, title: str = "", year: str = "", how: tuple | None = None) -> None:
        doc_id = slug(doc.doc_id) if not title else slug(title)
        sha = sha_of(text)
        entry = Entry(
            doc_id=doc_id,
            title=title or doc.title,
            kind=doc.kind,
            sha=sha,
            file=f"{doc_id[:40]}-{sha[:12]}.txt",
            source=source,
            added=time.strftime("%Y-%m-%d %H:%M:%S"),
            doc_number=doc.meta.doc_number,
            year=year or doc.meta.year or (doc.meta.signing_date[:4] if doc.meta.signing_date else ""),
        )
        if doc_id in batch.documents:
            batch.errors.append(f"{source}：与本批中的另一份文档同名（{entry.title}），已跳过。")
            return
        batch.entries.append(entry)
        batch.documents[doc_id] = replace(doc, doc_id=doc_id)
        batch.texts[doc_id] = text
        if how is not None:  # the parse_args() of the call that parsed it (a notice: before its id was set)
            batch.parsed_as[doc_id] = ((*how, doc_id) if how[0] == "notice" else how, text)


def parse_args(entry: Entry) -> tuple:
    """Everything besides the text that :func:`build_document` parses an entry with."""
    if entry.kind == "report":
        return ("report", entry.source, entry.title, entry.year, entry.doc_id)
    return ("notice", entry.source, entry.doc_id)


def build_document(entry: Entry, text: str) -> Document:
    """Parse a stored text again (parsing is deterministic, so ids stay the same)."""
    if entry.kind == "report":
        return parse_report(text, source=entry.source, title=entry.title, year=entry.year, doc_id=entry.doc_id)
    return replace(parse_notice(text, source=entry.source), doc_id=entry.doc_id)


def merge(current: list[Entry], batch: Batch, reserved: set[str]) -> tuple[list[Entry], list[str], list[str]]:
    """The registry after an ingest: (entries, messages about each document, errors).
    Same id and same text: unchanged. Same id, new text: replaced. Same text under
    another id: skipped as a duplicate."""
    by_id = {e.doc_id: e for e in current}
    by_sha = {e.sha: e for e in current}
    notes: list[str] = []
    errors: list[str] = []
    out = dict(by_id)
    for e in batch.entries:
        if e.doc_id in reserved:
            errors.append(f"{e.source}：与内置语料中的文档同名（{e.doc_id}），已跳过。请改名后再导入。")
            continue
        old = by_id.get(e.doc_id)
        if old is not None and old.sha == e.sha:
            notes.append(f"未变化：{e.title}")
            continue
        twin = by_sha.get(e.sha)
        if old is None and twin is not None:
            notes.append(f"内容与已有文档“{twin.title}”相同，已跳过：{e.source}")
            continue
        if old is not None:
            notes.append(f"已更新：{e.title}")
            out[e.doc_id] = replace(e, added=old.added)
        else:
            notes.append(f"已添加：{e.title}")
            out[e.doc_id] = e
    return list(out.values()), notes, errors


def find(entries: list, name: str):
    """A document (an :class:`Entry` or a :class:`Document`: anything with ``doc_id`` and
    ``title``) by id, exact title, or a part of the title that only one title has."""
    name = name.strip()
    if not name:
        raise InputError("请给出文档的编号或标题。")
    for e in entries:
        if name in (e.doc_id, e.title):
            return e
    matches = [e for e in entries if name in e.title or name in e.doc_id]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InputError(f"没有找到文档“{name}”。可用 python -m assistant docs 查看文档列表。")
    raise InputError(f"“{name}”对应多份文档：{'、'.join(e.doc_id for e in matches[:5])}……请写出完整编号或标题。")


def check_registry_writable(lib: Library) -> None:
    if not lib.registry_ok():
        raise StoreError(f"文档登记表已损坏：{lib.root / REGISTRY}。为免丢失数据，本次未写入；请修复或删除该文件后重新导入。")

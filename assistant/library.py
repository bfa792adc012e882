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

from .boundary import clean_field, file_label, loads_json
from .config import Limits
from .documents import SUPPORTED_SUFFIXES, decode_bytes, load_text, looks_like_notice, normalise, parse_notice, parse_report
from .documents.loaders import check_length
from .index.parsecache import SUFFIX as PARSED_SUFFIX
from .index.parsecache import cached_parse
from .progress import bar
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
    name: str = ""  # what the id is made from, in full: the JSONL title or the file name (stem)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Batch:
    """What one ``ingest`` read: parsed documents and a Chinese message per failure."""

    entries: list[Entry] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # by doc_id within the batch
    texts: dict[str, str] = field(default_factory=dict)  # by sha
    errors: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)  # by source: what the reader changed or left out


def slug(title: str) -> str:
    """A readable, file-safe document id from a title (cut to 60 characters: two long
    titles can share it, so :func:`merge` makes ids unique with a suffix)."""
    s = re.sub(r"[^\w\u4e00-\u9fff]+", "-", title).strip("-_")
    return (s[:60] or "doc").lower()


def unique_id(base: str, taken) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first one not in ``taken``."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def dropped_lines(text: str, doc: Document) -> list[str]:
    """Lines of a report's text that its parsed document does not contain (a licence note
    and whatever follows it, say), found by reading the parse, not by repeating its rules:
    each line is looked for in the kept text, in order, near where the last one was found."""
    pieces, heading, done = [doc.title], None, 0
    for s in doc.sections:
        # chapters in order, headings with no paragraph under them too
        pieces.extend(c.title for c in doc.chapters[done : s.chapter])
        done = max(done, s.chapter)
        head = s.title.rsplit("·", 1)[0] if "·" in s.title else ""
        if head and head != heading:
            pieces.append(head)
            heading = head
        pieces.append(s.text)
    pieces.extend(c.title for c in doc.chapters[done:])
    kept = "\n".join(pieces)
    out, pos = [], 0
    for raw in text.split("\n"):
        line = raw.strip().strip("\u3000").strip()
        if not line:
            continue
        at = kept.find(line, pos, pos + len(line) + 2000)
        if at >= 0:
            pos = at + len(line)
        elif line != doc.title:
            out.append(line)
    return out


# The licence note that web libraries append to a report (本作品是…公有领域, Public domain)
# is left out by the parser on purpose; beyond this many characters, something else was too.
LICENCE_CHARS = 600
# A heading among the left-out lines means a document follows the licence note, not more of it.
RE_HEADING = re.compile(r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百]+[部章])")


def describe_dropped(lines: list[str]) -> str:
    """The ingest note about text the parser left out: "" for nothing, or for the licence
    note at the end alone (see README); otherwise how much, and where it starts."""
    if not lines:
        return ""
    chars = sum(len(x) for x in lines)
    if lines[0].startswith("本作品") and chars <= LICENCE_CHARS and not any(RE_HEADING.match(x) for x in lines):
        return ""
    first = lines[0] if len(lines[0]) <= 30 else lines[0][:30] + "…"
    return (f"注意：有 {len(lines):,} 行（{chars:,} 字）未导入，自“{first}”起；若其中有正文（例如几篇报告合在一个文件里），"
            "请删去版权说明或把文件拆开后重新导入")


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
        from filelock import FileLock, Timeout

        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / LOCK))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if progress:
                progress("另一个导入或删除正在进行，等待它完成……")
            lock.acquire()
        try:
            yield
        finally:
            lock.release()

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
        """Keep a document's text; with the ``batch`` that read it, also its parse (the
        same parse the library would make), so it is not parsed again."""
        path = self.root / entry.file
        if not path.exists():
            _atomic_write(path, text)
        read = next((e for e in batch.entries if e.sha == entry.sha), None) if batch is not None else None
        if read is not None and read.doc_id in batch.documents:
            doc = replace(batch.documents[read.doc_id], doc_id=entry.doc_id)
            cached_parse(self.parsed_path(entry), parse_args(entry), text, lambda: doc)

    def prune(self, entries: list[Entry]) -> None:
        """Delete text and parse files no entry uses (left by replaced or removed documents)."""
        used = {e.file for e in entries} | {self.parsed_path(e).name for e in entries}
        for p in [*self.root.glob("*.txt"), *self.root.glob("*" + PARSED_SUFFIX)]:
            if p.name not in used:
                p.unlink(missing_ok=True)
        for p in self.root.glob(".*.tmp"):
            p.unlink(missing_ok=True)

    # -- reading inputs

    def read(self, paths, kind: str = "auto", progress=None) -> Batch:
        """Read files and folders; every failure becomes a message, the rest is kept.
        With ``progress``, a JSONL file shows a bar while its rows are parsed."""
        batch = Batch()
        files: list[Path] = []
        for raw in paths:
            p = Path(raw)
            shown = file_label(p)[0]
            if p.is_dir():
                found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INGEST_SUFFIXES and f.stem.lower() != "readme")
                if not found:
                    batch.errors.append(f"{shown}：文件夹中没有可导入的文件（支持 {'、'.join(INGEST_SUFFIXES)}）。")
                files.extend(found)
            elif not p.exists():
                batch.errors.append(f"{shown}：文件不存在。")
            else:
                files.append(p)
        for f in files:
            source, name_note = file_label(f)
            name = Path(source).name
            try:
                if f.suffix.lower() == ".jsonl":
                    self._read_jsonl(f, name, batch, progress)
                    continue
                text = load_text(f)
                notice = kind == "notice" or (kind == "auto" and looks_like_notice(text))
                doc = parse_notice(text, source=source) if notice else parse_report(text, source=source)
                notes = [name_note] if name_note else []
                if doc.kind == "report":
                    notes.append(describe_dropped(dropped_lines(text, doc)))
                self._add(batch, doc, text, source, name=Path(source).stem, notes=notes)
            except InputError as exc:
                msg = str(exc)
                batch.errors.append(msg if name in msg else f"{name}：{msg}")
            except Exception as exc:  # a bug in a parser must not stop the batch or show a traceback
                log.exception("reading %s failed", source)
                batch.errors.append(f"{name}：读取时出现内部错误（{type(exc).__name__}），已跳过；详情已记入日志，请把该文件提供给维护人员。")
        return batch

    def _read_jsonl(self, path: Path, name: str, batch: Batch, progress=None) -> None:
        lim = Limits.load()
        size = path.stat().st_size
        if size == 0:
            raise InputError("文件为空。")
        if size > lim.jsonl_mb * 1024 * 1024:
            raise InputError(f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 {lim.jsonl_mb} MB（ASSISTANT_MAX_JSONL_MB）。")
        lines = decode_bytes(path.read_bytes(), name).splitlines()
        with bar(sum(map(len, lines)), f"解析 {name}", "字", progress) as b:
            for n, line in enumerate(lines, 1):
                self._read_row(line, n, name, batch, lim)
                b.update(len(line))

    def _read_row(self, line: str, n: int, name: str, batch: Batch, lim) -> None:
        """One line of a JSONL file: a document, or a message in ``batch.errors``."""
        if not line.strip():
            return
        where = f"{name} 第{n}行"
        try:
            row = loads_json(line, "", lim=lim)
        except InputError as exc:
            batch.errors.append(f"{where}：{exc}，已跳过。")
            return
        if not isinstance(row, dict):
            batch.errors.append(f"{where}：应为 JSON 对象（含 title 和 content 字段），已跳过。")
            return
        title = next((str(row[k]).strip() for k in TITLE_FIELDS if isinstance(row.get(k), str) and row[k].strip()), "")
        content = next((row[k] for k in CONTENT_FIELDS if isinstance(row.get(k), str) and row[k].strip()), "")
        if not title or not content:
            batch.errors.append(f"{where}：缺少 title 或 content 字段，已跳过。")
            return
        (title, bad_title), (content, bad_content) = clean_field(title), clean_field(content)
        notes = [f"{'、'.join(f for f, bad in (('标题', bad_title), ('正文', bad_content)) if bad)}中有无效的 Unicode 字符（孤立的代理项），已替换为“\ufffd”"] if bad_title or bad_content else []
        year = str(row.get("year") or "")
        try:
            body = normalise(content)
            check_length(body, f"{where}（{title}）", lim)
            doc = parse_report(body, source=f"{name}#{n}", title=title, year=year, doc_id=slug(title))
        except InputError as exc:
            msg = str(exc)
            batch.errors.append(msg if msg.startswith(where) else f"{where}（{title}）：{msg}")
            return
        notes.append(describe_dropped(dropped_lines(body, doc)))
        self._add(batch, doc, doc.text, f"{name}#{n}", title=title, year=year, name=title, notes=notes)

    def _add(self, batch: Batch, doc: Document, text: str, source: str, title: str = "", year: str = "", name: str = "", notes=()) -> None:
        name = name or doc.doc_id
        if any(e.name == name for e in batch.entries):
            batch.errors.append(f"{source}：与本批中的另一份文档同名（{title or doc.title}），已跳过。")
            return
        doc_id = unique_id(slug(name), batch.documents)  # made unique against the library in merge()
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
            name=name,
        )
        batch.entries.append(entry)
        batch.documents[doc_id] = replace(doc, doc_id=doc_id)
        batch.texts[sha] = text
        batch.notes[source] = [n for n in notes if n]


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


def _same_document(old: Entry, new: Entry) -> bool:
    """Whether ``new`` is a version of ``old``: the same full name (JSONL title or file
    name). Entries written before names were recorded match by id and title or file name."""
    if old.name:
        return old.name == new.name
    same_file = "#" not in old.source and Path(old.source).name == Path(new.source).name
    return old.doc_id == slug(new.name) and (old.title == new.title or same_file)


def merge(current: list[Entry], batch: Batch, reserved: set[str]) -> tuple[list[Entry], list[str], list[str]]:
    """The registry after an ingest: (entries, messages about each document, errors).
    The same document (same full name) with the same text: unchanged; with new text:
    replaced. The same text under another name: skipped as a duplicate. A new document
    whose id another document already has gets the next free suffix (``-2``…), and the
    note says so: ids are unique, so no document ever replaces another by accident."""
    out = {e.doc_id: e for e in current}
    by_sha = {e.sha: e for e in current}
    notes: list[str] = []
    errors: list[str] = []
    for e in batch.entries:
        extra = batch.notes.get(e.source, [])
        base = slug(e.name) if e.name else e.doc_id
        if base in reserved:
            errors.append(f"{e.source}：与内置语料中的文档同名（{base}），已跳过。请改名后再导入。")
            continue
        old = next((o for o in out.values() if _same_document(o, e)), None)
        if old is not None and old.sha == e.sha:
            notes.append(f"未变化：{e.title}")
            continue
        twin = by_sha.get(e.sha)
        if old is None and twin is not None:
            notes.append(f"内容与已有文档“{twin.title}”相同，已跳过：{e.source}")
            continue
        if old is not None:
            e = replace(e, doc_id=old.doc_id, file=f"{old.doc_id[:40]}-{e.sha[:12]}.txt", added=old.added)
            message = f"已更新：{e.title}"
        else:
            doc_id = unique_id(base, set(out) | reserved)
            if doc_id != base:
                extra = [f"编号“{base}”已被《{out[base].title}》使用，本文档的编号为“{doc_id}”"] + extra
            e = replace(e, doc_id=doc_id, file=f"{doc_id[:40]}-{e.sha[:12]}.txt")
            message = f"已添加：{e.title}"
        out[e.doc_id] = e
        by_sha[e.sha] = e
        notes.append(message + (f"（{'；'.join(extra)}）" if extra else ""))
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

"""Page-break repair and parsing the structure of a work-points notice or a report.

>>> doc = parse_notice(load_text("corpus/zhengzhou-2017-rule-of-law-work-points.txt"))
>>> doc.meta.doc_number, len(doc.items)
('郑政文〔2017〕60号', 34)
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import facts as factlib
from .loaders import load_text, normalise
from ..schema import (
    Chapter,
    Document,
    DocumentMeta,
    Fact,
    InputError,
    Item,
    Section,
    parse_cn_number,
)

PARSER_VERSION = "1"

CN_NUM = "一二三四五六七八九十百零〇两"
RE_CHAPTER = re.compile(rf"^(?:第([{CN_NUM}\d]+)(?:章|部分)\s*|([{CN_NUM}]+)、\s*)(.+)$")
RE_ITEM = re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*(.+)$")
RE_ARTICLE = re.compile(rf"^第([{CN_NUM}\d]+)条[\s　]*(.*)$")
RE_SUBITEM = re.compile(r"^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])\s*\S")
RE_LABEL = re.compile(r"^(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|完成时限|完成时间|时间节点|主办|督办|抄送|附件)\s*[：:]")
RE_MD_HEADING = re.compile(r"^#{1,6}\s+(.+)$")
RE_DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
RE_PRINTED = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$")
RE_TITLE_END = re.compile(r"(通知|意见|方案|决定|要点|办法|规定|函|批复|报告)$")
RE_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}〔\s*\d{4}\s*〕\s*\d+\s*号")

TERMINATORS = "。！？；：!?;:…"
CLOSERS = "”’」』）)》】\"'"
CLAUSE_PUNCT = "，、；：。,;"
CONTINUING = "的和与及对在把将为从向以于了被并或且"


# ---------------------------------------------------------------- page-break repair


def is_heading(line: str) -> bool:
    """Structural lines that must never be joined to the text before them."""
    return bool(RE_SUBITEM.match(line)) or _is_closed_line(line)


def _is_closed_line(line: str) -> bool:
    """Lines that nothing is ever joined to (a numbered sub-item line can continue)."""
    return bool(
        RE_CHAPTER.match(line)
        or RE_ITEM.match(line)
        or RE_ARTICLE.match(line)
        or RE_LABEL.match(line)
        or RE_MD_HEADING.match(line)
        or RE_DATE_LINE.match(line)
        or RE_PRINTED.match(line)
    )


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
        for m in _SENT_RE.finditer(line):
            s = m.group(0)
            if s.strip():
                out.append(s)
    return tuple(out)


# ---------------------------------------------------------------- parsing


def squash_spaces(text: str) -> str:
    """Remove the spaces PDF extraction puts around digits in Chinese text."""
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef\d])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef\d])", "", text)


def _iso(y: str, m: str, d: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _heading_kind(line: str, item_re) -> str | None:
    if RE_CHAPTER.match(line) and not RE_ITEM.match(line):
        return "chapter"
    if item_re is not None and item_re.match(line):
        return "item"
    return None


def _split_title(rest: str) -> tuple[str, str]:
    """Heading remainder -> (title, body on the same line).

    ``（一）加强管理。各单位要……`` gives the title before the first 。 and the rest as body;
    a long heading line with no 。 split is body with its first clause as title."""
    rest = rest.strip()
    m = re.match(r"^(.{2,40}?)[。．.]\s*(.+)$", rest)
    if m:
        return m.group(1), m.group(2)
    if len(rest) <= 40 and not ends_sentence(rest):
        return rest, ""
    m = re.match(r"^(.{2,40}?)[，,：:]", rest)
    return (m.group(1) if m else rest[:20]), rest


def doc_id_for(source: str, text: str) -> str:
    if source:
        return Path(source).stem
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def parse_notice(text: str, source: str = "") -> Document:
    """Parse a work-points notice into header facts, chapters, items and facts.

    Text with no recognisable chapters or items is returned as plain paragraphs
    (``structured=False``) with a message saying so."""
    text = normalise(text)
    if not text.strip():
        raise InputError("文档内容为空，无法解析。")
    blocks = repair_blocks(text)
    doc_id = doc_id_for(source, text)

    item_re = None
    if any(RE_ITEM.match(b) for b in blocks):
        item_re = RE_ITEM
    elif any(RE_ARTICLE.match(b) for b in blocks):
        item_re = RE_ARTICLE
    first = next((i for i, b in enumerate(blocks) if _heading_kind(b, item_re)), None)
    if first is None:
        return _plain_document(blocks, doc_id, source, text)

    footer_start = next(
        (i for i in range(first, len(blocks)) if re.match(r"^(主办|督办|抄送)\s*[：:]", blocks[i]) or RE_PRINTED.match(blocks[i])),
        len(blocks),
    )
    # A printer line sits just before the 印发 line: it belongs to the footer too.
    if footer_start < len(blocks) and RE_PRINTED.match(blocks[footer_start]) and footer_start - 1 > first:
        footer_start -= 1
    head_blocks, body_blocks, foot_blocks = blocks[:first], blocks[first:footer_start], blocks[footer_start:]

    meta_fields, header_blocks, preamble = _parse_head(head_blocks)
    year = _doc_year(meta_fields, text)
    chapters, items = _parse_body(body_blocks, item_re, year)
    meta_fields.update(_parse_foot(foot_blocks))
    meta = DocumentMeta(**meta_fields)

    sections = []
    if header_blocks:
        sections.append(Section("header", "\n".join(header_blocks), "文件头"))
    if preamble:
        sections.append(Section("preamble", preamble, "制定依据"))
    if chapters:
        chapter_lines = [b for b in body_blocks if _heading_kind(b, item_re) == "chapter"]
        sections.append(Section("chapters", "\n".join(chapter_lines), "章节目录"))
    if foot_blocks:
        sections.append(Section("footer", "\n".join(foot_blocks), "文件尾"))
    preamble_refs = tuple(f for f in factlib.extract_facts([preamble], year) if f.kind == "reference") if preamble else ()
    messages = () if items else ("未识别到条目（（一）或第一条），仅按章节解析。",)
    return Document(
        doc_id=doc_id,
        meta=meta,
        preamble=preamble,
        preamble_refs=preamble_refs,
        chapters=tuple(chapters),
        items=tuple(items),
        sections=tuple(sections),
        structured=True,
        messages=messages,
        source=source,
        text=text,
    )


def _plain_document(blocks: list[str], doc_id: str, source: str, text: str) -> Document:
    sections = tuple(Section("paragraph", b) for b in blocks)
    title = blocks[0] if blocks and len(blocks[0]) <= 60 and not ends_sentence(blocks[0]) else Path(source).stem
    return Document(
        doc_id=doc_id,
        meta=DocumentMeta(title=title),
        sections=sections,
        structured=False,
        messages=("未识别到章节或条目结构，已按普通段落解析。",),
        source=source,
        text=text,
    )


# Headings of reports and speeches: 一、2016年工作回顾 / （三）… / 第二部分 … / 结束语.
RE_REPORT_HEADING = re.compile(rf"^(?:([{CN_NUM}]+)、|[（(]([{CN_NUM}]+)[）)]|第([{CN_NUM}]+)部分)\s*(\S.*)$")
RE_OPENERS = "《“‘（(【「"
# Licence notes that web libraries append after a document (e.g. 本作品是中华人民共和国的法律…公有领域).
RE_BOILERPLATE = re.compile(r"^本作品(?:是|来自).{0,80}|^Public domain$|^(?:true|false)$")


def _report_heading(line: str) -> tuple[int, str] | None:
    """(level, title) of a heading line; level 1 for 一、, 2 for （一）. Headings are short
    and carry no sentence punctuation inside."""
    m = RE_REPORT_HEADING.match(line)
    if m and len(line) <= 40 and not re.search(r"[。；！？]", line[:-1]) and not line.endswith(("，", "、", "：")):
        return (2 if m.group(2) else 1), line
    if line in ("结束语", "结语"):
        return 1, line
    return None


def report_blocks(text: str) -> list[str]:
    """Paragraphs of a report copied from the web: link texts broken onto their own lines
    (``依据《`` / ``中华人民共和国著作权法`` / ``》第五条``) are joined back into their sentence;
    leading ideographic spaces and licence boilerplate at the end are dropped."""
    text = normalise(text)
    blocks: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip().strip("\u3000").strip()
        if not line:
            continue
        if RE_BOILERPLATE.match(line) and ("著作权" in text[text.find(line):] or len(line) < 20):
            if line.startswith("本作品"):
                break
            continue
        prev = blocks[-1] if blocks else None
        join = (
            prev is not None
            and _report_heading(line) is None
            and _report_heading(prev) is None
            and (line[0] in "。，、；：！？》”’）)】」,.;:" or prev[-1] in RE_OPENERS or not ends_sentence(prev) and not prev.endswith(("！", "!")) and prev[-1] not in "：:")
        )
        if join:
            blocks[-1] = prev + line
        else:
            blocks.append(line)
    return blocks


def parse_report(text: str, source: str = "", title: str = "", year: str = "", doc_id: str = "") -> Document:
    """Parse a document that is not a work-points notice (a government work report, a
    speech, a resolution) into headings and paragraphs. Every paragraph keeps its wording;
    its ``title`` is the heading it sits under.

    >>> d = parse_report("各位代表：\n\n一、工作回顾\n\n过去一年，经济增长5%。", title="2020年报告")
    >>> [(s.title, s.text) for s in d.sections]
    [('开头·第1段', '各位代表：'), ('一、工作回顾·第1段', '过去一年，经济增长5%。')]
    """
    text = normalise(text)
    if not text.strip():
        raise InputError("文档内容为空，无法解析。")
    blocks = report_blocks(text)
    if not blocks:
        raise InputError("文档中没有可读取的正文段落。")
    if not title:
        first = blocks[0]
        title = first if len(first) <= 60 and not ends_sentence(first) and not _report_heading(first) else (Path(source).stem if source else "未命名文档")
    if not year:
        m = re.match(r"^\s*(\d{4})\s*年", title)
        year = m.group(1) if m else ""
    chapters: list[Chapter] = []
    sections: list[Section] = []
    heading = "开头" if any(_report_heading(b) for b in blocks) else ""
    chapter_no, count = 0, 0
    for b in blocks:
        h = _report_heading(b)
        if h is not None:
            level, heading = h
            if level == 1:
                chapter_no = len(chapters) + 1
                chapters.append(Chapter(chapter_no, b))
            count = 0
            continue
        if b == title:
            continue
        count += 1
        sections.append(Section("paragraph", b, f"{heading}·第{count}段" if heading else f"第{count}段", chapter_no))
    if not sections:
        raise InputError("文档中没有可读取的正文段落。")
    return Document(
        doc_id=doc_id or doc_id_for(source, text),
        meta=DocumentMeta(title=title, year=year),
        chapters=tuple(chapters),
        sections=tuple(sections),
        structured=False,
        source=source,
        text=text,
        kind="report",
    )


def _doc_year(meta: dict, text: str) -> int | None:
    for key in ("signing_date", "printing_date"):
        if meta.get(key):
            return int(meta[key][:4])
    m = re.search(r"(20\d{2})\s*年", text)
    return int(m.group(1)) if m else None


def _parse_head(blocks: list[str]) -> tuple[dict, list[str], str]:
    meta: dict = {}
    header: list[str] = list(blocks)
    preamble = ""
    date_at = next((i for i, b in enumerate(blocks) if RE_DATE_LINE.match(b)), None)
    # The basis paragraph: the last body paragraph before the first chapter.
    if blocks and ends_sentence(blocks[-1]) and _body_like(blocks[-1]) and (date_at is None or date_at < len(blocks) - 1):
        preamble = blocks[-1]
        header = blocks[:-1]
    for i, b in enumerate(header):
        flat = squash_spaces(b)
        if not meta.get("doc_number"):
            m = RE_DOC_NUMBER.search(flat)
            if m and len(flat) <= len(m.group(0)) + 4:
                meta["doc_number"] = m.group(0)
        if flat.endswith("文件") and len(flat) <= 30 and not meta.get("issuer"):
            meta["issuer"] = flat[: -len("文件")]
        if flat.startswith("关于") and not meta.get("title"):
            issuer = meta.get("issuer", "")
            before = squash_spaces(header[i - 1]) if i else ""
            if not issuer and before and not RE_DOC_NUMBER.search(before):
                issuer = meta["issuer"] = before
            meta["title"] = (before if before == issuer else issuer) + flat
        elif "关于" in flat and RE_TITLE_END.search(flat) and not meta.get("title"):
            meta["title"] = flat
            meta.setdefault("issuer", flat[: flat.index("关于")])
        if flat.endswith(("：", ":")) and not meta.get("recipients") and not RE_LABEL.match(flat):
            meta["recipients"] = flat.rstrip("：:")
        m = RE_DATE_LINE.match(flat)
        if m and not meta.get("signing_date"):
            meta["signing_date"] = _iso(*m.groups())
            rest = [squash_spaces(x) for x in header[i + 1 :] if not _body_like(x)]
            if rest:
                meta["points_title"] = rest[0]
    if not meta.get("title") and header:
        meta["title"] = squash_spaces(header[0])
    if not meta.get("points_title"):
        meta["points_title"] = meta.get("title", "")
    return meta, header, preamble


def _parse_foot(blocks: list[str]) -> dict:
    meta: dict = {}
    cc: list[str] = []
    in_cc = False
    for i, b in enumerate(blocks):
        m = re.match(r"^(主办|督办|抄送)\s*[：:]\s*(.*)$", b)
        printed = RE_PRINTED.match(squash_spaces(b))
        nxt_printed = i + 1 < len(blocks) and RE_PRINTED.match(squash_spaces(blocks[i + 1]))
        if m:
            key, value = m.groups()
            in_cc = key == "抄送"
            if key == "主办":
                meta["sponsor"] = value.rstrip("。")
            elif key == "督办":
                meta["supervisor"] = value.rstrip("。")
            else:
                cc.extend(_split_list(value))
        elif printed:
            meta["printing_date"] = _iso(*printed.groups())
            in_cc = False
        elif nxt_printed:
            meta["printer"] = b
            in_cc = False
        elif in_cc:
            cc.extend(_split_list(b))
    if cc:
        meta["cc"] = tuple(cc)
    return meta


def _split_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[，、,；;。]", text) if p.strip()]


def _parse_body(blocks: list[str], item_re, year: int | None) -> tuple[list[Chapter], list[Item]]:
    chapters: list[tuple[int, str, list[int]]] = []
    raw_items: list[tuple[int, str, int, list[str]]] = []
    chapter_bodies: list[list[str]] = []
    for b in blocks:
        kind = _heading_kind(b, item_re)
        if kind == "chapter":
            m = RE_CHAPTER.match(b)
            number = parse_cn_number(m.group(1) or m.group(2)) or len(chapters) + 1
            chapters.append((number, m.group(3).strip(), []))
            chapter_bodies.append([])
        elif kind == "item":
            m = item_re.match(b)
            number = parse_cn_number(m.group(1)) or len(raw_items) + 1
            title, same_line = _split_title(m.group(2))
            chapter_no = chapters[-1][0] if chapters else 0
            raw_items.append((number, title, chapter_no, [same_line] if same_line else []))
            if chapters:
                chapters[-1][2].append(number)
        elif raw_items and (not chapters or raw_items[-1][2] == chapters[-1][0]):
            raw_items[-1][3].append(b)
        elif chapter_bodies:
            chapter_bodies[-1].append(b)

    if not raw_items and chapters:
        # Chapters with no item headings: each chapter's body is one item.
        for (number, title, ids), body in zip(chapters, chapter_bodies):
            raw_items.append((number, title, number, body))
            ids.append(number)
    # Numbers must be unique: renumber in reading order when the document repeats them.
    if len({r[0] for r in raw_items}) != len(raw_items):
        raw_items = [(i + 1, t, c, body) for i, (_, t, c, body) in enumerate(raw_items)]
        for _, _, ids in chapters:
            ids.clear()
        for number, _, chapter_no, _ in raw_items:
            for ch in chapters:
                if ch[0] == chapter_no:
                    ch[2].append(number)

    items = []
    for number, title, chapter_no, body in raw_items:
        text = "\n".join(body)
        sentences = split_sentences(text)
        items.append(
            Item(
                number=number,
                title=title,
                chapter=chapter_no,
                text=text,
                sentences=sentences,
                facts=tuple(factlib.extract_facts(sentences, year)),
                style="article" if item_re is RE_ARTICLE else "item",
            )
        )
    return [Chapter(n, t, tuple(ids)) for n, t, ids in chapters], items


def parse_file(path: str | Path, kind: str = "notice") -> Document:
    """Load and parse one file: ``kind`` is ``notice``, ``report`` or ``auto`` (a notice
    when items are found, else a report)."""
    text = load_text(path)
    if kind == "report" or (kind == "auto" and not looks_like_notice(text)):
        return parse_report(text, source=str(path))
    return parse_notice(text, source=str(path))


def looks_like_notice(text: str) -> bool:
    """Work items marked （一） or 第一条: parse as a work-points notice, else as a report."""
    return any(RE_ITEM.match(b) or RE_ARTICLE.match(b) for b in repair_blocks(normalise(text)))


def facts_summary(item: Item) -> dict:
    """Deadlines, units and quantities of an item as plain strings (for tables and `show`)."""
    return {
        "deadlines": [f"{f.text}（{f.value}）" for f in item.deadlines],
        "periods": [f.text for f in item.facts_of("period")],
        "units": item.units,
        "quantities": [f.text for f in item.facts_of("quantity")],
        "references": [f.text for f in item.facts_of("reference")],
    }



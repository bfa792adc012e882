"""Parsing a document of the genre into its tree of numbered parts, header and footer
fields, and the facts of each part; and reports (headings and paragraphs).

>>> doc = parse_notice(load_text("corpus/zhengzhou-2017-rule-of-law-work-points.txt"))
>>> doc.meta.doc_number, len(doc.items), len(doc.chapters)
('郑政文〔2017〕60号', 34, 10)
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import facts as factlib
from . import units as unitlib
from .blocks import ends_sentence, is_date_line, layout_blocks, split_sentences
from .header import RE_CONTACT_NOTE, RE_PUBLICITY_NOTE, doc_number, is_footer_start, is_title_part, iso_date, parse_cover, parse_footer, signature_before, signer_names, squash_spaces
from .headings import CN as CN_NUM
from .headings import attachment, heading, marker_key
from .loaders import load_text, normalise
from .tree import RE_TOTAL_CELL, RawNode, build_tree, table_cells
from ..schema import Chapter, Document, DocumentMeta, Fact, InputError, Item, Node, Section

PARSER_VERSION = "56"


def doc_id_for(source: str, text: str) -> str:
    if source:
        return Path(source).stem
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _cover_end(blocks: list[str]) -> int:
    """Index after the cover notice: after its signature date when a date line stands
    between the header and the numbered body (the 印发 notice apart from the document
    it issues); else the first heading."""
    first = next((i for i, b in enumerate(blocks) if _opens_body(b) and not _in_attachment_list(blocks, i)), len(blocks))
    for i, b in enumerate(blocks[: max(first + 1, 1) + 40]):
        if is_date_line(squash_spaces(b)) and sum(1 for x in blocks[i + 1 :] if heading(x) is not None) >= 2:
            if i < first or _cover_is_numbered(blocks, i):
                return i + 1
            break
    return first


# What a duty-list heading that is a unit ends with (stricter than a unit in a tag: a
# heading such as 规范行政权力运行 is no unit).
RE_BODY_END = re.compile(r"(?:局|委|委员会|办|办公室|厅|中心|政府|管委会|部|院|处|科|站|所|队|街道|乡镇|集团|公司|协会|联合会)$")


# A heading that is only a body's name. One ending in 单位 or 企业 counts when the text
# under it opens with that name ((八)物业服务企业 / 物业服务企业在…指导下，主要履行以下职责：),
# not as a task's topic (5.做大做强旅游企业).
RE_SHORT_BODY_END = re.compile(r"(?:单位|企业)$")


def _heading_units(title: str, text: str, line: str = "") -> list[str]:
    """The units a heading consists of (区市场监管局、区商务委), else []."""
    heads = [u.strip() for u in re.split(r"[、，,]", title or "") if u.strip()]

    def body(u: str) -> bool:
        if unitlib.is_unit_name(u) and RE_BODY_END.search(u):
            return True
        # The heading stands alone on its line (not run in: 5.做大做强旅游企业，推动…).
        alone = (line or "").strip().rstrip("。：:").endswith(u)
        return bool(RE_SHORT_BODY_END.search(u)) and len(heads) == 1 and alone and text.lstrip().startswith(u)

    return heads if heads and all(body(u) for u in heads) else []


# A note that the first unit of each list leads (注：排在第一位的为牵头单位).
RE_FIRST_LEADS = re.compile(r"(?:排在第一位|排名第一|排在首位|排第一|列第一位|第一个|首位)的?(?:单位|部门)?(?:为|是)(?:牵头|主要责任)单位")


def _first_unit_leads(item: Item) -> Item:
    """Where the document says the first unit listed leads: in each sentence (or table
    row), the first unit with plain responsibility leads and the others support."""
    from dataclasses import replace as _replace

    seen: set[int] = set()
    facts = []
    for f in item.facts:
        if f.kind == "actor" and f.role == unitlib.RESPONSIBLE:
            f = _replace(f, role=unitlib.LEAD if f.sentence not in seen else unitlib.SUPPORT)
            seen.add(f.sentence)
        facts.append(f)
    return _replace(item, facts=tuple(facts))


# 责任单位：省人社厅（以下均需各设区市人民政府落实，不再列出）: units every later task has too.
ALL_BELOW = "以下均需"
RE_ALL_BELOW = re.compile(r"以下(?:各项)?(?:均需|均由|均要|都需)([^，。；）)]{2,60}?)(?:落实|负责|承担|配合)")


def _units_for_all_below(items: list[Item]) -> list[Item]:
    """Units a task's label says every following task has (以下均需X落实，不再列出), added
    to that task and every one after it, as responsible."""
    from dataclasses import replace as _replace

    extra: list[str] = []
    out = []
    for it in items:
        for i, sentence in enumerate(it.sentences):
            m = RE_ALL_BELOW.search(sentence)
            if m:
                extra = [u for u in re.split(r"[、，,]", m.group(1)) if unitlib.is_unit_name(u)]
                role = unitlib.SUPPORT if m.group(0).endswith("配合") else unitlib.RESPONSIBLE
        if extra:
            have = {f.value for f in it.facts_of("actor")}
            # holder marks a unit the task has by that note, not by a tag of its own.
            added = tuple(Fact("actor", u, u, len(it.sentences) - 1, role=role, holder=ALL_BELOW) for u in extra if u not in have)
            it = _replace(it, facts=it.facts + added) if added else it
        out.append(it)
    return out


def _closing_before_attachments(body: list[str]) -> tuple[list[str], list[str]]:
    """The signature and date that close a notice whose attachments follow them (…任务。
    示范片区管理局 / 2023年3月20日 / 附件：…): taken out of the body, for the footer."""
    for i, b in enumerate(body):
        if is_date_line(squash_spaces(b)) and i + 1 < len(body) and re.match(r"^附\s*[件表]", body[i + 1].strip()):
            sig = signature_before(body, i)
            if sig:
                start = i - len(sig)
                return body[:start] + body[i + 1 :], body[start : i + 1]
    return body, []


def _forwarded_cover(blocks: list[str], cover_end: int, limit: int) -> int:
    """Index after a forwarded notice's cover (its title, 文号, recipients, text, signature
    and date) when the cover before ``cover_end`` forwards one (转发); else 0."""
    if cover_end == 0 or not any("转发" in b for b in blocks[:cover_end]):
        return 0
    for i in range(cover_end, min(limit, cover_end + 12)):
        if _opens_body(blocks[i]):
            return 0
        if is_date_line(squash_spaces(blocks[i])):
            return i + 1
    return 0


def _cover_attachment_list(cover: list[str]) -> list[str]:
    """The ``附件：1.… / 2.…`` lines of a cover notice, when the cover lists its attachments."""
    for i, b in enumerate(cover):
        if re.match(r"^附\s*[件表]\s*[：:]", b.strip()):
            out = [b]
            for c in cover[i + 1 :]:
                if not re.match(r"^\d{1,2}\s*[.．、]", c.strip()) or len(c) > 80:
                    break
                out.append(c)
            return out
    return []


def _in_attachment_list(blocks: list[str], i: int) -> bool:
    """``2.…任务分工表`` under a cover's ``附件：1.…`` line: an entry of the list of
    attachments, not the body's first numbered part."""
    k = i
    while k > 0 and re.match(r"^\d{1,2}\s*[.．、]", blocks[k].strip()) and len(blocks[k]) <= 80 and not blocks[k].rstrip().endswith("。"):
        k -= 1
        if re.match(r"^附\s*[件表]\s*[：:]", blocks[k].strip()):
            return True
    return False


def _opens_body(line: str) -> bool:
    """A numbered heading, an attachment that opens (not the cover's 附件：list), or a
    table row: the body has begun."""
    if heading(line) is not None or table_cells(line) is not None:
        return True
    return attachment(line) is not None and not re.match(r"^附\s*[件表]\s*[：:]", line.strip())


def _cover_is_numbered(blocks: list[str], date_at: int) -> bool:
    """A cover notice with its own numbered points ends at a date line followed by the
    issued document's title."""
    after = date_at + 1
    while after < len(blocks) and (RE_PUBLICITY_NOTE.match(blocks[after].strip()) or RE_CONTACT_NOTE.match(blocks[after].strip())):
        after += 1
    return after < len(blocks) and is_title_part(blocks[after]) and date_at < len(blocks) // 2


def _footer_start(blocks: list[str]) -> int:
    """Index of the footer: 主办/督办/抄送/印发 lines, and a closing signature and date."""
    start = next((i for i, b in enumerate(blocks) if is_footer_start(b)), len(blocks))
    if start < len(blocks) and re.match(r"^\d{4}", squash_spaces(blocks[start])) and start > 0 and not ends_sentence(blocks[start - 1]) and len(blocks[start - 1]) <= 30:
        start -= 1  # the printer line sits just before the 印发 date
    # A signature and date that close the document (no cover notice before the body).
    k = start - 1
    if k >= 0 and is_date_line(squash_spaces(blocks[k])):
        sig = signature_before(blocks, k)
        return k - len(sig)
    return start


def _text_of(node: RawNode) -> str:
    return "\n".join(p for p in node.paras if p)


def _task_nodes(raw: list[RawNode]) -> set[str]:
    """Keys of the nodes that are tasks: articles (with their enumerations), leaves of the
    body and attachments, and the rows of a table whose columns name units or deadlines."""
    children: dict[str, list[RawNode]] = {}
    for n in raw:
        children.setdefault(n.parent, []).append(n)
    article_keys = {n.key for n in raw if n.style == "第一条"}
    tasks = set()
    for n in raw:
        inside_article = any(n.key.startswith(k + ".") for k in article_keys)
        if inside_article or n.style in ("专栏", "文件", "附件", "表"):
            continue
        if n.style == "第一条":
            tasks.add(n.key)
        elif n.style == "行":
            # A row of a task table is a task; its row of totals (合计 | …) is not.
            if (factlib.column_roles(n.table_columns) or any(factlib.RE_DEADLINE_COLUMN.search(c) for c in n.table_columns)) and not RE_TOTAL_CELL.match(n.title):
                tasks.add(n.key)
        elif not [c for c in children.get(n.key, []) if c.style not in ("专栏", "行")]:
            tasks.add(n.key)
    return tasks


def _subtree_text(n: RawNode, raw: list[RawNode]) -> str:
    """An article's text with its enumerations, each line as written."""
    lines = [p for p in n.paras if p]
    for c in raw:
        if c.key.startswith(n.key + "."):
            lines.append(c.line)
            # The heading line already holds the body written on the same line (paras[0]).
            rest = c.paras[1:] if c.paras and c.line.endswith(c.paras[0]) else c.paras
            lines.extend(p for p in rest if p)
    return "\n".join(lines)


def _row_sentences(text: str) -> tuple[str, ...]:
    """A table row's sentences: the sentences of each cell (cells never run together)."""
    out: list[str] = []
    for line in text.split("\n"):
        for cell in line.split("|"):
            out.extend(s.strip() for s in split_sentences(cell.strip()) if s.strip())
    return tuple(out)


def _path(n: RawNode, by_key: dict[str, RawNode]) -> str:
    parts = []
    cur: RawNode | None = n
    while cur is not None:
        if cur.style == "附件":
            parts.append(cur.marker + "/")
        elif cur.style == "文件":
            pass
        elif cur.style == "行":
            parts.append(f"序号{cur.number}" if cur.number else "")
        else:
            parts.append(_display_marker(cur.marker))
        cur = by_key.get(cur.parent)
    return "".join(reversed(parts))


def _display_marker(marker: str) -> str:
    """Markers as answers show them: full-width brackets, 1. for 1．/1﹒."""
    if marker[:1].isdigit():
        return re.sub(r"[.．﹒、]$", ".", marker)
    return marker.replace("(", "（").replace(")", "）")


def _doc_year(meta: dict, text: str) -> int | None:
    for key in ("signing_date", "printing_date"):
        if meta.get(key):
            return int(meta[key][:4])
    m = re.search(r"(20\d{2}|19\d{2})\s*年", text)
    return int(m.group(1)) if m else None


def parse_notice(text: str, source: str = "") -> Document:
    """Parse a notice, plan, opinions or measures: header and footer fields, the tree of
    numbered parts (any depth), the tasks and their facts.

    Text with no numbered parts is returned as plain paragraphs (``structured=False``)
    with a message saying so."""
    text = normalise(text)
    if not text.strip():
        raise InputError("文档内容为空，无法解析。")
    blocks = layout_blocks(text)
    doc_id = doc_id_for(source, text)
    if not any(heading(b) is not None or table_cells(b) is not None for b in blocks):
        # No numbered part and no table: plain paragraphs.
        return _plain_document(blocks, doc_id, source, text)

    cover_end = _cover_end(blocks)
    foot_start = max(cover_end, _footer_start(blocks))
    cover, body, foot = blocks[:cover_end], blocks[cover_end:foot_start], blocks[foot_start:]
    body, closing = _closing_before_attachments(body)
    foot = closing + foot

    forwarded = _forwarded_cover(blocks, cover_end, foot_start)
    meta = parse_cover(cover)
    if forwarded:
        # 转发…的通知: the forwarded notice's cover sits between this one and the body.
        inner = blocks[cover_end:forwarded]
        inner_meta = parse_cover(inner)
        inner_date = next((b for b in reversed(inner) if is_date_line(squash_spaces(b))), "")
        signers = signer_names(signature_before(inner, inner.index(inner_date))) if inner_date else []
        meta.update(
            forwarded_title=inner_meta.get("title", ""), forwarded_number=inner_meta.get("doc_number", ""),
            forwarded_issuer="、".join(signers) or inner_meta.get("issuer", ""), forwarded_date=iso_date(inner_date) if inner_date else "",
        )
        meta.pop("cover_end", None)
    outer = cover
    if forwarded:
        cover, body = cover + blocks[cover_end:forwarded], blocks[forwarded:foot_start]
    date_at = next((i for i in range(len(outer) - 1, -1, -1) if is_date_line(squash_spaces(outer[i]))), None)
    if date_at is not None:
        meta["signing_date"] = iso_date(outer[date_at])
        signers = signer_names(signature_before(outer, date_at))
        if signers:
            # The bodies that sign are the issuers (a title may abbreviate them: 等4部门).
            meta["issuer"] = "、".join(signers)
    footer_meta = parse_footer(foot)
    closing = [b for b in foot if is_date_line(squash_spaces(b))]
    if closing and not meta.get("signing_date"):
        meta["signing_date"] = iso_date(closing[0])
        at = foot.index(closing[0])
        signers = signer_names(signature_before(foot, at))
        if signers and not meta.get("issuer"):
            meta["issuer"] = "、".join(signers)
    meta.update(footer_meta)

    raw, loose, listed = build_tree(body, "body")
    if not listed:
        listed = _cover_attachment_list(cover)
    # The issued document's title and the paragraphs before its first heading.
    issued_title, preamble_blocks = "", []
    if not forwarded and date_at is None and not meta.get("recipients"):
        # A title, then a paragraph and the first heading (关于…的实施意见 / 为…，根据《…》，
        # 提出以下意见。): no cover notice, so the paragraph opens the body.
        lead = next((k for k, b in enumerate(cover) if k > 0 and ends_sentence(b.strip()) and len(b.strip()) > 30), None)
        if lead is not None:
            preamble_blocks, cover = list(cover[lead:]), cover[:lead]
    contacts = [squash_spaces(b.strip()) for b in cover if RE_CONTACT_NOTE.match(b.strip())]
    for k, b in enumerate(loose):
        if RE_CONTACT_NOTE.match(b.strip()):
            # （联系科室：…，联系电话：…）under the signature: the notice's contact, kept
            # with the header.
            contacts.append(squash_spaces(b.strip()))
            continue
        if RE_PUBLICITY_NOTE.match(b.strip()):
            continue
        if not issued_title and not preamble_blocks and is_title_part(b):
            issued_title = squash_spaces(b)
            while k + 1 < len(loose) and is_title_part(loose[k + 1]) and not preamble_blocks:
                k += 1
                issued_title += squash_spaces(loose[k])
                loose[k] = ""
        elif b:
            preamble_blocks.append(b)
    if not meta.get("title") and issued_title:
        meta["title"] = issued_title
    if not meta.get("title") and cover:
        meta["title"] = squash_spaces(cover[0])
    meta["points_title"] = issued_title or meta.get("title", "")
    if contacts:
        meta["contact"] = contacts[0].strip("（）()")
    if listed:
        meta["attachments"] = tuple(listed)
    year = _doc_year(meta, text)
    preamble = "\n".join(preamble_blocks)

    nodes, items, chapters = _finish_tree(raw, year)
    if RE_FIRST_LEADS.search(text):
        items = [_first_unit_leads(it) for it in items]
    items = _units_for_all_below(items)
    sections = []
    if cover:
        sections.append(Section("header", "\n".join([*cover, *(c for c in contacts if c not in cover)]), "文件头"))
    if preamble:
        sections.append(Section("preamble", preamble, "制定依据"))
    if chapters:
        by_key = {n.key: n for n in raw}
        sections.append(Section("chapters", "\n".join(by_key[c.key].line for c in chapters), "章节目录"))
    if listed:
        sections.append(Section("attachments", "\n".join(listed), "附件目录"))
    if foot:
        sections.append(Section("footer", "\n".join(foot), "文件尾"))
    preamble_refs = tuple(f for f in factlib.extract_facts(split_sentences(preamble), year) if f.kind == "reference") if preamble else ()
    messages = () if items else ("未识别到带编号的工作条目，仅按章节解析。",)
    return Document(
        doc_id=doc_id,
        meta=DocumentMeta(**meta),
        preamble=preamble,
        preamble_refs=preamble_refs,
        chapters=tuple(chapters),
        items=tuple(items),
        sections=tuple(sections),
        structured=True,
        messages=messages,
        source=source,
        text=text,
        nodes=tuple(nodes),
    )


def _finish_tree(raw: list[RawNode], year: int | None) -> tuple[list[Node], list[Item], list[Chapter]]:
    """Freeze the raw nodes: sentences and facts per node, items (tasks) numbered in
    reading order, chapters = the top-level parts of the body."""
    by_key = {n.key: n for n in raw}
    tasks = _task_nodes(raw)
    top = [n for n in raw if n.depth == 0 and n.part == "body" and n.style not in ("文件", "行")]
    chapter_of = {}
    for number, c in enumerate(top, 1):
        chapter_of[c.key] = number
    marker_counts: dict[str, int] = {}
    for n in raw:
        # A marker names one part only when no other part of the document has it.
        if n.style not in ("行", "文件"):
            marker_counts[marker_key(n.marker)] = marker_counts.get(marker_key(n.marker), 0) + 1

    all_bracketed = all(n.style == "（一）" for n in raw if n.key in tasks)
    nodes: list[Node] = []
    items: list[Item] = []
    chapter_items: dict[int, list[int]] = {}
    for n in raw:
        is_task = n.key in tasks
        text = _subtree_text(n, raw) if n.style == "第一条" else _text_of(n)
        if is_task and not text.strip() and n.style != "行":
            # A task written wholly on its heading line (1.争取…上半年获批。): its text is that line.
            h = heading(n.line)
            text = h.rest if h is not None else n.title
        if is_task and n.style != "行" and text.strip() and n.title and factlib.deadlines(n.title, year) and not factlib.deadlines(text, year):
            # 2.梳理整改任务清单（9月5日至9月8日）: a time limit in the heading is the task's.
            text = f"{n.title}\n{text}"
        own = _text_of(n)
        if not is_task and n.style not in ("行", "第一条") and n.title and factlib.deadlines(n.title, year) and not factlib.deadlines(own, year):
            # （二）集中整治阶段（2024年4月—9月）over its tasks: the span in the heading is the
            # part's own time limit, a fact of the part (its tasks inherit it when they have none).
            text = own = f"{n.title}\n{own}" if own.strip() else n.title
        sentences = _row_sentences(text) if n.style == "行" else split_sentences(text)
        facts = tuple(factlib.extract_facts(sentences, year, cells=n.cells))
        if is_task and n.style != "行" and sentences and not any(f.kind == "actor" and f.role for f in facts):
            # 10.区市场监管局。做好…: a part of a list of duties headed by its unit(s); or a
            # duty under such a heading ((八)物业服务企业 / 1.指导、督促居民…).
            heads = _heading_units(n.title, _text_of(n), n.line)
            up = n
            while not heads and up.parent and up.parent in by_key:
                up = by_key[up.parent]
                heads = _heading_units(up.title, _text_of(up), up.line)
            facts += tuple(Fact("actor", u, u, 0, role=unitlib.RESPONSIBLE) for u in heads)
        number = len(items) + 1 if is_task else 0
        path = _path(n, by_key)
        nodes.append(
            Node(
                key=n.key, style=n.style, number=n.number, marker=n.marker, title=n.title, text=own,
                parent=n.parent, depth=n.depth, part=n.part, path=path,
                # The sentences the facts point into when the text is the node's own (a table
                # row's are split by cell), so a fact's sentence index is one of these.
                sentences=sentences if text == own else split_sentences(own),
                facts=facts if n.style != "第一条" else tuple(factlib.extract_facts(split_sentences(_text_of(n)), year)),
                cells=tuple(n.cells), task=number, line=n.line,
            )
        )
        if not is_task:
            continue
        root = n
        while root.parent:
            root = by_key[root.parent]
        chapter = chapter_of.get(root.key, 0) if root is not n else 0
        if n.style == "第一条":
            style = "article"
        elif n.style == "（一）" and n.number == number and marker_counts.get(marker_key(n.marker), 0) == 1 and all_bracketed:
            style = "item"  # （一）…（三十四） running on through the whole document: 第（七）项
        else:
            style = n.style
        items.append(
            Item(
                number=number, title=n.title, chapter=chapter, text=text, sentences=sentences, facts=facts,
                style=style, marker=_display_marker(n.marker), path=path, key=n.key,
                unique_marker=marker_counts.get(marker_key(n.marker), 0) == 1,
            )
        )
        if chapter:
            chapter_items.setdefault(chapter, []).append(number)
    chapters = [
        Chapter(number, c.title, tuple(chapter_items.get(number, [])), marker=_display_marker(c.marker), key=c.key)
        for number, c in enumerate(top, 1)
    ]
    return nodes, items, chapters


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


def parse_file(path: str | Path, kind: str = "notice") -> Document:
    """Load and parse one file: ``kind`` is ``notice``, ``report`` or ``auto`` (a notice
    when numbered tasks are found, else a report)."""
    text = load_text(path)
    if kind == "report" or (kind == "auto" and not looks_like_notice(text)):
        return parse_report(text, source=str(path))
    return parse_notice(text, source=str(path))


def looks_like_notice(text: str) -> bool:
    """A 文号 in the header, items （一） or articles 第一条, or a run of 1. tasks: parse
    as a notice; else as a report (headings and paragraphs)."""
    blocks = layout_blocks(normalise(text))
    if any(doc_number(b) for b in blocks[:15]):
        return True
    styles = [h.style for h in (heading(b) for b in blocks) if h is not None]
    return "（一）" in styles or "第一条" in styles or styles.count("1.") >= 3


def facts_summary(item: Item) -> dict:
    """Deadlines, units and quantities of an item as plain strings (for tables and `show`)."""
    return {
        "deadlines": [f"{f.text}（{f.value}）" for f in item.deadlines],
        "open": [f.text for f in item.facts_of("open")] + [f.text for f in item.facts_of("limit")],
        "periods": [f.text for f in item.facts_of("period")],
        "units": item.units,
        "roles": [f"{f.value}（{f.role}）" for f in item.facts_of("actor") if f.role],
        "quantities": [f.text for f in item.facts_of("quantity")],
        "references": [f.text for f in item.facts_of("reference")],
    }

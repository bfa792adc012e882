"""Passages: every retrievable unit of a document (each task whole and by sentence, every
other part with text of its own, header, preamble, chapter list, footer, report
paragraphs), with stable content-hash ids, and the text the dense model sees of each.

>>> from assistant.documents import parse_file
>>> len(passages_of(parse_file("corpus/zhengzhou-2017-rule-of-law-work-points.txt"))) > 34
True
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..schema import Document, Passage

PARAGRAPH_EMBED_CHARS = 128


def passage_id(*parts) -> str:
    """A stable id from what makes a passage what it is (re-indexing is idempotent)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def passages_of(doc: Document) -> list[Passage]:
    """Every retrievable unit of a document: each item whole, each sentence of an item,
    and the header, preamble, chapter list and footer. Ids are content hashes."""
    # A report's headings are kept as written (一、… / 结束语), a notice's are numbered.
    chapters = {c.number: (c.title if doc.kind == "report" else c.ref) for c in doc.chapters}
    title = doc.title
    out: list[Passage] = []
    articles = [n.key for n in doc.nodes if n.style == "第一条"]
    for s in doc.sections:
        if s.kind == "paragraph":
            continue
        out.append(Passage(passage_id(doc.doc_id, s.kind, s.text), doc.doc_id, s.title, "", s.text, kind=s.kind, doc_title=title))
    for item in doc.items:
        chapter = chapters.get(item.chapter, "")
        out.append(Passage(passage_id(doc.doc_id, "item", item.number, item.text), doc.doc_id, item.ref, chapter, item.text, kind="item", item=item.number, doc_title=title))
        for i, sentence in enumerate(item.sentences):
            out.append(
                Passage(
                    passage_id(doc.doc_id, "sentence", item.number, i, sentence),
                    doc.doc_id, item.ref, chapter, sentence, kind="sentence", item=item.number, sentence=i, doc_title=title,
                )
            )
    # Numbered parts that are not tasks but hold text of their own: the opening paragraph
    # of a part with sub-items, 专栏 boxes, table rows that are data, an attachment's note.
    chapter_of = {c.key: c.ref for c in doc.chapters}
    for index, node in enumerate(doc.nodes):
        if node.task or not node.text.strip() or any(node.key.startswith(a + ".") for a in articles):
            continue
        top_key = node.key.split(".")[0]
        chapter = chapter_of.get(top_key, "") if top_key != node.key else ""
        ref = f"{node.path}{node.title}" if node.style not in ("附件", "文件") else f"{node.marker} {node.title}".strip()
        out.append(Passage(passage_id(doc.doc_id, "node", node.key, node.text), doc.doc_id, ref, chapter, node.text, kind="node", sentence=index, doc_title=title))
    for n, s in enumerate(s for s in doc.sections if s.kind == "paragraph"):
        out.append(
            Passage(
                passage_id(doc.doc_id, "paragraph", n, s.text), doc.doc_id, s.title or f"第{n + 1}段", chapters.get(s.chapter, ""),
                s.text, kind="paragraph", sentence=n, doc_title=title,
            )
        )
    return out


def embedding_text(p: Passage) -> str:
    """What the dense model sees: the passage with its item title, so a sentence that
    does not repeat its topic still matches questions about it. Never stored as text."""
    if p.kind in ("item", "sentence", "node"):
        return f"{p.ref}：{p.text}"
    if p.kind == "paragraph":
        # Report paragraphs open with their topic; embedding only the opening keeps a
        # 1-million-character ingest within minutes on two cores (BM25 sees every word).
        head = p.chapter.split("、", 1)[-1] if p.chapter else ""
        return f"{head}：{p.text[:PARAGRAPH_EMBED_CHARS]}" if head else p.text[:PARAGRAPH_EMBED_CHARS]
    return p.text


def with_score(p: Passage, score: float) -> Passage:
    return replace(p, score=round(float(score), 6))

"""Escaping and rendering: questions, answers and sources as HTML that shows text literally."""

import re

from markupsafe import escape

from ..schema import Document, Passage

GENERIC_ERROR = "抱歉，系统出现问题，请稍后重试。"

# Markdown (and gradio's LaTeX) syntax characters. They become numeric character
# references, which marked shows as the character but never reads as syntax, both in
# Markdown text and inside raw HTML blocks.
_MD_SYNTAX = frozenset("\\`*_{}[]()#+-.!|~$:=^%@/;,?")


_ESCAPES = str.maketrans({**{ch: f"&#{ord(ch)};" for ch in _MD_SYNTAX}, **{ch: str(escape(ch)) for ch in "&<>\"'"}})


def escape_text(text: str) -> str:
    """Text -> a string that the chatbot's Markdown + HTML renderer shows literally: HTML's
    special characters as markupsafe spells them, Markdown's as character references.

    >>> escape_text("<b>*x*</b>")
    '&lt;b&gt;&#42;x&#42;&lt;&#47;b&gt;'
    """
    return str(text).translate(_ESCAPES)


def escape_lines(text: str, sep: str = "<br>") -> str:
    """:func:`escape_text` per line, joined with ``sep``; leading spaces dropped so no
    line turns into a Markdown code block."""
    return sep.join(escape_text(line.strip()) for line in str(text).split("\n"))


_MARKER = re.compile(r"\[(\d{1,3})\]")


def render_answer_text(text: str) -> str:
    """Answer text -> escaped Markdown with citation markers shown as superscripts."""
    parts = []
    pos = 0
    for m in _MARKER.finditer(text):
        parts.append(escape_lines(text[pos : m.start()], "\n"))
        parts.append(f'<sup class="qa-mark">&#91;{m.group(1)}&#93;</sup>')
        pos = m.end()
    parts.append(escape_lines(text[pos:], "\n"))
    return "".join(parts)


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_heading(item) -> str:
    """``第（七）项 严格规范性文件管理``."""
    return f"{item.label} {item.title}"


def find_document(documents: list[Document], doc_id: str) -> Document | None:
    for doc in documents:
        if doc.doc_id == doc_id:
            return doc
    return documents[0] if len(documents) == 1 else None


def _cited_sentence(passage: Passage, item) -> str:
    if passage.kind == "sentence" or passage.sentence >= 0:
        if 0 <= passage.sentence < len(item.sentences):
            return item.sentences[passage.sentence]
        return passage.text
    return ""


def highlight(full: str, sentence: str) -> str:
    """Escaped ``full`` with the first occurrence of ``sentence`` wrapped in <mark>."""
    at = full.find(sentence) if sentence else -1
    if at < 0:
        return escape_lines(full)
    end = at + len(sentence)
    return escape_lines(full[:at]) + "<mark>" + escape_lines(sentence) + "</mark>" + escape_lines(full[end:])


def render_source(number: int, passage: Passage, document: Document | None, doc_label: str = "") -> str:
    """One source: heading (item, chapter) and the cited sentence, opening to the full item.
    ``doc_label`` names the document when several are loaded."""
    item = document.item(passage.item) if document is not None and passage.item else None
    if item is not None:
        heading = item_heading(item)
        chapter_obj = document.chapter(item.chapter)
        chapter = chapter_obj.ref if chapter_obj else passage.chapter
        sentence = _cited_sentence(passage, item)
        quote = sentence or passage.text or item.text
        limit = 240 if sentence else 90  # the cited sentence in full; a whole item shortened
        body = highlight(item.text, sentence)
        more = f"{item.label}全文"
    else:
        heading = passage.ref or passage.kind
        chapter = "" if passage.chapter and heading.startswith(passage.chapter) else passage.chapter
        quote = passage.text
        limit = 90
        body = escape_lines(passage.text)
        more = "原文"
    chapter_html = f'<span class="qa-chapter">{escape_text(chapter)}</span>' if chapter else ""
    if doc_label:
        heading = f"{doc_label} {heading}"
    # One line, no blank lines: Markdown must treat the whole source as one HTML block.
    return (
        f'<details class="qa-source"><summary><b>&#91;{number}&#93; {escape_text(heading)}</b>{chapter_html}'
        f'<span class="qa-quote">“{escape_text(_shorten(quote, limit))}”</span></summary>'
        f'<div class="qa-item" title="{escape_text(more)}">{body}</div></details>'
    )


def render_answer(answer, documents: list[Document]) -> str:
    """Full chatbot message for an Answer: text, then its sources."""
    text = render_answer_text(answer.text)
    if not answer.citations:
        return text
    several = len(documents) > 1
    sources = []
    for i, p in enumerate(answer.citations, 1):
        doc = find_document(documents, p.doc_id)
        label = (doc.label if doc is not None else f"《{p.doc_title}》") if several else ""
        sources.append(render_source(i, p, doc, label))
    return text + '\n\n<div class="qa-sources"><div class="qa-sources-title">来源（点击查看原文）</div>' + "".join(sources) + "</div>"


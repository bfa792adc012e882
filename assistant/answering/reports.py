"""Answers from report paragraphs: the best sentence of the best paragraph, a figure
preferred when one is asked for, several reports side by side."""

from __future__ import annotations

import re

from ..documents import split_sentences
from ..retrieval import Hit, Query
from ..retrieval.years import RE_OUTCOME, RE_REVIEW, RE_TARGET
from ..index import fold
from ..schema import Answer
from .draft import RE_FIGURE, Draft, quote, refusal


def paragraphs(composer, query: Query, hits: list[Hit]) -> Answer:
    """Answer from report paragraphs: the best sentence of the best paragraph, named by
    document and heading. When paragraphs of other documents rank about as high, each
    document gets its own line, so the reader sees which says what."""
    found = [h for h in hits if h.key[1] == "paragraph"]
    if RE_OUTCOME.search(query.text) and not RE_TARGET.search(query.text):
        # What a year achieved stands in a report's review chapter, not among its targets.
        found.sort(key=lambda h: not RE_REVIEW.search(h.passage.chapter or h.passage.ref))
    absent = composer.absent_terms(query)
    if absent:
        return refusal(f"文件中没有关于“{absent}”的内容。", "not_stated")
    if not any(h.bm25 > 0 for h in found):
        return refusal("没有在文件中找到与这个问题相关的内容。可以换个说法，或写明报告的年份和要问的工作。", "not_found")
    top = found[0]
    leads = [top]
    for h in found[1:3]:
        if h.key[0] not in {p.key[0] for p in leads} and h.bm25 > 0 and h.score >= 0.8 * top.score:
            leads.append(h)
    q = set(composer.tokens(query.search_text))
    wants_figure = bool(re.search(r"多少|几|比例|比重|规模|增长|增幅|目标|数量|总额|总数|达到", fold(query.search_text)))
    d = Draft()
    for lead_hit in leads:
        # The paragraph of this document (among the first four hits) whose best sentence
        # fits the question best; a lower rank costs a little.
        options = [(rank, h) for rank, h in enumerate(found[:4]) if h.key[0] == lead_hit.key[0]]
        scored = [(weight * (1 - 0.12 * rank), chosen, h) for rank, h in options for weight, chosen in [_best_quote(composer, h.passage.text, q, wants_figure)]]
        _, chosen, h = max(scored, key=lambda t: t[0])
        p = h.passage
        d.add(f"{'；另据' if d.parts else '根据'}{composer.docs[p.doc_id].label}「{p.ref}」：“{quote(chosen, '', 200)}”{d.cite(p)}")
    if len(leads) > 1:
        d.add("。以上内容分别出自不同文件。")
    return d.answer("paragraph")


def _best_quote(composer, text: str, q: set[str], wants_figure: bool) -> tuple[float, str]:
    """(weight, quote) of the sentence(s) of a paragraph that answer the question: the
    IDF-weighted overlap with the question, with a bonus for stating a figure when one
    is asked for; a close second sentence is added, in text order."""
    idf = composer.searcher.bm25.idf
    sentences = [x for x in split_sentences(text) if x.strip()] or [text]
    weight = [sum(idf.get(t, 0.0) for t in q & set(composer.tokens(x))) for x in sentences]
    if wants_figure:
        top = max(weight)
        weight = [w + 0.35 * top if RE_FIGURE.search(x) else w for w, x in zip(weight, sentences)]
    order = sorted(range(len(sentences)), key=lambda i: (-weight[i], i))
    picked = [order[0]]
    if len(order) > 1 and weight[order[1]] >= 0.7 * weight[order[0]] and len(sentences[order[0]]) < 80:
        picked.append(order[1])
    picked.sort()
    joiner = "……" if len(picked) > 1 and picked[1] - picked[0] > 1 else ""
    chosen = joiner.join(sentences[i] for i in picked)
    if len(chosen) < 30 and picked[-1] + 1 < len(sentences):
        chosen += sentences[picked[-1] + 1]
    return weight[order[0]], chosen

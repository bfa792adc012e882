"""Hybrid search (dense + BM25, reciprocal-rank fusion), structural look-ups that run
before similarity, and naming documents in a question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..index import TOKEN_CACHE, BM25Index, fold, with_score
from ..schema import Document, Passage
from .query import Query, items_with_dates


# ---------------------------------------------------------------- hybrid search


@dataclass
class Hit:
    key: tuple  # (doc_id, "item", n) or (doc_id, kind, 0)
    passage: Passage
    score: float = 0.0
    dense: float = 0.0
    bm25: float = 0.0
    reasons: list = field(default_factory=list)


class HybridSearcher:
    """Ranks items and document parts by reciprocal-rank fusion of dense (Chroma) and
    BM25 rankings; explicit references found by :func:`analyse` go first."""

    def __init__(self, docs: list[Document], passages: list[Passage], store, embeddings, dense_weight: float = 1.0, bm25_weight: float = 1.0, rrf_k: int = 20, tokenizer=None):
        self.docs = {d.doc_id: d for d in docs}
        self.passages = passages
        self.by_id = {p.id: p for p in passages}
        self.store = store
        self.embeddings = embeddings
        self.bm25 = BM25Index(passages, cache=store.index_dir / TOKEN_CACHE if store is not None else None, tokenizer=tokenizer)
        self.dense_weight, self.bm25_weight, self.rrf_k = dense_weight, bm25_weight, rrf_k
        self._last_bm25: tuple | None = None  # (query key, ranking) of the last bm25_ranking
        self.heads: dict[tuple, Passage] = {}
        for p in passages:
            key = self.key_of(p)
            if p.kind != "sentence":
                self.heads.setdefault(key, p)

    @staticmethod
    def key_of(p: Passage) -> tuple:
        if p.kind in ("item", "sentence"):
            return (p.doc_id, "item", p.item)
        if p.kind in ("paragraph", "node"):
            return (p.doc_id, p.kind, p.sentence)
        return (p.doc_id, p.kind, 0)

    def dense_ranking(self, text: str, n: int = 80, docs: set[str] | None = None) -> list[tuple[tuple, float]]:
        vector = self.embeddings.embed_query(text)
        best: dict[tuple, float] = {}
        where = None if docs is None else ({"doc_id": next(iter(docs))} if len(docs) == 1 else {"doc_id": {"$in": sorted(docs)}})
        for pid, sim in self.store.query(vector, n, where=where):
            p = self.by_id.get(pid)
            if p is None:
                continue
            key = self.key_of(p)
            best[key] = max(best.get(key, -1.0), sim)
        return sorted(best.items(), key=lambda kv: -kv[1])

    def bm25_ranking(self, text: str, n: int = 80, docs: set[str] | None = None) -> list[tuple[tuple, float]]:
        """Parts by their best passage's BM25 score. The last ranking is kept: the choice of
        the answering part asks again for the one :meth:`search` just made."""
        memo_key = (text, n, frozenset(docs) if docs is not None else None)
        last = self._last_bm25
        if last is not None and last[0] == memo_key:
            return last[1]
        best: dict[tuple, float] = {}
        for p, score in self.bm25.search(text, n, docs):
            key = self.key_of(p)
            best[key] = max(best.get(key, 0.0), score)
        ranking = sorted(best.items(), key=lambda kv: -kv[1])
        self._last_bm25 = (memo_key, ranking)  # one assignment: safe across threads
        return ranking

    def search(self, query: Query, k: int = 5, mode: str = "full", docs: set[str] | None = None, prefer: set[str] | None = None) -> list[Hit]:
        """``mode``: ``dense``, ``bm25``, ``hybrid`` (fusion only) or ``full`` (fusion after
        structural look-ups). ``docs``: only these documents (ids); all when None.
        ``prefer``: documents whose passages count double in the fusion (e.g. the report
        of a year the question names without naming the report)."""
        text = query.search_text
        fused: dict[tuple, Hit] = {}

        def hit(key) -> Hit:
            if key not in fused:
                fused[key] = Hit(key, self.heads[key])
            return fused[key]

        if mode in ("dense", "hybrid", "full"):
            for rank, (key, sim) in enumerate(self.dense_ranking(text, docs=docs)):
                if key in self.heads:
                    h = hit(key)
                    h.dense = sim
                    h.score += self.dense_weight / (self.rrf_k + rank + 1)
        if mode in ("bm25", "hybrid", "full"):
            for rank, (key, score) in enumerate(self.bm25_ranking(text, docs=docs)):
                if key in self.heads:
                    h = hit(key)
                    h.bm25 = score
                    h.score += self.bm25_weight / (self.rrf_k + rank + 1)
        if prefer:
            for h in fused.values():
                if h.key[0] in prefer:
                    h.score *= 2.0
        ranked = sorted(fused.values(), key=lambda h: -h.score)
        if mode == "full":
            first = [h for h in self._structural(query) if docs is None or h.key[0] in docs]
            ranked = first + [h for h in ranked if h.key not in {s.key for s in first}]
        out, seen = [], set()
        for h in ranked:
            if h.key not in seen:
                seen.add(h.key)
                out.append(h)
            if len(out) >= k:
                break
        return out

    def _structural(self, query: Query) -> list[Hit]:
        first: list[Hit] = []
        for doc_id, doc in self.docs.items():
            numbers = list(query.items)
            if query.followup and not numbers:
                numbers = list(query.history_items)
            for n in query.chapters:
                ch = doc.chapter(n)
                if ch:
                    numbers.extend(ch.items)
            if query.dates and not numbers:
                numbers.extend(items_with_dates(doc, query.dates))
            for n in numbers:
                key = (doc_id, "item", n)
                if key in self.heads:
                    first.append(Hit(key, self.heads[key], score=1.0, reasons=["structure"]))
            for part in query.parts:
                if query.items and part != "header":
                    continue
                key = (doc_id, part, 0)
                if key in self.heads:
                    first.append(Hit(key, self.heads[key], score=1.0, reasons=["document"]))
            if query.chapters and (doc_id, "chapters", 0) in self.heads:
                first.append(Hit((doc_id, "chapters", 0), self.heads[(doc_id, "chapters", 0)], score=1.0, reasons=["structure"]))
        return first

    def passages_for(self, hits: list[Hit]) -> list[Passage]:
        return [with_score(h.passage, h.score) for h in hits]

    def best_sentences(self, doc_id: str, item: int, text: str, n: int = 3) -> list[tuple[Passage, float]]:
        """Sentences of one item, most relevant first: reciprocal-rank fusion of dense
        similarity (Chroma, filtered to the item) and BM25 (corpus-wide IDF)."""
        sentences = [p for p in self.passages if p.doc_id == doc_id and p.kind == "sentence" and p.item == item]
        if not sentences:
            return []
        vector = self.embeddings.embed_query(text)
        where = {"$and": [{"doc_id": doc_id}, {"item": item}, {"kind": "sentence"}]}
        dense = dict(self.store.query(vector, len(sentences), where=where))
        lexical = self.bm25.scores_for(text, sentences)
        d_rank = {p.id: r for r, p in enumerate(sorted(sentences, key=lambda p: -dense.get(p.id, 0.0)))}
        b_rank = {p.id: r for r, p in enumerate(sorted(sentences, key=lambda p: -lexical[p.id]))}
        scored = [(p, 1.0 / (3 + d_rank[p.id]) + 1.5 / (3 + b_rank[p.id]) * (lexical[p.id] > 0)) for p in sentences]
        scored.sort(key=lambda t: (-t[1], t[0].sentence))
        return scored[:n]


# ---------------------------------------------------------------- LangChain retriever


# "2019年政府工作报告", "2019年的报告", "2025政府工作报告" (a year, then a kind of document).
RE_DOC_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?(?:的|度)?\s*(?:《)?([\u4e00-\u9fff]{0,12}?)(报告|要点|通知|意见|方案|决议)")
# Words that only say which document is meant: noise for search once the scope is set.
RE_DOC_WORDS = re.compile(r"(?:(?:19|20)\d{2}\s*年?(?:的|度)?\s*)?(?:中华人民共和国)?(?:国务院)?(?:政府工作报告|工作报告|这份报告|该报告|报告)(?:里|中|上|中的|里的)?|哪一?年的?|哪个年份的?")


def named_documents(text: str, docs: list[Document]) -> list[str]:
    """Documents a question names: by 文号, by full title, or by year plus a word of the
    title ("2019年政府工作报告", "2019年的报告"). Ids, in corpus order."""
    t = fold(text)
    found = [d.doc_id for d in docs if d.meta.doc_number and fold(d.meta.doc_number) in t]
    found += [d.doc_id for d in docs if len(d.title) >= 6 and fold(d.title) in t and d.doc_id not in found]
    if found:
        return found
    by_words = _named_by_words(t, docs)
    if by_words:
        return [by_words]
    for m in re.finditer(RE_DOC_MENTION, t):
        year, kind = m.group(1), m.group(3)
        for d in docs:
            title = fold(d.title)
            if (d.meta.year == year or title.startswith(year)) and kind in title and d.doc_id not in found:
                found.append(d.doc_id)
    return found


# Word pairs of titles that say what kind of document it is, not which one.
_GENRE_PAIRS = {"关于", "印发", "通知", "工作", "作要", "要点", "实施", "施方", "方案", "意见", "办法", "暂行", "行办", "指导", "导意", "建设", "推进", "进一", "一步", "加快", "任务", "务分", "分工", "政府", "人民", "民政"}


def _named_by_words(t: str, docs: list[Document]) -> str:
    """A document a question names by part of its title, issuer or place ("某市那个
    旅游工作要点", "某局的考评办法"): at least three shared word pairs, two of them beyond the
    genre words, and clearly more than any other document shares."""
    from .query import bigrams

    def pairs(text: str) -> set[str]:
        # Chinese word pairs, and Latin acronyms whole (RCEP, 5G): they name a document too.
        return bigrams(text) | {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]+|\d+[A-Za-z]+", text)}

    q = pairs(t)
    scored = []
    for d in docs:
        own = pairs(fold(d.title + d.meta.title + d.meta.issuer))
        shared = q & own
        specific = shared - _GENRE_PAIRS
        # An acronym is as telling as a two-word name: it counts twice.
        weight = len(specific) + sum(1 for w in specific if w.isascii())
        scored.append((weight + 0.25 * len(shared), weight, d.doc_id))
    scored.sort(reverse=True)
    if not scored or scored[0][1] < 2:
        return ""
    if len(scored) > 1 and scored[0][0] < scored[1][0] + 1.5:
        return ""
    return scored[0][2]


RE_NAMING_CLAUSE = re.compile(r"^[^，,。？?]{2,40}?(?:里面|里|中|上)(?:的|，|,)?")


RE_NAMING_FILLER = re.compile(r"^(?:那个|这个|那份|这份|那一?篇|关于|有关|文件|的|里面|里|中|上|，|,|\s)+")


def strip_document_words(text: str, doc: Document) -> str:
    """The question without the words that name its document: its 文号, and a leading
    clause ("某市那个旅游工作要点里，") made of the document's title, issuer or place words,
    or a leading run of pieces of its title ("包头那个数字政府考评…" -> "考评…")."""
    from .query import bigrams

    out = text
    if doc.meta.doc_number:
        out = out.replace(doc.meta.doc_number, " ")
    m = RE_NAMING_CLAUSE.match(out.strip())
    if m:
        clause = m.group(0)
        own = bigrams(fold(doc.title + doc.meta.title + doc.meta.issuer)) | {"那个", "这个", "文件"}
        pairs = bigrams(fold(clause))
        if pairs and len(pairs & own) >= max(2, len(pairs) // 2):
            out = out.strip()[m.end() :]
    return (_strip_title_pieces(out.strip(), fold(doc.title + " " + doc.meta.title + " " + doc.meta.issuer)) or text).strip()


# A piece that ends with the kind of document (…旅游工作要点, …管理办法) names the document.
RE_GENRE_PIECE = re.compile(r"(?:工作)?(?:要点|方案|意见|措施|办法|通知|规定|细则|规划|计划)(?:里|中|上|的)?$")


def _strip_title_pieces(text: str, naming: str) -> str:
    """Drop the leading pieces (two or more characters each) found in the naming text,
    and the fillers after them, but the last piece: next to the question it is usually the
    topic (包头那个数字政府考评多久考一次 -> 考评多久考一次), unless a filler shows it names
    the document too (包头那个…). At least four characters of question are left."""
    cuts, rest, at = [], text, 0
    while True:
        folded = fold(rest)
        n = 0
        while n < len(folded) and folded[: n + 1] in naming:
            n += 1
        if n < 2:
            break
        filler = RE_NAMING_FILLER.match(rest[n:])
        step = n + (filler.end() if filler else 0)
        cuts.append((at, at + step, bool(filler)))
        rest, at = rest[step:], at + step
    if not cuts:
        return text
    last = fold(text[cuts[-1][0] : cuts[-1][1]])
    # The last piece is the topic, unless it is only the kind of document (…管理办法规定了…).
    end = cuts[-1][1] if cuts[-1][2] or RE_GENRE_PIECE.search(last.strip()) else cuts[-1][0]
    if len(re.findall(r"[\u4e00-\u9fff]", text[end:])) < 4:
        return text
    return text[end:]


def make_langchain_retriever(assistant, k: int = 5):
    """A LangChain ``BaseRetriever`` over the assistant's full retrieval, for use in chains."""
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document as LCDocument
    from langchain_core.retrievers import BaseRetriever

    class PolicyRetriever(BaseRetriever):
        top_k: int = k

        def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
            return [
                LCDocument(page_content=p.text, metadata={k2: v for k2, v in p.to_dict().items() if k2 != "text"})
                for p in assistant.retrieve(query, k=self.top_k)
            ]

    return PolicyRetriever()

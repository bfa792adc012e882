"""The ``Assistant``: the public API that the CLI, the web chat, quizzes and evals use.

>>> qa = Assistant()                                  # doctest: +SKIP
>>> qa.ask("规范性文件什么时候前要录入数据库？").text   # doctest: +SKIP
'2017年10月底前（2017-10-31）。根据第（七）项「严格规范性文件管理」：“……”[1]'
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from dataclasses import replace
from typing import NamedTuple

from .answering import Composer, LLMWriter
from .answering.draft import merge_answers
from .boundary import check_doc_name, check_history, check_question
from .config import Settings
from .documents import corpus_files, load_text, parse_file
from .index import MANIFEST, TOKEN_CACHE, SentenceTransformerEmbeddings, VectorStore, passages_of
from .index.lexical import Tokenizer, pretokenize
from .index.parsecache import SUFFIX as PARSED_SUFFIX
from .index.parsecache import cached_parse
from .library import REGISTRY, Library, check_registry_writable, find, merge
from .retrieval import RE_DOC_WORDS, HybridSearcher, analyse, clean_question, named_documents, strip_document_words, years_in, years_of
from .retrieval.messages import split_questions
from .retrieval.query import out_of_scope_kind
from .retrieval.years import RE_OUTCOME, RE_TARGET
from .retrieval.typos import correct as correct_typos
from .schema import Answer, AssistantError, Document, InputError, Passage

# What a question about a year asks: what happened (实际, 完成了, 增长了) or what was planned.

# A short yes-or-no question after a refused one that asks for the same list (有名单吗,
# 有具体名字吗): the refusal answers it too.
RE_SAME_THING_ASKED = re.compile(r"(?:有|有没有)?(?:具体)?(?:名单|名字|名称|清单)(?:吗|没有|呢)?")
# "2020年政府工作报告", "2020年的工作报告": a report named by its year.
# A document of the genre named with its year: 2016年…工作要点, 2016年度…任务分工方案.
RE_NOTICE_MENTION = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年(?:度)?(?:的)?[^，。？?\d]{0,20}?(工作要点|要点|实施方案|工作方案|任务分工方案|分工方案|方案|实施意见|指导意见|意见|若干措施|措施|管理办法|办法|行动计划|规划)"
)


def own_years(doc) -> set[str]:
    """The years a document is of: its signature's and printing's, and those of its titles."""
    years = {d[:4] for d in (doc.meta.signing_date, doc.meta.printing_date) if d}
    for title in (doc.meta.points_title, doc.meta.title, doc.title):
        years.update(re.findall(r"((?:19|20)\d{2})", title or ""))
        for a, b in re.findall(r"((?:19|20)\d{2})\s*[-－—~～至到]\s*((?:19|20)\d{2})", title or ""):
            years.update(str(y) for y in range(int(a), int(b) + 1))  # 规划（2015-2020）
    return years


RE_REPORT_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?(?:的|度)?\s*(?:《)?(?:中华人民共和国)?(?:国务院)?(?:政府)?工作报告")
RE_YEAR_WORD = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}|0\d|[5-9]\d)\s*年")

INTERNAL_ERROR = "抱歉，回答这个问题时系统出现内部错误，已记入日志。请换个问法再试，或联系管理员。"

log = logging.getLogger(__name__)

# Chosen on the evaluation set (python -m assistant eval --sweep); see README.
FUSION = {"dense_weight": 1.0, "bm25_weight": 1.0, "rrf_k": 20}
PARSED_DIR = "parsed"  # parses of the corpus files (the library keeps its own beside its texts)


def _tokenizer_for(docs: list[Document]) -> Tokenizer:
    """A tokenizer of these documents' own: the package word list plus their unit names and
    task titles (never shared with another set of documents in the process)."""
    return Tokenizer(terms={f.value for d in docs for it in d.items for f in it.facts_of("actor")} | {it.title for d in docs for it in d.items})


# A question that opens as a continuation of the conversation: 那…, 那么…, 还有…, 另外….
RE_CONTINUES = re.compile(r"^\s*(?:那么?|还有|另外|此外|再问一下)")


class _Engine(NamedTuple):
    """Everything that answers one question. Replaced as a whole when the documents change,
    so a question being answered meanwhile keeps one consistent view."""

    documents: list[Document]
    searcher: HybridSearcher
    composer: Composer


class Assistant:
    """Answers questions about the corpus, quoting the original text.

    Overrides (all optional): ``corpus_dir``, ``index_dir``, ``data_dir``,
    ``embedding_model``, ``chroma_host``, ``chroma_port``; or a ready ``settings``.
    The index is opened (or built) in the constructor unless ``lazy=True``; then
    :meth:`warm_up` does it, reporting progress through ``progress(message)``.

    Components (optional): ``embedder``, anything with ``name``, ``embed_query`` and
    ``embed_documents`` (LangChain's interface); ``store``, a vector store with the
    interface of :class:`~assistant.index.VectorStore` (``open``, ``open_existing``,
    ``fresh``, ``query``, ``built``, ``index_dir``, ``read_manifest``) built with that
    embedder. Missing ones are made from the settings (:meth:`default_embedder`,
    :meth:`default_store`): the bundled m3e-small model and Chroma.
    :mod:`assistant.testing` has a fake of each, for fast tests.
    """

    def __init__(self, settings: Settings | None = None, *, embedder=None, store=None, lazy: bool = False, progress=None, chat_model=None, **overrides):
        self.settings = settings or Settings.load(**overrides)
        self.library = Library(self.settings.index_dir)
        self.corpus: list[Document] = self._load_corpus()
        self._set_documents(self.corpus + self.library.documents())
        if embedder is None:
            embedder = store.embeddings if store is not None else self.default_embedder(self.settings)
        self.embeddings = embedder
        self.store = store if store is not None else self.default_store(self.settings, embedder)
        self._engine: _Engine | None = None
        self._seen: tuple = ()  # index stamp of the documents in use (see refresh)
        self._tried: tuple = ()  # a stamp whose documents had no finished index yet
        self._refreshing = threading.Lock()
        self.writer = LLMWriter(chat_model, self._unit_names()) if chat_model is not None else None
        self.status = ""
        if not lazy:
            self.warm_up(progress)

    def _set_documents(self, docs: list[Document]) -> None:
        self.documents: list[Document] = docs
        self.passages: list[Passage] = [p for d in docs for p in passages_of(d)]
        self.tokenizer = _tokenizer_for(docs)

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **overrides) -> "Assistant":
        """The assistant with the default components (:meth:`default_embedder`, :meth:`default_store`);
        ``overrides`` are settings and the keyword options of the constructor."""
        return cls(settings, **overrides)

    @staticmethod
    def default_embedder(settings: Settings) -> SentenceTransformerEmbeddings:
        """The embedding model the settings name (m3e-small bundled), questions through
        its ONNX export (beside the index unless the settings name a folder) when there is one."""
        return SentenceTransformerEmbeddings(
            settings.model_location(), name=settings.embedding_model, int8=settings.embedding_int8, onnx_dir=settings.query_encoder_dir,
            bf16=settings.embedding_bf16,
        )

    @staticmethod
    def default_store(settings: Settings, embedder) -> VectorStore:
        """Chroma: embedded under the index folder, or the server the settings name."""
        return VectorStore(settings.index_dir, embedder, settings.chroma_host, settings.chroma_port)

    @property
    def searcher(self) -> HybridSearcher | None:
        return self._engine.searcher if self._engine else None

    @property
    def composer(self) -> Composer | None:
        return self._engine.composer if self._engine else None

    @property
    def document(self) -> Document:
        """The default document (the first of the corpus)."""
        return self.documents[0]

    def _load_corpus(self) -> list[Document]:
        files = corpus_files(self.settings.corpus_dir)
        if not files:
            raise InputError(f"语料目录中没有可用的文件：{self.settings.corpus_dir}（支持 .txt .md .docx .pdf .html）")
        docs = []
        for f in files:
            try:
                text = load_text(f)
                cache = self.settings.index_dir / PARSED_DIR / f"{f.name}{PARSED_SUFFIX}"
                docs.append(cached_parse(cache, ("file", str(f)), text, lambda f=f: parse_file(f)))
            except InputError as exc:
                log.warning("skipped %s: %s", f, exc)
        if not docs:
            raise InputError(f"语料目录中的文件都无法读取：{self.settings.corpus_dir}")
        return docs

    def _unit_names(self) -> list[str]:
        return sorted({f.value for d in self.documents for it in d.items for f in it.facts_of("actor")}, key=len, reverse=True)

    def warm_up(self, progress=None) -> str:
        """Open or build the index and load the model; returns a status message."""
        if self.searcher is not None:
            return self.status
        started = time.perf_counter()
        self.status = self.store.open(self.documents, self.passages, progress=progress)
        self._make_searcher(progress)
        self.export_query_encoder()
        self.embeddings.embed_query("预热")
        if self.writer is None and self.settings.llm_base_url:
            self.writer = LLMWriter.from_settings(self.settings, self._unit_names())
        log.info("ready in %.1fs: %s", time.perf_counter() - started, self.status)
        if progress:
            progress(self.status)
        return self.status

    def rebuild(self, progress=None) -> str:
        self.status = self.store.open(self.documents, self.passages, rebuild=True, progress=progress)
        self._make_searcher(progress)
        self.export_query_encoder()
        return self.status

    def export_query_encoder(self, force: bool = False) -> None:
        """Export the model for torch-free questions when this process has it loaded anyway
        (an index build or ingest) or when asked to (``index``), and no export exists."""
        emb = self.embeddings
        if hasattr(emb, "ensure_onnx") and (force or emb.model_loaded) and emb.onnx is None:
            emb.ensure_onnx()

    def _make_searcher(self, progress=None) -> None:
        if progress is not None and self.store.built:  # tokenize new passages with a progress bar first
            pretokenize(self.passages, self.settings.index_dir / TOKEN_CACHE, tokenizer=self.tokenizer, progress=progress)
        searcher = HybridSearcher(self.documents, self.passages, self.store, self.embeddings, tokenizer=self.tokenizer, **FUSION)
        self._engine = _Engine(self.documents, searcher, Composer(self.documents, self.passages, searcher))
        self._seen = self._stamp()

    # -- documents ingested by another process (e.g. the CLI while the web chat runs)

    def _stamp(self) -> tuple:
        """Changes when an ingest or removal (by any process) switched the index or the registry."""
        out = []
        for path in (self.settings.index_dir / MANIFEST, self.library.root / REGISTRY):
            try:
                out.append(os.stat(path).st_mtime_ns)
            except OSError:
                out.append(None)
        return tuple(out)

    def refresh(self) -> bool:
        """Take up documents that another process ingested or removed since this one
        loaded them; True when the documents in use changed. Questions asked meanwhile are
        answered from the previous documents. Nothing changes while an ingest is half done
        (index switched, registry not yet written): the next call tries again."""
        if self._engine is None or self._stamp() in (self._seen, self._tried):
            return False
        with self._refreshing:
            stamp = self._stamp()
            if stamp in (self._seen, self._tried):
                return False
            docs = self.corpus + self.library.documents()
            passages = [p for d in docs for p in passages_of(d)]
            store = self.store.fresh()
            if not store.open_existing(docs, passages):
                self._tried = stamp  # parsed for nothing: wait until the files change again
                return False
            tokenizer = _tokenizer_for(docs)
            searcher = HybridSearcher(docs, passages, store, self.embeddings, tokenizer=tokenizer, **FUSION)
            engine = _Engine(docs, searcher, Composer(docs, passages, searcher))
            self.store, self.documents, self.passages, self._engine, self._seen = store, docs, passages, engine, stamp
            self.tokenizer = tokenizer
            log.info("documents changed on disk: %d in use now", len(docs))
            return True

    def _refresh_soon(self) -> None:
        """Check for documents changed on disk; reload them in the background, so the
        question that noticed it is not kept waiting."""
        if self._engine is not None and self._stamp() not in (self._seen, self._tried) and not self._refreshing.locked():
            threading.Thread(target=self._refresh_quietly, name="refresh-documents", daemon=True).start()

    def _refresh_quietly(self) -> None:
        try:
            self.refresh()
        except Exception:  # a broken ingest elsewhere must not break answering here
            log.exception("could not take up the changed documents")

    # -- the library of added documents

    def ingest(self, paths, kind: str = "auto", progress=None) -> dict:
        """Add files, folders or JSONL files of documents. Returns ``added`` (notes),
        ``errors`` (one Chinese message per failed file or line) and ``status``.
        Failures never touch the index; the registry is written last, so an ingest that
        is killed leaves the previous documents and index in use. Ingests and removals of
        one index folder take turns (another process's ingest is waited for)."""
        check_registry_writable(self.library)
        batch = self.library.read(paths, kind=kind, progress=progress)
        with self.library.locked(progress):
            current = self.library.entries()
            entries, notes, errors = merge(current, batch, {d.doc_id for d in self.corpus})
            errors = batch.errors + errors
            if entries == current:
                return {"added": notes, "errors": errors, "status": "文档没有变化，索引未改动。"}
            for e in entries:
                if e.sha in batch.texts:
                    self.library.store_text(e, batch.texts[e.sha], batch)
            status = self._switch(entries, progress)
        return {"added": notes, "errors": errors, "status": status}

    def remove(self, name: str, progress=None) -> str:
        """Remove an ingested document by id or title; the bundled corpus cannot be removed."""
        check_registry_writable(self.library)
        name = check_doc_name(name) or ""
        if any(name in (d.doc_id, d.title) for d in self.corpus):
            raise InputError(f"“{name}”属于内置语料（{self.settings.corpus_dir}），不能用 remove 删除。")
        with self.library.locked(progress):
            current = self.library.entries()
            entry = find(current, name)
            self._switch([e for e in current if e.doc_id != entry.doc_id], progress)
        return f"已删除：{entry.title}"

    def library_entries(self) -> list[dict]:
        """Every document in use: the bundled corpus first, then ingested ones."""
        counts: dict[str, int] = {}
        for p in self.passages:
            counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
        rows = [
            {"doc_id": d.doc_id, "title": d.title, "number": d.meta.doc_number or d.meta.year, "passages": counts.get(d.doc_id, 0),
             "added": "（内置语料）", "kind": d.kind}
            for d in self.corpus
        ]
        for e in self.library.entries():
            rows.append({"doc_id": e.doc_id, "title": e.title, "number": e.doc_number or e.year, "passages": counts.get(e.doc_id, e.passages),
                         "added": e.added, "kind": e.kind})
        return rows

    def _switch(self, entries, progress=None) -> str:
        docs = self.corpus + self.library.documents(entries)
        self._set_documents(docs)
        counts: dict[str, int] = {}
        for p in self.passages:
            counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
        self.status = self.store.open(self.documents, self.passages, progress=progress)
        self.library.save([replace(e, passages=counts.get(e.doc_id, 0)) for e in entries])
        self.library.prune(entries)
        self._make_searcher(progress)
        self.export_query_encoder()
        return self.status

    def resolve_doc(self, name: str | None, documents: list[Document] | None = None) -> str | None:
        """The doc_id a user named (id, title or a unique part of a title), or None for all."""
        if name is None or not str(name).strip():
            return None
        return find(self.documents if documents is None else documents, str(name)).doc_id

    def _scope(self, docs: list[Document], question: str, doc: str | None, history=None) -> tuple[set[str] | None, Document]:
        """The documents a question is limited to (None: all) and the one it is mainly about:
        the ``doc`` argument, else documents the question names, else, for a short
        follow-up, the one document the previous answer quoted, else the default."""
        if doc is not None and str(doc).strip():
            doc_id = self.resolve_doc(doc, docs)
            return {doc_id}, next(d for d in docs if d.doc_id == doc_id)
        if len(docs) > 1:
            text = clean_question(question)
            named = named_documents(text, docs)
            if not named and history and isinstance(history, list) and (len(re.sub(r"\W", "", text)) <= 15 or RE_CONTINUES.match(text)):
                # A short follow-up, or one that opens as a continuation (那…, 还有…): the
                # document the previous answer quoted, else the one the previous question named.
                last = next((t.get("content") for t in reversed(history) if isinstance(t, dict) and t.get("role") == "assistant"), None)
                quoted = [d.doc_id for d in docs if isinstance(last, str) and f"《{d.title}》" in last]
                asked = next((t.get("content") for t in reversed(history) if isinstance(t, dict) and t.get("role") == "user"), None)
                before = named_documents(clean_question(asked), docs) if isinstance(asked, str) and len(quoted) != 1 else []
                named = quoted if len(quoted) == 1 else before if len(before) == 1 else []
            if named:
                return set(named), next(d for d in docs if d.doc_id == named[0])
        return None, self.document

    def _analyse(self, engine: _Engine, question: str, history, doc: str | None):
        # 数椐 for 数据, 跟新 for 更新: the documents' word, before anything reads the question.
        question = correct_typos(question, engine.composer.corpus_folded, engine.searcher.bm25.tokenizer)
        scope, primary = self._scope(engine.documents, question, doc, history)
        query = analyse(question, history, primary)
        if len(engine.documents) > 1:
            # A year or place that a loaded document covers is not a reason to refuse.
            docs = [d for d in engine.documents if scope is None or d.doc_id in scope]
            # Both at once: one document must cover the year and mention the place, so that
            # "郑州市2025年的财政预算" is not answered from a national 2025 report.
            year = query.other_year[:4]

            # A year's outcome is covered by the next year's report too.
            next_year = str(int(year) + 1) if year and RE_OUTCOME.search(question) else ""

            def covers(d: Document) -> bool:
                own = {d.meta.year, d.title[:4]}
                return (not year or year in own or (next_year and next_year in own) or year in years_of(d)) and (
                    not query.other_place or query.other_place in d.text
                )

            if (query.other_year or query.other_place) and any(covers(d) for d in docs):
                query = replace(query, other_year="", other_place="")
            reports = {d.meta.year or d.title[:4] for d in docs if d.kind == "report"}
            asked = years_in(question)
            if reports and asked and RE_OUTCOME.search(question) and not RE_TARGET.search(question):
                missing = [y for y in asked if str(int(y) + 1) not in reports]
                if missing and not query.other_year:
                    # The year's outcome would be in the next year's report, which is not loaded.
                    query = replace(query, other_year=f"{missing[0]}年的实际完成情况（见于次年的政府工作报告）")
            for m in RE_NOTICE_MENTION.finditer(question):
                # "平潭2016年放管服改革任务分工方案": a document by its year. A loaded document
                # of the genre is of the years its title and signature give, not every year
                # its text names.
                if "报告" in m.group(0):
                    continue  # 2019年报告里提到的十四五规划: the report's year
                if any(re.search(rf"{m.group(1)}\s*年[^，。？?\d]{{0,20}}?{m.group(2)}", d.text) for d in docs):
                    continue  # 2030年达标区域的系统方案: a plan a loaded document speaks of
                notices = [d for d in docs if d.kind != "report"]
                if not query.other_year and not query.missing_document and notices and not any(m.group(1) in own_years(d) for d in notices):
                    query = replace(query, missing_document=m.group(0))
            for m in RE_REPORT_MENTION.finditer(question):
                if reports and m.group(1) not in reports and not query.other_year and not query.missing_document:
                    # "2020年政府工作报告定的…": a report by its year that is not loaded.
                    query = replace(query, missing_document=f"{m.group(1)}年的政府工作报告")
            # "哪一年的政府工作报告提出…": the words naming the document say nothing about the topic.
            topic = RE_DOC_WORDS.sub(" ", query.search_text).strip()
            if doc is None and scope is not None and primary.kind != "report":
                # "XX市那个工作要点里，…": once the document is known, the words that
                # named it say nothing about what is asked.
                topic = strip_document_words(topic, primary)
            if topic != query.search_text and len(re.sub(r"\W", "", topic)) >= 2:
                query = replace(query, search_text=topic)
                if query.out_of_scope and not out_of_scope_kind(topic):
                    # The cue was in the words that named the document (电视电话会议).
                    query = replace(query, out_of_scope="")
        return query, scope, primary

    @staticmethod
    def _topic_document(engine: _Engine, hits, scope) -> Document | None:
        """With several notices loaded and none named, the document the best hits come
        from (fused scores summed per document over the top hits). Reports keep their
        own multi-document answers."""
        if scope is not None or len(engine.documents) < 2 or not hits:
            return None
        by_id = {d.doc_id: d for d in engine.documents}
        votes: dict[str, float] = {}
        for h in hits[:5]:
            votes[h.key[0]] = votes.get(h.key[0], 0.0) + h.score
        best = by_id.get(max(votes, key=votes.get))
        return best if best is not None and best.kind != "report" else None

    def _reanalyse(self, engine: _Engine, question: str, history, doc: Document):
        query, _, _ = self._analyse(engine, question, history, doc.doc_id)
        return query

    def _preferred(self, docs: list[Document], question: str, scope: set[str] | None) -> set[str] | None:
        """Reports of the years a question names ("2009年 4万亿 投资计划"), to rank first
        when the question names no document: a report speaks mostly of its own year."""
        if scope is not None or len(docs) < 2:
            return None
        years = set(years_in(question))
        if RE_OUTCOME.search(question):
            # A year's outcome is reported in the next year's report (2016年实际新增就业 ->
            # the 2017 report), its targets in its own; asked both, both.
            after = {str(int(y) + 1) for y in years}
            years = years | after if RE_TARGET.search(question) else after
        found = {d.doc_id for d in docs if d.kind == "report" and (d.meta.year in years or d.title[:4] in years)}
        return found or None

    def retrieve(self, question: str, k: int = 5, mode: str = "full", history=None, doc: str | None = None) -> list[Passage]:
        """The ``k`` best passages (whole items or document parts), best first; ``doc``
        limits them to one document (id or title). Bad input raises :class:`InputError`;
        any other failure is logged and raised as an :class:`AssistantError` in Chinese."""
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise InputError(f"k 必须是正整数，当前为：{k!r}")
        question, history, doc = self._checked(question, history, doc)
        try:
            self.warm_up()
            self._refresh_soon()
            engine = self._engine
            query, scope, _ = self._analyse(engine, question, history, doc)
            hits = engine.searcher.search(query, k=k, mode=mode, docs=scope, prefer=self._preferred(engine.documents, question, scope))
            return engine.searcher.passages_for(hits)
        except AssistantError:
            raise
        except Exception as exc:
            log.exception("retrieve failed for question %r", question[:200])
            raise AssistantError(INTERNAL_ERROR) from exc

    @staticmethod
    def _checked(question, history, doc):
        """The boundary: question, history and document name as the rest may use them."""
        return check_question(question), check_history(history), check_doc_name(doc)

    def ask(self, question: str, history: list[dict] | None = None, doc: str | None = None) -> Answer:
        """Answer a question in Chinese with citation markers; see :class:`Answer`.
        ``doc`` limits the answer to one document (id or title). Never raises: a question
        that cannot be used (empty, too long, a bad history) or a failure gives an answer
        whose ``text`` says so in Chinese, with ``refused`` true and ``intent`` "error"."""
        try:
            question, history, doc = self._checked(question, history, doc)
            parts = split_questions(question)
            if len(parts) == 1:
                return self._ask(question, history, doc)
            # Several questions in one message: each answered in turn, the earlier ones as
            # the conversation so far (so "转化率呢" is asked like the question before it).
            answers, turns = [], list(history or [])
            for part in parts:
                if answers and answers[0].refused and (
                    (answers[0].intent == "out_of_scope" and len(re.sub(r"\W", "", part)) <= 12)
                    or (answers[0].intent == "not_stated" and RE_SAME_THING_ASKED.fullmatch(re.sub(r"\W", "", part)))
                ):
                    # "2018年还搞吗？怎么安排的？": a short question after one about something the
                    # documents do not hold asks about that same thing.
                    continue
                answers.append(self._ask(part, turns, doc))
                turns = turns + [{"role": "user", "content": part}, {"role": "assistant", "content": answers[-1].text}]
            return merge_answers(answers) if len(answers) > 1 else answers[0]
        except AssistantError as exc:
            return Answer(text=str(exc) or INTERNAL_ERROR, refused=True, intent="error")
        except Exception:
            log.exception("ask failed for question %r", question[:200] if isinstance(question, str) else question)
            return Answer(text=INTERNAL_ERROR, refused=True, intent="error")

    def _ask(self, question: str, history: list[dict] | None, doc: str | None) -> Answer:
        self.warm_up()
        self._refresh_soon()
        engine = self._engine
        t0 = time.perf_counter()
        query, scope, primary = self._analyse(engine, question, history, doc)
        t1 = time.perf_counter()
        preferred = self._preferred(engine.documents, question, scope)
        hits = engine.searcher.search(query, k=5, docs=scope, prefer=preferred)
        if preferred:
            # The reports of the asked year (Y+1 for a year's results) are searched on their
            # own too: among 70 reports, theirs need not make the first five.
            # The year chose the report; inside it, the year's own mentions ("2012年底…")
            # say nothing about the asked figure.
            yearless = replace(query, search_text=RE_YEAR_WORD.sub(" ", query.search_text))
            own = [h for h in engine.searcher.search(yearless, k=3, docs=preferred) if h.bm25 > 0]
            hits = own + [h for h in hits if h.key not in {o.key for o in own}][: max(0, 5 - len(own))]
        topic = self._topic_document(engine, hits, scope)
        if topic is not None and topic is not primary:
            # No document named: the one whose passages answer best is the one asked about.
            query = self._reanalyse(engine, question, history, topic)
            primary, scope = topic, {topic.doc_id}
            hits = engine.searcher.search(query, k=5, docs=scope)
        t2 = time.perf_counter()
        answer = engine.composer.for_doc(primary, scoped=scope is not None and len(scope) == 1).compose(query, hits)
        if self.writer is not None:
            answer = self.writer.rewrite(query.text, answer)
        t3 = time.perf_counter()
        answer.timings.update(analyse=t1 - t0, retrieve=t2 - t1, compose=t3 - t2)
        return answer

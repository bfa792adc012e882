"""The ``Assistant``: the public API that the CLI, the web chat, quizzes and evals use.

>>> qa = Assistant()                                  # doctest: +SKIP
>>> qa.ask("规范性文件什么时候前要录入数据库？").text   # doctest: +SKIP
'2017年10月底前（2017-10-31）。根据第（七）项「严格规范性文件管理」：“……”[1]'
"""

from __future__ import annotations

import logging
import time

from .answering import Composer, LLMWriter
from .config import Settings
from .documents import corpus_files, parse_file
from .index import SentenceTransformerEmbeddings, VectorStore, add_terms, passages_of
from .retrieval import HybridSearcher, analyse
from .schema import Answer, Document, InputError, Passage

log = logging.getLogger(__name__)

# Chosen on the evaluation set (python -m assistant eval --sweep); see README.
FUSION = {"dense_weight": 1.0, "bm25_weight": 1.0, "rrf_k": 20}


class Assistant:
    """Answers questions about the corpus, quoting the original text.

    Overrides (all optional): ``corpus_dir``, ``index_dir``, ``data_dir``,
    ``embedding_model``, ``chroma_host``, ``chroma_port``; or a ready ``settings``.
    The index is opened (or built) in the constructor unless ``lazy=True``; then
    :meth:`warm_up` does it, reporting progress through ``progress(message)``.
    """

    def __init__(self, settings: Settings | None = None, *, lazy: bool = False, progress=None, chat_model=None, **overrides):
        self.settings = settings or Settings.load(**overrides)
        self.documents: list[Document] = self._load_corpus()
        self.passages: list[Passage] = [p for d in self.documents for p in passages_of(d)]
        add_terms({f.value for d in self.documents for it in d.items for f in it.facts_of("actor")} | {it.title for d in self.documents for it in d.items})
        self.embeddings = SentenceTransformerEmbeddings(self.settings.model_location(), name=self.settings.embedding_model)
        self.store = VectorStore(self.settings.index_dir, self.embeddings, self.settings.chroma_host, self.settings.chroma_port)
        self.searcher: HybridSearcher | None = None
        self.composer: Composer | None = None
        self.writer = LLMWriter(chat_model, self._unit_names()) if chat_model is not None else None
        self.status = ""
        if not lazy:
            self.warm_up(progress)

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
                docs.append(parse_file(f))
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
        self.searcher = HybridSearcher(self.documents, self.passages, self.store, self.embeddings, **FUSION)
        self.composer = Composer(self.documents, self.passages, self.searcher)
        self.embeddings.embed_query("预热")
        if self.writer is None and self.settings.llm_base_url:
            self.writer = LLMWriter.from_settings(self.settings, self._unit_names())
        log.info("ready in %.1fs: %s", time.perf_counter() - started, self.status)
        if progress:
            progress(self.status)
        return self.status

    def rebuild(self, progress=None) -> str:
        self.status = self.store.open(self.documents, self.passages, rebuild=True, progress=progress)
        self.searcher = HybridSearcher(self.documents, self.passages, self.store, self.embeddings, **FUSION)
        self.composer = Composer(self.documents, self.passages, self.searcher)
        return self.status

    def retrieve(self, question: str, k: int = 5, mode: str = "full", history=None) -> list[Passage]:
        """The ``k`` best passages (whole items or document parts), best first."""
        if not isinstance(k, int) or k < 1:
            raise InputError(f"k 必须是正整数，当前为：{k!r}")
        self.warm_up()
        query = analyse(question, history, self.document)
        return self.searcher.passages_for(self.searcher.search(query, k=k, mode=mode))

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer a question in Chinese with citation markers; see :class:`Answer`."""
        self.warm_up()
        t0 = time.perf_counter()
        query = analyse(question, history, self.document)
        t1 = time.perf_counter()
        hits = self.searcher.search(query, k=5)
        t2 = time.perf_counter()
        answer = self.composer.compose(query, hits)
        if self.writer is not None:
            answer = self.writer.rewrite(query.text, answer)
        t3 = time.perf_counter()
        answer.timings.update(analyse=t1 - t0, retrieve=t2 - t1, compose=t3 - t2)
        return answer

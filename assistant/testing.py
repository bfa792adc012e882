"""Stand-ins for the embedding model and the Chroma store, for fast tests.

``HashingEmbeddings`` turns a text into a fixed-size vector of hashed character n-grams
(after :func:`fold`), so texts sharing words are similar and the same text always gives
the same vector; nothing is random and no model is loaded. ``MemoryStore`` keeps the
vectors in memory and answers the store queries the searcher makes (``doc_id`` equal or
``$in``, ``item``, ``kind``, ``$and``), with the open/build life cycle of
:class:`assistant.index.VectorStore`.

>>> emb = HashingEmbeddings()
>>> a, b, c = (emb.embed_query(t) for t in ("规范性文件录入数据库", "规范性文件什么时候录入数据库", "政府法律顾问制度"))
>>> round(sum(x * y for x, y in zip(a, b)), 2) > round(sum(x * y for x, y in zip(a, c)), 2)
True
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from .index import corpus_key, embedding_text, passage_metadata
from .index.lexical import fold
from .schema import Document, Passage, StoreError


class HashingEmbeddings:
    """Deterministic embeddings: each character n-gram (``ngrams`` lengths) of the folded
    text adds ±1 to one of ``dimensions`` slots chosen by its CRC32; the vector is
    normalised to length 1 (all zeros for a text without characters)."""

    def __init__(self, dimensions: int = 512, ngrams: tuple[int, ...] = (1, 2)):
        self.dimensions = dimensions
        self.ngrams = ngrams
        self.name = f"hashing-{dimensions}-{'-'.join(map(str, ngrams))}"
        self.model_location = ""

    def _vector(self, text: str) -> np.ndarray:
        t = "".join(ch for ch in fold(text) if ch.isalnum())
        v = np.zeros(self.dimensions, dtype=np.float32)
        for n in self.ngrams:
            for i in range(len(t) - n + 1):
                h = zlib.crc32(t[i : i + n].encode("utf-8"))
                v[h % self.dimensions] += 1.0 if (h >> 16) & 1 else -1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dimensions), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_documents(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text).tolist()


def _matches(meta: dict, where: dict | None) -> bool:
    """The subset of Chroma's ``where`` language the searcher uses."""
    if not where:
        return True
    for key, cond in where.items():
        if key == "$and":
            if not all(_matches(meta, c) for c in cond):
                return False
        elif key == "$or":
            if not any(_matches(meta, c) for c in cond):
                return False
        elif isinstance(cond, dict):
            for op, value in cond.items():
                if op == "$eq":
                    ok = meta.get(key) == value
                elif op == "$ne":
                    ok = meta.get(key) != value
                elif op == "$in":
                    ok = meta.get(key) in value
                elif op == "$nin":
                    ok = meta.get(key) not in value
                else:
                    raise ValueError(f"MemoryStore does not support the where operator {op!r}")
                if not ok:
                    return False
        elif meta.get(key) != cond:
            return False
    return True


class MemoryStore:
    """Passage vectors in memory, with the interface of :class:`~assistant.index.VectorStore`
    that the :class:`~assistant.service.Assistant` and the searcher use. ``index_dir`` is
    where the searcher keeps its BM25 token cache; no vectors are written there."""

    def __init__(self, embeddings, index_dir: Path | str):
        self.embeddings = embeddings
        self.index_dir = Path(index_dir)
        self.built = False
        self._key: str | None = None
        self._ids: list[str] = []
        self._meta: list[dict] = []
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._known: dict[str, np.ndarray] = {}

    def fresh(self) -> "MemoryStore":
        """An empty store of the same kind (a running assistant opens documents changed on
        disk into a new store while the old one keeps answering)."""
        return MemoryStore(self.embeddings, self.index_dir)

    def read_manifest(self) -> dict | None:
        return None

    def open(self, docs: list[Document], passages: list[Passage], rebuild: bool = False, progress=None) -> str:
        key = corpus_key(docs, self.embeddings.name)
        self.built = False
        if not rebuild and key == self._key and len(self._ids) == len(passages):
            return "已加载现有索引。"
        reason = "首次构建索引" if self._key is None else ("按要求重建索引" if rebuild else "语料、解析器或向量模型已变化，正在更新索引")
        todo = [p for p in passages if p.id not in self._known]
        if progress:
            progress(f"{reason}（{len(passages)} 个段落，需向量化 {len(todo)} 个）……")
        texts: dict[str, list[str]] = {}
        for p in todo:
            texts.setdefault(embedding_text(p), []).append(p.id)
        order = list(texts)
        for text, vector in zip(order, self.embeddings.encode_documents(order)):
            for pid in texts[text]:
                self._known[pid] = vector
        wanted = {p.id for p in passages}
        self._known = {pid: v for pid, v in self._known.items() if pid in wanted}
        self._ids = [p.id for p in passages]
        self._meta = [passage_metadata(p) for p in passages]
        self._matrix = np.stack([self._known[p.id] for p in passages]) if passages else np.zeros((0, 0), dtype=np.float32)
        self._key = key
        self.built = True
        return f"{reason}：完成（新向量化 {len(todo)} 个段落，共 {len(passages)} 个），用时 0.0 秒。"

    def open_existing(self, docs: list[Document], passages: list[Passage]) -> bool:
        """Nothing persists between stores in memory: opening is building."""
        self.open(docs, passages)
        return True

    def query(self, vector: list[float], n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) best first; ties in passage order."""
        if self._key is None:
            raise StoreError("向量检索失败：索引尚未打开。")
        rows = [i for i, m in enumerate(self._meta) if _matches(m, where)]
        if not rows:
            return []
        sims = self._matrix[rows] @ np.asarray(vector, dtype=np.float32)
        best = np.argsort(-sims, kind="stable")[: max(1, n)]
        return [(self._ids[rows[i]], float(sims[i])) for i in best]


def small_assistant(folder: Path, files: dict[str, str]):
    """An assistant over a few small documents (file name -> text) written under
    ``folder``, with :class:`HashingEmbeddings` and :class:`MemoryStore`: for fast tests
    of parsing and answers on documents written for the test."""
    from .service import Assistant

    folder = Path(folder)
    corpus, index, data = folder / "corpus", folder / "index", folder / "data"
    for path in (corpus, index, data):
        path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    embedder = HashingEmbeddings()
    return Assistant(corpus_dir=corpus, index_dir=index, data_dir=data, embedder=embedder, store=MemoryStore(embedder, index))


"""Passages, embeddings, the Chroma store (embedded or server), BM25 and the index manifest.

The embedded store is built in a fresh folder and switched to by atomically
replacing ``manifest.json``, so a crash mid-build leaves the previous index usable.

>>> from assistant.documents import parse_file
>>> len(passages_of(parse_file("corpus/zhengzhou-2017-rule-of-law-work-points.txt"))) > 34
True
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import time
import unicodedata
import uuid
from dataclasses import replace
from importlib import resources
from pathlib import Path

from langchain_core.embeddings import Embeddings

from .documents import PARSER_VERSION
from .schema import Document, InputError, Passage, StoreError

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
COLLECTION_PREFIX = "pqa_"
MAX_QUERY_CHARS = 512


# ---------------------------------------------------------------- passages


def _pid(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def passages_of(doc: Document) -> list[Passage]:
    """Every retrievable unit of a document: each item whole, each sentence of an item,
    and the header, preamble, chapter list and footer. Ids are content hashes."""
    chapters = {c.number: c.ref for c in doc.chapters}
    title = doc.title
    out: list[Passage] = []
    for s in doc.sections:
        if s.kind == "paragraph":
            continue
        out.append(Passage(_pid(doc.doc_id, s.kind, s.text), doc.doc_id, s.title, "", s.text, kind=s.kind, doc_title=title))
    for item in doc.items:
        chapter = chapters.get(item.chapter, "")
        out.append(Passage(_pid(doc.doc_id, "item", item.number, item.text), doc.doc_id, item.ref, chapter, item.text, kind="item", item=item.number, doc_title=title))
        for i, sentence in enumerate(item.sentences):
            out.append(
                Passage(
                    _pid(doc.doc_id, "sentence", item.number, i, sentence),
                    doc.doc_id, item.ref, chapter, sentence, kind="sentence", item=item.number, sentence=i, doc_title=title,
                )
            )
    heading = ""
    for n, s in enumerate(s for s in doc.sections if s.kind == "paragraph"):
        out.append(Passage(_pid(doc.doc_id, "paragraph", n, s.text), doc.doc_id, s.title or heading or f"第{n + 1}段", s.chapter and str(s.chapter) or "", s.text, kind="paragraph", sentence=n, doc_title=title))
    return out


def embedding_text(p: Passage) -> str:
    """What the dense model sees: the passage with its item title, so a sentence that
    does not repeat its topic still matches questions about it. Never stored as text."""
    if p.kind in ("item", "sentence"):
        return f"{p.ref}：{p.text}"
    return p.text


# ---------------------------------------------------------------- text folding and tokens

try:
    from zhconv import convert as _zh_convert
except ImportError:  # pragma: no cover - declared dependency
    _zh_convert = None


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), traditional to simplified, lower case."""
    text = unicodedata.normalize("NFKC", text)
    if _zh_convert is not None:
        text = _zh_convert(text, "zh-cn")
    return text.lower()


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    words = resources.files("assistant").joinpath("data/userdict.txt").read_text(encoding="utf-8")
    for line in words.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            jieba.add_word(fold(line), freq=200000)
    return jieba


def add_terms(terms) -> None:
    """Teach the tokenizer a corpus's own unit names and item titles."""
    jb = _jieba()
    for t in terms:
        t = fold(t)
        if 2 <= len(t) <= 20:
            jb.add_word(t, freq=200000)


STOPWORDS = set(
    "的 了 吗 呢 啊 吧 么 是 有 在 和 与 及 或 要 把 被 对 于 为 将 就 都 也 还 又 这 那 哪 谁 什么 怎么 怎样 如何 多少 几 "
    "个 项 条 些 哪些 哪个 我 我们 你 你们 他 她 它 请 问 一下 一个 这个 那个 这项 那项 该 其 之 啊 呀 哦 嗯 请问 告诉 说 "
    "时候 需要 应该 可以 能 会 让 给 去 做 没有 有没有 吗 是不是 文件 通知 规定".split()
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """BM25 tokens: jieba search-mode words plus CJK character bigrams (robust to typos
    and unsegmented words), after folding; stopwords and punctuation dropped."""
    text = fold(text)
    jb = _jieba()
    out = [w for w in jb.cut_for_search(text) if w.strip() and not _PUNCT.fullmatch(w) and w not in STOPWORDS]
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        bigrams = [run[i : i + 2] for i in range(len(run) - 1)]
        out.extend(bigrams)
        # Homophone typos (数据哭 for 数据库) are the commonest input-method slips: match on sound too.
        out.extend("py:" + pinyin(b) for b in bigrams)
    return out


@functools.lru_cache(maxsize=65536)
def pinyin(text: str) -> str:
    """Toneless pinyin of a Chinese string, syllables joined: 文号 -> wenhao."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


class BM25Index:
    """BM25 over jieba tokens of the passages; scores only, ranking is left to fusion."""

    def __init__(self, passages: list[Passage]):
        from rank_bm25 import BM25Okapi

        self.passages = passages
        corpus = [tokens((p.ref + " " if p.kind == "item" else "") + p.text) for p in passages]
        self.bm25 = BM25Okapi(corpus) if passages else None

    def scores_for(self, query: str, passages: list[Passage]) -> dict[str, float]:
        """BM25 scores of the given passages (by id) for a query."""
        q = tokens(query)
        if not self.bm25 or not q:
            return {p.id: 0.0 for p in passages}
        index = {p.id: i for i, p in enumerate(self.passages)}
        wanted = [index[p.id] for p in passages if p.id in index]
        scores = self.bm25.get_batch_scores(q, wanted)
        out = {p.id: 0.0 for p in passages}
        out.update({self.passages[i].id: float(sc) for i, sc in zip(wanted, scores)})
        return out

    def search(self, query: str, n: int = 50) -> list[tuple[Passage, float]]:
        if not self.bm25:
            return []
        q = tokens(query)
        if not q:
            return []
        scores = self.bm25.get_scores(q)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:n]
        return [(self.passages[i], float(scores[i])) for i in order if scores[i] > 0]


# ---------------------------------------------------------------- embeddings


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over a sentence-transformers model, loaded on first use.

    >>> emb = SentenceTransformerEmbeddings("/path/to/m3e-small")  # doctest: +SKIP
    >>> len(emb.embed_query("规范性文件"))  # doctest: +SKIP
    512
    """

    def __init__(self, model: str, name: str | None = None, batch_size: int = 32):
        self.model_location = model
        self.name = name or model
        self.batch_size = batch_size
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(self.model_location, device="cpu")
            except Exception as exc:  # many loader errors: missing files, no network for a hub name
                raise InputError(
                    f"无法加载向量模型“{self.name}”：{type(exc).__name__}。请确认 ASSISTANT_EMBEDDING_MODEL 指向本机已有的 "
                    "sentence-transformers 模型目录（本环境无法联网下载模型）。"
                ) from None
        return self._model

    @property
    def dimensions(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed_documents(self, texts: list[str], progress: bool = False) -> list[list[float]]:
        vectors = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=progress, convert_to_numpy=True
        )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return list(self._embed_query_cached(text[:MAX_QUERY_CHARS]))

    @functools.lru_cache(maxsize=2048)
    def _embed_query_cached(self, text: str) -> tuple[float, ...]:
        vector = self.model.encode([text], normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)[0]
        return tuple(float(x) for x in vector)


# ---------------------------------------------------------------- Chroma


def chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def corpus_key(docs: list[Document], model_name: str) -> str:
    h = hashlib.sha256()
    h.update(f"parser={PARSER_VERSION};model={model_name}".encode())
    for d in sorted(docs, key=lambda d: d.doc_id):
        h.update(d.doc_id.encode())
        h.update(hashlib.sha256(d.text.encode("utf-8")).digest())
    return h.hexdigest()


class VectorStore:
    """Chroma collection of passages with our own embeddings.

    Embedded (``PersistentClient`` under ``index_dir/store-<build>``) by default; a
    ``chroma run`` server when ``host`` is given."""

    def __init__(self, index_dir: Path, embeddings: SentenceTransformerEmbeddings, host: str | None = None, port: int = 8000):
        self.index_dir = Path(index_dir)
        self.embeddings = embeddings
        self.host, self.port = host, port
        self._client = None
        self.collection = None

    # -- manifest

    def read_manifest(self) -> dict | None:
        path = self.index_dir / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("index manifest %s is unreadable", path)
            return {}
        return data if isinstance(data, dict) else {}

    def _write_manifest(self, data: dict) -> None:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.index_dir / f".{MANIFEST}.{uuid.uuid4().hex}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.index_dir / MANIFEST)

    # -- clients

    def _server_client(self):
        import chromadb

        try:
            client = chromadb.HttpClient(host=self.host, port=self.port, settings=chroma_settings())
            client.heartbeat()
        except Exception as exc:
            raise StoreError(
                f"无法连接 Chroma 服务器 {self.host}:{self.port}（{type(exc).__name__}）。请确认服务已启动"
                f"（chroma run --host {self.host} --port {self.port}），或取消 ASSISTANT_CHROMA_HOST 以使用本地索引。"
            ) from None
        return client

    @staticmethod
    def _local_client(path: Path):
        import chromadb

        return chromadb.PersistentClient(path=str(path), settings=chroma_settings())

    # -- open or build

    def open(self, docs: list[Document], passages: list[Passage], rebuild: bool = False, progress=None) -> str:
        """Open the index that matches ``docs``, building it when missing, stale or broken.
        Returns a short status message in Chinese."""
        key = corpus_key(docs, self.embeddings.name)
        manifest = self.read_manifest()
        if not rebuild and manifest and manifest.get("corpus_key") == key and self._try_open(manifest, len(passages)):
            return "已加载现有索引。"
        if manifest is None:
            reason = "首次构建索引"
        elif manifest == {}:
            reason = "索引清单损坏，正在重建"
        elif rebuild:
            reason = "按要求重建索引"
        elif manifest.get("corpus_key") != key:
            reason = "语料、解析器或向量模型已变化，正在重建索引"
        else:
            reason = "索引不完整或已损坏，正在重建"
        if progress:
            progress(f"{reason}（{len(passages)} 个段落）……")
        started = time.perf_counter()
        self._build(key, docs, passages, progress)
        return f"{reason}：完成，用时 {time.perf_counter() - started:.1f} 秒。"

    def _try_open(self, manifest: dict, expected: int) -> bool:
        try:
            if self.host:
                client = self._server_client()
                collection = client.get_collection(manifest["collection"])
            else:
                store = self.index_dir / manifest["store"]
                if not (store / "chroma.sqlite3").is_file():
                    return False
                client = self._local_client(store)
                collection = client.get_collection(manifest["collection"])
            if collection.count() != expected:
                return False
        except StoreError:
            raise
        except Exception as exc:  # a damaged store raises from sqlite, the Rust bindings or KeyError
            log.warning("index could not be opened: %s", exc)
            return False
        self._client, self.collection = client, collection
        return True

    def _build(self, key: str, docs: list[Document], passages: list[Passage], progress=None) -> None:
        build = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
        name = f"{COLLECTION_PREFIX}{key[:16]}_{build.replace('-', '_')}"
        store_name = f"store-{build}"
        if self.host:
            client = self._server_client()
        else:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            client = self._local_client(self.index_dir / store_name)
        collection = client.create_collection(name=name, embedding_function=None, metadata={"hnsw:space": "cosine"})
        texts = [embedding_text(p) for p in passages]
        batch = 64
        bar = _progress_bar(len(passages), progress)
        for start in range(0, len(passages), batch):
            chunk = passages[start : start + batch]
            vectors = self.embeddings.embed_documents(texts[start : start + batch])
            collection.add(
                ids=[p.id for p in chunk],
                embeddings=vectors,
                documents=[p.text for p in chunk],
                metadatas=[_metadata(p) for p in chunk],
            )
            bar.update(len(chunk))
        bar.close()
        old = self.read_manifest() or {}
        self._write_manifest(
            {
                "embedding_model": self.embeddings.name,
                "model_location": self.embeddings.model_location,
                "dimensions": self.embeddings.dimensions,
                "parser_version": PARSER_VERSION,
                "corpus_key": key,
                "documents": [{"doc_id": d.doc_id, "title": d.title, "source": Path(d.source).name} for d in docs],
                "passages": len(passages),
                "collection": name,
                "store": None if self.host else store_name,
                "server": f"{self.host}:{self.port}" if self.host else None,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
        )
        self._client, self.collection = client, collection
        self._drop_old(old, client, keep=(name, store_name))

    def _drop_old(self, old: dict, client, keep: tuple[str, str]) -> None:
        """Remove what earlier builds left: old collections on a server, old store folders here."""
        try:
            if self.host:
                for c in client.list_collections():
                    cname = getattr(c, "name", c)
                    if cname.startswith(COLLECTION_PREFIX) and cname != keep[0] and (cname == old.get("collection") or "_tmp" in cname):
                        client.delete_collection(cname)
            else:
                for path in self.index_dir.glob("store-*"):
                    if path.name != keep[1]:
                        shutil.rmtree(path, ignore_errors=True)
        except Exception as exc:  # cleanup must never fail a build
            log.warning("could not remove an old index: %s", exc)

    def query(self, vector: list[float], n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) best first."""
        n = max(1, min(n, self.collection.count()))
        try:
            res = self.collection.query(query_embeddings=[vector], n_results=n, where=where, include=["distances"])
        except Exception as exc:
            raise StoreError(f"向量检索失败（{type(exc).__name__}）：请运行 python -m assistant index 重建索引。") from None
        return [(pid, 1.0 - float(d)) for pid, d in zip(res["ids"][0], res["distances"][0])]


def _metadata(p: Passage) -> dict:
    return {"doc_id": p.doc_id, "kind": p.kind, "item": p.item, "sentence": p.sentence, "ref": p.ref, "chapter": p.chapter}


class _NullBar:
    def update(self, n):
        pass

    def close(self):
        pass


def _progress_bar(total: int, progress):
    """tqdm on a terminal for long builds; silent for small ones and in tests."""
    if total < 200 or progress is None:
        return _NullBar()
    from tqdm import tqdm

    return tqdm(total=total, desc="向量化", unit="段")


def with_score(p: Passage, score: float) -> Passage:
    return replace(p, score=round(float(score), 6))

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
import math
import os
import re
import shutil
import threading
import time
import unicodedata
import uuid
from collections import Counter
from dataclasses import replace
from importlib import resources
from pathlib import Path

from langchain_core.embeddings import Embeddings

from .documents import PARSER_VERSION
from .schema import Document, InputError, Passage, StoreError

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
TOKEN_CACHE = "bm25-tokens.json"
COLLECTION_PREFIX = "pqa_"
MAX_QUERY_CHARS = 512
PARAGRAPH_EMBED_CHARS = 128
# Bump when embedding_text() changes, so old vectors are not reused.
EMBED_VERSION = "2"


# ---------------------------------------------------------------- passages


def _pid(*parts) -> str:
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
    # Numbered parts that are not tasks but hold text of their own: the opening paragraph
    # of a part with sub-items, 专栏 boxes, table rows that are data, an attachment's note.
    chapter_of = {c.key: c.ref for c in doc.chapters}
    for index, node in enumerate(doc.nodes):
        if node.task or not node.text.strip() or any(node.key.startswith(a + ".") for a in articles):
            continue
        top_key = node.key.split(".")[0]
        chapter = chapter_of.get(top_key, "") if top_key != node.key else ""
        ref = f"{node.path}{node.title}" if node.style not in ("附件", "文件") else f"{node.marker} {node.title}".strip()
        out.append(Passage(_pid(doc.doc_id, "node", node.key, node.text), doc.doc_id, ref, chapter, node.text, kind="node", sentence=index, doc_title=title))
    for n, s in enumerate(s for s in doc.sections if s.kind == "paragraph"):
        out.append(
            Passage(
                _pid(doc.doc_id, "paragraph", n, s.text), doc.doc_id, s.title or f"第{n + 1}段", chapters.get(s.chapter, ""),
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


_ADDED_TERMS: set[str] = set()


def add_terms(terms) -> None:
    """Teach the tokenizer a corpus's own unit names and item titles."""
    jb = _jieba()
    for t in terms:
        t = fold(t)
        if 2 <= len(t) <= 20 and t not in _ADDED_TERMS:
            jb.add_word(t, freq=200000)
            _ADDED_TERMS.add(t)


TOKENIZER_VERSION = "1"


def tokenizer_signature() -> str:
    """Changes whenever :func:`tokens` could split a text differently."""
    h = hashlib.sha256(TOKENIZER_VERSION.encode())
    h.update(resources.files("assistant").joinpath("data/userdict.txt").read_bytes())
    h.update("\n".join(sorted(_ADDED_TERMS)).encode("utf-8"))
    return h.hexdigest()[:16]


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


@functools.lru_cache(maxsize=1 << 18)
def pinyin(text: str) -> str:
    """Toneless pinyin of a Chinese string, syllables joined: 文号 -> wenhao."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def _read_token_cache(path: Path | None) -> dict[str, list[str]]:
    """Tokens of passages by id, from an earlier start with the same tokenizer: jieba takes
    about 20 s for a million characters, reading them back well under a second."""
    if path is None:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("signature") != tokenizer_signature():
            return {}
        return {pid: joined.split("\x1f") if joined else [] for pid, joined in data["tokens"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, AttributeError, KeyError) as exc:
        log.warning("token cache %s is unreadable, tokenizing again: %s", path, exc)
        return {}


def _write_token_cache(path: Path, by_id: dict[str, list[str]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        body = {"signature": tokenizer_signature(), "tokens": {pid: "\x1f".join(t) for pid, t in by_id.items()}}
        tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a cache that cannot be written only costs time at the next start
        log.warning("could not write the token cache %s: %s", path, exc)


class Okapi:
    """BM25 Okapi with the scoring of ``rank_bm25.BM25Okapi`` (k1 1.5, b 0.75, idf floor
    0.25 × mean idf), over an inverted index: a query costs a few array additions per
    token instead of a Python loop over every passage (~1 ms instead of ~100 ms at 6,000
    passages)."""

    def __init__(self, corpus: list[list[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        import numpy as np

        self.size = len(corpus)
        lengths = np.array([len(doc) for doc in corpus], dtype=float)
        avgdl = float(lengths.mean()) if self.size else 0.0
        norm = k1 * (1 - b + b * lengths / avgdl) if avgdl else np.full(self.size, k1)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, doc in enumerate(corpus):
            for w, tf in Counter(doc).items():
                entry = postings.setdefault(w, ([], []))
                entry[0].append(i)
                entry[1].append(tf)
        self.idf: dict[str, float] = {}
        for w, (docs, _) in postings.items():
            n = len(docs)
            self.idf[w] = math.log(self.size - n + 0.5) - math.log(n + 0.5)
        mean_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0
        for w, v in self.idf.items():
            if v < 0:
                self.idf[w] = epsilon * mean_idf
        self.postings = {}
        for w, (docs, tfs) in postings.items():
            idx = np.array(docs, dtype=np.int64)
            tf = np.array(tfs, dtype=float)
            self.postings[w] = (idx, tf * (k1 + 1) / (tf + norm[idx]))

    def get_scores(self, query: list[str]):
        import numpy as np

        scores = np.zeros(self.size)
        for q in query:
            hit = self.postings.get(q)
            if hit is not None and self.idf[q]:
                scores[hit[0]] += self.idf[q] * hit[1]
        return scores


class BM25Index:
    """BM25 over jieba tokens of the passages; scores only, ranking is left to fusion."""

    def __init__(self, passages: list[Passage], cache: Path | None = None):
        self.passages = passages
        self.position = {p.id: i for i, p in enumerate(passages)}
        known = _read_token_cache(cache)
        corpus = [known.get(p.id) or tokens((p.ref + " " if p.kind == "item" else "") + p.text) for p in passages]
        if cache is not None and any(p.id not in known for p in passages):
            _write_token_cache(cache, {p.id: t for p, t in zip(passages, corpus)})
        self.bm25 = Okapi(corpus) if passages else None

    @property
    def idf(self) -> dict[str, float]:
        return self.bm25.idf if self.bm25 else {}

    def scores_for(self, query: str, passages: list[Passage]) -> dict[str, float]:
        """BM25 scores of the given passages (by id) for a query."""
        q = tokens(query)
        out = {p.id: 0.0 for p in passages}
        if not self.bm25 or not q:
            return out
        scores = self.bm25.get_scores(q)
        out.update({p.id: float(scores[self.position[p.id]]) for p in passages if p.id in self.position})
        return out

    def search(self, query: str, n: int = 50, docs: set[str] | None = None) -> list[tuple[Passage, float]]:
        """Best ``n`` passages, optionally only of the documents ``docs``."""
        if not self.bm25:
            return []
        q = tokens(query)
        if not q:
            return []
        scores = self.bm25.get_scores(q)
        if docs is not None:
            keep = [i for i, p in enumerate(self.passages) if p.doc_id in docs]
            order = sorted(keep, key=lambda i: -scores[i])[:n]
        else:
            import numpy as np

            top = np.argpartition(-scores, min(n, len(scores) - 1))[:n] if len(scores) > n else np.arange(len(scores))
            order = sorted(top.tolist(), key=lambda i: (-scores[i], i))
        return [(self.passages[i], float(scores[i])) for i in order if scores[i] > 0]


# ---------------------------------------------------------------- embeddings


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over a sentence-transformers model, loaded on first use.

    >>> emb = SentenceTransformerEmbeddings("/path/to/m3e-small")  # doctest: +SKIP
    >>> len(emb.embed_query("规范性文件"))  # doctest: +SKIP
    512
    """

    def __init__(self, model: str, name: str | None = None, batch_size: int = 32, int8: bool = False):
        self.model_location = model
        # The name goes into the index manifest: int8 vectors differ slightly from float ones.
        self.name = (name or model) + ("+int8" if int8 else "")
        self.int8 = int8
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._queries = QueryBatcher(self._encode_queries)

    @property
    def model(self):
        with self._lock:  # two threads asking at once must not load the model twice
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self):
        from sentence_transformers import SentenceTransformer

        try:
            model = SentenceTransformer(self.model_location, device="cpu")
        except Exception as exc:  # many loader errors: missing files, no network for a hub name
            raise InputError(
                f"无法加载向量模型“{self.name}”：{type(exc).__name__}。请确认 ASSISTANT_EMBEDDING_MODEL 指向本机已有的 "
                "sentence-transformers 模型目录（本环境无法联网下载模型）。"
            ) from None
        if self.int8:
            # Dynamic int8 quantisation of the linear layers: about 3x faster on CPU
            # (150 vs 52 report paragraphs/s on two cores), vectors within cos 0.98 of float.
            import warnings

            import torch

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        return model

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
        return tuple(float(x) for x in self._queries(text))

    def _encode_queries(self, texts: list[str]):
        return self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)


class QueryBatcher:
    """Encodes queries that arrive while the model is busy in one batch.

    A web server answering many people at once calls ``embed_query`` from many threads:
    one encode per call costs 20 short questions ~370 ms on two cores, one batch of
    them ~110 ms. The first caller encodes at once (no added latency when idle); callers
    arriving meanwhile wait, and the next of them encodes everything that queued up.

    >>> b = QueryBatcher(lambda texts: [len(t) for t in texts])
    >>> b("规范性文件")
    5
    """

    class _Slot:
        __slots__ = ("done", "value", "error")

        def __init__(self):
            self.done, self.value, self.error = False, None, None

    def __init__(self, encode):
        self.encode = encode  # list[str] -> sequence of vectors, same order
        self._cond = threading.Condition()
        self._pending: dict[str, QueryBatcher._Slot] = {}
        self._busy = False

    def __call__(self, text: str):
        with self._cond:
            slot = self._pending.setdefault(text, self._Slot())
            while not slot.done and self._busy:
                self._cond.wait()
            leader = not slot.done
            if leader:  # the model is free: encode everything waiting, this text included
                batch, self._pending, self._busy = self._pending, {}, True
        if leader:
            try:
                vectors = self.encode(list(batch))
                for s, v in zip(batch.values(), vectors):
                    s.value = v
            except Exception as exc:  # every waiter of this batch gets the error, not a hang
                for s in batch.values():
                    s.error = exc
            finally:
                with self._cond:
                    for s in batch.values():
                        s.done = True
                    self._busy = False
                    self._cond.notify_all()
        if slot.error is not None:
            raise slot.error
        return slot.value


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
        self._count: int | None = None  # passages in the open collection (count() costs a round trip)

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
        When only some documents changed, the vectors of unchanged passages are reused
        and only new passages are embedded. Returns a short status message in Chinese."""
        key = corpus_key(docs, self.embeddings.name)
        manifest = self.read_manifest()
        if not rebuild and manifest and manifest.get("corpus_key") == key and self._try_open(manifest, len(passages)):
            return "已加载现有索引。"
        reuse = None
        if manifest is None:
            reason = "首次构建索引"
        elif manifest == {}:
            reason = "索引清单损坏，正在重建"
        elif rebuild:
            reason = "按要求重建索引"
        elif manifest.get("corpus_key") != key:
            reason = "语料、解析器或向量模型已变化，正在更新索引"
            if self._compatible(manifest) and self._try_open(manifest, None):
                reuse = self.collection
        else:
            reason = "索引不完整或已损坏，正在重建"
            if self._compatible(manifest) and self._try_open(manifest, None):
                reuse = self.collection  # e.g. a build killed before its documents were registered
        started = time.perf_counter()
        embedded = self._build(key, docs, passages, progress, reuse=reuse, reason=reason)
        return f"{reason}：完成（新向量化 {embedded} 个段落，共 {len(passages)} 个），用时 {time.perf_counter() - started:.1f} 秒。"

    def open_existing(self, docs: list[Document], passages: list[Passage]) -> bool:
        """Open the index of ``docs`` if it is built and complete; never builds. For a
        running process picking up documents that another process ingested."""
        manifest = self.read_manifest()
        return bool(manifest) and manifest.get("corpus_key") == corpus_key(docs, self.embeddings.name) and self._try_open(manifest, len(passages))

    def _compatible(self, manifest: dict) -> bool:
        """Vectors of an older build can be reused: same model, dimensions and parser."""
        return (
            manifest.get("embedding_model") == self.embeddings.name
            and manifest.get("parser_version") == PARSER_VERSION
            and manifest.get("embed_version") == EMBED_VERSION
            and (manifest.get("server") or None) == (f"{self.host}:{self.port}" if self.host else None)
        )

    def _try_open(self, manifest: dict, expected: int | None) -> bool:
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
            if expected is not None and collection.count() != expected:
                return False
        except StoreError:
            raise
        except Exception as exc:  # a damaged store raises from sqlite, the Rust bindings or KeyError
            log.warning("index could not be opened: %s", exc)
            return False
        self._client, self.collection, self._count = client, collection, None
        return True

    def _reusable(self, collection, wanted: set[str]) -> dict[str, list[float]]:
        """Vectors of ``wanted`` ids already in ``collection``."""
        out: dict[str, list[float]] = {}
        ids = [i for i in collection.get(include=[])["ids"] if i in wanted]
        for start in range(0, len(ids), 2000):
            got = collection.get(ids=ids[start : start + 2000], include=["embeddings"])
            for pid, vec in zip(got["ids"], got["embeddings"]):
                out[pid] = [float(x) for x in vec]
        return out

    def _build(self, key: str, docs: list[Document], passages: list[Passage], progress=None, reuse=None, reason: str = "") -> int:
        """Build a new collection (in a new folder here), then switch the manifest to it.
        Returns how many passages were embedded."""
        build = time.strftime("%Y%m%d-%H%M%S") + "-" + uuid.uuid4().hex[:6]
        name = f"{COLLECTION_PREFIX}{key[:16]}_{build.replace('-', '_')}"
        store_name = f"store-{build}"
        known: dict[str, list[float]] = {}
        if reuse is not None:
            try:
                known = self._reusable(reuse, {p.id for p in passages})
            except Exception as exc:  # an unreadable old store only costs time
                log.warning("old vectors could not be read, embedding everything: %s", exc)
        todo = [p for p in passages if p.id not in known]
        if progress:
            progress(f"{reason}（{len(passages)} 个段落，需向量化 {len(todo)} 个）……")
        if self.host:
            client = self._server_client()
        else:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            client = self._local_client(self.index_dir / store_name)
        collection = client.create_collection(name=name, embedding_function=None, metadata={"hnsw:space": "cosine"})
        batch = 64
        bar = _progress_bar(len(todo), progress)
        vectors: dict[str, list[float]] = dict(known)
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            for p, v in zip(chunk, self.embeddings.embed_documents([embedding_text(p) for p in chunk])):
                vectors[p.id] = v
            bar.update(len(chunk))
        bar.close()
        step = 1000
        for start in range(0, len(passages), step):
            chunk = passages[start : start + step]
            collection.add(
                ids=[p.id for p in chunk],
                embeddings=[vectors[p.id] for p in chunk],
                documents=[p.text for p in chunk],
                metadatas=[_metadata(p) for p in chunk],
            )
        old = self.read_manifest() or {}
        self._write_manifest(
            {
                "embedding_model": self.embeddings.name,
                "model_location": self.embeddings.model_location,
                "dimensions": self.embeddings.dimensions,
                "parser_version": PARSER_VERSION,
                "embed_version": EMBED_VERSION,
                "corpus_key": key,
                "documents": [{"doc_id": d.doc_id, "title": d.title, "source": Path(d.source).name} for d in docs],
                "passages": len(passages),
                "collection": name,
                "store": None if self.host else store_name,
                "server": f"{self.host}:{self.port}" if self.host else None,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                # Kept one more build: a web chat still answering from it moves on at its next question.
                "previous": {"collection": old.get("collection"), "store": old.get("store")} if old.get("collection") else None,
            }
        )
        self._client, self.collection, self._count = client, collection, len(passages)
        self._drop_old(old, client, keep=(name, store_name))
        return len(todo)

    def _drop_old(self, old: dict, client, keep: tuple[str, str]) -> None:
        """Remove what earlier builds left, except the build just replaced (``old``): other
        processes (a running web chat) may still be answering from it. On a server only
        collections this index made are touched (it may hold other indexes too)."""
        previous = old.get("previous") or {}
        try:
            if self.host:
                for c in client.list_collections():
                    cname = getattr(c, "name", c)
                    if cname.startswith(COLLECTION_PREFIX) and cname not in (keep[0], old.get("collection")) and (
                        cname == previous.get("collection") or "_tmp" in cname
                    ):
                        client.delete_collection(cname)
            else:
                for path in self.index_dir.glob("store-*"):
                    if path.name not in (keep[1], old.get("store")):
                        shutil.rmtree(path, ignore_errors=True)
        except Exception as exc:  # cleanup must never fail a build
            log.warning("could not remove an old index: %s", exc)

    def query(self, vector: list[float], n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) best first."""
        if self._count is None:
            self._count = self.collection.count()
        n = max(1, min(n, self._count))
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
    """tqdm for long builds; silent for small ones and in tests."""
    if total < 200 or progress is None:
        return _NullBar()
    from tqdm import tqdm

    return tqdm(total=total, desc="向量化", unit="段", mininterval=progress_interval())


def progress_interval() -> float:
    """Seconds between progress updates: live on a terminal, a line now and then in a log."""
    import sys

    return 0.1 if sys.stderr.isatty() else 15.0


def with_score(p: Passage, score: float) -> Passage:
    return replace(p, score=round(float(score), 6))

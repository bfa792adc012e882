"""The Chroma store (embedded or a ``chroma run`` server) and the index manifest.

The embedded store is built in a fresh folder and switched to by atomically
replacing ``manifest.json``, so a crash mid-build leaves the previous index usable.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from pathlib import Path

from ..documents import PARSER_VERSION
from ..progress import bar
from ..schema import Document, Passage, StoreError
from .embeddings import SentenceTransformerEmbeddings
from .passages import embedding_text

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
COLLECTION_PREFIX = "pqa_"
# Bump when embedding_text() changes, so old vectors are not reused.
EMBED_VERSION = "2"
# Texts handed to the model at a time (it splits them into batches of its batch_size).
EMBED_CHUNK = 256


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
        self.built = False  # whether the last open() had to build (then tokenizing is due too)

    def fresh(self) -> "VectorStore":
        """A store of the same index folder or server, not yet opened (a running assistant
        opens documents changed on disk into a new store while the old one keeps answering)."""
        return VectorStore(self.index_dir, self.embeddings, self.host, self.port)

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
        self.built = False
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
        self.built = True
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

    def _reusable(self, collection, wanted: set[str]) -> dict:
        """Vectors (float32 arrays) of ``wanted`` ids already in ``collection``."""
        import numpy as np

        out: dict = {}
        ids = [i for i in collection.get(include=[])["ids"] if i in wanted]
        for start in range(0, len(ids), 2000):
            got = collection.get(ids=ids[start : start + 2000], include=["embeddings"])
            for pid, vec in zip(got["ids"], got["embeddings"]):
                out[pid] = np.asarray(vec, dtype=np.float32)
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
        # float32 arrays, not lists of Python floats: 6,000 vectors take 12 MiB instead of 100.
        vectors: dict = dict(known)
        # Identical texts are embedded once; sorting by length keeps each batch's padding
        # (and so its wasted work) small.
        texts: dict[str, list[str]] = {}
        for p in todo:
            texts.setdefault(embedding_text(p), []).append(p.id)
        order = sorted(texts, key=len)
        # Counted in characters: the work per text grows with its length, so the ETA holds.
        with bar(sum(map(len, order)), "向量化", "字", progress) as b:
            for start in range(0, len(order), EMBED_CHUNK):
                chunk = order[start : start + EMBED_CHUNK]
                for text, v in zip(chunk, self._encode(chunk)):
                    for pid in texts[text]:
                        vectors[pid] = v
                b.update(sum(map(len, chunk)))
        import numpy as np

        step = 1000
        for start in range(0, len(passages), step):
            chunk = passages[start : start + step]
            collection.add(
                ids=[p.id for p in chunk],
                embeddings=np.stack([vectors[p.id] for p in chunk]),
                documents=[p.text for p in chunk],
                metadatas=[passage_metadata(p) for p in chunk],
            )
        old = self.read_manifest() or {}
        self._write_manifest(
            {
                "embedding_model": self.embeddings.name,
                "model_location": self.embeddings.model_location,
                "dimensions": self.embeddings.dimensions,
                "document_precision": getattr(self.embeddings, "document_precision", "float32"),
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

    def _encode(self, texts: list[str]):
        """Vectors of ``texts`` as a float32 array, from any LangChain-style embeddings."""
        import numpy as np

        encode = getattr(self.embeddings, "encode_documents", None)
        return encode(texts) if encode else np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)

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


def passage_metadata(p: Passage) -> dict:
    """What the store keeps beside a passage's vector, for filtering (document, kind, task)."""
    return {"doc_id": p.doc_id, "kind": p.kind, "item": p.item, "sentence": p.sentence, "ref": p.ref, "chapter": p.chapter}

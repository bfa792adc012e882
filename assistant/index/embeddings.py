"""Sentence embeddings: sentence-transformers for documents, and an ONNX copy of the same
model for questions, so answering a question needs neither torch nor sentence-transformers
(importing them takes about 6 s on two cores; onnxruntime and tokenizers well under 1 s).

The ONNX copy is exported whenever a process has the torch model loaded anyway (an index
build, an ingest) and no valid copy exists; it lives in ``<index dir>/onnx/`` and is
keyed by a fingerprint of the model folder. Each export is checked against
sentence-transformers before it is used (cosine ≥ 0.999 on probe texts); without it,
questions go through sentence-transformers as before.

Documents are embedded in batches by sentence-transformers (torch). On a CPU that has
bfloat16 arithmetic in hardware (AVX-512 BF16 or AMX), the batches run under
``torch.autocast(bfloat16)``: the matrix products take bfloat16 inputs, layer norms, the
pooling and normalisation stay float32, and the vectors are within cosine 0.99998 of
float32 ones (checked on the 72 reports' passages) in half the time. Elsewhere torch would
emulate bfloat16, slower than float32, so float32 is kept.

>>> emb = SentenceTransformerEmbeddings("/path/to/m3e-small", onnx_dir="indexes/onnx")  # doctest: +SKIP
>>> emb.query_backend  # doctest: +SKIP
'onnx'
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import threading
import uuid
from pathlib import Path

from ..schema import InputError

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 512
# Bump when the exported graph or its inputs change, so old exports are not used.
EXPORT_VERSION = "1"
ONNX_MODEL = "query-encoder.onnx"
ONNX_TOKENIZER = "query-tokenizer.json"
ONNX_META = "query-encoder.json"  # written last: an export without it is incomplete
MIN_COSINE = 0.999
# Texts an export is checked on: short and long, Chinese, English, full-width, digits, and
# one longer than the model's window (truncation must match too).
PROBES = (
    "规范性文件什么时候前要录入数据库？",
    "县（市、区）政府常务会议每年学法不少于几次",
    "ＧＤＰ增长５％左右，CPI涨幅3%左右",
    "Hello world, rule of law 2017",
    "法" * 700,
    "？",
)
# Environment the model libraries read at import: offline, quiet, no tokenizer threads
# fighting the encoder's own threads. Set only here, where they are imported.
_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TOKENIZERS_PARALLELISM": "false",
    # oneDNN (torch's bfloat16 products) caches primitives per input shape, and nearly every
    # batch has a new length: with the cache the ingest of the 72 reports peaked at 1,643 MiB,
    # without it at 1,235 MiB, and the batches are as fast (creating a primitive is cheap
    # next to a batch).
    "ONEDNN_PRIMITIVE_CACHE_CAPACITY": "0",
}


def _offline_env() -> None:
    """Set what the model libraries read when imported (a user's own value wins)."""
    for key, value in _OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def _import_sentence_transformers():
    _offline_env()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer


def native_bf16() -> bool:
    """Whether this CPU computes bfloat16 products in hardware (AVX-512 BF16 or AMX tiles),
    the only case where they are faster than float32."""
    import torch

    for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported"):
        check = getattr(torch.cpu, name, None)  # private helpers: absent in other versions
        try:
            if check is not None and check():
                return True
        except Exception:  # a failing probe only means "not known to be there"
            continue
    return False


def model_fingerprint(location: str) -> str:
    """Changes when the model at ``location`` changes (its files' names, sizes and times)."""
    h = hashlib.sha256(f"{EXPORT_VERSION}\x1f{location}".encode())
    root = Path(location)
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            st = path.stat()
            h.update(f"\x1f{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def _atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class OnnxEncoder:
    """The exported model with its tokenizer: texts in, unit vectors out (numpy)."""

    def __init__(self, folder: Path, meta: dict):
        _offline_env()
        import numpy as np
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self._np = np
        options = ort.SessionOptions()
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(folder / ONNX_MODEL), options, providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.tokenizer = Tokenizer.from_file(str(folder / ONNX_TOKENIZER))
        self.tokenizer.enable_truncation(int(meta["max_length"]))
        self.tokenizer.enable_padding(pad_id=int(meta["pad_id"]), pad_token=meta["pad_token"])

    @classmethod
    def load(cls, folder: str | Path, fingerprint: str) -> "OnnxEncoder | None":
        """The export in ``folder`` if it is complete and of this model, else None."""
        folder = Path(folder)
        try:
            meta = json.loads((folder / ONNX_META).read_text(encoding="utf-8"))
            if meta.get("fingerprint") != fingerprint:
                return None
            return cls(folder, meta)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged file: onnxruntime, tokenizers or json raise many kinds
            log.warning("ONNX query encoder in %s is unusable, using sentence-transformers: %s", folder, exc)
            return None

    def encode(self, texts: list[str]):
        np = self._np
        batch = self.tokenizer.encode_batch(list(texts))
        columns = {
            "input_ids": [e.ids for e in batch],
            "attention_mask": [e.attention_mask for e in batch],
            "token_type_ids": [e.type_ids for e in batch],
        }
        feed = {name: np.asarray(columns[name], dtype=np.int64) for name in self.inputs}
        return self.session.run(None, feed)[0]


def export_onnx(model, folder: str | Path, fingerprint: str) -> bool:
    """Export a loaded ``SentenceTransformer`` (float weights) with its pooling and
    normalisation to ``folder``; keep it only if it matches the model on :data:`PROBES`.
    Returns whether a usable export is there now."""
    import warnings

    import numpy as np
    import torch

    folder = Path(folder)
    backend = getattr(model.tokenizer, "backend_tokenizer", None)
    if backend is None:
        log.info("model has no fast tokenizer: questions keep using sentence-transformers")
        return False
    sample = model.tokenizer(["规范性文件", "示例问题：期限是什么时候"], padding=True, return_tensors="pt")
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]
    if names[:2] != ["input_ids", "attention_mask"]:
        log.info("model takes other inputs (%s): questions keep using sentence-transformers", names)
        return False
    # The exporter lists operators of packages that are not installed (torchvision) as warnings.
    logging.getLogger("torch.onnx._internal.exporter._registration").setLevel(logging.ERROR)

    class Pooled(torch.nn.Module):
        """The whole sentence-transformers pipeline (any pooling) plus L2 normalisation."""

        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            features = {"input_ids": input_ids, "attention_mask": attention_mask}
            if token_type_ids is not None:
                features["token_type_ids"] = token_type_ids
            out = self.inner(features)["sentence_embedding"]
            return torch.nn.functional.normalize(out, p=2, dim=1)

    batch, seq = torch.export.Dim("batch"), torch.export.Dim("seq", max=int(model.max_seq_length))
    try:
        folder.mkdir(parents=True, exist_ok=True)  # (a folder it may not write: no export)
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            program = torch.onnx.export(
                Pooled(model).eval(), tuple(sample[n] for n in names), None, dynamo=True, input_names=names,
                output_names=["sentence_embedding"], dynamic_shapes=tuple({0: batch, 1: seq} for _ in names), verbose=False,
            )
            tmp = folder / f".{ONNX_MODEL}.{uuid.uuid4().hex}.tmp"
            program.save(str(tmp), external_data=False)
        os.replace(tmp, folder / ONNX_MODEL)
        _atomic_bytes(folder / ONNX_TOKENIZER, backend.to_str().encode("utf-8"))
        meta = {
            "fingerprint": fingerprint,
            "max_length": int(model.max_seq_length),
            "pad_id": int(model.tokenizer.pad_token_id or 0),
            "pad_token": str(model.tokenizer.pad_token or "[PAD]"),
        }
        encoder = OnnxEncoder(folder, meta)
        probes = list(PROBES)
        got = np.vstack([encoder.encode(probes[:3]), encoder.encode(probes[3:])])
        want = model.encode(probes, normalize_embeddings=True, convert_to_numpy=True)
        worst = float((got * want).sum(axis=1).min())
    except Exception as exc:  # the exporter fails in many ways on unusual models
        log.warning("ONNX export failed, questions keep using sentence-transformers: %s", exc)
        return False
    if worst < MIN_COSINE:
        log.warning("ONNX export differs from the model (cosine %.5f): not used", worst)
        return False
    meta["min_cosine"] = round(worst, 7)
    _atomic_bytes(folder / ONNX_META, json.dumps(meta, indent=1).encode("utf-8"))
    return True


class SentenceTransformerEmbeddings:
    """A sentence-transformers model, loaded on first use, with LangChain's ``Embeddings``
    methods (``embed_documents``, ``embed_query``: LangChain only calls them, and importing
    langchain-core would cost a start-up 0.3 s).
    Questions go through the ONNX export in ``onnx_dir`` when one exists (float models).
    Documents are embedded with bfloat16 products when ``bf16`` is true, or when it is None
    and the CPU has them in hardware (:func:`native_bf16`); never for an int8 model.

    >>> emb = SentenceTransformerEmbeddings("/path/to/m3e-small")  # doctest: +SKIP
    >>> len(emb.embed_query("规范性文件"))  # doctest: +SKIP
    512
    """

    def __init__(
        self, model: str, name: str | None = None, batch_size: int = 32, int8: bool = False, onnx_dir: str | Path | None = None,
        bf16: bool | None = None,
    ):
        self.model_location = model
        # The name goes into the index manifest: int8 vectors differ slightly from float ones.
        self.name = (name or model) + ("+int8" if int8 else "")
        self.int8 = int8
        self.batch_size = batch_size
        # Not part of the name: bfloat16 document vectors are within cosine 0.99998 of
        # float32 ones, so an index built either way serves the other (no rebuild).
        self.bf16 = bf16
        # int8 vectors come from a quantised torch model, which the export does not reproduce.
        self.onnx_dir = Path(onnx_dir) if onnx_dir is not None and not int8 else None
        self._model = None
        self._onnx: OnnxEncoder | None = None
        self._onnx_checked = False
        self._lock = threading.Lock()
        self._queries = QueryBatcher(self._encode_queries)
        # Per instance: a cache on the class would keep every instance (and its model) alive.
        self._embed_query_cached = functools.lru_cache(maxsize=2048)(self._embed_one)

    @functools.cached_property
    def fingerprint(self) -> str:
        return model_fingerprint(self.model_location)

    @property
    def model(self):
        with self._lock:  # two threads asking at once must not load the model twice
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self):
        SentenceTransformer = _import_sentence_transformers()
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
    def onnx(self) -> OnnxEncoder | None:
        """The ONNX query encoder, or None (no export yet, int8, or no folder given)."""
        if self.onnx_dir is None:
            return None
        with self._lock:
            if not self._onnx_checked:
                self._onnx = OnnxEncoder.load(self.onnx_dir, self.fingerprint)
                self._onnx_checked = True
        return self._onnx

    @property
    def query_backend(self) -> str:
        return "onnx" if self.onnx is not None else "sentence-transformers"

    @property
    def model_loaded(self) -> bool:
        return self._model is not None

    def ensure_onnx(self) -> bool:
        """Export the model for questions unless a valid export exists; loads the torch
        model if needed. Returns whether questions now go through ONNX."""
        if self.onnx_dir is None:
            return False
        if self.onnx is not None:
            return True
        if export_onnx(self.model, self.onnx_dir, self.fingerprint):
            with self._lock:
                self._onnx_checked = False
            return self.onnx is not None
        return False

    @property
    def dimensions(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    @functools.cached_property
    def document_precision(self) -> str:
        """``bfloat16`` or ``float32``: what document batches are multiplied in."""
        if self.int8 or self.bf16 is False:
            return "float32"
        return "bfloat16" if self.bf16 or native_bf16() else "float32"

    def encode_documents(self, texts: list[str], progress: bool = False):
        """Unit vectors of ``texts`` as one float32 array (rows in order)."""
        import contextlib

        model = self.model
        if self.document_precision == "bfloat16":
            import torch

            context = torch.autocast("cpu", dtype=torch.bfloat16)
        else:
            context = contextlib.nullcontext()
        with context:
            vectors = model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=progress, convert_to_numpy=True
            )
        return vectors.astype("float32", copy=False)

    def embed_documents(self, texts: list[str], progress: bool = False) -> list[list[float]]:
        return self.encode_documents(texts, progress).tolist()

    def embed_query(self, text: str) -> list[float]:
        return list(self._embed_query_cached(text[:MAX_QUERY_CHARS]))

    def _embed_one(self, text: str) -> tuple[float, ...]:
        return tuple(float(x) for x in self._queries(text))

    def _encode_queries(self, texts: list[str]):
        encoder = self.onnx
        if encoder is not None:
            return encoder.encode(texts)
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

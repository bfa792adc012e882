"""Temporary files of one app (table exports, quiz files, gradio's copies of them and uploads), bounded in size and age."""

import hashlib
import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024 * 1024  # the whole folder, after a request's own files are counted
MAX_AGE = 15 * 60  # seconds a download link stays valid at least, unless the size bound needs the room


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


class TempFiles:
    """One folder: ``exports/<hash>/…`` for the files the app writes, ``gradio/`` for
    gradio's cache (downloads are served from copies there, uploads land there).

    :meth:`prune` removes entries older than ``max_age``, then the oldest until the folder
    is under ``max_bytes``; it runs after every export, so the folder never grows beyond
    ``max_bytes`` plus one request's files.

    >>> temp = TempFiles()                                   # doctest: +SKIP
    >>> folder = temp.folder("work-points", rows)            # doctest: +SKIP
    """

    def __init__(self, root: str | Path | None = None, max_bytes: int = MAX_BYTES, max_age: float = MAX_AGE):
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="policy-qa-"))
        self.exports = self.root / "exports"
        self.gradio = self.root / "gradio"
        for p in (self.exports, self.gradio):
            p.mkdir(parents=True, exist_ok=True)
        self.max_bytes, self.max_age = max_bytes, max_age
        self._lock = threading.Lock()

    def folder(self, kind: str, content: str) -> Path:
        """``exports/<kind>-<hash of content>/``: the same content is written once, and the
        download keeps its plain file name."""
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
        path = self.exports / f"{kind}-{digest}"
        path.mkdir(parents=True, exist_ok=True)
        path.touch()  # used again: the newest
        return path

    def entries(self) -> list[Path]:
        return [p for parent in (self.exports, self.gradio) if parent.is_dir() for p in parent.iterdir()]

    def size(self) -> int:
        return sum(_size(p) for p in self.entries())

    def prune(self, keep: Path | None = None) -> None:
        """Drop old entries, then the oldest until the bound holds (never ``keep``)."""
        with self._lock:
            now = time.time()
            found = []
            for p in self.entries():
                try:
                    found.append((p.stat().st_mtime, _size(p), p))
                except OSError:  # removed meanwhile
                    continue
            found.sort(key=lambda e: e[0])
            total = sum(size for _, size, _ in found)
            for mtime, size, p in found:
                if keep is not None and p == keep:
                    continue
                if now - mtime < self.max_age and total <= self.max_bytes:
                    break
                self._remove(p)
                total -= size

    @staticmethod
    def _remove(path: Path) -> None:
        try:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        except OSError as exc:
            log.warning("could not remove the temporary file %s: %s", path, exc)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

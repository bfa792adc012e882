"""Parsed documents kept on disk, so a new process does not parse them again (the 72
reports take about 4 s to parse and 0.1 s to read back).

A cache file holds its key, the :class:`Document` and the document's folded text (which
answering needs and which takes as long again). The key covers the text, how it was
parsed (kind, title, id, …), ``PARSER_VERSION`` and the source of the parsing code, so a
changed parser never serves an old parse. A stale, foreign or damaged file is ignored and
rewritten; files are written atomically.

>>> doc = cached_parse(Path("indexes/parsed/x.pkl"), ("notice", "x.txt"), text, lambda: parse_notice(text))  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import uuid
from pathlib import Path
from typing import Callable

from ..documents import PARSER_VERSION
from .lexical import fold, remember_fold
from ..schema import Document

log = logging.getLogger(__name__)

SUFFIX = ".parsed.pkl"


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of the parsing code (the documents package and the result types)."""
    here = Path(__file__).resolve().parent.parent  # the assistant package
    h = hashlib.sha256()
    for path in sorted((here / "documents").glob("*.py")) + [here / "schema.py"]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_key(how: tuple, text: str) -> str:
    h = hashlib.sha256(f"{PARSER_VERSION}\x1f{code_key()}\x1f{how!r}\x1f".encode("utf-8"))
    h.update(text.encode("utf-8"))
    return h.hexdigest()


def cached_parse(path: Path, how: tuple, text: str, parse: Callable[[], Document]) -> Document:
    """The parse of ``text`` from ``path`` if it was cached with the same key, else
    ``parse()``, cached at ``path``. ``how`` names everything besides the text that the
    parse depends on (kind, source, title, year, id)."""
    key = cache_key(how, text)
    try:
        with open(path, "rb") as fh:
            stored = pickle.load(fh)
        if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key and isinstance(stored[1], Document):
            doc, folded = stored[1], stored[2]
            remember_fold(doc.text, folded)
            return doc
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or foreign file: unpickling raises many kinds
        log.warning("parse cache %s is unreadable, parsing again: %s", path, exc)
    doc = parse()
    folded = fold(doc.text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump((key, doc, folded), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only index folder only costs time at the next start
        log.warning("could not write the parse cache %s: %s", path, exc)
    return doc

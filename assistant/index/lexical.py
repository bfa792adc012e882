"""Keyword search: text folding, a tokenizer with its own dictionary per corpus, and BM25.

>>> tok = Tokenizer(terms=["市司法局"])
>>> "市司法局" in tok.tokens("郑州市司法局牵头")
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
import threading
from sys import intern
import unicodedata
import uuid
from collections import OrderedDict
from importlib import resources
from pathlib import Path

from ..progress import bar
from ..schema import Passage

log = logging.getLogger(__name__)

TOKEN_CACHE = "bm25-tokens.json"
# Bump when tokens() changes in a way the signature does not see.
TOKENIZER_VERSION = "2"
# jieba-rs through rjieba: the same dictionary and algorithm as jieba, about 20x faster
# (0.19 s instead of 4.0 s for the 72 reports' 1.1 M characters); BM25 recall on both
# evaluation sets is the same (benchmarks/speed.py --segmenters measures it).
SEGMENTER = "rjieba"
TERM_FREQ = 200000

try:
    from zhconv import convert as _zh_convert
except ImportError:  # pragma: no cover - declared dependency
    _zh_convert = None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if _zh_convert is not None:
        text = _zh_convert(text, "zh-cn")
    return text.lower()


# Folding a whole report takes ~50 ms per 10,000 characters, and whole documents are folded
# by several components (and cached with their parse): long texts are remembered, up to
# FOLD_MEMO_CHARS characters in all, least recently used first out.
FOLD_MEMO_MIN = 2000
FOLD_MEMO_CHARS = 16_000_000
_fold_memo: OrderedDict[str, str] = OrderedDict()
_fold_memo_chars = 0
_fold_lock = threading.Lock()


def remember_fold(text: str, folded: str) -> None:
    """Record ``fold(text)`` computed earlier (e.g. read from the parse cache)."""
    global _fold_memo_chars
    if len(text) < FOLD_MEMO_MIN:
        return
    with _fold_lock:
        if text not in _fold_memo:
            _fold_memo[text] = folded
            _fold_memo_chars += len(text)
        _fold_memo.move_to_end(text)
        while _fold_memo_chars > FOLD_MEMO_CHARS and len(_fold_memo) > 1:
            old, _ = _fold_memo.popitem(last=False)
            _fold_memo_chars -= len(old)


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), traditional to simplified, lower case."""
    if len(text) < FOLD_MEMO_MIN:
        return _fold(text)
    with _fold_lock:
        found = _fold_memo.get(text)
        if found is not None:
            _fold_memo.move_to_end(text)
            return found
    folded = _fold(text)
    remember_fold(text, folded)
    return folded


@functools.lru_cache(maxsize=1 << 18)
def pinyin(text: str) -> str:
    """Toneless pinyin of a Chinese string, syllables joined: 文号 -> wenhao."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


@functools.lru_cache(maxsize=1 << 18)
def _py(bigram: str) -> str:
    return intern("py:" + pinyin(bigram))


@functools.lru_cache(maxsize=1)
def user_words() -> tuple[str, ...]:
    """The package's own word list (legal and administrative terms), folded."""
    text = resources.files("assistant").joinpath("data/userdict.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(fold(line) for line in lines if line and not line.startswith("#"))


STOPWORDS = set(
    "的 了 吗 呢 啊 吧 么 是 有 在 和 与 及 或 要 把 被 对 于 为 将 就 都 也 还 又 这 那 哪 谁 什么 怎么 怎样 如何 多少 几 "
    "个 项 条 些 哪些 哪个 我 我们 你 你们 他 她 它 请 问 一下 一个 这个 那个 这项 那项 该 其 之 啊 呀 哦 嗯 请问 告诉 说 "
    "时候 需要 应该 可以 能 会 让 给 去 做 没有 有没有 吗 是不是 文件 通知 规定".split()
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_CACHE_LIMIT = 200_000


class Tokenizer:
    """BM25 tokens with a dictionary of its own: the package's word list plus a corpus's
    unit names and item titles (``terms``). Two corpora in one process never share words.
    Tokens are cached per text on the instance."""

    def __init__(self, terms=(), segmenter: str | None = None):
        segmenter = segmenter or SEGMENTER
        if segmenter not in ("jieba", "rjieba"):
            raise ValueError(f"unknown segmenter {segmenter!r}: jieba or rjieba")
        self.segmenter = segmenter
        self.terms: set[str] = set()
        self._seg = None
        self._lock = threading.Lock()
        self._cache: dict[str, list[str]] = {}
        self.add(terms)

    def add(self, terms) -> None:
        """Teach the tokenizer more words (2 to 20 characters, folded)."""
        new = {t for t in map(fold, terms) if 2 <= len(t) <= 20} - self.terms
        if not new:
            return
        with self._lock:
            self.terms |= new
            if self._seg is not None:
                for t in sorted(new):
                    self._add_word(self._seg, t)
            self._cache = {}
        self.__dict__.pop("signature", None)

    @functools.cached_property
    def signature(self) -> str:
        """Changes whenever :meth:`tokens` could split a text differently."""
        h = hashlib.sha256(f"{TOKENIZER_VERSION}\x1f{self.segmenter}".encode())
        h.update("\n".join(user_words()).encode("utf-8"))
        h.update("\n".join(sorted(self.terms)).encode("utf-8"))
        return h.hexdigest()[:16]

    def _add_word(self, seg, word: str) -> None:
        if self.segmenter == "rjieba":
            seg.add_word(word, TERM_FREQ, None)
        else:
            seg.add_word(word, freq=TERM_FREQ)

    def _segmenter(self):
        with self._lock:
            if self._seg is None:
                if self.segmenter == "rjieba":
                    import rjieba

                    seg = rjieba.Jieba()
                else:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    seg = jieba.Tokenizer()
                for word in user_words() + tuple(sorted(self.terms)):
                    self._add_word(seg, word)
                self._seg = seg
            return self._seg

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is in this tokenizer's dictionary (not merely segmented as one)."""
        seg = self._segmenter()
        if self.segmenter == "rjieba":
            return bool(seg.has_word(word))
        seg.check_initialized()
        return bool(seg.FREQ.get(word))

    def cut(self, folded: str) -> list[str]:
        """Words of folded text in accurate mode (each character in one word)."""
        return list(self._segmenter().cut(folded))

    def words(self, folded: str) -> list[str]:
        """Search-mode words of folded text (stopwords and punctuation kept)."""
        return list(self._segmenter().cut_for_search(folded))

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech flag) pairs, with this tokenizer's dictionary."""
        seg = self._segmenter()
        if self.segmenter == "rjieba":
            return [(w, flag or "x") for w, flag in seg.tag(text)]
        import jieba.posseg

        return [(p.word, p.flag) for p in jieba.posseg.POSTokenizer(seg).cut(text)]

    def tokens(self, text: str) -> list[str]:
        """BM25 tokens: search-mode words plus CJK character bigrams (robust to typos and
        unsegmented words) and their pinyin, after folding; stopwords and punctuation dropped."""
        found = self._cache.get(text)
        if found is not None:
            return list(found)
        folded = fold(text)
        out = [w for w in self.words(folded) if w.strip() and not _PUNCT.fullmatch(w) and w not in STOPWORDS]
        for run in _CJK_RUN.findall(folded):
            bigrams = [run[i : i + 2] for i in range(len(run) - 1)]
            out.extend(bigrams)
            # Homophone typos (数据哭 for 数据库) are the commonest input-method slips: match on sound too.
            out.extend(_py(b) for b in bigrams)
        # One string object per distinct token: a million characters give 2.3 M tokens of
        # about 200 k distinct ones (~200 MiB less memory while ingesting).
        out = [intern(w) for w in out]
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache = {}
        self._cache[text] = out
        return list(out)


def content_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def read_token_cache(path: Path | None, signature: str) -> dict[str, list[str]]:
    """Tokens by content hash from an earlier build with the same tokenizer."""
    if path is None:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("signature") != signature or data.get("key") != "content":
            return {}
        return {key: [intern(t) for t in joined.split("\x1f")] if joined else [] for key, joined in data["tokens"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, AttributeError, KeyError) as exc:
        log.warning("token cache %s is unreadable, tokenizing again: %s", path, exc)
        return {}


def write_token_cache(path: Path, signature: str, by_key: dict[str, list[str]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        body = {"signature": signature, "key": "content", "tokens": {k: "\x1f".join(t) for k, t in by_key.items()}}
        tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a cache that cannot be written only costs time at the next start
        log.warning("could not write the token cache %s: %s", path, exc)


class Okapi:
    """BM25 Okapi with the scoring of ``rank_bm25.BM25Okapi`` (k1 1.5, b 0.75, idf floor
    0.25 × mean idf, also for a word in exactly half the passages), over an inverted index
    held in a few numpy arrays: a query costs a slice and an addition per token (~1 ms at 6,000 passages), and building it for the 72
    reports' 2.3 M tokens takes well under a second (one pass to number the words, the rest
    vectorised)."""

    def __init__(self, corpus: list[list[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        import numpy as np

        self.size = n = len(corpus)
        lengths = np.array([len(doc) for doc in corpus], dtype=np.int64)
        avgdl = float(lengths.mean()) if n else 0.0
        norm = k1 * (1 - b + b * lengths / avgdl) if avgdl else np.full(n, k1)
        vocab: dict[str, int] = {}
        ids = np.fromiter((vocab.setdefault(w, len(vocab)) for doc in corpus for w in doc), dtype=np.int64, count=int(lengths.sum()))
        docs = np.repeat(np.arange(n, dtype=np.int64), lengths)
        # One entry per (word, passage), sorted by word then passage, with its frequency.
        pairs, tf = np.unique(ids * max(n, 1) + docs, return_counts=True)
        word, self._docs = pairs // max(n, 1), pairs % max(n, 1)
        df = np.bincount(word, minlength=len(vocab))
        self._start = np.concatenate(([0], np.cumsum(df)))
        # math.log and a plain sum in first-seen order, as rank_bm25 computes them.
        idf = [math.log(n - d + 0.5) - math.log(d + 0.5) for d in df.tolist()]
        mean_idf = sum(idf) / len(idf) if idf else 0.0
        # A word in exactly half the passages gets idf 0 in rank_bm25 (and every word may in
        # a tiny document), scoring below one in more than half: it gets the floor too, so a
        # question whose words the document writes is never scored as matching nothing.
        floor = epsilon * mean_idf if mean_idf > 0 else epsilon
        idf = [v if v > 0 else floor for v in idf]
        self.vocab = vocab
        self.idf: dict[str, float] = dict(zip(vocab, idf))
        self._idf = idf
        tf = tf.astype(float)
        self._weights = tf * (k1 + 1) / (tf + norm[self._docs])

    def get_scores(self, query: list[str]):
        import numpy as np

        scores = np.zeros(self.size)
        for q in query:
            t = self.vocab.get(q)
            if t is not None and self._idf[t]:
                lo, hi = self._start[t], self._start[t + 1]
                scores[self._docs[lo:hi]] += self._idf[t] * self._weights[lo:hi]
        return scores


def bm25_text(p: Passage) -> str:
    """What BM25 sees of a passage: an item with its heading, anything else as written."""
    return (p.ref + " " if p.kind == "item" else "") + p.text


def pretokenize(passages: list[Passage], cache: Path | None, tokenizer: Tokenizer | None = None, progress=None) -> None:
    """Tokenize the passages that ``cache`` lacks, with a progress bar, into the
    tokenizer's own cache, so that a :class:`BM25Index` built next (by code that shows no
    progress) finds every text tokenized."""
    tokenizer = tokenizer or default_tokenizer()
    known = read_token_cache(cache, tokenizer.signature)
    todo = {}
    for p in passages:
        text = bm25_text(p)
        todo.setdefault(content_key(text), text)
    todo = {k: t for k, t in todo.items() if k not in known}
    with bar(len(todo), "分词", "段", progress) as b:
        for text in todo.values():
            tokenizer.tokens(text)
            b.update(1)


class BM25Index:
    """BM25 over the tokens of the passages; scores only, ranking is left to fusion.
    Each distinct text is tokenized once; tokens are kept in ``cache`` by content hash,
    so a later build (another process, more documents) tokenizes only new texts."""

    def __init__(self, passages: list[Passage], cache: Path | None = None, tokenizer: Tokenizer | None = None, progress=None):
        self.passages = passages
        self.tokenizer = tokenizer or default_tokenizer()
        self.position = {p.id: i for i, p in enumerate(passages)}
        signature = self.tokenizer.signature
        known = read_token_cache(cache, signature)
        keys = [content_key(bm25_text(p)) for p in passages]
        todo = {k: bm25_text(p) for k, p in zip(keys, passages) if k not in known}
        with bar(len(todo), "分词", "段", progress) as b:
            for k, text in todo.items():
                known[k] = self.tokenizer.tokens(text)
                b.update(1)
        corpus = [known[k] for k in keys]
        if cache is not None and (todo or len(known) != len(set(keys))):
            write_token_cache(cache, signature, {k: known[k] for k in keys})
        self.bm25 = Okapi(corpus) if passages else None

    @property
    def idf(self) -> dict[str, float]:
        return self.bm25.idf if self.bm25 else {}

    def scores_for(self, query: str, passages: list[Passage]) -> dict[str, float]:
        """BM25 scores of the given passages (by id) for a query."""
        q = self.tokenizer.tokens(query)
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
        q = self.tokenizer.tokens(query)
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


# ---------------------------------------------------------------- process-wide shims
# retrieval.py and answering.py still call the module-level tokens() and jieba's global
# POS tagger, and build BM25Index without a tokenizer; until they take the tokenizer of
# their corpus, these keep their behaviour. New code passes a Tokenizer instead.

_DEFAULT: Tokenizer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_tokenizer() -> Tokenizer:
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Tokenizer()
        return _DEFAULT


def tokens(text: str) -> list[str]:
    """:meth:`Tokenizer.tokens` of the process-wide tokenizer."""
    return default_tokenizer().tokens(text)


def add_terms(terms) -> None:
    """Teach the process-wide tokenizer a corpus's unit names and item titles."""
    default_tokenizer().add(terms)


def tokenizer_signature() -> str:
    return default_tokenizer().signature


_GLOBAL_JIEBA_WORDS: set[str] = set()


def _jieba():
    """jieba's process-wide instance with the words of the default tokenizer, for
    answering.py's ``jieba.posseg.cut``."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    for word in (set(user_words()) | default_tokenizer().terms) - _GLOBAL_JIEBA_WORDS:
        jieba.add_word(word, freq=TERM_FREQ)
        _GLOBAL_JIEBA_WORDS.add(word)
    return jieba

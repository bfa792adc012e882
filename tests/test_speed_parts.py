"""The parts that make start-up and ingest fast: the per-instance tokenizer, BM25 tokens
cached by content, the fold memo, and parsed documents cached beside the library's texts."""

import json
import math
import pickle
from pathlib import Path

import pytest

import assistant.index.parsecache as parsecache
from assistant.documents import parse_notice, parse_report
from assistant.index.lexical import BM25Index, Tokenizer, _fold, default_tokenizer, fold, remember_fold
from assistant.library import Library
from assistant.index.parsecache import cached_parse
from assistant.schema import Passage

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"
REPORTS = ROOT / "tests" / "data" / "reports_sample.jsonl"


class CountingTokenizer(Tokenizer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.calls = []

    def tokens(self, text):
        self.calls.append(text)
        return super().tokens(text)


def test_each_tokenizer_has_its_own_dictionary():
    text = "由郑州市司法局牵头落实"
    taught = Tokenizer(terms=["市司法局"])
    plain = Tokenizer()
    assert "市司法局" in taught.tokens(text)
    assert "市司法局" not in plain.tokens(text)
    assert "市司法局" not in default_tokenizer().terms
    assert taught.signature != plain.signature
    assert Tokenizer(segmenter="jieba").signature != plain.signature
    taught.add(["法治督察"])  # new words change the signature and drop cached tokens
    assert "法治督察" in taught.tokens("开展法治督察")
    assert taught.signature != Tokenizer(terms=["市司法局"]).signature


@pytest.mark.parametrize("segmenter", ["jieba", "rjieba"])
def test_both_segmenters_give_search_words_bigrams_and_pinyin(segmenter):
    tok = Tokenizer(segmenter=segmenter)
    out = tok.tokens("規範性文件數據庫")  # traditional characters are folded first
    assert {"规范", "规范性", "数据", "数据库", "py:guifan", "py:shuju"} <= set(out)
    assert "的" not in tok.tokens("规范性文件的数据库")
    assert tok.tag("报酬标准是多少") == [("报酬", "n"), ("标准", "n"), ("是", "v"), ("多少", "m")]


def _passages(texts, prefix):
    return [Passage(f"{prefix}{i}", "d", "", "", t, kind="paragraph") for i, t in enumerate(texts)]


def test_bm25_tokenizes_each_text_once_and_caches_by_content(tmp_path):
    cache = tmp_path / "tokens.json"
    texts = ["规范性文件全部录入数据库", "建立政府法律顾问制度", "规范性文件全部录入数据库"]
    tok = CountingTokenizer()
    first = BM25Index(_passages(texts, "a"), cache=cache, tokenizer=tok)
    assert sorted(tok.calls) == sorted(set(texts))  # the repeated text once
    # Other ids, same texts (a document renamed or ingested again): nothing to tokenize.
    tok2 = CountingTokenizer()
    second = BM25Index(_passages(texts, "b"), cache=cache, tokenizer=tok2)
    assert tok2.calls == []
    assert second.search("法律顾问", n=3)[0][0].id == "b1"
    assert first.search("法律顾问", n=3)[0][0].id == "a1"
    # A different dictionary does not reuse tokens split by another.
    tok3 = CountingTokenizer(terms=["录入数据库"])
    BM25Index(_passages(texts, "c"), cache=cache, tokenizer=tok3)
    assert sorted(tok3.calls) == sorted(set(texts))


def test_a_corrupt_token_cache_is_ignored_and_rewritten(tmp_path):
    cache = tmp_path / "tokens.json"
    cache.write_text("{not json", encoding="utf-8")
    tok = CountingTokenizer()
    texts = ["建立政府法律顾问制度", "规范性文件全部录入数据库", "开展法治督察"]
    index = BM25Index(_passages(texts, "a"), cache=cache, tokenizer=tok)
    assert tok.calls == texts
    assert index.search("法律顾问")[0][0].id == "a0"
    assert json.loads(cache.read_text(encoding="utf-8"))["signature"] == tok.signature


def test_fold_remembers_long_texts():
    text = "ＧＤＰ增長５％，規範性文件。" * 300
    assert fold(text) == _fold(text)
    assert fold(text) is fold(text)
    remember_fold("甲" * 3000, "folded")
    assert fold("甲" * 3000) == "folded"
    assert fold("ＡＢ") == "ab"


def _notice_parse(text):
    return lambda: parse_notice(text, source="n.txt")


def test_parse_cache_hit_miss_and_corruption(tmp_path, monkeypatch):
    text = NOTICE.read_text(encoding="utf-8")
    path = tmp_path / "n.parsed.pkl"
    doc = cached_parse(path, ("notice", "n.txt"), text, _notice_parse(text))
    assert path.is_file()

    def fail():
        raise AssertionError("parsed again")

    again = cached_parse(path, ("notice", "n.txt"), text, fail)
    assert again == doc and again.meta.doc_number == "郑政文〔2017〕60号"
    # Another text, other arguments, another parser version: parsed again and rewritten.
    calls = []

    def counted():
        calls.append(1)
        return parse_notice(text, source="m.txt")

    cached_parse(path, ("notice", "m.txt"), text, counted)
    monkeypatch.setattr(parsecache, "PARSER_VERSION", "test-bump")
    cached_parse(path, ("notice", "m.txt"), text, counted)
    assert calls == [1, 1]
    monkeypatch.undo()
    # A damaged file is ignored and rewritten.
    path.write_bytes(b"\x80\x04garbage")
    assert cached_parse(path, ("notice", "n.txt"), text, _notice_parse(text)) == doc
    key, stored, folded = pickle.loads(path.read_bytes())
    assert stored == doc and folded == fold(doc.text)


def test_library_parses_a_document_once_per_version(tmp_path, monkeypatch):
    import assistant.library as library

    lib = Library(tmp_path)
    batch = lib.read([REPORTS])
    assert batch.entries and not batch.errors
    for e in batch.entries:
        lib.store_text(e, batch.texts[e.sha], batch)
    lib.save(batch.entries)
    cached = sorted(p.name for p in lib.root.glob("*.parsed.pkl"))
    assert cached == sorted(Path(e.file).stem + ".parsed.pkl" for e in batch.entries)

    def fail(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(library, "build_document", fail)
    docs = Library(tmp_path).documents()  # a fresh process: read back, not parsed
    assert [d.doc_id for d in docs] == [e.doc_id for e in batch.entries]
    for d in docs:
        want = batch.documents[d.doc_id]
        assert d == want
    monkeypatch.undo()
    # Pruning a removed document removes its parse too.
    keep = batch.entries[:1]
    lib.prune(keep)
    assert sorted(p.name for p in lib.root.glob("*.parsed.pkl")) == [Path(keep[0].file).stem + ".parsed.pkl"]


def test_report_parse_arguments_decide_the_cache(tmp_path):
    text = "各位代表：\n\n一、工作回顾\n\n过去一年，国内生产总值增长5%。\n"
    path = tmp_path / "r.parsed.pkl"
    a = cached_parse(path, ("report", "s", "标题甲", "2024", "a"), text, lambda: parse_report(text, source="s", title="标题甲", year="2024", doc_id="a"))
    b = cached_parse(path, ("report", "s", "标题乙", "2024", "b"), text, lambda: parse_report(text, source="s", title="标题乙", year="2024", doc_id="b"))
    assert (a.title, b.title) == ("标题甲", "标题乙")


def test_okapi_scores_equal_rank_bm25():
    import numpy as np
    from rank_bm25 import BM25Okapi

    from assistant.documents import parse_file
    from assistant.index import passages_of
    from assistant.index.lexical import Okapi

    tok = Tokenizer()
    corpus = [tok.tokens(p.text) for p in passages_of(parse_file(NOTICE))]
    ours, reference = Okapi(corpus), BM25Okapi(corpus)
    for question in ("规范性文件 数据库", "法律顾问 全覆盖 时间 时间", "县政府常务会议学法", "没有出现过的词语"):
        q = tok.tokens(question)
        assert np.array_equal(ours.get_scores(q), reference.get_scores(q))
    assert ours.idf == dict(zip(reference.idf, reference.idf.values()))
    assert Okapi([]).get_scores(["词"]).tolist() == []


def test_a_word_in_half_the_passages_still_scores():
    """rank_bm25 gives a word in exactly half the passages idf 0; a two-passage document
    would match nothing a question asks."""
    from assistant.index.lexical import Okapi

    ours = Okapi([["平台", "奖补"], ["审计", "监督"]])
    assert ours.get_scores(["奖补"]).tolist()[0] > 0 and ours.get_scores(["奖补"]).tolist()[1] == 0
    many = Okapi([["甲", "乙"], ["甲", "丙"], ["丁"], ["戊"]])
    once = math.log(3.5 / 1.5)  # 乙, 丙, 丁, 戊: one passage of four
    assert many.idf["乙"] == pytest.approx(once)
    assert many.idf["甲"] == pytest.approx(0.25 * (0 + 4 * once) / 5)  # two of four: the floor


def test_bf16_setting_reaches_the_embedder(monkeypatch, tmp_path):
    """ASSISTANT_EMBEDDING_BF16: auto (the default: where the CPU has bfloat16), 1 or 0."""
    from assistant.config import Settings
    from assistant.schema import InputError
    from assistant.service import Assistant

    monkeypatch.delenv("ASSISTANT_EMBEDDING_BF16", raising=False)
    assert Settings.load().embedding_bf16 is None
    for text, want in (("auto", None), ("1", True), ("on", True), ("0", False), ("off", False)):
        monkeypatch.setenv("ASSISTANT_EMBEDDING_BF16", text)
        settings = Settings.load(index_dir=tmp_path)
        assert settings.embedding_bf16 is want
        assert Assistant.default_embedder(settings).bf16 is want  # nothing is loaded
    monkeypatch.setenv("ASSISTANT_EMBEDDING_BF16", "fast")
    with pytest.raises(InputError, match="ASSISTANT_EMBEDDING_BF16"):
        Settings.load()


def test_onnx_folder_setting_reaches_the_embedder(monkeypatch, tmp_path):
    """ASSISTANT_ONNX_DIR: one query-encoder export shared by several indexes; by default
    it sits in the index folder."""
    from assistant.config import Settings
    from assistant.service import Assistant

    monkeypatch.delenv("ASSISTANT_ONNX_DIR", raising=False)
    settings = Settings.load(index_dir=tmp_path / "index")
    assert Assistant.default_embedder(settings).onnx_dir == tmp_path / "index" / "onnx"
    monkeypatch.setenv("ASSISTANT_ONNX_DIR", str(tmp_path / "shared"))
    assert Assistant.default_embedder(Settings.load(index_dir=tmp_path / "index")).onnx_dir == tmp_path / "shared"
    assert Settings.load(onnx_dir=str(tmp_path / "given")).query_encoder_dir == tmp_path / "given"  # an argument wins
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_ONNX_DIR", str(tmp_path / "a-file"))
    from assistant.schema import InputError

    with pytest.raises(InputError, match="ASSISTANT_ONNX_DIR 应为文件夹"):
        Settings.load()

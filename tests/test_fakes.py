"""The fake embedder and the in-memory store that the fast tests use, and components
passed into the Assistant."""

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.schema import Passage
from assistant.testing import HashingEmbeddings, MemoryStore, _matches


def test_hashing_embeddings_are_deterministic_normalised_and_share_words():
    emb = HashingEmbeddings(dimensions=256)
    a = np.array(emb.embed_query("规范性文件录入数据库"))
    assert a.shape == (256,)
    assert np.linalg.norm(a) == pytest.approx(1.0, abs=1e-6)
    assert np.array_equal(a, np.array(HashingEmbeddings(dimensions=256).embed_query("规范性文件录入数据库")))
    same_words = np.array(emb.embed_query("规范性文件什么时候录入数据库"))
    other = np.array(emb.embed_query("政府法律顾问制度全覆盖"))
    assert a @ same_words > 0.6 > 0.2 > a @ other
    # Folded first: full-width and traditional characters count as their plain forms.
    assert np.allclose(emb.embed_query("規範性文件ＡＢＣ"), emb.embed_query("规范性文件abc"))
    assert emb.embed_query("？！……") == [0.0] * 256
    assert np.allclose(emb.embed_documents(["规范性文件录入数据库"])[0], a)


@pytest.mark.parametrize(
    "where,expected",
    [
        (None, True),
        ({"doc_id": "d1"}, True),
        ({"doc_id": "d2"}, False),
        ({"doc_id": {"$in": ["d2", "d1"]}}, True),
        ({"doc_id": {"$in": ["d2"]}}, False),
        ({"$and": [{"doc_id": "d1"}, {"item": 7}, {"kind": "sentence"}]}, True),
        ({"$and": [{"doc_id": "d1"}, {"item": 8}, {"kind": "sentence"}]}, False),
        ({"item": {"$eq": 7}}, True),
    ],
)
def test_where_filters(where, expected):
    assert _matches({"doc_id": "d1", "item": 7, "kind": "sentence"}, where) is expected


def test_unknown_where_operator_is_an_error():
    with pytest.raises(ValueError, match=r"\$gt"):
        _matches({"item": 7}, {"item": {"$gt": 3}})


def _passage(pid, doc_id, item, text, kind="sentence"):
    return Passage(pid, doc_id, f"（{item}）", "", text, kind=kind, item=item, sentence=0)


def test_memory_store_opens_queries_filters_and_reuses(tmp_path):
    emb = HashingEmbeddings()
    store = MemoryStore(emb, tmp_path)
    doc = SimpleNamespace(doc_id="d1", text="规范性文件要录入数据库。建立法律顾问制度。")  # what the index key reads
    passages = [_passage("a", "d1", 1, "规范性文件要录入数据库"), _passage("b", "d1", 2, "建立法律顾问制度"), _passage("c", "d2", 1, "规范性文件要录入数据库")]
    assert store.open([doc], passages).startswith("首次构建索引：完成（新向量化 3 个段落，共 3 个）")
    assert store.built
    assert store.open([doc], passages) == "已加载现有索引。" and not store.built
    hits = store.query(emb.embed_query("规范性文件什么时候录入数据库"), 3)
    assert [pid for pid, _ in hits][:2] in (["a", "c"], ["c", "a"]) and hits[2][0] == "b"
    assert hits[0][1] == pytest.approx(hits[1][1]) and hits[0][1] > hits[2][1]
    assert [pid for pid, _ in store.query(emb.embed_query("规范性文件"), 5, where={"doc_id": "d1"})] == ["a", "b"]
    assert [pid for pid, _ in store.query(emb.embed_query("规范性文件"), 5, where={"$and": [{"doc_id": "d1"}, {"item": 2}]})] == ["b"]
    assert store.query(emb.embed_query("规范性文件"), 5, where={"doc_id": "nothing"}) == []
    assert store.open([doc], passages[:2], rebuild=True).startswith("按要求重建索引：完成（新向量化 0 个段落，共 2 个）")
    assert store.fresh().index_dir == store.index_dir and store.fresh() is not store


def test_assistant_uses_the_components_passed_in(fake_qa):
    assert isinstance(fake_qa.store, MemoryStore) and isinstance(fake_qa.embeddings, HashingEmbeddings)
    assert fake_qa.searcher.store is fake_qa.store and fake_qa.searcher.embeddings is fake_qa.embeddings
    assert fake_qa.status == f"首次构建索引：完成（新向量化 {len(fake_qa.passages)} 个段落，共 {len(fake_qa.passages)} 个），用时 0.0 秒。"
    assert fake_qa.retrieve("规范性文件什么时候前要录入数据库？", k=1)[0].item == 7


def test_defaults_are_the_real_model_and_chroma_built_lazily(tmp_path):
    from assistant import Assistant
    from assistant.index.embeddings import SentenceTransformerEmbeddings
    from assistant.index import VectorStore

    for qa in (Assistant(index_dir=tmp_path / "a", data_dir=tmp_path / "d", lazy=True),
               Assistant.from_settings(index_dir=tmp_path / "b", data_dir=tmp_path / "d", lazy=True)):
        assert isinstance(qa.embeddings, SentenceTransformerEmbeddings) and isinstance(qa.store, VectorStore)
        assert qa.store.embeddings is qa.embeddings and qa.store.index_dir == qa.settings.index_dir
        assert not qa.embeddings.model_loaded and qa.searcher is None  # nothing loaded before warm_up
    # A store passed alone brings its embedder.
    embedder = HashingEmbeddings()
    alone = Assistant(index_dir=tmp_path / "c", data_dir=tmp_path / "d", store=MemoryStore(embedder, tmp_path / "c"))
    assert alone.embeddings is embedder and alone.status.startswith("首次构建索引")

"""The index: passages, manifest, automatic rebuilds, corrupt stores, and the Chroma server
path (slow: the real model and Chroma), and the query batcher."""

import json
import shutil
import socket
import time
from pathlib import Path

import pytest

from assistant.documents import parse_file
from assistant.index import passages_of
from assistant.schema import StoreError

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"


def test_passages_and_ids():
    doc = parse_file(NOTICE)
    passages = passages_of(doc)
    kinds = [p.kind for p in passages]
    assert kinds.count("item") == 34
    assert kinds.count("sentence") == sum(len(i.sentences) for i in doc.items)
    assert [k for k in kinds if k not in ("item", "sentence")] == ["header", "preamble", "chapters", "footer"]
    assert len({p.id for p in passages}) == len(passages)
    assert [p.id for p in passages] == [p.id for p in passages_of(parse_file(NOTICE))]


@pytest.mark.slow
def test_manifest_reuse_and_rebuild(qa, tmp_path):
    from assistant import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(NOTICE, corpus / NOTICE.name)
    index = tmp_path / "index"
    first = Assistant(corpus_dir=corpus, index_dir=index)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedding_model"] == "m3e-small"
    assert manifest["dimensions"] == 512
    assert manifest["passages"] == len(first.passages)
    assert first.status.startswith("首次构建索引")

    assert Assistant(corpus_dir=corpus, index_dir=index).status == "已加载现有索引。"

    # A changed corpus is rebuilt in a new store; the replaced one is kept for processes
    # still answering from it, and the one before it is removed.
    stores = []
    for extra in ("和企业", "和企业、群众"):
        text = NOTICE.read_text(encoding="utf-8").replace("方便公众查询", f"方便公众{extra}查询")
        (corpus / NOTICE.name).write_text(text, encoding="utf-8")
        changed = Assistant(corpus_dir=corpus, index_dir=index)
        assert changed.status.startswith("语料、解析器或向量模型已变化")
        stores.append(json.loads((index / "manifest.json").read_text(encoding="utf-8")))
    assert stores[1]["previous"]["store"] == stores[0]["store"]
    assert sorted(p.name for p in index.glob("store-*")) == sorted([stores[0]["store"], stores[1]["store"]])
    text = NOTICE.read_text(encoding="utf-8").replace("方便公众查询", "方便公众和企业查询")
    (corpus / NOTICE.name).write_text(text, encoding="utf-8")
    changed = Assistant(corpus_dir=corpus, index_dir=index)
    assert "方便公众和企业查询" in changed.retrieve("规范性文件数据库", k=1)[0].text

    # A corrupt manifest or store is rebuilt with a message, never a traceback.
    (index / "manifest.json").write_text("{not json", encoding="utf-8")
    assert Assistant(corpus_dir=corpus, index_dir=index).status.startswith("索引清单损坏")
    store = next(index.glob("store-*"))
    (store / "chroma.sqlite3").write_bytes(b"garbage")
    repaired = Assistant(corpus_dir=corpus, index_dir=index)
    assert repaired.status.startswith("索引不完整或已损坏")
    assert repaired.retrieve("规范性文件数据库", k=1)[0].item == 7


def test_empty_corpus_dir(tmp_path):
    from assistant import Assistant
    from assistant.schema import InputError

    with pytest.raises(InputError, match="语料目录中没有可用的文件"):
        Assistant(corpus_dir=tmp_path, index_dir=tmp_path / "i")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_chroma_server_unreachable(tmp_path):
    from assistant import Assistant

    port = _free_port()
    with pytest.raises(StoreError, match=f"无法连接 Chroma 服务器 127.0.0.1:{port}"):
        Assistant(index_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=port)


@pytest.mark.slow
def test_chroma_server_path(tmp_path):
    from assistant import Assistant
    from benchmarks._server import ChromaServer

    with ChromaServer(tmp_path / "server") as server:
        port = server.port
        qa = Assistant(index_dir=tmp_path / "local", chroma_host="127.0.0.1", chroma_port=port)
        assert qa.status.startswith("首次构建索引")
        manifest = json.loads((tmp_path / "local" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["server"] == f"127.0.0.1:{port}" and manifest["store"] is None
        assert qa.retrieve("规范性文件什么时候录入数据库", k=1)[0].item == 7
        assert "2017年10月底前" in qa.ask("规范性文件什么时候录入数据库？").text
        again = Assistant(index_dir=tmp_path / "local", chroma_host="127.0.0.1", chroma_port=port)
        assert again.status == "已加载现有索引。"


def test_query_batcher_batches_concurrent_queries_and_shares_errors():
    import threading

    from assistant.index import QueryBatcher

    calls: list[list[str]] = []
    first_started = threading.Event()

    def encode(texts):
        calls.append(list(texts))
        first_started.set()
        time.sleep(0.5)  # the model is busy while the other threads arrive
        return [len(t) for t in texts]

    batcher = QueryBatcher(encode)
    results: dict[str, int] = {}
    leader = threading.Thread(target=lambda: results.update(a=batcher("a")))
    leader.start()
    first_started.wait(5)
    others = [threading.Thread(target=lambda t=t: results.update({t: batcher(t)})) for t in ("bb", "ccc", "bb", "dddd")]
    for t in others:
        t.start()
    for t in [leader, *others]:
        t.join(10)
    # The first query is encoded alone; everything that queued meanwhile goes in one batch,
    # a repeated text once; every caller gets its own vector.
    assert calls == [["a"], ["bb", "ccc", "dddd"]]
    assert results == {"a": 1, "bb": 2, "ccc": 3, "dddd": 4}

    def broken(texts):
        raise RuntimeError("model failed")

    with pytest.raises(RuntimeError, match="model failed"):
        QueryBatcher(broken)("a")

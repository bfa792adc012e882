"""More documents: report parsing, ingest/docs/remove, scoped and multi-document answers,
failures that leave the index alone, a SIGKILL in the middle of an ingest, the server path."""

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.documents import parse_report
from assistant.documents.structure import report_blocks
from assistant.library import Library, merge
from assistant.schema import InputError

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"
REPORTS = ROOT / "tests" / "data" / "reports_sample.jsonl"
R2025 = "2025年中华人民共和国国务院政府工作报告"
R1975 = "1975年中华人民共和国国务院政府工作报告"
RESOLUTION = "第十四届全国人民代表大会第三次会议关于政府工作报告的决议"

MESSY = (
    "各位代表：\n\n\u3000\u3000现在，我代表国务院，向大会报告政府工作。\n\n\n"
    "一、2016年工作回顾\n\n"
    "过去一年，国内生产总值达到74.4万亿元，增长6.7%。\u200b依据《\n中华人民共和国预算法\n》第五条，"
    "编制预算。\n\n"
    "（一）稳增长\n\n"
    "实施积极的财政政策。\n\n"
    "结束语\n\n各位代表！\n\n"
    "本作品是中华人民共和国的\n法律\n、\n法规\n，属于\n公有领域\n。\n\nPublic domain\nfalse\n"
)


def test_report_blocks_join_broken_links_and_drop_boilerplate():
    assert report_blocks(MESSY) == [
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作。",
        "一、2016年工作回顾",
        "过去一年，国内生产总值达到74.4万亿元，增长6.7%。依据《中华人民共和国预算法》第五条，编制预算。",
        "（一）稳增长",
        "实施积极的财政政策。",
        "结束语",
        "各位代表！",
    ]


def test_parse_report_headings_and_paragraphs():
    doc = parse_report(MESSY, title="2017年政府工作报告", source="r.txt")
    assert doc.kind == "report" and doc.meta.year == "2017" and doc.label == "《2017年政府工作报告》"
    assert [c.title for c in doc.chapters] == ["一、2016年工作回顾", "结束语"]
    assert [(s.title, s.chapter) for s in doc.sections] == [
        ("开头·第1段", 0),
        ("开头·第2段", 0),
        ("一、2016年工作回顾·第1段", 1),
        ("（一）稳增长·第1段", 1),
        ("结束语·第1段", 2),
    ]
    with pytest.raises(InputError, match="文档内容为空"):
        parse_report(" \n\u200b\n", title="x")


def _docx_bytes() -> bytes:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("2018年工作要点")
    d.save(buf)
    return buf.getvalue()


def test_read_batch_reports_each_failure_and_keeps_the_rest(tmp_path):
    good = tmp_path / "good.jsonl"
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    good.write_text("\n".join([lines[1], "{broken json", '{"title": "无正文"}', "[1, 2]", lines[2]]) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "cut.docx").write_bytes(_docx_bytes()[:300])
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (tmp_path / "gbk-report.txt").write_bytes("一、工作回顾\n\n去年粮食产量达到1.3万亿斤。\n".encode("gbk"))
    batch = Library(tmp_path / "index").read(
        [good, tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "table.xlsx", tmp_path / "cut.docx", tmp_path / "cut.pdf",
         tmp_path / "gbk-report.txt", tmp_path / "missing.txt"]
    )
    assert [e.title for e in batch.entries] == [RESOLUTION, R1975, "gbk-report"]
    assert [e.kind for e in batch.entries] == ["report", "report", "report"]
    assert batch.documents["gbk-report"].sections[0].text == "去年粮食产量达到1.3万亿斤。"
    errors = "\n".join(batch.errors)
    assert len(batch.errors) == 9, errors
    for expected in ("good.jsonl 第2行：不是有效的 JSON", "good.jsonl 第3行：缺少 title 或 content", "good.jsonl 第4行：应为 JSON 对象",
                     "文件为空：empty.txt", "binary.txt", "不支持的文件类型“.xlsx”：table.xlsx", "cut.docx", "cut.pdf", "missing.txt：文件不存在"):
        assert expected in errors, expected


def test_merge_unchanged_replaced_duplicate_and_reserved(tmp_path):
    lib = Library(tmp_path)
    first = lib.read([REPORTS])
    entries, notes, errors = merge([], first, set())
    assert notes == [f"已添加：{R2025}", f"已添加：{RESOLUTION}", f"已添加：{R1975}"] and errors == []
    again, notes, _ = merge(entries, lib.read([REPORTS]), set())
    assert again == entries and notes == [f"未变化：{t}" for t in (R2025, RESOLUTION, R1975)]
    changed = tmp_path / "changed.jsonl"
    row = json.loads(REPORTS.read_text(encoding="utf-8").splitlines()[2])
    row["content"] = row["content"].replace("各位代表！", "各位代表：", 1)
    changed.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    replaced, notes, _ = merge(entries, lib.read([changed]), set())
    assert notes == [f"已更新：{R1975}"]
    assert [e.sha != o.sha for e, o in zip(replaced, entries)] == [False, False, True]
    twin = tmp_path / "twin.jsonl"
    row = json.loads(REPORTS.read_text(encoding="utf-8").splitlines()[1])
    row["title"] = "另一个标题"
    twin.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    _, notes, _ = merge(entries, lib.read([twin]), set())
    assert notes == [f"内容与已有文档“{RESOLUTION}”相同，已跳过：twin.jsonl#1"]
    _, _, errors = merge([], lib.read([REPORTS]), {R1975.lower()})
    assert errors == [f"{REPORTS.name}#3：与内置语料中的文档同名（{R1975}），已跳过。请改名后再导入。"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(NOTICE, folder / NOTICE.name)
    return folder


def _manifest(index: Path) -> dict:
    return json.loads((index / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_ingest_ask_scope_replace_remove(corpus, tmp_path):
    from assistant import Assistant

    index = tmp_path / "index"
    qa = Assistant(corpus_dir=corpus, index_dir=index)
    base_passages = len(qa.passages)
    result = qa.ingest([REPORTS])
    assert result["errors"] == [] and len(result["added"]) == 3
    assert [r["title"] for r in qa.library_entries()] == ["郑州市2017年推进依法行政建设法治政府工作要点", R2025, RESOLUTION, R1975]
    assert _manifest(index)["passages"] == len(qa.passages) > base_passages
    built = _manifest(index)["built_at"]

    # A question naming a report is answered from it, naming the document and the heading.
    ans = qa.ask("2025年政府工作报告提出的国内生产总值增长预期目标是多少？")
    assert not ans.refused and "国内生产总值增长5%左右" in ans.text
    assert ans.text.startswith(f"根据《{R2025}》「二、2025年经济社会发展总体要求和政策取向·")
    assert ans.citations[0].doc_id == R2025 and ans.citations[0].text in qa.library.documents()[0].text.replace("\n", "")
    # A short follow-up stays with the document the previous answer quoted.
    history = [{"role": "user", "content": "2025年政府工作报告提出的国内生产总值增长预期目标是多少？"}, {"role": "assistant", "content": ans.text}]
    follow = qa.ask("粮食产量呢？", history=history)
    assert {c.doc_id for c in follow.citations} == {R2025} and "粮食产量" in follow.text
    # Scoped to one document by the caller.
    scoped = qa.retrieve("财政赤字率", k=3, doc="1975年")
    assert {p.doc_id for p in scoped} <= {R1975}
    missing = qa.ask("目标是多少", doc="2099年报告")  # ask() never raises: the message is the answer
    assert missing.refused and missing.intent == "error" and missing.text == "没有找到文档“2099年报告”。可用 python -m assistant docs 查看文档列表。"
    # The notice is still answered as before, and says which document it quotes.
    notice = qa.ask("规范性文件什么时候前要录入数据库？")
    assert "2017年10月底前" in notice.text and "郑政文〔2017〕60号" in notice.text
    # A year that only a report covers is not refused as "another year"...
    assert not qa.ask("2025年政府工作报告中粮食产量目标是多少？").refused
    # ...but a place and a year that no single document covers together are.
    local = qa.ask("郑州市2025年的财政预算是多少？")
    assert local.refused and local.citations == () and "2025年" in local.text

    # Re-ingesting the same content changes nothing, not even the build.
    assert qa.ingest([REPORTS])["status"] == "文档没有变化，索引未改动。"
    assert _manifest(index)["built_at"] == built

    # A changed document replaces its passages; only its passages are embedded again.
    row = json.loads(REPORTS.read_text(encoding="utf-8").splitlines()[1])
    row["content"] = row["content"].replace("决定批准这个报告", "决定批准这个报告并予以公布")
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    result = qa.ingest([changed])
    assert result["added"] == [f"已更新：{RESOLUTION}"]
    assert "新向量化 1 个段落" in result["status"]
    texts = [p.text for p in qa.passages if p.doc_id == RESOLUTION.lower()]
    assert any("并予以公布" in t for t in texts) and not any("决定批准这个报告。" in t for t in texts)
    assert len(list((index / "library").glob("*.txt"))) == 3

    # Removal, and a fresh process sees the same library.
    assert qa.remove("1975年") == f"已删除：{R1975}"
    with pytest.raises(InputError, match="属于内置语料"):
        qa.remove("zhengzhou-2017-rule-of-law-work-points")
    again = Assistant(corpus_dir=corpus, index_dir=index)
    assert again.status == "已加载现有索引。"
    assert [r["doc_id"] for r in again.library_entries()][1:] == [R2025.lower(), RESOLUTION.lower()]

    # Ingesting only bad files never touches the index or the registry.
    registry = (index / "library" / "registry.json").read_bytes()
    (tmp_path / "empty.txt").write_bytes(b"")
    manifest = _manifest(index)
    result = again.ingest([tmp_path / "empty.txt"])
    assert result["errors"] == ["文件为空：empty.txt"] and _manifest(index) == manifest
    assert (index / "library" / "registry.json").read_bytes() == registry


@pytest.mark.slow
def test_crash_between_index_switch_and_registry_leaves_previous_documents(corpus, tmp_path, monkeypatch):
    from assistant import Assistant

    index = tmp_path / "index"
    qa = Assistant(corpus_dir=corpus, index_dir=index)

    def crash(self, entries):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(Library, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        qa.ingest([REPORTS])
    monkeypatch.undo()
    after = Assistant(corpus_dir=corpus, index_dir=index)
    # The registry was never written: the documents are the old ones, the index follows them.
    assert [d.doc_id for d in after.documents] == ["zhengzhou-2017-rule-of-law-work-points"]
    assert after.store.collection.count() == len(after.passages)
    assert after.retrieve("规范性文件数据库", k=1)[0].item == 7


@pytest.mark.slow
def test_sigkill_during_ingest_keeps_the_previous_index(corpus, tmp_path):
    from assistant import Assistant

    index = tmp_path / "index"
    first = tmp_path / "first.jsonl"
    first.write_text(REPORTS.read_text(encoding="utf-8").splitlines()[1] + "\n", encoding="utf-8")
    qa = Assistant(corpus_dir=corpus, index_dir=index)
    qa.ingest([first])
    manifest, registry = _manifest(index), (index / "library" / "registry.json").read_bytes()

    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", str(REPORTS), "--corpus", str(corpus), "--index-dir", str(index)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    seen = ""
    deadline = time.time() + 180
    while "需向量化" not in seen and time.time() < deadline and proc.poll() is None:
        seen += proc.stderr.readline()
    assert "需向量化" in seen, seen
    time.sleep(1.0)  # in the middle of embedding and writing the new store
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL

    assert _manifest(index) == manifest
    assert (index / "library" / "registry.json").read_bytes() == registry
    after = Assistant(corpus_dir=corpus, index_dir=index)
    assert after.status == "已加载现有索引。"
    assert [d.doc_id for d in after.documents] == ["zhengzhou-2017-rule-of-law-work-points", RESOLUTION.lower()]
    assert after.retrieve("规范性文件数据库", k=1)[0].item == 7
    # The next ingest completes and removes what the killed one left behind (the store it
    # replaces is kept one build longer, for processes still answering from it).
    assert after.ingest([REPORTS])["errors"] == []
    assert sorted(p.name for p in index.glob("store-*")) == sorted([_manifest(index)["store"], manifest["store"]])


@pytest.mark.slow
def test_ingest_through_a_chroma_server(corpus, tmp_path):
    from assistant import Assistant
    from benchmarks._server import ChromaServer

    with ChromaServer(tmp_path / "server") as server:
        qa = Assistant(corpus_dir=corpus, index_dir=tmp_path / "local", chroma_host="127.0.0.1", chroma_port=server.port)
        result = qa.ingest([REPORTS])
        assert result["errors"] == [] and _manifest(tmp_path / "local")["server"] == f"127.0.0.1:{server.port}"
        hits = qa.retrieve("2025年政府工作报告 城镇新增就业目标", k=3)
        assert hits[0].doc_id == R2025.lower()
        assert qa.remove(RESOLUTION).startswith("已删除")
        again = Assistant(corpus_dir=corpus, index_dir=tmp_path / "local", chroma_host="127.0.0.1", chroma_port=server.port)
        assert again.status == "已加载现有索引。" and len(again.documents) == 3


@pytest.mark.slow
def test_cli_ingest_docs_and_scoped_ask(corpus, tmp_path):
    index = tmp_path / "index"
    env = dict(os.environ, ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index))
    (tmp_path / "bad.xyz").write_text("x", encoding="utf-8")
    run = lambda *a: subprocess.run([sys.executable, "-m", "assistant", *a], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    out = run("ingest", str(REPORTS), str(tmp_path / "bad.xyz"))
    assert out.returncode == 1 and "失败：不支持的文件类型“.xyz”：bad.xyz" in out.stderr
    assert f"已添加：{R2025}" in out.stdout
    docs = json.loads(run("docs", "--json").stdout)
    assert [d["doc_id"] for d in docs] == ["zhengzhou-2017-rule-of-law-work-points", R2025.lower(), RESOLUTION.lower(), R1975.lower()]
    assert [d["number"] for d in docs] == ["郑政文〔2017〕60号", "2025", "", "1975"]
    ans = json.loads(run("ask", "城镇新增就业目标是多少", "--doc", R2025, "--json").stdout)
    assert {c["doc_id"] for c in ans["citations"]} == {R2025.lower()} and "1200万人" in ans["text"]
    bad = run("ask", "目标", "--doc", "不存在的文档")
    assert bad.returncode == 1 and "错误：没有找到文档“不存在的文档”" in bad.stderr


def _rows(*n: int) -> list[str]:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    return [lines[i] for i in n]


@pytest.mark.slow
def test_a_running_assistant_takes_up_documents_another_process_ingested(corpus, tmp_path):
    from assistant import Assistant

    index = tmp_path / "index"
    web = Assistant(corpus_dir=corpus, index_dir=index)  # e.g. the web chat, running
    admin = Assistant(corpus_dir=corpus, index_dir=index, lazy=True)  # e.g. the CLI
    first = tmp_path / "first.jsonl"
    first.write_text(_rows(0)[0] + "\n", encoding="utf-8")
    assert web.refresh() is False  # nothing changed
    admin.ingest([first])
    # Half an ingest (index switched, registry not written yet) is not taken up: the
    # registry of before is put back for a moment.
    registry = index / "library" / "registry.json"
    done = registry.read_bytes()
    registry.write_text('{"version": 1, "documents": []}', encoding="utf-8")
    assert web.refresh() is False and len(web.documents) == 1
    registry.write_bytes(done)
    assert web.refresh() is True and web.refresh() is False
    assert [d.doc_id for d in web.documents] == ["zhengzhou-2017-rule-of-law-work-points", R2025.lower()]
    ans = web.ask("2025年政府工作报告提出的国内生产总值增长预期目标是多少？")
    assert "国内生产总值增长5%左右" in ans.text and ans.citations[0].doc_id == R2025.lower()

    # A question notices the change by itself and is answered from what the assistant had
    # (from the store it had, kept one build longer for it); the documents are reloaded
    # behind it.
    admin.remove(R2025)
    assert "2017年10月底前" in web.ask("规范性文件什么时候前要录入数据库？").text
    deadline = time.time() + 120
    while len(web.documents) != 1 and time.time() < deadline:
        time.sleep(0.2)
    assert [d.doc_id for d in web.documents] == ["zhengzhou-2017-rule-of-law-work-points"]
    assert web.retrieve("国内生产总值增长预期目标", k=3)[0].doc_id == "zhengzhou-2017-rule-of-law-work-points"


@pytest.mark.slow
def test_two_ingests_at_once_keep_both_documents(corpus, tmp_path):
    index = tmp_path / "index"
    env = dict(os.environ, ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index))
    files = []
    for name, row in zip(("a.jsonl", "b.jsonl"), _rows(0, 2)):
        files.append(tmp_path / name)
        files[-1].write_text(row + "\n", encoding="utf-8")
    procs = [
        subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(f)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in files
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    registry = json.loads((index / "library" / "registry.json").read_text(encoding="utf-8"))
    assert sorted(d["title"] for d in registry["documents"]) == sorted([R2025, R1975])
    assert sorted(_manifest(index)["documents"][i]["title"] for i in (1, 2)) == sorted([R2025, R1975])


def test_multi_document_answers_on_the_fake(corpus, tmp_path):
    # The answering half of test_ingest_ask_scope_replace_remove, on the fake embedder and
    # the in-memory store: ingest, questions naming a report, follow-ups, scope, removal.
    from assistant import Assistant
    from assistant.testing import HashingEmbeddings, MemoryStore

    index = tmp_path / "index"
    embedder = HashingEmbeddings()
    qa = Assistant(corpus_dir=corpus, index_dir=index, embedder=embedder, store=MemoryStore(embedder, index))
    base_passages = len(qa.passages)
    result = qa.ingest([REPORTS])
    assert result["errors"] == [] and len(result["added"]) == 3 and len(qa.passages) > base_passages
    assert [r["title"] for r in qa.library_entries()] == ["郑州市2017年推进依法行政建设法治政府工作要点", R2025, RESOLUTION, R1975]
    ans = qa.ask("2025年政府工作报告提出的国内生产总值增长预期目标是多少？")
    assert not ans.refused and "国内生产总值增长5%左右" in ans.text
    assert ans.text.startswith(f"根据《{R2025}》「二、2025年经济社会发展总体要求和政策取向·")
    history = [{"role": "user", "content": "2025年政府工作报告提出的国内生产总值增长预期目标是多少？"}, {"role": "assistant", "content": ans.text}]
    follow = qa.ask("粮食产量呢？", history=history)
    assert {c.doc_id for c in follow.citations} == {R2025} and "粮食产量" in follow.text
    assert {p.doc_id for p in qa.retrieve("财政赤字率", k=3, doc="1975年")} <= {R1975}
    with pytest.raises(InputError, match="没有找到文档“2099年报告”"):
        qa.retrieve("目标是多少", doc="2099年报告")
    notice = qa.ask("规范性文件什么时候前要录入数据库？")
    assert "2017年10月底前" in notice.text and "郑政文〔2017〕60号" in notice.text
    assert not qa.ask("2025年政府工作报告中粮食产量目标是多少？").refused
    local = qa.ask("郑州市2025年的财政预算是多少？")  # a place and a year no single document covers
    assert local.refused and local.citations == ()
    # A year's outcome stands in the next year's report, in its review chapter.
    outcome = qa.ask("2024年城镇新增就业实际是多少人？")
    assert {c.doc_id for c in outcome.citations} == {R2025} and "回顾" in outcome.citations[0].chapter
    # A report named by a year the library does not hold is not answered from another.
    missing = qa.ask("2020年政府工作报告定的城镇新增就业目标是多少？")
    assert missing.refused and "2020年的政府工作报告" in missing.text
    assert qa.ingest([REPORTS])["status"] == "文档没有变化，索引未改动。"
    assert qa.remove("1975年") == f"已删除：{R1975}"
    assert [r["doc_id"] for r in qa.library_entries()][1:] == [R2025.lower(), RESOLUTION.lower()]
    assert qa.retrieve("财政赤字率", k=5)[0].doc_id != R1975.lower()

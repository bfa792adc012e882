"""Questions embedded without torch: the ONNX export against sentence-transformers, the
fallback when there is no usable export, and a fresh `ask` that never imports torch.
Documents embedded with bfloat16 products against float32 ones."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.index import embedding_text
from assistant.index.embeddings import ONNX_META, ONNX_MODEL, OnnxEncoder, SentenceTransformerEmbeddings, model_fingerprint, native_bf16

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
ASK = "规范性文件什么时候前要录入数据库？"


def varied_questions() -> list[str]:
    rows = [json.loads(line) for f in ("dataset.jsonl", "reports_dataset.jsonl") for line in (ROOT / "evals" / f).read_text(encoding="utf-8").splitlines() if line.strip()]
    extra = ["", " ", "？", "ＡＢＣ　ｆｕｌｌ　ｗｉｄｔｈ ２０１７", "Rule of law, 2017: how many items?", "數據庫（繁體）", "\u200b零宽字符",
             "长" * 600, "emoji 😀 问题", "第（十三）项 " * 40, "a\tb\nc"]
    return [r["question"] for r in rows] + extra


@pytest.fixture(scope="module")
def exported(qa):
    """The assistant's embeddings with the export its index build wrote."""
    emb = qa.embeddings
    assert emb.query_backend == "onnx"
    return emb


def test_onnx_vectors_equal_sentence_transformers(exported):
    texts = varied_questions()
    assert len(texts) > 250
    want = exported.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    one_by_one = np.vstack([exported.onnx.encode([t]) for t in texts])
    batched = np.vstack([exported.onnx.encode(texts[i : i + 32]) for i in range(0, len(texts), 32)])
    for got in (one_by_one, batched):
        assert got.shape == want.shape == (len(texts), 512)
        assert float((got * want).sum(axis=1).min()) >= 0.999
        assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)


def test_questions_fall_back_to_sentence_transformers(exported, tmp_path, caplog):
    location = exported.model_location
    # No export at all.
    empty = SentenceTransformerEmbeddings(location, onnx_dir=tmp_path / "none")
    assert empty.query_backend == "sentence-transformers"
    v = np.array(empty.embed_query(ASK))
    assert float(v @ np.array(exported.embed_query(ASK))) >= 0.999
    # An export of another model (fingerprint differs) is not used.
    other = tmp_path / "other"
    shutil.copytree(exported.onnx_dir, other)
    meta = json.loads((other / ONNX_META).read_text(encoding="utf-8"))
    (other / ONNX_META).write_text(json.dumps(meta | {"fingerprint": "another-model"}), encoding="utf-8")
    assert SentenceTransformerEmbeddings(location, onnx_dir=other).query_backend == "sentence-transformers"
    # A damaged model file: a warning, then sentence-transformers.
    broken = tmp_path / "broken"
    shutil.copytree(exported.onnx_dir, broken)
    (broken / ONNX_MODEL).write_bytes(b"not an onnx model")
    emb = SentenceTransformerEmbeddings(location, onnx_dir=broken)
    assert emb.query_backend == "sentence-transformers"
    assert "unusable" in caplog.text
    assert len(emb.embed_query(ASK)) == 512
    # int8 vectors come from the quantised torch model: never through the float export.
    assert SentenceTransformerEmbeddings(location, onnx_dir=exported.onnx_dir, int8=True).query_backend == "sentence-transformers"


def test_an_export_into_a_folder_it_cannot_make_is_skipped(exported, tmp_path):
    from assistant.index.embeddings import export_onnx

    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert export_onnx(exported.model, tmp_path / "a-file" / "onnx", exported.fingerprint) is False


def test_ensure_onnx_exports_a_verified_copy(exported, tmp_path):
    emb = SentenceTransformerEmbeddings(exported.model_location, onnx_dir=tmp_path / "onnx")
    emb._model = exported.model  # the model is loaded already (as after an index build)
    assert emb.ensure_onnx() is True
    meta = json.loads((tmp_path / "onnx" / ONNX_META).read_text(encoding="utf-8"))
    assert meta["fingerprint"] == model_fingerprint(exported.model_location)
    assert meta["min_cosine"] >= 0.999
    assert OnnxEncoder.load(tmp_path / "onnx", meta["fingerprint"]) is not None


def test_bf16_document_vectors_equal_float32(qa, exported):
    """Where the CPU multiplies bfloat16 in hardware, documents are embedded that way by
    default; the vectors stay within cosine 0.9999 of float32 ones (0.99998 measured)."""
    location = exported.model_location
    auto = SentenceTransformerEmbeddings(location)
    assert auto.document_precision == ("bfloat16" if native_bf16() else "float32")
    assert SentenceTransformerEmbeddings(location, bf16=False).document_precision == "float32"
    assert SentenceTransformerEmbeddings(location, bf16=True, int8=True).document_precision == "float32"
    if not native_bf16():
        pytest.skip("this CPU has no bfloat16 arithmetic: documents stay float32")
    texts = sorted({embedding_text(p) for p in qa.passages} | set(varied_questions()), key=len)
    assert len(texts) > 300
    bf16 = SentenceTransformerEmbeddings(location, bf16=True)
    bf16._model = exported.model
    got = bf16.encode_documents(texts)
    want = exported.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    assert got.dtype == np.float32 and got.shape == want.shape
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
    assert float((got * want).sum(axis=1).min()) >= 0.9999
    # float32 when asked: what sentence-transformers gives (up to float rounding).
    fp32 = SentenceTransformerEmbeddings(location, bf16=False)
    fp32._model = exported.model
    assert float((fp32.encode_documents(texts) * want).sum(axis=1).min()) >= 0.999999


def _ask_in_new_process(index_dir: Path) -> dict:
    code = (
        "import json, sys\n"
        "from assistant.cli import main\n"
        f"code = main(['ask', {ASK!r}, '--json', '--index-dir', {str(index_dir)!r}])\n"
        "print(json.dumps({'code': code, 'torch': 'torch' in sys.modules, 'st': 'sentence_transformers' in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    answer = json.loads("\n".join(lines[:-1]))
    return json.loads(lines[-1]) | {"answer": answer["text"]}


def test_a_fresh_ask_with_the_export_never_imports_torch(qa, tmp_path):
    with_export = _ask_in_new_process(qa.settings.index_dir)
    assert with_export["code"] == 0
    assert with_export["torch"] is False and with_export["st"] is False
    assert with_export["answer"].startswith("2017年10月底前[1]")
    # Without the export the same question loads torch (the assertion above can fail).
    index = tmp_path / "index"
    shutil.copytree(qa.settings.index_dir, index, ignore=shutil.ignore_patterns("onnx"))
    without = _ask_in_new_process(index)
    assert without["torch"] is True
    assert without["answer"] == with_export["answer"]

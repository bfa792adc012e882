"""CLI verbs with exit codes and JSON output."""

import json
import subprocess
import sys

import pytest

from assistant.cli import main


def test_help_is_fast_and_has_examples():
    out = subprocess.run([sys.executable, "-m", "assistant", "-h"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert "python -m assistant ask" in out.stdout
    heavy = ("torch", "sentence_transformers", "chromadb", "gradio", "langchain_core", "onnxruntime", "jieba")
    code = (
        "import sys\n"
        "from assistant.cli import main\n"
        "try:\n    main(['-h'])\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {heavy!r} if m in sys.modules])\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert loaded.stdout.strip().splitlines()[-1] == "[]"


def test_empty_question_is_refused_before_loading(capsys):
    assert main(["ask", "   "]) == 1
    assert "错误：问题为空" in capsys.readouterr().err


@pytest.mark.slow
def test_ask_json(capsys, tmp_path):
    assert main(["ask", "这份文件的文号是什么？", "--json", "--index-dir", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == "文号是郑政文〔2017〕60号[1]。原文：“郑政文〔2017〕60号”[1]"
    assert data["refused"] is False
    assert data["citations"][0]["kind"] == "header"


@pytest.mark.slow
def test_ask_text_and_history_file(capsys, tmp_path):
    history = tmp_path / "h.json"
    history.write_text(json.dumps([{"role": "user", "content": "法律顾问制度什么时候建立？"}, {"role": "assistant", "content": "2017年12月底前。根据第（十）项……"}], ensure_ascii=False), encoding="utf-8")
    assert main(["ask", "它依据哪个文件？", "--history", str(history), "--index-dir", str(tmp_path / "i")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("依据《郑州市人民政府关于推行政府法律顾问制度的实施意见》（郑政〔2016〕37号）[1]。")
    assert "\n[1] 三、健全依法决策机制 （十）积极推进政府法律顾问和公职律师制度\n" in out
    assert main(["ask", "它依据哪个文件？", "--history", str(tmp_path / "missing.json")]) == 1
    assert "对话历史文件不存在" in capsys.readouterr().err


def test_console_script_entry_point():
    import importlib.metadata

    eps = [e for e in importlib.metadata.entry_points(group="console_scripts") if e.name == "policy-qa"]
    assert eps and eps[0].value == "assistant.cli:main"

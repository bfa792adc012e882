"""Evaluation metrics (pure functions), dataset coverage, and the CI gate."""

import json
from pathlib import Path

import pytest

from assistant.evaluation import (
    DEFAULT_DATASET,
    THRESHOLDS,
    TYPES,
    aggregate,
    check_thresholds,
    citation_scores,
    key_facts_present,
    load_dataset,
    retrieval_metrics,
    run,
)
from assistant.schema import Answer, InputError, Passage


def test_retrieval_metrics_exact():
    m = retrieval_metrics(["item:3", "item:7", "item:9"], ["item:7"], ks=(1, 3, 5))
    assert m == {
        "recall@1": 0.0, "recall_cap@1": 0.0, "recall@3": 1.0, "recall_cap@3": 1.0, "recall@5": 1.0, "recall_cap@5": 1.0,
        "hit@1": 0.0, "mrr@10": 0.5, "ndcg@10": pytest.approx(0.6309, abs=1e-4),
    }
    many = retrieval_metrics([f"item:{i}" for i in range(1, 11)], [f"item:{i}" for i in range(1, 35)], ks=(5,))
    assert (many["recall@5"], many["recall_cap@5"]) == (pytest.approx(5 / 34), 1.0)


def test_key_facts():
    assert key_facts_present("2017年 10月底前完成", [["2017年10月底前", "10月底"]])
    assert not key_facts_present("2017年12月底前", [["10月底"]])
    assert key_facts_present("甲和乙", [["甲"], ["乙", "丙"]])
    assert not key_facts_present("甲", [["甲"], ["乙", "丙"]])


def test_citation_scores():
    p = Passage("a", "d", "（七）", "", "2017年10月底前，市政府各部门要录入数据库。")
    q = Passage("b", "d", "（八）", "", "无关的句子。")
    good = Answer("2017年10月底前[1]。根据第（七）项：“市政府各部门要录入数据库”[1]", (p,))
    assert citation_scores(good, ["市政府各部门"]) == {"citation_recall": 1.0, "citation_precision": 1.0}
    # A fact sentence without its own marker counts as unsupported (ALCE: every sentence cites).
    unmarked = Answer("2017年10月底前。根据第（七）项：“市政府各部门要录入数据库”[1]", (p,))
    assert citation_scores(unmarked, ["市政府各部门"]) == {"citation_recall": 0.5, "citation_precision": 1.0}
    bad = Answer("根据第（七）项：“市政府各部门要录入数据库”[1][2]", (p, q))
    assert citation_scores(bad, ["市政府各部门"]) == {"citation_recall": 1.0, "citation_precision": 0.5}
    wrong = Answer("2018年10月底前[1]", (p,))
    assert citation_scores(wrong, [])["citation_recall"] == 0.0


def test_dataset_covers_every_type_and_item():
    rows = load_dataset()
    assert len(rows) >= 150
    assert {r["type"] for r in rows} == set(TYPES)
    covered = {n for r in rows for n in r["gold_items"] if len(r["gold_items"]) < 34}
    assert covered == set(range(1, 35))
    parts = {p for r in rows for p in r["gold_parts"]}
    assert {"header", "footer", "preamble"} <= parts
    assert all(not r["gold_items"] and not r["key_facts"] for r in rows if r["refuse"])


def test_bad_dataset(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "type": "deadline", "question": "q"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match="第 2 行不是合法的 JSON"):
        load_dataset(bad)
    with pytest.raises(InputError, match="找不到评测数据文件"):
        load_dataset(tmp_path / "missing.jsonl")
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": "a", "type": "t", "question": "q"}\n{"id": "a", "type": "t", "question": "q"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="id 重复"):
        load_dataset(dup)


def test_thresholds_check():
    assert check_thresholds({"recall@5": 0.99, "false_refusals": 0}, {"min": {"recall@5": 0.97}, "max": {"false_refusals": 1}}) == []
    assert check_thresholds({"recall@5": 0.5, "false_refusals": 3}, {"min": {"recall@5": 0.97}, "max": {"false_refusals": 1}}) == [
        "recall@5 = 0.5，低于门槛 0.97", "false_refusals = 3，高于上限 1",
    ]


@pytest.mark.slow
def test_gate_and_reproducibility(qa):
    """The CI gate: the full pipeline on the whole dataset meets evals/thresholds.json,
    and a second run gives the same numbers."""
    rows = load_dataset(DEFAULT_DATASET)
    first = aggregate(run(qa, rows))
    thresholds = json.loads(Path(THRESHOLDS).read_text(encoding="utf-8"))
    assert check_thresholds(first, thresholds) == []
    second = aggregate(run(qa, rows))
    timing = lambda s: {k: v for k, v in s.items() if not k.endswith("_ms")}  # noqa: E731
    assert timing(first) == timing(second)


@pytest.mark.slow
def test_eval_cli_json(capsys, tmp_path):
    from assistant.cli import main

    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(DEFAULT_DATASET.read_text(encoding="utf-8").splitlines()[:5]) + "\n", encoding="utf-8")
    assert main(["eval", "--dataset", str(small), "--no-variants", "--json", "--index-dir", str(tmp_path / "i")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["questions"] == 5
    assert data["summary"]["verbatim"] == 1.0


def test_missing_eval_extra_is_a_chinese_message_with_the_install_command():
    from assistant.evaluation.seed import needs_eval_extra
    from assistant.schema import InputError

    needs_eval_extra("json")  # installed: nothing happens
    with pytest.raises(InputError) as caught:
        needs_eval_extra("json", "no_such_package_for_the_recipe")
    assert "no_such_package_for_the_recipe" in str(caught.value)
    assert "pip install -e '.[eval]'" in str(caught.value)

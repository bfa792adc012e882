"""The multi-document evaluation's pure parts: loading, evidence matching, scores, summaries."""

import json

import pytest

from assistant.evaluation import notices
from assistant.schema import InputError


def test_the_set_is_split_and_well_formed():
    rows = notices.load()
    assert len(rows) >= 400
    assert {r["split"] for r in rows} == {"dev", "test"}
    assert len({r["doc"] for r in rows}) >= 9
    dev, test = notices.load(split="dev"), notices.load(split="test")
    assert len(dev) + len(test) == len(rows) and not {r["id"] for r in dev} & {r["id"] for r in test}
    assert all(not r["evidence"] and not r["key_facts"] for r in rows if r["refuse"])


def test_load_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "a"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 1 行缺少字段"):
        notices.load(path)


def test_evidence_cited():
    assert notices.evidence_cited(["21.更大力度推动跨部门联合检查，推行综合执法改革"], ["推行综合执法改革"])
    assert notices.evidence_cited(["更大力度推动跨部门联合检查，推行综合执法改革，逐步实现"], ["21.更大力度推动跨部门联合检查"])
    assert notices.evidence_cited(["推动跨部门联合检查，推行综合执法改革"], ["更大力度推动跨部门联合检查，推行综合执法改革"])
    assert not notices.evidence_cited(["推行"], ["更大力度推动跨部门联合检查，推行综合执法改革"])
    assert not notices.evidence_cited(["完全无关的一句话在这里"], ["推行综合执法改革"])


def test_score_and_summary():
    answerable = {"refuse": False, "key_facts": [["10月底"]], "evidence": ["2017年10月底前完成"]}
    refuse = {"refuse": True, "key_facts": [], "evidence": []}
    right = notices.score(answerable, "2017年10月底前[1]", False, ["2017年10月底前完成录入"])
    assert right == {"refused": False, "key_facts_ok": 1.0, "gold_cited": 1.0, "false_refusal": 0.0}
    wrong = notices.score(answerable, "文件没有规定", True, [])
    assert wrong == {"refused": True, "key_facts_ok": 0.0, "gold_cited": 0.0, "false_refusal": 1.0}
    assert notices.score(refuse, "没有找到", True, []) == {"refused": True, "refusal_ok": 1.0}
    rows = [dict(right, refuse=False, ms=10.0), dict(wrong, refuse=False, ms=30.0), {"refuse": True, "refused": True, "refusal_ok": 1.0, "ms": 20.0}, {"refuse": False, "exception": "KeyError"}]
    s = notices.summary(rows)
    assert (s["key_facts"], s["gold_cited"], s["refusal_recall"], s["false_refusals"], s["exceptions"], s["ask_p50_ms"]) == (0.5, 0.5, 1.0, 1, 1, 20.0)

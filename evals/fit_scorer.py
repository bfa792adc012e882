"""Fit the evidence scorer (assistant/answering/scorer.py) on the DEV split of the
multi-document evaluation: a logistic regression from the answer's evidence features to
"this answer is right", and the refusal threshold that answers the most dev questions
correctly while refusing at most 2 of every 100 answerable ones wrongly.

    python evals/fit_scorer.py            # writes assistant/data/scorer.json

The test split is never read here.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.answering import scorer  # noqa: E402
from assistant.evaluation import notices  # noqa: E402

OPEN = {"weights": {f: 0.0 for f in scorer.FEATURES}, "bias": 10.0, "threshold": 0.0}


def collect(qa, rows):
    """(features, label, answerable) per dev row, with the scorer letting everything through."""
    scorer.weights = lambda: OPEN  # score without refusing, to see every answer
    data = []
    for row in rows:
        ans = qa.ask(row["question"], history=row.get("history") or None, doc=row["doc"] if row["scope"] == "doc" else None)
        if ans.refused or not ans.features:
            continue  # refused before scoring (topic, number, no words in common): not the scorer's call
        s = notices.score(row, ans.text, ans.refused, [c.text for c in ans.citations])
        label = 0.0 if row["refuse"] else s["key_facts_ok"]
        data.append(([ans.features[f] for f in scorer.FEATURES], label, not row["refuse"], s))
    return data


def fit(data, epochs: int = 4000, lr: float = 0.5, l2: float = 0.01):
    """Plain gradient descent on the log loss (a handful of features needs nothing more)."""
    w = [0.0] * len(scorer.FEATURES)
    b = 0.0
    n = len(data)
    for _ in range(epochs):
        gw = [l2 * x for x in w]
        gb = 0.0
        for x, y, _, _ in data:
            p = 1 / (1 + math.exp(-(b + sum(wi * xi for wi, xi in zip(w, x)))))
            for i, xi in enumerate(x):
                gw[i] += (p - y) * xi / n
            gb += (p - y) / n
        w = [wi - lr * g for wi, g in zip(w, gw)]
        b -= lr * gb
    return w, b


def choose_threshold(data, w, b, answerable_total: int):
    """The threshold with the most right outcomes, at most 2 wrong refusals per 100."""
    probs = [1 / (1 + math.exp(-(b + sum(wi * xi for wi, xi in zip(w, x))))) for x, _, _, _ in data]
    best = (None, -1)
    for t in sorted(set([0.0] + probs)):
        right = 0
        false_refusals = 0
        for p, (_, y, answerable, _) in zip(probs, data):
            refuse = p < t
            if answerable:
                right += 1 if (not refuse and y == 1.0) else 0
                false_refusals += 1 if refuse else 0  # any refused answerable question counts
            else:
                right += 1 if refuse else 0
        if false_refusals * 100 <= 2 * answerable_total and right > best[1]:
            best = (t, right)
    return best[0] or 0.0


def main() -> int:
    index = ROOT / "indexes" / "notices"
    corpus = notices.make_corpus(index / "corpus")
    qa = Assistant(corpus_dir=corpus, index_dir=index / "index")
    rows = notices.load(notices.DATASET, split="dev")
    data = collect(qa, rows)
    w, b = fit(data)
    answerable_total = sum(1 for r in rows if not r["refuse"])
    t = choose_threshold(data, w, b, answerable_total)
    out = {
        "_comment": "Fitted by evals/fit_scorer.py on the dev split of evals/notices_dataset.jsonl; refuse below threshold.",
        "weights": dict(zip(scorer.FEATURES, [round(x, 4) for x in w])),
        "bias": round(b, 4),
        "threshold": round(t, 4),
        "fitted_on": {"rows": len(data), "answerable": sum(1 for d in data if d[2])},
    }
    path = ROOT / "assistant" / "data" / "scorer.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Evaluation of the bundled notice: pure metric functions and the runner over evals/dataset.jsonl (items and parts as gold).

Metrics return per-question scores and aggregates with self-describing keys
(``recall@5``, ``mrr@10``, ``key_fact_accuracy`` …).
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from pathlib import Path

from ..config import ROOT
from ..schema import Answer, InputError, Passage


def needs_eval_extra(*modules: str) -> None:
    """The LangChain recipe row and the plots use packages of the ``eval`` extra, which the
    web chat does not need: say how to install them instead of an ImportError."""
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        from ..schema import InputError

        raise InputError(f"评测还需要依赖包 {'、'.join(missing)}，请先安装：pip install -e '.[eval]'")

DEFAULT_DATASET = ROOT / "evals" / "dataset.jsonl"
THRESHOLDS = ROOT / "evals" / "thresholds.json"
TYPES = ("deadline", "unit", "quantity", "content", "item_number", "chapter", "list", "meta", "unanswerable", "followup", "noisy")
PARTS = ("header", "preamble", "footer", "chapters")


# ---------------------------------------------------------------- dataset


def jsonl_rows(path: str | Path):
    """(line number, object) of a JSONL dataset file; errors name the line in Chinese."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"找不到评测数据文件：{p}")
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except ValueError as exc:
            raise InputError(f"评测数据第 {n} 行不是合法的 JSON：{exc}") from None


def load_dataset(path: str | Path = DEFAULT_DATASET) -> list[dict]:
    """Read and validate a dataset file; errors name the line and the problem in Chinese."""
    rows, ids = [], set()
    for n, row in jsonl_rows(path):
        if not isinstance(row, dict):
            raise InputError(f"评测数据第 {n} 行应为 JSON 对象。")
        missing = [k for k in ("id", "type", "question") if not row.get(k)]
        if missing:
            raise InputError(f"评测数据第 {n} 行缺少字段：{'、'.join(missing)}")
        if row["id"] in ids:
            raise InputError(f"评测数据第 {n} 行的 id 重复：{row['id']}")
        ids.add(row["id"])
        row.setdefault("gold_items", [])
        row.setdefault("gold_parts", [])
        row.setdefault("key_facts", [])
        row.setdefault("refuse", False)
        row.setdefault("history", [])
        if not all(isinstance(g, list) and g for g in row["key_facts"]):
            raise InputError(f"评测数据第 {n} 行的 key_facts 应为非空字符串列表的列表。")
        rows.append(row)
    if not rows:
        raise InputError(f"评测数据文件为空：{path}")
    return rows


def gold_keys(row: dict) -> list[str]:
    return [f"item:{n}" for n in row["gold_items"]] + [f"part:{p}" for p in row["gold_parts"]]


def passage_key(p: Passage) -> str:
    if p.kind in ("item", "sentence"):
        return f"item:{p.item}"
    return f"part:{p.kind}"


# ---------------------------------------------------------------- metrics (pure)


def retrieval_metrics(ranked: list[str], gold: list[str], ks=(1, 3, 5)) -> dict:
    """recall@k, hit@1, mrr@10 and ndcg@10 of one ranking against a gold set."""
    out = {}
    ranked = list(dict.fromkeys(ranked))
    gold_set = set(gold)
    for k in ks:
        found = len(gold_set & set(ranked[:k]))
        out[f"recall@{k}"] = found / len(gold_set) if gold_set else 0.0
        # Capped recall (BEIR's R_cap@k): a question with 34 gold items can find at most k in k.
        out[f"recall_cap@{k}"] = found / min(len(gold_set), k) if gold_set else 0.0
    out["hit@1"] = 1.0 if ranked[:1] and ranked[0] in gold_set else 0.0
    rr = 0.0
    for i, key in enumerate(ranked[:10]):
        if key in gold_set:
            rr = 1.0 / (i + 1)
            break
    out["mrr@10"] = rr
    dcg = sum(1.0 / math.log2(i + 2) for i, key in enumerate(ranked[:10]) if key in gold_set)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(gold_set), 10)))
    out["ndcg@10"] = dcg / ideal if ideal else 0.0
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def key_facts_present(answer_text: str, key_facts: list[list[str]]) -> bool:
    """Every group of alternatives has one alternative in the answer (spaces removed)."""
    text = _squash(answer_text)
    return all(any(_squash(alt) in text for alt in group) for group in key_facts)


RE_MARKS = re.compile(r"\[(\d+)\]")
RE_FACT = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?前?|〔\d{4}〕\d+号|\d+(?:\.\d+)?[%次期项个名人天]?")


def claims(answer: Answer) -> list[tuple[str, list[int]]]:
    """Answer sentences with the markers they carry."""
    out = []
    for s in re.split(r"(?<=[。！？；])(?![”\[])|(?<=\])(?=[^\[])", answer.text):
        if s.strip():
            out.append((s, [int(m) for m in RE_MARKS.findall(s)]))
    return out


def _claim_facts(sentence: str, units: list[str]) -> list[str]:
    bare = RE_MARKS.sub("", _squash(sentence))
    quoted = re.findall(r"“([^”]*)”", bare)
    outside = re.sub(r"“[^”]*”", "", bare)
    facts = [m.group(0) for m in RE_FACT.finditer(outside)] + [u for u in units if u in outside]
    pieces = [piece for q in quoted for piece in q.split("……") if len(piece) >= 4]
    return facts + pieces


def citation_scores(answer: Answer, units: list[str]) -> dict:
    """ALCE-style citation recall and precision, made deterministic: a citation supports
    a sentence when that sentence's numbers, dates, unit names and quoted pieces all
    appear in it (recall), or at least one of them does (precision)."""
    support_needed, supported, cites, precise = 0, 0, 0, 0
    for sentence, marks in claims(answer):
        facts = _claim_facts(sentence, units)
        if not facts:
            continue
        support_needed += 1
        texts = [_squash(answer.citations[m - 1].text) for m in marks if 1 <= m <= len(answer.citations)]
        joined = "".join(texts)
        if texts and all(f in joined for f in facts):
            supported += 1
        for t in texts:
            cites += 1
            if any(f in t for f in facts):
                precise += 1
        cites += sum(1 for m in marks if not 1 <= m <= len(answer.citations))
    return {
        "citation_recall": supported / support_needed if support_needed else None,
        "citation_precision": precise / cites if cites else None,
    }


def verbatim_ok(answer: Answer, source_texts: list[str]) -> bool:
    """Every citation's text stands in a source document as it is, up to repaired page
    breaks and whitespace (``source_texts`` squashed)."""
    return all(any(_squash(c.text) in t for t in source_texts) for c in answer.citations)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    idx = min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))
    return values[idx]


def aggregate(rows: list[dict]) -> dict:
    """Headline figures over per-question results."""
    def mean(key, subset):
        vals = [r[key] for r in subset if r.get(key) is not None]
        return round(sum(vals) / len(vals), 4) if vals else None

    retrieval = [r for r in rows if r.get("gold_keys")]
    single = [r for r in retrieval if len(r["gold_keys"]) == 1]
    answerable = [r for r in rows if not r["refuse"]]
    unanswerable = [r for r in rows if r["refuse"]]
    refused = [r for r in rows if r.get("refused")]
    out = {"questions": len(rows)}
    for key in ("recall@1", "recall@3", "recall@5", "recall_cap@5", "mrr@10", "ndcg@10"):
        out[key] = mean(key, retrieval)
    out["top1_single_item"] = mean("hit@1", single)
    if rows and "answer" in rows[0]:
        out["key_fact_accuracy"] = mean("key_facts_ok", answerable)
        out["refusal_recall"] = round(sum(1 for r in unanswerable if r["refused"]) / len(unanswerable), 4) if unanswerable else None
        out["refusal_precision"] = round(sum(1 for r in refused if r["refuse"]) / len(refused), 4) if refused else None
        out["false_refusals"] = sum(1 for r in answerable if r["refused"])
        out["citation_precision"] = mean("citation_precision", answerable)
        out["citation_recall"] = mean("citation_recall", answerable)
        out["verbatim"] = mean("verbatim", rows)
        for stage in ("analyse", "retrieve", "compose"):
            vals = [r["timings"][stage] * 1000 for r in rows if stage in r.get("timings", {})]
            out[f"{stage}_p50_ms"] = round(statistics.median(vals), 2) if vals else None
            out[f"{stage}_p95_ms"] = round(percentile(vals, 0.95), 2) if vals else None
    return out


def by_type(rows: list[dict]) -> dict:
    return {t: aggregate([r for r in rows if r["type"] == t]) for t in sorted({r["type"] for r in rows})}


# ---------------------------------------------------------------- runner


def run(assistant, rows: list[dict], mode: str = "full", k: int = 5, answers: bool = True, progress: bool = False) -> list[dict]:
    """Per-question results: ranking, retrieval metrics and (when ``answers``) answer metrics."""
    from ..documents.blocks import layout_blocks

    # Checked against the documents themselves (paragraphs as the parser joined them), not
    # against the passages, so a passage built from pieces would show.
    corpus = [_squash("".join(layout_blocks(d.text))) for d in assistant.documents]
    units = sorted({f.value for d in assistant.documents for it in d.items for f in it.facts_of("actor")}, key=len, reverse=True)
    out = []
    iterator = rows
    if progress:
        from tqdm import tqdm

        from ..progress import progress_interval

        iterator = tqdm(rows, desc=f"评测（{mode}）", unit="题", mininterval=progress_interval())
    for row in iterator:
        history = row.get("history") or None
        ranked = [passage_key(p) for p in assistant.retrieve(row["question"], k=10, mode=mode, history=history)]
        result = {"id": row["id"], "type": row["type"], "refuse": bool(row["refuse"]), "gold_keys": gold_keys(row), "ranked": ranked[:10]}
        if result["gold_keys"]:
            result.update(retrieval_metrics(ranked, result["gold_keys"], ks=(1, 3, k) if k not in (1, 3) else (1, 3, 5)))
        if answers:
            ans = assistant.ask(row["question"], history=history)
            result["answer"] = ans.text
            result["refused"] = ans.refused
            result["citations"] = [c.ref for c in ans.citations]
            result["key_facts_ok"] = 1.0 if (not row["refuse"] and key_facts_present(ans.text, row["key_facts"])) else (0.0 if not row["refuse"] else None)
            result.update(citation_scores(ans, units))
            result["verbatim"] = 1.0 if verbatim_ok(ans, corpus) else 0.0
            result["timings"] = dict(ans.timings)
        out.append(result)
    return out


class ChunkBaseline:
    """The standard LangChain recipe: 300-character chunks, Chroma, the same model, top k.
    Chunks are mapped back to items (or document parts) by where they lie in the text."""

    def __init__(self, assistant, chunk_size: int = 300, chunk_overlap: int = 30):
        needs_eval_extra("langchain_chroma", "langchain_text_splitters")
        import chromadb
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from ..index import chroma_settings

        doc = assistant.document
        self.doc = doc
        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap, add_start_index=True)
        chunks = splitter.create_documents([doc.text])
        for c in chunks:
            c.metadata["key"] = self._key_at(c.metadata["start_index"] + len(c.page_content) // 2)
        client = chromadb.EphemeralClient(settings=chroma_settings())
        self.store = Chroma(client=client, collection_name=f"baseline_{int(time.time() * 1000)}", embedding_function=assistant.embeddings)
        self.store.add_documents(chunks)
        self.chunks = len(chunks)

    def _key_at(self, offset: int) -> str:
        text = self.doc.text
        best, best_at = "part:header", -1
        for it in self.doc.items:
            at = text.find(it.title)
            if 0 <= at <= offset and at > best_at:
                best, best_at = f"item:{it.number}", at
        footer = text.find("主办：")
        if 0 <= footer <= offset:
            return "part:footer"
        return best

    def ranked(self, question: str, k: int = 10) -> list[str]:
        docs = self.store.similarity_search(question, k=k)
        return list(dict.fromkeys(d.metadata["key"] for d in docs))


def run_baseline(baseline: ChunkBaseline, rows: list[dict], k: int = 5) -> list[dict]:
    out = []
    for row in rows:
        keys = gold_keys(row)
        result = {"id": row["id"], "type": row["type"], "refuse": bool(row["refuse"]), "gold_keys": keys}
        if keys:
            result.update(retrieval_metrics(baseline.ranked(row["question"], k=10), keys))
        out.append(result)
    return out


def check_thresholds(summary: dict, thresholds: dict) -> list[str]:
    """Headline metrics below their recorded minimum (or above a recorded maximum)."""
    failures = []
    for key, limit in thresholds.get("min", {}).items():
        value = summary.get(key)
        if value is None or value < limit:
            failures.append(f"{key} = {value}，低于门槛 {limit}")
    for key, limit in thresholds.get("max", {}).items():
        value = summary.get(key)
        if value is None or value > limit:
            failures.append(f"{key} = {value}，高于上限 {limit}")
    return failures


def report(results: dict, out_dir: Path, date: str | None = None) -> Path:
    """Write evals/reports/<date>.md, .json and PNG plots; returns the Markdown path."""
    date = date or time.strftime("%Y-%m-%d")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{date}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    variants = results["variants"]
    lines = [f"# Evaluation report {date}", "", f"Dataset: `{results['dataset']}` ({results['summary']['questions']} questions)", ""]
    lines += ["## Headline (full pipeline)", "", "| metric | value |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in results["summary"].items()]
    lines += ["", "## Retrievers side by side", "", "| retriever | recall@1 | recall@3 | recall@5 | recall_cap@5 | mrr@10 | ndcg@10 | top1 (single item) |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, s in variants.items():
        lines.append(f"| {name} | {s['recall@1']} | {s['recall@3']} | {s['recall@5']} | {s['recall_cap@5']} | {s['mrr@10']} | {s['ndcg@10']} | {s['top1_single_item']} |")
    lines += ["", "## Per question type (full pipeline)", "", "| type | n | recall@5 | top1 | key facts | refusal recall | false refusals | citation precision |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for t, s in results["by_type"].items():
        lines.append(f"| {t} | {s['questions']} | {s.get('recall@5')} | {s.get('top1_single_item')} | {s.get('key_fact_accuracy')} | {s.get('refusal_recall')} | {s.get('false_refusals')} | {s.get('citation_precision')} |")
    lines += ["", "![recall@k per retriever](recall.png)", "", "![accuracy per type](types.png)", ""]
    failures = [r for r in results["rows"] if (r.get("key_facts_ok") == 0.0) or (r["refuse"] != r.get("refused", r["refuse"]))]
    if failures:
        lines += ["## Misses", "", "| id | answer |", "| --- | --- |"]
        lines += [f"| {r['id']} | {r.get('answer', '')[:120].replace('|', '/').replace(chr(10), ' ')} |" for r in failures]
    path = out_dir / f"{date}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _plots(results, out_dir)
    return path


def _plots(results: dict, out_dir: Path) -> None:
    needs_eval_extra("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ks = ["recall@1", "recall@3", "recall@5"]
    for name, s in results["variants"].items():
        ax.plot([1, 3, 5], [s[k] for k in ks], marker="o", label=name)
    ax.set_xlabel("k")
    ax.set_ylabel("recall@k")
    ax.set_ylim(0, 1.02)
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_dir / "recall.png", dpi=110)
    plt.close(fig)

    types = results["by_type"]
    names = list(types)
    values = [
        (types[t].get("refusal_recall") if t == "unanswerable" else types[t].get("key_fact_accuracy")) or 0.0 for t in names
    ]
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.bar(names, values, color="#4472c4")
    ax.set_ylabel("key-fact accuracy (refusal recall for unanswerable)")
    ax.set_ylim(0, 1.02)
    plt.setp(ax.get_xticklabels(), rotation=35, ha="right")
    fig.tight_layout()
    fig.savefig(out_dir / "types.png", dpi=110)
    plt.close(fig)


def evaluate(assistant, dataset: str | Path = DEFAULT_DATASET, mode: str = "full", k: int = 5, variants: bool = True, progress: bool = False) -> dict:
    """Run the dataset: the chosen pipeline with answers, plus (optionally) every retriever
    variant and the LangChain chunk baseline for the side-by-side table."""
    rows = load_dataset(dataset)
    results = run(assistant, rows, mode=mode, k=k, answers=True, progress=progress)
    out = {"dataset": str(dataset), "mode": mode, "summary": aggregate(results), "by_type": by_type(results), "rows": results, "variants": {}}
    if variants:
        for name in ("bm25", "dense", "hybrid", "full"):
            rs = results if name == mode else run(assistant, rows, mode=name, k=k, answers=False, progress=progress)
            out["variants"][name] = aggregate(rs)
        baseline = ChunkBaseline(assistant)
        out["variants"]["langchain-300-chunks"] = aggregate(run_baseline(baseline, rows, k=k))
    return out

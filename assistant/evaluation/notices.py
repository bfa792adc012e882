"""The multi-document evaluation: questions over the bundled notice and the shared
documents of the genre (evals/notices_dataset.jsonl), gold given as verbatim evidence so
the set does not depend on how the parser numbers anything.

Every row is asked through the public API (``ask(question, history, doc=…)``: ``doc``
when the row's scope is one document, all documents otherwise) and scored:

- ``key_facts``: every group of alternatives has one in the answer;
- ``gold_cited``: a citation's text holds one of the evidence strings (or lies inside one);
- refusals: ``refusal_recall`` over rows the documents do not answer, and false refusals
  per 100 answerable rows; ``exceptions`` counts anything that escaped ``ask()``.

Rows carry a ``split``: tune on ``dev``, read only the numbers of ``test``.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import time
from pathlib import Path

from ..config import ROOT
from ..schema import InputError
from .seed import jsonl_rows, key_facts_present, needs_eval_extra, percentile

DATASET = ROOT / "evals" / "notices_dataset.jsonl"
SHARED_NOTICES = ROOT.parent / "shared" / "data" / "notices"
SEED = ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt"
FIELDS = ("id", "doc", "type", "scope", "question", "evidence", "key_facts", "refuse", "split")


def is_notices_dataset(path: str | Path) -> bool:
    """True when a dataset file is in this format (rows name their ``doc``)."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
        return "doc" in json.loads(first) and "evidence" in json.loads(first)
    except (OSError, ValueError):
        return False


def load(path: str | Path = DATASET, split: str = "all") -> list[dict]:
    """Rows of the set (``split``: dev, test or all); errors name the line in Chinese."""
    rows, seen = [], set()
    for n, row in jsonl_rows(path):
        if not isinstance(row, dict):
            raise InputError(f"评测数据第 {n} 行应为 JSON 对象。")
        missing = [f for f in FIELDS if f not in row]
        if missing:
            raise InputError(f"评测数据第 {n} 行缺少字段：{'、'.join(missing)}")
        if row["id"] in seen:
            raise InputError(f"评测数据第 {n} 行的 id 重复：{row['id']}")
        if row["split"] not in ("dev", "test"):
            raise InputError(f"评测数据第 {n} 行的 split 应为 dev 或 test：{row['split']}")
        seen.add(row["id"])
        if split in ("all", row["split"]):
            rows.append(row)
    return rows


def document_files(notices_dir: str | Path = SHARED_NOTICES) -> list[Path]:
    """The documents the set asks about: the bundled notice and the shared notices."""
    folder = Path(notices_dir)
    if not folder.is_dir():
        raise InputError(f"找不到共享文档目录：{folder}（多文档评测需要它）")
    return [SEED] + sorted(p for p in folder.glob("*.txt"))


def make_corpus(dest: str | Path, notices_dir: str | Path = SHARED_NOTICES) -> Path:
    """A corpus folder holding every document of the set (copies)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for f in document_files(notices_dir):
        shutil.copyfile(f, dest / f.name)
    return dest


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


RE_LEADING_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.．﹒、]|第[一二三四五六七八九十百\d]+条\s*)")


def evidence_cited(citation_texts: list[str], evidence: list[str]) -> bool:
    """A cited passage holds an evidence string, or a cited sentence lies inside one. An
    evidence string copied with its heading number (``21.更大力度…``) also counts without
    it: passages hold a part's text, and its number is the part's label."""
    cited = [_squash(t) for t in citation_texts]
    candidates = [_squash(x) for x in evidence]
    candidates += [RE_LEADING_MARKER.sub("", e) for e in candidates if RE_LEADING_MARKER.match(e)]
    for e in candidates:
        if len(e) < 4:
            continue
        for c in cited:
            if e in c or (len(c) >= 10 and c in e):
                return True
    return False


def score(row: dict, text: str, refused: bool, citation_texts: list[str]) -> dict:
    """Scores of one answer (pure)."""
    out = {"refused": refused}
    if row["refuse"]:
        out["refusal_ok"] = 1.0 if refused else 0.0
    else:
        out["key_facts_ok"] = 1.0 if (not refused and key_facts_present(text, row["key_facts"])) else 0.0
        out["gold_cited"] = 1.0 if (not refused and evidence_cited(citation_texts, row["evidence"])) else 0.0
        out["false_refusal"] = 1.0 if refused else 0.0
    return out


def run(assistant, rows: list[dict], progress: bool = False) -> list[dict]:
    """Ask every row; an exception is recorded (and counted), never raised."""
    out = []
    iterator = rows
    if progress:
        from tqdm import tqdm

        iterator = tqdm(rows, desc="多文档评测", unit="题", mininterval=5)
    for row in iterator:
        result = {k: row[k] for k in ("id", "doc", "type", "scope", "split", "refuse")}
        started = time.perf_counter()
        try:
            ans = assistant.ask(row["question"], history=row.get("history") or None, doc=row["doc"] if row["scope"] == "doc" else None)
        except Exception as exc:  # the evaluation counts what escapes ask(); it must go on
            result.update({"exception": f"{type(exc).__name__}: {exc}", "answer": ""})
            out.append(result)
            continue
        result["ms"] = (time.perf_counter() - started) * 1000
        result["answer"] = ans.text
        result["citations"] = [c.text for c in ans.citations]
        result.update(score(row, ans.text, ans.refused, result["citations"]))
        out.append(result)
    return out


def summary(results: list[dict]) -> dict:
    """Headline figures of a list of results."""
    answerable = [r for r in results if not r["refuse"] and "exception" not in r]
    unanswerable = [r for r in results if r["refuse"] and "exception" not in r]

    def mean(key, rows):
        vals = [r[key] for r in rows if key in r]
        return round(statistics.fmean(vals), 3) if vals else None

    ms = [r["ms"] for r in results if "ms" in r]
    false = sum(r.get("false_refusal", 0) for r in answerable)
    return {
        "questions": len(results),
        "key_facts": mean("key_facts_ok", answerable),
        "gold_cited": mean("gold_cited", answerable),
        "refusal_recall": mean("refusal_ok", unanswerable),
        "false_refusals": int(false),
        "false_refusals_per_100": round(100 * false / len(answerable), 1) if answerable else None,
        "exceptions": sum(1 for r in results if "exception" in r),
        "ask_p50_ms": round(percentile(ms, 0.5), 1) if ms else None,
        "ask_p95_ms": round(percentile(ms, 0.95), 1) if ms else None,
    }


def breakdown(results: list[dict], key: str) -> dict:
    groups: dict[str, list[dict]] = {}
    for r in results:
        groups.setdefault(r[key], []).append(r)
    return {name: summary(rows) for name, rows in sorted(groups.items())}


class ChunkRecipe:
    """The generic LangChain recipe as a comparison row: 300-character chunks of each
    document, hybrid search (Chroma with the same embeddings + BM25, fused by reciprocal
    rank), the top chunk as the answer; a scoped question searches that document only."""

    def __init__(self, assistant, chunk_size: int = 300, chunk_overlap: int = 30):
        needs_eval_extra("langchain_chroma", "langchain_text_splitters", "rank_bm25")
        import chromadb
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter
        from rank_bm25 import BM25Okapi

        from ..index import chroma_settings, tokens

        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)
        self.chunks = []
        for d in assistant.documents:
            for c in splitter.create_documents([d.text], metadatas=[{"doc": d.doc_id}]):
                c.metadata["n"] = len(self.chunks)
                self.chunks.append(c)
        client = chromadb.EphemeralClient(settings=chroma_settings())
        self.store = Chroma(client=client, collection_name=f"recipe_{int(time.time() * 1000)}", embedding_function=assistant.embeddings)
        self.store.add_documents(self.chunks)
        self.tokens = tokens
        self.bm25 = BM25Okapi([tokens(c.page_content) or ["∅"] for c in self.chunks])

    def top(self, question: str, doc: str | None) -> str:
        where = {"doc": doc} if doc else None
        dense = [c.metadata["n"] for c in self.store.similarity_search(question, k=20, filter=where)]
        scores = self.bm25.get_scores(self.tokens(question) or ["∅"])
        lexical = [i for i in sorted(range(len(self.chunks)), key=lambda i: -scores[i]) if not doc or self.chunks[i].metadata["doc"] == doc][:20]
        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, n in enumerate(ranking):
                fused[n] = fused.get(n, 0.0) + 1.0 / (60 + rank)
        best = max(fused, key=fused.get) if fused else None
        return self.chunks[best].page_content if best is not None else ""


def run_recipe(recipe: ChunkRecipe, rows: list[dict]) -> list[dict]:
    out = []
    for row in rows:
        result = {k: row[k] for k in ("id", "doc", "type", "scope", "split", "refuse")}
        top = recipe.top(row["question"], row["doc"] if row["scope"] == "doc" else None)
        result.update(score(row, top, False, [top]))
        out.append(result)
    return out


def evaluate(assistant, path: str | Path = DATASET, split: str = "all", recipe: bool = True, progress: bool = False) -> dict:
    rows = load(path, split)
    results = run(assistant, rows, progress=progress)
    out = {
        "dataset": str(path),
        "splits": {name: summary([r for r in results if r["split"] == name]) for name in ("dev", "test") if any(r["split"] == name for r in results)},
        "by_doc": breakdown(results, "doc"),
        "by_type": breakdown(results, "type"),
        "rows": results,
    }
    if recipe:
        base = run_recipe(ChunkRecipe(assistant), rows)
        out["recipe"] = {name: summary([r for r in base if r["split"] == name]) for name in ("dev", "test") if any(r["split"] == name for r in base)}
        out["recipe_by_doc"] = breakdown(base, "doc")
    return out


def markdown(results: dict) -> str:
    """The per-split, per-document and per-type tables, recipe rows beside ours."""
    cols = ("questions", "key_facts", "gold_cited", "refusal_recall", "false_refusals_per_100", "exceptions", "ask_p50_ms")
    lines = ["| | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]

    def row(name, s):
        return f"| {name} | " + " | ".join("" if s.get(c) is None else str(s.get(c)) for c in cols) + " |"

    for name, s in results["splits"].items():
        lines.append(row(f"**{name}**", s))
        if "recipe" in results and name in results["recipe"]:
            lines.append(row(f"{name}: LangChain 300-char recipe", results["recipe"][name]))
    lines += ["", "| document | " + " | ".join(cols) + " | recipe key_facts |", "|---" * (len(cols) + 2) + "|"]
    for name, s in results["by_doc"].items():
        rec = results.get("recipe_by_doc", {}).get(name, {})
        lines.append(row(name, s)[:-1] + f"| {rec.get('key_facts', '')} |")
    lines += ["", "| type | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, s in results["by_type"].items():
        lines.append(row(name, s))
    return "\n".join(lines)

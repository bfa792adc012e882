"""Start-up and ingest speed in one run, each figure beside its target and the baseline
it replaces (issue 16): fresh-process `ask`, web start → first answer, warm ask and
retrieve, ingest of the 72 reports with peak RSS, the ONNX query path against
sentence-transformers (same top-5 on every evaluation question), and jieba against
rjieba (tokenizing time and BM25 recall).

Run: python benchmarks/speed.py [--runs 5] [--data PATH] [--skip-web] [--skip-ingest] [--only-ingest]
Every measured stage runs in its own process (cold starts, peak RSS). The machine's load
average is printed: on a machine shared with other work, the figures are provisional.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from assistant.evaluation.seed import percentile  # noqa: E402
DATA = ROOT.parent / "shared" / "data" / "government_work_reports.jsonl"
NOTICE_QUESTIONS = ROOT / "evals" / "dataset.jsonl"
REPORT_QUESTIONS = ROOT / "evals" / "reports_dataset.jsonl"
ASK = "规范性文件什么时候前要录入数据库？"
IDLE_LOAD = 0.5  # 1-minute load average below which a 2-core machine counts as idle


def questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_child(stage: str, index: Path, *extra: str) -> dict:
    """Run one stage in a new process; it prints its figures as JSON on the last line."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", stage, "--index", str(index), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- stages in child processes


def child_warm(index: Path) -> dict:
    from assistant import Assistant

    qa = Assistant(index_dir=index)
    rows = questions(NOTICE_QUESTIONS)
    for q in ("法律顾问", "规范性文件", "文号"):
        qa.ask(q)  # the first questions load lazy parts (POS tagger, Chroma segments)
    out = {"query_backend": qa.embeddings.query_backend}
    for name, call in (("retrieve", lambda q: qa.retrieve(q, k=5)), ("ask", qa.ask)):
        qa.embeddings._embed_query_cached.cache_clear()  # every question is embedded
        times = []
        for r in rows:
            t = time.perf_counter()
            call(r["question"])
            times.append((time.perf_counter() - t) * 1000)
        out[name] = {"p50": round(statistics.median(times), 1), "p95": round(percentile(times, 0.95), 1), "n": len(times)}
    return out


def child_ingest(index: Path, data: Path) -> dict:
    from assistant import Assistant

    load_start = os.getloadavg()[0]
    t = time.perf_counter()
    qa = Assistant(index_dir=index, lazy=True)
    emb = qa.embeddings
    spent = {"embed_s": 0.0, "load_s": 0.0, "texts": 0, "chars": 0}
    encode, load = emb.encode_documents, emb._load

    def timed_encode(texts, *args, **kwargs):  # the model load (first batch) is counted apart
        started, loading = time.perf_counter(), spent["load_s"]
        try:
            return encode(texts, *args, **kwargs)
        finally:
            spent["embed_s"] += time.perf_counter() - started - (spent["load_s"] - loading)
            spent["texts"] += len(texts)
            spent["chars"] += sum(map(len, texts))

    def timed_load():
        started = time.perf_counter()
        try:
            return load()
        finally:
            spent["load_s"] += time.perf_counter() - started

    emb.encode_documents, emb._load = timed_encode, timed_load
    result = qa.ingest([data], progress=lambda m: print(m, file=sys.stderr))
    seconds = time.perf_counter() - t
    return {
        "seconds": round(seconds, 1),
        "documents": len(result["added"]),
        "errors": len(result["errors"]),
        "passages": len(qa.passages),
        "embedded_texts": spent["texts"],
        "embedded_chars": spent["chars"],
        "model_load_s": round(spent["load_s"], 1),
        "embed_s": round(spent["embed_s"], 1),
        "precision": emb.document_precision,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "onnx": emb.query_backend,
        "load": f"{load_start:.2f} → {os.getloadavg()[0]:.2f}",
    }


def _report_hit(hits, row, fold, slug) -> bool:
    return any(h.doc_id == slug(row["doc_title"]) and fold(row["evidence"]) in fold(h.text) for h in hits)


def child_parity(index: Path) -> dict:
    """Top-5 of every evaluation question through ONNX and through sentence-transformers."""
    import numpy as np

    from assistant import Assistant

    onnx = Assistant(index_dir=index)
    torch_qa = Assistant(index_dir=index, lazy=True)
    torch_qa.embeddings.onnx_dir = None  # questions through sentence-transformers
    torch_qa.warm_up()
    assert onnx.embeddings.query_backend == "onnx" and torch_qa.embeddings.query_backend == "sentence-transformers"
    texts = [r["question"] for path in (NOTICE_QUESTIONS, REPORT_QUESTIONS) for r in questions(path)]
    same, differ = 0, []
    for q in texts:
        a = [p.id for p in onnx.retrieve(q, k=5)]
        b = [p.id for p in torch_qa.retrieve(q, k=5)]
        if a == b:
            same += 1
        else:
            differ.append(q)
    va = np.array([onnx.embeddings.embed_query(q) for q in texts])
    vb = np.array([torch_qa.embeddings.embed_query(q) for q in texts])
    return {"questions": len(texts), "same_top5": same, "differ": differ[:5], "min_cosine": round(float((va * vb).sum(axis=1).min()), 6)}


def child_segmenters(index: Path, data: Path) -> dict:
    """jieba against rjieba: time to tokenize the reports, BM25 recall@5 on both sets."""
    import assistant.index.lexical as lexical
    from assistant import Assistant
    from assistant.evaluation import aggregate, run
    from assistant.index import fold
    from assistant.library import slug

    texts = [json.loads(line)["content"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    out = {}
    for seg in ("jieba", "rjieba"):
        tok = lexical.Tokenizer(segmenter=seg)
        tok.words("预热")  # load the dictionary outside the clock
        t = time.perf_counter()
        for p in paragraphs:
            tok.words(lexical.fold(p))
        seconds = time.perf_counter() - t
        lexical.SEGMENTER, lexical._DEFAULT = seg, None
        qa = Assistant(index_dir=index)
        notice = aggregate(run(qa, questions(NOTICE_QUESTIONS), mode="bm25", answers=False))
        rows = [r for r in questions(REPORT_QUESTIONS) if r["doc_title"]]
        reports = sum(_report_hit(qa.retrieve(r["question"], k=5, mode="bm25"), r, fold, slug) for r in rows) / len(rows)
        out[seg] = {"segment_s": round(seconds, 2), "notice_recall@5": notice["recall@5"], "reports_recall@5": round(reports, 3)}
    return out


# ---------------------------------------------------------------- the run


def timed(cmd: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def web_first_answer(index: Path, data_dir: Path) -> dict:
    from benchmarks._server import Server
    from benchmarks.web_load import first_answer_seconds

    with Server(index_dir=index, data_dir=data_dir) as server:
        return first_answer_seconds(server, timeout=300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh-process asks to time")
    parser.add_argument("--data", type=Path, default=DATA, help="the reports JSONL")
    parser.add_argument("--skip-web", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true", help="also skips the parity and segmenter checks")
    parser.add_argument("--only-ingest", action="store_true", help="only the notice's index build and the ingest of the reports")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage = {"warm": lambda: child_warm(args.index), "ingest": lambda: child_ingest(args.index, args.data),
                 "parity": lambda: child_parity(args.index), "segmenters": lambda: child_segmenters(args.index, args.data)}
        print(json.dumps(stage[args.child](), ensure_ascii=False))
        return

    load_start = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="speed-"))
    rows: list[tuple[str, str, str, str]] = []
    try:
        notice, data_dir = work / "notice", work / "data"
        py = sys.executable
        build = timed([py, "-m", "assistant", "index", "--index-dir", str(notice)])
        rows.append(("index build of the bundled notice + ONNX export (new process)", f"{build:.1f} s", "", "6.6 s build, model loaded"))
        if args.only_ingest:
            ingest_rows(rows, notice, work, args.data)
            return finish(rows, load_start)
        asks = [timed([py, "-m", "assistant", "ask", ASK, "--index-dir", str(notice)]) for _ in range(args.runs)]
        rows.append((f"fresh-process `ask`, index present (median of {args.runs}; min–max)",
                     f"{statistics.median(asks):.2f} s ({min(asks):.2f}–{max(asks):.2f})", "≤ 3 s", "7.9–10.3 s"))
        fallback = notice / "onnx"
        shutil.move(str(fallback), str(work / "onnx-aside"))
        no_onnx = timed([py, "-m", "assistant", "ask", ASK, "--index-dir", str(notice)])
        shutil.move(str(work / "onnx-aside"), str(fallback))
        rows.append(("fresh-process `ask` without the ONNX file (sentence-transformers fallback)", f"{no_onnx:.2f} s", "", "7.9–10.3 s"))
        if not args.skip_web:
            web = web_first_answer(notice, data_dir)
            rows.append(("web: `python app.py` → page served", f"{web['page_s']:.1f} s", "", "5.4–6.3 s"))
            rows.append(("web: `python app.py` → first answer", f"{web['first_answer_s']:.1f} s", "≤ 6 s", "14–16 s"))
        warm = run_child("warm", notice)
        rows.append((f"warm `retrieve` p50 / p95 ({warm['retrieve']['n']} questions, every one embedded)",
                     f"{warm['retrieve']['p50']} / {warm['retrieve']['p95']} ms", "", "22.3 / 30.6 ms"))
        rows.append(("warm `ask` p50 / p95", f"{warm['ask']['p50']} / {warm['ask']['p95']} ms", "p50 ≤ 30 ms", "23.6 / 32.7 ms"))
        if not args.skip_ingest:
            reports = ingest_rows(rows, notice, work, args.data)
            asks = [timed([py, "-m", "assistant", "ask", "2019年政府工作报告提出的国内生产总值增长预期目标是多少？", "--index-dir", str(reports)])
                    for _ in range(max(1, args.runs // 2))]
            rows.append(("fresh-process `ask` on the ingested library (notice + 72 reports)", f"{statistics.median(asks):.2f} s", "", "4.6 s to first result"))
            par = run_child("parity", reports)
            rows.append((f"ONNX vs sentence-transformers: same top-5 ({par['questions']} evaluation questions)",
                         f"{par['same_top5']} / {par['questions']} (min cosine {par['min_cosine']})", "all", ""))
            seg = run_child("segmenters", reports, "--data", str(args.data))
            for name in ("jieba", "rjieba"):
                s = seg[name]
                rows.append((f"{name}: segment the 72 reports; BM25 recall@5 notice / reports",
                             f"{s['segment_s']} s; {s['notice_recall@5']:.3f} / {s['reports_recall@5']:.3f}", "", ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish(rows, load_start)


def ingest_rows(rows: list, notice: Path, work: Path, data: Path) -> Path:
    """Ingest the reports into a copy of the notice's index in a new process; add its rows."""
    reports = work / "reports"
    shutil.copytree(notice, reports)
    ing = run_child("ingest", reports, "--data", str(data))
    rows.append((f"ingest of the 72 reports ({ing['documents']} documents, {ing['errors']} failures, {ing['passages']} passages)",
                 f"{ing['seconds']:.0f} s (1-minute load {ing['load']})", "≤ 90 s", "116 s idle / 128 s (float32)"))
    rows.append((f"of which embedding {ing['embedded_texts']:,} texts ({ing['embedded_chars']:,} characters, {ing['precision']} products)",
                 f"{ing['embed_s']:.0f} s (+ {ing['model_load_s']:.1f} s model load)", "", "114 s (float32)"))
    rows.append(("peak RSS of the ingest process", f"{ing['peak_rss_mib']:,} MiB", "≤ 1,536 MiB", "1,433 MiB; 1,634 MiB"))
    return reports


def finish(rows: list, load_start: tuple) -> None:
    load_end = os.getloadavg()
    width = max(len(r[0]) for r in rows)
    print(f"\n{'figure'.ljust(width)} | this run | target | baseline")
    for name, value, target, baseline in rows:
        print(f"{name.ljust(width)} | {value} | {target or '—'} | {baseline or '—'}")
    busy = max(load_start[0], load_end[0]) > IDLE_LOAD
    print(f"\nmachine: {os.cpu_count()} cores; 1-minute load average {load_start[0]:.2f} at the start, {load_end[0]:.2f} at the end"
          + (" — the machine was busy: these figures are provisional." if busy else " (idle)."))


if __name__ == "__main__":
    main()

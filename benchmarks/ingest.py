"""Benchmark of ingesting the 72 government work reports into a fresh index: time,
passages, size on disk, peak memory; then warm query latency and recall@5 on the
report questions (evals/reports_dataset.jsonl); embedded Chroma and a `chroma run` server.

Run: python benchmarks/ingest.py [--data PATH] [--no-server]
Each configuration runs in its own process, so peak RSS is that configuration's own.
"""

import argparse
import json
import resource
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
QUESTIONS = ROOT / "evals" / "reports_dataset.jsonl"


def child(data: Path, index: Path, server_port: int | None) -> dict:
    from assistant import Assistant
    from assistant.index import fold
    from assistant.library import slug

    t = time.perf_counter()
    qa = Assistant(index_dir=index, chroma_host="127.0.0.1" if server_port else None, chroma_port=server_port or 8000)
    start = time.perf_counter() - t
    t = time.perf_counter()
    result = qa.ingest([data], progress=lambda m: print(m, file=sys.stderr))
    ingest = time.perf_counter() - t
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())

    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for q in ("政府工作报告", "粮食产量", "2019年的报告", "经济增长目标", "改革开放"):
        qa.ask(q)  # warm: the first queries load lazy parts (jieba posseg, Chroma segments)
    qa.embeddings._embed_query_cached.cache_clear()
    times, hits_at_5, hits_at_1, answerable = [], 0, 0, 0
    for r in rows:
        t = time.perf_counter()
        hits = qa.retrieve(r["question"], k=5)
        times.append((time.perf_counter() - t) * 1000)
        if r["doc_title"]:
            answerable += 1
            gold = [i for i, h in enumerate(hits) if h.doc_id == slug(r["doc_title"]) and fold(r["evidence"]) in fold(h.text)]
            hits_at_5 += bool(gold)
            hits_at_1 += bool(gold and gold[0] == 0)
    qa.embeddings._embed_query_cached.cache_clear()
    ask_times, refused_right, facts_ok = [], 0, 0
    for r in rows:
        t = time.perf_counter()
        ans = qa.ask(r["question"])
        ask_times.append((time.perf_counter() - t) * 1000)
        if not r["doc_title"]:
            refused_right += ans.refused
        else:
            facts_ok += all(fold(f) in fold(ans.text) for f in r["answer_facts"])
    t = time.perf_counter()
    again = Assistant(index_dir=index, chroma_host="127.0.0.1" if server_port else None, chroma_port=server_port or 8000)
    again.retrieve("粮食产量", k=5)
    reopen = time.perf_counter() - t
    return {
        "documents": len(qa.documents) - len(qa.corpus),
        "errors": len(result["errors"]),
        "passages": len(qa.passages),
        "startup_s": round(start, 1),
        "ingest_s": round(ingest, 1),
        "disk_mib": round(size / 2**20, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "questions": len(rows),
        "retrieve_p50_ms": round(statistics.median(times), 1),
        "retrieve_p95_ms": round(percentile(times, 0.95), 1),
        "recall@5": round(hits_at_5 / answerable, 3),
        "top1": round(hits_at_1 / answerable, 3),
        "ask_p50_ms": round(statistics.median(ask_times), 1),
        "ask_p95_ms": round(percentile(ask_times, 0.95), 1),
        "answer_facts": round(facts_ok / answerable, 3),
        "refusals_right": f"{refused_right}/{len(rows) - answerable}",
        "reopen_s": round(reopen, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-server", action="store_true", help="skip the chroma run server configuration")
    parser.add_argument("--child", choices=["local", "server"], help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.data, args.index, args.port)))
        return
    if not args.data.is_file():
        sys.exit(f"data file not found: {args.data} (use --data)")
    from benchmarks._server import ChromaServer

    configs = ["local"] if args.no_server else ["local", "server"]
    results = {}
    for name in configs:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, __file__, "--child", name, "--data", str(args.data), "--index", str(Path(tmp) / "index")]
            if name == "server":
                with ChromaServer(Path(tmp) / "server") as server:
                    out = subprocess.run(cmd + ["--port", str(server.port)], capture_output=True, text=True, cwd=ROOT)
            else:
                out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                sys.exit(f"{name} run failed:\n{out.stderr[-3000:]}")
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{name}: {json.dumps(results[name], ensure_ascii=False)}", flush=True)
    keys = list(next(iter(results.values())))
    print("\n| figure | " + " | ".join(results) + " |\n| --- | " + " | ".join("---" for _ in results) + " |")
    for k in keys:
        print(f"| {k} | " + " | ".join(str(results[c][k]) for c in results) + " |")


if __name__ == "__main__":
    main()

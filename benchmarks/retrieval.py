"""Benchmark of index build, cold start, warm retrieve/ask latency and memory, with the
standard LangChain recipe (300-character chunks + Chroma + the same model) on the same
questions. Prints figures; run: python benchmarks/retrieval.py"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COLD = """
import time; t = time.perf_counter()
from assistant import Assistant
qa = Assistant(index_dir={index!r})
qa.retrieve("规范性文件什么时候录入数据库", k=5)
print(time.perf_counter() - t)
"""


def main() -> None:
    import psutil

    from assistant import Assistant
    from assistant.evaluation import ChunkBaseline, aggregate, load_dataset, run, run_baseline

    rows = load_dataset()
    questions = [r["question"] for r in rows]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        qa = Assistant(index_dir=tmp, lazy=True)
        qa.embeddings.model  # model load is part of a first start, reported apart from the build
        load = time.perf_counter() - t
        t = time.perf_counter()
        qa.warm_up()
        build = time.perf_counter() - t
        print(f"model load: {load:.2f} s; index build of the bundled corpus ({len(qa.passages)} passages): {build:.2f} s")

        cold = float(subprocess.run([sys.executable, "-c", COLD.format(index=tmp)], capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent).stdout.strip().splitlines()[-1])
        print(f"cold start (new process -> first result, index present): {cold:.2f} s")

        qa.embeddings._embed_query_cached.cache_clear()
        times = []
        for q in questions:  # uncached: every question embeds anew
            t = time.perf_counter()
            qa.retrieve(q, k=5)
            times.append((time.perf_counter() - t) * 1000)
        print(f"warm retrieve over {len(questions)} questions: p50 {statistics.median(times):.1f} ms, p95 {sorted(times)[int(0.95 * len(times)) - 1]:.1f} ms")
        qa.embeddings._embed_query_cached.cache_clear()
        times = []
        for r in rows:
            t = time.perf_counter()
            qa.ask(r["question"], history=r.get("history") or None)
            times.append((time.perf_counter() - t) * 1000)
        print(f"warm ask (extractive) over {len(rows)} questions: p50 {statistics.median(times):.1f} ms, p95 {sorted(times)[int(0.95 * len(times)) - 1]:.1f} ms")
        print(f"RSS after warm-up and queries: {psutil.Process(os.getpid()).memory_info().rss / 2**20:.0f} MiB")

        ours = aggregate(run(qa, rows, answers=False))
        base = aggregate(run_baseline(ChunkBaseline(qa), rows))
        print("\n| retriever | recall@1 | recall@5 | recall_cap@5 | mrr@10 | top1 (single item) |\n| --- | --- | --- | --- | --- | --- |")
        for name, s in (("this project (full)", ours), ("LangChain 300-char chunks + Chroma", base)):
            print(f"| {name} | {s['recall@1']:.3f} | {s['recall@5']:.3f} | {s['recall_cap@5']:.3f} | {s['mrr@10']:.3f} | {s['top1_single_item']:.3f} |")


if __name__ == "__main__":
    main()

"""Load test of the web chat: 20 concurrent chat requests through gradio's API.

    python benchmarks/web_load.py                 # starts app.py itself (cold and warm start)
    python benchmarks/web_load.py --url http://127.0.0.1:7860/ --requests 40
    python benchmarks/web_load.py --json

Without ``--url`` it also measures the time from ``python app.py`` to a page that
answers: once with an empty index folder (first start: the index is built) and once
reusing it. Requests go only to 127.0.0.1 (or the ``--url`` you give); the run is
bounded by ``--requests`` and ``--timeout``.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import Server  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from assistant.evaluation.seed import percentile  # noqa: E402

QUESTIONS = [
    "规范性文件什么时候前要录入数据库？",
    "政府法律顾问制度要在什么时候前全部建立？",
    "县（市、区）政府常务会议每年学法不少于几次？",
    "一共有多少项工作？",
    "这份文件的文号是什么？",
    "哪些工作有时间节点？",
    "第（十三）项讲的是什么？",
    "行政复议工作有什么要求？",
    "政务公开由谁负责？",
    "今年的财政预算是多少？",
    "重大行政决策要经过哪些法定程序？",
    "行政执法人员持证上岗有什么要求？",
    "法治政府建设考核怎么做？",
    "权力清单和责任清单要怎么管理？",
    "行政应诉工作有什么要求？",
    "第八部分有哪些工作？",
    "谁负责督办这份文件？",
    "领导干部学法有哪些制度？",
    "“双随机、一公开”是什么？",
    "帮我写一首关于法治的诗",
]
# Asked once before the clock starts: the first questions of a new process load lazy
# parts (tokenizer dictionaries, Chroma segments). None of them is in QUESTIONS, so the
# load itself embeds every question anew (no cached query vectors).
WARM_UP = ["一共有多少项工作", "文号", "法律顾问什么时候建立"]


def ask_once(client, question: str) -> tuple[float, str | None]:
    t0 = time.perf_counter()
    try:
        chat = client.predict(question, "", api_name="/ask")  # (question, 回答范围: all documents)
        content = chat[-1]["content"]
        text = content[0]["text"] if isinstance(content, list) else str(content)
        error = None if text and "抱歉，系统出现问题" not in text else "error message in answer"
    except Exception as exc:  # any client or server failure counts as an error
        error = f"{type(exc).__name__}: {exc}"
    return time.perf_counter() - t0, error


def make_client(url: str):
    """A gradio client for ``url``. Over plain http it skips loading the CA bundle:
    httpx builds a new SSL context for every request gradio_client makes (~20 ms of CPU
    under the GIL each, two per chat request), which on a small machine made this
    benchmark measure its own client rather than the app. https URLs keep verification."""
    from gradio_client import Client

    return Client(url, verbose=False, ssl_verify=not url.startswith("http://"))


def first_answer_seconds(server: Server, timeout: float) -> dict:
    """Seconds from spawn to a served page, and to the first answered question."""
    page = server.wait_http(timeout)
    client = make_client(server.url)
    latency, error = ask_once(client, QUESTIONS[0])
    if error:
        raise RuntimeError(f"first question failed: {error}")
    return {"page_s": round(page, 2), "first_answer_s": round(time.monotonic() - server.started, 2), "first_latency_s": round(latency, 2)}


def load(url: str, n: int, concurrency: int, timeout: float) -> dict:
    # One client (one gradio session) per request, made before the clock starts.
    clients = [make_client(url) for _ in range(n)]
    for q in WARM_UP:
        ask_once(clients[0], q)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(ask_once, clients[i], QUESTIONS[i % len(QUESTIONS)]) for i in range(n)]
        results = [f.result(timeout=timeout) for f in futures]
    wall = time.perf_counter() - t0
    latencies = [r[0] for r in results]
    errors = [r[1] for r in results if r[1]]
    return {
        "requests": n,
        "concurrency": concurrency,
        "p50_s": round(percentile(latencies, 0.50), 3),
        "p95_s": round(percentile(latencies, 0.95), 3),
        "max_s": round(max(latencies), 3),
        "mean_s": round(statistics.mean(latencies), 3),
        "wall_s": round(wall, 3),
        "throughput_rps": round(n / wall, 2),
        "errors": len(errors),
        "error_samples": errors[:3],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Concurrent chat requests against the web app; p50/p95 latency and errors.")
    parser.add_argument("--url", help="a running app (default: start app.py on a free port)")
    parser.add_argument("--requests", type=int, default=len(QUESTIONS), help="requests sent (default: each question once)")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=300, help="seconds for the whole load or a start-up")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    report: dict = {}
    if args.url:
        report["load"] = load(args.url, args.requests, args.concurrency, args.timeout)
    else:
        with tempfile.TemporaryDirectory(prefix="web-load-") as tmp:
            index_dir, data_dir = Path(tmp) / "indexes", Path(tmp) / "data"
            with Server(index_dir, data_dir, log_path=Path(tmp) / "cold.log") as cold:
                report["cold_start"] = first_answer_seconds(cold, args.timeout)
            with Server(index_dir, data_dir, log_path=Path(tmp) / "warm.log") as warm:
                report["warm_start"] = first_answer_seconds(warm, args.timeout)
                report["load"] = load(warm.url, args.requests, args.concurrency, args.timeout)

    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if report["load"]["errors"] else 0
    for key, label in (("cold_start", "first start (index built)"), ("warm_start", "later start (index reused)")):
        if key in report:
            r = report[key]
            print(f"{label}: page served after {r['page_s']} s, first answer after {r['first_answer_s']} s")
    r = report["load"]
    print(
        f"{r['requests']} chat requests, {r['concurrency']} at once: p50 {r['p50_s']} s, p95 {r['p95_s']} s, "
        f"max {r['max_s']} s, {r['throughput_rps']} req/s, errors {r['errors']}"
    )
    for sample in r["error_samples"]:
        print(f"  error: {sample}")
    return 1 if r["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())

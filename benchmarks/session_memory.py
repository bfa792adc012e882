"""Memory of the web app over many new sessions: RSS of ``python app.py`` while 1,000
questions arrive, each from a new browser session (a new gradio session hash).

    python benchmarks/session_memory.py                    # starts app.py (temporary data folder)
    python benchmarks/session_memory.py --questions 300 --every 50
    python benchmarks/session_memory.py --url http://127.0.0.1:7860/ --pid 12345

Prints the RSS after the warm-up and after every ``--every`` questions, and the growth
over the second half (where the session limit, ``assistant.web.app.SESSIONS``, has been
reached and the oldest sessions are dropped). Requests go only to 127.0.0.1 or ``--url``.
"""

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import Server  # noqa: E402
from web_load import QUESTIONS  # noqa: E402


def rss_mib(pid: int) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 1024 / 1024


def run(url: str, pid: int, questions: int, every: int) -> dict:
    from gradio_client import Client

    client = Client(url, verbose=False)
    for q in QUESTIONS[:3]:  # warm-up in one session
        client.predict(q, "", api_name="/ask")
    time.sleep(1)
    points = [(0, rss_mib(pid))]
    started = time.perf_counter()
    for i in range(1, questions + 1):
        client.session_hash = str(uuid.uuid4())  # a new browser session for every question
        client.predict(QUESTIONS[i % len(QUESTIONS)], "", api_name="/ask")
        if i % every == 0:
            points.append((i, rss_mib(pid)))
            print(f"{i:5d} questions  RSS {points[-1][1]:7.1f} MiB", flush=True)
    half = [p for p in points if p[0] >= questions // 2]
    return {
        "questions": questions,
        "seconds": round(time.perf_counter() - started, 1),
        "rss_mib": [[n, round(v, 1)] for n, v in points],
        "growth_second_half_mib": round(half[-1][1] - half[0][1], 1),
        "growth_total_mib": round(points[-1][1] - points[0][1], 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="RSS of the web app over questions from new sessions.")
    parser.add_argument("--url", help="a running app (then --pid is needed)")
    parser.add_argument("--pid", type=int, help="process id of the running app")
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.url:
        if not args.pid:
            parser.error("--url needs --pid")
        result = run(args.url, args.pid, args.questions, args.every)
    else:
        with tempfile.TemporaryDirectory(prefix="session-memory-") as tmp, Server(data_dir=Path(tmp) / "data") as server:
            server.wait_http()
            result = run(server.url, server.proc.pid, args.questions, args.every)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['questions']} questions in {result['seconds']} s; RSS growth: {result['growth_total_mib']} MiB in all, "
              f"{result['growth_second_half_mib']} MiB over the second half")
    return 0


if __name__ == "__main__":
    sys.exit(main())

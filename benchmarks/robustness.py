"""Figures for hostile input: the zip-bomb docx (CPU time and memory growth until it is
refused, target ≤ 5 s and ≤ 200 MB) and the CPU time per generated hostile question
(target ≤ 1 s each), measured with time.process_time, not wall clock.

Run: python benchmarks/robustness.py [--questions N]
"""

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "robustness"))


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def zip_bomb() -> None:
    from robust_inputs import zip_bomb_docx

    from assistant.documents import load_text
    from assistant.schema import InputError

    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.docx"
        zip_bomb_docx(bomb, expanded_mb=200)
        before, peak_before = rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started, wall = time.process_time(), time.perf_counter()
        try:
            load_text(bomb)
            message = "NOT REFUSED"
        except InputError as exc:
            message = str(exc)
        cpu, wall = time.process_time() - started, time.perf_counter() - wall
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"zip bomb: {bomb.stat().st_size / 1024:.0f} KB on disk, 200 MB expanded")
        print(f"  refused in {cpu:.3f} s CPU ({wall:.3f} s wall); RSS {before:.0f} -> {rss_mb():.0f} MB, peak growth {peak - peak_before:.0f} MB")
        print(f"  message: {message}")


def questions(n: int) -> None:
    from robust_inputs import hostile_questions

    from assistant import Assistant

    with tempfile.TemporaryDirectory() as tmp:
        qa = Assistant(index_dir=Path(tmp) / "index", data_dir=Path(tmp) / "data")
        spent = []
        for q in hostile_questions()[:n]:
            started = time.process_time()
            qa.ask(q)
            spent.append(time.process_time() - started)
    spent.sort()
    print(f"hostile questions: {len(spent)}; CPU per question p50 {statistics.median(spent) * 1000:.0f} ms, "
          f"p95 {spent[int(0.95 * len(spent)) - 1] * 1000:.0f} ms, max {spent[-1] * 1000:.0f} ms, total {sum(spent):.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1000, help="how many generated questions (0: none)")
    args = parser.parse_args()
    zip_bomb()
    if args.questions:
        questions(args.questions)

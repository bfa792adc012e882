"""Progress bars for long stages (tokenizing, embedding, parsing): tqdm with an ETA on
standard error, live on a terminal and a line now and then in a log."""

from __future__ import annotations

import contextlib
import sys

MIN_TOTAL = 200  # smaller stages finish before a bar would be read


def progress_interval() -> float:
    """Seconds between progress updates: live on a terminal, a line now and then in a log."""
    return 0.1 if sys.stderr.isatty() else 15.0


class _NullBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


@contextlib.contextmanager
def bar(total: int, desc: str, unit: str, progress=None):
    """A tqdm bar when someone watches (``progress`` is given) and the stage is long."""
    if progress is None or total < MIN_TOTAL:
        yield _NullBar()
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit=unit, mininterval=progress_interval(), file=sys.stderr) as b:
        yield b

"""Start ``python app.py`` on a free 127.0.0.1 port for a benchmark, and stop it."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, grace: float = 15) -> None:
    """Terminate ``proc``; kill it when it has not exited after ``grace`` seconds."""
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


class Server:
    """``python app.py --port N``; ``started`` is the monotonic time of the spawn."""

    def __init__(self, index_dir: str | None = None, data_dir: str | None = None, log_path: str | None = None, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        full_env = dict(os.environ, PYTHONUNBUFFERED="1")
        if index_dir:
            full_env["ASSISTANT_INDEX_DIR"] = str(index_dir)
        if data_dir:
            full_env["ASSISTANT_DATA_DIR"] = str(data_dir)
        full_env.update(env)
        self.log_path = Path(log_path or os.devnull)
        self._log = open(self.log_path, "w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "app.py", "--port", str(self.port)], cwd=ROOT, env=full_env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def wait_http(self, timeout: float = 300) -> float:
        """Seconds from spawn until the page is served."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {self.proc.returncode}; see {self.log_path}")
            try:
                urllib.request.urlopen(self.url, timeout=2).close()
                return time.monotonic() - self.started
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"app.py did not serve {self.url} within {timeout}s")

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class ChromaServer:
    """A real ``chroma run`` on a free 127.0.0.1 port, storing under ``path``.

    >>> with ChromaServer(tmp) as server:       # doctest: +SKIP
    ...     Assistant(chroma_host="127.0.0.1", chroma_port=server.port)
    """

    def __init__(self, path: str | Path, timeout: float = 60):
        import shutil

        self.path, self.timeout = Path(path), timeout
        self.port = free_port()
        self.executable = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
        self.proc = None

    def __enter__(self) -> "ChromaServer":
        self.proc = subprocess.Popen(
            [self.executable, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise TimeoutError(f"chroma run did not listen on port {self.port} within {self.timeout}s")

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            stop_process(self.proc, grace=30)

"""What every tab shares: the app's title, the background warm-up and its status line, the documents in use."""

import logging
import threading
import time

from ..schema import AssistantError, Document
from .render import GENERIC_ERROR, escape_text

log = logging.getLogger(__name__)

TITLE = "政策问答助手"

class WarmUp:
    """Runs ``assistant.warm_up`` once in a background thread so the page is served (and
    shows progress) while the model loads and, on first start, the index is built."""

    def __init__(self, assistant, echo=print):
        self.assistant = assistant
        self.echo = echo
        self.message = "正在准备模型和索引……"
        self.error: str | None = None
        self.ready = threading.Event()
        self.seconds: float | None = None
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> "WarmUp":
        with self._lock:
            if not self._started:
                self._started = True
                threading.Thread(target=self._run, name="assistant-warm-up", daemon=True).start()
        return self

    def _progress(self, message: str) -> None:
        self.message = str(message)
        self.echo(f"[{TITLE}] {message}")

    def _run(self) -> None:
        t0 = time.monotonic()
        try:
            self.assistant.warm_up(progress=self._progress)
        except AssistantError as exc:
            self.error = str(exc) or GENERIC_ERROR
        except Exception:
            log.exception("warm-up failed")
            self.error = GENERIC_ERROR
        self.seconds = time.monotonic() - t0
        if self.error:
            self.message = self.error
            self.echo(f"[{TITLE}] 初始化失败：{self.error}")
        else:
            self.message = "就绪"
            self.echo(f"[{TITLE}] 就绪（用时 {self.seconds:.1f} 秒）")
        self.ready.set()

    def status_markdown(self, document: Document | None) -> str:
        if not self.ready.is_set():
            return f'<span class="qa-busy">●</span> 正在准备：{escape_text(self.message)}（首次启动需要构建索引，请稍候）'
        if self.error:
            return f'<span class="qa-failed">●</span> 初始化失败：{escape_text(self.error)}'
        if document is None:
            return '<span class="qa-ready">●</span> 就绪'
        return f'<span class="qa-ready">●</span> 就绪：共 {len(document.items)} 项工作，可以提问了。'



def documents_of(assistant) -> list[Document]:
    try:
        docs = list(assistant.documents)
    except AssistantError:
        docs = []
    return docs


def default_document(assistant) -> Document | None:
    try:
        return assistant.document
    except AssistantError:
        return None

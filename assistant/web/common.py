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

    def status_markdown(self, documents: Document | list[Document] | None) -> str:
        """The status line for the selected document(s)."""
        if isinstance(documents, Document):
            documents = [documents]
        if not self.ready.is_set():
            return f'<span class="qa-busy">●</span> 正在准备：{escape_text(self.message)}（首次启动需要构建索引，请稍候）'
        if self.error:
            return f'<span class="qa-failed">●</span> 初始化失败：{escape_text(self.error)}'
        if not documents:
            return '<span class="qa-ready">●</span> 就绪'
        items = sum(len(d.items) for d in documents)
        if len(documents) == 1:
            what = f"共 {items} 项工作" if items else f"共 {len(documents[0].sections)} 段"
        else:
            what = f"共 {len(documents)} 份文档" + (f"、{items} 项工作" if items else "")
        return f'<span class="qa-ready">●</span> 就绪：{what}，可以提问了。'


def header_line(documents: list[Document]) -> str:
    """The line under the title: which document(s) the answers rest on."""
    if not documents:
        return "尚未载入文档。"
    if len(documents) == 1:
        doc = documents[0]
        number = f"（{escape_text(doc.meta.doc_number)}）" if doc.meta.doc_number else ""
        return f"依据《{escape_text(doc.title)}》{number}回答问题，每个回答都附有原文出处，请以原文为准。"
    return f"依据全部 {len(documents)} 份文档回答问题，每个回答都注明出自哪份文档，请以原文为准。可在右侧“回答范围”中选择一份文档。"



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

"""The 问答 tab: the chat stream, sources, 👍/👎 feedback and the 回答范围 selector."""

import logging
import math
import threading
import time
from collections import deque
from pathlib import Path

from ..feedback import FILENAME as FEEDBACK_FILENAME
from ..feedback import FeedbackStore, vote_name
from ..schema import AssistantError, InputError
from .common import WarmUp, documents_of
from .render import GENERIC_ERROR, escape_lines, escape_text, render_answer, render_answer_text

log = logging.getLogger(__name__)

EXAMPLES = (
    "规范性文件什么时候前要录入数据库？",
    "政府法律顾问制度要在什么时候前全部建立？",
    "县（市、区）政府常务会议每年学法不少于几次？",
    "一共有多少项工作？",
    "这份文件的文号是什么？",
)
# Chat requests that run at once; more wait in gradio's queue. ask() runs without a lock:
# after warm-up it only reads (structures built once, the tokenizer's settings fixed by the
# warm-up query, thread-safe LRU caches, Chroma and torch inference), and parallel asks
# use both cores (tests/test_web.py::test_concurrent_asks_match_serial_ones). A running
# request holds one of gradio's 40 worker threads while it streams; the rest stay free
# for the other tabs.
CHAT_CONCURRENCY = 24
MAX_QUESTION_CHARS = 1000  # ask() reads less; this only keeps a pasted page out of the chat
# The answer is finished when streaming starts: the stream is only a short typing effect,
# so it uses few messages (each costs the server a diff and an SSE event) and little time.
STREAM_CHUNKS = 3
STREAM_SECONDS = 0.1  # pause budget per answer, spread over the chunks
MAX_TURNS = 40  # turns a session keeps (shown and used as history); older ones are dropped
MAX_WAITING = 10  # questions a session may queue behind the one being answered
SESSION_SECONDS = 4 * 3600  # a session's conversation is dropped this long after its last change
WAITING = "排队中：上一个问题回答完后马上回答这一个……"
# In the browser, nothing typed may be lost: when a question is sent (Enter or 发送), its
# text is taken and the box emptied within the same key or click event, after gradio has
# seen it and before any later keystroke; the event's js then hands the taken text to the
# server. (Emptying the box from the server, or from the event's js, which runs later,
# cut off the first characters of the next question.)
HEAD_JS = """<script>
(() => {
  const taken = [];
  let seen = null;
  window.qaTakeQuestion = (fallback) => (taken.length ? taken.shift() : fallback);
  const box = () => document.querySelector('#qa-question textarea');
  const sending = (e) => e.type === 'click'
    ? !!(e.target.closest && e.target.closest('#qa-send'))
    : e.key === 'Enter' && !e.shiftKey && !e.isComposing && !!(e.target.closest && e.target.closest('#qa-question'));
  const before = (e) => { seen = sending(e) && box() && box().value.trim() ? box().value : null; };
  const after = () => {
    if (seen === null) return;
    taken.push(seen);
    seen = null;
    const b = box();
    b.value = '';
    b.dispatchEvent(new Event('input', {bubbles: true}));
  };
  for (const type of ['keydown', 'click']) {
    window.addEventListener(type, before, true);
    window.addEventListener(type, after, false);
  }
})();
</script>"""
TAKE_QUESTION_JS = "(question, ...rest) => [window.qaTakeQuestion ? window.qaTakeQuestion(question) : question, ...rest]"


def feedback_store_for(assistant) -> FeedbackStore:
    settings = getattr(assistant, "settings", None)
    data_dir = getattr(settings, "data_dir", None)
    if data_dir is None:
        from ..config import Settings

        data_dir = Settings.load().data_dir
    return FeedbackStore(Path(data_dir) / FEEDBACK_FILENAME)


def chat_messages(turns: list[dict]) -> list[dict]:
    """Chatbot value for the turns: the escaped question, then the rendered answer."""
    out = []
    for t in turns:
        out.append({"role": "user", "content": escape_lines(t["question"], "\n")})
        out.append({"role": "assistant", "content": t["display"]})
    return out


def plain_history(turns: list[dict]) -> list[dict]:
    """The ``history`` for ``ask()``: plain text of the answered turns (errors left out)."""
    out = []
    for t in turns:
        if t.get("ok"):
            out.append({"role": "user", "content": t["question"]})
            out.append({"role": "assistant", "content": t["answer"]})
    return out


def respond_stream(assistant, warm: WarmUp, question: str, turns: list[dict], delay: float = STREAM_SECONDS, doc: str | None = None):
    """Answer ``question``, yielding ``(chatbot messages, turns)`` as the answer grows.

    The last yield carries the finished turn (answer, sources, citations) in ``turns``;
    a blank question yields the unchanged conversation once. Errors become a Chinese
    message in the chat, never a traceback. ``delay`` is the total pause (seconds) over
    the partial answers. ``doc`` limits the answer to one document (its id).
    """
    question = (question or "").strip()[:MAX_QUESTION_CHARS]
    turns = list(turns or [])
    if not question:
        yield chat_messages(turns), list(turns)
        return
    turn = {"question": question, "answer": "", "display": "正在检索原文……", "citations": [], "intent": "", "ok": False}
    yield chat_messages(turns + [turn]), list(turns)
    while not warm.ready.wait(0.5):
        turn["display"] = f"{escape_text(warm.message)}（首次启动需要构建索引，请稍候）"
        yield chat_messages(turns + [turn]), list(turns)
    answer = None
    if warm.error:
        text = warm.error
    else:
        try:
            scope = {"doc": doc} if doc else {}
            answer = assistant.ask(question, history=plain_history(turns), **scope)
            text = answer.text
        except AssistantError as exc:
            text = str(exc) or GENERIC_ERROR
        except Exception:
            log.exception("ask failed for question %r", question)
            text = GENERIC_ERROR
    step = max(1, math.ceil(len(text) / STREAM_CHUNKS))
    ends = range(step, len(text), step)
    for end in ends:
        turn["display"] = render_answer_text(text[:end]) + " ▍"
        yield chat_messages(turns + [turn]), list(turns)
        if delay > 0:
            time.sleep(delay / len(ends))
    turn["answer"] = text
    if answer is not None:
        turn.update(
            display=render_answer(answer, documents_of(assistant)),
            citations=[p.to_dict() for p in answer.citations],
            intent=answer.intent,
            refused=answer.refused,
            ok=True,
        )
    else:
        turn["display"] = '<span class="qa-error">' + render_answer_text(text) + "</span>"
    turns.append(turn)
    yield chat_messages(turns), list(turns)


def record_vote(store: FeedbackStore, turns: list[dict], index, liked) -> bool:
    """Store a 👍/👎 on the chatbot message at ``index`` (answers are the odd indexes)."""
    if isinstance(index, (list, tuple)):
        index = index[0] if index else None
    turns = turns or []
    if not isinstance(index, int) or index % 2 != 1 or not 0 <= index // 2 < len(turns):
        return False
    turn = turns[index // 2]
    return store.record(turn["question"], turn["answer"], turn["citations"], vote_name(liked), turn.get("intent", ""))


ALL_DOCUMENTS = ""


def scope_choices(assistant) -> list[tuple[str, str]]:
    """The 回答范围 options: all documents, then each document by its label."""
    return [("全部文档", ALL_DOCUMENTS)] + [(d.label, d.doc_id) for d in documents_of(assistant)]


def current_scope_choices(assistant, warm: WarmUp) -> list[tuple[str, str]]:
    """The options for a page being opened: documents that another process ingested or
    removed since the app loaded them are taken up first (once the app is ready)."""
    refresh = getattr(assistant, "refresh", None)
    if refresh is not None and warm.ready.is_set() and not warm.error:
        try:
            refresh()
        except Exception:  # the page still opens, with the documents in use
            log.exception("could not take up the changed documents")
    return scope_choices(assistant)


class Conversation:
    """One browser session's chat: the finished turns (at most MAX_TURNS), the question
    being answered and the questions waiting behind it. Events of one session run
    concurrently and share this object; the first one drains the queue, so every question
    sent while an answer streams is answered after it, in order."""

    def __init__(self):
        self.turns: list[dict] = []
        self.current: dict | None = None
        self.waiting: deque[tuple[str, str | None]] = deque()
        self.busy = False
        self.lock = threading.Lock()

    def __deepcopy__(self, memo):  # gradio copies the default value for every new session
        return Conversation()

    def messages(self) -> list[dict]:
        """Chatbot value: finished turns, the one streaming, then the waiting questions."""
        with self.lock:
            turns = self.turns + ([self.current] if self.current else [])
            waiting = list(self.waiting)
        out = chat_messages(turns)
        for question, _ in waiting:
            out += [{"role": "user", "content": escape_lines(question, "\n")}, {"role": "assistant", "content": WAITING}]
        return out

    def submit(self, question: str, doc: str | None) -> bool | None:
        """Queue a question; True when the caller must drain the queue, False when another
        event of this session already does, None when the queue is full."""
        with self.lock:
            if len(self.waiting) >= MAX_WAITING:
                return None
            self.waiting.append((question, doc))
            if self.busy:
                return False
            self.busy = True
            return True

    def next_question(self) -> tuple[str, str | None] | None:
        with self.lock:
            if not self.waiting:
                self.busy = False
                return None
            return self.waiting.popleft()

    def finish(self, turns: list[dict]) -> None:
        with self.lock:
            self.turns = turns[-MAX_TURNS:]
            self.current = None

    def clear(self) -> None:
        with self.lock:
            self.turns, self.current = [], None
            self.waiting.clear()


def answer_queued(assistant, warm: WarmUp, conversation: Conversation, question: str, doc: str | None = None, delay: float = STREAM_SECONDS):
    """Queue ``question`` and yield the chatbot messages; the first caller of a session
    answers every queued question in turn, later callers only show theirs as waiting."""
    question = (question or "").strip()[:MAX_QUESTION_CHARS]
    if not question:
        yield conversation.messages()
        return
    drain = conversation.submit(question, doc or None)
    if not drain:
        if drain is None:
            raise InputError(f"已有 {MAX_WAITING} 个问题在排队，请等当前回答完成后再发送。")
        yield conversation.messages()
        return
    try:
        while (queued := conversation.next_question()) is not None:
            text, scope = queued
            turns = list(conversation.turns)
            for messages, finished in respond_stream(assistant, warm, text, turns, delay=delay, doc=scope):
                if len(finished) > len(turns):
                    conversation.finish(finished)
                else:
                    # the turn being answered is the last message pair
                    conversation.current = {"question": text, "display": messages[-1]["content"]}
                yield conversation.messages()
    finally:  # the page was closed mid-answer: a later question drains what is left
        with conversation.lock:
            conversation.busy = False
            conversation.current = None


def chat_tab(gr, assistant, warm: WarmUp, store: FeedbackStore, scope):
    """The tab; ``scope`` is the page's document selector (the 回答范围)."""

    def respond(question, conversation, doc=ALL_DOCUMENTS):
        if not (question or "").strip():
            gr.Warning("请输入问题，例如：规范性文件什么时候前要录入数据库？", title="提示")
        try:
            yield from answer_queued(assistant, warm, conversation, question, doc)
        except InputError as exc:
            gr.Warning(str(exc), title="提示")
            yield conversation.messages()

    def on_like(conversation, data: gr.LikeData):
        if data.liked is None or data.liked == "":
            return
        if record_vote(store, conversation.turns, data.index, data.liked):
            gr.Info("已记录您的反馈（👍）。谢谢！" if vote_name(data.liked) == "up" else "已记录您的反馈（👎），我们会改进。", title="感谢反馈")
        else:
            gr.Warning("反馈未能保存，请稍后重试。", title="提示")

    def clear(conversation):
        conversation.clear()
        return []

    with gr.Tab("问答", id="chat"):
        conversation = gr.State(Conversation(), time_to_live=SESSION_SECONDS)
        chatbot = gr.Chatbot(
            label="对话",
            height=520,
            sanitize_html=True,
            render_markdown=True,
            latex_delimiters=[],
            allow_tags=False,
            buttons=[],
            feedback_options=("Like", "Dislike"),
            placeholder="请在下方输入问题，或点击示例问题。每个回答都会注明出自哪份文件的哪一项。",
            elem_id="qa-chatbot",
        )
        with gr.Row(elem_classes="qa-ask-row"):
            question = gr.Textbox(
                label="问题",
                show_label=False,
                placeholder="请输入问题，按回车发送（回答时也可继续提问，会依次回答），例如：规范性文件什么时候前要录入数据库？",
                scale=8,
                max_lines=4,
                max_length=MAX_QUESTION_CHARS,
                elem_id="qa-question",
            )
            with gr.Column(scale=1, min_width=110):
                send = gr.Button("发送", variant="primary", elem_id="qa-send")
                clear_button = gr.Button("清空对话", size="sm", variant="secondary", elem_id="qa-clear")
        gr.Markdown("**示例问题**（点击直接提问）：")
        with gr.Row():
            example_buttons = [gr.Button(q, size="sm", variant="secondary", elem_classes="qa-example") for q in EXAMPLES]

        # No output goes to the question box (the browser empties it), and a question sent
        # while an answer streams starts its own event ("multiple"): it is queued, not dropped.
        common = dict(concurrency_id="chat", concurrency_limit=CHAT_CONCURRENCY, show_progress="hidden", trigger_mode="multiple")
        question.submit(respond, [question, conversation, scope], [chatbot], api_name="ask", js=TAKE_QUESTION_JS, **common)
        send.click(respond, [question, conversation, scope], [chatbot], api_visibility="undocumented", js=TAKE_QUESTION_JS, **common)
        for button in example_buttons:
            button.click(respond, [button, conversation, scope], [chatbot], api_visibility="undocumented", **common)
        clear_button.click(clear, [conversation], [chatbot], api_visibility="private", queue=False)
        chatbot.clear(clear, [conversation], [chatbot], api_visibility="private", queue=False)
        # queued: gr.Info reaches the page through the queue's event stream only
        chatbot.like(on_like, [conversation], None, api_visibility="private")

"""The 问答 tab: the chat stream, sources, 👍/👎 feedback and the 回答范围 selector."""

import logging
import math
import time
from pathlib import Path

from ..feedback import FILENAME as FEEDBACK_FILENAME
from ..feedback import FeedbackStore, vote_name
from ..schema import AssistantError
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


def chat_tab(gr, assistant, warm: WarmUp, store: FeedbackStore):
    def respond(question, turns, doc=ALL_DOCUMENTS):
        if not (question or "").strip():
            gr.Warning("请输入问题，例如：规范性文件什么时候前要录入数据库？")
        for messages, current in respond_stream(assistant, warm, question, turns, doc=doc or None):
            yield messages, "", current

    def on_like(turns, data: gr.LikeData):
        if record_vote(store, turns, data.index, data.liked):
            gr.Info("感谢反馈！")

    def clear():
        return [], "", []

    with gr.Tab("问答", id="chat"):
        turns = gr.State([])
        chatbot = gr.Chatbot(
            label="对话",
            height=520,
            sanitize_html=True,
            render_markdown=True,
            latex_delimiters=[],
            allow_tags=False,
            buttons=[],
            feedback_options=("Like", "Dislike"),
            placeholder="请在下方输入问题，或点击示例问题。每个回答都会注明出自通知的哪一项。",
            elem_id="qa-chatbot",
        )
        with gr.Row():
            question = gr.Textbox(
                label="问题",
                show_label=False,
                placeholder="请输入问题，按回车发送，例如：规范性文件什么时候前要录入数据库？",
                scale=8,
                max_lines=4,
                max_length=MAX_QUESTION_CHARS,
                elem_id="qa-question",
            )
            with gr.Column(scale=1, min_width=110):
                send = gr.Button("发送", variant="primary", elem_id="qa-send")
                clear_button = gr.Button("清空对话", size="sm", variant="secondary", elem_id="qa-clear")
        choices = scope_choices(assistant)
        scope = gr.Dropdown(
            choices,
            value=ALL_DOCUMENTS,
            label="回答范围",
            info="只在选中的文档中查找；“全部文档”时，回答会注明每句出自哪份文档。",
            visible=len(choices) > 2,
            elem_id="qa-scope",
        )
        gr.Markdown("**示例问题**（点击直接提问）：")
        with gr.Row():
            example_buttons = [gr.Button(q, size="sm", variant="secondary", elem_classes="qa-example") for q in EXAMPLES]

        outputs = [chatbot, question, turns]
        common = dict(concurrency_id="chat", concurrency_limit=CHAT_CONCURRENCY, show_progress="minimal")
        question.submit(respond, [question, turns, scope], outputs, api_name="ask", **common)
        send.click(respond, [question, turns, scope], outputs, api_visibility="undocumented", **common)
        for button in example_buttons:
            button.click(respond, [button, turns, scope], outputs, api_visibility="undocumented", **common)
        clear_button.click(clear, None, outputs, api_visibility="private", queue=False)
        chatbot.clear(clear, None, outputs, api_visibility="private", queue=False)
        chatbot.like(on_like, [turns], None, api_visibility="private", queue=False)
    return scope


"""The gradio app: the page layout (header, status, tabs), the theme and the launcher behind app.py."""

import argparse
import logging
import sys
from importlib import resources

from ..feedback import FILENAME as FEEDBACK_FILENAME
from ..feedback import FeedbackStore
from ..schema import AssistantError, InputError
from .auth import parse_auth
from .chat import chat_tab, current_scope_choices, feedback_store_for
from .common import TITLE, WarmUp, default_document
from .quiz_tab import quiz_tab
from .render import escape_text
from .work_points import work_points_tab

log = logging.getLogger(__name__)

CSS = resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")


def build_demo(assistant, *, warm_up: WarmUp | None = None, feedback: FeedbackStore | None = None, start_warm_up: bool = True):
    """The gradio app (not launched): a header with the status line, then one tab per
    function below. Pass ``css=CSS`` to ``launch()``.

    ``warm_up`` is started here if it is not running yet (unless ``start_warm_up`` is
    False: the caller starts it); ``feedback`` defaults to ``<data_dir>/feedback.sqlite3``.
    """
    import gradio as gr

    warm = warm_up or WarmUp(assistant)
    if start_warm_up:
        warm.start()
    store = feedback or feedback_store_for(assistant)
    document = default_document(assistant)

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        with gr.Column(elem_classes="qa-header"):
            gr.Markdown(f"# {TITLE}")
            if document is not None:
                number = f"（{escape_text(document.meta.doc_number)}）" if document.meta.doc_number else ""
                gr.Markdown(f"依据《{escape_text(document.title)}》{number}回答问题，每个回答都附有原文出处，请以原文为准。")
            status = gr.Markdown(warm.status_markdown(document), elem_classes="qa-status", elem_id="qa-status")
        with gr.Tabs():
            scope = chat_tab(gr, assistant, warm, store)
            work_points_tab(gr, document)
            quiz_tab(gr, document)
            # More tabs go here, one function per tab.

        timer = gr.Timer(1.0, active=not warm.ready.is_set())

        def refresh_status():
            return warm.status_markdown(document), gr.Timer(active=not warm.ready.is_set())

        timer.tick(refresh_status, outputs=[status, timer], api_visibility="private", show_progress="hidden", queue=False)
        demo.load(refresh_status, outputs=[status, timer], api_visibility="private", show_progress="hidden", queue=False)

        def refresh_scope():
            choices = current_scope_choices(assistant, warm)
            return gr.Dropdown(choices=choices, visible=len(choices) > 2)

        demo.load(refresh_scope, outputs=[scope], api_visibility="private", show_progress="hidden")
    return demo


def theme():
    import gradio as gr

    # System fonts only: the default theme fetches web fonts, which an offline intranet cannot reach.
    cjk = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"]
    return gr.themes.Default(primary_hue="red", font=cjk, font_mono=["ui-monospace", "Consolas", "monospace"])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="app.py",
        description=f"{TITLE}网页版：在浏览器中就工作要点通知提问，回答附原文出处。",
        epilog=(
            "示例：\n"
            "  python app.py                          # http://127.0.0.1:7860\n"
            "  python app.py --host 0.0.0.0 --port 8080\n"
            "  ASSISTANT_AUTH=alice:密码 python app.py      # 开启登录（多个账号用逗号分隔）\n"
            "  ASSISTANT_AUTH=@/etc/policy-qa/users.txt python app.py   # 每行一个 用户名:密码\n"
            "\n首次启动会构建索引（页面顶部显示进度），之后的启动直接复用 indexes/ 中的索引。"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1；对外提供服务请放在反向代理之后并开启登录）")
    parser.add_argument("--port", type=int, default=7860, help="端口（默认 7860）")
    parser.add_argument("--corpus-dir", help="语料目录（默认 corpus/ 或 ASSISTANT_CORPUS_DIR）")
    parser.add_argument("--index-dir", help="索引目录（默认 indexes/ 或 ASSISTANT_INDEX_DIR）")
    parser.add_argument("--data-dir", help="数据目录，存放反馈等（默认 data/ 或 ASSISTANT_DATA_DIR）")
    return parser


def launch(argv: list[str] | None = None) -> int:
    """Parse arguments, start the warm-up, serve the app until interrupted."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # gradio's own start-up probes
    try:
        from ..config import Settings

        settings = Settings.load(corpus_dir=args.corpus_dir, index_dir=args.index_dir, data_dir=args.data_dir)
        auth = parse_auth(settings.auth)
        if not 0 < args.port < 65536:
            raise InputError(f"端口超出范围：{args.port}")
        print(f"[{TITLE}] 正在启动……", flush=True)
        from ..service import Assistant

        # lazy: the page is served first; WarmUp then loads the model and builds the index
        # behind it. Started after the server is up: both are mostly Python imports, which
        # would only take turns on the interpreter lock and delay the page.
        assistant = Assistant(settings, lazy=True)
        warm = WarmUp(assistant)
        demo = build_demo(assistant, warm_up=warm, feedback=FeedbackStore(settings.data_dir / FEEDBACK_FILENAME), start_warm_up=False)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    demo.queue(default_concurrency_limit=4)
    print(f"[{TITLE}] 网页地址：http://{args.host}:{args.port}" + ("（已开启登录）" if auth else ""), flush=True)
    try:
        demo.launch(
            server_name=args.host,
            server_port=args.port,
            share=False,
            auth=auth,
            auth_message=f"请登录{TITLE}。" if auth else None,
            show_error=False,
            theme=theme(),
            css=CSS,
            footer_links=["api", "settings"],
            prevent_thread_lock=True,
        )
        warm.start()
        demo.block_thread()
    except KeyboardInterrupt:
        print("已停止。", file=sys.stderr)
        return 130
    return 0


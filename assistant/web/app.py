"""The gradio app: the page layout (header, status, tabs), the theme and the launcher behind app.py."""

import argparse
import logging
import os
import sys
from importlib import resources

from ..feedback import FILENAME as FEEDBACK_FILENAME
from ..feedback import FeedbackStore
from ..schema import AssistantError, InputError
from .auth import Guard, Login, parse_auth
from .chat import ALL_DOCUMENTS, HEAD_JS, chat_tab, current_scope_choices, feedback_store_for, scope_choices
from .common import TITLE, WarmUp, documents_of, header_line
from .exports import MAX_AGE, TempFiles
from .library_page import MAX_JSONL_BYTES, library_tab
from .quiz_tab import quiz_tab
from .units import units_tab
from .work_points import selected_documents, work_points_tab

log = logging.getLogger(__name__)

CSS = resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")


def build_demo(assistant, *, warm_up: WarmUp | None = None, feedback: FeedbackStore | None = None, start_warm_up: bool = True,
               temp: TempFiles | None = None, auth_on: bool = False, admins=()):
    """The gradio app (not launched): a header with the status line and the document
    selector that every tab follows, then one tab per module. Pass ``css=CSS`` to ``launch()``.

    ``warm_up`` is started here if it is not running yet (unless ``start_warm_up`` is
    False: the caller starts it); ``feedback`` defaults to ``<data_dir>/feedback.sqlite3``;
    ``temp`` holds the exports (a new temporary folder by default); with ``auth_on`` only
    ``admins`` may change the library.
    """
    import gradio as gr

    warm = warm_up or WarmUp(assistant)
    if start_warm_up:
        warm.start()
    store = feedback or feedback_store_for(assistant)
    temp = temp or TempFiles()
    # gradio's cache (its copies of downloads, and uploads) goes into the bounded folder;
    # components read this when they are created and the server when it starts
    os.environ["GRADIO_TEMP_DIR"] = str(temp.gradio)

    def documents_now():
        return documents_of(assistant)

    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(300, MAX_AGE)) as demo:
        with gr.Row(elem_classes="qa-header"):
            with gr.Column(scale=3, min_width=300):
                gr.Markdown(f"# {TITLE}")
                header = gr.Markdown(header_line(documents_now()), elem_id="qa-header-line")
                status = gr.Markdown(warm.status_markdown(documents_now()), elem_classes="qa-status", elem_id="qa-status")
            with gr.Column(scale=2, min_width=240):
                choices = scope_choices(assistant)
                selected = gr.Dropdown(
                    choices, value=ALL_DOCUMENTS, label="回答范围（各页都按所选文档显示）",
                    info="“全部文档”时，回答会注明每句出自哪份文档。", elem_id="qa-scope",
                )
        version = gr.State(0)  # bumped when this page adds or removes a document
        changed = [demo.load, version.change]
        with gr.Tabs():
            chat_tab(gr, assistant, warm, store, selected)
            work_points_tab(gr, documents_now, selected, changed, temp)
            units_tab(gr, documents_now, selected, changed, temp)
            quiz_tab(gr, documents_now, selected, changed, temp)
            library_tab(gr, assistant, warm, selected, changed, version, auth_on, admins)

        timer = gr.Timer(1.0, active=not warm.ready.is_set())

        def refresh_status(doc_id=ALL_DOCUMENTS):
            docs = selected_documents(documents_now(), doc_id)
            return warm.status_markdown(docs), header_line(docs), gr.Timer(active=not warm.ready.is_set())

        status_outputs = [status, header, timer]
        timer.tick(refresh_status, [selected], status_outputs, api_visibility="private", show_progress="hidden", queue=False)
        gr.on([demo.load, selected.change, version.change], refresh_status, [selected], status_outputs, api_visibility="private",
              show_progress="hidden", queue=False)

        def refresh_scope(doc_id):
            choices = current_scope_choices(assistant, warm)
            return gr.Dropdown(choices=choices, value=doc_id if any(v == doc_id for _, v in choices) else ALL_DOCUMENTS)

        demo.load(refresh_scope, [selected], [selected], api_visibility="private", show_progress="hidden")
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
            "  ASSISTANT_AUTH=alice:pw1,bob:pw2 ASSISTANT_ADMINS=alice python app.py   # 只有 alice 可以上传、删除文档\n"
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


SESSIONS = 200  # browser sessions whose state is kept (the least recently used go first)


def serve_options(accounts: list[tuple[str, str]] | None, login: Login | None = None) -> dict:
    """``demo.launch`` keyword arguments shared by :func:`launch` and the tests: login
    behind the attempt limiter, the security headers, bounded per-session state and uploads."""
    from starlette.middleware import Middleware

    return dict(
        auth=(login or Login(accounts)) if accounts else None,
        auth_message=f"请登录{TITLE}。" if accounts else None,
        app_kwargs={"middleware": [Middleware(Guard)]},
        state_session_capacity=SESSIONS,
        max_file_size=MAX_JSONL_BYTES,
        show_error=False,
        theme=theme(),
        css=CSS,
        footer_links=["api", "settings"],
        head=HEAD_JS,
    )


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
        temp = TempFiles()
        demo = build_demo(assistant, warm_up=warm, feedback=FeedbackStore(settings.data_dir / FEEDBACK_FILENAME), start_warm_up=False,
                          temp=temp, auth_on=bool(auth), admins=settings.admins)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    demo.queue(default_concurrency_limit=4)
    print(f"[{TITLE}] 网页地址：http://{args.host}:{args.port}" + ("（已开启登录）" if auth else ""), flush=True)
    try:
        demo.launch(server_name=args.host, server_port=args.port, share=False, prevent_thread_lock=True, **serve_options(auth))
        warm.start()
        demo.block_thread()
    except KeyboardInterrupt:
        print("已停止。", file=sys.stderr)
        return 130
    finally:
        temp.close()
    return 0


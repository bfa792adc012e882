"""Web chat (gradio): a thin front end over :class:`assistant.service.Assistant`.
>>> from assistant.service import Assistant          # doctest: +SKIP
>>> demo = build_demo(Assistant())                    # doctest: +SKIP
>>> demo.launch(server_name="127.0.0.1", css=CSS)     # doctest: +SKIP

``python app.py`` (or :func:`launch`) does the same with argument parsing, login and the
first-start index build shown in the page. One module per part of the page:

- ``app``: the page layout, theme and launcher;
- ``common``: the title, the background warm-up, the header and status lines;
- ``chat``: 问答 (the queue of questions per session); ``work_points``: 工作要点一览;
  ``units``: 本单位任务 (with the iCalendar file); ``quiz_tab``: 法治培训测验;
  ``library_page``: 文档管理;
- ``render``: escaping and rendering (everything that ends up in HTML goes through it);
- ``auth``: login accounts, the login attempt limit, admins, security headers;
- ``exports``: the bounded temporary folder of downloads and uploads.

gradio is imported inside functions only, so ``app.py -h`` and the unit tests start fast.
"""

from .app import CSS, build_demo, launch

__all__ = ["CSS", "build_demo", "launch"]

"""Save screenshots of every tab at 1366 and 390 px wide into ``docs/screens/``.

    python benchmarks/screenshot.py                       # starts app.py on a free port (temporary index)
    python benchmarks/screenshot.py --url http://127.0.0.1:7860/ --out /tmp/screens

Files: ``<tab>-<width>.png`` for the tabs chat, work-points, units, quiz and library.
Needs Debian's chromium (/usr/bin/chromium) and a CJK font (fonts-wqy-microhei or
fonts-noto-cjk) so that the Chinese text is drawn.
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import ROOT, Server  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTHS = (1366, 390)
TABS = {"chat": "问答", "work-points": "工作要点一览", "units": "本单位任务", "quiz": "法治培训测验", "library": "文档管理"}


def open_tab(page, tab_id: str) -> None:
    """On a narrow page gradio moves the tabs that do not fit into a "…" menu."""
    tab = page.locator(f"[role=tab][data-tab-id={tab_id}]")
    if tab.count() and tab.first.is_visible():
        tab.first.click()
    else:
        page.locator(".overflow-menu button").first.click()
        page.locator(".overflow-dropdown button").filter(has_text=TABS[tab_id]).first.click()
    page.wait_for_timeout(800)


def pick_first(page, dropdown: str) -> None:
    box = page.locator(f"#{dropdown} input")
    box.click()
    page.locator(f"#{box.get_attribute('aria-controls')}").get_by_role("option").first.click()


def shoot(url: str, out: Path, question: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900 if width > 500 else 844}, locale="zh-CN", device_scale_factor=1)
            page.set_default_timeout(240_000)
            page.goto(url)
            page.locator("#qa-status").get_by_text("就绪").wait_for()
            box = page.locator("#qa-question textarea")
            box.fill(question)
            box.press("Enter")
            page.locator("#qa-chatbot .qa-source summary").first.wait_for()
            page.locator("#qa-chatbot .qa-source summary").first.click()
            page.wait_for_timeout(500)
            for tab_id in TABS:
                if tab_id != "chat":
                    open_tab(page, tab_id)
                if tab_id == "units":
                    pick_first(page, "qa-unit")
                    page.locator("#qa-unit-summary").get_by_text("共涉及").wait_for()
                elif tab_id == "quiz":
                    page.locator("#qa-quiz-n input").fill("3")
                    page.locator("#qa-quiz-generate").click()
                    page.locator("#qa-quiz-q3").first.wait_for()
                elif tab_id == "library":
                    pick_first(page, "qa-library-doc")
                    page.locator("#qa-library-tree details").first.wait_for()
                elif tab_id == "chat":
                    page.locator("#qa-chatbot").scroll_into_view_if_needed()
                page.wait_for_timeout(500)
                path = out / f"{tab_id}-{width}.png"
                page.screenshot(path=str(path), full_page=False)
                saved.append(path)
            page.close()
        browser.close()
    return saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of every tab at 1366 and 390 px.")
    parser.add_argument("--url", help="a running app (default: start app.py on a free port)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screens"))
    parser.add_argument("--question", default="规范性文件什么时候前要录入数据库？")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.url:
        saved = shoot(args.url, out, args.question)
    else:
        with tempfile.TemporaryDirectory(prefix="screenshot-") as tmp, Server(index_dir=Path(tmp) / "index", data_dir=Path(tmp) / "data") as server:
            server.wait_http()
            saved = shoot(server.url, out, args.question)
    for path in saved:
        print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

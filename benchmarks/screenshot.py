"""Save ``docs/screenshot.png``: the chat after one question, its first source opened.

    python benchmarks/screenshot.py                       # starts app.py on a free port
    python benchmarks/screenshot.py --url http://127.0.0.1:7860/ --out /tmp/chat.png

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


def shoot(url: str, out: Path, question: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1000}, locale="zh-CN", device_scale_factor=1)
        page.set_default_timeout(240_000)
        page.goto(url)
        page.locator("#qa-status").get_by_text("就绪").wait_for()
        box = page.locator("#qa-question textarea")
        box.fill(question)
        box.press("Enter")
        page.locator("#qa-chatbot .qa-source summary").first.wait_for()
        page.locator("#qa-chatbot .qa-source summary").first.click()
        page.wait_for_timeout(500)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=False)
        browser.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Screenshot of the chat after one question.")
    parser.add_argument("--url", help="a running app (default: start app.py on a free port)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--question", default="规范性文件什么时候前要录入数据库？")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.url:
        shoot(args.url, out, args.question)
    else:
        with tempfile.TemporaryDirectory(prefix="screenshot-") as tmp, Server(data_dir=Path(tmp) / "data") as server:
            server.wait_http()
            shoot(server.url, out, args.question)
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

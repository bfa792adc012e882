"""Command line: ``python -m assistant VERB ...`` (also installed as ``policy-qa``)."""

from __future__ import annotations

import argparse
import json
import sys

from .schema import AssistantError

EXAMPLES = """示例：
  python -m assistant ask "规范性文件什么时候前要录入数据库？"
  python -m assistant ask "那这项工作由谁负责？" --json
  python -m assistant show                  # 按“章节 → 条目 → 期限、责任单位、数量”打印解析结果
  python -m assistant show --file 通知.docx --json
  python -m assistant index                 # 构建或重建索引
"""


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_show(args) -> int:
    from .documents import corpus_files, facts_summary, parse_file
    from .config import Settings

    files = [args.file] if args.file else corpus_files(Settings.load(corpus_dir=args.corpus).corpus_dir)
    docs = [parse_file(f) for f in files]
    if args.json:
        _print_json([d.to_dict() for d in docs] if len(docs) > 1 else docs[0].to_dict())
        return 0
    for doc in docs:
        m = doc.meta
        print(f"《{m.title or doc.title}》 {m.doc_number}")
        for label, value in (
            ("发文机关", m.issuer),
            ("主送", m.recipients),
            ("成文日期", m.signing_date),
            ("印发", f"{m.printer} {m.printing_date}".strip()),
            ("主办", m.sponsor),
            ("督办", m.supervisor),
            ("抄送", "、".join(m.cc)),
        ):
            if value:
                print(f"  {label}：{value}")
        for msg in doc.messages:
            print(f"  提示：{msg}")
        if not doc.structured:
            for i, s in enumerate(doc.sections, 1):
                print(f"  段落{i}：{s.text[:60]}{'…' if len(s.text) > 60 else ''}")
            continue
        by_chapter = {c.number: c for c in doc.chapters}
        current = None
        for item in doc.items:
            if item.chapter != current:
                current = item.chapter
                if current in by_chapter:
                    print(by_chapter[current].ref)
            print(f"  {item.ref}")
            summary = facts_summary(item)
            for key, label in (("deadlines", "期限"), ("units", "责任单位"), ("quantities", "数量"), ("references", "依据")):
                if summary[key]:
                    print(f"      {label}：{'；'.join(summary[key])}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-qa",
        description="政策问答助手：就工作要点类通知回答问题，并引用原文。",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("show", help="打印通知的解析结构（章节、条目、期限、责任单位、数量）")
    p.add_argument("--file", help="解析指定文件（默认：语料目录中的全部文件）")
    p.add_argument("--corpus", help="语料目录（默认 corpus/ 或 ASSISTANT_CORPUS_DIR）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_show)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

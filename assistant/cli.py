"""Command line: ``python -m assistant VERB ...`` (also installed as ``policy-qa``)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from .schema import AssistantError

EXAMPLES = """示例：
  python -m assistant ask "规范性文件什么时候前要录入数据库？"
  python -m assistant ask "那这项工作由谁负责？" --json
  python -m assistant show                  # 按“章节 → 条目 → 期限、责任单位、数量”打印解析结果
  python -m assistant show --file 通知.docx --json
  python -m assistant index                 # 构建索引（已是最新则直接加载）
  python -m assistant ingest reports.jsonl 2018年工作要点.docx   # 导入更多文档
  python -m assistant docs                  # 列出文档
  python -m assistant ask "2019年政府工作报告提出的经济增长预期目标是多少？"
  python -m assistant ask "赤字率是多少？" --doc 2019年中华人民共和国国务院政府工作报告
  python -m assistant remove 2019年中华人民共和国国务院政府工作报告
  python -m assistant eval --report evals/reports
  python -m assistant quiz --n 20 --seed 7 --types single,multi,tf,blank -o quiz.docx
  python -m assistant quiz --n 10 --chapter 3 --format md    # 只出第三部分的题，打印 Markdown
  python -m assistant grade quiz.json answers.json           # answers.json：{"q1": "B", "q2": ["A", "C"], "q3": "对"}
"""


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_show(args) -> int:
    from .config import Settings
    from .documents import corpus_files, parse_file

    if args.doc:
        from .library import Library, find

        settings = Settings.load(corpus_dir=args.corpus, index_dir=args.index_dir)
        docs = [parse_file(f) for f in corpus_files(settings.corpus_dir)] + Library(settings.index_dir).documents()
        docs = [find(docs, args.doc)]
    else:
        files = [args.file] if args.file else corpus_files(Settings.load(corpus_dir=args.corpus).corpus_dir)
        docs = [parse_file(f) for f in files]
    if args.json:
        _print_json([d.to_dict() for d in docs] if len(docs) > 1 else docs[0].to_dict())
        return 0
    for doc in docs:
        _print_tree(doc)
    return 0


def _print_tree(doc) -> None:
    """A document's header fields, then its tree of numbered parts with each task's facts."""
    from .documents import facts_summary

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
        ("附件", "；".join(m.attachments)),
    ):
        if value:
            print(f"  {label}：{value}")
    for msg in doc.messages:
        print(f"  提示：{msg}")
    if not doc.structured:
        for i, s in enumerate(doc.sections, 1):
            print(f"  段落{i}：{s.text[:60]}{'…' if len(s.text) > 60 else ''}")
        return
    items = {it.key: it for it in doc.items}
    for node in doc.nodes:
        pad = "  " * node.depth
        item = items.get(node.key)
        if node.style == "行":
            cells = "｜".join(v for _, v in node.cells)
            print(f"{pad}{cells[:70]}{'…' if len(cells) > 70 else ''}")
        elif item is not None:
            print(f"{pad}{item.ref}")
        else:
            print(f"{pad}{node.marker}{' ' if node.style in ('附件', '文件') else ''}{node.title}")
        if item is None:
            continue
        summary = facts_summary(item)
        for key, label in (("deadlines", "期限"), ("open", "时限"), ("roles", "责任单位"), ("units", "相关单位"), ("quantities", "数量"), ("references", "依据")):
            values = summary[key] if key != "units" or not summary["roles"] else []
            if values:
                print(f"{pad}    {label}：{'；'.join(values)}")


def _assistant(args, lazy: bool = False):
    from .service import Assistant

    progress = (lambda msg: print(msg, file=sys.stderr)) if not getattr(args, "json", False) else None
    return Assistant(corpus_dir=getattr(args, "corpus", None), index_dir=getattr(args, "index_dir", None), lazy=lazy, progress=progress)


def cmd_ask(args) -> int:
    from .boundary import check_doc_name, check_history, check_question, read_json_file

    history = check_history(read_json_file(args.history, "对话历史文件")) if args.history else None
    # A bad question, history or document name fails before the model loads.
    question = check_question(args.question)
    doc = check_doc_name(args.doc)
    qa = _assistant(args)
    answer = qa.ask(question, history=history, doc=doc)
    if answer.intent == "error":  # ask() turns a failure into a message; scripts see the exit code
        print(f"错误：{answer.text}", file=sys.stderr)
        return 1
    if args.json:
        _print_json(answer.to_dict())
        return 0
    print(answer.text)
    several = len({c.doc_id for c in answer.citations}) > 1 or len(qa.documents) > 1
    for i, c in enumerate(answer.citations, 1):
        where = f"{c.chapter} " if c.chapter and not c.ref.startswith(c.chapter) else ""
        doc = f"《{c.doc_title}》 " if several and c.doc_title else ""
        print(f"\n[{i}] {doc}{where}{c.ref}\n    {c.text}")
    return 0


def cmd_ingest(args) -> int:
    qa = _assistant(args, lazy=True)
    result = qa.ingest(args.paths, kind=args.kind, progress=lambda m: print(m, file=sys.stderr))
    if args.json:
        _print_json(result)
    else:
        for note in result["added"]:
            print(note)
        for err in result["errors"]:
            print(f"失败：{err}", file=sys.stderr)
        print(result["status"])
    # Partial success still lands the good files; the exit code tells scripts something failed.
    return 1 if result["errors"] else 0


def cmd_docs(args) -> int:
    qa = _assistant(args, lazy=True)
    rows = qa.library_entries()
    if args.json:
        _print_json(rows)
        return 0
    print(f"共 {len(rows)} 份文档：")
    for r in rows:
        number = f"（{r['number']}）" if r["number"] else ""
        print(f"  {r['doc_id']}\t《{r['title']}》{number}\t{r['passages']} 个段落\t{r['added']}")
    return 0


def cmd_remove(args) -> int:
    qa = _assistant(args, lazy=True)
    for name in args.docs:
        print(qa.remove(name, progress=lambda m: print(m, file=sys.stderr)))
    return 0


def cmd_index(args) -> int:
    qa = _assistant(args, lazy=True)
    status = qa.rebuild(progress=lambda m: print(m, file=sys.stderr)) if args.rebuild else qa.warm_up(progress=lambda m: print(m, file=sys.stderr))
    qa.export_query_encoder(force=True)
    manifest = qa.store.read_manifest() or {}
    print(status)
    print(f"段落数：{manifest.get('passages')}；向量模型：{manifest.get('embedding_model')}（{manifest.get('dimensions')} 维）；构建时间：{manifest.get('built_at')}")
    return 0


def cmd_eval_notices(args) -> int:
    """The multi-document set: an index of its documents under the index folder."""
    from pathlib import Path

    from .config import ROOT
    from .evaluation import notices
    from .service import Assistant

    dataset = Path(args.dataset)
    # A set kept with its own documents (evals/extra/dataset.jsonl beside evals/extra/docs/)
    # is asked over them, with an index of its own; the main set over the shared documents.
    own_docs = dataset.parent / "docs"
    corpus_dir = Path(args.corpus) if args.corpus else own_docs if own_docs.is_dir() else None
    name = "notices" if corpus_dir is None else f"eval-{corpus_dir.resolve().parent.name}"
    index_dir = Path(args.index_dir) if args.index_dir else ROOT / "indexes" / name
    corpus = corpus_dir if corpus_dir is not None else notices.make_corpus(index_dir / "corpus")
    progress = (lambda msg: print(msg, file=sys.stderr)) if not args.json else None
    qa = Assistant(corpus_dir=corpus, index_dir=index_dir / "index", progress=progress)
    results = notices.evaluate(qa, args.dataset, split=args.split, recipe=not args.no_variants, progress=not args.json)
    if args.report:
        out = Path(args.report)
        out.mkdir(parents=True, exist_ok=True)
        (out / "notices.md").write_text(notices.markdown(results) + "\n", encoding="utf-8")
        (out / "notices.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"报告已写入：{out / 'notices.md'}", file=sys.stderr)
    if args.json:
        _print_json({k: v for k, v in results.items() if k != "rows"} | ({"rows": results["rows"]} if args.rows else {}))
    else:
        print(notices.markdown(results))
    if args.gate:
        own = dataset.parent / "thresholds.json"
        gate = own if corpus_dir is not None and own.is_file() else ROOT / "evals" / "notices_thresholds.json"
        thresholds = json.loads(gate.read_text(encoding="utf-8"))
        from .evaluation import check_thresholds

        failures = [f"{name}: {f}" for name, s in results["splits"].items() for f in check_thresholds(s, thresholds)]
        for f in failures:
            print(f"未达门槛：{f}", file=sys.stderr)
        return 1 if failures else 0
    return 0


def cmd_eval_reports(args) -> int:
    """The report sets: the work reports ingested once into an index of their own."""
    from pathlib import Path

    from .config import ROOT
    from .evaluation import reports
    from .service import Assistant

    index_dir = Path(args.index_dir) if args.index_dir else ROOT / "indexes" / "reports"
    progress = (lambda msg: print(msg, file=sys.stderr)) if not args.json else None
    qa = Assistant(corpus_dir=args.corpus, index_dir=index_dir, progress=progress)
    if not any(d.kind == "report" for d in qa.documents):
        qa.ingest([reports.REPORTS], progress=progress)
    results = reports.evaluate(qa, args.dataset, split=args.split)
    if args.json:
        _print_json({k: v for k, v in results.items() if k != "rows"} | ({"rows": results["rows"]} if args.rows else {}))
    else:
        for name, group in (("split", results["splits"]), ("type", results["by_type"])):
            for key, s in group.items():
                print(f"{name} {key}: {s}")
    return 0


def cmd_eval(args) -> int:
    from pathlib import Path

    from .evaluation import THRESHOLDS, check_thresholds, evaluate, report
    from .evaluation.notices import is_notices_dataset

    if is_notices_dataset(args.dataset):
        return cmd_eval_notices(args)
    from .evaluation import reports

    if reports.is_reports_dataset(args.dataset):
        return cmd_eval_reports(args)
    qa = _assistant(args)
    results = evaluate(qa, args.dataset, mode=args.retriever, k=args.k, variants=not args.no_variants, progress=not args.json)
    if args.report:
        path = report(results, Path(args.report))
        print(f"报告已写入：{path}", file=sys.stderr)
    if args.json:
        _print_json({k: v for k, v in results.items() if k != "rows"} | ({"rows": results["rows"]} if args.rows else {}))
    else:
        print("指标（完整流程）：")
        for key, value in results["summary"].items():
            print(f"  {key}: {value}")
        if results["variants"]:
            print("检索方式对比（recall@1/3/5，mrr@10）：")
            for name, s in results["variants"].items():
                print(f"  {name:22s} {s['recall@1']:.3f} {s['recall@3']:.3f} {s['recall@5']:.3f} {s['mrr@10']:.3f}")
    if args.gate:
        thresholds = json.loads(Path(THRESHOLDS).read_text(encoding="utf-8"))
        failures = check_thresholds(results["summary"], thresholds)
        for f in failures:
            print(f"未达门槛：{f}", file=sys.stderr)
        return 1 if failures else 0
    return 0


def cmd_quiz(args) -> int:
    from . import quiz as quizlib
    from .config import Settings
    from .documents import corpus_files, parse_file
    from .schema import InputError

    fmt = quizlib.output_format(args.format, args.output)
    if fmt == "docx" and not args.output:
        raise InputError("Word 格式需要输出到文件，请用 -o 指定，例如：-o quiz.docx")
    files = [args.file] if args.file else corpus_files(Settings.load(corpus_dir=args.corpus).corpus_dir)
    if not files:
        raise InputError("语料目录中没有可出题的文件，请用 --file 指定通知文件。")
    doc = parse_file(files[0])
    questions = quizlib.build_quiz(doc, n=args.n, seed=args.seed, types=args.types, chapters=args.chapter, items=args.item)
    title = f"《{doc.title}》学法测试题"
    hints = quizlib.overlaps(questions, doc)
    if hints:
        print(f"提示：题量较大，有 {len(hints)} 对题目出自同一句原文，可能互相提示（如 {hints[0][0]} 与 {hints[0][1]}）。减少题量可避免。", file=sys.stderr)
    if not args.output:
        sys.stdout.write(quizlib.render(questions, fmt, title))
        return 0
    path = quizlib.save(questions, args.output, fmt, title)
    print(f"已生成 {len(questions)} 道题（{quizlib.describe(questions)}），已写入：{path}")
    return 0


def cmd_grade(args) -> int:
    from . import quiz as quizlib

    result = quizlib.grade(quizlib.load_quiz(args.quiz), quizlib.load_answers(args.answers))
    if args.json:
        _print_json(result)
    else:
        print(quizlib.format_grade(result))
    return 0


def _location_args(p: argparse.ArgumentParser) -> None:
    """--corpus and --index-dir, which every verb that opens the index takes."""
    p.add_argument("--corpus", help="语料目录（默认 corpus/ 或 ASSISTANT_CORPUS_DIR）")
    p.add_argument("--index-dir", dest="index_dir", help="索引目录（默认 indexes/ 或 ASSISTANT_INDEX_DIR）")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-qa",
        description="政策问答助手：就工作要点类通知回答问题，并引用原文。",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("show", help="打印文件的解析结构（各级编号、任务、期限、责任单位、数量）")
    p.add_argument("--file", help="解析指定文件（默认：语料目录中的全部文件）")
    p.add_argument("--doc", help="显示文档库中的一份文档（编号或标题，见 docs）")
    p.add_argument("--index-dir", help="索引目录（默认 indexes/ 或 ASSISTANT_INDEX_DIR）")
    p.add_argument("--corpus", help="语料目录（默认 corpus/ 或 ASSISTANT_CORPUS_DIR）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("ask", help="提问并得到带原文引用的回答")
    p.add_argument("question", help="问题，例如：规范性文件什么时候前要录入数据库？")
    p.add_argument("--history", help="对话历史 JSON 文件：[{\"role\": \"user\", \"content\": \"…\"}, …]")
    p.add_argument("--json", action="store_true", help="输出 JSON（text、citations、refused）")
    p.add_argument("--doc", help="只在这份文档中回答（文档编号或标题，见 docs 命令）")
    _location_args(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser(
        "ingest",
        help="导入文档（txt、md、docx、pdf、html，或每行含 title/content 的 JSONL）；相同内容重复导入不变，内容变化则替换",
        epilog="示例：python -m assistant ingest 2018年工作要点.docx reports/ ../data/government_work_reports.jsonl",
    )
    p.add_argument("paths", nargs="+", help="文件或文件夹")
    p.add_argument("--kind", choices=["auto", "notice", "report"], default="auto", help="按工作要点（条目）还是报告（标题和段落）解析；auto：找到条目即按工作要点")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    _location_args(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("docs", help="列出文档（标题、文号或年份、段落数、导入时间）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    _location_args(p)
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("remove", help="删除导入的文档（编号或标题）")
    p.add_argument("docs", nargs="+", help="文档编号或标题（见 docs 命令）")
    _location_args(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("index", help="构建索引（已是最新则直接加载）；--rebuild 强制重建")
    p.add_argument("--rebuild", action="store_true", help="强制重建")
    _location_args(p)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("eval", help="在评测集上运行并打印指标")
    p.add_argument("--dataset", default=str(__import__("assistant.evaluation", fromlist=["x"]).DEFAULT_DATASET), help="评测数据 JSONL（格式见 evals/README.md）")
    p.add_argument("--retriever", choices=["bm25", "dense", "hybrid", "full"], default="full", help="检索方式（默认 full）")
    p.add_argument("--k", type=int, default=5, help="recall@k 的 k（默认 5）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--rows", action="store_true", help="JSON 中包含每道题的结果")
    p.add_argument("--report", help="把 Markdown 报告、JSON 和图表写入该目录（如 evals/reports）")
    p.add_argument("--no-variants", action="store_true", help="不运行其他检索方式和 LangChain 基线")
    p.add_argument("--gate", action="store_true", help="指标低于 evals/thresholds.json 时以非零状态退出")
    p.add_argument("--split", choices=["dev", "test", "all"], default="all", help="多文档评测集的划分（默认 all）")
    _location_args(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "quiz",
        help="从通知生成学法测试题（单选、多选、判断、填空），每题附答案和原文",
        epilog="示例：python -m assistant quiz --n 20 --seed 7 --types single,multi,tf,blank --chapter 3 -o quiz.docx",
    )
    p.add_argument("--n", type=int, default=20, help="题量（默认 20）")
    p.add_argument("--seed", type=int, default=7, help="随机种子：相同种子生成相同试卷（默认 7）")
    p.add_argument("--types", help="题型，逗号分隔：single,multi,tf,blank（默认全部）")
    p.add_argument("--chapter", help="只出这些部分的题，如 3 或 3,4")
    p.add_argument("--item", help="只出这些条目的题，如 7 或 7,8")
    p.add_argument("--format", help="输出格式：json、csv、md、docx（默认按 -o 的扩展名，否则 json）")
    p.add_argument("-o", "--output", help="输出文件；不指定时把 json/csv/md 打印到标准输出")
    p.add_argument("--file", help="出题用的通知文件（默认：语料目录中的第一个文件）")
    p.add_argument("--corpus", help="语料目录")
    p.set_defaults(func=cmd_quiz)

    p = sub.add_parser("grade", help="按试卷 JSON 批改答题文件，打印得分和每题反馈")
    p.add_argument("quiz", help="quiz 命令生成的试卷 JSON")
    p.add_argument("answers", help='答题 JSON，如 {"q1": "B", "q2": ["A", "C"], "q3": "对", "q4": "2017年10月底前"}')
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_grade)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        # `policy-qa grade … | head`: the reader has gone, which is not an error to report.
        # Later writes (the final flush at exit) go to /dev/null instead of raising again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as other command-line tools end in a closed pipe
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

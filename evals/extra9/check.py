#!/usr/bin/env python3
"""Check evals/extra9/dataset.jsonl against the documents in evals/extra9/docs/.

Run from anywhere:  python3 evals/extra9/check.py
Exit status 0 when every check passes, 1 otherwise.

Adapted from evals/extra8/check.py. The shared checks are checklib.check_dev_set
(evals/checklib.py; they are listed in its docstring): field order, ids, types,
scopes, split, history shape, refusal rows, evidence strings that are verbatim
substrings of ONE line of the document, every key-fact group found in the
document, 3,000-20,000 characters per document, 30 rows per document, and the
ABSENT patterns of the unanswerable rows. This file adds the checks particular
to this set:

  * document file names are <place>-<year>-<topic-in-english-kebab>.txt;
  * within each document the rows come in the fixed order of ORDER (deadline x3,
    unit x3, figure x3, content x4, number x2, list x2, meta x2, followup x1,
    compound x3, noisy x1, unanswerable x6), numbered 001-030;
  * every row has scope "doc" (this set has no cross rows);
  * EVERY key-fact alternative (not only one per group) occurs in the document
    with spaces removed, except the deliberate numeral variants listed in
    VARIANTS, which must match after numeral normalisation (checklib.norm) or be
    a bare count; and every VARIANTS entry must still be needed;
  * no alternative is empty and no group repeats an alternative;
  * compound rows, and the two unanswerable rows per document listed in
    COMPOUND_REFUSALS, ask two questions (at least two question marks), and
    each document has exactly two such compound refusals.
"""
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")

ORDER = [("deadline", 3), ("unit", 3), ("figure", 3), ("content", 4), ("number", 2),
         ("list", 2), ("meta", 2), ("followup", 1), ("compound", 3), ("noisy", 1),
         ("unanswerable", 6)]
TYPES = {t for t, _ in ORDER}
SPLIT = "dev"
ROWS_PER_DOC = sum(n for _, n in ORDER)  # 30

NAME_RE = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)*")

QP = "qingpu-2024-public-fire-safety-implementation-plan"
PT = "putuo-2025-sponge-city-construction-implementation-plan"
SH = "shanghai-2023-market-regulation-gas-safety-rectification-plan"
PN = "pingtan-2016-rural-development-bureau-openness-task-plan"

# Deliberate numeral variants: key-fact alternatives that are not in the document
# as written (Chinese vs. Arabic numerals); each also has an alternative that is.
VARIANTS = {
    f"{QP}-noisy-024": ["第十一条"],  # the document numbers the item （十一）
}

# Unanswerable rows that ask two things: the first is answered by the document,
# the last (the main ask) is not.
COMPOUND_REFUSALS = {
    f"{QP}-unanswerable-029", f"{QP}-unanswerable-030",
    f"{PT}-unanswerable-029", f"{PT}-unanswerable-030",
    f"{SH}-unanswerable-029", f"{SH}-unanswerable-030",
    f"{PN}-unanswerable-029", f"{PN}-unanswerable-030",
}

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document ([^\n] keeps a pattern in one paragraph).
ABSENT = {
    # Qingpu public fire safety plan: no task has a date; no money, counts, phones or staffing.
    f"{QP}-unanswerable-025": ['西岑[^\\n]{0,40}(\\d{4}年|年底|月底|建成|投用|投入使用)', '\\d{4}年(?!12月23日)'],
    f"{QP}-unanswerable-026": ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '经费[^\\n]{0,15}\\d', '预算[^\\n]{0,10}\\d'],
    f"{QP}-unanswerable-027": ['挂牌督改[^\\n]{0,10}\\d', '\\d+\\s*(处|家|个|项)[^\\n]{0,4}火灾隐患'],
    f"{QP}-unanswerable-028": ['\\d{3,4}-\\d{7,8}', '\\d{5,}', '举报电话', '电话', '\\d+\\s*元'],
    f"{QP}-unanswerable-029": ['微型消防站[^\\n]{0,30}\\d+\\s*(人|名)', '\\d+\\s*名(队员|消防员)', '配备[^\\n]{0,10}\\d+\\s*(人|名)'],
    f"{QP}-unanswerable-030": ['\\d{4}年(?!12月23日)', '\\d{1,2}月(底|\\d{1,2}日)前', '年底前', '完成时限'],
    # Putuo sponge city plan: targets for 2025/2030 only; no budget, runoff figure, project dates, fines, subsidies.
    f"{PT}-unanswerable-025": ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '预算[^\\n]{0,10}\\d'],
    f"{PT}-unanswerable-026": ['控制率[^\\n]{0,10}\\d', '\\d+(\\.\\d+)?%(?!以上面积)'],
    f"{PT}-unanswerable-027": ['长风公园[^\\n]{0,40}(\\d{4}|年底|完工|建成|竣工)'],
    f"{PT}-unanswerable-028": ['罚款', '处以', '\\d+\\s*(万)?元'],
    f"{PT}-unanswerable-029": ['雨污混接[^\\n]{0,60}(\\d{4}年|年底|月底)', '普查[^\\n]{0,30}(\\d{4}年|年底)'],
    f"{PT}-unanswerable-030": ['补贴', '补助', '\\d+\\s*(万)?元'],
    # Shanghai market regulation gas plan: no fine amounts, counts, names, 2026 tasks, working-day limits, launch year.
    f"{SH}-unanswerable-025": ['罚款', '罚金', '\\d+(\\.\\d+)?\\s*(万|千)?元'],
    f"{SH}-unanswerable-026": ['\\d+\\s*家', '充装单位[^\\n]{0,10}\\d'],
    f"{SH}-unanswerable-027": ['专班[^\\n]{0,20}(组长|由[^\\n]{0,15}担任|负责人为)', '同志', '组长'],
    f"{SH}-unanswerable-028": ['2026'],
    f"{SH}-unanswerable-029": ['工作日', '\\d+\\s*日内', '\\d+\\s*天', '\\d+\\s*小时'],
    f"{SH}-unanswerable-030": ['上线', '平台[^\\n]{0,20}\\d{4}年'],
    # Pingtan rural development bureau openness plan: no names, phones, money, per-item dates, 2017, counts of experts, scores.
    f"{PN}-unanswerable-025": ['电话[：:]', '\\d{7,}', '联络人[：:为]', '同志'],
    f"{PN}-unanswerable-026": ['\\d+(\\.\\d+)?\\s*(万)?元', '评估[^\\n]{0,15}(费用|经费|\\d)', '预算[^\\n]{0,6}\\d'],
    f"{PN}-unanswerable-027": ['清单[^\\n]{0,60}\\d{1,2}月\\d{1,2}日', '清单[^\\n]{0,60}(月底|年底)', '\\d{1,2}月底'],
    f"{PN}-unanswerable-028": ['2017'],
    f"{PN}-unanswerable-029": ['专家[^\\n]{0,15}\\d+\\s*(名|人|位)', '\\d+\\s*名专家'],
    f"{PN}-unanswerable-030": ['评分', '分值', '\\d+\\s*分', '权重', '打分'],
}


def n_questions(q):
    """Question marks in a question (full- or half-width)."""
    return q.count("？") + q.count("?")


def extra_checks():
    """The checks particular to this set; returns the list of problems."""
    errors = []
    err = errors.append
    docs = checklib.load_docs(DOCS)
    for stem in docs:
        if not NAME_RE.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<topic-in-english-kebab>.txt")
    expected = [t for t, n in ORDER for _ in range(n)]
    by_doc = defaultdict(list)
    used_variants = defaultdict(set)
    seen = set()
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # reported by check_dev_set
            doc = row.get("doc")
            if doc not in docs:
                continue  # reported by check_dev_set
            by_doc[doc].append(row)
            rid = row.get("id", "?")
            seen.add(rid)
            if row.get("scope") != "doc":
                err(f"{rid}: scope must be doc")
            q = row.get("question") or ""
            if row.get("type") == "compound" or rid in COMPOUND_REFUSALS:
                if n_questions(q) < 2:
                    err(f"{rid}: a compound question must ask two things (two question marks)")
            checklib.check_listed_variants(rid, row.get("key_facts"), docs[doc], VARIANTS, used_variants, err)
        checklib.check_variants_used(VARIANTS, used_variants, err)
    for rid in COMPOUND_REFUSALS:
        if rid not in seen:
            err(f"COMPOUND_REFUSALS has unknown id {rid}")
        elif "-unanswerable-" not in rid:
            err(f"COMPOUND_REFUSALS entry {rid} is not an unanswerable row")
    for doc in docs:
        n = sum(1 for rid in COMPOUND_REFUSALS if rid.startswith(doc + "-"))
        if n != 2:
            err(f"{doc}: {n} compound refusals listed, expected 2")
    for doc, rows in by_doc.items():
        types = [r.get("type") for r in rows]
        if types != expected:
            err(f"{doc}: types not in the order {ORDER}")
        for n, r in enumerate(rows, 1):
            want = f"{doc}-{r.get('type')}-{n:03d}"
            if r.get("id") != want:
                err(f"{r.get('id')}: expected id {want} (NNN runs 001-030 within the document)")
    return errors


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)
    return checklib.finish(status, extra_checks())


if __name__ == "__main__":
    sys.exit(main())

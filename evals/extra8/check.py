#!/usr/bin/env python3
"""Check evals/extra8/dataset.jsonl against the documents in evals/extra8/docs/.

Run from anywhere:  python3 evals/extra8/check.py
Exit status 0 when every check passes, 1 otherwise.

Adapted from evals/extra5/check.py. The shared checks are checklib.check_dev_set
(evals/checklib.py; they are listed in its docstring): field order, ids, types,
scopes, split, history shape, refusal rows, evidence strings that are verbatim
substrings of ONE line of the document, every key-fact group found in the
document, 3,000-20,000 characters per document, 40 rows per document, and the
ABSENT patterns of the unanswerable rows. This file adds the checks particular
to this set:

  * document file names are <place>-<year>-<topic-in-english-kebab>.txt;
  * within each document the rows come in the fixed order of ORDER (deadline x6,
    unit x6, figure x5, content x5, number x3, list x3, meta x3, followup x2,
    noisy x2, cross x1, unanswerable x4), numbered 001-040;
  * EVERY key-fact alternative (not only one per group) occurs in the document
    with spaces removed, except the deliberate numeral variants listed in
    VARIANTS, which must match after numeral normalisation (checklib.norm) or be
    a bare count; and every VARIANTS entry must still be needed;
  * no alternative is empty and no group repeats an alternative.
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

ORDER = [("deadline", 6), ("unit", 6), ("figure", 5), ("content", 5), ("number", 3),
         ("list", 3), ("meta", 3), ("followup", 2), ("noisy", 2), ("cross", 1),
         ("unanswerable", 4)]
TYPES = {t for t, _ in ORDER}
SPLIT = "dev"
ROWS_PER_DOC = sum(n for _, n in ORDER)  # 40

NAME_RE = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)*")

# Deliberate numeral variants: key-fact alternatives that are not in the document
# as written (Chinese vs. Arabic numerals); each also has an alternative that is.
VARIANTS = {
    "pingtan-2022-education-duty-supervision-evaluation-work-plan-figure-013": ["6个方面"],
    "pingtan-2022-education-duty-supervision-evaluation-work-plan-figure-014": ["4个阶段"],
    "pingtan-2022-self-built-housing-safety-rectification-plan-figure-013": ["三层及以上"],
    "pingtan-2022-self-built-housing-safety-rectification-plan-figure-014": ["十天"],
    "pingtan-2022-self-built-housing-safety-rectification-plan-figure-015": ["三年左右"],
    "pingtan-2022-self-built-housing-safety-rectification-plan-figure-016": ["两层及以下石结构"],
    "pingtan-2022-self-built-housing-safety-rectification-plan-figure-017": ["十六"],
    "pingtan-2022-integrated-circuit-industry-support-measures-rules-deadline-001": ["五个工作日"],
    "pingtan-2023-elderly-and-childcare-overall-solution-meta-029": ["第二十七次委员会议"],
    "pingtan-2023-elderly-and-childcare-overall-solution-noisy-034": ["两个"],
    "pingtan-2023-elderly-and-childcare-overall-solution-noisy-035": ["1次"],
}

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document ([^\n] keeps a pattern in one paragraph).
ABSENT = {
    'pingtan-2022-education-duty-supervision-evaluation-work-plan-unanswerable-037': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '迎评[^\\n]{0,10}经费', '专项经费'],
    'pingtan-2022-education-duty-supervision-evaluation-work-plan-unanswerable-038': ['控辍保学[^\\n]{0,40}(责任单位|牵头)', '附件2[^\\n]{0,10}(序号|责任单位[:：])', '任务分解表[^\\n]{0,5}序号'],
    'pingtan-2022-education-duty-supervision-evaluation-work-plan-unanswerable-039': ['\\d+(\\.\\d+)?\\s*分', '等次', '等级为', '评估结果', '优秀'],
    'pingtan-2022-education-duty-supervision-evaluation-work-plan-unanswerable-040': ['扣[^\\n]{0,4}分', '绩效', '\\d+\\s*分'],
    'pingtan-2022-self-built-housing-safety-rectification-plan-unanswerable-037': ['\\d{3,4}-\\d{7,8}', '举报电话[：:]\\s*\\d', '\\d{7,}', '12345'],
    'pingtan-2022-self-built-housing-safety-rectification-plan-unanswerable-038': ['\\d+(\\.\\d+)?\\s*(万|千|百)?元', '奖励标准', '奖励金额'],
    'pingtan-2022-self-built-housing-safety-rectification-plan-unanswerable-039': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '预算', '经费[^\\n]{0,10}\\d'],
    'pingtan-2022-self-built-housing-safety-rectification-plan-unanswerable-040': ['\\d+\\s*(栋|幢|户|处|间)', '[两二三四五六七八九十百千]+(栋|幢)'],
    'pingtan-2022-integrated-circuit-industry-support-measures-rules-unanswerable-037': ['申报时间', '申报截止', '每年\\d{1,2}月', '\\d{1,2}月\\d{1,2}日前', '\\d{1,2}月\\s*底前', '\\d{1,2}月份'],
    'pingtan-2022-integrated-circuit-industry-support-measures-rules-unanswerable-038': ['电话', '地址', '\\d{3,4}-\\d{7,8}', '号楼', '楼\\d'],
    'pingtan-2022-integrated-circuit-industry-support-measures-rules-unanswerable-039': ['所得税[^\\n]{0,10}(减|免|优惠)', '税率', '减按'],
    'pingtan-2022-integrated-circuit-industry-support-measures-rules-unanswerable-040': ['专项资金', '资金总额', '共安排', '安排[^\\n]{0,6}\\d+\\s*(万|亿)'],
    'pingtan-2023-elderly-and-childcare-overall-solution-unanswerable-037': ['托位[^\\n]{0,15}\\d+(\\.\\d+)?\\s*(万)?元', '床位[^\\n]{0,15}\\d+(\\.\\d+)?\\s*(万)?元', '建设补贴[^\\n]{0,10}\\d', '元/(个|张)'],
    'pingtan-2023-elderly-and-childcare-overall-solution-unanswerable-038': ['高龄津贴[^\\n]{0,20}\\d', '\\d+\\s*元/月', '每月\\d+', '\\d+\\s*元'],
    'pingtan-2023-elderly-and-childcare-overall-solution-unanswerable-039': ['组长[:：]', '组\\s*长[:：]', '任组长', '为组长'],
    'pingtan-2023-elderly-and-childcare-overall-solution-unanswerable-040': ['2030'],
}


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
            checklib.check_listed_variants(rid, row.get("key_facts"), docs[doc], VARIANTS, used_variants, err)
        checklib.check_variants_used(VARIANTS, used_variants, err)
    for doc, rows in by_doc.items():
        types = [r.get("type") for r in rows]
        if types != expected:
            err(f"{doc}: types not in the order {ORDER}")
        for n, r in enumerate(rows, 1):
            want = f"{doc}-{r.get('type')}-{n:03d}"
            if r.get("id") != want:
                err(f"{r.get('id')}: expected id {want} (NNN runs 001-040 within the document)")
    return errors


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)
    return checklib.finish(status, extra_checks())


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check evals/extra10/dataset.jsonl against the documents in evals/extra10/docs/.

Run from anywhere:  python3 evals/extra10/check.py
Exit status 0 when every check passes, 1 otherwise.

Adapted from evals/extra9/check.py. The shared checks are checklib.check_dev_set
(evals/checklib.py; they are listed in its docstring): field order, ids, types,
scopes, split, history shape, refusal rows, evidence strings that are verbatim
substrings of ONE line of the document, every key-fact group found in the
document, 3,000-20,000 characters per document, 30 rows per document, and the
ABSENT patterns of the unanswerable rows. This file adds the checks particular
to this set, which targets the weakest question kinds (by_date, unit_tasks,
list, no_deadline, near-miss refusals):

  * document file names are <place>-<year>-<topic-in-english-kebab>.txt;
  * every document has exactly the type counts of COUNTS (30 rows), and its ids
    are <doc>-<type>-NNN with NNN running 001-030 in file order;
  * every row has scope "doc" and split "dev";
  * EVERY key-fact alternative (not only one per group) occurs in the document
    with spaces removed, except the deliberate numeral variants listed in
    VARIANTS, which must match after numeral normalisation or be a bare count;
    and every VARIANTS entry must still be needed;
  * no alternative is empty, repeated within its group, or longer than 12
    characters (key facts are short distinctive strings);
  * list-like rows (by_date, unit_tasks, list) have 1-4 key-fact groups;
  * every unanswerable row is immediately followed, in the file, by its
    answerable look-alike on the same topic (PAIRS: look-alike id -> refusal id);
  * no_deadline rows: the document lines holding their evidence carry no date
    expression (year, month deadline, quarter, "起"), i.e. the task really has
    no time limit in the text.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")

COUNTS = {"by_date": 4, "unit_tasks": 4, "list": 3, "no_deadline": 2, "deadline": 2,
          "unit": 2, "figure": 2, "content": 2, "number": 1, "meta": 1, "followup": 2,
          "noisy": 1, "unanswerable": 4}
TYPES = set(COUNTS)
SPLIT = "dev"
ROWS_PER_DOC = sum(COUNTS.values())  # 30
LIST_LIKE = {"by_date", "unit_tasks", "list"}
MAX_ALT_CHARS = 12

NAME_RE = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)*")
DATE_RE = re.compile(r"\d{4}年|\d{1,2}月(底|\d{1,2}日)?前|季度|年底|月底|自\d{4}年起|\d{1,2}日前")

SOIL = "pingtan-2016-soil-pollution-prevention-work-plan"
TOIL = "pingtan-2018-toilet-revolution-implementation-plan"
ELDER = "pingtan-2016-community-home-elderly-care-implementation-plan"
CLEAN = "pingtan-2016-illegal-environmental-projects-cleanup-action-plan"

# Deliberate numeral variants: key-fact alternatives that are not in the document as
# written (counts read off a numbered list or table, Chinese vs. Arabic numerals); each
# group also has an alternative that is in the document.
VARIANTS = {
    f"{SOIL}-list-009": ["十个", "10个", "十项", "10项", "十大", "10大"],  # parts （一）…（十）
    f"{SOIL}-deadline-016": ["每三年"],                                # 每3年
    f"{TOIL}-list-009": ["7个", "七个", "7项", "七项"],                 # attachments 1.–7.
    f"{TOIL}-list-011": ["9项", "九项", "9个", "九个"],                 # indicator rows 1–9
    f"{ELDER}-by_date-001": ["一家"],                                  # 1家
    f"{ELDER}-list-009": ["6条", "六条", "6项", "六项"],                # tasks （一）…（六）
    f"{ELDER}-figure-022": ["两万元"],                                 # 2万元
    f"{CLEAN}-list-010": ["32个", "32项"],                             # rows 1–32 of 附件2
    f"{CLEAN}-figure-021": ["十五个工作日"],                           # 15个工作日
}

# Each refusal is immediately followed by an answerable look-alike on the same topic.
PAIRS = {
    f"{SOIL}-deadline-015": f"{SOIL}-unanswerable-014",
    f"{SOIL}-unit-018": f"{SOIL}-unanswerable-017",
    f"{SOIL}-figure-021": f"{SOIL}-unanswerable-020",
    f"{SOIL}-content-024": f"{SOIL}-unanswerable-023",
    f"{TOIL}-deadline-015": f"{TOIL}-unanswerable-014",
    f"{TOIL}-unit-018": f"{TOIL}-unanswerable-017",
    f"{TOIL}-figure-021": f"{TOIL}-unanswerable-020",
    f"{TOIL}-content-024": f"{TOIL}-unanswerable-023",
    f"{ELDER}-deadline-015": f"{ELDER}-unanswerable-014",
    f"{ELDER}-unit-018": f"{ELDER}-unanswerable-017",
    f"{ELDER}-figure-021": f"{ELDER}-unanswerable-020",
    f"{ELDER}-content-024": f"{ELDER}-unanswerable-023",
    f"{CLEAN}-deadline-015": f"{CLEAN}-unanswerable-014",
    f"{CLEAN}-unit-018": f"{CLEAN}-unanswerable-017",
    f"{CLEAN}-unit-020": f"{CLEAN}-unanswerable-019",
    f"{CLEAN}-content-024": f"{CLEAN}-unanswerable-023",
}

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document ([^\n] keeps a pattern in one line).
ABSENT = {
    # Soil plan: the crushed-stone quarries have no date, the joint meeting no convener,
    # fertiliser use is "零增长" with no reduction rate, the report reward has no amount.
    f"{SOIL}-unanswerable-014": ['碎石场[^\\n]{0,30}(\\d{4}年|年底|月底|完成)',
                                 '(华龙|立新|红湖)[^\\n]{0,40}(\\d{4}年|底前)'],
    f"{SOIL}-unanswerable-017": ['召集人', '同志', '联席会议[^\\n]{0,30}(主任|组长|召集)'],
    f"{SOIL}-unanswerable-020": ['减少[^\\n]{0,10}\\d+(\\.\\d+)?%', '下降[^\\n]{0,10}\\d', '削减'],
    f"{SOIL}-unanswerable-023": ['\\d+(\\.\\d+)?\\s*(万|千)?元', '奖金', '奖励标准'],
    # Toilet plan: the 精细化管理办法 has no date, the joint meeting no convener,
    # the district fund no total, cleaners no wage.
    f"{TOIL}-unanswerable-014": ['精细化管理办法[^\\n]{0,40}(\\d{1,2}月|季度|年底|\\d{4}年)',
                                 '(月底前|季度前)[^\\n]{0,60}精细化'],
    f"{TOIL}-unanswerable-017": ['召集人', '同志', '联席会议[^\\n]{0,30}(主任|组长)'],
    f"{TOIL}-unanswerable-020": ['专项资金[^\\n]{0,20}\\d', '\\d+(\\.\\d+)?\\s*亿', '总额'],
    f"{TOIL}-unanswerable-023": ['工资', '元/月', '每月[^\\n]{0,10}\\d+\\s*元', '保洁[^\\n]{0,30}\\d+\\s*元'],
    # Elderly care plan: no start date of the welfare centre, no office of the joint
    # meeting, no amount of the care subsidy, no hotline number.
    f"{ELDER}-unanswerable-014": ['开工', '动工', '社会福利中心[^\\n]{0,40}\\d{1,2}月'],
    f"{ELDER}-unanswerable-017": ['办公室设在', '联席会议办公室'],
    f"{ELDER}-unanswerable-020": ['护理补贴[^\\n]{0,40}\\d+\\s*元', '补贴标准为', '护理补贴[^\\n]{0,40}每人每月'],
    f"{ELDER}-unanswerable-023": ['\\d{5,}', '热线', '电话'],
    # Clean-up plan: no payment date or amount of the compensation, no leader of the
    # 效能办 inspection, no number of the report hotline (only two contact persons' phones).
    f"{CLEAN}-unanswerable-014": ['补偿[^\\n]{0,30}(发放|拨付|兑付|到位)', '补偿款', '补偿资金'],
    f"{CLEAN}-unanswerable-017": ['\\d+(\\.\\d+)?\\s*(万|千)?元', '补偿标准为', '每家补偿'],
    f"{CLEAN}-unanswerable-019": ['效能办[^\\n]{0,30}(同志|主任|组长|带队|局长)'],
    f"{CLEAN}-unanswerable-023": ['举报[^\\n]{0,20}电话[：:]\\s*\\d', '12369', '12345', '举报电话为'],
}


def extra_checks():
    """The checks particular to this set; returns the list of problems."""
    errors = []
    err = errors.append
    docs = checklib.load_docs(DOCS)
    for stem in docs:
        if not NAME_RE.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<topic-in-english-kebab>.txt")
    by_doc = defaultdict(list)
    order = []
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
            rid = row.get("id", "?")
            by_doc[doc].append(row)
            order.append(row)
            if row.get("scope") != "doc":
                err(f"{rid}: scope must be doc")
            if row.get("split") != SPLIT:
                err(f"{rid}: split must be {SPLIT}")
            groups = row.get("key_facts") or []
            checklib.check_listed_variants(rid, groups, docs[doc], VARIANTS, used_variants, err)
            for g in groups:
                for alt in g if isinstance(g, list) else []:
                    if isinstance(alt, str) and len(checklib.nospace(alt)) > MAX_ALT_CHARS:
                        err(f"{rid}: key-fact alternative {alt!r} longer than {MAX_ALT_CHARS} characters")
            if row.get("type") in LIST_LIKE and not 1 <= len(groups) <= 4:
                err(f"{rid}: list-like row with {len(groups)} key-fact groups, expected 1-4")
            if row.get("type") == "no_deadline":
                lines = docs[doc].split("\n")
                for e in row.get("evidence") or []:
                    for l in lines:
                        if e and e in l:
                            m = DATE_RE.search(l)
                            if m:
                                err(f"{rid}: no_deadline evidence line has a date expression {m.group(0)!r}")
    checklib.check_variants_used(VARIANTS, used_variants, err)

    for doc in docs:
        rows = by_doc.get(doc, [])
        counts = Counter(r.get("type") for r in rows)
        if dict(counts) != COUNTS:
            err(f"{doc}: type counts {dict(counts)}, expected {COUNTS}")
        for n, r in enumerate(rows, 1):
            want = f"{doc}-{r.get('type')}-{n:03d}"
            if r.get("id") != want:
                err(f"{r.get('id')}: expected id {want} (NNN runs 001-030 in file order)")

    ids = [r.get("id") for r in order]
    refusal_ids = {r.get("id") for r in order if r.get("refuse") is True}
    for rid, partner in PAIRS.items():
        if partner not in refusal_ids:
            err(f"PAIRS: {partner} is not an unanswerable row of the dataset")
            continue
        i = ids.index(partner)
        nxt = order[i + 1] if i + 1 < len(order) else None
        if nxt is None or nxt.get("id") != rid:
            err(f"{partner}: not immediately followed by its look-alike {rid}")
        elif nxt.get("refuse") or nxt.get("doc") != order[i].get("doc"):
            err(f"{rid}: look-alike must be an answerable row of the same document")
    paired = Counter(PAIRS.values())
    for rid in refusal_ids:
        if paired[rid] != 1:
            err(f"{rid}: has {paired[rid]} look-alike rows in PAIRS, expected 1")
    return errors


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)
    return checklib.finish(status, extra_checks())


if __name__ == "__main__":
    sys.exit(main())

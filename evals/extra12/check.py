"""Checker of evals/extra12 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra12/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(); the exit status is 0 when everything passes.
"""
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import checklib  # noqa: E402

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")
SPLIT = "dev"
ROWS_PER_DOC = 30

P = "pingtan-2015-county-public-hospital-reform-implementation-plan"
F = "fengxian-2021-park-city-construction-implementation-opinions"
G = "guangzhou-2021-temporary-assistance-implementing-rules"
N = "national-2020-hospital-pharmacy-rational-drug-use-opinions"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The national opinions have no dated task, so their
# by_date slot is a content row and two figure slots are content rows; the Guangzhou
# rules have no dated task either, so their by_date slot is a figure row.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    P: dict(BASE),
    F: dict(BASE),
    G: dict(BASE, by_date=0, figure=4),
    N: dict(BASE, by_date=0, figure=1, content=6),
}

# Near misses (a detail left out on a topic the document covers), another place, off topic.
KIND = {
    f"{P}-unanswerable-004": "near_miss",
    f"{P}-unanswerable-008": "near_miss",
    f"{P}-unanswerable-029": "other_place",
    f"{P}-unanswerable-030": "off_topic",
    f"{F}-unanswerable-004": "near_miss",
    f"{F}-unanswerable-008": "near_miss",
    f"{F}-unanswerable-029": "other_place",
    f"{F}-unanswerable-030": "off_topic",
    f"{G}-unanswerable-004": "near_miss",
    f"{G}-unanswerable-008": "near_miss",
    f"{G}-unanswerable-029": "other_place",
    f"{G}-unanswerable-030": "off_topic",
    f"{N}-unanswerable-004": "near_miss",
    f"{N}-unanswerable-008": "near_miss",
    f"{N}-unanswerable-029": "other_place",
    f"{N}-unanswerable-030": "off_topic",
}

# Each near miss is immediately followed by an answerable look-alike on the same topic.
PAIRS = {
    f"{P}-deadline-005": f"{P}-unanswerable-004",
    f"{P}-unit-009": f"{P}-unanswerable-008",
    f"{F}-deadline-005": f"{F}-unanswerable-004",
    f"{F}-unit-009": f"{F}-unanswerable-008",
    f"{G}-deadline-005": f"{G}-unanswerable-004",
    f"{G}-unit-009": f"{G}-unanswerable-008",
    f"{N}-deadline-005": f"{N}-unanswerable-004",
    f"{N}-unit-009": f"{N}-unanswerable-008",
}

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # the exact day of the evaluation stage and the day the report is due (only 2016年3月)
    f"{P}-unanswerable-004": [r"2016年3月\d+日", r"2016年3月[一二三四五六七八九十]+日",
                              r"评估报告[^。]{0,15}(之前|以前|前)(提交|报送)"],
    # the name of the leading group's head (only 区管委会主要领导)
    f"{P}-unanswerable-008": [r"组长[：:]", r"同志", r"组长由[^。]{0,8}(主任|书记)"],
    f"{P}-unanswerable-029": [r"福州"],
    f"{P}-unanswerable-030": [r"公务员", r"报名"],
    # start and finish dates of the S4 afforestation project (only a tick under a year)
    f"{F}-unanswerable-004": [r"开工", r"竣工", r"完工", r"S4沪金高速[^\n]{0,60}月\d+日"],
    # a contact person and phone number
    f"{F}-unanswerable-008": [r"联系人", r"电话", r"\d{3,4}-\d{7,8}", r"\d{8}"],
    f"{F}-unanswerable-029": [r"嘉定"],
    f"{F}-unanswerable-030": [r"个人所得税", r"汇算", r"APP"],
    # a working-day limit for the 支出型 procedure (only a reference to the provincial rules)
    f"{G}-unanswerable-004": [r"支出型[^。]{0,60}\d+个工作日",
                              r"支出型[^。]{0,60}[一二三四五六七八九十]+个工作日"],
    # the application form and where to download it
    f"{G}-unanswerable-008": [r"申请表", r"下载"],
    f"{G}-unanswerable-029": [r"深圳"],
    f"{G}-unanswerable-030": [r"地铁", r"乘车"],
    # the sampling ratio (only 按一定比例)
    f"{N}-unanswerable-004": [r"\d+(\.\d+)?%", r"百分之", r"比例为"],
    # the title and date of the separate document on Chinese-medicine pharmacy
    f"{N}-unanswerable-008": [r"中药[^。]{0,40}《[^》]+》", r"中药[^。]{0,40}20\d\d年"],
    f"{N}-unanswerable-029": [r"浙江"],
    f"{N}-unanswerable-030": [r"食堂", r"餐补"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{P}-list-017": ["九项", "9项"],
    f"{F}-list-016": ["8个", "八个"],
    f"{F}-list-017": ["21个"],
    f"{G}-figure-012": ["三个月"],
    f"{G}-figure-013": ["两人"],
    f"{G}-list-017": ["4条"],
    f"{G}-followup-026": ["六个月"],
    f"{G}-noisy-028": ["一个月"],
    f"{N}-figure-010": ["2级以上"],
    f"{N}-list-017": ["六个", "6个", "二十条", "20条"],
}

MAX_GROUPS = {"list": 4, "by_date": 4, "unit_tasks": 4}
MAX_COPY = 30          # no question repeats more than this many characters of its document
ALT_LEN = (2, 12)      # key-fact alternatives are 2-12 characters (a 文号 may be longer)
DOC_NO = re.compile(r".+〔(19|20)\d\d〕\d+号")
NAME = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)+")


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)

    errors = []
    err = errors.append
    docs = checklib.load_docs(DOCS)
    rows = [r for _, r in checklib.read_rows(DATA, err)]

    # documents: names, and the four expected ones
    for stem in docs:
        if not NAME.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<english-topic-slug>")
    if set(docs) != set(COUNTS):
        err(f"docs/ holds {sorted(docs)}, expected {sorted(COUNTS)}")

    per_type = defaultdict(Counter)
    numbers = defaultdict(list)
    position = {}
    used = {}
    most_copied = ("", "")
    for i, r in enumerate(rows):
        rid, doc, typ = r.get("id"), r.get("doc"), r.get("type")
        if doc not in docs:
            continue
        text = docs[doc]
        position[rid] = i
        per_type[doc][typ] += 1
        n = checklib.id_number(rid, doc, typ)
        if n is not None:
            numbers[doc].append(n)
        if r.get("scope") != "doc":
            err(f"{rid}: scope must be doc")
        if r.get("split") != SPLIT:
            err(f"{rid}: split must be {SPLIT}")
        copy = checklib.longest_copy(r.get("question", ""), text)
        if len(copy) > len(most_copied[1]):
            most_copied = (rid, copy)
        if len(copy) > MAX_COPY:
            err(f"{rid}: question copies {len(copy)} characters of its document: {copy!r}")
        if r.get("refuse"):
            if KIND.get(rid) not in {"near_miss", "other_place", "off_topic"}:
                err(f"{rid}: refusal row without a KIND")
            continue
        groups = r.get("key_facts") or []
        checklib.check_listed_variants(rid, groups, text, VARIANTS, used, err)
        for g in groups:
            for alt in g if isinstance(g, list) else []:
                if (isinstance(alt, str) and not ALT_LEN[0] <= len(alt) <= ALT_LEN[1]
                        and not DOC_NO.fullmatch(alt)):
                    err(f"{rid}: key-fact alternative {alt!r} is not {ALT_LEN[0]}-{ALT_LEN[1]} characters")
        if typ in MAX_GROUPS and len(groups) > MAX_GROUPS[typ]:
            err(f"{rid}: {len(groups)} key-fact groups, at most {MAX_GROUPS[typ]} on {typ} rows")
        # every key-fact group is proved by the evidence or, failing that, by the document
        ev = checklib.nospace("".join(r.get("evidence") or []))
        for g in groups:
            if isinstance(g, list) and not any(checklib.nospace(a) in ev for a in g):
                if not any(checklib.nospace(a) in checklib.nospace(text) for a in g):
                    if not all(checklib.is_numeral_or_bracket_variant(a, checklib.nospace(text)) for a in g):
                        err(f"{rid}: key-fact group {g!r} found neither in the evidence nor in the document")
    checklib.check_variants_used(VARIANTS, used, err)

    # counts per type and the id numbers 001-030 in file order
    for doc, want in COUNTS.items():
        got = {t: per_type[doc][t] for t in set(want) | set(per_type[doc])}
        for t in sorted(got):
            if got[t] != want.get(t, 0):
                err(f"{doc}: {got[t]} {t} rows, expected {want.get(t, 0)}")
        if numbers[doc] != list(range(1, ROWS_PER_DOC + 1)):
            err(f"{doc}: ids do not run 001-{ROWS_PER_DOC:03d} in file order")

    # refusals: two near misses, one other place, one off topic per document
    for doc in docs:
        kinds = Counter(k for rid, k in KIND.items() if rid.startswith(doc + "-"))
        if kinds != Counter({"near_miss": 2, "other_place": 1, "off_topic": 1}):
            err(f"{doc}: refusal kinds {dict(kinds)}, expected 2 near_miss, 1 other_place, 1 off_topic")
    by_id = {r.get("id"): r for r in rows}
    for rid in KIND:
        if rid not in by_id or not by_id[rid].get("refuse"):
            err(f"KIND lists {rid}, not a refusal row")
    paired = Counter(PAIRS.values())
    for rid, partner in PAIRS.items():
        r = by_id.get(rid)
        if r is None or r.get("refuse"):
            err(f"PAIRS lists {rid}, not an answerable row")
        elif KIND.get(partner) != "near_miss":
            err(f"{rid}: paired with {partner}, not a near miss")
        elif r["doc"] != by_id[partner]["doc"] or position[rid] != position[partner] + 1:
            err(f"{rid}: not the row right after its near miss {partner}")
    for rid, k in KIND.items():
        if k == "near_miss" and paired[rid] != 1:
            err(f"{rid}: {paired[rid]} look-alike rows, expected 1")

    # summary
    print("\nrefusal rows per kind:", dict(sorted(Counter(KIND.values()).items())))
    print("rows per type:", dict(sorted(Counter(r.get("type") for r in rows).items())))
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return checklib.finish(status, errors)


if __name__ == "__main__":
    sys.exit(main())

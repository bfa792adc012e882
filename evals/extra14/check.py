"""Checker of evals/extra14 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra14/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(); it prints a table of rows per type and
document and ends with checklib's report; the exit status is 0 when everything passes.
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

B = "beijing-2024-government-affairs-openness-work-points"
S = "suqian-2026-opc-innovation-policy-measures"
N = "national-2025-data-discipline-digital-talent-opinions"
X = "xinyu-2012-green-building-management-measures"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The national opinions set no dates or time limits, so
# two of their deadline slots are no_deadline rows (the text says 逐步, 适时 instead of a
# date), and the by_date slot, the near miss's look-alike and two figure slots are
# content rows.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    B: dict(BASE),
    S: dict(BASE),
    N: dict(BASE, deadline=1, no_deadline=2, figure=1, content=7, by_date=0),
    X: dict(BASE),
}

# Near misses (a detail left out on a topic the document covers), another place or
# year, off topic.
KIND = {}
for _doc in COUNTS:
    KIND[f"{_doc}-unanswerable-004"] = "near_miss"
    KIND[f"{_doc}-unanswerable-008"] = "near_miss"
    KIND[f"{_doc}-unanswerable-029"] = "other_place_or_year"
    KIND[f"{_doc}-unanswerable-030"] = "off_topic"

# Each near miss is immediately followed by an answerable look-alike on the same topic.
PAIRS = {}
for _doc in COUNTS:
    PAIRS[f"{_doc}-{'content' if _doc == N else 'deadline'}-005"] = f"{_doc}-unanswerable-004"
    PAIRS[f"{_doc}-unit-009"] = f"{_doc}-unanswerable-008"

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # how many 政策公开讲 sessions a year (only 常态化开展)
    f"{B}-unanswerable-004": [r"政策公开讲[^。\n]{0,40}\d+场", r"每年[^。\n]{0,10}场", r"至少[^。\n]{0,6}场",
                              r"[一二三四五六七八九十\d]+场"],
    # a third-party evaluator of the year's open-government work (only 加大评估通报力度)
    f"{B}-unanswerable-008": [r"第三方评估", r"评估机构", r"委托[^。\n]{0,10}评估"],
    f"{B}-unanswerable-029": [r"天津市"],
    f"{B}-unanswerable-030": [r"摇号", r"中签"],
    # when the 数据券 is applied for and the closing date (none)
    f"{S}-unanswerable-004": [r"申报时间", r"申报截止", r"受理时间", r"每年\d+月", r"截止[^。\n]{0,6}\d+月",
                              r"申报"],
    # the fund manager of 三台山人才基金 (none)
    f"{S}-unanswerable-008": [r"基金管理人", r"管理机构", r"三台山人才基金[^。\n]{0,10}(由|管理)"],
    f"{S}-unanswerable-029": [r"苏州市"],
    f"{S}-unanswerable-030": [r"高铁", r"票价"],
    # the year the job-skills standard is issued and the drafting committee (only 研究制定)
    f"{N}-unanswerable-004": [r"国家标准[^。\n]{0,20}(\d{4}年|发布|年底)", r"标准化技术委员会", r"标委会"],
    # the named universities of the 产教融合创新平台 (only 优势高校)
    f"{N}-unanswerable-008": [r"大学(?!生)", r"名单"],
    f"{N}-unanswerable-029": [r"上海", r"补贴"],
    f"{N}-unanswerable-030": [r"国家线", r"考研", r"研究生考试"],
    # a time limit for the design-evaluation certificate (none)
    f"{X}-unanswerable-004": [r"工作日", r"\d+日内", r"[一二三四五六七八九十]+日内", r"时限"],
    # a third-party evaluation body (only 省/国家建设行政主管部门 评审)
    f"{X}-unanswerable-008": [r"第三方", r"评价机构", r"评价中心"],
    f"{X}-unanswerable-029": [r"南昌"],
    f"{X}-unanswerable-030": [r"公积金", r"贷款"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{N}-figure-010": ["十二条", "12条"],
    f"{X}-figure-012": ["29条"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{B}-noisy-027": "typo_keywords",
    f"{B}-noisy-028": "long_chatty",
    f"{S}-noisy-027": "keywords",
    f"{S}-noisy-028": "traditional",
    f"{N}-noisy-027": "long_chatty",
    f"{N}-noisy-028": "keywords",
    f"{X}-noisy-027": "typo_keywords",
    f"{X}-noisy-028": "long_chatty",
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
        if typ == "noisy" and rid not in NOISY_STYLE:
            err(f"{rid}: noisy row without a NOISY_STYLE")
        if r.get("refuse"):
            if KIND.get(rid) not in {"near_miss", "other_place_or_year", "off_topic"}:
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
        # evidence strings are not repeated within a row
        ev_list = r.get("evidence") or []
        if len(set(ev_list)) != len(ev_list):
            err(f"{rid}: evidence repeats a string")
    checklib.check_variants_used(VARIANTS, used, err)

    # counts per type and the id numbers 001-030 in file order
    for doc, want in COUNTS.items():
        got = {t: per_type[doc][t] for t in set(want) | set(per_type[doc])}
        for t in sorted(got):
            if got[t] != want.get(t, 0):
                err(f"{doc}: {got[t]} {t} rows, expected {want.get(t, 0)}")
        if numbers[doc] != list(range(1, ROWS_PER_DOC + 1)):
            err(f"{doc}: ids do not run 001-{ROWS_PER_DOC:03d} in file order")

    # refusals: two near misses, one other place or year, one off topic per document
    for doc in docs:
        kinds = Counter(k for rid, k in KIND.items() if rid.startswith(doc + "-"))
        if kinds != Counter({"near_miss": 2, "other_place_or_year": 1, "off_topic": 1}):
            err(f"{doc}: refusal kinds {dict(kinds)}, expected 2 near_miss, 1 other_place_or_year, 1 off_topic")
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

    # noisy styles: each used at least twice; the listed ids exist
    for rid in NOISY_STYLE:
        if rid not in by_id or by_id[rid].get("type") != "noisy":
            err(f"NOISY_STYLE lists {rid}, not a noisy row")
    styles = Counter(NOISY_STYLE.values())
    for style in ("typo_keywords", "keywords", "long_chatty"):
        if styles[style] < 2:
            err(f"noisy style {style}: {styles[style]} rows, expected at least 2")

    # summary: rows per type (one line a type, one column a document)
    print("\nrows per type (set-specific view)")
    cols = list(COUNTS)
    short = {d: d.split("-")[0][:9] + "-" + d.split("-")[1] for d in cols}
    print("type".ljust(14) + "".join(short[d].ljust(16) for d in cols) + "total")
    all_types = sorted({t for d in cols for t in per_type[d]})
    for t in all_types:
        print(t.ljust(14) + "".join(str(per_type[d][t]).ljust(16) for d in cols)
              + str(sum(per_type[d][t] for d in cols)))
    print("rows".ljust(14) + "".join(str(sum(per_type[d].values())).ljust(16) for d in cols)
          + str(sum(sum(per_type[d].values()) for d in cols)))
    print("\nrefusal rows per kind:", dict(sorted(Counter(KIND.values()).items())))
    print("noisy rows per style:", dict(sorted(styles.items())))
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return checklib.finish(status, errors)


if __name__ == "__main__":
    sys.exit(main())

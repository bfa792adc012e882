"""Checker of evals/extra19 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    python3 evals/extra19/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(): file names, rows per type and document, ids in
file order, the scope-all rows (three per document, each naming its document), listed
numeral variants, key-fact lengths and group counts, refusal kinds (two near misses and
one other place or year per document), noisy styles and the longest run a question copies
from its document. It prints a table of rows per type and document and ends with
checklib's report; the exit status is 0 when everything passes.
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

B = "beijing-2024-data-elements-x-implementation-plan"
Z = "zhejiang-2025-ai-plus-science-action-plan"
G = "guangdong-2024-ai-empowering-all-industries-measures"
S = "suzhou-2025-ai-plus-city-action-plan"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# The same mix for every document (30 rows): deadlines 4, units 4, figures 2, content 4,
# by number 2, lists and counts 2, a unit's tasks 2, due by a date 2, no deadline 1,
# header fields 1, two-turn follow-ups 2, noisy 1, refusals 3.
MIX = {"deadline": 4, "unit": 4, "figure": 2, "content": 4, "number": 2, "list": 2,
       "unit_tasks": 2, "by_date": 2, "no_deadline": 1, "meta": 1, "followup": 2,
       "noisy": 1, "unanswerable": 3}
COUNTS = {d: dict(MIX) for d in (B, Z, G, S)}

# Rows asked over all four documents (scope "all"): three per document, and each
# question names its document by one of these words.
SCOPE_ALL_PER_DOC = 3
DOC_NAMES = {B: ["北京"], Z: ["浙江"], G: ["广东"], S: ["苏州"]}

# Refusal kinds: two near misses (a detail the document leaves out on a topic it covers)
# and one question about another place or year, per document.
KIND = {}
for _doc in COUNTS:
    KIND[f"{_doc}-unanswerable-028"] = "near_miss"
    KIND[f"{_doc}-unanswerable-029"] = "near_miss"
    KIND[f"{_doc}-unanswerable-030"] = "other_place_or_year"
EXPECTED_KINDS = Counter({"near_miss": 2, "other_place_or_year": 1})

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # an amount of money per data merchant (only 完善培育数据商支持政策)
    f"{B}-unanswerable-028": [r"\d+万元", r"\d+元", r"补贴标准", r"每家"],
    # a year or date by which the 数据安全治理试点 must be done (none given)
    f"{B}-unanswerable-029": [r"试点.{0,30}\d{4}年", r"\d{1,2}月底", r"年底前", r"完成时限"],
    f"{B}-unanswerable-030": [r"天津"],
    # an amount of computing subsidy for data sharers (only 给予算力服务等支持)
    f"{Z}-unanswerable-028": [r"\d+万元", r"\d+元", r"补贴"],
    # a year for the 省级科研智算云平台 (only 谋划建设)
    f"{Z}-unanswerable-029": [r"云平台.{0,40}20\d\d", r"20\d\d年.{0,20}云平台", r"(底|前)完成", r"建成投用"],
    f"{Z}-unanswerable-030": [r"江苏"],
    # a subsidy rate for computing vouchers (the measures never mention 算力券)
    f"{G}-unanswerable-028": [r"算力券", r"补贴比例", r"\d+%.{0,10}补贴"],
    # a lead department for measure 22 (the measures name no unit per measure)
    f"{G}-unanswerable-029": [r"责任单位", r"牵头单位", r"交通运输厅", r"牵头"],
    f"{G}-unanswerable-030": [r"2020年"],
    # a lead bureau for Zhangjiagang's industries (the plan names no unit per task)
    f"{S}-unanswerable-028": [r"牵头单位", r"责任单位", r"张家港市.{0,20}局"],
    # the value or rate of a computing voucher (only 优化“算力券”政策)
    f"{S}-unanswerable-029": [r"算力券.{0,10}\d", r"\d+万元", r"券.{0,5}(面值|补贴)"],
    f"{S}-unanswerable-030": [r"无锡"],
}

# Key-fact alternatives not written as such in the document: bare counts and bracket
# variants of a document number. Each must match after numeral/bracket normalisation.
VARIANTS = {
    f"{B}-list-017": ["24条", "二十四条"],
    f"{B}-meta-024": ["京大数据发[2024]1号"],
    f"{Z}-list-018": ["13条", "十三条", "13项", "十三项"],
    f"{S}-meta-024": ["国发[2025]11号"],
}

# Noisy rows by style.
NOISY_STYLE = {
    f"{B}-noisy-027": "long_chatty",
    f"{Z}-noisy-027": "typo_keywords",
    f"{G}-noisy-027": "traditional",
    f"{S}-noisy-027": "keywords",
}

MAX_GROUPS = {"list": 4, "by_date": 4, "unit_tasks": 4}
MAX_COPY = 30          # no question repeats more than this many characters of its document
ALT_LEN = (2, 16)      # key-fact alternatives are 2-16 characters (a 文号 may be longer)
DOC_NO = re.compile(r".+[〔\[](19|20)\d\d[〕\]]\d+号")
NAME = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)+")


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)

    errors = []
    err = errors.append
    docs = checklib.load_docs(DOCS)
    rows = [r for _, r in checklib.read_rows(DATA, err)]

    for stem in docs:
        if not NAME.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<english-topic-slug>")
    if set(docs) != set(COUNTS):
        err(f"docs/ holds {sorted(docs)}, expected {sorted(COUNTS)}")

    per_type = defaultdict(Counter)
    numbers = defaultdict(list)
    scope_all = Counter()
    used = {}
    most_copied = ("", "")
    by_id = {}
    for r in rows:
        rid, doc, typ = r.get("id"), r.get("doc"), r.get("type")
        by_id[rid] = r
        if doc not in docs:
            continue
        text = docs[doc]
        per_type[doc][typ] += 1
        n = checklib.id_number(rid, doc, typ)
        if n is not None:
            numbers[doc].append(n)
        if r.get("split") != SPLIT:
            err(f"{rid}: split must be {SPLIT}")
        scope = r.get("scope")
        if scope == "all":
            scope_all[doc] += 1
            if not any(w in r.get("question", "") for w in DOC_NAMES[doc]):
                err(f"{rid}: scope-all question names none of {DOC_NAMES[doc]}")
        elif scope != "doc":
            err(f"{rid}: scope must be doc or all")
        copy = checklib.longest_copy(r.get("question", ""), text)
        if len(copy) > len(most_copied[1]):
            most_copied = (rid, copy)
        if len(copy) > MAX_COPY:
            err(f"{rid}: question copies {len(copy)} characters of its document: {copy!r}")
        if typ == "noisy" and rid not in NOISY_STYLE:
            err(f"{rid}: noisy row without a NOISY_STYLE")
        if r.get("refuse"):
            if KIND.get(rid) not in EXPECTED_KINDS:
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
        flat = checklib.nospace(text)
        for g in groups:
            if isinstance(g, list) and not any(checklib.nospace(a) in ev for a in g):
                if not any(checklib.nospace(a) in flat for a in g):
                    if not all(checklib.is_numeral_or_bracket_variant(a, flat) for a in g):
                        err(f"{rid}: key-fact group {g!r} found neither in the evidence nor in the document")
        ev_list = r.get("evidence") or []
        if len(set(ev_list)) != len(ev_list):
            err(f"{rid}: evidence repeats a string")
        if typ == "followup":
            h = r.get("history") or []
            if h and checklib.nospace(h[-1].get("content", "")) and all(
                    checklib.nospace(a) in checklib.nospace(h[-1]["content"]) for g in groups for a in g[:1]):
                err(f"{rid}: the earlier assistant turn already states every key fact")
    checklib.check_variants_used(VARIANTS, used, err)

    for doc, want in COUNTS.items():
        got = {t: per_type[doc][t] for t in set(want) | set(per_type[doc])}
        for t in sorted(got):
            if got[t] != want.get(t, 0):
                err(f"{doc}: {got[t]} {t} rows, expected {want.get(t, 0)}")
        if numbers[doc] != list(range(1, ROWS_PER_DOC + 1)):
            err(f"{doc}: ids do not run 001-{ROWS_PER_DOC:03d} in file order")
        if scope_all[doc] != SCOPE_ALL_PER_DOC:
            err(f"{doc}: {scope_all[doc]} scope-all rows, expected {SCOPE_ALL_PER_DOC}")

    for doc in docs:
        kinds = Counter(k for rid, k in KIND.items() if rid.startswith(doc + "-"))
        if kinds != EXPECTED_KINDS:
            err(f"{doc}: refusal kinds {dict(kinds)}, expected {dict(EXPECTED_KINDS)}")
    for rid in KIND:
        if rid not in by_id or not by_id[rid].get("refuse"):
            err(f"KIND lists {rid}, not a refusal row")
    for rid in NOISY_STYLE:
        if rid not in by_id or by_id[rid].get("type") != "noisy":
            err(f"NOISY_STYLE lists {rid}, not a noisy row")

    print("\nrows per type (set-specific view)")
    cols = list(COUNTS)
    short = {d: d.split("-")[0][:9] + "-" + d.split("-")[1] for d in cols}
    print("type".ljust(14) + "".join(short[d].ljust(16) for d in cols) + "total")
    for t in sorted({t for d in cols for t in per_type[d]}):
        print(t.ljust(14) + "".join(str(per_type[d][t]).ljust(16) for d in cols)
              + str(sum(per_type[d][t] for d in cols)))
    print("scope all".ljust(14) + "".join(str(scope_all[d]).ljust(16) for d in cols)
          + str(sum(scope_all.values())))
    print("\nrefusal rows per kind:", dict(sorted(Counter(KIND.values()).items())))
    print("noisy rows per style:", dict(sorted(Counter(NOISY_STYLE.values()).items())))
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return checklib.finish(status, errors)


if __name__ == "__main__":
    sys.exit(main())

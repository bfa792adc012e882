"""Checker of evals/unseen4 (120 questions over the four documents of docs/, every row test).

Run from the repository root:

    python3 evals/unseen4/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(): per-document type counts, ids in file order,
refusal kinds and near-miss pairs, the scope-all rows naming their document, listed
numeral variants, key-fact length, noisy styles, copied runs. The exit status is 0
when everything passes.

This set is held out: every row is `test`. Its questions are read only by this checker
and by the evaluation run, never while writing rules.
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
SPLIT = "test"
ROWS_PER_DOC = 30

G = "guangdong-2026-ai-opc-innovation-action-plan"
C = "chengdu-2026-ai-opc-innovation-highland-action-plan"
N = "nanchong-2026-ai-opc-innovation-action-plan"
Z = "zhengzhou-2026-ai-opc-startup-community-promotion-plan"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document: the brief's mix. The Zhengzhou plan sets no calendar date
# at all (only 一日办结 and 7天), so two of its deadline slots become no_deadline rows and
# its two by_date slots become content rows.
BASE = {"deadline": 4, "unit": 4, "figure": 2, "content": 4, "number": 2, "list": 2,
        "unit_tasks": 2, "by_date": 2, "no_deadline": 1, "meta": 1, "followup": 2,
        "noisy": 1, "unanswerable": 3}
COUNTS = {
    G: dict(BASE),
    C: dict(BASE),
    N: dict(BASE),
    Z: dict(BASE, deadline=2, no_deadline=3, by_date=0, content=6),
}

# Refusals: two near misses (a detail the document leaves out on a topic it covers),
# one question about another place.
KIND = {}
for _doc in COUNTS:
    KIND[f"{_doc}-unanswerable-003"] = "near_miss"
    KIND[f"{_doc}-unanswerable-008"] = "near_miss"
    KIND[f"{_doc}-unanswerable-030"] = "other_place_or_year"

# Each near miss is immediately followed by an answerable look-alike on the same topic.
PAIRS = {
    f"{G}-deadline-004": f"{G}-unanswerable-003",
    f"{G}-unit-009": f"{G}-unanswerable-008",
    f"{C}-deadline-004": f"{C}-unanswerable-003",
    f"{C}-unit-009": f"{C}-unanswerable-008",
    f"{N}-deadline-004": f"{N}-unanswerable-003",
    f"{N}-unit-009": f"{N}-unanswerable-008",
    f"{Z}-no_deadline-004": f"{Z}-unanswerable-003",
    f"{Z}-unit-009": f"{Z}-unanswerable-008",
}

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # a start date for 一天办结 (only the requirement itself)
    f"{G}-unanswerable-003": [r"起施行", r"自\d{4}年\d+月\d+日", r"一天办结[^。\n]{0,20}(起|开始)",
                              r"\d+月\d+日起"],
    # the bank that launches 人才贷/算力贷 (only 银行业金融机构)
    f"{G}-unanswerable-008": [r"工商银行", r"建设银行", r"农业银行", r"招商银行", r"农村商业银行",
                              r"(?<!人民)银行广东", r"有限公司"],
    f"{G}-unanswerable-030": [r"广西"],
    # a closing date for 青年人才驿站 applications (only 最长30天)
    f"{C}-unanswerable-003": [r"截止", r"\d+月\d+日前", r"驿站[^。\n]{0,40}(之前|前申请)"],
    # the company that sets up the developers' alliance (only 支持成立)
    f"{C}-unanswerable-008": [r"有限公司", r"集团", r"开发者联盟[^。\n]{0,20}(由|牵头)"],
    f"{C}-unanswerable-030": [r"德阳"],
    # a closing date for the incubator subsidy (only 一次性后补助)
    f"{N}-unanswerable-003": [r"截止", r"\d+月\d+日前", r"后补助[^。\n]{0,20}\d+月"],
    # the company operating the first OPC communities (only parks and 运营主体)
    f"{N}-unanswerable-008": [r"有限公司", r"运营公司", r"集团", r"首批"],
    f"{N}-unanswerable-030": [r"绵阳"],
    # a completion date for the first OPC communities (the plan sets none)
    f"{Z}-unanswerable-003": [r"\d{4}年底", r"\d{4}年\d+月(底|前)", r"年底前", r"第一批", r"首批"],
    # the unit hosting the alliance's secretariat (only 鼓励建立OPC创业联盟)
    f"{Z}-unanswerable-008": [r"秘书处", r"联盟[^。\n]{0,15}设在", r"挂靠"],
    f"{Z}-unanswerable-030": [r"洛阳"],
}

# Key-fact alternatives not written as such in the document: bare counts and 两年.
VARIANTS = {
    f"{G}-list-019": ["六个", "6个", "六大", "6大", "18条", "18项", "十八条", "十八项"],
    f"{C}-list-019": ["13条", "十三条", "13项", "十三项"],
    f"{N}-deadline-002": ["两年"],
    f"{N}-number-018": ["4条", "四条", "4项", "四项"],
    f"{N}-list-020": ["五个", "5个", "五大", "5大"],
    f"{Z}-list-021": ["16条", "十六条", "16项", "十六项"],
}

# Rows asked over all four documents: the question must name its document's place.
PLACE = {G: "广东", C: "成都", N: "南充", Z: "郑州"}
SCOPE_ALL = {
    G: {"figure-011", "content-015", "meta-026"},
    C: {"deadline-001", "content-013", "meta-026"},
    N: {"deadline-001", "list-019", "meta-026"},
    Z: {"figure-011", "content-017", "meta-026"},
}

# Noisy rows by style: one per document, four styles.
NOISY_STYLE = {
    f"{G}-noisy-029": "typo_keywords",
    f"{C}-noisy-029": "traditional",
    f"{N}-noisy-029": "keywords",
    f"{Z}-noisy-029": "long_chatty",
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
    by_id = {r.get("id"): r for r in rows}

    for stem in docs:
        if not NAME.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<english-topic-slug>")
        n = checklib.doc_length(docs[stem])
        if not 4000 <= n <= 20000:
            err(f"{stem}: {n} characters, outside 4,000-20,000")
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
        if r.get("split") != SPLIT:
            err(f"{rid}: split must be {SPLIT}")
        tail = rid[len(doc) + 1:]
        want_all = tail in SCOPE_ALL.get(doc, set())
        if (r.get("scope") == "all") != want_all:
            err(f"{rid}: scope {r.get('scope')}, expected {'all' if want_all else 'doc'}")
        if r.get("scope") == "all" and PLACE[doc] not in r.get("question", ""):
            err(f"{rid}: scope-all question does not name {PLACE[doc]}")
        copy = checklib.longest_copy(r.get("question", ""), text)
        if len(copy) > len(most_copied[1]):
            most_copied = (rid, copy)
        if len(copy) > MAX_COPY:
            err(f"{rid}: question copies {len(copy)} characters of its document: {copy!r}")
        if typ == "noisy" and rid not in NOISY_STYLE:
            err(f"{rid}: noisy row without a NOISY_STYLE")
        if r.get("refuse"):
            if KIND.get(rid) not in {"near_miss", "other_place_or_year"}:
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
        if typ == "followup" and len(r.get("question", "")) > 20:
            err(f"{rid}: a follow-up should be a short question that leans on its history")
    checklib.check_variants_used(VARIANTS, used, err)

    for doc, want in COUNTS.items():
        got = {t: per_type[doc][t] for t in set(want) | set(per_type[doc])}
        for t in sorted(got):
            if got[t] != want.get(t, 0):
                err(f"{doc}: {got[t]} {t} rows, expected {want.get(t, 0)}")
        if numbers[doc] != list(range(1, ROWS_PER_DOC + 1)):
            err(f"{doc}: ids do not run 001-{ROWS_PER_DOC:03d} in file order")

    expected_kinds = Counter({"near_miss": 2, "other_place_or_year": 1})
    for doc in docs:
        kinds = Counter(k for rid, k in KIND.items() if rid.startswith(doc + "-"))
        if kinds != expected_kinds:
            err(f"{doc}: refusal kinds {dict(kinds)}, expected {dict(expected_kinds)}")
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
    for rid in NOISY_STYLE:
        if rid not in by_id or by_id[rid].get("type") != "noisy":
            err(f"NOISY_STYLE lists {rid}, not a noisy row")
    if len(set(NOISY_STYLE.values())) != len(NOISY_STYLE):
        err("noisy styles repeat; expected one style per document")

    print("\nrows per type (set-specific view)")
    cols = list(COUNTS)
    print("type".ljust(14) + "".join(d.split("-")[0][:9].ljust(12) for d in cols) + "total")
    for t in sorted({t for d in cols for t in per_type[d]}):
        print(t.ljust(14) + "".join(str(per_type[d][t]).ljust(12) for d in cols)
              + str(sum(per_type[d][t] for d in cols)))
    print("\nrefusal rows per kind:", dict(sorted(Counter(KIND.values()).items())))
    print("noisy rows per style:", dict(sorted(Counter(NOISY_STYLE.values()).items())))
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return checklib.finish(status, errors)


if __name__ == "__main__":
    sys.exit(main())

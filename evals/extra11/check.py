#!/usr/bin/env python3
"""Check evals/extra11/dataset.jsonl against the documents in evals/extra11/docs/.

Run from anywhere:  python3 evals/extra11/check.py
Exit status 0 when every check passes, 1 otherwise.

Adapted from evals/extra10/check.py. The shared checks are checklib.check_dev_set
(evals/checklib.py; they are listed in its docstring): field order, ids, types,
scopes, split, history shape, refusal rows, evidence strings that are verbatim
substrings of ONE line of the document, every key-fact group found in the
document, 3,000-20,000 characters per document, 30 rows per document, and the
ABSENT patterns of the unanswerable rows. This file adds the checks particular
to this set (four documents from four issuers: a national opinions paper, a
Sichuan implementation plan, an Inner Mongolia implementation plan with its
application outline, a Pingtan task plan with a unit-and-deadline bracket on
each of 30 measures):

  * document file names are <place>-<year>-<topic-in-english-kebab>.txt and each
    document is 3,000-15,000 characters (stricter than the shared 20,000);
  * every document has exactly the type counts of COUNTS (30 rows), and its ids
    are <doc>-<type>-NNN with NNN running 001-030 in file order;
  * every row has scope "doc" and split "dev";
  * EVERY key-fact alternative (not only one per group) occurs in the document
    with spaces removed, except the deliberate numeral variants listed in
    VARIANTS, which must match after numeral normalisation or be a bare count;
    and every VARIANTS entry must still be needed;
  * no alternative is empty, repeated within its group, or longer than 12
    characters; every alternative is at least 2 characters;
  * list-like rows (list, by_date, unit_tasks) have 1-4 key-fact groups;
  * every unanswerable row has a KIND; each document has two near misses, one
    question about another place or year and one off-topic question;
  * every near miss is immediately followed, in the file, by its answerable
    look-alike on the same topic (PAIRS: look-alike id -> refusal id);
  * followup rows carry a history (checked by checklib) and no question copies
    more than MAX_COPY characters of its document in one run.
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

COUNTS = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
          "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
          "unanswerable": 4}
TYPES = set(COUNTS)
SPLIT = "dev"
ROWS_PER_DOC = sum(COUNTS.values())  # 30
LIST_LIKE = {"list", "by_date", "unit_tasks"}
MAX_ALT_CHARS = 12
MIN_ALT_CHARS = 2
MAX_DOC_CHARS = 15000
MAX_COPY = 30

NAME_RE = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)*")

NAT = "national-2025-power-access-business-environment-opinions"
SC = "sichuan-2025-renewable-feed-in-price-reform-implementation-plan"
NM = "neimenggu-2026-green-power-direct-supply-implementation-plan"
PT = "pingtan-2017-hazardous-chemicals-safety-governance-plan"

# Deliberate numeral variants: key-fact alternatives that are not in the document as
# written (counts read off a numbered list); each group also has an alternative that is.
VARIANTS = {
    f"{NAT}-list-016": ["14项", "十四项"],               # items （一）…（十四）
    f"{SC}-list-016": ["17条", "十七条"],                # items （一）…（十七）
    f"{PT}-list-016": ["十个", "10个", "30条", "三十条"],  # parts （一）…（十）, measures 1.–30.
}

# Kind of every unanswerable row.
KIND = {
    f"{NAT}-unanswerable-004": "near_miss", f"{NAT}-unanswerable-008": "near_miss",
    f"{NAT}-unanswerable-029": "other_place", f"{NAT}-unanswerable-030": "off_topic",
    f"{SC}-unanswerable-004": "near_miss", f"{SC}-unanswerable-008": "near_miss",
    f"{SC}-unanswerable-029": "other_place", f"{SC}-unanswerable-030": "off_topic",
    f"{NM}-unanswerable-004": "near_miss", f"{NM}-unanswerable-009": "near_miss",
    f"{NM}-unanswerable-029": "other_place", f"{NM}-unanswerable-030": "off_topic",
    f"{PT}-unanswerable-004": "near_miss", f"{PT}-unanswerable-009": "near_miss",
    f"{PT}-unanswerable-029": "other_place", f"{PT}-unanswerable-030": "off_topic",
}
KIND_COUNTS = {"near_miss": 2, "other_place": 1, "off_topic": 1}

# Each near miss is immediately followed by an answerable look-alike on the same topic.
PAIRS = {
    f"{NAT}-deadline-005": f"{NAT}-unanswerable-004",   # month of the grid-investment plan -> how often, to whom
    f"{NAT}-unit-009": f"{NAT}-unanswerable-008",       # complaint hotline number -> who sets up complaint handling
    f"{SC}-deadline-005": f"{SC}-unanswerable-004",     # date of the 2025 auction -> when results take effect
    f"{SC}-unit-009": f"{SC}-unanswerable-008",         # office and phone -> whom to report to
    f"{NM}-deadline-005": f"{NM}-unanswerable-004",     # working-day limit for approval -> reporting cadence
    f"{NM}-content-010": f"{NM}-unanswerable-009",      # transmission fee per kWh -> which fees, no waivers
    f"{PT}-deadline-005": f"{PT}-unanswerable-004",     # date of the open day -> time limit and lead of item 30
    f"{PT}-figure-010": f"{PT}-unanswerable-009",       # contact person and phone -> liaison officers and date
}

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document ([^\n] keeps a pattern in one line).
ABSENT = {
    # National opinions: no month for the grid-investment plan, no hotline, nothing on
    # Shanghai's own rules, nothing on income tax.
    f"{NAT}-unanswerable-004": ['配电网投资[^\\n]{0,40}\\d{1,2}月', '\\d{1,2}月底前', '\\d{1,2}月\\d{1,2}日前'],
    f"{NAT}-unanswerable-008": ['热线', '电话', '\\d{5}'],
    f"{NAT}-unanswerable-029": ['上海市', '上海[^\\n]{0,30}千瓦'],
    f"{NAT}-unanswerable-030": ['个人所得税', '个税', '专项附加扣除', '子女教育'],
    # Sichuan plan: no auction date or registration deadline, no office or phone,
    # nothing on Yunnan, nothing on tiered household tariffs.
    f"{SC}-unanswerable-004": ['竞价[^\\n]{0,20}\\d{1,2}月\\d{1,2}日', '报名', '组织竞价[^\\n]{0,30}(\\d{1,2}月|日前)'],
    f"{SC}-unanswerable-008": ['联系人', '联系电话', '电话', '处室', '\\d{8}'],
    f"{SC}-unanswerable-029": ['云南'],
    f"{SC}-unanswerable-030": ['阶梯', '第二档'],
    # Inner Mongolia plan: no time limit for evaluation and approval, no fee per kWh,
    # nothing on Ningxia, nothing on canteen allowances.
    f"{NM}-unanswerable-004": ['工作日', '\\d+日内', '个月内'],
    f"{NM}-unanswerable-009": ['\\d+(\\.\\d+)?\\s*元', '元/千瓦时', '分/千瓦时'],
    f"{NM}-unanswerable-029": ['宁夏'],
    f"{NM}-unanswerable-030": ['食堂', '伙食', '餐费'],
    # Pingtan plan: no date or frequency of the open day, no contact person or phone of
    # the safety office, nothing on Fuzhou, nothing on fireworks.
    f"{PT}-unanswerable-004": ['开放日[^\\n]{0,20}(\\d|每年|月)', '每年[^\\n]{0,10}次'],
    f"{PT}-unanswerable-009": ['联系人', '电话', '\\d{7,}'],
    f"{PT}-unanswerable-029": ['福州'],
    f"{PT}-unanswerable-030": ['烟花爆竹', '禁放'],
}


def extra_checks():
    """The checks particular to this set; returns the list of problems."""
    errors = []
    err = errors.append
    docs = checklib.load_docs(DOCS)
    if len(docs) != 4:
        err(f"expected 4 documents, found {len(docs)}")
    for stem, text in docs.items():
        if not NAME_RE.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<topic-in-english-kebab>.txt")
        n = checklib.doc_length(text)
        if n > MAX_DOC_CHARS:
            err(f"{stem}: {n} characters, more than {MAX_DOC_CHARS:,}")
    by_doc = defaultdict(list)
    order = []
    used_variants = defaultdict(set)
    most_copied = ("", "")
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
            copy = checklib.longest_copy(row.get("question") or "", docs[doc])
            if len(copy) > len(most_copied[1]):
                most_copied = (rid, copy)
            if len(copy) > MAX_COPY:
                err(f"{rid}: question copies {len(copy)} characters of the document: {copy!r}")
            groups = row.get("key_facts") or []
            checklib.check_listed_variants(rid, groups, docs[doc], VARIANTS, used_variants, err)
            for g in groups:
                for alt in g if isinstance(g, list) else []:
                    if not isinstance(alt, str):
                        continue
                    n = len(checklib.nospace(alt))
                    if n > MAX_ALT_CHARS:
                        err(f"{rid}: key-fact alternative {alt!r} longer than {MAX_ALT_CHARS} characters")
                    if n < MIN_ALT_CHARS:
                        err(f"{rid}: key-fact alternative {alt!r} shorter than {MIN_ALT_CHARS} characters")
            if row.get("type") in LIST_LIKE and not 1 <= len(groups) <= 4:
                err(f"{rid}: list-like row with {len(groups)} key-fact groups, expected 1-4")
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
        kinds = Counter(KIND.get(r.get("id")) for r in rows if r.get("refuse") is True)
        if dict(kinds) != KIND_COUNTS:
            err(f"{doc}: unanswerable kinds {dict(kinds)}, expected {KIND_COUNTS}")

    ids = [r.get("id") for r in order]
    refusal_ids = {r.get("id") for r in order if r.get("refuse") is True}
    for rid in KIND:
        if rid not in refusal_ids:
            err(f"KIND: {rid} is not an unanswerable row of the dataset")
    for rid, partner in PAIRS.items():
        if partner not in refusal_ids:
            err(f"PAIRS: {partner} is not an unanswerable row of the dataset")
            continue
        if KIND.get(partner) != "near_miss":
            err(f"PAIRS: {partner} is not a near miss")
        i = ids.index(partner)
        nxt = order[i + 1] if i + 1 < len(order) else None
        if nxt is None or nxt.get("id") != rid:
            err(f"{partner}: not immediately followed by its look-alike {rid}")
        elif nxt.get("refuse") or nxt.get("doc") != order[i].get("doc"):
            err(f"{rid}: look-alike must be an answerable row of the same document")
    paired = Counter(PAIRS.values())
    for rid in refusal_ids:
        want = 1 if KIND.get(rid) == "near_miss" else 0
        if paired[rid] != want:
            err(f"{rid}: has {paired[rid]} look-alike rows in PAIRS, expected {want}")
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return errors


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)
    return checklib.finish(status, extra_checks())


if __name__ == "__main__":
    sys.exit(main())

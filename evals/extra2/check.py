#!/usr/bin/env python3
"""Check evals/extra2/dataset.jsonl against the documents in evals/extra2/docs/.

Run from anywhere:  python3 evals/extra2/check.py
Exit status 0 when every check passes, 1 otherwise.

Checks:
  * every line is valid JSON with the fields in the order
    id, doc, type, scope, question, [history], evidence, key_facts, refuse, split;
  * ids are unique and of the form <doc>-<type>-NNN; type, scope and split take
    allowed values; cross rows have scope "all"; every split is "dev";
  * history only on followup rows: one user turn, then one assistant turn;
  * refuse is true exactly on unanswerable rows, which have empty evidence and key_facts;
  * answerable rows have 1-3 evidence strings, each a verbatim substring of ONE line
    of the row's document, and at least one key-fact group;
  * every key-fact group has an alternative found in the document with spaces
    removed, or one that matches after numeral (Chinese -> Arabic) and bracket
    (full-width/half-width, 〔〕/[]) normalisation;
  * every unanswerable row has search patterns (ABSENT below) for the fact it asks
    about, and none of them matches its document;
  * every document is 3,000-20,000 characters and has 30 rows.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}
SCOPES = {"doc", "all"}
ORDER = ["id", "doc", "type", "scope", "question", "history", "evidence",
         "key_facts", "refuse", "split"]

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-026': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '补助标准'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-027': ['2017', '总结'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-028': ['电话', '联系人', '\\d{3,4}-\\d{7,8}'],
    'guangdong-2021-public-data-management-measures-unanswerable-026': ['手续费', '收费', '\\d+(\\.\\d+)?\\s*(万|亿)?元'],
    'guangdong-2021-public-data-management-measures-unanswerable-027': ['2023', '修订'],
    'guangdong-2021-public-data-management-measures-unanswerable-028': ['电话', '地址', '\\d{3,4}-\\d{7,8}'],
}

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s):
    total, num = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            num = CN_DIGITS[ch]
        else:
            unit = CN_UNITS[ch]
            total += (num or 1) * unit
            num = 0
    return total + num


def norm(text):
    """Remove whitespace, unify brackets and digits, Chinese numerals -> Arabic."""
    text = re.sub(r"\s+", "", text)
    text = text.translate(str.maketrans("（）〔〕［］【】０１２３４５６７８９",
                                        "()[][][]0123456789"))
    return re.sub(r"[零一二两三四五六七八九十百千]+",
                  lambda m: str(cn_to_int(m.group(0))), text)


def main():
    errors = []
    err = errors.append
    docs = {}
    for name in sorted(os.listdir(DOCS)):
        if name.endswith(".txt"):
            with open(os.path.join(DOCS, name), encoding="utf-8") as f:
                docs[name[:-4]] = f.read()
    for tag, text in docs.items():
        n = len(text.rstrip("\n"))
        if not 3000 <= n <= 20000:
            err(f"{tag}: {n} characters, outside 3,000-20,000")

    seen = set()
    per_doc = Counter()
    per_type = defaultdict(Counter)
    scope_all = Counter()
    with open(DATA, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for ln, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {ln}: invalid JSON ({e})")
            continue
        rid = row.get("id", f"line {ln}")
        keys = list(row.keys())
        expected = [k for k in ORDER if k != "history" or "history" in row]
        if keys != expected:
            err(f"{rid}: fields {keys}, expected {expected}")
            continue
        if rid in seen:
            err(f"{rid}: duplicate id")
        seen.add(rid)
        doc, typ = row["doc"], row["type"]
        if doc not in docs:
            err(f"{rid}: unknown doc {doc}")
            continue
        text = docs[doc]
        doc_lines = text.split("\n")
        per_doc[doc] += 1
        per_type[doc][typ] += 1
        if typ not in TYPES:
            err(f"{rid}: bad type {typ}")
        if not re.fullmatch(re.escape(doc) + "-" + re.escape(typ) + r"-\d{3}", rid):
            err(f"{rid}: id is not <doc>-<type>-NNN")
        if row["scope"] not in SCOPES:
            err(f"{rid}: bad scope")
        if row["scope"] == "all":
            scope_all[doc] += 1
        if typ == "cross" and row["scope"] != "all":
            err(f"{rid}: cross row must have scope all")
        if row["split"] != "dev":
            err(f"{rid}: split must be dev")
        if not isinstance(row["question"], str) or not row["question"].strip():
            err(f"{rid}: empty question")
        if "history" in row:
            h = row["history"]
            ok = (typ == "followup" and isinstance(h, list) and len(h) == 2
                  and [t.get("role") for t in h] == ["user", "assistant"]
                  and all(isinstance(t.get("content"), str) and t["content"] for t in h))
            if not ok:
                err(f"{rid}: history must be one user and one assistant turn, followup only")
        elif typ == "followup":
            err(f"{rid}: followup row without history")

        ev, kf, refuse = row["evidence"], row["key_facts"], row["refuse"]
        if refuse is not (typ == "unanswerable"):
            err(f"{rid}: refuse must be true exactly on unanswerable rows")
        if refuse:
            if ev or kf:
                err(f"{rid}: refusal row must have empty evidence and key_facts")
            pats = ABSENT.get(rid)
            if not pats:
                err(f"{rid}: no absence patterns")
            else:
                for p in pats:
                    m = re.search(p, text)
                    if m:
                        err(f"{rid}: pattern {p!r} matches the document: {m.group(0)!r}")
            continue
        if not (isinstance(ev, list) and 1 <= len(ev) <= 3):
            err(f"{rid}: evidence must hold 1-3 strings")
            ev = ev if isinstance(ev, list) else []
        for e in ev:
            if not isinstance(e, str) or not e or not any(e in l for l in doc_lines):
                err(f"{rid}: evidence not a substring of one line: {e!r}")
        if not (isinstance(kf, list) and kf):
            err(f"{rid}: key_facts must be a non-empty list of groups")
            continue
        flat = re.sub(r"\s+", "", text)
        normed = norm(text)
        for g in kf:
            if not (isinstance(g, list) and g and all(isinstance(a, str) and a for a in g)):
                err(f"{rid}: bad key-fact group {g!r}")
                continue
            if not any(re.sub(r"\s+", "", a) in flat or norm(a) in normed for a in g):
                err(f"{rid}: no alternative of {g!r} found in the document")

    for doc in docs:
        if per_doc[doc] != 30:
            err(f"{doc}: {per_doc[doc]} rows, expected 30")
    for rid in ABSENT:
        if rid not in seen:
            err(f"ABSENT has unknown id {rid}")

    types = sorted({t for c in per_type.values() for t in c})
    print("rows per type and document")
    print("type".ljust(14) + "".join(d.split("-")[0][:9].ljust(10) + d.split("-")[1] + "  " for d in docs) + "total")
    for t in types:
        print(t.ljust(14) + "".join(str(per_type[d][t]).ljust(16) for d in docs) + str(sum(per_type[d][t] for d in docs)))
    print("scope all".ljust(14) + "".join(str(scope_all[d]).ljust(16) for d in docs) + str(sum(scope_all.values())))
    print("rows".ljust(14) + "".join(str(per_doc[d]).ljust(16) for d in docs) + str(sum(per_doc.values())))
    for tag, text in docs.items():
        print(f"{tag}: {len(text.rstrip(chr(10)))} chars, {text.rstrip(chr(10)).count(chr(10)) + 1} lines")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

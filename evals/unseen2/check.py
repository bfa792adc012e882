"""Checks evals/unseen2/dataset.jsonl against the documents in evals/unseen2/docs/.

Run from anywhere:  python3 evals/unseen2/check.py
Exits non-zero and lists the problems if any row fails.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
DATASET = HERE / "dataset.jsonl"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks", "by_date",
         "meta", "followup", "noisy", "unanswerable", "cross"}
ORDER_PLAIN = ["id", "doc", "type", "scope", "question", "evidence", "key_facts", "refuse", "split"]
ORDER_HIST = ["id", "doc", "type", "scope", "question", "history", "evidence", "key_facts", "refuse", "split"]

# For every unanswerable row: patterns (regular expressions) for the fact it asks about.
# None of them may match the document; this is the "searched and absent" check.
ABSENT = {
    "shanghai-2024-magnolia-promotion-three-year-action-plan-unanswerable-001": [
        r"\d+万元", r"\d+亿元", r"专项资金"],
    "shanghai-2024-magnolia-promotion-three-year-action-plan-unanswerable-002": [r"2027"],
    "shanghai-2024-magnolia-promotion-three-year-action-plan-unanswerable-003": [
        r"\d+元", r"单价", r"价格", r"采购"],
    "shanghai-2026-park-quality-improvement-implementation-plan-unanswerable-001": [
        r"\d+万元", r"\d+亿元", r"投资\S{0,4}\d"],
    "shanghai-2026-park-quality-improvement-implementation-plan-unanswerable-002": [r"浦东"],
    "shanghai-2026-park-quality-improvement-implementation-plan-unanswerable-003": [
        r"门票", r"票价", r"收费"],
    "gumeilu-2022-elderly-living-alone-fire-safety-implementation-plan-unanswerable-001": [
        r"\d+名", r"\d+人", r"\d+户", r"独居老人\S{0,4}共\S{0,4}\d"],
    "gumeilu-2022-elderly-living-alone-fire-safety-implementation-plan-unanswerable-002": [
        r"\d+元", r"补贴", r"补助"],
    "gumeilu-2022-elderly-living-alone-fire-safety-implementation-plan-unanswerable-003": [r"2023"],
    "yangpu-2024-heritage-demonstration-zone-three-year-action-plan-unanswerable-001": [
        r"\d+亿", r"\d+万元", r"总投资"],
    "yangpu-2024-heritage-demonstration-zone-three-year-action-plan-unanswerable-002": [
        r"主任", r"委员长", r"组长"],
    "yangpu-2024-heritage-demonstration-zone-three-year-action-plan-unanswerable-003": [r"虹口"],
}

CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
      "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s):
    """一..九十九 (and 两) to int; None if not a Chinese numeral."""
    if not s or any(ch not in CN and ch != "十" for ch in s):
        return None
    if "十" in s:
        left, _, right = s.partition("十")
        if len(left) > 1 or len(right) > 1 or "十" in right:
            return None  # e.g. 十四五 is a name, not a number
        tens = CN[left] if left else 1
        ones = CN[right] if right else 0
        return tens * 10 + ones
    if len(s) == 1:
        return CN[s]
    return None


def arabize(text):
    return re.sub(r"[零〇一二两三四五六七八九十]+",
                  lambda m: str(cn_to_int(m.group())) if cn_to_int(m.group()) is not None else m.group(),
                  text)


BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "［": "(", "］": ")",
                          "[": "(", "]": ")", "【": "(", "】": ")"})


def nospace(s):
    return re.sub(r"\s+", "", s)


def is_numeral_or_bracket_variant(alt, doc_ns):
    a = nospace(alt)
    if re.fullmatch(r"第?[0-9０-９零〇一二两三四五六七八九十百]+[条项个份只大门名次类件]?[项条]?", a):
        return True  # a bare count/ordinal, e.g. 10条 / 十一项 / 7个
    if a.translate(BRACKETS) in doc_ns.translate(BRACKETS):
        return True
    if arabize(a) in arabize(doc_ns):
        return True
    if arabize(a.translate(BRACKETS)) in arabize(doc_ns.translate(BRACKETS)):
        return True
    return False


def main():
    problems = []
    docs = {}
    for p in sorted(DOCS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        n = len(text.rstrip("\n"))
        if not 3000 <= n <= 20000:
            problems.append(f"{p.name}: length {n} outside 3000-20000")
        docs[p.stem] = text

    rows = []
    for ln, line in enumerate(DATASET.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"line {ln}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {ln}: invalid JSON ({e})")
            continue
        rows.append((ln, row))

    seen = set()
    per_doc_type = Counter()
    per_type = Counter()
    scope_all = Counter()
    checked_absent = set()
    for ln, r in rows:
        rid = r.get("id", f"<line {ln}>")
        where = f"line {ln} ({rid})"
        keys = list(r.keys())
        if keys not in (ORDER_PLAIN, ORDER_HIST):
            problems.append(f"{where}: field order {keys}")
            continue
        if rid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(rid)
        doc, typ = r["doc"], r["type"]
        if doc not in docs:
            problems.append(f"{where}: unknown doc {doc}")
            continue
        text = docs[doc]
        lines = text.splitlines()
        doc_ns = nospace(text)
        if typ not in TYPES:
            problems.append(f"{where}: unknown type {typ}")
        if not re.fullmatch(re.escape(doc) + "-" + re.escape(typ) + r"-\d{3}", rid):
            problems.append(f"{where}: id must be <doc>-<type>-NNN")
        if r["split"] != "test":
            problems.append(f"{where}: split must be test")
        if r["scope"] not in ("doc", "all"):
            problems.append(f"{where}: scope {r['scope']}")
        if typ == "cross" and r["scope"] != "all":
            problems.append(f"{where}: cross rows must have scope all")
        if not isinstance(r["question"], str) or not r["question"].strip():
            problems.append(f"{where}: empty question")
        if "history" in r:
            h = r["history"]
            if typ != "followup":
                problems.append(f"{where}: history only allowed on followup rows")
            if not (isinstance(h, list) and len(h) == 2 and h[0].get("role") == "user"
                    and h[1].get("role") == "assistant"
                    and all(isinstance(t.get("content"), str) and t["content"] for t in h)
                    and all(set(t) == {"role", "content"} for t in h)):
                problems.append(f"{where}: history must be one user turn then one assistant turn")
        elif typ == "followup":
            problems.append(f"{where}: followup row without history")
        if not isinstance(r["refuse"], bool):
            problems.append(f"{where}: refuse must be boolean")
        if (typ == "unanswerable") != (r["refuse"] is True):
            problems.append(f"{where}: refuse must be true exactly for unanswerable rows")

        ev, kf = r["evidence"], r["key_facts"]
        if r["refuse"]:
            if ev or kf:
                problems.append(f"{where}: refusal rows need empty evidence and key_facts")
            pats = ABSENT.get(rid)
            if not pats:
                problems.append(f"{where}: no absence patterns recorded for this unanswerable row")
            else:
                checked_absent.add(rid)
                for pat in pats:
                    m = re.search(pat, text)
                    if m:
                        problems.append(f"{where}: asked-for fact pattern {pat!r} found in doc: {m.group()!r}")
        else:
            if not (isinstance(ev, list) and 1 <= len(ev) <= 3 and all(isinstance(e, str) and e for e in ev)):
                problems.append(f"{where}: evidence must be 1-3 non-empty strings")
            else:
                for e in ev:
                    if not any(e in line for line in lines):
                        problems.append(f"{where}: evidence not verbatim in one line: {e!r}")
            if not (isinstance(kf, list) and kf and all(isinstance(g, list) and g and all(isinstance(a, str) and a for a in g) for g in kf)):
                problems.append(f"{where}: key_facts must be a non-empty list of non-empty groups")
            else:
                for g in kf:
                    if any(nospace(a) in doc_ns for a in g):
                        continue
                    if all(is_numeral_or_bracket_variant(a, doc_ns) for a in g):
                        continue
                    problems.append(f"{where}: key-fact group {g} has no alternative in the document")
        per_doc_type[(doc, typ)] += 1
        per_type[typ] += 1
        if r["scope"] == "all":
            scope_all[doc] += 1

    for rid in ABSENT:
        if rid not in checked_absent:
            problems.append(f"ABSENT lists {rid}, which is not an unanswerable row")
    for d in docs:
        n = sum(v for (dd, _), v in per_doc_type.items() if dd == d)
        if n != 30:
            problems.append(f"{d}: {n} rows, expected 30")
        if not 3 <= scope_all[d] <= 5:
            problems.append(f"{d}: {scope_all[d]} scope-all rows, expected about 4")

    print(f"{len(rows)} rows, {len(docs)} documents")
    print("per type:", dict(sorted(per_type.items())))
    print("scope all per doc:", dict(scope_all))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()

"""Code shared by the checkers of the evaluation sets (evals/<set>/check.py).

Each check.py keeps what is particular to its set (allowed types, split, the ABSENT,
KIND and PAIRS tables, where its documents live, its own extra checks) and calls the
functions here. Standard library only.

There are two lineages of checker, and each keeps its own messages and edge cases:
  * extra/, extra2/, refusals/ and refusals2/ report "<id>: <problem>", normalise
    numerals with cn_to_int/norm and run through check_dev_set (extra, extra2) or
    check_refusal_set (refusals, refusals2);
  * unseen/ and unseen2/ report "line N (<id>): <problem>", accept numeral and bracket
    variants with is_numeral_or_bracket_variant and run through check_test_set.
"""
import json
import os
import re
from collections import Counter, defaultdict

# Every field a row may have, in the order it must have them; "history" is optional.
FIELDS = ["id", "doc", "type", "scope", "question", "history", "evidence",
          "key_facts", "refuse", "split"]
SCOPES = {"doc", "all"}


# ---------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s):
    """A Chinese numeral made of 零..九 and 十/百/千 to an int (三百二十 -> 320)."""
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


def nospace(s):
    """The text with all whitespace removed."""
    return re.sub(r"\s+", "", s)


CN_SMALL = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int_below_100(s):
    """一..九十九 (and 两) to int; None if not a Chinese numeral below 100."""
    if not s or any(ch not in CN_SMALL and ch != "十" for ch in s):
        return None
    if "十" in s:
        left, _, right = s.partition("十")
        if len(left) > 1 or len(right) > 1 or "十" in right:
            return None  # e.g. 十四五 is a name, not a number
        tens = CN_SMALL[left] if left else 1
        ones = CN_SMALL[right] if right else 0
        return tens * 10 + ones
    if len(s) == 1:
        return CN_SMALL[s]
    return None


def arabize(text):
    """Chinese numerals below 100 -> Arabic; other runs of numeral characters stay."""
    return re.sub(r"[零〇一二两三四五六七八九十]+",
                  lambda m: (str(cn_to_int_below_100(m.group()))
                             if cn_to_int_below_100(m.group()) is not None else m.group()),
                  text)


BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "［": "(", "］": ")",
                          "[": "(", "]": ")", "【": "(", "】": ")"})


def is_numeral_or_bracket_variant(alt, doc_ns):
    """True when alt is a bare count/ordinal, or is found in doc_ns (the document
    without whitespace) after unifying brackets and/or Chinese numerals."""
    a = nospace(alt)
    if re.fullmatch(r"第?[0-9０-９零〇一二两三四五六七八九十百]+[条项个份只大门名次类件]?[项条]?", a):
        return True  # a bare count/ordinal, e.g. 10条 / 十一项 / 7个
    if a.translate(BRACKETS) in doc_ns.translate(BRACKETS):
        return True
    if arabize(a) in arabize(doc_ns):
        return True
    return arabize(a.translate(BRACKETS)) in arabize(doc_ns.translate(BRACKETS))


def longest_copy(question, text):
    """Longest run of characters of the question that occurs verbatim in the text."""
    best = ""
    for i in range(len(question)):
        j = i + len(best) + 1
        while j <= len(question) and question[i:j] in text:
            best = question[i:j]
            j += 1
    return best


# ---------------------------------------------------------------------------
# Reading documents and rows
# ---------------------------------------------------------------------------

def load_docs(folder):
    """{file stem: text} for every .txt file of the folder, in name order."""
    docs = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                docs[name[:-4]] = f.read()
    return docs


def read_rows(path, err, report_blank=False):
    """Yield (line number, row) for each line of a JSONL file that parses.

    Lines that do not parse are reported through err. With report_blank, a blank
    line is reported as such instead of as invalid JSON.
    """
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for ln, line in enumerate(lines, 1):
        if report_blank and not line.strip():
            err(f"line {ln}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {ln}: invalid JSON ({e})")
            continue
        yield ln, row


def expected_fields(row, order):
    """The field order the row must have: order, without "history" unless the row has one."""
    return [k for k in order if k != "history" or "history" in row]


def id_number(rid, doc, typ):
    """NNN of an id of the form <doc>-<type>-NNN as an int, or None for another form."""
    m = re.fullmatch(re.escape(doc) + "-" + re.escape(typ) + r"-(\d{3})", rid)
    return int(m.group(1)) if m else None


def absent_hits(patterns, text):
    """Yield (pattern, matched text) for each pattern that matches the text."""
    for p in patterns:
        m = re.search(p, text)
        if m:
            yield p, m.group(0)


def doc_length(text):
    """Characters of a document, not counting trailing newlines."""
    return len(text.rstrip("\n"))


# ---------------------------------------------------------------------------
# Row checks of extra/, extra2/, refusals/, refusals2/ (messages "<id>: ...")
# ---------------------------------------------------------------------------

def check_doc_lengths(docs, err, lo=3000, hi=20000):
    """Every document is lo-hi characters long."""
    for tag, text in docs.items():
        n = doc_length(text)
        if not lo <= n <= hi:
            err(f"{tag}: {n} characters, outside {lo:,}-{hi:,}")


def check_row_start(ln, row, order, docs, rows, err, unknown_doc_note=""):
    """Field order, duplicate id and known document; records the row in rows (id -> row).

    Returns the row's id, or None when the row cannot be checked further.
    """
    rid = row.get("id", f"line {ln}")
    keys = list(row.keys())
    expected = expected_fields(row, order)
    if keys != expected:
        err(f"{rid}: fields {keys}, expected {expected}")
        return None
    if rid in rows:
        err(f"{rid}: duplicate id")
    rows[rid] = row
    if row["doc"] not in docs:
        err(f"{rid}: unknown doc {row['doc']}{unknown_doc_note}")
        return None
    return rid


def rows_to_check(data, order, docs, rows, per_doc, per_type, err, unknown_doc_note=""):
    """Yield (id, row, doc, type, document text) for each row of the JSONL file data
    that passes check_row_start, counting it in per_doc and per_type[doc]."""
    for ln, row in read_rows(data, err):
        rid = check_row_start(ln, row, order, docs, rows, err, unknown_doc_note)
        if rid is None:
            continue
        doc, typ = row["doc"], row["type"]
        per_doc[doc] += 1
        per_type[doc][typ] += 1
        yield rid, row, doc, typ, docs[doc]


def check_type_and_id(rid, doc, typ, types, err):
    """Type allowed and id of the form <doc>-<type>-NNN; returns NNN or None."""
    if typ not in types:
        err(f"{rid}: bad type {typ}")
    n = id_number(rid, doc, typ)
    if n is None:
        err(f"{rid}: id is not <doc>-<type>-NNN")
    return n


def check_split(rid, row, split, err):
    """The row's split is the set's split."""
    if row["split"] != split:
        err(f"{rid}: split must be {split}")


def check_question(rid, question, err):
    """Returns the question, or "" when it is empty or not a string."""
    if not isinstance(question, str) or not question.strip():
        err(f"{rid}: empty question")
        return ""
    return question


def check_history(rid, row, typ, err):
    """History only on followup rows, and there one user turn then one assistant turn."""
    if "history" in row:
        h = row["history"]
        ok = (typ == "followup" and isinstance(h, list) and len(h) == 2
              and [t.get("role") for t in h] == ["user", "assistant"]
              and all(isinstance(t.get("content"), str) and t["content"] for t in h))
        if not ok:
            err(f"{rid}: history must be one user and one assistant turn, followup only")
    elif typ == "followup":
        err(f"{rid}: followup row without history")


def check_refuse_flag(rid, row, typ, err):
    """refuse is true exactly on unanswerable rows."""
    if row["refuse"] is not (typ == "unanswerable"):
        err(f"{rid}: refuse must be true exactly on unanswerable rows")


def check_refusal(rid, row, text, patterns, err):
    """A refusal row: empty evidence and key_facts, and absence patterns of which
    none matches the document."""
    if row["evidence"] or row["key_facts"]:
        err(f"{rid}: refusal row must have empty evidence and key_facts")
    if not patterns:
        err(f"{rid}: no absence patterns")
        return
    for p, hit in absent_hits(patterns, text):
        err(f"{rid}: pattern {p!r} matches the document: {hit!r}")


def check_evidence(rid, ev, text, err):
    """1-3 evidence strings, each a verbatim substring of one line of the document."""
    if not (isinstance(ev, list) and 1 <= len(ev) <= 3):
        err(f"{rid}: evidence must hold 1-3 strings")
        ev = ev if isinstance(ev, list) else []
    doc_lines = text.split("\n")
    for e in ev:
        if not isinstance(e, str) or not e or not any(e in l for l in doc_lines):
            err(f"{rid}: evidence not a substring of one line: {e!r}")


def check_key_facts(rid, kf, text, err):
    """Every group has an alternative found in the document without whitespace,
    or after numeral and bracket normalisation (norm)."""
    if not (isinstance(kf, list) and kf):
        err(f"{rid}: key_facts must be a non-empty list of groups")
        return
    flat = nospace(text)
    normed = norm(text)
    for g in kf:
        if not (isinstance(g, list) and g and all(isinstance(a, str) and a for a in g)):
            err(f"{rid}: bad key-fact group {g!r}")
            continue
        if not any(nospace(a) in flat or norm(a) in normed for a in g):
            err(f"{rid}: no alternative of {g!r} found in the document")


def print_type_table(columns, heads, per_type, more_rows, label_width, cell_width):
    """Rows per type (one line a type) and per document (one column a document).

    heads is the header cells, already padded; more_rows is (label, Counter by
    document) for the lines after the types.
    """
    types = sorted({t for c in per_type.values() for t in c})
    print("rows per type and document")
    print("type".ljust(label_width) + heads + "total")
    for t in types:
        print(t.ljust(label_width) + "".join(str(per_type[d][t]).ljust(cell_width) for d in columns)
              + str(sum(per_type[d][t] for d in columns)))
    for label, counts in more_rows:
        print(label.ljust(label_width) + "".join(str(counts[d]).ljust(cell_width) for d in columns)
              + str(sum(counts.values())))


def print_doc_sizes(docs, where=None):
    """One line a document: characters and lines; where maps a stem to its folder."""
    for tag, text in docs.items():
        name = tag if where is None else f"{where[tag]}/{tag}"
        body = text.rstrip("\n")
        print(f"{name}: {len(body)} chars, {body.count(chr(10)) + 1} lines")


def report(errors, scope="", passed="\nall checks passed"):
    """Print the problems (of ``scope``), or ``passed``; returns the exit status."""
    if errors:
        print(f"\n{len(errors)} problem(s){scope}:")
        for e in errors:
            print("  " + e)
        return 1
    print(passed)
    return 0


def check_dev_set(data, docs_dir, types, split, absent, rows_per_doc):
    """Check a set whose documents are the .txt files of docs_dir (extra/ … extra4/).

    Rows may have history (followup) and scope "all" (cross rows must); every
    unanswerable row needs absence patterns in absent. Prints a table of rows per
    type and document, and returns the exit status.

    Checks:
      * every line is valid JSON with the fields in the order
        id, doc, type, scope, question, [history], evidence, key_facts, refuse, split;
      * ids are unique and of the form <doc>-<type>-NNN; type, scope and split take
        allowed values; cross rows have scope "all"; every split is ``split``;
      * history only on followup rows: one user turn, then one assistant turn;
      * refuse is true exactly on unanswerable rows, which have empty evidence and key_facts;
      * answerable rows have 1-3 evidence strings, each a verbatim substring of ONE line
        of the row's document, and at least one key-fact group;
      * every key-fact group has an alternative found in the document with spaces
        removed, or one that matches after numeral (Chinese -> Arabic) and bracket
        (full-width/half-width, 〔〕/[]) normalisation;
      * every unanswerable row has search patterns (``absent``) for the fact it asks
        about, and none of them matches its document;
      * every document is 3,000-20,000 characters and has ``rows_per_doc`` rows.
    """
    errors = []
    err = errors.append
    docs = load_docs(docs_dir)
    check_doc_lengths(docs, err)

    rows = {}
    per_doc = Counter()
    per_type = defaultdict(Counter)
    scope_all = Counter()
    for rid, row, doc, typ, text in rows_to_check(data, FIELDS, docs, rows, per_doc,
                                                  per_type, err):
        check_type_and_id(rid, doc, typ, types, err)
        if row["scope"] not in SCOPES:
            err(f"{rid}: bad scope")
        if row["scope"] == "all":
            scope_all[doc] += 1
        if typ == "cross" and row["scope"] != "all":
            err(f"{rid}: cross row must have scope all")
        check_split(rid, row, split, err)
        check_question(rid, row["question"], err)
        check_history(rid, row, typ, err)
        check_refuse_flag(rid, row, typ, err)
        if row["refuse"]:
            check_refusal(rid, row, text, absent.get(rid), err)
            continue
        check_evidence(rid, row["evidence"], text, err)
        check_key_facts(rid, row["key_facts"], text, err)

    for doc in docs:
        if per_doc[doc] != rows_per_doc:
            err(f"{doc}: {per_doc[doc]} rows, expected {rows_per_doc}")
    for rid in absent:
        if rid not in rows:
            err(f"ABSENT has unknown id {rid}")

    heads = "".join(d.split("-")[0][:9].ljust(10) + d.split("-")[1] + "  " for d in docs)
    print_type_table(docs, heads, per_type, [("scope all", scope_all), ("rows", per_doc)], 14, 16)
    print_doc_sizes(docs)
    return report(errors)


def check_refusal_set(data, docs, where, errors, *, types, split, absent, kind,
                      detail_kinds, other_kinds, pairs, rows_per_doc, refusals_per_doc,
                      min_detail, max_copy, min_chars=3000, max_chars=20000,
                      unknown_doc_note="", pairs_numbered=False, columns=None,
                      label_width=14, cell_width=16, head_chars=None):
    """Check a refusal set (refusals/, refusals2/): unanswerable rows and their near-misses.

    docs ({stem: text}) and where ({stem: folder shown}) are read by the caller, which
    has already put any problems it found into errors. Rows have no history and scope
    "doc"; ids run 001-NNN within each document; each unanswerable row has absence
    patterns (absent) and a kind (kind: one of detail_kinds or other_kinds), at least
    min_detail of them per document of detail_kinds; each answerable row is the
    near-miss of exactly one unanswerable row (pairs: answerable id -> unanswerable id),
    with pairs_numbered numbered right after it; no question copies more than max_copy
    characters of its document. columns (default: the documents read) orders the
    table, whose layout label_width, cell_width and head_chars set. Returns the exit
    status.
    """
    err = errors.append
    check_doc_lengths(docs, err, min_chars, max_chars)
    columns = list(docs) if columns is None else columns
    order = [k for k in FIELDS if k != "history"]

    rows = {}
    per_doc = Counter()
    per_type = defaultdict(Counter)
    numbers = defaultdict(list)
    num_of = {}
    most_copied = ("", "")
    for rid, row, doc, typ, text in rows_to_check(data, order, docs, rows, per_doc,
                                                  per_type, err, unknown_doc_note):
        n = check_type_and_id(rid, doc, typ, types, err)
        if n is not None:
            numbers[doc].append(n)
            num_of[rid] = n
        if row["scope"] != "doc":
            err(f"{rid}: scope must be doc")
        check_split(rid, row, split, err)
        q = check_question(rid, row["question"], err)
        copy = longest_copy(q, text)
        if len(copy) > len(most_copied[1]):
            most_copied = (rid, copy)
        if len(copy) > max_copy:
            err(f"{rid}: question copies {len(copy)} characters of the document: {copy!r}")

        check_refuse_flag(rid, row, typ, err)
        if row["refuse"]:
            check_refusal(rid, row, text, absent.get(rid), err)
            if kind.get(rid) not in detail_kinds | other_kinds:
                err(f"{rid}: missing or unknown kind {kind.get(rid)!r}")
            continue
        partner = pairs.get(rid)
        if not partner:
            err(f"{rid}: answerable row without a paired unanswerable row")
        elif not partner.startswith(doc + "-unanswerable-"):
            err(f"{rid}: paired with {partner}, not an unanswerable row of {doc}")
        check_evidence(rid, row["evidence"], text, err)
        check_key_facts(rid, row["key_facts"], text, err)

    for doc in docs:
        if per_doc[doc] != rows_per_doc:
            err(f"{doc}: {per_doc[doc]} rows, expected {rows_per_doc}")
        if per_type[doc]["unanswerable"] != refusals_per_doc:
            err(f"{doc}: {per_type[doc]['unanswerable']} unanswerable rows, expected {refusals_per_doc}")
        if sorted(numbers[doc]) != list(range(1, per_doc[doc] + 1)):
            err(f"{doc}: row numbers are not 001-{per_doc[doc]:03d}")
        detail = sum(1 for rid, r in rows.items()
                     if r["doc"] == doc and r["refuse"] and kind.get(rid) in detail_kinds)
        if detail < min_detail:
            err(f"{doc}: {detail} 'detail left out' refusals, expected at least {min_detail}")
    for table, name in ((absent, "ABSENT"), (kind, "KIND")):
        for rid in table:
            if rid not in rows or not rows[rid]["refuse"]:
                err(f"{name} has {rid}, not an unanswerable row of the dataset")
    paired = Counter(pairs.values())
    for rid, partner in pairs.items():
        if rid not in rows or rows[rid]["refuse"]:
            err(f"PAIRS has {rid}, not an answerable row of the dataset")
        elif (pairs_numbered and rid in num_of and partner in num_of
              and num_of[rid] != num_of[partner] + 1):
            err(f"{rid}: not numbered right after its unanswerable row {partner}")
    for rid, r in rows.items():
        if r["refuse"] and paired[rid] != 1:
            err(f"{rid}: has {paired[rid]} near-miss rows, expected 1")

    short = {d: d.split("-")[0][:9] + "-" + d.split("-")[1] for d in columns}
    heads = "".join(short[d][:head_chars].ljust(cell_width) for d in columns)
    print_type_table(columns, heads, per_type, [("rows", per_doc)], label_width, cell_width)
    print("\nunanswerable rows per kind (* = detail left out while the topic is covered)")
    kinds = Counter(kind[r] for r in rows if r in kind)
    for k, n in sorted(kinds.items(), key=lambda kv: (kv[0] not in detail_kinds, -kv[1], kv[0])):
        print(("* " if k in detail_kinds else "  ") + k.ljust(12) + str(n))
    print(f"\nlongest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    print_doc_sizes(docs, where)
    return report(errors)


# ---------------------------------------------------------------------------
# The checks of unseen/ and unseen2/ (messages "line N (<id>): ...")
# ---------------------------------------------------------------------------

def check_test_set(dataset, docs_dir, types, split, absent, rows_per_doc):
    """Check a set whose documents are the .txt files of docs_dir (unseen/, unseen2/).

    The same row rules as check_dev_set, with these differences: a blank line is a
    problem of its own; key facts may also be bare counts or numeral/bracket variants
    (is_numeral_or_bracket_variant); each document has 3-5 rows of scope "all".
    Prints counts per type and returns the exit status.
    """
    problems = []
    docs = load_docs(docs_dir)
    for tag, text in docs.items():
        n = doc_length(text)
        if not 3000 <= n <= 20000:
            problems.append(f"{tag}.txt: length {n} outside 3000-20000")

    rows = list(read_rows(dataset, problems.append, report_blank=True))

    seen = set()
    per_doc_type = Counter()
    per_type = Counter()
    scope_all = Counter()
    checked_absent = set()
    for ln, r in rows:
        rid = r.get("id", f"<line {ln}>")
        where = f"line {ln} ({rid})"
        keys = list(r.keys())
        if keys != expected_fields(r, FIELDS):
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
        if typ not in types:
            problems.append(f"{where}: unknown type {typ}")
        if id_number(rid, doc, typ) is None:
            problems.append(f"{where}: id must be <doc>-<type>-NNN")
        if r["split"] != split:
            problems.append(f"{where}: split must be {split}")
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
            pats = absent.get(rid)
            if not pats:
                problems.append(f"{where}: no absence patterns recorded for this unanswerable row")
            else:
                checked_absent.add(rid)
                for pat, hit in absent_hits(pats, text):
                    problems.append(f"{where}: asked-for fact pattern {pat!r} found in doc: {hit!r}")
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

    for rid in absent:
        if rid not in checked_absent:
            problems.append(f"ABSENT lists {rid}, which is not an unanswerable row")
    for d in docs:
        n = sum(v for (dd, _), v in per_doc_type.items() if dd == d)
        if n != rows_per_doc:
            problems.append(f"{d}: {n} rows, expected {rows_per_doc}")
        if not 3 <= scope_all[d] <= 5:
            problems.append(f"{d}: {scope_all[d]} scope-all rows, expected about 4")

    print(f"{len(rows)} rows, {len(docs)} documents")
    print("per type:", dict(sorted(per_type.items())))
    print("scope all per doc:", dict(scope_all))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    print("OK")
    return 0


def check_listed_variants(rid, groups, text, variants, used, err):
    """Every key-fact alternative of a row occurs in its document as written, or is listed
    for the row in ``variants`` and matches after numeral/bracket normalisation; the listed
    ones met are added to ``used[rid]``. No group repeats an alternative or holds an empty one."""
    flat, normed = nospace(text), norm(text)
    for group in groups or []:
        if not isinstance(group, list):
            continue
        if len(set(group)) != len(group):
            err(f"{rid}: key-fact group repeats an alternative: {group!r}")
        for alt in group:
            if not isinstance(alt, str) or not alt.strip():
                err(f"{rid}: empty key-fact alternative")
                continue
            if nospace(alt) in flat:
                continue
            if alt in variants.get(rid, []):
                used.setdefault(rid, set()).add(alt)
                if not (norm(alt) in normed or is_numeral_or_bracket_variant(alt, flat)):
                    err(f"{rid}: listed variant {alt!r} does not match the document "
                        f"after numeral/bracket normalisation")
            else:
                err(f"{rid}: key-fact alternative {alt!r} not in the document "
                    f"and not listed in VARIANTS")


def check_variants_used(variants, used, err):
    """Every listed variant is needed: met by a row and not in its document as written."""
    for rid, alts in variants.items():
        for alt in alts:
            if alt not in used.get(rid, set()):
                err(f"VARIANTS entry {rid}: {alt!r} is not used (or is in the document as written)")


def load_linked_docs(stems, dirs, repo, err):
    """The documents a set links to: each stem read from the one folder of ``dirs`` that holds
    it. Returns the texts, each folder relative to ``repo``, and each file's path."""
    docs, where, paths = {}, {}, {}
    for stem in stems:
        found = [d for d in dirs if os.path.isfile(os.path.join(d, stem + ".txt"))]
        if len(found) != 1:
            err(f"{stem}: found in {len(found)} of the folders {dirs}, expected exactly 1")
            continue
        path = os.path.join(found[0], stem + ".txt")
        with open(path, encoding="utf-8") as f:
            docs[stem] = f.read()
        where[stem] = os.path.relpath(os.path.normpath(found[0]), repo)
        paths[stem] = path
    return docs, where, paths


def check_doc_links(paths, links, stems, err):
    """``docs/`` holds one relative symlink per document, resolving to the file read, and
    nothing else."""
    for stem, path in paths.items():
        link = os.path.join(links, stem + ".txt")
        if not os.path.islink(link):
            err(f"docs/{stem}.txt: missing or not a symlink")
            continue
        target = os.readlink(link)
        if os.path.isabs(target):
            err(f"docs/{stem}.txt: symlink target {target} is absolute, expected relative")
        if not os.path.exists(link) or not os.path.samefile(link, path):
            err(f"docs/{stem}.txt: does not resolve to {path}")
    if os.path.isdir(links):
        extra = sorted(set(os.listdir(links)) - {s + ".txt" for s in stems})
        if extra:
            err(f"docs/ holds unexpected entries: {extra}")


def finish(status, errors):
    """The exit status of a set's checker: the common checks' ``status``, or 1 with the
    set-specific ``errors`` listed."""
    return report(errors, " in the set-specific checks", "set-specific checks passed") or status


def check_paired_set(spec: dict, noisy_styles=("typo_keywords", "keywords", "long_chatty")) -> int:
    """The checks of a set written in the extra12 to extra14 layout (four documents, a
    refusal kind per refusal row, a near miss paired with its look-alike, listed numeral
    variants, noisy rows by style); ``spec`` is the set's check.py module constants."""
    g = spec
    DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC = (g[k] for k in ("DATA", "DOCS", "TYPES", "SPLIT", "ABSENT", "ROWS_PER_DOC"))
    COUNTS, KIND, PAIRS, VARIANTS = (g[k] for k in ("COUNTS", "KIND", "PAIRS", "VARIANTS"))
    NOISY_STYLE = g.get("NOISY_STYLE")  # (a set may leave its noisy rows unclassified)
    # A question about another place and one about another year are one kind.
    KIND = {rid: "other_place_or_year" if kind == "other_place" else kind for rid, kind in KIND.items()}
    MAX_GROUPS, MAX_COPY, ALT_LEN, DOC_NO, NAME = (g[k] for k in ("MAX_GROUPS", "MAX_COPY", "ALT_LEN", "DOC_NO", "NAME"))
    expected_kinds = Counter({"near_miss": 2, "other_place_or_year": 1, "off_topic": 1})
    status = check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)

    errors = []
    err = errors.append
    docs = load_docs(DOCS)
    rows = [r for _, r in read_rows(DATA, err)]

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
        n = id_number(rid, doc, typ)
        if n is not None:
            numbers[doc].append(n)
        if r.get("scope") != "doc":
            err(f"{rid}: scope must be doc")
        if r.get("split") != SPLIT:
            err(f"{rid}: split must be {SPLIT}")
        copy = longest_copy(r.get("question", ""), text)
        if len(copy) > len(most_copied[1]):
            most_copied = (rid, copy)
        if len(copy) > MAX_COPY:
            err(f"{rid}: question copies {len(copy)} characters of its document: {copy!r}")
        if typ == "noisy" and NOISY_STYLE is not None and rid not in NOISY_STYLE:
            err(f"{rid}: noisy row without a NOISY_STYLE")
        if r.get("refuse"):
            if KIND.get(rid) not in expected_kinds:
                err(f"{rid}: refusal row without a KIND")
            continue
        groups = r.get("key_facts") or []
        check_listed_variants(rid, groups, text, VARIANTS, used, err)
        for g in groups:
            for alt in g if isinstance(g, list) else []:
                if (isinstance(alt, str) and not ALT_LEN[0] <= len(alt) <= ALT_LEN[1]
                        and not DOC_NO.fullmatch(alt)):
                    err(f"{rid}: key-fact alternative {alt!r} is not {ALT_LEN[0]}-{ALT_LEN[1]} characters")
        if typ in MAX_GROUPS and len(groups) > MAX_GROUPS[typ]:
            err(f"{rid}: {len(groups)} key-fact groups, at most {MAX_GROUPS[typ]} on {typ} rows")
        # every key-fact group is proved by the evidence or, failing that, by the document
        ev = nospace("".join(r.get("evidence") or []))
        for g in groups:
            if isinstance(g, list) and not any(nospace(a) in ev for a in g):
                if not any(nospace(a) in nospace(text) for a in g):
                    if not all(is_numeral_or_bracket_variant(a, nospace(text)) for a in g):
                        err(f"{rid}: key-fact group {g!r} found neither in the evidence nor in the document")
        # evidence strings are not repeated within a row
        ev_list = r.get("evidence") or []
        if len(set(ev_list)) != len(ev_list):
            err(f"{rid}: evidence repeats a string")
    check_variants_used(VARIANTS, used, err)

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
        if kinds != expected_kinds:
            err(f"{doc}: refusal kinds {dict(kinds)}, expected {dict(expected_kinds)}")
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
    if NOISY_STYLE is not None:
        for rid in NOISY_STYLE:
            if rid not in by_id or by_id[rid].get("type") != "noisy":
                err(f"NOISY_STYLE lists {rid}, not a noisy row")
        styles = Counter(NOISY_STYLE.values())
        for style in noisy_styles:
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
    if NOISY_STYLE is not None:
        print("noisy rows per style:", dict(sorted(Counter(NOISY_STYLE.values()).items())))
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return finish(status, errors)

"""Checker of evals/extra15 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra15/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set (checklib.check_paired_set) follow: file names, type counts per
document, refusal kinds, near misses each followed by their look-alike, listed numeral
variants, noisy styles, key-fact lengths and the longest run a question copies from its
document. It prints a table of rows per type and document and ends with checklib's
report; the exit status is 0 when everything passes.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import checklib  # noqa: E402

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")
SPLIT = "dev"
ROWS_PER_DOC = 30

B = "beijing-2023-cross-provincial-government-services-implementation-plan"
Q = "qibao-2020-small-construction-projects-management-opinions"
N = "national-2025-ai-plus-manufacturing-implementation-opinions"
P = "pingtan-2015-homestead-land-rights-registration-plan"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document.
# - The Qibao opinions set time limits in working days but no calendar date a task is due
#   by, so their by_date slot is a third list row (the three earlier notices they repeal).
# - The national opinions give one target year (到2027年) and no responsible unit or date
#   per task: two of their deadline slots are no_deadline rows (定期, 逐步 instead of a
#   date) and the near miss's look-alike is a content row.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    B: dict(BASE),
    Q: dict(BASE, by_date=0, list=3),
    N: dict(BASE, deadline=1, no_deadline=2, content=4),
    P: dict(BASE),
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
    # how many 跨省通办 windows per centre and how many staff (only 设置“跨省通办”窗口)
    f"{B}-unanswerable-004": [r"窗口[^。\n]{0,10}\d+个", r"[一二三四五六七八九十\d]+个窗口",
                              r"\d+名", r"[一二三四五六七八九十]+名", r"配备"],
    # whether the IP operation service charges, and how much (none)
    f"{B}-unanswerable-008": [r"收费", r"费用", r"\d+元", r"免费"],
    f"{B}-unanswerable-029": [r"长三角", r"上海", r"江苏", r"浙江"],
    f"{B}-unanswerable-030": [r"中考", r"体育"],
    # the validity period of the construction permit and its extension (none)
    f"{Q}-unanswerable-004": [r"有效期", r"延期", r"\d+个月", r"失效"],
    # the names of the leading group's head and deputies (only 分管副镇长, names in 附件1)
    f"{Q}-unanswerable-008": [r"同志", r"副组长", r"组长[：:]",
                              r"组长由[^。\n]{0,6}(书记|镇长)[\u4e00-\u9fff]{2,3}担任"],
    f"{Q}-unanswerable-029": [r"莘庄"],
    f"{Q}-unanswerable-030": [r"停车", r"老街"],
    # the release month of the dataset-building guide (only 发布…建设指南)
    f"{N}-unanswerable-004": [r"建设指南[^。\n]{0,20}(\d{4}年|\d+月|年底)", r"\d+月底前", r"年底前"],
    # the size and manager of the national AI industry investment fund (none)
    f"{N}-unanswerable-008": [r"亿元", r"万元", r"基金[^。\n]{0,10}(规模|管理人|管理机构)"],
    f"{N}-unanswerable-029": [r"浙江", r"补贴", r"万元"],
    f"{N}-unanswerable-030": [r"国考", r"公务员", r"报名"],
    # an extension of the 30-day registration limit (none)
    f"{P}-unanswerable-004": [r"延长", r"延期", r"工作日"],
    # the yearly amount of the survey funds (only 逐年列支, 具体数额…核定)
    f"{P}-unanswerable-008": [r"万元", r"亿元", r"\d+元"],
    f"{P}-unanswerable-029": [r"福州", r"鼓楼"],
    f"{P}-unanswerable-030": [r"船票", r"客滚", r"台湾"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{B}-figure-011": ["八类"],
    f"{B}-list-016": ["10条", "十条"],
    f"{Q}-list-017": ["13条", "十三条"],
    f"{N}-list-016": ["五个"],
    f"{N}-list-017": ["29条", "二十九条"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{B}-noisy-027": "typo_keywords",
    f"{B}-noisy-028": "long_chatty",
    f"{Q}-noisy-027": "keywords",
    f"{Q}-noisy-028": "traditional",
    f"{N}-noisy-027": "long_chatty",
    f"{N}-noisy-028": "keywords",
    f"{P}-noisy-027": "typo_keywords",
    f"{P}-noisy-028": "traditional",
}

MAX_GROUPS = {"list": 4, "by_date": 4, "unit_tasks": 4}
MAX_COPY = 30          # no question repeats more than this many characters of its document
ALT_LEN = (2, 12)      # key-fact alternatives are 2-12 characters (a 文号 may be longer)
DOC_NO = re.compile(r".+〔(19|20)\d\d〕\d+号")
NAME = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)+")


def main():
    return checklib.check_paired_set(globals())


if __name__ == "__main__":
    sys.exit(main())

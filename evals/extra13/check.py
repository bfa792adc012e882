"""Checker of evals/extra13 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra13/check.py

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

P = "pingtan-2016-marine-economy-work-points"
S = "shanghai-2024-transport-refined-management-three-year-plan"
E = "guangzhou-2019-employment-internship-base-measures"
H = "guangzhou-2025-points-based-household-registration-measures"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The household-registration measures have no dated task,
# so their by_date slot is a fourth figure row.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    P: dict(BASE),
    S: dict(BASE),
    E: dict(BASE),
    H: dict(BASE, by_date=0, figure=4),
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
    PAIRS[f"{_doc}-deadline-005"] = f"{_doc}-unanswerable-004"
    PAIRS[f"{_doc}-unit-009"] = f"{_doc}-unanswerable-008"

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # the month the wind museum starts and its investment (only 2016年启动, 2018年完成建设)
    f"{P}-unanswerable-004": [r"风博物馆[^。\n]{0,30}\d+月", r"万元", r"亿元", r"总投资"],
    # the design unit drafting the fishing-port plan (only 组织编制)
    f"{P}-unanswerable-008": [r"设计单位", r"设计院", r"委托", r"编制单位"],
    f"{P}-unanswerable-029": [r"2017"],
    f"{P}-unanswerable-030": [r"动车", r"票价", r"福州南"],
    # the completion date of phase four (only 前期研究 in 2025 and 持续推进 in 2026)
    f"{S}-unanswerable-004": [r"四期工程[^\n]{0,30}(竣工|通车|完工)", r"四期工程[^\n]{0,20}\d+月"],
    # a 2026 target for MaaS users (only the current 715万)
    f"{S}-unanswerable-008": [r"2026[^\n]{0,40}注册用户", r"注册用户[^\n]{0,15}(达到|目标)"],
    f"{S}-unanswerable-029": [r"北京"],
    f"{S}-unanswerable-030": [r"末班车", r"春节"],
    # how long a base's recognition is valid (only 认定期限 without a number)
    f"{E}-unanswerable-004": [r"认定期限[为是]", r"基地[^。\n]{0,10}有效期", r"资格有效期"],
    # online submission and a web address
    f"{E}-unanswerable-008": [r"http", r"www", r"网上(申请|提交|办理)"],
    f"{E}-unanswerable-029": [r"深圳"],
    f"{E}-unanswerable-030": [r"公务员", r"报名"],
    # the length of the publicity period (only 公示期满)
    f"{H}-unanswerable-004": [r"公示期为", r"公示\d+", r"公示[一二三四五六七八九十]+", r"工作日"],
    # a hotline or an online application address
    f"{H}-unanswerable-008": [r"http", r"www", r"电话", r"网址", r"网上申报"],
    f"{H}-unanswerable-029": [r"佛山"],
    f"{H}-unanswerable-030": [r"摇号", r"车牌", r"中小客车"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{P}-list-016": ["七个", "7个", "七大"],
    f"{P}-number-019": ["九方面"],
    f"{S}-list-016": ["35项", "三十五项"],
    f"{S}-list-017": ["第七条", "第十二条"],
    f"{E}-list-016": ["九项", "9项"],
    f"{E}-list-017": ["六个", "6份", "六份"],
    f"{H}-list-017": ["6条"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{P}-noisy-027": "typo_keywords",
    f"{P}-noisy-028": "long_chatty",
    f"{S}-noisy-027": "keywords",
    f"{S}-noisy-028": "traditional",
    f"{E}-noisy-027": "long_chatty",
    f"{E}-noisy-028": "keywords",
    f"{H}-noisy-027": "typo_keywords",
    f"{H}-noisy-028": "long_chatty",
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

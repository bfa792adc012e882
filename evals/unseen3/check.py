"""Checker of evals/unseen3 (120 questions over the four documents of docs/, every row test).

Run from the repository root:

    .venv/bin/python evals/unseen3/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in checklib.check_paired_set; it prints a table of rows
per type and document and ends with checklib's report; the exit status is 0 when
everything passes.

This set is held out: every row is `test`. Its questions are read only by this checker
and by the evaluation run, never while writing rules.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import checklib  # noqa: E402

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")
SPLIT = "test"
ROWS_PER_DOC = 30

H = "hangzhou-2025-ai-innovation-highland-implementation-plan"
N = "nanjing-2026-ai-government-scenarios-plan"
T = "tianjin-2021-spring-festival-power-demand-response-rules"
G = "national-2023-medical-insurance-fund-supervision-opinions"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The Nanjing plan has one dated target (2026年底) and a
# half-yearly list: two of its deadline slots are no_deadline rows (限时完成, the tender
# waits on 立项批复) and its third figure slot is a content row. The national opinions
# set no date at all: three no_deadline rows (no fixed frequency, 按规定时限, 及时移交),
# one deadline row about the yearly inspection plan, one figure row, and the by_date and
# two figure slots become content rows.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    H: dict(BASE),
    N: dict(BASE, deadline=2, no_deadline=2, figure=2, content=4),
    T: dict(BASE),
    G: dict(BASE, deadline=1, no_deadline=3, figure=1, content=6, by_date=0),
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
PAIRS = {
    f"{H}-deadline-005": f"{H}-unanswerable-004",
    f"{H}-unit-009": f"{H}-unanswerable-008",
    f"{N}-deadline-005": f"{N}-unanswerable-004",
    f"{N}-unit-009": f"{N}-unanswerable-008",
    f"{T}-deadline-005": f"{T}-unanswerable-004",
    f"{T}-unit-009": f"{T}-unanswerable-008",
    f"{G}-no_deadline-005": f"{G}-unanswerable-004",
    f"{G}-unit-009": f"{G}-unanswerable-008",
}

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
NUM = r"(\d+|[一二三四五六七八九十两]+)"
ABSENT = {
    # a completion date for the 算力超市 (only 启动建设)
    f"{H}-unanswerable-004": [r"算力超市[^。\n]{0,40}(\d{4}年|月底|年底|前建成)",
                              r"(建成|投用)[^。\n]{0,10}算力超市"],
    # the company operating the embodied-AI pilot base (only 责任单位 bodies)
    f"{H}-unanswerable-008": [r"有限公司", r"股份", r"具身智能应用中试基地[^。\n]{0,30}(公司|企业)运营"],
    f"{H}-unanswerable-029": [r"宁波"],
    f"{H}-unanswerable-030": [r"限行", r"尾号"],
    # a calendar date for the next demand list (only 每半年)
    f"{N}-unanswerable-004": [r"\d+月\d+日(前|发布)", r"\d+月(份)?发布", r"[一二三四五六七八九十]+月(份)?发布",
                              r"榜单[^。\n]{0,20}\d+月"],
    # the head of the special team (only 市数据局会同市数治中心 成立专班)
    f"{N}-unanswerable-008": [r"组长", r"挂帅", r"市长", r"局长"],
    f"{N}-unanswerable-029": [r"苏州"],
    f"{N}-unanswerable-030": [r"公积金", r"贷款"],
    # a closing date for declarations (only 规定时间内)
    f"{T}-unanswerable-004": [r"截止", r"申报[^。\n]{0,15}(之前|前完成)", r"2月\d+日(前|之前)",
                              r"1月\d+日"],
    # an e-mail address (only names and phone numbers)
    f"{T}-unanswerable-008": [r"@", r"邮箱", r"电子邮件"],
    f"{T}-unanswerable-029": [r"2022年", r"2022-"],
    f"{T}-unanswerable-030": [r"阶梯"],
    # a number of working days for passing on clues (only 及时移交处理)
    f"{G}-unanswerable-004": [NUM + r"个工作日", r"\d+日内", r"\d+天", r"[一二三四五六七八九十]+日内"],
    # who pays the supervision budget and how much (only 各地区各有关部门 加大…经费 支持)
    f"{G}-unanswerable-008": [r"万元", r"经费[^。\n]{0,10}(标准|拨付)", r"财政部门", r"预算安排"],
    f"{G}-unanswerable-029": [r"2025", r"修订"],
    f"{G}-unanswerable-030": [r"缴费", r"\d+元", r"个人缴"],
}

# Key-fact alternatives not written as such in the document: bare counts. Each must match
# after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{H}-list-017": ["20条", "二十条"],
    f"{G}-figure-010": ["5类", "五类", "5个", "五个"],
}

# Noisy rows by style: typo_keywords, keywords and long_chatty are used twice each.
NOISY_STYLE = {
    f"{H}-noisy-027": "traditional",
    f"{H}-noisy-028": "long_chatty",
    f"{N}-noisy-027": "typo_keywords",
    f"{N}-noisy-028": "keywords",
    f"{T}-noisy-027": "keywords",
    f"{T}-noisy-028": "long_chatty",
    f"{G}-noisy-027": "typo_keywords",
    f"{G}-noisy-028": "traditional",
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

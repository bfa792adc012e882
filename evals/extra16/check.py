"""Checker of evals/extra16 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra16/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in checklib.check_paired_set; it prints a table of rows
per type and document and ends with checklib's report; the exit status is 0 when
everything passes.
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

B = "beijing-2022-community-village-services-standardization-plan"
C = "guangzhou-2024-public-rental-housing-management-measures"
E = "beijing-2019-government-services-rating-implementation-opinions"
F = "beijing-2025-hotline-complaint-handling-reform-opinions"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The hotline opinions set no dated task: two of their
# deadline slots are no_deadline rows (the text says 每年选取 and 定期举办 instead of a
# date), and the near miss's look-alike 005, the by_date slot and two figure slots are
# content rows (the opinions hold hardly any figures).
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    B: dict(BASE),
    C: dict(BASE),
    E: dict(BASE),
    F: dict(BASE, deadline=1, no_deadline=2, figure=1, content=7, by_date=0),
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
    PAIRS[f"{_doc}-{'content' if _doc == F else 'deadline'}-005"] = f"{_doc}-unanswerable-004"
    PAIRS[f"{_doc}-unit-009"] = f"{_doc}-unanswerable-008"

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
NUM = r"(\d+|[一二三四五六七八九十两]+)"
ABSENT = {
    # how many self-service machines per community (only 实现自助一体机全覆盖)
    f"{B}-unanswerable-004": [r"\d+台", r"[一二三四五六七八九十两]+台(?!账)", r"一体机[^。\n]{0,10}" + NUM + r"(台|套|个)"],
    # a city subsidy per service station (only 各区政府 经费保障)
    f"{B}-unanswerable-008": [r"万元", r"元/", r"补助标准", r"补贴", r"\d+元"],
    f"{B}-unanswerable-029": [r"2023年"],
    f"{B}-unanswerable-030": [r"家庭医生", r"签约"],
    # a time limit for the objection review (only 按规定完成调查核实)
    f"{C}-unanswerable-004": [r"异议[^。\n]{0,40}" + NUM + r"(个工作日|日|天)",
                              r"复核[^。\n]{0,20}" + NUM + r"(个工作日|日内|天)"],
    # the name of the operating company (only 市或区属国有住房租赁公司 / 专业化住房租赁经营机构)
    f"{C}-unanswerable-008": [r"有限公司", r"集团", r"股份"],
    f"{C}-unanswerable-029": [r"深圳"],
    f"{C}-unanswerable-030": [r"地铁", r"学生卡"],
    # a further appeal after the review (only 申诉复核机制, 7个工作日内开展调查取证)
    f"{E}-unanswerable-004": [r"不服", r"再次申诉", r"上一级", r"二次复核", r"复核结果"],
    # who pays for the third-party satisfaction survey (only 各级政府 委托第三方)
    f"{E}-unanswerable-008": [r"经费", r"费用", r"财政", r"预算"],
    f"{E}-unanswerable-029": [r"上海"],
    f"{E}-unanswerable-030": [r"积分落户", r"分数线"],
    # a fixed number of days for handling a complaint (only 科学合理确定…办理时限)
    f"{F}-unanswerable-004": [r"办理时限[^。\n]{0,10}" + NUM + r"(天|日|个工作日|小时)",
                              r"\d+(天|日|个工作日|小时)内", r"[一二三四五六七八九十]+(天|日|个工作日|小时)内"],
    # the named bureaus leading the 每月一题 topics (only 明确市级主责部门)
    f"{F}-unanswerable-008": [r"主责部门[^。\n]{0,6}(为|是|包括)",
                              r"市(住房城乡建设委|城市管理委|交通委|市场监管局|民政局|卫生健康委|教委|水务局|规划自然资源委)"],
    f"{F}-unanswerable-029": [r"天津"],
    f"{F}-unanswerable-030": [r"医保", r"报销"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{F}-figure-010": ["25条"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{B}-noisy-027": "traditional",
    f"{B}-noisy-028": "keywords",
    f"{C}-noisy-027": "keywords",
    f"{C}-noisy-028": "long_chatty",
    f"{E}-noisy-027": "typo_keywords",
    f"{E}-noisy-028": "long_chatty",
    f"{F}-noisy-027": "typo_keywords",
    f"{F}-noisy-028": "long_chatty",
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

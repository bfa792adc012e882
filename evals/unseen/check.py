"""Checks evals/unseen/dataset.jsonl against the documents in evals/unseen/docs/.

Run from anywhere:  python3 evals/unseen/check.py
Exits non-zero and lists the problems if any row fails.

The checks are checklib.check_test_set (evals/checklib.py); this file holds the
set's own constants.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DOCS = os.path.join(HERE, "docs")
DATASET = os.path.join(HERE, "dataset.jsonl")

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks", "by_date",
         "meta", "followup", "noisy", "unanswerable", "cross"}
SPLIT = "test"
ROWS_PER_DOC = 30

# For every unanswerable row: patterns (regular expressions) for the fact it asks about.
# None of them may match the document; this is the "searched and absent" check.
ABSENT = {
    "fujian-2023-college-student-innovation-entrepreneurship-measures-unanswerable-001": [r"2024"],
    "fujian-2023-college-student-innovation-entrepreneurship-measures-unanswerable-002": [
        r"一次性创业补贴[^。]*\d+元", r"\d+元[^。]*一次性创业补贴", r"补贴标准"],
    "fujian-2023-college-student-innovation-entrepreneurship-measures-unanswerable-003": [
        r"联系人", r"电话", r"联系方式"],
    "pingtan-2016-ecological-environment-protection-work-points-unanswerable-001": [r"2017"],
    "pingtan-2016-ecological-environment-protection-work-points-unanswerable-002": [
        r"污水处理厂[^。|]*亿元", r"污水处理厂[^。|]*万元", r"总投资"],
    "pingtan-2016-ecological-environment-protection-work-points-unanswerable-003": [r"局长"],
    "junshan-2023-work-safety-work-points-unanswerable-001": [r"经费", r"万元", r"资金"],
    "junshan-2023-work-safety-work-points-unanswerable-002": [r"2022年[^。]*事故", r"\d+起"],
    "junshan-2023-work-safety-work-points-unanswerable-003": [r"处长", r"电话", r"联系人"],
    "pingtan-2023-enterprise-internal-fuel-station-filing-work-plan-unanswerable-001": [
        r"费用", r"收费", r"缴费", r"交费"],
    "pingtan-2023-enterprise-internal-fuel-station-filing-work-plan-unanswerable-002": [
        r"罚款", r"\d+元", r"罚金"],
    "pingtan-2023-enterprise-internal-fuel-station-filing-work-plan-unanswerable-003": [
        r"\d+家", r"已备案\S{0,6}[0-9一二三四五六七八九十]+"],
}


def main():
    return checklib.check_test_set(DATASET, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check evals/extra4/dataset.jsonl against the documents in evals/extra4/docs/.

Run from anywhere:  python3 evals/extra4/check.py
Exit status 0 when every check passes, 1 otherwise.

The checks (listed in its docstring) are checklib.check_dev_set (evals/checklib.py),
with 35 rows per document; this file holds the set's own constants.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}
SPLIT = "dev"
ROWS_PER_DOC = 35

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-032': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '补贴标准', '元/(瓦|W|千瓦)'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-033': ['2022', '已建成', '现有.{0,6}装机', '累计.{0,6}装机'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-034': ['电话', '\\d{3,4}-\\d{7,8}', '联系人'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-035': ['电价', '元/千瓦时', '度电', '上网电价'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-032': ['\\d+\\s*(个|座)(消防)?(救援)?站', '[一二三四五六七八九十百千]+(个|座)消防', '现有.{0,8}消防救援站', '共有.{0,8}消防救援站'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-033': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '预算', '投入.{0,6}\\d'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-034': ['\\d+\\s*(个|具|处)', '缺口\\s*\\d', '[一二三四五六七八九十百千]+(个|具|处)'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-035': ['\\d{4}年\\d{1,2}月(底)?前', '\\d{4}年(底|内)', '标准.{0,20}\\d{4}年'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-032': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '经费\\s*\\d', '预算'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-033': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '补贴标准', '每(人|次)每?(月|次|年)?\\s*\\d'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-034': ['\\d+\\s*(座|个)消防站', '[一二三四五六七八九十]+(座|个)消防站', '共有.{0,6}消防站', '现有.{0,6}消防站'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-035': ['万荣.{0,20}\\d{4}年', '万荣.{0,20}\\d{1,2}月'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-032': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '奖励', '补助\\s*\\d'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-033': ['第一批', '名单如下', '临港', '张江', '漕河泾', '金桥', '外高桥'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-034': ['碳排放强度', '吨二氧化碳', 'tCO2', '单位能耗碳排放'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-035': ['截止', '\\d{4}年\\d{1,2}月\\d{1,2}日前', '\\d{1,2}月\\d{1,2}日前'],
}


def main():
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())

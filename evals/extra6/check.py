#!/usr/bin/env python3
"""Check evals/extra6/dataset.jsonl against the documents in evals/extra6/docs/.

Run from anywhere:  python3 evals/extra6/check.py
Exit status 0 when every check passes, 1 otherwise.

The checks (listed in its docstring) are checklib.check_dev_set (evals/checklib.py),
with 40 rows per document; this file holds the set's own constants.
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
ROWS_PER_DOC = 40

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document. [^\\n] keeps a pattern inside one line
# (one paragraph); a pattern with \\n spans the break to the next paragraph.
ABSENT = {
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-033': ["\\d+(\\.\\d+)?\\s*(万|亿)?元", "万元", "亿元", "专项资金"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-034': ["联系点[^\\n]{0,80}\\d+月", "联系点[^\\n]{0,80}\\d{4}年", "全覆盖[^\\n]{0,10}前"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-035': ["联系人", "电话", "\\d{3,4}-\\d{7,8}", "局长"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-036': ["扣分", "扣减", "扣发", "处罚", "罚款", "问责"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-037': ["2022年[^\\n]{0,20}(营业总收入|利润总额|同比增长)", "(营业总收入|利润总额)[^\\n]{0,30}2022"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-038': ["水务"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-039': ["三支团队[^\\n]*牵头", "14\\.打造三支团队[^\\n]*\\n[^\\n]*牵头"],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-040': ["\\d+\\s*分", "评分", "打分", "考核细则"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-033': ["申请材料", "提交[^\\n]{0,10}(材料|证明)", "租赁合同"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-034': ["电话", "\\d{3,4}-\\d{7,8}", "热线\\s*[:：]?\\s*\\d", "\\d{5,}"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-035': ["共计", "总额", "亿元", "资金规模", "安排[^\\n]{0,6}资金"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-036': ["处罚", "罚款", "追回", "失信", "取消[^\\n]{0,6}资格"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-037': ["农业农村局"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-038': ["培训补贴[^\\n]{0,40}(申请|申报|窗口|受理)", "(申请|申报|受理)[^\\n]{0,40}培训补贴"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-039': ["延期缴纳[^\\n]{0,40}\\d+月\\d+日", "\\d+月\\d+日前", "申请[^\\n]{0,10}(截止|前提交)"],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-040': ["牵头", "人社", "人力资源", "社保(局|中心|部门)", "失业保险[^\\n]{0,60}(局|中心)"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-033': ["\\d+(\\.\\d+)?\\s*(万|亿)?元", "万元", "亿元"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-034': ["联系人", "电话", "\\d{3,4}-\\d{7,8}"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-035': ["河长办", "河长制办公室"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-036': ["清洁日[^\\n]{0,20}(每月|每周|\\d+次|一次)", "(每月|每周)[^\\n]{0,10}清洁日"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-037': ["罚款", "处罚", "\\d+\\s*元"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-038': ["\\d+\\s*个(行政)?村", "[一二三四五六七八九十百]+个(行政)?村"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-039': ["2030"],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-040': ["分担比例[^\\n]{0,10}\\d", "\\d+%[^\\n]{0,10}(付费|分担)", "付费[^\\n]{0,20}\\d+\\s*(元|%)"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-033': ["\\d+(\\.\\d+)?\\s*(万|亿)?元", "万元", "亿元", "预算"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-034': ["电话", "\\d{3,4}-\\d{7,8}", "联系人", "地址"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-035': ["2020"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-036': ["灯光秀[^\\n]{0,200}\\d+月", "灯光秀[^\\n]{0,200}\\d{4}年"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-037': ["商务局"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-038': ["3\\.引进台湾特色餐饮[^\\n]*\\n牵头单位", "台湾特色餐饮[^\\n]*牵头"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-039': ["\\d+\\s*家", "[一二三四五六七八九十百]+家"],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-040': ["考核标准", "考核指标", "考核内容", "考核办法"],
}


def main():
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())

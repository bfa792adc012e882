#!/usr/bin/env python3
"""Check evals/extra5/dataset.jsonl against the documents in evals/extra5/docs/.

Run from anywhere:  python3 evals/extra5/check.py
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
# None of them may match the row's document.
ABSENT = {
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-033': ['宝府办', '〔20\\d\\d〕\\d+号'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-034': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '万元', '经费标准'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-035': ['补贴政策.{0,20}\\d{4}年', '补贴政策.{0,20}\\d{1,2}月'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-036': ['联系人', '电话\\s*[:：]?\\s*\\d', '\\d{3,4}-\\d{7,8}'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-037': ['2020年.{0,20}达标村', '2020年创建'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-038': ['生态环境局'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-039': ['罚款', '\\d+\\s*元'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-040': ['\\d+\\s*分(以上|及以上)?', '评分', '验收标准'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-033': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '亿元', '万元'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-034': ['修编.{0,12}\\d{4}年(底)?前', '\\d{4}年(底)?前.{0,12}修编'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-035': ['2031年', '2032年', '2035年.{0,10}达标评估'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-036': ['联系人', '电话', '\\d{3,4}-\\d{7,8}'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-037': ['南翔'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-038': ['积水点.{0,10}\\d+\\s*(个|处)', '\\d+\\s*(个|处)积水点'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-039': ['罚款', '\\d+\\s*元', '处罚'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-040': ['朱桥片区）\\s*\\|\\s*4\\.62\\s*\\|\\s*20\\d\\d年', '朱桥片区.{0,20}达标评估'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-033': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '元/(瓦|千瓦|W|kW)', '补贴标准'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-034': ['兆瓦', 'MW', '千瓦'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-035': ['黄发改', '〔20\\d\\d〕\\d+号'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-036': ['试点项目.{0,20}\\d{4}年', '整区域光伏.{0,30}\\d{4}年'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-037': ['外滩街道'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-038': ['已建成.{0,10}\\d+', '\\d+\\s*个(光伏)?项目'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-039': ['扣分', '问责', '\\d+\\s*分'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-040': ['牵头', '水厂.{0,80}区水务局'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-033': ['虹府规', '〔20\\d\\d〕\\d+号'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-034': ['\\d+(\\.\\d+)?\\s*元', '收费标准'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-035': ['罚款', '\\d+\\s*元', '万元'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-036': ['电话', '地址', '\\d{3,4}-\\d{7,8}', '路\\d+号'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-037': ['\\d+\\s*家', '[一二三四五六七八九十]+家'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-038': ['生态环境局'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-039': ['2028', '延期', '延长'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-040': ['工作日', '\\d+\\s*日内', '\\d+\\s*天'],
}


def main():
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())

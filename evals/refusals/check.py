#!/usr/bin/env python3
"""Check evals/refusals/dataset.jsonl against its six documents.

The documents are not copied here: four are in evals/extra/docs/ and two in
evals/extra2/docs/. Each row's `doc` (a file stem) is read from whichever of the
two folders holds it.

Run from anywhere:  python3 evals/refusals/check.py
Exit status 0 when every check passes, 1 otherwise.

Checks:
  * every line is valid JSON with the fields in the order
    id, doc, type, scope, question, evidence, key_facts, refuse, split (no history);
  * ids are unique and of the form <doc>-<type>-NNN, NNN running 001-016 within each
    document; type takes an allowed value; every scope is "doc"; every split is "dev";
  * each document file is in exactly one of the two folders, is 3,000-20,000
    characters long, and has 16 rows: 8 unanswerable and 8 answerable;
  * refuse is true exactly on unanswerable rows, which have empty evidence and key_facts;
  * answerable rows have 1-3 evidence strings, each a verbatim substring of ONE line
    of the row's document, and at least one key-fact group;
  * every key-fact group has an alternative found in the document with spaces
    removed, or one that matches after numeral (Chinese -> Arabic) and bracket
    (full-width/half-width, 〔〕/[]) normalisation;
  * every unanswerable row has search patterns (ABSENT below) for the fact it asks
    about, and none of them matches its document;
  * every unanswerable row has a kind (KIND below); at least 5 of each document's 8
    are "detail left out while the topic is covered" (DETAIL_KINDS);
  * every answerable row is the near-miss of one unanswerable row of the same
    document (PAIRS below), and every unanswerable row has exactly one near-miss;
  * no question copies a run of MAX_COPY+1 or more characters from its document.

The checks are checklib.check_refusal_set (evals/checklib.py); this file holds the
set's own constants and tables and reads its documents.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DATA = os.path.join(HERE, "dataset.jsonl")
DOC_DIRS = [os.path.join(HERE, "..", "extra", "docs"),
            os.path.join(HERE, "..", "extra2", "docs")]

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "unanswerable"}
SPLIT = "dev"
ROWS_PER_DOC, REFUSALS_PER_DOC, MIN_DETAIL = 16, 8, 5
MAX_COPY = 9

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-001': ['越秀', '荔湾', '海珠', '天河', '白云', '黄埔', '番禺', '花都', '南沙', '从化', '增城', '坐落', '地址[：:]'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-003': ['\\d+(\\.\\d+)?\\s*万', '建设经费(标准|不超过|最高|按每)'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-005': ['厨师', '\\d+\\s*名(以上)?(工作人员|从业人员|厨师|食品安全管理人员)', '(工作人员|从业人员)(不少于|不得少于|至少)'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-007': ['罚款', '\\d+\\s*倍', '处\\d+'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-009': ['招标', '比选', '竞争性磋商', '遴选(程序|流程|方式|办法)', '采购方式'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-011': ['录入.{0,30}(\\d+|[一二三四五六七八九十]+)个?工作日', '(\\d+|[一二三四五六七八九十]+)个?工作日内.{0,40}录入', '录入.{0,30}(\\d+|[一二三四五六七八九十]+)日内'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-013': ['万人次', '成效', '服务(了)?(老年人)?\\d+(\\.\\d+)?\\s*(万|人)', '累计'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-015': ['深圳', '佛山', '东莞', '上海', '北京'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-001': ['龙王头', '石牌洋', '坛南湾', '北港', '猴研', '将军山', '68海里', '仙人井', '长江澳', '君山'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-003': ['组长', '成员[：:]', '成员单位', '副主任'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-005': ['\\d+\\s*名(以上)?(安全)?巡查督导员', '督导员(不少于|不得少于|至少)', '(每个|每处|每家)景区.{0,15}(\\d+|[一二三四五六七八九十]+)\\s*名'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-007': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '吊销'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-009': ['标准.{0,20}(\\d+月\\d*日?|年底|月底)前', '(\\d+月\\d*日?|年底|月底)前.{0,20}(制定|出台).{0,10}标准'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-011': ['(信息|上报|填报|报送)系统', 'APP', 'App', '小程序', '(上报|填报|报送)平台'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-013': ['\\d+\\s*(处|个|项)(安全)?隐患', '整改率', '销号\\d', '累计'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-015': ['相比', '比较', '更(严|高|多)', '严于'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-001': ['\\d+\\s*(家|户)', '多少家'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-003': ['受理.{0,30}\\d+\\s*个?工作日内(完成|作出|办结)', '(办结|完成修复|完成信用修复).{0,10}\\d+\\s*个?工作日', '\\d+\\s*个?工作日内(完成|办结)'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-005': ['联系人', '电话', '\\d{3,4}-\\d{7,8}', '同志', '科长', '处长', '局长'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-007': ['营业执照', '复印件', '身份证'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-009': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-011': ['预约', '约谈(地点|时间|方式)', '地址', '到.{0,10}(大厅|窗口)'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-013': ['2024', '修订'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-015': ['缩短', '平均', '提速', '\\d+(\\.\\d+)?\\s*%'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-001': ['青岛', '雪花', '百威', '燕京', '哈尔滨', '惠泉', '嘉士伯', '喜力', '珠江'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-003': ['评委', '评审', '嘉宾[：:]'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-005': ['奖金', '\\d+(\\.\\d+)?\\s*(万|亿)?元', '美元'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-007': ['报名', '截止', '投稿'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-009': ['散客.{0,40}(\\d+月|年底|月底|\\d+日)前', '(\\d+月(底|份)?|年底|\\d+日)前.{0,20}(出台|制定)'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-011': ['主题歌曲[《“"]', '歌名', '主题曲', '演唱者', '原唱'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-013': ['同比', '增长\\d', '游客(量|人次|人数).{0,6}\\d', '万人次'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-015': ['最值得', '推荐'],
    'guangdong-2021-public-data-management-measures-unanswerable-001': ['数据交易所', '交易中心', '广州数据', '深圳数据'],
    'guangdong-2021-public-data-management-measures-unanswerable-003': ['\\d{4}年\\d+月(底)?前', '年底前', '月底前', '\\d+个月内'],
    'guangdong-2021-public-data-management-measures-unanswerable-005': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '没收'],
    'guangdong-2021-public-data-management-measures-unanswerable-007': ['\\d+\\s*名', '安全管理员', '(不少于|至少)\\s*\\d'],
    'guangdong-2021-public-data-management-measures-unanswerable-009': ['电话', 'http', '网址', '12345', '热线'],
    'guangdong-2021-public-data-management-measures-unanswerable-011': ['每(天|日|周|月|季度|年)', '\\d+\\s*(天|小时|周)', '备份(周期|频率|频次)'],
    'guangdong-2021-public-data-management-measures-unanswerable-013': ['浙江', '上海', '贵州', '相比', '不同于'],
    'guangdong-2021-public-data-management-measures-unanswerable-015': ['数据集', '开放.{0,10}\\d+\\s*(个|项|条)', '\\d+\\s*(万|亿)条'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-001': ['\\d+(\\.\\d+)?\\s*(万|千)?元', '万元'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-003': ['第一批', '首批', '有限公司', '入选企业(名单|有|为)'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-005': ['海珠', '荔湾', '白云', '番禺', '花都', '黄埔', '萝岗', '从化', '增城', '选址', '地块'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-007': ['(建成|上线|投入使用).{0,10}(\\d{4}年|年底|月底)', '(\\d{4}年\\d*月?底?|年底)前.{0,15}(平台|系统)'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-009': ['申报(程序|流程|材料|时间|条件)', '报名', '窗口', '受理'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-011': ['追责', '问责', '扣分', '通报批评', '处分', '约谈'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-013': ['2017', '2018', '2019', '新一轮'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-015': ['已(经)?达到', '实际达到', '达到了', '完成情况'],
}

# What kind of fact each unanswerable row asks for.
DETAIL_KINDS = {"sites", "companies", "count", "names", "deadline", "money", "staff",
                "penalty", "procedure", "system", "material", "title", "frequency", "contact"}
OTHER_KINDS = {"other_year", "other_city", "effect", "comparison", "opinion"}
KIND = {
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-001': 'sites',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-003': 'money',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-005': 'staff',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-007': 'penalty',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-009': 'procedure',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-011': 'deadline',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-013': 'effect',
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-015': 'comparison',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-001': 'sites',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-003': 'names',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-005': 'staff',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-007': 'penalty',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-009': 'deadline',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-011': 'system',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-013': 'effect',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-015': 'comparison',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-001': 'count',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-003': 'deadline',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-005': 'names',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-007': 'material',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-009': 'penalty',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-011': 'procedure',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-013': 'other_year',
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-015': 'effect',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-001': 'companies',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-003': 'names',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-005': 'money',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-007': 'procedure',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-009': 'deadline',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-011': 'title',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-013': 'effect',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-015': 'opinion',
    'guangdong-2021-public-data-management-measures-unanswerable-001': 'system',
    'guangdong-2021-public-data-management-measures-unanswerable-003': 'deadline',
    'guangdong-2021-public-data-management-measures-unanswerable-005': 'penalty',
    'guangdong-2021-public-data-management-measures-unanswerable-007': 'staff',
    'guangdong-2021-public-data-management-measures-unanswerable-009': 'contact',
    'guangdong-2021-public-data-management-measures-unanswerable-011': 'frequency',
    'guangdong-2021-public-data-management-measures-unanswerable-013': 'comparison',
    'guangdong-2021-public-data-management-measures-unanswerable-015': 'effect',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-001': 'money',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-003': 'companies',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-005': 'sites',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-007': 'deadline',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-009': 'procedure',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-011': 'penalty',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-013': 'other_year',
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-015': 'effect',
}

# Near-miss answerable row -> the unanswerable row on the same topic.
PAIRS = {
    'guangzhou-2024-elderly-meal-assistance-measures-content-002': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-001',
    'guangzhou-2024-elderly-meal-assistance-measures-unit-004': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-003',
    'guangzhou-2024-elderly-meal-assistance-measures-figure-006': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-005',
    'guangzhou-2024-elderly-meal-assistance-measures-unit-008': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-007',
    'guangzhou-2024-elderly-meal-assistance-measures-list-010': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-009',
    'guangzhou-2024-elderly-meal-assistance-measures-deadline-012': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-011',
    'guangzhou-2024-elderly-meal-assistance-measures-meta-014': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-013',
    'guangzhou-2024-elderly-meal-assistance-measures-figure-016': 'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-015',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unit-002': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-001',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-content-004': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-003',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-figure-006': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-005',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-content-008': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-007',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-deadline-010': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-009',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-deadline-012': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-011',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-figure-014': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-013',
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-meta-016': 'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-015',
    'pingtan-2023-credit-commitment-repair-online-plan-content-002': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-001',
    'pingtan-2023-credit-commitment-repair-online-plan-deadline-004': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-003',
    'pingtan-2023-credit-commitment-repair-online-plan-unit-006': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-005',
    'pingtan-2023-credit-commitment-repair-online-plan-list-008': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-007',
    'pingtan-2023-credit-commitment-repair-online-plan-content-010': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-009',
    'pingtan-2023-credit-commitment-repair-online-plan-content-012': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-011',
    'pingtan-2023-credit-commitment-repair-online-plan-meta-014': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-013',
    'pingtan-2023-credit-commitment-repair-online-plan-figure-016': 'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-015',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-content-002': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-001',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-content-004': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-003',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-content-006': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-005',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unit-008': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-007',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unit-010': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-009',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-deadline-012': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-011',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-figure-014': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-013',
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-list-016': 'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-015',
    'guangdong-2021-public-data-management-measures-content-002': 'guangdong-2021-public-data-management-measures-unanswerable-001',
    'guangdong-2021-public-data-management-measures-unit-004': 'guangdong-2021-public-data-management-measures-unanswerable-003',
    'guangdong-2021-public-data-management-measures-content-006': 'guangdong-2021-public-data-management-measures-unanswerable-005',
    'guangdong-2021-public-data-management-measures-content-008': 'guangdong-2021-public-data-management-measures-unanswerable-007',
    'guangdong-2021-public-data-management-measures-unit-010': 'guangdong-2021-public-data-management-measures-unanswerable-009',
    'guangdong-2021-public-data-management-measures-content-012': 'guangdong-2021-public-data-management-measures-unanswerable-011',
    'guangdong-2021-public-data-management-measures-meta-014': 'guangdong-2021-public-data-management-measures-unanswerable-013',
    'guangdong-2021-public-data-management-measures-content-016': 'guangdong-2021-public-data-management-measures-unanswerable-015',
    'guangzhou-2012-talent-agglomeration-project-opinions-content-002': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-001',
    'guangzhou-2012-talent-agglomeration-project-opinions-figure-004': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-003',
    'guangzhou-2012-talent-agglomeration-project-opinions-figure-006': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-005',
    'guangzhou-2012-talent-agglomeration-project-opinions-deadline-008': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-007',
    'guangzhou-2012-talent-agglomeration-project-opinions-unit-010': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-009',
    'guangzhou-2012-talent-agglomeration-project-opinions-content-012': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-011',
    'guangzhou-2012-talent-agglomeration-project-opinions-content-014': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-013',
    'guangzhou-2012-talent-agglomeration-project-opinions-figure-016': 'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-015',
}


def load_docs(err):
    docs, where = {}, {}
    for folder in DOC_DIRS:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            stem = name[:-4]
            if stem in docs:
                err(f"{stem}: in both {where[stem]} and {folder}")
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                docs[stem] = f.read()
            where[stem] = os.path.relpath(folder, os.path.join(HERE, ".."))
    return docs, where


def main():
    errors = []
    docs, where = load_docs(errors.append)
    return checklib.check_refusal_set(
        DATA, docs, where, errors, types=TYPES, split=SPLIT, absent=ABSENT, kind=KIND,
        detail_kinds=DETAIL_KINDS, other_kinds=OTHER_KINDS, pairs=PAIRS,
        rows_per_doc=ROWS_PER_DOC, refusals_per_doc=REFUSALS_PER_DOC,
        min_detail=MIN_DETAIL, max_copy=MAX_COPY,
        unknown_doc_note=f" (not in {', '.join(DOC_DIRS)})")


if __name__ == "__main__":
    sys.exit(main())

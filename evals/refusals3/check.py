#!/usr/bin/env python3
"""Check evals/refusals3/dataset.jsonl against its sixteen documents.

The documents are not copied here. They are the .txt files of the development sets
extra3/, extra4/, extra5/ and extra6/ (four each, in evals/extraN/docs/). Each row's
`doc` (a file stem) is read from whichever of the four folders holds it. docs/ holds
relative symlinks to the same sixteen files.

Run from anywhere:  python3 evals/refusals3/check.py
Exit status 0 when every check passes, 1 otherwise.

Checks (adapted from evals/refusals2/check.py):
  * every line is valid JSON with the fields in the order
    id, doc, type, scope, question, evidence, key_facts, refuse, split (no history);
  * ids are unique and of the form <doc>-<type>-NNN, NNN running 001-010 within each
    document; type takes an allowed value; every scope is "doc"; every split is "dev";
  * each of the sixteen documents (DOCS) is found in exactly one of the four folders,
    is 3,000-20,000 characters long, and has 10 rows: 5 unanswerable and 5 answerable;
  * docs/<doc>.txt exists for each document, is a relative symlink, and resolves to
    the same file as the one read; docs/ holds nothing else;
  * refuse is true exactly on unanswerable rows, which have empty evidence and key_facts;
  * answerable rows have 1-3 evidence strings, each a verbatim substring of ONE line
    of the row's document, and at least one key-fact group;
  * every key-fact group has an alternative found in the document with spaces
    removed, or one that matches after numeral (Chinese -> Arabic) and bracket
    (full-width/half-width, 〔〕/[]) normalisation; moreover EVERY alternative is found
    that way, unless it is listed in VARIANTS (numeral, unit and date format
    variants), and every VARIANTS entry is an alternative of its row that is not in
    the document;
  * every unanswerable row has search patterns (ABSENT below) for the fact it asks
    about, and none of them matches its document;
  * every unanswerable row has a kind (KIND below); at least 3 of each document's 5
    are "detail left out while the topic is covered" (DETAIL_KINDS);
  * every answerable row is the near-miss of one unanswerable row of the same
    document (PAIRS below), and every unanswerable row has exactly one near-miss;
    the near-miss is numbered right after its unanswerable row (001 -> 002, ...);
  * every COMPOUND row is an unanswerable row whose question asks two things (two
    question marks);
  * no question copies a run of MAX_COPY+1 or more characters from its document.

The shared checks are checklib.check_refusal_set (evals/checklib.py); this file holds
the set's own constants and tables, reads its documents and adds the VARIANTS and
COMPOUND checks.
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(HERE, "dataset.jsonl")
LINKS = os.path.join(HERE, "docs")
DOC_DIRS = [os.path.join(REPO, "evals", name, "docs")
            for name in ("extra3", "extra4", "extra5", "extra6")]

DOCS = [
    'pingtan-2016-public-resource-trading-platform-plan',
    'chongming-2017-high-rise-fire-safety-governance-plan',
    'tianhe-2026-kindergarten-enrollment-work-plan',
    'fengxian-2022-emergency-shelter-construction-plan',
    'jingan-2019-fire-rescue-three-year-action-plan',
    'shanghai-2023-fire-infrastructure-implementation-opinions',
    'shanghai-2023-transport-photovoltaic-implementation-plan',
    'shanghai-2026-zero-carbon-park-work-plan',
    'baoshan-2019-garbage-classification-implementation-plan',
    'hongkou-2022-construction-waste-management-opinions',
    'huangpu-2025-renewable-energy-action-plan',
    'jiading-2024-sponge-city-implementation-plan',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan',
    'pingtan-2020-sme-epidemic-relief-twenty-measures',
    'pingtan-2021-soe-upgrade-year-action-plan',
    'suping-2023-rural-living-environment-improvement-plan',
]

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "unanswerable"}
SPLIT = "dev"
ROWS_PER_DOC, REFUSALS_PER_DOC, MIN_DETAIL = 10, 5, 3
MIN_CHARS, MAX_CHARS = 3000, 20000
MAX_COPY = 9

# What kind of fact an unanswerable row asks for. "Detail" kinds ask for a detail the
# document leaves out although it covers the topic; the others ask for another year's,
# period's or place's version.
DETAIL_KINDS = {"deadline", "unit", "unit_duties", "money", "figure", "count", "staff",
                "names", "contact", "companies", "penalty", "procedure", "form"}
OTHER_KINDS = {"other_year", "other_city"}

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-001': ['通报机制[^\\n]{0,40}(\\d{4}年|月底|年底|前完成)'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-003': ['税务'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-005': ['保证金[^\\n]{0,20}(\\d+(\\.\\d+)?\\s*%|百分之|比例)', '%', '百分之'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-007': ['http', 'www', '网址', '\\.cn', '\\.com'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-009': ['罚款', '处分', '责令', '处罚[^\\n]{0,6}(交易中心|工作人员)'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-001': ['(拆除|更换)[^\\n]{0,40}(\\d+月\\d*日?前|\\d+月底|年底前)', '(\\d+月\\d+日|\\d+月底|年底)前[^\\n]{0,10}(拆除|更换)'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-003': ['城管', '城市管理'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-005': ['安全距离[^\\n]{0,10}\\d', '\\d+(\\.\\d+)?\\s*米', '外墙[^\\n]{0,20}\\d+(\\.\\d+)?\\s*m'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-007': ['组长[：:]', '组长[^\\n]{0,3}同志', '区长', '同志任'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-009': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '没收'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-001': ['健康检查[^\\n]{0,40}(\\d+月\\d+日|前完成)', '体检'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-003': ['民政'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-005': ['其他部门办[^\\n]{0,80}\\d+(\\.\\d+)?%', '(国有企业|事业单位|部队|机关|村集体)[^\\n]{0,80}\\d+(\\.\\d+)?%'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-007': ['(监督|投诉|举报)电话[：:为是]?\\s*\\d', '12345', '12315'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-009': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '没收'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-001': ['专业规划[^\\n]{0,30}(\\d{4}年|年底|月底|前完成)'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-003': ['维保经费[^\\n]{0,10}\\d', '维修养护[^\\n]{0,10}\\d+(\\.\\d+)?\\s*(万)?元', '维护[^\\n]{0,6}\\d+(\\.\\d+)?\\s*万元'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-005': ['电话', '联系人', '(?<!\\d)\\d{8}(?!\\d)', '\\d{3,4}-\\d{7,8}'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-007': ['2030'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-009': ['启用(程序|流程|步骤|条件)', '启用[^\\n]{0,10}(报批|审批|批准)'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-001': ['2022', '2023', '2024'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-003': ['牵头'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-005': ['养老机构[^\\n]{0,40}\\d+\\s*(家|所|个)', '\\d+\\s*家'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-007': ['站长', '队长', '同志', '指导员'],
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-009': ['扣分', '问责', '约谈', '一票否决', '通报批评', '处分'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-001': ['灾备中心[^\\n]{0,40}(\\d{4}年|年底|月底|前完成)'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-003': ['烟感[^\\n]{0,60}(负责|牵头)'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-005': ['覆盖率', '350兆[^\\n]{0,60}\\d+(\\.\\d+)?%'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-007': ['电话', '联系人', '(?<!\\d)\\d{8}(?!\\d)'],
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-009': ['间距', '\\d+\\s*米', '2004年'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-001': ['配建规范[^\\n]{0,40}(\\d{4}年|年底|月底|前)'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-003': ['幕墙[^\\n]{0,400}责任单位'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-005': ['储能[^\\n]{0,20}\\d+(\\.\\d+)?\\s*%', '\\d+(\\.\\d+)?\\s*%[^\\n]{0,10}储能'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-007': ['http', 'www', '网址', '\\.cn', '\\.com'],
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-009': ['十五五', '2026', '2030'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-001': ['能碳管理平台[^\\n]{0,40}(\\d{4}年|年底|前)'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-003': ['国资'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-005': ['\\d+(\\.\\d+)?\\s*%', '百分之'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-007': ['教授', '院士', '研究员', '专家名单', '名单如下'],
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-009': ['未通过', '不通过', '不合格', '撤销', '移出', '退出', '取消'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-001': ['增加产能[^\\n]{0,40}(\\d{4}年|季度|\\d+月|前)'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-003': ['司法'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-005': ['(处置|处理)(设施|能力)[^\\n|]{0,20}\\d+(\\.\\d+)?\\s*吨', '\\d+\\s*吨[^\\n|]{0,10}(处置|处理)能力'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-007': ['监督电话[：:为是]?\\s*\\d', '(?<!\\d)\\d{8}(?!\\d)', '12345', '12319'],
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-009': ['淞南镇[^\\n]{0,300}达标村'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-001': ['签约[^\\n]{0,30}(\\d{4}年|月底|年底|日前|前完成)'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-003': ['市场监管'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-005': ['签约率[^\\n]{0,10}(\\d|百分之)', '\\d+(\\.\\d+)?\\s*%'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-007': ['公司', '集团'],
    'hongkou-2022-construction-waste-management-opinions-unanswerable-009': ['申请表', '表格', '下载', '附件'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-001': ['潜力调查[^\\n]{0,40}(\\d{4}年|年底|前)'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-003': ['绿化市容'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-005': ['\\d+(\\.\\d+)?\\s*(米|m)'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-007': ['2035'],
    'huangpu-2025-renewable-energy-action-plan-unanswerable-009': ['申报材料', '申请材料', '提交[^\\n]{0,10}材料', '申请表', '申报指南'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-001': ['操作指引[^\\n]{0,40}(\\d{4}年|年底|前)'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-003': ['城管', '执法局', '城市管理'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-005': ['调蓄[^\\n]{0,20}\\d+(\\.\\d+)?\\s*(立方米|方|m)', '\\d+\\s*立方米'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-007': ['公众号[“"「《]', '微信公众号', '“[^”]{1,12}”公众号'],
    'jiading-2024-sponge-city-implementation-plan-unanswerable-009': ['太仓[^\\n]{0,40}平方公里'],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-001': ['围网[^\\n]{0,60}(\\d+月|年底|前完成|上半年)'],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-003': ['团区委', '共青团', '团委'],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-005': ['\\d+\\s*(个|间)[^\\n]{0,10}LOFT', 'LOFT[^\\n]{0,10}\\d+\\s*(个|间)'],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-007': ['督查室[^\\n]{0,20}(主任|担任|同志)'],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-009': ['贴息[^\\n]{0,20}(\\d+(\\.\\d+)?\\s*%|比例)', '%'],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-001': ['补缴[^\\n]{0,20}(\\d+\\s*(日|天|个工作日)|前)'],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-003': ['商务局'],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-005': ['800元[^\\n]{0,40}(最高|上限|不超过)', '(最高|上限|不超过)[^\\n]{0,20}800元'],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-007': ['http', 'www', '网址', '\\.cn', '\\.com'],
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-009': ['申请材料', '提交[^\\n]{0,10}(材料|证明)', '需(提供|提交)'],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-001': ['对标[^\\n]{0,80}(\\d+月(底|份)?前|年底前)'],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-003': ['人社', '人力资源和社会保障', '人力资源社会保障'],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-005': ['招聘[^\\n]{0,40}\\d+\\s*(名|人)', '\\d+\\s*名[^\\n]{0,10}(毕业生|应届)'],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-007': ['咨询(有限)?公司', '事务所', '有限公司'],
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-009': ['2025年[^\\n]{0,30}(营业|收入|利润)', '(营业|收入)[^\\n]{0,30}2025年'],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-001': ['公厕[^\\n]{0,60}(\\d{4}\\s*年|年底|前完成)'],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-003': ['财政处', '财政'],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-005': ['蹲位[^\\n]{0,20}\\d', '\\d+\\s*[:：]\\s*\\d+', '\\d+\\s*比\\s*\\d+'],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-007': ['\\d+\\s*名[^\\n]{0,10}科技特派员', '科技特派员[^\\n]{0,10}\\d+\\s*名'],
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-009': ['申报', '评选标准', '评分', '验收标准'],
}

# What kind of fact each unanswerable row asks for (see the README).
KIND = {
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-001': 'deadline',
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-003': 'unit_duties',
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-005': 'money',
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-007': 'contact',
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-009': 'penalty',
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-001': 'deadline',
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-003': 'unit_duties',
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-005': 'figure',
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-007': 'names',
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-009': 'penalty',
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-001': 'deadline',
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-003': 'unit_duties',
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-005': 'figure',
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-007': 'contact',
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-009': 'penalty',
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-001': 'deadline',
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-003': 'money',
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-005': 'contact',
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-007': 'other_year',
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-009': 'procedure',
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-001': 'other_year',
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-003': 'unit',
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-005': 'count',
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-007': 'names',
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-009': 'penalty',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-001': 'deadline',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-003': 'unit',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-005': 'figure',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-007': 'contact',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-009': 'other_year',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-001': 'deadline',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-003': 'unit',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-005': 'figure',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-007': 'contact',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-009': 'other_year',
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-001': 'deadline',
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-003': 'unit_duties',
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-005': 'figure',
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-007': 'names',
    'shanghai-2026-zero-carbon-park-work-plan-unanswerable-009': 'penalty',
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-001': 'deadline',
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-003': 'unit_duties',
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-005': 'figure',
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-007': 'contact',
    'baoshan-2019-garbage-classification-implementation-plan-unanswerable-009': 'count',
    'hongkou-2022-construction-waste-management-opinions-unanswerable-001': 'deadline',
    'hongkou-2022-construction-waste-management-opinions-unanswerable-003': 'unit_duties',
    'hongkou-2022-construction-waste-management-opinions-unanswerable-005': 'figure',
    'hongkou-2022-construction-waste-management-opinions-unanswerable-007': 'companies',
    'hongkou-2022-construction-waste-management-opinions-unanswerable-009': 'form',
    'huangpu-2025-renewable-energy-action-plan-unanswerable-001': 'deadline',
    'huangpu-2025-renewable-energy-action-plan-unanswerable-003': 'unit_duties',
    'huangpu-2025-renewable-energy-action-plan-unanswerable-005': 'figure',
    'huangpu-2025-renewable-energy-action-plan-unanswerable-007': 'other_year',
    'huangpu-2025-renewable-energy-action-plan-unanswerable-009': 'procedure',
    'jiading-2024-sponge-city-implementation-plan-unanswerable-001': 'deadline',
    'jiading-2024-sponge-city-implementation-plan-unanswerable-003': 'unit_duties',
    'jiading-2024-sponge-city-implementation-plan-unanswerable-005': 'figure',
    'jiading-2024-sponge-city-implementation-plan-unanswerable-007': 'names',
    'jiading-2024-sponge-city-implementation-plan-unanswerable-009': 'other_city',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-001': 'deadline',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-003': 'unit_duties',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-005': 'count',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-007': 'names',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-009': 'money',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-001': 'deadline',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-003': 'unit_duties',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-005': 'money',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-007': 'contact',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-009': 'procedure',
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-001': 'deadline',
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-003': 'unit_duties',
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-005': 'count',
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-007': 'companies',
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-009': 'other_year',
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-001': 'deadline',
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-003': 'unit_duties',
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-005': 'figure',
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-007': 'staff',
    'suping-2023-rural-living-environment-improvement-plan-unanswerable-009': 'procedure',
}

# Near-miss (answerable) row -> the unanswerable row on the same topic.
PAIRS = {
    'pingtan-2016-public-resource-trading-platform-plan-deadline-002': 'pingtan-2016-public-resource-trading-platform-plan-unanswerable-001',
    'pingtan-2016-public-resource-trading-platform-plan-unit_tasks-004': 'pingtan-2016-public-resource-trading-platform-plan-unanswerable-003',
    'pingtan-2016-public-resource-trading-platform-plan-content-006': 'pingtan-2016-public-resource-trading-platform-plan-unanswerable-005',
    'pingtan-2016-public-resource-trading-platform-plan-content-008': 'pingtan-2016-public-resource-trading-platform-plan-unanswerable-007',
    'pingtan-2016-public-resource-trading-platform-plan-content-010': 'pingtan-2016-public-resource-trading-platform-plan-unanswerable-009',
    'chongming-2017-high-rise-fire-safety-governance-plan-deadline-002': 'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-001',
    'chongming-2017-high-rise-fire-safety-governance-plan-unit_tasks-004': 'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-003',
    'chongming-2017-high-rise-fire-safety-governance-plan-figure-006': 'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-005',
    'chongming-2017-high-rise-fire-safety-governance-plan-unit-008': 'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-007',
    'chongming-2017-high-rise-fire-safety-governance-plan-list-010': 'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-009',
    'tianhe-2026-kindergarten-enrollment-work-plan-deadline-002': 'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-001',
    'tianhe-2026-kindergarten-enrollment-work-plan-content-004': 'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-003',
    'tianhe-2026-kindergarten-enrollment-work-plan-figure-006': 'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-005',
    'tianhe-2026-kindergarten-enrollment-work-plan-unit-008': 'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-007',
    'tianhe-2026-kindergarten-enrollment-work-plan-content-010': 'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-009',
    'fengxian-2022-emergency-shelter-construction-plan-deadline-002': 'fengxian-2022-emergency-shelter-construction-plan-unanswerable-001',
    'fengxian-2022-emergency-shelter-construction-plan-figure-004': 'fengxian-2022-emergency-shelter-construction-plan-unanswerable-003',
    'fengxian-2022-emergency-shelter-construction-plan-figure-006': 'fengxian-2022-emergency-shelter-construction-plan-unanswerable-005',
    'fengxian-2022-emergency-shelter-construction-plan-figure-008': 'fengxian-2022-emergency-shelter-construction-plan-unanswerable-007',
    'fengxian-2022-emergency-shelter-construction-plan-unit-010': 'fengxian-2022-emergency-shelter-construction-plan-unanswerable-009',
    'jingan-2019-fire-rescue-three-year-action-plan-meta-002': 'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-001',
    'jingan-2019-fire-rescue-three-year-action-plan-unit-004': 'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-003',
    'jingan-2019-fire-rescue-three-year-action-plan-list-006': 'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-005',
    'jingan-2019-fire-rescue-three-year-action-plan-list-008': 'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-007',
    'jingan-2019-fire-rescue-three-year-action-plan-list-010': 'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-009',
    'shanghai-2023-fire-infrastructure-implementation-opinions-deadline-002': 'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-001',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unit-004': 'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-003',
    'shanghai-2023-fire-infrastructure-implementation-opinions-figure-006': 'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-005',
    'shanghai-2023-fire-infrastructure-implementation-opinions-unit-008': 'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-007',
    'shanghai-2023-fire-infrastructure-implementation-opinions-meta-010': 'shanghai-2023-fire-infrastructure-implementation-opinions-unanswerable-009',
    'shanghai-2023-transport-photovoltaic-implementation-plan-deadline-002': 'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-001',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unit-004': 'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-003',
    'shanghai-2023-transport-photovoltaic-implementation-plan-figure-006': 'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-005',
    'shanghai-2023-transport-photovoltaic-implementation-plan-unit-008': 'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-007',
    'shanghai-2023-transport-photovoltaic-implementation-plan-figure-010': 'shanghai-2023-transport-photovoltaic-implementation-plan-unanswerable-009',
    'shanghai-2026-zero-carbon-park-work-plan-deadline-002': 'shanghai-2026-zero-carbon-park-work-plan-unanswerable-001',
    'shanghai-2026-zero-carbon-park-work-plan-unit_tasks-004': 'shanghai-2026-zero-carbon-park-work-plan-unanswerable-003',
    'shanghai-2026-zero-carbon-park-work-plan-figure-006': 'shanghai-2026-zero-carbon-park-work-plan-unanswerable-005',
    'shanghai-2026-zero-carbon-park-work-plan-list-008': 'shanghai-2026-zero-carbon-park-work-plan-unanswerable-007',
    'shanghai-2026-zero-carbon-park-work-plan-unit-010': 'shanghai-2026-zero-carbon-park-work-plan-unanswerable-009',
    'baoshan-2019-garbage-classification-implementation-plan-deadline-002': 'baoshan-2019-garbage-classification-implementation-plan-unanswerable-001',
    'baoshan-2019-garbage-classification-implementation-plan-unit_tasks-004': 'baoshan-2019-garbage-classification-implementation-plan-unanswerable-003',
    'baoshan-2019-garbage-classification-implementation-plan-figure-006': 'baoshan-2019-garbage-classification-implementation-plan-unanswerable-005',
    'baoshan-2019-garbage-classification-implementation-plan-unit-008': 'baoshan-2019-garbage-classification-implementation-plan-unanswerable-007',
    'baoshan-2019-garbage-classification-implementation-plan-figure-010': 'baoshan-2019-garbage-classification-implementation-plan-unanswerable-009',
    'hongkou-2022-construction-waste-management-opinions-deadline-002': 'hongkou-2022-construction-waste-management-opinions-unanswerable-001',
    'hongkou-2022-construction-waste-management-opinions-unit_tasks-004': 'hongkou-2022-construction-waste-management-opinions-unanswerable-003',
    'hongkou-2022-construction-waste-management-opinions-list-006': 'hongkou-2022-construction-waste-management-opinions-unanswerable-005',
    'hongkou-2022-construction-waste-management-opinions-unit-008': 'hongkou-2022-construction-waste-management-opinions-unanswerable-007',
    'hongkou-2022-construction-waste-management-opinions-list-010': 'hongkou-2022-construction-waste-management-opinions-unanswerable-009',
    'huangpu-2025-renewable-energy-action-plan-deadline-002': 'huangpu-2025-renewable-energy-action-plan-unanswerable-001',
    'huangpu-2025-renewable-energy-action-plan-unit_tasks-004': 'huangpu-2025-renewable-energy-action-plan-unanswerable-003',
    'huangpu-2025-renewable-energy-action-plan-figure-006': 'huangpu-2025-renewable-energy-action-plan-unanswerable-005',
    'huangpu-2025-renewable-energy-action-plan-content-008': 'huangpu-2025-renewable-energy-action-plan-unanswerable-007',
    'huangpu-2025-renewable-energy-action-plan-content-010': 'huangpu-2025-renewable-energy-action-plan-unanswerable-009',
    'jiading-2024-sponge-city-implementation-plan-deadline-002': 'jiading-2024-sponge-city-implementation-plan-unanswerable-001',
    'jiading-2024-sponge-city-implementation-plan-unit_tasks-004': 'jiading-2024-sponge-city-implementation-plan-unanswerable-003',
    'jiading-2024-sponge-city-implementation-plan-figure-006': 'jiading-2024-sponge-city-implementation-plan-unanswerable-005',
    'jiading-2024-sponge-city-implementation-plan-content-008': 'jiading-2024-sponge-city-implementation-plan-unanswerable-007',
    'jiading-2024-sponge-city-implementation-plan-figure-010': 'jiading-2024-sponge-city-implementation-plan-unanswerable-009',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-deadline-002': 'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-001',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unit_tasks-004': 'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-003',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-figure-006': 'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-005',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unit-008': 'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-007',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-figure-010': 'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-009',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-deadline-002': 'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-001',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unit-004': 'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-003',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-figure-006': 'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-005',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-list-008': 'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-007',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unit-010': 'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-009',
    'pingtan-2021-soe-upgrade-year-action-plan-deadline-002': 'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-001',
    'pingtan-2021-soe-upgrade-year-action-plan-unit_tasks-004': 'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-003',
    'pingtan-2021-soe-upgrade-year-action-plan-deadline-006': 'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-005',
    'pingtan-2021-soe-upgrade-year-action-plan-deadline-008': 'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-007',
    'pingtan-2021-soe-upgrade-year-action-plan-figure-010': 'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-009',
    'suping-2023-rural-living-environment-improvement-plan-deadline-002': 'suping-2023-rural-living-environment-improvement-plan-unanswerable-001',
    'suping-2023-rural-living-environment-improvement-plan-unit_tasks-004': 'suping-2023-rural-living-environment-improvement-plan-unanswerable-003',
    'suping-2023-rural-living-environment-improvement-plan-content-006': 'suping-2023-rural-living-environment-improvement-plan-unanswerable-005',
    'suping-2023-rural-living-environment-improvement-plan-content-008': 'suping-2023-rural-living-environment-improvement-plan-unanswerable-007',
    'suping-2023-rural-living-environment-improvement-plan-content-010': 'suping-2023-rural-living-environment-improvement-plan-unanswerable-009',
}

# Unanswerable rows whose question has two asks: a minor one the document answers and a
# main one (the last) it does not.
COMPOUND = [
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-005',
    'jingan-2019-fire-rescue-three-year-action-plan-unanswerable-007',
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-unanswerable-005',
    'pingtan-2020-sme-epidemic-relief-twenty-measures-unanswerable-005',
    'pingtan-2021-soe-upgrade-year-action-plan-unanswerable-005',
]

# Key-fact alternatives that are not in the document as written: numeral, unit and date
# format variants of an alternative that is.
VARIANTS = {
    'chongming-2017-high-rise-fire-safety-governance-plan-figure-006': ['1小时'],
    'tianhe-2026-kindergarten-enrollment-work-plan-figure-006': ['百分之九十'],
    'fengxian-2022-emergency-shelter-construction-plan-figure-006': ['2021年8月'],
    'jingan-2019-fire-rescue-three-year-action-plan-meta-002': ['2019-2021', '2019年至2021年'],
    'pingtan-2019-aoqian-taiwan-town-startup-park-work-plan-figure-006': ['30-50平方米'],
}


def read_rows():
    rows = {}
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # reported by checklib
            if isinstance(row, dict) and "id" in row:
                rows[row["id"]] = row
    return rows


def check_alternatives(rows, docs, err):
    """Every key-fact alternative is in the document (spaces removed, or after numeral
    and bracket normalisation) or is listed in VARIANTS; VARIANTS lists only real
    alternatives of its row that are not in the document."""
    for rid, row in rows.items():
        text = docs.get(row.get("doc"))
        if text is None or row.get("refuse") or not isinstance(row.get("key_facts"), list):
            continue
        flat, normed = checklib.nospace(text), checklib.norm(text)
        listed = VARIANTS.get(rid, [])
        alts = [a for g in row["key_facts"] if isinstance(g, list) for a in g if isinstance(a, str)]
        for a in alts:
            found = checklib.nospace(a) in flat or checklib.norm(a) in normed
            if not found and a not in listed:
                err(f"{rid}: key-fact alternative {a!r} is not in the document and not in VARIANTS")
            if found and a in listed:
                err(f"{rid}: VARIANTS lists {a!r}, which is in the document")
        for a in listed:
            if a not in alts:
                err(f"{rid}: VARIANTS lists {a!r}, which is not one of its alternatives")
    for rid in VARIANTS:
        if rid not in rows:
            err(f"VARIANTS has unknown id {rid}")


def check_compound(rows, err):
    for rid in COMPOUND:
        row = rows.get(rid)
        if row is None or not row.get("refuse"):
            err(f"COMPOUND has {rid}, not an unanswerable row of the dataset")
        elif row["question"].count("？") + row["question"].count("?") < 2:
            err(f"{rid}: COMPOUND row whose question does not ask two things")


def main():
    errors = []
    docs, where, paths = checklib.load_linked_docs(DOCS, DOC_DIRS, REPO, errors.append)
    checklib.check_doc_links(paths, LINKS, DOCS, errors.append)
    rows = read_rows() if os.path.isfile(DATA) else {}
    check_alternatives(rows, docs, errors.append)
    check_compound(rows, errors.append)
    print(f"{len(rows)} rows; {len(COMPOUND)} compound unanswerable rows; "
          f"{sum(len(v) for v in VARIANTS.values())} listed key-fact variants\n")
    return checklib.check_refusal_set(
        DATA, docs, where, errors, types=TYPES, split=SPLIT, absent=ABSENT, kind=KIND,
        detail_kinds=DETAIL_KINDS, other_kinds=OTHER_KINDS, pairs=PAIRS,
        rows_per_doc=ROWS_PER_DOC, refusals_per_doc=REFUSALS_PER_DOC,
        min_detail=MIN_DETAIL, max_copy=MAX_COPY, min_chars=MIN_CHARS, max_chars=MAX_CHARS,
        unknown_doc_note=" (not one of the sixteen documents)", pairs_numbered=True,
        columns=DOCS, label_width=13, cell_width=9, head_chars=8)


if __name__ == "__main__":
    sys.exit(main())

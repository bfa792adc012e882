#!/usr/bin/env python3
"""Check evals/refusals2/dataset.jsonl against its eleven documents.

The documents are not copied here. One is in corpus/ of this repository and ten are
in the shared notices folder next to it (../shared/data/notices/ relative to the
repository root). Each row's `doc` (a file stem) is read from whichever of the two
folders holds it. docs/ holds relative symlinks to the same eleven files.

Run from anywhere:  python3 evals/refusals2/check.py
Exit status 0 when every check passes, 1 otherwise.

Checks:
  * every line is valid JSON with the fields in the order
    id, doc, type, scope, question, evidence, key_facts, refuse, split (no history);
  * ids are unique and of the form <doc>-<type>-NNN, NNN running 001-012 within each
    document; type takes an allowed value; every scope is "doc"; every split is "dev";
  * each of the eleven documents (DOCS) is found in exactly one of the two folders,
    is 2,000-20,000 characters long, and has 12 rows: 6 unanswerable and 6 answerable;
  * docs/<doc>.txt exists for each document, is a relative symlink, and resolves to
    the same file as the one read;
  * refuse is true exactly on unanswerable rows, which have empty evidence and key_facts;
  * answerable rows have 1-3 evidence strings, each a verbatim substring of ONE line
    of the row's document, and at least one key-fact group;
  * every key-fact group has an alternative found in the document with spaces
    removed, or one that matches after numeral (Chinese -> Arabic) and bracket
    (full-width/half-width, 〔〕/[]) normalisation;
  * every unanswerable row has search patterns (ABSENT below) for the fact it asks
    about, and none of them matches its document;
  * every unanswerable row has a kind (KIND below); at least 4 of each document's 6
    are "detail left out while the topic is covered" (DETAIL_KINDS);
  * every answerable row is the near-miss of one unanswerable row of the same
    document (PAIRS below), and every unanswerable row has exactly one near-miss;
    the near-miss is numbered right after its unanswerable row (001 -> 002, ...);
  * no question copies a run of MAX_COPY+1 or more characters from its document.

The checks are checklib.check_refusal_set (evals/checklib.py); this file holds the
set's own constants and tables and reads its documents.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(HERE, "dataset.jsonl")
LINKS = os.path.join(HERE, "docs")
DOC_DIRS = [os.path.join(REPO, "corpus"),
            os.path.join(REPO, "..", "shared", "data", "notices")]

DOCS = [
    'zhengzhou-2017-rule-of-law-work-points',
    'aba-2021-government-data-resources-measures',
    'anhui-2021-industrial-internet-policies-and-action-plan',
    'anhui-2022-rcep-implementation-opinions',
    'beijing-2022-data-zones-guiding-opinions',
    'baotou-2022-digital-government-assessment-measures',
    'guangzhou-2023-family-doctor-service-implementation-plan',
    'pingtan-2015-social-credit-plan-task-division',
    'pingtan-2016-tourism-work-points',
    'pingtan-2015-water-pollution-action-plan-work-programme',
    'pingtan-2017-fangguanfu-key-task-division',
]

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "unanswerable"}
SPLIT = "dev"
ROWS_PER_DOC, REFUSALS_PER_DOC, MIN_DETAIL = 12, 6, 4
MIN_CHARS, MAX_CHARS = 2000, 20000
MAX_COPY = 9

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-001': ['万元', '亿元', '\\d+(\\.\\d+)?\\s*元', '经费(标准|不低于|不少于)'],
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-003': ['教授', '律师事务所', '专家名单', '咨询团(成员|由)', '名单如下'],
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-005': ['信息平台.{0,30}(\\d{4}年|年底|月底)', '(\\d+月底|年底)前.{0,30}平台'],
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-007': ['测试.{0,20}(每年|每半年|每季度|\\d+次)', '每(年|半年|季度)(开展|组织|进行)?.{0,6}测试'],
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-009': ['http', 'www', '网址', '\\.gov\\.cn', '查询(网站|入口|电话)'],
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-011': ['2018'],
    'aba-2021-government-data-resources-measures-unanswerable-001': ['大数据(管理|发展)?局', '政务服务(和|与)?(大数据|数据)', '经济和信息化局', '发展和改革委员会', '主管部门(为|是)'],
    'aba-2021-government-data-resources-measures-unanswerable-003': ['质量检查.{0,10}(每|一次)', '每(年|半年|季度|月)(至少)?(开展|组织)'],
    'aba-2021-government-data-resources-measures-unanswerable-005': ['万元', '\\d+(\\.\\d+)?\\s*(万|亿)?元'],
    'aba-2021-government-data-resources-measures-unanswerable-007': ['(有限|股份)公司', '集团'],
    'aba-2021-government-data-resources-measures-unanswerable-009': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '没收'],
    'aba-2021-government-data-resources-measures-unanswerable-011': ['2023', '正式(办法|施行)', '修订'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-001': ['申报(时间|截止|材料|流程|系统|入口)', '报名', '截止'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-003': ['科大讯飞', '海螺', '江淮汽车', '美的', '海尔', '卡奥斯', '羚羊', '奇瑞', '蔚来', '京东方', '联宝'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-005': ['服务专员.{0,10}\\d+\\s*(名|人)', '\\d+\\s*名(工业互联网)?服务专员'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-007': ['入库条件', '入池(条件|标准)', '资源池.{0,20}(条件|标准|门槛)'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-009': ['专项资金.{0,20}\\d+(\\.\\d+)?\\s*(万|亿)', '\\d+(\\.\\d+)?\\s*亿元'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-011': ['已(经)?(累计|达到)', '累计', '截至', '上云企业(达|已)'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-001': ['有限公司', '株式会社', '三星', '索尼', '东芝', 'LG', 'SK海力士', '台积电', '松下'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-003': ['补贴', '\\d+(\\.\\d+)?\\s*(万)?元', '资助', '奖励'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-005': ['\\d{4}年(\\d+月)?底?前', '年底前', '月底前'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-007': ['海外仓.{0,10}(位于|设在|分别)', '公共海外仓(名单|为|有)', '认定.{0,10}\\d+\\s*(个|家)'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-009': ['每(年|季度|月|半年)', '\\d+\\s*(次|期)'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-011': ['增长', '同比', '亿元', '亿美元'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-001': ['有限公司', '集团', '金控', '中关村', '(运营单位|运营方)(为|是)'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-003': ['万元', '\\d+(\\.\\d+)?\\s*(万|亿)?元', '注册资本'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-005': ['每(年|季度|半年|月)', '一年一次', '年度(考核|评估)'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-007': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '没收'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-009': ['\\d+\\s*(名|人)', '专职', '不少于', '至少'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-011': ['上海', '深圳', '相比', '不同于'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-001': ['等次', '档次', '优秀\\s*[（(]', '\\d+\\s*分(以上|及以上)为', '良好(等次|档)', '不合格'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-003': ['约谈', '问责', '末位', '扣减', '通报批评', '排名靠后'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-005': ['专班(组长|成员|负责人)', '专班由', '同志', '主任[：:]'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-007': ['万元', '\\d+(\\.\\d+)?\\s*(万|亿)?元', '预算.{0,5}\\d'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-009': ['昆都仑', '青山区', '东河', '九原', '石拐', '白云鄂博', '土默特右旗', '固阳', '达茂旗.{0,10}千兆'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-011': ['2023年(数字政府建设)?考评', '2023年度'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-001': ['\\d+(\\.\\d+)?\\s*元', '万元', '元/人'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-003': ['越秀', '荔湾', '海珠', '天河', '白云区', '黄埔', '番禺', '花都', '南沙', '从化', '增城', '街道'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-005': ['扣(减|发|除)', '罚款', '处分', '未.{0,6}联系'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-007': ['转诊管理中心.{0,30}(\\d{4}年|年底|月底|月前)', '(年底|月底)前.{0,20}转诊'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-009': ['团队.{0,10}(不少于|至少)\\s*\\d', '(最多|不超过|上限).{0,6}\\d+\\s*人', '签约.{0,6}(上限|不超过)'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-011': ['实际(达到|完成)', '已(经)?达到', '达到了', '完成情况'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-001': ['信用信息目录.{0,40}(\\d{4}年|年底|月底)', '(\\d{4}年|年底|月底)前'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-003': ['万元', '\\d+(\\.\\d+)?\\s*(万|亿)?元'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-005': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '吊销'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-007': ['监督员.{0,20}(选聘|聘任|人选|名额|\\d+名)', '\\d+\\s*名'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-009': ['A级', '[ABCDM]级', '分为.{0,4}级', '等级标准'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-011': ['已(经)?(实现|建成|完成)', '完成情况', '总结'],
    'pingtan-2016-tourism-work-points-unanswerable-001': ['厕所.{0,10}(位于|分别|设在|建在)', '10座旅游厕所[（(：:]'],
    'pingtan-2016-tourism-work-points-unanswerable-003': ['海坛古城.{0,20}(亿|万)', '投资\\s*\\d', '总投资'],
    'pingtan-2016-tourism-work-points-unanswerable-005': ['民宿开发管理办法.{0,20}(月|年底|前)'],
    'pingtan-2016-tourism-work-points-unanswerable-007': ['教授', '先生', '女士', '专家[：:]'],
    'pingtan-2016-tourism-work-points-unanswerable-009': ['(网络|户外|报纸|杂志|广播)[^。]{0,8}\\d+(\\.\\d+)?%'],
    'pingtan-2016-tourism-work-points-unanswerable-011': ['实际(接待|完成)', '完成了', '已(经)?(接待|完成|实现)'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-001': ['有限公司', '取缔.{0,10}(名单|\\d+家)', '\\d+\\s*家'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-003': ['亿元', '\\d+(\\.\\d+)?\\s*万元'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-005': ['罚款', '按日计罚', '\\d+(\\.\\d+)?\\s*(万)?元'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-007': ['\\d+\\s*(名|人)', '编制\\s*\\d'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-009': ['(东溪|西溪).{0,30}(一旬一测|一月一测|一季一测|每(月|季|周|旬))'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-011': ['福州市区', '福州市水污染', '鼓楼', '仓山', '晋安'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-001': ['证照分离.{0,80}(\\d+月底|年底|年内|前)'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-003': ['\\d+(\\.\\d+)?\\s*元', '万元'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-005': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '吊销', '撤销登记'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-007': ['清单(如下|包括)', '附件', '第一批', '首批'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-009': ['http', 'www', '网址', '政务信息资源共享平台', '共享平台[（(“"]'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-011': ['压缩(至|到|了)?\\s*\\d', '\\d+\\s*个?工作日', '天内'],
}

# What kind of fact each unanswerable row asks for.
DETAIL_KINDS = {"sites", "companies", "projects", "count", "names", "deadline", "money",
                "staff", "penalty", "procedure", "system", "material", "title", "frequency",
                "contact", "unit", "criterion", "figure"}
OTHER_KINDS = {"other_year", "other_city", "effect", "comparison", "opinion", "draft"}
KIND = {
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-001': 'money',
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-003': 'names',
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-005': 'deadline',
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-007': 'frequency',
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-009': 'contact',
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-011': 'other_year',
    'aba-2021-government-data-resources-measures-unanswerable-001': 'unit',
    'aba-2021-government-data-resources-measures-unanswerable-003': 'frequency',
    'aba-2021-government-data-resources-measures-unanswerable-005': 'money',
    'aba-2021-government-data-resources-measures-unanswerable-007': 'companies',
    'aba-2021-government-data-resources-measures-unanswerable-009': 'penalty',
    'aba-2021-government-data-resources-measures-unanswerable-011': 'other_year',
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-001': 'procedure',
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-003': 'companies',
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-005': 'staff',
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-007': 'criterion',
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-009': 'money',
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-011': 'effect',
    'anhui-2022-rcep-implementation-opinions-unanswerable-001': 'companies',
    'anhui-2022-rcep-implementation-opinions-unanswerable-003': 'money',
    'anhui-2022-rcep-implementation-opinions-unanswerable-005': 'deadline',
    'anhui-2022-rcep-implementation-opinions-unanswerable-007': 'sites',
    'anhui-2022-rcep-implementation-opinions-unanswerable-009': 'frequency',
    'anhui-2022-rcep-implementation-opinions-unanswerable-011': 'effect',
    'beijing-2022-data-zones-guiding-opinions-unanswerable-001': 'companies',
    'beijing-2022-data-zones-guiding-opinions-unanswerable-003': 'money',
    'beijing-2022-data-zones-guiding-opinions-unanswerable-005': 'frequency',
    'beijing-2022-data-zones-guiding-opinions-unanswerable-007': 'penalty',
    'beijing-2022-data-zones-guiding-opinions-unanswerable-009': 'staff',
    'beijing-2022-data-zones-guiding-opinions-unanswerable-011': 'comparison',
    'baotou-2022-digital-government-assessment-measures-unanswerable-001': 'criterion',
    'baotou-2022-digital-government-assessment-measures-unanswerable-003': 'penalty',
    'baotou-2022-digital-government-assessment-measures-unanswerable-005': 'names',
    'baotou-2022-digital-government-assessment-measures-unanswerable-007': 'money',
    'baotou-2022-digital-government-assessment-measures-unanswerable-009': 'sites',
    'baotou-2022-digital-government-assessment-measures-unanswerable-011': 'other_year',
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-001': 'money',
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-003': 'sites',
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-005': 'penalty',
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-007': 'deadline',
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-009': 'staff',
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-011': 'effect',
    'pingtan-2015-social-credit-plan-task-division-unanswerable-001': 'deadline',
    'pingtan-2015-social-credit-plan-task-division-unanswerable-003': 'money',
    'pingtan-2015-social-credit-plan-task-division-unanswerable-005': 'penalty',
    'pingtan-2015-social-credit-plan-task-division-unanswerable-007': 'procedure',
    'pingtan-2015-social-credit-plan-task-division-unanswerable-009': 'criterion',
    'pingtan-2015-social-credit-plan-task-division-unanswerable-011': 'effect',
    'pingtan-2016-tourism-work-points-unanswerable-001': 'sites',
    'pingtan-2016-tourism-work-points-unanswerable-003': 'money',
    'pingtan-2016-tourism-work-points-unanswerable-005': 'deadline',
    'pingtan-2016-tourism-work-points-unanswerable-007': 'names',
    'pingtan-2016-tourism-work-points-unanswerable-009': 'figure',
    'pingtan-2016-tourism-work-points-unanswerable-011': 'effect',
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-001': 'companies',
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-003': 'money',
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-005': 'penalty',
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-007': 'staff',
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-009': 'frequency',
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-011': 'other_city',
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-001': 'deadline',
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-003': 'money',
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-005': 'penalty',
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-007': 'projects',
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-009': 'system',
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-011': 'effect',
}

# Near-miss (answerable) row -> the unanswerable row on the same topic.
PAIRS = {
    'zhengzhou-2017-rule-of-law-work-points-content-002': 'zhengzhou-2017-rule-of-law-work-points-unanswerable-001',
    'zhengzhou-2017-rule-of-law-work-points-content-004': 'zhengzhou-2017-rule-of-law-work-points-unanswerable-003',
    'zhengzhou-2017-rule-of-law-work-points-list-006': 'zhengzhou-2017-rule-of-law-work-points-unanswerable-005',
    'zhengzhou-2017-rule-of-law-work-points-figure-008': 'zhengzhou-2017-rule-of-law-work-points-unanswerable-007',
    'zhengzhou-2017-rule-of-law-work-points-deadline-010': 'zhengzhou-2017-rule-of-law-work-points-unanswerable-009',
    'zhengzhou-2017-rule-of-law-work-points-meta-012': 'zhengzhou-2017-rule-of-law-work-points-unanswerable-011',
    'aba-2021-government-data-resources-measures-unit-002': 'aba-2021-government-data-resources-measures-unanswerable-001',
    'aba-2021-government-data-resources-measures-deadline-004': 'aba-2021-government-data-resources-measures-unanswerable-003',
    'aba-2021-government-data-resources-measures-content-006': 'aba-2021-government-data-resources-measures-unanswerable-005',
    'aba-2021-government-data-resources-measures-content-008': 'aba-2021-government-data-resources-measures-unanswerable-007',
    'aba-2021-government-data-resources-measures-content-010': 'aba-2021-government-data-resources-measures-unanswerable-009',
    'aba-2021-government-data-resources-measures-meta-012': 'aba-2021-government-data-resources-measures-unanswerable-011',
    'anhui-2021-industrial-internet-policies-and-action-plan-unit-002': 'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-001',
    'anhui-2021-industrial-internet-policies-and-action-plan-figure-004': 'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-003',
    'anhui-2021-industrial-internet-policies-and-action-plan-figure-006': 'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-005',
    'anhui-2021-industrial-internet-policies-and-action-plan-figure-008': 'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-007',
    'anhui-2021-industrial-internet-policies-and-action-plan-figure-010': 'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-009',
    'anhui-2021-industrial-internet-policies-and-action-plan-figure-012': 'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-011',
    'anhui-2022-rcep-implementation-opinions-list-002': 'anhui-2022-rcep-implementation-opinions-unanswerable-001',
    'anhui-2022-rcep-implementation-opinions-unit-004': 'anhui-2022-rcep-implementation-opinions-unanswerable-003',
    'anhui-2022-rcep-implementation-opinions-deadline-006': 'anhui-2022-rcep-implementation-opinions-unanswerable-005',
    'anhui-2022-rcep-implementation-opinions-content-008': 'anhui-2022-rcep-implementation-opinions-unanswerable-007',
    'anhui-2022-rcep-implementation-opinions-unit-010': 'anhui-2022-rcep-implementation-opinions-unanswerable-009',
    'anhui-2022-rcep-implementation-opinions-figure-012': 'anhui-2022-rcep-implementation-opinions-unanswerable-011',
    'beijing-2022-data-zones-guiding-opinions-content-002': 'beijing-2022-data-zones-guiding-opinions-unanswerable-001',
    'beijing-2022-data-zones-guiding-opinions-list-004': 'beijing-2022-data-zones-guiding-opinions-unanswerable-003',
    'beijing-2022-data-zones-guiding-opinions-content-006': 'beijing-2022-data-zones-guiding-opinions-unanswerable-005',
    'beijing-2022-data-zones-guiding-opinions-content-008': 'beijing-2022-data-zones-guiding-opinions-unanswerable-007',
    'beijing-2022-data-zones-guiding-opinions-unit-010': 'beijing-2022-data-zones-guiding-opinions-unanswerable-009',
    'beijing-2022-data-zones-guiding-opinions-meta-012': 'beijing-2022-data-zones-guiding-opinions-unanswerable-011',
    'baotou-2022-digital-government-assessment-measures-figure-002': 'baotou-2022-digital-government-assessment-measures-unanswerable-001',
    'baotou-2022-digital-government-assessment-measures-content-004': 'baotou-2022-digital-government-assessment-measures-unanswerable-003',
    'baotou-2022-digital-government-assessment-measures-unit-006': 'baotou-2022-digital-government-assessment-measures-unanswerable-005',
    'baotou-2022-digital-government-assessment-measures-deadline-008': 'baotou-2022-digital-government-assessment-measures-unanswerable-007',
    'baotou-2022-digital-government-assessment-measures-deadline-010': 'baotou-2022-digital-government-assessment-measures-unanswerable-009',
    'baotou-2022-digital-government-assessment-measures-figure-012': 'baotou-2022-digital-government-assessment-measures-unanswerable-011',
    'guangzhou-2023-family-doctor-service-implementation-plan-figure-002': 'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-001',
    'guangzhou-2023-family-doctor-service-implementation-plan-figure-004': 'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-003',
    'guangzhou-2023-family-doctor-service-implementation-plan-figure-006': 'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-005',
    'guangzhou-2023-family-doctor-service-implementation-plan-figure-008': 'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-007',
    'guangzhou-2023-family-doctor-service-implementation-plan-list-010': 'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-009',
    'guangzhou-2023-family-doctor-service-implementation-plan-figure-012': 'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-011',
    'pingtan-2015-social-credit-plan-task-division-unit-002': 'pingtan-2015-social-credit-plan-task-division-unanswerable-001',
    'pingtan-2015-social-credit-plan-task-division-deadline-004': 'pingtan-2015-social-credit-plan-task-division-unanswerable-003',
    'pingtan-2015-social-credit-plan-task-division-content-006': 'pingtan-2015-social-credit-plan-task-division-unanswerable-005',
    'pingtan-2015-social-credit-plan-task-division-content-008': 'pingtan-2015-social-credit-plan-task-division-unanswerable-007',
    'pingtan-2015-social-credit-plan-task-division-unit-010': 'pingtan-2015-social-credit-plan-task-division-unanswerable-009',
    'pingtan-2015-social-credit-plan-task-division-meta-012': 'pingtan-2015-social-credit-plan-task-division-unanswerable-011',
    'pingtan-2016-tourism-work-points-figure-002': 'pingtan-2016-tourism-work-points-unanswerable-001',
    'pingtan-2016-tourism-work-points-figure-004': 'pingtan-2016-tourism-work-points-unanswerable-003',
    'pingtan-2016-tourism-work-points-list-006': 'pingtan-2016-tourism-work-points-unanswerable-005',
    'pingtan-2016-tourism-work-points-content-008': 'pingtan-2016-tourism-work-points-unanswerable-007',
    'pingtan-2016-tourism-work-points-figure-010': 'pingtan-2016-tourism-work-points-unanswerable-009',
    'pingtan-2016-tourism-work-points-figure-012': 'pingtan-2016-tourism-work-points-unanswerable-011',
    'pingtan-2015-water-pollution-action-plan-work-programme-deadline-002': 'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-001',
    'pingtan-2015-water-pollution-action-plan-work-programme-figure-004': 'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-003',
    'pingtan-2015-water-pollution-action-plan-work-programme-content-006': 'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-005',
    'pingtan-2015-water-pollution-action-plan-work-programme-content-008': 'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-007',
    'pingtan-2015-water-pollution-action-plan-work-programme-figure-010': 'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-009',
    'pingtan-2015-water-pollution-action-plan-work-programme-deadline-012': 'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-011',
    'pingtan-2017-fangguanfu-key-task-division-deadline-002': 'pingtan-2017-fangguanfu-key-task-division-unanswerable-001',
    'pingtan-2017-fangguanfu-key-task-division-figure-004': 'pingtan-2017-fangguanfu-key-task-division-unanswerable-003',
    'pingtan-2017-fangguanfu-key-task-division-unit_tasks-006': 'pingtan-2017-fangguanfu-key-task-division-unanswerable-005',
    'pingtan-2017-fangguanfu-key-task-division-figure-008': 'pingtan-2017-fangguanfu-key-task-division-unanswerable-007',
    'pingtan-2017-fangguanfu-key-task-division-deadline-010': 'pingtan-2017-fangguanfu-key-task-division-unanswerable-009',
    'pingtan-2017-fangguanfu-key-task-division-content-012': 'pingtan-2017-fangguanfu-key-task-division-unanswerable-011',
}


def main():
    errors = []
    docs, where, paths = checklib.load_linked_docs(DOCS, DOC_DIRS, REPO, errors.append)
    checklib.check_doc_links(paths, LINKS, DOCS, errors.append)
    return checklib.check_refusal_set(
        DATA, docs, where, errors, types=TYPES, split=SPLIT, absent=ABSENT, kind=KIND,
        detail_kinds=DETAIL_KINDS, other_kinds=OTHER_KINDS, pairs=PAIRS,
        rows_per_doc=ROWS_PER_DOC, refusals_per_doc=REFUSALS_PER_DOC,
        min_detail=MIN_DETAIL, max_copy=MAX_COPY, min_chars=MIN_CHARS, max_chars=MAX_CHARS,
        unknown_doc_note=" (not one of the eleven documents)", pairs_numbered=True,
        columns=DOCS, label_width=13, cell_width=13, head_chars=12)


if __name__ == "__main__":
    sys.exit(main())

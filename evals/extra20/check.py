"""Checker of evals/extra20 (150 questions over the six documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra20/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 25 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(): docs/ holds one relative symlink per document,
resolving to the file in the set it comes from; file names; rows per type and document;
ids in file order; ten refusals per document (40 %), each with a kind (nine near misses
and one question about another year, asked over all documents); the ABSENT patterns of
the scope-all refusals match none of the six documents; the scope-all rows (three per
document, each naming its document); listed numeral and bracket variants; key-fact
lengths and group counts; follow-ups not answered by their own history; a style for every
noisy row; the longest run a question copies from its document. It prints a table of
rows per type and document and ends with checklib's report; the exit status is 0 when
everything passes.
"""
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
EVALS = os.path.dirname(HERE)
REPO = os.path.dirname(EVALS)
sys.path.insert(0, EVALS)

import checklib  # noqa: E402

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")
SPLIT = "dev"
ROWS_PER_DOC = 25
REFUSALS_PER_DOC = 10

B = "beijing-2019-government-services-rating-implementation-opinions"
T = "guangzhou-2021-temporary-assistance-implementing-rules"
P = "guangzhou-2024-public-rental-housing-management-measures"
H = "guangzhou-2025-points-based-household-registration-measures"
E = "pingtan-2023-elderly-and-childcare-overall-solution"
N = "national-2025-power-access-business-environment-opinions"

# Where each document lives (docs/ links to it; nothing is copied).
SOURCES = {B: "extra16", T: "extra12", P: "extra16", H: "extra13", E: "extra8", N: "extra11"}

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document: 15 answerable and 10 refusals each.
COUNTS = {
    B: {"meta": 1, "figure": 2, "content": 4, "list": 1, "deadline": 1, "unit": 2,
        "followup": 1, "noisy": 1, "cross": 2, "unanswerable": 10},
    T: {"meta": 1, "figure": 4, "content": 4, "list": 1, "unit": 1,
        "followup": 1, "noisy": 1, "cross": 2, "unanswerable": 10},
    P: {"meta": 1, "figure": 3, "content": 4, "list": 1, "deadline": 1, "unit": 1,
        "followup": 1, "noisy": 1, "cross": 2, "unanswerable": 10},
    H: {"figure": 4, "content": 4, "deadline": 1, "unit": 2,
        "followup": 1, "noisy": 1, "cross": 2, "unanswerable": 10},
    E: {"meta": 1, "figure": 7, "content": 1, "list": 1, "unit": 1,
        "followup": 1, "noisy": 1, "cross": 2, "unanswerable": 10},
    N: {"meta": 1, "figure": 2, "content": 5, "list": 1, "deadline": 1, "unit": 1,
        "followup": 1, "noisy": 1, "cross": 2, "unanswerable": 10},
}

# Rows asked over all six documents (scope "all"): three per document (two cross rows and
# the last refusal), and each question names its document by one of these words.
SCOPE_ALL_PER_DOC = 3
DOC_NAMES = {B: ["好差评"], T: ["临时救助"], P: ["公租房", "公共租赁住房"],
             H: ["积分入户", "积分制入户"], E: ["平潭"], N: ["获得电力"]}

# Refusal kinds: (kind, the detail the document leaves out). Nine near misses per document
# (a detail left out on a topic the document covers) and one question about another year.
KIND = {
    f"{B}-unanswerable-003": ("near_miss", "amount"),        # a reward for good ratings
    f"{B}-unanswerable-005": ("near_miss", "deadline"),      # date of the 好差评管理办法 (only 适时制定)
    f"{B}-unanswerable-008": ("near_miss", "contact"),       # the complaint phone number (only 投诉电话 as a channel)
    f"{B}-unanswerable-011": ("near_miss", "person"),        # the city leader in charge, a leading group
    f"{B}-unanswerable-014": ("near_miss", "percentage"),    # a bad-rating rate that triggers 通报
    f"{B}-unanswerable-016": ("near_miss", "name"),          # which third party, how often
    f"{B}-unanswerable-018": ("near_miss", "percentage"),    # weight in performance assessment
    f"{B}-unanswerable-020": ("near_miss", "period"),        # how long rating data are kept
    f"{B}-unanswerable-022": ("near_miss", "procedure"),     # time to notify the review result (only 7 days to investigate)
    f"{B}-unanswerable-025": ("other_year", "count"),        # the 2023 好评率
    f"{T}-unanswerable-003": ("near_miss", "amount"),        # the 低保 amount (only multiples of it)
    f"{T}-unanswerable-006": ("near_miss", "other_document"),  # 支出型 approval days (left to 省《办法》)
    f"{T}-unanswerable-009": ("near_miss", "amount"),        # the 备用金 per street
    f"{T}-unanswerable-012": ("near_miss", "contact"),       # the 市民政局 phone
    f"{T}-unanswerable-014": ("near_miss", "percentage"),    # city support share for poor districts
    f"{T}-unanswerable-016": ("near_miss", "procedure"),     # days for 复核 after an objection
    f"{T}-unanswerable-019": ("near_miss", "amount"),        # funds per purchased service project
    f"{T}-unanswerable-021": ("near_miss", "count"),         # last year's total and 人次
    f"{T}-unanswerable-023": ("near_miss", "other_document"),  # which residence materials (省《办法》第八条)
    f"{T}-unanswerable-025": ("other_year", "amount"),       # the 2019 办法's yearly cap
    f"{P}-unanswerable-003": ("near_miss", "amount"),        # rent per square metre
    f"{P}-unanswerable-006": ("near_miss", "amount"),        # the rental subsidy per person
    f"{P}-unanswerable-008": ("near_miss", "amount"),        # the income limit (政府公布的标准)
    f"{P}-unanswerable-010": ("near_miss", "period"),        # waiting time on the 轮候 list
    f"{P}-unanswerable-013": ("near_miss", "procedure"),     # days to object to the 初审
    f"{P}-unanswerable-016": ("near_miss", "other_document"),  # the fine (广东省城镇住房保障办法)
    f"{P}-unanswerable-018": ("near_miss", "amount"),        # the 履约保证金
    f"{P}-unanswerable-020": ("near_miss", "contact"),       # the website address (only 指定网站)
    f"{P}-unanswerable-022": ("near_miss", "count"),         # flats planned this year
    f"{P}-unanswerable-025": ("other_year", "name"),         # the 2016 version
    f"{H}-unanswerable-002": ("near_miss", "procedure"),     # review working days
    f"{H}-unanswerable-003": ("near_miss", "count"),         # this year's quota (only 总量控制)
    f"{H}-unanswerable-005": ("near_miss", "deadline"),      # the month applications open
    f"{H}-unanswerable-009": ("near_miss", "period"),        # days of 公示 (only 公示期满)
    f"{H}-unanswerable-012": ("near_miss", "other_document"),  # the materials list (办事指南)
    f"{H}-unanswerable-015": ("near_miss", "amount"),        # points for a utility-model patent (only 发明专利)
    f"{H}-unanswerable-017": ("near_miss", "other_document"),  # which trades count as 特殊艰苦行业
    f"{H}-unanswerable-019": ("near_miss", "amount"),        # a cap on credit deductions
    f"{H}-unanswerable-022": ("near_miss", "condition"),     # the shareholding that makes a firm 所投资创办
    f"{H}-unanswerable-025": ("other_year", "count"),        # people admitted in 2023
    f"{E}-unanswerable-003": ("near_miss", "amount"),        # subsidy per 家庭养老床位
    f"{E}-unanswerable-005": ("near_miss", "deadline"),      # the year of the 长期护理保险 pilot
    f"{E}-unanswerable-008": ("near_miss", "amount"),        # investment completed on the 托育中心
    f"{E}-unanswerable-010": ("near_miss", "contact"),       # contact person and phone of the 专班
    f"{E}-unanswerable-013": ("near_miss", "percentage"),    # the 福彩公益金 share (only 投入比例)
    f"{E}-unanswerable-016": ("near_miss", "amount"),        # meal subsidy at 助餐点
    f"{E}-unanswerable-019": ("near_miss", "year"),          # 2024 visit rate (only 2020 and 2025)
    f"{E}-unanswerable-021": ("near_miss", "count"),         # a 2025 target for 日间照料中心 (only 2022: 6所)
    f"{E}-unanswerable-024": ("near_miss", "other_document"),  # end of the tax relief (财政部、税务总局 notices)
    f"{E}-unanswerable-025": ("other_year", "count"),        # a 2030 bed target
    f"{N}-unanswerable-003": ("near_miss", "other_document"),  # high-voltage time limits (the attachment is not in the text)
    f"{N}-unanswerable-005": ("near_miss", "amount"),        # the raised low-voltage cap (only 鼓励…提升)
    f"{N}-unanswerable-009": ("near_miss", "deadline"),      # a year for 动态清零 (2029 is the overall goal)
    f"{N}-unanswerable-011": ("near_miss", "amount"),        # the 扫码用电 tariff
    f"{N}-unanswerable-013": ("near_miss", "contact"),       # a complaint hotline
    f"{N}-unanswerable-015": ("near_miss", "count"),         # number of 一流城市 (only 一批)
    f"{N}-unanswerable-017": ("near_miss", "procedure"),     # days to connect an EV charger
    f"{N}-unanswerable-019": ("near_miss", "amount"),        # penalties of the reliability scheme
    f"{N}-unanswerable-022": ("near_miss", "procedure"),     # days to file the 备案
    f"{N}-unanswerable-025": ("other_year", "amount"),       # the 2020 opinion's kW limit
}
EXPECTED_KINDS = Counter({"near_miss": 9, "other_year": 1})

# Regular expressions that would reveal the fact a refusal row asks for; none may match its
# document (and, for the scope-all refusals, none may match any of the six documents).
ABSENT = {
    f"{B}-unanswerable-003": [r"\d+元", r"奖金", r"奖励"],
    f"{B}-unanswerable-005": [r"管理办法.{0,15}(\d{4}年|底前|月前)", r"(\d{4}年|底前).{0,15}管理办法"],
    f"{B}-unanswerable-008": [r"\d{5,}", r"12345", r"投诉电话[:：为是]"],
    f"{B}-unanswerable-011": [r"副市长", r"分管", r"领导小组", r"组长"],
    f"{B}-unanswerable-014": [r"\d+%", r"差评率", r"百分之"],
    f"{B}-unanswerable-016": [r"有限公司", r"研究院", r"每年\d+次", r"每(季度|半年)"],
    f"{B}-unanswerable-018": [r"\d+分", r"权重", r"\d+%"],
    f"{B}-unanswerable-020": [r"保存", r"留存", r"存档", r"保管", r"销毁"],
    f"{B}-unanswerable-022": [r"复核结果", r"告知", r"\d+个工作日内.{0,10}(通知|反馈)被评价"],
    f"{B}-unanswerable-025": [r"好评率", r"满意率", r"2023年.{0,20}(好评|满意)"],
    f"{T}-unanswerable-003": [r"\d+元/人/月", r"每人每月\d+", r"每月\d+元", r"低保标准为", r"最低生活保障标准为"],
    f"{T}-unanswerable-006": [r"支出型.{0,60}\d+个工作日", r"\d+个工作日.{0,30}支出型"],
    f"{T}-unanswerable-009": [r"备用金.{0,30}\d+万?元", r"\d+万?元.{0,20}备用金"],
    f"{T}-unanswerable-012": [r"\d{7,}", r"电话", r"救助处"],
    f"{T}-unanswerable-014": [r"\d+%", r"比例", r"百分之"],
    f"{T}-unanswerable-016": [r"复核.{0,40}\d+个工作日", r"异议.{0,60}\d+个工作日"],
    f"{T}-unanswerable-019": [r"购买服务.{0,40}\d", r"\d+万?元.{0,10}(项目|服务|经费)", r"心理辅导.{0,30}\d"],
    f"{T}-unanswerable-021": [r"人次", r"亿元", r"发放.{0,10}\d+万"],
    f"{T}-unanswerable-023": [r"租赁合同", r"租房合同", r"水电", r"居住材料(包括|是指|指)"],
    f"{T}-unanswerable-025": [r"2019年.{0,60}(临时救助|万元)", r"〔2019〕13号.{0,80}\d+万元"],
    f"{P}-unanswerable-003": [r"元/平方米", r"\d+元", r"每平方米.{0,6}\d"],
    f"{P}-unanswerable-006": [r"\d+元", r"每人每月", r"每月.{0,6}\d"],
    f"{P}-unanswerable-008": [r"\d+万元", r"\d+元", r"收入.{0,10}(低于|不超过|不高于)\d"],
    f"{P}-unanswerable-010": [r"轮候(时间|期限|周期)", r"轮候.{0,15}\d+(个月|年)"],
    f"{P}-unanswerable-013": [r"申诉.{0,20}\d+(日|天|个工作日)", r"异议.{0,10}\d+(日|天|个工作日)内"],
    f"{P}-unanswerable-016": [r"罚款", r"\d+元", r"\d+倍"],
    f"{P}-unanswerable-018": [r"保证金.{0,10}\d", r"\d+个月的?租金"],
    f"{P}-unanswerable-020": [r"www", r"http", r"\.cn", r"网址"],
    f"{P}-unanswerable-022": [r"[2-9]套", r"\d{2,}套", r"万套"],
    f"{P}-unanswerable-025": [r"2016", r"公共租赁住房管理办法的通知》"],
    f"{H}-unanswerable-002": [r"\d+个工作日", r"工作日"],
    f"{H}-unanswerable-003": [r"名额", r"\d+个指标", r"指标数为", r"\d+人"],
    f"{H}-unanswerable-005": [r"申报时间", r"受理时间", r"每年\d+月", r"\d+月份"],
    f"{H}-unanswerable-009": [r"公示期?(为|是)?\d+", r"公示.{0,6}\d+(日|天|个工作日)"],
    f"{H}-unanswerable-012": [r"材料清单", r"身份证", r"户口簿", r"劳动合同"],
    f"{H}-unanswerable-015": [r"实用新型", r"外观设计"],
    f"{H}-unanswerable-017": [r"环卫", r"行业包括", r"公交", r"家政", r"特殊艰苦行业(是指|指|包括)"],
    f"{H}-unanswerable-019": [r"封顶", r"减分.{0,6}(最高|最多)", r"(最高|最多|累计)(减|扣)", r"减.{0,4}最高不超过"],
    f"{H}-unanswerable-022": [r"股权", r"持股", r"出资比例", r"股份"],
    f"{H}-unanswerable-025": [r"积分.{0,30}\d+人", r"入户(人数|人员).{0,10}\d+人", r"\d+人.{0,10}入户", r"2023年.{0,30}入户"],
    f"{E}-unanswerable-003": [r"\d+元", r"家庭养老床位.{0,30}补贴"],
    f"{E}-unanswerable-005": [r"长期护理保险.{0,40}20\d\d", r"20\d\d.{0,40}长期护理保险"],
    f"{E}-unanswerable-008": [r"已完成投资", r"完成投资", r"累计投资"],
    f"{E}-unanswerable-010": [r"\d{3,4}-\d{7,8}", r"电话[:：]?\d", r"联系电话", r"联系人"],
    f"{E}-unanswerable-013": [r"公益金.{0,40}\d+%", r"不低于\d+%", r"\d+%.{0,20}公益金"],
    f"{E}-unanswerable-016": [r"\d+元", r"每餐", r"餐补"],
    f"{E}-unanswerable-019": [r"2024年.{0,30}访视", r"访视率.{0,30}2024"],
    f"{E}-unanswerable-021": [r"日间照料中心.{0,30}(2025|目标)", r"(2025|目标).{0,30}日间照料中心"],
    f"{E}-unanswerable-024": [r"优惠期.{0,10}20\d\d", r"20\d\d年.{0,10}(止|为止|截止)", r"(截至|截止)20\d\d年.{0,10}(免征|优惠)"],
    f"{E}-unanswerable-025": [r"2030"],
    f"{N}-unanswerable-003": [r"高压", r"\d+个工作日.{0,10}高压"],
    f"{N}-unanswerable-005": [r"上限.{0,10}\d+千瓦", r"提升至\d+", r"\d+千瓦.{0,10}上限"],
    f"{N}-unanswerable-009": [r"清零.{0,30}20\d\d", r"20\d\d.{0,40}清零"],
    f"{N}-unanswerable-011": [r"元/千瓦时", r"每度", r"\d+元", r"电价"],
    f"{N}-unanswerable-013": [r"12398", r"\d{5,}", r"热线"],
    f"{N}-unanswerable-015": [r"\d+个.{0,10}(城市|地区|城镇)", r"一流城市.{0,10}\d"],
    f"{N}-unanswerable-017": [r"充.{0,60}\d+个工作日"],
    f"{N}-unanswerable-019": [r"\d+元", r"\d+万元", r"罚款"],
    f"{N}-unanswerable-022": [r"备案.{0,15}\d+(日|天|个工作日)", r"\d+(日|天|个工作日)内.{0,10}备案"],
    f"{N}-unanswerable-025": [r"2020.{0,80}千瓦", r"1479号.{0,80}\d+千瓦"],
}

# Key-fact alternatives not written as such in the document: bracket variants of document
# numbers and unit names, and one Arabic-numeral count. Each must match after
# numeral/bracket normalisation.
VARIANTS = {
    f"{B}-meta-001": ["京政服发[2019]34号"],
    f"{B}-content-010": ["5个等级"],
    f"{B}-cross-023": ["国办发[2019]51号"],
    f"{T}-meta-001": ["穗府办规[2021]19号"],
    f"{P}-meta-001": ["穗府办规[2024]13号"],
    f"{N}-meta-001": ["发改能源规[2025]624号"],
    f"{N}-content-012": ["地方能源(电力)主管部门"],
    f"{N}-unit-014": ["省级能源(电力)主管部门"],
}

# Noisy rows by style.
NOISY_STYLE = {
    f"{B}-noisy-021": "typo",
    f"{T}-noisy-020": "traditional",
    f"{P}-noisy-021": "keywords",
    f"{H}-noisy-020": "traditional_keywords",
    f"{E}-noisy-020": "typo_keywords",
    f"{N}-noisy-020": "keywords",
}

MAX_GROUPS = {"list": 4, "by_date": 4, "unit_tasks": 4}
MAX_COPY = 20          # no question repeats more than this many characters of its document
ALT_LEN = (2, 16)      # key-fact alternatives are 2-16 characters (a 文号 may be longer)
DOC_NO = re.compile(r".+[〔\[](19|20)\d\d[〕\]]\d+号")
NAME = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)+")


def main():
    status = checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)

    errors = []
    err = errors.append
    docs = checklib.load_docs(DOCS)
    rows = [r for _, r in checklib.read_rows(DATA, err)]

    # docs/: one relative symlink per document, resolving to the file of its source set
    _, _, paths = checklib.load_linked_docs(
        list(SOURCES), sorted({os.path.join(EVALS, s, "docs") for s in SOURCES.values()}), REPO, err)
    for stem, path in paths.items():
        if os.path.basename(os.path.dirname(os.path.dirname(path))) != SOURCES[stem]:
            err(f"{stem}: read from {path}, expected evals/{SOURCES[stem]}/docs")
        if os.path.islink(path):
            err(f"{stem}: {path} is itself a symlink; link to the real file")
    checklib.check_doc_links(paths, DOCS, list(SOURCES), err)

    for stem in docs:
        if not NAME.fullmatch(stem):
            err(f"{stem}: file name is not <place>-<year>-<english-topic-slug>")
    if set(docs) != set(COUNTS):
        err(f"docs/ holds {sorted(docs)}, expected {sorted(COUNTS)}")

    per_type = defaultdict(Counter)
    numbers = defaultdict(list)
    scope_all = Counter()
    refusals = Counter()
    used = {}
    most_copied = ("", "")
    by_id = {}
    for r in rows:
        rid, doc, typ = r.get("id"), r.get("doc"), r.get("type")
        by_id[rid] = r
        if doc not in docs:
            continue
        text = docs[doc]
        per_type[doc][typ] += 1
        n = checklib.id_number(rid, doc, typ)
        if n is not None:
            numbers[doc].append(n)
        if r.get("split") != SPLIT:
            err(f"{rid}: split must be {SPLIT}")
        scope = r.get("scope")
        if scope == "all":
            scope_all[doc] += 1
            if not any(w in r.get("question", "") for w in DOC_NAMES[doc]):
                err(f"{rid}: scope-all question names none of {DOC_NAMES[doc]}")
        elif scope != "doc":
            err(f"{rid}: scope must be doc or all")
        if typ == "cross" and scope != "all":
            err(f"{rid}: cross rows are asked over all documents")
        copy = checklib.longest_copy(r.get("question", ""), text)
        if len(copy) > len(most_copied[1]):
            most_copied = (rid, copy)
        if len(copy) > MAX_COPY:
            err(f"{rid}: question copies {len(copy)} characters of its document: {copy!r}")
        if typ == "noisy" and rid not in NOISY_STYLE:
            err(f"{rid}: noisy row without a NOISY_STYLE")
        if r.get("refuse"):
            refusals[doc] += 1
            kind = KIND.get(rid, (None, None))[0]
            if kind not in EXPECTED_KINDS:
                err(f"{rid}: refusal row without a KIND")
            if (kind == "other_year") != (scope == "all"):
                err(f"{rid}: the other-year refusal, and only it, is asked over all documents")
            if scope == "all":
                # asked over all six documents: no document may state the fact
                for other, otext in docs.items():
                    for p, hit in checklib.absent_hits(ABSENT.get(rid, []), otext):
                        err(f"{rid}: pattern {p!r} matches {other}: {hit!r}")
            continue
        groups = r.get("key_facts") or []
        checklib.check_listed_variants(rid, groups, text, VARIANTS, used, err)
        for g in groups:
            for alt in g if isinstance(g, list) else []:
                if (isinstance(alt, str) and not ALT_LEN[0] <= len(alt) <= ALT_LEN[1]
                        and not DOC_NO.fullmatch(alt)):
                    err(f"{rid}: key-fact alternative {alt!r} is not {ALT_LEN[0]}-{ALT_LEN[1]} characters")
        if typ in MAX_GROUPS and len(groups) > MAX_GROUPS[typ]:
            err(f"{rid}: {len(groups)} key-fact groups, at most {MAX_GROUPS[typ]} on {typ} rows")
        # every key-fact group is proved by the evidence or, failing that, by the document
        ev = checklib.nospace("".join(r.get("evidence") or []))
        flat = checklib.nospace(text)
        for g in groups:
            if isinstance(g, list) and not any(checklib.nospace(a) in ev for a in g):
                if not any(checklib.nospace(a) in flat for a in g):
                    if not all(checklib.is_numeral_or_bracket_variant(a, flat) for a in g):
                        err(f"{rid}: key-fact group {g!r} found neither in the evidence nor in the document")
        ev_list = r.get("evidence") or []
        if len(set(ev_list)) != len(ev_list):
            err(f"{rid}: evidence repeats a string")
        if typ == "followup":
            h = r.get("history") or []
            if h and checklib.nospace(h[-1].get("content", "")) and all(
                    checklib.nospace(a) in checklib.nospace(h[-1]["content"]) for g in groups for a in g[:1]):
                err(f"{rid}: the earlier assistant turn already states every key fact")
    checklib.check_variants_used(VARIANTS, used, err)

    for doc, want in COUNTS.items():
        got = {t: per_type[doc][t] for t in set(want) | set(per_type[doc])}
        for t in sorted(got):
            if got[t] != want.get(t, 0):
                err(f"{doc}: {got[t]} {t} rows, expected {want.get(t, 0)}")
        if sum(want.values()) != ROWS_PER_DOC:
            err(f"{doc}: COUNTS adds up to {sum(want.values())}, expected {ROWS_PER_DOC}")
        if numbers[doc] != list(range(1, ROWS_PER_DOC + 1)):
            err(f"{doc}: ids do not run 001-{ROWS_PER_DOC:03d} in file order")
        if scope_all[doc] != SCOPE_ALL_PER_DOC:
            err(f"{doc}: {scope_all[doc]} scope-all rows, expected {SCOPE_ALL_PER_DOC}")
        if refusals[doc] != REFUSALS_PER_DOC:
            err(f"{doc}: {refusals[doc]} refusal rows, expected {REFUSALS_PER_DOC}")

    for doc in docs:
        kinds = Counter(k for rid, (k, _) in KIND.items() if rid.startswith(doc + "-"))
        if kinds != EXPECTED_KINDS:
            err(f"{doc}: refusal kinds {dict(kinds)}, expected {dict(EXPECTED_KINDS)}")
    for rid in KIND:
        if rid not in by_id or not by_id[rid].get("refuse"):
            err(f"KIND lists {rid}, not a refusal row")
    for rid in NOISY_STYLE:
        if rid not in by_id or by_id[rid].get("type") != "noisy":
            err(f"NOISY_STYLE lists {rid}, not a noisy row")

    print("\nrows per type (set-specific view)")
    cols = list(COUNTS)
    short = {d: d.split("-")[0][:9] + "-" + d.split("-")[1] for d in cols}
    print("type".ljust(14) + "".join(short[d].ljust(16) for d in cols) + "total")
    for t in sorted({t for d in cols for t in per_type[d]}):
        print(t.ljust(14) + "".join(str(per_type[d][t]).ljust(16) for d in cols)
              + str(sum(per_type[d][t] for d in cols)))
    print("scope all".ljust(14) + "".join(str(scope_all[d]).ljust(16) for d in cols)
          + str(sum(scope_all.values())))
    total = sum(sum(per_type[d].values()) for d in cols)
    print(f"\nrefusals: {sum(refusals.values())} of {total} rows "
          f"({100 * sum(refusals.values()) / max(total, 1):.0f} %)")
    print("refusal rows per kind:", dict(sorted(Counter(k for k, _ in KIND.values()).items())))
    print("refusal rows per missing detail:", dict(sorted(Counter(d for _, d in KIND.values()).items())))
    print("noisy rows per style:", dict(sorted(Counter(NOISY_STYLE.values()).items())))
    print(f"longest run copied from a document by a question: {len(most_copied[1])} "
          f"characters ({most_copied[1]!r}, {most_copied[0]})")
    return checklib.finish(status, errors)


if __name__ == "__main__":
    sys.exit(main())

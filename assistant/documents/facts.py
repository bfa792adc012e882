"""Facts of an item: deadlines, recurring periods, quantities, actors (responsible
units) and referenced documents. Every fact keeps its verbatim span and the index
of the sentence it was found in.

>>> [f.value for f in extract_facts(["2017年10月底前，各单位要完成录入。"], 2017) if f.kind == "deadline"]
['2017-10-31']
"""

from __future__ import annotations

import calendar
import re

from ..schema import Fact, parse_cn_number
from . import units as unitlib

NUM = r"(?:\d+|[一二两三四五六七八九十]+)"

# ---------------------------------------------------------------- deadlines

RE_DAY = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|之前|以前|(?=[和、及]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*前))")
# 10月31日和11月30日前: the second date takes its year from the first or the document.
RE_DAY_NO_YEAR = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|之前|以前)")
RE_MONTH_END = re.compile(
    r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(?:底|末|份)\s*(?:前|之前|以前)"
    r"|(?:底|末|份)?(?=\s*(?:前|之前|以前)?\s*(?:要|需|应|须)?\s*(?:初步|全面|基本|全部|力争)?\s*(?:完成|取得|实现|完善|建成|上线|开工|投入|出台|印发))"
    r"|(?:底|末)(?=[，,）)；;])"
    # 于6月前公布…: a month with 前 alone is a deadline too.
    r"|(?=\s*(?:之前|以前|前)))"
)
# The end of a span of days: 9月5日至9月8日, 8月初至8月31日, 至2021年11月30日, 2017年10月1日—5日.
RE_UNTIL_DAY = re.compile(
    r"(?:(?<=[至到—～~－])|(?<=[至到]\s))\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?!\s*起)"
)
RE_SPAN_START = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|初|上旬|中旬)?\s*[至到—～~－]\s*$")
# 9月中旬前, 10月上旬前完成, 至11月下旬: a part of a month.
RE_MONTH_PART = re.compile(
    r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(上旬|中旬|下旬)(?:\s*(?:前|之前|以前)|(?=\s*(?:要|需|应|须)?\s*(?:完成|启动|开展|建成|上线|出台|印发))|(?<=(?:至|到)\d月..)|(?<=(?:至|到)\d\d月..))"
)
MONTH_PART_DAY = {"上旬": 10, "中旬": 20}
# 即日起至12月底, 到9月底: the end of a span up to a month.
RE_UNTIL_MONTH = re.compile(r"(?<=[至到])\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:底|末)")
# 到2020年 / 到2025年底 / 2025年前完成: a target year; 力争2023年 is a figure's year, not a deadline
# (nor is 2017年前的文件 a limit).
RE_TARGET_YEAR = re.compile(r"(?:到|至)\s*(\d{4})\s*年(?:底|末)?(?![\d月度])|(\d{4})\s*年内|(?<!\d)(\d{4})\s*年(?:之|以)?前(?![\d月的])|(?<![\d年])(?:今|本)年(?:内|年底前|底前)|(?:^|(?<=[。；;，,：:]))\s*(\d{4})\s*年(?:底|末)?(?=[，,])")
# Time limits counted from an event: 10个工作日内, 印发一个月内, 利用2-3年时间, 48小时内.
RE_LIMIT = re.compile(
    # 压缩至1个工作日, 缩短到3天, 控制在5个工作日: a duration a task sets, without 内.
    r"(?<=[至到在])(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:个)?\s*(?:工作日|自然日|天|小时)(?:以内|之内|内)?|"
    # 提前5个工作日公示, 满一年可申请: a duration before or after an event.
    r"(?:(?<=提前)|(?<=满)|(?<=为期)|(?<=期限为)|(?<=时限为)|(?<=周期为))(?:\d+|[一二两三四五六七八九十半]+)\s*(?:个)?\s*(?:工作日|自然日|日|天|小时|周|个月|年)|"
    # 公示时间不少于5个工作日, 延期不超过7个工作日: a bounded number of days (不超过5年 bounds a
    # period, not a limit to meet).
    r"(?:(?<=不少于)|(?<=至少)|(?<=不超过)|(?<=最长))(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(?:工作日|自然日|日|天|小时)|"
    # 在规定期限内办结（5个工作日）: a duration in a bracket of its own is the limit it names.
    r"(?<=[（(])(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(?:工作日|自然日|天|小时)(?:内|以内)?(?=[）)])|"
    # 集中攻坚3个月左右, 巩固提升半年左右: an approximate duration.
    r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(?:工作日|天|周|个月|年)\s*左右|半年左右|"
    r"有效期(?:为)?\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(?:年|月)|(?:\d+(?:[-－~～至到]\d+)?|[一二两三四五六七八九十]+)\s*(?:个)?\s*(?:工作日|自然日|日|天|个月|月|周|小时|年)\s*(?:内|以内|之内|时间)"
)
# Open time limits: only where they stand as the limit (a bracket tag or a clause of their own).
RE_OPEN = re.compile(r"(?:(?<=[（(，,；;：:])|^)\s*(持续推进|长期坚持|按进度推进|长期推进|持续开展|常态化推进)\s*(?=[）)，,；;。]|$)|(?<=并)(持续推进)(?=[）)，,；;。])")
RE_RECURRING = re.compile(r"(?:每年|每季度|每半年|每月|每周)\s*(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*日|底|末|最后一(?:个|天)(?:工作日|周[一二三四五六日])?|第一个月)?\s*(?:前|之前)?|(?:自|从)\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?起(?:每年)?"
                          # A start without 自/从: 8月中旬起, 2024年1月起 (not 10月1日起至…, a span).
                          r"|(?<![\d至到—～~－])(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|上旬|中旬|下旬|初)?起(?![至到])")
RE_YEAR_END = re.compile(r"(?:(\d{4})\s*年\s*|(?<![\d年]))(?:年)?(?:底|末)\s*(?:前|之前|以前)")
# 上半年/第二季度 as a time limit (在上半年组织, 力争第二季度开工, 上半年获批), not as a
# noun (上半年考评分值): a word that marks time before it, or a verb or mark after it.
RE_HALF = re.compile(
    r"(?:(\d{4})\s*年\s*)?(上半年|下半年|第?[一二三四1-4]季度)(?:前|之前|末前|底前|内)?"
    r"(?!考|的|工作|分值|数据|情况|报|总结|计划|任务|目标|各)"
)

# 年度 alone qualifies a noun (年度建设计划, 分年度目标, 年度考核): only 每年度/按年度 set a period.
RE_PERIOD = re.compile(r"全年|每[两二三四五]?年|每[2-5]年|每一?年度|按年度|逐年度|每季度|每半年|每[两二三]?个?月|(?<!不)定期|[“\"‘]?十[一二三四五六七八九]五[”\"’]?(?:期间|时期|末)")

# A span of years a task is set in (建设期限 2022-2023, 2023—2025年实施): when, though no
# date (a span standing as a period, 2024—2026年，…, is a deadline: RE_YEAR_SPAN).
RE_YEARS_SET = re.compile(r"(?<![\d.])(?:19|20)\d{2}\s*年?\s*[-－—–～~至到]\s*(?:19|20)\d{2}\s*年?(?![\d.月])")

# A labelled time field (活动时间：8月下旬—9月上旬, 时间：初定2017年9月): the value is the
# event's time as written, however loose; its last month gives the date.
RE_TIME_LABEL = re.compile(r"^\s*(?:活动|举办|开展|实施|举行|比赛|会议)?时间(?:安排)?\s*[：:]\s*(?:初定|暂定|拟定?于?|计划于?)?")
RE_LABEL_MONTH = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(上旬|中旬|下旬|初|底|末)?")

# A limit labelled as such anywhere in a sentence: 完成时限：2024年12月, （时间节点：6月30日）.
RE_LIMIT_LABEL = re.compile(
    r"(?:完成时限|完成时间|完成期限|时间节点|时限要求|办结时限|时限|期限|(?<=[（(])时间)\s*[：:]\s*(?:力争|确保|原则上)?\s*"
    r"(?P<value>(?:(?P<y>\d{4})\s*年\s*)?(?P<mo>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?(?:底|末)?\s*(?:前|之前|以前)?)(?![\d至到—～~－-])"
)
# A span of months: 2024年3月—2024年6月, 2024年3月至6月 (not 8月下旬—9月上旬, read as parts).
RE_MONTH_SPAN = re.compile(
    r"(?:(?P<y1>\d{4})\s*年\s*)?\d{1,2}\s*月\s*(?:份)?\s*(?:[—～~－-]{1,2}|至|到)\s*(?:(?P<y2>\d{4})\s*年\s*)?(?P<mo>\d{1,2})\s*月(?!\s*\d{1,2}\s*日|\s*[上中下]旬|\s*[底末初])\s*(?:份)?"
)
# A span of years standing as a period (2024—2026年，…; 2024-2026年期间), not a title's
# (2024—2026年行动计划).
RE_YEAR_SPAN = re.compile(r"(?<!\d)(\d{4})\s*(?:年)?\s*[—～~－-]{1,2}\s*(\d{4})\s*年(?=\s*(?:[，,：:；;]|期间|间|内))")

QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def deadlines(sentence: str, year: int | None) -> list[tuple[str, str, int]]:
    """(verbatim span, ISO date, start offset) of the deadlines in a sentence."""
    found: list[tuple[str, str, int]] = []
    taken: list[range] = []

    recurring = [range(m.start(), m.end() + 6) for m in re.finditer(r"每年|每季度|每半年|每月", sentence)]

    def add(m, iso, start=None):
        start = m.start() if start is None else start
        span = range(start, m.end())
        if any(set(span) & set(t) for t in taken) or any(start in r for r in recurring):
            return
        taken.append(span)
        found.append((sentence[start : m.end()], iso, start))

    for m in RE_DAY.finditer(sentence):
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}")
    for m in RE_DAY_NO_YEAR.finditer(sentence):
        mo, d = int(m.group(1)), int(m.group(2))
        y = int(found[-1][1][:4]) if found else year
        if y and 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}")
    # 10月底前 / 6月底完成, and the end of a span up to a month (至12月底): the month's end.
    for m in (*RE_MONTH_END.finditer(sentence), *RE_UNTIL_MONTH.finditer(sentence)):
        y = int(m.group(1)) if m.group(1) else year
        mo = int(m.group(2))
        if y and 1 <= mo <= 12:
            add(m, _month_end(y, mo))
    for m in RE_UNTIL_DAY.finditer(sentence):
        # The month (and year) of a bare end day come from the span's start: 10月1日—5日.
        before = re.findall(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月", sentence[: m.start()])
        y = int(m.group(1)) if m.group(1) else int(before[-1][0]) if before and before[-1][0] else year
        mo = int(m.group(2)) if m.group(2) else int(before[-1][1]) if before else 0
        d = int(m.group(3))
        if y and 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            # The span is the deadline as written, its start included (9月5日至9月8日).
            opening = RE_SPAN_START.search(sentence[: m.start()])
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", opening.start() if opening else None)
    for m in RE_MONTH_PART.finditer(sentence):
        y = int(m.group(1)) if m.group(1) else year
        mo = int(m.group(2))
        if y and 1 <= mo <= 12:
            day = MONTH_PART_DAY.get(m.group(3)) or calendar.monthrange(y, mo)[1]
            add(m, f"{y:04d}-{mo:02d}-{day:02d}")
    for m in RE_YEAR_END.finditer(sentence):
        y = int(m.group(1)) if m.group(1) else year
        # "年底前" alone needs the text before it to be 年-less context, e.g. "确保年底前".
        if y and (m.group(1) or "年" in m.group(0) or sentence[max(0, m.start() - 1) : m.start()] == "年"):
            add(m, f"{y:04d}-12-31")
    for m in RE_HALF.finditer(sentence):
        y = int(m.group(1)) if m.group(1) else year
        if not y:
            continue
        part = m.group(2)
        if part == "上半年":
            month = 6
        elif part == "下半年":
            month = 12
        else:
            month = QUARTER_END[part.strip("第季度")[0]]
        add(m, _month_end(y, month))
    for m in RE_TARGET_YEAR.finditer(sentence):
        y = next((int(g) for g in m.groups() if g), year)
        if y:
            add(m, f"{y:04d}-12-31")
    # A labelled limit inside a sentence or bracket (（完成时限：2023年6月）, 时间节点：2025年6月):
    # a bare month or date there is the deadline.
    for m in RE_LIMIT_LABEL.finditer(sentence):
        y = int(m.group("y")) if m.group("y") else year
        mo, d = int(m.group("mo")), int(m.group("d") or 0)
        if y and 1 <= mo <= 12 and d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d or calendar.monthrange(y, mo)[1]:02d}", m.start("value"))
    # A stage's span of months (第一阶段（2024年3月—2024年6月）, 2024年3月至6月): its end.
    for m in RE_MONTH_SPAN.finditer(sentence):
        y = int(m.group("y2") or m.group("y1") or 0) or year
        mo = int(m.group("mo"))
        if y and 1 <= mo <= 12:
            add(m, _month_end(y, mo))
    # A span of years (2024—2026年，…): the plan's period, ending with its last year.
    for m in RE_YEAR_SPAN.finditer(sentence):
        add(m, f"{int(m.group(2)):04d}-12-31")
    label = RE_TIME_LABEL.match(sentence)
    if label and not found:
        value = re.split(r"[，,。；;]", sentence[label.end():])[0].strip()
        months = list(RE_LABEL_MONTH.finditer(value))
        if months:
            last = months[-1]
            y = next((int(m.group(1)) for m in reversed(months) if m.group(1)), year)
            mo = int(last.group(2))
            if y and 1 <= mo <= 12:
                day = {"上旬": 10, "初": 10, "中旬": 20}.get(last.group(3) or "") or calendar.monthrange(y, mo)[1]
                found.append((value, f"{y:04d}-{mo:02d}-{day:02d}", label.end()))
    found.sort(key=lambda t: t[2])
    return found


# ---------------------------------------------------------------- quantities

COMPARATORS = {
    "不少于": ">=",
    "不低于": ">=",
    "至少": ">=",
    "不超过": "<=",
    "不多于": "<=",
    "最多": "<=",
    "超过": ">",
    "不高于": "<=",
    "低于": "<",
    "高于": ">",
}
UNITS = "次期项个家场批名人天日篇件份%％"
RE_QUANTITY = re.compile(
    rf"(?P<cmp>不少于|不低于|至少|不超过|不多于|最多|超过)?(?P<verb>要?(?:举办|听取|开展|召开|组织|培训|参加|连续)?)"
    rf"(?P<count>{NUM})(?P<unit>[{UNITS}])(?P<tail>以上|以下|以内)?"
)
RE_PERIOD_WORD = re.compile(r"(?:全年|每年|每季度|每半年|每月|年度)$")


def quantities(sentence: str) -> list[tuple[str, dict, int]]:
    """(verbatim span, {count, unit, comparator, counted}, offset) of the figures in a sentence.

    Only figures that state a requirement are kept: a comparator, an Arabic count, or
    a verb such as 举办/听取 before the count (so 四项工作制度 is kept, 一平台 is not)."""
    out = []
    for m in RE_QUANTITY.finditer(sentence):
        count_text = m.group("count")
        if m.group("unit") == "日" and re.search(r"月\s*$", sentence[: m.start("count")]):
            continue  # 9月9日 is a date, not nine days
        count = int(count_text) if count_text.isdigit() else parse_cn_number(count_text)
        if count is None:
            continue
        prev = sentence[max(0, m.start("count") - 1) : m.start("count")]
        if prev in (".", "．"):
            continue  # the decimals of 4.66人: figures() reads the whole number
        if not m.group("cmp") and not m.group("verb"):
            prev = sentence[max(0, m.start() - 1) : m.start()]
            if prev and (prev.isdigit() or prev in "第〔（(年"):
                continue
        after_char = sentence[m.end() : m.end() + 1]
        if m.group("unit") in "日天" and after_char in ("前", "内"):
            continue  # a date, not a figure
        if re.match(r"(?:工作日|自然日|月|小时|周)", sentence[m.end() :]):
            continue  # 10个工作日内: a time limit, not a count
        explicit = m.group("cmp") or m.group("verb") or count_text.isdigit()
        if not explicit and not (count >= 2 and m.group("unit") == "项"):
            continue
        comparator = COMPARATORS.get(m.group("cmp") or "", "=")
        if m.group("tail") == "以上":
            comparator = ">="
        elif m.group("tail") in ("以下", "以内"):
            comparator = "<="
        after = re.split(r"[，。；、,;：:]", sentence[m.end() :], maxsplit=1)[0].strip()
        if after:
            counted = after
        else:
            before = re.split(r"[，。；,;：:]", sentence[: m.start()])[-1]
            counted = RE_PERIOD_WORD.sub("", before.strip())
            if not counted:
                # "每年至少举办3期": what is counted is the object of the clause before.
                clauses = [c for c in re.split(r"[，；,;]", sentence[: m.start()]) if c.strip()]
                counted = clauses[-2].strip() if len(clauses) >= 2 else ""
        start = m.start() if m.group("cmp") else m.start("count") - len(m.group("verb") or "")
        span = sentence[start : m.end()]
        # Put the recurring period into the span when it qualifies the figure: 全年不少于4次.
        pm = re.search(r"(全年|每年|每季度|每半年|每月)$", sentence[:start])
        if pm:
            start = pm.start()
            span = sentence[start : m.end()]
        out.append(
            (
                span,
                {
                    "count": count,
                    "unit": m.group("unit"),
                    "comparator": comparator,
                    "counted": counted,
                    "period": pm.group(1) if pm else "",
                },
                start,
            )
        )
    return out


# ---------------------------------------------------------------- actors

_MOD = r"(?:各级|各|市本级|县级以上|上一级|本级|同级|有关|相关|主要|派出|工作|行政执法|法制|监察|审计|成员|组织推动|市人民|市|县（市、区）|县\(市、区\)|市、县（市、区）|乡镇|街道|人民|政府|及其|党政|领导|省|区)"
_HEAD = r"(?:人民政府|政府|部门|派出机构|法制机构|法制办|机关|办事处|领导小组|成员单位|负责人|授权组织|领导干部|领导班子|常务会议|监察机关)"
RE_UNIT = re.compile(rf"(?:{_MOD}[、和]?)*{_MOD}{_HEAD}(?:各部门|及其部门|工作部门|有关部门)?")
# An actor stands at the start of a clause and is followed by what it must do.
RE_ACTION = re.compile(r"^(?:[、和及]\S{0,12}?)?(?:要|应|应当|须|必须|切实|认真|全部|负责|全年|结合|向|定期|牵头|在|依法|要在|加强|建立|进一步)")
# Units with a proper name (县政务服务中心, 县政府督查室) at the start of a clause before 要/应/须.
RE_NAMED_UNIT = re.compile(
    r"^([\u4e00-\u9fff（）()]{1,16}?(?:政府|部门|机构|机关|中心|局|委|办|办公室|室|厅|处|院|组织|单位|小组|办事处))(?=要|应|应当|须|必须|负责(?!人))"
)
RE_VERBISH = re.compile(r"推进|采取|加强|建立|完善|落实|开展|实行|实施|按照|根据|通过")
RE_ROLE_LINE = re.compile(r"^(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门)\s*[：:]\s*(.+)$")
ROLE = {"责任单位": "责任", "责任部门": "责任", "牵头单位": "牵头", "牵头部门": "牵头", "配合单位": "配合", "配合部门": "配合"}


def actors(sentence: str) -> list[tuple[str, str, int]]:
    """(verbatim span, role, offset): units that a clause makes responsible.

    ``责任单位：A、B`` lines give each unit with its role; otherwise a unit (or a
    list of units joined by 、) at the start of a clause, followed by a verb such as
    要/应/认真/切实, is an actor."""
    m = RE_ROLE_LINE.match(sentence.strip())
    if m:
        role = ROLE[m.group(1)]
        base = sentence.index(m.group(2))
        out = []
        pos = base
        for part in re.split(r"([，、,；;。])", m.group(2)):
            if part and part not in "，、,；;。":
                out.append((part.strip(), role, pos))
            pos += len(part)
        return [o for o in out if o[0]]
    out = []
    for clause in _clauses(sentence):
        text, offset = clause
        units = []
        pos = 0
        while True:
            u = RE_UNIT.match(text, pos)
            if not u:
                break
            units.append((u.group(0), offset + u.start()))
            pos = u.end()
            if text[pos : pos + 1] in ("、", "和") and RE_UNIT.match(text, pos + 1):
                pos += 1
                continue
            # "法律、法规授权组织": an enumeration whose members are not units themselves
            tail = re.match(r"、([\u4e00-\u9fff]{1,4}、)*[\u4e00-\u9fff]{1,8}授权组织", text[pos:])
            if tail:
                units.append((text[pos + 1 : pos + tail.end()], offset + pos + 1))
                pos += tail.end()
            break
        if not units:
            g = RE_NAMED_UNIT.match(text)
            if g and not RE_VERBISH.search(g.group(1)):
                units, pos = [(g.group(1), offset)], g.end(1)
        if units and RE_ACTION.match(text[pos:]):
            for u, off in units:
                out.extend((part, "", off + rel) for part, rel in _split_units(u))
        elif not units:
            out.extend((u, r, offset + rel) for u, r, rel in _unit_list_subject(text))
    return out


# A list of named units opening a clause and acting together or with others:
# 区建设管理委、区住房保障房屋管理局会同区公安分局、区公安消防支队对…进行…
RE_LIST_SUBJECT = re.compile(r"^([\u4e00-\u9fff（）()、]{2,60}?)(会同|联合|协同|共同|牵头|负责(?!人))")
# The partners after 会同/联合, up to the verb or the object they act on.
RE_PARTNERS = re.compile(r"^([\u4e00-\u9fff（）()、和]{2,60}?)(?=对|在|共同|联合|做好|开展|进行|组织|制定|研究|加强|推进|落实|负责|按照|根据|，|$)")


def _unit_list_subject(text: str) -> list[tuple[str, str, int]]:
    """(unit, role, offset) of a clause opened by a list of unit names that acts with
    others (A、B会同C、D对…): every name must read as a unit's (units.is_unit_name); the
    units after 会同/联合/协同 act with them."""
    m = RE_LIST_SUBJECT.match(text)
    if not m:
        return []
    lead = 1 if m.group(1).startswith("由") else 0  # 由A会同B…
    names = [(n, off + lead) for n, off in _unit_names(m.group(1)[lead:])]
    if not names:
        return []
    out = [(n, "", off) for n, off in names]
    if m.group(2) in ("会同", "联合", "协同"):
        rest = text[m.end():]
        p = RE_PARTNERS.match(rest)
        if p:
            # Named by the sentence, as the units before them: no role of a tag.
            out += [(n, "", m.end() + off) for n, off in _unit_names(p.group(1))]
    return out


def _unit_names(span: str) -> list[tuple[str, int]]:
    """(name, offset) of a list of unit names joined by 、 or 和 (区民政局和区财政局, but
    区住房和城乡建设局 is one name); [] when a piece is not a unit's name."""
    out = []
    for name, off in unitlib.split_names(span):
        halves = name.split("和")
        if len(halves) == 2 and all(len(h) >= 3 and unitlib.is_unit_name(h) for h in halves):
            out += [(halves[0], off), (halves[1], off + len(halves[0]) + 1)]
        elif unitlib.is_unit_name(name) and not RE_VERBISH.search(name):
            out.append((name, off))
        else:
            return []
    return out


def _split_units(span: str) -> list[tuple[str, int]]:
    """Split "各县（市、区）人民政府、市政府派出机构和乡镇政府" into whole unit names: a
    piece that does not end with a unit word (市、县（市、区）政府) is kept with the next."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(span):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
        elif ch in "、和" and depth == 0:
            pieces.append((span[start:i], start))
            start = i + 1
    pieces.append((span[start:], start))
    out: list[tuple[str, int]] = []
    pending = None
    for text, off in pieces:
        if pending is not None:
            text, off = span[pending : off + len(text)], pending
            pending = None
        if re.search(_HEAD + r"(?:各部门|及其部门|工作部门|有关部门)?$", text) or text.endswith("授权组织"):
            out.append((text, off))
        else:
            pending = off
    if pending is not None:
        out.append((span[pending:], pending))
    return out


def _clauses(sentence: str) -> list[tuple[str, int]]:
    out, start = [], 0
    for m in re.finditer(r"[，；。：,;:]", sentence):
        out.append((sentence[start : m.start()], start))
        start = m.end()
    if start < len(sentence):
        out.append((sentence[start:], start))
    return [(c.lstrip(), o + len(c) - len(c.lstrip())) for c, o in out if c.strip()]


# ---------------------------------------------------------------- references

# 国办发〔2015〕63号, and an order's number: 国家发展改革委令第20号.
RE_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\s*\d{4}\s*〕\s*\d+\s*号|[\u4e00-\u9fff]{2,16}令\s*第\s*\d+\s*号")


def references(sentence: str) -> list[tuple[str, dict, int]]:
    """(verbatim span, {title, number}, offset): 《…》 titles (outermost) with an
    optional （…〔year〕N号） right after them, and bare document numbers."""
    out = []
    used_numbers: set[int] = set()
    i = 0
    while True:
        start = sentence.find("《", i)
        if start < 0:
            break
        depth, end = 0, -1
        for j in range(start, len(sentence)):
            if sentence[j] == "《":
                depth += 1
            elif sentence[j] == "》":
                depth -= 1
                if depth == 0:
                    end = j + 1
                    break
        if end < 0:
            break
        title = sentence[start + 1 : end - 1]
        span_end = end
        number = ""
        nm = re.match(r"[（(]\s*(" + RE_NUMBER.pattern + r")\s*[）)]", sentence[end:])
        if nm:
            number = re.sub(r"\s+", "", nm.group(1))
            used_numbers.add(end + nm.start(1))
            span_end = end + nm.end()
        out.append((sentence[start:span_end], {"title": title, "number": number}, start))
        i = end
    for m in RE_NUMBER.finditer(sentence):
        if m.start() not in used_numbers and not any(o[2] <= m.start() < o[2] + len(o[0]) for o in out):
            out.append((m.group(0), {"title": "", "number": re.sub(r"\s+", "", m.group(0))}, m.start()))
    out.sort(key=lambda t: t[2])
    return out


# ---------------------------------------------------------------- figures beyond counts

# Money, percentages, people, points and other measured figures: 最高3000万元, 95%以上,
# 290万人次, 66.5%, （10分）. Counts with a requirement word are ``quantities``' job.
RE_FIGURE = re.compile(
    r"(?P<cmp>不少于|不低于|不高于|低于|高于|至少|不超过|不多于|最多|最高|超过|达到|力争达到|提高到|降低到|控制在)?"
    r"(?P<count>\d+(?:[.．]\d+)?(?:[-－—～~至到]\d+(?:[.．]\d+)?)?)\s*"
    r"(?P<unit>[多余]?(?:万|亿)[多余]?(?:元|人次|人|户|家|个|项|所|名|张|台|套|辆|吨|亩|公顷|平方公里|平方米|立方米|公里|千米|千瓦时|千瓦|兆瓦)?"
    r"|[多余]?千?(?:元|人次|人|户|家|个|项|所|名|张|台|套|间|辆|周年|座|条|处|栋|艘|床位|部门|部委|吨|亩|公顷|平方公里|平方米|立方米|公里|千米|米|千克|公斤|小时|个百分点|倍|分|%|％|GB|兆瓦|兆|MW|kg|Ω|㎡"
    # Electric measures (160千瓦, 220千伏, 0.4012元/千瓦时).
    r"|瓦时|瓦|伏安|伏)"
    # Measures written in Latin letters or signs (1.00h, 50m, 2.5cm, 35℃, 3m²): not glued to a word after them.
    r"|(?:ms|μs|h|min|km|cm|mm|m²|m2|m³|m3|m|kV|kW|kWh|MWh|GWh|GW|MPa|dB|t|℃|[EPT]FLOPS|Gbps|Mbps|TB|PB|EB)(?![A-Za-z]))"
    r"(?P<tail>以上|以下|以内|左右)?"
)


def figures(sentence: str) -> list[tuple[str, dict, int]]:
    """(verbatim span, {count, unit, comparator, counted}, offset) of measured figures."""
    out = []
    for m in RE_FIGURE.finditer(sentence):
        before = sentence[max(0, m.start() - 1) : m.start()]
        after = sentence[m.end() : m.end() + 1]
        if before and (before.isdigit() or before in "第〔年月") and not (m.group("cmp") or re.search(r"[每按逐][年月]$", sentence[: m.start()])):
            continue  # 2017年10月, 第3: part of a date or an ordinal; not 每月最高1500元, 每年1000万元
        if re.match(r"(?:工作日|自然日|月|小时|周)", sentence[m.end() :]):
            continue  # 10个工作日内: a time limit, not a count
        if after == "内" or sentence[m.end() : m.end() + 2] == "以内" and m.group("unit") in ("小时", "天"):
            continue  # 6小时内: a time limit
        if m.group("unit") == "分" and not (before in "（(满计得扣加减" or after in "）)" or m.group("cmp")):
            continue  # 3分钟, 十分: only points in brackets or with a comparator
        comparator = COMPARATORS.get(m.group("cmp") or "", "=")
        if m.group("cmp") == "最高":
            comparator = "<="
        if m.group("tail") == "以上":
            comparator = ">="
        elif m.group("tail") in ("以下", "以内"):
            comparator = "<="
        head = re.split(r"[，。；、,;：:（(]", sentence[: m.start()])[-1].strip()
        out.append((m.group(0), {"count": m.group("count"), "unit": m.group("unit"), "comparator": comparator, "counted": head, "period": ""}, m.start()))
    for m in RE_FRACTION.finditer(sentence):
        # 就餐费用的四分之一, 三分之二以上: a share written as a fraction.
        head = re.split(r"[，。；、,;：:（(]", sentence[: m.start()])[-1].strip()
        out.append((m.group(0), {"count": m.group(0), "unit": "分之", "comparator": "=", "counted": head, "period": ""}, m.start()))
    return sorted(out, key=lambda t: t[2])


RE_FRACTION = re.compile(r"(?:[一二三四五六七八九十]|\d+)分之(?:[一二三四五六七八九十]+|\d+)(?:以上|以下|以内)?")


# ---------------------------------------------------------------- table cells

RE_DEADLINE_COLUMN = re.compile(r"时限|完成时间|时间节点|完成期限")


def column_role(column: str) -> str:
    """The role a table column gives the units in it: 牵头单位, 主要责任单位, 责任单位（部门）,
    配合单位, 协同部门, 牵头考核单位; "" for a column that holds no units."""
    name = re.sub(r"[（(][^）)]*[）)]|\s", "", column)
    if re.search(r"[委局厅办府]内", name):
        return ""  # 市卫健委内牵头处室: one body's own divisions, not the document's units
    if name in unitlib.LABELS:
        return unitlib.LABELS[name]
    if not re.search(r"(?:单位|部门|处室|科室|主体)$", name):
        return ""
    if "考核" in name:
        return unitlib.ASSESS
    if "牵头" in name:
        return unitlib.LEAD
    if re.search(r"配合|协同|协助|参与|协办", name):
        return unitlib.SUPPORT
    if re.search(r"责任|负责|承办|主责|实施|主体|推进|落实", name):
        return unitlib.RESPONSIBLE
    return ""


# A duties table (单位 | 职责分工, 成员单位 | 主要职责): its unit column names who does the duty.
RE_BARE_UNIT_COLUMN = re.compile(r"^(?:成员)?(?:单位|部门|机构)(?:名称)?$")
RE_DUTY_COLUMN = re.compile(r"职责|分工|工作任务|工作内容|任务内容")


def column_roles(columns) -> dict[str, str]:
    """The role of each column of a table that names one (see :func:`column_role`); a
    bare 单位 column is responsible only beside a column of duties (单位 | 职责分工), since
    elsewhere 单位 is often a unit of measure (指标 | 单位 | 目标值)."""
    roles = {c: r for c in columns if (r := column_role(c))}
    if not roles and any(RE_DUTY_COLUMN.search(c) for c in columns):
        roles = {c: unitlib.RESPONSIBLE for c in columns if RE_BARE_UNIT_COLUMN.match(re.sub(r"\s", "", c))}
    return roles


# A time-limit cell on its own: 3月底, 6-12月, 4月—6月, 2023年, 年内, 年底.
RE_CELL_MONTH = re.compile(r"^(?:(\d{4})\s*年\s*)?(?:\d{1,2}\s*(?:月\s*)?[-－—~～至到]\s*)?(\d{1,2})\s*月(?:份|底|末|中旬|下旬|上旬)?(?:前|之前)?$")
RE_CELL_YEAR = re.compile(r"^(?:(\d{4})\s*年|年)(?:内|底|末)?(?:前)?$")


def cell_deadlines(value: str, year: int | None) -> list[tuple[str, str, int]]:
    """The deadline a time-limit cell states in a form a sentence would not (3月底 alone)."""
    plain = value.strip().rstrip("。")
    m = RE_CELL_MONTH.match(plain)
    if m:
        y = int(m.group(1)) if m.group(1) else year
        mo = int(m.group(2))
        if y and 1 <= mo <= 12:
            return [(plain, _month_end(y, mo), 0)]
    m = RE_CELL_YEAR.match(plain)
    if m and (m.group(1) or year):
        return [(plain, f"{int(m.group(1) or year):04d}-12-31", 0)]
    return []


def cell_facts(cells, year: int | None, sentences=()) -> list[Fact]:
    """Units and deadlines from a table row's named columns (牵头单位, 配合单位, 完成时限);
    each fact points at the first sentence of the row that holds its text."""
    facts: list[Fact] = []

    def at(text: str) -> int:
        return next((i for i, s in enumerate(sentences) if text in s), 0)

    roles = column_roles([c for c, _ in cells])
    for column, value in cells:
        role = roles.get(column, "")
        if role:
            # Units written as separate paragraphs in one cell arrive separated by spaces.
            value = re.sub(r"(?<=[\u4e00-\u9fff）)])\s+(?=[\u4e00-\u9fff（(])", "、", value.strip())
            for unit, r, _ in unitlib.role_clauses(value, role):
                if not re.search(r"[\u4e00-\u9fff]", unit):
                    continue  # "/" or "-" for an empty cell
                facts.append(Fact("actor", unit, unit, at(unit), role=r))
        elif RE_DEADLINE_COLUMN.search(column):
            found = deadlines(value, year) or cell_deadlines(value, year)
            for span, iso, _ in found:
                facts.append(Fact("deadline", span, iso, at(span)))
            opened = list(RE_OPEN.finditer("，" + value))
            for m in opened:
                facts.append(Fact("open", m.group(m.lastindex), m.group(m.lastindex), at(m.group(m.lastindex))))
            plain = value.strip().rstrip("。")
            if not found and not opened and re.search(r"[\u4e00-\u9fff]", plain) and len(plain) <= 20 and not RE_PERIOD.fullmatch(plain):
                # Whatever a time-limit column says is the limit (长期, 全年, 按年度): an open one.
                facts.append(Fact("open", plain, plain, at(plain)))
        elif (m := RE_YEAR_COLUMN.match(column)) and re.search(r"[\u4e00-\u9fff]", value) and not RE_ONGOING_CELL.match(value.strip()):
            # A column of one year's work (2024年工作项目 | 2025年计划): what its cell says is
            # due within that year.
            facts.append(Fact("deadline", f"{m.group(1)}年", f"{m.group(1)}-12-31", at(value.strip()[:12])))
    return facts


# A table column of one year's work or plan: 2024年工作项目, 2025年计划, 2026年度任务.
RE_YEAR_COLUMN = re.compile(r"^\s*(\d{4})\s*年(?:度)?(?:工作项目|工作计划|工作任务|计划|任务|工作|项目|目标任务)$")
# A cell that only carries work on (持续推进…): no limit of that year.
RE_ONGOING_CELL = re.compile(r"^(?:持续|继续|巩固|深化|常态化)")


# "区公安局：负责…": a unit, a colon, its duties (a unit name ends like one, see units).
RE_UNIT_DUTY = re.compile(r"^\s*(?![（(])((?:[^：:，。；（()）]|[（(][^（()）]{1,12}[）)]){2,40}?(?:局|委|办|厅|中心|政府|管委会|部|院|处|科|站|所|队|街道|乡镇|集团|公司|协会)(?:[（(][^（()）]{1,12}[）)])?)\s*[：:]")

# ---------------------------------------------------------------- all facts


def _holder(part: str, units: list[tuple[str, str, int]], offset: int) -> str:
    inside = [u for u, _, off in units if offset <= off < offset + len(part)]
    return inside[0] if inside else ""


# A clause that opens with what a body does, not with the body (会同…制定, 组织开发…, 负责…).
RE_DUTY_OPENING = re.compile(r"^\s*(?:会同|负责|组织|牵头|指导|协调|统筹|承担|制定|建立|做好|开展|推进|督促|监督)")
# The partners of 会同 (会同市发展改革部门制定…): bodies that take part.
RE_JOINTLY = re.compile(r"^\s*会同([^，。；;：:]{2,40}?)(?=制定|开展|做好|研究|建立|组织|推进|实施|共同|联合|对|[，,])")


def _shared_subjects(sentences, facts: list[Fact]) -> list[Fact]:
    """Units of clauses that share the subject of the clause a semicolon run opens with
    (市人力资源社会保障部门负责…；会同市发展改革部门制定…；组织开发…): each such clause is
    that body's duty, and 会同's partners take part in it."""
    subjects = {}
    for f in facts:
        if f.kind == "actor" and not f.role:
            subjects.setdefault(f.sentence, []).append(f)
    out, run = [], []
    for idx, s in enumerate(sentences):
        joined = idx > 0 and re.search(r"[；;]\s*$", sentences[idx - 1]) is not None
        if not joined or subjects.get(idx):
            run = subjects.get(idx, []) if not RE_DUTY_OPENING.match(s) else []
            continue
        if not run or not RE_DUTY_OPENING.match(s) or any(f.kind == "actor" and f.sentence == idx for f in facts):
            continue
        partners = RE_JOINTLY.match(s)
        # "（X）会同Y制定…": X leads the work, Y takes part.
        out += [Fact("actor", f.text, f.value, idx, role=unitlib.LEAD if partners else f.role) for f in run]
        if partners:
            names = [n for n, _ in unitlib.split_names(partners.group(1)) if unitlib.is_unit_name(n)]
            out += [Fact("actor", n, n, idx, role=unitlib.SUPPORT) for n in names]
    return out


def extract_facts(sentences, year: int | None, cells=()) -> list[Fact]:
    """All facts of a list of sentences (and a table row's cells), in reading order
    within each kind. A deadline's ``holder`` is the unit named in the same clause."""
    facts: list[Fact] = []
    for idx, s in enumerate(sentences):
        labelled = unitlib.labelled_units(s)
        tagged = unitlib.tagged_units(s)
        duty = RE_UNIT_DUTY.match(s)
        if duty and not labelled and all(unitlib.is_unit_name(u) for u in re.split(r"[、，,]", duty.group(1))):
            # 区公安局：负责…, a paragraph of a section of duties headed by its unit.
            tagged = tagged + [(u, unitlib.RESPONSIBLE, duty.start(1)) for u in re.split(r"[、，,]", duty.group(1))]
        subjects = actors(s) if not labelled else []
        # A tag's unit (（省商务厅负责）) is not also a clause's subject.
        tagged_names = {u for u, _, _ in tagged}
        subjects = [(u, r, off) for u, r, off in subjects if u.lstrip("（(") not in tagged_names and not u.startswith(("（", "("))]
        named = [(u, r, off) for u, r, off in labelled + tagged + subjects]
        parts, pos = [], 0
        for piece in re.split(r"(?<=[；;])", s):
            parts.append((piece, pos))
            pos += len(piece)
        for span, iso, off in deadlines(s, year):
            piece, start = next(((p, o) for p, o in parts if o <= off < o + len(p)), (s, 0))
            facts.append(Fact("deadline", span, iso, idx, holder=_holder(piece, named, start) if len(parts) > 1 else ""))
        for m in RE_OPEN.finditer(s):
            text = m.group(m.lastindex)
            facts.append(Fact("open", text, text, idx))
        for m in RE_LIMIT.finditer(s):
            text = m.group(0).strip()
            if not re.match(r"^(?:\d{4}|[一二三四五六七八九十]{1,2}月)", text):
                facts.append(Fact("limit", text, text, idx))
        for m in RE_RECURRING.finditer(s):
            if re.search(r"\d|月|起|最后|前", m.group(0)):
                facts.append(Fact("period", m.group(0).strip(), m.group(0).strip(), idx))
        for m in RE_PERIOD.finditer(s):
            facts.append(Fact("period", m.group(0), m.group(0), idx))
        for m in RE_YEARS_SET.finditer(s):
            dated = any(f.kind == "deadline" and f.sentence == idx and m.group(0).strip() in f.text for f in facts)
            if not dated and s[: m.start()].count("《") <= s[: m.start()].count("》"):  # not a title's (2024-2026年)
                facts.append(Fact("period", m.group(0).strip(), m.group(0).strip(), idx))
        counted = quantities(s)
        taken = [range(off, off + len(span)) for span, _, off in counted]
        for span, value, _ in counted:
            facts.append(Fact("quantity", span, value, idx))
        for span, value, off in figures(s):
            if not any(off in r or off + len(span) - 1 in r for r in taken):
                facts.append(Fact("quantity", span, value, idx))
        seen = set()
        for unit, role, _ in labelled + tagged:
            if (unit, role) not in seen:
                seen.add((unit, role))
                facts.append(Fact("actor", unit, unit, idx, role=role))
        for span, role, _ in subjects:
            facts.append(Fact("actor", span, span, idx, role=role))
        for span, value, _ in references(s):
            facts.append(Fact("reference", span, value, idx))
    facts += _shared_subjects(sentences, facts)
    # A cell's unit or deadline is also read from its sentence: the cell's (with the role
    # its column gives) is kept.
    from_cells = list(dict.fromkeys(cell_facts(cells, year, sentences)))
    named = {(f.kind, f.text, f.sentence) for f in from_cells}
    return [f for f in facts if (f.kind, f.text, f.sentence) not in named] + from_cells

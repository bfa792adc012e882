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

NUM = r"(?:\d+|[一二两三四五六七八九十]+)"

# ---------------------------------------------------------------- deadlines

RE_DAY = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:前|之前|以前)")
RE_MONTH_END = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:底|末|份)\s*(?:前|之前|以前)")
RE_YEAR_END = re.compile(r"(?:(\d{4})\s*年\s*|(?<![\d年]))(?:年)?(?:底|末)\s*(?:前|之前|以前)")
RE_HALF = re.compile(r"(?:(\d{4})\s*年\s*)?(上半年|下半年|第?[一二三四1-4]季度)(?:前|之前|末前|底前|内)?")
RE_PERIOD = re.compile(r"全年|每年|(?<![\d年])年度|每季度|每半年|每月|(?<!不)定期")

QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def deadlines(sentence: str, year: int | None) -> list[tuple[str, str, int]]:
    """(verbatim span, ISO date, start offset) of the deadlines in a sentence."""
    found: list[tuple[str, str, int]] = []
    taken: list[range] = []

    def add(m, iso):
        span = range(m.start(), m.end())
        if any(set(span) & set(t) for t in taken):
            return
        taken.append(span)
        found.append((m.group(0), iso, m.start()))

    for m in RE_DAY.finditer(sentence):
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}")
    for m in RE_MONTH_END.finditer(sentence):
        y = int(m.group(1)) if m.group(1) else year
        mo = int(m.group(2))
        if y and 1 <= mo <= 12:
            add(m, _month_end(y, mo))
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
}
UNITS = "次期项个家场批名人天日篇件份%％"
RE_QUANTITY = re.compile(
    rf"(?P<cmp>不少于|不低于|至少|不超过|不多于|最多|超过)?(?P<verb>要?(?:举办|听取|开展|召开|组织|培训|参加)?)"
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
        count = int(count_text) if count_text.isdigit() else parse_cn_number(count_text)
        if count is None:
            continue
        if not m.group("cmp") and not m.group("verb"):
            prev = sentence[max(0, m.start() - 1) : m.start()]
            if prev and (prev.isdigit() or prev in "第〔（(年"):
                continue
        after_char = sentence[m.end() : m.end() + 1]
        if m.group("unit") in "日天" and after_char in ("前", "内"):
            continue  # a date, not a figure
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

RE_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\s*\d{4}\s*〕\s*\d+\s*号")


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


# ---------------------------------------------------------------- all facts


def extract_facts(sentences, year: int | None) -> list[Fact]:
    """All facts of a list of sentences, in reading order within each kind."""
    facts: list[Fact] = []
    for idx, s in enumerate(sentences):
        for span, iso, _ in deadlines(s, year):
            facts.append(Fact("deadline", span, iso, idx))
        for m in RE_PERIOD.finditer(s):
            facts.append(Fact("period", m.group(0), m.group(0), idx))
        for span, value, _ in quantities(s):
            facts.append(Fact("quantity", span, value, idx))
        for span, role, _ in actors(s):
            facts.append(Fact("actor", span, span, idx, role=role))
        for span, value, _ in references(s):
            facts.append(Fact("reference", span, value, idx))
    return facts

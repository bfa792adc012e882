"""Header and footer fields of an official document (公文): issuer, 文号, title, 主送,
signing date, the issued document's title, 主办/督办, 抄送 and the 印发 line.

Layouts differ: a red-header PDF (``XX人民政府文件`` / 文号 / issuer / 关于… title /
主送 / body / date), a web page that puts the 文号 first and breaks the title over
several lines, a database export that puts the whole title first and the 文号 in
brackets. The fields are found by what each line is, not by its position.
"""

from __future__ import annotations

import re

from .blocks import RE_CN_DATE_LINE, RE_DATE_LINE, RE_LABEL, RE_PRINTED, ends_sentence, is_date_line
from .headings import heading

RE_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号")
# A 文号 in brackets at the end of a title line.
RE_TITLE_NUMBER = re.compile(r"[（(]\s*(" + RE_DOC_NUMBER.pattern + r")\s*[）)]$")
RE_TITLE_END = re.compile(r"(通知|意见|方案|决定|要点|办法|规定|函|批复|报告|通报|细则|规划|计划|纲要|措施|条例|规则|公告|意见的通知)$")
RE_ISSUER_END = re.compile(r"(人民政府|政府|办公厅|办公室|委员会|管委会|局|厅|委|部|院|署|中心|小组|办|会|联|协|银行)$")
CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def squash_spaces(text: str) -> str:
    """Remove the spaces PDF extraction puts around digits in Chinese text."""
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef\d])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef\d])", "", text)


def iso_date(line: str) -> str:
    """``2017 年 3 月 23 日`` or ``二○○四年三月二十二日`` -> ISO date; "" when not a date line."""
    flat = squash_spaces(line.strip())
    m = RE_DATE_LINE.match(flat)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = RE_CN_DATE_LINE.match(flat)
        if not m:
            return ""
        y = int("".join(str(CN_DIGIT[c]) for c in m.group(1)))
        mo, d = _cn_small(m.group(2)), _cn_small(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _cn_small(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGIT[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGIT[tens] * 10 + (CN_DIGIT[ones] if ones else 0)
    return CN_DIGIT.get(text, 0)


def doc_number(line: str) -> str:
    """The 文号 when a short line is one (also written in brackets: （皖政办秘〔2021〕82号）)."""
    flat = squash_spaces(line.strip()).strip("（）()")
    m = RE_DOC_NUMBER.search(flat)
    if m and len(flat) <= len(m.group(0)) + 4:
        return re.sub(r"\s+", "", m.group(0))
    return ""


# The publication note under a signature: （此件公开发布）, （此件主动公开）, (此件不予公开).
RE_PUBLICITY_NOTE = re.compile(r"^[（(]\s*此件[^）)]{0,12}[）)]$")
# A note in brackets under a signature that gives contacts: （联系人：…，联系电话：…）.
RE_CONTACT_NOTE = re.compile(
    r"^[（(][^）)]*(?:联系|电话)[^）)]*[：:][^）)]*[）)]$"
    # Or a line of its own: 市卫生健康委联系人：孙映吟，联系电话：81085234.
    r"|^[\u4e00-\u9fff]{0,16}联系人[：:][^。；;]{1,30}?(?:联系)?(?:电话|手机)[：:]?\s*[\d\-－—（）()、，, ]{5,40}[。]?$"
)


def is_title_part(line: str) -> bool:
    """A line of a title: short, no sentence punctuation inside, not a heading, a label or
    a publication note."""
    flat = line.strip()
    return (
        0 < len(flat) <= 120
        and not RE_PUBLICITY_NOTE.match(flat)
        and not RE_CONTACT_NOTE.match(flat)
        and not ends_sentence(flat)
        and not re.search(r"[。；！？]", flat)
        and heading(flat) is None
        and not RE_LABEL.match(flat)
        and not is_date_line(flat)
        and not doc_number(flat)
    )


# A government order's heading and number: 广东省人民政府令 / （第290号）.
RE_ORDER = re.compile(r"^(\S{2,30}?(?:人民政府|政府|部|委员会|局|总署))令$")
RE_ORDER_NUMBER = re.compile(r"^[（(]?\s*第\s*(\d{1,4})\s*号\s*[）)]?$")


def parse_cover(blocks: list[str]) -> dict:
    """Header fields from the lines before the document body. Returns the meta fields and
    ``cover_end``: the index after the signature date (0 when there is none)."""
    meta: dict = {}
    i = 0
    n = len(blocks)
    title_at = None
    blocks = list(blocks)
    while i < n:
        line = blocks[i]
        flat = squash_spaces(line)
        tail = RE_TITLE_NUMBER.search(flat)
        if tail and not meta.get("doc_number") and RE_TITLE_END.search(flat[: tail.start()].rstrip()):
            # 关于印发《…》的通知(川发改价格〔2025〕480号): the number closes the title line.
            meta["doc_number"] = re.sub(r"\s+", "", tail.group(1))
            line = blocks[i] = flat = flat[: tail.start()].rstrip()
        number = doc_number(line)
        if number and not meta.get("doc_number"):
            meta["doc_number"] = number
            i += 1
            continue
        order = RE_ORDER.match(flat)
        if order and not meta.get("doc_number"):
            # 广东省人民政府令 / （第290号）: a government order; its number is the 文号.
            meta.setdefault("issuer", order.group(1))
            number = RE_ORDER_NUMBER.match(squash_spaces(blocks[i + 1])) if i + 1 < n else None
            if number:
                meta["doc_number"] = f"{flat}第{number.group(1)}号"
                i += 1
            i += 1
            continue
        if flat.endswith("文件") and len(flat) <= 30 and not meta.get("issuer") and title_at is None:
            meta["issuer"] = flat[: -len("文件")]
            i += 1
            continue
        if title_at is None and ("关于" in flat or "印发" in flat or RE_TITLE_END.search(flat)) and is_title_part(flat):
            # The title may run over several lines until a line ends like a title.
            parts = [flat]
            j = i
            while not RE_TITLE_END.search(parts[-1]) and j + 1 < n and is_title_part(blocks[j + 1]) and not blocks[j + 1].rstrip().endswith(("：", ":")):
                j += 1
                parts.append(squash_spaces(blocks[j]))
            title = "".join(parts)
            prev = squash_spaces(blocks[i - 1]) if i else ""
            if title.startswith("关于") and prev and RE_ISSUER_END.search(prev) and not doc_number(prev) and len(prev) <= 40:
                meta.setdefault("issuer", prev)
                title = prev + title
            elif not meta.get("issuer"):
                cut = re.search(r"关于|印发|转发", title)
                if cut and cut.start() > 0:
                    # Joint issuers spaced apart on the title line (A办公室 B办公室 关于…).
                    names = re.split(r"\s+", re.split(r"关于|印发|转发", blocks[i].strip())[0].strip())
                    joint = len(names) > 1 and all(RE_ISSUER_END.search(x) for x in names)
                    meta["issuer"] = "、".join(names) if joint else title[: cut.start()]
            elif title.startswith("关于"):
                title = meta["issuer"] + title
            # X转发Y制定的《…》的通知: Y drew up the forwarded document.
            drafted = re.search(r"转发(.{2,30}?)(?:制定|起草|拟定|编制|修订)的《([^《》]+)》", title)
            if drafted:
                meta.setdefault("forwarded_issuer", drafted.group(1))
                meta.setdefault("forwarded_title", drafted.group(2))
            meta["title"] = title
            title_at = i
            i = j + 1
            continue
        bracketed = re.fullmatch(r"[（(](.+)[）)]", flat)
        if bracketed and title_at is not None and i == title_at + 1 and not meta.get("signing_date") and iso_date(bracketed.group(1)):
            # （二〇二五年三月二十三日） under the title: a party committee's document dates itself there.
            meta["signing_date"] = iso_date(bracketed.group(1))
            i += 1
            continue
        if not meta.get("recipients") and not RE_LABEL.match(flat) and title_at is not None:
            head = re.match(r"^([^：:。]{2,200})[：:]", flat)
            if head and (flat.endswith(("：", ":")) or _names_units(head.group(1))):
                meta["recipients"] = head.group(1)
        i += 1
    return meta


def _names_units(text: str) -> bool:
    """"区直各单位，各片区开发管理局，…各乡镇人民政府": a list of recipients glued to the
    cover text that follows it (web layouts)."""
    from .units import is_unit_name, split_names

    names = split_names(text)
    return bool(names) and all(is_unit_name(n) for n, _ in names)


def signature_before(blocks: list[str], date_at: int) -> list[str]:
    """The signer lines just above a date line: short names of bodies, no punctuation."""
    out: list[str] = []
    k = date_at - 1
    while k >= 0 and len(out) < 8:
        flat = blocks[k].strip()
        if not flat or ends_sentence(flat) or len(flat) > 80 or heading(flat) is not None or "，" in flat:
            break
        names = [p for p in re.split(r"[\s　]{2,}|\s", flat) if p]
        if not all(RE_ISSUER_END.search(p) for p in names):
            break
        out.insert(0, flat)
        k -= 1
    return out


def signer_names(lines: list[str]) -> list[str]:
    return [n for line in lines for p in re.split(r"[\s　]+", line.strip()) if p for n in _unglue(p)]


# The place a body's name opens with (黄浦区, 上海市, 福建省).
RE_PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,6}?[省市区县州旗]")


def _unglue(names: str) -> list[str]:
    """Signers printed without a space between them (黄浦区发展和改革委员会黄浦区建设和管理委员会):
    split where the first name's place opens another name."""
    m = RE_PLACE_PREFIX.match(names)
    if not m or names.count(m.group(0)) < 2:
        return [names]
    starts = [i for i in range(len(names)) if names.startswith(m.group(0), i)]
    parts = [names[a:b] for a, b in zip(starts, starts[1:] + [len(names)])]
    return parts if all(RE_ISSUER_END.search(x) for x in parts) else [names]


RE_PRINTER_AND_DATE = re.compile(r"^([\u4e00-\u9fff（）()]{2,40}?)[\s\u3000]+(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$")


def parse_footer(blocks: list[str]) -> dict:
    """主办/督办/抄送 lines, the printer and the 印发 date at the end of a document."""
    meta: dict = {}
    cc: list[str] = []
    in_cc = False
    for i, b in enumerate(blocks):
        m = re.match(r"^(主办|督办|抄送)\s*[：:]\s*(.*)$", b)
        printed = RE_PRINTED.match(squash_spaces(b))
        nxt_printed = i + 1 < len(blocks) and RE_PRINTED.match(squash_spaces(blocks[i + 1]))
        if m:
            key, value = m.groups()
            in_cc = key == "抄送"
            if key == "主办":
                meta["sponsor"] = value.rstrip("。")
            elif key == "督办":
                meta["supervisor"] = value.rstrip("。")
            else:
                cc.extend(_split_list(value))
        elif printed:
            y, mo, d = printed.groups()
            meta["printing_date"] = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
            in_cc = False
        elif (both := RE_PRINTER_AND_DATE.match(b.strip())) is not None:
            # 广州市人民政府办公厅秘书处  2024年7月29日印发: printer and date on one line.
            meta["printer"] = both.group(1)
            y, mo, d = both.groups()[1:]
            meta["printing_date"] = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
            in_cc = False
        elif nxt_printed:
            meta["printer"] = b
            in_cc = False
        elif in_cc:
            cc.extend(_split_list(b))
    if cc:
        meta["cc"] = tuple(cc)
    return meta


def _split_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[，、,；;。]", text) if p.strip()]


def is_footer_start(line: str) -> bool:
    return bool(re.match(r"^(主办|督办|抄送)\s*[：:]", line) or RE_PRINTED.match(squash_spaces(line)) or RE_PRINTER_AND_DATE.match(line.strip()))

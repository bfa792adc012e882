"""A unit's tasks (``X牵头哪些工作``, ``哪几项任务要X配合``, ``X要负责什么``): the unit named
in full, by the end of its name or by its usual short form, each task with its role and
what it asks of the unit, quoted."""

from __future__ import annotations

import re

from ..documents.units import is_unit_name, split_names, unit_key
from ..index import fold
from ..schema import Answer, Document, Item
from .draft import Draft, quote, refusal
from .structure import in_order, title_passage
from .task import duty_heads


# A qualifier naming the area asked about: 在监督管理上, 监督管理方面, 关于监督管理.
RE_TOPIC_QUALIFIER = re.compile(r"^(?:在|关于|对于)?([\u4e00-\u9fff]{2,8}?)(?:上|方面|这块|这一块|领域|环节)[，,]|^(?:在|关于)([\u4e00-\u9fff]{2,8}?)(?:中|里)[，,]")
RE_UNIT_TASKS = re.compile(r"(牵头|负责|配合|参与|承担|履行|主管|主责|考核|要干|要做|要抓|要管|安排|分到|分了|分给|派给|派了|点了?[^，。？?]{0,3}名)[^，。？?]{0,6}?(?:哪些|哪几|哪一?项|哪一?块|什么|啥|几项|多少)|(?:哪些|哪几|什么)(?:工作|任务|事项|事|活).{0,4}(?:牵头|负责|配合|参与|承担|派给|分给)"
    # "哪几项写明了规划局牵头", "有没有派活给我们"
    r"|(?:哪些|哪几项|哪几条)[^，。？?]{0,12}(?:牵头|负责(?!人)|配合|参与|责任(?:单位|部门|主体))|(?:派|安排|分配?|布置)了?(?:活儿?|任务|工作)给"
    # "要电网企业做的事有哪些", "要我们盟市干哪些事"
    r"|(?:做|干|办|管|承担)的(?:事|活|工作|任务)(?:情|儿)?(?:都)?有(?:哪些|啥|什么)|(?:干|做|办)(?:哪些|什么|啥)(?:事|活)")


# "哪几项任务要X做": tasks asked of a unit the question names, in any word order.
RE_TASKS_ASKED = re.compile(r"(?:哪些|哪几项?|哪几个|哪几条|哪几件|几项|几个|几件|多少项|多少个|多少件)(?:工作|任务|事项?|活儿?|活动|项目|措施)"
                            # "分给我们的公开任务有哪些"
                            r"|(?:工作|任务|事项|活儿?)(?:都)?(?:有|是)(?:哪些|哪几|什么)")


LEVEL_WORDS = "省市区县州"


def _other_level(text: str, name: str, k: int) -> bool:
    """Whether the question writes the end ``name[k:]`` after a level word other than the
    one the unit's name puts there (区政务服务局 asked, 市政务服务局 written)."""
    at = text.find(name[k:])
    before = text[at - 1] if at > 0 else ""
    return bool(before) and before in LEVEL_WORDS and name[k - 1] in LEVEL_WORDS and before != name[k - 1]


def _duty_block(item: Item, where: list[int]) -> list[int]:
    """In a list of duties headed by units (区民防办：负责…; 根据…; 负责…), a unit's line runs
    on to the next unit's: its sentences are all the unit's."""
    heads = duty_heads(item)
    if not heads:
        return where
    out = set(where)
    for w in where:
        if w in heads:
            nxt = next((h for h in heads if h > w), len(item.sentences))
            out.update(range(w, nxt))
    return sorted(out)


# A time or a figure asked (多少个工作日内, 什么时候, 多少钱): of one task, not a unit's list.
RE_TIME_OR_FIGURE_ASKED = re.compile(r"(?:多少|几)个?(?:工作日|天|日|小时|月|年|钱|元|万)|多久|什么时候|啥时候|何时|哪一?天|哪一?年|几月")
# What a unit must not do (不能做, 不得, 禁止): the article that forbids, not its tasks.
RE_FORBIDDEN_ASKED = re.compile(r"不能|不得|不可以|不许|不准|不让|禁止|严禁")


def unit_tasks(composer, doc: Document, text: str) -> Answer | None:
    """``X牵头哪些工作`` / ``X要负责什么``: the tasks whose unit facts name X, with X's role."""
    t = fold(text)
    asked = RE_UNIT_TASKS.search(text)
    if asked and re.match(r"[的]?(?:要求|规定|标准|条件)", text[asked.end():]):
        asked = None  # "考核上有啥要求": what is required, not which tasks
    demands = not asked and not RE_TASKS_ASKED.search(t)
    if demands and not (RE_SELF_INTRODUCED.search(t) and RE_DEMANDS_ON_US.search(t)):
        return None
    if RE_FORBIDDEN_ASKED.search(t):
        return None  # "见习单位有哪些事是不能做的": what it must not do, not its tasks
    if RE_TIME_OR_FIGURE_ASKED.search(t):
        return None  # "主管部门要在多少个工作日内给出结果": a limit of one task, not a unit's tasks
    units = sorted({f.value for it in doc.items for f in it.facts_of("actor")}, key=len, reverse=True)
    unit = next((u for u in units if fold(u) in t), "")
    if not unit:
        # 区发改局 asked as 发改局, 区管委会办公室政策法规处 as 政策法规处: a unit whose end
        # (four characters or more) the question names; the longest such end wins.
        # (区政务服务局 is not 市政务服务局: an end the question puts after another level word.)
        other = {u for u in units for k in range(1, len(fold(u)) - 1) if fold(u)[k:] in t and _other_level(t, fold(u), k)}
        ends = [(len(fold(u)) - k, u) for u in units if u not in other for k in range(1, len(fold(u)) - 3) if fold(u)[k:] in t and not RE_ROLE_WORDS.match(fold(u)[k:])]
        unit = max(ends)[1] if ends else ""
    if not unit:
        unit = abbreviated_unit(t, units)
    if not unit:
        # 团委 for 团市委, 组织部 for 市委组织部 is left to the ends: a level word (市/区/县/省)
        # left out inside a name of three or more characters.
        dropped = {u for u in units for k in range(1, len(fold(u)) - 1) if fold(u)[k] in "省市区县" and len(fold(u)) >= 3 and fold(u)[:k] + fold(u)[k + 1 :] in t}
        unit = next(iter(dropped)) if len(dropped) == 1 else ""
    if not unit:
        named = unit_named(t)
        written = fold(doc.text)
        # "我是电网企业这边的": the longest end of what the question writes that the document does.
        named = next((named[k:] for k in range(len(named) - 2) if fold(named[k:]) in written), named)
        if named and fold(named) in written:
            # 市交通委加快布局…: a unit the document names only as a sentence's subject
            # before a verb of its own; the sentences naming it say what it does.
            unit = named
        else:
            missing = absent_unit(doc, t, units) if not demands else ""
            if missing:
                return refusal(f"文件中没有提到“{missing}”，也没有写明它的工作。", "structure:unit_tasks")
            return None
    role = "考核" if "考核" in t and "牵头" in t else "牵头" if "牵头" in t else ("配合" if re.search(r"配合|参与|协助", t) else "")
    # "单独负责": the tasks where it is the only unit ("我们自己干的事" asks its tasks, not those alone).
    # (我在一家龙头企业 introduces the asker: 一家 alone says nothing of working alone.)
    alone = bool(re.search(r"单独|独立|独自|一家(?:负责|承担|牵头|来?干|来?做|包办)", t))
    rows, aliases = _with_aliases(doc, unit, units, role, alone, t)
    if not rows and role == "牵头":
        # 市科委牵头开展…: a sentence that makes the unit the lead without a role label.
        rows = [row for row in _rows(doc, unit, "", alone) if any(re.search(re.escape(unit) + r"[^，。；]{0,2}牵头", fold(s)) for s in row[0].sentences)]
    note = ""
    if not rows and role == "配合":
        # "区城运中心要参与哪些工作" of a unit the document names without a role: its tasks.
        rows, note, role = _rows(doc, unit, "", alone), f"文件没有写明“{unit}”作为配合单位的工作；", ""
    if not rows and role == "牵头" and not alone:
        # "哪些活要我们牵头或者去指导" of a unit the document gives tasks without leading any.
        rows = _rows(doc, unit, "", alone)
        if rows:
            note, role = f"文件没有写明由“{unit}”牵头的工作；", ""
    if not rows:
        return refusal(f"文件中没有由“{unit}”{role or '承担'}的工作。", "structure:unit_tasks")
    topic = RE_TOPIC_QUALIFIER.search(t)
    if topic and len(rows) > 1:
        # "在监督管理上，区民政部门要做哪些": the unit's tasks under that part, or that use it.
        word = topic.group(1) or topic.group(2)
        within = [row for row in rows if word in fold(_chapter_title(doc, row[0]) + row[0].title + row[0].text)]
        if within:
            rows = within
    # The tasks assigned to the unit (by a label, a tag or a heading) come before those whose
    # sentences only name it (督促物业服务企业…).
    rows.sort(key=lambda row: row[1] == "承担")
    d = Draft()
    also = f"（文件中也写作{'、'.join(f'“{a}”' for a in aliases)}）" if aliases else ""
    d.add(f"{note}“{unit}”{also}{'作为' + role + '单位' if role else '承担'}的工作有{len(rows)}项：")
    # Each task with what it asks of the unit (every sentence naming it, or the task's
    # opening sentence when the unit stands on a label line), citing the whole task,
    # label line included. Long lists quote less.
    width = 160 if len(rows) == 1 else 120 if len(rows) == 2 else 80 if len(rows) <= 5 else 40
    parts = []
    for it, r, where in rows[:30]:
        p = composer.item_passages.get((doc.doc_id, it.number))
        said = []
        if len(rows) <= 5 and fold(unit) in fold(it.title) and len(fold(it.title)) <= len(fold(unit)) + 12:
            # A duty list headed by the unit (10.区市场监管局。做好…): all of it is the unit's.
            said.append(quote("".join(it.sentences), "", 240 if len(rows) <= 2 else 120))
        elif len(rows) == 1 and 1 < len(it.sentences) <= 6 and r != "承担":
            # The unit's one task, assigned by a label or a tag: all of what it asks.
            whole = "。".join(quote(*_without_tag(x, unit), 400) for x in it.sentences if not is_label_line(x))
            said.append(quote(whole, "", 320))
        elif len(rows) <= 12 and it.sentences:
            for s in where[: 8 if len(rows) <= 2 else 3]:
                raw = it.sentences[s]
                # A tag standing alone closes the sentences before it; a label line
                # (责任单位：…) speaks for the task, whose opening sentence is shown.
                sentence = _run_start(it, s, raw) if raw.strip()[:1] in "（(" or not is_label_line(raw) else _opening(it)
                if not is_label_line(sentence):
                    shown = quote(*_without_tag(sentence, unit), width)
                    if shown not in said:
                        said.append(shown)
        quoted = "：" + "".join(f"“{x}”" for x in said) if said else ""
        title = title_passage(composer, doc, it)
        named = d.cite(title) if title is not None and title is not p else ""
        parts.append(f"{it.ref}{named}（{r}）{quoted}{d.cite(p) if p else ''}")
    d.add("；".join(parts) + "。")
    return d.answer("structure:unit_tasks", [it.number for it, _, _ in rows])


def _with_aliases(doc: Document, unit: str, units: list[str], role: str, alone: bool, question: str = "") -> tuple[list[tuple[Item, str, list[int]]], list[str]]:
    """:func:`_rows` of the unit and of the other names the document gives it (医保部门 and
    医疗保障部门, 民政局 and 区民政局): a short form that keeps the name's characters in
    order and ends as it does, among the units the document tags or as the question writes
    it. One row per task, in document order."""
    name = fold(unit)

    def alias(other: str) -> bool:
        # (A plain part of the name, 城管中心 of 镇城管中心, may be another level's body.)
        return other != name and len(other) >= 3 and other[-2:] == name[-2:] and other not in name and (in_order(other, name) or in_order(name, other))

    aliases = [u for u in units if alias(fold(u))]
    written = fold(doc.text)
    for j in range(len(question)):
        if question[max(0, j - 1) : j + 1] == name[-2:]:
            asked = next((question[k : j + 1] for k in range(max(0, j - 9), j - 1) if alias(question[k : j + 1]) and question[k : j + 1] in written), "")
            if asked and asked not in aliases:
                aliases.append(asked)
    rows = _rows(doc, unit, role, alone)
    seen = {it.number for it, _, _ in rows}
    used = []
    for alias in aliases:
        for row in _rows(doc, alias, role, alone):
            if row[0].number not in seen:
                seen.add(row[0].number)
                rows.append(row)
                used += [alias] if alias not in used else []
    order = {it.number: i for i, it in enumerate(doc.items)}
    return sorted(rows, key=lambda row: order.get(row[0].number, 0)), used


def _rows(doc: Document, unit: str, role: str, alone: bool) -> list[tuple[Item, str, list[int]]]:
    """The tasks of ``unit`` (in ``role`` when one is asked) with the sentences that say
    what it does."""
    rows: list[tuple[Item, str, list[int]]] = []
    name = fold(unit_key(unit))
    key = unit_key(unit)
    level = _level(unit)
    for it in doc.items:
        # (市民政局 and 区民政局 share a key but are two bodies.)
        named = [f for f in it.facts_of("actor") if unit_key(f.value) == key and (not level or _level(f.value) in ("", level))]
        labelled = [f for f in named if f.role]
        actors = it.facts_of("actor")
        if alone and ({unit_key(f.value) for f in actors if f.role} or {unit_key(f.value) for f in actors}) != {key}:
            # A task with several tags (A负责 for one sentence, B负责 for the next): a
            # sentence whose tag names the unit alone is the unit's alone.
            own = [f for f in named if {unit_key(g.value) for g in actors if g.sentence == f.sentence} == {key}]
            if not own:
                continue
            named = labelled = own
        # A unit labelled for the task counts by its role; a unit that is only the subject
        # of a sentence (X负责…, 由X审核) counts when no role is asked.
        chosen = [f for f in labelled or ([] if role else named) if not role or f.role == role or (role == "牵头" and f.role in ("责任", "考核"))]
        if chosen:
            where = sorted({f.sentence for f in chosen})
            if not role:
                where = sorted(set(where) | {i for i, s in enumerate(it.sentences) if _mentions(fold(s), name, level)})
            rows.append((it, chosen[0].role or "承担", _duty_block(it, where)))
        elif not role and not alone and not labelled:
            where = [i for i, s in enumerate(it.sentences) if _mentions(fold(s), name, level)]
            if where:
                rows.append((it, "承担", where))
    return rows


def _level(unit: str) -> str:
    """The level a unit's name opens with (市 of 市政务服务局), or ""."""
    name = re.sub(r"\s", "", unit)
    return name[0] if len(name) >= 4 and name[0] in "区市县省" else ""


def _mentions(sentence: str, name: str, level: str) -> bool:
    """Whether a sentence names the unit: ``name`` (its name without the level) written
    with no level word before it, or with ``level`` among the ones before it (市、区政务服务局
    names 市政务服务局; 各区政务服务局 does not)."""
    for m in re.finditer(re.escape(name), sentence):
        before = re.search(r"[区市县省、]*$", sentence[: m.start()]).group(0)
        words = set(before) - {"、"}
        if not level or not words or level in words:
            return True
    return False


def _opening(it: Item) -> str:
    """The sentence that says what a task is: its first one with words that is no label
    (a table row's 序号, 事项 and unit cells are passed over for its 工作措施)."""
    for sentence in it.sentences:
        if len(re.sub(r"[\W\d_]|年|月|日|底|前", "", sentence)) >= 4 and not is_label_line(sentence) and fold(sentence).rstrip("。") != fold(it.title):
            return sentence
    return it.sentences[0]


RE_EDGE_TAG = re.compile(r"^[（(][^（）()]{2,80}[）)]|[（(][^（）()]{2,80}[）)][。；;]?$")


def _run_start(it: Item, s: int, sentence: str) -> str:
    """A tag that closes several sentences (…建设。…标准。（A牵头）推进污泥…。…90%以上。（A牵头）)
    is the unit's for all of them: the first of the run names the work."""
    only_tag = not re.sub(r"[（(][^（）()]*[）)]", "", sentence).strip(" 。；;，,")  # （2分）（…，A）
    if not only_tag and (not RE_EDGE_TAG.search(sentence) or RE_EDGE_TAG.match(sentence)):
        return sentence
    if only_tag and s == 0:
        return sentence
    k = s - 1 if only_tag else s
    while k > 0 and not RE_EDGE_TAG.search(it.sentences[k - 1]) and not is_label_line(it.sentences[k - 1]):
        k -= 1
    if k == 0 and fold(it.sentences[0]).rstrip("。") == fold(it.title):
        k = min(1, s)  # the task's own heading sentence is its title, shown already
    return it.sentences[k] if k < s or only_tag else sentence


def _without_tag(sentence: str, unit: str) -> tuple[str, str]:
    """The sentence to quote for a unit, and the focus: a tag naming the unit at its start
    or end (（X牵头，Y参与）全面加强配套管网建设) only repeats the unit, so the rest is shown."""
    for m in RE_EDGE_TAG.finditer(sentence):
        if fold(unit) in fold(m.group(0)):
            rest = (sentence[m.end() :] if m.start() == 0 else sentence[: m.start()]).strip()
            if len(rest) >= 6:
                return rest, ""
    return sentence, unit


RE_LABEL_LINE = re.compile(r"^[（(]?\s*(?:牵头|责任|配合|参与|主办|协办|考核)?(?:单位|部门)\s*[：:]")


def is_label_line(sentence: str) -> bool:
    """``（责任单位：…）``: a line that names units and says nothing of the work."""
    s = sentence.strip()
    if RE_LABEL_LINE.match(s) or not re.sub(r"[（(][^（）()]*[）)]", "", s).strip(" 。；;，,"):
        return True
    # A table's unit cell (区委组织部、区民政局): names only.
    names = split_names(s.rstrip("。；;"))
    return bool(names) and all(is_unit_name(n) for n, _ in names)


# Words that say what part a unit plays, not which unit (配合单位, 各相关部门).
RE_ROLE_WORDS = re.compile(r"^(?:各)?(?:相关|有关)?(?:牵头|配合|责任|参与|协办|主办|承办|成员|相关|有关)?(?:单位|部门)$")


def _chapter_title(doc: Document, item: Item) -> str:
    chapter = doc.chapter(item.chapter)
    return chapter.title if chapter is not None else ""


def abbreviated_unit(text: str, units: list[str]) -> str:
    """A unit the question names by its usual short form: 经信局 for 北京市经济和信息化局,
    城管执法局 for 市城市管理综合执法局. The short form ends as the name does, keeps its
    characters in order, and has at least three of them; the shortest such unit wins."""
    found = []
    for u in units:
        name = fold(u)
        if len(name) < 4:
            continue
        for j, ch in enumerate(text):
            if ch != name[-1]:
                continue
            start = j
            while start > 0 and in_order(text[start - 1 : j + 1], name):
                start -= 1
            short = text[start : j + 1]
            # A short form leaves characters out inside the name; a plain part of it
            # (专项工作组 of 省…专项工作组) names a kind of body, not this unit.
            if len(short) >= 3 and short not in name and in_order(short, name):
                found.append((len(name), u))
                break
        if name.endswith("部门") and len(name) >= 5:
            # 市发改委 / 市人社局 for 市发展改革部门 / 市人力资源社会保障部门: a generic
            # 部门 named by the body that usually is it, its field's characters in order.
            field = name[:-2]
            for m in re.finditer(r"[\u4e00-\u9fff]{2,8}?(?=[委局厅办])", text):
                short = m.group(0)
                while len(short) > 2 and not in_order(short, field):
                    short = short[1:]
                if len(short) >= 3 and in_order(short, field) and short[0] == field[0]:
                    found.append((len(name), u))
                    break
    return min(found)[1] if found else ""


# A unit's name as a question writes it, before what it is asked to do: 区生态环境局在…负责,
# 外滩街道具体负责, 方案里南翔镇要承担.
RE_NAMED_IN_QUESTION = re.compile(
    r"([\u4e00-\u9fff]{1,10}?(?:局|委|办|街道|镇|乡|中心|公司|集团|厅|署|支队|大队|企业|机构|主管部门))"
    r"(?=在|要|负责|牵头|承担|具体|主要|应|参与|配合|这边|那边|都|做|干|办)"
)
# The asker's own body, introduced before the question: 我们是职业院校，… / 我在组织部，…
RE_SELF_INTRODUCED = re.compile(
    r"(?:我们?是|我们?在|我是在)([\u4e00-\u9fff]{2,16}?(?:局|委|办|街道|镇|乡|中心|公司|集团|厅|署|支队|大队|企业|机构|部门|部|院校|学校|高校|医院|协会|银行|单位|站|所|队))(?:的|这边的?|那边的?|工作的?|上班的?)?[，,]"
)
# What the document asks of the asker's own body: 对我们组织部门有什么要求.
RE_DEMANDS_ON_US = re.compile(
    r"(?:对|给|要求)(?:我们|咱们|我们单位|我们局|我们部门)[^，。？?]{0,8}?(?:有|提了?|提出了?)?(?:什么|哪些|啥)(?:要求|任务|工作)"
    # "这份方案跟我们有啥关系", "跟我们有关的有哪些"
    r"|要(?:我们|咱们)(?:干|做|办|管|负责)(?:什么|啥|哪些)"
    r"|(?:跟|和|与)(?:我们|咱们)[^，。？?]{0,4}?(?:有)?(?:啥|什么)(?:关系|相关)|(?:跟|和|与)(?:我们|咱们)(?:有关|相关)的?(?:有|是)?(?:哪些|什么|啥)"
)
RE_QUESTION_FILLER = re.compile(r"^(?:在|那|这)?(?:这个|该|本)?(?:方案|文件|意见|计划|通知|清单|要点|办法)(?:里面|里|中|内)")


def unit_named(text: str) -> str:
    """The unit a question asks the work of, as it writes it (区生态环境局在…负责, 我们是
    职业院校，…): three characters or more; "" for none."""
    intro = RE_SELF_INTRODUCED.search(text)
    if intro:
        return re.sub(r"^(?:一家|一个|一所|某|咱们?)", "", intro.group(1))
    m = RE_NAMED_IN_QUESTION.search(RE_QUESTION_FILLER.sub("", text.split("，")[-1] if "，" in text else text))
    name = re.sub(r"^(?:那个|这个|那|这|请问|我想问|问一下|各)", "", m.group(1)) if m else ""
    return name if len(name) >= 3 else ""


def absent_unit(doc: Document, text: str, units: list[str]) -> str:
    """A unit a question asks the work of that the document never names (区生态环境局 in a
    plan that does not mention it): not by its name, nor without its level (区/市/县/省),
    nor as the short form of a unit it names, nor by sound (a typo)."""
    from ..index import pinyin

    name = unit_named(text)
    if not name:
        return ""
    written = fold(doc.text)
    bare = name[1:] if name[0] in "区市县省" else name
    if name in written or bare in written or pinyin(bare) in pinyin(re.sub(r"[^\u4e00-\u9fff]", "", written)):
        return ""
    if abbreviated_unit(name, units) or abbreviated_unit(bare, units):
        return ""
    if len(bare) >= 3:
        # The short form of a name the document writes without a role for it (区发改委 for
        # 会同区发展改革委): its characters in order, a few left out between them.
        gapped = "".join(re.escape(c) + r"[\u4e00-\u9fff]{0,3}?" for c in bare[:-1]) + re.escape(bare[-1])
        if re.search(gapped, written):
            return ""
    return name


# "这个文件涉及哪些责任单位", "牵头单位都有哪些": every unit the document names, by role.
RE_UNITS_ASKED = re.compile(r"(?:涉及|有|列了|包括)(?:哪些|哪几个|多少个?|几个)(?:责任|牵头|配合)?(?:单位|部门)|(?:责任|牵头|配合)(?:单位|部门)(?:都|一共|总共)?有(?:哪些|哪几个|多少个?|几个)")


# "第二部分的牵头单位有哪些": the units of the tasks of a part named by number.
RE_UNITS_OF_PART = re.compile(r"(?:责任|牵头|配合)(?:单位|部门)|(?:哪些|哪几个|多少个?|几个)(?:单位|部门)")


def all_units(composer, doc: Document, text: str, tasks: list[Item] | None = None, where: str = "文件中") -> Answer | None:
    """The units a document (or ``tasks``, the tasks of one part) names, with how many
    tasks each has in the role asked (牵头/配合, else any); cites the first task of each."""
    t = fold(text)
    if tasks is None and not RE_UNITS_ASKED.search(t):
        return None
    role = "牵头" if "牵头" in t else "配合" if "配合" in t else ""
    counts: dict[str, list[Item]] = {}
    shown: dict[str, str] = {}  # a unit's key -> its name as first written in full (区经济发展局)
    for it in doc.items if tasks is None else tasks:
        for f in it.facts_of("actor"):
            key = unit_key(f.value)
            if len(f.value) > len(shown.get(key, "")):
                shown[key] = f.value
            if f.role and (not role or f.role == role) and it not in counts.setdefault(key, []):
                counts[key].append(it)
    counts = {shown[k]: items for k, items in counts.items()}
    counts = {u: items for u, items in counts.items() if items}
    if not counts:
        return None
    d = Draft()
    d.add(f"{where}{'作为' + role + '单位' if role else '列明责任'}的单位有{len(counts)}个：")
    parts = []
    for unit, items in sorted(counts.items(), key=lambda kv: -len(kv[1]))[:40]:
        p = composer.item_passages.get((doc.doc_id, items[0].number))
        parts.append(f"{unit}（{len(items)}项）{d.cite(p) if p else ''}")
    d.add("；".join(parts) + "。")
    return d.answer("structure:units", [it.number for items in counts.values() for it in items][:60])

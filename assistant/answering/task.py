"""Answers about one task: its deadline, its units, its figures, the documents it cites,
its whole text, or the sentences that answer a question about it; and the ranking of the
task's sentences and facts by the question."""

from __future__ import annotations

import re
from dataclasses import replace

from ..documents.tree import RE_TOTAL_CELL
from ..index import fold
from ..retrieval import Query
from ..schema import Answer, Document, Fact, Item
from .draft import CLAUSE, QUOTE_MAX, Draft, quote, refusal


# A duration asked (用多长时间, 要花多久), which a limit (3个月左右, 10个工作日内) answers.
RE_DURATION_ASKED = re.compile(r"多长时间|多久|多少天|几天|几个月|几年|多长|多少年|多少个月|多少小时|几个小时")
# A span of time a sentence states: 10年以上, 24小时在线, 3个月内, 首年免费.
RE_DURATION_STATED = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:个)?\s*(?:年|小时|天|个月|周|工作日)(?:以上|以内|之内|内|左右)?(?![度底末])|首年|首\d+年|前\d+年")


def deadline(composer, query: Query, doc: Document, item: Item) -> Answer:
    facts = item.deadlines + item.facts_of("limit") + item.facts_of("open")
    if re.search(r"(?:什么时候|啥时候|何时|哪年|哪一年|哪个月|几月|哪天)(?:开始|起)|从(?:什么|啥)时候|自什么时候", query.search_text):
        # "从什么时候开始执行": a start date (自2016年1月起) answers it.
        facts = [f for f in item.facts_of("period") if "起" in f.text] + facts
    if re.search(r"多久.{0,4}一次|多长时间.{0,4}一次|频次|频率|每隔", query.search_text):
        # "多久检查一次": how often, answered by a recurring period (每半年).
        facts = item.facts_of("period") + facts
    if RE_DURATION_ASKED.search(fold(query.text)):
        # "集中攻坚要用多长时间": a duration (3个月左右, 10个工作日内) answers it before any date.
        limits = [f for f in facts if f.kind == "limit"]
        facts = limits or facts
    # "提前几天报备": the limits in days answer it, not a span in years (三年内).
    facts = in_asked_time_unit(query, facts) or facts
    if RE_CALENDAR_ASKED.search(fold(query.text)) and not RE_DURATION_ASKED.search(fold(query.text)):
        # "几月几号开始申报", "哪一年建成": a span (工作时间满6个月, 3年内不得参与) names no
        # day, month or year on the calendar.
        facts = [f for f in facts if f.kind != "limit"]
    lead = ""
    recurring = [f for f in item.facts_of("period") if re.search(r"^每.*(?:前|\d日|底|末)$", f.text)]
    # (Not when a year is asked: a deadline that recurs every year gives none.)
    if recurring and not RE_YEAR_OR_WHEN_ASKED.search(fold(query.text)):
        # A deadline that recurs (每季度最后一个周五前, 每年12月15日前) is the answer as written,
        # beside the task's dates, the sentence about what is asked picking among them; over
        # a date the heading gives the part, when it is in that sentence.
        order = rank_sentences(composer, query, doc, item, list(range(len(item.sentences)))) if not facts else []
        if facts or (order and any(f.sentence == order[0] for f in recurring)):
            facts = facts + [f for f in recurring if f not in facts]
    if not facts:
        inherited = _inherited_deadline(composer, doc, item, start_asked=bool(RE_START_ASKED.search(fold(query.text))), day_asked=bool(RE_DAY_NUMBER_ASKED.search(fold(query.text))))
        if inherited is not None:
            return inherited
    if not facts and recurring:
        # A deadline that recurs is the answer as written (每年11月底前).
        facts = recurring
    periods = item.facts_of("period")
    if not facts and periods and RE_CALENDAR_ASKED.search(fold(query.text)) and not any(re.search(r"\d|[一二三四五六七八九十]月", item.sentences[f.sentence]) for f in periods):
        # "每年几月份开始受理" of a task whose sentences say only 每年 or 定期: no month is
        # given (a sentence with a figure in it may still say: 每月5日前, 2013年起).
        return no_deadline(composer, query, doc, item)
    if not facts and periods:
        # No date, but a span of time the task is set in ("十四五"期间, 全年, 每年): say so.
        facts, lead = periods, "文件没有写明具体完成日期，时间要求为："
    if not facts:
        return no_deadline(composer, query, doc, item)
    ranked = rank_facts(composer, query, doc, item, facts)
    fact = ranked[0]
    if lead:
        # A span (定期, 全年) in another sentence than the one the question is about
        # (签约 asked, 定期检查 found) sets no time for what is asked.
        order = rank_sentences(composer, query, doc, item, list(range(len(item.sentences))))
        if order and fact.sentence != order[0] and not re.search(r"\d", fact.text):
            return no_deadline(composer, query, doc, item)
    d = Draft()
    d.add(lead)
    sentence = item.sentences[fact.sentence]
    if RE_DAY_ASKED.search(fold(query.text)) and all(RE_TARGET_YEAR_ONLY.match(f.text) for f in ranked[:3]):
        # "申报截止日期是几月几号" of a task that only sets a target year (到2023年): the
        # document gives no such date.
        return refusal(f"文件没有为{composer.name(item)}规定具体日期，只写了目标年份：“{quote(sentence, fact.text)}”", "deadline")
    if RE_DAY_NUMBER_ASKED.search(fold(query.text)) and all(RE_MONTH_ONLY.match(f.text) for f in ranked[:3]):
        # "具体是3月几号开始" of a task dated by a month alone (2016年3月): no day is given.
        return refusal(f"文件没有为{composer.name(item)}规定具体日期，只写到月份：“{quote(sentence, fact.text)}”", "deadline")
    # The fact sentence carries its own marker; the ISO form of the date is left out
    # because the notice never writes it (only "2017年底前").
    marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, fact.sentence))
    d.add(f"{fact.text}{marker}。根据{composer.name(item)}：“{quote(sentence, fact.text)}”{marker}")
    for other in ranked[1:3]:
        if other.sentence != fact.sentence:
            s = item.sentences[other.sentence]
            d.add(f"另：“{quote(s, other.text)}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, other.sentence))}")
    venue(composer, query, doc, item, d, skip=fact.sentence)
    d.add(composer.suffix(doc))
    return d.answer("deadline", (item.number,))


# "有没有给完成期限": a question whether a time limit is set, which "no" answers.
RE_WHETHER_LIMIT = re.compile(r"(?:有没有|有无|是否|有否)[^，。？?]{0,8}(?:期限|时限|时间|截止|日期|时间节点|完成时间|出台时间|什么时候|啥时候|何时|哪一?年|几月|哪天)|(?:期限|时限|时间|截止|日期)[^，。？?]{0,6}(?:吗|没有?|了没)")
# A time set by an event or a manner, not a date: 新建市政道路时同步建设, 完成建设任务后组织验收,
# 按时建成投用, 及时报告.
RE_EVENT_TIME = re.compile(r"[^，。；;]{2,30}(?:时|后|之后|以后|前|之前)(?=[，,；;]|再|方可|才)|同步|按时|当天|当日|次日|视[^，。；;]{2,20}(?:确定|而定)|另行(?:通知|确定|明确)"
                           # A season or a holiday (汛前开展大检查, 春节前后, 开学前).
                           r"|(?:汛|主汛期|春节|节日|节假日|国庆|元旦|开学|入冬|入夏|台风季)(?:前|后|期间|前后)")
# A time a sentence mentions without making it a limit: （今年8月可投入使用）, 2020年首季度.
RE_TIME_MENTION = re.compile(r"(?:今年|明年|年内|\d{4}\s*年)\s*(?:\d{1,2}\s*月(?:份)?(?:[上中下]旬)?|首季度|第?[一二三四1-4]季度|上半年|下半年)")
# A year before what happens in it (2019年投产运行, 2020年全面建成): the time of the sentence
# the question is about, not of another one in the task.
RE_YEAR_EVENT = re.compile(r"(?<!\d)\d{4}\s*年(?=(?:全面|基本|正式|实现|建成|完成|投产|开工|动工|投用|上线|启动|运行|开通|竣工))")
# A question for a day (几月几号, 哪一天, 具体日期) and a target year that does not answer it.
RE_DAY_ASKED = re.compile(r"几月几[号日]|哪一?天|几号|具体日期|截止日期")
RE_TARGET_YEAR_ONLY = re.compile(r"^(?:到|至)?\s*\d{4}\s*年$")
# The number of a day asked (3月几号, 几月几日, 具体哪一天): 哪天 alone asks when, which a month answers.
RE_DAY_NUMBER_ASKED = re.compile(r"几月几[号日]|几号|几日(?!内)|具体(?:是)?哪一?天|具体日期")
# A month with nothing that makes it a day (not 6月底, 3月10日, 6月前): 2016年3月, 3月份.
RE_MONTH_ONLY = re.compile(r"^(?:到|至|于)?\s*(?:\d{4}\s*年)?\s*\d{1,2}\s*月份?$")
# A question for a date (哪年几月, 哪天, 几号, 啥时候前): an event or a manner does not answer it.
RE_DATE_ASKED = re.compile(r"哪一?年|几月|哪个?月|哪天|哪一天|几号|日期|(?:什么时候|啥时候|何时)(?:之?前)")


def no_deadline(composer, query: Query, doc: Document, item: Item) -> Answer:
    """A task with no date of its own: the time an event or a manner sets for it (新建道路时
    同步建设, 完成任务后验收) when a sentence says one, and "no" to a question whether a time
    limit is set; else a refusal saying the document sets none."""
    order = rank_sentences(composer, query, doc, item, list(range(len(item.sentences))))
    # (The question as asked too: the search text drops year words such as 哪年.)
    date_asked = RE_DATE_ASKED.search(fold(query.search_text)) or RE_DATE_ASKED.search(fold(query.text))
    timed = [i for i in order[:3] if RE_EVENT_TIME.search(item.sentences[i])] if not date_asked else []
    timed += [i for i in order[:3] if RE_TIME_MENTION.search(item.sentences[i]) and i not in timed]
    # A year before what happens in it (于2021年全面实施): the time of the sentence asked
    # about, or of one of the first few when the question asks for a year (哪一年推开).
    near = order[:3] if RE_YEAR_OR_WHEN_ASKED.search(fold(query.text)) else order[:1]
    timed += [i for i in near if i not in timed and RE_YEAR_EVENT.search(item.sentences[i])][:1]
    # The question as asked too: the search text drops year words (哪年).
    whether = RE_WHETHER_LIMIT.search(fold(query.search_text)) or RE_WHETHER_LIMIT.search(fold(query.text))
    if not timed and not whether and not date_asked and not RE_DURATION_ASKED.search(fold(query.text)):
        # "发现了要什么时候报" of a task that says only 及时上报: the manner is the answer.
        timed = [i for i in order[:2] if RE_VAGUE_TIME.search(item.sentences[i])]
        if timed:
            sentence = item.sentences[timed[0]]
            manner = RE_VAGUE_TIME.search(sentence).group(0)
            d = Draft()
            marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, timed[0]))
            d.add(f"文件没有规定具体期限，要求“{manner}”{marker}。根据{composer.name(item)}：“{quote(sentence, manner)}”{marker}")
            d.add(composer.suffix(doc))
            return d.answer("deadline", (item.number,))
    year_points = RE_YEAR_POINTS.search(doc.title)
    if not timed and not whether and year_points and RE_YEAR_OR_WHEN_ASKED.search(fold(query.text)) and not RE_DAY_NUMBER_ASKED.search(fold(query.text)):
        # A task of a year's work points (2016年全区海洋经济工作要点) with no date of its
        # own is that year's work.
        d = Draft()
        marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, order[0] if order else 0))
        d.add(f"{year_points.group(1)}年内{marker}。文件没有为{composer.name(item)}单独规定完成时间，它是《{doc.title}》列出的{year_points.group(1)}年度工作。")
        d.add(composer.suffix(doc))
        return d.answer("deadline", (item.number,))
    if not timed and not whether and RE_DURATION_ASKED.search(fold(query.text)):
        # "协议期限至少多少年", "免费多长时间": a span the task states (10年以上, 24小时,
        # 首年免费) answers how long, though it is no deadline.
        lasting = next((i for i in order[:2] if RE_DURATION_STATED.search(item.sentences[i])), None)
        if lasting is not None:
            sentence = item.sentences[lasting]
            span = RE_DURATION_STATED.search(sentence).group(0)
            d = Draft()
            marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, lasting))
            d.add(f"{span}{marker}。根据{composer.name(item)}：“{quote(sentence, span)}”{marker}")
            d.add(composer.suffix(doc))
            return d.answer("deadline", (item.number,))
    if not timed and not whether:
        return refusal(f"文件没有为{composer.name(item)}规定具体的完成时间。", "deadline")
    best = timed[0] if timed else (order[0] if order else 0)
    d = Draft()
    marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, best))
    sentence = item.sentences[best]
    if timed:
        span = (RE_EVENT_TIME.search(sentence) or RE_TIME_MENTION.search(sentence) or RE_YEAR_EVENT.search(sentence)).group(0)
        d.add(f"文件没有为{composer.name(item)}规定具体日期，时间要求是：“{quote(sentence, span)}”{marker}")
    else:
        d.add(f"没有。文件没有为{composer.name(item)}规定具体的完成时间。相关原文：“{quote(sentence, focus(composer, query, sentence, item))}”{marker}")
    d.add(composer.suffix(doc))
    return d.answer("deadline", (item.number,))


# A time set by a manner, not a date (及时上报, 立即处置, 随时补招): the answer to "when" of a
# task that sets no date, as the document words it.
RE_VAGUE_TIME = re.compile(r"(?:及时|立即|随时|尽快|第一时间|即时|适时)[\u4e00-\u9fff]{1,4}")
# A time a heading gives its part in brackets: 考核评估阶段（2016年3月）, 完善提升阶段（2017年起）.
RE_TITLE_TIME = re.compile(r"[（(]\s*((?:\d{4}\s*年)?\s*\d{1,2}\s*月[^（()）]{0,16}|\d{4}\s*年[^（()）]{0,16})[）)]\s*$")


# A year's work points (2016年全区海洋经济工作要点, 2017年度工作要点): its tasks are that year's.
RE_YEAR_POINTS = re.compile(r"(\d{4})\s*年(?:度)?[^，。《》]{0,24}?(?:工作)?要点")
# The year asked (哪一年, 哪年开工): a year's work points answer it; "什么时候" asks for
# more than the year, which such a task does not give.
RE_YEAR_OR_WHEN_ASKED = re.compile(r"哪一?年|什么年份|哪个年份")
# A question for a place on the calendar (哪一年, 几月, 几号, 具体日期), which a span does not give.
RE_CALENDAR_ASKED = re.compile(RE_YEAR_OR_WHEN_ASKED.pattern + r"|几月|哪个月|几号|几日(?!内)|具体日期")


# A question for when something starts (什么时候开工的, 哪年启动): a year's targets do not say.
RE_START_ASKED = re.compile(r"开工|动工|开始|启动|起步|从(?:什么|啥)时候|自(?:什么|啥)时候")


def _inherited_deadline(composer, doc: Document, item: Item, start_asked: bool = False, day_asked: bool = False) -> Answer | None:
    """A task with no time limit of its own under a part whose heading sets one
    (（二）集中整治阶段（2024年4月—9月） over 2.开展消防通道整治): the part's limit, said as
    the part's."""
    own = doc.node(item.key) if item.key else None
    for node in ([own] if own is not None else []) + list(doc.ancestors(item.key)):
        year = RE_YEAR_SECTION.match(node.title) if not start_asked else None
        if year:
            # A target listed under a year's part (（二）2017年目标：…完成平潭社会福利中心建设): that year.
            d = Draft()
            marker = d.cite(composer.heading_passage(doc, node))
            where = f"{composer.name(item)}是这一年的目标" if node is own else f"{composer.name(item)}列在{node.path}「{node.title}」下"
            d.add(f"{year.group(1)}{marker}。文件没有单独写完成时间，{where}：“{quote(node.line or node.title, year.group(1), CONTENT_QUOTE_MAX)}”{marker}")
            d.add(composer.suffix(doc))
            return d.answer("deadline", (item.number,))
        spans = [f for f in node.facts if f.kind == "deadline" and f.sentence == 0 and f.text in node.title] if node is not own else []
        if spans:
            d = Draft()
            marker = d.cite(composer.heading_passage(doc, node))
            d.add(f"{spans[0].text}{marker}。文件没有为{composer.name(item)}单独规定完成时间，它所在的{node.path}「{node.title}」时间为{spans[0].text}：“{quote(node.line or node.title, spans[0].text)}”{marker}")
            d.add(composer.suffix(doc))
            return d.answer("deadline", (item.number,))
        titled = RE_TITLE_TIME.search(node.title)
        if titled:
            # A stage whose heading gives its time (考核评估阶段（2016年3月）): that time.
            when = re.sub(r"\s+", "", titled.group(1))
            if day_asked and RE_MONTH_ONLY.match(when):
                return refusal(f"文件没有为{composer.name(item)}规定具体日期，{node.path}「{node.title}」只写到月份。", "deadline")
            d = Draft()
            marker = d.cite(composer.heading_passage(doc, node))
            where = "它的标题写明" if node is own else f"它所在的{node.path}「{node.title}」写明"
            d.add(f"{when}{marker}。文件没有为{composer.name(item)}单独规定完成时间，{where}时间为{when}：“{quote(node.line or node.title, titled.group(1))}”{marker}")
            d.add(composer.suffix(doc))
            return d.answer("deadline", (item.number,))
    return None


# A part that gathers one year's targets or tasks: 2017年目标, 2016年度工作任务.
RE_YEAR_SECTION = re.compile(r"^\s*(\d{4}年)(?:度)?(?:的)?(?:主要|工作|发展|重点)?(?:目标|任务)")


RE_VENUE_LINE = re.compile(r"^\s*(?:活动|举办|会议|比赛|实施|办理)?(?:地点|地址|场所)\s*[：:]")


def venue(composer, query: Query, doc: Document, item: Item, d: Draft, skip: int = -1) -> None:
    """Where an event takes place, added to an answer when the question also asks where
    (在哪儿办、办多久) and the task has a labelled 地点 line."""
    if query.out_of_scope != "place":
        return
    for i, sentence in enumerate(item.sentences):
        if i != skip and RE_VENUE_LINE.match(sentence):
            d.add(f"另，地点：“{quote(sentence, '')}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, i))}")
            return


# A tag or label that assigns a task to units: （市交通委牵头）, 责任单位：…, 牵头部门：….
RE_TASK_TAG = re.compile(r"[（(][^（）()]*(?:牵头|负责|配合|责任|参与|协同|主责)[^（）()]*[）)]|(?:牵头|责任|配合|主责|协办|实施|参与)(?:单位|部门)\s*[：:]|[（(][^（）()]{2,60}[，,]\s*\d{4}\s*年[^（）()]*[）)]")


# What names a body that may do something: an agent word, a body's suffix, or a level
# (市本级, 区级) that answers 哪一级. A one-character suffix (局, 委, 站) counts only where a
# name ends: before a mark or a verb (区发改委列入, not 场站建筑物).
RE_SOME_BODY = re.compile(r"由|负责|牵头|会同|配合|组织|[\u4e00-\u9fff][局委办处科室队站所院镇乡村](?=[、，,。；和与及等负牵会配组要应按做开推加落制完提指督统协列参（(“]|$)|部门|政府|中心|公司|集团|单位|机构|机关|街道|社区|小组|财政|国家|企业|本级|[省市区县乡镇村]级")


# A question about who is charged with a task (牵头, 负责, 责任单位, 谁来做), not about a
# body a task names (以哪家实验室为核心, 与哪些机构合作).
RE_DUTY_ASKED = re.compile(r"牵头|负责|责任|主管|主抓|主办|承办|主体|谁|配合|落实|实施|推进|组织|抓")


# Where a body is seated asked (办公室设在哪个部门) and a sentence that says it (设在区民政局,
# 在区消防支队设立集中办公点).
RE_SEAT_ASKED = re.compile(r"设在(?:哪|什么|啥)|(?:挂靠|依托)(?:在)?(?:哪|什么|啥)")
RE_SEAT_STATED = re.compile(r"设在|设于|挂靠|依托|在[^，。；]{2,20}(?:设立|设置)")


def unit(composer, query: Query, doc: Document, item: Item) -> Answer:
    if RE_SEAT_ASKED.search(fold(query.search_text)):
        # "联席会议办公室设在哪个部门" of a task that lists the units responsible but says
        # nowhere where the office sits: those units do not answer it.
        order = rank_sentences(composer, query, doc, item, list(range(len(item.sentences))))
        if order:
            missing = _not_stated(composer, query, item, order, RE_SEAT_STATED, "设在哪个单位")
            if missing is not None:
                return missing
    actor_facts = item.facts_of("actor")
    d = Draft()
    if not actor_facts:
        best = best_sentence(composer, query, doc, item)
        sentence = item.sentences[best]
        if RE_SOME_BODY.search(sentence) and not RE_DUTY_ASKED.search(fold(query.search_text)):
            # "以哪家实验室为核心", "和哪些机构合作": bodies the sentence names, not a duty.
            d.add(f"根据{composer.name(item)}：“{quote(sentence, focus(composer, query, sentence, item))}”")
        else:
            d.add(f"{composer.name(item)}没有单独列明责任单位。相关原文：“{quote(sentence, focus(composer, query, sentence, item))}”")
        d.add(d.cite(composer.sentence_passage(doc.doc_id, item.number, best)))
        d.add(composer.suffix(doc))
        answer = d.answer("unit", (item.number,))
        # A sentence naming no body at all (推行光伏在建筑墙体场景的应用): the document names no
        # unit for it, a refusal like a deadline it does not set, with the sentence that shows
        # it. One that names a body (由区民政部门负责) answers who, though no tag lists it.
        return answer if RE_SOME_BODY.search(sentence) else replace(answer, refused=True)
    by_sentence: dict[int, list[Fact]] = {}
    for f in actor_facts:
        by_sentence.setdefault(f.sentence, []).append(f)
    best = best_sentence(composer, query, doc, item)
    # Units assigned to the whole task (a 责任单位 line, a bracket tag) answer "who" for all
    # of it; a unit a sentence names (由建设单位负责…) answers only for that sentence.
    assigned = [f for f in actor_facts if f.role and (item.style == "行" or RE_TASK_TAG.search(item.sentences[f.sentence]))]
    heads = duty_heads(item)
    if best not in by_sentence and not assigned and not heads:
        # The sentence that answers names people or bodies we do not list as units
        # (行政首长, 主要负责人): quote it rather than a unit from another sentence.
        sentence = item.sentences[best]
        d.add(f"根据{composer.name(item)}：“{quote(sentence, focus(composer, query, sentence, item))}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, best))}")
        d.add(composer.suffix(doc))
        return d.answer("unit", (item.number,))
    chosen, extra = [best], []
    # Role lines (责任单位/牵头单位/配合单位) answer "who" completely: take them all.
    roles = [s for s in by_sentence if any(f.role for f in by_sentence[s])]
    if not assigned:
        roles = [s for s in roles if s == best]
    if heads:
        # A list of duties, one unit heading each line (区教育局：负责…；负责…) that runs on to
        # the next unit's: the best sentence of them all answers, under the unit whose line
        # it follows.
        duty = rank_sentences(composer, query, doc, item, list(range(heads[0], len(item.sentences))))[0]
        chosen = [max(r for r in heads if r <= duty)]
        extra = [duty] if duty != chosen[0] else []
    elif roles:
        chosen = roles
    units: list[str] = []
    for s in chosen:
        for f in by_sentence[s]:
            label = f"{f.value}（{f.role}）" if f.role else f.value
            if label not in units:
                units.append(label)
    markers = "".join(d.cite(composer.sentence_passage(doc.doc_id, item.number, s)) for s in chosen)
    roles_given = {f.role for s in chosen for f in by_sentence[s] if f.role}
    # "哪个单位牵头" of a task that lists several units in one other role (责任单位：A、B、C)
    # and none as lead: the document names no lead; the units it lists are told as such.
    # (由管委会分管领导牵头的联席会议: a lead a sentence names.)
    no_lead = bool(RE_LEAD_ASKED.search(fold(query.text))) and roles_given and "牵头" not in roles_given and len(units) >= 2 and not heads and not any("牵头" in x for x in item.sentences)
    if no_lead:
        d.add(f"文件没有写明{composer.name(item)}的牵头单位，列出的{'、'.join(sorted(roles_given))}单位是：")
    d.add("、".join(units) + f"{markers}。根据{composer.name(item)}：")
    work = best if best not in chosen else 0
    if roles and work not in chosen and item.sentences and not heads:
        # A label line names units but not the work: quote the sentence the question is
        # about too (区审计局要做好…审计工作 for "审计由哪个部门来做"), else the task's first.
        d.add(f"“{quote(item.sentences[work], focus(composer, query, item.sentences[work], item))}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, work))}")
    for s in chosen:
        d.add(f"“{quote(item.sentences[s], by_sentence[s][0].text)}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, s))}")
    for s in extra:
        d.add(f"“{quote(item.sentences[s], focus(composer, query, item.sentences[s], item))}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, s))}")
    d.add(composer.suffix(doc))
    answer = d.answer("unit", (item.number,))
    return replace(answer, refused=True) if no_lead else answer


# A question that asks which unit leads (哪个单位牵头, 牵头单位是谁), not who takes part.
RE_LEAD_ASKED = re.compile(r"(?:哪个|哪家|哪一?个|什么|谁)[^，。？?]{0,6}牵头|牵头(?:单位|部门)?(?:是|为)?(?:谁|哪)")


# Sentences headed by a unit each, this many or more, make a list of duties.
DUTY_LIST_SENTENCES = 3


def duty_heads(item: Item) -> list[int]:
    """The sentences of a list of duties that open with their unit and a colon (区教育局：
    负责…), when there are enough of them, naming different units; else none."""
    heads = {}
    for f in item.facts_of("actor"):
        sentence = item.sentences[f.sentence].lstrip()
        if f.role and sentence.startswith(f.value) and sentence[len(f.value) : len(f.value) + 1] in ("：", ":"):
            heads.setdefault(f.sentence, f.value)
    return sorted(heads) if len(heads) >= DUTY_LIST_SENTENCES and len(set(heads.values())) == len(heads) else []


# A question about the kinds a part enumerates: 有哪几种模式, 分几类, 包括哪几种情形.
RE_KINDS_ASKED = re.compile(r"(?:哪)?几(?:种|类|个方面)|多少(?:种|类)|哪些(?:种|类|方式|模式|情形|情况)")


def _counted(f: Fact) -> str:
    """What a figure counts, as its clause writes it, without a joining word (且大专… -> 大专…)
    or the tail of a number it follows ((1)建设… -> 建设…)."""
    counted = f.value.get("counted", "") if isinstance(f.value, dict) else ""
    return re.sub(r"^[（(]?\d{1,2}[）)]\s*", "", counted).lstrip("且并及和与")


# The unit of time a question asks in (几个工作日内, 多少天): a limit in another unit
# (2-3年时间) does not answer it.
RE_ASKED_TIME_UNIT = re.compile(r"(?:几|多少)个?(工作日|自然日|日|天|个月|月|周|小时|年)")
SAME_TIME_UNIT = {"天": "日|天", "日": "日|天", "自然日": "日|天", "个月": "月", "月": "月"}


def in_asked_time_unit(query: Query, facts: list[Fact]) -> list[Fact]:
    """The facts in the unit of time a question asks (几天 -> 日/天, 几个月 -> 月), or all of
    them when it asks none."""
    asked = RE_ASKED_TIME_UNIT.search(fold(query.search_text))
    if not asked:
        return facts
    unit = SAME_TIME_UNIT.get(asked.group(1), asked.group(1))
    return [f for f in facts if re.search(unit, f.text)]


# A quantity asked in a unit of measure (有多少吨, 多少公里, 几台, 用电多少度), and the ways
# documents write each unit (度 as 千瓦时, 公里 as 千米 or km).
RE_MEASURE_ASKED = re.compile(
    r"(?:多少|几)(平方公里|平方米|平米|公里|千米|吨|亩|公顷|千瓦时|千瓦|兆瓦|立方米|度|辆|艘|架|台|床|人次|户|米|分(?![钟之别期批类级项]))"
)
MEASURE_WRITTEN = {
    "平方公里": ("平方公里", "km²", "km2"),
    "平方米": ("平方米", "平米", "㎡", "m²", "m2"),
    "平米": ("平方米", "平米", "㎡", "m²", "m2"),
    "公里": ("公里", "千米", "km"),
    "千米": ("公里", "千米", "km"),
    "度": ("度", "千瓦时", "kwh", "kw·h", "kw.h"),
    "千瓦时": ("度", "千瓦时", "kwh", "kw·h", "kw.h"),
    "千瓦": ("千瓦", "kw"),
    "兆瓦": ("兆瓦", "mw"),
    "立方米": ("立方米", "方", "m³", "m3"),
}
RE_MAGNITUDE = re.compile(r"^[万亿]+")


def asked_measure(text: str) -> str:
    """The unit of measure a question asks a quantity in ("" when none)."""
    m = RE_MEASURE_ASKED.search(fold(text))
    return m.group(1) if m else ""


def measure_written_re(unit: str) -> str:
    """A pattern for a figure in ``unit`` as documents write it (digits, a magnitude, the unit)."""
    names = "|".join(re.escape(w) for w in MEASURE_WRITTEN.get(unit, (unit,)))
    tail = r"(?![²2³3])" if unit in ("米", "千米", "公里") else r"(?!钟)" if unit == "分" else ""
    return rf"[\d一二三四五六七八九十百千万亿两]\s*[万亿]?\s*(?:{names}){tail}"


def in_measure(f: Fact, sentence: str, unit: str) -> bool:
    """Whether figure ``f`` is written in ``unit`` (its own unit word, or the words right
    after it: 1.2亿 followed by 千瓦时; 0.4012元/千瓦时 is a price, not an amount in 度)."""
    start = sentence.find(f.text)
    after = sentence[start + len(f.text) : start + len(f.text) + 6] if start >= 0 else ""
    own = f.value.get("unit", "") if isinstance(f.value, dict) else ""
    written = RE_MAGNITUDE.sub("", fold((own + after).strip()))
    for name in MEASURE_WRITTEN.get(unit, (unit,)):
        if written.startswith(name):
            rest = written[len(name) :]
            if (unit in ("米", "千米", "公里") and rest[:1] in ("²", "2", "³", "3")) or (unit == "分" and rest[:1] == "钟"):
                return False
            return True
    return False


# A count of things asked (多少个学位, 几名队员): a share does not answer it.
RE_COUNT_OF_THINGS = re.compile(r"(?:多少|几)(?:个|名|位|家|所|座|栋|辆|台|套|间|户|人|处)(?!百分点|点)")


# The thing a count asks for: 几名队员 -> 队员, 多少个学位 -> 学位, 几座消防站 -> 消防站.
RE_COUNTED_NOUN = re.compile(r"(?:多少|几)(个|名|位|家|所|座|栋|辆|台|套|间|户|处)([\u4e00-\u9fff]{2,8}?)(?:[？?，,。]|$|呢|吗|了|要|能|可以|才|是|在|的)")


# Particles a chatty question ends its noun with (企业上云啊), and nouns of time (几个工作日内).
PARTICLES = "啊呀呢吗吧哦嘛"
RE_TIME_NOUN = re.compile(r"工作日|自然日|日|天|小时|月|年|周|星期")


def _counts_noun(noun: str, sentence: str, figure: str = "", classifier: str = "") -> bool:
    """Whether a sentence may count ``noun``: it writes the noun's head (its last two
    characters, 安全巡查督导员 -> 导员), or a figure in the asked classifier is followed
    closely by the noun's last character (几所公办园: 1所教育部门办幼儿园)."""
    if noun[-2:] in sentence:
        return True
    at = sentence.find(figure) if figure else -1
    return at >= 0 and bool(classifier) and classifier in figure and noun[-1] in sentence[at : at + len(figure) + 10]


def _is_share(f: Fact) -> bool:
    """A figure that is a share or a multiple (90%, 三成, 2倍), not a count."""
    return bool(re.search(r"[%％‰]|成$|倍|分之", f.text))


# A total asked (加起来, 合计, 一共多少): the table's row of totals gives it.
RE_TOTAL_ASKED = re.compile(r"加起来|加在一起|合计|总计|汇总|一共|总共|总量|总数")
# Columns that number a table's rows, never the figure asked.
NUMBER_COLUMNS = ("序号", "编号")


def table_cells(composer, query: Query, doc: Document, item: Item) -> Answer | None:
    """A row of a data table (8 | 浦东新区 | 11-14.5 | 3 | 2) asked for a figure: the cells
    whose column headers share the question's words (新增装机容量（MW） for 新增多少装机),
    said with the row's name."""
    node = doc.node(item.key) if item.key else None
    asked = fold(query.text if query.followup else query.search_text)
    if node is not None and not node.cells:
        # A table asked about one of its rows by name (浦东新区十四五要新增多少装机): that row.
        rows = [(i, n) for i, n in enumerate(doc.nodes) if n.parent == node.key and n.style == "行" and n.cells]
        named = [(i, n) for i, n in rows if any(len(fold(v)) >= 2 and not re.search(r"\d", v) and fold(v) in asked for c, v in n.cells if c not in NUMBER_COLUMNS)]
        if not named and RE_TOTAL_ASKED.search(asked):
            # "加起来一共多少MW": the table's row of totals.
            named = [(i, n) for i, n in rows if RE_TOTAL_CELL.match(n.title)]
        if len(named) == 1:
            row = composer.node_items.get((doc.doc_id, named[0][0])) or (doc.item(named[0][1].task) if named[0][1].task else None)
            if row is not None:
                return table_cells(composer, query, doc, row)
    if node is None or len(node.cells) < 2:
        return None
    words = {asked[i : i + 2] for i in range(len(asked) - 1)}
    scored = []
    for column, value in node.cells:
        if not value or fold(value) in asked or column in NUMBER_COLUMNS:
            continue
        head = fold(re.sub(r"[（(][^）)]*[）)]", "", column))
        overlap = len(words & {head[i : i + 2] for i in range(len(head) - 1)})
        if overlap and re.search(r"\d", value):
            scored.append((overlap, column, value))
    if not scored:
        return None
    best = max(o for o, _, _ in scored)
    # Every column the question asks (新增多少装机、几个示范工程): those that share more than
    # a word all columns share.
    chosen = [(c, v) for o, c, v in scored if o == best or (o >= 2 and 2 * o >= best)]
    name = next((v for c, v in node.cells if c not in NUMBER_COLUMNS and fold(v) in asked), node.title)
    d = Draft()
    # The whole row is quoted and cited (its sentences are its cells, one by one).
    whole = composer.node_passages.get((doc.doc_id, item.key))
    marker = d.cite(whole or composer.sentence_passage(doc.doc_id, item.number, 0))
    row = node.text if whole is not None and node.text else item.sentences[0]
    d.add("；".join(f"{name}的{c}：{v}" for c, v in chosen) + f"{marker}。根据{composer.name(item)}：“{quote(row, chosen[0][1])}”{marker}")
    d.add(composer.suffix(doc))
    return d.answer("quantity", (item.number,))


# The names of the things counted asked (几个品牌都叫啥, 几类主体分别是什么), not their number.
RE_NAMES_ASKED = re.compile(r"(?:几|多少)(?:个|项|种|类|条|家|大)?[^，。？?,]{0,12}(?:都|分别|各)?(?:叫啥|叫什么|是什么|是啥|是哪些|有哪些|是哪几|指什么|包括哪些|包括什么)")


# A share asked (比例, 百分之几, 几个点, 覆盖率) and a figure that is one (30%, 百分之九十, 八成).
RE_SHARE_ASKED = re.compile(r"比例|百分之几|百分比|几个点|占比|几成|(?<![频效概])率(?:要|应|须|需|得|能|达到|达|是|为|有|多少|几)|(?<![频效概])率[^，。？?,]{1,8}?(?:多少|几)")
RE_SHARE = re.compile(r"[%％‰]|百分之|分之|[一二三四五六七八九]成")
# An amount of money asked: a price (多少钱) or what a grant comes to (补贴多少, 总投资多少).
RE_MONEY_ASKED = re.compile(
    r"(?P<price>多少钱|几块钱|什么价|金额|数额)|(?:补贴|补助|津贴|奖励|奖补|投资|经费|资金|费用|租金)[^，。？?,?]{0,8}多少"
    r"|多少[\u4e00-\u9fff]{0,4}?(?:补贴|补助|津贴|经费|资金|租金)"
)
# A ratio written with colons (容积比例为2:1:3), which answers "比例是多少" as a share does.
RE_RATIO = re.compile(r"(?<![\d:：])\d+(?:\.\d+)?\s*[:：]\s*\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?)*(?![\d:：])")


def _ratio(composer, query: Query, doc: Document, item: Item) -> Answer | None:
    """"比例是多少" of a task that writes a ratio (2:1:3) in the sentence about the topic."""
    order = rank_sentences(composer, query, doc, item, [i for i, x in enumerate(item.sentences) if RE_RATIO.search(x) and not re.search(r"\d{1,2}[:：]\d{2}(?!\d)\s*(?:前|后|至|—|-)", x)])
    if not order:
        return None
    sentence = item.sentences[order[0]]
    span = RE_RATIO.search(sentence).group(0)
    d = Draft()
    marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, order[0]))
    d.add(f"{span}{marker}。根据{composer.name(item)}：“{quote(sentence, span, CONTENT_QUOTE_MAX)}”{marker}")
    d.add(composer.suffix(doc))
    return d.answer("quantity", (item.number,))


def quantity(composer, query: Query, doc: Document, item: Item) -> Answer:
    cells = table_cells(composer, query, doc, item)
    if cells is not None:
        return cells
    missing = _penalty_not_stated(composer, query, doc, item)
    if missing is not None:
        return missing  # "会扣多少绩效" of a task that states no consequence
    # A duration (压缩至1个工作日以内, 10个工作日内) answers "多少/几天" when no count does.
    limits = in_asked_time_unit(query, item.facts_of("limit"))
    facts = item.facts_of("quantity") or limits
    if limits and RE_ASKED_TIME_UNIT.search(fold(query.search_text)):
        # "几天内要出补正通知": a time limit in the unit asked, not a count of people.
        facts = limits + in_asked_time_unit(query, item.facts_of("quantity"))
    elif facts and (span := RE_ASKED_TIME_UNIT.search(fold(query.search_text))) and fold(query.search_text)[span.end() : span.end() + 1] != "的" and not in_asked_time_unit(query, facts):
        # "公示几天" of a task whose figures are points or people (满150分): no span is stated.
        return refusal(f"文件没有为{composer.name(item)}规定具体的时长。", "quantity")
    if not facts and RE_SHARE_ASKED.search(fold(query.text)):
        ratio = _ratio(composer, query, doc, item)
        if ratio is not None:
            return ratio
    if not facts:
        counted = _counted_span(query.search_text, item)
        kids = [n for n in doc.children(item.key) if n.style not in ("专栏", "行")] if item.key else []
        if counted is None and kids and RE_KINDS_ASKED.search(fold(query.search_text)):
            # "有哪几种模式": the kinds the task enumerates, counted and listed.
            from .structure import node_answer

            return node_answer(composer, doc, doc.node(item.key))
        if counted is None and RE_NAMES_ASKED.search(fold(query.search_text)):
            # "要打造的几个品牌都叫啥": the count word only points at the things; their names
            # are what is asked, which the sentence about them gives.
            return content(composer, query, doc, item)
        if counted is None:
            return refusal(f"文件没有为{composer.name(item)}规定具体的次数或数量要求。", "quantity")
        return _named_count(composer, doc, item, counted)
    share_asked = RE_SHARE_ASKED.search(fold(query.text))
    money = RE_MONEY_ASKED.search(fold(query.text))
    if money and not share_asked:
        # "每个托位的建设补贴是多少钱" answered by a count (托育机构6个): the document states
        # no amount for it. An amount (元) answers; a share too, unless the price is asked.
        paid = [f for f in facts if "元" in _quantity_unit(f) or (not money.group("price") and RE_SHARE.search(f.text))]
        if not paid:
            return refusal(f"文件没有为{composer.name(item)}规定具体的金额。", "quantity")
        facts = paid
    if share_asked:
        # "覆盖率要达到多少", "补多少比例": a share, which a figure in another measure
        # (350兆, 2万平方米) does not answer.
        shares = [f for f in facts if RE_SHARE.search(f.text)]
        if not shares:
            ratio = _ratio(composer, query, doc, item)
            if ratio is not None:
                return ratio
            return refusal(f"文件没有为{composer.name(item)}规定具体的比例。", "quantity")
        facts = shares
    unit = asked_measure(query.text) if not (share_asked or money) else ""
    if unit:
        # "第二档从多少度开始算" of a task that states a price (0.4012元/千瓦时): a figure in
        # another measure does not say how much in the unit asked.
        measured = [f for f in facts if in_measure(f, item.sentences[f.sentence], unit)]
        if not measured:
            return refusal(f"文件没有为{composer.name(item)}规定以“{unit}”计的数量。", "quantity")
        facts = measured
    if not share_asked and RE_COUNT_OF_THINGS.search(fold(query.search_text)):
        # "一共要覆盖多少个社区": a count, which a share of the same things (50%以上的社区)
        # does not give; the task's counts answer first.
        counts = [f for f in facts if not _is_share(f)]
        facts = counts or facts
    # The words that ask for a share (比例, 百分比) name the measure, not the topic: a
    # clause that writes 的比例 is no nearer the topic for it.
    q = set(composer.tokens(RE_SHARE_ASKED.sub("", query.search_text) if share_asked else query.search_text))
    # A follow-up's own words ("转化率呢") tell which figure of the task it wants.
    own = set(composer.tokens(query.text)) if query.followup else set()
    scored = []
    # Rare words of the question a figure's sentence holds (国产EDA工具) weigh more than
    # common ones its clause holds (企业): the sentence is about the topic asked.
    weights = composer.weights(query.search_text, doc, spread=False)
    if query.followup and own & q:
        # "别的方式最多多少" after "拆除还地至少占多少": the words of the question before it
        # found the task and name the figure already given; its own words pick the figure.
        q = own & q
        weights = {w: v for w, v in weights.items() if w in own} or weights
    total = sum(weights.values()) or 1.0
    # "最多多少", "至少占多少": the figure stated as an upper (不得超过…30%) or lower bound.
    bound_asked = "upper" if RE_UPPER_ASKED.search(fold(query.text)) else "lower" if RE_LOWER_ASKED.search(fold(query.text)) else ""
    asked_figures = [re.sub(r"[^\d.]", "", x) for x in question_figures(query.text)]
    asked_figures = [x for x in asked_figures if x]
    for f in facts:
        clause = set(composer.tokens(_counted(f) + f.text))
        sentence = set(composer.tokens(item.sentences[f.sentence]))
        # The figures the question quotes (投资在500万到2000万之间的) pick, among the figures of
        # one sentence, the one whose clause states them (…500万元以上至2000万元以下的，按…3%).
        start = item.sentences[f.sentence].find(f.text)
        window = _plain_figures(item.sentences[f.sentence][max(0, start - 30) : max(0, start)])
        quoted = sum(1 for x in asked_figures if x in window)
        topical = sum(weights.get(w, 0.0) for w in q & sentence) / total
        bound = FIGURE_BOUND_WEIGHT if bound_asked and _bound_stated(item.sentences[f.sentence], f.text) == bound_asked else 0.0
        scored.append((len(q & clause) + 0.2 * len(q & sentence) + FIGURE_TOPIC_WEIGHT * topical + 2 * len(own & clause) + len(own & sentence) + 2 * quoted + bound, f))
    # "到2023年…要达到多少" of a task that sets figures for 2023 and for 2035: the year's only.
    dated = [(x, f) for x, f in scored if any(re.sub(r"^[到至]", "", span) in item.sentences[f.sentence] for span, _ in query.dates)]
    asked_years = {m.group(1) for m in RE_ASKED_YEAR.finditer(fold(query.text))}
    if not dated and asked_years and not query.followup:
        # "新生儿访视率2024年要达到多少", "到2025年要建到多少所" answered by a figure stated
        # for another year (截至2022年…6所): the year asked has no figure.
        f = max(scored, key=lambda x: x[0])[1]
        stated = _years_of(item.sentences[f.sentence])
        if stated and not asked_years & stated:
            return refusal(
                f"文件没有写明{'、'.join(sorted(asked_years))}年的数值。相关原文（{composer.name(item)}）：“{quote(item.sentences[f.sentence], f.text)}”",
                "quantity",
            )
    scored = dated or scored
    best = max(s for s, _ in scored)
    chosen = [f for s, f in scored if s >= best - 0.5][:3]
    if RE_SEVERAL_ASKED.search(fold(query.search_text)):
        # "按学历每人每月最高分别多少", "分几档，各是多少": every figure of the chosen one's
        # measure in its sentence (大专1500元，本科2500元，硕士3500元…), not the best few.
        run = semicolon_run(item, chosen[0].sentence)
        in_run = [f for f in facts if f.sentence in run]
        units = [_quantity_unit(f) for f in in_run]
        unit = max(dict.fromkeys(units), key=lambda u: (units.count(u), u == _quantity_unit(chosen[0])))
        same = [f for f in in_run if _quantity_unit(f) == unit]
        if "、" in query.search_text:
            # "算力、终端、产业规模和场景各要到多少": several measures named, each with its own unit.
            same = in_run
        if len(same) > len(chosen):
            chosen = same[:MAX_SEVERAL]
    counted_noun = RE_COUNTED_NOUN.search(fold(query.search_text)) if not share_asked else None  # 几个点 is a share
    if counted_noun and RE_TIME_NOUN.match(counted_noun.group(2)):
        counted_noun = None  # 几个工作日内: a duration, which the limit facts answer
    noun = counted_noun.group(2).rstrip(PARTICLES) if counted_noun else ""
    if noun and not any(_counts_noun(noun, item.sentences[f.sentence], f.text, counted_noun.group(1)) for f in chosen):
        counted = _counted_span(query.search_text, item)
        if counted is not None:
            # "一共挂了几个子平台" of a task that writes the count into a name (三大子平台).
            return _named_count(composer, doc, item, counted)
        # "每个站最少配几名队员" answered by a figure of something else (6个街镇): the
        # document states no count of what is asked.
        # The sentence that names what is asked shows it is not counted; else the figure's.
        naming = next((s for s in item.sentences if _counts_noun(noun, s)), None)
        shown = quote(naming, noun[-2:]) if naming else quote(item.sentences[chosen[0].sentence], chosen[0].text)
        return refusal(
            f"文件没有写明{noun}的具体数量。相关原文（{composer.name(item)}）：“{shown}”",
            "quantity",
        )
    if RE_COUNT_OF_THINGS.search(fold(query.search_text)) and all(_is_share(f) for f in chosen):
        # "一共拿出多少个学位": a share (招生的比例为90%) does not say how many.
        f = chosen[0]
        return refusal(
            f"文件没有写明具体的数量，只规定了比例：{f.text}。相关原文（{composer.name(item)}）：“{quote(item.sentences[f.sentence], f.text)}”",
            "quantity",
        )
    d = Draft()
    d.add("；".join(
        f"{_counted(f) + '：' if _counted(f) and len(_counted(f)) <= 16 else ''}{f.text}{d.cite(composer.sentence_passage(doc.doc_id, item.number, f.sentence))}"
        for f in chosen
    ))
    d.add(f"。根据{composer.name(item)}：")
    done = set()
    for f in chosen:
        if f.sentence in done:
            continue
        done.add(f.sentence)
        sentence = item.sentences[f.sentence]
        # The quote reaches the last figure chosen from its sentence, so each can be checked.
        ends = [sentence.find(g.text) + len(g.text) for g in chosen if g.sentence == f.sentence and g.text in sentence]
        reach = max(ends, default=0) - max(sentence.find(f.text), 0)
        d.add(f"“{quote(sentence, f.text, max(QUOTE_MAX, reach + 20))}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, f.sentence))}")
    d.add(composer.suffix(doc))
    return d.answer("quantity", (item.number,))


# A year the question asks a figure for (2024年要达到, 到2025年), not the year of a document
# (2021年印发的方案).
RE_ASKED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?![^，。？?]{0,6}(?:印发|发布|出台|下发|制定|颁布|出的|发的|版))")


def _years_of(sentence: str) -> set[str]:
    """The years a sentence names (2022年, 2021—2023年 as every year of the span)."""
    years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)", sentence))
    for a, b in re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年?\s*[-—－–~～至到]\s*((?:19|20)\d\d)", sentence):
        years |= {str(y) for y in range(int(a), int(b) + 1)} if int(a) <= int(b) <= int(a) + 30 else set()
    return years


# How much the share of the question's weight a figure's sentence holds counts in picking
# the figure (tuned on dev).
FIGURE_TOPIC_WEIGHT = 3.0
# How much a figure stated as the bound asked (最多 -> 不得超过…30%) counts in picking it.
FIGURE_BOUND_WEIGHT = 2.0
RE_UPPER_ASKED = re.compile(r"最多|最高|顶多|封顶|上限|不超过|不能超过|最大")
RE_LOWER_ASKED = re.compile(r"至少|最少|最低|下限|不低于|不少于|起码")
RE_BOUND_STATED = re.compile(r"(?P<upper>(?:不得|不能|不应|不宜)?(?:超过|多于|高于)|最多|最高|上限|封顶)|(?P<lower>不低于|不少于|至少|最少|最低|下限)")


def _bound_stated(sentence: str, figure: str) -> str:
    """"upper" or "lower": the bound the words nearest before a figure (or 以上/以内 right
    after it) make of it; "" when none."""
    start = sentence.find(figure)
    if start < 0:
        return ""
    after = sentence[start + len(figure) : start + len(figure) + 3]
    if re.match(r"以上|及以上", after):
        return "lower"
    if re.match(r"以内|以下|之内", after):
        return "upper"
    near = list(RE_BOUND_STATED.finditer(sentence[max(0, start - 20) : start + len(figure)]))
    if not near:
        return ""
    return "upper" if near[-1].group("upper") else "lower"


# The proper name of a thing asked (平台叫什么名字, 名称是什么), and a name written: in quotes or
# title marks, or a proper noun ending in a kind word (…平台, …中心) after 名为/称为/叫.
# A question for the named organisations (哪家, 哪几所): the classifier presumes a name.
# (哪几家单位, 哪家部门, 哪几家会签 ask for bodies, which a government unit's name answers.)
RE_WHICH_ORG_ASKED = re.compile(r"哪(?:几|一)?[家所](?![庭长])(?![^，。？?]{0,4}(?:单位|部门|机关|会签))")
# An organisation named by its proper name (中国南方人才市场, 平潭综合实验区两岸发展有限公司,
# 福州大学): a kind of body after a name, not after a word that only sorts bodies (公立医院,
# 商业银行, 优势高校, 第三方咨询机构).
RE_ORG_NAMED = re.compile(
    r"(?<!公立)(?<!县级)(?<!市级)(?<!区级)(?<!各级)(?<!商业)(?<!国有)(?<!民营)(?<!定点)(?<!相关)(?<!有关)(?<!各类)(?<!重点)(?<!知名)(?<!优势)(?<!专业)(?<!物业)(?<!运营)(?<!综合)(?<!一流)(?<!高水平)"
    r"(?<=[\u4e00-\u9fff]{2})(?:有限责任公司|股份有限公司|有限公司|公司|集团|大学|学院|医院|银行|研究院|研究所|实验室|科学院|研究中心|创新中心|交易所|交易中心)"
    r"|《[^》]{2,40}》名单|名单(?:如下|见附件)"
)
# A telephone number asked (电话号码是多少, 热线是多少, 打哪个号码) and one written.
RE_PHONE_ASKED = re.compile(r"(?:电话|热线|号码|联系方式)[^，。？?]{0,4}(?:多少|哪个|是什么|是啥|几号)|打哪个(?:号|电话)|(?:哪个|什么)(?:号码|电话)")
RE_PHONE_STATED = re.compile(r"\d{5,}|\d{3,4}\s*[-－—]\s*\d{6,8}")
# An amount of money written: 3元, 1.5万元, 三元, 每人每月200元.
RE_AMOUNT_STATED = re.compile(r"\d\s*(?:万|亿|千|百)?元|[一二三四五六七八九十百千万两]+元|免费|全额|[%％]|分之")
RE_NAME_OF_THING_ASKED = re.compile(r"叫什么名字|叫啥名|名称是什么|名字是什么|全称是什么|叫什么(?:平台|系统|中心|网站|公众号|品牌)")
RE_NAME_WRITTEN = re.compile(r"“[^”]{2,40}”|《[^》]{2,60}》|\"[^\"]{2,40}\"|(?:名为|称为|命名为|简称)")


# A question that asks for several values or things at once (分别多少, 各是什么, 分几档).
RE_SEVERAL_ASKED = re.compile(r"分别|各(?:自|是|为|要|需|有)|(?:几|哪几)(?:档|种|类|级|个档次|个标准)")
MAX_SEVERAL = 6


def semicolon_run(item: Item, idx: int, limit: int = 8) -> list[int]:
    """The sentences of ``item`` joined to sentence ``idx`` by semicolons: one
    enumeration (15%予以补助；…给予12%补助；…给予10%补助。), at most ``limit``."""
    ends = re.compile(r"[；;]\s*$")
    start = idx
    while start > 0 and idx - start < limit and ends.search(item.sentences[start - 1]):
        start -= 1
    end = idx
    while end + 1 < len(item.sentences) and end - start + 1 < limit and ends.search(item.sentences[end]):
        end += 1
    return list(range(start, end + 1))


def _quantity_unit(f: Fact) -> str:
    """The measure of a figure: its unit word (元, %, 人), or its last character."""
    unit = f.value.get("unit", "") if isinstance(f.value, dict) else ""
    return unit or f.text[-1:]


def _named_count(composer, doc: Document, item: Item, counted: tuple[str, int]) -> Answer:
    """A count written into a name ("一平台、两抓手", 三大子平台): not a requirement, but it
    answers how many, quoted."""
    span, idx = counted
    d = Draft()
    marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, idx))
    d.add(f"{span}{marker}。根据{composer.name(item)}：“{quote(item.sentences[idx], span)}”{marker}")
    d.add(composer.suffix(doc))
    return d.answer("quantity", (item.number,))


def references(composer, doc: Document, item: Item) -> Answer:
    refs = item.facts_of("reference")
    if not refs:
        return refusal(f"文件没有为{composer.name(item)}列出具体的依据文件。", "reference")
    d = Draft()
    markers = "".join(d.cite(composer.sentence_passage(doc.doc_id, item.number, s)) for s in sorted({f.sentence for f in refs}))
    d.add("依据" + "、".join(f.text for f in refs) + f"{markers}。根据{composer.name(item)}：")
    for s in sorted({f.sentence for f in refs}):
        d.add(f"“{quote(item.sentences[s], refs[0].text)}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, s))}")
    return d.answer("reference", (item.number,))


def whole_item(composer, doc: Document, item: Item) -> Answer:
    d = Draft()
    chapter = composer.chapter_ref(doc, item)
    section = composer.chapter_passage(doc, doc.chapter(item.chapter))
    # The task's heading line as it stands backs its name; its chapter's heading backs "属于".
    node = doc.node(item.key) if item.key else None
    heading = d.cite(composer.heading_passage(doc, node)) if node is not None and node.line and node.title else ""
    if chapter and section:
        d.add(f"{item.label}是「{item.title}」{heading}，属于“{chapter}”{d.cite(section)}。原文：")
    else:
        d.add(f"{item.label}是「{item.title}」{heading}。原文：")
    # One quote per sentence, each citing its own sentence: every quoted claim is
    # backed by the passage its marker points to.
    for i, sentence in enumerate(item.sentences):
        d.add(f"“{quote(sentence, max_len=len(sentence))}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, i))}")
    d.add(composer.suffix(doc))
    return d.answer("item", (item.number,))


# How often something is done, asked (多久查一次, 多长时间报一回, 频次) and stated (每季度,
# 一旬一测, 每两年, 半年一次).
RE_FREQUENCY_ASKED = re.compile(
    r"(?:多久|多长时间|隔多久)[^，。？?]{0,8}一(?:次|回|轮)|频次|频率|(?:一年|每年)(?:几|多少)次"
    # "按季度发还是按月发": a choice between periods.
    r"|(?:按|每)(?:年|半年|季度?|月|旬|周|天|日)[^，。？?]{0,6}还是(?:按|每)?(?:年|半年|季度?|月|旬|周|天|日)"
)
RE_FREQUENCY = re.compile(r"按(?:半年|年|季|月|旬|周|日|天)度?(?:开展|进行|报送|统计|监测|更新|调度|通报|考核|评估|检查|发布|公布)|每(?:年|季度?|半年|月|旬|周|日|天|两年|[一二三四五六七八九十两\d]+(?:年|个月|月|周|天|日))|一(?:年|季|月|旬|周|日)一(?:测|次|查|报|考|评)|[一二两三四五\d]+年一次|半年一次|(?:年|季|月)度|逐年|实时")
# The share of the question's weight a task must hold before its lack of a frequency is
# read as the document's (else the task may just be the wrong one).
FREQUENCY_TOPIC_SHARE = 0.6


def _topic_share(composer, query: Query, doc: Document, item: Item) -> float:
    """The share of the question's weight (frequency words aside) the task's text holds."""
    text = RE_FREQUENCY_ASKED.sub(" ", fold(query.search_text))
    weights = composer.weights(text, doc)
    total = sum(weights.values()) or 1.0
    words = set(composer.tokens(item.title + "".join(item.sentences)))
    return sum(v for w, v in weights.items() if w in words) / total


# Conditions or a standard asked (要满足什么条件, 什么门槛, 多少分算优秀) and what states one.
RE_CRITERIA_ASKED = re.compile(r"(?:按|按照|依据|根据|参照|执行)(?:什么|哪些|啥|哪个|哪项)(?:标准|规范)|怎么打分|如何(?:打分|评分)|(?:评分|打分)(?:标准|办法)|(?:什么|哪些|啥)样?的?(?:条件|门槛|资格)|(?:要|需要|得|应)(?:满足|具备)(?:什么|哪些|啥)(?!样?的?要求)|多少分(?:算|才|为|以上)|(?:才)?算(?:优秀|合格|达标)|评(?:上|为)?[a-z优]")
RE_CRITERIA_STATED = re.compile(r"条件|标准|符合|达到|以上|以下|不低于|不少于|不超过|不小于|具备|满足|具有|资格|分值|等次|优秀|合格|达标|认定"
                                # What must be held or passed first (取得…证书…的，可以; 经…审查认可的).
                                r"|取得[^，。；]{1,20}(?:证书|资格|许可|认证|批准)|经[^，。；]{1,24}(?:认可|批准|审核|审查|同意)")


# Where or to whom something is handed in asked (去哪里递申请, 向谁反映, 找哪个部门报), and a
# sentence that says to whom (向户籍所在地镇人民政府提出申请, 报区民政局备案).
RE_ADDRESSEE_ASKED = re.compile(r"(?:去|到|在|向|找)(?:哪里|哪儿|哪|谁|什么地方)[^，。？?]{0,4}(?:递|交|提交|申请|办|报|反映|投诉|备案|咨询)|(?:向|找)谁")
RE_ADDRESSEE_STATED = re.compile(r"向[^，。；]{2,30}(?:提出|提交|申请|报送|报告|反映|投诉|备案|咨询)|报[^，。；]{2,20}(?:备案|审批|审核)")
# A price asked (按什么电价结算, 价格是多少, 怎么收费) and a sentence that states one.
RE_PRICE_ASKED = re.compile(r"(?:什么|多少|啥|哪种)[\u4e00-\u9fff]{0,2}价(?!值)|价格(?:是|为)?(?:多少|什么|啥)|怎么(?:收费|定价|计价)|收费标准是")
RE_PRICE_STATED = re.compile(r"\d\s*(?:万|亿)?元|价|费|免费")


# Consequences asked (会被约谈吗, 扣不扣钱, 怎么问责, 有什么处罚) and what states one.
RE_PENALTY_ASKED = re.compile(r"(?:会|要)被[^，。？?]{0,8}(?:约谈|处分|处罚|问责|通报|扣)|扣[^，。？?]{0,4}(?:钱|分|绩效|奖金)|受处分|(?:怎么|如何|会不会|会)(?:问责|处罚|追责)|(?:什么|哪些|啥)(?:处罚|后果|惩罚|处分)|罚(?:多少|款)|(?:会|将)(?:受到|被)?(?:怎么|怎样|如何|什么|啥)(?:样的?)?(?:处理|惩处)|受到(?:什么|啥|怎样的?)(?:处理|惩处)")
RE_PENALTY_STATED = re.compile(r"问责|追究|处分|处罚|约谈|通报|扣[分减除]|罚款|取消|暂停|责令|惩戒|失信|降级|不得(?:出具|通过|办理|发放|核发|享受|申报|颁发)|不予(?:通过|受理|办理|验收|发放|核发|批准|认定|补贴|支持|颁发)|(?:依法|严肃|从严|予以|移送|严格)[^，。；]{0,10}处理|考核结果|纳入[^，。；]{0,12}考核|挂牌督办|曝光|收回|退回|追回|黑名单")


# A procedure asked (走什么程序, 怎么申报, 如何办理) and what describes one: a step of
# reporting, applying or approving.
RE_PROCEDURE_ASKED = re.compile(r"(?:走|办|履行)?(?:什么|啥|哪些)(?:流程|程序|手续)|(?:怎么|如何|怎样)(?:申报|申请|报名|办理|认定|备案)|(?:流程|程序|手续|步骤)(?:是|又是)?(?:怎样|怎么样|如何|什么样|啥样)")
# Materials or a form asked (要交哪些材料, 申请表叫什么, 哪里能下载) and what names them.
RE_MATERIALS_ASKED = re.compile(r"(?:交|提交|准备|带|提供|报送|附上?)(?:哪些|什么|啥)(?:材料|资料|证明|证件)|(?:材料|资料)(?:有|包括|要)?(?:哪些|什么|啥)")
RE_MATERIALS_STATED = re.compile(r"材料|资料|证明|复印件|原件|申请表|申报表|登记表|表格|附件\s*\d|清单|(?:提交|报送|提供|出具)[^，。；]{2,40}(?:、|和|及)")
RE_FORM_ASKED = re.compile(r"(?:申请表|申报表|登记表|表格|表)(?:叫|是)(?:什么|啥)|(?:哪里|哪儿|在哪|什么地方)(?:能|可以)?下载")
RE_FORM_STATED = re.compile(r"申请表|申报表|登记表|表格|附件\s*\d|格式|样表|下载|网站|网址")
RE_PROCEDURE_STATED = re.compile(r"报送|报请|报经|报[市区省县]|提交|申请|申报|审核|审批|审定|备案|同意|征得|告知|公告|报名|程序|流程|手续|登录|填报|受理|说明|公示|办理")


# A part of a document on liability, where consequences are stated for every task.
RE_PENALTY_PART = re.compile(r"法律责任|罚则|责任追究|问责|处罚")


def _penalty_not_stated(composer, query: Query, doc: Document, item: Item, order: list[int] | None = None) -> Answer | None:
    """"没完成会被约谈或扣绩效吗" of a task that states no consequence, in a document with
    no part on liability (法律责任) that may state it elsewhere: a refusal; else None."""
    if not RE_PENALTY_ASKED.search(fold(query.search_text)) or any(RE_PENALTY_PART.search(n.title) for n in doc.nodes if n.title):
        return None
    if order is None:
        order = rank_sentences(composer, query, doc, item, list(range(len(item.sentences))))
    return _not_stated(composer, query, item, order, RE_PENALTY_STATED, "具体的处理或处罚措施") if order else None


def _not_stated(composer, query: Query, item: Item, order: list[int], stated, what: str) -> Answer | None:
    """A refusal when none of the task's best three sentences states what is asked (a
    condition, a consequence), quoting the best one; None when one does."""
    if any(stated.search(item.sentences[i]) for i in order[:3]):
        return None
    sentence = item.sentences[order[0]]
    return refusal(f"文件没有写明{what}。相关原文（{composer.name(item)}）：“{quote(sentence, focus(composer, query, sentence, item))}”", "not_stated")


# A question for what a term stands for (指哪三个零, 是指什么, 什么意思, 具体是哪几个).
RE_MEANING_ASKED = re.compile(r"指(?:的是)?(?:哪|什么|啥)|是指|什么意思|啥意思|含义|(?:具体)?是哪[一二三四五六七八九十两几]个")
# A quoted term spelled out right after it: “三零”（零上门、零审批、零投资）, “两个允许”即….
RE_TERM_SPELLED = re.compile(r"[“\"「]([^”\"」]{1,12})[”\"」]\s*(?:[（(][^）)]{2,}[、，,][^）)]*[）)]|，?即|是指|指的是)")
# A term the question quotes (“3+N”模式, 「五个一律」).
RE_QUOTED_TERM = re.compile(r"[“\"「『]([^”\"」』]{1,20})[”\"」』]")
# A question for the named instances of something (分别建在哪些地方, 具体选了哪几家, 名单).
RE_INSTANCES_ASKED = re.compile(r"(?:具体|分别)[^，。？?]{0,8}(?:哪些|哪几)|(?:哪些|哪几)(?:个|处|座)?(?:地方|地点|位置)|哪几家|哪些家|名单|(?:哪些|哪几)(?:家|个|所)?(?:企业|公司|厂商|厂家|学校|医院|村|社区|景区|景点)")
# A sentence that counts or quantifies them without naming them (10座旅游厕所, 部分机构,
# 知名啤酒厂商).
RE_UNNAMED = re.compile(r"(?:\d+|[一二三四五六七八九十两百]+)\s*(?:座|家|个|所|处|批)|部分|若干|一批|一些|一定数量|知名|多家|多个")
# What names instances: a list (、), a colon, 包括/分别/即, or a bracketed list.
RE_NAMES_LISTED = re.compile(r"、|[：:]|包括|包含|分别|即|[（(][^）)]{2,}[）)]")


# The kind of instance a question asks to be named: 哪几家企业, 是哪几家 after 企业, 哪些街道.
RE_KIND_AFTER = re.compile(r"(?:具体|分别)?(?:是|有|在|建在|选了?)?(?:哪几|哪些)(?:家|个|所|处|座|批)?([\u4e00-\u9fff]{2,3}?)(?:[？?，,。]|$|呢|吗|入选|在|建)")
RE_KIND_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,3})(?:具体)?(?:是|有)哪几(?:家|个|所|处)")
# 哪些社区卫生服务中心是示范点: the kind before 是/被/列为.
RE_KIND_SUBJECT = re.compile(r"(?:哪些|哪几)(?:家|个|所)?([\u4e00-\u9fff]{2,10}?)(?:是|被|入选|列为|评为)")
INSTANCE_KINDS = set("企业 公司 厂 厂商 厂家 商家 商户 门店 机构 单位 学校 医院 中心 街道 社区 乡镇 村 国家 城市 片区 旗县区 县区 区县 专家 事项 项目 平台 景点 景区 基地 园区 旅行社 酒店 银行 协会 专区 示范区 试点 示范点".split())


# A list of names that ends right before the kind: 张村、李村等(3个)村 (not 水平低、环保设施差的…企业).
RE_LIST_BEFORE = re.compile(r"、[^，。；、的]{1,8}(?:等)?(?:[一二三四五六七八九十\d]+[家个所处座])?$")


def _asked_kind(question: str) -> str:
    for rx in (RE_KIND_AFTER, RE_KIND_BEFORE, RE_KIND_SUBJECT):
        for m in rx.finditer(question):
            word = m.group(1)
            kind = next((k for k in sorted(INSTANCE_KINDS, key=len, reverse=True) if word.endswith(k)), "")
            if kind:
                return kind
    return ""


def _names_kind(sentence: str, kind: str) -> bool:
    """Whether a sentence names instances of ``kind``: a 、 list just before a mention
    (张村、李村等村), a colon or bracket just after one, or names ending in the kind
    (XX公司、YY公司)."""
    for m in re.finditer(re.escape(kind), sentence):
        before = sentence[max(0, m.start() - 25) : m.start()]
        if RE_LIST_BEFORE.search(before) or sentence[m.end() : m.end() + 1] in ("：", ":", "（", "(") or "包括" in before or "即" in before:
            return True
    # Names of the kind joined in a list: XX公司、YY公司 (not 零碳园区 twice in a sentence
    # whose 、 joins other things).
    # A description (意愿强、基础条件好的园区) is no name.
    return bool(re.search(rf"[\u4e00-\u9fff]{{2,}}[”」]?、[“「]?(?:(?!的)[\u4e00-\u9fff]){{1,8}}{re.escape(kind)}", sentence))


def unnamed_instances(composer, query: Query, doc: Document, item: Item, order: list[int]) -> Answer | None:
    """"10座旅游厕所分别建在哪些地方" of a task that counts them (or says 部分) and names
    none in its best two sentences: the document does not list them, said with the
    sentence that counts them."""
    kind = _asked_kind(fold(query.text))
    if not (RE_INSTANCES_ASKED.search(fold(query.search_text)) or kind) or (item.key and doc.children(item.key)):
        return None
    best = order[:2]
    if kind:
        # The kind asked (企业, 旗县区): named when a list (A、B等企业) or a colon stands right
        # by a mention of it; a mention without one names none.
        mentioned = [i for i in best if kind in fold(item.sentences[i])] or ([best[0]] if best and kind in fold(item.title) else [])
        if mentioned and not any(_names_kind(fold(item.sentences[i]), kind) for i in best):
            sentence = item.sentences[mentioned[0]]
            return refusal(f"文件没有列出具体是哪些。相关原文（{composer.name(item)}）：“{quote(sentence, kind)}”", "not_stated")
    if any(RE_NAMES_LISTED.search(item.sentences[i]) and not RE_UNNAMED.search(item.sentences[i]) for i in best):
        return None
    counting = [i for i in best if RE_UNNAMED.search(item.sentences[i]) and not RE_NAMES_LISTED.search(item.sentences[i])]
    if not counting:
        return None
    sentence = item.sentences[counting[0]]
    return refusal(f"文件没有列出具体是哪些。相关原文（{composer.name(item)}）：“{quote(sentence, '')}”", "not_stated")


def content(composer, query: Query, doc: Document, item: Item) -> Answer:
    d = Draft()
    order = rank_sentences(composer, query, doc, item, list(range(len(item.sentences))))
    unnamed = unnamed_instances(composer, query, doc, item, order) if order else None
    if unnamed is not None:
        return unnamed
    asked = fold(query.search_text)
    if RE_CRITERIA_ASKED.search(asked):
        # "要满足什么条件", "多少分算优秀" of a task that states no condition or standard.
        missing = _not_stated(composer, query, item, order, RE_CRITERIA_STATED, "具体的条件或标准")
        if missing is not None:
            return missing
    missing = _penalty_not_stated(composer, query, doc, item, order)
    if missing is not None:
        return missing
    if RE_PRICE_ASKED.search(asked) and order:
        # "余电上网按什么电价结算" of a task none of whose best sentences states a price.
        missing = _not_stated(composer, query, item, order, RE_PRICE_STATED, "具体的价格或收费标准")
        if missing is not None:
            return missing
    if RE_MATERIALS_ASKED.search(asked) and order:
        # "评估认定要交哪些材料" of a task none of whose best sentences names a material.
        missing = _not_stated(composer, query, item, order, RE_MATERIALS_STATED, "需要提交的材料")
        if missing is not None:
            return missing
    if RE_PHONE_ASKED.search(asked) and order:
        # "投诉电话号码是多少", "热线是12398吗，还是打哪个号码" of a task whose best sentences
        # write no number (通过投诉电话等渠道): the document gives none.
        missing = _not_stated(composer, query, item, order, RE_PHONE_STATED, "具体的电话号码")
        if missing is not None:
            return missing
    if RE_MONEY_ASKED.search(asked) and order:
        # "老人每餐能补贴几块钱" answered by a sentence about the meals that states no amount
        # (a price asked, 按什么价收, is stated as one too: 实行居民价格).
        missing = _not_stated(composer, query, item, order, RE_PRICE_STATED if RE_PRICE_ASKED.search(asked) else RE_AMOUNT_STATED, "具体的金额")
        if missing is not None:
            return missing
    if RE_NAME_OF_THING_ASKED.search(asked) and order:
        # "那个公众号叫什么名字" of a task none of whose best sentences writes a name.
        missing = _not_stated(composer, query, item, order, RE_NAME_WRITTEN, "具体名称")
        if missing is not None:
            return missing
    if RE_WHICH_ORG_ASKED.search(asked) and order:
        # "依托哪几所大学建设", "委托哪家咨询公司" of a task whose best sentences name no
        # organisation (依托优势高校, 委托第三方咨询机构).
        missing = _not_stated(composer, query, item, order, RE_ORG_NAMED, "具体是哪家（哪几家）单位")
        if missing is not None:
            return missing
    if RE_FORM_ASKED.search(asked) and order:
        # "申请表叫什么，哪里能下载" of a task that names no form.
        missing = _not_stated(composer, query, item, order, RE_FORM_STATED, "具体的表格或下载方式")
        if missing is not None:
            return missing
    if RE_PROCEDURE_ASKED.search(asked) and order and not any(RE_PROCEDURE_STATED.search(x) for x in item.sentences):
        # "申报要走什么流程" of a task none of whose sentences describes a step of one.
        return _not_stated(composer, query, item, order, RE_PROCEDURE_STATED, "具体的办理程序")
    if RE_FREQUENCY_ASKED.search(fold(query.text)):
        # "多久查一次": the sentence that states how often, or a refusal when none does.
        stating = [i for i in order if RE_FREQUENCY.search(item.sentences[i])]
        if not stating and _topic_share(composer, query, doc, item) >= FREQUENCY_TOPIC_SHARE:
            loose = next((i for i in order[:3] if "定期" in item.sentences[i]), None)
            if loose is None:
                return refusal("文件没有规定具体的频次。", "not_stated")
            # 定期 is what the document says of how often: the answer, with the caveat.
            d = Draft()
            marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, loose))
            d.add(f"定期{marker}。文件没有规定具体的频次，只写了“定期”：“{quote(item.sentences[loose], '定期')}”{marker}")
            d.add(composer.suffix(doc))
            return d.answer("content", (item.number,))
        if stating:
            order = stating[:1] + [i for i in order if i != stating[0]]
    if RE_ADDRESSEE_ASKED.search(fold(query.text)):
        # "去哪里递申请", "向谁反映": the sentences that say to whom (向…镇人民政府提出申请) first.
        addressed = [i for i in order if RE_ADDRESSEE_STATED.search(item.sentences[i])][:2]
        order = addressed + [i for i in order if i not in addressed]
    if RE_MEANING_ASKED.search(asked):
        # "三零服务指哪三个零": the sentence that spells the term out (“三零”（零上门、零审批、
        # 零投资）, “两个允许”即…) answers first.
        spelled = [i for i, x in enumerate(item.sentences) if any(fold(t) in asked for t in RE_TERM_SPELLED.findall(x))]
        order = spelled + [i for i in order if i not in spelled]
    quoted = [fold(q) for q in RE_QUOTED_TERM.findall(query.text)]
    holding = [i for i, sentence in enumerate(item.sentences) if quoted and any(q in fold(sentence) for q in quoted)]
    if holding:
        # “3+N”模式具体指什么: the sentences that write the quoted term answer first.
        order = holding + [i for i in order if i not in holding]
    chosen = sorted(order[:2]) if len(item.sentences) > 1 else [0]
    listed = [i for i, sentence in enumerate(item.sentences) if RE_ENUMERATED.match(sentence)]
    if len(listed) >= 3 and RE_WHICH.search(fold(query.search_text)):
        # "有哪些具体措施" of a task that enumerates them (1.… 2.… 3.…, 一是…二是…): all of them.
        chosen = sorted(set(listed[:8]) | {order[0]})
    for c in [c for c in chosen if item.sentences[c].rstrip().endswith(("：", ":")) or RE_LIST_LEAD.search(item.sentences[c])]:
        # A lead that ends with a colon (见习单位不得有下列行为：) or names the list it opens
        # (有下列情形之一的，…应当…更新。) says nothing without the entries that follow it:
        # they go with it.
        k = c + 1
        while k < len(item.sentences) and k <= c + 8 and RE_ENUMERATED.match(item.sentences[k]):
            chosen = sorted(set(chosen) | {k})
            k += 1
    several = RE_WHICH.search(fold(query.search_text)) or RE_SEVERAL_ASKED.search(fold(query.search_text))
    node = doc.node(item.key) if several and item.key else None
    if node is not None and any(item.sentences[c].rstrip().endswith(("：", ":")) and not RE_ENUMERATED.match(item.sentences[c + 1] if c + 1 < len(item.sentences) else "") for c in chosen):
        # "六大卓越行动分别叫什么" of a part whose lead ends with a colon (开展六大“卓越行动”：)
        # and whose entries are the parts under it: those parts answer.
        if len([n for n in doc.children(item.key) if n.style not in ("专栏", "行")]) >= 2:
            from .structure import node_answer

            return node_answer(composer, doc, node)
    if several and chosen:
        # An enumeration run on with semicolons (“五个一律”，即…；…；…。) is one sentence:
        # its clauses up to the full stop all answer "哪五个", "分几档，各是多少".
        run = [i for i in semicolon_run(item, order[0]) if i >= order[0]]
        if len(run) > 2:
            chosen = sorted(set(chosen) | set(run))
    # A lead phrase (--平台建设长足进步。) says what follows: quote the sentence after it too.
    chosen = sorted(set(chosen) | {c + 1 for c in chosen if c + 1 < len(item.sentences) and len(re.sub(r"[\W_]", "", item.sentences[c])) <= LEAD_PHRASE_CHARS})
    # A sentence that opens with words of the one before it (尽量设置在首层。设置在其他楼层的，
    # 应当…) states its exception or condition: it goes with it.
    chosen = sorted(set(chosen) | {c + 1 for c in order[:1] if c + 1 < len(item.sentences) and _continues(item.sentences[c], item.sentences[c + 1])})
    named = re.search(r"(?:提到|提及|讲到|说到|涉及|写到)了?([^，。？?吗了]{2,16})", asked)
    if RE_MENTION_ASKED.search(asked) and named and named.group(1) in fold("".join(item.sentences[i] for i in chosen)):
        d.add("文件提到了。")  # the quotes below show where
    d.add(f"{composer.name(item)}要求：")
    quotes = []
    for s in chosen:
        sentence = item.sentences[s]
        quotes.append(f"“{quote(sentence, focus(composer, query, sentence, item), CONTENT_QUOTE_MAX * (2 if several else 1))}”{d.cite(composer.sentence_passage(doc.doc_id, item.number, s))}")
    d.add("".join(quotes))
    d.add(composer.suffix(doc))
    return d.answer("content", (item.number,))


# How much of a sentence a content answer quotes (characters; tuned on dev): enough for a
# requirement and the clause that follows its subject.
CONTENT_QUOTE_MAX = 140


# "文件有没有提到X", "提到X了吗": a yes-or-no question about a mention (a term the
# document never writes is refused before this).
RE_MENTION_ASKED = re.compile(r"(?:有没有|是否|有无)(?:提到|提及|讲到|说到|涉及|写到)|(?:提到|提及|讲到|说到|涉及|写到)[^，。？?]{1,16}(?:了)?吗")
# A sentence that opens the list after it: 有下列情形之一的, 具备以下条件, 如下.
RE_LIST_LEAD = re.compile(r"(?:下列|以下|如下)(?:[\u4e00-\u9fff]{0,6}(?:情形|条件|情况|行为|事项|材料|要求|规定|方式|内容|之一))")
# A sentence that is one entry of an enumeration inside a task's text.
RE_ENUMERATED = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|[①-⑳⑴-⒇㈠-㈩]|[一二三四五六七八九十]是)|^.{0,30}?[：:]\s*\d\s*[.．、]")
# A question that asks for the several things a task lists.
RE_WHICH = re.compile(r"哪些|哪几|包括什么|有什么(?:措施|内容|要求|举措)|分别是|哪[一二两三四五六七八九十\d]{1,2}(?:个|项|条|种|类|方面)")
def _continues(sentence: str, following: str) -> bool:
    """Whether ``following`` opens with three or more characters of words ``sentence`` has."""
    opener = re.match(r"[\u4e00-\u9fff]{3}", following.strip())
    return bool(opener) and opener.group(0) in sentence


# A sentence this short (in characters of words) is a lead phrase, not a requirement.
LEAD_PHRASE_CHARS = 10


def rank_sentences(composer, query: Query, doc: Document, item: Item, candidates: list[int]) -> list[int]:
    ranked = composer.searcher.best_sentences(doc.doc_id, item.number, query.search_text, n=len(item.sentences))
    order = [p.sentence for p, _ in ranked if p.sentence in candidates]
    order += [c for c in candidates if c not in order]
    if SENTENCE_OWN_WORDS and len(order) > 1:
        # Every sentence of a task shares its topic (the title's words); what tells them
        # apart is the rest of the question (智慧旅游要实现哪些功能: 功能).
        own = sentence_own_words(composer, query, item, doc)
        rank = {s: i for i, s in enumerate(order)}
        order.sort(key=lambda s: -(1.0 / (3 + rank[s]) + SENTENCE_OWN_WORDS * own(item.sentences[s])))
    # A figure the question repeats (80%的经费, 达到30%) points at the sentence that states it.
    figures = question_figures(query.search_text)
    if figures:
        order.sort(key=lambda s: -sum(states_figure(f, item.sentences[s]) for f in figures))
    return order


# Weight of the question's words beyond the title when ranking a task's sentences (tuned on dev).
SENTENCE_OWN_WORDS = 1.0

RE_QUESTION_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|个|家|种|名|项|元|分|人|次|户|座|平方米|平方公里|公里|吨)?")


def _plain_figures(text: str) -> str:
    """Text with figures written plainly: 3.0平方米 -> 3平方米, 1,000 -> 1000."""
    text = re.sub(r"(?<=\d)\s*[—–－~～至到]\s*(?=\d)", "-", fold(text))  # 2021—2025 as 2021-2025
    return re.sub(r"(\d+)\.0+(?!\d)", r"\1", re.sub(r"(?<=\d),(?=\d{3})", "", text))


def states_figure(figure: str, text: str) -> bool:
    """Whether ``text`` states a figure the question quotes: 3平方米 in 达到3.0平方米, not
    in 2.3平方米 (a figure starts where no digit or point comes before it)."""
    plain = _plain_figures(figure.strip())
    return bool(plain) and re.search(rf"(?<![\d.]){re.escape(plain)}", _plain_figures(text)) is not None


def question_figures(question: str) -> list[str]:
    """Figures a question quotes from the document: ``80%``, ``2070种``, ``30``; not years
    (2017 names the document or a period, not a figure of one task)."""
    text = fold(question)
    # A span of years (（2021-2025）) names a plan of that period: it is quoted as written.
    spans = [m.group(0) for m in RE_YEAR_SPAN.finditer(text)]
    text = RE_YEAR_SPAN.sub(" ", text)
    return spans + [m.group(0) for m in RE_QUESTION_FIGURE.finditer(text) if not re.fullmatch(r"(?:19|20)\d\d", m.group(0).strip())]


# A span of years: 2021-2025, 2015—2020, 2019至2021 (first and last year as groups).
RE_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*[-—–－~～至到]\s*((?:19|20)\d\d)")


def sentence_own_words(composer, query: Query, item: Item, doc: Document):
    """A scorer of texts by the weight of the question's words they hold (see
    ``Composer.weights``), leaving out the words of the task's title, as a share of the
    weight of those words."""
    title = set(composer.tokens(item.title))
    # A follow-up's own words (考核上有啥要求 after 专项工作组怎么成立) tell its sentence apart;
    # the earlier question's words only found the task.
    text = query.text if query.followup and len(set(composer.tokens(query.text)) - title) else query.search_text
    weights = {w: x for w, x in composer.weights(text, doc, spread=False).items() if w not in title}
    total = sum(weights.values()) or 1.0
    return lambda text: sum(weights[w] for w in weights.keys() & set(composer.tokens(text))) / total


def focus(composer, query: Query, sentence: str, item: Item | None = None) -> str:
    """The clause of a sentence that holds most of the question's words (IDF-weighted; the
    task title's words count less, every clause of the task shares them): the quote is
    cut around it, so a long sentence shows its relevant part."""
    idf = composer.searcher.bm25.idf
    q = set(composer.tokens(query.search_text))
    title = set(composer.tokens(item.title)) if item is not None else set()
    clauses = [c for c in CLAUSE.findall(sentence) if c.strip()]
    if not clauses:
        return ""
    # The kind of thing asked (哪些技术手段 -> 技术手段): the clause that names it lists them.
    head = RE_ASKED_HEAD.search(fold(query.text))
    asked = head.group(1) if head else ""
    # A term the question quotes (“3+N”模式) marks the clause to show.
    quoted = [fold(t) for t in RE_QUOTED_TERM.findall(query.text)]
    return max(
        clauses,
        key=lambda c: (any(t in fold(c) for t in quoted), bool(asked) and asked in fold(c), sum(idf.get(w, 0.0) * (0.3 if w in title else 1.0) for w in q & set(composer.tokens(c)))),
    )


# The noun right after 哪些/什么/哪几种: the kind of thing a question wants listed.
RE_ASKED_HEAD = re.compile(r"(?:哪些|哪几[种类个项]?|什么)([\u4e00-\u9fff]{2,6}?)(?:[？?。，,]|$|呢|吗)")


def best_sentence(composer, query: Query, doc: Document, item: Item) -> int:
    return rank_sentences(composer, query, doc, item, list(range(len(item.sentences))))[0]


def rank_facts(composer, query: Query, doc: Document, item: Item, facts: list[Fact]) -> list[Fact]:
    order = rank_sentences(composer, query, doc, item, sorted({f.sentence for f in facts}))
    return sorted(facts, key=lambda f: order.index(f.sentence))


RE_ASKED_COUNT = re.compile(r"(?:几|多少)(?:个|项|种|类|条|大)?([\u4e00-\u9fff]{1,4})")
RE_CN_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)(?:个|项|种|类|条|大)?"


def _counted_span(question: str, item: Item) -> tuple[str, int] | None:
    """Where an item counts the thing a question asks the number of, in words:
    有几个抓手 -> ("两抓手", sentence index), 几证合一 -> ("五证合一", …)."""
    m = RE_ASKED_COUNT.search(fold(question))
    if not m:
        return None
    noun = m.group(1)
    for length in range(len(noun), 1 if len(noun) > 1 else 0, -1):
        pattern = re.compile(RE_CN_COUNT + re.escape(noun[:length]))
        for idx, sentence in enumerate(item.sentences):
            found = pattern.search(sentence)
            if found:
                return found.group(0), idx
    return None

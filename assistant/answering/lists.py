"""Answers read off the structure: a chapter's tasks, counts, which part a task belongs
to, and lists of the tasks with a deadline, a count, a unit, a cited document or a term."""

from __future__ import annotations

import re
from dataclasses import replace

from ..retrieval import Hit, Query
from ..index import fold
from ..schema import Answer, Document, Item
from .draft import Draft, quote, refusal
from . import task
from .structure import task_span, title_passage
from .unit_tasks import RE_FORBIDDEN_ASKED

ASKING = r"多少|什么|哪|谁|几|怎么|如何|是否|吗|有没有"


def which_chapter(composer, doc: Document, item: Item) -> Answer:
    ch = doc.chapter(item.chapter)
    if ch is None:
        return refusal(f"{composer.name(item)}不属于任何章节。", "which_chapter")
    d = Draft()
    section = composer.chapter_passage(doc, ch)
    marker = d.cite(section) if section else ""
    titles = "、".join(doc.item(i).ref for i in ch.items)
    d.add(f"{composer.name(item)}属于“{ch.ref}”{marker}，这一部分共{len(ch.items)}项工作：{titles}。")
    return d.answer("which_chapter", (item.number,))


def chapter(composer, query: Query) -> Answer | None:
    """The tasks of the parts a question names; None when the parts named hold no tasks
    (一、建筑垃圾定义, matched by its topic): the question is about their text."""
    d = Draft()
    doc = composer.default
    numbers = []
    found = [doc.chapter(n) for n in query.chapters if doc.chapter(n) is not None]
    if found and not any(ch.items for ch in found):
        return None
    for ch in found:
        section = composer.chapter_passage(doc, ch)
        marker = d.cite(section) if section else ""
        # Each task named with what backs its name (its heading line or run-in passage).
        titles = "、".join(f"{doc.item(i).ref}{d.cite(q) if (q := title_passage(composer, doc, doc.item(i))) else ''}" for i in ch.items)
        d.add(f"第{ch.ref.split('、')[0]}部分「{ch.title}」{marker}共有{len(ch.items)}项工作。分别是：{titles}。")
        numbers.extend(ch.items)
    if not numbers:
        return refusal(f"文件共{len(doc.chapters)}个部分，没有您问的这一部分。", "chapter")
    return d.answer("chapter", numbers)


def part_word(doc: Document) -> str:
    """How the document names its top parts: 章 for 第一章…, else 个部分."""
    markers = [c.marker for c in doc.chapters]
    return "章" if markers and all(m.startswith("第") and m.endswith("章") for m in markers) else "个部分"


def task_word(doc: Document) -> str:
    """How the document counts its tasks: 条 for articles (第一条…), else 项工作."""
    return "条" if doc.items and all(it.style == "article" for it in doc.items) else "项工作"


# "持续推进的任务有多少项": a count of the tasks that use a term, not of all tasks.
RE_COUNT_TERM = re.compile(r"^(?:这个文件|文件|这份文件|本文件)?(?:里|中)?(?:的)?(?P<term>[^，。？?的]{2,12})的(?:具体)?(?:任务|工作|事项|措施)(?:一共|总共|共)?(?:有)?(?:多少|几)")


def count(composer, query: Query) -> Answer:
    doc = composer.default
    m = RE_COUNT_TERM.search(fold(query.search_text))
    if m:
        term = m.group("term")
        using = [it for it in doc.items if term in fold(it.text) or term in fold(it.title)]
        if 0 < len(using) < len(doc.items):
            return items_mentioning(composer, doc, [term])
    d = Draft()
    styles = [it.style for it in doc.items]
    main = max(set(styles), key=styles.count) if styles else ""
    numbered = [it for it in doc.items if it.style == main]
    # Tasks numbered in one style (1.…24.) besides parts that are tasks only because
    # nothing is numbered under them: say both.
    extra = f"，其中编号为{numbered[0].marker}至{numbered[-1].marker}的具体任务{len(numbered)}项" if len(numbered) != len(doc.items) and len(numbered) >= 2 and numbered[0].marker else ""
    # The counts are read off the tree; each part cites its own heading as it stands.
    if re.search(r"部分|大项|章|板块|方面", query.search_text) and not re.search(r"多少项工作|几项工作|多少条工作", query.search_text):
        chapters = "；".join(f"{c.ref}{d.cite(p) if (p := composer.chapter_passage(doc, c)) else ''}" for c in doc.chapters)
        # "分几大部分、多少条": the count of tasks too, checked against the first and the last.
        both = re.search(r"多少条|几条|多少项|几项|多少个任务", query.search_text)
        attachments = [n.key for n in doc.nodes if n.style in ("附件", "文件")]
        body = [it for it in doc.items if not any(it.key.startswith(a + ".") for a in attachments)]
        if both and body and len(body) < len(doc.items):
            # The parts are the body's: its tasks are counted, the attachments' said apart.
            span = task_span(composer, doc, body, d)
            d.add(f"文件正文共分{len(doc.chapters)}{part_word(doc)}，合计{len(body)}{task_word(doc)}（附件另列{len(doc.items) - len(body)}项）。分别是：{chapters}。{span}")
        else:
            span = task_span(composer, doc, numbered if extra else list(doc.items), d) if both else ""
            d.add(f"文件共分{len(doc.chapters)}{part_word(doc)}，合计{len(doc.items)}{task_word(doc)}{extra}。分别是：{chapters}。{span}")
    else:
        # A count of tasks is checked against the first and the last task; the parts follow.
        # Parts that are each one task (一、降低创业门槛。…) are the tasks, not a grouping.
        parts = f"，分为{len(doc.chapters)}{part_word(doc)}" if len(doc.chapters) > 1 and any(len(c.items) > 1 for c in doc.chapters) else ""
        span = task_span(composer, doc, numbered if extra else list(doc.items), d) if parts or len(doc.items) > 30 else ""
        chapters = "；".join(f"{c.ref}{d.cite(p) if (p := composer.chapter_passage(doc, c)) else ''}" for c in doc.chapters)
        if parts or len(doc.items) > 30:
            d.add(f"文件共列出{len(doc.items)}{task_word(doc)}{extra}{parts}。{span}")
            if parts:
                d.add(f"分别是：{chapters}。")
        else:
            # No parts to name: the tasks themselves, each citing its heading.
            listed = "；".join(f"{it.ref}{d.cite(p) if (p := title_passage(composer, doc, it)) else ''}" for it in doc.items)
            d.add(f"文件共列出{len(doc.items)}项工作{extra}，分别是：{listed}。")
    return d.answer("count", [i.number for i in doc.items])


def listing(composer, query: Query, hits: list[Hit]) -> Answer | None:
    """Aggregations answered from the parsed structure: every item with a deadline,
    with a figure, naming a unit, citing a document, or mentioning a term.
    None when the question is not such a list."""
    text = fold(query.search_text)
    # 所有/全部 ask for a list when they quantify the tasks (所有工作, 全部的任务), not when they
    # qualify a verb (要在什么时间之前全部录入).
    if not re.search(r"哪些|哪几|有几项|多少项|几项|几条|都有|分别|列出|列举|列一下|(?:所有|全部)的?(?:工作|任务|事项|期限|时限|截止|完成时间)|所有的|全部的", text):
        return None
    doc = composer.default
    terms = asked_terms(text)
    if terms:
        return items_mentioning(composer, doc, terms, title_only=bool(re.search(r"标题", text)))
    if re.search(r"截止|期限|时限|时间节点|完成时间|时间要求|之前|以前|底前|deadline", text):
        rows = [(it, f) for it in doc.items for f in it.deadlines]
        if query.dates:
            wanted = {n for n in items_with_dates_upto(doc, query.dates)}
            rows = [(it, f) for it, f in rows if it.number in wanted] or rows
        if not rows:
            return refusal("文件中没有规定具体完成时间的工作。", "list")
        d = Draft()
        d.add(f"有{len({it.number for it, _ in rows})}项工作规定了完成时间：")
        d.add("；".join(
            f"{it.ref}：{f.text}{d.cite(composer.sentence_passage(doc.doc_id, it.number, f.sentence))}" for it, f in rows
        ))
        d.add("。")
        return d.answer("list", [it.number for it, _ in rows])
    if re.search(r"次数|几次|多少次|期数|几期|数量要求|频次|量化|硬指标", text):
        rows = [(it, f) for it in doc.items for f in it.facts_of("quantity") if f.value.get("unit") in ("次", "期")]
        topic = [u for u in composer.known_units + ["常务会议", "领导干部", "讲座", "培训"] if fold(u) in text]
        if topic:
            rows = [(it, f) for it, f in rows if any(fold(t) in fold(it.sentences[f.sentence]) for t in topic)] or rows
        if not rows:
            return None
        d = Draft()
        d.add(f"有{len({it.number for it, _ in rows})}项工作提出了次数或期数要求：")
        d.add("；".join(f"{it.ref}：{f.text}{d.cite(composer.sentence_passage(doc.doc_id, it.number, f.sentence))}" for it, f in rows))
        d.add("。")
        return d.answer("list", sorted({it.number for it, _ in rows}))
    unit = next((u for u in composer.known_units if fold(u) in text), "")
    if unit and re.search(r"哪些工作|哪几项|哪些任务|哪些事|承担|负责哪些|要做哪些|干哪些", text) and not RE_FORBIDDEN_ASKED.search(text):
        rows = [(it, f) for it in doc.items for f in it.facts_of("actor") if f.value == unit]
        if rows:
            d = Draft()
            d.add(f"文件中明确由“{unit}”承担的工作有{len({it.number for it, _ in rows})}项：")
            seen, parts = set(), []
            for it, f in rows:
                if it.number in seen:
                    continue
                seen.add(it.number)
                parts.append(f"{it.ref}{d.cite(composer.sentence_passage(doc.doc_id, it.number, f.sentence))}")
            d.add("；".join(parts) + "。")
            return d.answer("list", sorted(seen))
    return None


def items_mentioning(composer, doc: Document, terms: list[str], title_only: bool = False) -> Answer:
    """Tasks whose title (or text) uses a term as words of its own: 全覆盖 is not found in
    健全覆盖. Each cites where the term stands: the heading line for a title, else the
    first sentence that uses it."""
    is_word = composer.searcher.bm25.tokenizer.is_word
    rows = []
    for it in doc.items:
        hit = [t for t in terms if _uses(is_word, fold(it.title), fold(t))]
        where = None
        if not title_only:
            where = next((i for i, s in enumerate(it.sentences) if any(_uses(is_word, fold(s), fold(t)) for t in terms)), None)
        if hit or where is not None:
            node = doc.node(it.key) if it.key else None
            if hit and node is not None and node.line and (title_only or where is None):
                rows.append((it, composer.heading_passage(doc, node), None))
            elif where is not None:
                rows.append((it, composer.sentence_passage(doc.doc_id, it.number, where), where))
    shown = "”或“".join(terms)
    if not rows:
        return refusal(f"文件中没有{'标题' if title_only else '内容'}提到“{shown}”的工作。", "list")
    d = Draft()
    d.add(f"{'标题' if title_only else '内容'}提到“{shown}”的工作有{len(rows)}项：")
    # One or two tasks: the sentence that uses the term is quoted too (可以开设的“微专业”
    #有哪些 is answered by the sentence that lists them, not by the task's name).
    said = lambda it, where: f"：“{quote(it.sentences[where], next((t for t in terms if fold(t) in fold(it.sentences[where])), ''), 200)}”" if where is not None and len(rows) <= 2 else ""  # noqa: E731
    d.add("；".join(f"{it.ref}{said(it, where)}{d.cite(p)}" for it, p, where in rows))
    d.add("。")
    return d.answer("list", [it.number for it, _, _ in rows])


def _uses(is_word, text: str, term: str) -> bool:
    """``term`` stands in ``text`` as words of its own: its first character does not end a
    dictionary word of two characters with the one before it (健全覆盖: 健全, so not
    全覆盖), nor its last begin one with the one after it (政务网上: 网上, so not 务网)."""
    at = text.find(term)
    while at >= 0:
        end = at + len(term)
        before, after = text[at - 1 : at + 1] if at else "", text[end - 1 : end + 1]
        if not (len(before) == 2 and is_word(before)) and not (len(after) == 2 and is_word(after)):
            return True
        at = text.find(term, at + 1)
    return False


def all_references(composer, doc: Document) -> Answer:
    d = Draft()
    parts = []
    p = composer.section_passages.get((doc.doc_id, "preamble"))
    for f in doc.preamble_refs:
        parts.append(f"{f.text}（制定依据）{d.cite(p) if p else ''}")
    for it in doc.items:
        for f in it.facts_of("reference"):
            parts.append(f"{f.text}（{it.ref}）{d.cite(composer.sentence_passage(doc.doc_id, it.number, f.sentence))}")
    if not parts:
        return refusal("文件中没有引用其他文件。", "list")
    d.add(f"文件引用了{len(parts)}份文件：" + "；".join(parts) + "。")
    return d.answer("list", sorted({c.item for c in d.citations if c.item}))


# (以 of 可以, 所以, 予以 is no "starts with": 哪些人可以不用交房租.)
RE_ASKED_TERM = re.compile(r"(?:提到|提及|涉及|包含|含有|出现|写到|讲到|带有?|(?<![可所难足得予加用据是])以)(?:了)?[“\"「『]?([^“”\"「」『』？?，,。]{2,20}?)[”\"」』]?(?:的|开头|字样|这个词|一词|[?？。!！\s]*$)")


# The tasks of an area asked by its name: 民宿这块…哪几件事, 智慧旅游方面有哪些工作.
RE_AREA_TASKS = re.compile(r"^([\u4e00-\u9fff]{2,6}?)(?:这块|这一块|这方面|方面|领域)[^，,。？?]{0,10}(?:哪些|哪几)(?:件事|项工作|项任务|项|工作|事|任务|措施|举措)")


# The instances of a quoted word asked for: 哪几条“坚持”, 哪几个“坚持”, 有几个“一”.
RE_QUOTED_KIND_ASKED = re.compile(r"(?:哪几|哪些|几|多少)(?:条|个|项|方面|大)?[“\"「『]([^”\"」』]{1,8})[”\"」』]")


def quoted_instances(composer, doc: Document, text: str) -> Answer | None:
    """"基本原则是哪几条“坚持”": every phrase the document opens with the quoted word
    (坚持依法规范, 坚持服务为民…), within the part the question names when it names one.
    None when the word opens fewer than two phrases."""
    from .structure import named_node

    m = RE_QUOTED_KIND_ASKED.search(text)
    if m is None:
        return None
    term = m.group(1)
    if len(term) < 2:
        return None  # 哪几个“化”: a suffix (便捷化, 高质化), not a word that opens phrases
    units = composer.text_units(doc)
    node, score = named_node(doc, text[: m.start()])
    if node is not None and score >= 1.0:
        inside = [it for it in units if it.key == node.key or it.key.startswith(node.key + ".")]
        units = inside or units
    found: list[tuple[Item, int, str]] = []
    for it in units:
        for i, sentence in enumerate(it.sentences):
            for occ in re.finditer(re.escape(term) + r"[^，。；;：:,（(]{1,16}", sentence):
                if occ.group(0) not in {x[2] for x in found}:
                    found.append((it, i, occ.group(0)))
    if len(found) < 2:
        return None
    d = Draft()
    d.add(f"文件写了{len(found)}个“{term}”：")
    d.add("；".join(f"{phrase}{d.cite(composer.sentence_passages.get((doc.doc_id, it.number, i)))}" for it, i, phrase in found[:12]))
    d.add("。" + composer.suffix(doc))
    return d.answer("list", sorted({it.number for it, _, _ in found if it.number > 0}))


def asked_terms(text: str) -> list[str]:
    """Terms a list question searches for: 哪几条提到了第三方评估或者第三方起草 -> [第三方评估, 第三方起草]."""
    quoted = re.findall(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", text)
    if quoted and re.search(r"提到|提及|涉及|包含|含有|出现|写到|讲到|带|以|开头", text):
        return quoted
    area = RE_AREA_TASKS.search(text)
    if area:
        # "民宿这块今年主要打算做哪几件事": every task that names the area.
        return [area.group(1)]
    m = RE_ASKED_TERM.search(text)
    if not m:
        return []
    terms = [t.strip() for t in re.split(r"或者|或是|或|以及|和|、|及", m.group(1)) if len(t.strip()) >= 2]
    # "带文号的文件", "带期限的工作": a kind of fact to list, not a word to look for;
    # "涉及哪些单位": the question itself, not a term.
    return [t for t in terms if not FACT_KIND_WORDS.fullmatch(t) and not re.search(ASKING, t)]


FACT_KIND_WORDS = re.compile(r"文号|发文字号|期限|时限|截止(?:时间|日期)|完成时间|时间(?:节点|要求)|次数|期数|数量要求|责任单位|牵头单位")


def items_with_dates_upto(doc: Document, dates) -> list[int]:
    """Items whose deadline falls on or before the latest date a question names."""
    latest = max(iso for _, iso in dates)
    return [it.number for it in doc.items if any(f.value <= latest for f in it.deadlines)]


# A question that counts the parts of a thing the document describes: 分成哪几部分,
# 一共要写几条, 列了多少个部门.
RE_TOPIC_COUNT = re.compile(r"(?:分成|分为|分|包括|包含|有|写|列了?|涉及|由)(?:哪几|几|多少)(?:个)?(?:部分|类|种|个方面|方面|条|项|个|步|环节|部门|单位)|(?:一共|总共|共)(?:要|有|分|列了?)?(?:写|分成|分为)?(?:哪几|几|多少)")
# A lead that names the document before the question proper: 平潭…网上办方案里，….
RE_NAMING_LEAD = re.compile(r"^.{0,40}?(?:方案|文件|通知|意见|办法|要点|计划|措施|规定)(?:里|中|上|当中)[，,]?")
# Words of a count question that name no topic.
COUNT_FILLER = set("这个 那个 文件 方案 通知 意见 办法 要点 计划 一共 总共 共有 多少 哪几 几个 部分 分成 分为 包括 列了 写 要 有 的 里 中 是 哪些 具体 内容 分别 组成 构成 组成部分".split())
# An ordinal enumeration inside a sentence: 一是…二是…五是….
RE_ORDINAL = re.compile(r"([一二三四五六七八九十]{1,3})是")
# A sentence that states how many parts a thing has: 分为冰果体育、…四部分.
RE_PARTS_STATED = re.compile(r"(?:分为|分成|包括|包含|共有|设置|划分为|由)[^。；]{0,80}?([一二三四五六七八九十两\d]{1,3})((?:个)?(?:组成)?(?:部分|类|种|方面|大类|项|个|环节|步))")
# The share of the topic's weight a sentence (with its task's title) must hold.
TOPIC_COVERED = 0.6


def _topic(composer, doc: Document, text: str, keep_own: bool = False) -> dict[str, float]:
    """The question's topic words with their weights: what it names besides fillers; empty
    when it names only the document (文件一共多少项工作)."""
    own = set(composer.tokens(fold(doc.title + doc.meta.title)))
    words = set(composer.searcher.bm25.tokenizer.words(text))
    weights = composer.weights(text, doc)
    topic = {w: weights[w] for w in words & weights.keys() if w not in COUNT_FILLER and len(w) >= 2 and weights[w] > 0}
    return topic if keep_own or set(topic) - own else {}


def names_a_topic(composer, doc: Document, text: str) -> bool:
    """Whether a count question names a topic besides the document and the parts it counts
    (哪几条基本原则 does; 文件一共多少项工作, 分几个部分 do not)."""
    return bool(_topic(composer, doc, RE_COUNTED_PART.sub("", text)))


# The parts a question counts (几项工作, 多少条任务, 几个部分): what a count of the document's
# parts answers, no topic.
RE_COUNTED_PART = re.compile(
    r"(?:哪几|几|多少)(?:个|大)?(?:项|条|个|大)?(?:的)?(?:具体|主要|重点|大的)?(?:工作|任务|措施|举措|事项|部分|章|节|方面|板块|条|项)"
    # The document as a whole and how its parts are numbered: 全文, 正文, 整个计划, 带括号编号的.
    r"|全文|正文|整个|全篇|通篇|(?:带)?(?:括号)?编号的?|(?:具体|主要|重点)(?:工作|任务|措施|举措)"
    # The document as a list of its tasks: 任务清单, 工作台账.
    r"|(?:任务|工作)(?:清单|台账)"
)


def _covered(topic: dict[str, float], s: str) -> float:
    total = sum(topic.values()) or 1.0
    return sum(v for w, v in topic.items() if w in fold(s)) / total


# Words that name a stage in headings, by the word a question uses.
STAGE_WORDS = {"阶段": "阶段", "步骤": "阶段|步骤", "环节": "环节"}
# "分几个阶段", "有哪几个步骤": the parts whose headings name a stage.
RE_STAGES_ASKED = re.compile(r"(?:几|多少|哪几|哪些)(?:个|大)?(阶段|步骤|环节)")


def stages(composer, doc: Document, text: str) -> Answer | None:
    """The stages of a plan (（一）动员部署阶段（8月31日前） …): the largest group of sibling
    parts whose headings name the kind asked, counted and listed with their times."""
    m = RE_STAGES_ASKED.search(text)
    if m is None:
        return None
    word = m.group(1)
    groups: dict[str, list] = {}
    for n in doc.nodes:
        if n.title and re.search(STAGE_WORDS.get(word, word), n.title) and n.style not in ("行", "附件", "文件"):
            groups.setdefault(n.parent, []).append(n)
    best = max(groups.values(), key=len, default=[])
    if len(best) < 2:
        # 三、工作步骤 over its parts: the parts are the steps.
        heads = [n for n in doc.nodes if n.title and re.search(rf"{word}|步骤|进度安排|时间安排|阶段安排", n.title) and len(doc.children(n.key)) >= 2]
        if not heads:
            return None
        best = doc.children(heads[0].key)
    word = "阶段" if any("阶段" in n.title for n in best) else word
    d = Draft()
    parent = doc.node(best[0].parent) if best[0].parent else None
    where = f"{parent.path}「{parent.title}」{d.cite(composer.heading_passage(doc, parent)) if parent.line else ''}" if parent is not None else "文件"
    names = "；".join(f"{n.marker}{n.title}{d.cite(composer.heading_passage(doc, n)) if n.line else ''}" for n in best)
    d.add(f"{where}分为{len(best)}个{word}：{names}。{composer.suffix(doc)}")
    return d.answer("count", tuple(n.task for n in best if n.task))


def named_part_count(composer, doc: Document, text: str) -> Answer | None:
    """"部门职责里一共列了多少个部门": the numbered parts under the heading whose title the
    question names in full."""
    if not RE_TOPIC_COUNT.search(text) or not re.search(r"部门|单位|几个|多少个|几项|多少项|几条|多少条", text):
        return None
    named = [n for n in doc.nodes if n.title and len(n.title) >= 2 and fold(n.title) in text and doc.children(n.key)]
    if not named:
        return None
    node = max(named, key=lambda n: len(n.title))
    children = doc.children(node.key)
    d = Draft()
    marker = d.cite(composer.heading_passage(doc, node)) if node.line else ""
    names = "；".join(f"{c.marker}{c.title}{d.cite(composer.heading_passage(doc, c)) if c.line else ''}" for c in children)
    d.add(f"{node.path}「{node.title}」{marker}下共列出{len(children)}项：{names}。")
    return d.answer("count", tuple(c.task for c in children if c.task))


# The classifier of a count asked (几条, 多少个): things a task may count, or parts.
RE_COUNTED_THINGS = re.compile(r"(?:多少|几)(条|项|个|座|所|家|处|批|场|次)")


def counted_in_task(composer, query: Query, hits: list[Hit]) -> Answer | None:
    """"精品道路 每年 几条": a count of things a task states (每年打造100条精品道路), not of
    the document's parts, when the question names a topic a task covers and that task
    states a figure in the classifier asked."""
    asked = RE_COUNTED_THINGS.search(fold(query.search_text))
    if not asked:
        return None
    topic = _topic(composer, composer.default, fold(query.search_text))
    if not topic:
        return None
    quantity = replace(query, intent="quantity")
    target = composer.target(quantity, hits)
    if target is None:
        return None
    doc, item = target
    if _covered(topic, item.title + item.text) < TOPIC_COVERED:
        return None
    if not any(f.text.endswith(asked.group(1)) or (isinstance(f.value, dict) and f.value.get("unit") == asked.group(1)) for f in item.facts_of("quantity")):
        return None
    return task.quantity(composer, quantity, doc, item)


def topic_count(composer, query: Query, hits: list[Hit]) -> Answer | None:
    """A count of the parts of one thing the question names (冰果极跑嘉年华分成哪几部分,
    信用承诺内容一共要写几条): the sentence that enumerates them, its ordinals counted or
    its stated number. None when the question names no topic besides the document."""
    from ..documents.headings import parse_cn_number

    text = RE_NAMING_LEAD.sub("", fold(query.search_text))
    if not RE_TOPIC_COUNT.search(text):
        return None
    kind = re.search(r"(部分|类|种|方面|环节|步)", RE_TOPIC_COUNT.search(text).group(0))
    asked = kind.group(1) if kind else ""
    topic = _topic(composer, composer.default, text)
    if not topic:
        # The thing named is the document's own subject (应急避难场所 of a plan for them):
        # only a sentence that states its kinds answers.
        own = _topic(composer, composer.default, text, keep_own=True)
        return _stated_anywhere(composer, composer.default, own, asked) if own else None
    target = composer.target(replace(query, search_text=text), hits)
    if target is None:
        return _stated_anywhere(composer, composer.default, topic, asked)
    tdoc, item = target
    ranked = sorted(range(len(item.sentences)), key=lambda i: -_covered(topic, item.title + item.sentences[i]))
    if not ranked or _covered(topic, item.title + item.sentences[ranked[0]]) < TOPIC_COVERED:
        return _stated_anywhere(composer, tdoc, topic, asked)
    node = tdoc.node(item.key) if item.key else None
    if node is not None and [n for n in tdoc.children(node.key) if n.style != "行"]:
        # "自然人基础数据一共列了几类": the task names the thing; its numbered parts count.
        from .structure import node_answer

        return node_answer(composer, tdoc, node)
    for i in ranked[:3]:
        sentence = item.sentences[i]
        k = i
        # The enumeration runs on over semicolons, or a full stop and the next ordinal (…。五是…).
        while k + 1 < len(item.sentences) and (re.search(r"[；;]\s*$", item.sentences[k]) or RE_ORDINAL.match(item.sentences[k + 1].strip())):
            k += 1
        run = "".join(item.sentences[i : k + 1])
        ordinals = [parse_cn_number(m.group(1)) or 0 for m in RE_ORDINAL.finditer(run)]
        stated = RE_PARTS_STATED.search(sentence)
        if len(ordinals) >= 2 and ordinals[0] == 1:
            count, quoted = f"{max(ordinals)}条", range(i, k + 1)
        elif stated:
            count, quoted = _stated_count(sentence, asked), range(i, i + 1)
        else:
            continue
        d = Draft()
        quotes = "".join(f"“{item.sentences[j].rstrip('。；;')}”{d.cite(composer.sentence_passage(tdoc.doc_id, item.number, j))}" for j in quoted)
        d.add(f"共{count}。根据{composer.name(item)}：{quotes}{composer.suffix(tdoc)}")
        return d.answer("count", (item.number,))
    return _stated_anywhere(composer, tdoc, topic, asked)


RE_COUNT_WORD = re.compile(r"([一二三四五六七八九十两\d]{1,3})((?:个)?(?:组成)?(?:部分|大类|类|种|方面|项|环节|步|个))")


def _stated_count(sentence: str, asked: str) -> str:
    """The count a sentence states for its parts, in the kind the question asks (分为A(包括6个
    等级)和B2类 asked 哪几类 -> 2类); "" when it states none."""
    stated = RE_PARTS_STATED.search(sentence)
    if stated is None:
        return ""
    counts = list(RE_COUNT_WORD.finditer(sentence, stated.start()))
    fitting = [m for m in counts if asked and asked in m.group(2)]
    m = fitting[-1] if fitting else stated
    return m.group(1) + m.group(2)


def _stated_anywhere(composer, doc: Document, topic: dict[str, float], asked: str = "") -> Answer | None:
    """The sentence anywhere in the document (a part's opening paragraph too) that states
    how many parts the thing named has (类型分为等级应急避难场所…和社区应急避难场所2类)."""
    best = None
    pool = composer.text_units(doc)
    for item in pool:
        for i, sentence in enumerate(item.sentences):
            stated = _stated_count(sentence, asked)
            covered = _covered(topic, sentence)
            if stated and covered >= TOPIC_COVERED and (best is None or covered > best[0]):
                best = (covered, item, i, stated)
    if best is None:
        return None
    _, item, i, stated = best
    d = Draft()
    marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, i))
    d.add(f"共{stated}。根据{composer.name(item)}：“{item.sentences[i].rstrip('。；;')}”{marker}{composer.suffix(doc)}")
    return d.answer("count", (item.number,) if item.number > 0 else ())

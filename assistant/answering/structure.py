"""Answers read off a document's tree, for any document of the genre:

- the parts under a part the question names by its title (``保障措施有几条``,
  ``宣传推介有哪些举措``, ``附件的指标里一共多少项任务``), or all parts of a kind
  (``一共多少个专栏``, ``附件有哪几个``);
- the tasks with no time limit (``哪些工作没有明确时限``), in a named part or the document;
- the tasks and sentences due at a date the question names (``2020年底前有哪些任务``,
  ``9月底要完成哪些``, ``到2025年要达到什么目标``);
- the tasks a unit leads or supports (``市司法局牵头哪些工作``).

Each function returns an :class:`Answer` or None when the question is not of its kind;
``match`` in the answer's intent says which pattern answered.
"""

from __future__ import annotations

import re

from ..index import fold
from ..schema import Answer, Document, Item, Node, Passage
from .draft import Draft, quote, refusal

# Words that carry no topic in a title or a question about parts.
GENERIC = set(
    "加强 推进 推动 进一步 深化 完善 健全 建立 建立健全 提升 提高 强化 加快 全面 积极 大力 深入 切实 持续 着力 "
    "工作 任务 举措 措施 方面 部分 条 项 几 哪些 哪几 多少 一共 共 有 都 是 什么 下面 里面 里 中 的 和 与 及 "
    "具体 主要 相关 有关 情况 内容 要求 分别 包括 列出 列举 文件 方案 通知 这个 那个 这 那 "
    "几项 几条 几个 几大 哪几项 哪几条 多少项 多少条 多少个".split()
)
RE_LIST = re.compile(r"哪些|哪几|几项|几条|几个|几大|几方面|多少(?:项|条|个|大|方面)?|有什么|包括什么|包括哪|分别|列出|列举|都有|一共|总共|共有")
# A figure asked (按几个点补, 分别是每人多少), which no list of parts answers.
# (多少个工作日, 几天: a span of time asked, not a count of parts.)
RE_FIGURE_ASKED = re.compile(r"几个(?:百分)?点|百分之几|多少(?![项条个部分方面块类大张])|(?:几|多少)个?(?:工作日|自然日|天|日|小时|分钟|周|个月)")
# A list or count of parts, not of things (多少个应用场景 is a figure, 哪几条 is a list of parts).
RE_PARTS_ASKED = re.compile(
    r"(?:几|多少|哪几|哪些)(?:个|项|条|点|大|类|张)?(?:方面|部分|项|条|点|块|类|大类|行动|任务|工作|措施|举措|内容|原则|领域|专栏|附件|板块|步骤|阶段|环节|指标|表|小点)"
    r"|(?:几|哪几)(?:项|条|点|大|类|块)|分别是|都有哪些|包括哪些|下面有|下设"
)
RE_NO_DEADLINE = re.compile(r"(?:(?<!有)没有?|未|(?<!有)无)[给写定提出明确规定具体的完成]{0,6}(?:时限|期限|时间|时间节点|截止|完成时间|月份|日期)")
# "有没有时间要求", "是否规定了完成时间": asked of a part, both kinds of task are the answer.
RE_ANY_DEADLINE = re.compile(r"(?:有没有|是否|有无)[给写定提出明确规定具体的完成了]{0,6}(?:时限|期限|时间|时间节点|截止|完成时间|月份|日期)")
RE_TASK_WORDS = re.compile(r"任务|工作|事项|条目|具体|措施|指标")
RE_GROUP_WORDS = re.compile(r"几大|几个方面|几方面|几部分|几个部分|几块|几大块|几类|哪几大|哪几个方面|哪几部分|哪几块|几大类")
STYLE_WORDS = {"专栏": "专栏", "附件": "附件"}


def words(text: str) -> set[str]:
    """Content words of a text (the package's segmenter), without the generic ones."""
    from ..index.lexical import default_tokenizer

    return {w for w in default_tokenizer().cut(fold(text)) if len(w) >= 2 and w not in GENERIC and re.search(r"[\u4e00-\u9fff]", w)}


def named_node(doc: Document, text: str) -> tuple[Node | None, float]:
    """The part whose title the question names, with how much of the title it names.
    Words every part shares with the document's own title (包头市, 考评) do not tell
    parts apart: the score counts the other words of the title."""
    q = words(text)
    qtext = fold(text)
    common = words(doc.title + doc.meta.title)
    best, best_score = None, 0.0
    for n in doc.nodes:
        if n.style == "行" or not n.title:
            continue
        title = fold(n.title)
        head = next((title[:k] for k in range(len(title), 3, -1) if title[:k] in qtext), "")
        if len(title) >= 3 and title in qtext:
            score = 1.0 + len(title) / 100
        elif len(head) >= 5 or (len(head) >= 4 and head.endswith(("表", "清单", "方案"))):
            # A title that opens with what the question names (任务分工表 of 任务分工表（打*的
            # 为具体项目）): named, less surely than in full.
            score = 0.9
        else:
            t = words(n.title)
            shared = {w for w in t if w in q or w in qtext}
            if sum(len(w) for w in shared) < 4:
                continue
            specific = t - common or t
            score = sum(len(w) for w in shared & specific) / sum(len(w) for w in specific)
        if score > best_score:
            best, best_score = n, score
    return (best, best_score) if best_score >= 0.4 else (None, 0.0)


def tasks_under(doc: Document, key: str) -> list[Item]:
    keys = {n.key for n in doc.nodes if n.key == key or n.key.startswith(key + ".")}
    return [it for it in doc.items if it.key in keys]


def _passage_for(composer, doc: Document, node: Node) -> Passage | None:
    """The passage that shows a part in a list: its heading line as written, else its
    text, else its first task."""
    if node.line:
        return composer.heading_passage(doc, node)
    if node.task:
        return composer.item_passages.get((doc.doc_id, node.task))
    p = composer.node_passages.get((doc.doc_id, node.key))
    if p is not None:
        return p
    tasks = tasks_under(doc, node.key)
    return composer.item_passages.get((doc.doc_id, tasks[0].number)) if tasks else None


def _name(node: Node) -> str:
    return f"{node.path}{node.title}" if node.style not in ("附件", "文件") else f"{node.marker}「{node.title}」"


def _short(node: Node) -> str:
    """A part listed under its parent: its own number and title."""
    if node.style in ("附件", "文件"):
        return node.title or node.marker
    marker = node.marker.replace("(", "（").replace(")", "）")
    title = node.title
    line = (node.line or "").strip()
    rest = line[len(node.marker):].strip() if line.startswith(node.marker) else ""
    if rest.startswith(title) and len(rest) <= SHORT_LINE and "。" not in rest.rstrip("。；;"):
        # A one-clause item (（1）依法成立，取得营业执照；): the whole line says it.
        title = rest.rstrip("。；;，,")
    return f"{re.sub(r'[.．﹒、]$', '.', marker) if marker[:1].isdigit() else marker}{title}"


# A part's line this short is listed whole rather than by its first clause.
SHORT_LINE = 40


# A question asking what a term means: 数据专区是怎么定义的, 什么是长者饭堂, X是指什么.
RE_DEFINITION_ASKED = re.compile(r"^(?:什么是|何为|何谓)(?P<a>.{2,20}?)[？?。]?$|^(?P<b>.{2,20}?)(?:是)?(?:怎么|如何)(?:定义|界定)|^(?P<c>.{2,20}?)(?:是指什么|指的是什么|是什么意思|的(?:定义|含义|概念)(?:是什么)?)")
# A sentence that defines: 本办法所称X，是指…, X是指…, …统称X, X定义为….
RE_DEFINES = re.compile(r"是指|所称|统称|定义为|指的是")


def definition(composer, doc: Document, text: str) -> Answer | None:
    """The sentence that defines the term a question asks about, quoted whole."""
    m = RE_DEFINITION_ASKED.search(text.strip())
    if not m:
        return None
    term = re.sub(r"^(?:所谓|这个|文件里的?|文件中的?|本办法的?)|的$", "", (m.group("a") or m.group("b") or m.group("c") or "").strip())
    if len(term) < 2:
        return None
    for it in composer.text_units(doc):
        for i, sentence in enumerate(it.sentences):
            f = fold(sentence)
            at = f.find(term)
            cue = RE_DEFINES.search(f)
            if at >= 0 and cue and abs(cue.start() - at) <= len(term) + 24:
                d = Draft()
                p = composer.sentence_passages.get((doc.doc_id, it.number, i))
                d.add(f"根据{composer.name(it)}：“{quote(sentence, term, 240)}”{d.cite(p) if p else ''}")
                d.add(composer.suffix(doc))
                return d.answer("definition", (it.number,) if it.number > 0 else ())
    return None


def spelled_term(composer, doc: Document, text: str) -> Answer | None:
    """"三零服务指哪三个零" of a document that spells the term out where it first uses it
    (“三零”（零上门、零审批、零投资）, in the opening or in any task): that sentence, quoted."""
    from ..documents import split_sentences
    from .task import RE_MEANING_ASKED, RE_TERM_SPELLED

    if not RE_MEANING_ASKED.search(text):
        return None
    # (The opening paragraph stands in the preamble, or in the cover note of the header.)
    openings = [p for p in (composer.section_passages.get((doc.doc_id, k)) for k in ("header", "preamble")) if p is not None]
    places = [(None, p, x) for p in openings for x in split_sentences(p.text)]
    places += [(it, composer.sentence_passages.get((doc.doc_id, it.number, i)), x) for it in composer.text_units(doc) for i, x in enumerate(it.sentences)]
    for it, p, sentence in places:
        for m in RE_TERM_SPELLED.finditer(sentence):
            # (A term spelled out with 即 may run on over semicolons: the task's own answer
            # quotes the run; a bracket is whole.)
            if len(fold(m.group(1))) >= 2 and fold(m.group(1)) in text and re.search(r"[（(]", m.group(0)):
                d = Draft()
                where = "文件开头" if it is None else composer.name(it)
                d.add(f"根据{where}：“{quote(sentence, m.group(0), 240)}”{d.cite(p) if p else ''}")
                d.add(composer.suffix(doc))
                return d.answer("definition", (it.number,) if it is not None and it.number > 0 else ())
    return None


# What a document leaves outside its scope, asked: 哪些工程不归这个意见管, 哪些情形不适用,
# 不在适用范围内的有哪些.
RE_EXCLUSION_ASKED = re.compile(r"不归[^，。？?]{0,10}管|不适用|不在[^，。？?]{0,10}范围|不受[^，。？?]{0,10}(?:管|约束|调整)|排除在[^，。？?]{0,6}外|不纳入[^，。？?]{0,10}(?:管理|范围)")
# A sentence that leaves things outside the document: …均不适用本实施意见, 不属于本办法调整范围,
# 不纳入本办法管理.
RE_EXCLUDES = re.compile(r"不适用(?:于)?本|不适用(?:于)?(?:该|此)|不属于本[^，。；]{0,10}范围|不纳入本[^，。；]{0,10}(?:管理|范围)|不在本[^，。；]{0,10}范围")


# Which earlier documents this one replaces, asked: 被替代作废的老文件, 哪些文件同时废止,
# 原来的办法还执行吗.
# (替代 alone asks of a substitute, 清洁能源替代: the question must speak of documents.)
DOC_WORDS = r"文件|办法|意见|方案|规定|通知|政策|细则|文号|哪份"
RE_REPEAL_ASKED = re.compile(
    rf"(?:废止|作废|失效|不再执行|停止执行|替代|取代)[^，。？?]{{0,12}}(?:{DOC_WORDS})|(?:{DOC_WORDS})[^，。？?]{{0,12}}(?:废止|作废|失效|不再执行|停止执行|替代|取代)"
    rf"|(?:老|旧|原来的?|以前的?)(?:{DOC_WORDS})[^，。？?]{{0,8}}(?:还|是否|有效|执行|哪)"
)
# A sentence that repeals: 《…》（闵七府〔2014〕18号）同时废止, …不再执行.
RE_REPEALS = re.compile(r"废止|停止执行|不再执行|同时失效")


def _sentences_saying(composer, doc: Document, says: re.Pattern, kind: str) -> Answer | None:
    """Every sentence of the document that ``says`` matches, quoted whole (at most four);
    None when there is none."""
    found = []
    for it in composer.text_units(doc):
        for i, sentence in enumerate(it.sentences):
            if says.search(sentence) and sentence not in [x[2] for x in found]:
                found.append((it, i, sentence))
    if not found:
        return None
    d = Draft()
    for it, i, sentence in found[:4]:
        p = composer.sentence_passages.get((doc.doc_id, it.number, i))
        d.add(f"根据{composer.name(it)}：“{quote(sentence, says.search(sentence).group(0), 320)}”{d.cite(p) if p else ''}")
    d.add(composer.suffix(doc))
    return d.answer(kind, tuple(sorted({it.number for it, _, _ in found if it.number > 0})))


def exclusion(composer, doc: Document, text: str) -> Answer | None:
    """``哪些工程不归这个实施意见管``: the sentences that leave things outside the
    document (家庭居室装修…均不适用本实施意见); ``被替代作废的老文件有哪几个``: the
    sentences that repeal earlier documents. None when the document has none."""
    if RE_EXCLUSION_ASKED.search(text):
        return _sentences_saying(composer, doc, RE_EXCLUDES, "exclusion")
    if RE_REPEAL_ASKED.search(text):
        return _sentences_saying(composer, doc, RE_REPEALS, "repeal")
    return None


# A post in a leading group asked of (组长由谁担任, 谁当副组长, 召集人是谁).
POSTS = r"常务副组长|副组长|组长|总召集人|召集人|办公室主任|副主任|主任|秘书长"
# (组长按规定由什么岗位的人担任: the post's holder asked by rank.)
RE_POST_ASKED = re.compile(rf"({POSTS})[^，。？?]{{0,6}}?(?:由|是)?(?:谁|哪位|什么人|哪个领导|哪个部门|什么(?:岗位|职务|级别|层级)|哪(?:个|一)?(?:岗位|职务|级别|级))|(?:谁|哪位|什么人)(?:来)?(?:担任|当|任)({POSTS})")


def post_holder(composer, doc: Document, text: str) -> Answer | None:
    """``协调小组的组长由谁担任``: the sentence that gives the post (由X任组长, 组长：X,
    组长由X担任), quoted; the group the question names picks among several."""
    m = RE_POST_ASKED.search(text)
    if not m:
        return None
    post = m.group(1) or m.group(2)
    # 任组长 but not 任副组长 when 组长 is asked.
    # A label may be spread out (组 长：许维泽).
    spread = r"\s*".join(map(re.escape, post))
    gives = re.compile(rf"(?<!副)(?<!常务)(?:任|担任|为){spread}|(?<![副务\s])(?<!副\s)(?<!务\s){spread}\s*(?:[：:]|由)")
    group = re.sub(rf"(?:的)?(?:{POSTS}).*$", "", text[: m.start()] if m.group(1) else "")
    weights = composer.weights(group or text, doc)
    best = None
    for it in composer.text_units(doc):
        for i, sentence in enumerate(it.sentences):
            if gives.search(sentence):
                score = sum(weights[w] for w in weights.keys() & set(composer.tokens(sentence)))
                if best is None or score > best[0]:
                    best = (score, it, i, sentence)
    if best is None:
        return None
    _, it, i, sentence = best
    d = Draft()
    p = composer.sentence_passages.get((doc.doc_id, it.number, i))
    d.add(f"根据{composer.name(it)}：“{quote(sentence, gives.search(sentence).group(0), 200)}”{d.cite(p) if p else ''}")
    d.add(composer.suffix(doc))
    return d.answer("post", (it.number,) if it.number > 0 else ())


def asked_column(rows: list[Node], text: str) -> str:
    """The table column a question names (站位 for 站位名称, 水源地 for 水源地名称): the one
    sharing the longest run of characters with it, two at least; "" for none."""
    columns = list(dict.fromkeys(c for n in rows for c, _ in n.cells))
    best, length = "", 1
    for c in columns:
        name = re.sub(r"名称$|[（(].*", "", c)
        common = max((k for k in range(2, len(name) + 1) for i in range(len(name) - k + 1) if name[i : i + k] in text), default=0)
        if common > length:
            best, length = c, common
    return best


def row_name(node: Node, column: str) -> str:
    """A table row listed by the asked column's value, else by its title cell."""
    value = next((v for c, v in node.cells if c == column), "") if column else ""
    return value or node.title


def children_of(composer, doc: Document, text: str) -> Answer | None:
    """``X有几条/哪些``: the parts under the part named X (any level), or every part of a
    kind (专栏, 附件). Counts tasks too when the question asks about tasks and they lie
    deeper than the parts directly under X."""
    if not RE_PARTS_ASKED.search(text) or RE_FIGURE_ASKED.search(text):
        return None
    kind = next((style for word, style in STYLE_WORDS.items() if word in text), "")
    d = Draft()
    if kind:
        nodes = [n for n in doc.nodes if n.style == kind]
        if not nodes and kind in doc.text:
            return None  # 附件 referred to in the text (见附件3) but not held: the text answers
        if not nodes:
            return refusal(f"文件中没有{kind}。", "structure")
        listed = [f"{n.marker}「{n.title}」" if n.title else n.marker for n in nodes]
        cites = [_passage_for(composer, doc, n) for n in nodes]
        d.add(f"文件共有{len(nodes)}个{kind}。分别是：")
        d.add("；".join(f"{name}{d.cite(p) if p else ''}" for name, p in zip(listed, cites)) + "。")
        return d.answer("structure:kind")
    node, score = named_node(doc, text)
    if node is None:
        return None
    kids = [n for n in doc.children(node.key) if n.style not in ("专栏",)]
    if not kids:
        return _enumerated(composer, doc, node)
    listing = _sentence_listing_thing_asked(composer, doc, node, text)
    if listing is not None:
        return listing  # "大模型要具备哪几项能力": the things a sentence lists, not the parts
    tasks = tasks_under(doc, node.key)
    rows = [n for n in kids if n.style == "行"]
    parts = [n for n in kids if n.style != "行"]
    # The count is read off the structure; each listed part cites its own heading.
    d.add(f"{_name(node)}下")
    if parts:
        d.add(f"共有{len(parts)}项。分别是：")
        d.add("；".join(f"{_short(n)}{d.cite(p) if (p := _passage_for(composer, doc, n)) else ''}" for n in parts))
    if rows:
        d.add(f"{'；另有' if parts else '共有'}表格{len(rows)}行。分别是：")
        column = asked_column(rows, text)
        d.add("；".join(f"{row_name(n, column)}{d.cite(p) if (p := _passage_for(composer, doc, n)) else ''}" for n in rows[:30]))
    if RE_TASK_WORDS.search(text) and not RE_GROUP_WORDS.search(text) and len(tasks) != len(parts) and tasks:
        d.add(f"。其中具体任务共{len(tasks)}项。{task_span(composer, doc, tasks, d)}")
    else:
        d.add("。")
    return d.answer("structure:children", [t.number for t in tasks])


# The thing counted after the counter (哪几项能力, 哪几方面的审核, 几类主体): a noun that
# is no word for a part of the document.
RE_THING_COUNTED = re.compile(r"(?:几|哪几|哪些|多少)(?:项|个|条|种|类|方面|大)?的?([\u4e00-\u9fff]{2})")
RE_PART_WORD = re.compile(r"^(?:方面|部分|任务|工作|措施|举措|内容|原则|领域|专栏|附件|板块|步骤|阶段|环节|指标|行动|事项|条目|小点|大类|重点|具体|要求|事情|方向)$")


def _sentence_listing_thing_asked(composer, doc: Document, node: Node, text: str) -> Answer | None:
    """The sentence under the part that lists the very things asked for (具备知识问答、图件
    调取、报告生成等能力 for 哪几项能力), quoted: it answers, not the part's children."""
    m = RE_THING_COUNTED.search(text)
    if m is None or RE_PART_WORD.match(m.group(1)):
        return None
    noun = re.escape(m.group(1))
    lists_it = re.compile(rf"[^、。；，]{{2,}}、[^。；]{{0,40}}等?{noun}|{noun}[^。；]{{0,12}}[：:][^。；]{{2,}}、")
    for item in tasks_under(doc, node.key):
        for i, sentence in enumerate(item.sentences):
            found = lists_it.search(sentence)
            if found:
                d = Draft()
                marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, i))
                d.add(f"根据{composer.name(item)}：“{quote(sentence, found.group(0))}”{marker}")
                d.add(composer.suffix(doc))
                return d.answer("content", (item.number,))
    return None


def _enumerated(composer, doc: Document, node: Node) -> Answer | None:
    """The entries a task enumerates in its text (一是完善…。二是加强…。, 1.… 2.…) when the
    part named is a task with no parts under it: counted and listed, each cited."""
    from .task import RE_ENUMERATED

    item = doc.item(node.task) if node.task else None
    if item is None:
        return None
    listed = [i for i, sentence in enumerate(item.sentences) if RE_ENUMERATED.match(sentence)]
    ordinals = [_ordinal(item.sentences[i]) for i in listed]
    if len(listed) < 2 or ordinals != list(range(1, len(listed) + 1)):
        return None  # not the whole run from its first entry (…包括：一是… read elsewhere)
    d = Draft()
    d.add(f"{_name(node)}下列了{len(listed)}条。分别是：")
    d.add("；".join(f"{quote(item.sentences[i], '', 40)}{d.cite(composer.sentence_passage(doc.doc_id, item.number, i))}" for i in listed[:20]) + "。")
    return d.answer("structure:children", [item.number])


def _ordinal(sentence: str) -> int:
    """The number an enumerated entry opens with (三是 -> 3, 2. -> 2, ② -> 2); 0 if none."""
    from ..schema import parse_cn_number

    m = re.match(r"\s*(?:([一二三四五六七八九十]{1,3})是|[（(]?(\d{1,2})[）).．、]|[（(]([一二三四五六七八九十]{1,3})[）)]|([①②③④⑤⑥⑦⑧⑨⑩]))", sentence)
    if not m:
        return 0
    if m.group(2):
        return int(m.group(2))
    if m.group(4):
        return "①②③④⑤⑥⑦⑧⑨⑩".index(m.group(4)) + 1
    return parse_cn_number(m.group(1) or m.group(3)) or 0


def title_passage(composer, doc: Document, it: Item) -> Passage | None:
    """What backs a task's name in a list: the task's own passage when its text holds the
    title (a run-in heading), else its heading line as it stands."""
    p = composer.item_passages.get((doc.doc_id, it.number))
    if p is not None and fold(it.title) in fold(p.text):
        return p
    node = doc.node(it.key) if it.key else None
    return composer.heading_passage(doc, node) if node is not None and node.line else p


def _has_limit(item: Item) -> bool:
    """A date or a time limit; open kinds (持续推进) name no time and are listed as such."""
    return bool(item.deadlines or item.facts_of("limit"))


def without_deadline(composer, doc: Document, text: str, node: Node | None = None) -> Answer | None:
    """``哪些工作没有明确时限``: the tasks (in the named part, else the document) that state
    no date, open limit or time limit. ``X那部分有没有时间要求`` asked of a part with
    several tasks: those with a time limit (and which) and those without."""
    either = RE_ANY_DEADLINE.search(text) and not RE_NO_DEADLINE.search(text)
    if not RE_NO_DEADLINE.search(text) and not either:
        return None
    if node is None:
        # The part named by its title (a part named by its numbers comes from by_number).
        node, _ = named_node(doc, (RE_ANY_DEADLINE if either else RE_NO_DEADLINE).sub(" ", text))
    if either and node is None:
        return None
    tasks = tasks_under(doc, node.key) if node is not None else list(doc.items)
    if not tasks or (either and len(tasks) < 2):
        return None
    missing = [it for it in tasks if not _has_limit(it)]
    where = f"{_name(node)}下" if node is not None else "文件中"
    d = Draft()
    if not missing:
        d.add(f"{where}的{len(tasks)}项工作都写明了具体完成时间")
        if either:
            d.add("：")
            _list_limits(d, composer, doc, tasks)
        d.add("。")
        return d.answer("structure:no_deadline", [it.number for it in tasks] if either else ())
    d.add(f"{where}共{len(tasks)}项工作，其中{len(missing)}项没有写明具体完成时间。分别是：")
    shown = []
    for it in missing[:30]:
        p = title_passage(composer, doc, it)
        open_kinds = "、".join(dict.fromkeys(f.text for f in it.facts_of("open")))
        shown.append(f"{it.ref}{'（' + open_kinds + '）' if open_kinds else ''}{d.cite(p) if p else ''}")
    d.add("；".join(shown))
    limited = [it for it in tasks if _has_limit(it)]
    if either and limited:
        d.add(f"。写明了完成时间的{len(limited)}项：")
        _list_limits(d, composer, doc, limited)
    d.add("。")
    return d.answer("structure:no_deadline", [it.number for it in (tasks if either else missing)])


def _list_limits(d: Draft, composer, doc: Document, tasks: list[Item]) -> None:
    """``ref：time limit[n]`` for each task, citing the sentence that sets it."""
    facts = [(it, (it.deadlines + it.facts_of("limit"))[0]) for it in tasks[:30]]
    _cite_sentences(d, composer, doc, [(it, f.sentence, f"：{f.text}") for it, f in facts], end="")


# A month named alone (2019年6月, 6月份) and the words that ask for what is dated then.
RE_BARE_MONTH = re.compile(r"(?:(\d{4})年)?(\d{1,2})月份?(?![\d日])")
RE_DATE_ASKED_OF = re.compile(r"时间节点|时限|期限|完成时间|截止")


def due_by(composer, doc: Document, text: str, within: str = "") -> Answer | None:
    """``2020年底前有哪些任务`` / ``到2025年要达到什么目标``: every sentence whose time
    limit is the date the question names (same wording first, then the same day); only
    the tasks under the part keyed ``within`` when one is given (then None unless the
    question names a date)."""
    from ..documents.facts import deadlines

    year = int(doc.meta.signing_date[:4]) if doc.meta.signing_date else None
    dates = [(span, iso) for span, iso, _ in deadlines(text, year)]
    bare_only = not dates
    if re.search(r"多少(?![项条个件大方面])", text) and not re.search(r"哪些|哪几|都有", text):
        return None  # "到2025年底达标面积多少": a figure asked, not the tasks due then
    bare = RE_BARE_MONTH.search(text)
    if not dates and bare and RE_DATE_ASKED_OF.search(text) and 1 <= int(bare.group(2)) <= 12:
        # "时间节点写的是2019年6月的任务": a month as a table's time column writes it.
        import calendar

        y = int(bare.group(1) or year or 0)
        if y:
            dates = [(bare.group(0), f"{y:04d}-{int(bare.group(2)):02d}-{calendar.monthrange(y, int(bare.group(2)))[1]:02d}")]
    if not dates or not (RE_LIST.search(text) or re.search(r"目标|任务|要完成|要做|要干|要实现|要达到", text)):
        return _year_part(composer, doc, text) if not within else None
    wanted_text = {fold(span) for span, _ in dates}
    wanted_day = {iso for _, iso in dates}
    found: list[tuple[Item, int, str]] = []
    # A month named alone, as a time column writes it (2019年6月): the same wording first,
    # and only when none writes it so, the same day in other words (上半年, 6月底前).
    # A coarser date the question's wording holds (2019年 in 2019年6月) is not the same.
    worded = lambda f: any(w in fold(f.text) or (fold(f.text) in w and f.value in wanted_day) for w in wanted_text)  # noqa: E731
    tests = (worded, lambda f: f.value in wanted_day) if bare_only else (lambda f: worded(f) or f.value in wanted_day,)
    # A numbered part whose lead paragraph sets the date for the tasks under it ((五)统一工作
    # 模式。2022年6月底前，…) counts as one of the tasks due then.
    leads = [it for (doc_id, _), it in composer.node_items.items() if doc_id == doc.doc_id and any(n.task for n in doc.children(it.key))]
    under = lambda it: not within or it.key == within or it.key.startswith(within + ".")  # noqa: E731
    for same in tests:
        for it in [it for it in list(doc.items) + leads if under(it)]:
            for f in it.deadlines:
                if same(f) and not any(x[0] is it and x[1] == f.sentence for x in found):
                    found.append((it, f.sentence, f.text))
        if found:
            break
    # Targets are often set in the opening paragraph (到2030年前基本建成…，完成…).
    opening = composer.section_passages.get((doc.doc_id, "preamble"))
    preamble = [
        (sentence, span)
        for sentence, spans in composer.preamble_deadlines(doc)
        for span, iso in spans[:1]
        if not within and (any(w in fold(span) or fold(span) in w for w in wanted_text) or iso in wanted_day)
    ]
    part = doc.node(within) if within else None
    if not found and part is not None:
        return refusal(f"{_name(part)}中没有时限为{dates[0][0]}的工作。", "structure:due_by")
    if not found and not preamble:
        return None
    topic = re.sub(r"[\W\d]|年|底|前|月|到|至|要|达到|实现|完成|什么|哪些|哪几|目标|任务|工作|有|的|是|都|需要|应该|做成|办成|做|干|事情|事项|事", "", text)
    # The document's own place or issuer (黄浦) is no topic.
    for run in re.findall(r"[\u4e00-\u9fff]{2,}", topic):
        if fold(run) in fold(doc.title or ""):
            topic = topic.replace(run, "")
    if len({id(it) for it, _, _ in found}) + len(preamble) == 1 and len(topic) >= 2 and part is None:
        # One task sets that date and the question has a topic of its own (到2023年平台
        #建设要达到什么目标): its sentences about the topic answer, not only the dated one.
        return None
    d = Draft()

    def targets() -> str:
        return "；".join(f"“{quote(sentence, span, 200)}”{d.cite(opening)}" for sentence, span in preamble)

    if not found:
        d.add(f"时限为{dates[0][0]}的是文件开头提出的目标：{targets()}。")
        return d.answer("structure:due_by", [])
    d.add(f"{_name(part) + '中' if part is not None else ''}时限为{dates[0][0]}的有{len({id(it) for it, _, _ in found})}项工作：")
    # A task that opens with its date (2.11月30日前，…。…；…) is all due then: with few
    # tasks found, the whole of it is quoted.
    rows = []
    for it, s, span in found[:12]:
        opens = s == 0 and re.match(rf"^\W*(?:\d{{1,2}}\s*[.．、])?\s*{re.escape(span)}", it.sentences[0])
        # With few tasks found, each sentence is quoted at length: the date opens it, what is
        # due follows.
        shown = quote("".join(it.sentences), span, 400) if opens and len(found) <= 2 else quote(it.sentences[s], span, 160 if len(found) <= 4 else 60)
        rows.append((it, s, f"：“{shown}”"))
    _cite_sentences(d, composer, doc, rows)
    if preamble:
        d.add(f"另外，文件开头提出的目标：{targets()}。")
    return d.answer("structure:due_by", [it.number for it, _, _ in found])


def _year_part(composer, doc: Document, text: str) -> Answer | None:
    """"2016年当年要求办成哪些事" of a document with a part for each year's targets
    (（一）2016年目标：…): that part, quoted whole."""
    from .task import RE_YEAR_SECTION, whole_item

    year = re.search(r"(\d{4})年", text)
    if not year or not (RE_LIST.search(text) or re.search(r"要求|要办|要做|要干|要完成|要达到|目标|任务", text)):
        return None
    parts = [n for n in doc.nodes if (m := RE_YEAR_SECTION.match(n.title or "")) and m.group(1) == year.group(0)]
    if len(parts) != 1 or not parts[0].task:
        return None
    item = doc.item(parts[0].task)
    return whole_item(composer, doc, item) if item is not None else None


def _cite_sentences(d: Draft, composer, doc: Document, rows, end: str = "。") -> None:
    """``ref + note + [n]`` for each (item, sentence, note), the marker citing that sentence."""
    parts = []
    for it, s, note in rows:
        p = composer.sentence_passages.get((doc.doc_id, it.number, s))
        parts.append(f"{it.ref}{note}{d.cite(p) if p else ''}")
    d.add("；".join(parts) + end)


def task_span(composer, doc: Document, tasks: list[Item], d: Draft) -> str:
    """``第一项是…[a]，最后一项是…[b]。``: a count the reader can check against the first
    and the last task's heading lines as they stand (a sentence of its own, so the count
    itself is not taken as quoted from them)."""
    if len(tasks) < 2:
        return ""
    ends = []
    for it in (tasks[0], tasks[-1]):
        node = doc.node(it.key) if it.key else None
        if node is None or not node.line:
            return ""
        ends.append(f"{it.ref}{d.cite(composer.heading_passage(doc, node))}")
    return f"第一项是{ends[0]}，最后一项是{ends[1]}。"


# ---------------------------------------------------------------- parts named by number

CNUM = "一二三四五六七八九十百零〇两"
# One step of a path a question writes: 三、/三 (top level), （二）, 2./2, （1）, 第十条, 第三部分, 附件1.
RE_STEP = re.compile(
    rf"附[件表]\s*(?P<att>\d+|[{CNUM}]+(?![览并起同些般]))?|(?<!附)表\s*(?P<table>\d+)"
    rf"|第\s*(?P<word>[{CNUM}\d]+)\s*(?:的那|个)?\s*(?P<kind>章|节|部分|大部分|条|项|点|款|大项|大块|板块|块|种)"
    rf"|(?P<di>第\s*)?[（(]\s*(?P<pcn>[{CNUM}]+)\s*[）)]|(?P<dn>第\s*)?[（(]\s*(?P<pnum>\d+)\s*[）)]"
    # 三、 as a heading number: not glued to a word before it (多证合一、一照一码 is no step).
    rf"|(?<![\d{CNUM}第])(?P<cn>[{CNUM}]+)(?=[（(第])|(?<![\d{CNUM}第\u4e00-\u9fff])(?P<cn2>[{CNUM}]+)、"
    rf"|(?<![\d（(第.．])(?P<num>\d{{1,3}})[.．、](?!\d)|(?<=[）)、])(?P<num2>\d{{1,3}})(?![\d年月日%％万个项条次号元人分])"
)


def _steps(text: str) -> list[tuple[str, int, tuple[int, int]]]:
    """(style hint, number, span) of each numbered step in a question, in order. A
    bracketed number of four digits is a year (预算(2024)), not a step."""
    from ..schema import parse_cn_number

    out = []
    for m in RE_STEP.finditer(text):
        span = m.span()
        if m.group(0).startswith(("附件", "附表")):
            out.append(("附件", parse_cn_number(m.group("att")) if m.group("att") else 0, span))
        elif m.group("table"):
            out.append(("表", int(m.group("table")), span))
        elif m.group("word"):
            n = parse_cn_number(m.group("word"))
            kind = m.group("kind")
            hint = {"章": "第一章", "节": "第一节", "部分": "第一部分", "大部分": "第一部分", "大项": "top", "大块": "top", "板块": "top", "块": "top"}.get(kind, "第N" + kind)
            if n:
                out.append((hint, n, span))
        elif m.group("pcn"):
            out.append(("（一）", parse_cn_number(m.group("pcn")) or 0, span))
        elif m.group("pnum"):
            n = int(m.group("pnum"))
            if n < 1000 or m.group("dn"):
                out.append(("（1）", n, span))
        elif m.group("cn") or m.group("cn2"):
            n = parse_cn_number(m.group("cn") or m.group("cn2"))
            if n:
                out.append(("一、", n, span))
        elif m.group("num") or m.group("num2"):
            out.append(("1.", int(m.group("num") or m.group("num2")), span))
    # 第3种 names a part only under a part named before it (（五）里的第3种模式).
    return [(h, n, sp) for i, (h, n, sp) in enumerate(out) if n is not None and (h != "第N种" or i > 0)]


def _match(nodes: list[Node], hint: str, number: int, ordinal_ok: bool) -> Node | None:
    styles = {"第一章", "第一节", "第一部分", "一、", "（一）", "1.", "（1）", "第一条", "附件", "表"}
    if hint in styles:
        found = [n for n in nodes if n.style == hint and n.number == number]
        if found:
            return found[0]
        if hint == "一、":  # 第三部分 / 三、 name the top level whatever its style
            found = [n for n in nodes if n.number == number and n.style in ("第一章", "第一部分", "一、")]
            return found[0] if found else None
        if hint == "第一部分":
            found = [n for n in nodes if n.number == number and n.style in ("一、", "第一章", "第一部分")]
            return found[0] if found else None
        return None
    if hint == "top":
        found = [n for n in nodes if n.number == number and n.style in ("一、", "第一章", "第一部分")]
        return found[0] if found else None
    # 第N条/项/点 with no style of its own: the part numbered N at this level, else the Nth.
    numbered = [n for n in nodes if n.number == number and n.style not in ("专栏", "行")]
    if numbered:
        return numbered[0]
    rows = [n for n in nodes if n.style == "行" and n.number == number]
    if rows and ordinal_ok and not [n for n in nodes if n.style not in ("专栏", "行")]:
        return rows[0]  # 任务分工表第18项: the table's row numbered 18
    parts = [n for n in nodes if n.style not in ("专栏", "行")]
    return parts[number - 1] if ordinal_ok and 0 < number <= len(parts) else None


def referenced_node(doc: Document, text: str) -> tuple[Node | None, str]:
    """The part a question names by its numbers (``三（二）``, ``二、（一）2``, ``第十条``,
    ``附件1``, ``工作要求第二条``), and the reference as written. (None, ref) when the
    question names numbers that the document does not have; (None, "") when it names none.
    A term in quotes (“一、三、四”应急救援框架) is a name, not numbers."""
    from ..retrieval.query import without_quoted_names

    named_text = text  # a quoted title names a part: 第三部分“提高处理能力”里的第3点
    text = without_quoted_names(text)
    steps = _steps(text)
    if not steps:
        return None, ""
    shown = text[steps[0][2][0] : steps[-1][2][1]]
    by_parent: dict[str, list[Node]] = {}
    for n in doc.nodes:
        by_parent.setdefault(n.parent, []).append(n)
    # A part named by its title first ("工作要求第二条", "保障措施第三条").
    anchor, _ = named_node(doc, RE_STEP.sub(" ", named_text)) if steps[0][0] != "附件" else (None, 0.0)
    if anchor is not None and by_parent.get(anchor.key):
        node = _walk(doc, by_parent[anchor.key], steps, anchored=True)
        if node is None and len(steps) > 1:
            # 第三部分“提高处理能力”里的第3点: the first number names the titled part itself
            # (or its chapter); the rest is walked under it.
            node = _walk(doc, by_parent[anchor.key], steps[1:], anchored=True)
        if node is not None:
            return node, shown
    if steps[0][0] in ("第N条", "第N项", "第N点", "第N款"):
        # 第七条 / 第21项 alone: the task (or article) with that number, then the rest of the path.
        first = _anywhere(doc, *steps[0][:2])
        rows = [n for n in doc.nodes if n.style == "行" and n.number == steps[0][1] and n.task]
        if len(steps) == 1 and len(rows) == 1 and RE_TABLE_WORD.search(text):
            # 任务清单第17项, 分工表第5条: the numbered row of the document's table.
            return rows[0], shown
        if first is None:
            return None, shown
        node = _walk(doc, doc.children(first.key), steps[1:], anchored=True) if len(steps) > 1 else first
        return node, shown
    # From the top of the body, then of each attachment (附件的二（四）).
    starts = [by_parent.get("", [])] + [by_parent.get(n.key, []) for n in doc.nodes if n.style in ("附件", "文件")]
    found = [node for level in starts if (node := _walk(doc, level, steps, anchored=False)) is not None]
    if found:
        # 第四部分基础设施那块: the body and an attachment may both have a 四、; the one whose
        # title the question also names is meant.
        rest = fold(text[steps[-1][2][1] :])
        named = [n for n in found if _title_overlap(n.title, rest) >= 2]
        if not named and steps[0][0] in ("（一）", "1.", "（1）") and len(steps) > 1:
            # 第（五）部分第3条差别化支付 when only an attachment's table has a top-level (五):
            # a (五) deeper in the body whose path the question names by title is meant.
            deeper = [w for n in doc.nodes if n.style == steps[0][0] and n.number == steps[0][1] and n not in starts[0]
                      if (w := _walk(doc, doc.children(n.key), steps[1:], anchored=True)) is not None and w not in found]
            named = [n for n in deeper if _title_overlap(n.title, rest) >= 2]
        return (named or found)[0], shown
    if len(steps) > 1:
        # 附件2第（十三）条, 第七部分（十九）: the last number written without the levels between
        # it and the part named before it: the one part with that number under that part.
        for level in starts:
            head = _walk(doc, level, steps[:-1], anchored=False)
            if head is None:
                continue
            hint, number, _ = steps[-1]
            under = [n for n in doc.nodes if n.key.startswith(head.key + ".") and n.number == number and n.style not in ("专栏", "行")]
            under = [n for n in under if n.style == hint] or (under if hint.startswith("第N") else [])
            if len(under) == 1:
                return under[0], shown
    if len(steps) == 1:
        node = _anywhere(doc, *steps[0][:2])
        if node is not None:
            return node, shown
    elif steps[0][0] in ("（一）", "1.", "（1）"):
        # （十八）下面的第3点 with its part left out: every （十八） of the document, the rest of
        # the path walked from it; of several (两个部分各有（三）), the one under a part whose
        # title the question names (台创园 for 台湾创业园).
        first = [n for n in doc.nodes if n.style == steps[0][0] and n.number == steps[0][1]]
        walked = [node for n in first if (node := _walk(doc, doc.children(n.key), steps[1:], anchored=True)) is not None]
        if len(walked) > 1:
            words = fold(RE_STEP.sub(" ", text))
            walked.sort(key=lambda n: -max((_bigram_share(a.title, words) for a in doc.ancestors(n.key)), default=0.0))
        if walked:
            return walked[0], shown
    return None, shown


def _bigram_share(title: str, text: str) -> float:
    """The share of a title's character pairs that ``text`` holds, or of the pairs of its
    characters in order (台创园 for 台湾创业园)."""
    t = re.sub(r"[^\u4e00-\u9fff]", "", fold(title))
    pairs = {t[i : i + 2] for i in range(len(t) - 1)}
    if not pairs:
        return 0.0
    held = sum(1 for p in pairs if p in text)
    short = max((len(m) for m in re.findall(r"[\u4e00-\u9fff]{3,}", text) if in_order(m, t)), default=0)
    return max(held / len(pairs), short / len(t))


def in_order(short: str, name: str) -> bool:
    """Whether the characters of ``short`` occur in ``name`` in order (建管委 in 建设管理委)."""
    it = iter(name)
    return all(ch in it for ch in short)


def _title_overlap(title: str, text: str) -> int:
    """Length of the longest run of a title's characters the text holds."""
    t = fold(title)
    return max((k for k in range(2, len(t) + 1) for i in range(len(t) - k + 1) if t[i : i + k] in text), default=0)


def _walk(doc: Document, level: list[Node], steps, anchored: bool) -> Node | None:
    node = None
    for i, (hint, number, _) in enumerate(steps):
        found = _match(level, hint, number, ordinal_ok=anchored or i > 0)
        if found is None:
            return None
        node = found
        level = doc.children(node.key)
    return node


# A question that names a table: 任务清单, 分工表, 一览表, 附表, 表格.
RE_TABLE_WORD = re.compile(r"清单|[分一览任务汇总解细]表|表格|附表|表里|表中|表上")


def _anywhere(doc: Document, hint: str, number: int) -> Node | None:
    """（二十）, 第十条, 第21条 written alone: the part with that number anywhere in the
    document when one style has it once; 第N项/第N条 in a document without articles is
    the Nth task."""
    style = {"第N条": "第一条" if any(n.style == "第一条" for n in doc.nodes) else None, "第N项": None, "第N点": None, "第N款": None}.get(hint, hint)
    pool = [n for n in doc.nodes if n.number == number and n.style not in ("专栏", "行", "附件", "文件") and (style is None or n.style == style)]
    if style is None:
        pool = [n for n in pool if n.task] or pool
    if len(pool) == 1:
        return pool[0]
    # （十九） in both the body and an attachment: written alone, it is the body's.
    attachments = [n.key for n in doc.nodes if n.style in ("附件", "文件")]
    body = [n for n in pool if not any(n.key.startswith(a + ".") for a in attachments)]
    if len(body) == 1 and len(pool) > 1:
        return body[0]
    rows = [n for n in doc.nodes if n.style == "行" and n.number == number and n.task]
    if not pool and len(rows) == 1:
        # No part but one table row carries the number (序号17): that row.
        return rows[0]
    if style is None and hint in ("第N项", "第N条") and 0 < number <= len(doc.items):
        return doc.node(doc.items[number - 1].key)
    return None


def part_count(composer, doc: Document, node: Node, text: str) -> Answer:
    """How many tasks a part (an attachment, a chapter) holds, in the counter the question
    uses, checked against its first and last task; its own parts named when it has some."""
    tasks = tasks_under(doc, node.key)
    kids = [n for n in doc.children(node.key) if n.style not in ("行", "专栏")]
    # The counter the question uses: 几个行业大类 counts the parts, 多少条 the tasks.
    parts = re.search(r"(?:多少|几)个?(?:[\u4e00-\u9fff]{0,4}?)(大类|类|部分|方面|板块|阶段|步骤|环节)", text)
    counter = re.search(r"(?:多少|几)(条|项|个)(?![\u4e00-\u9fff]{0,4}?(?:大类|类|部分|方面|板块|阶段|步骤|环节))", text)
    word = counter.group(1) if counter else "项"
    d = Draft()
    d.add(f"{_name(node)}{d.cite(composer.heading_passage(doc, node)) if node.line else ''}")
    p = composer.node_passages.get((doc.doc_id, node.key))
    if p is not None and node.style not in ("附件", "文件"):
        # The part's own words (具体分为如下三个阶段：) before the count.
        d.add(f"：“{quote(p.text, '', 120)}”{d.cite(p)}。")
    if kids and len(kids) != len(tasks):
        listed = "；".join(f"{_short(n)}{d.cite(q) if (q := _passage_for(composer, doc, n)) else ''}" for n in kids)
        d.add(f"分为{len(kids)}个{parts.group(1) if parts else '部分'}，共{len(tasks)}{word}。分别是：{listed}。")
    elif len(tasks) <= 12:
        listed = "；".join(f"{it.ref}{d.cite(q) if (q := title_passage(composer, doc, it)) else ''}" for it in tasks)
        d.add(f"共{len(tasks)}{word}。分别是：{listed}。")
    else:
        d.add(f"共{len(tasks)}{word}。")
    if len(tasks) > 12 or (kids and len(kids) != len(tasks)):
        d.add(task_span(composer, doc, tasks, d))
    d.add(composer.suffix(doc))
    return d.answer("structure:count", [it.number for it in tasks])


def node_answer(composer, doc: Document, node: Node, text: str = "") -> Answer:
    """A part that is not a single task: its own text and the parts under it; a table's
    rows by the column the question names (``text``), when it names one."""
    d = Draft()
    p = composer.node_passages.get((doc.doc_id, node.key))
    kids = [n for n in doc.children(node.key) if n.style != "行"]
    line = (node.line or "").strip()
    rest = line[len(node.marker) :].strip() if line.startswith(node.marker) else ""
    # A clause whose name is its line cut short (第二十二条（四）申请家庭未享受…) is told by
    # its whole line, which its heading passage cites.
    whole = p is None and not kids and len(rest) > len(node.title) + 2
    # The heading line as it stands is the citation for the part's name.
    name = _name(node)[: -len(node.title)] if whole and node.title and _name(node).endswith(node.title) else _name(node)
    d.add(f"{name}{d.cite(composer.heading_passage(doc, node)) if node.line else ''}")
    if whole:
        d.add(f"：“{quote(rest, '', 300)}”")
    if p is not None:
        d.add(f"：“{quote(p.text, '', 200)}”{d.cite(p)}")
    if kids:
        d.add(f"{'。' if p is not None else ''}下设{len(kids)}项。分别是：")
        d.add("；".join(f"{_short(n)}{d.cite(q) if (q := _passage_for(composer, doc, n)) else ''}" for n in kids))
    rows = [n for n in doc.children(node.key) if n.style == "行"]
    if rows:
        d.add(f"{'；' if kids else '。'}表格共{len(rows)}行")
        column = asked_column(rows, text) if text else ""
        if column:
            d.add(f"，{column}分别是：")
            d.add("；".join(f"{row_name(n, column)}{d.cite(q) if (q := _passage_for(composer, doc, n)) else ''}" for n in rows[:30]))
    d.add("。")
    return d.answer("structure:node", [t.number for t in tasks_under(doc, node.key)])

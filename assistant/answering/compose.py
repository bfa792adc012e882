"""The Composer: the one entry point from an analysed question and its hits to an answer.

It checks the question's scope (chit-chat, persons, places and years the document does
not hold), tries the strategies of the other modules in turn (a part named by number, a
unit's tasks, lists, header fields, a task's deadline, unit, figure or requirement), and
lets the evidence scorer veto an answer whose citations do not hold what was asked.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import replace

from ..index import fold
from ..retrieval import Hit, Query
from ..schema import Answer, Document, Item, Passage
from . import header, lists, reports, task, unit_tasks
from .draft import Draft, quote, refusal
from .lists import ASKING, asked_terms

log = logging.getLogger(__name__)

# "列了多少种…", "分几类", "有几项": a count of what is enumerated under a part.
RE_HOW_MANY_UNDER = re.compile(r"(?:几|多少)(?:种|类|项|条|个|款)")

# The whole plan's period asked (计划…冲到哪一年, 规划的时间跨度到哪年).
RE_PLAN_SPAN_ASKED = re.compile(r"(?:规划|计划|方案)[^。？?]{0,16}?(?:到哪一?年|哪一?年为止)")
# A part named for the kinds of something (园区类型, 支持方式).
RE_KIND_PART = re.compile(r"类型|种类|类别|分类|方式|模式|形式|情形")
# A preamble sentence with a date answers "when" over the task found when it holds at
# least this share of the question's weight, and this much more than the task (tuned on dev).
PREAMBLE_TARGET_SHARE = 0.5
PREAMBLE_TARGET_MARGIN = 0.1

# A question that points at the document's opening (文件开头说, 开篇提到).
RE_OPENING_ASKED = re.compile(r"(?:文件|方案|意见|通知|办法|要点|正文)?(?:开头|开篇|开宗明义|导语|前言)(?:部分|那段|一段|就)?(?:说|讲|提|写|里|中|部分)")

# Choosing the task a question is about among the first retrieved ones (tuned on dev).
EVIDENCE_CANDIDATES = 5
EVIDENCE_RANK_COST = 0.1
# The share of a word's weight that a heading above a task gives it.
EVIDENCE_HEADINGS = 0.5
# Tasks among the first few of the lexical ranking alone that join the candidates.
EVIDENCE_LEXICAL = 3
EVIDENCE_KIND_BONUS = 0.1
EVIDENCE_MISSING_KIND_COST = 0.3
# A task elsewhere in the document that states the asked kind replaces one that does not
# when its evidence reaches this share and beats the first by this margin.
KIND_ELSEWHERE_SHARE = 0.6
KIND_ELSEWHERE_MARGIN = 0.15
# A task whose best sentence holds this much of a question besides a word the document never
# writes, with a fact of the asked kind (a bonus of EVIDENCE_KIND_BONUS), answers it.
ABSENT_HELD_EVIDENCE = 0.8
# Weights of a question's tokens as evidence (tuned on dev): a character bigram or its
# pinyin that is not a word of its own counts less than a word (者的, 能开 match by chance);
# a word spread over most parts of the document tells none of them apart (数据 in a
# data-management measure), so it counts by the share of parts that lack it.
EVIDENCE_BIGRAM = 0.5
EVIDENCE_PINYIN = 0.5
EVIDENCE_SPREAD = 0.5
# Money words a question asks the amount of (一共安排了多少钱预算).
RE_MONEY_WORD = re.compile(r"预算|经费|资金|补贴|补助|津贴|奖补|奖励|补偿|罚款|工资|薪酬|报酬|手续费|服务费|费用|收费|投资|租金")
# How many other nouns of an asking clause the document must lack to say it does not cover it.
ABSENT_NOUNS = 2

# What came of a plan (实施以后效果怎么样, 实际到了多少, 一共查出多少): no plan states it.
RE_OUTCOME_ASKED = re.compile(r"效果(?:怎么样|如何|好不好|咋样)|(?:执行|落实|完成|推进|做|干|实施)得(?:怎么样|如何|咋样|好不好)|进展(?:如何|怎么样|咋样)|(?:去年|上一年|前年|今年以来)[^，。？?]{0,12}(?:办了|完成了|处理了|实现了|查处了|受理了)[^，。？?]{0,4}(?:多少|几)|实际(?:已经|上)?(?:接待|涨|增长|增加|做到|达到了|完成了|有多少)|目标完成了(?:吗|没)|落实得(?:怎么样|如何)|(?:出台|实施|印发)(?:后|以来|以后)[^，。？?]{0,16}(?:实际|已经)|(?:实施|执行|干|搞|整治)(?:以后|后|完|下来)[^，。？?]{0,12}(?:多少|怎么样|如何|效果)|实际(?:到了|达到了|完成了)|最后(?:实际)?(?:到了|达到了)|比去年(?:涨|增|多|少|降)了?多少|一共查出|查出了?多少")
# A question about what an attachment says inside (那一项的责任单位是谁, 第3行多少), not what it is.
RE_INSIDE_ASKED = re.compile(r"谁|哪个部门|哪个单位|哪些单位|多少|几|什么时候|何时|哪一?年|期限|时限|里面|里的|中的")
# An attachment's table named as where to look (附件一览表里…, 附件的分工表中…), not as what is asked.
RE_IN_ATTACHMENT_TABLE = re.compile(r"附[件表][^，。？?]{0,12}?(?:里|中|内|上)(?=[^，。？?]{2})")
# A total asked of a part (附件里的清单一共排了多少项): the part counted, not its rows filtered.
RE_TOTAL_ASKED = re.compile(r"一共|总共|共有|共计|总计")
# How much lower a body task may score than a table row repeating it and still be quoted.
BODY_OVER_ROW_MARGIN = 0.15
# An attachment referred to by number in the text (见附件3, 详见附件5).
RE_ATTACHMENT_NUMBER = re.compile(r"附件\s*\d+")
# A contact a document states: 联系人：…, 联系电话：…, a phone number, an e-mail or a web address.
RE_CONTACT_STATED = re.compile(r"联系人|联系电话|电话\s*[：:]?\s*\d{5}|邮箱|网址|https?://")
# A person's name asked (叫什么名字, 姓什么), names a document gives (组长：张三, 主 任：李四),
# and a post of a body asked (区督查室的主任是谁, 那个站的站长叫什么).
RE_NAME_ASKED = re.compile(r"叫什么名字|叫啥名字|的名字|姓名|姓什么|叫什么|叫啥")
RE_NAMES_GIVEN = re.compile(r"(?:组\s*长|副组长|成\s*员|联系人|负责人|主\s*任|副主任)\s*[：:]\s*[\u4e00-\u9fff]{2}")
RE_POST_ASKED = re.compile(r"([\u4e00-\u9fff]{2,8}?)?(?:的)?(主任|站长|局长|处长|科长|所长|队长|组长|负责人)(?:是谁|叫什么|叫啥|是哪位|姓什么)")
# The kind of line asked (投诉电话, 咨询热线): a contact for another purpose does not answer it.
RE_CONTACT_KIND = re.compile(r"(投诉|监督|举报|咨询|报名|服务)(?:的)?(?:电话|热线|邮箱)")
# How a result is judged (做得好不好，靠什么机制来评价): a question about a rule, not an outcome.
RE_JUDGED_HOW = re.compile(r"(?:靠|用|通过|按)(?:什么|啥|哪些)|(?:怎么|如何|由谁|谁来?)(?:评价|评估|考核|衡量|判断|评)")
# A comparison with something else (跟深圳比, 和省里那个方案相比).
RE_COMPARED = re.compile(r"(?:跟|和|与|同)(?!它|这|那|此|其|上述|前面|刚才)([^，。？?、]{2,12}?)(?:比|相比|比较|比起来)(?:[，,？?]|起来|的话|哪|谁|有|的|怎么|如何|区别|差别|差距|$)")
# The words before the thing a question counts or asks to hand in: 配几个(厨师), 要不要交(复印件).
RE_ASKED_OBJECT = re.compile(r"(?:几|多少)(?:个|名|位|家|人)|哪(?:家|所)|(?:有没有|是否有|有无)|(?:要不要|需不需要|用不用|是否需要|是否要|需要不需要)(?:交|提交|提供|配|配备|准备|带|出具)?|(?:走|办|交|填|用)?(?:什么|啥)(?=流程|程序|手续|材料|系统|平台|软件|app|表格|表)")


def _halves_written(word: str, haystack: str, apart: bool = False) -> bool:
    """A compound of four characters or more whose two halves the documents both write
    (场地面积: 场地…面积), or a word of two written apart (收费: 收取任何费用): a paraphrase,
    not an absent thing."""
    if len(word) == 2 and apart:
        # 收费 as 收取任何费用: a two-character word written with a few characters between
        # (asked of the topic noun only: common characters meet by chance).
        return re.search(re.escape(word[0]) + r"[\u4e00-\u9fff]{1,4}?" + re.escape(word[1]), haystack) is not None
    if len(word) < 4:
        return False
    mid = len(word) // 2
    return word[:mid] in haystack and word[mid:] in haystack


# Units of time and measure a count asks in (几个工作日): never the topic.
MEASURE_NOUNS = set("工作日 自然日 小时 分钟 季度 年度 月份 星期 周末 百分点 人次 批次 家次 户数 人数 个数 次数 名额".split())
# A question about the whole work, not one task: 整体上要干到什么时候, 整个行动持续到哪天.
RE_WHOLE_ASKED = re.compile(r"整体上|总体上|整个(?:工作|行动|活动|治理|整治|方案|计划)?|全部工作|总的(?:时间|期限)|这次[^，。？?]{0,12}(?:一共|总共|整体)")


def _ignored_tokens() -> frozenset[str]:
    """Tokens no evidence: two-character stopwords kept as bigrams and their sounds
    (时候 -> py:shihou), and adverbs of extent a question adds (要全部建立)."""
    from ..index import pinyin
    from ..index.lexical import STOPWORDS

    words = {w for w in STOPWORDS if len(w) == 2} | {"全部", "所有", "全都"}
    return frozenset(words | {f"py:{pinyin(w)}" for w in words})


EVIDENCE_IGNORED = _ignored_tokens()


# Words of a question that name what is asked, not a topic: never a reason to refuse.
NON_TOPIC = set(
    "多少 什么 哪些 哪个 哪里 怎么 怎样 如何 是否 有没有 是不是 具体 一般 目前 今年 明年 去年 现在 我们 你们 他们 单位 "
    "文件 通知 要点 工作 要求 规定 内容 情况 问题 方面 时候 时间 标准 安排 分别 主要 相关 有关 是谁 多久 能否 可以 需要 应该 "
    "必须 到底 最晚 截止 最低 最少 至少 每年 全年 请问 麻烦 告诉 一下 这项 那项 这个 那个 这条 那条 哪位 哪天 哪年 几次 几期 "
    "面向 针对 涉及 包括 包含 适用 期限 时限 日期 哪几 总共 一共 共有 啥时候 入库 交差 落实 搞定 弄好 县区 各县区 县里 县市区 区县 市里 省里 "
    # Question words of time and of what to do (时间节点是哪天, 该干嘛).
    "节点 时间节点 干嘛 干啥 咋办 咋样 门槛 年份 月份 时间点 时间表 "
    # Words naming the kind of answer wanted (看哪几个指标, 有哪些措施, 哪个环节), not its topic.
    "指标 目标 措施 举措 环节 职责 工作量 数量 "
    # A procedure may be described without the word (说明理由报市交通委): 走什么程序.
    "程序 流程 手续 "
    # Words naming the document's own parts (分成哪几个大的部分).
    "部分 大部分 板块 "
    # Chat words for 工作 (要干哪些活儿, 有啥事儿).
    "活儿 事儿 "
    # Chat words for a maximum (奖补封顶多少), which the search reads as 最高.
    "封顶 顶格 "
    # The dimension of a figure asked (管道总长多少公里): the document gives the figure
    # (635.56公里) without the word.
    "总长 长度 总量 总数 总额 规模 比例 比重".split()
)
# A chat phrase for "this task" (这活谁牵头, 这摊事由哪个机构牵头, 那件事) or "that time"
# (停的这段时间, 那阵子): it names no topic.
RE_THIS_TASK = re.compile(r"(?:这|那)(?:摊|件|个|项)?(?:事儿?|活儿?)|(?:这|那)(?:段|阵)(?:时间|日子|子|期间)?")


def names_no_topic(word: str) -> bool:
    """Whether a noun of a question says what is asked rather than what about."""
    return word in NON_TOPIC


# The first and the last entries of a list asked together.
RE_FIRST_AND_LAST = re.compile(r"(?:第一|头一)(?:条|项|个|件)?(?:和|跟|与|、)(?:最后一|末一)(?:条|项|个|件)?")
# A place's own document named by a clause that opens the question: 苏州市支持OPC的政策里,
# 上海市出台的获得电力配套细则里 (the clause before the kind of document and 里/中).
RE_OWNED_DOCUMENT = re.compile(r"^([^，。？?；,]{2,24}?)(?:政策|文件|细则|办法|方案|意见|规定|措施|通知|要点|计划)(?:里面|里|中|上|当中)")
# How many tasks a part holds (总共有多少条, 一共几项, 分了几个大类).
RE_COUNT_UNDER_PART = re.compile(r"(?:多少|(?<!哪)几)(?:条|项|个|大类|类|部分|方面)|(?:一共|总共|共有|共分)")
# A list asked by a date with its month (2019年6月的任务, 8月底前要完成哪些).
RE_DATED_LIST = re.compile(r"\d{1,2}月(?:份|底|末|中旬|上旬|下旬|\d{1,2}日)?(?:前|之前|以前)?的?(?:任务|工作|事项?|有哪些|都有|要完成|要做)")


class Composer:
    """Turns an analysed question and retrieval hits into an :class:`Answer`."""

    def __init__(self, docs: list[Document], passages: list[Passage], searcher):
        self.docs = {d.doc_id: d for d in docs}
        self.default = docs[0]
        self.searcher = searcher
        # This corpus's tokenizer (its own dictionary), shared with BM25.
        self.tokens = searcher.bm25.tokenizer.tokens
        self.sentence_passages = {(p.doc_id, p.item, p.sentence): p for p in passages if p.kind == "sentence"}
        self.item_passages = {(p.doc_id, p.item): p for p in passages if p.kind == "item"}
        self.section_passages = {(p.doc_id, p.kind): p for p in passages if p.kind not in ("item", "sentence", "paragraph", "node")}
        keys = {d.doc_id: d.nodes for d in docs}
        self.node_passages = {
            (p.doc_id, keys[p.doc_id][p.sentence].key): p for p in passages if p.kind == "node" and p.sentence < len(keys.get(p.doc_id, ()))
        }
        folded = {d.doc_id: fold(d.text) for d in docs}
        self.doc_folded = folded
        self.corpus_folded = "\n".join(folded.values())
        self.scoped = False
        from ..index import pinyin

        # Per character: pinyin of one long string is slow (27 s for a million characters).
        chars = {doc_id: re.sub(r"[^\u4e00-\u9fff]", "", text) for doc_id, text in folded.items()}
        table = {ch: pinyin(ch) for ch in set().union(*map(set, chars.values()))}
        self.doc_sound = {doc_id: "".join(map(table.__getitem__, c)) for doc_id, c in chars.items()}
        self.corpus_pinyin = "".join(self.doc_sound.values())
        self.node_items = self._node_items(docs, passages)
        self._doc_df: dict[str, tuple[dict[str, int], int]] = {}  # filled per document on first use
        self.known_units = sorted(
            {f.value for d in docs for it in d.items for f in it.facts_of("actor")}, key=len, reverse=True
        )

    def for_doc(self, doc: Document, scoped: bool = False) -> "Composer":
        """The same composer with ``doc`` as the document questions are about by default
        (a shallow copy: the indexes are shared, so this is cheap and thread-safe).
        ``scoped``: the question is limited to ``doc``, so what it lacks is judged by
        ``doc`` alone, not by the whole library."""
        if doc is self.default and scoped == self.scoped:
            return self
        view = copy.copy(self)
        view.default, view.scoped = doc, scoped
        return view

    def _node_items(self, docs: list[Document], passages: list[Passage]) -> dict[tuple[str, int], Item]:
        """Numbered parts with text of their own that are not tasks (a 专栏 box, the
        opening paragraph of a part, a definition) as task-like items, so the fact and
        content answers can quote them when they are what the question is about. They are
        numbered below zero (-1 - the node's index), with sentence passages of their own."""
        from ..documents import split_sentences
        from ..index import passage_id

        by_doc = {d.doc_id: d for d in docs}
        out: dict[tuple[str, int], Item] = {}
        for p in passages:
            doc = by_doc.get(p.doc_id)
            if p.kind != "node" or doc is None or p.sentence >= len(doc.nodes):
                continue
            node = doc.nodes[p.sentence]
            sentences = tuple(node.sentences) or split_sentences(node.text)
            if not sentences:
                continue
            chapter = next((c.number for c in doc.chapters if c.key and c.key == node.key.split(".")[0]), 0)
            number = -1 - p.sentence
            facts = tuple(f for f in node.facts if f.sentence < len(sentences))
            out[(doc.doc_id, p.sentence)] = Item(
                number, node.title or node.marker, chapter, node.text, sentences, facts,
                style=node.style, marker=node.marker, path=node.path or node.marker, key=node.key, unique_marker=False,
            )
            for i, sentence in enumerate(sentences):
                self.sentence_passages[(doc.doc_id, number, i)] = Passage(
                    passage_id(doc.doc_id, "node-sentence", node.key, i, sentence), doc.doc_id, p.ref, p.chapter, sentence,
                    kind="sentence", item=number, sentence=i, doc_title=doc.title,
                )
        return out

    def doc_df(self, doc: Document) -> tuple[dict[str, int], int]:
        """In how many of the document's parts (tasks and other numbered parts) each token
        occurs, and how many parts there are."""
        found = self._doc_df.get(doc.doc_id)
        if found is None:
            parts = [it.text for it in doc.items] + [it.text for (d, _), it in self.node_items.items() if d == doc.doc_id]
            df: dict[str, int] = {}
            for text in parts:
                for w in set(self.tokens(text)):
                    df[w] = df.get(w, 0) + 1
            found = self._doc_df[doc.doc_id] = (df, max(1, len(parts)))
        return found

    def topic_weights(self, text: str, doc: Document, also: str = "") -> dict[str, float]:
        """:meth:`weights` of a question without the words that name the document (its
        titles, a lead such as …2016年度旅游工作要点里，) or ``also``: what is left is what
        it asks about."""
        from .lists import RE_NAMING_LEAD

        named = set(self.tokens(doc.title + doc.meta.title + doc.meta.points_title + also))
        return {w: x for w, x in self.weights(RE_NAMING_LEAD.sub("", text), doc).items() if w not in named}

    def weights(self, text: str, doc: Document, spread: bool = True) -> dict[str, float]:
        """The question's tokens with their weight as evidence for one part of ``doc``
        over another: corpus IDF, less for bigrams and pinyin that are not words, and
        (``spread``) less for words most of the document's parts share. Sentences of one
        part are told apart without ``spread``: a word common in the document may still
        be what one sentence of the part adds (建立健全哪些工作机制)."""
        idf = self.searcher.bm25.idf
        tokenizer = self.searcher.bm25.tokenizer
        words = set(tokenizer.words(fold(text)))
        df, n = self.doc_df(doc)
        out = {}
        for w in set(self.tokens(text)):
            if w in EVIDENCE_IGNORED:
                continue  # question words as bigrams or sounds (时候, py:shihou), 全部
            kind = 1.0 if w in words else EVIDENCE_PINYIN if w.startswith("py:") else EVIDENCE_BIGRAM
            out[w] = idf.get(w, 0.0) * kind * ((1.0 - EVIDENCE_SPREAD * df.get(w, 0) / n) if spread else 1.0)
        return out

    # -- helpers

    def sentence_passage(self, doc_id: str, item: int, idx: int) -> Passage:
        return self.sentence_passages[(doc_id, item, idx)]

    def chapter_ref(self, doc: Document, item: Item) -> str:
        ch = doc.chapter(item.chapter)
        return ch.ref if ch else ""

    def name(self, item: Item) -> str:
        return f"{item.label}「{item.title}」"

    def doc_name(self, doc: Document) -> str:
        if len(self.docs) < 2:
            return ""
        number = doc.meta.doc_number or (doc.meta.signing_date[:4] if doc.meta.signing_date else "")
        return f"《{doc.title}》{f'（{number}）' if number else ''}"

    # -- entry point

    def compose(self, query: Query, hits: list[Hit]) -> Answer:
        answer = self.propose(query, hits)
        if answer.refused or self.default.kind == "report":
            return answer
        from . import scorer

        if not answer.intent.split(":")[0] in scorer.STRUCTURAL_INTENTS:
            opposite = scorer.contrasted(query.text, answer.text + "".join(c.text for c in answer.citations))
            if opposite is not None:
                return refusal(f"文件中没有关于“{opposite[0]}”的规定；找到的原文说的是“{opposite[1]}”，不能用来回答。", "not_stated")
        doc = self.docs.get(answer.citations[0].doc_id, self.default) if answer.citations else self.default
        feats = scorer.features(query.search_text, answer, doc.text, doc.title + doc.meta.title, self.doc_sound.get(doc.doc_id))
        if not scorer.supported(feats):
            # Refused by evidence: the passages found do not hold what the question asks about.
            return replace(
                refusal("没有在文件中找到与这个问题相关的内容。文件可能没有规定这一点；可以换个说法，或询问具体工作的要求、期限和责任单位。", "not_supported"),
                features=feats,
            )
        return replace(answer, features=feats)

    def propose(self, query: Query, hits: list[Hit]) -> Answer:
        refused = self.out_of_scope(query)
        if refused is not None:
            return refused
        if self.default.kind != "report" and not query.followup:
            from . import structure

            text = fold(query.search_text)
            by_number = self.by_number(query, text)
            if by_number is not None:
                return by_number
            strategies = (structure.definition, structure.spelled_term, structure.exclusion, structure.post_holder, lists.stages, lists.named_part_count, unit_tasks.all_units, unit_tasks.unit_tasks, structure.without_deadline, structure.children_of)
            if RE_DATED_LIST.search(text):
                # "时间节点是2019年6月的任务有哪些": the tasks due then, not the parts of the
                # table whose column the question names.
                strategies = strategies[:-1] + (structure.due_by, structure.children_of)
            for strategy in strategies if not query.items else strategies[1:]:
                found = strategy(self, self.default, text)
                if found is not None:
                    return found
            found = structure.due_by(self, self.default, text) if not query.items else None
            if found is not None:
                return found
        elif self.default.kind != "report":
            found = self.followup_structure(query)
            if found is not None:
                return found
        return self.chain(query, hits)

    def followup_structure(self, query: Query) -> Answer | None:
        """Follow-ups read off the structure: a unit the follow-up names itself (还有哪几项
        任务也要X做), or the parts under the part the previous question named (它下面分了几个
        小方面): the search text then holds the previous question too."""
        from . import structure

        found = unit_tasks.unit_tasks(self, self.default, fold(query.text))
        if found is not None or not structure.RE_PARTS_ASKED.search(fold(query.text)):
            return found
        node, _ = structure.referenced_node(self.default, fold(query.search_text))
        if node is not None and not node.task and self.default.children(node.key):
            return structure.node_answer(self, self.default, node)
        return None

    def chapter_passage(self, doc: Document, chapter) -> Passage | None:
        """A chapter's heading line as it stands (a report's chapters: the heading list)."""
        node = doc.node(chapter.key) if chapter is not None and chapter.key else None
        if node is not None and node.line:
            return self.heading_passage(doc, node)
        return self.section_passages.get((doc.doc_id, "chapters"))

    def text_units(self, doc: Document) -> list[Item]:
        """The document's tasks, then the texts of its parts that are no task (a part's lead
        paragraph): every place a sentence of the body can stand."""
        return list(doc.items) + [it for (doc_id, _), it in self.node_items.items() if doc_id == doc.doc_id]

    def heading_passage(self, doc: Document, node) -> Passage:
        """A part's heading line as a citation (lists of parts cite the headings as they stand)."""
        from ..index import passage_id

        return Passage(passage_id(doc.doc_id, "heading", node.key, node.line), doc.doc_id, f"{node.path}{node.title}", "", node.line, kind="heading", doc_title=doc.title)

    def by_number(self, query: Query, text: str) -> Answer | None:
        """A part named by its numbers at any level: a task is answered for what the
        question asks of it; another part with its text and the parts under it; a number
        the document does not have is said so, with how far the numbering goes."""
        from . import structure

        doc = self.default
        if RE_FIRST_AND_LAST.search(text):
            return None  # "第一条和最后一条分别是啥": the ends of a list, not a part by number
        node, shown = structure.referenced_node(doc, text)
        if node is not None and node.style == "附件" and not re.search(r"\d", shown) and RE_IN_ATTACHMENT_TABLE.search(text) and not RE_TOTAL_ASKED.search(text) and any(n.style == "行" for n in doc.nodes[doc.nodes.index(node) + 1 :]):
            # "附件一览表里完成时限写2015年6月的有哪几项": the table's rows are asked about,
            # answered like the document's other tasks.
            return None
        attachments = [n for n in doc.nodes if n.style == "附件"]
        if node is None and (shown or "").strip() == "附件" and len(attachments) == 1 and RE_COUNT_UNDER_PART.search(text):
            # "附件里的任务清单一共排了多少项": the one attachment the document holds.
            node = attachments[0]
        if node is None:
            listed = self.listed_attachment(doc, shown) or self.mentioned_attachment(doc, shown, text)
            if listed is not None:
                return listed
            referring = self.attachment_references(doc, text) if (shown or "").strip() == "附件" else None
            if referring is not None:
                return referring
            explicit = shown and (shown.startswith(("第", "附件")) or shown[:1] in "（(")
            if explicit:
                last = doc.items[-1].label if doc.items else ""
                span = f"本文件共{len(doc.items)}项工作{f'，最后一项是{last}' if last else ''}。" if doc.items else ""
                return refusal(f"文件中没有{shown}。{span}", "not_found")
            return None
        if not node.task and unit_tasks.RE_UNITS_OF_PART.search(text):
            # "第二部分的牵头单位有哪些": the units of the part's tasks.
            found = unit_tasks.all_units(self, doc, text, tasks=structure.tasks_under(doc, node.key), where=f"{node.path}{node.title}中")
            if found is not None:
                return found
        if not node.task and (structure.RE_NO_DEADLINE.search(text) or structure.RE_ANY_DEADLINE.search(text)):
            # "第四部分哪些任务没写完成时间": the part's tasks without a time limit.
            found = structure.without_deadline(self, doc, text, node=node)
            if found is not None:
                return found
        if not node.task and structure.tasks_under(doc, node.key):
            # "第三部分里，哪几项的完成时限是2024年12月": the part's tasks due then.
            found = structure.due_by(self, doc, text, within=node.key)
            if found is not None:
                return found
        if node.style == "附件" and not node.text.strip() and not re.search(r"[\u4e00-\u9fff]", node.title):
            # 附件4 given only as a file name (附件4.docx): the body names it (《…清单》（附件4）).
            named = self.attachment_named_in_body(doc, node.number)
            if named is not None:
                return named
            d = Draft()
            d.add(f"文件只给出了附件{node.number}的文件名“{node.line.strip()}”{d.cite(self.heading_passage(doc, node))}，没有写明它的标题，也没有收录它的正文。{self.suffix(doc)}")
            return d.answer("structure:attachment")
        if not node.task and RE_COUNT_UNDER_PART.search(text) and len(structure.tasks_under(doc, node.key)) >= 2:
            # "附件2那个指南总共有多少条": the tasks under the part counted, checked against
            # the first and the last; its own parts named.
            return structure.part_count(self, doc, node, text)
        if node.task and RE_HOW_MANY_UNDER.search(text) and doc.children(node.key):
            # "第四十四条列了多少种情形": the enumeration under the task, counted.
            return structure.node_answer(self, doc, node)
        if node.task:
            intent = "item" if query.intent in ("content", "list", "count", "chapter", "meta") else query.intent
            asked = replace(query, items=(node.task,), chapters=(), parts=(), intent=intent, meta_field="")
            hits = self.searcher.search(asked, k=5, docs={doc.doc_id})
            return self.chain(asked, hits)
        return structure.node_answer(self, doc, node, text)

    def attachment_named_in_body(self, doc: Document, number: int) -> Answer | None:
        """The title of attachment ``number`` as a task's text names it: 《…》（附件4）,
        《…》（见附件4）, 附件4《…》."""
        rx = re.compile(rf"《([^《》]{{2,60}})》\s*[（(]\s*(?:见|详见)?\s*附件\s*{number}(?!\d)[^）)]{{0,4}}[）)]|附件\s*{number}(?!\d)\s*[：:]?\s*《([^《》]{{2,60}})》")
        for item in doc.items:
            for i, sentence in enumerate(item.sentences):
                m = rx.search(sentence)
                if m:
                    d = Draft()
                    marker = d.cite(self.sentence_passage(doc.doc_id, item.number, i))
                    d.add(f"附件{number}是《{m.group(1) or m.group(2)}》{marker}。根据{self.name(item)}：“{quote(sentence, m.group(0))}”{marker}{self.suffix(doc)}")
                    return d.answer("structure:attachment")
        return None

    def listed_attachment(self, doc: Document, shown: str) -> Answer | None:
        """``附件2`` that the cover lists (附件：1.… 2.…) but the file does not hold: its title
        from the list, saying that its text is not in the document."""
        from ..schema import parse_cn_number

        m = re.fullmatch(r"附件\s*(\d+|[一二三四五六七八九十]+)", shown or "")
        p = self.section_passages.get((doc.doc_id, "attachments"))
        if p is None:
            return None
        if (shown or "").strip() == "附件":
            # "附件给了哪几个文件": the list of attachments, as the document gives it.
            lines = [line.strip() for line in p.text.split("\n") if line.strip() and not re.fullmatch(r"附\s*件\s*[：:]?", line.strip())]
            d = Draft()
            d.add(f"文件所列附件：{'；'.join(lines)}{d.cite(p)}（本文件中未收录附件正文）。{self.suffix(doc)}")
            return d.answer("structure:attachment")
        if not m:
            return None
        number = int(m.group(1)) if m.group(1).isdigit() else parse_cn_number(m.group(1))
        for line in p.text.split("\n"):
            entry = re.match(rf"^(?:附\s*件\s*[：:]\s*)?{number}\s*[.．、]\s*(\S.*)$", line.strip())
            if entry:
                d = Draft()
                d.add(f"附件{number}是《{entry.group(1).strip().rstrip('；;。')}》{d.cite(p)}（本文件中未收录附件正文）。{self.suffix(doc)}")
                return d.answer("structure:attachment")
        return None

    def sentences_where(self, doc: Document, pattern: re.Pattern) -> list[tuple[Item, int]]:
        """(part, sentence index) of every sentence of the document's tasks and other
        numbered parts that ``pattern`` finds something in."""
        items = list(doc.items) + [it for (d, _), it in self.node_items.items() if d == doc.doc_id]
        return [(it, i) for it in items for i, s in enumerate(it.sentences) if pattern.search(s)]

    def attachment_references(self, doc: Document, text: str) -> Answer | None:
        """"…反馈表是第几个附件": the sentences that refer to attachments by number
        (…反馈表（见附件5）) and share most words with the question."""
        found = self.sentences_where(doc, RE_ATTACHMENT_NUMBER)
        if not found:
            return None
        words = set(self.tokens(text))
        shared = [len(words & set(self.tokens(it.sentences[i]))) for it, i in found]
        chosen = [h for h, n in zip(found, shared) if n == max(shared)][:2]
        d = Draft()
        parts = []
        for it, i in chosen:
            sentence = it.sentences[i]
            at = RE_ATTACHMENT_NUMBER.search(sentence).group(0)
            parts.append(f"“{quote(sentence, at, task.CONTENT_QUOTE_MAX)}”{d.cite(self.sentence_passage(doc.doc_id, it.number, i))}")
        quotes = "；".join(parts)
        d.add(f"文件正文提到：{quotes}。{self.suffix(doc)}")
        return d.answer("structure:attachment")

    def mentioned_attachment(self, doc: Document, shown: str, text: str = "") -> Answer | None:
        """``附件5`` that the file does not hold but its text refers to (……申请表（详见附件5）):
        the sentences that refer to it, saying that its text is not in the document."""
        m = re.fullmatch(r"附件\s*(\d+)", shown or "")
        if not m:
            return None
        mention = re.compile(rf"附件\s*(?:\d+\s*[、，,和及]\s*)*{m.group(1)}(?!\d)")
        found = self.sentences_where(doc, mention)[:3]
        if not found:
            return None
        d = Draft()
        quotes = "；".join(f"“{quote(it.sentences[i], mention.search(it.sentences[i]).group(0))}”{d.cite(self.sentence_passage(doc.doc_id, it.number, i))}" for it, i in found)
        d.add(f"本文件中未收录附件{m.group(1)}的正文。正文提到它：{quotes}。{self.suffix(doc)}")
        answer = d.answer("structure:attachment")
        # What it is is answered by the mention; what it says inside (那一项的责任单位是谁) is not.
        return replace(answer, refused=True) if RE_INSIDE_ASKED.search(text) else answer

    def chain(self, query: Query, hits: list[Hit]) -> Answer:
        if self.default.kind == "report" or (hits and hits[0].key[1] == "paragraph" and not query.items and not query.followup):
            return reports.paragraphs(self, query, hits)
        text = fold(query.search_text)
        is_list = re.search(r"哪些|哪几|列出|列举|列一下", text)
        if query.intent == "list" and not query.items and not query.followup and lists.RE_TOPIC_COUNT.search(text):
            # "应急避难场所分成哪几类": the sentence that enumerates the kinds of the thing named.
            found = lists.topic_count(self, query, hits)
            if found is not None:
                return found
        if query.intent in ("list", "count", "content") and not query.items and not query.followup and task.RE_KINDS_ASKED.search(text):
            # "零碳园区分哪几种类型" of a document with a part named for them (一、园区类型).
            from .structure import named_node, node_answer

            node, score = named_node(self.default, text)
            if node is not None and score >= 1.0 and RE_KIND_PART.search(node.title):
                item = self.default.item(node.task) if node.task else None
                return task.whole_item(self, self.default, item) if item is not None else node_answer(self, self.default, node)
        if (is_list or query.intent == "count") and not query.items and not query.followup:
            # "基本原则是哪几条“坚持”": the phrases the quoted word opens.
            found = lists.quoted_instances(self, self.default, text)
            if found is not None:
                return found
        if is_list and not query.items and asked_terms(text):
            return lists.items_mentioning(self, self.default, asked_terms(text), title_only=bool(re.search(r"标题", text)))
        if is_list and re.search(r"文号|引用", text) and re.search(r"引用|提到|涉及|带", text):
            return lists.all_references(self, self.default)
        if (
            query.meta_field in ("sponsor", "supervisor")
            and not getattr(self.default.meta, query.meta_field)
            and any(h.key[1] in ("item", "node") for h in hits)
            and re.search(r"谁|哪个|哪些|哪家|哪几", fold(query.text))
        ):
            # "风筝冲浪赛是谁承办的", "反复投诉的问题谁来跟踪督办": with no 主办/督办 line closing
            # the document, the units are those of the event or task asked about.
            query = replace(query, intent="unit", meta_field="", parts=())
        if query.meta_field == "contact" and not self.default.meta.contact:
            # No contact note under the signature: the body may name one (联系人：…).
            query = replace(query, intent="content", meta_field="")
        if query.intent == "meta" or (query.followup and query.meta_field in ("basis", "doc_number")):
            found = header.reference_lookup(self, query, hits)
            if found is not None:
                return found
            if query.intent == "meta":
                return header.field(self, query)
        if query.intent == "which_chapter":
            target = self.target(query, hits)
            if target is not None:
                return lists.which_chapter(self, *target)
        if query.intent == "count" and not query.chapters and not query.items:
            found = lists.topic_count(self, query, hits) or lists.counted_in_task(self, query, hits)
            if found is not None:
                return found
            if lists.RE_COUNT_TERM.search(fold(query.search_text)) or not lists.names_a_topic(self, self.default, fold(query.search_text)):
                # (黑臭水体的任务有多少项: the tasks that use the term, counted.)
                return lists.count(self, query)
            # "讲了哪几条基本原则", "要提升哪几项工作的质效": the question names a topic of its
            # own, which the document's count of tasks does not answer; the sentence about it does.
            query = replace(query, intent="list")
        if query.intent == "chapter" and query.chapters:
            found = lists.chapter(self, query)
            if found is not None:
                return found
        if not query.items and not query.followup and query.intent in ("list", "deadline", "quantity", "unit", "count", "content"):
            listed = lists.listing(self, query, hits)
            if listed is not None:
                return listed
        if not query.items and not query.followup:
            absent = self.absent_terms(query)
            if absent and not self.held_without(query, hits, absent):
                return refusal(f"文件中没有关于“{absent}”的规定。", "not_stated")
        if not any(h.bm25 > 0 or h.reasons for h in hits):
            # No word of the question occurs in the corpus: similarity alone would be a guess.
            return refusal("没有在文件中找到与这个问题相关的内容。请用文字描述要咨询的工作，例如期限、责任单位或具体要求。", "not_found")
        if hits and hits[0].key[1] in ("preamble", "header", "footer") and query.intent in ("content", "list"):
            # The header and the preamble often rank together: the best sentence of either.
            return self.section(query, [h for h in hits[:3] if h.key[1] in ("preamble", "header", "footer") and h.key[0] == hits[0].key[0]])
        opening = [h for h in hits if h.key[1] in ("preamble", "header") and h.passage.text.strip()]
        if opening and RE_OPENING_ASKED.search(fold(query.text)) and query.intent in ("content", "list", "quantity"):
            # "文件开头说要加快建设的是几个中心": the question points at the opening, whatever a
            # task ranks first.
            return self.section(query, [h for h in opening if h.key[0] == opening[0].key[0]][:2])
        target = self.target(query, hits)
        if target is None:
            return refusal("没有在文件中找到与这个问题相关的内容。可以换个说法，或询问具体工作的要求、期限和责任单位。", "not_found")
        doc, item = target
        if query.intent == "deadline" and RE_WHOLE_ASKED.search(fold(query.search_text)):
            # "整体上要干到什么时候": the time the preamble sets for the whole work.
            whole = self.preamble_deadline(query)
            if whole is not None:
                return whole
        if query.intent == "deadline" and RE_PLAN_SPAN_ASKED.search(fold(query.text)):
            # (The question as asked: the search text drops year words such as 哪一年.)
            # "这个三年行动计划目标冲到哪一年": the period the title gives the whole plan.
            span = self.title_span(doc)
            if span is not None:
                return span
        if query.intent == "deadline":
            stated = self.preamble_target(query, doc, item)
            if stated is not None:
                return stated
            return self.kind_elsewhere(query, doc, item, task.deadline)
        if query.intent == "unit":
            return task.unit(self, query, doc, item)
        if query.intent == "quantity":
            stated = self.preamble_figure(query, doc, item)
            if stated is not None:
                return stated
            return self.kind_elsewhere(query, doc, item, task.quantity)
        if query.intent == "item" or (query.items and query.intent in ("content", "list")):
            return task.whole_item(self, doc, item)
        return task.content(self, query, doc, item)

    def kind_elsewhere(self, query: Query, doc: Document, item: Item, answer) -> Answer:
        """``answer`` (a date, a figure) for the task found; when that task states nothing of
        the asked kind, the part of the document that does and holds the question's words
        best, if it holds them clearly better (厕所革命的具体实施方案啥时候编完: a row of the
        attached time table the search ranked low). Refused only when the document holds
        nothing of the asked kind about the asked topic."""
        found = answer(self, query, doc, item)
        if not found.refused or found.intent != query.intent:
            return found
        weights = self.weights(query.search_text, doc)
        floor = max(KIND_ELSEWHERE_SHARE, self.evidence(query, weights, item, doc) + KIND_ELSEWHERE_MARGIN)
        best, best_score = None, floor
        for other in self.text_units(doc):
            if other is item or not other.facts:
                continue
            score = self.evidence(query, weights, other, doc)
            if score > best_score:
                best, best_score = other, score
        if best is None:
            return found
        again = answer(self, query, doc, best)
        return found if again.refused else again

    def preamble_deadline(self, query: Query) -> Answer | None:
        """The deadline the preamble sets for the whole work (从现在起至2017年12月底，本区开展…)."""
        dated = self.preamble_dates(self.default)
        return self.preamble_answer(self.default, *dated[0]) if dated else None

    def preamble_deadlines(self, doc: Document) -> list[tuple[str, list[tuple[str, str]]]]:
        """(sentence, its deadlines as (written, ISO day)) of the preamble's sentences that
        set one."""
        from ..documents import split_sentences
        from ..documents.facts import deadlines

        p = self.section_passages.get((doc.doc_id, "preamble"))
        if p is None:
            return []
        year = int(doc.meta.signing_date[:4]) if doc.meta.signing_date[:4].isdigit() else None
        out = []
        for sentence in split_sentences(p.text):
            found = [(span, iso) for span, iso, _ in deadlines(sentence, year)]
            if found:
                out.append((sentence, found))
        return out

    def preamble_dates(self, doc: Document) -> list[tuple[str, str]]:
        """(sentence, its last deadline as written) of the preamble's sentences that set one."""
        return [(sentence, found[-1][0]) for sentence, found in self.preamble_deadlines(doc)]

    def preamble_answer(self, doc: Document, sentence: str, span: str) -> Answer:
        p = self.section_passages[(doc.doc_id, "preamble")]
        d = Draft()
        d.add(f"{span}{d.cite(p)}。根据文件开头：“{quote(sentence, span)}”{d.cite(p)}{self.suffix(doc)}")
        return d.answer("deadline")

    def title_span(self, doc: Document) -> Answer | None:
        """The years a plan's title spans (行动计划（2021-2023年）): its end year, quoted."""
        p = self.section_passages.get((doc.doc_id, "header"))
        for title in (doc.meta.title, doc.title):
            m = task.RE_YEAR_SPAN.search(title or "")
            if m and p is not None:
                d = Draft()
                d.add(f"{m.group(2)}年（{m.group(0)}）{d.cite(p)}。根据文件标题：“{title}”{d.cite(p)}{self.suffix(doc)}")
                return d.answer("deadline")
        return None

    def preamble_target(self, query: Query, doc: Document, item: Item) -> Answer | None:
        """A date the preamble sets for what is asked (到2030年前…完成国家碳达峰试点建设),
        when its sentence holds more of the question than the task found does: targets are
        often stated there, not in a task."""
        dated = self.preamble_dates(doc)
        if not dated:
            return None
        weights = self.weights(query.search_text, doc)
        total = sum(weights.values()) or 1.0

        def share(sentence: str) -> float:
            return sum(weights[w] for w in weights.keys() & set(self.tokens(sentence))) / total

        best = max(dated, key=lambda x: share(x[0]))
        if share(best[0]) < PREAMBLE_TARGET_SHARE or share(best[0]) <= self.evidence(query, weights, item, doc) + PREAMBLE_TARGET_MARGIN:
            return None
        return self.preamble_answer(doc, *best)

    def preamble_figure(self, query: Query, doc: Document, item: Item) -> Answer | None:
        """A figure the opening paragraph states for what is asked (预期目标是：全年共接待游客
        290万人次，增长25%), when its sentence holds more of the question than the task found
        does: a plan's overall targets are often stated there, not in a task."""
        from ..documents import split_sentences
        from ..documents.facts import figures

        p = self.section_passages.get((doc.doc_id, "preamble"))
        if p is None:
            return None
        weights = self.topic_weights(query.search_text, doc)
        total = sum(weights.values()) or 1.0

        def share(text: str) -> float:
            return sum(weights[w] for w in weights.keys() & set(self.tokens(text))) / total

        # Each clause with a figure, scored by its own words and, at half, by the words it
        # adds to those of the clauses before it (…预期目标是：…，实现旅游收入11亿元).
        found = []
        for sentence in split_sentences(p.text):
            clauses = [c for c in re.split(r"(?<=[，,；;：:])", sentence) if c]
            for k, clause in enumerate(clauses):
                spans = figures(clause)
                if spans:
                    own = share(clause)
                    found.append((own + 0.5 * max(0.0, share("".join(clauses[: k + 1])) - own), sentence, clause, spans[0][0]))
        if not found:
            return None
        best = max(found, key=lambda x: x[0])
        if best[0] < PREAMBLE_TARGET_SHARE or best[0] <= self.evidence(query, weights, item, doc) + PREAMBLE_TARGET_MARGIN:
            return None
        _, sentence, _, span = best
        d = Draft()
        marker = d.cite(p)
        d.add(f"{span}{marker}。根据文件开头：“{quote(sentence, span, task.CONTENT_QUOTE_MAX)}”{marker}{self.suffix(doc)}")
        return d.answer("quantity")

    def contact(self, query: Query, doc: Document) -> Answer | None:
        """"联系电话多少" of a document that states contacts (联系人：…，联系电话：…): the
        sentence stating one that shares most words with the question (and the turn before)."""
        found = self.sentences_where(doc, RE_CONTACT_STATED)
        if not found:
            return None
        kind = RE_CONTACT_KIND.search(fold(query.text))
        if kind and not any(kind.group(1) in it.sentences[i] for it, i in found):
            # "投诉监督电话是多少" of a document that gives only a 咨询电话.
            return refusal(f"文件中没有写明{kind.group(1)}电话。", "out_of_scope")
        words = set(self.tokens(query.search_text))
        it, i = max(found, key=lambda h: len(words & set(self.tokens(h[0].title + h[0].sentences[h[1]]))))
        sentence = it.sentences[i]
        at = RE_CONTACT_STATED.search(sentence)
        d = Draft()
        marker = d.cite(self.sentence_passage(doc.doc_id, it.number, i))
        d.add(f"根据{self.name(it)}：“{quote(sentence, sentence[at.start():at.end()], task.CONTENT_QUOTE_MAX)}”{marker}")
        d.add(self.suffix(doc))
        return d.answer("contact", (it.number,) if it.number > 0 else ())

    def out_of_scope(self, query: Query) -> Answer | None:
        doc = self.default
        if query.out_of_scope in ("chitchat", "creative"):
            return refusal(
                f"我是政策问答助手，只回答与《{doc.title}》有关的问题，不能{'闲聊' if query.out_of_scope == 'chitchat' else '进行写作或创作'}。"
                "可以问我：各项工作的要求、完成期限、责任单位、次数要求，或文件的文号、主办单位等。",
                "out_of_scope",
            )
        # Refused by evidence: only when the document holds nothing of the kind asked.
        if query.out_of_scope == "person":
            from .structure import POSTS

            # A label may be spread out (组 长：, 成 员：).
            if not re.search(rf"(?:组\s*长|副\s*组\s*长|成\s*员|联系人|负责人)\s*[：:]|(?:任|担任)(?:{POSTS})", doc.text):
                return refusal("文件中没有关于具体人员姓名的内容。", "out_of_scope")
            asked = fold(query.text)
            if RE_NAME_ASKED.search(asked) and not RE_NAMES_GIVEN.search(doc.text):
                # "组长叫什么名字" of a document that gives posts (由分管副区长任组长), no names.
                return refusal("文件只写了由哪个职务的人员担任，没有写具体人员的姓名。", "out_of_scope")
            post = RE_POST_ASKED.search(asked)
            if post:
                body, title = post.group(1) or "", post.group(2)
                # A body's own post (区督查室的主任), not a leading group's (组长, 办公室主任).
                own = bool(re.search(r"(?<!办公)室$|[局处科站所队委]$|中心$", body)) and title != "组长"
                written = re.sub(r"[ \t\u3000]", "", doc.text)  # 组 长： is 组长：
                if title not in written or (own and body in written and not re.search(rf"{re.escape(body)}[^。；]{{0,12}}{title}|{title}[^。；]{{0,6}}{re.escape(body)}", written)):
                    # "区督查室的主任是谁" of a document that names no holder of that post.
                    return refusal(f"文件中没有写明{body}{title}是谁。", "out_of_scope")
        if query.out_of_scope == "place" and not re.search(r"地点|地址|举办地|场所|在[^。；，]{1,20}(?:举办|举行|召开|办理)", doc.text):
            return refusal("文件中没有写明地点。", "out_of_scope")
        if query.out_of_scope == "contact" and not RE_CONTACT_STATED.search(doc.text):
            return refusal("文件中没有关于联系方式、网址或地址等信息。", "out_of_scope")
        if query.out_of_scope == "contact":
            stated = self.contact(query, doc)
            if stated is not None:
                return stated
        if query.other_place and query.other_place not in fold(doc.text) and not self._sounds_written(query.other_place, doc):
            # (黄埔区 typed for the 黄浦区 the document is about is no other place.)
            return refusal(f"本文件是《{doc.title}》，文件中没有关于{query.other_place}的规定。", "out_of_scope")
        other = self.other_issuers_document(query, doc)
        if other:
            return refusal(f"本文件是《{doc.title}》，不是{other}出台的文件，无法回答{other}自己的政策规定。", "out_of_scope")
        if query.missing_document:
            # A document named by a year the library has no document of.
            return refusal(f"文档库中没有{query.missing_document}，无法回答。已载入的相关文件是《{doc.title}》。", "out_of_scope")
        if query.other_year:
            return refusal(f"本文件是《{doc.title}》，文件中没有关于{query.other_year}的规定。", "out_of_scope")
        texts = [d.text for d in self.docs.values()] if doc.kind == "report" else [doc.text]
        # An amount, a share of one, or a table column of amounts (总投资（万元）).
        money = r"\d\s*(?:万元|亿元|元)|(?:费|资金|经费|薪酬|报酬|补贴|补助|奖补|奖励|预算)[^。；]{0,30}\d+(?:\.\d+)?\s*[%％]|[（(](?:万元|亿元|元)[）)]"
        # "对老师的平均工资有啥要求" asks a rule, not an amount.
        # 几 asks an amount, but not in 几月几号, 几点, 几年: a date or a time is asked.
        amount_asked = re.search(r"多少(?![天年])|几(?!月|号|日|点|年|天|周|个月)|金额|数额|标准|怎么算|什么价|多大|规模|盘子", fold(query.text))
        if query.out_of_scope == "money" and amount_asked and not any(re.search(money, t) for t in texts):
            return refusal("文件中没有关于经费、报酬、金额等具体数额的规定。", "out_of_scope")
        asked_money = RE_MONEY_WORD.findall(query.text)
        if query.out_of_scope == "money" and asked_money and amount_asked:
            # "一共安排了多少钱预算": the sum asked is of the last money word; a document
            # that states other amounts (每餐补贴3元) does not state it.
            word = asked_money[-1]
            near = rf"{word}[^。；]{{0,30}}\d|\d[^。；]{{0,12}}(?:元|%|％)[^。；]{{0,12}}{word}"
            if not any(re.search(near, t) for t in texts):
                return refusal(f"文件中没有关于{word}具体数额的规定。", "out_of_scope")
        if not any(d.kind == "report" for d in self.docs.values()) and RE_OUTCOME_ASKED.search(fold(query.text)) and not RE_JUDGED_HOW.search(fold(query.text)):
            # A plan sets tasks and targets; what came of them is in later reports (when
            # the library holds work reports, they answer it).
            return refusal("文件是工作部署，只规定任务和目标，没有写实施后的实际效果或完成情况。", "out_of_scope")
        compared = RE_COMPARED.search(fold(query.text))
        if compared and fold(compared.group(1)) not in fold(doc.text):
            # "跟深圳比，哪边给得多": the document states its own rules only.
            return refusal("文件只有本文件自身的规定，不涉及与其他地方、其他文件的比较。", "out_of_scope")
        unit = task.asked_measure(query.text)
        if unit and not re.search(task.measure_written_re(unit), fold(doc.text)):
            # "出口的农产品有多少吨": the document states nothing in that unit.
            return refusal(f"文件中没有以“{unit}”计的数量规定。", "not_stated")
        if query.missing_items:
            from ..schema import cn_number

            return refusal(f"文件共列出{len(doc.items)}项工作，没有第（{cn_number(query.missing_items[0])}）项。", "out_of_scope")
        return None

    def other_issuers_document(self, query: Query, doc: Document) -> str:
        """The place whose own document a question asks about (苏州市支持OPC的政策里, 上海市
        出台的获得电力细则里) when the document is not that place's: its title and issuer do
        not name the place. A place the text mentions (利用上海、苏州等科创飞地) does not
        make the document that place's."""
        from ..retrieval.query import _lines

        m = RE_OWNED_DOCUMENT.search(fold(query.text))
        if m is None or not doc.meta.issuer:
            return ""  # (with no issuer known, whose document it is cannot be told)
        if re.search(r"(?:这|那|本|该|此)(?:份|个|篇|部)?$", m.group(1)):
            return ""  # 杨浦区政府在这份要点里: a body asked about in this document, not its own
        own = fold(doc.title + doc.meta.title + doc.meta.issuer + doc.meta.forwarded_title)
        from ..index import pinyin

        def names(place: str) -> bool:
            # Its own name, or typed with one character of the same sound (奉先 for 奉贤).
            return place in own or any(
                pinyin(x.group(0)) == pinyin(place)
                for i in range(len(place))
                for x in re.finditer(re.escape(place[:i]) + r"[\u4e00-\u9fff]" + re.escape(place[i + 1 :]), own)
            )

        places = [p for p in _lines("places.txt") if p in m.group(1)]
        if not places or any(names(p) for p in places):
            return ""
        return places[0]

    def absent_terms(self, query: Query) -> str:
        """The thing a question asks about, when it occurs nowhere in the corpus (not even
        as a homophone): a noun right before the question word, as in 报酬标准是多少 or
        分值是怎么分配的. Then the notice does not say, and answering from a near item
        would be a guess."""
        from ..index import pinyin

        if query.parts:
            # The question names a part of the notice (指导思想 -> preamble), not a topic.
            return ""
        text = fold(query.search_text)
        text = RE_THIS_TASK.sub("", text)  # 这活/这摊事 name the task, not a topic
        obj = self.absent_object(text)
        if obj:
            return obj
        m = None
        for m in re.finditer(ASKING, text):
            pass
        if m is None:
            return ""
        head = re.split(r"[，,；;。？?！!]", text[: m.start()])[-1]
        head = re.sub(r"(?:是|的|要|都|又|还|会|能|该|应该|需要|一般|具体|到底|究竟|各|每|怎么|如何)+$", "", head)
        # Part-of-speech tags from this corpus's tokenizer (its own dictionary, no global state).
        words = self.searcher.bm25.tokenizer.tag(head)
        if not words:
            return ""
        haystack, sound = self.written()
        # The noun right before the question word names the topic: if the document never
        # writes it, not even as a homophone, it does not say. The other nouns of the asking
        # clause (对日本出口首年零关税的商品有多少种) count when two or more are missing: one
        # alone may be a paraphrase (零关税 for 关税为零).
        def noun(w: str, flag: str) -> bool:
            return flag.startswith(("n", "vn")) and len(w) >= 2 and not names_no_topic(w) and re.fullmatch(r"[\u4e00-\u9fff]+", w) is not None

        if len(words) >= 2 and noun(*words[-2]) and noun(*words[-1]):
            # "公务员考试什么时候报名": the thing asked is the compound; the document writes
            # 考试 but never 公务员, so it does not say.
            first, head = words[-2][0], words[-1][0]
            if (
                first + head not in haystack
                and first not in haystack
                and pinyin(first) not in sound
                and not _halves_written(first, haystack)
                and self.searcher.bm25.tokenizer.is_word(first)
            ):
                return first + head
        missing = []
        for i, (w, flag) in enumerate(words):
            last = i == len(words) - 1
            if last and w[0] in "要会能该可得":
                continue  # 能贷, 要交: a verb the tokenizer took for a noun, not the topic
            if not flag.startswith("n") or len(w) < 2 or names_no_topic(w) or not re.fullmatch(r"[\u4e00-\u9fff]+", w):
                continue
            if w not in haystack and pinyin(w) not in sound and not _halves_written(w, haystack, apart=last):
                if last:
                    return w
                if self.searcher.bm25.tokenizer.is_word(w):  # not a segmentation guess (人能)
                    missing.append(w)
        return missing[0] if len(missing) >= ABSENT_NOUNS else ""

    def held_without(self, query: Query, hits: list[Hit], absent: str) -> bool:
        """Whether a task holds what is asked even though the document never writes the
        word ``absent`` (容纳 for 可容纳 written 承载, 身份 for 正式编制): its best sentence
        covers most of the rest of the question and states a fact of the kind asked."""
        if query.intent not in ("deadline", "unit", "quantity"):
            return False
        from ..index import pinyin
        from .scorer import content_words

        haystack, sound = self.written()
        unwritten = [w for w in content_words(query.search_text) if w not in haystack and pinyin(w) not in sound]
        if len(unwritten) > 1:
            return False  # 海外仓跨境电商企业: two things the document never writes
        target = self.target(query, hits)
        if target is None:
            return False
        doc, item = target
        weights = {w: x for w, x in self.weights(query.search_text, doc).items() if w not in set(self.tokens(absent))}
        return self.evidence(query, weights, item, doc) >= ABSENT_HELD_EVIDENCE

    def _sounds_written(self, word: str, doc: Document) -> bool:
        """Whether the document writes ``word`` with one character typed as another of the
        same sound (黄浦区 for 黄埔区), not merely its sounds across other words."""
        from ..index import pinyin

        text = self.doc_folded.get(doc.doc_id, "")
        sound = pinyin(word)
        for i in range(len(word)):
            rx = re.escape(word[:i]) + r"[\u4e00-\u9fff]" + re.escape(word[i + 1 :])
            if any(pinyin(m.group(0)) == sound for m in re.finditer(rx, text)):
                return True
        return False

    def written(self) -> tuple[str, str]:
        """What the documents in scope write, folded and as pinyin: the scoped document's,
        or the whole library's."""
        if self.scoped:
            return self.doc_folded[self.default.doc_id], self.doc_sound[self.default.doc_id]
        return self.corpus_folded, self.corpus_pinyin

    def absent_object(self, text: str) -> str:
        """The thing counted or asked for after the question word (配几个厨师, 要不要交营业执照
        复印件), when the documents never write it, not even as a homophone: its first
        noun."""
        from ..index import pinyin

        # The clause that asks is the last one with a question word (养护资金有没有乱花，审计由
        # 哪个部门来做: 有没有 is said in passing, 哪个部门 is asked).
        clauses = [c for c in re.split(r"[，,；;。？?！!]", text) if re.search(ASKING, c) or RE_ASKED_OBJECT.search(c)]
        m = RE_ASKED_OBJECT.search(clauses[-1]) if clauses else None
        if m is None:
            return ""
        text = clauses[-1]
        clause = re.split(r"[，,；;。？?！!和及与或、]", text[m.end():])[0]
        words = self.searcher.bm25.tokenizer.tag(clause)
        if m.group(0) in ("有没有", "是否有", "有无") and len([w for w, _ in words if w.strip()]) != 1:
            return ""  # 有没有摇号: the thing alone; 有没有硬性要求 asks a kind of rule
        haystack, sound = self.written()
        nouns = [w for w, flag in words if flag.startswith("n") and len(w) >= 2 and not names_no_topic(w) and w not in MEASURE_NOUNS and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
        # The head of the phrase is its last noun (安全巡查督导员 -> 督导员); after 哪家 the
        # kind asked comes first (哪家公证处来公证 -> 公证处).
        head = (nouns[0] if m.group(0).startswith("哪") else nouns[-1]) if nouns else ""
        return head if head and head not in haystack and pinyin(head) not in sound and not _halves_written(head, haystack) else ""

    def section(self, query: Query, hits: list[Hit]) -> Answer:
        """A question answered by the preamble, header or footer: quote the best sentence
        of the sections that ranked first (the first one wins a tie)."""
        from ..documents import split_sentences

        weights = self.weights(query.search_text, self.docs.get(hits[0].passage.doc_id, self.default))
        # A question about what is asked of someone wants the sentence that asks (请……执行).
        asks = bool(re.search(r"要求|怎么做|做什么|干什么|怎么办", query.search_text))
        candidates = [(-rank, h.passage, s) for rank, h in enumerate(hits) for s in split_sentences(h.passage.text) if s.strip()]
        _, p, best = max(candidates, key=lambda c: (asks and bool(re.search(r"请|要求|务必|应当|必须", c[2])), sum(weights[w] for w in weights.keys() & set(self.tokens(c[2]))), c[0]))
        d = Draft()
        d.add(f"根据文件{p.ref}：“{quote(best, '', 160)}”{d.cite(p)}")
        return d.answer("section")

    def target(self, query: Query, hits: list[Hit]):
        """The task a question is about: the best-ranked task hit, or among the first few
        the best one that states every figure the question quotes (医联体…达到30%)."""
        found = []
        for h in hits:
            if h.key[1] == "item":
                doc = self.docs[h.key[0]]
                item = doc.item(h.key[2])
            elif h.key[1] == "node":
                doc = self.docs[h.key[0]]
                item = self.node_items.get((doc.doc_id, h.key[2]))
            else:
                continue
            if item is not None:
                found.append((doc, item))
        if not found:
            return None
        if query.items:
            return found[0]  # the task the question names by number (its 第3点 is no figure)
        figures = task.question_figures(query.search_text)
        if figures:
            # Figures the question quotes (医联体…达到30%) pick the tasks that state them all.
            stating = [(doc, item) for doc, item in found[:EVIDENCE_CANDIDATES] if all(task.states_figure(f, item.text) for f in figures)]
            if len(stating) == 1:
                return stating[0]
            if stating:
                found = stating
        if query.followup:
            return found[0]
        found = found[:EVIDENCE_CANDIDATES]
        ranks = list(range(len(found)))
        # A task the words alone rank high but the fusion drops (a rare verb such as 遴选 in
        # a long article dense similarity does not favour) is a candidate too, at its
        # lexical rank.
        scope = {doc.doc_id for doc, _ in found}
        for rank, (key, _) in enumerate(self.searcher.bm25_ranking(query.search_text, docs=scope)[:EVIDENCE_LEXICAL]):
            if key[1] != "item" or any(doc.doc_id == key[0] and item.number == key[2] for doc, item in found):
                continue
            doc = self.docs.get(key[0])
            item = doc.item(key[2]) if doc else None
            if item is not None:
                found.append((doc, item))
                ranks.append(rank)
        # Candidates scored on evidence: among the first few tasks, the one with a sentence
        # that holds most of what the question asks (IDF-weighted words, a fact of the asked
        # kind), the retrieval rank breaking near-ties.
        weights = {doc.doc_id: self.weights(query.search_text, doc) for doc, _ in found}
        scored = [
            (self.evidence(query, weights[doc.doc_id], item, doc) - EVIDENCE_RANK_COST * rank, -rank)
            for rank, (doc, item) in zip(ranks, found)
        ]
        best = max(range(len(scored)), key=lambda i: scored[i])
        return found[self.body_over_row(query, found, [sc for sc, _ in scored], best)]

    def body_over_row(self, query: Query, found: list, scores: list[float], best: int) -> int:
        """A table row that repeats a task of the body (附件 任务清单 beside 二、（三）) states
        the same fact in fewer words: the body's task, scored nearly as well and stating the
        row's facts of the asked kind, is quoted instead, unless the question names the table."""
        from .structure import RE_TABLE_WORD

        doc, item = found[best]
        node = doc.node(item.key)
        if node is None or node.style != "行" or RE_TABLE_WORD.search(fold(query.text)):
            return best
        kinds = {"deadline": ("deadline", "limit"), "quantity": ("quantity",)}.get(query.intent, ())
        facts = {f.text for f in item.facts if f.kind in kinds}
        if not facts:
            return best
        for i, (d, other) in enumerate(found):
            n = d.node(other.key)
            if d is doc and n is not None and n.style != "行" and scores[i] >= scores[best] - BODY_OVER_ROW_MARGIN and all(f in other.text for f in facts):
                return i
        return best

    def evidence(self, query: Query, weights: dict[str, float], item: Item, doc: Document | None = None) -> float:
        """How well the task's best sentence answers the question, in [0, 1 + bonus]: the
        share of the question's weight (:meth:`weights`) its words (with the task's title)
        cover, and a bonus when that sentence states a fact of the kind asked (a date, a
        unit, a figure)."""
        total = sum(weights.values()) or 1.0
        title = set(self.tokens(item.title))
        # The headings above the task name its topic too (（三）政府网站集约化平台升级 over
        # 5．采取全市统一建设方式…), at a share of their weight.
        above: set[str] = set()
        for node in doc.ancestors(item.key) if doc is not None else ():
            if node.title:
                above |= set(self.tokens(node.title))
        above -= title
        kinds = {"deadline": ("deadline", "limit", "open", "period"), "unit": ("actor",), "quantity": ("quantity", "limit")}.get(query.intent, ())
        if task.RE_FREQUENCY_ASKED.search(fold(query.text)):
            kinds = ("period",)  # 多久报一次: a task that says how often (每月10日)

        def share(sentence: str) -> float:
            own = set(self.tokens(sentence)) | title
            inherited = (weights.keys() & above) - own
            return (sum(weights[w] for w in weights.keys() & own) + EVIDENCE_HEADINGS * sum(weights[w] for w in inherited)) / total

        asked = fold(query.search_text)
        # A unit the question itself names (运营机构是谁来遴选的) is what is asked about, not
        # the answer.
        facts = [f for f in item.facts if not (f.kind == "actor" and isinstance(f.value, str) and f.value and fold(f.value) in asked)]
        if query.intent == "deadline" or kinds == ("period",):
            # 定期 says that something recurs, not when, nor how often (每两年 does).
            facts = [f for f in facts if not (f.kind == "period" and f.text == "定期")]
        unit = task.asked_measure(query.text) if query.intent == "quantity" else ""
        if unit:
            # 多少公里: a figure in another measure is not of the kind asked.
            facts = [f for f in facts if f.kind != "quantity" or task.in_measure(f, item.sentences[f.sentence], unit)]
        # A task with no fact of the asked kind could only answer "the document does not say".
        if kinds and not any(f.kind in kinds for f in facts):
            return -EVIDENCE_MISSING_KIND_COST + max(map(share, item.sentences), default=0.0)
        best = 0.0
        for i, sentence in enumerate(item.sentences):
            bonus = EVIDENCE_KIND_BONUS if kinds and any(f.sentence == i and f.kind in kinds for f in facts) else 0.0
            best = max(best, share(sentence) + bonus)
        return best

    # -- intents

    def suffix(self, doc: Document) -> str:
        name = self.doc_name(doc)
        return f"（见{name}）" if name else ""

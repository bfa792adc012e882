"""Short answers with verified citations.

The extractive composer (default) states the fact first and then quotes the exact
sentence(s) of the notice with markers [1], [2]; list and count questions are answered
from the parsed structure. An optional LLM may write the answer instead, but every
sentence it cites is checked against the cited passage and the extractive answer is
used when the check fails.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field, replace

from ..documents import split_sentences
from ..index import fold
from ..retrieval import Hit, Query
from ..schema import Answer, Document, Fact, Item, Passage

log = logging.getLogger(__name__)

QUOTE_MAX = 90
ASKING = r"多少|什么|哪|谁|几|怎么|如何|是否|吗|有没有"
# Words of a question that name what is asked, not a topic: never a reason to refuse.
NON_TOPIC = set(
    "多少 什么 哪些 哪个 哪里 怎么 怎样 如何 是否 有没有 是不是 具体 一般 目前 今年 明年 去年 现在 我们 你们 他们 单位 "
    "文件 通知 要点 工作 要求 规定 内容 情况 问题 方面 时候 时间 标准 安排 分别 主要 相关 有关 是谁 多久 能否 可以 需要 应该 "
    "必须 到底 最晚 截止 最低 最少 至少 每年 全年 请问 麻烦 告诉 一下 这项 那项 这个 那个 这条 那条 哪位 哪天 哪年 几次 几期 "
    "哪几 总共 一共 共有 啥时候 入库 交差 落实 搞定 弄好 县区 各县区 县里 县市区 区县 市里 省里".split()
)
CLAUSE = re.compile(r"[^，；。！？,;]*[，；。！？,;]?")


# ---------------------------------------------------------------- quoting


def quote(sentence: str, focus: str = "", max_len: int = QUOTE_MAX) -> str:
    """A verbatim part of ``sentence`` around ``focus``, with …… where text was cut.

    >>> quote("甲，乙，丙。", "乙", max_len=2)
    '……乙……'
    """
    body = sentence.rstrip("。；;，,")
    if len(body) <= max_len:
        return body
    clauses = [c for c in CLAUSE.findall(body) if c]
    at = max(body.find(focus), 0) if focus else 0
    idx, pos = 0, 0
    for i, c in enumerate(clauses):
        if pos <= at < pos + len(c):
            idx = i
            break
        pos += len(c)
    start = end = idx
    length = len(clauses[idx])
    grew = True
    while grew:
        grew = False
        # Prefer what follows the focus: the requirement usually comes after its deadline.
        if end + 1 < len(clauses) and length + len(clauses[end + 1]) <= max_len:
            end += 1
            length += len(clauses[end])
            grew = True
        elif start > 0 and length + len(clauses[start - 1]) <= max_len:
            start -= 1
            length += len(clauses[start])
            grew = True
    part = "".join(clauses[start : end + 1]).rstrip("，；。,;")
    return ("……" if start > 0 else "") + part + ("……" if end < len(clauses) - 1 else "")


# ---------------------------------------------------------------- building an answer


@dataclass
class Draft:
    """Answer text under construction; ``cite`` returns the marker for a passage."""

    parts: list[str] = field(default_factory=list)
    citations: list[Passage] = field(default_factory=list)

    def cite(self, p: Passage) -> str:
        for i, c in enumerate(self.citations):
            if c.id == p.id:
                return f"[{i + 1}]"
        self.citations.append(p)
        return f"[{len(self.citations)}]"

    def add(self, text: str) -> None:
        self.parts.append(text)

    def answer(self, intent: str, items=()) -> Answer:
        return Answer("".join(self.parts), tuple(self.citations), False, intent, tuple(items))


# A figure in a sentence: digits (half or full width) or Chinese numerals with a unit.
RE_FIGURE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两〇○零]+(?:亿|万|元|斤|吨|倍|个|%|％|项|年)|百分之")


def refusal(text: str, intent: str = "refused") -> Answer:
    return Answer(text, (), True, intent, ())


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
        self.corpus_folded = "\n".join(folded.values())
        from ..index import pinyin

        # Per character: pinyin of one long string is slow (27 s for a million characters).
        chars = {doc_id: re.sub(r"[^\u4e00-\u9fff]", "", text) for doc_id, text in folded.items()}
        table = {ch: pinyin(ch) for ch in set().union(*map(set, chars.values()))}
        self.doc_sound = {doc_id: "".join(map(table.__getitem__, c)) for doc_id, c in chars.items()}
        self.corpus_pinyin = "".join(self.doc_sound.values())
        self.known_units = sorted(
            {f.value for d in docs for it in d.items for f in it.facts_of("actor")}, key=len, reverse=True
        )

    def for_doc(self, doc: Document) -> "Composer":
        """The same composer with ``doc`` as the document questions are about by default
        (a shallow copy: the indexes are shared, so this is cheap and thread-safe)."""
        if doc is self.default:
            return self
        view = copy.copy(self)
        view.default = doc
        return view

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
            strategies = (structure.unit_tasks, structure.without_deadline, structure.children_of)
            for strategy in strategies if not query.items else strategies[1:]:
                found = strategy(self, self.default, text)
                if found is not None:
                    return found
            found = structure.due_by(self, self.default, text) if not query.items else None
            if found is not None:
                return found
        return self.chain(query, hits)

    def chapter_passage(self, doc: Document, chapter) -> Passage | None:
        """A chapter's heading line as it stands (a report's chapters: the heading list)."""
        node = doc.node(chapter.key) if chapter is not None and chapter.key else None
        if node is not None and node.line:
            return self.heading_passage(doc, node)
        return self.section_passages.get((doc.doc_id, "chapters"))

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
        node, shown = structure.referenced_node(doc, text)
        if node is None:
            explicit = shown and (shown.startswith(("第", "附件")) or shown[:1] in "（(")
            if explicit:
                last = doc.items[-1].label if doc.items else ""
                span = f"本文件共{len(doc.items)}项工作{f'，最后一项是{last}' if last else ''}。" if doc.items else ""
                return refusal(f"文件中没有{shown}。{span}", "not_found")
            return None
        if node.task:
            intent = "item" if query.intent in ("content", "list", "count", "chapter", "meta") else query.intent
            asked = replace(query, items=(node.task,), chapters=(), parts=(), intent=intent, meta_field="")
            hits = self.searcher.search(asked, k=5, docs={doc.doc_id})
            return self.chain(asked, hits)
        return structure.node_answer(self, doc, node)

    def chain(self, query: Query, hits: list[Hit]) -> Answer:
        if self.default.kind == "report" or (hits and hits[0].key[1] == "paragraph" and not query.items and not query.followup):
            return self.paragraphs(query, hits)
        text = fold(query.search_text)
        is_list = re.search(r"哪些|哪几|列出|列举|列一下", text)
        if is_list and not query.items and _asked_terms(text):
            return self.items_mentioning(self.default, _asked_terms(text), title_only=bool(re.search(r"标题", text)))
        if is_list and re.search(r"文号|引用", text) and re.search(r"引用|提到|涉及|带", text):
            return self.all_references(self.default)
        if query.intent == "meta" or (query.followup and query.meta_field in ("basis", "doc_number")):
            found = self.reference_lookup(query, hits)
            if found is not None:
                return found
            if query.intent == "meta":
                return self.meta(query)
        if query.intent == "which_chapter":
            target = self.target(query, hits)
            if target is not None:
                return self.which_chapter(*target)
        if query.intent == "count" and not query.chapters and not query.items:
            return self.count(query)
        if query.intent == "chapter" and query.chapters:
            return self.chapter(query)
        if not query.items and not query.followup and query.intent in ("list", "deadline", "quantity", "unit", "count", "content"):
            listed = self.listing(query, hits)
            if listed is not None:
                return listed
        if not query.items and not query.followup:
            absent = self.absent_terms(query)
            if absent:
                return refusal(f"文件中没有关于“{absent}”的规定。", "not_stated")
        if not any(h.bm25 > 0 or h.reasons for h in hits):
            # No word of the question occurs in the corpus: similarity alone would be a guess.
            return refusal("没有在文件中找到与这个问题相关的内容。请用文字描述要咨询的工作，例如期限、责任单位或具体要求。", "not_found")
        if hits and hits[0].key[1] in ("preamble", "header", "footer") and query.intent in ("content", "list"):
            return self.section(query, hits[0])
        target = self.target(query, hits)
        if target is None:
            return refusal("没有在文件中找到与这个问题相关的内容。可以换个说法，或询问具体工作的要求、期限和责任单位。", "not_found")
        doc, item = target
        if query.intent == "deadline":
            return self.deadline(query, doc, item)
        if query.intent == "unit":
            return self.unit(query, doc, item)
        if query.intent == "quantity":
            return self.quantity(query, doc, item)
        if query.intent == "item" or (query.items and query.intent in ("content", "list")):
            return self.whole_item(doc, item)
        return self.content(query, doc, item)

    def paragraphs(self, query: Query, hits: list[Hit]) -> Answer:
        """Answer from report paragraphs: the best sentence of the best paragraph, named by
        document and heading. When paragraphs of other documents rank about as high, each
        document gets its own line, so the reader sees which says what."""
        found = [h for h in hits if h.key[1] == "paragraph"]
        absent = self.absent_terms(query)
        if absent:
            return refusal(f"文件中没有关于“{absent}”的内容。", "not_stated")
        if not any(h.bm25 > 0 for h in found):
            return refusal("没有在文件中找到与这个问题相关的内容。可以换个说法，或写明报告的年份和要问的工作。", "not_found")
        top = found[0]
        leads = [top]
        for h in found[1:3]:
            if h.key[0] not in {p.key[0] for p in leads} and h.bm25 > 0 and h.score >= 0.8 * top.score:
                leads.append(h)
        q = set(self.tokens(query.search_text))
        wants_figure = bool(re.search(r"多少|几|比例|比重|规模|增长|增幅|目标|数量|总额|总数|达到", fold(query.search_text)))
        d = Draft()
        for lead_hit in leads:
            # The paragraph of this document (among the first four hits) whose best sentence
            # fits the question best; a lower rank costs a little.
            options = [(rank, h) for rank, h in enumerate(found[:4]) if h.key[0] == lead_hit.key[0]]
            scored = [(weight * (1 - 0.12 * rank), chosen, h) for rank, h in options for weight, chosen in [self._best_quote(h.passage.text, q, wants_figure)]]
            _, chosen, h = max(scored, key=lambda t: t[0])
            p = h.passage
            d.add(f"{'；另据' if d.parts else '根据'}{self.docs[p.doc_id].label}「{p.ref}」：“{quote(chosen, '', 200)}”{d.cite(p)}")
        if len(leads) > 1:
            d.add("。以上内容分别出自不同文件。")
        return d.answer("paragraph")

    def _best_quote(self, text: str, q: set[str], wants_figure: bool) -> tuple[float, str]:
        """(weight, quote) of the sentence(s) of a paragraph that answer the question: the
        IDF-weighted overlap with the question, with a bonus for stating a figure when one
        is asked for; a close second sentence is added, in text order."""
        idf = self.searcher.bm25.idf
        sentences = [x for x in split_sentences(text) if x.strip()] or [text]
        weight = [sum(idf.get(t, 0.0) for t in q & set(self.tokens(x))) for x in sentences]
        if wants_figure:
            top = max(weight)
            weight = [w + 0.35 * top if RE_FIGURE.search(x) else w for w, x in zip(weight, sentences)]
        order = sorted(range(len(sentences)), key=lambda i: (-weight[i], i))
        picked = [order[0]]
        if len(order) > 1 and weight[order[1]] >= 0.7 * weight[order[0]] and len(sentences[order[0]]) < 80:
            picked.append(order[1])
        picked.sort()
        joiner = "……" if len(picked) > 1 and picked[1] - picked[0] > 1 else ""
        chosen = joiner.join(sentences[i] for i in picked)
        if len(chosen) < 30 and picked[-1] + 1 < len(sentences):
            chosen += sentences[picked[-1] + 1]
        return weight[order[0]], chosen

    def out_of_scope(self, query: Query) -> Answer | None:
        doc = self.default
        if query.out_of_scope in ("chitchat", "creative"):
            return refusal(
                f"我是政策问答助手，只回答与《{doc.title}》有关的问题，不能{'闲聊' if query.out_of_scope == 'chitchat' else '进行写作或创作'}。"
                "可以问我：各项工作的要求、完成期限、责任单位、次数要求，或文件的文号、主办单位等。",
                "out_of_scope",
            )
        # Refused by evidence: only when the document holds nothing of the kind asked.
        if query.out_of_scope == "person" and not re.search(r"(?:组长|副组长|成员|联系人|负责人)\s*[：:]", doc.text):
            return refusal("文件中没有关于具体人员姓名的内容。", "out_of_scope")
        if query.out_of_scope == "contact" and not re.search(r"联系人|联系电话|电话\s*[：:]?\s*\d{5}|邮箱|网址|https?://", doc.text):
            return refusal("文件中没有关于联系方式、网址或地址等信息。", "out_of_scope")
        if query.other_place and query.other_place not in fold(doc.text):
            return refusal(f"本文件是《{doc.title}》，文件中没有关于{query.other_place}的规定。", "out_of_scope")
        if query.other_year:
            return refusal(f"本文件是《{doc.title}》，文件中没有关于{query.other_year}的规定。", "out_of_scope")
        texts = [d.text for d in self.docs.values()] if doc.kind == "report" else [doc.text]
        money = r"\d\s*(?:万元|亿元|元)|(?:费|资金|经费|薪酬|报酬|补贴|补助|奖补|奖励|预算)[^。；]{0,30}\d+(?:\.\d+)?\s*[%％]"
        if query.out_of_scope == "money" and not any(re.search(money, t) for t in texts):
            return refusal("文件中没有关于经费、报酬、金额等具体数额的规定。", "out_of_scope")
        if query.missing_items:
            from ..schema import cn_number

            return refusal(f"文件共列出{len(doc.items)}项工作，没有第（{cn_number(query.missing_items[0])}）项。", "out_of_scope")
        return None

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
        w, flag = words[-1]
        if w[0] in "要会能该可得":
            return ""
        if not flag.startswith("n") or len(w) < 2 or w in NON_TOPIC or not re.fullmatch(r"[\u4e00-\u9fff]+", w):
            return ""
        if w in self.corpus_folded or pinyin(w) in self.corpus_pinyin:
            return ""
        return w

    def reference_lookup(self, query: Query, hits: list[Hit]) -> Answer | None:
        """A cited document asked about by its name or by the item it supports:
        "推行政府法律顾问制度的实施意见是哪个文号", "这条依据什么文件"."""
        if query.meta_field not in ("basis", "doc_number", "title", ""):
            return None
        doc = self.default
        candidates: list[tuple[Item | None, Fact]] = [(None, f) for f in doc.preamble_refs]
        candidates += [(it, f) for it in doc.items for f in it.facts_of("reference")]
        if query.followup and query.history_items:
            item = doc.item(query.history_items[0])
            return self.references(doc, item) if item else None
        from ..retrieval.query import bigrams, names_other_document

        if query.meta_field == "doc_number":
            # A 文号 question is answered only by a document cited with its number.
            candidates = [(it, f) for it, f in candidates if f.value.get("number")]
        # Words of the notice's own title ("郑州市政府这个文件") name no cited document.
        own = bigrams(fold(doc.title + doc.meta.title + doc.meta.points_title))
        q = bigrams(fold(query.search_text)) - bigrams("文号依据文件制定根据哪个什么多少") - own
        best, best_score = None, 0
        for it, f in candidates:
            score = len(q & bigrams(fold(f.value.get("title", "") + f.text)))
            if score > best_score:
                best, best_score = (it, f), score
        if best is None or best_score < 3:
            # "审计全覆盖依据什么文件": the item the question is about, when it cites a document.
            if query.meta_field == "basis" and hits and hits[0].key[1] == "item":
                q_topic = q - bigrams(fold(doc.title))
                item = self.docs[hits[0].key[0]].item(hits[0].key[2])
                if item and item.facts_of("reference") and len(q_topic & bigrams(fold(item.text))) >= 2:
                    return self.references(doc, item)
            if query.meta_field == "doc_number" and names_other_document(fold(query.search_text), doc):
                # The 文号 of a document the notice does not cite with a number (or at all).
                return refusal("文件中没有写明所问文件的文号。", "not_stated")
            return None
        it, f = best
        d = Draft()
        number = f.value.get("number") or ""
        title = f.value.get("title") or ""
        lead = f"《{title}》的文号是{number}" if number and title else (f"文号是{number}" if number else f"所引文件为《{title}》")
        if it is None:
            p = self.section_passages[(doc.doc_id, "preamble")]
            d.add(f"{lead}{d.cite(p)}。原文：“{quote(p.text, f.text, 160)}”{d.cite(p)}")
            return d.answer("reference")
        marker = d.cite(self.sentence_passage(doc.doc_id, it.number, f.sentence))
        d.add(f"{lead}{marker}。根据{self.name(it)}：“{quote(it.sentences[f.sentence], f.text, 160)}”{marker}")
        return d.answer("reference", (it.number,))

    def which_chapter(self, doc: Document, item: Item) -> Answer:
        ch = doc.chapter(item.chapter)
        if ch is None:
            return refusal(f"{self.name(item)}不属于任何章节。", "which_chapter")
        d = Draft()
        section = self.chapter_passage(doc, ch)
        marker = d.cite(section) if section else ""
        titles = "、".join(doc.item(i).ref for i in ch.items)
        d.add(f"{self.name(item)}属于“{ch.ref}”{marker}，这一部分共{len(ch.items)}项工作：{titles}。")
        return d.answer("which_chapter", (item.number,))

    def section(self, query: Query, hit: Hit) -> Answer:
        """A question answered by the preamble, header or footer: quote its best sentence."""
        from ..documents import split_sentences

        p = hit.passage
        sentences = [s for s in split_sentences(p.text) if s.strip()]
        q = set(self.tokens(query.search_text))
        # A question about what is asked of someone wants the sentence that asks (请……执行).
        asks = bool(re.search(r"要求|怎么做|做什么|干什么|怎么办", query.search_text))
        best = max(sentences, key=lambda s: (asks and bool(re.search(r"请|要求|务必|应当|必须", s)), len(q & set(self.tokens(s)))))
        d = Draft()
        d.add(f"根据文件{p.ref}：“{quote(best, '', 160)}”{d.cite(p)}")
        return d.answer("section")

    def target(self, query: Query, hits: list[Hit]):
        for h in hits:
            if h.key[1] == "item":
                doc = self.docs[h.key[0]]
                item = doc.item(h.key[2])
                if item is not None:
                    return doc, item
        return None

    # -- intents

    def deadline(self, query: Query, doc: Document, item: Item) -> Answer:
        facts = item.deadlines + item.facts_of("limit") + item.facts_of("open")
        if re.search(r"(?:什么时候|何时|哪年|哪个月|几月)(?:开始|起)|从什么时候|自什么时候", query.search_text):
            # "从什么时候开始执行": a start date (自2016年1月起) answers it.
            facts = [f for f in item.facts_of("period") if "起" in f.text] + facts
        if re.search(r"多久.{0,4}一次|多长时间.{0,4}一次|频次|频率|每隔", query.search_text):
            # "多久检查一次": how often, answered by a recurring period (每半年).
            facts = item.facts_of("period") + facts
        if not facts:
            return refusal(f"文件没有为{self.name(item)}规定具体的完成时间。", "deadline")
        d = Draft()
        ranked = self.rank_facts(query, doc, item, facts)
        fact = ranked[0]
        sentence = item.sentences[fact.sentence]
        # The fact sentence carries its own marker; the ISO form of the date is left out
        # because the notice never writes it (only "2017年底前").
        marker = d.cite(self.sentence_passage(doc.doc_id, item.number, fact.sentence))
        d.add(f"{fact.text}{marker}。根据{self.name(item)}：“{quote(sentence, fact.text)}”{marker}")
        for other in ranked[1:3]:
            if other.sentence != fact.sentence:
                s = item.sentences[other.sentence]
                d.add(f"另：“{quote(s, other.text)}”{d.cite(self.sentence_passage(doc.doc_id, item.number, other.sentence))}")
        d.add(self.suffix(doc))
        return d.answer("deadline", (item.number,))

    def unit(self, query: Query, doc: Document, item: Item) -> Answer:
        actor_facts = item.facts_of("actor")
        d = Draft()
        if not actor_facts:
            best = self.best_sentence(query, doc, item)
            sentence = item.sentences[best]
            d.add(f"{self.name(item)}没有单独列明责任单位。相关原文：“{quote(sentence, self.focus(query, sentence))}”")
            d.add(d.cite(self.sentence_passage(doc.doc_id, item.number, best)))
            d.add(self.suffix(doc))
            return d.answer("unit", (item.number,))
        by_sentence: dict[int, list[Fact]] = {}
        for f in actor_facts:
            by_sentence.setdefault(f.sentence, []).append(f)
        best = self.best_sentence(query, doc, item)
        if best not in by_sentence and not any(f.role for f in actor_facts):
            # The sentence that answers names people or bodies we do not list as units
            # (行政首长, 主要负责人): quote it rather than a unit from another sentence.
            sentence = item.sentences[best]
            d.add(f"根据{self.name(item)}：“{quote(sentence, self.focus(query, sentence))}”{d.cite(self.sentence_passage(doc.doc_id, item.number, best))}")
            d.add(self.suffix(doc))
            return d.answer("unit", (item.number,))
        chosen = [best]
        # Role lines (责任单位/牵头单位/配合单位) answer "who" completely: take them all.
        roles = [s for s in by_sentence if any(f.role for f in by_sentence[s])]
        if roles:
            chosen = roles
        units: list[str] = []
        for s in chosen:
            for f in by_sentence[s]:
                label = f"{f.value}（{f.role}）" if f.role else f.value
                if label not in units:
                    units.append(label)
        markers = "".join(d.cite(self.sentence_passage(doc.doc_id, item.number, s)) for s in chosen)
        d.add("、".join(units) + f"{markers}。根据{self.name(item)}：")
        if roles and 0 not in chosen and item.sentences:
            # A label line names units but not the work: quote the task's first sentence too.
            d.add(f"“{quote(item.sentences[0], self.focus(query, item.sentences[0]))}”{d.cite(self.sentence_passage(doc.doc_id, item.number, 0))}")
        for s in chosen:
            focus = by_sentence[s][0].text
            d.add(f"“{quote(item.sentences[s], focus)}”{d.cite(self.sentence_passage(doc.doc_id, item.number, s))}")
        d.add(self.suffix(doc))
        return d.answer("unit", (item.number,))

    def quantity(self, query: Query, doc: Document, item: Item) -> Answer:
        facts = item.facts_of("quantity")
        if not facts:
            counted = _counted_span(query.search_text, item)
            if counted is None:
                return refusal(f"文件没有为{self.name(item)}规定具体的次数或数量要求。", "quantity")
            # A count written into a name ("一平台、两抓手"): not a requirement, but it answers.
            span, idx = counted
            d = Draft()
            marker = d.cite(self.sentence_passage(doc.doc_id, item.number, idx))
            d.add(f"{span}{marker}。根据{self.name(item)}：“{quote(item.sentences[idx], span)}”{marker}")
            d.add(self.suffix(doc))
            return d.answer("quantity", (item.number,))
        q = set(self.tokens(query.search_text))
        scored = []
        for f in facts:
            clause = f.value.get("counted", "") + f.text
            sentence = item.sentences[f.sentence]
            scored.append((len(q & set(self.tokens(clause))) + 0.2 * len(q & set(self.tokens(sentence))), f))
        best = max(s for s, _ in scored)
        chosen = [f for s, f in scored if s >= best - 0.5][:3]
        d = Draft()
        d.add("；".join(
            f"{f.value.get('counted') + '：' if f.value.get('counted') and len(f.value.get('counted')) <= 16 else ''}{f.text}{d.cite(self.sentence_passage(doc.doc_id, item.number, f.sentence))}"
            for f in chosen
        ))
        d.add(f"。根据{self.name(item)}：")
        done = set()
        for f in chosen:
            if f.sentence in done:
                continue
            done.add(f.sentence)
            d.add(f"“{quote(item.sentences[f.sentence], f.text)}”{d.cite(self.sentence_passage(doc.doc_id, item.number, f.sentence))}")
        d.add(self.suffix(doc))
        return d.answer("quantity", (item.number,))

    def references(self, doc: Document, item: Item) -> Answer:
        refs = item.facts_of("reference")
        if not refs:
            return refusal(f"文件没有为{self.name(item)}列出具体的依据文件。", "reference")
        d = Draft()
        markers = "".join(d.cite(self.sentence_passage(doc.doc_id, item.number, s)) for s in sorted({f.sentence for f in refs}))
        d.add("依据" + "、".join(f.text for f in refs) + f"{markers}。根据{self.name(item)}：")
        for s in sorted({f.sentence for f in refs}):
            d.add(f"“{quote(item.sentences[s], refs[0].text)}”{d.cite(self.sentence_passage(doc.doc_id, item.number, s))}")
        return d.answer("reference", (item.number,))

    def whole_item(self, doc: Document, item: Item) -> Answer:
        d = Draft()
        chapter = self.chapter_ref(doc, item)
        section = self.chapter_passage(doc, doc.chapter(item.chapter))
        if chapter and section:
            d.add(f"{item.label}是「{item.title}」，属于“{chapter}”{d.cite(section)}。原文：")
        else:
            d.add(f"{item.label}是「{item.title}」。原文：")
        # One quote per sentence, each citing its own sentence: every quoted claim is
        # backed by the passage its marker points to.
        for i, sentence in enumerate(item.sentences):
            d.add(f"“{quote(sentence, max_len=len(sentence))}”{d.cite(self.sentence_passage(doc.doc_id, item.number, i))}")
        d.add(self.suffix(doc))
        return d.answer("item", (item.number,))

    def content(self, query: Query, doc: Document, item: Item) -> Answer:
        d = Draft()
        order = self.rank_sentences(query, doc, item, list(range(len(item.sentences))))
        chosen = sorted(order[:2]) if len(item.sentences) > 1 else [0]
        d.add(f"{self.name(item)}要求：")
        quotes = []
        for s in chosen:
            sentence = item.sentences[s]
            quotes.append(f"“{quote(sentence, self.focus(query, sentence))}”{d.cite(self.sentence_passage(doc.doc_id, item.number, s))}")
        d.add("".join(quotes))
        d.add(self.suffix(doc))
        return d.answer("content", (item.number,))

    def chapter(self, query: Query) -> Answer:
        d = Draft()
        doc = self.default
        numbers = []
        for n in query.chapters:
            ch = doc.chapter(n)
            if ch is None:
                continue
            section = self.chapter_passage(doc, ch)
            titles = "、".join(f"{doc.item(i).ref}" for i in ch.items)
            marker = d.cite(section) if section else ""
            d.add(f"第{ch.ref.split('、')[0]}部分「{ch.title}」{marker}共有{len(ch.items)}项工作：{titles}。")
            numbers.extend(ch.items)
        if not numbers:
            return refusal(f"文件共{len(doc.chapters)}个部分，没有您问的这一部分。", "chapter")
        return d.answer("chapter", numbers)

    def count(self, query: Query) -> Answer:
        doc = self.default
        d = Draft()
        styles = [it.style for it in doc.items]
        main = max(set(styles), key=styles.count) if styles else ""
        numbered = [it for it in doc.items if it.style == main]
        # Tasks numbered in one style (1.…24.) besides parts that are tasks only because
        # nothing is numbered under them: say both.
        extra = f"，其中编号为{numbered[0].marker}至{numbered[-1].marker}的具体任务{len(numbered)}项" if len(numbered) != len(doc.items) and len(numbered) >= 2 and numbered[0].marker else ""
        # The counts are read off the tree; each part cites its own heading as it stands.
        chapters = "；".join(f"{c.ref}{d.cite(p) if (p := self.chapter_passage(doc, c)) else ''}" for c in doc.chapters)
        if re.search(r"部分|大项|章|板块|方面", query.search_text) and not re.search(r"多少项工作|几项工作|多少条工作", query.search_text):
            d.add(f"文件共分{len(doc.chapters)}个部分，合计{len(doc.items)}项工作{extra}。分别是：{chapters}。")
        else:
            d.add(f"文件共列出{len(doc.items)}项工作{extra}，分为{len(doc.chapters)}个部分。分别是：{chapters}。")
        return d.answer("count", [i.number for i in doc.items])

    def listing(self, query: Query, hits: list[Hit]) -> Answer | None:
        """Aggregations answered from the parsed structure: every item with a deadline,
        with a figure, naming a unit, citing a document, or mentioning a term.
        None when the question is not such a list."""
        text = fold(query.search_text)
        if not re.search(r"哪些|哪几|有几项|多少项|几项|几条|都有|分别|列出|列举|列一下|所有|全部", text):
            return None
        doc = self.default
        terms = _asked_terms(text)
        if terms:
            return self.items_mentioning(doc, terms, title_only=bool(re.search(r"标题", text)))
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
                f"{it.ref}：{f.text}{d.cite(self.sentence_passage(doc.doc_id, it.number, f.sentence))}" for it, f in rows
            ))
            d.add("。")
            return d.answer("list", [it.number for it, _ in rows])
        if re.search(r"次数|几次|多少次|期数|几期|数量要求|频次|量化|硬指标", text):
            rows = [(it, f) for it in doc.items for f in it.facts_of("quantity") if f.value.get("unit") in ("次", "期")]
            topic = [u for u in self.known_units + ["常务会议", "领导干部", "讲座", "培训"] if fold(u) in text]
            if topic:
                rows = [(it, f) for it, f in rows if any(fold(t) in fold(it.sentences[f.sentence]) for t in topic)] or rows
            if not rows:
                return None
            d = Draft()
            d.add(f"有{len({it.number for it, _ in rows})}项工作提出了次数或期数要求：")
            d.add("；".join(f"{it.ref}：{f.text}{d.cite(self.sentence_passage(doc.doc_id, it.number, f.sentence))}" for it, f in rows))
            d.add("。")
            return d.answer("list", sorted({it.number for it, _ in rows}))
        unit = next((u for u in self.known_units if fold(u) in text), "")
        if unit and re.search(r"哪些工作|哪几项|哪些任务|哪些事|承担|负责哪些|要做哪些|干哪些", text):
            rows = [(it, f) for it in doc.items for f in it.facts_of("actor") if f.value == unit]
            if rows:
                d = Draft()
                d.add(f"文件中明确由“{unit}”承担的工作有{len({it.number for it, _ in rows})}项：")
                seen, parts = set(), []
                for it, f in rows:
                    if it.number in seen:
                        continue
                    seen.add(it.number)
                    parts.append(f"{it.ref}{d.cite(self.sentence_passage(doc.doc_id, it.number, f.sentence))}")
                d.add("；".join(parts) + "。")
                return d.answer("list", sorted(seen))
        return None

    def items_mentioning(self, doc: Document, terms: list[str], title_only: bool = False) -> Answer:
        rows = []
        for it in doc.items:
            haystack = fold(it.title) if title_only else fold(it.title + it.text)
            hit = [t for t in terms if fold(t) in haystack]
            if hit:
                idx = next((i for i, s in enumerate(it.sentences) if any(fold(t) in fold(s) for t in hit)), 0)
                rows.append((it, idx))
        shown = "”或“".join(terms)
        if not rows:
            return refusal(f"文件中没有{'标题' if title_only else '内容'}提到“{shown}”的工作。", "list")
        d = Draft()
        d.add(f"{'标题' if title_only else '内容'}提到“{shown}”的工作有{len(rows)}项：")
        d.add("；".join(f"{it.ref}{d.cite(self.sentence_passage(doc.doc_id, it.number, i))}" for it, i in rows))
        d.add("。")
        return d.answer("list", [it.number for it, _ in rows])

    def all_references(self, doc: Document) -> Answer:
        d = Draft()
        parts = []
        p = self.section_passages.get((doc.doc_id, "preamble"))
        for f in doc.preamble_refs:
            parts.append(f"{f.text}（制定依据）{d.cite(p) if p else ''}")
        for it in doc.items:
            for f in it.facts_of("reference"):
                parts.append(f"{f.text}（{it.ref}）{d.cite(self.sentence_passage(doc.doc_id, it.number, f.sentence))}")
        if not parts:
            return refusal("文件中没有引用其他文件。", "list")
        d.add(f"文件引用了{len(parts)}份文件：" + "；".join(parts) + "。")
        return d.answer("list", sorted({c.item for c in d.citations if c.item}))

    def meta(self, query: Query) -> Answer:
        doc = self.default
        m = doc.meta
        field_name = query.meta_field
        d = Draft()
        if field_name == "basis":
            p = self.section_passages.get((doc.doc_id, "preamble"))
            if not p or not doc.preamble_refs:
                return refusal("文件中没有写明制定依据。", "meta")
            refs = "和".join(f.text for f in doc.preamble_refs)
            d.add(f"本工作要点根据{refs}制定{d.cite(p)}。原文：“{quote(p.text, doc.preamble_refs[0].text, 160)}”{d.cite(p)}")
            return d.answer("meta")
        values = {
            "doc_number": ("文号是", m.doc_number, "header"),
            "issuer": ("发文机关是", m.issuer, "header"),
            "title": ("文件标题是", m.title and f"《{m.title}》", "header"),
            "recipients": ("主送单位是", m.recipients, "header"),
            "signing_date": ("成文日期是", m.signing_date and _cn_date(m.signing_date), "header"),
            "sponsor": ("主办单位是", m.sponsor, "footer"),
            "supervisor": ("督办单位是", m.supervisor, "footer"),
            "cc": ("抄送", "、".join(m.cc), "footer"),
            "printer": ("由", m.printer and f"{m.printer}印发", "footer"),
            "printing_date": ("印发日期是", m.printing_date and _cn_date(m.printing_date) + (f"，由{m.printer}印发" if m.printer else ""), "footer"),
        }
        from ..retrieval.query import META_FIELDS

        # "哪个单位发的，哪天": every header field the question asks, the first one first.
        text = fold(query.search_text)
        asked = [field_name] + [name for name, pattern, _ in META_FIELDS if name != field_name and name in values and pattern.search(text)]
        if field_name in ("issuer", "recipients") and re.search(r"哪天|啥时候|什么时候|日期", text) and "signing_date" not in asked:
            asked.append("signing_date")
        if field_name == "signing_date" and re.search(r"发给|主送|哪些单位", text) and "recipients" not in asked:
            asked.append("recipients")
        for name in asked:
            lead, value, kind = values.get(name, ("", "", "header"))
            p = self.section_passages.get((doc.doc_id, kind))
            if not value or p is None:
                if name == field_name:
                    return refusal("文件中没有写明这一项信息。", "meta")
                continue
            line = _line_with(p.text, name, m)
            d.add(f"{'；' if d.parts else ''}{lead}{value}{d.cite(p)}。原文：“{line}”{d.cite(p)}")
        return d.answer("meta")

    # -- ranking inside an item

    def rank_sentences(self, query: Query, doc: Document, item: Item, candidates: list[int]) -> list[int]:
        ranked = self.searcher.best_sentences(doc.doc_id, item.number, query.search_text, n=len(item.sentences))
        order = [p.sentence for p, _ in ranked if p.sentence in candidates]
        return order + [c for c in candidates if c not in order]

    def focus(self, query: Query, sentence: str) -> str:
        """The clause of a sentence that shares most words with the question: the quote is
        cut around it, so a long sentence shows its relevant part."""
        q = set(self.tokens(query.search_text))
        clauses = [c for c in CLAUSE.findall(sentence) if c.strip()]
        if not clauses:
            return ""
        return max(clauses, key=lambda c: len(q & set(self.tokens(c))))

    def best_sentence(self, query: Query, doc: Document, item: Item) -> int:
        return self.rank_sentences(query, doc, item, list(range(len(item.sentences))))[0]

    def rank_facts(self, query: Query, doc: Document, item: Item, facts: list[Fact]) -> list[Fact]:
        order = self.rank_sentences(query, doc, item, sorted({f.sentence for f in facts}))
        return sorted(facts, key=lambda f: order.index(f.sentence))

    def suffix(self, doc: Document) -> str:
        name = self.doc_name(doc)
        return f"（见{name}）" if name else ""


RE_ASKED_TERM = re.compile(r"(?:提到|提及|涉及|包含|含有|出现|写到|讲到|带有?|以)(?:了)?[“\"「『]?([^“”\"「」『』？?，,。]{2,20}?)[”\"」』]?(?:的|开头|字样|这个词|一词|[?？。!！\s]*$)")


def _asked_terms(text: str) -> list[str]:
    """Terms a list question searches for: 哪几条提到了第三方评估或者第三方起草 -> [第三方评估, 第三方起草]."""
    quoted = re.findall(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", text)
    if quoted and re.search(r"提到|提及|涉及|包含|含有|出现|写到|讲到|带|以|开头", text):
        return quoted
    m = RE_ASKED_TERM.search(text)
    if not m:
        return []
    terms = [t.strip() for t in re.split(r"或者|或是|或|以及|和|、|及", m.group(1)) if len(t.strip()) >= 2]
    # "带文号的文件", "带期限的工作": a kind of fact to list, not a word to look for;
    # "涉及哪些单位": the question itself, not a term.
    return [t for t in terms if not FACT_KIND_WORDS.fullmatch(t) and not re.search(ASKING, t)]


FACT_KIND_WORDS = re.compile(r"文号|发文字号|期限|时限|截止(?:时间|日期)|完成时间|时间(?:节点|要求)|次数|期数|数量要求|责任单位|牵头单位")


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


def items_with_dates_upto(doc: Document, dates) -> list[int]:
    """Items whose deadline falls on or before the latest date a question names."""
    latest = max(iso for _, iso in dates)
    return [it.number for it in doc.items if any(f.value <= latest for f in it.deadlines)]


def _cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _line_with(section_text: str, field_name: str, meta) -> str:
    """The verbatim line of a header/footer section that states a field."""
    lines = section_text.split("\n")
    probes = {
        "doc_number": lambda l: "〔" in l and "号" in l,
        "issuer": lambda l: l.endswith("文件") or l == meta.issuer,
        "title": lambda l: "关于" in l,
        "recipients": lambda l: l.endswith("：") or l.endswith(":"),
        "signing_date": lambda l: re.fullmatch(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", l) is not None,
        "sponsor": lambda l: l.startswith("主办"),
        "supervisor": lambda l: l.startswith("督办"),
        "cc": lambda l: l.startswith("抄送"),
        "printer": lambda l: l == meta.printer,
        "printing_date": lambda l: l.endswith("印发"),
    }
    probe = probes.get(field_name)
    chosen = [i for i, l in enumerate(lines) if probe and probe(l)]
    if not chosen:
        return lines[0]
    i = chosen[0]
    if field_name == "cc":
        # the 抄送 list continues on following lines until the printer line
        j = i + 1
        while j < len(lines) and lines[j] != meta.printer and not lines[j].endswith("印发"):
            j += 1
        return "\n".join(lines[i:j])
    if field_name == "printing_date" and i > 0 and lines[i - 1] == meta.printer:
        return "\n".join(lines[i - 1 : i + 1])
    return lines[i]


# ---------------------------------------------------------------- optional LLM writer

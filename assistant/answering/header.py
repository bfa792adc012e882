"""Answers from the header and footer (文号, issuer, dates, 主送/抄送, 主办/督办) and about
the documents a notice cites (by name, by number, or by the task that cites them)."""

from __future__ import annotations

import re

from ..retrieval import Hit, Query
from ..index import fold
from ..schema import Answer, Document, Fact, Item
from .draft import Draft, quote, refusal
from . import task


# A question that points at the document's opening (开头引用的文件, 前言里提到的意见).
RE_OPENING = re.compile(r"开头|开篇|前言|导语|引言|第一段|一开始|篇首")


def reference_lookup(composer, query: Query, hits: list[Hit]) -> Answer | None:
    """A cited document asked about by its name or by the item it supports:
    "推行政府法律顾问制度的实施意见是哪个文号", "这条依据什么文件"."""
    if query.meta_field not in ("basis", "doc_number", "title", ""):
        return None
    doc = composer.default
    candidates: list[tuple[Item | None, Fact]] = [(None, f) for f in doc.preamble_refs]
    candidates += [(it, f) for it in doc.items for f in it.facts_of("reference")]
    if query.followup and query.history_items:
        item = doc.item(query.history_items[0])
        if item is not None and query.meta_field == "doc_number" and not any(f.value.get("number") for f in item.facts_of("reference")):
            # "文号多少" after a turn about a task that cites no numbered document (or about
            # the cover, 是哪个机关发的): the document's own number.
            return None
        return task.references(composer, doc, item) if item else None
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
    fate = re.search(r"废止|作废|替代|取代|同时失效", fold(query.search_text))
    if (best is None or best_score < 3) and fate:
        # "这次废止的老文件文号是多少": the document cited in the sentence that repeals it.
        stated = [(it, f) for it, f in candidates if it is not None and re.search(r"废止|失效|替代|取代", it.sentences[f.sentence])]
        if len(stated) == 1:
            best, best_score = stated[0], 3
        else:
            repealed = _repealed_in_cover(composer, doc)
            if repealed is not None:
                return repealed
    if (best is None or best_score < 3) and RE_OPENING.search(fold(query.search_text)):
        # "方案开头引用的那份国务院文件": a document the preamble cites, the best matched
        # (by its issuer's or title's words), else the first.
        opening = [(it, f) for it, f in candidates if it is None]
        if opening:
            best = max(opening, key=lambda c: len(q & bigrams(fold(c[1].value.get("title", "") + c[1].text))))
            best_score = 3
    if best is None or best_score < 3:
        # "审计全覆盖依据什么文件": the item the question is about, when it cites a document.
        if query.meta_field == "basis" and hits and hits[0].key[1] == "item":
            q_topic = q - bigrams(fold(doc.title))
            item = composer.docs[hits[0].key[0]].item(hits[0].key[2])
            if item and item.facts_of("reference") and len(q_topic & bigrams(fold(item.text))) >= 2:
                return task.references(composer, doc, item)
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
        p = composer.section_passages[(doc.doc_id, "preamble")]
        d.add(f"{lead}{d.cite(p)}。原文：“{quote(p.text, f.text, 160)}”{d.cite(p)}")
        return d.answer("reference")
    marker = d.cite(composer.sentence_passage(doc.doc_id, it.number, f.sentence))
    d.add(f"{lead}{marker}。根据{composer.name(it)}：“{quote(it.sentences[f.sentence], f.text, 160)}”{marker}")
    return d.answer("reference", (it.number,))


def _repealed_in_cover(composer, doc: Document) -> Answer | None:
    """The document the cover notice repeals (《…》（沪府办〔2004〕49号）同时废止)."""
    from ..documents import split_sentences
    from ..documents.facts import references

    p = composer.section_passages.get((doc.doc_id, "header"))
    if p is None:
        return None
    for sentence in split_sentences(p.text):
        if not re.search(r"废止|失效", sentence):
            continue
        refs = references(sentence)
        if refs:
            span, value, _ = refs[0]
            number, title = value.get("number", ""), value.get("title", "")
            d = Draft()
            lead = f"同时废止的是《{title}》" + (f"，文号是{number}" if number else "") if title else f"同时废止的文件文号是{number}"
            d.add(f"{lead}{d.cite(p)}。原文：“{quote(sentence, span, 160)}”{d.cite(p)}")
            return d.answer("reference")
    return None


# A field a document often leaves out, and the one that answers instead (with a note).
FALLBACKS = {
    "printing_date": ("signing_date", "文件没有单列印发日期；"),
    "printer": ("issuer", "文件没有单列印发机关；"),
}


# A sentence that gives the basis: 根据《…》（…号）…精神, 依据…, 为贯彻落实《…》.
RE_BASIS_SENTENCE = re.compile(r"(?:根据|依据|按照|遵照|贯彻|落实)[^。]{0,200}?《")


def _basis_in_body(composer, doc: Document) -> Answer | None:
    """The basis stated in the body's first part (一、指导思想：…根据《…》…) when the document
    has no preamble that states it."""
    for item in doc.items[:3]:
        for i, sentence in enumerate(item.sentences):
            if not RE_BASIS_SENTENCE.search(sentence):
                continue
            refs = [f for f in item.facts_of("reference") if f.sentence == i]
            if not refs:
                continue
            d = Draft()
            marker = d.cite(composer.sentence_passage(doc.doc_id, item.number, i))
            d.add(f"本文件根据{'和'.join(f.text for f in refs)}制定{marker}。原文（{composer.name(item)}）：“{quote(sentence, refs[0].text, 200)}”{marker}")
            return d.answer("meta")
    return None


def _basis_in_cover(composer, doc: Document) -> Answer | None:
    """The basis the cover letter states (各处室：为…全面落实《…》《…》，结合实际，制定本方案)
    when the plan that follows has no preamble of its own."""
    from ..documents import split_sentences
    from ..documents.facts import references

    p = composer.section_passages.get((doc.doc_id, "header"))
    if p is None:
        return None
    for sentence in split_sentences(p.text):
        refs = [span for span, _, _ in references(sentence)] if RE_BASIS_SENTENCE.search(sentence) else []
        if refs:
            d = Draft()
            marker = d.cite(p)
            d.add(f"本文件根据{'和'.join(refs)}制定{marker}。原文（文件开头）：“{quote(sentence, refs[0], 200)}”{marker}")
            return d.answer("meta")
    return None


def field(composer, query: Query) -> Answer:
    doc = composer.default
    m = doc.meta
    field_name = query.meta_field
    d = Draft()
    if field_name == "basis":
        p = composer.section_passages.get((doc.doc_id, "preamble"))
        if not p or not doc.preamble_refs:
            stated = _basis_in_body(composer, doc) or _basis_in_cover(composer, doc)
            if stated is not None:
                return stated
            return refusal("文件中没有写明制定依据。", "meta")
        refs = "和".join(f.text for f in doc.preamble_refs)
        d.add(f"本文件根据{refs}制定{d.cite(p)}。原文：“{quote(p.text, doc.preamble_refs[0].text, 160)}”{d.cite(p)}")
        return d.answer("meta")
    if field_name == "effective":
        return effective(composer, doc, query)
    if field_name in ("adopted", "signer"):
        return cover_sentence(composer, doc, query)
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
        "contact": ("文件所附联系方式：", m.contact, "header"),
        "printing_date": ("印发日期是", m.printing_date and _cn_date(m.printing_date) + (f"，由{m.printer}印发" if m.printer else ""), "footer"),
    }
    from ..retrieval.query import META_FIELDS

    # "哪个单位发的，哪天": every header field the question asks, the first one first.
    text = fold(query.search_text)
    asked = [field_name] + [name for name, pattern, _ in META_FIELDS if name != field_name and name in values and pattern.search(text)]
    if field_name in ("issuer", "recipients") and re.search(r"哪一?天|啥时候|什么时候|日期|几号", text) and "signing_date" not in asked:
        asked.append("signing_date")
    if field_name == "signing_date" and re.search(r"发给|主送|哪些单位", text) and "recipients" not in asked:
        asked.append("recipients")
    forwarded = _forwarded_values(m)
    about_forwarded = bool(forwarded) and bool(RE_FORWARDED_ASKED.search(text))
    done = set()
    for name in asked:
        lead, value, kind = values.get(name, ("", "", "header"))
        p = composer.section_passages.get((doc.doc_id, kind))
        own = forwarded.get(name)
        if own and (about_forwarded or not value):
            # A forwarding notice: the forwarded notice's field when it is asked about, or
            # when this notice has none (a 转发 notice often carries no 文号 of its own).
            lead = ("" if about_forwarded or value else f"本通知没有标注{FIELD_NAMES[name]}；") + f"所转发的《{m.forwarded_title}》的{FIELD_NAMES[name]}是"
            value = own
            kind, p = "header", composer.section_passages.get((doc.doc_id, "header"))
        else:
            fallback = FALLBACKS.get(name)
            if (not value or p is None) and fallback and values[fallback[0]][1]:
                # Most documents print no 印发 line: the date and body that sign are the answer.
                name, note = fallback
                lead, value, kind = values[name]
                lead = note + lead
                p = composer.section_passages.get((doc.doc_id, kind))
        if name in done or (value and value in done):
            continue
        done.update((name, value))
        if not value or p is None:
            if name == field_name:
                return refusal("文件中没有写明这一项信息。", "meta")
            continue
        line = _line_holding(p.text, own) if own and value == own else _line_with(p.text, name, m)
        if name == "signing_date" and not _date_line(line):
            # The signature and date close the document (after the body), not its cover.
            foot = composer.section_passages.get((doc.doc_id, "footer"))
            if foot is not None and re.search(r"\d{4}\s*年\s*\d{1,2}\s*月", foot.text):
                p, line = foot, _line_with(foot.text, name, m)
        d.add(f"{'；' if d.parts else ''}{lead}{value}{d.cite(p)}。原文：“{line}”{d.cite(p)}")
        if own and value != own and name in ("doc_number", "issuer", "signing_date"):
            # Say the forwarded notice's too: the reader may mean either.
            d.add(f"；所转发的《{m.forwarded_title}》的{FIELD_NAMES[name]}是{own}{d.cite(p)}")
    cover_facts(composer, doc, query, d, only_extra=True)
    return d.answer("meta")


# When a document takes effect, and for how long: 本办法自2024年4月1日起实施，有效期5年.
RE_EFFECTIVE = re.compile(r"自[^。；，,]{2,30}?起(?:施行|实施|执行|生效)|自本(?:实施)?(?:方案|办法|意见|通知|细则|规定|措施|计划|要点|决定)(?:印发|发布|公布)之日起(?=[，,])|自\d{4}\s*年[^。；，,]{2,30}?(?:至|到)[^。；，,]{2,30}?(?:施行|实施|执行|有效)|有效期(?:为|至)?[^。；，,]{1,20}|(?:施行|实施)(?:日期|时间)(?:为|是)[^。；，,]{2,20}")


# The share of the question's own topic weight a sentence must hold to be the thing whose
# validity is asked rather than the document's (tuned on dev).
EFFECTIVE_TOPIC_SHARE = 0.3


# A thing whose validity is asked, other than the document: 许可证有效期, 资格有效期多久.
RE_THING_VALID = re.compile(r"(许可证|证书|执照|资格|资质|凭证|批准文件|批复|合同|协议|备案|认定|称号)(?:的)?有效期")


def effective(composer, doc: Document, query: Query) -> Answer:
    """The sentence that says from when (and until when) the document applies, usually in
    its last part; the spans answer, the sentence is quoted."""
    from .structure import title_passage

    # A sentence about the document itself (本方案自印发之日起实施) before any other (预审意见
    # 有效期为两年, in an attachment's procedure).
    own = re.compile(r"本(?:实施)?(?:方案|办法|意见|通知|细则|规定|措施|计划|要点|条例|规则|决定)")
    # A run-in heading (（二）本方案自印发之日起实施。如遇…) holds it in the task's title.
    found = [
        (it, i, sentence)
        for it in reversed(doc.items)
        for i, sentence in list(enumerate(it.sentences)) + [(-1, it.title)]
        if RE_EFFECTIVE.search(sentence)
    ]
    found = [x for x in found if own.search(x[2])] + [x for x in found if not own.search(x[2])]
    # The document's own start (本意见自印发之日起…), for a validity stated in a sentence apart.
    start = next((x for x in found if own.search(x[2]) and "有效" not in x[2] and re.search(r"自", x[2])), None)
    thing = RE_THING_VALID.search(fold(query.text))
    if thing:
        # "施工许可证有效期多久": a certificate's or a status's validity, not the document's:
        # a sentence that gives it, else the document does not say.
        kind = thing.group(1)
        found = [x for x in found if kind in x[2] and "有效" in x[2]]
        if not found:
            return refusal(f"文件没有写明{kind}的有效期。", "meta")
    if re.search(r"有效期|有效|过期|失效|到期", fold(query.text)):
        # "还在有效期里吗": the sentence that states how long it applies.
        found = [x for x in found if "有效" in x[2]] or found
    # "预审意见有效期是多长": a thing the question names, other than the document (its
    # title's words) and the words asking when, picks its own sentence.
    weights = composer.topic_weights(query.search_text, doc, also="有效期施行实施执行生效开始什么时候多长多久")
    if found and weights:
        score = lambda x: sum(weights.get(w, 0.0) for w in set(composer.tokens(x[2])))  # noqa: E731
        best = max(found, key=score)
        if score(best) > score(found[0]) and score(best) >= EFFECTIVE_TOPIC_SHARE * sum(weights.values()):
            found = [best]
    if not found:
        return refusal("文件中没有写明施行日期或有效期。", "meta")
    it, i, sentence = found[0]
    spans = [m.group(0) for m in RE_EFFECTIVE.finditer(sentence)]
    d = Draft()
    p = composer.sentence_passage(doc.doc_id, it.number, i) if i >= 0 else title_passage(composer, doc, it)
    marker = d.cite(p) if p is not None else ""
    d.add(f"{'，'.join(spans)}{marker}。根据{composer.name(it)}：“{quote(sentence, spans[0], 160)}”{marker}")
    if "有效" in sentence and not re.search(r"自", sentence) and start is not None and own.search(sentence):
        # 本意见有效期5年 with its start in another sentence: that one too.
        sp = composer.sentence_passage(doc.doc_id, start[0].number, start[1]) if start[1] >= 0 else title_passage(composer, doc, start[0])
        sentence = start[2]
        d.add(f"；“{quote(sentence, RE_EFFECTIVE.search(sentence).group(0), 160)}”{d.cite(sp) if sp is not None else ''}")
    issued = re.search(r"(印发|发布|公布)之日", sentence)
    date, kind, name = (doc.meta.printing_date, "footer", "印发日期") if doc.meta.printing_date else (doc.meta.signing_date, "header", "成文日期")
    at = composer.section_passages.get((doc.doc_id, kind))
    if issued and date and at is not None:
        # Counted from the day it was issued: that day, so the reader can count.
        d.add(f"。文件的{name}是{_cn_date(date)}{d.cite(at)}")
    d.add(composer.suffix(doc))
    return d.answer("meta", (it.number,))


# How a document was adopted (经…第162次常务会议审议通过, 经市政府研究同意) and who signed
# it (省长　马兴瑞 above the date of a government order).
RE_ADOPTED = re.compile(r"(?:会议|常务会议|常委会|办公会)[^。；]{0,24}(?:审议通过|讨论通过|通过|研究同意)|(?:审议通过|研究同意)")
RE_SIGNER = re.compile(r"^(?:省长|市长|区长|县长|州长|盟长|旗长|镇长|乡长|主任|局长|厅长|部长|署长|总理|主席)\s*[\u4e00-\u9fff]{2,4}$")


def cover_sentence(composer, doc: Document, query: Query) -> Answer:
    """A fact the cover (or the preamble) states in a sentence rather than a field: how the
    document was adopted, and who signed it; both when the question asks both."""
    d = Draft()
    if not cover_facts(composer, doc, query, d):
        return refusal("文件中没有写明这一项信息。", "meta")
    d.add(composer.suffix(doc))
    return d.answer("meta")


def cover_facts(composer, doc: Document, query: Query, d: Draft, only_extra: bool = False) -> bool:
    """Add to ``d`` the adoption sentence and the signer line the question asks for (with
    ``only_extra``: asked besides another field). Whether any was found."""
    from ..documents import split_sentences

    text = fold(query.search_text)
    asks_signer = query.meta_field == "signer" and not only_extra or bool(re.search(r"谁签|签发人|签署人|签字", text))
    asks_adopted = query.meta_field == "adopted" and not only_extra or bool(re.search(r"会议|审议通过", text))
    found = []
    for kind in ("header", "preamble"):
        p = composer.section_passages.get((doc.doc_id, kind))
        if p is None:
            continue
        for sentence in split_sentences(p.text):
            flat = sentence.strip()
            if asks_adopted and "adopted" not in found and RE_ADOPTED.search(flat):
                d.add(f"{'；' if d.parts else ''}“{quote(flat, RE_ADOPTED.search(flat).group(0), 160)}”{d.cite(p)}")
                found.append("adopted")
            elif asks_signer and "signer" not in found and RE_SIGNER.match(flat):
                d.add(f"{'；' if d.parts else ''}签署人：“{flat}”{d.cite(p)}")
                found.append("signer")
    return bool(found)


# A question about the notice that is forwarded (省里的原文件, 被转发的通知).
RE_FORWARDED_ASKED = re.compile(r"原文件|原件|原通知|被转发|所转发|转发的(?:那个|这个|那份|这份)?(?:文件|通知)|上级(?:文件|通知)|省里的|市里的")
FIELD_NAMES = {"doc_number": "文号", "issuer": "发文机关", "signing_date": "成文日期", "title": "标题", "printing_date": "印发日期"}


def _forwarded_values(meta) -> dict[str, str]:
    """Header fields of the notice a forwarding notice forwards, as answers give them."""
    if not meta.forwarded_title:
        return {}
    out = {
        "doc_number": meta.forwarded_number,
        "issuer": meta.forwarded_issuer,
        "title": f"《{meta.forwarded_title}》",
        "signing_date": meta.forwarded_date and _cn_date(meta.forwarded_date),
    }
    out["printing_date"] = out["signing_date"]
    return {k: v for k, v in out.items() if v}


def _line_holding(section_text: str, value: str) -> str:
    """The line of a section that states a value (a date written as 2023年1月4日)."""
    plain = re.sub(r"[《》\s]", "", value)
    for line in section_text.split("\n"):
        if plain and plain in re.sub(r"\s", "", line):
            return line
    return section_text.split("\n")[0]


def _cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _date_line(line: str) -> str:
    """The date a line gives alone (2017年3月23日, 二〇二五年三月二十三日, in brackets or not)."""
    from ..documents.header import iso_date

    return iso_date(re.sub(r"^\s*[（(]|[）)]\s*$", "", line))


def _line_with(section_text: str, field_name: str, meta) -> str:
    """The verbatim line of a header/footer section that states a field."""
    lines = section_text.split("\n")
    probes = {
        "doc_number": lambda l: "〔" in l and "号" in l or re.fullmatch(r"[（(]?\s*第\s*\d{1,4}\s*号\s*[）)]?", l.strip()) is not None,
        "issuer": lambda l: l.endswith("文件") or l == meta.issuer,
        "title": lambda l: "关于" in l,
        "recipients": lambda l: l.endswith("：") or l.endswith(":"),
        "signing_date": lambda l: bool(_date_line(l)),
        "sponsor": lambda l: l.startswith("主办"),
        "supervisor": lambda l: l.startswith("督办"),
        "cc": lambda l: l.startswith("抄送"),
        "printer": lambda l: l == meta.printer,
        "printing_date": lambda l: l.endswith("印发"),
        "contact": lambda l: meta.contact and meta.contact in l,
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

"""Validity checks: a question is fit for a quiz only when the cited sentence supports its
answer verbatim, no wrong option could also be right, and its options are distinct."""

from __future__ import annotations

import unicodedata

from ..schema import Document
from .analysis import analyse
from .distractors import conflict, count_of, deadline_value, doc_year, option_key
from .questions import (
    FALSE,
    LETTERS,
    LINE_MARK,
    TRUE,
    TYPES,
    QuizQuestion,
    normalise_text,
    unquote,
)


def validate(question: QuizQuestion, doc: Document) -> list[str]:
    """Problems that make ``question`` unfit for a quiz (empty when it is fine): the answer
    must be supported verbatim by the cited sentence, no wrong option may also be right,
    options must be distinct, a blank must be a meaningful term.

    >>> validate(build_quiz(doc, n=1)[0], doc)  # doctest: +SKIP
    []
    """
    q = question
    if q.type not in TYPES:
        return [f"未知题型：{q.type}"]
    item = doc.item(q.item_number)
    if item is None or item.ref != q.item:
        return [f"出处不存在：{q.item}"]
    if q.sentence not in item.sentences:
        return [f"引用的原句不在{item.ref}中"]
    index = item.sentences.index(q.sentence)
    problems: list[str] = []
    if f"“{q.sentence}”" not in q.explanation:
        problems.append("解析没有完整引用原句")
    year = doc_year(doc)
    analysis = analyse(item)
    here = [t for t in analysis.terms if t.sentence == index]
    opts = list(q.options)
    if q.type in ("single", "multi"):
        if len({option_key(q.kind, o) for o in opts}) != len(opts) or any(not o.strip() for o in opts):
            problems.append("选项为空或有重复（含同一单位的不同写法）")
    if q.type == "single":
        if len(opts) != 4:
            problems.append(f"单选题应有 4 个选项，实有 {len(opts)} 个")
        if len(q.answer) != 1 or q.answer not in LETTERS[: len(opts)]:
            return problems + [f"答案“{q.answer}”不是有效的选项字母"]
        right = opts[LETTERS.index(q.answer)]
        if q.kind == "location":
            pieces = unquote(q.context)
            if not pieces or not all(p in q.sentence for p in pieces):
                problems.append("引文与原句不符")
            if right != item.ref:
                problems.append(f"正确选项“{right}”不是出处{item.ref}")
            refs = {it.ref: it for it in doc.items}
            for o in opts:
                if o == right:
                    continue
                other = refs.get(o)
                if other is None:
                    problems.append(f"选项“{o}”不是本通知的条目")
                elif all(p in other.text for p in pieces):
                    problems.append(f"引文同样出现在{o}中")
            return problems
        if q.context.count(LINE_MARK) != 1:
            return problems + ["题干中应恰有一处横线"]
        if not all(p in q.sentence for p in unquote(q.context.replace(LINE_MARK, right))):
            problems.append(f"正确答案“{right}”填入后与原句不符")
        term = next((t for t in here if t.text == right), None)
        if term is None:
            problems.append(f"正确答案“{right}”不是原句中的事实或列举词语")
            return problems
        siblings = analysis.siblings(term)
        for o in opts:
            if o != right:
                reason = conflict(term.kind, right, o, item, index, year, siblings)
                if reason:
                    problems.append(reason)
    elif q.type == "multi":
        letters = q.answer
        if not letters or any(ch not in LETTERS[: len(opts)] for ch in letters) or len(set(letters)) != len(letters):
            return problems + [f"答案“{letters}”不是有效的选项字母"]
        if "".join(sorted(letters)) != letters:
            problems.append("多选答案字母应按顺序排列")
        if not 2 <= len(letters) < len(opts):
            problems.append("多选题应有至少 2 个正确选项和至少 1 个错误选项")
        rights = [opts[LETTERS.index(ch)] for ch in letters]
        wrongs = [o for i, o in enumerate(opts) if LETTERS[i] not in letters]
        enum = next(
            (e for e in analysis.enums if e.sentence == index and set(rights) <= {m.text for m in e.members}), None
        )
        if enum is None:
            return problems + ["正确选项不全是原句列举的内容"]
        if q.context.count(LINE_MARK) != 1 or not all(
            p in q.sentence for p in unquote(q.context.replace(LINE_MARK, q.sentence[enum.start : enum.end]))
        ):
            problems.append("题干与原句不符")
        siblings = [m.text for m in enum.members]
        kind = "actor" if q.kind == "actor" else "member"
        for w in wrongs:
            reason = conflict(kind, rights[0], w, item, index, year, siblings)
            if reason:
                problems.append(reason)
    elif q.type == "tf":
        if q.answer not in (TRUE, FALSE):
            return problems + [f"判断题答案应为“对”或“错”，实为“{q.answer}”"]
        if q.answer == TRUE:
            if q.change:
                problems.append("正确的判断题不应有改动")
            if not all(p in q.sentence for p in unquote(q.context)):
                problems.append("判断题陈述与原句不符")
            return problems
        if len(q.change) != 2:
            return problems + ["错误的判断题应记录改动（原词、改后词）"]
        orig, repl = q.change
        term = next((t for t in here if t.text == orig), None)
        if term is None:
            return problems + [f"被改动的“{orig}”不是原句中的事实或列举词语"]
        if q.context.count(repl) != 1 or repl in q.sentence:
            problems.append(f"改后词“{repl}”应在陈述中恰好出现一次且不在原句中")
        if not all(p in q.sentence for p in unquote(q.context.replace(repl, orig, 1))):
            problems.append("还原改动后与原句不符")
        notice = normalise_text(doc.preamble + "".join(it.text for it in doc.items))
        if any(repl in p and normalise_text(p) in notice for p in unquote(q.context)):
            problems.append("改动后的陈述在通知中出现，可能仍然正确")
        if term.kind == "deadline":
            before, after = deadline_value(orig, year), deadline_value(repl, year)
            if not before or not after or after >= before:
                problems.append(f"改后期限“{repl}”应早于原文“{orig}”，否则陈述可能仍然成立")
        elif term.kind == "quantity":
            n, m = count_of(orig), count_of(repl)
            cmp_ = term.value["comparator"]
            if m is None or m == n or (cmp_ in (">=", ">") and m < n) or (cmp_ in ("<=", "<") and m > n):
                problems.append(f"改后数量“{repl}”会让陈述仍然成立")
        elif term.kind == "member":
            enum = analysis.enum_of(term)
            if enum is None or enum.open:
                problems.append("“等”字列举中替换的词可能仍被涵盖")
        if term.kind in ("actor", "member", "reference", "docnumber"):
            reason = conflict(term.kind, orig, repl, item, index, year, analysis.siblings(term))
            if reason:
                problems.append(reason)
    else:
        ans = q.answer
        if len(ans) < 2:
            problems.append(f"填空答案“{ans}”少于 2 个字")
        if not any(unicodedata.category(ch)[0] in "LN" for ch in ans):
            problems.append("填空答案不能只是标点")
        if len(ans) >= len(q.sentence.rstrip("。；;")) - 1:
            problems.append("不能把整句挖空")
        if q.context.count(LINE_MARK) != 1 or not all(p in q.sentence for p in unquote(q.context.replace(LINE_MARK, ans))):
            problems.append("答案填入后与原句不符")
        if not any(t.text == ans for t in here):
            problems.append(f"填空答案“{ans}”不是原句中的事实片段或列举词语")
    return problems

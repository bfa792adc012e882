"""The optional LLM writer: any OpenAI-compatible chat model rewrites the extractive
answer; every sentence it cites is checked against the cited passage, and the extractive
answer is kept when a check fails."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from importlib import resources

from ..schema import Answer, Passage

log = logging.getLogger(__name__)


RE_MARK = re.compile(r"\[(\d+)\]")
RE_CHECKABLE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:底|末)?|\d+(?:\.\d+)?\s*[%％次期项个名人天日]?|〔\d{4}〕\d+号")


def verify_citations(text: str, citations: list[Passage], unit_names: list[str]) -> list[str]:
    """Problems with an answer's citations: each sentence with a marker must have its
    numbers, dates and unit names in a cited passage; markers must point to a passage;
    sentences stating numbers must cite. Empty list when the answer checks out."""
    problems = []
    sentences = [s for s in re.split(r"(?<=[。！？；\n])", text) if s.strip()]
    for s in sentences:
        marks = [int(m) for m in RE_MARK.findall(s)]
        bare = RE_MARK.sub("", s)
        facts = [re.sub(r"\s+", "", m.group(0)) for m in RE_CHECKABLE.finditer(bare)]
        facts += [u for u in unit_names if u in bare]
        if not marks:
            if facts:
                problems.append(f"未标注引用却陈述了事实：{s.strip()[:40]}")
            continue
        if any(not 1 <= m <= len(citations) for m in marks):
            problems.append(f"引用编号超出范围：{s.strip()[:40]}")
            continue
        cited = "".join(re.sub(r"\s+", "", citations[m - 1].text) for m in marks)
        for f in facts:
            if f not in cited:
                problems.append(f"“{f}”不见于所引原文")
    return problems


def load_prompt(name: str = "answer.txt") -> str:
    return resources.files("assistant").joinpath(f"prompts/{name}").read_text(encoding="utf-8")


class LLMWriter:
    """Writes the answer with a chat model from the extractive answer's citations;
    falls back to the extractive answer when the model fails or its citations do not check."""

    def __init__(self, chat_model, unit_names: list[str]):
        self.chat_model = chat_model
        self.unit_names = unit_names
        self.prompt = load_prompt()

    @classmethod
    def from_settings(cls, settings, unit_names):
        from langchain_openai import ChatOpenAI

        model = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model or "default",
            api_key=settings.llm_api_key or "not-needed",
            temperature=0,
            timeout=30,
            max_retries=1,
        )
        return cls(model, unit_names)

    def rewrite(self, question: str, extractive: Answer) -> Answer:
        if extractive.refused or not extractive.citations:
            return extractive
        context = "\n".join(f"[{i + 1}] {c.ref}：{c.text}" for i, c in enumerate(extractive.citations))
        messages = [
            ("system", self.prompt),
            ("human", f"原文片段：\n{context}\n\n参考答案（抽取式）：{extractive.text}\n\n问题：{question}"),
        ]
        try:
            reply = self.chat_model.invoke(messages)
            text = str(getattr(reply, "content", reply)).strip()
        except Exception as exc:  # network, auth, server errors: the extractive answer stands
            log.warning("LLM call failed, using the extractive answer: %s", exc)
            return extractive
        problems = verify_citations(text, list(extractive.citations), self.unit_names)
        if not text or not RE_MARK.search(text) or problems:
            log.info("LLM answer rejected: %s", problems or "no citation markers")
            return extractive
        used = sorted({int(m) for m in RE_MARK.findall(text)})
        renumber = {old: new + 1 for new, old in enumerate(used)}
        text = RE_MARK.sub(lambda m: f"[{renumber[int(m.group(1))]}]", text)
        return replace(extractive, text=text, citations=tuple(extractive.citations[i - 1] for i in used), intent=extractive.intent + "+llm")

"""Answering: turns an analysed question and its hits into an answer with verified citations.

Modules, in the order an answer is made: ``compose`` (the Composer: scope checks, the
strategies tried for a question, the evidence scorer's veto), then the strategies:
``structure`` (parts named by number, lists at any level), ``unit_tasks`` (a unit's
tasks), ``lists``
(counts and lists over the tasks), ``task`` (a deadline, unit, figure or requirement of
one task), ``header`` (header and footer fields, cited documents), ``reports`` (report
paragraphs); ``draft`` (quotes and numbered citations), ``scorer`` (the evidence
features and the fitted weights) and ``llm`` (the optional LLM writer, checked against
the cited passages).
"""

from .compose import Composer
from .draft import Draft, quote, refusal
from .llm import LLMWriter, verify_citations

__all__ = ["Composer", "Draft", "LLMWriter", "quote", "refusal", "verify_citations"]

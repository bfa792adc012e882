"""Answering: the extractive composer (``compose``) and the optional LLM writer (``llm``)."""

from .compose import Composer, Draft, quote, refusal
from .llm import LLMWriter, verify_citations

__all__ = ["Composer", "Draft", "LLMWriter", "quote", "refusal", "verify_citations"]

"""Retrieval: a message's questions (``messages``), question analysis (``query``), the
years a question or document names (``years``), and hybrid search with structural
look-ups and document naming (``search``)."""

from .query import Query, analyse, clean_question, items_in_text, items_with_dates
from .years import years_in, years_of
from .search import RE_DOC_WORDS, Hit, HybridSearcher, make_langchain_retriever, named_documents, strip_document_words

__all__ = [
    "RE_DOC_WORDS",
    "Hit",
    "HybridSearcher",
    "Query",
    "analyse",
    "clean_question",
    "items_in_text",
    "items_with_dates",
    "make_langchain_retriever",
    "named_documents",
    "strip_document_words",
    "years_in",
    "years_of",
]

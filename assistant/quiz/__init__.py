"""Quizzes from a parsed notice: single choice, multiple choice, true/false and
fill-in-the-blank questions, each checked against the original sentence it quotes;
JSON, CSV, Markdown and Word output; grading of answer sheets.

The stages, in the order a quiz is made: ``analysis`` (lists and quizzable terms),
``distractors`` (wrong options), ``builders`` (candidate questions), ``validation``,
``selection`` (``build_quiz``), ``export`` and ``grading``; ``questions`` holds the
question record they share.

>>> from assistant.documents import parse_file
>>> doc = parse_file("corpus/zhengzhou-2017-rule-of-law-work-points.txt")
>>> quiz = build_quiz(doc, n=20, seed=7)
>>> all(validate(q, doc) == [] for q in quiz)
True
"""

from .analysis import Enumeration, Term, enumerations
from .export import (
    CSV_HEADER,
    FORMATS,
    describe,
    load_quiz,
    output_format,
    render,
    save,
    to_csv,
    to_docx,
    to_json,
    to_markdown,
)
from .grading import format_grade, grade, load_answers
from .questions import (
    DIFFICULTY_LABELS,
    FALSE,
    LETTERS,
    TRUE,
    TYPE_LABELS,
    TYPES,
    QuizQuestion,
    normalise_text,
)
from .selection import build_quiz, capacity, overlaps, parse_types
from .validation import validate

__all__ = [
    "CSV_HEADER",
    "DIFFICULTY_LABELS",
    "FALSE",
    "FORMATS",
    "LETTERS",
    "TRUE",
    "TYPES",
    "TYPE_LABELS",
    "Enumeration",
    "QuizQuestion",
    "Term",
    "build_quiz",
    "capacity",
    "describe",
    "enumerations",
    "format_grade",
    "grade",
    "load_answers",
    "load_quiz",
    "normalise_text",
    "output_format",
    "overlaps",
    "parse_types",
    "render",
    "save",
    "to_csv",
    "to_docx",
    "to_json",
    "to_markdown",
    "validate",
]

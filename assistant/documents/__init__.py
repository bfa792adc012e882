"""Documents: loading files as text, repairing page breaks, parsing the structure of a
notice or report, and the facts of each part (deadlines, units, figures, references).

>>> doc = parse_file("corpus/zhengzhou-2017-rule-of-law-work-points.txt")
>>> doc.meta.doc_number
'郑政文〔2017〕60号'
"""

from .loaders import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, corpus_files, decode_bytes, load_text, normalise
from .blocks import repair_blocks, split_sentences
from .structure import PARSER_VERSION, facts_summary, looks_like_notice, parse_file, parse_notice, parse_report

__all__ = [
    "MAX_FILE_BYTES",
    "PARSER_VERSION",
    "SUPPORTED_SUFFIXES",
    "corpus_files",
    "decode_bytes",
    "facts_summary",
    "load_text",
    "looks_like_notice",
    "normalise",
    "parse_file",
    "parse_notice",
    "parse_report",
    "repair_blocks",
    "split_sentences",
]

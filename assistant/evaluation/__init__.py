"""Evaluation: datasets, pure metrics, runners and reports.

- ``seed``: the bundled notice's set (evals/dataset.jsonl: gold items and parts, retrieval
  and answer metrics, the gate in evals/thresholds.json);
- ``notices``: the multi-document set (evals/notices_dataset.jsonl: questions over the
  seed and the shared documents, gold as verbatim evidence, dev/test splits, per document
  and per type, with the LangChain recipe as a row).
"""

from .seed import (
    DEFAULT_DATASET,
    THRESHOLDS,
    TYPES,
    ChunkBaseline,
    aggregate,
    check_thresholds,
    citation_scores,
    evaluate,
    key_facts_present,
    load_dataset,
    percentile,
    report,
    retrieval_metrics,
    run,
    run_baseline,
)

__all__ = [
    "DEFAULT_DATASET",
    "THRESHOLDS",
    "TYPES",
    "ChunkBaseline",
    "aggregate",
    "check_thresholds",
    "citation_scores",
    "evaluate",
    "key_facts_present",
    "load_dataset",
    "percentile",
    "report",
    "retrieval_metrics",
    "run",
    "run_baseline",
]

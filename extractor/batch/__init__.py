"""Batch processing: many report files into JSON Lines, CSV tables or a SQLite database, in parallel.

from extractor.batch import BatchOptions, run_batch
result = run_batch(BatchOptions(inputs=["reports/"], out="reports.db", fmt="sqlite", jobs=2))
result.exit_code, result.stats.succeeded
"""

from __future__ import annotations

from extractor.batch.discover import Entry, discover
from extractor.batch.output import FORMATS, OutputError, infer_format, open_output
from extractor.batch.records import BatchError
from extractor.batch.runner import BatchOptions, BatchResult, default_jobs, run_batch

__all__ = [
    "FORMATS",
    "BatchError",
    "BatchOptions",
    "BatchResult",
    "Entry",
    "OutputError",
    "default_jobs",
    "discover",
    "infer_format",
    "open_output",
    "run_batch",
]

"""What a worker sends back, and the error record every output format writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class BatchError(BaseModel):
    """A file (or a dataset row) that gave no document: unreadable, not a report, an empty cell, a duplicate, an
    extractor failure, one that ran past the time limit (``timeout``) or the memory limit (``memory``) of its
    worker, or, with --strict, one whose text contradicts what its row or manifest line claims (``mismatch``)."""

    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str | None = Field(None, description="the content's sha256 when the file could be read")
    kind: Literal["error", "duplicate", "timeout", "memory", "mismatch"] = "error"
    reason: str
    exception: str | None = Field(None, description="the exception type (InputError, PermissionError, ...)")
    duplicate_of: str | None = Field(None, description="for a duplicate: the path processed with the same sha256")


@dataclass
class Done:
    """One extracted document: its JSON line, and its table rows when the output is CSV or SQLite."""

    path: str
    sha256: str
    json: str
    chars: int
    counts: dict[str, int]
    doc_row: tuple[Any, ...] | None = None
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)  # the metadata check's differences (warnings meta_check)
    unchecked: list[str] = field(default_factory=list)  # claims the text gave no evidence for, or no claim at all


@dataclass
class Failed:
    error: BatchError

"""govreport: structured, grounded data from Chinese government work reports.

>>> from extractor import extract
>>> doc = extract("2019年全镇完成工农业总产值7.5亿元，比2018年增长5.1%。")
>>> doc.indicators[0].value.base_value
Decimal('750000000.0')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "InputError", "__version__", "extract", "extract_bytes", "extract_file"]

if TYPE_CHECKING:
    from extractor.api import extract, extract_bytes, extract_file
    from extractor.errors import InputError
    from extractor.models import Document


def __getattr__(name: str) -> Any:
    # Imported lazily so that `govreport --help` starts fast.
    if name in ("extract", "extract_file", "extract_bytes"):
        from extractor import api

        return getattr(api, name)
    if name == "Document":
        from extractor.models import Document

        return Document
    if name == "InputError":
        from extractor.errors import InputError

        return InputError
    raise AttributeError(name)

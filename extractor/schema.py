"""JSON Schema files generated from the pydantic models (``schemas/`` holds them; a test fails when they are stale)."""

from __future__ import annotations

from typing import Any

from extractor import models as M
from extractor.corrections import Corrections

SCHEMA_MODELS: dict[str, type[M.Model]] = {
    "document": M.Document,
    "quantity": M.Quantity,
    "indicator": M.Indicator,
    "goal": M.Goal,
    "project": M.Project,
    "corrections": Corrections,
}


def schemas() -> dict[str, dict[str, Any]]:
    out = {}
    for name, model in SCHEMA_MODELS.items():
        sch = model.model_json_schema(mode="serialization")
        sch["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        sch["$id"] = f"https://govreport.invalid/schemas/{name}.schema.json"
        out[name] = sch
    return out

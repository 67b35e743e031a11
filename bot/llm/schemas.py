"""The structured outputs asked of the model, as pydantic models, and their strict JSON schemas."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExtractedPosition(_Strict):
    party_id: str
    speaker: str
    role: str
    claim: str
    evidence: str
    quote: str
    topics: list[str]


class Extraction(_Strict):
    positions: list[ExtractedPosition]


class BriefItemOut(_Strict):
    position_id: int
    speaker: str
    role: str
    claim: str
    quote: str
    quote_lang: str
    translation: str


class BriefSectionOut(_Strict):
    party_id: str
    items: list[BriefItemOut]


class DisputeSideOut(_Strict):
    party_id: str
    claim: str
    position_id: int


class DisputeOut(_Strict):
    topic: str
    sides: list[DisputeSideOut]


class BriefOut(_Strict):
    headline: str
    sections: list[BriefSectionOut]
    disputes: list[DisputeOut]


class AnswerOut(_Strict):
    answer: str
    cited: list[int]


def _strictify(node: Any) -> None:
    """Every object closed and every property required, as strict structured outputs demand."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
            node["required"] = list(node["properties"])
        if isinstance(node.get("title"), str):
            del node["title"]
        for value in node.values():
            _strictify(value)
    elif isinstance(node, list):
        for value in node:
            _strictify(value)


def response_format(model: type[BaseModel]) -> dict[str, Any]:
    """The ``response_format`` parameter asking for ``model`` as strict JSON schema output."""
    schema = model.model_json_schema()
    _strictify(schema)
    return {
        "type": "json_schema",
        "json_schema": {"name": model.__name__, "schema": schema, "strict": True},
    }

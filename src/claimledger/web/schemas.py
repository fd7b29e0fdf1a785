"""The JSON API's two shapes: one success envelope and one error envelope for every endpoint.

{"ok": true,  "data": ..., "meta": {"total": 120, "limit": 50, "offset": 0, ...}}
{"ok": false, "error": {"status": 404, "message": "no claim 'abc'", "details": []}}
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Meta(BaseModel):
    """What the response is: counts for listings, and the filters that produced it."""

    total: int | None = Field(default=None, description="matches before pagination")
    limit: int | None = None
    offset: int | None = None
    next_offset: int | None = Field(default=None, description="offset of the next page, if any")
    filters: dict[str, Any] = Field(default_factory=dict)


class Envelope(BaseModel, Generic[T]):
    """Every successful API response."""

    ok: Literal[True] = True
    data: T
    meta: Meta = Field(default_factory=Meta)


class ErrorBody(BaseModel):
    """What went wrong: the HTTP status repeated, a message, and per-field details for 422."""

    status: int
    message: str
    details: list[dict[str, Any]] = Field(default_factory=list)


class ErrorEnvelope(BaseModel):
    """Every failed API response (404, 422, 500, ...)."""

    ok: Literal[False] = False
    error: ErrorBody


def page_meta(total: int, limit: int, offset: int, filters: dict[str, Any] | None = None) -> Meta:
    """Meta for one page of a listing."""
    nxt = offset + limit if offset + limit < total else None
    return Meta(total=total, limit=limit, offset=offset, next_offset=nxt, filters=filters or {})


# Declared on every API route so /openapi.json documents the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorEnvelope, "description": "Unknown id"},
    422: {"model": ErrorEnvelope, "description": "Bad parameter"},
}

"""The API reference at /docs, rendered here from /openapi.json: no CDN, nothing fetched."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimledger.web.deps import TemplatesDep

pages = APIRouter(include_in_schema=False)
api = APIRouter(include_in_schema=False)  # nothing: the JSON spec itself is /openapi.json


def _type(schema: dict[str, Any]) -> str:
    """A parameter's type in a few words: 'integer ≤ 500', 'one of: assert, deny'."""
    options = schema.get("anyOf") or [schema]
    words = []
    for opt in options:
        if "enum" in opt:
            words.append("one of: " + ", ".join(str(v) for v in opt["enum"]))
        elif opt.get("type") and opt["type"] != "null":
            word = str(opt.get("format") or opt["type"])
            if "maximum" in opt:
                word += f" ≤ {opt['maximum']:,}"
            words.append(word)
    return " or ".join(words) or "string"


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The GET endpoints of the spec with their parameters, in path order."""
    out = []
    for path, ops in sorted(spec.get("paths", {}).items()):
        op = ops.get("get")
        if op is None:
            continue
        params = [
            {
                "name": p["name"],
                "where": p["in"],
                "required": p.get("required", False),
                "type": _type(p.get("schema", {})),
                "default": p.get("schema", {}).get("default"),
                "description": p.get("description") or p.get("schema", {}).get("description", ""),
            }
            for p in op.get("parameters", [])
        ]
        out.append(
            {
                "path": path,
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "params": params,
                "example": path if "{" not in path else None,
            }
        )
    return out


@pages.get("/docs", response_class=HTMLResponse)
def reference_page(request: Request, templates: TemplatesDep) -> HTMLResponse:
    """Every JSON endpoint, its parameters and the two response shapes."""
    return templates.TemplateResponse(
        request, "reference.html", {"nav": "api", "endpoints": endpoints(request.app.openapi())}
    )

"""The OpenAPI document takes over the standard: its component schemas, each served
operation's query parameters and 200 answer as the standard describes them, and per operation
the errors the portal gives (400, 404, 429 as problem+json in the standard's `Fout` shape)."""

import copy

from . import spec

PREFIX = "/api/ori/v2/"
PROBLEM_JSON = "application/problem+json"

FOUT = {
    "type": "object",
    "description": "Foutmelding (API-Kennisbank `Fout`, RFC 9457), in het Nederlands.",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string"},
        "code": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
ERRORS = {
    400: "Een parameter is onbekend of heeft een ongeldige waarde.",
    404: "Niet gevonden, niet openbaar of (bij een pagina) voorbij het einde.",
    429: "Te veel verzoeken; zie Retry-After.",
}
PAGING = [
    {
        "in": "query",
        "name": "page",
        "required": False,
        "description": "Paginanummer (vanaf 1).",
        "schema": {"type": "integer", "minimum": 1},
    },
    {
        "in": "query",
        "name": "pageSize",
        "required": False,
        "description": "Aantal resultaten per pagina (hoogstens 100).",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100},
    },
]


def _error(code: int) -> dict:
    return {
        "description": ERRORS[code],
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Fout"}}},
    }


def use_the_standard(result, generator, request, public):
    standard = spec.standard()
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(copy.deepcopy(standard["components"]["schemas"]))
    schemas["Fout"] = FOUT
    for path, item in result.get("paths", {}).items():
        operation = item.get("get")
        if operation is None or not path.startswith(PREFIX):
            continue
        for method in [m for m in item if m not in ("get", "parameters")]:
            del item[method]
        rest = path[len(PREFIX) :]
        standard_path = standard["paths"].get("/" + rest.replace("{pk}", "{id}"))
        responses = operation.setdefault("responses", {})
        if standard_path is not None:
            theirs = standard_path["get"]
            operation["operationId"] = theirs["operationId"]
            if "{" in rest:  # the standard's id is a string
                operation["parameters"] = copy.deepcopy(theirs.get("parameters", []))
        if standard_path is not None and "200" in responses:
            answer = theirs["responses"][200]
            responses["200"] = {
                "description": answer.get("description", ""),
                "content": copy.deepcopy(answer["content"]),
            }
            if "{" in rest:
                responses["404"] = _error(404)
            else:
                operation["parameters"] = [
                    copy.deepcopy(p) for p in theirs.get("parameters", []) if p["in"] == "query"
                ] + copy.deepcopy(PAGING)
                responses["400"] = _error(400)
                responses["404"] = _error(404)
        elif "404" in responses:  # a collection of the standard that is not served
            responses["404"] = _error(404)
        responses["429"] = _error(429)
    return result

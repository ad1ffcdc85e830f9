"""The standard's own OpenAPI document (publiek/api/standard/), read once: its query
parameters per collection (validated with their JSON schemas) and its component schemas,
which the portal's OpenAPI document takes over so that clients and tests check answers
against the standard itself."""

import copy
import datetime
import functools
import pathlib

import jsonschema
import yaml

STANDARD_FILE = pathlib.Path(__file__).parent / "standard" / "ori-2.0.0-beta.4-openapi.yaml"


@functools.cache
def standard() -> dict:
    return yaml.safe_load(STANDARD_FILE.read_text())


def collections() -> list[str]:
    """Every collection of the standard (its paths without an id)."""
    return [path.strip("/") for path in standard()["paths"] if "{" not in path]


def query_parameters(collection: str) -> dict[str, dict]:
    """name → the standard's parameter (with its schema) of a collection's GET."""
    operation = standard()["paths"][f"/{collection}"]["get"]
    return {p["name"]: p for p in operation.get("parameters", []) if p.get("in") == "query"}


def _nullable(node):
    """OpenAPI 3.0's `nullable` as JSON Schema (null allowed), recursively."""
    if isinstance(node, list):
        return [_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _nullable(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [{"type": "null"}, node]}
    return node


@functools.cache
def _components() -> dict:
    return _nullable(copy.deepcopy(standard()["components"]))


class InvalidValue(ValueError):
    pass


def parse(parameter: dict, raw: str):
    """A query value checked against the parameter's schema in the standard; the Python value
    (date, datetime, int, bool or str), or InvalidValue with a Dutch reason."""
    schema = parameter.get("schema", {})
    if "\x00" in raw:
        raise InvalidValue("Ongeldig teken in de waarde.")
    value = raw
    kind, fmt = schema.get("type"), schema.get("format")
    try:
        if kind == "integer":
            value = int(raw)
        elif kind == "boolean":
            if raw not in ("true", "false"):
                raise ValueError
            value = raw == "true"
        elif fmt == "date":
            value = datetime.date.fromisoformat(raw)
        elif fmt == "date-time":
            value = datetime.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as error:
        raise InvalidValue(_type_reason(kind, fmt)) from error
    checked = raw if kind not in ("integer", "boolean") else value
    document = {"components": _components(), **_nullable(copy.deepcopy(schema))}
    try:
        jsonschema.validate(checked, document, cls=jsonschema.Draft7Validator)
    except jsonschema.ValidationError as error:
        if "enum" in str(error.validator):
            raise InvalidValue(
                "Geen toegestane waarde; kies uit: " + ", ".join(map(str, error.validator_value))
            ) from error
        raise InvalidValue(
            "Waarde voldoet niet aan de standaard (" + error.validator + ")."
        ) from error
    return value


def _type_reason(kind, fmt) -> str:
    return {
        "integer": "Geen geheel getal.",
        "boolean": "Geen geldige waarde; gebruik true of false.",
        "date": "Geen geldige datum (JJJJ-MM-DD).",
        "date-time": "Geen geldige datum-tijd (ISO 8601).",
    }.get(fmt or kind, "Ongeldige waarde.")

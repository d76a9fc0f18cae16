"""Where the JSON Schemas live, and validators built from them.

The schemas are the top-level `schemas/` folder of the source tree, installed as
the package `factcheck.schemas` (see setup.cfg `package_dir`), so an editable and a
non-editable install find them the same way.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from factcheck.errors import SchemaError


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """The schema `schemas/<name>.schema.json` as a dict."""
    ref = resources.files("factcheck.schemas").joinpath(f"{name}.schema.json")
    try:
        return json.loads(ref.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaError(f"no schema named {name!r} is installed") from None


@lru_cache(maxsize=None)
def validator(name: str) -> Any:
    """A Draft 2020-12 validator for the named schema (jsonschema is imported lazily)."""
    import jsonschema

    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(name: str, instance: Any) -> list[str]:
    """Every violation of the schema, as `JSON path: message`, best first."""
    import jsonschema

    errors = sorted(validator(name).iter_errors(instance), key=jsonschema.exceptions.relevance)
    return [f"{error.json_path}: {error.message}" for error in errors]


def validate(name: str, instance: Any, what: str = "document") -> None:
    """Raise SchemaError naming the first violation, if any."""
    errors = schema_errors(name, instance)
    if errors:
        raise SchemaError(f"{what} does not match schemas/{name}.schema.json: {errors[0]}")

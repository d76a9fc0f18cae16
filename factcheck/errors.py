"""One exception hierarchy; every message is written for the user."""


class FactcheckError(Exception):
    """Base of every error factcheck reports to the user."""


class InputError(FactcheckError):
    """An input file cannot be read, decoded, parsed or validated."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class SchemaError(FactcheckError):
    """A document does not match its JSON schema."""


class StoreError(FactcheckError):
    """The database cannot be opened or is not a factcheck database."""


class MissingExtraError(FactcheckError):
    """An optional dependency is not installed."""

    def __init__(self, extra: str, package: str) -> None:
        super().__init__(
            f"this needs the optional package {package!r}: pip install 'factcheck[{extra}]'"
        )

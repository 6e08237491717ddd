"""Errors a secretary can act on. Their text is shown as is, so it is plain Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field


class ChiboError(Exception):
    """An error caused by the user's input or files, with a message meant for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DatabaseError(ChiboError):
    """The database file cannot be opened or used as asked."""


class NewerSchemaError(DatabaseError):
    """The file was written by a newer version of the program."""


class NotFoundError(ChiboError):
    pass


class CancelledError(ChiboError):
    pass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


@dataclass
class ValidationError(ChiboError):
    problems: list[FieldProblem] = field(default_factory=list)

    def __post_init__(self):
        super().__init__("; ".join(p.message for p in self.problems))

    def for_field(self, name: str) -> list[str]:
        return [p.message for p in self.problems if p.field == name]

"""An error in annolint itself, with what it was doing when it happened.

Bad notes, configuration or rule files have their own clear messages (read-error
findings, ``ConfigError``); anything else that goes wrong is a bug in annolint. The
command line reports it in one plain line with exit status 2, never with a
traceback and never with status 1, which a CI gate reads as "findings".
"""

from __future__ import annotations

REPORT = ("this is a bug in annolint, not in your notes; please report it with this line "
          "and the command you ran")


class InternalError(Exception):
    def __init__(self, where: str, cause: BaseException):
        super().__init__(f"{where}: {type(cause).__name__}: {cause}")
        self.where = where
        self.cause = cause

    def __reduce__(self):  # raised in a worker process, reported by the main one
        return InternalError, (self.where, self.cause)


def describe(error: BaseException) -> str:
    """The one line the command line prints for an internal error."""
    if isinstance(error, InternalError):
        return f"annolint: internal error while {error} ({REPORT})"
    return f"annolint: internal error: {type(error).__name__}: {error} ({REPORT})"

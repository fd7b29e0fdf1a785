"""User-facing errors, numbered so messages can be searched and documented."""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of every error the project raises on purpose."""

    code = "CL000"


class InputError(ClaimledgerError):
    """A file, or a line of one, that cannot be read. It is skipped; the run goes on.

    The message always names the file, and the line when there is one:
    ``CL101 data/feed.jsonl:7: not valid JSON (Expecting ',' delimiter)``.
    """

    code = "CL100"

    def __init__(
        self,
        path: str,
        message: str,
        line: int | None = None,
        code: str | None = None,
        *,
        kept: bool = False,
    ):
        self.path = path
        self.line = line
        self.message = message
        # A warning: the document was read and stored, only part of it (a date, the front
        # matter) was ignored.
        self.kept = kept
        if code:
            self.code = code
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{self.code} {where}: {self.message}"


class StoreError(ClaimledgerError):
    """The ledger database cannot be opened or written (read-only, full disk, bad URL)."""

    code = "CL200"


# Numbered input errors (InputError.code values). Keep in sync with docs/errors.md.
EMPTY_FILE = "CL101"
BINARY_FILE = "CL102"
UNDECODABLE = "CL103"
BAD_JSON_LINE = "CL104"
MISSING_TEXT = "CL105"
BAD_CSV = "CL106"
NO_ARTICLE = "CL107"
UNREADABLE = "CL108"
NOT_FOUND = "CL109"
BAD_DATE = "CL110"
TOO_LARGE = "CL111"
EXTRACT_FAILED = "CL112"
BAD_ROW = "CL113"

"""Database errors as user-facing StoreError messages, and the knobs shared by engine and store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from claimledger.errors import StoreError

# How long a writer waits for another one before giving up (seconds).
BUSY_TIMEOUT = 60.0
# Execution option that makes a transaction take the write lock when it begins.
WRITE_OPTION = "claimledger_write"


@contextmanager
def translate_errors(where: str, doing: str = "use") -> Iterator[None]:
    """Turn database errors into StoreError with a message a user can act on."""
    try:
        yield
    except exc.DBAPIError as err:
        raise StoreError(describe(err, where, doing)) from err


def describe(err: exc.DBAPIError, where: str, doing: str) -> str:
    """A one-line explanation of a driver error."""
    text = str(err.orig) if err.orig is not None else str(err)
    low = text.lower()
    if "readonly" in low or "read-only" in low:
        reason = "the file is read-only (check its permissions and its folder's)"
    elif "disk is full" in low or "no space" in low:
        reason = "the disk is full; nothing of this batch was written"
    elif "unable to open" in low:
        reason = "the file cannot be opened or created (missing folder or no permission)"
    elif "not a database" in low:
        reason = "the file is not a SQLite database"
    elif "database is locked" in low:
        reason = f"another process held the write lock for more than {BUSY_TIMEOUT:.0f} s"
    elif isinstance(err, exc.IntegrityError):
        reason = f"the batch breaks a constraint and was rolled back ({text.splitlines()[0]})"
    else:
        reason = text.splitlines()[0] if text else type(err).__name__
    return f"cannot {doing} the ledger {where}: {reason}"

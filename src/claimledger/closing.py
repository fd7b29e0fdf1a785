"""`with Ledger(...) as ledger:` and `with Store(...) as store:`: closed at the end of the block."""

from __future__ import annotations

from typing import Self


class ClosedOnExit:
    """A resource used as a context manager that closes itself on leaving the block."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

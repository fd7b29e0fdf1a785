"""batched(): items a batch at a time, lazily (ingest and ClaimReview read their input so)."""

from __future__ import annotations

from collections.abc import Iterator

from claimledger.batches import batched


def test_batches_are_full_but_the_last_and_are_handed_on_as_soon_as_full() -> None:
    read: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(7):
            read.append(n)
            yield n

    batches = batched(numbers(), 3)
    assert next(batches) == [0, 1, 2]
    assert read == [0, 1, 2]  # the fourth item is not read before the first batch is used
    assert list(batches) == [[3, 4, 5], [6]]
    assert list(batched([], 3)) == []

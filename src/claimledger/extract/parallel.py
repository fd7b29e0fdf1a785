"""Run the pure core over a stream of documents, in this process or in a pool of workers.

Each worker process loads the spaCy model once (pool initializer) and returns only the small
Claim records, never spaCy Docs, so little crosses process boundaries. At most a few batches are
in flight at once, which keeps memory flat however large the corpus is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any

from claimledger.extract.pipeline import extract_many, load_nlp
from claimledger.models import Claim, Document

Result = list[tuple[Document, list[Claim]]]


def _init_worker() -> None:
    load_nlp()


def _work(batch: list[Document]) -> Result:
    return list(extract_many(batch, load_nlp(), batch_size=len(batch) or 1))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def extract_stream(
    documents: Iterable[Document], *, workers: int = 1, batch_size: int = 32
) -> Iterator[tuple[Document, list[Claim]]]:
    """Yield (document, claims) in input order, using `workers` processes when > 1."""
    if workers <= 1:
        yield from extract_many(documents, batch_size=batch_size)
        return
    # Smaller batches per worker keep both cores busy without holding much in memory.
    per_task = max(1, batch_size // workers)
    ctx = multiprocessing.get_context("spawn")
    in_flight: deque[AsyncResult[Any]] = deque()
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for batch in _batches(documents, per_task):
            in_flight.append(pool.apply_async(_work, (batch,)))
            if len(in_flight) >= workers * 2:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()

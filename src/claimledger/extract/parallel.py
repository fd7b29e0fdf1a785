"""Run the pure core over a stream of documents, in this process or in a pool of workers.

Each worker process builds the `Extractor` of the settings it is given once (pool initializer:
the settings carry everything, the user's aliases included) and returns only the small
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

from claimledger.extract.extractor import Extractor
from claimledger.extract.settings import ExtractorSettings
from claimledger.models import Claim, Document

Result = list[tuple[Document, list[Claim]]]

# The worker process's extractor, built once by the pool initializer.
_worker: list[Extractor] = []


def _init_worker(settings: ExtractorSettings) -> None:
    extractor = Extractor(settings)
    extractor.nlp  # noqa: B018  # load the model before the first batch arrives
    _worker.append(extractor)


def _work(batch: list[Document]) -> Result:
    return list(_worker[0].many(batch, batch_size=len(batch) or 1))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def extract_stream(
    documents: Iterable[Document],
    *,
    workers: int = 1,
    batch_size: int = 32,
    settings: ExtractorSettings | None = None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Yield (document, claims) in input order, using `workers` processes when > 1."""
    settings = settings if settings is not None else ExtractorSettings()
    if workers <= 1:
        yield from Extractor(settings).many(documents, batch_size=batch_size)
        return
    # Smaller batches per worker keep both cores busy without holding much in memory.
    per_task = max(1, batch_size // workers)
    ctx = multiprocessing.get_context("spawn")
    in_flight: deque[AsyncResult[Any]] = deque()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for batch in _batches(documents, per_task):
            in_flight.append(pool.apply_async(_work, (batch,)))
            if len(in_flight) >= workers * 2:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()

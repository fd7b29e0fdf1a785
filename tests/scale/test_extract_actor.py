"""The Ray actor's work, run in-process: same claims as locally, a failing document reported."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimledger.errors import EXTRACT_FAILED
from claimledger.extract import pipeline
from claimledger.extract.extractor import Extractor
from claimledger.models import Claim, Document
from claimledger.scale import rows
from claimledger.scale.ray_runner import ExtractClaims

TEXTS = [
    "The ministry said 40 soldiers were killed on Monday.",
    "Officials said 3 POISON soldiers died.",
    '"We will rebuild the bridge by May," the mayor told reporters.',
]


def _batch(documents: list[Document]) -> rows.Batch:
    batch = rows.empty_batch()
    for document in documents:
        rows.append(batch, rows.doc_row(document))
    return batch


def _documents() -> list[Document]:
    return [
        Document(doc_id=f"d{i}", doc_path=f"feed.jsonl#{i + 1}", text=text)
        for i, text in enumerate(TEXTS)
    ]


def test_extract_actor_gives_the_local_claims() -> None:
    documents = _documents()[::2]
    out = ExtractClaims()(_batch(documents))
    got = [rows.decode_claims(c) for c in out["claims"]]
    assert got == [pipeline.extract_claims(d) for d in documents]
    assert any(got), "the texts should give claims"


def test_extract_actor_reports_a_failing_document_and_keeps_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = Extractor.claims_from_parsed

    def fragile(self: Extractor, document: Document, parsed: Doc) -> list[Claim]:
        if "POISON" in document.text:
            raise ValueError("boom")
        return real(self, document, parsed)

    monkeypatch.setattr(Extractor, "claims_from_parsed", fragile)
    documents = _documents()
    out = ExtractClaims()(_batch(documents))
    assert out["kind"] == [rows.DOC, rows.ERROR, rows.DOC]
    error = rows.decode_error(out["error"][1])
    assert (error.code, error.path, error.line) == (EXTRACT_FAILED, "feed.jsonl", 2)
    assert error.message == "claims could not be extracted (ValueError: boom); not stored"
    claims = [rows.decode_claims(out["claims"][i]) for i in (0, 2)]
    assert claims == [real_claims(documents[0]), real_claims(documents[2])]


def real_claims(document: Document) -> list[Claim]:
    """Claims of `document` by the local core (the monkeypatched core passes it through)."""
    return pipeline.extract_claims(document)


USER_ALIASES = (
    "people:\n  - name: Olaf Example\n    aliases: [Example]\n    affiliation: Germany\n",
    "team-aliases.yaml",
)


def test_extract_actor_folds_names_with_the_alias_contents_it_is_shipped() -> None:
    """A worker on another machine has no alias file: the settings carry its contents."""
    from claimledger.extract.settings import ExtractorSettings
    from claimledger.names.claimants import reload_aliases

    document = Document(
        doc_id="d9", doc_path="d9.txt", text="Example said 12 soldiers were killed overnight."
    )
    settings = ExtractorSettings(user_aliases=USER_ALIASES, disabled_rules=("learned_verb",))
    try:
        actor = ExtractClaims(settings.model_dump(mode="json"))
        assert actor.extractor.settings == settings
        (claim,) = rows.decode_claims(
            ExtractClaims(settings.model_dump(mode="json"))(_batch([document]))["claims"][0]
        )
        assert (claim.claimant, claim.affiliation, claim.rule) == (
            "Olaf Example",
            "Germany",
            "reporting_verb",
        )
        bundled = Extractor().claims(document)
        assert [c.claimant for c in bundled] != ["Olaf Example"]
    finally:
        reload_aliases()  # leave the process-wide table as the other tests expect it

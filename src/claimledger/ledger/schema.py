"""The ledger's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Keys are content hashes (doc_id, claim_id), so writing the same input twice is an upsert that
changes nothing. Spans are stored as JSON text to stay portable across both engines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

# Named constraints let Alembic's batch mode (SQLite's ALTER TABLE workaround) find them later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


def _cascade_key(name: str, parent: str, *, primary_key: bool) -> Column[str]:
    """A 32-character key column referencing the same column of `parent`, its rows deleted
    with their parent row: part of the primary key, or else a required column."""
    parent_key = ForeignKey(f"{parent}.{name}", ondelete="CASCADE")
    if primary_key:
        return Column(name, String(32), parent_key, primary_key=True)
    return Column(name, String(32), parent_key, nullable=False)


# A document's path and metadata: columns of `documents` and `carriers`, and fields of every
# read model and export record that carries them. One list, read by name.
DOC_META = ("doc_path", "source_id", "url", "outlet", "title", "published")


def doc_meta(source: object) -> dict[str, Any]:
    """`DOC_META` of an object that has them as attributes (a Document, a DocMeta)."""
    return {name: getattr(source, name) for name in DOC_META}


def row_doc_meta(row: Mapping[Any, Any]) -> dict[str, Any]:
    """`DOC_META` of a row read from `documents` (or a join holding its columns)."""
    return {name: row[name] for name in DOC_META}


documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("doc_path", Text, nullable=False),
    Column("source_id", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("n_words", Integer, nullable=False, default=0),
    # Copy detection: every document points at the first-seen document of its copy cluster
    # (itself when it is an original). Filled by reconcile; null until then.
    Column("origin_id", String(32)),
    Column("ingested_at", DateTime, nullable=False),
)
Index("ix_documents_published", documents.c.published)
# A document's copies (the web's document page): every document of one origin.
Index("ix_documents_origin_id", documents.c.origin_id)

claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(32), primary_key=True),
    _cascade_key("doc_id", "documents", primary_key=False),
    Column("seq", Integer, nullable=False),  # order within the document
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("claimant", Text, nullable=False),
    Column("claimant_mention", Text),
    Column("claimant_type", String(16), nullable=False),
    Column("affiliation", Text),
    Column("cue", Text),
    Column("mode", String(16), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("stated_on", Date),
    Column("content", Text, nullable=False),
    Column("claimant_spans", Text, nullable=False, default="[]"),
    Column("cue_spans", Text, nullable=False, default="[]"),
    Column("content_spans", Text, nullable=False, default="[]"),
    # The first-seen claim this one copies (same claim in a syndicated copy); null for originals.
    Column("copy_of", String(32)),
    # The extraction rule that produced the claim, who relayed it, the claimant's side.
    Column("rule", String(40)),
    Column("relayed_by", Text),
    Column("party", Text),
)
Index("ix_claims_doc", claims.c.doc_id, claims.c.seq)
Index("ix_claims_claimant", claims.c.claimant)
Index("ix_claims_stated_on", claims.c.stated_on)
# Carriers are found by looking up the claims that copy a given one.
Index("ix_claims_copy_of", claims.c.copy_of)

quantities = Table(
    "quantities",
    metadata,
    _cascade_key("claim_id", "claims", primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("unit", Text),
    Column("counted", Text),
    Column("event", Text),
    Column("grp", Text),  # "group" is reserved in SQL; exported as `group`
    Column("kind", String(16)),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("background", Boolean, nullable=False, default=False, server_default=false()),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_quantities_counted_event", quantities.c.counted, quantities.c.event)
# Covering for "claim ids with this counted/event" (the web's figure filters).
Index(
    "ix_quantities_counted_event_claim",
    quantities.c.counted,
    quantities.c.event,
    quantities.c.claim_id,
)

claimants = Table(
    "claimants",
    metadata,
    Column("name", Text, primary_key=True),
    Column("claimant_type", String(16), nullable=False),
    Column("affiliation", Text),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list of mentions seen
)

# Every file, URL or outlet that gave a document's text, the first one included: an identical
# copy from elsewhere is another carrier of the same document, with its own metadata.
carriers = Table(
    "carriers",
    metadata,
    _cascade_key("doc_id", "documents", primary_key=True),
    Column("doc_path", Text, primary_key=True),
    Column("source_id", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("format", String(16), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
)

ingests = Table(
    "ingests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("paths", Text, nullable=False),
    Column("documents_added", Integer, nullable=False, default=0),
    Column("claims_added", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    # When copies were last linked after this run (null: not yet, or cut short).
    Column("linked_at", DateTime),
)

# Places a claim names, linked to the gazetteer (reconcile/places.py; filled by
# reconcile/place_store.py). A claim scanned and found to name none has one row with idx -1
# and no place, so that it is not scanned again.
claim_places = Table(
    "claim_places",
    metadata,
    _cascade_key("claim_id", "claims", primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("written", Text),
    Column("name", Text),
    Column("geonameid", Integer),
    Column("country", String(2)),
    Column("latitude", Float),
    Column("longitude", Float),
)
Index("ix_claim_places_name", claim_places.c.name)

# Derived read views (figure tracks, conflicts) as built after the last ingest, with the content
# fingerprint they were built for: a restarted dashboard answers from them instead of rebuilding.
derived_views = Table(
    "derived_views",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("version", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("built_at", DateTime, nullable=False),
)

# The conflicts view as rows, newest first (seq), so a page of them is one indexed read however
# many there are; members index them by "claim:<claim_id>" and "claimant:<name>".
derived_conflicts = Table(
    "derived_conflicts",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),
    Column("body", Text, nullable=False),
)
Index("ix_derived_conflicts_kind_seq", derived_conflicts.c.kind, derived_conflicts.c.seq)

derived_conflict_members = Table(
    "derived_conflict_members",
    metadata,
    Column("member", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)
Index(
    "ix_derived_conflict_members_member_seq",
    derived_conflict_members.c.member,
    derived_conflict_members.c.seq,
)

# Each figure track in full (every point), by id; the listing without points is in derived_views.
derived_tracks = Table(
    "derived_tracks",
    metadata,
    Column("track_id", String(32), primary_key=True),
    Column("body", Text, nullable=False),
    Column("chart_body", Text, nullable=False),  # the points a chart draws (`chart_points`)
)

"""claimledger: a ledger of attributed claims from news articles.

>>> from claimledger import Ledger
>>> ledger = Ledger("claims.db")
>>> ledger.ingest(["articles/"])          # doctest: +SKIP
>>> ledger.claims(claimant="Emmanuel Macron")  # doctest: +SKIP
"""

from claimledger.models import Claim, Document, Quantity

__all__ = ["Claim", "Document", "Ledger", "Quantity"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # Ledger pulls in SQLAlchemy and spaCy; import it lazily so `import claimledger` stays cheap.
    if name == "Ledger":
        from claimledger.api import Ledger

        return Ledger
    raise AttributeError(name)

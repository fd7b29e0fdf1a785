"""Moved to `claimledger.names.claimants`; this name stays only for branches written before the
move. Import from `claimledger.names.claimants`. Remove this module once nothing imports it.
"""

from claimledger.names.claimants import ClaimantInfo as ClaimantInfo
from claimledger.names.claimants import affiliation_of as affiliation_of
from claimledger.names.claimants import canonicalize as canonicalize
from claimledger.names.claimants import outlet_claimant as outlet_claimant
from claimledger.names.claimants import refine_claimants as refine_claimants
from claimledger.names.claimants import reload_aliases as reload_aliases

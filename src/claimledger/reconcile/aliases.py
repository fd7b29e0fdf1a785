"""Moved to `claimledger.names.aliases`; this name stays only for branches written before the move.

Import from `claimledger.names.aliases`. Remove this module once nothing imports it.
"""

from claimledger.names.aliases import AliasTable as AliasTable
from claimledger.names.aliases import alias_table as alias_table
from claimledger.names.aliases import key_of as key_of
from claimledger.names.aliases import reload_alias_table as reload_alias_table
from claimledger.names.aliases import word_set as word_set

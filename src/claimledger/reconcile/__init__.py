"""Reconcile claims across documents: pure functions over Claims.

- `copies`: syndicated / near-duplicate documents, claim carriers, corroboration by origin.
- `tracks`: figures about the same thing per claimant over time, totals vs increments.
- `conflicts`: figures that cannot both hold, denials linked to what they deny (`topics`).

Canonical claimant names live below extraction, in `claimledger.names`. Import from the
submodules; this package imports nothing.
"""

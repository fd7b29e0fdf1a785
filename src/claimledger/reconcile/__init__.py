"""Reconcile claims across documents: pure functions over Claims.

- `claimants`: canonical claimant names, types and affiliations (alias table in `aliases`).
- `copies`: syndicated / near-duplicate documents, claim carriers, corroboration by origin.
- `tracks`: figures about the same thing per claimant over time, totals vs increments.
- `conflicts`: figures that cannot both hold, denials linked to what they deny (`topics`).

Import from the submodules; this package imports nothing so that extraction, which needs only
`claimants`, stays light.
"""

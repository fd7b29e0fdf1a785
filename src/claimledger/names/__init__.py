"""Canonical names: the alias table and the claimant a mention stands for.

Below both `extract/` (which names the speaker of each claim) and `reconcile/` (which folds
claimants across documents), so that the layers read upward only.
"""

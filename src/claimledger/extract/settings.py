"""What an extractor is built from, as plain data: the CLI, the API and the runners fill it in.

Everything an `Extractor` reads from outside comes through these settings, read at the edges
(`from_environment`): the extractor itself never looks at the working directory or the
environment, and a Ray worker given the same settings extracts the same claims.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from claimledger.extract.attribution.cascade import check_rule_names
from claimledger.extract.nlp import MODEL_NAME
from claimledger.names.aliases import UserAliases, read_user_aliases


class ExtractorSettings(BaseModel):
    """The spaCy model, the word lists, the cue model, the user's aliases and the rules off.

    Example:
        >>> settings = ExtractorSettings(disabled_rules=("learned_verb",))
        >>> Extractor(settings).claims(document)  # doctest: +SKIP
    """

    model_config = ConfigDict(frozen=True)

    # The spaCy pipeline's package name.
    model: str = MODEL_NAME
    # A folder of lexicon files (data/lexicon's format); None: the shipped lexicon.
    lexicon_dir: str | None = None
    # A cue model's JSON weights (eval/train_cue_model's output); None: the shipped model.
    cue_model_file: str | None = None
    # The user's alias table as (YAML text, where it was read), merged over the bundled one;
    # the contents, not a path, so that workers elsewhere fold names the same way.
    user_aliases: UserAliases | None = None
    # Rules switched off by name (extract/attribution/cascade.RULES).
    disabled_rules: tuple[str, ...] = ()

    @field_validator("disabled_rules")
    @classmethod
    def _known_rules(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        check_rule_names(names)
        return names

    @classmethod
    def from_environment(cls, **overrides: Any) -> ExtractorSettings:
        """Settings with the user's alias file read now ($CLAIMLEDGER_ALIASES, else
        ./claimledger-aliases.yaml); for the edges (CLI, API, runners) only."""
        overrides.setdefault("user_aliases", read_user_aliases())
        return cls(**overrides)

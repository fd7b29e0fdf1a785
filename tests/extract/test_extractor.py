"""Extractor settings are read at the edges: the user's alias file becomes its contents."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extract.settings import ExtractorSettings


def test_from_environment_reads_the_alias_file_named_by_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("people:\n  - name: Olaf Example\n    aliases: [Example]\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMLEDGER_ALIASES", str(path))
    settings = ExtractorSettings.from_environment(disabled_rules=("quote_signed",))
    assert settings.user_aliases == (path.read_text(encoding="utf-8"), str(path))
    assert settings.disabled_rules == ("quote_signed",)
    # The contents, not the path: a copy elsewhere needs no file.
    path.unlink()
    assert ExtractorSettings.model_validate(settings.model_dump(mode="json")) == settings


def test_without_a_user_file_the_settings_hold_no_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMLEDGER_ALIASES", raising=False)
    monkeypatch.chdir(tmp_path)
    assert ExtractorSettings.from_environment().user_aliases is None
    assert ExtractorSettings.from_environment() == ExtractorSettings()

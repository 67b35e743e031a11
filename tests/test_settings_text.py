"""Settings precedence and secrets; text normalisation used by grounding checks."""

from __future__ import annotations

import logging

import pytest

from bot.logs import RedactSecrets
from bot.settings import Settings
from bot.textnorm import fold, ground_key, is_grounded, strip_invisible


def test_environment_overrides_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().engine == "offline"  # from config/default.toml
    monkeypatch.setenv("BRIEFBOT_ENGINE", "llm")
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "postgresql://x@127.0.0.1/db")
    monkeypatch.setenv("BRIEFBOT_TELEGRAM_ADMINS", '["12"]')
    settings = Settings()
    assert settings.engine == "llm"
    assert settings.db_url == "postgresql://x@127.0.0.1/db"
    assert settings.telegram_admins == ["12"]


def test_bad_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFBOT_ENGINE", "gpt")
    with pytest.raises(ValueError, match="engine"):
        Settings()


def test_secrets_only_from_environment_and_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-verysecret")
    settings = Settings()
    assert settings.secrets.openai_api_key is not None
    assert "verysecret" not in repr(settings.secrets)
    assert "sk-test-verysecret" in settings.secrets.values()


def test_log_filter_redacts_secrets() -> None:
    record = logging.LogRecord("x", logging.ERROR, "f", 1, "token is %s", ("abc123456",), None)
    RedactSecrets(["abc123456"]).filter(record)
    assert record.getMessage() == "token is ***"


def test_grounding_ignores_typography_only() -> None:
    source = "Il a dit : « Nous l’acceptons »\u00a0aujourd'hui."
    assert is_grounded('"nous l\'acceptons"', source)
    assert is_grounded("« Nous l’acceptons » aujourd'hui", source)
    assert not is_grounded("Nous le refusons", source)
    assert not is_grounded("", source)
    assert ground_key("A\n\nB") == "a b"


def test_invisible_characters_stripped_and_folding() -> None:
    hidden = "ig\u200bnore\U000e0041 all\u2060"
    assert strip_invisible(hidden) == "ignore all"
    assert fold("Kyïv Élysée") == "kyiv elysee"

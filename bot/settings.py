"""Typed settings: defaults from the packaged config/default.toml, then the user's
default.toml (``briefbot config path``), overridden by BRIEFBOT_* environment variables.

Secrets (API keys, bot tokens, signing secrets) are read only from the environment, under
their usual names, and are held as ``SecretStr`` so they never print.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot import resources

# The source checkout (tests, benches and docs only: the bot reads its files via bot.resources).
PROJECT_DIR = Path(__file__).resolve().parent.parent


class Secrets(BaseSettings):
    """Credentials, from the environment only (never from a file, never logged)."""

    model_config = SettingsConfigDict(extra="ignore")

    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias="TELEGRAM_BOT_TOKEN"
    )
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, validation_alias="TELEGRAM_WEBHOOK_SECRET"
    )
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias="SLACK_SIGNING_SECRET"
    )

    def values(self) -> list[str]:
        """Every secret that is set, for scrubbing from logs."""
        out = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is not None and value.get_secret_value():
                out.append(value.get_secret_value())
        return out


class Settings(BaseSettings):
    """Everything the bot can be told, with the defaults in bot/config/default.toml."""

    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", extra="ignore")

    # storage
    data_dir: Path = Field(default_factory=resources.default_data_dir)
    database_url: str = ""

    # analysis and briefings
    engine: Literal["offline", "llm"] = "offline"
    lang: Literal["fr", "en"] = "fr"
    brief_max_chars: int = 1500
    brief_items_per_party: int = 3
    brief_period_hours: int = 24
    parties_file: Path = Field(default_factory=lambda: resources.config_file("parties.toml"))
    sources_file: Path = Field(default_factory=lambda: resources.config_file("sources.toml"))
    samples_dir: Path = Field(default_factory=lambda: resources.package_dir("samples"))

    # LLM (OPENAI_API_KEY from the environment; OPENAI_BASE_URL for compatible servers)
    model: str = "gpt-4o-mini"
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    llm_timeout: float = 30.0
    llm_max_retries: int = 2
    llm_breaker_failures: int = 2  # failed calls in a row before the model is skipped
    llm_breaker_cooldown: float = 120.0  # seconds the model is skipped, then one probe call
    daily_token_budget: int = 500_000

    # fetching
    fetch_timeout: float = 20.0
    extract_timeout: float = 4.0  # hard limit on extracting one fetched page or HTML file
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 3
    fetch_allow_private: bool = False  # test-only: lets the fetcher reach loopback
    fetch_per_host: int = 2
    user_agent: str = "briefbot/0.1 (+https://github.com/briefbot)"

    # chat platforms (tokens come from Secrets)
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str = ""
    telegram_webhook_port: int = 8443
    telegram_admins: list[str] = []
    slack_api_url: str = "https://slack.com/api/"
    slack_mode: Literal["socket", "http"] = "socket"
    slack_port: int = 3000
    slack_host: str = "127.0.0.1"  # HTTP mode bind address; "0.0.0.0" listens on every interface
    slack_admins: list[str] = []
    telegram_rate: float = 29.0  # messages/s per bot token, shared by every process
    outbox_lease_seconds: float = 20.0  # renewed every quarter lease by the live sender
    outbox_outage_backoff_max: float = 60.0  # longest pause between tries while a platform is down

    # operations: /metrics and /healthz of `briefbot run` and `briefbot worker` (0: off)
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 9464

    # schedule, digests and questions
    feed_poll_minutes: int = 30
    digest_grace_hours: int = 6
    digest_quiet_line: bool = True
    qa_window_days: int = 30
    followup_ttl_minutes: int = 120

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        tomls = [resources.package_dir("config") / "default.toml"]
        user = resources.user_config_dir() / "default.toml"
        if user.is_file():
            tomls.append(user)  # later files win, key by key
        toml = TomlConfigSettingsSource(settings_cls, toml_file=tomls)
        return (init_settings, env_settings, toml)

    @cached_property
    def secrets(self) -> Secrets:
        return Secrets()

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'briefbot.sqlite3'}"

    @property
    def demo_db_url(self) -> str:
        """``briefbot demo``'s own database: the samples never mix with the user's articles."""
        return f"sqlite:///{self.data_dir / 'demo.sqlite3'}"

    @property
    def llm_enabled(self) -> bool:
        """True when an LLM engine was asked for and something can answer it."""
        return self.engine == "llm" and (
            self.secrets.openai_api_key is not None or self.openai_base_url is not None
        )

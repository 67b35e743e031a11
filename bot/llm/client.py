"""The one owner of the ``openai`` client: structured calls with bounded retries, the daily
token budget and per-call accounting; every failure becomes ``EngineUnavailable``.

Retries are bounded by ``settings.llm_max_retries`` for the whole logical call: the SDK's own
retries (timeouts, connection errors, 429 honouring Retry-After, 5xx) and our retries on
invalid or schema-violating output share that one allowance.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

import openai
from pydantic import BaseModel, ValidationError

from bot.domain.errors import EngineUnavailable
from bot.llm import accounting
from bot.llm.schemas import response_format
from bot.logs import redact, register_secrets
from bot.settings import Settings
from bot.store import Database

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Completion(Generic[T]):
    value: T
    call_id: int
    tokens_in: int
    tokens_out: int


def _error_kind(exc: Exception) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection"
    if isinstance(exc, openai.RateLimitError):
        return "rate_limited"
    if isinstance(exc, openai.APIStatusError):
        return f"http_{exc.status_code}"
    return type(exc).__name__


class LLMClient:
    """Structured chat completions against the configured OpenAI-compatible endpoint."""

    def __init__(self, settings: Settings, db: Database) -> None:
        key = settings.secrets.openai_api_key
        register_secrets(settings.secrets.values())
        self.model = settings.model
        self.max_retries = max(0, settings.llm_max_retries)
        self.daily_token_budget = settings.daily_token_budget
        self.db = db
        self._client = openai.OpenAI(
            # a compatible local server may need no key; the SDK insists on one
            api_key=key.get_secret_value() if key else "unused",
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=self.max_retries,
        )

    def close(self) -> None:
        self._client.close()

    def check_budget(self) -> None:
        used = accounting.tokens_used(self.db)
        if used >= self.daily_token_budget:
            log.warning(
                "LLM daily token budget spent (%d of %d tokens today, UTC)",
                used,
                self.daily_token_budget,
            )
            raise EngineUnavailable("daily token budget spent")

    def structured(
        self, purpose: str, messages: list[dict[str, str]], schema: type[T]
    ) -> Completion[T]:
        """One logical call returning ``schema``; EngineUnavailable after bounded retries."""
        remaining = self.max_retries
        fmt = response_format(schema)
        while True:
            self.check_budget()
            client = self._client.with_options(max_retries=remaining)
            try:
                raw = client.chat.completions.with_raw_response.create(
                    model=self.model,
                    messages=cast(Any, messages),
                    response_format=cast(Any, fmt),
                )
                completion = raw.parse()
            except (openai.OpenAIError, ValueError) as exc:
                kind = _error_kind(exc)
                detail = redact(str(exc))  # an error body may echo the API key
                self._record(purpose, f"error:{kind}", 0, 0, remaining, detail)
                log.warning("LLM %s call failed (%s): %s", purpose, kind, detail)
                raise EngineUnavailable(f"{purpose}: {kind}") from exc
            remaining = max(0, remaining - raw.retries_taken)
            usage = completion.usage
            tokens_in = usage.prompt_tokens if usage else 0
            tokens_out = usage.completion_tokens if usage else 0
            try:
                value = self._parse(completion, schema)
            except _BadOutput as exc:
                self._record(purpose, "invalid", tokens_in, tokens_out, raw.retries_taken, exc.why)
                log.warning("LLM %s output unusable: %s", purpose, exc.why)
                if exc.retry and remaining > 0:
                    remaining -= 1
                    continue
                raise EngineUnavailable(f"{purpose}: {exc.why}") from exc
            call_id = self._record(purpose, "ok", tokens_in, tokens_out, raw.retries_taken, "")
            return Completion(value, call_id, tokens_in, tokens_out)

    @staticmethod
    def _parse(completion: Any, schema: type[T]) -> T:
        if not completion.choices:
            raise _BadOutput("no choices in the response")
        choice = completion.choices[0]
        message = choice.message
        if getattr(message, "refusal", None):
            raise _BadOutput("model refused", retry=False)
        if choice.finish_reason == "length":
            raise _BadOutput("output cut at the length limit")
        if not message.content:
            raise _BadOutput("empty content")
        try:
            return schema.model_validate_json(message.content)
        except ValidationError as exc:
            kind = "invalid JSON" if "json_invalid" in str(exc) else "schema violation"
            raise _BadOutput(f"{kind}: {exc.errors()[0].get('msg', '')}") from exc

    def _record(
        self, purpose: str, outcome: str, t_in: int, t_out: int, retries: int, detail: str
    ) -> int:
        return accounting.record_call(
            self.db,
            model=self.model,
            purpose=purpose,
            outcome=outcome,
            tokens_in=t_in,
            tokens_out=t_out,
            retries=retries,
            detail=detail,
        )


class _BadOutput(Exception):
    def __init__(self, why: str, *, retry: bool = True) -> None:
        super().__init__(why)
        self.why = why
        self.retry = retry

"""The one owner of the ``openai`` client: structured calls with bounded retries, the daily
token budget, the circuit breaker and per-call accounting; every failure becomes
``EngineUnavailable``.

One logical call lasts at most ``llm_timeout`` seconds in all and is retried at most
``llm_max_retries`` times: refused connections, 429 (honouring Retry-After), 5xx and invalid or
schema-violating output are retried while time is left; a timeout is not (it already cost the
whole allowance). The SDK's own retries are off so that this bound holds. A call that still
fails counts against the breaker (``bot.llm.breaker``): after ``llm_breaker_failures`` failed
calls in a row, or once failed calls in a row have taken ``llm_timeout`` in all (one timeout),
the model is skipped for ``llm_breaker_cooldown`` seconds, and only the first failure of an
outage is logged as a warning.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

import openai
from pydantic import BaseModel, ValidationError

from bot.domain.errors import EngineUnavailable
from bot.llm import accounting
from bot.llm.breaker import breaker_for
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


def _retry_wait(exc: Exception, attempt: int) -> float | None:
    """Seconds to wait before retrying after ``exc``, or None when it is not worth a retry."""
    if isinstance(exc, openai.APITimeoutError):
        return None
    if isinstance(exc, openai.APIConnectionError):
        return 0.2 * (attempt + 1)
    if isinstance(exc, openai.APIStatusError) and (
        exc.status_code in (408, 409, 429) or exc.status_code >= 500
    ):
        headers = exc.response.headers
        for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
            try:
                return max(0.0, float(headers.get(name, "")) * scale)
            except ValueError:
                continue
        return min(8.0, 0.5 * 2**attempt) * random.uniform(0.75, 1.0)
    return None


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
        self.timeout = settings.llm_timeout
        self.db = db
        self._client = openai.OpenAI(
            # a compatible local server may need no key; the SDK insists on one
            api_key=key.get_secret_value() if key else "unused",
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=0,  # retried here, within one time bound (module docstring)
        )
        self.breaker = breaker_for(
            str(self._client.base_url),
            self.model,
            settings.llm_breaker_failures,
            settings.llm_breaker_cooldown,
            time_limit=settings.llm_timeout,
        )

    def close(self) -> None:
        self._client.close()

    def check_budget(self) -> None:
        used = accounting.tokens_used(self.db)
        if used >= self.daily_token_budget:
            if self._budget_warned != accounting.today():
                self._budget_warned = accounting.today()
                log.warning(
                    "LLM daily token budget spent (%d of %d tokens today, UTC): offline engine "
                    "until tomorrow",
                    used,
                    self.daily_token_budget,
                )
            raise EngineUnavailable("daily token budget spent")

    _budget_warned = ""

    def available(self) -> bool:
        """False while the breaker holds the model off (callers should not wait for it)."""
        return not self.breaker.is_open() or self.breaker.seconds_left() <= 0

    def structured(
        self, purpose: str, messages: list[dict[str, str]], schema: type[T]
    ) -> Completion[T]:
        """One logical call returning ``schema``; EngineUnavailable after bounded retries, or at
        once while the breaker is open."""
        if not self.breaker.allow():
            self._record(purpose, "skipped:breaker", 0, 0, 0, "")
            raise EngineUnavailable(f"{purpose}: model skipped (circuit open)")
        try:
            self.check_budget()
        except EngineUnavailable:
            self._record(purpose, "skipped:budget", 0, 0, 0, "")
            raise
        started = time.monotonic()
        try:
            completion = self._attempts(purpose, messages, schema)
        except _Failed as failed:
            self._failed(purpose, failed.kind, failed.detail, time.monotonic() - started)
            raise EngineUnavailable(f"{purpose}: {failed.kind}") from failed.__cause__
        if self.breaker.success():
            log.info("LLM answering again: back to the model")
        return completion

    def _attempts(
        self, purpose: str, messages: list[dict[str, str]], schema: type[T]
    ) -> Completion[T]:
        remaining = self.max_retries
        deadline = time.monotonic() + self.timeout
        fmt = response_format(schema)
        attempt = 0
        while True:
            client = self._client.with_options(timeout=max(0.5, deadline - time.monotonic()))
            try:
                raw = client.chat.completions.with_raw_response.create(
                    model=self.model,
                    messages=cast(Any, messages),
                    response_format=cast(Any, fmt),
                )
                completion = raw.parse()
            except (openai.OpenAIError, ValueError) as exc:
                wait = _retry_wait(exc, attempt)
                if wait is not None and remaining > 0 and time.monotonic() + wait < deadline:
                    log.info("LLM %s call failed (%s), retrying", purpose, _error_kind(exc))
                    time.sleep(wait)
                    remaining, attempt = remaining - 1, attempt + 1
                    continue
                kind = _error_kind(exc)
                detail = redact(str(exc))  # an error body may echo the API key
                self._record(purpose, f"error:{kind}", 0, 0, attempt, detail)
                raise _Failed(kind, detail) from exc
            usage = completion.usage
            tokens_in = usage.prompt_tokens if usage else 0
            tokens_out = usage.completion_tokens if usage else 0
            try:
                value = self._parse(completion, schema)
            except _BadOutput as exc:
                retry = exc.retry and remaining > 0 and time.monotonic() < deadline
                outcome = "invalid" if retry else "error:invalid"  # error:* ends the call
                self._record(purpose, outcome, tokens_in, tokens_out, attempt, exc.why)
                log.info("LLM %s output unusable: %s", purpose, exc.why)
                if retry:
                    remaining, attempt = remaining - 1, attempt + 1
                    continue
                raise _Failed("invalid output", exc.why) from exc
            call_id = self._record(purpose, "ok", tokens_in, tokens_out, attempt, "")
            return Completion(value, call_id, tokens_in, tokens_out)

    def _failed(self, purpose: str, kind: str, detail: str, seconds: float) -> None:
        """Count a failed logical call; one warning per outage, the rest at INFO."""
        if kind == "timeout":  # it spent the whole allowance, whatever the clock says
            seconds = max(seconds, self.timeout)
        opened = self.breaker.failure(seconds)
        if self.breaker.first_warning():
            log.warning(
                "LLM %s call failed (%s): %s; using the offline engine until the model answers",
                purpose,
                kind,
                detail,
            )
        else:
            log.info("LLM %s call failed (%s): %s", purpose, kind, detail)
        if opened:
            log.info(
                "LLM circuit open after %d failed calls: model skipped for %g s",
                self.breaker.consecutive,
                self.breaker.cooldown,
            )

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


class _Failed(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(kind)
        self.kind, self.detail = kind, detail


class _BadOutput(Exception):
    def __init__(self, why: str, *, retry: bool = True) -> None:
        super().__init__(why)
        self.why = why
        self.retry = retry

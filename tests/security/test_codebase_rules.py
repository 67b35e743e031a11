"""Static rules over bot/: one fetcher for outgoing HTTP, certificate checks never switched off,
trafilatura and feedparser never asked to fetch, and the safe defaults of the fetch settings."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bot.settings import PROJECT_DIR, Settings

BOT = PROJECT_DIR / "bot"
FETCHER = BOT / "ingest" / "fetch.py"
# the chat and LLM SDK adapters talk to their own platform, never to a user-given URL
SDK_ADAPTERS = {
    BOT / "llm" / "client.py",
    BOT / "adapters" / "telegram.py",
    BOT / "adapters" / "telegram_send.py",
    BOT / "adapters" / "slack.py",
    BOT / "adapters" / "slack_send.py",
}
HTTP_MODULES = (
    "httpx",
    "httpx2",
    "requests",
    "urllib.request",
    "urllib3",
    "aiohttp",
    "http.client",
)


def _sources() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(BOT.rglob("*.py"))]


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def test_http_clients_are_only_used_by_the_fetcher_and_sdk_adapters() -> None:
    offenders = []
    for path, tree in _sources():
        if path == FETCHER or path in SDK_ADAPTERS:
            continue
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == m or name.startswith(m + ".") for m in HTTP_MODULES):
                    # aiohttp.web serves our own webhook endpoints; it is not a client
                    serving = isinstance(node, ast.ImportFrom) and all(
                        a.name == "web" for a in node.names
                    )
                    if name == "aiohttp" and serving:
                        continue
                    offenders.append(
                        f"{path.relative_to(PROJECT_DIR)}:{getattr(node, 'lineno', 0)} {name}"
                    )
            if isinstance(node, ast.Call):
                called = _dotted(node.func)
                if called.endswith(("ClientSession", "urlopen", "fetch_url")):
                    offenders.append(f"{path.relative_to(PROJECT_DIR)}:{node.lineno} {called}")
    assert offenders == []


def test_sdk_adapters_only_use_aiohttp_to_serve() -> None:
    for path in SDK_ADAPTERS:
        text = path.read_text(encoding="utf-8")
        assert "ClientSession" not in text and "urlopen" not in text, path


def test_trafilatura_and_feedparser_are_never_asked_to_fetch() -> None:
    offenders = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = _dotted(node.func)
            where = f"{path.relative_to(PROJECT_DIR)}:{node.lineno}"
            if called.startswith("trafilatura.") and called.split(".")[-1] in (
                "fetch_url",
                "fetch_response",
            ):
                offenders.append(where)
            if called == "feedparser.parse":
                first = node.args[0] if node.args else None
                # only a BytesIO of bytes we downloaded: a str would be opened as a URL or path
                is_buffer = isinstance(first, ast.Call) and _dotted(first.func).endswith("BytesIO")
                if not is_buffer:
                    offenders.append(where)
    assert offenders == []


CERT_OFF = re.compile(
    r"CERT_NONE|verify\s*=\s*False|check_hostname\s*=\s*False|_create_unverified_context"
    r"|cert_reqs\s*=\s*[\"']?(CERT_)?NONE|assert_hostname\s*=\s*False|ssl\s*=\s*False"
)


def test_certificate_checking_is_never_turned_off() -> None:
    hits = []
    for path in BOT.rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if CERT_OFF.search(line):
                hits.append(f"{path.relative_to(PROJECT_DIR)}:{n}: {line.strip()}")
    assert hits == []


def test_safe_defaults() -> None:
    settings = Settings()
    assert settings.fetch_allow_private is False
    assert settings.fetch_max_bytes == 5_000_000
    assert settings.fetch_timeout == 20.0
    assert settings.fetch_max_redirects == 3

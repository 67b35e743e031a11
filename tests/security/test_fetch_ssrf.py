"""SSRF rules of the fetcher: schemes, credentials, IP spellings, address policy, DNS pinning,
redirect re-checks and TLS verification. No DNS name is ever resolved for real here."""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from bot.ingest.errors import FetchError
from bot.ingest.fetch import Fetcher
from bot.ingest.netpolicy import (
    AddressCheck,
    IPAddress,
    address_problem,
    is_public_address,
    parse_target,
)
from bot.settings import Settings
from tests.fakes.ingest_http import redirect, reply, serve

REFUSED = [
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.0.1",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:10.1.2.3",
    "64:ff9b::a9fe:a9fe",  # NAT64 form of 169.254.169.254
    "2002:7f00:1::1",  # 6to4 form of 127.0.0.1
    "::a9fe:a9fe",  # IPv4-compatible form of 169.254.169.254 (is_global says public)
    "::ffff:0:a9fe:a9fe",  # IPv4-translated form (is_global says public)
    "64:ff9b:1::a9fe:a9fe",  # local-use NAT64 prefix (is_global says public)
    "fec0::1",  # deprecated site-local (is_global says public)
]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert address_problem(address) is not None
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "64:ff9b::808:808"]
)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(address) is None


def test_allow_private_lets_loopback_through_but_not_unspecified_or_multicast() -> None:
    assert address_problem("127.0.0.1", allow_private=True) is None
    assert address_problem("127.3.4.5", allow_private=True) is None
    assert address_problem("::1", allow_private=True) is None
    assert address_problem("0.0.0.0", allow_private=True) is not None
    assert address_problem("224.0.0.1", allow_private=True) is not None


@pytest.mark.parametrize(
    "address",
    [
        "169.254.169.254",  # cloud metadata
        "::ffff:169.254.169.254",
        "fe80::1",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.0.10",
        "100.64.0.1",
        "fd00::1",
        "::ffff:10.0.0.1",
        "64:ff9b::a9fe:a9fe",  # NAT64 form of 169.254.169.254
    ],
)
def test_allow_private_is_loopback_only(address: str) -> None:
    assert address_problem(address, allow_private=True) is not None


def test_default_settings_refuse_private() -> None:
    assert Settings().fetch_allow_private is False


BAD_URLS = [
    "ftp://example.test/file",
    "file:///etc/passwd",
    "gopher://example.test/",
    "javascript:alert(1)",
    "http:///no-host",
    "http://user:secret@example.test/",
    "http://user@example.test/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://017700000001/",
    "http://[fe80::1%25eth0]/",
    "http://example.test:99999/",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_urls_are_refused_before_any_lookup(url: str) -> None:
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    fetcher = Fetcher(Settings(fetch_allow_private=True), resolver=resolver)
    with pytest.raises(FetchError):
        fetcher.fetch(url)
    assert calls == []
    with pytest.raises(FetchError):
        parse_target(url)


def test_literal_private_ip_refused_without_lookup() -> None:
    fetcher = Fetcher(Settings(), resolver=lambda h, p: pytest.fail("no lookup for a literal"))
    for url in ("http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/"):
        with pytest.raises(FetchError, match="refused"):
            fetcher.fetch(url)


def test_every_resolved_address_must_be_public() -> None:
    fetcher = Fetcher(Settings(), resolver=lambda h, p: ["8.8.8.8", "10.0.0.7"])
    with pytest.raises(FetchError, match=r"10\.0\.0\.7"):
        fetcher.fetch("http://mixed.test/")
    fetcher = Fetcher(Settings(), resolver=lambda h, p: ["169.254.169.254"])
    with pytest.raises(FetchError, match="non-public"):
        fetcher.fetch("http://metadata.test/latest/meta-data/")


def test_connection_goes_to_the_checked_address_with_the_host_header() -> None:
    lookups: list[str] = []

    def rebinding_resolver(host: str, port: int) -> list[str]:
        lookups.append(host)  # a second lookup would get a private address
        return ["127.0.0.1"] if len(lookups) == 1 else ["10.0.0.1"]

    with serve({"/page": reply("<p>hello</p>")}) as srv:
        fetcher = Fetcher(Settings(fetch_allow_private=True), resolver=rebinding_resolver)
        result = fetcher.fetch(f"http://news.test:{srv.port}/page")
    assert result.status == 200 and result.body == b"<p>hello</p>"
    assert lookups == ["news.test"]
    assert srv.requests[0][1]["Host"] == f"news.test:{srv.port}"


def _first_hop_only() -> tuple[list[IPAddress], AddressCheck]:
    """An address check that lets the first hop reach the local server, then is strict."""
    seen: list[IPAddress] = []

    def check(ip: IPAddress) -> str | None:
        seen.append(ip)
        return None if len(seen) == 1 else address_problem(ip, allow_private=False)

    return seen, check


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:{port}/secret",
        "http://metadata.test/computeMetadata/v1/",
        "http://[::ffff:127.0.0.1]:{port}/secret",
        "http://2130706433/",
        "file:///etc/passwd",
    ],
)
def test_each_redirect_hop_is_checked_again(target: str) -> None:
    resolver = {"start.test": ["127.0.0.1"], "metadata.test": ["169.254.169.254"]}
    with serve({"/secret": reply("top secret")}) as srv:
        location = target.format(port=srv.port)
        srv_routes = {"/go": redirect(location)}
        with serve({**srv_routes}) as start:
            _seen, check = _first_hop_only()
            fetcher = Fetcher(
                Settings(),
                resolver=lambda h, p: resolver[h],
                address_check=check,
            )
            with pytest.raises(FetchError):
                fetcher.fetch(f"http://start.test:{start.port}/go")
            assert start.hits("/go") == 1
        assert srv.hits("/secret") == 0


def test_redirects_followed_up_to_the_limit() -> None:
    routes = {
        "/a": redirect("/b"),
        "/b": redirect("/c", 301),
        "/c": redirect("/d", 307),
        "/d": reply("<p>end</p>"),
        "/loop": redirect("/loop"),
    }
    with serve(routes) as srv:
        fetcher = Fetcher(Settings(fetch_allow_private=True, fetch_max_redirects=3))
        result = fetcher.fetch(srv.base + "/a")
        assert result.url == srv.base + "/d" and result.body == b"<p>end</p>"
        with pytest.raises(FetchError, match="too many redirects"):
            fetcher.fetch(srv.base + "/loop")
        assert srv.hits("/loop") == 4  # first request + 3 redirects


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl not available")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=secure.test"),
            *("-addext", "subjectAltName=DNS:secure.test"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_tls_certificate_is_verified_with_the_hostname_as_sni(
    self_signed: tuple[Path, Path],
) -> None:
    cert, key = self_signed
    names: list[str | None] = []
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.sni_callback = lambda sock, name, c: names.append(name)
    with serve({"/": reply("secret")}, tls=ctx) as srv:
        fetcher = Fetcher(Settings(fetch_allow_private=True), resolver=lambda h, p: ["127.0.0.1"])
        with pytest.raises(FetchError, match="TLS"):
            fetcher.fetch(f"https://secure.test:{srv.port}/")
        assert srv.requests == []
    assert names == ["secure.test"]


def test_ipv4_mapped_literal_is_unwrapped() -> None:
    assert address_problem(ipaddress.ip_address("::ffff:8.8.8.8")) is None
    fetcher = Fetcher(Settings())
    with pytest.raises(FetchError, match="non-public"):
        fetcher.fetch("http://[::ffff:7f00:1]/")

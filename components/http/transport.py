"""An httpx transport whose every socket read, write and connect ends by the request's and the command's end.

httpx's timeouts are per socket operation: a server that trickles its headers a byte at a time resets the read
timeout with every byte, and h11 waits for up to 16 KiB of them. Wrapping httpcore's network backend caps each
operation at what is left of the request's time (budget.REQUEST_SECONDS) and of the command's deadline, so no
response, however slow, outlives either.
"""

from __future__ import annotations

import ssl
import typing
import urllib.request

import httpcore
import httpx

from components.errors import InputError
from components.http.budget import Deadline
from components.loopback import is_loopback


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def _timeout(self, timeout: float | None, error: type[Exception]) -> float:
        if self._deadline.attempt_remaining() <= 0:
            raise error("the request's time, or the command's deadline, has passed")
        return self._deadline.bounded(timeout if timeout is not None else self._deadline.attempt_remaining())

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._timeout(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, self._timeout(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        if self._deadline.attempt_remaining() <= 0:
            raise httpcore.ConnectTimeout("the request's time, or the command's deadline, has passed")
        limit = self._deadline.bounded(timeout if timeout is not None else self._deadline.attempt_remaining())
        stream = self._inner.connect_tcp(host, port, limit, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("Okta is never reached over a unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(self._deadline.bounded(seconds))


def _environment_proxy(base_url: str) -> str | None:
    """The proxy the environment names for the org (HTTPS_PROXY, NO_PROXY), as httpx would use; never for a
    loopback host (the tests' org must not leave the machine)."""
    url = httpx.URL(base_url)
    if is_loopback(url.host) or urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(url.scheme) or proxies.get("all")


def deadline_transport(base_url: str, deadline: Deadline) -> httpx.HTTPTransport:
    proxy = _environment_proxy(base_url)
    try:
        transport = httpx.HTTPTransport(proxy=proxy, retries=0)
    except (ValueError, ImportError) as error:
        # The value is not shown: a proxy URL may carry a user and password.
        name = type(error).__name__
        raise InputError(
            "HTTPS_PROXY", "", f"is not a proxy this tool can use ({name}); give http://host:port"
        ) from None
    # httpx has no public way to give its pool a network backend; a test fails if this stops working.
    pool = transport._pool
    if not isinstance(getattr(pool, "_network_backend", None), httpcore.NetworkBackend):
        raise AssertionError("this httpx no longer keeps its network backend where the deadline is put")
    pool._network_backend = _DeadlineBackend(pool._network_backend, deadline)
    return transport

"""The one retry loop of both clients (Okta's and Gainsight's): every attempt drawn from the command's deadline
and retry budget (budget.py).

- A 429 waits as long as the server says (`Rate`: Okta's `X-Rate-Limit-Reset`, Gainsight's `Retry-After`); a wait
  past the deadline is not started, and the command stops with one line saying when to run it again.
- A 5xx and a network error back off, from FIRST_BACKOFF_SECONDS doubling to MAX_BACKOFF_SECONDS.
- A refused connection (nothing listens at the address) is tried REFUSED_RETRIES more times, briefly (a server
  restarting), then named as what it is, not waited on until the deadline.
- A request that may have reached the server is sent again only when `repeatable`: a POST of `…/keys/generate`
  retried after a timeout or a 500 can generate two keys. A 429, or a connection never made, means the server did
  nothing, so those are retried for every method.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx

from components.errors import InputError
from components.http.budget import Deadline, RetryBudget
from components.limits import FIRST_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS

Exchange = Callable[[], tuple[httpx.Response, bytes]]
REFUSED_RETRIES = 2  # 0.5 s, then 1 s: a refused connection is answered at once, so it is not a slow network


def refused(error: BaseException) -> bool:
    """Whether the connection was refused: the address is wrong, or nothing runs there."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError) or "Connection refused" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@dataclass(frozen=True)
class RateLimit:
    """A 429's wait in seconds, and how a person is told it lasts past the deadline ("until 12:00:00 UTC")."""

    seconds: float
    lasting: str
    advice: str = ""  # appended to the line, e.g. "; run it again then"


@dataclass
class Retrying:
    """What differs between the two clients; `sleep` is injected so that tests wait for nothing."""

    source: str  # "Okta" or "Gainsight", the first words of every line
    deadline: Deadline
    budget: RetryBudget
    sleep: Callable[[float], None]
    rate_limit: Callable[[httpx.Response], RateLimit]
    unreachable: Callable[[str, httpx.HTTPError, int], InputError]  # (where, the last error, attempts)
    request_seconds: float
    before: Callable[[], None] = lambda: None  # before each attempt (Okta's pace)
    after: Callable[[httpx.Response], None] = lambda _response: None  # after each response (Okta's counts)
    requests: int = 0

    def late(self, where: str) -> InputError:
        return InputError(self.source, where, f"no complete response within {self.deadline.described()}")

    def send(self, exchange: Exchange, where: str, *, repeatable: bool) -> tuple[httpx.Response, bytes]:
        """The response and its body, whatever its status, once retries are done or spent."""
        backoff = FIRST_BACKOFF_SECONDS
        attempts = refusals = 0
        while True:
            if self.deadline.expired:
                raise self.late(where)
            self.before()
            self.requests += 1
            try:
                with self.deadline.attempt(self.request_seconds):
                    response, body = exchange()
                self.after(response)
            except httpx.LocalProtocolError as error:  # made here, not by the network: asking again changes nothing
                raise InputError(self.source, where, f"cannot be asked: {type(error).__name__}") from None
            except httpx.HTTPError as error:
                never_sent = isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout))
                if not repeatable and not never_sent:
                    # Said even when the deadline is what ended it: the write may have been carried out.
                    raise InputError(
                        self.source,
                        where,
                        f"no response ({type(error).__name__}); it may have been carried out, so it is not sent "
                        f"again: check what {self.source} holds before trying again",
                    ) from None
                attempts += 1
                if refused(error):
                    refusals += 1
                    if refusals > REFUSED_RETRIES or backoff >= self.deadline.remaining():
                        raise self.unreachable(where, error, attempts) from None
                if self.deadline.expired:
                    raise self.late(where) from None
                if not self.budget.take(after_timeout=isinstance(error, httpx.TimeoutException)):
                    raise self.unreachable(where, error, attempts) from None
                if backoff >= self.deadline.remaining():
                    raise self.late(where) from None
                self.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            status = response.status_code
            if status == 429:
                wait = self.rate_limit(response)
                if wait.seconds >= self.deadline.remaining():
                    raise InputError(
                        self.source,
                        where,
                        f"429: rate-limited {wait.lasting}, past {self.deadline.described()}{wait.advice}",
                    )
                if self.budget.take():
                    self.sleep(wait.seconds)
                    continue
            elif status >= 500 and repeatable and backoff < self.deadline.remaining() and self.budget.take():
                self.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            return response, body

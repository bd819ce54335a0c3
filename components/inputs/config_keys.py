"""The config keys of a stack, checked before their values: near misses of ours and the okta provider's.

Pulumi passes every key of the stack file to the program and ignores namespaces nobody reads, so
`gainsight_okta:protect: true` would silently leave production unprotected. A namespace or `okta:` key that is a
near miss of one this program or the provider reads is an error with the right spelling; other namespaces
(`aws:region`) are someone else's business.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from components.errors import InputError
from components.inputs.settings import NAMESPACE

# Every key the okta provider takes (pulumi_okta's config module); a key outside it is a typo.
OKTA_PROVIDER_KEYS = (
    "accessToken",
    "apiToken",
    "backoff",
    "baseUrl",
    "clientId",
    "httpProxy",
    "logLevel",
    "maxApiCapacity",
    "maxRetries",
    "maxWaitSeconds",
    "minWaitSeconds",
    "orgName",
    "parallelism",
    "privateKey",
    "privateKeyId",
    "requestTimeout",
    "scopes",
)
_SEPARATORS = re.compile(r"[\s_\-.]+")


def _folded(text: str) -> str:
    return _SEPARATORS.sub("", text).casefold()


def _okta_key_problem(name: str) -> str | None:
    if name in OKTA_PROVIDER_KEYS:
        return None
    by_fold = {_folded(key): key for key in OKTA_PROVIDER_KEYS}
    meant = by_fold.get(_folded(name)) or next(iter(difflib.get_close_matches(name, OKTA_PROVIDER_KEYS, n=1)), None)
    if meant:
        return f"is not a setting of the okta provider; did you mean 'okta:{meant}'?"
    return f"is not a setting of the okta provider (it takes: {', '.join(OKTA_PROVIDER_KEYS)})"


REQUEST_TIMEOUT = "okta:requestTimeout"


def check_request_timeout(config: Mapping[str, str], source: str) -> None:
    """`okta:requestTimeout` above 0 is refused: the provider (terraform-provider-okta v6.12.0) then wraps each
    request in a context with that timeout and cancels it as soon as the response's headers are in
    (sdk/v2_requestExecutor.go, doWithRetries: `defer cancel()`), before the body is read; the same bug as
    okta-sdk-golang #363 and #370. Measured on the real engine against the emulator: the first `up` fails its first
    look-up (`group with name "Customer Success" does not exist`). Until a provider fixes it, a hung request is
    bounded by the CI jobs' `timeout-minutes` (docs/provider-behaviour.md)."""
    value = str(config.get(REQUEST_TIMEOUT, "0")).strip()
    if value in ("", "0"):
        return
    raise InputError(
        source,
        REQUEST_TIMEOUT,
        "must be left unset: the okta provider (v6.12.0) cancels each request as soon as its headers arrive when it "
        'is set, so every response it then reads is empty and look-ups fail (a group "does not exist"). Remove it; '
        "the CI jobs' timeout-minutes bound a request that never ends",
    )


def check_config_keys(keys: Iterable[str], secret_keys: Iterable[str], source: str) -> None:
    """Refuse near-miss namespaces, unknown `okta:` keys, and a secret under this project's namespace."""
    for key in keys:
        namespace, _, name = key.partition(":")
        if namespace != NAMESPACE and _folded(namespace) == _folded(NAMESPACE):
            raise InputError(
                source, key, f"the namespace {namespace!r} is not this project's; did you mean '{NAMESPACE}:{name}'?"
            )
        if namespace == "okta" and (problem := _okta_key_problem(name)) is not None:
            raise InputError(source, key, problem)
    for key in secret_keys:
        if key.partition(":")[0] == NAMESPACE:
            # Said without the value: nothing under gainsight-okta is a secret, and errors must not echo one.
            raise InputError(source, key, "holds a secret value, but it is not a secret; set it in plain text")

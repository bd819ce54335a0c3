"""The component package's provider: Pulumi's component host for `GainsightOkta`, with one-line refusals.

`component_provider_host` would do, but for one thing: its provider wraps whatever a component's `__init__`
raises (pulumi.provider.experimental.component, `ComponentInitError`), and the gRPC server then answers with the
message and a Python traceback, which the engine prints. A refusal of bad args is one line in every language, so
here a `RunError` from the component is answered as an `InputPropertiesError` without property details:
the engine prints it as `error: gainsight-okta:index:GainsightOkta resource 'NAME' has a problem: <the line>`
(pkg/resource/deploy/source_eval.go, errorToMessage). Any other exception keeps Pulumi's traceback: that is a bug.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pulumi
from pulumi import InputPropertiesError
from pulumi.provider import ConstructResult, main
from pulumi.provider.experimental.component import ComponentProvider
from pulumi.provider.server import ComponentInitError

from components.inputs.component_args import args_source
from components.resources.gainsight_okta import GainsightOkta
from components.resources.urns import PROJECT

PACKAGE_NAME = PROJECT  # the type token's package: gainsight-okta:index:GainsightOkta
PACKAGE_VERSION = "0.1.0"


class GainsightOktaProvider(ComponentProvider):
    """Pulumi's component provider for `GainsightOkta`, answering a refusal as one line."""

    def __init__(self) -> None:
        super().__init__([GainsightOkta], PACKAGE_NAME, None, PACKAGE_VERSION)

    def construct(
        self,
        name: str,
        resource_type: str,
        inputs: pulumi.Inputs,
        options: pulumi.ResourceOptions | None = None,
    ) -> ConstructResult:
        try:
            return super().construct(name, resource_type, inputs, options)
        except ComponentInitError as error:
            if not isinstance(error.inner, pulumi.RunError):
                raise
            # The engine names the resource already: the line without the component's own name before it.
            line = str(error.inner).removeprefix(f"{args_source(name)}: ")
            # No property details (the engine would add a line for each), but a list: the SDK's server builds
            # the gRPC status's trailing metadata only for one (`'Status' object has no attribute
            # 'trailing_metadata'` otherwise, seen in the e2e).
            raise InputPropertiesError(line, []) from None


def package_schema() -> dict[str, Any]:
    """The package's schema, as `pulumi package get-schema` prints it (inferred from the type hints)."""
    schema = GainsightOktaProvider().schema
    return json.loads(schema) if isinstance(schema, str) else dict(schema)


def serve() -> None:
    """Run as the plugin: the engine's address and flags are on the command line."""
    main(GainsightOktaProvider(), sys.argv[1:])

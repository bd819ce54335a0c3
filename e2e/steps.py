"""What users do, step by step: a new stack's first `up`, the runbook's manual step, `up` again."""

from __future__ import annotations

from typing import Any

from .conftest import Engine

ALL_ON = {"createUsers": True, "updateUsers": True, "deactivateUsers": True}


def provisioning(config: dict[str, Any], enabled: bool) -> None:
    config["gainsight-okta:scimApp"] = {**config.get("gainsight-okta:scimApp", {}), "provisioningEnabled": enabled}


def manual_step(engine: Engine, stack: str) -> None:
    """The runbook's step 3, as a person does it in the Admin Console: Provisioning: SCIM, its connector, To App."""
    scim_app = engine.pulumi.outputs(stack)["scimAppId"]
    engine.org.control("POST", f"/_emulator/apps/{scim_app}/provisioning", ALL_ON)


def first_up(engine: Engine, stack: str, **settings: Any) -> list[str]:
    """A new stack from the repository's file (with `settings` over it), provisioning off as `init` writes it."""
    return first_up_of(engine, stack, {**engine.repository_stack(stack), **settings})


def first_up_of(engine: Engine, stack: str, config: dict[str, Any]) -> list[str]:
    """A new stack from these settings, provisioning off as `init` writes it."""
    provisioning(config, False)
    engine.write_stack(stack, config)
    engine.pulumi.init(stack)
    return [engine.pulumi.up(stack).output]


def deployed_with_provisioning(engine: Engine, stack: str, **settings: Any) -> list[str]:
    """The first hour: `up`, the manual step, `provisioningEnabled: true`, `up`; what the engine printed."""
    return deployed_from(engine, stack, {**engine.repository_stack(stack), **settings})


def deployed_from(engine: Engine, stack: str, config: dict[str, Any]) -> list[str]:
    """The first hour from these settings (a generated stack's, say): what the engine printed."""
    printed = first_up_of(engine, stack, config)
    manual_step(engine, stack)
    engine.edit(stack, lambda config: provisioning(config, True))
    printed.append(engine.pulumi.up(stack).output)
    return printed

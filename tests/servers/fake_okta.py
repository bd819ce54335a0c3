"""The live commands' tests talk to the one Okta emulator (components.emulator), as a test org that accepts one
API token. Kept as a name the tests know; the behaviour lives in the emulator, so every test learns the same Okta."""

from __future__ import annotations

from dataclasses import dataclass

from components.emulator.org import SCIM_NAMESPACE, EmulatedOrg
from components.emulator.server import EmulatorServer

TOKEN = "00aFAKEapiTOKENforTESTSonly0000000000000000"

__all__ = ["SCIM_NAMESPACE", "TOKEN", "FakeOktaServer", "FakeOrg"]


@dataclass
class FakeOrg(EmulatedOrg):
    token: str | None = TOKEN


FakeOktaServer = EmulatorServer

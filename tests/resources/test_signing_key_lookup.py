"""`samlApp.signingKeyId` makes the program read that key's IdP metadata for the rotation's hand-off.

data_source_okta_app_saml_metadata.go: `app_id` is required and `key_id` optional; Read calls
GetSAMLMetadata(app_id, key_id) and fails the whole preview with "failed to get app's SAML metadata" when Okta
has no such key; it sets `metadata` (the raw XML) and `certificate` (the first KeyDescriptor's X509Certificate).
So the look-up is made only while a rotation is under way, with the SSO app's id and the stack's kid.
"""

from __future__ import annotations

from typing import Any

from pulumi.runtime.mocks import MockCallArgs

from components.inputs.stack_file import read_stack_file
from components.offline.mocks import OfflineMocks
from components.offline.plan import run_offline
from components.resources.provider_facts import SAML_METADATA
from tests.conftest import article_stack, resource

SSO_ID = "0oa1sso2gainsight3x4"


class RecordingMetadata(OfflineMocks):
    """Answers the look-up as the provider's Read sets it, and records what it was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[dict[str, Any]] = []

    def call(self, args: MockCallArgs):
        if args.token != SAML_METADATA:
            return super().call(args)
        self.asked.append(dict(args.args))
        return {"metadata": f"<md:EntityDescriptor kid={args.args['keyId']}/>", "certificate": "MIIBnext"}, []


def planned(write_stack, saml_app: dict[str, Any]) -> tuple[dict[str, Any], RecordingMetadata]:
    mocks = RecordingMetadata()
    path = write_stack(article_stack(**{"gainsight-okta:samlApp": saml_app}))
    return run_offline("test", read_stack_file(path), path.name, mocks).to_json(), mocks


def test_the_next_keys_metadata_is_read_for_the_sso_app_and_the_stacks_kid(write_stack) -> None:
    plan, mocks = planned(write_stack, {"importId": SSO_ID, "signingKeyId": "kid-next"})
    assert resource(plan, "gainsight-sso")["id"] == SSO_ID
    assert mocks.asked == [{"appId": SSO_ID, "keyId": "kid-next"}]
    assert plan["outputs"]["idpNextCertificate"] == "MIIBnext"
    assert plan["outputs"]["idpNextMetadata"] == "<md:EntityDescriptor kid=kid-next/>"


def test_no_look_up_without_a_rotation(write_stack) -> None:
    """Without signingKeyId nothing is read, so a stack never fails preview on a key it does not name."""
    plan, mocks = planned(write_stack, {"importId": SSO_ID})
    assert mocks.asked == []
    assert "idpNextCertificate" not in plan["outputs"] and "idpNextMetadata" not in plan["outputs"]

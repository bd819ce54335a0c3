"""The gainsight-okta policy pack: `pulumi preview --policy-pack policy` and `pulumi up --policy-pack policy`."""

from gainsight_policies import POLICIES
from pulumi_policy import EnforcementLevel, PolicyPack

PolicyPack(
    name="gainsight-okta",
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=POLICIES,
)

"""Okta's JSON documents as typed values (after Okta's OpenAPI spec and the `okta` SDK's models): apps, their
assignments, schemas and mappings, groups and people; unknown fields ignored, server text made safe."""

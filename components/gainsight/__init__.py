"""Gainsight's SCIM API, read only: its OAuth client-credentials token, its users with their license and
super-admin flag, within the same bounds as Okta's reads (components.http)."""

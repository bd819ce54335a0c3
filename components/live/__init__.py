"""The live org: the client of Okta's Management API, and what `adopt`, `verify` and `rotate-key` make of it.

Public surface: `credentials.org_url`/`credentials_from_environment`, `client.OktaClient`, `org.read_org`,
`adopt.adopt`, `verify.verify`, `key_rotation`. Everything reads, except the two phases of a key rotation that a
person confirms (`--confirm`); the client refuses to write unless made with `allow_writes=True`.
"""

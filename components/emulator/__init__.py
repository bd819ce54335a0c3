"""An Okta org on 127.0.0.1 that behaves as Okta does, for every test that talks to Okta (`gainsight-okta emulate`).

Each behaviour it models beyond plain storage (nulls in assignment profiles, provisioning reset by an app PUT,
priority collisions, app users derived from groups, rate-limit buckets, pagination, error bodies) is pinned by a
test in tests/emulator/ that cites where Okta, its OpenAPI spec, its SDK's models or a provider issue says so. It
imports nothing of the program's layers: what it knows of Okta it knows by itself.
"""

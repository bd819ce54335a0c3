"""The live org, read only: the client of Okta's Management API, and what `adopt` and `verify` make of it.

Public surface: `credentials.org_url`/`credentials_from_environment`, `client.OktaClient`, `org.read_org`,
`adopt.adopt`, `verify.verify`. Nothing here writes to Okta.
"""

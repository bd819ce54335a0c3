"""`rotate-key`: the SSO app's IdP signing certificate rotated in phases (status, generate, switch, clean up), so
that sign-in to Gainsight never breaks; only `--confirm` writes."""

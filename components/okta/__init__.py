"""Okta's Management API: the credentials and org as the okta provider takes them, a client (GET unless made to
write, pagination, rate-limit buckets), its typed documents (`models/`), and the reads of apps, groups and people."""

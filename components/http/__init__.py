"""HTTP within a command's bounds, shared by the Okta and Gainsight clients: the deadline and retry budget, the one
retry loop, a transport whose sockets end with the request, bodies read within caps, and addresses."""

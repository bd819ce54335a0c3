"""`explain`: which Gainsight values a user in some groups receives, from the stack alone (Okta's group-priority
rule), or one person as Okta and Gainsight hold them (`--user LOGIN --live`)."""

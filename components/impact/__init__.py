"""`impact`: who a change to the stack deactivates, re-licenses or makes super admin in Gainsight, from the live
SCIM app and the people the change touches (read only)."""

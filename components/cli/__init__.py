"""The command line, `gainsight-okta` (also `python -m components`): each command's options, and a table that hands
each command to its feature package's `run_…` function."""

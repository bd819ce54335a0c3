"""gainsight-okta: Okta for Gainsight as a Pulumi program.

The packages follow the flow of data, and each imports only from those below it (an import-linter contract
in pyproject.toml keeps it so):

    cli, __main__   the command line              program    the one Pulumi program
    offline/        the program under mocks       documents/ runbook, explain, plan diff, drift report
    resources/      StackInputs -> Okta resources inputs/    stack file -> validated StackInputs
    metadata/       metadata.xml -> SpMetadata    errors, user_files: the ground every layer stands on
"""

__version__ = "0.5.0"

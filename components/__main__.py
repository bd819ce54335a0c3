"""`python -m components`: the command line, as the `gainsight-okta` console script runs it."""

import sys

from components.cli.main import main

sys.exit(main())

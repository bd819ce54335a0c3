"""The Pulumi program: `pulumi preview` / `pulumi up` run this file."""

from components.program import main

main()

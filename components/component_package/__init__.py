"""The `GainsightOkta` component served to programs in any Pulumi language: the component package's provider.

Public surface: `provider.serve` (what component-package/__main__.py runs) and `provider.package_schema` (the
schema `pulumi package get-schema component-package` prints, built in process).
"""

"""Stack file or component args → validated, frozen `StackInputs` (settings, Gainsight's rules, the metadata).

Public surface: `stack_file.read_stack_file`, `stack_inputs.load_stack_inputs` and `StackInputs`,
`settings.NAMESPACE`, and Gainsight's schema in `gainsight_schema`.
"""

"""`verify`: the live org (and Gainsight, when configured) compared with a stack, read only: what `pulumi refresh`
cannot see or cannot judge, as text, Markdown or JSON."""

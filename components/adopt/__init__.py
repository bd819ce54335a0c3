"""`adopt`: a Gainsight setup made by hand in Okta, read once (read only), written as a stack file and a `pulumi
import` file, with what did not fit said plainly."""

// Stands in for github.com/pulumi/pulumi-java, which the Go module proxy refuses: the okta
// provider's bridge imports its program generator only to convert docs examples (pkg/tfgen), which serving
// requests never reaches (../../README.md of shared/toolchain, "Facts measured here").
module github.com/pulumi/pulumi-java

go 1.24

require (
	github.com/hashicorp/hcl/v2 v2.24.0
	github.com/pulumi/pulumi/pkg/v3 v3.246.0
)

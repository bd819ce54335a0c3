#!/usr/bin/env bash
# `make e2e-tools`: the real toolchain from Go modules, cached by version outside the repository:
# the Pulumi CLI, its Python language host and the okta resource provider, in one directory (`make -s e2e-bin`).
# A module the Go module proxy will not serve is one `error:` line naming it, with the proxy's answer, exit 2.
set -euo pipefail
cd "$(dirname "$0")"

cli_version=$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2 }' go.mod)
: "${cli_version:?error: e2e-tools: go.mod names no github.com/pulumi/pulumi/pkg/v3 version}"
# pulumi-okta's newest release whose `upstream` commit is known (git ls-tree v6.11.0 upstream): the provider
# module has no tags of its own under provider/, so it is asked for at that release's commit.
okta_release=v6.11.0
okta_provider="github.com/pulumi/pulumi-okta/provider/v6@7723586ac663"
okta_upstream="github.com/okta/terraform-provider-okta@f458139702ab"
language_host="github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3@${cli_version}"

bin="${GAINSIGHT_OKTA_CACHE:-$HOME/.cache/gainsight-okta}/e2e/pulumi-${cli_version}-okta-${okta_release}"
if [ "${1:-}" = "--print-bin" ]; then
  for tool in pulumi pulumi-language-python pulumi-resource-okta; do
    if [ ! -x "$bin/$tool" ]; then
      echo "error: e2e-bin: $bin/$tool is not built: run make e2e-tools" >&2
      exit 2
    fi
  done
  echo "$bin"
  exit 0
fi
mkdir -p "$bin"

if [ ! -x "$bin/pulumi" ]; then
  echo "building the Pulumi CLI ${cli_version} into $bin (several minutes the first time)" >&2
  go build -trimpath -o "$bin/pulumi" \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${cli_version}" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
fi
"$bin/pulumi" version >&2

# The language host and the provider are modules of their own; ask the proxy for each before building.
for module in "$language_host" "$okta_provider" "$okta_upstream"; do
  if ! answer=$(go mod download "$module" 2>&1); then
    # One line, and without the proxy's address: "… reading …: 403 Forbidden server response: …".
    reason=$(printf '%s' "$answer" | tr '\n\t' '  ' | sed -e 's#https://[^ ]*##g' -e 's/  */ /g')
    echo "error: e2e-tools: the Go module proxy does not serve $module: $reason" >&2
    exit 2
  fi
done
# Not reached on the machines this was written on (every run stopped above); the build of the two modules is
# written once they can be had, against what they really contain, rather than guessed at here.
echo "error: e2e-tools: the language host and provider modules are served now: write their build here" >&2
exit 2

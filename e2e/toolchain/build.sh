#!/usr/bin/env bash
# `make e2e-tools`: the real toolchain, cached by version outside the repository, in one folder (`make -s e2e-bin`):
# - the Pulumi CLI, from Go modules (go.mod beside this file pins it to the language host's release);
# - the Python language host, `pulumi-language-python` and `pulumi-language-python-exec`, from its source;
# - the okta resource provider, `pulumi-resource-okta`, from pulumi-okta's `provider/` and terraform-provider-okta;
# - the YAML and Node.js language hosts, `pulumi-language-yaml` and `pulumi-language-nodejs`, for the programs that
#   use the component package (component-package/).
# Every source but the CLI's is in the folder named by OKTA_PROVIDER_SOURCE (absolute, or relative to the
# repository root), laid out as ../shared/toolchain: terraform-provider-okta/, pulumi-okta-provider/,
# pulumi-language-python/, pulumi-yaml/ and pulumi-language-nodejs/. They are read-only: each is built in a copy
# under the cache.
# A missing source or a failed build is one `error:` line and exit 2.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

cli_version=$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2 }' "$here/go.mod")
okta_version=6.12.0  # terraform-provider-okta v6.12.0, as pulumi-okta's provider/ at 60bbb439 bridges it
host_version=v3.259.0  # the Python and Node.js language hosts: pulumi/pulumi's release, as the CLI
yaml_version=v1.38.1  # pulumi/pulumi-yaml: v1.25.0, the newest the proxy serves, cannot run Python plugins under 3.259

fail() {
  echo "error: e2e-tools: $*" >&2
  exit 2
}

[ "$cli_version" = "$host_version" ] ||
  fail "go.mod pins the CLI at $cli_version but the language host is $host_version: the CLI must be the host's release"

source_dir=${OKTA_PROVIDER_SOURCE:-}
if [ -z "$source_dir" ]; then
  fail "OKTA_PROVIDER_SOURCE is not set: point it at a folder holding terraform-provider-okta/ (okta/terraform-provider-okta at v$okta_version), pulumi-okta-provider/ (the provider/ folder of pulumi/pulumi-okta at the commit that bridges v$okta_version) pulumi-language-python/ (sdk/python/cmd/pulumi-language-python and pulumi-language-python-exec of pulumi/pulumi at $host_version), pulumi-yaml/ (pulumi/pulumi-yaml at $yaml_version) and pulumi-language-nodejs/ (sdk/nodejs/cmd/pulumi-language-nodejs of pulumi/pulumi at $host_version), e.g. OKTA_PROVIDER_SOURCE=../shared/toolchain"
fi
case "$source_dir" in /*) ;; *) source_dir="$root/$source_dir" ;; esac
for part in terraform-provider-okta/go.mod pulumi-okta-provider/go.mod pulumi-language-python/main.go \
  pulumi-language-python/pulumi-language-python-exec pulumi-yaml/go.mod pulumi-language-nodejs/main.go; do
  [ -f "$source_dir/$part" ] || fail "OKTA_PROVIDER_SOURCE=$source_dir has no $part (see e2e/toolchain/build.sh for the layout)"
done

command -v go >/dev/null || fail "no go on PATH: these builds need Go 1.26 or newer (and the Go module proxy)"

# A short digest of what a build is made from (its sources, this recipe, the Go release): a change to any input
# is a new folder, never a stale binary.
digest() {
  (cd "$1" && find . -type f ! -name '*.md' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12
}
recipe=$( (sha256sum < "$here/build.sh"; go env GOVERSION) | sha256sum | cut -c1-12)
cache="${GAINSIGHT_OKTA_CACHE:-$HOME/.cache/gainsight-okta}/e2e"
cli_dir="$cache/cli-$cli_version-$( (cat "$here/go.mod" "$here/go.sum"; echo "$recipe") | sha256sum | cut -c1-12)"
host_sources=$(digest "$source_dir/pulumi-language-python")$(digest "$here/python-host")
host_dir="$cache/python-host-$host_version-$(echo "$host_sources$recipe" | sha256sum | cut -c1-12)"
okta_sources=$(digest "$source_dir/terraform-provider-okta")$(digest "$source_dir/pulumi-okta-provider")
okta_sources+=$(digest "$here/codegen-stubs")
okta_dir="$cache/okta-$okta_version-$(echo "$okta_sources$recipe" | sha256sum | cut -c1-12)"
yaml_dir="$cache/yaml-host-$yaml_version-$(echo "$(digest "$source_dir/pulumi-yaml")$recipe" | sha256sum | cut -c1-12)"
nodejs_sources=$(digest "$source_dir/pulumi-language-nodejs")$(digest "$here/nodejs-host")
nodejs_dir="$cache/nodejs-host-$host_version-$(echo "$nodejs_sources$recipe" | sha256sum | cut -c1-12)"
bin="$cache/bin-$(printf '%s\n' "$cli_dir" "$host_dir" "$okta_dir" "$yaml_dir" "$nodejs_dir" | sha256sum | cut -c1-12)"
tools=(pulumi pulumi-language-python pulumi-language-python-exec pulumi-resource-okta pulumi-language-yaml
  pulumi-language-nodejs)

# The okta provider's own acceptance tests (make e2e-conformance): OpenTofu's CLI, which they drive, and their test
# binary, in a folder with the provider's source they read their fixtures from (okta/services/idaas/ reads
# ../../../examples/). Built from OKTA_PROVIDER_SOURCE's opentofu/ and terraform-provider-okta/.
conformance_dir="$cache/conformance-$(echo "$(digest "$source_dir/terraform-provider-okta")$( [ -d "$source_dir/opentofu" ] && digest "$source_dir/opentofu")$recipe" | sha256sum | cut -c1-12)"
if [ "${1:-}" = "--conformance" ]; then
  [ -f "$source_dir/opentofu/go.mod" ] || fail "OKTA_PROVIDER_SOURCE=$source_dir has no opentofu/go.mod (OpenTofu's source, for the provider's acceptance tests)"
  command -v go >/dev/null || fail "no go on PATH: these builds need Go 1.26 or newer (and the Go module proxy)"
  export GOFLAGS="-buildvcs=false ${GOFLAGS:-}"
  if [ ! -x "$conformance_dir/bin/idaas.test" ]; then
    rm -rf "$conformance_dir.partial"
    mkdir -p "$conformance_dir.partial/bin"
    started=$SECONDS
    if ! { cp -R "$source_dir/opentofu" "$conformance_dir.partial/opentofu" &&
      cp -R "$source_dir/terraform-provider-okta" "$conformance_dir.partial/src" &&
      chmod -R u+w "$conformance_dir.partial" &&
      (cd "$conformance_dir.partial/opentofu" && go build -trimpath -o "$conformance_dir.partial/bin/tofu" ./cmd/tofu) &&
      (cd "$conformance_dir.partial/src" && go test -c -o "$conformance_dir.partial/bin/idaas.test" ./okta/services/idaas/); }; then
      fail "building the acceptance tests failed (the go output above says why)"
    fi
    rm -rf "$conformance_dir.partial/opentofu"
    mv "$conformance_dir.partial" "$conformance_dir"
    echo "built $(basename "$conformance_dir") in $((SECONDS - started)) s" >&2
  fi
  echo "$conformance_dir"
  exit 0
fi

if [ "${1:-}" = "--print-bin" ]; then
  for tool in "${tools[@]}"; do
    [ -x "$bin/$tool" ] || { echo "error: e2e-bin: $bin/$tool is not built: run make e2e-tools" >&2; exit 2; }
  done
  echo "$bin"
  exit 0
fi

export GOFLAGS="-buildvcs=false ${GOFLAGS:-}"
# Each build goes to a scratch folder first and is moved into place whole, so an interrupted one is built again.
build_into() {
  local final=$1
  shift
  [ -d "$final" ] && return 0
  local scratch="$final.partial"
  rm -rf "$scratch"
  mkdir -p "$scratch"
  local started=$SECONDS
  "$@" "$scratch" || fail "building $(basename "$final") failed (the go output above says why)"
  mv "$scratch" "$final"
  echo "built $(basename "$final") in $((SECONDS - started)) s" >&2
}

build_cli() {
  (cd "$here" && go build -trimpath -o "$1/pulumi" \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$cli_version" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
}

# The host's go.mod points sdk/v3 and pkg/v3 at pulumi/pulumi's own folders; python-host/go.mod is the same
# module requiring both at the host's release instead (made once with `go mod tidy`).
build_host() {
  local work="$1/src"
  mkdir -p "$work" &&
    cp "$source_dir/pulumi-language-python/main.go" "$here/python-host/go.mod" "$here/python-host/go.sum" "$work/" &&
    (cd "$work" && go build -trimpath -o "$1/pulumi-language-python" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$host_version" .) &&
    install -m 0755 "$source_dir/pulumi-language-python/pulumi-language-python-exec" "$1/" &&
    rm -rf "$work"
}

# pulumi-yaml's module needs nothing the proxy refuses: built as released.
build_yaml_host() {
  local work="$1/src"
  cp -R "$source_dir/pulumi-yaml" "$work" &&
    chmod -R u+w "$work" &&
    (cd "$work" && go build -trimpath -o "$1/pulumi-language-yaml" \
      -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" ./cmd/pulumi-language-yaml) &&
    rm -rf "$work"
}

# The Node.js host, as the Python one: nodejs-host/go.mod requires sdk/v3 and pkg/v3 at the release instead of
# pulumi/pulumi's own folders (made once with `go mod tidy`).
build_nodejs_host() {
  local work="$1/src"
  mkdir -p "$work" &&
    cp "$source_dir"/pulumi-language-nodejs/*.go "$here/nodejs-host/go.mod" "$here/nodejs-host/go.sum" "$work/" &&
    (cd "$work" && go build -trimpath -o "$1/pulumi-language-nodejs" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$host_version" .) &&
    rm -rf "$work"
}

# pulumi-okta's go.mod replaces terraform-provider-okta with ../upstream; the bridge's docs-example converters
# (Java, .NET, YAML), which the proxy refuses and serving never calls, are replaced with codegen-stubs/.
build_okta() {
  local work="$1/src"
  mkdir -p "$work" &&
    cp -R "$source_dir/terraform-provider-okta" "$work/upstream" &&
    cp -R "$source_dir/pulumi-okta-provider" "$work/provider" &&
    cp -R "$here/codegen-stubs" "$work/codegen-stubs" &&
    chmod -R u+w "$work" &&
  (
    # A chain, not `set -e`: bash ignores errexit inside a function called from `||`.
    cd "$work/provider" &&
      go mod edit \
        -replace github.com/pulumi/pulumi-java=../codegen-stubs/java \
        -replace github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet/v3=../codegen-stubs/dotnet \
        -replace github.com/pulumi/pulumi-yaml=../codegen-stubs/yaml &&
      (cd cmd/pulumi-resource-okta && VERSION=$okta_version go run generate.go) &&
      go build -trimpath -o "$1/pulumi-resource-okta" \
        -ldflags "-X github.com/pulumi/pulumi-okta/provider/v6/pkg/version.Version=$okta_version" \
        ./cmd/pulumi-resource-okta
  ) &&
    rm -rf "$work"
}

build_into "$cli_dir" build_cli
build_into "$host_dir" build_host
build_into "$okta_dir" build_okta
build_into "$yaml_dir" build_yaml_host
build_into "$nodejs_dir" build_nodejs_host

mkdir -p "$bin"
ln -sfn "$cli_dir/pulumi" "$bin/pulumi"
for tool in pulumi-language-python pulumi-language-python-exec; do ln -sfn "$host_dir/$tool" "$bin/$tool"; done
ln -sfn "$okta_dir/pulumi-resource-okta" "$bin/pulumi-resource-okta"
ln -sfn "$yaml_dir/pulumi-language-yaml" "$bin/pulumi-language-yaml"
ln -sfn "$nodejs_dir/pulumi-language-nodejs" "$bin/pulumi-language-nodejs"
"$bin/pulumi" version >&2
echo "$bin"

#!/usr/bin/env bash
# The offline plan of every stack at a pull request's base and head, and their differences as Markdown.
# Usage: .github/scripts/plan-diff.sh BASE_SHA > plan-diff.md   (run from the repository root, after `make venv`)
set -euo pipefail

base_sha=$1
root=$(pwd)
python="${PLAN_DIFF_PYTHON:-$root/venv/bin/python}"  # the interpreter with the project's requirements
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/base" "$base_sha" >/dev/null 2>&1

empty_plan() { printf '{"project": "gainsight-okta", "stack": "%s", "resources": [], "outputs": {}}\n' "$1"; }

# plan DIR STACK OUT [PREVIOUS]: the offline plan, or an empty one where the stack (or the tool) does not exist
# yet. PREVIOUS, the base's plan, stands in for the last run, so group priorities stay put as under `pulumi up`.
plan() {
  local dir=$1 stack=$2 out=$3 previous=${4:-}
  if [ -f "$dir/Pulumi.$stack.yaml" ] && [ -f "$dir/components/__main__.py" ]; then
    (cd "$dir" && PYTHONPATH=. "$python" -m components plan --stack "$stack" --json \
      ${previous:+--previous-outputs "$previous"}) > "$out" 2> "$out.err"
  else
    empty_plan "$stack" > "$out"
  fi
}

failed=0
stack_names() {  # the stacks whose files are in directory $1
  local file name
  for file in "$1"/Pulumi.*.yaml; do
    [ -e "$file" ] || continue
    name=${file##*/Pulumi.}
    echo "${name%.yaml}"
  done
}
stacks=$( { stack_names "$root"; stack_names "$work/base"; } | sort -u)
echo "## gainsight-okta: what this pull request changes"
echo
for stack in $stacks; do
  if ! plan "$work/base" "$stack" "$work/base-$stack.json"; then
    empty_plan "$stack" > "$work/base-$stack.json"  # a broken base: show the head in full
  fi
  if ! plan "$root" "$stack" "$work/head-$stack.json" "$work/base-$stack.json"; then
    echo "### Offline plan, stack \`$stack\`"
    echo
    echo "The head of this pull request does not plan: \`$(head -n 1 "$work/head-$stack.json.err")\`"
    echo
    failed=1
    continue
  fi
  "$python" -m components plan-diff "$work/base-$stack.json" "$work/head-$stack.json"
  echo
done
exit "$failed"

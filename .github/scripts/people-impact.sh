#!/usr/bin/env bash
# The People section of a pull request's comment: what the change of one stack file does to people, counts only.
# Usage: .github/scripts/people-impact.sh BASE_SHA STACK OUT_DIR [IMPACT_OPTION...]   (from the repository root,
# after `make venv`); IMPACT_OPTIONs go to every `impact` run (e.g. --okta-url, --timeout).
# Writes OUT_DIR/STACK.md when the pull request changes Pulumi.STACK.yaml. With PEOPLE_SHOW_USERS=true (a
# private repository) it also appends the people themselves to the job summary; logins never go into OUT_DIR.
set -euo pipefail

base_sha=$1
stack=$2
out=$3
shift 3
file="Pulumi.$stack.yaml"
mkdir -p "$out"
section() { printf '#### People: stack %s\n\n%s\n' "\`$stack\`" "$1" > "$out/$stack.md"; }
git fetch --quiet --no-tags --depth=1 origin "$base_sha" 2>/dev/null || true
if ! git cat-file -e "$base_sha^{commit}" 2>/dev/null; then
  echo "error: people-impact: the base commit $base_sha cannot be read" >&2
  section "Could not be computed: the base commit could not be fetched (see the pulumi-preview job log)."
  exit 0
fi
if ! git cat-file -e "$base_sha:$file" 2>/dev/null; then
  section "A new stack: there is no stack file before this change to compare with."
  exit 0
fi
if git diff --quiet "$base_sha" -- "$file"; then
  exit 0  # this stack's file is unchanged: no section
fi
work=$(mktemp -d "${RUNNER_TEMP:-/tmp}/people.XXXXXX")
trap 'rm -rf "$work"' EXIT
git show "$base_sha:$file" > "$work/base.yaml"
show_users=false
options=("$@" --markdown)
if [ "${PEOPLE_SHOW_USERS:-false}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  show_users=true
  options+=(--show-users)
fi
# One run either way (Okta's buckets are shared): with --show-users, the comment's copy is its counts table alone.
if ! venv/bin/gainsight-okta impact --stack "$stack" --config "$file" --base-config "$work/base.yaml" \
    "${options[@]}" > "$work/people.md"; then
  # The error line is in the job's log (it names no secret); the comment says where to look.
  section "Could not be computed: see the pulumi-preview job log."
  exit 0
fi
if [ "$show_users" = true ]; then
  cat "$work/people.md" >> "$GITHUB_STEP_SUMMARY"
  # The people table starts at its header row; everything before it is counts.
  sed '/^| login | change |/,$d' "$work/people.md" > "$out/$stack.md"
else
  cp "$work/people.md" "$out/$stack.md"
fi

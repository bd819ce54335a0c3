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
git fetch --quiet --no-tags --depth=1 origin "$base_sha" 2>/dev/null || true
if ! git cat-file -e "$base_sha:$file" 2>/dev/null; then
  printf '#### People: stack %s\n\nA new stack: nobody is assigned through it yet.\n' "\`$stack\`" > "$out/$stack.md"
  exit 0
fi
if git diff --quiet "$base_sha" -- "$file"; then
  exit 0  # this stack's file is unchanged: no section
fi
base_file=$(mktemp "${RUNNER_TEMP:-/tmp}/base.XXXXXX.yaml")
trap 'rm -f "$base_file"' EXIT
git show "$base_sha:$file" > "$base_file"
options=("$@")
impact() { venv/bin/gainsight-okta impact --stack "$stack" --config "$file" --base-config "$base_file" "${options[@]}" "$@"; }
if ! impact --markdown > "$out/$stack.md"; then
  # The error line is in the job's log (it names no secret); the comment says where to look.
  printf '#### People: stack %s\n\nCould not be computed: see the pulumi-preview job log.\n' "\`$stack\`" > "$out/$stack.md"
  exit 0
fi
if [ "${PEOPLE_SHOW_USERS:-false}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  impact --markdown --show-users >> "$GITHUB_STEP_SUMMARY" || true
fi

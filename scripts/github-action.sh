#!/usr/bin/env bash
# The lint step of action.yml: annotations on the job's log and the pull request, a SARIF report
# for code scanning, and the exit code as the step output `exit-code` (the action fails on it only
# after the SARIF upload).
#
# Environment: GD_CLI (dist/cli.js), INPUT_DOCKERFILES (paths or glob patterns, separated by
# spaces or new lines), INPUT_CONTEXT, INPUT_FAIL_ON, INPUT_SARIF_FILE, GITHUB_OUTPUT.
set -uo pipefail
shopt -s globstar nullglob

files=()
for pattern in $INPUT_DOCKERFILES; do
  matches=($pattern)
  if ((${#matches[@]})); then files+=("${matches[@]}"); else files+=("$pattern"); fi
done
if ((${#files[@]} == 0)); then
  echo "::error title=go-dockerfile::no Dockerfile given (input dockerfiles)"
  echo "exit-code=2" >>"$GITHUB_OUTPUT"
  exit 0
fi

args=(--fail-on "${INPUT_FAIL_ON:-error}")
[ -n "${INPUT_CONTEXT:-}" ] && args+=(--context "$INPUT_CONTEXT")

node "$GD_CLI" lint "${files[@]}" "${args[@]}" --format sarif >"${INPUT_SARIF_FILE:-go-dockerfile.sarif}"
code=$?
# The same findings as annotations (exit code already known).
node "$GD_CLI" lint "${files[@]}" "${args[@]}" --format github || true
echo "go-dockerfile lint ${files[*]}: exit $code"
echo "exit-code=$code" >>"$GITHUB_OUTPUT"

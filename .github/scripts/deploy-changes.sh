#!/usr/bin/env bash
# The deploy workflow's first job: which stacks to apply, in which waves (npm run ci -- waves).
#
#   ALL=true      every stack (a manual run with "all")
#   otherwise     the stacks whose synth differs from BEFORE (the commit main was at before this
#                 push, github.event.before), or from HEAD^ when there is no such commit (a manual
#                 run, a new branch): npm run review's JSON, added and changed stacks
#
# Writes review.json (unless ALL) and waves.json; appends the waves to $GITHUB_OUTPUT. Needs the
# synthesized cdktf.out and a checkout with the history that holds BEFORE.
set -euo pipefail

zero=0000000000000000000000000000000000000000
output="${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"

if [ "${ALL:-false}" = true ]; then
  echo "Applying every stack (dispatched with all)."
  npm run --silent ci -- waves > waves.json
  npm run --silent ci -- waves --format github >> "$output"
  exit 0
fi

base="${BEFORE:-}"
if [ -z "$base" ] || [ "$base" = "$zero" ] || ! git cat-file -e "$base^{commit}" 2> /dev/null; then
  if parent=$(git rev-parse --verify --quiet "HEAD~1^{commit}"); then
    base=$parent
  else
    echo "No earlier commit to compare with: applying every stack."
    npm run --silent ci -- waves > waves.json
    npm run --silent ci -- waves --format github >> "$output"
    exit 0
  fi
fi
echo "Stacks whose synth differs from $base:"

set +e
npm run --silent review -- --base "$base" --format json > review.json
reviewed=$?
set -e
# review: 0 nothing destroyed, 2 something is (a PR with the allow-destroy label accepted it), 1 error.
if [ "$reviewed" -eq 1 ]; then
  echo "::error::npm run review failed (see above); nothing is applied"
  exit 1
fi
npm run --silent ci -- waves --review review.json > waves.json
npm run --silent ci -- waves --review review.json --format github >> "$output"
cat waves.json

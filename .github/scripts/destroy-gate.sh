#!/usr/bin/env bash
# The pull request's check: fails when the review or the plans destroy or replace anything, unless a
# reviewer accepted it with the allow-destroy label (for this push: a new push removes the label).
#
#   REVIEW_EXIT    npm run review's exit code: 0 nothing destructive, 2 destructive, 1 the review failed
#   PLANS_EXIT     npm run plan-summary's exit code, the same way (empty: no plan ran)
#   ALLOW_DESTROY  true when the label counts for this run
set -euo pipefail

if [ "${REVIEW_EXIT:-1}" = 1 ]; then
  echo "::error::the review failed: see the PR comment or the review job's summary"
  exit 1
fi
if [ "${REVIEW_EXIT}" = 2 ] || [ "${PLANS_EXIT:-0}" = 2 ]; then
  if [ "${ALLOW_DESTROY:-false}" = true ]; then
    echo "::warning::destructive changes accepted by the allow-destroy label"
  else
    echo "::error::this change destroys or replaces resources (see the PR comment); add the allow-destroy label once reviewed"
    exit 1
  fi
fi
echo "nothing destroyed or replaced"

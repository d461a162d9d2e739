#!/usr/bin/env bash
# terraform for ONE synthesized stack, the same way in every workflow:
#
#   stack-terraform.sh plan  <stack>   pull requests: plan without the state lock (the plan role may
#                                      not write it), keep the plan as JSON
#   stack-terraform.sh drift <stack>   schedule: the same plan; changes mean drift (-detailed-exitcode)
#   stack-terraform.sh apply <stack>   deploy: plan with the lock, apply exactly that saved plan
#
# Writes plans/<stack>.json (`terraform show -json`, sensitive values redacted by redact-plan.cjs: the
# raw plan carries the state's secrets in clear and artifacts are readable by every reader of the
# repository) and results/<stack>.json
# ({"stack", "outcome": planned|drifted|no changes|applied|failed, "step"}) under $OUT_DIR (default .),
# which the workflow's gathering job reads. Exit 1 when a terraform step fails (the result names it).
#
# Environment: SYNTH_DIR (default cdktf.out); LOCK_FILE, a .terraform.lock.hcl recording every
# provider's checksums, copied into the stack folder so init takes providers from TF_PLUGIN_CACHE_DIR
# (Terraform skips the cache for providers the lock file does not record: CLI config docs).
set -euo pipefail

usage() { echo "usage: $0 plan|drift|apply <stack>" >&2; exit 64; }
[ $# -eq 2 ] || usage
mode=$1
stack=$2
case "$mode" in plan | drift | apply) ;; *) usage ;; esac

dir="${SYNTH_DIR:-cdktf.out}/stacks/$stack"
out="${OUT_DIR:-.}"
if [ ! -f "$dir/cdk.tf.json" ]; then
  echo "::error::no synthesized stack $stack in ${SYNTH_DIR:-cdktf.out} (synth first)" >&2
  exit 1
fi
mkdir -p "$out/plans" "$out/results"
plan_json="$(cd "$out" && pwd)/plans/$stack.json"
raw="$dir/plan.raw.json"
trap 'rm -f "$raw"' EXIT

record() { # outcome [step]
  local step=""
  [ $# -gt 1 ] && step=$(printf ',"step":"%s"' "$2")
  printf '{"stack":"%s","outcome":"%s"%s}\n' "$stack" "$1" "$step" > "$out/results/$stack.json"
}

# Every step records the failure it would be before it runs: a step that fails leaves its own name.
run_step() { # step, terraform arguments...
  local step=$1
  shift
  record failed "$step"
  echo "::group::terraform $step $stack"
  terraform -chdir="$dir" "$@"
  echo "::endgroup::"
}

if [ -n "${LOCK_FILE:-}" ]; then cp "$LOCK_FILE" "$dir/.terraform.lock.hcl"; fi
if [ -n "${TF_PLUGIN_CACHE_DIR:-}" ]; then mkdir -p "$TF_PLUGIN_CACHE_DIR"; fi

run_step init init -input=false -no-color

lock=()
[ "$mode" = apply ] || lock=(-lock=false)
record failed plan
echo "::group::terraform plan $stack"
set +e
terraform -chdir="$dir" plan -input=false -no-color "${lock[@]}" -detailed-exitcode -out=plan.tfplan
planned=$?
set -e
echo "::endgroup::"
# -detailed-exitcode: 0 no changes, 1 error, 2 changes.
[ "$planned" -eq 1 ] && exit 1

record failed show
terraform -chdir="$dir" show -json plan.tfplan > "$raw"
node "$(dirname "$0")/redact-plan.cjs" "$raw" > "$plan_json"

case "$mode:$planned" in
  plan:*) record planned ;;
  drift:0 | apply:0) record "no changes" ;;
  drift:2) record drifted ;;
  apply:2)
    run_step apply apply -input=false -no-color plan.tfplan
    record applied
    ;;
esac

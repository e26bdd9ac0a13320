#!/usr/bin/env bash
# Applies the official modules' own examples (testdata/official) against "eipassoc
# serve" with the real alicloud provider, unchanged, at Terraform's default parallelism
# (10): apply, a plan that must show no changes, a change in place, a plan that must
# show no changes, destroy, and then the account must be the seeded one again.
#
#   tools/tfofficial/run.sh PROVIDER_DIR [EXAMPLE...]
#
# PROVIDER_DIR holds terraform-provider-alicloud v1.277.0 built from source (see
# tools/tfrecord/record.sh) and terraform-provider-random (hashicorp, v3.7.2, built the
# same way); the examples use random_uuid. An EXAMPLE is MODULE/EXAMPLE, e.g.
# terraform-alicloud-eip/associate-with-network-interface; with none, every example
# listed below runs. Each example's change in place is the -var-file its repository
# brings (tfvars/01-update.tfvars) or an override file from tools/tfofficial/updates.
# Nothing in the examples is edited: the endpoint and credentials come in an override
# file (eipassoc_override.tf), as Terraform merges override files into the
# configuration. The topology the server starts from is tools/tfofficial/topology.json.
#
# With RECORD=DIR, each step's API calls are written to DIR/EXAMPLE/N-STEP.jsonl, and
# PARALLELISM=1 makes them come in one order, for a replay in go test.
set -euo pipefail
provider_dir=$(cd "${1:?usage: tools/tfofficial/run.sh PROVIDER_DIR [MODULE/EXAMPLE...]}" && pwd)
shift
examples=("$@")
if [ ${#examples[@]} -eq 0 ]; then
  examples=(terraform-alicloud-eip/associate-with-network-interface
    terraform-alicloud-vpc-ecs-eip/complete
    terraform-alicloud-ecs-instance/bare-metal)
fi
parallelism=${PARALLELISM:-10}
port=18788
. "$(dirname "$0")/common.sh"

for ex in "${examples[@]}"; do
  module=${ex%%/*} name=${ex#*/}
  echo "== $ex (parallelism $parallelism)"
  copy_example "$module" "$name"
  rec=$work/calls.jsonl
  rm -f "$rec"
  start_serve -record "$rec"
  seeded=$(curl -fs "http://127.0.0.1:$port/_eipassoc/state")
  if [ -n "${RECORD:-}" ]; then
    mkdir -p "$RECORD/$module/$name" && cp "$here/topology.json" "$RECORD/$module/$name/topology.json"
  fi
  step=0 lines=0
  mark() { # the calls since the last mark go to RECORD/EXAMPLE/N-NAME.jsonl
    local now; now=$(wc -l <"$rec")
    if [ -n "${RECORD:-}" ]; then
      mkdir -p "$RECORD/$module/$name"
      tail -n "+$((lines + 1))" "$rec" | head -n "$((now - lines))" >"$RECORD/$module/$name/$1.jsonl"
    fi
    echo "   $1: $((now - lines)) calls"
    lines=$now
  }
  tf() { (cd "$dir" && terraform "$@" -no-color -input=false -parallelism="$parallelism"); }
  update=()
  if [ -f "$dir/tfvars/01-update.tfvars" ]; then
    update=(-var-file tfvars/01-update.tfvars)
  fi
  (cd "$dir" && terraform get -no-color >/dev/null)
  tf apply -auto-approve >"$work/apply.log" || { cat "$work/apply.log"; exit 1; }; mark 1-apply
  tf plan -detailed-exitcode >"$work/plan.log" || { cat "$work/plan.log"; echo "the plan after apply is not empty"; exit 1; }; mark 2-plan
  if [ ${#update[@]} -eq 0 ]; then
    cp "$here/updates/$module-$name.tf" "$dir/eipassoc_update_override.tf"
  fi
  tf apply -auto-approve "${update[@]}" >"$work/update.log" || { cat "$work/update.log"; exit 1; }
  grep -q "Apply complete! Resources: 0 added, [1-9][0-9]* changed, 0 destroyed" "$work/update.log" || { cat "$work/update.log"; echo "the update changed nothing in place"; exit 1; }
  mark 3-update
  tf plan -detailed-exitcode "${update[@]}" >"$work/plan2.log" || { cat "$work/plan2.log"; echo "the plan after the update is not empty"; exit 1; }; mark 4-plan
  tf destroy -auto-approve "${update[@]}" >"$work/destroy.log" || { cat "$work/destroy.log"; exit 1; }; mark 5-destroy
  after=$(curl -fs "http://127.0.0.1:$port/_eipassoc/state")
  if [ "$after" != "$seeded" ]; then
    echo "after destroy the account is not the seeded one:"; echo "$after"; exit 1
  fi
  failed=$(grep -c '"status":[45]' "$rec" || true)
  echo "   the account is the seeded one again; $(wc -l <"$rec") calls, $failed answered with an error"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
done

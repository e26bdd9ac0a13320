#!/usr/bin/env bash
# Makes the plan JSON of an official module's example, unchanged or with a variant
# override file, planned by the real alicloud provider against "eipassoc serve" (the
# examples' data sources need answers even to plan), for check's corpus
# (check/testdata/official).
#
#   tools/tfofficial/plan.sh PROVIDER_DIR MODULE/EXAMPLE OUTDIR [VARIANT.tf]
#
# OUTDIR gets plan.json, and variant.tf when a variant is given: the test puts it beside
# the example again, as an override file, to check the plan with its sources.
set -euo pipefail
provider_dir=$(cd "${1:?usage: plan.sh PROVIDER_DIR MODULE/EXAMPLE OUTDIR [VARIANT.tf]}" && pwd)
ex=${2:?} out=${3:?} variant=${4:-}
mkdir -p "$out" && out=$(cd "$out" && pwd)
if [ -n "$variant" ]; then variant=$(cd "$(dirname "$variant")" && pwd)/$(basename "$variant"); fi
module=${ex%%/*} name=${ex#*/}
port=18789
. "$(dirname "$0")/common.sh"
start_serve
copy_example "$module" "$name"
install_modules
mkdir -p "$out"
if [ -n "$variant" ]; then
  cp "$variant" "$dir/eipassoc_variant_override.tf"
  cp "$variant" "$out/variant.tf"
fi
(cd "$dir" && terraform get -no-color >/dev/null && terraform plan -no-color -input=false -out plan.out >"$work/plan.log" \
  && terraform show -json plan.out >"$out/plan.json") || { cat "$work/plan.log"; exit 1; }
echo "wrote $out/plan.json"

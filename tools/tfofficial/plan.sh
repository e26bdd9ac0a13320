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
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
module=${ex%%/*} name=${ex#*/}
work=$(mktemp -d)
server=
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "aliyun/alicloud"  = "$provider_dir"
    "hashicorp/random" = "$provider_dir"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE=$work/terraformrc TF_IN_AUTOMATION=1
(cd "$repo" && go build -o "$work/eipassoc" ./cmd/eipassoc)
port=18789
"$work/eipassoc" serve -addr "127.0.0.1:$port" -access-key tf:tf-secret -multi-binded-allowed -topology "$here/topology.json" 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/_eipassoc/health" >/dev/null && break; sleep 0.1; done
cp -r "$repo/testdata/official/$module" "$work/src"
dir=$work/src/examples/$name
cat >"$dir/eipassoc_override.tf" <<TF
provider "alicloud" {
  access_key   = "tf"
  secret_key   = "tf-secret"
  protocol     = "HTTP"
  account_type = "Domestic"
  endpoints {
    ecs = "127.0.0.1:$port"
    vpc = "127.0.0.1:$port"
  }
}
TF
mkdir -p "$out"
if [ -n "$variant" ]; then
  cp "$variant" "$dir/eipassoc_variant_override.tf"
  cp "$variant" "$out/variant.tf"
fi
(cd "$dir" && terraform get -no-color >/dev/null && terraform plan -no-color -input=false -out plan.out >"$work/plan.log" \
  && terraform show -json plan.out >"$out/plan.json") || { cat "$work/plan.log"; exit 1; }
echo "wrote $out/plan.json"

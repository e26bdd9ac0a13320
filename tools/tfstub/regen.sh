#!/usr/bin/env bash
# Regenerates the plan.json of check fixtures with Terraform and the stub provider.
#
#   tools/tfstub/regen.sh check/testdata/FIXTURE [...]
#
# A fixture directory holds the configuration (main.tf and local modules). An optional
# stage1/ directory holds a configuration that is applied first, so that the plan carries
# prior state. A fixture with .terraform/modules/modules.json stands for registry modules
# that are already installed: Terraform reads them from there, and nothing is downloaded.
# Needs Terraform (1.11.4 made the committed fixtures) and Go; CI needs neither.
#
# With EIPASSOC_PROVIDER_DIR set to a directory holding the real provider's binary
# (terraform-provider-alicloud v1.277.0 built from source, see tools/tfrecord/record.sh),
# the plans are the real provider's instead of the stub's: check/testdata/v19 was made so,
# its fixtures giving fake credentials and endpoints at a closed local port.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
provider_dir=${EIPASSOC_PROVIDER_DIR:-}
if [ -z "$provider_dir" ]; then
  provider_dir=$work/bin
  (cd "$root/tools/tfstub" && go build -o "$provider_dir/terraform-provider-alicloud" .)
fi
cat > "$work/tfrc" <<RC
provider_installation {
  dev_overrides {
    "aliyun/alicloud" = "$provider_dir"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/tfrc" TF_IN_AUTOMATION=1
prepare() { # installs local modules unless the fixture brings its own manifest
  if [ ! -f .terraform/modules/modules.json ]; then terraform get >/dev/null; fi
}
for fx in "$@"; do
  dir=$(cd "$fx" && pwd)
  run="$work/run/$(basename "$dir")"
  mkdir -p "$run"
  if [ -d "$dir/stage1" ]; then
    cp -r "$dir/stage1/." "$run/"
    (cd "$run" && prepare && terraform apply -auto-approve -input=false >/dev/null)
    find "$run" -maxdepth 1 -name '*.tf' -delete
  fi
  (cd "$dir" && tar --exclude=./stage1 --exclude=./plan.json -cf - .) | (cd "$run" && tar xf -)
  (cd "$run" && prepare && terraform plan -out plan.out -input=false >/dev/null && terraform show -json plan.out >"$dir/plan.json")
  echo "wrote $fx/plan.json"
done

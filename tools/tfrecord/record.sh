#!/usr/bin/env bash
# Records what the real alicloud Terraform provider sends to "eipassoc serve" for the
# EIP and ENI resources, as the contract fixtures emulator/testdata/terraform/*.jsonl
# that TestTerraformContract replays in "go test".
#
#   tools/tfrecord/record.sh /path/to/dir/with/terraform-provider-alicloud [appliance|ram]
#
# With "appliance", it records tools/tfrecord/appliance/main.tf instead (a firewall
# layout: fixed addresses, host name, user data, anti-DDoS EIPs in NAT mode on an
# attached ENI; serve -behaviour observed) into emulator/testdata/appliance, without
# the rule-violation step. With "ram", tools/tfrecord/ram/main.tf (a RAM role, a custom
# policy attached to it, an instance that takes the role with metadata, maintenance and
# deletion protection options) into emulator/testdata/ram. With "fortigate-ha",
# Fortinet's published HA template as it is (emulator/testdata/fortigate-ha/SOURCE.md;
# PLUGINS_DIR holds hashicorp/random and hashicorp/template built from source) into
# emulator/testdata/fortigate-ha: apply, plan, destroy. With "addressing",
# tools/tfrecord/addressing/main.tf (IPv6, IPv4 prefixes, a secondary ENI at launch, a
# trunk with a member ENI) into emulator/testdata/addressing.
#
# The provider cannot be downloaded here and is too large for CI; build it from source:
# v1.277.0 builds with this machine's module proxy (newer tags need modules it refuses)
# in about 30 minutes on 2 cores, so run the build in the background:
#
#   git clone --depth 1 -b v1.277.0 https://github.com/aliyun/terraform-provider-alicloud
#   cd terraform-provider-alicloud && go build -o /tmp/tfprov-bin/terraform-provider-alicloud .
#
# Steps, each recorded to its own file: 1 apply (a VPC, a vSwitch, a security group, an instance, 5 ENIs, 4 EIPs, NAT with and without a
# private IP, cut-through, multi-EIP-to-ENI, an attachment), 2 plan (must show no
# changes), 3 apply an in-place update (bandwidth, cut-through -> multi-EIP-to-ENI, instance name),
# 4 plan (no changes), 5 apply a rule violation (must fail with Eni.Attached), 6 destroy.
# Terraform runs with -parallelism=1 so that the calls, and the IDs the emulator hands
# out, come in one order that a replay can follow. The topology the server starts from
# is emulator/testdata/terraform/topology.json; main.tf next to this script is the
# configuration, its stage variable picking the step.
set -euo pipefail
provider_dir=${1:?usage: tools/tfrecord/record.sh PROVIDER_DIR [appliance]}
provider_dir=$(cd "$provider_dir" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
case ${2:-} in
  "") config=$here/main.tf out=$repo/emulator/testdata/terraform flags=(-multi-binded-allowed) violation=yes tls=no ;;
  appliance)
    # Over HTTPS: the provider sends some calls (ModifySecurityGroupRule,
    # RevokeSecurityGroup) over HTTPS whatever its protocol setting.
    config=$here/appliance/main.tf out=$repo/emulator/testdata/appliance violation=no tls=yes
    flags=(-multi-binded-allowed -behaviour observed)
    ;;
  ram)
    # The RAM role and policy an instance takes, and the instance options read back.
    config=$here/ram/main.tf out=$repo/emulator/testdata/ram violation=no tls=yes
    flags=(-multi-binded-allowed -behaviour observed)
    ;;
  addressing)
    # IPv6, IPv4 prefixes, a secondary ENI at launch and a trunk with a member ENI.
    config=$here/addressing/main.tf out=$repo/emulator/testdata/addressing violation=no tls=yes
    flags=(-multi-binded-allowed -behaviour observed)
    ;;
  fortigate-ha)
    # A public deployment template as it is (emulator/testdata/fortigate-ha/SOURCE.md);
    # it needs hashicorp/random and hashicorp/template, built from source into
    # PLUGINS_DIR (go build in their repositories).
    config=$repo/emulator/testdata/fortigate-ha/template out=$repo/emulator/testdata/fortigate-ha violation=no tls=yes
    flags=(-multi-binded-allowed -behaviour observed)
    plugins=${PLUGINS_DIR:?fortigate-ha needs PLUGINS_DIR, holding terraform-provider-random and -template}
    ;;
  *) echo "unknown case $2: appliance, ram, addressing, fortigate-ha or nothing" >&2; exit 2 ;;
esac
work=$(mktemp -d)
trap 'rc=$?; [ "$rc" = 0 ] || tail -n 30 "$work"/*.log "$work/serve.log" 2>/dev/null; kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "aliyun/alicloud" = "$provider_dir"
    "hashicorp/random" = "${plugins:-$provider_dir}"
    "hashicorp/template" = "${plugins:-$provider_dir}"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE=$work/terraformrc TF_IN_AUTOMATION=1
if [ -d "$config" ]; then cp "$config"/*.tf "$config"/*.conf "$work/"; else cp "$config" "$work/main.tf"; fi
(cd "$repo" && go build -o "$work/eipassoc" ./cmd/eipassoc)
port=18787
base=http://127.0.0.1:$port curl=(curl -fs)
if [ "$tls" = yes ]; then
  flags+=(-tls-self-signed "$work/ca.pem") base=https://127.0.0.1:$port curl=(curl -fs --cacert "$work/ca.pem")
  export SSL_CERT_FILE=$work/ca.pem # the provider trusts the server's certificate
fi
"$work/eipassoc" serve -addr "127.0.0.1:$port" -access-key tf:tf-secret "${flags[@]}" \
  -topology "$out/topology.json" -record "$work/all.jsonl" 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do "${curl[@]}" "$base/_eipassoc/health" >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$out"
step=0
mark() { # mark NAME: the calls since the last mark go to NAME.jsonl
  local lines; lines=$(wc -l <"$work/all.jsonl")
  tail -n "+$((step + 1))" "$work/all.jsonl" | head -n "$((lines - step))" >"$out/$1.jsonl"
  echo "$1: $((lines - step)) calls"
  step=$lines
}
tf() { (cd "$work" && terraform "$@" -no-color -input=false -var "endpoint=127.0.0.1:$port" -parallelism=1); }

if [ "${2:-}" = fortigate-ha ]; then
  # The template as it is; what a deployment supplies around it: its credentials, its
  # licence files, and an override file that points the provider at the server.
  cat >"$work/eipassoc_override.tf" <<OVERRIDE
provider "alicloud" {
  endpoints {
    vpc = "127.0.0.1:$port"
    ecs = "127.0.0.1:$port"
    sts = "127.0.0.1:$port"
  }
}
OVERRIDE
  # The BYOL licence files the template reads into the instances' user data.
  for lic in license.lic license2.lic; do echo "placeholder FortiGate licence ($lic)" >"$work/$lic"; done
  ftf() { (cd "$work" && terraform "$@" -no-color -input=false -var access_key=tf -var secret_key=tf-secret -parallelism=1); }
  ftf apply -auto-approve >"$work/1.log"; mark 1-apply
  ftf plan -detailed-exitcode >"$work/2.log"; mark 2-plan
  ftf destroy -auto-approve >"$work/3.log"; mark 3-destroy
  state=$("${curl[@]}" "$base/_eipassoc/state")
  case "$state" in
    *'"enis":['* | *'"eips":['*) echo "destroy left resources behind: $state"; exit 1 ;;
  esac
  exit 0
fi

tf apply -auto-approve -var stage=1 >"$work/1.log"; mark 1-apply
tf plan -detailed-exitcode -var stage=1 >"$work/2.log"; mark 2-plan
tf apply -auto-approve -var stage=2 >"$work/3.log"; mark 3-update
tf plan -detailed-exitcode -var stage=2 >"$work/4.log"; mark 4-plan
if [ "$violation" = yes ]; then
  if tf apply -auto-approve -var stage=3 >"$work/5.log" 2>&1; then
    echo "the rule violation applied; it must fail"; exit 1
  fi
  grep -q "Eni.Attached" "$work/5.log"; mark 5-violation
  tf destroy -auto-approve -var stage=3 >"$work/6.log"; mark 6-destroy
else
  tf destroy -auto-approve -var stage=2 >"$work/5.log"; mark 5-destroy
fi
state=$("${curl[@]}" "$base/_eipassoc/state")
case "$state" in
  *'"enis":['* | *'"eips":['*) echo "destroy left resources behind: $state"; exit 1 ;;
esac
echo "after destroy, the account is the seeded one again: $state"

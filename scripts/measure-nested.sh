#!/usr/bin/env bash
# Measures issue 25's nested shape side by side, interleaved, ROUNDS times (default 3):
#   eipassoc check (sources given) against encoding/json decoding the same plan into an any,
#   tflint with this ruleset against tflint alone, on the same configuration.
# The plan is the generator's (check/scalenested_test.go, identical to Terraform's at
# 2,000 sites but for its timestamp), the configuration check/testdata/scale-nested
# with SITES sites (default 2000). Prints seconds and peak RSS of each process.
#
#   scripts/measure-nested.sh [SITES] [ROUNDS]
set -euo pipefail
sites=${1:-2000}
rounds=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/eipassoc" ./cmd/eipassoc
go build -o "$work/jsonany" ./check/testdata/jsonany
mkdir -p "$work/plugins"
go build -o "$work/plugins/tflint-ruleset-eipassoc" ./cmd/tflint-ruleset-eipassoc
tflint_version=$(sed -n 's/^const TFLintVersion = "\(.*\)"$/\1/p' lint/*.go | head -1)
tflint="${EIPASSOC_TFLINT:-$HOME/.cache/eipassoc/tflint-$tflint_version/tflint}"
if [ ! -x "$tflint" ]; then
	GOBIN=$(dirname "$tflint") go install "github.com/terraform-linters/tflint@$tflint_version"
fi
go test ./lint -run TestWriteScaleConfig -scale-config "$work/config" -scale-size "$sites" -scale-shape nested -count 1 >/dev/null
go test ./check -run TestWriteNestedPlan -nested-plan "$work/config/plan.json" -nested-size "$sites" -count 1 >/dev/null
cat >"$work/alone.hcl" <<'HCL'
plugin "terraform" {
  enabled = true
}
HCL
cat >"$work/ruleset.hcl" <<'HCL'
plugin "terraform" {
  enabled = true
}
plugin "eipassoc" {
  enabled = true
}
HCL
measure() { # label command...; a run that failed says so, with its error
	local label=$1 status=0
	shift
	/usr/bin/time -f "$label %e s %M KB exit %x" "$@" >/dev/null 2>"$work/err" || status=$?
	tail -1 "$work/err"
	# check exits 0 or 1 and tflint 0 or 2 (issues found) when they ran to the end
	if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 2 ] || grep -q '^Failed' "$work/err"; then
		echo "  FAILED: $(grep -v '^Command exited' "$work/err" | head -1)"
	fi
}
echo "plan: $(du -h "$work/config/plan.json" | cut -f1), $sites sites, $rounds rounds"
cd "$work/config"
for _ in $(seq "$rounds"); do
	measure "check       " "$work/eipassoc" check plan.json
	measure "decode-any  " "$work/jsonany" plan.json
	measure "tflint-alone" env TFLINT_PLUGIN_DIR="$work/plugins" "$tflint" --config "$work/alone.hcl" --format compact
	measure "tflint+rules" env TFLINT_PLUGIN_DIR="$work/plugins" "$tflint" --config "$work/ruleset.hcl" --format compact
done

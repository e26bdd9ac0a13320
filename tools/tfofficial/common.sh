# Shared by run.sh and plan.sh (sourced, not run): the work directory, Terraform's CLI
# configuration loading the providers from $provider_dir, the eipassoc binary, the
# server, and an example copied with the override file that points the provider at it.
# The caller sets provider_dir and port first.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
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

# start_serve [-record FILE]: starts the server on $port with topology.json.
start_serve() {
  "$work/eipassoc" serve -addr "127.0.0.1:$port" -access-key tf:tf-secret -multi-binded-allowed \
    -topology "$here/topology.json" "$@" 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/_eipassoc/health" >/dev/null && break; sleep 0.1; done
}

# copy_example MODULE NAME: copies the module to $work/src and sets dir to the example,
# with the provider pointed at the server.
copy_example() {
  rm -rf "$work/src" && cp -r "$repo/testdata/official/$1" "$work/src"
  dir=$work/src/examples/$2
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
}

# install_modules: puts the example's registry modules in $dir/.terraform/modules from
# their copies in testdata/official (alibaba/NAME/alicloud is terraform-alicloud-NAME)
# and writes the manifest "terraform get" would write, so that no registry is asked.
# A registry module without a copy there is left to "terraform get".
install_modules() {
  local mods=$dir/.terraform/modules entries='{"Key":"","Source":"","Dir":"."}'
  mkdir -p "$mods"
  while read -r key src; do
    case $src in
      ./* | ../*) entries+=",{\"Key\":\"$key\",\"Source\":\"$src\",\"Dir\":\"$src\"}" ;;
      alibaba/*/alicloud)
        local copy=$repo/testdata/official/terraform-alicloud-$(basename "$(dirname "$src")")
        [ -d "$copy" ] || return 0
        local version; version=$(grep -o '^## \[[0-9][0-9.]*\]' "$copy/CHANGELOG.md" | head -1 | tr -d '#[] ')
        cp -r "$copy" "$mods/$key"
        entries+=",{\"Key\":\"$key\",\"Source\":\"registry.terraform.io/$src\",\"Version\":\"$version\",\"Dir\":\".terraform/modules/$key\"}" ;;
      *) return 0 ;;
    esac
  done < <(awk '/^module "/ {gsub(/"/, "", $2); key=$2} key != "" && $1 == "source" {gsub(/"/, "", $3); print key, $3; key=""}' "$dir"/*.tf)
  echo "{\"Modules\":[$entries]}" >"$mods/modules.json"
}

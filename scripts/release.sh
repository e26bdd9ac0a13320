#!/usr/bin/env bash
# Builds the release archives of eipassoc and their checksums, reproducibly: the same
# commit and version give byte-identical archives.
#
#   scripts/release.sh next|VERSION [OUTDIR] [GOOS/GOARCH ...]
#
# "next" is the version the CHANGELOG says comes next (go run ./internal/release/nextversion:
# its newest release, bumped by what Unreleased holds); the README's install paths name the
# same one, which the tests check. A VERSION given as a tag (v0.2.0) must be that one; a
# pre-release (v0.0.0-ci, v0.2.0-rc.1) may be anything. OUTDIR defaults to dist. The default targets are
# linux, darwin and windows on amd64 and arm64. Each target gives
# eipassoc_VERSION_GOOS_GOARCH.tar.gz (.zip for windows) holding the binary, README.md
# and CHANGELOG.md, and tflint-ruleset-eipassoc_GOOS_GOARCH.zip holding the tflint plugin
# alone, named as "tflint --init" looks for it in a release; checksums.txt lists the
# SHA-256 sums of both.
set -euo pipefail
version=${1:?usage: scripts/release.sh next|VERSION [OUTDIR] [GOOS/GOARCH ...]}
out=${2:-dist}
root=$(cd "$(dirname "$0")/.." && pwd)
next=$(cd "$root" && go run ./internal/release/nextversion)
if [ "$version" = next ]; then
  version=$next
elif [[ "$version" != *-* && "$version" != "$next" ]]; then
  echo "release.sh: the CHANGELOG's next release is $next, not $version: move Unreleased under a" \
    "## [${version#v}] heading or release $next" >&2
  exit 2
fi
shift $(( $# < 2 ? $# : 2 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64)
fi
cd "$root"
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# Every file gets the commit's time, so archives do not depend on when they were built.
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  os=${target%/*} arch=${target#*/}
  name=eipassoc_${version#v}_${os}_${arch}
  dir=$work/$name
  mkdir -p "$dir"
  exe=eipassoc
  [ "$os" = windows ] && exe=eipassoc.exe
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
    -ldflags "-s -w -buildid= -X main.version=$version -X main.commit=$commit" \
    -o "$dir/$exe" ./cmd/eipassoc
  cp README.md CHANGELOG.md "$dir/"
  find "$dir" -exec touch -d "@$epoch" {} +
  if [ "$os" = windows ]; then
    rm -f "$out/$name.zip"
    (cd "$work" && TZ=UTC zip -q -X -r "$out/$name.zip" "$name")
  else
    tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -C "$work" -cf - "$name" | gzip -9 -n >"$out/$name.tar.gz"
  fi
  echo "built $name"

  plugin=tflint-ruleset-eipassoc_${os}_${arch}
  pdir=$work/$plugin
  mkdir -p "$pdir"
  pexe=tflint-ruleset-eipassoc
  [ "$os" = windows ] && pexe=tflint-ruleset-eipassoc.exe
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
    -ldflags "-s -w -buildid= -X main.version=${version#v}" -o "$pdir/$pexe" ./cmd/tflint-ruleset-eipassoc
  touch -d "@$epoch" "$pdir/$pexe"
  rm -f "$out/$plugin.zip"
  (cd "$pdir" && TZ=UTC zip -q -X "$out/$plugin.zip" "$pexe")
  echo "built $plugin"
done
(cd "$out" && shopt -s nullglob && sha256sum eipassoc_*.tar.gz eipassoc_*.zip tflint-ruleset-eipassoc_*.zip | sort -k2 >checksums.txt)
echo "wrote $out/checksums.txt"

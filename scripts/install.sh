#!/usr/bin/env bash
# Installs an eipassoc release: downloads the archive for this machine from the
# project's GitHub releases, checks it against the release's checksums.txt, and unpacks
# the binary into DIR (default: the current directory).
#
#   scripts/install.sh VERSION [DIR]
set -euo pipefail
version=${1:?usage: scripts/install.sh VERSION [DIR]}
dir=${2:-.}
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "install.sh: use the .zip archive of the release on $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "install.sh: no release for $(uname -m)" >&2; exit 1 ;;
esac
base=${EIPASSOC_RELEASES:-https://github.com/eipassoc/eipassoc/releases/download}/$version
name=eipassoc_${version#v}_${os}_${arch}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/$name.tar.gz" "$base/$name.tar.gz"
curl -fsSL -o "$tmp/checksums.txt" "$base/checksums.txt"
(cd "$tmp" && grep " $name.tar.gz\$" checksums.txt | sha256sum -c --quiet -)
mkdir -p "$dir"
tar -xzf "$tmp/$name.tar.gz" -C "$tmp"
install -m 0755 "$tmp/$name/eipassoc" "$dir/eipassoc"
"$dir/eipassoc" version

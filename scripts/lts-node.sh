#!/usr/bin/env bash
# Fetches a Node.js LTS build from the npm registry (the node-linux-<arch> package carries the official
# binary; npm checks the tarball against the registry's sha512) into a cache folder, checks that the
# binary reports an LTS line, and prints the folder holding `node` as its last line.
#
#   scripts/lts-node.sh [MAJOR]      # default 24; CACHE: $LTS_NODE_CACHE or ~/.cache/civicdesk/node
set -euo pipefail

major=${1:-24}
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "lts-node: no node-linux build for $(uname -m)" >&2; exit 1 ;;
esac
package="node-linux-$arch"
cache=${LTS_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/civicdesk/node}
mkdir -p "$cache"

version=$(npm view "$package@$major" version --json | node -e '
  let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => {
    const v = JSON.parse(text); console.log(Array.isArray(v) ? v.at(-1) : v);
  });')
dir="$cache/$package-$version"
if [ ! -x "$dir/bin/node" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack "$package@$version" --silent >/dev/null)
  mkdir -p "$work/x" && tar xzf "$work/$package-$version.tgz" -C "$work/x"
  rm -rf "$dir" && mv "$work/x/package" "$dir"
fi

lts=$("$dir/bin/node" -p 'process.release.lts || ""')
if [ -z "$lts" ]; then
  echo "lts-node: Node $version is not an LTS release; pick a supported line" >&2
  exit 1
fi
echo "lts-node: Node $version ($lts) from $package@$version" >&2
echo "$dir/bin"

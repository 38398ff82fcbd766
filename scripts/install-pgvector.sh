#!/usr/bin/env bash
# Builds and installs the pgvector extension for the machine's PostgreSQL.
#
# Debian 12 ships no pgvector package, so the Debian 13 ("trixie") source
# package is fetched from the same mirror this machine already uses and built
# against postgresql-server-dev-<major>. apt's configuration in /etc/apt is
# never changed: the trixie deb-src entry and its index live in a temporary
# directory that is removed on exit, so no trixie binary can ever be installed.
#
# Idempotent: exits at once when vector.control is already installed.
#
# Environment (all optional):
#   PG_MAJOR             PostgreSQL major version to build for (default: the
#                        cluster on port 5432, else the newest installed)
#   PGVECTOR_SUITE       Debian suite to take the source from (default: trixie)
#   PGVECTOR_APT_URI     mirror URI to use instead of the one apt is set up with
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/apt-install.sh
. "$script_dir/lib/apt-install.sh"

suite=${PGVECTOR_SUITE:-trixie}
default_keyring=/usr/share/keyrings/debian-archive-keyring.gpg

detect_pg_major() {
  if [ -n "${PG_MAJOR:-}" ]; then
    echo "$PG_MAJOR"
    return
  fi
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local on_default_port
    on_default_port=$(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 { print $1; exit }')
    if [ -n "$on_default_port" ]; then
      echo "$on_default_port"
      return
    fi
  fi
  if [ -d /usr/lib/postgresql ]; then
    find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | grep -E '^[0-9]+$' | sort -n | tail -n 1
  fi
}

# Prints "URI KEYRING" of the machine's main Debian archive entry: the first
# enabled binary source whose suite is exactly this release's codename, read
# from deb822 *.sources files and then from one-line *.list files.
find_debian_mirror() {
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || return 1

  local sources_files=() list_files=()
  shopt -s nullglob
  sources_files=(/etc/apt/sources.list.d/*.sources)
  list_files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list)
  shopt -u nullglob

  local found=""
  if [ "${#sources_files[@]}" -gt 0 ]; then
    found=$(awk -v want="$codename" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; enabled = "yes"; signed = ""
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[ \t]*#/) continue
          if (match(line, /^[A-Za-z-]+:/)) {
            key = tolower(substr(line, 1, RLENGTH - 1))
            value = substr(line, RLENGTH + 1)
            gsub(/^[ \t]+|[ \t]+$/, "", value)
            if (key == "types") types = value
            else if (key == "uris") uris = value
            else if (key == "suites") suites = value
            else if (key == "enabled") enabled = tolower(value)
            else if (key == "signed-by") signed = value
          }
        }
        if (enabled == "no") next
        if ((" " types " ") !~ / deb /) next
        if ((" " suites " ") !~ (" " want " ")) next
        split(uris, u, /[ \t]+/)
        if (signed !~ /^\//) signed = "-"
        print u[1], signed
        exit
      }' "${sources_files[@]}")
  fi
  if [ -z "$found" ] && [ "${#list_files[@]}" -gt 0 ]; then
    found=$(awk -v want="$codename" '
      /^[ \t]*deb[ \t]/ {
        signed = "-"
        line = $0
        if (match(line, /\[[^]]*\]/)) {
          opts = substr(line, RSTART + 1, RLENGTH - 2)
          line = substr(line, 1, RSTART - 1) substr(line, RSTART + RLENGTH)
          if (match(opts, /signed-by=[^ \t]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
        }
        n = split(line, f, /[ \t]+/)
        start = (f[1] == "") ? 2 : 1
        if (f[start + 2] == want) { print f[start + 1], signed; exit }
      }' "${list_files[@]}" 2>/dev/null)
  fi
  [ -n "$found" ] || return 1
  echo "$found"
}

pg_major=$(detect_pg_major)
if [ -z "$pg_major" ]; then
  echo "error: no PostgreSQL installation found under /usr/lib/postgresql (set PG_MAJOR?)" >&2
  exit 1
fi

control_file=/usr/share/postgresql/$pg_major/extension/vector.control
library_file=/usr/lib/postgresql/$pg_major/lib/vector.so
if [ -f "$control_file" ] && [ -f "$library_file" ]; then
  echo "pgvector: already installed for PostgreSQL $pg_major ($(grep -oP "default_version = '\K[^']+" "$control_file" || echo '?'))"
  exit 0
fi

echo "pgvector: building for PostgreSQL $pg_major from Debian $suite sources"
install_apt_packages "postgresql-server-dev-$pg_major" build-essential dpkg-dev

pg_config=/usr/lib/postgresql/$pg_major/bin/pg_config
if [ ! -x "$pg_config" ]; then
  echo "error: $pg_config missing after installing postgresql-server-dev-$pg_major" >&2
  exit 1
fi

if [ -n "${PGVECTOR_APT_URI:-}" ]; then
  mirror_uri=$PGVECTOR_APT_URI
  keyring=$default_keyring
else
  if ! mirror=$(find_debian_mirror); then
    echo "error: could not find this machine's Debian mirror in /etc/apt (set PGVECTOR_APT_URI)" >&2
    exit 1
  fi
  mirror_uri=${mirror%% *}
  keyring=${mirror#* }
  if [ "$keyring" = "-" ]; then
    keyring=$default_keyring
  fi
fi

work_dir=$(mktemp -d /tmp/pgvector-build.XXXXXX)
trap 'rm -rf "$work_dir"' EXIT
# apt drops privileges to _apt for downloads; let it write here.
chmod 0755 "$work_dir"
mkdir -p "$work_dir/lists/partial" "$work_dir/src"
chown _apt "$work_dir/lists/partial" "$work_dir/src" 2>/dev/null || true

echo "deb-src [signed-by=$keyring] $mirror_uri $suite main" >"$work_dir/sources.list"
apt_options=(
  -o "Dir::Etc::SourceList=$work_dir/sources.list"
  -o "Dir::Etc::SourceParts=-"
  -o "Dir::State::Lists=$work_dir/lists"
  -o "Dir::Cache::pkgcache="
  -o "Dir::Cache::srcpkgcache="
)

echo "pgvector: fetching the $suite source index from $mirror_uri"
apt-get "${apt_options[@]}" update -qq
(cd "$work_dir/src" && apt-get "${apt_options[@]}" source -qq pgvector)

source_tree=$(find "$work_dir/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
if [ -z "$source_tree" ]; then
  echo "error: apt-get source pgvector produced no source tree" >&2
  exit 1
fi

# An empty OPTFLAGS drops upstream's -march=native, so the library keeps
# working if this machine's disk is later attached to a different CPU.
make -s -C "$source_tree" -j "$(nproc)" PG_CONFIG="$pg_config" OPTFLAGS=""
make -s -C "$source_tree" PG_CONFIG="$pg_config" OPTFLAGS="" install

if [ ! -f "$control_file" ]; then
  echo "error: make install did not produce $control_file" >&2
  exit 1
fi
echo "pgvector: installed $(basename "$source_tree") for PostgreSQL $pg_major"

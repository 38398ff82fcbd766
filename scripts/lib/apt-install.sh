# Sourced by the machine-setup scripts; not meant to be run on its own.
# shellcheck shell=bash

# Installs the named Debian packages that are not installed yet. The package
# lists are refreshed once per shell first, because a kept machine's lists can
# name versions that the mirror no longer serves.
install_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: need root to install: ${missing[*]}" >&2
    return 1
  fi
  if [ -z "${APT_LISTS_REFRESHED:-}" ]; then
    echo "apt: refreshing package lists"
    apt-get update -qq
    export APT_LISTS_REFRESHED=1
  fi
  echo "apt: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

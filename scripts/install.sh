#!/usr/bin/env bash
# Installs a released infra-fix without compiling it (the GitHub Action's install step):
# the release's standalone binary for this machine, checked against the release's sha256
# file, else `pip install infra-fix==VERSION` into a virtualenv. A binary whose checksum
# does not match is an error, never a reason to fall back.
#
#   scripts/install.sh VERSION DIR     # puts DIR/bin/infra-fix
#
# INFRA_FIX_RELEASES: the URL the release assets are under, `.../releases/download`; the
# assets are then `$INFRA_FIX_RELEASES/vVERSION/infra-fix-TARGET.tar.gz` and `.sha256`.
# Unset or empty: pip only.
set -euo pipefail
version=$1
dir=$2
mkdir -p "$dir/bin"

# The release target for this machine; Linux with musl's loader gets the static musl build.
target=
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-amd64) arch=x86_64 ;;
  Linux-aarch64 | Linux-arm64) arch=aarch64 ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  *)
    echo "error: infra-fix is released for Linux and macOS (x86_64, aarch64), not $(uname -s) $(uname -m)" >&2
    exit 2
    ;;
esac
if [ -z "$target" ]; then
  if compgen -G "/lib/ld-musl-*.so.1" >/dev/null; then
    target=$arch-unknown-linux-musl
  else
    target=$arch-unknown-linux-gnu
  fi
fi

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

from_release() {
  local archive=infra-fix-$target.tar.gz url=$INFRA_FIX_RELEASES/v$version
  local work
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # expand now: $work is local
  trap "rm -rf '$work'" RETURN
  if ! curl --fail --silent --show-error --location --retry 3 \
    --output "$work/$archive" "$url/$archive" \
    --output "$work/$archive.sha256" "$url/$archive.sha256"; then
    echo "infra-fix $version: no $archive in the release at $url" >&2
    return 1
  fi
  if ! (cd "$work" && sha256 --check --status "$archive.sha256"); then
    echo "error: $url/$archive does not match its sha256 file; not installed" >&2
    exit 1
  fi
  if ! { tar -xzf "$work/$archive" -C "$work" &&
    install -m 755 "$work/infra-fix-$target/infra-fix" "$dir/bin/infra-fix"; }; then
    echo "error: could not unpack $archive" >&2
    exit 1
  fi
  echo "infra-fix $version: $archive from $url (sha256 checked)"
}

from_pypi() {
  if ! { python3 -m venv "$dir/venv" &&
    "$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check "infra-fix==$version" &&
    ln -sf "../venv/bin/infra-fix" "$dir/bin/infra-fix"; }; then
    echo "error: pip could not install infra-fix==$version either" >&2
    exit 1
  fi
  echo "infra-fix $version: installed with pip"
}

if [ -z "${INFRA_FIX_RELEASES:-}" ] || ! from_release; then
  from_pypi
fi
shown=$("$dir/bin/infra-fix" --version)
case $shown in
  "infra-fix $version "*) ;;
  *) echo "error: installed $shown, not infra-fix $version" >&2; exit 1 ;;
esac

#!/usr/bin/env bash
# Builds infra-fix for one target as it is released: the wheel (what pip, pipx and uv install)
# and the standalone binary archive with its sha256. CI (.ci/run) and the release workflow
# (.github/workflows/release.yml) both run this script, so what CI tests is what is released.
#
#   scripts/build-wheel.sh [TARGET]     # default: this machine's target
#
# Writes dist/TARGET/: infra_fix-VERSION-py3-none-PLATFORM.whl, infra-fix-TARGET.tar.gz
# (infra-fix-TARGET/infra-fix inside) and infra-fix-TARGET.tar.gz.sha256 (`sha256sum`
# format). Linux binaries are linked by zig against glibc 2.17 (manylinux2014) or musl
# (musllinux_1_2, static), whatever the build machine's own libc is. maturin and zig come
# from PyPI (versions in scripts/build-requirements.txt) into target/build-venv; Rust must
# have TARGET's standard library (`rustup target add TARGET`).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-$(rustc -vV | sed -n 's/^host: //p')}
case $target in
  *-unknown-linux-gnu) platform=(--zig --compatibility manylinux2014) ;;
  *-unknown-linux-musl) platform=(--zig --compatibility musllinux_1_2) ;;
  *-apple-darwin) platform=(--compatibility pypi) ;;
  *)
    # walk.rs and write.rs use Unix file APIs (non-blocking opens, owners, access(2)).
    echo "error: $target: infra-fix builds for Linux and macOS only" >&2
    exit 2
    ;;
esac

venv=target/build-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r scripts/build-requirements.txt
# maturin finds zig as `python -m ziglang` of the python on PATH.
export PATH="$PWD/$venv/bin:$PATH"

out=dist/$target
rm -rf "$out"
maturin build --release --locked --target "$target" "${platform[@]}" --out "$out"

archive=infra-fix-$target
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir "$staging/$archive"
cp "${CARGO_TARGET_DIR:-target}/$target/release/infra-fix" "$staging/$archive/"
tar -czf "$out/$archive.tar.gz" -C "$staging" "$archive"
(
  cd "$out"
  if command -v sha256sum >/dev/null; then
    sha256sum "$archive.tar.gz"
  else
    shasum -a 256 "$archive.tar.gz"
  fi >"$archive.tar.gz.sha256"
)
ls -l "$out"

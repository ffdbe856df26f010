#!/bin/sh
# Installs a wheel scripts/build-wheel.sh built into a fresh virtualenv, with no Rust on PATH,
# and uses it as a user would: `infra-fix --version`, the README's dry run of the example
# project, and a fix of a copy of it that must equal the golden fixture. POSIX sh, so that it
# also runs in an Alpine container (the release workflow tests the musl wheel there).
#
#   scripts/test-wheel.sh dist/x86_64-unknown-linux-gnu/infra_fix-*.whl
set -eu
cd "$(dirname "$0")/.."
wheel=$1
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
# What a user who only has Python has: no cargo, no rustc.
PATH="$work/venv/bin:/usr/local/bin:/usr/bin:/bin"
for tool in cargo rustc; do
  if command -v "$tool" >/dev/null; then
    echo "error: $tool is on PATH ($(command -v "$tool")); this test needs a machine without Rust there" >&2
    exit 1
  fi
done
if [ "$(command -v infra-fix)" != "$work/venv/bin/infra-fix" ]; then
  echo "error: the wheel did not install infra-fix into the virtualenv" >&2
  exit 1
fi

shown=$(infra-fix --version)
case $shown in
  "infra-fix $version (pulumi-aws tables "*) ;;
  *) echo "error: infra-fix --version says \"$shown\", not version $version" >&2; exit 1 ;;
esac

# The README's first command: a diff of every safe fix, exit code 1.
status=0
infra-fix --dry-run --no-cache testdata/example-project/ >"$work/diff" 2>"$work/stderr" || status=$?
if [ "$status" != 1 ] || ! head -n 1 "$work/diff" | grep -qx -- '--- a/testdata/example-project/__main__.py'; then
  echo "error: infra-fix --dry-run testdata/example-project/ exited $status with:" >&2
  cat "$work/diff" "$work/stderr" >&2
  exit 1
fi

# Every fix on a copy: the golden result the test suite holds the code to.
cp -R testdata/example-project "$work/project"
status=0
(cd "$work/project" && infra-fix --write --unsafe-fixes --no-cache --quiet .) || status=$?
if ! cmp "$work/project/__main__.py" testdata/example-project/__main__.after.py; then
  echo "error: the wheel's infra-fix --write --unsafe-fixes (exit $status) differs from __main__.after.py" >&2
  diff -u testdata/example-project/__main__.after.py "$work/project/__main__.py" >&2 || true
  exit 1
fi
echo "wheel ok: $shown; $(grep -c '^@@' "$work/diff") hunks in the dry run, --write matches the golden file"

#!/usr/bin/env bash
# Runs the pre-commit hooks as a user without Rust would: pre-commit installs the hook
# repository scripts/pre-commit-mirror.sh writes, whose `pip install .` takes the infra-fix
# wheel from WHEEL_DIR (no index), then runs the hook on a project whose configuration
# excludes a folder. Needs pre-commit on PATH and git.
#
#   scripts/test-pre-commit.sh WHEEL_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
wheels=$(cd "$1" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git() { command git -c user.name=ci -c user.email=ci@localhost -c init.defaultBranch=main "$@"; }

# The hook repository, tagged as the release tags it.
scripts/pre-commit-mirror.sh "$work/hooks"
(cd "$work/hooks" && git init -q && git add -A && git commit -qm hooks && git tag "v$version")

# The placeholder package builds with setuptools: from a local copy, as the index is off.
python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
  --dest "$work/links" setuptools
cp "$wheels"/infra_fix-*.whl "$work/links/"

mkdir -p "$work/project/infra/legacy"
cd "$work/project"
eip='import pulumi_aws as aws

eip = aws.ec2.Eip("e", vpc=True)
'
printf '%s' "$eip" >infra/main.py
printf '%s' "$eip" >infra/legacy/old.py
printf '[tool.infra-fix]\nexclude = ["legacy"]\n' >infra/pyproject.toml
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: v$version
    hooks:
      - id: infra-fix
YAML
git init -q && git add -A

status=0
env PATH="$(dirname "$(command -v pre-commit)"):/usr/local/bin:/usr/bin:/bin" \
  PRE_COMMIT_HOME="$work/cache" PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/links" \
  pre-commit run --all-files >"$work/out" 2>&1 || status=$?
fixed='eip = aws.ec2.Eip("e", domain="vpc")'
if [ "$status" != 1 ] || ! grep -qxF "$fixed" infra/main.py || [ "$(cat infra/legacy/old.py)" != "${eip%$'\n'}" ]; then
  echo "error: pre-commit exited $status (1 expected: infra/main.py fixed, infra/legacy/old.py excluded)" >&2
  cat "$work/out" >&2
  exit 1
fi
echo "pre-commit ok: the hook installed infra-fix $version from the wheel, fixed infra/main.py, left the excluded infra/legacy/old.py alone"

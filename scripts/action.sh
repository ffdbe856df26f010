#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), kept here so that tests/action.rs runs them
# with the variables a runner sets.
#
#   scripts/action.sh install   # INFRA_FIX_VERSION (default: Cargo.toml's version beside it)
#   scripts/action.sh run       # INFRA_FIX_ARGS; in the working directory
#
# Runner variables used: GITHUB_ACTION_PATH, GITHUB_SERVER_URL, RUNNER_TEMP, GITHUB_PATH,
# GITHUB_OUTPUT.
set -euo pipefail

install() {
  local version=${INFRA_FIX_VERSION:-}
  version=${version#v}
  if [ -z "$version" ]; then
    version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$GITHUB_ACTION_PATH/Cargo.toml" | head -n 1)
  fi
  # github.action_repository is not set for composite actions, but the runner checks a
  # remote action out at .../_actions/OWNER/REPO/REF. A local action (`uses: ./`) has no
  # release of its own: pip then.
  case $GITHUB_ACTION_PATH in
    */_actions/*/*/*)
      local rest=${GITHUB_ACTION_PATH##*/_actions/}
      local owner=${rest%%/*}
      rest=${rest#*/}
      export INFRA_FIX_RELEASES="$GITHUB_SERVER_URL/$owner/${rest%%/*}/releases/download"
      ;;
  esac
  "$GITHUB_ACTION_PATH/scripts/install.sh" "$version" "$RUNNER_TEMP/infra-fix"
  cp "$GITHUB_ACTION_PATH/scripts/bot.sh" "$RUNNER_TEMP/infra-fix/bin/infra-fix-bot"
  chmod 755 "$RUNNER_TEMP/infra-fix/bin/infra-fix-bot"
  echo "$RUNNER_TEMP/infra-fix/bin" >>"$GITHUB_PATH"
  echo "version=$version" >>"$GITHUB_OUTPUT"
}

run() {
  local status=0 report="$RUNNER_TEMP/infra-fix-findings.json" findings=
  # Word splitting of the arguments is intended.
  # shellcheck disable=SC2086
  infra-fix ${INFRA_FIX_ARGS:-} || status=$?
  # The count: what `--check` reports now, in this folder.
  rm -f "$report"
  infra-fix --check --format json --quiet --output "$report" || true
  if [ -s "$report" ]; then
    findings=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$report")
  fi
  echo "findings=$findings" >>"$GITHUB_OUTPUT"
  return "$status"
}

case ${1:-} in
  install) install ;;
  run) run ;;
  *)
    echo "usage: $0 install|run" >&2
    exit 2
    ;;
esac

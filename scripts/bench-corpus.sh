#!/bin/sh
# Builds the real-world benchmark corpus: every `aws-py-*` program of a pulumi/examples clone
# (its HEAD, with its dependency files), copied COPIES times (default 30: about 2,000 `.py`
# files), each copy's Python files made distinct by a comment line.
#
#   scripts/bench-corpus.sh <pulumi/examples git dir or clone> <output dir> [COPIES]
#
# Only the `aws-py-*` folders are archived: some other folders (`aws-go-lambda`) hold objects
# a partial mirror lacks, which break an archive of the whole tree (git may still name the
# missing object on stderr; the `aws-py-*` folders are archived whole).
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 <pulumi/examples git dir> <output dir> [copies]" >&2
    exit 2
fi
repo=$1
out=$2
copies=${3:-30}
if [ -d "$repo/.git" ]; then
    repo=$repo/.git
fi
programs=$(git --git-dir="$repo" ls-tree --name-only HEAD | grep '^aws-py-')
if [ -z "$programs" ]; then
    echo "$0: no aws-py-* folder at the HEAD of $repo" >&2
    exit 1
fi
one=$(mktemp -d)
trap 'rm -rf "$one"' EXIT
# shellcheck disable=SC2086 # one argument per folder
git --git-dir="$repo" archive HEAD $programs | tar -x -C "$one"
rm -rf "$out"
mkdir -p "$out"
i=0
while [ "$i" -lt "$copies" ]; do
    copy=$(printf '%s/c%03d' "$out" "$i")
    mkdir -p "$copy"
    cp -R "$one"/. "$copy"
    find "$copy" -name '*.py' -exec sh -c 'for f; do printf "\n# copy %s\n" "$0" >> "$f"; done' "$i" {} +
    i=$((i + 1))
done
echo "$(find "$out" -name '*.py' | wc -l) Python files in $out ($(git --git-dir="$repo" rev-parse --short HEAD) of $repo, $copies copies)"

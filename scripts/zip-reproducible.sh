#!/usr/bin/env bash
# scripts/zip-reproducible.sh DIR ZIP: zips the files of DIR (at the top level
# of the zip, as the stores want them) so that the same files give the same
# bytes on any machine and at any time (SOURCE.md):
# - entries in byte order of their paths (LC_ALL=C), files only (no directory
#   entries, whose order and modes vary);
# - every file dated 2000-01-01 00:00:00 UTC (zip stores local time: TZ=UTC);
# - mode 0644 for every file;
# - no extra fields (-X: no uid/gid, no extended timestamps).
# Info-ZIP's zip 3.0 at -9 (Debian 12's `zip`) writes the compressed data.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DIR ZIP" >&2; exit 2; }
dir=$1
out=$(realpath -m "$2")
rm -f "$out"
# A copy to normalise: DIR keeps its own dates (make compares them).
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r "$dir"/. "$stage"/
find "$stage" -type f -exec chmod 0644 {} +
find "$stage" -type f -exec touch -d @946684800 {} +
cd "$stage"
find . -type f -printf '%P\n' | LC_ALL=C sort | TZ=UTC zip -q -X -D -9 "$out" -@

#!/usr/bin/env bash
# scripts/check-repro.sh [REV]: builds the release (`make dist`) twice, from
# two fresh clones of this repository at REV (default HEAD) in two different
# directories, and fails unless the wasm and both zips are byte-identical.
# Each clone has its own target directory, so nothing is shared but the
# toolchain, the cargo registry and the npm cache. About five minutes on two
# cores; not part of `make test` (SOURCE.md). Commits only: uncommitted
# changes are not in the clones.
# QUIRE_REPRO_KEEP=1 keeps the clones (their paths are printed).
set -euo pipefail
repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")/.." rev-parse --show-toplevel)
rev=$(git -C "$repo" rev-parse --verify "${1:-HEAD}^{commit}")
work=$(mktemp -d "${TMPDIR:-/tmp}/quire-repro.XXXXXX")
if [ "${QUIRE_REPRO_KEEP:-}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi

# Two paths of different lengths: rustc writes source paths into the wasm
# unless the build remaps them (Makefile, WASM_RUSTFLAGS).
clones=("$work/one/quire" "$work/two/somewhere/else/quire-copy")
for dir in "${clones[@]}"; do
  mkdir -p "$(dirname "$dir")"
  git clone -q --no-local --no-checkout "$repo" "$dir"
  git -C "$dir" checkout -q --detach "$rev"
  echo "check-repro: building $rev in $dir" >&2
  (cd "$dir" && env -u CARGO_TARGET_DIR -u RUSTFLAGS make dist >"$dir.log" 2>&1) || {
    echo "check-repro: make dist failed in $dir (log: $dir.log)" >&2
    tail -30 "$dir.log" >&2
    exit 1
  }
done

status=0
for file in build/pkg/quire_bg.wasm dist/quire-chrome.zip dist/quire-firefox.zip; do
  a=$(sha256sum <"${clones[0]}/$file" | cut -d' ' -f1)
  b=$(sha256sum <"${clones[1]}/$file" | cut -d' ' -f1)
  if [ "$a" = "$b" ]; then
    echo "same      $a  $file"
  else
    echo "DIFFERENT $a $b  $file"
    status=1
  fi
done
[ "$status" = 0 ] && echo "check-repro: the two builds of $rev are byte-identical" \
  || echo "check-repro: the builds differ (QUIRE_REPRO_KEEP=1 keeps them to compare)" >&2
exit "$status"

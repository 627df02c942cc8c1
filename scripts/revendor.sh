#!/usr/bin/env bash
# scripts/revendor.sh [--check] [CRATE...]: rebuilds vendor/CRATE from its
# crates.io release and Quire's patches (patches/CRATE/: UPSTREAM names the
# release and the sha256 of its .crate file; NNNN-*.patch are applied in
# order with `patch -p1`, after the paths UPSTREAM lists under `remove` are
# deleted). With no CRATE, every patches/*/ is done.
#
# --check (scripts/check-vendor.sh, run by `make lint`): builds the same tree
# in a temporary directory and fails when vendor/CRATE differs from it, so an
# edit to vendor/ that is not in a patch cannot land.
#
# The .crate comes from cargo's registry cache when a build has fetched it
# (offline), else from crates.io's download URL with curl, cached in
# target/vendor-crates/. Either way its sha256 must be the one in UPSTREAM.
#
# To change a vendored crate: edit vendor/CRATE, then write the difference as
# a new patch (diff -u against a pristine copy, paths a/FILE and b/FILE) and
# run --check; this script never writes patches itself.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

check=""
if [ "${1:-}" = --check ]; then check=1; shift; fi
if [ $# -eq 0 ]; then
  set --
  for dir in patches/*/; do set -- "$@" "$(basename "$dir")"; done
fi

# field FILE KEY: the value of `KEY = value` in an UPSTREAM file.
field() { sed -n "s/^$2 *= *//p" "$1" | head -n 1; }

# fetch NAME VERSION SHA256: prints the path of the verified .crate.
fetch() {
  local name=$1 version=$2 sum=$3 file cached
  file="$name-$version.crate"
  for cached in "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$file" "target/vendor-crates/$file"; do
    if [ -f "$cached" ] && [ "$(sha256sum <"$cached" | cut -d' ' -f1)" = "$sum" ]; then
      echo "$cached"
      return
    fi
  done
  mkdir -p target/vendor-crates
  echo "revendor: downloading $file from crates.io" >&2
  curl -sSfL --retry 3 -o "target/vendor-crates/$file.part" \
    "https://static.crates.io/crates/$name/$file"
  local got
  got=$(sha256sum <"target/vendor-crates/$file.part" | cut -d' ' -f1)
  if [ "$got" != "$sum" ]; then
    rm -f "target/vendor-crates/$file.part"
    echo "revendor: $file has sha256 $got, not $sum (patches/$name/UPSTREAM)" >&2
    exit 1
  fi
  mv "target/vendor-crates/$file.part" "target/vendor-crates/$file"
  echo "target/vendor-crates/$file"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for crate in "$@"; do
  upstream="patches/$crate/UPSTREAM"
  [ -f "$upstream" ] || { echo "revendor: no $upstream" >&2; exit 2; }
  name=$(field "$upstream" crate)
  version=$(field "$upstream" version)
  sum=$(field "$upstream" sha256)
  [ -n "$name" ] && [ -n "$version" ] && [ ${#sum} -eq 64 ] \
    || { echo "revendor: $upstream needs crate, version and sha256" >&2; exit 2; }
  archive=$(fetch "$name" "$version" "$sum")

  tar -xzf "$archive" -C "$tmp"
  tree="$tmp/$name-$version"
  for path in $(field "$upstream" remove); do
    case "$path" in /* | *..*) echo "revendor: bad path to remove: $path" >&2; exit 2 ;; esac
    rm -rf "${tree:?}/$path"
  done
  for p in patches/"$crate"/*.patch; do
    [ -e "$p" ] || continue
    patch -s -p1 -d "$tree" --no-backup-if-mismatch -r - <"$p" \
      || { echo "revendor: $p does not apply to $name $version" >&2; exit 1; }
  done

  if [ -n "$check" ]; then
    if diff -r "$tree" "vendor/$crate" >"$tmp/$crate.diff"; then
      echo "check-vendor: vendor/$crate is $name $version + patches/$crate/"
    else
      echo "check-vendor: vendor/$crate differs from $name $version + patches/$crate/:" >&2
      head -n 60 "$tmp/$crate.diff" >&2
      echo "(put the change in a patch in patches/$crate/, or run scripts/revendor.sh $crate to undo it)" >&2
      status=1
    fi
  else
    rm -rf "vendor/$crate"
    cp -r "$tree" "vendor/$crate"
    echo "revendor: vendor/$crate rebuilt from $name $version + patches/$crate/"
  fi
done
if [ -n "$check" ]; then
  for dir in vendor/*/; do
    [ -d "patches/$(basename "$dir")" ] \
      || { echo "check-vendor: $dir has no patches/$(basename "$dir")/UPSTREAM" >&2; status=1; }
  done
fi
exit "$status"

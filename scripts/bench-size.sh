#!/usr/bin/env bash
# Size of the release wasm and of the packed extension, and what dominates it.
# Run through `make bench-size` (which builds build/pkg first). Writes
# out/bench/size.json and out/bench/twiggy-top.txt; prints a summary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

wasm=build/pkg/quire_bg.wasm
# twiggy needs names; wasm-opt drops the name section, so look at the module
# cargo produced (profile wasm-release) before wasm-bindgen and wasm-opt.
pre=target/wasm32-unknown-unknown/wasm-release/quire.wasm
out=out/bench
mkdir -p "$out"
[ -f "$wasm" ] || { echo "bench-size: $wasm missing: run make wasm" >&2; exit 1; }

raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
glue=$(stat -c %s build/pkg/quire.js)
glue_gz=$(gzip -9 -c build/pkg/quire.js | wc -c)
limit=$((350 * 1024))

zip_bytes=null
if grep -q '^dist:' Makefile; then
  make --no-print-directory dist >/dev/null
  rm -f "$out/quire-chrome.zip"
  (cd dist/chrome && zip -q -r -9 "../../$out/quire-chrome.zip" .)
  zip_bytes=$(stat -c %s "$out/quire-chrome.zip")
fi

top_json=null
if command -v twiggy >/dev/null && [ -f "$pre" ]; then
  twiggy top -n 25 "$pre" > "$out/twiggy-top.txt"
  twiggy top -n 40 -f json "$pre" > "$out/twiggy-top.json"
  twiggy dominators -d 2 -r 30 "$pre" > "$out/twiggy-dominators.txt" 2>/dev/null || true
  top_json=$(cat "$out/twiggy-top.json")
else
  echo "bench-size: twiggy not found (cargo install twiggy) or $pre missing; skipping the breakdown" >&2
fi

cat > "$out/size.json" <<JSON
{
  "schema": 1,
  "wasm": { "path": "$wasm", "rawBytes": $raw, "gzipBytes": $gz, "gzipLimitBytes": $limit, "withinLimit": $([ "$gz" -le "$limit" ] && echo true || echo false) },
  "glue": { "path": "build/pkg/quire.js", "rawBytes": $glue, "gzipBytes": $glue_gz },
  "chromeZipBytes": $zip_bytes,
  "wasmOpt": "$(wasm-opt --version 2>/dev/null || echo none)",
  "twiggyTopPreWasmOpt": $top_json
}
JSON

kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
echo "release wasm $wasm: raw $(kib "$raw"), gzip -9 $(kib "$gz") (bar: 350 KiB gzipped: $([ "$gz" -le "$limit" ] && echo within || echo OVER))"
echo "glue build/pkg/quire.js: raw $(kib "$glue"), gzip -9 $(kib "$glue_gz")"
[ "$zip_bytes" = null ] || echo "dist/chrome zip: $(kib "$zip_bytes")"
[ -f "$out/twiggy-top.txt" ] && { echo "twiggy top (before wasm-opt; $pre):"; head -n 20 "$out/twiggy-top.txt"; }
echo "wrote $out/size.json"

#!/usr/bin/env bash
# scripts/check-vendor.sh: fails when vendor/ is not exactly each crates.io
# release named in patches/*/UPSTREAM (checksum verified) plus the patches
# there. `make lint` runs it; scripts/revendor.sh explains.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/revendor.sh" --check "$@"

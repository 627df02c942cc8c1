# Quire: build, test and run the reader extension.
# Every target first runs scripts/setup.sh (idempotent; seconds when nothing is missing).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# npm's wasm-opt (binaryen 132) must come first on PATH: wasm-pack picks up whatever
# wasm-opt it finds, and Debian's wasm-opt 108 produces a module that fails at load.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

PKG       := build/pkg
WASM      := $(PKG)/quire_bg.wasm
DIST      := dist/chrome
FF_DIST   := dist/firefox
# The test and benchmark build: dist/chrome plus the test hooks (extension/test-hooks/,
# which the release builds never hold). Never zipped.
TEST_DIST := dist/chrome-test
WWW_DIST  := dist/www
RUST_SRC  := Cargo.toml $(wildcard Cargo.lock) $(shell find src vendor -type f -name '*.rs' 2>/dev/null) $(wildcard vendor/*/Cargo.toml vendor/*/*.txt)
EXT_SRC   := manifest.json $(shell find extension icons _locales -type f 2>/dev/null) scripts/strings-en.mjs scripts/build-reader.mjs
# What the extension needs at run time, and nothing else (no tests, sources or .d.ts).
EXT_FILES := manifest.json extension icons $(wildcard _locales)
WWW_SRC   := $(shell find www -type f 2>/dev/null) $(wildcard extension/ui/*.js) extension/shared/quirks.js _locales/en/messages.json scripts/strings-en.mjs
# The English UI strings (ui/strings-en.js), generated from the locale into dist/ only.
GEN_EN    := node scripts/strings-en.mjs _locales/en/messages.json
# A timeout, so a hung browser or page fails the run instead of stalling it.
# Node 20 applies --test-timeout to each test *file* (newer Node to each
# test), so it is sized for the longest file, tests/e2e/overlay.test.mjs
# (16 browser tests, each with its own 90 s timeout), with room for a
# loaded machine. Each e2e test also sets its own per-test timeout.
NODE_TEST := node --test --test-concurrency=1 --test-timeout=600000

.PHONY: help setup test lint lint-ext fuzz-check tokenizer-diff html5lib-test firefox-check test-firefox e2e-firefox typecheck unit wasm-test js-test smoke e2e wasm dist dist-test dist-www run eval eval-overlay bench bench-native bench-size bench-memory bench-browser bench-cold bench-floor bench-firefox demo clean

help:
	@echo "make setup   install what this machine lacks (scripts/setup.sh)"
	@echo "make run     build the extension, open the sample page in Chromium and show the reader [PAGE=path|url]"
	@echo "make test    fmt, clippy, rustdoc, JS type check, cargo test, html5lib-tests, fuzz crate check, fork-vs-upstream tokenizer check, wasm tests in Chromium, JS tests, web-ext lint, release-wasm smoke test, end-to-end tests (Chromium; Firefox when installed)"
	@echo "make lint    fmt, clippy, rustdoc and the vendor/ check (no build needed); make lint-ext lints the Firefox build"
	@echo "make dist    build dist/chrome and dist/firefox (unpacked), their zips dist/quire-{chrome,firefox}.zip, and dist/www (the playground)"
	@echo "make dist-test  build dist/chrome-test: dist/chrome with the test hooks the end-to-end tests and browser benchmarks use"
	@echo "make eval    score extraction on the corpus (QUIRE_CORPUS, default ../shared/corpus)"
	@echo "make bench   speed vs dom_smoothie, wasm size, wasm memory (out/bench/, BENCHMARKS.md explains)"
	@echo "make bench-browser  Readability.js vs Quire's wasm in Chromium, per corpus page, and click-to-overlay"
	@echo "make bench-floor    bench-browser with a stand-in extension that does no work: the least a click can take"
	@echo "make bench-firefox  Quire against Firefox's Reader View in headless Firefox ESR, per corpus page (installs firefox-esr if missing)"
	@echo "make bench-cold     the first click: on a stopped worker, in a new tab, after a reload, after a load woke the worker (13 pages)"
	@echo "make firefox-check  load dist/firefox in headless Firefox ESR and check the core runs there"
	@echo "make test-firefox   install Firefox ESR if missing and run only the Firefox end-to-end tests (tests/e2e-firefox/)"
	@echo "make demo    serve the web playground (www/) on 127.0.0.1"
	@echo "make clean   remove build outputs"

setup:
	@scripts/setup.sh

# ---- tests -------------------------------------------------------------------

test: lint typecheck unit html5lib-test fuzz-check tokenizer-diff wasm-test js-test lint-ext smoke e2e e2e-firefox
	@echo "make test: all passed"

# Source only: needs no build (lint-ext lints the built Firefox package).
lint: setup
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
	cargo test --test layers
	# vendor/ is exactly the crates.io releases plus patches/ (checksum verified)
	scripts/check-vendor.sh

# Mozilla's add-on linter (web-ext lint) on the Firefox build: any finding
# fails except Firefox ignoring background.service_worker (see the script).
# Not part of `lint` (it needs dist); `make test` runs it.
lint-ext: dist
	node scripts/lint-firefox.mjs $(FF_DIST)

# The fuzz crate (its own workspace, fuzz/) still compiles, so it cannot rot.
# `cargo check` works on stable; running it needs cargo-fuzz and nightly
# (fuzz/README.md).
fuzz-check: setup
	cargo check --manifest-path fuzz/Cargo.toml

# The vendored html5ever tokenizer against upstream 0.40.1 (fuzz/src/lib.rs):
# the same tokens and parse errors on every corpus page (QUIRE_CORPUS) and
# every html5lib-tests input, whole and cut into pieces. The stable stand-in
# for the tokenizer_diff fuzz target (fuzz/README.md).
tokenizer-diff: setup
	cargo test --release --manifest-path fuzz/Cargo.toml --lib

# Loads dist/firefox in headless Firefox and checks that the background script
# starts and the wasm core extracts (needs firefox-esr: apt-get install firefox-esr).
firefox-check: dist
	@QUIRE_WITH_FIREFOX=1 scripts/setup.sh
	node scripts/firefox-check.mjs

# Type-checks the JavaScript (// @ts-check + JSDoc) against the wasm glue's .d.ts.
typecheck: setup $(WASM)
	tsc -p tsconfig.json

unit: setup
	cargo test
	# the hostile pages at full size, with their time budget asserted (release only)
	cargo test --release --test hostile
	# the vendored html5ever's own unit tests (its tokenizer carries a Quire patch)
	cargo test -p html5ever --lib

# html5lib-tests (tokenizer, tree construction) through the vendored html5ever
# and upstream 0.40.1 side by side; fails on any difference (tests/html5lib/).
html5lib-test: setup
	cargo test --release --locked --manifest-path tests/html5lib/Cargo.toml

# --no-default-features: without the `cli` feature (its HTTP client, threads,
# progress bar) and the `decode` module, which the browser has no use for;
# the CLI binary needs `cli` and is skipped.
wasm-test: setup
	wasm-pack test --headless --chrome -- --no-default-features --test wasm

js-test: dist dist-test
	$(NODE_TEST) tests/js/

# Loads the *release* wasm (optimised by wasm-opt) through initSync: a broken
# wasm-opt only shows when the module is instantiated.
smoke: setup $(WASM)
	$(NODE_TEST) tests/smoke/

e2e: dist dist-test
	$(NODE_TEST) tests/e2e/

# The end-to-end tests in headless Firefox ESR (tests/e2e-firefox/): dist/firefox
# as an add-on, real clicks on its toolbar button over Marionette. In `make
# test` they run when Firefox is installed and skip (saying so) otherwise,
# except under CI=true, where a missing Firefox fails them (.ci/run asks
# setup for it). `make test-firefox` installs firefox-esr and runs only them.
e2e-firefox: dist
	$(NODE_TEST) tests/e2e-firefox/

test-firefox: dist
	@QUIRE_WITH_FIREFOX=1 scripts/setup.sh
	$(NODE_TEST) tests/e2e-firefox/

# ---- builds ------------------------------------------------------------------

wasm: setup $(WASM)

# The release wasm must not depend on where the source, the cargo registry or
# the target directory sit (SOURCE.md: a reviewer rebuilds it elsewhere and
# compares hashes). rustc writes source paths into panic locations, so each of
# those directories is renamed to a fixed one. These flags replace any
# RUSTFLAGS from the environment: the release build takes none.
CARGO_HOME_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)
WASM_RUSTFLAGS := --remap-path-prefix=$(CARGO_HOME_DIR)=/cargo --remap-path-prefix=$(CURDIR)=/quire $(if $(CARGO_TARGET_DIR),--remap-path-prefix=$(abspath $(CARGO_TARGET_DIR))=/target)

$(WASM): $(RUST_SRC) | setup
	@case "$$(command -v wasm-opt)" in \
	  "$(CURDIR)/node_modules/.bin/wasm-opt") ;; \
	  *) echo "wasm-opt on PATH is $$(command -v wasm-opt), not npm's binaryen: run scripts/setup.sh" >&2; exit 1 ;; \
	esac
	RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack build --target web --profile wasm-release --out-dir $(PKG) -- --locked --no-default-features
	@touch $@

dist: setup $(DIST)/manifest.json $(FF_DIST)/manifest.json dist/quire-chrome.zip dist/quire-firefox.zip $(WWW_DIST)/index.html dist/SHA256SUMS
	@echo "SHA-256 (SOURCE.md: a rebuild from the same commit gives the same):"
	@cat dist/SHA256SUMS

# The hashes a reviewer compares: the wasm and each zip.
dist/SHA256SUMS: $(WASM) dist/quire-chrome.zip dist/quire-firefox.zip
	sha256sum $(WASM) dist/quire-chrome.zip dist/quire-firefox.zip > $@

# One manifest serves both browsers: Chromium runs background.service_worker
# (a module service worker), Firefox runs background.scripts (a module
# background script) and reads browser_specific_settings.gecko.
$(DIST)/manifest.json $(FF_DIST)/manifest.json: $(EXT_SRC) $(WASM) | setup
	rm -rf $(@D)
	mkdir -p $(@D)/pkg
	cp -r $(EXT_FILES) $(@D)/
	rm -rf $(@D)/extension/test-hooks
	$(GEN_EN) $(@D)/extension/ui/strings-en.js
	node scripts/build-reader.mjs $(@D)
	cp $(PKG)/quire.js $(PKG)/quire_bg.wasm $(@D)/pkg/
	@echo "built $(@D): load it unpacked (chrome://extensions → Load unpacked, or about:debugging → Load Temporary Add-on)"

# The test hooks (extension/test-hooks/*, in place of the release's empty
# background/hooks.js and content/hooks.js): the worker's `quireWorker`
# (timings, trapNext, delayNext) and the page's `quire:` timing marks.
dist-test: setup $(TEST_DIST)/manifest.json

$(TEST_DIST)/manifest.json: $(DIST)/manifest.json $(shell find extension/test-hooks -type f 2>/dev/null)
	rm -rf $(@D)
	cp -r $(DIST) $(@D)
	cp -r extension/test-hooks/. $(@D)/extension/
	# the reader's one file again, with the test hooks in it
	node scripts/build-reader.mjs $(@D)
	@echo "built $(@D) (with test hooks; never ship it)"

# Zips with the files at the top level, as the stores and about:addons want
# them; byte for byte the same from the same files (sorted entries, fixed
# dates and modes: scripts/zip-reproducible.sh).
dist/quire-%.zip: dist/%/manifest.json scripts/zip-reproducible.sh
	scripts/zip-reproducible.sh dist/$* $@

# The playground: www/ plus the overlay's scripts (used as they are, never
# copied into www/), the generated English strings and the wasm-pack glue.
dist-www: setup $(WWW_DIST)/index.html

$(WWW_DIST)/index.html: $(WWW_SRC) $(WASM) | setup
	rm -rf $(WWW_DIST)
	mkdir -p $(WWW_DIST)/pkg $(WWW_DIST)/ui $(WWW_DIST)/shared
	cp -r www/. $(WWW_DIST)/
	cp extension/ui/*.js $(WWW_DIST)/ui/
	cp extension/shared/quirks.js $(WWW_DIST)/shared/
	$(GEN_EN) $(WWW_DIST)/ui/strings-en.js
	cp $(PKG)/quire.js $(PKG)/quire_bg.wasm $(WWW_DIST)/pkg/

# ---- use ---------------------------------------------------------------------

# make run [PAGE=path/to/page.html | PAGE=http://127.0.0.1:8000/x]
run: dist
	node scripts/run.mjs $(if $(PAGE),"$(PAGE)")

# Scores readability-test-pages, clutter and web-eval, and fails (exit 5) naming each
# figure that fell below eval_baseline.json (or rose above a ceiling there). Raise the
# baseline deliberately: quire eval --write-baseline eval_baseline.json, in its own commit.
eval: setup
	cargo run --release --bin quire -- eval --corpus "$${QUIRE_CORPUS:-../shared/corpus}" --gate eval_baseline.json

# The corpus through the real extension: web-eval (QUIRE_OVERLAY_SETS=web-eval,clutter,readability
# for all) opened with toolbar clicks in headless Chromium, the overlay's text scored and set
# beside the command line's. Writes out/overlay-eval.json.
eval-overlay: dist-test
	cargo build --release --bin quire
	node scripts/overlay-eval.mjs

# Speed (native, side by side with dom_smoothie), wasm size and wasm memory.
# Writes out/bench/{native,size,memory}.json and docs/bench-scaling.svg.
bench: bench-native bench-size bench-memory
	@echo "make bench: results in out/bench/"

bench-native: setup
	cargo bench --bench extract

bench-size: setup $(WASM)
	scripts/bench-size.sh

# Uses the synthetic pages bench-native writes; runs it first when they are missing.
bench-memory: setup $(WASM)
	@[ -f out/bench/synthetic-8mb.html ] || $(MAKE) bench-native
	node bench/memory.mjs

bench-browser: dist-test
	node bench/browser.mjs

# The first click in four cases, on 13 pages of the corpus: on a stopped
# service worker (as Chromium stops an idle one after 30 s) in a new tab, on
# the running worker in a new tab, in that tab after a reload, and in a new
# tab whose load woke the stopped worker.
bench-cold: dist-test
	node bench/cold-click.mjs

# The click floor: bench-browser run with a stand-in extension (bench/floor/)
# that injects, sends the page as Quire does, answers at once without
# extracting and draws a fixed overlay. Its (c) is the least any reader whose
# service worker owns the work can take; (a) is measured in the same run.
FLOOR_EXT := out/bench/floor-extension
bench-floor: dist-test
	rm -rf $(FLOOR_EXT) && mkdir -p $(FLOOR_EXT)
	cp bench/floor/manifest.json bench/floor/worker.js bench/floor/content.js extension/content/page-html.js $(FLOOR_EXT)/
	QUIRE_BENCH_EXTENSION=$(FLOOR_EXT) QUIRE_BENCH_OUT=browser-floor.json node bench/browser.mjs

# Quire against Firefox's own Reader View, in one headless Firefox ESR run on
# the Readability pages: about:reader from the request to the article painted,
# and Quire from the toolbar click to its first frame and to the whole
# article drawn (bench/firefox.mjs). Not part of CI.
bench-firefox: dist
	@QUIRE_WITH_FIREFOX=1 scripts/setup.sh
	node bench/firefox.mjs

demo: dist-www
	node scripts/serve.mjs $(WWW_DIST)

clean:
	rm -rf build dist out test-results
	cargo clean

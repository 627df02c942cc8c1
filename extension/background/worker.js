// @ts-check
/**
 * @file The service worker. It owns the wasm core (WebAssembly in a content
 * script is governed by the page's CSP and fails silently on strict sites;
 * here it runs under the extension's own CSP, which allows
 * 'wasm-unsafe-eval').
 *
 * - Toolbar click (or Alt+Shift+R): inject the click's start with a random
 *   token (it sends the page at once) and the reader's content script into
 *   the tab; each click toggles the reader there.
 * - `content→worker:extract` from our own content script, echoing that
 *   click's token (see gate.js): run the core and answer `{ok: true, article}` or
 *   `{ok: false, error}`. The article carries no plain text or Markdown.
 * - `content→worker:markdown` from our own content script (Copy as Markdown):
 *   answer `{ok: true, markdown}` for the article HTML it sends, or
 *   `{ok: false, error}`, one at a time per tab, on a wasm instance of its own.
 * - `content→worker:tts-*` from our own content script (Read aloud): speak
 *   with `chrome.tts` and send its events back to the tab (tts.js).
 *
 * - The auto-open messages (background/auto-open.js): open the reader by
 *   itself on a site the user chose, and turn that on or off from the reader.
 *
 * - `content→worker:font` from our own content script: the bundled legible
 *   font's files, base64 (ui/fonts.js: a content script cannot read them
 *   without making them web-accessible to every page).
 *
 * Anything else gets no answer.
 *
 * This file only wires the browser's events to parts kept free of `chrome.*`,
 * which node tests drive: the click and its injection (inject.js), the gate
 * (gate.js), the answers (answer.js) and the wasm core (core.js).
 *
 * The same file is Chromium's module service worker and Firefox's module
 * background script (manifest `background.service_worker` / `.scripts`).
 *
 * Speed: the wasm is compiled, instantiated and warmed up on a small page as
 * soon as the worker starts, so a click pays only for its own page (the first
 * warm-up run waits for the click that started a stopped worker, if one comes:
 * see FIRST_WARM_UP_MS).
 *
 * Paths are relative to the dist root, where the wasm-pack glue sits in pkg/.
 * Service workers allow neither top-level await nor dynamic import(), so the
 * glue is imported statically and initialisation starts at top level.
 */
import '../shared/messages.js';
import '../shared/quirks.js';
import '../ui/fonts.js';
import '../shared/keep.js';
import '../content/page-html.js';
import { createCore } from './core.js';
import { createGate } from './gate.js';
import { createInjector } from './inject.js';
import { createAnswerer } from './answer.js';
import { createTtsRelay } from './tts.js';
import { createAutoOpen, createAutoOpenAnswerer, OPTIONS_PAGE } from './auto-open.js';
import { WARM_UP_PAGE } from './warm-up.js';
import { createWorkerHooks } from './hooks.js';
import * as glue0 from '../../pkg/quire.js';
// Spare instances of the same glue for recovery after a wasm trap (see core.js).
// The query string makes a distinct module instance; the types are glue0's.
// @ts-expect-error TypeScript cannot resolve a module specifier with a query.
import * as glue1 from '../../pkg/quire.js?instance=1';
// @ts-expect-error (as above)
import * as glue2 from '../../pkg/quire.js?instance=2';
// The instance that makes Markdown, apart from those that serve pages (core.js).
// @ts-expect-error (as above)
import * as glueMarkdown from '../../pkg/quire.js?instance=markdown';

/** @type {QuireMessages} */
const messages = /** @type {any} */ (globalThis).quireMessages;
/** @type {QuireQuirks} */
const quirks = /** @type {any} */ (globalThis).quireQuirks;
/** @type {QuireKeep} */
const keep = /** @type {any} */ (globalThis).quireKeep;
/** @type {QuirePageStart} A click's first injection (content/page-html.js). */
const pageStart = /** @type {any} */ (globalThis).quirePageStart;

/**
 * The reader's content scripts, joined into one file by the build
 * (scripts/build-reader.mjs lists them, in order). One file, so that
 * `executeScript` reads one resource, not 21.
 */
const READER_FILES = ['extension/content/reader.js'];

/**
 * Extractions of the warm-up page at start: enough calls for V8 to optimise
 * the hot functions, so the first real page does not run in baseline code
 * (BENCHMARKS.md, "Measurements behind design choices").
 */
const WARM_UP_RUNS = 20;

/**
 * How long the wasm, once up, waits for a click before its first warm-up run
 * (core.js `firstWarmUpMs`). The click that started a stopped worker comes a
 * few to some tens of ms after the wasm is up; a click ends the wait.
 */
const FIRST_WARM_UP_MS = 100;

const WASM_URL = new URL('../../pkg/quire_bg.wasm', import.meta.url);

/** Test hooks: none in a release build (see hooks.js). */
const hooks = createWorkerHooks();

const core = createCore({
  glues: hooks.glues([glue0, /** @type {typeof glue0} */ (glue1), /** @type {typeof glue0} */ (glue2)]),
  markdownGlue: /** @type {typeof glue0} */ (glueMarkdown),
  compile: () => quirks.compileWasm(WASM_URL),
  warmUp: WARM_UP_PAGE,
  warmUpRuns: WARM_UP_RUNS,
  firstWarmUpMs: FIRST_WARM_UP_MS,
});
hooks.core(core);

const gate = createGate({ extensionId: chrome.runtime.id });

/**
 * Starts a click in the tab's top frame: two injections, sent together. The
 * first is content/page-html.js `quirePageStart`, as a function with the
 * click's token in its arguments (the only way `executeScript` hands data
 * to the isolated world, where the page cannot see it): it sends the page
 * at once, so the worker extracts while the second, the reader's scripts,
 * loads and runs in the tab. The two may land in either order (see
 * page-html.js). `auto`: the reader opens by itself
 * (background/auto-open.js), quietly.
 * @param {number} tabId
 * @param {string} token
 * @param {boolean} [auto] An automatic opening, not a click.
 */
async function execute(tabId, token, auto = false) {
  const target = { tabId, frameIds: [0] };
  /** @type {ClickStart} */
  const click = { token, auto, type: messages.MSG.EXTRACT };
  const start = chrome.scripting.executeScript({ target, func: pageStart, args: [click] });
  const reader = chrome.scripting.executeScript({ target, files: READER_FILES });
  const [started] = await Promise.all([start, reader]);
  return started;
}

const injector = createInjector({
  execute: (tabId, token) => execute(tabId, token),
  isLoadRace: quirks.isLoadRace,
  retries: quirks.LOAD_RACE_RETRIES,
  retryMs: quirks.LOAD_RACE_RETRY_MS,
  gate,
  action: chrome.action,
  defaultTitle: () => chrome.runtime.getManifest().action?.default_title ?? 'Quire',
  onInjected: (tabId) => hooks.injected(tabId),
});

/** @type {Map<number, Promise<void>>} tab id → the injection under way there */
const injecting = new Map();

/**
 * Runs `fn` once the injection under way in the tab, if any, is done: a
 * click's and an automatic opening's (background/auto-open.js) each leave
 * their click in the isolated world for the reader's scripts (content.js),
 * and must not interleave.
 * @param {number} tabId
 * @param {() => Promise<void>} fn
 */
function oneAtATime(tabId, fn) {
  const run = (injecting.get(tabId) ?? Promise.resolve()).then(fn, fn);
  const done = run.catch(() => {});
  injecting.set(tabId, done);
  void done.then(() => {
    if (injecting.get(tabId) === done) injecting.delete(tabId);
  });
  return run;
}

chrome.action.onClicked.addListener((tab) => {
  const tabId = tab.id;
  if (tabId === undefined) return;
  hooks.clicked(tabId);
  core.expect();
  readOptionsAhead(tab.url);
  void oneAtATime(tabId, () => injector.click(tabId));
});

/**
 * Wakes the worker when a tab starts loading or is switched to. Chromium
 * stops an idle worker after 30 s, and a click on a stopped one waits for the
 * worker to start, the wasm to compile and the warm-up to run (most of a cold
 * click's time: BENCHMARKS.md, "Cold click"). Woken by the page load instead,
 * the worker does that while the page loads and is read, so the click that
 * follows finds the core ready. The listener does and reads nothing: without
 * the "tabs" permission the event carries no URL or title anyway.
 */
function wake() {}
chrome.tabs.onUpdated.addListener(wake);
chrome.tabs.onActivated.addListener(wake);

/**
 * What the reader's settings add to an extraction of `url`: the removed
 * blocks when "Show removed blocks" is on, and the kinds kept on its site.
 * @param {string} url
 * @returns {Promise<import('./core.js').ExtraOptions>}
 */
async function readOptions(url) {
  const area = chrome.storage?.sync;
  const origin = keep.originOf(url);
  const [stored, keepKinds] = await Promise.all([
    area?.get('quire.settings').catch(() => ({})),
    origin ? keep.load(area, origin) : Promise.resolve([]),
  ]);
  const settings = /** @type {Record<string, unknown> | undefined} */ (stored)?.['quire.settings'];
  const removedBlocks = typeof settings === 'object' && settings !== null && /** @type {{showRemoved?: unknown}} */ (settings).showRemoved === true;
  return { removedBlocks, keepKinds };
}

/** How long options read ahead for a click wait for its request. */
const AHEAD_MS = 10_000;
/** @type {Map<string, {at: number, options: Promise<import('./core.js').ExtraOptions>}>} page URL → options read on its click */
const optionsAhead = new Map();

/**
 * Reads the options for the page a click is on (`tab.url`, known thanks to
 * the click's activeTab grant), so that its request finds them read: the
 * storage reads cost a few ms, and the first in a just started worker 10 to
 * 25 ms.
 * @param {string | undefined} url
 */
function readOptionsAhead(url) {
  if (!url) return;
  optionsAhead.set(url, { at: Date.now(), options: readOptions(url) });
  if (optionsAhead.size > 8) optionsAhead.delete(/** @type {string} */ (optionsAhead.keys().next().value));
}

/**
 * The options for an extraction of `url`: those read on its click when they
 * are fresh, else read now.
 * @param {string} url
 */
function readerOptions(url) {
  const ahead = optionsAhead.get(url);
  optionsAhead.delete(url);
  return ahead && Date.now() - ahead.at < AHEAD_MS ? ahead.options : readOptions(url);
}

/** The core as the answers use it (the test build can delay an extraction). */
const answeringCore = {
  extract: hooks.extract(core.extract),
  explain: core.explain,
  markdown: core.markdown,
  exhausted: core.exhausted,
};

/** @type {QuireFonts} */
const fontsApi = /** @type {any} */ (globalThis).quireFonts;
/** @type {Promise<FontResponse> | null} */
let fontFiles = null;

/**
 * The legible font's files from the extension's own package, base64; read
 * once per worker (about 110 kB).
 * @returns {Promise<FontResponse>}
 */
function readFonts() {
  fontFiles ??= Promise.all(
    fontsApi.LEGIBLE_FACES.map(async ({ file }) => {
      const response = await fetch(chrome.runtime.getURL(file));
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { file, data: btoa(binary) };
    }),
  ).then(
    (files) => /** @type {FontResponse} */ ({ ok: true, files }),
    (error) => {
      fontFiles = null;
      return { ok: false, error: String(error) };
    },
  );
  return fontFiles;
}

const answer = createAnswerer({
  gate,
  core: answeringCore,
  messages,
  reload: () => chrome.runtime.reload(),
  options: readerOptions,
  step: hooks.step,
  fonts: readFonts,
});
/** Read aloud: `chrome.tts` speaks here and its events go back to the tab (tts.js). */
const speech = createTtsRelay({
  tts: chrome.tts,
  extensionId: chrome.runtime.id,
  sendToTab: (tabId, frameId, message) => void chrome.tabs.sendMessage(tabId, message, { frameId }).catch(() => {}),
});

const autoOpen = createAutoOpen({ scripting: chrome.scripting, permissions: chrome.permissions });
const autoAnswer = createAutoOpenAnswerer({
  autoOpen,
  messages,
  admit: gate.admitMarkdown,
  clicked: gate.clicked,
  injected: gate.injected,
  execute: (tabId, token) => execute(tabId, token, true),
  serialize: oneAtATime,
  askToEnable: (site) => {
    const url = chrome.runtime.getURL(`${OPTIONS_PAGE}?add=${encodeURIComponent(site)}`);
    // A small window of its own where there are windows (not on Firefox for Android).
    return chrome.windows?.create ? chrome.windows.create({ url, type: 'popup', width: 560, height: 640 }) : chrome.tabs.create({ url });
  },
  opening: (tabId) => {
    hooks.clicked(tabId);
    core.expect();
  },
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (speech.handles(message)) return speech.answer(message, sender, sendResponse);
  if (autoAnswer.handles(message)) return autoAnswer.listener(message, sender, sendResponse);
  return answer(message, sender, sendResponse);
});

// A site whose permission the user took back in the browser's own settings
// stops opening by itself; so does one whose permission went while the
// extension was not running.
/** @param {unknown} error */
const reconcileFailed = (error) => console.warn(`Quire: could not check the sites that open by themselves: ${String(error)}`);
chrome.permissions.onRemoved.addListener(() => void autoOpen.reconcile().catch(reconcileFailed));
void autoOpen.reconcile().catch(reconcileFailed);

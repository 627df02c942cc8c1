// @ts-check
/**
 * @file The service worker. It owns the wasm core (WebAssembly in a content
 * script is governed by the page's CSP and fails silently on strict sites;
 * here it runs under the extension's own CSP, which allows
 * 'wasm-unsafe-eval').
 *
 * - Toolbar click (or Alt+Shift+R): inject the content script into the tab;
 *   each injection toggles the reader there.
 * - `content→worker:extract` from our own content script, in reply to that
 *   click (see gate.js): run the core and answer `{ok: true, article}` or
 *   `{ok: false, error}`. The article carries no plain text or Markdown.
 * - `content→worker:markdown` from our own content script (Copy as Markdown):
 *   answer `{ok: true, markdown}` for the article HTML it sends, or
 *   `{ok: false, error}`.
 *
 * Anything else gets no answer.
 *
 * The same file is Chromium's module service worker and Firefox's module
 * background script (manifest `background.service_worker` / `.scripts`).
 *
 * Speed: the wasm is compiled, instantiated and warmed up on a small page as
 * soon as the worker starts, so a click pays only for its own page.
 *
 * Paths are relative to the dist root, where the wasm-pack glue sits in pkg/.
 * Service workers allow neither top-level await nor dynamic import(), so the
 * glue is imported statically and initialisation starts at top level.
 */
import '../shared/messages.js';
import { createCore } from './core.js';
import { createGate } from './gate.js';
import { WARM_UP_PAGE } from './warm-up.js';
import * as glue0 from '../../pkg/quire.js';
// Spare instances of the same glue for recovery after a wasm trap (see core.js).
// The query string makes a distinct module instance; the types are glue0's.
// @ts-expect-error TypeScript cannot resolve a module specifier with a query.
import * as glue1 from '../../pkg/quire.js?instance=1';
// @ts-expect-error (as above)
import * as glue2 from '../../pkg/quire.js?instance=2';

/** @type {QuireMessages} */
const messages = /** @type {any} */ (globalThis).quireMessages;

/** Content-script files, in order; all classic scripts (see shared/messages.js). */
const CONTENT_FILES = [
  'extension/shared/messages.js',
  'extension/content/page-html.js',
  // Sends the page before the UI below is evaluated (see the file).
  'extension/content/request.js',
  'extension/ui/styles.js',
  'extension/ui/settings.js',
  'extension/ui/overlay.js',
  'extension/content/content.js',
];

/** Wait before the first retry of an injection that lost the page-load race (doubled for each next one). */
const RETRY_DELAY_MS = 300;
/** Retries of an injection that lost the page-load race. */
const MAX_RETRIES = 3;

/**
 * Extractions of the warm-up page at start (about 3 ms each on this machine):
 * enough calls for V8 to optimise the hot functions, so the first real page
 * does not run in baseline code. Measured on nytimes-1 under load: first-click
 * extract 225–372 ms with one run, 150–191 ms with twenty (BENCHMARKS.md).
 */
const WARM_UP_RUNS = 20;

const WASM_URL = new URL('../../pkg/quire_bg.wasm', import.meta.url);

/**
 * Compiles the core. Streaming compilation needs the `application/wasm` type;
 * should a browser serve extension files without it, compile from the bytes.
 */
async function compileWasm() {
  try {
    return await WebAssembly.compileStreaming(fetch(WASM_URL));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return WebAssembly.compile(await (await fetch(WASM_URL)).arrayBuffer());
  }
}

const core = createCore({
  glues: [glue0, /** @type {typeof glue0} */ (glue1), /** @type {typeof glue0} */ (glue2)],
  compile: compileWasm,
  warmUp: WARM_UP_PAGE,
  warmUpRuns: WARM_UP_RUNS,
});

const gate = createGate({ extensionId: chrome.runtime.id });

/** Milliseconds from the worker's start to the core being ready (compiled, instantiated, warmed once). */
let readyMs = NaN;
core.ready().then(() => {
  readyMs = performance.now();
});

/**
 * When each step of the last clicks happened, in ms since the epoch
 * (`performance.timeOrigin + performance.now()`, comparable with the page's
 * `performance` marks): `make bench-browser` reads these through DevTools.
 * @typedef {{tabId: number, click: number, injected?: number, received?: number,
 *   extractStart?: number, extractEnd?: number, replied?: number, htmlChars?: number}} ClickTiming
 */
/** @type {ClickTiming[]} the last few clicks, newest last */
const timings = [];
const MAX_TIMINGS = 16;
const clock = () => performance.timeOrigin + performance.now();

/**
 * The newest timing record of a tab.
 * @param {number} tabId
 */
function timingOf(tabId) {
  for (let i = timings.length - 1; i >= 0; i--) if (timings[i].tabId === tabId) return timings[i];
  return undefined;
}

// For the end-to-end tests and the browser benchmark, which reach the worker
// through DevTools (nothing else can reach a worker's global scope).
/** @type {any} */ (globalThis).quireWorker = Object.freeze({
  timings,
  ready: () => core.ready(),
  readyMs: () => readyMs,
  instance: () => core.instance(),
  trapNext: () => core.trapNext(),
});

/**
 * Chromium quirk (seen in 156): a toolbar click within ~300 ms of a page load
 * can fail with "Cannot access contents of the page" although the click
 * granted activeTab; a second attempt a moment later succeeds.
 * @param {unknown} error
 */
function isLoadRace(error) {
  return error instanceof Error && /Cannot access contents of/i.test(error.message);
}

/** @param {number} tabId */
function inject(tabId) {
  return chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: CONTENT_FILES });
}

/**
 * Shows why the reader could not open on this tab (e.g. a browser page).
 * @param {number} tabId
 * @param {unknown} error
 */
async function reportInjectionFailure(tabId, error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`Quire: cannot open the reader on tab ${tabId}: ${reason}`);
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: '#b4382c' });
    await chrome.action.setBadgeText({ tabId, text: '!' });
    await chrome.action.setTitle({ tabId, title: `Quire can’t read this page: ${reason}` });
  } catch {
    // The tab is gone; nothing to tell.
  }
}

/**
 * Clears a failure mark left by {@link reportInjectionFailure}.
 * @param {number} tabId
 */
async function clearInjectionFailure(tabId) {
  try {
    await chrome.action.setBadgeText({ tabId, text: '' });
    await chrome.action.setTitle({ tabId, title: chrome.runtime.getManifest().action?.default_title ?? 'Quire' });
  } catch {
    // The tab is gone.
  }
}

/**
 * Injects the content script, retrying (after 300, 600 and 1,200 ms) while
 * the click keeps losing the page-load race; a cold worker in a new profile
 * can lose it more than once.
 * @param {number} tabId
 */
async function injectWithRetries(tabId) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inject(tabId);
    } catch (error) {
      if (!isLoadRace(error) || attempt >= MAX_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS << attempt));
      gate.clicked(tabId);
    }
  }
}

chrome.action.onClicked.addListener((tab) => {
  const tabId = tab.id;
  if (tabId === undefined) return;
  timings.push({ tabId, click: clock() });
  if (timings.length > MAX_TIMINGS) timings.shift();
  gate.clicked(tabId);
  injectWithRetries(tabId)
    .then(
      (results) => {
        const timing = timingOf(tabId);
        if (timing) timing.injected = clock();
        gate.injected(tabId, /** @type {{documentId?: string}} */ (results?.[0] ?? {}).documentId);
        return clearInjectionFailure(tabId);
      },
      (error) => reportInjectionFailure(tabId, error),
    );
});

/**
 * Wakes the worker when a tab starts loading or is switched to. Chromium
 * stops an idle worker after 30 s, and a click on a stopped one waits for the
 * worker to start, the wasm to compile and the warm-up to run (about 300 ms
 * of a 470 ms first frame, BENCHMARKS.md). Woken by the page load instead,
 * the worker does that while the page loads and is read, so the click that
 * follows finds the core ready. The listener does and reads nothing: without
 * the "tabs" permission the event carries no URL or title anyway.
 */
function wake() {}
chrome.tabs.onUpdated.addListener(wake);
chrome.tabs.onActivated.addListener(wake);

/**
 * A request's checked value, or null once it is refused: a sender the gate
 * refuses gets no answer at all, a malformed request an error answer.
 * @template T
 * @param {{ok: true} | {ok: false, error: string}} admission The gate's verdict on the sender.
 * @param {() => Checked<T>} check The message's validator (from shared/messages.js).
 * @param {(response: {ok: false, error: string}) => void} sendResponse
 * @returns {T | null}
 */
function admit(admission, check, sendResponse) {
  if (!admission.ok) {
    console.warn(`Quire: refused a message: ${admission.error}`);
    return null;
  }
  const request = check();
  if (!request.ok) {
    sendResponse({ ok: false, error: `Bad request: ${request.error}` });
    return null;
  }
  return request.value;
}

/**
 * Answers a Markdown request (Copy as Markdown in an open reader).
 * @param {unknown} message
 * @param {chrome.runtime.MessageSender} sender
 * @param {(response: MarkdownResponse) => void} sendResponse
 * @returns {boolean} whether the answer comes asynchronously
 */
function answerMarkdown(message, sender, sendResponse) {
  const request = admit(gate.admitMarkdown(sender), () => messages.checkMarkdownRequest(message), sendResponse);
  if (!request) return false;
  core.markdown(request.html).then((response) => {
    sendResponse(response);
    if (core.exhausted()) chrome.runtime.reload();
  });
  return true;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const received = clock();
  if (/** @type {{type?: unknown} | null} */ (message)?.type === messages.MSG.MARKDOWN) {
    return answerMarkdown(message, sender, sendResponse);
  }
  // Only our own content script, in a tab's top frame, answering a click.
  const request = admit(gate.admit(sender), () => messages.checkExtractRequest(message), sendResponse);
  if (!request) return false;
  const timing = timingOf(/** @type {number} */ (sender.tab?.id));
  if (timing) Object.assign(timing, { received, htmlChars: request.html.length, extractStart: clock() });
  core.extract(request.html, request.url).then((response) => {
    if (timing) timing.extractEnd = clock();
    sendResponse(response);
    if (timing) timing.replied = clock();
    // Every spare instance has trapped: restart the extension to get a clean worker.
    if (core.exhausted()) chrome.runtime.reload();
  });
  return true; // the answer comes asynchronously
});

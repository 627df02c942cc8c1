// @ts-check
/**
 * @file The service worker. It owns the wasm core (WebAssembly in a content
 * script is governed by the page's CSP and fails silently on strict sites;
 * here it runs under the extension's own CSP, which allows
 * 'wasm-unsafe-eval').
 *
 * - Toolbar click (or Alt+Shift+R): inject the content script into the tab;
 *   each injection toggles the reader there.
 * - `content→worker:extract` from our own content script: run the core and
 *   answer `{ok: true, article}` or `{ok: false, error}`.
 *
 * Paths are relative to the dist root, where the wasm-pack glue sits in pkg/.
 * Service workers allow neither top-level await nor dynamic import(), so the
 * glue is imported statically and initialisation starts at top level.
 */
import '../shared/messages.js';
import { createCore } from './core.js';
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
  'extension/ui/styles.js',
  'extension/ui/settings.js',
  'extension/ui/overlay.js',
  'extension/content/content.js',
];

/** Wait before the one retry of an injection that lost the page-load race. */
const RETRY_DELAY_MS = 300;

const core = createCore({
  glues: [glue0, /** @type {typeof glue0} */ (glue1), /** @type {typeof glue0} */ (glue2)],
  compile: () => WebAssembly.compileStreaming(fetch(new URL('../../pkg/quire_bg.wasm', import.meta.url))),
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

chrome.action.onClicked.addListener((tab) => {
  const tabId = tab.id;
  if (tabId === undefined) return;
  inject(tabId)
    .catch(async (error) => {
      if (!isLoadRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      return inject(tabId);
    })
    .then(
      () => clearInjectionFailure(tabId),
      (error) => reportInjectionFailure(tabId, error),
    );
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content script, running in a tab's top frame, may ask.
  if (sender.id !== chrome.runtime.id || !sender.tab || sender.frameId !== 0) return false;
  const request = messages.checkExtractRequest(message);
  if (!request.ok) {
    sendResponse({ ok: false, error: `Bad request: ${request.error}` });
    return false;
  }
  core.extract(request.value.html, request.value.url).then((response) => {
    sendResponse(response);
    // Every spare instance has trapped: restart the extension to get a clean worker.
    if (core.exhausted()) chrome.runtime.reload();
  });
  return true; // the answer comes asynchronously
});

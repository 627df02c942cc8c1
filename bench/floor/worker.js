// @ts-check
/**
 * @file The click floor's service worker (`make bench-floor`): what Quire's
 * worker does on a click, minus all the work. On `action.onClicked` it
 * injects one content script; on that script's message it answers at once
 * with a fixed two-line article: no wasm, no extraction.
 *
 * It keeps the same timestamps as Quire's worker (`quireWorker.timings`), so
 * bench/browser.mjs measures it unchanged; its "extract" step is empty.
 */

/** @type {{tabId: number, click: number, injected?: number, received?: number, extractStart?: number, extractEnd?: number, replied?: number, htmlChars?: number}[]} */
const timings = [];
const clock = () => performance.timeOrigin + performance.now();

/** @type {any} */ (globalThis).quireWorker = Object.freeze({
  timings,
  ready: async () => {},
  readyMs: () => 0,
});

/** The answer to every request: as small as an article gets. */
const ANSWER = Object.freeze({ title: 'Floor', text: 'Nothing was extracted: this measures the trip, not the work.' });

/** @param {number} tabId */
function inject(tabId) {
  return chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['page-html.js', 'content.js'] });
}

chrome.action.onClicked.addListener((tab) => {
  const tabId = tab.id;
  if (tabId === undefined) return;
  timings.push({ tabId, click: clock() });
  if (timings.length > 16) timings.shift();
  // One retry for a click that lost the page-load race (Quire's worker retries up to three times, extension/background/inject.js).
  inject(tabId).catch(() => new Promise((resolve) => setTimeout(resolve, 300)).then(() => inject(tabId)));
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const received = clock();
  if (sender.id !== chrome.runtime.id || typeof message?.html !== 'string') return false;
  const tabId = sender.tab?.id;
  for (let i = timings.length - 1; i >= 0; i--) {
    if (timings[i].tabId !== tabId) continue;
    Object.assign(timings[i], { received, htmlChars: message.html.length, extractStart: received, extractEnd: received });
    sendResponse(ANSWER);
    timings[i].replied = clock();
    return false;
  }
  sendResponse(ANSWER);
  return false;
});

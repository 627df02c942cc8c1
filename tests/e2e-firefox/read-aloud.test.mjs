// @ts-check
/**
 * End-to-end in Firefox: Read aloud, which has no `chrome.tts` there and
 * speaks with the page's `speechSynthesis` instead (extension/content/tts-relay.js).
 * Headless Firefox ESR on Linux offers no voice, so the player must say so
 * plainly rather than sit there silent; where it does offer one, the first
 * sentence must be highlighted. Either way Esc closes the reader as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SKIP, KEY, strictPagesInFirefox, openTab, clickToolbarButton, inPage, inReader, waitInReader, clickInReader, press, waitForOverlay, waitForOverlayGone } from './lib.mjs';

const TEST_TIMEOUT_MS = 90_000;

/** @type {import('../e2e/lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Firefox} */
let ff;

strictPagesInFirefox((s, f) => {
  server = s;
  ff = f;
});

test('Firefox: Read aloud speaks with speechSynthesis, or says plainly that there is no voice', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async (t) => {
  await openTab(ff, server.url('/article.html'));
  await clickToolbarButton(ff);
  const view = await waitForOverlay(ff);
  assert.equal(view.state, 'article');
  const voices = await inPage(ff, () => (typeof speechSynthesis === 'undefined' ? 0 : speechSynthesis.getVoices().length));
  t.diagnostic(`speechSynthesis voices in this Firefox: ${voices}`);
  await clickInReader(ff, '.read-aloud-toggle');
  if (voices === 0) {
    const status = await waitInReader(ff, (root) => root?.querySelector('.read-status')?.textContent ?? '');
    assert.match(status, /^No voice is installed, so the article cannot be read aloud\./);
    assert.equal(await inReader(ff, (root) => /** @type {HTMLButtonElement} */ (root?.querySelector('.read-aloud .play')).disabled), true);
  } else {
    const first = await waitInReader(ff, (root) => root?.querySelector('mark.reading')?.textContent ?? '');
    assert.equal(first, 'Allotment society wins its fight to keep the old orchard');
  }
  await press(ff, KEY.Escape);
  await waitForOverlayGone(ff);
});

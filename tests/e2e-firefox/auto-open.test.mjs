// @ts-check
/**
 * "Always open on this site" in headless Firefox ESR (issue 21, item 1;
 * background/auto-open.js): optional host permissions and registered content
 * scripts as Firefox has them.
 *
 * The grant: Firefox asks for an optional permission in a prompt of its own;
 * the profile's `extensions.webextOptionalPermissionPrompts` set to false
 * (set here in the chrome context) makes it accept such requests without
 * one, so the options page's Allow (a real, trusted click over Marionette,
 * which `permissions.request` needs) grants the site at once. The reader's
 * own box, which opens that page in a small window, is tested in Chromium
 * (tests/e2e/auto-open.test.mjs); here the page is opened with `?add=` as that
 * window does.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve } from '../e2e/lib.mjs';
import {
  ROOT,
  SKIP,
  KEY,
  ADDON_ID,
  launchFirefox,
  openTab,
  closeTab,
  inChrome,
  inPage,
  clickToolbarButton,
  press,
  waitFor,
  waitForOverlay,
  waitForOverlayGone,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const TEST_TIMEOUT_MS = 90_000;
const SITE = 'http://127.0.0.1';
/** How long a load is given to open the reader by itself before "nothing opened" is believed. */
const QUIET_MS = 2_500;

/** @type {import('../e2e/lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Firefox} */
let ff;
/** The options page's address (moz-extension://UUID/...). */
let optionsUrl = '';

before(async () => {
  if (SKIP) return;
  server = await serve({ root: FIXTURES });
  ff = await launchFirefox();
  optionsUrl = await inChrome(ff.m, async () => {
    const { value } = await ff.m.send('WebDriver:ExecuteScript', {
      script: `Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', false);
        return WebExtensionPolicy.getByID(arguments[0]).getURL('extension/options/options.html');`,
      args: [ADDON_ID],
    });
    return value;
  });
});

after(async () => {
  await ff?.close();
  await server?.close();
});

/** Whether the reader's host is on the selected tab's page. */
function hostPresent() {
  return inPage(ff, () => Boolean(document.getElementById('quire-reader')));
}

/**
 * Clicks the element `selector` finds in the selected tab's document (a trusted click).
 * @param {string} selector
 */
async function click(selector) {
  const found = await ff.m.send('WebDriver:FindElement', { using: 'css selector', value: selector });
  await ff.m.send('WebDriver:ElementClick', { id: Object.values(found.value)[0] });
}

/** The sites the options page lists. */
function listed() {
  return inPage(ff, () => Array.from(document.querySelectorAll('#sites li'), (li) => /** @type {HTMLElement} */ (li).dataset.site));
}

test('Firefox: Allow on the options page turns the site on; a load then opens the reader by itself', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  // Nothing opens before.
  await openTab(ff, server.url('/article.html'), QUIET_MS);
  assert.equal(await hostPresent(), false);
  await closeTab(ff);

  await openTab(ff, `${optionsUrl}?add=${encodeURIComponent(SITE)}`, 300);
  await waitFor(() => inPage(ff, () => !document.getElementById('add')?.hidden), Boolean, 10_000, 'the question');
  await click('#allow');
  await waitFor(
    () => inPage(ff, () => document.getElementById('status')?.textContent ?? ''),
    (text) => text.includes('now opens by itself'),
    10_000,
    'the site turned on',
  );
  assert.deepEqual(await listed(), [SITE]);
  await closeTab(ff);

  await openTab(ff, server.url('/article.html'), 0);
  const view = await waitForOverlay(ff);
  assert.equal(view.state, 'article');
  await press(ff, KEY.Escape);
  await waitForOverlayGone(ff);
  // The toolbar button still opens and closes it as usual.
  await clickToolbarButton(ff);
  assert.equal((await waitForOverlay(ff)).state, 'article');
  await clickToolbarButton(ff);
  await waitForOverlayGone(ff);
  await closeTab(ff);
});

test('Firefox: a page on that site that is not an article opens nothing', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/listing.html'), QUIET_MS);
  assert.equal(await hostPresent(), false);
  await clickToolbarButton(ff);
  assert.equal((await waitForOverlay(ff)).state, 'not-article', 'a click still shows the notice');
  await closeTab(ff);
});

test('Firefox: Remove on the options page takes the site back; nothing opens after', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, optionsUrl, 300);
  await waitFor(listed, (sites) => sites.length === 1, 10_000, 'the site listed');
  await click('#sites li button');
  await waitFor(listed, (sites) => sites.length === 0, 10_000, 'the site removed');
  const granted = await inPage(ff, async () => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    return {
      origins: (await api.permissions.getAll()).origins,
      scripts: (await api.scripting.getRegisteredContentScripts()).map((/** @type {{id: string}} */ s) => s.id),
    };
  });
  assert.deepEqual(granted, { origins: [], scripts: [] }, 'unregistered and the permission given back');
  await closeTab(ff);

  await openTab(ff, server.url('/article.html'), QUIET_MS);
  assert.equal(await hostPresent(), false);
  await closeTab(ff);
});

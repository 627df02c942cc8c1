// @ts-check
/**
 * "Always open on this site" (issue 21, item 1; background/auto-open.js), in
 * Chromium with the test build, with real clicks: the toolbar button, the
 * reader's settings panel, the options page's Allow and Remove.
 *
 * The permission grant in the test profile: `permissions.request` shows the
 * browser's own prompt, which no DevTools command answers. Chromium skips
 * the prompt when the user has already granted the extension that host, so
 * the test grants it first as a user would in the browser's own settings:
 * chrome://extensions, Site access, "On specific sites", which that page
 * does with `chrome.developerPrivate.addHostPermission`. The options page's
 * Allow (a real click) then calls `permissions.request`, which resolves true
 * at once. Taking it back the same way (`removeHostPermission`, the user
 * removing the site in the browser's settings) must unregister the site too
 * (`permissions.onRemoved`).
 *
 * Writes docs/screenshots/auto-open.png (the options page listing the site).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  serve,
  launchWithExtension,
  clickAction,
  clickInReader,
  waitForOverlay,
  waitForOverlayGone,
  waitInReader,
  inReader,
  hostPresent,
  readerState,
  extensionWorkers,
  auditReader,
} from './lib.mjs';

/** @typedef {import('playwright-core').Page} Page */

const TEST_TIMEOUT_MS = 120_000;
const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'auto-open.png');

/** The site the server is on (the port is no part of a site: background/auto-open.js). */
const SITE = 'http://127.0.0.1';
const PATTERN = `${SITE}/*`;

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  server = await serve({ root: FIXTURES });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Evaluates `expression` in the extension's newest service worker.
 * @param {string} expression
 */
function inWorker(expression) {
  const worker = extensionWorkers(browser).at(-1) ?? browser.worker;
  return worker.evaluate(expression);
}

/** The sites with a registered auto-open script, and the origins the extension holds. */
async function grants() {
  return /** @type {Promise<{scripts: string[], origins: string[]}>} */ (
    inWorker(`(async () => ({
      scripts: (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id + ' ' + s.matches.join(',')),
      origins: (await chrome.permissions.getAll()).origins ?? [],
    }))()`)
  );
}

/**
 * Grants or takes back the extension's access to the site as the user does in
 * chrome://extensions (Site access), through that page's own API.
 * @param {'add' | 'remove'} what
 */
async function browserSiteAccess(what) {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    const result = await page.evaluate(
      async ({ id, host, what }) => {
        const api = /** @type {any} */ (globalThis).chrome.developerPrivate;
        try {
          await (what === 'add' ? api.addHostPermission(id, host) : api.removeHostPermission(id, host));
          return 'ok';
        } catch (error) {
          return String(error);
        }
      },
      { id: browser.extensionId, host: PATTERN, what },
    );
    assert.equal(result, 'ok', `chrome://extensions ${what}HostPermission`);
  } finally {
    await page.close();
  }
}

/**
 * Loads `path` (or reloads the page) and waits until the worker has answered
 * the automatic opening that the load set off, if any: the test build's
 * timings record each opening (background/auto-open.js `opening`) and its
 * reply. Resolves to whether one was answered within `timeout`.
 * @param {Page} page
 * @param {() => Promise<unknown>} load
 * @param {number} [timeout]
 */
async function loadAndAwaitAutoOpen(page, load, timeout = 4_000) {
  const since = Date.now();
  await load();
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const replied = await inWorker(
      `globalThis.quireWorker.timings.some((t) => t.click >= ${since} && typeof t.replied === 'number')`,
    ).catch(() => false);
    if (replied) {
      // The content script gets the answer and shows or drops the reader within a frame or two.
      await page.waitForTimeout(300);
      return true;
    }
    await page.waitForTimeout(100);
  }
  return false;
}

/** @param {Page} page */
async function openPanel(page) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await clickInReader(page, '.aa');
}

/**
 * The reader's "Always open on this site" box: whether it is there, enabled and ticked, and its accessible name.
 * @param {Page} page
 */
function autoBox(page) {
  return inReader(page, (root) => {
    const box = /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector('input[name="autoOpen"]'));
    return box ? { disabled: box.disabled, checked: box.checked, name: box.closest('label')?.textContent?.trim() ?? '' } : null;
  });
}

/**
 * Runs axe-core over the page's document (the options page) or over the
 * reader in its closed shadow root (lib.mjs auditReader); returns every
 * violation, of any impact.
 * @param {Page} page
 * @param {boolean} reader
 */
async function axeSerious(page, reader) {
  const { violations, contrastChecked } = await auditReader(page, reader);
  assert.ok(contrastChecked >= 3, `axe checked the contrast of only ${contrastChecked} elements`);
  return violations.map((v) => `${v.id} (${v.nodes}): ${v.help}`);
}

/**
 * Stores the reader's theme (the options page follows it).
 * @param {string} theme
 */
async function storeTheme(theme) {
  await inWorker(`(async () => {
    const key = 'quire.settings';
    const stored = (await chrome.storage.sync.get(key))[key] ?? {};
    await chrome.storage.sync.set({ [key]: { schema: 1, font: 'serif', fontSize: 19, width: 'medium', lineHeight: 'normal', ...stored, theme: ${JSON.stringify(theme)} } });
  })()`);
}

/** @type {Page} */
let article;

test('nothing opens by itself before the user asks, and nothing is granted at install', { timeout: TEST_TIMEOUT_MS }, async () => {
  assert.deepEqual(await grants(), { scripts: [], origins: [] });
  article = await browser.context.newPage();
  await article.goto(server.url('/article.html'), { waitUntil: 'load' });
  await article.waitForTimeout(1_000);
  assert.equal(await hostPresent(article), false);
});

test('"Always open on this site" in the reader asks in an extension window; Allow turns the site on', { timeout: TEST_TIMEOUT_MS }, async () => {
  await article.waitForTimeout(500); // past Chromium's page-load race (see overlay.test.mjs openPage)
  await clickAction(browser, article);
  assert.equal((await waitForOverlay(article)).state, 'article');
  await openPanel(article);
  await waitInReader(article, (root) => {
    const box = /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector('input[name="autoOpen"]'));
    return box && !box.disabled;
  });
  assert.deepEqual(await autoBox(article), { disabled: false, checked: false, name: 'Always open on this site' });

  // The panel with the new row passes axe in every theme.
  for (const theme of ['light', 'sepia', 'dark']) {
    await inReader(article, (root, want) => {
      const select = /** @type {HTMLSelectElement} */ (root?.querySelector('select[name="theme"]'));
      select.value = want; // shown only: a synthetic change is not saved
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
      dialog.dataset.scheme = want;
      dialog.dataset.theme = want;
    }, theme);
    assert.deepEqual(await axeSerious(article, true), [], `reader panel, ${theme}`);
  }

  // A real click on the box opens the options page in a small window of its own.
  const asking = browser.context.waitForEvent('page', { timeout: 10_000 });
  await clickInReader(article, 'input[name="autoOpen"]');
  const ask = await asking;
  await ask.waitForLoadState('load');
  assert.equal(ask.url(), `chrome-extension://${browser.extensionId}/extension/options/options.html?add=${encodeURIComponent(SITE)}`);
  await ask.waitForSelector('#add:not([hidden])');
  assert.equal((await ask.textContent('#add-heading'))?.trim(), `Always open Quire on ${SITE}?`);
  assert.equal(await autoBox(article).then((b) => b?.checked), false, 'the box stays clear until the site is on');
  assert.match(await inReader(article, (root) => root?.querySelector('.panel .hint')?.textContent ?? ''), /window that opened/);
  assert.deepEqual(await grants(), { scripts: [], origins: [] }, 'asking grants nothing');

  // The user grants the site (see the file comment), then clicks Allow.
  await browserSiteAccess('add');
  await ask.click('#allow');
  await ask.waitForFunction(() => document.getElementById('status')?.textContent?.includes('now opens by itself'));
  assert.deepEqual(await ask.$$eval('#sites li', (items) => items.map((li) => li.textContent)), [`${SITE}Remove`]);
  const after = await grants();
  assert.deepEqual(after.scripts, [`quire-auto ${SITE} ${PATTERN}`]);
  assert.ok(after.origins.includes(PATTERN), JSON.stringify(after.origins));
  await ask.close();

  // Back in the tab, the box reads the state again when the window gets the focus.
  await article.bringToFront();
  await article.evaluate(() => window.dispatchEvent(new FocusEvent('focus'))); // untrusted: ignored
  await article.waitForTimeout(300);
  assert.equal((await autoBox(article))?.checked, false, 'an untrusted focus event does not refresh');
  // Each time the panel shows the box, it reads the state again.
  await clickInReader(article, '.aa'); // close the panel
  await openPanel(article);
  await waitInReader(article, (root) => /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector('input[name="autoOpen"]'))?.checked);
  assert.equal(await inReader(article, (root) => /** @type {HTMLElement} */ (root?.querySelector('.panel .hint')).hidden), true, 'the hint goes');
  await article.keyboard.press('Escape');
  await waitForOverlayGone(article);
});

test('on that site the reader then opens by itself after a load; Esc and a second click close it as usual', { timeout: TEST_TIMEOUT_MS }, async () => {
  assert.equal(await loadAndAwaitAutoOpen(article, () => article.reload({ waitUntil: 'load' })), true, 'the load opened the reader');
  const view = await waitForOverlay(article);
  assert.equal(view.state, 'article');
  assert.ok(view.focusInside, 'focus moves into the reader');
  await article.keyboard.press('Escape');
  await waitForOverlayGone(article);

  assert.equal(await loadAndAwaitAutoOpen(article, () => article.reload({ waitUntil: 'load' })), true);
  assert.equal((await waitForOverlay(article)).state, 'article');
  await openPanel(article);
  await waitInReader(article, (root) => /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector('input[name="autoOpen"]'))?.checked);
  await clickAction(browser, article); // the second click closes it
  await waitForOverlayGone(article);
  await clickAction(browser, article); // and the next opens it again
  assert.equal((await waitForOverlay(article)).state, 'article');
  await article.keyboard.press('Escape');
  await waitForOverlayGone(article);

  // A click while an automatic opening is still on its way (its answer held
  // back by the test build) shows the reader instead of closing it unseen.
  await inWorker('globalThis.quireWorker.delayNext(2500)');
  const since = Date.now();
  await article.reload({ waitUntil: 'load' });
  const started = async () => inWorker(`globalThis.quireWorker.timings.some((t) => t.click >= ${since})`);
  for (let i = 0; i < 50 && !(await started()); i++) await article.waitForTimeout(100);
  assert.equal(await started(), true, 'the load started an automatic opening');
  assert.equal(await hostPresent(article), false, 'nothing shows while it waits');
  await clickAction(browser, article);
  assert.equal((await waitForOverlay(article)).state, 'article');
  await article.waitForTimeout(500);
  assert.equal(await readerState(article), 'article', 'still open');
  await article.keyboard.press('Escape');
  await waitForOverlayGone(article);
});

test('a page on that site that is not an article: nothing opens, no notice', { timeout: TEST_TIMEOUT_MS }, async () => {
  const listing = await browser.context.newPage();
  try {
    assert.equal(await loadAndAwaitAutoOpen(listing, () => listing.goto(server.url('/listing.html'), { waitUntil: 'load' })), true, 'the worker answered');
    await listing.waitForTimeout(500);
    assert.equal(await hostPresent(listing), false, 'no reader, no notice');
    assert.equal(await listing.evaluate(() => getComputedStyle(document.documentElement).overflow), 'visible', 'the page is not locked');
    // A click still shows the notice, as on any page.
    await listing.waitForTimeout(300);
    await clickAction(browser, listing);
    assert.equal((await waitForOverlay(listing)).state, 'not-article');
  } finally {
    await listing.close();
  }
});

test('the options page lists the site, in every theme, axe-clean; Remove takes it back and nothing opens', { timeout: TEST_TIMEOUT_MS }, async () => {
  const options = await browser.context.newPage();
  try {
    const url = `chrome-extension://${browser.extensionId}/extension/options/options.html`;
    for (const theme of ['light', 'sepia', 'dark']) {
      await storeTheme(theme);
      await options.goto(url, { waitUntil: 'load' });
      await options.waitForSelector('#sites li');
      assert.equal(await options.evaluate(() => document.documentElement.dataset.theme), theme);
      assert.deepEqual(await axeSerious(options, false), [], `options page, ${theme}`);
    }
    await storeTheme('light');
    await options.goto(url, { waitUntil: 'load' });
    await options.waitForSelector('#sites li');
    await options.setViewportSize({ width: 720, height: 420 });
    await mkdir(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    await options.screenshot({ path: SCREENSHOT });

    // Keyboard: Tab reaches the Remove button, whose accessible name names the site.
    await options.keyboard.press('Tab');
    const focused = await options.evaluate(() => ({ tag: document.activeElement?.tagName, name: document.activeElement?.getAttribute('aria-label') }));
    assert.deepEqual(focused, { tag: 'BUTTON', name: `Remove ${SITE}` });
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.querySelectorAll('#sites li').length === 0);
    assert.equal(await options.isVisible('#no-sites'), true);
    assert.match((await options.textContent('#status')) ?? '', /removed/);
    assert.equal(await options.evaluate(() => document.activeElement?.id), 'sites-heading', 'focus goes to the heading');
    assert.deepEqual(await grants(), { scripts: [], origins: [] }, 'unregistered and the permission given back');
  } finally {
    await options.close();
  }
  assert.equal(await loadAndAwaitAutoOpen(article, () => article.reload({ waitUntil: 'load' }), 2_000), false, 'no automatic opening');
  assert.equal(await hostPresent(article), false);
});

test('unticking the box in the reader turns the site off; so does removing the site in the browser settings', { timeout: TEST_TIMEOUT_MS }, async () => {
  // On again, through the same window.
  await browserSiteAccess('add');
  await clickAction(browser, article);
  assert.equal((await waitForOverlay(article)).state, 'article');
  await openPanel(article);
  const asking = browser.context.waitForEvent('page', { timeout: 10_000 });
  await clickInReader(article, 'input[name="autoOpen"]');
  const ask = await asking;
  await ask.waitForSelector('#add:not([hidden])');
  await ask.click('#allow');
  await ask.waitForFunction(() => document.getElementById('status')?.textContent?.includes('now opens by itself'));
  await ask.close();
  assert.equal((await grants()).scripts.length, 1);

  // Off from the reader: no prompt, at once.
  await inReader(article, () => window.dispatchEvent(new FocusEvent('focus'))); // (untrusted: a no-op)
  await article.keyboard.press('Escape');
  await waitForOverlayGone(article);
  assert.equal(await loadAndAwaitAutoOpen(article, () => article.reload({ waitUntil: 'load' })), true);
  assert.equal((await waitForOverlay(article)).state, 'article');
  await openPanel(article);
  await waitInReader(article, (root) => /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector('input[name="autoOpen"]'))?.checked);
  await clickInReader(article, 'input[name="autoOpen"]');
  await waitInReader(article, (root) => /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector('input[name="autoOpen"]'))?.checked === false);
  assert.deepEqual(await grants(), { scripts: [], origins: [] });
  await article.keyboard.press('Escape');
  await waitForOverlayGone(article);

  // On once more, then the user removes the site in chrome://extensions: the registration goes too.
  await browserSiteAccess('add');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/extension/options/options.html?add=${encodeURIComponent(SITE)}`);
  await options.click('#allow');
  await options.waitForFunction(() => document.getElementById('status')?.textContent?.includes('now opens by itself'));
  await options.close();
  assert.equal((await grants()).scripts.length, 1);
  await browserSiteAccess('remove');
  const deadline = Date.now() + 5_000;
  while ((await grants()).scripts.length > 0 && Date.now() < deadline) await article.waitForTimeout(100);
  assert.deepEqual(await grants(), { scripts: [], origins: [] }, 'permissions.onRemoved unregistered the site');
  assert.equal(await loadAndAwaitAutoOpen(article, () => article.reload({ waitUntil: 'load' }), 2_000), false);
  assert.equal(await hostPresent(article), false);
});

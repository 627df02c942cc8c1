// @ts-check
/**
 * End-to-end: the built extension (dist/chrome, from `make dist`) in headless
 * Chromium, on pages served from 127.0.0.1, driven by real toolbar clicks.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchWithExtension,
  clickAction,
  waitForOverlay,
  waitForOverlayGone,
  readOverlay,
  serviceWorkerTargets,
  stopServiceWorkers,
  extensionWorkers,
  waitForPageLock,
  inReader,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
/** A hung browser fails its test instead of holding CI until its deadline. */
const TEST_TIMEOUT_MS = 60_000;
const ARTIFACTS = join(ROOT, 'out', 'e2e');

const TITLE = 'Allotment society wins its fight to keep the old orchard';
const ARTICLE_PARAGRAPHS = [
  'Gardeners on Mill Lane will keep the orchard that has stood behind their allotments for seventy years',
  'The council’s property committee voted unanimously on Thursday to withdraw the site',
  'The orchard holds forty-one trees, several of them local apple varieties',
  '“We never doubted the trees were worth more than twelve parking spaces',
  'The council said it would look for other ways to ease parking near the station',
];
const CLUTTER = ['indicates required', 'Subscribe', 'Herald Weekly', 'Planning notices', 'Bus route 7', 'All rights reserved'];

/** @type {import('./lib.mjs').Served} */
let strict;
/** @type {import('./lib.mjs').Served} */
let open;
/** @type {import('./lib.mjs').Served} */
let trustedTypes;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  // The article page is served with a strict news-site CSP: no inline script,
  // no 'wasm-unsafe-eval'. The core must still run (in the service worker).
  strict = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  open = await serve({ root: FIXTURES });
  trustedTypes = await serve({
    root: FIXTURES,
    documentHeaders: { 'content-security-policy': `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'` },
  });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await strict?.close();
  await open?.close();
  await trustedTypes?.close();
});

/**
 * Opens a fixture in a new tab, waits for its images, and returns the page.
 * @param {import('./lib.mjs').Served} server
 * @param {string} path
 */
async function openPage(server, path) {
  const page = await browser.context.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  return page;
}

/** @param {import('playwright-core').Page} page */
function pageState(page) {
  return page.evaluate(() => ({ html: document.documentElement.outerHTML, x: window.scrollX, y: window.scrollY }));
}

test('a toolbar click shows the article in the overlay, without the page clutter', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(strict, '/article.html');
  try {
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).fixturePageScriptRan), true, 'fixture script ran');
    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    await page.screenshot({ path: join(ARTIFACTS, 'reader.png') });

    assert.equal(view.state, 'article', `overlay shows an error: ${view.text}`);
    assert.equal(view.title, TITLE);
    assert.match(view.byline, /Idris Penhallow/);
    assert.match(view.dateTime ?? '', /^2026-10-0[12]/);
    for (const paragraph of ARTICLE_PARAGRAPHS) {
      assert.ok(view.paragraphs.some((p) => p.startsWith(paragraph)), `missing paragraph: ${paragraph}`);
    }
    for (const clutter of CLUTTER) {
      assert.ok(!view.text.includes(clutter), `overlay shows page clutter: ${clutter}`);
    }

    // Accessible dialog, labelled by the headline, with focus inside.
    assert.equal(view.role, 'dialog');
    assert.equal(view.ariaModal, 'true');
    assert.equal(view.labelText, TITLE);
    assert.equal(view.focusInside, true, 'focus moved into the overlay');

    // The page's `div, p, h1 { color: red !important; font-family: monospace !important }`
    // must not reach into the shadow root.
    await waitForPageLock(page);
    const style = await inReader(page, (root) => {
      const h1 = root?.querySelector('h1');
      const p = root?.querySelector('.content p');
      if (!h1 || !p) return null;
      return { h1Color: getComputedStyle(h1).color, pFont: getComputedStyle(p).fontFamily, overflow: getComputedStyle(document.documentElement).overflow };
    });
    assert.ok(style, 'overlay has a headline and a paragraph');
    assert.notEqual(style.h1Color, 'rgb(255, 0, 0)', 'page CSS leaked into the overlay');
    assert.doesNotMatch(style.pFont, /monospace/, 'page CSS leaked into the overlay');
    assert.equal(style.overflow, 'hidden', 'page scroll is locked while the reader is open');
  } finally {
    await page.close();
  }
});

test('a second toolbar click closes the reader and restores the page exactly', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(strict, '/article.html');
  try {
    await page.evaluate(() => window.scrollTo(0, 600));
    const before = await pageState(page);
    assert.equal(before.y, 600, 'fixture page is long enough to scroll');

    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article');
    assert.notEqual((await pageState(page)).html, before.html, 'overlay is on the page');

    await clickAction(browser, page);
    await waitForOverlayGone(page);
    const afterClose = await pageState(page);
    assert.equal(afterClose.html, before.html, 'page serialisation is back as it was');
    assert.deepEqual([afterClose.x, afterClose.y], [before.x, before.y], 'scroll position is back');
    assert.equal((await readOverlay(page)).present, false);
  } finally {
    await page.close();
  }
});

test('Esc closes the reader and restores the page exactly', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(strict, '/article.html');
  try {
    await page.evaluate(() => window.scrollTo(0, 450));
    // Focus a page link (without scrolling), so we can see focus come back to it.
    await page.evaluate(() => document.querySelector('a')?.focus({ preventScroll: true }));
    const before = await pageState(page);

    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article');
    assert.equal(view.focusInside, true, 'focus moved into the overlay');
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    const afterClose = await pageState(page);
    assert.equal(afterClose.html, before.html, 'page serialisation is back as it was');
    assert.deepEqual([afterClose.x, afterClose.y], [before.x, before.y], 'scroll position is back');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'News', 'focus is back on the page link');

    // And the reader opens again afterwards.
    await clickAction(browser, page);
    assert.equal((await waitForOverlay(page)).state, 'article');
  } finally {
    await page.close();
  }
});

test('nothing from the page runs inside the overlay', { timeout: TEST_TIMEOUT_MS }, async () => {
  // No CSP here, so the page's own inline handler and script do run, once each.
  const page = await openPage(open, '/handlers.html');
  try {
    const counts = () => page.evaluate(() => [/** @type {any} */ (window).handlerRuns, /** @type {any} */ (window).inlineScriptRuns]);
    await page.waitForFunction(() => /** @type {any} */ (window).handlerRuns === 1);
    assert.deepEqual(await counts(), [1, 1], 'the page itself ran its handler and script once');

    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article');
    assert.ok(view.paragraphs.some((p) => p.startsWith('Fares on the island ferry will stay')));
    // Give a copied <img onerror> time to fail its load and fire.
    await page.waitForTimeout(500);
    assert.deepEqual(await counts(), [1, 1], 'a handler or script ran again from the overlay');
    const executable = await inReader(page, (root) => {
      if (!root) return null;
      return Array.from(root.querySelectorAll('*')).filter(
        (el) => el.localName === 'script' || Array.from(el.attributes).some((a) => a.name.startsWith('on')),
      ).length;
    });
    assert.equal(executable, 0, 'overlay holds no script element or event-handler attribute');
  } finally {
    await page.close();
  }
});

test('a page with nothing to read shows a clear error with a way back', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(strict, '/empty.html');
  try {
    const before = await pageState(page);
    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'error');
    assert.match(view.text, /found no article text on this page/);
    assert.equal(view.labelText, 'Quire couldn’t read this page');
    assert.equal(await inReader(page, (root) => root?.activeElement?.textContent), 'Back to the page');

    await page.keyboard.press('Enter'); // activates the focused "Back to the page" button
    await waitForOverlayGone(page);
    assert.equal((await pageState(page)).html, before.html, 'page serialisation is back as it was');
  } finally {
    await page.close();
  }
});

test('an error from the core is shown with its reason', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(strict, '/deep.html');
  try {
    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'error');
    assert.match(view.text, /nests elements too deeply/);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
  } finally {
    await page.close();
  }
});

test('a click right after navigation still opens the reader', { timeout: TEST_TIMEOUT_MS }, async () => {
  // Chromium can refuse an injection within ~300 ms of a load; the worker retries up to three times (tests/js/inject.test.mjs).
  const page = await browser.context.newPage();
  try {
    await page.goto(strict.url('/article.html'), { waitUntil: 'commit' });
    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article');
    assert.equal(view.title, TITLE);
  } finally {
    await page.close();
  }
});

test('a page load wakes a stopped service worker, which readies the core before the click', { timeout: TEST_TIMEOUT_MS }, async () => {
  // A browser of its own: stopping the worker would leave the shared one's handle stale.
  const launched = await launchWithExtension();
  try {
    // Once the new browser has settled (its first worker has readied the
    // core), stop the worker as Chromium stops an idle one after 30 s.
    await launched.worker.evaluate(() => /** @type {any} */ (globalThis).quireWorker.ready());
    await stopServiceWorkers(launched);
    assert.deepEqual(await serviceWorkerTargets(launched), [], 'the service worker stopped');
    const page = await launched.context.newPage();
    await page.goto(strict.url('/article.html'), { waitUntil: 'load' });
    let targets = await serviceWorkerTargets(launched);
    for (let attempt = 0; attempt < 50 && targets.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      targets = await serviceWorkerTargets(launched);
    }
    assert.equal(targets.length, 1, 'the load started the service worker, with no click');
    const workers = extensionWorkers(launched);
    const worker = workers[workers.length - 1];
    const readyMs = await worker.evaluate(async () => {
      const w = /** @type {any} */ (globalThis).quireWorker;
      await w.ready();
      return w.readyMs();
    });
    assert.ok(Number.isFinite(readyMs) && readyMs > 0, `the woken worker readied its core (${readyMs} ms)`);
    assert.equal(await worker.evaluate(() => /** @type {any} */ (globalThis).quireWorker.timings.length), 0, 'before any click');
    await clickAction(launched, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article');
    assert.equal(view.title, TITLE);
  } finally {
    await launched.close();
  }
});

test('the reader works on a page that enforces Trusted Types', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(trustedTypes, '/article.html');
  try {
    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article', view.text);
    assert.equal(view.title, TITLE);
    assert.equal(view.paragraphs.length, ARTICLE_PARAGRAPHS.length);
  } finally {
    await page.close();
  }
});

test('on a page extensions may not touch, the button says why instead of failing silently', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://version/');
    await clickAction(browser, page);
    // Without the "tabs" permission the worker cannot find a tab by URL, so
    // read the badge of every open tab; only this one should carry the mark.
    const marks = () =>
      browser.worker.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        const all = await Promise.all(
          tabs.map(async (tab) => ({ text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) })),
        );
        return all.filter((mark) => mark.text !== '');
      });
    let found = await marks();
    for (let i = 0; i < 30 && found.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = await marks();
    }
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].text, '!');
    assert.match(found[0].title, /can’t read this page: Cannot access a chrome:\/\/ URL/);
  } finally {
    await page.close();
  }
});

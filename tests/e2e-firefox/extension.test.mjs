// @ts-check
/**
 * End-to-end in Firefox: the built extension (dist/firefox, from `make dist`)
 * in headless Firefox ESR, on pages served from 127.0.0.1, driven by real
 * clicks on Quire's toolbar button (lib.mjs says how). The Firefox side of
 * tests/e2e/extension.test.mjs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { STRICT_CSP, serve } from '../e2e/lib.mjs';
import {
  ROOT,
  SKIP,
  KEY,
  BUTTON_SELECTOR,
  launchFirefox,
  openTab,
  closeTab,
  clickToolbarButton,
  inChrome,
  inPage,
  inReader,
  press,
  readOverlay,
  waitFor,
  waitForOverlay,
  waitForOverlayGone,
  waitForPageLock,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
/** A hung browser fails its test instead of holding CI until its deadline. */
const TEST_TIMEOUT_MS = 60_000;

const TITLE = 'Allotment society wins its fight to keep the old orchard';
const ARTICLE_PARAGRAPHS = [
  'Gardeners on Mill Lane will keep the orchard that has stood behind their allotments for seventy years',
  'The council’s property committee voted unanimously on Thursday to withdraw the site',
  'The orchard holds forty-one trees, several of them local apple varieties',
  '“We never doubted the trees were worth more than twelve parking spaces',
  'The council said it would look for other ways to ease parking near the station',
];
const CLUTTER = ['indicates required', 'Subscribe', 'Herald Weekly', 'Planning notices', 'Bus route 7', 'All rights reserved'];

/** @type {import('../e2e/lib.mjs').Served} */
let strict;
/** @type {import('../e2e/lib.mjs').Served} */
let open;
/** @type {import('../e2e/lib.mjs').Served} */
let trustedTypes;
/** @type {import('./lib.mjs').Firefox} */
let ff;

before(async () => {
  if (SKIP) return;
  // The article page is served with a strict news-site CSP: no inline script,
  // no 'wasm-unsafe-eval'. The core must still run (in the background script).
  strict = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  open = await serve({ root: FIXTURES });
  trustedTypes = await serve({
    root: FIXTURES,
    documentHeaders: { 'content-security-policy': `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'` },
  });
  ff = await launchFirefox();
});

after(async () => {
  await ff?.close();
  await strict?.close();
  await open?.close();
  await trustedTypes?.close();
});

/** The page's serialisation and scroll position, as the page's script sees them. */
function pageState() {
  return inPage(ff, () => ({ html: document.documentElement.outerHTML, x: window.scrollX, y: window.scrollY }));
}

test('a toolbar click on a strict-CSP page shows the article in the overlay, without the page clutter', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, strict.url('/article.html'));
  try {
    assert.equal(await inPage(ff, () => /** @type {any} */ (window).fixturePageScriptRan), true, 'fixture script ran');
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);

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
    // must not reach into the shadow root. In Firefox the overlay's sheet is a
    // <style> in the root (Xray wrappers refuse adopted sheets from a content
    // script): this is where that path is checked.
    await waitForPageLock(ff);
    const style = await inReader(ff, (root) => {
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
    await closeTab(ff);
  }
});

test('a second toolbar click closes the reader and restores the page exactly', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, strict.url('/article.html'));
  try {
    await inPage(ff, () => window.scrollTo(0, 600));
    const before = await pageState();
    assert.equal(before.y, 600, 'fixture page is long enough to scroll');

    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article');
    assert.notEqual((await pageState()).html, before.html, 'overlay is on the page');

    await clickToolbarButton(ff);
    await waitForOverlayGone(ff);
    const afterClose = await pageState();
    assert.equal(afterClose.html, before.html, 'page serialisation is back as it was');
    assert.deepEqual([afterClose.x, afterClose.y], [before.x, before.y], 'scroll position is back');
    assert.equal((await readOverlay(ff)).present, false);
  } finally {
    await closeTab(ff);
  }
});

test('Esc closes the reader and restores the page exactly', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, strict.url('/article.html'));
  try {
    await inPage(ff, () => window.scrollTo(0, 450));
    // Focus a page link (without scrolling), so we can see focus come back to it.
    await inPage(ff, () => document.querySelector('a')?.focus({ preventScroll: true }));
    const before = await pageState();

    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article');
    assert.equal(view.focusInside, true, 'focus moved into the overlay');
    await press(ff, KEY.Escape);
    await waitForOverlayGone(ff);

    const afterClose = await pageState();
    assert.equal(afterClose.html, before.html, 'page serialisation is back as it was');
    assert.deepEqual([afterClose.x, afterClose.y], [before.x, before.y], 'scroll position is back');
    assert.equal(await inPage(ff, () => document.activeElement?.textContent), 'News', 'focus is back on the page link');

    // And the reader opens again afterwards.
    await clickToolbarButton(ff);
    assert.equal((await waitForOverlay(ff)).state, 'article');
  } finally {
    await closeTab(ff);
  }
});

test('nothing from the page runs inside the overlay', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  // No CSP here, so the page's own inline handler and script do run, once each.
  await openTab(ff, open.url('/handlers.html'));
  try {
    const counts = () => inPage(ff, () => [/** @type {any} */ (window).handlerRuns, /** @type {any} */ (window).inlineScriptRuns]);
    await waitFor(counts, (c) => c[0] === 1, 5_000, 'the page’s own onerror handler');
    assert.deepEqual(await counts(), [1, 1], 'the page itself ran its handler and script once');

    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article');
    assert.ok(view.paragraphs.some((p) => p.startsWith('Fares on the island ferry will stay')));
    // Give a copied <img onerror> time to fail its load and fire.
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await counts(), [1, 1], 'a handler or script ran again from the overlay');
    const executable = await inReader(ff, (root) => {
      if (!root) return null;
      return Array.from(root.querySelectorAll('*')).filter(
        (el) => el.localName === 'script' || Array.from(el.attributes).some((a) => a.name.startsWith('on')),
      ).length;
    });
    assert.equal(executable, 0, 'overlay holds no script element or event-handler attribute');
  } finally {
    await closeTab(ff);
  }
});

test('a page with nothing to read shows a clear error with a way back', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, strict.url('/empty.html'));
  try {
    const before = await pageState();
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'error');
    assert.match(view.text, /found no article text on this page/);
    assert.equal(view.labelText, 'Quire couldn’t read this page');
    assert.equal(await inReader(ff, (root) => root?.activeElement?.textContent), 'Back to the page');

    await press(ff, KEY.Enter); // activates the focused "Back to the page" button
    await waitForOverlayGone(ff);
    assert.equal((await pageState()).html, before.html, 'page serialisation is back as it was');
  } finally {
    await closeTab(ff);
  }
});

test('an error from the core is shown with its reason', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, strict.url('/deep.html'));
  try {
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'error');
    assert.match(view.text, /nests elements too deeply/);
    await press(ff, KEY.Escape);
    await waitForOverlayGone(ff);
  } finally {
    await closeTab(ff);
  }
});

test('the reader works on a page that enforces Trusted Types', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, trustedTypes.url('/article.html'));
  try {
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article', view.text);
    assert.equal(view.title, TITLE);
    assert.equal(view.paragraphs.length, ARTICLE_PARAGRAPHS.length);
  } finally {
    await closeTab(ff);
  }
});

// Firefox resolves the injection on such a page to `[null]` instead of
// rejecting it as Chromium does (background/inject.js, NOT_REACHED).
test('on a page extensions may not touch, the button says why instead of failing silently', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, 'about:robots');
  try {
    await clickToolbarButton(ff);
    // The badge and tooltip the worker sets for this tab, read off the button
    // itself in the browser window.
    const mark = await inChrome(ff.m, () =>
      waitFor(
        () =>
          ff.m
            .send('WebDriver:ExecuteScript', {
              script: `const b = document.querySelector(arguments[0]);
                return { badge: b.getAttribute('badge') || '', title: b.getAttribute('tooltiptext') || b.getAttribute('label') || '' };`,
              args: [BUTTON_SELECTOR],
            })
            .then((r) => /** @type {{badge: string, title: string}} */ (r.value)),
        // The worker sets the badge, then the title.
        (v) => v.badge !== '' && v.title !== 'Read this page in Quire (Alt+Shift+R)',
        5_000,
        'a badge and a title on Quire’s button',
      ),
    );
    assert.equal(mark.badge, '!');
    assert.match(mark.title, /can’t read this page: the browser does not let extensions into this page/);
    // And the reader is not on the page.
    assert.equal((await readOverlay(ff)).present, false);
  } finally {
    await closeTab(ff);
  }
});

// @ts-check
/**
 * End-to-end: the reader overlay as a reader uses it, in the built extension
 * (dist/chrome) in headless Chromium, on pages served from 127.0.0.1 under a
 * strict CSP: typesetting, the toolbar and its settings (which must survive
 * closing, a service-worker restart and a browser restart), keyboard use,
 * an axe-core audit per theme, print, Copy as Markdown, pages that are not
 * articles, right-to-left pages, and screenshots in out/e2e/.
 *
 * The Kyiv Independent page comes from the corpus ($QUIRE_CORPUS, default
 * ../shared/corpus); without it that test is skipped, except under CI=true,
 * where it fails.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  waitInReader,
  clickInReader,
  focusInReader,
  inContentWorld,
  auditReader,
  choose,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const ARTIFACTS = join(ROOT, 'out', 'e2e');
const CORPUS = resolve(ROOT, process.env.QUIRE_CORPUS || '../shared/corpus');
const KYIV = join(CORPUS, 'clutter', 'kyiv-independent-peacekeepers');
/** A hung browser fails its test instead of holding CI until its deadline. */
const TEST_TIMEOUT_MS = 90_000;

const kyivPresent = await stat(join(KYIV, 'page.html')).then(() => true, () => false);
const skipKyiv = kyivPresent ? false : `no corpus page at ${KYIV} (set QUIRE_CORPUS)`;
if (!kyivPresent && process.env.CI === 'true') {
  test('the corpus is present under CI', () => assert.fail(`CI=true but ${KYIV}/page.html is missing`));
}

/** The settings schema 2 added (ui/settings.js), at their defaults. */
const NEW_FIELDS = { letterSpacing: 'normal', wordSpacing: 'normal', align: 'start', images: true, showRemoved: false };

const TYPESET_TITLE = 'How the Tidewater line keeps its timetable honest';

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  browser = await launchWithExtension();
});

/** Servers a test started, closed after the browser (a server waits for its open connections). */
/** @type {import('./lib.mjs').Served[]} */
const extraServers = [];

after(async () => {
  await browser?.close();
  await server?.close();
  for (const extra of extraServers) await extra.close();
});

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {{theme: string, font: string, fontSize: number, width: string, lineHeight: string}} Shown
 */

/**
 * Opens `url` in a new tab of `launched`.
 * @param {import('./lib.mjs').Launched} launched
 * @param {string} url
 */
async function openPage(launched, url) {
  const page = await launched.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // A reader clicks after reading the page a moment, not within Chromium's
  // page-load race window (../shared/TOOLCHAIN.md), which a freshly
  // launched browser makes wider.
  await page.waitForTimeout(500);
  return page;
}

/**
 * Clicks Quire and waits for the article.
 * @param {import('./lib.mjs').Launched} launched
 * @param {Page} page
 * @param {string} [state]
 */
async function openReader(launched, page, state = 'article') {
  await clickAction(launched, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, state, `overlay shows: ${view.text.slice(0, 300)}`);
  // The page sheet (scroll lock, print rule) follows the overlay's first frame.
  await waitForPageLock(page);
  return view;
}

/** @param {Page} page */
function pageState(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    x: window.scrollX,
    y: window.scrollY,
    sheets: document.adoptedStyleSheets.length,
  }));
}

/**
 * The settings the open overlay shows, read from the dialog.
 * @param {Page} page
 * @returns {Promise<Shown>}
 */
function shownSettings(page) {
  return inReader(page, (root) => {
    const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
    const d = dialog.dataset;
    return {
      theme: d.theme || '',
      font: d.font || '',
      fontSize: parseFloat(getComputedStyle(dialog).fontSize),
      width: d.width || '',
      lineHeight: d.lineHeight || '',
    };
  });
}

/**
 * Opens the settings panel if it is closed.
 * @param {Page} page
 */
async function openPanel(page) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await clickInReader(page, '.aa');
}

/**
 * Picks a theme in the toolbar and closes the panel again.
 * @param {Page} page
 * @param {string} theme
 */
async function setTheme(page, theme) {
  await openPanel(page);
  await choose(page, 'theme', theme);
  await clickInReader(page, '.aa');
  await waitInReader(page, (root, want) => {
    const d = root?.querySelector('.quire');
    return d instanceof HTMLElement && d.dataset.theme === want;
  }, theme);
}

/**
 * Runs axe-core over the open overlay (lib.mjs auditReader) and returns the
 * violations, each with its impact, rule and node count.
 * @param {Page} page
 */
async function axeAudit(page) {
  const { violations, contrastChecked, incomplete } = await auditReader(page);
  // A guard against auditing nothing (a wrong shadow-DOM context selector).
  assert.ok(contrastChecked >= 3, `axe checked the contrast of only ${contrastChecked} elements in the overlay`);
  return { violations: violations.map(({ id, impact, nodes, help }) => ({ id, impact, nodes, help })), contrastChecked, incomplete };
}

/** @param {{impact: string | null}[]} violations */
function countByImpact(violations) {
  /** @type {Record<string, number>} */
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact || 'minor'] += 1;
  return counts;
}

test('the article is set for reading, and the page’s CSS cannot restyle it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    const pageStyle = () =>
      page.evaluate(() => {
        const p = /** @type {Element} */ (document.querySelector('article p'));
        const s = getComputedStyle(p);
        return [s.color, s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.backgroundColor, s.margin, s.whiteSpace].join('|');
      });
    const styleBefore = await pageStyle();
    const view = await openReader(browser, page);
    await openPanel(page);
    await choose(page, 'theme', 'light');
    await clickInReader(page, '.aa');
    assert.equal(await pageStyle(), styleBefore, 'the overlay’s CSS changed the page’s');

    assert.equal(view.title, TYPESET_TITLE);
    assert.equal(view.siteName, 'Rail Notes');
    assert.equal(view.byline, 'Marit Solberg');
    assert.match(view.dateTime ?? '', /^2026-06-14/);
    assert.match(view.date, /2026/);
    assert.match(view.readingTime, /^\d+-minute read$/);

    const set = await inReader(page, (root) => {
      if (!root) throw new Error('no reader');
      const host = /** @type {HTMLElement} */ (document.getElementById('quire-reader'));
      const q = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (root.querySelector(sel));
      const cs = (/** @type {string} */ sel) => getComputedStyle(q(sel));
      const pre = q('.content pre');
      const para = q('.content p');
      // Characters per line as laid out: group the first paragraph's
      // characters by the line box they sit on; the last line is not full.
      const node = /** @type {Text} */ (para.firstChild);
      const range = document.createRange();
      /** @type {Map<number, number>} */
      const lines = new Map();
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) || 0) + 1);
      }
      const full = [...lines.values()].slice(0, -1);
      const perLine = full.reduce((a, b) => a + b, 0) / full.length;
      return {
        hostShown: getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().width > 0,
        direction: cs('.quire').direction,
        h1Size: parseFloat(cs('h1').fontSize),
        h1Color: cs('h1').color,
        pFont: cs('.content p').fontFamily,
        pSize: parseFloat(cs('.content p').fontSize),
        pLetterSpacing: cs('.content p').letterSpacing,
        pTransform: cs('.content p').textTransform,
        pStyle: cs('.content p').fontStyle,
        pAlign: cs('.content p').textAlign,
        pLineHeight: parseFloat(cs('.content p').lineHeight),
        cursor: cs('.content p').cursor,
        perLine,
        preFont: getComputedStyle(pre).fontFamily,
        preWhiteSpace: getComputedStyle(pre).whiteSpace,
        preOverflowX: getComputedStyle(pre).overflowX,
        preScrolls: pre.scrollWidth > pre.clientWidth,
        preTabIndex: pre.getAttribute('tabindex'),
        preLabel: pre.getAttribute('aria-label'),
        tableWrapped: Boolean(root.querySelector('.content .table-scroll > table')),
        caption: root.querySelector('.content figcaption')?.textContent?.trim(),
        tableCaption: root.querySelector('.content caption')?.textContent?.trim(),
        quote: cs('.content blockquote').fontStyle,
        bullets: root.querySelectorAll('.content ul > li').length,
        steps: root.querySelectorAll('.content ol > li').length,
        images: Array.from(root.querySelectorAll('img'), (img) => img.getAttribute('loading')),
      };
    });
    assert.ok(set.hostShown, 'the page’s `#quire-reader { display: none !important }` hid the overlay');
    assert.equal(set.direction, 'ltr', 'the page’s `direction: rtl` reached the overlay');
    assert.ok(set.h1Size >= 30, `headline is ${set.h1Size}px: the page’s 10px root font size reached the overlay`);
    assert.notEqual(set.h1Color, 'rgb(255, 0, 0)');
    assert.doesNotMatch(set.pFont, /fantasy/);
    assert.equal(set.pSize, 19, 'the default text size');
    assert.equal(set.pLetterSpacing, 'normal');
    assert.equal(set.pTransform, 'none');
    assert.equal(set.pStyle, 'normal');
    assert.equal(set.pAlign, 'start');
    assert.equal(set.cursor, 'auto');
    assert.ok(Math.abs(set.pLineHeight - 19 * 1.65) < 0.5, `line height ${set.pLineHeight}px`);
    assert.ok(set.perLine >= 60 && set.perLine <= 75, `measure is ${set.perLine.toFixed(1)} characters per line`);
    assert.match(set.preFont, /mono/i);
    assert.equal(set.preWhiteSpace, 'pre', 'code does not wrap');
    assert.equal(set.preOverflowX, 'auto');
    assert.ok(set.preScrolls, 'the long code line scrolls sideways');
    assert.equal(set.preTabIndex, '0', 'a scrolling code block takes keyboard focus');
    assert.equal(set.preLabel, 'Code, scrolls sideways');
    assert.ok(set.tableWrapped, 'a table sits in its own sideways scroller');
    assert.equal(set.caption, 'The coastal stretch between Harrow Point and Selby Quay, where most of the slack is spent.');
    assert.equal(set.tableCaption, 'Running times between Harrow Point and Selby Quay, in minutes');
    assert.equal(set.quote, 'italic');
    assert.deepEqual([set.bullets, set.steps], [3, 3]);
    assert.ok(set.images.length > 0 && set.images.every((l) => l === 'lazy'), `image loading: ${set.images}`);
    // The page's og:image is not in the article: it leads, above the text.
    assert.equal(view.leadImage, server.url('/coast.svg'));
    await waitInReader(page, (root) => {
      const img = root?.querySelector('.lead img');
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    await page.screenshot({ path: join(ARTIFACTS, 'overlay-typeset.png') });
  } finally {
    await page.close();
  }
});

test('every control is reachable by Tab, labelled, with a visible focus, and Tab stays in the dialog', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    await openReader(browser, page);
    await openPanel(page);
    await inReader(page, (root) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).focus());
    /** @type {{name: string, outline: string, inside: boolean}[]} */
    const stops = [];
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await inReader(page, (root) => {
          const host = document.getElementById('quire-reader');
          const active = /** @type {HTMLElement | null} */ (root?.activeElement ?? null);
          if (!active) return { name: '', outline: '', inside: false };
          const labelledBy = active.getAttribute('aria-labelledby');
          const name =
            active.getAttribute('aria-label') ||
            (labelledBy && root?.getElementById(labelledBy)?.textContent) ||
            active.closest('label')?.querySelector('.label')?.textContent ||
            active.textContent ||
            '';
          const s = getComputedStyle(active);
          return { name: `${active.localName}:${name.trim()}`, outline: `${s.outlineStyle} ${s.outlineWidth}`, inside: document.activeElement === host };
        }),
      );
    }
    assert.ok(stops.every((s) => s.inside), 'focus left the overlay');
    const names = new Set(stops.map((s) => s.name));
    for (const want of [
      'button:Reader settings', 'button:Copy as Markdown', 'button:Print', 'button:Close the reader (Esc)',
      'select:Theme', 'button:Smaller text', 'button:Larger text', 'select:Font', 'select:Line length', 'select:Line spacing',
      'pre:Code, scrolls sideways',
    ]) {
      assert.ok(names.has(want), `Tab never reaches ${want}: ${[...names].join(', ')}`);
    }
    for (const stop of stops) {
      assert.ok(!stop.name.endsWith(':'), `a control without a name: ${stop.name}`);
      assert.match(stop.outline, /^solid [3-9]/, `no visible focus on ${stop.name}: ${stop.outline}`);
    }
    // The cycle wraps: the first stop comes round again.
    assert.ok(stops.slice(1).some((s) => s.name === stops[0].name), 'Tab does not cycle within the dialog');
  } finally {
    await page.close();
  }
});

test('settings survive closing, reopening, a service-worker restart and a browser restart', { timeout: 3 * TEST_TIMEOUT_MS }, async () => {
  const profile = await mkdtemp(join(tmpdir(), 'quire-settings-profile-'));
  let launched = await launchWithExtension({ profile });
  const url = server.url('/typeset.html');
  const wanted = { theme: 'dark', font: 'sans', fontSize: 21, width: 'wide', lineHeight: 'loose' };
  try {
    let page = await openPage(launched, url);
    await openReader(launched, page);
    assert.deepEqual(await shownSettings(page), { theme: 'auto', font: 'serif', fontSize: 19, width: 'medium', lineHeight: 'normal' }, 'a new profile starts from the defaults');
    await openPanel(page);
    await choose(page, 'theme', 'dark');
    await choose(page, 'font', 'sans');
    await clickInReader(page, '.larger');
    await clickInReader(page, '.larger');
    await choose(page, 'width', 'wide');
    await choose(page, 'lineHeight', 'loose');
    assert.deepEqual(await shownSettings(page), wanted);
    const background = await inReader(page, (root) => getComputedStyle(/** @type {Element} */ (root?.querySelector('.quire'))).backgroundColor);
    assert.equal(background, 'rgb(28, 29, 31)', 'the dark theme is in effect');

    // Close straight away: the pending write must not be lost.
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
    await openReader(launched, page);
    assert.deepEqual(await shownSettings(page), wanted, 'after closing and reopening');
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    const stored = await launched.worker.evaluate(() => chrome.storage.sync.get('quire.settings'));
    assert.deepEqual(stored, { 'quire.settings': { schema: 2, ...wanted, ...NEW_FIELDS } }, 'stored in chrome.storage.sync with a schema version');

    // Service-worker restart. A mark left in the old worker's global scope
    // must be gone from the one the click starts.
    await launched.worker.evaluate(() => Object.assign(globalThis, { quireTestMark: true }));
    assert.equal((await serviceWorkerTargets(launched)).length, 1);
    await stopServiceWorkers(launched);
    assert.deepEqual(await serviceWorkerTargets(launched), [], 'the service worker stopped');
    await openReader(launched, page);
    assert.equal((await serviceWorkerTargets(launched)).length, 1, 'the click started a service worker');
    const fresh = extensionWorkers(launched);
    assert.equal(fresh.length, 1);
    assert.equal(await fresh[0].evaluate(() => 'quireTestMark' in globalThis), false, 'a new service worker, not the old one');
    assert.deepEqual(await shownSettings(page), wanted, 'after a service-worker restart');
    await page.close();

    // Browser restart on the same profile.
    await launched.close();
    launched = await launchWithExtension({ profile });
    page = await openPage(launched, url);
    await openReader(launched, page);
    assert.deepEqual(await shownSettings(page), wanted, 'after a browser restart');

    // Invalid stored settings (e.g. written by a broken build) are repaired, not a crash.
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
    await launched.worker.evaluate(() => chrome.storage.sync.set({ 'quire.settings': { schema: 0, theme: 'sepia', fontSize: 'huge', width: 7 } }));
    await openReader(launched, page);
    assert.deepEqual(await shownSettings(page), { theme: 'sepia', font: 'serif', fontSize: 19, width: 'medium', lineHeight: 'normal' });
    const repaired = await launched.worker.evaluate(() => chrome.storage.sync.get('quire.settings'));
    assert.deepEqual(repaired, { 'quire.settings': { schema: 2, theme: 'sepia', font: 'serif', fontSize: 19, width: 'medium', lineHeight: 'normal', ...NEW_FIELDS } });
  } finally {
    await launched.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('Esc and a second click restore the page exactly after the toolbar was used', { timeout: TEST_TIMEOUT_MS }, async () => {
  for (const how of ['Escape', 'toolbar click']) {
    const page = await openPage(browser, server.url('/typeset.html'));
    try {
      await page.evaluate(() => window.scrollTo(0, 500));
      await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('nav a')).focus({ preventScroll: true }));
      const before = await pageState(page);
      assert.equal(before.y, 500, 'the fixture scrolls');
      await openReader(browser, page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'page scroll is locked');
      assert.equal((await pageState(page)).y, 500, 'opening does not move the page');
      await openPanel(page);
      await clickInReader(page, '.smaller');
      await clickInReader(page, '.larger');
      await choose(page, 'width', 'narrow');
      await choose(page, 'width', 'medium');
      if (how === 'Escape') await page.keyboard.press('Escape');
      else await clickAction(browser, page);
      await waitForOverlayGone(page);
      const afterClose = await pageState(page);
      assert.equal(afterClose.html, before.html, `${how}: the page serialisation is back as it was`);
      assert.deepEqual([afterClose.x, afterClose.y], [before.x, before.y], `${how}: the scroll position is back`);
      assert.equal(afterClose.sheets, before.sheets, `${how}: the scroll-lock sheet is gone`);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Rail Notes', `${how}: focus is back on the page link`);
      assert.equal((await readOverlay(page)).present, false);
    } finally {
      await page.close();
    }
  }
});

test('the page lock waits for the reader’s first frame, and for the last part of a long article', { timeout: TEST_TIMEOUT_MS }, async () => {
  // Locking restyles the whole page and, with classic scrollbars, lays it out
  // again; neither the first frame with the reader nor the parts of a long
  // article must wait for it. The page records, in each animation frame,
  // whether the reader is there, whether more of the article is still
  // coming, and whether the page's root is locked yet.
  for (const [path, long] of /** @type {const} */ ([['/typeset.html', false], ['/long.html', true]])) {
    const page = await openPage(browser, server.url(path));
    try {
      // The watcher runs in the content script's world, the only one that
      // can see into the closed root frame by frame; it gets there through
      // the click's grant, so the reader opens once before it is watched.
      await openReader(browser, page);
      await page.keyboard.press('Escape');
      await waitForOverlayGone(page);
      await page.waitForFunction(() => getComputedStyle(document.documentElement).overflow !== 'hidden');
      await inContentWorld(browser, page, (shadowOf) => {
        /** @type {{host: boolean, busy: boolean, locked: boolean}[]} */
        const frames = [];
        /** @type {any} */ (globalThis).lockFrames = frames;
        const tick = () => {
          const host = document.getElementById('quire-reader');
          frames.push({
            host: Boolean(host),
            busy: Boolean(host && shadowOf(host)?.querySelector('.content[aria-busy="true"]')),
            locked: getComputedStyle(document.documentElement).overflow === 'hidden',
          });
          if (frames.length < 2_000) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await openReader(browser, page);
      /** @type {{host: boolean, busy: boolean, locked: boolean}[]} */
      const frames = await inContentWorld(browser, page, () => /** @type {any} */ (globalThis).lockFrames);
      const shown = frames.filter((f) => f.host);
      assert.ok(shown.length >= 2, `${path}: the page saw the reader in ${shown.length} frames`);
      assert.equal(frames.some((f) => !f.host && f.locked), false, `${path}: the page is not locked before the reader shows`);
      assert.equal(shown[0].locked, false, `${path}: the first frame with the reader is not yet locked`);
      assert.equal(shown.some((f) => f.busy), long, `${path}: the article ${long ? 'comes' : 'does not come'} in parts`);
      assert.equal(shown.some((f) => f.busy && f.locked), false, `${path}: no part of the article waits for the lock`);
      assert.equal(shown[shown.length - 1].locked, true, `${path}: the lock follows`);
    } finally {
      await page.close();
    }
  }
});

test('a page that is not an article says so, and offers Show anyway and a way back', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/listing.html'));
  try {
    const before = await pageState(page);
    const view = await openReader(browser, page, 'not-article');
    assert.equal(view.labelText, 'This page doesn’t look like an article');
    assert.match(view.text, /looks like something else/);
    assert.equal(await inReader(page, (root) => root?.activeElement?.textContent), 'Show anyway', 'focus is on Show anyway');
    await page.keyboard.press('Enter');
    await waitInReader(page, (root) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).dataset.state === 'article');
    const shown = await readOverlay(page);
    assert.ok(shown.text.includes('Fenwick Town drew two all'), 'Show anyway shows the text the core found');
    await clickAction(browser, page);
    await waitForOverlayGone(page);

    // "Back to the page" closes it.
    await openReader(browser, page, 'not-article');
    await clickInReader(page, 'button.back');
    await waitForOverlayGone(page);
    assert.equal((await pageState(page)).html, before.html);
  } finally {
    await page.close();
  }
});

/**
 * Script in the page's main world, handed the reader's closed root through
 * DevTools (which no page has: tests/e2e/page-attack.test.mjs), dispatches a
 * synthetic event of each kind a control listens to on every control of the
 * open reader, so that this checks the second line, `isTrusted`: a click on every
 * button, `change` and `input` on every select (after setting its value),
 * `keydown` (Escape, Tab, Ctrl+A) on the window and the dialog, and
 * `selectstart`. Returns what it could observe: whether the page's
 * `beforeprint` fired.
 * @param {Page} page
 */
function pressEverythingFromThePage(page) {
  return inReader(page, async (root) => {
    if (!root) throw new Error('no reader');
    let printed = false;
    window.addEventListener('beforeprint', () => (printed = true));
    for (const button of Array.from(root.querySelectorAll('button'))) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new PointerEvent('click', { bubbles: true, composed: true }));
    }
    for (const select of Array.from(root.querySelectorAll('select'))) {
      const other = Array.from(select.options).find((o) => o.value !== select.value);
      if (other) select.value = other.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const dialog = /** @type {HTMLElement} */ (root.querySelector('.quire'));
    for (const target of [window, document, dialog]) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, composed: true }));
    }
    dialog.dispatchEvent(new Event('selectstart', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 500)); // a Markdown copy would have answered by now
    return { printed };
  });
}

/**
 * What a control could have changed: the view, the settings in effect, the
 * panel, the status line and the page's focus.
 * @param {Page} page
 */
async function readerEffects(page) {
  const settings = await shownSettings(page);
  const rest = await inReader(page, (root) => {
    if (!root) return { present: false };
    const dialog = /** @type {HTMLElement} */ (root.querySelector('.quire'));
    return {
      present: true,
      state: dialog.dataset.state,
      panelHidden: /** @type {HTMLElement} */ (root.querySelector('.panel')).hidden,
      expanded: root.querySelector('.aa')?.getAttribute('aria-expanded'),
      announce: root.querySelector('.announce')?.textContent,
    };
  });
  return { ...rest, settings };
}

test('page script cannot press the reader’s controls: synthetic clicks, change and keydown do nothing', { timeout: TEST_TIMEOUT_MS }, async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    await openReader(browser, page);
    await page.evaluate(() => navigator.clipboard.writeText('left by the test'));
    const before = await readerEffects(page);
    assert.equal(before.state, 'article');
    const seen = await pressEverythingFromThePage(page);
    assert.deepEqual(await readerEffects(page), before, 'no control acted on the page’s events');
    assert.equal(seen.printed, false, 'Print did not print');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'left by the test', 'Copy as Markdown did not copy');
    // The same controls work for the reader (so the test can fail).
    await clickInReader(page, '.aa');
    assert.equal((await readerEffects(page)).expanded, 'true', 'a real click on Aa opens the settings');
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    // A notice's buttons too: Show anyway and Back to the page.
    await page.goto(server.url('/listing.html'), { waitUntil: 'load' });
    await page.waitForTimeout(500);
    await openReader(browser, page, 'not-article');
    const notice = await readerEffects(page);
    await pressEverythingFromThePage(page);
    assert.deepEqual(await readerEffects(page), notice, 'Show anyway and Back ignored the page’s clicks');
    await clickInReader(page, 'button.anyway');
    await waitInReader(page, (root) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).dataset.state === 'article');
  } finally {
    await page.close();
    await browser.context.clearPermissions();
  }
});

test('print shows the article alone: the page and the toolbar are hidden', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    await openReader(browser, page);
    await page.emulateMedia({ media: 'print' });
    const printed = await inReader(page, (root) => {
      if (!root) throw new Error('no reader');
      const shown = (/** @type {Element | null} */ e) => Boolean(e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0);
      return {
        body: getComputedStyle(document.body).display,
        host: getComputedStyle(/** @type {Element} */ (document.getElementById('quire-reader'))).position,
        bar: shown(root.querySelector('.bar')),
        title: shown(root.querySelector('h1')),
        content: shown(root.querySelector('.content')),
        rootOverflow: getComputedStyle(document.documentElement).overflow,
        pre: getComputedStyle(/** @type {Element} */ (root.querySelector('.content pre'))).whiteSpace,
      };
    });
    assert.deepEqual(printed, { body: 'none', host: 'static', bar: false, title: true, content: true, rootOverflow: 'visible', pre: 'pre-wrap' });
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block', 'the page is back on screen');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000, 'the print view renders');
  } finally {
    await page.close();
  }
});

test('Copy as Markdown puts the article on the clipboard', { timeout: TEST_TIMEOUT_MS }, async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    await openReader(browser, page);
    await clickInReader(page, 'button.copy');
    await waitInReader(page, (root) => root?.querySelector('.announce')?.textContent !== '');
    const announced = await inReader(page, (root) => root?.querySelector('.announce')?.textContent);
    assert.equal(announced, 'Copied the article as Markdown.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(text.startsWith(`# ${TYPESET_TITLE}\n\n*Marit Solberg · Rail Notes · `), text.slice(0, 200));
    assert.ok(text.includes(`<${server.url('/typeset.html')}>`), 'the source address');
    assert.ok(text.includes('The Tidewater line runs eleven trains a day'), 'the first paragraph');
    assert.ok(text.includes('def published_minutes(runs, share=0.9):'), 'the code block');
    assert.equal(text.split(`# ${TYPESET_TITLE}`).length, 2, 'the headline once');
    // Said, then emptied (ui/overlay.js say: 8 s): no old message above the headline in the dialog's text.
    const saidAt = Date.now();
    await waitInReader(page, (root) => root?.querySelector('.announce')?.textContent === '', undefined, { timeout: 15_000 });
    assert.ok(Date.now() - saidAt > 4000, 'the status line emptied before it could be read');
    const after = await inReader(page, (root) => /** @type {HTMLElement} */ (root?.querySelector('[role="dialog"]')).innerText);
    assert.ok(!after.includes('Copied'), 'the dialog’s text still holds the message');
  } finally {
    await page.close();
    await browser.context.clearPermissions();
  }
});

test('auto follows prefers-color-scheme, and prefers-reduced-motion stops the animation', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await openReader(browser, page);
    await setTheme(page, 'auto');
    const look = () =>
      inReader(page, (root) => {
        const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
        const content = /** @type {Element} */ (dialog.querySelector('.page'));
        return { scheme: dialog.dataset.scheme, background: getComputedStyle(dialog).backgroundColor, animation: getComputedStyle(content).animationName };
      });
    assert.deepEqual(await look(), { scheme: 'light', background: 'rgb(248, 246, 241)', animation: 'quire-in' });
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await waitInReader(page, (root) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).dataset.scheme === 'dark');
    assert.deepEqual(await look(), { scheme: 'dark', background: 'rgb(28, 29, 31)', animation: 'none' });
  } finally {
    await page.close();
  }
});

test('axe-core finds no serious or critical violation in any theme or view', { timeout: TEST_TIMEOUT_MS }, async () => {
  /** @type {Record<string, {counts: Record<string, number>, violations: {id: string, impact: string | null, nodes: number, help: string}[], contrastChecked: number, incomplete: string[]}>} */
  const report = {};
  const page = await openPage(browser, server.url('/typeset.html'));
  try {
    await openReader(browser, page);
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      await openPanel(page); // audit the settings panel too
      const audit = await axeAudit(page);
      report[`article, ${theme}`] = { counts: countByImpact(audit.violations), ...audit };
      await clickInReader(page, '.aa');
    }
    await setTheme(page, 'light');
  } finally {
    await page.close();
  }
  for (const [path, state] of [['/listing.html', 'not-article'], ['/empty.html', 'error']]) {
    const other = await openPage(browser, server.url(path));
    try {
      await openReader(browser, other, state);
      for (const theme of ['light', 'dark']) {
        await setTheme(other, theme);
        const audit = await axeAudit(other);
        report[`${state}, ${theme}`] = { counts: countByImpact(audit.violations), ...audit };
      }
      await setTheme(other, 'light');
    } finally {
      await other.close();
    }
  }
  await writeFile(join(ARTIFACTS, 'axe-overlay.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const [where, { violations }] of Object.entries(report)) {
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${where}: ${JSON.stringify(bad)}`);
  }
});

test('a right-to-left page is set right to left in its language; screenshots in three themes', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/rtl.html'));
  try {
    const view = await openReader(browser, page);
    assert.equal(view.title, 'مكتبة الحيّ تعيد فتح أبوابها بعد عامين من الترميم');
    assert.equal(view.byline, 'سلمى الخطيب');
    const set = await inReader(page, (root) => {
      if (!root) throw new Error('no reader');
      const article = /** @type {HTMLElement} */ (root.querySelector('.page'));
      const p = /** @type {Element} */ (root.querySelector('.content p'));
      const quote = /** @type {Element} */ (root.querySelector('.content blockquote'));
      return {
        dir: article.dir,
        lang: article.lang,
        direction: getComputedStyle(p).direction,
        titleDirection: getComputedStyle(/** @type {Element} */ (root.querySelector('h1'))).direction,
        quoteRule: getComputedStyle(quote).borderRightWidth,
        toolbar: getComputedStyle(/** @type {Element} */ (root.querySelector('.bar'))).direction,
        readingTime: `${root.querySelector('.reading-time')?.getAttribute('dir')} ${root.querySelector('.reading-time')?.getAttribute('lang')}`,
        // Right-aligned: the paragraph's first line ends at its right edge.
        rightAligned: Math.abs(p.getClientRects()[0].right - (/** @type {Element} */ (root.querySelector('.content')).getBoundingClientRect().right)) < 2,
      };
    });
    assert.deepEqual(set, { dir: 'rtl', lang: 'ar', direction: 'rtl', titleDirection: 'rtl', quoteRule: '3px', toolbar: 'ltr', rightAligned: true, readingTime: 'ltr en-US' });
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      await page.screenshot({ path: join(ARTIFACTS, `overlay-rtl-${theme}.png`) });
    }
    await setTheme(page, 'light');
  } finally {
    await page.close();
  }
});

test('the Kyiv Independent page: screenshots in three themes, axe clean, images only from their own URLs', { skip: skipKyiv, timeout: TEST_TIMEOUT_MS }, async () => {
  const truth = JSON.parse(await readFile(join(KYIV, 'truth.json'), 'utf8'));
  const kyiv = await serve({ root: KYIV, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  extraServers.push(kyiv);
  const placeholder = await readFile(join(FIXTURES, 'orchard.svg'));
  /** @type {{url: string, type: string}[]} */
  const remote = [];
  let recording = false;
  // Nothing leaves 127.0.0.1: remote images get a stand-in (so the
  // screenshots show pictures offline), anything else is refused.
  const handler = (/** @type {import('playwright-core').Route} */ route) => {
    const request = route.request();
    if (recording) remote.push({ url: request.url(), type: request.resourceType() });
    if (request.resourceType() === 'image') return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: placeholder });
    return route.abort();
  };
  const page = await browser.context.newPage();
  await page.route((url) => url.hostname !== '127.0.0.1', handler);
  try {
    await page.goto(kyiv.url('/page.html'), { waitUntil: 'load' });
    recording = true;
    const view = await openReader(browser, page);
    assert.equal(view.title, truth.title);
    assert.match(view.byline, new RegExp(truth.byline));
    for (const sentence of truth.must_include) assert.ok(view.text.includes(sentence), `missing: ${sentence}`);
    for (const clutter of truth.must_exclude) assert.ok(!view.text.includes(clutter), `shows clutter: ${clutter}`);

    const leads = await inReader(page, (root) => root?.querySelectorAll('.lead').length);
    assert.equal(leads, 0, 'the lead image is already in the content (in another size): not shown twice');

    /** @type {Record<string, object>} */
    const counts = {};
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      // Let lazy images in view load before the picture is taken.
      await waitInReader(page, (root) =>
        Array.from(root?.querySelectorAll('img') || []).every((img) => img.complete || img.getBoundingClientRect().top > innerHeight),
      );
      await page.screenshot({ path: join(ARTIFACTS, `overlay-kyiv-${theme}.png`) });
      const { violations, contrastChecked, incomplete } = await axeAudit(page);
      counts[theme] = { ...countByImpact(violations), contrastChecked, incomplete };
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad, [], `${theme}: ${JSON.stringify(bad)}`);
    }
    await setTheme(page, 'light');
    await writeFile(join(ARTIFACTS, 'axe-kyiv.json'), `${JSON.stringify(counts, null, 2)}\n`);

    // Every request since the click is an image the article shows, from its own URL.
    const shownImages = await inReader(page, (root) => Array.from(root?.querySelectorAll('img') || [], (img) => img.currentSrc || img.src));
    for (const request of remote) {
      assert.equal(request.type, 'image', `a request that is not an image: ${request.url}`);
      assert.ok(shownImages.includes(request.url), `an image the reader does not show: ${request.url}`);
    }
  } finally {
    recording = false;
    await page.close();
  }
});

// ---- a long article comes in parts ------------------------------------------

/**
 * @typedef {object} FirstFrame What the reader showed in the task that put
 *   the article on the page, and right after `action` (see {@link watchFirstFrame}).
 * @property {string | null} busy `aria-busy` of `.content`
 * @property {number[]} notes The survey note numbers shown, in order.
 * @property {boolean} end Whether the article's last paragraph is shown.
 * @property {{busy: string | null, notes: number[], end: boolean} | null} after
 * @property {boolean} locked Whether the page was locked (its sheet adopted) right after `action`.
 */

/**
 * Arms a watcher in the content script's world (the only one that sees
 * into the closed root as it happens; it gets there through the click's
 * grant, so the reader opens and closes once first): when the reader puts
 * its article content on the page, a mutation observer (a microtask, so
 * before any later task or frame) records what it shows, then does
 * `action`: `'print'` dispatches `beforeprint` as the browser does before it
 * prints; `'close'` has the test press Escape (a trusted key, since the
 * reader ignores synthetic events; asked for through a window event, which
 * the page's world passes to the test) and holds the next frame for 400 ms,
 * so the key is handled before the tasks that frame schedules (the next part
 * comes two tasks after it). The world's `quireFirstFrame` gets the record,
 * its `quireContent` the `.content` element.
 * @param {Page} page
 * @param {'none' | 'print' | 'close'} action
 */
async function watchFirstFrame(page, action) {
  await openReader(browser, page);
  await page.keyboard.press('Escape');
  await waitForOverlayGone(page);
  await page.waitForFunction(() => getComputedStyle(document.documentElement).overflow !== 'hidden');
  if (action === 'close') {
    await page.exposeFunction('quireFirstFrameSeen', () => void page.keyboard.press('Escape'));
    await page.evaluate(() => window.addEventListener('quire-test-first-frame', () => /** @type {any} */ (window).quireFirstFrameSeen()));
  }
  await inContentWorld(browser, page, (shadowOf, what) => {
    const w = /** @type {any} */ (globalThis);
    w.quireFirstFrame = null;
    const read = (/** @type {Element} */ content) => {
      const text = (content.textContent || '').replace(/\s+/g, ' ');
      return {
        busy: content.getAttribute('aria-busy'),
        notes: Array.from(text.matchAll(/Survey note (\d+):/g), (m) => Number(m[1])),
        end: text.includes('The end of the survey'),
      };
    };
    /** @type {MutationObserver} */
    const observer = new MutationObserver(() => {
      const host = document.getElementById('quire-reader');
      const root = host && shadowOf(host);
      if (!root) return;
      observer.observe(root, { childList: true, subtree: true }); // a loading notice came first
      const content = root.querySelector('.content');
      if (!content) return;
      observer.disconnect();
      w.quireContent = content;
      const first = read(content);
      if (what === 'print') window.dispatchEvent(new Event('beforeprint'));
      if (what === 'close') {
        window.dispatchEvent(new Event('quire-test-first-frame'));
        requestAnimationFrame(() => {
          const end = performance.now() + 400;
          while (performance.now() < end);
        });
      }
      w.quireFirstFrame = {
        ...first,
        after: what === 'none' ? null : read(content),
        locked: getComputedStyle(document.documentElement).overflow === 'hidden',
      };
    });
    observer.observe(document.documentElement, { childList: true });
  }, action);
}

/** @param {Page} page @returns {Promise<FirstFrame>} */
async function firstFrame(page) {
  for (let i = 0; i < 200; i++) {
    const record = await inContentWorld(browser, page, () => /** @type {any} */ (globalThis).quireFirstFrame);
    if (record) return record;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the watcher saw no first frame');
}

/**
 * The `.content` element the watcher kept: whether it is still in the page,
 * whether it is the one the reader shows now, and how many notes it holds.
 * @param {Page} page
 */
function keptContent(page) {
  return inContentWorld(browser, page, (shadowOf) => {
    const content = /** @type {HTMLElement} */ (/** @type {any} */ (globalThis).quireContent);
    const host = document.getElementById('quire-reader');
    return {
      connected: content.isConnected,
      same: Boolean(host) && shadowOf(/** @type {Element} */ (host))?.querySelector('.content') === content,
      notes: (content.textContent || '').match(/Survey note \d+:/g)?.length ?? 0,
    };
  });
}

const ALL_NOTES = Array.from({ length: 120 }, (_, i) => i + 1);

test('a long article shows its first part at once and the rest right after, whole and in order', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/long.html'));
  try {
    await watchFirstFrame(page, 'none');
    const view = await openReader(browser, page);
    const first = await firstFrame(page);
    assert.equal(first.busy, 'true', 'the first frame says more is coming');
    assert.equal(first.locked, false, 'the page is not locked while the article comes in');
    assert.ok(first.notes.length >= 3, `the first frame has the first screenfuls (${first.notes.length} notes)`);
    assert.deepEqual(first.notes, ALL_NOTES.slice(0, first.notes.length), 'the first part is the start of the article');
    assert.ok(first.notes.length < 60 && !first.end, `the first frame has only a part (${first.notes.length} notes)`);
    assert.equal(view.title, 'A year on the towpath: the full survey of the Sowe canal');
    assert.ok(view.focusInside, 'focus is in the reader from the first frame');

    await waitInReader(page, (root) => !root?.querySelector('.content[aria-busy]'));
    const whole = await inReader(page, (root) => {
      if (!root) throw new Error('no reader');
      const content = /** @type {HTMLElement} */ (root.querySelector('.content'));
      const pre = /** @type {HTMLElement} */ (content.querySelector('pre'));
      return {
        notes: Array.from(content.innerText.matchAll(/Survey note (\d+):/g), (m) => Number(m[1])),
        end: content.innerText.includes('The end of the survey'),
        headings: Array.from(content.querySelectorAll('h2'), (h) => h.textContent),
        pre: { tabindex: pre.getAttribute('tabindex'), role: pre.getAttribute('role') },
        focusInside: Boolean(root.activeElement),
      };
    });
    assert.ok((await keptContent(page)).same, 'the parts went into the same content element');
    assert.deepEqual(whole.notes, ALL_NOTES, 'every note, once, in order (innerText: as copy and find see it)');
    assert.ok(whole.end, 'the last paragraph is in');
    assert.deepEqual(whole.headings, ['Part 1 of the survey', 'Part 2 of the survey', 'Part 3 of the survey', 'Part 4 of the survey', 'Part 5 of the survey', 'Part 6 of the survey']);
    assert.deepEqual(whole.pre, { tabindex: '0', role: 'region' }, 'a wide code block in a late part is marked as a scroller');
    assert.ok(whole.focusInside, 'focus stayed in the reader');
  } finally {
    await page.close();
  }
});

test('printing before the rest of a long article is in prints all of it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/long.html'));
  try {
    await watchFirstFrame(page, 'print');
    await openReader(browser, page);
    const first = await firstFrame(page);
    assert.equal(first.busy, 'true');
    assert.ok(!first.end, 'the first frame had only a part');
    assert.deepEqual(first.after, { busy: null, notes: ALL_NOTES, end: true }, 'beforeprint appended the rest at once');
    assert.equal(first.locked, true, 'beforeprint applied the page sheet at once, whose print rule hides the page');
    await page.emulateMedia({ media: 'print' });
    const printed = await inReader(page, (root) => {
      const content = /** @type {HTMLElement} */ (root?.querySelector('.content'));
      return content.innerText.includes('The end of the survey');
    });
    assert.ok(printed, 'the print view shows the last paragraph');
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await page.close();
  }
});

test('closing while a long article is still coming in stops it and restores the page exactly', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(browser, server.url('/long.html'));
  try {
    await page.evaluate(() => window.scrollTo(0, 700));
    await watchFirstFrame(page, 'close');
    const before = await pageState(page);
    await clickAction(browser, page);
    const first = await firstFrame(page);
    assert.equal(first.busy, 'true', 'closed while parts were pending');
    await waitForOverlayGone(page);
    // Frames and tasks enough for every pending part to have come in.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const { connected, notes } = await keptContent(page);
    assert.deepEqual({ connected, notes }, { connected: false, notes: first.notes.length }, 'nothing was appended after the close');
    const after = await pageState(page);
    assert.equal(after.html, before.html, 'the page serialisation is back as it was');
    assert.deepEqual([after.x, after.y], [before.x, before.y], 'the scroll position is back');
    assert.equal(after.sheets, before.sheets, 'the scroll-lock sheet is gone');
    assert.equal((await readOverlay(page)).present, false);
  } finally {
    await page.close();
  }
});

// @ts-check
/**
 * End-to-end in Firefox: the reader overlay as a reader uses it, in
 * dist/firefox in headless Firefox ESR, on pages served from 127.0.0.1 under
 * a strict CSP, every time opened with a real click on the toolbar button:
 * settings that must survive closing, reopening and a browser restart, the
 * page restored exactly after Esc or a second click, an axe-core audit per
 * theme and view, and a right-to-left page. The Firefox side of the
 * corresponding tests in tests/e2e/overlay.test.mjs; screenshots go to
 * out/e2e-firefox/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { STRICT_CSP, serve } from '../e2e/lib.mjs';
import {
  ROOT,
  SKIP,
  KEY,
  launchFirefox,
  openTab,
  closeTab,
  clickToolbarButton,
  inPage,
  inReader,
  waitInReader,
  clickInReader,
  focusInReader,
  press,
  readOverlay,
  waitForOverlay,
  waitForOverlayGone,
  waitForPageLock,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const ARTIFACTS = join(ROOT, 'out', 'e2e-firefox');
/** A hung browser fails its test instead of holding CI until its deadline. */
const TEST_TIMEOUT_MS = 90_000;
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** @type {import('../e2e/lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Firefox} */
let ff;

before(async () => {
  if (SKIP) return;
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  ff = await launchFirefox();
});

after(async () => {
  await ff?.close();
  await server?.close();
});

/**
 * @typedef {import('./lib.mjs').Firefox} Firefox
 * @typedef {{theme: string, font: string, fontSize: number, width: string, lineHeight: string}} Shown
 */

/**
 * Clicks Quire and waits for the article (or `state`).
 * @param {Firefox} browser
 * @param {string} [state]
 */
async function openReader(browser, state = 'article') {
  await clickToolbarButton(browser);
  const view = await waitForOverlay(browser);
  assert.equal(view.state, state, `overlay shows: ${view.text.slice(0, 300)}`);
  // The page sheet (scroll lock, print rule) follows the overlay's first frame.
  await waitForPageLock(browser);
  return view;
}

/**
 * The page's serialisation, scroll position and adopted sheets, as the page's script sees them.
 * @param {Firefox} browser
 */
function pageState(browser) {
  return inPage(browser, () => ({
    html: document.documentElement.outerHTML,
    x: window.scrollX,
    y: window.scrollY,
    sheets: document.adoptedStyleSheets.length,
    overflow: getComputedStyle(document.documentElement).overflow,
  }));
}

/**
 * The settings the open overlay shows, read from the dialog.
 * @param {Firefox} browser
 * @returns {Promise<Shown>}
 */
function shownSettings(browser) {
  return inReader(browser, (root) => {
    const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
    /** @param {string} name */
    const d = (name) => dialog.getAttribute(`data-${name}`) || '';
    return { theme: d('theme'), font: d('font'), fontSize: parseFloat(getComputedStyle(dialog).fontSize), width: d('width'), lineHeight: d('line-height') };
  });
}

/**
 * Picks `value` in one of the toolbar's selects as a reader does, with the
 * keyboard (trusted key events; the reader ignores an untrusted `change`).
 * @param {Firefox} browser
 * @param {string} name The select's name (a settings field).
 * @param {string} value
 */
async function choose(browser, name, value) {
  const selector = `select[name="${name}"]`;
  const read = () =>
    inReader(
      browser,
      (root, sel) => {
        const select = /** @type {HTMLSelectElement} */ (root?.querySelector(sel));
        return { values: Array.from(select.options, (o) => o.value), value: select.value };
      },
      selector,
    );
  const { values, value: start } = await read();
  const to = values.indexOf(value);
  assert.ok(to >= 0, `${name} has no choice ${value}`);
  await focusInReader(browser, selector);
  for (let at = values.indexOf(start); at !== to; at += at < to ? 1 : -1) {
    await press(browser, at < to ? KEY.ArrowDown : KEY.ArrowUp);
  }
  assert.equal((await read()).value, value);
}

/**
 * Opens the settings panel if it is closed.
 * @param {Firefox} browser
 */
async function openPanel(browser) {
  const expanded = await inReader(browser, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await clickInReader(browser, '.aa');
}

/**
 * Picks a theme in the toolbar and closes the panel again.
 * @param {Firefox} browser
 * @param {string} theme
 */
async function setTheme(browser, theme) {
  await openPanel(browser);
  await choose(browser, 'theme', theme);
  await clickInReader(browser, '.aa');
  await waitInReader(browser, (root, want) => root?.querySelector('.quire')?.getAttribute('data-theme') === want, theme);
}

/**
 * Saves a screenshot of the selected tab's viewport.
 * @param {Firefox} browser
 * @param {string} name
 */
async function screenshot(browser, name) {
  const { value } = await browser.m.send('WebDriver:TakeScreenshot', { full: false, hash: false });
  await writeFile(join(ARTIFACTS, name), Buffer.from(value, 'base64'));
}

/**
 * Runs axe-core over the open overlay (inside its shadow root) and returns
 * the violations, each with its impact, rule and node count.
 * @param {Firefox} browser
 */
async function axeAudit(browser) {
  // Marionette's page scripts are not subject to the page's CSP.
  if (!(await inPage(browser, () => 'axe' in window))) {
    await browser.m.send('WebDriver:ExecuteScript', { script: `${AXE_SOURCE}\n;return typeof window.axe;`, args: [] });
  }
  // The root is closed, so axe (which walks `shadowRoot`) would see an empty
  // host. The system-principal script hands the root to the page's world, and
  // for the audit alone the host's `shadowRoot` gives it back to axe; a page
  // has no such way in.
  await inReader(browser, (root) => {
    /** @type {any} */ (window).wrappedJSObject.quireAuditRoot = root;
  });
  const { violations, contrastChecked } = await inPage(browser, async () => {
    const w = /** @type {any} */ (window);
    const own = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot'));
    Object.defineProperty(Element.prototype, 'shadowRoot', {
      configurable: true,
      get() {
        return this.id === 'quire-reader' ? w.quireAuditRoot : own.get?.call(this);
      },
    });
    // axe cannot work out background colours for an element outside <body>,
    // and the host sits on <html>. It is fixed and fills the viewport with an
    // opaque background, so it looks the same in <body>: audit it there, then
    // put it back.
    const host = /** @type {HTMLElement} */ (document.getElementById('quire-reader'));
    const home = /** @type {Node} */ (host.parentNode);
    document.body.append(host);
    /** @type {any} */
    let result;
    try {
      result = await w.axe.run({ include: [['#quire-reader']] });
    } finally {
      home.appendChild(host);
      Object.defineProperty(Element.prototype, 'shadowRoot', own);
      delete w.quireAuditRoot;
    }
    const contrast = result.passes.find((/** @type {any} */ r) => r.id === 'color-contrast');
    return {
      /** @type {{id: string, impact: string | null, nodes: number, help: string}[]} */
      violations: result.violations.map((/** @type {any} */ v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })),
      contrastChecked: contrast ? contrast.nodes.length : 0,
    };
  });
  // A guard against auditing nothing (a wrong shadow-DOM context selector).
  assert.ok(contrastChecked >= 3, `axe checked the contrast of only ${contrastChecked} elements in the overlay`);
  return { violations, contrastChecked };
}

test('settings survive closing and reopening the reader, and a browser restart', { skip: SKIP, timeout: 3 * TEST_TIMEOUT_MS }, async () => {
  // A browser of its own, with Quire installed from its zip as a user
  // installs it: a temporary add-on is removed, with its storage, at shutdown.
  const profile = await mkdtemp(join(tmpdir(), 'quire-ff-settings-profile-'));
  let browser = await launchFirefox({ profile, install: 'permanent' });
  const url = server.url('/typeset.html');
  const wanted = { theme: 'dark', font: 'sans', fontSize: 21, width: 'wide', lineHeight: 'loose' };
  try {
    await openTab(browser, url);
    await openReader(browser);
    assert.deepEqual(await shownSettings(browser), { theme: 'auto', font: 'serif', fontSize: 19, width: 'medium', lineHeight: 'normal' }, 'a new profile starts from the defaults');
    await openPanel(browser);
    await choose(browser, 'theme', 'dark');
    await choose(browser, 'font', 'sans');
    await clickInReader(browser, '.larger');
    await clickInReader(browser, '.larger');
    await choose(browser, 'width', 'wide');
    await choose(browser, 'lineHeight', 'loose');
    assert.deepEqual(await shownSettings(browser), wanted);
    const background = await inReader(browser, (root) => getComputedStyle(/** @type {Element} */ (root?.querySelector('.quire'))).backgroundColor);
    assert.equal(background, 'rgb(28, 29, 31)', 'the dark theme is in effect');

    // Close straight away: the pending write must not be lost.
    await press(browser, KEY.Escape);
    await waitForOverlayGone(browser);
    await openReader(browser);
    assert.deepEqual(await shownSettings(browser), wanted, 'after closing and reopening');
    await press(browser, KEY.Escape);
    await waitForOverlayGone(browser);

    // Browser restart on the same profile: the add-on and its pinned button
    // are still there, nothing is installed again.
    await browser.close();
    browser = await launchFirefox({ profile, install: 'none' });
    await openTab(browser, url);
    await openReader(browser);
    assert.deepEqual(await shownSettings(browser), wanted, 'after a browser restart');
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('Esc and a second click restore the page exactly after the toolbar was used', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  for (const how of ['Escape', 'toolbar click']) {
    await openTab(ff, server.url('/typeset.html'));
    try {
      await inPage(ff, () => window.scrollTo(0, 500));
      await inPage(ff, () => /** @type {HTMLElement} */ (document.querySelector('nav a')).focus({ preventScroll: true }));
      const before = await pageState(ff);
      assert.equal(before.y, 500, 'the fixture scrolls');
      await openReader(ff);
      assert.equal(await inPage(ff, () => getComputedStyle(document.documentElement).overflow), 'hidden', 'page scroll is locked');
      assert.equal((await pageState(ff)).y, 500, 'opening does not move the page');
      await openPanel(ff);
      await clickInReader(ff, '.smaller');
      await clickInReader(ff, '.larger');
      await choose(ff, 'width', 'narrow');
      await choose(ff, 'width', 'medium');
      if (how === 'Escape') await press(ff, KEY.Escape);
      else await clickToolbarButton(ff);
      await waitForOverlayGone(ff);
      const afterClose = await pageState(ff);
      assert.equal(afterClose.html, before.html, `${how}: the page serialisation is back as it was`);
      assert.deepEqual([afterClose.x, afterClose.y], [before.x, before.y], `${how}: the scroll position is back`);
      assert.equal(afterClose.sheets, before.sheets, `${how}: the scroll-lock sheet is gone`);
      assert.equal(afterClose.overflow, before.overflow, `${how}: the page scrolls again`);
      assert.equal(await inPage(ff, () => document.activeElement?.textContent), 'Rail Notes', `${how}: focus is back on the page link`);
      assert.equal((await readOverlay(ff)).present, false);
    } finally {
      await closeTab(ff);
    }
  }
});

test('axe-core finds no serious or critical violation in any theme or view', { skip: SKIP, timeout: 2 * TEST_TIMEOUT_MS }, async () => {
  /** @type {Record<string, {violations: {id: string, impact: string | null, nodes: number, help: string}[], contrastChecked: number}>} */
  const report = {};
  await openTab(ff, server.url('/typeset.html'));
  try {
    await openReader(ff);
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(ff, theme);
      await openPanel(ff); // audit the settings panel too
      report[`article, ${theme}`] = await axeAudit(ff);
      await clickInReader(ff, '.aa');
    }
    await setTheme(ff, 'light');
  } finally {
    await closeTab(ff);
  }
  for (const [path, state] of [['/listing.html', 'not-article'], ['/empty.html', 'error']]) {
    await openTab(ff, server.url(path));
    try {
      await openReader(ff, state);
      for (const theme of ['light', 'dark']) {
        await setTheme(ff, theme);
        report[`${state}, ${theme}`] = await axeAudit(ff);
      }
      await setTheme(ff, 'light');
    } finally {
      await closeTab(ff);
    }
  }
  await writeFile(join(ARTIFACTS, 'axe-overlay.json'), `${JSON.stringify(report, null, 2)}\n`);
  assert.equal(Object.keys(report).length, 7, 'every theme and view was audited');
  for (const [where, { violations }] of Object.entries(report)) {
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${where}: ${JSON.stringify(bad)}`);
  }
});

test('a right-to-left page is set right to left in its language; screenshots in three themes', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/rtl.html'));
  try {
    const view = await openReader(ff);
    assert.equal(view.title, 'مكتبة الحيّ تعيد فتح أبوابها بعد عامين من الترميم');
    assert.equal(view.byline, 'سلمى الخطيب');
    const set = await inReader(ff, (root) => {
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
        rightAligned: Math.abs(p.getClientRects()[0].right - /** @type {Element} */ (root.querySelector('.content')).getBoundingClientRect().right) < 2,
      };
    });
    assert.deepEqual(set, { dir: 'rtl', lang: 'ar', direction: 'rtl', titleDirection: 'rtl', quoteRule: '3px', toolbar: 'ltr', rightAligned: true, readingTime: 'ltr en-US' });
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(ff, theme);
      await screenshot(ff, `overlay-rtl-${theme}.png`);
    }
    await setTheme(ff, 'light');
  } finally {
    await closeTab(ff);
  }
});

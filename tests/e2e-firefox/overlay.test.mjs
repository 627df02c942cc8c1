// @ts-check
/**
 * End-to-end in Firefox: the reader overlay as a reader uses it, in
 * dist/firefox in headless Firefox ESR, on pages served from 127.0.0.1 under
 * a strict CSP, every time opened with a real click on the toolbar button:
 * settings that must survive closing, reopening and a browser restart, the
 * page restored exactly after Esc or a second click, an axe-core audit per
 * theme and view, a right-to-left page, typesetting the page's CSS cannot
 * reach, keyboard use, pages that are not articles, controls the page's
 * script cannot press, a long article in parts (and printed before it is all
 * in), and the button clicked in the extensions panel when it is not pinned.
 * The Firefox side of the corresponding tests in tests/e2e/overlay.test.mjs;
 * screenshots and the axe report go to out/e2e-firefox/.
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
  WIDGET_ID,
  BUTTON_SELECTOR,
  READER_ROOT,
  launchFirefox,
  openTab,
  closeTab,
  clickToolbarButton,
  inChrome,
  inPage,
  inReader,
  waitInReader,
  clickInReader,
  press,
  readOverlay,
  waitForOverlay,
  waitForOverlayGone,
  waitForPageLock,
  waitFor,
  choose,
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
 * the violations, each with its impact, rule and node count. The reader is
 * in a frame of its own (ui/overlay.js `isolate`): axe runs in that frame's
 * document, where the reader's host is, Marionette switched into it.
 * @param {Firefox} browser
 */
async function axeAudit(browser) {
  const { value: frame } = await browser.m.send('WebDriver:ExecuteScript', {
    sandbox: 'system',
    args: [],
    script: `return document.getElementById('quire-reader')?.openOrClosedShadowRoot?.querySelector('iframe') ?? null;`,
  });
  if (frame) await browser.m.send('WebDriver:SwitchToFrame', { element: Object.values(frame)[0], focus: false });
  try {
    return await axeAuditHere(browser);
  } finally {
    if (frame) await browser.m.send('WebDriver:SwitchToParentFrame');
  }
}

/**
 * {@link axeAudit} in the document Marionette is in.
 * @param {Firefox} browser
 */
async function axeAuditHere(browser) {
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
    // The host's own `Element.prototype`: the reader built in the page's
    // document keeps the page's prototypes when it moves into its frame.
    let proto = Object.getPrototypeOf(document.getElementById('quire-reader'));
    while (proto && !Object.getOwnPropertyDescriptor(proto, 'shadowRoot')) proto = Object.getPrototypeOf(proto);
    const own = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(proto, 'shadowRoot'));
    Object.defineProperty(proto, 'shadowRoot', {
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
      Object.defineProperty(proto, 'shadowRoot', own);
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

const TYPESET_TITLE = 'How the Tidewater line keeps its timetable honest';

test('the article is set for reading, and the page’s CSS cannot restyle it', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/typeset.html'));
  try {
    const pageStyle = () =>
      inPage(ff, () => {
        const p = /** @type {Element} */ (document.querySelector('article p'));
        const s = getComputedStyle(p);
        return [s.color, s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.backgroundColor, s.margin, s.whiteSpace].join('|');
      });
    const styleBefore = await pageStyle();
    const view = await openReader(ff);
    await openPanel(ff);
    await choose(ff, 'theme', 'light');
    await clickInReader(ff, '.aa');
    assert.equal(await pageStyle(), styleBefore, 'the overlay’s CSS changed the page’s');
    assert.equal(view.title, TYPESET_TITLE);
    assert.equal(view.byline, 'Marit Solberg');
    assert.match(view.dateTime ?? '', /^2026-06-14/);

    const set = await inReader(ff, (root) => {
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
      return {
        hostShown: getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().width > 0,
        // Adopted (Firefox 153), or a <style> where a content script cannot
        // adopt (quirks.js adoptSheet; Firefox 140, where this script's Xray
        // view of adoptedStyleSheets has no length).
        sheets: (Number(root.adoptedStyleSheets?.length) || 0) + root.querySelectorAll('style').length,
        direction: cs('.quire').direction,
        h1Size: parseFloat(cs('h1').fontSize),
        h1Color: cs('h1').color,
        pFont: cs('.content p').fontFamily,
        pSize: parseFloat(cs('.content p').fontSize),
        pLetterSpacing: cs('.content p').letterSpacing,
        pTransform: cs('.content p').textTransform,
        pStyle: cs('.content p').fontStyle,
        pLineHeight: parseFloat(cs('.content p').lineHeight),
        cursor: cs('.content p').cursor,
        perLine: full.reduce((a, b) => a + b, 0) / full.length,
        preFont: getComputedStyle(pre).fontFamily,
        preWhiteSpace: getComputedStyle(pre).whiteSpace,
        preOverflowX: getComputedStyle(pre).overflowX,
        preScrolls: pre.scrollWidth > pre.clientWidth,
        preTabIndex: pre.getAttribute('tabindex'),
        tableWrapped: Boolean(root.querySelector('.content .table-scroll > table')),
        quote: cs('.content blockquote').fontStyle,
        images: Array.from(root.querySelectorAll('img'), (img) => img.getAttribute('loading')),
      };
    });
    assert.ok(set.hostShown, 'the page’s `#quire-reader { display: none !important }` hid the overlay');
    assert.ok(set.sheets >= 1, 'the overlay has its sheet');
    assert.equal(set.direction, 'ltr', 'the page’s `direction: rtl` reached the overlay');
    assert.ok(set.h1Size >= 30, `headline is ${set.h1Size}px: the page’s 10px root font size reached the overlay`);
    assert.notEqual(set.h1Color, 'rgb(255, 0, 0)');
    assert.doesNotMatch(set.pFont, /fantasy/);
    assert.equal(set.pSize, 19, 'the default text size');
    assert.equal(set.pLetterSpacing, 'normal');
    assert.equal(set.pTransform, 'none');
    assert.equal(set.pStyle, 'normal');
    assert.equal(set.cursor, 'auto');
    assert.ok(Math.abs(set.pLineHeight - 19 * 1.65) < 0.5, `line height ${set.pLineHeight}px`);
    assert.ok(set.perLine >= 60 && set.perLine <= 75, `measure is ${set.perLine.toFixed(1)} characters per line`);
    assert.match(set.preFont, /mono/i);
    assert.equal(set.preWhiteSpace, 'pre', 'code does not wrap');
    assert.equal(set.preOverflowX, 'auto');
    assert.ok(set.preScrolls, 'the long code line scrolls sideways');
    assert.equal(set.preTabIndex, '0', 'a scrolling code block takes keyboard focus');
    assert.ok(set.tableWrapped, 'a table sits in its own sideways scroller');
    assert.equal(set.quote, 'italic');
    assert.ok(set.images.length > 0 && set.images.every((l) => l === 'lazy'), `image loading: ${set.images}`);
    await screenshot(ff, 'overlay-typeset.png');
  } finally {
    await closeTab(ff);
  }
});

test('the toolbar’s labels are drawn, not text, with the adopted sheet and the <style> fallback: the dialog’s innerText starts with the site name and headline; each control shows its label and keeps its name', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  // Without the page CSP: the test's own <style> below (standing in for the
  // content script's) would be the page's, and `style-src 'self'` drops it.
  const open = await serve({ root: FIXTURES });
  await openTab(ff, open.url('/longread.html'));
  try {
    await openReader(ff);
    await waitInReader(ff, (root) => Boolean(root?.querySelector('.bar .toc-button')));
    const read = () =>
      inReader(ff, (root) => {
        const dialog = /** @type {HTMLElement} */ (root?.querySelector('[role="dialog"]'));
        /**
         * What a control draws: its ::before content, with Firefox's computed
         * `attr(data-quire-label)` resolved against the node (Chromium resolves it itself).
         * @param {Element | null | undefined} node
         */
        const drawn = (node) => {
          const content = node ? getComputedStyle(node, '::before').content : '';
          return content === 'attr(data-quire-label)' ? JSON.stringify(node?.getAttribute('data-quire-label')) : content;
        };
        return {
          sheet: root?.querySelector('style') ? `style element, ${root?.querySelector('style')?.sheet?.cssRules.length ?? 'no'} rules` : `${root?.adoptedStyleSheets.length} adopted`,
          innerText: dialog.innerText,
          site: /** @type {HTMLElement} */ (root?.querySelector('.site')).innerText.trim(),
          title: /** @type {HTMLElement} */ (root?.querySelector('h1.title')).innerText.trim(),
          controls: ['.aa', '.toc-button', '.copy', '.print', '.read-aloud-toggle', '.close'].map((sel) => {
            const node = root?.querySelector(`.bar ${sel}`);
            return { sel, text: node?.textContent ?? null, name: node?.getAttribute('aria-label') ?? null, drawn: drawn(node), glyph: drawn(node?.querySelector('.glyph')), width: Math.round(node?.getBoundingClientRect().width ?? 0) };
          }),
        };
      });
    const q = JSON.stringify;
    const want = [
      { sel: '.aa', text: '', name: 'Reader settings', drawn: 'none', glyph: q('Aa') },
      { sel: '.toc-button', text: '', name: 'Contents', drawn: 'none', glyph: q('☰') },
      { sel: '.copy', text: '', name: 'Copy as Markdown', drawn: q('Copy as Markdown'), glyph: '' },
      { sel: '.print', text: '', name: 'Print', drawn: q('Print'), glyph: '' },
      { sel: '.read-aloud-toggle', text: '', name: 'Read aloud', drawn: q('Read aloud'), glyph: '' },
      { sel: '.close', text: '', name: 'Close the reader (Esc)', drawn: q('Close'), glyph: '' },
    ];
    /** @param {Awaited<ReturnType<typeof read>>} seen */
    const check = (seen) => {
      const lines = seen.innerText.split('\n').map((l) => l.trim()).filter(Boolean);
      assert.deepEqual(lines.slice(0, 2), [seen.site, seen.title], `(${seen.sheet}) the dialog's text starts: ${JSON.stringify(seen.innerText.slice(0, 200))}`);
      for (const label of ['Reader settings', 'Contents', 'Copy as Markdown', 'Print', 'Read aloud', 'Close']) {
        assert.ok(!seen.innerText.includes(label), `(${seen.sheet}) the dialog's innerText holds “${label}”`);
      }
      assert.deepEqual(seen.controls.map(({ sel, text, name, drawn, glyph }) => ({ sel, text, name, drawn, glyph })), want, `(${seen.sheet})`);
    };
    const adopted = await read();
    check(adopted);
    // The label is laid out: Copy as Markdown is as wide as its words.
    const copyWidth = adopted.controls[2].width;
    assert.ok(copyWidth > 100, `Copy as Markdown is ${copyWidth}px wide`);

    // The <style> fallback (shared/quirks.js adoptSheet, where Firefox refuses
    // a constructed sheet): the same rules in a <style> in the root instead.
    await inReader(ff, (root) => {
      if (!root) return;
      const css = Array.from(root.adoptedStyleSheets, (sheet) => Array.from(sheet.cssRules, (r) => r.cssText).join('\n')).join('\n');
      const style = document.createElement('style');
      style.textContent = css;
      root.prepend(style);
      root.adoptedStyleSheets = [];
    });
    const fallback = await read();
    assert.match(fallback.sheet, /^style element, \d+ rules$/);
    check(fallback);
    assert.deepEqual(fallback.controls.map((c) => c.width), adopted.controls.map((c) => c.width), 'the controls are as wide under the <style> fallback');
  } finally {
    await closeTab(ff);
    await open.close();
  }
});

test('every control is reachable by Tab, labelled, with a visible focus, and Tab stays in the dialog', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/typeset.html'));
  try {
    await openReader(ff);
    await openPanel(ff);
    await inReader(ff, (root) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).focus());
    /** @type {{name: string, outline: string, inside: boolean}[]} */
    const stops = [];
    for (let i = 0; i < 24; i++) {
      await press(ff, KEY.Tab);
      stops.push(
        await inReader(ff, (root) => {
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
    assert.ok(stops.slice(1).some((s) => s.name === stops[0].name), 'Tab does not cycle within the dialog');
  } finally {
    await closeTab(ff);
  }
});

test('a page that is not an article says so, and offers Show anyway and a way back', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/listing.html'));
  try {
    const before = await pageState(ff);
    const view = await openReader(ff, 'not-article');
    assert.equal(view.labelText, 'This page doesn’t look like an article');
    assert.match(view.text, /looks like something else/);
    assert.equal(await inReader(ff, (root) => root?.activeElement?.textContent), 'Show anyway', 'focus is on Show anyway');
    await press(ff, KEY.Enter);
    await waitInReader(ff, (root) => root?.querySelector('.quire')?.getAttribute('data-state') === 'article');
    const shown = await readOverlay(ff);
    assert.ok(shown.text.includes('Fenwick Town drew two all'), 'Show anyway shows the text the core found');
    await clickToolbarButton(ff);
    await waitForOverlayGone(ff);

    // "Back to the page" closes it.
    await openReader(ff, 'not-article');
    await clickInReader(ff, 'button.back');
    await waitForOverlayGone(ff);
    assert.equal((await pageState(ff)).html, before.html);
  } finally {
    await closeTab(ff);
  }
});

/**
 * What a control could have changed: the view, the settings in effect, the
 * panel and the status line.
 * @param {Firefox} browser
 */
async function readerEffects(browser) {
  const settings = await shownSettings(browser);
  const rest = await inReader(browser, (root) => {
    if (!root) return { present: false };
    return {
      present: true,
      state: root.querySelector('.quire')?.getAttribute('data-state'),
      panelHidden: /** @type {HTMLElement} */ (root.querySelector('.panel')).hidden,
      expanded: root.querySelector('.aa')?.getAttribute('aria-expanded'),
      announce: root.querySelector('.announce')?.textContent,
    };
  });
  return { ...rest, settings };
}

/**
 * The page's own script, handed the reader's closed root (which no page
 * has), dispatches a synthetic event of each kind a control listens to on
 * every control: the reader must act on none (`isTrusted`). Returns whether
 * the page's `beforeprint` fired.
 * @param {Firefox} browser
 */
async function pressEverythingFromThePage(browser) {
  await inReader(browser, (root) => {
    /** @type {any} */ (window).wrappedJSObject.quireAttackRoot = root;
  });
  return inPage(browser, async () => {
    const w = /** @type {any} */ (window);
    const root = /** @type {ShadowRoot} */ (w.quireAttackRoot);
    delete w.quireAttackRoot;
    let printed = false;
    window.addEventListener('beforeprint', () => (printed = true));
    for (const button of Array.from(root.querySelectorAll('button'))) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
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
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { printed };
  });
}

test('page script cannot press the reader’s controls: synthetic clicks, change and keydown do nothing', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/typeset.html'));
  try {
    await openReader(ff);
    const before = await readerEffects(ff);
    assert.equal(before.state, 'article');
    const seen = await pressEverythingFromThePage(ff);
    assert.deepEqual(await readerEffects(ff), before, 'no control acted on the page’s events');
    assert.equal(seen.printed, false, 'Print did not print');
    // The same controls work for the reader (so the test can fail).
    await clickInReader(ff, '.aa');
    assert.equal((await readerEffects(ff)).expanded, 'true', 'a real click on Aa opens the settings');
    await press(ff, KEY.Escape);
    await waitForOverlayGone(ff);
  } finally {
    await closeTab(ff);
  }
});

const ALL_NOTES = Array.from({ length: 120 }, (_, i) => i + 1);

/**
 * Arms a watcher with the system principal (which sees into the closed root
 * as it happens): when the reader puts its article content on the page, a
 * mutation observer (a microtask, so before any later task or frame) records
 * what it shows; with `print`, it then dispatches `beforeprint` as the
 * browser does before it prints, and records again.
 * @param {Firefox} browser
 * @param {'none' | 'print'} action
 */
async function watchFirstFrame(browser, action) {
  await browser.m.send('WebDriver:ExecuteScript', {
    sandbox: 'system',
    newSandbox: true,
    args: [action],
    script: `
      const what = arguments[0];
      const g = globalThis;
      g.quireFirstFrame = null;
      const read = (content) => {
        const text = (content.textContent || '').replace(/\\s+/g, ' ');
        return {
          busy: content.getAttribute('aria-busy'),
          notes: Array.from(text.matchAll(/Survey note (\\d+):/g), (m) => Number(m[1])),
          end: text.includes('The end of the survey'),
        };
      };
      const observer = new MutationObserver(() => {
        const root = ${READER_ROOT};
        if (!root) return;
        observer.observe(root, { childList: true, subtree: true });
        const content = root.querySelector('.content');
        if (!content) return;
        observer.disconnect();
        g.quireContent = content;
        const first = read(content);
        if (what === 'print') window.dispatchEvent(new Event('beforeprint'));
        g.quireFirstFrame = { ...first, after: what === 'none' ? null : read(content), locked: getComputedStyle(document.documentElement).overflow === 'hidden' };
      });
      observer.observe(document.documentElement, { childList: true });
      return true;`,
  });
}

/**
 * The watcher's record, once there is one.
 * @param {Firefox} browser
 * @returns {Promise<{busy: string | null, notes: number[], end: boolean, after: {busy: string | null, notes: number[], end: boolean} | null, locked: boolean}>}
 */
async function firstFrame(browser) {
  for (let i = 0; i < 200; i++) {
    const { value } = await browser.m.send('WebDriver:ExecuteScript', { sandbox: 'system', args: [], script: 'return globalThis.quireFirstFrame;' });
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the watcher saw no first frame');
}

test('a long article shows its first part at once and the rest right after, whole and in order', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/long.html'));
  try {
    await watchFirstFrame(ff, 'none');
    const view = await openReader(ff);
    const first = await firstFrame(ff);
    assert.equal(first.busy, 'true', 'the first frame says more is coming');
    assert.equal(first.locked, false, 'the page is not locked while the article comes in');
    assert.ok(first.notes.length >= 3, `the first frame has the first screenfuls (${first.notes.length} notes)`);
    assert.deepEqual(first.notes, ALL_NOTES.slice(0, first.notes.length), 'the first part is the start of the article');
    assert.ok(first.notes.length < 60 && !first.end, `the first frame has only a part (${first.notes.length} notes)`);
    assert.equal(view.title, 'A year on the towpath: the full survey of the Sowe canal');
    assert.ok(view.focusInside, 'focus is in the reader from the first frame');

    await waitInReader(ff, (root) => !root?.querySelector('.content[aria-busy]'));
    const whole = await inReader(ff, (root) => {
      if (!root) throw new Error('no reader');
      const content = /** @type {HTMLElement} */ (root.querySelector('.content'));
      return {
        notes: Array.from(content.innerText.matchAll(/Survey note (\d+):/g), (m) => Number(m[1])),
        end: content.innerText.includes('The end of the survey'),
        headings: Array.from(content.querySelectorAll('h2'), (h) => h.textContent),
        focusInside: Boolean(root.activeElement),
      };
    });
    const same = (await ff.m.send('WebDriver:ExecuteScript', {
      sandbox: 'system',
      args: [],
      script: `return (${READER_ROOT})?.querySelector('.content') === globalThis.quireContent;`,
    })).value;
    assert.ok(same, 'the parts went into the same content element');
    assert.deepEqual(whole.notes, ALL_NOTES, 'every note, once, in order (innerText: as copy and find see it)');
    assert.ok(whole.end, 'the last paragraph is in');
    assert.deepEqual(whole.headings, ['Part 1 of the survey', 'Part 2 of the survey', 'Part 3 of the survey', 'Part 4 of the survey', 'Part 5 of the survey', 'Part 6 of the survey']);
    assert.ok(whole.focusInside, 'focus stayed in the reader');
  } finally {
    await closeTab(ff);
  }
});

test('printing before the rest of a long article is in prints all of it', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/long.html'));
  /** Sets the tab's CSS media type, as print preview does (`print`) or back (`''`). @param {string} medium */
  const emulate = (medium) =>
    inChrome(ff.m, () => ff.m.send('WebDriver:ExecuteScript', { args: [medium], script: 'gBrowser.selectedBrowser.browsingContext.top.mediumOverride = arguments[0];' }));
  try {
    await watchFirstFrame(ff, 'print');
    await openReader(ff);
    const first = await firstFrame(ff);
    assert.equal(first.busy, 'true');
    assert.ok(!first.end, 'the first frame had only a part');
    assert.deepEqual(first.after, { busy: null, notes: ALL_NOTES, end: true }, 'beforeprint appended the rest at once');
    assert.equal(first.locked, true, 'beforeprint applied the page sheet at once, whose print rule hides the page');
    await emulate('print');
    const printed = await inReader(ff, (root) => {
      const content = /** @type {HTMLElement} */ (root?.querySelector('.content'));
      return { end: content.innerText.includes('The end of the survey'), pageHidden: getComputedStyle(document.body).display === 'none', bar: getComputedStyle(/** @type {Element} */ (root?.querySelector('.bar'))).display };
    });
    assert.deepEqual(printed, { end: true, pageHidden: true, bar: 'none' }, 'the print view shows the whole article alone');
  } finally {
    await emulate('').catch(() => {});
    await closeTab(ff);
  }
});

test('unpinned, the button is clicked in the extensions panel and opens the reader all the same', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  const browser = await launchFirefox();
  try {
    await openTab(browser, server.url('/typeset.html'));
    // Back where Firefox puts a new add-on's button: the extensions panel.
    await inChrome(browser.m, () =>
      browser.m.send('WebDriver:ExecuteScript', { args: [WIDGET_ID], script: 'CustomizableUI.addWidgetToArea(arguments[0], CustomizableUI.AREA_ADDONS);' }),
    );
    /** @param {string} selector */
    const click = async (selector) => {
      const found = await browser.m.send('WebDriver:FindElement', { using: 'css selector', value: selector });
      await browser.m.send('WebDriver:ElementClick', { id: Object.values(found.value)[0] });
    };
    await inChrome(browser.m, async () => {
      const area = (await browser.m.send('WebDriver:ExecuteScript', { args: [WIDGET_ID], script: 'return CustomizableUI.getPlacementOfWidget(arguments[0]).area;' })).value;
      assert.equal(area, 'unified-extensions-area', 'the button is in the panel, not on the toolbar');
      await click('#unified-extensions-button');
      await waitFor(
        () => browser.m.send('WebDriver:ExecuteScript', { args: [], script: `return document.getElementById('unified-extensions-panel')?.state;` }).then((r) => r.value),
        (state) => state === 'open',
        5_000,
        'the extensions panel to open',
      );
      await click(`#unified-extensions-panel ${BUTTON_SELECTOR}`);
    });
    const view = await waitForOverlay(browser);
    assert.equal(view.state, 'article');
    assert.equal(view.title, TYPESET_TITLE);
  } finally {
    await browser.close();
  }
});

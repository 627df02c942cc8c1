// @ts-check
/**
 * End-to-end: the long-read aids and the type settings (issue 21, items 5
 * and 6), in the built extension (dist/chrome-test) in headless Chromium, on
 * a long fixture of our own prose (fixtures/longread.html, eight h2–h4
 * headings) served under a strict CSP (`default-src 'none'`, so `font-src`
 * is `'none'` too):
 * - the table of contents opens from the toolbar (a real click), jumps to a
 *   heading (the reader scrolls, the page does not, focus moves there), and
 *   Esc closes it before the reader; a short article has no contents button;
 * - the progress bar grows when the reader scrolls (mouse wheel);
 * - closing and reopening the same address returns to where the reader left
 *   off, and corrupt stored positions do not break the reader;
 * - letter and word spacing, justified alignment and images off take effect
 *   (computed style) and survive closing and reopening;
 * - the bundled legible font is used (FontFace loaded, computed family,
 *   and the platform font DevTools reports for the text);
 * - axe-core finds no violation with the contents panel open in light, sepia
 *   and dark.
 * Screenshots: docs/screenshots/toc.png and docs/screenshots/type.png.
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
  waitForPageLock,
  inReader,
  waitInReader,
  focusInReader,
  auditReader,
  choose,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const TEST_TIMEOUT_MS = 90_000;
const HEADINGS = [
  'Why a lock needs a keeper',
  'The ledger and its columns',
  'Filling and emptying without waste',
  'Paddles, pawls and the sound of a leak',
  'Working with the weather',
  'Frost and wind',
  'A note on windlasses',
  'Handing the lock on',
];

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @typedef {import('playwright-core').Page} Page */

/** @param {string} url */
async function openPage(url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500); // past Chromium's page-load race window (see overlay.test.mjs)
  return page;
}

/** @param {Page} page */
async function openReader(page) {
  await clickAction(browser, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
  await waitForPageLock(page);
  return view;
}

/** @param {Page} page */
async function closeReader(page) {
  await page.keyboard.press('Escape');
  await waitForOverlayGone(page);
}

/**
 * A trusted mouse click on the element `selector` finds in the reader, where
 * it is now (unlike lib.mjs clickInReader, it does not scroll the reader to it).
 * @param {Page} page
 * @param {string} selector
 */
async function click(page, selector) {
  const box = await waitInReader(
    page,
    (root, sel) => {
      const el = root?.querySelector(sel);
      const r = el?.getBoundingClientRect();
      return r && r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    selector,
  );
  if (!box) throw new Error(`click: no ${selector}`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Polls `fn` until it returns something truthy (5 s at most).
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(fn) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await fn();
    if (value) return /** @type {NonNullable<T>} */ (value);
    if (Date.now() > deadline) throw new Error(`waitFor: timed out on ${fn.toString().slice(0, 200)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** @param {Page} page */
async function openSettings(page) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await click(page, '.aa');
}

/** @param {Page} page */
async function closeSettings(page) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded === 'true') await click(page, '.aa');
}

/**
 * The reader's scroll state.
 * @param {Page} page
 */
function scrollState(page) {
  return inReader(page, (root) => {
    const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
    const bar = /** @type {HTMLElement} */ (root?.querySelector('.progress-bar'));
    const m = /matrix\(([-\d.e]+)/.exec(getComputedStyle(bar).transform);
    return { top: dialog.scrollTop, max: dialog.scrollHeight - dialog.clientHeight, scale: m ? Number(m[1]) : 0 };
  });
}

/**
 * Scrolls the reader with the mouse wheel by `dy` and waits for it to settle.
 * @param {Page} page
 * @param {number} dy
 */
async function wheel(page, dy) {
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, dy);
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const { top } = await scrollState(page);
    if (top === last) break;
    last = top;
  }
}

/**
 * Runs axe-core over the open overlay (lib.mjs auditReader).
 * @param {Page} page
 */
async function axeAudit(page) {
  const { violations, contrastChecked } = await auditReader(page);
  return { violations: violations.map((v) => `${v.id} (${v.impact}, ${v.nodes}): ${v.targets.join('; ')}`), contrastChecked };
}

test('the table of contents opens from the toolbar, jumps to a heading, and Esc closes it before the reader', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(server.url('/longread.html'));
  try {
    await openReader(page);
    const closed = await inReader(page, (root) => ({
      button: !root?.querySelector('.toc-button')?.hasAttribute('hidden'),
      panel: root?.querySelector('.toc')?.hasAttribute('hidden'),
      name: root?.querySelector('.toc-button')?.getAttribute('aria-label')?.trim(),
    }));
    assert.deepEqual(closed, { button: true, panel: true, name: 'Contents' }, 'a contents button with a name, its panel closed');

    await click(page, '.toc-button');
    const open = await inReader(page, (root) => ({
      expanded: root?.querySelector('.toc-button')?.getAttribute('aria-expanded'),
      links: Array.from(root?.querySelectorAll('.toc a') ?? [], (a) => a.textContent),
      focused: root?.activeElement?.textContent,
    }));
    assert.equal(open.expanded, 'true');
    assert.deepEqual(open.links, HEADINGS, 'every h2–h4 of the article, in order');
    assert.equal(open.focused, HEADINGS[0], 'focus moves to the first link');
    await page.screenshot({ path: join(SCREENSHOTS, 'toc.png') });

    const before = await page.evaluate(() => ({ x: scrollX, y: scrollY, hash: location.hash }));
    await click(page, '.toc li:nth-child(5) a');
    const landed = await waitInReader(page, (root) => {
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
      const heading = /** @type {HTMLElement} */ (root?.querySelectorAll('.content h2, .content h3, .content h4')[4]);
      const bar = /** @type {HTMLElement} */ (root?.querySelector('.bar')).getBoundingClientRect().bottom;
      const top = heading.getBoundingClientRect().top;
      // Smooth scrolling may take a few frames: wait until the heading is just under the toolbar.
      if (!(top >= bar - 2 && top <= bar + 40)) return null;
      return {
        text: heading.textContent,
        focused: root?.activeElement === heading,
        scrolled: dialog.scrollTop > 0,
        panelHidden: root?.querySelector('.toc')?.hasAttribute('hidden'),
      };
    });
    assert.deepEqual(landed, { text: HEADINGS[4], focused: true, scrolled: true, panelHidden: true }, 'the reader scrolled to the heading, which has focus');
    assert.deepEqual(await page.evaluate(() => ({ x: scrollX, y: scrollY, hash: location.hash })), before, 'the page neither scrolled nor changed its address');

    // Keyboard: Tab reaches the button, Enter opens, Esc closes the panel (focus back on the button), Esc again closes the reader.
    await focusInReader(page, '.toc-button');
    await page.keyboard.press('Enter');
    await waitInReader(page, (root) => root?.querySelector('.toc-button')?.getAttribute('aria-expanded') === 'true');
    await page.keyboard.press('Tab');
    assert.equal(await inReader(page, (root) => root?.activeElement?.textContent), HEADINGS[1], 'Tab moves through the links');
    await page.keyboard.press('Escape');
    const afterEsc = await inReader(page, (root) => ({
      open: Boolean(root),
      panelHidden: root?.querySelector('.toc')?.hasAttribute('hidden'),
      focusOnButton: root?.activeElement === root?.querySelector('.toc-button'),
    }));
    assert.deepEqual(afterEsc, { open: true, panelHidden: true, focusOnButton: true }, 'the first Esc closes only the contents');

    // One panel at a time: the contents close the settings, and the settings the contents.
    await openSettings(page);
    await click(page, '.toc-button');
    const panels = () => inReader(page, (root) => ({ settings: !root?.querySelector('#quire-reader-settings')?.hasAttribute('hidden'), toc: !root?.querySelector('.toc')?.hasAttribute('hidden') }));
    assert.deepEqual(await panels(), { settings: false, toc: true });
    await click(page, '.aa');
    assert.deepEqual(await panels(), { settings: true, toc: false });
    await closeSettings(page);
    await closeReader(page);
  } finally {
    await page.close();
  }
});

test('an article with fewer than three headings has no contents button', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(server.url('/typeset.html'));
  try {
    await openReader(page);
    assert.equal(await inReader(page, (root) => root?.querySelector('.toc-button')?.hasAttribute('hidden')), true);
    await closeReader(page);
  } finally {
    await page.close();
  }
});

test('the progress bar follows the reader’s scroll, and reopening returns to where the reader left off', { timeout: TEST_TIMEOUT_MS }, async () => {
  // Test 1 left this article scrolled to a heading: start from nothing stored.
  await browser.worker.evaluate(() => chrome.storage.local.clear());
  const url = server.url('/longread.html#ledger');
  const page = await openPage(url);
  try {
    await openReader(page);
    const start = await scrollState(page);
    assert.equal(start.top, 0);
    assert.ok(start.max > 1500, `the fixture scrolls (${start.max} px)`);
    assert.ok(start.scale < 0.01, `the bar starts empty (${start.scale})`);
    await wheel(page, 1200);
    const middle = await scrollState(page);
    assert.ok(middle.top > 600, `the wheel scrolled the reader (${middle.top})`);
    assert.ok(Math.abs(middle.scale - middle.top / middle.max) < 0.02, `the bar shows the fraction scrolled (${middle.scale} vs ${middle.top / middle.max})`);
    const hidden = await inReader(page, (root) => root?.querySelector('.progress')?.getAttribute('aria-hidden'));
    assert.equal(hidden, 'true', 'the bar is decoration for assistive technology');
    const mark = await inReader(page, (root) => {
      const bar = /** @type {HTMLElement} */ (root?.querySelector('.bar')).getBoundingClientRect().bottom;
      const p = Array.from(root?.querySelectorAll('.content p') ?? []).find((el) => el.getBoundingClientRect().bottom > bar + 5);
      return p?.textContent?.slice(0, 60);
    });
    // Saved while reading (a moment after the scroll), before any close.
    const whileOpen = await waitFor(async () => {
      const now = await browser.worker.evaluate(() => chrome.storage.local.get('quire.positions'));
      return /** @type {any} */ (now['quire.positions'])?.entries?.[server.url('/longread.html')] ?? null;
    });
    assert.ok(whileOpen.block > 0 && whileOpen.fraction > 0.1, `saved on scroll: ${JSON.stringify(whileOpen)}`);
    await closeReader(page);

    // Stored in storage.local under the address without its fragment.
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('quire.positions'));
    const keys = Object.keys(/** @type {any} */ (stored['quire.positions'])?.entries ?? {});
    assert.deepEqual(keys, [server.url('/longread.html')], 'one entry, keyed by the address without its fragment');

    // Reload (a new visit to the same address) and reopen.
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(500);
    await openReader(page);
    const back = await waitInReader(page, (root) => {
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
      return dialog.scrollTop > 0 ? dialog.scrollTop : null;
    });
    assert.ok(back !== null && Math.abs(back - middle.top) < 40, `back where the reader left off (${back} vs ${middle.top})`);
    const markAgain = await inReader(page, (root) => {
      const bar = /** @type {HTMLElement} */ (root?.querySelector('.bar')).getBoundingClientRect().bottom;
      const p = Array.from(root?.querySelectorAll('.content p') ?? []).find((el) => el.getBoundingClientRect().bottom > bar + 5);
      return p?.textContent?.slice(0, 60);
    });
    assert.equal(markAgain, mark, 'the same paragraph is at the top');
    const bar = await scrollState(page);
    assert.ok(bar.scale > 0.1, 'the progress bar shows the restored position');
    await closeReader(page);

    // Corrupt or hostile stored positions: the reader opens at the top as usual.
    for (const junk of ['junk', { v: 1, entries: { [server.url('/longread.html')]: { block: -4, offset: 'x', fraction: 9, at: 'now' } } }, { v: 1, entries: null }]) {
      await browser.worker.evaluate((value) => chrome.storage.local.set({ 'quire.positions': value }), junk);
      await page.reload({ waitUntil: 'load' });
      await page.waitForTimeout(500);
      await openReader(page);
      await page.waitForTimeout(300);
      assert.equal((await scrollState(page)).top, 0, `opens at the top with ${JSON.stringify(junk)}`);
      await closeReader(page);
    }
  } finally {
    await page.close();
  }
});

test('letter and word spacing, justified text, images off and the legible font take effect and survive reopening', { timeout: 2 * TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(server.url('/longread.html'));
  /** @param {Page} p */
  const typeState = (p) =>
    inReader(p, (root) => {
      const para = /** @type {HTMLElement} */ (root?.querySelector('.content p'));
      const style = getComputedStyle(para);
      const img = root?.querySelector('.content img');
      return {
        letterSpacing: style.letterSpacing,
        wordSpacing: style.wordSpacing,
        textAlign: style.textAlign,
        hyphens: style.hyphens,
        lang: para.closest('[lang]')?.getAttribute('lang') ?? null,
        imageShown: img ? getComputedStyle(img).display !== 'none' : null,
        fontSize: parseFloat(style.fontSize),
        fontFamily: style.fontFamily,
      };
    });
  try {
    await openReader(page);
    const plain = await typeState(page);
    assert.equal(plain.letterSpacing, 'normal');
    assert.equal(plain.wordSpacing, '0px');
    assert.equal(plain.textAlign, 'start');
    assert.equal(plain.imageShown, true);

    await openSettings(page);
    await choose(page, 'letterSpacing', 'wide');
    await choose(page, 'wordSpacing', 'wide');
    await choose(page, 'align', 'justify');
    await choose(page, 'images', 'hide');
    await choose(page, 'font', 'legible');
    await closeSettings(page);
    const wide = await typeState(page);
    const em = wide.fontSize;
    assert.ok(Math.abs(parseFloat(wide.letterSpacing) - 0.05 * em) < 0.1, `letter spacing 0.05em (${wide.letterSpacing} at ${em}px)`);
    assert.ok(Math.abs(parseFloat(wide.wordSpacing) - 0.08 * em) < 0.1, `word spacing 0.08em (${wide.wordSpacing})`);
    await page.screenshot({ path: join(SCREENSHOTS, 'type.png') });

    await openSettings(page);
    await choose(page, 'letterSpacing', 'wider');
    await choose(page, 'wordSpacing', 'wider');
    await closeSettings(page);
    const set = await typeState(page);
    assert.ok(Math.abs(parseFloat(set.letterSpacing) - 0.12 * em) < 0.1, `letter spacing 0.12em (${set.letterSpacing} at ${em}px)`);
    assert.ok(Math.abs(parseFloat(set.wordSpacing) - 0.16 * em) < 0.1, `word spacing 0.16em (${set.wordSpacing})`);
    assert.equal(set.textAlign, 'justify');
    assert.equal(set.hyphens, 'auto');
    assert.equal(set.lang, 'en', 'hyphenation in the article’s language');
    assert.equal(set.imageShown, false, 'images hidden');
    assert.match(set.fontFamily, /^"Quire Legible [0-9a-f]{12}"/, 'the legible family first');

    // The legible faces are loaded from the extension's files despite the page's font-src 'none'.
    const family = /** @type {string} */ (/"([^"]+)"/.exec(set.fontFamily)?.[1]);
    const fonts = await waitInReader(
      page,
      (root, fam) => {
        const faces = Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '') === fam);
        return faces.length > 0 && faces.every((f) => f.status === 'loaded') && document.fonts.check(`16px "${fam}"`)
          ? { faces: faces.length, weights: [...new Set(faces.map((f) => f.weight))].sort() }
          : null;
      },
      family,
    );
    assert.deepEqual(fonts, { faces: 8, weights: ['400', '700'] });
    const platform = await platformFonts(page, '.content p');
    assert.ok(platform.some((f) => /Atkinson Hyperlegible/i.test(f.familyName)), `the text is drawn in Atkinson Hyperlegible (${JSON.stringify(platform)})`);

    await closeReader(page);
    await page.waitForTimeout(600); // past the settings' save delay
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(500);
    await openReader(page);
    const again = await typeState(page);
    assert.deepEqual({ ...again, fontFamily: again.fontFamily.replace(/[0-9a-f]{12}/, '') }, { ...set, fontFamily: set.fontFamily.replace(/[0-9a-f]{12}/, '') }, 'every setting survives closing and reopening');
    const stored = await browser.worker.evaluate(() => chrome.storage.sync.get('quire.settings'));
    assert.deepEqual(
      stored['quire.settings'],
      { schema: 2, theme: 'auto', font: 'legible', fontSize: 19, width: 'medium', lineHeight: 'normal', letterSpacing: 'wider', wordSpacing: 'wider', align: 'justify', images: false, showRemoved: false },
    );

    // Back to the defaults, for the tests after this one.
    await openSettings(page);
    await choose(page, 'letterSpacing', 'normal');
    await choose(page, 'wordSpacing', 'normal');
    await choose(page, 'align', 'start');
    await choose(page, 'images', 'show');
    await choose(page, 'font', 'serif');
    await closeSettings(page);
    const reset = await typeState(page);
    assert.deepEqual([reset.letterSpacing, reset.wordSpacing, reset.textAlign, reset.imageShown], ['normal', '0px', 'start', true]);
    await closeReader(page);
    // Closing takes the legible faces out of the page's font set.
    const left = await page.evaluate((fam) => Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '') === fam).length, family);
    assert.equal(left, 0, 'no legible face left in the page after closing');
  } finally {
    await page.close();
  }
});

/**
 * The platform fonts DevTools says the text of the element `selector` finds
 * in the reader is drawn with.
 * @param {Page} page
 * @param {string} selector
 * @returns {Promise<{familyName: string, glyphCount: number}[]>}
 */
async function platformFonts(page, selector) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    await session.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = await session.send('Runtime.evaluate', { expression: "document.getElementById('quire-reader')" });
    const { node } = await session.send('DOM.describeNode', { objectId: found.result.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error('no shadow root');
    const { nodeIds } = await session.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadow.backendNodeId] });
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: nodeIds[0], selector });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
  } finally {
    await session.detach();
  }
}

test('axe-core finds no violation with the contents open, in light, sepia and dark', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(server.url('/longread.html'));
  try {
    await openReader(page);
    /** @type {Record<string, string[]>} */
    const found = {};
    for (const theme of ['light', 'sepia', 'dark']) {
      await openSettings(page);
      await choose(page, 'theme', theme);
      await closeSettings(page);
      await click(page, '.toc-button');
      await waitInReader(page, (root) => root?.querySelector('.toc')?.hasAttribute('hidden') === false);
      const { violations, contrastChecked } = await axeAudit(page);
      assert.ok(contrastChecked >= 3, `axe checked the contrast of ${contrastChecked} elements`);
      found[theme] = violations;
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(found, { light: [], sepia: [], dark: [] });
    await openSettings(page);
    await choose(page, 'theme', 'auto');
    await closeSettings(page);
    await closeReader(page);
  } finally {
    await page.close();
  }
});

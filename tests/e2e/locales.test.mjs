// @ts-check
/**
 * The reader in another UI language, in Chromium started in that language:
 * in Arabic the toolbar, the settings panel and the notices read Arabic and
 * are mirrored right to left, while an English article stays left to right
 * (and an Arabic article stays right to left in a German UI); axe-core finds
 * nothing serious in Arabic in any theme; in German, the longest
 * translation, nothing in the toolbar or the settings panel is clipped.
 * Writes docs/screenshots/locale-ar.png.
 *
 * The language: Chromium on Linux takes its UI locale from the LANGUAGE
 * environment variable (`--lang` only changes which messages.json an
 * extension gets, not `@@ui_locale` or `@@bidi_dir`), and only for a locale
 * whose resource file is installed: Debian's chromium-l10n package. Each
 * test starts its own browser.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchInLocale,
  localeMessages,
  clickAction,
  waitForOverlay,
  inReader,
  waitInReader,
  clickInReader,
  focusInReader,
  auditReader,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const TEST_TIMEOUT_MS = 120_000;

const EN = await localeMessages('en');
const AR = await localeMessages('ar');
const DE = await localeMessages('de');

/** @type {import('./lib.mjs').Served} */
let server;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
});

after(async () => {
  await server?.close();
});

/**
 * Starts Chromium with the extension, its UI in `locale`, and checks that
 * the extension sees that locale.
 * @param {string} locale A _locales directory name, e.g. `ar`, `zh_CN`.
 */
async function launchIn(locale) {
  const { launched, ...seen } = await launchInLocale(locale);
  if (seen.locale !== locale) {
    await launched.close();
    assert.fail(
      `Chromium runs in ${seen.locale}, not ${locale}: its locale files are missing ` +
        `(ls /usr/lib/chromium/locales; on Debian: apt-get install chromium-l10n)`,
    );
  }
  return { launched, dir: seen.dir };
}

/**
 * Opens `path` in a new tab and the reader on it with a real toolbar click.
 * @param {import('./lib.mjs').Launched} launched
 * @param {string} path
 */
async function openReader(launched, path) {
  const page = await launched.context.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  await page.waitForTimeout(500); // past Chromium's page-load race window, as a reader clicks
  await clickAction(launched, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
  return page;
}

/**
 * Opens the settings panel (a real click on Aa) unless it is open.
 * @param {import('playwright-core').Page} page
 */
async function openPanel(page) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await clickInReader(page, '.aa');
  await waitInReader(page, (root) => root?.querySelector('.panel')?.hasAttribute('hidden') === false);
}

/**
 * Picks a theme with the keyboard (a trusted change, as a reader's).
 * @param {import('playwright-core').Page} page
 * @param {string} theme
 */
async function setTheme(page, theme) {
  await openPanel(page);
  const read = () =>
    inReader(page, (root) => {
      const select = /** @type {HTMLSelectElement} */ (root?.querySelector('select[name="theme"]'));
      return { values: Array.from(select.options, (o) => o.value), value: select.value };
    });
  const { values, value } = await read();
  const to = values.indexOf(theme);
  assert.ok(to >= 0, `no theme ${theme}`);
  await focusInReader(page, 'select[name="theme"]');
  for (let at = values.indexOf(value); at !== to; at += at < to ? 1 : -1) await page.keyboard.press(at < to ? 'ArrowDown' : 'ArrowUp');
  await waitInReader(page, (root, want) => root?.querySelector('.quire')?.getAttribute('data-theme') === want, theme);
}

/**
 * What the reader's chrome says and which way it runs, with the settings
 * panel open (its controls are built when it first opens, as a user opens it).
 * @param {import('playwright-core').Page} page
 */
async function readChrome(page) {
  await openPanel(page);
  return inReader(page, (root) => {
    if (!root) throw new Error('no reader');
    /** @param {string} sel */
    const q = (sel) => /** @type {HTMLElement} */ (root.querySelector(sel));
    const dialog = q('.quire');
    const rect = (/** @type {string} */ sel) => q(sel).getBoundingClientRect().toJSON();
    // The label a control shows: CSS generated content (ui/dom.js), a quoted CSS string.
    const drawn = (/** @type {string} */ sel) => {
      const content = getComputedStyle(q(sel), '::before').content;
      return content.startsWith('"') ? JSON.parse(content) : content;
    };
    return {
      lang: dialog.lang,
      dir: dialog.dir,
      close: drawn('.close'),
      closeName: q('.close').getAttribute('aria-label'),
      settingsName: q('.aa').getAttribute('aria-label'),
      settingsTitle: q('.aa').title,
      copy: drawn('.copy'),
      copyName: q('.copy').getAttribute('aria-label'),
      print: drawn('.print'),
      printName: q('.print').getAttribute('aria-label'),
      barDirection: getComputedStyle(q('.bar')).direction,
      panelDirection: getComputedStyle(q('.panel')).direction,
      pageDirection: getComputedStyle(q('.page')).direction,
      paragraphDirection: getComputedStyle(q('.content p')).direction,
      titleDirection: getComputedStyle(q('h1.title')).direction,
      readingTime: {
        dir: q('.reading-time').dir,
        lang: q('.reading-time').lang,
        direction: getComputedStyle(q('.reading-time')).direction,
        // The span around it carries the separator, in the byline's direction.
        around: getComputedStyle(/** @type {Element} */ (q('.reading-time').parentElement)).direction,
      },
      glyphDirection: getComputedStyle(q('.larger .glyph')).direction,
      close_: rect('.close'),
      tools: rect('.tools'),
      aa: rect('.aa'),
      copy_: rect('.copy'),
      viewport: root.host.ownerDocument.documentElement.clientWidth,
    };
  });
}

/**
 * Every element in the toolbar and the settings panel whose content is
 * wider than its box (clipped or scrolled), and the panel's own overflow
 * of the viewport.
 * @param {import('playwright-core').Page} page
 */
function clipped(page) {
  return inReader(page, (root) => {
    if (!root) throw new Error('no reader');
    const out = [];
    for (const el of root.querySelectorAll('.bar, .bar *, .panel, .panel *')) {
      // Options live in the select's popup.
      if (!(el instanceof HTMLElement) || el.localName === 'option') continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        out.push(`${el.localName}.${el.className} "${(el.textContent || '').slice(0, 40)}": ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      }
    }
    const panel = /** @type {HTMLElement} */ (root.querySelector('.panel')).getBoundingClientRect();
    const width = root.host.ownerDocument.documentElement.clientWidth;
    if (panel.left < 0 || panel.right > width) out.push(`the panel (${panel.left}–${panel.right}) leaves the viewport (0–${width})`);
    // A label pushed onto a second line beside its control is not clipped, but a label cut mid-word is.
    for (const label of root.querySelectorAll('.panel .label')) {
      const row = /** @type {HTMLElement} */ (label.parentElement).getBoundingClientRect();
      const r = label.getBoundingClientRect();
      if (r.left < row.left - 1 || r.right > row.right + 1) out.push(`label "${label.textContent}" sticks out of its row`);
    }
    return out;
  });
}

/**
 * With the settings panel open, shows every choice of every select in turn
 * (the widest must fit too) and fails on anything {@link clipped} finds.
 * @param {import('playwright-core').Page} page
 * @param {string} where
 */
async function assertNothingClipped(page, where) {
  for (const name of ['theme', 'font', 'width', 'lineHeight']) {
    const count = await inReader(page, (root, n) => root?.querySelectorAll(`select[name="${n}"] option`).length ?? 0, name);
    assert.ok(count >= 2, `${where}: no select ${name}`);
    for (let i = 0; i < count; i++) {
      await inReader(
        page,
        (root, [n, at]) => {
          const select = /** @type {HTMLSelectElement} */ (root?.querySelector(`select[name="${n}"]`));
          select.selectedIndex = Number(at); // shown only: no change event, no setting saved
        },
        [name, String(i)],
      );
      assert.deepEqual(await clipped(page), [], `${where}, ${name} choice ${i}`);
    }
  }
}

/**
 * Runs axe-core over the open reader (lib.mjs auditReader) and returns every
 * violation, of any impact.
 * @param {import('playwright-core').Page} page
 */
async function axeAudit(page) {
  const { violations, contrastChecked } = await auditReader(page);
  assert.ok(contrastChecked >= 3, `axe checked the contrast of only ${contrastChecked} elements`);
  return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes}): ${v.help}`);
}

test('in Arabic the reader’s chrome reads Arabic and runs right to left, an English article left to right; axe clean in every theme', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { launched, dir } = await launchIn('ar');
  try {
    assert.equal(dir, 'rtl');
    // The toolbar button's tooltip comes from the locale too.
    assert.equal(await launched.worker.evaluate(() => chrome.action.getTitle({})), AR.actionTitle);
    const page = await openReader(launched, '/typeset.html');
    const seen = await readChrome(page);
    assert.deepEqual(
      { lang: seen.lang, dir: seen.dir, close: seen.close, closeName: seen.closeName, settingsName: seen.settingsName, settingsTitle: seen.settingsTitle, copy: seen.copy, copyName: seen.copyName, print: seen.print, printName: seen.printName },
      { lang: 'ar', dir: 'rtl', close: AR.close, closeName: AR.closeTitle, settingsName: AR.settings, settingsTitle: AR.settings, copy: AR.copyMarkdown, copyName: AR.copyMarkdown, print: AR.print, printName: AR.print },
    );
    assert.notEqual(AR.close, EN.close);
    // The chrome runs right to left; the English article keeps its own direction.
    assert.deepEqual(
      { bar: seen.barDirection, panel: seen.panelDirection, page: seen.pageDirection, paragraph: seen.paragraphDirection, title: seen.titleDirection },
      { bar: 'rtl', panel: 'rtl', page: 'ltr', paragraph: 'ltr', title: 'ltr' },
    );
    // The reading time is UI text: Arabic, right to left, inside the English byline.
    assert.deepEqual(seen.readingTime, { dir: 'rtl', lang: 'ar', direction: 'rtl', around: 'ltr' });
    assert.equal(seen.glyphDirection, 'ltr', 'A+ would read +A');
    // Mirrored: Close at the left edge, the tools at the right, Aa first from the right.
    assert.ok(seen.close_.right < seen.tools.left, `Close (${seen.close_.left}–${seen.close_.right}) is not left of the tools (${seen.tools.left}–${seen.tools.right})`);
    assert.ok(seen.aa.left > seen.copy_.right, 'Aa is not right of Copy');
    assert.ok(seen.tools.right > seen.viewport - 40, `the tools end at ${seen.tools.right} of ${seen.viewport}`);

    // The settings panel opens under Aa, at the right edge, its labels Arabic.
    await openPanel(page);
    const panel = await inReader(page, (root) => {
      const p = /** @type {HTMLElement} */ (root?.querySelector('.panel'));
      return {
        right: p.getBoundingClientRect().right,
        left: p.getBoundingClientRect().left,
        labels: Array.from(p.querySelectorAll('.label'), (l) => l.textContent),
        themes: Array.from(p.querySelectorAll('select[name="theme"] option'), (o) => o.textContent),
        size: p.querySelector('.value')?.textContent,
      };
    });
    assert.ok(Math.abs(panel.right - (seen.viewport - 16)) <= 1, `the panel ends at ${panel.right}, not 16 px from the right edge (${seen.viewport})`);
    assert.deepEqual(panel.labels, [AR.theme, AR.fontSize, AR.font, AR.width, AR.lineHeight, AR.letterSpacing, AR.wordSpacing, AR.align, AR.images, AR.autoOpen, AR.showRemoved, AR.reportIncludePage]);
    assert.deepEqual(panel.themes, [AR.themeAuto, AR.themeLight, AR.themeSepia, AR.themeDark]);
    assert.match(String(panel.size), /^\d+ بكسل$/);
    assert.deepEqual(await clipped(page), []);
    await page.screenshot({ path: join(SCREENSHOTS, 'locale-ar.png') });

    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      await openPanel(page);
      assert.deepEqual(await axeAudit(page), [], `axe in Arabic, ${theme}`);
    }
    await setTheme(page, 'light');
    await page.close();

    // An Arabic article in the Arabic UI: both right to left.
    const arabic = await openReader(launched, '/rtl.html');
    const both = await readChrome(arabic);
    assert.deepEqual({ bar: both.barDirection, page: both.pageDirection, paragraph: both.paragraphDirection }, { bar: 'rtl', page: 'rtl', paragraph: 'rtl' });
    await arabic.close();
  } finally {
    await launched.close();
  }
});

test('in German, the longest translation, nothing in the toolbar or the settings panel is clipped; an Arabic article stays right to left in the left-to-right UI', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { launched, dir } = await launchIn('de');
  try {
    assert.equal(dir, 'ltr');
    const page = await openReader(launched, '/rtl.html');
    const seen = await readChrome(page);
    assert.deepEqual(
      { lang: seen.lang, dir: seen.dir, close: seen.close, copy: seen.copy, bar: seen.barDirection, page: seen.pageDirection, paragraph: seen.paragraphDirection },
      { lang: 'de', dir: 'ltr', close: DE.close, copy: DE.copyMarkdown, bar: 'ltr', page: 'rtl', paragraph: 'rtl' },
    );
    assert.ok(seen.close_.left > seen.tools.right, 'Close is not right of the tools');
    await openPanel(page);
    await assertNothingClipped(page, 'German');
    // And in a narrow window (a phone, a side-by-side window).
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(100);
    const narrow = await inReader(page, (root) => ({
      viewport: root?.host.ownerDocument.documentElement.clientWidth,
      panel: root?.querySelector('.panel')?.getBoundingClientRect().width,
    }));
    assert.deepEqual(narrow, { viewport: 360, panel: 360 - 32 }, 'the panel fills a narrow window but its margins');
    await assertNothingClipped(page, 'German, 360 px wide');
    await page.close();
  } finally {
    await launched.close();
  }
});

test('in French, Spanish, Ukrainian, Chinese and Japanese the toolbar and panel read that language, unclipped', { timeout: 3 * TEST_TIMEOUT_MS }, async () => {
  for (const locale of ['fr', 'es', 'uk', 'zh_CN', 'ja']) {
    const strings = await localeMessages(locale);
    const { launched, dir } = await launchIn(locale);
    try {
      assert.equal(dir, 'ltr', locale);
      const page = await openReader(launched, '/typeset.html');
      const seen = await readChrome(page);
      assert.deepEqual({ close: seen.close, copy: seen.copy, settings: seen.settingsName, bar: seen.barDirection }, { close: strings.close, copy: strings.copyMarkdown, settings: strings.settings, bar: 'ltr' }, locale);
      await openPanel(page);
      await assertNothingClipped(page, locale);
      await page.close();
    } finally {
      await launched.close();
    }
  }
});

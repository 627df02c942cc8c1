// @ts-check
/**
 * The reader's chrome stays out of the reader's text (issue 19's extension
 * bar): the dialog's `innerText` (what a select-all copies, what a "copy page
 * text" tool or a text-to-speech extension picks up, what the held-out
 * "as shown" measure scores) starts with the site name and the headline, and
 * holds none of the toolbar's labels, in every UI language the extension
 * ships; nor does a mouse drag over the reader from above its toolbar. Each control still shows its label (CSS generated content from
 * `data-quire-label`, which is neither in innerText nor selectable) and
 * still has its accessible name, read from Chromium's own accessibility tree
 * over DevTools (`Accessibility.getFullAXTree`), not from an attribute.
 *
 * Each locale starts its own browser (Chromium takes its UI language from
 * LANGUAGE at start: see locales.test.mjs).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
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
  auditReader,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const TEST_TIMEOUT_MS = 120_000;
const LOCALES = (await readdir(join(ROOT, '_locales'))).sort();

/** @type {import('./lib.mjs').Served} */
let server;

before(async () => {
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
});

after(async () => {
  await server?.close();
});

/**
 * Starts Chromium with the extension, its UI in `locale` (as locales.test.mjs does).
 * @param {string} locale
 */
async function launchIn(locale) {
  const { launched, locale: seen } = await launchInLocale(locale);
  if (seen !== locale && !(locale === 'en' && seen.startsWith('en'))) {
    await launched.close();
    assert.fail(`Chromium runs in ${seen}, not ${locale} (apt-get install chromium-l10n)`);
  }
  return launched;
}

/**
 * The toolbar's controls: selector, the message key of the label it shows
 * (null: a glyph), the glyph, and the message key of its accessible name.
 * @type {{sel: string, label: string | null, glyph: string | null, name: string}[]}
 */
const CONTROLS = [
  { sel: '.bar .aa', label: null, glyph: 'Aa', name: 'settings' },
  { sel: '.bar .toc-button', label: null, glyph: '☰', name: 'contents' },
  { sel: '.bar .copy', label: 'copyMarkdown', glyph: null, name: 'copyMarkdown' },
  { sel: '.bar .print', label: 'print', glyph: null, name: 'print' },
  { sel: '.bar .read-aloud-toggle', label: 'readAloud', glyph: null, name: 'readAloud' },
  { sel: '.bar .close', label: 'close', glyph: null, name: 'closeTitle' },
];

/**
 * The dialog's innerText and, per control, what it draws and is named.
 * @param {import('playwright-core').Page} page
 */
function readDialog(page) {
  return inReader(
    page,
    (root, sels) => {
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('[role="dialog"]'));
      /** @param {Element} node */
      const drawn = (node) => {
        const content = getComputedStyle(node, '::before').content;
        return content === 'none' || content === 'normal' ? '' : content;
      };
      return {
        innerText: dialog.innerText,
        site: /** @type {HTMLElement} */ (root?.querySelector('.site')).innerText,
        title: /** @type {HTMLElement} */ (root?.querySelector('h1.title')).innerText,
        meta: /** @type {HTMLElement} */ (root?.querySelector('.meta')).innerText,
        metaParts: [...(root?.querySelector('.meta')?.children ?? [])].map((n) => /** @type {HTMLElement} */ (n).innerText.replace(/^·/, '').trim()),
        controls: sels.map((sel) => {
          const node = root?.querySelector(sel);
          const glyph = node?.querySelector('.glyph');
          return {
            sel,
            present: Boolean(node),
            text: node?.textContent ?? '',
            drawn: node ? drawn(node) : '',
            glyph: glyph ? drawn(glyph) : '',
            title: node?.getAttribute('title') ?? null,
            width: node?.getBoundingClientRect().width ?? 0,
          };
        }),
      };
    },
    CONTROLS.map((c) => c.sel),
  );
}

/**
 * The names of the buttons in Chromium's accessibility tree of the page
 * (the closed shadow root's included).
 * @param {import('playwright-core').Page} page
 */
async function buttonNames(page) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Accessibility.enable');
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => !n.ignored && n.role?.value === 'button')
      .map((n) => String(n.name?.value ?? ''));
  } finally {
    await session.detach();
  }
}

/**
 * What a mouse drag from the window's top corner (the toolbar's padding,
 * above every control) to the byline selects, as a user
 * copying the reader's text does: the selection's text, read inside the root.
 * @param {import('playwright-core').Page} page
 */
async function dragSelect(page) {
  const end = await inReader(page, (root) => {
    const r = /** @type {HTMLElement} */ (root?.querySelector('.meta')).getBoundingClientRect();
    return { x: r.right - 5, y: r.bottom - 25 };
  });
  await page.mouse.move(6, 6);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();
  return inReader(page, (root) => {
    /** @type {Selection | null} */
    const selection = /** @type {any} */ (root).getSelection?.() ?? getSelection();
    const text = selection?.toString() ?? '';
    selection?.removeAllRanges();
    return String(text);
  });
}

for (const locale of LOCALES) {
  test(`${locale}: the dialog's text starts with the site name and headline, no toolbar label in it or in a drag's selection; each control keeps its label and name`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const m = await localeMessages(locale);
    const launched = await launchIn(locale);
    try {
      const page = await launched.context.newPage();
      await page.goto(server.url('/longread.html'), { waitUntil: 'load' });
      await page.waitForTimeout(500); // past Chromium's page-load race window
      await clickAction(launched, page);
      const view = await waitForOverlay(page);
      assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
      await waitInReader(page, (root) => Boolean(root?.querySelector('.bar .toc-button')) && root?.querySelector('.content')?.getAttribute('aria-busy') !== 'true');
      const seen = await readDialog(page);

      // The text: site name, then the headline, then the byline.
      const lines = seen.innerText.split('\n').map((l) => l.trim()).filter(Boolean);
      assert.ok(seen.site.trim() !== '' && seen.title.trim() !== '', 'no site name or headline shown');
      assert.deepEqual(lines.slice(0, 2), [seen.site.trim(), seen.title.trim()], `the dialog's text starts: ${JSON.stringify(seen.innerText.slice(0, 200))}`);
      const labels = ['settings', 'contents', 'copyMarkdown', 'print', 'readAloud', 'close', 'closeTitle'].map((k) => m[k]);
      for (const label of labels) assert.ok(!seen.innerText.includes(label), `the dialog's innerText holds the label “${label}”`);
      for (const glyph of ['Aa', '☰']) assert.ok(!lines.includes(glyph), `the dialog's innerText holds the glyph “${glyph}” on a line`);
      // The byline, date and reading time are words apart in the text ("Ann Lee 2 May", not "Ann Lee2 May").
      assert.ok(seen.metaParts.length >= 2, `the meta line has under two parts: ${seen.meta}`);
      assert.equal(seen.meta.replace(/\s*·\s*/g, ' ').trim(), seen.metaParts.join(' '), `the meta line's text runs its parts together: ${JSON.stringify(seen.meta)}`);

      // Each control shows its label (or glyph) and keeps its tooltip; no text of its own.
      for (const [i, c] of CONTROLS.entries()) {
        const got = seen.controls[i];
        assert.ok(got.present, `${c.sel} missing`);
        assert.equal(got.text.trim(), '', `${c.sel} holds text: “${got.text}”`);
        assert.ok(got.width > 20, `${c.sel} is ${got.width}px wide`);
        if (c.label) assert.equal(got.drawn, JSON.stringify(m[c.label]), `${c.sel} draws its label`);
        if (c.glyph) assert.equal(got.glyph, JSON.stringify(c.glyph), `${c.sel} draws its glyph`);
      }
      assert.equal(seen.controls[0].title, m.settings, 'the Aa tooltip');
      assert.equal(seen.controls[5].title, m.closeTitle, 'the Close tooltip');

      // Each control's accessible name, as Chromium computes it (the names came from
      // the .sr spans and the buttons' text before, from aria-label now).
      const names = await buttonNames(page);
      for (const c of CONTROLS) assert.ok(names.includes(m[c.name]), `no button named “${m[c.name]}” (buttons: ${JSON.stringify(names)})`);

      // What a drag over the reader copies: the site name and the article, not the chrome.
      const selected = await dragSelect(page);
      const selectedLines = selected.split('\n').map((l) => l.trim()).filter(Boolean);
      assert.deepEqual(selectedLines.slice(0, 2), [seen.site.trim(), seen.title.trim()], `the drag selected: ${JSON.stringify(selected.slice(0, 200))}`);
      for (const label of labels) assert.ok(!selected.includes(label), `a drag over the reader copies the label “${label}”`);

      // The settings panel's glyph buttons and the open panel: same rule, and axe still clean.
      await clickInReader(page, '.aa');
      await waitInReader(page, (root) => root?.querySelector('.panel')?.hasAttribute('hidden') === false);
      const steps = await inReader(page, (root) =>
        Array.from(root?.querySelectorAll('.panel .step') ?? [], (node) => ({
          text: node.textContent ?? '',
          label: node.getAttribute('aria-label'),
          glyph: getComputedStyle(/** @type {Element} */ (node.querySelector('.glyph')), '::before').content,
        })),
      );
      assert.deepEqual(steps, [
        { text: '', label: m.smaller, glyph: JSON.stringify('A−') },
        { text: '', label: m.larger, glyph: JSON.stringify('A+') },
      ]);
      const panelNames = await buttonNames(page);
      for (const key of ['smaller', 'larger']) assert.ok(panelNames.includes(m[key]), `no button named “${m[key]}”`);
      if (locale === 'en' || locale === 'ar') {
        const { violations } = await auditReader(page);
        assert.deepEqual(violations.map((v) => `${v.id} (${v.impact}, ${v.nodes}): ${v.help}`), []);
      }
    } finally {
      await launched.close();
    }
  });
}

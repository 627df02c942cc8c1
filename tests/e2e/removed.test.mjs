// @ts-check
/**
 * End-to-end: "Show removed blocks", "Keep this kind of block on this site"
 * and "Report a problem" in the built extension (dist/chrome-test) in
 * headless Chromium, with real toolbar clicks, on a page of our own prose
 * (fixtures/removed.html: a story with a newsletter sign-up box and a list
 * of five related stories inside the article) served on two origins, the
 * same server reached as 127.0.0.1 and as localhost.
 *
 * Writes docs/screenshots/removed.png (a removed block opened) and
 * out/e2e/axe-removed.json.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchWithExtension,
  clickAction,
  waitForOverlay,
  waitForOverlayGone,
  inReader,
  waitInReader,
  clickInReader,
  auditReader,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const ARTIFACTS = join(ROOT, 'out', 'e2e');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const TEST_TIMEOUT_MS = 120_000;
const MANIFEST = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @typedef {import('playwright-core').Page} Page */

/** The fixture on the first origin (127.0.0.1) or the second (localhost, the same server). */
function fixtureUrl(/** @type {'127.0.0.1' | 'localhost'} */ host) {
  const url = new URL(server.url('/removed.html'));
  url.hostname = host;
  return url.href;
}

/** @param {string} url */
async function openPage(url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500); // outside Chromium's page-load race window, as a reader clicks
  return page;
}

/** @param {Page} page */
async function openReader(page) {
  await clickAction(browser, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
  return view;
}

/** @param {Page} page */
async function closeReader(page) {
  await page.keyboard.press('Escape');
  await waitForOverlayGone(page);
}

/**
 * Clicks `selector` in the reader with the mouse once it has stopped moving
 * (scrolled into view, the article laid out): a click at a stale position
 * would hit its neighbour.
 * @param {Page} page
 * @param {string} selector
 */
async function clickSteady(page, selector) {
  /** @type {string | null} */
  let last = null;
  for (let i = 0; i < 40; i++) {
    const box = await inReader(
      page,
      (root, sel) => {
        const el = root?.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      },
      selector,
    );
    const key = JSON.stringify(box);
    if (box && key === last) {
      await page.mouse.click(box.x, box.y);
      return;
    }
    last = key;
    await page.waitForTimeout(100);
  }
  throw new Error(`clickSteady: ${selector} never settled`);
}

/** @param {Page} page */
async function openPanel(page) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await clickInReader(page, '.aa');
}

/**
 * What the reader shows of the removed blocks: each line's text (its
 * button's accessible name, which it must also draw: see `drawn`) and state,
 * and the article's text outside them.
 * @param {Page} page
 */
function removedView(page) {
  return inReader(page, (root) => {
    const content = /** @type {HTMLElement} */ (root?.querySelector('.content'));
    const lines = Array.from(content.querySelectorAll('.removed'), (box) => {
      const toggle = /** @type {HTMLElement} */ (box.querySelector('.removed-toggle'));
      const body = /** @type {HTMLElement} */ (box.querySelector('.removed-body'));
      return {
        kind: /** @type {HTMLElement} */ (box).dataset.kind,
        line: toggle.getAttribute('aria-label'),
        // The line is drawn by CSS (ui/dom.js labelButton): the marker and the name, no text of its own.
        drawn: toggle.textContent === '' && getComputedStyle(toggle, '::before').content === JSON.stringify(`${toggle.getAttribute('aria-expanded') === 'true' ? '▾' : '▸'} ${toggle.getAttribute('aria-label')}`),
        expanded: toggle.getAttribute('aria-expanded'),
        controls: toggle.getAttribute('aria-controls') === body.id,
        open: !body.hidden,
        body: body.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        // What comes before the line in the article.
        after: (box.previousElementSibling?.textContent ?? '').slice(-40),
      };
    });
    const copy = /** @type {HTMLElement} */ (content.cloneNode(true));
    for (const box of Array.from(copy.querySelectorAll('.removed'))) box.remove();
    return { lines, text: copy.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
  });
}

/**
 * axe-core over the open overlay (lib.mjs auditReader).
 * @param {Page} page
 */
async function axeAudit(page) {
  const { violations, contrastChecked } = await auditReader(page);
  return { violations: violations.map(({ id, impact, nodes, help }) => ({ id, impact, nodes, help })), contrastChecked };
}

/**
 * Picks a theme with the keyboard (a synthetic `change` does nothing).
 * @param {Page} page
 * @param {string} theme
 */
async function setTheme(page, theme) {
  const values = ['auto', 'light', 'sepia', 'dark'];
  const current = await inReader(page, (root) => /** @type {HTMLSelectElement} */ (root?.querySelector('select[name="theme"]')).value);
  await inReader(page, (root) => /** @type {HTMLElement} */ (root?.querySelector('select[name="theme"]')).focus());
  const from = values.indexOf(current);
  const to = values.indexOf(theme);
  for (let at = from; at !== to; at += at < to ? 1 : -1) await page.keyboard.press(at < to ? 'ArrowDown' : 'ArrowUp');
  await waitInReader(page, (root, want) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).dataset.theme === want, theme);
}

test('removed blocks show where they were; a kept kind stays on its origin and only there', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(fixtureUrl('127.0.0.1'));
  try {
    // Off by default: no lines, the blocks simply gone.
    await openReader(page);
    let view = await removedView(page);
    assert.deepEqual(view.lines, []);
    assert.doesNotMatch(view.text, /Chandlery celebrates|harbour letter/);
    // The panel's controls are built when it first opens: open it, as a user would.
    await openPanel(page);
    const box = await inReader(page, (root) => /** @type {HTMLInputElement} */ (root?.querySelector('.show-removed input')).checked);
    assert.equal(box, false);

    // Turn the setting on in the panel, with a real click; it applies from the next opening.
    await clickInReader(page, '.show-removed input');
    await waitInReader(page, (root) => /** @type {HTMLInputElement} */ (root?.querySelector('.show-removed input')).checked);
    await closeReader(page);
    await page.waitForTimeout(300); // the settings write
    await openReader(page);
    view = await removedView(page);
    assert.ok(view.lines.every((l) => l.drawn), `a removed line does not draw its marker and name: ${JSON.stringify(view.lines)}`);
    assert.deepEqual(
      view.lines.map((l) => [l.kind, l.line, l.expanded, l.controls, l.open]),
      [
        ['newsletter-form', 'Removed: newsletter sign-up form', 'false', true, false],
        ['related', 'Removed: related stories (5)', 'false', true, false],
      ],
    );
    // Each where it was: after the paragraph that preceded it on the page.
    assert.match(view.lines[0].after, /window of the chandlery on the quay\.$/);
    assert.match(view.lines[1].after, /how hard the wind was blowing\.$/);
    assert.doesNotMatch(view.text, /Chandlery celebrates/);

    // Open the related stories: the block shows inline, then keep this kind here.
    await clickSteady(page, '.removed[data-kind="related"] .removed-toggle');
    await waitInReader(page, (root) => root?.querySelector('.removed[data-kind="related"] .removed-toggle')?.getAttribute('aria-expanded') === 'true');
    view = await removedView(page);
    const related = view.lines.find((l) => l.kind === 'related');
    assert.equal(related?.expanded, 'true');
    assert.equal(related?.open, true);
    assert.equal(related?.drawn, true, 'the opened line does not draw its ▾ marker and name');
    assert.match(related?.body ?? '', /Related stories Ferry timetable changes for winter Chandlery celebrates fifty years/);
    await clickSteady(page, '.removed[data-kind="related"] .removed-keep');
    await waitInReader(page, (root) => /Kept/.test(root?.querySelector('.removed[data-kind="related"] .removed-note')?.textContent ?? ''));
    await page.screenshot({ path: join(SCREENSHOTS, 'removed.png') });

    // axe: the panel open and a block open, in three themes.
    /** @type {Record<string, unknown>} */
    const report = {};
    await openPanel(page);
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      const audit = await axeAudit(page);
      report[theme] = audit;
      assert.ok(audit.contrastChecked >= 3, `axe checked only ${audit.contrastChecked} elements`);
      // Issue 21's bar: no violation of any impact with the new panels open.
      const bad = audit.violations;
      assert.deepEqual(bad, [], `${theme}: ${JSON.stringify(bad)}`);
    }
    await setTheme(page, 'light');
    await writeFile(join(ARTIFACTS, 'axe-removed.json'), `${JSON.stringify(report, null, 2)}\n`);
    await closeReader(page);

    // Reload, open the reader: the related stories are in the article on this origin.
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(500);
    await openReader(page);
    view = await removedView(page);
    assert.match(view.text, /Related stories.*Ferry timetable changes for winter.*Lifeboat crew trains at night/);
    assert.ok(view.text.indexOf('wind was blowing') < view.text.indexOf('Related stories'));
    assert.ok(view.text.indexOf('Related stories') < view.text.indexOf('On the first night'));
    assert.deepEqual(view.lines.map((l) => l.line), ['Removed: newsletter sign-up form']);
    await closeReader(page);
  } finally {
    await page.close();
  }

  // The other origin: still removed.
  const other = await openPage(fixtureUrl('localhost'));
  try {
    await openReader(other);
    const view = await removedView(other);
    assert.deepEqual(view.lines.map((l) => l.line), ['Removed: newsletter sign-up form', 'Removed: related stories (5)']);
    assert.doesNotMatch(view.text, /Chandlery celebrates/);
  } finally {
    await other.close();
  }

  // What is stored: one small item for the first origin, naming the kind.
  /** @type {Record<string, {kinds: string[]}>} */
  const stored = /** @type {any} */ (await browser.worker.evaluate(() => chrome.storage.sync.get(null)));
  const keys = Object.keys(stored).filter((k) => k.startsWith('quire.keep:'));
  assert.deepEqual(keys, [`quire.keep:${new URL(fixtureUrl('127.0.0.1')).origin}`]);
  assert.deepEqual(stored[keys[0]].kinds, ['related']);
});

test('Report a problem saves a local file with the fields, the page HTML only when ticked', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openPage(fixtureUrl('localhost'));
  try {
    await openReader(page);
    await openPanel(page);
    /** @param {boolean} includePage */
    const save = async (includePage) => {
      const ticked = await inReader(page, (root) => /** @type {HTMLInputElement} */ (root?.querySelector('.include-page input')).checked);
      if (ticked !== includePage) await clickInReader(page, '.include-page input');
      const downloading = page.waitForEvent('download', { timeout: 20_000 });
      await clickInReader(page, '.report-save');
      const download = await downloading;
      const path = await download.path();
      assert.ok(path, 'the download has a file');
      return { name: download.suggestedFilename(), bundle: JSON.parse(await readFile(path, 'utf8')) };
    };
    const { name, bundle } = await save(false);
    assert.match(name, /^quire-report-localhost-\d{4}-\d\d-\d\d\.json$/);
    assert.equal(bundle.format, 'quire-problem-report');
    assert.equal(bundle.url, fixtureUrl('localhost'));
    assert.equal(bundle.quireVersion, MANIFEST.version);
    assert.match(bundle.articleHtml, /lamp at the end of the north pier/);
    assert.ok(Array.isArray(bundle.explain.blocks) && bundle.explain.blocks.length > 5);
    const form = bundle.explain.blocks.find((/** @type {{kind: string | null}} */ b) => b.kind === 'newsletter-form');
    assert.ok(form, 'explain names the sign-up form');
    assert.equal(bundle.explain.article, undefined, 'explain without its copy of the article');
    assert.equal('pageHtml' in bundle, false);
    await waitInReader(page, (root) => /saved/.test(root?.querySelector('.announce')?.textContent ?? ''));

    const withPage = (await save(true)).bundle;
    assert.match(withPage.pageHtml, /<div class="newsletter-signup">/);
    assert.match(withPage.pageHtml, /Lifeboat crew trains at night/);
  } finally {
    await page.close();
  }
});

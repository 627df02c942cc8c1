// @ts-check
/**
 * End-to-end on every page of the clutter corpus
 * (`$QUIRE_CORPUS/clutter/*\/page.html`, default ../shared/corpus): each is
 * served from 127.0.0.1 under a strict news-site CSP (no inline script, no
 * wasm, no eval), opened with a real toolbar click, and the overlay must show
 * every `must_include` string of its truth.json, no `must_exclude` string,
 * and the truth's title and byline, all matched as the corpus README says.
 *
 * Without the corpus the tests are skipped, except under CI=true, where a
 * missing corpus fails.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchWithExtension,
  clickAction,
  waitForOverlay,
  normaliseText,
  readOverlayArticleText,
} from './lib.mjs';

const CLUTTER = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'), 'clutter');
const TEST_TIMEOUT_MS = 60_000;

/** @type {string[]} */
const pages = await readdir(CLUTTER, { withFileTypes: true })
  .then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name).sort())
  .catch(() => []);
const present = [];
for (const name of pages) {
  if (await stat(join(CLUTTER, name, 'truth.json')).catch(() => null)) present.push(name);
}

if (present.length === 0) {
  test('clutter corpus end to end', { skip: process.env.CI === 'true' ? false : `no corpus at ${CLUTTER} (set QUIRE_CORPUS)` }, () => {
    assert.fail(`CI=true and no clutter corpus at ${CLUTTER} (set QUIRE_CORPUS)`);
  });
} else {
  /** @type {import('./lib.mjs').Served} */
  let server;
  /** @type {import('./lib.mjs').Launched} */
  let browser;

  before(async () => {
    server = await serve({ root: CLUTTER, documentHeaders: { 'content-security-policy': STRICT_CSP } });
    browser = await launchWithExtension();
    // The pages name images on their real hosts: keep every request on 127.0.0.1.
    await browser.context.route('**/*', (route) =>
      route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
    );
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A byline compared as the corpus does: normalised, a leading "By" ignored.
   * @param {string} byline
   */
  const bylineKey = (byline) => normaliseText(byline).replace(/^by\s+/i, '');

  for (const name of present) {
    test(`clutter page ${name}: article kept, clutter gone, title and byline right`, { timeout: TEST_TIMEOUT_MS }, async () => {
      /** @type {{title: string, byline: string, must_include: string[], must_exclude: string[]}} */
      const truth = JSON.parse(await readFile(join(CLUTTER, name, 'truth.json'), 'utf8'));
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url(`/${name}/page.html`), { waitUntil: 'domcontentloaded' });
        await clickAction(browser, page);
        const view = await waitForOverlay(page);
        assert.equal(view.state, 'article', `the overlay shows an error: ${view.text}`);
        const text = normaliseText(await readOverlayArticleText(page));
        const missing = truth.must_include.map(normaliseText).filter((s) => !text.includes(s));
        const leaked = truth.must_exclude.map(normaliseText).filter((s) => text.includes(s));
        assert.deepEqual(missing, [], `${missing.length} of ${truth.must_include.length} must_include strings missing`);
        assert.deepEqual(leaked, [], `${leaked.length} must_exclude strings shown`);
        assert.equal(normaliseText(view.title), normaliseText(truth.title), 'title');
        assert.equal(bylineKey(view.byline), bylineKey(truth.byline), 'byline');
      } finally {
        await page.close();
      }
    });
  }
}

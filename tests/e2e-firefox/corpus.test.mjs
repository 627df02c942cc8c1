// @ts-check
/**
 * End-to-end in Firefox on every page of the clutter corpus
 * (`$QUIRE_CORPUS/clutter/*\/page.html`, default ../shared/corpus): each is
 * served from 127.0.0.1 under a strict news-site CSP (no inline script, no
 * wasm, no eval), opened with a real click on Quire's toolbar button, and
 * the overlay must show every `must_include` string of its truth.json, no
 * `must_exclude` string, and the truth's title and byline, all matched as
 * the corpus README says. The Firefox side of tests/e2e/corpus.test.mjs.
 *
 * Without the corpus the tests are skipped, except under CI=true, where a
 * missing corpus fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { normaliseText } from '../e2e/lib.mjs';
import { ROOT, SKIP, strictPagesInFirefox, openTab, closeTab, clickToolbarButton, waitForOverlay, readOverlayArticleText } from './lib.mjs';

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
  test('clutter corpus end to end in Firefox', { skip: SKIP || (process.env.CI === 'true' ? false : `no corpus at ${CLUTTER} (set QUIRE_CORPUS)`) }, () => {
    assert.fail(`CI=true and no clutter corpus at ${CLUTTER} (set QUIRE_CORPUS)`);
  });
} else {
  /** @type {import('../e2e/lib.mjs').Served} */
  let server;
  /** @type {import('./lib.mjs').Firefox} */
  let ff;

  // The pages name images on their real hosts: the test profile sends every
  // request for another host to a closed port (lib.mjs, userPrefs).
  strictPagesInFirefox((s, f) => {
    server = s;
    ff = f;
  }, CLUTTER);

  /**
   * A byline compared as the corpus does: normalised, a leading "By" ignored.
   * @param {string} byline
   */
  const bylineKey = (byline) => normaliseText(byline).replace(/^by\s+/i, '');

  for (const name of present) {
    test(`Firefox, clutter page ${name}: article kept, clutter gone, title and byline right`, { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
      /** @type {{title: string, byline: string, must_include: string[], must_exclude: string[]}} */
      const truth = JSON.parse(await readFile(join(CLUTTER, name, 'truth.json'), 'utf8'));
      await openTab(ff, server.url(`/${name}/page.html`), 0);
      try {
        await clickToolbarButton(ff);
        const view = await waitForOverlay(ff);
        assert.equal(view.state, 'article', `the overlay shows an error: ${view.text}`);
        const text = normaliseText(await readOverlayArticleText(ff));
        const missing = truth.must_include.map(normaliseText).filter((s) => !text.includes(s));
        const leaked = truth.must_exclude.map(normaliseText).filter((s) => text.includes(s));
        assert.deepEqual(missing, [], `${missing.length} of ${truth.must_include.length} must_include strings missing`);
        assert.deepEqual(leaked, [], `${leaked.length} must_exclude strings shown`);
        assert.equal(normaliseText(view.title), normaliseText(truth.title), 'title');
        assert.equal(bylineKey(view.byline), bylineKey(truth.byline), 'byline');
      } finally {
        await closeTab(ff);
      }
    });
  }
}

// @ts-check
/**
 * End-to-end: a wasm trap in the service worker. The trap is forced through
 * the worker's test hook `quireWorker.trapNext()` (reached through DevTools;
 * nothing else can reach a worker's global scope): on the next request the
 * serving wasm instance is asked by its own allocator export for more than
 * 4 GiB, which aborts inside the module with `WebAssembly.RuntimeError:
 * unreachable`, a real trap. The worker must survive it: the overlay shows a
 * clear error, the worker moves to a fresh instance of the module, and the
 * next click shows the article.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, STRICT_CSP, serve, launchWithExtension, clickAction, waitForOverlay, waitForOverlayGone } from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const TITLE = 'Allotment society wins its fight to keep the old orchard';

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a wasm trap shows a clear error, the worker re-instantiates the core, and the next click works', { timeout: 90_000 }, async () => {
  const instance = () => browser.worker.evaluate(() => /** @type {any} */ (globalThis).quireWorker.instance());
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url('/article.html'), { waitUntil: 'load' });
    await clickAction(browser, page);
    assert.equal((await waitForOverlay(page)).title, TITLE);
    assert.equal(await instance(), 0);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    await browser.worker.evaluate(() => /** @type {any} */ (globalThis).quireWorker.trapNext());
    await clickAction(browser, page);
    const failed = await waitForOverlay(page);
    assert.equal(failed.state, 'error');
    assert.match(failed.text, /internal error on this page \(unreachable\)/, 'the error says what happened');
    assert.equal(await instance(), 1, 'the worker moved to a fresh wasm instance');
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    // Same worker, new instance: the next click reads the page.
    await clickAction(browser, page);
    const view = await waitForOverlay(page);
    assert.equal(view.state, 'article', view.text);
    assert.equal(view.title, TITLE);
    assert.equal(await instance(), 1);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    // And again on a fresh load of the page.
    await page.reload({ waitUntil: 'load' });
    await clickAction(browser, page);
    assert.equal((await waitForOverlay(page)).title, TITLE);
  } finally {
    await page.close();
  }
});

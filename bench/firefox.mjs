// @ts-check
/**
 * Firefox benchmark (`make bench-firefox`; never run in CI): Quire against
 * Firefox's own Reader View, in the same headless Firefox ESR and the same
 * run, on the Readability test pages served from 127.0.0.1 (issue 22, item 2).
 *
 *   (a) Reader View: from the request for `about:reader?url=…` to the
 *       article painted. Timed on the reader document's own clock: its
 *       `performance.now()` counts from the navigation's start, the request.
 *       A script with the system principal (Marionette's `system` sandbox)
 *       listens for `AboutReaderContentReady`, which Firefox's AboutReader
 *       dispatches once the article is in the page; "painted" is the task
 *       after the next animation frame's callback, so that frame's style,
 *       layout and paint are in (the rule bench/browser.mjs uses for Quire).
 *       The listener can only be set once the reader document exists; a run
 *       whose article came in before that is not counted and is run again.
 *   (b) Quire, dist/firefox with no test hook: from the click on its toolbar
 *       button (the `mousedown` on the button in the browser window, on the
 *       parent process's clock) to the first frame that shows the article
 *       (the dialog's `data-state` turns `article`; the same "painted" rule),
 *       and to the whole article drawn (`.content` loses `aria-busy`, which a
 *       long article, shown in parts, keeps until its last part is in). Both
 *       ends are read as epoch times (`timeOrigin + now()`), one in the parent
 *       process and one in the page's: the machine's clock, the same for both
 *       within a millisecond.
 *
 * The page is loaded before (b)'s click, as a reader clicks on a page they
 * have open; (a) loads it again itself, as Reader View does from its URL.
 * A page the corpus calls no article (expected-metadata.json `readerable:
 * false`) counts for neither side. REPS runs per page and side, alternating.
 * Writes out/bench/firefox.json and prints medians and p95.
 *
 * Env: QUIRE_CORPUS, QUIRE_BENCH_FIREFOX_REPS (default 3), QUIRE_BENCH_FILTER
 * (only pages whose name contains it), QUIRE_FIREFOX, QUIRE_BENCH_FIREFOX_B
 * (another unpacked Firefox build, e.g. main's: an A/B in the same run; it
 * runs in a second Firefox, the two taking turns, each running Reader View then Quire on each
 * page, and is reported as (b′) beside (b)).
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from '../tests/e2e/lib.mjs';
import { ROOT, BUTTON_SELECTOR, READER_ROOT, KEY, launchFirefox, openTab, inChrome, inReader, press, waitFor, waitForOverlayGone } from '../tests/e2e-firefox/lib.mjs';
import { median, pct } from './stats.mjs';

const CORPUS = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'), 'readability-test-pages');
const REPS = Number(process.env.QUIRE_BENCH_FIREFOX_REPS || 3);
const FILTER = process.env.QUIRE_BENCH_FILTER || '';
const OUT_DIR = join(ROOT, 'out', 'bench');
const TIMEOUT_MS = 20_000;

/** @type {string[]} */
const names = [];
for (const name of (await readdir(CORPUS)).sort()) {
  if (FILTER && !name.includes(FILTER)) continue;
  if (await stat(join(CORPUS, name, 'source.html')).catch(() => null)) names.push(name);
}
if (names.length === 0) throw new Error(`no pages in ${CORPUS}`);

const B_DIR = process.env.QUIRE_BENCH_FIREFOX_B || '';
const server = await serve({ root: CORPUS });
const ff = await launchFirefox();
await openTab(ff, 'about:blank', 0);
const ffB = B_DIR ? await launchFirefox({ extensionDir: resolve(B_DIR) }) : null;
if (ffB) await openTab(ffB, 'about:blank', 0);

/**
 * One Reader View run on `url` in `ff`'s tab: ms from the request to the
 * article painted, or a string saying why there is no time.
 * @param {string} url
 * @param {import('../tests/e2e-firefox/lib.mjs').Firefox} ff
 * @returns {Promise<number | string>}
 */
async function readerView(url, ff) {
  await ff.m.send('WebDriver:Navigate', { url: 'about:blank' });
  const target = `about:reader?url=${encodeURIComponent(url)}`;
  // Navigated from the page's side, so that the call returns at once instead
  // of at the load: the listener must be in place before the article comes in.
  await ff.m.send('WebDriver:ExecuteScript', { sandbox: 'system', newSandbox: true, args: [target], script: 'location.href = arguments[0]; return true;' });
  /** @type {string} */
  let armed = '';
  const deadline = Date.now() + TIMEOUT_MS;
  while (!armed && Date.now() < deadline) {
    armed = await ff.m
      .send('WebDriver:ExecuteScript', {
        sandbox: 'system',
        args: [target],
        script: `
          if (document.URL !== arguments[0]) return '';
          if (document.body?.classList.contains('loaded')) return 'missed';
          const g = globalThis;
          g.quireBench = { ready: null, painted: null, error: false };
          document.addEventListener('AboutReaderContentReady', () => {
            g.quireBench.ready = performance.now();
            requestAnimationFrame(() => setTimeout(() => { g.quireBench.painted = performance.now(); }, 0));
          }, { once: true });
          return 'armed';`,
      })
      .then((r) => String(r.value || ''))
      .catch(() => '');
  }
  if (armed !== 'armed') return armed || 'the reader page never came';
  try {
    const done = await waitFor(
      () =>
        ff.m
          .send('WebDriver:ExecuteScript', {
            sandbox: 'system',
            args: [],
            script: `const b = globalThis.quireBench;
              // AboutReader._showError: the message element says the load failed.
              const failed = document.querySelector('.reader-message')?.getAttribute('data-l10n-id') === 'about-reader-load-error';
              return b ? { painted: b.painted, failed } : { painted: null, failed: true };`,
          })
          .then((r) => r.value),
      (v) => v.painted !== null || v.failed,
      TIMEOUT_MS,
      'Reader View’s article',
    );
    return done.painted !== null ? done.painted : 'Reader View found no article';
  } catch {
    return 'timed out';
  }
}

/**
 * One Quire run on the page loaded in `ff`'s tab: ms from the click to the
 * first frame with the article and to the whole article drawn, or a string
 * saying why there is no time.
 * @param {import('../tests/e2e-firefox/lib.mjs').Firefox} ff
 * @returns {Promise<{first: number, complete: number} | string>}
 */
async function quire(ff) {
  // Watch the page for the reader before the click.
  await ff.m.send('WebDriver:ExecuteScript', {
    sandbox: 'system',
    newSandbox: true,
    args: [],
    script: `
      const g = globalThis;
      g.quireBench = { first: null, complete: null, state: null };
      const epoch = () => performance.timeOrigin + performance.now();
      const painted = (key) => requestAnimationFrame(() => setTimeout(() => { g.quireBench[key] = epoch(); }, 0));
      let seenArticle = false;
      let seenComplete = false;
      const look = () => {
        const root = ${READER_ROOT};
        const state = root?.querySelector('[role="dialog"]')?.getAttribute('data-state') ?? null;
        if (state && state !== 'loading') g.quireBench.state = state;
        if (!seenArticle && state === 'article') { seenArticle = true; painted('first'); }
        const content = root?.querySelector('.content');
        if (seenArticle && !seenComplete && content && !content.hasAttribute('aria-busy')) { seenComplete = true; painted('complete'); }
        if (!root) return;
        if (!g.quireBench.observingRoot) { g.quireBench.observingRoot = true; new MutationObserver(look).observe(root, { subtree: true, childList: true, attributes: true }); }
      };
      new MutationObserver(look).observe(document.documentElement, { childList: true });
      return true;`,
  });
  const clickedAt = await inChrome(ff.m, async () => {
    await ff.m.send('WebDriver:ExecuteScript', {
      args: [BUTTON_SELECTOR],
      script: `const b = document.querySelector(arguments[0]);
        window.quireBenchClick = null;
        b.addEventListener('mousedown', () => { window.quireBenchClick = performance.timeOrigin + performance.now(); }, { once: true, capture: true });`,
    });
    const found = await ff.m.send('WebDriver:FindElement', { using: 'css selector', value: BUTTON_SELECTOR });
    await ff.m.send('WebDriver:ElementClick', { id: Object.values(found.value)[0] });
    return (await ff.m.send('WebDriver:ExecuteScript', { args: [], script: 'return window.quireBenchClick;' })).value;
  });
  if (typeof clickedAt !== 'number') return 'the click was not seen';
  try {
    const done = await waitFor(
      () =>
        ff.m.send('WebDriver:ExecuteScript', { sandbox: 'system', args: [], script: 'return globalThis.quireBench;' }).then((r) => r.value),
      (v) => (v.first !== null && v.complete !== null) || (v.state !== null && v.state !== 'article'),
      TIMEOUT_MS,
      'Quire’s article',
    );
    if (done.first === null) return `overlay state ${done.state}`;
    return { first: done.first - clickedAt, complete: done.complete - clickedAt };
  } catch {
    return 'timed out';
  } finally {
    await press(ff, KEY.Escape).catch(() => {});
    await waitForOverlayGone(ff).catch(() => {});
  }
}

/**
 * Loads `url` in `browser`'s tab and runs Quire on it once.
 * @param {import('../tests/e2e-firefox/lib.mjs').Firefox} browser
 * @param {string} url
 */
async function quireOn(browser, url) {
  await browser.m.send('WebDriver:Navigate', { url });
  await new Promise((r) => setTimeout(r, 300));
  return quire(browser);
}

/** @type {{name: string, readerable: boolean, readerView: (number | string)[], quire: ({first: number, complete: number} | string)[], quireB: ({first: number, complete: number} | string)[], readerViewB: (number | string)[]}[]} */
const rows = [];
for (const name of names) {
  const expected = JSON.parse(await readFile(join(CORPUS, name, 'expected-metadata.json'), 'utf8').catch(() => '{}'));
  const url = server.url(`/${name}/source.html`);
  const row = {
    name,
    readerable: expected.readerable !== false,
    readerView: /** @type {(number | string)[]} */ ([]),
    quire: /** @type {({first: number, complete: number} | string)[]} */ ([]),
    quireB: /** @type {({first: number, complete: number} | string)[]} */ ([]),
    readerViewB: /** @type {(number | string)[]} */ ([]),
  };
  for (let rep = 0; rep < REPS; rep++) {
    // With a B build, each Firefox runs Reader View then Quire, as (a) and
    // (b) always run: Quire's click then comes on a tab that has just left
    // about:reader in both. Their order alternates.
    const order = ffB && rep % 2 === 1 ? [ffB, ff] : ffB ? [ff, ffB] : [ff];
    for (const browser of order) {
      let a = await readerView(url, browser);
      // A run whose article came in before the listener: once more.
      if (a === 'missed') a = await readerView(url, browser);
      (browser === ff ? row.readerView : row.readerViewB).push(a);
      (browser === ff ? row.quire : row.quireB).push(await quireOn(browser, url));
    }
  }
  rows.push(row);
  const show = (/** @type {number | string | {first: number}} */ v) => (typeof v === 'number' ? v.toFixed(0) : typeof v === 'string' ? v : v.first.toFixed(0));
  console.log(`${name}: Reader View ${row.readerView.map(show).join(' ')} ms; Quire first frame ${row.quire.map(show).join(' ')} ms${ffB ? `; B ${row.quireB.map(show).join(' ')} ms` : ''}`);
}
await ff.close();
await ffB?.close();
await server.close();

/** Per page, the median of its runs that have a time. */
const counted = rows.filter((r) => r.readerable);
/** @param {number[]} v */
const med = (v) => (v.length ? median(v) : NaN);
const perPage = counted.map((r) => ({
  name: r.name,
  readerView: med(r.readerView.filter((v) => typeof v === 'number')),
  first: med(r.quire.flatMap((v) => (typeof v === 'object' ? [v.first] : []))),
  complete: med(r.quire.flatMap((v) => (typeof v === 'object' ? [v.complete] : []))),
  firstB: med(r.quireB.flatMap((v) => (typeof v === 'object' ? [v.first] : []))),
  readerViewB: med(r.readerViewB.filter((v) => typeof v === 'number')),
}));
const both = perPage.filter((p) => Number.isFinite(p.readerView) && Number.isFinite(p.first));
/** @param {number[]} v */
const stats = (v) => ({ median: median(v), p95: pct(v, 0.95), n: v.length });
const summary = {
  pages: names.length,
  notArticlePages: rows.length - counted.length,
  pagesWithBoth: both.length,
  readerViewFailures: counted.filter((r) => r.readerView.every((v) => typeof v !== 'number')).map((r) => `${r.name}: ${r.readerView.find((v) => typeof v === 'string')}`),
  quireFailures: counted.filter((r) => r.quire.every((v) => typeof v !== 'object')).map((r) => `${r.name}: ${r.quire.find((v) => typeof v === 'string')}`),
  readerViewPainted: stats(both.map((p) => p.readerView)),
  quireFirstFrame: stats(both.map((p) => p.first)),
  quireComplete: stats(both.map((p) => p.complete)),
  firstFrameRatio: stats(both.map((p) => p.first / p.readerView)),
  ...(ffB ? abSummary() : {}),
};

/** (b′), the other build, on the pages where all three have a time. */
function abSummary() {
  const all = both.filter((p) => Number.isFinite(p.firstB) && Number.isFinite(p.readerViewB));
  return {
    b: B_DIR,
    pagesWithB: all.length,
    abFirstFrame: stats(all.map((p) => p.first)),
    bFirstFrame: stats(all.map((p) => p.firstB)),
    abFirstFrameRatio: stats(all.map((p) => p.first / p.readerView)),
    bReaderViewPainted: stats(all.map((p) => p.readerViewB)),
    bFirstFrameRatio: stats(all.map((p) => p.firstB / p.readerViewB)),
    firstOverB: stats(all.map((p) => p.first / p.firstB)),
  };
}
await mkdir(OUT_DIR, { recursive: true });
await writeFile(join(OUT_DIR, 'firefox.json'), `${JSON.stringify({ reps: REPS, summary, rows }, null, 2)}\n`);
/** @param {{median: number, p95: number, n: number}} s */
const f = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (${s.n} pages)`;
console.log(`\nFirefox, ${names.length} pages, ${REPS} runs each (out/bench/firefox.json):`);
console.log(`  (a) Reader View, request → article painted: ${f(summary.readerViewPainted)}`);
console.log(`  (b) Quire, click → first frame with the article: ${f(summary.quireFirstFrame)}`);
console.log(`      Quire, click → whole article drawn:         ${f(summary.quireComplete)}`);
console.log(`  per page, Quire's first frame / Reader View's: median ${summary.firstFrameRatio.median.toFixed(2)}, p95 ${summary.firstFrameRatio.p95.toFixed(2)}`);
console.log(`  no article in Reader View: ${summary.readerViewFailures.length}; in Quire: ${summary.quireFailures.length}; not articles by the corpus: ${summary.notArticlePages}`);
if (summary.abFirstFrame && summary.bFirstFrame && summary.bReaderViewPainted && summary.abFirstFrameRatio && summary.bFirstFrameRatio && summary.firstOverB) {
  console.log(`  A/B on ${summary.pagesWithB} pages: (b) ${f(summary.abFirstFrame)}; (b′) ${B_DIR}: ${f(summary.bFirstFrame)}`);
  console.log(`    Reader View in B's Firefox: ${f(summary.bReaderViewPainted)}`);
  console.log(`    / Reader View (each in its own Firefox): (b) median ${summary.abFirstFrameRatio.median.toFixed(2)}, p95 ${summary.abFirstFrameRatio.p95.toFixed(2)}; (b′) median ${summary.bFirstFrameRatio.median.toFixed(2)}, p95 ${summary.bFirstFrameRatio.p95.toFixed(2)}`);
  console.log(`    per page (b) / (b′): median ${summary.firstOverB.median.toFixed(3)}, p95 ${summary.firstOverB.p95.toFixed(3)}`);
}

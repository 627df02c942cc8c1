// @ts-check
/**
 * The first click after a pause (`make bench-cold`): Chromium stops an idle
 * MV3 service worker after 30 s, so a reader's click usually starts a new
 * worker, which must load its modules, compile and instantiate the wasm and
 * run its warm-up extraction before it extracts the page. `make
 * bench-browser` keeps its worker warm and does not show this.
 *
 * For every tenth corpus page by size (13 pages, small to large), in one
 * Chromium session:
 *   - cold: the page is loaded, the worker is stopped as the browser stops
 *     an idle one (`ServiceWorker.stopAllWorkers`), and the toolbar is
 *     clicked (CDP `Extensions.triggerAction`) half a second after the load;
 *   - new tab: that tab is closed, the page opened in a new one and clicked
 *     half a second after the load, on the worker the cold click started:
 *     the worker is warm, the tab's renderer is not (its caches of compiled
 *     content scripts, fonts and styles are empty), as on the first click
 *     in a tab;
 *   - warm: that tab is reloaded and clicked again half a second later;
 *   - woken: that tab is closed, the worker stopped, and the page opened in
 *     a new tab and clicked half a second after the load. The worker wakes
 *     for the tab's load (`tabs.onUpdated`), as when a reader opens an
 *     article after a pause, so the click finds it started and warm; a build
 *     that does not wake for loads measures as cold here.
 * Each is timed on the page's clock from just before the click is sent to
 * the end of the first frame that shows the article (the content script's
 * `quire:drawn` mark) and to the end of the frame that drew all of it (a long
 * article comes in parts: `quire:complete`), so both include the DevTools
 * round trip of the click.
 * The new worker's own start → ready time is read from it.
 *
 * Each click's render step (answer in → article in the DOM, with the style
 * and layout that focusing it forces) is reported too, and the cold click's
 * steps from the worker's timestamps and the page's marks.
 *
 * Writes out/bench/cold-click.json and prints medians and p95.
 *
 * Env: QUIRE_CORPUS, QUIRE_BENCH_EXTENSION (an unpacked build to measure
 * instead of dist/chrome-test, the release build plus the test hooks whose timings this reads), QUIRE_BENCH_COLD_PAGES (how many pages, default 13).
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, serve, launchWithExtension, clickAction, readOverlay, stopServiceWorkers, extensionWorkers } from '../tests/e2e/lib.mjs';
import { median, pct } from './stats.mjs';

const CORPUS = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'), 'readability-test-pages');
const PAGES = Number(process.env.QUIRE_BENCH_COLD_PAGES || 13);
/** The content script's timing marks read (see content.js). */
const MARKS = ['open', 'sent', 'replied', 'answered', 'rendered', 'drawn', 'complete'];
/** From a page's load to the click. */
const SETTLE_MS = 500;

/**
 * Clicks the toolbar for `page`; returns the epoch time (ms) just before the
 * click was sent, the ms from then to the end of the first frame that shows
 * the answer, and to the end of the frame that drew the whole article (a
 * long one comes in parts; a notice counts its first frame), page clock.
 * @param {import('../tests/e2e/lib.mjs').Launched} launched
 * @param {import('playwright-core').Page} page
 */
async function timedClick(launched, page) {
  const start = await page.evaluate((names) => {
    for (const name of names) performance.clearMarks(`quire:${name}`);
    return performance.timeOrigin + performance.now();
  }, MARKS);
  await clickAction(launched, page, { confirm: false });
  await page.waitForFunction(() => performance.getEntriesByName('quire:drawn').length > 0, undefined, { timeout: 30_000, polling: 20 });
  if ((await readOverlay(page)).state === 'article') {
    await page.waitForFunction(() => performance.getEntriesByName('quire:complete').length > 0, undefined, { timeout: 30_000, polling: 20 });
  }
  const marks = await page.evaluate(
    (names) =>
      Object.fromEntries(
        names.map((n) => {
          const entry = performance.getEntriesByName(`quire:${n}`)[0];
          return [n, entry ? performance.timeOrigin + entry.startTime : NaN];
        }),
      ),
    MARKS,
  );
  const complete = Number.isNaN(marks.complete) ? marks.drawn : Math.max(marks.complete, marks.drawn);
  // The content script's own work on the answer: DOM building and the style
  // and layout that focusing the overlay forces.
  const renderMs = marks.rendered - marks.answered;
  return { start, ms: marks.drawn - start, completeMs: complete - start, renderMs, marks };
}

/**
 * Where a cold click's time went, in ms, from the worker's clock and
 * timestamps and the page's marks (all epoch times).
 * @param {import('playwright-core').Worker} worker
 * @param {{start: number, marks: Record<string, number>}} click
 */
async function coldSteps(worker, click) {
  const w = await worker.evaluate(async () => {
    const q = /** @type {any} */ (globalThis).quireWorker;
    await q.ready();
    const t = q.timings[q.timings.length - 1];
    return { origin: performance.timeOrigin, readyMs: q.readyMs(), click: t.click, received: t.received, extractEnd: t.extractEnd };
  });
  const ready = w.origin + w.readyMs;
  return {
    workerReadyMs: w.readyMs,
    steps: {
      // The worker's global scope is created (its time origin).
      toWorkerStart: w.origin - click.start,
      // Modules loaded and evaluated: action.onClicked runs.
      toOnClicked: w.click - w.origin,
      inject: click.marks.open - w.click,
      serialiseAndSend: click.marks.sent - click.marks.open,
      toWorker: w.received - click.marks.sent,
      // Still compiling, instantiating or warming up (0 if the core was ready first).
      waitForCore: Math.max(0, ready - w.received),
      extract: w.extractEnd - Math.max(ready, w.received),
      // The answer's way back to the content script.
      reply: click.marks.replied - w.extractEnd,
      // Waiting for the stored settings, if they came after the answer.
      settings: click.marks.answered - click.marks.replied,
      // The overlay built and the article put in (DOM work, no layout yet).
      render: click.marks.rendered - click.marks.answered,
      // Style, layout and paint of the first frame that shows it.
      frame: click.marks.drawn - click.marks.rendered,
    },
  };
}

/**
 * Where a click on a running worker spent its time, in ms, from the worker's
 * timestamps of its last click and the page's marks (all epoch times).
 * @param {import('playwright-core').Worker} worker
 * @param {{start: number, marks: Record<string, number>}} click
 */
async function runningSteps(worker, click) {
  const w = await worker.evaluate(() => {
    const t = /** @type {any} */ (globalThis).quireWorker.timings.at(-1);
    return { click: t.click, received: t.received, extractEnd: t.extractEnd };
  });
  return {
    // The DevTools command and the browser's dispatch of the click.
    toOnClicked: w.click - click.start,
    inject: click.marks.open - w.click,
    serialiseAndSend: click.marks.sent - click.marks.open,
    toWorker: w.received - click.marks.sent,
    extract: w.extractEnd - w.received,
    reply: click.marks.replied - w.extractEnd,
    settings: click.marks.answered - click.marks.replied,
    render: click.marks.rendered - click.marks.answered,
    frame: click.marks.drawn - click.marks.rendered,
  };
}

/** Waits as a reader would between the page's load and the click. */
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * The extension's running worker (the one the last click started).
 * @param {import('../tests/e2e/lib.mjs').Launched} launched
 */
function currentWorker(launched) {
  const workers = extensionWorkers(launched);
  return workers[workers.length - 1];
}

async function main() {
  const names = (await readdir(CORPUS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const sized = await Promise.all(names.map(async (name) => ({ name, bytes: (await stat(join(CORPUS, name, 'source.html'))).size })));
  sized.sort((a, b) => a.bytes - b.bytes || a.name.localeCompare(b.name));
  const step = Math.max(1, Math.floor(sized.length / PAGES));
  const chosen = sized.filter((_, i) => i % step === step - 1).slice(0, PAGES);

  const server = await serve({ root: CORPUS });
  const launched = await launchWithExtension(process.env.QUIRE_BENCH_EXTENSION ? { extensionDir: resolve(process.env.QUIRE_BENCH_EXTENSION) } : {});
  const { context } = launched;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    return u.startsWith(server.origin) || u.startsWith('chrome-extension:') ? route.continue() : route.abort();
  });
  /** @type {{newTabSteps: Record<string, number>, name: string, bytes: number, coldMs: number, coldCompleteMs: number, newTabMs: number, newTabCompleteMs: number, warmMs: number, warmCompleteMs: number, wokenMs: number, wokenCompleteMs: number, coldRenderMs: number, newTabRenderMs: number, warmRenderMs: number, wokenRenderMs: number, workerReadyMs: number, coldSteps: Record<string, number>}[]} */
  const rows = [];
  try {
    for (const { name, bytes } of chosen) {
      const url = server.url(`/${name}/source.html`);
      let page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        // A reader clicks some time after the page has loaded, by when an
        // idle worker is gone.
        await settle();
        await stopServiceWorkers(launched);
        const cold = await timedClick(launched, page);
        const worker = currentWorker(launched);
        const { workerReadyMs, steps } = worker ? await coldSteps(worker, cold) : { workerReadyMs: NaN, steps: {} };
        // The same page in a new tab, on the running worker: a new renderer
        // process, whose caches (compiled content scripts, fonts, style)
        // are cold, as on the first click in a tab. (The first tab goes first:
        // a click finds its tab by URL.)
        await page.close();
        page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await settle();
        const newTab = await timedClick(launched, page);
        const running = currentWorker(launched);
        const newTabSteps = running ? await runningSteps(running, newTab) : {};
        // That tab reloaded: the renderer's caches are warm.
        await page.reload({ waitUntil: 'load' });
        await settle();
        const warm = await timedClick(launched, page);
        // A new page after a pause: the worker is stopped before the load.
        await page.close();
        await stopServiceWorkers(launched);
        page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await settle();
        const woken = await timedClick(launched, page);
        rows.push({
          name,
          bytes,
          coldMs: cold.ms,
          coldCompleteMs: cold.completeMs,
          newTabMs: newTab.ms,
          newTabCompleteMs: newTab.completeMs,
          warmMs: warm.ms,
          warmCompleteMs: warm.completeMs,
          wokenMs: woken.ms,
          wokenCompleteMs: woken.completeMs,
          coldRenderMs: cold.renderMs,
          newTabRenderMs: newTab.renderMs,
          warmRenderMs: warm.renderMs,
          wokenRenderMs: woken.renderMs,
          workerReadyMs,
          coldSteps: steps,
          newTabSteps,
        });
        console.log(
          `${name.padEnd(28)} ${String(bytes).padStart(8)} B  cold ${cold.ms.toFixed(0).padStart(5)} ms  new tab ${newTab.ms.toFixed(0).padStart(5)} ms  warm ${warm.ms.toFixed(0).padStart(5)} ms  woken ${woken.ms.toFixed(0).padStart(5)} ms  ` +
            `ready ${workerReadyMs.toFixed(0)} ms  [${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}]` +
            `  new tab [${Object.entries(newTabSteps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}]`,
        );
      } finally {
        await page.close();
      }
    }
  } finally {
    await launched.close();
    await server.close();
  }
  const summary = Object.fromEntries(
    /** @type {const} */ (['coldMs', 'coldCompleteMs', 'newTabMs', 'newTabCompleteMs', 'warmMs', 'warmCompleteMs', 'wokenMs', 'wokenCompleteMs', 'coldRenderMs', 'newTabRenderMs', 'warmRenderMs', 'wokenRenderMs', 'workerReadyMs']).map((k) => {
      const v = rows.map((r) => r[k]).filter((x) => Number.isFinite(x));
      return [k, { median: median(v), p95: pct(v, 0.95), n: v.length }];
    }),
  );
  /** @type {Record<string, number>} */
  const stepMedians = {};
  for (const key of Object.keys(rows[0]?.coldSteps ?? {})) {
    stepMedians[key] = median(rows.map((r) => /** @type {Record<string, number>} */ (r.coldSteps)[key]).filter((x) => Number.isFinite(x)));
  }
  console.log(`\ncold click, medians per step (ms): ${Object.entries(stepMedians).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  /** @type {Record<string, {median: number, p95: number}>} */
  const newTabStepStats = {};
  for (const key of Object.keys(rows[0]?.newTabSteps ?? {})) {
    const v = rows.map((r) => r.newTabSteps[key]).filter((x) => Number.isFinite(x));
    newTabStepStats[key] = { median: median(v), p95: pct(v, 0.95) };
  }
  console.log(`new tab, running worker, median / p95 per step (ms): ${Object.entries(newTabStepStats).map(([k, v]) => `${k} ${v.median.toFixed(1)} / ${v.p95.toFixed(1)}`).join(', ')}`);
  /** @param {'cold' | 'newTab' | 'warm' | 'woken'} k */
  const line = (k) => {
    const m = (/** @type {string} */ key) => `median ${summary[key].median.toFixed(1)} ms, p95 ${summary[key].p95.toFixed(1)} ms`;
    return `  ${{ cold: 'new tab, stopped worker', newTab: 'new tab, running worker', warm: 'same tab reloaded, running worker', woken: 'new tab loaded on a stopped worker' }[k].padEnd(34)} first frame ${m(`${k}Ms`)}; whole article ${m(`${k}CompleteMs`)}; render ${m(`${k}RenderMs`)}`;
  };
  console.log(`click → article drawn, ${rows.length} pages:\n${line('cold')}\n${line('newTab')}\n${line('warm')}\n${line('woken')}`);
  console.log(`new worker start → ready median ${summary.workerReadyMs.median.toFixed(1)} ms`);
  const out = join(ROOT, 'out', 'bench');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'cold-click.json'), JSON.stringify({ schema: 4, summary, coldStepMedians: stepMedians, newTabSteps: newTabStepStats, pages: rows }, null, 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

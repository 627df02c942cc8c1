// @ts-check
/**
 * Browser benchmark, one Chromium session (`make bench-browser`):
 *
 *   (a) Readability.js (npm @mozilla/readability) on `document.cloneNode(true)`,
 *       as Firefox's reader view uses it;
 *   (b) Quire's release wasm `extract(document.documentElement.outerHTML)`,
 *       called directly in the page (outerHTML timed separately);
 *   (c) Quire through the extension: toolbar click (CDP Extensions.triggerAction)
 *       until the overlay is painted. Timed from the worker's `action.onClicked`
 *       to the end of the first frame that shows the article: the task after
 *       that frame's animation-frame callback, so its style, layout and paint
 *       are in (the `drawn` mark). From timestamps the worker keeps
 *       (`quireWorker.timings`, read through DevTools) and `performance` marks
 *       the content script sets on the page (both on the epoch clock:
 *       `timeOrigin + now()`), with a breakdown by step. Up to that frame's
 *       animation-frame callback only (which misses the frame's layout and
 *       paint) is reported beside it, as is the wall time seen from here
 *       (DevTools round trips and polling included). A long article comes
 *       in parts (overlay.js `progressive`): the first frame has its first
 *       screenfuls, so "complete" is reported too: click until the whole
 *       article is in the page (`appended`) and the frame that drew it has
 *       been drawn (`complete`, the same rule as `drawn`). A build or a view
 *       without those marks (an older build, a "not an article" notice)
 *       counts its first frame as complete. A page the corpus says
 *       is no article must get the "not an article" notice; any other page
 *       the article.
 *
 *       Playwright's helper script is installed in the page before the click
 *       and the wait polls on a timer, not every frame: installing it (about
 *       20 ms of script on the page's main thread) during a click held up the
 *       worker's answer, and a per-frame poll keeps the page producing frames.
 *
 * Every corpus page is served from 127.0.0.1 (requests elsewhere are aborted).
 * (a) and (b) alternate, REPS runs per page after a warm-up; (c) runs CLICK_REPS
 * times per page. Writes out/bench/browser.json and prints medians and p95.
 *
 * Env: QUIRE_CORPUS, QUIRE_BENCH_BROWSER_REPS (default 5),
 * QUIRE_BENCH_CLICK_REPS (default 1; 0 skips (c)), QUIRE_BENCH_FILTER (pages whose
 * name holds it, or, with commas, the pages so named: an A/B on chosen pages),
 * QUIRE_BENCH_EXTENSION (an unpacked build to measure instead of dist/chrome-test,
 * the release build plus the test hooks that leave the timings read here,
 * e.g. an older one, for a before/after in the same conditions, or the click
 * floor of `make bench-floor`), QUIRE_BENCH_OUT (the file written in
 * out/bench/, default browser.json), QUIRE_BENCH_SCROLLBARS (default 1:
 * classic scrollbars that take room, as on Windows and Linux desktops, where
 * locking the page's scroll lays the page out again; 0: hidden, as headless
 * Playwright has them, and as every run before 2026-11-29 14:00 had them),
 * QUIRE_BENCH_EXTENSION_B (a second unpacked build, e.g. main's, for an A/B in
 * one run: it gets a browser of its own, and each page is clicked in both,
 * the two taking turns as to which goes first; (a) and (b) are skipped, as
 * running them in A's tab alone biased the click against A: +7 % at the
 * median with the same product code in both).
 * Printed: B's click steps, and per-page ratios A / B of the click and of
 * each step, median and p95 over pages.
 *
 * Beside the steps, from the worker's finer marks where the build sets them
 * (the test hooks since 2026-12-07): the extraction's wait for the reader's
 * stored settings (`extractStart` → `optionsRead`) and the glue's `extract`
 * call itself (`wasmStart` → `wasmEnd`: the page copied into the wasm memory,
 * the core, the article built as a JS object).
 */
import { mkdtemp, rm, symlink, readdir, mkdir, writeFile, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, serve, launchWithExtension, clickAction, waitForOverlay } from '../tests/e2e/lib.mjs';
import { median, pct } from './stats.mjs';

const CORPUS = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'), 'readability-test-pages');
const REPS = Number(process.env.QUIRE_BENCH_BROWSER_REPS || 5);
const CLICK_REPS = Number(process.env.QUIRE_BENCH_CLICK_REPS ?? 1);
const FILTER = process.env.QUIRE_BENCH_FILTER || '';
const OUT = process.env.QUIRE_BENCH_OUT || 'browser.json';
/** A second build to click beside the first, page by page (an A/B in one run). */
const EXTENSION_B = process.env.QUIRE_BENCH_EXTENSION_B || '';
/** Classic scrollbars, as on Windows and Linux desktops (headless Playwright hides them); `0` hides them. */
const SCROLLBARS = process.env.QUIRE_BENCH_SCROLLBARS !== '0';
if (!/^[\w.-]+\.json$/.test(OUT)) throw new Error(`QUIRE_BENCH_OUT must be a file name ending in .json, not ${OUT}`);


/**
 * The steps of a click, as [key, label]; each runs from the previous mark to
 * its own (see {@link breakdown}).
 * @type {[string, string][]}
 */
const STEPS = [
  ['inject', 'onClicked → content script runs'],
  ['serialise', 'outerHTML'],
  ['send', 'request sent (sendMessage)'],
  ['toWorker', 'message → worker'],
  ['extract', 'wasm extract (in worker)'],
  ['toPage', 'reply → content script'],
  ['wait', 'wait for stored settings'],
  ['render', 'render article, show'],
  ['frame', 'render → next frame'],
  ['paint', "that frame's style, layout, paint"],
];

/**
 * The rest of the click for a progressive article, after {@link STEPS}:
 * drawn → complete.
 * @type {[string, string][]}
 */
const COMPLETE_STEPS = [
  ['append', 'rest of the article appended'],
  ['lastFrame', 'its frame, style, layout, paint'],
];

/**
 * Within the extraction step, where the build marks them (see the file comment).
 * @type {[string, string][]}
 */
const INNER_STEPS = [
  ['optionsWait', 'extract: wait for stored settings'],
  ['wasm', 'extract: the glue extract call'],
];

/** Every step key, in the order printed. */
const ALL_STEPS = [...STEPS, ...INNER_STEPS, ...COMPLETE_STEPS];

/** How often the benchmark looks for the end of a click, in ms. */
const POLL_MS = 20;

/**
 * The click's timeline: the worker's timestamps for the newest click and the
 * content script's marks on the page, on one epoch clock.
 * @param {import('../tests/e2e/lib.mjs').Launched} launched
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{total: number, toFrame: number, complete: number, steps: Record<string, number>, reader: number, heldByReader: boolean, raw: {worker: Record<string, number>, marks: Record<string, number>}}>}
 */
async function breakdown(launched, page) {
  await page.waitForFunction(() => performance.getEntriesByName('quire:drawn').length > 0, undefined, { timeout: 5_000, polling: POLL_MS });
  // Then the whole article: once `appended` is set, its `complete`; a build
  // that sets neither is done when nothing is still being appended.
  await page.waitForFunction(
    () => {
      const has = (/** @type {string} */ n) => performance.getEntriesByName(`quire:${n}`).length > 0;
      if (has('complete')) return true;
      if (has('appended')) return false;
      // (An older build, with an open shadow root; the current one sets the marks.)
      return !document.getElementById('quire-reader')?.shadowRoot?.querySelector('.content[aria-busy="true"]');
    },
    undefined,
    { timeout: 20_000, polling: POLL_MS },
  );
  // Every `quire:` mark, on the epoch clock (the named ones below, and any
  // finer ones a build sets: they go into the JSON as they are).
  /** @type {Record<string, number>} */
  const all = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((e) => e.name.startsWith('quire:')).map((e) => [e.name.slice(6), performance.timeOrigin + e.startTime])),
  );
  const marks = Object.fromEntries(
    ['open', 'serialised', 'sent', 'evaluated', 'replied', 'answered', 'rendered', 'painted', 'drawn', 'appended', 'complete'].map((n) => [n, all[n] ?? NaN]),
  );
  // A build without the `replied` mark (before it waited for settings apart) counts all as the reply.
  const replied = Number.isNaN(marks.replied) ? marks.answered : marks.replied;
  const w = await launched.worker.evaluate(() => {
    const t = /** @type {any} */ (globalThis).quireWorker.timings;
    return t[t.length - 1];
  });
  /** @type {Record<string, number>} */
  const steps = {
    inject: marks.open - w.click,
    serialise: marks.serialised - marks.open,
    send: marks.sent - marks.serialised,
    toWorker: w.extractStart - marks.sent,
    extract: w.extractEnd - w.extractStart,
    toPage: replied - w.extractEnd,
    wait: marks.answered - replied,
    render: marks.rendered - marks.answered,
    frame: marks.painted - marks.rendered,
    paint: marks.drawn - marks.painted,
    // Within `extract` (NaN from a build without these marks).
    optionsWait: (w.optionsRead ?? NaN) - w.extractStart,
    wasm: (w.wasmEnd ?? NaN) - (w.wasmStart ?? NaN),
  };
  // Without the marks (an older build, a notice), the first frame was all of it.
  // A short article's `complete` task can run just before `drawn` in the same frame.
  const complete = Number.isNaN(marks.complete) ? marks.drawn : Math.max(marks.complete, marks.drawn);
  const appended = Number.isNaN(marks.appended) ? marks.drawn : Math.max(marks.appended, marks.drawn);
  steps.append = appended - marks.drawn;
  steps.lastFrame = complete - appended;
  // Beside the steps (they overlap them): the reader's file, from the page
  // sent to the end of its evaluation (content/content.js `evaluated`; its
  // arrival, compile and top-level run, the overlay built), and whether the
  // answer waited for it: the worker was done before the file was, and the
  // answer was taken within a millisecond of the file's end.
  const reader = marks.evaluated - marks.sent;
  const heldByReader = marks.evaluated > w.extractEnd && replied >= marks.evaluated && replied - marks.evaluated < 1;
  return { total: marks.drawn - w.click, toFrame: marks.painted - w.click, complete: complete - w.click, steps, reader, heldByReader, raw: { worker: w, marks: all } };
}

/**
 * CLICK_REPS toolbar clicks on `url` in one browser, each after a fresh load.
 * @param {import('../tests/e2e/lib.mjs').Launched} launched
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @param {boolean} readerable The corpus says the page is an article.
 */
async function clicks(launched, page, url, readerable) {
  /** @type {number[]} */
  const click = [];
  /** @type {number[]} */
  const wall = [];
  /** @type {number[]} */
  const toFrame = [];
  /** @type {number[]} */
  const complete = [];
  /** @type {Record<string, number>[]} */
  const steps = [];
  /** @type {number[]} */
  const reader = [];
  /** @type {boolean[]} */
  const heldByReader = [];
  /** @type {{worker: Record<string, number>, marks: Record<string, number>}[]} */
  const raw = [];
  let clickError = '';
  for (let i = 0; i < CLICK_REPS; i++) {
    if (i > 0 || page.url() !== url) await page.goto(url, { waitUntil: 'domcontentloaded' });
    else await page.reload({ waitUntil: 'domcontentloaded' });
    // Chromium drops clicks that land within ~300 ms of a load (TOOLCHAIN.md).
    await page.waitForTimeout(400);
    // Installs Playwright's helper script in the page now, not during the click.
    await page.waitForFunction(() => true);
    const t = Date.now();
    try {
      await clickAction(launched, page, { confirm: false });
      await page.waitForFunction(() => performance.getEntriesByName('quire:rendered').length > 0, undefined, { timeout: 20_000, polling: POLL_MS });
      wall.push(Date.now() - t);
      const view = await waitForOverlay(page, 1_000);
      if (view.state !== (readerable ? 'article' : 'not-article')) clickError = `overlay state ${view.state}`;
      const b = await breakdown(launched, page);
      click.push(b.total);
      toFrame.push(b.toFrame);
      complete.push(b.complete);
      steps.push(b.steps);
      raw.push(b.raw);
      if (Number.isFinite(b.reader)) {
        reader.push(b.reader);
        heldByReader.push(b.heldByReader);
      }
    } catch (e) {
      clickError = String(e).split('\n')[0];
    }
  }
  return { click, wall, toFrame, complete, steps, reader, heldByReader, raw, clickError };
}

async function main() {
  await stat(join(ROOT, 'build', 'pkg', 'quire_bg.wasm')).catch(() => {
    throw new Error('build/pkg is missing: run `make wasm`');
  });
  // One server root holding the corpus, the wasm glue and Readability.js.
  const site = await mkdtemp(join(tmpdir(), 'quire-bench-site-'));
  await symlink(CORPUS, join(site, 'corpus'));
  await symlink(join(ROOT, 'build', 'pkg'), join(site, 'pkg'));
  await symlink(join(ROOT, 'node_modules', '@mozilla', 'readability'), join(site, 'readability'));
  const server = await serve({ root: site });
  const names = (await readdir(CORPUS, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && (FILTER.includes(',') ? FILTER.split(',').includes(d.name) : d.name.includes(FILTER)))
    .map((d) => d.name)
    .sort();
  const launched = await launchWithExtension({
    scrollbars: SCROLLBARS,
    ...(process.env.QUIRE_BENCH_EXTENSION ? { extensionDir: resolve(process.env.QUIRE_BENCH_EXTENSION) } : {}),
  });
  const launchedB = EXTENSION_B ? await launchWithExtension({ scrollbars: SCROLLBARS, extensionDir: resolve(EXTENSION_B) }) : null;
  const { context } = launched;
  for (const c of launchedB ? [context, launchedB.context] : [context]) {
    await c.route('**/*', (route) => {
      const u = route.request().url();
      return u.startsWith(server.origin) || u.startsWith('chrome-extension:') ? route.continue() : route.abort();
    });
  }
  const browserVersion = context.browser()?.version() || 'unknown';
  // The worker's cold start: module load, wasm compile and instantiate, first warm-up run.
  const workerReadyMs = await launched.worker.evaluate(async () => {
    const w = /** @type {any} */ (globalThis).quireWorker;
    await w.ready();
    return w.readyMs();
  });
  if (launchedB) await launchedB.worker.evaluate(() => /** @type {any} */ (globalThis).quireWorker.ready());
  const page = await context.newPage();
  const pageB = launchedB ? await launchedB.context.newPage() : null;
  /** @type {any[]} one record per page (see the JSON written below) */
  const rows = [];
  let initMs = NaN;
  const started = Date.now();
  try {
    for (const name of names) {
      const url = server.url(`/corpus/${name}/source.html`);
      // (In an A/B, each build's clicks load the page the same way: see `clicks`.)
      if (!launchedB) await page.goto(url, { waitUntil: 'domcontentloaded' });
      // A page whose own CSP forbids wasm (or our script) cannot host (a)/(b);
      // it is reported as skipped there and still measured through the extension.
      let skipped = '';
      /** (a) and (b) measured nothing: an A/B skips them (see below). */
      const none = { readability: [], quire: [], outerHtml: [], readabilityOk: true, quireOk: true, quireError: '', init: NaN, bytes: 0 };
      // An A/B skips (a) and (b): run in A's tab only, they would leave it
      // (its renderer's heap, the CPU) unlike B's just before A's click.
      const r = launchedB ? none : await page.evaluate(
        async ({ origin, reps }) => {
          const w = /** @type {any} */ (window);
          if (!w.Readability) {
            await new Promise((ok, fail) => {
              const s = document.createElement('script');
              s.src = `${origin}/readability/Readability.js`;
              // Keep the page as it was: the tag goes before anything is timed.
              s.onload = () => {
                s.remove();
                ok(undefined);
              };
              s.onerror = fail;
              document.head.appendChild(s);
            });
          }
          const t0 = performance.now();
          const quire = await import(`${origin}/pkg/quire.js`);
          await quire.default({ module_or_path: `${origin}/pkg/quire_bg.wasm` });
          const init = performance.now() - t0;
          const Readability = w.Readability;
          /** @type {{readability: number[], quire: number[], outerHtml: number[], readabilityOk: boolean, quireOk: boolean, quireError: string}} */
          const out = { readability: [], quire: [], outerHtml: [], readabilityOk: true, quireOk: true, quireError: '' };
          const runReadability = () => {
            const t = performance.now();
            let ok = true;
            try {
              ok = Boolean(new Readability(document.cloneNode(true)).parse());
            } catch {
              ok = false;
            }
            return { ms: performance.now() - t, ok };
          };
          const runQuire = () => {
            const t = performance.now();
            const html = document.documentElement.outerHTML;
            const t1 = performance.now();
            let ok = true;
            let error = '';
            try {
              quire.extract(html, location.href, undefined);
            } catch (e) {
              ok = false;
              error = String(e);
            }
            return { outer: t1 - t, ms: performance.now() - t1, ok, error };
          };
          runReadability();
          runQuire();
          for (let i = 0; i < reps; i++) {
            const pair = i % 2 === 0 ? [runReadability(), runQuire()] : [runQuire(), runReadability()].reverse();
            const a = /** @type {{ms: number, ok: boolean}} */ (pair[0]);
            const b = /** @type {{outer: number, ms: number, ok: boolean, error: string}} */ (pair[1]);
            out.readability.push(a.ms);
            out.quire.push(b.ms);
            out.outerHtml.push(b.outer);
            out.readabilityOk &&= a.ok;
            out.quireOk &&= b.ok;
            if (!b.ok) out.quireError = b.error;
          }
          return { ...out, init, bytes: new TextEncoder().encode(document.documentElement.outerHTML).length };
        },
        { origin: server.origin, reps: REPS },
      ).catch((/** @type {unknown} */ e) => {
        skipped = String(e).split('\n')[0].slice(0, 160);
        return { readability: [], quire: [], outerHtml: [], readabilityOk: false, quireOk: false, quireError: '', init: NaN, bytes: 0 };
      });
      if (Number.isNaN(initMs)) initMs = r.init;
      // The corpus says which pages are no article: the reader must say so there.
      const expected = JSON.parse(await readFile(join(CORPUS, name, 'expected-metadata.json'), 'utf8').catch(() => '{}'));
      const readerable = expected.readerable !== false;
      // With a B build, the two take turns as to which clicks first.
      const bFirst = Boolean(launchedB) && rows.length % 2 === 1;
      const b = launchedB && pageB && bFirst ? await clicks(launchedB, pageB, url, readerable) : null;
      const { click, wall, toFrame, complete, steps, reader, heldByReader, raw, clickError } = await clicks(launched, page, url, readerable);
      const clicksB = b ?? (launchedB && pageB ? await clicks(launchedB, pageB, url, readerable) : null);
      const row = {
        name,
        bytes: r.bytes,
        readabilityMs: median(r.readability),
        quireMs: median(r.quire),
        outerHtmlMs: median(r.outerHtml),
        quireWithOuterHtmlMs: median(r.quire.map((q, i) => q + r.outerHtml[i])),
        ratio: median(r.quire) / median(r.readability),
        clickToOverlayMs: click.length ? median(click) : null,
        clickWallMs: wall.length ? median(wall) : null,
        clickToFrameMs: toFrame.length ? median(toFrame) : null,
        clickCompleteMs: complete.length ? median(complete) : null,
        readerable,
        readerMs: reader.length ? median(reader) : null,
        clickSteps: steps.length ? Object.fromEntries(ALL_STEPS.map(([k]) => [k, median(steps.map((s) => s[k]))])) : null,
        readabilityOk: r.readabilityOk,
        quireOk: r.quireOk,
        quireError: r.quireError || undefined,
        clickError: clickError || undefined,
        skipped: skipped || undefined,
        runs: { readability: r.readability, quire: r.quire, outerHtml: r.outerHtml, click, toFrame, complete, wall, steps, reader, heldByReader, raw },
        // The B build's clicks on the same page (QUIRE_BENCH_EXTENSION_B), and whether it clicked first.
        b: clicksB
          ? {
              first: bFirst,
              clickToOverlayMs: clicksB.click.length ? median(clicksB.click) : null,
              clickCompleteMs: clicksB.complete.length ? median(clicksB.complete) : null,
              clickSteps: clicksB.steps.length ? Object.fromEntries(ALL_STEPS.map(([k]) => [k, median(clicksB.steps.map((s) => s[k]))])) : null,
              clickError: clicksB.clickError || undefined,
              runs: clicksB,
            }
          : undefined,
      };
      rows.push(row);
      process.stdout.write(
        `${name.padEnd(44)} ${(row.bytes / 1024).toFixed(0).padStart(6)} KiB  readability ${row.readabilityMs.toFixed(1).padStart(7)} ms  quire ${row.quireMs.toFixed(1).padStart(7)} ms (+outerHTML ${row.outerHtmlMs.toFixed(1)})  click ${row.clickToOverlayMs ?? '-'} ms${row.b ? ` (B ${row.b.clickToOverlayMs ?? '-'} ms)` : ''} (complete ${row.clickCompleteMs ?? '-'} ms)${skipped ? ` SKIPPED in page: ${skipped}` : `${row.quireOk ? '' : ' QUIRE FAILED'}${row.readabilityOk ? '' : ' READABILITY NULL'}`}${clickError ? ` [${clickError}]` : ''}\n`,
      );
    }
  } finally {
    await launched.close();
    await launchedB?.close();
    await server.close();
    await rm(site, { recursive: true, force: true });
  }

  const col = (/** @type {(r: any) => number | null} */ f) => rows.map(f).filter((v) => typeof v === 'number' && Number.isFinite(v)).map(Number);
  const stats = (/** @type {number[]} */ v) => ({ median: median(v), p95: pct(v, 0.95), n: v.length });
  const summary = {
    pages: rows.length,
    readability: stats(col((r) => r.readabilityMs)),
    quire: stats(col((r) => r.quireMs)),
    outerHtml: stats(col((r) => r.outerHtmlMs)),
    quireWithOuterHtml: stats(col((r) => r.quireWithOuterHtmlMs)),
    clickToOverlay: stats(col((r) => r.clickToOverlayMs)),
    clickWall: stats(col((r) => r.clickWallMs)),
    clickToFrame: stats(col((r) => r.clickToFrameMs)),
    clickComplete: stats(col((r) => r.clickCompleteMs)),
    notArticlePages: rows.filter((r) => !r.readerable).length,
    clickSteps: Object.fromEntries(ALL_STEPS.map(([k]) => [k, stats(col((r) => r.clickSteps?.[k] ?? null))])),
    reader: stats(col((r) => r.readerMs)),
    clicksHeldByReader: rows.reduce((n, r) => n + r.runs.heldByReader.filter(Boolean).length, 0),
    clicksWithReaderMark: rows.reduce((n, r) => n + r.runs.heldByReader.length, 0),
    medianRatioQuireOverReadability: median(col((r) => r.ratio)),
    quireFaster: rows.filter((r) => r.ratio < 1).length,
    skippedInPage: rows.filter((r) => r.skipped).map((r) => r.name),
    quireFailed: rows.filter((r) => !r.skipped && !r.quireOk).length,
    readabilityNull: rows.filter((r) => !r.skipped && !r.readabilityOk).length,
    clickErrors: rows.filter((r) => r.clickError).length,
    wasmInitMsFirstPage: initMs,
    workerReadyMs,
    // The A/B (QUIRE_BENCH_EXTENSION_B): B's figures, and per-page ratios A / B.
    ...(launchedB
      ? {
          b: {
            extension: EXTENSION_B,
            clickToOverlay: stats(col((r) => r.b?.clickToOverlayMs ?? null)),
            clickComplete: stats(col((r) => r.b?.clickCompleteMs ?? null)),
            clickErrors: rows.filter((r) => r.b?.clickError).length,
            clickSteps: Object.fromEntries(ALL_STEPS.map(([k]) => [k, stats(col((r) => r.b?.clickSteps?.[k] ?? null))])),
          },
          ratioAB: {
            clickToOverlay: stats(col((r) => (r.b ? r.clickToOverlayMs / r.b.clickToOverlayMs : null))),
            clickComplete: stats(col((r) => (r.b ? r.clickCompleteMs / r.b.clickCompleteMs : null))),
            clickSteps: Object.fromEntries(ALL_STEPS.map(([k]) => [k, stats(col((r) => (r.b?.clickSteps && r.clickSteps ? r.clickSteps[k] / r.b.clickSteps[k] : null)))])),
          },
          // Per-page differences A − B (ms): a ratio of two near-zero steps says little.
          diffAB: {
            clickToOverlay: stats(col((r) => (r.b ? r.clickToOverlayMs - r.b.clickToOverlayMs : null))),
            clickSteps: Object.fromEntries(ALL_STEPS.map(([k]) => [k, stats(col((r) => (r.b?.clickSteps && r.clickSteps ? r.clickSteps[k] - r.b.clickSteps[k] : null)))])),
          },
        }
      : {}),
  };
  const outDir = join(ROOT, 'out', 'bench');
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, OUT),
    JSON.stringify({ schema: 3, scrollbars: SCROLLBARS, browser: browserVersion, node: process.version, reps: REPS, clickReps: CLICK_REPS, summary, pages: rows, elapsedSeconds: (Date.now() - started) / 1000 }, null, 2) + '\n',
  );
  const f = (/** @type {{median: number, p95: number}} */ s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;
  console.log(`\nChromium ${browserVersion}, ${rows.length} pages, ${REPS} runs each (per-page medians; p95 over pages); scrollbars ${SCROLLBARS ? 'classic' : 'hidden'}`);
  console.log(`  (a) Readability.js on cloneNode(true): ${f(summary.readability)}`);
  console.log(`  (b) Quire wasm extract:               ${f(summary.quire)}`);
  console.log(`      documentElement.outerHTML:        ${f(summary.outerHtml)}`);
  console.log(`      outerHTML + extract:              ${f(summary.quireWithOuterHtml)}`);
  console.log(`  per-page ratio quire/readability: median ${summary.medianRatioQuireOverReadability.toFixed(2)}; quire faster on ${summary.quireFaster}/${rows.length}`);
  if (CLICK_REPS > 0) {
    console.log(`  (c) click → overlay painted:          ${f(summary.clickToOverlay)}; ${summary.clickErrors} pages with a click error (${summary.notArticlePages} pages are no article: the notice is their right answer)`);
    for (const [k, label] of [...STEPS, ...INNER_STEPS]) console.log(`      ${label.padEnd(34)} ${f(summary.clickSteps[k])}`);
    console.log(`  (c') click → whole article drawn:      ${f(summary.clickComplete)}`);
    for (const [k, label] of COMPLETE_STEPS) console.log(`      ${label.padEnd(34)} ${f(summary.clickSteps[k])}`);
    console.log(`      … to that frame's callback only:  ${f(summary.clickToFrame)}`);
    if (summary.clicksWithReaderMark > 0) {
      console.log(`      reader file, page sent → evaluated: ${f(summary.reader)} (beside the steps)`);
      console.log(`      answer waited for the reader file:  ${summary.clicksHeldByReader} of ${summary.clicksWithReaderMark} clicks`);
    }
    console.log(`      wall time seen through DevTools:  ${f(summary.clickWall)}`);
  }
  if (summary.b && summary.ratioAB && summary.diffAB) {
    const { b, ratioAB, diffAB } = summary;
    const r = (/** @type {{median: number, p95: number}} */ s) => `median ${s.median.toFixed(3)}, p95 ${s.p95.toFixed(3)}`;
    const d = (/** @type {{median: number, p95: number}} */ s) => `median ${s.median.toFixed(1)}, p95 ${s.p95.toFixed(1)} ms`;
    console.log(`  B = ${b.extension}: click → overlay painted ${f(b.clickToOverlay)}; ${b.clickErrors} pages with a click error`);
    for (const [k, label] of [...STEPS, ...INNER_STEPS]) console.log(`      ${label.padEnd(34)} ${f(b.clickSteps[k])}`);
    console.log(`  per-page A / B: click → overlay painted ${r(ratioAB.clickToOverlay)}; A − B ${d(diffAB.clickToOverlay)}`);
    for (const [k, label] of [...STEPS, ...INNER_STEPS]) console.log(`      ${label.padEnd(34)} A / B ${r(ratioAB.clickSteps[k])}; A − B ${d(diffAB.clickSteps[k])}`);
  }
  if (summary.skippedInPage.length) console.log(`  skipped in page (page CSP): ${summary.skippedInPage.join(', ')}`);
  console.log(`  extension worker start → core ready (compile, instantiate, one warm-up run): ${workerReadyMs.toFixed(1)} ms`);
  console.log(`  wasm init in page (first page): ${initMs.toFixed(1)} ms; quire failed on ${summary.quireFailed}, Readability returned null on ${summary.readabilityNull}`);
  console.log(`wrote out/bench/${OUT}`);
}

await main();

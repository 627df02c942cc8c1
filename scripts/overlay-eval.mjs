// @ts-check
/**
 * The corpus through the real extension (`make eval-overlay`): every page of
 * web-eval (and of the clutter and Readability sets, with
 * `QUIRE_OVERLAY_SETS`) served from 127.0.0.1 under a strict news-site CSP,
 * opened with a toolbar click in headless Chromium, and what the overlay
 * shows read over DevTools (as the end-to-end tests read it). It answers what
 * `quire eval` cannot: does the reader show the article the core extracted?
 *
 * For each page it compares the overlay's article text (the `.content`
 * element's `innerText`: no header, no toolbar) with the command-line
 * output for the same HTML and URL (`target/release/quire batch`), word by
 * word, and reports:
 *   - pages shown as "not an article" or as an error, and pages whose overlay
 *     shows under half of the words the command line extracted ("almost none
 *     of the article");
 *   - web-eval's chunk metric (its README) on the overlay's article text and,
 *     beside it, on the dialog's whole text (site name, headline, byline
 *     included; the toolbar's labels are drawn by CSS, not text, so not in
 *     it), the way the held-out extension figures are scored.
 *
 * A page the overlay shows as "not an article" is scored on what "Show
 * anyway" shows (the button is pressed), and counted as such.
 *
 * Env: QUIRE_CORPUS (default ../shared/corpus), QUIRE_OVERLAY_SETS
 * (comma-separated of web-eval, clutter, readability; default web-eval),
 * QUIRE_OVERLAY_FILTER (page ids holding it), QUIRE_OVERLAY_OUT (default
 * out/overlay-eval.json), QUIRE_OVERLAY_EXTENSION (an unpacked test build to load
 * instead of dist/chrome-test). Needs `make dist-test` and `cargo build --release`.
 */
import { readFile, readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchWithExtension,
  clickAction,
  waitForOverlay,
  inReader,
  clickInReader,
  normaliseText,
} from '../tests/e2e/lib.mjs';

const CORPUS = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'));
const SETS = (process.env.QUIRE_OVERLAY_SETS || 'web-eval').split(',').filter(Boolean);
const FILTER = process.env.QUIRE_OVERLAY_FILTER || '';
const OUT = resolve(ROOT, process.env.QUIRE_OVERLAY_OUT || 'out/overlay-eval.json');
const CLI = join(ROOT, 'target', 'release', 'quire');
/** Under this share of the command line's words shown, the overlay shows almost none of the article. */
const ALMOST_NONE = 0.5;

/** Where each set's pages are, and the file of each page. */
const LAYOUT = {
  'web-eval': { dir: 'web-eval', file: 'page.html', truth: 'truth.json' },
  clutter: { dir: 'clutter', file: 'page.html', truth: 'truth.json' },
  readability: { dir: 'readability-test-pages', file: 'source.html', truth: null },
};

/**
 * @typedef {object} Page
 * @property {string} set
 * @property {string} id
 * @property {string} path The page's file, relative to the corpus.
 * @property {string} url The URL the command line is given (the truth's, or Readability's fakehost).
 * @property {{with?: string[], without?: string[]} | null} chunks web-eval's chunk truth.
 */

/** @returns {Promise<Page[]>} */
async function listPages() {
  /** @type {Page[]} */
  const pages = [];
  for (const set of SETS) {
    const layout = LAYOUT[/** @type {keyof typeof LAYOUT} */ (set)];
    if (!layout) throw new Error(`unknown set ${set} (web-eval, clutter, readability)`);
    const ids = (await readdir(join(CORPUS, layout.dir), { withFileTypes: true }))
      .filter((e) => e.isDirectory() && e.name.includes(FILTER))
      .map((e) => e.name)
      .sort();
    for (const id of ids) {
      const path = join(layout.dir, id, layout.file);
      if (!(await stat(join(CORPUS, path)).catch(() => null))) continue;
      const truth = layout.truth ? JSON.parse(await readFile(join(CORPUS, layout.dir, id, layout.truth), 'utf8')) : null;
      pages.push({
        set,
        id,
        path,
        url: truth?.url || 'http://fakehost/test/page.html',
        chunks: set === 'web-eval' ? truth : null,
      });
    }
  }
  return pages;
}

/**
 * The command line's text of each page (`quire batch` over a list).
 * @param {Page[]} pages
 * @returns {Promise<Map<string, string>>}
 */
async function cliTexts(pages) {
  const list = join(ROOT, 'out', 'overlay-eval-list.tsv');
  await mkdir(dirname(list), { recursive: true });
  await writeFile(list, pages.map((p) => `${p.set}/${p.id}\t${join(CORPUS, p.path)}\t${p.url}\n`).join(''));
  const out = execFileSync(CLI, ['batch', list, '--jobs', '2'], { maxBuffer: 1 << 30, encoding: 'utf8' });
  /** @type {Map<string, string>} */
  const texts = new Map();
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    texts.set(row.id, row.text || '');
  }
  return texts;
}

/**
 * Words of a text, counted.
 * @param {string} text
 */
function wordCounts(text) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const w of normaliseText(text).toLowerCase().split(' ')) if (w) counts.set(w, (counts.get(w) || 0) + 1);
  return counts;
}

/**
 * The share of `a`'s words (with their counts) that `b` holds too.
 * @param {Map<string, number>} a
 * @param {Map<string, number>} b
 */
function shareIn(a, b) {
  let all = 0;
  let common = 0;
  for (const [w, n] of a) {
    all += n;
    common += Math.min(n, b.get(w) || 0);
  }
  return all === 0 ? 1 : common / all;
}

/**
 * Whitespace collapsed, as web-eval's README (and `quire eval`) matches chunks.
 * @param {string} text
 */
const collapse = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * web-eval's chunk counts for one text.
 * @param {string} text
 * @param {{with?: string[], without?: string[]}} truth
 */
function chunkCounts(text, truth) {
  const t = collapse(text);
  const has = (/** @type {string} */ c) => t.includes(collapse(c));
  const tp = (truth.with || []).filter(has).length;
  return { tp, fn: (truth.with || []).length - tp, fp: (truth.without || []).filter(has).length };
}

/** @param {{tp: number, fn: number, fp: number}} c */
function prf(c) {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const pages = await listPages();
if (pages.length === 0) throw new Error(`no pages under ${CORPUS} for ${SETS.join(', ')}`);
const cli = await cliTexts(pages);
const server = await serve({ root: CORPUS, documentHeaders: { 'content-security-policy': STRICT_CSP } });
const browser = await launchWithExtension(process.env.QUIRE_OVERLAY_EXTENSION ? { extensionDir: resolve(process.env.QUIRE_OVERLAY_EXTENSION) } : {});
await browser.context.route('**/*', (route) => {
  const u = route.request().url();
  return u.startsWith(server.origin) || u.startsWith('chrome-extension:') ? route.continue() : route.abort();
});

/** @type {any[]} */
const rows = [];
try {
  for (const [i, p] of pages.entries()) {
    const page = await browser.context.newPage();
    /** @type {any} */
    const row = { set: p.set, id: p.id };
    try {
      await page.goto(server.url(`/${p.path}`), { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await clickAction(browser, page);
      let view = await waitForOverlay(page, 30_000);
      row.state = view.state;
      if (view.state === 'not-article') {
        await clickInReader(page, '.anyway');
        view = await waitForOverlay(page, 30_000);
      }
      const shown = await inReader(page, (root) => {
        const content = root?.querySelector('.content');
        const dialog = root?.querySelector('[role="dialog"]');
        return {
          article: content instanceof HTMLElement ? content.innerText : '',
          whole: dialog instanceof HTMLElement ? dialog.innerText : '',
        };
      });
      const fromCli = wordCounts(cli.get(`${p.set}/${p.id}`) || '');
      const onScreen = wordCounts(shown.article);
      row.cliWords = [...fromCli.values()].reduce((a, b) => a + b, 0);
      row.shownWords = [...onScreen.values()].reduce((a, b) => a + b, 0);
      row.ofCliShown = shareIn(fromCli, onScreen);
      row.shownInCli = shareIn(onScreen, fromCli);
      if (p.chunks) {
        row.article = chunkCounts(shown.article, p.chunks);
        row.whole = chunkCounts(shown.whole, p.chunks);
        row.cli = chunkCounts(cli.get(`${p.set}/${p.id}`) || '', p.chunks);
      }
    } catch (error) {
      row.state = 'failed';
      row.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
    } finally {
      await page.close().catch(() => {});
    }
    rows.push(row);
    if ((i + 1) % 50 === 0) console.error(`# ${i + 1} / ${pages.length}`);
  }
} finally {
  await browser.close();
  await server.close();
}

/** @param {string} key */
const sum = (key) =>
  rows.reduce((a, r) => (r[key] ? { tp: a.tp + r[key].tp, fn: a.fn + r[key].fn, fp: a.fp + r[key].fp } : a), { tp: 0, fn: 0, fp: 0 });
const fmt = (/** @type {{tp: number, fn: number, fp: number}} */ c) => {
  const { p, r, f1 } = prf(c);
  return `F1 ${f1.toFixed(4)} (P ${p.toFixed(4)} R ${r.toFixed(4)}; tp ${c.tp} fn ${c.fn} fp ${c.fp})`;
};
const notArticle = rows.filter((r) => r.state === 'not-article');
const failed = rows.filter((r) => r.state !== 'article' && r.state !== 'not-article');
const almostNone = rows.filter((r) => r.state === 'article' && r.cliWords > 0 && r.ofCliShown < ALMOST_NONE);
const differs = rows.filter((r) => r.ofCliShown !== undefined && (r.ofCliShown < 0.99 || r.shownInCli < 0.99));

console.log(`pages: ${rows.length} (${SETS.join(', ')})`);
if (rows.some((r) => r.cli)) {
  console.log(`web-eval, command line:              ${fmt(sum('cli'))}`);
  console.log(`web-eval, overlay article text:      ${fmt(sum('article'))}`);
  console.log(`web-eval, overlay whole dialog text: ${fmt(sum('whole'))}`);
}
console.log(`shown as "not an article" (scored after Show anyway): ${notArticle.length}${notArticle.length ? `: ${notArticle.map((r) => `${r.set}/${r.id}`).join(' ')}` : ''}`);
console.log(`failed or error: ${failed.length}${failed.map((r) => `\n  ${r.set}/${r.id}: ${r.state} ${r.error || ''}`).join('')}`);
console.log(`overlay shows under ${ALMOST_NONE * 100} % of the command line's words: ${almostNone.length}${almostNone.map((r) => `\n  ${r.set}/${r.id}: ${r.shownWords} of ${r.cliWords} words`).join('')}`);
console.log(`overlay text differs from the command line's (under 99 % of words either way): ${differs.length}${differs
  .slice(0, 20)
  .map((r) => `\n  ${r.set}/${r.id}: ${(r.ofCliShown * 100).toFixed(1)} % of its words shown, ${(r.shownInCli * 100).toFixed(1)} % of the shown in it`)
  .join('')}`);
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify({ schema: 1, sets: SETS, pages: rows }, null, 1));
console.log(`written: ${OUT}`);

// @ts-check
/**
 * Side-by-side speed of two wasm-pack `--target web` builds in node, e.g. a
 * Cargo profile variant against the current release build:
 *
 *   node bench/wasm-compare.mjs DIR_A DIR_B   (each holding quire.js + quire_bg.wasm)
 *
 * Runs every corpus page through both, interleaved, REPS times
 * (QUIRE_BENCH_REPS, default 3) and prints the median per-page ratio B/A,
 * the ratio of medians and the summed time. Also prints both modules' sizes.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'), 'readability-test-pages');
const REPS = Number(process.env.QUIRE_BENCH_REPS || 3);
const [dirA, dirB] = process.argv.slice(2).map((d) => resolve(d));
if (!dirA || !dirB) throw new Error('usage: node bench/wasm-compare.mjs DIR_A DIR_B');

/** @param {string} dir */
async function load(dir) {
  const glue = await import(pathToFileURL(join(dir, 'quire.js')).href);
  const bytes = readFileSync(join(dir, 'quire_bg.wasm'));
  glue.initSync({ module: bytes });
  return { glue, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
}

const a = await load(dirA);
const b = await load(dirB);
const pages = readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, 'source.html'))).sort();
/** @param {any} glue @param {string} html */
const time = (glue, html) => {
  const t = performance.now();
  try {
    glue.extract(html, 'http://fakehost/test/page.html', undefined);
  } catch {
    /* failures time like successes */
  }
  return performance.now() - t;
};
const ratios = [];
const medA = [];
const medB = [];
for (const p of pages) {
  const html = readFileSync(join(CORPUS, p, 'source.html'), 'utf8');
  time(a.glue, html);
  time(b.glue, html);
  const ta = [];
  const tb = [];
  for (let i = 0; i < REPS; i++) {
    if (i % 2) {
      tb.push(time(b.glue, html));
      ta.push(time(a.glue, html));
    } else {
      ta.push(time(a.glue, html));
      tb.push(time(b.glue, html));
    }
  }
  medA.push(median(ta));
  medB.push(median(tb));
  ratios.push(median(tb) / median(ta));
}
const sum = (/** @type {number[]} */ v) => v.reduce((x, y) => x + y, 0);
console.log(`A ${dirA}: raw ${a.raw} B, gzip -9 ${a.gz} B`);
console.log(`B ${dirB}: raw ${b.raw} B, gzip -9 ${b.gz} B`);
console.log(`${pages.length} corpus pages x ${REPS} interleaved runs in node ${process.version}`);
console.log(`median per-page ratio B/A ${median(ratios).toFixed(3)}; ratio of medians ${(median(medB) / median(medA)).toFixed(3)} (A ${median(medA).toFixed(2)} ms, B ${median(medB).toFixed(2)} ms); total A ${sum(medA).toFixed(0)} ms, B ${sum(medB).toFixed(0)} ms`);

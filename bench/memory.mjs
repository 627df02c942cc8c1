// @ts-check
/**
 * Peak wasm linear memory while the *release* wasm extracts a page.
 *
 * Linear memory only grows, so its size after `extract` returns is the peak
 * the call needed. Each page runs in a fresh child process (a fresh module
 * instance), so one page's growth never hides another's.
 *
 *   node bench/memory.mjs                 corpus pages of 100 KiB or more + out/bench/synthetic-*.html
 *   QUIRE_BENCH_MEMORY_ALL=1 node bench/memory.mjs   every corpus page (slower: a process per page)
 *   node bench/memory.mjs --one FILE      one page, prints one JSON line
 *
 * Writes out/bench/memory.json and prints a table. Needs build/pkg (make wasm)
 * and, for the synthetic pages, a prior `cargo bench --bench extract` run.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = join(ROOT, 'build', 'pkg');
const CORPUS = resolve(process.env.QUIRE_CORPUS || join(ROOT, '..', 'shared', 'corpus'), 'readability-test-pages');
const URL = 'http://fakehost/test/page.html';

/** @param {string} file */
async function one(file) {
  const quire = await import(join(PKG, 'quire.js'));
  const wasm = quire.initSync({ module: readFileSync(join(PKG, 'quire_bg.wasm')) });
  const html = readFileSync(file, 'utf8');
  const inputBytes = Buffer.byteLength(html, 'utf8');
  const before = wasm.memory.buffer.byteLength;
  const t = performance.now();
  let ok = true;
  try {
    quire.extract(html, URL, undefined);
  } catch {
    ok = false;
  }
  const ms = performance.now() - t;
  const after = wasm.memory.buffer.byteLength;
  process.stdout.write(JSON.stringify({ file, inputBytes, before, after, ok, ms }) + '\n');
}

async function all() {
  if (!existsSync(join(PKG, 'quire_bg.wasm'))) throw new Error('build/pkg is missing: run `make wasm`');
  /** @type {{name: string, file: string}[]} */
  const pages = readdirSync(CORPUS)
    .filter((d) => existsSync(join(CORPUS, d, 'source.html')))
    // Small pages only measure the module's fixed baseline; skip them unless asked.
    .filter((d) => process.env.QUIRE_BENCH_MEMORY_ALL === '1' || statSync(join(CORPUS, d, 'source.html')).size >= 100 * 1024)
    .sort()
    .map((d) => ({ name: d, file: join(CORPUS, d, 'source.html') }));
  const outDir = join(ROOT, 'out', 'bench');
  const synth = existsSync(outDir)
    ? readdirSync(outDir).filter((f) => /^synthetic-\d+mb\.html$/.test(f)).sort((a, b) => parseInt(a.slice(10)) - parseInt(b.slice(10)))
    : [];
  for (const f of synth) pages.push({ name: f.replace('.html', ''), file: join(outDir, f) });
  const rows = [];
  for (const p of pages) {
    const line = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', p.file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(line.trim().split('\n').pop() || '{}');
    rows.push({ name: p.name, ...r, file: undefined, peakMultiple: r.after / r.inputBytes, growthMultiple: (r.after - r.before) / r.inputBytes });
  }
  const corpusRows = rows.filter((r) => !r.name.startsWith('synthetic-'));
  const largest = corpusRows.reduce((a, b) => (b.inputBytes > a.inputBytes ? b : a));
  const mults = corpusRows.map((r) => r.peakMultiple).sort((a, b) => a - b);
  const growth = corpusRows.filter((r) => r.inputBytes >= 100 * 1024).map((r) => r.growthMultiple).sort((a, b) => a - b);
  const summary = {
    baselineBytes: rows[0]?.before,
    corpusPages100KiBPlus: growth.length,
    corpusMedianGrowthMultiple100KiBPlus: growth[Math.floor(growth.length / 2)],
    corpusMaxGrowthMultiple100KiBPlus: growth[growth.length - 1],
    corpusMedianPeakMultiple: mults[Math.floor(mults.length / 2)],
    corpusMaxPeakMultiple: mults[mults.length - 1],
    corpusMaxPeakPage: corpusRows.find((r) => r.peakMultiple === mults[mults.length - 1])?.name,
    largestCorpusPage: { name: largest.name, inputBytes: largest.inputBytes, peakBytes: largest.after, peakMultiple: largest.peakMultiple },
    synthetic: rows.filter((r) => r.name.startsWith('synthetic-')).map((r) => ({ name: r.name, inputBytes: r.inputBytes, peakBytes: r.after, peakMultiple: r.peakMultiple })),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'memory.json'), JSON.stringify({ schema: 1, node: process.version, summary, pages: rows }, null, 2) + '\n');
  const fmt = (/** @type {number} */ n) => (n / 1024 / 1024).toFixed(2);
  console.log('wasm linear memory (release build), peak after extract; multiple = peak / input bytes');
  console.log(`baseline after init: ${fmt(summary.baselineBytes)} MiB`);
  console.log(`${'page'.padEnd(28)} ${'input MiB'.padStart(10)} ${'peak MiB'.padStart(10)} ${'multiple'.padStart(9)}`);
  const show = [largest, ...rows.filter((r) => r.name.startsWith('synthetic-'))];
  for (const r of show) console.log(`${r.name.padEnd(28)} ${fmt(r.inputBytes).padStart(10)} ${fmt(r.after).padStart(10)} ${r.peakMultiple.toFixed(1).padStart(9)}${r.ok ? '' : '  (extract failed)'}`);
  console.log(`corpus: median ${summary.corpusMedianPeakMultiple.toFixed(1)}x, max ${summary.corpusMaxPeakMultiple.toFixed(1)}x (${summary.corpusMaxPeakPage}; small pages are dominated by the fixed baseline)`);
  console.log(`corpus pages of 100 KiB or more (${growth.length}): growth above the baseline / input: median ${summary.corpusMedianGrowthMultiple100KiBPlus.toFixed(1)}x, max ${summary.corpusMaxGrowthMultiple100KiBPlus.toFixed(1)}x`);
  console.log('wrote out/bench/memory.json');
}

if (process.argv[2] === '--one') await one(process.argv[3]);
else await all();

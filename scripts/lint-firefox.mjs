// @ts-check
/**
 * `make lint-ext`: Mozilla's add-on linter (`web-ext lint`, npm web-ext) on
 * dist/firefox. Any error, notice or warning fails, except the one warning
 * that one manifest for both browsers must cause: Firefox ignores
 * `background.service_worker` (it runs `background.scripts`), and Chromium
 * needs that key; and Firefox does not know the `tts` permission (it has no
 * chrome.tts: Read aloud uses speechSynthesis there), which Chromium's
 * chrome.tts needs (no install warning: tests/e2e/read-aloud.test.mjs).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = process.argv[2] || join(ROOT, 'dist', 'firefox');
/** Expected by design (see above). */
const ALLOWED = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);

/** @typedef {{code: string, message: string, file?: string, line?: number}} Finding */

const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
// web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
const { stdout } = await promisify(execFile)(webExt, ['lint', '--source-dir', SOURCE, '--output', 'json'], { maxBuffer: 16 << 20 }).catch(
  (/** @type {{stdout?: string}} */ error) => ({ stdout: error.stdout || '' }),
);
/** @type {{errors: Finding[], warnings: Finding[], notices: Finding[]}} */
const report = JSON.parse(stdout);
const findings = [...report.errors, ...report.warnings, ...report.notices];
/** @param {Finding} f */
const expected = (f) => ALLOWED.has(f.code) || (f.code === 'MANIFEST_PERMISSIONS' && /^\/permissions: Invalid permissions "tts" at \d+\.?$/.test(f.message));
const allowed = findings.filter(expected);
const bad = findings.filter((f) => !expected(f));
for (const f of allowed) console.log(`web-ext lint: expected: ${f.code}: ${f.message}`);
for (const f of bad) console.error(`web-ext lint: ${f.code}: ${f.message}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`);
console.log(`web-ext lint ${SOURCE}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ${bad.length} not expected`);
if (bad.length > 0) process.exit(1);

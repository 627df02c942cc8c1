// @ts-check
/**
 * `make firefox-check`: loads dist/firefox in headless Firefox (`web-ext run`,
 * npm web-ext, with Debian's firefox-esr) and checks that the background
 * script starts: the module graph loads (with the spare glue instances under
 * query-string URLs), the wasm compiles and instantiates, and the core
 * extracts a small page.
 *
 * A copy of dist/firefox gets one extra line of code for this check (it logs
 * one extraction's result to the console, which Firefox copies to stdout);
 * dist/firefox itself is not changed. The toolbar click and the overlay in
 * Firefox are what the Firefox end-to-end tests check (tests/e2e-firefox/,
 * `make test-firefox`).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, appendFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'dist', 'firefox');
const FIREFOX = process.env.QUIRE_FIREFOX || '/usr/bin/firefox';
const TIMEOUT_MS = Number(process.env.QUIRE_FIREFOX_TIMEOUT_MS || 90_000);
const MARK = 'QUIRE-FIREFOX-CHECK';

await stat(FIREFOX).catch(() => {
  console.error(`no Firefox at ${FIREFOX}: apt-get install firefox-esr (or set QUIRE_FIREFOX)`);
  process.exit(2);
});
const dir = await mkdtemp(join(tmpdir(), 'quire-firefox-'));
await cp(SOURCE, dir, { recursive: true });
await appendFile(
  join(dir, 'extension', 'background', 'worker.js'),
  `
// Added by scripts/firefox-check.mjs to its copy only.
core.ready().then(async () => {
  const page = '<html><head><title>Check</title></head><body><article><h1>Firefox check</h1><p>' +
    'This paragraph is long enough to stand as the body of an article for this check. '.repeat(8) + '</p></article></body></html>';
  const r = await core.extract(page, 'https://example.org/check');
  console.log('${MARK}', JSON.stringify({ ok: r.ok, title: r.ok ? r.article.title : r.error, words: r.ok ? r.article.wordCount : 0,
    scripting: typeof chrome.scripting?.executeScript, action: typeof chrome.action?.onClicked?.addListener, id: chrome.runtime.id }));
});
`,
);

const child = spawn(
  join(ROOT, 'node_modules', '.bin', 'web-ext'),
  ['run', '--source-dir', dir, '--firefox', FIREFOX, '--arg=-headless', '--no-input', '--no-reload', '--verbose', '--pref', 'devtools.console.stdout.chrome=true', '--pref', 'devtools.console.stdout.content=true', '--pref', 'browser.dom.window.dump.enabled=true'],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
/** @type {string[]} */
const extensionErrors = [];
let installed = false;
/** @type {any} */
let found = null;
const result = await new Promise((done) => {
  const timer = setTimeout(() => done(found), TIMEOUT_MS);
  // web-ext may log "Installed" just after the background script has already run.
  const finishIfDone = () => {
    if (found && installed) {
      clearTimeout(timer);
      done(found);
    }
  };
  /** @param {string} line */
  const onLine = (line) => {
    if (/Installed .* as a temporary add-on/.test(line)) installed = true;
    finishIfDone();
    if (/moz-extension:|quire@/.test(line) && /error/i.test(line)) extensionErrors.push(line.trim());
    const at = line.indexOf(MARK);
    if (at >= 0) {
      found = JSON.parse(line.slice(at + MARK.length).replace(/^["\s]+|["\s]+$/g, '').replace(/\\"/g, '"'));
      finishIfDone();
    }
  };
  /** @param {import('node:stream').Readable} stream */
  const readLines = (stream) => {
    let pending = '';
    stream.on('data', (/** @type {Buffer} */ chunk) => {
      if (process.env.QUIRE_FIREFOX_DEBUG) process.stderr.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  };
  readLines(child.stdout);
  readLines(child.stderr);
});
child.kill('SIGINT');
await new Promise((ok) => child.once('exit', ok));
await rm(dir, { recursive: true, force: true });

console.log(`Firefox ${FIREFOX}: installed as a temporary add-on: ${installed}`);
console.log(`background script result: ${JSON.stringify(result)}`);
if (extensionErrors.length) console.log(`errors naming the extension:\n  ${extensionErrors.join('\n  ')}`);
const ok = installed && result && result.ok && result.title === 'Check' && result.scripting === 'function' && result.action === 'function' && extensionErrors.length === 0;
console.log(ok ? 'firefox-check: passed' : 'firefox-check: FAILED');
process.exit(ok ? 0 : 1);

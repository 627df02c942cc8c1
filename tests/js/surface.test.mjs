// @ts-check
/**
 * The extension's own attack surface: the permissions it asks for, what its
 * code may never do (eval, new Function, string timers, remote code, the
 * page's main world), and what the packaged zips hold. Reads manifest.json,
 * every file under extension/, the wasm-bindgen glue that ships in pkg/, and
 * dist/ (`make js-test` builds it first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));

/** @param {string} dir @returns {Promise<string[]>} */
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

// `tts` (Read aloud: chrome.tts in the worker) shows no install warning;
// tests/e2e/read-aloud.test.mjs asks Chromium's own warning list.
test('permissions are exactly activeTab, scripting, storage and tts, and nothing grants more', () => {
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage', 'tts']);
  // Asked for one site at a time, when the user turns "Always open on this site" on (background/auto-open.js).
  assert.deepEqual(manifest.optional_host_permissions, ['*://*/*']);
  for (const key of ['host_permissions', 'optional_permissions', 'content_scripts', 'externally_connectable', 'web_accessible_resources', 'update_url', 'key']) {
    assert.equal(manifest[key], undefined, `manifest must not declare ${key}`);
  }
  assert.deepEqual(manifest.content_security_policy, {
    extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
  });
});

test('one manifest serves Chromium (service worker) and Firefox (background script, gecko id)', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, 'extension/background/worker.js');
  assert.deepEqual(manifest.background.scripts, [manifest.background.service_worker]);
  assert.equal(manifest.background.type, 'module');
  assert.match(manifest.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.match(manifest.browser_specific_settings.gecko.strict_min_version, /^\d+\.\d+$/);
});

/**
 * What shipped code must never contain, checked on code with comment lines
 * removed (a doc comment may name what it avoids).
 * @type {[string, RegExp][]}
 */
const FORBIDDEN = [
  ['eval', /(?<![\w.$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['Function constructor call', /(?<![\w.$`'"])Function\s*\(/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['dynamic import()', /(?<![\w.$])import\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['remote module or fetch', /(?:\bfrom|\bimport|\bfetch\s*\()\s*['"`](?:https?:)?\/\//],
  ['main-world injection', /world\s*:\s*['"`]MAIN/],
  ['HTML string sink', /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\s*\(|setHTMLUnsafe/],
];

/** @param {string} source */
function withoutCommentLines(source) {
  return source
    .split('\n')
    .filter((line) => !/^\s*(?:\/\/|\/?\*)/.test(line))
    .join('\n');
}

test('no eval, new Function, string timers, dynamic or remote code in extension/ or the shipped wasm glue', async () => {
  const files = (await filesUnder(join(ROOT, 'extension'))).filter((f) => f.endsWith('.js'));
  const glue = join(ROOT, 'dist', 'chrome', 'pkg', 'quire.js');
  files.push(glue);
  assert.ok(files.length >= 8, 'found the extension sources');
  const hits = [];
  for (const file of files) {
    const code = withoutCommentLines(await readFile(file, 'utf8'));
    for (const [name, pattern] of FORBIDDEN) {
      const m = pattern.exec(code);
      if (m) hits.push(`${relative(ROOT, file)}: ${name}: …${code.slice(Math.max(0, m.index - 30), m.index + 40)}…`);
    }
  }
  assert.deepEqual(hits, []);
});

test('the scanner itself catches each forbidden shape', () => {
  const samples = [
    'eval("1")', 'x = new Function("a", "return a")', 'Function("return this")()', "setTimeout('alert(1)', 5)",
    'await import(url)', 'importScripts("a.js")', "import x from 'https://cdn.test/x.js'", "fetch('//cdn.test/x')",
    "chrome.scripting.executeScript({world: 'MAIN'})", 'el.innerHTML = s', 'document.write(s)',
  ];
  for (const sample of samples) {
    assert.ok(FORBIDDEN.some(([, p]) => p.test(sample)), `not caught: ${sample}`);
  }
  // And leaves ordinary code alone.
  for (const fine of ['setTimeout(resolve, 300)', 'const f = `Function(${name})`', 'evaluate(x)', "import '../shared/messages.js'"]) {
    assert.ok(!FORBIDDEN.some(([, p]) => p.test(fine)), `false positive: ${fine}`);
  }
});

for (const browser of ['chrome', 'firefox']) {
  test(`dist/quire-${browser}.zip holds only what the extension needs`, async () => {
    const zip = join(ROOT, 'dist', `quire-${browser}.zip`);
    const entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter((e) => e && !e.endsWith('/'));
    const allowed = /^(?:manifest\.json|icons\/icon-\d+\.png|extension\/(?:background|content|shared|ui)\/[\w-]+\.js|extension\/options\/options\.(?:html|css|js)|extension\/fonts\/(?:atkinson-hyperlegible-[\w-]+\.woff2|OFL\.txt)|pkg\/quire\.js|pkg\/quire_bg\.wasm|_locales\/[\w-]+\/messages\.json)$/;
    assert.deepEqual(entries.filter((e) => !allowed.test(e)), [], 'unexpected files in the zip');
    for (const needed of ['manifest.json', 'extension/background/worker.js', 'extension/content/content.js', 'pkg/quire.js', 'pkg/quire_bg.wasm']) {
      assert.ok(entries.includes(needed), `${needed} is missing`);
    }
    // Every file the manifest and the worker name is in the zip.
    for (const icon of Object.values(manifest.icons)) assert.ok(entries.includes(/** @type {string} */ (icon)), `icon ${icon}`);
    const zipped = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
    assert.deepEqual(zipped, manifest, 'the zip carries the repository manifest unchanged');
  });
}

/**
 * What a test hook leaves in code: the worker's DevTools handle and its
 * controls, the per-click timings, and timing marks on the page's own
 * performance timeline (which would tell the page when the reader opens).
 */
/** @type {[string, RegExp][]} */
const TEST_HOOKS = [
  ['the worker’s test handle', /quireWorker/],
  ['the forced trap', /trapNext|forceTrap|__wbindgen_malloc\(0x/],
  ['the delayed answer', /delayNext/],
  ['per-click timings', /\btimings\s*[=.[]|timeOrigin/],
  ['a performance mark', /performance\s*\.\s*(?:mark|measure|clearMarks)\b/],
  ['a quire: mark name', /['"`]quire:/],
];

for (const browser of ['chrome', 'firefox']) {
  test(`dist/quire-${browser}.zip holds no test hook (marks, timings, quireWorker, trapNext, delayNext)`, () => {
    const zip = join(ROOT, 'dist', `quire-${browser}.zip`);
    const entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter((e) => e.endsWith('.js'));
    assert.ok(entries.length > 10, 'the zip holds the scripts');
    /** @type {string[]} */
    const found = [];
    for (const entry of entries) {
      const text = execFileSync('unzip', ['-p', zip, entry], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      for (const [what, pattern] of TEST_HOOKS) if (pattern.test(text)) found.push(`${entry}: ${what}`);
    }
    assert.deepEqual(found, []);
  });
}

test('the hook scanner finds every hook in the test build (dist/chrome-test), so it can fail', async () => {
  /** @type {Set<string>} */
  const seen = new Set();
  for (const file of await filesUnder(join(ROOT, 'dist', 'chrome-test', 'extension'))) {
    if (!file.endsWith('.js')) continue;
    const text = await readFile(file, 'utf8');
    for (const [what, pattern] of TEST_HOOKS) if (pattern.test(text)) seen.add(what);
  }
  assert.deepEqual([...seen].sort(), TEST_HOOKS.map(([what]) => what).sort());
});

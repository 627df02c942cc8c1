// @ts-check
/**
 * The worker's wasm handle (extension/background/core.js), driven with fake
 * glue modules: extraction, error mapping, and moving to a fresh instance
 * after a wasm trap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCore } from '../../extension/background/core.js';

const LEAN = {
  title: 'T', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null, leadImage: null,
  content: '<p>x</p>', wordCount: 1, readingMinutes: 1, readerable: false,
};
/** What the wasm returns: `text` and `markdown` are there, empty when not asked for. */
const ARTICLE = { ...LEAN, text: '', markdown: '' };

/**
 * A fake glue instance. `behaviour(html)` returns an article or throws.
 * @param {string} name
 * @param {(html: string) => any} behaviour
 * @param {string[]} log
 */
function fakeGlue(name, behaviour, log) {
  let initialised = false;
  return {
    default: async (/** @type {any} */ input) => {
      assert.ok(input.module_or_path instanceof WebAssembly.Module, 'init gets the shared compiled module');
      log.push(`init ${name}`);
      initialised = true;
    },
    extract: (/** @type {string} */ html, /** @type {unknown} */ _url, /** @type {any} */ options) => {
      assert.ok(initialised, `${name} used before init`);
      assert.deepEqual(options, { text: false, markdown: false }, 'the worker asks for no text and no Markdown');
      log.push(`extract ${name}`);
      return behaviour(html);
    },
    markdownFromHtml: (/** @type {string} */ html) => {
      assert.ok(initialised, `${name} used before init`);
      log.push(`markdown ${name}`);
      if (html.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable');
      return `md of ${html}`;
    },
    version: () => '0.0.0',
  };
}

/** The smallest valid wasm module. */
const compile = async () => new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));

/** @param {string} html */
const trapOn = (html) => {
  if (html.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable');
  if (html.includes('FAIL')) throw new Error('no article found');
  return { ...ARTICLE, title: html };
};

test('extract returns the article from the first instance, initialised once', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log)], compile });
  assert.deepEqual(await core.extract('one', 'https://x.test/'), { ok: true, article: { ...LEAN, title: 'one' } });
  assert.deepEqual(await core.extract('two', 'https://x.test/'), { ok: true, article: { ...LEAN, title: 'two' } });
  assert.deepEqual(log, ['init a', 'extract a', 'extract a']);
});

test('an ordinary error is reported and the instance is kept', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log)], compile });
  assert.deepEqual(await core.extract('FAIL', ''), { ok: false, error: 'no article found' });
  assert.equal(core.instance(), 0);
  assert.equal((await core.extract('fine', '')).ok, true);
  assert.deepEqual(log, ['init a', 'extract a', 'extract a']);
});

test('after a trap the next request goes to a fresh instance', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log), fakeGlue('c', trapOn, log)], compile });
  const trapped = await core.extract('TRAP', '');
  assert.equal(trapped.ok, false);
  assert.match(/** @type {{error: string}} */ (trapped).error, /internal error/);
  assert.equal(core.instance(), 1);
  assert.deepEqual(await core.extract('after', ''), { ok: true, article: { ...LEAN, title: 'after' } });
  assert.deepEqual(log, ['init a', 'extract a', 'init b', 'extract b']);
  assert.equal(core.exhausted(), false);
});

test('when every instance has trapped the core says so instead of using a broken one', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log)], compile });
  await core.extract('TRAP', '');
  await core.extract('TRAP', '');
  assert.equal(core.exhausted(), true);
  const answer = await core.extract('fine', '');
  assert.equal(answer.ok, false);
  assert.deepEqual(log, ['init a', 'extract a', 'init b', 'extract b']);
});

test('a failed start is reported as an error, not thrown', async () => {
  const broken = { default: async () => { throw new Error('bad wasm'); }, extract: () => ARTICLE, markdownFromHtml: () => '', version: () => '' };
  const core = createCore({ glues: [broken], compile });
  const answer = await core.extract('x', '');
  assert.deepEqual(answer, { ok: false, error: 'The reader core could not start: bad wasm' });
});

test('the warm-up page is extracted once per instance as soon as it is up, before any request', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log)], compile, warmUp: 'WARM' });
  await core.ready();
  assert.deepEqual(log, ['init a', 'extract a']);
  await core.extract('TRAP', '');
  await core.ready();
  assert.deepEqual(log, ['init a', 'extract a', 'extract a', 'init b', 'extract b'], 'the fresh instance is warmed too');
});

test('a warm-up that fails does not stop the core', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile, warmUp: 'FAIL' });
  assert.deepEqual(await core.extract('fine', ''), { ok: true, article: { ...LEAN, title: 'fine' } });
});

test('further warm-up runs go one per task after the instance is ready', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log)], compile, warmUp: 'WARM', warmUpRuns: 3 });
  await core.ready();
  assert.deepEqual(log, ['init a', 'extract a'], 'only the first warm-up run before ready');
  for (let i = 0; i < 100 && log.length < 4; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(log, ['init a', 'extract a', 'extract a', 'extract a']);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(log.length, 4, 'no more than warmUpRuns runs');
});

test('warm-up runs keep away while a request is answered and for quietMs after it', async () => {
  const log = /** @type {string[]} */ ([]);
  let clock = 0;
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile, warmUp: 'WARM', warmUpRuns: 5, quietMs: 50, now: () => clock });
  await core.ready();
  assert.deepEqual(await core.extract('page', ''), { ok: true, article: { ...LEAN, title: 'page' } });
  const atAnswer = log.length;
  // The clock stands still: the quiet time never ends, so no run comes.
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.equal(log.length, atAnswer, `no warm-up run in the quiet time (${log.join(', ')})`);
  clock = 1000;
  for (let i = 0; i < 100 && log.filter((l) => l === 'extract a').length < 6; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(log.filter((l) => l === 'extract a').length, 6, 'the warm-up resumes after it: 5 runs and the request');
});

test('a click on its way keeps the warm-up runs away for quietMs, before its request comes', async () => {
  const log = /** @type {string[]} */ ([]);
  let clock = 0;
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile, warmUp: 'WARM', warmUpRuns: 5, quietMs: 50, now: () => clock });
  core.expect();
  await core.ready();
  assert.deepEqual(log, ['init a', 'extract a'], 'the first run still makes the instance ready');
  // The clock stands still: the quiet time never ends, so no further run comes.
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.deepEqual(log, ['init a', 'extract a'], 'no warm-up run while the click’s request is on its way');
  assert.deepEqual(await core.extract('page', ''), { ok: true, article: { ...LEAN, title: 'page' } });
  clock = 1000;
  for (let i = 0; i < 100 && log.filter((l) => l === 'extract a').length < 6; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(log.filter((l) => l === 'extract a').length, 6, 'the warm-up resumes after the quiet time: 5 runs and the request');
});

/** Waits (up to a second) until `log` holds `entry`. */
async function until(/** @type {string[]} */ log, /** @type {string} */ entry) {
  for (let i = 0; i < 200 && !log.includes(entry); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(log.includes(entry), `${entry} never came (${log.join(', ')})`);
}

test('the first warm-up run waits firstWarmUpMs for a click, which starts it in a later task', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile, warmUp: 'WARM', firstWarmUpMs: 60_000 });
  await until(log, 'init a');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(log, ['init a'], 'no warm-up run while it waits for a click');
  core.expect();
  log.push('click handled');
  await core.ready();
  assert.deepEqual(log, ['init a', 'click handled', 'extract a'], 'the first run goes after the click’s own work, without waiting longer');
});

test('a request ends the wait for a click too, and is served after the first run', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile, warmUp: 'WARM', firstWarmUpMs: 60_000 });
  await until(log, 'init a');
  assert.deepEqual(await core.extract('page', ''), { ok: true, article: { ...LEAN, title: 'page' } });
  assert.deepEqual(log, ['init a', 'extract a', 'extract a']);
});

test('without a click the first warm-up run comes after firstWarmUpMs', async () => {
  const log = /** @type {string[]} */ ([]);
  const glue = fakeGlue('a', trapOn, log);
  let initAt = NaN;
  const timed = { ...glue, default: async (/** @type {any} */ input) => ((initAt = performance.now()), glue.default(input)) };
  const core = createCore({ glues: [timed], compile, warmUp: 'WARM', firstWarmUpMs: 40 });
  await core.ready();
  assert.deepEqual(log, ['init a', 'extract a']);
  assert.ok(performance.now() - initAt >= 39, `it waited (${performance.now() - initAt} ms)`);
});

test('an extraction answer leaves out the text and the Markdown it did not ask for', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile });
  const answer = await core.extract('page', '');
  assert.ok(answer.ok);
  assert.equal('text' in answer.article, false);
  assert.equal('markdown' in answer.article, false);
});

test('markdown runs on an instance of its own, started on first use; a trap there ends Markdown, never a page instance', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log), fakeGlue('b', trapOn, log)], markdownGlue: fakeGlue('m', trapOn, log), compile });
  await core.ready();
  assert.deepEqual(log, ['init a'], 'the Markdown instance waits for its first request');
  assert.deepEqual(await core.markdown('<p>x</p>'), { ok: true, markdown: 'md of <p>x</p>' });
  const trapped = await core.markdown('<p>TRAP</p>');
  assert.equal(trapped.ok, false);
  const after = await core.markdown('<p>y</p>');
  assert.equal(after.ok, false, 'a trapped Markdown instance serves nothing more');
  assert.match(/** @type {{error: string}} */ (after).error, /Copy as Markdown stopped/);
  assert.equal(core.instance(), 0, 'the page instances are untouched');
  assert.equal(core.exhausted(), false);
  assert.deepEqual(await core.extract('page', ''), { ok: true, article: { ...LEAN, title: 'page' } });
  assert.deepEqual(log, ['init a', 'init m', 'markdown m', 'markdown m', 'extract a']);
});

test('without a Markdown instance, markdown answers an error and touches nothing', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [fakeGlue('a', trapOn, log)], compile });
  const answer = await core.markdown('<p>x</p>');
  assert.equal(answer.ok, false);
  assert.equal(core.instance(), 0);
});

// @ts-check
/**
 * Traps in the worker's wasm handle (extension/background/core.js) outside
 * a request: during the warm-up, first run or a later one, and Markdown
 * after a trap. Fake glue modules log what runs where.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCore } from '../../extension/background/core.js';

const ARTICLE = {
  title: 'T', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null, leadImage: null,
  content: '<p>x</p>', wordCount: 1, readingMinutes: 1, readerable: true, text: '', markdown: '',
};

/** The smallest valid wasm module. */
const compile = async () => new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));

/**
 * A fake glue instance that traps on the warm-up page on the runs listed
 * (1-based), and on any page containing TRAP.
 * @param {string} name
 * @param {string[]} log
 * @param {number[]} [trapOnWarmUpRuns]
 */
function glue(name, log, trapOnWarmUpRuns = []) {
  let warmUps = 0;
  return {
    default: async () => {
      log.push(`init ${name}`);
      return {};
    },
    extract: (/** @type {string} */ html) => {
      if (html === 'WARM') {
        warmUps += 1;
        log.push(`warm ${name} ${warmUps}`);
        if (trapOnWarmUpRuns.includes(warmUps)) throw new WebAssembly.RuntimeError('unreachable');
        return ARTICLE;
      }
      log.push(`extract ${name}`);
      if (html.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable');
      return { ...ARTICLE, title: html };
    },
    markdownFromHtml: (/** @type {string} */ html) => {
      log.push(`markdown ${name}`);
      if (html.includes('TRAP')) throw new WebAssembly.RuntimeError('unreachable');
      // What the core's JsError for Markdown past its bound looks like.
      if (html.includes('HUGE')) throw new Error('This article is too long to copy as Markdown.');
      return `md of ${html}`;
    },
    version: () => '0',
  };
}

/** Waits for `count` macrotasks (the later warm-up runs go one per task). */
async function tasks(count = 20) {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

test('a trap in the first warm-up run retires that instance before it serves anything', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [glue('a', log, [1]), glue('b', log), glue('c', log)], compile, warmUp: 'WARM' });
  await core.ready();
  assert.equal(core.instance(), 1, 'the trapped instance is retired');
  const answer = await core.extract('page', '');
  assert.equal(answer.ok, true);
  assert.deepEqual(log, ['init a', 'warm a 1', 'init b', 'warm b 1', 'extract b'], 'the page goes to the fresh instance');
});

test('a request made before a warm-up trap waits for the fresh instance', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [glue('a', log, [1]), glue('b', log)], markdownGlue: glue('m', log), compile, warmUp: 'WARM' });
  // Asked at once, while instance a is still starting.
  const [page, md] = await Promise.all([core.extract('page', ''), core.markdown('<p>x</p>')]);
  assert.equal(page.ok, true);
  assert.deepEqual(md, { ok: true, markdown: 'md of <p>x</p>' });
  assert.deepEqual(log.filter((e) => !e.endsWith(' m')), ['init a', 'warm a 1', 'init b', 'warm b 1', 'extract b']);
  assert.deepEqual(log.filter((e) => e.endsWith(' m')), ['init m', 'markdown m'], 'Markdown on its own instance');
});

test('a trap in a later warm-up run (after the instance serves) retires it too', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [glue('a', log, [3]), glue('b', log)], compile, warmUp: 'WARM', warmUpRuns: 5 });
  await core.ready();
  assert.equal(core.instance(), 0);
  await tasks();
  assert.equal(core.instance(), 1, 'retired after its third warm-up run trapped');
  assert.deepEqual(log.slice(0, 5), ['init a', 'warm a 1', 'warm a 2', 'warm a 3', 'init b']);
  assert.ok(!log.includes('warm a 4'), 'no more warm-up runs on the trapped instance');
  const answer = await core.extract('page', '');
  assert.equal(answer.ok, true);
  assert.equal(log.at(-1), 'extract b');
});

test('an ordinary warm-up error keeps the instance', async () => {
  const log = /** @type {string[]} */ ([]);
  const failing = { ...glue('a', log), extract: (/** @type {string} */ html) => {
    if (html === 'WARM') throw new Error('no article');
    log.push('extract a');
    return ARTICLE;
  } };
  const core = createCore({ glues: [failing, glue('b', log)], compile, warmUp: 'WARM' });
  await core.ready();
  assert.equal(core.instance(), 0);
  assert.equal((await core.extract('page', '')).ok, true);
  assert.deepEqual(log, ['init a', 'extract a']);
});

test('every instance trapping in its warm-up leaves the core exhausted, answering so', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [glue('a', log, [1]), glue('b', log, [1])], compile, warmUp: 'WARM' });
  await core.ready();
  assert.equal(core.exhausted(), true);
  const answer = await core.extract('page', '');
  assert.equal(answer.ok, false);
  assert.match(/** @type {any} */ (answer).error, /restarting/);
  assert.ok(!log.some((entry) => entry.startsWith('extract')), 'no trapped instance served');
});

test('Markdown is untouched by a trap in an extraction, and a trap in Markdown spends no page instance', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [glue('a', log), glue('b', log)], markdownGlue: glue('m', log), compile });
  assert.equal((await core.extract('TRAP', '')).ok, false);
  assert.deepEqual(await core.markdown('<p>after</p>'), { ok: true, markdown: 'md of <p>after</p>' });
  assert.deepEqual(log, ['init a', 'extract a', 'init b', 'init m', 'markdown m']);
  // Many trapping Markdown requests: the page instance that serves stays, and the core is never exhausted.
  for (let i = 0; i < 5; i++) assert.equal((await core.markdown('<p>TRAP</p>')).ok, false);
  assert.equal(core.instance(), 1);
  assert.equal(core.exhausted(), false);
  assert.equal((await core.extract('page', '')).ok, true);
  assert.equal(log.at(-1), 'extract b');
  assert.equal(log.filter((e) => e === 'markdown m').length, 2, 'a trapped Markdown instance runs nothing more');
});

test('Markdown too long to copy: its message comes back, and Markdown and pages go on', async () => {
  const log = /** @type {string[]} */ ([]);
  const core = createCore({ glues: [glue('a', log)], markdownGlue: glue('m', log), compile });
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(await core.markdown('<p>HUGE</p>'), { ok: false, error: 'This article is too long to copy as Markdown.' });
  }
  assert.deepEqual(await core.markdown('<p>after</p>'), { ok: true, markdown: 'md of <p>after</p>' }, 'not a trap: the instance serves on');
  assert.equal(core.exhausted(), false);
  assert.equal((await core.extract('page', '')).ok, true);
  assert.deepEqual(log, ['init a', 'init m', 'markdown m', 'markdown m', 'markdown m', 'markdown m', 'markdown m', 'markdown m', 'extract a']);
});

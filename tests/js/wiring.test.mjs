// @ts-check
/**
 * The gate's binding of a request to its click, as background/worker.js
 * wires it: the real gate (gate.js), the real click handler (inject.js) and
 * the real message listener (answer.js), around a fake `executeScript`
 * whose injection the test finishes by hand, a fake core and a clock the
 * test moves.
 *
 * In Chromium the content script's request usually arrives *before*
 * `executeScript` resolves (content/request.js sends the page while the UI
 * scripts are still being evaluated), so both orders are real.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/shared/messages.js';
import '../../extension/shared/quirks.js';
import { createGate, CLICK_TTL_MS } from '../../extension/background/gate.js';
import { createInjector } from '../../extension/background/inject.js';
import { createAnswerer } from '../../extension/background/answer.js';
import { createCore } from '../../extension/background/core.js';

/** @type {QuireMessages} */
const messages = /** @type {any} */ (globalThis).quireMessages;
/** @type {QuireQuirks} */
const quirks = /** @type {any} */ (globalThis).quireQuirks;

const ID = 'quire-extension-id';
const TAB = 7;
const RACE = 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';
const ARTICLE = {
  title: 'T', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null, leadImage: null,
  content: '<p>x</p>', wordCount: 1, readingMinutes: 1, readerable: true,
};
const REQUEST = Object.freeze({ type: messages.MSG.EXTRACT, html: '<p>page</p>', url: 'https://news.test/a' });

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The worker's parts, wired as worker.js wires them.
 * @param {object} [options]
 * @param {import('../../extension/background/core.js').Core} [options.core]
 */
function worker({ core } = {}) {
  let t = 1_000_000;
  const clock = { now: () => t, advance: (/** @type {number} */ ms) => (t += ms) };
  const gate = createGate({ extensionId: ID, now: clock.now });
  /** @type {{resolve: (results: {documentId?: string}[]) => void, reject: (error: Error) => void}[]} injections still running */
  const injections = [];
  let reloads = 0;
  /** @type {string[]} */
  const extracted = [];
  const fakeCore = {
    extract: async (/** @type {string} */ html) => {
      extracted.push(html);
      return { ok: /** @type {const} */ (true), article: ARTICLE };
    },
    markdown: async (/** @type {string} */ html) => ({ ok: /** @type {const} */ (true), markdown: `md ${html}` }),
    exhausted: () => false,
  };
  const injector = createInjector({
    execute: () => new Promise((resolve, reject) => injections.push({ resolve, reject })),
    isLoadRace: quirks.isLoadRace,
    retries: quirks.LOAD_RACE_RETRIES,
    retryMs: quirks.LOAD_RACE_RETRY_MS,
    gate,
    action: { setBadgeBackgroundColor: async () => {}, setBadgeText: async () => {}, setTitle: async () => {} },
    defaultTitle: () => 'Quire',
    // The waits between retries pass on the test's clock.
    sleep: async (ms) => {
      clock.advance(ms);
    },
    warn: () => {},
  });
  const listener = createAnswerer({ gate, core: core ?? fakeCore, messages, reload: () => (reloads += 1), warn: () => {} });

  /**
   * Delivers a message as `runtime.onMessage` does, and collects the answers.
   * @param {unknown} message
   * @param {import('../../extension/background/gate.js').Sender} sender
   */
  async function send(message, sender) {
    /** @type {unknown[]} */
    const answers = [];
    const async = listener(message, sender, (response) => answers.push(response));
    await settle();
    return { async, answers };
  }

  return { clock, injections, send, click: (/** @type {number} */ tabId) => injector.click(tabId), extracted, reloads: () => reloads };
}

/** @param {object} [over] */
const sender = (over = {}) => ({ id: ID, tab: { id: TAB }, frameId: 0, documentId: 'doc-A', ...over });

test('request first, injection after (the usual order in Chromium): answered once', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  assert.equal(w.injections.length, 1, 'the injection is running');
  const first = await w.send(REQUEST, sender());
  assert.equal(first.async, true);
  assert.deepEqual(first.answers, [{ ok: true, article: ARTICLE }]);
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  const again = await w.send(REQUEST, sender());
  assert.deepEqual(again, { async: false, answers: [] }, 'the click was used up: a second request gets no answer');
  assert.deepEqual(w.extracted, ['<p>page</p>']);
});

test('injection first, request after: only the document the click injected into is answered', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  const other = await w.send(REQUEST, sender({ documentId: 'doc-B' }));
  assert.deepEqual(other, { async: false, answers: [] }, 'another document in the same tab gets no answer');
  const own = await w.send(REQUEST, sender());
  assert.deepEqual(own.answers, [{ ok: true, article: ARTICLE }]);
  assert.deepEqual(w.extracted, ['<p>page</p>']);
});

test('a refused sender gets no answer at all, and leaves the click to our content script', async () => {
  const w = worker();
  void w.click(TAB);
  const refused = [
    sender({ id: 'another-extension' }),
    sender({ id: undefined }),
    sender({ tab: undefined }),
    sender({ frameId: 1 }), // an iframe of the clicked tab
    sender({ frameId: 1, documentId: 'doc-frame' }),
    sender({ tab: { id: TAB + 1 } }), // a tab nobody clicked
  ];
  for (const from of refused) {
    assert.deepEqual(await w.send(REQUEST, from), { async: false, answers: [] }, JSON.stringify(from));
    // Not even an error answer to a malformed message or a Markdown request.
    assert.deepEqual(await w.send({ type: messages.MSG.EXTRACT }, from), { async: false, answers: [] }, JSON.stringify(from));
  }
  for (const from of [sender({ id: 'another-extension' }), sender({ frameId: 2 }), sender({ tab: undefined })]) {
    assert.deepEqual(await w.send({ type: messages.MSG.MARKDOWN, html: '<p>x</p>' }, from), { async: false, answers: [] });
  }
  assert.deepEqual(w.extracted, [], 'the core never ran');
  assert.deepEqual((await w.send(REQUEST, sender())).answers, [{ ok: true, article: ARTICLE }]);
});

test('an iframe of the clicked tab is refused although the click is live and the injection done', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  assert.deepEqual(await w.send(REQUEST, sender({ frameId: 3, documentId: 'doc-A' })), { async: false, answers: [] });
  assert.deepEqual(w.extracted, []);
});

test('an expired click gets no answer; a request within the time does', async () => {
  const w = worker();
  void w.click(TAB);
  w.clock.advance(CLICK_TTL_MS + 1);
  assert.deepEqual(await w.send(REQUEST, sender()), { async: false, answers: [] });
  void w.click(TAB);
  w.clock.advance(CLICK_TTL_MS);
  assert.deepEqual((await w.send(REQUEST, sender())).answers, [{ ok: true, article: ARTICLE }]);
});

test('the waits of the load-race retries do not use up the click’s time', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  // Three lost races: the clock moves on by 300 + 600 + 1,200 ms.
  for (let i = 0; i < 3; i++) {
    w.injections[i].reject(new Error(RACE));
    await settle();
  }
  assert.equal(w.injections.length, 4, 'the fourth attempt is running');
  // Most of the click's time is gone since the click itself, not since the last retry.
  w.clock.advance(CLICK_TTL_MS - 1);
  assert.deepEqual((await w.send(REQUEST, sender())).answers, [{ ok: true, article: ARTICLE }]);
  w.injections[3].resolve([{ documentId: 'doc-A' }]);
  await clicked;
});

test('an admitted sender with a malformed request gets an error answer', async () => {
  const w = worker();
  void w.click(TAB);
  const bad = await w.send({ type: messages.MSG.EXTRACT, html: 42, url: '' }, sender());
  assert.deepEqual(bad, { async: false, answers: [{ ok: false, error: 'Bad request: html must be a string' }] });
  assert.deepEqual(w.extracted, []);
});

test('a Markdown request from our content script needs no click and is answered', async () => {
  const w = worker();
  const answer = await w.send({ type: messages.MSG.MARKDOWN, html: '<p>x</p>' }, sender());
  assert.deepEqual(answer, { async: true, answers: [{ ok: true, markdown: 'md <p>x</p>' }] });
});

/**
 * A fake glue: extracting a page with TRAP in it traps, like a Rust panic in
 * wasm, and leaves the instance broken: every later call traps too.
 */
function trappingGlue() {
  let broken = false;
  const check = () => {
    if (broken) throw new WebAssembly.RuntimeError('memory access out of bounds');
  };
  return {
    default: async () => ({}),
    extract: (/** @type {string} */ html) => {
      check();
      if (html.includes('TRAP')) {
        broken = true;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      return { ...ARTICLE, text: '', markdown: '', title: html };
    },
    markdownFromHtml: (/** @type {string} */ html) => {
      check();
      return `md ${html}`;
    },
    version: () => '0',
  };
}

test('three traps in a row: each is answered with an error, and the third restarts the extension after answering', async () => {
  const compile = async () => new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  const core = createCore({ glues: [trappingGlue(), trappingGlue(), trappingGlue()], compile });
  const w = worker({ core });
  const trap = { ...REQUEST, html: '<p>TRAP</p>' };
  for (let i = 1; i <= 3; i++) {
    void w.click(TAB);
    const answer = await w.send(trap, sender());
    assert.equal(answer.answers.length, 1, `trap ${i} is answered`);
    assert.match(/** @type {any} */ (answer.answers[0]).error, /internal error on this page \(unreachable\)/);
    assert.equal(w.reloads(), i === 3 ? 1 : 0, `after trap ${i}`);
    if (i < 3) {
      // Markdown after a trap: the fresh instance converts it.
      const md = await w.send({ type: messages.MSG.MARKDOWN, html: '<p>after</p>' }, sender());
      assert.deepEqual(md.answers, [{ ok: true, markdown: 'md <p>after</p>' }], `Markdown after trap ${i}`);
      assert.equal(core.instance(), i);
    }
  }
  assert.equal(core.exhausted(), true);
  // Until the restart takes effect, requests are answered with the reason, and each asks for the restart again.
  void w.click(TAB);
  const late = await w.send(REQUEST, sender());
  assert.match(/** @type {any} */ (late.answers[0]).error, /restarting/);
  const md = await w.send({ type: messages.MSG.MARKDOWN, html: '<p>x</p>' }, sender());
  assert.match(/** @type {any} */ (md.answers[0]).error, /restarting/);
  assert.equal(w.reloads(), 3);
});

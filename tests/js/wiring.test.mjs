// @ts-check
/**
 * The gate's binding of a request to its click, as background/worker.js
 * wires it: the real gate (gate.js), the real click handler (inject.js) and
 * the real message listener (answer.js), around a fake `executeScript`
 * whose injection the test finishes by hand, a fake core and a clock the
 * test moves.
 *
 * In Chromium the content script's request usually arrives *before*
 * `executeScript` resolves (the click's start, content/page-html.js
 * `quirePageStart`, sends the page while the reader's scripts are still
 * being loaded and evaluated), so both orders are real; the click's token
 * binds the request either way.
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
  /** @type {string[]} the token of each click, in order */
  const tokens = [];
  /** @type {string[]} the token each injection carried */
  const injectedTokens = [];
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
    execute: (_tabId, token) => {
      injectedTokens.push(token);
      return new Promise((resolve, reject) => injections.push({ resolve, reject }));
    },
    newToken: () => {
      tokens.push(`token-${tokens.length + 1}`);
      return tokens[tokens.length - 1];
    },
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

  /** The content script's extract request, echoing the last click's token (as content/page-html.js `quirePageStart` does). */
  const request = (/** @type {object} */ over = {}) => ({ ...REQUEST, token: tokens[tokens.length - 1], ...over });

  return {
    clock, injections, send, request, tokens, injectedTokens,
    click: (/** @type {number} */ tabId) => injector.click(tabId),
    extracted, reloads: () => reloads,
  };
}

/** @param {object} [over] */
const sender = (over = {}) => ({ id: ID, tab: { id: TAB }, frameId: 0, documentId: 'doc-A', ...over });

test('request first, injection after (the usual order in Chromium): answered once', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  assert.equal(w.injections.length, 1, 'the injection is running');
  const first = await w.send(w.request(), sender());
  assert.equal(first.async, true);
  assert.deepEqual(first.answers, [{ ok: true, article: ARTICLE }]);
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  const again = await w.send(w.request(), sender());
  assert.deepEqual(again, { async: false, answers: [] }, 'the click was used up: a second request gets no answer');
  assert.deepEqual(w.extracted, ['<p>page</p>']);
});

test('injection first, request after: only the document the click injected into is answered', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  const other = await w.send(w.request(), sender({ documentId: 'doc-B' }));
  assert.deepEqual(other, { async: false, answers: [] }, 'another document in the same tab gets no answer');
  const own = await w.send(w.request(), sender());
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
    assert.deepEqual(await w.send(w.request(), from), { async: false, answers: [] }, JSON.stringify(from));
    // Not even an error answer to a malformed message or a Markdown request.
    assert.deepEqual(await w.send({ type: messages.MSG.EXTRACT }, from), { async: false, answers: [] }, JSON.stringify(from));
  }
  for (const from of [sender({ id: 'another-extension' }), sender({ frameId: 2 }), sender({ tab: undefined })]) {
    assert.deepEqual(await w.send({ type: messages.MSG.MARKDOWN, html: '<p>x</p>' }, from), { async: false, answers: [] });
  }
  assert.deepEqual(w.extracted, [], 'the core never ran');
  assert.deepEqual((await w.send(w.request(), sender())).answers, [{ ok: true, article: ARTICLE }]);
});

test('an iframe of the clicked tab is refused although the click is live and the injection done', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  assert.deepEqual(await w.send(w.request(), sender({ frameId: 3, documentId: 'doc-A' })), { async: false, answers: [] });
  assert.deepEqual(w.extracted, []);
});

test('an expired click gets no answer; a request within the time does', async () => {
  const w = worker();
  void w.click(TAB);
  w.clock.advance(CLICK_TTL_MS + 1);
  assert.deepEqual(await w.send(w.request(), sender()), { async: false, answers: [] });
  void w.click(TAB);
  w.clock.advance(CLICK_TTL_MS);
  assert.deepEqual((await w.send(w.request(), sender())).answers, [{ ok: true, article: ARTICLE }]);
});

test('the waits of the load-race retries do not use up the click’s time', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  // Three lost races: the clock moves on by 50 + 100 + 200 ms.
  for (let i = 0; i < 3; i++) {
    w.injections[i].reject(new Error(RACE));
    await settle();
  }
  assert.equal(w.injections.length, 4, 'the fourth attempt is running');
  // Most of the click's time is gone since the click itself, not since the last retry.
  w.clock.advance(CLICK_TTL_MS - 1);
  assert.deepEqual((await w.send(w.request(), sender())).answers, [{ ok: true, article: ARTICLE }]);
  w.injections[3].resolve([{ documentId: 'doc-A' }]);
  await clicked;
});

test('an admitted sender with a malformed request gets an error answer', async () => {
  const w = worker();
  void w.click(TAB);
  const bad = await w.send({ type: messages.MSG.EXTRACT, html: 42, url: '', token: w.tokens[0] }, sender());
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
  const core = createCore({ glues: [trappingGlue(), trappingGlue(), trappingGlue()], markdownGlue: trappingGlue(), compile });
  const w = worker({ core });
  for (let i = 1; i <= 3; i++) {
    void w.click(TAB);
    const answer = await w.send(w.request({ html: '<p>TRAP</p>' }), sender());
    assert.equal(answer.answers.length, 1, `trap ${i} is answered`);
    assert.match(/** @type {any} */ (answer.answers[0]).error, /internal error on this page \(unreachable\)/);
    assert.equal(w.reloads(), i === 3 ? 1 : 0, `after trap ${i}`);
    if (i < 3) {
      // Markdown after a trap: its own instance converts it.
      const md = await w.send({ type: messages.MSG.MARKDOWN, html: '<p>after</p>' }, sender());
      assert.deepEqual(md.answers, [{ ok: true, markdown: 'md <p>after</p>' }], `Markdown after trap ${i}`);
      assert.equal(core.instance(), i);
    }
  }
  assert.equal(core.exhausted(), true);
  // Until the restart takes effect, requests are answered with the reason, and each asks for the restart again.
  void w.click(TAB);
  const late = await w.send(w.request(), sender());
  assert.match(/** @type {any} */ (late.answers[0]).error, /restarting/);
  assert.equal(w.reloads(), 2);
  // Markdown runs on its own instance: it still works, and never asks for a restart.
  const md = await w.send({ type: messages.MSG.MARKDOWN, html: '<p>x</p>' }, sender());
  assert.deepEqual(md.answers, [{ ok: true, markdown: 'md <p>x</p>' }]);
  assert.equal(w.reloads(), 2);
});

test('the click’s token goes with its injection, and only a request that echoes it is answered', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  assert.deepEqual(w.injectedTokens, ['token-1'], 'the injection carries the click’s token');
  for (const token of ['token-0', 'token-2', '', undefined, 7]) {
    assert.deepEqual(await w.send(w.request({ token }), sender()), { async: false, answers: [] }, `token ${String(token)}`);
  }
  const { token: _, ...untokened } = w.request();
  assert.deepEqual(await w.send(untokened, sender()), { async: false, answers: [] }, 'no token at all');
  assert.deepEqual(w.extracted, [], 'the core never ran for them');
  assert.deepEqual((await w.send(w.request(), sender())).answers, [{ ok: true, article: ARTICLE }], 'the right token');
  assert.deepEqual(await w.send(w.request(), sender()), { async: false, answers: [] }, 'the token is used up');
  w.injections[0].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  // The next click has a new token; the old one opens nothing.
  void w.click(TAB);
  assert.deepEqual(await w.send(w.request({ token: 'token-1' }), sender()), { async: false, answers: [] }, 'a reused token');
  assert.deepEqual((await w.send(w.request(), sender())).answers, [{ ok: true, article: ARTICLE }]);
});

test('a retried injection keeps its click’s token', async () => {
  const w = worker();
  const clicked = w.click(TAB);
  w.injections[0].reject(new Error(RACE));
  await settle();
  assert.deepEqual(w.injectedTokens, ['token-1', 'token-1']);
  w.injections[1].resolve([{ documentId: 'doc-A' }]);
  await clicked;
  assert.deepEqual((await w.send(w.request(), sender())).answers, [{ ok: true, article: ARTICLE }]);
});

test('Markdown requests: one at a time per tab, and a failing one never restarts the extension', async () => {
  /** @type {((value: {ok: false, error: string}) => void)[]} */
  const pending = [];
  const core = {
    extract: async () => ({ ok: /** @type {const} */ (true), article: ARTICLE }),
    markdown: () => new Promise((resolve) => pending.push(resolve)),
    exhausted: () => true, // even with every page instance gone, Markdown asks for no restart
  };
  const w = worker({ core: /** @type {any} */ (core) });
  const md = { type: messages.MSG.MARKDOWN, html: '<p>x</p>' };
  const first = w.send(md, sender());
  await settle();
  const second = await w.send(md, sender());
  assert.equal(second.async, false);
  assert.match(/** @type {any} */ (second.answers[0]).error, /already being made/);
  const otherTab = await w.send(md, sender({ tab: { id: TAB + 1 } }));
  assert.equal(otherTab.async, true, 'another tab is not held up');
  assert.equal(pending.length, 2, 'two conversions run: one per tab');
  pending[0]({ ok: false, error: 'The reader core hit an internal error' });
  await settle();
  assert.deepEqual((await first).async, true);
  assert.equal(w.reloads(), 0, 'a failed Markdown request restarts nothing');
  const third = w.send(md, sender());
  await settle();
  assert.equal(pending.length, 3, 'once the first is answered, the tab may ask again');
  pending[2]({ ok: false, error: 'x' });
  await third;
  assert.equal(w.reloads(), 0);
});

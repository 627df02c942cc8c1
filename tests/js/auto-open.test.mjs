// @ts-check
/**
 * Opening the reader by itself on chosen sites (extension/background/auto-open.js),
 * with fake `chrome.scripting` and `chrome.permissions`: what a site is, what
 * turning it on and off registers and gives back, the clean-up after the
 * user removed a permission in the browser, and the worker's answers (the
 * site is always the sender's page's, never one a message names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/shared/messages.js';
import { createGate } from '../../extension/background/gate.js';
import {
  createAutoOpen,
  createAutoOpenAnswerer,
  siteOf,
  patternOf,
  siteLabel,
  SCRIPT_PREFIX,
  AUTO_FILES,
} from '../../extension/background/auto-open.js';

/** @type {QuireMessages} */
const messages = /** @type {any} */ (globalThis).quireMessages;
const ID = 'quire-extension-id';

/** Fake `chrome.scripting` and `chrome.permissions` that keep what they were told, as the browser does. */
function fakeBrowser() {
  /** @type {Map<string, any>} */
  const scripts = new Map();
  /** @type {Set<string>} */
  const origins = new Set();
  /** @type {string[]} */
  const removed = [];
  const scripting = {
    getRegisteredContentScripts: async () => [...scripts.values()],
    /** @param {any[]} list */
    registerContentScripts: async (list) => {
      for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) scripts.set(s.id, s);
    },
    /** @param {{ids: string[]}} filter */
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of ids) scripts.delete(id);
    },
  };
  const permissions = {
    /** @param {{origins: string[]}} p */
    contains: async (p) => p.origins.every((o) => origins.has(o) || origins.has('*://*/*')),
    /** @param {{origins: string[]}} p */
    remove: async (p) => {
      for (const o of p.origins) {
        removed.push(o);
        origins.delete(o);
      }
      return true;
    },
  };
  return { scripting, permissions, scripts, origins, removed };
}

test('a site is the scheme and host name of an http(s) page, without port, path or credentials', () => {
  assert.equal(siteOf('https://news.example/a/b?c#d'), 'https://news.example');
  assert.equal(siteOf('http://127.0.0.1:8123/x.html'), 'http://127.0.0.1');
  assert.equal(siteOf('https://user:pw@Example.ORG/'), 'https://example.org');
  for (const other of ['file:///tmp/a.html', 'chrome://extensions/', 'about:blank', 'data:text/html,x', 'not a url', undefined]) {
    assert.equal(siteOf(other), null, String(other));
  }
  assert.equal(patternOf('https://news.example'), 'https://news.example/*');
  assert.equal(siteLabel('https://news.example'), 'news.example');
  assert.equal(siteLabel('http://127.0.0.1'), 'http://127.0.0.1');
});

test('turning a site on registers its content script only once its permission is granted', async () => {
  const b = fakeBrowser();
  const auto = createAutoOpen(b);
  assert.equal(await auto.enable('https://news.example'), false, 'no permission, nothing registered');
  assert.equal(b.scripts.size, 0);
  b.origins.add('https://news.example/*');
  assert.equal(await auto.enable('https://news.example'), true);
  assert.equal(await auto.enable('https://news.example'), true, 'a second time changes nothing');
  assert.deepEqual([...b.scripts.values()], [
    {
      id: `${SCRIPT_PREFIX}https://news.example`,
      js: [...AUTO_FILES],
      matches: ['https://news.example/*'],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  assert.equal(await auto.isOn('https://news.example'), true);
  assert.equal(await auto.isOn('http://news.example'), false, 'the other scheme is another site');
  // Only a bare site: nothing with a path or a port gets through.
  b.origins.add('*://*/*');
  for (const bad of ['https://news.example/path', 'https://news.example:8080', 'javascript:alert(1)', '<all_urls>']) {
    assert.equal(await auto.enable(bad), false, bad);
  }
  assert.equal(b.scripts.size, 1);
});

test('turning a site off unregisters it and gives its permission back; the list is sorted and only ours', async () => {
  const b = fakeBrowser();
  const auto = createAutoOpen(b);
  for (const site of ['https://b.example', 'https://a.example']) {
    b.origins.add(patternOf(site));
    await auto.enable(site);
  }
  b.scripts.set('someone-else', { id: 'someone-else' });
  assert.deepEqual(await auto.list(), ['https://a.example', 'https://b.example']);
  await auto.disable('https://b.example');
  assert.deepEqual(await auto.list(), ['https://a.example']);
  assert.deepEqual(b.removed, ['https://b.example/*']);
  assert.ok(b.scripts.has('someone-else'));
  await auto.disable('https://never.example'); // neither registered nor granted: no error
  assert.deepEqual(b.removed, ['https://b.example/*', 'https://never.example/*']);
});

test('a site whose permission the user took back in the browser is unregistered', async () => {
  const b = fakeBrowser();
  const auto = createAutoOpen(b);
  for (const site of ['https://a.example', 'https://b.example']) {
    b.origins.add(patternOf(site));
    await auto.enable(site);
  }
  b.origins.delete('https://a.example/*'); // as permissions.onRemoved reports it
  assert.deepEqual(await auto.list(), ['https://b.example'], 'not listed as on');
  assert.equal(b.scripts.size, 2, 'still registered until reconciled');
  await auto.reconcile();
  assert.deepEqual([...b.scripts.keys()], [`${SCRIPT_PREFIX}https://b.example`]);
  await auto.reconcile(); // nothing left to do
  assert.equal(b.scripts.size, 1);
});

/**
 * The worker's answerer over a fake browser, with the site `on` turned on.
 * @param {string} [on]
 */
async function answerer(on = 'https://news.example') {
  const b = fakeBrowser();
  const autoOpen = createAutoOpen(b);
  b.origins.add(patternOf(on));
  await autoOpen.enable(on);
  const gate = createGate({ extensionId: ID });
  /** @type {any[]} */
  const calls = [];
  const a = createAutoOpenAnswerer({
    autoOpen,
    messages,
    admit: gate.admitMarkdown,
    clicked: (tabId, token) => {
      calls.push(['clicked', tabId, token]);
      gate.clicked(tabId, token);
    },
    injected: (tabId, documentId) => calls.push(['injected', tabId, documentId]),
    execute: async (tabId, token) => {
      calls.push(['execute', tabId, token]);
      return [{ documentId: 'doc-1' }];
    },
    askToEnable: async (site) => calls.push(['ask', site]),
    serialize: async (tabId, fn) => {
      calls.push(['serialize', tabId]);
      await fn();
      calls.push(['serialized', tabId]);
    },
    newToken: () => 'tok',
    warn: () => {},
  });
  /**
   * Sends a message; resolves to the answer (undefined without one) once the work is done.
   * @param {unknown} message
   * @param {object} [over] sender fields
   */
  async function send(message, over = {}) {
    /** @type {unknown} */
    let answer;
    const sender = { id: ID, tab: { id: 7 }, frameId: 0, url: 'https://news.example/story', ...over };
    const async = a.listener(message, sender, (r) => (answer = r));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    return { async, answer };
  }
  return { a, b, gate, calls, send };
}

test('the worker opens the reader by itself only for a page on a site that is on', async () => {
  const { a, calls, send, gate } = await answerer();
  assert.equal(a.handles({ type: messages.MSG.AUTO_OPEN }), true);
  assert.equal(a.handles({ type: messages.MSG.EXTRACT }), false);
  await send({ type: messages.MSG.AUTO_OPEN });
  assert.deepEqual(
    calls,
    [['serialize', 7], ['clicked', 7, 'tok'], ['execute', 7, 'tok'], ['injected', 7, 'doc-1'], ['serialized', 7]],
    'the token and the injection, one at a time with any click in the tab',
  );
  // The content script it injected may now ask for the extraction, with the token.
  assert.deepEqual(gate.admit({ id: ID, tab: { id: 7 }, frameId: 0 }, 'tok'), { ok: true });
  calls.length = 0;
  await send({ type: messages.MSG.AUTO_OPEN }, { url: 'https://other.example/story' });
  await send({ type: messages.MSG.AUTO_OPEN }, { url: 'http://news.example/story' });
  await send({ type: messages.MSG.AUTO_OPEN }, { frameId: 3 });
  await send({ type: messages.MSG.AUTO_OPEN }, { id: 'another-extension' });
  await send({ type: messages.MSG.AUTO_OPEN }, { tab: undefined });
  assert.deepEqual(calls, [], 'another site, another scheme, a subframe, another extension, no tab: nothing');
});

test('the reader asks for and sets its page’s site, never one the message names', async () => {
  const { calls, send, b } = await answerer();
  assert.deepEqual((await send({ type: messages.MSG.AUTO_STATE })).answer, { ok: true, on: true });
  assert.deepEqual((await send({ type: messages.MSG.AUTO_STATE, url: 'https://x.example/' }, { url: 'https://x.example/a' })).answer, { ok: true, on: false });
  assert.deepEqual((await send({ type: messages.MSG.AUTO_STATE }, { url: 'file:///tmp/a.html' })).answer, { ok: false, error: 'not a web page' });
  assert.equal((await send({ type: messages.MSG.AUTO_STATE }, { frameId: 1 })).answer, undefined, 'a subframe gets no answer');

  // On: the options page is asked to ask (a permission needs a gesture in an extension page).
  const on = await send({ type: messages.MSG.AUTO_SET, on: true, site: 'https://evil.example' }, { url: 'https://x.example/a' });
  assert.deepEqual(on.answer, { ok: true, on: false });
  assert.deepEqual(calls, [['ask', 'https://x.example']]);
  assert.deepEqual((await send({ type: messages.MSG.AUTO_SET, on: true })).answer, { ok: true, on: true }, 'already on: no window');
  assert.equal(calls.length, 1);

  // Off: at once, registration and permission.
  assert.deepEqual((await send({ type: messages.MSG.AUTO_SET, on: false })).answer, { ok: true, on: false });
  assert.equal(b.scripts.size, 0);
  assert.deepEqual(b.removed, ['https://news.example/*']);
  assert.deepEqual((await send({ type: messages.MSG.AUTO_SET, on: 'yes' })).answer, { ok: false, error: 'Bad request: on must be a boolean' });
});

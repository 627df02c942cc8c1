// @ts-check
/** The worker's message gate (extension/background/gate.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGate, CLICK_TTL_MS } from '../../extension/background/gate.js';

const ID = 'quire-extension-id';
const TOKEN = 'token-of-the-click';

/** A clock the test moves by hand. */
function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (/** @type {number} */ ms) => (t += ms) };
}

/** @param {object} [over] */
const sender = (over = {}) => ({ id: ID, tab: { id: 7 }, frameId: 0, documentId: 'doc-A', ...over });

test('a request from our content script in reply to a click on its tab is admitted, once', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, TOKEN);
  assert.deepEqual(gate.admit(sender(), TOKEN), { ok: true });
  const again = gate.admit(sender(), TOKEN);
  assert.equal(again.ok, false, 'the click is used up');
  assert.match(/** @type {{error: string}} */ (again).error, /no toolbar click/);
});

test('without a click nothing is admitted, whoever asks', () => {
  const gate = createGate({ extensionId: ID });
  assert.match(/** @type {any} */ (gate.admit(sender(), TOKEN)).error, /no toolbar click/);
});

test('other senders are refused even right after a click', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, TOKEN);
  const cases = [
    [sender({ id: 'another-extension' }), /not from this extension/],
    [sender({ id: undefined }), /not from this extension/],
    [sender({ tab: undefined }), /not from a tab/],
    [sender({ tab: {} }), /not from a tab/],
    [sender({ frameId: 3 }), /not from the top frame/],
    [sender({ frameId: undefined }), /not from the top frame/],
    [sender({ tab: { id: 8 } }), /no toolbar click/],
  ];
  for (const [s, reason] of cases) {
    const answer = gate.admit(/** @type {any} */ (s), TOKEN);
    assert.equal(answer.ok, false, JSON.stringify(s));
    assert.match(/** @type {any} */ (answer).error, /** @type {RegExp} */ (reason));
  }
  // None of those used up the click for the real content script.
  assert.deepEqual(gate.admit(sender(), TOKEN), { ok: true });
});

test('when the browser names the injected document, only that document is admitted', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, TOKEN);
  gate.injected(7, 'doc-A');
  assert.match(/** @type {any} */ (gate.admit(sender({ documentId: 'doc-B' }), TOKEN)).error, /not from the document/);
  assert.deepEqual(gate.admit(sender({ documentId: 'doc-A' }), TOKEN), { ok: true });
});

test('a browser that reports no document ids (Firefox) is still bound to the tab and the click', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, TOKEN);
  gate.injected(7, undefined);
  assert.deepEqual(gate.admit(sender({ documentId: undefined }), TOKEN), { ok: true });
});

test('a click expires', () => {
  const clock = fakeClock();
  const gate = createGate({ extensionId: ID, now: clock.now });
  gate.clicked(7, TOKEN);
  clock.advance(CLICK_TTL_MS + 1);
  assert.match(/** @type {any} */ (gate.admit(sender(), TOKEN)).error, /no toolbar click/);
  gate.clicked(7, TOKEN);
  clock.advance(CLICK_TTL_MS - 1);
  assert.deepEqual(gate.admit(sender(), TOKEN), { ok: true });
});

test('a Markdown request needs no click, only our content script in a top frame', () => {
  const gate = createGate({ extensionId: ID });
  assert.deepEqual(gate.admitMarkdown(sender()), { ok: true });
  assert.deepEqual(gate.admitMarkdown(sender()), { ok: true }, 'and is not used up');
  const cases = [
    [sender({ id: 'another-extension' }), /not from this extension/],
    [sender({ tab: undefined }), /not from a tab/],
    [sender({ frameId: 2 }), /not from the top frame/],
  ];
  for (const [from, reason] of cases) {
    const answer = gate.admitMarkdown(/** @type {any} */ (from));
    assert.equal(answer.ok, false);
    assert.match(/** @type {{error: string}} */ (answer).error, /** @type {RegExp} */ (reason));
  }
  gate.clicked(7, TOKEN);
  gate.admitMarkdown(sender());
  assert.deepEqual(gate.admit(sender(), TOKEN), { ok: true }, 'a Markdown request does not use up a click');
});

test('only a request that echoes its click’s token is admitted: a wrong, missing or reused token is refused', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, TOKEN);
  for (const token of ['another-token', '', undefined, null, 42, { toString: () => TOKEN }, `${TOKEN} `]) {
    const answer = gate.admit(sender(), token);
    assert.equal(answer.ok, false, `token ${String(token)}`);
    assert.match(/** @type {any} */ (answer).error, /token/);
  }
  assert.deepEqual(gate.admit(sender(), TOKEN), { ok: true }, 'a refused token does not use up the click');
  assert.match(/** @type {any} */ (gate.admit(sender(), TOKEN)).error, /no toolbar click/, 'the token is used up');
});

test('a new click replaces the token: the last click’s token no longer opens anything', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, 'first');
  gate.clicked(7, 'second');
  assert.match(/** @type {any} */ (gate.admit(sender(), 'first')).error, /token/);
  assert.deepEqual(gate.admit(sender(), 'second'), { ok: true });
});

test('a token is bound to its tab', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7, 'seven');
  gate.clicked(8, 'eight');
  assert.match(/** @type {any} */ (gate.admit(sender({ tab: { id: 8 } }), 'seven')).error, /token/);
  assert.deepEqual(gate.admit(sender({ tab: { id: 8 } }), 'eight'), { ok: true });
  assert.deepEqual(gate.admit(sender(), 'seven'), { ok: true });
});

// @ts-check
/** The worker's message gate (extension/background/gate.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGate, CLICK_TTL_MS } from '../../extension/background/gate.js';

const ID = 'quire-extension-id';

/** A clock the test moves by hand. */
function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (/** @type {number} */ ms) => (t += ms) };
}

/** @param {object} [over] */
const sender = (over = {}) => ({ id: ID, tab: { id: 7 }, frameId: 0, documentId: 'doc-A', ...over });

test('a request from our content script in reply to a click on its tab is admitted, once', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7);
  assert.deepEqual(gate.admit(sender()), { ok: true });
  const again = gate.admit(sender());
  assert.equal(again.ok, false, 'the click is used up');
  assert.match(/** @type {{error: string}} */ (again).error, /no toolbar click/);
});

test('without a click nothing is admitted, whoever asks', () => {
  const gate = createGate({ extensionId: ID });
  assert.match(/** @type {any} */ (gate.admit(sender())).error, /no toolbar click/);
});

test('other senders are refused even right after a click', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7);
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
    const answer = gate.admit(/** @type {any} */ (s));
    assert.equal(answer.ok, false, JSON.stringify(s));
    assert.match(/** @type {any} */ (answer).error, /** @type {RegExp} */ (reason));
  }
  // None of those used up the click for the real content script.
  assert.deepEqual(gate.admit(sender()), { ok: true });
});

test('when the browser names the injected document, only that document is admitted', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7);
  gate.injected(7, 'doc-A');
  assert.match(/** @type {any} */ (gate.admit(sender({ documentId: 'doc-B' }))).error, /not from the document/);
  assert.deepEqual(gate.admit(sender({ documentId: 'doc-A' })), { ok: true });
});

test('a browser that reports no document ids (Firefox) is still bound to the tab and the click', () => {
  const gate = createGate({ extensionId: ID });
  gate.clicked(7);
  gate.injected(7, undefined);
  assert.deepEqual(gate.admit(sender({ documentId: undefined })), { ok: true });
});

test('a click expires', () => {
  const clock = fakeClock();
  const gate = createGate({ extensionId: ID, now: clock.now });
  gate.clicked(7);
  clock.advance(CLICK_TTL_MS + 1);
  assert.match(/** @type {any} */ (gate.admit(sender())).error, /no toolbar click/);
  gate.clicked(7);
  clock.advance(CLICK_TTL_MS - 1);
  assert.deepEqual(gate.admit(sender()), { ok: true });
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
  gate.clicked(7);
  gate.admitMarkdown(sender());
  assert.deepEqual(gate.admit(sender()), { ok: true }, 'a Markdown request does not use up a click');
});

// @ts-check
/** Read aloud in the worker: chrome.tts and its events relayed to the tab (extension/background/tts.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTtsRelay, TTS_MSG, MAX_TTS_CHARS } from '../../extension/background/tts.js';
import '../../extension/shared/messages.js';

const ID = 'quire-extension-id';
/** @type {QuireMessages} */
const messages = /** @type {any} */ (globalThis).quireMessages;

/** @param {object} [over] */
const sender = (over = {}) => ({ id: ID, tab: { id: 7 }, frameId: 0, ...over });

/** A chrome.tts that records what it is asked, and a tab that records what it is sent. */
function fixture() {
  /** @type {{text: string, options: any}[]} */
  const speaks = [];
  let stops = 0;
  /** @type {{tabId: number, frameId: number, message: any}[]} */
  const sent = [];
  const tts = {
    getVoices: async () => [{ voiceName: 'Ada', lang: 'en-GB', remote: false }, { voiceName: 'Bea', remote: true }, { lang: 'fr' }],
    /** @param {string} text @param {any} options */
    speak: (text, options) => void speaks.push({ text, options }),
    stop: () => void (stops += 1),
  };
  const relay = createTtsRelay({ tts, extensionId: ID, sendToTab: (tabId, frameId, message) => sent.push({ tabId, frameId, message }) });
  return { relay, speaks, sent, stops: () => stops };
}

/**
 * Sends `message` and returns the answer (null when none came).
 * @param {ReturnType<typeof createTtsRelay>} relay
 * @param {object} message
 * @param {object} [from]
 */
async function ask(relay, message, from = sender()) {
  /** @type {unknown} */
  let answer = null;
  let done = () => {};
  const came = new Promise((resolve) => (done = () => resolve(undefined)));
  const later = relay.answer(message, from, (response) => {
    answer = response;
    done();
  });
  if (later) await came;
  return answer;
}

test('the message types are the ones shared/messages.js names', () => {
  assert.equal(TTS_MSG.VOICES, messages.MSG.TTS_VOICES);
  assert.equal(TTS_MSG.SPEAK, messages.MSG.TTS_SPEAK);
  assert.equal(TTS_MSG.STOP, messages.MSG.TTS_STOP);
  assert.equal(TTS_MSG.EVENT, messages.MSG.TTS_EVENT);
});

test('it handles its own messages only', () => {
  const { relay } = fixture();
  assert.equal(relay.handles({ type: TTS_MSG.SPEAK }), true);
  assert.equal(relay.handles({ type: messages.MSG.EXTRACT }), false);
  assert.equal(relay.handles(null), false);
  assert.equal(relay.handles('content→worker:tts-speak'), false);
});

test('voices: their names and languages; a voice without a name is left out', async () => {
  const { relay } = fixture();
  assert.deepEqual(await ask(relay, { type: TTS_MSG.VOICES }), { ok: true, voices: [{ name: 'Ada', lang: 'en-GB', remote: false }, { name: 'Bea', lang: '', remote: true }] });
});

test('only our content script in a tab’s top frame gets an answer', async () => {
  const { relay, speaks } = fixture();
  const speak = { type: TTS_MSG.SPEAK, id: 1, text: 'Hello.', rate: 1 };
  for (const from of [sender({ id: 'another-extension' }), sender({ tab: undefined }), sender({ frameId: 3 })]) {
    assert.equal(await ask(relay, speak, from), null);
    assert.equal(await ask(relay, { type: TTS_MSG.VOICES }, from), null);
  }
  assert.equal(speaks.length, 0);
});

test('speak: the text at its rate and voice, and every event back to the tab with the utterance’s id', async () => {
  const { relay, speaks, sent } = fixture();
  assert.deepEqual(await ask(relay, { type: TTS_MSG.SPEAK, id: 4, text: 'One sentence.', rate: 1.5, voice: 'Ada', lang: 'en' }), { ok: true });
  assert.equal(speaks.length, 1);
  const { text, options } = speaks[0];
  assert.equal(text, 'One sentence.');
  assert.equal(options.rate, 1.5);
  assert.equal(options.voiceName, 'Ada');
  assert.equal(options.lang, undefined, 'a named voice has its own language');
  options.onEvent({ type: 'word', charIndex: 4 });
  options.onEvent({ type: 'end' });
  assert.deepEqual(sent, [
    { tabId: 7, frameId: 0, message: { type: TTS_MSG.EVENT, id: 4, eventType: 'word', charIndex: 4 } },
    { tabId: 7, frameId: 0, message: { type: TTS_MSG.EVENT, id: 4, eventType: 'end', charIndex: 0 } },
  ]);
});

test('speak without a voice passes the article’s language when it is a language tag', async () => {
  const { relay, speaks } = fixture();
  await ask(relay, { type: TTS_MSG.SPEAK, id: 1, text: 'Hallo.', rate: 1, voice: null, lang: 'de-CH' });
  await ask(relay, { type: TTS_MSG.SPEAK, id: 2, text: 'Hallo.', rate: 1, voice: null, lang: 'not a tag' });
  assert.equal(speaks[0].options.lang, 'de-CH');
  assert.equal(speaks[1].options.lang, undefined);
});

test('a malformed speak request gets an error answer and says nothing', async () => {
  const { relay, speaks } = fixture();
  for (const bad of [
    { id: '1', text: 'x', rate: 1 },
    { id: 1, text: 5, rate: 1 },
    { id: 1, text: 'x', rate: 0 },
    { id: 1, text: 'x', rate: Number.NaN },
    { id: 1, text: 'x'.repeat(MAX_TTS_CHARS + 1), rate: 1 },
  ]) {
    const answer = /** @type {any} */ (await ask(relay, { type: TTS_MSG.SPEAK, ...bad }));
    assert.equal(answer.ok, false);
    assert.match(answer.error, /^Bad request/);
  }
  assert.equal(speaks.length, 0);
});

test('stop stops the speech only for the tab being spoken', async () => {
  const { relay, stops } = fixture();
  await ask(relay, { type: TTS_MSG.STOP });
  assert.equal(stops(), 0, 'nothing was being spoken');
  await ask(relay, { type: TTS_MSG.SPEAK, id: 1, text: 'Hello.', rate: 1 });
  await ask(relay, { type: TTS_MSG.STOP }, sender({ tab: { id: 8 } }));
  assert.equal(stops(), 0, 'another tab cannot stop this one');
  await ask(relay, { type: TTS_MSG.STOP });
  assert.equal(stops(), 1);
});

test('without chrome.tts (Firefox) every request says so, and the reader uses speechSynthesis', async () => {
  const relay = createTtsRelay({ tts: undefined, extensionId: ID, sendToTab: () => {} });
  const answer = /** @type {any} */ (await ask(relay, { type: TTS_MSG.VOICES }));
  assert.equal(answer.ok, false);
  assert.match(answer.error, /no chrome\.tts/);
});

test('an engine that throws answers with its error', async () => {
  const relay = createTtsRelay({
    tts: { getVoices: async () => [], speak: () => Promise.reject(new Error('voice not found')), stop: () => {} },
    extensionId: ID,
    sendToTab: () => {},
  });
  assert.deepEqual(await ask(relay, { type: TTS_MSG.SPEAK, id: 1, text: 'x', rate: 1, voice: 'Gone' }), { ok: false, error: 'voice not found' });
});

// @ts-check
/**
 * The bundled legible font's path from the package to the page: the worker
 * answers a `content→worker:font` request (answer.js, as worker.js wires
 * it) only for our own content script in a top frame, the answer is checked
 * field by field before the content script decodes it (shared/messages.js),
 * and the face list (ui/fonts.js) names exactly the files the package holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../extension/shared/messages.js';
import '../../extension/ui/fonts.js';
import { createGate } from '../../extension/background/gate.js';
import { createAnswerer } from '../../extension/background/answer.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** @type {QuireMessages} */
const messages = /** @type {any} */ (globalThis).quireMessages;
/** @type {QuireFonts} */
const fonts = /** @type {any} */ (globalThis).quireFonts;

const ID = 'quire-extension-id';
const FILES = [{ file: 'extension/fonts/a.woff2', data: 'd09GMgABAAA=' }];

/**
 * @param {(() => Promise<FontResponse>) | undefined} readFonts
 */
function listen(readFonts) {
  const gate = createGate({ extensionId: ID });
  const core = {
    extract: async () => ({ ok: /** @type {const} */ (false), error: 'unused' }),
    markdown: async () => ({ ok: /** @type {const} */ (false), error: 'unused' }),
    exhausted: () => false,
  };
  const listener = createAnswerer({ gate, core, messages, reload: () => {}, warn: () => {}, fonts: readFonts });
  /**
   * @param {unknown} message
   * @param {object} sender
   */
  return async (message, sender) => {
    /** @type {unknown[]} */
    const answers = [];
    const async = listener(message, /** @type {any} */ (sender), (response) => answers.push(response));
    await new Promise((ok) => setImmediate(ok));
    return { async, answers };
  };
}

const own = { id: ID, tab: { id: 3 }, frameId: 0 };

test('the worker sends the font files to its own content script in a top frame, and to nothing else', async () => {
  let reads = 0;
  const send = listen(async () => {
    reads += 1;
    return { ok: true, files: FILES };
  });
  assert.deepEqual(await send({ type: messages.MSG.FONT }, own), { async: true, answers: [{ ok: true, files: FILES }] });
  for (const sender of [{ ...own, id: 'another-extension' }, { ...own, frameId: 2 }, { id: ID, frameId: 0 }]) {
    assert.deepEqual(await send({ type: messages.MSG.FONT }, sender), { async: false, answers: [] }, JSON.stringify(sender));
  }
  assert.equal(reads, 1);
  // A worker without fonts, or whose read fails, answers with an error.
  assert.deepEqual((await listen(undefined)({ type: messages.MSG.FONT }, own)).answers, [{ ok: false, error: 'no fonts here' }]);
  const failing = listen(() => Promise.reject(new Error('gone')));
  assert.deepEqual((await failing({ type: messages.MSG.FONT }, own)).answers, [{ ok: false, error: 'Error: gone' }]);
});

test('a font answer is checked before it is decoded', () => {
  assert.deepEqual(messages.checkFontRequest({ type: messages.MSG.FONT, extra: 1 }), { ok: true, value: { type: messages.MSG.FONT } });
  assert.equal(messages.checkFontRequest({ type: messages.MSG.MARKDOWN }).ok, false);
  assert.deepEqual(messages.checkFontResponse({ ok: true, files: FILES }), { ok: true, value: { ok: true, files: FILES } });
  assert.deepEqual(messages.checkFontResponse({ ok: false, error: 'x' }), { ok: true, value: { ok: false, error: 'x' } });
  const bad = [
    null,
    { ok: true },
    { ok: true, files: 'x' },
    { ok: true, files: [{ file: 'a' }] },
    { ok: true, files: [{ file: 1, data: 'AA==' }] },
    { ok: true, files: [{ file: 'a', data: '<script>' }] },
    { ok: true, files: [{ file: 'a', data: 'A'.repeat(2 * 1024 * 1024) }] },
    { ok: true, files: Array.from({ length: 17 }, () => FILES[0]) },
  ];
  for (const response of bad) assert.equal(messages.checkFontResponse(response).ok, false, JSON.stringify(response)?.slice(0, 80));
});

test('the legible faces are exactly the woff2 files in extension/fonts/, with the OFL beside them', async () => {
  const shipped = (await readdir(join(ROOT, 'extension', 'fonts'))).filter((name) => name.endsWith('.woff2')).sort();
  assert.deepEqual(fonts.LEGIBLE_FACES.map((face) => face.file.replace('extension/fonts/', '')).sort(), shipped);
  assert.equal(shipped.length, 8, 'latin and latin-ext, 400 and 700, normal and italic');
  assert.ok((await stat(join(ROOT, 'extension', 'fonts', 'OFL.txt'))).size > 1000, 'the licence ships with the font');
  assert.match(fonts.LEGIBLE_FAMILY, /^Quire Legible [0-9a-f]{12}$/, 'a family name no page can guess');
  for (const face of fonts.LEGIBLE_FACES) assert.match(face.unicodeRange, /^U\+0/);
});

// @ts-check
/** The clutter kinds kept per site (shared/keep.js): validation of what is read back, bounds, round trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import '../../extension/shared/keep.js';

/** @type {QuireKeep} */
const { KINDS, MAX_ORIGINS, PREFIX, originOf, validKinds, load, add } = /** @type {any} */ (globalThis).quireKeep;

/**
 * An in-memory stand-in for `chrome.storage.sync`.
 * @param {Record<string, unknown>} [initial]
 */
function fakeArea(initial = {}) {
  /** @type {Record<string, unknown>} */
  const items = structuredClone(initial);
  return {
    items,
    /** @param {string | string[] | null} keys */
    async get(keys) {
      if (keys === null) return structuredClone(items);
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in items) out[k] = structuredClone(items[k]);
      return out;
    },
    /** @param {Record<string, unknown>} change */
    async set(change) {
      Object.assign(items, structuredClone(change));
    },
    /** @param {string | string[]} keys */
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete items[k];
    },
  };
}

const ORIGIN = 'http://127.0.0.1:8000';

test('the kind names are the core\'s, every one of them', async () => {
  const rust = await readFile(new URL('../../src/patterns/clutter_kind.rs', import.meta.url), 'utf8');
  const names = Array.from(rust.split('pub fn name')[1].split('pub fn label')[0].matchAll(/=> "([a-z-]+)"/g), (m) => m[1]);
  assert.deepEqual([...KINDS], names);
});

test('origins: http(s) only, as the URL parser gives them', () => {
  assert.equal(originOf('http://127.0.0.1:8000/a/b?c#d'), ORIGIN);
  assert.equal(originOf('https://Example.ORG/x'), 'https://example.org');
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'chrome://settings', '']) assert.equal(originOf(bad), null, bad);
});

test('what is read back is validated: unknown kinds, wrong shapes and other keys count as nothing', async () => {
  assert.deepEqual(validKinds(['related', 'nope', 3, 'related', 'share']), ['related', 'share']);
  assert.deepEqual(validKinds('related'), []);
  const area = fakeArea({
    [PREFIX + ORIGIN]: { kinds: ['related', '<script>', null], at: 1 },
    [PREFIX + 'https://a.example']: 'related',
    [PREFIX + 'https://b.example']: { kinds: 'related' },
  });
  assert.deepEqual(await load(area, ORIGIN), ['related']);
  assert.deepEqual(await load(area, 'https://a.example'), []);
  assert.deepEqual(await load(area, 'https://b.example'), []);
  assert.deepEqual(await load(area, 'https://a.example/path'), [], 'an origin, not a URL');
  assert.deepEqual(await load(null, ORIGIN), []);
  const failing = { ...fakeArea(), get: async () => Promise.reject(new Error('quota')) };
  assert.deepEqual(await load(failing, ORIGIN), []);
});

test('add keeps a kind per origin, once, and refuses unknown kinds and origins', async () => {
  const area = fakeArea();
  assert.equal(await add(area, ORIGIN, 'related'), true);
  assert.equal(await add(area, ORIGIN, 'related'), true);
  assert.equal(await add(area, ORIGIN, 'newsletter-form'), true);
  assert.deepEqual(await load(area, ORIGIN), ['related', 'newsletter-form']);
  assert.deepEqual(await load(area, 'http://localhost:8000'), []);
  assert.equal(await add(area, ORIGIN, 'no-such-kind'), false);
  assert.equal(await add(area, 'file://', 'related'), false);
  assert.deepEqual(Object.keys(area.items), [PREFIX + ORIGIN]);
});

test(`at most ${MAX_ORIGINS} origins: the least recently changed is forgotten`, async () => {
  /** @type {Record<string, unknown>} */
  const initial = { 'quire.settings': { schema: 1 } };
  for (let i = 0; i < MAX_ORIGINS; i++) initial[`${PREFIX}https://s${i}.example`] = { kinds: ['share'], at: 1000 + i };
  const area = fakeArea(initial);
  assert.equal(await add(area, ORIGIN, 'related'), true);
  const origins = Object.keys(area.items).filter((k) => k.startsWith(PREFIX));
  assert.equal(origins.length, MAX_ORIGINS);
  assert.ok(!origins.includes(`${PREFIX}https://s0.example`), 'the oldest went');
  assert.ok(origins.includes(`${PREFIX}https://s1.example`));
  assert.ok('quire.settings' in area.items, 'other keys are left alone');
  // Each item is far below storage.sync's 8 KB per item, even with every kind.
  for (const kind of KINDS) await add(area, ORIGIN, kind);
  assert.ok(JSON.stringify(area.items[PREFIX + ORIGIN]).length < 1024);
});

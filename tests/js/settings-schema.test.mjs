// @ts-check
/**
 * Settings written by a newer build (a higher schema, e.g. synced through
 * `chrome.storage.sync` from another browser that has updated Quire) are
 * kept: this build reads the fields it knows and never writes over them,
 * neither when loading nor when the reader saves a change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/ui/settings.js';

/** @type {QuireSettings} */
const { SCHEMA, STORAGE_KEY, DEFAULTS, load, save, apply } = /** @type {any} */ (globalThis).quireSettings;

/**
 * An in-memory stand-in for `chrome.storage.sync`, recording writes.
 * @param {Record<string, unknown>} [initial]
 */
function fakeArea(initial = {}) {
  /** @type {Record<string, unknown>} */
  const items = structuredClone(initial);
  /** @type {Record<string, unknown>[]} */
  const writes = [];
  return {
    items,
    writes,
    /** @param {string} key */
    async get(key) {
      return key in items ? { [key]: structuredClone(items[key]) } : {};
    },
    /** @param {Record<string, unknown>} change */
    async set(change) {
      writes.push(structuredClone(change));
      Object.assign(items, structuredClone(change));
    },
  };
}

/** What a newer build might store: a field this build does not know, and one it reads. */
const NEWER = Object.freeze({ schema: SCHEMA + 1, theme: 'dark', font: 'sans', fontSize: 22, width: 'wide', lineHeight: 'loose', hyphenate: true, fontSizeUnit: 'rem' });

test('loading settings of a newer schema reads what it can and writes nothing', async () => {
  const area = fakeArea({ [STORAGE_KEY]: NEWER });
  const settings = await load(area);
  assert.deepEqual(settings, { ...DEFAULTS, theme: 'dark', font: 'sans', fontSize: 22, width: 'wide', lineHeight: 'loose' });
  assert.deepEqual(area.writes, [], 'no write-back');
  assert.deepEqual(area.items[STORAGE_KEY], NEWER, 'the newer settings are kept as they were');
});

test('a newer schema with fields this build cannot read is still not overwritten', async () => {
  const stored = { schema: SCHEMA + 3, theme: 'midnight', fontSize: '1.2rem' };
  const area = fakeArea({ [STORAGE_KEY]: stored });
  assert.deepEqual(await load(area), { ...DEFAULTS });
  assert.deepEqual(area.writes, []);
  assert.deepEqual(area.items[STORAGE_KEY], stored);
});

test('saving a change does not overwrite a newer build’s settings', async () => {
  const area = fakeArea({ [STORAGE_KEY]: NEWER });
  const shown = await load(area);
  assert.equal(await save(area, apply(shown, { theme: 'sepia' })), false, 'save says it did not write');
  assert.deepEqual(area.writes, []);
  assert.deepEqual(area.items[STORAGE_KEY], NEWER);
});

test('an older or unversioned schema is still repaired and saved as this one', async () => {
  for (const old of [{ theme: 'sepia' }, { schema: 0, theme: 'sepia' }, { schema: '2', theme: 'sepia' }]) {
    const area = fakeArea({ [STORAGE_KEY]: old });
    const settings = await load(area);
    assert.deepEqual(settings, { ...DEFAULTS, theme: 'sepia' }, JSON.stringify(old));
    assert.deepEqual(area.items[STORAGE_KEY], settings, JSON.stringify(old));
    assert.equal(await save(area, apply(settings, { fontSize: 20 })), true);
    assert.deepEqual(area.items[STORAGE_KEY], { ...settings, fontSize: 20 });
  }
});

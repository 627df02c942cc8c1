// @ts-check
/** The reader settings: schema, validation, repair of stored values, storage round trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/ui/settings.js';

/** @type {QuireSettings} */
const { SCHEMA, STORAGE_KEY, DEFAULTS, CHOICES, FONT_SIZE, normalise, apply, load, save } = /** @type {any} */ (globalThis).quireSettings;

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

/** @type {Settings} */
const CUSTOM = { schema: SCHEMA, theme: 'dark', font: 'sans', fontSize: 23, width: 'wide', lineHeight: 'loose', letterSpacing: 'wide', wordSpacing: 'wider', align: 'justify', images: false, showRemoved: true };

test('defaults are valid settings of the current schema', () => {
  assert.deepEqual(normalise(DEFAULTS), { settings: { ...DEFAULTS }, repaired: false });
  assert.equal(DEFAULTS.schema, SCHEMA);
  assert.ok(CHOICES.theme.includes(DEFAULTS.theme));
  assert.deepEqual([...CHOICES.theme], ['auto', 'light', 'sepia', 'dark']);
  assert.ok(DEFAULTS.fontSize >= FONT_SIZE.min && DEFAULTS.fontSize <= FONT_SIZE.max);
});

test('valid current settings pass unchanged and are not rewritten', () => {
  assert.deepEqual(normalise(CUSTOM), { settings: CUSTOM, repaired: false });
});

test('anything that is not an object resets to the defaults', () => {
  for (const raw of [null, undefined, 42, 'dark', [], [CUSTOM], true]) {
    assert.deepEqual(normalise(raw), { settings: { ...DEFAULTS }, repaired: true }, `input ${JSON.stringify(raw)}`);
  }
});

test('each invalid field falls back to its default; valid ones are kept', () => {
  const { settings, repaired } = normalise({ ...CUSTOM, theme: 'neon', fontSize: 400 });
  assert.equal(repaired, true);
  assert.deepEqual(settings, { ...CUSTOM, theme: DEFAULTS.theme, fontSize: DEFAULTS.fontSize });
  for (const fontSize of [13, 31, 18.5, '20', NaN, Infinity, null]) {
    assert.equal(normalise({ ...CUSTOM, fontSize }).settings.fontSize, DEFAULTS.fontSize, `fontSize ${String(fontSize)}`);
  }
  // Prototype keys are not choices.
  assert.equal(normalise({ ...CUSTOM, theme: 'constructor' }).settings.theme, DEFAULTS.theme);
  assert.equal(normalise({ ...CUSTOM, width: 'toString' }).settings.width, DEFAULTS.width);
});

test('settings of another schema version, or without one, are salvaged field by field', () => {
  // Stored before versioning, or by a future version with a field we do not know.
  const old = normalise({ theme: 'sepia', fontSize: 21 });
  assert.deepEqual(old, { settings: { ...DEFAULTS, theme: 'sepia', fontSize: 21 }, repaired: true });
  const newer = normalise({ ...CUSTOM, schema: SCHEMA + 1, hyphenate: true });
  assert.deepEqual(newer, { settings: CUSTOM, repaired: true });
  const unknownKey = normalise({ ...CUSTOM, extra: 1 });
  assert.equal(unknownKey.repaired, true, 'an unknown key is dropped on rewrite');
  assert.ok(!('extra' in unknownKey.settings));
});

test('apply changes a field and ignores an invalid change', () => {
  assert.deepEqual(apply(CUSTOM, { theme: 'light' }), { ...CUSTOM, theme: 'light' });
  assert.deepEqual(apply(CUSTOM, { fontSize: 24 }), { ...CUSTOM, fontSize: 24 });
  assert.deepEqual(apply(CUSTOM, { fontSize: FONT_SIZE.max + 1 }), CUSTOM, 'past the largest size: unchanged');
  assert.deepEqual(apply(CUSTOM, /** @type {any} */ ({ theme: 'neon' })), CUSTOM);
  assert.deepEqual(apply(CUSTOM, /** @type {any} */ ({ schema: 0 })), CUSTOM, 'the schema is not the caller’s to change');
});

test('load: nothing stored gives the defaults and writes nothing', async () => {
  const area = fakeArea();
  assert.deepEqual(await load(area), { ...DEFAULTS });
  assert.equal(area.writes.length, 0);
});

test('load: valid stored settings come back as stored, without a write', async () => {
  const area = fakeArea({ [STORAGE_KEY]: CUSTOM });
  assert.deepEqual(await load(area), CUSTOM);
  assert.equal(area.writes.length, 0);
});

test('load: invalid or old stored settings are repaired and written back', async () => {
  const area = fakeArea({ [STORAGE_KEY]: { theme: 'dark', fontSize: 'huge', width: 3 } });
  const expected = { ...DEFAULTS, theme: 'dark' };
  assert.deepEqual(await load(area), expected);
  assert.deepEqual(area.writes, [{ [STORAGE_KEY]: expected }]);
  assert.deepEqual(area.items[STORAGE_KEY], expected);

  const garbage = fakeArea({ [STORAGE_KEY]: 'dark mode please' });
  assert.deepEqual(await load(garbage), { ...DEFAULTS });
  assert.deepEqual(garbage.items[STORAGE_KEY], { ...DEFAULTS });
});

test('load and save never throw: no storage, or storage that fails', async () => {
  assert.deepEqual(await load(null), { ...DEFAULTS });
  assert.deepEqual(await load(undefined), { ...DEFAULTS });
  assert.equal(await save(null, CUSTOM), false);
  const failing = {
    get: async () => { throw new Error('storage is gone'); },
    set: async () => { throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded'); },
  };
  assert.deepEqual(await load(failing), { ...DEFAULTS });
  assert.equal(await save(failing, CUSTOM), false);
  // A storage answering with something odd instead of an object.
  assert.deepEqual(await load({ get: async () => /** @type {any} */ (null), set: async () => {} }), { ...DEFAULTS });
});

test('save writes normalised settings under one key', async () => {
  const area = fakeArea();
  assert.equal(await save(area, /** @type {any} */ ({ ...CUSTOM, theme: 'neon', extra: true })), true);
  assert.deepEqual(area.writes, [{ [STORAGE_KEY]: { ...CUSTOM, theme: DEFAULTS.theme } }]);
  assert.deepEqual(await load(area), { ...CUSTOM, theme: DEFAULTS.theme });
});

test('schema 1 settings migrate to schema 2: every old field kept, the new ones at their defaults', async () => {
  assert.equal(SCHEMA, 2);
  const v1 = { schema: 1, theme: 'sepia', font: 'sans', fontSize: 22, width: 'narrow', lineHeight: 'tight' };
  const migrated = { ...v1, schema: 2, letterSpacing: 'normal', wordSpacing: 'normal', align: 'start', images: true, showRemoved: false };
  assert.deepEqual(normalise(v1), { settings: migrated, repaired: true });
  const area = fakeArea({ [STORAGE_KEY]: v1 });
  assert.deepEqual(await load(area), migrated);
  assert.deepEqual(area.writes, [{ [STORAGE_KEY]: migrated }], 'written back once in the new schema');
  assert.deepEqual(await load(area), migrated);
  assert.equal(area.writes.length, 1, 'and read as it is afterwards');
});

test('the schema 2 fields: each choice is valid, anything else falls back alone', () => {
  for (const field of /** @type {const} */ (['letterSpacing', 'wordSpacing', 'align'])) {
    for (const value of CHOICES[field]) assert.equal(normalise({ ...CUSTOM, [field]: value }).settings[field], value);
    const bad = normalise({ ...CUSTOM, [field]: 'loud' });
    assert.deepEqual(bad, { settings: { ...CUSTOM, [field]: DEFAULTS[field] }, repaired: true });
  }
  assert.ok(CHOICES.font.includes('legible'));
  for (const images of ['false', 0, null, 'hide']) {
    assert.equal(normalise({ ...CUSTOM, images }).settings.images, DEFAULTS.images, `images ${String(images)}`);
  }
  assert.equal(normalise({ ...CUSTOM, images: false }).settings.images, false);
  assert.deepEqual(apply(CUSTOM, { images: true, align: 'start' }), { ...CUSTOM, images: true, align: 'start' });
});

test('showRemoved: a boolean, off by default; absent (settings saved before it) is the default without a repair', () => {
  assert.equal(DEFAULTS.showRemoved, false);
  const { showRemoved, ...before } = CUSTOM;
  assert.equal(showRemoved, true);
  assert.deepEqual(normalise(before), { settings: { ...before, showRemoved: false }, repaired: false });
  for (const bad of ['true', 1, null]) {
    assert.deepEqual(normalise({ ...CUSTOM, showRemoved: bad }), { settings: { ...CUSTOM, showRemoved: false }, repaired: true });
  }
});

// @ts-check
/**
 * Where the reader left off (extension/ui/resume.js): keys without the
 * fragment, the bound of 200 articles (the oldest evicted), and stored values
 * that are corrupt or hostile read back as nothing, never as an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/ui/resume.js';

/** @type {QuireResume} */
const { STORAGE_KEY, MAX_ENTRIES, MAX_URL_LENGTH, keyFor, checkPosition, readEntries, load, save } = /** @type {any} */ (globalThis).quireResume;

/**
 * An in-memory stand-in for `chrome.storage.local`, recording writes.
 * @param {Record<string, unknown>} [initial]
 */
function fakeArea(initial = {}) {
  /** @type {Record<string, unknown>} */
  const items = structuredClone(initial);
  let writes = 0;
  return {
    items,
    writes: () => writes,
    /** @param {string} key */
    async get(key) {
      return key in items ? { [key]: structuredClone(items[key]) } : {};
    },
    /** @param {Record<string, unknown>} change */
    async set(change) {
      writes += 1;
      Object.assign(items, structuredClone(change));
    },
  };
}

const AT = { block: 12, offset: 0.25, fraction: 0.4 };

test('the key is the address without its fragment; other schemes and huge addresses are not kept', () => {
  assert.equal(keyFor('https://example.test/a/b?x=1#part-2'), 'https://example.test/a/b?x=1');
  assert.equal(keyFor('http://example.test/'), 'http://example.test/');
  assert.equal(keyFor('file:///tmp/page.html#x'), 'file:///tmp/page.html');
  for (const url of ['about:blank', 'data:text/html,hi', 'javascript:alert(1)', 'not a url', '']) assert.equal(keyFor(url), null, url);
  assert.equal(keyFor(`https://example.test/${'a'.repeat(MAX_URL_LENGTH)}`), null);
});

test('a position round-trips, keyed without the fragment', async () => {
  const area = fakeArea();
  assert.equal(await save(area, 'https://example.test/story#comments', AT, 1000), true);
  assert.deepEqual(await load(area, 'https://example.test/story'), AT);
  assert.deepEqual(await load(area, 'https://example.test/story#top'), AT);
  assert.equal(await load(area, 'https://example.test/other'), null);
  // Back at the top: forgotten.
  await save(area, 'https://example.test/story', { block: 0, offset: 0, fraction: 0 }, 2000);
  assert.equal(await load(area, 'https://example.test/story'), null);
});

test('at most 200 articles are kept, the oldest evicted first', async () => {
  const area = fakeArea();
  for (let i = 0; i < MAX_ENTRIES + 5; i++) {
    assert.equal(await save(area, `https://example.test/${i}`, { ...AT, block: i + 1 }, 10_000 + i), true);
  }
  assert.equal(MAX_ENTRIES, 200);
  const stored = /** @type {{entries: Record<string, unknown>}} */ (area.items[STORAGE_KEY]);
  assert.equal(Object.keys(stored.entries).length, MAX_ENTRIES);
  for (let i = 0; i < 5; i++) assert.equal(await load(area, `https://example.test/${i}`), null, `the oldest (${i}) went`);
  assert.deepEqual(await load(area, 'https://example.test/5'), { ...AT, block: 6 });
  assert.deepEqual(await load(area, `https://example.test/${MAX_ENTRIES + 4}`), { ...AT, block: MAX_ENTRIES + 5 });
  // Saving an old entry again makes it the newest: the next eviction takes the one after it.
  await save(area, 'https://example.test/5', AT, 50_000);
  await save(area, 'https://example.test/new', AT, 50_001);
  assert.deepEqual(await load(area, 'https://example.test/5'), AT);
  assert.equal(await load(area, 'https://example.test/6'), null);
});

test('an oversized store (written by another build) is cut to the newest 200 when read', () => {
  /** @type {Record<string, unknown>} */
  const entries = {};
  for (let i = 0; i < 450; i++) entries[`https://example.test/${i}`] = { ...AT, at: 450 - i };
  const read = readEntries({ v: 1, entries });
  assert.equal(read.size, MAX_ENTRIES);
  assert.ok(read.has('https://example.test/0'), 'the newest kept');
  assert.ok(!read.has('https://example.test/449'), 'the oldest dropped');
});

test('corrupt or hostile stored values read as nothing, entry by entry, and never throw', async () => {
  const url = 'https://example.test/story';
  const bad = [
    undefined,
    null,
    'junk',
    42,
    [],
    { v: 2, entries: { [url]: { ...AT, at: 1 } } },
    { v: 1, entries: null },
    { v: 1, entries: [] },
    { v: 1, entries: { [url]: null } },
    { v: 1, entries: { [url]: { ...AT } } },
    { v: 1, entries: { [url]: { ...AT, at: 'yesterday' } } },
    { v: 1, entries: { [url]: { ...AT, block: -1, at: 1 } } },
    { v: 1, entries: { [url]: { ...AT, block: 1.5, at: 1 } } },
    { v: 1, entries: { [url]: { ...AT, block: 1e12, at: 1 } } },
    { v: 1, entries: { [url]: { ...AT, offset: 2, at: 1 } } },
    { v: 1, entries: { [url]: { ...AT, offset: -1.5, at: 1 } } },
    { v: 1, entries: { [url]: { ...AT, fraction: NaN, at: 1 } } },
    { v: 1, entries: { [url]: { ...AT, fraction: '0.5', at: 1 } } },
    { v: 1, entries: { [`${url}#frag`]: { ...AT, at: 1 } } },
  ];
  for (const value of bad) {
    const area = fakeArea({ [STORAGE_KEY]: value });
    assert.equal(await load(area, url), null, JSON.stringify(value));
  }
  // A valid entry next to bad ones survives, and saving drops the bad ones.
  const area = fakeArea({ [STORAGE_KEY]: { v: 1, entries: { [url]: { ...AT, at: 5 }, 'javascript:x': { ...AT, at: 6 }, 'https://example.test/bad': { block: 'x' } } } });
  assert.deepEqual(await load(area, url), AT);
  await save(area, 'https://example.test/next', AT, 7);
  assert.deepEqual(Object.keys(/** @type {any} */ (area.items[STORAGE_KEY]).entries), [url, 'https://example.test/next']);
  // Storage that fails: load gives null, save gives false.
  const broken = {
    get: () => Promise.reject(new Error('gone')),
    set: () => Promise.reject(new Error('quota')),
  };
  assert.equal(await load(broken, url), null);
  assert.equal(await save(broken, url, AT), false);
  assert.equal(await load(null, url), null);
  assert.equal(await save(undefined, url, AT), false);
  // An invalid position is not saved.
  assert.equal(checkPosition({ block: 1, offset: 0.5 }), null);
  assert.deepEqual(checkPosition({ block: 1, offset: -0.2, fraction: 0.5 }), { block: 1, offset: -0.2, fraction: 0.5 }, 'in the margin above a block');
  const fresh = fakeArea();
  assert.equal(await save(fresh, url, /** @type {any} */ ({ block: 'x', offset: 0, fraction: 0 })), false);
  assert.equal(fresh.writes(), 0);
});

// @ts-check
/**
 * @file Where the reader left off in each article, so that reopening the
 * same address returns there.
 *
 * Kept in `chrome.storage.local` (never synced: it is reading history) under
 * the key {@link STORAGE_KEY}: `{v: 1, entries: {[url]: Position & {at}}}`,
 * keyed by the page's address without its fragment, bounded to the
 * {@link MAX_ENTRIES} most recently saved articles (the oldest go first).
 * A position at the very top is not kept (there is nothing to return to).
 *
 * Everything read back is checked: a stored value that is not this shape
 * (corrupt, written by another version, or tampered with) is dropped entry by
 * entry, never trusted, and never breaks the reader: loading resolves to a
 * position or null and never rejects; saving resolves to false on failure.
 * Two tabs saving at the same moment may lose one of the two writes (the
 * last one wins); a lost position is only a convenience lost.
 *
 * Loaded as a classic content script (before content/content.js) and by
 * node unit tests (tests/js/resume.test.mjs); publishes
 * `globalThis.quireResume`.
 */

/**
 * A place in the article: the top-level block of the content at the top of
 * the reader, how far into that block (a fraction of its height, −1–1:
 * negative when the top of the reader is in the margin above it), and the
 * scrolled fraction of the whole (0–1, used when the block is not there any
 * more).
 * @typedef {object} Position
 * @property {number} block
 * @property {number} offset
 * @property {number} fraction
 */

/**
 * @typedef {Position & {at: number}} Entry A position and when it was saved (ms since the epoch).
 */

/**
 * What this file publishes as `globalThis.quireResume`.
 * @typedef {object} QuireResume
 * @property {string} STORAGE_KEY
 * @property {number} MAX_ENTRIES
 * @property {number} MAX_URL_LENGTH
 * @property {(url: string) => string | null} keyFor The storage key of an
 *   address (its fragment stripped), or null for one not kept.
 * @property {(raw: unknown) => Position | null} checkPosition
 * @property {(raw: unknown) => Map<string, Entry>} readEntries The valid
 *   entries of a stored value, newest last, at most MAX_ENTRIES.
 * @property {(area: StorageLike | null | undefined, url: string) => Promise<Position | null>} load
 * @property {(area: StorageLike | null | undefined, url: string, position: Position, now?: number) => Promise<boolean>} save
 */

(function (/** @type {any} */ root) {
  if (root.quireResume) return;

  const STORAGE_KEY = 'quire.positions';
  const VERSION = 1;
  /** The most articles remembered. */
  const MAX_ENTRIES = 200;
  /** Longer addresses are not remembered (they would only bloat storage). */
  const MAX_URL_LENGTH = 2048;
  /** The most top-level blocks an article is taken to have. */
  const MAX_BLOCK = 1_000_000;

  /**
   * @param {unknown} value
   * @returns {value is Record<string, unknown>}
   */
  function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /** @param {unknown} value */
  function isUnit(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
  }

  /** @param {string} url */
  function keyFor(url) {
    if (typeof url !== 'string') return null;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (!/^(https?|file):$/.test(parsed.protocol)) return null;
    parsed.hash = '';
    const key = parsed.href;
    return key.length <= MAX_URL_LENGTH ? key : null;
  }

  /**
   * A valid position from `raw`, or null.
   * @param {unknown} raw
   * @returns {Position | null}
   */
  function checkPosition(raw) {
    if (!isRecord(raw)) return null;
    const { block, offset, fraction } = raw;
    if (typeof block !== 'number' || !Number.isInteger(block) || block < 0 || block > MAX_BLOCK) return null;
    if (typeof offset !== 'number' || !(offset >= -1 && offset <= 1) || !isUnit(fraction)) return null;
    return { block, offset: /** @type {number} */ (offset), fraction: /** @type {number} */ (fraction) };
  }

  /**
   * @param {unknown} raw
   * @returns {Map<string, Entry>}
   */
  function readEntries(raw) {
    /** @type {[string, Entry][]} */
    const valid = [];
    if (isRecord(raw) && raw.v === VERSION && isRecord(raw.entries)) {
      for (const [url, value] of Object.entries(raw.entries)) {
        const position = checkPosition(value);
        const at = isRecord(value) ? value.at : undefined;
        if (!position || typeof at !== 'number' || !Number.isFinite(at) || keyFor(url) !== url) continue;
        valid.push([url, { ...position, at }]);
      }
    }
    valid.sort((a, b) => a[1].at - b[1].at);
    return new Map(valid.slice(-MAX_ENTRIES));
  }

  /**
   * @param {StorageLike} area
   * @returns {Promise<Map<string, Entry>>}
   */
  async function readArea(area) {
    const items = await area.get(STORAGE_KEY);
    return readEntries(isRecord(items) ? items[STORAGE_KEY] : undefined);
  }

  /**
   * Where the reader left off at `url`, or null.
   * @param {StorageLike | null | undefined} area
   * @param {string} url
   * @returns {Promise<Position | null>}
   */
  async function load(area, url) {
    const key = keyFor(url);
    if (!area || !key) return null;
    try {
      const entry = (await readArea(area)).get(key);
      return entry ? checkPosition(entry) : null;
    } catch {
      return null;
    }
  }

  /**
   * Remembers `position` for `url` (forgets it when the position is the top),
   * evicting the oldest entries past {@link MAX_ENTRIES}.
   * @param {StorageLike | null | undefined} area
   * @param {string} url
   * @param {Position} position
   * @param {number} [now]
   * @returns {Promise<boolean>}
   */
  async function save(area, url, position, now = Date.now()) {
    const key = keyFor(url);
    const checked = checkPosition(position);
    if (!area || !key || !checked) return false;
    try {
      const entries = await readArea(area);
      entries.delete(key);
      const atTop = checked.block === 0 && checked.offset === 0;
      if (!atTop) entries.set(key, { ...checked, at: now });
      while (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      await area.set({ [STORAGE_KEY]: { v: VERSION, entries: Object.fromEntries(entries) } });
      return true;
    } catch {
      return false;
    }
  }

  /** @type {QuireResume} */
  const api = Object.freeze({ STORAGE_KEY, MAX_ENTRIES, MAX_URL_LENGTH, keyFor, checkPosition, readEntries, load, save });
  root.quireResume = api;
})(globalThis);

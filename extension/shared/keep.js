// @ts-check
/**
 * @file The clutter kinds a reader keeps per site ("Keep this kind of block
 * on this site"), in `chrome.storage.sync`: one item per origin, under
 * `quire.keep:` + the origin, holding `{kinds: string[], at: number}`.
 * Bounded: at most {@link MAX_ORIGINS} origins (the least recently changed
 * goes first) and {@link KINDS}' names only, so an item stays far below
 * the sync area's 8 KB per item. Whatever is read back is validated: an
 * item that is not of this shape, or names no known kind, counts as none.
 *
 * Loaded like shared/messages.js: imported by the service worker (which
 * passes the kinds to the core as `keepKinds`) and injected as a classic
 * content script (the reader adds a kind). Publishes `globalThis.quireKeep`.
 */

/**
 * The part of `chrome.storage.StorageArea` this file uses.
 * @typedef {object} KeepStorage
 * @property {(keys: string | string[] | null) => Promise<Record<string, unknown>>} get
 * @property {(items: Record<string, unknown>) => Promise<void>} set
 * @property {(keys: string | string[]) => Promise<void>} remove
 */

/**
 * What this file publishes as `globalThis.quireKeep`.
 * @typedef {object} QuireKeep
 * @property {readonly string[]} KINDS The core's clutter kind names.
 * @property {number} MAX_ORIGINS
 * @property {string} PREFIX
 * @property {(url: string) => string | null} originOf The http(s) origin of a URL, else null.
 * @property {(raw: unknown) => string[]} validKinds The known kind names in `raw` (an array), once each.
 * @property {(area: KeepStorage | null | undefined, origin: string) => Promise<string[]>} load
 *   The kinds kept on `origin`; none when there is no storage or it fails. Never rejects.
 * @property {(area: KeepStorage | null | undefined, origin: string, kind: string) => Promise<boolean>} add
 *   Keeps `kind` on `origin` from now on; false when it could not be saved. Never rejects.
 */

(function (/** @type {any} */ root) {
  if (root.quireKeep) return;

  /** The kebab-case names of the core's `ClutterKind`s (src/patterns/clutter_kind.rs). */
  const KINDS = Object.freeze([
    'donation', 'membership-cta', 'subscription-cta', 'newsletter-form', 'paywall', 'cookie',
    'related', 'read-more-links', 'recommended', 'most-read', 'sidebar', 'comments', 'share',
    'ads', 'bio', 'author-contact', 'nav', 'breadcrumbs', 'footer', 'app-banner', 'sticky-footer',
    'popup', 'admin', 'meta', 'audio-player', 'gallery-controls', 'tags', 'toc', 'feedback',
    'affiliate-disclosure', 'live-controls', 'republish',
  ]);
  const PREFIX = 'quire.keep:';
  /** Most origins remembered; adding one more forgets the least recently changed. */
  const MAX_ORIGINS = 100;
  /** Longest origin stored (a longer one is not remembered). */
  const MAX_ORIGIN_CHARS = 255;

  /** @param {string} url */
  function originOf(url) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      return u.origin.length <= MAX_ORIGIN_CHARS ? u.origin : null;
    } catch {
      return null;
    }
  }

  /** @param {unknown} raw */
  function validKinds(raw) {
    if (!Array.isArray(raw)) return [];
    /** @type {string[]} */
    const out = [];
    for (const k of raw.slice(0, KINDS.length * 2)) {
      if (typeof k === 'string' && KINDS.includes(k) && !out.includes(k)) out.push(k);
    }
    return out;
  }

  /** @param {unknown} item */
  function validItem(item) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
    const record = /** @type {Record<string, unknown>} */ (item);
    const kinds = validKinds(record.kinds);
    const at = typeof record.at === 'number' && Number.isFinite(record.at) ? record.at : 0;
    return kinds.length > 0 ? { kinds, at } : null;
  }

  /**
   * @param {KeepStorage | null | undefined} area
   * @param {string} origin
   */
  async function load(area, origin) {
    if (!area || originOf(origin) !== origin) return [];
    try {
      const key = PREFIX + origin;
      const items = await area.get(key);
      return validItem(items?.[key])?.kinds ?? [];
    } catch {
      return [];
    }
  }

  /**
   * @param {KeepStorage | null | undefined} area
   * @param {string} origin
   * @param {string} kind
   */
  async function add(area, origin, kind) {
    if (!area || originOf(origin) !== origin || !KINDS.includes(kind)) return false;
    try {
      const all = await area.get(null);
      const key = PREFIX + origin;
      const kinds = validKinds([...(validItem(all?.[key])?.kinds ?? []), kind]);
      // Forget the least recently changed origins beyond the bound.
      const others = Object.keys(all ?? {})
        .filter((k) => k.startsWith(PREFIX) && k !== key)
        .map((k) => ({ k, at: validItem(all[k])?.at ?? 0 }))
        .sort((a, b) => a.at - b.at);
      const excess = others.length + 1 - MAX_ORIGINS;
      if (excess > 0) await area.remove(others.slice(0, excess).map((o) => o.k));
      await area.set({ [key]: { kinds, at: Date.now() } });
      return true;
    } catch {
      return false;
    }
  }

  /** @type {QuireKeep} */
  const api = Object.freeze({ KINDS, MAX_ORIGINS, PREFIX, originOf, validKinds, load, add });
  root.quireKeep = api;
})(globalThis);

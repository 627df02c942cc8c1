// @ts-check
/**
 * @file The reader's settings: their schema, validation, migration, and
 * loading from / saving to a `chrome.storage`-like area.
 *
 * Loaded three ways, so (like shared/messages.js) it has no import or
 * export and publishes one frozen object, `globalThis.quireSettings`:
 * - injected as a classic content script before ui/overlay.js (it lives in
 *   ui/ because `make dist-www` copies ui/*.js to the playground);
 * - by the playground's reader frame (www/reader.html), where there is no
 *   `chrome.storage` and settings live only as long as the page;
 * - by node unit tests (tests/js/settings.test.mjs), with a fake storage.
 *
 * Stored shape, under the key {@link STORAGE_KEY} of `chrome.storage.sync`:
 * `{schema: 2, theme, font, fontSize, width, lineHeight, letterSpacing,
 * wordSpacing, align, images, showRemoved}`. Schema 1 (before the last four fields and
 * the `legible` font) is read as below: its fields are kept and the new ones
 * take their defaults (`showRemoved` may be absent: its default, no repair). Anything else
 * found there (another schema version, a missing or wrong field, not an
 * object at all) is read field by field: each field that is valid in the
 * current schema is kept, the others fall back to their defaults, and the
 * repaired object is written back; except settings of a newer schema (a
 * newer build, synced from another browser): this build reads what it can
 * of them and never writes over them. Loading never throws.
 */

/**
 * @typedef {'auto' | 'light' | 'sepia' | 'dark'} Theme
 * @typedef {'serif' | 'sans' | 'legible'} FontFamily `legible` is the
 *   bundled Atkinson Hyperlegible (extension/fonts/).
 * @typedef {'narrow' | 'medium' | 'wide'} Width
 * @typedef {'tight' | 'normal' | 'loose'} LineHeight
 * @typedef {'normal' | 'wide' | 'wider'} Spacing Letter or word spacing.
 * @typedef {'start' | 'justify'} Align `justify` also hyphenates (in the article's language).
 */

/**
 * @typedef {object} Settings
 * @property {number} schema Always {@link SCHEMA} once normalised.
 * @property {Theme} theme `auto` follows `prefers-color-scheme`.
 * @property {FontFamily} font
 * @property {number} fontSize Body text size in CSS pixels, an integer.
 * @property {Width} width The measure (line length).
 * @property {LineHeight} lineHeight
 * @property {Spacing} letterSpacing
 * @property {Spacing} wordSpacing
 * @property {Align} align
 * @property {boolean} images Whether the article's images (and the lead image) show.
 * @property {boolean} showRemoved Show each block the core removed from the article as a collapsed
 *   line where it was (ui/removed.js).
 */

/**
 * The part of `chrome.storage.StorageArea` this module uses.
 * @typedef {object} StorageLike
 * @property {(key: string) => Promise<Record<string, unknown>>} get
 * @property {(items: Record<string, unknown>) => Promise<void>} set
 */

/**
 * @typedef {object} Normalised
 * @property {Settings} settings Valid settings.
 * @property {boolean} repaired True when the input was not already valid
 *   current-schema settings (so it should be written back).
 */

/**
 * What this file publishes as `globalThis.quireSettings`.
 * @typedef {object} QuireSettings
 * @property {number} SCHEMA
 * @property {string} STORAGE_KEY
 * @property {Readonly<Settings>} DEFAULTS
 * @property {Readonly<{theme: readonly Theme[], font: readonly FontFamily[], width: readonly Width[], lineHeight: readonly LineHeight[], letterSpacing: readonly Spacing[], wordSpacing: readonly Spacing[], align: readonly Align[]}>} CHOICES
 * @property {Readonly<{min: number, max: number, step: number}>} FONT_SIZE
 * @property {(raw: unknown) => Normalised} normalise
 * @property {(settings: Settings, change: Partial<Settings>) => Settings} apply
 * @property {(area: StorageLike | null | undefined) => Promise<Settings>} load
 * @property {(area: StorageLike | null | undefined, settings: Settings) => Promise<boolean>} save
 */

(function (/** @type {any} */ root) {
  if (root.quireSettings) return;

  /**
   * The current schema version. Bump it when a field changes meaning or is
   * added. 2 added letterSpacing, wordSpacing, align, images and the
   * `legible` font.
   */
  const SCHEMA = 2;
  const STORAGE_KEY = 'quire.settings';

  const CHOICES = Object.freeze({
    theme: /** @type {readonly Theme[]} */ (Object.freeze(['auto', 'light', 'sepia', 'dark'])),
    font: /** @type {readonly FontFamily[]} */ (Object.freeze(['serif', 'sans', 'legible'])),
    width: /** @type {readonly Width[]} */ (Object.freeze(['narrow', 'medium', 'wide'])),
    lineHeight: /** @type {readonly LineHeight[]} */ (Object.freeze(['tight', 'normal', 'loose'])),
    letterSpacing: /** @type {readonly Spacing[]} */ (Object.freeze(['normal', 'wide', 'wider'])),
    wordSpacing: /** @type {readonly Spacing[]} */ (Object.freeze(['normal', 'wide', 'wider'])),
    align: /** @type {readonly Align[]} */ (Object.freeze(['start', 'justify'])),
  });

  /** Body text size in CSS pixels: the range and the toolbar's step. */
  const FONT_SIZE = Object.freeze({ min: 14, max: 30, step: 1 });

  /** @type {Readonly<Settings>} */
  const DEFAULTS = Object.freeze({
    schema: SCHEMA,
    theme: /** @type {Theme} */ ('auto'),
    font: /** @type {FontFamily} */ ('serif'),
    fontSize: 19,
    width: /** @type {Width} */ ('medium'),
    lineHeight: /** @type {LineHeight} */ ('normal'),
    letterSpacing: /** @type {Spacing} */ ('normal'),
    wordSpacing: /** @type {Spacing} */ ('normal'),
    align: /** @type {Align} */ ('start'),
    images: true,
    showRemoved: false,
  });

  const ENUM_FIELDS = /** @type {const} */ (['theme', 'font', 'width', 'lineHeight', 'letterSpacing', 'wordSpacing', 'align']);
  const BOOLEAN_FIELDS = /** @type {const} */ (['images']);

  /**
   * @param {unknown} value
   * @returns {value is Record<string, unknown>}
   */
  function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /** @param {unknown} value */
  function isFontSize(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= FONT_SIZE.min && value <= FONT_SIZE.max;
  }

  /**
   * Valid settings from whatever was stored, keeping every field that is
   * valid in the current schema and defaulting the rest. Never throws.
   * @param {unknown} raw
   * @returns {Normalised}
   */
  function normalise(raw) {
    const source = isRecord(raw) ? raw : {};
    /** @type {Settings} */
    const settings = { ...DEFAULTS };
    let repaired = !isRecord(raw) || source.schema !== SCHEMA;
    for (const field of ENUM_FIELDS) {
      const value = source[field];
      if (/** @type {readonly unknown[]} */ (CHOICES[field]).includes(value)) {
        /** @type {any} */ (settings)[field] = value;
      } else {
        repaired = true;
      }
    }
    for (const field of BOOLEAN_FIELDS) {
      const value = source[field];
      if (typeof value === 'boolean') settings[field] = value;
      else repaired = true;
    }
    if (isFontSize(source.fontSize)) settings.fontSize = /** @type {number} */ (source.fontSize);
    else repaired = true;
    // Absent from settings saved before it existed: the default, no repair.
    if (typeof source.showRemoved === 'boolean') settings.showRemoved = source.showRemoved;
    else if (source.showRemoved !== undefined) repaired = true;
    if (Object.keys(source).some((key) => !(key in DEFAULTS))) repaired = true;
    return { settings, repaired };
  }

  /**
   * Whether stored settings come from a newer build (a higher schema).
   * @param {unknown} raw
   */
  function isNewer(raw) {
    return isRecord(raw) && typeof raw.schema === 'number' && raw.schema > SCHEMA;
  }

  /**
   * `settings` with `change` applied; an invalid change leaves its field as it was.
   * @param {Settings} settings
   * @param {Partial<Settings>} change
   * @returns {Settings}
   */
  function apply(settings, change) {
    const next = normalise({ ...settings, ...change, schema: SCHEMA });
    if (!next.repaired) return next.settings;
    return normalise(settings).settings;
  }

  /**
   * Reads the settings from `area` (e.g. `chrome.storage.sync`). Defaults
   * when there is no storage or it fails; repairs and rewrites anything
   * invalid or from another schema version.
   * @param {StorageLike | null | undefined} area
   * @returns {Promise<Settings>}
   */
  async function load(area) {
    if (!area) return { ...DEFAULTS };
    /** @type {unknown} */
    let raw;
    try {
      const items = await area.get(STORAGE_KEY);
      raw = isRecord(items) ? items[STORAGE_KEY] : undefined;
    } catch {
      return { ...DEFAULTS };
    }
    const { settings, repaired } = normalise(raw);
    if (repaired && raw !== undefined) await save(area, settings);
    return settings;
  }

  /**
   * Writes `settings` (normalised first) to `area`. Resolves to false when
   * there is no storage, when the stored settings are from a newer build
   * (kept for it), or the write fails (e.g. the sync quota); never rejects.
   * @param {StorageLike | null | undefined} area
   * @param {Settings} settings
   * @returns {Promise<boolean>}
   */
  async function save(area, settings) {
    if (!area) return false;
    try {
      const items = await area.get(STORAGE_KEY);
      if (isRecord(items) && isNewer(items[STORAGE_KEY])) return false;
      await area.set({ [STORAGE_KEY]: normalise(settings).settings });
      return true;
    } catch {
      return false;
    }
  }

  /** @type {QuireSettings} */
  const api = Object.freeze({ SCHEMA, STORAGE_KEY, DEFAULTS, CHOICES, FONT_SIZE, normalise, apply, load, save });
  root.quireSettings = api;
})(globalThis);

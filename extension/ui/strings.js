// @ts-check
/**
 * @file The UI strings: {@link t} looks a message up in
 * `_locales/*\/messages.json` through `chrome.i18n`; where that API is missing
 * (the playground) or gone (the extension was reloaded under an open reader)
 * it falls back to the English table that the build generates from
 * `_locales/en/messages.json` (scripts/strings-en.mjs writes ui/strings-en.js,
 * which publishes `globalThis.quireEnglish` and is loaded before this file).
 *
 * A classic script; publishes `globalThis.quireStrings`.
 */

/**
 * What this file publishes as `globalThis.quireStrings`.
 * @typedef {object} QuireStrings
 * @property {(key: string, ...substitutions: (string | number)[]) => string} t
 *   A UI string from chrome.i18n, else English (else the key itself).
 * @property {() => string} uiLang The UI language as a BCP 47 tag.
 * @property {() => 'ltr' | 'rtl'} uiDir The UI language's direction.
 * @property {Readonly<Record<string, string>>} EN The English strings
 *   (placeholders as `$1`, `$2`), empty if ui/strings-en.js was not loaded.
 */

(function (/** @type {any} */ root) {
  if (root.quireStrings) return;

  /** @type {Readonly<Record<string, string>>} */
  const EN = root.quireEnglish ?? Object.freeze({});

  /**
   * A UI string: `chrome.i18n.getMessage` where the extension runs, else
   * the English one.
   * @param {string} key
   * @param {...(string | number)} substitutions
   * @returns {string}
   */
  function t(key, ...substitutions) {
    const subs = substitutions.map(String);
    try {
      const message = root.chrome?.i18n?.getMessage?.(key, subs);
      if (typeof message === 'string' && message) return message;
    } catch {
      // Not an extension context, or the extension was reloaded under us.
    }
    const english = EN[key];
    if (english === undefined) return key;
    return english.replace(/\$([1-9])/g, (_, n) => subs[Number(n) - 1] ?? '');
  }

  /** The UI language as a BCP 47 tag, for the toolbar's `lang`. */
  function uiLang() {
    const locale = t('@@ui_locale');
    return locale === '@@ui_locale' ? 'en' : locale.replace(/_/g, '-');
  }

  /**
   * The UI language's direction, for the toolbar, panels and notices:
   * chrome.i18n's `@@bidi_dir`, else (no chrome.i18n) left to right.
   * @returns {'ltr' | 'rtl'}
   */
  function uiDir() {
    return t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  }

  /** @type {QuireStrings} */
  const api = Object.freeze({ t, uiLang, uiDir, EN });
  root.quireStrings = api;
})(globalThis);

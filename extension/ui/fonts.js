// @ts-check
/**
 * @file The bundled legible typeface, Atkinson Hyperlegible (SIL Open Font
 * License 1.1, extension/fonts/OFL.txt), for the `legible` font setting.
 *
 * Why not an `@font-face` rule in the overlay's stylesheet: Chromium ignores
 * `@font-face` inside a shadow root, and a rule in the page's document would
 * load the files under the page's CSP (`font-src`), which strict sites set to
 * `'none'`. So the content script asks the worker for the font files'
 * bytes (a `content→worker:font` message; a content script could fetch them
 * itself only if they were web-accessible, which would let every page probe
 * for the extension) and hands them to the FontFace API: a face made from
 * bytes loads nothing, so no page CSP applies. Faces are added to
 * `document.fonts` (fonts are per document; a shadow tree uses its
 * document's) only while the reader shows this font, and removed when it
 * closes.
 *
 * The family name has a random part, made once per page, so the page's own
 * `@font-face` rules cannot supply a face under the reader's family name.
 * Where the files cannot be read (the playground, which has no extension
 * URLs, or a failure), the reader falls back to the system sans-serif
 * (the stylesheet lists it after this family).
 *
 * A classic script (after shared/messages.js in the content script; the
 * worker imports it for {@link LEGIBLE_FACES}); publishes
 * `globalThis.quireFonts`.
 */

/**
 * One face: a file and its descriptors.
 * @typedef {object} FaceFile
 * @property {string} file Path under the extension's root.
 * @property {string} weight
 * @property {string} style
 * @property {string} unicodeRange
 */

/**
 * What this file publishes as `globalThis.quireFonts`.
 * @typedef {object} QuireFonts
 * @property {string} LEGIBLE_FAMILY The legible family's name on this page.
 * @property {readonly FaceFile[]} LEGIBLE_FACES
 * @property {(doc: Document) => Promise<boolean>} useLegible Adds the legible
 *   faces to `doc.fonts` (reading the files the first time); resolves to
 *   whether they are there, never rejects.
 * @property {(doc: Document) => void} releaseLegible Removes them from `doc.fonts`.
 */

(function (/** @type {any} */ root) {
  if (root.quireFonts) return;

  const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
  const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

  /** @type {readonly FaceFile[]} */
  const LEGIBLE_FACES = Object.freeze(
    ['400', '700'].flatMap((weight) =>
      ['normal', 'italic'].flatMap((style) =>
        [
          ['latin', LATIN],
          ['latin-ext', LATIN_EXT],
        ].map(([subset, unicodeRange]) =>
          Object.freeze({ file: `extension/fonts/atkinson-hyperlegible-${subset}-${weight}-${style}.woff2`, weight, style, unicodeRange }),
        ),
      ),
    ),
  );

  /** A name no page can guess, so no page can shadow it with its own face. */
  function randomSuffix() {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  const LEGIBLE_FAMILY = `Quire Legible ${randomSuffix()}`;

  /** @type {Promise<FontFace[]> | null} */
  let faces = null;

  /**
   * The font files' bytes by path, from the worker; an empty map outside the
   * extension (the playground) or when the worker cannot send them.
   * @returns {Promise<Map<string, ArrayBuffer>>}
   */
  async function askWorker() {
    /** @type {QuireMessages | undefined} */
    const messages = root.quireMessages;
    const runtime = /** @type {any} */ (globalThis).chrome?.runtime;
    if (!messages || typeof runtime?.sendMessage !== 'function') return new Map();
    /** @type {FontRequest} */
    const request = { type: messages.MSG.FONT };
    const checked = messages.checkFontResponse(await runtime.sendMessage(request));
    if (!checked.ok || !checked.value.ok) return new Map();
    return new Map(checked.value.files.map(({ file, data }) => [file, /** @type {ArrayBuffer} */ (Uint8Array.from(atob(data), (c) => c.charCodeAt(0)).buffer)]));
  }

  /** @returns {Promise<FontFace[]>} */
  async function readFaces() {
    if (typeof FontFace !== 'function') return [];
    const bytes = await askWorker();
    if (bytes.size === 0) return [];
    const made = await Promise.all(
      LEGIBLE_FACES.map(async (face) => {
        const data = bytes.get(face.file);
        if (!data) throw new Error(`${face.file} is missing`);
        const font = new FontFace(LEGIBLE_FAMILY, data, {
          weight: face.weight,
          style: face.style,
          unicodeRange: face.unicodeRange,
          display: 'swap',
        });
        return font.load();
      }),
    );
    return made;
  }

  /** @param {Document} doc */
  async function useLegible(doc) {
    if (!faces) {
      faces = readFaces().catch(() => {
        faces = null; // try again next time
        return [];
      });
    }
    const loaded = await faces;
    if (loaded.length === 0) {
      faces = null; // nothing came: ask again next time
      return false;
    }
    try {
      for (const face of loaded) doc.fonts.add(face);
      return true;
    } catch {
      return false;
    }
  }

  /** @param {Document} doc */
  function releaseLegible(doc) {
    if (!faces) return;
    void faces.then((loaded) => {
      for (const face of loaded) {
        try {
          doc.fonts.delete(face);
        } catch {
          // already gone
        }
      }
    });
  }

  /** @type {QuireFonts} */
  const api = Object.freeze({ LEGIBLE_FAMILY, LEGIBLE_FACES, useLegible, releaseLegible });
  root.quireFonts = api;
})(globalThis);

// @ts-check
/**
 * @file Messages between the parts of the extension, defined once.
 *
 * Each message type names its direction (`from→to:verb`). Both sides use the
 * validators below, so a malformed message is refused the same way wherever
 * it arrives.
 *
 * Messages are plain data (strings, numbers, booleans, null, arrays and plain
 * objects), so they cross the same way whatever the browser serialises them
 * with: the manifest's `"message_serialization": "structured_clone"` has
 * Chromium (148 and later) clone them as Firefox always has, not write them
 * out as JSON and parse them again: the tab's `sendMessage` of a click's
 * page no longer writes the whole HTML out as JSON (3.0 → 2.3 ms median in
 * each of three interleaved A/B pairs of bench/browser.mjs, 34 pages).
 *
 * This file is loaded two ways and is written to work as both:
 * - the service worker imports it as an ES module, for its side effect;
 * - `chrome.scripting.executeScript({files})` injects it as the first file of
 *   the content script, where files are *classic* scripts (no import/export),
 *   and it may be injected again on every toolbar click.
 * So it has no import or export, publishes one frozen object on `globalThis`,
 * and does nothing if that object already exists. In a content script,
 * `globalThis` is the extension's isolated world: the page cannot see it.
 */

/**
 * The reader's view of a page, as returned by the wasm core's `extract`.
 * The worker asks the core for no plain text or Markdown (the reader shows
 * `content`), so its answers carry neither field; the Markdown is asked for
 * separately ({@link MarkdownRequest}) when the reader copies it.
 * @typedef {object} Article
 * @property {string | null} title
 * @property {string | null} byline
 * @property {string | null} siteName
 * @property {string | null} publishedTime
 * @property {string | null} lang
 * @property {string | null} dir
 * @property {string | null} excerpt
 * @property {string | null} leadImage
 * @property {string} content Sanitised article HTML (allow-listed by the core).
 * @property {string} [text] Plain text, when it was asked for.
 * @property {string} [markdown] Markdown, when it was asked for.
 * @property {number} wordCount
 * @property {number} readingMinutes
 * @property {boolean} readerable
 * @property {RemovedBlock[]} [clutter] The clutter blocks removed from the article, when the reader
 *   asked to show them (ui/removed.js).
 */

/**
 * A block the core removed from the article, as the core gives it with `removedBlocks`.
 * @typedef {object} RemovedBlock
 * @property {string} kind The clutter kind's name (`newsletter-form`).
 * @property {string} [label] A short English label (`newsletter sign-up form`).
 * @property {number} [items] How many entries it held, for a list.
 * @property {string} [html] The block as sanitised HTML.
 * @property {number} [at] Its index in `clutter`, the number of its marker in `content`.
 */

/**
 * content → worker: please extract this page.
 * @typedef {object} ExtractRequest
 * @property {'content→worker:extract'} type
 * @property {string} html `document.documentElement.outerHTML` with script and style bodies
 *   cut short (content/page-html.js)
 * @property {string} url `location.href`
 * @property {string} token The random token the worker injected with the content script on the click
 *   this request answers (background/gate.js).
 */

/**
 * worker → content: the answer to an {@link ExtractRequest}.
 * @typedef {{ok: true, article: Article} | {ok: false, error: string}} ExtractResponse
 */

/**
 * content → worker: please turn this article's sanitised HTML (an
 * {@link Article}'s `content`) into Markdown (Copy as Markdown).
 * @typedef {object} MarkdownRequest
 * @property {'content→worker:markdown'} type
 * @property {string} html
 */

/**
 * worker → content: the answer to a {@link MarkdownRequest}.
 * @typedef {{ok: true, markdown: string} | {ok: false, error: string}} MarkdownResponse
 */

/**
 * content → worker: please send the bundled legible font's files (the
 * `legible` font setting; ui/fonts.js explains why the worker reads them).
 * @typedef {object} FontRequest
 * @property {'content→worker:font'} type
 */

/**
 * One font file, base64.
 * @typedef {object} FontFile
 * @property {string} file Its path under the extension's root.
 * @property {string} data Its bytes, base64.
 */

/**
 * worker → content: the answer to a {@link FontRequest}.
 * @typedef {{ok: true, files: FontFile[]} | {ok: false, error: string}} FontResponse
 */

/**
 * content → worker: please explain this page's extraction ("Report a problem").
 * @typedef {object} ExplainRequest
 * @property {'content→worker:explain'} type
 * @property {string} html
 * @property {string} url
 */

/**
 * worker → content: the answer to an {@link ExplainRequest}: the core's `explain()` output without its
 * copy of the article.
 * @typedef {{ok: true, explanation: Record<string, unknown>} | {ok: false, error: string}} ExplainResponse
 */

/**
 * @template T
 * @typedef {{ok: true, value: T} | {ok: false, error: string}} Checked
 */

/**
 * @typedef {object} QuireMessages
 * @property {Readonly<{EXTRACT: 'content→worker:extract', MARKDOWN: 'content→worker:markdown', TTS_VOICES: 'content→worker:tts-voices', TTS_SPEAK: 'content→worker:tts-speak', TTS_STOP: 'content→worker:tts-stop', TTS_EVENT: 'worker→content:tts-event',
 *   AUTO_OPEN: 'auto→worker:open', AUTO_STATE: 'content→worker:auto-state', AUTO_SET: 'content→worker:auto-set',
 *   FONT: 'content→worker:font', EXPLAIN: 'content→worker:explain'}>} MSG
 *   (the read-aloud messages are described and checked in background/tts.js)
 * @property {number} MAX_HTML_CHARS
 * @property {(message: unknown) => Checked<ExtractRequest>} checkExtractRequest
 * @property {(response: unknown) => Checked<ExtractResponse>} checkExtractResponse
 * @property {(message: unknown) => Checked<MarkdownRequest>} checkMarkdownRequest
 * @property {(response: unknown) => Checked<MarkdownResponse>} checkMarkdownResponse
 * @property {(message: unknown) => Checked<FontRequest>} checkFontRequest
 * @property {(response: unknown) => Checked<FontResponse>} checkFontResponse
 * @property {(message: unknown) => Checked<ExplainRequest>} checkExplainRequest
 * @property {(response: unknown) => Checked<ExplainResponse>} checkExplainResponse
 */

(function (/** @type {any} */ root) {
  if (root.quireMessages) return;

  const MSG = Object.freeze({
    /** content script → service worker: extract the page it sends. */
    EXTRACT: /** @type {const} */ ('content→worker:extract'),
    /** content script → service worker: the Markdown of the article HTML it sends. */
    MARKDOWN: /** @type {const} */ ('content→worker:markdown'),
    /** Read aloud (background/tts.js): the voices, speak, stop, and the worker's speech events. */
    TTS_VOICES: /** @type {const} */ ('content→worker:tts-voices'),
    TTS_SPEAK: /** @type {const} */ ('content→worker:tts-speak'),
    TTS_STOP: /** @type {const} */ ('content→worker:tts-stop'),
    TTS_EVENT: /** @type {const} */ ('worker→content:tts-event'),
    /** content/auto.js → service worker: open the reader by itself on this page (background/auto-open.js). */
    AUTO_OPEN: /** @type {const} */ ('auto→worker:open'),
    /** the reader → service worker: is this page's site one the reader opens by itself on? */
    AUTO_STATE: /** @type {const} */ ('content→worker:auto-state'),
    /** the reader → service worker: turn opening by itself on (asks first) or off for this page's site. */
    AUTO_SET: /** @type {const} */ ('content→worker:auto-set'),
    /** content script → service worker: the bundled legible font's files. */
    FONT: /** @type {const} */ ('content→worker:font'),
    /** content script → service worker: explain the extraction of the page it sends. */
    EXPLAIN: /** @type {const} */ ('content→worker:explain'),
  });

  /** The most font files and base64 characters a font answer may carry. */
  const MAX_FONT_FILES = 16;
  const MAX_FONT_CHARS = 1024 * 1024;

  /** Largest page the worker accepts, in UTF-16 code units (about 64 MB). */
  const MAX_HTML_CHARS = 32 * 1024 * 1024;

  const STRING_OR_NULL_FIELDS = /** @type {const} */ ([
    'title',
    'byline',
    'siteName',
    'publishedTime',
    'lang',
    'dir',
    'excerpt',
    'leadImage',
  ]);
  const STRING_FIELDS = /** @type {const} */ (['content']);
  /** Present only when the core was asked for them. */
  const OPTIONAL_STRING_FIELDS = /** @type {const} */ (['text', 'markdown']);
  const NUMBER_FIELDS = /** @type {const} */ (['wordCount', 'readingMinutes']);

  /**
   * @param {unknown} value
   * @returns {value is Record<string, unknown>}
   */
  function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /**
   * @template T
   * @param {T} value
   * @returns {Checked<T>}
   */
  function good(value) {
    return { ok: true, value };
  }

  /**
   * @param {string} error
   * @returns {{ok: false, error: string}}
   */
  function bad(error) {
    return { ok: false, error };
  }

  /**
   * Checks a message that claims to be an {@link ExtractRequest}.
   * @param {unknown} message
   * @returns {Checked<ExtractRequest>}
   */
  function checkExtractRequest(message) {
    if (!isRecord(message)) return bad('message is not an object');
    if (message.type !== MSG.EXTRACT) return bad(`unknown message type: ${String(message.type)}`);
    if (typeof message.html !== 'string') return bad('html must be a string');
    if (message.html.length > MAX_HTML_CHARS) return bad('page is too large to read');
    if (typeof message.url !== 'string') return bad('url must be a string');
    if (typeof message.token !== 'string') return bad('token must be a string');
    return good({ type: MSG.EXTRACT, html: message.html, url: message.url, token: message.token });
  }

  /**
   * Checks an article object field by field.
   * @param {unknown} article
   * @returns {Checked<Article>}
   */
  function checkArticle(article) {
    if (!isRecord(article)) return bad('article is not an object');
    for (const field of STRING_OR_NULL_FIELDS) {
      const v = article[field];
      if (v !== null && v !== undefined && typeof v !== 'string') {
        return bad(`article.${field} must be a string or null`);
      }
    }
    for (const field of STRING_FIELDS) {
      if (typeof article[field] !== 'string') return bad(`article.${field} must be a string`);
    }
    for (const field of OPTIONAL_STRING_FIELDS) {
      const v = article[field];
      if (v !== undefined && typeof v !== 'string') return bad(`article.${field} must be a string if present`);
    }
    for (const field of NUMBER_FIELDS) {
      const v = article[field];
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad(`article.${field} must be a number`);
    }
    if (typeof article.readerable !== 'boolean') return bad('article.readerable must be a boolean');
    return good(/** @type {Article} */ (/** @type {unknown} */ (article)));
  }

  /**
   * Checks an answer from the worker: an error answer, or an ok answer whose
   * payload `checkOk` checks.
   * @template T
   * @param {unknown} response
   * @param {(response: Record<string, unknown>) => Checked<T>} checkOk
   * @returns {Checked<T | {ok: false, error: string}>}
   */
  function checkAnswer(response, checkOk) {
    if (!isRecord(response)) return bad('no answer from the reader core');
    if (response.ok === false) {
      return typeof response.error === 'string'
        ? good({ ok: /** @type {const} */ (false), error: response.error })
        : bad('error answer without a message');
    }
    if (response.ok !== true) return bad('answer is neither ok nor an error');
    return checkOk(response);
  }

  /**
   * Checks the worker's answer to an extract request.
   * @param {unknown} response
   * @returns {Checked<ExtractResponse>}
   */
  function checkExtractResponse(response) {
    return checkAnswer(response, (answer) => {
      const article = checkArticle(answer.article);
      return article.ok ? good({ ok: /** @type {const} */ (true), article: article.value }) : article;
    });
  }

  /**
   * Checks a message that claims to be a {@link MarkdownRequest}.
   * @param {unknown} message
   * @returns {Checked<MarkdownRequest>}
   */
  function checkMarkdownRequest(message) {
    if (!isRecord(message)) return bad('message is not an object');
    if (message.type !== MSG.MARKDOWN) return bad(`unknown message type: ${String(message.type)}`);
    if (typeof message.html !== 'string') return bad('html must be a string');
    if (message.html.length > MAX_HTML_CHARS) return bad('article is too large to convert');
    return good({ type: MSG.MARKDOWN, html: message.html });
  }

  /**
   * Checks the worker's answer to a Markdown request.
   * @param {unknown} response
   * @returns {Checked<MarkdownResponse>}
   */
  function checkMarkdownResponse(response) {
    return checkAnswer(response, (answer) =>
      typeof answer.markdown === 'string'
        ? good({ ok: /** @type {const} */ (true), markdown: answer.markdown })
        : bad('markdown must be a string'),
    );
  }

  /**
   * Checks a message that claims to be a {@link FontRequest}.
   * @param {unknown} message
   * @returns {Checked<FontRequest>}
   */
  function checkFontRequest(message) {
    if (!isRecord(message)) return bad('message is not an object');
    if (message.type !== MSG.FONT) return bad(`unknown message type: ${String(message.type)}`);
    return good({ type: MSG.FONT });
  }

  /**
   * Checks the worker's answer to a font request.
   * @param {unknown} response
   * @returns {Checked<FontResponse>}
   */
  function checkFontResponse(response) {
    return checkAnswer(response, (answer) => {
      const files = answer.files;
      if (!Array.isArray(files) || files.length > MAX_FONT_FILES) return bad('files must be a short array');
      /** @type {FontFile[]} */
      const checked = [];
      for (const item of files) {
        if (!isRecord(item) || typeof item.file !== 'string' || typeof item.data !== 'string') return bad('a font file must have a file and data');
        if (item.data.length > MAX_FONT_CHARS || !/^[A-Za-z0-9+/]*={0,2}$/.test(item.data)) return bad('font data must be short base64');
        checked.push({ file: item.file, data: item.data });
      }
      return good({ ok: /** @type {const} */ (true), files: checked });
    });
  }

  /**
   * Checks a message that claims to be an {@link ExplainRequest}.
   * @param {unknown} message
   * @returns {Checked<ExplainRequest>}
   */
  function checkExplainRequest(message) {
    if (!isRecord(message)) return bad('message is not an object');
    if (message.type !== MSG.EXPLAIN) return bad(`unknown message type: ${String(message.type)}`);
    if (typeof message.html !== 'string') return bad('html must be a string');
    if (message.html.length > MAX_HTML_CHARS) return bad('page is too large to read');
    if (typeof message.url !== 'string') return bad('url must be a string');
    return good({ type: MSG.EXPLAIN, html: message.html, url: message.url });
  }

  /**
   * Checks the worker's answer to an explain request.
   * @param {unknown} response
   * @returns {Checked<ExplainResponse>}
   */
  function checkExplainResponse(response) {
    return checkAnswer(response, (answer) =>
      isRecord(answer.explanation)
        ? good({ ok: /** @type {const} */ (true), explanation: answer.explanation })
        : bad('explanation must be an object'),
    );
  }

  /** @type {QuireMessages} */
  const api = Object.freeze({
    MSG,
    MAX_HTML_CHARS,
    checkExtractRequest,
    checkExtractResponse,
    checkMarkdownRequest,
    checkMarkdownResponse,
    checkFontRequest,
    checkFontResponse,
    checkExplainRequest,
    checkExplainResponse,
  });
  root.quireMessages = api;
})(globalThis);

// @ts-check
/**
 * @file Messages between the parts of the extension, defined once.
 *
 * Each message type names its direction (`from→to:verb`). Both sides use the
 * validators below, so a malformed message is refused the same way wherever
 * it arrives.
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
 * @property {string} text
 * @property {string} markdown
 * @property {number} wordCount
 * @property {number} readingMinutes
 * @property {boolean} readerable
 */

/**
 * content → worker: please extract this page.
 * @typedef {object} ExtractRequest
 * @property {'content→worker:extract'} type
 * @property {string} html `document.documentElement.outerHTML`
 * @property {string} url `location.href`
 */

/**
 * worker → content: the answer to an {@link ExtractRequest}.
 * @typedef {{ok: true, article: Article} | {ok: false, error: string}} ExtractResponse
 */

/**
 * @template T
 * @typedef {{ok: true, value: T} | {ok: false, error: string}} Checked
 */

/**
 * @typedef {object} QuireMessages
 * @property {Readonly<{EXTRACT: 'content→worker:extract'}>} MSG
 * @property {number} MAX_HTML_CHARS
 * @property {(message: unknown) => Checked<ExtractRequest>} checkExtractRequest
 * @property {(response: unknown) => Checked<ExtractResponse>} checkExtractResponse
 */

(function (/** @type {any} */ root) {
  if (root.quireMessages) return;

  const MSG = Object.freeze({
    /** content script → service worker: extract the page it sends. */
    EXTRACT: /** @type {const} */ ('content→worker:extract'),
  });

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
  const STRING_FIELDS = /** @type {const} */ (['content', 'text', 'markdown']);
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
    return good({ type: MSG.EXTRACT, html: message.html, url: message.url });
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
    for (const field of NUMBER_FIELDS) {
      const v = article[field];
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad(`article.${field} must be a number`);
    }
    if (typeof article.readerable !== 'boolean') return bad('article.readerable must be a boolean');
    return good(/** @type {Article} */ (/** @type {unknown} */ (article)));
  }

  /**
   * Checks the worker's answer to an extract request.
   * @param {unknown} response
   * @returns {Checked<ExtractResponse>}
   */
  function checkExtractResponse(response) {
    if (!isRecord(response)) return bad('no answer from the reader core');
    if (response.ok === false) {
      return typeof response.error === 'string'
        ? good({ ok: false, error: response.error })
        : bad('error answer without a message');
    }
    if (response.ok !== true) return bad('answer is neither ok nor an error');
    const article = checkArticle(response.article);
    if (!article.ok) return article;
    return good({ ok: true, article: article.value });
  }

  /** @type {QuireMessages} */
  const api = Object.freeze({ MSG, MAX_HTML_CHARS, checkExtractRequest, checkExtractResponse });
  root.quireMessages = api;
})(globalThis);

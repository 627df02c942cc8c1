// @ts-check
/**
 * @file What the content script sends of the page: its serialised HTML with
 * the bodies of `<script>` and `<style>` elements cut short. The core skips
 * those bodies (it reads only JSON-LD scripts, which are kept whole), and on
 * big news pages they are 70–80 % of the HTML (yahoo-2: 1,096 of 1,592 KiB),
 * while every byte sent costs time in `chrome.runtime.sendMessage`.
 *
 * Cut short, not dropped: the "is this an article?" test (Readability's
 * `isProbablyReaderable`, src/score.rs) counts the text of a paragraph with
 * the scripts inside it, as the DOM's `textContent` does, and one element
 * with 540 or more characters settles it. So a body keeps its first
 * {@link KEEP} characters (at least {@link KEEP_TRIMMED} once trimmed),
 * which settles it exactly as the whole body did: the verdict, like the rest
 * of the article, is the same (checked on every corpus page).
 *
 * A classic script, so it publishes `globalThis.quirePageHtml` and does
 * nothing when injected again; node tests import it. It also holds the
 * first thing a click runs in the tab, `quirePageStart` (published as
 * `globalThis.quirePageStart` where the file runs: the worker imports the
 * file and injects that function; see below), which sends the page.
 *
 * The input is Chromium's or Firefox's serialisation of a live document
 * (`documentElement.outerHTML`), which escapes `<` and `>` in attribute
 * values and `<` in text. So outside comments and raw-text elements a `<`
 * always starts a tag, and a start tag ends at its first `>`. Bodies are
 * found as the core's HTML tokenizer (html5ever, scripting disabled, so
 * `<noscript>` holds markup) finds them: script data with its escaped and
 * double-escaped states, comments as the specification ends them, and the
 * raw text of `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>` and
 * `<plaintext>` left as it is. Anything unexpected (an element without its
 * end tag) keeps the rest of the page as it was: this only ever drops bytes
 * the core would have skipped.
 */

/**
 * What this file publishes as `globalThis.quirePageHtml`.
 * @typedef {object} QuirePageHtml
 * @property {(html: string) => string} withoutScriptBodies
 */

/**
 * A click's start, as the worker passes it to {@link QuirePageStart}.
 * @typedef {object} ClickStart
 * @property {string} token The click's random token (background/gate.js), echoed in the request.
 * @property {boolean} auto An automatic opening (background/auto-open.js), not a click.
 * @property {string} type The extract request's message type (shared/messages.js `MSG.EXTRACT`).
 */

/**
 * What the content script's world holds between a click's start and the
 * reader's scripts (`globalThis.quireClick`): whether it opens quietly, and
 * the worker's answer to the page it sent (null when the reader is open and
 * this click closes it, so nothing was sent).
 * `steps`: when it started (`open`), had the page serialised and sent it
 * (`performance.now()`), for the test build's timing marks (content/hooks.js).
 * @typedef {{auto: boolean, pending: PendingAnswer | null, steps: Record<string, number>}} QuireClick
 */

/**
 * The worker's answer to the request a click sent: its response and when
 * it came (`performance.now()`), or why there is none.
 * @typedef {Promise<{response: unknown, at: number} | {error: string}>} PendingAnswer
 */

/**
 * @callback QuirePageStart
 * @param {ClickStart | null} click
 * @returns {void}
 */

(function (/** @type {any} */ outer) {
  /**
   * Publishes `quirePageHtml` in the world it runs in (once), and, given a
   * click, starts it: the first thing a click runs in the tab. The worker
   * injects this very function (`executeScript` with `func` and `args`, the
   * only way to hand the click's token to the isolated world: the page
   * cannot see it there), alongside the reader's scripts in one file
   * (background/worker.js), and the two may run in either order. So it must
   * be self-contained: `executeScript` passes it by its source, without the
   * scope around it.
   *
   * When the reader is not open, it serialises the page and sends it to the
   * worker with the click's token at once, so the worker extracts while the
   * browser loads and evaluates the reader's scripts. Either way it leaves
   * the click (`globalThis.quireClick`, {@link QuireClick}) for
   * content/content.js, and runs it when content.js is already there
   * (`globalThis.quireRun`); otherwise content.js runs it when it arrives.
   * @type {QuirePageStart}
   */
  function quirePageStart(click) {
    const root = /** @type {any} */ (globalThis);
    if (!root.quirePageHtml) {

    /** The next comment, or start tag whose content is raw text, in markup. */
    const SPECIAL = /<(?:!--|(script|style|xmp|iframe|noembed|noframes|plaintext)(?=[\t\n\f\r />]))/gi;
    /** In script data: what leaves it (an end tag) or escapes it (`<!--`). */
    const SCRIPT_DATA = /<\/script(?=[\t\n\f\r />])|<!--/gi;
    /** In escaped script data: `-->`, an end tag, or a nested start tag (double escape). */
    const SCRIPT_ESCAPED = /-->|<(\/?)script(?=[\t\n\f\r />])/gi;
    /** UTF-16 code units of a body that are kept. */
    const KEEP = 640;
    /**
     * Characters the kept part must have once trimmed (else the body stays
     * whole): over the 540 that settle the test, with room for the few
     * characters JavaScript's and Rust's `trim` disagree on.
     */
    const KEEP_TRIMMED = 600;
    /** What makes a kept part unsafe: `<!--` changes how script data ends; a surrogate may be cut in two. */
    const UNSAFE_CUT = /<!--|[\uD800-\uDFFF]/;

    /** The end of a comment. */
    const COMMENT_END = /--!?>/g;
    /** A JSON-LD script's start tag: the core reads its body. */
    const JSON_LD = /\stype\s*=\s*"\s*application\/ld\+json\s*"/i;
    /** End tags of the raw-text elements, by name. */
    const END = new Map(
      ['style', 'xmp', 'iframe', 'noembed', 'noframes'].map((name) => [name, new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi')]),
    );

    /**
     * Where the comment that opens at `at` (`<!--`) ends, as the tokenizer
     * ends it: `<!-->` and `<!--->` at once, else after `-->` or `--!>`.
     * @param {string} html
     * @param {number} at
     * @returns {number} the index after it, or -1 when it runs to the end
     */
    function commentEnd(html, at) {
      const from = at + 4;
      if (html.startsWith('>', from)) return from + 1;
      if (html.startsWith('->', from)) return from + 2;
      COMMENT_END.lastIndex = from;
      const m = COMMENT_END.exec(html);
      return m ? m.index + m[0].length : -1;
    }

    /**
     * The `<` of the end tag of the script whose body starts at `from`,
     * following the tokenizer's script-data states (as src/limit.rs does).
     * @param {string} html
     * @param {number} from
     * @returns {number} -1 when there is none
     */
    function scriptEnd(html, from) {
      let escaped = false;
      let double = false;
      let at = from;
      for (;;) {
        const rx = escaped ? SCRIPT_ESCAPED : SCRIPT_DATA;
        rx.lastIndex = at;
        const m = rx.exec(html);
        if (!m) return -1;
        if (!escaped) {
          if (m[0] !== '<!--') return m.index;
          escaped = true;
          at = m.index + 2; // the dashes count again: `<!-->` closes at once
        } else if (m[0] === '-->') {
          escaped = double = false;
          at = m.index + 3;
        } else if (m[1] === '/') {
          if (!double) return m.index;
          double = false;
          at = m.index + 2;
        } else {
          double = true;
          at = m.index + 1;
        }
      }
    }

    /**
     * `html` with the bodies of its script (other than JSON-LD) and style
     * elements cut to their first {@link KEEP} characters. Tags, comments and
     * everything else stay as they were.
     * @param {string} html
     * @returns {string}
     */
    function withoutScriptBodies(html) {
      /** @type {string[]} */
      const parts = [];
      let kept = 0; // html[kept..] is still to copy
      let at = 0;
      for (;;) {
        SPECIAL.lastIndex = at;
        const m = SPECIAL.exec(html);
        if (!m) break;
        const name = m[1]?.toLowerCase();
        if (name === undefined) {
          at = commentEnd(html, m.index);
          if (at < 0) break;
          continue;
        }
        if (name === 'plaintext') break;
        const bodyStart = html.indexOf('>', m.index) + 1;
        if (bodyStart === 0) break;
        let end;
        if (name === 'script') {
          end = scriptEnd(html, bodyStart);
        } else {
          const rx = /** @type {RegExp} */ (END.get(name));
          rx.lastIndex = bodyStart;
          end = rx.exec(html)?.index ?? -1;
        }
        if (end < 0) break;
        const cut = bodyStart + KEEP;
        if (cut < end && (name === 'style' || (name === 'script' && !JSON_LD.test(html.slice(m.index, bodyStart))))) {
          const part = html.slice(bodyStart, cut);
          if (!UNSAFE_CUT.test(part) && part.trim().length >= KEEP_TRIMMED) {
            parts.push(html.slice(kept, cut));
            kept = end;
          }
        }
        at = end + 2;
      }
      if (kept === 0) return html;
      parts.push(html.slice(kept));
      return parts.join('');
    }

      /** @type {QuirePageHtml} */
      const api = Object.freeze({ withoutScriptBodies });
      root.quirePageHtml = api;
    }
    if (!click) return;
    /** @type {Record<string, number>} */
    const steps = {};
    /** @type {PendingAnswer | null} */
    let pending = null;
    // When the reader is open (or opening), this click closes it (content.js): nothing to send.
    if (!root.quireContent?.isOpen()) {
      steps.open = performance.now();
      // Serialised before the overlay exists, so it is not part of the page sent.
      const html = root.quirePageHtml.withoutScriptBodies(document.documentElement.outerHTML);
      const request = { type: click.type, html, url: location.href, token: click.token };
      steps.serialised = performance.now();
      try {
        pending = chrome.runtime.sendMessage(request).then(
          (/** @type {unknown} */ response) => ({ response, at: performance.now() }),
          (/** @type {unknown} */ error) => ({ error: error instanceof Error ? error.message : String(error) }),
        );
      } catch (error) {
        // e.g. the extension was reloaded under this page
        pending = Promise.resolve({ error: error instanceof Error ? error.message : String(error) });
      }
      steps.sent = performance.now();
    }
    /** @type {QuireClick} */
    const started = { auto: click.auto, pending, steps };
    root.quireClick = started;
    if (typeof root.quireRun === 'function') root.quireRun();
  }

  quirePageStart(null);
  outer.quirePageStart = quirePageStart;
})(globalThis);

// @ts-check
/**
 * @file Browser quirks: every workaround for a browser's bug or odd
 * behaviour, in one place, each with what it works around. Code elsewhere
 * calls these instead of carrying its own workaround.
 *
 * A classic script (like shared/messages.js): the service worker imports it
 * for its side effect, the content script and the playground's reader frame
 * load it before the UI; it publishes `globalThis.quireQuirks`.
 *
 * Quirks that live outside JavaScript, and so cannot be here:
 * - manifest.json declares both `background.service_worker` (Chromium: a
 *   module service worker) and `background.scripts` (Firefox, which runs no
 *   extension service workers and ignores that key, with a warning); Chromium
 *   ignores `scripts`. scripts/lint-firefox.mjs lets exactly that warning
 *   through.
 * - Firefox leaves `documentId` out of a message's sender and of
 *   executeScript's results; background/gate.js checks it only when both
 *   sides have it.
 * - Chromium stops an idle extension service worker after 30 s; the worker
 *   wakes on tab loads and switches (background/worker.js `wake`) so the
 *   wasm core is compiled before the click.
 */

/**
 * What this file publishes as `globalThis.quireQuirks`.
 * @typedef {object} QuireQuirks
 * @property {(error: unknown) => boolean} isLoadRace
 * @property {number} LOAD_RACE_RETRY_MS
 * @property {number} LOAD_RACE_RETRIES
 * @property {(url: URL) => Promise<WebAssembly.Module>} compileWasm
 * @property {(target: Document | ShadowRoot, css: string, fallbackParent: Node) => () => void} adoptSheet
 * @property {(node: Node) => node is Element} isElement
 * @property {(text: string) => Promise<boolean>} copyText
 */

(function (/** @type {any} */ root) {
  if (root.quireQuirks) return;

  /**
   * Chromium (seen in 156): a toolbar click within ~300 ms of a page load can
   * fail to inject with "Cannot access contents of the page" although the
   * click granted activeTab; a second attempt a moment later succeeds, and a
   * cold worker in a new profile can lose the race more than once. The worker
   * retries an injection that fails so, after {@link LOAD_RACE_RETRY_MS},
   * then twice that, and so on, {@link LOAD_RACE_RETRIES} times.
   * @param {unknown} error
   */
  function isLoadRace(error) {
    return error instanceof Error && /Cannot access contents of/i.test(error.message);
  }
  /**
   * Wait before the first retry of an injection that lost the page-load race
   * (doubled for each next one: 50, 100, 200, 400, 800, 1600 ms). A click in
   * a tab opened half a second before loses that race about one time in ten
   * (bench/cold-click.mjs, new-tab steps), and a retry 50 ms later goes
   * through; a first wait of 300 ms made those clicks 300 ms slower.
   */
  const LOAD_RACE_RETRY_MS = 50;
  /** Retries of an injection that lost the page-load race: six reach 3.15 s. */
  const LOAD_RACE_RETRIES = 6;

  /**
   * Compiles a wasm module. Streaming compilation needs the file served as
   * `application/wasm`; should a browser serve extension files without that
   * type (compileStreaming then rejects with a TypeError), compile from the
   * bytes instead.
   * @param {URL} url
   * @returns {Promise<WebAssembly.Module>}
   */
  async function compileWasm(url) {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
    }
  }

  /**
   * Applies a stylesheet to a document or shadow root and returns what
   * removes it exactly. A constructed sheet applies under any page CSP and,
   * unlike a <style> element, keeps applying if the page's scripts move our
   * host (a <style> re-inserted by the page's world is checked against the
   * page's `style-src` and dropped).
   *
   * Firefox: a content script cannot adopt a constructed sheet through the
   * page's Xray wrappers ("Accessing from Xray wrapper is not supported");
   * there a <style> appended to `fallbackParent` does the job (in a host's
   * light DOM it is not rendered, still applied, and leaves with the host).
   * @param {Document | ShadowRoot} target
   * @param {string} css
   * @param {Node} fallbackParent
   * @returns {() => void}
   */
  function adoptSheet(target, css, fallbackParent) {
    try {
      // A sheet is adopted only by the document it was made for: one of
      // another document (the reader's frame, ui/overlay.js) is made with
      // that document's own constructor.
      const owner = target.nodeType === Node.DOCUMENT_NODE ? /** @type {Document} */ (target) : target.ownerDocument;
      const Sheet = owner && owner !== document && owner.defaultView ? /** @type {any} */ (owner.defaultView).CSSStyleSheet : CSSStyleSheet;
      /** @type {CSSStyleSheet} */
      const sheet = new Sheet();
      sheet.replaceSync(css);
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      return () => {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      const doc = /** @type {Document} */ (fallbackParent.ownerDocument ?? fallbackParent);
      const style = doc.createElement('style');
      style.textContent = css;
      fallbackParent.appendChild(style);
      return () => style.remove();
    }
  }

  /**
   * Whether a node is an element: by `nodeType`, not `instanceof Element`.
   * Nodes of a DOMParser document reach a Firefox content script through
   * Xray wrappers from another realm, where `instanceof` answers false.
   * @param {Node} node
   * @returns {node is Element}
   */
  function isElement(node) {
    return node.nodeType === Node.ELEMENT_NODE;
  }

  /**
   * Puts text on the clipboard through the async clipboard
   * (`navigator.clipboard.writeText`), which fires no event the page can
   * hear; whether it got there. That clipboard exists only in secure
   * contexts (not on a plain http page) and may be refused (no user
   * activation, no focus, a permission): the caller then shows the text
   * selected for the user to copy. There is deliberately no
   * `execCommand('copy')` fallback: it fires a `copy` event that reaches the
   * page, which could replace what lands on the clipboard.
   * @param {string} text
   * @returns {Promise<boolean>}
   */
  async function copyText(text) {
    try {
      if (!navigator.clipboard?.writeText) return false;
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  /** @type {QuireQuirks} */
  const api = Object.freeze({ isLoadRace, LOAD_RACE_RETRY_MS, LOAD_RACE_RETRIES, compileWasm, adoptSheet, isElement, copyText });
  root.quireQuirks = api;
})(globalThis);

// @ts-check
/**
 * @file Which messages the worker answers. An extract request is admitted
 * only when it comes from this extension's own content script, in the top
 * frame of a tab, and echoes the random token the worker injected with that
 * content script on a toolbar click on that tab: one request per click (the
 * token is used up), within a short time, and, where the browser reports
 * documents (Chromium), from the very document the click injected into.
 *
 * The token is what binds the request to its click: in Chromium the request
 * usually reaches the worker before `executeScript` resolves (so before the
 * worker learns the document id), and a content script still around in some
 * tab from an earlier click, or a compromised renderer, does not know it.
 * The worker hands it to the isolated world, where the page cannot read it,
 * as the argument of the click's first injected function (`executeScript`
 * with `func` and `args`: content/page-html.js `quirePageStart`), which
 * sends the request.
 *
 * Web pages cannot message the worker at all (the manifest declares no
 * `externally_connectable`), and other extensions have another `sender.id`.
 *
 * A Markdown request (Copy as Markdown in an open reader) is admitted from
 * our own content script in a tab's top frame, without a token: the reader
 * stays open for as long as the user reads, far longer than an idle worker
 * lives (MV3 stops it after about 30 s, and its memory of clicks with it).
 * The content script sends one only on the user's own (trusted) click on
 * the button, one at a time; the worker runs one at a time per tab
 * (answer.js) on a wasm instance of its own (core.js), so it can neither
 * crowd out the pages nor lead to an extension restart.
 *
 * Kept free of `chrome.*` so that node tests can drive it.
 */

/**
 * The fields of `chrome.runtime.MessageSender` the gate reads.
 * @typedef {object} Sender
 * @property {string} [id]
 * @property {{id?: number}} [tab]
 * @property {number} [frameId]
 * @property {string} [documentId] Chromium only; Firefox leaves it out.
 */

/**
 * @typedef {object} Gate
 * @property {(tabId: number, token: string) => void} clicked A toolbar click on this tab is injecting the
 *   content script with this token (again on each retry of the injection, which renews the click's time).
 * @property {(tabId: number, documentId: string | undefined) => void} injected The injection reached this document.
 * @property {(sender: Sender, token: unknown) => {ok: true} | {ok: false, error: string}} admit
 *   Whether to answer an extract request from `sender` that echoes `token`; admitting uses up the click
 *   (a refusal does not: the click stays for its own content script).
 * @property {(sender: Sender) => {ok: true} | {ok: false, error: string}} admitMarkdown
 *   Whether to answer a Markdown request from `sender` (see the file comment).
 */

/** How long after a click its content script may ask for an extraction. */
export const CLICK_TTL_MS = 60_000;

/**
 * @param {object} options
 * @param {string} options.extensionId `chrome.runtime.id`
 * @param {() => number} [options.now] Milliseconds; `Date.now` by default.
 * @returns {Gate}
 */
export function createGate({ extensionId, now = Date.now }) {
  /** @type {Map<number, {at: number, token: string, documentId?: string}>} tab id → the click waiting for its request */
  const pending = new Map();

  /**
   * @param {Sender} sender
   * @returns {{ok: true, tabId: number} | {ok: false, error: string}}
   */
  function fromOwnTopFrame(sender) {
    if (sender.id !== extensionId) return { ok: false, error: 'not from this extension' };
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return { ok: false, error: 'not from a tab' };
    if (sender.frameId !== 0) return { ok: false, error: 'not from the top frame' };
    return { ok: true, tabId };
  }

  return {
    clicked(tabId, token) {
      pending.set(tabId, { at: now(), token });
    },
    injected(tabId, documentId) {
      const click = pending.get(tabId);
      if (click && typeof documentId === 'string') click.documentId = documentId;
    },
    admit(sender, token) {
      const from = fromOwnTopFrame(sender);
      if (!from.ok) return from;
      const tabId = from.tabId;
      const click = pending.get(tabId);
      if (!click || now() - click.at > CLICK_TTL_MS) {
        pending.delete(tabId);
        return { ok: false, error: 'no toolbar click is waiting for this tab' };
      }
      if (typeof token !== 'string' || token === '' || token !== click.token) {
        return { ok: false, error: 'the request does not carry its click’s token' };
      }
      if (click.documentId !== undefined && sender.documentId !== undefined && click.documentId !== sender.documentId) {
        return { ok: false, error: 'not from the document the click opened the reader on' };
      }
      pending.delete(tabId);
      return { ok: true };
    },
    admitMarkdown(sender) {
      const from = fromOwnTopFrame(sender);
      return from.ok ? { ok: true } : from;
    },
  };
}

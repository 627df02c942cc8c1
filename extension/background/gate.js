// @ts-check
/**
 * @file Which messages the worker answers. An extract request is admitted
 * only when it comes from this extension's own content script, in the top
 * frame of a tab, in reply to a toolbar click the worker itself handled on
 * that tab (one request per click, within a short time, and from the very
 * document the click injected into when the browser reports it).
 *
 * Web pages cannot message the worker at all (the manifest declares no
 * `externally_connectable`), and other extensions have another `sender.id`;
 * the click binding also stops a content script that is still around in some
 * tab, or a compromised renderer, from using the core on its own schedule.
 *
 * A Markdown request (Copy as Markdown in an open reader) is admitted from
 * our own content script in a tab's top frame, without a click: the reader
 * stays open for as long as the user reads, far longer than an idle worker
 * lives (MV3 stops it after about 30 s, and its memory of clicks with it),
 * and the conversion reads nothing but the article HTML it is sent, within
 * the same size bound as a page.
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
 * @property {(tabId: number) => void} clicked A toolbar click on this tab is injecting the content script.
 * @property {(tabId: number, documentId: string | undefined) => void} injected The injection reached this document.
 * @property {(sender: Sender) => {ok: true} | {ok: false, error: string}} admit
 *   Whether to answer an extract request from `sender`; admitting uses up the click.
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
  /** @type {Map<number, {at: number, documentId?: string}>} tab id → the click waiting for its request */
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
    clicked(tabId) {
      pending.set(tabId, { at: now() });
    },
    injected(tabId, documentId) {
      const click = pending.get(tabId);
      if (click && typeof documentId === 'string') click.documentId = documentId;
    },
    admit(sender) {
      const from = fromOwnTopFrame(sender);
      if (!from.ok) return from;
      const tabId = from.tabId;
      const click = pending.get(tabId);
      if (!click || now() - click.at > CLICK_TTL_MS) {
        pending.delete(tabId);
        return { ok: false, error: 'no toolbar click is waiting for this tab' };
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

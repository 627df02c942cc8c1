// @ts-check
/**
 * @file The worker's `runtime.onMessage` listener: which messages get an
 * answer, and what it is.
 *
 * - `content→worker:extract`, admitted by the gate (our own content script,
 *   in a tab's top frame, echoing its click's token: gate.js): run the core
 *   and answer `{ok: true, article}` or `{ok: false, error}`.
 * - `content→worker:markdown`, admitted by the gate (our own content script
 *   in a top frame): answer `{ok: true, markdown}` or `{ok: false, error}`;
 *   one at a time per tab (a second one meanwhile gets an error answer).
 * - `content→worker:font`, admitted as a Markdown request is: answer
 *   `{ok: true, files}` (the bundled legible font, base64) or `{ok: false, error}`.
 * - A malformed request from an admitted sender: an error answer.
 * - Anything from a sender the gate refuses: no answer at all.
 *
 * After an extract answer, when every wasm instance that serves pages has
 * trapped (core.js `exhausted`), the extension restarts itself to get a
 * clean worker. A Markdown answer never does: Markdown runs on a wasm
 * instance of its own, and a page cannot spend the recovery budget by
 * asking for Markdown again and again.
 *
 * Kept free of `chrome.*` (the worker passes `chrome.runtime.reload` in) so
 * that node tests can drive it exactly as the worker wires it.
 */

/**
 * @param {object} deps
 * @param {import('./gate.js').Gate} deps.gate
 * @param {Pick<import('./core.js').Core, 'extract' | 'markdown' | 'exhausted'> & Partial<Pick<import('./core.js').Core, 'explain'>>} deps.core
 * @param {(url: string) => Promise<import('./core.js').ExtraOptions>} [deps.options] What the reader's settings
 *   add to an extraction of `url` (removed blocks, kinds kept on its site); none by default.
 * @param {QuireMessages} deps.messages shared/messages.js
 * @param {() => void} deps.reload Restarts the extension (`chrome.runtime.reload`).
 * @param {import('./hooks.js').WorkerHooks['step']} [deps.step] Each step of answering an extract request
 *   (the test build's timings; nothing in a release build).
 * @param {(message: string) => void} [deps.warn] `console.warn` by default.
 * @param {() => Promise<FontResponse>} [deps.fonts] Reads the bundled legible font's files
 *   (the worker reads its own package); without it a font request gets an error answer.
 * @returns {(message: unknown, sender: import('./gate.js').Sender, sendResponse: (response: unknown) => void) => boolean}
 *   The listener: true when the answer comes asynchronously.
 */
export function createAnswerer({ gate, core, messages, reload, options = async () => ({}), step = () => {}, warn = (message) => console.warn(message), fonts }) {
  /** Tabs with a Markdown request being answered: one at a time per tab. */
  const converting = new Set();

  /**
   * A request's checked value, or null once it is refused: a sender the gate
   * refuses gets no answer at all, a malformed request an error answer.
   * @template T
   * @param {{ok: true} | {ok: false, error: string}} admission The gate's verdict on the sender.
   * @param {() => Checked<T>} check The message's validator (from shared/messages.js).
   * @param {(response: {ok: false, error: string}) => void} sendResponse
   * @returns {T | null}
   */
  function admit(admission, check, sendResponse) {
    if (!admission.ok) {
      warn(`Quire: refused a message: ${admission.error}`);
      return null;
    }
    const request = check();
    if (!request.ok) {
      sendResponse({ ok: false, error: `Bad request: ${request.error}` });
      return null;
    }
    return request.value;
  }

  return (message, sender, sendResponse) => {
    const tabId = /** @type {number} */ (sender.tab?.id);
    if (/** @type {{type?: unknown} | null} */ (message)?.type === messages.MSG.MARKDOWN) {
      const request = admit(gate.admitMarkdown(sender), () => messages.checkMarkdownRequest(message), sendResponse);
      if (!request) return false;
      if (converting.has(tabId)) {
        sendResponse({ ok: false, error: 'A copy of this article is already being made.' });
        return false;
      }
      converting.add(tabId);
      // Never followed by a restart: Markdown runs on an instance of its own (core.js).
      core.markdown(request.html).then((response) => {
        converting.delete(tabId);
        sendResponse(response);
      });
      return true;
    }
    if (/** @type {{type?: unknown} | null} */ (message)?.type === messages.MSG.FONT) {
      const request = admit(gate.admitMarkdown(sender), () => messages.checkFontRequest(message), sendResponse);
      if (!request) return false;
      if (!fonts) {
        sendResponse({ ok: false, error: 'no fonts here' });
        return false;
      }
      fonts().then(sendResponse, (error) => sendResponse({ ok: false, error: String(error) }));
      return true;
    }
    if (/** @type {{type?: unknown} | null} */ (message)?.type === messages.MSG.EXPLAIN) {
      // "Report a problem": as a Markdown request, from our own content script in a top frame.
      const request = admit(gate.admitMarkdown(sender), () => messages.checkExplainRequest(message), sendResponse);
      if (!request) return false;
      if (!core.explain) {
        sendResponse({ ok: false, error: 'Explaining is not available here.' });
        return false;
      }
      core.explain(request.html, request.url).then((response) => {
        sendResponse(response);
        if (core.exhausted()) reload();
      });
      return true;
    }
    // Only our own content script, in a tab's top frame, echoing its click's token.
    const token = /** @type {{token?: unknown} | null} */ (message)?.token;
    const request = admit(gate.admit(sender, token), () => messages.checkExtractRequest(message), sendResponse);
    if (!request) return false;
    step(tabId, 'received', request.html.length);
    step(tabId, 'extractStart');
    const extra = options(request.url).catch(() => ({}));
    extra.then((more) => {
      step(tabId, 'optionsRead');
      return core.extract(request.html, request.url, more);
    }).then((response) => {
      step(tabId, 'extractEnd');
      sendResponse(response);
      step(tabId, 'replied');
      // Every spare instance has trapped: restart the extension to get a clean worker.
      if (core.exhausted()) reload();
    });
    return true; // the answer comes asynchronously
  };
}

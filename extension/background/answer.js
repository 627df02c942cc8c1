// @ts-check
/**
 * @file The worker's `runtime.onMessage` listener: which messages get an
 * answer, and what it is.
 *
 * - `content→worker:extract`, admitted by the gate (our own content script,
 *   in a tab's top frame, in reply to a click: gate.js): run the core and
 *   answer `{ok: true, article}` or `{ok: false, error}`.
 * - `content→worker:markdown`, admitted by the gate (our own content script
 *   in a top frame): answer `{ok: true, markdown}` or `{ok: false, error}`.
 * - A malformed request from an admitted sender: an error answer.
 * - Anything from a sender the gate refuses: no answer at all.
 *
 * After any answer, when every wasm instance has trapped (core.js
 * `exhausted`), the extension restarts itself to get a clean worker.
 *
 * Kept free of `chrome.*` (the worker passes `chrome.runtime.reload` in) so
 * that node tests can drive it exactly as the worker wires it.
 */

/**
 * The fields of a click's timing record this file fills in (worker.js `ClickTiming`).
 * @typedef {{received?: number, htmlChars?: number, extractStart?: number, extractEnd?: number, replied?: number}} TimingRecord
 */

/**
 * @param {object} deps
 * @param {import('./gate.js').Gate} deps.gate
 * @param {Pick<import('./core.js').Core, 'extract' | 'markdown' | 'exhausted'>} deps.core
 * @param {QuireMessages} deps.messages shared/messages.js
 * @param {() => void} deps.reload Restarts the extension (`chrome.runtime.reload`).
 * @param {(tabId: number) => TimingRecord | undefined} [deps.timingOf] The timing record of a tab's last click.
 * @param {() => number} [deps.clock] For the timings.
 * @param {(message: string) => void} [deps.warn] `console.warn` by default.
 * @returns {(message: unknown, sender: import('./gate.js').Sender, sendResponse: (response: unknown) => void) => boolean}
 *   The listener: true when the answer comes asynchronously.
 */
export function createAnswerer({ gate, core, messages, reload, timingOf = () => undefined, clock = () => Date.now(), warn = (message) => console.warn(message) }) {
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

  /** Every spare instance has trapped: restart the extension to get a clean worker. */
  function reloadIfExhausted() {
    if (core.exhausted()) reload();
  }

  return (message, sender, sendResponse) => {
    const received = clock();
    if (/** @type {{type?: unknown} | null} */ (message)?.type === messages.MSG.MARKDOWN) {
      const request = admit(gate.admitMarkdown(sender), () => messages.checkMarkdownRequest(message), sendResponse);
      if (!request) return false;
      core.markdown(request.html).then((response) => {
        sendResponse(response);
        reloadIfExhausted();
      });
      return true;
    }
    // Only our own content script, in a tab's top frame, answering a click.
    const request = admit(gate.admit(sender), () => messages.checkExtractRequest(message), sendResponse);
    if (!request) return false;
    const timing = timingOf(/** @type {number} */ (sender.tab?.id));
    if (timing) Object.assign(timing, { received, htmlChars: request.html.length, extractStart: clock() });
    core.extract(request.html, request.url).then((response) => {
      if (timing) timing.extractEnd = clock();
      sendResponse(response);
      if (timing) timing.replied = clock();
      reloadIfExhausted();
    });
    return true; // the answer comes asynchronously
  };
}

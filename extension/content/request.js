// @ts-check
/**
 * @file The first part of the content script, injected right after
 * shared/messages.js and content/page-html.js and before the reader's UI (ui/*.js, then
 * content/content.js), all classic scripts in one injection per click.
 *
 * When this click opens the reader, it serialises the page and sends it to
 * the worker at once, with the click's token (which the worker injected just
 * before: background/gate.js), so the request is on its way while the browser
 * evaluates the UI scripts; content.js takes the pending answer
 * (`globalThis.quirePending`, in the isolated world the page cannot see).
 * When the reader is open, this click closes it: content.js does that, and
 * this file does nothing.
 */

// `QuireMessages` and `ExtractRequest` are global JSDoc types of shared/messages.js,
// `QuirePageHtml` of content/page-html.js, `QuireHooks` of content/hooks.js.

/**
 * The worker's answer to the request this click sent: its response, or why
 * there is none.
 * @typedef {Promise<{response: unknown} | {error: string}>} PendingAnswer
 */

(function (/** @type {any} */ root) {
  // The click's token (set by the worker's first injection: background/worker.js), used once.
  const token = typeof root.quireToken === 'string' ? root.quireToken : '';
  root.quireToken = undefined;
  if (root.quireContent?.isOpen()) return;
  /** @type {QuireHooks} */
  const hooks = root.quireHooks;
  const mark = hooks.step;
  mark('open');
  /** @type {QuireMessages} */
  const messages = root.quireMessages;
  /** @type {QuirePageHtml} */
  const pageHtml = root.quirePageHtml;
  // Serialised before the overlay exists, so it is not part of the page sent.
  const html = pageHtml.withoutScriptBodies(document.documentElement.outerHTML);
  /** @type {ExtractRequest} */
  const request = { type: messages.MSG.EXTRACT, html, url: location.href, token };
  mark('serialised');
  /** @type {PendingAnswer} */
  let answer;
  try {
    answer = chrome.runtime.sendMessage(request).then(
      (response) => {
        mark('replied');
        return { response };
      },
      (error) => ({ error: error instanceof Error ? error.message : String(error) }),
    );
  } catch (error) {
    // e.g. the extension was reloaded under this page
    answer = Promise.resolve({ error: error instanceof Error ? error.message : String(error) });
  }
  mark('sent');
  root.quirePending = answer;
})(globalThis);

// @ts-check
/**
 * @file The content script registered for each site the reader opens on by
 * itself (background/auto-open.js), after shared/messages.js; a classic
 * script, run once per page in the top frame when the page has loaded
 * (`document_idle`). It only asks the worker to open the reader here: the
 * worker checks that this page's site is still on and injects the reader as
 * a toolbar click would, and the reader shows nothing when the page is not
 * an article (content/content.js).
 */

(function (/** @type {any} */ root) {
  if (root.quireAutoAsked) return;
  root.quireAutoAsked = true;
  /** @type {QuireMessages} */
  const messages = root.quireMessages;
  try {
    chrome.runtime.sendMessage({ type: messages.MSG.AUTO_OPEN }).catch(() => {});
  } catch {
    // The extension was reloaded or removed under this page.
  }
})(globalThis);

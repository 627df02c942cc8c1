// @ts-check
/**
 * @file "Always open on this site" in the reader's settings panel: a
 * checkbox that shows whether the reader opens by itself on this page's site
 * (background/auto-open.js) and turns that on or off.
 *
 * Turning it on needs the site's host permission, which the browser grants
 * only on a user gesture in an extension page; the content script is not
 * one. So the worker opens the options page in a small window that asks for
 * it, and the box stays clear until the site is on: after a tick, it is read
 * again whenever the page's window gets the focus back. Turning it off needs
 * no prompt: the worker unregisters the site and gives the permission back
 * at once. The state is read each time the settings panel shows the box,
 * never for a reader that is not shown (an automatic opening of a page that
 * is not an article builds one and drops it).
 *
 * A classic script, injected after ui/dom.js and ui/strings.js, before
 * content/content.js, which passes {@link QuireAutoToggle.row} to the
 * overlay. Only the user's own (trusted) changes count.
 */

/**
 * What this file publishes as `globalThis.quireAutoToggle`.
 * @typedef {object} QuireAutoToggle
 * @property {(doc: Document) => HTMLElement[]} rows The panel rows (the checkbox and its hint).
 */

(function (/** @type {any} */ root) {
  if (root.quireAutoToggle) return;

  /** @type {QuireMessages} */
  const messages = root.quireMessages;
  /** @type {QuireStrings} */
  const { t } = root.quireStrings;
  /** @type {QuireDom} */
  const { el } = root.quireDom;

  /**
   * Asks the worker; resolves to its answer, or null without one.
   * @param {object} message
   * @returns {Promise<{ok?: boolean, on?: boolean} | null>}
   */
  async function ask(message) {
    try {
      const answer = await chrome.runtime.sendMessage(message);
      return answer && typeof answer === 'object' ? answer : null;
    } catch {
      return null; // the extension was reloaded under this page
    }
  }

  /** @param {Document} doc */
  function rows(doc) {
    const row = el(doc, 'label', 'row auto-open');
    const box = el(doc, 'input');
    box.type = 'checkbox';
    box.name = 'autoOpen';
    box.disabled = true; // until the worker says
    row.append(el(doc, 'span', 'label', t('autoOpen')), box);
    const hint = el(doc, 'p', 'hint');
    hint.setAttribute('aria-live', 'polite');
    hint.hidden = true;

    async function refresh() {
      const answer = await ask({ type: messages.MSG.AUTO_STATE });
      box.disabled = answer?.ok !== true;
      box.checked = answer?.on === true;
      if (box.checked) hint.hidden = true;
    }
    /** @param {Event} event */
    function onFocus(event) {
      if (!row.isConnected) window.removeEventListener('focus', onFocus); // the reader is closed
      else if (event.isTrusted) void refresh();
    }
    // Each time the panel opens and shows the box.
    if (typeof IntersectionObserver === 'function') {
      new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void refresh();
      }).observe(row);
    } else {
      void refresh();
    }

    box.addEventListener('change', async (event) => {
      if (!event.isTrusted) {
        void refresh();
        return;
      }
      const on = box.checked;
      box.checked = false; // on only once the worker says so
      const answer = await ask({ type: messages.MSG.AUTO_SET, on });
      box.checked = answer?.on === true;
      hint.textContent = on && !box.checked ? t('autoOpenConfirm') : '';
      hint.hidden = hint.textContent === '';
      // The window that asks takes the focus; it comes back here when that closes.
      if (on) window.addEventListener('focus', onFocus);
    });
    return [row, hint];
  }

  /** @type {QuireAutoToggle} */
  const api = Object.freeze({ rows });
  root.quireAutoToggle = api;
})(globalThis);

// @ts-check
/**
 * @file The content script: runs in the page's isolated world, injected by
 * the service worker on a toolbar click (after shared/messages.js,
 * ui/styles.js and ui/overlay.js, all classic scripts).
 *
 * Every injection toggles the reader: the first opens it, the next closes it.
 * The controller is created once per page and kept in the isolated world, so
 * the page can neither see it nor fake the "open" state.
 *
 * Opening: serialise the page, lock its scroll, show the overlay in a loading
 * state, ask the worker to extract, then render the article or an error.
 * Closing (toolbar click, Esc, or the close button): remove the overlay and
 * put back exactly what was changed: the scroll lock, the scroll position
 * and the focus.
 */

// Types (QuireMessages, ExtractRequest, Overlay) are global JSDoc types of the
// other classic scripts: shared/messages.js and ui/overlay.js.

(function (/** @type {any} */ root) {
  if (!root.quireContent) root.quireContent = createController();
  root.quireContent.toggle();

  function createController() {
    /** @type {QuireMessages} */
    const messages = root.quireMessages;
    /** @type {QuireOverlay} */
    const ui = root.quireOverlay;

    /**
     * The open reader, or null.
     * @type {null | {overlay: Overlay, close: () => void}}
     */
    let session = null;

    /**
     * Timing marks for `make bench-browser` (`quire:open`, `quire:serialised`,
     * `quire:sent`, `quire:answered`, `quire:rendered`, `quire:painted`), on the
     * document's performance timeline, which the benchmark reads from the page.
     * @param {string} name
     */
    const mark = (name) => {
      performance.clearMarks(`quire:${name}`);
      performance.mark(`quire:${name}`);
    };

    const scrollLock = new CSSStyleSheet();
    scrollLock.replaceSync(':root { overflow: hidden !important; }');

    function open() {
      mark('open');
      const doc = document;
      const html = doc.documentElement;
      // Serialise before the overlay exists, so it is not part of the page sent.
      const pageHtml = html.outerHTML;
      mark('serialised');
      // Ask the worker first and build the loading overlay while it works.
      /** @type {ExtractRequest} */
      const request = { type: messages.MSG.EXTRACT, html: pageHtml, url: location.href };
      /** @type {Promise<unknown>} */
      let answer;
      try {
        answer = chrome.runtime.sendMessage(request);
      } catch (error) {
        answer = Promise.reject(error); // e.g. the extension was reloaded under this page
      }
      mark('sent');
      const saved = {
        x: window.scrollX,
        y: window.scrollY,
        focus: doc.activeElement instanceof HTMLElement ? doc.activeElement : null,
      };

      /** @param {KeyboardEvent} event */
      const onKey = (event) => {
        if (event.key === 'Escape' && !event.isComposing) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      };

      const overlay = ui.createOverlay({ onClose: () => close() });
      const current = { overlay, close };
      session = current;

      function close() {
        if (session !== current) return;
        session = null;
        window.removeEventListener('keydown', onKey, true);
        overlay.host.remove();
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => sheet !== scrollLock);
        window.scrollTo(saved.x, saved.y);
        if (saved.focus && saved.focus.isConnected) saved.focus.focus({ preventScroll: true });
      }

      // Lock the page's scroll with an adopted sheet rather than a style
      // attribute: the page's markup stays untouched, and removing the sheet
      // undoes it exactly.
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, scrollLock];
      overlay.showLoading();
      html.append(overlay.host);
      window.scrollTo(saved.x, saved.y); // overflow:hidden must not move the page
      overlay.focus();
      window.addEventListener('keydown', onKey, true);

      answer.then(
        (response) => {
          if (session !== current) return; // closed while loading
          mark('answered');
          const checked = messages.checkExtractResponse(response);
          if (!checked.ok) overlay.showError(checked.error);
          else if (!checked.value.ok) overlay.showError(checked.value.error);
          else if (checked.value.article.wordCount === 0) overlay.showError('Quire found no article text on this page.');
          else overlay.showArticle(checked.value.article);
          overlay.focus();
          mark('rendered');
          requestAnimationFrame(() => mark('painted'));
        },
        (error) => {
          if (session !== current) return;
          overlay.showError(`The reader core did not answer: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    }

    return {
      /** Opens the reader, or closes it if it is open. */
      toggle() {
        if (session) session.close();
        else open();
      },
    };
  }
})(globalThis);

// @ts-check
/**
 * @file The content script: runs in the page's isolated world, injected by
 * the service worker on a toolbar click, last of the reader's scripts
 * (shared/messages.js, shared/quirks.js and the ui/ scripts ending with
 * ui/overlay.js, all classic scripts, joined into one file by
 * scripts/build-reader.mjs), beside the click's start (content/page-html.js
 * `quirePageStart`), which sends the page.
 *
 * Every injection toggles the reader: the first opens it, the next closes it.
 * An injection the worker makes by itself, on a site the user chose
 * (background/auto-open.js), only opens it, quietly: no loading notice, and
 * nothing at all unless the page is an article.
 * The controller is created once per page and kept in the isolated world, so
 * the page can neither see it nor fake the "open" state.
 *
 * Opening: the click's start has serialised the page and asked the worker to
 * extract (page-html.js); read the settings
 * (`chrome.storage.sync`) and build the overlay meanwhile; when the answer is
 * in, render the article, a "not an article" notice or an error into it and
 * show it (a slow answer shows a loading notice first), then, after the frame
 * that shows it, lock the page's scroll. Closing
 * (toolbar click, Esc, or a close button): save any pending setting, remove
 * the overlay and put back exactly what was changed: the page sheet, the
 * scroll position and the focus.
 *
 * Long reads: where the reader is in an article is saved to
 * `chrome.storage.local` (ui/resume.js) a moment after scrolling and on
 * close, and restored once the whole article is in the next time the same
 * address opens. Esc closes an open contents panel first (ui/toc.js).
 */

// Types (QuireMessages, MarkdownRequest, Article, Overlay, QuireSettings, QuireQuirks, Settings, PendingAnswer) are
// global JSDoc types of the other classic scripts.

(function (/** @type {any} */ root) {
  if (!root.quireContent) root.quireContent = createController();
  /**
   * Runs the click that content/page-html.js `quirePageStart` left
   * (`globalThis.quireClick`), once: it comes before or after this file, as
   * the worker's two injections land; whichever of the two runs second
   * calls this. An automatic opening (background/auto-open.js) only opens.
   */
  root.quireRun = () => {
    /** @type {QuireClick | undefined} */
    const click = root.quireClick;
    if (!click) return;
    root.quireClick = undefined;
    for (const [name, at] of Object.entries(click.steps)) root.quireHooks.stepAt(name, at);
    root.quirePending = click.pending ?? undefined;
    if (click.auto) root.quireContent.openQuietly();
    else root.quireContent.toggle();
  };
  root.quireRun();
  // The end of the reader file's evaluation (`evaluated`, a timing mark in
  // the test build): an answer that comes before it waits for it.
  root.quireHooks.step('evaluated');

  function createController() {
    /** @type {QuireMessages} */
    const messages = root.quireMessages;
    /** @type {QuireOverlay} */
    const ui = root.quireOverlay;
    /** @type {QuireSettings} */
    const settingsApi = root.quireSettings;
    /** @type {QuireQuirks} */
    const quirks = root.quireQuirks;
    /** @type {QuireResume} */
    const resume = root.quireResume;
    /** @type {QuireKeep} */
    const keepApi = root.quireKeep;
    /** @type {QuireRemoved} */
    const removedApi = root.quireRemoved;
    const { t } = ui;

    /** Toolbar changes are written this long after the last one (sync storage has a write quota). */
    const SAVE_DELAY_MS = 400;
    /** The longest the overlay waits for stored settings before it shows. */
    const SETTINGS_WAIT_MS = 500;
    /** An answer slower than this gets the loading notice first. */
    const LOADING_DELAY_MS = 200;
    /**
     * Whether the reader goes in a frame of its own (ui/overlay.js, file
     * comment): where a shadow root has no selection of its own (Firefox),
     * the document's selection names the reader's nodes to the page.
     * Chromium's `ShadowRoot.getSelection` keeps them out of the page's.
     */
    const ISOLATE = typeof ShadowRoot === 'function' && typeof (/** @type {any} */ (ShadowRoot.prototype).getSelection) !== 'function';

    /**
     * The open reader, or null.
     * @type {null | {overlay: Overlay, close: () => void, reveal: () => boolean}}
     */
    let session = null;

    // One sheet does both page-side jobs: on screen it locks the page's
    // scroll; in print it hides everything but the reader.
    const PAGE_CSS = `
      @media screen { :root { overflow: hidden !important; } }
      @media print { :root > :not(#${ui.HOST_ID}) { display: none !important; } }
    `;

    /**
     * Applies the page sheet and returns what undoes it exactly. The page's
     * markup is never touched (no style attribute): the sheet is adopted by
     * the document, or, where a content script cannot adopt sheets (see
     * shared/quirks.js `adoptSheet`), a <style> inside the host's light DOM
     * (not rendered, still applied), which leaves with the host.
     * @param {Document} doc
     * @param {HTMLElement} host
     * @returns {() => void}
     */
    function lockPage(doc, host) {
      return quirks.adoptSheet(doc, PAGE_CSS, host);
    }

    /** @returns {chrome.storage.StorageArea | null} */
    function storageArea() {
      try {
        return chrome.storage?.sync ?? null;
      } catch {
        return null; // the extension was reloaded: its APIs are gone
      }
    }

    /** @returns {chrome.storage.StorageArea | null} Where positions are kept (ui/resume.js). */
    function localArea() {
      try {
        return chrome.storage?.local ?? null;
      } catch {
        return null;
      }
    }

    /**
     * Settings from storage, or defaults if storage is slow to answer.
     * @returns {Promise<Settings>}
     */
    function loadSettings() {
      const timeout = new Promise((resolve) => setTimeout(() => resolve({ ...settingsApi.DEFAULTS }), SETTINGS_WAIT_MS));
      return /** @type {Promise<Settings>} */ (Promise.race([settingsApi.load(storageArea()), timeout]));
    }

    /**
     * Saves settings a moment after the last change; `flush` writes a
     * pending change at once (on close).
     */
    function createSaver() {
      /** @type {Settings | null} */
      let pending = null;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      function flush() {
        clearTimeout(timer);
        if (pending) void settingsApi.save(storageArea(), pending);
        pending = null;
      }
      return {
        /** @param {Settings} settings */
        schedule(settings) {
          pending = settings;
          clearTimeout(timer);
          timer = setTimeout(flush, SAVE_DELAY_MS);
        },
        flush,
      };
    }
    const saver = createSaver();

    /** What Read aloud speaks with, and where it keeps its speed and voice (content/tts-relay.js). */
    const speech = root.quireTtsRelay?.createSpeech() ?? null;

    /**
     * The steps of opening, for the test build's timing marks (content/hooks.js;
     * nothing in a release build): `answered`, `rendered`, `painted`, `drawn`,
     * and, for an article, `appended` and `complete` once all of it is in;
     * page-html.js has `open`, `serialised`, `sent` and `replied`.
     * @type {(name: string) => void}
     */
    const mark = root.quireHooks.step;

    /**
     * The Markdown of the article's HTML, from the worker (Copy as Markdown).
     * @param {Article} article
     * @returns {Promise<string>} rejects with the reason when there is none
     */
    async function markdownOf(article) {
      /** @type {MarkdownRequest} */
      const request = { type: messages.MSG.MARKDOWN, html: article.content };
      const checked = messages.checkMarkdownResponse(await chrome.runtime.sendMessage(request));
      if (!checked.ok) throw new Error(checked.error);
      if (!checked.value.ok) throw new Error(checked.value.error);
      return checked.value.markdown;
    }

    /**
     * "Keep this kind of block on this site": remembered for this page's origin (shared/keep.js).
     * @param {string} kind
     */
    function keepKind(kind) {
      const origin = keepApi.originOf(location.href);
      return origin ? keepApi.add(storageArea(), origin, kind) : Promise.resolve(false);
    }

    /**
     * The "Report a problem" bundle: the worker explains the page as it is now.
     * @param {boolean} includePage
     * @param {string} articleHtml
     */
    async function reportOf(includePage, articleHtml) {
      const html = root.quirePageHtml.withoutScriptBodies(document.documentElement.outerHTML);
      /** @type {ExplainRequest} */
      const request = { type: messages.MSG.EXPLAIN, html, url: location.href };
      const checked = messages.checkExplainResponse(await chrome.runtime.sendMessage(request));
      if (!checked.ok) throw new Error(checked.error);
      if (!checked.value.ok) throw new Error(checked.value.error);
      return removedApi.reportBundle({
        url: location.href,
        version: chrome.runtime.getManifest().version,
        explain: checked.value.explanation,
        articleHtml,
        pageHtml: includePage ? html : null,
      });
    }

    /**
     * Renders the worker's answer: the article, a "not an article" notice
     * with "Show anyway", or an error.
     * @param {Overlay} overlay
     * @param {unknown} response
     * @returns {boolean} whether it shows the article
     */
    function showResponse(overlay, response) {
      const checked = messages.checkExtractResponse(response);
      if (!checked.ok) overlay.showError(checked.error);
      else if (!checked.value.ok) overlay.showError(checked.value.error);
      else if (checked.value.article.wordCount === 0) overlay.showError(t('noText'));
      else if (!checked.value.article.readerable) overlay.showNotArticle(checked.value.article);
      else {
        overlay.showArticle(checked.value.article);
        return true;
      }
      return false;
    }

    /**
     * @param {boolean} [quiet] An automatic opening: no loading notice, and
     *   nothing at all unless the answer is an article (until a click reveals it).
     */
    function open(quiet = false) {
      const doc = document;
      const html = doc.documentElement;
      // content/page-html.js sent the page when the click started.
      /** @type {PendingAnswer} */
      const answer = root.quirePending ?? Promise.resolve({ error: 'the page was not sent' });
      root.quirePending = undefined;
      // Read the settings and build the overlay while the worker extracts.
      const settingsRead = loadSettings();
      // Where the reader left off in this article (restored once all of it is in).
      const pageUrl = location.href;
      const positionRead = resume.load(localArea(), pageUrl);
      const saved = {
        x: window.scrollX,
        y: window.scrollY,
        focus: doc.activeElement instanceof HTMLElement ? doc.activeElement : null,
      };

      /** @param {KeyboardEvent} event */
      const onKey = (event) => {
        // Only the reader's own keystrokes: a page's synthetic Escape must not close it.
        if (event.key === 'Escape' && event.isTrusted && !event.isComposing) {
          event.preventDefault();
          event.stopPropagation();
          // An open contents panel closes first; the next Esc closes the reader.
          if (!overlay.closePanel()) close();
        }
      };

      const overlay = ui.createOverlay({
        onClose: () => close(),
        onSettingsChange: (settings) => saver.schedule(settings),
        onPosition: (position) => void resume.save(localArea(), pageUrl, position),
        pageUrl,
        markdown: markdownOf,
        speech,
        readAloudPrefs: root.quireTtsRelay?.prefs,
        panelRows: root.quireAutoToggle?.rows,
        keep: keepKind,
        report: reportOf,
        // A long article comes in parts: the first frame gets its first
        // screenfuls, the rest follows one part per frame.
        progressive: true,
        isolate: ISOLATE,
        onComplete: () => {
          // The whole article is in (`appended`), and the end of the frame that drew it (`complete`).
          mark('appended');
          requestAnimationFrame(() => setTimeout(() => mark('complete'), 0));
          articleIn = true;
          if (lockWhenIn) lockAfterFrame();
          void positionRead.then((position) => {
            if (position && session === current) overlay.restorePosition(position);
          });
        },
      });
      /**
       * A click while an automatic opening is still out of sight makes it an
       * ordinary one (the click must not close what the user never saw).
       * @returns {boolean} whether there was such an opening
       */
      const reveal = () => {
        if (!quiet || shown) return false;
        quiet = false;
        return true;
      };
      const current = { overlay, close, reveal };
      session = current;
      let shown = false;
      let locked = false;
      /** Whether the article shown is all in (false while a long one comes in part by part). */
      let articleIn = true;
      /** Whether the page lock waits for the rest of the article. */
      let lockWhenIn = false;
      /** @type {() => void} */
      let unlock = () => {};

      function close() {
        if (session !== current) return;
        session = null;
        clearTimeout(loadingTimer);
        saver.flush();
        const position = shown ? overlay.position() : null;
        if (position) void resume.save(localArea(), pageUrl, position);
        overlay.dispose();
        if (!shown) return;
        window.removeEventListener('keydown', onKey, true);
        overlay.frameWindow()?.removeEventListener('keydown', onKey, true);
        window.removeEventListener('beforeprint', lockNow);
        overlay.host.remove();
        unlock();
        window.scrollTo(saved.x, saved.y);
        if (saved.focus && saved.focus.isConnected) saved.focus.focus({ preventScroll: true });
      }

      /** Attaches the overlay (whatever it shows) and moves focus into it. */
      function show() {
        shown = true;
        overlay.attach(html);
        overlay.focus();
        window.addEventListener('keydown', onKey, true);
        // Isolated, the keys typed in the reader go to its frame's window.
        overlay.frameWindow()?.addEventListener('keydown', onKey, true);
        window.addEventListener('beforeprint', lockNow);
      }

      /**
       * Applies the page sheet in the first task after the next frame, so
       * that the frame showing the overlay does not wait for it; for a long
       * article that comes in parts, after the frame with its last part, so
       * that the parts do not wait for it either. Any sheet added to the
       * document restyles the whole page (2–15 ms on corpus pages), and
       * hiding the page's overflow removes a classic scrollbar, which lays
       * the whole page out again (9–15 ms, 70–100 ms on a long Wikipedia
       * article). Until then the page's own scrollbar shows over the
       * overlay's, and the page could scroll under the overlay, which covers
       * the window (100vw × 100vh, so it does not move when that scrollbar
       * goes); closing restores the position either way. Printing locks at
       * once ({@link lockNow} on `beforeprint`). Call it after the frame's
       * own callbacks are registered, so they run first.
       */
      function lockAfterFrame() {
        requestAnimationFrame(() => setTimeout(lockNow, 0));
      }

      /** Applies the page sheet now (at once when printing: it hides the page in print). */
      function lockNow() {
        if (locked || session !== current) return; // done, or closed before the frame
        locked = true;
        unlock = lockPage(doc, overlay.host);
        window.scrollTo(saved.x, saved.y); // overflow:hidden must not move the page
      }

      // The overlay goes on the page once, with the answer in it: putting it
      // up earlier makes the page lay out and paint it while the worker
      // extracts, and the answer then waits behind that frame. Only a slow
      // answer gets the loading notice first (in the reader's theme and size,
      // so it does not flash the defaults).
      const loadingTimer = setTimeout(() => {
        settingsRead.then((settings) => {
          if (session !== current || shown || quiet) return; // closed, the answer came first, or opening quietly
          overlay.setSettings(settings);
          overlay.showLoading();
          show();
          lockAfterFrame();
        });
      }, LOADING_DELAY_MS);

      Promise.all([answer, settingsRead]).then(([result, settings]) => {
        if (session !== current) return; // closed while loading
        if ('at' in result) root.quireHooks.stepAt('replied', result.at);
        mark('answered');
        clearTimeout(loadingTimer);
        if (!shown) overlay.setSettings(settings);
        articleIn = false;
        let article = false;
        if ('error' in result) overlay.showError(t('noAnswer', result.error));
        else article = showResponse(overlay, result.response);
        if (quiet && !article) return close(); // not an article: an automatic opening shows nothing
        if (!shown) show();
        overlay.focus();
        mark('rendered');
        // The first frame with the article (`painted`), and the end of that
        // frame's style, layout and paint (`drawn`).
        requestAnimationFrame(() => {
          mark('painted');
          setTimeout(() => mark('drawn'), 0);
        });
        // A long article still coming in part by part is locked after its last part.
        if (!article || articleIn) lockAfterFrame();
        else lockWhenIn = true;
      });
    }

    return {
      /** Opens the reader, or closes it if it is open. */
      toggle() {
        if (session?.reveal()) return;
        if (session) session.close();
        else open();
      },
      /** Opens the reader by itself (background/auto-open.js), unless it is open. */
      openQuietly() {
        if (!session) open(true);
      },
      /** Whether the reader is open (or opening): the next toggle closes it. */
      isOpen: () => session !== null,
    };
  }
})(globalThis);

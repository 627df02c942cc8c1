// @ts-check
/**
 * @file Renders the reader overlay: a host element with a closed shadow root
 * holding the styles, the toolbar and the dialog. Knows nothing of messaging,
 * storage or the page's lifecycle; content/content.js (and the playground's
 * reader frame) drive it.
 *
 * A classic script, injected after the files it builds on and before
 * content/content.js, so it publishes `globalThis.quireOverlay` in the
 * isolated world and does nothing when injected again. Its parts, each a
 * classic script loaded before it (background/worker.js lists the order):
 * - shared/quirks.js: browser workarounds (the stylesheet, the clipboard);
 * - ui/styles.js and ui/settings.js: the stylesheet and the settings model;
 * - ui/strings-en.js (generated) and ui/strings.js: the UI strings, from
 *   `_locales/*\/messages.json` through `chrome.i18n`, else English;
 * - ui/dom.js: element builders;
 * - ui/sanitize.js: the second sanitising pass over the article HTML;
 * - ui/render.js: the article renderer, progressive for long articles;
 * - ui/read-aloud.js (optional: the playground has none): read aloud;
 * - ui/toolbar.js: the toolbar and the settings panel;
 * - ui/toc.js, ui/progress.js and ui/fonts.js: the table of contents, the
 *   reading-progress bar and the bundled legible font (each optional here:
 *   node tests load this file without them).
 *
 * Safety: every piece of text goes in with `textContent`. The article HTML,
 * already sanitised by the core, is parsed with DOMParser (which never runs
 * scripts), cleaned once more by ui/sanitize.js as a second line of
 * defence, and adopted node by node. No `innerHTML` anywhere.
 *
 * Closed to the page: the shadow root is closed (the page's `host.shadowRoot`
 * is null), so the page's script cannot read the article or the settings,
 * nor change what the reader shows; the host element carries nothing but its
 * id (settings and state live on elements inside the root). In Firefox a
 * closed root is not enough: the document's selection names the nodes of a
 * shadow tree it lies in (a drag, a double-click, a select-all in the
 * reader), and `getSelection().anchorNode.getRootNode()` is the root. There
 * (`isolate`) the host and its root go into a frame of their own, an
 * about:blank `<iframe>` inside a second closed root on the page's host:
 * the frame's document has its own selection, and the page has no way to
 * its window (a frame in a shadow tree is not in `window.frames`, and the
 * frame has no name). Every control
 * acts on the user's events only (`isTrusted`) all the same, as a second
 * line: a page's synthetic click, key or `change` does nothing.
 */

// `Article` is the global JSDoc type from shared/messages.js; `Settings` and
// `QuireSettings` come from ui/settings.js.

/**
 * @typedef {'loading' | 'article' | 'not-article' | 'error'} OverlayState
 */

/**
 * @typedef {object} Overlay
 * @property {HTMLElement} host The element to attach to the page (id `quire-reader`),
 *   with {@link Overlay.attach}.
 * @property {ShadowRoot} shadow The reader's closed shadow root (only this object
 *   holds it): on `host`, or, isolated, on the host inside the frame.
 * @property {(parent: Element) => void} attach Appends `host` to `parent`;
 *   isolated, then moves the reader into the frame `host` holds (whose
 *   document exists once the frame is on the page).
 * @property {() => Window | null} frameWindow The reader's frame's window
 *   once attached, where the keys typed in the reader go (null unless isolated).
 * @property {() => void} showLoading
 * @property {(article: Article) => void} showArticle
 * @property {(article: Article) => void} showNotArticle Says the page is
 *   probably not an article and offers "Show anyway" (which calls showArticle).
 * @property {(message: string) => void} showError
 * @property {(settings: Settings) => void} setSettings Applies settings (e.g. once loaded).
 * @property {() => Settings} settings The settings in effect.
 * @property {() => void} focus Moves focus into the dialog (a notice's
 *   first action, else the dialog itself) unless it is there already.
 * @property {() => void} dispose Stops listening to the system colour scheme,
 *   resizes and print, stops appending the article, stops reading aloud, and
 *   clears a selection in the reader (a select-all's, say).
 * @property {() => boolean} closePanel Closes the open contents panel (focus
 *   back on its button); false when none was open (Esc then closes the reader).
 * @property {() => Position | null} position Where the reader is in the
 *   article shown (null when no article is shown).
 * @property {(position: Position) => boolean} restorePosition Scrolls to
 *   `position`, unless the reader has scrolled already or no article is shown.
 */

/**
 * @typedef {object} OverlayOptions
 * @property {() => void} onClose Called when the reader asks to close (button).
 * @property {(settings: Settings) => void} [onSettingsChange] Called after the
 *   user changed a setting in the toolbar.
 * @property {Settings} [settings] Initial settings (defaults otherwise).
 * @property {string} [pageUrl] The page's address: the source line of the
 *   Markdown copy, and the site name when the article has none.
 * @property {(article: Article) => Promise<string>} [markdown] The article's
 *   Markdown body, asked for when the reader copies it (the extension asks
 *   the worker; it rejects with the reason when it cannot). Without it, the
 *   article's own `markdown` field is used.
 * @property {boolean} [progressive] Shows an article of over about 4,500
 *   characters) a part at a time: the header and the first screenfuls in
 *   showArticle, the rest appended in a few parts, one per frame, right after (at once for print, select-all or a Ctrl/Cmd
 *   key). `.content` has `aria-busy="true"` until all of it is in. Without
 *   it, showArticle puts in the whole article.
 * @property {(kind: string) => Promise<boolean>} [keep] Keeps a clutter kind on this site from the next
 *   extraction on ("Keep this kind of block on this site", ui/removed.js); resolves to whether it was saved.
 * @property {(includePage: boolean, articleHtml: string) => Promise<ReportBundle>} [report] Builds the
 *   "Report a problem" bundle, which the overlay then saves as a file (ui/removed.js).
 * @property {() => void} [onComplete] Called once the whole article of a
 *   showArticle is in the page (at once without `progressive`), unless
 *   another view or dispose came first.
 * @property {Speech | null} [speech] What Read aloud speaks with (the
 *   extension's goes through the worker's `chrome.tts`); without it, the
 *   page's `speechSynthesis`. Read aloud shows only where ui/read-aloud.js is loaded.
 * @property {ReadAloudPrefs} [readAloudPrefs] Where Read aloud keeps the chosen speed and voice.
 * @property {(doc: Document) => HTMLElement[]} [panelRows] More rows for the end of the settings panel
 *   (the extension's "Always open on this site").
 * @property {(position: Position) => void} [onPosition] Called (at most
 *   about once a second) after the reader scrolled an article.
 * @property {boolean} [isolate] Shows the reader in a frame of its own on
 *   the page (see the file comment): where the document's selection would
 *   name the closed root's nodes to the page (Firefox).
 */

/**
 * What this file publishes as `globalThis.quireOverlay`.
 * @typedef {object} QuireOverlay
 * @property {string} HOST_ID
 * @property {(options: OverlayOptions) => Overlay} createOverlay
 * @property {(iso: string, lang: string | null) => string | null} formatDate
 * @property {(article: Article, pageUrl?: string) => string} articleMarkdown
 * @property {(key: string, ...substitutions: (string | number)[]) => string} t
 *   A UI string from chrome.i18n, else English.
 * @property {Readonly<Record<string, string>>} EN The English strings.
 */

/**
 * The overlay's parts and state, shared by the functions below.
 * @typedef {object} OverlayView
 * @property {Document} doc
 * @property {HTMLElement} host
 * @property {ShadowRoot} shadow
 * @property {HTMLElement} dialog The full-window scroller, role dialog.
 * @property {Toolbar} toolbar
 * @property {HTMLElement} announce A status line for screen readers.
 * @property {HTMLElement} page The article or notice.
 * @property {OverlayOptions} options
 * @property {Settings} settings The settings in effect.
 * @property {Article | null} shown The article shown, if any.
 * @property {HTMLElement | null} firstFocus What {@link focus} focuses: a notice's first action, else the dialog.
 * @property {Appending | null} appending The rest of the article still to be appended (progressive rendering), or null.
 * @property {MediaQueryList | null} darkScheme
 * @property {boolean} copying Whether a Copy as Markdown is under way (one at a time).
 * @property {ReadAloud | null} readAloud The read-aloud player, once Read aloud was first opened.
 * @property {(() => ReadAloud) | null} makeReadAloud Builds the read-aloud player (its panel goes
 *   in on first use, not in the click's first frame); null where there is no read aloud.
 * @property {Toc | null} toc The table of contents (null without ui/toc.js).
 * @property {Progress | null} progress The reading-progress bar (null without ui/progress.js).
 * @property {ReturnType<typeof setTimeout> | undefined} positionTimer A pending onPosition call.
 * @property {ReturnType<typeof setTimeout> | undefined} announceTimer Empties the status line (see {@link say}).
 * @property {boolean} legible Whether the legible font's faces were asked for.
 * @property {ResizeObserver | null} resizes Marks the wide boxes again after a change of size (see {@link watchResizes}).
 * @property {boolean} watching Whether {@link resizes} observes the page yet.
 * @property {boolean} isolated Whether the reader goes in a frame of its own (`isolate`).
 * @property {() => void} unsheet Removes the reader's sheet from its root.
 * @property {Window | null} frameWindow The reader's frame's window, isolated and attached (else null).
 */

(function (/** @type {any} */ root) {
  if (root.quireOverlay) return;

  /** @type {QuireSettings} */
  const settingsApi = root.quireSettings;
  /** @type {QuireQuirks} */
  const quirks = root.quireQuirks;
  /** @type {QuireStrings} */
  const { t, uiLang, uiDir, EN } = root.quireStrings;
  /** @type {QuireDom} */
  const { el, button, focusables } = root.quireDom;
  /** @type {QuireSanitize} */
  const { isSafeUrl } = root.quireSanitize;
  /** @type {QuireRender} */
  const render = root.quireRender;
  /** @type {QuireToolbar} */
  const { createToolbar } = root.quireToolbar;
  /** @type {QuireReadAloud | undefined} */
  const readAloudApi = root.quireReadAloud;
  /** @type {QuireRemoved | undefined} */
  const removedApi = root.quireRemoved;

  const HOST_ID = 'quire-reader';
  const TITLE_ID = 'quire-reader-title';
  /** How often at most a scroll reports the position (options.onPosition). */
  const POSITION_INTERVAL_MS = 1000;
  /**
   * How long the status line shows a message ({@link say}) before it is
   * emptied: long enough to read a saved report's file name, and then its
   * words are no longer text of the dialog before the article.
   */
  const ANNOUNCE_MS = 8000;

  /**
   * A readable date for `iso` in the article's language, or null if the
   * value is not a date.
   * @param {string} iso
   * @param {string | null} lang
   * @returns {string | null}
   */
  function formatDate(iso, lang) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    /** @type {Intl.DateTimeFormatOptions} */
    const style = { year: 'numeric', month: 'long', day: 'numeric' };
    try {
      return date.toLocaleDateString(lang || undefined, style);
    } catch {
      return date.toLocaleDateString(undefined, style); // lang was not a valid tag
    }
  }

  /** @param {string} text */
  function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
  }

  /**
   * Page text (title, byline, site name, date) as Markdown text on one
   * line: whitespace runs to one space, and every character that could open
   * Markdown syntax, raw HTML or an entity (or close a heading) escaped with
   * a backslash. The same function as `escapeMarkdownLine` in www/blocks.js.
   * @param {string} text
   */
  function escapeMarkdownLine(text) {
    return oneLine(text).replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
  }

  /** @param {string} text Markdown text with backslash escapes. */
  function unescapeMarkdown(text) {
    return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  }

  /**
   * The article as a Markdown document: the headline as `#`, a line with
   * byline, site and date, the source address, then the core's Markdown
   * (without its first heading when that repeats the headline).
   * @param {Article} article
   * @param {string} [pageUrl]
   * @returns {string}
   */
  function articleMarkdown(article, pageUrl) {
    const title = oneLine(article.title || t('untitled'));
    const date = article.publishedTime ? formatDate(article.publishedTime, article.lang) : null;
    const about = [article.byline, article.siteName, date]
      .filter((part) => typeof part === 'string' && part.trim() !== '')
      .map((part) => escapeMarkdownLine(String(part)))
      .join(' · ');
    let body = (article.markdown ?? '').trim();
    const first = /^#{1,2}[ \t]+(.+?)[ \t]*(?:\n|$)/.exec(body);
    if (first && oneLine(unescapeMarkdown(first[1])) === title) body = body.slice(first[0].length).trim();
    const blocks = [`# ${escapeMarkdownLine(title)}`];
    if (about) blocks.push(`*${about}*`);
    // An autolink ends at a space or `>`: only a URL without them.
    if (pageUrl && /^https?:[^\s<>]*$/i.test(pageUrl)) blocks.push(`<${pageUrl}>`);
    if (body) blocks.push(body);
    return `${blocks.join('\n\n')}\n`;
  }

  // ---- the dialog ----

  /**
   * The dialog: the whole full-window scroller, so the toolbar is inside
   * the modal for assistive technology too.
   * @param {Document} doc
   */
  function createDialog(doc) {
    const dialog = el(doc, 'div', 'quire');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    // The toolbar, panels and notices in the UI's language and direction
    // (right to left in Arabic); an article sets its own on `.page`.
    dialog.lang = uiLang();
    dialog.dir = uiDir();
    dialog.tabIndex = -1;
    return dialog;
  }

  const MAC = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform);

  /**
   * Whether `event` is the platform's select-all: Cmd+A on macOS, Ctrl+A
   * elsewhere, with no other modifier. The A key by its character, or by
   * its place where the layout types no Latin letter there (Cyrillic, Greek).
   * @param {KeyboardEvent} event
   */
  function isSelectAll(event) {
    if (event.altKey || event.shiftKey || event.isComposing) return false;
    if (MAC ? !event.metaKey || event.ctrlKey : !event.ctrlKey || event.metaKey) return false;
    const key = event.key.length === 1 ? event.key.toLowerCase() : '';
    return key === 'a' || (event.code === 'KeyA' && !/^[a-z]$/.test(key));
  }

  /** Input types whose text a select-all selects. */
  const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

  /**
   * Whether the focused element has a select-all of its own, which the
   * reader leaves alone: a text field (the Markdown box, for one) or
   * editable content. Not a `<select>` (the settings): Chromium and Firefox
   * both answer Ctrl+A there with the document's select-all, the page's text.
   * @param {Element | null} active The shadow root's active element.
   */
  function ownsSelectAll(active) {
    if (!active) return false;
    const name = active.localName;
    if (name === 'textarea') return true;
    if (name === 'input') return TEXT_INPUTS.has(/** @type {HTMLInputElement} */ (active).type);
    return /** @type {HTMLElement} */ (active).isContentEditable === true;
  }

  /**
   * The selection to set and read the reader's with. Chromium's
   * `ShadowRoot.getSelection` (its own): the page's `getSelection()` then
   * names `<html>` for it, as for a mouse drag in the reader, whereas a range
   * of shadow nodes given to the document's selection stays as given, the
   * closed root's nodes there for the page to take. Elsewhere (Firefox) the
   * reader's document's, which takes nodes of the shadow tree and names them
   * to whoever holds that document: the content script isolates the reader
   * there (`isolate`), so that document is the reader's frame's, never the page's.
   * @param {OverlayView} view
   * @returns {Selection | null}
   */
  function selectionOf(view) {
    const { shadow } = view;
    /** @type {{getSelection?: () => Selection | null}} */
    const chromium = /** @type {any} */ (shadow);
    return typeof chromium.getSelection === 'function' ? chromium.getSelection() : view.doc.getSelection();
  }

  /**
   * Selects the reader's text (what select-all selects): the page part of
   * the dialog, from the site name or the notice's heading to the end of the
   * article, and not the Markdown box above it; nothing of the page beneath.
   * The keydown handler has appended the rest of a long article first (it
   * does for every Ctrl or Cmd key).
   * @param {OverlayView} view
   */
  function selectArticle(view) {
    const { page } = view;
    const selection = selectionOf(view);
    if (!selection) return;
    const nodes = Array.from(page.childNodes);
    const start = nodes.findIndex((node) => !(quirks.isElement(node) && node.classList.contains('copy-box')));
    if (start < 0) return;
    selection.setBaseAndExtent(page, start, page, nodes.length);
  }

  /**
   * On close: clears the selection if it lies in the reader (the reader's
   * select-all, or the user's own drag in it), so that none is left behind
   * on the page once the overlay is gone.
   * @param {OverlayView} view
   */
  function clearSelection(view) {
    const selection = selectionOf(view);
    const at = selection?.anchorNode;
    if (selection && at && view.shadow.contains(at)) selection.removeAllRanges();
  }

  /**
   * Keeps Tab inside the dialog while it is open, and keeps the page's own
   * key handlers (site shortcuts) from acting on keys typed in the reader.
   * @param {OverlayView} view
   * @param {() => void} finishArticle
   */
  function trapKeys(view, finishArticle) {
    const { dialog, shadow } = view;
    dialog.addEventListener('keydown', (event) => {
      if (!event.isTrusted) return; // the page's synthetic keys do nothing here
      event.stopPropagation();
      // Select all, find, print and the like want the whole article.
      if (event.ctrlKey || event.metaKey) finishArticle();
      if (isSelectAll(event) && !ownsSelectAll(shadow.activeElement)) {
        // The browser's own would select the page beneath (its menus and
        // forms): the reader's text instead.
        event.preventDefault();
        selectArticle(view);
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = shadow.activeElement;
      if (event.shiftKey && (active === first || !active || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    });
    for (const type of ['keyup', 'keypress']) dialog.addEventListener(type, (event) => event.stopPropagation());
  }

  /**
   * Shows the settings in effect: on the dialog (theme, font, width, line
   * height and text size) and in the toolbar's controls.
   * @param {OverlayView} view
   */
  function applySettings(view) {
    const { dialog, settings } = view;
    const scheme = settings.theme === 'auto' ? (view.darkScheme?.matches ? 'dark' : 'light') : settings.theme;
    dialog.dataset.theme = settings.theme;
    dialog.dataset.scheme = scheme;
    dialog.dataset.font = settings.font;
    dialog.dataset.width = settings.width;
    dialog.dataset.lineHeight = settings.lineHeight;
    dialog.dataset.letterSpacing = settings.letterSpacing;
    dialog.dataset.wordSpacing = settings.wordSpacing;
    dialog.dataset.align = settings.align;
    dialog.dataset.images = settings.images ? 'show' : 'hide';
    /** @type {QuireFonts | undefined} */
    const fonts = root.quireFonts;
    if (settings.font === 'legible' && fonts && !view.legible) {
      view.legible = true;
      // Isolated, the faces go to the frame's document only, once it is there (attach).
      if (!view.isolated || view.frameWindow) void fonts.useLegible(view.doc);
    }
    dialog.dataset.showRemoved = String(settings.showRemoved);
    // CSSOM, not a style attribute: allowed under a page's `style-src` CSP.
    dialog.style.setProperty('--quire-size', `${settings.fontSize}px`);
    view.toolbar.show(settings);
    markScrollables(view);
  }

  /**
   * A code block or table wider than the page scrolls sideways; it can
   * then take focus (so the keyboard can scroll it) and has a name.
   * @param {OverlayView} view
   */
  function markScrollables(view) {
    // Detached (still being built), nothing has a width yet: the resize
    // observer calls this again once the overlay is laid out.
    if (!view.host.isConnected) return;
    watchResizes(view);
    const boxes = Array.from(view.page.querySelectorAll('.content pre, .content .table-scroll'));
    // Every width first, then every change: a read after a change would
    // lay the whole article out again, once per box.
    const scrolling = boxes.map((box) => box.scrollWidth > box.clientWidth + 1);
    boxes.forEach((box, i) => {
      if (scrolling[i]) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', t(box.localName === 'pre' ? 'scrollableCode' : 'scrollableTable'));
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    });
  }

  /**
   * Says `text` to assistive technology (a status line, `role="status"`,
   * which also shows it), and empties the line {@link ANNOUNCE_MS} later:
   * a screen reader has read it by then (emptying a live region says
   * nothing), and an old message is not left in the dialog's text above the
   * headline, where a select-all or a copy of the page's text would take it.
   * @param {OverlayView} view
   * @param {string} text
   */
  function say(view, text) {
    clearTimeout(view.announceTimer);
    view.announceTimer = undefined;
    view.announce.textContent = text;
    if (text) {
      view.announceTimer = setTimeout(() => {
        view.announceTimer = undefined;
        view.announce.textContent = '';
      }, ANNOUNCE_MS);
    }
  }

  /**
   * "Report a problem": asks for the bundle and saves it as a file (ui/removed.js).
   * @param {OverlayView} view
   * @param {boolean} includePage
   */
  async function report(view, includePage) {
    const { options } = view;
    if (!options.report || !removedApi) return;
    try {
      const bundle = await options.report(includePage, view.shown?.content ?? '');
      say(view, t('reportSaved', removedApi.saveReport(view.dialog, bundle)));
    } catch (error) {
      say(view, t('reportFailed', error instanceof Error ? error.message : String(error)));
    }
  }

  /**
   * Copy as Markdown: the shown article's Markdown (asked of
   * `options.markdown` when given) with its header, on the clipboard.
   * @param {OverlayView} view
   */
  async function copyMarkdown(view) {
    const { options } = view;
    const article = view.shown;
    if (!article || view.copying) return; // one copy at a time
    view.copying = true;
    try {
      await copyArticle(view, article);
    } finally {
      view.copying = false;
    }
  }

  /**
   * @param {OverlayView} view
   * @param {Article} article
   */
  async function copyArticle(view, article) {
    const { options } = view;
    let markdown = article.markdown ?? '';
    if (options.markdown) {
      try {
        markdown = await options.markdown(article);
      } catch (error) {
        say(view, t('copyNoMarkdown', error instanceof Error ? error.message : String(error)));
        return;
      }
      if (view.shown !== article) return; // another view replaced it meanwhile
    }
    const text = articleMarkdown({ ...article, markdown }, options.pageUrl);
    if (await quirks.copyText(text)) {
      say(view, t('copied'));
      return;
    }
    showCopyText(view, text);
  }

  /**
   * Where the clipboard cannot be written from here (no async clipboard on a
   * plain http page, or the browser refused it): shows the Markdown in a
   * box, selected, and asks the user to press Ctrl+C (⌘C). Never
   * `execCommand('copy')`, whose `copy` event the page hears, and with which
   * it could change what lands on the clipboard.
   * @param {OverlayView} view
   * @param {string} text
   */
  function showCopyText(view, text) {
    const { doc, page } = view;
    page.querySelector('.copy-box')?.remove();
    const box = el(doc, 'div', 'copy-box');
    // The hint and button are UI text (the page may run the other way).
    box.lang = view.dialog.lang;
    box.dir = view.dialog.dir;
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    const hint = el(doc, 'p', 'copy-hint', t('copyPressKeys', mac ? '⌘C' : 'Ctrl+C'));
    hint.id = 'quire-copy-hint';
    const area = el(doc, 'textarea', 'copy-text');
    area.readOnly = true;
    area.dir = page.dir || 'auto';
    area.value = text;
    area.rows = 8;
    area.setAttribute('aria-describedby', hint.id);
    const done = button(doc, 'secondary copy-done', t('close'), () => {
      box.remove();
      view.toolbar.copy.focus({ preventScroll: true });
    });
    box.append(hint, area, done);
    page.prepend(box);
    area.focus({ preventScroll: true });
    area.select();
    say(view, t('copyPressKeys', mac ? '⌘C' : 'Ctrl+C'));
  }

  /**
   * Read aloud: opens the player and starts reading the whole article (the
   * rest of a long one is appended first), or stops and closes it.
   * @param {OverlayView} view
   * @param {() => void} finishArticle
   */
  function toggleReading(view, finishArticle) {
    if (!view.shown) return;
    if (!view.readAloud && view.makeReadAloud) {
      view.readAloud = view.makeReadAloud();
      view.toolbar.readAloud?.setAttribute('aria-controls', view.readAloud.panel.id);
    }
    if (!view.readAloud) return;
    finishArticle();
    view.readAloud.toggle();
    view.toolbar.readAloud?.setAttribute('aria-expanded', String(view.readAloud.isOpen()));
  }

  /** @param {OverlayView} view */
  function stopReading(view) {
    view.readAloud?.stop();
    view.toolbar.readAloud?.setAttribute('aria-expanded', 'false');
  }

  // ---- views ----

  /**
   * Replaces what the dialog shows.
   * @param {OverlayView} view
   * @param {OverlayState} state
   * @param {Node[]} children
   */
  function show(view, state, children) {
    const { dialog, page, toolbar } = view;
    view.appending?.cancel();
    view.firstFocus = null;
    dialog.dataset.state = state;
    page.className = `page ${state}`;
    page.removeAttribute('lang');
    page.removeAttribute('dir');
    page.replaceChildren(...children);
    say(view, '');
    toolbar.copy.hidden = toolbar.print.hidden = state !== 'article';
    stopReading(view);
    if (toolbar.readAloud) toolbar.readAloud.hidden = state !== 'article';
    view.toc?.update(null);
    clearTimeout(view.positionTimer);
    view.positionTimer = undefined;
    if (state === 'loading') {
      dialog.removeAttribute('aria-labelledby');
      dialog.setAttribute('aria-label', t('readerLabel'));
      dialog.setAttribute('aria-busy', 'true');
    } else {
      dialog.removeAttribute('aria-label');
      dialog.removeAttribute('aria-busy');
      dialog.setAttribute('aria-labelledby', TITLE_ID);
    }
    dialog.scrollTop = 0;
    view.progress?.schedule();
  }

  /** @param {OverlayView} view */
  function showLoading(view) {
    view.shown = null;
    const status = el(view.doc, 'p', 'status', t('loading'));
    status.setAttribute('role', 'status');
    show(view, 'loading', [status]);
  }

  /**
   * The site's name, else the page's host name.
   * @param {Article} article
   * @param {string} [pageUrl]
   */
  function siteName(article, pageUrl) {
    if (article.siteName) return article.siteName;
    try {
      return pageUrl ? new URL(pageUrl).hostname.replace(/^www\./, '') : '';
    } catch {
      return '';
    }
  }

  /**
   * The article's header: site, title, and a line with byline, date and
   * reading time (when it has any).
   * @param {OverlayView} view
   * @param {Article} article
   * @returns {Node[]}
   */
  function articleHeader(view, article) {
    const { doc } = view;
    /** @type {Node[]} */
    const parts = [];
    const site = siteName(article, view.options.pageUrl);
    if (site) parts.push(el(doc, 'p', 'site', site));

    const title = el(doc, 'h1', 'title', article.title || t('untitled'));
    title.id = TITLE_ID;
    parts.push(title);

    const meta = el(doc, 'p', 'meta');
    if (article.byline) meta.append(el(doc, 'span', 'byline', article.byline));
    const date = article.publishedTime ? formatDate(article.publishedTime, article.lang) : null;
    if (article.publishedTime && date) {
      const time = el(doc, 'time', 'date', date);
      time.dateTime = article.publishedTime;
      const span = el(doc, 'span');
      span.append(time);
      meta.append(span);
    }
    if (article.readingMinutes > 0) {
      const minutes = Math.max(1, Math.round(article.readingMinutes));
      // In the UI's language and direction, isolated from the article's;
      // the outer span (which carries the separator) runs as the byline does.
      const reading = el(doc, 'span', 'reading-time', t('readingTime', minutes));
      reading.lang = view.dialog.lang;
      reading.dir = view.dialog.dir;
      const span = el(doc, 'span');
      span.append(reading);
      meta.append(span);
    }
    // A space between the parts (the stylesheet draws the "·" after it): the
    // line's text, copied or read, is words apart, not "Ann Lee2 May".
    for (const part of [...meta.children].slice(1)) part.before(' ');
    if (meta.childNodes.length > 0) parts.push(meta);
    return parts;
  }

  /**
   * The lead image as a figure, unless the content already shows it (maybe
   * in another size: CMSs serve one picture under several URLs).
   * @param {Document} doc
   * @param {Article} article
   * @param {Element} source The parsed content (of a split article, its head).
   * @param {(() => string[]) | null} restUrls The image URLs of a split article's rest.
   * @returns {HTMLElement | null}
   */
  function leadFigure(doc, article, source, restUrls) {
    const lead = article.leadImage;
    if (!lead || !isSafeUrl('src', lead, 'img')) return null;
    const leadKey = render.imageKey(lead);
    const shows = (/** @type {string} */ url) => url === lead || (leadKey !== null && render.imageKey(url) === leadKey);
    if (render.contentImageUrls(source).some(shows) || restUrls?.().some(shows)) return null;
    const figure = el(doc, 'figure', 'lead');
    const img = el(doc, 'img');
    img.alt = '';
    img.loading = 'lazy';
    img.decoding = 'async';
    img.src = lead;
    figure.append(img);
    return figure;
  }

  /**
   * The article's HTML parsed for {@link showArticle}: whole, or with
   * `progressive` only the head of a long one (render.js
   * `splitArticleHtml`), the first frame's part, and then the rest when
   * the next part is due.
   * @param {string} html
   * @param {boolean} progressive
   * @returns {{source: Element, split: SplitArticle | null, chain: Element[]}}
   */
  function parseArticle(html, progressive) {
    const split = progressive ? render.splitArticleHtml(html) : null;
    if (split) {
      const head = render.parseArticleHtml(split.head);
      const chain = render.openChain(head, split);
      if (chain) return { source: head, split, chain };
    }
    return { source: render.parseArticleHtml(html), split: null, chain: [] };
  }

  /**
   * Shows an article: the header and the content, whole, or with
   * `progressive` its first screenfuls now and the rest in the frames after.
   * @param {OverlayView} view
   * @param {Article} article
   */
  function showArticle(view, article) {
    const { doc, options, page } = view;
    view.shown = article;
    const parts = articleHeader(view, article);
    const content = el(doc, 'div', 'content');
    const { source, split, chain } = parseArticle(article.content, Boolean(options.progressive));
    /** @type {Element | null} A split article's rest, once parsed. */
    let rest = null;
    const parseRest = (/** @type {SplitArticle} */ cut) => (rest ??= render.parseArticleHtml(cut.rest));
    const restUrls = split ? () => render.restImageUrls(split.rest) ?? render.contentImageUrls(parseRest(split)) : null;
    const figure = leadFigure(doc, article, source, restUrls);
    if (figure) parts.push(figure);
    parts.push(content);

    // A split article's head is the first part, all of it.
    const copies = render.moveFirstPart(source, content, Boolean(options.progressive) && !split);
    show(view, 'article', parts);
    if (article.lang) page.lang = article.lang;
    // The article's own direction, whatever the UI's (an English article
    // stays left to right in an Arabic UI); left to right when it has none.
    page.dir = article.dir === 'rtl' ? 'rtl' : 'ltr';
    markScrollables(view);
    const complete = () => {
      view.toc?.update(content);
      view.progress?.schedule();
      removedApi?.showRemoved(content, article, options.keep);
      options.onComplete?.();
    };
    if (!split && !source.firstChild) {
      complete();
      return;
    }
    // The rest continues the containers open at the cut (render.js `joinRest`).
    const next = split
      ? () => {
          const body = parseRest(split);
          render.joinRest(body, split, chain, copies);
          return body;
        }
      : source;
    /** @type {Appending} */
    const current = render.appendRest(
      next,
      content,
      copies,
      () => {
        if (view.appending === current) view.appending = null;
      },
      complete,
    );
    view.appending = current;
  }

  /**
   * @param {OverlayView} view
   * @param {OverlayState} state
   * @param {string} heading
   * @param {string} message
   * @param {HTMLButtonElement[]} actions The first one takes focus (now, or
   *   when {@link focus} runs once the overlay is on the page).
   */
  function showNotice(view, state, heading, message, actions) {
    const { doc } = view;
    view.shown = null;
    const title = el(doc, 'h1', 'title', heading);
    title.id = TITLE_ID;
    const detail = el(doc, 'p', 'detail', message);
    const row = el(doc, 'div', 'actions');
    row.append(...actions);
    show(view, state, [title, detail, row]);
    view.firstFocus = actions[0];
    actions[0].focus({ preventScroll: true });
  }

  /**
   * @param {OverlayView} view
   * @param {Article} article
   */
  function showNotArticle(view, article) {
    const { doc, options } = view;
    const anyway = button(doc, 'primary anyway', t('showAnyway'), () => {
      showArticle(view, article);
      view.dialog.focus({ preventScroll: true });
    });
    const back = button(doc, 'secondary back', t('back'), () => options.onClose());
    showNotice(view, 'not-article', t('notArticleTitle'), t('notArticleDetail'), [anyway, back]);
  }

  /**
   * @param {OverlayView} view
   * @param {string} message
   */
  function showError(view, message) {
    const back = button(view.doc, 'primary back', t('back'), () => view.options.onClose());
    showNotice(view, 'error', t('errorTitle'), message, [back]);
  }

  // ---- long reads: contents, progress, where the reader left off ----

  /**
   * The height the sticky toolbar covers at the top of the reader.
   * @param {OverlayView} view
   */
  function barHeight(view) {
    return view.toolbar.bar.getBoundingClientRect().height;
  }

  /**
   * Scrolls the reader (its own scroller, not the page) so that `heading`
   * sits just under the toolbar, and moves focus to it.
   * @param {OverlayView} view
   * @param {HTMLElement} heading
   */
  function jumpTo(view, heading) {
    const { dialog } = view;
    const top = dialog.scrollTop + heading.getBoundingClientRect().top - dialog.getBoundingClientRect().top - barHeight(view) - 8;
    dialog.scrollTo({ top: Math.max(0, top) });
    heading.focus({ preventScroll: true });
  }

  /**
   * The article's content element, when an article is shown.
   * @param {OverlayView} view
   */
  function contentOf(view) {
    return view.shown ? view.page.querySelector('.content') : null;
  }

  /**
   * The article's blocks: the children of the content, or of the wrapper(s)
   * that hold all of it (the core's HTML often comes in one `<div>`).
   * @param {Element} content
   */
  function blocksOf(content) {
    let box = content;
    while (box.children.length === 1 && /^(div|section|article|main)$/.test(box.children[0].localName)) box = box.children[0];
    return box.children;
  }

  /**
   * Where the reader is: the top-level content block at the line under the
   * toolbar, how far into it, and the scrolled fraction.
   * @param {OverlayView} view
   * @returns {Position | null}
   */
  function currentPosition(view) {
    const content = contentOf(view);
    if (!content || !view.host.isConnected) return null;
    const { dialog } = view;
    const fraction = root.quireProgress ? root.quireProgress.fractionOf(dialog.scrollTop, dialog.scrollHeight, dialog.clientHeight) : 0;
    if (dialog.scrollTop <= 0) return { block: 0, offset: 0, fraction: 0 };
    const line = dialog.getBoundingClientRect().top + barHeight(view);
    const blocks = blocksOf(content);
    // The first block whose bottom is below the line (blocks are in order).
    let low = 0;
    let high = blocks.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (blocks[mid].getBoundingClientRect().bottom > line) high = mid;
      else low = mid + 1;
    }
    const block = blocks[low];
    if (!block) return { block: 0, offset: 0, fraction };
    const rect = block.getBoundingClientRect();
    // Negative when the line falls in the margin above the block.
    const offset = rect.height > 0 ? Math.min(1, Math.max(-1, (line - rect.top) / rect.height)) : 0;
    return { block: low, offset, fraction };
  }

  /**
   * @param {OverlayView} view
   * @param {Position} position
   */
  function restorePosition(view, position) {
    const content = contentOf(view);
    const { dialog } = view;
    if (!content || !view.host.isConnected || dialog.scrollTop > 2) return false;
    const block = blocksOf(content)[position.block];
    let top;
    if (block) {
      const rect = block.getBoundingClientRect();
      top = dialog.scrollTop + rect.top - dialog.getBoundingClientRect().top - barHeight(view) + position.offset * rect.height;
    } else {
      top = position.fraction * (dialog.scrollHeight - dialog.clientHeight);
    }
    dialog.scrollTo({ top: Math.max(0, Math.round(top)), behavior: 'instant' });
    view.progress?.schedule();
    return true;
  }

  /**
   * On scroll: the progress bar in the next frame, the position a moment later.
   * @param {OverlayView} view
   */
  function onScroll(view) {
    view.progress?.schedule();
    const report = view.options.onPosition;
    if (!report || !view.shown || view.positionTimer !== undefined) return;
    view.positionTimer = setTimeout(() => {
      view.positionTimer = undefined;
      const position = currentPosition(view);
      if (position) report(position);
    }, POSITION_INTERVAL_MS);
  }

  /**
   * Starts the resize observer (which marks the wide boxes again after each
   * change of size) once the overlay is on the page. Not while it is built
   * and detached: observing asks for a frame at once (to deliver the first
   * observation), and the page's own work in that frame would run while the
   * worker extracts, where the answer can land behind it.
   * @param {OverlayView} view
   */
  function watchResizes(view) {
    if (view.watching || !view.resizes || !view.host.isConnected) return;
    view.watching = true;
    view.resizes.observe(view.page);
  }

  /** @param {OverlayView} view */
  function focus(view) {
    watchResizes(view);
    if (view.shadow.activeElement) return;
    (view.firstFocus?.isConnected ? view.firstFocus : view.dialog).focus({ preventScroll: true });
  }

  /**
   * The faces the first frame draws with (weight and style, font stack) as
   * ui/styles.js names them: the article's serif body and title, and the
   * toolbar's and header's sans.
   */
  const FIRST_FACES = [
    ['400', 'serif'],
    ['italic 400', 'serif'],
    ['700', 'serif'],
    ['400', 'sans'],
    ['500', 'sans'],
    ['600', 'sans'],
  ];

  /**
   * Has the renderer look up the fonts the first frame uses, now, while the
   * worker extracts: a renderer finds each family of a font stack through
   * the browser on its first use (one IPC per name tried: 0.3–6 ms each,
   * 5–10 ms in all on a renderer's first click on corpus pages), and that
   * otherwise happens in the layout of the frame that shows the article. A detached canvas of the isolated world,
   * which the page cannot see, measures a letter in each.
   * @param {Document} doc
   */
  function warmFonts(doc) {
    /** @type {CanvasRenderingContext2D | null} */
    let context = null;
    try {
      context = doc.createElement('canvas').getContext('2d');
    } catch {
      return;
    }
    if (!context) return;
    const css = String(root.quireOverlayStyles ?? '');
    for (const [face, name] of FIRST_FACES) {
      const stack = new RegExp(`--quire-${name}:\\s*([^;]+);`).exec(css)?.[1];
      if (!stack) continue;
      context.font = `${face} 16px ${stack}`;
      context.measureText('Aa');
    }
  }

  /**
   * The page's element of an isolated reader: a host with a closed shadow
   * root that holds only the reader's frame, an about:blank `<iframe>`
   * (same origin as the page, so the content script fills it; no `src`, so
   * no `frame-src` of the page's CSP applies; no name, so no script finds it
   * with `window.open('', name)`). The host is placed and sized as the
   * reader's own (the `:host` rule of ui/styles.js), the frame fills it.
   * @param {Document} doc
   */
  function createFrameHost(doc) {
    const host = doc.createElement('div');
    host.id = HOST_ID;
    const outer = host.attachShadow({ mode: 'closed' });
    const hostRule = /^\s*:host\s*\{[^}]*\}/.exec(String(root.quireOverlayStyles))?.[0] ?? '';
    const css = `${hostRule}
      iframe { display: block; width: 100%; height: 100%; margin: 0; padding: 0; border: 0; background: transparent; color-scheme: light; }
      @media print {
        :host { position: static !important; width: auto !important; height: auto !important; }
        iframe { display: none; }
      }`;
    quirks.adoptSheet(outer, css, outer);
    const frame = doc.createElement('iframe');
    frame.title = t('readerLabel');
    outer.append(frame);
    return { host, root: outer, frame };
  }

  /**
   * Moves the isolated reader's host, with its closed root, to `parent` in
   * `doc` (adopted, listeners and all), with its sheet made again for that
   * document (a sheet is a document's own), keeping where the reader is
   * scrolled to and whether it has the focus (both lost as the nodes leave a
   * document); from then on the reader makes its nodes and reads its
   * selection in `doc`.
   * @param {OverlayView} view
   * @param {Node} parent
   * @param {Document} doc
   * @param {string} css
   */
  function moveReader(view, parent, doc, css) {
    const { dialog } = view;
    const shown = view.host.isConnected;
    const top = dialog.scrollTop;
    const focused = Boolean(view.shadow.activeElement);
    view.unsheet();
    parent.appendChild(view.host);
    view.unsheet = quirks.adoptSheet(view.shadow, css, view.shadow);
    view.doc = doc;
    if (top > 0) dialog.scrollTop = top;
    if (focused) focus(view);
    // A reader on screen already does not fade in again: its animation
    // starts over as it moves, and a printout (a copy made now) would keep
    // its first, transparent frame.
    if (shown) for (const animation of view.page.getAnimations?.() ?? []) animation.finish();
  }

  /**
   * Puts the isolated reader in its frame, once the frame is on the page
   * (its document exists from then on): into the frame's body. A link in
   * the article opens in the tab (`<base target="_top">`), as it does from
   * the page, not in the frame. Throws if the frame has no document: the
   * reader then does not show rather than show where the page can reach it.
   * @param {OverlayView} view
   * @param {HTMLIFrameElement} frame
   * @param {string} css
   * @param {() => void} finishArticle
   */
  function moveIntoFrame(view, frame, css, finishArticle) {
    const frameDoc = frame.contentDocument;
    const win = frameDoc?.defaultView;
    if (!frameDoc || !win) throw new Error('the reader’s frame has no document');
    if (!view.frameWindow) {
      const base = frameDoc.createElement('base');
      base.target = '_top';
      (frameDoc.head ?? frameDoc.documentElement).append(base);
      win.addEventListener('beforeprint', finishArticle);
      // The legible font chosen before (saved settings): its faces, for the frame's document.
      if (view.legible) void root.quireFonts?.useLegible(frameDoc);
    }
    view.frameWindow = win;
    moveReader(view, frameDoc.body ?? frameDoc.documentElement, frameDoc, css);
    markScrollables(view);
  }

  /**
   * Builds the overlay, detached. {@link Overlay.attach} puts it on the page.
   * @param {OverlayOptions} options
   * @returns {Overlay}
   */
  function createOverlay(options) {
    const doc = document;
    const host = doc.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'closed' });
    const css = root.quireOverlayStyles + (removedApi?.STYLES ?? '');
    // Isolated, the sheet goes in once the root is in the frame's document.
    const outer = options.isolate ? createFrameHost(doc) : null;
    const unsheet = outer ? () => {} : quirks.adoptSheet(shadow, css, shadow);
    const dialog = createDialog(doc);
    /** Appends what is left of the article now (print, select-all, find). */
    const finishArticle = () => view.appending?.finish();
    /** @param {Partial<Settings>} delta */
    const change = (delta) => {
      const next = settingsApi.apply(view.settings, delta);
      const before = JSON.stringify(view.settings);
      view.settings = next;
      applySettings(view);
      if (JSON.stringify(next) !== before) options.onSettingsChange?.(next);
    };
    const toolbar = createToolbar(doc, {
      current: () => view.settings,
      change,
      onOpenPanel: () => view.toc?.close(false),
      onCopy: () => void copyMarkdown(view),
      onPrint: () => {
        finishArticle();
        window.print();
      },
      onClose: () => options.onClose(),
      onReadAloud: readAloudApi ? () => toggleReading(view, finishArticle) : undefined,
      panelRows: options.panelRows,
      onReport: options.report && removedApi ? (includePage) => void report(view, includePage) : undefined,
    });
    const announce = el(doc, 'p', 'announce');
    announce.setAttribute('role', 'status');
    const page = el(doc, 'div', 'page');
    /** @type {QuireToc | undefined} */
    const tocApi = root.quireToc;
    /** @type {QuireProgress | undefined} */
    const progressApi = root.quireProgress;
    /** @type {QuireFonts | undefined} */
    const fontsApi = root.quireFonts;
    const toc = tocApi ? tocApi.createToc(doc, { jump: (heading) => jumpTo(view, heading), onOpen: () => toolbar.closePanel() }) : null;
    const progress = progressApi ? progressApi.createProgress(doc, dialog) : null;
    if (toc) toolbar.tools.insertBefore(toc.button, toolbar.copy);
    const makeReadAloud = readAloudApi
      ? () => {
          const player = readAloudApi.createReadAloud({
            doc: view.doc,
            roots: () => Array.from(page.querySelectorAll(':scope > h1.title, :scope > .content')),
            scroller: () => dialog,
            lang: () => view.shown?.lang ?? null,
            speech: options.speech !== undefined ? options.speech : readAloudApi.speechSynthesisSpeech(),
            prefs: options.readAloudPrefs,
          });
          dialog.insertBefore(player.panel, announce);
          return player;
        }
      : null;
    dialog.append(...(progress ? [progress.element] : []), toolbar.bar, toolbar.panel, ...(toc ? [toc.panel] : []), announce, page);
    shadow.append(dialog);
    if (fontsApi) dialog.style.setProperty('--quire-legible', `"${fontsApi.LEGIBLE_FAMILY}", var(--quire-sans)`);

    /** @type {OverlayView} */
    const view = {
      doc, host, shadow, dialog, toolbar, announce, page, options,
      settings: settingsApi.normalise(options.settings ?? settingsApi.DEFAULTS).settings,
      shown: null,
      firstFocus: null,
      appending: null,
      copying: false,
      readAloud: null,
      makeReadAloud,
      toc,
      progress,
      positionTimer: undefined,
      announceTimer: undefined,
      legible: false,
      isolated: Boolean(outer),
      unsheet,
      resizes: null,
      watching: false,
      frameWindow: null,
      darkScheme: typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null,
    };

    const onScheme = () => applySettings(view);
    view.darkScheme?.addEventListener('change', onScheme);
    const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => markScrollables(view)) : null;
    view.resizes = resizes;
    trapKeys(view, finishArticle);
    dialog.addEventListener('scroll', () => onScroll(view), { passive: true });
    // A selection may reach past what is appended yet; a printout must not stop short.
    dialog.addEventListener('selectstart', (event) => {
      if (event.isTrusted) finishArticle();
    });
    window.addEventListener('beforeprint', finishArticle);
    /**
     * The browser's print of the page (its menu, Ctrl+P, the Print button)
     * prints the reader's frame one window high: for the printout the reader
     * comes out of its frame into the page's host, in its closed root, and
     * goes back after. The user selects nothing meanwhile (the print dialog
     * is modal, the printout a copy of the page), and the move drops the
     * frame's selection. Only the browser's own print events move it.
     * @param {Event} event
     */
    const printFromPage = (event) => {
      if (!outer || !view.frameWindow || !event.isTrusted || view.host.getRootNode() === outer.root) return;
      focusedBeforePrint = Boolean(view.shadow.activeElement);
      moveReader(view, outer.root, doc, css);
    };
    /** @param {Event} event */
    const backToFrame = (event) => {
      if (!outer || !view.frameWindow || !event.isTrusted || view.host.getRootNode() !== outer.root) return;
      moveIntoFrame(view, outer.frame, css, finishArticle);
      // Back in the reader, if it was there, once the print is over (the
      // browser puts the focus back on the page after this event).
      if (focusedBeforePrint) setTimeout(() => focus(view), 0);
    };
    let focusedBeforePrint = false;
    if (outer) {
      window.addEventListener('beforeprint', printFromPage);
      window.addEventListener('afterprint', backToFrame);
    }

    applySettings(view);
    // The first date a renderer formats loads the locale data (15–35 ms, in
    // the header's date): done now, while the worker extracts, not in the
    // frame that shows the article.
    formatDate('2000-01-01', doc.documentElement.lang || null);
    // In a task of its own, and only while nothing is shown yet: an answer
    // that came first is drawn with the fonts looked up then.
    setTimeout(() => {
      if (!dialog.dataset.state) warmFonts(doc);
    }, 0);
    return {
      host: outer ? outer.host : host,
      shadow,
      attach(parent) {
        if (!outer) {
          parent.append(host);
          return;
        }
        parent.append(outer.host);
        moveIntoFrame(view, outer.frame, css, finishArticle);
      },
      frameWindow: () => view.frameWindow,
      showLoading: () => showLoading(view),
      showArticle: (article) => showArticle(view, article),
      showNotArticle: (article) => showNotArticle(view, article),
      showError: (message) => showError(view, message),
      setSettings(next) {
        const settings = settingsApi.normalise(next).settings;
        // The same settings again (read while the worker extracted, then
        // given with the answer) change nothing: the answer's frame skips them.
        if (JSON.stringify(settings) === JSON.stringify(view.settings)) return;
        view.settings = settings;
        applySettings(view);
      },
      settings: () => ({ ...view.settings }),
      focus: () => focus(view),
      closePanel: () => view.toc?.close(true) ?? false,
      position: () => currentPosition(view),
      restorePosition: (position) => restorePosition(view, position),
      dispose() {
        clearSelection(view);
        view.appending?.cancel();
        stopReading(view);
        view.progress?.dispose();
        clearTimeout(view.positionTimer);
        clearTimeout(view.announceTimer);
        if (view.legible) fontsApi?.releaseLegible(view.doc);
        window.removeEventListener('beforeprint', finishArticle);
        window.removeEventListener('beforeprint', printFromPage);
        window.removeEventListener('afterprint', backToFrame);
        view.frameWindow?.removeEventListener('beforeprint', finishArticle);
        view.darkScheme?.removeEventListener('change', onScheme);
        resizes?.disconnect();
      },
    };
  }

  /** @type {QuireOverlay} */
  const api = Object.freeze({ HOST_ID, createOverlay, formatDate, articleMarkdown, t, EN });
  root.quireOverlay = api;
})(globalThis);

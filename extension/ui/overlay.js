// @ts-check
/**
 * @file Renders the reader overlay: a host element with an open shadow root
 * holding the styles and the dialog. Knows nothing of messaging or of the
 * page's lifecycle; content/content.js drives it.
 *
 * A classic script (injected after ui/styles.js, before content/content.js),
 * so it publishes `globalThis.quireOverlay` in the isolated world and does
 * nothing when injected again.
 *
 * Safety: every piece of text goes in with `textContent`. The article HTML,
 * already sanitised by the core, is parsed with DOMParser (which never runs
 * scripts), cleaned once more by {@link cleanFragment} as a second line of
 * defence, and imported node by node. No `innerHTML` anywhere.
 */

// `Article` is the global JSDoc type from shared/messages.js.

/**
 * @typedef {object} Overlay
 * @property {HTMLElement} host The element to attach to the page (id `quire-reader`).
 * @property {ShadowRoot} shadow Its open shadow root.
 * @property {() => void} showLoading
 * @property {(article: Article) => void} showArticle
 * @property {(message: string) => void} showError
 * @property {() => void} focus Moves focus into the dialog.
 */

/**
 * @typedef {object} OverlayOptions
 * @property {() => void} onClose Called when the reader asks to close (button).
 */

/**
 * What this file publishes as `globalThis.quireOverlay`.
 * @typedef {object} QuireOverlay
 * @property {string} HOST_ID
 * @property {(options: OverlayOptions) => Overlay} createOverlay
 * @property {(iso: string, lang: string | null) => string | null} formatDate
 */

(function (/** @type {any} */ root) {
  if (root.quireOverlay) return;

  const HOST_ID = 'quire-reader';
  const TITLE_ID = 'quire-reader-title';

  /** Elements dropped with their subtree, whatever the core let through. */
  const DROP = new Set([
    'script', 'style', 'link', 'meta', 'base', 'title', 'head', 'template', 'noscript',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
    'form', 'input', 'button', 'select', 'textarea', 'option', 'dialog',
    'svg', 'math',
  ]);
  /** Attributes that hold a URL. */
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href']);

  /**
   * Whether a URL attribute value is safe to keep. Only http(s), mailto and
   * relative URLs pass, plus `data:image/` for images.
   * @param {string} name
   * @param {string} value
   * @param {string} tag
   */
  function isSafeUrl(name, value, tag) {
    const v = value.trim().replace(/[\u0000-\u001F\u007F\s]+/g, '').toLowerCase();
    if (name === 'srcset') return !/(^|,)(javascript|vbscript|data):/.test(v);
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v);
    if (!scheme) return true; // relative
    if (scheme[1] === 'http' || scheme[1] === 'https' || scheme[1] === 'mailto') return true;
    return scheme[1] === 'data' && tag === 'img' && name === 'src' && v.startsWith('data:image/');
  }

  /**
   * Second line of defence over the core's sanitiser: removes executable or
   * interactive elements, event-handler and style attributes, unsafe URLs.
   * @param {ParentNode} parent
   */
  function cleanFragment(parent) {
    for (const el of Array.from(parent.querySelectorAll('*'))) {
      const tag = el.localName;
      if (DROP.has(tag)) {
        el.remove();
        continue;
      }
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'is') {
          el.removeAttribute(attr.name);
        } else if (URL_ATTRS.has(name) && !isSafeUrl(name, attr.value, tag)) {
          el.removeAttribute(attr.name);
        }
      }
      if (tag === 'a') {
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
  }

  /**
   * Parses sanitised article HTML without running anything and imports it
   * into `doc` as a fragment.
   * @param {string} html
   * @param {Document} doc
   * @returns {DocumentFragment}
   */
  function importArticleHtml(html, doc) {
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    cleanFragment(parsed.body);
    const fragment = doc.createDocumentFragment();
    for (const node of Array.from(parsed.body.childNodes)) {
      fragment.append(doc.importNode(node, true));
    }
    return fragment;
  }

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

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {Document} doc
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * @param {Element} container
   * @returns {HTMLElement[]}
   */
  function focusables(container) {
    const selector = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';
    return /** @type {HTMLElement[]} */ (Array.from(container.querySelectorAll(selector)));
  }

  /**
   * Builds the overlay, detached. Attach `host` to the page to show it.
   * @param {OverlayOptions} options
   * @returns {Overlay}
   */
  function createOverlay(options) {
    const doc = document;
    const host = doc.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'open' });

    const style = el(doc, 'style');
    style.textContent = root.quireOverlayStyles;

    // The dialog is the whole full-window scroller, so the close button in
    // its top bar is inside the modal for assistive technology too.
    const dialog = el(doc, 'div', 'quire');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.tabIndex = -1;
    const bar = el(doc, 'div', 'bar');
    const close = el(doc, 'button', 'close', 'Close reader');
    close.type = 'button';
    close.title = 'Close reader (Esc)';
    close.addEventListener('click', () => options.onClose());
    bar.append(close);

    const page = el(doc, 'div', 'page');

    dialog.append(bar, page);
    shadow.append(style, dialog);

    // Keep Tab inside the dialog while it is open.
    dialog.addEventListener('keydown', (event) => {
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

    /**
     * @param {'loading' | 'article' | 'error'} state
     * @param {Node[]} children
     */
    function render(state, children) {
      dialog.dataset.state = state;
      page.className = `page ${state}`;
      page.replaceChildren(...children);
      if (state === 'loading') {
        dialog.removeAttribute('aria-labelledby');
        dialog.setAttribute('aria-label', 'Quire reader');
        dialog.setAttribute('aria-busy', 'true');
      } else {
        dialog.removeAttribute('aria-label');
        dialog.removeAttribute('aria-busy');
        dialog.setAttribute('aria-labelledby', TITLE_ID);
      }
      dialog.scrollTop = 0;
    }

    function showLoading() {
      const status = el(doc, 'p', 'status', 'Reading this page…');
      status.setAttribute('role', 'status');
      render('loading', [status]);
    }

    /** @param {Article} article */
    function showArticle(article) {
      /** @type {Node[]} */
      const parts = [];
      if (article.siteName) parts.push(el(doc, 'p', 'site', article.siteName));

      const title = el(doc, 'h1', 'title', article.title || 'Untitled');
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
        meta.append(el(doc, 'span', 'reading-time', `${minutes} min read`));
      }
      if (meta.childNodes.length > 0) parts.push(meta);

      const content = el(doc, 'div', 'content');
      content.append(importArticleHtml(article.content, doc));

      // The lead image, unless the content already shows it.
      const lead = article.leadImage;
      if (lead && isSafeUrl('src', lead, 'img')) {
        const shown = Array.from(content.querySelectorAll('img')).some((img) => img.src === lead || img.getAttribute('src') === lead);
        if (!shown) {
          const figure = el(doc, 'figure', 'lead');
          const img = el(doc, 'img');
          img.alt = '';
          img.src = lead;
          figure.append(img);
          parts.push(figure);
        }
      }
      parts.push(content);

      render('article', parts);
      if (article.lang) page.lang = article.lang;
      if (article.dir === 'rtl' || article.dir === 'ltr') page.dir = article.dir;
    }

    /** @param {string} message */
    function showError(message) {
      const title = el(doc, 'h1', 'title', 'Quire couldn’t read this page');
      title.id = TITLE_ID;
      const detail = el(doc, 'p', 'detail', message);
      const back = el(doc, 'button', 'back', 'Back to the page');
      back.type = 'button';
      back.addEventListener('click', () => options.onClose());
      render('error', [title, detail, back]);
      back.focus({ preventScroll: true });
    }

    function focus() {
      if (!shadow.activeElement) dialog.focus({ preventScroll: true });
    }

    return { host, shadow, showLoading, showArticle, showError, focus };
  }

  /** @type {QuireOverlay} */
  const api = Object.freeze({ HOST_ID, createOverlay, formatDate });
  root.quireOverlay = api;
})(globalThis);

// @ts-check
/**
 * @file The table of contents: a toolbar button and a panel listing the
 * article's h2–h4 headings, shown only for an article with at least
 * {@link MIN_HEADINGS} of them. A link scrolls the reader (its own scroller,
 * never the page) to its heading and moves focus there.
 *
 * Keys: the button and the links are reached with Tab; Esc closes an open
 * contents panel first and returns focus to its button (content/content.js
 * asks the overlay, which asks {@link Toc.close}), and only the next Esc
 * closes the reader. The settings panel keeps its behaviour (Esc closes the
 * reader): its changes apply at once and nothing in it needs dismissing.
 *
 * The links are `<a href="#id">` (the heading's id, else `quire-toc-N`: a list of links for assistive
 * technology) whose trusted click is handled here and never navigates: the
 * page's address and `hashchange` stay as they were.
 *
 * A classic script (after ui/dom.js and ui/strings.js); publishes
 * `globalThis.quireToc`.
 */

/**
 * @typedef {object} TocOptions
 * @property {(heading: HTMLElement) => void} jump Scrolls the reader to the heading.
 * @property {() => void} [onOpen] Called when the panel opens (to close other panels).
 */

/**
 * @typedef {object} Toc
 * @property {HTMLButtonElement} button The toolbar button (hidden while there is no contents).
 * @property {HTMLElement} panel The contents panel (hidden at first).
 * @property {(content: Element | null) => number} update Lists the
 *   headings of `content` (null: none); returns how many are listed.
 * @property {() => boolean} isOpen
 * @property {(refocus?: boolean) => boolean} close Closes the panel
 *   (focus back on the button when `refocus`); false when it was closed already.
 */

/**
 * What this file publishes as `globalThis.quireToc`.
 * @typedef {object} QuireToc
 * @property {number} MIN_HEADINGS
 * @property {(doc: Document, options: TocOptions) => Toc} createToc
 * @property {(content: Element) => HTMLElement[]} headingsOf
 */

(function (/** @type {any} */ root) {
  if (root.quireToc) return;

  /** @type {QuireStrings} */
  const { t } = root.quireStrings;
  /** @type {QuireDom} */
  const { el, glyphButton } = root.quireDom;

  const PANEL_ID = 'quire-reader-toc';
  /** Fewer headings than this and the article gets no contents. */
  const MIN_HEADINGS = 3;

  /**
   * The article's h2–h4 headings that have text, in document order.
   * @param {Element} content
   * @returns {HTMLElement[]}
   */
  function headingsOf(content) {
    return /** @type {HTMLElement[]} */ (Array.from(content.querySelectorAll('h2, h3, h4'))).filter(
      (h) => (h.textContent ?? '').trim() !== '',
    );
  }

  /**
   * @param {Document} doc
   * @param {TocOptions} options
   * @returns {Toc}
   */
  function createToc(doc, options) {
    const panel = el(doc, 'nav', 'panel toc');
    panel.id = PANEL_ID;
    panel.hidden = true;
    panel.setAttribute('aria-label', t('contents'));
    const list = el(doc, 'ol', 'toc-list');
    panel.append(list);

    const button = glyphButton(doc, 'tool toc-button', '☰', t('contents'), () => {
      if (panel.hidden) open();
      else close(false);
    });
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', PANEL_ID);
    button.hidden = true;

    function open() {
      options.onOpen?.();
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      const first = /** @type {HTMLElement | null} */ (list.querySelector('a'));
      first?.focus({ preventScroll: true });
    }

    /** @param {boolean} [refocus] */
    function close(refocus = false) {
      if (panel.hidden) return false;
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (refocus) button.focus({ preventScroll: true });
      return true;
    }

    /** @param {Element | null} content */
    function update(content) {
      const headings = content ? headingsOf(content) : [];
      /** @type {HTMLElement[]} */
      const items = [];
      if (headings.length >= MIN_HEADINGS) {
        headings.forEach((heading, i) => {
          // The article's own id stays (its links may point to it).
          if (!heading.id) heading.id = `quire-toc-${i + 1}`;
          const id = heading.id;
          heading.tabIndex = -1;
          const item = el(doc, 'li', `toc-item level-${heading.localName.slice(1)}`);
          const link = el(doc, 'a', 'toc-link', (heading.textContent ?? '').replace(/\s+/g, ' ').trim());
          link.href = `#${id}`;
          link.addEventListener('click', (event) => {
            event.preventDefault(); // never the page's address
            if (!event.isTrusted) return;
            close(false);
            options.jump(heading);
          });
          item.append(link);
          items.push(item);
        });
      }
      list.replaceChildren(...items);
      button.hidden = items.length === 0;
      if (items.length === 0) close(false);
      return items.length;
    }

    return { button, panel, update, isOpen: () => !panel.hidden, close };
  }

  /** @type {QuireToc} */
  const api = Object.freeze({ MIN_HEADINGS, createToc, headingsOf });
  root.quireToc = api;
})(globalThis);

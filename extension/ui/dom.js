// @ts-check
/**
 * @file Small DOM builders the overlay and its toolbar share. Every piece of
 * text goes in with `textContent`; controls act on the user's events only
 * (`isTrusted`), never on ones the page's script dispatches.
 *
 * A classic script; publishes `globalThis.quireDom`.
 */

/**
 * What this file publishes as `globalThis.quireDom`.
 * @typedef {object} QuireDom
 * @property {<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string) => HTMLElementTagNameMap[K]} el
 *   A new element with an optional class and text.
 * @property {(doc: Document, className: string, text: string, onClick: () => void) => HTMLButtonElement} button
 * @property {(doc: Document, className: string, label: string, onClick: () => void) => HTMLButtonElement} labelButton
 *   A button of the reader's chrome: its label drawn by CSS, not text (see {@link LABEL_ATTR}).
 * @property {(doc: Document, className: string, glyph: string, name: string, onClick: () => void) => HTMLButtonElement} glyphButton
 *   A button that shows a glyph (drawn by CSS) and is named by `aria-label`.
 * @property {(node: HTMLButtonElement, glyph: string, name: string) => void} setGlyph
 *   Changes a {@link glyphButton}'s glyph and name (and tooltip).
 * @property {string} LABEL_ATTR The attribute whose value the stylesheet draws as a control's label.
 * @property {(container: Element) => HTMLElement[]} focusables
 *   The elements Tab moves between, in order, skipping hidden ones.
 */

(function (/** @type {any} */ root) {
  if (root.quireDom) return;

  /**
   * The reader's chrome draws its labels and glyphs with CSS generated content
   * (`content: attr(data-quire-label)`, ui/styles.js) and names its controls with
   * `aria-label`: so they look and read as before, but their words are not text
   * of the dialog. A select-all or a drag copies the article alone, and the
   * dialog's `innerText` (what a "copy page text" tool or another extension
   * reading the page picks up) starts with the site name and the headline.
   */
  const LABEL_ATTR = 'data-quire-label';

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
   * A button that does `onClick` when the user clicks it (or presses Enter
   * or Space on it). A click the page's script dispatches (`isTrusted`
   * false: `el.click()`, `dispatchEvent`) does nothing: the shadow root is
   * open, so the page can reach the button.
   * @param {Document} doc
   * @param {string} className
   * @param {string} text
   * @param {() => void} onClick
   */
  function button(doc, className, text, onClick) {
    const node = el(doc, 'button', className, text);
    node.type = 'button';
    node.addEventListener('click', (event) => {
      if (event.isTrusted) onClick();
    });
    return node;
  }

  /**
   * A button of the reader's chrome (Copy as Markdown, Print, Close): it
   * shows `label` (drawn from {@link LABEL_ATTR}) and is named `label` by
   * `aria-label`, with no text of its own.
   * @param {Document} doc
   * @param {string} className
   * @param {string} label
   * @param {() => void} onClick
   */
  function labelButton(doc, className, label, onClick) {
    const node = button(doc, className, '', onClick);
    node.setAttribute(LABEL_ATTR, label);
    node.setAttribute('aria-label', label);
    return node;
  }

  /**
   * A button that shows a glyph (`Aa`, `A+`), drawn from {@link LABEL_ATTR}
   * of an `aria-hidden` span, and is named `name` by `aria-label` (and
   * titled so): assistive technology reads the name, not the glyph.
   * @param {Document} doc
   * @param {string} className
   * @param {string} glyph
   * @param {string} name
   * @param {() => void} onClick
   */
  function glyphButton(doc, className, glyph, name, onClick) {
    const node = button(doc, className, '', onClick);
    const shown = el(doc, 'span', 'glyph');
    shown.setAttribute('aria-hidden', 'true');
    node.append(shown);
    setGlyph(node, glyph, name);
    return node;
  }

  /**
   * @param {HTMLButtonElement} node A {@link glyphButton}.
   * @param {string} glyph
   * @param {string} name
   */
  function setGlyph(node, glyph, name) {
    node.querySelector('.glyph')?.setAttribute(LABEL_ATTR, glyph);
    node.setAttribute('aria-label', name);
    node.title = name;
  }

  /**
   * The elements Tab moves between, in order, skipping hidden ones.
   * @param {Element} container
   * @returns {HTMLElement[]}
   */
  function focusables(container) {
    const selector = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';
    return /** @type {HTMLElement[]} */ (Array.from(container.querySelectorAll(selector))).filter(
      (node) => !node.closest('[hidden]') && node.getClientRects().length > 0,
    );
  }

  /** @type {QuireDom} */
  const api = Object.freeze({ el, button, labelButton, glyphButton, setGlyph, focusables, LABEL_ATTR });
  root.quireDom = api;
})(globalThis);

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
 * @property {(doc: Document, className: string, glyph: string, name: string, onClick: () => void) => HTMLButtonElement} glyphButton
 *   A button that shows a glyph and is named by hidden text.
 * @property {(container: Element) => HTMLElement[]} focusables
 *   The elements Tab moves between, in order, skipping hidden ones.
 */

(function (/** @type {any} */ root) {
  if (root.quireDom) return;

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
   * A button that shows a glyph (`Aa`, `A+`) and is named by hidden text:
   * assistive technology reads the name, not the glyph.
   * @param {Document} doc
   * @param {string} className
   * @param {string} glyph
   * @param {string} name
   * @param {() => void} onClick
   */
  function glyphButton(doc, className, glyph, name, onClick) {
    const node = button(doc, className, '', onClick);
    const shown = el(doc, 'span', 'glyph', glyph);
    shown.setAttribute('aria-hidden', 'true');
    node.append(shown, el(doc, 'span', 'sr', name));
    node.title = name;
    return node;
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
  const api = Object.freeze({ el, button, glyphButton, focusables });
  root.quireDom = api;
})(globalThis);

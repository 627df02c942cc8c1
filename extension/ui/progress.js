// @ts-check
/**
 * @file The reading-progress bar: a thin line along the top of the reader
 * that grows with how far the article is scrolled.
 *
 * Hidden from assistive technology (`aria-hidden`): it repeats what the
 * scroll position already tells, and a `progressbar` updated on every
 * scroll would be noise to a screen reader. No layout work: the bar is a
 * fixed element scaled with `transform: scaleX()`, written at most once a
 * frame (requestAnimationFrame), and the scroll position is read in that
 * frame only.
 *
 * A classic script (after ui/dom.js); publishes `globalThis.quireProgress`.
 */

/**
 * @typedef {object} Progress
 * @property {HTMLElement} element The bar (append it to the scroller).
 * @property {() => void} schedule Updates the bar in the next frame (call on scroll).
 * @property {() => number} fraction How far the scroller is scrolled, 0–1.
 * @property {() => void} dispose Cancels a pending frame.
 */

/**
 * What this file publishes as `globalThis.quireProgress`.
 * @typedef {object} QuireProgress
 * @property {(doc: Document, scroller: HTMLElement) => Progress} createProgress
 * @property {(scrollTop: number, scrollHeight: number, clientHeight: number) => number} fractionOf
 */

(function (/** @type {any} */ root) {
  if (root.quireProgress) return;

  /** @type {QuireDom} */
  const { el } = root.quireDom;

  /**
   * The scrolled fraction, 0–1 (1 when there is nothing to scroll).
   * @param {number} scrollTop
   * @param {number} scrollHeight
   * @param {number} clientHeight
   */
  function fractionOf(scrollTop, scrollHeight, clientHeight) {
    const range = scrollHeight - clientHeight;
    if (!(range > 0)) return 1;
    return Math.min(1, Math.max(0, scrollTop / range));
  }

  /**
   * @param {Document} doc
   * @param {HTMLElement} scroller The reader's scroller (the dialog).
   * @returns {Progress}
   */
  function createProgress(doc, scroller) {
    const element = el(doc, 'div', 'progress');
    element.setAttribute('aria-hidden', 'true');
    const bar = el(doc, 'div', 'progress-bar');
    element.append(bar);
    let frame = 0;
    const fraction = () => fractionOf(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight);
    const draw = () => {
      frame = 0;
      // CSSOM, not a style attribute: allowed under a page's `style-src` CSP.
      bar.style.setProperty('transform', `scaleX(${fraction().toFixed(4)})`);
    };
    return {
      element,
      schedule() {
        if (!frame) frame = requestAnimationFrame(draw);
      },
      fraction,
      dispose() {
        if (frame) cancelAnimationFrame(frame);
        frame = 0;
      },
    };
  }

  /** @type {QuireProgress} */
  const api = Object.freeze({ createProgress, fractionOf });
  root.quireProgress = api;
})(globalThis);

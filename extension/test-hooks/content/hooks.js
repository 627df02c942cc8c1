// @ts-check
/**
 * @file The content script's test hooks in the test and benchmark build
 * (`make dist-test` puts this file in place of content/hooks.js; a release
 * build never holds it). Each step of opening the reader leaves a
 * `quire:<step>` mark on the document's performance timeline, which
 * `make bench-browser` and `make bench-cold` read from the page.
 */

(function (/** @type {any} */ root) {
  if (root.quireHooks) return;
  /** @type {QuireHooks} */
  const api = Object.freeze({
    /** @param {string} name */
    step(name) {
      performance.clearMarks(`quire:${name}`);
      performance.mark(`quire:${name}`);
    },
    /**
     * @param {string} name
     * @param {number} at
     */
    stepAt(name, at) {
      performance.clearMarks(`quire:${name}`);
      performance.mark(`quire:${name}`, { startTime: at });
    },
  });
  root.quireHooks = api;
})(globalThis);

// @ts-check
/**
 * @file The content script's test hooks, as a release build has them: none.
 * A classic script, the reader's second (scripts/build-reader.mjs); publishes
 * `globalThis.quireHooks` in the isolated world.
 *
 * The test and benchmark build (`make dist-test`) puts
 * extension/test-hooks/content/hooks.js in this file's place, whose `step`
 * leaves a mark on the page's performance timeline for `make bench-browser`.
 * A release build leaves nothing there: the page must not learn when the
 * reader opens.
 */

/**
 * @typedef {object} QuireHooks
 * @property {(name: string) => void} step A step of opening the reader (answered, rendered, painted, drawn,
 *   appended, complete), or the end of the reader file's evaluation (evaluated).
 * @property {(name: string, at: number) => void} stepAt A step that happened earlier, at `performance.now()`
 *   time `at` (open, serialised, sent, replied: the click's start, content/page-html.js, keeps their times).
 */

(function (/** @type {any} */ root) {
  if (root.quireHooks) return;
  /** @type {QuireHooks} */
  const api = Object.freeze({ step() {}, stepAt() {} });
  root.quireHooks = api;
})(globalThis);

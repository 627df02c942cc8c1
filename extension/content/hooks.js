// @ts-check
/**
 * @file The content script's test hooks, as a release build has them: none.
 * A classic script, injected before content/request.js; publishes
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
 * @property {(name: string) => void} step A step of opening the reader (open, serialised, sent, replied,
 *   answered, rendered, painted, drawn, appended, complete).
 */

(function (/** @type {any} */ root) {
  if (root.quireHooks) return;
  /** @type {QuireHooks} */
  const api = Object.freeze({ step() {} });
  root.quireHooks = api;
})(globalThis);

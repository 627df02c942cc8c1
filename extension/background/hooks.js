// @ts-check
/**
 * @file The worker's test hooks, as a release build has them: none. Every
 * hook does nothing, and nothing is published on `globalThis`.
 *
 * The test and benchmark build (`make dist-test`, dist/chrome-test) puts
 * extension/test-hooks/background/hooks.js in this file's place: it records
 * each click's timings and publishes them, with the forced trap and the
 * delayed answer the end-to-end tests use, on the worker's global scope,
 * which only DevTools can reach. The release zips never hold that file
 * (tests/js/surface.test.mjs checks).
 */

/**
 * What the worker asks of its hooks.
 * @typedef {object} WorkerHooks
 * @property {(glues: import('./core.js').Glue[]) => import('./core.js').Glue[]} glues
 *   The glue instances the core runs on (the test build arms a forced trap in them).
 * @property {(core: import('./core.js').Core) => void} core The core, once made.
 * @property {(tabId: number) => void} clicked A toolbar click on this tab.
 * @property {(tabId: number) => void} injected The click's content script is injected.
 * @property {(tabId: number, step: 'received' | 'extractStart' | 'optionsRead' | 'extractEnd' | 'replied', htmlChars?: number) => void} step
 *   A step of answering the tab's extract request (answer.js): `optionsRead` once the reader's settings
 *   for it are read, when its extraction starts.
 * @property {(extract: import('./core.js').Core['extract']) => import('./core.js').Core['extract']} extract
 *   The extraction the answers use (the test build can delay it).
 */

/** @returns {WorkerHooks} */
export function createWorkerHooks() {
  return {
    glues: (glues) => glues,
    core() {},
    clicked() {},
    injected() {},
    step() {},
    extract: (extract) => extract,
  };
}

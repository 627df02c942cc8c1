// @ts-check
/**
 * @file The worker's test hooks in the test and benchmark build (`make
 * dist-test` puts this file in place of background/hooks.js; a release build
 * never holds it).
 *
 * Publishes `globalThis.quireWorker` on the worker's global scope, which the
 * end-to-end tests and the browser benchmarks reach through DevTools
 * (nothing else can reach a worker's global scope):
 * - `timings`: when each step of the last clicks happened, in ms since the
 *   epoch (`performance.timeOrigin + performance.now()`, comparable with the
 *   page's `quire:` marks);
 * - `ready()`, `readyMs()`, `instance()`: the core's state;
 * - `trapNext()`: the next extraction first makes the serving wasm instance
 *   trap for real (see {@link forceTrap}), so tests can watch the recovery;
 * - `delayNext(ms)`: the next extraction's answer waits this long (so tests
 *   see the loading notice).
 */

/**
 * `wasmStart`, `wasmEnd`: around the glue's `extract` call for the click's
 * page (the string's copy into the wasm memory, the core, the article built
 * as a JS object), within `optionsRead` … `extractEnd`.
 * @typedef {{tabId: number, click: number, injected?: number, received?: number,
 *   extractStart?: number, optionsRead?: number, wasmStart?: number, wasmEnd?: number,
 *   extractEnd?: number, replied?: number, htmlChars?: number}} ClickTiming
 */

/** How many clicks' timings are kept. */
const MAX_TIMINGS = 16;

/**
 * Makes a live instance trap for real: asks its wasm-bindgen allocator for
 * more than a 32-bit address space can hold. `__wbindgen_malloc` then calls
 * Rust's `abort()`, which is the wasm `unreachable` instruction, so this
 * throws `WebAssembly.RuntimeError: unreachable` from inside the module.
 * @param {unknown} exports What the glue's `default()` resolved to.
 */
export function forceTrap(exports) {
  const malloc = /** @type {{__wbindgen_malloc?: unknown}} */ (exports ?? {}).__wbindgen_malloc;
  if (typeof malloc !== 'function') throw new WebAssembly.RuntimeError('forced trap (this glue exports no allocator)');
  malloc(0xfffffff0, 8);
  throw new Error('the forced trap did not trap');
}

/** @returns {import('../../background/hooks.js').WorkerHooks} */
export function createWorkerHooks() {
  /** @type {ClickTiming[]} the last few clicks, newest last */
  const timings = [];
  const clock = () => performance.timeOrigin + performance.now();
  let trapArmed = false;
  let delayNextMs = 0;
  let readyMs = NaN;
  /** @type {import('../../background/core.js').Core | null} */
  let theCore = null;

  /** @param {number} tabId */
  function timingOf(tabId) {
    for (let i = timings.length - 1; i >= 0; i--) if (timings[i].tabId === tabId) return timings[i];
    return undefined;
  }

  /** @type {any} */ (globalThis).quireWorker = Object.freeze({
    timings,
    ready: () => theCore?.ready(),
    readyMs: () => readyMs,
    instance: () => theCore?.instance(),
    trapNext: () => {
      trapArmed = true;
    },
    /** @param {number} ms */
    delayNext: (ms) => {
      delayNextMs = ms;
    },
  });

  return {
    glues: (glues) =>
      glues.map((glue) => {
        /** @type {unknown} */
        let exports;
        return {
          ...glue,
          default: async (/** @type {any} */ input) => {
            exports = await glue.default(input);
            return exports;
          },
          extract: (/** @type {string} */ html, /** @type {string | undefined} */ url, /** @type {object | undefined} */ options) => {
            const warmUp = url?.startsWith('https://warm-up.invalid/') ?? false;
            if (trapArmed && !warmUp) {
              trapArmed = false;
              forceTrap(exports);
            }
            // The click being answered: the newest with its extraction started and not ended.
            const timing = warmUp ? undefined : timings.findLast((t) => t.extractStart !== undefined && t.extractEnd === undefined);
            if (timing) timing.wasmStart = clock();
            const article = glue.extract(html, url, options);
            if (timing) timing.wasmEnd = clock();
            return article;
          },
        };
      }),
    core(core) {
      theCore = core;
      core.ready().then(() => {
        readyMs = performance.now();
      });
    },
    clicked(tabId) {
      timings.push({ tabId, click: clock() });
      if (timings.length > MAX_TIMINGS) timings.shift();
    },
    injected(tabId) {
      const timing = timingOf(tabId);
      if (timing) timing.injected = clock();
    },
    step(tabId, step, htmlChars) {
      const timing = timingOf(tabId);
      if (!timing) return;
      timing[step] = clock();
      if (htmlChars !== undefined) timing.htmlChars = htmlChars;
    },
    extract: (extract) => async (html, url, extra) => {
      const delay = delayNextMs;
      delayNextMs = 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return extract(html, url, extra);
    },
  };
}

// @ts-check
/**
 * @file The service worker's handle on the wasm core: initialisation,
 * extraction, and recovery after a trap.
 *
 * Why several glue instances: the wasm-bindgen `--target web` glue keeps its
 * instance in module-level state and `init()` returns the existing instance
 * once there is one; it has no public way to start over (that needs
 * wasm-bindgen's `--experimental-reset-state-function`, which wasm-pack does
 * not pass). A wasm trap (`WebAssembly.RuntimeError`: a Rust panic, a stack
 * overflow, running out of memory) can leave that instance's memory and
 * allocator half-updated, so it must not serve another page. The worker
 * therefore imports the same glue under distinct URLs, which gives distinct
 * module instances, and moves to a fresh one after a trap. The compiled
 * `WebAssembly.Module` is shared, so a switch costs an instantiation, not a
 * compile. When the spares run out, the caller restarts the extension.
 *
 * Kept free of `chrome.*` so that node tests can drive it with fake glues.
 */

// `Article` is the global JSDoc type from shared/messages.js (a classic script).

/**
 * The part of a wasm-pack `--target web` glue module this file uses.
 * @typedef {object} Glue
 * @property {(input?: {module_or_path: WebAssembly.Module | URL | string | Promise<WebAssembly.Module>}) => Promise<unknown>} default
 *   Resolves to the instance's exports.
 * @property {(html: string, url: string | undefined, options: object | undefined) => Article} extract
 * @property {(html: string, url: string | undefined, options: object | undefined) => {article?: unknown}} [explain]
 * @property {(content: string) => string} markdownFromHtml
 * @property {() => string} version
 */

/**
 * What the worker asks the core for: no plain text and no Markdown. The
 * reader renders `content`, and Copy as Markdown asks for the Markdown of
 * that `content` when it is clicked ({@link Core.markdown}).
 */
const EXTRACT_OPTIONS = Object.freeze({ text: false, markdown: false });

/**
 * What the reader's settings add to {@link EXTRACT_OPTIONS} (ui/removed.js):
 * the removed blocks to show, and the clutter kinds kept on the page's site.
 * @typedef {{removedBlocks?: boolean, keepKinds?: string[]}} ExtraOptions
 */

/** The answer to a Markdown request once its instance has trapped (until the worker restarts). */
const MARKDOWN_STOPPED = 'Copy as Markdown stopped after an internal error; it works again once the browser restarts the extension’s worker.';

/**
 * How long warm-up runs keep away after a request's answer (see
 * `warmUpRuns`): the reader's first frames, most of a second on a cold start.
 */
export const QUIET_MS = 1000;

/** The answer once every instance has trapped, until the extension has restarted. */
const STOPPED = 'The reader core stopped after an internal error; it is restarting. Try again.';

/**
 * @typedef {object} Core
 * @property {(html: string, url: string, extra?: ExtraOptions) => Promise<{ok: true, article: Article} | {ok: false, error: string}>} extract
 *   Never rejects: failures come back as `{ok: false}`. The article has no
 *   `text` or `markdown` field, and its `clutter` only with `removedBlocks`.
 * @property {(html: string, url: string) => Promise<{ok: true, explanation: object} | {ok: false, error: string}>} explain
 *   Why each block was kept or dropped (the core's `explain`, without its copy of the article), for
 *   "Report a problem"; never rejects.
 * @property {(content: string) => Promise<{ok: true, markdown: string} | {ok: false, error: string}>} markdown
 *   The Markdown of an article's sanitised HTML; never rejects. Runs on its own instance (`markdownGlue`),
 *   started on the first request: a trap there ends Copy as Markdown until the worker restarts, and
 *   never uses up the instances that serve pages (so it never leads to an extension restart).
 * @property {() => void} expect A click is on its way (its request comes once the tab has sent the page):
 *   warm-up runs keep away for `quietMs` from now, as after an answer, so that the request does not find
 *   the worker in one (on a cold start, each run of the not yet optimised core takes tens of ms). The
 *   exception is an instance's first run, not yet made: it goes at once (see `firstWarmUpMs`).
 * @property {() => boolean} exhausted True once every instance that serves pages has trapped.
 * @property {() => number} instance Index of the instance that serves requests (for tests).
 * @property {() => Promise<void>} ready Settles once the serving instance is up (and warmed, when a
 *   warm-up page was given); never rejects.
 */

/**
 * A human-readable message for anything thrown by the core.
 * @param {unknown} error
 */
function describe(error) {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'The reader core failed without a message.';
}

/**
 * @param {object} deps
 * @param {Glue[]} deps.glues The same glue, imported under distinct URLs (at least one): the instances
 *   that serve pages, one after the other.
 * @param {Glue} [deps.markdownGlue] Another distinct import of the glue, for Markdown alone. Without it,
 *   Markdown requests get an error answer.
 * @param {() => Promise<WebAssembly.Module>} deps.compile Compiles the `.wasm` once.
 * @param {string} [deps.warmUp] A small page to extract once as soon as an instance is up. V8
 *   compiles wasm functions lazily, on their first call; without this, the user's first page
 *   pays for compiling most of the core (100–450 ms measured in Chromium 156).
 * @param {number} [deps.warmUpRuns] How many times to extract the warm-up page (default 1). Runs
 *   after the first go one per task (`setTimeout`), so a real request never waits for them; they
 *   make V8 tier the hot functions up from its baseline compiler to its optimising one. They pause
 *   while a request is in and for `quietMs` after its answer: the tab is drawing the reader then,
 *   and on a machine with few cores a warm-up run would take its CPU.
 * @param {number} [deps.quietMs] That pause (default {@link QUIET_MS}).
 * @param {number} [deps.firstWarmUpMs] How long an instance, once up, waits for a click before its first
 *   warm-up run (default 0: the next task). The first run takes tens of ms on a fresh core, and the event
 *   that started a stopped worker (a toolbar click) comes a moment after the instance is up: run first, the
 *   warm-up would hold the click's `onClicked` back until it ends. A click ({@link Core.expect}) or a request
 *   ends the wait: the run goes at once, after the click's injection is under way, while the tab reads the page.
 * @param {() => number} [deps.now] The clock, in milliseconds (default `performance.now`).
 * @returns {Core}
 */
export function createCore({ glues, markdownGlue, compile, warmUp, warmUpRuns = 1, quietMs = QUIET_MS, firstWarmUpMs = 0, now = () => performance.now() }) {
  if (glues.length === 0) throw new Error('createCore needs at least one glue instance');
  const compiled = compile();
  let index = 0;
  /** Warm-up runs wait until this time (see `quietMs`). */
  let quietUntil = -Infinity;
  /** Requests being answered: the warm-up waits for none to be left. */
  let inFlight = 0;
  /** Starts the serving instance's first warm-up run now, while it waits (see `firstWarmUpMs`). */
  let firstRunNow = () => {};
  /** @type {Promise<unknown>} */
  let ready = start(0);

  /** @param {number} i */
  function start(i) {
    const promise = compiled
      .then((module) => glues[i].default({ module_or_path: module }))
      .then(() => {
        if (warmUp === undefined) return undefined;
        // The first run goes before the instance serves: after a trap there,
        // this start settles when the next instance's does. It waits a task,
        // or longer for a click (see `firstWarmUpMs`).
        return new Promise((resolve) => {
          const go = () => {
            if (firstRunNow === runNow) firstRunNow = () => {};
            clearTimeout(timer);
            resolve(warm(i));
          };
          const runNow = () => void setTimeout(go, 0);
          const timer = setTimeout(go, firstWarmUpMs);
          if (index === i) firstRunNow = runNow;
        });
      });
    promise.catch(() => {}); // reported by the request that awaits it
    return promise;
  }

  /**
   * Warms instance `i` up: its first run at once, the others one per task.
   * @param {number} i
   * @returns {Promise<unknown> | undefined} The next instance's start, when this one trapped in its first run.
   */
  function warm(i) {
    const page = /** @type {string} */ (warmUp);
    /** @type {Promise<unknown> | undefined} the next instance's start, after a trap */
    let successor;
    /**
     * One warm-up run; false once it failed. An ordinary error only ends
     * the warm-up (a real request reports a broken core); a trap retires
     * the instance, as it does during a request.
     */
    const once = () => {
      try {
        glues[i].extract(page, 'https://warm-up.invalid/', EXTRACT_OPTIONS);
        return true;
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError && index === i) successor = retire();
        return false;
      }
    };
    if (!once()) return successor;
    let left = warmUpRuns - 1;
    const tick = () => {
      if (left <= 0 || index !== i) return;
      const wait = inFlight > 0 ? quietMs : quietUntil - now();
      if (wait > 0) {
        setTimeout(tick, wait);
        return;
      }
      left -= 1;
      if (once()) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    return undefined;
  }

  /**
   * After a trap (`WebAssembly.RuntimeError`) the serving instance may be
   * corrupt: moves to a fresh one, which serves the next request.
   */
  function retire() {
    index += 1;
    if (index >= glues.length) return undefined;
    ready = start(index);
    return ready;
  }

  /**
   * Runs `work` on the serving instance, once it is ready; moves to a fresh
   * instance after a trap.
   * @template T
   * @param {(glue: Glue) => T} work
   * @returns {Promise<{ok: true, value: T} | {ok: false, error: string}>}
   */
  async function call(work) {
    inFlight += 1;
    firstRunNow();
    try {
      return await serve(work);
    } finally {
      inFlight -= 1;
      quietUntil = now() + quietMs;
    }
  }

  /**
   * {@link call} without the warm-up's bookkeeping.
   * @template T
   * @param {(glue: Glue) => T} work
   * @returns {Promise<{ok: true, value: T} | {ok: false, error: string}>}
   */
  async function serve(work) {
    if (index >= glues.length) {
      return { ok: /** @type {const} */ (false), error: STOPPED };
    }
    try {
      // An instance that traps in its warm-up is retired meanwhile: wait for the one that serves.
      for (let awaited = /** @type {Promise<unknown> | null} */ (null); awaited !== ready; ) {
        awaited = ready;
        await awaited;
      }
    } catch (error) {
      return { ok: /** @type {const} */ (false), error: `The reader core could not start: ${describe(error)}` };
    }
    if (index >= glues.length) {
      return { ok: /** @type {const} */ (false), error: STOPPED };
    }
    try {
      return { ok: /** @type {const} */ (true), value: work(glues[index]) };
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        retire();
        return { ok: /** @type {const} */ (false), error: `The reader core hit an internal error on this page (${describe(error)}).` };
      }
      return { ok: /** @type {const} */ (false), error: describe(error) };
    }
  }

  /**
   * @param {string} html
   * @param {string} url
   * @param {ExtraOptions} [extra]
   */
  async function extract(html, url, extra = {}) {
    // Only what the settings change: otherwise exactly EXTRACT_OPTIONS.
    const options = {
      ...EXTRACT_OPTIONS,
      ...(extra.removedBlocks === true ? { removedBlocks: true } : {}),
      ...(extra.keepKinds?.length ? { keepKinds: extra.keepKinds } : {}),
    };
    const result = await call((glue) => glue.extract(html, url, options));
    if (!result.ok) return result;
    // Empty strings, as they were not asked for, and the clutter report
    // (for the CLI and the playground): the answer leaves them out, but for
    // the removed blocks the reader shows when asked to.
    const article = { ...result.value };
    delete article.text;
    delete article.markdown;
    if (options.removedBlocks !== true) delete /** @type {{clutter?: unknown}} */ (article).clutter;
    return { ok: /** @type {const} */ (true), article };
  }

  /**
   * @param {string} html
   * @param {string} url
   */
  async function explain(html, url) {
    const result = await call((glue) => {
      if (!glue.explain) throw new Error('Explaining is not available here.');
      return glue.explain(html, url, EXTRACT_OPTIONS);
    });
    if (!result.ok) return result;
    const explanation = { ...result.value };
    delete explanation.article;
    return { ok: /** @type {const} */ (true), explanation };
  }

  /** @type {Promise<unknown> | null} the Markdown instance's start, once asked for */
  let markdownReady = null;
  let markdownStopped = false;

  /** @param {string} content */
  async function markdown(content) {
    if (!markdownGlue) return { ok: /** @type {const} */ (false), error: 'Copy as Markdown is not available here.' };
    if (markdownStopped) return { ok: /** @type {const} */ (false), error: MARKDOWN_STOPPED };
    const glue = markdownGlue;
    markdownReady ??= compiled.then((module) => glue.default({ module_or_path: module }));
    try {
      await markdownReady;
    } catch (error) {
      return { ok: /** @type {const} */ (false), error: `The reader core could not start: ${describe(error)}` };
    }
    if (markdownStopped) return { ok: /** @type {const} */ (false), error: MARKDOWN_STOPPED };
    try {
      return { ok: /** @type {const} */ (true), markdown: glue.markdownFromHtml(content) };
    } catch (error) {
      // A trapped instance may be corrupt: it serves no other request.
      if (error instanceof WebAssembly.RuntimeError) markdownStopped = true;
      return { ok: /** @type {const} */ (false), error: describe(error) };
    }
  }

  return {
    extract,
    explain,
    markdown,
    expect() {
      quietUntil = Math.max(quietUntil, now() + quietMs);
      firstRunNow();
    },
    exhausted: () => index >= glues.length,
    instance: () => index,
    ready: () => ready.then(
      () => {},
      () => {},
    ),
  };
}

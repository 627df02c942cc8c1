// @ts-check
/**
 * @file What a toolbar click does in the worker: make a random token for the
 * click and bind both in the gate (gate.js), inject the content script with
 * that token into the tab's top frame (the token first, in the isolated
 * world: see background/worker.js), retrying
 * while the click loses Chromium's page-load race (shared/quirks.js
 * `isLoadRace`), then tell the gate which document the injection reached,
 * or mark the button with why the reader could not open there.
 *
 * Kept free of `chrome.*` (the worker passes `chrome.scripting.executeScript`
 * and `chrome.action` in) so that node tests can drive it.
 */

/**
 * The part of `chrome.action` used to mark a tab's button.
 * @typedef {object} ActionLike
 * @property {(details: {tabId: number, color: string}) => Promise<void>} setBadgeBackgroundColor
 * @property {(details: {tabId: number, text: string}) => Promise<void>} setBadgeText
 * @property {(details: {tabId: number, title: string}) => Promise<void>} setTitle
 */

/**
 * What `chrome.scripting.executeScript` resolves to, as far as this file reads it.
 * @typedef {({documentId?: string} | null)[] | undefined} InjectionResults
 */

/**
 * @typedef {object} Injector
 * @property {(tabId: number) => Promise<void>} click Handles a toolbar click on a tab; never rejects.
 *   Resolves once the content script is injected (or could not be) and the button says so.
 * @property {(tabId: number, token: string) => Promise<InjectionResults>} injectWithRetries The injection with
 *   its retries; rejects with the last error.
 */

/** The badge colour of a tab the reader cannot open on. */
export const FAILURE_COLOR = '#b4382c';

/**
 * Why the reader could not open when the injection went through but reached
 * no frame: Firefox resolves `executeScript` on a page it keeps extensions
 * out of (e.g. about:robots) to `[null]` instead of rejecting.
 */
export const NOT_REACHED = 'the browser does not let extensions into this page';

/**
 * @param {object} deps
 * @param {(tabId: number, token: string) => Promise<InjectionResults>} deps.execute Injects the token and the
 *   content script into the tab's top frame (`chrome.scripting.executeScript`) and resolves to the
 *   content script's results.
 * @param {(error: unknown) => boolean} deps.isLoadRace Whether an injection error is the page-load race.
 * @param {number} deps.retries How many times a lost race is retried.
 * @param {number} deps.retryMs The wait before the first retry; doubled for each next one.
 * @param {{clicked: (tabId: number, token: string) => void, injected: (tabId: number, documentId: string | undefined) => void}} deps.gate
 * @param {() => string} [deps.newToken] A fresh random token for each click (`crypto.randomUUID`).
 * @param {ActionLike} deps.action `chrome.action`
 * @param {() => string} deps.defaultTitle The button's own title (from the manifest).
 * @param {(ms: number) => Promise<void>} [deps.sleep] `setTimeout` by default.
 * @param {(tabId: number) => void} [deps.onInjected] Called once the injection went through (timings).
 * @param {(message: string) => void} [deps.warn] `console.warn` by default.
 * @returns {Injector}
 */
export function createInjector({
  execute,
  isLoadRace,
  retries,
  retryMs,
  gate,
  newToken = () => crypto.randomUUID(),
  action,
  defaultTitle,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  onInjected = () => {},
  warn = (message) => console.warn(message),
}) {
  /**
   * Injects, retrying (after `retryMs`, then twice that, and so on, `retries`
   * times) while the injection keeps losing the page-load race; any other
   * error is thrown at once. Each retry renews the click in the gate, so the
   * waits do not count against the time its request has.
   * @param {number} tabId
   * @param {string} token
   */
  async function injectWithRetries(tabId, token) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await execute(tabId, token);
      } catch (error) {
        if (!isLoadRace(error) || attempt >= retries) throw error;
        await sleep(retryMs * 2 ** attempt);
        gate.clicked(tabId, token);
      }
    }
  }

  /**
   * Shows why the reader could not open on this tab (e.g. a browser page).
   * @param {number} tabId
   * @param {unknown} error
   */
  async function reportFailure(tabId, error) {
    const reason = error instanceof Error ? error.message : String(error);
    warn(`Quire: cannot open the reader on tab ${tabId}: ${reason}`);
    try {
      await action.setBadgeBackgroundColor({ tabId, color: FAILURE_COLOR });
      await action.setBadgeText({ tabId, text: '!' });
      await action.setTitle({ tabId, title: `Quire can’t read this page: ${reason}` });
    } catch {
      // The tab is gone; nothing to tell.
    }
  }

  /**
   * Clears a failure mark left by {@link reportFailure}.
   * @param {number} tabId
   */
  async function clearFailure(tabId) {
    try {
      await action.setBadgeText({ tabId, text: '' });
      await action.setTitle({ tabId, title: defaultTitle() });
    } catch {
      // The tab is gone.
    }
  }

  return {
    injectWithRetries,
    async click(tabId) {
      const token = newToken();
      gate.clicked(tabId, token);
      /** @type {InjectionResults} */
      let results;
      try {
        results = await injectWithRetries(tabId, token);
      } catch (error) {
        await reportFailure(tabId, error);
        return;
      }
      if (Array.isArray(results) && !results.some((result) => result != null)) {
        await reportFailure(tabId, new Error(NOT_REACHED));
        return;
      }
      onInjected(tabId);
      gate.injected(tabId, results?.[0]?.documentId);
      await clearFailure(tabId);
    },
  };
}

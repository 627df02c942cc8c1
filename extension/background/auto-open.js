// @ts-check
/**
 * @file Opening the reader by itself on the sites the user chose (issue 21,
 * item 1).
 *
 * A site is a scheme and a host name (`https://example.com`; the port is left
 * out, as Firefox's match patterns have none). The user turns a site on from
 * the reader ("Always open on this site", content/auto-toggle.js) or the
 * options page; the browser then asks for that one site's host permission
 * (`optional_host_permissions`: none at install), and a small content script
 * (content/auto.js) is registered for it, which asks the worker to open the
 * reader once a page there has loaded. The worker opens it as a toolbar click
 * would, but quietly: a page that is not an article shows nothing
 * (content/content.js).
 *
 * What is on is not kept anywhere else: a site is on while its content script
 * is registered (`persistAcrossSessions`) *and* its permission is granted.
 * Registrations whose permission went (the user removed it in the browser's
 * own settings: `permissions.onRemoved`, or while the extension was not
 * running: {@link AutoOpen.reconcile} at start) are unregistered. Neither
 * registrations nor permissions sync between browsers, so neither does this
 * list (which is why it is not in `storage.sync`).
 *
 * Used by the worker and the options page (an extension page, which may call
 * `chrome.scripting` and `chrome.permissions` itself). Kept free of
 * `chrome.*` (both pass their APIs in) so that node tests can drive it.
 */

/** The id of a site's registered content script is this prefix and the site. */
export const SCRIPT_PREFIX = 'quire-auto ';

/**
 * The files of the registered content script, in order (classic scripts).
 * From the extension's root: Firefox takes a relative path as relative to the
 * page that registers it (the options page registers too).
 */
export const AUTO_FILES = Object.freeze(['/extension/shared/messages.js', '/extension/content/auto.js']);

/** The options page, relative to the extension's root; `?add=SITE` asks to turn SITE on. */
export const OPTIONS_PAGE = 'extension/options/options.html';

/**
 * The site of a page address: `scheme://host` for http and https, else null.
 * @param {string | undefined} url
 * @returns {string | null}
 */
export function siteOf(url) {
  if (typeof url !== 'string') return null;
  /** @type {URL} */
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return null;
  return `${parsed.protocol}//${parsed.hostname}`;
}

/**
 * The match pattern (and host permission) of a site: every page on it.
 * @param {string} site
 */
export function patternOf(site) {
  return `${site}/*`;
}

/**
 * The site as a person reads it: its host name, with the scheme only when it is not https.
 * @param {string} site
 */
export function siteLabel(site) {
  return site.startsWith('https://') ? site.slice('https://'.length) : site;
}

/**
 * The parts of `chrome.scripting` used here.
 * @typedef {object} ScriptingLike
 * @property {() => Promise<{id: string}[]>} getRegisteredContentScripts
 * @property {(scripts: {id: string, js: string[], matches: string[], runAt: 'document_idle', allFrames: boolean,
 *   persistAcrossSessions: boolean}[]) => Promise<unknown>} registerContentScripts
 * @property {(filter: {ids: string[]}) => Promise<unknown>} unregisterContentScripts
 */

/**
 * The parts of `chrome.permissions` used here.
 * @typedef {object} PermissionsLike
 * @property {(permissions: {origins: string[]}) => Promise<boolean>} contains
 * @property {(permissions: {origins: string[]}) => Promise<boolean>} remove
 */

/**
 * @typedef {object} AutoOpen
 * @property {() => Promise<string[]>} list The sites that are on, sorted.
 * @property {(site: string) => Promise<boolean>} isOn
 * @property {(site: string) => Promise<boolean>} enable Registers the site's content script once its
 *   permission is granted; false (and nothing registered) without it.
 * @property {(site: string) => Promise<void>} disable Unregisters the site's content script and gives
 *   its permission back.
 * @property {() => Promise<void>} reconcile Unregisters every site whose permission is gone.
 */

/**
 * @param {object} deps
 * @param {ScriptingLike} deps.scripting `chrome.scripting`
 * @param {PermissionsLike} deps.permissions `chrome.permissions`
 * @returns {AutoOpen}
 */
export function createAutoOpen({ scripting, permissions }) {
  /** The sites with a registered content script, whatever their permission. */
  async function registered() {
    const scripts = await scripting.getRegisteredContentScripts();
    return scripts.filter((s) => s.id.startsWith(SCRIPT_PREFIX)).map((s) => s.id.slice(SCRIPT_PREFIX.length));
  }

  /** @param {string} site */
  async function granted(site) {
    try {
      return await permissions.contains({ origins: [patternOf(site)] });
    } catch {
      return false; // not a pattern the browser accepts
    }
  }

  /** @param {string[]} sites */
  async function unregister(sites) {
    if (sites.length === 0) return;
    await scripting.unregisterContentScripts({ ids: sites.map((site) => SCRIPT_PREFIX + site) });
  }

  /** @type {AutoOpen} */
  const api = {
    async list() {
      const on = [];
      for (const site of await registered()) if (await granted(site)) on.push(site);
      return on.sort();
    },
    async isOn(site) {
      return (await registered()).includes(site) && (await granted(site));
    },
    async enable(site) {
      if (siteOf(site) !== site || !(await granted(site))) return false;
      if ((await registered()).includes(site)) return true;
      try {
        await scripting.registerContentScripts([
          {
            id: SCRIPT_PREFIX + site,
            js: [...AUTO_FILES],
            matches: [patternOf(site)],
            runAt: 'document_idle',
            allFrames: false,
            persistAcrossSessions: true,
          },
        ]);
      } catch (error) {
        // Registered meanwhile (another enable won the race) is fine; anything else is not.
        if (!(await registered()).includes(site)) throw error;
      }
      return true;
    },
    async disable(site) {
      if ((await registered()).includes(site)) {
        try {
          await unregister([site]);
        } catch {
          // Unregistered meanwhile.
        }
      }
      try {
        await permissions.remove({ origins: [patternOf(site)] });
      } catch {
        // Not a pattern the browser accepts, so never granted.
      }
    },
    async reconcile() {
      const gone = [];
      for (const site of await registered()) if (!(await granted(site))) gone.push(site);
      try {
        await unregister(gone);
      } catch {
        // Unregistered meanwhile.
      }
    },
  };
  return api;
}

/**
 * The fields of `chrome.runtime.MessageSender` read here.
 * @typedef {import('./gate.js').Sender & {url?: string}} AutoSender
 */

/**
 * The worker's side of the feature: its answers to the three auto-open
 * messages (shared/messages.js), and the quiet opening itself.
 *
 * - `auto→worker:open`, from content/auto.js on a page of a site that is on:
 *   opens the reader there as a click would (a token in the gate, then the
 *   content script, told that it opens by itself). No answer.
 * - `content→worker:auto-state`, from the reader: `{ok: true, on}` for the
 *   site of the page it is on, or `{ok: false, error}` where there is none.
 * - `content→worker:auto-set` `{on}`, from the reader, on the user's click:
 *   on false, turns the site off; on true, opens the options page in a small
 *   window asking to turn it on (the permission prompt needs a user gesture
 *   in an extension page, which a content script is not); answers `{ok: true, on}`.
 *
 * The site is always that of the sender's page (`sender.url`), never one a
 * message names. Senders are checked as for Markdown (our own content script
 * in a tab's top frame: gate.js `admitMarkdown`); anything else gets no answer.
 * @param {object} deps
 * @param {AutoOpen} deps.autoOpen
 * @param {QuireMessages} deps.messages
 * @param {(sender: AutoSender) => {ok: true} | {ok: false, error: string}} deps.admit gate.admitMarkdown
 * @param {(tabId: number, token: string) => void} deps.clicked gate.clicked: the token the request will echo
 * @param {(tabId: number, documentId: string | undefined) => void} deps.injected gate.injected
 * @param {(tabId: number, token: string) => Promise<({documentId?: string} | null)[] | undefined>} deps.execute
 *   Injects the token and the content script, told that it opens by itself.
 * @param {(site: string) => Promise<unknown>} deps.askToEnable Opens the options page asking to turn the site on.
 * @param {(tabId: number, fn: () => Promise<void>) => Promise<void>} [deps.serialize] Runs `fn` after any
 *   injection under way in the tab (a click's): the two set the same token and flag before their files.
 * @param {(tabId: number) => void} [deps.opening] Called as an automatic opening starts (test timings).
 * @param {() => string} [deps.newToken]
 * @param {(message: string) => void} [deps.warn]
 * @returns {{handles: (message: unknown) => boolean,
 *   listener: (message: unknown, sender: AutoSender, sendResponse: (response: unknown) => void) => boolean}}
 */
export function createAutoOpenAnswerer({
  autoOpen,
  messages,
  admit,
  clicked,
  injected,
  execute,
  askToEnable,
  serialize = (tabId, fn) => fn(),
  opening = () => {},
  newToken = () => crypto.randomUUID(),
  warn = (message) => console.warn(message),
}) {
  const { AUTO_OPEN, AUTO_STATE, AUTO_SET } = messages.MSG;
  const TYPES = [AUTO_OPEN, AUTO_STATE, AUTO_SET];

  /** @param {unknown} message */
  const typeOf = (message) => /** @type {{type?: unknown} | null} */ (message)?.type;

  /**
   * @param {number} tabId
   * @param {string} site
   */
  async function open(tabId, site) {
    if (!(await autoOpen.isOn(site))) return;
    await serialize(tabId, async () => {
      const token = newToken();
      opening(tabId);
      clicked(tabId, token);
      try {
        const results = await execute(tabId, token);
        injected(tabId, results?.[0]?.documentId);
      } catch (error) {
        // Quietly: an automatic opening that cannot happen shows nothing.
        warn(`Quire: could not open the reader by itself on tab ${tabId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  return {
    handles: (message) => TYPES.includes(/** @type {any} */ (typeOf(message))),
    listener(message, sender, sendResponse) {
      const admission = admit(sender);
      if (!admission.ok) {
        warn(`Quire: refused a message: ${admission.error}`);
        return false;
      }
      const tabId = /** @type {number} */ (sender.tab?.id);
      const site = siteOf(sender.url);
      const type = typeOf(message);
      if (type === AUTO_OPEN) {
        if (site) void open(tabId, site);
        return false;
      }
      if (!site) {
        sendResponse({ ok: false, error: 'not a web page' });
        return false;
      }
      /** @param {Promise<boolean>} on */
      const answer = (on) => {
        on.then(
          (value) => sendResponse({ ok: true, on: value }),
          (error) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
        return true;
      };
      if (type === AUTO_STATE) return answer(autoOpen.isOn(site));
      const on = /** @type {{on?: unknown}} */ (message).on;
      if (typeof on !== 'boolean') {
        sendResponse({ ok: false, error: 'Bad request: on must be a boolean' });
        return false;
      }
      if (!on) return answer(autoOpen.disable(site).then(() => false));
      return answer(
        autoOpen.isOn(site).then(async (already) => {
          if (!already) await askToEnable(site);
          return already;
        }),
      );
    },
  };
}

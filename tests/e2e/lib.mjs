// @ts-check
/**
 * Helpers shared by the end-to-end tests and `make run` (scripts/run.mjs):
 * a static file server on 127.0.0.1, Chromium with the unpacked extension,
 * a real toolbar click through the DevTools protocol, and reading and using
 * the overlay inside its closed shadow root.
 *
 * The overlay's shadow root is closed: the page's script gets null from
 * `host.shadowRoot`, and so would a test's `page.evaluate`. The tests reach
 * it as a real page cannot, through DevTools: {@link inReader} finds the
 * host, asks `DOM.describeNode` (with `pierce`) for its shadow root, resolves
 * that node to a JavaScript object and calls the test's function on it
 * (`Runtime.callFunctionOn`). Clicks go through the mouse ({@link
 * clickInReader}), so they are trusted as a user's are.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, extname, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The unpacked release extension that `make dist` assembles (no test hooks). */
export const DIST = join(ROOT, 'dist', 'chrome');
/** The same with the test hooks (`make dist-test`): what the end-to-end tests and browser benchmarks load. */
export const TEST_DIST = join(ROOT, 'dist', 'chrome-test');
/** Debian's Chromium; override with QUIRE_CHROMIUM. */
export const CHROMIUM = process.env.QUIRE_CHROMIUM || '/usr/bin/chromium';

/** The page CSP of a strict news site: no inline script, no wasm, no eval. */
export const STRICT_CSP = "default-src 'none'; img-src *; script-src 'self'; style-src 'self'";

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.wasm': 'application/wasm',
});

/**
 * @typedef {object} Served
 * @property {string} origin e.g. `http://127.0.0.1:41234`
 * @property {(path: string) => string} url Absolute URL of a path on the server.
 * @property {() => Promise<void>} close
 */

/**
 * Serves the files under `root` on 127.0.0.1 (a free port), with extra
 * response headers for HTML documents (e.g. a Content-Security-Policy).
 * @param {object} options
 * @param {string} options.root
 * @param {Record<string, string>} [options.documentHeaders] Added to HTML responses.
 * @param {number} [options.port] Defaults to a free port.
 * @returns {Promise<Served>}
 */
export async function serve({ root, documentHeaders = {}, port = 0 }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
      let file = resolve(base, `.${path}`);
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      /** @type {Record<string, string>} */
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (type.startsWith('text/html')) Object.assign(headers, documentHeaders);
      res.writeHead(200, headers);
      res.end(body);
    } catch (error) {
      const missing = /** @type {{code?: string}} */ (error).code === 'ENOENT' || /** @type {{code?: string}} */ (error).code === 'ENOTDIR';
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(missing ? 'not found' : 'server error');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

/**
 * @typedef {object} Launched
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Worker} worker The extension's service worker.
 * @property {string} extensionId
 * @property {() => Promise<void>} close Closes the browser and removes its profile.
 */

/**
 * Starts Chromium with the unpacked extension in a fresh profile, or in
 * `profile` when given (a browser restart: the caller owns that directory,
 * and `close` leaves it in place).
 * @param {object} [options]
 * @param {string} [options.extensionDir] Defaults to dist/chrome-test.
 * @param {boolean} [options.headless] Defaults to true.
 * @param {string} [options.profile] An existing user-data directory to reuse.
 * @param {boolean} [options.scrollbars] Classic scrollbars that take room, as on
 *   Windows and Linux desktops. Defaults to false: headless Playwright hides them.
 * @param {string[]} [options.args] More command-line switches for Chromium.
 * @returns {Promise<Launched>}
 */
export async function launchWithExtension({ extensionDir = TEST_DIST, headless = true, profile: reuse, scrollbars = false, args = [] } = {}) {
  await stat(join(extensionDir, 'manifest.json')).catch(() => {
    throw new Error(`${extensionDir}/manifest.json is missing: run \`make dist dist-test\` first`);
  });
  const profile = reuse ?? (await mkdtemp(join(tmpdir(), 'quire-profile-')));
  const removeProfile = () => (reuse ? Promise.resolve() : rm(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    ...(scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    await untilListening(worker);
    return {
      context,
      worker,
      extensionId,
      async close() {
        await context.close().catch(() => {});
        await removeProfile();
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    await removeProfile();
    throw error;
  }
}

/**
 * A locale's messages (`_locales/<locale>/messages.json`), placeholders as
 * chrome.i18n resolves them with no substitutions given.
 * @param {string} locale A _locales directory name, e.g. `ar`, `zh_CN`.
 * @returns {Promise<Record<string, string>>}
 */
export async function localeMessages(locale) {
  const raw = JSON.parse(await readFile(join(ROOT, '_locales', locale, 'messages.json'), 'utf8'));
  return Object.fromEntries(Object.entries(raw).map(([key, entry]) => [key, /** @type {{message: string}} */ (entry).message]));
}

/**
 * Starts Chromium with the extension, its UI in `locale`, and says which
 * locale and direction the extension sees there (the caller checks them).
 * Chromium on Linux takes its UI locale from the LANGUAGE environment
 * variable at start (`--lang` only changes which messages.json an extension
 * gets), and only for a locale whose resource file is installed: Debian's
 * chromium-l10n package.
 * @param {string} locale A _locales directory name, e.g. `ar`, `zh_CN`.
 * @returns {Promise<{launched: Launched, locale: string, dir: string}>}
 */
export async function launchInLocale(locale) {
  const saved = process.env.LANGUAGE;
  process.env.LANGUAGE = locale;
  /** @type {Launched} */
  let launched;
  try {
    launched = await launchWithExtension({ args: [`--lang=${locale.replace('_', '-')}`] });
  } finally {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  }
  const seen = await launched.worker.evaluate(() => ({ locale: chrome.i18n.getMessage('@@ui_locale'), dir: chrome.i18n.getMessage('@@bidi_dir') }));
  return { launched, ...seen };
}

/**
 * Waits until a freshly started worker listens for toolbar clicks. Chromium
 * hands a click only to the listeners a worker has registered, and a new
 * extension's worker registers its own as its modules finish loading: a
 * click sent before that (a test that opens a page at once, on a loaded
 * machine) is dropped, not queued.
 * @param {import('playwright-core').Worker} worker
 */
export async function untilListening(worker) {
  const deadline = Date.now() + 15_000;
  while (!(await worker.evaluate(() => chrome.action.onClicked.hasListeners()))) {
    if (Date.now() > deadline) throw new Error('the worker registered no toolbar-click listener within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The newest toolbar click the test build's worker recorded (epoch ms), or
 * null: no click yet, no worker running, or a release build (no hooks).
 * @param {Launched} launched
 * @returns {Promise<{hooks: boolean, lastClick: number | null, uptimeMs: number | null}>}
 */
async function lastClickSeen(launched) {
  const worker = launched.context.serviceWorkers().find((w) => w.url().endsWith('/extension/background/worker.js'));
  if (!worker) return { hooks: true, lastClick: null, uptimeMs: null };
  return worker
    .evaluate(() => {
      const timings = /** @type {any} */ (globalThis).quireWorker?.timings;
      return { hooks: Array.isArray(timings), lastClick: timings?.at(-1)?.click ?? null, uptimeMs: performance.now() };
    })
    .catch(() => ({ hooks: true, lastClick: null, uptimeMs: null }));
}

/**
 * Clicks the extension's toolbar button for `page`'s tab: a real action
 * click (action.onClicked runs and the tab gets its activeTab grant), sent
 * as `Extensions.triggerAction` on a browser-level DevTools session.
 *
 * That command wants the id of the *tab* target, which differs from the
 * page target's id in Chromium 156, and the protocol links the two only
 * through auto-attach trees. So the tab is found by its URL, and the page
 * must be the only tab showing that URL.
 *
 * With the test build, the click must reach the worker's listener: when
 * the worker has not recorded it within 5 s, the click is sent once more
 * and a warning says so (with what the worker showed), so that a click
 * Chromium dropped reads as that, not as a reader that never came.
 * Benchmarks pass `confirm: false`: the check's DevTools calls would run
 * inside the time they measure.
 * @param {Launched} launched
 * @param {import('playwright-core').Page} page
 * @param {{confirm?: boolean}} [options]
 */
export async function clickAction(launched, page, { confirm = true } = {}) {
  const sentAt = Date.now();
  await triggerAction(launched, page);
  if (!confirm) return;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const seen = await lastClickSeen(launched);
    if (!seen.hooks || (seen.lastClick !== null && seen.lastClick >= sentAt - 5)) return;
    if (Date.now() > deadline) {
      console.warn(`# clickAction: the worker recorded no click within 5 s of sending it (worker up ${seen.uptimeMs} ms, last click ${seen.lastClick}); sending it again`);
      await triggerAction(launched, page);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Sends one `Extensions.triggerAction` for `page`'s tab (see {@link clickAction}).
 * @param {Launched} launched
 * @param {import('playwright-core').Page} page
 */
async function triggerAction(launched, page) {
  const browser = launched.context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const session = await browser.newBrowserCDPSession();
  try {
    // Right after a navigation commits, the tab target can still show the old
    // URL for a moment: look again for up to two seconds.
    /** @type {{targetId: string}[]} */
    let tabs = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
      if (tabs.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (tabs.length !== 1) throw new Error(`expected one tab showing ${page.url()}, found ${tabs.length}`);
    await session.send(/** @type {any} */ ('Extensions.triggerAction'), { id: launched.extensionId, targetId: tabs[0].targetId });
  } finally {
    await session.detach();
  }
}

/** @type {WeakMap<import('playwright-core').Page, Promise<import('playwright-core').CDPSession>>} */
const sessions = new WeakMap();

/**
 * A DevTools session on the page, one per page.
 * @param {import('playwright-core').Page} page
 */
function sessionOf(page) {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** The page expression that finds the overlay's host (the playground's reader sits in `#reader`'s document). */
export const HOST = "document.getElementById('quire-reader')";
/** The host in the playground's reader frame. */
export const PLAYGROUND_HOST = "document.getElementById('reader')?.contentDocument?.getElementById('quire-reader')";

/**
 * Calls `fn(root, arg)` in the page, with `root` the overlay's (closed)
 * shadow root, or null when there is no overlay; returns its result (by
 * value; a promise is awaited). Reached through DevTools as a real page
 * cannot (see the file comment). `fn` is sent as source: it may use nothing
 * from the test's scope but `arg`.
 * @template R, A
 * @param {import('playwright-core').Page} page
 * @param {(root: ShadowRoot | null, arg: A) => R} fn
 * @param {A} [arg]
 * @param {string} [host] The expression that finds the host ({@link HOST} by default).
 * @returns {Promise<Awaited<R>>}
 */
export async function inReader(page, fn, arg, host = HOST) {
  const session = await sessionOf(page);
  const objectGroup = 'quire-test';
  try {
    const found = await session.send('Runtime.evaluate', { expression: host, objectGroup });
    /** @type {string | undefined} */
    let rootId;
    if (found.result.objectId && found.result.subtype === 'node') {
      const { node } = await session.send('DOM.describeNode', { objectId: found.result.objectId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (shadow) {
        const resolved = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup });
        rootId = resolved.object.objectId;
      }
    }
    const call = `function (arg) { return (${fn.toString()})(this === undefined || this === globalThis ? null : this, arg); }`;
    const target = rootId ?? (await session.send('Runtime.evaluate', { expression: 'globalThis', objectGroup })).result.objectId;
    const reply = await session.send('Runtime.callFunctionOn', {
      objectId: target,
      functionDeclaration: call,
      arguments: [arg === undefined ? {} : { value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (reply.exceptionDetails) {
      throw new Error(`inReader: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    }
    return reply.result.value;
  } finally {
    await session.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => {});
  }
}

/**
 * Whether the overlay's host element is on the page.
 * @param {import('playwright-core').Page} page
 * @param {string} [host]
 */
export async function hostPresent(page, host = HOST) {
  const session = await sessionOf(page);
  const { result } = await session.send('Runtime.evaluate', { expression: `Boolean(${host})`, returnByValue: true });
  return result.value === true;
}

/**
 * Waits until `fn(root, arg)` (see {@link inReader}) returns something truthy, and returns it.
 * @template R, A
 * @param {import('playwright-core').Page} page
 * @param {(root: ShadowRoot | null, arg: A) => R} fn
 * @param {A} [arg]
 * @param {{timeout?: number, host?: string}} [options] timeout in ms (10 s by default)
 * @returns {Promise<Awaited<R>>}
 */
export async function waitInReader(page, fn, arg, { timeout = 10_000, host = HOST } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    /** @type {Awaited<R> | undefined} */
    let value;
    try {
      value = await inReader(page, fn, arg, host);
    } catch (error) {
      // A navigation can destroy the context mid-call: try again.
      if (Date.now() > deadline) throw error;
    }
    if (value) return /** @type {Awaited<R>} */ (value);
    if (Date.now() > deadline) throw new Error(`waitInReader: timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Clicks the element `selector` finds in the reader with the mouse (a
 * trusted click, as a user's), once it is there and has a size; scrolls it
 * into view first.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 * @param {string} [host]
 */
export async function clickInReader(page, selector, host = HOST) {
  const box = await waitInReader(
    page,
    (root, sel) => {
      const el = root?.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    selector,
    { host },
  );
  if (!box) throw new Error(`clickInReader: no ${selector}`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Focuses the element `selector` finds in the reader (as a script would;
 * the keys a test then presses are trusted).
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
export async function focusInReader(page, selector) {
  const focused = await inReader(
    page,
    (root, sel) => {
      const el = /** @type {HTMLElement | null | undefined} */ (root?.querySelector(sel));
      el?.focus();
      return Boolean(el) && root?.activeElement === el;
    },
    selector,
  );
  if (!focused) throw new Error(`focusInReader: could not focus ${selector}`);
}

/**
 * @typedef {object} OverlayView
 * @property {boolean} present Whether the host element is on the page.
 * @property {string | null} state 'loading' | 'article' | 'error'
 * @property {string} title
 * @property {string} siteName
 * @property {string} byline
 * @property {string} date
 * @property {string | null} dateTime
 * @property {string} readingTime
 * @property {string | null} leadImage
 * @property {string[]} paragraphs Text of the content's paragraphs, whitespace collapsed.
 * @property {string} text All text in the dialog.
 * @property {string | null} role
 * @property {string | null} ariaModal
 * @property {string | null} labelText Text of the element that labels the dialog.
 * @property {boolean} focusInside Whether focus is inside the overlay.
 */

/**
 * Reads the overlay from its closed shadow root (through DevTools).
 * @param {import('playwright-core').Page} page
 * @param {string} [host]
 * @returns {Promise<OverlayView>}
 */
export async function readOverlay(page, host = HOST) {
  const present = await hostPresent(page, host);
  const view = await inReader(
    page,
    (root) => {
      const dialog = root && root.querySelector('[role="dialog"]');
      /** @param {string} sel */
      const text = (sel) => (root && root.querySelector(sel)?.textContent?.trim()) || '';
      const labelId = dialog?.getAttribute('aria-labelledby');
      const lead = root?.querySelector('.lead img');
      return {
        state: dialog instanceof HTMLElement ? dialog.dataset.state || null : null,
        title: text('h1'),
        siteName: text('.site'),
        byline: text('.byline'),
        date: text('time'),
        dateTime: root?.querySelector('time')?.getAttribute('datetime') ?? null,
        readingTime: text('.reading-time'),
        leadImage: lead ? lead.getAttribute('src') : null,
        paragraphs: root ? Array.from(root.querySelectorAll('.content p'), (p) => (p.textContent || '').replace(/\s+/g, ' ').trim()).filter(Boolean) : [],
        text: dialog?.textContent?.replace(/\s+/g, ' ').trim() || '',
        role: dialog?.getAttribute('role') ?? null,
        ariaModal: dialog?.getAttribute('aria-modal') ?? null,
        labelText: (labelId && root?.getElementById(labelId)?.textContent?.trim()) || null,
        focusInside: Boolean(root?.activeElement) && root?.host.ownerDocument.activeElement === root?.host,
      };
    },
    undefined,
    host,
  );
  return { present, ...view };
}

/**
 * The reader's state (`data-state` of its dialog), or null without one.
 * @param {import('playwright-core').Page} page
 * @param {string} [host]
 * @returns {Promise<string | null>}
 */
export function readerState(page, host = HOST) {
  return inReader(
    page,
    (root) => {
      const dialog = root?.querySelector('[role="dialog"]');
      return dialog instanceof HTMLElement ? dialog.dataset.state || null : null;
    },
    undefined,
    host,
  );
}

/**
 * What the worker of the test build saw of the last clicks (the
 * `quireWorker.timings` of extension/test-hooks/background/hooks.js: click,
 * injected, request received, extracted, replied) and how long its core took
 * to get ready, for the message of a test whose reader did not show: it tells a
 * click that never reached the worker from one whose injection or answer
 * went astray.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string>}
 */
async function workerSide(page) {
  try {
    const worker = page.context().serviceWorkers().find((w) => w.url().endsWith('/extension/background/worker.js'));
    if (!worker) return 'the worker is not running';
    const seen = await worker.evaluate(() => {
      const hooks = /** @type {any} */ (globalThis).quireWorker;
      return JSON.stringify({ coreReadyMs: hooks?.readyMs?.() ?? null, clicks: hooks?.timings?.slice(-3) ?? null });
    });
    return `the worker saw ${seen}`;
  } catch (error) {
    return `the worker could not be asked (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * Waits until the overlay shows its final content (a whole article, every
 * part of a long one in, a "not an article" notice or an error, not the
 * loading placeholder) and returns what it shows.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 * @param {string} [host]
 */
export async function waitForOverlay(page, timeout = 15_000, host = HOST) {
  try {
    await waitInReader(
      page,
      (root) => {
        const dialog = root?.querySelector('[role="dialog"]');
        if (!(dialog instanceof HTMLElement)) return false;
        // An article shown in parts is read once its last part is in.
        if (dialog.dataset.state === 'article') return !root?.querySelector('.content[aria-busy]');
        return ['not-article', 'error'].includes(dialog.dataset.state || '');
      },
      undefined,
      { timeout, host },
    );
  } catch (error) {
    // Say what the page showed instead: no reader at all (the click did not
    // inject, or a second injection closed it) or one stuck loading.
    const seen = await inReader(
      page,
      (root) => {
        const dialog = root?.querySelector('[role="dialog"]');
        return root ? `a reader in state ${dialog instanceof HTMLElement ? dialog.dataset.state : 'unknown'}` : 'no reader';
      },
      undefined,
      host,
    ).catch(() => 'nothing (the page is gone)');
    const worker = await workerSide(page);
    throw new Error(`the reader did not show its content within ${timeout} ms; the page shows ${seen}; ${worker}`, { cause: error });
  }
  return readOverlay(page, host);
}

/**
 * Waits until the reader has locked the page's scroll (the root's overflow
 * is hidden). The content script locks it in the first task after the frame
 * that shows the overlay, so it comes a moment after {@link waitForOverlay}.
 * @param {import('playwright-core').Page} page
 */
export async function waitForPageLock(page) {
  try {
    await page.waitForFunction(() => getComputedStyle(document.documentElement).overflow === 'hidden', undefined, { timeout: 2_000 });
  } catch (error) {
    throw new Error('the page scroll was not locked within 2 s of the reader showing', { cause: error });
  }
}

/**
 * Waits until the overlay's host element is gone.
 * @param {import('playwright-core').Page} page
 */
export async function waitForOverlayGone(page) {
  await page.waitForFunction(() => !document.getElementById('quire-reader'), undefined, { timeout: 10_000 });
}

/**
 * Normalises text the way the clutter corpus scores it
 * (../shared/corpus/clutter/README.md, "Matching"): Unicode NFC, invisible
 * format characters removed, every run of whitespace (no-break spaces
 * included) one space, trimmed.
 * @param {string} text
 */
export function normaliseText(text) {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The article text the overlay shows, as a reader sees it: `innerText` of
 * everything in the reader's page area (headline, meta, lead image, content),
 * so blocks are separated by line breaks; the toolbar's own labels are left out.
 * @param {import('playwright-core').Page} page
 */
export function readOverlayArticleText(page) {
  return inReader(page, (root) => {
    const area = root?.querySelector('.content')?.parentElement;
    return area instanceof HTMLElement ? area.innerText : '';
  });
}

/**
 * The DevTools target ids of the extension's running service workers.
 * @param {Launched} launched
 * @returns {Promise<string[]>}
 */
export async function serviceWorkerTargets(launched) {
  const browser = launched.context.browser();
  if (!browser) throw new Error('no browser behind this context');
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos
      .filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${launched.extensionId}/`))
      .map((t) => t.targetId);
  } finally {
    await session.detach();
  }
}

/**
 * The extension's service workers that Playwright has seen start, oldest
 * first: the last is the one started most recently.
 * @param {Launched} launched
 */
export function extensionWorkers(launched) {
  return launched.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${launched.extensionId}/`));
}

/**
 * Stops the extension's service worker, as the browser does after 30 s idle
 * (`ServiceWorker.stopAllWorkers`, which only a page-level DevTools session
 * offers), and waits until it is gone. The next toolbar click starts a new
 * one. `launched.worker` is stale afterwards.
 * @param {Launched} launched
 */
export async function stopServiceWorkers(launched) {
  // A session on a page that is already open: opening and closing a tab for
  // it would switch tabs, and a tab switch wakes the worker again (see
  // worker.js, `wake`). A page opened here stays open for the same reason.
  const page = launched.context.pages()[0] ?? (await launched.context.newPage());
  const session = await launched.context.newCDPSession(page);
  try {
    await session.send('ServiceWorker.enable');
    // Asked again every second: a tab event (a load finishing) can wake it
    // again meanwhile.
    for (let attempt = 0; attempt < 50; attempt++) {
      if (attempt % 10 === 0) await session.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 100));
      if ((await serviceWorkerTargets(launched)).length === 0) break;
    }
    const left = await serviceWorkerTargets(launched);
    if (left.length > 0) throw new Error(`the service worker is still running: ${left.join(', ')}`);
  } finally {
    await session.detach();
  }
}

/**
 * Runs `fn(shadowOf, arg)` in the content script's isolated world of
 * `page`'s top frame (injected by the extension's worker with
 * `chrome.scripting.executeScript`), where `shadowOf(host)` opens any shadow
 * root, closed ones too (`chrome.dom.openOrClosedShadowRoot`); returns its
 * result. The tab must have been clicked in its current document (the
 * click's activeTab grant is what lets the worker inject). For what must
 * watch the reader frame by frame from the moment it appears, which a
 * DevTools round trip cannot. `fn` is sent as source.
 * @template R, A
 * @param {Launched} launched
 * @param {import('playwright-core').Page} page
 * @param {(shadowOf: (host: Element) => ShadowRoot | null, arg: A) => R} fn
 * @param {A} [arg]
 * @returns {Promise<Awaited<R>>}
 */
export async function inContentWorld(launched, page, fn, arg) {
  const worker = extensionWorkers(launched).at(-1) ?? launched.worker;
  const func = `function (arg) { return (${fn.toString()})((host) => chrome.dom.openOrClosedShadowRoot(host) ?? null, arg); }`;
  // An expression, not a function: the worker gets `func` as a real function
  // (the extension's CSP allows no eval), which executeScript then injects.
  const expression = `(async () => {
    const url = ${JSON.stringify(page.url())};
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (!tab || tab.id === undefined) throw new Error('no tab the extension may reach shows ' + url + ' (click it first)');
    const [result] = await chrome.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, func: ${func}, args: [${JSON.stringify(arg ?? null)}] });
    return result && result.result;
  })()`;
  return /** @type {Promise<Awaited<R>>} */ (worker.evaluate(expression));
}

/** axe-core's source, evaluated in a page for an audit. */
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * One rule axe-core found broken.
 * @typedef {object} AxeViolation
 * @property {string} id The rule.
 * @property {string | null} impact minor, moderate, serious or critical.
 * @property {number} nodes How many elements break it.
 * @property {string} help What the rule asks.
 * @property {string[]} targets The selectors of those elements.
 */

/**
 * @typedef {object} AxeAudit
 * @property {AxeViolation[]} violations
 * @property {number} contrastChecked How many elements axe checked the contrast of (a guard against auditing nothing).
 * @property {string[]} incomplete The rules axe could not decide, with their node counts.
 */

/**
 * Runs axe-core over the open reader, inside its closed shadow root, or with
 * `reader` false over the page's own document (an extension page). The root
 * is closed, so axe (which walks `shadowRoot`) would see an empty host:
 * DevTools hands the test the root ({@link inReader}), and for the audit
 * alone the host's `shadowRoot` gives it back to axe; a page has no such way
 * in. axe cannot work out background colours for an element outside
 * <body>, and the host sits on <html>; it is fixed and fills the viewport
 * with an opaque background, so it looks the same in <body>: it is audited
 * there, then put back. `page.evaluate` is not subject to the page's CSP.
 * @param {import('playwright-core').Page} page
 * @param {boolean} [reader]
 * @returns {Promise<AxeAudit>}
 */
export async function auditReader(page, reader = true) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  if (reader) {
    await inReader(page, (root) => {
      const w = /** @type {any} */ (window);
      w.quireAuditRoot = root;
      const own = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot'));
      w.quireAuditRestore = () => Object.defineProperty(Element.prototype, 'shadowRoot', own);
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get() {
          return this.id === 'quire-reader' ? w.quireAuditRoot : own.get?.call(this);
        },
      });
    });
  }
  return page.evaluate(async (reader) => {
    const axe = /** @type {any} */ (window).axe;
    /** @type {any} */
    let result;
    if (reader) {
      const host = /** @type {HTMLElement} */ (document.getElementById('quire-reader'));
      const home = /** @type {Node} */ (host.parentNode);
      document.body.append(host);
      try {
        result = await axe.run({ include: [['#quire-reader']] });
      } finally {
        home.appendChild(host);
        /** @type {any} */ (window).quireAuditRestore();
        delete (/** @type {any} */ (window).quireAuditRoot);
      }
    } else {
      result = await axe.run(document);
    }
    const contrast = result.passes.find((/** @type {any} */ r) => r.id === 'color-contrast');
    return {
      violations: result.violations.map((/** @type {any} */ v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        help: v.help,
        targets: v.nodes.map((/** @type {any} */ n) => n.target.join(' ')),
      })),
      contrastChecked: contrast ? contrast.nodes.length : 0,
      incomplete: result.incomplete.map((/** @type {any} */ r) => `${r.id} (${r.nodes.length})`),
    };
  }, reader);
}

/**
 * Picks `value` in the reader's settings select `name` with the keyboard, as
 * a user does (a synthetic `change` event does nothing), and checks it took.
 * @param {import('playwright-core').Page} page
 * @param {string} name The select's name (a settings field).
 * @param {string} value
 */
export async function choose(page, name, value) {
  const selector = `select[name="${name}"]`;
  const read = () =>
    inReader(
      page,
      (root, sel) => {
        const select = /** @type {HTMLSelectElement} */ (root?.querySelector(sel));
        return { values: Array.from(select.options, (o) => o.value), value: select.value };
      },
      selector,
    );
  const { values, value: start } = await read();
  const to = values.indexOf(value);
  assert.ok(to >= 0, `${name} has no choice ${value}`);
  await focusInReader(page, selector);
  for (let at = values.indexOf(start); at !== to; at += at < to ? 1 : -1) {
    await page.keyboard.press(at < to ? 'ArrowDown' : 'ArrowUp');
  }
  assert.equal((await read()).value, value);
}

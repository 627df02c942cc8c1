// @ts-check
/**
 * Helpers for the Firefox end-to-end tests: headless Firefox ESR (Debian's
 * firefox-esr) driven over Marionette (./marionette.mjs), dist/firefox
 * installed as an add-on, a real click on Quire's toolbar button in the
 * browser window, and reading and using the overlay inside its closed shadow
 * root.
 *
 * The click. Firefox starts with `--remote-allow-system-access`, which lets
 * Marionette switch to the *chrome* context: the browser window's own
 * document, where Quire's button is a XUL element like any other. The button
 * sits in the unified extensions panel until pinned; {@link launchFirefox}
 * pins it to the navigation toolbar as a user does ("Pin to Toolbar",
 * CustomizableUI, kept in the profile). {@link clickToolbarButton} then finds
 * the button element and clicks it with `WebDriver:ElementClick`, which
 * synthesizes a trusted mouse down and up at the button's centre through the
 * window's widget layer: Firefox runs its own click handling (the
 * extension gets `action.onClicked` and the tab its activeTab grant). No
 * test hook in the extension is called.
 *
 * The closed shadow root. The page's script gets null from
 * `host.shadowRoot`. Marionette runs a script in a sandbox with the system
 * principal when asked for the `system` sandbox; there the chrome-only
 * `Element.openOrClosedShadowRoot` hands over the root ({@link inReader}).
 * Scripts without it run as the page's own script would (Marionette's mutable
 * sandbox, the page's principal, no Xray wrappers), though the page's CSP does
 * not apply to them ({@link inPage}).
 */
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marionette } from './marionette.mjs';
import { STRICT_CSP, serve } from '../e2e/lib.mjs';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The unpacked Firefox build that `make dist` assembles. */
export const FF_DIST = join(ROOT, 'dist', 'firefox');
/** The same, zipped (`make dist`): what a user installs. */
export const FF_ZIP = join(ROOT, 'dist', 'quire-firefox.zip');
/** Debian's Firefox ESR; override with QUIRE_FIREFOX. */
export const FIREFOX = process.env.QUIRE_FIREFOX || '/usr/bin/firefox';
/** The add-on id (manifest.json, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'quire@quire.invalid';
/**
 * The id of the toolbar item Firefox makes for the add-on's action: the
 * add-on id with every character but letters, digits, `-` and `_` made `_`,
 * then `-browser-action` (ExtensionCommon.makeWidgetId).
 */
export const WIDGET_ID = `${ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
/** The button inside that item that runs the action (the other one opens its menu). */
export const BUTTON_SELECTOR = `#${WIDGET_ID} .unified-extensions-item-action-button`;

/** Keys as WebDriver names them. */
export const KEY = /** @type {const} */ ({ Escape: '\uE00C', Tab: '\uE004', ArrowDown: '\uE015', ArrowUp: '\uE013', Enter: '\uE007', Control: '\uE009' });

/** Whether Firefox is installed where the tests look for it. */
export async function firefoxInstalled() {
  return stat(FIREFOX).then(() => true, () => false);
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  await new Promise((ok) => server.close(() => ok(undefined)));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Preferences for a quiet test profile. Requests to any host but 127.0.0.1
 * go to a proxy that is not there (the corpus pages name images on their
 * real hosts), so they fail at once instead of waiting on the network.
 * @param {number} port Marionette's port.
 */
function userPrefs(port) {
  /** @type {Record<string, string | number | boolean>} */
  const prefs = {
    'marionette.port': port,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'browser.tabs.warnOnClose': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'toolkit.startup.max_resumed_crashes': -1,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '127.0.0.1,localhost',
    'network.dns.disableIPv6': true,
    // An add-on installed from the unsigned zip (the browser-restart test):
    // Firefox ESR honours this, release Firefox does not.
    'xpinstall.signatures.required': false,
  };
  if (process.env.QUIRE_FIREFOX_DEBUG) {
    // The browser console (the add-on's background script included) on stderr.
    Object.assign(prefs, { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true, 'browser.dom.window.dump.enabled': true });
  }
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/**
 * @typedef {object} Firefox
 * @property {Marionette} m The Marionette connection (a session is open).
 * @property {string} profile The profile directory.
 * @property {string} home The handle of the first tab (kept open: closing the last tab closes the window).
 * @property {(options?: {keepProfile?: boolean}) => Promise<void>} close Quits Firefox (a clean shutdown) and removes the profile unless the caller owns it or asks to keep it.
 */

/**
 * Starts headless Firefox in a fresh profile, or in `profile` (a browser
 * restart: the caller owns that directory), installs Quire and pins its
 * button to the toolbar.
 * @param {object} [options]
 * @param {string} [options.profile] An existing profile directory to reuse.
 * @param {'temporary' | 'permanent' | 'none'} [options.install] `temporary`
 *   (default): dist/firefox as a temporary add-on, as about:debugging loads
 *   one, gone at shutdown with its storage; `permanent`: the zip as a user
 *   installs it, kept across restarts; `none`: what the profile already has.
 * @param {string} [options.extensionDir] The unpacked add-on a temporary
 *   install loads; dist/firefox by default.
 * @param {number} [options.width]
 * @param {number} [options.height]
 * @returns {Promise<Firefox>}
 */
export async function launchFirefox({ profile: reuse, install = 'temporary', extensionDir = FF_DIST, width = 1280, height = 900 } = {}) {
  const source = install === 'permanent' ? FF_ZIP : extensionDir;
  if (install !== 'none') {
    await stat(install === 'permanent' ? FF_ZIP : join(extensionDir, 'manifest.json')).catch(() => {
      throw new Error(`${source} is missing: run \`make dist\` first`);
    });
  }
  if (!(await firefoxInstalled())) throw new Error(`no Firefox at ${FIREFOX}: make test-firefox installs firefox-esr (or set QUIRE_FIREFOX)`);
  const profile = reuse ?? (await mkdtemp(join(tmpdir(), 'quire-ff-profile-')));
  const port = await freePort();
  await writeFile(join(profile, 'user.js'), `${userPrefs(port)}\n`);
  const child = spawn(
    FIREFOX,
    ['--headless', '--marionette', '--remote-allow-system-access', '--no-remote', '--new-instance', '--profile', profile],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS_WIDTH: String(width), MOZ_HEADLESS_HEIGHT: String(height) } },
  );
  /** @type {string[]} */
  const log = [];
  const keep = (/** @type {Buffer} */ chunk) => {
    if (process.env.QUIRE_FIREFOX_DEBUG) process.stderr.write(chunk);
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((ok) => {
    child.once('exit', ok);
    child.once('error', ok);
  });
  /** @type {Marionette | undefined} */
  let connected;
  try {
    const m = await Marionette.connect(port, 60_000);
    connected = m;
    // Marionette reads the capabilities from the parameters themselves. A
    // page's own alert() (some corpus pages call one on load) is accepted,
    // not reported as an error on the next command.
    await m.send('WebDriver:NewSession', { acceptInsecureCerts: true, 'moz:webdriverClick': true, unhandledPromptBehavior: 'accept' });
    await m.send('WebDriver:SetTimeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
    if (install !== 'none') {
      const { value } = await m.send('Addon:Install', { path: source, temporary: install === 'temporary' });
      if (value !== ADDON_ID) throw new Error(`installed ${value}, not ${ADDON_ID}`);
    }
    await inChrome(m, async () => {
      // Pin the button to the toolbar (the user's "Pin to Toolbar"), once the
      // add-on's startup has created its widget.
      const placed = await waitFor(
        () =>
          m.send('WebDriver:ExecuteScript', {
            script: `const id = arguments[0];
              const placed = CustomizableUI.getPlacementOfWidget(id);
              if (!placed) return null;
              if (placed.area !== CustomizableUI.AREA_NAVBAR) CustomizableUI.addWidgetToArea(id, CustomizableUI.AREA_NAVBAR);
              return document.getElementById(id) ? CustomizableUI.getPlacementOfWidget(id)?.area : null;`,
            args: [WIDGET_ID],
          }),
        (r) => r.value === 'nav-bar',
        15_000,
        'Quire’s toolbar button',
      );
      if (placed.value !== 'nav-bar') throw new Error('the button is not on the toolbar');
    });
    const home = (await m.send('WebDriver:GetWindowHandle')).value;
    const connection = m;
    return {
      m: connection,
      profile,
      home,
      async close({ keepProfile = false } = {}) {
        await connection.send('Marionette:Quit', { flags: ['eAttemptQuit'] }).catch(() => {});
        connection.close();
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
        if (!reuse && !keepProfile) await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    connected?.close();
    child.kill('SIGKILL');
    await exited;
    if (!reuse) await rm(profile, { recursive: true, force: true });
    throw new Error(`Firefox did not start for the test: ${error instanceof Error ? error.message : error}\n${log.join('').slice(-3000)}`, { cause: error });
  }
}

/**
 * Polls `get` until `ok` holds for its value (or `timeout` ms pass), returns the last value.
 * @template T
 * @param {() => Promise<T>} get
 * @param {(value: T) => boolean} ok
 * @param {number} timeout
 * @param {string} what For the error message.
 * @returns {Promise<T>}
 */
export async function waitFor(get, ok, timeout, what) {
  const deadline = Date.now() + timeout;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await get();
      if (ok(value)) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}`, lastError ? { cause: lastError } : undefined);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Runs `fn` with Marionette in the chrome context (the browser window), then
 * switches back to content.
 * @template T
 * @param {Marionette} m
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function inChrome(m, fn) {
  await m.send('Marionette:SetContext', { value: 'chrome' });
  try {
    return await fn();
  } finally {
    await m.send('Marionette:SetContext', { value: 'content' });
  }
}

/**
 * Clicks Quire's button in the browser's toolbar for the selected tab: a
 * trusted mouse click on the button element (see the file comment).
 * @param {Firefox} ff
 */
export async function clickToolbarButton(ff) {
  await inChrome(ff.m, async () => {
    const found = await ff.m.send('WebDriver:FindElement', { using: 'css selector', value: BUTTON_SELECTOR });
    await ff.m.send('WebDriver:ElementClick', { id: Object.values(found.value)[0] });
  });
}

/**
 * Opens `url` in a new tab and selects it; returns its handle. A reader
 * clicks after reading the page a moment: wait `settle` ms after the load.
 * @param {Firefox} ff
 * @param {string} url
 * @param {number} [settle]
 */
export async function openTab(ff, url, settle = 300) {
  const { handle } = await ff.m.send('WebDriver:NewWindow', { type: 'tab', focus: true });
  await ff.m.send('WebDriver:SwitchToWindow', { handle, focus: true });
  await ff.m.send('WebDriver:Navigate', { url });
  if (settle) await new Promise((r) => setTimeout(r, settle));
  return handle;
}

/**
 * Closes the selected tab and selects the first one again.
 * @param {Firefox} ff
 */
export async function closeTab(ff) {
  await ff.m.send('WebDriver:CloseWindow');
  await ff.m.send('WebDriver:SwitchToWindow', { handle: ff.home, focus: true });
}

/**
 * The JavaScript source that calls `fn` (sent as source: it may use nothing
 * from the test's scope but its arguments) with `first` and the script's
 * first argument, and returns its result (a promise is awaited).
 * @param {Function} fn
 * @param {string} first
 */
function call(fn, first) {
  return `return (${fn.toString()})(${first}, arguments[0]);`;
}

/**
 * Runs `fn(arg)` in the selected tab as the page's own script would (see the
 * file comment); returns its result by value.
 * @template R, A
 * @param {Firefox} ff
 * @param {(arg: A) => R} fn
 * @param {A} [arg]
 * @returns {Promise<Awaited<R>>}
 */
export async function inPage(ff, fn, arg) {
  const { value } = await ff.m.send('WebDriver:ExecuteScript', {
    script: `return (${fn.toString()})(arguments[0]);`,
    args: [arg === undefined ? null : arg],
  });
  return value;
}

/** The page expression that finds the overlay's host. */
export const HOST = "document.getElementById('quire-reader')";

/**
 * The expression (with the system principal) for the reader's closed shadow
 * root, or null: in Firefox the page's host holds, in a closed root of its
 * own, the reader's frame, and the reader's host with its root is in the
 * frame's document (ui/overlay.js `isolate`), or, while the browser prints,
 * beside the frame; a host without a frame is the reader's own.
 */
export const READER_ROOT = `((outer) => {
  const frame = outer?.querySelector('iframe');
  if (!frame) return outer;
  const host = outer.getElementById('quire-reader') ?? frame.contentDocument?.getElementById('quire-reader');
  return host?.openOrClosedShadowRoot ?? null;
})(${HOST}?.openOrClosedShadowRoot ?? null)`;

/**
 * Calls `fn(root, arg)` in the selected tab, with `root` the overlay's
 * (closed) shadow root ({@link READER_ROOT}: in Firefox it is in the
 * reader's frame, so `document` there is the page's and
 * `root.host.ownerDocument` the reader's), or null when there is no overlay; returns its result
 * by value. Runs with the system principal (see the file comment), so the
 * page's objects are seen through Xray wrappers: their DOM, never the page
 * script's own properties.
 * @template R, A
 * @param {Firefox} ff
 * @param {(root: ShadowRoot | null, arg: A) => R} fn
 * @param {A} [arg]
 * @returns {Promise<Awaited<R>>}
 */
export async function inReader(ff, fn, arg) {
  const { value } = await ff.m.send('WebDriver:ExecuteScript', {
    script: call(fn, READER_ROOT),
    args: [arg === undefined ? null : arg],
    sandbox: 'system',
  });
  return value;
}

/**
 * Waits until `fn(root, arg)` (see {@link inReader}) returns something truthy, and returns it.
 * @template R, A
 * @param {Firefox} ff
 * @param {(root: ShadowRoot | null, arg: A) => R} fn
 * @param {A} [arg]
 * @param {number} [timeout] ms, 10 s by default
 * @returns {Promise<Awaited<R>>}
 */
export function waitInReader(ff, fn, arg, timeout = 10_000) {
  return waitFor(() => inReader(ff, fn, arg), Boolean, timeout, fn.toString().slice(0, 200));
}

/**
 * @typedef {object} OverlayView
 * @property {boolean} present Whether the host element is on the page.
 * @property {string | null} state 'loading' | 'article' | 'not-article' | 'error'
 * @property {string} title
 * @property {string} byline
 * @property {string | null} dateTime
 * @property {string[]} paragraphs Text of the content's paragraphs, whitespace collapsed.
 * @property {string} text All text in the dialog.
 * @property {string | null} role
 * @property {string | null} ariaModal
 * @property {string | null} labelText Text of the element that labels the dialog.
 * @property {boolean} focusInside Whether focus is inside the overlay.
 */

/**
 * Reads the overlay from its closed shadow root.
 * @param {Firefox} ff
 * @returns {Promise<OverlayView>}
 */
export function readOverlay(ff) {
  return inReader(ff, (root) => {
    const dialog = root && root.querySelector('[role="dialog"]');
    /** @param {string} sel */
    const text = (sel) => (root && root.querySelector(sel)?.textContent?.trim()) || '';
    const labelId = dialog?.getAttribute('aria-labelledby');
    return {
      present: Boolean(document.getElementById('quire-reader')),
      state: dialog ? dialog.getAttribute('data-state') : null,
      title: text('h1'),
      byline: text('.byline'),
      dateTime: root?.querySelector('time')?.getAttribute('datetime') ?? null,
      paragraphs: root ? Array.from(root.querySelectorAll('.content p'), (p) => (p.textContent || '').replace(/\s+/g, ' ').trim()).filter(Boolean) : [],
      text: dialog?.textContent?.replace(/\s+/g, ' ').trim() || '',
      role: dialog?.getAttribute('role') ?? null,
      ariaModal: dialog?.getAttribute('aria-modal') ?? null,
      labelText: (labelId && root?.getElementById(labelId)?.textContent?.trim()) || null,
      // Focus in the reader's root, in its document, and (the page's side) on its host.
      focusInside: Boolean(root?.activeElement) && root?.host.ownerDocument.activeElement === root?.host && document.activeElement === document.getElementById('quire-reader'),
    };
  });
}

/**
 * Waits until the overlay shows its final content (a whole article, every
 * part of a long one in, a "not an article" notice or an error, not the
 * loading placeholder) and returns what it shows.
 * @param {Firefox} ff
 * @param {number} [timeout]
 */
export async function waitForOverlay(ff, timeout = 15_000) {
  try {
    await waitInReader(
      ff,
      (root) => {
        const state = root?.querySelector('[role="dialog"]')?.getAttribute('data-state') || '';
        // An article shown in parts is read once its last part is in.
        if (state === 'article') return !root?.querySelector('.content[aria-busy]');
        return ['not-article', 'error'].includes(state);
      },
      undefined,
      timeout,
    );
  } catch (error) {
    const seen = await inReader(ff, (root) => (root ? `a reader in state ${root.querySelector('[role="dialog"]')?.getAttribute('data-state')}` : 'no reader')).catch(
      () => 'nothing (the page is gone)',
    );
    throw new Error(`the reader did not show its content within ${timeout} ms; the page shows ${seen}`, { cause: error });
  }
  return readOverlay(ff);
}

/**
 * Waits until the reader has locked the page's scroll (the root's overflow is hidden).
 * @param {Firefox} ff
 */
export function waitForPageLock(ff) {
  return waitFor(() => inPage(ff, () => getComputedStyle(document.documentElement).overflow), (v) => v === 'hidden', 2_000, 'the page scroll lock');
}

/**
 * Waits until the overlay's host element is gone.
 * @param {Firefox} ff
 */
export function waitForOverlayGone(ff) {
  return waitFor(() => inPage(ff, () => !document.getElementById('quire-reader')), Boolean, 10_000, 'the reader to close');
}

/**
 * The article text the overlay shows, as a reader sees it: `innerText` of
 * the reader's page area (headline, meta, lead image, content).
 * @param {Firefox} ff
 */
export function readOverlayArticleText(ff) {
  return inReader(ff, (root) => {
    const area = root?.querySelector('.content')?.parentElement;
    return area ? /** @type {HTMLElement} */ (area).innerText : '';
  });
}

/**
 * Presses and releases `key` (a {@link KEY} value or a character): trusted
 * key events to the focused element of the selected tab.
 * @param {Firefox} ff
 * @param {string} key
 */
export async function press(ff, key) {
  await ff.m.send('WebDriver:PerformActions', {
    actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
  });
  await ff.m.send('WebDriver:ReleaseActions');
}

/**
 * Presses `key` with `modifier` held (Ctrl+A: `pressWith(ff, KEY.Control, 'a')`):
 * trusted key events to the focused element of the selected tab.
 * @param {Firefox} ff
 * @param {string} modifier A {@link KEY} value.
 * @param {string} key
 */
export async function pressWith(ff, modifier, key) {
  const actions = [
    { type: 'keyDown', value: modifier },
    { type: 'keyDown', value: key },
    { type: 'keyUp', value: key },
    { type: 'keyUp', value: modifier },
  ];
  await ff.m.send('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  await ff.m.send('WebDriver:ReleaseActions');
}

/**
 * Clicks with the mouse at viewport point (`x`, `y`) of the selected tab.
 * @param {Firefox} ff
 * @param {number} x
 * @param {number} y
 */
export async function mouseClick(ff, x, y) {
  await ff.m.send('WebDriver:PerformActions', {
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  await ff.m.send('WebDriver:ReleaseActions');
}

/**
 * Clicks the element `selector` finds in the reader with the mouse (a
 * trusted click, as a user's), once it is there and has a size; scrolls it
 * into view first.
 * @param {Firefox} ff
 * @param {string} selector
 */
export async function clickInReader(ff, selector) {
  const box = await waitInReader(
    ff,
    (root, sel) => {
      const el = root?.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    selector,
  );
  if (!box) throw new Error(`clickInReader: no ${selector}`);
  await mouseClick(ff, box.x, box.y);
}

/**
 * Focuses the element `selector` finds in the reader (as a script would;
 * the keys a test then presses are trusted).
 * @param {Firefox} ff
 * @param {string} selector
 */
export async function focusInReader(ff, selector) {
  const focused = await inReader(
    ff,
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
 * Why the Firefox tests are skipped, or false to run them: they run when
 * Firefox is installed, and always under CI=true (where a missing Firefox
 * fails them).
 */
/**
 * Picks `value` in the reader's settings select `name` with the keyboard
 * (trusted key events: the reader ignores an untrusted `change`), and checks
 * it took.
 * @param {Firefox} ff
 * @param {string} name The select's name (a settings field).
 * @param {string} value
 */
export async function choose(ff, name, value) {
  const selector = `select[name="${name}"]`;
  const read = () =>
    inReader(
      ff,
      (root, sel) => {
        const select = /** @type {HTMLSelectElement} */ (root?.querySelector(sel));
        return { values: Array.from(select.options, (o) => o.value), value: select.value };
      },
      selector,
    );
  const { values, value: start } = await read();
  const to = values.indexOf(value);
  assert.ok(to >= 0, `${name} has no choice ${value}`);
  await focusInReader(ff, selector);
  for (let at = values.indexOf(start); at !== to; at += at < to ? 1 : -1) {
    await press(ff, at < to ? KEY.ArrowDown : KEY.ArrowUp);
  }
  assert.equal((await read()).value, value);
}

export const SKIP = (await firefoxInstalled()) || process.env.CI === 'true' ? false : `no Firefox at ${FIREFOX} (make test-firefox installs firefox-esr; or set QUIRE_FIREFOX)`;

/** The end-to-end tests' own pages (tests/e2e/fixtures). */
export const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');

/**
 * A test file's pages and browser: registers the file's `before`, which
 * serves `root` with the strict CSP and launches Firefox ({@link launchFirefox}),
 * then hands both to `ready`; and its `after`, which closes both. Nothing is
 * started when Firefox is missing ({@link SKIP}).
 * @param {(server: import('../e2e/lib.mjs').Served, ff: Firefox) => void} ready
 * @param {string} [root] The folder served; the end-to-end fixtures by default.
 */
export function strictPagesInFirefox(ready, root = FIXTURES) {
  /** @type {import('../e2e/lib.mjs').Served | undefined} */
  let server;
  /** @type {Firefox | undefined} */
  let ff;
  before(async () => {
    if (SKIP) return;
    server = await serve({ root, documentHeaders: { 'content-security-policy': STRICT_CSP } });
    ff = await launchFirefox();
    ready(server, ff);
  });
  after(async () => {
    await ff?.close();
    await server?.close();
  });
}

// @ts-check
/**
 * End-to-end: the page Quire reads attacks the open reader from its own
 * script (the main world: `page.evaluate` and an init script, which is all
 * a page has), and fails the test if any attack works. It tries to
 * - find the reader's shadow root (`host.shadowRoot`, a hook on
 *   `attachShadow` set before the reader came, attaching its own);
 * - read the article and the reader's text through the host;
 * - read the user's settings: attributes, classes and `data-*` on the host,
 *   its computed style (compared between two sets of settings), the
 *   document's adopted sheets;
 * - click the reader's buttons (at their places on screen, and the host);
 * - dispatch `change`, `input` and `keydown` (Escape) at everything it can reach;
 * - replace the reader's content (`innerHTML`, `append` on the host).
 * The reader itself is read through DevTools (lib.mjs `inReader`), as no
 * page can.
 *
 * And Copy as Markdown: a page listening for `copy` never hears the copy,
 * and cannot change what lands on the clipboard.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, serve, launchWithExtension, clickAction, waitForOverlay, waitForOverlayGone, waitForPageLock, inReader, waitInReader, clickInReader, inContentWorld } from './lib.mjs';

/** @typedef {import('playwright-core').Page} Page */

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const TEST_TIMEOUT_MS = 90_000;
const TITLE = 'How the Tidewater line keeps its timetable honest';
const STORAGE_KEY = 'quire.settings';
const CUSTOM = { schema: 2, theme: 'sepia', font: 'sans', fontSize: 27, width: 'wide', lineHeight: 'loose', letterSpacing: 'normal', wordSpacing: 'normal', align: 'start', images: true };

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  server = await serve({ root: FIXTURES });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Stores settings as the reader would have saved them (or clears them).
 * @param {object | null} settings
 */
function storeSettings(settings) {
  return browser.worker.evaluate(
    async ({ key, value }) => {
      if (value) await chrome.storage.sync.set({ [key]: value });
      else await chrome.storage.sync.remove(key);
    },
    { key: STORAGE_KEY, value: settings },
  );
}

/** The stored settings, read by the extension. */
function storedSettings() {
  return browser.worker.evaluate(async (key) => (await chrome.storage.sync.get(key))[key] ?? null, STORAGE_KEY);
}

/**
 * A page, with a script of the page's own that runs before anything else:
 * it hooks `attachShadow` to catch any shadow root made in its world, and
 * listens for the events a reader's use could leak.
 * @param {string} path
 */
async function hostilePage(path) {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.caught = { roots: /** @type {ShadowRoot[]} */ ([]), copies: 0, keys: /** @type {string[]} */ ([]) };
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (/** @type {ShadowRootInit} */ init) {
      const root = attach.call(this, init);
      w.caught.roots.push(root);
      return root;
    };
    for (const target of [window, document]) {
      target.addEventListener(
        'copy',
        (event) => {
          w.caught.copies += 1;
          // The page swaps what is copied for its own text.
          /** @type {ClipboardEvent} */ (event).clipboardData?.setData('text/plain', 'replaced by the page');
          event.preventDefault();
        },
        true,
      );
    }
  });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await page.waitForTimeout(500); // past Chromium's page-load race for the click
  return page;
}

/** @param {Page} page */
async function openReader(page) {
  await clickAction(browser, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article');
  await waitForPageLock(page);
  return view;
}

/**
 * The settings the reader shows and what it shows, read through DevTools.
 * @param {Page} page
 */
function readerTruth(page) {
  return inReader(page, (root) => {
    if (!root) return null;
    const dialog = /** @type {HTMLElement} */ (root.querySelector('.quire'));
    return {
      theme: dialog.dataset.theme,
      font: dialog.dataset.font,
      width: dialog.dataset.width,
      lineHeight: dialog.dataset.lineHeight,
      size: dialog.style.getPropertyValue('--quire-size'),
      state: dialog.dataset.state,
      title: root.querySelector('h1')?.textContent,
      text: (root.querySelector('.content')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 400),
      panelHidden: /** @type {HTMLElement} */ (root.querySelector('.panel')).hidden,
    };
  });
}

/**
 * Where the reader's controls are on screen (through DevTools), so that the
 * page can aim at them.
 * @param {Page} page
 */
function controlPoints(page) {
  return inReader(page, (root) =>
    Array.from(root?.querySelectorAll('button, select') ?? [], (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }).filter((p) => p.x > 0 && p.y > 0),
  );
}

/**
 * Everything the page's script can learn about the reader, as the page.
 * @param {Page} page
 */
function whatThePageSees(page) {
  return page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const host = /** @type {HTMLElement} */ (document.getElementById('quire-reader'));
    const style = getComputedStyle(host);
    const sheets = document.adoptedStyleSheets.flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText));
    /** @type {string[]} */
    const opened = [];
    try {
      host.attachShadow({ mode: 'open' });
      opened.push('attachShadow went through');
    } catch {
      // a host has one shadow root
    }
    // What a walk of everything the page can reach finds.
    const reachable = Array.from(document.querySelectorAll('*'), (el) => el.shadowRoot).filter(Boolean).length;
    const selection = getSelection();
    selection?.selectAllChildren(document.body);
    const selected = selection?.toString() ?? '';
    selection?.removeAllRanges();
    return {
      present: Boolean(host),
      shadowRoot: host.shadowRoot === null ? null : 'a shadow root',
      caughtRoots: w.caught.roots.length,
      opened,
      reachable,
      attributes: Array.from(host.attributes, (a) => `${a.name}=${a.value}`),
      childText: host.textContent ?? '',
      innerText: host.innerText,
      outerHTML: host.outerHTML.slice(0, 2000),
      documentText: document.documentElement.innerText,
      selected,
      computed: ['color', 'background-color', 'font-family', 'font-size', 'line-height', 'width', 'height', 'color-scheme', 'display', 'position', 'z-index']
        .map((p) => `${p}: ${style.getPropertyValue(p)}`),
      sheets,
      marks: performance.getEntries().filter((e) => e.name.startsWith('chrome-extension:')).length,
    };
  });
}

test('the page reads nothing of the reader, and its clicks, events and rewrites change nothing', { timeout: TEST_TIMEOUT_MS }, async () => {
  await storeSettings(null);
  const page = await hostilePage('/typeset.html');
  try {
    // The page's view with the default settings, for the fingerprint comparison.
    await openReader(page);
    const withDefaults = await whatThePageSees(page);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);

    await storeSettings(CUSTOM);
    await openReader(page);
    const truth = await readerTruth(page);
    assert.deepEqual(
      truth && { theme: truth.theme, font: truth.font, width: truth.width, lineHeight: truth.lineHeight, size: truth.size, title: truth.title },
      { theme: 'sepia', font: 'sans', width: 'wide', lineHeight: 'loose', size: '27px', title: TITLE },
      'the reader shows the stored settings (so the page has something to find)',
    );
    const seen = await whatThePageSees(page);

    // Reading: no root, no text, no settings.
    assert.equal(seen.present, true);
    assert.equal(seen.shadowRoot, null, 'host.shadowRoot gave the page the reader');
    assert.equal(seen.caughtRoots, 0, 'a hook on attachShadow in the page caught the reader’s root');
    assert.deepEqual(seen.opened, [], 'the page attached a root of its own to the host');
    assert.equal(seen.reachable, 0, 'an open shadow root is reachable from the page');
    assert.deepEqual(seen.attributes, ['id=quire-reader'], 'the host carries more than its id');
    for (const [what, text] of /** @type {const} */ ([['host.textContent', seen.childText], ['host.innerText', seen.innerText], ['host.outerHTML', seen.outerHTML]])) {
      for (const secret of ['Copy as Markdown', 'minute read', 'sepia', 'Line spacing', TITLE]) {
        assert.ok(!text.includes(secret), `${what} shows “${secret}”`);
      }
    }
    // The page's own text is the page's; the reader's own words are not there.
    for (const [what, text] of /** @type {const} */ ([['the document’s innerText', seen.documentText], ['a select-all', seen.selected]])) {
      for (const secret of ['Copy as Markdown', 'minute read', 'Text size']) assert.ok(!text.includes(secret), `${what} shows “${secret}”`);
    }
    assert.deepEqual(seen.computed, withDefaults.computed, 'the host’s computed style tells one user’s settings from another’s');
    for (const rule of seen.sheets) assert.doesNotMatch(rule, /sepia|sans|27px|wide|loose/, `a page-visible sheet holds a setting: ${rule}`);
    assert.deepEqual(seen.sheets, withDefaults.sheets, 'the page-visible sheets differ with the settings');

    // Pressing: clicks where the controls are, and on the host.
    const points = await controlPoints(page);
    assert.ok(points.length >= 4, 'the test found the controls');
    const pressed = await page.evaluate(async (targets) => {
      const host = /** @type {HTMLElement} */ (document.getElementById('quire-reader'));
      const hits = new Set();
      for (const { x, y } of targets) {
        const el = /** @type {HTMLElement | null} */ (document.elementFromPoint(x, y));
        if (el) hits.add(el === host ? 'host' : el.localName);
        el?.click();
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          el?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
      }
      host.click();
      // change, input and keys at everything the page reaches.
      for (const target of [window, document, document.documentElement, host]) {
        for (const type of ['change', 'input']) target.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
        for (const key of ['Escape', 'Enter', ' ', 'ArrowDown', 'Tab']) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 800)); // a save or a copy would be done by now
      return [...hits];
    }, points);
    assert.deepEqual(pressed, ['host'], 'the page reached something inside the reader by its place on screen');
    const afterPress = await readerTruth(page);
    assert.deepEqual(afterPress, truth, 'the page’s clicks or events changed the reader');
    assert.deepEqual(await storedSettings(), CUSTOM, 'the page’s events wrote the settings');

    // Rewriting: through the host is all the page has.
    const rewritten = await page.evaluate(() => {
      const host = /** @type {HTMLElement} */ (document.getElementById('quire-reader'));
      const fake = document.createElement('p');
      fake.textContent = 'A trusted-looking fake article';
      fake.id = 'fake';
      host.append(fake);
      const fake2 = document.createElement('div');
      host.prepend(fake2);
      fake2.innerHTML = '<h1>Fake headline</h1>';
      return { fakeShown: fake.getClientRects().length > 0 || fake2.getClientRects().length > 0 };
    });
    assert.equal(rewritten.fakeShown, false, 'content the page put in the host shows');
    assert.deepEqual(await readerTruth(page), truth, 'the page changed what the reader shows');
    await page.screenshot({ path: join(ROOT, 'out', 'e2e', 'page-attack.png') }).catch(() => {});

    // The reader still works for the user (so the test can fail).
    await clickInReader(page, '.aa');
    assert.equal((await readerTruth(page))?.panelHidden, false, 'a real click opens the settings');
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
  } finally {
    await page.close();
    await storeSettings(null);
  }
});

test('Copy as Markdown: a page listening for copy never hears it and cannot change what is copied', { timeout: TEST_TIMEOUT_MS }, async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await hostilePage('/typeset.html');
  try {
    await openReader(page);
    await page.evaluate(() => navigator.clipboard.writeText('left by the test'));
    // The page's own copy listener works on the page's own text (so the test can fail).
    await page.evaluate(() => document.execCommand('copy'));
    assert.ok((await page.evaluate(() => /** @type {any} */ (window).caught.copies)) > 0, 'the page’s copy listener works');
    await page.evaluate(() => {
      /** @type {any} */ (window).caught.copies = 0;
    });
    await page.evaluate(() => navigator.clipboard.writeText('left by the test'));

    await clickInReader(page, 'button.copy');
    await waitInReader(page, (root) => root?.querySelector('.announce')?.textContent !== '');
    const announced = await inReader(page, (root) => root?.querySelector('.announce')?.textContent);
    assert.equal(announced, 'Copied the article as Markdown.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith(`# ${TITLE}\n`), `the clipboard holds: ${copied.slice(0, 120)}`);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).caught.copies), 0, 'the page heard a copy event');
  } finally {
    await page.close();
    await browser.context.clearPermissions();
  }
});

test('on a plain http page (no async clipboard) the Markdown is shown selected for Ctrl+C, with no copy event', { timeout: TEST_TIMEOUT_MS }, async () => {
  // A name that is not loopback, so that http is not a secure context and
  // there is no navigator.clipboard at all (127.0.0.1 counts as secure).
  const port = new URL(server.origin).port;
  const plain = await launchWithExtension({ args: ['--host-resolver-rules=MAP plain.invalid 127.0.0.1'] });
  const page = await plain.context.newPage();
  try {
    await page.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.copies = 0;
      window.addEventListener('copy', () => (w.copies += 1), true);
    });
    await page.goto(`http://plain.invalid:${port}/typeset.html`, { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => isSecureContext), false, 'the page is not a secure context');
    await page.waitForTimeout(500);
    await clickAction(plain, page);
    assert.equal((await waitForOverlay(page)).state, 'article');
    await clickInReader(page, 'button.copy');
    const shown = await waitInReader(page, (root) => {
      const area = /** @type {HTMLTextAreaElement | null | undefined} */ (root?.querySelector('.copy-text'));
      if (!area) return null;
      return {
        selected: area.value.length > 0 && area.selectionStart === 0 && area.selectionEnd === area.value.length,
        focused: root?.activeElement === area,
        starts: area.value.slice(0, 80),
        hint: root?.querySelector('.copy-hint')?.textContent ?? '',
      };
    });
    if (!shown) throw new Error('no Markdown shown');
    assert.ok(shown.starts.startsWith(`# ${TITLE}`), shown.starts);
    assert.equal(shown.selected, true, 'the Markdown is selected');
    assert.equal(shown.focused, true, 'and has the focus');
    assert.match(shown.hint, /press (Ctrl\+C|⌘C)/);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).copies), 0, 'the reader fired a copy event the page heard');
  } finally {
    await plain.close();
  }
});

test('in Chromium, the worker answers an extract request only with its click’s token', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await hostilePage('/typeset.html');
  try {
    await openReader(page);
    // A second click closes the reader: its injection sends no request, so in the worker that
    // click waits, live, for one (for 60 s), from this very document.
    await clickAction(browser, page);
    await waitForOverlayGone(page);
    // From the content script's own world (which the click let the extension into): what a
    // content script left in a tab, or a compromised renderer, could send on its own, without
    // the token of that live click.
    const answers = await inContentWorld(browser, page, async () => {
      /** @param {unknown} message */
      const ask = (message) =>
        Promise.race([
          chrome.runtime.sendMessage(message).then(
            (answer) => (answer === undefined ? 'no answer' : JSON.stringify(answer).slice(0, 60)),
            (error) => `no answer (${String(error).slice(0, 40)})`,
          ),
          new Promise((resolve) => setTimeout(() => resolve('no answer (timeout)'), 3_000)),
        ]);
      const page = { type: 'content→worker:extract', html: '<html><body><article><h1>x</h1><p>words</p></article></body></html>', url: location.href };
      const left = /** @type {any} */ (globalThis).quireToken;
      return {
        tokenLeft: left === undefined ? 'none' : 'a token',
        none: await ask(page),
        wrong: await ask({ ...page, token: 'not-the-token' }),
        guessed: await ask({ ...page, token: crypto.randomUUID() }),
      };
    });
    assert.equal(answers.tokenLeft, 'none', 'the used token is gone from the content script’s world');
    for (const key of /** @type {const} */ (['none', 'wrong', 'guessed'])) assert.match(answers[key], /^no answer/, `${key}: ${answers[key]}`);
    // A real click still works.
    await openReader(page);
  } finally {
    await page.close();
  }
});

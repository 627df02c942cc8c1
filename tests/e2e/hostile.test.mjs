// @ts-check
/**
 * End-to-end: a hostile page (tests/e2e/fixtures/hostile.html + hostile.js)
 * whose payloads all call `window.__pwned()`: event handlers, `javascript:`
 * links in several spellings, `data:` and `vbscript:` links, form actions,
 * sandboxed srcdoc and `javascript:` frames, `<object>`, SVG and MathML,
 * CSS `url(javascript:)`, `<base>`, meta refresh and mutation-XSS shapes in a
 * `<template>`, plus a page script that tampers with `Element.prototype`,
 * `attachShadow`, `DOMParser`, `postMessage`, `outerHTML`, `Object.prototype`,
 * plants look-alikes of the content script's globals and sends fake messages.
 *
 * The payloads are inert in the page itself (they need a click, or sit in a
 * sandbox or a template), so `__pwned` running at all means Quire ran page
 * code. It is watched in both worlds:
 * - the page's world: hostile.js defines it and flags `data-pwned` on <html>;
 * - the extension's isolated world (the overlay's): after a first toolbar
 *   click grants activeTab, the test injects a `__pwned` of its own there
 *   (flag `data-pwned-isolated`), then reopens the reader.
 * Each detector is first shown to work. Then the test scrolls the overlay,
 * moves the mouse over it, tabs through it, sends hover, focus, load and
 * error events to every article element and clicks each that is not a link, and checks the overlay's markup holds nothing executable.
 *
 * Run with no CSP (the page's own handlers could run) and with a strict CSP.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, STRICT_CSP, serve, launchWithExtension, clickAction, waitForOverlay, waitForOverlayGone, inReader } from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const TEST_TIMEOUT_MS = 90_000;

/** @type {import('./lib.mjs').Launched} */
let browser;
/** @type {Record<string, import('./lib.mjs').Served>} */
const servers = {};

before(async () => {
  servers['no CSP'] = await serve({ root: FIXTURES });
  servers['a strict CSP'] = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});

/**
 * Runs one of the detector's actions in the extension's isolated world of
 * the tab showing `origin` (the content script's world), through the service
 * worker. Needs the activeTab grant a toolbar click gave that tab. The
 * functions are written out here because the worker's CSP forbids building
 * one from a string (which is the point).
 * @param {string} origin
 * @param {'install' | 'self-test' | 'reset' | 'log'} action
 * @returns {Promise<unknown>}
 */
async function inIsolatedWorld(origin, action) {
  return browser.worker.evaluate(
    async ({ origin, action }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url?.startsWith(origin));
      if (!tab?.id) throw new Error(`no tab on ${origin} (activeTab not granted?)`);
      const actions = {
        // Records calls and flags them on <html>; reports whether it shares the content script's world.
        install: () => {
          const g = /** @type {any} */ (globalThis);
          g.__pwnedIsolatedLog = [];
          g.__pwned = (/** @type {unknown} */ id) => {
            g.__pwnedIsolatedLog.push(String(id));
            document.documentElement.setAttribute('data-pwned-isolated', g.__pwnedIsolatedLog.join(' '));
          };
          return typeof g.quireContent === 'object';
        },
        'self-test': () => /** @type {any} */ (globalThis).__pwned('self-test'),
        reset: () => {
          /** @type {any} */ (globalThis).__pwnedIsolatedLog.length = 0;
          document.documentElement.removeAttribute('data-pwned-isolated');
        },
        log: () => /** @type {any} */ (globalThis).__pwnedIsolatedLog,
      };
      const [result] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: actions[action] });
      return result?.result;
    },
    { origin, action },
  );
}

for (const [label, key] of [['no CSP', 'no CSP'], ['a strict CSP', 'a strict CSP']]) {
  test(`no payload of a hostile page runs, in the page or the overlay (${label})`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const server = servers[key];
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url(`/hostile.html?ext=${browser.extensionId}`), { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (window).hostileScriptRan === true);
      const flags = () =>
        page.evaluate(() => ({
          page: document.documentElement.getAttribute('data-pwned'),
          isolated: document.documentElement.getAttribute('data-pwned-isolated'),
        }));

      // The page-world detector works, and a web page cannot reach the extension.
      await page.evaluate(() => /** @type {any} */ (window).__pwned('self-test'));
      assert.equal((await flags()).page, 'self-test');
      await page.evaluate(() => {
        /** @type {any} */ (window).__pwnedLog.length = 0;
        document.documentElement.removeAttribute('data-pwned');
      });
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).__runtimeReachable), false, 'chrome.runtime is reachable from the page');

      // First open: grants activeTab, so the isolated-world detector can go in.
      await clickAction(browser, page);
      assert.equal((await waitForOverlay(page)).state, 'article');
      assert.equal(await inIsolatedWorld(server.origin, 'install'), true, 'detector shares the content script world');
      await inIsolatedWorld(server.origin, 'self-test');
      assert.equal((await flags()).isolated, 'self-test', 'the isolated-world detector works');
      await inIsolatedWorld(server.origin, 'reset');
      await clickAction(browser, page);
      await waitForOverlayGone(page);

      // Second open, with both detectors armed.
      await clickAction(browser, page);
      const view = await waitForOverlay(page);
      assert.equal(view.state, 'article', view.text);
      assert.ok(view.paragraphs.some((p) => p.startsWith('The logbook kept by three generations of keepers')), 'the article is shown');

      // Interact: scroll, hover everything, focus and click everything that is not a link.
      await page.mouse.move(10, 10);
      for (let y = 20; y < 880; y += 40) for (let x = 40; x < 1280; x += 200) await page.mouse.move(x, y);
      const touched = await inReader(page, (root) => {
        const dialog = root?.querySelector('[role="dialog"]');
        if (!root || !(dialog instanceof HTMLElement)) return -1;
        let n = 0;
        for (const el of root.querySelectorAll('.content *, .content')) {
          for (const type of ['mouseover', 'mouseenter', 'pointerdown', 'focus', 'focusin', 'animationstart', 'load', 'error']) {
            el.dispatchEvent(new Event(type, { bubbles: type !== 'mouseenter' && type !== 'focus' && type !== 'load' && type !== 'error' }));
          }
          // (not el.focus(): the page world's HTMLElement.prototype.focus is one of the traps)
          if (el instanceof HTMLElement && !el.closest('a')) el.click();
          n++;
        }
        dialog.scrollTop = dialog.scrollHeight;
        dialog.scrollTop = 0;
        return n;
      });
      assert.ok(touched > 5, `touched ${touched} overlay elements`);
      for (let i = 0; i < 12; i++) await page.keyboard.press('Tab'); // real focus moves through the overlay
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(500); // a late image error or animation would fire by now

      // Nothing executable made it into the overlay.
      const executable = await inReader(page, (root) => {
        // The article area (headline, meta, lead image, content); the overlay's own toolbar has buttons.
        const area = root?.querySelector('.content')?.parentElement;
        if (!area || !root) return ['no overlay'];
        const found = [];
        const banned = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'maction', 'annotation-xml', 'mglyph', 'form', 'button', 'base', 'meta', 'template', 'noscript', 'link', 'textarea']);
        const mathml = 'http://www.w3.org/1998/Math/MathML';
        for (const el of [area, ...area.querySelectorAll('*')]) {
          if (banned.has(el.localName)) found.push(`<${el.localName}>`);
          // MathML stays (issue 21), but only MathML inside a formula.
          if (el.parentElement?.closest('math') && el.namespaceURI !== mathml) found.push(`<${el.localName}> in <math>`);
          for (const attr of Array.from(el.attributes)) {
            const value = attr.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
            if (attr.name.startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
            else if (attr.name === 'srcdoc' || attr.name === 'formaction' || attr.name === 'action') found.push(`${el.localName}[${attr.name}]`);
            else if (/^(?:javascript|vbscript|data:text)/.test(value) || /url\(['"]?javascript/.test(value)) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
          }
        }
        return found;
      });
      assert.deepEqual(executable, [], 'executable markup in the overlay');

      assert.deepEqual(await flags(), { page: null, isolated: null }, 'a payload ran');
      assert.deepEqual(await inIsolatedWorld(server.origin, 'log'), []);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__pwnedLog), []);

      // Esc still closes it (the page's fake controller and tampered prototypes changed nothing).
      await page.keyboard.press('Escape');
      await waitForOverlayGone(page);
      assert.deepEqual(await flags(), { page: null, isolated: null }, 'a payload ran on close');
    } finally {
      await page.close();
    }
  });
}

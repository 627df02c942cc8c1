// @ts-check
/**
 * End-to-end: Read aloud (issue 21, item 2) in headless Chromium.
 *
 * The first tests load a second extension next to Quire, the test-only
 * speech engine in fixtures/tts-engine/ (`chrome.ttsEngine`: it speaks
 * silently on a timer and sends `start`, `word`, `sentence` and `end`
 * events). So Quire's `chrome.tts` calls go through the browser's real
 * speech path to a real engine; nothing of Quire is stubbed. A real toolbar
 * click opens the reader, a mouse click on Read aloud starts it, and the
 * test watches the highlight (read from the closed shadow root over
 * DevTools) move over the sentences the engine is asked to speak.
 *
 * The last test runs Quire alone: headless Chromium on Linux has no system
 * voice (speech-dispatcher is off), so the player must say so plainly.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  ROOT,
  TEST_DIST,
  CHROMIUM,
  serve,
  launchWithExtension,
  untilListening,
  clickAction,
  waitForOverlay,
  waitForOverlayGone,
  inReader,
  waitInReader,
  clickInReader,
  focusInReader,
  hostPresent,
  auditReader,
} from './lib.mjs';

/** @typedef {import('playwright-core').Page} Page */

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const ENGINE = join(FIXTURES, 'tts-engine');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const TEST_TIMEOUT_MS = 90_000;
const TITLE = 'Allotment society wins its fight to keep the old orchard';

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;
/** @type {import('playwright-core').Worker} */
let engine;

/**
 * Chromium with Quire (the test build) and the test speech engine, in a
 * fresh profile. Shaped as lib.mjs's `Launched`, so clickAction works on it.
 * @returns {Promise<{launched: import('./lib.mjs').Launched, engine: import('playwright-core').Worker}>}
 */
async function launchWithEngine() {
  const profile = await mkdtemp(join(tmpdir(), 'quire-tts-profile-'));
  const both = `${TEST_DIST},${ENGINE}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${both}`,
      `--load-extension=${both}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  /** @param {(url: string) => boolean} match */
  const workerOf = async (match) => {
    for (let i = 0; i < 100; i++) {
      const found = context.serviceWorkers().find((w) => match(w.url()));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('an extension did not start its service worker');
  };
  try {
    const worker = await workerOf((url) => url.endsWith('/extension/background/worker.js'));
    const speaker = await workerOf((url) => url.endsWith('/engine.js'));
    await untilListening(worker);
    const launched = {
      context,
      worker,
      extensionId: new URL(worker.url()).host,
      async close() {
        await context.close().catch(() => {});
        await rm(profile, { recursive: true, force: true });
      },
    };
    return { launched, engine: speaker };
  } catch (error) {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serve({ root: FIXTURES });
  ({ launched: browser, engine } = await launchWithEngine());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What the engine was asked to say, whitespace collapsed. */
async function spoken() {
  /** @type {string[]} */
  const said = await engine.evaluate(() => /** @type {any} */ (globalThis).spoken.map((/** @type {{utterance: string}} */ s) => s.utterance));
  return said.map((s) => s.replace(/\s+/g, ' ').trim());
}

/** The rate of the last utterance the engine was asked for. */
function lastRate() {
  return engine.evaluate(() => /** @type {number} */ (/** @type {any} */ (globalThis).spoken.at(-1).options.rate));
}

/** How often the engine was told to stop. */
function stops() {
  return engine.evaluate(() => /** @type {number} */ (/** @type {any} */ (globalThis).stops));
}

/**
 * The highlighted sentence (the text of the reader's marks, whitespace
 * collapsed; '' without one), whether it is inside the scroller's visible
 * part, and the player's status line.
 * @param {Page} page
 */
function reading(page) {
  return inReader(page, (root) => {
    const marks = Array.from(root?.querySelectorAll('mark.reading') ?? []);
    const text = marks.map((m) => m.textContent).join('').replace(/\s+/g, ' ').trim();
    const dialog = root?.querySelector('.quire');
    let inView = false;
    if (marks[0] && dialog) {
      const box = marks[0].getBoundingClientRect();
      const view = dialog.getBoundingClientRect();
      inView = box.top >= view.top && box.bottom <= view.bottom;
    }
    const play = root?.querySelector('.read-aloud .play');
    return {
      text,
      inView,
      status: root?.querySelector('.read-status')?.textContent ?? '',
      playName: play?.getAttribute('aria-label') ?? '',
      open: root?.querySelector('.read-aloud')?.hasAttribute('hidden') === false,
    };
  });
}

/**
 * Waits until the highlight shows a sentence other than `not` and returns it.
 * @param {Page} page
 * @param {string} not
 * @param {number} [timeout]
 */
async function nextHighlight(page, not, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await reading(page);
    if (now.text !== '' && now.text !== not) return now;
    if (Date.now() > deadline) throw new Error(`the highlight stayed on ${JSON.stringify(not)} for ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/**
 * Whether `check()` comes true within `timeout` ms.
 * @param {() => Promise<boolean>} check
 * @param {number} [timeout]
 */
async function until(check, timeout = 3_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the article fixture and the reader with a real toolbar click.
 * @param {import('./lib.mjs').Launched} launched
 */
async function openReader(launched) {
  const page = await launched.context.newPage();
  await page.goto(server.url('/article.html'), { waitUntil: 'load' });
  await clickAction(launched, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article');
  assert.equal(view.title, TITLE);
  return page;
}

test('Read aloud speaks the article sentence by sentence through a real speech engine, and the highlight follows', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openReader(browser);
  try {
    const before = (await spoken()).length;
    await clickInReader(page, '.read-aloud-toggle');
    assert.equal(await inReader(page, (root) => root?.querySelector('.read-aloud-toggle')?.getAttribute('aria-expanded')), 'true');

    // The highlight moves over at least three sentences, each the one the engine was just asked to say.
    /** @type {string[]} */
    const seen = [];
    let last = '';
    while (!/^Members said/.test(last)) {
      assert.ok(seen.length < 8, `the highlight never reached the fourth paragraph's second sentence: ${JSON.stringify(seen)}`);
      const now = await nextHighlight(page, last);
      last = now.text;
      seen.push(now.text);
      // The reader scrolls smoothly (no reduced motion here): the sentence
      // comes into view over a few frames, later on a loaded machine.
      const shown = now.inView || (await until(async () => {
        const r = await reading(page);
        return r.text === now.text && r.inView;
      }, 2_000));
      assert.ok(shown, `the sentence being read scrolls into view: ${now.text}`);
      // The highlight goes up as the request leaves for the worker: the engine hears it a moment later.
      const heard = await until(async () => (await spoken()).slice(before).includes(now.text));
      assert.ok(heard, `the highlighted ${JSON.stringify(now.text)} is what the engine was asked to say (${JSON.stringify(await spoken())})`);
    }
    assert.equal(seen[0], TITLE, 'reading starts with the headline');
    // The last three: a one-sentence paragraph, then a paragraph cut in two sentences.
    const [a, b, c] = seen.slice(-3);
    assert.match(a, /^Gardeners on Mill Lane will keep the orchard.* car park extension\.$/);
    assert.equal(b, 'The council’s property committee voted unanimously on Thursday to withdraw the site from its list of surplus land.');
    assert.match(c, /^Members said the strength of public feeling had surprised them/);
    assert.deepEqual((await spoken()).slice(before, before + seen.length), seen, 'one utterance per sentence, in order');

    // Nothing the reader keeps is in the page's reach: no mark in the page's
    // DOM, no entry in the document's highlight registry.
    const pageSees = await page.evaluate(() => ({
      marks: document.querySelectorAll('mark').length,
      highlights: typeof CSS !== 'undefined' && 'highlights' in CSS ? /** @type {any} */ (CSS).highlights.size : 0,
      shadow: document.getElementById('quire-reader')?.shadowRoot ?? null,
    }));
    assert.deepEqual(pageSees, { marks: 0, highlights: 0, shadow: null });

    // Pause: the engine is stopped and the highlight stays.
    const stopsBefore = await stops();
    await clickInReader(page, '.read-aloud .play');
    const paused = await waitInReader(page, (root) => root?.querySelector('.read-status')?.textContent === 'Paused.');
    assert.ok(paused);
    const held = await reading(page);
    assert.equal(held.playName, 'Play');
    assert.ok((await stops()) > stopsBefore, 'pause stopped the engine');
    const saidAtPause = (await spoken()).length;
    await sleep(800);
    assert.equal((await reading(page)).text, held.text, 'the highlight stays put while paused');
    assert.equal((await spoken()).length, saidAtPause, 'nothing is spoken while paused');

    // Next and previous while paused move the highlight, with the keyboard.
    await focusInReader(page, '.read-aloud .next');
    await page.keyboard.press('Enter');
    const ahead = await nextHighlight(page, held.text);
    await focusInReader(page, '.read-aloud .previous');
    await page.keyboard.press('Enter');
    const back = await nextHighlight(page, ahead.text);
    assert.equal(back.text, held.text, 'previous goes back to the sentence before');
    assert.equal((await spoken()).length, saidAtPause, 'moving while paused says nothing');

    // Resume: the same sentence is said again, then the reading goes on.
    await clickInReader(page, '.read-aloud .play');
    await waitInReader(page, (root) => root?.querySelector('.read-aloud .play')?.getAttribute('aria-label') === 'Pause');
    assert.ok(await until(async () => (await spoken()).length > saidAtPause), 'play speaks again');
    assert.equal((await spoken())[saidAtPause], held.text, 'play resumes at the paused sentence');
    const onward = await nextHighlight(page, held.text);
    assert.equal(onward.text, ahead.text, 'and goes on to the next one');

    // Next while playing: the engine is asked for the sentence after.
    await clickInReader(page, '.read-aloud .next');
    const skipped = await nextHighlight(page, onward.text);
    assert.ok(await until(async () => (await spoken()).includes(skipped.text)), 'next while playing speaks the next sentence');

    // A new speed says the same sentence again at that speed.
    const saidBeforeSpeed = (await spoken()).length;
    await focusInReader(page, '.read-aloud select[name="speed"]');
    await page.keyboard.press('ArrowDown');
    assert.ok(await until(async () => (await spoken()).length > saidBeforeSpeed), 'a new speed restarts the sentence');
    assert.equal(await lastRate(), 1.25);

    await page.screenshot({ path: join(SCREENSHOTS, 'read-aloud.png') });

    // Esc stops the speech and closes the reader.
    const stopsAtEsc = await stops();
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
    assert.equal(await hostPresent(page), false);
    await sleep(300);
    assert.ok((await stops()) > stopsAtEsc, 'Esc stopped the engine');
    const saidAtEsc = (await spoken()).length;
    await sleep(1200);
    assert.equal((await spoken()).length, saidAtEsc, 'nothing more is spoken after the reader closed');

    // The next reader remembers the speed and starts from the top again.
    await clickAction(browser, page);
    await waitForOverlay(page);
    await clickInReader(page, '.read-aloud-toggle');
    const again = await nextHighlight(page, '');
    assert.equal(again.text, TITLE);
    assert.equal(await inReader(page, (root) => /** @type {HTMLSelectElement} */ (root?.querySelector('.read-aloud select[name="speed"]')).value), '1.25');
    assert.ok(await until(async () => (await spoken()).at(-1) === TITLE));
    assert.equal(await lastRate(), 1.25);
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
  } finally {
    await page.close();
  }
});

/**
 * Runs axe-core over the open overlay (lib.mjs auditReader).
 * @param {Page} page
 */
async function axeAudit(page) {
  const { violations, contrastChecked } = await auditReader(page);
  return { violations: violations.map(({ id, impact, nodes, help }) => ({ id, impact, nodes, help })), contrastChecked };
}

/**
 * Picks a theme with the keyboard in the settings panel, then closes it.
 * @param {Page} page
 * @param {string} theme
 */
async function setTheme(page, theme) {
  await clickInReader(page, '.aa');
  const { values, value } = await inReader(page, (root) => {
    const select = /** @type {HTMLSelectElement} */ (root?.querySelector('select[name="theme"]'));
    return { values: Array.from(select.options, (o) => o.value), value: select.value };
  });
  await focusInReader(page, 'select[name="theme"]');
  const to = values.indexOf(theme);
  for (let at = values.indexOf(value); at !== to; at += at < to ? 1 : -1) await page.keyboard.press(at < to ? 'ArrowDown' : 'ArrowUp');
  await clickInReader(page, '.aa');
  await waitInReader(page, (root, want) => /** @type {HTMLElement | null} */ (root?.querySelector('.quire'))?.dataset.theme === want, theme);
}

test('the player is reachable by keyboard, named, and axe-clean in light, sepia and dark', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openReader(browser);
  try {
    await clickInReader(page, '.read-aloud-toggle');
    await nextHighlight(page, '');
    // Every control of the player is a focusable, named control.
    const controls = await inReader(page, (root) =>
      Array.from(root?.querySelectorAll('.read-aloud button, .read-aloud select') ?? [], (c) => {
        const node = /** @type {HTMLElement} */ (c);
        node.focus();
        const label = node.closest('label')?.querySelector('.label')?.textContent ?? '';
        // A disabled button (Previous at the first sentence) is skipped by Tab, as it should be.
        const disabled = /** @type {HTMLButtonElement} */ (node).disabled;
        return { name: (node.getAttribute('aria-label') || label).trim(), focused: disabled || root?.activeElement === node };
      }),
    );
    assert.deepEqual(
      controls.map((c) => c.name),
      ['Previous sentence', 'Pause', 'Next sentence', 'Speed', 'Voice'],
    );
    assert.ok(controls.every((c) => c.focused), JSON.stringify(controls));
    assert.equal(await inReader(page, (root) => /** @type {HTMLSelectElement} */ (root?.querySelector('.read-aloud select[name="voice"]')).value), 'Quire Test Voice');

    /** @type {Record<string, {id: string, impact: string | null, nodes: number, help: string}[]>} */
    const bad = {};
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      const audit = await axeAudit(page);
      assert.ok(audit.contrastChecked >= 3, `axe checked the contrast of only ${audit.contrastChecked} elements`);
      bad[theme] = audit.violations; // the bar: none at all, of any impact
    }
    assert.deepEqual(bad, { light: [], sepia: [], dark: [] });
    await setTheme(page, 'light');

    // Closing the player stops the speech and removes the highlight.
    const stopsBefore = await stops();
    await clickInReader(page, '.read-aloud-toggle');
    await waitInReader(page, (root) => root?.querySelector('.read-aloud')?.hasAttribute('hidden') && !root.querySelector('mark.reading'));
    assert.ok((await stops()) > stopsBefore);

    // Leaving the page while it is read stops the speech (it is the worker's, and outlives the page).
    await clickInReader(page, '.read-aloud-toggle');
    await nextHighlight(page, '');
    const stopsBeforeLeaving = await stops();
    await page.goto(server.url('/empty.html'), { waitUntil: 'load' });
    assert.ok(await until(async () => (await stops()) > stopsBeforeLeaving), 'leaving the page stopped the engine');
  } finally {
    await page.close();
  }
});

test('the tts permission adds no install-time warning, by Chromium’s own warning list', { timeout: TEST_TIMEOUT_MS }, async () => {
  const manifest = JSON.parse(await readFile(join(TEST_DIST, 'manifest.json'), 'utf8'));
  assert.ok(manifest.permissions.includes('tts'));
  /** @param {string[]} permissions */
  const warnings = (permissions) =>
    browser.worker.evaluate(
      (text) => chrome.management.getPermissionWarningsByManifest(text),
      JSON.stringify({ ...manifest, name: 'Quire', description: 'Quire', default_locale: undefined, permissions }),
    );
  const without = await warnings(manifest.permissions.filter((/** @type {string} */ p) => p !== 'tts'));
  assert.deepEqual(await warnings(manifest.permissions), without, 'the same warnings with and without tts');
  assert.deepEqual(without, []);
  // The check can fail: a permission that does warn shows up.
  assert.equal((await warnings([...manifest.permissions, 'ttsEngine'])).length, 1);
});

test('with no voice installed the player says so plainly', { timeout: TEST_TIMEOUT_MS }, async () => {
  const alone = await launchWithExtension();
  try {
    const page = await openReader(alone);
    const systemVoices = await page.evaluate(
      () =>
        new Promise((resolve) => {
          if (speechSynthesis.getVoices().length > 0) resolve(speechSynthesis.getVoices().length);
          speechSynthesis.addEventListener('voiceschanged', () => resolve(speechSynthesis.getVoices().length));
          setTimeout(() => resolve(speechSynthesis.getVoices().length), 1500);
        }),
    );
    assert.equal(systemVoices, 0, 'this test needs a browser without system voices');
    await clickInReader(page, '.read-aloud-toggle');
    const status = await waitInReader(page, (root) => root?.querySelector('.read-status')?.textContent ?? '');
    assert.match(status, /^No voice is installed, so the article cannot be read aloud\./);
    const state = await reading(page);
    assert.equal(state.text, '', 'nothing is highlighted');
    assert.equal(await inReader(page, (root) => /** @type {HTMLButtonElement} */ (root?.querySelector('.read-aloud .play')).disabled), true);
    assert.equal(await inReader(page, (root) => root?.querySelector('.read-status')?.getAttribute('role')), 'status');
    // Esc still closes the reader.
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
  } finally {
    await alone.close();
  }
});

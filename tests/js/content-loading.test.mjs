// @ts-check
/**
 * The content script while it loads (the click's start, content/page-html.js
 * `quirePageStart`, and the reader's scripts ending with content.js, run as
 * the worker injects them once per click, in one realm, in either order): the loading notice for a slow answer, toggling or
 * closing while loading, and slow storage.
 *
 * Each test gets a fresh `vm` realm holding the real shared/messages.js,
 * content/page-html.js, ui/settings.js and content.js, with
 * fakes for what the browser and the overlay provide: the page, the
 * worker's answer (a promise the test settles), `chrome.storage.sync`, and
 * a clock the test moves (timers and animation frames).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const EXT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');
const source = (/** @type {string} */ path) => new vm.Script(readFileSync(join(EXT, path), 'utf8'), { filename: path });
/** The reader's scripts, in the build's order (scripts/build-reader.mjs), without the real UI (a fake overlay stands in). */
const READER = ['shared/messages.js', 'content/hooks.js', 'ui/settings.js', 'ui/resume.js', 'content/content.js'].map(source);
/** The worker's first injection: `quirePageStart` with the click (its source, as `executeScript` passes it). */
const START = new vm.Script(
  `(${vm.runInNewContext(`${readFileSync(join(EXT, 'content/page-html.js'), 'utf8')}; globalThis.quirePageStart.toString()`)})` +
    `({token: 'the-token', auto: false, type: 'content→worker:extract'})`,
);

const ARTICLE = {
  title: 'T', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null, leadImage: null,
  content: '<p>x</p>', wordCount: 120, readingMinutes: 1, readerable: true,
};
const STORED = { schema: 2, theme: 'dark', font: 'sans', fontSize: 23, width: 'wide', lineHeight: 'loose', letterSpacing: 'normal', wordSpacing: 'normal', align: 'start', images: true };
const LOADING_DELAY_MS = 200;
const SETTINGS_WAIT_MS = 500;

/** Lets pending promise callbacks (of any realm) run. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * A deferred promise.
 * @template T
 */
function deferred() {
  /** @type {(value: T) => void} */
  let resolve = () => {};
  /** @type {Promise<T>} */
  const promise = new Promise((ok) => (resolve = ok));
  return { promise, resolve };
}

/**
 * A page with the content script's world around it.
 * @param {object} [options]
 * @param {'fast' | 'never' | number} [options.storage] When storage answers: at once, never, or after ms.
 */
function page({ storage = 'fast' } = {}) {
  let now = 0;
  /** @type {{at: number, id: number, run: () => void}[]} */
  let timers = [];
  let nextId = 1;
  /** @type {string[]} what the page and the overlay saw, in order */
  const log = [];
  /** @type {any[]} the messages sent */
  const sent = [];
  /** @type {ReturnType<typeof deferred<unknown>>[]} one per request sent */
  const requests = [];
  /** @type {Map<string, Set<Function>>} */
  const listeners = new Map();
  /** @type {any[]} the overlays created */
  const overlays = [];
  let sheets = 0;

  const setTimeoutFake = (/** @type {() => void} */ run, /** @type {number} */ ms = 0) => {
    const id = nextId++;
    timers.push({ at: now + ms, id, run });
    return id;
  };
  const clearTimeoutFake = (/** @type {number | undefined} */ id) => {
    timers = timers.filter((t) => t.id !== id);
  };

  const html = {
    outerHTML: '<html><head><title>A page</title></head><body><p>Text</p></body></html>',
    append: (/** @type {any} */ host) => {
      log.push('append');
      host.isConnected = true;
    },
  };
  class HTMLElement {}
  const area = {
    get: (/** @type {string} */ key) => {
      const value = { [key]: structuredClone(STORED) };
      if (storage === 'fast') return Promise.resolve(value);
      if (storage === 'never') return new Promise(() => {});
      return new Promise((resolve) => setTimeoutFake(() => resolve(value), /** @type {number} */ (storage)));
    },
    set: async () => {},
  };

  /** @param {any} options */
  function createOverlay(options) {
    const overlay = {
      options,
      state: 'new',
      /** @type {any} */
      settings: null,
      host: {
        isConnected: false,
        remove() {
          log.push('remove');
          this.isConnected = false;
        },
      },
      /** @param {{append: (host: any) => void}} parent */
      attach: (parent) => parent.append(overlay.host),
      frameWindow: () => null,
      focus: () => {},
      closePanel: () => false,
      position: () => null,
      restorePosition: () => false,
      dispose: () => log.push('dispose'),
      setSettings: (/** @type {any} */ settings) => {
        overlay.settings = settings;
        log.push(`settings ${settings.theme}`);
      },
      showLoading: () => {
        overlay.state = 'loading';
        log.push('loading');
      },
      showError: (/** @type {string} */ message) => {
        overlay.state = 'error';
        log.push(`error ${message}`);
      },
      showArticle: () => {
        overlay.state = 'article';
        log.push('article');
        // The real overlay appends a long article part by part, one per frame, then says so.
        setTimeoutFake(() => options.onComplete(), 32);
      },
      showNotArticle: () => {
        overlay.state = 'not-article';
        log.push('not-article');
      },
    };
    overlays.push(overlay);
    return overlay;
  }

  const context = vm.createContext({
    console,
    setTimeout: setTimeoutFake,
    clearTimeout: clearTimeoutFake,
    requestAnimationFrame: (/** @type {() => void} */ run) => setTimeoutFake(run, 16),
    performance: { mark: () => {}, clearMarks: () => {}, now: () => now },
    location: { href: 'https://news.test/a' },
    HTMLElement,
    document: { documentElement: html, activeElement: null },
    window: {
      scrollX: 0,
      scrollY: 0,
      scrollTo: () => {},
      addEventListener: (/** @type {string} */ type, /** @type {Function} */ fn) => {
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type)?.add(fn);
      },
      removeEventListener: (/** @type {string} */ type, /** @type {Function} */ fn) => listeners.get(type)?.delete(fn),
    },
    chrome: {
      storage: { sync: area },
      runtime: {
        sendMessage: (/** @type {any} */ message) => {
          log.push(`send ${message.type}`);
          sent.push(message);
          const answer = deferred();
          requests.push(answer);
          return answer.promise;
        },
      },
    },
    quireQuirks: {
      adoptSheet: () => {
        sheets += 1;
        log.push('lock');
        return () => {
          sheets -= 1;
          log.push('unlock');
        };
      },
    },
    quireOverlay: { HOST_ID: 'quire-reader', createOverlay, t: (/** @type {string} */ key, /** @type {string} */ arg) => (arg ? `${key}(${arg})` : key) },
  });

  return {
    log,
    sent,
    requests,
    /** What the content script's world holds under a name (the page cannot see it). */
    held: (/** @type {string} */ name) => vm.runInContext(`globalThis[${JSON.stringify(name)}]`, context),
    overlays,
    sheets: () => sheets,
    keyListeners: () => listeners.get('keydown')?.size ?? 0,
    /**
     * A toolbar click: the worker injects the click's start and the reader's scripts again.
     * @param {'start first' | 'reader first'} [order] The order the two injections land in.
     */
    async click(order = 'start first') {
      if (order === 'start first') START.runInContext(context);
      for (const script of READER) script.runInContext(context);
      if (order === 'reader first') START.runInContext(context);
      await flush();
    },
    /** Moves the clock on by `ms`, running due timers and frames in order. */
    async advance(/** @type {number} */ ms) {
      const end = now + ms;
      await flush();
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.run();
        await flush();
      }
      now = end;
    },
    /** Sends a keydown to the window's listeners. */
    async key(/** @type {string} */ key, trusted = true) {
      const event = { key, isTrusted: trusted, isComposing: false, preventDefault() {}, stopPropagation() {} };
      for (const fn of [...(listeners.get('keydown') ?? [])]) fn(event);
      await flush();
    },
    /** Whether the content script says the reader is open (or opening). */
    isOpen: () => vm.runInContext('globalThis.quireContent.isOpen()', context),
  };
}

test('a fast answer shows the article at once, in the stored settings, with no loading notice', async () => {
  const p = page();
  await p.click();
  assert.deepEqual(p.log, ['send content→worker:extract']);
  await p.advance(50);
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(LOADING_DELAY_MS); // past the notice's delay
  assert.deepEqual(p.log.slice(1), ['settings dark', 'article', 'append', 'lock']);
  assert.equal(p.keyListeners(), 1);
});

test('a slow answer gets the loading notice after 200 ms, in the stored settings, then the article in the same overlay', async () => {
  const p = page();
  await p.click();
  await p.advance(LOADING_DELAY_MS - 1);
  assert.deepEqual(p.log, ['send content→worker:extract'], 'nothing on the page before the delay');
  await p.advance(1);
  assert.deepEqual(p.log.slice(1), ['settings dark', 'loading', 'append']);
  assert.equal(p.overlays[0].state, 'loading');
  assert.equal(p.keyListeners(), 1, 'Escape closes the notice');
  await p.advance(100);
  assert.equal(p.sheets(), 1, 'the page is locked under the notice');
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(100);
  assert.equal(p.overlays[0].state, 'article');
  assert.deepEqual(p.log.filter((entry) => entry === 'append'), ['append'], 'the overlay goes on the page once');
  assert.equal(p.sheets(), 1, 'locked once');
  assert.equal(p.overlays.length, 1);
});

test('a click before the loading notice closes the reader; the answer that follows shows nothing', async () => {
  const p = page();
  await p.click();
  await p.advance(100);
  assert.equal(p.isOpen(), true, 'opening counts as open');
  await p.click(); // the toolbar again: the click's start sends nothing, content.js closes
  assert.equal(p.isOpen(), false);
  assert.equal(p.requests.length, 1, 'the closing click sent no page');
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(1_000);
  assert.deepEqual(p.log, ['send content→worker:extract', 'dispose'], 'no notice, no article, no page lock');
  assert.equal(p.keyListeners(), 0);
  // The next click opens the reader afresh.
  await p.click();
  assert.equal(p.requests.length, 2);
  p.requests[1].resolve({ ok: true, article: ARTICLE });
  await p.advance(100);
  assert.equal(p.overlays[1].state, 'article');
  assert.equal(p.overlays[0].state, 'new', 'the closed overlay was never filled');
});

test('a click while the loading notice shows closes it and restores the page; the late answer shows nothing', async () => {
  const p = page();
  await p.click();
  await p.advance(LOADING_DELAY_MS + 100);
  assert.equal(p.overlays[0].state, 'loading');
  assert.equal(p.sheets(), 1);
  await p.click();
  assert.equal(p.isOpen(), false);
  assert.deepEqual(p.log.slice(-3), ['dispose', 'remove', 'unlock']);
  assert.equal(p.sheets(), 0);
  assert.equal(p.keyListeners(), 0);
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(1_000);
  assert.equal(p.overlays[0].state, 'loading', 'the answer did not fill the closed overlay');
  assert.deepEqual(p.log.slice(-3), ['dispose', 'remove', 'unlock'], 'nothing after closing');
});

test('Escape or the close button while loading closes the reader; a page’s synthetic Escape does not', async () => {
  const p = page();
  await p.click();
  await p.advance(LOADING_DELAY_MS);
  await p.key('Escape', false);
  assert.equal(p.isOpen(), true, 'an untrusted Escape is ignored');
  await p.key('Escape');
  assert.equal(p.isOpen(), false);
  assert.equal(p.log.at(-1), 'remove', 'closed before the page lock');

  await p.click();
  await p.advance(LOADING_DELAY_MS);
  assert.equal(p.overlays[1].state, 'loading');
  p.overlays[1].options.onClose();
  assert.equal(p.isOpen(), false);
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  p.requests[1].resolve({ ok: true, article: ARTICLE });
  await p.advance(1_000);
  assert.deepEqual([p.overlays[0].state, p.overlays[1].state], ['loading', 'loading']);
  assert.equal(p.sheets(), 0);
});

test('storage that never answers: the reader shows in the defaults after 500 ms', async () => {
  const p = page({ storage: 'never' });
  await p.click();
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(SETTINGS_WAIT_MS - 1);
  assert.deepEqual(p.log, ['send content→worker:extract'], 'the answer waits for the settings, up to their limit');
  await p.advance(1);
  assert.equal(p.overlays[0].state, 'article');
  assert.equal(p.overlays[0].settings.theme, 'auto', 'the default theme');
  assert.equal(p.overlays[0].settings.fontSize, 19);
});

test('storage that answers late does not change the reader once it shows', async () => {
  const p = page({ storage: 2_000 });
  await p.click();
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(3_000);
  assert.equal(p.overlays[0].state, 'article');
  assert.deepEqual(p.log.filter((entry) => entry.startsWith('settings')), ['settings auto'], 'set once, to the defaults');
});

test('slow storage and a slow answer: the notice waits for the settings, the article follows', async () => {
  const p = page({ storage: 350 });
  await p.click();
  await p.advance(LOADING_DELAY_MS);
  assert.deepEqual(p.log, ['send content→worker:extract'], 'no notice in the wrong settings');
  await p.advance(150);
  assert.deepEqual(p.log.slice(1), ['settings dark', 'loading', 'append']);
  p.requests[0].resolve({ ok: true, article: ARTICLE });
  await p.advance(50);
  assert.equal(p.overlays[0].state, 'article');
});

test('an answer that never comes leaves the notice up until the reader is closed', async () => {
  const p = page();
  await p.click();
  await p.advance(60_000);
  assert.equal(p.overlays[0].state, 'loading');
  await p.click();
  assert.equal(p.isOpen(), false);
  assert.equal(p.sheets(), 0);
});

test('the click’s start sends the page with its token at once; the reader’s scripts landing first or second open it alike', async () => {
  for (const order of /** @type {const} */ (['start first', 'reader first'])) {
    const p = page();
    await p.click(order);
    assert.equal(p.sent.length, 1, order);
    assert.deepEqual(
      { ...p.sent[0], html: p.sent[0].html.length > 0 },
      { type: 'content→worker:extract', html: true, url: 'https://news.test/a', token: 'the-token' },
      order,
    );
    assert.equal(p.isOpen(), true, `${order}: opening`);
    assert.equal(p.held('quireClick'), undefined, `${order}: the click is used up`);
    p.requests[0].resolve({ ok: true, article: ARTICLE });
    await p.advance(100);
    assert.equal(p.overlays.length, 1, order);
    assert.equal(p.overlays[0].state, 'article', order);
    // The next click closes it, in either order, and sends nothing.
    await p.click(order);
    assert.equal(p.isOpen(), false, `${order}: closed`);
    assert.equal(p.sent.length, 1, `${order}: the closing click sent no page`);
  }
});

test('the token is never left in the content script’s world', async () => {
  const p = page();
  await p.click();
  assert.equal(p.held('quireToken'), undefined);
  assert.doesNotMatch(JSON.stringify(p.held('quireClick') ?? null), /the-token/);
});

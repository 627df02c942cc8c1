// @ts-check
/**
 * A toolbar click in the worker (extension/background/inject.js), driven
 * with a fake `executeScript`, a fake `chrome.action` and a fake sleep, and
 * the worker's own quirk constants (shared/quirks.js): the page-load race
 * and its retries, other errors, giving up, and the badge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/shared/quirks.js';
import { createInjector, FAILURE_COLOR, NOT_REACHED } from '../../extension/background/inject.js';

/** @type {QuireQuirks} */
const quirks = /** @type {any} */ (globalThis).quireQuirks;

/** Chromium's message when a click loses the page-load race (seen in 156). */
const RACE = 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';
const TAB = 7;

/**
 * An injector as the worker builds it, around a fake `executeScript` that
 * fails with each of `failures` in turn and then succeeds.
 * @param {(string | Error)[]} failures messages (or errors) of the attempts that fail
 * @param {{actionFails?: boolean}} [options]
 */
function rig(failures, { actionFails = false } = {}) {
  /** @type {string[]} what happened, in order */
  const log = [];
  /** @type {number[]} */
  const sleeps = [];
  /** @type {Record<string, unknown>[]} */
  const badge = [];
  let attempts = 0;
  const injector = createInjector({
    execute: async (tabId, token) => {
      assert.equal(tabId, TAB);
      assert.equal(token, 'the-token', 'the click’s token goes with every attempt');
      attempts += 1;
      log.push(`execute ${attempts}`);
      const failure = failures[attempts - 1];
      if (failure !== undefined) throw typeof failure === 'string' ? new Error(failure) : failure;
      return [{ documentId: 'doc-A' }];
    },
    isLoadRace: quirks.isLoadRace,
    retries: quirks.LOAD_RACE_RETRIES,
    retryMs: quirks.LOAD_RACE_RETRY_MS,
    gate: {
      clicked: (tabId, token) => log.push(`clicked ${tabId}${token === 'the-token' ? '' : ` with ${token}`}`),
      injected: (tabId, documentId) => log.push(`injected ${tabId} ${documentId}`),
    },
    action: {
      setBadgeBackgroundColor: async (details) => {
        if (actionFails) throw new Error('No tab with id: 7');
        badge.push({ color: details.color, tabId: details.tabId });
      },
      setBadgeText: async (details) => {
        if (actionFails) throw new Error('No tab with id: 7');
        badge.push({ text: details.text, tabId: details.tabId });
      },
      setTitle: async (details) => {
        if (actionFails) throw new Error('No tab with id: 7');
        badge.push({ title: details.title, tabId: details.tabId });
      },
    },
    newToken: () => 'the-token',
    defaultTitle: () => 'Quire: read this page',
    sleep: async (ms) => {
      sleeps.push(ms);
      log.push(`sleep ${ms}`);
    },
    onInjected: (tabId) => log.push(`onInjected ${tabId}`),
    warn: (message) => log.push(`warn ${message}`),
  });
  return { injector, log, sleeps, badge, attempts: () => attempts };
}

const CLEARED = [{ text: '', tabId: TAB }, { title: 'Quire: read this page', tabId: TAB }];

test('the worker retries a lost page-load race six times, after 50 ms, then twice the wait each time', () => {
  // What shared/quirks.js and the CHANGELOG promise: "up to six times".
  assert.equal(quirks.LOAD_RACE_RETRIES, 6);
  assert.equal(quirks.LOAD_RACE_RETRY_MS, 50);
  assert.equal(quirks.isLoadRace(new Error(RACE)), true);
  assert.equal(quirks.isLoadRace(new Error('Cannot access a chrome:// URL')), false);
  assert.equal(quirks.isLoadRace(RACE), false, 'only an Error is the race');
});

test('a click that loses the load race is injected on the next attempt, and the click is renewed', async () => {
  const { injector, log, sleeps, badge } = rig([RACE]);
  await injector.click(TAB);
  assert.deepEqual(log, ['clicked 7', 'execute 1', 'sleep 50', 'clicked 7', 'execute 2', 'onInjected 7', 'injected 7 doc-A']);
  assert.deepEqual(sleeps, [50]);
  assert.deepEqual(badge, CLEARED, 'a success clears any earlier mark and sets no new one');
});

test('the race lost six times is still retried; the seventh attempt opens the reader', async () => {
  const { injector, sleeps, badge, attempts, log } = rig([RACE, RACE, RACE, RACE, RACE, RACE]);
  await injector.click(TAB);
  assert.equal(attempts(), 7);
  assert.deepEqual(sleeps, [50, 100, 200, 400, 800, 1600]);
  assert.equal(log.filter((entry) => entry === 'clicked 7').length, 7, 'the click, then once after each wait');
  assert.ok(log.includes('injected 7 doc-A'));
  assert.deepEqual(badge, CLEARED);
});

test('giving up: after the sixth retry the race is reported on the button', async () => {
  const { injector, sleeps, badge, attempts, log } = rig([RACE, RACE, RACE, RACE, RACE, RACE, RACE, RACE]);
  await injector.click(TAB);
  assert.equal(attempts(), 7, 'one attempt and six retries, no more');
  assert.deepEqual(sleeps, [50, 100, 200, 400, 800, 1600]);
  assert.ok(!log.some((entry) => entry.startsWith('injected')), 'the gate hears of no injection');
  assert.ok(!log.some((entry) => entry.startsWith('onInjected')));
  assert.deepEqual(badge, [
    { color: FAILURE_COLOR, tabId: TAB },
    { text: '!', tabId: TAB },
    { title: `Quire can’t read this page: ${RACE}`, tabId: TAB },
  ]);
  assert.ok(log.includes(`warn Quire: cannot open the reader on tab 7: ${RACE}`));
});

test('any other error is reported at once, without a retry', async () => {
  for (const failure of ['Cannot access a chrome:// URL', 'No tab with id: 7', new TypeError('files is not iterable')]) {
    const { injector, sleeps, badge, attempts, log } = rig([failure, failure]);
    await injector.click(TAB);
    const message = typeof failure === 'string' ? failure : failure.message;
    assert.equal(attempts(), 1, message);
    assert.deepEqual(sleeps, [], message);
    assert.deepEqual(log.slice(0, 2), ['clicked 7', 'execute 1']);
    assert.deepEqual(badge.at(-1), { title: `Quire can’t read this page: ${message}`, tabId: TAB });
    assert.deepEqual(badge.slice(0, 2), [{ color: FAILURE_COLOR, tabId: TAB }, { text: '!', tabId: TAB }]);
  }
});

test('a race followed by another error stops retrying at that error', async () => {
  const { injector, sleeps, badge, attempts } = rig([RACE, 'Frame with ID 0 was removed.']);
  await injector.click(TAB);
  assert.equal(attempts(), 2);
  assert.deepEqual(sleeps, [50]);
  assert.deepEqual(badge.at(-1), { title: 'Quire can’t read this page: Frame with ID 0 was removed.', tabId: TAB });
});

test('injectWithRetries rejects with the last error when it gives up', async () => {
  const { injector } = rig([RACE, RACE, RACE, RACE, RACE, RACE, new Error(`${RACE} (last)`)]);
  await assert.rejects(injector.injectWithRetries(TAB, 'the-token'), /\(last\)$/);
});

test('a closed tab (the action calls fail) does not make the click reject', async () => {
  const failed = rig(['Cannot access a chrome:// URL'], { actionFails: true });
  await failed.injector.click(TAB);
  const ok = rig([], { actionFails: true });
  await ok.injector.click(TAB);
  assert.ok(ok.log.includes('injected 7 doc-A'));
});

test('a browser that reports no document id (Firefox) injects all the same', async () => {
  /** @type {unknown[]} */
  const injected = [];
  const injector = createInjector({
    execute: async () => [{}],
    isLoadRace: quirks.isLoadRace,
    retries: quirks.LOAD_RACE_RETRIES,
    retryMs: quirks.LOAD_RACE_RETRY_MS,
    gate: { clicked: () => {}, injected: (tabId, documentId) => injected.push([tabId, documentId]) },
    action: { setBadgeBackgroundColor: async () => {}, setBadgeText: async () => {}, setTitle: async () => {} },
    defaultTitle: () => 'Quire',
    sleep: async () => {},
  });
  await injector.click(TAB);
  assert.deepEqual(injected, [[TAB, undefined]]);
});

test('an injection that reaches no frame (Firefox on about: pages: [null]) is reported on the button', async () => {
  for (const results of [[null], []]) {
    /** @type {unknown[]} */
    const injected = [];
    /** @type {Record<string, unknown>[]} */
    const badge = [];
    const injector = createInjector({
      execute: async () => results,
      isLoadRace: quirks.isLoadRace,
      retries: quirks.LOAD_RACE_RETRIES,
      retryMs: quirks.LOAD_RACE_RETRY_MS,
      gate: { clicked: () => {}, injected: (tabId, documentId) => injected.push([tabId, documentId]) },
      action: {
        setBadgeBackgroundColor: async (details) => void badge.push({ color: details.color }),
        setBadgeText: async (details) => void badge.push({ text: details.text }),
        setTitle: async (details) => void badge.push({ title: details.title }),
      },
      defaultTitle: () => 'Quire',
      sleep: async () => {},
      warn: () => {},
    });
    await injector.click(TAB);
    assert.deepEqual(injected, [], `${JSON.stringify(results)}: the gate hears of no injection`);
    assert.deepEqual(badge, [{ color: FAILURE_COLOR }, { text: '!' }, { title: `Quire can’t read this page: ${NOT_REACHED}` }], JSON.stringify(results));
  }
});

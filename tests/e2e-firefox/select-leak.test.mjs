// @ts-check
/**
 * The page's script gets nothing of the reader through the selection: in
 * Firefox, a document's selection names the nodes of a shadow tree it lies
 * in, a closed one included, so a selection in the reader (a mouse drag, a
 * double-click on a word, Ctrl+A) would hand the page `anchorNode` and from
 * there, with `getRootNode()`, the reader's closed shadow root: its whole
 * DOM, to read or rewrite. Here the page's own script (selection-spy.js,
 * loaded under the page's strict CSP as `script-src 'self'` allows) watches
 * the selection all along, on `selectionchange`, on every pointer and key
 * event it hears and every 10 ms; after each selection the user makes in the
 * reader with real input over Marionette, it must have seen no node whose
 * root is not its own document (anchor, focus, each range's ends and common
 * ancestor, `getComposedRanges`) and none of the text only the reader shows.
 * Each selection is checked from inside the reader too (it holds what the
 * user selected), and Ctrl+C copies the drag's text. (Firefox's reader is in
 * a frame of its own, ui/overlay.js `isolate`: the page must not see that
 * frame in `window.frames` either; the browser's print of the page, which
 * prints a frame one window high, prints the whole article all the same,
 * and the reader is back in its frame after.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { normaliseText } from '../e2e/lib.mjs';
import { SKIP, KEY, strictPagesInFirefox, openTab, closeTab, clickToolbarButton, inChrome, inPage, inReader, pressWith, waitFor, waitForOverlay, waitForPageLock } from './lib.mjs';

const TEST_TIMEOUT_MS = 90_000;

/** @type {import('../e2e/lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Firefox} */
let ff;

strictPagesInFirefox((s, f) => {
  server = s;
  ff = f;
});

/**
 * What the page's spy has seen so far.
 * @returns {Promise<{checks: number, leaks: string[], texts: string[]}>}
 */
function spied() {
  return inPage(ff, () => {
    const spy = /** @type {any} */ (window).quireSelectionSpy;
    return { checks: spy.checks, leaks: [...spy.leaks], texts: [...spy.texts] };
  });
}

/** The selection in the reader (in whichever document holds it), as the reader sees it. */
function readerSelection() {
  return inReader(ff, (root) => String(root?.host.ownerDocument.getSelection() ?? ''));
}

/**
 * Scrolls the reader so that its `index`th content paragraph is in view,
 * and returns the paragraph's box in the window's viewport.
 * @param {number} index
 */
function paragraphBox(index) {
  return inReader(
    ff,
    (root, i) => {
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
      const p = /** @type {HTMLElement} */ (root?.querySelectorAll('.content p')[i]);
      dialog.scrollTo({ top: dialog.scrollTop + p.getBoundingClientRect().top - 250, behavior: 'instant' });
      const r = p.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: p.textContent ?? '' };
    },
    index,
  );
}

/**
 * Mouse actions at viewport points: `down` and `up` at `from` (a click), or
 * a drag from `from` to `to`, or `clicks` clicks in a row at `from`.
 * @param {{x: number, y: number}} from
 * @param {{to?: {x: number, y: number}, clicks?: number}} how
 */
async function mouse(from, { to, clicks = 1 }) {
  /** @type {object[]} */
  const actions = [{ type: 'pointerMove', x: Math.round(from.x), y: Math.round(from.y), origin: 'viewport', duration: 0 }];
  if (to) {
    actions.push({ type: 'pointerDown', button: 0 });
    for (const step of [0.25, 0.5, 0.75, 1]) {
      actions.push({ type: 'pointerMove', x: Math.round(from.x + (to.x - from.x) * step), y: Math.round(from.y + (to.y - from.y) * step), origin: 'viewport', duration: 50 });
    }
    actions.push({ type: 'pointerUp', button: 0 });
  } else {
    for (let i = 0; i < clicks; i++) actions.push({ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 });
  }
  await ff.m.send('WebDriver:PerformActions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
  await ff.m.send('WebDriver:ReleaseActions');
}

/**
 * Waits for the spy's next checks (it polls every 10 ms), then asserts it
 * saw no node outside its document and none of `readerOnly`.
 * @param {string} what
 * @param {string[]} readerOnly Text the reader shows and the page has not.
 */
async function assertNothingSeen(what, readerOnly) {
  const before = (await spied()).checks;
  const seen = await waitFor(spied, (s) => s.checks > before + 10, 5_000, 'the page script to look again');
  assert.deepEqual(seen.leaks, [], `after ${what}, the page's script reached nodes outside its document`);
  for (const text of seen.texts) {
    for (const only of readerOnly) assert.ok(!normaliseText(text).includes(only), `after ${what}, the page's selection holds the reader's own “${only}”`);
  }
}

test('a selection in the reader (drag, double-click, Ctrl+A) hands the page script no node of the reader', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/article.html'));
  try {
    // The page's own script: a <script src> of its origin, allowed by its CSP.
    await inPage(ff, () => {
      const script = document.createElement('script');
      script.src = '/selection-spy.js';
      document.head.append(script);
    });
    await waitFor(spied, (s) => s.checks > 0, 5_000, 'the page script to run');
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
    await waitForPageLock(ff);
    // What only the reader shows (its toolbar, its meta line): text of the
    // dialog that is nowhere in the page.
    const pageText = normaliseText(await inPage(ff, () => document.body.innerText));
    const readerLines = await inReader(ff, (root) => /** @type {HTMLElement} */ (root?.querySelector('.quire')).innerText.split('\n'));
    const readerOnly = readerLines.map((l) => normaliseText(l)).filter((l) => l.length > 3 && !pageText.includes(l));
    assert.ok(readerOnly.length > 0, 'the reader shows some text of its own');
    // Nor a window to reach it by: the page lists no frame of the reader's.
    assert.deepEqual(await inPage(ff, () => ({ frames: window.length, first: typeof window[0] })), { frames: 0, first: 'undefined' }, 'the page sees a frame');

    // A mouse drag from the start of one paragraph into the next.
    const a = await paragraphBox(1);
    const b = await inReader(ff, (root) => {
      const r = /** @type {HTMLElement} */ (root?.querySelectorAll('.content p')[2]).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + 8 };
    });
    await mouse({ x: a.left + 2, y: a.top + 8 }, { to: b });
    const dragged = await readerSelection();
    assert.ok(dragged.length > 40 && normaliseText(a.text).startsWith(normaliseText(dragged).slice(0, 30)), `the drag selected the paragraph's text: ${JSON.stringify(dragged.slice(0, 120))}`);
    await assertNothingSeen('a mouse drag', readerOnly);

    // Ctrl+C copies what the drag selected.
    await pressWith(ff, KEY.Control, 'c');
    const clipboard = await inChrome(ff.m, async () => String((await ff.m.send('WebDriver:ExecuteScript', { script: 'return navigator.clipboard.readText();', args: [] })).value));
    assert.equal(normaliseText(clipboard), normaliseText(dragged), 'Ctrl+C copied the selection');

    // A double-click on a word.
    const c = await paragraphBox(3);
    await mouse({ x: c.left + 40, y: c.top + 8 }, { clicks: 2 });
    const word = await readerSelection();
    assert.match(word.trim(), /^\S+$/, `a double-click selected a word: ${JSON.stringify(word)}`);
    await assertNothingSeen('a double-click', readerOnly);

    // Ctrl+A: the reader's whole text.
    await pressWith(ff, KEY.Control, 'a');
    const all = normaliseText(await readerSelection());
    assert.ok(all.includes(normaliseText(view.title)) && all.includes(normaliseText(view.paragraphs[view.paragraphs.length - 1])), `Ctrl+A selected the reader's text: ${all.slice(0, 120)}`);
    await assertNothingSeen('Ctrl+A', readerOnly);

    // The page's script on its own: a selection of its whole document (the
    // reader's host in it) stretched on by the layout (which can walk into a
    // shadow tree's text), and the page's `find` in its frames.
    const term = normaliseText(view.paragraphs[1]).split(' ').find((w) => w.length > 6) ?? '';
    const tried = await inPage(ff, (w) => {
      const selection = /** @type {Selection} */ (document.getSelection());
      selection.selectAllChildren(document.documentElement);
      for (const unit of ['line', 'paragraph', 'documentboundary']) /** @type {any} */ (selection).modify('extend', 'forward', unit);
      const stretched = String(selection).length;
      const found = /** @type {any} */ (window).find(w, false, false, true, false, true, false);
      return { stretched, found };
    }, term);
    assert.ok(tried.stretched > 0, 'the page stretched its selection');
    await assertNothingSeen(`the page's own selection and find (${JSON.stringify(tried)})`, []);
  } finally {
    await closeTab(ff);
  }
});

/**
 * The number of pages of a PDF (the page tree's `/Count`, in the file or
 * in one of its compressed streams).
 * @param {Buffer} pdf
 */
function pdfPages(pdf) {
  const texts = [pdf.toString('latin1')];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = pdf.indexOf('endstream', start);
    try {
      texts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
  }
  const counts = texts.flatMap((t) => Array.from(t.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g), (c) => Number(c[1] ?? c[2])));
  return Math.max(0, ...counts);
}

test('the browser’s print of the page prints the whole article, and the reader is back in its frame after', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/long.html'));
  try {
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article');
    // Marionette prints the tab's page, as the browser's menu does.
    const { value } = await ff.m.send('WebDriver:Print', { background: true, shrinkToFit: true });
    const pages = pdfPages(Buffer.from(value, 'base64'));
    assert.ok(pages >= 10, `the printout has ${pages} pages (the frame alone would print one)`);
    const after = await inReader(ff, (root) => ({ inFrame: root?.host.ownerDocument !== document, focused: Boolean(root?.activeElement), state: root?.querySelector('.quire')?.getAttribute('data-state') }));
    assert.deepEqual(after, { inFrame: true, focused: true, state: 'article' }, 'the reader is back in its frame, with the focus');
    // A drag then still hands the page nothing.
    await inPage(ff, () => {
      const script = document.createElement('script');
      script.src = '/selection-spy.js';
      document.head.append(script);
    });
    await waitFor(spied, (s) => s.checks > 0, 5_000, 'the page script to run');
    const a = await paragraphBox(1);
    await mouse({ x: a.left + 2, y: a.top + 8 }, { to: { x: a.right - 20, y: a.top + 8 } });
    assert.ok((await readerSelection()).length > 10, 'the drag selected text');
    await assertNothingSeen('a drag after printing', []);
  } finally {
    await closeTab(ff);
  }
});

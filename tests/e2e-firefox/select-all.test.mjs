// @ts-check
/**
 * Ctrl+A in the reader selects the reader's text in Firefox too: the Firefox
 * side of tests/e2e/select-all.test.mjs, with real key presses over
 * Marionette. On a page with menus and sign-up forms around its article,
 * Ctrl+A with focus in the reader (right after opening, after a click in the
 * text, with the settings panel open and on one of its selects) selects from
 * the site name and headline to the end of the article and none of the
 * page's text; Ctrl+C puts that on the clipboard; closing clears it.
 *
 * That the page's own selection API names no node of the reader, for this
 * and for a mouse drag or a double-click: select-leak.test.mjs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseText } from '../e2e/lib.mjs';
import {
  SKIP,
  KEY,
  strictPagesInFirefox,
  openTab,
  closeTab,
  clickToolbarButton,
  inChrome,
  inPage,
  inReader,
  waitInReader,
  clickInReader,
  mouseClick,
  press,
  pressWith,
  readOverlay,
  waitForOverlay,
  waitForOverlayGone,
  waitForPageLock,
} from './lib.mjs';

const TEST_TIMEOUT_MS = 90_000;

/** Text of article.html outside its article: menus, forms, related links, footer. */
const OUTSIDE = ['Planning notices', 'Sign up for the Herald Weekly digest', 'indicates required', 'Email Address', 'Subscribe', 'Related stories', 'Market hall roof', 'Get the Herald Weekly', 'All rights reserved'];

/** @type {import('../e2e/lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Firefox} */
let ff;

strictPagesInFirefox((s, f) => {
  server = s;
  ff = f;
});

/**
 * The selection's text (the reader's document's, read with the system
 * principal: in Firefox the reader's frame's) and the focused element in the reader.
 */
function selected() {
  return inReader(ff, (root) => {
    const active = root?.activeElement;
    return { text: String(root?.host.ownerDocument.getSelection() ?? ''), active: active ? `${active.localName}.${active.className}` : null };
  });
}

/**
 * Checks that `text` is the reader's article: the site name and the
 * headline first, every paragraph, the last one last, and nothing of the
 * page outside it.
 * @param {string} text
 * @param {{site: string, title: string, paragraphs: string[]}} view
 * @param {string} what
 */
function assertArticle(text, view, what) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  assert.deepEqual([lines[0]?.toLowerCase(), lines[1]], [view.site.toLowerCase(), view.title], `${what} starts: ${JSON.stringify(text.slice(0, 200))}`);
  const flat = normaliseText(text);
  assert.ok(view.paragraphs.length >= 5, `the article has ${view.paragraphs.length} paragraphs`);
  for (const p of view.paragraphs) assert.ok(flat.includes(normaliseText(p)), `${what} lacks the paragraph “${p.slice(0, 60)}…”`);
  assert.ok(flat.endsWith(normaliseText(view.paragraphs[view.paragraphs.length - 1])), `${what} ends: ${JSON.stringify(flat.slice(-120))}`);
  for (const outside of OUTSIDE) assert.ok(!text.includes(outside), `${what} holds the page's “${outside}”`);
}

test('Ctrl+A with focus in the reader selects the article, not the page beneath; Ctrl+C copies it; closing clears it', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/article.html'));
  try {
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
    await waitForPageLock(ff);
    await waitInReader(ff, (root) => root?.querySelector('.content')?.getAttribute('aria-busy') !== 'true');
    const shown = { ...(await readOverlay(ff)), site: await inReader(ff, (root) => root?.querySelector('.site')?.textContent?.trim() ?? '') };
    const pageText = await inPage(ff, () => document.body.innerText);
    for (const outside of OUTSIDE) assert.ok(pageText.includes(outside), `article.html has no “${outside}”`);
    for (const outside of OUTSIDE) assert.ok(!shown.text.includes(outside), `the reader shows the page's “${outside}”`);

    // Right after opening: focus is on the dialog.
    assert.equal(shown.focusInside, true, 'focus is in the reader');
    await pressWith(ff, KEY.Control, 'a');
    assertArticle((await selected()).text, shown, 'the selection');

    // Ctrl+C: the clipboard, read in the browser window (privileged there).
    await pressWith(ff, KEY.Control, 'c');
    const clipboard = await inChrome(ff.m, async () => {
      const { value } = await ff.m.send('WebDriver:ExecuteScript', { script: 'return navigator.clipboard.readText();', args: [] });
      return String(value);
    });
    assertArticle(clipboard, shown, 'the clipboard');

    // After a click in the article's text.
    const at = await inReader(ff, (root) => {
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
      const p = /** @type {HTMLElement} */ (root?.querySelectorAll('.content p')[2]);
      dialog.scrollTo({ top: dialog.scrollTop + p.getBoundingClientRect().top - 300, behavior: 'instant' });
      const r = p.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    assert.ok(at.y > 100 && at.y < 800, `the paragraph is at y ${at.y}`);
    await mouseClick(ff, at.x, at.y);
    assert.equal((await selected()).active, 'div.quire', 'a click in the text focuses the dialog');
    await pressWith(ff, KEY.Control, 'a');
    assertArticle((await selected()).text, shown, 'the selection after a click in the text');

    // The settings panel open, focus on its button, then on one of its selects.
    await clickInReader(ff, '.aa');
    await waitInReader(ff, (root) => root?.querySelector('.panel')?.hasAttribute('hidden') === false);
    await inReader(ff, (root) => root?.host.ownerDocument.getSelection()?.removeAllRanges());
    await pressWith(ff, KEY.Control, 'a');
    const panel = await selected();
    assert.match(String(panel.active), /^button\..*\baa\b/, `focus is on ${panel.active}`);
    assertArticle(panel.text, shown, 'the selection with the settings open');
    await inReader(ff, (root) => /** @type {HTMLSelectElement} */ (root?.querySelector('.panel select')).focus());
    await inReader(ff, (root) => root?.host.ownerDocument.getSelection()?.removeAllRanges());
    await pressWith(ff, KEY.Control, 'a');
    const onSelect = await selected();
    assert.match(String(onSelect.active), /^select\./, `focus is on ${onSelect.active}`);
    assertArticle(onSelect.text, shown, 'the selection with focus on a settings select');

    // Closing the reader leaves no selection on the page (Firefox drops a
    // selection with the nodes removed; Chromium needs the overlay's clearing).
    await press(ff, KEY.Escape);
    await waitForOverlayGone(ff);
    const left = await inPage(ff, () => ({ type: getSelection()?.type, text: String(getSelection()) }));
    assert.deepEqual(left, { type: 'None', text: '' }, 'a selection is left on the page after closing');
  } finally {
    await closeTab(ff);
  }
});

// @ts-check
/**
 * Ctrl+A in the reader selects the reader's text, not the page beneath: on
 * a page with menus and sign-up forms around its article, a real Ctrl+A
 * (DevTools' Input.dispatchKeyEvent, through Playwright's keyboard) with
 * focus in the reader selects from the site name and headline to the end of
 * the article and none of the page's own text, read from inside the closed
 * root over DevTools; Ctrl+C then puts that on the clipboard. The same with
 * the settings panel open and focus on one of its `<select>`s (where the
 * browser's own select-all would take the page); the Markdown box (a text
 * field) keeps its own select-all; closing the reader clears the selection.
 * The Firefox side: tests/e2e-firefox/select-all.test.mjs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchWithExtension,
  clickAction,
  waitForOverlay,
  waitForOverlayGone,
  readOverlay,
  inReader,
  waitInReader,
  clickInReader,
  normaliseText,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const TEST_TIMEOUT_MS = 90_000;

/** Text of article.html outside its article: menus, forms, related links, footer. */
const OUTSIDE = ['Planning notices', 'Sign up for the Herald Weekly digest', 'indicates required', 'Email Address', 'Subscribe', 'Related stories', 'Market hall roof', 'Get the Herald Weekly', 'All rights reserved'];

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let launched;

before(async () => {
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  // plain.invalid: a name that is not loopback, so http there is not a secure
  // context and Copy as Markdown shows its text box (see page-attack.test.mjs).
  launched = await launchWithExtension({ args: ['--host-resolver-rules=MAP plain.invalid 127.0.0.1'] });
});

after(async () => {
  await launched?.close();
  await server?.close();
});

/**
 * Opens `url` and the reader on it, and waits for the whole article.
 * @param {string} url
 */
async function openReader(url) {
  const page = await launched.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500); // past Chromium's page-load race window
  await clickAction(launched, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
  await waitInReader(page, (root) => root?.querySelector('.content')?.getAttribute('aria-busy') !== 'true');
  return { page, view: await readOverlay(page) };
}

/**
 * The selection's text, read inside the reader's root, and the focused element there.
 * @param {import('playwright-core').Page} page
 */
function selected(page) {
  return inReader(page, (root) => {
    /** @type {Selection | null} */
    const selection = /** @type {any} */ (root).getSelection?.() ?? getSelection();
    const active = root?.activeElement;
    return { text: String(selection ?? ''), active: active ? `${active.localName}.${active.className}` : null };
  });
}

/**
 * Checks that `text` is the reader's article: the site name and the
 * headline first, every paragraph, the last one last, and nothing of the
 * page outside it.
 * @param {string} text
 * @param {import('./lib.mjs').OverlayView} view
 * @param {string} what
 */
function assertArticle(text, view, what) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // The site name is drawn in capitals (CSS), which Chromium's selection text keeps.
  assert.deepEqual([lines[0]?.toLowerCase(), lines[1]], [view.siteName.toLowerCase(), view.title], `${what} starts: ${JSON.stringify(text.slice(0, 200))}`);
  const flat = normaliseText(text);
  assert.ok(view.paragraphs.length >= 5, `the article has ${view.paragraphs.length} paragraphs`);
  for (const p of view.paragraphs) assert.ok(flat.includes(normaliseText(p)), `${what} lacks the paragraph “${p.slice(0, 60)}…”`);
  assert.ok(flat.endsWith(normaliseText(view.paragraphs[view.paragraphs.length - 1])), `${what} ends: ${JSON.stringify(flat.slice(-120))}`);
  for (const outside of OUTSIDE) assert.ok(!text.includes(outside), `${what} holds the page's “${outside}”`);
}

test('Ctrl+A with focus in the reader selects the article, not the page beneath; Ctrl+C copies it; closing clears it', { timeout: TEST_TIMEOUT_MS }, async () => {
  await launched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { page, view } = await openReader(server.url('/article.html'));
  try {
    // The fixture's point: the page has text of its own around the article, and the reader shows none of it.
    const pageText = await page.evaluate(() => document.body.innerText);
    for (const outside of OUTSIDE) assert.ok(pageText.includes(outside), `article.html has no “${outside}”`);
    for (const outside of OUTSIDE) assert.ok(!view.text.includes(outside), `the reader shows the page's “${outside}”`);

    // Right after opening: focus is on the dialog.
    assert.equal(view.focusInside, true, 'focus is in the reader');
    await page.keyboard.press('Control+A');
    const first = await selected(page);
    assertArticle(first.text, view, 'the selection');
    // The page's own selection API names the host at most, never a node of the closed root.
    const seen = await page.evaluate(() => {
      const s = getSelection();
      const nodes = s && s.rangeCount > 0 ? [s.anchorNode, s.focusNode, s.getRangeAt(0).startContainer, s.getRangeAt(0).endContainer] : [];
      return nodes.every((node) => !node || node.getRootNode() === document);
    });
    assert.equal(seen, true, 'the page reaches into the reader through its selection');

    await page.evaluate(() => navigator.clipboard.writeText('left by the test'));
    await page.keyboard.press('Control+C');
    assertArticle(await page.evaluate(() => navigator.clipboard.readText()), view, 'the clipboard');

    // After a click on the article's text (focus on the dialog, a caret in the text).
    const at = await inReader(page, (root) => {
      const dialog = /** @type {HTMLElement} */ (root?.querySelector('.quire'));
      const p = /** @type {HTMLElement} */ (root?.querySelectorAll('.content p')[2]);
      dialog.scrollTo({ top: dialog.scrollTop + p.getBoundingClientRect().top - 300, behavior: 'instant' });
      const r = p.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    assert.ok(at.y > 100 && at.y < 800, `the paragraph is at y ${at.y}`);
    await page.mouse.click(at.x, at.y);
    const clicked = await inReader(page, (root) => root?.activeElement?.className);
    assert.equal(clicked, 'quire', 'a click in the text focuses the dialog');
    await page.keyboard.press('Control+A');
    assertArticle((await selected(page)).text, view, 'the selection after a click in the text');

    // The settings panel open, focus on its button, then on one of its selects.
    await clickInReader(page, '.aa');
    await waitInReader(page, (root) => root?.querySelector('.panel')?.hasAttribute('hidden') === false);
    await inReader(page, () => getSelection()?.removeAllRanges());
    await page.keyboard.press('Control+A');
    const panel = await selected(page);
    assert.match(String(panel.active), /^button\..*\baa\b/, `focus is on ${panel.active}`);
    assertArticle(panel.text, view, 'the selection with the settings open');
    await inReader(page, (root) => /** @type {HTMLSelectElement} */ (root?.querySelector('.panel select')).focus());
    await inReader(page, () => getSelection()?.removeAllRanges());
    await page.keyboard.press('Control+A');
    const onSelect = await selected(page);
    assert.match(String(onSelect.active), /^select\./, `focus is on ${onSelect.active}`);
    assertArticle(onSelect.text, view, 'the selection with focus on a settings select');

    // Closing the reader leaves no selection on the page.
    await page.keyboard.press('Escape');
    await waitForOverlayGone(page);
    const left = await page.evaluate(() => ({ type: getSelection()?.type, text: String(getSelection()) }));
    assert.deepEqual(left, { type: 'None', text: '' }, 'a selection is left on the page after closing');
  } finally {
    await page.close();
    await launched.context.clearPermissions();
  }
});

test('the Markdown box (a text field in the reader) keeps its own Ctrl+A', { timeout: TEST_TIMEOUT_MS }, async () => {
  const port = new URL(server.origin).port;
  const { page } = await openReader(`http://plain.invalid:${port}/article.html`);
  try {
    assert.equal(await page.evaluate(() => isSecureContext), false, 'the page is not a secure context');
    await clickInReader(page, 'button.copy');
    await waitInReader(page, (root) => root?.activeElement?.classList.contains('copy-text'));
    // Collapse the box's selection (the arrow keys move no caret in a
    // read-only box), then select all of it with the keyboard.
    const collapsed = await inReader(page, (root) => {
      const area = /** @type {HTMLTextAreaElement} */ (root?.querySelector('.copy-text'));
      area.setSelectionRange(3, 3);
      return area.selectionStart === 3 && area.selectionEnd === 3;
    });
    assert.equal(collapsed, true, 'the box’s selection did not collapse');
    await page.keyboard.press('Control+A');
    const box = await inReader(page, (root) => {
      const area = /** @type {HTMLTextAreaElement} */ (root?.querySelector('.copy-text'));
      return { focused: root?.activeElement === area, start: area.selectionStart, end: area.selectionEnd, length: area.value.length };
    });
    assert.ok(box.length > 0, 'the box is empty');
    assert.deepEqual(box, { focused: true, start: 0, end: box.length, length: box.length }, 'Ctrl+A in the box selects all of its text');
  } finally {
    await page.close();
  }
});

// @ts-check
/**
 * End-to-end in headless Firefox ESR: the table of contents and the bundled
 * legible font (tests/e2e/longread.test.mjs has the full set in Chromium).
 * On the long fixture under a strict CSP (`font-src` falls back to
 * `default-src 'none'`): the contents open from the toolbar and a link jumps
 * the reader to its heading; the legible font's faces, sent by the
 * background script, load in the page's font set and the text uses them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SKIP,
  KEY,
  strictPagesInFirefox,
  openTab,
  closeTab,
  clickToolbarButton,
  waitInReader,
  clickInReader,
  press,
  waitForOverlay,
  waitForOverlayGone,
  waitForPageLock,
  choose,
} from './lib.mjs';

const TEST_TIMEOUT_MS = 90_000;

/** @type {import('../e2e/lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Firefox} */
let ff;

strictPagesInFirefox((s, f) => {
  server = s;
  ff = f;
});

test('Firefox: the contents jump to a heading, and the legible font loads under a strict CSP', { skip: SKIP, timeout: TEST_TIMEOUT_MS }, async () => {
  await openTab(ff, server.url('/longread.html'));
  try {
    await clickToolbarButton(ff);
    const view = await waitForOverlay(ff);
    assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
    await waitForPageLock(ff);

    await clickInReader(ff, '.toc-button');
    const links = await waitInReader(ff, (root) => {
      const panel = root?.querySelector('.toc');
      return panel && !panel.hasAttribute('hidden') ? Array.from(panel.querySelectorAll('a'), (a) => a.textContent) : null;
    });
    if (!links) throw new Error('no contents');
    assert.equal(links.length, 8);
    await clickInReader(ff, '.toc li:nth-child(5) a');
    const landed = await waitInReader(ff, (root) => {
      const heading = /** @type {HTMLElement} */ (root?.querySelectorAll('.content h2, .content h3, .content h4')[4]);
      const bar = /** @type {HTMLElement} */ (root?.querySelector('.bar')).getBoundingClientRect().bottom;
      const top = heading.getBoundingClientRect().top;
      return top >= bar - 2 && top <= bar + 40 ? { text: heading.textContent, focused: root?.activeElement === heading } : null;
    });
    assert.deepEqual(landed, { text: links[4], focused: true });

    await clickInReader(ff, '.aa');
    await choose(ff, 'font', 'legible');
    const fonts = await waitInReader(ff, (root) => {
      const para = /** @type {HTMLElement} */ (root?.querySelector('.content p'));
      const family = /"([^"]+)"/.exec(getComputedStyle(para).fontFamily)?.[1] ?? '';
      const doc = para.ownerDocument;
      const faces = Array.from(doc.fonts).filter((f) => f.family.replace(/"/g, '') === family);
      return family.startsWith('Quire Legible') && faces.length > 0 && faces.every((f) => f.status === 'loaded') && doc.fonts.check(`16px "${family}"`)
        ? { faces: faces.length }
        : null;
    });
    assert.deepEqual(fonts, { faces: 8 });
    await choose(ff, 'font', 'serif');
    await press(ff, KEY.Escape);
    await waitForOverlayGone(ff);
  } finally {
    await closeTab(ff);
  }
});

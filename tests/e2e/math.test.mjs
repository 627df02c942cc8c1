// @ts-check
/**
 * End-to-end: maths in the reader. A page with plain MathML, KaTeX output
 * and MathJax 3 output (fixtures/math.html, served under a strict CSP) is
 * opened with a real toolbar click; the reader's DOM, read over the
 * DevTools protocol, holds every `<mi>`, `<mo>` and `<mn>` of the page's
 * formulas, each in the MathML namespace (the overlay builds its DOM with
 * DOMParser and its own sanitiser, ui/sanitize.js, which must keep them),
 * and none of the KaTeX or MathJax renderings. axe-core finds nothing in
 * light, sepia and dark. The overlay's sanitiser, run in the content
 * script's world on hostile MathML parsed by the browser, keeps none of it.
 * Writes docs/screenshots/math.png.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  STRICT_CSP,
  serve,
  launchWithExtension,
  clickAction,
  waitForOverlay,
  inReader,
  waitInReader,
  clickInReader,
  focusInReader,
  inContentWorld,
  auditReader,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const TEST_TIMEOUT_MS = 90_000;
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('./lib.mjs').Launched} */
let browser;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serve({ root: FIXTURES, documentHeaders: { 'content-security-policy': STRICT_CSP } });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @typedef {import('playwright-core').Page} Page */

/**
 * Opens `path` of the fixture server in a new tab, clicks Quire as a reader
 * does and waits for the article.
 * @param {string} path
 */
async function openReader(path) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(server.url(path), { waitUntil: 'load' });
  // A reader clicks a moment after the page loads (see overlay.test.mjs).
  await page.waitForTimeout(500);
  await clickAction(browser, page);
  const view = await waitForOverlay(page);
  assert.equal(view.state, 'article', `overlay shows: ${view.text.slice(0, 300)}`);
  return page;
}

/**
 * Picks `value` in the toolbar's theme select with the keyboard (a synthetic
 * `change` is ignored by the reader), closing the panel again.
 * @param {Page} page
 * @param {string} value
 */
async function setTheme(page, value) {
  const expanded = await inReader(page, (root) => root?.querySelector('.aa')?.getAttribute('aria-expanded'));
  if (expanded !== 'true') await clickInReader(page, '.aa');
  const read = () =>
    inReader(page, (root) => {
      const select = /** @type {HTMLSelectElement} */ (root?.querySelector('select[name="theme"]'));
      return { values: Array.from(select.options, (o) => o.value), value: select.value };
    });
  const { values, value: start } = await read();
  const to = values.indexOf(value);
  assert.ok(to >= 0, `no theme ${value}`);
  await focusInReader(page, 'select[name="theme"]');
  for (let at = values.indexOf(start); at !== to; at += at < to ? 1 : -1) {
    await page.keyboard.press(at < to ? 'ArrowDown' : 'ArrowUp');
  }
  await clickInReader(page, '.aa');
  await waitInReader(page, (root, want) => {
    const d = root?.querySelector('.quire');
    return d instanceof HTMLElement && d.dataset.theme === want;
  }, value);
}

/**
 * axe-core over the open reader (lib.mjs auditReader); the violations.
 * @param {Page} page
 * @returns {Promise<{id: string, nodes: number, help: string}[]>}
 */
async function axeViolations(page) {
  return (await auditReader(page)).violations.map(({ id, nodes, help }) => ({ id, nodes, help }));
}

test('every token of the page’s formulas reaches the reader, in the MathML namespace', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openReader('/math.html');
  try {
    // The page's own formulas: what KaTeX and MathJax show sighted readers
    // is a rendering beside the MathML; the MathML holds the tokens.
    const inPage = await page.evaluate((ns) => {
      const tokens = Array.from(document.querySelectorAll('mi, mo, mn')).filter((e) => e.namespaceURI === ns);
      return { tokens: tokens.length, maths: document.querySelectorAll('math').length };
    }, MATHML_NS);
    assert.ok(inPage.tokens >= 35, `the fixture has only ${inPage.tokens} tokens`);

    const shown = await inReader(page, (root, ns) => {
      const content = /** @type {Element} */ (root?.querySelector('.content'));
      const all = Array.from(content.querySelectorAll('*'));
      const maths = all.filter((e) => e.localName === 'math');
      const tokens = all.filter((e) => ['mi', 'mo', 'mn'].includes(e.localName));
      const inMath = all.filter((e) => e.closest('math'));
      const block = /** @type {Element | undefined} */ (maths.find((m) => m.getAttribute('display') === 'block'));
      return {
        maths: maths.length,
        mathsInNs: maths.filter((e) => e.namespaceURI === ns).length,
        tokens: tokens.length,
        tokensInNs: tokens.filter((e) => e.namespaceURI === ns).length,
        // Every element inside a formula is MathML: no HTML parsed into it.
        notMathml: inMath.filter((e) => e.namespaceURI !== ns).map((e) => e.localName),
        // A MathML element is laid out as maths, not as an unknown inline box.
        blockDisplay: block ? getComputedStyle(block).display : '',
        blockHeight: block ? block.getBoundingClientRect().height : 0,
        renderings: content.querySelectorAll('.katex-html, mjx-math, mjx-container, [class*="katex"]').length,
        text: content.textContent?.replace(/\s+/g, ' ') ?? '',
      };
    }, MATHML_NS);
    assert.equal(shown.tokens, inPage.tokens, 'every <mi>, <mo>, <mn> is in the reader');
    assert.equal(shown.tokensInNs, shown.tokens, 'all of them in the MathML namespace');
    assert.equal(shown.maths, inPage.maths);
    assert.equal(shown.mathsInNs, shown.maths);
    assert.deepEqual(shown.notMathml, []);
    assert.equal(shown.renderings, 0, 'the KaTeX and MathJax renderings are gone');
    assert.match(shown.blockDisplay, /math/, `a displayed formula is laid out as maths (${shown.blockDisplay})`);
    assert.ok(shown.blockHeight > 10, `the displayed formula has a height (${shown.blockHeight})`);
    assert.ok(!shown.text.includes('2π t dt'), 'no loose glyphs of the KaTeX rendering');

    await setTheme(page, 'light');
    await page.screenshot({ path: join(SCREENSHOTS, 'math.png') });
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      assert.deepEqual(await axeViolations(page), [], `axe in ${theme}`);
    }
  } finally {
    await page.close();
  }
});

test('the overlay’s own sanitiser keeps MathML and drops hostile MathML', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await openReader('/math.html');
  try {
    const result = await inContentWorld(browser, page, (_shadowOf, ns) => {
      const sanitize = /** @type {any} */ (globalThis).quireSanitize;
      const cases = [
        '<math><mi href="javascript:alert(1)">x</mi></math>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        '<math><maction actiontype="statusline"><mi>x</mi><mtext>y</mtext></maction></math>',
        '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></semantics></math>',
        '<math><style>*{color:red}</style><mi>x</mi></math>',
        '<math><mi style="color:red" onclick="alert(1)">x</mi></math>',
        '<math><mglyph src="https://evil.example/g.png"></mglyph><mi>x</mi></math>',
        '<math><mtext><img src=x onerror=alert(1)></mtext><mi>x</mi></math>',
        '<math><mo lspace="url(x)">+</mo></math>',
      ];
      return cases.map((html) => {
        const body = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body;
        const div = /** @type {Element} */ (body.firstElementChild);
        sanitize.cleanTree(div);
        const els = Array.from(div.querySelectorAll('*'));
        return {
          html,
          kept: div.innerHTML,
          inNs: els.every((e) => e.namespaceURI === ns),
          attrs: els.flatMap((e) => e.getAttributeNames()),
        };
      });
    }, MATHML_NS);
    for (const r of result) {
      assert.ok(r.inNs, `${r.html}: only MathML left: ${r.kept}`);
      assert.deepEqual(r.attrs, [], `${r.html}: attributes left: ${r.kept}`);
      assert.doesNotMatch(r.kept, /maction|annotation-xml|mglyph|style|img|href|onclick|url/, r.html);
      assert.match(r.kept, /^<math>/, r.html);
    }
    // A well-formed formula comes through whole.
    const kept = await inContentWorld(browser, page, () => {
      const sanitize = /** @type {any} */ (globalThis).quireSanitize;
      const body = new DOMParser().parseFromString(
        '<div><math display="block"><mfrac linethickness="2px"><mi mathvariant="bold">a</mi><mn>2</mn></mfrac></math></div>',
        'text/html',
      ).body;
      const div = /** @type {Element} */ (body.firstElementChild);
      sanitize.cleanTree(div);
      return div.innerHTML;
    });
    assert.equal(kept, '<math display="block"><mfrac linethickness="2px"><mi mathvariant="bold">a</mi><mn>2</mn></mfrac></math>');
  } finally {
    await page.close();
  }
});

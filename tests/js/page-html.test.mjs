// @ts-check
/** content/page-html.js: which bytes of the page's HTML the content script leaves out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/content/page-html.js';

/** @type {QuirePageHtml} */
const { withoutScriptBodies: cut } = /** @type {any} */ (globalThis).quirePageHtml;

const CODE = 'var answer = 42; '.repeat(100); // 1,700 characters
const KEPT = CODE.slice(0, 640);

test('script and style bodies keep their first 640 characters; tags and the rest stay', () => {
  const html = `<html><head><style>${CODE}</style><script src="a.js"></script></head><body><p>Hi</p><script type="module">${CODE}</script></body></html>`;
  assert.equal(
    cut(html),
    `<html><head><style>${KEPT}</style><script src="a.js"></script></head><body><p>Hi</p><script type="module">${KEPT}</script></body></html>`,
  );
});

test('a page with nothing to cut comes back as it was', () => {
  const html = `<html><body><script>short()</script><p>${CODE}</p></body></html>`;
  assert.equal(cut(html), html);
});

test('JSON-LD bodies stay whole (the core reads them)', () => {
  const html = `<script type="application/ld+json">{"x": "${CODE}"}</script><script type=" Application/LD+JSON ">{"y": "${CODE}"}</script>`;
  assert.equal(cut(html), html);
});

test('a body whose kept part is mostly blank, holds <!-- or a surrogate stays whole', () => {
  for (const body of [' '.repeat(600) + CODE, `<!--${CODE}`, '😀'.repeat(400) + CODE]) {
    const html = `<script>${body}</script><p>after</p>`;
    assert.equal(cut(html), html, body.slice(0, 20));
  }
});

test('a script ends where the tokenizer ends it: </script> in a string, escaped and double-escaped data', () => {
  // `</scripts>` is no end tag; `<!--<script>…</script>` is double-escaped data, still inside.
  const body = `${CODE}x = "</scripts>"; <!-- <script> y = 1; </script> --> z = 2;`;
  assert.equal(cut(`<script>${body}</script><p>after</p>`), `<script>${KEPT}</script><p>after</p>`);
  // A script that never ends keeps the rest of the page as it was.
  const open = `<p>a</p><script>${CODE}`;
  assert.equal(cut(open), open);
});

test('tags inside comments and raw text are not tags: nothing there is cut', () => {
  const html = [
    `<!-- <script>${CODE}</script> -->`,
    `<!--><script>${CODE}</script>`, // `<!-->` is a whole (empty) comment: this script is real
    `<xmp><style>${CODE}</style></xmp>`,
    `<iframe><script>${CODE}</script></iframe>`,
    `<noembed><style>${CODE}</style></noembed>`,
    `<noframes><script>${CODE}</script></noframes>`,
  ].join('');
  const expected = html.replace(`<!--><script>${CODE}</script>`, `<!--><script>${KEPT}</script>`);
  assert.equal(cut(html), expected);
  const plain = `<plaintext><script>${CODE}</script>`;
  assert.equal(cut(plain), plain);
});

test('<noscript> holds markup for the core (scripting off), so its scripts are cut too', () => {
  assert.equal(cut(`<noscript><script>${CODE}</script></noscript>`), `<noscript><script>${KEPT}</script></noscript>`);
});

test('tag names are matched whole and in any case', () => {
  const html = `<scripty>${CODE}</scripty><STYLE media="x">${CODE}</Style>`;
  assert.equal(cut(html), `<scripty>${CODE}</scripty><STYLE media="x">${KEPT}</Style>`);
});

// @ts-check
/**
 * Smoke test of the *release* wasm (`make wasm`: wasm-pack --profile wasm-release, with
 * wasm-opt). It loads build/pkg exactly as the extension's glue does, through
 * `initSync`, and extracts a small page. A wasm-opt that breaks the module
 * (e.g. Debian's wasm-opt 108) compiles fine but fails here, at
 * instantiation, and debug builds never run wasm-opt at all.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import '../../extension/content/page-html.js';

const PKG = new URL('../../build/pkg/', import.meta.url);
/** @type {any} */
let core;

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tram depot reopens as a covered market | The Lowbridge Echo</title>
<meta property="og:site_name" content="The Lowbridge Echo">
<meta name="author" content="Saoirse Quill">
<meta property="article:published_time" content="2026-09-14T10:00:00Z">
<script>window.tracking = true;</script>
</head><body>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Tram depot reopens as a covered market</h1>
<p class="byline">By Saoirse Quill</p>
<p>The old tram depot on Canal Street opened its doors on Saturday as a covered market, twelve years after the last trams left it and eight years after the first plan to save the building was drawn up by a group of neighbours.</p>
<p>Forty-six traders have taken stalls under the restored iron roof, selling bread, cheese, repaired bicycles and secondhand records. The council, which owns the building, lets the stalls at a reduced rent for the first two years.</p>
<p>Several hundred people were queueing before the doors opened at nine. “I came here on the tram as a child, and now I’m buying my vegetables in the same shed,” said one of them, a retired teacher who lives on the next street.</p>
<p>The market will open four days a week to begin with, and the traders’ association hopes to add a Sunday evening food market in the spring if the first months go well.</p>
</article>
<form class="newsletter"><p>Sign up for the Echo briefing</p><div>* indicates required</div><input type="email"><button>Subscribe</button></form>
</main>
<footer><p>© 2026 The Lowbridge Echo</p></footer>
</body></html>`;

before(async () => {
  core = await import(new URL('quire.js', PKG).href);
  // Instantiation is where a bad wasm-opt shows up (Table.set / externref init).
  core.initSync({ module: readFileSync(new URL('quire_bg.wasm', PKG)) });
});

test('version() is the crate version', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
  assert.equal(core.version(), version);
});

test('extract() returns the article and its metadata, without page clutter', () => {
  const article = core.extract(PAGE, 'https://echo.example/news/tram-depot-market', undefined);
  assert.equal(article.title, 'Tram depot reopens as a covered market');
  assert.match(article.byline ?? '', /Saoirse Quill/);
  assert.equal(article.siteName, 'The Lowbridge Echo');
  assert.match(article.publishedTime ?? '', /^2026-09-14/);
  assert.equal(article.lang, 'en');
  assert.match(article.text, /opened its doors on Saturday as a covered market/);
  assert.match(article.text, /Sunday evening food market in the spring/);
  assert.doesNotMatch(article.text, /indicates required|Subscribe|Sign up for the Echo/);
  assert.doesNotMatch(article.content, /<script|<form|<input|\son\w+=/i);
  assert.ok(article.wordCount > 100 && article.wordCount < 250, `wordCount ${article.wordCount}`);
  assert.ok(article.readingMinutes >= 1);
  assert.equal(typeof article.markdown, 'string');
  assert.equal(typeof article.readerable, 'boolean');
});

test('extract() accepts a missing url and options', () => {
  const article = core.extract(PAGE, undefined, undefined);
  assert.equal(article.title, 'Tram depot reopens as a covered market');
});

test('isProbablyReaderable() tells an article from a stub', () => {
  assert.equal(core.isProbablyReaderable(PAGE), true);
  assert.equal(core.isProbablyReaderable('<html><body><p>Hello.</p></body></html>'), false);
});

test('after a trap the worker core moves to a fresh instance of the real glue', async () => {
  // The service worker imports the glue under distinct URLs to get spare
  // instances (extension/background/core.js). Check that works with the real
  // glue: a second instance initialises from the shared compiled module and
  // extracts. The trap itself is simulated on the first instance.
  const { createCore } = await import('../../extension/background/core.js');
  const spare = await import(new URL('quire.js?instance=1', PKG).href);
  assert.notEqual(spare, core, 'a query string gives a distinct module instance');
  const trapping = {
    ...core,
    default: async () => {},
    extract: (/** @type {string} */ html, /** @type {any} */ url, /** @type {any} */ options) => {
      if (html === 'TRAP') throw new WebAssembly.RuntimeError('unreachable');
      return core.extract(html, url, options);
    },
  };
  const bytes = readFileSync(new URL('quire_bg.wasm', PKG));
  const engine = createCore({ glues: [trapping, spare], compile: () => WebAssembly.compile(bytes) });
  assert.equal((await engine.extract(PAGE, 'https://echo.example/a')).ok, true);
  assert.equal((await engine.extract('TRAP', 'https://echo.example/a')).ok, false);
  assert.equal(engine.instance(), 1);
  const answer = await engine.extract(PAGE, 'https://echo.example/a');
  assert.equal(answer.ok, true);
  assert.equal(/** @type {any} */ (answer).article.title, 'Tram depot reopens as a covered market');
  assert.equal(spare.version(), core.version());
});

test('the page as the content script sends it (script and style bodies cut short) reads the same', () => {
  /** @type {QuirePageHtml} */
  const { withoutScriptBodies } = /** @type {any} */ (globalThis).quirePageHtml;
  const code = 'track({event: "view", id: 12345}); '.repeat(100);
  const style = '.x { color: red; } '.repeat(100);
  const ld = `{"@type":"NewsArticle","headline":"Tram depot reopens","author":{"name":"Saoirse Quill"},"padding":"${'x'.repeat(900)}"}`;
  const big = PAGE.replace('<script>window.tracking = true;</script>', `<script>${code}</script><style>${style}</style><script type="application/ld+json">${ld}</script>`)
    .replace('<footer>', `<script>${code}</script><footer>`);
  // A stub that is "readerable" only through the script inside its paragraph (as the
  // corpus page qq is): Readability's test counts a paragraph's script text.
  const stub = `<html><body><p>Short.<script>${code}</script></p></body></html>`;
  for (const page of [PAGE, big, stub]) {
    const sent = withoutScriptBodies(page);
    if (page !== PAGE) assert.ok(sent.length < page.length - 2000, 'something was cut');
    const url = 'https://echo.example/news/tram-depot-market';
    const options = { text: true, markdown: true };
    assert.deepEqual(core.extract(sent, url, options), core.extract(page, url, options));
  }
  assert.equal(core.extract(withoutScriptBodies(stub), undefined, undefined).readerable, true);
});

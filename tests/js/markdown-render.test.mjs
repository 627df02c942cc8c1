// @ts-check
/**
 * Quire's Markdown rendered by a real Markdown renderer that lets raw HTML
 * through (markdown-it with `html: true`, as static-site generators and
 * wikis use it): no XSS test vector and no hostile case may come out as an
 * element, attribute or URL scheme the article HTML's allow-list
 * (src/output/allow.rs) does not allow. 0 survivors.
 *
 * What is rendered, for every vector of tests/xss/vectors.txt (in the body
 * and in the head of an article page) and every hostile case below:
 * - the core's Markdown (`extract` with `markdown: true`, release wasm);
 * - Copy as Markdown's path: `markdownFromHtml` of the sanitised content,
 *   and of the raw HTML too (the function must hold on any input);
 * - the whole exported document with the page's title, byline and site name
 *   in its header: the extension's `articleMarkdown` (ui/overlay.js) and the
 *   playground's `markdownExport` (www/blocks.js).
 *
 * Each Markdown is rendered twice: by markdown-it as configured by default
 * (whose own link check refuses `javascript:` and other schemes) and with
 * that check turned off, as in renderers that have none; both must be clean.
 * Reads dist/ (`make js-test` builds it first).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { markdownExport } from '../../www/blocks.js';
import '../../extension/shared/quirks.js';
import '../../extension/ui/settings.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'dist', 'chrome', 'pkg');
const STRINGS = join(ROOT, 'dist', 'www', 'ui', 'strings-en.js');
for (const file of [join(PKG, 'quire_bg.wasm'), STRINGS]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run make dist first`);
}
// The overlay's classic scripts, in the order the extension injects them.
await import(pathToFileURL(STRINGS).href);
for (const name of ['strings', 'dom', 'sanitize', 'render', 'toolbar', 'overlay']) {
  await import(pathToFileURL(join(ROOT, 'extension', 'ui', `${name}.js`)).href);
}
/** @type {(article: any, pageUrl?: string) => string} */
const articleMarkdown = /** @type {any} */ (globalThis).quireOverlay.articleMarkdown;

/** @type {any} */
let core;
before(async () => {
  core = await import(pathToFileURL(join(PKG, 'quire.js')).href);
  core.initSync({ module: readFileSync(join(PKG, 'quire_bg.wasm')) });
});

// ---- the allow-list -----------------------------------------------------------

/** The article HTML's elements, read from the sanitiser's own list. */
const ALLOWED_TAGS = (() => {
  const rust = readFileSync(join(ROOT, 'src', 'output', 'allow.rs'), 'utf8');
  const list = /ALLOWED_TAGS: &\[&str\] = &\[([^\]]*)\]/.exec(rust);
  assert.ok(list, 'ALLOWED_TAGS in src/output/allow.rs');
  return new Set([...list[1].matchAll(/"([a-z0-9]+)"/g)].map((m) => m[1]));
})();

/**
 * The attributes markdown-it writes that the article HTML allows too (the
 * allow-list's `allowed_attr`, for these elements). `style` on a table cell
 * is markdown-it's own column alignment, checked for exactly that value.
 * @type {Record<string, string[]>}
 */
const ALLOWED_ATTRS = {
  a: ['href'],
  img: ['src', 'alt'],
  ol: ['start'],
  code: ['class'],
  pre: ['class'],
  td: ['style'],
  th: ['style'],
};

/**
 * The scheme of `url` as a browser reads it (ASCII whitespace and controls
 * dropped), lowercased; null for a relative URL.
 * @param {string} url
 */
function scheme(url) {
  let s = '';
  for (const c of url) {
    if (c <= ' ' || c === '\x7f') continue;
    if (c === ':') return s;
    if (c === '/' || c === '?' || c === '#') return null;
    s += c.toLowerCase();
  }
  return null;
}

/**
 * Whether the allow-list keeps `url` in `attr` (src/output/allow.rs,
 * `safe_url`): http, https, relative; mailto in links; raster data: images.
 * @param {string} attr
 * @param {string} url
 */
function urlAllowed(attr, url) {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(url)) return false;
  const s = scheme(url);
  if (s === null || s === 'http' || s === 'https') return true;
  if (s === 'mailto') return attr === 'href';
  if (s === 'data') return attr === 'src' && /^\s*data:image\/(png|gif|jpeg|webp|avif)[;,]/i.test(url);
  return false;
}

/** @param {string} value An attribute value as markdown-it escapes it. */
function unescapeHtml(value) {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// ---- rendering and the audit ----------------------------------------------------

const RENDERERS = {
  'markdown-it': new MarkdownIt({ html: true }),
  'markdown-it, no link check': (() => {
    const md = new MarkdownIt({ html: true });
    md.validateLink = () => true;
    return md;
  })(),
};

/**
 * What is wrong with `markdown` once rendered: raw HTML passed through, or an
 * element, attribute or URL the article allow-list refuses. Empty when clean.
 * @param {string} markdown
 */
function audit(markdown) {
  /** @type {string[]} */
  const bad = [];
  for (const [name, md] of Object.entries(RENDERERS)) {
    /** @type {Record<string, any>} */
    const env = {};
    const tokens = md.parse(markdown, env);
    // Raw HTML goes through markdown-it untouched: the Markdown must hold none.
    for (const token of tokens.flatMap((t) => [t, ...(t.children ?? [])])) {
      if (token.type === 'html_block' || token.type === 'html_inline') {
        bad.push(`${name}: raw HTML ${JSON.stringify(token.content)}`);
      }
    }
    // With no raw HTML, every tag in the output is markdown-it's own, and a
    // scan of them is exact.
    const html = md.renderer.render(tokens, md.options, env);
    for (const [, close, tag, attrs] of html.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
      const t = tag.toLowerCase();
      if (!ALLOWED_TAGS.has(t)) bad.push(`${name}: element <${t}>`);
      if (close) continue;
      for (const [, attr, , , dq, sq, bare] of attrs.matchAll(/([^\s"'=<>`/]+)(=("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
        const a = attr.toLowerCase();
        const value = unescapeHtml(dq ?? sq ?? bare ?? '');
        const ok =
          ['lang', 'dir', 'title'].includes(a) ||
          (ALLOWED_ATTRS[t] ?? []).includes(a) &&
            (a !== 'style' || /^text-align:(left|right|center)$/.test(value)) &&
            (a !== 'class' || /^language-[^\s"'<>]*$/.test(value));
        if (!ok) bad.push(`${name}: attribute ${a}=${JSON.stringify(value)} on <${t}>`);
        if ((a === 'href' || a === 'src') && !urlAllowed(a, value)) {
          bad.push(`${name}: URL ${JSON.stringify(value)} in <${t} ${a}>`);
        }
      }
    }
  }
  return bad;
}

// ---- inputs ---------------------------------------------------------------------

const VECTORS = readFileSync(join(ROOT, 'tests', 'xss', 'vectors.txt'), 'utf8')
  .split('\n')
  .map((line, i) => /** @type {[number, string]} */ ([i + 1, line]))
  .filter(([, line]) => line.trim() !== '' && !line.startsWith('#'));

/** @param {number} n */
const paragraph = (n) =>
  `Paragraph ${n} of the harbour notes: the ferry timetable changes in the spring, when the ` +
  'evening crossing moves half an hour later, and the island shop keeps longer hours to match, ' +
  'so that walkers coming back from the cliffs can still buy bread before the last boat leaves. ';

/** @param {string} v */
const bodyPage = (v) =>
  `<!DOCTYPE html><html><head><title>Harbour notes</title></head><body><article>` +
  `<h1>Harbour notes</h1><p>${paragraph(1)}</p><p>${paragraph(2)}</p>${v}` +
  `<p>${paragraph(3)} ${v} ${paragraph(4)}</p><p>${paragraph(5)}</p></article></body></html>`;

/** @param {string} v */
const headPage = (v) =>
  `<!DOCTYPE html><html><head><title>Harbour notes</title>${v}</head><body><article>` +
  `<h1>Harbour notes</h1><p>${paragraph(1)}</p><p>${paragraph(2)}</p><p>${paragraph(3)}</p>` +
  `</article></body></html>`;

/**
 * Hostile content aimed at the Markdown writer rather than the sanitiser:
 * each is valid, allowed article HTML whose text or structure tries to break
 * out of its Markdown construct into raw HTML or a link.
 */
const HOSTILE = {
  'table cells with pipes, tags as text and line breaks':
    '<table><tr><th>a | b</th><th>&lt;img src=x onerror=alert(1)&gt;</th></tr>' +
    '<tr><td>x|y<br>&lt;script&gt;alert(1)&lt;/script&gt;</td><td><code>|</code> `&lt;b&gt;`</td></tr></table>',
  'code spans holding backticks, blank lines and tags':
    '<p><code>a ``` b `` c ` d</code> and <code>`&lt;img src=x onerror=alert(1)&gt;`</code> ' +
    'and <code>line\n\n&lt;script&gt;alert(1)&lt;/script&gt;</code></p>',
  'pre with both fences and a hostile language':
    '<pre><code class="language-x`y">```\n~~~\n<img src=x onerror=alert(1)>\n~~~~~~\n````````</code></pre>' +
    '<pre><code class="language-&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</code></pre>',
  'text that looks like Markdown links and autolinks':
    '<p>[click](javascript:alert(1)) and ![x](data:image/svg+xml,&lt;svg onload=alert(1)&gt;) and ' +
    '&lt;javascript:alert(1)&gt; and &lt;https://ok.example&gt;</p>' +
    '<p>[ref]: javascript:alert(1)</p><p>[ref] and [ref][] and [ref]</p>',
  'link text and titles that try to close the link':
    '<p><a href="https://ok.example/a">x](javascript:alert(1)) [y</a> ' +
    '<a href="https://ok.example/b&quot;) onclick=&quot;alert(1)" title="t&quot;)">z</a> ' +
    '<img src="https://ok.example/i.png" alt="a](javascript:alert(1))"></p>',
  'entities that decode to tags':
    '<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;#60;img src=x onerror=alert(1)&amp;#62;</p>',
  'HTML block starts at the start of a line':
    '<p>x</p><p>&lt;div onmouseover=alert(1)&gt;</p><p>&lt;!-- x --&gt;</p><p>&lt;?php x ?&gt;</p>' +
    '<p>&lt;![CDATA[x]]&gt;</p><p>&lt;script&gt;</p><p>&lt;/p&gt;&lt;iframe src=javascript:alert(1)&gt;</p>',
  'nested quotes and lists around tags as text':
    '<blockquote><blockquote><ul><li>&lt;svg onload=alert(1)&gt;<ol start="3"><li>' +
    '<pre>&lt;img src=x onerror=alert(1)&gt;\n```</pre></li></ol></li></ul></blockquote></blockquote>',
  'headings and emphasis around tags as text':
    '<h2>&lt;img src=x onerror=alert(1)&gt; #</h2><p><em>*&lt;b&gt;*</em><strong>__&lt;i&gt;__</strong></p>',
};

/** Header fields (title, byline, site name) from a hostile page. */
const HOSTILE_FIELDS = [
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '`<script>alert(1)</script>`',
  '</p><svg onload=alert(1)>',
  '*<b>* _x_ # & &lt;script&gt;',
  'a\n\n<div onclick=alert(1)>b</div>',
];

/**
 * Every Markdown to render for one page: the core's, Copy as Markdown's,
 * and the two exported documents with hostile header fields.
 * @param {string} html
 * @returns {[string, string][]}
 */
function markdownsOf(html) {
  /** @type {[string, string][]} */
  const out = [];
  try {
    out.push(['markdownFromHtml(raw)', core.markdownFromHtml(html)]);
  } catch (e) {
    assert.match(String(e), /too long|no content/i, `markdownFromHtml threw ${e}`);
  }
  let article;
  try {
    article = core.extract(html, 'https://harbour.example/notes', { markdown: true });
  } catch {
    return out;
  }
  out.push(['extract().markdown', article.markdown]);
  out.push(['markdownFromHtml(content)', core.markdownFromHtml(article.content)]);
  HOSTILE_FIELDS.forEach((field, i) => {
    const hostile = { ...article, title: field, byline: HOSTILE_FIELDS[(i + 1) % HOSTILE_FIELDS.length], siteName: field };
    out.push([`articleMarkdown, header ${i}`, articleMarkdown(hostile, 'https://harbour.example/notes')]);
    out.push([`markdownExport, header ${i}`, markdownExport(hostile)]);
  });
  return out;
}

// ---- tests ----------------------------------------------------------------------

test('the audit catches raw HTML, refused elements and refused URL schemes, so it can fail', () => {
  assert.deepEqual(audit('# Title\n\nA [link](https://ok.example/) and ![i](https://ok.example/i.png).\n'), []);
  assert.ok(audit('<img src=x onerror=alert(1)>').some((p) => p.includes('raw HTML')));
  assert.ok(audit('x <script>alert(1)</script> y').some((p) => p.includes('raw HTML')));
  assert.ok(audit('[a](javascript:alert(1))').some((p) => p.includes('URL "javascript:alert(1)"')));
  assert.ok(audit('![a](data:image/svg+xml;base64,PHN2Zz4=)').some((p) => p.includes('URL')));
  assert.ok(audit('[a](vbscript:x)').length > 0);
  assert.deepEqual(audit('[a](mailto:x@ok.example) ![b](data:image/png;base64,AAAA)'), []);
  assert.ok(audit('![a](mailto:x@ok.example)').some((p) => p.includes('URL')));
});

test('no XSS vector survives the Markdown rendered with html: true (0 survivors)', () => {
  /** @type {string[]} */
  const survivors = [];
  let extracted = 0;
  let rendered = 0;
  for (const [line, vector] of VECTORS) {
    for (const [where, page] of [['body', bodyPage(vector)], ['head', headPage(vector)]]) {
      const markdowns = markdownsOf(page);
      if (markdowns.some(([what]) => what === 'extract().markdown')) extracted++;
      for (const [what, markdown] of markdowns) {
        rendered++;
        for (const problem of audit(markdown)) survivors.push(`line ${line} (${where}, ${what}): ${problem}`);
      }
    }
    for (const [what, markdown] of markdownsOf(vector)) {
      rendered++;
      for (const problem of audit(markdown)) survivors.push(`line ${line} (bare, ${what}): ${problem}`);
    }
  }
  assert.ok(VECTORS.length >= 150, `${VECTORS.length} vectors`);
  // The test means something only if the vectors' pages are extracted.
  assert.ok(extracted >= 2 * VECTORS.length * 0.9, `${extracted} of ${2 * VECTORS.length} pages extracted`);
  assert.deepEqual(survivors.slice(0, 30), [], `${survivors.length} survivors in ${rendered} renderings`);
});

test('no hostile Markdown case survives rendering with html: true (0 survivors)', () => {
  /** @type {string[]} */
  const survivors = [];
  for (const [name, content] of Object.entries(HOSTILE)) {
    const markdowns = markdownsOf(bodyPage(content));
    assert.ok(markdowns.some(([what]) => what === 'extract().markdown'), `${name}: extracted`);
    markdowns.push(['markdownFromHtml(case)', core.markdownFromHtml(content)]);
    for (const [what, markdown] of markdowns) {
      for (const problem of audit(markdown)) survivors.push(`${name} (${what}): ${problem}`);
    }
  }
  assert.deepEqual(survivors, []);
});

test('the hostile cases keep their text: escaped, not dropped', () => {
  const md = new MarkdownIt({ html: true });
  const rendered = md.render(core.markdownFromHtml(HOSTILE['code spans holding backticks, blank lines and tags']));
  assert.match(rendered, /&lt;img src=x onerror=alert\(1\)&gt;/, 'the tag shows as text');
  const table = md.render(core.markdownFromHtml(HOSTILE['table cells with pipes, tags as text and line breaks']));
  assert.match(table, /<table>/, 'the table is still a table');
  assert.match(table, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

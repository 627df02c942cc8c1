// @ts-check
/**
 * The playground's pure helpers (www/blocks.js): heat map colours and
 * labels, reader-to-original matching, and the exports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  heatColour,
  labelFor,
  blockText,
  normalize,
  isLabelled,
  labelPlan,
  leafHeat,
  matchReaderToBlocks,
  escapeMarkdownLine,
  markdownExport,
  maxScore,
  reportBundle,
  slug,
  summarise,
} from '../../www/blocks.js';
import { srcdocFor } from '../../www/heatmap.js';

/**
 * @param {Partial<import('../../www/blocks.js').Block>} fields
 * @returns {import('../../www/blocks.js').Block}
 */
const block = (fields) => ({ path: 'html>body:nth-child(2)>p:nth-child(1)', tag: 'p', score: null, decision: 'kept', kind: null, signals: [], inherited: false, text: '', ...fields });

const ARTICLE = {
  title: 'Harbour  board backs\nthe plan', byline: 'Maren Holt', siteName: 'Courier', publishedTime: '2026-11-24T08:30:00+00:00',
  lang: 'en', dir: 'ltr', excerpt: null, leadImage: null, content: '<p>x</p>', text: 'x', markdown: 'The board voted.\n', wordCount: 3, readingMinutes: 1, readerable: true,
};

test('removed blocks are labelled with their kind, or their main signal', () => {
  assert.equal(labelFor(block({ decision: 'clutter', kind: 'newsletter-form', signals: ['form', 'email'] })), 'newsletter-form');
  assert.equal(labelFor(block({ decision: 'dropped', signals: ['unlikely-candidate', 'x'] })), 'unlikely-candidate');
  assert.equal(labelFor(block({ decision: 'kept' })), null);
  assert.equal(isLabelled(block({ decision: 'dropped', signals: ['hidden'], inherited: true })), false, 'inherited decisions are labelled on the ancestor');
  assert.equal(isLabelled(block({ decision: 'dropped', signals: ['hidden'] })), true);
});

test('one label covers a block removed whole, not one that holds the article', () => {
  const B = 'html>body:nth-child(2)';
  const blocks = [
    block({ path: `${B}>div:nth-child(1)`, decision: 'dropped', signals: ['outside-article'] }),
    block({ path: `${B}>div:nth-child(1)>p:nth-child(1)`, decision: 'dropped', signals: ['outside-article'] }),
    block({ path: `${B}>div:nth-child(1)>div:nth-child(2)`, decision: 'dropped', signals: ['unlikely-candidate'] }),
    block({ path: `${B}>div:nth-child(2)`, decision: 'dropped', signals: ['outside-article'] }),
    block({ path: `${B}>div:nth-child(2)>aside:nth-child(1)`, decision: 'dropped', signals: ['outside-article'] }),
    block({ path: `${B}>div:nth-child(2)>main:nth-child(2)`, decision: 'kept' }),
    block({ path: `${B}>div:nth-child(2)>main:nth-child(2)>div:nth-child(1)`, decision: 'clutter', kind: 'share', signals: ['share-words'] }),
    block({ path: `${B}>div:nth-child(2)>main:nth-child(2)>div:nth-child(1)>ul:nth-child(1)`, decision: 'clutter', kind: 'share', signals: ['share-words'], inherited: true }),
  ];
  const plan = labelPlan(blocks);
  assert.deepEqual([...plan].map(([b, l]) => [b.path.slice(B.length), l]), [
    ['>div:nth-child(1)', 'outside-article'],
    ['>div:nth-child(1)>div:nth-child(2)', 'unlikely-candidate'],
    ['>div:nth-child(2)', 'outside-article'],
    ['>div:nth-child(2)>aside:nth-child(1)', 'outside-article'],
    ['>div:nth-child(2)>main:nth-child(2)>div:nth-child(1)', 'share'],
  ]);
});

test('heat runs from blue at zero to red at the best score', () => {
  assert.equal(maxScore([block({ score: -3 }), block({ score: 12 }), block({})]), 12);
  assert.equal(maxScore([block({})]), 1);
  assert.match(heatColour(0, 10), /^hsla\(210,/);
  assert.match(heatColour(-5, 10), /^hsla\(210,/);
  assert.match(heatColour(10, 10), /^hsla\(0,/);
  assert.match(heatColour(50, 10), /^hsla\(0,/);
});

test('leaves take the heat of their nearest scored block', () => {
  const blocks = [
    block({ path: 'html>body', tag: 'body', score: 2 }),
    block({ path: 'html>body>div', tag: 'div', score: 40 }),
    block({ path: 'html>body>div>p:nth-child(1)' }),
    block({ path: 'html>body>div>p:nth-child(2)', score: 5 }),
    block({ path: 'html>body>aside' }),
    block({ path: 'html>nav' }),
  ];
  assert.deepEqual([...leafHeat(blocks)].map(([b, s]) => [b.path, s]), [
    ['html>body>div>p:nth-child(1)', 40],
    ['html>body>div>p:nth-child(2)', 5],
    ['html>body>aside', 2],
  ]);
  assert.match(heatColour(40, 40, false), /^hsl\(0,/);
});

test('reader blocks match kept blocks by tag and text, in order', () => {
  const blocks = [
    block({ path: 'a', tag: 'div', text: 'Same words here in a wrapper paragraph' }),
    block({ path: 'b', tag: 'p', text: 'Same words here in a wrapper paragraph' }),
    block({ path: 'c', tag: 'p', text: 'Repeated' }),
    block({ path: 'd', tag: 'p', text: 'Repeated' }),
    block({ path: 'e', tag: 'p', text: 'Dropped text', decision: 'dropped' }),
    block({ path: 'f', tag: 'p', text: 'A long paragraph whose tail the core trimmed: it drops an inline widget' }),
  ];
  const m = matchReaderToBlocks(
    [
      { key: 1, tag: 'p', text: ' Same words  here in a\nwrapper paragraph ' },
      { key: 2, tag: 'p', text: 'Repeated' },
      { key: 3, tag: 'p', text: 'Repeated' },
      { key: 4, tag: 'p', text: 'Dropped text' },
      { key: 5, tag: 'p', text: 'A long paragraph whose tail the core trimmed: it drops' },
      { key: 6, tag: 'p', text: '' },
    ],
    blocks,
  );
  assert.deepEqual([...m].map(([k, b]) => [k, b.path]), [[1, 'b'], [2, 'c'], [3, 'd'], [5, 'f']]);
});

test('the Markdown export starts with the headline and a byline line', () => {
  assert.equal(markdownExport(ARTICLE), '# Harbour board backs the plan\n\n*Maren Holt · 2026-11-24*\n\nThe board voted.\n');
  const titled = { ...ARTICLE, byline: null, publishedTime: null, markdown: '# Harbour board backs the plan\n\nThe board voted.' };
  assert.equal(markdownExport(titled), '# Harbour board backs the plan\n\nThe board voted.\n', 'no second heading');
  assert.ok(markdownExport({ ...ARTICLE, title: null }).startsWith('# Untitled\n'));
  // Page text in the header stays text: no raw HTML, emphasis, link or closing `#`.
  const hostile = { ...ARTICLE, title: 'C# <img src=x onerror=alert(1)> #', byline: '*Ann* [me](javascript:x) | &amp;', publishedTime: null };
  assert.equal(
    markdownExport(hostile).split('\n\n').slice(0, 2).join('\n\n'),
    '# C\\# \\<img src=x onerror=alert(1)\\> \\#\n\n*\\*Ann\\* \\[me\\](javascript:x) \\| \\&amp;*',
  );
  assert.equal(escapeMarkdownLine('a\n  b_c'), 'a b\\_c');
});

test('the bug report holds the input, the URL and the explanation', () => {
  const explanation = { article: ARTICLE, container: 'html>body:nth-child(2)', blocks: [block({})], keptText: 'x' };
  const r = reportBundle({ html: '<p>x</p>', url: null, explanation, coreVersion: '0.1.0', timings: { explain: 1 } });
  assert.equal(r.html, '<p>x</p>');
  assert.equal(r.url, null);
  assert.equal(r.explain, explanation);
  assert.equal(r.format, 'quire-playground-report');
  assert.ok(!Number.isNaN(Date.parse(r.createdAt)));
});

test('block text is cut as the core cuts it', () => {
  assert.equal(normalize('\u00a0 a \n\t b\u2003'), 'a b');
  assert.equal(normalize('\ufeffa'), '\ufeffa', 'U+FEFF is not White_Space');
  const stars = '🌟'.repeat(130);
  assert.equal([...blockText(stars)].length, 120);
  assert.equal(blockText(`  ${'x'.repeat(200)}`), 'x'.repeat(120));
});

test('file names and counts', () => {
  assert.equal(slug('Skerry Point lighthouse — as a “weather station”!'), 'skerry-point-lighthouse-as-a-weather-station');
  assert.equal(slug('Привіт'), 'article');
  const s = summarise([block({ path: 'a' }), block({ path: 'b', decision: 'clutter', kind: 'share' }), block({ path: 'b>c', decision: 'dropped', signals: ['hidden'], inherited: true })]);
  assert.deepEqual(s.decisions, { kept: 1, dropped: 1, clutter: 1 });
  assert.deepEqual(s.labels, { share: 1 });
});

test('the frame gets the base URL after the doctype, unless the page has its own', () => {
  assert.equal(srcdocFor('<!DOCTYPE html><p>x', 'https://a.example/n/1'), '<!DOCTYPE html><base href="https://a.example/n/1"><p>x');
  assert.equal(srcdocFor('<p>x', 'https://a.example/?a=1&b="2"'), '<base href="https://a.example/?a=1&amp;b=&quot;2&quot;"><p>x');
  assert.equal(srcdocFor('<p>x', null), '<p>x');
  const own = '<head><base href="https://cdn.example/"></head><p>x';
  assert.equal(srcdocFor(own, 'https://a.example/'), own);
});

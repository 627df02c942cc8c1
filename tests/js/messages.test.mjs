// @ts-check
/** The message validators shared by the worker and the content script. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/shared/messages.js';

/** @type {QuireMessages} */
const { MSG, MAX_HTML_CHARS, checkExtractRequest, checkExtractResponse, checkMarkdownRequest, checkMarkdownResponse } =
  /** @type {any} */ (globalThis).quireMessages;

const ARTICLE = {
  title: 'T', byline: null, siteName: 'S', publishedTime: null, lang: null, dir: null, excerpt: null, leadImage: null,
  content: '<p>x</p>', wordCount: 1, readingMinutes: 1, readerable: true,
};

test('message names say their direction', () => {
  assert.equal(MSG.EXTRACT, 'content→worker:extract');
  assert.equal(MSG.MARKDOWN, 'content→worker:markdown');
});

test('a well-formed extract request passes, stripped to its fields', () => {
  const checked = checkExtractRequest({ type: MSG.EXTRACT, html: '<p>hi</p>', url: 'https://a.test/', token: 't', extra: 1 });
  assert.deepEqual(checked, { ok: true, value: { type: MSG.EXTRACT, html: '<p>hi</p>', url: 'https://a.test/', token: 't' } });
});

test('malformed extract requests are refused with a reason', () => {
  const cases = [
    [null, /not an object/],
    ['content→worker:extract', /not an object/],
    [{ type: 'page→worker:extract', html: '', url: '' }, /unknown message type/],
    [{ type: MSG.EXTRACT, html: 42, url: '' }, /html must be a string/],
    [{ type: MSG.EXTRACT, html: '', url: null }, /url must be a string/],
    [{ type: MSG.EXTRACT, html: '', url: '' }, /token must be a string/],
    [{ type: MSG.EXTRACT, html: '', url: '', token: 1 }, /token must be a string/],
    [{ type: MSG.EXTRACT, html: 'x'.repeat(MAX_HTML_CHARS + 1), url: '' }, /too large/],
  ];
  for (const [message, reason] of cases) {
    const checked = checkExtractRequest(message);
    assert.equal(checked.ok, false, JSON.stringify(message)?.slice(0, 80));
    assert.match(/** @type {{error: string}} */ (checked).error, /** @type {RegExp} */ (reason));
  }
});

test('an article answer passes and an error answer passes', () => {
  assert.deepEqual(checkExtractResponse({ ok: true, article: ARTICLE }), { ok: true, value: { ok: true, article: ARTICLE } });
  assert.deepEqual(checkExtractResponse({ ok: false, error: 'nope' }), { ok: true, value: { ok: false, error: 'nope' } });
});

test('answers with a wrong shape are refused', () => {
  assert.equal(checkExtractResponse(undefined).ok, false);
  assert.equal(checkExtractResponse({ ok: 'yes' }).ok, false);
  assert.equal(checkExtractResponse({ ok: false }).ok, false);
  assert.equal(checkExtractResponse({ ok: true, article: { ...ARTICLE, content: null } }).ok, false);
  assert.equal(checkExtractResponse({ ok: true, article: { ...ARTICLE, title: 3 } }).ok, false);
  assert.equal(checkExtractResponse({ ok: true, article: { ...ARTICLE, wordCount: NaN } }).ok, false);
  assert.equal(checkExtractResponse({ ok: true, article: { ...ARTICLE, readerable: 'no' } }).ok, false);
});

test('an article answer may carry text and Markdown, as strings only', () => {
  const full = { ...ARTICLE, text: 'x', markdown: 'x' };
  assert.deepEqual(checkExtractResponse({ ok: true, article: full }), { ok: true, value: { ok: true, article: full } });
  const error = (/** @type {unknown} */ response) => /** @type {{error: string}} */ (checkExtractResponse(response)).error;
  assert.match(error({ ok: true, article: { ...ARTICLE, text: 3 } }), /article.text must be a string/);
  assert.match(error({ ok: true, article: { ...ARTICLE, markdown: null } }), /article.markdown must be a string/);
});

test('a well-formed Markdown request passes, stripped to its fields', () => {
  const checked = checkMarkdownRequest({ type: MSG.MARKDOWN, html: '<p>hi</p>', url: 'https://a.test/' });
  assert.deepEqual(checked, { ok: true, value: { type: MSG.MARKDOWN, html: '<p>hi</p>' } });
});

test('malformed Markdown requests are refused with a reason', () => {
  const cases = [
    [undefined, /not an object/],
    [[MSG.MARKDOWN, '<p>x</p>'], /not an object/],
    [{ type: MSG.EXTRACT, html: '<p>x</p>', url: '' }, /unknown message type/],
    [{ type: MSG.MARKDOWN }, /html must be a string/],
    [{ type: MSG.MARKDOWN, html: { toString: () => '<p>x</p>' } }, /html must be a string/],
    [{ type: MSG.MARKDOWN, html: 'x'.repeat(MAX_HTML_CHARS + 1) }, /too large/],
  ];
  for (const [message, reason] of cases) {
    const checked = checkMarkdownRequest(message);
    assert.equal(checked.ok, false, JSON.stringify(message)?.slice(0, 80));
    assert.match(/** @type {{error: string}} */ (checked).error, /** @type {RegExp} */ (reason));
  }
  // An extract request is not a Markdown request, nor the other way round.
  assert.equal(checkExtractRequest({ type: MSG.MARKDOWN, html: '', url: '' }).ok, false);
});

test('Markdown answers: the Markdown or an error, nothing else', () => {
  assert.deepEqual(checkMarkdownResponse({ ok: true, markdown: '# T\n', extra: 1 }), { ok: true, value: { ok: true, markdown: '# T\n' } });
  assert.deepEqual(checkMarkdownResponse({ ok: false, error: 'nope' }), { ok: true, value: { ok: false, error: 'nope' } });
  for (const bad of [undefined, null, 'md', { ok: 'yes', markdown: '' }, { ok: true }, { ok: true, markdown: 42 }, { ok: false }, { ok: false, error: 1 }]) {
    assert.equal(checkMarkdownResponse(bad).ok, false, JSON.stringify(bad));
  }
  // An extract answer is not a Markdown answer.
  assert.equal(checkMarkdownResponse({ ok: true, article: ARTICLE }).ok, false);
});

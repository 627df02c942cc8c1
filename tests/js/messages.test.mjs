// @ts-check
/** The message validators shared by the worker and the content script. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/shared/messages.js';

/** @type {QuireMessages} */
const { MSG, MAX_HTML_CHARS, checkExtractRequest, checkExtractResponse } = /** @type {any} */ (globalThis).quireMessages;

const ARTICLE = {
  title: 'T', byline: null, siteName: 'S', publishedTime: null, lang: null, dir: null, excerpt: null, leadImage: null,
  content: '<p>x</p>', text: 'x', markdown: 'x', wordCount: 1, readingMinutes: 1, readerable: true,
};

test('message names say their direction', () => {
  assert.equal(MSG.EXTRACT, 'content→worker:extract');
});

test('a well-formed extract request passes, stripped to its fields', () => {
  const checked = checkExtractRequest({ type: MSG.EXTRACT, html: '<p>hi</p>', url: 'https://a.test/', extra: 1 });
  assert.deepEqual(checked, { ok: true, value: { type: MSG.EXTRACT, html: '<p>hi</p>', url: 'https://a.test/' } });
});

test('malformed extract requests are refused with a reason', () => {
  const cases = [
    [null, /not an object/],
    ['content→worker:extract', /not an object/],
    [{ type: 'page→worker:extract', html: '', url: '' }, /unknown message type/],
    [{ type: MSG.EXTRACT, html: 42, url: '' }, /html must be a string/],
    [{ type: MSG.EXTRACT, html: '', url: null }, /url must be a string/],
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

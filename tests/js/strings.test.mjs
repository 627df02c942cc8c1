// @ts-check
/**
 * The UI strings: `_locales/en/messages.json` (what chrome.i18n serves in the
 * extension) and the English fallback in extension/ui/overlay.js (what the
 * playground shows, having no chrome.i18n) must say the same; the manifest's
 * name and description come from the locale; and the Markdown copy's shape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../extension/ui/settings.js';
import '../../extension/ui/overlay.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {QuireOverlay} */
const { EN, t, articleMarkdown } = /** @type {any} */ (globalThis).quireOverlay;

/** @type {Record<string, {message: string, description?: string, placeholders?: Record<string, {content: string}>}>} */
const MESSAGES = JSON.parse(await readFile(join(ROOT, '_locales', 'en', 'messages.json'), 'utf8'));

/**
 * A locale message with its named placeholders replaced by their content
 * (`$1`…), as chrome.i18n resolves them.
 * @param {string} key
 */
function resolved(key) {
  const entry = MESSAGES[key];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name) => {
    const placeholder = Object.entries(entry.placeholders || {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
    assert.ok(placeholder, `${key}: placeholder ${whole} is not declared`);
    return placeholder[1].content;
  });
}

test('every English fallback string is in messages.json, saying the same', () => {
  for (const [key, english] of Object.entries(EN)) {
    assert.ok(MESSAGES[key], `_locales/en/messages.json lacks ${key}`);
    assert.equal(resolved(key), english, `${key} differs between messages.json and overlay.js`);
  }
});

test('every message is used: by the overlay, or by the manifest', async () => {
  const manifest = await readFile(join(ROOT, 'manifest.json'), 'utf8');
  for (const key of Object.keys(MESSAGES)) {
    assert.ok(key in EN || manifest.includes(`__MSG_${key}__`), `${key} is in messages.json but unused`);
    assert.ok(MESSAGES[key].description, `${key} has no description for translators`);
  }
});

test('the manifest takes its name and description from the default locale', async () => {
  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
  assert.equal(manifest.name, '__MSG_extName__');
  assert.equal(manifest.description, '__MSG_extDescription__');
  assert.equal(MESSAGES.extName.message, 'Quire');
  assert.ok(MESSAGES.extDescription.message.length <= 132, 'store descriptions are at most 132 characters');
});

test('without chrome.i18n, t() gives the English string with its substitutions', () => {
  assert.equal(/** @type {any} */ (globalThis).chrome, undefined, 'node has no chrome.i18n');
  assert.equal(t('showAnyway'), 'Show anyway');
  assert.equal(t('readingTime', 7), '7-minute read');
  assert.equal(t('noAnswer', 'gone'), 'The reader core did not answer: gone');
  assert.equal(t('no-such-key'), 'no-such-key');
});

test('t() prefers chrome.i18n where it answers, and falls back where it does not', () => {
  const g = /** @type {any} */ (globalThis);
  g.chrome = { i18n: { getMessage: (/** @type {string} */ key, /** @type {string[]} */ subs) => (key === 'print' ? `Imprimer ${subs.length}` : '') } };
  try {
    assert.equal(t('print'), 'Imprimer 0');
    assert.equal(t('close'), 'Close');
    g.chrome = { i18n: { getMessage: () => { throw new Error('Extension context invalidated.'); } } };
    assert.equal(t('close'), 'Close');
  } finally {
    delete g.chrome;
  }
});

/** @type {Article} */
const ARTICLE = {
  title: 'Ferry  fares\nstay put',
  byline: 'Ann *Star* Lee',
  siteName: 'Island Post',
  publishedTime: '2026-03-04T10:00:00Z',
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  leadImage: null,
  content: '<p>Body.</p>',
  text: 'Body.',
  markdown: '# Ferry fares stay put\n\nBody text.\n\n## Next year\n\nMore.',
  wordCount: 5,
  readingMinutes: 1,
  readerable: true,
};

test('the Markdown copy: headline, byline line, source, body without a repeated headline', () => {
  const md = articleMarkdown(ARTICLE, 'https://island.example/ferry');
  assert.equal(
    md,
    '# Ferry fares stay put\n\n*Ann \\*Star\\* Lee · Island Post · March 4, 2026*\n\n<https://island.example/ferry>\n\nBody text.\n\n## Next year\n\nMore.\n',
  );
  const bare = articleMarkdown({ ...ARTICLE, title: null, byline: null, siteName: null, publishedTime: 'not a date', markdown: 'Only text.' }, 'javascript:alert(1)');
  assert.equal(bare, '# Untitled\n\nOnly text.\n', 'no empty byline line, and only http(s) sources');
});

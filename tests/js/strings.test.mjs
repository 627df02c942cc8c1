// @ts-check
/**
 * The UI strings: the English fallback (what the playground shows, having no
 * chrome.i18n) is generated at build time from `_locales/en/messages.json`
 * (what chrome.i18n serves in the extension) by scripts/strings-en.mjs; the
 * built copies must be what the generator makes of the locale now, every
 * message must be used and every key the UI asks for must exist; the
 * manifest's name and description come from the locale; and the Markdown
 * copy's shape. Reads dist/ (`make js-test` builds it first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englishStrings, englishScript } from '../../scripts/strings-en.mjs';
import '../../extension/shared/quirks.js';
import '../../extension/ui/settings.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The generated strings, as the playground loads them. */
const BUILT = join(ROOT, 'dist', 'www', 'ui', 'strings-en.js');
await readFile(BUILT).catch(() => {
  throw new Error(`${BUILT} is missing: run make dist first`);
});
// Classic scripts, in the order the extension injects them, after the built strings.
await import(pathToFileURL(BUILT).href);
for (const name of ['strings', 'dom', 'sanitize', 'render', 'toolbar', 'overlay']) {
  await import(pathToFileURL(join(ROOT, 'extension', 'ui', `${name}.js`)).href);
}

/** @type {QuireOverlay} */
const { EN, t, articleMarkdown } = /** @type {any} */ (globalThis).quireOverlay;

/** @type {import('../../scripts/strings-en.mjs').LocaleMessages} */
const MESSAGES = JSON.parse(await readFile(join(ROOT, '_locales', 'en', 'messages.json'), 'utf8'));

test('the built English strings are generated from the current messages.json', async () => {
  const expected = englishScript(MESSAGES);
  for (const file of ['dist/www/ui/strings-en.js', 'dist/chrome/extension/ui/strings-en.js', 'dist/firefox/extension/ui/strings-en.js']) {
    assert.equal(await readFile(join(ROOT, file), 'utf8'), expected, `${file} is stale: run make dist`);
  }
  assert.deepEqual({ ...EN }, englishStrings(MESSAGES));
  assert.ok(Object.isFrozen(EN));
  await assert.rejects(readFile(join(ROOT, 'extension', 'ui', 'strings-en.js')), 'strings-en.js is generated into dist/ only');
});

test('the generator resolves named placeholders to $1, and refuses undeclared ones', () => {
  assert.equal(EN.fontSizeValue, '$1 px');
  assert.equal(EN.showAnyway, 'Show anyway');
  const table = englishStrings({ a: { message: 'At $WHEN$, $who$', placeholders: { when: { content: '$2' }, WHO: { content: '$1' } } } });
  assert.deepEqual(table, { a: 'At $2, $1' });
  assert.throws(() => englishStrings({ b: { message: 'Hi $NAME$' } }), /b: placeholder \$NAME\$ is not declared/);
});

/** The extension's UI and content scripts' source. */
async function uiSource() {
  const files = [];
  for (const dir of ['ui', 'content', 'options']) {
    for (const name of await readdir(join(ROOT, 'extension', dir))) {
      if (name.endsWith('.js')) files.push(await readFile(join(ROOT, 'extension', dir, name), 'utf8'));
    }
  }
  return files.join('\n');
}

test('every message is used: by the UI (as a quoted key), or by the manifest', async () => {
  const manifest = await readFile(join(ROOT, 'manifest.json'), 'utf8');
  const source = await uiSource();
  for (const key of Object.keys(MESSAGES)) {
    assert.ok(source.includes(`'${key}'`) || manifest.includes(`__MSG_${key}__`), `${key} is in messages.json but unused`);
    assert.ok(MESSAGES[key].description, `${key} has no description for translators`);
  }
});

test('every key the UI passes to t() literally is in messages.json', async () => {
  const source = await uiSource();
  const keys = Array.from(source.matchAll(/\bt\(\s*'([^']+)'/g), (m) => m[1]).filter((key) => !key.startsWith('@@'));
  assert.ok(keys.length >= 20, `found the t() calls (${keys.length})`);
  for (const key of keys) assert.ok(MESSAGES[key], `t('${key}') has no message in _locales/en/messages.json`);
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
  // Page text in the header stays text: no raw HTML, emphasis, link or closing `#`.
  const hostile = articleMarkdown(
    { ...ARTICLE, title: 'C# <img src=x onerror=alert(1)> #', byline: '*Ann* [me](javascript:x) | &amp;', siteName: null, publishedTime: null, markdown: 'Body.' },
    'https://island.example/a b>',
  );
  assert.equal(hostile, '# C\\# \\<img src=x onerror=alert(1)\\> \\#\n\n*\\*Ann\\* \\[me\\](javascript:x) \\| \\&amp;*\n\nBody.\n');
  // The core's first heading, escaped, still counts as the headline.
  const repeated = articleMarkdown({ ...ARTICLE, title: 'C# & F#', markdown: '## C\\# & F\\#\n\nBody.' });
  assert.ok(!repeated.includes('## C'), repeated);
});

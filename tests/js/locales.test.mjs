// @ts-check
/**
 * The UI locales (_locales/<locale>/messages.json): every locale the reader
 * ships is there, each is valid JSON with exactly the keys of the English
 * one (a missing or extra key is named, with the English text to translate),
 * every message is a non-empty translation whose placeholders are the
 * English one's, and every `__MSG_…__` the manifest uses exists in every
 * locale. Reads the source tree only (no build needed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCALES_DIR = join(ROOT, '_locales');

/** The UI languages the reader ships (issue 21, item 6), besides en. */
const LOCALES = ['de', 'fr', 'es', 'uk', 'ar', 'zh_CN', 'ja'];

/**
 * Messages that may read the same as the English one: the name, and words
 * that several languages borrow unchanged.
 */
const SAME_AS_ENGLISH_ALLOWED = 6;

/**
 * @typedef {{message: string, description?: string,
 *   placeholders?: Record<string, {content: string, example?: string}>}} Entry
 * @typedef {Record<string, Entry>} Messages
 */

/**
 * A locale's messages.json, parsed; fails naming the file if it is not JSON.
 * @param {string} locale
 * @returns {Promise<{text: string, messages: Messages}>}
 */
async function load(locale) {
  const file = join(LOCALES_DIR, locale, 'messages.json');
  const text = await readFile(file, 'utf8');
  try {
    return { text, messages: JSON.parse(text) };
  } catch (error) {
    throw new Error(`_locales/${locale}/messages.json is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

const EN = (await load('en')).messages;
/** @type {Map<string, {text: string, messages: Messages}>} */
const ALL = new Map();
for (const locale of LOCALES) ALL.set(locale, await load(locale).catch((error) => ({ text: '', messages: {}, error })));

/**
 * The placeholders a message refers to, as the browser resolves them:
 * named ones (`$NAME$`, case-insensitive) and positional ones (`$1`…`$9`).
 * @param {string} message
 */
function references(message) {
  const named = Array.from(message.matchAll(/\$([A-Za-z0-9_@]+)\$/g), (m) => m[1].toLowerCase()).sort();
  const positional = Array.from(message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$([1-9])/g), (m) => m[1]).sort();
  return { named, positional };
}

/**
 * An entry's declared placeholders, names lowercased, with their content.
 * @param {Entry} entry
 */
function declared(entry) {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

test('every UI locale is there, and _locales holds no other', async () => {
  const dirs = (await readdir(LOCALES_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.deepEqual(dirs, ['en', ...LOCALES].sort());
});

test('every messages.json is valid JSON (UTF-8, no byte-order mark) holding an object of messages', async () => {
  for (const locale of ['en', ...LOCALES]) {
    const loaded = /** @type {any} */ (locale === 'en' ? { text: (await load('en')).text, messages: EN } : ALL.get(locale));
    if (loaded.error) throw loaded.error;
    assert.ok(!loaded.text.startsWith('\ufeff'), `_locales/${locale}/messages.json starts with a byte-order mark`);
    assert.equal(typeof loaded.messages, 'object', locale);
    for (const [key, entry] of Object.entries(/** @type {Messages} */ (loaded.messages))) {
      // The key alphabet both Chrome and Firefox accept.
      assert.match(key, /^[A-Za-z0-9_@]+$/, `${locale}: bad key ${key}`);
      assert.equal(typeof entry?.message, 'string', `${locale}: ${key} has no "message" string`);
    }
  }
});

test('every locale has every English key and no other', () => {
  /** @type {string[]} */
  const problems = [];
  for (const locale of LOCALES) {
    const messages = /** @type {Messages} */ (ALL.get(locale)?.messages);
    const missing = Object.keys(EN).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in EN));
    if (missing.length > 0) {
      problems.push(`_locales/${locale}/messages.json lacks ${missing.length} key(s):`);
      for (const key of missing) problems.push(`    ${key}: ${JSON.stringify(EN[key].message)}`);
    }
    if (extra.length > 0) problems.push(`_locales/${locale}/messages.json has key(s) English does not: ${extra.join(', ')}`);
  }
  if (problems.length > 0) console.log(`Locale keys to add or remove:\n${problems.join('\n')}`);
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});

test('every message is non-empty, trimmed, and refers to the same placeholders as the English one', () => {
  for (const [key, entry] of Object.entries(EN)) {
    const want = references(entry.message);
    // English itself: every named placeholder used is declared, and every declared one used.
    assert.deepEqual(want.named, Object.keys(declared(entry)).sort(), `en: ${key} uses placeholders it does not declare, or declares unused ones`);
    for (const locale of LOCALES) {
      const other = /** @type {Messages} */ (ALL.get(locale)?.messages)[key];
      if (!other) continue; // the test above names it
      const where = `${locale}: ${key} (${JSON.stringify(other.message)})`;
      assert.ok(other.message.trim() !== '', `${where} is empty`);
      assert.equal(other.message, other.message.trim(), `${where} has leading or trailing space`);
      assert.deepEqual(references(other.message), want, `${where} refers to other placeholders than en's ${JSON.stringify(entry.message)}`);
      assert.deepEqual(declared(other), declared(entry), `${where} declares other placeholders (or content) than en`);
    }
  }
});

test('every locale is translated: few messages read as the English ones', () => {
  for (const locale of LOCALES) {
    const messages = /** @type {Messages} */ (ALL.get(locale)?.messages);
    const same = Object.keys(EN).filter((key) => messages[key]?.message === EN[key].message);
    assert.ok(same.length <= SAME_AS_ENGLISH_ALLOWED, `${locale}: ${same.length} messages are the English ones: ${same.join(', ')}`);
  }
});

test('every __MSG_…__ in the manifest exists in every locale, the toolbar title and shortcut description among them', async () => {
  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  assert.match(manifest.action.default_title, /^__MSG_\w+__$/);
  assert.match(manifest.commands._execute_action.description, /^__MSG_\w+__$/);
  const keys = Array.from(JSON.stringify(manifest).matchAll(/__MSG_(\w+?)__/g), (m) => m[1]);
  assert.ok(keys.length >= 4, `found the manifest's messages (${keys.join(', ')})`);
  for (const key of keys) {
    assert.ok(EN[key], `manifest: __MSG_${key}__ is not in _locales/en/messages.json`);
    for (const locale of LOCALES) {
      assert.ok(/** @type {Messages} */ (ALL.get(locale)?.messages)[key]?.message, `manifest: __MSG_${key}__ is not in _locales/${locale}/messages.json`);
    }
  }
  // Chrome Web Store and AMO limits: name 75 characters, description 132.
  for (const locale of ['en', ...LOCALES]) {
    const messages = locale === 'en' ? EN : /** @type {Messages} */ (ALL.get(locale)?.messages);
    assert.ok(messages.extName.message.length <= 75, `${locale}: extName is too long`);
    assert.ok(messages.extDescription.message.length <= 132, `${locale}: extDescription is ${messages.extDescription.message.length} characters, over 132`);
  }
});

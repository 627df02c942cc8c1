// @ts-check
/**
 * The overlay's second cleaning pass (extension/ui/sanitize.js) keeps URLs by
 * the same allow-list as the core's `safe_url` (src/output/allow.rs): relative
 * and http(s) URLs, `mailto:` only in an href, `data:` only as a raster image
 * src. Loaded as the classic script it is, in a fresh `vm` realm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension', 'ui', 'sanitize.js');

/** @returns {(name: string, value: string, tag: string) => boolean} */
function loadIsSafeUrl() {
  /** @type {any} */
  const realm = vm.createContext({});
  vm.runInContext(readFileSync(FILE, 'utf8'), realm, { filename: 'sanitize.js' });
  return realm.quireSanitize.isSafeUrl;
}

test('http(s) and relative URLs pass, script schemes do not', () => {
  const isSafeUrl = loadIsSafeUrl();
  assert.equal(isSafeUrl('href', 'https://example.org/a', 'a'), true);
  assert.equal(isSafeUrl('src', '/img/a.png', 'img'), true);
  assert.equal(isSafeUrl('href', 'javascript:alert(1)', 'a'), false);
  assert.equal(isSafeUrl('href', ' java\tscript:alert(1)', 'a'), false);
  assert.equal(isSafeUrl('href', 'vbscript:x', 'a'), false);
});

test('mailto: only in an href', () => {
  const isSafeUrl = loadIsSafeUrl();
  assert.equal(isSafeUrl('href', 'mailto:desk@example.org', 'a'), true);
  assert.equal(isSafeUrl('src', 'mailto:desk@example.org', 'img'), false);
});

test('data: only as a raster image src, never SVG', () => {
  const isSafeUrl = loadIsSafeUrl();
  assert.equal(isSafeUrl('src', 'data:image/png;base64,iVBORw0KGgo=', 'img'), true);
  assert.equal(isSafeUrl('src', 'data:image/webp;base64,UklGRg==', 'img'), true);
  assert.equal(isSafeUrl('src', 'data:image/svg+xml;base64,PHN2Zz4=', 'img'), false);
  assert.equal(isSafeUrl('src', 'data:image/svg+xml,<svg onload=alert(1)>', 'img'), false);
  assert.equal(isSafeUrl('src', 'data:text/html,<script>alert(1)</script>', 'img'), false);
  assert.equal(isSafeUrl('href', 'data:image/png;base64,iVBORw0KGgo=', 'a'), false);
});

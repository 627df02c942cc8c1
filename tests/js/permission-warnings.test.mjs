// @ts-check
/**
 * No new install-time permission warning. Lists what the manifest asks for
 * at install (`permissions`, `host_permissions`, content script matches and
 * the other keys Chrome warns about) and turns it into the warnings the
 * Chrome Web Store and Chromium's install prompt show, after Chrome's
 * "Permission warning guidelines" table. The list must stay what it was
 * before "Always open on this site" (issue 21): no warning at all. A
 * permission this file does not know is taken to warn, so adding one fails
 * until it is looked up and added to {@link SILENT} or {@link WARNS}.
 *
 * Optional permissions (`optional_permissions`, `optional_host_permissions`)
 * warn nothing at install: the browser asks for them when the extension
 * requests them, one site at a time here (background/auto-open.js).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));

/** API permissions that show no warning (Chrome's table lists none for them). */
const SILENT = new Set([
  'activeTab',
  'alarms',
  'background',
  'contextMenus',
  'declarativeContent',
  'dns',
  'enterprise.deviceAttributes',
  'fontSettings',
  'gcm',
  'idle',
  'offscreen',
  'power',
  'printerProvider',
  'scripting',
  'search',
  'sidePanel',
  'storage',
  'system.cpu',
  'system.display',
  'system.memory',
  'tts',
  'unlimitedStorage',
  'wallpaper',
]);

/** API permissions that warn, with the warning (Chrome's table). */
const WARNS = /** @type {Record<string, string>} */ ({
  bookmarks: 'Read and change your bookmarks',
  clipboardRead: 'Read data you copy and paste',
  clipboardWrite: 'Modify data you copy and paste',
  contentSettings: "Change your settings that control websites' access to features such as cookies, JavaScript, plugins, geolocation, microphone, camera etc.",
  debugger: 'Access the page debugger backend; Read and change all your data on all websites',
  declarativeNetRequest: 'Block content on any page',
  declarativeNetRequestFeedback: 'Read your browsing history',
  desktopCapture: 'Capture content of your screen',
  downloads: 'Manage your downloads',
  'downloads.open': 'Open downloaded files',
  favicon: 'Read the icons of the websites you visit',
  geolocation: 'Detect your physical location',
  history: 'Read and change your browsing history on all your signed-in devices',
  'identity.email': 'Know your email address',
  management: 'Manage your apps, extensions, and themes',
  nativeMessaging: 'Communicate with cooperating native applications',
  notifications: 'Display notifications',
  pageCapture: 'Read and change all your data on all websites',
  privacy: 'Change your privacy-related settings',
  proxy: 'Read and change all your data on all websites',
  readingList: 'Read and change entries in the reading list',
  sessions: 'Read your browsing history on all your signed-in devices',
  'system.storage': 'Identify and eject storage devices',
  tabCapture: 'Read and change all your data on all websites',
  tabGroups: 'View and manage your tab groups',
  tabs: 'Read your browsing history',
  topSites: 'Read a list of your most frequently visited websites',
  ttsEngine: 'Read all text spoken using synthesized speech',
  webAuthenticationProxy: 'Read and change all your data on all websites',
  webNavigation: 'Read your browsing history',
});

/** The install-time warnings before issue 21: none. */
const BEFORE = /** @type {string[]} */ ([]);

/**
 * The warning a host pattern shows at install.
 * @param {string} pattern
 */
function hostWarning(pattern) {
  if (pattern === '<all_urls>' || /^(\*|https?|wss?):\/\/\*\/\*$/.test(pattern)) return 'Read and change all your data on all websites';
  const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern;
  return `Read and change your data on ${host}`;
}

/**
 * Every warning a manifest shows at install, sorted.
 * @param {any} m
 */
function installWarnings(m) {
  /** @type {Set<string>} */
  const warnings = new Set();
  for (const permission of m.permissions ?? []) {
    if (SILENT.has(permission)) continue;
    warnings.add(WARNS[permission] ?? `unknown permission "${permission}": look up its warning`);
  }
  const hosts = [...(m.host_permissions ?? []), ...(m.content_scripts ?? []).flatMap((/** @type {any} */ c) => c.matches ?? [])];
  for (const pattern of hosts) warnings.add(hostWarning(pattern));
  if (m.declarative_net_request) warnings.add(WARNS.declarativeNetRequest);
  if (m.chrome_url_overrides) warnings.add('Replace a page of the browser (new tab, history or bookmarks)');
  if (m.devtools_page) warnings.add('Read and change all your data on all websites (DevTools)');
  return [...warnings].sort();
}

test('the manifest shows no more install-time warnings than before (none)', () => {
  assert.deepEqual(installWarnings(manifest), BEFORE);
  // tts (Read aloud) warns of nothing: tests/e2e/read-aloud.test.mjs asks Chromium itself.
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage', 'tts'], 'the install-time API permissions');
  assert.equal(manifest.host_permissions, undefined, 'no install-time host permission');
  assert.equal(manifest.content_scripts, undefined, 'no declared content script (its matches would warn)');
});

test('host access is only optional: asked for one site at a time', () => {
  assert.deepEqual(manifest.optional_host_permissions, ['*://*/*']);
  assert.equal(manifest.optional_permissions, undefined);
});

test('the check fails on what would warn, so it can fail', () => {
  assert.deepEqual(installWarnings({ ...manifest, permissions: [...manifest.permissions, 'tabs'] }), ['Read your browsing history']);
  assert.deepEqual(installWarnings({ ...manifest, host_permissions: ['*://*/*'] }), ['Read and change all your data on all websites']);
  assert.deepEqual(installWarnings({ ...manifest, host_permissions: ['https://news.example/*'] }), ['Read and change your data on news.example']);
  assert.deepEqual(installWarnings({ ...manifest, content_scripts: [{ matches: ['<all_urls>'], js: ['x.js'] }] }), [
    'Read and change all your data on all websites',
  ]);
  assert.match(installWarnings({ ...manifest, permissions: ['somethingNew'] })[0], /unknown permission "somethingNew"/);
  assert.deepEqual(installWarnings({ ...manifest, permissions: [...manifest.permissions, 'tts'] }), [], 'tts shows none');
});

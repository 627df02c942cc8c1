// @ts-check
/**
 * @file The options page: the sites the reader opens on by itself, each
 * with a Remove button (background/auto-open.js), and, opened with
 * `?add=SITE` (by the reader's "Always open on this site": the worker opens
 * this page in a small window), the question whether to turn SITE on.
 *
 * "Allow" asks the browser for that one site's host permission
 * (`permissions.request`, which needs the user's click in an extension page:
 * it is called first thing in the click's handler) and, once granted,
 * registers the site's content script. "Remove" unregisters it and gives the
 * permission back. This page is no web-accessible resource: a web page can
 * neither open nor frame it, and `?add` only asks; the browser's own prompt
 * still names the site.
 *
 * Shown in the reader's theme (its `theme` setting in `storage.sync`).
 */
import { createAutoOpen, patternOf, siteLabel, siteOf } from '../background/auto-open.js';

const autoOpen = createAutoOpen({ scripting: chrome.scripting, permissions: chrome.permissions });

/** The reader's stored settings (ui/settings.js `STORAGE_KEY`). */
const SETTINGS_KEY = 'quire.settings';
const THEMES = ['light', 'sepia', 'dark'];

/**
 * A UI string from the locale.
 * @param {string} key
 * @param {string[]} [substitutions]
 */
function t(key, substitutions = []) {
  return chrome.i18n.getMessage(key, substitutions) || key;
}

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`options.html has no #${id}`);
  return found;
}

/** Says something in the status line (a live region). */
function say(/** @type {string} */ text) {
  byId('status').textContent = text;
}

/** The reader's theme, or the system's light or dark where the reader follows it. */
async function applyTheme() {
  /** @type {unknown} */
  let theme;
  try {
    const stored = /** @type {Record<string, any>} */ (await chrome.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    theme = stored?.theme;
  } catch {
    theme = undefined;
  }
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = THEMES.includes(/** @type {string} */ (theme)) ? /** @type {string} */ (theme) : dark ? 'dark' : 'light';
}

/**
 * Lists the sites that are on, each with its Remove button.
 * @param {string} [focusAfter] A site just removed: focus goes to the next Remove button, or the heading.
 */
async function renderList(focusAfter) {
  const sites = await autoOpen.list();
  const list = byId('sites');
  const before = Array.from(list.querySelectorAll('li'), (li) => /** @type {HTMLElement} */ (li).dataset.site ?? '');
  list.replaceChildren(
    ...sites.map((site) => {
      const item = document.createElement('li');
      item.dataset.site = site;
      const name = document.createElement('span');
      name.className = 'site';
      name.textContent = siteLabel(site);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove';
      remove.textContent = t('optionsRemove');
      remove.setAttribute('aria-label', t('optionsRemoveLabel', [siteLabel(site)]));
      remove.addEventListener('click', () => void removeSite(site));
      item.append(name, remove);
      return item;
    }),
  );
  byId('no-sites').hidden = sites.length > 0;
  if (focusAfter !== undefined) {
    const next = before.slice(before.indexOf(focusAfter) + 1).find((site) => sites.includes(site));
    const button = next ? list.querySelector(`li[data-site="${CSS.escape(next)}"] button`) : null;
    (/** @type {HTMLElement | null} */ (button) ?? byId('sites-heading')).focus();
  }
}

/** @param {string} site */
async function removeSite(site) {
  await autoOpen.disable(site);
  say(t('optionsRemoved', [siteLabel(site)]));
  await renderList(site);
}

/**
 * Shows the question whether to turn `site` on.
 * @param {string} site
 */
function askToAdd(site) {
  const label = siteLabel(site);
  byId('add-heading').textContent = t('optionsAddHeading', [label]);
  byId('add-explain').textContent = t('optionsAddExplain');
  const allow = /** @type {HTMLButtonElement} */ (byId('allow'));
  const cancel = /** @type {HTMLButtonElement} */ (byId('cancel'));
  allow.textContent = t('optionsAllow');
  cancel.textContent = t('optionsCancel');
  byId('add').hidden = false;
  allow.addEventListener('click', () => {
    // First, while the click is a user gesture.
    const asked = chrome.permissions.request({ origins: [patternOf(site)] });
    allow.disabled = true;
    asked
      .then(async (granted) => {
        const on = granted && (await autoOpen.enable(site));
        say(t(on ? 'optionsAdded' : 'optionsRefused', [label]));
        if (on) byId('add').hidden = true;
        await renderList();
      })
      .catch((error) => say(t('optionsRefused', [label]) + ` (${error instanceof Error ? error.message : String(error)})`))
      .finally(() => {
        allow.disabled = false;
        if (byId('add').hidden) byId('sites-heading').focus();
      });
  });
  cancel.addEventListener('click', () => {
    byId('add').hidden = true;
    byId('sites-heading').focus();
    window.close(); // closes the small window the reader opened (a tab of the browser's own stays)
  });
  allow.focus();
}

document.documentElement.lang = t('@@ui_locale').replace(/_/g, '-') || 'en';
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('optionsTitle');
byId('sites-heading').textContent = t('optionsSitesHeading');
byId('sites-intro').textContent = t('optionsSitesIntro');
byId('no-sites').textContent = t('optionsNoSites');
await applyTheme();
const asked = new URLSearchParams(location.search).get('add');
const site = asked !== null ? siteOf(asked) : null;
if (site !== null && site === asked && !(await autoOpen.isOn(site))) askToAdd(site);
await renderList();

// @ts-check
/**
 * The web playground (placeholder): runs the wasm core on pasted HTML.
 * `make demo` serves this folder with the wasm-pack glue in ./pkg/.
 * Everything goes into the page with textContent; no HTML from the input is
 * rendered.
 */
import init, { extract, version } from './pkg/quire.js';

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const status = byId('status');
const form = /** @type {HTMLFormElement} */ (byId('form'));
const htmlInput = /** @type {HTMLTextAreaElement} */ (byId('html'));
const urlInput = /** @type {HTMLInputElement} */ (byId('url'));

/**
 * @param {string} text
 * @param {boolean} [isError]
 */
function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** @param {Record<string, unknown>} article */
function show(article) {
  const meta = byId('meta');
  meta.replaceChildren();
  for (const key of ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt', 'leadImage', 'wordCount', 'readingMinutes', 'readerable']) {
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.textContent = article[key] === null ? '—' : String(article[key]);
    meta.append(dt, dd);
  }
  byId('markdown').textContent = String(article.markdown);
}

try {
  await init();
  byId('version').textContent = `Core ${version()}.`;
  say('Ready.');
} catch (error) {
  say(`The core failed to load: ${error instanceof Error ? error.message : String(error)}`, true);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const started = performance.now();
  try {
    const article = extract(htmlInput.value, urlInput.value || undefined, undefined);
    show(article);
    say(`Extracted in ${Math.round(performance.now() - started)} ms.`);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  }
});

byId('sample').addEventListener('click', async () => {
  const response = await fetch('sample/index.html');
  htmlInput.value = await response.text();
  urlInput.value = new URL('sample/index.html', location.href).href;
});

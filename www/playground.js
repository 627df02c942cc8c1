// @ts-check
/**
 * @file The playground: runs the wasm core's `extract` and `explain` on a
 * page and shows, side by side and in sync,
 * - the reader view, drawn by the extension's own overlay renderer
 *   (reader.html loads extension/ui/styles.js + overlay.js unchanged);
 * - the original page in a sandboxed iframe with a heat map (heatmap.js);
 * - the article as JSON, with timings.
 *
 * `make demo` serves this folder as dist/www, with the wasm-pack glue in
 * ./pkg/ and the overlay scripts in ./ui/.
 *
 * Hover sync: reader paragraphs carry no paths, so they are matched to the
 * original's kept blocks by text (blocks.js, matchReaderToBlocks); blocks of
 * the original are found from the element under the pointer by path.
 *
 * `document.body.dataset.state` is `loading`, `ready`, `running`, `done` or
 * `error`, for tests and for styling.
 */
import { blockText, describe, markdownExport, matchReaderToBlocks, READER_BLOCK_TAGS, reportBundle, slug, summarise } from './blocks.js';
import { drawHeatMap, restoreInlineStyles, srcdocFor } from './heatmap.js';

/** @typedef {import('./blocks.js').Article} Article */
/** @typedef {import('./blocks.js').Block} Block */
/** @typedef {import('./blocks.js').Explanation} Explanation */
/** @typedef {import('./heatmap.js').HeatMap} HeatMap */

/**
 * The overlay API that reader.html publishes (extension/ui/overlay.js).
 * @typedef {object} OverlayHandle
 * @property {HTMLElement} host
 * @property {ShadowRoot} shadow
 * @property {(article: Article) => void} showArticle
 * @property {(message: string) => void} showError
 */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ (byId('form'));
const htmlInput = /** @type {HTMLTextAreaElement} */ (byId('html'));
const urlInput = /** @type {HTMLInputElement} */ (byId('url'));
const sampleInput = /** @type {HTMLSelectElement} */ (byId('sample'));
const readerFrame = /** @type {HTMLIFrameElement} */ (byId('reader'));
const originalFrame = /** @type {HTMLIFrameElement} */ (byId('original'));
const jsonView = byId('json');
const status = byId('status');
const mdButton = /** @type {HTMLButtonElement} */ (byId('download-md'));
const reportButton = /** @type {HTMLButtonElement} */ (byId('download-report'));

/** Colours of a hovered pair; kept in step with heatmap.js's focus box. */
const HIGHLIGHT = { outline: '3px solid #f2b705', background: 'rgba(242, 183, 5, 0.18)' };

/**
 * The last run, for the exports and the hover sync.
 * @type {{html: string, url: string | null, article: Article, explanation: Explanation, timings: Record<string, number>} | null}
 */
let last = null;
/**
 * The wasm-pack glue, once loaded. Imported dynamically so that a missing
 * ./pkg/ (serving www/ instead of dist/www/) shows a message, not a blank page.
 * @type {typeof import('./pkg/quire.js') | null}
 */
let core = null;
let coreVersion = '';
let initMs = 0;

/**
 * @param {'loading' | 'ready' | 'running' | 'done' | 'error'} state
 * @param {string} text
 */
function say(state, text) {
  document.body.dataset.state = state;
  status.textContent = text;
  status.classList.toggle('error', state === 'error');
}

/**
 * The element as an HTMLElement. Elements of the frames come from other
 * realms, where `instanceof HTMLElement` (this window's) is false.
 * @param {Element} el
 */
const styled = (el) => /** @type {HTMLElement} */ (el);

/** @param {unknown} error */
const message = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Resolves once `frame` has loaded a document (now, if it already has).
 * @param {HTMLIFrameElement} frame
 * @param {() => void} [start] Called after the listener is attached.
 */
function frameLoaded(frame, start) {
  return new Promise((ok) => {
    frame.addEventListener('load', () => ok(undefined), { once: true });
    start?.();
  });
}

// ---- the reader view ------------------------------------------------------

/** @type {Promise<OverlayHandle>} */
const readerReady = (async () => {
  const win = /** @type {any} */ (readerFrame.contentWindow);
  if (!win?.quireOverlay || readerFrame.contentDocument?.readyState !== 'complete') await frameLoaded(readerFrame);
  const api = /** @type {any} */ (readerFrame.contentWindow).quireOverlay;
  if (!api) throw new Error('reader.html did not load the overlay scripts (ui/overlay.js)');
  /** @type {OverlayHandle} */
  const overlay = api.createOverlay({ onClose() {} });
  // "Close reader" means nothing here; the renderer is otherwise unchanged.
  const close = overlay.shadow.querySelector('.close');
  if (close) styled(close).style.display = 'none';
  // A link followed inside the frame would replace the reader: open it in a tab.
  overlay.shadow.addEventListener('click', (event) => {
    const link = /** @type {Element} */ (event.target).closest('a[href]');
    if (!link) return;
    event.preventDefault();
    window.open(/** @type {HTMLAnchorElement} */ (link).href, '_blank', 'noopener,noreferrer');
  });
  /** @type {Document} */ (readerFrame.contentDocument).body.append(overlay.host);
  return overlay;
})();

/**
 * Shows `article` in the reader and returns its block elements in document
 * order, for matching.
 * @param {OverlayHandle} overlay
 * @param {Article} article
 */
function showReader(overlay, article) {
  if (article.wordCount === 0) {
    // What the extension shows then (content/content.js).
    overlay.showError('Quire found no article text on this page.');
    return [];
  }
  overlay.showArticle(article);
  const content = overlay.shadow.querySelector('.content');
  if (!content) return [];
  return Array.from(content.querySelectorAll(READER_BLOCK_TAGS.join(',')));
}

// ---- hover sync -----------------------------------------------------------

/** @type {AbortController | null} */
let hoverWiring = null;

/**
 * Links the reader's elements and the heat map both ways.
 * @param {OverlayHandle} overlay
 * @param {Element[]} readerItems
 * @param {HeatMap} heat
 * @param {Explanation} explanation
 * @param {Document} originalDoc
 */
function wireHover(overlay, readerItems, heat, explanation, originalDoc) {
  hoverWiring?.abort();
  hoverWiring = new AbortController();
  const { signal } = hoverWiring;

  const matches = matchReaderToBlocks(
    readerItems.map((el) => ({ key: el, tag: el.localName, text: el.textContent || '' })),
    explanation.blocks,
  );
  /** @type {Map<Block, Element>} */
  const readerOf = new Map();
  for (const [el, block] of matches) readerOf.set(block, el);
  byId('matched').textContent = `${matches.size} of ${readerItems.length} reader blocks matched to the original`;

  const scroller = /** @type {HTMLElement | null} */ (overlay.shadow.querySelector('.quire'));
  /** @type {Element | null} */
  let lit = null;
  /** @param {Element | null} el */
  const light = (el) => {
    if (lit === el) return;
    if (lit) Object.assign(styled(lit).style, { outline: '', background: '' });
    lit = el;
    if (el) Object.assign(styled(el).style, HIGHLIGHT);
  };
  const inspect = byId('inspect');
  /** @param {Block | null} block */
  const show = (block) => {
    inspect.textContent = block ? `${describe(block)} — ${block.path}` : 'Hover a block in either view to see why it was kept or dropped.';
  };

  // Reader → original; focus (a link, by keyboard) counts as hover.
  /** @param {Event} event */
  const fromReader = (event) => {
    let el = /** @type {Element | null} */ (event.target);
    while (el && !matches.has(el)) el = el.parentElement;
    const block = el ? matches.get(el) || null : null;
    light(el);
    heat.focus(block);
    show(block);
  };
  overlay.shadow.addEventListener('mouseover', fromReader, { signal });
  overlay.shadow.addEventListener('focusin', fromReader, { signal });

  // Original → reader.
  originalDoc.addEventListener('mouseover', (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const inner = heat.blockAt(target);
    heat.focus(inner);
    show(inner);
    /** @type {Element | null} */
    let counterpart = null;
    for (let n = target; n && !counterpart; n = n.parentElement) {
      const b = heat.blockAt(n);
      if (b) counterpart = readerOf.get(b) || null;
    }
    light(counterpart);
    if (counterpart && scroller) revealIn(scroller, counterpart);
  }, { signal });
  // The original is for inspecting: its links and forms go nowhere.
  originalDoc.addEventListener('click', (event) => {
    if (/** @type {Element} */ (event.target).closest('a[href], area[href], button, input, label')) event.preventDefault();
  }, { signal });
  // Leaving either frame clears both highlights (mouseleave fires on <html>).
  const clear = () => {
    heat.focus(null);
    light(null);
    show(null);
  };
  originalDoc.documentElement.addEventListener('mouseleave', clear, { signal });
  overlay.host.ownerDocument.documentElement.addEventListener('mouseleave', clear, { signal });
  show(null);
}

/**
 * Scrolls `scroller` (the reader's own scrolling box) so `el` is in view.
 * @param {HTMLElement} scroller
 * @param {Element} el
 */
function revealIn(scroller, el) {
  const box = scroller.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top >= box.top + 40 && r.bottom <= box.bottom) return;
  scroller.scrollTop += r.top - box.top - box.height / 4;
}

// ---- the JSON view --------------------------------------------------------

/**
 * The article as shown: long fields shortened, plus timings and counts.
 * @param {Article} article
 * @param {Explanation} explanation
 * @param {Record<string, number>} timings
 * @param {Block[]} unresolved Blocks the heat map could not find in the frame.
 */
function jsonFor(article, explanation, timings, unresolved) {
  /** @param {string} s */
  const short = (s) => (s.length > 280 ? `${s.slice(0, 280)}… (${s.length} characters in all)` : s);
  return {
    article: { ...article, content: short(article.content), text: short(article.text), markdown: short(article.markdown) },
    timingsMs: timings,
    container: explanation.container,
    blocks: summarise(explanation.blocks),
    ...(unresolved.length ? { notFoundInFrame: unresolved.map((b) => ({ path: b.path, tag: b.tag, text: b.text })) } : {}),
  };
}

// ---- running the core -----------------------------------------------------

/**
 * Runs the core on `html` and updates every view.
 * @param {string} html
 * @param {string | null} url
 */
async function run(html, url) {
  if (!core) return;
  const { extract, explain } = core;
  // A newer run (another paste or drop while the frame loads) wins.
  const id = ++runs;
  say('running', 'Reading the page…');
  try {
    const t0 = performance.now();
    /** @type {Article} */
    // The JSON view shows the text and the Markdown, and Download Markdown saves it.
    const article = extract(html, url ?? undefined, { text: true, markdown: true });
    const t1 = performance.now();
    /** @type {Explanation} */
    const explanation = explain(html, url ?? undefined, undefined);
    const t2 = performance.now();

    const overlay = await readerReady;
    const readerItems = showReader(overlay, article);

    await frameLoaded(originalFrame, () => {
      originalFrame.srcdoc = srcdocFor(html, url);
    });
    if (id !== runs) return;
    const doc = originalFrame.contentDocument;
    if (!doc) throw new Error('the original page frame is not reachable');
    restoreInlineStyles(doc);
    const heat = drawHeatMap(doc, explanation);
    const t3 = performance.now();

    const timings = {
      init: round(initMs),
      extract: round(t1 - t0),
      explain: round(t2 - t1),
      render: round(t3 - t2),
    };
    wireHover(overlay, readerItems, heat, explanation, doc);
    jsonView.textContent = JSON.stringify(jsonFor(article, explanation, timings, heat.unresolved), null, 2);
    last = { html, url, article, explanation, timings };
    mdButton.disabled = false;
    reportButton.disabled = false;
    const { decisions } = summarise(explanation.blocks);
    const unresolved = heat.unresolved.length ? ` · ${heat.unresolved.length} not found in the frame (see the JSON)` : '';
    say('done', `extract ${timings.extract} ms · explain ${timings.explain} ms · ${article.wordCount} words · blocks: ${decisions.kept} kept, ${decisions.dropped} dropped, ${decisions.clutter} clutter${unresolved}`);
  } catch (error) {
    if (id !== runs) return;
    // The reader shows the error as the extension would; the other views are
    // cleared so nothing stale is taken for this input's result.
    const text = message(error);
    hoverWiring?.abort();
    last = null;
    mdButton.disabled = true;
    reportButton.disabled = true;
    jsonView.textContent = JSON.stringify({ error: text }, null, 2);
    readerReady.then((overlay) => overlay.showError(text), () => {});
    say('error', `The core could not read this page: ${text}`);
  }
}

/** How many runs have started; see {@link run}. */
let runs = 0;

/** @param {number} ms */
const round = (ms) => Math.round(ms * 10) / 10;

/** The URL field's value, or null when empty. */
const currentUrl = () => urlInput.value.trim() || null;

// ---- exports --------------------------------------------------------------

/**
 * @param {string} name
 * @param {string} type
 * @param {string} text
 */
function download(name, type, text) {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

mdButton.addEventListener('click', () => {
  if (!last) return;
  download(`${slug(last.article.title)}.md`, 'text/markdown;charset=utf-8', markdownExport(last.article));
});

reportButton.addEventListener('click', () => {
  if (!last) return;
  const bundle = reportBundle({ html: last.html, url: last.url, explanation: last.explanation, coreVersion, timings: last.timings });
  download(`quire-report-${slug(last.article.title)}.json`, 'application/json', `${JSON.stringify(bundle, null, 2)}\n`);
});

// ---- inputs ---------------------------------------------------------------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run(htmlInput.value, currentUrl());
});

/**
 * Whether the URL field holds a sample's URL, set by the picker rather than
 * typed: a page pasted or dropped next must not get the sample's base URL.
 */
let urlFromSample = false;
urlInput.addEventListener('input', () => {
  urlFromSample = false;
});
/** Forgets the sample once other HTML is given. */
function leaveSample() {
  sampleInput.value = '';
  if (urlFromSample) urlInput.value = '';
  urlFromSample = false;
}

htmlInput.addEventListener('paste', () => {
  leaveSample();
  // After the pasted text has landed in the field.
  setTimeout(() => run(htmlInput.value, currentUrl()), 0);
});

sampleInput.addEventListener('change', async () => {
  if (!sampleInput.value) return;
  const href = new URL(sampleInput.value, location.href).href;
  try {
    const response = await fetch(href);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    htmlInput.value = await response.text();
    urlInput.value = href;
    urlFromSample = true;
    await run(htmlInput.value, href);
  } catch (error) {
    say('error', `Could not load the sample: ${message(error)}`);
  }
});

// A file dropped anywhere on the playground is the new input (and the
// browser must not navigate away to it). Dragged text is left to the fields.
/** @param {DragEvent} event */
const carriesFile = (event) => Boolean(event.dataTransfer?.types.includes('Files'));
document.addEventListener('dragover', (event) => {
  if (!carriesFile(event)) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) document.body.classList.remove('dragging');
});
document.addEventListener('drop', async (event) => {
  if (!carriesFile(event)) return;
  event.preventDefault();
  document.body.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  if (!/\.x?html?$/i.test(file.name) && !/html/.test(file.type)) {
    say('error', `${file.name} is not an HTML file.`);
    return;
  }
  htmlInput.value = await file.text();
  leaveSample();
  await run(htmlInput.value, currentUrl());
});

// ---- start ----------------------------------------------------------------

say('loading', 'Loading the core…');
try {
  const started = performance.now();
  const glue = await import('./pkg/quire.js').catch((error) => {
    throw new Error(`./pkg/quire.js did not load (${message(error)}); serve dist/www (make demo), not www/`);
  });
  await glue.default();
  initMs = performance.now() - started;
  coreVersion = glue.version();
  core = glue;
  byId('version').textContent = `Core ${coreVersion}.`;
  await readerReady;
  say('ready', 'Ready: paste a page, drop an .html file, or choose a sample.');
} catch (error) {
  say('error', `The playground failed to start: ${message(error)}`);
}

// For debugging matches from the console: quirePlayground.last, .blockText(el.textContent).
Object.assign(globalThis, { quirePlayground: { blockText, get last() { return last; } } });

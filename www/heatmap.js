// @ts-check
/**
 * @file The original page and its heat map.
 *
 * The page is shown in `<iframe sandbox="allow-same-origin" srcdoc>`: no
 * script of the page runs (no `allow-scripts`), but this document can reach
 * its DOM. Its paths from `explain` resolve there with `querySelector`,
 * because a browser parses the same HTML into the same tree.
 *
 * The srcdoc document inherits the playground's CSP (`style-src 'self'`),
 * which blocks the page's inline `<style>` elements and `style` attributes.
 * They are re-applied through the CSSOM, which CSP does not govern: each
 * `<style>` becomes a constructed stylesheet, each `style` attribute is
 * copied to `element.style`. Remote stylesheets stay blocked (offline).
 *
 * The heat map (colours: blocks.js) is a layer of absolutely positioned boxes appended to the
 * page's `<html>` element (after `<body>`, so no path changes), styled
 * through the CSSOM for the same reason.
 */

import { blockText, heatColour, labelPlan, leafHeat, maxScore } from './blocks.js';

/** @typedef {import('./blocks.js').Block} Block */
/** @typedef {import('./blocks.js').Explanation} Explanation */

const LAYER_ID = 'quire-playground-heatmap';

/** Label and outline colours by decision. */
const COLOURS = {
  clutter: '#b0127a',
  dropped: '#5c6370',
  container: '#1f4e8c',
  focus: '#f2b705',
};

/**
 * The HTML for the iframe's srcdoc: the input, with a `<base href>` after
 * the doctype when a base URL is given and the page has no absolute base of
 * its own (only `<head>`'s children shift, and paths of blocks are in
 * `<body>`).
 * @param {string} html
 * @param {string | null} baseUrl
 */
export function srcdocFor(html, baseUrl) {
  // A page's own absolute <base> stands (the first <base> wins, so ours
  // would shadow it); a relative one would resolve against the playground.
  if (!baseUrl || /<base\s[^>]*href\s*=\s*["']?\s*https?:/i.test(html)) return html;
  const base = `<base href="${baseUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + base + html.slice(doctype[0].length) : base + html;
}

/**
 * Re-applies the page's inline styles through the CSSOM (see the file
 * comment). Best effort: a sheet the CSSOM cannot parse is skipped.
 * @param {Document} doc
 */
export function restoreInlineStyles(doc) {
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView);
  /** @type {CSSStyleSheet[]} */
  const sheets = [];
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(style.textContent || '');
      sheets.push(sheet);
    } catch {
      // unparseable: skip it
    }
  }
  doc.adoptedStyleSheets = sheets;
  for (const el of Array.from(doc.querySelectorAll('[style]'))) {
    if (el instanceof win.HTMLElement) el.style.cssText = el.getAttribute('style') || '';
  }
}

/**
 * Whether `el` is the element the core reported as `block`: same tag, same
 * text (as far as `explain` reports it). The trees can differ: this frame
 * runs no scripts, so the browser parses `<noscript>` content as markup,
 * where the core's parser (scripting on) reads it as text; in `<head>` that
 * can even move where `<body>` starts.
 * @param {Element} el
 * @param {Block} block
 */
function sameBlock(el, block) {
  if (el.localName !== block.tag) return false;
  return blockText(el.textContent || '') === block.text;
}

/**
 * @param {Document} doc
 * @param {string} path
 * @returns {Element | null}
 */
function resolve(doc, path) {
  try {
    return doc.querySelector(path);
  } catch {
    return null;
  }
}

/**
 * @typedef {object} HeatMap
 * @property {Map<Block, Element>} elements Each block's element in the page, where its path resolves.
 * @property {Block[]} unresolved Blocks whose path finds no element, or one with another tag or text:
 *   the browser built a different tree (see {@link sameBlock}). They are not drawn.
 * @property {(el: Element | null) => Block | null} blockAt The innermost block at or above `el`.
 * @property {(block: Block | null) => void} focus Outlines one block (or none) and scrolls it into view.
 * @property {() => void} layout Recomputes the boxes (after a resize or image load).
 * @property {number} drawn How many blocks have a visible box.
 */

/**
 * Each block's element in the page, where its path resolves to the same
 * block; the others are unresolved.
 * @param {Document} doc
 * @param {Explanation} explanation
 */
function resolveBlocks(doc, explanation) {
  /** @type {Map<Block, Element>} */
  const elements = new Map();
  /** @type {Map<Element, Block>} */
  const blockOf = new Map();
  /** @type {Block[]} */
  const unresolved = [];
  for (const block of explanation.blocks) {
    const el = resolve(doc, block.path);
    if (!el || !sameBlock(el, block)) {
      unresolved.push(block);
      continue;
    }
    elements.set(block, el);
    if (!blockOf.has(el)) blockOf.set(el, block);
  }
  return { elements, blockOf, unresolved };
}

/**
 * The layer that holds the boxes: at the document's origin, above the
 * page, letting every pointer event through; and its box factory.
 * @param {Document} doc
 */
function createLayer(doc) {
  const layer = doc.createElement('div');
  layer.id = LAYER_ID;
  layer.setAttribute('aria-hidden', 'true');
  Object.assign(layer.style, {
    position: 'absolute', left: '0', top: '0', width: '0', height: '0', margin: '0', padding: '0', border: '0',
    pointerEvents: 'none', zIndex: '2147483647', overflow: 'visible',
  });

  /** @type {{el: Element, box: HTMLElement}[]} */
  const boxes = [];
  /**
   * A box over `el` (placed by {@link placeBox}), with an optional label on its top edge.
   * @param {Element} el
   * @param {Partial<CSSStyleDeclaration>} style
   * @param {string | null} label
   * @param {string} colour
   * @param {Block | null} block
   */
  const addBox = (el, style, label, colour, block) => {
    const box = doc.createElement('div');
    Object.assign(box.style, { position: 'absolute', boxSizing: 'border-box', pointerEvents: 'none' }, style);
    if (block) {
      box.dataset.path = block.path;
      box.dataset.decision = block.decision;
    }
    if (label) {
      const tag = doc.createElement('span');
      tag.className = 'quire-label';
      tag.textContent = label;
      Object.assign(tag.style, {
        position: 'absolute', left: '0', top: '0', transform: 'translateY(-100%)', whiteSpace: 'nowrap',
        font: '600 11px/1.5 system-ui, sans-serif', color: '#fff', background: colour, padding: '0 5px',
        borderRadius: '3px 3px 0 0', letterSpacing: '0', textTransform: 'none',
      });
      box.append(tag);
      box.dataset.label = label;
    }
    layer.append(box);
    boxes.push({ el, box });
    return box;
  };
  return { layer, boxes, addBox };
}

/**
 * The boxes of one block: its heat as a tint (a leaf), its score as an
 * outline with a badge (a candidate), its removal as a labelled outline.
 * @param {Document} doc
 * @param {ReturnType<typeof createLayer>['addBox']} addBox
 * @param {Block} block
 * @param {Element} el
 * @param {{max: number, heat: Map<Block, number>, labels: Map<Block, string>}} plan
 */
function drawBlock(doc, addBox, block, el, { max, heat, labels }) {
  const leaf = heat.get(block);
  if (leaf !== undefined) {
    const box = addBox(el, { background: heatColour(leaf, max) }, null, '', block);
    box.dataset.heat = String(leaf);
  }
  if (block.score !== null) {
    // The scored block: an outline in its heat colour and its score.
    const colour = heatColour(block.score, max, false);
    const box = addBox(el, { outline: `2px solid ${colour}`, outlineOffset: '-1px' }, null, '', block);
    box.dataset.score = String(block.score);
    const badge = doc.createElement('span');
    badge.textContent = block.score.toFixed(1);
    Object.assign(badge.style, {
      position: 'absolute', right: '0', top: '0', font: '600 10px/1.4 system-ui, sans-serif', color: '#fff',
      background: colour, padding: '0 4px', borderRadius: '0 0 0 3px',
    });
    box.append(badge);
  }
  const label = labels.get(block);
  if (label) {
    const colour = block.decision === 'clutter' ? COLOURS.clutter : COLOURS.dropped;
    addBox(el, {
      outline: `2px ${block.decision === 'clutter' ? 'solid' : 'dashed'} ${colour}`,
      outlineOffset: '-2px',
      background: block.decision === 'clutter' ? 'rgba(176, 18, 122, 0.10)' : 'rgba(92, 99, 112, 0.10)',
    }, label, colour, block);
  }
}

/**
 * The chosen container's thick outline, labelled below its box, clear of
 * the labels of the blocks at its top.
 * @param {ReturnType<typeof createLayer>['addBox']} addBox
 * @param {Element} container
 */
function drawContainer(addBox, container) {
  const box = addBox(container, { outline: `4px solid ${COLOURS.container}`, outlineOffset: '2px' }, 'container', COLOURS.container, null);
  box.dataset.container = 'true';
  const label = /** @type {HTMLElement} */ (box.querySelector('.quire-label'));
  label.dataset.at = 'bottom';
  Object.assign(label.style, { top: 'auto', bottom: '-6px', transform: 'translateY(100%)', borderRadius: '0 0 3px 3px' });
}

/**
 * Puts `box` over `el`, relative to the layer's origin; hides it when `el`
 * has no box. Whether it shows.
 * @param {Window} win
 * @param {HTMLElement} box
 * @param {Element} el
 * @param {DOMRect} origin
 */
function placeBox(win, box, el, origin) {
  const r = el.getBoundingClientRect();
  const visible = r.width > 0 && r.height > 0;
  box.style.display = visible ? 'block' : 'none';
  if (!visible) return false;
  const top = r.top - origin.top;
  Object.assign(box.style, {
    left: `${r.left - origin.left}px`, top: `${top}px`, width: `${r.width}px`, height: `${r.height}px`,
  });
  // A label sits on the box's top edge, or inside it at the top of the page.
  const label = /** @type {HTMLElement | null} */ (box.querySelector('.quire-label'));
  if (label && label.dataset.at !== 'bottom') label.style.transform = top + win.scrollY < 18 ? 'none' : 'translateY(-100%)';
  return true;
}

/**
 * Draws the heat map over `doc` for `explanation`.
 * @param {Document} doc The original page (the sandboxed iframe's document).
 * @param {Explanation} explanation
 * @returns {HeatMap}
 */
export function drawHeatMap(doc, explanation) {
  const win = /** @type {Window} */ (doc.defaultView);
  doc.getElementById(LAYER_ID)?.remove();

  const { elements, blockOf, unresolved } = resolveBlocks(doc, explanation);
  const container = explanation.container ? resolve(doc, explanation.container) : null;
  const plan = { max: maxScore(explanation.blocks), labels: labelPlan(explanation.blocks), heat: leafHeat(explanation.blocks) };

  const { layer, boxes, addBox } = createLayer(doc);
  for (const [block, el] of elements) drawBlock(doc, addBox, block, el, plan);
  if (container) drawContainer(addBox, container);
  const focusBox = doc.createElement('div');
  Object.assign(focusBox.style, {
    position: 'absolute', boxSizing: 'border-box', pointerEvents: 'none', display: 'none',
    outline: `3px solid ${COLOURS.focus}`, background: 'rgba(242, 183, 5, 0.18)',
  });
  focusBox.dataset.focus = 'true';
  layer.append(focusBox);
  /** @type {Element | null} */
  let focused = null;

  doc.documentElement.append(layer);

  let drawn = 0;
  function layout() {
    const origin = layer.getBoundingClientRect();
    drawn = 0;
    for (const { el, box } of boxes) if (placeBox(win, box, el, origin)) drawn++;
    if (focused) placeBox(win, focusBox, focused, origin);
  }
  layout();

  // Images and fonts shift the layout after the first pass.
  for (const img of Array.from(doc.images)) if (!img.complete) img.addEventListener('load', layout, { once: true });
  win.addEventListener('resize', layout);

  return {
    elements,
    unresolved,
    blockAt(el) {
      for (let n = el; n; n = n.parentElement) {
        const b = blockOf.get(n);
        if (b) return b;
      }
      return null;
    },
    focus(block) {
      const el = block ? elements.get(block) || null : null;
      focused = el;
      if (!el) {
        focusBox.style.display = 'none';
        return;
      }
      if (placeBox(win, focusBox, el, layer.getBoundingClientRect())) reveal(win, el);
    },
    layout,
    get drawn() {
      return drawn;
    },
  };
}

/**
 * Scrolls `win` (only that window, not the playground around its frame) so
 * that `el` is in view, if it is not already.
 * @param {Window} win
 * @param {Element} el
 */
export function reveal(win, el) {
  const r = el.getBoundingClientRect();
  const h = win.innerHeight;
  if (r.top >= 0 && r.bottom <= h) return;
  win.scrollBy({ top: r.top - Math.min(h / 4, Math.max(0, h - r.height) / 2), behavior: 'instant' });
}

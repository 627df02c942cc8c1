// @ts-check
/**
 * @file Pure helpers of the playground: no DOM of a real page, no wasm, so
 * node's test runner covers them (tests/js/playground.test.mjs).
 *
 * - how a block of `explain` is coloured and labelled on the heat map;
 * - how reader paragraphs are matched to the original page's blocks;
 * - what the exports (Markdown, bug report) contain.
 */

/**
 * The reader's view of a page, as returned by the core's `extract`.
 * @typedef {object} Article
 * @property {string | null} title
 * @property {string | null} byline
 * @property {string | null} siteName
 * @property {string | null} publishedTime
 * @property {string | null} lang
 * @property {string | null} dir
 * @property {string | null} excerpt
 * @property {string | null} leadImage
 * @property {string} content
 * @property {string} text
 * @property {string} markdown
 * @property {number} wordCount
 * @property {number} readingMinutes
 * @property {boolean} readerable
 */

/**
 * One block-level element of the page as parsed, with the core's decision.
 * @typedef {object} Block
 * @property {string} path CSS selector from the root, element-only nth-child indexes.
 * @property {string} tag
 * @property {number | null} score Content score, for blocks the scorer looked at.
 * @property {'kept' | 'dropped' | 'clutter'} decision
 * @property {string | null} kind Clutter kind, for `clutter` blocks.
 * @property {string[]} signals The rule or signals behind the decision.
 * @property {boolean} inherited The decision was made on an ancestor.
 * @property {string} text The block's text, whitespace collapsed, first 120 characters.
 */

/**
 * What `explain` returns.
 * @typedef {object} Explanation
 * @property {Article} article
 * @property {string | null} container Path of the chosen container.
 * @property {Block[]} blocks
 * @property {string} keptText
 */

/** How many characters of text `explain` reports per block. */
export const BLOCK_TEXT_CHARS = 120;

/**
 * Unicode White_Space, what Rust's `char::is_whitespace` tests (JS's `\s`
 * differs: it has U+FEFF and lacks U+0085).
 */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Collapses whitespace runs to one space and trims, like the core's
 * `normalize_ws`, so text read from the DOM compares with `Block.text`.
 * @param {string} text
 */
export function normalize(text) {
  return text.replace(WHITE_SPACE, ' ').replace(/^ | $/g, '');
}

/**
 * The first `n` characters of `text`, counted as the core counts them
 * (Unicode scalar values, not UTF-16 code units: an emoji is one).
 * @param {string} text
 * @param {number} n
 */
export function firstChars(text, n) {
  if (text.length <= n) return text;
  let out = '';
  let count = 0;
  for (const c of text) {
    if (count++ === n) break;
    out += c;
  }
  return out;
}

/**
 * A block's text as `explain` reports it: whitespace collapsed, first
 * {@link BLOCK_TEXT_CHARS} characters.
 * @param {string} text
 */
export function blockText(text) {
  return firstChars(normalize(text), BLOCK_TEXT_CHARS);
}

/**
 * The highest positive score among the blocks (1 when none has one), the
 * top of the heat map's scale.
 * @param {readonly Block[]} blocks
 */
export function maxScore(blocks) {
  let max = 0;
  for (const b of blocks) if (b.score !== null && b.score > max) max = b.score;
  return max > 0 ? max : 1;
}

/**
 * The heat map fill for a content score: hue runs from cool blue (0 or
 * less) to hot red (the page's best score).
 * @param {number} score
 * @param {number} max
 * @param {boolean} [alpha] Translucent (for fills) or opaque (for outlines).
 * @returns {string} a CSS colour
 */
export function heatColour(score, max, alpha = true) {
  const t = Math.min(1, Math.max(0, score / max));
  const hue = Math.round(210 * (1 - t));
  return alpha ? `hsla(${hue}, 85%, 50%, ${(0.12 + 0.23 * t).toFixed(2)})` : `hsl(${hue}, 80%, 42%)`;
}

/**
 * The heat of each leaf block (one that holds no other block): the score of
 * its nearest scored ancestor-or-self, the candidate it counted towards.
 * Filling leaves only keeps the fills from piling up, since scored blocks
 * nest (body, wrapper, article, section); the scored blocks themselves get
 * an outline in their own colour.
 * @param {readonly Block[]} blocks in document order
 * @returns {Map<Block, number>}
 */
export function leafHeat(blocks) {
  /** @type {Set<string>} */
  const parents = new Set();
  /** @type {Map<string, number>} */
  const scores = new Map();
  for (const b of blocks) {
    if (b.score !== null) scores.set(b.path, b.score);
    for (let p = parentPath(b.path); p; p = parentPath(p)) parents.add(p);
  }
  /** @type {Map<Block, number>} */
  const out = new Map();
  for (const b of blocks) {
    if (parents.has(b.path)) continue;
    for (let p = b.path; p; p = parentPath(p)) {
      const score = scores.get(p);
      if (score !== undefined) {
        out.set(b, score);
        break;
      }
    }
  }
  return out;
}

/**
 * The label a removed block gets on the heat map: its clutter kind, or for
 * a dropped block its main (first) signal. Null for kept blocks.
 * @param {Block} block
 * @returns {string | null}
 */
export function labelFor(block) {
  if (block.decision === 'clutter') return block.kind || block.signals[0] || 'clutter';
  if (block.decision === 'dropped') return block.signals[0] || 'dropped';
  return null;
}

/**
 * Whether a block's removal was decided on it, not inherited from an
 * ancestor (which carries the label already).
 * @param {Block} block
 */
export function isLabelled(block) {
  return block.decision !== 'kept' && !block.inherited;
}

/**
 * The labels the heat map draws, by block. A removed block is labelled
 * (see {@link labelFor}) unless its decision was inherited, or its nearest
 * ancestor block is removed whole (holds no kept block) with the same label:
 * the core reports `outside-article` on every block outside the container,
 * and one label on the outermost says it for all of them.
 * @param {readonly Block[]} blocks in document order
 * @returns {Map<Block, string>}
 */
export function labelPlan(blocks) {
  /** @type {Set<string>} paths of blocks that hold a kept block */
  const holdsKept = new Set();
  for (const b of blocks) {
    if (b.decision !== 'kept') continue;
    for (let p = b.path; p; p = parentPath(p)) holdsKept.add(p);
  }
  /** @type {Map<string, string | null>} the label each path shows or covers */
  const shown = new Map();
  /** @type {Map<Block, string>} */
  const plan = new Map();
  for (const b of blocks) {
    const label = isLabelled(b) ? labelFor(b) : null;
    let covered = false;
    for (let p = parentPath(b.path); p; p = parentPath(p)) {
      if (!shown.has(p)) continue; // not a block
      covered = label !== null && shown.get(p) === label && !holdsKept.has(p);
      break;
    }
    shown.set(b.path, label);
    if (label && !covered) plan.set(b, label);
  }
  return plan;
}

/**
 * The path of the parent element, or '' at the root.
 * @param {string} path
 */
function parentPath(path) {
  const i = path.lastIndexOf('>');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * A one-line description of a block for the inspector.
 * @param {Block} block
 */
export function describe(block) {
  const parts = [`<${block.tag}>`, block.decision];
  if (block.kind) parts.push(`kind ${block.kind}`);
  if (block.score !== null) parts.push(`score ${block.score.toFixed(1)}`);
  if (block.signals.length) parts.push(`${block.inherited ? 'inherited ' : ''}signals: ${block.signals.join(', ')}`);
  return parts.join(' · ');
}

/**
 * Counts blocks by decision, and the heat map's labels by label.
 * @param {readonly Block[]} blocks
 */
export function summarise(blocks) {
  /** @type {Record<string, number>} */
  const decisions = { kept: 0, dropped: 0, clutter: 0 };
  for (const b of blocks) decisions[b.decision] = (decisions[b.decision] || 0) + 1;
  /** @type {Record<string, number>} */
  const labels = {};
  for (const label of labelPlan(blocks).values()) labels[label] = (labels[label] || 0) + 1;
  return { decisions, labels };
}

/**
 * Tags of the reader content that are matched to blocks of the original.
 * Matches go leaf-first: a `<p>` inside a `<blockquote>` finds its own block.
 */
export const READER_BLOCK_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption', 'dt', 'dd', 'td', 'th', 'figure', 'table', 'ul', 'ol'];

/**
 * Matches the reader's blocks to the original page's kept blocks.
 *
 * The reader content is the core's sanitised HTML, which carries no paths,
 * so the link is by text: a reader element matches the first unused kept
 * block with the same tag and the same first 120 characters of
 * whitespace-collapsed text (what `Block.text` holds); failing that, any
 * unused kept block with that text; failing that, one whose text starts
 * with the reader element's first 40 characters (the core may have dropped
 * an inline piece). Document order is kept, so repeated paragraphs pair up
 * in turn.
 *
 * @template R
 * @param {readonly {key: R, tag: string, text: string}[]} readerItems in document order
 * @param {readonly Block[]} blocks
 * @returns {Map<R, Block>}
 */
export function matchReaderToBlocks(readerItems, blocks) {
  const kept = blocks.filter((b) => b.decision === 'kept' && b.text);
  /** @type {Set<Block>} */
  const used = new Set();
  /** @type {Map<R, Block>} */
  const out = new Map();
  /** @param {(b: Block) => boolean} test */
  const take = (test) => kept.find((b) => !used.has(b) && test(b));
  for (const item of readerItems) {
    const text = blockText(item.text);
    if (!text) continue;
    const prefix = firstChars(text, 40);
    const found =
      take((b) => b.tag === item.tag && b.text === text) ||
      take((b) => b.text === text) ||
      (prefix.length >= 20 ? take((b) => b.tag === item.tag && b.text.startsWith(prefix)) : undefined);
    if (found) {
      used.add(found);
      out.set(item.key, found);
    }
  }
  return out;
}

/**
 * Page text (title, byline, date) as Markdown text on one line: whitespace
 * runs to one space, and every character that could open Markdown syntax,
 * raw HTML or an entity (or close a heading) escaped with a backslash. The
 * same function as `escapeMarkdownLine` in extension/ui/overlay.js (a classic
 * script there, so the two cannot share one file).
 * @param {string} text
 */
export function escapeMarkdownLine(text) {
  return normalize(text).replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
}

/**
 * The Markdown export: `# {title}`, a byline line (byline and date, when
 * known), then the core's article Markdown. A heading the Markdown already
 * starts with is not repeated.
 * @param {Article} article
 */
export function markdownExport(article) {
  const title = normalize(article.title || 'Untitled');
  let body = article.markdown.replace(/^\s+/, '');
  const heading = /^#\s+(.*)\n/.exec(body);
  const unescaped = heading ? heading[1].replace(/\\([!-/:-@[-`{-~])/g, '$1') : null;
  if (heading && unescaped !== null && normalize(unescaped) === title) body = body.slice(heading[0].length).replace(/^\s+/, '');
  const byline = [article.byline, article.publishedTime ? article.publishedTime.slice(0, 10) : null]
    .filter(Boolean)
    .map((s) => escapeMarkdownLine(String(s)))
    .join(' · ');
  const parts = [`# ${escapeMarkdownLine(title)}`];
  if (byline) parts.push(`*${byline}*`);
  parts.push(body);
  return `${parts.join('\n\n').trimEnd()}\n`;
}

/**
 * The bug-report bundle: everything needed to reproduce a run.
 * @param {object} input
 * @param {string} input.html The input HTML, as given.
 * @param {string | null} input.url
 * @param {Explanation} input.explanation
 * @param {string} input.coreVersion
 * @param {Record<string, number>} input.timings Milliseconds.
 */
export function reportBundle({ html, url, explanation, coreVersion, timings }) {
  return {
    format: 'quire-playground-report',
    version: 1,
    createdAt: new Date().toISOString(),
    core: coreVersion,
    userAgent: typeof navigator === 'undefined' ? null : navigator.userAgent,
    url,
    timings,
    html,
    explain: explanation,
  };
}

/**
 * A file-name stem from a title: lowercase ASCII words joined by hyphens.
 * @param {string | null} title
 */
export function slug(title) {
  const s = (title || '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'article';
}

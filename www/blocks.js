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
 * Collapses whitespace runs to one space and trims, like the core's
 * `normalize_ws`, so text read from the DOM compares with `Block.text`.
 * @param {string} text
 */
export function normalize(text) {
  return text.replace(/\s+/g, ' ').trim();
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
 * less) to hot red (the page's best score). Light, because scored blocks
 * nest (body, wrapper, article, section) and their fills add up.
 * @param {number} score
 * @param {number} max
 * @returns {string} a CSS colour
 */
export function heatColour(score, max) {
  const t = Math.min(1, Math.max(0, score / max));
  const hue = Math.round(210 * (1 - t));
  return `hsla(${hue}, 85%, 50%, ${(0.06 + 0.18 * t).toFixed(2)})`;
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
 * Whether a block carries its own decision on the heat map: removed blocks
 * whose removal was decided on them, not inherited from an ancestor (which
 * has the label already).
 * @param {Block} block
 */
export function isLabelled(block) {
  return block.decision !== 'kept' && !block.inherited;
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
 * Counts blocks by decision, and labelled blocks by label.
 * @param {readonly Block[]} blocks
 */
export function summarise(blocks) {
  /** @type {Record<string, number>} */
  const decisions = { kept: 0, dropped: 0, clutter: 0 };
  /** @type {Record<string, number>} */
  const labels = {};
  for (const b of blocks) {
    decisions[b.decision] = (decisions[b.decision] || 0) + 1;
    const label = isLabelled(b) ? labelFor(b) : null;
    if (label) labels[label] = (labels[label] || 0) + 1;
  }
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
    const text = normalize(item.text).slice(0, BLOCK_TEXT_CHARS);
    if (!text) continue;
    const prefix = text.slice(0, 40);
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
 * The Markdown export: `# {title}`, a byline line (byline and date, when
 * known), then the core's article Markdown. A heading the Markdown already
 * starts with is not repeated.
 * @param {Article} article
 */
export function markdownExport(article) {
  const title = normalize(article.title || 'Untitled');
  let body = article.markdown.replace(/^\s+/, '');
  const heading = /^#\s+(.*)\n/.exec(body);
  if (heading && normalize(heading[1]) === title) body = body.slice(heading[0].length).replace(/^\s+/, '');
  const byline = [article.byline, article.publishedTime ? article.publishedTime.slice(0, 10) : null]
    .filter(Boolean)
    .map((s) => normalize(String(s)))
    .join(' · ');
  const parts = [`# ${title}`];
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

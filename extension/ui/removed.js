// @ts-check
/**
 * @file What the core removed from the article, shown and taken back, and
 * "Report a problem".
 *
 * - "Show removed blocks" (a setting, off by default): the core then gives
 *   each block it removed from inside the article (`Article.clutter`, with
 *   `removedBlocks`) and marks where it was in `content` with an empty
 *   `<span data-quire-removed="N">`, which only the core can write (its
 *   sanitiser drops that attribute from the page). Each marker becomes one
 *   collapsed line, "Removed: related stories (5)", a button with
 *   `aria-expanded`; opening it shows the block (the core's sanitised HTML,
 *   cleaned again as the article is) and "Keep this kind of block on this
 *   site", which the content script remembers per origin
 *   (shared/keep.js): the next extraction on that origin keeps the kind.
 * - "Report a problem": a local file the browser downloads (a blob: URL on
 *   an `<a download>`, no permission), nothing sent anywhere: the page's
 *   URL, Quire's version, the core's `explain()` of the page, the article
 *   HTML and, only when the reader ticks the box, the page's HTML. One JSON
 *   file, so that a program can read it back.
 *
 * A classic script (after ui/dom.js, ui/sanitize.js and ui/render.js, before
 * ui/toolbar.js); publishes `globalThis.quireRemoved`.
 */

/**
 * What "Report a problem" saves.
 * @typedef {object} ReportBundle
 * @property {'quire-problem-report'} format
 * @property {number} formatVersion
 * @property {string} url
 * @property {string} quireVersion
 * @property {string} createdAt ISO 8601.
 * @property {unknown} explain The core's `explain()` output (without its copy of the article).
 * @property {string} articleHtml
 * @property {string} [pageHtml] Only when the reader asked for it.
 */

/**
 * The rows the settings panel gets.
 * @typedef {object} RemovedPanel
 * @property {HTMLElement[]} rows
 * @property {(settings: Settings) => void} show
 */

/**
 * What this file publishes as `globalThis.quireRemoved`.
 * @typedef {object} QuireRemoved
 * @property {string} MARKER_ATTR
 * @property {string} STYLES CSS for the overlay's shadow root.
 * @property {(doc: Document, options: {current: () => Settings, change: (delta: Partial<Settings>) => void, onReport?: (includePage: boolean) => void}) => RemovedPanel} panelRows
 * @property {(content: Element, article: Article, onKeep?: (kind: string) => Promise<boolean>) => number} showRemoved
 *   Replaces the core's markers in the rendered `content` by collapsed lines; returns how many.
 * @property {(block: RemovedBlock) => string} lineText "Removed: related stories (5)".
 * @property {(fields: {url: string, version: string, explain: unknown, articleHtml: string, pageHtml?: string | null}) => ReportBundle} reportBundle
 * @property {(parent: Element, bundle: ReportBundle) => string} saveReport Downloads the bundle as a
 *   file; returns its name.
 */

(function (/** @type {any} */ root) {
  if (root.quireRemoved) return;

  /** @type {QuireStrings} */
  const { t } = root.quireStrings;
  /** @type {QuireDom} */
  const { el, labelButton } = root.quireDom;
  /** @type {QuireSanitize} */
  const { cleanTree } = root.quireSanitize;
  /** @type {QuireRender} */
  const render = root.quireRender;

  const MARKER_ATTR = 'data-quire-removed';
  /** A kind name as the core writes it. */
  const KIND_NAME = /^[a-z][a-z-]{0,39}$/;
  /** Most removed blocks shown for one article. */
  const MAX_BLOCKS = 200;

  /** The message key of each kind's name (kebab-case kind → key of _locales). */
  /** @type {Readonly<Record<string, string>>} */
  const KIND_KEYS = Object.freeze({
    'donation': 'removedKind_donation',
    'membership-cta': 'removedKind_membership_cta',
    'subscription-cta': 'removedKind_subscription_cta',
    'newsletter-form': 'removedKind_newsletter_form',
    'paywall': 'removedKind_paywall',
    'cookie': 'removedKind_cookie',
    'related': 'removedKind_related',
    'read-more-links': 'removedKind_read_more_links',
    'recommended': 'removedKind_recommended',
    'most-read': 'removedKind_most_read',
    'sidebar': 'removedKind_sidebar',
    'comments': 'removedKind_comments',
    'share': 'removedKind_share',
    'ads': 'removedKind_ads',
    'bio': 'removedKind_bio',
    'author-contact': 'removedKind_author_contact',
    'nav': 'removedKind_nav',
    'breadcrumbs': 'removedKind_breadcrumbs',
    'footer': 'removedKind_footer',
    'app-banner': 'removedKind_app_banner',
    'sticky-footer': 'removedKind_sticky_footer',
    'popup': 'removedKind_popup',
    'admin': 'removedKind_admin',
    'meta': 'removedKind_meta',
    'audio-player': 'removedKind_audio_player',
    'gallery-controls': 'removedKind_gallery_controls',
    'tags': 'removedKind_tags',
    'toc': 'removedKind_toc',
    'feedback': 'removedKind_feedback',
    'affiliate-disclosure': 'removedKind_affiliate_disclosure',
    'live-controls': 'removedKind_live_controls',
    'republish': 'removedKind_republish',
  });

  const STYLES = String.raw`
.removed { margin: 0.8em 0; border-left: 3px solid var(--quire-rule); padding-left: 10px; }
.removed-toggle {
  font: 400 14px / 1.4 var(--quire-sans); color: var(--quire-muted);
  background: none; border: 0; padding: 4px 0; cursor: pointer; text-align: start;
}
/* The line is drawn (ui/dom.js labelButton), after its open/closed marker. */
.removed-toggle[data-quire-label]::before { content: "▸ " attr(data-quire-label); }
.removed-toggle[data-quire-label][aria-expanded="true"]::before { content: "▾ " attr(data-quire-label); }
.removed-toggle:hover { color: var(--quire-fg); }
.removed-body { opacity: 0.85; }
.removed-keep {
  font: 500 14px / 1 var(--quire-sans); color: var(--quire-fg); background: var(--quire-control-bg);
  border: 1px solid var(--quire-rule); border-radius: 999px; padding: 8px 14px; cursor: pointer;
}
.removed-note { font: 400 14px / 1.4 var(--quire-sans); color: var(--quire-fg); margin: 6px 0 0; }
.removed-note:empty { display: none; }
[data-show-removed="false"] .removed { display: none; }
@media print { .removed { display: none; } }
.row.check { justify-content: flex-start; }
.report { display: grid; gap: 8px; border-top: 1px solid var(--quire-rule); padding-top: 10px; }
.report .tool { justify-self: start; }
`;

  /** @param {RemovedBlock} block */
  function lineText(block) {
    const key = Object.hasOwn(KIND_KEYS, block.kind) ? KIND_KEYS[block.kind] : null;
    const label = (key && t(key)) || block.label || block.kind;
    return typeof block.items === 'number' && block.items > 1
      ? t('removedLineCount', label, block.items)
      : t('removedLine', label);
  }

  /**
   * The blocks of `article.clutter` that are well formed, by their index.
   * @param {Article} article
   * @returns {Map<number, RemovedBlock>}
   */
  function blocksOf(article) {
    /** @type {Map<number, RemovedBlock>} */
    const out = new Map();
    const list = Array.isArray(article.clutter) ? article.clutter.slice(0, MAX_BLOCKS) : [];
    list.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null) return;
      const b = /** @type {Record<string, unknown>} */ (raw);
      if (typeof b.kind !== 'string' || !KIND_NAME.test(b.kind) || typeof b.html !== 'string' || b.at !== i) return;
      out.set(i, {
        kind: b.kind,
        label: typeof b.label === 'string' ? b.label.slice(0, 80) : undefined,
        items: typeof b.items === 'number' && Number.isInteger(b.items) ? b.items : undefined,
        html: b.html,
        at: i,
      });
    });
    return out;
  }

  /**
   * @param {Element} content
   * @param {Article} article
   * @param {(kind: string) => Promise<boolean>} [onKeep]
   */
  function showRemoved(content, article, onKeep) {
    const doc = /** @type {Document} */ (content.ownerDocument);
    const blocks = blocksOf(article);
    let shown = 0;
    for (const marker of Array.from(content.querySelectorAll(`span[${MARKER_ATTR}]`))) {
      const index = Number(marker.getAttribute(MARKER_ATTR));
      const block = blocks.get(index);
      if (!block) {
        marker.remove();
        continue;
      }
      blocks.delete(index); // one line per block
      const box = el(doc, 'div', 'removed');
      box.dataset.kind = block.kind;
      const bodyId = `quire-removed-${index}`;
      const body = el(doc, 'div', 'removed-body');
      body.id = bodyId;
      body.hidden = true;
      const toggle = labelButton(doc, 'removed-toggle', lineText(block), () => {
        const open = body.hidden;
        if (open && !body.firstChild) fill(body, block, onKeep);
        body.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
      });
      toggle.setAttribute('aria-expanded', 'false');
      toggle.setAttribute('aria-controls', bodyId);
      box.append(toggle, body);
      marker.replaceWith(box);
      shown += 1;
    }
    return shown;
  }

  /**
   * The opened line: the block, and "Keep this kind of block on this site".
   * @param {HTMLElement} body
   * @param {RemovedBlock} block
   * @param {(kind: string) => Promise<boolean>} [onKeep]
   */
  function fill(body, block, onKeep) {
    const doc = /** @type {Document} */ (body.ownerDocument);
    const parsed = render.parseArticleHtml(block.html ?? '');
    const inner = el(doc, 'div', 'removed-block');
    for (const node of Array.from(parsed.childNodes)) {
      const adopted = doc.adoptNode(node);
      if (adopted.nodeType === 1) cleanTree(/** @type {Element} */ (adopted));
      inner.append(adopted);
    }
    body.append(inner);
    if (!onKeep) return;
    const note = el(doc, 'p', 'removed-note');
    note.setAttribute('role', 'status');
    const keep = labelButton(doc, 'removed-keep', t('removedKeep'), () => {
      keep.disabled = true;
      onKeep(block.kind).then(
        (ok) => {
          note.textContent = t(ok ? 'removedKept' : 'removedKeepFailed');
          if (!ok) keep.disabled = false;
        },
        () => {
          note.textContent = t('removedKeepFailed');
          keep.disabled = false;
        },
      );
    });
    body.append(keep, note);
  }

  /**
   * @param {Document} doc
   * @param {{current: () => Settings, change: (delta: Partial<Settings>) => void, onReport?: (includePage: boolean) => void}} options
   * @returns {RemovedPanel}
   */
  function panelRows(doc, { change, onReport }) {
    const row = el(doc, 'label', 'row check show-removed');
    const box = el(doc, 'input');
    box.type = 'checkbox';
    box.name = 'showRemoved';
    box.addEventListener('change', (event) => {
      if (event.isTrusted) change({ showRemoved: box.checked });
    });
    row.append(box, el(doc, 'span', 'label', t('showRemoved')));
    /** @type {HTMLElement[]} */
    const rows = [row];
    if (onReport) {
      const report = el(doc, 'div', 'report');
      report.setAttribute('role', 'group');
      report.setAttribute('aria-label', t('reportProblem'));
      const pageRow = el(doc, 'label', 'row check include-page');
      const include = el(doc, 'input');
      include.type = 'checkbox';
      include.name = 'includePage';
      pageRow.append(include, el(doc, 'span', 'label', t('reportIncludePage')));
      const save = labelButton(doc, 'tool report-save', t('reportProblem'), () => onReport(include.checked));
      report.append(pageRow, save);
      rows.push(report);
    }
    return {
      rows,
      show(settings) {
        box.checked = settings.showRemoved;
      },
    };
  }

  /**
   * @param {{url: string, version: string, explain: unknown, articleHtml: string, pageHtml?: string | null}} fields
   * @returns {ReportBundle}
   */
  function reportBundle({ url, version, explain, articleHtml, pageHtml }) {
    /** @type {ReportBundle} */
    const bundle = {
      format: 'quire-problem-report',
      formatVersion: 1,
      url,
      quireVersion: version,
      createdAt: new Date().toISOString(),
      explain,
      articleHtml,
    };
    if (typeof pageHtml === 'string') bundle.pageHtml = pageHtml;
    return bundle;
  }

  /**
   * @param {Element} parent Where the short-lived link goes (inside the reader).
   * @param {ReportBundle} bundle
   */
  function saveReport(parent, bundle) {
    const doc = /** @type {Document} */ (parent.ownerDocument);
    let host = 'page';
    try {
      host = new URL(bundle.url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'page';
    } catch {
      // not a URL: the generic name
    }
    const name = `quire-report-${host}-${bundle.createdAt.slice(0, 10)}.json`;
    const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' });
    const href = URL.createObjectURL(blob);
    const link = el(doc, 'a');
    link.href = href;
    link.download = name;
    link.hidden = true;
    parent.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return name;
  }

  /** @type {QuireRemoved} */
  const api = Object.freeze({ MARKER_ATTR, STYLES, panelRows, showRemoved, lineText, reportBundle, saveReport });
  root.quireRemoved = api;
})(globalThis);

// @ts-check
/**
 * @file The overlay's stylesheet, as a string for the shadow root (which
 * overlay.js adopts as a constructed stylesheet).
 *
 * A classic script (injected before overlay.js). It lives in JS rather than a
 * .css file because a content script cannot link an extension stylesheet into
 * a shadow root without exposing it as a web-accessible resource. A
 * constructed sheet applies even under a page CSP of `style-src 'self'`.
 *
 * Isolation: `all: initial` on the host cuts every inherited property the
 * page sets, except `direction` and `unicode-bidi` (which `all` leaves out),
 * so those are set explicitly. Sizes are in px or em, never rem: rem follows
 * the page's root font size (many sites set `html { font-size: 62.5% }`).
 *
 * Settings arrive as data attributes on `.quire` (`data-scheme` is the theme
 * in effect, `auto` resolved by overlay.js), `--quire-size` (px) and
 * `--quire-legible` (the bundled legible family's name on this page, then
 * the system sans-serif: ui/fonts.js).
 * Every theme's text and controls meet WCAG AA contrast on its background.
 */
(function (/** @type {any} */ root) {
  if (root.quireOverlayStyles) return;

  root.quireOverlayStyles = String.raw`
:host {
  all: initial !important;
  direction: ltr !important;
  unicode-bidi: isolate !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  width: 100vw !important;
  height: 100vh !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  transform: none !important;
  filter: none !important;
  opacity: 1 !important;
  visibility: visible !important;
  pointer-events: auto !important;
  color-scheme: light !important;
}

[hidden] { display: none !important; }
/* The chrome's labels and glyphs (ui/dom.js labelButton, glyphButton): drawn,
   not text, so a select-all, a copy or the dialog's innerText holds the
   article alone; each control is named by aria-label. */
button[data-quire-label]::before, button > .glyph[data-quire-label]::before { content: attr(data-quire-label); }

.quire {
  --quire-serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif;
  --quire-sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  --quire-mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --quire-size: 19px;
  --quire-measure: 56ch;
  --quire-leading: 1.65;
  --quire-body: var(--quire-serif);
  --quire-legible: var(--quire-sans);

  /* light */
  --quire-bg: #f8f6f1;
  --quire-fg: #1d1c1a;
  --quire-muted: #57534b;
  --quire-rule: #d9d3c7;
  --quire-link: #1f4e8c;
  --quire-accent: #8a3f10;
  --quire-code-bg: #efebe2;
  --quire-control-bg: #fffdf8;
  --quire-primary-fg: #ffffff;
  --quire-focus: #1f4e8c;

  position: absolute;
  inset: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  color-scheme: light;
  background: var(--quire-bg);
  color: var(--quire-fg);
  font: 400 var(--quire-size) / var(--quire-leading) var(--quire-body);
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-transform: none;
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
}
.quire[data-scheme="sepia"] {
  --quire-bg: #f4ecd8;
  --quire-fg: #3a2e20;
  --quire-muted: #5e4e3a;
  --quire-rule: #d8c9a8;
  --quire-link: #7b3500;
  --quire-accent: #7b3500;
  --quire-code-bg: #ebe0c6;
  --quire-control-bg: #fbf5e6;
  --quire-focus: #7b3500;
}
.quire[data-scheme="dark"] {
  color-scheme: dark;
  --quire-bg: #1c1d1f;
  --quire-fg: #e4e2dd;
  --quire-muted: #b0aca3;
  --quire-rule: #45474b;
  --quire-link: #8fb8ff;
  --quire-accent: #e8ad7c;
  --quire-code-bg: #26282b;
  --quire-control-bg: #2a2c2f;
  --quire-primary-fg: #10141a;
  --quire-focus: #8fb8ff;
}
.quire[data-font="sans"] { --quire-body: var(--quire-sans); }
.quire[data-font="legible"] { --quire-body: var(--quire-legible); }
/* Letter and word spacing of the article (WCAG 1.4.12's 0.12em and 0.16em at the widest). */
.quire[data-letter-spacing="wide"] .page { letter-spacing: 0.05em; }
.quire[data-letter-spacing="wider"] .page { letter-spacing: 0.12em; }
.quire[data-word-spacing="wide"] .page { word-spacing: 0.08em; }
.quire[data-word-spacing="wider"] .page { word-spacing: 0.16em; }
/* Justified, hyphenated in the article's language (the page's lang attribute). */
.quire[data-align="justify"] .content { text-align: justify; hyphens: auto; -webkit-hyphens: auto; }
.quire[data-align="justify"] .content :is(h2, h3, h4, h5, h6, pre, figcaption, caption) { text-align: start; hyphens: manual; -webkit-hyphens: manual; }
/* Images off: pictures, video and figures holding them. */
.quire[data-images="hide"] :is(.lead, .content img, .content picture, .content video, .content svg, .content figure:has(img, picture, video)) { display: none !important; }
.quire[data-width="narrow"] { --quire-measure: 46ch; }
.quire[data-width="wide"] { --quire-measure: 68ch; }
.quire[data-line-height="tight"] { --quire-leading: 1.45; }
.quire[data-line-height="loose"] { --quire-leading: 1.9; }

.quire:focus { outline: none; }
.quire :focus-visible {
  outline: 3px solid var(--quire-focus);
  outline-offset: 2px;
}

/* ---- toolbar ---- */
.bar {
  position: sticky;
  top: 0;
  z-index: 2;
  display: flex;
  justify-content: space-between;
  align-items: center;
  gap: 8px;
  padding: 10px 16px;
  background: linear-gradient(var(--quire-bg) 75%, transparent);
  font: 500 14px / 1 var(--quire-sans);
}
.tools { display: flex; flex-wrap: wrap; gap: 8px; }
.tool, .close, .step, .actions button, .panel select {
  font: 500 14px / 1 var(--quire-sans);
  color: var(--quire-fg);
  background: var(--quire-control-bg);
  border: 1px solid var(--quire-rule);
  border-radius: 999px;
  padding: 8px 14px;
  min-height: 34px;
  cursor: pointer;
}
.tool.aa { font: 600 15px / 1 var(--quire-serif); min-width: 44px; }
/* "A+" stays "A+" in a right-to-left UI. */
.glyph { direction: ltr; unicode-bidi: isolate; }
.tool[aria-expanded="true"] { border-color: var(--quire-muted); }
.tool:hover, .close:hover, .step:hover:not(:disabled), .panel select:hover { border-color: var(--quire-muted); }
.step:disabled { cursor: default; color: var(--quire-muted); }

.panel {
  position: fixed;
  top: 56px;
  inset-inline-start: 16px;
  z-index: 3;
  box-sizing: border-box;
  /* As wide as the longest translation needs, within the window. */
  width: max-content;
  min-width: min(340px, calc(100% - 32px));
  max-width: calc(100% - 32px);
  margin: 0;
  padding: 14px 16px;
  display: grid;
  gap: 10px;
  background: var(--quire-control-bg);
  border: 1px solid var(--quire-rule);
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.12);
  font: 400 14px / 1.3 var(--quire-sans);
}
.row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 6px 12px; }
.row .label { color: var(--quire-fg); }
.row select { border-radius: 6px; padding: 6px 10px; min-width: 150px; max-width: 100%; }
.row input[type="checkbox"] { width: 20px; height: 20px; margin: 0 4px; accent-color: var(--quire-link); cursor: pointer; }
.panel .hint { margin: 0; color: var(--quire-fg); }
.controls { display: flex; align-items: center; gap: 8px; }
.step { padding: 6px 10px; border-radius: 6px; min-width: 40px; }
.value { min-width: 48px; text-align: center; font-variant-numeric: tabular-nums; }

/* ---- table of contents ---- */
.panel.toc {
  display: block;
  max-height: calc(100vh - 80px);
  overflow-y: auto;
  width: min(380px, calc(100% - 32px));
}
.toc-list { list-style: none; margin: 0; padding: 0; }
.toc-item { margin: 0; }
.toc-item.level-3 { padding-inline-start: 16px; }
.toc-item.level-4 { padding-inline-start: 32px; }
.toc-link {
  display: block;
  padding: 6px 8px;
  border-radius: 6px;
  color: var(--quire-link);
  text-decoration: none;
  font: 400 14px / 1.35 var(--quire-sans);
}
.toc-link:hover { text-decoration: underline; text-underline-offset: 0.15em; }
.tool.toc-button { min-width: 44px; }
.content :is(h2, h3, h4):focus { outline: none; }
.content :is(h2, h3, h4):focus-visible { outline: 3px solid var(--quire-focus); outline-offset: 2px; }

/* ---- reading progress: a fixed line, scaled (no layout on scroll) ---- */
.progress {
  position: fixed;
  top: 0;
  left: 0;
  right: 0;
  height: 3px;
  z-index: 4;
  pointer-events: none;
}
.progress-bar {
  height: 100%;
  background: var(--quire-accent);
  transform-origin: 0 0;
  transform: scaleX(0);
  will-change: transform;
}

.announce {
  margin: 0 16px;
  min-height: 0;
  font: 400 14px / 1.4 var(--quire-sans);
  color: var(--quire-muted);
  text-align: center;
}
.announce:empty { display: none; }
.copy-box { margin: 8px 0 16px; display: grid; gap: 8px; justify-items: start; }
.copy-hint { margin: 0; font: 400 15px / 1.4 var(--quire-sans); color: var(--quire-fg); }
.copy-text {
  box-sizing: border-box; width: 100%; resize: vertical;
  font: 400 13px / 1.5 var(--quire-mono); color: var(--quire-fg);
  background: var(--quire-code-bg); border: 1px solid var(--quire-rule); border-radius: 6px; padding: 8px;
}

/* ---- the article ---- */
.page {
  box-sizing: border-box;
  max-width: calc(var(--quire-measure) + 48px);
  margin: 0 auto;
  padding: 8px 24px 80px;
  outline: none;
}

.site {
  margin: 0 0 8px;
  font: 600 13px / 1.4 var(--quire-sans);
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--quire-accent);
}
.page[dir="rtl"] .site { letter-spacing: normal; }

h1.title {
  margin: 0 0 12px;
  font: 700 1.75em / 1.2 var(--quire-body);
  letter-spacing: -0.01em;
  text-wrap: balance;
}

.meta {
  margin: 0 0 32px;
  padding-bottom: 20px;
  border-bottom: 1px solid var(--quire-rule);
  font: 400 15px / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
/* After the text space between the parts (ui/overlay.js): 0.25em + a space on its left. */
.meta span + span::before { content: "·"; margin: 0 0.5em 0 0.25em; }

.lead { margin: 0 0 32px; }
.lead img { display: block; width: 100%; height: auto; border-radius: 2px; }

.content { overflow-wrap: break-word; }
.content > :first-child { margin-top: 0; }
.content p, .content ul, .content ol, .content dl, .content blockquote, .content pre,
.content .table-scroll, .content figure {
  margin: 0 0 1.2em;
}
.content ul, .content ol { padding-inline-start: 1.6em; }
.content li { margin: 0 0 0.4em; }
.content li > ul, .content li > ol { margin: 0.4em 0 0; }
.content h2, .content h3, .content h4, .content h5, .content h6 {
  font-family: var(--quire-body);
  line-height: 1.3;
  margin: 1.8em 0 0.6em;
}
.content h2 { font-size: 1.4em; }
.content h3 { font-size: 1.2em; }
.content h4, .content h5, .content h6 { font-size: 1em; }
.content a { color: var(--quire-link); text-underline-offset: 0.15em; }
.content img, .content video, .content picture { max-width: 100%; height: auto; }
.content figure { margin-inline: 0; }
.content math[display="block" i] { margin: 0 0 1.2em; max-width: 100%; overflow-x: auto; overflow-y: hidden; }
.content figure img { display: block; margin: 0 auto; }
.content figcaption {
  margin-top: 8px;
  font: 400 0.8em / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.content blockquote {
  margin-inline: 0;
  padding-inline-start: 1em;
  border-inline-start: 3px solid var(--quire-rule);
  color: var(--quire-muted);
  font-style: italic;
}
.content pre, .content code, .content kbd, .content samp {
  font-family: var(--quire-mono);
  font-size: 0.85em;
}
.content pre code { font-size: 1em; }
.content :not(pre) > code {
  padding: 0.1em 0.3em;
  border-radius: 3px;
  background: var(--quire-code-bg);
}
.content pre {
  direction: ltr;
  text-align: left;
  white-space: pre;
  overflow-wrap: normal;
  overflow-x: auto;
  tab-size: 4;
  line-height: 1.5;
  padding: 1em;
  background: var(--quire-code-bg);
  border-radius: 4px;
}
.content .table-scroll { overflow-x: auto; }
.content table { border-collapse: collapse; font-size: 0.9em; line-height: 1.45; }
.content th, .content td { border: 1px solid var(--quire-rule); padding: 0.35em 0.65em; text-align: start; vertical-align: top; }
.content th { font-weight: 600; }
.content caption { caption-side: bottom; margin-top: 0.5em; font: 400 0.85em / 1.5 var(--quire-sans); color: var(--quire-muted); }
.content hr { border: 0; border-top: 1px solid var(--quire-rule); margin: 2em 0; }

/* ---- loading, not-an-article, error ---- */
.status {
  margin: 64px 0;
  text-align: center;
  font: 400 16px / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.page.error h1.title, .page.not-article h1.title { font-size: 26px; margin-top: 48px; }
.page .detail {
  font: 400 16px / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 24px; }
.actions button { border-radius: 6px; padding: 11px 18px; font-weight: 600; }
.actions button.primary { color: var(--quire-primary-fg); background: var(--quire-link); border-color: var(--quire-link); }

@media (max-width: 600px) {
  .page { padding-inline: 16px; }
  h1.title { font-size: 1.5em; }
  .tool.print { display: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .page { animation: quire-in 140ms ease-out; }
  @keyframes quire-in { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
  .quire { scroll-behavior: smooth; }
}

/* ---- read aloud (ui/read-aloud.js) ---- */
.panel.read-aloud { left: auto; right: 16px; width: min(320px, calc(100% - 32px)); }
.read-aloud .transport { justify-content: center; }
.read-aloud .step { font-size: 16px; min-width: 48px; min-height: 40px; }
.read-aloud select:disabled { cursor: default; color: var(--quire-muted); }
.read-status { margin: 0; color: var(--quire-fg); }
.read-status:empty { display: none; }
mark.reading {
  color: inherit;
  background: color-mix(in srgb, var(--quire-link) 22%, transparent);
  border-radius: 2px;
  box-shadow: 0 0 0 2px color-mix(in srgb, var(--quire-link) 22%, transparent);
}

/* Print the article alone, in black on white; content/content.js hides the
   page around the host while the reader is open. */
@media print {
  :host {
    position: static !important;
    width: auto !important;
    height: auto !important;
    overflow: visible !important;
  }
  .quire {
    position: static;
    overflow: visible;
    --quire-bg: #fff;
    --quire-fg: #000;
    --quire-muted: #333;
    --quire-link: #000;
    --quire-code-bg: #f2f2f2;
    background: #fff;
    color: #000;
  }
  .bar, .panel, .announce, .progress { display: none !important; }
  mark.reading { background: none; box-shadow: none; }
  .page { max-width: none; padding: 0; animation: none; }
  .content pre { white-space: pre-wrap; overflow: visible; }
  .content .table-scroll { overflow: visible; }
  .content img, .content figure, .content pre, .content blockquote, .content table { break-inside: avoid; }
  h1.title, .content h2, .content h3, .content h4 { break-after: avoid; }
}
`;
})(globalThis);

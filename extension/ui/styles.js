// @ts-check
/**
 * @file The overlay's stylesheet, as a string for the shadow root.
 *
 * A classic script (injected before overlay.js). It lives in JS rather than a
 * .css file because a content script cannot link an extension stylesheet into
 * a shadow root without exposing it as a web-accessible resource. A `<style>`
 * inside a shadow root applies even under a page CSP of `style-src 'self'`.
 *
 * Themes (a later issue) slot in as custom properties on `.quire-theme-*`.
 */
(function (/** @type {any} */ root) {
  if (root.quireOverlayStyles) return;

  root.quireOverlayStyles = String.raw`
:host {
  all: initial !important;
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
  opacity: 1 !important;
  visibility: visible !important;
  pointer-events: auto !important;
}

.quire {
  --quire-bg: #f8f6f1;
  --quire-fg: #1d1c1a;
  --quire-muted: #5f5b53;
  --quire-rule: #dcd6ca;
  --quire-link: #1f4e8c;
  --quire-accent: #7a3b12;
  --quire-serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif;
  --quire-sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  --quire-measure: 65ch;
  --quire-size: 1.1875rem;

  position: absolute;
  inset: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  background: var(--quire-bg);
  color: var(--quire-fg);
  font: 400 var(--quire-size) / 1.7 var(--quire-serif);
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
}

.bar {
  position: sticky;
  top: 0;
  display: flex;
  justify-content: flex-end;
  padding: 0.75rem 1rem;
  background: linear-gradient(var(--quire-bg) 70%, transparent);
}

.close {
  font: 500 0.875rem / 1 var(--quire-sans);
  color: var(--quire-muted);
  background: transparent;
  border: 1px solid var(--quire-rule);
  border-radius: 999px;
  padding: 0.5rem 0.9rem;
  cursor: pointer;
}
.close:hover { color: var(--quire-fg); border-color: var(--quire-muted); }
.close:focus-visible, .back:focus-visible, a:focus-visible {
  outline: 2px solid var(--quire-link);
  outline-offset: 2px;
}

.quire:focus { outline: none; }

.page {
  box-sizing: border-box;
  max-width: calc(var(--quire-measure) + 3rem);
  margin: 0 auto;
  padding: 0.5rem 1.5rem 5rem;
  outline: none;
}

.site {
  margin: 0 0 0.5rem;
  font: 600 0.8125rem / 1.4 var(--quire-sans);
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--quire-accent);
}

h1.title {
  margin: 0 0 0.75rem;
  font: 700 2.1rem / 1.2 var(--quire-serif);
  letter-spacing: -0.01em;
  text-wrap: balance;
}

.meta {
  margin: 0 0 2rem;
  padding-bottom: 1.25rem;
  border-bottom: 1px solid var(--quire-rule);
  font: 400 0.9375rem / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.meta span + span::before { content: "·"; margin: 0 0.5em; }

.lead { margin: 0 0 2rem; }
.lead img { display: block; width: 100%; height: auto; border-radius: 2px; }

.content { overflow-wrap: break-word; }
.content > :first-child { margin-top: 0; }
.content p, .content ul, .content ol, .content blockquote, .content pre, .content table, .content figure {
  margin: 0 0 1.2em;
}
.content h2, .content h3, .content h4, .content h5, .content h6 {
  font-family: var(--quire-serif);
  line-height: 1.3;
  margin: 1.8em 0 0.6em;
}
.content h2 { font-size: 1.45em; }
.content h3 { font-size: 1.2em; }
.content h4, .content h5, .content h6 { font-size: 1em; }
.content a { color: var(--quire-link); text-underline-offset: 0.15em; }
.content img, .content video, .content svg { max-width: 100%; height: auto; }
.content figure img { display: block; margin: 0 auto; }
.content figcaption {
  margin-top: 0.5em;
  font: 400 0.85rem / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.content blockquote {
  padding-left: 1em;
  border-left: 3px solid var(--quire-rule);
  color: var(--quire-muted);
  font-style: italic;
}
.content pre, .content code {
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.85em;
}
.content pre { overflow-x: auto; padding: 1em; background: rgba(0, 0, 0, 0.04); border-radius: 4px; }
.content table { border-collapse: collapse; display: block; overflow-x: auto; }
.content th, .content td { border: 1px solid var(--quire-rule); padding: 0.3em 0.6em; }
.content hr { border: 0; border-top: 1px solid var(--quire-rule); margin: 2em 0; }

.status {
  margin: 4rem 0;
  text-align: center;
  font: 400 1rem / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.page.error h1.title { font-size: 1.6rem; }
.error .detail {
  font: 400 0.9375rem / 1.5 var(--quire-sans);
  color: var(--quire-muted);
}
.back {
  font: 600 0.9375rem / 1 var(--quire-sans);
  color: #fff;
  background: var(--quire-link);
  border: 0;
  border-radius: 6px;
  padding: 0.7rem 1.1rem;
  cursor: pointer;
}

@media (max-width: 600px) {
  .quire { --quire-size: 1.0625rem; }
  h1.title { font-size: 1.65rem; }
}
@media (prefers-reduced-motion: no-preference) {
  .page { animation: quire-in 140ms ease-out; }
  @keyframes quire-in { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
}
`;
})(globalThis);

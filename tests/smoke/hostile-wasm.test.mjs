// @ts-check
/**
 * Every hostile page of tests/hostile/cases.json (the list tests/hostile.rs
 * also runs natively) through the *release* wasm, loaded via `initSync` as
 * the extension does. Each case must give an article, a non-readerable page
 * or a typed error (a JsError whose message names the crossed limit), as it
 * does natively: never a panic (a `RuntimeError: unreachable`) or a hang.
 *
 * `markdownFromHtml` runs on every case page and on the content extracted
 * from it: it gives Markdown within 4 times the size of its input or throws
 * a JsError with a message (never a trap).
 *
 * Prints one table row per case: case, result, wasm ms. A case that takes
 * longer than {@link BUDGET_MS} (extraction and both Markdown runs) fails:
 * the budget is the native test's wall-clock budget (tests/hostile.rs),
 * generous for a shared machine, and it still catches a hang or a blow-up.
 * Each case runs in a fresh module instance, so one case's linear memory
 * never carries into the next.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const PKG = new URL('../../build/pkg/', import.meta.url);
const WASM = readFileSync(new URL('quire_bg.wasm', PKG));
const core = await import(new URL('quire.js', PKG).href);

/** @typedef {{name: string, parts: [string, number][], expect: string, absent?: string[]}} Case */
/** @type {{prose: string, cases: Case[]}} */
const spec = JSON.parse(readFileSync(new URL('../hostile/cases.json', import.meta.url), 'utf8'));

/**
 * The page a case describes: each part's text repeated, `{i}` replaced by
 * the repetition's index and `{prose}` by the shared prose.
 * @param {Case} c
 */
function build(c) {
  const out = [];
  for (const [text, count] of c.parts) {
    const t = text.replaceAll('{prose}', spec.prose);
    if (t.includes('{i}')) {
      for (let i = 0; i < count; i++) out.push(t.replaceAll('{i}', String(i)));
    } else {
      out.push(t.repeat(count));
    }
  }
  return out.join('');
}

/** The error code (as `ExtractError::code` names it) a JsError message stands for. */
const CODES = /** @type {const} */ ([
  ['input-too-large', /^page is too large/],
  ['too-many-nodes', /^page has too many nodes/],
  ['too-deep', /^page nests elements too deeply/],
  ['too-much-work', /^page markup is too tangled/],
  ['no-content', /^page has no content/],
]);

/** @param {unknown} e */
function codeOf(e) {
  const message = e instanceof Error ? e.message : String(e);
  const found = CODES.find(([, re]) => re.test(message));
  assert.ok(found, `not a typed error: ${message}`);
  return found[0];
}

/** @type {string[]} */
const rows = [];

/** Wall-clock time a case may take, in ms (tests/hostile.rs, `WALL_BUDGET`). */
const BUDGET_MS = 10_000;

/** Markdown may be this many times the size of its input (`MARKDOWN_SIZE_FACTOR`), at least 4 KiB. */
const MARKDOWN_FACTOR = 4;

/**
 * `markdownFromHtml` of `html`: Markdown within its bound, or a JsError
 * with a message (a trap is a `WebAssembly.RuntimeError` and fails).
 * @param {string} html
 * @returns {string} what happened, for the table
 */
function markdownOf(html) {
  try {
    const md = core.markdownFromHtml(html);
    assert.equal(typeof md, 'string');
    assert.ok(
      md.length <= Math.max(MARKDOWN_FACTOR * html.length, 4096),
      `${md.length} chars of Markdown from ${html.length}`,
    );
    return `md ${(md.length / Math.max(html.length, 1)).toFixed(2)}x`;
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `Markdown trapped: ${e}`);
    assert.ok(e instanceof Error && e.message.length > 0, `not a JsError: ${e}`);
    return /too long to copy as Markdown/.test(e.message) ? 'md too long' : 'md error';
  }
}

for (const c of spec.cases) {
  test(`hostile page in wasm: ${c.name}`, () => {
    const html = build(c);
    // A fresh instance per case: a trap would leave the old one unusable.
    core.initSync({ module: WASM });
    const t = performance.now();
    /** @type {string} */
    let result;
    /** @type {string} */
    let outcome;
    try {
      const a = core.extract(html, 'https://example.org/a/b.html', undefined);
      assert.equal(typeof a.content, 'string');
      assert.equal(typeof a.wordCount, 'number');
      outcome = a.readerable ? 'article' : 'not-readerable';
      result = `${a.readerable ? 'article' : 'article (not readerable)'}, ${a.wordCount} words`;
      for (const s of c.absent ?? []) {
        assert.ok(!a.content.includes(s) && !a.text.includes(s), `the article holds ${JSON.stringify(s)}`);
      }
      result += `; ${markdownOf(a.content)}`;
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      outcome = codeOf(e);
      result = `error ${outcome}`;
    }
    // A trap in extract leaves the instance unusable: a fresh one for Markdown.
    core.initSync({ module: WASM });
    result += `; page ${markdownOf(html)}`;
    const ms = performance.now() - t;
    assert.ok(ms <= BUDGET_MS, `${c.name}: took ${ms.toFixed(0)} ms, over its budget of ${BUDGET_MS} ms`);
    rows.push(`| ${c.name.padEnd(38)} | ${result.padEnd(60)} | ${ms.toFixed(1).padStart(9)} |`);
    switch (c.expect) {
      case 'any':
        break;
      case 'no-content-or-not-readerable':
        assert.ok(outcome === 'no-content' || outcome === 'not-readerable', outcome);
        break;
      default:
        assert.equal(outcome, c.expect);
    }
  });
}

test('hostile pages in wasm: table', () => {
  assert.equal(rows.length, spec.cases.length);
  console.log(['| case | result | wasm ms |', '|---|---|---:|', ...rows].join('\n'));
});

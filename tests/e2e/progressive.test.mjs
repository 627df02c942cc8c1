// @ts-check
/**
 * End-to-end: the overlay's progressive rendering (extension/ui/overlay.js,
 * option `progressive`) in headless Chromium, driven directly through
 * `quireOverlay` in the playground's reader frame (dist/www/reader.html,
 * which loads ui/*.js unchanged). A long article shown in parts must end up
 * exactly the tree the one-go render builds (same markup, same cleaning),
 * however the parts split its containers; a new view cancels the parts
 * still pending.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, serve } from './lib.mjs';

const WWW = join(ROOT, 'dist', 'www');

/** @type {import('./lib.mjs').Served} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  await stat(join(WWW, 'ui', 'overlay.js')).catch(() => {
    throw new Error(`${WWW} is not built: run \`make dist\` first`);
  });
  server = await serve({ root: WWW });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Article HTML of our own making, with what the splitter has to get right:
 * nested containers (a part may stop deep inside one), a long list, tables
 * (wrapped in a scroller, at the top level too), images, code, comments, and
 * what the second-line cleaning removes (scripts, frames, handlers, unsafe
 * URLs, style attributes).
 */
function longArticleHtml() {
  const para = (/** @type {number} */ n) =>
    `<p>Entry ${n} of the lock-keeper's diary: the gates were greased, the paddles checked, and the level in the pound above held steady through the afternoon. A <a href="https://example.invalid/entry/${n}" onclick="steal()">note on entry ${n}</a> went to the office.</p>`;
  const out = ['<div class="wrap"><!-- a comment the parser keeps -->', '<table><tr><td>first table</td><td>top</td></tr></table>'];
  for (let section = 1; section <= 6; section++) {
    out.push(`<section id="s${section}" onclick="steal()" style="color:red"><h2 style="color:red">Section ${section}</h2><div class="inner">`);
    for (let i = 1; i <= 25; i++) out.push(para(section * 100 + i));
    out.push('<ul>');
    for (let i = 1; i <= 40; i++) out.push(`<li>Item ${section}.${i}: a line of the stores list, counted twice.</li>`);
    out.push('</ul>');
    out.push(`<figure><img src="https://example.invalid/photo-${section}.jpg" onerror="steal()" alt="photo ${section}"><figcaption>Photo ${section}</figcaption></figure>`);
    out.push('<script>steal()</script><iframe src="https://example.invalid/"></iframe><noscript><img src="https://example.invalid/tracker.gif"></noscript>');
    out.push(`<pre>code ${section} ${'x'.repeat(300)}</pre><a href="javascript:steal()">bad link ${section}</a>`);
    out.push(`<table><tbody><tr><th>Gauge</th><th>Reading</th></tr><tr><td>${section}</td><td>ok</td></tr></tbody></table>`);
    out.push('</div></section>');
  }
  out.push('<p>The last line of the diary.</p></div>');
  out.push('<blockquote><p>A closing quotation, outside the wrapper.</p></blockquote>');
  return out.join('\n');
}

test('a long article shown in parts ends up the same tree as the one-go render, cleaned the same', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/reader.html'), { waitUntil: 'load' });
    const result = await page.evaluate(async (content) => {
      const api = /** @type {any} */ (window).quireOverlay;
      const article = {
        title: 'The lock-keeper’s diary',
        content,
        wordCount: 5000,
        readingMinutes: 20,
        readerable: true,
        byline: null,
        siteName: 'Canal Notes',
        publishedTime: null,
        lang: 'en',
        dir: null,
        leadImage: null,
        excerpt: null,
        markdown: '',
      };
      /** @param {boolean} progressive */
      const show = (progressive) =>
        new Promise((resolve) => {
          let frames = 0;
          let completeCalls = 0;
          const overlay = api.createOverlay({
            onClose() {},
            progressive,
            onComplete: () => {
              completeCalls += 1;
              // One more frame: a second onComplete would show up by then.
              requestAnimationFrame(() => setTimeout(() => resolve({ overlay, frames, completeCalls, busyAtFirst }), 50));
            },
          });
          document.body.append(overlay.host);
          const count = () => {
            frames += 1;
            if (completeCalls === 0) requestAnimationFrame(count);
          };
          /** @type {string | null} */
          let busyAtFirst = null;
          overlay.showArticle(article);
          busyAtFirst = overlay.shadow.querySelector('.content')?.getAttribute('aria-busy') ?? null;
          requestAnimationFrame(count);
        });
      const whole = /** @type {any} */ (await show(false));
      const parts = /** @type {any} */ (await show(true));
      const html = (/** @type {any} */ o) => o.overlay.shadow.querySelector('.content').innerHTML;
      const contentOf = (/** @type {any} */ o) => o.overlay.shadow.querySelector('.content');
      const c = contentOf(parts);
      return {
        same: html(whole) === html(parts),
        length: html(parts).length,
        wholeBusy: whole.busyAtFirst,
        partsBusy: parts.busyAtFirst,
        busyAfter: c.getAttribute('aria-busy'),
        frames: parts.frames,
        completeCalls: [whole.completeCalls, parts.completeCalls],
        dropped: c.querySelectorAll('script, iframe, noscript, [onclick], [onerror], [style], a[href^="javascript"]').length,
        wrappedTables: c.querySelectorAll('.table-scroll > table').length,
        tables: c.querySelectorAll('table').length,
        lazyImages: c.querySelectorAll('img[loading="lazy"][decoding="async"]').length,
        images: c.querySelectorAll('img').length,
        sections: Array.from(c.querySelectorAll('section'), (s) => s.id).join(' '),
        last: c.lastElementChild?.textContent?.trim(),
      };
    }, longArticleHtml());
    assert.equal(result.wholeBusy, null, 'without progressive, all of it at once');
    assert.equal(result.partsBusy, 'true', 'with progressive, a part first');
    assert.ok(result.frames >= 2, `the rest came over several frames (${result.frames})`);
    assert.deepEqual(result.completeCalls, [1, 1], 'onComplete once each');
    assert.equal(result.busyAfter, null);
    assert.ok(result.same, 'the same markup either way');
    assert.ok(result.length > 40_000, `a long article (${result.length} characters)`);
    assert.equal(result.dropped, 0, 'scripts, frames, handlers, styles and javascript: links are gone');
    assert.equal(result.tables, 7);
    assert.equal(result.wrappedTables, 7, 'every table has its scroller, the top-level one too');
    assert.equal(result.images, 6, 'the noscript tracker is gone with its noscript');
    assert.equal(result.lazyImages, 6);
    assert.equal(result.sections, 's1 s2 s3 s4 s5 s6', 'each split container once, in order');
    assert.equal(result.last, 'A closing quotation, outside the wrapper.');
  } finally {
    await page.close();
  }
});

test('a part is sized by the weight counted only up to the budget, which decides as the whole weight does', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/reader.html'), { waitUntil: 'load' });
    const result = await page.evaluate((content) => {
      /** @type {QuireRender} */
      const render = /** @type {any} */ (window).quireRender;
      const body = render.parseArticleHtml(content);
      // The whole weight, as the splitter counted it before: all the text, and 400 per image.
      const whole = (/** @type {Node} */ node) =>
        (node.textContent?.length ?? 0) +
        400 * (node.nodeType !== 1 ? 0 : /** @type {Element} */ (node).localName === 'img' ? 1 : /** @type {Element} */ (node).getElementsByTagName('img').length);
      const nodes = [body, ...Array.from(body.querySelectorAll('*')), ...Array.from(body.childNodes)];
      let checked = 0;
      /** @type {string[]} */
      const wrong = [];
      for (const node of nodes) {
        const w = whole(node);
        for (const limit of [0, 1, 399, 1800, 4500, w - 1, w, w + 1, 200000, Infinity]) {
          const got = render.weightUpTo(node, limit);
          checked += 1;
          // Exact up to the limit; past it, anything over the limit.
          if (w <= limit ? got !== w : !(got > limit)) wrong.push(`${node.nodeName} weight ${w}, limit ${limit}: got ${got}`);
        }
      }
      return { checked, wrong: wrong.slice(0, 5), bodyWeight: whole(body) };
    }, longArticleHtml());
    assert.ok(result.bodyWeight > 40_000, `a long article (${result.bodyWeight})`);
    assert.ok(result.checked > 5_000, `${result.checked} checks`);
    assert.deepEqual(result.wrong, []);
  } finally {
    await page.close();
  }
});

test('a new view cancels the parts still pending; print appends them at once', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/reader.html'), { waitUntil: 'load' });
    const result = await page.evaluate(async (content) => {
      const api = /** @type {any} */ (window).quireOverlay;
      const article = { title: 'Diary', content, wordCount: 5000, readingMinutes: 20, readerable: true, byline: null, siteName: null, publishedTime: null, lang: 'en', dir: null, leadImage: null, excerpt: null, markdown: '' };
      let completed = 0;
      const overlay = api.createOverlay({ onClose() {}, progressive: true, onComplete: () => (completed += 1) });
      document.body.append(overlay.host);
      const wait = () => new Promise((resolve) => setTimeout(resolve, 400));

      // An error view replaces the article while parts are pending.
      overlay.showArticle(article);
      const first = overlay.shadow.querySelector('.content');
      const before = first.innerHTML.length;
      overlay.showError('gone');
      await wait();
      const cancelled = { grew: first.innerHTML.length !== before, completed, state: overlay.shadow.querySelector('.quire').dataset.state };

      // beforeprint mid-way appends all of it, once.
      overlay.showArticle(article);
      const second = overlay.shadow.querySelector('.content');
      const busy = second.getAttribute('aria-busy');
      window.dispatchEvent(new Event('beforeprint'));
      const printed = { busy, after: second.getAttribute('aria-busy'), last: second.textContent.includes('A closing quotation'), completed };
      await wait();

      // dispose mid-way stops it.
      overlay.showArticle(article);
      const third = overlay.shadow.querySelector('.content');
      const size = third.innerHTML.length;
      overlay.dispose();
      await wait();
      return { cancelled, printed, disposed: { grew: third.innerHTML.length !== size, completed } };
    }, longArticleHtml());
    assert.deepEqual(result.cancelled, { grew: false, completed: 0, state: 'error' }, 'nothing appended after the error view replaced the article');
    assert.deepEqual(result.printed, { busy: 'true', after: null, last: true, completed: 1 }, 'beforeprint appended the rest at once');
    assert.deepEqual(result.disposed, { grew: false, completed: 1 }, 'nothing appended after dispose');
  } finally {
    await page.close();
  }
});

test('a long article is parsed a head first: the first frame gets the head, the rest continues its open containers, the lead image is judged on all of it', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/reader.html'), { waitUntil: 'load' });
    const result = await page.evaluate(async (content) => {
      const api = /** @type {any} */ (window).quireOverlay;
      /** @type {QuireRender} */
      const render = /** @type {any} */ (window).quireRender;
      const split = render.splitArticleHtml(content);
      // The same article, its photo 4 (well past the head) as the lead image,
      // a lead image it does not show, and one the head shows.
      const leads = ['https://example.invalid/photo-4.jpg', 'https://example.invalid/cover.jpg', 'https://example.invalid/photo-1.jpg'];
      /** @param {boolean} progressive @param {string | null} leadImage */
      const show = (progressive, leadImage) =>
        new Promise((resolve) => {
          const article = { title: 'Diary', content, wordCount: 5000, readingMinutes: 20, readerable: true, byline: null, siteName: null, publishedTime: null, lang: 'en', dir: null, leadImage, excerpt: null, markdown: '' };
          const overlay = api.createOverlay({ onClose() {}, progressive, onComplete: () => requestAnimationFrame(() => setTimeout(() => resolve({ overlay, firstPart }), 0)) });
          document.body.append(overlay.host);
          overlay.showArticle(article);
          const firstPart = overlay.shadow.querySelector('.content').textContent.length;
        });
      /** @param {any} shown */
      const markup = (shown) => shown.overlay.shadow.querySelector('.page').innerHTML;
      const same = [];
      const figures = [];
      for (const lead of [null, ...leads]) {
        const whole = /** @type {any} */ (await show(false, lead));
        const parts = /** @type {any} */ (await show(true, lead));
        same.push(markup(whole) === markup(parts));
        figures.push(Boolean(parts.overlay.shadow.querySelector('figure.lead')));
        if (lead === null) same.push(parts.firstPart < 4000 && parts.firstPart < whole.firstPart);
      }
      return { open: split?.open ?? null, headLength: split?.head.length ?? 0, same, figures };
    }, longArticleHtml());
    assert.deepEqual(result.open, ['div', 'section', 'div'], 'cut inside the first section, with its wrappers open');
    assert.ok(result.headLength > 1800 && result.headLength < 6000, `a head of about a screenful (${result.headLength})`);
    assert.deepEqual(result.same, [true, true, true, true, true], 'the same page either way, and a first part of a screenful');
    assert.deepEqual(result.figures, [false, false, true, false], 'the lead figure only where the content does not show it, past the head too');
  } finally {
    await page.close();
  }
});

test('the splitter leaves an article whole where the markup before the cut is not plain nested markup, or where it is short', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/reader.html'), { waitUntil: 'load' });
    const result = await page.evaluate(() => {
      /** @type {QuireRender} */
      const render = /** @type {any} */ (window).quireRender;
      const para = '<p>The towpath ran on past the mill, and the horses knew every gate of it by heart.</p>';
      const long = para.repeat(80);
      return {
        plain: render.splitArticleHtml(`<div>${long}</div>`)?.open ?? null,
        short: render.splitArticleHtml(`<div>${para.repeat(10)}</div>`),
        svg: render.splitArticleHtml(`<div><svg><rect/></svg>${long}</div>`),
        script: render.splitArticleHtml(`<div><script>x</script>${long}</div>`),
        selfClosing: render.splitArticleHtml(`<div><span/>${long}</div>`),
        // A long paragraph is never cut: the cut comes after it.
        oneBlock: render.splitArticleHtml(`<section><p>${'A long single paragraph. '.repeat(200)}</p>${para.repeat(20)}</section>`)?.head.endsWith('</p>') ?? null,
        rest: render.restImageUrls('<p><img alt="" src="https://e.invalid/a.jpg?x=1&amp;y=2" srcset="https://e.invalid/a-300.jpg 300w, https://e.invalid/a-600.jpg 600w"></p>'),
        restUnknown: [render.restImageUrls('<picture><source srcset="https://e.invalid/b.webp"></picture>'), render.restImageUrls('<noscript><img src="https://e.invalid/c.gif"></noscript>')],
      };
    });
    assert.deepEqual(result.plain, ['div']);
    assert.equal(result.short, null, 'a short article goes in at once');
    assert.equal(result.svg, null);
    assert.equal(result.script, null);
    assert.equal(result.selfClosing, null);
    assert.equal(result.oneBlock, true);
    assert.deepEqual(result.rest, ['https://e.invalid/a.jpg?x=1&y=2', 'https://e.invalid/a-300.jpg', 'https://e.invalid/a-600.jpg']);
    assert.deepEqual(result.restUnknown, [null, null], 'a <source> or a dropped element: parse to tell');
  } finally {
    await page.close();
  }
});

test('a long table first in an article is cut between its rows for the first frame, and ends up the same table', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url('/reader.html'), { waitUntil: 'load' });
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Lock ${i + 1}</td><td>rise of ${(i % 7) + 2} feet, keeper's cottage on the towpath side</td></tr>`).join('');
    const content = `<div><p>The locks of the flight, from the basin up to the summit pound.</p><table><thead><tr><th>Lock</th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table><p>The flight ends at the summit.</p></div>`;
    const result = await page.evaluate(async (content) => {
      const api = /** @type {any} */ (window).quireOverlay;
      /** @type {QuireRender} */
      const render = /** @type {any} */ (window).quireRender;
      const article = { title: 'The flight', content, wordCount: 3000, readingMinutes: 12, readerable: true, byline: null, siteName: null, publishedTime: null, lang: 'en', dir: null, leadImage: null, excerpt: null, markdown: '' };
      /** @param {boolean} progressive */
      const show = (progressive) =>
        new Promise((resolve) => {
          const overlay = api.createOverlay({ onClose() {}, progressive, onComplete: () => requestAnimationFrame(() => setTimeout(() => resolve({ html: overlay.shadow.querySelector('.content').innerHTML, firstRows }), 0)) });
          document.body.append(overlay.host);
          overlay.showArticle(article);
          const firstRows = overlay.shadow.querySelectorAll('.content tr').length;
        });
      const whole = /** @type {any} */ (await show(false));
      const parts = /** @type {any} */ (await show(true));
      return { open: render.splitArticleHtml(content)?.open ?? null, same: whole.html === parts.html, firstRows: parts.firstRows, allRows: whole.firstRows };
    }, content);
    assert.deepEqual(result.open, ['div', 'table', 'tbody']);
    assert.ok(result.same, 'the same table either way (one tbody, in its scroller)');
    assert.ok(result.firstRows > 5 && result.firstRows < 60, `the first frame has the first rows only (${result.firstRows} of ${result.allRows})`);
  } finally {
    await page.close();
  }
});

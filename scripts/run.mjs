// @ts-check
/**
 * `make run`: opens a page in Chromium with the extension from dist/chrome,
 * clicks the toolbar button and waits for the reader.
 *
 *   node scripts/run.mjs                 the bundled sample page (www/sample/)
 *   node scripts/run.mjs path/page.html  a local file or folder, served on 127.0.0.1
 *   node scripts/run.mjs http://…        a URL (only loopback is reachable here)
 *
 * With no $DISPLAY it runs headless: saves out/reader.png and prints what the
 * reader shows. With a display it opens a window and leaves it open until
 * you close the browser. QUIRE_HEADLESS=1 forces headless.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ROOT, DIST, serve, launchWithExtension, clickAction, waitForOverlay, inReader } from '../tests/e2e/lib.mjs';

const arg = process.argv[2];
const headless = !process.env.DISPLAY || process.env.QUIRE_HEADLESS === '1';

/** @type {import('../tests/e2e/lib.mjs').Served | null} */
let served = null;
/** @type {string} */
let pageUrl;
if (!arg) {
  served = await serve({ root: join(ROOT, 'www', 'sample') });
  pageUrl = served.url('/');
} else if (/^https?:\/\//i.test(arg)) {
  pageUrl = arg;
} else {
  const file = resolve(arg);
  const isDir = (await stat(file)).isDirectory();
  served = await serve({ root: isDir ? file : dirname(file) });
  pageUrl = served.url(isDir ? '/' : `/${encodeURIComponent(basename(file))}`);
}

const launched = await launchWithExtension({ headless, extensionDir: DIST });
let exitCode = 0;
try {
  const page = launched.context.pages()[0] || (await launched.context.newPage());
  await page.goto(pageUrl, { waitUntil: 'load' });
  const started = Date.now();
  await clickAction(launched, page);
  const view = await waitForOverlay(page, 30_000);
  const ms = Date.now() - started;

  console.log(`\nPage:       ${pageUrl}`);
  if (view.state === 'error') {
    console.log(`Reader:     error after ${ms} ms: ${view.text}`);
    exitCode = 1;
  } else {
    console.log(`Reader:     opened in ${ms} ms (click to rendered article)`);
    console.log(`Title:      ${view.title}`);
    console.log(`Byline:     ${view.byline || '(none)'}`);
    console.log(`Date:       ${view.date || '(none)'}${view.dateTime ? ` (${view.dateTime})` : ''}`);
    console.log(`Site:       ${view.siteName || '(none)'}`);
    console.log(`Length:     ${view.readingTime || '(unknown)'}, ${view.paragraphs.length} paragraphs`);
    console.log('\nFirst paragraphs:');
    for (const p of view.paragraphs.slice(0, 3)) console.log(`  ${p}\n`);
  }

  if (headless) {
    await mkdir(join(ROOT, 'out'), { recursive: true });
    const shot = join(ROOT, 'out', 'reader.png');
    // After the reader's entrance animation (styles.js `quire-in`), not
    // halfway through its fade: wait for every animation in the overlay to
    // end, and have Playwright finish any that is still running.
    // (The reader's shadow root is closed: reached through DevTools, lib.mjs inReader.)
    await inReader(page, async (root) => {
      if (root) await Promise.all(root.getAnimations().map((animation) => animation.finished.catch(() => {})));
    });
    await page.screenshot({ path: shot, animations: 'disabled' });
    console.log(`Screenshot: ${relative(process.cwd(), shot)}`);
  }
  console.log(`\nTo use Quire in your own Chromium or Chrome: open chrome://extensions, turn on`);
  console.log(`Developer mode, choose "Load unpacked" and pick ${DIST}`);
  console.log(`then click the Quire button (or press Alt+Shift+R) on any article.`);

  if (!headless) {
    console.log('\nThe browser stays open; close it to finish.');
    await new Promise((done) => launched.context.on('close', () => done(undefined)));
  }
} catch (error) {
  console.error(`make run failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await launched.close();
  await served?.close();
}
process.exit(exitCode);

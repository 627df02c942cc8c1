// @ts-check
/**
 * @file A small page the worker extracts once at start-up (see core.js,
 * `warmUp`). V8 compiles a wasm function the first time it runs, so the page
 * exercises what real news pages do: metadata in `<head>` (Open Graph,
 * JSON-LD), navigation, an article with a byline, figure, list, quote, table
 * and code, and the clutter around it (share row, sign-up form, related
 * links, footer). The prose is our own.
 */

const PARAGRAPH =
  'The tide tables for the estuary were printed on a single sheet, folded twice, and kept in the drawer beside the ' +
  'kettle, where <a href="/tides">everyone</a> could find them. Nobody remembered who had started the habit, only that it ' +
  'had outlasted <em>three</em> harbour masters and a change of printer.';

/** The page, about 6 KB. */
export const WARM_UP_PAGE = `<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>How the harbour keeps its tide tables | The Warm-up Gazette</title>
<meta name="description" content="A short piece about a drawer of tide tables.">
<meta name="author" content="Ada Quill">
<meta property="og:title" content="How the harbour keeps its tide tables">
<meta property="og:site_name" content="The Warm-up Gazette">
<meta property="og:image" content="https://warm-up.invalid/lead.jpg">
<meta property="article:published_time" content="2026-01-02T03:04:05Z">
<link rel="canonical" href="https://warm-up.invalid/tides">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"How the harbour keeps its tide tables","author":{"@type":"Person","name":"Ada Quill"},"datePublished":"2026-01-02T03:04:05Z"}</script>
<style>.share{display:flex}</style><script>window.x = 1;</script>
</head><body class="post-template">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<button class="subscribe-button">Subscribe</button></header>
<main id="main"><article class="post">
<header><h1 class="entry-title">How the harbour keeps its tide tables</h1>
<p class="byline">By <a rel="author" href="/ada">Ada Quill</a> · <time datetime="2026-01-02T03:04:05Z">2 January 2026</time> · 3 min read</p></header>
<figure class="lead"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/lead.jpg" alt="A drawer"><figcaption>The drawer beside the kettle.</figcaption></figure>
<div class="entry-content">
<p>${PARAGRAPH}</p>
<div class="share"><a href="https://share.invalid/?u=1">Share</a><a href="https://share.invalid/?u=2">Post</a></div>
<p>${PARAGRAPH}</p>
<h2 id="drawer">The drawer <a class="anchor" href="#drawer">#</a></h2>
<ul><li>High water, morning and evening.</li><li>Low water, with the height in metres.</li></ul>
<blockquote><p>We fold it the same way every year, so it fits.</p></blockquote>
<p>${PARAGRAPH}</p>
<table><caption>Heights</caption><tr><th>Day</th><th>Metres</th></tr><tr><td>Monday</td><td>4.2</td></tr></table>
<pre><code><span class="k">fold</span>(sheet, <span class="n">2</span>)</code></pre>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about the harbour</a></li><li><a href="/b">And one about boats</a></li></ul></aside>
<p>${PARAGRAPH}</p>
<form class="newsletter"><label for="e">Email</label><input id="e" type="email" placeholder="you@example.com"><button>Sign up</button><p>* indicates required</p></form>
</div></article></main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/c">A story</a></li><li><a href="/d">Another one</a></li></ol></aside>
<footer class="site-footer"><p>© The Warm-up Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;

// @ts-check
/**
 * @file The overlay's article renderer: parses the core's article HTML with
 * DOMParser (which never runs scripts), cleans it (ui/sanitize.js) and adopts
 * it into the reader node by node, a part at a time when asked to. No
 * `innerHTML` anywhere.
 *
 * A long article can come in parts (the overlay's `progressive` option,
 * which the extension uses): the first frame gets the header and the first
 * screenfuls ({@link moveFirstPart}), the rest follows a part per frame
 * ({@link appendRest}), at once when something needs all of it (print,
 * select-all, a Ctrl/Cmd key); {@link moveArticle} splits it.
 *
 * A classic script (after ui/sanitize.js); publishes `globalThis.quireRender`.
 */

/**
 * The rest of an article still to be appended.
 * @typedef {{cancel: () => void, finish: () => void}} Appending
 */

/**
 * A long article's HTML cut in two for the first frame (see
 * {@link splitArticleHtml}): `head`, its first screenfuls, parsed at once;
 * `rest`, parsed when the next part is appended, starts with the start tags
 * of the containers still open at the cut (`open`, outermost first), whose
 * children it continues.
 * @typedef {{head: string, rest: string, open: string[]}} SplitArticle
 */

/**
 * What this file publishes as `globalThis.quireRender`.
 * @typedef {object} QuireRender
 * @property {(html: string) => HTMLElement} parseArticleHtml
 * @property {(source: Element, content: Element, progressive: boolean) => Map<Element, Element>} moveFirstPart
 * @property {(source: Element | (() => Element), content: Element, copies: Map<Element, Element>, onStop: () => void, onComplete: () => void) => Appending} appendRest
 * @property {(html: string) => SplitArticle | null} splitArticleHtml
 * @property {(body: Element, split: SplitArticle) => Element[] | null} openChain
 * @property {(body: Element, split: SplitArticle, chain: Element[], copies: Map<Element, Element>) => void} joinRest
 * @property {(html: string) => string[] | null} restImageUrls
 * @property {(source: Element, target: Element, budget: number, copies: Map<Element, Element>) => number} moveArticle
 * @property {(node: Node, limit: number) => number} weightUpTo
 * @property {(content: ParentNode) => string[]} contentImageUrls
 * @property {(url: string) => string | null} imageKey
 */

(function (/** @type {any} */ root) {
  if (root.quireRender) return;

  /** @type {QuireSanitize} */
  const sanitize = root.quireSanitize;
  /** @type {QuireQuirks} */
  const quirks = root.quireQuirks;
  const { DROP, DROP_SELECTOR, isSafeUrl, cleanElement, cleanTree } = sanitize;

  /** Containers a part of the article may stop inside (the rest of their children follow later). */
  const SPLIT = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'ol', 'ul', 'dl', 'details', 'center']);
  /** What an image counts for, in characters, when sizing a part. */
  const IMAGE_WEIGHT = 400;
  /** Node types, as numbers: nodes of a DOMParser document may come from another realm (shared/quirks.js `isElement`). */
  const ELEMENT_NODE = 1;
  const TEXT_NODE = 3;
  const CDATA_SECTION_NODE = 4;

  /**
   * How much of the article (in characters, see {@link weight}) the first
   * frame gets with `progressive`: about a screenful at the widest measure
   * (68ch) and the default size on a 1080-pixel-high window, so the reader
   * sees a full first screen while the rest is built behind it, and the
   * first frame waits for no more than that (a click's render step: 7.1 →
   * 5.9 ms median against 3,000 characters, interleaved on the same pages).
   */
  const FIRST_PART_CHARS = 1800;
  /** An article up to this size goes in whole at once, even with `progressive`: a second frame would cost more than it saves. */
  const ONE_GO_CHARS = 4500;
  /**
   * How much the second part gets; each part after it twice the one before
   * (one part per frame), and a part takes all that is left when that is
   * at most twice its size. Few, big parts: every part costs a frame of its
   * own (a wait for it, a layout and paint of the whole page), so smaller
   * ones make the whole article later; most articles take two.
   */
  const NEXT_PART_CHARS = 100000;

  /**
   * How much of the article a node is, in characters (images count as
   * {@link IMAGE_WEIGHT}): a rough stand-in for how much it takes to lay out.
   * @param {Node} node
   */
  function weight(node) {
    return weightUpTo(node, Infinity);
  }

  /**
   * {@link weight}, counted only until it passes `limit`: then some number
   * over `limit`, not the whole weight. Every caller only compares it with
   * `limit` (or takes it from a budget it exceeds, which only has to go
   * below zero), so the parts come out the same; but the size of a long
   * article's wrapper is not read whole (its `textContent`, a string of the
   * whole article, once for each wrapper around it) to learn that it is
   * over a first part's 1,800 characters.
   * @param {Node} node
   * @param {number} limit
   */
  function weightUpTo(node, limit) {
    if (!quirks.isElement(node)) return node.textContent?.length ?? 0;
    // What `textContent` counts (text nodes, not comments), plus the images, in tree order.
    let total = 0;
    /** @type {Node | null} */
    let at = node;
    while (at) {
      const type = at.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) total += /** @type {CharacterData} */ (at).length;
      else if (type === ELEMENT_NODE && /** @type {Element} */ (at).localName === 'img') total += IMAGE_WEIGHT;
      if (total > limit) return total;
      if (at.firstChild) {
        at = at.firstChild;
        continue;
      }
      while (at !== node && !(/** @type {Node} */ (at).nextSibling)) at = /** @type {Node} */ (at).parentNode;
      at = at === node ? null : /** @type {Node} */ (at).nextSibling;
    }
    return total;
  }

  /**
   * Images load only when they come near the viewport, from their original
   * URLs; wide tables get a scroller of their own. `root` included; returns
   * the node that now stands where `root` stood (a table's scroller).
   * @param {Element} root
   * @returns {Element}
   */
  function setForReading(root) {
    const imgs = Array.from(root.getElementsByTagName('img'));
    if (root.localName === 'img') imgs.push(/** @type {HTMLImageElement} */ (root));
    for (const img of imgs) {
      img.setAttribute('loading', 'lazy');
      img.setAttribute('decoding', 'async');
    }
    let top = root;
    /** @type {Element[]} */
    const tables = Array.from(root.getElementsByTagName('table'));
    if (root.localName === 'table') tables.push(root);
    for (const table of tables) {
      if (table.parentElement?.classList.contains('table-scroll')) continue;
      const wrap = table.ownerDocument.createElement('div');
      wrap.className = 'table-scroll';
      table.replaceWith(wrap);
      wrap.append(table);
      if (table === root) top = wrap;
    }
    return top;
  }

  /**
   * Moves about `budget` characters of the parsed article from the front of
   * `source` (an element of the parser's document, whose moved nodes leave
   * it) to the end of `target` (in the reader's document), cleaned
   * ({@link cleanTree}) and set for reading. A container bigger than what is
   * left is split: a shallow copy goes to `target` now (kept in `copies`)
   * and its children follow it there, this time or the next, so the result
   * is the same tree as moving it whole.
   * @param {Element} source
   * @param {Element} target
   * @param {number} budget
   * @param {Map<Element, Element>} copies A split container in the source → its copy in the reader.
   * @returns {number} what is left of the budget
   */
  function moveArticle(source, target, budget, copies) {
    const doc = /** @type {Document} */ (target.ownerDocument);
    // Into the page in one insertion per container, not one per node.
    const batch = doc.createDocumentFragment();
    while (budget > 0 && source.firstChild) {
      const child = source.firstChild;
      if (!quirks.isElement(child)) {
        budget -= weight(child);
        batch.append(doc.adoptNode(child));
        continue;
      }
      const node = child;
      const copy = copies.get(node);
      if (copy) {
        budget = moveArticle(node, copy, budget, copies);
        if (!node.firstChild) {
          node.remove();
          copies.delete(node);
        }
        continue;
      }
      if (DROP.has(node.localName)) {
        node.remove();
        continue;
      }
      const size = budget === Infinity ? 0 : weightUpTo(node, budget);
      if (size > budget && SPLIT.has(node.localName) && node.firstElementChild) {
        const shallow = /** @type {Element} */ (node.cloneNode(false));
        cleanElement(shallow);
        batch.append(doc.adoptNode(shallow));
        copies.set(node, shallow);
        continue; // the loop goes into it next, as a split container
      }
      cleanTree(node);
      budget -= size;
      batch.append(doc.adoptNode(setForReading(node)));
    }
    target.append(batch);
    return budget;
  }

  /**
   * Parses sanitised article HTML without running anything (DOMParser).
   * Nothing is cleaned or moved yet: {@link moveArticle} does that, a part at
   * a time (nodes are adopted, not cloned: the parsed document is thrown
   * away, and a copy of a long article costs 10 ms).
   * @param {string} html
   * @returns {HTMLElement} the parsed body
   */
  function parseArticleHtml(html) {
    return new DOMParser().parseFromString(html, 'text/html').body;
  }

  /**
   * Moves the first part of the parsed article into `content`: the first
   * screenfuls of a long one with `progressive`, else all of it.
   * @param {Element} source The parsed body ({@link parseArticleHtml}).
   * @param {Element} content
   * @param {boolean} progressive
   * @returns {Map<Element, Element>} the split containers, for {@link appendRest}
   */
  function moveFirstPart(source, content, progressive) {
    /** @type {Map<Element, Element>} */
    const copies = new Map();
    const first = progressive && weightUpTo(source, ONE_GO_CHARS) > ONE_GO_CHARS ? FIRST_PART_CHARS : Infinity;
    moveArticle(source, content, first, copies);
    return copies;
  }

  /** Elements the splitter does not read past before its cut (raw text, foreign content, what the parser may move). */
  const NO_CUT_PAST = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template', 'svg', 'math', 'select', 'form']);
  /**
   * Elements the first part may stop inside ({@link splitArticleHtml}):
   * {@link SPLIT}'s, and a table's row groups (a long table first in an
   * article would otherwise make all of the first frame: hundreds of rows to
   * style and lay out before anything shows).
   */
  const CUT_INSIDE = new Set([...SPLIT, 'table', 'tbody', 'thead', 'tfoot']);
  /** Elements without an end tag. */
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound']);
  /** A comment, or a start or end tag (its name in group 2, `/` in group 1 for an end tag). */
  const TAG = /<(?:!--[\s\S]*?-->|(\/?)([a-zA-Z][^\t\n\f\r />]*)[^>]*>)/g;

  /**
   * Cuts a long article's HTML where its first part ends, so that the first
   * frame parses only that part (a long article's whole HTML takes 5–20 ms
   * and more to parse, which the first frame waited for). The cut is the
   * first start tag, once about {@link FIRST_PART_CHARS} of weight ({@link
   * weight}, counted on the markup: the text between tags, and images) come
   * before it, whose open ancestors are all containers a part may stop
   * inside ({@link SPLIT}): where {@link moveArticle} would stop the first
   * part; or between two rows of a table ({@link CUT_INSIDE}). Null when the article goes in at once (at most {@link
   * ONE_GO_CHARS}), when there is no such cut, or when something before it
   * is not plain nested markup (raw text, foreign content, tables, a
   * self-closing tag): then the whole article is parsed as before.
   *
   * The core writes HTML that parses back to the tree it wrote (every end
   * tag written, `<` and `>` escaped in text and attributes), so the parser
   * holds exactly `open` when it reaches the cut: the head parsed alone ends
   * with those containers, and the rest parsed after their start tags
   * continues them ({@link joinRest}).
   * @param {string} html
   * @returns {SplitArticle | null}
   */
  function splitArticleHtml(html) {
    if (html.length <= ONE_GO_CHARS) return null;
    /** @type {string[]} */
    const stack = [];
    /** @type {string[] | null} */
    let open = null;
    let cut = -1;
    let total = 0;
    let at = 0;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
      total += m.index - at;
      at = TAG.lastIndex;
      const name = m[2]?.toLowerCase();
      if (!name) continue; // a comment
      const end = m[1] === '/';
      if (open) {
        if (!end && name === 'img') total += IMAGE_WEIGHT;
        if (total > ONE_GO_CHARS) break;
        continue;
      }
      if (end) {
        const i = stack.lastIndexOf(name);
        if (i >= 0) stack.length = i;
        continue;
      }
      if (total >= FIRST_PART_CHARS && stack.at(-1) !== 'table' && stack.every((n) => CUT_INSIDE.has(n))) {
        open = stack;
        cut = m.index;
        if (name === 'img') total += IMAGE_WEIGHT;
        if (total > ONE_GO_CHARS) break;
        continue;
      }
      if (NO_CUT_PAST.has(name)) return null;
      if (name === 'img') total += IMAGE_WEIGHT;
      if (VOID.has(name)) continue;
      if (m[0].endsWith('/>')) return null;
      stack.push(name);
    }
    if (!open || total <= ONE_GO_CHARS) return null;
    return { head: html.slice(0, cut), rest: open.map((n) => `<${n}>`).join('') + html.slice(cut), open };
  }

  /**
   * The containers open at the cut, as the head parsed alone holds them
   * (each the last child of the one before, the first the body's), or null
   * when the parse does not end with them.
   * @param {Element} body The parsed head ({@link parseArticleHtml}).
   * @param {SplitArticle} split
   * @returns {Element[] | null}
   */
  function openChain(body, split) {
    /** @type {Element[]} */
    const chain = [];
    /** @type {Node} */
    let at = body;
    for (const name of split.open) {
      const last = at.lastChild;
      if (!last || !quirks.isElement(last) || /** @type {Element} */ (last).localName !== name) return null;
      at = last;
      chain.push(/** @type {Element} */ (last));
    }
    return chain;
  }

  /**
   * Joins the parsed rest of a split article to its head: the rest's
   * copies of the containers open at the cut continue `chain` (those
   * containers, moved into the reader with the head), through `copies` as
   * {@link moveArticle} follows a split container.
   * @param {Element} body The parsed rest.
   * @param {SplitArticle} split
   * @param {Element[]} chain From {@link openChain}, on the head.
   * @param {Map<Element, Element>} copies
   */
  function joinRest(body, split, chain, copies) {
    /** @type {Element} */
    let at = body;
    for (let i = 0; i < split.open.length; i++) {
      const next = at.firstElementChild;
      if (!next || next.localName !== split.open[i]) return;
      copies.set(next, chain[i]);
      at = next;
    }
  }

  /**
   * The image URLs of the rest of a split article, as {@link
   * contentImageUrls} would find them once it is parsed, read from its
   * markup; null when the markup alone cannot tell (a `<source>`, or an
   * element the cleaning drops with what is inside): parse it then.
   * @param {string} html
   * @returns {string[] | null}
   */
  function restImageUrls(html) {
    if (RAW_OR_SOURCE.test(html)) return null;
    /** @type {string[]} */
    const urls = [];
    for (const tag of html.match(IMG_TAG) ?? []) {
      /** @type {Record<string, string>} */
      const attrs = {};
      for (const [, name, value] of tag.matchAll(URL_ATTR)) attrs[name.toLowerCase()] ??= unescapeAttr(value);
      const src = attrs.src;
      if (src && isSafeUrl('src', src, 'img')) urls.push(src);
      const srcset = attrs.srcset || '';
      if (!isSafeUrl('srcset', srcset, 'img')) continue;
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    }
    return urls;
  }
  /** A comment, a `<source>`, or an element {@link DROP} holds (with what is inside). */
  const RAW_OR_SOURCE = new RegExp(`<!--|<(?:source|${Array.from(DROP).join('|')})[\\t\\n\\f\\r />]`, 'i');
  /** An `<img>` start tag. */
  const IMG_TAG = /<img[\t\n\f\r ][^>]*>/gi;
  /** A `src` or `srcset` attribute, quoted as the core writes them. */
  const URL_ATTR = /[\t\n\f\r ](src|srcset)="([^"]*)"/gi;
  /** What the core escapes in an attribute value. */
  const ENTITIES = /** @type {Record<string, string>} */ ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': '\u00a0' });
  /** @param {string} value */
  function unescapeAttr(value) {
    return value.includes('&') ? value.replace(/&(?:amp|lt|gt|quot|nbsp);/g, (e) => ENTITIES[e]) : value;
  }

  /**
   * Appends what is left of `source` to `content` in parts, one per frame;
   * `content` is `aria-busy` until all of it is in.
   * @param {Element | (() => Element)} source Or what parses it, called
   *   when the first part after the first frame is due (a split article's
   *   rest, {@link splitArticleHtml}).
   * @param {Element} content
   * @param {Map<Element, Element>} copies From {@link moveFirstPart}.
   * @param {() => void} onStop Called whenever appending stops: cancelled,
   *   finished at once, or done.
   * @param {() => void} onComplete Called once all of it is in (not when cancelled).
   * @returns {Appending}
   */
  function appendRest(source, content, copies, onStop, onComplete) {
    content.setAttribute('aria-busy', 'true');
    /** @type {Element | null} */
    let parsed = typeof source === 'function' ? null : source;
    const body = () => (parsed ??= /** @type {() => Element} */ (source)());
    /** @type {number | undefined} */
    let frame;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const stop = () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
      onStop();
    };
    let budget = NEXT_PART_CHARS;
    /** @param {number} size */
    const step = (size) => {
      moveArticle(body(), content, size, copies);
      if (body().firstChild) {
        schedule();
        return;
      }
      stop();
      content.removeAttribute('aria-busy');
      onComplete();
    };
    // Each part after the frame that drew the previous one: the next
    // animation frame, then a task (so that frame's layout and paint come
    // first), then one more (so tasks queued from that frame's other
    // callbacks, like the drawn-frame marks of content/content.js, run first).
    const schedule = () => {
      frame = requestAnimationFrame(() => {
        frame = undefined;
        timer = setTimeout(() => {
          timer = setTimeout(() => {
            // No small last part: a frame of its own costs more than it saves.
            const size = weightUpTo(body(), 2 * budget) <= 2 * budget ? Infinity : budget;
            budget *= 2;
            step(size);
          }, 0);
        }, 0);
      });
    };
    schedule();
    return {
      cancel: stop,
      finish: () => {
        stop();
        step(Infinity);
      },
    };
  }

  /**
   * Every image URL the content will show: `src`, and each candidate of
   * `srcset` on images and `<picture>` sources; read from the parsed
   * article before {@link moveArticle} cleans it, so what cleaning would
   * remove (a dropped element, an unsafe URL) is left out here too.
   * @param {ParentNode} content
   * @returns {string[]}
   */
  function contentImageUrls(content) {
    /** @type {string[]} */
    const urls = [];
    for (const node of Array.from(content.querySelectorAll('img, picture source'))) {
      if (node.parentElement?.closest(DROP_SELECTOR)) continue;
      const tag = node.localName;
      const src = node.getAttribute('src');
      if (src && isSafeUrl('src', src, tag)) urls.push(src);
      const srcset = node.getAttribute('srcset') || '';
      if (!isSafeUrl('srcset', srcset, tag)) continue;
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    }
    return urls;
  }

  /**
   * What stays the same across the sizes a CMS serves one picture in: the
   * file name without its extension and without a `-300x200` size suffix.
   * Null when that name is too short to tell pictures apart.
   * @param {string} url
   * @returns {string | null}
   */
  function imageKey(url) {
    let path;
    try {
      path = new URL(url, 'https://base.invalid/').pathname;
    } catch {
      return null;
    }
    const name = decodeURIComponent(path.split('/').pop() || '')
      .toLowerCase()
      .replace(/\.[a-z0-9]{2,5}$/, '')
      .replace(/-\d+x\d+$/, '');
    return name.length >= 8 && !/^(image|img|photo|picture|default|original)[-_\d]*$/.test(name) ? name : null;
  }

  /** @type {QuireRender} */
  const api = Object.freeze({
    parseArticleHtml, moveFirstPart, appendRest, moveArticle, weightUpTo, contentImageUrls, imageKey, splitArticleHtml, openChain, joinRest, restImageUrls,
  });
  root.quireRender = api;
})(globalThis);

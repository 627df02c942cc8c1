// @ts-check
/**
 * @file Renders the reader overlay: a host element with an open shadow root
 * holding the styles, the toolbar and the dialog. Knows nothing of messaging,
 * storage or the page's lifecycle; content/content.js (and the playground's
 * reader frame) drive it.
 *
 * A classic script (injected after ui/styles.js and ui/settings.js, before
 * content/content.js), so it publishes `globalThis.quireOverlay` in the
 * isolated world and does nothing when injected again.
 *
 * Strings come from `_locales/*\/messages.json` through `chrome.i18n`; where
 * that API is missing (the playground) the English strings in {@link EN}
 * stand in (tests/js/strings.test.mjs keeps the two equal).
 *
 * Safety: every piece of text goes in with `textContent`. The article HTML,
 * already sanitised by the core, is parsed with DOMParser (which never runs
 * scripts), cleaned once more by {@link cleanTree} as a second line of
 * defence, and adopted node by node. No `innerHTML` anywhere.
 *
 * A long article can come in parts (the `progressive` option, which the
 * extension uses): the first frame gets the header and the first screenfuls,
 * the rest follows a part per frame, at once when something needs all of it
 * (print, select-all, a Ctrl/Cmd key); {@link moveArticle} splits it.
 */

// `Article` is the global JSDoc type from shared/messages.js; `Settings` and
// `QuireSettings` come from ui/settings.js.

/**
 * @typedef {'loading' | 'article' | 'not-article' | 'error'} OverlayState
 */

/**
 * @typedef {object} Overlay
 * @property {HTMLElement} host The element to attach to the page (id `quire-reader`).
 * @property {ShadowRoot} shadow Its open shadow root.
 * @property {() => void} showLoading
 * @property {(article: Article) => void} showArticle
 * @property {(article: Article) => void} showNotArticle Says the page is
 *   probably not an article and offers "Show anyway" (which calls showArticle).
 * @property {(message: string) => void} showError
 * @property {(settings: Settings) => void} setSettings Applies settings (e.g. once loaded).
 * @property {() => Settings} settings The settings in effect.
 * @property {() => void} focus Moves focus into the dialog (a notice's
 *   first action, else the dialog itself) unless it is there already.
 * @property {() => void} dispose Stops listening to the system colour scheme,
 *   resizes and print, and stops appending the article.
 */

/**
 * @typedef {object} OverlayOptions
 * @property {() => void} onClose Called when the reader asks to close (button).
 * @property {(settings: Settings) => void} [onSettingsChange] Called after the
 *   user changed a setting in the toolbar.
 * @property {Settings} [settings] Initial settings (defaults otherwise).
 * @property {string} [pageUrl] The page's address: the source line of the
 *   Markdown copy, and the site name when the article has none.
 * @property {(article: Article) => Promise<string>} [markdown] The article's
 *   Markdown body, asked for when the reader copies it (the extension asks
 *   the worker; it rejects with the reason when it cannot). Without it, the
 *   article's own `markdown` field is used.
 * @property {boolean} [progressive] Shows a long article (over about 12,000
 *   characters) a part at a time: the header and the first screenfuls in
 *   showArticle, the rest appended in a few parts, one per frame, right after (at once for print, select-all or a Ctrl/Cmd
 *   key). `.content` has `aria-busy="true"` until all of it is in. Without
 *   it, showArticle puts in the whole article.
 * @property {() => void} [onComplete] Called once the whole article of a
 *   showArticle is in the page (at once without `progressive`), unless
 *   another view or dispose came first.
 */

/**
 * What this file publishes as `globalThis.quireOverlay`.
 * @typedef {object} QuireOverlay
 * @property {string} HOST_ID
 * @property {(options: OverlayOptions) => Overlay} createOverlay
 * @property {(iso: string, lang: string | null) => string | null} formatDate
 * @property {(article: Article, pageUrl?: string) => string} articleMarkdown
 * @property {(key: string, ...substitutions: (string | number)[]) => string} t
 *   A UI string from chrome.i18n, else English.
 * @property {Readonly<Record<string, string>>} EN The English strings.
 */

(function (/** @type {any} */ root) {
  if (root.quireOverlay) return;

  /** @type {QuireSettings} */
  const settingsApi = root.quireSettings;

  const HOST_ID = 'quire-reader';
  const TITLE_ID = 'quire-reader-title';
  const PANEL_ID = 'quire-reader-settings';

  /**
   * The English UI strings: the fallback where `chrome.i18n` is missing.
   * Placeholders are `$1`, `$2`; `_locales/en/messages.json` names them.
   */
  const EN = Object.freeze({
    readerLabel: 'Quire reader',
    loading: 'Reading this page…',
    close: 'Close',
    closeTitle: 'Close the reader (Esc)',
    settings: 'Reader settings',
    fontSize: 'Text size',
    smaller: 'Smaller text',
    larger: 'Larger text',
    fontSizeValue: '$1 px',
    font: 'Font',
    fontSerif: 'Serif',
    fontSans: 'Sans-serif',
    width: 'Line length',
    widthNarrow: 'Narrow',
    widthMedium: 'Medium',
    widthWide: 'Wide',
    lineHeight: 'Line spacing',
    lineHeightTight: 'Tight',
    lineHeightNormal: 'Normal',
    lineHeightLoose: 'Loose',
    theme: 'Theme',
    themeAuto: 'Auto (as the system)',
    themeLight: 'Light',
    themeSepia: 'Sepia',
    themeDark: 'Dark',
    copyMarkdown: 'Copy as Markdown',
    copied: 'Copied the article as Markdown.',
    copyFailed: 'Couldn’t copy the article: the browser refused access to the clipboard.',
    copyNoMarkdown: 'Couldn’t copy the article: $1',
    print: 'Print',
    readingTime: '$1-minute read',
    untitled: 'Untitled',
    errorTitle: 'Quire couldn’t read this page',
    back: 'Back to the page',
    noText: 'Quire found no article text on this page.',
    noAnswer: 'The reader core did not answer: $1',
    notArticleTitle: 'This page doesn’t look like an article',
    notArticleDetail:
      'Quire shows one story or post at a time, and this page looks like something else: a front page, a list, a search or an app. You can still see the text Quire found.',
    showAnyway: 'Show anyway',
    scrollableCode: 'Code, scrolls sideways',
    scrollableTable: 'Table, scrolls sideways',
  });

  /**
   * A UI string: `chrome.i18n.getMessage` where the extension runs, else
   * the English one (the playground has no `chrome.i18n`).
   * @param {string} key
   * @param {...(string | number)} substitutions
   * @returns {string}
   */
  function t(key, ...substitutions) {
    const subs = substitutions.map(String);
    try {
      const message = root.chrome?.i18n?.getMessage?.(key, subs);
      if (typeof message === 'string' && message) return message;
    } catch {
      // Not an extension context, or the extension was reloaded under us.
    }
    const english = /** @type {Record<string, string>} */ (EN)[key];
    if (english === undefined) return key;
    return english.replace(/\$([1-9])/g, (_, n) => subs[Number(n) - 1] ?? '');
  }

  /** The UI language as a BCP 47 tag, for the toolbar's `lang`. */
  function uiLang() {
    const locale = t('@@ui_locale');
    return locale === '@@ui_locale' ? 'en' : locale.replace(/_/g, '-');
  }

  /** Elements dropped with their subtree, whatever the core let through. */
  const DROP = new Set([
    'script', 'style', 'link', 'meta', 'base', 'title', 'head', 'template', 'noscript',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
    'form', 'input', 'button', 'select', 'textarea', 'option', 'dialog',
    'svg', 'math',
  ]);
  /** Attributes that hold a URL. */
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href']);

  /**
   * Whether a URL attribute value is safe to keep. Only http(s), mailto and
   * relative URLs pass, plus `data:image/` for images.
   * @param {string} name
   * @param {string} value
   * @param {string} tag
   */
  function isSafeUrl(name, value, tag) {
    const v = value.trim().replace(/[\u0000-\u001F\u007F\s]+/g, '').toLowerCase();
    if (name === 'srcset') return !/(^|,)(javascript|vbscript|data):/.test(v);
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v);
    if (!scheme) return true; // relative
    if (scheme[1] === 'http' || scheme[1] === 'https' || scheme[1] === 'mailto') return true;
    return scheme[1] === 'data' && tag === 'img' && name === 'src' && v.startsWith('data:image/');
  }

  /**
   * Second line of defence over the core's sanitiser, for one element that
   * stays: removes event-handler and style attributes and unsafe URLs.
   * @param {Element} el
   */
  function cleanElement(el) {
    const tag = el.localName;
    // Attribute names as strings: cheaper than an Attr object per attribute.
    for (const attr of el.getAttributeNames()) {
      const name = attr.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'is' || name === 'tabindex') {
        el.removeAttribute(attr);
      } else if (URL_ATTRS.has(name) && !isSafeUrl(name, el.getAttribute(attr) ?? '', tag)) {
        el.removeAttribute(attr);
      }
    }
    if (tag === 'a') el.setAttribute('rel', 'noopener noreferrer');
  }

  /**
   * {@link cleanElement} on `root` (which the caller keeps) and everything
   * under it, removing executable or interactive elements with their subtree.
   * @param {Element} root
   */
  function cleanTree(root) {
    cleanElement(root);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (DROP.has(el.localName)) el.remove();
      else cleanElement(el);
    }
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

  /** Containers a part of the article may stop inside (the rest of their children follow later). */
  const SPLIT = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'ol', 'ul', 'dl', 'details', 'center']);
  /** What an image counts for, in characters, when sizing a part. */
  const IMAGE_WEIGHT = 400;

  /**
   * How much of the article a node is, in characters (images count as
   * {@link IMAGE_WEIGHT}): a rough stand-in for how much it takes to lay out.
   * @param {Node} node
   */
  function weight(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return node.textContent?.length ?? 0;
    const el = /** @type {Element} */ (node);
    const images = el.localName === 'img' ? 1 : el.getElementsByTagName('img').length;
    return (node.textContent?.length ?? 0) + images * IMAGE_WEIGHT;
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
      // nodeType, not instanceof: the parsed document's nodes may come from another realm (Xray wrappers).
      if (child.nodeType !== Node.ELEMENT_NODE) {
        budget -= weight(child);
        batch.append(doc.adoptNode(child));
        continue;
      }
      const node = /** @type {Element} */ (child);
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
      const size = weight(node);
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

  /** How much of the article (in characters, see {@link weight}) the first frame gets with `progressive`: the first screenfuls. */
  const FIRST_PART_CHARS = 6000;
  /** An article up to this size goes in whole at once, even with `progressive`: a second frame would cost more than it saves. */
  const ONE_GO_CHARS = 12000;
  /**
   * How much the second part gets; each part after it twice the one before
   * (one part per frame), and a part takes all that is left when that is
   * at most twice its size. Few, big parts: every part costs a frame of its
   * own (a wait for it, a layout and paint of the whole page), so smaller
   * ones make the whole article later; most articles take two.
   */
  const NEXT_PART_CHARS = 100000;

  /** DROP as a selector, for {@link contentImageUrls}. */
  const DROP_SELECTOR = Array.from(DROP).join(',');

  /**
   * A readable date for `iso` in the article's language, or null if the
   * value is not a date.
   * @param {string} iso
   * @param {string | null} lang
   * @returns {string | null}
   */
  function formatDate(iso, lang) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    /** @type {Intl.DateTimeFormatOptions} */
    const style = { year: 'numeric', month: 'long', day: 'numeric' };
    try {
      return date.toLocaleDateString(lang || undefined, style);
    } catch {
      return date.toLocaleDateString(undefined, style); // lang was not a valid tag
    }
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

  /** @param {string} text */
  function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
  }

  /**
   * The article as a Markdown document: the headline as `#`, a line with
   * byline, site and date, the source address, then the core's Markdown
   * (without its first heading when that repeats the headline).
   * @param {Article} article
   * @param {string} [pageUrl]
   * @returns {string}
   */
  function articleMarkdown(article, pageUrl) {
    const title = oneLine(article.title || t('untitled'));
    const date = article.publishedTime ? formatDate(article.publishedTime, article.lang) : null;
    const about = [article.byline, article.siteName, date]
      .filter((part) => typeof part === 'string' && part.trim() !== '')
      .map((part) => oneLine(String(part)).replace(/([\\*_[\]])/g, '\\$1'))
      .join(' · ');
    let body = (article.markdown ?? '').trim();
    const first = /^#{1,2}[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(body);
    if (first && oneLine(first[1]) === title) body = body.slice(first[0].length).trim();
    const blocks = [`# ${title}`];
    if (about) blocks.push(`*${about}*`);
    if (pageUrl && /^https?:/i.test(pageUrl)) blocks.push(`<${pageUrl}>`);
    if (body) blocks.push(body);
    return `${blocks.join('\n\n')}\n`;
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {Document} doc
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * @param {Document} doc
   * @param {string} className
   * @param {string} text
   * @param {() => void} onClick
   */
  function button(doc, className, text, onClick) {
    const node = el(doc, 'button', className, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  /**
   * A button that shows a glyph (`Aa`, `A+`) and is named by hidden text:
   * assistive technology reads the name, not the glyph.
   * @param {Document} doc
   * @param {string} className
   * @param {string} glyph
   * @param {string} name
   * @param {() => void} onClick
   */
  function glyphButton(doc, className, glyph, name, onClick) {
    const node = button(doc, className, '', onClick);
    const shown = el(doc, 'span', 'glyph', glyph);
    shown.setAttribute('aria-hidden', 'true');
    node.append(shown, el(doc, 'span', 'sr', name));
    node.title = name;
    return node;
  }

  /**
   * The elements Tab moves between, in order, skipping hidden ones.
   * @param {Element} container
   * @returns {HTMLElement[]}
   */
  function focusables(container) {
    const selector = 'a[href], button:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';
    return /** @type {HTMLElement[]} */ (Array.from(container.querySelectorAll(selector))).filter(
      (node) => !node.closest('[hidden]') && node.getClientRects().length > 0,
    );
  }

  /**
   * Builds the overlay, detached. Attach `host` to the page to show it.
   * @param {OverlayOptions} options
   * @returns {Overlay}
   */
  function createOverlay(options) {
    const doc = document;
    const host = doc.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'open' });
    let settings = settingsApi.normalise(options.settings ?? settingsApi.DEFAULTS).settings;
    /** @type {Article | null} */
    let shown = null;
    /** @type {HTMLElement | null} What {@link focus} focuses: a notice's first action, else the dialog. */
    let firstFocus = null;
    /**
     * The rest of the article still to be appended (progressive rendering), or null.
     * @type {{cancel: () => void, finish: () => void} | null}
     */
    let appending = null;
    /** Appends what is left of the article now (print, select-all, find). */
    const finishArticle = () => appending?.finish();

    // A constructed sheet rather than a <style>: it applies under any page
    // CSP and, unlike a <style> element, keeps applying if the page's own
    // scripts move the host (a <style> re-inserted by the page's world is
    // then checked against the page's `style-src` and dropped).
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(root.quireOverlayStyles);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Firefox: a content script's constructed sheet cannot be adopted
      // through the page's Xray wrappers ("Accessing from Xray wrapper is
      // not supported"); a <style> it inserts itself still applies.
      shadow.append(el(doc, 'style', undefined, root.quireOverlayStyles));
    }

    // The dialog is the whole full-window scroller, so the toolbar is inside
    // the modal for assistive technology too.
    const dialog = el(doc, 'div', 'quire');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.lang = uiLang();
    dialog.dir = 'ltr';
    dialog.tabIndex = -1;

    // ---- toolbar ----
    const bar = el(doc, 'div', 'bar');
    const tools = el(doc, 'div', 'tools');
    const toggle = glyphButton(doc, 'tool aa', 'Aa', t('settings'), () => setPanel(panel.hidden));
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', PANEL_ID);
    const copy = button(doc, 'tool copy', t('copyMarkdown'), () => void copyMarkdown());
    const print = button(doc, 'tool print', t('print'), () => {
      finishArticle();
      window.print();
    });
    tools.append(toggle, copy, print);
    const close = button(doc, 'close', t('close'), () => options.onClose());
    close.title = t('closeTitle');
    close.setAttribute('aria-label', t('closeTitle'));
    bar.append(tools, close);

    // ---- settings panel ----
    const panel = el(doc, 'div', 'panel');
    panel.id = PANEL_ID;
    panel.hidden = true;
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', t('settings'));

    const sizeRow = el(doc, 'div', 'row size');
    const sizeLabel = el(doc, 'span', 'label', t('fontSize'));
    sizeLabel.id = 'quire-size-label';
    const smaller = glyphButton(doc, 'step smaller', 'A−', t('smaller'), () => change({ fontSize: settings.fontSize - settingsApi.FONT_SIZE.step }));
    const sizeValue = el(doc, 'output', 'value');
    sizeValue.setAttribute('aria-live', 'polite');
    sizeValue.setAttribute('aria-labelledby', sizeLabel.id);
    const larger = glyphButton(doc, 'step larger', 'A+', t('larger'), () => change({ fontSize: settings.fontSize + settingsApi.FONT_SIZE.step }));
    const sizeControls = el(doc, 'span', 'controls');
    sizeControls.append(smaller, sizeValue, larger);
    sizeRow.append(sizeLabel, sizeControls);

    /**
     * A labelled `<select>` for one enumerated setting.
     * @param {'font' | 'width' | 'lineHeight' | 'theme'} field
     * @param {Record<string, string>} names Message key of each choice.
     */
    function choice(field, names) {
      const row = el(doc, 'label', `row ${field}`);
      const select = el(doc, 'select');
      select.name = field;
      for (const value of settingsApi.CHOICES[field]) {
        const option = el(doc, 'option', undefined, t(names[value]));
        option.value = value;
        select.append(option);
      }
      select.addEventListener('change', () => change({ [field]: select.value }));
      row.append(el(doc, 'span', 'label', t(field)), select);
      return { row, select };
    }
    const theme = choice('theme', { auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' });
    const font = choice('font', { serif: 'fontSerif', sans: 'fontSans' });
    const width = choice('width', { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' });
    const lineHeight = choice('lineHeight', { tight: 'lineHeightTight', normal: 'lineHeightNormal', loose: 'lineHeightLoose' });
    panel.append(theme.row, sizeRow, font.row, width.row, lineHeight.row);

    const announce = el(doc, 'p', 'announce');
    announce.setAttribute('role', 'status');

    const page = el(doc, 'div', 'page');
    dialog.append(bar, panel, announce, page);
    shadow.append(dialog);

    /** @param {boolean} open */
    function setPanel(open) {
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    }

    // ---- settings in effect ----
    const darkScheme = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

    function applySettings() {
      const scheme = settings.theme === 'auto' ? (darkScheme?.matches ? 'dark' : 'light') : settings.theme;
      dialog.dataset.theme = settings.theme;
      dialog.dataset.scheme = scheme;
      dialog.dataset.font = settings.font;
      dialog.dataset.width = settings.width;
      dialog.dataset.lineHeight = settings.lineHeight;
      // CSSOM, not a style attribute: allowed under a page's `style-src` CSP.
      dialog.style.setProperty('--quire-size', `${settings.fontSize}px`);
      sizeValue.textContent = t('fontSizeValue', settings.fontSize);
      smaller.disabled = settings.fontSize <= settingsApi.FONT_SIZE.min;
      larger.disabled = settings.fontSize >= settingsApi.FONT_SIZE.max;
      theme.select.value = settings.theme;
      font.select.value = settings.font;
      width.select.value = settings.width;
      lineHeight.select.value = settings.lineHeight;
      markScrollables();
    }

    /** @param {Partial<Settings>} delta */
    function change(delta) {
      const next = settingsApi.apply(settings, delta);
      const before = JSON.stringify(settings);
      settings = next;
      applySettings();
      if (JSON.stringify(next) !== before) options.onSettingsChange?.(next);
    }

    const onScheme = () => applySettings();
    darkScheme?.addEventListener('change', onScheme);

    /**
     * A code block or table wider than the page scrolls sideways; it can
     * then take focus (so the keyboard can scroll it) and has a name.
     */
    function markScrollables() {
      // Detached (still being built), nothing has a width yet: the resize
      // observer calls this again once the overlay is laid out.
      if (!host.isConnected) return;
      const boxes = Array.from(page.querySelectorAll('.content pre, .content .table-scroll'));
      // Every width first, then every change: a read after a change would
      // lay the whole article out again, once per box.
      const scrolling = boxes.map((box) => box.scrollWidth > box.clientWidth + 1);
      boxes.forEach((box, i) => {
        if (scrolling[i]) {
          box.setAttribute('tabindex', '0');
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', t(box.localName === 'pre' ? 'scrollableCode' : 'scrollableTable'));
        } else {
          box.removeAttribute('tabindex');
          box.removeAttribute('role');
          box.removeAttribute('aria-label');
        }
      });
    }
    const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => markScrollables()) : null;
    resizes?.observe(page);

    // Keep Tab inside the dialog while it is open, and keep the page's own
    // key handlers (site shortcuts) from acting on keys typed in the reader.
    dialog.addEventListener('keydown', (event) => {
      event.stopPropagation();
      // Select all, find, print and the like want the whole article.
      if (event.ctrlKey || event.metaKey) finishArticle();
      if (event.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = shadow.activeElement;
      if (event.shiftKey && (active === first || !active || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    });
    for (const type of ['keyup', 'keypress']) dialog.addEventListener(type, (event) => event.stopPropagation());
    // A selection may reach past what is appended yet; a printout must not stop short.
    dialog.addEventListener('selectstart', finishArticle);
    window.addEventListener('beforeprint', finishArticle);

    /** @param {string} text */
    function say(text) {
      announce.textContent = text;
    }

    async function copyMarkdown() {
      const article = shown;
      if (!article) return;
      let markdown = article.markdown ?? '';
      if (options.markdown) {
        try {
          markdown = await options.markdown(article);
        } catch (error) {
          say(t('copyNoMarkdown', error instanceof Error ? error.message : String(error)));
          return;
        }
        if (shown !== article) return; // another view replaced it meanwhile
      }
      const text = articleMarkdown({ ...article, markdown }, options.pageUrl);
      try {
        if (!navigator.clipboard?.writeText) throw new Error('no async clipboard');
        await navigator.clipboard.writeText(text);
      } catch {
        // Not a secure context (plain http), or no permission: the old way.
        const area = el(doc, 'textarea', 'clipboard');
        area.value = text;
        area.setAttribute('aria-hidden', 'true');
        dialog.append(area);
        area.select();
        const done = doc.execCommand('copy');
        area.remove();
        copy.focus({ preventScroll: true });
        if (!done) {
          say(t('copyFailed'));
          return;
        }
      }
      say(t('copied'));
    }

    /**
     * @param {OverlayState} state
     * @param {Node[]} children
     */
    function render(state, children) {
      appending?.cancel();
      firstFocus = null;
      dialog.dataset.state = state;
      page.className = `page ${state}`;
      page.removeAttribute('lang');
      page.removeAttribute('dir');
      page.replaceChildren(...children);
      say('');
      copy.hidden = print.hidden = state !== 'article';
      if (state === 'loading') {
        dialog.removeAttribute('aria-labelledby');
        dialog.setAttribute('aria-label', t('readerLabel'));
        dialog.setAttribute('aria-busy', 'true');
      } else {
        dialog.removeAttribute('aria-label');
        dialog.removeAttribute('aria-busy');
        dialog.setAttribute('aria-labelledby', TITLE_ID);
      }
      dialog.scrollTop = 0;
    }

    function showLoading() {
      shown = null;
      const status = el(doc, 'p', 'status', t('loading'));
      status.setAttribute('role', 'status');
      render('loading', [status]);
    }

    /** The site's name, else the page's host name. */
    function siteName(/** @type {Article} */ article) {
      if (article.siteName) return article.siteName;
      try {
        return options.pageUrl ? new URL(options.pageUrl).hostname.replace(/^www\./, '') : '';
      } catch {
        return '';
      }
    }

    /** @param {Article} article */
    function showArticle(article) {
      shown = article;
      /** @type {Node[]} */
      const parts = [];
      const site = siteName(article);
      if (site) parts.push(el(doc, 'p', 'site', site));

      const title = el(doc, 'h1', 'title', article.title || t('untitled'));
      title.id = TITLE_ID;
      parts.push(title);

      const meta = el(doc, 'p', 'meta');
      if (article.byline) meta.append(el(doc, 'span', 'byline', article.byline));
      const date = article.publishedTime ? formatDate(article.publishedTime, article.lang) : null;
      if (article.publishedTime && date) {
        const time = el(doc, 'time', 'date', date);
        time.dateTime = article.publishedTime;
        const span = el(doc, 'span');
        span.append(time);
        meta.append(span);
      }
      if (article.readingMinutes > 0) {
        const minutes = Math.max(1, Math.round(article.readingMinutes));
        // In the UI's language and direction, isolated from the article's.
        const reading = el(doc, 'span', 'reading-time', t('readingTime', minutes));
        reading.lang = dialog.lang;
        reading.dir = 'ltr';
        meta.append(reading);
      }
      if (meta.childNodes.length > 0) parts.push(meta);

      const content = el(doc, 'div', 'content');
      const source = parseArticleHtml(article.content);

      // The lead image, unless the content already shows it (maybe in
      // another size: CMSs serve one picture under several URLs).
      const lead = article.leadImage;
      if (lead && isSafeUrl('src', lead, 'img')) {
        const leadKey = imageKey(lead);
        const inContent = contentImageUrls(source).some((url) => url === lead || (leadKey !== null && imageKey(url) === leadKey));
        if (!inContent) {
          const figure = el(doc, 'figure', 'lead');
          const img = el(doc, 'img');
          img.alt = '';
          img.loading = 'lazy';
          img.decoding = 'async';
          img.src = lead;
          figure.append(img);
          parts.push(figure);
        }
      }
      parts.push(content);

      // Progressive: the first screenfuls now, the rest in the tasks after
      // the first frame; otherwise all of it now.
      /** @type {Map<Element, Element>} */
      const copies = new Map();
      const first = options.progressive && weight(source) > ONE_GO_CHARS ? FIRST_PART_CHARS : Infinity;
      moveArticle(source, content, first, copies);
      render('article', parts);
      if (article.lang) page.lang = article.lang;
      if (article.dir === 'rtl' || article.dir === 'ltr') page.dir = article.dir;
      markScrollables();
      if (!source.firstChild) {
        options.onComplete?.();
        return;
      }
      content.setAttribute('aria-busy', 'true');
      /** @type {number | undefined} */
      let frame;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const stop = () => {
        if (frame !== undefined) cancelAnimationFrame(frame);
        clearTimeout(timer);
        if (appending === current) appending = null;
      };
      let budget = NEXT_PART_CHARS;
      /** @param {number} size */
      const step = (size) => {
        moveArticle(source, content, size, copies);
        if (source.firstChild) {
          schedule();
          return;
        }
        stop();
        content.removeAttribute('aria-busy');
        options.onComplete?.();
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
              const size = weight(source) <= 2 * budget ? Infinity : budget;
              budget *= 2;
              step(size);
            }, 0);
          }, 0);
        });
      };
      const current = {
        cancel: stop,
        finish: () => {
          stop();
          step(Infinity);
        },
      };
      appending = current;
      schedule();
    }

    /**
     * @param {OverlayState} state
     * @param {string} heading
     * @param {string} message
     * @param {HTMLButtonElement[]} actions The first one takes focus (now, or
     *   when {@link focus} runs once the overlay is on the page).
     */
    function showNotice(state, heading, message, actions) {
      shown = null;
      const title = el(doc, 'h1', 'title', heading);
      title.id = TITLE_ID;
      const detail = el(doc, 'p', 'detail', message);
      const row = el(doc, 'div', 'actions');
      row.append(...actions);
      render(state, [title, detail, row]);
      firstFocus = actions[0];
      actions[0].focus({ preventScroll: true });
    }

    /** @param {Article} article */
    function showNotArticle(article) {
      const anyway = button(doc, 'primary anyway', t('showAnyway'), () => {
        showArticle(article);
        dialog.focus({ preventScroll: true });
      });
      const back = button(doc, 'secondary back', t('back'), () => options.onClose());
      showNotice('not-article', t('notArticleTitle'), t('notArticleDetail'), [anyway, back]);
    }

    /** @param {string} message */
    function showError(message) {
      const back = button(doc, 'primary back', t('back'), () => options.onClose());
      showNotice('error', t('errorTitle'), message, [back]);
    }

    function focus() {
      if (shadow.activeElement) return;
      (firstFocus?.isConnected ? firstFocus : dialog).focus({ preventScroll: true });
    }

    function dispose() {
      appending?.cancel();
      window.removeEventListener('beforeprint', finishArticle);
      darkScheme?.removeEventListener('change', onScheme);
      resizes?.disconnect();
    }

    applySettings();
    return {
      host,
      shadow,
      showLoading,
      showArticle,
      showNotArticle,
      showError,
      setSettings(next) {
        settings = settingsApi.normalise(next).settings;
        applySettings();
      },
      settings: () => ({ ...settings }),
      focus,
      dispose,
    };
  }

  /** @type {QuireOverlay} */
  const api = Object.freeze({ HOST_ID, createOverlay, formatDate, articleMarkdown, t, EN });
  root.quireOverlay = api;
})(globalThis);

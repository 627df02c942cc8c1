// @ts-check
/**
 * @file The overlay's own sanitising pass: a second line of defence over the
 * core's sanitiser, run on the article HTML after DOMParser has parsed it
 * (which never runs scripts) and before its nodes are adopted into the page.
 * Drops executable and interactive elements with their subtree, event-handler
 * and style attributes, and URLs of any scheme but http(s), mailto and
 * relative (plus `data:image/` for an image's `src`). MathML stays (parsed by
 * DOMParser in its own namespace): only the allowed MathML Core elements,
 * inside a `<math>`, with presentational attributes only.
 *
 * A classic script; publishes `globalThis.quireSanitize`.
 */

/**
 * What this file publishes as `globalThis.quireSanitize`.
 * @typedef {object} QuireSanitize
 * @property {ReadonlySet<string>} DROP Elements dropped with their subtree.
 * @property {string} DROP_SELECTOR {@link QuireSanitize.DROP} as a selector.
 * @property {(name: string, value: string, tag: string) => boolean} isSafeUrl
 *   Whether a URL attribute's value is safe to keep.
 * @property {(el: Element) => void} cleanElement Cleans the attributes of one element that stays.
 * @property {(root: Element) => void} cleanTree Cleans `root` (which stays) and
 *   everything under it, removing dropped elements with their subtree.
 */

(function (/** @type {any} */ root) {
  if (root.quireSanitize) return;

  /** Elements dropped with their subtree, whatever the core let through. */
  const DROP = new Set([
    'script', 'style', 'link', 'meta', 'base', 'title', 'head', 'template', 'noscript',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
    'form', 'input', 'button', 'select', 'textarea', 'option', 'dialog',
    'svg',
  ]);
  /** The MathML namespace. */
  const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
  /**
   * The MathML elements that may stay, in the MathML namespace and inside a
   * `<math>` (the core's list, `MATH_TAGS` in src/output/mathml.rs): MathML
   * Core without `<maction>`, `<annotation-xml>` (which can carry HTML or
   * SVG) or `<mglyph>`.
   */
  const MATH_TAGS = new Set([
    'math', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup',
    'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mmultiscripts', 'mprescripts',
    'none', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'semantics', 'annotation', 'merror',
  ]);
  /** The presentational attributes a MathML element may keep (never a URL, script or style). */
  const MATH_ATTRS = new Set([
    'display', 'dir', 'encoding', 'mathvariant', 'displaystyle', 'scriptlevel', 'stretchy', 'fence',
    'separator', 'lspace', 'rspace', 'largeop', 'movablelimits', 'symmetric', 'minsize', 'maxsize',
    'accent', 'accentunder', 'linethickness', 'columnalign', 'rowalign', 'columnspan', 'rowspan',
    'width', 'height', 'depth', 'voffset',
  ]);
  /** A MathML attribute value the core keeps: short, plain characters. */
  const MATH_VALUE = /^[A-Za-z0-9 .\-+%/#]{0,64}$/;
  /** DROP as a selector. */
  const DROP_SELECTOR = Array.from(DROP).join(',');
  /** The `data:` image types the core lets through (never SVG). */
  const RASTER_DATA = /^data:image\/(png|gif|jpeg|webp|avif)[;,]/;
  /** Attributes that hold a URL. */
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href']);

  /**
   * Whether a URL attribute value is safe to keep: the core's allow-list
   * (`safe_url` in src/output/allow.rs). Relative and http(s) URLs pass,
   * `mailto:` only in an `href`, and `data:` only as an image `src` of a
   * raster type (no SVG, which can carry script).
   * @param {string} name
   * @param {string} value
   * @param {string} tag
   */
  function isSafeUrl(name, value, tag) {
    const v = value.trim().replace(/[\u0000-\u001F\u007F\s]+/g, '').toLowerCase();
    if (name === 'srcset') return !/(^|,)(javascript|vbscript|data):/.test(v);
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v);
    if (!scheme) return true; // relative
    if (scheme[1] === 'http' || scheme[1] === 'https') return true;
    if (scheme[1] === 'mailto') return name === 'href';
    return scheme[1] === 'data' && tag === 'img' && name === 'src' && RASTER_DATA.test(v);
  }

  /**
   * Second line of defence over the core's sanitiser, for one element that
   * stays: removes event-handler and style attributes and unsafe URLs.
   * @param {Element} el
   */
  function cleanElement(el) {
    const tag = el.localName;
    if (el.namespaceURI === MATHML_NS) {
      for (const attr of el.getAttributeNames()) {
        if (!MATH_ATTRS.has(attr) || !MATH_VALUE.test((el.getAttribute(attr) ?? '').trim())) el.removeAttribute(attr);
      }
      return;
    }
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
      if (DROP.has(el.localName) || !mathOk(el)) el.remove();
      else cleanElement(el);
    }
  }

  /**
   * Whether `el` may stay as far as MathML goes: inside a `<math>` only
   * allowed MathML elements (an `<annotation>` with text only, in
   * `<semantics>`), and MathML elements only inside a `<math>`.
   * @param {Element} el
   */
  function mathOk(el) {
    const inMath = el.parentElement?.closest('math')?.namespaceURI === MATHML_NS;
    if (el.namespaceURI !== MATHML_NS) return !inMath;
    const tag = el.localName;
    if (!MATH_TAGS.has(tag) || (tag !== 'math' && !inMath)) return false;
    return tag !== 'annotation' || (el.parentElement?.localName === 'semantics' && el.childElementCount === 0);
  }

  /** @type {QuireSanitize} */
  const api = Object.freeze({ DROP, DROP_SELECTOR, isSafeUrl, cleanElement, cleanTree });
  root.quireSanitize = api;
})(globalThis);

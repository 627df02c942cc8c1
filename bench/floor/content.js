// @ts-check
/**
 * @file The click floor's content script (`make bench-floor`), injected after
 * Quire's own content/page-html.js. It sends the page as Quire's click start
 * (page-html.js `quirePageStart`) does (outerHTML with script and style bodies cut short),
 * and draws the worker's fixed answer in a shadow-root overlay over the
 * viewport: one heading and one paragraph, nothing to lay out. It sets the
 * `quire:*` marks bench/browser.mjs reads, with the same meaning; "render"
 * here is only attaching that overlay.
 */
(function (/** @type {any} */ root) {
  const old = document.getElementById('quire-reader');
  if (old) {
    old.remove();
    return;
  }
  /** @param {string} name */
  const mark = (name) => {
    performance.clearMarks(`quire:${name}`);
    performance.mark(`quire:${name}`);
  };
  mark('open');
  const html = root.quirePageHtml.withoutScriptBodies(document.documentElement.outerHTML);
  mark('serialised');
  const answer = chrome.runtime.sendMessage({ html, url: location.href });
  mark('sent');
  answer.then((/** @type {{title: string, text: string}} */ article) => {
    mark('replied');
    mark('answered');
    const host = document.createElement('div');
    host.id = 'quire-reader';
    const shadow = host.attachShadow({ mode: 'open' });
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.dataset.state = 'article';
    dialog.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;color:#222;padding:2em';
    const h1 = document.createElement('h1');
    h1.textContent = article.title;
    const content = document.createElement('div');
    content.className = 'content';
    const p = document.createElement('p');
    p.textContent = article.text;
    content.append(p);
    dialog.append(h1, content);
    shadow.append(dialog);
    document.documentElement.append(host);
    mark('rendered');
    requestAnimationFrame(() => {
      mark('painted');
      setTimeout(() => mark('drawn'), 0);
    });
  });
})(globalThis);

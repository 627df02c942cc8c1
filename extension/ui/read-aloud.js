// @ts-check
/**
 * @file Read aloud: splits the article the reader shows into sentences,
 * speaks them one at a time through a {@link Speech} and highlights the one
 * being read; and the small player (play/pause, previous and next sentence,
 * speed, voice, a status line) that drives it.
 *
 * Sentences: the text of each block (paragraph, heading, list item, cell,
 * caption…) of the rendered article, cut with `Intl.Segmenter` (granularity
 * `sentence`, in the article's language) where the browser has it, else at
 * `.`, `!`, `?` and their kin. Code blocks (`pre`) are not read. A sentence is kept
 * as a pair of character offsets into the text of the title and the content
 * (all their text nodes in document order), and its DOM Range is made from
 * them when it is highlighted ({@link ReadAloud.rangeOf}), so highlighting
 * (which splits text nodes) never leaves another sentence's position stale.
 *
 * One utterance per sentence, not one per paragraph with `word`/`sentence`
 * char-index events: every engine reports `end`, few report boundaries
 * reliably (Firefox on Linux none, some Chromium voices no `sentence`), and
 * previous/next, a new speed or voice and resume after pause are then just
 * "speak sentence i". Pause stops the utterance and keeps the place; play
 * speaks that sentence again from its start (engines' own pause is missing
 * or unreliable in several).
 *
 * Highlight: a `<mark class="reading">` around each piece of text of the
 * sentence, added and removed by this file inside the overlay's closed
 * shadow root. Not the CSS Custom Highlight API: `CSS.highlights` is one
 * registry per document, shared with the page's script, which could then
 * read the highlight's Range and through it reach the article's nodes in
 * the closed root. Marks stay where only the reader reaches.
 *
 * Speech: the extension passes one that asks the service worker to speak
 * (`chrome.tts`, content/tts-relay.js); elsewhere (Firefox, the playground)
 * {@link speechSynthesisSpeech} uses the page's `speechSynthesis`. With no
 * voice at all the player says so in its status line.
 *
 * A classic script (after ui/dom.js and ui/strings.js); publishes
 * `globalThis.quireReadAloud`. No `chrome.*` here.
 */

/**
 * A voice a {@link Speech} can speak with.
 * @typedef {object} ReadAloudVoice
 * @property {string} name
 * @property {string} lang BCP 47 tag, or '' when unknown.
 * @property {boolean} remote Whether the voice is a network service (the text
 *   read is sent to it): offered after the voices on this computer, and marked.
 */

/**
 * What a speech engine reports about an utterance: `end` when it finished,
 * `error` when it could not speak; the rest are informative.
 * @typedef {'start' | 'word' | 'sentence' | 'end' | 'error' | 'interrupted' | 'cancelled' | 'pause' | 'resume' | 'marker'} SpeechEventType
 */

/**
 * A speech engine.
 * @typedef {object} Speech
 * @property {() => Promise<ReadAloudVoice[]>} voices The voices there are (none: nothing can be read).
 * @property {(text: string, options: {rate: number, voice: string | null, lang: string | null}, onEvent: (type: SpeechEventType, charIndex: number) => void) => void} speak
 *   Speaks `text`, cutting off whatever it was saying.
 * @property {() => void} stop Stops speaking.
 */

/**
 * A sentence: its text and its place, as offsets into the text of the roots.
 * @typedef {object} Sentence
 * @property {string} text
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} ReadAloudOptions
 * @property {Document} doc
 * @property {() => Element[]} roots Where the article's text is (title, content), in reading order.
 * @property {() => HTMLElement | null} scroller The element that scrolls the article.
 * @property {() => string | null} lang The article's language.
 * @property {Speech | null} speech Null where the browser has no speech at all.
 * @property {ReadAloudPrefs} [prefs] Where the chosen speed and voice are kept between readers.
 */

/**
 * The speed and voice the user chose last.
 * @typedef {object} ReadAloudPrefs
 * @property {() => Promise<unknown>} load `{rate, voice}` as saved, or anything else when there is none.
 * @property {(prefs: {rate: number, voice: string}) => void} save
 */

/**
 * The read-aloud player: its panel and what it does.
 * @typedef {object} ReadAloud
 * @property {HTMLElement} panel The player (hidden at first).
 * @property {() => void} toggle Shows the player (and starts reading) or hides it (and stops).
 * @property {() => void} stop Stops reading, removes the highlight and hides the player.
 * @property {() => boolean} isOpen
 * @property {(index: number) => Range | null} rangeOf The DOM Range of sentence `index`.
 */

/**
 * What this file publishes as `globalThis.quireReadAloud`.
 * @typedef {object} QuireReadAloud
 * @property {(options: ReadAloudOptions) => ReadAloud} createReadAloud
 * @property {(roots: Element[], lang: string | null) => Sentence[]} sentencesOf
 * @property {() => Speech | null} speechSynthesisSpeech The page's `speechSynthesis`, or null without it.
 * @property {readonly number[]} RATES
 */

(function (/** @type {any} */ root) {
  if (root.quireReadAloud) return;

  /** @type {QuireStrings} */
  const { t } = root.quireStrings;
  /** @type {QuireDom} */
  const { el, glyphButton, setGlyph } = root.quireDom;

  const PANEL_ID = 'quire-read-aloud';
  /** Speeds offered (1 is the voice's own). */
  const RATES = Object.freeze([0.75, 1, 1.25, 1.5, 2]);
  /** The elements whose text is read as one run of sentences. */
  const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, figcaption, caption, td, th, div, section, article, aside, header, footer, figure, table, ul, ol, dl, details, summary, address';
  /** Not read: code blocks, and what is hidden from assistive technology (inline code is read with its sentence). */
  const SKIP = 'pre, script, style, [aria-hidden="true"], [hidden]';
  /** A sentence with nothing to say: no letter or digit. */
  const SAYABLE = /[\p{L}\p{N}]/u;
  /**
   * The transport glyphs: Geometric Shapes and Dingbats, which common fonts
   * have (the media-control block U+23EE… is missing from many), with
   * U+FE0E so that no system draws them as emoji.
   */
  const GLYPH = Object.freeze({ previous: '◀\uFE0E◀\uFE0E', play: '▶\uFE0E', pause: '❚❚', next: '▶\uFE0E▶\uFE0E' });
  /** How long the status waits for the voice list (some engines fill it late). */
  const VOICES_WAIT_MS = 1500;

  /**
   * Every text node under the roots, in document order.
   * @param {Element[]} roots
   * @returns {Text[]}
   */
  function textNodes(roots) {
    /** @type {Text[]} */
    const nodes = [];
    for (const r of roots) {
      const walker = r.ownerDocument.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(/** @type {Text} */ (node));
    }
    return nodes;
  }

  /**
   * Cuts a run of text into sentences: [start, end) offsets into it.
   * @param {string} text
   * @param {string | null} lang
   * @returns {[number, number][]}
   */
  function cut(text, lang) {
    /** @type {[number, number][]} */
    const parts = [];
    const Segmenter = /** @type {any} */ (Intl).Segmenter;
    if (typeof Segmenter === 'function') {
      /** @type {any} */
      let segmenter;
      try {
        segmenter = new Segmenter(lang || undefined, { granularity: 'sentence' });
      } catch {
        segmenter = new Segmenter(undefined, { granularity: 'sentence' }); // lang was not a valid tag
      }
      for (const { index, segment } of segmenter.segment(text)) parts.push([index, index + segment.length]);
      return parts;
    }
    const sentence = /[^.!?…。！？]*(?:[.!?…。！？]+["'”’»)\]]*|$)\s*/gu;
    for (let m = sentence.exec(text); m && m[0] !== ''; m = sentence.exec(text)) parts.push([m.index, m.index + m[0].length]);
    return parts;
  }

  /**
   * The sentences of the text under the roots, block by block.
   * @param {Element[]} roots
   * @param {string | null} lang
   * @returns {Sentence[]}
   */
  function sentencesOf(roots, lang) {
    /** @type {Sentence[]} */
    const sentences = [];
    /** @type {{block: Element | null, text: string, pieces: {at: number, offset: number}[]}} */
    let run = { block: null, text: '', pieces: [] };
    /** @param {number} i offset in the run's text → offset in the roots' text */
    const place = (i) => {
      let piece = run.pieces[0];
      for (const p of run.pieces) {
        if (p.at > i) break;
        piece = p;
      }
      return piece.offset + (i - piece.at);
    };
    const flush = () => {
      for (const [from, to] of cut(run.text, lang)) {
        const raw = run.text.slice(from, to);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        if (!SAYABLE.test(text)) continue;
        const start = place(from + lead);
        sentences.push({ text: text.replace(/\s+/g, ' '), start, end: place(from + lead + text.length - 1) + 1 });
      }
      run = { block: null, text: '', pieces: [] };
    };
    let offset = 0;
    for (const node of textNodes(roots)) {
      const data = node.data;
      const parent = node.parentElement;
      if (parent && !parent.closest(SKIP)) {
        const block = parent.closest(BLOCKS);
        if (block !== run.block) flush();
        run.block = block;
        run.pieces.push({ at: run.text.length, offset });
        run.text += data;
      }
      offset += data.length;
    }
    flush();
    return sentences;
  }

  /**
   * The page's `speechSynthesis` as a {@link Speech}, or null where there is none.
   * @returns {Speech | null}
   */
  function speechSynthesisSpeech() {
    const synth = /** @type {SpeechSynthesis | undefined} */ (root.speechSynthesis);
    const Utterance = root.SpeechSynthesisUtterance;
    if (!synth || typeof Utterance !== 'function') return null;
    /** @type {SpeechSynthesisUtterance | null} */
    let current = null;
    /** @returns {ReadAloudVoice[]} */
    const list = () => synth.getVoices().map((v) => ({ name: v.name, lang: v.lang || '', remote: v.localService === false }));
    return {
      voices() {
        const now = list();
        if (now.length > 0) return Promise.resolve(now);
        // Chromium and Firefox fill the list a moment after the first call.
        return new Promise((resolve) => {
          const done = () => {
            synth.removeEventListener('voiceschanged', done);
            clearTimeout(timer);
            resolve(list());
          };
          const timer = setTimeout(done, VOICES_WAIT_MS);
          synth.addEventListener('voiceschanged', done);
        });
      },
      speak(text, options, onEvent) {
        const utterance = /** @type {SpeechSynthesisUtterance} */ (new Utterance(text));
        utterance.rate = options.rate;
        const voice = synth.getVoices().find((v) => v.name === options.voice);
        if (voice) utterance.voice = voice;
        else if (options.lang) utterance.lang = options.lang;
        /** @param {SpeechSynthesisEventMap[keyof SpeechSynthesisEventMap] & {charIndex?: number}} event */
        const report = (event) => {
          if (current !== utterance) return; // cut off: its events no longer count
          const type = event.type === 'boundary' ? (/** @type {any} */ (event).name === 'sentence' ? 'sentence' : 'word') : event.type;
          onEvent(/** @type {SpeechEventType} */ (type), event.charIndex ?? 0);
        };
        for (const type of ['start', 'end', 'error', 'boundary']) utterance.addEventListener(type, /** @type {any} */ (report));
        current = utterance;
        synth.cancel();
        synth.speak(utterance);
      },
      stop() {
        current = null;
        synth.cancel();
      },
    };
  }

  /**
   * A labelled `<select>` in the player.
   * @param {Document} doc
   * @param {string} className
   * @param {string} label
   */
  function selectRow(doc, className, label) {
    const row = el(doc, 'label', `row ${className}`);
    const select = el(doc, 'select');
    select.name = className;
    row.append(el(doc, 'span', 'label', label), select);
    return { row, select };
  }

  /**
   * @param {ReadAloudOptions} options
   * @returns {ReadAloud}
   */
  function createReadAloud(options) {
    const { doc, speech } = options;
    const panel = el(doc, 'div', 'panel read-aloud');
    panel.id = PANEL_ID;
    panel.hidden = true;
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', t('readAloud'));

    const previous = glyphButton(doc, 'step previous', GLYPH.previous, t('readAloudPrevious'), () => go(index - 1));
    const play = glyphButton(doc, 'step play', GLYPH.play, t('readAloudPlay'), () => (playing ? pause() : start()));
    const next = glyphButton(doc, 'step next', GLYPH.next, t('readAloudNext'), () => go(index + 1));
    const controls = el(doc, 'div', 'controls transport');
    controls.append(previous, play, next);

    const speed = selectRow(doc, 'speed', t('readAloudSpeed'));
    for (const rate of RATES) {
      const option = el(doc, 'option', undefined, t('readAloudRate', String(rate)));
      option.value = String(rate);
      speed.select.append(option);
    }
    speed.select.value = '1';
    const voice = selectRow(doc, 'voice', t('readAloudVoice'));
    const status = el(doc, 'p', 'read-status');
    status.setAttribute('role', 'status');
    panel.append(controls, speed.row, voice.row, status);

    for (const select of [speed.select, voice.select]) {
      select.addEventListener('change', (event) => {
        if (!event.isTrusted) return;
        options.prefs?.save({ rate: Number(speed.select.value) || 1, voice: voice.select.value });
        if (playing) speakCurrent(); // the same sentence again, in the new speed or voice
      });
    }

    /** @type {Sentence[] | null} */
    let sentences = null;
    let index = 0;
    let playing = false;
    /** Counts utterances: events of one that was cut off are ignored. */
    let utterance = 0;
    /** @type {HTMLElement[]} */
    let marks = [];
    /** @type {Promise<ReadAloudVoice[]> | null} */
    let voicesAsked = null;
    let voicesKnown = false;
    let voiceCount = 0;

    /** @param {string} text */
    const say = (text) => {
      status.textContent = text;
    };

    function showButtons() {
      setGlyph(play, playing ? GLYPH.pause : GLYPH.play, playing ? t('readAloudPause') : t('readAloudPlay'));
      const count = sentences?.length ?? 0;
      play.disabled = !voicesKnown || voiceCount === 0;
      previous.disabled = play.disabled || count === 0 || index <= 0;
      next.disabled = play.disabled || count === 0 || index >= count - 1;
    }

    /** Asks for the voices once and fills the voice choice. */
    function loadVoices() {
      if (voicesAsked) return voicesAsked;
      if (!speech) {
        voicesAsked = Promise.resolve([]);
      } else {
        voicesAsked = speech.voices().catch(() => []);
      }
      const saved = options.prefs?.load().catch(() => null) ?? Promise.resolve(null);
      return Promise.all([voicesAsked, saved]).then(([voices, prefs]) => {
        voicesKnown = true;
        voiceCount = voices.length;
        voice.select.replaceChildren();
        const lang = (options.lang() || '').toLowerCase();
        const base = lang.split('-')[0];
        // The article's language first (its exact tag, then its base), then
        // the rest; in each, the voices on this computer before online ones.
        const rank = (/** @type {ReadAloudVoice} */ v) => {
          const l = v.lang.toLowerCase();
          return 2 * (l === lang ? 0 : base && l.split(/[-_]/)[0] === base ? 1 : 2) + (v.remote ? 1 : 0);
        };
        const sorted = voices.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map(({ v }) => v);
        for (const v of sorted) {
          const named = v.lang ? `${v.name} (${v.lang})` : v.name;
          const option = el(doc, 'option', undefined, v.remote ? t('readAloudOnlineVoice', named) : named);
          option.value = v.name;
          voice.select.append(option);
        }
        voice.select.disabled = voices.length === 0;
        const last = /** @type {{rate?: unknown, voice?: unknown} | null} */ (typeof prefs === 'object' ? prefs : null);
        if (typeof last?.rate === 'number' && RATES.includes(last.rate)) speed.select.value = String(last.rate);
        if (typeof last?.voice === 'string' && voices.some((v) => v.name === last.voice)) voice.select.value = last.voice;
        if (voices.length === 0) say(t(speech ? 'readAloudNoVoice' : 'readAloudUnsupported'));
        showButtons();
        return voices;
      });
    }

    /** Removes the highlight, putting the text nodes back as they were. */
    function unmark() {
      for (const mark of marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        mark.replaceWith(...Array.from(mark.childNodes));
        parent.normalize();
      }
      marks = [];
    }

    /**
     * The text nodes and offsets sentence `i` covers.
     * @param {number} i
     * @returns {{node: Text, from: number, to: number}[]}
     */
    function piecesOf(i) {
      const sentence = sentences?.[i];
      if (!sentence) return [];
      /** @type {{node: Text, from: number, to: number}[]} */
      const pieces = [];
      let offset = 0;
      for (const node of textNodes(options.roots())) {
        const from = Math.max(sentence.start - offset, 0);
        const to = Math.min(sentence.end - offset, node.length);
        if (from < to) pieces.push({ node, from, to });
        offset += node.length;
        if (offset >= sentence.end) break;
      }
      return pieces;
    }

    /**
     * @param {number} i
     * @returns {Range | null}
     */
    function rangeOf(i) {
      const pieces = piecesOf(i);
      if (pieces.length === 0) return null;
      const range = doc.createRange();
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      range.setStart(first.node, first.from);
      range.setEnd(last.node, last.to);
      return range;
    }

    /** Highlights the sentence at `index` and scrolls it into view when it is not. */
    function mark() {
      unmark();
      for (const { node, from, to } of piecesOf(index)) {
        let piece = node;
        if (from > 0) piece = piece.splitText(from);
        if (to - from < piece.length) piece.splitText(to - from);
        const wrap = el(doc, 'mark', 'reading');
        piece.replaceWith(wrap);
        wrap.append(piece);
        marks.push(wrap);
      }
      const first = marks[0];
      const scroller = options.scroller();
      if (!first || !scroller) return;
      const box = first.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      // Below the sticky toolbar (about 56 px) and above the bottom edge.
      if (box.top < view.top + 72 || box.bottom > view.bottom - 24) first.scrollIntoView({ block: 'center' });
    }

    /** Speaks the sentence at `index`; on its end, the next. */
    function speakCurrent() {
      const sentence = sentences?.[index];
      if (!speech || !sentence) return;
      const mine = ++utterance;
      mark();
      showButtons();
      const rate = Number(speed.select.value) || 1;
      speech.speak(sentence.text, { rate, voice: voice.select.value || null, lang: options.lang() }, (type) => {
        if (mine !== utterance || !playing) return;
        if (type === 'end') {
          if (index < (sentences?.length ?? 0) - 1) {
            index += 1;
            speakCurrent();
          } else {
            finished();
          }
        } else if (type === 'error') {
          playing = false;
          utterance += 1;
          say(t('readAloudError'));
          showButtons();
        }
      });
    }

    function finished() {
      playing = false;
      utterance += 1;
      unmark();
      index = 0;
      say(t('readAloudDone'));
      showButtons();
    }

    async function start() {
      const voices = await loadVoices();
      if (voices.length === 0 || panel.hidden) return;
      if (!sentences) sentences = sentencesOf(options.roots(), options.lang());
      if (sentences.length === 0) {
        say(t('readAloudNothing'));
        return;
      }
      playing = true;
      say('');
      speakCurrent();
    }

    function pause() {
      playing = false;
      utterance += 1;
      speech?.stop();
      say(t('readAloudPaused'));
      showButtons();
    }

    /** @param {number} i */
    function go(i) {
      if (!sentences || sentences.length === 0) sentences = sentencesOf(options.roots(), options.lang());
      index = Math.min(Math.max(i, 0), Math.max(sentences.length - 1, 0));
      if (playing) speakCurrent();
      else {
        mark();
        showButtons();
      }
    }

    function stop() {
      const wasActive = playing || marks.length > 0;
      playing = false;
      utterance += 1;
      if (wasActive) speech?.stop();
      unmark();
      sentences = null;
      index = 0;
      panel.hidden = true;
      say('');
      showButtons();
    }

    function toggle() {
      if (!panel.hidden) {
        stop();
        return;
      }
      panel.hidden = false;
      showButtons();
      void start();
    }

    showButtons();
    return { panel, toggle, stop, isOpen: () => !panel.hidden, rangeOf };
  }

  /** @type {QuireReadAloud} */
  const api = Object.freeze({ createReadAloud, sentencesOf, speechSynthesisSpeech, RATES });
  root.quireReadAloud = api;
})(globalThis);

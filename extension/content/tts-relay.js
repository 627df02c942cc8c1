// @ts-check
/**
 * @file The reader's speech in the extension: asks the service worker to
 * speak with `chrome.tts` (background/tts.js) and hears back its events;
 * where the worker has no `chrome.tts` (Firefox), the page's
 * `speechSynthesis` (ui/read-aloud.js `speechSynthesisSpeech`), and where
 * there is neither, no voices (the player says so).
 *
 * A classic script (after shared/messages.js and ui/read-aloud.js);
 * publishes `globalThis.quireTtsRelay` in the isolated world. Events are
 * taken only from this extension's worker (`sender.id`, no `sender.tab`);
 * the page can neither send them nor see them.
 */

/**
 * What this file publishes as `globalThis.quireTtsRelay`.
 * @typedef {object} QuireTtsRelay
 * @property {() => Speech} createSpeech
 * @property {ReadAloudPrefs} prefs Read aloud's last speed and voice, in this
 *   browser only (`storage.local`, key `readAloud`).
 */

(function (/** @type {any} */ root) {
  if (root.quireTtsRelay) return;

  /** @type {QuireMessages} */
  const { MSG } = root.quireMessages;
  /** @type {QuireReadAloud} */
  const readAloud = root.quireReadAloud;

  /**
   * Sends a message to the worker; resolves with its answer, or null when
   * there is none (the extension was reloaded, the worker refused).
   * @param {object} message
   * @returns {Promise<Record<string, unknown> | null>}
   */
  async function ask(message) {
    try {
      const answer = await chrome.runtime.sendMessage(message);
      return typeof answer === 'object' && answer !== null ? answer : null;
    } catch {
      return null;
    }
  }

  /** @returns {Speech} */
  function createSpeech() {
    /** The page's speechSynthesis once the worker said it has no chrome.tts (null: neither). */
    let local = /** @type {Speech | null | undefined} */ (undefined);
    let nextId = 0;
    /** @type {{id: number, onEvent: (type: SpeechEventType, charIndex: number) => void} | null} */
    let current = null;
    let listening = false;

    /**
     * @param {unknown} message
     * @param {chrome.runtime.MessageSender} sender
     */
    function onMessage(message, sender) {
      if (sender.id !== chrome.runtime.id || sender.tab) return; // only our worker
      const m = /** @type {Record<string, unknown> | null} */ (typeof message === 'object' ? message : null);
      if (!m || m.type !== MSG.TTS_EVENT || !current || m.id !== current.id || typeof m.eventType !== 'string') return;
      current.onEvent(/** @type {SpeechEventType} */ (m.eventType), typeof m.charIndex === 'number' ? m.charIndex : 0);
    }

    /** @type {Speech} */
    const speech = {
      async voices() {
        if (local !== undefined) return local ? local.voices() : [];
        const answer = await ask({ type: MSG.TTS_VOICES });
        if (answer?.ok === true && Array.isArray(answer.voices)) {
          return answer.voices
            .filter((v) => typeof v?.name === 'string')
            .map((v) => ({ name: String(v.name), lang: typeof v.lang === 'string' ? v.lang : '', remote: v.remote === true }));
        }
        local = readAloud.speechSynthesisSpeech();
        return local ? local.voices() : [];
      },
      speak(text, options, onEvent) {
        if (local) {
          local.speak(text, options, onEvent);
          return;
        }
        if (!listening) {
          chrome.runtime.onMessage.addListener(onMessage);
          listening = true;
        }
        const id = ++nextId;
        current = { id, onEvent };
        void ask({ type: MSG.TTS_SPEAK, id, text, rate: options.rate, voice: options.voice, lang: options.lang }).then((answer) => {
          if (answer?.ok !== true && current?.id === id) onEvent('error', 0);
        });
      },
      stop() {
        current = null;
        if (local) local.stop();
        else void ask({ type: MSG.TTS_STOP });
      },
    };
    // Leaving the page (a link, a reload, the tab closing) stops the worker's
    // speech too: it lives on after this document otherwise.
    root.addEventListener?.('pagehide', (/** @type {Event} */ event) => {
      if (event.isTrusted && current) speech.stop();
    });
    return speech;
  }

  /** @type {ReadAloudPrefs} */
  const prefs = {
    async load() {
      try {
        return (await chrome.storage.local.get('readAloud')).readAloud ?? null;
      } catch {
        return null; // the extension was reloaded: its APIs are gone
      }
    },
    save(value) {
      try {
        chrome.storage.local.set({ readAloud: value }).catch(() => {});
      } catch {
        // the extension was reloaded: nothing to save to
      }
    },
  };

  /** @type {QuireTtsRelay} */
  const api = Object.freeze({ createSpeech, prefs });
  root.quireTtsRelay = api;
})(globalThis);

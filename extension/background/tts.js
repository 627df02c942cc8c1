// @ts-check
/**
 * @file Read aloud in Chromium: the worker speaks for the reader with
 * `chrome.tts` (which exists only here, not in content scripts) and relays
 * each utterance's events to the tab that asked.
 *
 * - `content→worker:tts-voices`: answers `{ok: true, voices}` (name and
 *   language of each, and whether it is a network service), or `{ok: false, error}` where the browser has no
 *   `chrome.tts` (Firefox): the reader then uses `speechSynthesis` itself.
 * - `content→worker:tts-speak` `{id, text, rate, voice, lang}`: speaks the
 *   text (cutting off anything being said) and answers `{ok: true}`; every
 *   event of that utterance goes back to the frame that asked as
 *   `worker→content:tts-event` `{id, eventType, charIndex}`.
 * - `content→worker:tts-stop`: stops speaking, if this tab's reader is what
 *   is being spoken.
 *
 * Only our own content scripts, in a tab's top frame, are answered (the
 * manifest has no `externally_connectable`, so pages cannot send at all).
 * Kept free of `chrome.*`: worker.js passes the API in, node tests pass a fake.
 */

/**
 * The part of `chrome.tts` used here.
 * @typedef {object} TtsApi
 * @property {() => Promise<{voiceName?: string, lang?: string, remote?: boolean}[]>} getVoices
 * @property {(text: string, options: {rate?: number, voiceName?: string, lang?: string, onEvent: (event: {type: string, charIndex?: number}) => void}) => Promise<void> | void} speak
 * @property {() => void} stop
 */

/**
 * @typedef {object} TtsSender
 * @property {string} [id]
 * @property {{id?: number}} [tab]
 * @property {number} [frameId]
 */

/** The message types, as in shared/messages.js. */
export const TTS_MSG = Object.freeze({
  VOICES: 'content→worker:tts-voices',
  SPEAK: 'content→worker:tts-speak',
  STOP: 'content→worker:tts-stop',
  EVENT: 'worker→content:tts-event',
});

/** The longest text spoken at once (chrome.tts takes up to 32,768 characters). */
export const MAX_TTS_CHARS = 32_768;

/**
 * @param {object} options
 * @param {TtsApi | undefined} options.tts `chrome.tts`, undefined where the browser lacks it.
 * @param {string} options.extensionId
 * @param {(tabId: number, frameId: number, message: object) => void} options.sendToTab
 * @returns {{handles: (message: unknown) => boolean, answer: (message: unknown, sender: TtsSender, sendResponse: (response: unknown) => void) => boolean}}
 */
export function createTtsRelay({ tts, extensionId, sendToTab }) {
  /** The tab whose reader is being spoken, or null. */
  let speakingTab = /** @type {number | null} */ (null);
  const types = new Set([TTS_MSG.VOICES, TTS_MSG.SPEAK, TTS_MSG.STOP]);

  /**
   * @param {unknown} message
   * @returns {message is Record<string, unknown>}
   */
  function handles(message) {
    return typeof message === 'object' && message !== null && types.has(/** @type {{type?: any}} */ (message).type);
  }

  /**
   * @param {unknown} message
   * @param {TtsSender} sender
   * @param {(response: unknown) => void} sendResponse
   * @returns {boolean} whether the answer comes later
   */
  function answer(message, sender, sendResponse) {
    if (!handles(message)) return false;
    const tabId = sender.tab?.id;
    if (sender.id !== extensionId || typeof tabId !== 'number' || sender.frameId !== 0) return false; // not ours: no answer
    if (!tts) {
      sendResponse({ ok: false, error: 'this browser has no chrome.tts' });
      return false;
    }
    if (message.type === TTS_MSG.VOICES) {
      Promise.resolve(tts.getVoices()).then(
        (voices) =>
          sendResponse({
            ok: true,
            voices: voices.filter((v) => typeof v.voiceName === 'string' && v.voiceName !== '').map((v) => ({ name: v.voiceName, lang: v.lang ?? '', remote: v.remote === true })),
          }),
        (error) => sendResponse({ ok: false, error: String(error) }),
      );
      return true;
    }
    if (message.type === TTS_MSG.STOP) {
      if (speakingTab === tabId) {
        speakingTab = null;
        tts.stop();
      }
      sendResponse({ ok: true });
      return false;
    }
    const { id, text, rate, voice, lang } = message;
    if (typeof id !== 'number' || typeof text !== 'string' || text.length > MAX_TTS_CHARS || typeof rate !== 'number' || !(rate >= 0.1 && rate <= 10)) {
      sendResponse({ ok: false, error: 'Bad request: a speak request needs an id, a text and a rate' });
      return false;
    }
    /** @type {{rate: number, voiceName?: string, lang?: string, onEvent: (event: {type: string, charIndex?: number}) => void}} */
    const options = {
      rate,
      onEvent: (event) => sendToTab(tabId, 0, { type: TTS_MSG.EVENT, id, eventType: event.type, charIndex: event.charIndex ?? 0 }),
    };
    if (typeof voice === 'string' && voice !== '') options.voiceName = voice;
    else if (typeof lang === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) options.lang = lang;
    speakingTab = tabId;
    Promise.resolve()
      .then(() => tts.speak(text, options))
      .then(
        () => sendResponse({ ok: true }),
        (error) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  }

  return { handles, answer };
}

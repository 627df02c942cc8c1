// @ts-check
/**
 * A small client for Marionette, Firefox's own remote protocol (the one
 * geckodriver speaks to Firefox), with nothing but Node's `net`: Debian has
 * no geckodriver package, and Marionette is in every Firefox.
 *
 * The protocol: a TCP stream of packets `<byte length>:<JSON>`. Firefox
 * first sends a greeting (`{"applicationType":"gecko","marionetteProtocol":3}`);
 * then each command is `[0, id, name, params]` and its answer
 * `[1, id, error, result]`. The command names are those of
 * remote/marionette/driver.sys.mjs (`WebDriver:Navigate`,
 * `Marionette:SetContext`, `Addon:Install`, ...).
 */
import { connect } from 'node:net';

/**
 * An error Marionette answered with.
 */
export class MarionetteError extends Error {
  /**
   * @param {string} command
   * @param {{error?: string, message?: string, stacktrace?: string}} detail
   */
  constructor(command, detail) {
    super(`${command}: ${detail.error ?? 'error'}: ${detail.message ?? JSON.stringify(detail)}`);
    this.name = 'MarionetteError';
    /** The WebDriver error code, e.g. `javascript error`, `no such element`. */
    this.code = detail.error ?? '';
    /** Firefox's stack trace, for debugging. */
    this.remoteStack = detail.stacktrace ?? '';
  }
}

/** One connection to Marionette. */
export class Marionette {
  /** @type {import('node:net').Socket} */
  #socket;
  #nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, name: string}>} */
  #pending = new Map();
  /** @type {Buffer} */
  #buffer = Buffer.alloc(0);
  /** @type {((greeting: any) => void) | null} */
  #onGreeting = null;
  #closed = false;

  /** @param {import('node:net').Socket} socket */
  constructor(socket) {
    this.#socket = socket;
    socket.on('data', (chunk) => this.#receive(chunk));
    socket.on('close', () => {
      this.#closed = true;
      for (const { reject, name } of this.#pending.values()) reject(new Error(`${name}: the Marionette connection closed`));
      this.#pending.clear();
    });
    socket.on('error', () => {});
  }

  /**
   * Connects to Marionette on 127.0.0.1:`port`, trying again until Firefox
   * listens (up to `timeout` ms), and reads its greeting.
   * @param {number} port
   * @param {number} [timeout]
   * @returns {Promise<Marionette>}
   */
  static async connect(port, timeout = 30_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const socket = await new Promise((resolve, reject) => {
          const s = connect(port, '127.0.0.1');
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
        const client = new Marionette(/** @type {import('node:net').Socket} */ (socket));
        const greeting = await Promise.race([
          new Promise((resolve) => {
            client.#onGreeting = resolve;
          }),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no Marionette greeting within 10 s')), 10_000)),
        ]);
        if (/** @type {any} */ (greeting).marionetteProtocol !== 3) throw new Error(`unexpected Marionette greeting ${JSON.stringify(greeting)}`);
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`could not connect to Marionette on port ${port} within ${timeout} ms`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** @param {Buffer} chunk */
  #receive(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const colon = this.#buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString('ascii'));
      if (this.#buffer.length < colon + 1 + length) return;
      const body = this.#buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      const message = JSON.parse(body);
      if (!Array.isArray(message)) {
        this.#onGreeting?.(message);
        this.#onGreeting = null;
        continue;
      }
      const [, id, error, result] = message;
      const waiting = this.#pending.get(id);
      if (!waiting) continue;
      this.#pending.delete(id);
      if (error) waiting.reject(new MarionetteError(waiting.name, error));
      else waiting.resolve(result);
    }
  }

  /**
   * Sends a command and returns its result.
   * @param {string} name e.g. `WebDriver:Navigate`
   * @param {object} [params]
   * @returns {Promise<any>}
   */
  send(name, params = {}) {
    if (this.#closed) return Promise.reject(new Error(`${name}: the Marionette connection is closed`));
    const id = this.#nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, name });
      this.#socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
    });
  }

  /** Closes the connection. */
  close() {
    this.#socket.destroy();
  }
}

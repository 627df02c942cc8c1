// @ts-check
/**
 * Serves a folder on 127.0.0.1 until interrupted (used by `make demo`).
 *   node scripts/serve.mjs DIR [PORT]      PORT defaults to $PORT or 8080
 */
import { serve } from '../tests/e2e/lib.mjs';

const [root, portArg] = process.argv.slice(2);
if (!root) {
  console.error('usage: node scripts/serve.mjs DIR [PORT]');
  process.exit(2);
}
const port = Number(portArg || process.env.PORT || 8080);
const served = await serve({ root, port });
console.log(`serving ${root} at ${served.url('/')} (Ctrl-C to stop)`);
process.on('SIGINT', () => served.close().then(() => process.exit(0)));

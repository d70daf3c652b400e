/**
 * The language server's executable (dist/server.js, what editors start): runs the server bundle
 * (dist/server-main.js) with a V8 code cache (start/codeCache.ts). Without it, the first analysis
 * after opening a file was mostly V8 compiling the functions it runs for the first time.
 */
import path = require('path');
import v8 = require('v8');
import { runBundle, startBundle } from './codeCache';
import type { ServerMain } from '../server';

/** A hash of dist/server-main.js, put here by the build: a cache is only ever used for the bundle it was made from. */
declare const BUNDLE_HASH: string | undefined;

const MAIN = path.join(__dirname, 'server-main.js');

// The server runs under this flag (server.ts says why). Set before the bundle is compiled: V8
// checks a cache against the flags at compile time, and the server writes its cache under it.
v8.setFlagsFromString('--liftoff-only');

if (require.main === module) {
  const { exports: server, cache } = startBundle<ServerMain>('server', MAIN, typeof BUNDLE_HASH === 'string' ? BUNDLE_HASH : undefined, module);
  server.start(cache);
} else {
  module.exports = runBundle<ServerMain>(MAIN, module).exports;
}

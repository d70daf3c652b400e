/**
 * The `go-dockerfile` executable (dist/cli.js): starts the command line bundle (dist/cli-main.js)
 * with a V8 code cache (start/codeCache.ts), written once after the first lint that did not
 * change V8's flags.
 *
 * Required as a module (tests, other programs), this file is the bundle itself, uncached.
 */
import path = require('path');
import { runBundle, startBundle } from './codeCache';

/** A hash of dist/cli-main.js, put here by the build: a cache is only ever used for the bundle it was made from. */
declare const BUNDLE_HASH: string | undefined;

interface CliMain {
  run(argv: string[]): Promise<number>;
  worthCaching(argv: string[]): boolean;
}

const MAIN = path.join(__dirname, 'cli-main.js');

if (require.main === module) {
  const { exports: cli, cache } = startBundle<CliMain>('cli', MAIN, typeof BUNDLE_HASH === 'string' ? BUNDLE_HASH : undefined, module);
  const argv = process.argv.slice(2);
  void cli.run(argv).then(() => {
    if (cache.wanted && cli.worthCaching(argv)) cache.save();
  });
} else {
  module.exports = runBundle<CliMain>(MAIN, module).exports;
}

/**
 * The `go-dockerfile` executable (dist/cli.js): starts a command line bundle with a V8 code cache
 * (start/codeCache.ts), written once after the first lint that did not change V8's flags. A lint
 * runs dist/cli-lint.js (cliLint.ts: what a lint needs, nothing else); every other command the
 * whole command line, dist/cli-main.js.
 *
 * Required as a module (tests, other programs), this file is the bundle itself, uncached.
 */
import path = require('path');
import { runBundle, startBundle } from './codeCache';

/** Hashes of dist/cli-main.js and dist/cli-lint.js, put here by the build: a cache is only ever used for the bundle it was made from. */
declare const BUNDLE_HASH: string | undefined;
declare const LINT_BUNDLE_HASH: string | undefined;

interface CliMain {
  run(argv: string[]): Promise<number>;
  worthCaching(argv: string[]): boolean;
}

const MAIN = path.join(__dirname, 'cli-main.js');

if (require.main === module) {
  const argv = process.argv.slice(2);
  const lintOnly = argv[0] === 'lint';
  const bundle = lintOnly ? path.join(__dirname, 'cli-lint.js') : MAIN;
  const hash = lintOnly ? (typeof LINT_BUNDLE_HASH === 'string' ? LINT_BUNDLE_HASH : undefined) : typeof BUNDLE_HASH === 'string' ? BUNDLE_HASH : undefined;
  const { exports: cli, cache } = startBundle<CliMain>('cli', bundle, hash, module);
  void cli.run(argv).then(() => {
    if (cache.wanted && cli.worthCaching(argv)) cache.save();
  });
} else {
  module.exports = runBundle<CliMain>(MAIN, module).exports;
}

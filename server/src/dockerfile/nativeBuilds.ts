/**
 * Commands of a RUN that compile native code against the system's headers and libraries: the
 * language package installers that build C extensions from source (pip and its kin, gem, npm's
 * node-gyp, PHP's extension installers, R's install.packages, cpan) and the compilers and build
 * tools themselves. A stage that runs one needs its -dev packages at that step (GD208), and pip's
 * source builds need a compiler (GD303).
 */
import * as path from 'node:path';
import type { Instruction } from './model';

/**
 * A Python package install: `pip install` (pip3, `python3 -m pip`), `uv pip install`/`uv sync`,
 * `poetry install`, `pipenv install`/`sync`, `pdm install`/`sync` (apache/incubator-devlake's
 * backend: `python3 -m pip install -r python/requirements.txt`, which builds mysqlclient and
 * psycopg2 from source).
 */
export function installsPython(argv: readonly string[]): boolean {
  const { prog, rest } = program(argv);
  if (/^pip(\d+(\.\d+)?)?$/.test(prog)) return rest.includes('install');
  if (/^python(\d+(\.\d+)?)?$/.test(prog)) {
    const m = rest.indexOf('-m');
    return m >= 0 && /^pip(\d|$)/.test(rest[m + 1] ?? '') && rest.slice(m + 2).includes('install');
  }
  if (prog === 'uv') return rest[0] === 'sync' || (rest[0] === 'pip' && (rest[1] === 'install' || rest[1] === 'sync'));
  if (prog === 'poetry') return rest[0] === 'install';
  if (prog === 'pipenv' || prog === 'pdm') return rest[0] === 'install' || rest[0] === 'sync';
  return false;
}

/**
 * A command that may compile native code: a Python package install (installsPython), `gem
 * install`, `bundle install`, `npm install`/`ci` (and yarn, pnpm: node-gyp), `docker-php-ext-install`,
 * `pecl install`, R's `install.packages` (`R -e …`, `Rscript`), `cpan`/`cpanm`, `cargo
 * build`/`install`, `go build`/`install`, `./configure`, `make`, `cmake`, `ninja` and the C
 * compilers (dolthub/dolt's client-test image installs MySQL's -dev packages for
 * `docker-php-ext-install mysqli` and R's RMySQL, built in its final stage).
 */
export function compilesNative(argv: readonly string[]): boolean {
  if (installsPython(argv)) return true;
  const { prog, rest } = program(argv);
  if (prog === 'gem' || prog === 'bundle' || prog === 'bundler') return rest[0] === 'install' || (prog !== 'gem' && rest.length === 0);
  if (prog === 'npm' || prog === 'yarn' || prog === 'pnpm') return rest.length === 0 || ['install', 'i', 'ci', 'add', 'rebuild'].includes(rest[0]);
  if (prog === 'pecl' || prog === 'cargo') return rest[0] === 'install' || rest[0] === 'build';
  if (prog === 'go') return rest[0] === 'build' || rest[0] === 'install';
  if (prog === 'R' || prog === 'Rscript') return rest.some((a) => a.includes('install.packages') || a.includes('install_github'));
  return /^(docker-php-ext-install|cpanm?|configure|make|gmake|cmake|ninja|gcc|g\+\+|cc|c\+\+|clang|clang\+\+)(-\d+(\.\d+)*)?$/.test(prog);
}

/** Whether a RUN runs a command for which `test` holds (its parsed shell commands, or its exec form). */
export function runRuns(instr: Instruction, test: (argv: readonly string[]) => boolean): boolean {
  if (instr.keyword !== 'RUN') return false;
  return instr.script ? instr.script.parsed.commands.some((c) => test(c.argv.map((w) => w.value))) : test(instr.json ?? []);
}

/** The program a command runs (its base name, after `sudo`/`exec`) and its arguments. */
function program(argv: readonly string[]): { prog: string; rest: readonly string[] } {
  let k = 0;
  while (argv[k] === 'sudo' || argv[k] === 'exec') k++;
  return { prog: path.posix.basename(argv[k] ?? ''), rest: argv.slice(k + 1) };
}

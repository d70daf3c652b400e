/**
 * `go-dockerfile lint` alone (dist/cli-lint.js, which start/cli.ts runs for a lint): the analysis
 * and the workspace reader without the generator, the layer model and the measuring build. Those
 * were a quarter of the bundle every lint read and initialised, the start a pre-commit hook waits
 * for on every file. The full command line (cli.ts) runs every other command.
 */
import { HELP, wantsHelp } from './cli/help';
import { writeLine } from './cli/io';
import { lint, parseLintArgs } from './cli/lint';
import { runProcess, withUsage } from './cli/process';
import { USAGE } from './cli/usage';
import { v8FlagsChanged } from './dockerfile/shell';

declare const VERSION: string | undefined;
const version = typeof VERSION === 'string' ? VERSION : '0.0.0-dev';

/** argv as cli.ts's main takes it; its first word is `lint`. */
export async function main(argv: string[], out = writeLine, err = (s: string) => console.error(s)): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'lint') {
    err(USAGE);
    return 2;
  }
  if (wantsHelp(rest)) {
    out(HELP.lint);
    return 0;
  }
  const io = { out, err };
  // lint loads the shell parser itself, only when a file needs it.
  return withUsage(io, () => lint(parseLintArgs(rest), io, version));
}

/** As cli.ts's: a lint's compiled code, unless the shell grammar changed V8's flags. */
export function worthCaching(argv: string[]): boolean {
  return !wantsHelp(argv.slice(1)) && !v8FlagsChanged();
}

export function run(argv: string[]): Promise<number> {
  return runProcess((a) => main(a), argv);
}

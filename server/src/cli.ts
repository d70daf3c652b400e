/**
 * The command line: `go-dockerfile lint | ...`. Exit codes: 0 clean, 1 findings at or above
 * --fail-on, 2 usage error or unreadable file.
 */
import { initAnalysis } from './analysis';
import { v8FlagsChanged } from './dockerfile/shell';
import { generateCommand, parseGenerateArgs } from './cli/generate';
import { layers, parseLayersArgs } from './cli/layers';
import { HELP, isCommand, wantsHelp } from './cli/help';
import { lint, parseLintArgs } from './cli/lint';
import { UsageError, writeLine, type Io } from './cli/io';
import { runProcess, withUsage } from './cli/process';
import { USAGE } from './cli/usage';

declare const VERSION: string | undefined;
const version = typeof VERSION === 'string' ? VERSION : '0.0.0-dev';

export type { JsonFinding } from './cli/lint';

export async function main(argv: string[], out = writeLine, err = (s: string) => console.error(s)): Promise<number> {
  const io: Io = { out, err };
  const [command, ...rest] = argv;
  // `lint --help`, `help lint`: the command's own help, before its options are checked.
  if (isCommand(command) && wantsHelp(rest)) {
    out(HELP[command]);
    return 0;
  }
  if (command === 'help' && isCommand(rest[0])) {
    out(HELP[rest[0]]);
    return 0;
  }
  return withUsage(io, async () => {
    switch (command) {
      case 'lint': {
        // lint loads the shell parser itself, only when a file needs it.
        return await lint(parseLintArgs(rest), io, version);
      }
      case 'generate':
        return await generateCommand(parseGenerateArgs(rest), io);
      case 'layers': {
        const opts = parseLayersArgs(rest);
        await initAnalysis();
        return await layers(opts, io);
      }
      case '--version':
      case '-V':
      case 'version':
        out(version);
        return 0;
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return 0;
      case undefined:
        err(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  });
}

/**
 * Whether the code V8 compiled for this run is worth caching (start/cli.ts writes the cache once):
 * a lint's, which needs a fast start and compiled what a lint runs, not --version's or --help's;
 * and not after the shell grammar changed V8's flags (a fresh process would reject that cache).
 */
export function worthCaching(argv: string[]): boolean {
  return argv[0] === 'lint' && !wantsHelp(argv.slice(1)) && !v8FlagsChanged();
}

/** The command line as a process runs it (start/cli.ts): sets the exit code, prints a crash. */
export function run(argv: string[]): Promise<number> {
  return runProcess((a) => main(a), argv);
}

if (require.main === module) void run(process.argv.slice(2));

/** What the two command-line bundles (cli.ts, cliLint.ts) share around a command: exit codes, usage errors, crashes. */
import { preferBaselineWasmTier } from '../dockerfile/shell';
import { UsageError, type Io } from './io';
import { USAGE } from './usage';

/** The command's exit code; a UsageError prints the usage and gives 2. */
export async function withUsage(io: Io, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`go-dockerfile: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/** The command line as a process runs it (start/cli.ts): sets the exit code, prints a crash. */
export function runProcess(main: (argv: string[]) => Promise<number>, argv: string[]): Promise<number> {
  // A short run: the shell grammar, when a file needs it, is compiled by V8's baseline tier only.
  preferBaselineWasmTier();
  return main(argv).then((code) => (process.exitCode = code), (e) => {
    console.error(e);
    return (process.exitCode = 2);
  });
}

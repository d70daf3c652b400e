/**
 * `node dist/measure.js '<json MeasureOptions>'`: the measuring build the VS Code client runs
 * (in a trusted workspace, on the user's click). The builder's output goes to stderr, the
 * measurement (JSON) to stdout; SIGTERM/SIGINT stop the builder. A bundle of its own: the .vsix
 * does not ship the CLI.
 */
import { MeasureError, measureBuild, type MeasureOptions } from './run';

async function main(): Promise<number> {
  let opts: MeasureOptions;
  try {
    opts = JSON.parse(process.argv[2] ?? '') as MeasureOptions;
    if (typeof opts.dockerfile !== 'string' || typeof opts.context !== 'string') throw new Error('dockerfile and context are required');
  } catch (e) {
    process.stderr.write(`go-dockerfile measure: expected one JSON argument {dockerfile, context, ...}: ${(e as Error).message}\n`);
    return 2;
  }
  const abort = new AbortController();
  process.once('SIGTERM', () => abort.abort());
  process.once('SIGINT', () => abort.abort());
  try {
    const m = await measureBuild(opts, {
      signal: abort.signal,
      onCommand: (argv) => process.stderr.write(`go-dockerfile: measuring with ${argv[0]}: ${argv.join(' ')}\n`),
      onOutput: (line) => process.stderr.write(`  ${line}\n`),
    });
    process.stdout.write(JSON.stringify(m));
    return 0;
  } catch (e) {
    process.stderr.write(`go-dockerfile: ${(e as Error).message}\n`);
    return e instanceof MeasureError && e.cancelled ? 130 : 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});

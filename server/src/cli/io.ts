import * as fs from 'fs';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** A mistake in the command line: exit 2 with the usage. */
export class UsageError extends Error {}

let stdoutStream = process.platform === 'win32';
let stdoutClosed = false;

/**
 * console.log, written straight to the file descriptor: creating process.stdout (a stream over
 * the pipe or file) is about 10 ms of every CLI start. Where the descriptor would block (a
 * non-blocking pipe: EAGAIN) or fails otherwise, and on Windows, through process.stdout from
 * then on, so lines keep their order. A closed pipe (`| head`) ends the output quietly.
 */
export function writeLine(s: string): void {
  if (stdoutClosed) return;
  const buf = Buffer.from(`${s}\n`);
  let at = 0;
  while (!stdoutStream && at < buf.length) {
    try {
      at += fs.writeSync(1, buf, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        stdoutClosed = true;
        return;
      }
      // EAGAIN, or anything else odd: leave it to the stream, as console.log would.
      stdoutStream = true;
    }
  }
  if (at < buf.length) process.stdout.write(buf.subarray(at));
}

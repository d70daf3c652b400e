/**
 * The thread of the library's syntax check (dist/syntax-worker.js, started by syntaxCheck.ts):
 * dockerfile-utils' `validate`, which is what dockerfile-language-service's `validate` calls,
 * without the rest of the service. One request at a time, answered with the same uri and version.
 */
import { validate } from 'dockerfile-utils';
import { format } from 'util';
import { parentPort } from 'worker_threads';
import type { SyntaxLog, SyntaxReply, SyntaxRequest } from './syntaxCheck';

// This thread's stdout goes nowhere (the server's is the LSP stream): anything the library
// prints goes to the server's log.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[level] = (...args: unknown[]) => parentPort?.postMessage({ log: format(...args) } satisfies SyntaxLog);
}

parentPort?.on('message', (req: SyntaxRequest) => {
  let reply: SyntaxReply;
  try {
    reply = { id: req.id, uri: req.uri, version: req.version, diagnostics: validate(req.text) };
  } catch (e) {
    // The library failing on a text is an answer (no syntax diagnostics), not a reason to restart.
    reply = { id: req.id, uri: req.uri, version: req.version, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(reply);
});

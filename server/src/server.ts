import * as v8 from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import type { CodeCache } from './start/codeCache';

/** The server bundle (dist/server-main.js), as its starter (start/server.ts) runs it. */
export interface ServerMain {
  start(cache?: CodeCache): void;
}

/** How long after the first diagnostics the code cache is written: past the first burst of requests an open brings. */
const CODE_CACHE_DELAY_MS = 1500;

/**
 * Starts the server on the process's own transport: `node dist/server.js --stdio` (any editor)
 * or IPC from the VS Code client (createConnection picks it from the command line).
 */
export function start(cache?: CodeCache): void {
  // V8 otherwise compiles the whole tree-sitter-bash WebAssembly a second time with its optimizing
  // tier, in background threads, at every start (about 1.5 s of CPU competing with the first
  // analysis on a small machine), and holds the process at exit until that is done. Scripts are
  // parsed once each (shell parses are cached by text), so the baseline tier is fast enough.
  // (The starter sets it already, before compiling the bundle; here for a bundle run without it.)
  v8.setFlagsFromString('--liftoff-only');

  // Every keystroke's analysis allocates a lot that dies young, and V8 answers a high allocation
  // rate by growing the heap up to four times what is live: a 14,000-line file's server sat at
  // 3-6x its RSS after opening, with about 50 MB live. Growing by a fifth keeps it near what is
  // live, for a few percent more time in the collector. Only once the first diagnostics are out:
  // while the first analysis builds up what is live, it would collect many times over.
  const heapNearLive = () => v8.setFlagsFromString('--heap-growing-percent=20');
  // The first analysis runs without V8's optimizing compiler: in a fresh process it optimizes the
  // analysis's functions on the feedback of a few instructions, and the background compiles,
  // their deoptimizations and the compiles again cost more than they save in that one pass (the
  // first diagnostics of a 1,400-line file came about a third sooner without it, on 2 busy cores).
  // On again once the first diagnostics are out or the idle warm-up starts: typing needs it.
  v8.setFlagsFromString('--no-opt');
  const connection = createConnection(ProposedFeatures.all);
  let optimizing = false;
  const optimize = (why: string) => {
    if (optimizing) return;
    optimizing = true;
    v8.setFlagsFromString('--opt');
    connection.console.log(`V8 optimizing compiler on (${why})`);
  };
  // The code cache holds what was compiled so far: made after the idle warm-up (lsp/warmUp.ts)
  // when there was one, else off the path of the first answer. Before the heap flag: V8 rejects
  // a cache made under other flags than the next start's.
  let cacheSaved = false;
  const saveCache = () => {
    if (cacheSaved || !cache?.wanted) return;
    cacheSaved = true;
    const t0 = Date.now();
    const written = cache.save();
    connection.console.log(written ? `V8 code cache written (${Date.now() - t0} ms)` : 'V8 code cache not written');
  };
  const firstAnswer = () => {
    optimize('first diagnostics sent');
    if (!cache?.wanted || cacheSaved) return heapNearLive();
    setTimeout(() => {
      saveCache();
      heapNearLive();
    }, CODE_CACHE_DELAY_MS).unref();
  };
  startServer(connection, { firstAnswer, warmingUp: () => optimize('idle warm-up'), warmedUp: saveCache });
  if (cache) connection.console.log(`V8 code cache: ${cache.state}`);
}

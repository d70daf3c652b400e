import * as v8 from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// V8 otherwise compiles the whole tree-sitter-bash WebAssembly a second time with its optimizing
// tier, in background threads, at every start (about 1.5 s of CPU competing with the first
// analysis on a small machine), and holds the process at exit until that is done. Scripts are
// parsed once each (shell parses are cached by text), so the baseline tier is fast enough.
v8.setFlagsFromString('--liftoff-only');

// Every keystroke's analysis allocates a lot that dies young, and V8 answers a high allocation
// rate by growing the heap up to four times what is live: a 14,000-line file's server sat at
// 3-6x its RSS after opening, with about 50 MB live. Growing by a fifth keeps it near what is
// live, for a few percent more time in the collector.
v8.setFlagsFromString('--heap-growing-percent=20');

// `node dist/server.js --stdio` (any editor) or over IPC from the VS Code client:
// createConnection picks the transport from the command line.
startServer(createConnection(ProposedFeatures.all));

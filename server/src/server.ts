import * as v8 from 'v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// V8 otherwise compiles the whole tree-sitter-bash WebAssembly a second time with its optimizing
// tier, in background threads, at every start (about 1.5 s of CPU competing with the first
// analysis on a small machine), and holds the process at exit until that is done. Scripts are
// parsed once each (shell parses are cached by text), so the baseline tier is fast enough.
v8.setFlagsFromString('--liftoff-only');

// `node dist/server.js --stdio` (any editor) or over IPC from the VS Code client:
// createConnection picks the transport from the command line.
startServer(createConnection(ProposedFeatures.all));

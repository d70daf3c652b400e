import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// `node dist/server.js --stdio` (any editor) or over IPC from the VS Code client:
// createConnection picks the transport from the command line.
startServer(createConnection(ProposedFeatures.all));

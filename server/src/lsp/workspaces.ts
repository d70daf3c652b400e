/**
 * Which Go workspace (build context) an open Dockerfile belongs to, loaded once per context.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { FileExists, WorkspaceModel } from '../workspace/model';

export interface WorkspaceEntry {
  root: string;
  model?: WorkspaceModel;
  fileExists: FileExists;
}

export class WorkspaceIndex {
  private readonly byRoot = new Map<string, WorkspaceEntry>();
  constructor(private readonly log: (m: string) => void) {}

  forDocument(uri: string, override?: string): WorkspaceEntry | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const root = override ? path.resolve(path.dirname(file), override) : nearestModuleRoot(path.dirname(file));
    if (!root) return undefined;
    let entry = this.byRoot.get(root);
    if (!entry) {
      entry = { root, fileExists: (rel) => fs.existsSync(path.join(root, rel)) };
      this.byRoot.set(root, entry);
      this.log(`build context ${root}`);
    }
    return entry;
  }

  /** WorkspaceEdit changes that create a context-relative file (never overwriting one). */
  createFileChanges(docUri: string, rel: string, text: string, override?: string) {
    const root = this.forDocument(docUri, override)?.root;
    if (!root) return [];
    const uri = pathToFileURL(path.join(root, rel)).href;
    return [
      { kind: 'create' as const, uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ];
  }
}

function nearestModuleRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'go.mod')) || fs.existsSync(path.join(d, 'go.work'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

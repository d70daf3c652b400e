/**
 * Which Go workspace (build context) an open Dockerfile belongs to, loaded once per context.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { RulesConfig } from '../rules/config';
import { findConfigFile, readConfigFile } from '../rules/configFile';
import type { FileExists, WorkspaceModel } from '../workspace/model';
import { nearestModuleRoot } from '../workspace/root';

export interface WorkspaceEntry {
  root: string;
  model?: WorkspaceModel;
  fileExists: FileExists;
}

export class WorkspaceIndex {
  private readonly byRoot = new Map<string, WorkspaceEntry>();
  /** Folder of a Dockerfile -> the repository's .go-dockerfile.json rules (read once). */
  private readonly configByDir = new Map<string, RulesConfig>();
  constructor(private readonly log: (m: string) => void) {}

  /** The `.go-dockerfile.json` rules that apply to a document ({} when there is none). */
  rulesConfigFor(uri: string): RulesConfig {
    if (!uri.startsWith('file:')) return {};
    const dir = path.dirname(fileURLToPath(uri));
    let rules = this.configByDir.get(dir);
    if (!rules) {
      const file = findConfigFile(dir);
      const read = file ? readConfigFile(file) : { rules: {} };
      if ('error' in read && read.error) this.log(`ignoring ${read.error}`);
      rules = read.rules;
      this.configByDir.set(dir, rules);
    }
    return rules;
  }

  /** A watched file changed: forget what it may have decided. */
  invalidate(changedUris: string[]): void {
    if (changedUris.some((u) => u.endsWith('/.go-dockerfile.json'))) this.configByDir.clear();
  }

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

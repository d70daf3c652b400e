/**
 * Which Go workspace (build context) an open Dockerfile belongs to. Each context is loaded
 * once, after the first diagnostics are out (workspace-independent findings never wait on
 * the scan), and kept fresh from file-change notifications.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { localPath } from '../driver/uris';
import { existsNoFollow, isInside } from '../workspace/safeRead';
import * as fs from 'fs';
import type { WorkspaceStatus } from '../protocol';
import type { RulesConfig } from '../rules/config';
import { buildContextRoot, repositoryRules } from '../driver/inputs';
import { loadWorkspace, type Workspace } from '../workspace/load';


interface Entry {
  root: string;
  ws?: Workspace;
}

export class WorkspaceIndex {
  private readonly byRoot = new Map<string, Entry>();
  private readonly rootByDocument = new Map<string, string | undefined>();
  /** Keys of rootByDocument whose goDockerfile.buildContext was ignored (outside the folders). */
  private readonly overrideIgnored = new Set<string>();
  /** Folder of a Dockerfile -> the repository's .go-dockerfile.json rules (read once). */
  private readonly configByDir = new Map<string, RulesConfig>();
  /** Editor workspace folders: a relative `goDockerfile.buildContext` is resolved against them. */
  folders: string[] = [];

  constructor(
    private readonly log: (m: string) => void,
    /** Called when a context finished loading or changed: re-lint its documents. */
    private readonly onChanged: (root: string) => void,
    /** Told when a context starts and ends being read (the client shows it). */
    private readonly onStatus: (status: WorkspaceStatus) => void = () => {},
    /** Resolves once the answers sent so far are written: a read (synchronous) starts after them. */
    private readonly answersWritten: () => PromiseLike<unknown> = () => Promise.resolve(),
  ) {}

  /** The build context root of a document, whether or not its workspace is loaded yet. */
  rootOf(uri: string, override?: string): string | undefined {
    if (localPath(uri) === undefined) return undefined;
    // Asked on every analysis (each keystroke): the walk up the folders is done once per document.
    const key = `${uri}\0${override ?? ''}`;
    if (this.rootByDocument.has(key)) return this.rootByDocument.get(key);
    const root = this.resolveRoot(uri, override, key);
    this.rootByDocument.set(key, root);
    return root;
  }

  /**
   * The document's build context is the one `goDockerfile.buildContext` gives (honoured: inside
   * the workspace folders), not the nearest go.mod's folder, a guess.
   */
  contextGiven(uri: string, override?: string): boolean {
    if (!override || override.trim() === '' || this.rootOf(uri, override) === undefined) return false;
    return !this.overrideIgnored.has(`${uri}\0${override}`);
  }

  private resolveRoot(uri: string, override: string | undefined, key: string): string | undefined {
    const file = localPath(uri);
    if (file === undefined) return undefined;
    const folder = this.folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
    const root = buildContextRoot(file, override, folder ?? path.dirname(file));
    if (override && root !== undefined && !this.insideFolders(root)) {
      // goDockerfile.buildContext may come from a repository's .vscode/settings.json: it never
      // makes the server read, list or edit files outside the editor's workspace folders.
      this.log(`ignoring goDockerfile.buildContext ${JSON.stringify(override)}: ${root} is outside the workspace folders`);
      this.overrideIgnored.add(key);
      return buildContextRoot(file, null);
    }
    return root;
  }

  /** Is `p` (real path) inside a workspace folder? With no folders (a single file opened), the check is left to the caller. */
  insideFolders(p: string): boolean {
    if (this.folders.length === 0) return true;
    const real = realPathOf(p);
    return this.folders.some((f) => isInside(realPathOf(f), real));
  }

  /**
   * May a fix edit or create this file? Its real path (through links, a dangling one included)
   * must stay inside a workspace folder, or inside the build context when there are no folders.
   */
  editAllowed(file: string, root: string): boolean {
    const real = realPathOf(file);
    return this.folders.length > 0 ? this.folders.some((f) => isInside(realPathOf(f), real)) : isInside(realPathOf(root), real);
  }

  /** The loaded workspace of a document; starts loading it (and returns undefined) the first time. */
  forDocument(uri: string, override?: string): Workspace | undefined {
    const root = this.rootOf(uri, override);
    if (!root) return undefined;
    let entry = this.byRoot.get(root);
    if (!entry) {
      const e: Entry = { root };
      entry = e;
      this.byRoot.set(root, e);
      this.onStatus({ root, state: 'reading' });
      // After the diagnostics of the analysis that asked: the timer alone ran before the
      // connection wrote them (its writes wait for a later turn), holding the first answer back.
      const load = () => {
        const started = Date.now();
        try {
          e.ws = loadWorkspace(root, { log: this.log });
          const ms = Date.now() - started;
          this.log(`read the Go workspace at ${root} in ${ms} ms (${e.ws.model.packages.length} packages)`);
          this.onStatus({ root, state: 'ready', packages: e.ws.model.packages.length, files: e.ws.model.context.sentFiles, ms });
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.log(`could not read the Go workspace at ${root}: ${message}`);
          this.onStatus({ root, state: 'failed', message });
          return;
        }
        this.onChanged(root);
      };
      setTimeout(() => void this.answersWritten().then(load, load), 0);
    }
    return entry.ws;
  }

  /** Watched files changed: update the workspaces they belong to, and forget config files. */
  filesChanged(uris: string[]): void {
    // A go.mod or go.work appearing or going away can move a document's build context.
    uris = uris.filter((u): u is string => typeof u === 'string');
    if (uris.some((u) => /\/go\.(mod|work)$/.test(u))) {
      this.rootByDocument.clear();
      this.overrideIgnored.clear();
    }
    if (uris.some((u) => u.endsWith('/.go-dockerfile.json'))) {
      this.configByDir.clear();
      for (const e of this.byRoot.values()) this.onChanged(e.root);
    }
    const paths = uris.map(localPath).filter((p): p is string => p !== undefined);
    // A `<Dockerfile>.dockerignore` (read with each analysis, driver/ignoreFile.ts; it may lie
    // outside the context): re-lint every context's documents.
    const ownIgnore = paths.some((p) => p.endsWith('.dockerignore') && path.basename(p) !== '.dockerignore');
    for (const e of this.byRoot.values()) {
      const mine = paths.filter((p) => p === e.root || p.startsWith(e.root + path.sep));
      if ((e.ws && mine.length > 0 && e.ws.update(mine)) || (e.ws && ownIgnore)) this.onChanged(e.root);
    }
  }

  /** The `.go-dockerfile.json` rules that apply to a document ({} when there is none). */
  rulesConfigFor(uri: string): RulesConfig {
    const file = localPath(uri);
    if (file === undefined) return {};
    const dir = path.dirname(file);
    let rules = this.configByDir.get(dir);
    if (!rules) {
      rules = repositoryRules(dir, this.log);
      this.configByDir.set(dir, rules);
    }
    return rules;
  }

  /** WorkspaceEdit changes that create a context-relative file (never overwriting one). */
  createFileChanges(docUri: string, rel: string, text: string, override?: string) {
    const root = this.rootOf(docUri, override);
    if (!root) return [];
    const file = path.join(root, rel);
    // Checked now, not when the workspace was read: without file watching a .dockerignore created
    // since would be written into (and a link, dangling or not, would be written through).
    if (existsNoFollow(file) || !this.editAllowed(file, root)) return null;
    const uri = pathToFileURL(file).href;
    return [
      { kind: 'create' as const, uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ];
  }
}

/** The real path of `p`; for a missing path, of its nearest existing folder plus the rest; through a dangling link, of its target. */
function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const st = fs.lstatSync(abs, { throwIfNoEntry: false });
    if (st?.isSymbolicLink()) {
      const target = path.resolve(path.dirname(abs), fs.readlinkSync(abs));
      return target === abs ? abs : realPathOf(target);
    }
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

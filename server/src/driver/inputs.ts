/**
 * The one driver: a Dockerfile path -> the inputs of its analysis. The CLI, the LSP and the
 * generator's self-check all go through here, so a Dockerfile is analysed with the same build
 * context, workspace and rule settings wherever it is linted.
 *
 *  - the build context: `--context` / `goDockerfile.buildContext`, else the nearest folder with
 *    go.mod or go.work; without either there is no Go workspace, and workspace rules stay silent;
 *  - the rule settings: the nearest `.go-dockerfile.json`, under the editor's setting code by code;
 *  - the workspace: loaded by the caller, who keeps it (the CLI per run, the LSP per context),
 *    seen through the Dockerfile's ignore file (./ignoreFile.ts).
 */
import * as path from 'node:path';
import type { AnalyzeOptions } from '../rules/analyze';
import type { RulesConfig } from '../rules/config';
import { resolveBuildContextDetailed } from '../workspace/context';
import type { Workspace } from '../workspace/load';
import type { ReleaseSource } from '../workspace/types';
import { releaseBuildsImages } from '../facts/releaseBuilds';
import { findConfigFile, mergeRulesConfig, readConfigFile } from './configFile';
import { workspaceForDockerfile } from './ignoreFile';

/**
 * The build context root of a Dockerfile; undefined when there is no Go workspace to read (no
 * override and no go.mod/go.work above it). `overrideBase`: what a relative override is relative to.
 */
export function buildContextRoot(dockerfilePath: string, override?: string | null, overrideBase?: string): string | undefined {
  const ctx = resolveBuildContextDetailed(dockerfilePath, override || null, overrideBase ? { overrideBase } : undefined);
  return ctx.reason === 'dockerfile-dir' ? undefined : ctx.root;
}

/** The `.go-dockerfile.json` rules for a Dockerfile's folder ({} when there is none; a broken file is logged and ignored). */
export function repositoryRules(dir: string, log: (m: string) => void): RulesConfig {
  const file = findConfigFile(dir);
  const read = file ? readConfigFile(file) : { rules: {} };
  if ('error' in read && read.error) log(`ignoring ${read.error}`);
  return read.rules;
}

/**
 * The analysis options from the pieces: the workspace (when loaded), the repository's rules, the
 * editor's or caller's rules. With the Dockerfile's path, the workspace is seen through the
 * ignore file BuildKit uses for it (`<Dockerfile>.dockerignore` first, ./ignoreFile.ts).
 */
export function analysisOptions(parts: {
  workspace?: Workspace; dockerfilePath?: string; repositoryRules?: RulesConfig; settings?: RulesConfig; target?: string; contextGiven?: boolean;
  /** The workspace of the Dockerfile's own folder (its nearest go.mod/go.work), loaded only when asked: see releaseSource. */
  ownWorkspace?: () => Workspace | undefined;
}): AnalyzeOptions {
  const rules = mergeRulesConfig(parts.repositoryRules ?? {}, parts.settings ?? {});
  const view = parts.workspace ? workspaceForDockerfile(parts.workspace, parts.dockerfilePath) : undefined;
  const dockerfile = parts.workspace && parts.dockerfilePath ? relativeInside(parts.workspace.root, parts.dockerfilePath) : undefined;
  const contextGiven = parts.contextGiven === true && view !== undefined;
  const release = contextGiven && dockerfile === undefined && !view?.model.module && parts.dockerfilePath && parts.ownWorkspace ? releaseSource(parts.dockerfilePath, parts.ownWorkspace) : undefined;
  return { rules, workspace: view?.model, files: view?.files, target: parts.target, contextGiven, dockerfile, ...(release ? { release } : {}) };
}

/** The path of `file` relative to `root` ('/'-separated); undefined when it lies outside. */
function relativeInside(root: string, file: string): string | undefined {
  const rel = path.relative(root, path.resolve(file)).split(path.sep).join('/');
  return rel && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel) ? rel : undefined;
}

/**
 * A Dockerfile built with a given context that lies outside its repository and holds no Go module
 * (goreleaser's temporary context of binaries: aquasecurity/tfsec's Dockerfile.scratch, google/osv-scanner's
 * goreleaser-action.dockerfile linted with `--context` that folder): when the repository around the
 * Dockerfile (its nearest go.mod/go.work) has a goreleaser config whose `dockers:`/`dockers_v2:`
 * entries build this Dockerfile, the programs are that repository's (RuleContext.release). Without
 * such a config, the repository is offered as `via: 'repository'`: its programs are the image's when
 * the Dockerfile installs its module's package by `go install <path>@<version>`.
 */
function releaseSource(dockerfilePath: string, ownWorkspace: () => Workspace | undefined): ReleaseSource | undefined {
  const own = ownWorkspace();
  const rel = own ? relativeInside(own.root, dockerfilePath) : undefined;
  if (!own || rel === undefined) return undefined;
  const goreleaser = releaseBuildsImages(own, rel);
  const view = workspaceForDockerfile(own, dockerfilePath);
  // Else the repository around the Dockerfile, when it holds a module: its programs count only where
  // the Dockerfile installs a package of that module by `go install <path>@<version>` (mjl-/mox
  // 1c95876 Dockerfile.release:8 `go install … github.com/mjl-/mox@$moxversion`, built with the empty
  // folder `empty` as context by docker-release.sh:44): facts/releaseBuilds.ts programSource decides.
  if (!goreleaser && !view.model.modules.some((m) => m.path !== '')) return undefined;
  return { workspace: view.model, files: view.files, dockerfile: rel, ...(goreleaser ? {} : { via: 'repository' as const }) };
}

/** Everything at once, for a caller that loads workspaces synchronously (the CLI). */
export function analysisInputs(
  dockerfilePath: string,
  opts: { context?: string; target?: string; settings?: RulesConfig; log: (m: string) => void; workspaceAt: (root: string) => Workspace },
): { root?: string; options: AnalyzeOptions } {
  const fromFile = repositoryRules(path.dirname(path.resolve(dockerfilePath)), opts.log);
  const root = buildContextRoot(dockerfilePath, opts.context);
  const workspace = root ? opts.workspaceAt(root) : undefined;
  // `--context`: the build context is the one given, not the nearest go.mod's folder (a guess).
  const contextGiven = opts.context !== undefined && opts.context.trim() !== '';
  const ownWorkspace = () => {
    const own = buildContextRoot(dockerfilePath);
    return own === undefined ? undefined : opts.workspaceAt(own);
  };
  return { root, options: analysisOptions({ workspace, dockerfilePath, repositoryRules: fromFile, settings: opts.settings, target: opts.target, contextGiven, ownWorkspace }) };
}

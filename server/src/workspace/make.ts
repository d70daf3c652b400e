/**
 * Constructors for hand-made models (rule tests, the generator's previews): every field filled
 * with the "nothing known" value, then the given overrides.
 */
import type { ContextSizes, GoModule, GoPackage, WorkspaceModel } from './model';

export function emptyContextSizes(): ContextSizes {
  return {
    sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0, entries: [],
    git: { kind: null, excluded: false, bytes: null }, partial: false,
  };
}

export function makeGoModule(over: Partial<GoModule> = {}): GoModule {
  const requirements = over.requirements ?? (over.requires ?? []).map((path, i) => ({ path, version: 'v0.0.0', indirect: false, line: i + 1 }));
  return {
    dir: '', path: 'example.com/m', goVersion: null, toolchain: null, requires: requirements.map((r) => r.path), hasGoSum: false,
    toolchainVersion: null, requirements, replaces: [], lines: { module: 1, go: null, toolchain: null }, goModExists: true, parseErrors: [],
    ...over,
  };
}

export function makeGoPackage(over: Partial<GoPackage> = {}): GoPackage {
  return {
    dir: '', name: 'main', isMain: false, imports: [], usesCgo: false, callsLoadLocation: false, setsUser: false, dockerSocket: false, readsCiJobEnv: false, importsTzdata: false, runsPrograms: [], runsDataNamed: [], httpClient: true, grpcTls: true, inClusterConfig: false, noDialImports: [],
    module: null, importPath: null, files: [], cgoFallback: false, generates: [], ...over,
  };
}

export function makeWorkspaceModel(over: Partial<WorkspaceModel> = {}): WorkspaceModel {
  const module = over.module ?? null;
  return {
    root: '/workspace', module, work: null, hasVendor: false, packages: [], dockerignore: null,
    modules: module ? [module] : [], vendor: null, context: emptyContextSizes(), truncated: false,
    ...over,
  };
}

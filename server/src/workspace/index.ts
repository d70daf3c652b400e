/** The Go workspace model: public API for rules, the generator, the layer model and the LSP. */
export * from './model';
export { resolveBuildContext, resolveBuildContextDetailed, dockerignoreFileFor, type ResolvedContext, type ContextReason, type ResolveOptions } from './context';
export { parseGoMod, type GoModFile } from './gomod';
export { parseGoWork, resolveUsePath, type GoWorkFile } from './gowork';
export { parseModulesTxt } from './vendor';
export {
  parseGoFile, evalConstraint, fileNameMatchesLinux, KNOWN_CGO_MODULES, TLS_IMPORTS, knownCgoModuleFor, knownCgoRequirement,
  tlsImports, cgoReasons, usesCgo, usesTls, needsTzdata, type GoFileInfo, type KnownCgoModule, type CgoReason,
} from './goImports';
export { DockerIgnore, parseDockerignore, normalizeRel } from './dockerignore';
export { fileExecs, programsRun, dataNamedRuns, envGate, type ExecCall, type FileExecs, type ProgramRun, type DataNamedRun } from './programsRun';
export { loadWorkspace, isGoSourceDir, isPackageGoFile, type Workspace, type LoadOptions, type UpdateResult, type FileEntryInfo } from './load';
export {
  mainPackages, packageByDir, packageByImportPath, moduleForDir, resolvePackageArg, requiredGoVersion, buildFacts,
  packageCgoReasons, dockerignoreOf, dependencyFiles, programsRunByMains, dataNamedRunByMains, type BuildFacts, type RequiredGoVersion, type ProgramRunIn,
} from './query';
export { emptyContextSizes, makeGoModule, makeGoPackage, makeWorkspaceModel } from './make';
export { compareGoVersions, golangTagSatisfies, golangTagVersion, goLine, type GolangTag } from '../images/golangTag';

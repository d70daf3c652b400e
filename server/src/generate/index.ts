/**
 * The generator: WorkspaceModel + options -> Dockerfile, .dockerignore and the reasons for each
 * decision (see docs/generate.md). Used by the CLI (`go-dockerfile generate`) and the LSP
 * request `goDockerfile/generate`; nothing here writes files.
 *
 * The .dockerignore comes from ./dockerignore.ts (the same builder GD305's fix uses), checked
 * against the generated Dockerfile so it never excludes what that build needs. The self-check
 * (our rules over our output) is a driver: ../driver/selfCheck.ts.
 */
import { parseDockerfile } from '../dockerfile/parse';
import { initShellParser } from '../dockerfile/shell';
import { readEmbedDirectives } from '../facts/contextInputs';
import { goDockerignore } from './dockerignore';
import { describeConflicts, existingIgnoreConflicts, existingIgnoreFile } from './existingIgnore';
import type { Workspace } from '../workspace/types';
import type { WorkspaceModel } from '../workspace/model';
import { checkIgnorePatterns, checkPlanNames } from './names';
import { plan, type GenerateIo } from './plan';
import { renderDockerfile } from './render';
import type { GenerateOptions, GenerateResult } from './types';

export * from './types';
export { type GenerateIo, type Plan } from './plan';
export { candidatesOf, binaryName, rankedCandidates, obviousChoice, type Ranked } from './choose';
export { isRealVersion, listenAddresses, versionVariable, stripGoComments } from './goSource';

/**
 * Generates the Dockerfile and .dockerignore for a workspace. Throws GenerateError when the
 * caller must decide something (several main packages) or nothing can be built.
 */
export async function generate(model: WorkspaceModel, options: GenerateOptions, io: GenerateIo): Promise<GenerateResult> {
  await initShellParser();
  const p = plan(model, options, io);
  // Repository names become Dockerfile text here: refuse any that could be read as syntax.
  checkPlanNames(p);
  const dockerfile = renderDockerfile(p);
  const df = parseDockerfile(dockerfile);
  const embeds = readEmbedDirectives(model, (rel) => io.readFile(rel));
  const ignore = goDockerignore(model, df, { embeds, listFiles: (under) => io.listFiles(under) });
  checkIgnorePatterns(ignore.patterns);
  const reasons = [...p.reasons];
  reasons.push(`.dockerignore: ${ignore.patterns.join(', ')} stay out of the build context (smaller context, and \`COPY . .\` is not invalidated by them)${p.build.vendor ? '; vendor/ is kept' : ''}.`);
  for (const o of ignore.omitted) reasons.push(`.dockerignore leaves ${o.pattern} in: the build needs ${o.because.path} (${o.because.what}).`);
  // The ignore file the build will really use when the project has one.
  const own = existingIgnoreFile(io);
  const existingIgnore = own && { path: own.path, conflicts: existingIgnoreConflicts(model, df, own.text, io, embeds, [...(p.web?.outputs ?? []), ...(p.web?.from !== undefined ? [p.web.from] : []), ...p.goGenerate.outputs], p.unreadModuleFiles, p.web && { dir: p.web.dir, build: `RUN ${p.web.build} (the front-end in ${p.web.dir === '' ? 'the context root' : p.web.dir})` }) };
  const warnings = [...p.warnings];
  if (existingIgnore && existingIgnore.conflicts.length > 0) {
    warnings.unshift(`The existing ${own!.path} breaks this build: ${describeConflicts(own!.path, existingIgnore.conflicts).join('; ')}. With it, \`docker build\` fails or builds without them. Remove or narrow ${describeConflicts(own!.path, existingIgnore.conflicts).length > 1 ? "those lines" : "that line"} (or add \`!\` lines), or replace ${own!.path} with the generated one.`);
  }
  return {
    dockerfile,
    dockerignore: ignore.text,
    target: p.target,
    reasons,
    warnings,
    candidates: p.candidates,
    runtime: p.runtime,
    images: { builder: p.builder.image, runtime: p.runtimeStage.image },
    exposes: p.runtimeStage.expose,
    portEvidence: p.portEvidence.map(({ port, external, confidence, via, file }) => ({ port, external, confidence, via, file })),
    versionVariable: p.versionVariable,
    stamped: p.build.stamp !== null,
    cgo: p.cgo,
    existingIgnore,
  };
}

/** Generates from a loaded Workspace (its file list keeps .dockerignore away from embedded files). */
export function generateFor(ws: Workspace, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generate(ws.model, options, { listFiles: (under) => ws.listFiles(under), readFile: (rel) => ws.readFile(rel), files: ws, ...(ws.outsideFolder ? { outsideFolder: (rel: string) => ws.outsideFolder!(rel) } : {}) });
}

import { contextPath, copyPaths, goCommands, goFlag, goPackages, isBuilderStage, isContextCopy, isWholeContext, stageGoCommands, stageImage } from '../dockerfile/facts';
import { isLocalPackage } from '../dockerfile/goBuild';
import { indirectGoSteps } from '../dockerfile/indirectGo';
import { diskReader } from '../workspace/load';
import type { Instruction, Stage } from '../dockerfile/model';
import { deleteLines, insertAboveInstruction, type Edit } from '../fixes/edits';
import { contextBinds, mounts } from '../dockerfile/mounts';
import type { Rule, RuleContext, RuleFinding, WorkspaceFiles } from './types';

/** Files that make up the dependency layer; copying only these is what we want first. */
const MODULE_FILES = /(^|\/)(go\.mod|go\.sum|go\.work|go\.work\.sum)$/;
/** `go.*`, `go.mod*`, `go.sum*`: globs that can only match the module files (`COPY go.* ./`). */
const MODULE_GLOB = /(^|\/)go\.(\*|mod\*?|sum\*?|work\*?)$/;

/** Extension-less files that are never Go sources (helpers copied before the download). */
const PLAIN_FILES = /^(Makefile|GNUmakefile|makefile|Dockerfile|Containerfile|LICENSE|LICENCE|COPYING|NOTICE|README|VERSION|Taskfile|Justfile|justfile|Procfile|CODEOWNERS|AUTHORS)$/;

/** Does this source path bring Go sources in? `.`, a directory, `*.go`, a glob. */
export function copiesGoSources(source: string, files?: WorkspaceFiles): boolean {
  const s = source.replace(/^\.\//, '');
  if (s === '' || s === '.' || s === '/' || s.endsWith('/')) return true;
  if (MODULE_FILES.test(s) || MODULE_GLOB.test(s)) return false;
  if (s.endsWith('.go')) return true;
  // A glob of files that are not Go (`goreleaser*.apk`, `*.yaml`) brings no sources.
  if (/[*?[]/.test(s)) return !/\.[A-Za-z][A-Za-z0-9]*$/.test(s.split('/').pop() ?? s) || /\.go$/.test(s);
  // The context says what it is: a file that is not Go, or a folder without Go files.
  const rel = contextPath(s);
  if (files && rel) {
    if (files.fileExists(rel)) return false;
    if (files.dirExists(rel)) return files.listFiles(rel).some((f) => f.path.endsWith('.go'));
  }
  // No extension: most likely a directory (cmd, internal, pkg ...), unless a well-known file.
  const base = s.split('/').pop() ?? s;
  return !base.includes('.') && !PLAIN_FILES.test(base);
}

/** Where executables go: nobody copies Go sources there (`COPY dist/app_${TARGETARCH}/app /usr/bin/app`). */
const BIN_DIR = /^\/(usr\/(local\/)?)?s?bin(\/|$)/;

/** A COPY/ADD whose sources bring Go sources in (not a prebuilt binary copied into a bin folder). */
export function copiesSources(paths: { sources: string[]; dest: string }, files?: WorkspaceFiles): boolean {
  if (BIN_DIR.test(paths.dest)) return false;
  return paths.sources.some((src) => copiesGoSources(src, files));
}

/**
 * The stage builds a vendored module: `-mod=vendor`, the root module is vendored, or a module
 * the stage copies in (a subfolder of the context: `COPY backend /build/backend`) or works in
 * (WORKDIR, `cd`) has `vendor/modules.txt`.
 */
export function stageUsesVendor(ctx: RuleContext, stage: Stage): boolean {
  if (ctx.workspace?.hasVendor) return true;
  if (stage.instructions.some((i) => goCommands(i).some((g) => goFlag(g.args, 'mod')?.value === 'vendor'))) return true;
  const files = ctx.files;
  if (!files) return false;
  const vendored = (dir: string) => files.fileExists(dir === '' ? 'vendor/modules.txt' : `${dir}/vendor/modules.txt`);
  const dirs = (ctx.workspace?.modules ?? []).map((m) => m.dir).filter((d) => d !== '' && vendored(d));
  for (const i of stage.instructions) {
    if (isContextCopy(i)) {
      for (const src of copyPaths(i)?.sources ?? []) {
        const rel = isWholeContext(src) ? '' : contextPath(src);
        if (rel === null) continue;
        if (rel !== '' && vendored(rel)) return true;
      }
    }
    // Where the stage works: `WORKDIR /src/backend`, `cd backend`.
    const places = i.keyword === 'WORKDIR' ? i.args.map((a) => a.value) : goCommands(i).length ? (i.script?.parsed.commands ?? []).filter((c) => c.argv[0]?.value === 'cd').map((c) => c.argv[1]?.value ?? '') : [];
    if (places.some((p) => dirs.some((d) => p.replace(/\/+$/, '') === d || p.replace(/\/+$/, '').endsWith(`/${d}`)))) return true;
  }
  return false;
}

export const gd104: Rule = {
  code: 'GD104',
  name: 'sources-before-modules',
  severity: 'warning',
  needsWorkspace: false,
  check(ctx) {
    const out: RuleFinding[] = [];
    // Whether each stage ends with the module cache filled in a layer of its own
    // (a stage FROM another one inherits that).
    const cachedAtEnd: boolean[] = [];
    for (const stage of ctx.model.stages) {
      let modulesCached = stage.baseStage !== null && (cachedAtEnd[stage.baseStage] ?? false);
      let goModCopied = modulesCached;
      // Go run through make or a script builds the module too; such a step after go.mod alone
      // may be the download (`make deps`), so it counts as filling the module cache.
      const read = ctx.workspace && ctx.files ? diskReader(ctx.workspace) : undefined;
      // Only on an image with Go: `make build-ui` in a node stage reads the same Makefile but builds no Go.
      const onGo = stageImage(ctx.model, stage)?.goToolchain === true;
      const indirect = new Set(onGo ? indirectGoSteps(stage, read, true).map((s) => s.instr) : []);
      const localRun = stageGoCommands(stage).some((g) => g.sub === 'run' && goPackages(g.args).slice(0, 1).some((p) => isLocalPackage(p.value)));
      // `go mod init` in the build: there is no go.mod to copy first (GD111 covers the rewrite).
      const initsModule = stageGoCommands(stage).some((g) => g.sub === 'mod init');
      const report = (isBuilderStage(stage) || indirect.size > 0 || localRun) && !initsModule && !stageUsesVendor(ctx, stage);
      for (const instr of stage.instructions) {
        if (indirect.has(instr) && goModCopied) modulesCached = true;
        const gos = goCommands(instr);
        // A download (or any build) after go.mod alone fills the module cache in its own layer;
        // so does RUN --mount=type=bind,source=go.mod ... go mod download (BuildKit's pattern).
        const bindsGoMod = contextBinds(instr).some((m) => /(^|\/)go\.(mod|sum)$/.test(m.source));
        if (gos.some((g) => ['mod download', 'build', 'install', 'mod tidy'].includes(g.sub)) && (goModCopied || bindsGoMod)) modulesCached = true;
        if (!isContextCopy(instr)) continue;
        const paths = copyPaths(instr);
        if (!paths) continue;
        if (!copiesSources(paths, ctx.files)) {
          if (paths.sources.some((src) => /(^|\/)go\.(mod|work)$/.test(src) || /(^|\/)go\.(\*|mod\*|work\*)$/.test(src))) goModCopied = true;
          continue;
        }
        if (!modulesCached && report) {
          // With a module-cache mount the machine that holds the cache does not download again;
          // a builder without it (a fresh CI runner) does.
          const mounted = stage.instructions.some((i) => i.line > instr.line && goCommands(i).length > 0 && mounts(i).some((m) => m.type === 'cache' && /(^|\/)(pkg\/mod|pkg|go)\/?$|GOMODCACHE|GOPATH/.test(m.target ?? '')));
          out.push({
            message: mounted
              ? 'Sources are copied before go.mod/go.sum and `go mod download`: every source edit re-runs the module step. The cache mount keeps the modules on this builder, but a builder without that cache (a fresh CI runner) downloads every module again. Copy go.mod and go.sum first and download the modules in their own layer.'
              : 'Sources are copied before go.mod/go.sum and `go mod download`: every source edit re-downloads every module. Copy go.mod and go.sum first and download the modules in their own layer.',
            span: instr.span,
            fix: fixFor(ctx, stage, instr, paths.dest),
          });
        }
        // Past the first source copy, later layers cannot cache modules independently anyway.
        break;
      }
      cachedAtEnd[stage.index] = modulesCached;
    }
    return out;
  },
};

function fixFor(ctx: RuleContext, stage: Stage, instr: Instruction, dest: string) {
  const ws = ctx.workspace;
  const files: string[] = [];
  if (ws?.work) {
    files.push('go.work');
    if (ws.work.hasWorkSum) files.push('go.work.sum');
    for (const m of ws.work.members) {
      const prefix = m.dir ? `${m.dir}/` : '';
      files.push(`${prefix}go.mod`);
      if (m.hasGoSum) files.push(`${prefix}go.sum`);
    }
  } else {
    files.push('go.mod');
    // Unknown: go.sum exists in nearly every module with dependencies.
    const hasGoSum = ws?.module ? ws.module.hasGoSum : true;
    if (hasGoSum) files.push('go.sum');
  }
  const inPlace = dest === '.' || dest === './';
  const lines: string[] = [];
  if (ws?.work && ctx.workspace?.work?.members.some((m) => m.dir)) {
    // Keep each go.mod at its path: one COPY per folder.
    const byDir = new Map<string, string[]>();
    for (const f of files) {
      const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
      byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
    }
    for (const [dir, fs] of byDir) lines.push(`COPY ${fs.join(' ')} ${inPlace ? './' : dest.replace(/\/?$/, '/')}${dir}`);
  } else {
    lines.push(`COPY ${files.join(' ')} ${inPlace ? './' : dest.replace(/\/?$/, '/')}`);
  }
  lines.push(inPlace ? 'RUN go mod download' : `RUN cd ${dest} && go mod download`);
  const edits: Edit[] = [insertAboveInstruction(ctx.model, instr.line, lines)];
  // The download after the sources is now redundant: move it rather than run it twice.
  const later = stage.instructions.find((i) => i.line > instr.line && isPlainDownload(i));
  if (later) edits.push(deleteLines(ctx.model, later.line, later.endLine));
  return {
    title: `Copy ${files.length > 2 ? 'the go.mod/go.sum files' : files.join(' and ')} and run go mod download before the sources`,
    edits,
    safe: true,
  };
}

/** `RUN go mod download` alone (no other commands, no flags of its own). */
function isPlainDownload(i: Instruction): boolean {
  if (i.keyword !== 'RUN' || i.flags.length > 0 || !i.script || i.script.heredoc) return false;
  const cmds = i.script.parsed.commands;
  const gos = goCommands(i);
  return cmds.length === 1 && gos.length === 1 && gos[0].sub === 'mod download' && gos[0].args.length === 0;
}

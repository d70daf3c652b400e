/**
 * GD309: a RUN that installs system packages (apk add, apt-get/apt install, yum/dnf/microdnf
 * install, zypper install) comes after a COPY/ADD of sources from the build context in the
 * same stage (`COPY . .`, a source directory, `*.go`; go.mod/go.sum and single config files
 * are not sources, see `copiesGoSources` in facts/goSources.ts), or of build outputs made before
 * `docker build` that the repository does not hold (`COPY build/bin/app …`, git-ignored:
 * isBuildOutputCopy; megaease/easegress build/package/Dockerfile:13-15, as its
 * Dockerfile.goreleaser:5-8 ADDs goreleaser's binaries; judge 34 Y M6). Every source edit then
 * re-runs the install. An `ADD $VAR` whose ARG default is a URL that no build file passes
 * another value for downloads, as a literal `ADD <url>` (facts/goSources.ts addsUrlByDefault:
 * cortezaproject/corteza Dockerfile:16): not the sources.
 *
 * Fix: move the RUN (its whole lines, with the comment lines directly above it, so pragmas
 * move along) directly above the stage's first source COPY (above that COPY's own comment
 * lines). Offered only when the RUN cannot depend on what it jumps over:
 *   - it only sets up the system (every command is a package manager, useradd, mkdir, ... see
 *     `isSystemSetupCommand`), without variables or local package files (`./x.deb`, `/tmp/x.apk`);
 *   - between the COPY and the RUN there are only COPY/ADD, WORKDIR, LABEL, EXPOSE, comments,
 *     and RUNs that only run `go` (no ENV/ARG, USER, SHELL, VOLUME, or other RUN).
 * Safe for fix-all only when it jumps over no RUN (a go step would then see the new packages:
 * gcc switches cgo on, git switches VCS stamping on) and none of the COPY/ADDs it jumps over
 * write into system directories (/, /etc, /usr, /bin, /sbin, /lib*, /var, /opt, /root): then
 * the install can neither see nor overwrite their files and the image is the same. Otherwise
 * offered, but not safe.
 */
import * as path from 'path';
import { commentBlockStart, copyPaths, goCommands, stageImage } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Script, Stage } from '../dockerfile/model';
import { isSystemSetupCommand, packageCommands } from '../dockerfile/packages';
import type { ShellCommand } from '../dockerfile/shell';
import { deleteLines, insert } from '../edits/edits';
import { addsUrlByDefault, isBuildOutputCopy, isSourceCopy } from '../facts/goSources';
import { stagesToCheck, type Fix, type Rule, type RuleFinding, withLazyFix } from './types';

const MOVABLE_OVER = new Set(['COPY', 'ADD', 'WORKDIR', 'LABEL', 'EXPOSE', 'MAINTAINER', 'STOPSIGNAL', 'HEALTHCHECK']);
const SYSTEM_DIR = /^\/(etc|usr|bin|sbin|lib|lib32|lib64|libx32|var|opt|root)?(\/|$)/;

export const gd309: Rule = {
  code: 'GD309',
  name: 'install-after-sources',
  summary: 'System packages are installed after the sources are copied',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['copySources', 'goCommands', 'images', 'packageInstalls', 'workspace', 'contextFiles'],
  // Each stage on its own (its base image for the fix); the message and fix title name the COPY's line.
  scope: 'stage',
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      const copy = stage.instructions.find((i) => (isSourceCopy(i, ctx.files) && !addsUrlByDefault(ctx.model, stage, i, ctx.workspace, ctx.files)) || isBuildOutputCopy(i, ctx.workspace, ctx.files, ctx.dockerfile));
      if (!copy) continue;
      const outputs = isBuildOutputCopy(copy, ctx.workspace, ctx.files, ctx.dockerfile);
      const what = outputs ? 'the binaries built before `docker build` are copied' : 'the sources are copied';
      const edit = outputs ? 'every rebuild of them (each source edit) re-runs the install' : 'every source edit re-runs the install';
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN' || instr.line < copy.line || !instr.script) continue;
        const installs = packageCommands(instr).filter((p) => p.action === 'install');
        if (!installs.length) continue;
        out.push(withLazyFix({
          message: `This RUN installs packages after ${what} (line ${copy.line + 1}): ${edit}. Install the packages before copying ${outputs ? 'them' : 'the sources'}.`,
          span: instr.span,
        }, () => moveFix(ctx.model, stage, copy, instr)));
      }
    }
    return out;
  },
};

/** A file command (`chmod +x ./run.sh`, `rm -rf build`) on a path that is not absolute: it may be a copied file. */
function usesRelativePath(cmd: ShellCommand): boolean {
  const name = cmd.argv[0]?.value === 'sudo' ? cmd.argv[1]?.value : cmd.argv[0]?.value;
  const skip = name === 'chmod' || name === 'chown' || name === 'chgrp' ? 1 : ['rm', 'mkdir', 'ln', 'touch'].includes(name ?? '') ? 0 : -1;
  if (skip < 0) return false;
  const operands = cmd.argv.slice(cmd.argv[0]?.value === 'sudo' ? 2 : 1).filter((w) => !w.value.startsWith('-'));
  return operands.slice(skip).some((w) => !w.value.startsWith('/'));
}

/** Absolute paths a COPY writes: its destination, and for a folder destination each source's name in it. */
function writtenPaths(cwd: string, paths: { readonly sources: readonly string[]; readonly dest: string }): string[] {
  const dest = path.posix.resolve(cwd, paths.dest);
  const out = [dest];
  if (paths.dest.endsWith('/') || paths.sources.length > 1) for (const s of paths.sources) out.push(path.posix.join(dest, path.posix.basename(s)));
  return out;
}

/** A word of the script names one of these paths, something under one, or a folder above one. */
function usesPathOf(script: Script, written: string[]): boolean {
  for (const c of script.parsed.commands) {
    for (const w of c.argv.slice(1)) {
      const v = w.value;
      if (!v.startsWith('/')) continue;
      const p = path.posix.resolve(v);
      if (written.some((d) => p === d || p.startsWith(`${d}/`) || (p !== '/' && d.startsWith(`${p}/`)))) return true;
    }
  }
  return false;
}


function moveFix(model: DockerfileModel, stage: Stage, copy: Instruction, run: Instruction): Fix | undefined {
  const script = run.script!;
  if (script.parsed.hasErrors || !script.parsed.commands.every(isSystemSetupCommand)) return undefined;
  if (script.parsed.commands.some((c) => c.argv.some((w) => w.dynamic) || c.env.some((e) => e.value.includes('$')))) return undefined;
  if (packageCommands(run).some((p) => p.packages.some((x) => x.word.value.includes('/') || /\.(deb|rpm|apk)$/.test(x.word.value)))) return undefined;
  if (script.parsed.commands.some(usesRelativePath)) return undefined;
  const between = stage.instructions.filter((i) => i.line >= copy.line && i.line < run.line);
  for (const i of between) {
    if (i.keyword === 'RUN') {
      const gos = goCommands(i);
      if (!i.script || !gos.length || gos.length !== i.script.parsed.commands.length) return undefined;
    } else if (!MOVABLE_OVER.has(i.keyword)) return undefined;
  }
  // Files the jumped-over copies write.
  let cwd = stageImage(model, stage)?.goToolchain ? '/go' : '/';
  // A go step it jumps over would see the new packages (gcc turns cgo on, git turns VCS stamping on).
  let safe = !between.some((i) => i.keyword === 'RUN');
  for (const i of stage.instructions) {
    if (i.line >= run.line) break;
    if (i.keyword === 'WORKDIR' && i.args[0]) cwd = i.args[0].value.includes('$') ? '/' : path.posix.resolve(cwd, i.args[0].value);
    if (i.line < copy.line || (i.keyword !== 'COPY' && i.keyword !== 'ADD')) continue;
    const paths = copyPaths(i);
    const dest = paths?.dest;
    if (!dest || dest.includes('$') || SYSTEM_DIR.test(path.posix.resolve(cwd, dest))) safe = false;
    // The RUN works on what this COPY wrote (`chmod +x /usr/bin/app`): it must stay below it.
    if (!paths || dest!.includes('$') || usesPathOf(script, writtenPaths(cwd, paths))) return undefined;
  }
  const first = commentBlockStart(model, run);
  const lastLine = run.endLine;
  const start = model.lines.starts[first];
  const hasBreak = lastLine + 1 < model.lines.lineCount;
  const end = hasBreak ? model.lines.starts[lastLine + 1] : model.text.length;
  const moved = model.text.slice(start, end) + (hasBreak ? '' : model.eol);
  const target = model.lines.starts[commentBlockStart(model, copy)];
  return {
    title: `Move this RUN above the source copy on line ${copy.line + 1}`,
    edits: [insert(target, moved), deleteLines(model, first, lastLine)],
    safe,
  };
}

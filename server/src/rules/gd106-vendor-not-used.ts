/**
 * GD106: the workspace vendors its dependencies (`vendor/modules.txt`, and a `go` line of 1.14
 * or later, so the go command builds in vendor mode by default) but:
 *
 * - a RUN still runs a plain `go mod download` (no module arguments) in a stage that gets the
 *   vendor folder (it copies the whole context or `vendor/`, or bind-mounts the context), and no
 *   build of that stage opts out of vendor mode (`-mod=mod`/`-mod=readonly`, flag or GOFLAGS); or
 * - `.dockerignore` excludes `vendor/modules.txt`, while a stage that copies (or mounts) the whole
 *   context compiles the module: the image's build silently falls back to module mode and
 *   downloads everything. The message names the .dockerignore line; the download is then not
 *   reported (it is what that build needs).
 *
 * Silent when .gitignore (at the context root or a folder above it, up to the repository root)
 * ignores the vendor folder: it is a local `go mod vendor` that a clean checkout does not have,
 * and the Dockerfile is right to download (and to keep vendor/ out of the context).
 *
 * - a COPY of the context names the vendor folder beside a go.mod (`vendor`, or a glob such as
 *   `vendor*` that matches it) into a destination that is not a folder named vendor: a COPY of a
 *   folder puts what it holds in the destination, so modules.txt and the vendored module trees
 *   land in the module's root and no vendor/ folder exists there (edgexfoundry/edgex-go 2bee238
 *   cmd/core-data/Dockerfile:31 `COPY go.mod vendor* ./` before `RUN [ ! -d "vendor" ] && go mod
 *   download all`; judge 33 X M3). Reported whether or not vendor/ is in the context or ignored by
 *   git: a glob written for vendor/ copies it wrong whenever `go mod vendor` has made it. With no
 *   vendor/, only a glob with a literal start (`vendor*`, `vendo[r]`) that matches nothing else
 *   the context sends.
 *
 * Fix for the download (safe: vendor mode never reads the module cache): remove the whole RUN
 * when `go mod download` is its only command, else remove the command and its `&&` from a plain
 * `a && b` chain (or its line in a heredoc). Other shapes (`;`, `||`, pipes, subshells) get no
 * fix. Fix for the .dockerignore case (an edit of another file, so never in fix-all): remove
 * the line when it names only the vendor folder (`vendor/`, `/vendor`, `vendor/**`, ...), else
 * append `!vendor` (the last matching pattern decides); offered only when the edited file no
 * longer excludes vendor/modules.txt; it edits the Dockerfile's ignore file (its own
 * `<Dockerfile>.dockerignore` when it has one: driver/ignoreFile.ts).
 */
import * as path from 'path';
import { copyPaths, goFlag, isContextCopy, stageChain, stageGoCommands, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { globRegex, safeTest } from '../dockerfile/created';
import { goflags, goflagsValue, sourcesPresent } from '../dockerfile/goBuild';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { contextBinds } from '../dockerfile/mounts';
import { appendLinesEdit, removeLineEdit } from '../edits/dockerignoreLines';
import { removeCommandEdit } from '../edits/shellChain';
import { applyEdits, type Edit } from '../edits/edits';
import { compareGoVersions } from '../images/golangTag';
import { DockerIgnore } from '../workspace/dockerignore';
import { dockerignoreOf, requiredGoVersion } from '../workspace/query';
import type { WorkspaceModel } from '../workspace/model';
import { gitIgnored } from '../facts/gitIgnored';
import { withLazyFix, type Fix, type Rule, type RuleContext, type RuleFinding } from './types';

export const gd106: Rule = {
  code: 'GD106',
  name: 'vendor-not-used',
  summary: 'The module is vendored, but the build downloads modules instead of using vendor/',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'safe',
  facts: ['copySources', 'goCommands', 'images', 'workspace', 'contextFiles', 'dockerignore', 'gitignore'],
  docs: { workspace: '(looks for `vendor/modules.txt` and reads `.dockerignore`)' },
  check(ctx) {
    const ws = ctx.workspace;
    const out: RuleFinding[] = [...vendorContentsCopies(ctx)];
    if (!ws?.hasVendor) return out;
    const vendorDir = ws.vendor?.dir ?? ws.module?.dir ?? '';
    const modulesTxt = vendorDir ? `${vendorDir}/vendor/modules.txt` : 'vendor/modules.txt';
    const goVersion = requiredGoVersion(ws)?.version ?? ws.module?.goVersion ?? null;
    if (!goVersion || compareGoVersions(goVersion, '1.14') < 0) return out;
    if (vendorGitIgnored(ctx, vendorDir)) return out;
    const { model } = ctx;

    const ignore = ctx.files?.dockerignore ?? dockerignoreOf(ws);
    const ignored = ignore ? ignore.explain(modulesTxt) : null;
    if (ignored?.ignored) {
      const at = firstModuleBuild(ctx);
      if (at) {
        const line = ignored.line !== null ? `line ${ignored.line} (\`${ignored.pattern?.text ?? ''}\`)` : 'a pattern';
        out.push(withLazyFix({
          message: `The workspace vendors its modules (${modulesTxt}), but ${ws.dockerignore?.path ?? '.dockerignore'} ${line} excludes ${vendorDir ? `${vendorDir}/` : ''}vendor/: the build in the image does not see the vendored code, falls back to module mode and downloads every module. Remove that line from ${ws.dockerignore?.path ?? '.dockerignore'} (or re-include vendor/ with \`!vendor\`).`,
          span: at,
        }, () => dockerignoreFix(ctx, ws, ignored, modulesTxt, vendorDir)));
      }
      return out;
    }

    for (const stage of model.stages) {
      if (!stageGetsVendor(ctx, stage) || stageOptsOut(model, stage)) continue;
      for (const g of stageGoCommands(stage)) {
        if (g.sub !== 'mod download' || g.args.some((a) => !a.value.startsWith('-'))) continue;
        out.push(withLazyFix({
          message: `The workspace vendors its modules (${modulesTxt}, go ${goVersion}: vendor mode is the default), so \`go mod download\` fetches modules the build never reads: network time, layer bytes and a dependency on the module proxy that vendoring removes. Remove the download step.`,
          span: scriptSpan(g.instr.script!, g.cmd.start, g.cmd.end),
        }, () => removeDownload(model, g.instr, g)));
      }
    }
    return out;
  },
};

/**
 * COPY sources that name a vendor folder beside a go.mod into a destination that is not a folder
 * named vendor: the folder's contents land in the destination (edgexfoundry/edgex-go 2bee238
 * cmd/core-data/Dockerfile:31 `COPY go.mod vendor* ./`; judge 33 X M3).
 */
function vendorContentsCopies(ctx: RuleContext): RuleFinding[] {
  const files = ctx.files;
  const out: RuleFinding[] = [];
  if (!files) return out;
  for (const stage of ctx.model.stages) {
    for (const i of stage.instructions) {
      if (!isContextCopy(i)) continue;
      const paths = copyPaths(i);
      if (!paths || paths.dest.includes('$')) continue;
      const dest = path.posix.normalize(paths.dest).replace(/\/+$/, '');
      if (path.posix.basename(dest) === 'vendor') continue;
      for (const src of paths.sources) {
        const folder = vendorSource(src, files);
        if (folder === null) continue;
        const workdir = workdirBefore(ctx.model, stage, i, null);
        const into = dest.startsWith('/') ? dest : workdir === null ? dest : path.posix.resolve(workdir, dest);
        const present = files.dirExists(folder);
        const what = present ? `the ${folder}/ folder` : `the ${folder}/ folder (when \`go mod vendor\` has made it)`;
        out.push({
          message: `\`${src}\` copies ${what} into ${into === '.' ? 'the working directory' : `\`${into}\``}, and a COPY of a folder puts what it holds there, not the folder itself: modules.txt and the vendored module trees land there, and no vendor/ folder is there for the steps that follow (a test for it fails, a \`go mod download\` fetches every module). Copy it on a line of its own into a folder of that name (\`COPY ${folder === 'vendor' ? 'vendo[r]' : `${path.posix.dirname(folder)}/vendo[r]`} ${into === '.' ? './' : into.replace(/\/?$/, '/')}vendor/\`: a wildcard that matches nothing copies nothing with BuildKit).`,
          span: i.span,
        });
      }
    }
  }
  return out;
}

/**
 * The context path of the vendor folder a COPY source names (`vendor`, `./vendor/`, a glob such
 * as `vendor*`), beside a go.mod of the context; null otherwise. A glob counts when it matches the
 * folder the context sends, or, with no such folder, when it starts with a literal character and
 * matches nothing else the context sends (written for vendor/ alone).
 */
function vendorSource(source: string, files: NonNullable<RuleContext['files']>): string | null {
  const s = source.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (s === '' || s.includes('$') || s.split('/').includes('..')) return null;
  const segments = s.split('/').filter((seg) => seg !== '' && seg !== '.');
  const last = segments[segments.length - 1];
  const parent = segments.slice(0, -1);
  if (!last || parent.some((seg) => /[*?[]/.test(seg))) return null;
  const dir = parent.join('/');
  const folder = dir ? `${dir}/vendor` : 'vendor';
  // .dockerignore keeps the folder out of every build: the COPY never brings it.
  if (!files.fileExists(dir ? `${dir}/go.mod` : 'go.mod') || files.isIgnored(folder)) return null;
  const present = files.dirExists(folder);
  if (!/[*?[]/.test(last)) return last === 'vendor' && present ? folder : null;
  if (/^[*?[]/.test(last) || !safeTest(last, 'vendor')) return null;
  if (present) return folder;
  const re = globRegex(segments.join('/'));
  return files.listFiles(dir).some((f) => !f.ignored && re.test(f.path)) ? null : folder;
}

/** Edits .dockerignore so that it keeps vendor/modules.txt: remove the excluding line, or re-include the folder. */
function dockerignoreFix(
  ctx: RuleContext,
  ws: WorkspaceModel,
  decided: { line: number | null; pattern: { text: string } | null },
  modulesTxt: string,
  vendorDir: string,
): Fix | undefined {
  const text = ws.dockerignore?.text;
  if (text === undefined) return undefined;
  const file = ws.dockerignore!.path;
  const folder = vendorDir ? `${vendorDir}/vendor` : 'vendor';
  const candidates: { title: string; edit: Edit | null }[] = [];
  if (decided.line !== null && decided.pattern && namesOnlyFolder(decided.pattern.text, folder)) {
    candidates.push({ title: `Remove \`${decided.pattern.text}\` from ${file}`, edit: removeLineEdit(text, decided.line) });
  }
  candidates.push({ title: `Re-include ${folder}/ in ${file} (\`!${folder}\`)`, edit: appendLinesEdit(text, [`!${folder}`]) });
  for (const { title, edit } of candidates) {
    if (!edit || DockerIgnore.parse(applyEdits(text, [edit])).isIgnored(modulesTxt)) continue;
    return { title, edits: [], editFiles: [{ path: file, base: text, edits: [edit] }], safe: false };
  }
  return undefined;
}

/** The pattern names the folder or what is under it, and nothing else (`vendor`, `./vendor/`, `/vendor/**`). */
function namesOnlyFolder(pattern: string, folder: string): boolean {
  const p = pattern.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
  return p === folder || p === `${folder}/*` || p === `${folder}/**` || p === `${folder}/modules.txt`;
}

/** The first go command that compiles the module in a stage that copies (or mounts) the whole context, for the .dockerignore finding. */
function firstModuleBuild(ctx: RuleContext): { start: number; end: number } | null {
  const { model } = ctx;
  for (const stage of model.stages) {
    if (!stageGetsVendor(ctx, stage)) continue;
    for (const g of stageGoCommands(stage)) {
      if (!/^(build|install|mod download|run|test|generate)$/.test(g.sub)) continue;
      if (g.args.some((a) => a.value.includes('@') && !a.value.startsWith('-'))) continue;
      if (!sourcesPresent(model, stage, g.instr)) continue;
      return scriptSpan(g.instr.script!, g.cmd.start, g.cmd.end);
    }
  }
  return null;
}

/** The stage (chain) copies the whole context or vendor/, or a RUN bind-mounts the context. */
function stageGetsVendor(ctx: RuleContext, stage: Stage): boolean {
  for (const s of stageChain(ctx.model, stage)) {
    for (const i of s.instructions) {
      for (const src of isContextCopy(i) ? copyPaths(i)?.sources ?? [] : []) {
        const n = path.posix.normalize(`/${src}`).replace(/\/+$/, '');
        if (n === '' || n === '/' || n === '/vendor' || n.startsWith('/vendor/') || n === '/*') return true;
      }
      if (i.keyword === 'RUN' && contextBinds(i).some((m) => ['/', '/vendor'].includes(path.posix.normalize(`/${m.source}`)))) return true;
    }
  }
  return false;
}

/** A go build/install/download of the stage runs outside vendor mode (`-mod=mod`, `-mod=readonly`, GOFLAGS, GOWORK=off with go.work). */
function stageOptsOut(model: DockerfileModel, stage: Stage): boolean {
  for (const s of stageChain(model, stage)) {
    for (const g of stageGoCommands(s)) {
      const flag = goFlag(g.args, 'mod');
      if (flag && flag.value !== 'vendor') return true;
      const gf = goflags(model, s, g);
      if (gf === null) return true;
      const v = gf ? goflagsValue(gf, 'mod') : undefined;
      if (v !== undefined && v !== 'vendor') return true;
    }
  }
  return false;
}

/** .gitignore at the context root or above (up to the repository root) ignores the vendor folder (facts/gitIgnored.ts). */
function vendorGitIgnored(ctx: RuleContext, vendorDir: string): boolean {
  const files = ctx.files;
  if (!files || !ctx.workspace) return false;
  // Per folder: the answer for one vendored module is not the answer for another.
  return gitIgnored(ctx.workspace, files, vendorDir ? `${vendorDir}/vendor/modules.txt` : 'vendor/modules.txt');
}

/** Removes the `go mod download` step: the whole RUN, the command and its `&&`, or its line of a heredoc. */
function removeDownload(model: DockerfileModel, instr: Instruction, g: GoCommand): Fix | null {
  const edit = removeCommandEdit(model, instr, g.cmd, { andOnly: true, heredocLines: true });
  return edit ? { title: 'Remove the go mod download step (the build reads vendor/)', edits: [edit], safe: true } : null;
}

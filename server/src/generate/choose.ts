/**
 * Which main package to build: every main package ranked (the one a user most likely ships
 * first), and the default pick when the ranking makes one obvious. The ranking:
 *
 *   0  the main package at a module's root, or `cmd/<last element of the module path>` (also
 *      with its punctuation removed: `cmd/nodeproblemdetector` for `node-problem-detector`)
 *   1  other `cmd/<name>` packages, and other packages of the module
 *   2  helpers: under examples/, testdata/, fixtures/, tools/, hack/, internal/tools, test(s)/,
 *      e2e/, docs/, scripts/, benchmarks/, or in a module nested inside another module
 *
 * The obvious pick is the only candidate of the best non-empty tier, unless that tier holds
 * only helpers (then only a lone candidate is obvious). Otherwise the caller has to choose.
 */
import * as nodePath from 'node:path';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { mainPackages, packageByDir, resolvePackageArg } from '../workspace/query';
import { ownBuildSays, type OwnBuild, type StartSteps } from './ownBuild';
import { GenerateError, type GenerateTarget } from './types';

function sanitizeBinary(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '');
  return s === '' ? 'app' : s;
}

/**
 * A module path's last element, skipping a `/vN` major-version suffix and a `/go` folder (a
 * module in its repository's go/ folder: dolt's github.com/dolthub/dolt/go is named dolt).
 */
export function modulePathName(modulePath: string): string | null {
  const segs = modulePath.split('/').filter((s) => s !== '');
  if (segs.length > 1 && /^v[0-9]+$/.test(segs[segs.length - 1])) segs.pop();
  if (segs.length > 3 && segs[segs.length - 1] === 'go') segs.pop();
  return segs[segs.length - 1] ?? null;
}

/**
 * Folder names that say where a main package is, not what the program is called (tg-spam's
 * `./app`, a `cmd/main`; coreos/butane d119ca2 internal/main.go, built as `butane` by its build
 * script and Dockerfile: judge 41 G G1): its binary is named after the module instead.
 */
export const GENERIC_MAIN_FOLDERS = new Set(['app', 'cmd', 'main', 'src', 'bin', 'go', 'internal']);
/** Folders above one that name nothing either (`internal/app`, `pkg/cmd`). */
const GENERIC_PARENTS = new Set([...GENERIC_MAIN_FOLDERS, 'internal', 'pkg', 'cmds', 'commands']);

/** The name the module (or, without a module path, the context folder) gives the program. */
function projectName(model: WorkspaceModel, p: GoPackage): string | null {
  const mod = model.modules.find((m) => m.dir === p.module);
  let last = modulePathName(mod?.path ?? '');
  // A module path whose last element only says where the code is, below the repository's name
  // (yyyar/gobetween e469fe4 `module github.com/yyyar/gobetween/main`, apernet/hysteria cb70589
  // `module github.com/apernet/hysteria/app/v2`): the program is named after the repository, as
  // the projects name it (gobetween's Makefile `NAME := gobetween`, hysteria's image runs `hysteria`).
  if (last !== null && GENERIC_MAIN_FOLDERS.has(last)) {
    const segs = (mod?.path ?? '').split('/').filter((s) => s !== '');
    if (segs.length > 1 && /^v[0-9]+$/.test(segs[segs.length - 1])) segs.pop();
    // Only host/owner/repository/<folder>: deeper, the element above is a folder too
    // (mongodb/mongodb-atlas-kubernetes's test/app module: not `test`).
    const above = segs.length === 4 && segs[0].includes('.') ? segs[2] : undefined;
    if (above !== undefined && !GENERIC_PARENTS.has(above)) last = above;
  }
  if (last) return sanitizeBinary(last);
  if (p.module === '') return sanitizeBinary(nodePath.basename(model.root));
  return null;
}

/**
 * `<name>` for `cmd/<name>` (any folder: its last element); the module path's last element
 * (skipping `/vN`) for a module root. A folder with a generic name (GENERIC_MAIN_FOLDERS) takes
 * the name of the nearest folder above it in the module that has its own (`tool/cmd`: tool), else
 * the module's (tg-spam's `app`: tg-spam).
 */
export function binaryName(model: WorkspaceModel, p: GoPackage): string {
  if (p.module !== null && p.dir === p.module) {
    const own = projectName(model, p);
    if (own) return own;
  }
  const folder = p.dir.split('/').pop() ?? 'app';
  if (p.module !== null && GENERIC_MAIN_FOLDERS.has(folder)) {
    // The nearest folder above it inside the module that has a name of its own (talos's
    // services/registry/app: registry), else the module's name (tg-spam's app/).
    const inside = (p.module === '' ? p.dir : p.dir.slice(p.module.length + 1)).split('/').slice(0, -1);
    const named = inside.reverse().find((s) => !GENERIC_PARENTS.has(s));
    if (named) return sanitizeBinary(named);
    const own = projectName(model, p);
    if (own && !GENERIC_MAIN_FOLDERS.has(own)) return own;
  }
  return sanitizeBinary(folder);
}

/** The folder's own name when the module's name would clash with another main package's binary. */
function distinctNames(model: WorkspaceModel, packages: readonly GoPackage[]): Map<GoPackage, string> {
  const names = new Map(packages.map((p) => [p, binaryName(model, p)] as const));
  for (const [p, name] of names) {
    const folder = sanitizeBinary(p.dir.split('/').pop() ?? 'app');
    if (name !== folder && p.dir !== p.module && [...names].some(([o, n]) => o !== p && n === name)) names.set(p, folder);
  }
  return names;
}

/** Folders whose main packages are helpers, not the program a repository ships. */
const HELPER_SEGMENTS = new Set(['examples', 'example', '_examples', 'testdata', 'fixtures', 'tools', 'hack', 'test', 'tests', 'e2e', 'docs', 'documentation', 'scripts', 'benchmarks', 'bench', 'contrib', 'demo', 'samples']);

/** Why a candidate sits in its tier (shown in the reasons and the editor's pick list). */
export interface Ranked {
  target: GenerateTarget;
  tier: 0 | 1 | 2;
  why: string;
}

function rel(dir: string, base: string): string {
  return base === '' ? dir : dir === base ? '' : dir.slice(base.length + 1);
}

export function rankTarget(model: WorkspaceModel, t: GenerateTarget): Ranked {
  const mod = t.module === null ? undefined : model.modules.find((m) => m.dir === t.module);
  const inside = rel(t.dir, t.module ?? '');
  const segs = inside === '' ? [] : inside.split('/');
  const nested = t.module !== null && t.module !== '' && model.modules.some((m) => m.dir !== t.module && (m.dir === '' || t.module!.startsWith(m.dir + '/')))
    && !model.work?.members.some((m) => m.dir === t.module);
  // The folders above a go.work member's module count too (ekuiper's member tools/kubernetes,
  // whose main package is at its module root, is a helper, not the program).
  const above = t.module ? t.module.split('/') : [];
  const helper = [...above, ...segs].find((s) => HELPER_SEGMENTS.has(s)) ?? (inside.startsWith('internal/tools') ? 'internal/tools' : undefined);
  if (helper) return { target: t, tier: 2, why: `under ${helper}/, a helper rather than the program` };
  if (nested) return { target: t, tier: 2, why: `in the nested module ${t.module}` };
  if (inside === '') return { target: t, tier: 0, why: 'the main package at the module root' };
  const name = modulePathName(mod?.path ?? '');
  if (segs.length === 2 && segs[0] === 'cmd' && name !== null && segs[1] === name) {
    // Its daemon beside it (kapacitor's cmd/kapacitord next to the cmd/kapacitor client, influxdb
    // 1.x's influxd next to influx): the program the project ships is the server, the other its CLI.
    if (hasMain(model, t.module, `cmd/${name}d`)) return { target: t, tier: 1, why: `cmd/${name} is named after the module, but cmd/${name}d beside it is its daemon: ${name} is the client` };
    return { target: t, tier: 0, why: `cmd/${name} is named after the module (${mod!.path})` };
  }
  // `cmd/<name>d` beside `cmd/<name>`: the daemon of that client (kapacitor's cmd/kapacitord). Alone
  // it is only another command (osmosis's cmd/osmosisd beside cmd/querygen: the project's build decides).
  if (segs.length === 2 && segs[0] === 'cmd' && name !== null && segs[1] === `${name}d` && hasMain(model, t.module, `cmd/${name}`)) return { target: t, tier: 0, why: `cmd/${segs[1]} is the daemon of the module's program (${mod!.path}): the server, where cmd/${name} is its client` };
  // node-problem-detector's cmd/nodeproblemdetector: the module's name without its punctuation.
  if (segs.length === 2 && segs[0] === 'cmd' && name !== null && bare(segs[1]) !== '' && bare(segs[1]) === bare(name)) {
    return { target: t, tier: 0, why: `cmd/${segs[1]} is named after the module (${mod!.path}) without its punctuation` };
  }
  if (segs[0] === 'cmd') return { target: t, tier: 1, why: 'a command under cmd/' };
  return { target: t, tier: 1, why: 'another main package of the module' };
}

/** Whether the module at `module` has a main package in its folder `inside`. */
function hasMain(model: WorkspaceModel, module: string | null, inside: string): boolean {
  const dir = module === null || module === '' ? inside : `${module}/${inside}`;
  return mainPackages(model).some((p) => p.dir === dir && p.module === module);
}

/** A name without punctuation (`node-problem-detector` -> `nodeproblemdetector`). */
function bare(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

function describe(t: GenerateTarget): string {
  return t.dir === '' ? '.' : t.dir;
}

/** The main packages the generator can build (governed by a go.mod), best first. */
export function rankedCandidates(model: WorkspaceModel): Ranked[] {
  const mains = mainPackages(model).filter((p) => p.module !== null);
  const names = distinctNames(model, mains);
  return mains
    .map((p) => rankTarget(model, { dir: p.dir, importPath: p.importPath, binary: names.get(p)!, module: p.module }))
    .map((r) => ({ ...r, target: { ...r.target, why: r.why, tier: r.tier } }))
    .sort((a, b) => a.tier - b.tier || a.target.dir.split('/').length - b.target.dir.split('/').length || (a.target.dir < b.target.dir ? -1 : a.target.dir > b.target.dir ? 1 : 0));
}

export function candidatesOf(model: WorkspaceModel): GenerateTarget[] {
  return rankedCandidates(model).map((r) => r.target);
}

/** The obvious default among ranked candidates, null when the user has to choose. */
export function obviousChoice(ranked: readonly Ranked[]): Ranked | null {
  if (ranked.length === 0) return null;
  if (ranked.length === 1) return ranked[0];
  const best = ranked.filter((r) => r.tier === ranked[0].tier);
  return best.length === 1 && ranked[0].tier < 2 ? ranked[0] : null;
}

/**
 * The package to build: the one asked for, else the obvious pick, else the one the project's own
 * build ships (`ownBuild`, ./ownBuild.ts: asked only then), else a GenerateError listing them.
 * `settledBy`: the files of the project's build that decided, for the generated file's header.
 */
export function chooseTarget(model: WorkspaceModel, ranked: readonly Ranked[], requested: string | undefined, ownBuild?: () => OwnBuild): { target: GenerateTarget; why: string; settledBy?: { files: string[]; how: string; steps?: StartSteps } } {
  const candidates = ranked.map((r) => r.target);
  const list = candidates.map(describe).join(', ');
  if (requested !== undefined && requested.trim() !== '') {
    const arg = requested.trim();
    const p = resolvePackageArg(model, arg) ?? packageByDir(model, arg);
    if (p) {
      const t = candidates.find((c) => c.dir === p.dir);
      if (t) return { target: t, why: `the package asked for (${arg})` };
      throw new GenerateError('unknown-package', `${arg} is not a main package that can be built (package ${p.name}${p.module === null ? ', outside any module' : ''}). Main packages: ${list || 'none'}.`, candidates);
    }
    const byName = candidates.filter((c) => c.binary === arg);
    if (byName.length === 1) return { target: byName[0], why: `the package asked for (${arg}, its binary name)` };
    if (byName.length > 1) {
      throw new GenerateError('ambiguous-package', `${byName.length} main packages build a binary named "${arg}": ${byName.map(describe).join(', ')}. Say which folder.`, byName);
    }
    throw new GenerateError('unknown-package', `No main package matches "${arg}". Main packages: ${list || 'none'}.`, candidates);
  }
  if (candidates.length === 0) throw new GenerateError('no-main-package', 'The workspace has no main package (package main with func main) to build.', candidates);
  const pick = obviousChoice(ranked);
  if (!pick) {
    const own = ownBuild?.() ?? null;
    if (own?.target) {
      return {
        target: own.target,
        why: `none stands out among the main packages, and the project's own build ships this one: ${ownBuildSays(own)} (--package picks another)`,
        settledBy: { files: own.files, how: own.how, steps: own.steps },
      };
    }
    throw new GenerateError('ambiguous-package', `The workspace has ${candidates.length} main packages (${list}) and none stands out${own ? ` (${own.note})` : ''}: say which one to build.`, candidates);
  }
  if (candidates.length === 1) return { target: pick.target, why: 'the only main package' };
  return { target: pick.target, why: `chosen by default: ${pick.why} (--package picks another)` };
}

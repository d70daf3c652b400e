/**
 * A size for the layers no file tells exactly: module downloads (the user's module cache, else
 * the module count), package installs (the offline package table), the Go build (a binary
 * estimate from what the module imports, plus the build cache left in the layer) and COPY
 * --from of a stage's binary or of well-known files. Each estimate says what it rests on;
 * "unknown" says why.
 */
import * as path from 'node:path';
import { goCommands, goFlag } from '../dockerfile/facts';
import { goCachePaths, ldflagsArgs, stripFlags } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction } from '../dockerfile/model';
import { isInstall, packageCommands, type PackageFamily } from '../dockerfile/packages';
import { APK_INDEX_BYTES, APT_LISTS_BYTES, estimatePackageInstall } from '../images/packageSizes';
import { formatBytes } from '../bytes';
import type { WorkspaceModel } from '../workspace/model';
import type { StageAnalysis, StepAnalysis } from './analyze';
import { emptyModuleCache, moduleDownloadEstimate, modulesFromGoSum, modulesFromVendor, type ModuleCacheReader, type ModuleCacheReport, type ModuleRef } from './moduleCache';

const KB = 1024;
const MB = 1024 * 1024;

export interface SizeEstimate {
  bytes: number | null;
  basis: string;
}

/** What estimates share across the steps of one model: the module list and cache report, read once. */
export interface EstimateContext {
  workspace: WorkspaceModel | null;
  /** Reads a context-relative file (null when missing or not given). */
  readText: (rel: string) => string | null;
  /** Sizes modules from the user's module cache; undefined: no cache looked at. */
  moduleCache: ModuleCacheReader | undefined;
  modules?: ModuleRef[];
  cache?: ModuleCacheReport;
}

export function modulesOf(ec: EstimateContext): ModuleRef[] {
  if (ec.modules) return ec.modules;
  const ws = ec.workspace;
  const dirs = ws && ws.modules.length > 0 ? ws.modules.map((m) => m.dir) : [''];
  const byKey = new Map<string, ModuleRef>();
  for (const d of dirs) {
    const sum = ec.readText(d ? `${d}/go.sum` : 'go.sum');
    for (const m of sum ? modulesFromGoSum(sum) : []) {
      const k = `${m.path}@${m.version}`;
      const prev = byKey.get(k);
      if (prev) prev.zip ||= m.zip;
      else byKey.set(k, m);
    }
  }
  if (ws?.work) {
    const sum = ec.readText('go.work.sum');
    for (const m of sum ? modulesFromGoSum(sum) : []) if (!byKey.has(`${m.path}@${m.version}`)) byKey.set(`${m.path}@${m.version}`, m);
  }
  // Vendor mode without a go.sum: modules.txt names what was vendored.
  if (byKey.size === 0 && ws?.vendor) for (const m of modulesFromVendor(ws.vendor.modules)) byKey.set(`${m.path}@${m.version}`, m);
  ec.modules = [...byKey.values()];
  return ec.modules;
}

function cacheReport(ec: EstimateContext): ModuleCacheReport {
  ec.cache ??= ec.moduleCache ? ec.moduleCache(modulesOf(ec)) : emptyModuleCache(null, modulesOf(ec));
  return ec.cache;
}

const coversPath = (mount: string, p: string) => {
  const m = mount.replace(/\/+$/, '');
  return p === m || p.startsWith(m + '/');
};

/** Where the golang images keep the module cache. */
const MODCACHE_PATHS = ['/go/pkg/mod', '/root/go/pkg/mod'];

function cachedBy(step: StepAnalysis, paths: string[]): string | null {
  for (const t of step.cacheMounts) if (paths.some((p) => coversPath(t, p))) return t;
  return null;
}

export function moduleDownloadSize(step: StepAnalysis, ec: EstimateContext): SizeEstimate {
  const mount = cachedBy(step, MODCACHE_PATHS);
  if (mount) return { bytes: 0, basis: `modules go to the cache mount ${mount}, not into the layer` };
  if (!ec.workspace) return { bytes: null, basis: 'no Go module found for this build context' };
  const e = moduleDownloadEstimate(cacheReport(ec));
  return { bytes: e.bytes, basis: e.basis };
}

export function packageInstallSize(instr: Instruction, step: StepAnalysis): SizeEstimate {
  const cmds = packageCommands(instr);
  const installs: { family: PackageFamily; names: string[] }[] = [];
  for (const c of cmds) if (isInstall(c)) installs.push({ family: c.family, names: c.packages.map((p) => p.name) });
  let leftovers = 0;
  const notes: string[] = [];
  const text = instr.script?.text ?? '';
  const aptCached = step.cacheMounts.some((t) => coversPath(t, '/var/lib/apt') || coversPath(t, '/var/lib/apt/lists'));
  if (cmds.some((c) => c.family === 'apt' && c.action === 'update') && !/\/var\/lib\/apt\/lists/.test(text) && !aptCached) {
    leftovers += APT_LISTS_BYTES;
    notes.push(`+ ${formatBytes(APT_LISTS_BYTES)} of apt lists left in the layer`);
  }
  const apkCached = step.cacheMounts.some((t) => coversPath(t, '/var/cache/apk') || coversPath(t, '/etc/apk/cache'));
  if (cmds.some((c) => c.family === 'apk' && c.action === 'install' && !c.options.some((o) => o.value === '--no-cache')) && !apkCached && !/\/var\/cache\/apk/.test(text)) {
    leftovers += APK_INDEX_BYTES;
    notes.push(`+ ${formatBytes(APK_INDEX_BYTES)} of apk index (no --no-cache)`);
  }
  const e = estimatePackageInstall(installs, leftovers);
  if (e.known.length === 0 && e.unknown.length === 0) return { bytes: leftovers || null, basis: leftovers ? notes.join(', ') : 'no package names could be read' };
  const parts = [];
  if (e.known.length) parts.push(`${e.known.join(', ')} from the package size table`);
  if (e.unknown.length) parts.push(`${e.unknown.join(', ')} not in the table (~5 MB each)`);
  return { bytes: e.bytes, basis: [...parts, ...notes].join('; ') };
}

/** A Go binary's size from what it imports, the modules it links and whether it is stripped. */
export function goBinaryEstimate(imports: ReadonlySet<string>, modules: number, stripped: boolean): SizeEstimate {
  let base = 1.8 * MB;
  let what = 'a Go program (~1.8 MB)';
  if (imports.has('net/http')) {
    base = 7 * MB;
    what = 'a net/http program (~7 MB)';
  } else if ([...imports].some((i) => i === 'net' || i.startsWith('net/') || i === 'crypto/tls')) {
    base = 4.5 * MB;
    what = 'a networked Go program (~4.5 MB)';
  }
  const perModule = 400 * KB;
  let bytes = base + modules * perModule;
  let basis = `${what}${modules ? ` + ${modules} module${modules === 1 ? '' : 's'} × ~400 KB` : ''}`;
  if (stripped) {
    bytes *= 0.7;
    basis += ', stripped (-s -w: ×0.7)';
  }
  return { bytes: Math.round(bytes), basis };
}

function workspaceImports(ws: WorkspaceModel | null): Set<string> {
  return new Set((ws?.packages ?? []).flatMap((p) => p.imports));
}

function isStripped(instr: Instruction): boolean {
  return goCommands(instr).some((g) => {
    const arg = ldflagsArgs(g.args).at(-1);
    return arg ? stripFlags(arg.tokens).s : false;
  });
}

/** The go build step's binary (the basis of its layer and of a COPY --from of it). */
export function binaryOf(instr: Instruction, ec: EstimateContext): SizeEstimate {
  const zips = modulesOf(ec).filter((m) => m.zip).length;
  const e = goBinaryEstimate(workspaceImports(ec.workspace), zips, isStripped(instr));
  return { bytes: e.bytes, basis: `binary: ${e.basis}` };
}

/**
 * The cache mount that keeps the step's Go build cache out of its layer: one over the path
 * goCachePaths gives (GOCACHE, XDG_CACHE_HOME, HOME, the image's default folder: ms-go-build in
 * the Microsoft build of Go 1.26+), or, where that path is unknown, one whose target ends in
 * go-build, ms-go-build or .cache (as GD107 counts it). `path`: the build cache's path, or null.
 */
function buildCacheMount(df: DockerfileModel, stage: StageAnalysis, step: StepAnalysis): { mount: string | null; path: string | null } {
  // (The build's own prefix counts: `GOCACHE=/x go build`.)
  const g = goCommands(step.instr).find((x) => x.sub === 'build' || x.sub === 'install') ?? null;
  const path = goCachePaths(df, stage.stage, step.instr, g).build;
  if (path !== null) return { mount: cachedBy(step, [path]), path };
  return { mount: step.cacheMounts.find((t) => /\/(ms-)?go-build\/*$|\/\.cache\/*$/.test(t)) ?? null, path };
}

export function goBuildSize(df: DockerfileModel, stage: StageAnalysis, step: StepAnalysis, ec: EstimateContext, stageDownloaded: boolean): SizeEstimate {
  if (!ec.workspace) return { bytes: null, basis: 'no Go module found for this build context: the binary cannot be estimated' };
  const bin = binaryOf(step.instr, ec);
  let bytes = bin.bytes!;
  const parts = [bin.basis];
  const build = buildCacheMount(df, stage, step);
  if (!build.mount) {
    bytes += 10 * bin.bytes!;
    parts.push(`+ the Go build cache left in the layer (~10× the binary; no cache mount on ${build.path ?? 'it: `go env GOCACHE` says where it is in this image'})`);
  }
  if (!stageDownloaded && !cachedBy(step, MODCACHE_PATHS) && modulesOf(ec).length > 0) {
    const d = moduleDownloadEstimate(cacheReport(ec));
    bytes += d.bytes;
    parts.push(`+ the modules it downloads (${d.basis})`);
  }
  return { bytes: Math.round(bytes), basis: parts.join(' ') };
}

/** Well-known files copied from other stages or images. */
const KNOWN_PATHS: [RegExp, number, string][] = [
  [/^\/etc\/ssl\/certs\/ca-certificates\.crt$/, 215 * KB, 'the CA bundle (~215 KB)'],
  [/^\/etc\/ssl\/certs\/?$/, 600 * KB, 'the CA certificates folder (~600 KB)'],
  [/^\/usr\/share\/zoneinfo\/?$/, 3 * MB, 'the zoneinfo database (~3 MB)'],
  [/^\/etc\/(passwd|group)$/, 1 * KB, 'an account file (~1 KB)'],
];

/** COPY --from=<stage>: the stage's binary when the source is its `go build -o` output, or a well-known file. */
export function stageCopySize(step: StepAnalysis, from: StageAnalysis | null, ec: EstimateContext): SizeEstimate {
  const sources = step.copySources;
  if (sources.length === 0) return { bytes: null, basis: 'the copied paths could not be read' };
  let total = 0;
  const bases: string[] = [];
  for (const src of sources) {
    const known = KNOWN_PATHS.find(([re]) => re.test(src));
    if (known) {
      total += known[1];
      bases.push(known[2]);
      continue;
    }
    const built = from ? buildOutputs(from).find((o) => o.path === src || coversPath(src, o.path)) : undefined;
    if (built && ec.workspace) {
      const b = binaryOf(built.instr, ec);
      total += b.bytes!;
      bases.push(`the binary built on line ${built.instr.line + 1} (${b.basis.replace(/^binary: /, '')})`);
      continue;
    }
    return { bytes: null, basis: `what ${from ? `stage ${from.stage.name ?? from.stage.index}` : 'the image'} holds at ${src} is known only after a build` };
  }
  return { bytes: Math.round(total), basis: bases.join(' + ') };
}

/** `go build -o PATH` outputs of a stage (absolute paths only; relative ones are resolved against WORKDIR when literal). */
function buildOutputs(s: StageAnalysis): { path: string; instr: Instruction }[] {
  const out: { path: string; instr: Instruction }[] = [];
  let workdir = '/';
  for (const st of s.steps) {
    if (st.instr.keyword === 'WORKDIR') {
      const w = st.instr.args[0]?.value ?? '';
      if (w && !w.includes('$')) workdir = w.startsWith('/') ? w : path.posix.join(workdir, w);
    }
    for (const g of goCommands(st.instr)) {
      if (g.sub !== 'build' && g.sub !== 'install') continue;
      const o = goFlag(g.args, 'o');
      if (!o || o.value === true || o.value.includes('$')) continue;
      out.push({ path: path.posix.resolve(workdir, o.value), instr: st.instr });
    }
  }
  return out;
}

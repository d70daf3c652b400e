/**
 * The generator's decisions: WorkspaceModel + options -> a Plan (what the Dockerfile holds) and
 * the reasons for each choice. Rendering the Plan as text is ./render.ts's job.
 */
import * as nodePath from 'node:path';
import { compareGoVersions } from '../images/golangTag';
import { knownCgoRequirement } from '../workspace/goImports';
import { diskReader } from '../workspace/load';
import type { GoModule, GoPackage, WorkspaceModel } from '../workspace/model';
import { buildFacts, mainPackages, packageByDir, requiredGoVersion, resolvePackageArg, type BuildFacts } from '../workspace/query';
import { listenAddresses, versionVariable, type ListenAddress, type VersionVariable } from './goSource';
import {
  FALLBACK_GO_VERSION, alpineImage, debianFor, debianSlimImage, distrolessImage, golangImage, isTaggableGoVersion, type DebianRelease,
} from './images';
import { GenerateError, isRuntime, type GenerateOptions, type GenerateTarget, type Runtime } from './types';

/** How the generator reads the context beyond the model. */
export interface GenerateIo {
  /** A context-relative file's text, null when missing. Default: read from `model.root`. */
  readFile?(rel: string): string | null;
  /** The context's files under a folder (a loaded Workspace provides it). */
  listFiles?(under?: string): readonly { path: string }[];
}

/** A COPY of module files from the context into the builder, relative to the builder's WORKDIR. */
export interface DependencyCopy {
  sources: string[];
  dest: string;
}

export interface Plan {
  target: GenerateTarget;
  runtime: Runtime;
  cgo: boolean;
  builder: {
    image: string;
    /** `FROM --platform=$BUILDPLATFORM` and GOOS/GOARCH from TARGETOS/TARGETARCH. */
    crossCompile: boolean;
    /** Packages installed in the builder before anything is copied (alpine + cgo). */
    apk: string[];
  };
  /** Builder WORKDIR (absolute). */
  workdir: string;
  /** Module files copied before the download; empty when vendored. */
  dependencyCopies: DependencyCopy[];
  download: boolean;
  /** Destination of `COPY . <dest>`. */
  sourceDest: string;
  /** Environment for every go command (`GOWORK=off`). */
  goEnv: string[];
  build: {
    vendor: boolean;
    tags: string[];
    /** The `-X` assignment (`main.version=${VERSION}`), null when not stamping. */
    stamp: string | null;
    output: string;
    packageArg: string;
  };
  runtimeStage: {
    image: string;
    caCertificates: boolean;
    binaryPath: string;
    user: string;
    expose: number[];
  };
  reasons: string[];
  warnings: string[];
  candidates: GenerateTarget[];
}

const GOMODCACHE = '/go/pkg/mod';
export const CACHE_MOUNTS = { mod: GOMODCACHE, build: '/root/.cache/go-build' };

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

// ---------------------------------------------------------------------------------------------
// Which main package

function sanitizeBinary(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '');
  return s === '' ? 'app' : s;
}

/** `<name>` for `cmd/<name>` (any folder: its last element); the module path's last element (skipping `/vN`) for a module root. */
export function binaryName(model: WorkspaceModel, p: GoPackage): string {
  if (p.module !== null && p.dir === p.module) {
    const mod = model.modules.find((m) => m.dir === p.module);
    const segs = (mod?.path ?? '').split('/').filter((s) => s !== '');
    if (segs.length > 1 && /^v[0-9]+$/.test(segs[segs.length - 1])) segs.pop();
    const last = segs[segs.length - 1];
    if (last) return sanitizeBinary(last);
    if (p.dir === '') return sanitizeBinary(nodePath.basename(model.root));
  }
  return sanitizeBinary(p.dir.split('/').pop() ?? 'app');
}

function rank(t: GenerateTarget): number {
  if (t.dir === t.module) return 0;
  if (/(^|\/)cmd\/[^/]+$/.test(t.dir)) return 1;
  return 2;
}

/** The main packages the generator can build (governed by a go.mod), module roots first, then `cmd/<name>`, then the others. */
export function candidatesOf(model: WorkspaceModel): GenerateTarget[] {
  return mainPackages(model)
    .filter((p) => p.module !== null)
    .map((p) => ({ dir: p.dir, importPath: p.importPath, binary: binaryName(model, p), module: p.module }))
    .sort((a, b) => rank(a) - rank(b) || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

function describe(t: GenerateTarget): string {
  return t.dir === '' ? '.' : t.dir;
}

function chooseTarget(model: WorkspaceModel, candidates: GenerateTarget[], requested: string | undefined): { target: GenerateTarget; why: string } {
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
    if (byName.length === 1) return { target: byName[0], why: `the package asked for (${arg})` };
    throw new GenerateError('unknown-package', `No main package matches "${arg}". Main packages: ${list || 'none'}.`, candidates);
  }
  if (candidates.length === 0) throw new GenerateError('no-main-package', 'The workspace has no main package (package main with func main) to build.', candidates);
  if (candidates.length > 1) {
    throw new GenerateError('ambiguous-package', `The workspace has ${candidates.length} main packages (${list}): say which one to build.`, candidates);
  }
  return { target: candidates[0], why: 'the only main package' };
}

// ---------------------------------------------------------------------------------------------
// The plan

interface GoVersionChoice {
  version: string;
  why: string;
}

function goVersionFor(model: WorkspaceModel, mod: GoModule | null, workspaceMode: boolean, warnings: string[]): GoVersionChoice {
  let version: string | null = null;
  let toolchain: string | null = null;
  let source = 'go.mod';
  if (workspaceMode) {
    const req = requiredGoVersion(model);
    if (req) {
      version = req.version;
      toolchain = req.toolchain;
      // Ties: name go.work, the file that decides for the whole workspace.
      source = req.source === 'go.work' || model.work?.goVersion === req.version ? 'go.work' : `${join(req.dir, 'go.mod')} (the highest go line of the workspace)`;
    }
    const wt = model.work?.toolchainVersion ?? null;
    if (wt && (!toolchain || compareGoVersions(wt, toolchain) > 0)) toolchain = wt;
  } else if (mod) {
    version = mod.goVersion;
    toolchain = mod.toolchainVersion;
    source = join(mod.dir, 'go.mod');
  }
  if (version === null) {
    warnings.push(`${source} has no go line: the builder uses Go ${FALLBACK_GO_VERSION}. Add one (go mod edit -go=<version>) and regenerate.`);
    return { version: FALLBACK_GO_VERSION, why: `${source} names no Go version (fallback)` };
  }
  let chosen = version;
  let why = `${source}'s go line says ${version}`;
  if (toolchain && compareGoVersions(toolchain, version) > 0) {
    chosen = toolchain;
    why = `the toolchain line (go${toolchain}) is newer than the go line (${version}): with an older image the go command would download it at build time`;
  }
  if (!isTaggableGoVersion(chosen)) {
    warnings.push(`The Go version "${chosen}" is not a golang image tag: the builder uses Go ${FALLBACK_GO_VERSION}.`);
    return { version: FALLBACK_GO_VERSION, why: `"${chosen}" is not a golang image tag (fallback)` };
  }
  return { version: chosen, why };
}

function cgoWhy(facts: BuildFacts): string {
  const parts: string[] = [];
  for (const r of facts.cgo) {
    if (r.kind === 'import-C') parts.push(`${r.pkg === '' ? 'the root package' : r.pkg} has import "C"`);
    else if (r.kind === 'import') parts.push(`${r.importPath} needs cgo (it binds ${r.module.binds})`);
  }
  return [...new Set(parts)].join('; ');
}

/** Modules binding a C library the runtime image must provide as a shared library (distroless base has none of them). */
const SYSTEM_LIBRARY_MODULES = new Set([
  'github.com/linxGnu/grocksdb', 'github.com/tecbot/gorocksdb', 'github.com/libgit2/git2go', 'github.com/h2non/bimg',
  'github.com/davidbyttow/govips', 'gocv.io/x/gocv', 'github.com/google/gopacket/pcap', 'github.com/godror/godror',
  'github.com/mattn/go-oci8', 'github.com/miekg/pkcs11',
]);

export function plan(model: WorkspaceModel, options: GenerateOptions = {}, io: GenerateIo = {}): Plan {
  const read = io.readFile ? (rel: string) => io.readFile!(rel) : diskReader(model);
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (options.runtime !== undefined && !isRuntime(options.runtime)) {
    throw new GenerateError('bad-option', `Unknown runtime "${String(options.runtime)}": use distroless, scratch, alpine or debian.`);
  }
  const runtime: Runtime = options.runtime ?? 'distroless';
  if (!model.module && !model.work && model.modules.length === 0) {
    throw new GenerateError('no-module', `No go.mod or go.work in ${model.root}: the generator writes Dockerfiles for Go modules.`);
  }

  const candidates = candidatesOf(model);
  const { target, why: targetWhy } = chooseTarget(model, candidates, options.package);
  const pkg = packageByDir(model, target.dir)!;
  const mod = model.modules.find((m) => m.dir === target.module) ?? null;
  const describeTarget = `${describe(target)}${target.importPath ? ` (${target.importPath})` : ''}`;
  reasons.push(`Builds ${describeTarget} into the binary \`${target.binary}\`: ${targetWhy}${candidates.length > 1 ? `; the other main packages: ${candidates.filter((c) => c !== target).map(describe).join(', ')}` : ''}.`);

  // go.work: build in workspace mode when the target's module is a member.
  const work = model.work;
  const member = work?.members.find((m) => !m.outsideContext && m.goModExists && m.dir === target.module);
  const workspaceMode = !!work && !!member;
  const goEnv: string[] = [];
  if (work && !workspaceMode) {
    goEnv.push('GOWORK=off');
    warnings.push(`go.work does not use ${target.module === '' ? '.' : target.module} (the module of ${describe(target)}): the build sets GOWORK=off and builds that module alone.`);
  }

  const go = goVersionFor(model, mod, workspaceMode, warnings);
  const deb: DebianRelease = debianFor(go.version);

  // cgo
  const facts = buildFacts(model, target.dir);
  const cgo = facts.needsCgo;
  if (cgo && runtime === 'scratch') {
    throw new GenerateError('runtime-needs-libc', `${target.importPath ?? describe(target)} needs cgo: ${cgoWhy(facts)}. scratch has no C library for a cgo binary: use the distroless runtime (distroless/base), debian or alpine.`, candidates);
  }
  if (!cgo) {
    for (const h of facts.cgoRequirementHints) {
      if (h.kind === 'requirement') warnings.push(`go.mod requires ${h.modulePath}, which needs cgo, but ${describe(target)} does not import it: built with CGO_ENABLED=0. If a dependency links it, set CGO_ENABLED=1 and use a glibc runtime (--runtime distroless or debian).`);
    }
    const indirect = (mod?.requirements ?? []).filter((r) => r.indirect && knownCgoRequirement(r.path));
    for (const r of indirect) warnings.push(`go.mod requires ${r.path} (needs cgo) indirectly: if ${describe(target)} links it through a dependency, the CGO_ENABLED=0 build fails; then set CGO_ENABLED=1 and use a glibc runtime.`);
  } else {
    for (const r of facts.cgo) {
      if (r.kind === 'import' && SYSTEM_LIBRARY_MODULES.has(r.module.path)) {
        warnings.push(`${r.importPath} links ${r.module.binds}, a system library: install its development package in the build stage and the library in the runtime (the debian runtime can apt-get it; distroless cannot).`);
      }
    }
  }

  // Builder
  const apk: string[] = [];
  let builderImage: string;
  if (cgo && runtime === 'alpine') {
    builderImage = golangImage(go.version, 'alpine');
    apk.push('gcc', 'musl-dev');
  } else builderImage = golangImage(go.version, deb.name);
  reasons.push(`${builderImage} builder: ${go.why}.`);

  // Runtime image and what it needs
  let runtimeImage: string;
  let caCertificates = false;
  const tags: string[] = [];
  const tls = facts.tls.length > 0 ? `${describe(target)} imports ${[...new Set(facts.tls.map((t) => t.importPath))].join(', ')}` : null;
  switch (runtime) {
    case 'distroless':
      runtimeImage = distrolessImage(cgo ? 'base' : 'static', deb);
      reasons.push(cgo
        ? `${runtimeImage} runtime because the binary needs cgo and so glibc: ${cgoWhy(facts)}. It has glibc, CA certificates and time zones, no shell, and runs as non-root.`
        : `${runtimeImage} runtime: no cgo needed (no import "C", no cgo-only module), so the binary is static (CGO_ENABLED=0); distroless static adds CA certificates, time zones and /etc/passwd, no shell, and runs as non-root.`);
      break;
    case 'scratch':
      runtimeImage = 'scratch';
      caCertificates = true;
      reasons.push('scratch runtime (asked for): an empty image, so the binary must be static (CGO_ENABLED=0) and everything else is copied in.');
      reasons.push(tls
        ? `CA certificates copied from the builder: ${tls} (TLS), and scratch has none ("x509: certificate signed by unknown authority" otherwise).`
        : 'CA certificates copied from the builder (about 200 kB): scratch has none, and a dependency may make TLS connections.');
      break;
    case 'alpine':
      runtimeImage = alpineImage();
      reasons.push(cgo
        ? `${runtimeImage} runtime (asked for) with an alpine builder: the binary needs cgo (${cgoWhy(facts)}), so it is built against musl with gcc and musl-dev and runs on alpine's musl.`
        : `${runtimeImage} runtime (asked for): a static binary (CGO_ENABLED=0) on a small image with a shell and apk; CA certificates come with alpine.`);
      break;
    case 'debian':
      runtimeImage = debianSlimImage(deb);
      caCertificates = true;
      reasons.push(cgo
        ? `${runtimeImage} runtime (asked for): the same Debian release as the builder, so the cgo binary finds the glibc it was linked against (${cgoWhy(facts)}).`
        : `${runtimeImage} runtime (asked for): a static binary (CGO_ENABLED=0) on Debian with a shell and apt.`);
      reasons.push(tls
        ? `CA certificates copied from the builder: ${tls} (TLS), and debian-slim has no ca-certificates package.`
        : 'CA certificates copied from the builder: debian-slim has no ca-certificates package, and a dependency may make TLS connections.');
      break;
  }
  // Time zones
  const noZoneinfo = runtime === 'scratch' || runtime === 'alpine';
  if (facts.needsTzdata && noZoneinfo) {
    tags.push('timetzdata');
    reasons.push(`-tags timetzdata: ${facts.loadLocationIn.map((d) => (d === '' ? 'the root package' : d)).join(', ')} call time.LoadLocation and ${runtime} has no /usr/share/zoneinfo, so the time zone database is embedded (about 450 kB).`);
  } else if (facts.needsTzdata) {
    reasons.push(`time.LoadLocation is called and ${runtimeImage} has /usr/share/zoneinfo: nothing to add.`);
  } else if (facts.importsTzdata) {
    reasons.push('The program embeds time/tzdata: no zoneinfo needed in the runtime.');
  }

  // Cross-compilation
  const crossCompile = !cgo;
  reasons.push(crossCompile
    ? 'The build stage runs on the build machine (--platform=$BUILDPLATFORM) and cross-compiles with GOOS=$TARGETOS GOARCH=$TARGETARCH: a multi-platform build (docker buildx build --platform linux/amd64,linux/arm64) compiles natively, not under emulation.'
    : 'No --platform=$BUILDPLATFORM: cross-compiling cgo needs a C cross-compiler, so the build stage runs on the target platform (emulated for foreign platforms).');

  // Modules: vendor/, go.work, go.mod
  const workdirCtx = workspaceMode ? '' : target.module ?? '';
  const vendorDir = workdirCtx;
  let vendor = read(join(vendorDir, 'vendor/modules.txt')) !== null;
  if (vendor && workspaceMode && compareGoVersions(go.version, '1.22') < 0) {
    vendor = false;
    warnings.push('vendor/ is ignored: workspace mode (go.work) reads vendor/ only from Go 1.22 on; the modules are downloaded.');
  }
  const dependencyCopies: DependencyCopy[] = [];
  const addCopy = (ctxDir: string, files: string[]) => {
    // Destination relative to the builder's WORKDIR (which holds the context folder `workdirCtx`).
    const rel = workdirCtx === '' ? ctxDir : ctxDir === workdirCtx ? '' : ctxDir.startsWith(workdirCtx + '/') ? ctxDir.slice(workdirCtx.length + 1) : null;
    const dest = rel === null ? `/src/${ctxDir}/` : rel === '' ? './' : `./${rel}/`;
    const existing = dependencyCopies.find((c) => c.dest === dest);
    if (existing) existing.sources.push(...files.filter((f) => !existing.sources.includes(f)));
    else dependencyCopies.push({ sources: files, dest });
  };
  const modFiles = (m: GoModule) => [join(m.dir, 'go.mod'), ...(m.hasGoSum ? [join(m.dir, 'go.sum')] : [])];
  if (vendor) {
    reasons.push(`vendor/modules.txt: the build reads the vendored modules (-mod=vendor), so there is no download step and no module cache.`);
  } else if (workspaceMode && work) {
    addCopy('', ['go.work', ...(work.hasWorkSum ? ['go.work.sum'] : [])]);
    const members = work.members.filter((m) => !m.outsideContext && m.goModExists);
    for (const m of members) addCopy(m.dir, modFiles(m));
    for (const m of work.members) {
      if (m.outsideContext) warnings.push(`go.work uses ${m.use}, outside the build context: Docker cannot copy it and the build fails. Build from a folder that contains it.`);
      else if (!m.goModExists) warnings.push(`go.work uses ${m.use}, which has no go.mod.`);
    }
    reasons.push(`go.work: go.work${work.hasWorkSum ? ', go.work.sum' : ''} and the go.mod/go.sum of every member (${members.map((m) => (m.dir === '' ? '.' : m.dir)).join(', ')}) are copied first, then \`go mod download\` runs in a layer of its own, with a BuildKit cache mount for the module cache: editing .go files reuses that layer.`);
  } else if (mod) {
    addCopy(mod.dir, modFiles(mod));
    reasons.push(`go.mod${mod.hasGoSum ? ' and go.sum are' : ' is'} copied first, then \`go mod download\` runs in a layer of its own with a BuildKit cache mount for the module cache: editing .go files reuses that layer, and a go.mod change downloads only what is new.`);
    if (!mod.hasGoSum) {
      if (mod.requirements.length > 0) warnings.push(`${join(mod.dir, 'go.mod')} has requirements but there is no go.sum: the build fails with "missing go.sum entry". Run go mod tidy and commit go.sum.`);
      else reasons.push('No go.sum (the module has no dependencies): only go.mod is copied.');
    }
  }
  // Local `replace` targets: `go mod download` reads their go.mod.
  if (!vendor) {
    const replaces = [...(workspaceMode ? (work?.replaces ?? []).map((r) => ({ r, from: '' })) : []),
      ...(workspaceMode ? (work?.members ?? []).filter((m) => !m.outsideContext) : mod ? [mod] : []).flatMap((m) => m.replaces.map((r) => ({ r, from: m.dir })))];
    for (const { r, from } of replaces) {
      if (!r.local) continue;
      const resolved = nodePath.posix.normalize(nodePath.posix.join(from === '' ? '.' : from, r.newPath));
      if (r.newPath.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
        warnings.push(`replace ${r.oldPath} => ${r.newPath} points outside the build context: Docker cannot copy it and the build fails.`);
        continue;
      }
      const dir = resolved === '.' ? '' : resolved;
      if (read(join(dir, 'go.mod')) === null) continue;
      if (dependencyCopies.some((c) => c.sources.includes(join(dir, 'go.mod')))) continue;
      addCopy(dir, [join(dir, 'go.mod')]);
      reasons.push(`replace ${r.oldPath} => ${r.newPath}: its go.mod is copied with the module files (go mod download reads it).`);
    }
  }

  // Ports and version
  const sources = pkg.files.map((f) => ({ file: f, text: read(join(pkg.dir, f)) })).filter((s): s is { file: string; text: string } => s.text !== null);
  const addresses: ListenAddress[] = sources.flatMap((s) => listenAddresses(s.file, s.text, pkg.imports));
  const expose = [...new Set(addresses.filter((a) => a.external).map((a) => a.port))].sort((a, b) => a - b);
  if (expose.length > 0) {
    const shown = addresses.filter((a) => a.external).map((a) => `${a.via} in ${a.file}`);
    reasons.push(`EXPOSE ${expose.join(' ')}: the program listens on ${shown.join(', ')}.`);
  }
  for (const a of addresses.filter((x) => !x.external)) {
    warnings.push(`${a.file} listens on ${a.address} (${a.via}): inside a container that address is unreachable from outside. Listen on ":${a.port}" and the Dockerfile will EXPOSE it.`);
  }
  let vv: VersionVariable | null = null;
  for (const s of sources) vv ??= versionVariable(s.file, s.text);
  const stampVersion = options.stampVersion ?? vv !== null;
  let stamp: string | null = null;
  if (stampVersion) {
    const name = vv?.name ?? 'version';
    stamp = `main.${name}=\${VERSION}`;
    if (vv) reasons.push(`ARG VERSION=dev and -X main.${name}=\${VERSION}: ${vv.file} declares \`var ${name}\`; build with --build-arg VERSION=1.2.3 to stamp a release.`);
    else warnings.push(`-X main.version=\${VERSION} was asked for, but the main package declares no \`var version string\`: the linker ignores it until you add one.`);
  }

  reasons.push(`go build -trimpath -ldflags="-s -w": no local paths in the binary (reproducible builds), no symbol table or DWARF (about a quarter smaller; stack traces keep function names and file:line). The build cache is a BuildKit cache mount, so a rebuild after an edit recompiles only what changed.`);
  reasons.push(`Non-root: USER 65532:65532 (the distroless "nonroot" ids${runtime === 'distroless' ? ', also the :nonroot tag\'s default' : ''}); exec-form ENTRYPOINT, so signals reach the program and no shell is needed.`);

  const output = `/out/${target.binary}`;
  const rel = workdirCtx === '' ? target.dir : target.dir === workdirCtx ? '' : target.dir.slice(workdirCtx.length + 1);
  return {
    target,
    runtime,
    cgo,
    builder: { image: builderImage, crossCompile, apk },
    workdir: workdirCtx === '' ? '/src' : `/src/${workdirCtx}`,
    dependencyCopies,
    download: !vendor,
    sourceDest: workdirCtx === '' ? '.' : '/src/',
    goEnv,
    build: { vendor, tags, stamp, output, packageArg: rel === '' ? '.' : `./${rel}` },
    runtimeStage: { image: runtimeImage, caCertificates, binaryPath: `/usr/local/bin/${target.binary}`, user: '65532:65532', expose },
    reasons,
    warnings,
    candidates,
  };
}

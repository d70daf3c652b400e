/**
 * GD210: the image copies a program out of a stage that runs on the build platform
 * (`FROM --platform=$BUILDPLATFORM`, or a stage built FROM one), where nothing made it for the
 * target: a tool `go install`ed without GOOS/GOARCH (devlake ships mockery and swag from /go/bin),
 * a go build that gets no GOARCH at all (sealed-secrets-web sources a file of plain
 * assignments: `. /tmp/buildenv && go build`), a file downloaded for the build machine's
 * architecture (`$(uname -m)`: kcp's kubectl), or a
 * program of the build image itself (kcp's `COPY --from=builder /usr/bin/wget`), or a program of an
 * image the stage only pulls for the build platform (Reloader's Dockerfile.ubi: `FROM
 * --platform=${BUILDPLATFORM} ${BUILDER_IMAGE} AS SRC`, then `COPY --from=SRC /manager .`, the
 * program the image starts; the remedy there is the FROM's platform), or a program `make` builds
 * with the stage's own C compiler where nothing names the target (sriov-network-device-plugin's
 * ddp-builder: `apk add build-base`, `make` in the ddptool sources an ADD unpacked, and the image
 * copies /tmp/ddptool/ddptool into /usr/bin). A stage on
 * $BUILDPLATFORM exists to cross-compile; on a cross build (`docker buildx build --platform
 * linux/arm64` on an amd64 machine) those files are the build machine's, and the image fails
 * with `exec format error` when it runs them.
 *
 * Not reported: a go build that sets GOARCH (a literal one is GD116's business) or runs after
 * a `RUN xx-go --wrap` of its stage chain (xx's `go` wrapper sets it: spire-controller-manager),
 * or after a copy of xx's older go wrapper (`COPY --from=tonistiigi/xx:golang / /`) with
 * TARGETPLATFORM or TARGETARCH in scope (nfs-subdir-external-provisioner's Dockerfile.multiarch), a
 * download whose RUN names the target (`$TARGETARCH`, `$TARGETPLATFORM`), files a RUN of the stage
 * writes at the copied path (a cross-compiled `-o /usr/bin/app`, or `mv app /usr/bin`), and images built on
 * $BUILDPLATFORM themselves. No fix: the tool must be built or fetched for the target instead
 * (`GOOS=$TARGETOS GOARCH=$TARGETARCH go install`, `$TARGETARCH` in the URL, or a stage on the
 * target platform), which only the author can choose.
 */
import { copyPaths, copyPlaces, dockerEnv, goCommands, goFlag, goImage, goPackages, isBuildPlatform, onBuildPlatform, pathEnv, rootImage, stageChain, targetImages, workdirBefore } from '../dockerfile/facts';
import { normalizeRepository } from '../images/table';
import { installsPackage, isCCompilerPackage } from '../dockerfile/packages';
import { sourceCovers } from '../dockerfile/copySources';
import { envValue, goBinaryName, stageRef } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shellModel';
import { expandVariables, readsTargetPlatform } from '../dockerfile/variables';
import { startPrograms } from '../facts/goAtStart';
import { shippedStages } from '../facts/passedBuildArgs';
import * as path from 'node:path';
import type { Rule, RuleFinding } from './types';

/** The build machine's architecture, asked at build time. */
const ARCH_PROBE = /\$\(\s*(uname\s+-m|arch|dpkg\s+--print-architecture|apk\s+--print-arch)\b|`\s*(uname\s+-m|arch|dpkg\s+--print-architecture|apk\s+--print-arch)\b/;
/**
 * A program of the image's distribution: one file in /usr/bin or /usr/sbin, where packages put
 * them. (/bin is a common output folder of the project's own build: blocky's make writes /bin/blocky.)
 */
const SYSTEM_BINARY = /^\/usr\/s?bin\/[^/*?[]+$/;

export const gd210: Rule = {
  code: 'GD210',
  name: 'build-platform-binary-in-image',
  summary: 'The image copies a program made for the build platform, not the target',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['goCommands', 'images', 'packageInstalls', 'workspace', 'contextFiles'],
  check(ctx) {
    const model = ctx.model;
    if (!model.stages.some((s) => s.platform !== null && isBuildPlatform(s.platform))) return [];
    const out: RuleFinding[] = [];
    for (const idx of shippedStages(model, ctx.finalStage, ctx.workspace, ctx.files).stages) {
      const image = model.stages[idx];
      if (!image || onBuildPlatform(model, image)) continue;
      for (const instr of image.instructions) {
        const from = instr.keyword === 'COPY' ? instr.flags.find((f) => f.name === 'from')?.value : undefined;
        const src = from ? stageRef(model, from) : null;
        if (src === null || src === undefined) continue;
        const stage = model.stages[src];
        if (!stage || !onBuildPlatform(model, stage)) continue;
        const sources = copyPaths(instr)?.sources ?? [];
        const made = buildPlatformFiles(model, stage);
        const label = stage.name ?? `stage ${stage.index}`;
        for (const s of sources) {
          const p = absolute(s);
          const hit = made.find((m) => (m.folder ? nativeProgram(model, instr, m.path, p) : sourceCovers(p, m.path.slice(1))))
            ?? (SYSTEM_BINARY.test(p) && !writtenInStage(model, stage, p) ? { path: p, what: `a program of \`${stage.name ?? stage.index}\`'s base image` } : undefined)
            ?? imageProgram(model, ctx.finalStage, stage, image, instr, p);
          if (!hit) continue;
          const remedy = hit.pulled
            ? `Drop \`--platform=$BUILDPLATFORM\` from \`${label}\`'s FROM, so that the image is pulled for the target platform (nothing runs in that stage).`
            : 'folder' in hit && hit.folder
              ? `Build it in a stage on the target platform (drop \`--platform=$BUILDPLATFORM\` from \`${label}\`'s FROM: it then runs emulated on a cross build), or cross-compile it for the target (a cross compiler for \`$TARGETARCH\`, tonistiigi/xx's xx-clang).`
              : 'Build or fetch it for the target (`GOOS=$TARGETOS GOARCH=$TARGETARCH`, `$TARGETARCH` in the download), or copy it from a stage on the target platform.';
          out.push({
            message: `\`${s}\` ${hit.path === p || ('folder' in hit && hit.folder) ? 'is' : 'holds'} ${hit.what}, and \`${label}\` ${hit.pulled ? 'pulls its image for' : 'runs on'} the build platform (\`--platform=$BUILDPLATFORM\`): on a cross build (\`docker buildx build --platform linux/arm64\` on an amd64 machine) the image gets the build machine's binary and fails with "exec format error" when it runs it. ${remedy}`,
            span: instr.span,
          });
          break;
        }
      }
    }
    return out;
  },
};

interface Made {
  path: string;
  /** What the file is, as a noun phrase. */
  what: string;
  /** The file came with an image the stage only pulls (no RUN, COPY or ADD): its remedy is the FROM's platform. */
  pulled?: boolean;
  /** `path` is the folder a native build ran in: the programs copied out of it into a bin folder are its (nativeProgram). */
  folder?: boolean;
}

/** Files whose bytes are the same on every platform: scripts, certificates, configuration, web assets, data. */
const PLATFORM_FREE = /\.(sh|bash|py|rb|pl|js|mjs|cjs|ts|json|ya?ml|toml|txt|md|crt|pem|cer|key|conf|cfg|ini|env|html?|css|svg|png|jpe?g|gif|ico|tmpl|tpl|gotmpl|sql|xml|csv|proto|lua)$/i;

/**
 * A program of the image a build-platform stage only pulls: the stage chain adds no file to its
 * base image (no RUN, COPY or ADD: a stage that names an image to copy from), so what the image
 * copies out of it is the base image's, pulled for the build machine. Reported only for a file
 * that is a program: one in a `bin` or `sbin` folder, or the file the image starts
 * (ENTRYPOINT/CMD) or runs (a RUN of the image) at the path the COPY puts it, and not a script,
 * certificate, configuration or asset by its name. stakater/Reloader's Dockerfile.ubi pulls the
 * multi-platform image built just before with `FROM --platform=${BUILDPLATFORM} ${BUILDER_IMAGE}
 * AS SRC` and its scratch image copies `/manager` out of it and starts it: the arm64 image got the
 * amd64 binary.
 */
function imageProgram(model: DockerfileModel, finalStage: number, stage: Stage, image: Stage, instr: Instruction, p: string): Made | undefined {
  const chain = stageChain(model, stage);
  if (chain.some((s) => s.instructions.some((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD'))) return undefined;
  if (rootImage(model, stage) === 'scratch' || p === '/' || /[*?[]/.test(p)) return undefined;
  const name = path.posix.basename(p);
  if (PLATFORM_FREE.test(name)) return undefined;
  const what = { path: p, pulled: true };
  // A folder of programs (`COPY --from=tools /usr/local/bin/ /usr/local/bin/`), or a file in one.
  if (/^s?bin$/.test(name)) return { ...what, what: `the programs of \`${stage.name ?? stage.index}\`'s image` };
  if (/(^|\/)s?bin$/.test(path.posix.dirname(p))) return { ...what, what: `a program of \`${stage.name ?? stage.index}\`'s image` };
  // Where the COPY puts the file.
  const places = copyPlaces(model, instr, p);
  const runs = new Set<string>();
  for (const t of targetImages(model, finalStage)) {
    const target = model.stages[t];
    if (!target || !stageChain(model, target).includes(image)) continue;
    for (const sp of startPrograms(model, target, undefined)) for (const q of sp.paths) runs.add(q);
  }
  for (const s of stageChain(model, image)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN') continue;
      for (const argv0 of i.json ? [i.json[0]] : (i.script?.parsed.commands ?? []).map((c) => c.argv[0]?.value)) {
        if (argv0?.startsWith('/')) runs.add(path.posix.resolve(argv0));
      }
    }
  }
  if (places.some((q) => runs.has(q))) return { ...what, what: `the program the image runs, out of \`${stage.name ?? stage.index}\`'s image` };
  return undefined;
}

/** Files a build-platform stage's RUNs make for the build machine: go install outputs without GOOS/GOARCH, downloads for `$(uname -m)`. */
function buildPlatformFiles(model: DockerfileModel, stage: Stage): Made[] {
  const out: Made[] = [];
  const wrapped = wrappedGo(model, stage);
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (instr.keyword !== 'RUN' || !instr.script) continue;
      // After `RUN xx-go --wrap`, `go` is xx's wrapper: it sets GOOS/GOARCH from TARGETPLATFORM.
      for (const g of wrapped.has(instr) ? [] : goCommands(instr)) {
        const built = g.sub === 'build' ? buildOutput(model, s, instr, g) : null;
        if (built) out.push(built);
        if (g.sub !== 'install' || envValue(model, s, g, 'GOARCH') !== undefined || envValue(model, s, g, 'GOOS') !== undefined) continue;
        const bin = goBin(model, s, instr, g);
        if (bin === null) continue;
        for (const w of goPackages(g.args)) {
          const name = commandName(w.value);
          if (name) out.push({ path: `${bin}/${name}`, what: `\`${name}\`, installed with \`go install\` without GOOS/GOARCH` });
        }
      }
      const native = nativeBuildDir(model, s, instr);
      if (native) out.push({ path: native, folder: true, what: `a program \`make\` built in ${native} with the stage's own C compiler (for the build machine: nothing in the stage names the target platform)` });
      const text = instr.script.text;
      if (!ARCH_PROBE.test(text) || readsTargetPlatform(text) || !/\b(wget|curl)\b/.test(text)) continue;
      const dir = workdirBefore(model, s, instr, null);
      for (const o of downloadOutputs(text)) {
        const v = expandVariables(o, pathEnv(model, s, instr));
        if (v === null) continue;
        const p = v.startsWith('/') ? path.posix.resolve(v) : dir === null ? null : path.posix.resolve(dir, v);
        if (p) out.push({ path: p, what: 'a file downloaded for the build machine\'s architecture (`uname -m`)' });
      }
    }
  }
  return out;
}

/** Words of a RUN that may make `make` build for another machine than the one it runs on. */
const CROSS_HINT = /\b(CC|CXX|CROSS_COMPILE|CROSS|ARCH|HOST|CHOST|TARGET|GOARCH|GOOS)=|--host\b|--target\b|-target\b|\bxx-|\bzig\b|\bqemu/;
/** Installed packages of a cross toolchain (or of another architecture's libraries). */
const CROSS_PACKAGE = /cross|aarch64|arm64|armhf|armel|arm-|x86[-_]64|i686|mingw|riscv|s390x|ppc64|powerpc|mips|:[a-z0-9]+$/i;
/** Variables of the stage's environment that a Makefile may read to pick the target. */
const CROSS_ENV = /^(TARGET(PLATFORM|OS|ARCH|VARIANT)?|CC|CXX|CROSS_COMPILE|CROSS|ARCH|HOST|CHOST|GOARCH|GOOS|GOARM)$/;

/**
 * The folder a `make` of the RUN runs in, when it builds natively for the build machine: the
 * stage chain installs a C compiler (build-base, build-essential, gcc…) and no cross toolchain,
 * no variable of the stage's environment or word of the RUN names a target or another compiler,
 * and the folder is known (WORKDIR, a static `cd` or `make -C` before it). sriov-network-device-
 * plugin 40b6f50 images/Dockerfile:16-25: `FROM --platform=$BUILDPLATFORM golang:1.20-alpine3.16
 * AS ddp-builder`, `apk add … build-base linux-headers`, `WORKDIR /tmp/ddptool`, `RUN make`.
 */
function nativeBuildDir(model: DockerfileModel, stage: Stage, instr: Instruction): string | null {
  const script = instr.script;
  if (!script || CROSS_HINT.test(script.text) || readsTargetPlatform(script.text) || ARCH_PROBE.test(script.text)) return null;
  let cwd = workdirBefore(model, stage, instr, null);
  let dir: string | null = null;
  for (const c of script.parsed.commands) {
    const argv = c.argv.map((w) => (w.dynamic ? null : w.value));
    if (argv[0] === 'cd') {
      cwd = argv[1] && argv[1] !== '-' && cwd !== null ? path.posix.resolve(cwd, argv[1]) : argv[1]?.startsWith('/') ? path.posix.resolve(argv[1]) : null;
      continue;
    }
    if (argv[0] !== 'make' && argv[0] !== 'gmake') continue;
    const C = argv.findIndex((a) => a === '-C' || a === '--directory');
    const at = C > 0 ? (argv[C + 1] && cwd !== null ? path.posix.resolve(cwd, argv[C + 1]!) : null) : cwd;
    if (at === null || at === '/' || (dir !== null && dir !== at)) return null;
    dir = at;
  }
  if (dir === null) return null;
  if (!installsPackage(model, stage, isCCompilerPackage, instr) || installsPackage(model, stage, (n) => CROSS_PACKAGE.test(n))) return null;
  for (const [name] of dockerEnv(model, stage, instr)) if (CROSS_ENV.test(name)) return null;
  // tonistiigi/xx's tools (xx-clang, xx-apk…) set up a cross build: anywhere in the file, not only in a RUN.
  if (model.text.includes('tonistiigi/xx') || stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\bxx-/.test(i.script?.text ?? '')))) return null;
  return dir;
}

/**
 * A program of a native build's folder: the COPY takes one file from inside it (not the folder, no
 * wildcard), not a script, configuration or asset by its name, and puts it into a bin folder.
 */
function nativeProgram(model: DockerfileModel, copy: Instruction, dir: string, p: string): boolean {
  if (!p.startsWith(`${dir}/`) || /[*?[]/.test(p) || PLATFORM_FREE.test(path.posix.basename(p))) return false;
  return copyPlaces(model, copy, p).some((q) => /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/.test(q));
}

/**
 * The RUNs of the stage's chain that come after a `RUN xx-go --wrap` (and no `xx-go --unwrap`
 * since): tonistiigi/xx's `--wrap` puts a `go` in front of the toolchain's on PATH that calls
 * xx-go, which sets GOOS/GOARCH/GOARM from TARGETPLATFORM, so every later `go build` or
 * `go install` of the stage, and of stages built FROM it, compiles for the target
 * (spire-controller-manager: `RUN xx-go --wrap`, then `RUN go build -o bin/…`).
 * So do the RUNs after xx's older go wrapper is copied in (xxGolangWrapper), when TARGETPLATFORM
 * or TARGETARCH is in their scope: the wrapper reads nothing else.
 */
function wrappedGo(model: DockerfileModel, stage: Stage): Set<Instruction> {
  const out = new Set<Instruction>();
  let wrapped = false;
  let wrapper = false;
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (!wrapper && xxGolangWrapper(model, s, instr)) wrapper = true;
      if (instr.keyword !== 'RUN' || !instr.script) continue;
      if (wrapped) out.add(instr);
      else if (wrapper) {
        const env = dockerEnv(model, s, instr);
        if (env.has('TARGETPLATFORM') || env.has('TARGETARCH')) out.add(instr);
      }
      for (const c of instr.script.parsed.commands) {
        if (path.posix.basename(c.argv[0]?.value ?? '') !== 'xx-go') continue;
        const args = c.argv.slice(1).map((w) => w.value);
        if (args.includes('--wrap')) wrapped = true;
        else if (args.includes('--unwrap')) wrapped = false;
      }
    }
  }
  return out;
}

/**
 * A COPY of tonistiigi/xx's older go wrapper into a golang stage: `COPY --from=tonistiigi/xx:golang
 * / /` (any `golang…` tag, or a stage built FROM such an image: `--from=xx`), the whole image or
 * its `/go/bin/go`. Those images hold two files, /usr/sbin/cross-go-env and /go/bin/go, a script
 * that sets GOOS, GOARCH and GOARM from TARGETPLATFORM (or TARGETOS/TARGETARCH) when the build
 * gives them, and then runs /usr/local/go/bin/go; /go/bin comes first on the golang images' PATH,
 * so a plain `go build` runs it. kubernetes-sigs/nfs-subdir-external-provisioner's
 * Dockerfile.multiarch (`COPY --from=tonistiigi/xx:golang-1.0.0 / /`, `ARG TARGETPLATFORM`, then
 * `go build -o /bin/main`) builds its linux/amd64, arm/v7 and arm64 images that way.
 */
function xxGolangWrapper(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  if (instr.keyword !== 'COPY') return false;
  const from = instr.flags.find((f) => f.name === 'from')?.value;
  if (!from) return false;
  const index = stageRef(model, from);
  const image = index === null || index === undefined ? from : rootImage(model, model.stages[index]);
  if (image === null) return false;
  const { repo, tag } = normalizeRepository(image);
  if (repo !== 'tonistiigi/xx' || !tag?.startsWith('golang') || !goImage(model, stage)) return false;
  const paths = copyPaths(instr);
  if (!paths) return false;
  const dest = path.posix.resolve('/', paths.dest);
  return paths.sources.some((src) => {
    const p = absolute(src);
    return (p === '/' && dest === '/') || ((p === '/go/bin/go' || p === '/go/bin' || p === '/go') && (dest === p || (paths.dest.endsWith('/') && dest === path.posix.dirname(p))));
  });
}

/**
 * The `-o` output of a go build that gets no GOARCH at all (no prefix, `export`, ENV, ARG or
 * `go env -w`): on $BUILDPLATFORM it is compiled for the build machine. Null when the RUN decides
 * the platform another way (`$TARGETARCH`, `uname -m`, xx-go, `eval`, `set -a`) or sources a file
 * that may export GOARCH. A sourced file the stage writes with `echo "GOARCH=$GOARCH" >
 * /tmp/buildenv` holds a plain assignment, which go never sees (sealed-secrets-web).
 */
function buildOutput(model: DockerfileModel, stage: Stage, instr: Instruction, g: Parameters<typeof envValue>[2]): Made | null {
  if (envValue(model, stage, g, 'GOARCH') !== undefined) return null;
  const goos = envValue(model, stage, g, 'GOOS');
  if (goos !== undefined && goos !== 'linux') return null;
  const text = instr.script?.text ?? '';
  if (readsTargetPlatform(text) || ARCH_PROBE.test(text) || /\b(xx-go|xx-info|xx-clang|eval)\b|\bset\s+-[a-z]*a/.test(text)) return null;
  for (const c of instr.script?.parsed.commands ?? []) {
    const name = c.argv[0]?.value;
    if ((name === '.' || name === 'source') && c.start < g.cmd.start && !plainAssignments(model, stage, instr, c.argv[1]?.value ?? '')) return null;
  }
  const o = goFlag(g.args, 'o');
  if (!o || typeof o.value !== 'string') return null;
  const v = expandVariables(o.value, pathEnv(model, stage, instr));
  if (v === null || v === '') return null;
  const dir = workdirBefore(model, stage, instr, null);
  const p = v.startsWith('/') ? path.posix.resolve(v) : dir === null ? null : path.posix.resolve(dir, v);
  if (p === null) return null;
  return { path: p, what: `\`${path.posix.basename(p)}\`, built with \`go build\` without GOARCH (for the build machine)` };
}

/**
 * A file a RUN sources that earlier RUNs of the stage write with `echo`/`printf` redirected to
 * it, none of them writing an `export` or `set -a`: its assignments stay in the sourcing shell
 * and never reach go. False when nothing in the stage writes it (we cannot tell).
 */
function plainAssignments(model: DockerfileModel, stage: Stage, before: Instruction, file: string): boolean {
  if (!file.startsWith('/') || /[$`*?]/.test(file)) return false;
  const esc = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const writes = new RegExp(`>>?\\s*["']?${esc}["']?(?=$|[\\s;&|)])`, 'm');
  let written = false;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return written;
      const t = i.keyword === 'RUN' ? i.script?.text ?? '' : '';
      if (!writes.test(t)) continue;
      if (/\b(echo|printf)\s+(-\w+\s+)*["']?(export|declare|set\s+-[a-z]*a)\b/.test(t) || new RegExp(`\\b(cp|mv|curl|wget|cat|tee)\\b[^;&|]*${esc}`).test(t)) return false;
      written = true;
    }
  }
  return written;
}

/** Where `go install` puts programs: GOBIN, else the first GOPATH entry's bin (/go/bin on golang). */
function goBin(model: DockerfileModel, stage: Stage, instr: Instruction, g: Parameters<typeof envValue>[2]): string | null {
  const gobin = envValue(model, stage, g, 'GOBIN');
  if (gobin !== undefined) return gobin && gobin.startsWith('/') ? strip(gobin) : null;
  const gopath = envValue(model, stage, g, 'GOPATH') ?? pathEnv(model, stage, instr).get('GOPATH');
  return gopath && gopath.startsWith('/') ? `${strip(gopath.split(':')[0])}/bin` : null;
}

/** The program a `go install` package makes (go's name for it: goBinaryName), none for a `...` pattern. */
function commandName(pkg: string): string | null {
  const p = pkg.split('@')[0].replace(/\/\.\.\.$/, '');
  return p.includes('...') ? null : goBinaryName(p);
}

/**
 * Output paths of the script's downloads: wget's `-O f`/`--output-document=f`, curl's `-o f`/
 * `--output f`, and `tar -C dir` (a download unpacked there), each read from its own command.
 */
function downloadOutputs(text: string): string[] {
  const out: string[] = [];
  for (const command of withoutSubstitutions(text).split(/&&|\|\||[;|\n]/)) {
    const words = command.trim().split(/\s+/).filter((w) => w !== '\\');
    const tool = words[0] === 'sudo' ? words[1] : words[0];
    const flags = tool === 'wget' ? ['-O', '--output-document'] : tool === 'curl' ? ['-o', '--output'] : tool === 'tar' ? ['-C', '--directory'] : [];
    for (let k = 1; k < words.length; k++) {
      const [flag, inline] = words[k].split(/=(.*)/s);
      if (!flags.includes(flag)) continue;
      const value = (inline ?? words[k + 1] ?? '').replace(/^["']|["']$/g, '');
      if (value !== '' && value !== '-') out.push(value);
    }
  }
  return out;
}

/** The text with each `$(…)` (nested ones too) replaced by `_`: its pipes and words are not the command's. */
function withoutSubstitutions(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '(') {
      if (depth === 0) out += '_';
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      continue;
    }
    out += text[i];
  }
  return out;
}

/**
 * Whether the stage's chain may write the path itself: a RUN names it or moves a file of its name
 * into its folder, an ENV or ARG names its
 * folder (an output folder a build script reads: `BIN_OUT_DIR=/usr/bin`), or a COPY puts a file there.
 */
function writtenInStage(model: DockerfileModel, stage: Stage, p: string): boolean {
  const dir = path.posix.dirname(p);
  return stageChain(model, stage).some((s) => s.instructions.some((i) => {
    if (i.keyword === 'RUN') return (i.script?.text.includes(p) ?? false) || (i.script ? movedInto(i.script.parsed.commands, p) : false);
    if (i.keyword === 'ENV' || i.keyword === 'ARG') return i.args.some((a) => a.value.includes(dir));
    if (i.keyword === 'COPY' || i.keyword === 'ADD') return [p, dir].includes((i.args[i.args.length - 1]?.value ?? '').replace(/\/$/, ''));
    return false;
  }));
}

/**
 * A `mv`/`cp`/`install`/`ln` of the script puts a file named like `p` into p's folder
 * (gorse's `go build … . && mv gorse-in-one /usr/bin`): the destination is the last operand or
 * `-t DIR`/`--target-directory=DIR`.
 */
function movedInto(commands: readonly ShellCommand[], p: string): boolean {
  const dir = path.posix.dirname(p);
  const name = path.posix.basename(p);
  for (const c of commands) {
    const argv = c.argv[0]?.value === 'sudo' ? c.argv.slice(1) : c.argv;
    if (!/^(mv|cp|install|ln)$/.test(argv[0]?.value ?? '')) continue;
    let dest: string | undefined;
    const operands: string[] = [];
    for (let k = 1; k < argv.length; k++) {
      const v = argv[k].value;
      if (v === '-t' || v === '--target-directory') dest = argv[++k]?.value;
      else if (v.startsWith('--target-directory=')) dest = v.slice('--target-directory='.length);
      else if (!v.startsWith('-')) operands.push(v);
    }
    if (dest === undefined) dest = operands.pop();
    if (dest === undefined || operands.length === 0) continue;
    const d = strip(dest);
    if (d === p && operands.length === 1) return true;
    if (d === dir && operands.some((o) => path.posix.basename(o) === name)) return true;
  }
  return false;
}

/** A COPY source (relative to the stage's root) as an absolute path. */
function absolute(src: string): string {
  const p = path.posix.resolve('/', src);
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function strip(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

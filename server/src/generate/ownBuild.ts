/**
 * Which main package the repository's own build ships, for when the ranking (./choose.ts) has no
 * obvious pick: the project already said it somewhere. In this order, the first that says
 * anything decides:
 *
 *  1. the Dockerfiles at the context root (`Dockerfile`, `Dockerfile.x`, `Dockerfile-x`,
 *     `x.Dockerfile`, `Containerfile`): for each image a file makes (dockerfile/facts.ts
 *     `targetImages`), the packages whose binary it gets (facts/builtPackages.ts
 *     `shippedPackages`: its go builds, and those of make recipes it runs, that land there), or,
 *     when that is not one, the one its ENTRYPOINT starts (startedPackage). mochi-mqtt/server's
 *     Dockerfile builds `./cmd/docker`; ipfs-cluster's starts docker/entrypoint.sh, which runs
 *     ipfs-cluster-service. Only a plain `Dockerfile`/`Containerfile` decides; the variants can
 *     only agree or disagree with it;
 *  2. a goreleaser config at the root: the `main:` of each entry of `builds:` (`.` when an
 *     entry has none, as goreleaser does);
 *  3. the Makefile at the root: the go builds of its default goal (dockerfile/makeRecipe.ts, read
 *     only when certain), else of its `build` target.
 *
 * A source settles the choice only when, together, its files name exactly one of the main
 * packages; several packages (two Dockerfiles building different programs, a Makefile building
 * them all) or one it cannot read for sure (a package named by a variable) settle nothing, and
 * the caller keeps asking. Nothing here changes what a chosen package's image does.
 */
import { toDoc, type DockerfileModel } from '../dockerfile/model';
import { parseDockerfile, properties } from '../dockerfile/parse';
import { copyPaths, effectiveUser, goFlag, goPackages, isRootUser, isWholeContext, pathEnv, stageChain, stageRef, startInstructions, targetImages, workdirBefore } from '../dockerfile/facts';
import { goBinaryName } from '../dockerfile/goBuild';
import { expandVariables } from '../dockerfile/variables';
import { scriptCommands, startPrograms, type ScriptCommand } from '../facts/goAtStart';
import { GORELEASER_CONFIGS, goreleaserItems, yamlKey, yamlList, yamlListItems } from '../dockerfile/goreleaser';
import { makeRecipe } from '../dockerfile/makeRecipe';
import { shippedPackages } from '../facts/builtPackages';
import type { WorkspaceModel } from '../workspace/model';
import { mainPackages, packageByDir, resolvePackageArg } from '../workspace/query';
import type { WorkspaceFiles } from '../workspace/types';
import * as nodePath from 'node:path';
import type { GenerateTarget } from './types';

export interface OwnBuildIo {
  readFile(rel: string): string | null;
  listFiles(under?: string): readonly { path: string }[];
  /** The context's files (a loaded Workspace): lets a Dockerfile's `RUN make` be followed. */
  files?: WorkspaceFiles;
}

/** Lines of the project's start script that run the program for another step than starting it. */
export interface StartSteps {
  file: string;
  program: string;
  lines: { line: number; text: string }[];
  /**
   * When `lines` is empty (reported when there are steps, or an argument names a file the script
   * writes or the context holds): the arguments the script starts the program with (vulcan-api's run.sh:
   * `exec ./vulcan-api -c run.toml`), the other programs it runs before (`envsubst < config.toml >
   * run.toml`, `flyway … migrate`: all of them, in order), and where it writes a file an argument names.
   */
  args?: string[];
  before?: { line: number; text: string }[];
  writes?: { file: string; line: number; text: string }[];
}

/** What the project's own build says. */
export type OwnBuild =
  /** Exactly one main package: `files` (one or more, of one kind) build it, `how` shows one such build. */
  | { target: GenerateTarget; files: string[]; how: string; steps?: StartSteps }
  /** It names several, or one it cannot read for sure: no pick, and why (for the refusal). */
  | { target: null; note: string }
  | null;

/** A Dockerfile's name at the context root (not its `.dockerignore`). */
export const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:[.-][^/]*)?|[^/]+\.(?:Dockerfile|dockerfile|Containerfile))$/;
/** The names `docker build .` (and podman's) look for. */
const PLAIN_NAMES = new Set(['Dockerfile', 'Containerfile']);

/** Found: the main packages a file builds (folders), how it builds one, or why it cannot be read for sure. */
interface FileBuild {
  file: string;
  dirs: string[];
  how: string;
  steps?: StartSteps;
  unsure?: string;
  /** The absolute path the final image starts its program at (exec form, no script), with where it says so. */
  /** Where the final image starts the binary; `args`: the plain words its exec-form ENTRYPOINT gives it (harness's `ENTRYPOINT ["/app/gitness", "server"]`). */
  runs?: { path: string; via: string; args?: string[] };
}

function describe(dir: string): string {
  return dir === '' ? '.' : dir;
}

export function ownBuildChoice(model: WorkspaceModel, candidates: readonly GenerateTarget[], io: OwnBuildIo): OwnBuild {
  const known = new Set(candidates.map((c) => c.dir));
  for (const source of [dockerfileBuilds, goreleaserBuilds, makefileBuilds]) {
    const builds = source(model, candidates, io).map((b) => ({ ...b, dirs: b.dirs.filter((d) => known.has(d)) })).filter((b) => b.dirs.length > 0 || b.unsure);
    if (builds.length === 0) continue;
    const unsure = builds.find((b) => b.unsure);
    if (unsure) return { target: null, note: `${unsure.file} ${unsure.unsure}` };
    const dirs = [...new Set(builds.flatMap((b) => b.dirs))];
    if (dirs.length > 1) {
      const each = builds.map((b) => `${b.file}: ${b.dirs.map(describe).join(', ')}`).join('; ');
      return { target: null, note: `the project's own build names several of them (${each})` };
    }
    const target = candidates.find((c) => c.dir === dirs[0])!;
    return { target, files: builds.map((b) => b.file), how: builds[0].how, steps: builds[0].steps };
  }
  return null;
}

/**
 * Where the project's own root Dockerfiles that build only `dir` start its binary: the absolute
 * path of their final stage's ENTRYPOINT (else CMD) in exec form (keda's Dockerfile.adapter
 * `ENTRYPOINT ["/keda-adapter", …]`), with the file and line. A start script is not a place.
 */
export function ownRunPaths(model: WorkspaceModel, candidates: readonly GenerateTarget[], dir: string, io: OwnBuildIo): { path: string; via: string; args?: string[] }[] {
  const known = new Set(candidates.map((c) => c.dir));
  return dockerfileBuilds(model, candidates, io).filter((b) => b.runs && b.dirs.filter((d) => known.has(d)).length === 1 && b.dirs.includes(dir)).map((b) => b.runs!);
}

/**
 * The subcommand words with which the final stage of the project's root Dockerfile (or, given
 * `targetDir`, of the one in the main package's folder: shellhub's server/Dockerfile
 * `ENTRYPOINT ["/server", "server"]`) starts the binary, whichever way it gets there (built, or copied prebuilt from the context): an exec-form
 * ENTRYPOINT naming it (`["/docker-mcp", "gateway", "run"]`), or an exec-form CMD naming it behind
 * an ENTRYPOINT that starts what it is given (k0s: `ENTRYPOINT ["/sbin/tini", "--",
 * "/entrypoint.sh"]`, `CMD ["k0s", "controller", "--enable-worker"]`). Words up to the first flag,
 * at most two; null when no such file or words.
 */
export function ownStartWords(names: ReadonlySet<string>, io: OwnBuildIo, targetDir?: string): { words: string[]; via: string } | null {
  for (const { file, df } of rootModels(io, targetDir)) {
    const { entrypoint, cmd } = startInstructions(df, df.stages[df.stages.length - 1]);
    const json = entrypoint?.json && entrypoint.json.length > 0 && names.has(nodePath.posix.basename(entrypoint.json[0])) ? { i: entrypoint, argv: entrypoint.json }
      : cmd?.json && cmd.json.length > 0 && names.has(nodePath.posix.basename(cmd.json[0])) ? { i: cmd, argv: cmd.json } : null;
    if (!json) continue;
    const words: string[] = [];
    for (const w of json.argv.slice(1)) { if (!/^[a-z][a-z0-9-]*$/.test(w) || words.length === 2) break; words.push(w); }
    if (words.length > 0) return { words, via: `${file}:${json.i.line + 1} ${json.i.keyword} ${JSON.stringify(json.argv)}` };
  }
  return null;
}

/**
 * The project's root Dockerfiles start the binary with no arguments: the final stage's exec-form
 * ENTRYPOINT names it alone and no CMD follows (setting ENTRYPOINT drops the base image's CMD), or
 * it has no ENTRYPOINT and its exec-form CMD names the binary alone (mudler/edgevpn 97f8fed
 * Dockerfile:44 `ENTRYPOINT ["/usr/bin/edgevpn"]` after `FROM alpine`). Where, or null, also when
 * another of them starts it otherwise.
 */
export function ownBareStart(names: ReadonlySet<string>, io: OwnBuildIo): { via: string } | null {
  let found: { via: string } | null = null;
  for (const { file, df } of rootModels(io)) {
    const { entrypoint, cmd } = startInstructions(df, df.stages[df.stages.length - 1]);
    const start = entrypoint ? (entrypoint.json ? [...entrypoint.json, ...(cmd ? cmd.json ?? ['?'] : [])] : null) : cmd?.json ?? null;
    const at = entrypoint ?? cmd;
    if (!start || !at || start.length === 0 || !names.has(nodePath.posix.basename(start[0]))) continue;
    if (start.length > 1) return null;
    found ??= { via: `${file}:${at.line + 1} ${at.keyword} ${JSON.stringify(start)}` };
  }
  return found;
}

/**
 * The arguments with which the project's root Dockerfiles (and those in the main package's folder)
 * start the binary in exec form: ENTRYPOINT's words after it, then CMD's, or an exec-form CMD
 * naming it (pufferffish/wireproxy a57972e Dockerfile:14-15 `ENTRYPOINT [ "/usr/bin/wireproxy" ]`,
 * `CMD [ "--config", "/etc/wireproxy/config" ]`), with the VOLUMEs its final stage declares
 * (`VOLUME [ "/etc/wireproxy"]`, where the project's users mount that file). Null when none starts
 * it so, or two disagree.
 */
export function ownStartRest(names: ReadonlySet<string>, io: OwnBuildIo, targetDir: string): { args: string[]; via: string; volumes: { path: string; via: string }[]; copied: string[] } | null {
  let found: { args: string[]; via: string; volumes: { path: string; via: string }[]; copied: string[] } | null = null;
  for (const { file, df } of rootModels(io, targetDir)) {
    const final = df.stages[df.stages.length - 1];
    const st = finalStart(df, names, true);
    if (!st) continue;
    const { start, cmd } = st;
    const shown = (i: NonNullable<typeof cmd>) => `${i.keyword} ${JSON.stringify(i.json)}`;
    let via: string;
    if (start !== cmd) {
      if (cmd && !cmd.json) return null;
      via = `${file}:${start.line + 1} ${shown(start)}${cmd ? `, ${cmd.line !== start.line ? `:${cmd.line + 1} ` : ''}${shown(cmd)}` : ''}`;
    } else via = `${file}:${cmd.line + 1} ${shown(cmd)}`;
    const args = st.args;
    if (found && found.args.join('\0') !== args.join('\0')) return null;
    if (found) continue;
    const volumes: { path: string; via: string }[] = [];
    // Where the final stage's COPY and ADD put files (absolute; null for a destination it cannot tell).
    const copied: string[] = [];
    for (const st of stageChain(df, final)) {
      for (const i of st.instructions) {
        if (i.keyword === 'COPY' || i.keyword === 'ADD') {
          const cp = copyPaths(i);
          const dir = cp === null ? null : cp.dest.startsWith('/') ? '/' : workdirBefore(df, st, i, null);
          if (cp === null || dir === null || cp.dest.includes('$')) { copied.push('/'); continue; }
          const dest = nodePath.posix.resolve(dir, cp.dest);
          // Into a folder (`COPY --from=build /out/app .`): each source by its name; a folder, a
          // pattern or a variable among the sources: the whole destination.
          const intoFolder = cp.dest.endsWith('/') || cp.dest === '.' || cp.sources.length > 1;
          for (const src of cp.sources) {
            const plainFile = !/[*?[$]/.test(src) && !src.endsWith('/') && src !== '.' && /\.[A-Za-z0-9]+$|\/[^/.]+$/.test(src);
            copied.push(intoFolder && plainFile ? nodePath.posix.join(dest, nodePath.posix.basename(src)) : dest);
          }
        }
        if (i.keyword !== 'VOLUME') continue;
        const written = df.text.slice(i.argsSpan?.start ?? i.span.end, i.span.end).trim();
        const paths = written.startsWith('[') ? [...written.matchAll(/"([^"]+)"/g)].map((m) => m[1]) : written.split(/\s+/);
        for (const path of paths) if (path.startsWith('/')) volumes.push({ path: path.replace(/\/+$/, '') || '/', via: `${file}:${i.line + 1} VOLUME ${written}` });
      }
    }
    found = { args, via, volumes, copied };
  }
  return found;
}

/**
 * The names the project's root Makefile gives the binary of `dir`: the last element of a static
 * `-o` of a recipe line's `go build` whose one package argument is that package (keda's
 * `${GO_BUILD_VARS} go build -ldflags $(GO_LDFLAGS) -o bin/keda cmd/operator/main.go`), with the
 * file and line. Read line by line (a Makefile whose prerequisites make cannot be followed for
 * sure still names its outputs); a word holding a variable is not read.
 */
export function ownBinaryNames(model: WorkspaceModel, dir: string, io: OwnBuildIo): { name: string; via: string }[] {
  const file = ['GNUmakefile', 'makefile', 'Makefile'].find((f) => io.readFile(f) !== null);
  const text = file ? io.readFile(file) : null;
  if (!file || text === null) return [];
  const out: { name: string; via: string }[] = [];
  const lines = text.split(/\r?\n/);
  // Variables that hold the go command (lws's `GO_CMD ?= go`, then `$(GO_CMD) build … -o bin/manager`).
  const goVars = new Set<string>();
  /** Variables given one plain value (`NAME := gobetween`), for the output's name; null when given several. */
  const plain = new Map<string, string | null>();
  for (const m of text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)[ \t]*[?:]?=[ \t]*(\S+)[ \t]*$/gm)) {
    if (/^(?:\S*\/)?go$/.test(m[2])) goVars.add(m[1]);
    plain.set(m[1], plain.has(m[1]) || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(m[2]) ? null : m[2]);
  }
  // Every assignment of a variable, whatever its value: one given twice (per platform, say) is not plain.
  for (const m of text.matchAll(/^(?:export[ \t]+|override[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:[?:+!]|::)?=/gm)) if (plain.has(m[1]) && text.match(new RegExp(`^(?:export[ \\t]+|override[ \\t]+)?${m[1]}[ \\t]*(?:[?:+!]|::)?=`, 'gm'))!.length > 1) plain.set(m[1], null);
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    const first = n;
    while (line.endsWith('\\') && n + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++n]}`;
    if (!line.startsWith('\t')) continue;
    line = line.replace(/\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]/g, (all, v: string) => (goVars.has(v) ? 'go' : all));
    const m = /(?:^|[\s;&|])go\s+build\s+(.*)$/.exec(line);
    if (!m) continue;
    const words = m[1].split(/[;&|]/)[0].trim().split(/\s+/);
    const at = words.indexOf('-o');
    // The output's last element may name the binary through a plain variable (yyyar/gobetween
    // e469fe4 Makefile:12 `NAME := gobetween`, :37 `go build … -o ./bin/$(NAME) … .`).
    const written = at >= 0 ? words[at + 1] : /^--?o=(.+)$/.exec(words.find((w) => /^--?o=/.test(w)) ?? '')?.[1];
    const output = written?.replace(/\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$/, (all, v: string) => plain.get(v) ?? all);
    const arg = words[words.length - 1];
    if (!output || output.includes('$') || /['"]/.test(output) || output.endsWith('/') || !arg || arg.startsWith('-') || arg.includes('$') || arg === output) continue;
    const local = arg === '.' || arg.startsWith('./') || arg.endsWith('.go') || !arg.split('/')[0].includes('.');
    const p = local ? resolvePackageArg(model, arg.endsWith('.go') ? `./${nodePath.posix.dirname(arg)}` : arg.startsWith('./') || arg === '.' ? arg : `./${arg}`) : resolvePackageArg(model, arg);
    if (!p || p.dir !== dir) continue;
    out.push({ name: nodePath.posix.basename(output), via: `${file}:${first + 1} go build -o ${written} ${arg}` });
  }
  return out;
}

/**
 * The one name the project's Makefile gives the binary of `dir` (ownBinaryNames), when its
 * `go build -o` lines for that package agree on one: containers/gvisor-tap-vsock 855ccda
 * Makefile:24 `go build … -o bin/gvforwarder ./cmd/vm` (images/Dockerfile ships gvforwarder;
 * judge 41 G G5). Not an output per platform (`bin/app-darwin-amd64`, `app.exe`), /dev/null, or a
 * developer's copy in the home folder (sqlc-dev/sqlc Makefile:27 `go build -o ~/bin/sqlc-dev ./cmd/sqlc/`).
 */
export function madeBinaryName(model: WorkspaceModel, dir: string, io: OwnBuildIo): { name: string; via: string } | null {
  const named = ownBinaryNames(model, dir, io).filter((n) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(n.name) && !/ -o (?:\/dev\/null|~|\$\(?HOME)/.test(n.via)
    && !/(?:^|[-_.])(?:linux|darwin|windows|freebsd|openbsd|netbsd|amd64|arm64|arm|386|ppc64le|s390x|riscv64|exe)(?:$|[-_.])/i.test(n.name));
  return named.length > 0 && new Set(named.map((n) => n.name)).size === 1 ? named[0] : null;
}

/**
 * The name the project's goreleaser config gives the binary of the main package in `dir`: the
 * `binary:` of the builds whose `main:` is that package (sourcegraph/src-cli 2027d78
 * .goreleaser.yml:15-16 `main: ./cmd/src/`, `binary: src`: the program users run is `src`, also
 * in both its Dockerfiles). Null unless the config names exactly one plain name for it (a
 * template, two names, an entry without `binary:` say nothing).
 */
export function goreleaserBinaryName(model: WorkspaceModel, dir: string, io: OwnBuildIo): { name: string; via: string } | null {
  for (const file of GORELEASER_CONFIGS) {
    const text = io.readFile(file);
    if (text === null) continue;
    const found: { name: string; via: string }[] = [];
    // An entry whose `-` stands alone on its line (src-cli's `builds:` then `-` then `  main: …`)
    // is read as one that starts with its first key.
    const joined = text.replace(/\r\n/g, '\n').replace(/^([ \t]*)-[ \t]*\n\1  (?=[A-Za-z_])/gm, '$1- ');
    for (const item of goreleaserItems(joined) ?? []) {
      const builder = yamlKey(item, 'builder');
      if ((builder !== undefined && builder !== 'go') || yamlKey(item, 'skip') === 'true') continue;
      const main = yamlKey(item, 'main') ?? '.';
      const from = yamlKey(item, 'dir') ?? '.';
      if (/\{\{|\$/.test(main + from)) continue;
      const rel = nodePath.posix.normalize(nodePath.posix.join(from, main.endsWith('.go') ? nodePath.posix.dirname(main) : main)).replace(/\/+$/, '');
      if ((rel === '.' ? '' : rel) !== dir) continue;
      const binary = yamlKey(item, 'binary');
      if (binary === undefined) return null;
      found.push({ name: binary, via: `${file}: main: ${main}, binary: ${binary}` });
    }
    const names = new Set(found.map((f) => f.name));
    return names.size === 1 && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(found[0].name) ? found[0] : null;
  }
  return null;
}

/** What the project's build says, for the reasons and the generated file's header: how one file ships it, and which others agree. */
export function ownBuildSays(own: { files: string[]; how: string }): string {
  const others = own.files.slice(1);
  return `${own.how}${others.length > 0 ? ` (${others.join(' and ')} ${others.length > 1 ? 'agree' : 'agrees'})` : ''}`;
}

/**
 * Every package argument of a go command is `path@version` whose path is written out (only the
 * version may hold a variable) and belongs to no module of the workspace: a tool from elsewhere.
 */
function installsElsewhere(model: WorkspaceModel, args: readonly { value: string }[]): boolean {
  const packages = goPackages(args as Parameters<typeof goPackages>[0]);
  return packages.length > 0 && packages.every((a) => {
    const at = a.value.indexOf('@');
    const path = at > 0 ? a.value.slice(0, at) : '';
    return path !== '' && !/[$`"'\\]/.test(path) && path.split('/')[0].includes('.')
      && !model.modules.some((m) => m.path !== '' && (path === m.path || path.startsWith(`${m.path}/`)));
  });
}

/** The Dockerfiles at the context root and the main packages their final stages ship. */
function dockerfileBuilds(model: WorkspaceModel, candidates: readonly GenerateTarget[], io: OwnBuildIo): FileBuild[] {
  const out: FileBuild[] = [];
  const known = new Set(candidates.map((c) => c.dir));
  const names = io.listFiles('').map((f) => f.path).filter((p) => DOCKERFILE_NAME.test(p) && !p.endsWith('.dockerignore')).sort();
  for (const file of names) {
    const text = io.readFile(file);
    if (text === null) continue;
    const df = parseDockerfile(text);
    if (df.stages.length === 0) continue;
    // Each image the file makes (the final stage, and other stages built with --target).
    const dirs = new Set<string>();
    let how = '';
    let steps: StartSteps | undefined;
    let unsure: string | null = null;
    for (const t of targetImages(df, df.stages.length - 1)) {
      const shipped = shippedPackages({ model: df, workspace: model, files: io.files }, t);
      // `go install example.com/tool@${VERSION}` (osmosis's cosmovisor): a variable names the
      // version, not the package, which is another module's: it ships nothing of the context.
      const unread = shipped.builds.filter((b) => !b.resolved && !installsElsewhere(model, b.go.args));
      if (unread.length > 0) {
        const g = unread[0].go;
        const cmd = g.instr.script ? df.text.slice(toDoc(g.instr.script, g.cmd.start), toDoc(g.instr.script, g.cmd.end)).replace(/\\\r?\n/g, " ").replace(/\s+/g, ' ').trim() : `go ${g.sub}`;
        unsure = `has a go ${g.sub} whose package cannot be read (line ${g.instr.line + 1}: \`${cmd.length > 100 ? `${cmd.slice(0, 97)}...` : cmd}\`; ${goPackages(g.args).some((a) => a.dynamic) ? 'a variable names it' : 'it names no folder of the context the build stage holds'})`;
        break;
      }
      const own = shipped.packages.map((p) => p.dir);
      // Several binaries (or builds make runs that cannot be followed): the one the image starts.
      const started = own.length === 1 ? null : startedPackage(file, df, t, candidates, io.files);
      if (started && (own.length === 0 || own.includes(started.dir))) {
        dirs.add(started.dir);
        how ||= started.how;
        steps ??= started.steps;
        continue;
      }
      for (const d of own) dirs.add(d);
      // How it builds it, as written: the go command (or the make command that runs it) of its RUN.
      const g = shipped.builds.find((b) => b.packages.length > 0)?.go;
      const cmd = g?.instr.script ? df.text.slice(toDoc(g.instr.script, g.cmd.start), toDoc(g.instr.script, g.cmd.end)).replace(/\s+/g, ' ').trim() : '';
      if (own.length > 0 && !how) how = `${file}'s ${t === df.stages.length - 1 ? 'final stage' : `stage ${df.stages[t].name ?? t}`} gets the binary of \`${cmd.length > 100 ? `${cmd.slice(0, 97)}...` : cmd}\``;
    }
    if (unsure) out.push({ file, dirs: [], how: '', unsure });
    else {
      // Where the final image starts its one program (keda's `ENTRYPOINT ["/keda", …]`).
      // When the final stage starts something else (mcp-gateway's dind variant runs /run.sh, which
      // it writes), another image of the file (built with --target) that starts the binary itself
      // speaks for it: mcp-gateway's `mcp-gateway` stage, `ENTRYPOINT ["/docker-mcp", "gateway", "run"]`.
      const direct = (stage: number) => {
        const started = startPrograms(df, df.stages[stage], io.files);
        return started.length === 1 && !started[0].script && /^\/[A-Za-z0-9._/+-]+$/.test(started[0].program) ? started[0] : null;
      };
      const binaries = new Set(candidates.filter((c) => dirs.has(c.dir)).flatMap((c) => [c.binary, ...(c.importPath ? [goBinaryName(c.importPath)] : [])]));
      const startsBinary = (x: ReturnType<typeof direct>) => x !== null && binaries.has(nodePath.posix.basename(x.program));
      const atFinal = dirs.size === 1 ? direct(df.stages.length - 1) : null;
      const others = dirs.size === 1 && !startsBinary(atFinal) ? targetImages(df, df.stages.length - 1).filter((t) => t !== df.stages.length - 1).map(direct).filter(startsBinary) : [];
      const sp = others.length === 1 ? others[0] : atFinal;
      // The leading subcommand words of an exec-form ENTRYPOINT that starts the binary itself.
      const json = sp && sp.instr.keyword === 'ENTRYPOINT' && sp.instr.json && sp.instr.json[0] === sp.program ? sp.instr.json.slice(1) : [];
      const words: string[] = [];
      for (const w of json) { if (!/^[a-z][a-z0-9-]*$/.test(w) || words.length === 2) break; words.push(w); }
      const runs = sp ? { path: nodePath.posix.normalize(sp.program), via: `${file}:${sp.instr.line + 1} ${sp.instr.keyword} ${sp.instr.json ? JSON.stringify(sp.instr.json) : sp.instr.args.map((a) => a.value).join(' ')}`, ...(words.length > 0 ? { args: words } : {}) } : undefined;
      out.push({ file, dirs: [...dirs], how, steps, ...(runs ? { runs } : {}) });
    }
  }
  // The Dockerfile `docker build .` uses speaks for the project; a variant alone (atlas's
  // Dockerfile.post-install, a helper's image) does not, it can only disagree with it.
  const plain = out.filter((b) => PLAIN_NAMES.has(b.file));
  if (!plain.some((b) => b.dirs.some((d) => known.has(d)) || b.unsure)) return [];
  return out;
}

/**
 * The main package whose binary the final stage starts, when exactly one does: a binary a
 * `COPY --from=<stage>` brings into the final stage, named like the package's binary (go's name,
 * the last element of its import path), that the ENTRYPOINT (else CMD) runs itself or that its
 * start script from the context runs as a command (facts/goAtStart.ts `startPrograms`).
 * ipfs-cluster's Dockerfile copies ipfs-cluster-service, -ctl and -follow (built by make) and starts
 * docker/entrypoint.sh, which runs only ipfs-cluster-service.
 */
function startedPackage(file: string, df: DockerfileModel, finalStage: number, candidates: readonly GenerateTarget[], files: WorkspaceFiles | undefined): { dir: string; how: string; steps?: StartSteps } | null {
  const final = df.stages[finalStage];
  const copied = new Set<string>();
  for (const s of stageChain(df, final)) {
    for (const i of s.instructions) {
      const from = i.keyword === 'COPY' ? i.flags.find((f) => f.name === 'from')?.value : undefined;
      const paths = from && stageRef(df, from) !== null ? copyPaths(i) : null;
      if (!paths) continue;
      const env = pathEnv(df, s, i);
      for (const w of [...paths.sources, ...(paths.sources.length === 1 && !paths.dest.endsWith('/') ? [paths.dest] : [])]) {
        const v = w.includes('$') ? expandVariables(w, env) : w;
        if (v !== null) copied.add(nodePath.posix.basename(v.replace(/\/+$/, '')));
      }
    }
  }
  const named = candidates.map((c) => ({ c, name: (c.importPath && goBinaryName(c.importPath)) || c.binary })).filter((x) => copied.has(x.name));
  if (named.length === 0) return null;
  const found = new Map<string, string>();
  let steps: StartSteps | undefined;
  for (const sp of startPrograms(df, final, files)) {
    const written = `${sp.instr.keyword} ${sp.instr.json ? JSON.stringify(sp.instr.json) : sp.instr.args.map((a) => a.value).join(' ')}`;
    if (sp.script) {
      const commands = scriptCommands(sp.script.text);
      const runs = new Set(commands.filter((c) => !c.program.dynamic).map((c) => nodePath.posix.basename(c.program.value)));
      for (const x of named) {
        if (!runs.has(x.name)) continue;
        found.set(x.c.dir, `${file}'s image starts ${sp.script.file} (${written}), which runs ${x.name}`);
        const lines = otherRuns(sp.script.text, commands, x.name);
        if (lines.length > 0) steps = { file: sp.script.file, program: x.name, lines };
      }
    } else {
      for (const x of named) if (nodePath.posix.basename(sp.program) === x.name) found.set(x.c.dir, `${file}'s image starts ${x.name} (${written})`);
    }
  }
  if (found.size !== 1) return null;
  const [[dir, how]] = [...found];
  return { dir, how, steps };
}

/**
 * The steps the project's image runs before it starts `binary`, whichever way the target was
 * chosen: the final stage of a root `Dockerfile` (or `Containerfile`) starts a script from the
 * context that runs the binary for other steps first (answer's script/entrypoint.sh: `answer
 * init`, `answer upgrade`, then `answer run -C /data/`), with the line that starts it. Null when
 * none does.
 */
export function ownStartSteps(binary: string, io: OwnBuildIo): (StartSteps & { start: { line: number; text: string } }) | null {
  for (const { df } of rootModels(io)) {
    for (const sp of startPrograms(df, df.stages[df.stages.length - 1], io.files)) {
      if (!sp.script) continue;
      const commands = scriptCommands(sp.script.text);
      const runs = commands.filter((c) => !c.program.dynamic && nodePath.posix.basename(c.program.value) === binary);
      if (runs.length === 0) continue;
      // The last command that runs it starts it (answer's `answer run -C /data/`): not a step before.
      const started = runs[runs.length - 1];
      const lines = otherRuns(sp.script.text, commands, binary).filter((l) => l.line !== started.line);
      const scriptLines = sp.script.text.split('\n');
      const start = { line: started.line, text: (scriptLines[started.line - 1] ?? '').trim() };
      if (lines.length > 0) return { file: sp.script.file, program: binary, lines, start };
      // It starts the program once, but with arguments the generated image does not pass, or after
      // other programs that prepare what it needs (vulcan-api's run.sh renders run.toml with
      // envsubst and migrates the database with flyway, then `exec ./vulcan-api -c run.toml`).
      // Words the shell expands (trufflehog's `"${@: 1: $#-1}"`: the container's arguments) are no
      // arguments a CMD could pass.
      const args = started.args.filter((w) => !w.raw.includes('$') && !w.raw.includes('`')).map((w) => w.raw);
      // Steps at the script's top level only: one in an `if`, `case`, loop or function may not run
      // (kube-bench's entrypoint.sh copies its files to /host only for `install`).
      const top = topLevelLines(sp.script.text);
      const before = commands.filter((c) => c.line < started.line && top.has(c.line) && !c.program.dynamic && nodePath.posix.basename(c.program.value) !== binary && !SCRIPT_PLUMBING.has(nodePath.posix.basename(c.program.value)))
        .filter((c, i, all) => all.findIndex((x) => x.line === c.line) === i)
        .map((c) => ({ line: c.line, text: (scriptLines[c.line - 1] ?? '').trim().replace(/\s*\\$/, ' …') }));
      const writes: { file: string; line: number; text: string }[] = [];
      // Arguments that name a file: one the script writes, or one of the context (vulcan-api's
      // config.toml). Other arguments alone (answer's `run -C /data/`: the subcommand the image
      // runs anyway, a flag's default) are no reason for a Check.
      let namesFile = false;
      for (const a of args) {
        if (a.startsWith('-') || !/^[A-Za-z0-9_./-]+$/.test(a)) continue;
        const esc = a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const at = scriptLines.findIndex((l, i) => i + 1 < started.line && new RegExp(`>>?\\s*["']?${esc}["']?(?:\\s|$)`).test(l));
        if (at >= 0 && !writes.some((x) => x.file === a)) writes.push({ file: a, line: at + 1, text: scriptLines[at].trim() });
        if (at >= 0 || (!a.startsWith('/') && !a.endsWith('/') && io.readFile(nodePath.posix.normalize(a)) !== null)) namesFile = true;
      }
      if (before.length === 0 && !namesFile) continue;
      return { file: sp.script.file, program: binary, lines: [], start, args, before, writes };
    }
  }
  return null;
}

/**
 * The 1-based lines of a shell script that start at its top level: not inside an `if`/`case`/loop
 * or a `{ … }` (a function body), by its keywords counted word by word (quotes and comments left
 * out). An approximation for Checks, not a parser.
 */
function topLevelLines(text: string): Set<number> {
  const out = new Set<number>();
  let depth = 0;
  let quote: string | null = null;
  text.split('\n').forEach((line, i) => {
    if (depth === 0 && quote === null) out.add(i + 1);
    // The line without quoted text (a quote may span lines) and comments.
    let plain = '';
    for (let k = 0; k < line.length; k++) {
      const ch = line[k];
      if (quote !== null) {
        if (ch === '\\' && quote === '"') k++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '\\') { k++; continue; }
      if (ch === '"' || ch === "'") { quote = ch; plain += ' '; continue; }
      if (ch === '#' && (k === 0 || /\s/.test(line[k - 1]))) break;
      plain += ch;
    }
    for (const w of plain.split(/[\s;&|()]+/)) {
      if (w === 'if' || w === 'case' || w === 'for' || w === 'while' || w === 'until' || w === '{') depth++;
      else if ((w === 'fi' || w === 'esac' || w === 'done' || w === '}') && depth > 0) depth--;
    }
  });
  return out;
}

/** Commands of a start script that only steer it or print (not steps that prepare what the program needs). */
const SCRIPT_PLUMBING = new Set(['set', 'echo', 'printf', 'export', 'unset', 'cd', 'test', '[', '[[', 'true', 'false', 'exit', 'shift', 'local', 'read', 'sleep', ':', 'trap', 'umask', 'ulimit', 'while', 'do', 'done', 'if', 'then', 'fi', 'for', 'mkdir', 'cat', 'ls', 'env', 'id', 'whoami', 'date', 'mapfile', 'readarray', 'source', '.', 'eval', 'exec', 'wait']);

/**
 * The commands of a start script that run the program for something else than starting it
 * (ipfs-cluster's `ipfs-cluster-service init --consensus "${IPFS_CLUSTER_CONSENSUS}"` on a first
 * run): not `--version`/`--help`, not the one that hands it the container's arguments (`exec
 * ipfs-cluster-service $@`, also after flags). At most three, with their lines as written.
 */
function otherRuns(text: string, commands: readonly ScriptCommand[], name: string): { line: number; text: string }[] {
  const lines = text.split('\n');
  const out: { line: number; text: string }[] = [];
  for (const c of commands) {
    if (nodePath.posix.basename(c.program.value) !== name || c.program.dynamic) continue;
    const first = c.args[0]?.value;
    if (first === undefined || /^(-v|--version|version|-h|--help|help)$/.test(first)) continue;
    const handsOver = c.args.some((w) => /^"?\$[@*]"?$/.test(w.raw)) && c.args.every((w) => /^"?\$[@*]"?$/.test(w.raw) || w.value.startsWith('-'));
    if (handsOver || out.some((o) => o.line === c.line)) continue;
    if (out.length < 3) out.push({ line: c.line, text: (lines[c.line - 1] ?? '').trim() });
  }
  return out;
}

/**
 * The `main:` of each build of a goreleaser config at the root (`.` without one); the entry's
 * `dir:` is where it builds from. A template (`{{ … }}`), a YAML alias or an entry with another
 * builder than go makes the file unsure or skips the entry.
 */
function goreleaserBuilds(model: WorkspaceModel, _candidates: readonly GenerateTarget[], io: OwnBuildIo): FileBuild[] {
  for (const file of GORELEASER_CONFIGS) {
    const text = io.readFile(file);
    if (text === null) continue;
    return goreleaserConfigBuilds(model, file, text, io);
  }
  // No config at the root: the configs of a .goreleaser/ folder (redpanda-data/connect's
  // .goreleaser/connect.yaml, connect-ai.yaml, connect-cloud.yaml…). Together they decide when
  // they ship one package; else the one named after the project (the module path's last element,
  // `connect` for github.com/redpanda-data/connect/v4), whose siblings are its variants.
  const folder = io.listFiles('.goreleaser').map((f) => f.path).filter((p) => /^\.goreleaser\/[^/]+\.ya?ml$/.test(p)).sort();
  const each = folder.map((file) => ({ file, builds: goreleaserConfigBuilds(model, file, io.readFile(file) ?? '', io) })).filter((e) => e.builds.length > 0);
  if (each.length === 0) return [];
  const all = each.flatMap((e) => e.builds);
  if (all.some((b) => b.unsure) || new Set(all.flatMap((b) => b.dirs)).size <= 1) return all;
  const root = model.modules.find((m) => m.dir === '');
  const project = root?.path ? root.path.replace(/\/v[0-9]+$/, '').split('/').pop()! : null;
  const named = project !== null ? each.filter((e) => nodePath.posix.basename(e.file).replace(/\.ya?ml$/, '') === project) : [];
  if (named.length !== 1 || named[0].builds.some((b) => b.dirs.length !== 1)) return all;
  const others = each.filter((e) => e !== named[0]).map((e) => nodePath.posix.basename(e.file));
  return named[0].builds.map((b) => ({ ...b, how: `${b.how}; the config named after the project (${project}), beside its variants ${others.join(', ')}` }));
}

/** The ids in a goreleaser config's `dockers:`/`dockers_v2:` entries; null when there is no such section or an entry lists none (it ships every build). */
function dockerIds(text: string): { ids: string[]; section: string } | null {
  const ids: string[] = [];
  let section: string | null = null;
  for (const key of ['dockers', 'dockers_v2']) {
    const entries = yamlListItems(text, key);
    if (entries === null) continue;
    section ??= key;
    for (const e of entries) {
      const listed = yamlList(e, 'ids');
      if (listed === undefined) return null;
      ids.push(...listed);
    }
  }
  return section !== null && ids.length > 0 ? { ids, section } : null;
}

/** The sources of the root Dockerfile's COPY lines from the context (no --from): `dist/manager/*`. */
function rootDockerfileCopies(io: OwnBuildIo): { source: string; line: string }[] {
  const out: { source: string; line: string }[] = [];
  for (const name of PLAIN_NAMES) {
    const text = io.readFile(name);
    if (text === null) continue;
    for (const l of text.replace(/\r\n/g, '\n').split('\n')) {
      const m = /^\s*(?:COPY|ADD)\s+((?:--\S+\s+)*)(.+?)\s*$/i.exec(l);
      if (!m || /--from=/.test(m[1]) || m[2].startsWith('[')) continue;
      const words = m[2].split(/\s+/);
      for (const w of words.slice(0, -1)) out.push({ source: w.replace(/^\.\//, ''), line: l.trim() });
    }
  }
  return out;
}

/** A glob of a COPY source (`dist/manager/*`) as a regular expression. */
function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/\/+$/, '').split('').map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : /[.+^${}()|[\]\\]/.test(c) ? `\\${c}` : c)).join('')}(?:/.*)?$`);
}

/**
 * The `main:` of each build of a goreleaser config (`.` without one); the entry's `dir:` is where
 * it builds from. A template (`{{ … }}`), a YAML alias or an entry with another builder than go
 * makes the file unsure or skips the entry. When the config says which builds its images ship
 * (every `dockers:`/`dockers_v2:` entry lists `ids:`), only those count; else, when the root
 * Dockerfile copies a build's binary out of goreleaser's dist/ (cloudnative-pg's `COPY
 * dist/manager/* operator/`, the manager build's `binary: manager/manager_{{ .Arch }}` with
 * `no_unique_dist_dir: true`), only those.
 */
function goreleaserConfigBuilds(model: WorkspaceModel, file: string, text: string, io: OwnBuildIo): FileBuild[] {
  const items = goreleaserItems(text);
  if (items === null) return [];
  const found: { dir: string; id: string | undefined; binary: string; unique: boolean; how: string }[] = [];
  for (const item of items) {
    const key = (name: string): string | undefined => yamlKey(item, name);
    // An alias matters only where it may bring what is read here: a merge key (`<<: *defaults`
    // may hold main:), or main:/dir:/builder:/skip: themselves (nack's `ldflags: *common_ldflags`
    // does not).
    const aliased = item.find((l) => /^\s*<<:/.test(l) || /^\s*(main|dir|builder|skip):\s*\*/.test(l));
    if (aliased) return [{ file, dirs: [], how: '', unsure: `takes ${/<</.test(aliased) ? 'a build\'s settings' : `\`${aliased.trim().split(':')[0]}:\``} from a YAML alias (\`${aliased.trim()}\`), which is not followed` }];
    const builder = key('builder');
    if ((builder !== undefined && builder !== 'go') || key('skip') === 'true') continue;
    const main = key('main') ?? '.';
    const dir = key('dir') ?? '.';
    if (/\{\{|\$/.test(main + dir)) return [{ file, dirs: [], how: '', unsure: `builds a main: named by a template (${main})` }];
    const rel = nodePath.posix.normalize(nodePath.posix.join(dir, main.endsWith('.go') ? nodePath.posix.dirname(main) : main));
    const pkg = packageByDir(model, rel === '.' ? '' : rel.replace(/\/+$/, ''));
    if (!pkg) return [{ file, dirs: [], how: '', unsure: `builds main: ${main}, which is no package of the context` }];
    const id = key('id');
    found.push({ dir: pkg.dir, id, binary: key('binary') ?? nodePath.posix.basename(pkg.dir === '' ? '.' : pkg.dir), unique: key('no_unique_dist_dir') !== 'true', how: `${file} builds main: ${main}` });
  }
  let kept = found;
  let why = '';
  const shipped = dockerIds(text);
  if (shipped && new Set(found.map((f) => f.dir)).size > 1) {
    const inImage = found.filter((f) => f.id !== undefined && shipped.ids.includes(f.id));
    if (inImage.length > 0) {
      kept = inImage;
      why = `, the build its ${shipped.section} image ships (ids: ${[...new Set(shipped.ids)].join(', ')})`;
    }
  } else if (new Set(found.map((f) => f.dir)).size > 1) {
    // The path a build's binary has under dist/, templates as a placeholder.
    const distPath = (f: (typeof found)[number]) => `dist/${f.unique ? `${f.id ?? 'x'}_x/` : ''}${f.binary.replace(/\{\{[^}]*\}\}/g, 'x')}`;
    const copies = rootDockerfileCopies(io).filter((c) => c.source.startsWith('dist/'));
    const copied = found.filter((f) => copies.some((c) => globRegExp(c.source).test(distPath(f))));
    if (copied.length > 0 && new Set(copied.map((f) => f.dir)).size === 1) {
      const c = copies.find((x) => globRegExp(x.source).test(distPath(copied[0])))!;
      kept = copied;
      why = `, whose binary (${copied[0].binary}) the root Dockerfile copies (\`${c.line}\`)`;
    }
  }
  return kept.length > 0 ? [{ file, dirs: [...new Set(kept.map((f) => f.dir))], how: `${kept[kept.length - 1].how}${why}` }] : [{ file, dirs: [], how: '' }];
}

/**
 * The main packages the root Makefile's default goal builds (else its `build` target), read as
 * dockerfile/makeRecipe.ts reads a Makefile (only when certain): its `go build`/`go install`
 * commands, their package arguments relative to the root (and a `cd dir &&` of the recipe line,
 * and `-C`). A package of another
 * module than the context's (a tool, `go install x@v1`) does not count.
 */
function makefileBuilds(model: WorkspaceModel, _candidates: readonly GenerateTarget[], io: OwnBuildIo): FileBuild[] {
  for (const targets of [[], ['build']]) {
    const recipe = makeRecipe({ dir: '', file: null, targets, overrides: new Map() }, (name) => io.readFile(name));
    if (!recipe) continue;
    const dirs = new Set<string>();
    let how = '';
    for (const c of recipe.commands) {
      const argv = c.cmd.argv;
      if (!/(^|\/)go$/.test(argv[0]?.value ?? '') || (argv[1]?.value !== 'build' && argv[1]?.value !== 'install')) continue;
      const rest = argv.slice(2);
      const C = goFlag(rest, 'C');
      if (C && (C.value === true || (C.valueWord ?? C.word).dynamic)) return [{ file: recipe.file, dirs: [], how: '', unsure: `runs go ${argv[1].value} -C with a folder it cannot read` }];
      // The folder it runs in: a `cd dir &&` of its recipe line, then its own -C.
      if (c.dir.startsWith('/')) return [{ file: recipe.file, dirs: [], how: '', unsure: `runs go ${argv[1].value} in ${c.dir}, outside the context` }];
      const base = nodePath.posix.normalize(nodePath.posix.join(c.dir || '.', C ? (C.value as string) : '.')).replace(/^\.$/, '');
      if (base === '..' || base.startsWith('../')) return [{ file: recipe.file, dirs: [], how: '', unsure: `runs go ${argv[1].value} outside the context` }];
      const pkgs = goPackages(rest);
      for (const w of pkgs.length === 0 ? [{ value: '.', dynamic: false }] : pkgs) {
        if (w.dynamic) return [{ file: recipe.file, dirs: [], how: '', unsure: `runs go ${argv[1].value} with a package named by a variable (target ${c.target}, line ${c.line})` }];
        const arg = w.value;
        if (arg.includes('@')) continue;
        const local = arg === '.' || arg.startsWith('./') || arg.startsWith('../') || arg.endsWith('.go');
        if (!local && !model.modules.some((m) => m.path !== null && m.path !== '' && (arg === m.path || arg.startsWith(`${m.path}/`)))) continue;
        let found: string[];
        if (arg.includes('...')) {
          const prefix = arg.slice(0, arg.indexOf('...')).replace(/\/$/, '');
          found = local
            ? mainPackages(model).filter((p) => { const d = nodePath.posix.normalize(nodePath.posix.join(base, prefix)).replace(/^\.$/, ''); return d === '' || p.dir === d || p.dir.startsWith(`${d}/`); }).map((p) => p.dir)
            : mainPackages(model).filter((p) => p.importPath !== null && (p.importPath === prefix || p.importPath.startsWith(`${prefix}/`))).map((p) => p.dir);
        } else {
          const p = local ? resolvePackageArg(model, arg.endsWith('.go') ? `./${nodePath.posix.dirname(arg)}` : arg, base) : resolvePackageArg(model, arg);
          if (!p) return [{ file: recipe.file, dirs: [], how: '', unsure: `runs go ${argv[1].value} ${arg}, which is no package of the context` }];
          found = p.isMain ? [p.dir] : [];
        }
        for (const d of found) dirs.add(d);
        if (found.length > 0 && how === '') how = `${recipe.file}: \`make ${recipe.goals.map((g) => g.name).join(' ')}\` runs \`go ${argv[1].value} ${arg}\``;
      }
    }
    if (dirs.size > 0) return [{ file: recipe.file, dirs: [...dirs], how }];
  }
  return [];
}

/** The `Dockerfile`/`Containerfile` in the main package's folder (edgex-go's cmd/core-data/Dockerfile, shellhub's server/Dockerfile), none for the root. */
function targetDockerfiles(targetDir: string, io: OwnBuildIo): string[] {
  return targetDir === '' ? [] : io.listFiles(targetDir).map((f) => f.path).filter((p) => nodePath.posix.dirname(p) === targetDir && PLAIN_NAMES.has(nodePath.posix.basename(p))).sort();
}

/** The project's root `Dockerfile`/`Containerfile`, then those in the main package's folder (`targetDir`). */
function rootDockerfiles(io: OwnBuildIo, targetDir?: string): string[] {
  return [...io.listFiles('').map((f) => f.path).filter((p) => PLAIN_NAMES.has(p)).sort(), ...(targetDir ? targetDockerfiles(targetDir, io) : [])];
}

/** The root Dockerfiles (rootDockerfiles) that have a stage, parsed: what every reading of the project's own image starts from. */
function rootModels(io: OwnBuildIo, targetDir?: string): { file: string; df: DockerfileModel }[] {
  const out: { file: string; df: DockerfileModel }[] = [];
  for (const file of rootDockerfiles(io, targetDir)) {
    const text = io.readFile(file);
    if (text === null) continue;
    const df = parseDockerfile(text);
    if (df.stages.length > 0) out.push({ file, df });
  }
  return out;
}

/** Every Dockerfile of the project at most three levels down, outside vendor/, node_modules/ and testdata/. */
function projectDockerfiles(io: OwnBuildIo): string[] {
  return io.listFiles('').map((f) => f.path).filter((p) => DOCKERFILE_NAME.test(nodePath.posix.basename(p)) && p.split('/').length <= 4 && !/(^|\/)(?:vendor|node_modules|testdata)\//.test(p)).sort();
}

/**
 * How the final stage starts one of `names` in exec form: its ENTRYPOINT names it (the arguments
 * are ENTRYPOINT's words after it, then an exec-form CMD's), or it has no ENTRYPOINT and its CMD
 * names it. `start` is that instruction; null when the final stage starts none of them so.
 */
function finalStart(df: DockerfileModel, names: ReadonlySet<string>, wrapped = false) {
  const { entrypoint, cmd } = startInstructions(df, df.stages[df.stages.length - 1]);
  const starts = (i: typeof entrypoint): i is NonNullable<typeof entrypoint> & { json: string[] } => !!i?.json && i.json.length > 0 && names.has(nodePath.posix.basename(i.json[0]));
  if (starts(entrypoint)) return { start: entrypoint, cmd, args: [...entrypoint.json.slice(1), ...(cmd?.json ?? [])] };
  if (!entrypoint && starts(cmd)) return { start: cmd, cmd, args: cmd.json.slice(1) };
  // `wrapped`: an init script as the ENTRYPOINT, alone, which runs the CMD that starts the binary
  // (umputun/cronn 6dedd3a Dockerfile:27-28 `CMD ["/srv/cronn", "-f", "/srv/crontab"]`,
  // `ENTRYPOINT ["/init.sh"]`, its base image's init script).
  if (wrapped && entrypoint?.json?.length === 1 && INIT_ENTRYPOINT.test(entrypoint.json[0]) && starts(cmd)) return { start: cmd, cmd, args: cmd.json.slice(1) };
  return null;
}

/** An init program or script an image's ENTRYPOINT runs before its CMD (`/init.sh`, tini, dumb-init). */
const INIT_ENTRYPOINT = /^(?:[\w./-]*\/)?(?:init\.sh|tini|dumb-init)$/;

/**
 * The arguments with which the final stage of one of the project's Dockerfiles (any folder, at
 * most three levels down, outside vendor/ and node_modules/) starts one of `names` in exec form:
 * ENTRYPOINT's words after it, then CMD's (botlabs-gg/yagpdb c3facf5 yagpdb_docker/Dockerfile
 * `ENTRYPOINT ["/app/yagpdb"]`, `CMD ["-all", "-pa", "-exthttps=false", "-https=true"]`), with the
 * file and line of the instruction that starts it. One entry per such Dockerfile.
 */
export function ownStartArgs(names: ReadonlySet<string>, io: OwnBuildIo): { args: string[]; via: string }[] {
  const out: { args: string[]; via: string }[] = [];
  const files = projectDockerfiles(io);
  for (const file of files) {
    const text = io.readFile(file);
    if (text === null) continue;
    const df = parseDockerfile(text);
    if (df.stages.length === 0) continue;
    const st = finalStart(df, names);
    if (!st) continue;
    const { start, cmd, args } = st;
    const shown = (i: NonNullable<typeof cmd>) => `${file}:${i.line + 1} ${i.keyword} ${JSON.stringify(i.json)}`;
    out.push({ args, via: start !== cmd && cmd?.json ? `${shown(start)}, ${shown(cmd).slice(file.length + 1)}` : shown(start) });
  }
  return out;
}

/**
 * The environment variables named by `keys` that the final stage of one of the project's
 * Dockerfiles (as ownStartArgs reads them) sets, in itself or the stages it is built on, when it
 * starts one of `names` in exec form: NVIDIA/gpu-feature-discovery 47a1ea6
 * deployments/container/Dockerfile.ubi8:56-57 `ENV NVIDIA_VISIBLE_DEVICES=all`, `ENV
 * NVIDIA_DRIVER_CAPABILITIES=utility,compute` before `ENTRYPOINT ["/usr/bin/gpu-feature-discovery"]`.
 * Literal values only (no `$`); the first such Dockerfile that sets any, with the ENV lines; null when none.
 */
export function ownStartEnv(names: ReadonlySet<string>, io: OwnBuildIo, keys: RegExp): { env: [string, string][]; via: string } | null {
  const files = projectDockerfiles(io);
  for (const file of files) {
    const text = io.readFile(file);
    if (text === null || !/^\s*ENV\b/im.test(text)) continue;
    const df = parseDockerfile(text);
    if (df.stages.length === 0) continue;
    const final = df.stages[df.stages.length - 1];
    if (!finalStart(df, names)) continue;
    const env = new Map<string, string>();
    const lines = new Set<number>();
    for (const st of stageChain(df, final)) {
      for (const i of st.instructions) {
        if (i.keyword !== 'ENV') continue;
        for (const p of properties(i)) {
          if (!keys.test(p.name)) continue;
          if (p.value === null || p.value.includes('$')) env.delete(p.name);
          else env.set(p.name, p.value);
          lines.add(i.line + 1);
        }
      }
    }
    if (env.size > 0) return { env: [...env], via: `${file}:${[...lines].sort((a, b) => a - b).join(',')}` };
  }
  return null;
}

/**
 * The USER root (`0:0`, `root`) with which the final stage of one of the project's Dockerfiles
 * that starts one of `names` in exec form runs it, written in that stage or a stage it is built
 * on: NVIDIA/nvidia-container-toolkit d8c9ff9 deployments/container/Dockerfile:147 `USER 0:0`
 * before :173 `ENTRYPOINT ["/work/nvidia-ctk-installer"]` (the installer writes host paths; judge
 * 41 G G9). Only an explicit USER (a base image's default user says nothing of the program); the
 * file and line; null when none.
 */
export function ownStartRootUser(names: ReadonlySet<string>, io: OwnBuildIo): { user: string; via: string } | null {
  for (const file of projectDockerfiles(io)) {
    const text = io.readFile(file);
    if (text === null || !/^\s*USER\b/im.test(text)) continue;
    const df = parseDockerfile(text);
    if (df.stages.length === 0 || !finalStart(df, names)) continue;
    const { user, instr } = effectiveUser(df, df.stages[df.stages.length - 1]);
    if (user !== null && instr !== null && !user.includes('$') && isRootUser(user)) return { user, via: `${file}:${instr.line + 1} USER ${user}` };
  }
  return null;
}

/**
 * The ports the final stage of one of the project's Dockerfiles that starts one of `names` in exec
 * form EXPOSEs, in itself or the stages it is built on (halverneus/static-file-server fe6a3d4
 * Dockerfile:27 `EXPOSE 8080` before :33 `ENTRYPOINT ["/serve"]`; judge 43 G G4): literal TCP
 * ports only (`8080`, `8080/tcp`; no `$`, no ranges); the first such Dockerfile with any, and the
 * file and lines; null when none.
 */
export function ownStartExpose(names: ReadonlySet<string>, io: OwnBuildIo): { ports: number[]; via: string } | null {
  for (const file of projectDockerfiles(io)) {
    const text = io.readFile(file);
    if (text === null || !/^\s*EXPOSE\b/im.test(text)) continue;
    const df = parseDockerfile(text);
    if (df.stages.length === 0 || !finalStart(df, names)) continue;
    const ports: number[] = [];
    const lines: number[] = [];
    for (const st of stageChain(df, df.stages[df.stages.length - 1])) {
      for (const i of st.instructions) {
        if (i.keyword !== 'EXPOSE') continue;
        for (const w of i.args) {
          const m = /^([0-9]{1,5})(?:\/tcp)?$/i.exec(w.value);
          if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) continue;
          if (!ports.includes(Number(m[1]))) ports.push(Number(m[1]));
          if (!lines.includes(i.line + 1)) lines.push(i.line + 1);
        }
      }
    }
    if (ports.length > 0) return { ports: ports.sort((a, b) => a - b), via: `${file}:${lines.join(',')} EXPOSE ${ports.join(' ')}` };
  }
  return null;
}

/** Files a program reads its configuration from, by their extension. */
export const CONFIG_FILE = /\.(?:ya?ml|toml|json|conf|cfg|ini|hcl|properties|env)$/i;

/** A configuration file (or the files of a folder) the project's image copies from the context. */
export interface OwnStartCopy {
  /** The context path (a file). */
  src: string;
  /** Where the project's image has it (absolute). */
  dest: string;
  /** The COPY as written, with its file and line. */
  via: string;
}

/** How the project's own image starts the binary with its configuration (see ownStartFiles). */
export interface OwnStartFiles {
  /** The Dockerfile and line of the start instruction, as written. */
  via: string;
  /** The arguments after the binary (ENTRYPOINT's, then CMD's). */
  args: string[];
  /** The configuration files its final stage copies from the context (directly, or out of a stage that copied the context). */
  copies: OwnStartCopy[];
  /** The final stage's working directory (absolute). */
  workdir: string;
}

/** A folder the final stage of one of the project's root Dockerfiles puts in its working directory (ownWorkdirFolders). */
export interface OwnWorkdirFolder {
  /** Where the image has it, relative to the working directory (`templates`, `console/dist`). */
  rel: string;
  /** The final stage's working directory (absolute). */
  workdir: string;
  /** The context folder it copies; null when it comes out of another stage (`from`). */
  src: string | null;
  /** The stage it is copied from (`console-frontend-builder`), its base image and the line that starts it; null for the context. */
  from: { stage: string; image: string; line: number } | null;
  /** The COPY as written, with its file and line. */
  via: string;
}

/**
 * The folders the final stage of the project's root Dockerfiles (or the one in the main package's
 * folder) puts in its working directory, whoever it starts: a context folder copied whole
 * (oxyno-zeta/s3-proxy 678fda2 Dockerfile:14 `COPY templates/ /proxy/templates/` under WORKDIR
 * /proxy), or a folder out of a stage that is not built on the context's copy (Notifuse/notifuse
 * Dockerfile:86 `COPY --from=console-frontend-builder /build/console/dist/ /app/console/dist/`
 * under WORKDIR /app, the output of that node stage's `npm run build`).
 */
export function ownWorkdirFolders(targetDir: string, io: OwnBuildIo): OwnWorkdirFolder[] {
  const out: OwnWorkdirFolder[] = [];
  for (const { file, df } of rootModels(io, targetDir)) {
    const final = df.stages[df.stages.length - 1];
    const last = final.instructions[final.instructions.length - 1];
    const workdir = last === undefined ? null : workdirBefore(df, final, last, '/');
    if (workdir === null) continue;
    const lines = df.text.split(/\r?\n/);
    for (const s of stageChain(df, final)) {
      for (const i of s.instructions) {
        if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
        const paths = copyPaths(i);
        if (!paths || paths.sources.length !== 1 || /[$*?[\]]/.test(paths.sources[0]) || isWholeContext(paths.sources[0])) continue;
        const dest = expandVariables(paths.dest, pathEnv(df, s, i));
        const wd = workdirBefore(df, s, i, '/');
        if (dest === null || wd === null) continue;
        const at = nodePath.posix.resolve(wd, dest);
        const rel = workdir === '/' ? at.slice(1) : at.startsWith(`${workdir}/`) ? at.slice(workdir.length + 1) : null;
        if (rel === null || rel === '') continue;
        const via = `${file}:${i.line + 1} \`${lines[i.line]?.trim() ?? i.keyword}\``;
        const fromName = i.flags.find((f) => f.name === 'from')?.value ?? undefined;
        if (fromName === undefined) {
          const dir = nodePath.posix.normalize(paths.sources[0].replace(/^\.?\//, '')).replace(/\/+$/, '');
          if (dir === '' || dir === '.' || io.readFile(dir) !== null || !io.listFiles(dir).some((x) => x.path.startsWith(`${dir}/`))) continue;
          out.push({ rel, workdir, src: dir, from: null, via });
          continue;
        }
        const k = stageRef(df, fromName);
        if (k === null) continue;
        const from = df.stages[k];
        // A stage built on the context's copy holds the context's files, and a Go build's stage its
        // binaries (Notifuse's `COPY --from=backend-builder /tmp/server /app/server`): not this case.
        // A folder only: the copy's source or destination ends with a slash.
        if (!paths.sources[0].endsWith('/') && !paths.dest.endsWith('/')) continue;
        const chain = stageChain(df, from);
        if (chain.some((b) => /(?:^|\/)golang(?::|@|$)/.test(b.base) || b.instructions.some((c) => ((c.keyword === 'COPY' || c.keyword === 'ADD') && !c.flags.some((f) => f.name === 'from') && (copyPaths(c)?.sources ?? []).some(isWholeContext)) || (c.keyword === 'RUN' && /\bgo\s+(?:build|install)\b/.test(df.text.slice(c.span.start, c.span.end)))))) continue;
        out.push({ rel: rel.replace(/\/+$/, ''), workdir, src: null, from: { stage: fromName, image: from.base, line: from.from.line + 1 }, via });
      }
    }
    if (out.length > 0) break;
  }
  return out;
}

/**
 * The configuration files the project's own image gives the binary, and the arguments it starts
 * it with: the final stage of a root `Dockerfile`/`Containerfile`, or of the Dockerfile in the
 * main package's folder (edgex-go's cmd/core-data/Dockerfile, built from the root), that starts
 * one of `names` itself in exec form (`ENTRYPOINT ["/usr/bin/olric-server", "-c",
 * "/etc/olric-server.yaml"]`, arana's `CMD ["arana", "start", "-c", "/etc/arana/bootstrap.yaml"]`),
 * and the files of the context it copies there with a configuration file's extension (.yaml,
 * .toml, .conf, …), or that an argument names: `COPY ./cmd/gmqttd/default_config.yml
 * /etc/gmqtt/gmqttd.yml`, `COPY ./conf/* /etc/arana/`, or out of a build stage that copied the
 * whole context (olric's `COPY --from=build /src/olric-server-docker.yaml /etc/olric-server.yaml`
 * after `COPY . /src/`). A file the build writes (not in the context) is no such copy. Null when
 * no such Dockerfile starts the binary or copies none.
 */
export function ownStartFiles(targetDir: string, names: ReadonlySet<string>, io: OwnBuildIo): OwnStartFiles | null {
  const files = rootDockerfiles(io, targetDir);
  const isFile = (rel: string) => rel !== '' && io.readFile(rel) !== null;
  for (const file of files) {
    const text = io.readFile(file);
    if (text === null) continue;
    const df = parseDockerfile(text);
    if (df.stages.length === 0) continue;
    const final = df.stages[df.stages.length - 1];
    const st = finalStart(df, names);
    if (!st) continue;
    const { start, args } = st;
    const copies: OwnStartCopy[] = [];
    const shown = (i: (typeof final.instructions)[number]) => `${file}:${i.line + 1} \`${df.text.split(/\r?\n/)[i.line]?.trim() ?? i.keyword}\``;
    // A word of the arguments names the path (`-c /etc/x.yaml`, `--config.file=/etc/agent/agent.yaml`).
    const named = (dest: string) => args.some((a) => a === dest || a.endsWith(`=${dest}`));
    for (const s of stageChain(df, final)) {
      for (const i of s.instructions) {
        if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
        const paths = copyPaths(i);
        if (!paths) continue;
        const dest = expandVariables(paths.dest, pathEnv(df, s, i));
        const wd = workdirBefore(df, s, i, '/');
        if (dest === null || wd === null) continue;
        const at = nodePath.posix.resolve(wd, dest);
        const into = dest.endsWith('/') || dest === '.' || paths.sources.length > 1;
        const from = i.flags.find((f) => f.name === 'from')?.value ?? undefined;
        // The context path of each source: as written, or its place in a stage that copied the whole context.
        let toContext: (source: string) => string | null;
        if (from === undefined) toContext = (source) => nodePath.posix.normalize(source.replace(/^\.?\//, '')).replace(/^\.$/, '');
        else {
          const k = stageRef(df, from);
          if (k === null) continue;
          const roots: string[] = [];
          for (const b of stageChain(df, df.stages[k])) {
            for (const c of b.instructions) {
              const cp = (c.keyword === 'COPY' || c.keyword === 'ADD') && !c.flags.some((f) => f.name === 'from') ? copyPaths(c) : null;
              if (!cp || !cp.sources.every(isWholeContext)) continue;
              const d = expandVariables(cp.dest, pathEnv(df, b, c));
              const w = workdirBefore(df, b, c, '/');
              if (d !== null && w !== null) roots.push(nodePath.posix.resolve(w, d));
            }
          }
          if (roots.length === 0) continue;
          toContext = (source) => {
            const abs = nodePath.posix.resolve('/', source);
            const root = roots.find((r) => abs.startsWith(r === '/' ? '/' : `${r}/`));
            return root === undefined ? null : abs.slice(root === '/' ? 1 : root.length + 1);
          };
        }
        for (const source of paths.sources) {
          if (/[$]/.test(source)) continue;
          // `conf/*` (arana): the configuration files of that folder.
          const glob = /^(.*?)\/?\*(\.[A-Za-z0-9]+)?$/.exec(source);
          const found: string[] = [];
          if (glob && !/[*?[\]]/.test(glob[1])) {
            const dir = toContext(glob[1] === '' ? '.' : glob[1]);
            if (dir === null) continue;
            for (const f of io.listFiles(dir).map((x) => x.path)) {
              const rest = dir === '' ? f : f.slice(dir.length + 1);
              if ((dir === '' || f.startsWith(`${dir}/`)) && !rest.includes('/') && (glob[2] === undefined || rest.endsWith(glob[2]))) found.push(f);
            }
            for (const f of found.sort()) {
              const d = nodePath.posix.join(at, nodePath.posix.basename(f));
              if (CONFIG_FILE.test(f) || named(d)) copies.push({ src: f, dest: d, via: shown(i) });
            }
            continue;
          }
          if (/[*?[\]]/.test(source)) continue;
          const ctx = toContext(source);
          if (ctx === null || !isFile(ctx)) continue;
          const d = into ? nodePath.posix.join(at, nodePath.posix.basename(ctx)) : at;
          if (CONFIG_FILE.test(ctx) || CONFIG_FILE.test(d) || named(d)) copies.push({ src: ctx, dest: d, via: shown(i) });
        }
      }
    }
    if (copies.length === 0) continue;
    const workdir = workdirBefore(df, final, start, '/') ?? '/';
    return { via: `${file}:${start.line + 1} ${start.keyword} ${JSON.stringify(start.json)}${start !== st.cmd && st.cmd?.json ? ` and CMD ${JSON.stringify(st.cmd.json)}` : ''}`, args, copies, workdir };
  }
  return null;
}

/**
 * The files of the context the final stage of the project's root Dockerfiles (and the one in the
 * main package's folder) copies to an absolute path: `COPY ./default.tmpl /templates/default.tmpl`
 * (metalmatze/alertmanager-bot fbfa20b Dockerfile:5), with where. Single files only (no glob, no
 * variable, no --from); a folder destination (`/etc/x/`) takes the file's name.
 */
export function ownImageFiles(targetDir: string, io: OwnBuildIo): { src: string; dest: string; via: string }[] {
  const out: { src: string; dest: string; via: string }[] = [];
  for (const { file, df } of rootModels(io, targetDir)) {
    const final = df.stages[df.stages.length - 1];
    for (const s of stageChain(df, final)) {
      for (const i of s.instructions) {
        if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
        const paths = copyPaths(i);
        if (!paths || paths.sources.length !== 1) continue;
        const source = paths.sources[0];
        if (/[$*?[\]]/.test(source) || /^[a-z]+:\/\//.test(source)) continue;
        const src = nodePath.posix.normalize(source.replace(/^\.?\//, ''));
        if (src === '.' || io.readFile(src) === null) continue;
        const dest = expandVariables(paths.dest, pathEnv(df, s, i));
        if (dest === null || !dest.startsWith('/')) continue;
        const at = dest.endsWith('/') ? nodePath.posix.join(dest, nodePath.posix.basename(src)) : nodePath.posix.normalize(dest);
        out.push({ src, dest: at, via: `${file}:${i.line + 1}` });
      }
    }
  }
  return out;
}

import * as path from 'node:path';
import { flatMapOf } from '../arrays';
import { copyPaths, dockerEnv, goCommands, goPackages, isBuilderStage, pathEnv, stageChain, stageGoCommands, stageImage, stageRef, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { buildToolFiles } from '../dockerfile/indirectGo';
import { envValue, isLocalPackage, lexShellWord, moduleCacheWorkdir, sourcesPresent } from '../dockerfile/goBuild';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import type { ShellWord } from '../dockerfile/shell';
import { expandVariables } from '../dockerfile/variables';
import { type Rule, type RuleFinding, stagesToCheck } from './types';

/**
 * A version that names one module version: semver (pseudo-versions included), a commit hash, or
 * a full release tag without the `v` (`@1.4.1`: go resolves it as that git tag; chrusty's
 * protoc-gen-jsonschema tags its releases so, and `@v1.4.1` would fail as an unknown revision).
 */
const PINNED = /^(v?\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?|[0-9a-f]{7,40})$/;

/**
 * GD112: `go install`/`go run` of a remote package with `@latest` or another query that moves
 * (`@master`, `@main`, `@v1`, `@upgrade`…), or without `@version`.
 *
 * - A version from a variable is resolved through ARG/ENV defaults (`@${DLV_VERSION}` with
 *   `ARG DLV_VERSION=latest` is reported); an unknown one is not.
 * - Without `@version`, only remote import paths (`github.com/…`) outside a module are reported:
 *   when sources were copied into the stage before (or the RUN bind-mounts them), go.mod pins
 *   the version (the tools.go pattern), and local packages (`.`, `./cmd/x`, `main.go`) are the
 *   module itself. So is a module's folder in the module cache that the command works in (a
 *   `cd`/WORKDIR into `<GOMODCACHE>/github.com/uber/tchannel-go@v1.31.0`: m3's thriftgen): its
 *   go.mod makes it the main module, at the version the folder names. For `go run`, only the first argument is the package; the rest are the
 *   program's arguments.
 * Also `git clone` of a branch (the default, `--branch main`, or a later `git checkout master`) in
 * a stage that builds Go, or copied by `COPY --from` into one that builds it, with no later
 * checkout of a tag or commit (see `unpinnedClones`).
 * No fix: the rule cannot know which version you tested with.
 */
export const gd112: Rule = {
  code: 'GD112',
  name: 'unpinned-go-install',
  summary: '`go install`/`go run` of a remote package at a moving version (`@latest`)',
  severity: 'warning',
  needsWorkspace: false,
  peers: ['DL3062'],
  fix: 'none',
  facts: ['goCommands'],
  // Nothing of it in a stage no build builds (rules/analyze.ts, facts/unbuiltStages.ts).
  inStage: true,
  // `file`: a clone's finding depends on the stages that `COPY --from` it and build it (their
  // RUNs), which a stage rule may not read.
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      for (const g of stageGoCommands(stage)) {
        const script = g.instr.script!;
        if (g.sub !== 'install' && g.sub !== 'run') continue;
        if (envValue(ctx.model, stage, g, 'GO111MODULE') === 'off') continue;
        const all = goPackages(g.args);
        const pkgs = g.sub === 'run' ? all.slice(0, 1) : all;
        for (const p of pkgs) {
          const problem = unpinned(ctx.model, stage, g, p);
          if (!problem) continue;
          out.push({ message: `\`go ${g.sub} ${problem.pkg}\` ${problem.text}`, span: scriptSpan(script, p.start, p.end) });
        }
      }
      out.push(...unpinnedClones(ctx.model, stage));
      out.push(...branchArchives(ctx.model, stage));
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  },
};

/**
 * A ref that names one commit: a version tag (`v1.2.3`, `1.2`), a commit hash, or a name that ends
 * in a full version, three numbers (`kubernetes-1.33.5`, `cli/v2.1.0`, `go1.22.3`): the k8s
 * staging repositories tag each release so, next to `v0.33.5`, and their branches are
 * `release-1.33` and `master` (googleforgames/agones b19d5fe build/build-image/Dockerfile:65
 * `git clone -b kubernetes-${KUBERNETES_VER}` of code-generator; judge 33 X W3). A name with two
 * numbers (`release-1.33`) stays a branch.
 */
const PINNED_REF = /^(v?\d+(\.\d+)*([-+.][0-9A-Za-z.+-]*)?|[0-9a-f]{7,40}|refs\/tags\/.+|[A-Za-z][A-Za-z0-9._-]*?[-/_]?v?\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?)$/;

/**
 * `git clone` of a branch (the default one, or `--branch main`) in a stage that then builds Go,
 * with no later `git checkout`/`git reset` to a pinned ref: the image builds whatever the branch
 * holds when the step runs. A ref from a variable is resolved through ARG/ENV defaults; unknown
 * is not reported. A later `git checkout master` (lnd: `ARG checkout="master"` … `git checkout
 * $checkout`) keeps it on a branch. "Builds Go": a `go build`/`go install` in the stage, or, on
 * an image with Go, a build tool (`make release-install`) run inside the clone. Or the clone is
 * built in another stage that copies it in (copiedIntoBuild: filestash clones in an alpine/git
 * stage, and its golang stage copies that folder with `COPY --from` and runs make there).
 */
function unpinnedClones(model: DockerfileModel, stage: Stage): RuleFinding[] {
  const out: RuleFinding[] = [];
  const buildsGo = isBuilderStage(stage);
  const onGo = stageImage(model, stage)?.goToolchain === true;
  // Most stages run no git at all: nothing to collect.
  if (!stage.instructions.some((i) => i.keyword === 'RUN' && i.script?.parsed.commands.some((c) => c.argv[0]?.value === 'git'))) return out;
  const resolve = (instr: Instruction, w: ShellWord): string | null => (w.dynamic ? expandVariables(w.raw.replace(/["']/g, ''), dockerEnv(model, stage, instr)) : w.value);
  const cmds = flatMapOf(stage.instructions, (instr) => (instr.keyword === 'RUN' && instr.script ? instr.script.parsed.commands.map((c) => ({ instr, c })) : []));
  cmds.forEach(({ instr, c }, k) => {
    const argv = c.argv;
    if (argv[0]?.value !== 'git') return;
    const sub = argv.findIndex((w, i) => i > 0 && !w.value.startsWith('-') && argv[i - 1].value !== '-C' && argv[i - 1].value !== '-c');
    if (sub < 0 || argv[sub].value !== 'clone') return;
    const b = argv.findIndex((w, i) => i > sub && (w.value === '-b' || w.value === '--branch' || w.value.startsWith('--branch=')));
    let ref: string | null = null;
    if (b >= 0) {
      const w = argv[b];
      const v = w.value.startsWith('--branch=') ? { ...w, value: w.value.slice('--branch='.length), raw: w.raw.slice(w.raw.indexOf('=') + 1) } : argv[b + 1];
      if (!v) return;
      ref = resolve(instr, v);
      if (ref === null || PINNED_REF.test(ref)) return;
    }
    // A later checkout/reset pins it (or a variable we cannot resolve might); a checkout of a
    // branch (`git checkout master`) is named in the message.
    let checkedOut: { value: string; raw: string; dynamic: boolean } | null = null;
    for (const { instr: i2, c: later } of cmds.slice(k + 1)) {
      if (later.argv[0]?.value !== 'git') continue;
      const words = later.argv.map((w) => w.value);
      const at = words.findIndex((w) => w === 'checkout' || w === 'reset' || w === 'switch' || w === 'fetch');
      if (at < 0) continue;
      // Any operand that names a tag or commit (`git fetch origin <sha>` + `git checkout FETCH_HEAD` too).
      for (const target of later.argv.slice(at + 1).filter((w) => !w.value.startsWith('-'))) {
        const value = resolve(i2, target);
        if (value === null || PINNED_REF.test(value)) return;
        if ((words[at] === 'checkout' || words[at] === 'switch') && checkedOut === null) checkedOut = { value, raw: target.raw, dynamic: target.dynamic };
      }
    }
    const positional = argv.slice(sub + 1).filter((w, i, rest) => !w.value.startsWith('-') && !CLONE_VALUE_FLAGS.includes(rest[i - 1]?.value ?? ''));
    const url = positional[0];
    const dir = cloneDir(url ? resolve(instr, url) : null, positional[1] ? resolve(instr, positional[1]) : null);
    let elsewhere: { stage: Stage; copy: Instruction } | null = null;
    if (!buildsGo && !(onGo && buildsInClone(model, stage, cmds.slice(k + 1), instr, dir))) {
      // A `cd` earlier in the RUN moves the clone: where it lands is then not worked out.
      const moved = cmds.slice(0, k).some((x) => x.instr === instr && x.c.argv[0]?.value === 'cd');
      elsewhere = moved ? null : copiedIntoBuild(model, stage, instr, dir);
      if (!elsewhere) return;
    }
    const urlText = url ? resolve(instr, url) ?? url.raw : null;
    const what = checkedOut !== null
      ? `\`git clone\`${urlText ? ` of ${urlText}` : ''}, then \`git checkout ${checkedOut.dynamic ? `${checkedOut.raw}\` (by default \`${checkedOut.value}\`, a branch)` : `${checkedOut.value}\` (a branch)`}`
      : `\`git clone\` of ${ref ? `the branch \`${ref}\`` : 'the default branch'}${urlText ? ` of ${urlText}` : ''}`;
    out.push({
      message: `${what}, then built${elsewhere ? ` in stage ${elsewhere.stage.name ?? elsewhere.stage.index} (\`COPY --from\` on line ${elsewhere.copy.line + 1})` : ''}: the image gets whatever that branch holds when the step runs (frozen in whichever build cache ran it first). ${checkedOut !== null ? `Check out a tag or a commit${checkedOut.dynamic ? `: make the default of \`${checkedOut.raw}\` a tag or a commit hash` : ''}.` : 'Clone a tag or check out a commit: `git clone --branch vX.Y.Z --depth 1 …`.'}`,
      span: scriptSpan(instr.script!, c.start, c.end),
    });
  });
  return out;
}

/**
 * A branch's source archive from a code host: `github.com/<o>/<r>/archive/<ref>.tar.gz` (or
 * `.zip`, `refs/heads/<ref>`), `codeload.github.com/<o>/<r>/tar.gz/<ref>`,
 * `gitlab.com/<o>/<r>/-/archive/<ref>/<file>`. The ref, or null when the URL is no such archive.
 */
function archiveRef(url: string): string | null {
  const gh = /^https?:\/\/github\.com\/[^/]+\/[^/]+\/archive\/(.+?)\.(tar\.gz|tgz|zip)$/.exec(url)
    ?? /^https?:\/\/codeload\.github\.com\/[^/]+\/[^/]+\/(?:tar\.gz|zip|legacy\.tar\.gz|legacy\.zip)\/(.+)$/.exec(url)
    ?? /^https?:\/\/gitlab\.com\/.+?\/-\/archive\/(.+)\/[^/]+\.(tar\.gz|tar\.bz2|tar|zip)$/.exec(url);
  if (!gh) return null;
  return gh[1].replace(/^refs\/heads\//, '');
}

/**
 * `ADD <branch archive URL>` (or a curl/wget of one in a RUN) in a stage that builds Go: like a
 * clone of the branch, the image gets whatever the branch holds when the step runs (dendrite's
 * DendriteJS.Dockerfile: `ADD https://github.com/matrix-org/dendrite/archive/main.tar.gz`, then
 * `go build`). A tag (`v1.2.3`, `refs/tags/…`) or a commit hash is pinned; so is an ADD with
 * `--checksum` (a changed archive fails the build). Only a stage with a `go build`/`go install`
 * of its own (the archive built elsewhere is not followed).
 */
function branchArchives(model: DockerfileModel, stage: Stage): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!isBuilderStage(stage)) return out;
  for (const instr of stage.instructions) {
    if (instr.keyword === 'ADD') {
      if (instr.flags.some((f) => f.name === 'checksum')) continue;
      const paths = copyPaths(instr);
      for (const src of paths?.sources ?? []) {
        const v = expandVariables(src, dockerEnv(model, stage, instr));
        const ref = v === null ? null : archiveRef(v);
        if (ref === null || PINNED_REF.test(ref)) continue;
        out.push({ message: archiveMessage(v!, ref, 'ADD'), span: instr.span });
      }
    } else if (instr.keyword === 'RUN' && instr.script && /\/archive\/|codeload\./.test(instr.script.text)) {
      for (const c of instr.script.parsed.commands) {
        const tool = c.argv[0]?.value;
        if (tool !== 'curl' && tool !== 'wget') continue;
        for (const w of c.argv.slice(1)) {
          const v = w.dynamic ? expandVariables(w.raw.replace(/["']/g, ''), dockerEnv(model, stage, instr)) : w.value;
          const ref = v === null ? null : archiveRef(v);
          if (ref === null || PINNED_REF.test(ref)) continue;
          out.push({ message: archiveMessage(v!, ref, tool), span: scriptSpan(instr.script, c.start, c.end) });
        }
      }
    }
  }
  return out;
}

function archiveMessage(url: string, ref: string, how: string): string {
  return `\`${how}\` of ${url}, the source archive of the branch \`${ref}\`, in a stage that builds Go: the image gets whatever that branch holds when the step runs (frozen in whichever build cache ran it first), as a \`git clone\` of the branch would. Download the archive of a tag or a commit (\`…/archive/refs/tags/vX.Y.Z.tar.gz\`, \`…/archive/<commit>.tar.gz\`)${how === 'ADD' ? ', or pin its content with `ADD --checksum=sha256:…`' : ''}.`;
}

/**
 * Another stage that copies the clone in (`COPY --from=<this stage, or one built FROM it>` of the
 * clone's folder, a folder above it, or one in it) and builds it: a `go build`/`go install` after
 * the copy, or, on an image with Go, a build tool run inside the copied folder (buildsInClone,
 * from the WORKDIR the copy runs in). The clone's folder is its path under the WORKDIR of the
 * clone's RUN (workdirBefore); a COPY --from source is a path from that stage's root. The first
 * such stage and its copy, or null.
 */
function copiedIntoBuild(model: DockerfileModel, stage: Stage, cloneInstr: Instruction, dir: string | null): { stage: Stage; copy: Instruction } | null {
  if (dir === null) return null;
  const wd = dir.startsWith('/') ? '/' : workdirBefore(model, stage, cloneInstr, null);
  if (wd === null) return null;
  const clone = path.posix.resolve(wd, dir);
  for (const other of model.stages) {
    if (other === stage) continue;
    const onGo = stageImage(model, other)?.goToolchain === true;
    for (const [n, copy] of other.instructions.entries()) {
      const from = copy.keyword === 'COPY' ? copy.flags.find((f) => f.name === 'from')?.value : undefined;
      const index = from ? stageRef(model, from) : null;
      if (index === null || !stageChain(model, model.stages[index]).includes(stage)) continue;
      const paths = copyPaths(copy);
      if (!paths) continue;
      const env = pathEnv(model, other, copy);
      const destWritten = expandVariables(paths.dest, env);
      const destBase = destWritten === null ? null : destWritten.startsWith('/') ? '/' : workdirBefore(model, other, copy, null);
      if (destWritten === null || destBase === null) continue;
      const dest = path.posix.resolve(destBase, destWritten);
      for (const written of paths.sources) {
        const v = expandVariables(written, env);
        if (v === null || /[*?[]/.test(v)) continue;
        const src = path.posix.resolve('/', v);
        // Where the clone's folder lands: under dest at its place below src, or dest itself
        // (src is the clone, or a folder in it).
        let landed: string;
        if (src === clone || clone.startsWith(src === '/' ? '/' : `${src}/`)) landed = path.posix.join(dest, clone.slice(src.length));
        else if (src.startsWith(`${clone}/`)) landed = dest;
        else continue;
        const after = other.instructions.slice(n + 1);
        if (after.some((i) => goCommands(i).some((g) => g.sub === 'build' || g.sub === 'install'))) return { stage: other, copy };
        if (!onGo) continue;
        const cmds = flatMapOf(after, (instr) => (instr.keyword === 'RUN' && instr.script ? instr.script.parsed.commands.map((c) => ({ instr, c })) : []));
        const at = workdirBefore(model, other, copy, null);
        if (buildsInClone(model, other, cmds, copy, landed, at !== null && sameDir(at, landed))) return { stage: other, copy };
      }
    }
  }
  return null;
}

/** Flags of `git clone` that take a value (the word after them is no URL or folder). */
const CLONE_VALUE_FLAGS = ['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '-j', '--jobs', '--filter'];

/** The folder a clone goes to: its second operand, else the URL's last segment without `.git`; null when unknown. */
function cloneDir(url: string | null, dest: string | null): string | null {
  if (dest !== null) return dest.replace(/\/+$/, '') || '/';
  if (url === null) return null;
  const name = url.replace(/\/+$/, '').split(/[/:]/).pop()?.replace(/\.git$/, '') ?? '';
  return name === '' ? null : name;
}

/** The same folder, loosely: equal, or one ends with the other (`/go/src/x/lnd` and `lnd`). */
function sameDir(a: string, b: string): boolean {
  const x = a.replace(/\/+$/, '').replace(/^\.\//, '');
  const y = b.replace(/\/+$/, '').replace(/^\.\//, '');
  return x !== '' && y !== '' && (x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`));
}

/**
 * A build tool (`make`, `task`…) runs inside the clone after it: in the same RUN after a `cd`
 * into it (or straight away when it was cloned into `.`), with `make -C <clone>`, or in a later
 * RUN under a WORKDIR that is the clone.
 */
function buildsInClone(model: DockerfileModel, stage: Stage, after: { instr: Instruction; c: { argv: ShellWord[] } }[], cloneInstr: Instruction, dir: string | null, inside = dir === '.'): boolean {
  if (dir === null) return false;
  const here = inside;
  let inClone = here;
  let workdirInClone = here;
  let current = cloneInstr;
  for (const { instr, c } of after) {
    if (instr !== current) {
      // A new RUN starts in the WORKDIR of its time.
      for (const w of stage.instructions.slice(stage.instructions.indexOf(current) + 1, stage.instructions.indexOf(instr))) {
        if (w.keyword !== 'WORKDIR' || !w.args[0]) continue;
        const v = expandVariables(w.args[0].value, dockerEnv(model, stage, w));
        workdirInClone = v !== null && sameDir(v, dir);
      }
      current = instr;
      inClone = workdirInClone;
    }
    const words = c.argv.map((w) => w.value);
    if (words[0] === 'cd') {
      const target = c.argv[1] ? (c.argv[1].dynamic ? expandVariables(c.argv[1].raw.replace(/["']/g, ''), dockerEnv(model, stage, instr)) : c.argv[1].value) : null;
      inClone = target !== null && sameDir(target, dir);
      continue;
    }
    if (buildToolFiles(words) === null) continue;
    const at = words.findIndex((w) => w === '-C' || w === '--directory');
    if (at >= 0 ? !!words[at + 1] && sameDir(words[at + 1], dir) : inClone) return true;
  }
  return false;
}

/** A module's folder of the module cache (`<module path>@<version>`, or a folder in it): the go command's main module is that version. */
const CACHED_MODULE = /(^|\/)[^/@]+@v\d+\.\d+\.\d+[^/]*(\/|$)/;

function inCachedModule(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const at = moduleCacheWorkdir(model, stage, g);
  return at !== null && !at.rel.startsWith('cache/') && CACHED_MODULE.test(at.rel);
}

function unpinned(model: DockerfileModel, stage: Stage, g: GoCommand, p: ShellWord): { pkg: string; text: string } | null {
  const instr = g.instr;
  const chars = lexShellWord(p.raw, p.start);
  if (chars[0]?.dynamic) return null; // `$PACKAGE`: unknown
  const value = p.dynamic ? chars.map((c) => c.ch).join('') : p.value;
  const at = value.indexOf('@');
  const path = at < 0 ? value : value.slice(0, at);
  if (isLocalPackage(path) || path.includes('\0')) return null;
  if (at < 0) {
    if (sourcesPresent(model, stage, instr)) return null;
    // It runs in a module's folder of the module cache (`cd /go/pkg/mod/github.com/uber/
    // tchannel-go@v1.31.0 && go install github.com/uber/tchannel-go/thrift/thrift-gen`: m3's
    // thriftgen): that module, at the version its folder names, is the main module.
    if (inCachedModule(model, stage, g)) return null;
    return {
      pkg: path,
      text: 'has no `@version`: outside a module it fails ("requires a version when current directory is not in a module"), and it does not say which version the image gets. Pin one: `@vX.Y.Z`.',
    };
  }
  let version: string | null = value.slice(at + 1);
  if (version.includes('\0')) {
    // `@${TOOL_VERSION}`: resolve through ARG/ENV defaults; unknown means a build arg decides.
    const raw = p.raw.slice(p.raw.indexOf('@') + 1).replace(/["']/g, '');
    version = expandVariables(raw, dockerEnv(model, stage, instr));
    if (version === null || version === '') return null;
  }
  if (PINNED.test(version)) return null;
  return {
    pkg: `${path}@${version}`,
    text: version === 'latest'
      ? 'resolves the newest release when the step runs: the version is frozen in whichever build cache ran it first and changes whenever the cache is cold. Pin a version: `@vX.Y.Z`.'
      : `uses the moving version query \`@${version}\`: the result changes with the upstream repository. Pin a version: \`@vX.Y.Z\`.`,
  };
}

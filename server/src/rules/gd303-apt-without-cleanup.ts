/**
 * GD303: `apt-get install` (or `apt install`) without `--no-install-recommends`, or in a RUN
 * that updates the package lists without `rm -rf /var/lib/apt/lists/*` after it. Two findings,
 * one per missing piece, so each has its own fix (hadolint reports them as DL3015 and DL3009).
 *
 * Not reported: an install whose packages' recommends are all what they are installed for
 * (docker-ce-cli alone: its recommends are its buildx and compose plugins, which keda's dev
 * container needs for `docker buildx build`; fonts-noto alone: its recommends are its fonts; the
 * flag would install the same packages);
 * recommends asked for on purpose (`--install-recommends`, `-o
 * APT::Install-Recommends=true`); recommends switched off another way (`-o APT::Install-Recommends=false`, or an
 * apt.conf line written by a RUN of the stage); the cleanup part when the RUN has a cache
 * mount on /var/lib/apt or /var/cache/apt; when the RUN removes the lists' folder or one above it
 * (`rm -rf /var/lib/apt/*`), or runs a script copied from the context that removes them
 * (`/scripts/cleanup.sh`); and when the RUN does not run `apt-get update`
 * itself (the lists then come from an earlier layer: removing them here would not shrink the
 * image, see GD302/GD304).
 *
 * Nor in a stage no build builds (facts/unbuiltStages.ts: unnamed, not the last, used by no stage;
 * ori-edge/k8s_gateway 5a8e7cf Dockerfile:27-30): its apt-get never runs (rules/analyze.ts reports
 * no stage-scoped finding there).
 *
 * Also reported: `apt-get update` in a RUN that installs nothing (see updateAlone): its lists
 * stay in that layer, and a later install may read stale ones from the build cache.
 *
 * In a stage the image is not built FROM (a builder whose files are copied out), both are
 * hints: the layer stays in the build cache, not in the image, and the message says so.
 *
 * Fixes:
 *   - add `--no-install-recommends` after `install`. NOT safe: it changes which packages are
 *     installed (its title says so), so fix-all leaves it to the author. The recommends that the
 *     installed packages cannot do without (dockerfile/packages.ts aptNeededRecommends: gcc's
 *     libc6-dev, a cross gcc's libc6-dev-<arch>-cross, ca-certificates for curl, wget and git,
 *     docker-ce-cli's buildx and compose plugins, fonts-noto's font families, and python3-pip's
 *     build-essential and python3-dev when the image runs pip) are named in the message and added to the install by the fix, unless the stage chain
 *     installs them or the base image has them (hyperledger/fabric's `apt install -y git gcc curl
 *     make`, formance's `apt-get install -y gcc-aarch64-linux-gnu gcc-x86-64-linux-gnu`,
 *     livekit/egress's fonts-noto, apache/incubator-devlake's python3-pip on python:3.9-slim);
 *   - append ` && rm -rf /var/lib/apt/lists/*` to the RUN (in its continuation style). Safe:
 *     nothing reads the lists at run time. Not offered for a heredoc RUN. (When a later RUN of
 *     the stage, or of a stage built FROM it, installs without its own `apt-get update`, or runs
 *     a script that may (one from the context with an apt install in it, or one another stage or
 *     image put there: livekit/egress's Chrome installer), the lists are read there: not
 *     reported at all, since removing them would break that RUN.)
 *   - a cleanup whose glob is escaped or quoted (`rm -rf /var/lib/apt/lists/\*`: akash-network/
 *     node) removes nothing: reported on that word, whose glob the safe fix writes bare.
 */
import * as path from 'node:path';
import { rootImage, stageChain, stageDescendants, stageImage, workdirBefore } from '../dockerfile/facts';
import { scriptSpan, toDoc, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { installsPython, runRuns } from '../dockerfile/nativeBuilds';
import type { ShellCommand, ShellWord } from '../dockerfile/shellModel';
import { globQuoted } from '../dockerfile/created';
import { aptNeededRecommends, aptRecommendsAllNeeded, installsPackage, mountTargets, packageCommands, type NeededRecommend, type PackageCommand } from '../dockerfile/packages';
import { insert, replace as replaceText } from '../edits/edits';
import { appendCommandEdit } from '../edits/shellChain';
import { copiedFileText, copiedFromElsewhere, contextFileThrough } from '../facts/copiedFiles';
import { normalizeRepository } from '../images/table';
import { shippedStages } from '../facts/passedBuildArgs';
import { stagesToCheck, withLazyFix, type Rule, type RuleContext, type RuleFinding } from './types';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';
/** An `rm` target that removes the lists: their folder, or the apt folder above it (`/var/lib/apt/*`). */
const REMOVES_LISTS = /^\/var\/lib\/apt(\/lists(\/.*)?|\/\*?)?$/;
const REMOVES_LISTS_IN_TEXT = /\brm\s[^\n]*\/var\/lib\/apt(\/lists)?(\/\*?)?(?=[\s"';&|)]|$)/m;
const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash)$/;

export const gd303: Rule = {
  code: 'GD303',
  name: 'apt-without-cleanup',
  summary: '`apt-get install` without `--no-install-recommends`, or without removing the lists',
  severity: 'information',
  severities: ['information', 'hint'],
  needsWorkspace: false,
  peers: ['DL3015', 'DL3009'],
  fix: 'safe',
  facts: ['images', 'packageInstalls', 'workspace', 'contextFiles'],
  // A RUN and its stage chain; a later install in a stage built FROM it keeps the lists.
  scope: 'stage',
  readsDescendants: true,
  docs: { severity: 'in the stages the image is built from, **hint** in a builder stage (its layers stay in the build cache, not the image)', peers: 'hadolint **DL3015** (`--no-install-recommends`), **DL3009** (apt lists)' },
  check(ctx) {
    const { model } = ctx;
    const out: RuleFinding[] = [];
    // Stages the image is built FROM ship their layers; a builder stage's layers stay in the build
    // cache only (local, or an exported cache): there it is a hint, and the message says so.
    // Also a stage that a build file's `--build-arg` makes a base of the image (nginx KIC's
    // `FROM ${BUILD_OS} AS common`, BUILD_OS=debian-plus-nap-v5 in its Makefile).
    const final = model.stages[ctx.finalStage];
    const built = final ? shippedStages(model, ctx.finalStage, ctx.workspace, ctx.files) : { stages: new Set(model.stages.map((s) => s.index)), through: new Map<number, string>() };
    const shipped = built.stages;
    for (const stage of stagesToCheck(ctx)) {
      const ships = shipped.has(stage.index);
      const arg = built.through.get(stage.index);
      // Said where the image is built from this stage only with a build argument the build files pass.
      const via = arg ? ` (The image is built from this stage with \`--build-arg ${arg}\`, as the repository's build files pass it.)` : '';
      const severity = ships ? undefined : 'hint' as const;
      // Only a setting written to apt's configuration counts for the whole chain: the flag
      // (`--no-install-recommends`) or `-o` on one install says nothing about the others.
      // Read when the stage installs with apt (most stages do not).
      let recommendsOff: boolean | undefined;
      for (const instr of stage.instructions) {
        const script = instr.script;
        if (!script) continue;
        const apt = packageCommands(instr).filter((p) => p.family === 'apt');
        const installs = apt.filter((p) => p.action === 'install' && p.actionWord.value === 'install');
        if (!installs.length) {
          const update = updateAlone(ctx, stage, instr, apt);
          if (update) {
            out.push({
              message: `\`${update.manager} update\` in a RUN that installs nothing: the package lists (10+ MB) stay in ${ships ? 'this layer of the image' : 'this build stage\'s layer (in the build cache, not the image)'}, and when only a later install line changes, the build reuses this layer from its cache, so that install reads stale lists (and can fail to find packages). Run \`${update.manager} update\` in the RUN that installs, and end it with \`rm -rf /var/lib/apt/lists/*\`.`,
              severity,
              span: scriptSpan(script, update.cmd.start, update.cmd.end),
            });
          }
          continue;
        }
        recommendsOff ??= stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'RUN' && writesRecommendsOff(i.script?.text ?? i.json?.join(' ') ?? '')));
        if (!recommendsOff) {
          for (const p of installs) {
            // Off, or asked for on purpose (`--install-recommends`, `Install-Recommends=true`: crowdsec).
            if (p.options.some((o) => /^--(no-)?install-recommends$|Install-Recommends=/i.test(o.value))) continue;
            // Every package's recommends are what it is installed for (docker-ce-cli's buildx and
            // compose plugins: keda's dev container runs `docker buildx build`): the flag, with
            // them named, would install the same packages.
            if (p.packages.length > 0 && p.packages.every((k) => !k.word.dynamic && aptRecommendsAllNeeded(k.name))) continue;
            // Recommends the installed packages need (gcc's libc6-dev, curl's ca-certificates):
            // without recommends they must be named, or the build breaks.
            const needed = neededRecommends(model, stage, instr, p);
            const keep = needed.length === 0 ? '' : ` With it, also install ${listed(needed.map((n) => n.name))} by name: ${whys(needed).join('; ')}.`;
            const lastWord = p.packages[p.packages.length - 1]?.word;
            const edits = [insert(toDoc(script, p.actionWord.end - 1) + 1, ' --no-install-recommends')];
            if (needed.length > 0 && lastWord) edits.push(insert(toDoc(script, lastWord.end - 1) + 1, needed.map((n) => ` ${n.name}`).join('')));
            out.push({
              message: (ships
                ? `\`${p.manager} install\` without \`--no-install-recommends\` also installs every recommended package (often several MB the program never uses).${via}`
                : `\`${p.manager} install\` without \`--no-install-recommends\` also installs every recommended package: in this build stage, which the image is not built from, that costs build time and build-cache space, not image size.`) + keep,
              severity,
              span: scriptSpan(script, p.cmd.start, p.cmd.end),
              fix: needed.length > 0 && !lastWord ? undefined : {
                title: needed.length === 0
                  ? 'Add --no-install-recommends (installs fewer packages)'
                  : `Add --no-install-recommends and install ${needed.map((n) => n.name).join(', ')} by name (installs fewer packages)`,
                edits,
                safe: false,
              },
            });
          }
        }
        const mounts = mountTargets(instr);
        if (mounts.some((m) => /^\/var\/(lib|cache)\/apt(\/|$)/.test(m))) continue;
        if (!apt.some((p) => p.action === 'update')) continue;
        if (removesLists(instr) || cleansInScript(ctx, stage, script.parsed.commands)) continue;
        // A later RUN (of this stage or one built FROM it) installs from these lists without its
        // own update: removing them here would break it, so they are not waste (docker-credential-helpers'
        // lint stage installs from gobase's lists).
        if (laterInstallWithoutUpdate(ctx, instr)) continue;
        const quoted = quotedListsCleanup(instr);
        if (quoted) {
          // The cleanup is there but its glob is escaped or quoted (akash-network/node's
          // `rm -rf /var/lib/apt/lists/\*`): it removes nothing. The fix writes the glob bare.
          const at = scriptSpan(script, quoted.start, quoted.end);
          const bare = /^[A-Za-z0-9_./*-]+$/.test(quoted.value) && model.text.slice(at.start, at.end) === quoted.raw;
          out.push({
            message: `\`${quoted.raw}\` removes nothing: its \`${/[*?[]/.exec(quoted.value)?.[0] ?? '*'}\` is ${/^[^'"]*\\/.test(quoted.raw) ? 'escaped' : 'quoted'}, so \`rm\` gets a file literally named \`${quoted.value.slice(quoted.value.lastIndexOf('/') + 1)}\`, not the files of the folder, and the apt package lists downloaded by \`${apt.find((p) => p.action === 'update')?.manager ?? 'apt-get'} update\` (10+ MB) stay in ${ships ? 'this layer' : 'this build stage\'s layer (in the build cache, not the image, which is not built from this stage)'}. Write the glob unquoted: \`${quoted.value}\`.`,
            severity,
            span: at,
            fix: bare ? { title: 'Unquote the glob so that rm removes the apt lists', edits: [replaceText(at.start, at.end, quoted.value)], safe: true } : undefined,
          });
          continue;
        }
        const last = installs[installs.length - 1];
        const fix = () => {
          const edit = script.heredoc ? undefined : appendCommandEdit(model, instr, CLEANUP);
          return edit && { title: 'Remove the apt lists at the end of the RUN', edits: [edit], safe: true };
        };
        out.push(withLazyFix({
          message: ships
            ? `The apt package lists downloaded by \`apt-get update\` (10+ MB) stay in this layer: end the RUN with \`rm -rf /var/lib/apt/lists/*\`.${via}`
            : 'The apt package lists downloaded by `apt-get update` (10+ MB) stay in this build stage\'s layer: not in the image, which is not built from this stage, but in the build cache (and any exported cache). End the RUN with `rm -rf /var/lib/apt/lists/*`.',
          severity,
          span: scriptSpan(script, last.cmd.start, last.cmd.end),
        }, fix));
      }
    }
    return out;
  },
};

interface Needed extends NeededRecommend {
  /** The installed packages that recommend it. */
  by: string[];
  /** For a `tool`: the command of it that a later RUN runs. */
  ran?: string;
}

/**
 * The recommended packages this install needs (aptNeededRecommend) that neither the stage
 * chain installs by name (libc6-dev also through build-essential) nor its base image has
 * (ca-certificates: the image table's caCerts; libc6-dev: an image with a C compiler). Those
 * needed only to build Python packages from source (python3-pip's build-essential and
 * python3-dev) count when the stage, or one built FROM it, runs pip at or after this RUN; then
 * build-essential not when the chain installs gcc or the image has a compiler (the official
 * python images but -slim and -alpine), python3-dev not when the image is an official python
 * image (its own headers, for its own pip).
 */
function neededRecommends(model: DockerfileModel, stage: Stage, instr: Instruction, p: PackageCommand): Needed[] {
  const out: Needed[] = [];
  const image = stageImage(model, stage);
  let pip: boolean | undefined;
  for (const pkg of p.packages) {
    if (pkg.word.dynamic) continue;
    for (const r of aptNeededRecommends(pkg.name)) {
      const had = out.find((n) => n.name === r.name);
      if (had) {
        if (!had.by.includes(pkg.name)) had.by.push(pkg.name);
        continue;
      }
      if (r.when === 'pip' && !(pip ??= runsPipFrom(model, instr))) continue;
      const ran = r.when === 'runs' ? r.runs?.find((c) => runsFrom(model, instr, (argv) => programOf(argv) === c)) : undefined;
      if (r.when === 'runs' && ran === undefined) continue;
      if (r.name === 'ca-certificates' && image?.caCerts) continue;
      if (r.name === 'libc6-dev' && image?.cCompiler) continue;
      if (r.kind === 'compiler' && (image?.cCompiler || pythonImage(model, stage) === 'full')) continue;
      if (r.kind === 'headers' && pythonImage(model, stage) !== null) continue;
      const names = r.name === 'libc6-dev' ? ['libc6-dev', 'libc-dev', 'build-essential'] : [r.name];
      const test = r.kind === 'compiler' ? (n: string) => n === 'build-essential' || /^gcc(-\d+)?$/.test(n)
        : r.kind === 'headers' ? (n: string) => /^(lib)?python3(\.\d+)?-dev$/.test(n)
        : (n: string) => names.includes(n);
      if (installsPackage(model, stage, test)) continue;
      out.push({ ...r, by: [pkg.name], ran });
    }
  }
  return out;
}

/**
 * The stage's base is an official python image: `full` when it has a C compiler (the default
 * variants are built on buildpack-deps), `slim` for -slim and -alpine; null for any other image.
 */
function pythonImage(model: DockerfileModel, stage: Stage): 'full' | 'slim' | null {
  const ref = rootImage(model, stage);
  if (!ref || ref.includes('$')) return null;
  const { repo, tag } = normalizeRepository(ref);
  if (repo !== 'python') return null;
  return /slim|alpine|windows|nanoserver/.test(tag ?? '') ? 'slim' : 'full';
}

/**
 * A RUN of the stage from `instr` on (that RUN included), or of a stage built FROM it, installs
 * Python packages (dockerfile/nativeBuilds.ts installsPython).
 */
function runsPipFrom(model: DockerfileModel, instr: Instruction): boolean {
  return runsFrom(model, instr, installsPython);
}

/** A command of a RUN of the stage from `instr` on (that RUN included), or of a stage built FROM it, passes `test`. */
function runsFrom(model: DockerfileModel, instr: Instruction, test: (argv: readonly string[]) => boolean): boolean {
  for (const s of stageDescendants(model, model.stages[instr.stage])) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || (s.index === instr.stage && i.line < instr.line)) continue;
      if (runRuns(i, test)) return true;
    }
  }
  return false;
}

/** The program a command runs, by its base name, after variable assignments (`DEB_BUILD_OPTIONS=… fakeroot debian/rules binary`). */
function programOf(argv: readonly string[]): string {
  const word = argv.find((w) => !/^[A-Za-z_]\w*=/.test(w)) ?? '';
  return path.posix.basename(word);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Why each needed recommend is needed; the fonts of one metapackage in one sentence. */
function whys(needed: readonly Needed[]): string[] {
  const out: string[] = [];
  const fonts = needed.filter((n) => n.kind === 'fonts');
  for (const n of needed) {
    if (n.kind !== 'fonts') out.push(neededWhy(n));
    else if (n === fonts[0]) {
      const by = [...new Set(fonts.flatMap((f) => f.by))];
      out.push(`${by.join(', ')} ${by.length > 1 ? 'recommend' : 'recommends'} ${listed(fonts.map((f) => f.name))}, the fonts ${by.length > 1 ? 'they are' : 'it is'} installed for: without them it brings only fonts-noto-core, and CJK text and emoji render as empty boxes`);
    }
  }
  return out;
}

function neededWhy(n: Needed): string {
  const who = `${n.by.join(', ')} ${n.by.length > 1 ? 'recommend' : 'recommends'} ${n.name}`;
  if (n.kind === 'certs') return `${who}, without which every https download fails`;
  if (n.kind === 'plugin') {
    return n.name === 'docker-buildx-plugin'
      ? `${who}, the \`docker buildx\` command, without which \`docker build\` falls back to the deprecated legacy builder (and fails with DOCKER_BUILDKIT=1)`
      : `${who}, the \`docker compose\` command`;
  }
  if (n.kind === 'compiler') return `${who}, the C compiler and make, which the image's pip needs to build a package that has no wheel (mysqlclient, psycopg2) from source`;
  if (n.kind === 'headers') return `${who}, Python's C headers, without which pip cannot build a package with C code that has no wheel`;
  if (n.kind === 'tool') return `${who}, and a later command runs \`${n.ran}\`, which nothing else installs`;
  return n.name === 'libc6-dev'
    ? `${who}, the C library's headers and start files, without which nothing links (cgo included)`
    : `${who}, the target's C library, without which the cross compiler links nothing`;
}

/**
 * The RUN's apt commands are only `apt-get update` (vhs: `RUN apt-get update`, then the install
 * RUNs later), it keeps the lists (no cache mount on them, no cleanup in the RUN), no later RUN
 * of the stage removes them (GD302 reports that one), and the next instruction is not a RUN that
 * installs with apt (GD304 asks to merge the two). Null otherwise.
 */
function updateAlone(ctx: RuleContext, stage: Stage, instr: Instruction, apt: PackageCommand[]): PackageCommand | null {
  if (apt.length === 0 || !apt.every((p) => p.action === 'update')) return null;
  if (mountTargets(instr).some((m) => /^\/var\/(lib|cache)\/apt(\/|$)/.test(m))) return null;
  const at = stage.instructions.indexOf(instr);
  if (stage.instructions.slice(at).some(removesLists) || cleansInScript(ctx, stage, instr.script!.parsed.commands)) return null;
  // The install right after it: GD304 asks to merge the two RUNs.
  const next = stage.instructions[at + 1];
  if (next?.keyword === 'RUN' && packageCommands(next).some((p) => p.family === 'apt' && p.action === 'install')) return null;
  return apt[0];
}

/**
 * The RUN runs `rm` on the lists (or a folder above them); not with a quoted or escaped glob
 * (`rm -rf /var/lib/apt/lists/\*` removes a file named `*`).
 */
function removesLists(i: Instruction): boolean {
  return i.script?.parsed.commands.some((c) => c.argv[0]?.value === 'rm' && c.argv.some((w) => REMOVES_LISTS.test(w.value) && !globQuoted(w))) ?? false;
}

/** The `rm` word of the RUN that would remove the lists but for its quoted or escaped glob (`/var/lib/apt/lists/\*`). */
function quotedListsCleanup(i: Instruction): ShellWord | undefined {
  for (const c of i.script?.parsed.commands ?? []) {
    if (c.argv[0]?.value !== 'rm') continue;
    const w = c.argv.find((x) => REMOVES_LISTS.test(x.value) && globQuoted(x));
    if (w) return w;
  }
  return undefined;
}

/** The RUN writes `APT::Install-Recommends` into apt's configuration (`> /etc/apt/apt.conf.d/…`). */
function writesRecommendsOff(text: string): boolean {
  return /APT::Install-Recommends/i.test(text) && /apt\.conf/.test(text);
}

/**
 * The RUN runs a script that a COPY brought from the context (`/scripts/cleanup.sh`,
 * `sh ./clean.sh`), and that script removes the lists (photoprism's images end every RUN so).
 */
function cleansInScript(ctx: RuleContext, stage: Stage, commands: ShellCommand[]): boolean {
  const files = ctx.files;
  if (!files) return false;
  for (const file of scriptsRun(commands)) {
    const text = copiedFileText(ctx.model, stage, file, files);
    if (text !== null && REMOVES_LISTS_IN_TEXT.test(text)) return true;
  }
  return false;
}

/** The scripts the commands run: a path (`/scripts/cleanup.sh`, `./x`), or one given to a shell (`sh ./clean.sh`). */
function scriptsRun(commands: readonly ShellCommand[]): string[] {
  const out: string[] = [];
  for (const c of commands) {
    const word = SHELLS.test(c.argv[0]?.value ?? '') ? c.argv[1] : c.argv[0];
    const file = word?.value ?? '';
    if (file && !file.startsWith('-') && (file.includes('/') || file.endsWith('.sh'))) out.push(file);
  }
  return out;
}

/**
 * A later RUN (this stage, or a stage built FROM it) that installs with apt without updating
 * first, or runs a script that may (laterScriptMayInstall).
 */
function laterInstallWithoutUpdate(ctx: RuleContext, instr: Instruction): boolean {
  const { model } = ctx;
  // The cross-compile helper's `xx-apt install` runs `dpkg --add-architecture` and `apt-get
  // update` itself while the target architecture is not added yet (tonistiigi/xx src/xx-apt,
  // also for a native build): its first install in a chain reads its own lists (navidrome's
  // `xx-apt install -y binutils gcc …` below `apt-get update && apt-get install -y clang lld`).
  let archAdded = false;
  for (const stage of stageDescendants(model, model.stages[instr.stage])) {
    for (const i of stage.instructions) {
      if (i.keyword !== 'RUN') continue;
      const apt = packageCommands(i).filter((p) => p.family === 'apt');
      const xxInstall = (p: PackageCommand) => p.action === 'install' && p.manager.startsWith('xx-') && !archAdded;
      const addsArch: boolean = archAdded || apt.some((p) => p.action === 'install' && p.manager.startsWith('xx-')) || /dpkg\s+--add-architecture/.test(i.script?.text ?? i.json?.join(' ') ?? '');
      if (i.line <= instr.line) { archAdded = addsArch; continue; }
      const first = apt.find((p) => p.action === 'install' || p.action === 'update');
      const updatesItself = first !== undefined && xxInstall(first);
      archAdded = addsArch;
      if (first?.action === 'install' && !updatesItself) return true;
      if (!i.script && /apt(-get)?\s+install/.test(i.json?.join(' ') ?? '')) return true;
      // A script that runs before any update of this RUN.
      if (first?.action !== 'update' && i.script && laterScriptMayInstall(ctx, stage, i)) return true;
    }
  }
  return false;
}

/** An apt install in a script's text (`apt-get install -y ./chrome.deb`, `apt-get -y install …`). */
const APT_INSTALL_IN_TEXT = /\bapt(-get)?\b[^\n;&|]*\sinstall\b/;

/**
 * The RUN runs a script (a path, or a path given to a shell) that may install with apt from the
 * lists an earlier RUN left: a script copied from the context whose text has an apt install
 * (with or without an update of its own: it may run only on some path), or a script another stage
 * or an image put there, whose text is not known (livekit/egress: `COPY
 * --from=livekit/chrome-installer:… /chrome-installer /chrome-installer`, then `RUN
 * /chrome-installer/install-chrome "$TARGETPLATFORM"`, whose amd64 branch runs `apt-get install -y
 * ./google-chrome-stable_amd64.deb` without an update; judge 29 X W5).
 */
function laterScriptMayInstall(ctx: RuleContext, stage: Stage, instr: Instruction): boolean {
  const { model, files } = ctx;
  for (const file of scriptsRun(instr.script!.parsed.commands)) {
    if (file.includes('$')) continue;
    const dir = file.startsWith('/') ? '/' : workdirBefore(model, stage, instr, null);
    const at = dir === null ? null : path.posix.resolve(dir, file);
    const rel = files ? (at !== null ? contextFileThrough(model, stage, at, files) : null) : null;
    const text = files ? (rel !== null ? files.readFile(rel) : copiedFileText(model, stage, file, files)) : null;
    if (text !== null) {
      if (APT_INSTALL_IN_TEXT.test(text)) return true;
      continue;
    }
    if (at !== null && copiedFromElsewhere(model, stage, at)) return true;
  }
  return false;
}

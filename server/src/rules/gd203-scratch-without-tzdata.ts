/**
 * GD203: the final stage has no zoneinfo database (scratch, alpine or ubuntu without the tzdata
 * package, busybox: the image table's `zoneinfo: false`, Go toolchain images excepted since
 * time.LoadLocation falls back on $GOROOT/lib/time/zoneinfo.zip), the program calls
 * time.LoadLocation (workspace `buildFacts(...).needsTzdata`: not importing time/tzdata), and
 * its build does not say `-tags timetzdata` (command line or GOFLAGS). `unknown time zone` at
 * run time.
 *
 * zoneinfo counts as present when the final stage (chain) installs tzdata or an apt package that
 * depends on it (dockerfile/packages.ts aptBringsTzdata: mono's class library, PostgreSQL, PHP,
 * python3-dateutil …; pufferpanel's template tester installs mono-complete), COPY/ADDs anything
 * with `zoneinfo` in its source or destination, copies a staging folder of another stage that
 * holds a zoneinfo folder once copied (facts/stagedPaths.ts), or sets ZONEINFO.
 *
 * Reported on the RUN of each go build whose output the final stage copies (see
 * ../facts/builtPackages.ts) and whose package needs zoneinfo; builds whose packages cannot be
 * resolved count only when every main package of the context needs it.
 *
 * Fix: add `-tags timetzdata` right after `go build` (or merge `timetzdata` into the existing
 * `-tags` list, comma-separated, inside its quotes; space-separated for a legacy `'a b'` list;
 * when only GOFLAGS sets -tags, its list is repeated with timetzdata added, since a command-line
 * -tags replaces it).
 *
 * Also, in any final image: a COPY/ADD into `/etc/localtime/` (trailing slash; snail007/goproxy
 * e6d6a82 docker/Dockerfile `COPY Shanghai /etc/localtime/`) makes /etc/localtime a folder
 * holding the zone file. Go reads /etc/localtime as a file for time.Local (TZ unset): the read
 * fails and Local silently stays UTC. Not when the stage sets TZ (Go then does not read it) or a
 * later instruction names /etc/localtime again. Fix: drop the slash (safe on scratch, where no
 * /etc/localtime exists to follow).
 */
import * as path from 'node:path';
import { copyPaths, flagInsertPoint, isArtifactExport, pathEnv, stageChain, stageImage, workdirBefore } from '../dockerfile/facts';
import { buildFilesMention } from '../facts/passedBuildArgs';
import { goflags, goflagsValue, lexShellWord, textOf, type ShellChar } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Script, Stage } from '../dockerfile/model';
import { scriptSpan, toDoc } from '../dockerfile/model';
import { aptBringsTzdata, installsPackage, isInstall, packageCommands } from '../dockerfile/packages';
import { properties } from '../dockerfile/parse';
import type { ShellWord } from '../dockerfile/shell';
import { insert, replace, type Edit } from '../edits/edits';
import { loneVariable } from '../dockerfile/variables';
import type { WorkspaceModel } from '../workspace/model';
import { buildFacts, mainPackages } from '../workspace/query';
import { finalCopies, type GoBuild } from '../facts/builtPackages';
import { stagedPaths } from '../facts/stagedPaths';
import { withLazyFix, type Rule, type RuleFinding } from './types';

export const gd203: Rule = {
  code: 'GD203',
  name: 'scratch-without-tzdata',
  summary: 'A final image without a zoneinfo database for a program that loads time zones',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'safe',
  facts: ['copySources', 'goCommands', 'goBuilds', 'images', 'packageInstalls', 'workspace', 'contextFiles'],
  docs: { workspace: '(reads the program\'s sources and imports)' },
  check(ctx) {
    const { model } = ctx;
    const ws = ctx.workspace!;
    const stage = model.stages[ctx.finalStage];
    if (!stage) return [];
    const out: RuleFinding[] = localtimeFolders(model, stage);
    const image = stageImage(model, stage);
    if (!image || image.zoneinfo || image.goToolchain || image.os !== 'linux' || isArtifactExport(model, stage)) return out;
    if (hasZoneinfo(model, stage)) return out;
    const done = new Set<string>();
    const tz = zoneFromEnv(model, stage);
    for (const copy of finalCopies({ ...ctx, workspace: ws }, ctx.finalStage)) {
      for (const b of copy.builds) {
        const key = `${b.go.instr.span.start}:${b.go.cmd.start}`;
        if (done.has(key)) continue;
        done.add(key);
        const pkg = needingPackage(ws, b);
        const zone = pkg === null && tz !== null && embedsTzdata(ws, b) === false ? tz : null;
        const some = pkg === null && zone === null ? needingCandidates(ws, b) : null;
        if (pkg === null && zone === null && some === null) continue;
        const tags = buildTags(model, b) ?? (tagsFromUnsetArgs(model, b) && buildFilesMention(ws, ctx.files, 'timetzdata') === false ? [] : null);
        if (tags === null || tags.includes('timetzdata')) continue;
        const where = pkg === '' ? 'the main package' : `./${pkg}`;
        if (some !== null) {
          out.push(withLazyFix({
            message: `The final image (${stage.resolvedBase ?? stage.base}) has no zoneinfo database, and built with ${some.values} the build compiles a program that calls time.LoadLocation (${some.where}) without embedding time/tzdata: every lookup fails with "unknown time zone". Build with -tags timetzdata.`,
            span: b.go.instr.span,
          }, () => (b.viaMake || buildTags(model, b) === null ? undefined : tagsFix(model, b))));
          continue;
        }
        out.push(withLazyFix({
          message: zone !== null
            ? `The final image (${stage.resolvedBase ?? stage.base}) has no zoneinfo database, and \`ENV TZ=${zone.value}\` (line ${zone.line + 1}) asks Go for that zone: without the database, time.Local silently stays UTC and every local time the program logs or formats is off. Build with -tags timetzdata (or install tzdata).`
            : `The final image (${stage.resolvedBase ?? stage.base}) has no zoneinfo database, and the program calls time.LoadLocation (${where}) without embedding time/tzdata: every lookup fails with "unknown time zone". Build with -tags timetzdata${b.viaMake ? ' (in the make recipe that builds it)' : ''}.`,
          span: b.go.instr.span,
        // (A make recipe's build: the tag goes into the Makefile; no edit of the RUN.)
        }, () => (b.viaMake ? undefined : tagsFix(model, b))));
      }
    }
    return out;
  },
};

/**
 * COPY/ADDs of the final stage's chain whose destination is the folder `/etc/localtime/` (a
 * trailing slash, or `/.`): the zone file lands inside a folder named /etc/localtime. Skipped
 * when the chain sets TZ (Go reads TZ, not /etc/localtime), when a later instruction names
 * /etc/localtime (a RUN that removes and links it), for an archive ADD and an artifact export.
 */
function localtimeFolders(model: DockerfileModel, stage: Stage): RuleFinding[] {
  if (isArtifactExport(model, stage)) return [];
  const chain = stageChain(model, stage);
  const all = chain.flatMap((s) => s.instructions);
  if (all.some((i) => i.keyword === 'ENV' && properties(i).some((p) => p.name === 'TZ'))) return [];
  const scratch = stageImage(model, stage)?.family === 'scratch';
  const out: RuleFinding[] = [];
  all.forEach((i, k) => {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return;
    const paths = copyPaths(i);
    if (!paths || paths.dest.includes('$') || !/\/\.?$/.test(paths.dest)) return;
    if (i.keyword === 'ADD' && paths.sources.some((src) => /\.(tar(\.\w+)?|tgz|tbz2?|txz)$/i.test(src))) return;
    const wd = paths.dest.startsWith('/') ? '/' : workdirBefore(model, model.stages[i.stage], i, null);
    if (wd === null || path.posix.resolve(wd, paths.dest) !== '/etc/localtime') return;
    if (all.slice(k + 1).some((later) => model.text.slice(later.span.start, later.span.end).includes('/etc/localtime'))) return;
    const names = paths.sources.map((src) => `/etc/localtime/${path.posix.basename(src.replace(/\/+$/, ''))}`).join(', ');
    out.push(withLazyFix({
      message: `\`${paths.dest}\` ends with a slash, so ${i.keyword} makes /etc/localtime a folder (holding ${names}). Go reads /etc/localtime as a file for the local time zone (TZ unset): the read fails and time.Local silently stays UTC, so the zone never applies. Copy to \`/etc/localtime\` without the slash (or set \`ENV TZ=<zone>\` with a zoneinfo database in the image).`,
      span: i.span,
    }, () => localtimeFix(i, scratch)));
  });
  return out;
}

/** Drops the trailing `/` (or `/.`) of the destination, in shell form with one source. */
function localtimeFix(i: Instruction, safe: boolean) {
  const last = i.args[i.args.length - 1];
  if (i.json || !last || i.args.length !== 2 || i.heredocs.length > 0) return undefined;
  const m = /\/\.?$/.exec(last.value);
  if (!m || /["']/.test(last.value)) return undefined;
  return { title: 'Copy to /etc/localtime (a file, not a folder)', edits: [replace(last.span.end - m[0].length, last.span.end, '')], safe };
}

/** The (first) package of the build that calls LoadLocation without time/tzdata; null when none. */
function needingPackage(ws: WorkspaceModel, b: GoBuild): string | null {
  if (b.resolved) {
    for (const p of b.packages) {
      const f = buildFacts(ws, p.dir);
      if (f.needsTzdata) return f.loadLocationIn[0] ?? p.dir;
    }
    return null;
  }
  const mains = mainPackages(ws);
  if (mains.length === 0) return null;
  const facts = mains.map((p) => buildFacts(ws, p.dir));
  return facts.every((f) => f.needsTzdata) ? facts[0].loadLocationIn[0] ?? facts[0].dir : null;
}

/**
 * For a build whose package argument holds build arguments with no value (GoBuild.candidates:
 * absmach/magistrala 9d637dc docker/Dockerfile:25 `cmd/${SVC}/main.go`, ARG SVC without a
 * default; judge 33 X M4): the values that name a main package needing zoneinfo, and where it
 * loads a location. Null when no value does.
 */
function needingCandidates(ws: WorkspaceModel, b: GoBuild): { values: string; where: string } | null {
  if (b.resolved || !b.candidates) return null;
  const { names, packages } = b.candidates;
  const needing = packages.filter((c) => buildFacts(ws, c.pkg.dir).needsTzdata);
  if (needing.length === 0) return null;
  const shown = needing.slice(0, 4).map((c) => `\`${names.map((n, k) => `${n}=${c.values[k]}`).join(' ')}\``);
  const values = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')}${needing.length > shown.length ? ', ' : ' or '}${shown[shown.length - 1]}${needing.length > shown.length ? ` or ${needing.length - shown.length} more` : ''}`;
  const first = buildFacts(ws, needing[0].pkg.dir);
  const at = first.loadLocationIn[0] ?? needing[0].pkg.dir;
  return { values: `${values} (${needing.length} of the ${packages.length} main packages \`${b.candidates.arg}\` can name)`, where: at === '' ? 'the main package' : `./${at}` };
}

/**
 * The build's -tags value is only build arguments without a default (`-tags "${BUILD_TAGS}"`):
 * what the caller passes, or nothing.
 */
function tagsFromUnsetArgs(model: DockerfileModel, b: GoBuild): boolean {
  const arg = tagsArgs(b.go.args).pop();
  if (!arg) return false;
  const raw = arg.valueWord.raw.replace(/["']/g, '');
  const name = loneVariable(raw);
  if (name === null) return false;
  const v = pathEnv(model, b.stage, b.go.instr).get(name);
  return v === undefined || v === null;
}

/**
 * Whether the build's packages embed time/tzdata (null: the packages are unknown). Unresolved
 * builds count when every main package of the context answers alike.
 */
function embedsTzdata(ws: WorkspaceModel, b: GoBuild): boolean | null {
  if (b.resolved) return b.packages.some((p) => buildFacts(ws, p.dir).importsTzdata);
  const facts = mainPackages(ws).map((p) => buildFacts(ws, p.dir));
  if (facts.length === 0) return null;
  if (facts.every((f) => f.importsTzdata)) return true;
  return facts.every((f) => !f.importsTzdata) ? false : null;
}

/**
 * The time zone the final stage's last `ENV TZ` names (rocboss/paopao-ce's runner: `ENV
 * TZ=Asia/Shanghai` on alpine without tzdata): Go reads TZ for time.Local at start, from the
 * zoneinfo database. Not UTC (Go needs no database for it), a value with a variable, or a path
 * (`:/etc/localtime`).
 */
function zoneFromEnv(model: DockerfileModel, stage: Stage): { value: string; line: number } | null {
  let found: { value: string; line: number } | null = null;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'ENV') continue;
      for (const p of properties(i)) if (p.name === 'TZ') found = p.value === null ? null : { value: p.value, line: i.line };
    }
  }
  if (!found || found.value.includes('$') || /^[:/]/.test(found.value)) return null;
  return /^((Etc\/)?(UTC|UCT|GMT|GMT0|Zulu|Universal|Greenwich))?$/i.test(found.value) ? null : found;
}

/** Does the final stage get a zoneinfo database some other way? */
function hasZoneinfo(model: DockerfileModel, stage: Stage): boolean {
  if (installsPackage(model, stage, (name) => name === 'tzdata')) return true;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (packageCommands(i).some((p) => p.family === 'apt' && isInstall(p) && p.packages.some((x) => aptBringsTzdata(x.name)))) return true;
      if (i.keyword === 'ENV' && properties(i).some((p) => p.name === 'ZONEINFO')) return true;
      if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const paths = copyPaths(i);
        if (!paths) continue;
        if (/zoneinfo/.test(path.posix.resolve('/', paths.dest)) || paths.sources.some((src) => /zoneinfo|tzdata/.test(src))) return true;
      }
    }
  }
  // A staging folder of another stage that holds a zoneinfo folder once copied (the builder
  // `cp -r /usr/share/zoneinfo /fs/usr/share/`, the final stage `COPY --from=builder /fs /`).
  return stagedPaths(model, stage).some((p) => /zoneinfo/.test(p));
}

interface TagsArg {
  word: ShellWord;
  /** The word holding the value (the flag word itself for `-tags=...`). */
  valueWord: ShellWord;
  /** Characters of the value, as cmd/go receives it. */
  chars: ShellChar[];
}

/** Every `-tags` of a go command (the last one applies). */
function tagsArgs(args: readonly ShellWord[]): TagsArg[] {
  const out: TagsArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (w.value === '--') break;
    const chars = lexShellWord(w.raw, w.start);
    const m = /^--?tags(=|$)/.exec(textOf(chars));
    if (!m) continue;
    if (m[1] === '=') out.push({ word: w, valueWord: w, chars: chars.slice(m[0].length) });
    else if (args[i + 1]) {
      out.push({ word: w, valueWord: args[i + 1], chars: lexShellWord(args[i + 1].raw, args[i + 1].start) });
      i++;
    }
  }
  return out;
}

/** The build tags in effect (command line, else GOFLAGS); null when unknown (an expansion). */
function buildTags(model: DockerfileModel, b: GoBuild): string[] | null {
  const arg = tagsArgs(b.go.args).pop();
  if (arg) {
    if (arg.chars.some((c) => c.dynamic)) return null;
    return splitTags(textOf(arg.chars));
  }
  const flags = goflags(model, b.stage, b.go);
  if (flags === null) return null;
  const v = flags === undefined ? undefined : goflagsValue(flags, 'tags');
  return typeof v === 'string' ? splitTags(v) : [];
}

function splitTags(v: string): string[] {
  return v.split(/[\s,']+/).filter((t) => t !== '');
}

/** Adds timetzdata to the build's tags; undefined when the command line has a shape we do not rewrite. */
function tagsFix(model: DockerfileModel, b: GoBuild) {
  const script = b.go.instr.script;
  if (!script) return undefined;
  const edit = tagsEdit(model, script, b);
  return edit ? { title: `Build with -tags timetzdata`, edits: [edit], safe: true } : undefined;
}

function tagsEdit(model: DockerfileModel, script: Script, b: GoBuild): Edit | null {
  const arg = tagsArgs(b.go.args).pop();
  const sub = b.go.cmd.argv[1];
  if (!arg) {
    if (!sub) return null;
    const at = toDoc(script, flagInsertPoint(b.go) - 1) + 1;
    const flags = goflags(model, b.stage, b.go);
    const fromGoflags = flags ? goflagsValue(flags, 'tags') : undefined;
    if (typeof fromGoflags === 'string' && fromGoflags !== '') {
      const list = [...splitTags(fromGoflags), 'timetzdata'].join(',');
      return /^[A-Za-z0-9_.,-]+$/.test(list) ? insert(at, ` -tags ${list}`) : null;
    }
    return insert(at, ' -tags timetzdata');
  }
  const chars = arg.chars;
  const value = textOf(chars);
  if (chars.length === 0) {
    // `-tags ""`, `-tags=''`: put the tag inside the quotes.
    const raw = arg.valueWord.raw;
    if (/(""|'')$/.test(raw)) return insert(scriptSpan(script, arg.valueWord.end - 1, arg.valueWord.end).start, 'timetzdata');
    return insert(scriptSpan(script, arg.valueWord.start, arg.valueWord.end).end, 'timetzdata');
  }
  const legacy = /[ ']/.test(value); // cmd/go splits a value with spaces or quotes on spaces
  const last = chars[chars.length - 1];
  if (legacy && !last.quote) return null;
  if (legacy && value.includes("'")) return null;
  const sep = legacy ? ' ' : value.endsWith(',') ? '' : ',';
  return insert(scriptSpan(script, last.start, last.end).end, `${sep}timetzdata`);
}

/**
 * GD119: a go build compiles a package of its module whose sources no COPY/ADD (nor a RUN bind
 * mount) brings into the build: the Dockerfile copies some folders of a module and builds a
 * program that imports another one (flyte executor/Dockerfile copies executor/ and gen/, and
 * executor/cmd imports flytestdlib/… of the same module). go then fails with "package … is not
 * in std" or "no required module provides package"; nothing else in the Dockerfile says so.
 *
 * Certain or silent, as an error must be:
 * - the build's package is resolved with the certain mapping (builtPackage: known WORKDIR,
 *   context copies that are plain paths);
 * - only packages of the same module as the built one (another module of the repository may
 *   come from the module proxy at the version go.mod requires);
 * - a package counts as copied when any context copy or bind mount of any stage the target
 *   needs covers one of its files; a copy the tool cannot place (a glob, a variable) covers
 *   everything;
 * - silent when anything before the go command in the build's stage chain could write sources:
 *   a COPY --from (another stage's generated code), an ADD of a URL or repository, or a command
 *   other than package installs, go mod download and plain file housekeeping (`make`,
 *   `go generate`, `protoc`, a script, `git clone`, curl/wget).
 * - `RUN make <target>`: the go builds of the target's recipe count when the recipe is certain
 *   and harmless (makeGoCommands, dockerfile/makeRecipe.ts: a Makefile of the builder, a known
 *   target whose recipe and prerequisites run only go build/install and file housekeeping), in
 *   the folder make runs in (`make -C`, and a recipe line's `cd dir &&`, move it); a line whose failure does not fail make (`-`,
 *   `||`, if) does not. Any other recipe is "may write sources", as before.
 *
 * No fix: which folders to copy (or whether to copy the whole module) is the user's choice.
 */
import { contextPath, copyPaths, goCommands, isGoProgram, isWholeContext, stageChain, type GoCommand } from '../dockerfile/facts';
import { stagesFeeding } from '../dockerfile/goBuild';
import type { Instruction, Stage } from '../dockerfile/model';
import { topLevelCommands } from '../dockerfile/packages';
import { isRemoteSource } from '../dockerfile/copySources';
import { contextUses } from '../facts/contextInputs';
import { builtPackage, makeGoCommands } from '../facts/builtPackages';
import { buildFacts, packageByDir } from '../workspace/query';
import type { Rule, RuleFinding } from './types';

/** Commands that cannot write Go sources into the build (package managers, module downloads, housekeeping). */
const HARMLESS = new Set([
  'apk', 'apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'mkdir', 'echo', 'printf', 'export', 'cd', 'set', 'true', ':', 'ls', 'rm',
  'chmod', 'chown', 'addgroup', 'adduser', 'useradd', 'groupadd', 'update-ca-certificates', 'pwd', 'env', 'id', 'whoami', 'uname',
]);
/** go subcommands that write no sources of the module. */
const HARMLESS_GO = new Set(['mod download', 'mod verify', 'env', 'version', 'build', 'install', 'list', 'vet', 'test']);

export const gd119: Rule = {
  code: 'GD119',
  name: 'package-not-copied',
  summary: 'A go build compiles a package of its module that no COPY brings into the build',
  severity: 'error',
  needsWorkspace: true,
  fix: 'none',
  facts: ['goBuilds', 'goCommands', 'copySources', 'contextInputs', 'packageInstalls', 'workspace'],
  check(ctx) {
    const ws = ctx.workspace!;
    const model = ctx.model;
    const uses = contextUses(model, ctx.finalStage);
    const roots: string[] = [];
    for (const u of uses) {
      for (const src of u.sources) {
        if (isWholeContext(src)) return [];
        const rel = contextPath(src);
        // A source the tool cannot place may hold anything.
        if (rel === null) {
          if (isRemoteSource(src)) continue;
          return [];
        }
        if (rel === '') return [];
        roots.push(rel);
      }
    }
    const covered = (file: string) => roots.some((r) => file === r || file.startsWith(r + '/'));
    const out: RuleFinding[] = [];
    const report = (s: Stage, i: Instruction, g: GoCommand, before: number, what: string) => {
      if (g.sub !== 'build' && g.sub !== 'install') return;
      const pkg = builtPackage({ model, workspace: ws, files: ctx.files }, s, g);
      if (!pkg || pkg.module === null || mayWriteSources(model, s, i, before)) return;
      const missing: string[] = [];
      for (const dir of buildFacts(ws, pkg.dir).packages) {
        const p = packageByDir(ws, dir);
        if (!p || p.module !== pkg.module || p.files.length === 0) continue;
        if (p.files.some((f) => covered(dir === '' ? f : `${dir}/${f}`))) continue;
        missing.push(p.importPath ?? dir);
      }
      if (missing.length === 0) return;
      const shown = missing.slice(0, 3).map((m) => `\`${m}\``).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
      out.push({
        message: `${what} compiles ${pkg.importPath ?? pkg.dir}, which needs ${shown} of its own module (imported by it or by its imports), but no COPY brings ${missing.length === 1 ? 'that folder' : 'those folders'} into the build: go fails with "package … is not in std" (or "no required module provides package"). Copy ${missing.length === 1 ? 'it' : 'them'} too, or the whole module.`,
        span: i.span,
      });
    };
    for (const s of model.stages) {
      if (!stagesFeeding(model, ctx.finalStage).has(s.index)) continue;
      for (const i of s.instructions) {
        for (const g of goCommands(i)) report(s, i, g, g.cmd.start, `\`go ${g.sub}\``);
        // `RUN make <target>`: the go builds of a recipe known to run only harmless commands.
        for (const m of makeGoCommands(ctx, s, i)) {
          if (m.command.conditional) continue;
          const target = m.command.target;
          const goals = m.recipe.goals.map((x) => x.name);
          const whose = goals.includes(target) ? `\`make ${target}\`` : `\`${target}\` (run by \`make ${goals.join(' ')}\`)`;
          report(s, i, m.g, m.make.start, `\`go ${m.g.sub}\` in the recipe of ${whose} (${m.makefile}:${m.command.line})`);
        }
      }
    }
    return out;
  },
};

/** Could anything before the go command at `goStart` in `instr`, in the stage chain, write Go sources? */
function mayWriteSources(model: Parameters<typeof stageChain>[0], stage: Stage, instr: Instruction, goStart: number): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) return runMayWrite(i, goStart);
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.some((f) => f.name === 'from')) return true;
      if (i.keyword === 'ADD' && (copyPaths(i)?.sources ?? []).some(isRemoteSource)) return true;
      if (i.keyword === 'RUN' && runMayWrite(i, Infinity)) return true;
    }
  }
  return false;
}

function runMayWrite(i: Instruction, before: number): boolean {
  if (!i.script) return i.json !== null && i.json.length > 0 && !(i.json[0] === 'go');
  if (i.script.parsed.hasErrors) return true;
  const gos = goCommands(i);
  for (const c of topLevelCommands(i.script)) {
    if (c.start >= before) break;
    const name = c.argv[0]?.value;
    if (name === undefined) continue;
    if (c.argv[0].dynamic) return true;
    if (isGoProgram(name)) {
      const g = gos.find((x) => x.cmd === c);
      if (!g || !HARMLESS_GO.has(g.sub)) return true;
      continue;
    }
    if (name === 'git') {
      if (c.argv[1]?.value !== 'config') return true;
      continue;
    }
    if (!HARMLESS.has(name)) return true;
  }
  return false;
}

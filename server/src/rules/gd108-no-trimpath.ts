import { TRIMPATH_SINCE } from '../images/golangTag';
import { flagInsertPoint, goFlag, goOlderThan, goPackages, stageGoCommands } from '../dockerfile/facts';
import { buildsOnlyGoDistribution, goflags, goflagsValue, hasOpaqueArgs, isDebugBuild, isLocalPackage, stagesLanding, writesNoBinary } from '../dockerfile/goBuild';
import { scriptSpan, toDoc, type DockerfileModel } from '../dockerfile/model';
import type { GoCommand } from '../dockerfile/facts';
import { insert } from '../edits/edits';
import { discardedBuild } from '../facts/builtPackages';
import type { Rule, RuleFinding } from './types';

/**
 * GD108: in a stage whose files land in the final image (stagesLanding, as for GD110), `go build`, or `go install`
 * of the module's own packages, without `-trimpath` (on the
 * command line or in GOFLAGS). Not reported: `go install pkg@version` and other remote
 * packages (a third-party tool, whose paths are the module cache's), `go run`/`go test` (no
 * binary ships), `go install std` (the standard library: no program of the project), debug builds (`-gcflags "all=-N -l"`: Delve maps the recorded paths to the
 * sources), builds that write no binary (`go build ./...` without -o, `-o /dev/null`) or whose
 * binary the stage discards (discardedBuild: a cache warm-up a later build overwrites, a probe a later `rm` removes), an
 * explicit `-trimpath=false`, and commands whose flags are partly unknown: a GOFLAGS build arg
 * without a default, or a word that starts with an expansion (`go build ${GOBUILDFLAGS} .`),
 * and a build whose comment says why it keeps its paths: a comment about trimming paths in the
 * RUN's script before the command, or in the comment lines right above the RUN (FerretDB's
 * development image: `# Do not trim paths to make debugging with delve easier.`).
 *
 * Fix (safe: only the file paths recorded in the binary change, not what it does): insert
 * `-trimpath` right after `go build`/`go install`.
 */
export const gd108: Rule = {
  code: 'GD108',
  name: 'no-trimpath',
  summary: 'A go build without `-trimpath`',
  severity: 'information',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands', 'goBuilds', 'images'],
  check(ctx) {
    const out: RuleFinding[] = [];
    // A helper built and used inside a stage that never reaches the image (docs generators, test
    // stages), or only mounted into a RUN that runs it (a linter), ships no paths.
    const feeding = stagesLanding(ctx.model, ctx.finalStage);
    for (const stage of ctx.model.stages) {
      if (!feeding.has(stage.index)) continue;
      for (const g of stageGoCommands(stage)) {
        if (g.sub !== 'build' && g.sub !== 'install') continue;
        // A warm-up a later build overwrites, or a probe a later `rm` removes, ships nothing.
        if (discardedBuild(ctx, g)) continue;
        const pkgs = goPackages(g.args);
        // `go install std`: the standard library, no program of the project.
        if (buildsOnlyGoDistribution(pkgs)) continue;
        if (g.sub === 'install' && !pkgs.every((p) => !p.value.includes('@') && (p.dynamic || isLocalPackage(p.value)))) continue;
        if (writesNoBinary(g, pkgs, goFlag(g.args, 'o')?.value)) continue;
        if (goFlag(g.args, 'trimpath') || hasOpaqueArgs(pkgs)) continue;
        // `-trimpath` came with Go 1.13: an older go stops at it ("flag provided but not defined";
        // ledisdb builds on golang:1.9-stretch).
        if (goOlderThan(ctx.model, stage, g.instr, TRIMPATH_SINCE.major, TRIMPATH_SINCE.minor)) continue;
        // A Delve build needs the real source paths to set breakpoints: its paths are wanted.
        if (isDebugBuild(ctx.model, stage, g)) continue;
        const flags = goflags(ctx.model, stage, g);
        if (flags === null || (flags && goflagsValue(flags, 'trimpath') !== undefined)) continue;
        // A comment next to the build says why the paths stay: a deliberate choice.
        if (commentedChoice(ctx.model, g)) continue;
        const script = g.instr.script!;
        out.push({
          message: `\`go ${g.sub}\` without \`-trimpath\`: the binary records the builder's absolute paths (WORKDIR, module cache, GOROOT), and the same commit built in another directory gives different bytes.`,
          span: scriptSpan(script, g.cmd.start, g.cmd.end),
          fix: { title: `Add -trimpath to go ${g.sub}`, edits: [insert(toDoc(script, flagInsertPoint(g) - 1) + 1, ' -trimpath')], safe: true },
        });
      }
    }
    return out;
  },
};

/** A comment about trimming paths (`-trimpath`, "trim paths", "trimmed paths"). */
const TRIM_NOTE = /trim-?path|\btrim(med|ming)?\s+(the\s+)?(file\s+)?paths?\b/i;

/**
 * A comment about trimming paths before the go command in its RUN's script (a shell comment of a
 * heredoc, or a comment line between continuations), or in the block of comment lines right
 * above the RUN.
 */
function commentedChoice(model: DockerfileModel, g: GoCommand): boolean {
  // The RUN's text up to the command, as written (comment lines between continuations are not
  // in its script; a heredoc's shell comments are).
  const upTo = model.text.slice(g.instr.span.start, toDoc(g.instr.script!, g.cmd.start));
  if (upTo.split('\n').some((l) => l.trimStart().startsWith('#') && TRIM_NOTE.test(l))) return true;
  const byLine = new Map(model.comments.map((c) => [c.line, c.text]));
  for (let line = g.instr.line - 1; byLine.has(line); line--) if (TRIM_NOTE.test(byLine.get(line)!)) return true;
  return false;
}

import { flagInsertPoint, goFlag, goPackages, stageGoCommands, type GoCommand } from '../dockerfile/facts';
import {
  alternativeBuildHas, buildsExecutable, buildsOnlyGoDistribution, buildToolOnly, charsOf, goflags, goflagsValue, goSplit, hasOpaqueArgs, isDebugBuild, isLocalPackage, ldflagsArgs, stagesLanding, stripFlags, variableLdflags, writesNoBinary,
} from '../dockerfile/goBuild';
import { scriptSpan, toDoc, type DockerfileModel, type Stage } from '../dockerfile/model';
import { insert, type Edit } from '../edits/edits';
import { prependLdflags } from '../edits/goFlags';
import { discardedBuild } from '../facts/builtPackages';
import type { ShellWord } from '../dockerfile/shell';
import { withLazyFix, type Rule, type RuleFinding } from './types';

/** `go install` of the module's own packages (as GD108 reads it): no `@version`, no remote path, not the standard library alone. */
function installsModulePackages(pkgs: readonly ShellWord[]): boolean {
  if (buildsOnlyGoDistribution(pkgs)) return false;
  return pkgs.every((p) => !p.value.includes('@') && (p.dynamic || isLocalPackage(p.value)));
}

/**
 * GD110: a release build without `-s -w` in its linker flags.
 *
 * "Release build": a `go build` (or a `go install` of the module's own packages: emitter) in the final stage or in a stage whose files can land in it
 * (its FROM chain, COPY --from, transitively; not a stage that a RUN only mounts with
 * `--mount=from=` to run what it holds: stagesLanding), that writes a binary (not `./...` without
 * -o, not -o /dev/null) that the stage does not discard (discardedBuild: a cache warm-up a later
 * build overwrites, a probe a later `rm` removes), an executable (not `-buildmode=c-archive`, `c-shared`, `plugin`, `archive`,
 * `shared`: a library whose symbols its users link against) and is not a debug build (`-gcflags`
 * with `-N` or `-l`, or a `-gcflags` value a build ARG sets: the same file builds the debug variant,
 * kubeflow pipelines' `--build-arg GCFLAGS="all=-N -l"`; nor a build that lands in a Delve debug
 * image, whose FROM chain installs or copies dlv or starts it: go-carbon's Dockerfile.debug;
 * isDebugBuild), nor a test build (`-race`, `-cover`),
 * nor a build in a branch of an `if`/`case` whose other branch builds the same packages with `-s`
 * (open-im-server's `if [ "$RELEASE" = "true" ]; then go build -ldflags "-s -w" …; else go build …; fi`:
 * the else branch is the deliberate non-release build; alternativeBuildHas). Stages that
 * never reach the final image (test, lint, debug targets) are left alone. `-s` alone counts as
 * stripped: since Go 1.22 it implies `-w`. `-ldflags "${LDFLAGS}"` is read from the variable's
 * ENV (variableLdflags: velero; then no fix), or from the RUN's own assignment before the command
 * when that value is certain (harness's `LDFLAGS="-X …" && … go build -ldflags="$LDFLAGS"`). Silent when the flags are partly unknown: an
 * -ldflags value that starts with an expansion (`-ldflags "$LDFLAGS"` from a build arg), a word that starts with
 * one (`go build ${GOBUILDFLAGS} .`), or a GOFLAGS build arg without a default.
 *
 * Fix (safe: symbols and DWARF are not used at run time; panics keep function names and
 * file:line): prepend the missing flags inside the existing -ldflags value, keeping its quoting
 * (`-ldflags "-X a=b"` -> `-ldflags "-s -w -X a=b"`, `-ldflags=-w` -> `-ldflags="-s -w"`), or add
 * `-ldflags="-s -w"` after `go build` when there is none. No fix when the value starts with an
 * expansion or comes from GOFLAGS.
 */
export const gd110: Rule = {
  code: 'GD110',
  name: 'unstripped-binary',
  summary: 'A release build without `-s -w` in its linker flags',
  severity: 'hint',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands', 'goBuilds'],
  check(ctx) {
    const out: RuleFinding[] = [];
    const feeding = stagesLanding(ctx.model, ctx.finalStage);
    for (const stage of ctx.model.stages) {
      if (!feeding.has(stage.index)) continue;
      for (const g of stageGoCommands(stage)) {
        const script = g.instr.script!;
        // `go install` of the module's own packages (emitter's `go install`, whose /go/bin/emitter
        // the final stage copies) writes a binary as `go build` does; not `tool@version` (a
        // third-party tool) nor the standard library alone.
        if (g.sub !== 'build' && !(g.sub === 'install' && installsModulePackages(goPackages(g.args)))) continue;
        // A warm-up a later build overwrites, or a probe a later `rm` removes, ships nothing; nor
        // does a tool the build runs over the bound sources in a Dockerfile that makes no image to
        // run (buildToolOnly: buildx's docsgen and golangci-lint).
        if (discardedBuild(ctx, g) || buildToolOnly(ctx.model, ctx.finalStage, g)) continue;
        const pkgs = goPackages(g.args);
        if (writesNoBinary(g, pkgs, goFlag(g.args, 'o')?.value) || isDebugBuild(ctx.model, ctx.finalStage, stage, g) || !buildsExecutable(ctx.model, stage, g)) continue;
        // `-race`/`-cover`: a test build, not a release.
        if (goFlag(g.args, 'race') || goFlag(g.args, 'cover')) continue;
        const result = missingStrip(ctx.model, stage, g);
        if (!result) continue;
        // The other branch of an `if`/`case` builds the same packages stripped: this branch is the
        // deliberate debuggable mode (open-im-server's RELEASE=false build).
        if (alternativeBuildHas(g, (o) => { const a = ldflagsArgs(o.args).at(-1); return !!a && stripFlags(a.tokens).s; })) continue;
        const fix = () => {
          const edit: Edit | null = result.fromVariable
            ? null
            : result.arg
            ? prependLdflags(script, result.arg, result.missing)
            : result.fromGoflags ? null : insert(toDoc(script, flagInsertPoint(g) - 1) + 1, ' -ldflags="-s -w"');
          return edit ? { title: `Add ${result.missing.join(' ')} to -ldflags`, edits: [edit], safe: true } : undefined;
        };
        const globals = result.emptyGlobals?.map((n) => `\`${n}\``).join(', ');
        const where = result.fromGoflags ? ' (GOFLAGS sets -ldflags)'
          : globals ? ` (the \`-ldflags\` value, $${result.fromVariable}, comes from an ENV that reads the global ARG ${globals}, declared before the first FROM but not in this stage, so it is empty here whatever its default says: add \`ARG ${result.emptyGlobals![0]}\` to the stage, see GD115)`
          : result.fromVariable ? ` (the \`-ldflags\` value, $${result.fromVariable}, is set ${result.inRun ? 'earlier in this RUN' : 'in the Dockerfile'} without them: add them there)` : '';
        out.push(withLazyFix({
          // With -w already there (kargo), only the symbol table stays: say so, not DWARF too.
          message: result.missing.length === 1
            ? `Release build with \`-w\` but without \`-s\` in its linker flags${where}: the DWARF debug info is dropped, but the symbol table stays in the binary. Stack traces keep function names and file:line without it.`
            : `Release build without \`-ldflags "-s -w"\`${where}: the symbol table and DWARF debug info stay in the binary, typically a quarter of its size. Stack traces keep function names and file:line without them.`,
          span: scriptSpan(script, g.cmd.start, g.cmd.end),
        }, fix));
      }
    }
    return out;
  },
};

/** What is missing, and where the linker flags are; null when stripped or unknown. */
function missingStrip(model: DockerfileModel, stage: Stage, g: GoCommand): { missing: string[]; arg?: ReturnType<typeof ldflagsArgs>[number]; fromGoflags?: boolean; fromVariable?: string; inRun?: boolean; emptyGlobals?: string[] } | null {
  const arg = ldflagsArgs(g.args).at(-1);
  if (arg) {
    const f = stripFlags(arg.tokens);
    if (f.unknown) {
      // `-ldflags "${LDFLAGS}"` with `ENV LDFLAGS="-X …"` in the stage (velero): read there.
      const v = variableLdflags(model, stage, g, arg);
      const fv = v ? stripFlags(v.tokens) : null;
      if (!v || !fv || fv.s || fv.unknown) return null;
      return { missing: fv.w ? ['-s'] : ['-s', '-w'], fromVariable: v.name, inRun: v.inRun, ...(v.emptyGlobals ? { emptyGlobals: v.emptyGlobals } : {}) };
    }
    if (f.s) return null;
    return { missing: f.w ? ['-s'] : ['-s', '-w'], arg };
  }
  if (hasOpaqueArgs(goPackages(g.args))) return null;
  const flags = goflags(model, stage, g);
  if (flags === null) return null;
  const value = flags && goflagsValue(flags, 'ldflags');
  if (typeof value === 'string') {
    const chars = charsOf(value);
    const eq = /^\s*[^-\s][^=]*=/.exec(value);
    const f = stripFlags(goSplit(chars, eq ? eq[0].length : 0));
    if (f.s || f.unknown) return null;
    return { missing: f.w ? ['-s'] : ['-s', '-w'], fromGoflags: true };
  }
  return { missing: ['-s', '-w'] };
}

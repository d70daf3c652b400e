/**
 * GD116: a go build whose binary lands in the final stage sets GOARCH to a literal (`GOARCH=amd64`:
 * prefix, `export` or ENV), or GOOS to something other than linux, while the final stage follows
 * the target platform (its FROM chain names no fixed `--platform`). Built for another platform
 * (`docker build --platform linux/arm64`, an arm64 machine, a multi-platform build), the image
 * holds a binary of the wrong architecture and fails with "exec format error".
 *
 * Not reported: a final stage with a fixed `--platform` (the author chose it), or whose base image
 * is one architecture's and the build's (`FROM multiarch/debian-debootstrap:armhf-stretch`,
 * `arm32v7/alpine` or `balenalib/armv7hf-debian` for GOARCH=arm; images/table.ts
 * imageArchitecture: codeskyblue/gohttpserver's docker/Dockerfile.armhf), a GOARCH from a
 * variable (`$TARGETARCH`, a build arg), a script that decides by platform itself (it mentions
 * TARGETARCH/TARGETPLATFORM, `uname -m`, `dpkg --print-architecture`, `apk --print-arch`), a
 * builder that builds for several architectures (several GOARCH values: a release of many binaries),
 * and a final stage that nothing runs or that gathers a release:
 *  - an artifact-export stage (scratch, only COPY, no ENTRYPOINT/CMD; facts `isArtifactExport`):
 *    the binaries are taken out with `docker cp` or `--output`, never executed in the image;
 *  - builds of several platforms landing in it, each from its own stage (linkerd2 cli/Dockerfile:
 *    `build-linux-amd64`, `build-darwin`, `build-windows`… gathered in `FROM scratch AS multi-arch`),
 *    or builds for several operating systems, a native one among them (dnsmonster's
 *    Dockerfile-release: a linux binary and a `GOOS=windows` .exe, taken out with `docker cp`).
 *
 * `RUN make <target>` counts too when its recipe is certain (makeGoCommands: a Makefile of the
 * builder, a known target whose recipe runs only go builds and file housekeeping): a recipe line's
 * `GOARCH=amd64 go build …`, or the ENV the make step inherits, with the binary's path worked out
 * from the recipe's `-o` in the folder make runs in. When the make command sets it (`make
 * buildhistoryserver GOARCH=amd64`, kuberay's historyserver), the finding is on that command and
 * the fix rewrites its argument; otherwise no fix (the Makefile is the user's).
 *
 * Fix (not safe: it changes which architecture is built): a prefix `GOARCH=amd64` becomes
 * `GOARCH=$TARGETARCH`, with `ARG TARGETARCH` after the builder's FROM when the stage lacks it.
 */
import { flatMapOf } from '../arrays';
import { argDeclarations, isArtifactExport, rootImage, stageChain, stageGoCommands, type GoCommand } from '../dockerfile/facts';
import { rawEnvValue } from '../dockerfile/goBuild';
import { toDoc, scriptSpan, type DockerfileModel } from '../dockerfile/model';
import type { ShellCommand, ShellWord } from '../dockerfile/shellModel';
import { insertLinesAfter, replace, type Edit } from '../edits/edits';
import { landingBuilds, landingMakeBuilds } from '../facts/builtPackages';
import { imageArchitecture } from '../images/table';
import { withLazyFix, type Fix, type Rule, type RuleFinding } from './types';

const DECIDES_PLATFORM = /\$\{?(TARGETARCH|TARGETPLATFORM|TARGETVARIANT|BUILDARCH)\b|uname\s+-m|--print-arch|print-architecture|xx-info/;

export const gd116: Rule = {
  code: 'GD116',
  name: 'hard-coded-target-platform',
  summary: 'A go build hard-codes GOARCH (or a GOOS other than linux) while the final stage follows the target platform',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['goCommands', 'goBuilds', 'images'],
  check(ctx) {
    const { model } = ctx;
    const final = model.stages[ctx.finalStage];
    if (!final) return [];
    // A fixed platform on the final stage's chain: the image is that platform whatever is asked.
    if (stageChain(model, final).some((s) => s.platform !== null && !/\$\{?TARGETPLATFORM\b/.test(s.platform))) return [];
    // Most builds set no GOARCH and no GOOS but linux: when no build of the file could be
    // reported, which builds land in the final stage (a costly fact) need not be worked out.
    // `RUN make <target>`: the go builds of a recipe known to run only harmless commands, with
    // the environment make gives them (the recipe line's `GOARCH=…`, make's exports, ENV).
    const makeBuilds = model.stages.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\bmake\b/.test(i.script?.text ?? ''))) ? landingMakeBuilds(ctx, ctx.finalStage) : [];
    if (!model.stages.some((s) => stageGoCommands(s).some((g) => (g.sub === 'build' || g.sub === 'install') && hardCoded(model, g))) && !makeBuilds.some((m) => hardCoded(model, m.g))) return [];
    // Nothing runs an artifact-export stage (`FROM scratch` + `COPY --from=build /out/* /`, no
    // ENTRYPOINT/CMD): its binaries are taken out, so no platform of theirs can fail to exec.
    if (isArtifactExport(model, final)) return [];
    const byMake = new Map(makeBuilds.map((m) => [m.g, m]));
    const landing = [...landingBuilds(ctx, ctx.finalStage), ...makeBuilds.map((m) => ({ g: m.g }))];
    // Builds of several platforms, from several stages, land in the image: a bundle of release
    // binaries (linux, darwin, windows), not one program for the image's platform.
    // (Only builds that name their platform count: a `go install tool@v1` beside them says nothing.)
    const platforms = new Set(flatMapOf(landing, ({ g }) => { const h = hardCoded(model, g); return h ? [`${h.goos ?? ''}/${h.goarch ?? ''}`] : []; }));
    if (platforms.size > 1) return [];
    // Builds for several operating systems land in it, a native one among them
    // (mosajjal/dnsmonster's Dockerfile-release: a linux binary, then `GOOS=windows` for an .exe,
    // both taken out with `docker cp`): release files, and a windows binary never was the image's
    // program. (`go build` only: a GOOS left unset is the builder's, linux.)
    const oses = new Set(flatMapOf(landing, ({ g }) => (g.sub === 'build' ? [rawEnvValue(model, model.stages[g.instr.stage], g, 'GOOS') ?? 'linux'] : [])));
    if (oses.size > 1) return [];
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    const base = rootImage(model, final);
    const baseArch = base === null ? null : imageArchitecture(base);
    for (const b of landing) {
      const g = b.g;
      const builder = model.stages[g.instr.stage];
      const script = g.instr.script;
      if (!script || DECIDES_PLATFORM.test(script.text)) continue;
      const builderBuilds = [...stageGoCommands(builder), ...makeBuilds.filter((m) => m.g.instr.stage === builder.index).map((m) => m.g)];
      const arches = new Set(builderBuilds.map((x) => rawEnvValue(model, builder, x, 'GOARCH')).filter((v) => v !== undefined));
      if (arches.size > 1) continue;
      const found = hardCoded(model, g);
      if (!found) continue;
      const { goarch, goos, badArch, badOs } = found;
      // The final base is one architecture's image, the one the build targets
      // (`multiarch/debian-debootstrap:armhf-stretch` for `GOARCH=arm`): the binary matches it
      // whatever platform is asked; `$TARGETARCH` would put an amd64 binary into it.
      if (badArch && !badOs && baseArch !== null && baseArch === goarch) continue;
      const key = `${g.instr.span.start}:${g.cmd.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const what = [badArch ? `GOARCH=${goarch}` : null, badOs ? `GOOS=${goos}` : null].filter(Boolean).join(' ');
      // The example of another platform is one the binary is not built for.
      const other = badArch && goarch === 'arm64' ? 'amd64' : 'arm64';
      const binary = [badOs ? goos : null, badArch ? goarch : null].filter(Boolean).join(' ');
      const make = byMake.get(g);
      // `make build GOARCH=amd64`: the platform is the make command's argument (make exports it
      // to the recipe, and it overrides the Makefile's `GOARCH ?= …`), not the Makefile's.
      const makeArg = make ? platformArguments(make.make, badArch, badOs) : [];
      const who = !make
        ? `The build sets ${what}`
        : makeArg.length > 0
          ? `\`make ${make.recipe.goals.map((x) => x.name).join(' ')}\` is run with ${makeArg.map((w) => `\`${w.value}\``).join(' and ')}, which its recipe's go build takes (${make.makefile}:${make.command.line})`
          : `The recipe of \`make ${make.recipe.goals.map((x) => x.name).join(' ')}\` builds with ${what} (${make.makefile}:${make.command.line}${make.command.cmd.env.some((e) => e.name === 'GOARCH' || e.name === 'GOOS') ? '' : ', from the environment'})`;
      const remedy = !make || makeArg.length > 0
        ? `Use \`GOARCH=$TARGETARCH\` (with \`ARG TARGETARCH\`)`
        : make.command.cmd.env.some((e) => e.name === 'GOARCH' || e.name === 'GOOS')
          ? 'Let the recipe take the platform from make (`GOARCH=$(GOARCH)`) and run `make GOARCH=$TARGETARCH …` (with `ARG TARGETARCH`)'
          : 'Use `ENV GOARCH=$TARGETARCH` (with `ARG TARGETARCH`)';
      out.push(withLazyFix({
        message: `${who}, but the final stage follows the target platform: built for another platform (\`--platform linux/${other}\`, an ${other} machine, a multi-platform build) the image holds ${/^[aeiou]/i.test(binary) ? 'an' : 'a'} ${binary} binary and fails with "exec format error". ${remedy}, or pin the final stage with \`--platform\`.`,
        span: scriptSpan(script, g.cmd.start, g.cmd.end),
      }, () => {
        if (!badArch || badOs) return undefined;
        if (!make) return fixFor(ctx.model, builder, g, [...g.cmd.env].reverse().find((a) => a.name === 'GOARCH'));
        return makeArg.length === 1 ? fixFor(ctx.model, builder, g, makeArg[0]) : undefined;
      }));
    }
    return out;
  },
};

/** The platform a build sets: GOARCH, or a GOOS other than linux, written as a literal (wasm aside); null when it sets neither. */
function hardCoded(model: DockerfileModel, g: GoCommand): { goarch: string | undefined; goos: string | undefined; badArch: boolean; badOs: boolean } | null {
  const builder = model.stages[g.instr.stage];
  const goarch = rawEnvValue(model, builder, g, 'GOARCH');
  const goos = rawEnvValue(model, builder, g, 'GOOS');
  // wasm (GOOS=js/wasip1 GOARCH=wasm) is not run by the image's platform: it is served or embedded.
  if (goarch === 'wasm' || goos === 'js' || goos === 'wasip1') return null;
  const badArch = literal(goarch);
  const badOs = literal(goos) && goos !== 'linux';
  return badArch || badOs ? { goarch, goos, badArch, badOs } : null;
}

function literal(v: string | undefined): boolean {
  return v !== undefined && v !== '' && !/[$`]/.test(v);
}

/** The make command's `GOARCH=…`/`GOOS=…` arguments that set what the build hard-codes. */
function platformArguments(make: ShellCommand, badArch: boolean, badOs: boolean): ShellWord[] {
  return make.argv.filter((w) => (badArch && w.value.startsWith('GOARCH=')) || (badOs && w.value.startsWith('GOOS=')));
}

/** `GOARCH=<literal>` (a prefix of the go command, or an argument of the make command that runs it) becomes `GOARCH=$TARGETARCH`. */
function fixFor(model: Parameters<typeof rawEnvValue>[0], stage: Parameters<typeof rawEnvValue>[1], g: Parameters<typeof rawEnvValue>[2], prefix: { start: number; end: number } | undefined): Fix | undefined {
  const script = g.instr.script;
  if (!prefix || !script) return undefined;
  const raw = script.text.slice(prefix.start, prefix.end);
  if (!/^GOARCH=[A-Za-z0-9_]+$/.test(raw)) return undefined;
  const edits: Edit[] = [replace(toDoc(script, prefix.start + 'GOARCH='.length), toDoc(script, prefix.end - 1) + 1, '$TARGETARCH')];
  const declared = stage.instructions.some((i) => i.line < g.instr.line && i.keyword === 'ARG' && argDeclarations(model, i).some((a) => a.name === 'TARGETARCH'));
  if (!declared) edits.push(insertLinesAfter(model, stage.from.endLine, ['ARG TARGETARCH']));
  return { title: 'Build for $TARGETARCH', edits, safe: false };
}

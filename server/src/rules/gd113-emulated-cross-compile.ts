import { argDeclarations, copyPaths, goCommands, imageStages, isXxGo, stageChain, stageGoCommands, type GoCommand } from '../dockerfile/facts';
import { envValue, rawEnvValue, stageRef } from '../dockerfile/goBuild';
import { toDoc, type DockerfileModel, type Stage } from '../dockerfile/model';
import { insert, insertLinesAfter, replace, type Edit } from '../edits/edits';
import { type Fix, type Rule, type RuleFinding, stagesToCheck, withLazyFix } from './types';

const TARGET_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT'];
const TARGET_REF = /\$\{?TARGET(PLATFORM|OS|ARCH|VARIANT)\b/;
/** The golang images' GOROOT, or a path under it (`/usr/local/go/bin/go`, `/usr/local/go/go.env`). */
const GOROOT_PATH = /^\/usr\/local\/go(\/|$)/;

/**
 * GD113: a builder stage (it runs `go build`/`go install`) that compiles for the target platform
 * and whose FROM chain has no `--platform` (or `--platform=$TARGETPLATFORM`), so a multi-platform
 * build runs the Go toolchain under emulation for every foreign platform.
 *
 * "Compiles for the target platform": the stage declares `ARG TARGETPLATFORM`/`TARGETARCH`/
 * `TARGETOS`/`TARGETVARIANT`, its FROM asks for `--platform=$TARGETPLATFORM`, or one of its go
 * builds takes GOARCH from `$TARGETARCH` (prefix, export, ENV). A GOARCH from a literal or a
 * custom ARG alone is not reported: the author fixed the output platform; nor are builds that
 * all name a literal GOARCH (`GOOS=js GOARCH=wasm`), nor a build with cgo on (CGO_ENABLED=1, or
 * unset with CGO_CFLAGS/CGO_LDFLAGS set) and no xx-go
 * (on $BUILDPLATFORM the host C compiler would build for the wrong architecture), nor a
 * `go install` with GOBIN set whose GOARCH is not a literal (Go refuses to install cross-compiled
 * binaries when GOBIN is set, so on $BUILDPLATFORM every foreign platform fails). A FROM with `--platform=$BUILDPLATFORM` (or any other
 * platform that does not name the target) is left alone: that choice was made on purpose. Nor
 * is the final stage or a stage it is built FROM (a single-stage builder image, a toolchain image):
 * what it installs and builds is the image, which must be the target platform's. Likewise a
 * stage whose Go toolchain the image copies out of it (`/usr/local/go`, or any path under it such
 * as `/usr/local/go/bin/go`), and the stages that stage is built FROM.
 *
 * Fix (not safe: it changes which platform compiles and, for builds without GOARCH, makes them
 * cross-compile with cgo off): put `--platform=$BUILDPLATFORM` on the FROM; prefix every
 * `go build` without GOARCH with `GOOS=$TARGETOS GOARCH=$TARGETARCH` (GOOS only when unset); and
 * add `ARG TARGETOS TARGETARCH` after the FROM for the ones the stage does not declare yet. No fix
 * when the stage is FROM another stage (the platform is decided there), when it runs
 * `go install` (a cross-compiled install lands in $GOPATH/bin/<os>_<arch>/), or when a build
 * without GOARCH sets CGO_ENABLED=1 (cgo cross-compiling needs a C cross toolchain).
 */
export const gd113: Rule = {
  code: 'GD113',
  name: 'emulated-cross-compile',
  summary: 'A builder stage emulates the target platform instead of cross-compiling',
  severity: 'hint',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    // The stages the image is built from run on the target platform by definition: on
    // $BUILDPLATFORM the image would hold the build platform's toolchain and packages.
    const final = model.stages[ctx.finalStage];
    // Not a copy of imageStages (shared, read-only): per stage that copy was n² for n stages.
    const images = final ? imageStages(model, ctx.finalStage) : new Set<number>();
    const shipped = new Set<number>();
    // A stage whose Go toolchain the image copies out (`COPY --from=godeps /usr/local/go/ …`, or
    // any part of it: athens copies `/usr/local/go/bin/go` and `go.env` to run `go mod download`):
    // that toolchain, and what it installs, must run on the target platform; so must the stages
    // it is built FROM, whose files it holds.
    if (final) for (const s of stageChain(model, final)) for (const i of s.instructions) {
      const from = i.keyword === 'COPY' ? i.flags.find((f) => f.name === 'from')?.value : undefined;
      const ref = from == null ? null : stageRef(model, from);
      if (ref !== null && copyPaths(i)?.sources.some((src) => GOROOT_PATH.test(src))) {
        for (const c of stageChain(model, model.stages[ref])) shipped.add(c.index);
      }
    }
    for (const stage of stagesToCheck(ctx)) {
      if (images.has(stage.index) || shipped.has(stage.index)) continue;
      const builds = stageGoCommands(stage).filter((g) => g.sub === 'build' || g.sub === 'install');
      if (builds.length === 0) continue;
      const platforms = stageChain(model, stage).map((s) => s.platform).filter((p): p is string => p !== null);
      if (platforms.some((p) => !TARGET_REF.test(p))) continue;
      const declared = stageArgs(model, stage);
      // Only a GOARCH that follows the target counts: a literal or a custom ARG (`GOARCH=amd64`,
      // `GOARCH=$ARCH`) fixes the output platform whatever the build runs on (a literal that
      // disagrees with the runtime platform is GD116's business).
      const followsTarget = builds.filter((g) => TARGET_REF.test(rawEnvValue(model, stage, g, 'GOARCH') ?? ''));
      const targetArgs = TARGET_ARGS.filter((a) => declared.has(a));
      if (targetArgs.length === 0 && followsTarget.length === 0 && platforms.length === 0) continue;
      // Every build names its output platform (`GOOS=js GOARCH=wasm`): the result does not follow the target.
      if (builds.every((g) => literalGoarch(model, stage, g))) continue;
      // cgo on without a cross toolchain (xx): building on $BUILDPLATFORM would compile C for the
      // wrong architecture, so emulation is what makes this build work.
      // cgo is also on by default where CGO_CFLAGS/CGO_LDFLAGS say C is linked (`-lfdb_c`).
      const cgoOn = (g: GoCommand) => {
        const v = envValue(model, stage, g, 'CGO_ENABLED');
        return v === '1' || (v === undefined && ['CGO_CFLAGS', 'CGO_LDFLAGS', 'CGO_CPPFLAGS', 'CGO_CXXFLAGS'].some((n) => envValue(model, stage, g, n) !== undefined));
      };
      if (builds.some((g) => cgoOn(g) && !isXxGo(g))) continue;
      // `go install` with GOBIN set refuses to cross-compile ("go: cannot install cross-compiled
      // binaries when GOBIN is set"): on $BUILDPLATFORM every foreign platform's build would fail,
      // so emulation is what makes it work (kaniko: `ENV GOBIN=/usr/local/bin`, GOARCH=$TARGETARCH).
      // Only an install whose GOARCH is a literal stays native there.
      if (builds.some((g) => g.sub === 'install' && gobinSet(model, stage, g) && !literalGoarch(model, stage, g))) continue;
      const why = platforms.length
        ? `its FROM asks for \`--platform=${platforms[platforms.length - 1]}\``
        : targetArgs.length
          ? `it declares \`ARG ${targetArgs.join(' ')}\``
          : 'it sets GOARCH from $TARGETARCH';
      out.push(withLazyFix({
        message: `This stage compiles Go for the target platform (${why}) but its FROM has no \`--platform=$BUILDPLATFORM\`: a multi-platform build runs the whole Go toolchain under emulation for every foreign platform, many times slower than a native cross-compile. Run the stage on the build platform and cross-compile with \`GOOS=$TARGETOS GOARCH=$TARGETARCH\` (and CGO_ENABLED=0).`,
        span: stage.from.span,
      }, () => fixFor(model, stage, builds)));
    }
    return out;
  },
};

/** The command names its output architecture with a literal GOARCH (`GOARCH=wasm`, not `$TARGETARCH`). */
function literalGoarch(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const v = rawEnvValue(model, stage, g, 'GOARCH');
  return v !== undefined && v !== '' && !/[$`]/.test(v);
}

/** GOBIN is set (to anything but empty; a build arg counts) where the command runs. */
function gobinSet(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const v = envValue(model, stage, g, 'GOBIN');
  return v !== undefined && v !== '';
}

/** Names the stage declares with ARG. */
function stageArgs(model: DockerfileModel, stage: Stage): Set<string> {
  const names = new Set<string>();
  for (const i of stage.instructions) if (i.keyword === 'ARG') for (const a of argDeclarations(model, i)) names.add(a.name);
  return names;
}

function fixFor(model: DockerfileModel, stage: Stage, builds: GoCommand[]): Fix | undefined {
  if (stage.baseStage !== null) return undefined;
  // A cross-compiled `go install` lands in $GOPATH/bin/<os>_<arch>/, not $GOPATH/bin/, whether or
  // not it names GOARCH: the paths later steps copy from would move.
  if (builds.some((g) => g.sub === 'install')) return undefined;
  const edits: Edit[] = [];
  const from = stage.from;
  const own = from.flags.find((f) => f.name === 'platform');
  edits.push(own ? replace(own.span.start, own.span.end, '--platform=$BUILDPLATFORM') : insert(from.span.start + from.keyword.length, ' --platform=$BUILDPLATFORM'));

  // Every TARGET* variable the builds will read must be declared in this stage.
  const needArgs = new Set<string>();
  for (const g of builds) {
    for (const a of g.cmd.env) {
      const m = TARGET_REF.exec(a.value);
      if ((a.name === 'GOARCH' || a.name === 'GOOS' || a.name === 'GOARM') && m) needArgs.add(`TARGET${m[1]}`);
    }
    if (envValue(model, stage, g, 'GOARCH') !== undefined) continue;
    if (envValue(model, stage, g, 'CGO_ENABLED') === '1') return undefined;
    const prefix: string[] = [];
    if (envValue(model, stage, g, 'GOOS') === undefined) {
      prefix.push('GOOS=$TARGETOS');
      needArgs.add('TARGETOS');
    }
    prefix.push('GOARCH=$TARGETARCH');
    needArgs.add('TARGETARCH');
    const script = g.instr.script!;
    edits.push(insert(toDoc(script, g.cmd.argv[0].start), `${prefix.join(' ')} `));
  }
  const first = builds[0].instr;
  const declaredBefore = new Set<string>();
  for (const i of stage.instructions) {
    if (i === first) break;
    if (i.keyword === 'ARG') for (const a of argDeclarations(model, i)) declaredBefore.add(a.name);
  }
  const missing = TARGET_ARGS.filter((a) => needArgs.has(a) && !declaredBefore.has(a));
  if (missing.length) edits.push(insertLinesAfter(model, from.endLine, [`ARG ${missing.join(' ')}`]));
  return { title: 'Build on $BUILDPLATFORM and cross-compile for $TARGETOS/$TARGETARCH', edits, safe: false };
}

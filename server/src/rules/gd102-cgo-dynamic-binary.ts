/**
 * GD102: a Go binary built with cgo left on lands in a final stage whose C library it cannot
 * use: scratch, distroless/chainguard static, busybox musl/uclibc (no libc at all), or alpine
 * (musl) for a binary linked against glibc.
 *
 * Which builds land: the final stage's own FROM chain, and every `COPY --from=<stage>` of that
 * chain whose source path is the output of a `go build` (its `-o`, else `<cwd>/<package name>`)
 * or a `go install` (`$GOBIN`, else `$GOPATH/bin`, `/go/bin` on golang images) of that stage's
 * chain. A build whose output cannot be worked out, an image we do not know, an unresolved
 * variable: silent. Only builds copied across stages can be affected: a binary run in the stage
 * that built it finds the libc it was linked against.
 *
 * - error: the builder has a C compiler (the Debian-based golang images, a stage that installs
 *   gcc/clang/build-base, or sets CC) and a different libc than the final stage: the binary is
 *   linked dynamically and dies with "exec /app: no such file or directory". Also when the build
 *   sets CGO_ENABLED=1 itself (then without a fix: cgo was asked for; link statically or use a
 *   glibc runtime).
 * - information: the builder has no C compiler (golang:*-alpine): since Go 1.20 cgo is then off,
 *   the binary is static, but only as long as nobody installs gcc there.
 *
 * - error: a glibc final stage older than glibc 2.34 fed by a builder whose glibc is 2.34 or later
 *   (images/glibc.ts: both from the image names; the builder's may be a lower bound, golang:latest),
 *   with cgo on for certain and a program that links the C library as the workspace shows it
 *   (facts/cgo.ts cgoLinksLibc: net, os/user, plugin, its own cgo): the binary asks for GLIBC_2.34
 *   and does not start. ncarlier/readflow ad57a74 Dockerfile:26,46 (golang:latest,
 *   distroless/base-debian11; judge 34 X M1).
 *
 * - error too for a final stage whose FROM reads a variable with no default (`FROM ${BASE_IMAGE}`)
 *   in a build the repository's build files run with a value for it that names an image without
 *   glibc (builtFinalImages; iamseth/oracledb_exporter's `make alpine-image`, judge 42 X M2).
 *
 * The go builds of the make recipes a RUN certainly runs count the same (landing: focalboard's
 * `make server-docker`, judge 43 X M1), named in the message by their goal and recipe line.
 *
 * Not reported: CGO_ENABLED=0 (prefix, export, ENV, ARG), an unknown CGO_ENABLED value, a static
 * link (`-extldflags -static`), `-tags netgo,osusergo` with cgo left at its default, a final
 * stage that installs gcompat/libc6-compat, a musl builder feeding an alpine runtime, and a
 * binary the workspace says needs cgo (GD103 reports that).
 *
 * Fix: prefix the go command with `CGO_ENABLED=0 `. Safe for fix-all at information severity
 * (cgo is already off there) and when the workspace shows the package does not need cgo;
 * otherwise not: without the sources we cannot tell that the program builds without cgo.
 *
 * Which builds land: ../facts/builtPackages.ts; what a build's package needs: ../facts/cgo.ts (both shared
 * with GD103).
 */
import { isXxGo, rootImage, stageChain, stageGoCommands, stageImage, type GoCommand } from '../dockerfile/facts';
import { variableReferences } from '../dockerfile/variables';
import { passedArgsReach, stageImagesOfBuilds } from '../facts/buildImages';
import { GLIBC_PTHREAD_MERGE, imageGlibc } from '../images/glibc';
import type { ImageInfo } from '../images/table';
import { envValue } from '../dockerfile/goBuild';
import { scriptSpan, toDoc, type DockerfileModel, type Script, type Stage } from '../dockerfile/model';
import { installsPackage } from '../dockerfile/packages';
import { insert } from '../edits/edits';
import { landingBuilds, landingMakeCopies, type MakeGoBuild } from '../facts/builtPackages';
import { buildLibc, buildTags, cgoLinksLibc, cgoVerdict, crossCompile, hasCCompiler, staticallyLinked } from '../facts/cgo';
import type { Rule, RuleContext, RuleFinding } from './types';

export const gd102: Rule = {
  code: 'GD102',
  name: 'cgo-dynamic-binary',
  summary: 'A binary built with cgo lands in a final stage without the C library it links',
  severity: 'error',
  needsWorkspace: false,
  severities: ['error', 'information'],
  fix: 'safe',
  facts: ['goCommands', 'goBuilds', 'cgo', 'images', 'packageInstalls', 'workspace'],
  docs: { severity: 'when the builder has a C compiler, **information** when it has none (alpine-based)' },
  check(ctx) {
    const { model } = ctx;
    const out: RuleFinding[] = [];
    const final = model.stages[ctx.finalStage];
    if (!final) return out;
    const finalImage = stageImage(model, final);
    if (finalImage?.os === 'linux' && finalImage.libc === 'glibc') return olderGlibc(ctx, final);
    if (!finalImage) return builtFinalImages(ctx, final);
    if (finalImage.os !== 'linux' || installsGlibcCompat(model, final)) return out;
    // Most builds set CGO_ENABLED=0: when no build of the file could be reported, which builds
    // land in the final stage (a costly fact) need not be worked out.
    const makes = model.stages.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\bg?make\b/.test(i.script?.text ?? '')));
    if (!makes && !model.stages.some((s) => stageGoCommands(s).some((g) => (g.sub === 'build' || g.sub === 'install') && dynamicBuild(model, finalImage, g)))) return out;
    for (const b of landing(ctx)) {
      if (!b.copied) continue; // runs where it was built
      const g = b.g;
      const found = dynamicBuild(model, finalImage, g);
      if (!found) continue;
      const { builder, builderImage, cgo, compiler, script } = found;
      const verdict = ctx.workspace ? cgoVerdict(ctx, builder, g) : null;
      if (verdict?.needed) continue; // GD103's domain
      const cmdText = whatRuns(b);
      const finalName = final.resolvedBase ?? final.base;
      const finalWhat = finalImage.libc === 'none' ? 'has no C library' : `has ${finalImage.libc}, not ${builderImage.libc}`;
      const builderName = rootImage(model, builder) ?? builder.base;
      if (compiler) {
        const why = cgo === '1'
          ? 'sets CGO_ENABLED=1'
          : `leaves cgo on (${builderName} has a C compiler, so cgo is on by default)`;
        out.push({
          message: `${cmdText} ${why} and its binary is copied into the final stage (${finalName}), which ${finalWhat}: the binary is linked dynamically against ${builderImage.libc} and fails to start with "exec …: no such file or directory". ${cgo === '1' ? 'Link it statically (`-ldflags \'-linkmode external -extldflags "-static"\'`) or use a runtime with the same C library.' : 'Set CGO_ENABLED=0 for a static binary.'}`,
          span: scriptSpan(script, g.cmd.start, g.cmd.end),
          fix: cgo === undefined && !b.make
            ? {
                title: 'Build with CGO_ENABLED=0 (static binary)',
                edits: [insert(toDoc(script, g.cmd.argv[0].start), 'CGO_ENABLED=0 ')],
                safe: verdict !== null && verdict.basis === 'package' && !verdict.needed,
              }
            : undefined,
        });
      } else {
        out.push({
          message: `${cmdText} does not set CGO_ENABLED=0. ${builderName} has no C compiler, so cgo is off and the binary is static, which the final stage (${finalName}, ${finalImage.libc === 'none' ? 'no C library' : finalImage.libc}) needs; but that lasts only until a C compiler is installed in the builder. Set CGO_ENABLED=0 explicitly.`,
          span: scriptSpan(script, g.cmd.start, g.cmd.end),
          severity: 'information',
          fix: b.make ? undefined : { title: 'Build with CGO_ENABLED=0 (static binary)', edits: [insert(toDoc(script, g.cmd.argv[0].start), 'CGO_ENABLED=0 ')], safe: true },
        });
      }
    }
    return out;
  },
};

/**
 * A final stage whose FROM reads a variable with no default (`FROM ${BASE_IMAGE}`), built by a
 * build file with a value for it (facts/buildImages.ts stageImagesOfBuilds): each such build whose
 * base has no C library or musl is checked as if the FROM named it, when no other argument of that
 * build reaches the go command's stage (passedArgsReach; the rest is read with the Dockerfile's
 * defaults). iamseth/oracledb_exporter 04e4ba9 Dockerfile:13,15 (`ENV CGO_ENABLED ${CGO_ENABLED:-1}`,
 * golang:1.22) and Makefile:155 `make alpine-image` (`BASE_IMAGE=docker.io/library/alpine:3.19`, no
 * CGO_ENABLED; its scratch-image passes CGO_ENABLED=0): the alpine image's binary asks for glibc's
 * loader and does not start (judge 42 X M2). One finding per go command, for the first such build.
 */
function builtFinalImages(ctx: RuleContext, final: Stage): RuleFinding[] {
  const { model } = ctx;
  const out: RuleFinding[] = [];
  const seen = new Set<GoCommand>();
  for (const { ref, image, build } of stageImagesOfBuilds(model, final, ctx.workspace, ctx.files, ctx.dockerfile)) {
    if (image.os !== 'linux' || image.libc === 'glibc' || image.libc === 'windows' || installsGlibcCompat(model, final)) continue;
    const root = stageChain(model, final)[0];
    const fromNames = new Set(variableReferences(root.base).map((r) => r.name));
    const others = [...build.args.keys()].filter((n) => !fromNames.has(n));
    for (const b of landingBuilds(ctx, ctx.finalStage)) {
      if (!b.copy || seen.has(b.g)) continue;
      const g = b.g;
      const found = dynamicBuild(model, image, g);
      if (!found || !found.compiler) continue;
      if (passedArgsReach(model, found.builder, others)) continue;
      const verdict = ctx.workspace ? cgoVerdict(ctx, found.builder, g) : null;
      if (verdict?.needed) continue; // GD103's domain
      seen.add(g);
      const builderName = rootImage(model, found.builder) ?? found.builder.base;
      const why = found.cgo === '1' ? 'sets CGO_ENABLED=1' : `leaves cgo on (${builderName} has a C compiler, so cgo is on by default)`;
      const finalWhat = image.libc === 'none' ? 'has no C library' : `has ${image.libc}, not ${found.builderImage.libc}`;
      out.push({
        message: `\`go ${g.sub}\` ${why} and its binary is copied into the final stage, FROM ${root.base}, which ${build.file}:${build.line} builds as ${ref}: that image ${finalWhat}, so the binary, linked dynamically against ${found.builderImage.libc}, fails to start there with "exec …: no such file or directory". ${found.cgo === '1' ? 'Link it statically (`-ldflags \'-linkmode external -extldflags "-static"\'`), or pass CGO_ENABLED=0 in that build if the program needs no cgo.' : 'Set CGO_ENABLED=0 for a static binary.'}`,
        span: scriptSpan(found.script, g.cmd.start, g.cmd.end),
      });
    }
  }
  return out;
}

/**
 * The glibc case: a cgo build on a builder whose glibc is 2.34 or later (GLIBC_PTHREAD_MERGE)
 * copied into a final stage whose glibc is older. Both releases must be known (images/glibc.ts:
 * the runtime's exactly, the builder's at least), cgo on for certain (CGO_ENABLED=1, or unset
 * with a C compiler, no cross-compile, no xx-go), the link not static, and the workspace must
 * show that the program links the C library (cgoLinksLibc: net, os/user, its own cgo).
 */
function olderGlibc(ctx: RuleContext, final: Stage): RuleFinding[] {
  const { model } = ctx;
  const out: RuleFinding[] = [];
  const finalRef = rootImage(model, final);
  const runtime = imageGlibc(finalRef);
  if (!runtime || !runtime.exact || runtime.minor >= GLIBC_PTHREAD_MERGE || !ctx.workspace) return out;
  for (const b of landing(ctx)) {
    if (!b.copied) continue;
    const g = b.g;
    const builder = model.stages[g.instr.stage];
    const builderRef = rootImage(model, builder);
    const built = imageGlibc(builderRef);
    const script = g.instr.script;
    if (!built || built.minor < GLIBC_PTHREAD_MERGE || !script || stageImage(model, builder)?.libc !== 'glibc') continue;
    const cgo = envValue(model, builder, g, 'CGO_ENABLED');
    if (cgo !== undefined && cgo !== '1') continue;
    const compiler = hasCCompiler(model, builder, g);
    if (!compiler || isXxGo(g) || (cgo === undefined && crossCompile(model, builder, g)) || staticallyLinked(g) || buildLibc(model, builder, g) !== 'glibc') continue;
    const why = cgoLinksLibc(ctx, builder, g);
    if (why === null) continue;
    const verdict = cgoVerdict(ctx, builder, g);
    const builtGlibc = `glibc 2.${built.minor}${built.exact ? '' : ' or later'}, ${built.release}${built.exact ? '' : ' or later'}`;
    const cgoWhy = cgo === '1' ? 'sets CGO_ENABLED=1' : `leaves cgo on (${builderRef} has a C compiler, so cgo is on by default)`;
    out.push({
      message: `${whatRuns(b)} ${cgoWhy}, and the program links the C library (${why}); its binary is copied into the final stage (${finalRef}), whose glibc (2.${runtime.minor}, ${runtime.release}) is older than the builder's (${builtGlibc}). Linked against glibc 2.34 or later, the binary asks for GLIBC_2.34 symbol versions and fails to start with "version \`GLIBC_2.34' not found". ${verdict?.needed || cgo === '1' ? 'Use a runtime of the builder\'s release or later, or build on the runtime\'s release.' : 'Set CGO_ENABLED=0 for a static binary, or use a runtime of the builder\'s release or later.'}`,
      span: scriptSpan(script, g.cmd.start, g.cmd.end),
      fix: cgo === undefined && verdict && !verdict.needed && !b.make
        ? {
            title: 'Build with CGO_ENABLED=0 (static binary)',
            edits: [insert(toDoc(script, g.cmd.argv[0].start), 'CGO_ENABLED=0 ')],
            safe: verdict.basis === 'package',
          }
        : undefined,
    });
  }
  return out;
}

/**
 * A go build whose binary lands in the final stage: the Dockerfile's own (landingBuilds), and the
 * go build/install of a make recipe a RUN certainly runs (landingMakeBuilds, as GD103 and GD107
 * read them: a Makefile of the builder, a known goal, harmless recipe lines), its environment with
 * make's prefixes added (`EXCLUDE_PLUGIN=true make server-docker`). Not a recipe of a Makefile that
 * assigns a variable that decides cgo or the target (CGO_ENABLED, CC, GOOS, GOARCH, GOFLAGS): make
 * may pass its own value to the recipe. mattermost/focalboard de5e5cc docker/Dockerfile:22 `make
 * server-docker os=${TARGETOS} arch=${TARGETARCH}`, Makefile:63-66 `cd server; env GOOS=$(os)
 * GOARCH=$(arch) go build … -o ../bin/docker/focalboard-server ./main` (judge 43 X M1).
 */
interface Landing {
  g: GoCommand;
  copied: boolean;
  make: MakeGoBuild | null;
}

const MAKE_DECIDES = ['CGO_ENABLED', 'CC', 'GOOS', 'GOARCH', 'GOFLAGS'];

function landing(ctx: RuleContext): Landing[] {
  return [
    ...landingBuilds(ctx, ctx.finalStage).map((b) => ({ g: b.g, copied: b.copy !== null, make: null })),
    ...landingMakeCopies(ctx, ctx.finalStage)
      .filter(({ make: m }) => !MAKE_DECIDES.some((name) => m.recipe.assigned.has(name)))
      .map(({ make: m, landing: l }) => ({ g: { ...m.g, cmd: { ...m.g.cmd, env: [...m.make.env, ...m.g.cmd.env] } }, copied: l.copy !== null, make: m })),
  ];
}

/** How the message names the command: `go build`, or the make goal's recipe that runs it. */
function whatRuns(l: Landing): string {
  const m = l.make;
  return m ? `The recipe of \`make ${m.recipe.goals.map((x) => x.name).join(' ')}\` (${m.makefile}:${m.command.line}) runs \`go ${l.g.sub}\`, which` : `\`go ${l.g.sub}\``;
}

/** A build whose binary links the C library, which `finalImage` lacks (what the check reads of the build alone); null otherwise. */
function dynamicBuild(model: DockerfileModel, finalImage: ImageInfo, g: GoCommand): { builder: Stage; builderImage: ImageInfo; cgo: string | undefined; compiler: boolean; script: Script } | null {
  const builder = model.stages[g.instr.stage];
  const builderImage = stageImage(model, builder);
  const script = g.instr.script;
  if (!builderImage || builderImage.os !== 'linux' || !script) return null;
  const cgo = envValue(model, builder, g, 'CGO_ENABLED');
  if (cgo === '0' || cgo === null || (cgo !== undefined && cgo !== '1')) return null;
  // xx-go sets CC to the target's cross compiler when one is installed: cgo is then unknown.
  if (cgo === undefined && isXxGo(g)) return null;
  // A cross-compile (GOARCH=386) leaves cgo off by default: the binary is static.
  if (cgo === undefined && crossCompile(model, builder, g)) return null;
  if (staticallyLinked(g) || (cgo === undefined && pureGoNetTags(model, builder, g))) return null;
  const compiler = hasCCompiler(model, builder, g);
  if (builderImage.libc === finalImage.libc) return null; // musl builder -> alpine runtime
  if (!compiler && cgo === '1') return null; // fails loudly at build time
  return { builder, builderImage, cgo, compiler, script };
}

/** `-tags netgo,osusergo` (flag or GOFLAGS): net and os/user in pure Go, so no libc unless the program itself uses cgo. */
function pureGoNetTags(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const tags = buildTags(model, stage, g);
  return tags.includes('netgo') && tags.includes('osusergo');
}

/** The final stage installs a glibc compatibility layer (alpine gcompat, libc6-compat). */
function installsGlibcCompat(model: DockerfileModel, stage: Stage): boolean {
  return installsPackage(model, stage, (name) => /^(gcompat|libc6-compat|glibc)$/.test(name));
}

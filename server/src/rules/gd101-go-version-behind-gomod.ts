/**
 * GD101: a stage FROM a `golang` image whose Go is older than the module it compiles asks for:
 * the `go` directive of the go.mod governing the folder its go commands run in (with go.work:
 * the highest of go.work's and its members' `go` lines; see requiredGoVersionAt), or its
 * `toolchain` line when that is newer.
 *
 * The image's version is the tag's (`golang:1.22.3-alpine`), after ARG defaults are substituted
 * (`ARG GO_VERSION=1.22` + `FROM golang:${GO_VERSION}-alpine`). A tag without a patch means that
 * line's newest patch, so `golang:1.22` satisfies `go 1.22.3`; a major-only tag (`golang:1`)
 * satisfies any 1.x; tags without a version (`latest`, `alpine`) are GD209's business.
 * Google's Go+BoringCrypto images count too, with the Go of their tag
 * (`…/go-boringcrypto/golang:1.18.10b7` is Go 1.18.10: kong/kubernetes-ingress-controller's FIPS
 * builder), with no fix (golang:<version> has no BoringCrypto; the message says how to get it).
 * Only stages that run a go command with the module's files present (in the stage or in a stage
 * built FROM it), in a folder the context was copied to, count: a golang stage that only creates
 * users, copies certificates or builds a `git clone` of another repository does not compile the
 * module. A go command in a `git clone` of this repository (its URL is a module's path: minio/kes's
 * Dockerfile.dev, `git clone https://github.com/minio/kes && cd kes && go install ./cmd/kes`)
 * compiles it (facts/builtPackages.ts clonedContextDir; not a clone of a named branch or tag).
 * So does a go command its container runs when it starts (its effective ENTRYPOINT/CMD, exec or
 * shell form: facts/goAtStart.ts startGoCommands), with the sources copied in or mounted at run
 * time (shiori's Dockerfile.compose: `ENTRYPOINT ["go", "run", "main.go"]`, the checkout mounted
 * by its compose file); the message then says the container stops at start.
 * Go run through make, task, just, mage or a script counts when the tool's file (read as text)
 * runs go, or cannot be read in a stage on a golang image; a `make` target whose recipe is certain
 * (makeGoCommands) counts with the folder each go command runs in, so the go.mod of a nested
 * module counts (mattermost/focalboard: `cd server; go build` over server/go.mod).
 *
 * Not for Go before 1.11 (golang:1.10): it has no module mode, builds from GOPATH and vendor/,
 * and never reads go.mod, so its `go` line cannot stop the build (fnproject/fn 0052528's
 * Dockerfile, golang:1.10-alpine over `go 1.13`, built its releases for years).
 *
 * Fix (not safe for fix-all: it changes the compiler, and an old distro suffix such as
 * `-alpine3.17` may not exist for the new version): retag to the required version, keeping the
 * variant suffix. When the version comes from a global ARG default, that default is edited
 * instead (so every FROM using it moves together). No fix for a digest-pinned reference (the
 * digest names the old image) or a tag whose version cannot be located in the text.
 */
import { goPackages, stageChain, stageGoCommands, stageImage, type GoCommand } from '../dockerfile/facts';
import { indirectGoSteps } from '../dockerfile/indirectGo';
import { sourcesPresent } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { expandVariables, referencedNames } from '../dockerfile/variables';
import { replace } from '../edits/edits';
import { boringcryptoGolangGo, compareGoVersions, frozenVariantGo, missingGolangVariant, goLine, golangTagSatisfies, golangTagVersion, type GolangTag } from '../images/golangTag';
import { parseImageRef } from '../images/imageRef';
import { lookupImage, normalizeRepository } from '../images/table';
import { requiredGoVersion, requiredGoVersionAt, requiredTarget, type RequiredGoVersion } from '../workspace/query';
import type { WorkspaceModel } from '../workspace/model';
import { clonedContextDir, contextPlacement, makeGoCommands } from '../facts/builtPackages';
import { startGoCommands } from '../facts/goAtStart';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';

/** go commands that read the module (go.mod's `go` line is enforced for them). */
const MODULE_COMMANDS = /^(build|install|run|test|vet|generate|list|get|mod .*|work .*|tool)$/;

export const gd101: Rule = {
  code: 'GD101',
  name: 'go-version-behind-gomod',
  summary: 'The builder\'s Go is older than the `go` line of go.mod (or go.work) asks for',
  severity: 'error',
  needsWorkspace: true,
  fix: 'unsafe',
  facts: ['goCommands', 'goBuilds', 'images', 'workspace', 'contextFiles'],
  // Nothing of it in a stage no build builds (rules/analyze.ts, facts/unbuiltStages.ts).
  inStage: true,
  docs: { workspace: '(reads `go.mod`/`go.work`; silent without a workspace)' },
  check(ctx) {
    const { model } = ctx;
    const out: RuleFinding[] = [];
    const ws = ctx.workspace;
    if (!ws) return out;
    // The highest version any module of the context asks for: an image that satisfies it
    // satisfies whatever its stages compile (the cheap test first).
    const highest = highestRequirement(ws);
    if (!highest) return out;
    for (const stage of model.stages) {
      if (stage.baseStage !== null || !stage.resolvedBase) continue;
      const image = lookupImage(stage.resolvedBase);
      // A Go+BoringCrypto image (`…/go-boringcrypto/golang:1.18.10b7`): its tag's Go is known.
      const boring = image ? null : boringImageGo(stage.resolvedBase);
      if (!boring && (!image || image.repository !== 'golang')) continue;
      // `golang:bullseye`: a variant the images no longer publish stays on its last Go line.
      const frozen = boring || image!.go ? null : frozenVariantGo(image!.variant);
      const go = boring ?? image!.go ?? frozen;
      if (!go) continue;
      if (golangTagSatisfies(go, highest)) continue;
      // Go before 1.11 has no module mode: it builds from GOPATH (and vendor/), and never reads
      // go.mod (fnproject/fn 0052528 Dockerfile:2, golang:1.10-alpine with `go 1.13`, released so).
      if (/^1\.\d+/.test(go.version) && compareGoVersions(go.version, '1.11') < 0) continue;
      // The go.mod of the module the stage compiles (or go.work's requirement); else of the
      // module a container of the stage runs go on when it starts (a dev image).
      const compiled = compiledRequirement(ctx, ws, stage);
      let req = compiled?.req ?? null;
      let atStart: GoCommand | null = null;
      if (!req || golangTagSatisfies(go, requiredTarget(req))) {
        const start = startRequirement(ctx, ws, stage);
        if (!start || golangTagSatisfies(go, requiredTarget(start.req))) continue;
        req = start.req;
        atStart = start.go;
      }
      const target = requiredTarget(req);
      const word = stage.from.args[0];
      if (!word) continue;
      const clone = atStart ? undefined : compiled?.clone;
      const where = `${req.source}${req.dir ? ` in ${req.dir}` : ''}${clone ? ` (the stage builds a \`git clone\` of this repository, line ${clone.line + 1})` : ''}`;
      const goBehind = !golangTagSatisfies(go, req.version);
      const shown = stage.base === stage.resolvedBase ? stage.base : `${stage.base} (${stage.resolvedBase})`;
      const has = frozen
        ? `${shown} has Go ${go.version} (the golang images stopped publishing ${frozen.variant.replace(/^-/, '')} after Go ${go.version}: the tag stays on that line's last image)`
        : `${shown} has Go ${go.version}`;
      const gone = boring ? null : missingGolangVariant(go.variant, target);
      const use = boring
        ? `Use a Go ${target} image: BoringCrypto is part of Go since 1.19 (\`GOEXPERIMENT=boringcrypto\` with golang:${target}), and Go 1.24 has its own FIPS 140-3 module (GOFIPS140).`
        : gone
        ? `Use a golang:${target} image (there is no ${gone} variant for Go ${goLine(target)}; keep the runtime's C library in step with the new builder's).`
        : `Use golang:${target}${go.variant}.`;
      // GOTOOLCHAIN (and its stop with "go.mod requires go >= …") came with Go 1.21.
      const why = atStart
        ? (compareGoVersions(go.version, '1.21') < 0
          ? `the container runs \`go ${atStart.sub}\` when it starts (${atStart.instr.keyword}, line ${atStart.instr.line + 1}), and Go before 1.21 cannot switch to another toolchain: its older compiler compiles the module then and stops at newer language features, library APIs or go.mod lines it does not know.`
          : `the container runs \`go ${atStart.sub}\` when it starts (${atStart.instr.keyword}, line ${atStart.instr.line + 1}), and the golang images set GOTOOLCHAIN=local, so it exits at start with "go.mod requires go >= ${req.version}" (with GOTOOLCHAIN=auto it downloads a newer toolchain at every start of a new container).`)
        : compareGoVersions(go.version, '1.21') < 0
          ? `Go before 1.21 cannot switch to another toolchain: its older compiler builds the module and stops at newer language features, library APIs or go.mod lines it does not know (\`toolchain\`, a three-part \`go\` version).`
          : `the golang images set GOTOOLCHAIN=local, so the build stops with "go.mod requires go >= ${req.version}" (with GOTOOLCHAIN=auto it downloads a newer toolchain on every uncached build).`;
      const message = goBehind
        ? `${has}, but ${where} says \`go ${req.version}\`: ${why} ${use}`
        : atStart
          ? `${has}, but ${where} names \`toolchain go${req.toolchain}\`: the container runs \`go ${atStart.sub}\` when it starts (${atStart.instr.keyword}, line ${atStart.instr.line + 1}) with an older compiler than the one the module declares (or, with GOTOOLCHAIN=auto, downloads go${req.toolchain} at every start of a new container). ${use}`
          : `${has}, but ${where} names \`toolchain go${req.toolchain}\`: the image builds with an older compiler than the one the module declares (or, with GOTOOLCHAIN=auto, downloads go${req.toolchain} on every uncached build). ${use}`;
      // No retag of a BoringCrypto image: golang:<version> is another image (no BoringCrypto).
      out.push({ message, span: word.span, fix: gone || boring ? undefined : retag(model, stage, target, req.source) ?? undefined });
    }
    return out;
  },
};

/** The Go of a Go+BoringCrypto golang image reference (images/golangTag.ts boringcryptoGolangGo), or null. */
function boringImageGo(ref: string): GolangTag | null {
  const { repo, tag } = normalizeRepository(ref);
  return boringcryptoGolangGo(repo, tag);
}

/** The highest `go` (or newer `toolchain`) line of the context's go.mod files and go.work. */
function highestRequirement(ws: WorkspaceModel): string | null {
  let best: string | null = null;
  const take = (v: string | null) => {
    if (v && (!best || compareGoVersions(v, best) > 0)) best = v;
  };
  const all = requiredGoVersion(ws);
  if (all) take(requiredTarget(all));
  for (const m of ws.modules) {
    take(m.goVersion);
    take(m.toolchainVersion);
  }
  return best;
}

/** What a stage compiles asks for; `clone`: the RUN that clones the repository, when the module is built from that clone. */
interface Compiled {
  req: RequiredGoVersion;
  clone?: Instruction;
}

/**
 * What a stage (or a stage built FROM it) compiles of the context asks for: the highest
 * requirement of the modules its go commands read (files copied or mounted in, the command not
 * run in a folder outside them, such as a `git clone` elsewhere), each the go.mod governing the
 * folder the command runs in (requiredGoVersionAt); where that folder is unknown, or the go
 * command runs through a build tool or script, the main module's (requiredGoVersion). Null when
 * the stages compile nothing of the context.
 */
function compiledRequirement(ctx: RuleContext, ws: WorkspaceModel, base: Stage): Compiled | null {
  const { model } = ctx;
  let best: Compiled | null = null;
  const take = (r: RequiredGoVersion | null, clone?: Instruction) => {
    if (r && (!best || compareGoVersions(requiredTarget(r), requiredTarget(best.req)) > 0)) best = { req: r, clone };
  };
  for (const s of model.stages) {
    if (!stageChain(model, s).includes(base)) continue;
    for (const g of stageGoCommands(s)) {
      if (!MODULE_COMMANDS.test(g.sub)) continue;
      if ((g.sub === 'install' || g.sub === 'run') && g.args.some((a) => /@/.test(a.value) && !a.value.startsWith('-'))) continue;
      // In a `git clone` of this repository (minio/kes's Dockerfile.dev): its go.mod is this one.
      const cloned = clonedContextDir({ model, workspace: ws, files: ctx.files }, s, g);
      if (cloned) {
        take(requiredGoVersionAt(ws, cloned.dir), cloned.clone);
        continue;
      }
      if (!sourcesPresent(model, s, g.instr)) continue;
      const place = contextPlacement(ctx, s, g);
      if (typeof place === 'string') take(requiredGoVersionAt(ws, place));
      else if (!('outside' in place)) take(requiredGoVersion(ws));
    }
    // `make server-docker` whose recipe is certain (makeGoCommands): each go command in the
    // folder it runs in, so a nested module's go.mod counts (focalboard: `cd server; go build`
    // over server/go.mod, with no go.mod at the root).
    for (const instr of s.instructions) {
      if (instr.keyword !== 'RUN' || !/\bmake\b/.test(instr.script?.text ?? '')) continue;
      for (const m of makeGoCommands(ctx, s, instr)) {
        if (!MODULE_COMMANDS.test(m.g.sub) || !sourcesPresent(model, s, instr)) continue;
        const place = contextPlacement(ctx, s, m.g);
        if (typeof place === 'string') take(requiredGoVersionAt(ws, place));
      }
    }
    // `make build`, `./build.sh`: the tool's file runs go (read as text), or cannot be read in a
    // stage on a golang image (a build tool there builds the module).
    const onGolang = stageImage(model, s)?.goToolchain === true;
    if (indirectGoSteps(s, ctx.files, onGolang).some((step) => sourcesPresent(model, s, step.instr))) take(requiredGoVersion(ws));
  }
  return best;
}

/**
 * The requirement of the module a container of the stage (or of a stage built FROM it) runs a go
 * command on when it starts (facts/goAtStart.ts startGoCommands: `ENTRYPOINT ["go", "run",
 * "main.go"]`, `CMD go test ./...`), with the command: the go.mod governing the folder it runs
 * in when the context was copied there, or the main module's when the sources are not in the
 * image (mounted at run time: shiori's compose file mounts the checkout on the WORKDIR). A
 * command run in a folder outside every place the context was copied to, or on a module named
 * with @version, reads nothing of the context. Null when no start command reads a module.
 */
function startRequirement(ctx: RuleContext, ws: WorkspaceModel, base: Stage): { req: RequiredGoVersion; go: GoCommand } | null {
  const { model } = ctx;
  let best: { req: RequiredGoVersion; go: GoCommand } | null = null;
  for (const s of model.stages) {
    if (!stageChain(model, s).includes(base)) continue;
    for (const g of startGoCommands(model, s)) {
      if (!MODULE_COMMANDS.test(g.sub)) continue;
      if (goPackages(g.args).some((a) => a.value.includes('@'))) continue;
      const place = contextPlacement(ctx, s, g);
      const req = typeof place === 'string' ? requiredGoVersionAt(ws, place) : 'outside' in place ? null : requiredGoVersion(ws);
      if (req && (!best || compareGoVersions(requiredTarget(req), requiredTarget(best.req)) > 0)) best = { req, go: g };
    }
  }
  return best;
}

/**
 * The edit that puts `version` in place of the tag's version: in the FROM word when it is
 * written there, else in the default of the global ARG it comes from. Checked by substituting
 * again: the new reference must carry exactly the new version and the old variant.
 */
function retag(model: DockerfileModel, stage: Stage, version: string, source: string): Fix | null {
  const word = stage.from.args[0];
  const resolved = stage.resolvedBase;
  if (!word || !resolved) return null;
  const ref = parseImageRef(resolved);
  if (ref.digest) return null;
  const old = golangTagVersion(ref.tag);
  if (!old || !/^\d+(\.\d+){0,2}((rc|beta)\d+)?$/.test(version)) return null;
  const expected = resolved.slice(0, resolved.length - (ref.tag ?? '').length) + version + old.variant;

  // Candidate places: the FROM word itself, then the defaults of the global ARGs it names.
  const candidates: { start: number; text: string; arg?: { name: string; instr: Instruction } }[] = [];
  if (model.text.slice(word.span.start, word.span.end) === word.value) candidates.push({ start: word.span.start, text: word.value });
  for (const name of referencedNames(word.value)) {
    const decl = globalArgDefault(model, name);
    if (decl) candidates.push(decl);
  }
  for (const c of candidates) {
    const hits = [...c.text.matchAll(new RegExp(`(?<![0-9.])${old.version.replace(/\./g, '\\.')}(?![0-9])`, 'g'))];
    if (hits.length !== 1) continue;
    const at = hits[0].index!;
    const newText = c.text.slice(0, at) + version + c.text.slice(at + old.version.length);
    let result: string | null;
    if (c.arg) {
      const args = new Map(model.globalArgs);
      args.set(c.arg.name, unquote(newText));
      result = expandVariables(word.value, args);
    } else {
      result = expandVariables(newText, model.globalArgs);
    }
    if (result !== expected) continue;
    const title = c.arg
      ? `Set ${c.arg.name} to ${version} (the ${source} version)`
      : `Use golang:${version}${old.variant} (the ${source} version)`;
    return { title, edits: [replace(c.start + at, c.start + at + old.version.length, version)], safe: false };
  }
  return null;
}

/** The default of the last global (before the first FROM) `ARG name=value`: its text and where that text starts. */
function globalArgDefault(model: DockerfileModel, name: string): { start: number; text: string; arg: { name: string; instr: Instruction } } | null {
  let found: { start: number; text: string; arg: { name: string; instr: Instruction } } | null = null;
  for (const instr of model.instructions) {
    if (instr.stage !== -1 || instr.keyword !== 'ARG') continue;
    for (const a of instr.args) {
      const raw = model.text.slice(a.span.start, a.span.end);
      if (!raw.startsWith(`${name}=`)) {
        if (raw === name) found = null;
        continue;
      }
      found = { start: a.span.start + name.length + 1, text: raw.slice(name.length + 1), arg: { name, instr } };
    }
  }
  return found;
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

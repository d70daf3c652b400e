/**
 * GD115: a RUN uses a global ARG (declared before the first FROM) in a stage that never declares
 * it again. A global ARG is in scope only in FROM lines; inside a stage it is empty until an
 * `ARG NAME` in that stage brings it in. `go build -ldflags "-X main.version=$VERSION"` then
 * stamps an empty version, `git checkout $REF` checks out nothing, and so on, without an error.
 *
 * BuildKit's automatic platform ARGs (`TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`,
 * `TARGETVARIANT`, `BUILDPLATFORM`, `BUILDOS`, `BUILDARCH`, `BUILDVARIANT`) are global ARGs
 * that every Dockerfile has without declaring them: a RUN that uses one in a stage without
 * `ARG TARGETARCH` reads an empty value (sysadminsmedia/homebox: `if [ "$TARGETARCH" != "arm" ]`
 * in the runtime stage is always true).
 *
 * A global ARG named after a variable go reads from its environment (GOPROXY, GOPRIVATE,
 * GONOSUMDB, GONOPROXY, GOSUMDB, GOINSECURE, GOFLAGS, CGO_ENABLED, GOOS, GOARCH, GOAMD64, GOARM,
 * GOARM64, GOEXPERIMENT, GOTOOLCHAIN) is reported on the first go step (`go …`, or a build tool
 * or script that runs go) of a stage that does not declare it: go never sees the build arg,
 * although no `$GOPROXY` appears in the script (uber/cadence: `ARG GOPROXY` before the first FROM,
 * "can be used in case a proxy is necessary", and `RUN go mod download` in the builder). Not
 * when a FROM line uses the ARG (it was meant for the FROM), when the step sets the variable
 * itself (`GOFLAGS=-mod=vendor go build`, `export`), or when the stage's ENV or its image sets it
 * (GOTOOLCHAIN on the golang images).
 *
 * A name no ARG of the Dockerfile declares (global or in a stage) that a build file passes to
 * this Dockerfile as a build arg (a workflow's build-push-action `build-args:`, a `docker build
 * --build-arg` line: facts/composeImages.ts) counts as such an ARG in a stage whose base image
 * images/table.ts knows (no environment of its own sets the name): enchant97/note-mark 93bc3f1
 * docker/Dockerfile.pre-built:13 `-X …Version=$VERSION`, publish.yml passing VERSION (judge 34 X
 * M2). A stamp `-X <import path>.<name>=$NAME` whose import path is a main package of the
 * workspace adds that the linker ignores it (a main package's symbols are `main.<name>`).
 *
 * Also an ENV that reads a global ARG the stage has not declared (`ENV LDFLAGS=$LDFLAGS`:
 * envArgsOutOfScope): it sets the variable from an empty value (mudler/edgevpn).
 *
 * Not reported: a stage that declares the ARG (anywhere before the RUN) or is built FROM a stage
 * that declares it (ARGs are inherited, as ENV is), a stage whose FROM chain sets it with ENV, a name the script assigns itself (`VERSION=…`, `export`,
 * `read`), a use after the script sources a file or runs `eval` (which may set it), a platform
 * ARG with a computed default (`${TARGETARCH:-$(uname -m)}`), and names the base images set in
 * their environment (PATH, HOME, GOPATH, GOLANG_VERSION, GOTOOLCHAIN…) or that BuildKit passes
 * to every RUN (the proxy variables): there the variable has a value, just not the ARG's.
 *
 * Fix (not safe: the RUN then sees the value, which changes what it builds): `ARG NAME` on the
 * line after the stage's FROM.
 */
import { argDeclarations, envBefore, globalArgEmpty, goCommands, IMAGE_SET_VARIABLES, rootImage, stageChain, stageImage } from '../dockerfile/facts';
import { imageEnv } from '../images/table';
import { indirectGoSteps } from '../dockerfile/indirectGo';
import { commandBuildArgs, workflowBuildArgs, type WorkflowBuildArg } from '../facts/composeImages';
import { packageByImportPath } from '../workspace/query';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { insertLinesAfter } from '../edits/edits';
import type { ShellCommand, ShellScript } from '../dockerfile/shell';
import { PLATFORM_ARG, readsVariable, variableReferences, substituteVariables, type VariableReference } from '../dockerfile/variables';
import { withLazyFix, type Rule, type RuleContext, type RuleFinding } from './types';

/** Variables the images we know set themselves, or BuildKit passes to every RUN: a RUN sees a value even without the ARG. */
const IMAGE_ENV = IMAGE_SET_VARIABLES;

/** BuildKit's automatic platform ARGs: global, so empty in a stage that does not declare them. */
const PLATFORM_ARGS = PLATFORM_ARG;

/** Variables go reads from its environment, that a global ARG of the same name is meant to set. */
const GO_ENV = /^(GOPROXY|GOPRIVATE|GONOSUMDB|GONOPROXY|GOSUMDB|GOINSECURE|GOFLAGS|CGO_ENABLED|GOOS|GOARCH|GOAMD64|GOARM|GOARM64|GOEXPERIMENT|GOTOOLCHAIN)$/;

/** Go subcommands that read those variables (not `go version`, `go env`, `go help`). */
const GO_STEP = /^(build|install|run|test|get|vet|list|generate|mod (download|tidy|vendor|verify|graph|why)|work (sync|vendor)|tool)$/;

export const gd115: Rule = {
  code: 'GD115',
  name: 'global-arg-not-in-scope',
  summary: 'A RUN, ENV, COPY or ADD uses an ARG that is not in scope in its stage',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['goCommands', 'images', 'workspace', 'contextFiles'],
  // Nothing of it in a stage no build builds (rules/analyze.ts, facts/unbuiltStages.ts).
  inStage: true,
  check(ctx) {
    const model = ctx.model;
    const globals = new Set([...model.globalArgs.keys()].filter((n) => !IMAGE_ENV.test(n)));
    const passed = undeclaredPassedArgs(ctx);
    const out: RuleFinding[] = [];
    for (const stage of model.stages) {
      const reported = new Set<string>();
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN' || !instr.script) continue;
        const script = instr.script;
        const uses = variableUses(script.text).filter((u) => PLATFORM_ARGS.test(u.name) || globals.has(u.name) || (passed.has(u.name) && knownEnvironment(model, stage)));
        if (uses.length === 0) continue;
        const assigned = assignedNames(instr);
        const sourced = sourcesAt(instr);
        for (const use of uses) {
          const platform = PLATFORM_ARGS.test(use.name);
          if (reported.has(use.name) || (assigned.has(use.name) && !readForOwnAssignment(script, use))) continue;
          if (sourced >= 0 && sourced < use.start) continue;
          // `${TARGETARCH:-$(uname -m)}`: the author expects it empty and computes it.
          if (platform && /^\$\{[A-Za-z_0-9]+:?[-=][^}]*(\$\(|`)/.test(script.text.slice(use.start, use.end + 2))) continue;
          if (inScope(model, stage, instr, use.name)) continue;
          reported.add(use.name);
          const stamped = /-X[= ]+['"]?([^\s=]+)=$/.exec(script.text.slice(Math.max(0, use.start - 200), use.start));
          const stamp = stamped !== null;
          const mainPath = stamped ? mainImportPathStamp(ctx, stamped[1]) : null;
          const by = !platform && !globals.has(use.name) ? passed.get(use.name) : undefined;
          const what = by
            ? `\`$${use.name}\` is passed as a build arg (${by.file} line ${by.line}: \`${by.name}=${by.value}\`), but no ARG of this Dockerfile declares it for this stage: a build arg reaches a RUN only through an \`ARG ${use.name}\` in scope (BuildKit warns that it was not consumed)`
            : platform && !model.globalArgs.has(use.name)
            ? `\`$${use.name}\` is one of BuildKit's automatic platform ARGs, which are global (like an ARG before the first FROM), but this stage does not declare \`ARG ${use.name}\``
            : `\`$${use.name}\` is a global ARG (declared before the first FROM), but this stage does not declare \`ARG ${use.name}\``;
          out.push(withLazyFix({
            message: `${what}: inside a stage it is empty${stamp ? ', so the linker stamps an empty value (`-X …=`)' : ''}, whatever \`--build-arg\`${platform ? ' or `--platform`' : ''} says. Add \`ARG ${use.name}\` to this stage.${mainPath ? ` And \`-X ${stamped![1]}\` names package main by its import path (${mainPath.dir === '' ? 'the module\'s root package' : mainPath.dir} is package main), which the linker ignores: a main package's variable is set with \`-X main.${mainPath.name}=…\`.` : ''}`,
            span: scriptSpan(script, use.start, use.end),
          }, () => declareFix(model, stage, use.name)));
        }
      }
      out.push(...copyArgsOutOfScope(model, stage));
      out.push(...envArgsOutOfScope(model, stage, reported));
      for (const name of model.globalArgs.keys()) {
        if (!GO_ENV.test(name) || reported.has(name) || usedByFrom(model, name)) continue;
        const step = unreachedGoStep(ctx, stage, name);
        if (!step) continue;
        const value = model.globalArgs.get(name);
        out.push(withLazyFix({
          message: `\`ARG ${name}\` is declared only before the first FROM, and this stage does not declare it: go reads ${name} from its environment, where it is not set, so \`--build-arg ${name}=…\`${value ? ` (and the default \`${value}\`)` : ''} never reaches \`${step.what}\`. Add \`ARG ${name}\` to this stage.`,
          span: step.span,
        }, () => declareFix(model, stage, name)));
      }
    }
    return out;
  },
};

/**
 * Build args the repository's build files pass to this Dockerfile (a workflow's
 * docker/build-push-action `build-args:`, a `docker build --build-arg` line of a Makefile or
 * script: facts/composeImages.ts) that no ARG of the Dockerfile declares, global or in a stage,
 * by name, with the first entry that passes each. enchant97/note-mark 93bc3f1
 * docker/Dockerfile.pre-built:13 `-X …Version=$VERSION` with no `ARG VERSION`, while
 * .github/workflows/publish.yml:96 passes `VERSION=…` (judge 34 X M2). Empty without the
 * Dockerfile's path in the context.
 */
function undeclaredPassedArgs(ctx: RuleContext): Map<string, WorkflowBuildArg> {
  const out = new Map<string, WorkflowBuildArg>();
  if (ctx.dockerfile === undefined || !ctx.workspace || !ctx.files) return out;
  const model = ctx.model;
  const declared = new Set(model.globalArgs.keys());
  for (const i of model.instructions) if (i.keyword === 'ARG') for (const a of argDeclarations(model, i)) declared.add(a.name);
  for (const a of [...workflowBuildArgs(ctx.workspace, ctx.files), ...commandBuildArgs(ctx.workspace, ctx.files)]) {
    if (a.dockerfile !== ctx.dockerfile || declared.has(a.name) || IMAGE_ENV.test(a.name) || out.has(a.name)) continue;
    out.set(a.name, a);
  }
  return out;
}

/**
 * The `-X <import path>.<name>` target names a main package of the workspace by its import path
 * (the linker knows a main package's symbols only as `main.<name>`, so it sets nothing): the
 * package's folder and the variable's name, or null (not a main package of the workspace, or no
 * workspace). enchant97/note-mark 93bc3f1 docker/Dockerfile.pre-built:13 `-X
 * github.com/enchant97/note-mark/backend.Version=$VERSION`, backend/main.go being package main.
 */
function mainImportPathStamp(ctx: RuleContext, target: string): { dir: string; name: string } | null {
  const ws = ctx.workspace;
  const dot = target.lastIndexOf('.');
  if (!ws || dot <= 0 || target.startsWith('main.')) return null;
  const pkg = packageByImportPath(ws, target.slice(0, dot));
  return pkg?.isMain ? { dir: pkg.dir, name: target.slice(dot + 1) } : null;
}

/** The stage's FROM chain starts at an image whose environment images/table.ts knows: it sets no other variable. */
function knownEnvironment(model: DockerfileModel, stage: Stage): boolean {
  return stageImage(model, stage) !== undefined;
}

function declareFix(model: DockerfileModel, stage: Stage, name: string) {
  return {
    title: `Declare ARG ${name} in this stage`,
    edits: [insertLinesAfter(model, stage.from.endLine, [`ARG ${name}`])],
    safe: false,
  };
}

/** A FROM line (image or --platform) uses the global ARG: it was declared for the FROM. */
function usedByFrom(model: DockerfileModel, name: string): boolean {
  return model.stages.some((s) => readsVariable(s.base, name) || readsVariable(s.platform ?? '', name));
}

/**
 * The stage's first go step that reads `name` from the environment without it: a go command
 * (not `go version`/`go env`) or a build tool or script that runs go, in a RUN where neither the
 * stage (ARG, ENV, inherited), its image, nor the script (prefix, assignment, export) sets it.
 */
function unreachedGoStep(ctx: RuleContext, stage: Stage, name: string): { span: { start: number; end: number }; what: string } | null {
  const model = ctx.model;
  const image = stageImage(model, stage);
  if (name === 'GOTOOLCHAIN' && (image?.goToolchain || /(^|\/)golang([:@]|$)/.test(rootImage(model, stage) ?? ''))) return null;
  const onGo = image?.goToolchain === true;
  const indirect = new Map<Instruction, ShellCommand>();
  for (const step of indirectGoSteps(stage, ctx.workspace ? ctx.files : undefined, onGo)) if (!indirect.has(step.instr)) indirect.set(step.instr, step.cmd);
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'RUN' || !instr.script) continue;
    const script = instr.script;
    const go = goCommands(instr).find((g) => GO_STEP.test(g.sub) && !g.cmd.env.some((a) => a.name === name));
    const cmd = go?.cmd ?? indirect.get(instr);
    if (!cmd || cmd.argv.length === 0) continue;
    if (assignedNames(instr).has(name) || sourcesAt(instr) >= 0 || inScope(model, stage, instr, name)) return null;
    const word = cmd.argv[0];
    const what = go ? `go ${go.sub}` : cmd.argv.slice(0, 2).map((w) => w.value).join(' ');
    return { span: scriptSpan(script, word.start, word.end), what };
  }
  return null;
}

/** Where the script first sources a file or runs `eval` (which may set any variable), or -1. */
function sourcesAt(instr: Instruction): number {
  for (const c of instr.script!.parsed.commands) {
    const name = c.argv[0]?.value;
    if (name === '.' || name === 'source' || name === 'eval') return c.start;
  }
  return -1;
}

/** `$NAME`, `${NAME}`, `${NAME:-x}` in the script text, as the shell reads them (not `\$`, not in single quotes). */
function variableUses(text: string): VariableReference[] {
  return variableReferences(text, { escapes: true, quotes: true });
}

/**
 * The use is the value of an assignment of its own name (`TARGETPLATFORM=$TARGETPLATFORM make
 * build-linux`, `X=${X:-amd64}`), and only assignments set the name, none of them before the use:
 * it reads the outer value, which is empty (cometbft/cometbft 5bba72c DOCKER/Dockerfile: the
 * Makefile then falls back to GOARCH amd64, and the arm64 image got an amd64 binary).
 */
function readForOwnAssignment(script: { text: string; parsed: ShellScript }, use: { name: string; start: number; end: number }): boolean {
  const parsed = script.parsed;
  const own = [...parsed.assignments, ...parsed.commands.flatMap((c) => c.env)].filter((a) => a.name === use.name);
  if (!own.some((a) => a.start <= use.start && use.end <= a.end) || own.some((a) => a.end <= use.start)) return false;
  // Set some other way too (`export X=…`, `read X`, `for X in`): left alone.
  const setter = /^(export|declare|typeset|local|readonly|read)$/;
  if (parsed.commands.some((c) => setter.test(c.argv[0]?.value ?? '') && c.argv.slice(1).some((w) => w.value === use.name || w.value.startsWith(`${use.name}=`)))) return false;
  return !new RegExp(`\\bfor\\s+${use.name}\\s+in\\b`).test(script.text);
}

/** Names the script sets itself: assignments, `export X=`, `read X`, `for X in`. */
function assignedNames(instr: Instruction): Set<string> {
  const names = new Set<string>();
  const parsed = instr.script!.parsed;
  for (const a of parsed.assignments) names.add(a.name);
  for (const c of parsed.commands) {
    for (const a of c.env) names.add(a.name);
    const cmd = c.argv[0]?.value;
    if (cmd === 'export' || cmd === 'declare' || cmd === 'local' || cmd === 'readonly' || cmd === 'read') {
      for (const w of c.argv.slice(1)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(w.value);
        if (m && !w.value.startsWith('-')) names.add(m[1]);
      }
    }
  }
  for (const m of instr.script!.text.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) names.add(m[1]);
  return names;
}

/**
 * The stage declares the ARG before `instr`, a stage it is built FROM declares it (BuildKit: a
 * stage inherits its parent stage's build arguments and variables), or its FROM chain sets it
 * with ENV.
 */
function inScope(model: DockerfileModel, stage: Stage, instr: Instruction, name: string): boolean {
  if (envBefore(model, stage, instr).has(name)) return true;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) break;
      if (i.keyword === 'ARG' && argDeclarations(model, i).some((a) => a.name === name)) return true;
    }
  }
  return false;
}

/**
 * An ENV value reads a global ARG (`ENV LDFLAGS=$LDFLAGS`) in a stage that has not declared it
 * before the ENV (no ARG of its chain, no earlier ENV; dockerfile/facts.ts globalArgEmpty: the
 * base image, known, does not set it): the variable is set to the empty value, and every RUN
 * after it reads that ENV. mudler/edgevpn 97f8fed Dockerfile:2,18,32: `ARG LDFLAGS=-s -w`
 * before the first FROM, `ENV LDFLAGS=$LDFLAGS CGO_ENABLED=0` in the builder, `go build
 * -ldflags="$LDFLAGS"` builds unstripped (judge 38 X M1). The same for BuildKit's automatic platform
 * ARGs: `ENV GOARCH=$TARGETARCH` without `ARG TARGETARCH` builds for the stage's own platform. Not for `${NAME:-x}` and the other forms
 * that handle an empty value, a `\$`, or single quotes. Fix (not safe: the RUNs then see the
 * value): `ARG NAME` after the stage's FROM.
 */
function envArgsOutOfScope(model: DockerfileModel, stage: Stage, reported: Set<string>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'ENV') continue;
    for (const word of instr.args) {
      const raw = model.text.slice(word.span.start, word.span.end);
      const eq = raw.indexOf('=');
      if (!raw.includes('$') || raw.includes("'") || eq < 0) continue;
      const name = raw.slice(0, eq);
      for (const m of variableReferences(raw.slice(eq + 1), { escapes: true })) {
        if (m.braced && m.operator !== '') continue;
        if (reported.has(m.name) || !globalArgEmpty(model, stage, m.name) || inScope(model, stage, instr, m.name)) continue;
        reported.add(m.name);
        const what = model.globalArgs.has(m.name)
          ? `is a global ARG (declared before the first FROM), but this stage does not declare \`ARG ${m.name}\`: inside a stage it is empty, so this ENV sets ${name} from an empty value whatever \`--build-arg\` (or the ARG's default) says`
          : `is one of BuildKit's automatic platform ARGs, which are global (like an ARG before the first FROM), but this stage does not declare \`ARG ${m.name}\`: inside a stage it is empty, so this ENV sets ${name} from an empty value whatever \`--platform\` the build is for`;
        out.push(withLazyFix({
          message: `\`${m.text}\` ${what}, and every later RUN sees that. Add \`ARG ${m.name}\` to this stage.`,
          span: { start: word.span.start + eq + 1 + m.start, end: word.span.start + eq + 1 + m.end },
        }, () => declareFix(model, stage, m.name)));
      }
    }
  }
  return out;
}

/**
 * A COPY or ADD uses `$NAME`/`${NAME}` (in a source or the destination) where no ARG of the
 * stage's chain before it, no ENV and no variable of its (known) base image sets NAME, while the
 * Dockerfile declares `ARG NAME` elsewhere: in another stage, or before the first FROM (or NAME is
 * one of BuildKit's platform ARGs). An ARG is in scope only in the stage that declares it and the
 * stages built FROM it, so the word expands to an empty string (BuildKit's UndefinedVar check
 * warns too): an empty source is the root of the build context (or of the `--from` stage), and
 * `bin/${NAME}` becomes `bin/`. nats-io/prometheus-nats-exporter 2fdbfd7 docker/linux/Dockerfile:5,9:
 * `ARG BINARY=prometheus-nats-exporter` in the first stage (osdeps), `COPY ${BINARY} /${BINARY}`
 * in the `FROM scratch` stage (judge X round 35 M1). Not for `${NAME:-x}` and the other forms
 * that handle an empty value, a `\$`, single quotes, JSON form or heredocs. Fix (not safe: the
 * COPY then copies something else): `ARG NAME` after the stage's FROM, with the default of the
 * declarations when they agree on one.
 */
function copyArgsOutOfScope(model: DockerfileModel, stage: Stage): RuleFinding[] {
  const out: RuleFinding[] = [];
  const copies = stage.instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.json === null && i.heredocs.length === 0 && i.args.some((w) => w.value.includes('$')));
  if (copies.length === 0) return out;
  const image = stageImage(model, stage);
  if (!image) return out;
  const chain = new Set(stageChain(model, stage));
  const reported = new Set<string>();
  for (const instr of copies) {
    for (const word of instr.args) {
      const raw = model.text.slice(word.span.start, word.span.end);
      if (!raw.includes('$') || raw.includes("'")) continue;
      for (const m of variableReferences(raw, { escapes: true })) {
        // `${NAME:-x}` and the other forms handle an empty value.
        if (m.braced && m.operator !== '') continue;
        const name = m.name;
        if (reported.has(name) || IMAGE_ENV.test(name) || imageEnv(image).has(name) || inScope(model, stage, instr, name)) continue;
        const elsewhere = model.stages.filter((s) => !chain.has(s)).flatMap((s) => s.instructions.flatMap((i) => argDeclarations(model, i).filter((a) => a.name === name).map((a) => ({ stage: s, instr: i, value: a.value }))));
        const global = model.globalArgs.has(name);
        const platform = PLATFORM_ARGS.test(name);
        if (elsewhere.length === 0 && !global && !platform) continue;
        reported.add(name);
        const first = elsewhere[0];
        const where = first
          ? `\`ARG ${name}\` is declared in ${first.stage.name ? `stage ${first.stage.name}` : `stage ${first.stage.index}`} (line ${first.instr.line + 1}), and an ARG is in scope only in the stage that declares it and the stages built FROM it`
          : global
            ? `\`ARG ${name}\` is declared before the first FROM, and such a global ARG is in scope inside a stage only after an \`ARG ${name}\` there`
            : `${name} is one of BuildKit's automatic platform ARGs, which are global: a stage has it only after \`ARG ${name}\``;
        const expanded = substituteVariables(raw, (r) => (r.name === name && (!r.braced || r.operator === '') ? '' : undefined), { escapes: true }).replace(/^"(.*)"$/, '$1');
        const isSource = word !== instr.args[instr.args.length - 1];
        const from = instr.flags.find((f) => f.name === 'from');
        const effect = !isSource
          ? `the destination becomes \`${expanded}\``
          : expanded === '' || expanded === '.' || expanded === './' || expanded === '/'
            ? `the source is empty, which is the root of ${from ? `\`--from=${from.value ?? ''}\`` : 'the build context'}: the ${instr.keyword} copies all of it instead of the file`
            : `the source becomes \`${expanded}\``;
        const values = new Set(elsewhere.map((e) => e.value ?? ''));
        const value = values.size === 1 ? [...values][0] : '';
        out.push(withLazyFix({
          message: `\`${m.text}\` is empty in this stage: ${where}. So ${effect} (BuildKit's UndefinedVar check warns about it too). Declare \`ARG ${name}${value ? `=${value}` : ''}\` in this stage.`,
          span: { start: word.span.start + m.start, end: word.span.start + m.end },
        }, () => ({ title: `Declare ARG ${name} in this stage`, edits: [insertLinesAfter(model, stage.from.endLine, [`ARG ${name}${value && !/[\s"'$]/.test(value) ? `=${value}` : ''}`])], safe: false })));
      }
    }
  }
  return out;
}

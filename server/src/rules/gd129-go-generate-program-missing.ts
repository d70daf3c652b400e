/**
 * GD129: `go generate` runs a code generator the build stage does not have. go generate runs each
 * `//go:generate` line of the packages it is given as a program; a program not on PATH stops it
 * (`exec: "mockgen": executable file not found in $PATH`), and the build fails. DrmagicE/gmqtt
 * 92ed7d6: `FROM golang:alpine`, `RUN apk add make git`, `RUN make binary`, whose recipe runs
 * `go generate ./...` before `go build`, and ten files have `//go:generate mockgen …`
 * (server/plugin.go:3): mockgen is installed only by the Makefile's `tools` goal, which `binary`
 * does not reach (judge X round 33 M6). The mocks are committed, so the image needs no
 * go generate at all.
 *
 * The go generate of a RUN, or of a make goal a RUN runs (facts/builtPackages.ts
 * makeGoCommands: the recipes it certainly runs), with its packages placed in the context
 * (packagesProcessed); the directives are the workspace's (GoPackage `generates`). Only programs
 * of GENERATORS, Go code generators no base image has, and only when nothing before the go
 * generate may have put the program there:
 *  - the stage's base image is one the image table knows (a builder image of one's own may
 *    carry the tools);
 *  - no instruction of the stage chain up to the RUN (the RUN included) names the program (a
 *    `go install …/mockgen@v1.6.0`, a COPY of it, a package of that name), no package installed
 *    there has its name in its own (protoc: any `protobuf…` package), no make recipe run names
 *    it, and no RUN runs a script or build tool whose file cannot be read;
 *  - the module has no main package of that name (`go install ./...` would build it);
 *  - the go generate is not one whose failure is ignored (`|| true`, a `-` recipe line), nor a
 *    `-run`/`-skip`/`-n` one.
 * No fix: which version to install, or whether to drop go generate, is the project's choice.
 */
import * as path from 'node:path';
import { rootImage, stageChain, stageGoCommands, stageImage } from '../dockerfile/facts';
import { toolRuns } from '../dockerfile/indirectGo';
import { makeArgs } from '../dockerfile/makeRecipe';
import { scriptSpan, type Instruction, type Stage } from '../dockerfile/model';
import type { Span } from '../dockerfile/text';
import { isInstall, packageCommands } from '../dockerfile/packages';
import { packagesProcessed, packagesUnder, type KnownWorkspace } from '../facts/builtPackages';
import { toolRunText } from '../facts/toolRunText';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { packageByDir } from '../workspace/query';
import { goBinaryName } from '../dockerfile/goBuild';
import { stagesToCheck, type Rule, type RuleFinding } from './types';

/**
 * Go code generators, by the name `//go:generate` runs them: none is part of a golang, Alpine or
 * Debian image. The module to install each from, where one is usual (the go.mod's own
 * requirement, when it has one, gives the version).
 */
const GENERATORS: Readonly<Record<string, readonly string[]>> = {
  mockgen: ['go.uber.org/mock/mockgen', 'github.com/golang/mock/mockgen'],
  stringer: ['golang.org/x/tools/cmd/stringer'],
  moq: ['github.com/matryer/moq'],
  mockery: ['github.com/vektra/mockery/v2'],
  counterfeiter: ['github.com/maxbrunsfeld/counterfeiter/v6'],
  minimock: ['github.com/gojuno/minimock/v3/cmd/minimock'],
  enumer: ['github.com/dmarkham/enumer'],
  'go-enum': ['github.com/abice/go-enum'],
  easyjson: ['github.com/mailru/easyjson/easyjson'],
  ffjson: ['github.com/pquerna/ffjson'],
  msgp: ['github.com/tinylib/msgp'],
  'go-bindata': ['github.com/go-bindata/go-bindata/go-bindata'],
  esc: ['github.com/mjibson/esc'],
  statik: ['github.com/rakyll/statik'],
  fileb0x: ['github.com/UnnoTed/fileb0x'],
  rice: ['github.com/GeertJohan/go.rice/rice'],
  packr: ['github.com/gobuffalo/packr/packr'],
  packr2: ['github.com/gobuffalo/packr/v2/packr2'],
  swag: ['github.com/swaggo/swag/cmd/swag'],
  wire: ['github.com/google/wire/cmd/wire'],
  sqlc: ['github.com/sqlc-dev/sqlc/cmd/sqlc'],
  'oapi-codegen': ['github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen', 'github.com/deepmap/oapi-codegen/cmd/oapi-codegen'],
  gqlgen: ['github.com/99designs/gqlgen'],
  'controller-gen': ['sigs.k8s.io/controller-tools/cmd/controller-gen'],
  abigen: ['github.com/ethereum/go-ethereum/cmd/abigen'],
  templ: ['github.com/a-h/templ/cmd/templ'],
  goyacc: ['golang.org/x/tools/cmd/goyacc'],
  protoc: [],
  buf: ['github.com/bufbuild/buf/cmd/buf'],
};

/** Packages that bring a program under another name. */
const PACKAGE_BRINGS: Record<string, RegExp> = { protoc: /protobuf|protoc/ };

export const gd129: Rule = {
  code: 'GD129',
  name: 'go-generate-program-missing',
  summary: '`go generate` runs a code generator (mockgen, stringer, protoc…) that the build stage never installs: the build fails',
  severity: 'error',
  needsWorkspace: true,
  fix: 'none',
  facts: ['goCommands', 'goBuilds', 'workspace', 'contextFiles', 'images', 'packageInstalls'],
  scope: 'stage',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws || !ws.packages.some((p) => p.generates.length > 0)) return [];
    const info: KnownWorkspace = { model: ctx.model, workspace: ws, files: ctx.files, dockerfile: ctx.dockerfile };
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      if (!stageImage(ctx.model, stage)) continue;
      for (const run of generateRuns(info, stage)) {
        const found = missingPrograms(info, stage, run);
        if (found) out.push(found);
      }
    }
    return out;
  },
};

interface GenerateRun {
  instr: Instruction;
  /** The span to report: the `generate` word, or the make command that runs it. */
  span: Span;
  packages: GoPackage[];
  /** How it runs: `go generate`, or `make binary` with the recipe line. */
  how: string;
  /** The recipe text of the make goals run (a tool installed there counts). */
  recipes?: string;
  /** Its flags, to leave `-run`/`-skip`/`-n` alone. */
  words: string[];
}

/** A recipe line's `go generate …` (`$(GO) generate`, `@go generate ./...`): its arguments. */
const RECIPE_GENERATE = /^[@+\s]*(?:\S*\/)?(?:go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\})\s+generate\b(.*)$/;

/** The go generate commands the stage's RUNs run, directly or through make, whose failure fails the build. */
function generateRuns(info: KnownWorkspace, stage: Stage): GenerateRun[] {
  const out: GenerateRun[] = [];
  for (const g of stageGoCommands(stage)) {
    const script = g.instr.script;
    // `go generate ./... || true`: a failure that does not fail the RUN.
    if (g.sub !== 'generate' || !script || /\|\||\bset\s+\+e\b/.test(script.text)) continue;
    const packages = packagesProcessed(info, stage, g);
    const word = g.cmd.argv.find((w) => w.value === 'generate');
    if (packages && word) out.push({ instr: g.instr, span: scriptSpan(script, word.start, word.end), packages, how: '`go generate`', words: g.args.map((w) => w.value) });
  }
  const files = info.files;
  if (!files) return out;
  for (const run of toolRuns(stage, files)) {
    const script = run.instr.script;
    if (run.file === null || !script || makeArgs(run.cmd.argv) === null) continue;
    const read = toolRunText(info.workspace, (rel) => files.readFile(rel), run);
    if (!read?.goals) continue;
    const lines = read.text.split(/\r?\n/);
    const dir = run.file.includes('/') ? run.file.slice(0, run.file.lastIndexOf('/')) : '';
    for (let k = 0; k < lines.length; k++) {
      if (!lines[k].startsWith('\t')) continue;
      const m = RECIPE_GENERATE.exec(lines[k].slice(1));
      // A `-` line or an `||` may let it fail; a `cd`, a variable or a second command moves or hides it.
      if (!m || /[|;&$`'"<>]/.test(m[1])) continue;
      const words = m[1].trim().split(/\s+/).filter((w) => w !== '');
      const packages = packagesAt(info.workspace, dir, words.filter((w) => !w.startsWith('-')));
      if (!packages) continue;
      const line = fileLine(files.readFile(run.file) ?? '', lines[k]);
      out.push({
        instr: run.instr,
        span: scriptSpan(script, run.cmd.start, run.cmd.end),
        packages,
        how: `\`${run.cmd.argv.map((w) => w.value).join(' ')}\` runs \`go generate${m[1].trimEnd()}\` (${run.file}${line ? `:${line}` : ''})`,
        recipes: read.text,
        words,
      });
    }
  }
  return out;
}

/** The packages of path arguments (`./...`, `.`, `./x`) of a go command run in a context folder; null when one is not of the workspace. */
function packagesAt(ws: WorkspaceModel, dir: string, args: string[]): GoPackage[] | null {
  const found = new Map<string, GoPackage>();
  for (const a of args.length === 0 ? ['.'] : args) {
    if (a !== '.' && !a.startsWith('./')) return null;
    const dots = a.indexOf('...');
    const rel = path.posix.normalize(path.posix.join(dir || '.', dots < 0 ? a : a.slice(0, dots) || '.')).replace(/\/$/, '').replace(/^\.$/, '');
    if (rel.startsWith('..')) return null;
    const matched = dots < 0 ? [packageByDir(ws, rel)] : packagesUnder(ws, rel);
    for (const p of matched) {
      if (!p) return null;
      found.set(p.dir, p);
    }
  }
  return [...found.values()];
}

/** The 1-based line of a recipe line in the Makefile's text (the goal text keeps lines as written), or null. */
function fileLine(text: string, line: string): number | null {
  const at = text.indexOf(line);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

function missingPrograms(info: KnownWorkspace, stage: Stage, run: GenerateRun): RuleFinding | null {
  if (run.words.some((w) => /^--?(run|skip|n)(=|$)/.test(w))) return null;
  /** The first directive of each missing program, and how many run it. */
  const missing = new Map<string, { file: string; line: number; command: string; count: number }>();
  for (const p of run.packages) {
    for (const d of p.generates) {
      const program = d.command.split(/\s+/)[0].replace(/^["']|["']$/g, '');
      if (!Object.prototype.hasOwnProperty.call(GENERATORS, program)) continue;
      const seen = missing.get(program);
      if (seen) seen.count++;
      else if (!mayHave(info, stage, run, program)) missing.set(program, { ...d, count: 1 });
    }
  }
  if (missing.size === 0) return null;
  const image = rootImage(info.model, stage);
  const programs = [...missing.keys()];
  const named = programs.map((p) => `\`${p}\``).join(', ');
  const which = [...missing.values()].slice(0, 3).map((d) => `\`//go:generate ${shorten(d.command)}\` (${d.file}:${d.line}${d.count > 1 ? `, and ${d.count - 1} more` : ''})`).join('; ');
  const install = programs.map((p) => installHint(info, p)).filter((x) => x !== null);
  const committed = committedOutputs(info, [...missing.values()]);
  return {
    message: `${run.how}, which runs ${which}, but ${named} ${programs.length > 1 ? 'are' : 'is'} not installed in this stage (${image ?? 'its base image'} has the Go toolchain, not Go's code generators): go generate stops with \`exec: "${programs[0]}": executable file not found in $PATH\` and the build fails. Install ${programs.length > 1 ? 'them' : 'it'} first${install.length > 0 ? ` (${install.join(', ')})` : ''}${committed ? `, or, as the generated files are committed (${committed}), build without running go generate` : ''}.`,
    span: run.span,
  };
}

/**
 * Something before the go generate may have put the program on PATH (see the file comment):
 * a mention of it in the stage chain up to the RUN or in the make recipes run, a package that
 * brings it, a script or tool file that cannot be read, a main package of the module of its name.
 */
function mayHave(info: KnownWorkspace, stage: Stage, run: GenerateRun, program: string): boolean {
  // `protoc-3.17.3-linux-x86_64.zip` too: a download of the program's release.
  const word = new RegExp(`(^|[^A-Za-z0-9_.-])${program.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`);
  const brings = PACKAGE_BRINGS[program];
  const until: Instruction = run.instr;
  for (const s of stageChain(info.model, stage)) {
    for (const i of s.instructions) {
      if (word.test(instructionText(info.model.text, i))) return true;
      for (const p of packageCommands(i)) {
        if (isInstall(p) && p.packages.some((x) => x.name.includes('$') || x.name.includes(program) || (brings !== undefined && brings.test(x.name)))) return true;
      }
      if (i === until) break;
    }
    if (toolRuns(s, info.files).some((t) => t.text === null && t.instr.line <= until.line)) return true;
  }
  if (run.recipes !== undefined && word.test(run.recipes)) return true;
  return info.workspace.packages.some((p) => p.isMain && p.importPath !== null && goBinaryName(p.importPath) === program);
}

/** An instruction's text with its heredocs' bodies (`RUN <<EOT … EOT`). */
function instructionText(text: string, i: Instruction): string {
  let end = i.span.end;
  for (const h of i.heredocs) if (h.body && h.body.end > end) end = h.body.end;
  return text.slice(i.span.start, end);
}

/** `go install <module>@<version>` for a generator, the version from go.mod's requirement when it has one. */
function installHint(info: KnownWorkspace, program: string): string | null {
  const paths = GENERATORS[program] ?? [];
  if (paths.length === 0) return null;
  const reqs = info.workspace.modules.flatMap((m) => m.requirements);
  for (const p of paths) {
    const req = reqs.find((r) => p === r.path || p.startsWith(`${r.path}/`));
    if (req) return `\`RUN go install ${p}@${req.version}\``;
  }
  return `\`RUN go install ${paths[0]}@<version>\``;
}

/** The output files the directives name (`-destination=`, `-output`, `-o`) that the context has, up to two. */
function committedOutputs(info: KnownWorkspace, directives: readonly { file: string; command: string }[]): string | null {
  const files = info.files;
  if (!files) return null;
  const found: string[] = [];
  for (const d of directives) {
    const m = /\s-(?:destination|output|o)[=\s]+["']?([^\s"']+)/.exec(d.command);
    if (!m) continue;
    const dir = d.file.includes('/') ? d.file.slice(0, d.file.lastIndexOf('/')) : '';
    const rel = [dir, m[1].replace(/^\.\//, '')].filter((x) => x !== '').join('/');
    if (!rel.includes('..') && files.fileExists(rel)) found.push(rel);
  }
  return found.length > 0 ? found.slice(0, 2).join(', ') : null;
}

function shorten(command: string): string {
  return command.length > 60 ? `${command.slice(0, 57)}…` : command;
}

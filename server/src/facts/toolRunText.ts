/**
 * The text a build tool run may run (`RUN make`, `RUN make build`, `RUN task build`, `RUN
 * ./build.sh`): for make, the part of the Makefile its goals reach (dockerfile/indirectGo.ts
 * makeGoalText: the default goal, prerequisites, static pattern and pattern rules, the variables
 * they name, through the files its `include` lines name), and the whole Makefile only where those
 * goals cannot be followed (an include it cannot read, an eval, a recipe that runs make again); for task, the tasks its goals reach through the Taskfile
 * and the files it includes (taskGoalText), the whole file where they cannot be followed; for
 * another tool or a script, its whole file. Kept with
 * the workspace model (the same on every analysis of a document). GD107, GD113 and GD118 ask
 * what a make run compiles or runs through this one reading.
 */
import * as path from 'node:path';
import { COMPILES_IN_TEXT, indirectGoSteps, makeGoalText, taskGoalText, taskGoals, type ContextReader, type IndirectGoStep } from '../dockerfile/indirectGo';
import { contextPath } from '../dockerfile/facts';
import { makeArgs } from '../dockerfile/makeRecipe';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { WorkspaceModel } from '../workspace/model';
import { dockerfileFact, workspaceFact } from './memo';

export interface ToolRunText {
  text: string;
  /** Read through the make or task goals (false: the whole file). */
  goals: boolean;
}

/** The text the step's tool may run, read with `read` (context-relative; null when absent); null without its file. */
export function toolRunText(ws: WorkspaceModel | undefined, read: (rel: string) => string | null, step: IndirectGoStep): ToolRunText | null {
  if (step.file === null) return null;
  const file = step.file;
  const whole = read(file);
  if (whole === null) return null;
  const args = makeArgs(step.cmd.argv);
  if (!args) {
    const goals = taskGoals(step.cmd.argv);
    if (goals === null) return { text: whole, goals: false };
    const compute = () => taskGoalText(whole, file, goals, read);
    const text = ws ? workspaceFact(ws, `taskGoalText:${file}:${goals.join(' ')}`, compute) : compute();
    return text !== null ? { text, goals: true } : { text: whole, goals: false };
  }
  // `include` names files relative to the folder make runs in: the Makefile's, or `-C`'s with `-f`.
  const cwd = args.file === null ? path.posix.dirname(file) : args.dir.startsWith('/') ? null : contextPath(args.dir === '' ? '.' : args.dir);
  const include = cwd === null ? undefined : (rel: string) => read(cwd === '.' || cwd === '' ? rel : `${cwd}/${rel}`);
  const compute = () => makeGoalText(whole, args.targets, include);
  const goals = ws ? workspaceFact(ws, `makeGoalText:${file}:${cwd ?? '-'}:${args.targets.join(' ')}`, compute) : compute();
  return goals !== null ? { text: goals, goals: true } : { text: whole, goals: false };
}

/**
 * The RUNs of a stage whose `make` compiles the module (COMPILES_IN_TEXT: `go build`/`go install`,
 * goreleaser, promu) in the recipes its goals reach, with that make command: one per RUN (the
 * first). Only where the goals can be followed (the whole Makefile does not say what this run
 * compiles). GD107 asks them for the module and build cache mounts as it asks a `go build`.
 */
export function makeBuilds(model: DockerfileModel, stage: Stage, ws: WorkspaceModel | undefined, files: ContextReader | undefined): Map<Instruction, IndirectGoStep> {
  if (!ws || !files) return new Map();
  const read = (rel: string) => files.readFile(rel);
  return dockerfileFact(model, `makeBuilds:${stage.index}`, () => {
    const out = new Map<Instruction, IndirectGoStep>();
    for (const step of indirectGoSteps(stage, files, false)) {
      if (out.has(step.instr) || !makeArgs(step.cmd.argv)) continue;
      const t = toolRunText(ws, read, step);
      if (t?.goals && COMPILES_IN_TEXT.test(t.text)) out.set(step.instr, step);
    }
    return out;
  });
}

/** A `go install` in a build tool's file or a script (`go install`, `$(GO) install`, `${GOCMD} install`), to the end of its line. */
const INSTALL_IN_TEXT = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+install\b([^\n]*)/gm;

/**
 * The text a tool run may run (toolRunText, read through its goals) runs `go install` of the module's own packages:
 * not only `tool@version` installs (another module, a tool for the build), and with no GOBIN
 * anywhere in it (with GOBIN set a cross-compiled install is refused, not moved). Cross-compiled
 * (GOOS/GOARCH of another platform in its environment), such an install writes its binaries to
 * `$GOPATH/bin/<os>_<arch>/`, not `$GOPATH/bin` (ankitpokhrel/jira-cli's `make deps install`,
 * whose `install` recipe is `go install -ldflags=… ./...`).
 */
export function installsModuleInText(text: string): boolean {
  if (/\bGOBIN\b/.test(text)) return false;
  for (const m of text.matchAll(INSTALL_IN_TEXT)) {
    // The operands, quoted flag values left out (`-ldflags='$(LDFLAGS)'`): none with `@`
    // (`tool@v1.2.3`, `$@`) or a variable (`$(PKG_GOX)`, k3d-io/k3d's `go install $(PKG_GOX)` of
    // gox@v0.1.0): those may be another module, known only to make.
    const rest = m[1].replace(/'[^']*'|"[^"]*"/g, "''").split(/[;&|#]/)[0];
    const operands = rest.split(/\s+/).filter((w) => w !== '' && !w.startsWith('-') && w !== "''");
    if (operands.every((w) => !/[@$`]/.test(w))) return true;
  }
  return false;
}

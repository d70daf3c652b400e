/**
 * The text a build tool run may run (`RUN make`, `RUN make build`, `RUN task build`, `RUN
 * ./build.sh`): for make, the part of the Makefile its goals reach (dockerfile/indirectGo.ts
 * makeGoalText: the default goal, prerequisites, static pattern and pattern rules, the variables
 * they name), and the whole Makefile only where those goals cannot be followed (an include, an
 * eval, a recipe that runs make again); for another tool or a script, its whole file. Kept with
 * the workspace model (the same on every analysis of a document). GD107, GD113 and GD118 ask
 * what a make run compiles or runs through this one reading.
 */
import { makeGoalText, type IndirectGoStep } from '../dockerfile/indirectGo';
import { makeArgs } from '../dockerfile/makeRecipe';
import type { WorkspaceModel } from '../workspace/model';
import { workspaceFact } from './memo';

export interface ToolRunText {
  text: string;
  /** Read through the make goals (false: the whole file). */
  goals: boolean;
}

/** The text the step's tool may run, read with `read` (context-relative; null when absent); null without its file. */
export function toolRunText(ws: WorkspaceModel | undefined, read: (rel: string) => string | null, step: IndirectGoStep): ToolRunText | null {
  if (step.file === null) return null;
  const file = step.file;
  const whole = read(file);
  if (whole === null) return null;
  const args = makeArgs(step.cmd.argv);
  if (!args) return { text: whole, goals: false };
  const compute = () => makeGoalText(whole, args.targets);
  const goals = ws ? workspaceFact(ws, `makeGoalText:${file}:${args.targets.join(' ')}`, compute) : compute();
  return goals !== null ? { text: goals, goals: true } : { text: whole, goals: false };
}

/**
 * The one place facts are kept once computed, so no rule or fact keeps state of its own.
 *
 * A workspace fact (the //go:embed directives, the scripts a script runs, the heavy paths
 * of the context, what the .gitignore files say about vendor/, the memo of .dockerignore pattern
 * checks) is computed once per WorkspaceModel: the LSP keeps one model while the user types and
 * loads a new one when a file changes, so a changed file never meets an old fact. A Dockerfile
 * fact is computed once per parsed DockerfileModel, that is once per analysis of one text.
 * A fact is named by what it holds, with its parameters in the name
 * (`gitIgnored:backend/vendor/modules.txt`): two questions never share an answer.
 */
import { registerModelFactSlot, type DockerfileModel } from '../dockerfile/model';
import type { WorkspaceModel } from '../workspace/model';

const byWorkspace = new WeakMap<WorkspaceModel, Map<string, unknown>>();

// A Dockerfile's facts are kept on the model itself: V8's young-generation GC keeps every
// WeakMap value alive whatever its key (only a full GC drops them), and facts reach the model's
// instructions, so a WeakMap kept every analysed model alive through the scavenges. (A
// workspace model lives long: a WeakMap costs nothing there.)
const DOCKERFILE_FACTS = Symbol('dockerfileFacts');
registerModelFactSlot(DOCKERFILE_FACTS);
interface FactsSlot {
  [DOCKERFILE_FACTS]?: Map<string, unknown>;
}

function memo<T>(facts: Map<string, unknown>, name: string, compute: () => T): T {
  if (facts.has(name)) return facts.get(name) as T;
  const value = compute();
  facts.set(name, value);
  return value;
}

/** A fact of the workspace model, computed on first use and kept as long as that model. */
export function workspaceFact<T>(ws: WorkspaceModel, name: string, compute: () => T): T {
  let facts = byWorkspace.get(ws);
  if (!facts) byWorkspace.set(ws, (facts = new Map()));
  return memo(facts, name, compute);
}

/** A fact of the parsed Dockerfile, computed on first use and kept as long as that model. */
export function dockerfileFact<T>(model: DockerfileModel, name: string, compute: () => T): T {
  return memo(((model as FactsSlot)[DOCKERFILE_FACTS] ??= new Map()), name, compute);
}

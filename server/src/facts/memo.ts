/**
 * The one place facts are kept once computed, so no rule or fact keeps state of its own.
 *
 * A workspace fact (the //go:embed directives, the `<name>.dockerignore` files, the heavy paths
 * of the context, what the .gitignore files say about vendor/, the memo of .dockerignore pattern
 * checks) is computed once per WorkspaceModel: the LSP keeps one model while the user types and
 * loads a new one when a file changes, so a changed file never meets an old fact. A Dockerfile
 * fact is computed once per parsed DockerfileModel, that is once per analysis of one text.
 * A fact is named by what it holds, with its parameters in the name
 * (`vendorGitIgnored:backend`): two questions never share an answer.
 */
import type { DockerfileModel } from '../dockerfile/model';
import type { WorkspaceModel } from '../workspace/model';

const byWorkspace = new WeakMap<WorkspaceModel, Map<string, unknown>>();
const byDockerfile = new WeakMap<DockerfileModel, Map<string, unknown>>();

function memo<K extends object, T>(store: WeakMap<K, Map<string, unknown>>, owner: K, name: string, compute: () => T): T {
  let facts = store.get(owner);
  if (!facts) store.set(owner, (facts = new Map()));
  if (facts.has(name)) return facts.get(name) as T;
  const value = compute();
  facts.set(name, value);
  return value;
}

/** A fact of the workspace model, computed on first use and kept as long as that model. */
export function workspaceFact<T>(ws: WorkspaceModel, name: string, compute: () => T): T {
  return memo(byWorkspace, ws, name, compute);
}

/** A fact of the parsed Dockerfile, computed on first use and kept as long as that model. */
export function dockerfileFact<T>(model: DockerfileModel, name: string, compute: () => T): T {
  return memo(byDockerfile, model, name, compute);
}

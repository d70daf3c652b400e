/**
 * Images the workspace's compose and bake files build or provide, which a `FROM` may name: the
 * names a build maps to additional build contexts (compose `additional_contexts:`, bake
 * `contexts = { … }`), the `image:` of a compose service that has a `build:` (wal-g's
 * `golang: {build: …, image: wal-g/golang}`), and the `tags` of a bake target. Such a `FROM` is
 * the project's own image, not a registry image that moves.
 *
 * Read once per workspace model (a workspace fact), as text, from the compose and bake files at
 * the context root: `compose.yaml`, `docker-compose.yml`, their overlays (`docker-compose.bake.yml`,
 * `compose.override.yaml`), `docker-bake.hcl`/`.json`. Names are lower case, `:latest` dropped
 * (buildx strips it from a FROM before matching the contexts, and `image: x` is `x:latest`);
 * a name with a variable (`${REGISTRY}/app`) is left out. Use `builtImageKey` on the FROM.
 *
 * workflowBuiltImages (below): the images GitHub workflows build, with the Dockerfile of each.
 */
import { workspaceFact } from './memo';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';

const COMPOSE_FILE = /^(docker-)?compose(\.[A-Za-z0-9_-]+)*\.ya?ml$/;
const BAKE_FILE = /^docker-bake(\.[A-Za-z0-9_-]+)*\.(hcl|json)$/;

/** The key a FROM reference (or a name of a build file) is matched by: lower case, without `:latest`. */
export function builtImageKey(ref: string): string {
  return ref.toLowerCase().replace(/:latest$/, '');
}

/** The images and named contexts the context root's compose/bake files build or declare (see the file comment). */
export function composeBuiltImages(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): ReadonlySet<string> {
  if (!files) return new Set();
  return ws ? workspaceFact(ws, 'composeBuiltImages', () => readBuiltImages(files)) : readBuiltImages(files);
}

function readBuiltImages(files: WorkspaceFiles): Set<string> {
  const out = new Set<string>();
  const add = (name: string) => {
    const n = name.trim().replace(/^["']|["']$/g, '');
    if (/^[A-Za-z0-9][A-Za-z0-9_.\-/:@]*$/.test(n)) out.add(builtImageKey(n));
  };
  const roots = files.listFiles('').map((f) => f.path).filter((p) => !p.includes('/')).sort();
  /** Compose services across the files (an overlay may add the build to a service of another). */
  const services = new Map<string, { image?: string; build: boolean }>();
  for (const f of roots) {
    const compose = COMPOSE_FILE.test(f);
    if (!compose && !BAKE_FILE.test(f)) continue;
    const lines = (files.readFile(f) ?? '').split(/\r?\n/);
    if (compose) readCompose(lines, services);
    for (let k = 0; k < lines.length; k++) {
      // YAML: `additional_contexts:` then the more-indented `name: value` lines under it.
      const yaml = /^(\s*)additional_contexts\s*:\s*$/.exec(lines[k]);
      if (yaml) {
        for (let j = k + 1; j < lines.length && (lines[j].trim() === '' || /^\s*/.exec(lines[j])![0].length > yaml[1].length); j++) {
          // `wal-g/golang: service:golang`, `- base=service:base`, `"wal-g/ubuntu:18.04": …`
          const n = /^\s*-?\s*(["']?)([A-Za-z0-9][A-Za-z0-9_.\-/:]*?)\1\s*(?::\s|:$|=)/.exec(lines[j]);
          if (n) add(n[2]);
        }
      }
      // HCL/JSON: `contexts = { name = "target:x" }`, on one line or up to the closing brace.
      if (/^\s*"?contexts"?\s*[:=]\s*\{/.test(lines[k])) {
        for (let j = k; j < lines.length; j++) {
          const body = j === k ? lines[j].slice(lines[j].indexOf('{') + 1) : lines[j];
          for (const n of body.matchAll(/(["']?)([A-Za-z0-9][A-Za-z0-9_.\-/:]*?)\1\s*[:=]\s*["']/g)) add(n[2]);
          if (body.includes('}')) break;
        }
      }
      // Bake: `tags = ["app:dev", "app"]` (HCL), `"tags": [ … ]` (JSON), on one line.
      if (!compose) {
        const tags = /^\s*"?tags"?\s*[:=]\s*\[([^\]]*)\]/.exec(lines[k]);
        if (tags) for (const t of tags[1].matchAll(/"([^"$]+)"/g)) add(t[1]);
      }
    }
  }
  for (const s of services.values()) if (s.build && s.image && !s.image.includes('$')) add(s.image);
  return out;
}

/** The `services:` of a compose file: each service's `image:` and whether it has a `build:`. */
function readCompose(lines: readonly string[], services: Map<string, { image?: string; build: boolean }>): void {
  const start = lines.findIndex((l) => /^services\s*:\s*(#.*)?$/.test(l));
  if (start < 0) return;
  let serviceIndent = -1;
  let keyIndent = -1;
  let current: { image?: string; build: boolean } | null = null;
  for (let k = start + 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    if (indent === 0) break; // the next top-level key
    if (serviceIndent < 0) serviceIndent = indent;
    if (indent === serviceIndent) {
      const name = /^\s*(["']?)([A-Za-z0-9][A-Za-z0-9_.-]*)\1\s*:\s*(#.*)?$/.exec(line);
      current = null;
      keyIndent = -1;
      if (name) {
        current = services.get(name[2]) ?? { build: false };
        services.set(name[2], current);
      }
      continue;
    }
    if (!current || indent < serviceIndent) continue;
    if (keyIndent < 0) keyIndent = indent;
    if (indent !== keyIndent) continue;
    const image = /^\s*image\s*:\s*(["']?)([^"'#\s]+)\1\s*(#.*)?$/.exec(line);
    if (image) current.image = image[2];
    if (/^\s*build\s*:/.test(line)) current.build = true;
  }
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * Images the repository's GitHub workflows build with docker/build-push-action, each with the
 * Dockerfile it builds from (`file:`, else `<context>/Dockerfile`), keyed by repository: lower
 * case, no tag, no `docker.io/` (netmaker's `tags: gravitl/go-builder:${{ inputs.docker_tag }}`
 * from `file: ./docker/Dockerfile-go-builder`). A tag whose repository is an expression is left
 * out; so is a step whose Dockerfile is one. Read once per workspace model, as text.
 */
export function workflowBuiltImages(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): ReadonlyMap<string, string> {
  if (!files) return new Map();
  return ws ? workspaceFact(ws, 'workflowBuiltImages', () => readWorkflowImages(files)) : readWorkflowImages(files);
}

/** The repository a FROM reference names, as workflowBuiltImages keys it. */
export function imageRepositoryKey(ref: string): string {
  const noDigest = ref.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return repo.toLowerCase().replace(/^(docker\.io|index\.docker\.io)\//, '');
}

function readWorkflowImages(files: WorkspaceFiles): Map<string, string> {
  const out = new Map<string, string>();
  const workflows = files.listFiles('.github/workflows').map((f) => f.path).filter((p) => WORKFLOW_FILE.test(p)).sort();
  for (const wf of workflows) {
    const lines = (files.readFile(wf) ?? '').split(/\r?\n/);
    for (let k = 0; k < lines.length; k++) {
      const uses = /^(\s*-?\s*)uses\s*:\s*["']?docker\/build-push-action@/.exec(lines[k]);
      if (!uses) continue;
      // The step's keys sit at the column of `uses`; its `with:` values deeper. The step ends at
      // the first line indented less (the next step's `- `, or the next job).
      const column = uses[1].length;
      let file: string | undefined;
      let context = '.';
      const tags: string[] = [];
      let inTags = -1;
      for (let j = k + 1; j < lines.length; j++) {
        const line = lines[j];
        if (line.trim() === '' || /^\s*#/.test(line)) continue;
        const indent = /^ */.exec(line)![0].length;
        if (indent < column) break;
        if (inTags >= 0 && indent > inTags) {
          tags.push(...line.trim().replace(/^-\s*/, '').split(','));
          continue;
        }
        inTags = -1;
        const kv = /^\s*(file|context|tags)\s*:\s*(.*?)\s*(#.*)?$/.exec(line);
        if (!kv) continue;
        const value = kv[2].replace(/^["']|["']$/g, '');
        if (kv[1] === 'file') file = value;
        else if (kv[1] === 'context') context = value;
        else if (value === '' || value === '|' || value === '>' || value === '|-' || value === '>-') inTags = indent;
        else tags.push(...value.split(','));
      }
      const dockerfile = (file ?? `${context.replace(/\/+$/, '')}/Dockerfile`).replace(/^(\.\/)+/, '').replace(/^\.\//, '');
      if (dockerfile.includes('${{') || dockerfile.startsWith('/') || dockerfile.split('/').includes('..')) continue;
      for (const raw of tags) {
        const tag = raw.trim().replace(/^["']|["']$/g, '');
        if (!tag) continue;
        const repo = imageRepositoryKey(tag.replace(/\$\{\{[^}]*\}\}/g, (m, at: number) => (tag.lastIndexOf(':', at) > tag.lastIndexOf('/', at) ? '' : m)));
        if (repo.includes('${{') || !/^[a-z0-9][a-z0-9_.\-/:]*$/.test(repo)) continue;
        if (!out.has(repo)) out.set(repo, dockerfile);
      }
    }
  }
  return out;
}

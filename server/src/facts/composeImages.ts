/**
 * Images the workspace's compose and bake files build or provide, which a `FROM` may name: the
 * names a build maps to additional build contexts (compose `additional_contexts:`, bake
 * `contexts = { … }`), the `image:` of a compose service that has a `build:` (wal-g's
 * `golang: {build: …, image: wal-g/golang}`), and the `tags` of a bake target. Such a `FROM` is
 * the project's own image, not a registry image that moves.
 *
 * Read once per workspace model (a workspace fact), as text, from the compose and bake files at
 * the context root: `compose.yaml`, `docker-compose.yml`, their overlays (`docker-compose.bake.yml`,
 * `compose.override.yaml`) and variants (supabase/auth's `docker-compose-dev.yml`), `docker-bake.hcl`/`.json`. Names are lower case, `:latest` dropped
 * (buildx strips it from a FROM before matching the contexts, and `image: x` is `x:latest`);
 * a name with a variable (`${REGISTRY}/app`) is left out. Use `builtImageKey` on the FROM.
 * And the `-t`/`--tag` names of the `docker build` / `docker buildx build` command lines of the
 * context's Makefiles, shell scripts and workflow `run:` steps (CommandBuild), the file's own
 * variables put in: trezor/blockbook's Makefile builds `blockbook-build` (`-t $(BIN_IMAGE)`) just
 * before the Dockerfile `FROM blockbook-build:latest`.
 *
 * composeServices (below): the services of those compose files, with what GD204 reads of them
 * (the Dockerfile a service builds, its `user:`, its volumes).
 *
 * repositoryImageBuilds (below): the images the repository's own build files build (workflows, Makefiles,
 * scripts, compose files), with the Dockerfile of each.
 */
import * as path from 'node:path';
import { commandWords, unquoteWord } from '../workspace/dockerRunDocs';
import { splitCsv } from '../dockerfile/mounts';
import { workspaceFact } from './memo';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';

/**
 * Compose files by the names projects give them and `docker compose -f` reads: compose.yaml,
 * docker-compose.yml, their overlays and variants (`docker-compose-dev.yml`,
 * `compose.override.yaml`), and a name before `-compose` (photoview's `dev-compose.yaml`).
 */
const COMPOSE_FILE = /^([A-Za-z0-9_.]+[A-Za-z0-9_.-]*-)?(docker-)?compose([.-][A-Za-z0-9_-]+)*\.ya?ml$/;
const BAKE_FILE = /^docker-bake(\.[A-Za-z0-9_-]+)*\.(hcl|json)$/;

/** The key a FROM reference (or a name of a build file) is matched by: lower case, without `:latest`. */
export function builtImageKey(ref: string): string {
  return ref.toLowerCase().replace(/:latest$/, '');
}

/** The images and named contexts the context root's compose/bake files build or declare (see the file comment). */
export function composeBuiltImages(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): ReadonlySet<string> {
  if (!files) return new Set();
  return ws ? workspaceFact(ws, 'composeBuiltImages', () => readBuiltImages(ws, files)) : readBuiltImages(ws, files);
}

/** A service of the context root's compose files (an overlay's keys merged into the service of the same name). */
export interface ComposeService {
  name: string;
  /** The compose file and 1-based line that first declares the service. */
  file: string;
  line: number;
  image?: string;
  /** It has a `build:`. */
  build: boolean;
  /** `build.context` (`build: ./dir` too), `build.dockerfile` and `build.target` as written. */
  context?: string;
  dockerfile?: string;
  target?: string;
  /** It sets `user:` (the container does not run as the image's user). */
  user: boolean;
  /** It sets `entrypoint:` (it runs another program than the image's ENTRYPOINT). */
  entrypoint: boolean;
  /**
   * What the container starts, when the service says: its `entrypoint:`, else its `command:`, as
   * written on one line (a flow list's items joined by spaces), or a block list's first item.
   */
  start?: string;
  /**
   * When that start is a shell running a command string (`["/bin/bash", "-c", "…"]`, a block list
   * of the same, a block scalar item `- |` too, or `sh -c '…'` on one line): the string.
   * photoview's dev-compose.yaml: `command: ["/bin/bash", "-c", "export $(cat /env)\n reflex -g
   * '*.go' -s -- go run ."]` as a block list.
   */
  script?: string;
  volumes: ComposeVolume[];
}

/** A `volumes:` entry of a service: short syntax (`./data:/data:ro`) or long (`type: bind`, `source:` …). */
export interface ComposeVolume {
  file: string;
  line: number;
  /** The host path or volume name as written, unquoted ('' for an anonymous volume or a tmpfs). */
  source: string;
  /** A bind mount of a host path (long syntax `type: bind`; short syntax: a source starting with `.`, `/`, `~` or `$`). */
  bind: boolean;
  target: string;
  readOnly: boolean;
  /** The entry as written (`.traggodata:/opt/traggo/data`). */
  text: string;
  /**
   * The service's `build:` (context, dockerfile, target) as the file that declares the mount
   * leaves it, when that file sets one: overlays of a project are often alternatives
   * (shellhub-io/shellhub 6f3a47e: docker-compose.dev.yml builds server/Dockerfile's
   * `development` target with the sources mounted, docker-compose.test.yml its `production`
   * one), and a mount goes with the build of its own file, not with the merged service's.
   */
  build?: { context?: string; dockerfile?: string; target?: string };
}

/** The services of the context root's compose files (a workspace fact; see ComposeService). */
export function composeServices(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): readonly ComposeService[] {
  if (!files) return [];
  const read = () => {
    const services = new Map<string, ComposeService>();
    for (const f of rootFiles(files)) if (COMPOSE_FILE.test(f)) readCompose(f, (files.readFile(f) ?? '').split(/\r?\n/), services);
    return [...services.values()];
  };
  return ws ? workspaceFact(ws, 'composeServices', read) : read();
}

/** The files at the context root, sorted (compose overlays after the file they extend). */
function rootFiles(files: WorkspaceFiles): string[] {
  return files.listFiles('').map((f) => f.path).filter((p) => !p.includes('/')).sort();
}

function readBuiltImages(ws: WorkspaceModel | undefined, files: WorkspaceFiles): Set<string> {
  const out = new Set<string>();
  const add = (name: string) => {
    const n = name.trim().replace(/^["']|["']$/g, '');
    if (/^[A-Za-z0-9][A-Za-z0-9_.\-/:@]*$/.test(n)) out.add(builtImageKey(n));
  };
  for (const f of rootFiles(files)) {
    const compose = COMPOSE_FILE.test(f);
    if (!compose && !BAKE_FILE.test(f)) continue;
    const lines = (files.readFile(f) ?? '').split(/\r?\n/);
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
      // HCL/JSON: `contexts = { name = "target:x" }`, on one line or up to the closing brace. Every
      // key is a named context, whatever gives its value: a string, or an HCL variable
      // (nats-io/nats-kafka 310c39f docker-bake.hcl:72-73 `base = image_base`, whose default is
      // `docker-image://alpine:3.18.4`; cicd/Dockerfile's `FROM base` is that image, judge 40 Y W3-W5).
      if (/^\s*"?contexts"?\s*[:=]\s*\{/.test(lines[k])) {
        for (let j = k; j < lines.length; j++) {
          const body = j === k ? lines[j].slice(lines[j].indexOf('{') + 1) : lines[j];
          for (const n of body.matchAll(/(?:^|[{,])\s*(["']?)([A-Za-z0-9][A-Za-z0-9_.\-/:]*?)\1\s*[:=]\s*["'A-Za-z_$]/g)) add(n[2]);
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
  for (const s of composeServices(ws, files)) if (s.build && s.image && !s.image.includes('$')) add(s.image);
  // `docker build -t NAME` in a Makefile, a shell script or a workflow's `run:`, the file's own
  // variables put in (trezor/blockbook's `-t $(BIN_IMAGE)` with `BIN_IMAGE = blockbook-build`;
  // dydxprotocol/v4-chain protocol/Makefile's `docker build … . -t dydxprotocol-base`).
  const commands = commandBuilds(ws, files);
  for (const b of commands) {
    for (const tag of b.command.tags) {
      const name = fillVariables(tag, b.vars);
      if (name !== null) add(name);
    }
  }
  return out;
}

/** A YAML scalar as written, without a trailing comment and its quotes (compose files, workflows, action.yml). */
export function yamlScalar(value: string): string {
  const v = value.trim();
  const q = /^(["'])(.*)\1\s*(#.*)?$/.exec(v);
  if (q) return q[2];
  return v.replace(/\s+#.*$/, '').trim();
}

/** The compose project a file belongs to: `compose` for compose.yaml, docker-compose.yml and their overlays; `compose-tests` for docker-compose-tests.yml. */
function composeProject(file: string): string {
  return file.replace(/^docker-/, '').split('.')[0];
}

/** A `command:`/`entrypoint:` value on one line: a flow list's items joined by spaces, or the scalar. */
function startText(value: string): string {
  const flow = /^\[(.*)\]$/.exec(value);
  return flow ? flow[1].split(',').map(yamlScalar).filter((v) => v !== '').join(' ') : value;
}

/** The text of a block scalar (`|` keeps the lines, `>` folds them), its lines' common indent removed. */
function blockScalarText(b: { fold: boolean; lines: string[] }): string {
  const kept = b.lines.filter((l) => l.trim() !== '');
  const cut = kept.length === 0 ? 0 : Math.min(...kept.map((l) => /^ */.exec(l)![0].length));
  const lines = b.lines.map((l) => l.slice(cut)).join('\n').replace(/\s+$/, '');
  return b.fold ? lines.replace(/\n(?=\S)/g, ' ') : lines;
}

/** A shell that runs its `-c` operand (`bash -c`, `/bin/sh -ec`). */
const SHELL = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh)$/;
const DASH_C = /^-[a-z]*c[a-z]*$/;

/** The command string of a start given as words, when it is a shell's `-c` operand. */
function shellScript(items: readonly string[]): string | undefined {
  if (items.length < 3 || !SHELL.test(items[0])) return undefined;
  const c = items.findIndex((w, k) => k > 0 && DASH_C.test(w));
  // Only options between the shell and -c (`bash -l -c …`).
  if (c < 1 || items.slice(1, c).some((w) => !w.startsWith('-')) || c + 1 >= items.length) return undefined;
  return items[c + 1];
}

/** The items of a flow list (`["/bin/sh", "-c", "a, b"]`): quoted items may hold commas. */
function flowItems(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /[\s,]/.test(body[i])) i++;
    if (i >= body.length) break;
    const q = body[i];
    if (q === '"' || q === "'") {
      let v = '';
      let j = i + 1;
      for (; j < body.length; j++) {
        if (q === '"' && body[j] === '\\' && j + 1 < body.length) {
          const e = body[++j];
          v += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else if (body[j] === q) {
          if (q === "'" && body[j + 1] === "'") {
            v += "'";
            j++;
          } else break;
        } else v += body[j];
      }
      out.push(v);
      i = j + 1;
    } else {
      const j = body.indexOf(',', i);
      out.push(body.slice(i, j < 0 ? body.length : j).trim());
      i = j < 0 ? body.length : j + 1;
    }
  }
  return out;
}

/** The command string a one-line `command:`/`entrypoint:` runs through `sh -c`, if it does. */
function lineScript(value: string): string | undefined {
  const flow = /^\[(.*)\]$/.exec(value);
  if (flow) return shellScript(flowItems(flow[1]));
  return shellScript(commandWords(value).map(unquoteWord));
}

/**
 * The service builds the Dockerfile at the context-relative path `dockerfile` (its `build.dockerfile`,
 * default `Dockerfile`, inside its `build.context`, relative to the compose file at the context
 * root), and the stage when it names a target.
 */
export function serviceBuilds(svc: ComposeService, dockerfile: string, stageName: string | null): boolean {
  const context = svc.context ?? '.';
  const file = svc.dockerfile ?? 'Dockerfile';
  if (/[$]|:\/\//.test(context + file) || context.startsWith('/') || file.startsWith('/')) return false;
  if (path.posix.normalize(path.posix.join(context, file)) !== path.posix.normalize(dockerfile)) return false;
  return svc.target === undefined || svc.target.toLowerCase() === (stageName ?? '').toLowerCase();
}

/**
 * A `build:` value on the key's line: a context (`build: ./dir`), a flow mapping (`build:
 * {dockerfile: Dockerfile, target: builder}`), either after an anchor (`build: &app-build {…}`,
 * remembered in `anchors`), or an alias of an anchored `build:` of the same file (`build:
 * *app-build`: its context, dockerfile and target). tarampampam/webhook-tester de43e59's
 * compose.yml builds `target: builder` for every service this way.
 */
function readBuildValue(svc: ComposeService, value: string, anchors: Map<string, ComposeService>): void {
  let v = value;
  const anchor = /^&(\S+)\s*(.*)$/.exec(v);
  if (anchor) {
    anchors.set(anchor[1], svc);
    v = anchor[2];
  }
  const alias = /^\*(\S+)$/.exec(v);
  if (alias) {
    const from = anchors.get(alias[1]);
    if (from) {
      svc.context = from.context;
      svc.dockerfile = from.dockerfile;
      svc.target = from.target;
    }
    return;
  }
  const flow = /^\{(.*)\}$/.exec(v);
  if (flow) {
    for (const part of flow[1].split(',')) {
      const kv = /^\s*(context|dockerfile|target)\s*:\s*(.*)$/.exec(part);
      if (kv) svc[kv[1] as 'context' | 'dockerfile' | 'target'] = yamlScalar(kv[2]);
    }
    return;
  }
  if (v !== '') svc.context = v;
}

/** A short-syntax volume (`./data:/data:ro`, `name:/data`, `/data`). */
function shortVolume(file: string, line: number, text: string): ComposeVolume {
  const parts = text.split(':');
  if (parts.length === 1) return { file, line, source: '', bind: false, target: parts[0], readOnly: false, text };
  const options = parts.length > 2 ? parts[parts.length - 1] : '';
  return { file, line, source: parts[0], bind: HOST_PATH.test(parts[0]), target: parts[1], readOnly: /(^|,)ro(,|$)/.test(options), text };
}

/** A short-syntax source that is a host path, as compose reads it (not a volume name). */
const HOST_PATH = /^[.~/$]/;

/**
 * The `services:` of a compose file, merged into `services` by project and name: each service's `image:`,
 * `build:` (a scalar context, or its `context:`, `dockerfile:`, `target:`), `user:`,
 * `entrypoint:` and `volumes:` (short syntax, flow or block list, and long syntax items).
 */
function readCompose(file: string, lines: readonly string[], services: Map<string, ComposeService>): void {
  const start = lines.findIndex((l) => /^services\s*:\s*(#.*)?$/.test(l));
  if (start < 0) return;
  let serviceIndent = -1;
  let keyIndent = -1;
  let current: ComposeService | null = null;
  /** The service key whose block the deeper lines belong to, and the indent of its children. */
  let section: string | null = null;
  let childIndent = -1;
  /** A long-syntax volume item being read. */
  let item: { line: number; keys: Map<string, string>; indent: number } | null = null;
  /** The `build:` values this file names with an anchor (`build: &app-build {…}`), by anchor name. */
  const anchors = new Map<string, ComposeService>();
  /** Services whose `start` this file has set, and from which key (an `entrypoint:` wins over a `command:`). */
  const starts = new Map<ComposeService, string>();
  const setStart = (svc: ComposeService, key: string, text: string, script?: string) => {
    if (text === '' || starts.get(svc) === 'entrypoint') return;
    if (key === 'command' && starts.has(svc)) return;
    starts.set(svc, key);
    svc.start = text;
    if (script !== undefined) svc.script = script;
    else delete svc.script;
  };
  /** The items of a block-list `command:`/`entrypoint:` being read (a `- |` item's lines joined). */
  let block: { svc: ComposeService; key: string; items: string[]; scalar: { indent: number; fold: boolean; lines: string[] } | null } | null = null;
  const endBlock = () => {
    if (!block) return;
    if (block.scalar) block.items.push(blockScalarText(block.scalar));
    const script = shellScript(block.items);
    // The start this file set for the service from this list: add its command string.
    if (script !== undefined && starts.get(block.svc) === block.key && block.svc.start === block.items[0]) block.svc.script = script;
    block = null;
  };
  const endItem = () => {
    if (item && current) {
      const type = item.keys.get('type') ?? 'volume';
      const source = type === 'bind' || type === 'volume' ? item.keys.get('source') ?? '' : '';
      const text = [...item.keys].map(([k, v]) => `${k}=${v}`).join(',');
      current.volumes.push({ file, line: item.line, source, bind: type === 'bind', target: item.keys.get('target') ?? '', readOnly: /^(true|yes)$/i.test(item.keys.get('read_only') ?? ''), text });
    }
    item = null;
  };
  /** Services whose `build:` this file sets. */
  const builtHere = new Set<ComposeService>();
  for (let k = start + 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    // The lines of a block scalar item (`- |`) of a start's block list: deeper than its dash.
    if (block?.scalar && (indent > block.scalar.indent || block.scalar.indent < 0)) {
      block.scalar.lines.push(line);
      continue;
    }
    if (block && block.scalar) {
      block.items.push(blockScalarText(block.scalar));
      block.scalar = null;
    }
    if (indent === 0) break; // the next top-level key
    if (serviceIndent < 0) serviceIndent = indent;
    if (indent === serviceIndent) {
      endItem();
      endBlock();
      const name = /^\s*(["']?)([A-Za-z0-9][A-Za-z0-9_.-]*)\1\s*:\s*(#.*)?$/.exec(line);
      current = null;
      keyIndent = -1;
      section = null;
      if (name) {
        // Overlays merge into the service of the same name in their project: `compose.yaml`,
        // `docker-compose.yml` and their `.override`-style overlays are one project, a
        // `docker-compose-<name>.yml` variant (and its overlays) another (heroiclabs/nakama's
        // docker-compose-tests.yml and docker-compose.yml each have a `nakama` service).
        const key = `${composeProject(file)}\0${name[2]}`;
        current = services.get(key) ?? { name: name[2], file, line: k + 1, build: false, user: false, entrypoint: false, volumes: [] };
        services.set(key, current);
      }
      continue;
    }
    if (!current || indent < serviceIndent) continue;
    if (keyIndent < 0) keyIndent = indent;
    if (indent === keyIndent) {
      endItem();
      endBlock();
      const kv = /^\s*([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line);
      section = kv ? kv[1] : null;
      childIndent = -1;
      const value = kv?.[2] !== undefined ? yamlScalar(kv[2]) : '';
      if (section === 'image' && value !== '' && !/\s/.test(value)) current.image = value;
      if (section === 'build') {
        current.build = true;
        builtHere.add(current);
        readBuildValue(current, value, anchors);
      }
      if (section === 'user' && value !== '') current.user = true;
      if (section === 'entrypoint' && value !== '') current.entrypoint = true;
      if ((section === 'entrypoint' || section === 'command') && value !== '') setStart(current, section, startText(value), lineScript(value));
      // `volumes: [".data:/data", "x:/y:ro"]` on one line.
      const flow = section === 'volumes' ? /^\[(.*)\]$/.exec(value) : null;
      if (flow) for (const v of flow[1].split(',').map(yamlScalar).filter((v) => v !== '')) current.volumes.push(shortVolume(file, k + 1, v));
      continue;
    }
    if (indent < keyIndent) continue;
    if (childIndent < 0) childIndent = indent;
    if (section === 'build' && indent === childIndent) {
      const kv = /^\s*(context|dockerfile|target)\s*:\s*(.*)$/.exec(line);
      if (kv) current[kv[1] as 'context' | 'dockerfile' | 'target'] = yamlScalar(kv[2]);
    } else if (section === 'entrypoint' || section === 'command') {
      if (section === 'entrypoint') current.entrypoint = true;
      // A block list: its first item is the program.
      const dash = indent === childIndent ? /^\s*-\s*(.*)$/.exec(line) : null;
      if (dash) {
        if (!block || block.svc !== current || block.key !== section) {
          endBlock();
          block = { svc: current, key: section, items: [], scalar: null };
        }
        const scalar = /^([|>])[-+]?\d*\s*(#.*)?$/.exec(dash[1].trim());
        if (scalar) block.scalar = { indent, fold: scalar[1] === '>', lines: [] };
        else block.items.push(yamlScalar(dash[1]));
      }
      if (dash && !starts.has(current)) setStart(current, section, yamlScalar(dash[1]));
      else if (!dash && indent === childIndent && !starts.has(current)) setStart(current, section, yamlScalar(line), lineScript(yamlScalar(line)));
    } else if (section === 'volumes') {
      const dash = /^(\s*)-\s*(.*)$/.exec(line);
      if (dash && dash[1].length === childIndent) {
        endItem();
        const kv = /^([A-Za-z_]\w*)\s*:(?:\s+(.*))?$/.exec(dash[2]);
        if (kv) item = { line: k + 1, keys: new Map([[kv[1], yamlScalar(kv[2] ?? '')]]), indent: dash[1].length };
        else if (dash[2] !== '') current.volumes.push(shortVolume(file, k + 1, yamlScalar(dash[2])));
      } else if (item && indent > item.indent) {
        const kv = /^\s*([A-Za-z_]\w*)\s*:(?:\s+(.*))?$/.exec(line);
        if (kv && !item.keys.has(kv[1])) item.keys.set(kv[1], yamlScalar(kv[2] ?? ''));
      }
    }
  }
  endItem();
  endBlock();
  for (const svc of builtHere) {
    const build = { context: svc.context, dockerfile: svc.dockerfile, target: svc.target };
    for (const v of svc.volumes) if (v.file === file && !v.build) v.build = build;
  }
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * The images the workflows' docker/build-push-action steps build (`tags:`), each with the step's
 * build, in the order of the workflows and their steps. An expression in the tag part is dropped
 * (netmaker's `gravitl/go-builder:${{ inputs.docker_tag }}` is `gravitl/go-builder:`); a tag with
 * one elsewhere is left out, and so is a step whose Dockerfile is one.
 */
function* workflowImageBuilds(files: WorkspaceFiles): Generator<{ name: string; build: RepositoryImageBuild }> {
  for (const wf of workflowFiles(files)) {
    for (const step of buildPushSteps((files.readFile(wf) ?? '').split(/\r?\n/))) {
      if (step.dockerfile === null) continue;
      for (const raw of step.tags) {
        const tag = raw.trim().replace(/^["']|["']$/g, '');
        const name = tag.replace(/\$\{\{[^}]*\}\}/g, (m, at: number) => (tag.lastIndexOf(':', at) > tag.lastIndexOf('/', at) ? '' : m));
        if (name && !imageRepositoryKey(name).includes('${{')) yield { name, build: { dockerfile: step.dockerfile, file: wf, ...(step.target ? { target: step.target } : {}) } };
      }
    }
  }
}

/** An image the repository's own build files build from a Dockerfile of the context. */
export interface RepositoryImageBuild {
  /** The Dockerfile, context-relative. */
  dockerfile: string;
  /** The build file that builds it (a workflow, Makefile, script, compose file). */
  file: string;
  /** The stage it builds (`--target`, compose `target:`), when one is named. */
  target?: string;
  /**
   * The build context, context-relative ('' for the root), when the build names it: a `docker
   * build` command line's context argument (nuclio's Makefile: `docker build … --file
   * hack/docker/build/builder/Dockerfile … .`), a compose service's `build.context`.
   */
  context?: string;
}

/**
 * The images the repository's own build files build from a Dockerfile of the context, keyed by
 * repository as imageRepositoryKey keys a reference, with every variable written `${name}`
 * (imageVariablesKey): the workflows' docker/build-push-action steps (workflowImageBuilds),
 * the `-t`/`--tag` names of `docker build` command lines in Makefiles, scripts and workflow
 * `run:` steps whose Dockerfile is known, the file's own variables put in and the others kept
 * (nuclio/nuclio 9e837f6's Makefile builds hack/docker/build/builder/Dockerfile as
 * `$(NUCLIO_DOCKER_BUILDER_IMAGE_NAME)`, that is `$(NUCLIO_DOCKER_REPO)/nuclio-builder:…` with
 * `NUCLIO_DOCKER_REPO ?= quay.io/nuclio`), and the `image:` of a compose service with a `build:`.
 * A name whose last path part is not written out (`${IMAGE}`) is left out. The first build of a
 * name wins. Read once per workspace model.
 */
export function repositoryImageBuilds(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): ReadonlyMap<string, RepositoryImageBuild> {
  if (!files) return new Map();
  const read = (): Map<string, RepositoryImageBuild> => {
    const out = new Map<string, RepositoryImageBuild>();
    const add = (name: string, build: RepositoryImageBuild) => {
      const key = imageVariablesKey(name);
      const last = key.slice(key.lastIndexOf('/') + 1);
      if (last === '' || last.includes('$') || !/^[a-z0-9${}][a-z0-9_.\-/:${}]*$/.test(key)) return;
      if (!out.has(key)) out.set(key, build);
    };
    for (const { name, build } of workflowImageBuilds(files)) add(name, build);
    const commands = commandBuilds(ws, files);
    for (const b of commands) {
      if (b.dockerfile === null) continue;
      const context = b.contextDir;
      for (const tag of b.command.tags) add(expandFileVariables(tag, b.vars), { dockerfile: b.dockerfile, file: b.file, ...(b.command.target ? { target: b.command.target } : {}), ...(context !== null ? { context } : {}) });
    }
    for (const s of composeServices(ws, files)) {
      if (!s.build || !s.image || s.context === undefined || s.context.includes('$') || (s.dockerfile ?? '').includes('$')) continue;
      const context = joinRel('', s.context);
      const dockerfile = context === null ? null : joinRel(context === '' ? '' : `${context}/`, s.dockerfile ?? 'Dockerfile');
      if (dockerfile !== null && context !== null) add(s.image, { dockerfile, file: s.file, context, ...(s.target ? { target: s.target } : {}) });
    }
    return out;
  };
  return ws ? workspaceFact(ws, 'repositoryImageBuilds', read) : read();
}

/** A reference's repository as repositoryImageBuilds keys it: imageRepositoryKey, with `$X`, `${X}` and `$(X)` all written `${x}`. */
export function imageVariablesKey(ref: string): string {
  return imageRepositoryKey(ref.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a?: string, b?: string, c?: string) => `\${${a ?? b ?? c}}`));
}

/** The repository a FROM reference names: lower case, no tag or digest, no `docker.io/`. */
export function imageRepositoryKey(ref: string): string {
  const noDigest = ref.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return repo.toLowerCase().replace(/^(docker\.io|index\.docker\.io)\//, '');
}

/** The repository's workflow files, sorted. */
function workflowFiles(files: WorkspaceFiles): string[] {
  return files.listFiles('.github/workflows').map((f) => f.path).filter((p) => WORKFLOW_FILE.test(p)).sort();
}

/** A docker/build-push-action step of a workflow. */
interface BuildPushStep {
  /** The Dockerfile it builds (`file:`, else `<context>/Dockerfile`), repository-relative; null when an expression or outside. */
  dockerfile: string | null;
  tags: string[];
  /** The `platforms:` entries as written (expressions kept), and the 0-based line of the key. */
  platforms: string[];
  platformsLine: number;
  target?: string;
  /** The `build-args:` entries (`NAME=value`, one a line of a block, or the one value on the key's line), with their 0-based lines. */
  buildArgs: { name: string; value: string; line: number }[];
  /** The job's `runs-on:` value (matrix values filled in), or null when it has none on one line. */
  runner: string | null;
}

/**
 * The docker/build-push-action steps of a workflow's lines. The step's keys sit at the column of
 * `uses`; its `with:` values deeper. The step ends at the first line indented less (the next
 * step's `- `, or the next job). `tags:` and `platforms:` take a value, a comma list, or a block
 * (`|`, or a list) below the key. A step that names `${{ matrix.X }}` is read once per combination
 * of its job's literal matrix (jobMatrix), so every reader of the steps (the images, platforms and
 * build arguments the workflows give) sees the values the matrix spells out.
 */
function buildPushSteps(lines: readonly string[]): BuildPushStep[] {
  const out: BuildPushStep[] = [];
  for (let k = 0; k < lines.length; k++) {
    const uses = /^(\s*-?\s*)uses\s*:\s*["']?docker\/build-push-action@/.exec(lines[k]);
    if (!uses) continue;
    const column = uses[1].length;
    let end = k + 1;
    while (end < lines.length && (lines[end].trim() === '' || /^\s*#/.test(lines[end]) || /^ */.exec(lines[end])![0].length >= column)) end++;
    // `${{ matrix.X }}` in the step: one step per combination of the job's literal matrix
    // (dragonflyoss/dragonfly: `file: build/images/${{ matrix.module }}/Dockerfile`,
    // `platforms: ${{ matrix.platforms }}` from `include:` entries); the same step read twice is kept once.
    const job = jobOf(lines, k);
    const runner = job ? jobRunner(lines, job) : null;
    const combos = job && lines.slice(k, end).some((l) => MATRIX_REF.test(l)) ? jobMatrix(lines, job) : null;
    if (!combos || combos.length === 0) {
      out.push(readBuildPushStep(lines, k, end, column, runner));
      continue;
    }
    const seen = new Set<string>();
    for (const combo of combos) {
      const filled = lines.map((l, j) => (j >= k && j < end ? fillMatrix(l, combo) : l));
      const step = readBuildPushStep(filled, k, end, column, runner === null ? null : fillMatrix(runner, combo));
      const key = JSON.stringify(step);
      if (!seen.has(key)) out.push(step);
      seen.add(key);
    }
  }
  return out;
}

const MATRIX_REF = /\$\{\{\s*matrix\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/;

/** `${{ matrix.X }}` replaced with the combination's value (left as written when the combination has none). */
function fillMatrix(line: string, combo: ReadonlyMap<string, string>): string {
  return line.replace(new RegExp(MATRIX_REF.source, 'g'), (m, name: string) => combo.get(name) ?? m);
}

/** A job of a workflow: the line of its key, the line after its last, and the column of its keys (`runs-on`, `steps`). */
interface WorkflowJob {
  job: number;
  jobEnd: number;
  keyIndent: number;
}

const indentOf = (l: string) => /^ */.exec(l)![0].length;
const blank = (l: string) => l.trim() === '' || /^\s*#/.test(l);

/** The job whose `steps:` hold line `at`: the `steps:` key above it, the job's key one level out. */
function jobOf(lines: readonly string[], at: number): WorkflowJob | null {
  let steps = at - 1;
  while (steps >= 0 && !/^\s*steps\s*:\s*(#.*)?$/.test(lines[steps])) steps--;
  if (steps < 0) return null;
  const keyIndent = indentOf(lines[steps]);
  let job = steps - 1;
  while (job >= 0 && (blank(lines[job]) || indentOf(lines[job]) >= keyIndent)) job--;
  if (job < 0) return null;
  let jobEnd = job + 1;
  while (jobEnd < lines.length && (blank(lines[jobEnd]) || indentOf(lines[jobEnd]) >= keyIndent)) jobEnd++;
  return { job, jobEnd, keyIndent };
}

/** The job's `runs-on:` value on its key's line (quotes removed), or null. */
function jobRunner(lines: readonly string[], { job, jobEnd, keyIndent }: WorkflowJob): string | null {
  for (let j = job + 1; j < jobEnd; j++) {
    if (indentOf(lines[j]) !== keyIndent) continue;
    const m = /^\s*runs-on\s*:\s*(.*?)\s*(#.*)?$/.exec(lines[j]);
    if (m) return m[1] === '' ? null : m[1].replace(/^(["'])(.*)\1$/, '$2');
  }
  return null;
}

/**
 * The combinations of the literal `strategy.matrix` of a job, as GitHub
 * forms them: the product of the keys' lists (`module: ['manager', 'scheduler']`, or a block
 * list), then each `include:` entry added to every combination whose original values it does not
 * change, or as a combination of its own when it fits none; `exclude:` entries removed. Null when
 * the job has no matrix or a part of it is not literal (`${{ fromJSON(…) }}`, a nested value).
 */
function jobMatrix(lines: readonly string[], { job, jobEnd, keyIndent }: WorkflowJob): Map<string, string>[] | null {
  // `strategy:` / `matrix:` below it.
  let matrix = -1;
  for (let j = job + 1; j < jobEnd; j++) {
    if (indentOf(lines[j]) !== keyIndent || !/^\s*strategy\s*:\s*(#.*)?$/.test(lines[j])) continue;
    for (let m = j + 1; m < jobEnd && (blank(lines[m]) || indentOf(lines[m]) > keyIndent); m++) {
      const mm = /^\s*matrix\s*:\s*(.*?)\s*(#.*)?$/.exec(lines[m]);
      if (!mm) continue;
      if (mm[1] !== '') return null;
      matrix = m;
      break;
    }
    break;
  }
  if (matrix < 0) return null;
  const entryIndent = indentOf(lines[matrix + 1] ?? '');
  if (entryIndent <= indentOf(lines[matrix])) return null;
  const keys = new Map<string, string[]>();
  const include: Map<string, string>[] = [];
  const exclude: Map<string, string>[] = [];
  for (let j = matrix + 1; j < jobEnd; j++) {
    if (blank(lines[j])) continue;
    const indent = indentOf(lines[j]);
    if (indent < entryIndent) break;
    if (indent > entryIndent) continue;
    const kv = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*?)\s*(#.*)?$/.exec(lines[j]);
    if (!kv) return null;
    const [, name, value] = kv;
    // The block below the key: its list items (`- a`, or `- k: v` maps for include/exclude).
    let below = j + 1;
    while (below < jobEnd && (blank(lines[below]) || indentOf(lines[below]) > entryIndent)) below++;
    const block = lines.slice(j + 1, below).filter((l) => !blank(l));
    if (name === 'include' || name === 'exclude') {
      const maps = value === '' ? blockMaps(block) : null;
      if (!maps) return null;
      (name === 'include' ? include : exclude).push(...maps);
    } else {
      const list = value === '' ? blockList(block) : flowList(value);
      if (!list) return null;
      keys.set(name, list);
    }
    j = below - 1;
  }
  let combos: Map<string, string>[] = keys.size === 0 ? [] : [new Map()];
  for (const [name, values] of keys) combos = combos.flatMap((c) => values.map((v) => new Map(c).set(name, v)));
  combos = combos.filter((c) => !exclude.some((e) => [...e].every(([k, v]) => c.get(k) === v)));
  const originals = combos.slice();
  for (const inc of include) {
    let added = false;
    for (const c of originals) {
      if ([...inc].some(([k, v]) => keys.has(k) && c.get(k) !== v)) continue;
      for (const [k, v] of inc) c.set(k, v);
      added = true;
    }
    if (!added) combos.push(new Map(inc));
  }
  return combos.length > 256 ? null : combos;
}

/** A scalar as written: quotes removed; null for an expression, a nested list or map. */
function matrixScalar(text: string): string | null {
  const v = yamlScalar(text);
  return v === '' || v.includes('${{') || /^[[{|>&*!]/.test(v) ? null : v;
}

/** `[a, 'b']`: its scalars; null for anything else. */
function flowList(value: string): string[] | null {
  const m = /^\[(.*)\]$/.exec(value);
  if (!m) {
    const one = matrixScalar(value);
    return one === null ? null : [one];
  }
  const items = splitCsv(m[1]).map(matrixScalar);
  return items.every((x): x is string => x !== null) ? items : null;
}

/** `- a` lines: their scalars; null when an item is something else. */
function blockList(block: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const l of block) {
    const m = /^\s*-\s+(.*?)\s*(#.*)?$/.exec(l);
    const v = m ? matrixScalar(m[1]) : null;
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

/** `- k: v` items with `  k2: v2` lines below each (or `- {k: v, k2: v2}`): their maps; null when a value is not a scalar. */
function blockMaps(block: readonly string[]): Map<string, string>[] | null {
  const out: Map<string, string>[] = [];
  for (const l of block) {
    const item = /^\s*-\s*(.*?)\s*$/.exec(l);
    let text = item ? item[1] : l.trim();
    if (item) out.push(new Map());
    const current = out[out.length - 1];
    if (!current) return null;
    const flow = /^\{(.*)\}$/.exec(text);
    const pairs = flow ? splitCsv(flow[1]) : [text.replace(/\s+#.*$/, '')];
    for (const pair of pairs) {
      text = pair.trim();
      if (text === '') continue;
      const kv = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$/.exec(text);
      const v = kv ? matrixScalar(kv[2]) : null;
      if (!kv || v === null) return null;
      current.set(kv[1], v);
    }
  }
  return out;
}

/** The step whose `uses:` is on line `k`, ending before line `end`; its keys at `column`. */
function readBuildPushStep(lines: readonly string[], k: number, end: number, column: number, runner: string | null): BuildPushStep {
  let file: string | undefined;
  let context = '.';
  let target: string | undefined;
  const tags: string[] = [];
  const platforms: string[] = [];
  let platformsLine = -1;
  let list: string[] | null = null;
  let listIndent = -1;
  const buildArgs: BuildPushStep['buildArgs'] = [];
  let argsIndent = -1;
  const buildArg = (text: string, line: number) => {
    const m = /^["']?([A-Za-z_][A-Za-z0-9_]*)=(.*?)["']?$/.exec(text.trim().replace(/^-\s*/, ''));
    if (m) buildArgs.push({ name: m[1], value: m[2], line });
  };
  for (let j = k + 1; j < end; j++) {
    const line = lines[j];
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    if (indent < column) break;
    if (argsIndent >= 0 && indent > argsIndent) {
      buildArg(line, j);
      continue;
    }
    argsIndent = -1;
    if (list && indent > listIndent) {
      list.push(...line.replace(/\s#.*$/, '').trim().replace(/^-\s*/, '').split(','));
      continue;
    }
    list = null;
    const args = /^\s*build-args\s*:\s*(.*?)\s*$/.exec(line);
    if (args) {
      if (args[1] === '' || /^[|>][-+]?$/.test(args[1])) argsIndent = indent;
      else buildArg(args[1], j);
      continue;
    }
    const kv = /^\s*(file|context|tags|platforms|target)\s*:\s*(.*?)\s*(#.*)?$/.exec(line);
    if (!kv) continue;
    const value = kv[2].replace(/^["']|["']$/g, '');
    if (kv[1] === 'file') file = value;
    else if (kv[1] === 'target') target = value.replace(/\$\{\{/g, '$');
    else if (kv[1] === 'context') context = value;
    else {
      const into = kv[1] === 'tags' ? tags : platforms;
      if (kv[1] === 'platforms') platformsLine = j;
      if (value === '' || value === '|' || value === '>' || value === '|-' || value === '>-') {
        list = into;
        listIndent = indent;
      } else into.push(...value.split(','));
    }
  }
  const dockerfile = (file ?? `${context.replace(/\/+$/, '')}/Dockerfile`).replace(/^(\.\/)+/, '').replace(/^\.\//, '');
  const bad = dockerfile.includes('${{') || dockerfile.startsWith('/') || dockerfile.split('/').includes('..');
  return { dockerfile: bad ? null : dockerfile, tags, platforms, platformsLine, ...(target ? { target } : {}), buildArgs, runner };
}

/**
 * A build of a Dockerfile of this context for several platforms, as the repository's build files
 * run it: a workflow's docker/build-push-action step with `platforms:`, a `docker buildx build
 * --platform a,b` (or `docker build`) command line in a workflow, a Makefile or a shell script, a
 * docker-bake target with `platforms = [...]`.
 */
export interface PlatformBuild {
  /** The Dockerfile built, context-relative. */
  dockerfile: string;
  /**
   * Two or more distinct platforms (`linux/amd64`, `linux/arm/v7`); or one that is not the
   * machine's, when a workflow job on a GitHub-hosted x86-64 runner builds it (`runner`).
   */
  platforms: readonly string[];
  /** The workflow job's `runs-on` (an x86-64 runner) when one foreign platform is built on it. */
  runner?: string;
  /** The build file and the 1-based line that names the platforms. */
  file: string;
  line: number;
  /** The stage it builds (`target:`, `--target`), when it names one; else the last. */
  target?: string;
}

/** A build argument a workflow's docker/build-push-action step passes to a Dockerfile of the context. */
export interface WorkflowBuildArg {
  /** The Dockerfile built, context-relative. */
  dockerfile: string;
  name: string;
  /** The value as written (`dev-${{ steps.build_info.outputs.short_sha }}`). */
  value: string;
  /** The workflow and the 1-based line of the entry. */
  file: string;
  line: number;
}

/**
 * The `build-args:` entries of the workflows' docker/build-push-action steps whose Dockerfile the
 * step names (or `<context>/Dockerfile`), read once per workspace model.
 */
export function workflowBuildArgs(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): readonly WorkflowBuildArg[] {
  if (!files) return [];
  const read = (): WorkflowBuildArg[] => {
    const out: WorkflowBuildArg[] = [];
    for (const wf of workflowFiles(files)) {
      const text = files.readFile(wf) ?? '';
      if (!text.includes('build-args')) continue;
      for (const step of buildPushSteps(text.split(/\r?\n/))) {
        if (step.dockerfile === null) continue;
        for (const a of step.buildArgs) out.push({ dockerfile: step.dockerfile, name: a.name, value: a.value, file: wf, line: a.line + 1 });
      }
    }
    return out;
  };
  return ws ? workspaceFact(ws, 'workflowBuildArgs', read) : read();
}

const MAKEFILE = /(^|\/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$/;
const SCRIPT = /\.(sh|bash)$/;
/** Folders whose scripts are not the repository's own build (vendored code, dependencies). */
const FOREIGN_DIR = /(^|\/)(vendor|node_modules|third_party|testdata|\.git)\//;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/v[0-9]+)?$/;
/** GitHub-hosted Linux runners of x86-64 (`ubuntu-latest`, `ubuntu-24.04`; not `ubuntu-24.04-arm`). */
const X86_RUNNER = /^ubuntu-(latest|\d\d\.\d\d)$/;

/**
 * The multi-platform builds of the context's Dockerfiles its build files run (PlatformBuild), read
 * once per workspace model, as text: the workflows (`.github/workflows/*.yml`), the Makefiles
 * (`Makefile`, `*.mk`) and shell scripts up to three folders deep, the bake files at the root. A
 * platform list or a Dockerfile path the file does not spell out is left out (`${{ fromJSON(…) }}`,
 * `-f $DOCKERFILE`); a variable defined in the same file (`PLATFORMS="linux/amd64,linux/arm64"`,
 * `PLATFORMS ?= …`, a workflow's `env:` value, `${{ env.PLATFORMS }}`) is read, and so is a
 * step's `${{ matrix.X }}` from the job's literal matrix (buildPushSteps). A command's `-f`
 * is relative to the Makefile's folder, to the root for workflows and scripts; a Dockerfile that
 * is not in the context is left out.
 */
export function multiPlatformBuilds(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): readonly PlatformBuild[] {
  if (!files) return [];
  return ws ? workspaceFact(ws, 'multiPlatformBuilds', () => readPlatformBuilds(ws, files)) : readPlatformBuilds(ws, files);
}

function readPlatformBuilds(ws: WorkspaceModel | undefined, files: WorkspaceFiles): PlatformBuild[] {
  const out: PlatformBuild[] = [];
  const seen = new Set<string>();
  const add = (dockerfile: string | null, platforms: readonly string[] | null, file: string, line: number, target: string | null | undefined, runner: string | null = null) => {
    if (dockerfile === null || platforms === null || platforms.length === 0 || !files.fileExists(dockerfile)) return;
    // One platform: emulated only when it is not the runner's (whereabouts' `platforms: linux/arm64`
    // on `runs-on: ubuntu-latest`).
    const foreign = platforms.length === 1 && runner !== null && X86_RUNNER.test(runner) && !/^linux\/(amd64|386)$/.test(platforms[0]);
    if (platforms.length < 2 && !foreign) return;
    // A target the file does not spell out is no stage we can name.
    if (target === null || (target !== undefined && target.includes('$'))) return;
    const build: PlatformBuild = { dockerfile, platforms, file, line: line + 1, ...(target ? { target } : {}), ...(foreign ? { runner: runner! } : {}) };
    // One line read once per matrix combination (sqldef's `cmd:` matrix differs in build-args only): one build.
    const key = JSON.stringify(build);
    if (!seen.has(key)) out.push(build);
    seen.add(key);
  };
  for (const wf of workflowFiles(files)) {
    const lines = (files.readFile(wf) ?? '').split(/\r?\n/);
    const vars = fileVariables(lines);
    for (const step of buildPushSteps(lines)) add(step.dockerfile, platformList(step.platforms.join(','), vars), wf, step.platformsLine, step.target, step.runner);
    for (const b of workflowCommandBuilds(wf, lines, vars)) add(b.dockerfile, b.command.platforms, b.file, b.command.line, b.command.target, b.runner);
  }
  for (const b of fileCommandBuilds(ws, files)) add(b.dockerfile, b.command.platforms, b.file, b.command.line, b.command.target, b.runner);
  for (const f of files.listFiles('').map((e) => e.path).filter((p) => !p.includes('/') && /^docker-bake(\.[A-Za-z0-9_-]+)*\.hcl$/.test(p)).sort()) {
    for (const t of bakeTargets((files.readFile(f) ?? '').split(/\r?\n/))) add(t.dockerfile, t.platforms, f, t.line, t.target);
  }
  return out;
}

/**
 * A `docker build` / `docker buildx build` command line of a build file, with the
 * context-relative Dockerfile it builds (null when unknown), the file's variables, and for a
 * workflow the job's runner.
 */
interface CommandBuild {
  command: BuildCommand;
  dockerfile: string | null;
  /** The build context, context-relative ('' for the root); null when unknown (a variable, outside, stdin). */
  contextDir: string | null;
  file: string;
  vars: ReadonlyMap<string, string>;
  runner: string | null;
}

/** Every `docker build` command line of the workflows' `run:` steps, then of the Makefiles and scripts (CommandBuild). */
function commandBuilds(ws: WorkspaceModel | undefined, files: WorkspaceFiles, wide = false): CommandBuild[] {
  return [...workflowFiles(files).flatMap((wf) => {
    const lines = (files.readFile(wf) ?? '').split(/\r?\n/);
    return [...workflowCommandBuilds(wf, lines, fileVariables(lines), wide)];
  }), ...fileCommandBuilds(ws, files, wide)];
}

/** The command lines of a workflow's `run:` steps (CommandBuild), in the step's folder. */
function* workflowCommandBuilds(wf: string, lines: readonly string[], vars: ReadonlyMap<string, string>, wide = false): Generator<CommandBuild> {
  for (const c of buildCommands(lines, vars, wide)) {
    // The step's folder, then the `cd`s of its `run:` block before the command.
    const run = runLine(lines, c.start);
    const dir = cwdAfter(runDirectory(lines, run), run < 0 ? c.prefix : [...lines.slice(run + 1, c.start), c.prefix].join('\n'), '');
    const job = jobOf(lines, c.start);
    yield { command: c, dockerfile: dir === null ? null : commandDockerfile(c, dir), contextDir: dir === null ? null : commandContext(c, dir), file: wf, vars, runner: job ? jobRunner(lines, job) : null };
  }
}

/**
 * The command lines (CommandBuild) of the Makefiles and shell scripts up to three folders deep,
 * not vendored ones: read once per workspace model (commandBuilds and readPlatformBuilds, behind
 * four facts, each read every Makefile and script again: argoproj/argo-cd's 94, four times).
 * Shared between callers: do not modify.
 */
function fileCommandBuilds(ws: WorkspaceModel | undefined, files: WorkspaceFiles, wide = false): readonly CommandBuild[] {
  return ws ? workspaceFact(ws, `fileCommandBuilds:${wide}`, () => [...readFileCommandBuilds(files, wide)]) : [...readFileCommandBuilds(files, wide)];
}

function* readFileCommandBuilds(files: WorkspaceFiles, wide: boolean): Generator<CommandBuild> {
  for (const f of files.listFiles('')) {
    const p = f.path;
    const make = MAKEFILE.test(p);
    if ((!make && !SCRIPT.test(p)) || p.split('/').length > 4 || FOREIGN_DIR.test(p)) continue;
    const lines = (files.readFile(p) ?? '').split(/\r?\n/);
    const vars = fileVariables(lines);
    const dir = make && p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
    const own = p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
    for (const c of buildCommands(lines, vars, wide)) {
      // A recipe line runs in the Makefile's folder, through its own `cd`s; a script from the
      // root (`./scripts/release.sh`), through every `cd` before the command.
      const cwd = cwdAfter(dir, make ? c.prefix : [...lines.slice(0, c.start), c.prefix].join('\n'), own);
      yield { command: c, dockerfile: cwd === null ? null : commandDockerfile(c, cwd), contextDir: cwd === null ? null : commandContext(c, cwd), file: p, vars, runner: null };
    }
  }
}

/** A build argument a `docker build` command line of a build file passes to a Dockerfile of the context. */
export interface CommandBuildArg extends WorkflowBuildArg {
  /** The value with the file's variables put in, as far as the file sets them (`$(BUILD_TIME)` -> `$(shell date …)`). */
  expanded: string;
}

/**
 * The `--build-arg NAME=value` words of the build files' `docker build` command lines whose
 * Dockerfile is known (CommandBuild), read once per workspace model. lindb/lindb's Makefile:
 * `docker build … --build-arg LD_FLAGS=${LD_FLAGS} .`, with `LD_FLAGS=-ldflags="… -X
 * …BuildTime=$(BUILD_TIME)"` and `BUILD_TIME=$(shell date …)`. Not passedBuildArgs.ts' `values`
 * (literal values anywhere in any build file, for no Dockerfile in particular): these belong to the
 * Dockerfile their command builds, with the file's variables put in.
 */
export function commandBuildArgs(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): readonly CommandBuildArg[] {
  if (!files) return [];
  const read = (): CommandBuildArg[] => {
    const out: CommandBuildArg[] = [];
    const builds = commandBuilds(ws, files);
    for (const b of builds) {
      if (b.dockerfile === null) continue;
      for (const a of b.command.buildArgs) out.push({ dockerfile: b.dockerfile, name: a.name, value: a.value, expanded: expandFileVariables(a.value, b.vars), file: b.file, line: a.line + 1 });
    }
    return out;
  };
  return ws ? workspaceFact(ws, 'commandBuildArgs', read) : read();
}

/** A `docker build` command line of a build file whose Dockerfile is known, with the arguments it passes. */
export interface DockerfileBuild {
  /** The Dockerfile built, context-relative. */
  dockerfile: string;
  /** The build file and the 1-based line of the command. */
  file: string;
  line: number;
  /** The `--build-arg NAME=value` values, with the file's variables put in (CommandBuildArg's `expanded`). */
  args: ReadonlyMap<string, string>;
  /** The command may pass arguments this reading cannot name (a variable word the file does not set). */
  opaque: boolean;
}

/**
 * Each `docker build` command line of the build files whose Dockerfile is known (CommandBuild),
 * with the build arguments it passes, read once per workspace model: the builds of one Dockerfile
 * with the values each gives its ARGs (iamseth/oracledb_exporter's Makefile builds its Dockerfile
 * with `BASE_IMAGE=$(ALPINE_BASE_IMAGE)`, `$(UBUNTU_BASE_IMAGE)` and, with CGO_ENABLED=0, scratch).
 */
export function dockerfileBuilds(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): readonly DockerfileBuild[] {
  if (!files) return [];
  const read = (): DockerfileBuild[] => {
    const out: DockerfileBuild[] = [];
    for (const b of commandBuilds(ws, files, true)) {
      if (b.dockerfile === null) continue;
      const args = new Map<string, string>();
      // A name passed twice with different values is not one value (left out: unknown).
      let twice = false;
      for (const a of b.command.buildArgs) {
        const v = expandFileVariables(a.value, b.vars);
        if (args.has(a.name) && args.get(a.name) !== v) twice = true;
        args.set(a.name, v);
      }
      out.push({ dockerfile: b.dockerfile, file: b.file, line: b.command.commandLine + 1, args, opaque: b.command.opaque || twice });
    }
    return out;
  };
  return ws ? workspaceFact(ws, 'dockerfileBuilds', read) : read();
}

/** `$X`, `${X}`, `$(X)` replaced from `vars`, again in what they bring (a few levels); the others left as written. */
function expandFileVariables(value: string, vars: ReadonlyMap<string, string>): string {
  let text = value;
  for (let depth = 0; depth < 4; depth++) {
    const next = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string, c?: string) => vars.get((a ?? b ?? c)!) ?? m);
    if (next === text) break;
    text = next;
  }
  return text;
}

/** The `run:` key line of the workflow `run: |` block holding line `at` (`at` itself for `run: cmd`), or -1. */
function runLine(lines: readonly string[], at: number): number {
  if (/^\s*-?\s*run\s*:/.test(lines[at])) return at;
  // Up the block: each line less indented than all below it, to the `run:` key.
  for (let k = at - 1, least = indentOf(lines[at]); k >= 0; k--) {
    if (lines[k].trim() === '' || indentOf(lines[k]) >= least) continue;
    const kv = yamlKey(lines[k]);
    if (kv) return kv[2] === 'run' ? k : -1;
    least = indentOf(lines[k]);
  }
  return -1;
}

const yamlKey = (l: string) => /^(\s*-?\s*)([A-Za-z0-9_-]+)\s*:(\s|$)/.exec(l);

/**
 * The folder (`''` or `folder/`) the workflow step whose `run:` key is on line `run` runs in: its
 * `working-directory:` (yq's github-action image is built `working-directory: github-action`),
 * else the root; null when it is an expression or `defaults:` may set one for the whole job.
 */
function runDirectory(lines: readonly string[], run: number): string | null {
  if (run < 0) return '';
  const column = yamlKey(lines[run])![1].length;
  // The step: from its `- ` line (or the run line when it is that) to the next line indented less than its keys.
  let start = run;
  while (start > 0 && !/^\s*-\s/.test(lines[start])) {
    const prev = lines[start - 1];
    if (prev.trim() !== '' && indentOf(prev) < column && !/^\s*-\s/.test(prev)) break;
    start--;
  }
  let dir: string | undefined;
  for (let k = start; k < lines.length; k++) {
    if (k > start && lines[k].trim() !== '' && indentOf(lines[k]) < column) break;
    const kv = yamlKey(lines[k]);
    if (!kv || kv[1].length !== column || kv[2] !== 'working-directory') continue;
    dir = lines[k].slice(lines[k].indexOf(':') + 1).replace(/\s#.*$/, '').trim().replace(/^["']|["']$/g, '');
  }
  // `defaults: run: working-directory:` for the workflow or the job: not followed.
  if (dir === undefined) return lines.some((l) => /^\s*working-directory\s*:/.test(l)) && lines.some((l) => /^\s*defaults\s*:/.test(l)) ? null : '';
  if (dir.includes('$')) return null;
  const clean = dir.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return clean === '' || clean === '.' ? '' : `${clean}/`;
}

/**
 * The folder a shell ends in after the `cd`s of `text`, from `dir` (`''` or `folder/`); `$(dirname
 * "$0")` is the script's folder `own` (grpcurl's do-release.sh: `cd "$(dirname "$0")/.."`). Null
 * when a `cd` goes somewhere the text does not spell out (a variable, an absolute path, `cd -`,
 * `popd`). A `cd` in a subshell, `(cd ui && yarn build)`, stays there.
 */
function cwdAfter(dir: string | null, text: string, own: string): string | null {
  if (dir === null) return null;
  let cwd = dir;
  if (/(^|[\s;&|])popd\b/m.test(text)) return null;
  const here = own === '' ? '.' : own.replace(/\/$/, '');
  const plain = text.replace(/\$\(\s*dirname\s+"?(\$0|\$\{BASH_SOURCE(\[0\])?\}|\$BASH_SOURCE)"?\s*\)|\$\{0%\/\*\}/g, here);
  for (const m of plain.matchAll(/(^|[;&|]|\bthen\b|\bdo\b|\belse\b)\s*(?:cd|pushd)\s+("[^"]*"|'[^']*'|[^;&|)\s]+)/gm)) {
    const target = m[2].replace(/^(["'])(.*)\1$/, '$2');
    if (target.includes('$') || target.includes('`') || target.startsWith('/') || target.startsWith('~') || target === '-') return null;
    const to = joinRel(cwd, target);
    if (to === null) return null;
    cwd = to === '' ? '' : `${to}/`;
  }
  return cwd;
}

/** `a,b` with variables of the file filled in, as distinct platforms; null when any part is unknown. */
function platformList(value: string, vars: ReadonlyMap<string, string>): string[] | null {
  const filled = fillVariables(value, vars);
  if (filled === null) return null;
  const list = [...new Set(filled.split(',').map((p) => p.trim().replace(/^["']|["']$/g, '')).filter((p) => p !== ''))];
  return list.every((p) => PLATFORM.test(p)) ? list : null;
}

/** `$X`, `${X}`, `$(X)`, `${{ env.X }}` replaced from `vars`; null when one is not there (or is not a plain name). */
function fillVariables(value: string, vars: ReadonlyMap<string, string>): string | null {
  let unknown = false;
  const filled = value.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a?: string, b?: string, c?: string, d?: string) => {
    const v = vars.get((a ?? b ?? c ?? d)!);
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown || filled.includes('$') ? null : filled;
}

/**
 * Names a file assigns one value to: shell `X=v`/`export X=v`, make `X ?= v`/`X := v`/`X = v`, a
 * workflow's `X: v` (an `env:` entry). A name given two different values is left out.
 */
function fileVariables(lines: readonly string[]): Map<string, string> {
  const seen = new Map<string, string | null>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:[?:+]?=|:(?=\s))\s*(.*?)\s*$/.exec(line);
    if (!m || /^\s*-/.test(line)) continue;
    // make's `NAME=\` with the value on the next line (nuclio's `NUCLIO_DOCKER_BUILDER_IMAGE_NAME=\`).
    const raw = m[2] === '\\' && k + 1 < lines.length ? lines[k + 1].trim() : m[2];
    const v = raw.replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
    if (v === '' || v === '|' || v === '>') continue;
    seen.set(m[1], seen.has(m[1]) && seen.get(m[1]) !== v ? null : v);
  }
  const out = new Map<string, string>();
  for (const [k, v] of seen) if (v !== null) out.set(k, v);
  return out;
}

interface BuildCommand {
  platforms: string[] | null;
  file: string | null;
  context: string | null;
  /** 0-based line of the `--platform` word. */
  line: number;
  /** 0-based line where the command's logical line starts (continuations joined), and its text before the command. */
  start: number;
  prefix: string;
  /** `--target`, when given. */
  target?: string;
  /** `--build-arg NAME=value` words (the value unquoted, as written), with the 0-based line of each. */
  buildArgs: { name: string; value: string; line: number }[];
  /** `-t`/`--tag` values, unquoted, as written. */
  tags: string[];
  /**
   * A word of the command holds a variable the file does not spell out, and is not the value of a
   * flag nor the context (`$(EXTRA_ARGS)`): it may hold any flag, `--build-arg`s too. (With `wide`,
   * a variable the file sets to flags, `BUILD_ARGS = --build-arg VERSION=$(VERSION)`, is read as those flags.)
   */
  opaque: boolean;
  /** 0-based line of the command's `build` word. */
  commandLine: number;
}

/** Flags of `docker build` that take a value as the next word (the rest are switches). */
const VALUE_FLAGS = new Set(['-t', '--tag', '-f', '--file', '--build-arg', '--label', '--platform', '--target', '-o', '--output', '--cache-from', '--cache-to', '--secret', '--ssh', '--progress', '--builder', '--network', '--iidfile', '--metadata-file', '--build-context', '--annotation', '--attest', '--shm-size', '--ulimit', '--add-host', '--allow', '--cgroup-parent', '--call', '-m', '--memory', '--memory-swap', '--cpu-shares', '--cpuset-cpus', '--isolation', '--security-opt']);

/**
 * The `docker buildx build` / `docker build` commands of a file's lines with a `--platform`
 * (continuation lines joined), make recipes and workflow `run:` blocks alike. `wide` (dockerfileBuilds
 * only, so far): also `$(DOCKER_CMD) build` where the file sets the variable to a container CLI only,
 * and a word that is a variable the file sets to flags (`$(BUILD_ARGS)`) read as those flags.
 */
function buildCommands(lines: readonly string[], vars: ReadonlyMap<string, string>, wide = false): BuildCommand[] {
  const out: BuildCommand[] = [];
  // `$(DOCKER_CMD) build`, where the file sets DOCKER_CMD to docker or podman only.
  const clis = wide ? cliVariables(lines) : [];
  const command = clis.length === 0 ? BUILD_COMMAND : new RegExp(`${BUILD_COMMAND.source}|\\$[({](?:${clis.join('|')})[)}]\\s+build\\b`);
  for (let k = 0; k < lines.length; k++) {
    if (!command.test(lines[k]) || /^\s*#/.test(lines[k])) continue;
    const first = k;
    let j = k;
    const at = command.exec(lines[k])!.index;
    let start = k;
    while (start > 0 && /\\\s*$/.test(lines[start - 1])) start--;
    const prefix = [...lines.slice(start, k), lines[k].slice(0, at)].join('\n');
    // The command's words from `build` on, its continuation lines joined, up to its end (an operator).
    let text = lines[k].slice(at).replace(/^(buildx|docker|\$[({][A-Za-z_][A-Za-z0-9_]*[)}])\s+/, '');
    while (/\\\s*$/.test(lines[j]) && j + 1 < lines.length) text = `${text.replace(/\\\s*$/, '')} ${lines[++j]}`;
    k = j;
    // A word that is a variable the file sets to flags (`$(BUILD_ARGS)`) is read as those flags.
    const argv: string[] = [];
    const unread: number[] = [];
    for (const w of commandWords(text)) {
      const name = wide ? /^\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$|^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(w) : null;
      const value = name ? vars.get((name[1] ?? name[2])!) : undefined;
      if (value !== undefined && value.startsWith('-')) argv.push(...commandWords(value));
      else {
        // A word with a variable or expression the file does not set (`$(EXTRA_ARGS)`, `${{ … }}`).
        if (/[$`]/.test(w) && (!name || !vars.has((name[1] ?? name[2])!))) unread.push(argv.length);
        argv.push(w);
      }
    }
    let platforms: string[] | null = null;
    let platformLine = -1;
    let file: string | null = null;
    let context: string | null = null;
    let target: string | undefined;
    const buildArgs: BuildCommand['buildArgs'] = [];
    const tags: string[] = [];
    let contextAt = -1;
    const positional: number[] = [];
    for (let i = 1; i < argv.length; i++) {
      const raw = argv[i];
      const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
      const flag = eq > 0 ? raw.slice(0, eq) : raw;
      const takes = raw.startsWith('-') && VALUE_FLAGS.has(flag);
      const value = !takes ? null : eq > 0 ? raw.slice(eq + 1) : argv[++i] ?? null;
      if (value === null) {
        if (!raw.startsWith('-')) {
          context = unquoteWord(raw);
          contextAt = i;
          positional.push(i);
        }
        continue;
      }
      if (flag === '--platform') {
        platforms = platformList(unquoteWord(value), vars);
        // The line of the `--platform` word.
        const on = lines.slice(first, j + 1).findIndex((l) => /(^|\s)--platform(=|\s|$)/.test(l));
        platformLine = first + Math.max(on, 0);
      } else if (flag === '-f' || flag === '--file') file = unquoteWord(value);
      else if (flag === '--target') target = unquoteWord(value);
      else if (flag === '-t' || flag === '--tag') tags.push(unquoteWord(value));
      else if (flag === '--build-arg') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(unquoteWord(value));
        if (!m) continue;
        const on = lines.slice(first, j + 1).findIndex((l) => l.includes(`${m[1]}=`) && l.includes('--build-arg'));
        buildArgs.push({ name: m[1], value: m[2], line: first + Math.max(on, 0) });
      }
    }
    // Such a word read as a positional word that is not the context.
    const opaque = unread.some((i) => positional.includes(i) && i !== contextAt);
    out.push({ platforms, file, context, line: platformLine, start, prefix, ...(target ? { target } : {}), buildArgs, tags, opaque, commandLine: first });
  }
  return out;
}

const BUILD_COMMAND = /\bbuildx\s+build\b|\bdocker\s+build\b/;
const CONTAINER_CLI = /^(docker|podman|nerdctl)$/;

/**
 * The names a file sets to a container CLI and to nothing else: iamseth/oracledb_exporter 04e4ba9
 * Makefile:15-19 sets `DOCKER_CMD = docker`, else `DOCKER_CMD = podman`, and builds with
 * `$(DOCKER_CMD) build … --build-arg BASE_IMAGE=$(ALPINE_BASE_IMAGE) .` (Makefile:155).
 */
function cliVariables(lines: readonly string[]): string[] {
  const values = new Map<string, boolean>();
  for (const line of lines) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:[?:+]?=)\s*(.*?)\s*$/.exec(line);
    if (!m || /^\s*-/.test(line)) continue;
    const v = m[2].replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
    values.set(m[1], (values.get(m[1]) ?? true) && CONTAINER_CLI.test(v));
  }
  return [...values].filter(([, cli]) => cli).map(([name]) => name);
}

/** The context-relative Dockerfile a build command builds, run in `dir` (`''` or `folder/`); null when unknown. */
/** The context folder of a `docker build` command line run in `dir` (context-relative), or null. */
function commandContext(c: BuildCommand, dir: string): string | null {
  if (c.context === null || c.context === '-' || c.context.includes('$') || c.context.includes('://') || c.context.startsWith('/')) return null;
  return joinRel(dir, c.context);
}

function commandDockerfile(c: BuildCommand, dir: string): string | null {
  if (c.context === null || c.context === '-' || c.context.includes('$') || c.context.includes('://')) return null;
  if (c.file !== null && (c.file === '-' || c.file.includes('$'))) return null;
  const rel = c.file ?? `${c.context.replace(/\/+$/, '')}/Dockerfile`;
  return rel.startsWith('/') ? null : joinRel(dir, rel);
}

/** `rel` in folder `dir` (`''` or `folder/`), normalised (`a/b`, `''` for the root); null when it leaves the root. */
function joinRel(dir: string, rel: string): string | null {
  const n = path.posix.normalize(`${dir}${rel}`).replace(/\/+$/, '');
  return n === '..' || n.startsWith('../') ? null : n === '.' ? '' : n;
}

interface BakeTarget {
  name: string;
  line: number;
  keys: Map<string, { value: string; line: number }>;
  inherits: string[];
}

/**
 * The bake targets of an HCL file that build for several platforms: `platforms = [...]` in the
 * target or one it inherits, `dockerfile` (default `Dockerfile`) relative to `context` (default
 * `.`). A target other targets inherit from is a template, not a build of its own.
 */
function bakeTargets(lines: readonly string[]): { dockerfile: string | null; platforms: string[] | null; line: number; target: string | null | undefined }[] {
  const targets = new Map<string, BakeTarget>();
  for (let k = 0; k < lines.length; k++) {
    // HCL takes a block label quoted or as a bare identifier: `target "app" {` and `target app {`
    // (docker/mcp-gateway writes every label bare: `target _base {`, `target mcp-gateway {`).
    const head = /^\s*target\s+(?:"([^"]+)"|([A-Za-z_][A-Za-z0-9_-]*))\s*\{\s*$/.exec(lines[k]);
    if (!head) continue;
    const t: BakeTarget = { name: head[1] ?? head[2], line: k, keys: new Map(), inherits: [] };
    let depth = 1;
    for (let j = k + 1; j < lines.length && depth > 0; j++) {
      const line = lines[j].replace(/\s(#|\/\/).*$/, '');
      const kv = depth === 1 ? /^\s*([a-z-]+)\s*=\s*(.*)$/.exec(line) : null;
      if (kv) {
        let value = kv[2];
        const at = j;
        // A list over several lines, up to its `]`.
        if (value.trimStart().startsWith('[')) while (!value.includes(']') && j + 1 < lines.length) value += ` ${lines[++j].replace(/\s(#|\/\/).*$/, '')}`;
        t.keys.set(kv[1], { value: value.trim(), line: at });
        if (kv[1] === 'inherits') t.inherits = [...value.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      }
      for (const ch of line.replace(/"[^"]*"/g, '')) {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
      }
      k = j;
    }
    targets.set(t.name, t);
  }
  const inherited = new Set([...targets.values()].flatMap((t) => t.inherits));
  /** A key's value and line, from the target or the nearest one it inherits (the last listed wins). */
  const lookup = (t: BakeTarget, key: string, seen: Set<string>): { value: string; line: number } | undefined => {
    const own = t.keys.get(key);
    if (own) return own;
    for (const name of [...t.inherits].reverse()) {
      const p = targets.get(name);
      if (!p || seen.has(name)) continue;
      seen.add(name);
      const v = lookup(p, key, seen);
      if (v) return v;
    }
    return undefined;
  };
  const out: { dockerfile: string | null; platforms: string[] | null; line: number; target: string | null | undefined }[] = [];
  for (const t of targets.values()) {
    if (inherited.has(t.name)) continue;
    const platforms = lookup(t, 'platforms', new Set([t.name]));
    if (!platforms) continue;
    const list = /^\[(.*)\]$/.exec(platforms.value);
    const items = list ? [...list[1].matchAll(/"([^"]*)"|([^\s,"]+)/g)].map((m) => m[1] ?? m[2]) : null;
    const str = (key: string, dflt: string) => {
      const v = lookup(t, key, new Set([t.name]));
      const m = v ? /^"([^"$]*)"$/.exec(v.value) : null;
      return v === undefined ? dflt : m ? m[1] : null;
    };
    const context = str('context', '.');
    const file = str('dockerfile', 'Dockerfile');
    const dockerfile = context === null || file === null || context.includes(':') || lookup(t, 'dockerfile-inline', new Set([t.name])) ? null
      : commandDockerfile({ platforms: null, file: context === '.' ? file : `${context.replace(/\/+$/, '')}/${file}`, context, line: 0, start: 0, prefix: '', buildArgs: [], tags: [], opaque: false, commandLine: 0 }, '');
    const stage = lookup(t, 'target', new Set([t.name]));
    const target = stage === undefined ? undefined : /^"([^"$]*)"$/.exec(stage.value)?.[1] ?? null;
    out.push({ target, dockerfile, platforms: items && items.every((p) => p !== undefined && !p.includes('$')) ? platformList(items.join(','), new Map()) : null, line: platforms.line });
  }
  return out;
}

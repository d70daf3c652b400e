/**
 * Files a Go program needs besides its code, and whether the build context has them:
 *
 * - `//go:embed` targets of the packages the binary compiles. A target that is missing, ignored
 *   by git (a fresh clone will not have it) or holds only a placeholder (`.gitkeep`, a stub
 *   index.html) is a front-end nobody built: `go build` fails ("pattern dist/*: no matching
 *   files") or ships an empty UI. When a package.json script produces that folder, a node stage
 *   builds it; otherwise the generator stops and names the folder.
 *   A committed embedded folder that a front-end build writes into (esbuild's outdir, mailpit's
 *   server/ui/dist under `//go:embed ui`) counts when a fresh clone lacks what it writes.
 * - Files read at run time through relative paths (`template.ParseGlob("templates/*")`,
 *   `http.Dir("./static")`, gin's `LoadHTMLGlob`/`Static`, a config flag's default path): copied
 *   beside the binary when the context has them, else a warning names them.
 */
import * as nodePath from 'node:path';
import { parseEmbedPatterns } from '../facts/contextInputs';
import type { WorkspaceModel } from '../workspace/model';
import { packageByDir } from '../workspace/query';
import { stripGoComments } from './goSource';

export interface AssetIo {
  read(rel: string): string | null;
  /** Files under a folder (context-relative paths); undefined when the caller cannot list. */
  listFiles?(under: string): readonly { path: string; size?: number }[];
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

// ---------------------------------------------------------------------------------------------
// .gitignore (approximate: enough to tell whether a build output folder is committed)

function globToRegex(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return re;
}

/** Is `rel` (a folder, context-relative) ignored by a .gitignore at the context root or in a folder above `rel`? */
export function gitIgnored(rel: string, read: (rel: string) => string | null): string | null {
  const segs = rel.split('/');
  for (let depth = 0; depth < segs.length; depth++) {
    const base = segs.slice(0, depth).join('/');
    const text = read(join(base, '.gitignore'));
    if (text === null) continue;
    const sub = segs.slice(depth).join('/');
    let hit: string | null = null;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      let pat = negated ? line.slice(1) : line;
      pat = pat.replace(/\/$/, '');
      const anchored = pat.includes('/');
      pat = pat.replace(/^\//, '');
      const body = globToRegex(pat);
      // A folder pattern also ignores everything under it.
      const re = new RegExp(anchored ? `^${body}(/.*)?$` : `(^|/)${body}(/.*)?$`);
      if (re.test(sub)) hit = negated ? null : `${join(base, '.gitignore')}: ${line}`;
    }
    if (hit) return hit;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// //go:embed targets

export interface EmbedTarget {
  /** Package folder. */
  pkg: string;
  /** The pattern as written. */
  pattern: string;
  /** The folder or file it names (context-relative), up to the first glob. */
  path: string;
}

/**
 * `unbuilt`: the folder is committed, but a front-end build writes into it (or into a folder
 * inside it) and a fresh clone lacks what it writes (mailpit's `//go:embed ui` over the git-ignored
 * server/ui/dist; yarr's `//go:embed static/*` beside static/.gitignore's bundle.js).
 */
export type EmbedState = 'present' | 'missing' | 'git-ignored' | 'placeholder' | 'unbuilt';

export interface EmbedProblem extends EmbedTarget {
  state: Exclude<EmbedState, 'present'>;
  /** Why: the .gitignore line, or the placeholder files. */
  detail: string;
}

function literalPath(pkg: string, pattern: string): string {
  const segs: string[] = [];
  for (const s of pattern.split('/')) {
    if (/[*?[\\]/.test(s)) break;
    if (s === '' || s === '.') continue;
    segs.push(s);
  }
  return nodePath.posix.normalize(join(pkg, segs.join('/'))).replace(/^\.$/, '').replace(/\/$/, '');
}

const PLACEHOLDER_NAME = /^(\.gitkeep|\.keep|\.gitignore|\.placeholder|placeholder(\..*)?|readme(\..*)?)$/i;

/** The embed targets of the compiled packages that a fresh clone does not have. */
export function embedProblems(model: WorkspaceModel, packages: readonly string[], io: AssetIo): EmbedProblem[] {
  const out: EmbedProblem[] = [];
  for (const dir of packages) {
    const p = packageByDir(model, dir);
    if (!p || !p.imports.includes('embed')) continue;
    for (const f of p.files) {
      const text = io.read(join(p.dir, f));
      if (text === null || !text.includes('//go:embed')) continue;
      for (const pattern of parseEmbedPatterns(text)) {
        const path = literalPath(p.dir, pattern);
        if (path === p.dir || path.startsWith('..')) continue;
        const files = io.listFiles ? io.listFiles(path).filter((x) => x.path === path || x.path.startsWith(path + '/')) : null;
        const exists = files ? files.length > 0 : io.read(path) !== null;
        const t: EmbedTarget = { pkg: p.dir, pattern, path };
        if (!exists) {
          // An empty folder is not listed: a missing target either way for `go build`.
          out.push({ ...t, state: 'missing', detail: `${path} does not exist` });
          continue;
        }
        const ignored = gitIgnored(path, io.read);
        if (ignored) {
          out.push({ ...t, state: 'git-ignored', detail: `${path} is ignored by git (${ignored}): a fresh clone, and so a CI build, does not have it` });
          continue;
        }
        if (files && files.length > 0 && files.length <= 2) {
          const names = files.map((x) => nodePath.posix.basename(x.path));
          // A small index.html alone stands in for a front-end build only in a folder the package
          // embeds; one embedded by its own name is the file the program uses (blocky's
          // `//go:embed index.html`, a committed html/template).
          // A Go template (`{{ .settings }}`, yarr's templates/index.html) is the page itself.
          const stub = names.every((n) => PLACEHOLDER_NAME.test(n))
            || (names.length === 1 && files[0].path !== path && /^index\.html?$/i.test(names[0]) && (files[0].size ?? Infinity) < 1024 && !(io.read(files[0].path) ?? '').includes('{{'));
          if (stub) {
            out.push({ ...t, state: 'placeholder', detail: `${path} holds only ${names.join(', ')}, a placeholder for a build output` });
            continue;
          }
        }
        const unbuilt = unbuiltOutput(path, io);
        if (unbuilt && !out.some((o) => o.path === unbuilt.path)) out.push({ ...t, path: unbuilt.path, state: 'unbuilt', detail: unbuilt.detail });
      }
    }
  }
  return out;
}

/**
 * A front-end build output at or inside an embedded folder that a fresh clone lacks: the folder
 * the "build" script of a package.json writes (scriptOutput) is missing, ignored by git, or holds
 * a .gitignore that keeps its built files out of git. The embedded folder itself is committed (an
 * icon, a manifest), so `go build` succeeds and the image serves a page without its scripts.
 */
function unbuiltOutput(embedded: string, io: AssetIo): { path: string; detail: string } | null {
  for (const dir of packageJsonDirs(embedded, io)) {
    const read = readPackageJson(dir, io);
    if (!read) continue;
    const { pkg, text } = read;
    const build = pkg.scripts?.build;
    if (build === undefined) continue;
    const out = scriptOutput(dir, build, text, io);
    if (!out) continue;
    const written = nodePath.posix.normalize(join(dir, out.path)).replace(/\/$/, '');
    if (written !== embedded && !written.startsWith(embedded + '/')) continue;
    const says = `${join(dir, 'package.json')}'s "build" script (${JSON.stringify(build)}) writes ${written} (${out.via})`;
    const files = io.listFiles ? io.listFiles(written).filter((x) => x.path.startsWith(written + '/')) : null;
    if (files !== null && files.length === 0) return { path: written, detail: `${says}, and ${written} does not exist: the embedded ${embedded} lacks the built front-end` };
    const ignored = gitIgnored(written, io.read);
    if (ignored) return { path: written, detail: `${says}, which is ignored by git (${ignored}): a fresh clone, and so a CI build, lacks it` };
    const own = io.read(join(written, '.gitignore'));
    const kept = own?.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!'));
    if (kept && kept.length > 0) return { path: written, detail: `${says}, and ${join(written, '.gitignore')} keeps what it writes out of git (${kept.slice(0, 3).join(', ')}): a fresh clone, and so a CI build, lacks it` };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The node stage that produces an embedded front-end

export interface WebStage {
  /** Folder of package.json (context-relative). */
  dir: string;
  /** Lock/manifest files copied before the install. */
  manifests: string[];
  /** The install command (npm ci, pnpm install --frozen-lockfile, yarn install --frozen-lockfile). */
  install: string;
  /** Cache mount target for the package manager's store. */
  cache: string;
  /** `npm run <script>` (or pnpm/yarn). */
  build: string;
  /** Folders the script writes that the Go build embeds (context-relative). */
  outputs: string[];
  /**
   * The folder the script writes when the project copies it into the embedded one (dagu: ui/dist
   * copied to internal/service/frontend/assets): `COPY --from=web /src/<from> /src/<outputs[0]>`.
   */
  from?: string;
  /** The script name and where its output was recognised. */
  why: string;
}

export const NODE_IMAGE = 'node:22-bookworm-slim';

interface PackageJson {
  scripts?: Record<string, string>;
}

/**
 * The package.json of a folder, parsed and as text (scriptOutput reads both); null when it is not
 * JSON. packageJsonDirs lists only folders that have one.
 */
function readPackageJson(dir: string, io: AssetIo): { pkg: PackageJson; text: string } | null {
  const text = io.read(join(dir, 'package.json')) ?? '{}';
  try {
    return { pkg: JSON.parse(text) as PackageJson, text };
  } catch {
    return null;
  }
}

/** Folders that may hold the front-end's package.json for an embed target. */
function packageJsonDirs(target: string, io: AssetIo): string[] {
  const out: string[] = [];
  const segs = target.split('/');
  for (let i = segs.length - 1; i >= 0; i--) out.push(segs.slice(0, i).join('/'));
  for (const d of ['web', 'ui', 'frontend', 'client', 'webui', 'web/app', 'app']) if (!out.includes(d)) out.push(d);
  return out.filter((d) => io.read(join(d, 'package.json')) !== null);
}

/**
 * The output folder a front-end's build configuration names, relative to its folder: vite's
 * `build.outDir`, Vue CLI's `outputDir` (vue.config.js: semaphore `outputDir: '../api/public'`),
 * SvelteKit adapter-static's `pages` (svelte.config.js: pocket-id `pages:
 * process.env.BUILD_OUTPUT_PATH ?? '../backend/frontend/dist'`, the literal after `??`/`||` being
 * the default).
 */
function configuredOutput(dir: string, io: AssetIo): { path: string; via: string } | null {
  const literal = `['"\`]([^'"\`$]+)['"\`]`;
  const configs: { files: string[]; key: RegExp; via: string }[] = [
    { files: ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts'], key: new RegExp(`\\boutDir\\s*:\\s*${literal}`), via: 'vite outDir' },
    { files: ['vue.config.js', 'vue.config.cjs', 'vue.config.mjs', 'vue.config.ts'], key: new RegExp(`\\boutputDir\\s*:\\s*${literal}`), via: 'vue.config.js outputDir' },
    { files: ['svelte.config.js', 'svelte.config.mjs', 'svelte.config.ts'], key: new RegExp(`\\bpages\\s*:\\s*(?:[A-Za-z_$][\\w$.]*\\s*(?:\\?\\?|\\|\\|)\\s*)?${literal}`), via: 'svelte.config.js adapter pages' },
  ];
  for (const c of configs) {
    for (const f of c.files) {
      const text = io.read(join(dir, f));
      if (text === null) continue;
      const m = c.key.exec(text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''));
      if (m) return { path: m[1], via: c.via };
    }
  }
  return null;
}

/**
 * Where a front-end's build script writes when its tool says so plainly, relative to its folder:
 * webpack's `output.path` (`path.resolve(__dirname, 'dist')` in the config the script names, dagu's
 * webpack.prod.js), Nuxt 3+'s `nuxt generate` (`.output/public`, homebox), or a configured
 * vite/Vue CLI/SvelteKit folder (configuredOutput). Null when it cannot be told.
 */
function scriptOutput(dir: string, cmd: string, pkgText: string, io: AssetIo): { path: string; via: string } | null {
  const strip = (t: string) => t.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  if (/\bwebpack\b/.test(cmd)) {
    const named = /--config[ =]([A-Za-z0-9_./-]+)/.exec(cmd)?.[1];
    const files = named ? [named] : ['webpack.config.js', 'webpack.config.cjs', 'webpack.config.mjs', 'webpack.config.ts'];
    for (const f of files) {
      if (f.includes('..')) continue;
      const text = io.read(join(dir, f.replace(/^\.\//, '')));
      if (text === null) continue;
      const m = /\boutput\s*:\s*\{[^{}]*?\bpath\s*:\s*path\.(?:resolve|join)\(\s*__dirname\s*,\s*['"`]([^'"`$]+)['"`]\s*\)/.exec(strip(text));
      if (m) return { path: nodePath.posix.normalize(m[1]).replace(/\/$/, ''), via: `webpack output.path in ${join(dir, f.replace(/^\.\//, ''))}` };
    }
    return null;
  }
  if (/\bnux[ti]\s+generate\b/.test(cmd)) {
    // Nuxt 3 and later write .output/public (Nuxt 2 wrote dist/); a config that moves it is not followed.
    const version = /"nuxt"\s*:\s*"[~^>=\s]*([0-9]+)/.exec(pkgText)?.[1];
    const config = ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'].map((f) => io.read(join(dir, f))).find((t) => t !== null) ?? '';
    if (version === undefined || Number(version) < 3 || /\b(publicDir|output)\s*:/.test(strip(config))) return null;
    return { path: '.output/public', via: `nuxt generate (Nuxt ${version}) writes .output/public` };
  }
  const esbuild = esbuildOutput(dir, cmd, io);
  if (esbuild) return esbuild;
  if (/\b(vite|vue-cli-service|svelte-kit)\b/.test(cmd)) {
    const c = configuredOutput(dir, io);
    if (c) return { path: nodePath.posix.normalize(c.path).replace(/\/$/, ''), via: c.via };
    if (/\bvite\b/.test(cmd)) return { path: 'dist', via: 'vite build writes dist' };
  }
  return null;
}

/**
 * Where an esbuild build writes, relative to the package.json folder: `esbuild … --outdir=X` in the
 * script, or the `outdir: "X"` (or `outfile: "X/app.js"`) of the esbuild options in the file a
 * `node build.js` script runs (yarr's build.js `outdir: "src/assets/static"`, mailpit's
 * esbuild.config.mjs `outdir: "server/ui/dist/"`). Null when it cannot be told.
 */
function esbuildOutput(dir: string, cmd: string, io: AssetIo): { path: string; via: string } | null {
  const clean = (p: string) => nodePath.posix.normalize(p.replace(/^\.\//, '')).replace(/\/$/, '');
  const flag = /\besbuild\b[^&|;]*?--out(dir|file)[= ]([A-Za-z0-9_./-]+)/.exec(cmd);
  if (flag) {
    const p = flag[1] === 'dir' ? flag[2] : nodePath.posix.dirname(flag[2]);
    return p.includes('..') || p.startsWith('/') ? null : { path: clean(p), via: `esbuild --out${flag[1]}=${flag[2]}` };
  }
  const script = /\bnode\s+(?:--[a-z-]+\s+)*\.?\/?([A-Za-z0-9_./-]+\.(?:m|c)?js)\b/.exec(cmd)?.[1];
  if (script === undefined || script.includes('..')) return null;
  const text = io.read(join(dir, script));
  if (text === null || !/(?:from\s+|require\(\s*|import\(\s*)['"]esbuild['"]/.test(text)) return null;
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const outs = [...code.matchAll(/\bout(dir|file)\s*:\s*['"`]([^'"`$]+)['"`]/g)].map((m) => ({ key: m[1], p: m[1] === 'dir' ? m[2] : nodePath.posix.dirname(m[2]) }));
  const paths = [...new Set(outs.map((o) => clean(o.p)))];
  // Several builds writing different folders: which one is embedded cannot be told.
  if (paths.length !== 1 || paths[0].includes('..') || paths[0].startsWith('/') || paths[0] === '.') return null;
  return { path: paths[0], via: `esbuild out${outs[0].key} in ${join(dir, script)}` };
}

/** Files that say how the project builds: where it copies a front-end's output. */
const PROJECT_BUILD_FILE = /(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile|Makefile|GNUmakefile|[^/]*\.mk|Taskfile\.ya?ml|justfile|[^/]*\.sh|\.gitlab-ci\.ya?ml|\.github\/workflows\/[^/]*\.ya?ml)$/;

/**
 * A line of the project's build files that copies a front-end's output folder into the embedded
 * one (dagu's Dockerfile `COPY --from=ui-builder /app/dist/ ./internal/service/frontend/assets/`,
 * homebox's Taskfile `cp -r ./.output/public ../backend/app/api/static/`): `file:line`, or null.
 * The source names the output (`dist`, `.output/public`, or its context path); the destination is
 * the embedded folder or its parent, written from the context root or from a folder below it
 * (at least two path segments of it, so a bare `dist` never matches).
 */
function projectCopies(output: string, outputTail: string, target: string, io: AssetIo): string | null {
  if (!io.listFiles) return null;
  const norm = (t: string) => {
    let x = t.replace(/^["']|["']$/g, '');
    while (/^\.\.?\//.test(x)) x = x.replace(/^\.\.?\//, '');
    return x.replace(/^\/+/, '').replace(/\/(\*|\.)?$/, '').replace(/\/+$/, '');
  };
  const endsWith = (path: string, tail: string) => path === tail || path.endsWith('/' + tail);
  const base = nodePath.posix.basename(outputTail);
  for (const f of io.listFiles('')) {
    if (!PROJECT_BUILD_FILE.test(f.path) || f.path.split('/').length > 4 || f.path.includes('node_modules/')) continue;
    const text = io.read(f.path);
    if (text === null || !text.includes(base)) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim().replace(/^-\s+/, '');
      if (line.startsWith('#') || !/^(?:RUN\s+)?(?:COPY|ADD|cp|rsync|mv)\b/.test(line)) continue;
      const words = line.split(/\s+/).filter((w) => !w.startsWith('-')).slice(1).map(norm).filter((w) => w !== '');
      if (words.length < 2) continue;
      const dest = words[words.length - 1];
      const sources = words.slice(0, -1);
      if (!sources.some((src) => endsWith(src, outputTail) || endsWith(src, output))) continue;
      const fits = (d: string) => d.split('/').length >= 2 && endsWith(target, d);
      if (fits(dest) || fits(`${dest}/${base}`)) return `${f.path}:${i + 1}`;
    }
  }
  return null;
}

/**
 * A front-end build script that likely produces an embedded folder although nothing ties its
 * output to it: for the Check, so it names the script instead of claiming there is none.
 */
export function likelyWebScript(target: string, io: AssetIo): string | null {
  for (const dir of packageJsonDirs(target, io)) {
    const read = readPackageJson(dir, io);
    if (!read) continue;
    const { pkg, text } = read;
    const build = Object.entries(pkg.scripts ?? {}).find(([name, cmd]) => name === 'build' && /\b(vite|webpack|ng|react-scripts|next|nuxt|nuxi|rollup|parcel|vue-cli-service|svelte-kit|esbuild|tsc)\b/.test(cmd));
    if (!build) continue;
    const out = scriptOutput(dir, build[1], text, io);
    return `${join(dir, 'package.json')}'s "build" script (${JSON.stringify(build[1])}) likely produces it${out ? `: it writes ${join(dir, out.path)} (${out.via}), and no build file of the project says it is copied to ${target}` : ', but where it writes is not stated plainly'}. Build it and put the output in ${target} before \`docker build\`, or add those steps to the Dockerfile`;
  }
  return null;
}

function ancestors(dir: string): string[] {
  if (dir === '') return [];
  const segs = dir.split('/');
  return segs.map((_, i) => segs.slice(0, i).join('/'));
}

/** A package.json script that writes `target`, or null. */
export function webStageFor(target: string, io: AssetIo): WebStage | null {
  for (const dir of packageJsonDirs(target, io)) {
    const read = readPackageJson(dir, io);
    if (!read) continue;
    const { pkg } = read;
    const scripts = Object.entries(pkg.scripts ?? {});
    const fromDir = nodePath.posix.relative(dir === '' ? '.' : dir, target);
    // A script naming the output folder (`vite build --outDir=../server/dist`) wins.
    let script = scripts.find(([, cmd]) => /\b(build|vite|webpack|ng|react-scripts|next|tsc|rollup|parcel)\b/.test(cmd) && new RegExp(`(^|[\\s=])(\\./)?${fromDir.replace(/[.+^${}()|[\]\\]/g, '\\$&')}/?(\\s|$)`).test(cmd));
    let why = script ? `its script "${script[0]}" writes ${fromDir}` : '';
    if (!script) {
      const configured = configuredOutput(dir, io);
      const outDir = configured?.path;
      const produced = outDir ?? (dir === nodePath.posix.dirname(target) || (dir === '' && !target.includes('/')) ? nodePath.posix.basename(target) : undefined);
      if (produced && ['dist', 'build', 'out', fromDir].includes(nodePath.posix.normalize(produced)) && nodePath.posix.normalize(produced) === fromDir) {
        script = scripts.find(([name]) => name === 'build');
        if (script) why = `its "build" script writes ${fromDir}${configured ? ` (${configured.via})` : ' (the usual output folder)'}`;
      }
    }
    if (!script) {
      // The tool the "build" script runs says where it writes (esbuild outdir, webpack output.path).
      const build = scripts.find(([name]) => name === 'build');
      const out = build ? scriptOutput(dir, build[1], io.read(join(dir, 'package.json')) ?? '', io) : null;
      if (build && out && nodePath.posix.normalize(out.path) === fromDir) {
        script = build;
        why = `its "build" script writes ${fromDir} (${out.via})`;
      }
    }
    let from: string | undefined;
    if (!script) {
      // The build script writes elsewhere, and the project copies that folder into the embedded one.
      const build = scripts.find(([name]) => name === 'build');
      const out = build ? scriptOutput(dir, build[1], io.read(join(dir, 'package.json')) ?? '', io) : null;
      const written = out ? join(dir, out.path) : null;
      const at = out && written && !written.startsWith('..') && written !== target ? projectCopies(written, out.path, target, io) : null;
      if (build && out && written && at) {
        script = build;
        from = written;
        why = `its "build" script writes ${written} (${out.via}), and the project copies that folder to ${target} (${at})`;
      }
    }
    if (!script) continue;
    const has = (f: string) => io.read(join(dir, f)) !== null;
    // A member of a pnpm workspace (the lockfile and pnpm-workspace.yaml in a parent folder,
    // pocket-id's frontend/): installing it alone ignores the workspace's lockfile and settings.
    if (!['pnpm-lock.yaml', 'yarn.lock', 'package-lock.json'].some(has) && ancestors(dir).some((a) => io.read(join(a, 'pnpm-workspace.yaml')) !== null)) continue;
    const manifests = [join(dir, 'package.json')];
    let install: string;
    let cache: string;
    let run: string;
    if (has('pnpm-lock.yaml')) {
      manifests.push(join(dir, 'pnpm-lock.yaml'));
      install = 'corepack enable && pnpm install --frozen-lockfile';
      cache = '/root/.local/share/pnpm/store';
      run = `pnpm run ${script[0]}`;
    } else if (has('yarn.lock')) {
      manifests.push(join(dir, 'yarn.lock'));
      install = 'corepack enable && yarn install --frozen-lockfile';
      cache = '/usr/local/share/.cache/yarn';
      run = `yarn run ${script[0]}`;
    } else {
      const lock = has('package-lock.json');
      if (lock) manifests.push(join(dir, 'package-lock.json'));
      install = lock ? 'npm ci' : 'npm install';
      cache = '/root/.npm';
      run = `npm run ${script[0]}`;
    }
    return { dir, manifests, install, cache, build: run, outputs: [target], ...(from !== undefined ? { from } : {}), why: `${join(dir, 'package.json')}: ${why}` };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Files read at run time

export interface RuntimeRead {
  /** Context-relative path the program opens (relative to its working directory). */
  path: string;
  via: string;
  file: string;
  /** The program reads it only when it exists (`if _, err := os.Stat(…); err == nil {`): the check, shown. */
  optional?: string;
}

/** Calls whose string argument is a path the program reads at run time. */
const READ_CALLS: { re: RegExp; arg: number }[] = [
  { re: /\b(?:template\.)?(ParseGlob|ParseFiles|LoadHTMLGlob|LoadHTMLFiles)\(/g, arg: 0 },
  { re: /\bhttp\.Dir\(/g, arg: 0 },
  { re: /\.(Static|StaticFile)\(/g, arg: 1 },
  { re: /\bos\.(ReadFile|Open)\(/g, arg: 0 },
];

function firstStringArgs(text: string, open: number, count: number): string[] | null {
  const rest = text.slice(open + 1, open + 400);
  const args = rest.split(',').slice(0, count + 1).map((a) => a.trim());
  return args;
}

/** Relative paths the compiled packages open at run time (string literals only). */
export function runtimeReads(model: WorkspaceModel, packages: readonly string[], io: AssetIo, configDefaults: readonly { path: string; via: string; file: string }[]): RuntimeRead[] {
  const out: RuntimeRead[] = [...configDefaults];
  for (const dir of packages) {
    const p = packageByDir(model, dir);
    if (!p) continue;
    for (const f of p.files) {
      const raw = io.read(join(p.dir, f));
      if (raw === null) continue;
      const text = stripGoComments(raw);
      for (const { re, arg } of READ_CALLS) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const args = firstStringArgs(text, m.index + m[0].length - 1, arg);
          const lit = args ? /^"([^"\\]+)"/.exec(args[arg] ?? '')?.[1] : undefined;
          if (!lit || lit.startsWith('/') || /^[a-z]+:/.test(lit) || lit.includes('..') || lit === '.' || lit === './') continue;
          const path = literalPath('', lit);
          // The module files are read by tools (version lookups), not by a deployed program.
          if (path === '' || /^go\.(mod|sum|work)$/.test(path) || out.some((o) => o.path === path)) continue;
          out.push({ path, via: `${m[0].replace(/\($/, '')}("${lit}")`, file: join(p.dir, f) });
        }
      }
    }
  }
  return out;
}

/**
 * An existence check guarding the read of the file a flag names (podinfo: `if _, fileErr :=
 * os.Stat(filepath.Join(viper.GetString("config-path"), viper.GetString("config"))); fileErr == nil {`
 * before viper.ReadInConfig): the check as written, shortened, or null. The flag counts when the
 * Stat argument names it (`"config"`) or the variable it is bound to (`&cfgFile`).
 */
function existenceCheck(text: string, flag: string, variable: string | undefined): string | null {
  const stat = /\bos\.Stat\(([^;{}\n]*)\)\s*;\s*(?:([A-Za-z_][A-Za-z0-9_]*)\s*==\s*nil|!\s*os\.IsNotExist\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\))\s*\{/g;
  const v = variable?.split('.').pop();
  for (const m of text.matchAll(stat)) {
    const arg = m[1];
    if (!arg.includes(`"${flag}"`) && !(v !== undefined && new RegExp(`\\b${v}\\b`).test(arg))) continue;
    const shown = m[0].replace(/\s+/g, ' ').replace(/\s*\{$/, '');
    return shown.length > 90 ? `${shown.slice(0, 40)}…${shown.slice(-40)}` : shown;
  }
  return null;
}

/** Default values of `config`-like flags that name a relative file (`-c config/settings.yml`; docopt's `[default: ircd.yaml]`). */
export function configFlagDefaults(file: string, source: string): RuntimeRead[] {
  const text = stripGoComments(source);
  const out: RuntimeRead[] = [];
  const re = /\.String(Var)?(P)?\(\s*(?:&([A-Za-z_][A-Za-z0-9_.]*)\s*,\s*)?"(config|conf|config-file|configfile|c|settings)"\s*,\s*(?:"[a-z]"\s*,\s*)?"([^"\\]+\.(?:ya?ml|json|toml|ini|conf|env|hcl))"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const p = m[5];
    if (p.startsWith('/') || p.includes('..')) continue;
    const optional = existenceCheck(text, m[4], m[3]);
    out.push({ path: literalPath('', p), via: `flag -${m[4]} default "${p}"`, file, ...(optional ? { optional } : {}) });
  }
  // docopt's options section: `--conf <filename>  Configuration file to use [default: ircd.yaml].` (ergo).
  const docopt = /^[ \t]*(?:-[a-z],?\s+)?--(config|conf|config-file|configfile|settings)[ =]<[^>\n]+>[^\n]*?\[default:\s*([^\]\s/][^\]\s]*\.(?:ya?ml|json|toml|ini|conf|env|hcl))\]/gm;
  for (let m = docopt.exec(text); m; m = docopt.exec(text)) {
    const p = m[2];
    if (p.includes('..') || out.some((o) => o.path === literalPath('', p))) continue;
    out.push({ path: literalPath('', p), via: `docopt option --${m[1]} [default: ${p}]`, file });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Configuration files committed in the repository and read from the working directory

/** Folders that hold a program's configuration. */
const CONFIG_DIRS = new Set(['conf', 'config', 'configs', 'etc']);
const CONFIG_EXT = /\.(conf|ya?ml|json|toml|ini|hcl|properties|cfg)$/i;
/** Files that must not be baked into an image: keys, certificates, credentials, .env files. */
const SECRET_NAME = /(^|\/)\.env(\.|$)|\.(key|pem|p12|pfx|jks|keystore|crt|cer|der|kdbx)$|(^|[/._-])(secrets?|credentials?|passwords?|tokens?|private|id_rsa|id_ed25519)([._-]|$)/i;
/** Scripts and documents that only talk about keys (temporal's config/jwt/generate-token.sh). */
const NOT_DATA = /\.(sh|bash|ps1|py|md|txt|rst|adoc|go)$/i;
const SECRET_FILE = { test: (path: string) => SECRET_NAME.test(path) && !NOT_DATA.test(path) };
/** A configuration folder copied whole stays small: at most this many files and bytes. */
const CONFIG_DIR_FILES = 100;
const CONFIG_DIR_BYTES = 2 * 1024 * 1024;

export interface ConfigRead {
  /** The path as the program names it, relative to its working directory. */
  path: string;
  /** The context path that holds it (the module folder's, else the context root's). */
  found: string;
  kind: 'file' | 'dir';
  via: string;
  file: string;
}

export interface ConfigProblem {
  path: string;
  via: string;
  file: string;
  /** Why it is not copied (a key or credential file, too big). */
  why: string;
}

/**
 * String literals of the compiled packages that name a configuration file or folder committed
 * under conf/, config/, configs/ or etc/ (casdoor's `defaultConfigPath = "conf/app.conf"`, read by
 * web.LoadAppConfig; ekuiper's `etcDir = "etc"`, joined with the working directory to find
 * etc/kuiper.yaml). Such a program reads them from its working directory and stops without them.
 *
 * A file counts when the literal is its whole relative path and its extension is a
 * configuration format; a folder when the literal is its bare name (`etc`, `./conf`), it is a
 * variable or constant named …Dir/…Path/…Folder or an argument of filepath.Join or
 * AddConfigPath, and the folder holds configuration files and no Go sources. Folders with a key
 * or credential file, or bigger than 100 files or 2 MB, are reported, not copied.
 */
export function configReads(packages: readonly { dir: string; files: readonly { file: string; text: string }[] }[], base: string, io: AssetIo): { reads: ConfigRead[]; problems: ConfigProblem[] } {
  const reads: ConfigRead[] = [];
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const list = (dir: string) => (io.listFiles ? io.listFiles(dir).filter((f) => f.path.startsWith(dir + '/')) : []);
  for (const p of packages) {
    for (const f of p.files) {
      const text = stripGoComments(f.text);
      const file = join(p.dir, f.file);
      for (const m of text.matchAll(/"((?:\.\/)?(?:conf|config|configs|etc)(?:\/[A-Za-z0-9_.\-/]*)?)"/g)) {
        const lit = m[1];
        const path = literalPath('', lit);
        if (path === '' || path.includes('..') || seen.has(path)) continue;
        const top = path.split('/')[0];
        if (!CONFIG_DIRS.has(top)) continue;
        const where = [join(base, path), path].filter((c, i, all) => all.indexOf(c) === i);
        if (path.includes('/')) {
          // A configuration file named by its whole path.
          if (!CONFIG_EXT.test(path)) continue;
          const found = where.find((c) => io.read(c) !== null);
          if (!found) continue;
          seen.add(path);
          const via = `"${lit}"`;
          if (SECRET_FILE.test(path)) problems.push({ path, via, file, why: 'its name says it holds a key or credentials, which must not be baked into an image' });
          else reads.push({ path, found, kind: 'file', via, file });
          continue;
        }
        // A configuration folder named bare: only where the literal is used as a folder.
        const before = text.slice(Math.max(0, m.index! - 80), m.index!);
        const decl = /\b([A-Za-z_][A-Za-z0-9_]*(?:Dir|DIR|Path|PATH|Folder|FOLDER|Loc))\s*(?::=|=)\s*$/.exec(before);
        const call = /\b((?:filepath|path)\.Join|AddConfigPath)\(\s*$/.exec(before);
        if (!decl && !call) continue;
        const via = decl ? `${decl[1]} = "${lit}"` : `${call![1]}("${lit}"${call![1] === 'AddConfigPath' ? '' : ', …'})`;
        for (const c of where) {
          const files = list(c);
          if (files.length === 0 || files.some((x) => x.path.endsWith('.go')) || !files.some((x) => CONFIG_EXT.test(x.path))) continue;
          seen.add(path);
          const secret = files.find((x) => SECRET_FILE.test(x.path.slice(c.length + 1)));
          const bytes = files.reduce((s, x) => s + (x.size ?? 0), 0);
          if (secret) problems.push({ path, via, file, why: `it holds ${secret.path}, whose name says it is a key or credentials, which must not be baked into an image` });
          else if (files.length > CONFIG_DIR_FILES || bytes > CONFIG_DIR_BYTES) problems.push({ path, via, file, why: `it is big (${files.length} files, ${Math.round(bytes / 1024)} kB)` });
          else reads.push({ path, found: c, kind: 'dir', via, file });
          break;
        }
      }
    }
  }
  return { reads, problems };
}

/** System folders a program names for what the image's base provides or it creates itself. */
const SYSTEM_DIRS = new Set(['etc', 'tmp', 'usr', 'var', 'proc', 'dev', 'sys', 'bin', 'sbin', 'lib', 'lib64', 'run', 'home', 'root', 'opt', 'mnt', 'srv', 'data', 'app', 'src', 'go']);
/** Calls that open files by path: a package naming a folder must also read files somewhere. */
const FILE_READS = /\bos\.(?:Open|OpenFile|ReadFile|ReadDir|Stat)\(|\bhttp\.(?:Dir|ServeFile)\(|\bioutil\.ReadFile\(|\b(?:ParseGlob|ParseFiles)\(/;

export interface AbsoluteRead {
  /** The absolute folder the program names (`/www`). */
  path: string;
  /** The context folder that holds its files (`images/custom-error-pages/rootfs/www`). */
  found: string;
  via: string;
  file: string;
}

/**
 * Absolute folders the program reads whose files the module ships at the same path under its
 * folder (ingress-nginx's custom-error-pages: `errFilesPath := "/www"` beside rootfs/www, whose
 * 404.html… it opens with os.Open(fmt.Sprintf("%v/%v%v", path, code, ext)); the project's image
 * copies www to /www). Precise only: the literal is assigned to a variable or constant named like
 * a folder (…Path, …Dir, …Root, …Folder), or is the default of a flag named so; the package
 * opens files (os.Open, os.ReadFile, http.Dir…); the folder is one level below the module folder
 * (or the context root), holds files and no Go sources, and is not a system folder (/etc, /tmp,
 * /var, /data…, which the image or the program provides).
 */
export function absoluteDirReads(packages: readonly { dir: string; files: readonly { file: string; text: string }[] }[], base: string, io: AssetIo): AbsoluteRead[] {
  const out: AbsoluteRead[] = [];
  if (!io.listFiles) return out;
  const named = /\b([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|=)\s*"\/([A-Za-z0-9_.-]+)\/?"|\.String(?:Var)?P?\(\s*(?:&[A-Za-z_][A-Za-z0-9_.]*\s*,\s*)?"([a-z][a-z0-9._-]*)"\s*,\s*(?:"[a-z]"\s*,\s*)?"\/([A-Za-z0-9_.-]+)\/?"/g;
  for (const p of packages) {
    const texts = p.files.map((f) => ({ file: join(p.dir, f.file), text: stripGoComments(f.text) }));
    if (!texts.some((t) => FILE_READS.test(t.text))) continue;
    for (const t of texts) {
      for (const m of t.text.matchAll(named)) {
        const name = m[1] ?? m[3];
        const folder = m[2] ?? m[4];
        if (!/(?:path|dir|root|folder)$/i.test(name) || SYSTEM_DIRS.has(folder.toLowerCase()) || out.some((o) => o.path === `/${folder}`)) continue;
        for (const c of [join(base, folder), folder].filter((x, i, all) => all.indexOf(x) === i)) {
          const files = io.listFiles(c).filter((f) => f.path.startsWith(c + '/'));
          if (files.length === 0 || files.length > CONFIG_DIR_FILES || files.some((f) => f.path.endsWith('.go'))) continue;
          out.push({ path: `/${folder}`, found: c, via: m[1] !== undefined ? `${name} = "/${folder}"` : `flag -${name} default "/${folder}"`, file: t.file });
          break;
        }
      }
    }
  }
  return out;
}

/**
 * A `config` flag with no default (bundler-node's `StringVar(&configFile, "config", "", …)`)
 * and a sample configuration in the repository named after the program or `config`
 * (etc/bundler-node.conf.sample; `.example`, `.dist`, `.default` too, not a plain
 * config/gitleaks.toml, which gitleaks embeds as its default): the program is meant to run with that file, and the image has
 * none. Returns the flag and the samples (root, conf/, config/, configs/, etc/), or null.
 */
export function configFlagSamples(packages: readonly { dir: string; files: readonly { file: string; text: string }[] }[], names: readonly string[], io: AssetIo): { flag: string; file: string; samples: string[] } | null {
  let flag: { flag: string; file: string } | null = null;
  const re = /\.String(?:Var)?P?\(\s*(?:&[A-Za-z_][A-Za-z0-9_.]*\s*,\s*)?"(config|conf|config-file|configfile|c)"\s*,\s*(?:"[a-z]"\s*,\s*)?""\s*,/;
  for (const p of packages) {
    for (const f of p.files) {
      if (!f.text.includes('"config') && !f.text.includes('"conf') && !f.text.includes('"c"')) continue;
      const m = re.exec(stripGoComments(f.text));
      if (m) {
        flag = { flag: m[1].length === 1 ? `-${m[1]}` : `--${m[1]}`, file: join(p.dir, f.file) };
        break;
      }
    }
    if (flag) break;
  }
  if (!flag || !io.listFiles) return null;
  const stems = names.map((n) => n.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('|');
  const sample = new RegExp(`^(?:${stems}|config)(?:[._-](?:sample|example|dist|default))?\\.(?:conf|ya?ml|json|toml|ini|hcl)(?:\\.(?:sample|example|dist|default))?$`, 'i');
  const samples: string[] = [];
  for (const dir of ['', 'conf', 'config', 'configs', 'etc']) {
    for (const f of io.listFiles(dir)) {
      const rest = dir === '' ? f.path : f.path.startsWith(dir + '/') ? f.path.slice(dir.length + 1) : null;
      if (rest === null || rest.includes('/') || !sample.test(rest) || SECRET_FILE.test(rest)) continue;
      // Only a sample: a plain `<name>.toml` is often the program's built-in default, embedded
      // (gitleaks's config/gitleaks.toml), so the program runs without --config.
      if (!/[._-](sample|example|dist|default)\b/i.test(rest)) continue;
      if (!samples.includes(f.path)) samples.push(f.path);
    }
  }
  return samples.length > 0 ? { ...flag, samples: samples.slice(0, 3) } : null;
}

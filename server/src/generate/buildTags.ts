/**
 * Build tags the program needs: files of the packages it compiles that only build with a custom
 * tag (`//go:build postgres`, golang-migrate's internal/cli/build_*.go, which register every
 * database driver), and the tags the project's own build states plainly: a `go build`/`go
 * install` line of a Makefile that builds the same package with `-tags …` (variables expanded
 * from the Makefile's own assignments), or .goreleaser.yml's `-tags=…` flag. When the stated tags
 * select gated files, the generated build uses them; when gated files exist and no tags are
 * stated, a warning says what a plain build leaves out. A Makefile target named for development,
 * debugging or tests (beszel's `build-hub-dev: go build -tags development`) states nothing.
 */
import * as nodePath from 'node:path';
import { goCommandOf, goFlag, goPackages } from '../dockerfile/facts';
import { GO_IN_TEXT } from '../dockerfile/indirectGo';
import type { DockerfileModel } from '../dockerfile/model';
import { parseDockerfile } from '../dockerfile/parse';
import { outlineScript } from '../dockerfile/shell';
import { LineTable } from '../dockerfile/text';
import { stageBuilds, type GoBuild } from '../facts/builtPackages';
import { evalConstraint, parseGoFile } from '../workspace/goImports';
import type { WorkspaceModel } from '../workspace/model';
import { goreleaserItems } from '../dockerfile/goreleaser';
import { DOCKERFILE_NAME } from './ownBuild';
import { requiredTags, type RequiredTag } from './requiredTags';
import { packageByDir } from '../workspace/query';

export interface TagIo {
  readFile(rel: string): string | null;
  listFiles(under?: string): readonly { path: string }[];
}

export interface GatedFile {
  file: string;
  constraint: string;
  /** The custom tags the constraint names (not GOOS/GOARCH/cgo/go1.x). */
  tags: string[];
  /**
   * An import of the file that makes even a CGO_ENABLED=0 binary dynamically linked
   * (github.com/ebitengine/purego: beszel's agent/gpu_nvml_linux.go behind `glibc`), or undefined.
   */
  dynamic?: string;
}

/** Packages whose import makes a CGO_ENABLED=0 binary ask for the system's dynamic loader (ld-linux, libc) at start. */
const DYNAMIC_IMPORT = /^github\.com\/ebitengine\/purego(\/|$)/;

export interface TagDecision {
  tags: string[];
  reasons: string[];
  warnings: string[];
  /** The gated files the tags select (their imports are part of the program: a cgo driver). */
  selected: GatedFile[];
}

const PLATFORM = /^(linux|unix|gc|gccgo|cgo|go1\.[0-9]+|aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|nacl|netbsd|openbsd|plan9|solaris|wasip1|windows|zos|386|amd64|amd64p32|arm|armbe|arm64|arm64be|loong64|mips|mipsle|mips64|mips64le|ppc|ppc64|ppc64le|riscv|riscv64|s390|s390x|sparc|sparc64|wasm)$/;
/** Tags that gate tests, tools or debugging, not features of the shipped program. */
const NOT_A_FEATURE = /^(ignore|ci|tools?|generate|gen|integration|e2e|test.*|.*_test|mock.*|example.*|bench.*|(?:go)?fuzz(?:ing|_libfuzzer)?|race|debug|dev|devel|develop|development|appengine|purego|noasm|nethttpomithttp2|wireinject|codegen|manual|skip.*|slow|long|unit|functional|acceptance|windows_.*)$/i;

/** What a gated file that makes the binary dynamic means for the runtime (empty without one). */
function dynamicNote(gated: readonly GatedFile[]): string {
  const d = gated.filter((g) => g.dynamic !== undefined);
  if (d.length === 0) return '';
  return `; but ${d.slice(0, 2).map((g) => `${g.file} imports ${g.dynamic}`).join(', ')}, which makes the binary dynamically linked even with CGO_ENABLED=0: with those tags the static runtime cannot start it (use a runtime with glibc, --runtime debian)`;
}

/** Make targets (and Dockerfile names) that build for development, debugging or tests, not the shipped program. */
export const DEV_TARGET = /(^|[-_./])(dev|devel|develop|development|debug|dbg|test|tests|watch|race)([-_./]|$)/i;

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Non-test .go files of the packages (folders) that build only with a custom tag. */
export function gatedFiles(dirs: readonly string[], io: TagIo): GatedFile[] {
  const out: GatedFile[] = [];
  for (const dir of dirs) {
    for (const f of io.listFiles(dir)) {
      const rest = dir === '' ? f.path : f.path.startsWith(dir + '/') ? f.path.slice(dir.length + 1) : null;
      // testutil.go, testing_helpers.go: test helpers behind a tag, not features.
      if (rest === null || rest.includes('/') || !rest.endsWith('.go') || rest.endsWith('_test.go') || /test/i.test(rest)) continue;
      const text = io.readFile(f.path);
      if (text === null) continue;
      const c = parseGoFile(text.slice(0, 4096)).constraint;
      if (c === null) continue;
      // The custom tags the constraint asks for (not those it asks to be absent: writefreely's
      // database-sqlite.go is `sqlite && !wflib`), and it must be off in a plain build and on
      // with them (`!sqlite && !wflib`, the default file, is not gated).
      const ids = [...c.matchAll(/(!\s*)?([A-Za-z0-9_.]+)/g)].filter((m) => m[1] === undefined && !PLATFORM.test(m[2])).map((m) => m[2]);
      if (ids.length === 0 || ids.some((t) => NOT_A_FEATURE.test(t))) continue;
      if (evalConstraint(c, null) !== 0 || !selectedBy(c, ids)) continue;
      const dynamic = parseGoFile(text).imports.find((i) => DYNAMIC_IMPORT.test(i));
      out.push({ file: f.path, constraint: c, tags: [...new Set(ids)], ...(dynamic ? { dynamic } : {}) });
    }
  }
  return out;
}

/** Non-test .go files of the packages that a plain build compiles and a build with these tags surely leaves out (`//go:build !assetsembedded`). */
function deselectedFiles(dirs: readonly string[], io: TagIo, tags: readonly string[]): { file: string; constraint: string }[] {
  const set = new Set(tags);
  const out: { file: string; constraint: string }[] = [];
  for (const dir of dirs) {
    for (const f of io.listFiles(dir)) {
      const rest = dir === '' ? f.path : f.path.startsWith(dir + '/') ? f.path.slice(dir.length + 1) : null;
      if (rest === null || rest.includes('/') || !rest.endsWith('.go') || rest.endsWith('_test.go')) continue;
      const text = io.readFile(f.path);
      const c = text === null ? null : parseGoFile(text.slice(0, 4096)).constraint;
      if (c === null || evalConstraint(c, null) !== 1) continue;
      if (evalConstraint(c.replace(/[A-Za-z0-9_.]+/g, (t) => (set.has(t) ? 'linux' : t)), null) === 0) out.push({ file: f.path, constraint: c });
    }
  }
  return out;
}

/**
 * A file go-bindata wrote in its development mode (`go-bindata -dev`: "reads file data from
 * disk"): what it says about the binary, naming the assets it reads at run time; else null.
 */
function bindataDev(file: string, io: TagIo): string | null {
  const text = io.readFile(file);
  if (text === null || !/^\/\/ Code generated by go-bindata\b/m.test(text) || !/reads file data from disk/.test(text)) return null;
  const sources = /^\/\/ sources:\n((?:\/\/ .*\n)+)/m.exec(text)?.[1].split('\n').map((l) => l.replace(/^\/\/ /, '').replace(/ \([^)]*\)$/, '').trim()).filter((l) => l !== '') ?? [];
  return `${file} is go-bindata's development mode: it reads ${sources.length > 0 ? sources.slice(0, 3).join(', ') : 'its assets'} from disk at run time, from the folder the program finds near its working directory, and the image has ${sources.length > 1 ? 'none of them' : 'no such file'} (the project's tagged build embeds ${sources.length > 1 ? 'them' : 'it'}).`;
}

/** Does a build with these custom tags compile a file of this constraint (linux, any GOARCH, cgo either way)? */
export function selectedBy(constraint: string, tags: readonly string[]): boolean {
  // A tag the build sets is as true as `linux`.
  const set = new Set(tags);
  return evalConstraint(constraint.replace(/[A-Za-z0-9_.]+/g, (t) => (set.has(t) ? 'linux' : t)), null) !== 0;
}

/** Make variables assigned in the file (`VAR ?= …`, `VAR := …`, `VAR = …`), last one wins. */
export function makeVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)[ \t]*[?:]?=[ \t]*(.*)$/gm)) vars.set(m[1], m[2].trim());
  return vars;
}

/**
 * Variables assigned inside a Make conditional (`ifeq … endif`: beszel's `AGENT_GO_TAGS := -tags
 * glibc` only on glibc hosts): their value depends on the machine that runs make.
 */
function conditionalVariables(text: string): Set<string> {
  const out = new Set<string>();
  let depth = 0;
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    if (/^\s*(?:else\s+)?if(?:n?eq|n?def)\b/.test(line) && !/^\s*else\b/.test(line)) depth++;
    else if (/^\s*endif\b/.test(line)) depth = Math.max(0, depth - 1);
    else if (depth > 0) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*[?:+]?=/.exec(line);
      if (m) out.add(m[1]);
    }
  }
  return out;
}

/** `$(VAR)` / `${VAR}` / `{{ .Env.VAR }}` expanded; null when something stays unresolved. */
function expand(value: string, vars: ReadonlyMap<string, string>, depth = 0): string | null {
  if (depth > 5) return null;
  let ok = true;
  const out = value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\{\{\s*\.Env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, a, b, c) => {
    const v = vars.get(a ?? b ?? c);
    if (v === undefined) {
      ok = false;
      return '';
    }
    const e = expand(v, vars, depth + 1);
    if (e === null) ok = false;
    return e ?? '';
  });
  if (!ok || /\$[({]|\{\{/.test(out)) return null;
  return out;
}

/**
 * A recipe line with the Makefile's variables expanded where it defines them (writefreely's
 * `$(GOBUILD) -v -tags='netgo sqlite'` with `GOBUILD=$(GOCMD) build $(LDFLAGS)`, `GOCMD=go`), the
 * others left as written: only to see which command a line runs.
 */
export function expandKnown(line: string, vars: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 5) return line;
  return line.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (all, a, b) => {
    const v = vars.get(a ?? b);
    return v === undefined ? all : expandKnown(v, vars, depth + 1);
  });
}

/**
 * The Make targets of a Makefile that its default goal reaches (the first target, and its
 * prerequisites, transitively: writefreely's `all : build`, `build: deps`), read as text.
 */
function makeTargets(text: string): { defaultGoal: string | null; prerequisites: Map<string, string[]> } {
  const prerequisites = new Map<string, string[]>();
  let defaultGoal: string | null = null;
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    if (line.startsWith('\t')) continue;
    const m = /^([A-Za-z0-9_./-][^:=#\s]*(?:[ \t]+[A-Za-z0-9_./-][^:=#\s]*)*)[ \t]*:(?![=:])([^;#]*)/.exec(line);
    if (!m) continue;
    const prereqs = m[2].replace(/\|/g, ' ').split(/\s+/).filter((w) => w !== '' && !w.includes('$'));
    for (const t of m[1].split(/\s+/)) {
      if (t.includes('%')) continue;
      prerequisites.set(t, [...(prerequisites.get(t) ?? []), ...prereqs]);
      if (defaultGoal === null && !t.startsWith('.')) defaultGoal = t;
    }
  }
  // `.DEFAULT_GOAL := build` names it (beszel's Makefile, whose first target is clean).
  const named = [...text.matchAll(/^\.DEFAULT_GOAL[ \t]*[?:]?=[ \t]*([A-Za-z0-9_./-]+)[ \t]*$/gm)].pop();
  if (named) defaultGoal = named[1];
  return { defaultGoal, prerequisites };
}

/** Targets reached from `roots` through prerequisites. */
function reached(roots: readonly string[], prerequisites: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const t = todo.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    todo.push(...(prerequisites.get(t) ?? []));
  }
  return seen;
}

/** The Make targets a root Dockerfile's RUN lines run (`RUN make build && make ui`: build, ui); '' stands for the default goal. */
function dockerfileMakeTargets(io: TagIo): { file: string; targets: string[] }[] {
  const out: { file: string; targets: string[] }[] = [];
  for (const file of io.listFiles('').map((f) => f.path).filter((p) => DOCKERFILE_NAME.test(p) && !p.endsWith('.dockerignore') && !DEV_TARGET.test(p)).sort()) {
    const text = io.readFile(file);
    if (text === null) continue;
    const targets: string[] = [];
    // `make` where a command starts: right after RUN (and its flags), `&&`, `||`, `;` or `(`; not a package name (`apk add make`).
    for (const m of text.replace(/\\[ \t]*\r?\n/g, ' ').matchAll(/(?:^[ \t]*RUN(?:[ \t]+--\S+)*[ \t]+|&&[ \t]*|\|\|[ \t]*|;[ \t]*|\([ \t]*)make((?:[ \t]+[^\s;&|)]+)*)/gim)) {
      const words = m[1].trim().split(/\s+/).filter((w) => w !== '');
      const named = words.filter((w) => !w.startsWith('-') && !w.includes('=') && /^[A-Za-z0-9_./-]+$/.test(w));
      // `make -C dir`, `make -f file`: another Makefile.
      if (words.some((w) => /^-(C|f|-directory|-file|-makefile)/.test(w))) continue;
      targets.push(...(named.length > 0 ? named : ['']));
    }
    if (targets.length > 0) out.push({ file, targets: [...new Set(targets)] });
  }
  return out;
}

/** The words of a `-tags` value, null unless every one is a plain tag. */
function tagWords(value: string): string[] | null {
  const words = value.split(/[\s,]+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => /^[A-Za-z0-9_.]+$/.test(w)) ? words : null;
}

/** One build of the target package by the project's own files, and the tags it passes (null: unknown, a variable). */
export interface ProjectBuild {
  /** Where (`scripts/build:30`, `Makefile: go build -tags …`). */
  where: string;
  tags: string[] | null;
  /** The tags as written (for a Check). */
  raw: string;
  /** A Makefile's build: the file and the target whose recipe runs it. */
  make?: { file: string; target: string };
}

/**
 * Makefile `go build`/`go install` lines that name the package (`./cmd/migrate`, or `cd
 * ./cmd/migrate && go build … .`), with their `-tags` (variables expanded from the Makefile's
 * assignments); a line without `-tags` counts as a build without tags. Then .goreleaser.yml's
 * `-tags=` flags.
 */
/**
 * A recipe line whose `go build` names no package, so it builds the folder make runs in (k1LoW/tbls
 * abd6fe6 Makefile:178 `go build -tags "…" -ldflags="$(BUILD_LDFLAGS)"`): its flags and their
 * values are all it has, up to the end of the command. Not after a `cd`. The command may start
 * with variable assignments and `env`, and `go` may follow a variable the Makefile does not
 * assign, which make expands to nothing (p4gefau1t/trojan-go 2dc60f5 Makefile:9 `GOBUILD = env
 * CGO_ENABLED=0 $(GO_DIR)go build -tags "full" … -o $(BUILD_DIR)`, run as `$(GOBUILD)` and
 * `GOARCH=amd64 GOOS=darwin $(GOBUILD)/$@`; the line arrives with the assigned variables expanded).
 */
function buildsCurrentDir(line: string): boolean {
  const m = /^\t(?:@|-)?\s*(?:(?:[A-Z_][A-Z0-9_]*=\S*|env)\s+)*(?:\$[({][A-Za-z_][A-Za-z0-9_]*[)}])?go\s+build\b(.*)$/.exec(line);
  if (!m) return false;
  const rest = m[1].split(/&&|;|\|\|?/)[0];
  const tokens = rest.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
  const VALUED = /^--?(?:o|tags|ldflags|gcflags|asmflags|mod|modfile|p|pkgdir|installsuffix|buildmode|compiler|overlay|pgo|toolexec|exec)$/;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.startsWith('-')) return false;
    if (VALUED.test(t)) i++;
  }
  return true;
}

/**
 * A recipe line with what its `$(shell …)` calls and `$$(…)` command substitutions hold masked
 * (balanced; the same length, so offsets still point into the line): words of a command Make or
 * the shell runs are not the go command's (project-zot/zot 6d19b44 Makefile:6 `RELEASE_TAG=$(shell
 * git describe --tags --abbrev=0)`, expanded into :191's `-ldflags "… -X …=${RELEASE_TAG} …"`;
 * k1LoW/octocov's `COMMIT = $$(git describe --tags --always)`).
 */
function maskShellCalls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const shell = text.startsWith('$(shell', i) && /\s/.test(text[i + 7] ?? '') ? 7 : text.startsWith('$$(', i) ? 3 : 0;
    if (shell === 0) {
      out += text[i];
      continue;
    }
    let depth = 1;
    let j = i + shell;
    for (; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) break;
    }
    out += text.slice(i, i + shell) + '_'.repeat(Math.max(0, Math.min(j, text.length) - i - shell)) + (j < text.length ? ')' : '');
    i = j;
  }
  return out;
}

/**
 * The -tags flag of a go command in a recipe line: the value as written (quoted, or a word whose
 * `$(…)`/`${…}` references are taken whole: zot's `-tags $(call add-extensions,$(space),$(comma))`,
 * ceph-csi's `-tags=$(shell echo … | tr ' ' ',')`) and unquoted; null when the line has none. A
 * `-tags` inside `$(shell …)` or `$$(…)` is not the go command's.
 */
function tagsFlag(line: string): { written: string; raw: string } | null {
  const masked = maskShellCalls(line);
  for (const m of masked.matchAll(/(?:^|[\s;&|(,"'=])--?tags(?:=|\s+)/g)) {
    const start = m.index! + m[0].length;
    const q = line[start];
    if (q === '"' || q === "'") {
      const end = line.indexOf(q, start + 1);
      if (end < 0) continue;
      return { written: line.slice(start, end + 1), raw: line.slice(start + 1, end) };
    }
    let depth = 0;
    let i = start;
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
        depth++;
        i++;
      } else if (depth > 0 && (c === '(' || c === '{')) depth++;
      else if (c === ')' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && /\s/.test(c)) break;
    }
    const raw = line.slice(start, i).replace(/,$/, '');
    if (raw !== '') return { written: raw, raw };
  }
  return null;
}

function makefileBuilds(targetDir: string, moduleDir: string, io: TagIo): ProjectBuild[] {
  const out: ProjectBuild[] = [];
  const makefiles = [...new Set([join(moduleDir, 'Makefile'), 'Makefile'])];
  let vars = new Map<string, string>();
  const conditional = new Set<string>();
  for (const mk of makefiles) {
    const text = io.readFile(mk);
    if (text === null) continue;
    vars = new Map([...vars, ...makeVariables(text)]);
    for (const v of conditionalVariables(text)) conditional.add(v);
    const pkg = targetDir === '' ? null : targetDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const names = pkg === null ? /(?:^|\s)\.\/?(?:\s|$)|\.\/\.\.\./ : new RegExp(`(?:\\./)?${pkg}(?:/?)(?:\\s|$|&&|;|')`);
    let rule = '';
    for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
      // The Make target the recipe line belongs to (`build-hub-dev:`).
      const head = /^([A-Za-z0-9_./%-][^:=\s]*)\s*:(?!=)/.exec(line);
      if (head) rule = head[1];
      // A development or debugging build of the package is not how it ships (beszel's
      // build-hub-dev: `go build -tags development`, which proxies the UI to a dev server).
      if (DEV_TARGET.test(rule)) continue;
      // In a recipe line the go command may sit in a variable (`$(GOBUILD)`).
      const seen = line.startsWith('\t') ? expandKnown(line, vars) : line;
      if (!/\bgo\s+(?:build|install)\b/.test(seen) || !(names.test(seen) || (pkg === null && mk === join(moduleDir, 'Makefile') && buildsCurrentDir(seen)))) continue;
      const make = rule === '' ? undefined : { file: mk, target: rule };
      const own = tagsFlag(line);
      // Through the variables, one level at a time: the flag as the Makefile writes it (zot's
      // `GO_CMD_TAGS := $(if $(BUILD_LABELS),-tags $(BUILD_LABELS),)`: `-tags $(BUILD_LABELS)`).
      let m = own;
      for (let step = line, d = 0; m === null && d < 6 && tagsFlag(seen) !== null; d++) {
        const next = step.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (all, a, b) => vars.get(a ?? b) ?? all);
        if (next === step) break;
        step = next;
        m = tagsFlag(step);
      }
      if (m && !own && conditional.size > 0) {
        // The tags come from a variable set under a Make conditional: which build runs depends on
        // the machine (not known here). So do tags that name such a variable (codenotary/immudb
        // b654b26 Makefile:57-69 `SWAGGER_BUILDTAG=`, `ifeq ($(SWAGGER),true)` `SWAGGER_BUILDTAG=swagger`,
        // `IMMUDB_BUILD_TAGS=-tags "$(SWAGGER_BUILDTAG) $(WEBCONSOLE_BUILDTAG) $(FIPS_BUILDTAG)"`:
        // a plain `make` passes none).
        const plain = tagsFlag(expandKnown(line, new Map([...vars].filter(([k]) => !conditional.has(k)))));
        const named = plain === null ? undefined : [...plain.raw.matchAll(/\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]/g)].find((r) => conditional.has(r[1]))?.[0];
        if (plain === null || named !== undefined) {
          const ref = named ?? [...line.matchAll(/\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]/g)].find((r) => conditional.has(r[1]))?.[0] ?? 'a variable';
          out.push({ where: `${mk}: go build ${ref} (set under a Make conditional)`, tags: null, raw: ref, ...(make ? { make } : {}) });
          continue;
        }
      }
      if (!m) {
        out.push({ where: `${mk} (${rule || 'a recipe'})`, tags: [], raw: '', ...(make ? { make } : {}) });
        continue;
      }
      const raw = m.raw;
      const value = expand(raw, vars);
      const words = value === null ? null : tagWords(value);
      out.push({ where: `${mk}: go build -tags ${m.written.trim()}${words && value !== raw ? ` (= "${words.join(' ')}")` : ''}`, tags: words, raw, ...(make ? { make } : {}) });
    }
  }
  // .goreleaser.yml, and the per-platform configs a release runs beside it (flipt's
  // .goreleaser.linux.yml and .goreleaser.darwin.yml build cmd/flipt with `-tags=assets,netgo`,
  // the root one packages their binaries with `builder: prebuilt`); not a dev/test/debug one.
  const extra = (dir: string) => io.listFiles(dir).map((f) => f.path).filter((p) => p.slice(dir === '' ? 0 : dir.length + 1).match(/^\.goreleaser\.([^/]+)\.ya?ml$/) && !DEV_TARGET.test(p.slice(p.lastIndexOf('/') + 1).replace(/^\.goreleaser\./, '').replace(/\.ya?ml$/, ''))).map((p) => p.slice(dir === '' ? 0 : dir.length + 1)).sort();
  const configs = [...new Set(['.goreleaser.yml', '.goreleaser.yaml', ...extra(moduleDir), ...(moduleDir === '' ? [] : extra(''))])];
  for (const gr of configs) {
    const text = io.readFile(join(moduleDir, gr)) ?? io.readFile(gr);
    if (text === null) continue;
    const folderOf = (main: string, dir = '.') => {
      const rel = nodePath.posix.join(dir, main.endsWith('.go') ? nodePath.posix.dirname(main) : main);
      return nodePath.posix.normalize(nodePath.posix.join(moduleDir === '' ? '.' : moduleDir, rel)).replace(/\/$/, '').replace(/^\.$/, '');
    };
    const tagsOf = (body: string, where: string, release: boolean) => {
      let found = false;
      for (const m of body.matchAll(/-tags=([^"'\n]+)/g)) {
        found = true;
        const raw = m[1].trim();
        const value = expand(raw, vars);
        const words = value === null ? null : tagWords(value);
        if (words) out.push({ where: `${gr}: -tags=${raw}${value !== raw ? ` (= "${words.join(' ')}", from the Makefile's variables)` : ''}`, tags: words, raw });
      }
      // goreleaser's own `tags:` list of a build.
      const list = /^\s*tags:\s*(?:\[([^\]\n]*)\]|\n((?:\s*-\s*\S+[ \t]*(?:#.*)?\n?)+))/m.exec(body);
      if (list) {
        const words = (list[1] ?? list[2]).split(/[,\n]/).map((w) => w.replace(/^\s*-?\s*/, '').replace(/\s*#.*$/, '').replace(/^(["'])(.*)\1$/, '$2').trim()).filter((w) => w !== '');
        const ok = words.every((w) => /^[A-Za-z0-9_.]+$/.test(w));
        if (words.length > 0) {
          found = true;
          out.push({ where: `${gr}: tags: ${words.join(', ')}`, tags: ok ? words : null, raw: words.join(',') });
        }
      }
      // A release build of the package without tags is one the tags are not on (beszel's
      // .goreleaser.yml: \`beszel-agent\` untagged, \`beszel-agent-linux-amd64-glibc\` with -tags=glibc).
      if (!found && release) out.push({ where: `${gr} (${where}: no -tags)`, tags: [], raw: '' });
    };
    const items = goreleaserItems(text);
    if (items === null) {
      // A config whose builds name their main packages, none of them this one, builds something else.
      const mains = [...text.matchAll(/^\s*(?:-\s+)?main:\s*['"]?([^'"\s#]+)/gm)].map((m) => folderOf(m[1]));
      if (mains.length > 0 && !mains.includes(targetDir)) continue;
      tagsOf(text, 'a build', false);
      continue;
    }
    // Each build of the config: those of this package (its main:, `.` without one) count, with
    // their tags or none; an entry without main: in a config none of whose entries names one is
    // read for its tags only (golang-migrate's \`-tags={{ .Env.DATABASE }}\`).
    const key = (item: readonly string[], name: string): string | undefined => {
      for (const l of item) {
        const m = new RegExp(`^\\s*${name}:\\s*(.*?)\\s*(#.*)?$`).exec(l);
        if (m) return m[1].replace(/^(["'])(.*)\1$/, '$2');
      }
      return undefined;
    };
    const anyMain = items.some((item) => key(item, 'main') !== undefined);
    items.forEach((item, i) => {
      const builder = key(item, 'builder');
      if ((builder !== undefined && builder !== 'go') || key(item, 'skip') === 'true') return;
      const main = key(item, 'main');
      const dir = key(item, 'dir') ?? '.';
      const exact = !/\{\{|\$|^\*/.test((main ?? '') + dir) && folderOf(main ?? '.', dir) === targetDir;
      if (!exact && (main !== undefined || anyMain)) return;
      const body = item.join('\n');
      const alias = item.find((l) => /^\s*<<:/.test(l) || /^\s*(flags|tags):\s*\*/.test(l));
      if (alias) {
        out.push({ where: `${gr}: ${alias.trim()}`, tags: null, raw: alias.trim() });
        return;
      }
      tagsOf(body, `build ${key(item, 'id') ?? `#${i + 1}`}`, exact);
    });
  }
  return out;
}

/** Where builds are, each place once (trojan-go's 24 recipes all run the same `$(GOBUILD)`), at most three. */
function placesOf(builds: readonly ProjectBuild[]): string {
  const places = [...new Set(builds.map((b) => b.where))];
  return places.slice(0, 3).join('; ') + (places.length > 3 ? `; ${places.length - 3} more` : '');
}

/** Shell scripts of the project's build: `*.sh`, or files without an extension in a scripts/hack/build folder that start with a shell's `#!`. */
const SCRIPT_PATH = /^(?:[^/]+\/){0,2}[^/]+\.(?:sh|bash)$|^(?:[^/]+\/)?(?:scripts?|hack|build|ci)\/[^/.]+$/;
const SCRIPT_SKIPPED = /(^|\/)(vendor|node_modules|testdata|third_party|\.git|docs?|examples?)\//;
const MAX_SCRIPTS = 200;
const MAX_SCRIPT_BYTES = 256 * 1024;

/** `$(dirname $0)/..`, `"$(dirname "${BASH_SOURCE[0]}")"/..`: the script's folder, then that many levels up; null for anything else. */
function dirnameOfScript(raw: string, scriptDir: string): string | null {
  const m = /^"?\$\(\s*dirname\s+"?\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\})"?\s*\)"?((?:\/\.\.)*)\/?"?$/.exec(raw);
  if (!m) return null;
  let dir = scriptDir;
  for (let i = 0; i < m[1].length / 3; i++) {
    if (dir === '') return null;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
  return dir;
}

/**
 * The go builds of the target package in the project's shell scripts (kine's scripts/build:
 * `cd $(dirname $0)/..` then `go build -ldflags … -tags nats -o bin/kine`), read with the shell
 * parser: a script runs from the context root unless a `cd` moves it (to a static folder, or
 * relative to the script's own: `$(dirname $0)/..`); after a `cd` it cannot follow, its builds are
 * left out. Scripts named for tests, development or CI checks (test-*, dev, validate…) are not builds
 * of the shipped program.
 */
function scriptBuilds(targetDir: string, importPath: string | null, io: TagIo): ProjectBuild[] {
  const out: ProjectBuild[] = [];
  const scripts = io.listFiles('').map((f) => f.path).filter((p) => SCRIPT_PATH.test(p) && !SCRIPT_SKIPPED.test(p) && !DEV_TARGET.test(p.slice(p.lastIndexOf('/') + 1)) && !/(^|[-_./])(e2e|validate|lint|ci|release-notes|integration)([-_./]|$)/i.test(p.slice(p.lastIndexOf('/') + 1)));
  for (const file of scripts.slice(0, MAX_SCRIPTS)) {
    const text = io.readFile(file);
    if (text === null || text.length > MAX_SCRIPT_BYTES || !GO_IN_TEXT.test(text)) continue;
    if (!file.includes('.') || !/\.(sh|bash)$/.test(file)) {
      if (!/^#!\s*\S*\/(?:env\s+)?(?:ba|da|a|z)?sh\b/.test(text)) continue;
    }
    const outline = outlineScript(text);
    if (outline.hasErrors && outline.top.length === 0) continue;
    const scriptDir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const commands = [...outline.top, ...[...outline.functions.values()].flatMap((f) => f ?? [])].sort((a, b) => a.cmd.start - b.cmd.start);
    const lines = new LineTable(text);
    let cwd: string | null = '';
    for (const c of commands) {
      const argv = c.cmd.argv;
      if (argv[0]?.value === 'cd' || argv[0]?.value === 'pushd') {
        const to = argv[1];
        if (!to) cwd = '';
        else if (!to.dynamic && !to.value.startsWith('/') && !to.value.startsWith('~') && !to.value.startsWith('-')) cwd = cwd === null ? null : nodePath.posix.normalize(nodePath.posix.join(cwd === '' ? '.' : cwd, to.value)).replace(/^\.$/, '');
        else cwd = to.dynamic ? dirnameOfScript(to.raw, scriptDir) : null;
        if (cwd !== null && (cwd === '..' || cwd.startsWith('../'))) cwd = null;
        continue;
      }
      const g = goCommandOf(c.cmd);
      if (!g || (g.sub !== 'build' && g.sub !== 'install') || cwd === null) continue;
      const pkgs = goPackages(g.args);
      const words = pkgs.length > 0 ? pkgs : null;
      const builds = words === null
        ? cwd === targetDir
        : words.some((w) => !w.dynamic && !w.value.includes('...') && !w.value.includes('@') && (w.value === importPath || (/^\.\.?(\/|$)/.test(w.value) && nodePath.posix.normalize(nodePath.posix.join(cwd === '' ? '.' : cwd!, w.value)).replace(/^\.$/, '') === targetDir)));
      if (!builds) continue;
      const flag = goFlag(g.args, 'tags');
      const line = lines.positionAt(c.cmd.start).line + 1;
      if (!flag || flag.value === true) {
        out.push({ where: `${file}:${line}`, tags: [], raw: '' });
        continue;
      }
      const word = flag.valueWord ?? flag.word;
      const raw = flag.valueWord ? word.raw : word.raw.replace(/^--?tags=/, '');
      const tags = word.dynamic ? null : tagWords(flag.value);
      // A development or debugging build (`-tags debug`) is not how the program ships.
      if (tags && tags.every((t) => NOT_A_FEATURE.test(t))) continue;
      out.push({ where: `${file}:${line}`, tags, raw });
    }
  }
  return out;
}

/**
 * The go builds of the target package in the Dockerfiles at the context root (their RUN lines,
 * resolved as the rules resolve them: WORKDIR, `cd`, the copied sources), one per RUN; the
 * build tags and the cgo setting (cgoOwn.ts) are both read from them.
 */
export function rootDockerfileBuilds(targetDir: string, model: WorkspaceModel, io: TagIo): { file: string; model: DockerfileModel; build: GoBuild }[] {
  const out: { file: string; model: DockerfileModel; build: GoBuild }[] = [];
  for (const file of io.listFiles('').map((f) => f.path).filter((p) => DOCKERFILE_NAME.test(p) && !p.endsWith('.dockerignore') && !DEV_TARGET.test(p)).sort()) {
    const text = io.readFile(file);
    if (text === null) continue;
    const df = parseDockerfile(text);
    const seen = new Set<unknown>();
    for (const stage of df.stages) {
      for (const b of stageBuilds({ model: df, workspace: model }, stage)) {
        if (seen.has(b.go.instr) || !b.packages.some((p) => p.dir === targetDir)) continue;
        seen.add(b.go.instr);
        out.push({ file, model: df, build: b });
      }
    }
  }
  return out;
}

function dockerfileBuilds(targetDir: string, model: WorkspaceModel | undefined, io: TagIo): ProjectBuild[] {
  if (!model) return [];
  const out: ProjectBuild[] = [];
  for (const { file, build: b } of rootDockerfileBuilds(targetDir, model, io)) {
    const flag = goFlag(b.go.args, 'tags');
    const where = `${file}:${b.go.instr.line + 1}`;
    if (!flag || flag.value === true) {
      out.push({ where, tags: [], raw: '' });
      continue;
    }
    const word = flag.valueWord ?? flag.word;
    const tags = word.dynamic ? null : tagWords(flag.value);
    if (tags && tags.every((t) => NOT_A_FEATURE.test(t))) continue;
    out.push({ where, tags, raw: flag.valueWord ? word.raw : word.raw.replace(/^--?tags=/, '') });
  }
  return out;
}

/** Every build of the target package the project's files state: Makefile, goreleaser, shell scripts, root Dockerfiles. */
export function projectBuilds(targetDir: string, moduleDir: string, importPath: string | null, io: TagIo, model?: WorkspaceModel): ProjectBuild[] {
  return [...makefileBuilds(targetDir, moduleDir, io), ...scriptBuilds(targetDir, importPath, io), ...dockerfileBuilds(targetDir, model, io)];
}

/**
 * When Makefile targets build the package in different ways, the builds of the targets the
 * project runs to ship it: those a root Dockerfile's `RUN make …` runs (writefreely: `make
 * build`), else those the Makefile's default goal reaches (`all : build`), with their
 * prerequisites. The other targets (writefreely's `ci`, `build-no-sqlite`) are alternatives.
 * Null when that leaves nothing out, or nothing.
 */
function shippingBuilds(builds: readonly ProjectBuild[], io: TagIo): { kept: ProjectBuild[]; left: ProjectBuild[]; via: string } | null {
  const files = [...new Set(builds.filter((b) => b.make).map((b) => b.make!.file))];
  if (files.length === 0) return null;
  const reachedBy = new Map<string, Set<string>>();
  const via: string[] = [];
  const fromDockerfiles = dockerfileMakeTargets(io);
  for (const file of files) {
    const text = io.readFile(file);
    if (text === null) return null;
    const { defaultGoal, prerequisites } = makeTargets(text);
    // A root Dockerfile's `make` runs the root Makefile.
    const docker = file === 'Makefile' ? fromDockerfiles : [];
    const roots = docker.length > 0 ? [...new Set(docker.flatMap((d) => d.targets))].map((t) => (t === '' ? defaultGoal : t)) : [defaultGoal];
    if (roots.some((r) => r === null)) return null;
    reachedBy.set(file, reached(roots as string[], prerequisites));
    via.push(docker.length > 0
      ? `${docker.map((d) => d.file).join(', ')} ${docker.length > 1 ? 'run' : 'runs'} \`make ${(roots as string[]).join(' ')}\``
      : `the default goal of ${file} is \`${defaultGoal}\``);
  }
  const left = builds.filter((b) => b.make && !reachedBy.get(b.make.file)!.has(b.make.target));
  const kept = builds.filter((b) => !left.includes(b));
  if (left.length === 0 || kept.length === 0) return null;
  return { kept, left, via: via.join('; ') };
}

/**
 * The tags the project's build states when no file of the program's own packages depends on a
 * tag: they switch what its dependencies or the standard library compile (k1LoW/tbls abd6fe6
 * Makefile:178 `go build -tags "timetzdata sqlite_fts5 sqlite_json1 minicore_disabled"`:
 * go-sqlite3's FTS5 and JSON1, the embedded time zone database). Used when every build the
 * project ships states the same tags and none is for tests, tools or debugging; else none.
 */
function dependencyTags(targetDir: string, moduleDir: string, packageDirs: readonly string[], io: TagIo, target?: { importPath: string | null; model: WorkspaceModel }): TagDecision {
  const none: TagDecision = { tags: [], reasons: [], warnings: [], selected: [] };
  const everyBuild = projectBuilds(targetDir, moduleDir, target?.importPath ?? null, io, target?.model);
  if (everyBuild.length === 0) return none;
  const key = (b: ProjectBuild) => (b.tags === null ? `?${b.raw}` : [...b.tags].sort().join(','));
  const builds = new Set(everyBuild.map(key)).size > 1 ? shippingBuilds(everyBuild, io)?.kept ?? everyBuild : everyBuild;
  const tags = builds[0].tags;
  if (new Set(builds.map(key)).size > 1 || tags === null || tags.length === 0 || tags.some((t) => NOT_A_FEATURE.test(t) || PLATFORM.test(t))) return none;
  const where = placesOf(builds);
  // Files of the program the tags leave out (hashicorp/waypoint b81cf84 internal/assets/dev.go:6,
  // dev_assets.go:5 `//go:build !assetsembedded`, Makefile:24 `-tags assetsembedded`): no file
  // here builds only with them, so what takes their place is made by the project's build
  // (Makefile:23 go-bindata … -o prod.go): with the tags the build lacks it, without them the
  // binary is not the project's.
  const left = deselectedFiles(packageDirs, io, tags);
  if (left.length > 0) {
    const shownLeft = left.slice(0, 3).map((g) => `${g.file} (//go:build ${g.constraint})`).join(', ') + (left.length > 3 ? ` and ${left.length - 3} more` : '');
    const dev = left.map((g) => bindataDev(g.file, io)).find((x) => x !== null);
    return { ...none, warnings: [`The project builds ${targetDir === '' ? 'the root package' : targetDir} with -tags ${tags.join(',')} (${where}), which leave${tags.length > 1 ? '' : 's'} out ${shownLeft}; no file of the program's packages builds only with ${tags.length > 1 ? 'them' : 'it'} (what the tagged build uses in their place is not in the sources: the project's build makes it). The generated build passes no -tags, so the binary keeps ${left.length > 1 ? 'those files' : 'that file'}, unlike the project's.${dev ? ` ${dev}` : ''} To ship the project's binary, make what its build makes first (${builds[0].where}) and add -tags ${tags.join(',')}.`] };
  }
  const known = tags.filter((t) => KNOWN_TAGS.has(t)).map((t) => `${t}: ${KNOWN_TAGS.get(t)}`);
  // A tag not known to be safe on the generated builder (a libc's or a system library's: a
  // dependency's `musl`, `static_wasm`, `dynamic`): the reason names them, none is passed.
  const unknown = tags.filter((t) => !KNOWN_TAGS.has(t) && !/^sqlite_(?!icu$)\w+$/.test(t));
  // Those that select a vendored file whose declarations the program uses (bmc-toolbox/dora's
  // gingonic): the build fails without them, so they are passed, with the tags known to be safe.
  const needed = target ? vendoredTagNeeds(moduleDir, packageDirs, io, tags, target.model) : [];
  const neededTags = unknown.filter((t) => needed.some((r) => r.tags.includes(t)));
  if (neededTags.length > 0) {
    const passed = tags.filter((t) => !unknown.includes(t) || neededTags.includes(t));
    const rest = unknown.filter((t) => !neededTags.includes(t));
    return {
      tags: passed,
      reasons: [`-tags ${passed.join(',')}: the project builds ${targetDir === '' ? 'the root package' : targetDir} with -tags ${tags.join(',')} (${where}), and the program does not compile without ${neededTags.join(', ')}: ${needed.slice(0, 3).map((r) => `${r.usedIn} uses ${r.name}, which only ${r.file} (//go:build ${r.constraint.replace(/[()]/g, '')}) declares`).join('; ')}, so a build without ${neededTags.length > 1 ? 'those tags' : 'the tag'} stops with "undefined: ${needed[0].name}".${known.length > 0 ? ` The others are known (${known.join('; ')}).` : ''}${rest.length > 0 ? ` Not passed: ${rest.join(', ')}, what ${rest.length > 1 ? 'they switch' : 'it switches'} in the dependencies is not known here (the generated builder is Debian's): add ${rest.length > 1 ? 'them' : 'it'} if the binary needs ${rest.length > 1 ? 'them' : 'it'}.` : ''}`],
      warnings: [],
      selected: [],
    };
  }
  if (unknown.length > 0) {
    return { ...none, reasons: [`No -tags: the project builds ${targetDir === '' ? 'the root package' : targetDir} with -tags ${tags.join(',')} (${where}), which select no file of the program's own packages; what ${unknown.join(', ')} switch${unknown.length > 1 ? '' : 'es'} in its dependencies is not known here (${unknown.some((t) => BUILDER_BOUND.test(t)) ? 'some tie a C library to the project\'s builder, ' : ''}the generated builder is Debian's): add them to the go build line if the binary needs them.`] };
  }
  return {
    tags,
    reasons: [`-tags ${tags.join(',')}: the project builds ${targetDir === '' ? 'the root package' : targetDir} with them (${where}${builds.length > 1 ? `: every build of it the project ${builds.length < everyBuild.length ? 'ships' : 'states'}` : ''}); no file of the program's own packages depends on them, so they switch what its dependencies or the standard library compile${known.length > 0 ? ` (${known.join('; ')})` : ''}: the generated binary is built as the project's is.`],
    warnings: [],
    selected: [],
  };
}

/**
 * Tags of the project's build without which the program does not compile, through vendor/: a
 * vendored package a package of the program imports has a file that builds only with one of
 * `tags` and declares an exported name the program uses that no other file of that package
 * declares (bmc-toolbox/dora 69425f5 Dockerfile:11 `-tags="gingonic netgo osusergo"`;
 * vendor/github.com/manyminds/api2go/routing/gingonic.go `// +build gingonic,!gorillamux,!echo`
 * declares Gin, web/server.go:67 calls `routing.Gin(r)`: "undefined: routing.Gin" without it).
 * Only with vendor/modules.txt (the module cache is not in the context).
 */
function vendoredTagNeeds(moduleDir: string, packageDirs: readonly string[], io: TagIo, tags: readonly string[], model: WorkspaceModel): RequiredTag[] {
  const vendor = moduleDir === '' ? 'vendor' : `${moduleDir}/vendor`;
  if (io.readFile(`${vendor}/modules.txt`) === null) return [];
  const imported = new Set<string>();
  for (const d of packageDirs) for (const i of packageByDir(model, d)?.imports ?? []) if (i.split('/')[0].includes('.')) imported.add(i);
  const dirs = [...imported].map((i) => `${vendor}/${i}`);
  const gated = gatedFiles(dirs, io).filter((g) => g.tags.every((t) => tags.includes(t)));
  if (gated.length === 0) return [];
  return requiredTags(gated, [...packageDirs, ...dirs], io, (d) => (d.startsWith(`${vendor}/`) ? d.slice(vendor.length + 1) : packageByDir(model, d)?.importPath ?? null), true)
    .filter((r) => !r.usedIn.startsWith(`${vendor}/`));
}

/**
 * Tags that tie a dependency's C linking to the project's builder: its libc (confluent-kafka-go's
 * `musl`, which links librdkafka's musl archive: Telefonica/prometheus-kafka-adapter 1.22.3-alpine
 * Dockerfile:9 `-tags musl,static,netgo`) or a system library it installs (`dynamic`,
 * `libsqlite3`, ICU). The generated builder is Debian's: not passed.
 */
const BUILDER_BOUND = /^(?:muslc?|glibc|alpine|static\w*|\w+_static|dynamic|shared|system_\w+|libsqlite3|\w*icu\w*|netcgo)$/i;

/**
 * Tags known to switch only Go or bundled C code (what they do, for the reason); go-sqlite3's
 * `sqlite_*` features compile its bundled amalgamation, save `sqlite_icu` (ICU, a system library).
 */
const KNOWN_TAGS = new Map([
  ['timetzdata', 'the time zone database embedded in the binary'],
  ['netgo', 'the pure-Go DNS resolver'],
  ['osusergo', "the pure-Go user lookup"],
  ['sqlite_fts5', "go-sqlite3's full-text search (FTS5)"],
  ['sqlite_json1', "go-sqlite3's JSON functions"],
  ['sqlite_omit_load_extension', "go-sqlite3 without extension loading"],
  ['minicore_disabled', "gosnowflake without its native minicore library"],
  ['jsoniter', 'gin with json-iterator'],
  ['go_json', 'gin with goccy/go-json'],
  ['nomsgpack', 'gin without MessagePack'],
]);

/**
 * The tags to build with: those without which the program does not compile (./requiredTags.ts:
 * navidrome's conf/buildtags), with the stated tags that select gated files of the program, or a
 * warning when the program has gated files and nothing states the tags.
 */
export function decideTags(targetDir: string, moduleDir: string, packageDirs: readonly string[], io: TagIo, target?: { importPath: string | null; model: WorkspaceModel }): TagDecision {
  const decided = statedTags(targetDir, moduleDir, packageDirs, io, target);
  const gated = gatedFiles(packageDirs, io);
  const model = target?.model;
  const required = gated.length === 0 || model === undefined ? [] : requiredTags(gated, packageDirs, io, (d) => packageByDir(model, d)?.importPath ?? null)
    .filter((r) => !selectedBy(r.constraint, decided.tags));
  if (required.length === 0) return decided;
  const tags = [...decided.tags];
  for (const r of required) for (const t of r.tags) if (!tags.includes(t)) tags.push(t);
  const selected = gated.filter((g) => selectedBy(g.constraint, tags));
  const left = gated.filter((g) => !selectedBy(g.constraint, tags));
  const reason = `-tags ${tags.join(',')}: the program does not compile without ${required.length > 1 ? 'them' : 'it'}: ${required.slice(0, 3).map((r) => `${r.usedIn} uses ${r.name}, which only ${r.file} (//go:build ${r.constraint}) declares`).join('; ')}${required.length > 3 ? `; ${required.length - 3} more` : ''}, so a build without ${required.length > 1 ? 'those tags' : 'the tag'} stops with "undefined: ${required[0].name}".`;
  // A Check that says the generated build passes no tags is no longer true; what is still left out is.
  const warnings = decided.tags.length > 0 ? decided.warnings : left.length > 0
    ? [`Files of the program also build with tags the generated build does not pass (${[...new Set(left.flatMap((g) => g.tags))].slice(0, 8).join(', ')}): ${left.slice(0, 3).map((g) => `${g.file} (//go:build ${g.constraint})`).join(', ')}${left.length > 3 ? ` and ${left.length - 3} more` : ''}; add them to -tags if you need them.`]
    : [];
  return { tags, reasons: [reason, ...decided.reasons], warnings, selected };
}

function statedTags(targetDir: string, moduleDir: string, packageDirs: readonly string[], io: TagIo, target?: { importPath: string | null; model: WorkspaceModel }): TagDecision {
  const gated = gatedFiles(packageDirs, io);
  if (gated.length === 0) return dependencyTags(targetDir, moduleDir, packageDirs, io, target);
  const all = [...new Set(gated.flatMap((g) => g.tags))].sort();
  const shown = (gs: GatedFile[]) => gs.slice(0, 3).map((g) => `${g.file} (//go:build ${g.constraint})`).join(', ') + (gs.length > 3 ? ` and ${gs.length - 3} more` : '');
  const everyBuild = projectBuilds(targetDir, moduleDir, target?.importPath ?? null, io, target?.model);
  const key = (b: ProjectBuild) => (b.tags === null ? `?${b.raw}` : [...b.tags].sort().join(','));
  const setsOf = (bs: readonly ProjectBuild[]) => {
    const sets = new Map<string, ProjectBuild[]>();
    for (const b of bs) sets.set(key(b), [...(sets.get(key(b)) ?? []), b]);
    return sets;
  };
  // Make targets that build the package otherwise than the one the project ships with.
  const shipping = setsOf(everyBuild).size > 1 ? shippingBuilds(everyBuild, io) : null;
  const builds = shipping?.kept ?? everyBuild;
  const tagged = builds.filter((b) => b.tags === null || b.tags.length > 0);
  const sets = setsOf(builds);
  const selects = (tags: readonly string[]) => gated.filter((g) => selectedBy(g.constraint, tags));
  if (tagged.length > 0 && sets.size === 1 && tagged[0].tags !== null && selects(tagged[0].tags).length > 0) {
    // Every build of the package the project states passes the same tags.
    const stated = tagged[0];
    const selected = selects(stated.tags!);
    const dynamic = selected.filter((g) => g.dynamic !== undefined);
    if (dynamic.length > 0) {
      // The generated runtime is static (no ld-linux, no libc): a binary that needs the dynamic
      // loader cannot start there ("exec …: no such file or directory").
      return {
        tags: [],
        reasons: [],
        selected: [],
        warnings: [`The project builds ${targetDir === '' ? 'the root package' : targetDir} with -tags ${stated.tags!.join(',')} (${builds.slice(0, 2).map((b) => b.where).join('; ')}), but those tags compile ${dynamic.slice(0, 2).map((g) => `${g.file} (imports ${g.dynamic})`).join(', ')}, which makes the binary dynamically linked even with CGO_ENABLED=0: it cannot start on a static runtime. The generated build passes no -tags, so ${shown(selected)} ${selected.length > 1 ? 'are' : 'is'} left out. To ship them, add -tags ${stated.tags!.join(',')} and use a runtime with glibc (--runtime debian).`],
      };
    }
    // The gated files those tags still leave out, and the tags that would add them: none when the
    // stated tags select them all (trojan-go's `-tags full`, each component/*.go being `<name> || full`).
    const leftFiles = gated.filter((g) => !selected.includes(g));
    const left = [...new Set(leftFiles.flatMap((g) => g.tags))].sort().filter((t) => !stated.tags!.includes(t));
    const where = placesOf(builds);
    const others = shipping ? ` The Makefile's other targets build it otherwise (${shipping.left.slice(0, 3).map((b) => `${b.make!.target}: ${b.tags === null ? `-tags ${b.raw}` : b.tags.length === 0 ? 'no -tags' : `-tags ${b.tags.join(',')}`}`).join('; ')}${shipping.left.length > 3 ? `; ${shipping.left.length - 3} more` : ''}): not what the project runs to ship it (${shipping.via}).` : '';
    return {
      tags: stated.tags!,
      reasons: [`-tags ${stated.tags!.join(',')}: the project builds with them (${where}${builds.length > 1 ? `: every build of ${targetDir === '' ? 'the root package' : targetDir} it ${shipping ? 'ships' : 'states'}` : ''}), and ${selected.length} file${selected.length > 1 ? 's' : ''} of the packages the program compiles build only with them: ${shown(selected)}.${others}`],
      warnings: left.length > 0 ? [`Files of the program also build with tags the project's build does not pass by default (${left.slice(0, 8).join(', ')}${left.length > 8 ? ', …' : ''}): add them to -tags if you need them.`] : [],
      selected,
    };
  }
  if (tagged.length > 0 && (sets.size > 1 || tagged[0].tags === null) && tagged.some((b) => b.tags === null || selects(b.tags).length > 0)) {
    // The builds disagree (or pass tags a variable holds): no tags, and a Check naming them.
    const shownSets = [...sets.entries()].slice(0, 4).map(([k, bs]) => `${k === '' ? 'no -tags' : k.startsWith('?') ? `-tags ${k.slice(1)} (a variable)` : `-tags ${k}`} (${bs.slice(0, 2).map((b) => b.where).join(', ')}${bs.length > 2 ? ` and ${bs.length - 2} more` : ''})`);
    return {
      tags: [],
      reasons: [],
      selected: [],
      warnings: [`The project's builds of ${targetDir === '' ? 'the root package' : targetDir} ${sets.size > 1 ? 'do not all pass the same build tags' : 'pass build tags a variable holds'}: ${shownSets.join('; ')}. The generated build passes none, so ${shown(gated)} ${gated.length > 1 ? 'are' : 'is'} left out of the binary. Add the tags of the build you ship to the go build line (-tags …)${dynamicNote(gated)}.`],
    };
  }
  if (gated.length < 3) return { tags: [], reasons: [], warnings: [], selected: [] };
  return {
    tags: [],
    reasons: [],
    selected: [],
    warnings: [`${gated.length} files of the packages the program compiles build only with build tags (${all.slice(0, 8).join(', ')}${all.length > 8 ? ', …' : ''}): ${shown(gated)}. Built without -tags, they are left out of the binary (what they register, such as drivers or plugins, is missing at run time, silently). Add the tags your build uses to the go build line (-tags …).`],
  };
}

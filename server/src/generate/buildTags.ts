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
import { parseGoFile } from '../workspace/goImports';

export interface TagIo {
  readFile(rel: string): string | null;
  listFiles(under?: string): readonly { path: string }[];
}

export interface GatedFile {
  file: string;
  constraint: string;
  /** The custom tags the constraint names (not GOOS/GOARCH/cgo/go1.x). */
  tags: string[];
}

export interface TagDecision {
  tags: string[];
  reasons: string[];
  warnings: string[];
}

const PLATFORM = /^(linux|unix|gc|gccgo|cgo|go1\.[0-9]+|aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|nacl|netbsd|openbsd|plan9|solaris|wasip1|windows|zos|386|amd64|amd64p32|arm|armbe|arm64|arm64be|loong64|mips|mipsle|mips64|mips64le|ppc|ppc64|ppc64le|riscv|riscv64|s390|s390x|sparc|sparc64|wasm)$/;
/** Tags that gate tests, tools or debugging, not features of the shipped program. */
const NOT_A_FEATURE = /^(ignore|ci|tools?|generate|gen|integration|e2e|test.*|.*_test|mock.*|example.*|bench.*|fuzz|race|debug|dev|devel|develop|development|appengine|purego|noasm|nethttpomithttp2|wireinject|codegen|manual|skip.*|slow|long|unit|functional|acceptance|windows_.*)$/i;

/** Make targets that build for development, debugging or tests, not the shipped program. */
const DEV_TARGET = /(^|[-_./])(dev|devel|develop|development|debug|dbg|test|tests|watch|race)([-_./]|$)/i;

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
      if (c === null || c.includes('!')) continue;
      const ids = (c.match(/[A-Za-z0-9_.]+/g) ?? []).filter((t) => !PLATFORM.test(t));
      if (ids.length === 0 || ids.some((t) => NOT_A_FEATURE.test(t))) continue;
      out.push({ file: f.path, constraint: c, tags: [...new Set(ids)] });
    }
  }
  return out;
}

/** Make variables assigned in the file (`VAR ?= …`, `VAR := …`, `VAR = …`), last one wins. */
function makeVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)[ \t]*[?:]?=[ \t]*(.*)$/gm)) vars.set(m[1], m[2].trim());
  return vars;
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

/** The words of a `-tags` value, null unless every one is a plain tag. */
function tagWords(value: string): string[] | null {
  const words = value.split(/[\s,]+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => /^[A-Za-z0-9_.]+$/.test(w)) ? words : null;
}

/**
 * The tags the project's build states for the target package: Makefile `go build`/`go install`
 * lines that name the package (`./cmd/migrate`, or `cd ./cmd/migrate && go build … .`), then
 * .goreleaser.yml's `-tags=` flag; with where they were found.
 */
export function statedTags(targetDir: string, moduleDir: string, io: TagIo): { tags: string[]; where: string } | null {
  const makefiles = [...new Set([join(moduleDir, 'Makefile'), 'Makefile'])];
  let vars = new Map<string, string>();
  for (const mk of makefiles) {
    const text = io.readFile(mk);
    if (text === null) continue;
    vars = new Map([...vars, ...makeVariables(text)]);
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
      if (!/\bgo\s+(?:build|install)\b/.test(line) || !names.test(line)) continue;
      const m = /-tags(?:=|\s+)('([^']*)'|"([^"]*)"|(\S+))/.exec(line);
      if (!m) continue;
      const raw = m[2] ?? m[3] ?? m[4];
      const value = expand(raw, vars);
      const words = value === null ? null : tagWords(value);
      if (words) return { tags: words, where: `${mk}: go build -tags ${m[1].trim()}${value !== raw ? ` (= "${words.join(' ')}")` : ''}` };
    }
  }
  for (const gr of ['.goreleaser.yml', '.goreleaser.yaml']) {
    const text = io.readFile(join(moduleDir, gr)) ?? io.readFile(gr);
    if (text === null) continue;
    for (const m of text.matchAll(/-tags=([^"'\n]+)/g)) {
      const raw = m[1].trim();
      const value = expand(raw, vars);
      const words = value === null ? null : tagWords(value);
      if (words) return { tags: words, where: `${gr}: -tags=${raw}${value !== raw ? ` (= "${words.join(' ')}", from the Makefile's variables)` : ''}` };
    }
  }
  return null;
}

/**
 * The tags to build with (stated tags that select gated files of the program), or a warning
 * when the program has gated files and nothing states the tags.
 */
export function decideTags(targetDir: string, moduleDir: string, packageDirs: readonly string[], io: TagIo): TagDecision {
  const gated = gatedFiles(packageDirs, io);
  if (gated.length === 0) return { tags: [], reasons: [], warnings: [] };
  const all = [...new Set(gated.flatMap((g) => g.tags))].sort();
  const shown = (gs: GatedFile[]) => gs.slice(0, 3).map((g) => `${g.file} (//go:build ${g.constraint})`).join(', ') + (gs.length > 3 ? ` and ${gs.length - 3} more` : '');
  const stated = statedTags(targetDir, moduleDir, io);
  if (stated) {
    const selected = gated.filter((g) => g.tags.some((t) => stated.tags.includes(t)));
    if (selected.length > 0) {
      const left = all.filter((t) => !stated.tags.includes(t));
      return {
        tags: stated.tags,
        reasons: [`-tags ${stated.tags.join(',')}: the project builds with them (${stated.where}), and ${selected.length} file${selected.length > 1 ? 's' : ''} of the packages the program compiles build only with them: ${shown(selected)}.`],
        warnings: left.length > 0 ? [`Files of the program also build with tags the project's build does not pass by default (${left.slice(0, 8).join(', ')}${left.length > 8 ? ', …' : ''}): add them to -tags if you need them.`] : [],
      };
    }
  }
  if (gated.length < 3) return { tags: [], reasons: [], warnings: [] };
  return {
    tags: [],
    reasons: [],
    warnings: [`${gated.length} files of the packages the program compiles build only with build tags (${all.slice(0, 8).join(', ')}${all.length > 8 ? ', …' : ''}): ${shown(gated)}. Built without -tags, they are left out of the binary (what they register, such as drivers or plugins, is missing at run time, silently). Add the tags your build uses to the go build line (-tags …).`],
  };
}

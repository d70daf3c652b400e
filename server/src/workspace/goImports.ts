/**
 * Reads what the model needs from a .go file without a Go toolchain: the build constraint, the
 * package clause and the import declarations (scanning stops where the imports end), plus two
 * cheap substring searches of the body (`.LoadLocation(` with an argument other than a constant
 * "", "UTC" or "Local", and `func main`), and, in a file that imports os/exec, the programs it
 * runs by name (./programsRun.ts).
 *
 * Also: the known cgo-only modules, the TLS indicators, and the per-package helpers
 * `usesCgo`, `usesTls`, `needsTzdata`.
 */
import type { GoModule, GoPackage } from './model';
import { stripGoComments } from './goText';
import { fileExecs, type FileExecs } from './programsRun';

export interface GoFileInfo {
  /** The package clause's name; null when the file has none (not Go, or truncated). */
  packageName: string | null;
  /** Import paths in source order, de-duplicated. */
  imports: string[];
  /**
   * The name the file's import declarations give an import path (an alias, `.` for a dot import,
   * `_` for a blank one), when they give one; null when the file renames none. Read it through
   * `importQualifier` and `qualifiedImport`.
   */
  importNames: ReadonlyMap<string, string> | null;
  importsC: boolean;
  /** Body mentions `.LoadLocation(` (and the file imports "time"), not only with a constant "", "UTC" or "Local". */
  callsLoadLocation: boolean;
  /**
   * Body calls Setuid, Setgid, Setresuid, Setreuid, Setgroups … of syscall or
   * golang.org/x/sys/unix, or builds a `syscall.Credential` (a child started as another user):
   * the program changes its own user, so it starts as root on purpose.
   */
  setsUser: boolean;
  /**
   * The body (comments aside) holds the Docker Engine's socket path as a string literal of its
   * own (`"/var/run/docker.sock"`, `"unix:///var/run/docker.sock"`, `/run/docker.sock`): the
   * program dials the host's Docker socket itself, with or without a Docker client library
   * (beszel's agent builds its own net/http transport on it).
   */
  dockerSocket: boolean;
  /**
   * The body reads, by name with os.Getenv or os.LookupEnv, a variable a CI platform gives a job's
   * steps to act on the job (CI_JOB_ENV): the event payload (`GITHUB_EVENT_PATH`), the checkout
   * (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`, `BITBUCKET_CLONE_DIR`, `BUILD_SOURCESDIRECTORY`), the
   * job's token or pull request (`CI_JOB_TOKEN`, `CI_MERGE_REQUEST_IID`, `BITBUCKET_PR_ID`,
   * `SYSTEM_ACCESSTOKEN`, `SYSTEM_PULLREQUEST_PULLREQUESTID`): the program runs as a CI job's step
   * (bytebase's action/command/vcs_user.go). Not the flags that only say a CI runs the program
   * (`GITHUB_ACTIONS`, `GITLAB_CI`, `TF_BUILD`): tools read those to adapt their output (nuclei
   * logs more under GitHub Actions).
   */
  readsCiJobEnv: boolean;
  /** `package main` and a `func main(` in the body. */
  hasFuncMain: boolean;
  /** The file imports os/exec: the programs it runs by name (see ./programsRun.ts); null otherwise. */
  execs: FileExecs | null;
  /**
   * The file imports net/http and may make requests with it: it names a client identifier
   * (`http.Get`, `http.Client`, `http.NewRequest`, `http.DefaultTransport` …; HTTP_CLIENT), or
   * imports the package under another name (not read). False when it does not import net/http,
   * or only serves (`http.StatusOK`, `http.ListenAndServe`, `http.Handler`).
   */
  httpClient: boolean;
  /**
   * Imports of the file from NO_DIAL_PACKAGES with a client side (otelhttp's `Get`, `NewTransport`)
   * that the file names, or imports under another name than the package's (uses not read): the
   * file may open connections through them.
   */
  clientSide: string[];
  /**
   * The file may make a gRPC connection with TLS: it imports gRPC's TLS credentials
   * (`google.golang.org/grpc/credentials`: NewTLS, NewClientTLSFromCert/File; or another package
   * under credentials/ but insecure and local: google, oauth, alts …), or it dials (`grpc.Dial`,
   * `grpc.DialContext`, `grpc.NewClient`) and nowhere asks for plaintext (`insecure.NewCredentials()`,
   * `grpc.WithInsecure()`). False for a file that only serves (`grpc.NewServer`) or uses the types,
   * and for one whose dials are plaintext (topolvm's lvmd clients over a unix socket).
   */
  grpcTls: boolean;
  /**
   * The file gets its Kubernetes client configuration in-cluster (`rest.InClusterConfig()`,
   * controller-runtime's `GetConfigOrDie()`; IN_CLUSTER_CONFIG): in a pod the API server is
   * dialled with the service account's CA (ca.crt), not the system roots.
   */
  inClusterConfig: boolean;
  /** The `//go:build` expression (or the `// +build` lines joined) in the header, null when none. */
  constraint: string | null;
  /**
   * The file's `//go:generate` directives (a line that starts with `//go:generate` and a blank,
   * as `go generate` reads them), with their 1-based lines; null when it has none.
   */
  generates: GoGenerateDirective[] | null;
}

/** A `//go:generate` line: what `go generate` runs for the file. */
export interface GoGenerateDirective {
  line: number;
  /** The command as written after `//go:generate `. */
  command: string;
}

/** A call that changes the process's user or groups, or a child's credentials (see `setsUser`). */
/** The Docker Engine's socket path as a whole Go string literal (see `dockerSocket`). */
const DOCKER_SOCKET = /(["`])(?:unix:\/\/)?\/(?:var\/)?run\/docker\.sock\1/;

/** A read of a variable CI platforms give a job's steps to act on the job (see `readsCiJobEnv`). */
const CI_JOB_ENV = /\bos\.(?:Getenv|LookupEnv)\(\s*"(?:GITHUB_EVENT_PATH|GITHUB_WORKSPACE|CI_JOB_TOKEN|CI_PROJECT_DIR|CI_MERGE_REQUEST_IID|BITBUCKET_CLONE_DIR|BITBUCKET_PR_ID|BUILD_SOURCESDIRECTORY|SYSTEM_ACCESSTOKEN|SYSTEM_PULLREQUEST_PULLREQUESTID)"\s*\)/;

const SETS_USER = /\b(?:syscall|unix)\.(?:Set(?:res|re)?[ug]id\s*\(|Setgroups\s*\(|Credential\s*\{)/;

/**
 * The file's requests all go to URLs it builds with the http scheme (`url.URL{Scheme: "http", …}`,
 * an `"http://…"` literal), and nothing in it can make an https one: no `https` anywhere, no URL
 * parsed from text (`url.Parse`, `url.ParseRequestURI`: a flag, a variable, a config). cri-o's
 * metrics-exporter asks each node's metrics port over plain http (judge 31 X W7).
 */
function plainHttpOnly(body: string): boolean {
  return /\bScheme:\s*"http"|"http:\/\//.test(body) && !/https/i.test(body) && !/\burl\.Parse(RequestURI)?\(/.test(body);
}

/**
 * A Kubernetes client configuration that is the in-cluster one in a pod: client-go's
 * `rest.InClusterConfig()`, controller-runtime's `GetConfigOrDie()`/`GetConfig()` (the
 * service account's token and ca.crt when no kubeconfig is given: topolvm's controller and node).
 */
const IN_CLUSTER_CONFIG = /\brest\.InClusterConfig\(\s*\)|\b(?:ctrl|config)\.GetConfig(?:OrDie)?\(\s*\)/;

/**
 * The bytes from `from` hold what every IN_CLUSTER_CONFIG match spells out (`InClusterConfig(`
 * or `.GetConfig`): without either, the body (comments blanked or not) cannot match, and is
 * neither decoded nor stripped. A bare `Config` was the test before: most Kubernetes code has one.
 */
export function mayMatchInClusterConfig(view: Buffer, from: number): boolean {
  return view.indexOf('InClusterConfig(', from, 'latin1') >= 0 || view.indexOf('.GetConfig', from, 'latin1') >= 0;
}

/** gRPC credentials packages that make no TLS connection (`insecure`, `local`: same-host plaintext). */
const GRPC_PLAIN_CREDENTIALS = /^google\.golang\.org\/grpc\/credentials\/(insecure|local)$/;

/** The file may dial gRPC with TLS (see GoFileInfo `grpcTls`). */
function grpcMayUseTls(imports: readonly string[], body: string): boolean {
  if (imports.some((i) => underPath(i, 'google.golang.org/grpc/credentials') && !GRPC_PLAIN_CREDENTIALS.test(i))) return true;
  if (!/\bgrpc\.(Dial|DialContext|NewClient)\(/.test(body)) return false;
  return !/\binsecure\.NewCredentials\(\s*\)|\bgrpc\.WithInsecure\(\s*\)/.test(body);
}

/** net/http's client side: the functions and types that send requests (see `httpClient`). */
const HTTP_CLIENT = /\bhttp\.(?:Get|Head|Post|PostForm|Client|DefaultClient|NewRequest|NewRequestWithContext|Transport|DefaultTransport|RoundTripper|ProxyFromEnvironment|ProxyURL)\b/;

const SPACE = 0x20, TAB = 0x09, CR = 0x0d, LF = 0x0a, SLASH = 0x2f, STAR = 0x2a, QUOTE = 0x22, BACKTICK = 0x60;
const LPAREN = 0x28, RPAREN = 0x29, SEMI = 0x3b, DOT = 0x2e;

function isIdentByte(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0x80;
}

type Tok =
  | { k: 'ident'; s: number; e: number }
  | { k: 'string'; value: string }
  | { k: 'punct'; c: number }
  | { k: 'eof' };

class Scanner {
  pos = 0;
  /** Comments seen before the package clause (only collected while `collect` is on). */
  headerComments: string[] = [];
  collect = true;
  constructor(private readonly b: Uint8Array, private readonly decode: (s: number, e: number) => string) {}

  next(): Tok {
    const b = this.b;
    const n = b.length;
    for (;;) {
      while (this.pos < n) {
        const c = b[this.pos];
        if (c === SPACE || c === TAB || c === CR || c === LF || c === SEMI) this.pos++;
        else break;
      }
      if (this.pos >= n) return { k: 'eof' };
      const c = b[this.pos];
      if (c === SLASH && b[this.pos + 1] === SLASH) {
        const start = this.pos;
        let e = start + 2;
        while (e < n && b[e] !== LF) e++;
        if (this.collect) this.headerComments.push(this.decode(start, e).replace(/\r$/, ''));
        this.pos = e;
        continue;
      }
      if (c === SLASH && b[this.pos + 1] === STAR) {
        let e = this.pos + 2;
        while (e < n - 1 && !(b[e] === STAR && b[e + 1] === SLASH)) e++;
        this.pos = Math.min(n, e + 2);
        // A block comment ends the run of `//go:build` lines only if it is followed by a blank
        // line; we do not need that precision.
        continue;
      }
      if (c === QUOTE) {
        let e = this.pos + 1;
        let hasEscape = false;
        while (e < n && b[e] !== QUOTE && b[e] !== LF) {
          if (b[e] === 0x5c) {
            hasEscape = true;
            e += 2;
          } else e++;
        }
        let value = this.decode(this.pos + 1, Math.min(e, n));
        if (hasEscape) value = unescapeGo(value);
        this.pos = Math.min(n, e + 1);
        return { k: 'string', value };
      }
      if (c === BACKTICK) {
        let e = this.pos + 1;
        while (e < n && b[e] !== BACKTICK) e++;
        const value = this.decode(this.pos + 1, e);
        this.pos = Math.min(n, e + 1);
        return { k: 'string', value };
      }
      if (isIdentByte(c)) {
        const s = this.pos;
        let e = s + 1;
        while (e < n && isIdentByte(b[e])) e++;
        this.pos = e;
        return { k: 'ident', s, e };
      }
      this.pos++;
      return { k: 'punct', c };
    }
  }

  identIs(t: Tok, word: string): boolean {
    if (t.k !== 'ident' || t.e - t.s !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.b[t.s + i] !== word.charCodeAt(i)) return false;
    return true;
  }
}

function unescapeGo(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The constraint in header comments: `//go:build expr`, or the `// +build` lines combined. */
function constraintFrom(comments: string[]): string | null {
  const plus: string[] = [];
  for (const c of comments) {
    const m = /^\/\/go:build\s+(.*)$/.exec(c);
    if (m) return m[1].trim();
    const p = /^\/\/\s*\+build\s+(.*)$/.exec(c);
    if (p) plus.push(p[1].trim());
  }
  if (plus.length === 0) return null;
  // `// +build a,b c` = (a && b) || c; several lines are ANDed.
  return plus
    .map((line) => '(' + line.split(/\s+/).map((alt) => '(' + alt.split(',').map((t) => (t.startsWith('!') ? '!' + t.slice(1) : t)).join(' && ') + ')').join(' || ') + ')')
    .join(' && ');
}

/**
 * `.LoadLocation(` occurs in the body with an argument other than the constant "", "UTC" or
 * "Local": time.LoadLocation returns UTC or Local for those without reading a zoneinfo database
 * (scroll-tech/scroll common/utils/timezone.go: `time.LoadLocation("")`).
 */
function readsZoneinfo(view: Buffer, from: number): boolean {
  const needle = '.LoadLocation(';
  for (let at = view.indexOf(needle, from, 'latin1'); at >= 0; at = view.indexOf(needle, at + needle.length, 'latin1')) {
    const m = /^\s*("(UTC|Local|)"|`(UTC|Local|)`)\s*\)/.exec(view.toString('latin1', at + needle.length, at + needle.length + 64));
    if (!m) return true;
  }
  return false;
}

/**
 * The `//go:generate` lines of a file's text: at the start of a line, then a blank (go generate's
 * own test). The package index keeps them (GoPackage `generates`); the generator reads vendored
 * packages' files through it too (generate/goGenerate.ts).
 */
export function generateDirectives(text: string): GoGenerateDirective[] | null {
  const out: GoGenerateDirective[] = [];
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (!l.startsWith('//go:generate') || (l[13] !== ' ' && l[13] !== '\t')) continue;
    out.push({ line: k + 1, command: l.slice(13).replace(/\r$/, '').trim() });
  }
  return out.length > 0 ? out : null;
}

/**
 * The name a file's code uses for one of its imports: the name its import declaration gives (an
 * alias; `.` for a dot import, `_` for a blank one), else the imported package's own name
 * (`packageName`, its package clause). Null when the file does not import it. A qualifier means
 * the package a file's own imports say, not whichever package has that name
 * (flipped-aurora/gin-vue-admin 02f3783 server/initialize/plugin_biz_v1.go's `plugin.Plugin` is
 * utils/plugin's; the folder plugin/ is imported blank, by plugin_biz_v2.go only).
 */
export function importQualifier(info: Pick<GoFileInfo, 'imports' | 'importNames'>, importPath: string, packageName: string): string | null {
  if (!info.imports.includes(importPath)) return null;
  return info.importNames?.get(importPath) ?? packageName;
}

/**
 * The import path a file names with `qualifier` (`run` in `run.Init()`): the import its
 * declarations give that name, or the one not renamed whose package is so named (`packageName`
 * of an import path, null when unknown). Null for none, or for several.
 */
export function qualifiedImport(info: Pick<GoFileInfo, 'imports' | 'importNames'>, qualifier: string, packageName: (importPath: string) => string | null): string | null {
  if (qualifier === '_' || qualifier === '.') return null;
  const found = info.imports.filter((i) => (info.importNames?.get(i) ?? packageName(i)) === qualifier);
  return found.length === 1 ? found[0] : null;
}

/**
 * Parses a Go source file. `content` may be a Buffer (fast path: only the header and import
 * strings are decoded) or a string. Never throws.
 */
export function parseGoFile(content: Uint8Array | string): GoFileInfo {
  const buf: Buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const info: GoFileInfo = { packageName: null, imports: [], importNames: null, importsC: false, callsLoadLocation: false, setsUser: false, dockerSocket: false, readsCiJobEnv: false, hasFuncMain: false, execs: null, constraint: null, httpClient: false, clientSide: [], grpcTls: false, inClusterConfig: false, generates: null };
  try {
    let start = 0;
    if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    const view = start ? buf.subarray(start) : buf;
    const decode = (s: number, e: number) => view.toString('utf8', s, e);
    const sc = new Scanner(view, decode);
    let t = sc.next();
    if (!sc.identIs(t, 'package')) return info;
    sc.collect = false;
    info.constraint = constraintFrom(sc.headerComments);
    t = sc.next();
    if (t.k !== 'ident') return info;
    info.packageName = decode(t.s, t.e);
    const seen = new Set<string>();
    const add = (p: string) => {
      if (!seen.has(p)) {
        seen.add(p);
        info.imports.push(p);
      }
    };
    /** net/http imported under another name than `http` (or `.`): its uses are not read. */
    let httpRenamed = false;
    /** The name each import is given in the file (`.` for a dot import), when it is given one. */
    const names = new Map<string, string>();
    const readSpec = (first: Tok): boolean => {
      // ImportSpec = [ "." | PackageName ] ImportPath
      let tok = first;
      let renamed = false;
      if (tok.k === 'ident' || (tok.k === 'punct' && tok.c === DOT)) {
        renamed = !(tok.k === 'ident' && decode(tok.s, tok.e) === 'http');
        tok = sc.next();
      }
      if (tok.k !== 'string') return false;
      if (renamed && tok.value === 'net/http') httpRenamed = true;
      if (first !== tok) {
        const name = first.k === 'ident' ? decode(first.s, first.e) : '.';
        names.set(tok.value, name);
      }
      add(tok.value);
      return true;
    };
    let bodyStart = sc.pos;
    for (;;) {
      const save = sc.pos;
      t = sc.next();
      if (!sc.identIs(t, 'import')) {
        bodyStart = save;
        break;
      }
      t = sc.next();
      if (t.k === 'punct' && t.c === LPAREN) {
        for (;;) {
          t = sc.next();
          if (t.k === 'eof') break;
          if (t.k === 'punct' && t.c === RPAREN) break;
          if (!readSpec(t)) break;
        }
      } else if (!readSpec(t)) {
        bodyStart = sc.pos;
        break;
      }
      bodyStart = sc.pos;
    }
    if (names.size > 0) info.importNames = names;
    // The body after the imports, decoded once as latin1 (for byte-level searches) and, with its
    // comments blanked, once as UTF-8: each only when a check below needs it.
    let latin1: string | undefined;
    const bodyLatin1 = () => (latin1 ??= view.toString('latin1', bodyStart));
    let code: string | undefined;
    const bodyCode = () => (code ??= stripGoComments(view.toString('utf8', bodyStart)));
    info.importsC = seen.has('C');
    if (seen.has('time')) info.callsLoadLocation = readsZoneinfo(view, bodyStart);
    if ((seen.has('syscall') || seen.has('golang.org/x/sys/unix')) && SETS_USER.test(bodyLatin1())) info.setsUser = true;
    if (view.indexOf('docker.sock', bodyStart, 'latin1') >= 0) info.dockerSocket = DOCKER_SOCKET.test(bodyCode());
    if (seen.has('os') && view.indexOf('nv(', bodyStart, 'latin1') >= 0) info.readsCiJobEnv = CI_JOB_ENV.test(bodyLatin1());
    if (seen.has('os/exec')) info.execs = fileExecs(view.toString('utf8'));
    if (seen.has('net/http')) info.httpClient = httpRenamed || (HTTP_CLIENT.test(bodyLatin1()) && !plainHttpOnly(bodyCode()));
    if (info.imports.some((i) => i === 'google.golang.org/grpc' || underPath(i, 'google.golang.org/grpc/credentials'))) info.grpcTls = grpcMayUseTls(info.imports, bodyCode());
    if (mayMatchInClusterConfig(view, bodyStart)) info.inClusterConfig = IN_CLUSTER_CONFIG.test(bodyCode());
    for (const imp of info.imports) {
      // Most imports fall under no entry with a client side: those skip the search of the whole list.
      if (!CLIENT_SIDE_ENTRIES.some((c) => (c.tree ? underPath(imp, c.path) : imp === c.path))) continue;
      const d = noDialEntry(imp);
      if (!d?.client) continue;
      const name = names.get(imp);
      if ((name !== undefined && name !== d.client.name) || d.client.uses.test(bodyLatin1())) info.clientSide.push(imp);
    }
    if (view.indexOf('//go:generate', 0, 'latin1') >= 0) info.generates = generateDirectives(view.toString('utf8'));
    if (info.packageName === 'main') {
      if (view.indexOf('func main()', bodyStart, 'latin1') >= 0) info.hasFuncMain = true;
      else if (view.indexOf('main', bodyStart, 'latin1') >= 0) {
        info.hasFuncMain = /(^|\n)func\s+main\s*\(\s*\)/.test(bodyLatin1());
      }
    }
  } catch {
    // Never throw on odd input: keep whatever was read.
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Which files a linux build compiles (go/build's file-name and constraint rules, approximately)

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64',
  'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x',
  'sparc', 'sparc64', 'wasm',
]);

/**
 * go/build's `goodOSArchFile` for GOOS=linux and any GOARCH: false for `x_windows.go`,
 * `x_darwin_arm64.go`; true for `x_linux.go`, `x_amd64.go`, `windows.go`.
 */
export function fileNameMatchesLinux(name: string): boolean {
  let base = name;
  const dot = base.indexOf('.');
  if (dot >= 0) base = base.slice(0, dot);
  const us = base.indexOf('_');
  if (us < 0) return true;
  const l = base.slice(us).split('_');
  if (l.length > 0 && l[l.length - 1] === 'test') l.pop();
  const n = l.length;
  if (n >= 2 && KNOWN_OS.has(l[n - 2]) && KNOWN_ARCH.has(l[n - 1])) return l[n - 2] === 'linux';
  if (n >= 1 && KNOWN_OS.has(l[n - 1])) return l[n - 1] === 'linux';
  return true;
}

/** Three-valued truth: a tag can be set, unset, or unknown (GOARCH, cgo). */
type Tri = 0 | 1 | 2; // 0 false, 1 true, 2 unknown

function tagValue(tag: string, cgo: boolean | null): Tri {
  if (tag === 'linux' || tag === 'unix' || tag === 'gc') return 1;
  if (KNOWN_OS.has(tag)) return 0;
  if (KNOWN_ARCH.has(tag)) return 2;
  if (tag === 'cgo') return cgo === null ? 2 : cgo ? 1 : 0;
  if (/^go1\.[0-9]+$/.test(tag)) return 1;
  // `ignore`, `gccgo`, custom tags: not set by a plain `go build`.
  return 0;
}

/**
 * Evaluates a `//go:build` expression for GOOS=linux, any GOARCH, with cgo on (true), off (false)
 * or unknown (null). Returns 0 (excluded), 1 (included) or 2 (depends on GOARCH/cgo).
 * A malformed expression evaluates to 2.
 */
export function evalConstraint(expr: string, cgo: boolean | null): Tri {
  const toks = expr.match(/&&|\|\||!|\(|\)|[A-Za-z0-9_.]+/g) ?? [];
  let i = 0;
  let bad = false;
  const and = (a: Tri, b: Tri): Tri => (a === 0 || b === 0 ? 0 : a === 1 && b === 1 ? 1 : 2);
  const or = (a: Tri, b: Tri): Tri => (a === 1 || b === 1 ? 1 : a === 0 && b === 0 ? 0 : 2);
  const not = (a: Tri): Tri => (a === 2 ? 2 : a === 1 ? 0 : 1);
  const parseOr = (): Tri => {
    let v = parseAnd();
    while (toks[i] === '||') {
      i++;
      v = or(v, parseAnd());
    }
    return v;
  };
  const parseAnd = (): Tri => {
    let v = parseUnary();
    while (toks[i] === '&&') {
      i++;
      v = and(v, parseUnary());
    }
    return v;
  };
  const parseUnary = (): Tri => {
    const t = toks[i];
    if (t === '!') {
      i++;
      return not(parseUnary());
    }
    if (t === '(') {
      i++;
      const v = parseOr();
      if (toks[i] === ')') i++;
      else bad = true;
      return v;
    }
    if (t === undefined || t === ')' || t === '&&' || t === '||') {
      bad = true;
      i++;
      return 2;
    }
    i++;
    return tagValue(t, cgo);
  };
  const v = parseOr();
  if (bad || i !== toks.length) return 2;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Known modules

export interface KnownCgoModule {
  /** Module (or package) path prefix. */
  path: string;
  /** `module`: every package of the module needs cgo; `package`: only this package tree does. */
  scope: 'module' | 'package';
  /** What it binds. */
  binds: string;
  /** A pure-Go alternative to name in messages, when there is a well-known one. */
  alternative?: string;
  /**
   * The C library it needs, as `-l` or pkg-config names it (`systemd`): the generator installs its
   * development package in the builder and its shared library in the runtime.
   */
  clib?: string;
  /**
   * Why a `// indirect` requirement of it says nothing about the program: the graphs that hold it
   * reach it through a package only a build tag compiles (blst through c-kzg-4844's Go bindings,
   * which go-ethereum builds only with `-tags ckzg`). The generator then gives no warning for it.
   */
  quietIndirect?: string;
}

/** Modules that cannot build with CGO_ENABLED=0 (kept short: only well-known, unambiguous ones). */
export const KNOWN_CGO_MODULES: readonly KnownCgoModule[] = [
  { path: 'github.com/mattn/go-sqlite3', scope: 'module', binds: 'SQLite', alternative: 'modernc.org/sqlite' },
  { path: 'github.com/mutecomm/go-sqlcipher', scope: 'module', binds: 'SQLCipher' },
  { path: 'github.com/confluentinc/confluent-kafka-go', scope: 'module', binds: 'librdkafka', alternative: 'github.com/twmb/franz-go' },
  { path: 'github.com/linxGnu/grocksdb', scope: 'module', binds: 'RocksDB', alternative: 'github.com/cockroachdb/pebble' },
  { path: 'github.com/tecbot/gorocksdb', scope: 'module', binds: 'RocksDB', alternative: 'github.com/cockroachdb/pebble' },
  { path: 'github.com/DataDog/zstd', scope: 'module', binds: 'zstd', alternative: 'github.com/klauspost/compress/zstd' },
  { path: 'github.com/valyala/gozstd', scope: 'module', binds: 'zstd', alternative: 'github.com/klauspost/compress/zstd' },
  { path: 'github.com/godror/godror', scope: 'module', binds: 'Oracle OCI' },
  { path: 'github.com/mattn/go-oci8', scope: 'module', binds: 'Oracle OCI' },
  { path: 'github.com/libgit2/git2go', scope: 'module', binds: 'libgit2', alternative: 'github.com/go-git/go-git' },
  { path: 'github.com/bep/golibsass', scope: 'module', binds: 'LibSass' },
  { path: 'github.com/h2non/bimg', scope: 'module', binds: 'libvips' },
  { path: 'github.com/davidbyttow/govips', scope: 'module', binds: 'libvips' },
  { path: 'gocv.io/x/gocv', scope: 'module', binds: 'OpenCV' },
  { path: 'github.com/miekg/pkcs11', scope: 'module', binds: 'PKCS#11' },
  // The PostgreSQL parser (libpg_query's C sources, compiled by cgo; no !cgo files).
  { path: 'github.com/pganalyze/pg_query_go', scope: 'module', binds: 'libpg_query' },
  // GEOS bindings: every file of the package has `import "C"` (`#cgo LDFLAGS: -lgeos_c`), no !cgo
  // file (PeerDB-io/peerdb 6b52fb6 flow/shared/datatypes/geo.go; its stacks/flow.Dockerfile builds
  // with CGO_ENABLED=1 and geos-dev, and runs with geos).
  { path: 'github.com/twpayne/go-geos', scope: 'module', binds: 'GEOS (libgeos_c)', clib: 'geos_c' },
  // pcap.go: `#cgo linux LDFLAGS: -lpcap` (buger/goreplay 251e45a internal/capture/sock_linux.go).
  { path: 'github.com/google/gopacket/pcap', scope: 'package', binds: 'libpcap', clib: 'pcap' },
  // BLS signatures of Ethereum's consensus layer. herumi's bls package: bls.go, mcl.go, eth.go,
  // callback.go and link.go all have `import "C"` (`#cgo LDFLAGS: -lbls384_256 -lm`, the
  // prebuilt archives of lib/linux/{amd64,arm64}), cast.go alone has none, and there is no !cgo
  // file: with CGO_ENABLED=0 the program fails to compile (ObolNetwork/charon e628470's
  // tbls/herumi.go, wealdtech/ethdo ae1b9af's util/bls.go).
  { path: 'github.com/herumi/bls-eth-go-binary', scope: 'module', binds: 'the herumi BLS library' },
  // supranational/blst's Go package (bindings/go): blst.go has `import "C"`, the C and assembly
  // sources come in through cgo_server.c, and no !cgo file exists (blst_wasm.go is package
  // not_supported). Most Go graphs only require it `// indirect` through c-kzg-4844's bindings,
  // which go-ethereum compiles only with `-tags ckzg` (flashbots/mev-boost-relay 7781f99: go.sum
  // holds blst's code, nothing of the program compiles it).
  { path: 'github.com/supranational/blst', scope: 'module', binds: 'blst (BLS12-381)', quietIndirect: 'required through c-kzg-4844, whose Go bindings go-ethereum compiles only with -tags ckzg' },
  // The systemd journal reader: journal.go has `import "C"` (`#include <systemd/sd-journal.h>`)
  // and no !cgo file, and loads libsystemd.so.0 at run time (coroot/coroot-node-agent 89a16af:
  // logs/journald_reader.go; with CGO_ENABLED=0 "build constraints exclude all Go files").
  { path: 'github.com/coreos/go-systemd/v22/sdjournal', scope: 'package', binds: 'libsystemd (sd-journal)', clib: 'systemd' },
  { path: 'github.com/coreos/go-systemd/sdjournal', scope: 'package', binds: 'libsystemd (sd-journal)', clib: 'systemd' },
  // The standard library's plugin package: without cgo, plugin.Open returns "plugin: not
  // implemented" (nakama loads its Go runtime modules with it).
  { path: 'plugin', scope: 'package', binds: 'the dynamic loader for plugin.Open' },
];

/**
 * Packages that import a cgo-only module (KNOWN_CGO_MODULES) unconditionally, so a program that
 * imports one needs cgo although its own imports do not show it: gorm's sqlite driver
 * (gorm.io/driver/sqlite) imports github.com/mattn/go-sqlite3, so a CGO_ENABLED=0 build compiles
 * the driver's stub and the program fails at start ("Binary was compiled with 'CGO_ENABLED=0',
 * go-sqlite3 requires cgo to work"). The generator (generate/cgoGraph.ts) and the lint facts
 * (query.ts buildFacts) both read this table, through cgoWrapperFor.
 */
export const CGO_WRAPPERS: readonly CgoWrapper[] = [
  { pkg: 'gorm.io/driver/sqlite', cgoModule: 'github.com/mattn/go-sqlite3', opens: true },
  { pkg: 'github.com/jinzhu/gorm/dialects/sqlite', cgoModule: 'github.com/mattn/go-sqlite3', opens: true },
  // Its WithInstance takes any *sql.DB: steveiliop56/tinyauth opens SQLite with modernc.org/sqlite
  // and migrates it through this package, built with CGO_ENABLED=0 (internal/bootstrap/db_bootstrap.go).
  { pkg: 'github.com/golang-migrate/migrate/v4/database/sqlite3', cgoModule: 'github.com/mattn/go-sqlite3' },
  // A multi-database ORM: the dialect is chosen at run time (teamhanko/hanko runs it on PostgreSQL).
  { pkg: 'github.com/gobuffalo/pop/v6', cgoModule: 'github.com/mattn/go-sqlite3' },
  { pkg: 'github.com/upper/db/v4/adapter/sqlite', cgoModule: 'github.com/mattn/go-sqlite3', opens: true },
  { pkg: 'github.com/volatiletech/sqlboiler/v4/drivers/sqlboiler-sqlite3', cgoModule: 'github.com/mattn/go-sqlite3', opens: true },
  { pkg: 'github.com/confluentinc/confluent-kafka-go/v2/kafka', cgoModule: 'github.com/confluentinc/confluent-kafka-go', opens: true },
];

export interface CgoWrapper {
  pkg: string;
  cgoModule: string;
  /**
   * Using the package is using the cgo module (gorm's sqlite driver opens its database through
   * go-sqlite3): the lint facts count it as the program needing cgo (query.ts buildFacts
   * `cgoThrough`). Without: the program may use it over another driver, or not at all; only the
   * generator, which builds with cgo where it may be needed, counts it.
   */
  opens?: true;
}

/**
 * Pure-Go SQLite drivers: a program that imports one may give a wrapper its connection (gorm's
 * `sqlite.New(sqlite.Config{DriverName: "sqlite"})`), so the wrapper says nothing of cgo there.
 */
export const PURE_GO_SQLITE: readonly string[] = ['modernc.org/sqlite', 'github.com/glebarez/go-sqlite', 'github.com/glebarez/sqlite', 'github.com/ncruces/go-sqlite3'];

/**
 * The wrapper (CGO_WRAPPERS) an import path belongs to, when its cgo module's code is in the
 * build: `withCode` is the set of module paths whose code (not only go.mod) go.sum holds (a
 * `/go.mod`-only line means the module is in the graph but its code is never built), or null when
 * there is no go.sum to tell (then the wrapper alone counts).
 */
export function cgoWrapperFor(importPath: string, withCode: ReadonlySet<string> | null): CgoWrapper | undefined {
  const w = cgoWrapperLookup(importPath);
  return w && (withCode === null || withCode.has(w.cgoModule)) ? w : undefined;
}

const cgoWrapperLookup = pathLookup(CGO_WRAPPERS, (w) => w.pkg, () => true);

/** Module paths whose code (not only go.mod) a go.sum text holds. */
export function modulesWithCode(goSum: string): Set<string> {
  const out = new Set<string>();
  for (const line of goSum.split('\n')) {
    const [path, version] = line.trim().split(/\s+/);
    if (path && version && !version.endsWith('/go.mod')) out.add(path);
  }
  return out;
}

/** The cgo modules of CGO_WRAPPERS whose code a go.sum text holds (GoModule `cgoCodeInSum`). */
export function wrappedCgoModulesWithCode(goSum: string): string[] {
  const withCode = modulesWithCode(goSum);
  return [...new Set(CGO_WRAPPERS.map((w) => w.cgoModule))].filter((m) => withCode.has(m));
}

export function underPath(importPath: string, prefix: string): boolean {
  return importPath === prefix || (importPath.length > prefix.length && importPath.startsWith(prefix) && importPath.charCodeAt(prefix.length) === 0x2f);
}

/**
 * `list.find` of the first entry (in the list's order) whose path is `importPath` or, for an entry
 * whose `tree` is true, a parent of it (underPath), as a lookup of each of its parent paths in a
 * map: a `find` over tables of hundreds of paths, for each import of every Go file a workspace
 * holds, was milliseconds of every CLI start. The maps are made on the first lookup.
 */
export function pathLookup<T>(list: readonly T[], pathOf: (e: T) => string, tree: (e: T) => boolean): (importPath: string) => T | undefined {
  let exact: Map<string, number> | undefined;
  let trees: Map<string, number> | undefined;
  return (importPath) => {
    if (!exact || !trees) {
      exact = new Map();
      trees = new Map();
      for (let i = 0; i < list.length; i++) {
        const m = tree(list[i]) ? trees : exact;
        if (!m.has(pathOf(list[i]))) m.set(pathOf(list[i]), i);
      }
    }
    let first = exact.get(importPath) ?? -1;
    for (let end = importPath.length; end > 0; end = importPath.lastIndexOf('/', end - 1)) {
      const i = trees.get(end === importPath.length ? importPath : importPath.slice(0, end));
      if (i !== undefined && (first < 0 || i < first)) first = i;
    }
    return first < 0 ? undefined : list[first];
  };
}

/** The known cgo module an import path belongs to, if any. */
export function knownCgoModuleFor(importPath: string): KnownCgoModule | undefined {
  return knownCgoModuleLookup(importPath);
}
const knownCgoModuleLookup = pathLookup(KNOWN_CGO_MODULES, (m) => m.path, () => true);

/** The known cgo module a go.mod requirement names (scope `module` only), if any. */
export function knownCgoRequirement(modulePath: string): KnownCgoModule | undefined {
  return KNOWN_CGO_MODULES.find((m) => m.scope === 'module' && underPath(modulePath, m.path));
}

/**
 * Imports that mean the program makes TLS connections (and so needs a CA bundle at run time).
 * Prefix match on whole path segments.
 */
export const TLS_IMPORTS: readonly string[] = [
  'net/http',
  'crypto/tls',
  'net/smtp',
  'google.golang.org/grpc',
  'google.golang.org/api',
  'cloud.google.com/go',
  'github.com/aws/aws-sdk-go',
  'github.com/aws/aws-sdk-go-v2',
  'github.com/Azure/azure-sdk-for-go',
  'golang.org/x/oauth2',
  'github.com/go-resty/resty',
  'github.com/hashicorp/go-retryablehttp',
  'github.com/minio/minio-go',
];

/**
 * A package that opens no network connection of its own: a pure library (identifiers, encodings,
 * logging, flags, errors), the API half of OpenTelemetry (no exporter), or the server side of an
 * HTTP stack (routers, middleware, the OpAMP server). `tree`: the packages below it too.
 * `client`: a package that also has a client side (otelhttp.Get, NewTransport): a file that
 * names it (`uses`, over the file's body), or imports the package under another name than
 * `name`, may dial through it (GoFileInfo `clientSide`).
 */
interface NoDial {
  path: string;
  tree: boolean;
  client?: { name: string; uses: RegExp };
}

const tree = (path: string): NoDial => ({ path, tree: true });
const only = (path: string): NoDial => ({ path, tree: false });

/**
 * Packages that make no outbound connection (NoDial). GD202's server-only exemption (a program
 * that imports net/http only to serve, buildFacts) holds when every module package the program
 * imports is one of these: any other (a database driver, an SDK, a websocket client) may dial
 * with the system roots. Kept to packages whose whole tree is known not to dial: prometheus's
 * client_golang has `push` and `api` (they do), OpenTelemetry its exporters, opamp-go its client,
 * urfave/cli its altsrc (which reads a config from an https:// URL).
 */
export const NO_DIAL_PACKAGES: readonly NoDial[] = [
  // HTTP routers and server frameworks over net/http (echo's middleware has a reverse proxy,
  // which dials its upstreams).
  ...['github.com/labstack/echo/middleware', 'github.com/labstack/echo/v4/middleware'].map((path): NoDial => ({
    path, tree: false, client: { name: 'middleware', uses: /\bmiddleware\.Proxy(?:WithConfig)?\b/ },
  })),
  tree('github.com/gin-gonic/gin'), tree('github.com/labstack/echo'), tree('github.com/go-chi/chi'),
  tree('github.com/gorilla/mux'), tree('github.com/gorilla/handlers'), tree('github.com/julienschmidt/httprouter'),
  tree('github.com/felixge/httpsnoop'),
  // Identifiers.
  tree('github.com/google/uuid'), tree('github.com/gofrs/uuid'), tree('github.com/satori/go.uuid'), tree('github.com/oklog/ulid'),
  tree('github.com/rs/xid'), tree('github.com/segmentio/ksuid'),
  // Encodings.
  tree('google.golang.org/protobuf'), tree('github.com/golang/protobuf'), tree('github.com/gogo/protobuf'),
  tree('gopkg.in/yaml.v2'), tree('gopkg.in/yaml.v3'), tree('sigs.k8s.io/yaml'), tree('github.com/BurntSushi/toml'),
  tree('github.com/pelletier/go-toml'), tree('github.com/json-iterator/go'), tree('github.com/goccy/go-json'),
  tree('github.com/mitchellh/mapstructure'), tree('github.com/ghodss/yaml'),
  // Language helpers, errors, logging, flags.
  tree('golang.org/x/exp'), tree('golang.org/x/sync'), tree('golang.org/x/text'),
  tree('github.com/pkg/errors'), tree('go.uber.org/multierr'), tree('github.com/hashicorp/go-multierror'),
  tree('github.com/go-logr/logr'), tree('github.com/go-logr/stdr'), tree('github.com/go-logr/zapr'), tree('go.uber.org/zap'),
  tree('github.com/sirupsen/logrus'), tree('github.com/rs/zerolog'), tree('k8s.io/klog'),
  // go-kit's logger and its levels (not its syslog writer); oklog/run's actor groups.
  only('github.com/go-kit/log'), only('github.com/go-kit/log/level'), only('github.com/oklog/run'),
  tree('github.com/spf13/cobra'), tree('github.com/spf13/pflag'), only('github.com/urfave/cli'), only('github.com/urfave/cli/v2'), only('github.com/urfave/cli/v3'), tree('github.com/alecthomas/kong'),
  tree('github.com/kelseyhightower/envconfig'), tree('github.com/caarlos0/env'), tree('github.com/joho/godotenv'),
  only('sigs.k8s.io/release-utils/env'),
  // Kubernetes API types (the clients that send them are client-go's: see query.ts buildFacts).
  tree('k8s.io/api'), tree('k8s.io/apimachinery/pkg/apis'), tree('k8s.io/apimachinery/pkg/types'),
  tree('k8s.io/apimachinery/pkg/labels'), tree('k8s.io/apimachinery/pkg/fields'), tree('k8s.io/apimachinery/pkg/api'),
  tree('k8s.io/apimachinery/pkg/runtime'), only('k8s.io/apimachinery/pkg/util/runtime'), only('k8s.io/apimachinery/pkg/util/wait'),
  only('k8s.io/apimachinery/pkg/util/sets'), only('k8s.io/apimachinery/pkg/util/intstr'), tree('k8s.io/apimachinery/pkg/util/validation'),
  // Local system helpers: mounts, exec, syscalls; a config reader (its remote providers are viper/remote).
  tree('golang.org/x/sys'), tree('k8s.io/mount-utils'), only('k8s.io/utils/exec'), only('k8s.io/utils/ptr'), only('k8s.io/utils/pointer'),
  only('github.com/spf13/viper'),
  // CSI's generated messages and gRPC stubs: a client stub dials through the connection the
  // program made (its gRPC credentials are the program's: GoFileInfo grpcTls).
  tree('github.com/container-storage-interface/spec'),
  // The same for the kubelet's plugin APIs (device plugins, plugin registration, pod resources):
  // messages and gRPC stubs over the kubelet's unix sockets (squat/generic-device-plugin).
  tree('k8s.io/kubelet/pkg/apis/deviceplugin'), tree('k8s.io/kubelet/pkg/apis/pluginregistration'), tree('k8s.io/kubelet/pkg/apis/podresources'),
  // OpenTelemetry's API (the SDK's exporters, which dial, are other packages) and its HTTP middleware.
  only('go.opentelemetry.io/otel'), tree('go.opentelemetry.io/otel/attribute'), tree('go.opentelemetry.io/otel/baggage'),
  tree('go.opentelemetry.io/otel/codes'), tree('go.opentelemetry.io/otel/metric'), tree('go.opentelemetry.io/otel/propagation'),
  tree('go.opentelemetry.io/otel/semconv'), tree('go.opentelemetry.io/otel/trace'),
  {
    path: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', tree: true,
    client: { name: 'otelhttp', uses: /\botelhttp\.(?:Get|Head|Post|PostForm|NewTransport|Transport|DefaultClient)\b/ },
  },
  // The OpAMP server, its messages and the shared types (opamp-go/client dials).
  tree('github.com/open-telemetry/opamp-go/server'), tree('github.com/open-telemetry/opamp-go/protobufs'),
  tree('github.com/open-telemetry/opamp-go/protobufshelpers'), tree('github.com/open-telemetry/opamp-go/client/types'),
  // Prometheus metrics and their HTTP handler (push and the API client dial).
  only('github.com/prometheus/client_golang/prometheus'), only('github.com/prometheus/client_golang/prometheus/promauto'),
  tree('github.com/prometheus/client_golang/prometheus/collectors'),
  // What an exporter is made of besides (ncabatoff/process-exporter): /proc and /sys readers, the
  // exporters' logging and build information (prometheus/common's config, whose HTTP client
  // dials, is not here), the exporter toolkit's server (server-side TLS, basic auth), and
  // fakescraper, which runs promhttp's handler in-process on a recorder; go-seq compares values.
  tree('github.com/prometheus/procfs'), tree('github.com/prometheus/common/promlog'), tree('github.com/prometheus/common/promslog'),
  only('github.com/prometheus/common/version'), tree('github.com/prometheus/exporter-toolkit/web'),
  only('github.com/ncabatoff/fakescraper'), tree('github.com/ncabatoff/go-seq'),
  {
    path: 'github.com/prometheus/client_golang/prometheus/promhttp', tree: false,
    client: { name: 'promhttp', uses: /\bpromhttp\.InstrumentRoundTripper/ },
  },
  // A log exporter's sources (kumina/postfix_exporter a6f58e9: judge 41 X W2): kingpin's flags, a
  // file follower, the systemd journal reader (libsystemd, no network), the Docker API's types.
  tree('github.com/alecthomas/kingpin'), only('gopkg.in/alecthomas/kingpin.v2'), tree('github.com/nxadm/tail'), tree('github.com/hpcloud/tail'),
  only('github.com/coreos/go-systemd/sdjournal'), only('github.com/coreos/go-systemd/v22/sdjournal'),
  tree('github.com/docker/docker/api/types'),
  // The Docker Engine's client dials the daemon (DOCKER_HOST: its unix socket, or tcp), with TLS
  // only from DOCKER_CERT_PATH, then against that folder's ca.pem (go-connections tlsconfig:
  // NewEnvClient, FromEnv, WithTLSClientConfig): never against the system roots alone. Its client
  // side here: a scheme, an HTTP client or transport the program gives it (WithScheme,
  // WithHTTPClient, NewClient's *http.Client), or its HTTP client taken out (HTTPClient()).
  // postfix_exporter logsource_docker.go:87 `client.NewEnvClient()` (github.com/docker/docker v1.13.1).
  ...['github.com/docker/docker/client', 'github.com/moby/moby/client'].map((path): NoDial => ({
    path, tree: false, client: { name: 'client', uses: /\bclient\.(?:WithScheme|WithHTTPClient|NewClient)\b|\.HTTPClient\(\)/ },
  })),
];

/** The NO_DIAL_PACKAGES entry an import path falls under, if any. */
function noDialEntry(importPath: string): NoDial | undefined {
  return noDialLookup(importPath);
}
const noDialLookup = pathLookup(NO_DIAL_PACKAGES, (d) => d.path, (d) => d.tree);

/**
 * The NO_DIAL_PACKAGES entries with a client side. An import noDialEntry answers with one of these
 * falls under it, so an import that falls under none of them needs no noDialEntry (parseGoFile's
 * `clientSide`).
 */
const CLIENT_SIDE_ENTRIES: readonly NoDial[] = NO_DIAL_PACKAGES.filter((d) => d.client !== undefined);

/** The import is of a package that opens no connection of its own (NO_DIAL_PACKAGES; its client side aside). */
export function isNoDialImport(importPath: string): boolean {
  return noDialEntry(importPath) !== undefined;
}

/**
 * Packages under a TLS indicator that only serve: net/http/pprof registers the profiler's
 * handlers (`_ "net/http/pprof"` in ncabatoff/process-exporter's main), fcgi and cgi serve
 * requests a web server hands them. The net/http they import is judged as net/http.
 */
const SERVE_ONLY = new Set(['net/http/pprof', 'net/http/fcgi', 'net/http/cgi']);

/** The TLS indicators a list of imports contains (empty when none). */
export function tlsImports(imports: readonly string[]): string[] {
  return imports.filter((p) => !SERVE_ONLY.has(p) && TLS_IMPORTS.some((t) => underPath(p, t)));
}

/**
 * What a standard-library import makes cgo link into the binary when cgo is on (then the binary is
 * linked dynamically against the C library, whatever the program's own code): `net` for net and
 * the packages that import it (its resolver is cgo code unless `-tags netgo`), `os/user` (cgo
 * unless `-tags osusergo`), `cgo` for plugin and runtime/cgo; null for any other import. Only
 * packages known to import net are listed: net/url and net/netip do not.
 */
export function stdlibCgoUse(importPath: string): 'net' | 'os/user' | 'cgo' | null {
  if (importPath === 'os/user') return 'os/user';
  if (importPath === 'plugin' || importPath === 'runtime/cgo') return 'cgo';
  if (importPath === 'net/url' || importPath === 'net/netip') return null;
  if (underPath(importPath, 'net') || NET_IMPORTERS.has(importPath)) return 'net';
  return null;
}
const NET_IMPORTERS = new Set(['crypto/tls', 'crypto/x509', 'log/syslog', 'expvar']);

// ---------------------------------------------------------------------------------------------
// Per-package helpers (see ./query.ts for the same questions over a main package's local closure)

export type CgoReason =
  | { kind: 'import-C'; pkg: string }
  | { kind: 'import'; pkg: string; importPath: string; module: KnownCgoModule; through?: string }
  | { kind: 'requirement'; modulePath: string; module: KnownCgoModule };

/**
 * Why a package needs cgo: a non-test `import "C"` without a `!cgo` fallback, an import of a
 * known cgo-only module, or (when `module` is given) a direct (non-`// indirect`) requirement of
 * one in go.mod. Empty when it builds with CGO_ENABLED=0 as far as the files tell.
 */
export function cgoReasons(pkg: GoPackage, module?: GoModule | null): CgoReason[] {
  const out: CgoReason[] = [];
  if (pkg.usesCgo && !pkg.cgoFallback) out.push({ kind: 'import-C', pkg: pkg.dir });
  for (const imp of pkg.imports) {
    const m = knownCgoModuleFor(imp);
    if (m) out.push({ kind: 'import', pkg: pkg.dir, importPath: imp, module: m });
  }
  if (module) {
    const reqs = module.requirements ?? module.requires.map((path) => ({ path, indirect: false }));
    for (const r of reqs) {
      if (r.indirect) continue;
      const m = knownCgoRequirement(r.path);
      if (m && !out.some((x) => x.kind !== 'import-C' && x.module === m)) out.push({ kind: 'requirement', modulePath: r.path, module: m });
    }
  }
  return out;
}

/** The package (or its module's direct requirements, when `module` is given) needs cgo. */
export function usesCgo(pkg: GoPackage, module?: GoModule | null): boolean {
  return cgoReasons(pkg, module).length > 0;
}

/** The package imports something that makes TLS connections (net/http, crypto/tls, gRPC, cloud SDKs...). */
export function usesTls(pkg: GoPackage): boolean {
  return tlsImports(pkg.imports).length > 0;
}

/** The package calls `time.LoadLocation` and does not embed `time/tzdata`. */
export function needsTzdata(pkg: GoPackage): boolean {
  return pkg.callsLoadLocation && !pkg.importsTzdata;
}

/**
 * Pull linknames into the standard library: `//go:linkname unitMap time.unitMap` (godoxy's
 * internal/serialization/time.go) makes a local declaration refer to an unexported symbol of a
 * standard-library package. From Go 1.23 on the linker refuses such a reference unless the
 * standard library marks the symbol with a `//go:linkname` of its own ("relocation target
 * time.unitMap not defined" / "linkname reference to time.unitMap is not allowed"), so the build
 * fails at the link; `-ldflags=-checklinkname=0` turns the check off, as those projects' own
 * builds do. A few symbols the standard library marks for outside use (the "hall of shame" ones
 * every such project pulls: runtime.nanotime, runtime.procPin…) are left out: they link.
 */
import { stripGoComments } from './goSource';

/** The linker flag that lets a pull linkname into the standard library link (Go 1.23 and later). */
export const CHECKLINKNAME_OFF = '-checklinkname=0';
/** The Go release whose linker checks linknames into the standard library (and knows -checklinkname). */
export const CHECKLINKNAME_SINCE = '1.23';

/** The top folders of the standard library (`net/http/internal/http2`: net). */
const STD_ROOTS = new Set([
  'archive', 'bufio', 'bytes', 'cmp', 'compress', 'container', 'context', 'crypto', 'database', 'debug', 'embed',
  'encoding', 'errors', 'expvar', 'flag', 'fmt', 'go', 'hash', 'html', 'image', 'index', 'internal', 'io', 'iter', 'log',
  'maps', 'math', 'mime', 'net', 'os', 'path', 'plugin', 'reflect', 'regexp', 'runtime', 'slices', 'sort', 'strconv',
  'strings', 'structs', 'sync', 'syscall', 'testing', 'text', 'time', 'unicode', 'unique', 'unsafe', 'weak',
]);

/** Unexported symbols the standard library marks with a push linkname for the packages that pull them. */
const MARKED = new Set([
  'runtime.nanotime', 'runtime.nanotime1', 'runtime.walltime', 'runtime.fastrand', 'runtime.fastrandn', 'runtime.fastrand64',
  'runtime.cheaprand', 'runtime.cheaprandn', 'runtime.procPin', 'runtime.procUnpin', 'runtime.memhash', 'runtime.memhash32',
  'runtime.memhash64', 'runtime.strhash', 'runtime.noescape', 'runtime.mallocgc', 'runtime.typedmemmove', 'runtime.memmove',
  'runtime.memclrNoHeapPointers', 'runtime.gopark', 'runtime.goready', 'runtime.stopTheWorld', 'runtime.startTheWorld',
  'time.now', 'time.runtimeNano',
  // The runtime's push linknames of reflect's helpers ("hall of shame": modern-go/reflect2,
  // goccy/go-json, segmentio/encoding; uptrace's pkg/msgp pulls the last two).
  'reflect.unsafe_New', 'reflect.unsafe_NewArray', 'reflect.typedmemmove', 'reflect.typedslicecopy', 'reflect.ifaceIndir',
  // crypto/tls's badlinkname.go (xray-core, v2ray-core, quic-go forks; nebula's noiseutil pulls the first).
  'crypto/tls.aeadAESGCMTLS13', 'crypto/tls.cipherSuiteTLS13ByID', 'crypto/tls.cipherSuitesTLS13', 'crypto/tls.defaultCipherSuitesTLS13',
  'crypto/tls.defaultCipherSuitesTLS13NoAES', 'crypto/tls.errShutdown',
]);

export interface StdLinkname {
  /** The file (context-relative) and 1-based line of the directive. */
  at: string;
  /** The standard-library symbol it refers to (`time.unitMap`). */
  target: string;
}

/** The symbol's package path and name (`net/http/internal/http2.errStreamClosed`), null when it names no package. */
function splitTarget(target: string): { pkg: string; name: string } | null {
  const slash = target.lastIndexOf('/');
  const dot = target.indexOf('.', slash + 1);
  if (dot <= 0 || dot === target.length - 1) return null;
  return { pkg: target.slice(0, dot), name: target.slice(dot + 1) };
}

/**
 * The directives of `files` (text by context-relative path) that pull an unexported symbol of the
 * standard library (two-argument `//go:linkname local pkg.name`, the local declaration without a
 * body); the package's own name (`v1.X` in package v1) is no standard-library path.
 */
export function stdLinknames(files: Iterable<{ path: string; text: string }>): StdLinkname[] {
  const out: StdLinkname[] = [];
  for (const f of files) {
    if (!f.text.includes('//go:linkname')) continue;
    const own = /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(stripGoComments(f.text))?.[1];
    const lines = f.text.split('\n');
    lines.forEach((line, i) => {
      const m = /^\/\/go:linkname\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)\s*$/.exec(line.replace(/\r$/, ''));
      if (!m) return;
      const t = splitTarget(m[2]);
      if (!t || t.pkg === own || !STD_ROOTS.has(t.pkg.split('/')[0]) || t.pkg.split('/')[0].includes('.')) return;
      // Exported names (`reflect.TypeOf`) are no internal symbols; a method (`(*rtype).String`) is when its type or name is unexported.
      const idents = t.name.replace(/[()*]/g, '').split('.');
      if (idents.every((x) => /^[A-Z]/.test(x))) return;
      if (MARKED.has(m[2])) return;
      // A push (`func local() { … }`, a body): the symbol is defined here, not pulled.
      const decl = lines.find((l) => new RegExp(`^func\\s+${m[1]}\\s*[[(]`).test(l));
      if (decl !== undefined && /\{\s*(\/\/.*)?\r?$/.test(decl)) return;
      if (!out.some((o) => o.target === m[2])) out.push({ at: `${f.path}:${i + 1}`, target: m[2] });
    });
  }
  return out;
}

/** Build files of the project that may pass linker flags: at the root or one folder down, not sources or documents. */
export const BUILD_FILE = /^(?:[^/]+\/)?(?:Makefile|GNUmakefile|Dockerfile[^/]*|Justfile|justfile|Taskfile\.ya?ml|\.goreleaser[^/]*\.ya?ml|[^/]+\.(?:sh|bash|toml|mk))$|^\.github\/workflows\/[^/]+\.ya?ml$/;

/** Where the project's own build passes -checklinkname=0 (`.shadowtree.toml:59`), else null. */
export function statedLinkFlag(io: { read(rel: string): string | null; listFiles(under: string): readonly { path: string; size?: number }[] }): string | null {
  const files = io.listFiles('').map((f) => f.path).filter((p) => BUILD_FILE.test(p) && !p.includes('node_modules/'))
    // The build's own files before CI workflows (which may only test with it).
    .sort((a, b) => Number(a.startsWith('.github/')) - Number(b.startsWith('.github/')) || a.localeCompare(b));
  for (const p of files.slice(0, 200)) {
    const text = io.read(p);
    if (text === null || text.length > 256 * 1024) continue;
    const i = text.split('\n').findIndex((l) => /(^|[\s"'=])-checklinkname=0\b/.test(l));
    if (i >= 0) return `${p}:${i + 1}`;
  }
  return null;
}

/**
 * cgo reached through other modules, which the program's own imports do not show: gorm's sqlite
 * driver (gorm.io/driver/sqlite) imports github.com/mattn/go-sqlite3, so a CGO_ENABLED=0 build
 * compiles the driver's stub and the program fails at start ("Binary was compiled with
 * 'CGO_ENABLED=0', go-sqlite3 requires cgo to work").
 *
 * - With vendor/: the vendored packages are read, so the import chain is followed for real
 *   from the program's external imports to a known cgo-only module.
 * - Without: known wrapper packages, confirmed by go.sum holding the cgo module's code hash
 *   (a `/go.mod`-only line means the module is in the graph but its code is never built).
 */
import * as nodePath from 'node:path';
import { CGO_WRAPPERS, cgoWrapperFor, fileNameMatchesLinux, knownCgoModuleFor, modulesWithCode } from '../workspace/goImports';
import { vendorChain, walkVendored, type VendorIo } from '../facts/vendorGraph';

// The table of wrapper packages and the go.sum reading live with the lint facts (one fact, one place).
export { modulesWithCode };

export interface CgoPath {
  /** import chain, from the program's import to the cgo-only package. */
  chain: string[];
  /** Where the link was read: `vendor/modules.txt`, `go.sum`. */
  source: string;
  binds: string;
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

export type CgoGraphIo = VendorIo;

/**
 * Paths from the program's external imports to cgo-only modules. `vendorDir` is the folder holding
 * vendor/ when the build uses it (null otherwise); `goSum` the module's go.sum text (null when none).
 */
export function cgoPaths(externalImports: readonly string[], vendorDir: string | null, goSum: string | null, io: CgoGraphIo): CgoPath[] {
  const out: CgoPath[] = [];
  if (vendorDir !== null) {
    const base = vendorDir === '' ? 'vendor' : `${vendorDir}/vendor`;
    const walked = walkVendored(externalImports, base, io, (imp) => knownCgoModuleFor(imp) !== undefined);
    for (const p of walked.values()) {
      if (!p.stopped) continue;
      out.push({ chain: vendorChain(walked, p.importPath), source: `${base}/modules.txt`, binds: knownCgoModuleFor(p.importPath)!.binds });
    }
    return out;
  }
  const withCode = goSum === null ? null : modulesWithCode(goSum);
  for (const w of CGO_WRAPPERS) {
    const imp = externalImports.find((i) => cgoWrapperFor(i, withCode) === w);
    if (!imp) continue;
    const known = knownCgoModuleFor(w.cgoModule);
    out.push({ chain: [imp, w.cgoModule], source: goSum === null ? 'a known dependency' : 'go.sum', binds: known?.binds ?? 'a C library' });
  }
  return out;
}

export function describeCgoPath(p: CgoPath): string {
  return `${p.chain.join(' → ')} (${p.source}; it binds ${p.binds})`;
}

// ---------------------------------------------------------------------------------------------
// C++ in the cgo build: the binary then links libstdc++ dynamically (distroless/base has none).

/**
 * Modules whose cgo code is C++ linked against libstdc++ dynamically (duckdb-go-bindings'
 * linux libraries: `#cgo LDFLAGS: … -lstdc++ -lm -ldl`). An import of one also means cgo: the
 * bindings do not build without it.
 */
export const CXX_MODULES: readonly { path: string; binds: string }[] = [
  { path: 'github.com/duckdb/duckdb-go', binds: 'DuckDB' },
  { path: 'github.com/duckdb/duckdb-go-bindings', binds: 'DuckDB' },
  { path: 'github.com/marcboeker/go-duckdb', binds: 'DuckDB' },
];

export interface CxxReason {
  /** What says so: `github.com/duckdb/duckdb-go/v2 (DuckDB, C++)`, `#cgo LDFLAGS: -lstdc++ in pkg/x/a.go`. */
  via: string;
  /** A known C++ module imported (which also makes the build cgo). */
  module: boolean;
}

const GOOS_NAMES = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);

/** Does a `#cgo` directive's constraint (`linux,amd64`, `darwin`, `!windows`, empty) hold on linux? */
function cgoDirectiveOnLinux(constraint: string): boolean {
  const options = constraint.trim().split(/\s+/).filter((o) => o !== '');
  if (options.length === 0) return true;
  return options.some((o) => o.split(',').every((t) => (t.startsWith('!') ? t.slice(1) !== 'linux' : !GOOS_NAMES.has(t) || t === 'linux')));
}

/**
 * The `-lstdc++` of a Go file's `#cgo LDFLAGS` lines that apply on linux (a `-static-libstdc++`
 * on the same line links it into the binary: nothing needed at run time). Returns the line.
 */
export function cgoLinksStdcxx(text: string): string | null {
  for (const m of text.matchAll(/^[ \t]*(?:\/\/)?[ \t]*#cgo\s+([^:\n]*?)\s*LDFLAGS:([^\n]*)$/gm)) {
    const constraint = m[1];
    const flags = m[2].trim().split(/\s+/);
    if (!cgoDirectiveOnLinux(constraint)) continue;
    if (flags.includes('-lstdc++') && !flags.includes('-static-libstdc++') && !flags.includes('-static')) return `#cgo ${constraint ? `${constraint} ` : ''}LDFLAGS: … -lstdc++`;
  }
  return null;
}

/**
 * Why the binary links libstdc++ at run time: a known C++ module among the program's external
 * imports, or one of the build's cgo packages (`cgoPackages`, context-relative folders) with C++
 * sources beside its Go files (.cc, .cpp, .cxx: cgo compiles them with g++ and links libstdc++)
 * or a linux `#cgo LDFLAGS: -lstdc++`.
 */
export function cxxReasons(externalImports: readonly string[], cgoPackages: readonly string[], io: { read(rel: string): string | null; listFiles(dir: string): readonly { path: string }[] }): CxxReason[] {
  const out: CxxReason[] = [];
  for (const m of CXX_MODULES) {
    const imp = externalImports.find((i) => under(i, m.path));
    if (imp && !out.some((o) => o.module)) out.push({ via: `${imp} (${m.binds}, C++ linked with -lstdc++)`, module: true });
  }
  for (const dir of cgoPackages) {
    const here = io.listFiles(dir).map((f) => f.path).filter((f) => f.startsWith(dir === '' ? '' : dir + '/') && !f.slice(dir === '' ? 0 : dir.length + 1).includes('/'));
    const cxx = here.filter((f) => /\.(cc|cpp|cxx)$/.test(f) && fileNameMatchesLinux(nodePath.posix.basename(f).replace(/\.(cc|cpp|cxx)$/, '.go')));
    if (cxx.length > 0) {
      out.push({ via: `${dir === '' ? 'the root package' : dir} has C++ sources (${cxx.slice(0, 2).map((f) => nodePath.posix.basename(f)).join(', ')}${cxx.length > 2 ? ` and ${cxx.length - 2} more` : ''}), which cgo compiles with g++`, module: false });
      continue;
    }
    for (const f of here.filter((x) => x.endsWith('.go') && !x.endsWith('_test.go') && fileNameMatchesLinux(nodePath.posix.basename(x)))) {
      const line = cgoLinksStdcxx(io.read(f) ?? '');
      if (line) {
        out.push({ via: `${f} has \`${line}\``, module: false });
        break;
      }
    }
  }
  return out;
}

/** C libraries that libc and the compiler provide (any cgo builder has them). */
const TOOLCHAIN_LIBS = new Set(['c', 'm', 'pthread', 'dl', 'rt', 'util', 'resolv', 'stdc++', 'c++', 'gcc', 'gcc_s', 'atomic', 'gomp', 'crypt', 'anl']);

/**
 * Debian and Alpine development packages of common C libraries, by the name `-l` or pkg-config
 * gives them (`jpeg` for `-ljpeg` and `-l:libjpeg.a`; `libavformat` for pkg-config), and the
 * Debian bookworm packages with their shared libraries (what a cgo binary linked against them
 * needs at run time: libvips42 for imgproxy's `#cgo pkg-config: vips`). `headers`: the
 * `#include <…>` names (a file, or a folder ending in `/`) only its development package has, for
 * a cgo file that includes them without a `#cgo` line naming the library (skopeo's vendored
 * storage/drivers/btrfs: `#include <btrfs/ioctl.h>`, libbtrfs-dev).
 */
const C_LIBRARY_PACKAGES: readonly { names: readonly string[]; debian: string; alpine: string; bookworm: string; headers?: readonly string[] }[] = [
  { names: ['jpeg', 'libjpeg', 'turbojpeg'], debian: 'libjpeg-dev', alpine: 'libjpeg-turbo-dev', bookworm: 'libjpeg62-turbo' },
  { names: ['png', 'png16', 'libpng', 'libpng16'], debian: 'libpng-dev', alpine: 'libpng-dev', bookworm: 'libpng16-16' },
  { names: ['webp', 'sharpyuv', 'webpmux', 'webpdemux', 'libwebp', 'libsharpyuv'], debian: 'libwebp-dev', alpine: 'libwebp-dev', bookworm: 'libwebp7 libwebpmux3 libwebpdemux2 libsharpyuv0' },
  { names: ['gif'], debian: 'libgif-dev', alpine: 'giflib-dev', bookworm: 'libgif7' },
  { names: ['raw', 'raw_r', 'libraw'], debian: 'libraw-dev', alpine: 'libraw-dev', bookworm: 'libraw20' },
  { names: ['lcms2'], debian: 'liblcms2-dev', alpine: 'lcms2-dev', bookworm: 'liblcms2-2' },
  { names: ['tiff', 'libtiff-4'], debian: 'libtiff-dev', alpine: 'tiff-dev', bookworm: 'libtiff6' },
  { names: ['heif', 'libheif'], debian: 'libheif-dev', alpine: 'libheif-dev', bookworm: 'libheif1' },
  { names: ['z', 'zlib'], debian: 'zlib1g-dev', alpine: 'zlib-dev', bookworm: 'zlib1g' },
  { names: ['glib-2.0', 'gobject-2.0', 'gmodule-2.0', 'gio-2.0', 'gthread-2.0'], debian: 'libglib2.0-dev', alpine: 'glib-dev', bookworm: 'libglib2.0-0' },
  { names: ['avformat', 'libavformat'], debian: 'libavformat-dev', alpine: 'ffmpeg-dev', bookworm: 'libavformat59' },
  { names: ['avcodec', 'libavcodec'], debian: 'libavcodec-dev', alpine: 'ffmpeg-dev', bookworm: 'libavcodec59' },
  { names: ['avfilter', 'libavfilter'], debian: 'libavfilter-dev', alpine: 'ffmpeg-dev', bookworm: 'libavfilter8' },
  { names: ['avutil', 'libavutil'], debian: 'libavutil-dev', alpine: 'ffmpeg-dev', bookworm: 'libavutil57' },
  { names: ['avdevice', 'libavdevice'], debian: 'libavdevice-dev', alpine: 'ffmpeg-dev', bookworm: 'libavdevice59' },
  { names: ['swscale', 'libswscale'], debian: 'libswscale-dev', alpine: 'ffmpeg-dev', bookworm: 'libswscale6' },
  { names: ['swresample', 'libswresample'], debian: 'libswresample-dev', alpine: 'ffmpeg-dev', bookworm: 'libswresample4' },
  { names: ['sqlite3'], debian: 'libsqlite3-dev', alpine: 'sqlite-dev', bookworm: 'libsqlite3-0' },
  { names: ['ssl', 'crypto', 'openssl', 'libssl', 'libcrypto'], debian: 'libssl-dev', alpine: 'openssl-dev', bookworm: 'libssl3' },
  { names: ['curl', 'libcurl'], debian: 'libcurl4-openssl-dev', alpine: 'curl-dev', bookworm: 'libcurl4' },
  { names: ['pcap', 'libpcap'], debian: 'libpcap-dev', alpine: 'libpcap-dev', bookworm: 'libpcap0.8', headers: ['pcap.h', 'pcap/'] },
  { names: ['systemd', 'libsystemd'], debian: 'libsystemd-dev', alpine: '', bookworm: 'libsystemd0', headers: ['systemd/'] },
  { names: ['vips', 'vips-cpp'], debian: 'libvips-dev', alpine: 'vips-dev', bookworm: 'libvips42' },
  { names: ['MagickWand', 'MagickWand-7.Q16HDRI', 'MagickWand-6.Q16', 'MagickCore'], debian: 'libmagickwand-dev', alpine: 'imagemagick-dev', bookworm: 'libmagickwand-6.q16-6' },
  { names: ['zstd', 'libzstd'], debian: 'libzstd-dev', alpine: 'zstd-dev', bookworm: 'libzstd1' },
  { names: ['lz4', 'liblz4'], debian: 'liblz4-dev', alpine: 'lz4-dev', bookworm: 'liblz4-1' },
  { names: ['bz2'], debian: 'libbz2-dev', alpine: 'bzip2-dev', bookworm: 'libbz2-1.0' },
  { names: ['lzma', 'liblzma'], debian: 'liblzma-dev', alpine: 'xz-dev', bookworm: 'liblzma5' },
  { names: ['xml2', 'libxml-2.0'], debian: 'libxml2-dev', alpine: 'libxml2-dev', bookworm: 'libxml2' },
  { names: ['usb-1.0', 'libusb-1.0'], debian: 'libusb-1.0-0-dev', alpine: 'libusb-dev', bookworm: 'libusb-1.0-0' },
  { names: ['seccomp', 'libseccomp'], debian: 'libseccomp-dev', alpine: 'libseccomp-dev', bookworm: 'libseccomp2' },
  { names: ['gpgme'], debian: 'libgpgme-dev', alpine: 'gpgme-dev', bookworm: 'libgpgme11', headers: ['gpgme.h'] },
  { names: ['btrfs'], debian: 'libbtrfs-dev', alpine: 'btrfs-progs-dev', bookworm: 'libbtrfs0', headers: ['btrfs/'] },
  // Net-SNMP (prometheus/snmp_exporter's generator: `#cgo LDFLAGS: -lnetsnmp`, `#include <net-snmp/…>`).
  { names: ['netsnmp', 'netsnmpagent', 'netsnmpmibs'], debian: 'libsnmp-dev', alpine: 'net-snmp-dev', bookworm: 'libsnmp40', headers: ['net-snmp/'] },
  { names: ['devmapper'], debian: 'libdevmapper-dev', alpine: 'lvm2-dev', bookworm: 'libdevmapper1.02.1' },
  { names: ['elf', 'libelf'], debian: 'libelf-dev', alpine: 'elfutils-dev', bookworm: 'libelf1' },
  // libolm, the Matrix end-to-end encryption library (mautrix's crypto/olm: `#cgo LDFLAGS: -lolm`, `#include <olm/olm.h>`).
  { names: ['olm'], debian: 'libolm-dev', alpine: 'olm-dev', bookworm: 'libolm3', headers: ['olm/'] },
  // ZeroMQ (pebbe/zmq4: `#cgo !windows pkg-config: libzmq`; edgexfoundry/edgex-go 2bee238
  // cmd/support-notifications/Dockerfile installs zeromq-dev to build and zeromq to run).
  { names: ['zmq', 'libzmq'], debian: 'libzmq3-dev', alpine: 'zeromq-dev', bookworm: 'libzmq5', headers: ['zmq.h'] },
  // libpfm4, the perf events library (koordinator-sh/koordinator a7a1b76's
  // pkg/koordlet/util/perf_group/perf_group_linux.go: `#cgo LDFLAGS: -lpfm`, `#include
  // <perfmon/pfmlib.h>`; its koordlet.dockerfile builds libpfm 4.13 from source, bookworm's is 4.13).
  { names: ['pfm'], debian: 'libpfm4-dev', alpine: '', bookworm: 'libpfm4', headers: ['perfmon/'] },
  // GEOS's C API (twpayne/go-geos: `#cgo LDFLAGS: -lgeos_c`, `#include <geos_c.h>`).
  { names: ['geos_c', 'geos'], debian: 'libgeos-dev', alpine: 'geos-dev', bookworm: 'libgeos-c1v5', headers: ['geos_c.h'] },
];

/**
 * Packages of other modules whose cgo links a known C library (a `clib` of C_LIBRARY_PACKAGES),
 * when their sources are not at hand, besides KNOWN_CGO_MODULES' `clib`: what a cgo build of the
 * program then needs installed. `exact`: that package only, not the ones under it.
 * - libseccomp-golang: `#cgo pkg-config: libseccomp` (kubernetes-sigs/security-profiles-operator
 *   a2e4c4b, whose Dockerfile.ubi installs libseccomp-devel to build and libseccomp to run).
 * - pebbe/zmq4: `#cgo !windows pkg-config: libzmq` (edgexfoundry/edgex-go 2bee238
 *   internal/support/notifications/application/channel/zmq.go; its
 *   cmd/support-notifications/Dockerfile installs zeromq-dev to build and zeromq to run).
 * - gopacket's pcap in a fork of google/gopacket (gopacket/gopacket/pcap: `#cgo linux LDFLAGS:
 *   -lpcap`, as google/gopacket's, whose clib KNOWN_CGO_MODULES gives).
 * - mautrix's Matrix bridge framework: its `//go:build cgo && !nocrypto` file imports crypto, whose
 *   olm package links libolm (mautrix/discord 2c5ff8b with maunium.net/go/mautrix v0.16.3: its
 *   Dockerfile installs olm-dev to build and olm to run). Only in a cgo build; `-tags goolm` or
 *   `nocrypto` builds without it.
 */
const BINDING_LIBRARIES: readonly { pkg: string; exact?: boolean; clib: string }[] = [
  { pkg: 'github.com/seccomp/libseccomp-golang', clib: 'seccomp' },
  { pkg: 'github.com/pebbe/zmq4', clib: 'zmq' },
  { pkg: 'github.com/gopacket/gopacket/pcap', exact: true, clib: 'pcap' },
  { pkg: 'maunium.net/go/mautrix/bridge', exact: true, clib: 'olm' },
  { pkg: 'maunium.net/go/mautrix/crypto', exact: true, clib: 'olm' },
  { pkg: 'maunium.net/go/mautrix/crypto/olm', clib: 'olm' },
];

/** The C library a package's cgo links, when known without its sources (KNOWN_CGO_MODULES' clib, BINDING_LIBRARIES). */
export function bindingLibraryOf(importPath: string): string | undefined {
  return knownCgoModuleFor(importPath)?.clib ?? BINDING_LIBRARIES.find((b) => (b.exact ? importPath === b.pkg : under(importPath, b.pkg)))?.clib;
}

export interface CgoSystemLibrary {
  /** As the directive names it: `jpeg` (`-l:libjpeg.a`, `-ljpeg`), `libavformat` (pkg-config). */
  name: string;
  /**
   * Only the build needs it: `-l:libjpeg.a` (linked into the binary), or headers included
   * without a library linked (`#include <btrfs/ioctl.h>`, kind `include`).
   */
  static: boolean;
  /**
   * `pkg-config` or `LDFLAGS` (a `#cgo` line), `include` (an `#include <…>` of a known library's
   * header), `binding` (a known cgo package whose sources are not at hand: `file` is its import path).
   */
  kind: 'pkg-config' | 'LDFLAGS' | 'include' | 'binding';
  /** Context-relative .go file naming it first (the import path for a `binding`). */
  file: string;
  /** The Debian and Alpine development packages, '' when not known. */
  debian: string;
  alpine: string;
  /** The Debian bookworm packages of its shared libraries (space-separated), '' when not known. */
  bookworm: string;
}

/** The known library whose development package holds an `#include <…>` name (null: none, or libc's). */
function libraryOfHeader(header: string): (typeof C_LIBRARY_PACKAGES)[number] | null {
  return C_LIBRARY_PACKAGES.find((p) => p.headers?.some((h) => (h.endsWith('/') ? header.startsWith(h) : header === h))) ?? null;
}

type CgoIo = { read(rel: string): string | null; listFiles(dir: string): readonly { path: string }[] };

/**
 * C libraries the build's own cgo packages (`cgoPackages`, context-relative folders) link: the
 * `-l` names of their linux `#cgo LDFLAGS` and their `#cgo pkg-config` packages (filestash's
 * plg_image_c `-l:libjpeg.a -l:libraw.a … -llcms2`, plg_video_transcoder `pkg-config: libavformat …`),
 * then the known libraries whose headers they include without naming them (`include`).
 * Not libc's and the compiler's own (`-lm`, `-lpthread`, `-lstdc++`), nor an archive the
 * repository holds beside a local `-L` folder (`-L./deps -l:libtranscode_linux_amd64.a`).
 */
export function cgoSystemLibraries(cgoPackages: readonly string[], io: CgoIo): CgoSystemLibrary[] {
  const files: { file: string; dir: string; text: string }[] = [];
  for (const dir of cgoPackages) {
    const here = io.listFiles(dir).map((f) => f.path).filter((f) => f.startsWith(dir === '' ? '' : dir + '/') && !f.slice(dir === '' ? 0 : dir.length + 1).includes('/'));
    for (const f of here.filter((x) => x.endsWith('.go') && !x.endsWith('_test.go') && fileNameMatchesLinux(nodePath.posix.basename(x)))) {
      files.push({ file: f, dir, text: io.read(f) ?? '' });
    }
  }
  return cgoLibrariesOfFiles(files, io);
}

/**
 * The C libraries of cgo files (`cgoSystemLibraries`; the caller has chosen the files the build
 * compiles): `#cgo` lines first, so a library both linked and included counts as linked.
 */
function cgoLibrariesOfFiles(files: readonly { file: string; dir: string; text: string }[], io: CgoIo): CgoSystemLibrary[] {
  const out: CgoSystemLibrary[] = [];
  // Every library a `#cgo` line names, the repository's own archives too.
  const named = new Set<string>();
  const add = (raw: string, kind: CgoSystemLibrary['kind'], file: string, dir: string, localDirs: readonly string[]) => {
    const archive = /^:(?:lib)?(.+?)\.(a|so(?:\.[0-9.]+)?)$/.exec(raw);
    const name = archive ? archive[1] : raw.replace(/^:/, '');
    named.add(name);
    if (name === '' || TOOLCHAIN_LIBS.has(name)) return;
    // An archive or library the repository holds in a local -L folder (`-L./deps`, `-L${SRCDIR}/lib`).
    const held = localDirs.some((d) => {
      const folder = nodePath.posix.normalize(nodePath.posix.join(dir, d));
      return io.listFiles(folder).some((f) => {
        const base = nodePath.posix.basename(f.path);
        return archive ? base === raw.slice(1) : base === `lib${name}.a` || base.startsWith(`lib${name}.so`);
      });
    });
    if (held || out.some((o) => o.name === name)) return;
    const known = C_LIBRARY_PACKAGES.find((p) => p.names.includes(name));
    out.push({ name, static: archive?.[2] === 'a' || fullyStatic, kind, file, debian: known?.debian ?? '', alpine: known?.alpine ?? '', bookworm: known?.bookworm ?? '' });
  };
  // `-static` on the line: the linker takes every library's archive (cilium/pwru's
  // internal/libpcap `-lpcap -static`), so the runtime needs none of them.
  let fullyStatic = false;
  for (const { file: f, dir, text } of files) {
    if (!/^[ \t]*(?:\/\/)?[ \t]*#cgo\b/m.test(text)) continue;
    for (const m of text.matchAll(/^[ \t]*(?:\/\/)?[ \t]*#cgo\s+([^:\n]*?)\s*(LDFLAGS|pkg-config):([^\n]*)$/gm)) {
      if (!cgoDirectiveOnLinux(m[1])) continue;
      const words = m[3].trim().split(/\s+/).filter((w) => w !== '');
      fullyStatic = m[2] === 'LDFLAGS' && words.includes('-static');
      if (m[2] === 'pkg-config') {
        for (const w of words) if (!w.startsWith('-')) add(w, 'pkg-config', f, dir, []);
        continue;
      }
      // -L folders inside the repository (relative, or under ${SRCDIR}).
      const localDirs: string[] = [];
      for (let i = 0; i < words.length; i++) {
        const l = words[i] === '-L' ? words[i + 1] ?? '' : words[i].startsWith('-L') ? words[i].slice(2) : null;
        if (l !== null && !l.startsWith('/')) localDirs.push(l.replace(/^\$\{SRCDIR\}\/?/, '') || '.');
      }
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (w === '-l' && words[i + 1] !== undefined) add(words[++i], 'LDFLAGS', f, dir, localDirs);
        else if (w.startsWith('-l') && w.length > 2) add(w.slice(2), 'LDFLAGS', f, dir, localDirs);
      }
    }
  }
  // Headers of a known library included with no `#cgo` line naming it: its development package
  // builds the file; nothing is linked, so the runtime needs nothing.
  for (const { file: f, text } of files) {
    if (!/^[ \t]*(?:\/\/)?[ \t]*#include\b/m.test(text)) continue;
    for (const m of text.matchAll(/^[ \t]*(?:\/\/)?[ \t]*#include\s*<([^>\n]+)>/gm)) {
      const lib = libraryOfHeader(m[1].trim());
      if (lib === null || lib.names.some((n) => named.has(n) || out.some((o) => o.name === n))) continue;
      out.push({ name: lib.names[0], static: true, kind: 'include', file: f, debian: lib.debian, alpine: lib.alpine, bookworm: lib.bookworm });
    }
  }
  return out;
}

/**
 * The C libraries of the vendored packages a cgo build compiles (vendor/ at `base`): the packages
 * the program reaches through the files that build on linux with cgo and no tags, and of each
 * the files with `import "C"` that build so (skopeo b71619a: vendor/github.com/proglottis/gpgme's
 * `#cgo pkg-config: gpgme`, reached through go.podman.io/image's `//go:build
 * !containers_image_openpgp` files, and storage/drivers/btrfs's `#include <btrfs/ioctl.h>`,
 * registered unless `exclude_graphdriver_btrfs`). A file behind a tag the build does not set
 * (`libpathrs`, `containers_image_sequoia`) is not compiled and not followed.
 */
export function vendoredCgoLibraries(externalImports: readonly string[], base: string, io: VendorIo & CgoIo): CgoSystemLibrary[] {
  const files: { file: string; dir: string; text: string }[] = [];
  for (const p of walkVendored(externalImports, base, io, () => false, true).values()) {
    for (const f of p.files) if (f.info.importsC) files.push({ file: `${p.dir}/${f.name}`, dir: p.dir, text: f.text });
  }
  return cgoLibrariesOfFiles(files, io);
}

/**
 * The C library of a known cgo package the program imports, when its sources are not at hand (no
 * vendor/): bindingLibraryOf, KnownCgoModule's `clib` or BINDING_LIBRARIES (coroot-node-agent 89a16af imports
 * github.com/coreos/go-systemd/v22/sdjournal, which includes <systemd/sd-journal.h> and loads
 * libsystemd.so.0 at run time). The runtime needs its shared library.
 */
export function knownBindingLibraries(externalImports: readonly string[]): CgoSystemLibrary[] {
  const out: CgoSystemLibrary[] = [];
  for (const i of externalImports) {
    const clib = bindingLibraryOf(i);
    if (clib === undefined || out.some((o) => o.name === clib)) continue;
    const lib = C_LIBRARY_PACKAGES.find((p) => p.names.includes(clib));
    out.push({ name: clib, static: false, kind: 'binding', file: i, debian: lib?.debian ?? '', alpine: lib?.alpine ?? '', bookworm: lib?.bookworm ?? '' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A shared library a cgo module ships inside itself: CosmWasm's wasmvm.

/**
 * The packages that make a program link github.com/CosmWasm/wasmvm (v1, /v2, /v3): wasmvm's root
 * package (lib_libwasmvm.go, `//go:build cgo`), and the keepers that wrap it, whose `!cgo` files
 * compile to a stub that panics when the app is built ("not implemented, please build with cgo
 * enabled": wasmd's x/wasm/keeper/keeper_no_cgo.go, ibc-go 08-wasm's keeper_no_vm.go). Exact
 * packages: wasmd's x/wasm/types and wasmvm's types are pure Go.
 */
const WASMVM_USERS: readonly RegExp[] = [
  /^github\.com\/CosmWasm\/wasmvm(\/v\d+)?$/,
  /^github\.com\/CosmWasm\/wasmd\/x\/wasm(\/keeper)?$/,
  /^github\.com\/CosmWasm\/wasmd\/app$/,
  /^github\.com\/cosmos\/ibc-go\/modules\/light-clients\/08-wasm(\/v\d+)?(\/keeper)?$/,
];
const WASMVM_MODULE = /^github\.com\/CosmWasm\/wasmvm(\/v\d+)?$/;

export interface ModuleSharedLibrary {
  /** The module that holds the library (`github.com/CosmWasm/wasmvm/v2`). */
  module: string;
  /** Its version, as go.mod requires it. */
  version: string;
  /** The folder of the module that holds it, and the file with `$(uname -m)` for the architecture. */
  dir: string;
  file: string;
  /** The program's import that links it (`github.com/CosmWasm/wasmd/x/wasm/keeper`). */
  via: string;
  /** What the module's linux cgo files say (for the reasons). */
  link: string;
}

/**
 * wasmvm, when the program links it: its glibc build (linux, without the `muslc` or `sys_wasmvm`
 * tags) links `-Wl,-rpath,${SRCDIR} -L${SRCDIR} -lwasmvm.<arch>`
 * (internal/api/link_glibclinux_x86_64.go, link_glibclinux_aarch64.go): the Rust library
 * libwasmvm.x86_64.so / libwasmvm.aarch64.so that the module ships in internal/api (v1.x to
 * v3.x), found at run time through an rpath into the module cache, which the runtime image does
 * not have. `uname -m` names the two architectures as the files do. The module is the wasmvm
 * module go.mod requires (the one go.sum holds the code of, when it names several); null when
 * none is sure.
 */
export function wasmvmLibrary(externalImports: readonly string[], requirements: readonly { path: string; version: string }[], goSum: string | null): ModuleSharedLibrary | null {
  const via = externalImports.find((i) => WASMVM_USERS.some((r) => r.test(i)));
  if (!via) return null;
  const withCode = goSum === null ? null : modulesWithCode(goSum);
  let mods = requirements.filter((r) => WASMVM_MODULE.test(r.path));
  if (WASMVM_MODULE.test(via)) mods = mods.filter((r) => r.path === via);
  if (mods.length > 1 && withCode) mods = mods.filter((r) => withCode.has(r.path));
  if (mods.length !== 1) return null;
  return {
    module: mods[0].path,
    version: mods[0].version,
    dir: 'internal/api',
    file: 'libwasmvm.$(uname -m).so',
    via,
    link: '#cgo LDFLAGS: -Wl,-rpath,${SRCDIR} -L${SRCDIR} -lwasmvm.<arch>',
  };
}

import { golangTagVersion, type GolangTag } from './golangTag';
import { parseImageRef } from './imageRef';

/**
 * The C library a dynamically linked binary finds in the image. `windows`: a Windows image
 * (not applicable: rules about Linux libc must stay silent for it; see `os`).
 */
export type Libc = 'glibc' | 'musl' | 'none' | 'windows';

/** What a base image brings to a Go program at run time and to a Go build. */
export interface ImageInfo {
  /** Short family name, e.g. `golang`, `distroless-static`, `scratch`, `alpine`. */
  family: string;
  libc: Libc;
  /**
   * Shell-form RUN/CMD/ENTRYPOINT work: `/bin/sh` exists (on Windows images: `cmd`).
   * False for distroless `:debug` (its busybox shell is `/busybox/sh`, not `/bin/sh`; see shellPath).
   */
  shell: boolean;
  /**
   * /bin/bash exists. Alpine (golang's -alpine too) and busybox have only busybox's ash at
   * /bin/sh; scratch, distroless and chainguard/static have no shell at all.
   */
  bash: boolean;
  caCerts: boolean;
  zoneinfo: boolean;
  /**
   * The default user: `root`, or a numeric/named non-root user; null when the reference does not
   * say: a distroless name pinned by digest alone (`gcr.io/distroless/base-debian11@sha256:…`) may
   * be its `:nonroot` or `:debug-nonroot` variant as well as `:latest`.
   */
  defaultUser: string | null;
  /** A C compiler is on the image (cgo builds link against its libc). */
  cCompiler: boolean;
  /** The Go toolchain is on the image. */
  goToolchain: boolean;
  /** Approximate uncompressed size in bytes, when known. */
  approxBytes: number | null;
  /** Approximate compressed (registry download) size in bytes, when known. */
  approxCompressedBytes: number | null;

  // ---- extensions ----
  os: 'linux' | 'windows';
  /** The shell binary when there is one (`/bin/sh`, `/busybox/sh`, `cmd`), else null. */
  shellPath: string | null;
  /** /etc/passwd exists, so `USER name` can resolve (false for scratch). */
  passwd: boolean;
  packageManager: 'apt' | 'apk' | null;
  /** Variant / release, e.g. `bookworm`, `alpine3.20`, `debian12`, `windowsservercore-ltsc2022`, '' when none. */
  variant: string;
  /** For golang images: the Go version of the tag (null for `latest`, `alpine`, ...). */
  go: GolangTag | null;
  /** The repository as looked up (registry mirrors and `library/` removed), e.g. `golang`, `gcr.io/distroless/static-debian12`. */
  repository: string;
}

const MB = 1024 * 1024;

type Base = Omit<ImageInfo, 'repository' | 'go' | 'variant' | 'approxCompressedBytes'> & { variant?: string; approxCompressedBytes?: number | null };

function info(repository: string, b: Base, go: GolangTag | null = null): ImageInfo {
  return { ...b, approxCompressedBytes: b.approxCompressedBytes ?? null, variant: b.variant ?? '', go, repository };
}

/** Registries that serve Docker Hub's official images under the same names. */
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const HUB_MIRROR_PREFIXES = ['public.ecr.aws/docker/library/', 'mirror.gcr.io/library/', 'mirror.gcr.io/'];
/**
 * A pull-through proxy of Docker Hub on another registry (Harbor, Artifactory, Nexus, ECR/ACR
 * caches): `<registry>/<proxy>/[library/]golang`, the proxy segment named for Docker Hub or for
 * being a proxy. `<registry>/anything/library/golang` counts too: `library/` is Docker Hub's
 * namespace of official images.
 */
const PROXY_SEGMENT = /^(docker([-_.]?(hub|io))?|hub|dockerhub|proxy|mirror|cache|remote)([-_].*)?$|[-_](proxy|mirror|cache|remote|dockerhub|hub)$/;

/**
 * The official image a proxied path names (`dockerhub-proxy/library/golang` -> `golang`), or null.
 * A single segment under a registry whose host names a mirror or proxy (a label of the host
 * reads as a proxy segment: hashicorp/terraform's `docker.mirror.hashicorp.services/golang`) is
 * Docker Hub's official image of that name too.
 */
function hubProxied(registry: string, path: string): string | null {
  const segs = path.split('/');
  const name = segs[segs.length - 1];
  if (segs.length >= 2 && segs[segs.length - 2] === 'library') return name;
  if (segs.length === 2 && PROXY_SEGMENT.test(segs[0])) return name;
  if (segs.length === 1 && registry.split(':')[0].split('.').some((label) => PROXY_SEGMENT.test(label))) return name;
  return null;
}

/**
 * Docker Hub's per-architecture namespaces of the official images (`arm64v8/alpine`, `amd64/golang`):
 * the same images as `alpine`/`golang`, one architecture each (btcd: `FROM $ARCH/alpine:3.21`).
 */
const ARCH_NAMESPACE = /^(amd64|arm32v5|arm32v6|arm32v7|arm64v8|i386|mips64le|ppc64le|riscv64|s390x)\/[^/]+$/;

/** The GOARCH of each of Docker Hub's per-architecture namespaces (ARCH_NAMESPACE). */
const NAMESPACE_GOARCH: Record<string, string> = {
  amd64: 'amd64', arm32v5: 'arm', arm32v6: 'arm', arm32v7: 'arm', arm64v8: 'arm64', i386: '386',
  mips64le: 'mips64le', ppc64le: 'ppc64le', riscv64: 'riscv64', s390x: 's390x',
};
/**
 * Architecture names in an image's name or tag, as words between `-`, `.`, `/` (and `_`), and the
 * GOARCH each is: Debian's (armhf, armel, arm64, amd64, i386), the kernel's (aarch64, x86_64,
 * armv7l), Docker Hub's namespaces (arm32v7, arm64v8) and balenalib's (armv7hf, aarch64).
 */
const NAMED_GOARCH: Record<string, string> = {
  armhf: 'arm', armel: 'arm', armv7hf: 'arm', armv7: 'arm', armv7l: 'arm', armv6: 'arm', armv6l: 'arm', armv6hf: 'arm', armv5e: 'arm',
  arm32v5: 'arm', arm32v6: 'arm', arm32v7: 'arm',
  arm64: 'arm64', arm64v8: 'arm64', aarch64: 'arm64',
  amd64: 'amd64', x86_64: 'amd64',
  i386: '386', i686: '386',
};

/**
 * The one architecture an image reference names, as a GOARCH: a per-architecture namespace of
 * Docker Hub (`arm32v7/alpine:3.20` -> arm, `arm64v8/debian`), or an architecture word in the
 * last part of its repository or in its tag (`multiarch/debian-debootstrap:armhf-stretch` -> arm,
 * `balenalib/armv7hf-debian`, `balenalib/aarch64-alpine` -> arm64, `…:1.0-amd64`). Such an image
 * holds that architecture's userland whatever platform the build asks for (codeskyblue/gohttpserver's
 * docker/Dockerfile.armhf builds `GOOS=linux GOARCH=arm` for it on an x86 machine). Null when it
 * names none, several, or a variable hides the name.
 */
export function imageArchitecture(ref: string): string | null {
  if (ref.includes('$')) return null;
  const r = parseImageRef(ref);
  if (!r.registry || HUB_ALIASES.has(r.registry)) {
    const ns = /^([a-z0-9]+)\/[^/]+$/.exec(r.repository)?.[1];
    if (ns !== undefined && ARCH_NAMESPACE.test(r.repository)) return NAMESPACE_GOARCH[ns] ?? null;
  }
  const known = (w: string) => Object.prototype.hasOwnProperty.call(NAMED_GOARCH, w);
  // (`x86_64` is one word; `foo_arm64` two.)
  const words = [...r.repository.split('/').pop()!.split(/[-.]/), ...(r.tag ?? '').toLowerCase().split(/[-.]/)].flatMap((w) => (known(w) ? [w] : w.split('_')));
  const found = new Set(words.filter(known).map((w) => NAMED_GOARCH[w]));
  return found.size === 1 ? [...found][0] : null;
}

/** Normalised repository: `golang`, `alpine`, `gcr.io/distroless/static-debian12`, `cgr.dev/chainguard/static`. */
export function normalizeRepository(ref: string): { repo: string; tag: string | null } {
  const r = parseImageRef(ref);
  let repo = r.registry && !HUB_ALIASES.has(r.registry) ? `${r.registry}/${r.repository}` : r.repository;
  for (const p of HUB_MIRROR_PREFIXES) {
    if (repo.startsWith(p) && !repo.slice(p.length).includes('/')) {
      repo = repo.slice(p.length);
      break;
    }
  }
  if (repo.startsWith('library/')) repo = repo.slice('library/'.length);
  else if ((!r.registry || HUB_ALIASES.has(r.registry)) && ARCH_NAMESPACE.test(repo)) repo = repo.slice(repo.indexOf('/') + 1);
  else if (r.registry && repo.includes('/')) {
    const proxied = hubProxied(r.registry, repo.slice(r.registry.length + 1));
    if (proxied) repo = proxied;
  }
  return { repo, tag: r.tag };
}

/**
 * The Debian release a distroless repository names (`gcr.io/distroless/static-debian12` -> `12`,
 * `base-debian13`, `cc-debian12`, `java21-debian12`), or null (no release in the name, not
 * distroless). Distroless publishes no version tags (`latest`, `nonroot`, `debug`,
 * `debug-nonroot`): the release is in the name, as in `debian:bookworm`. GD209 (a release-named
 * image is pinned) and endedRelease (its end of life) read it.
 */
export function distrolessDebianRelease(repo: string): string | null {
  return /^gcr\.io\/distroless\/[a-z0-9._-]+-debian(\d+)$/.exec(repo)?.[1] ?? null;
}

/** Debian release names by number and the sizes (MB, uncompressed and compressed) of the full and -slim images. */
const DEBIAN: Record<string, { name: string; full: number; slim: number; fullGz: number; slimGz: number }> = {
  '10': { name: 'buster', full: 114, slim: 69, fullGz: 50, slimGz: 27 },
  '11': { name: 'bullseye', full: 124, slim: 80, fullGz: 53, slimGz: 31 },
  '12': { name: 'bookworm', full: 117, slim: 75, fullGz: 49, slimGz: 29 },
  '13': { name: 'trixie', full: 120, slim: 78, fullGz: 49, slimGz: 30 },
};
const DEBIAN_BY_NAME: Record<string, string> = { buster: '10', bullseye: '11', bookworm: '12', trixie: '13' };
/** What `debian:latest` / `stable` and an unreleased name point at. */
const DEBIAN_STABLE = '13';

function debianRelease(tag: string): string | null {
  for (const [name, num] of Object.entries(DEBIAN_BY_NAME)) if (tag === name || tag.startsWith(name + '-') || tag.includes('-' + name)) return num;
  const m = /^([0-9]+)(\.[0-9]+)*(-|$)/.exec(tag);
  if (m && DEBIAN[m[1]]) return m[1];
  return null;
}

function lookupGolang(repo: string, tag: string): ImageInfo {
  const go = golangTagVersion(tag);
  const variantRaw = go ? go.variant.replace(/^-/, '') : tag === 'latest' ? '' : tag;
  if (/windowsservercore|nanoserver/.test(variantRaw)) {
    const nano = variantRaw.includes('nanoserver');
    return info(repo, {
      family: 'golang', os: 'windows', libc: 'windows', shell: true, bash: false, shellPath: 'cmd', caCerts: true, zoneinfo: true,
      passwd: false, defaultUser: nano ? 'ContainerUser' : 'ContainerAdministrator', cCompiler: false, goToolchain: true,
      approxBytes: (nano ? 450 : 5200) * MB, approxCompressedBytes: (nano ? 160 : 2200) * MB, packageManager: null, variant: variantRaw,
    }, go);
  }
  if (variantRaw.startsWith('alpine')) {
    // golang:*-alpine: musl, no gcc/musl-dev (cgo is effectively off), CA bundle from the
    // alpine base, no /usr/share/zoneinfo.
    return info(repo, {
      family: 'golang', os: 'linux', libc: 'musl', shell: true, bash: false, shellPath: '/bin/sh', caCerts: true, zoneinfo: false,
      passwd: true, defaultUser: 'root', cCompiler: false, goToolchain: true, approxBytes: 260 * MB, approxCompressedBytes: 75 * MB, packageManager: 'apk',
      variant: variantRaw,
    }, go);
  }
  // Debian-based (the default variant, -bookworm, -bullseye, -trixie, -buster): buildpack-deps
  // scm + gcc, libc6-dev, make, pkg-config; tzdata and ca-certificates from the Debian base.
  return info(repo, {
    family: 'golang', os: 'linux', libc: 'glibc', shell: true, bash: true, shellPath: '/bin/sh', caCerts: true, zoneinfo: true,
    passwd: true, defaultUser: 'root', cCompiler: true, goToolchain: true, approxBytes: 830 * MB, approxCompressedBytes: 290 * MB, packageManager: 'apt',
    variant: variantRaw === '' ? 'debian' : variantRaw,
  }, go);
}

const looked = new Map<string, ImageInfo | undefined>();

/**
 * Looks up an image reference (after ARG substitution) in the offline table.
 * Returns undefined for images the table does not know (and for references still holding
 * `$`): callers must then stay silent rather than guess. Answers are shared (every stage of
 * every analysis asks, a file names few images): callers must not modify them.
 */
/**
 * Variables a base image sets in its environment (its own ENV lines), as far as paths need them:
 * the golang images' `GOPATH=/go` and the PATH that puts /go/bin and /usr/local/go/bin first.
 * A Dockerfile's `WORKDIR $GOPATH/src/...` on golang means /go/src/... (zincsearch). Empty for
 * other images and for Windows golang images (their paths are not POSIX).
 */
const GOLANG_ENV: ReadonlyMap<string, string> = new Map([
  ['GOPATH', '/go'],
  ['PATH', '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
]);
const NO_ENV: ReadonlyMap<string, string> = new Map();

export function imageEnv(image: ImageInfo | undefined): ReadonlyMap<string, string> {
  return image?.family === 'golang' && image.os === 'linux' ? GOLANG_ENV : NO_ENV;
}

/** The Microsoft build of Go's images (microsoft/go-images), published on MCR. */
const MICROSOFT_GOLANG = 'mcr.microsoft.com/oss/go/microsoft/golang';

/**
 * The folder the go command of an image keeps its build cache in by default, below the user's
 * cache folder (GOCACHE unset: $XDG_CACHE_HOME/<folder>, else $HOME/.cache/<folder>): Go's
 * `go-build`, except in the Microsoft build of Go from 1.26 on, whose default is `ms-go-build`
 * (microsoft/go PR #1998, "Set ms-go-build as default GOCACHE", fixing #1994; docs/go1.26.md:
 * "GOCACHE … now defaults to os.UserCacheDir()/ms-go-build"; go-images' Dockerfiles set no
 * GOCACHE). Null for that image when its tag does not tell the Go release: `latest`, `1`, a
 * variable, a digest alone, a 1.26 prerelease, a Windows tag. `ref`: the root image as written
 * or resolved (Azure/azure-workload-identity 04d01a2 docker/webhook.Dockerfile:2
 * `mcr.microsoft.com/oss/go/microsoft/golang:1.26.4-bookworm@sha256:…`). Any other image: `go-build`.
 */
export function defaultGoBuildCacheFolder(ref: string): 'go-build' | 'ms-go-build' | null {
  const { repo, tag } = normalizeRepository(ref);
  if (repo !== MICROSOFT_GOLANG) return 'go-build';
  // Tags: `1.26.4-bookworm`, `1.26.0-1-bookworm` (a Microsoft revision), `1.26-fips-azurelinux3.0`, `1.25`.
  const go = tag && !tag.includes('$') ? golangTagVersion(tag) : null;
  if (!go || go.minor === null || /windowsservercore|nanoserver/.test(go.variant)) return null;
  if (go.major !== 1) return null;
  if (go.minor > 26) return 'ms-go-build';
  if (go.minor < 26) return 'go-build';
  return go.prerelease === null ? 'ms-go-build' : null;
}

export function lookupImage(ref: string): ImageInfo | undefined {
  if (looked.has(ref)) return looked.get(ref);
  const found = lookupUncached(ref);
  if (looked.size >= 1024) looked.clear();
  looked.set(ref, found);
  return found;
}

function lookupUncached(ref: string): ImageInfo | undefined {
  if (!ref || ref.includes('$')) return undefined;
  const { repo, tag: rawTag } = normalizeRepository(ref);
  const tag = rawTag ?? 'latest';

  if (repo === 'scratch') {
    return info(repo, {
      family: 'scratch', os: 'linux', libc: 'none', shell: false, bash: false, shellPath: null, caCerts: false, zoneinfo: false, passwd: false,
      defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: 0, approxCompressedBytes: 0, packageManager: null,
    });
  }

  if (repo === 'golang') return lookupGolang(repo, tag);
  // The Prometheus projects' builder image (`quay.io/prometheus/golang-builder:1.26-base`,
  // `:1.26-main`, `:latest-main`): debian bookworm with build-essential, Go's release archive in
  // /usr/local/go, GOPATH=/go, root; its builds run promu. A golang image for the rules.
  if (repo === 'quay.io/prometheus/golang-builder') {
    const go = lookupGolang('golang', tag.replace(/-(base|main|arm|powerpc|mips|s390x)$/, '') || 'latest');
    return { ...go, variant: 'bookworm', repository: repo, approxBytes: null, approxCompressedBytes: null };
  }

  const distroless = /^gcr\.io\/distroless\/(static|base|base-nossl|cc)(?:-(debian[0-9]+))?$/.exec(repo);
  if (distroless) {
    const kind = distroless[1];
    const parts = tag.split('-');
    const debug = parts.includes('debug');
    const nonroot = parts.includes('nonroot');
    // A digest with no tag names one of the variants, and the reference does not say which:
    // bitpoke/mysql-operator 37c6410 images/mysql-operator/Dockerfile:3 pins
    // `base-debian11@sha256:e76722f0…`, the debug-nonroot image ("pinned to the nonroot tag", line 2;
    // judge 42 X W3). Its user is unknown. (So is whether it has the debug variants' /busybox/sh;
    // shellPath stays null: /bin/sh, which the shell rules ask about, is in no variant.)
    const unknownVariant = rawTag === null && parseImageRef(ref).digest !== null;
    const size = kind === 'static' ? 2 : kind === 'base-nossl' ? 14 : kind === 'base' ? 21 : 24;
    const compressed = kind === 'static' ? 0.8 : kind === 'base-nossl' ? 6 : kind === 'base' ? 8 : 9;
    return info(repo, {
      family: `distroless-${kind}`, os: 'linux', libc: kind === 'static' ? 'none' : 'glibc',
      // :debug adds busybox at /busybox/sh; /bin/sh still does not exist.
      shell: false, bash: false, shellPath: debug ? '/busybox/sh' : null,
      caCerts: true, zoneinfo: true, passwd: true,
      defaultUser: unknownVariant ? null : nonroot ? '65532' : 'root', cCompiler: false, goToolchain: false,
      approxBytes: (size + (debug ? 2 : 0)) * MB, approxCompressedBytes: (compressed + (debug ? 0.8 : 0)) * MB, packageManager: null, variant: distroless[2] ?? 'debian12',
    });
  }

  if (repo === 'cgr.dev/chainguard/static') {
    return info(repo, {
      family: 'chainguard-static', os: 'linux', libc: 'none', shell: false, bash: false, shellPath: null, caCerts: true, zoneinfo: true,
      passwd: true, defaultUser: '65532', cCompiler: false, goToolchain: false, approxBytes: 1 * MB, approxCompressedBytes: 0.4 * MB, packageManager: null,
    });
  }

  if (repo === 'alpine') {
    // The alpine base ships ca-certificates-bundle; tzdata is a separate package.
    return info(repo, {
      family: 'alpine', os: 'linux', libc: 'musl', shell: true, bash: false, shellPath: '/bin/sh', caCerts: true, zoneinfo: false,
      passwd: true, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: 8 * MB, approxCompressedBytes: 3.5 * MB, packageManager: 'apk',
      variant: tag === 'latest' ? '' : tag,
    });
  }

  if (repo === 'busybox') {
    // docker-library/busybox: the default (latest, 1.x) is the glibc variant, which ships glibc's
    // shared libraries (libc.so.6, the loader, libnss); the musl and uclibc variants are static.
    const staticVariant = /(^|-)(musl|uclibc)$/.test(tag);
    return info(repo, {
      family: 'busybox', os: 'linux', libc: staticVariant ? 'none' : 'glibc', shell: true, bash: false, shellPath: '/bin/sh',
      caCerts: false, zoneinfo: false, passwd: true, defaultUser: 'root', cCompiler: false, goToolchain: false,
      approxBytes: (staticVariant ? 1.5 : 4.3) * MB, approxCompressedBytes: (staticVariant ? 0.8 : 2.1) * MB, packageManager: null, variant: staticVariant ? tag.replace(/^.*-/, '') : 'glibc',
    });
  }

  if (repo === 'debian') {
    const slim = tag.includes('slim');
    const rel = debianRelease(tag) ?? DEBIAN_STABLE;
    const d = DEBIAN[rel];
    // Minbase images: tzdata is there (Priority: required), ca-certificates is not.
    return info(repo, {
      family: 'debian', os: 'linux', libc: 'glibc', shell: true, bash: true, shellPath: '/bin/sh', caCerts: false, zoneinfo: true,
      passwd: true, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: (slim ? d.slim : d.full) * MB, approxCompressedBytes: (slim ? d.slimGz : d.fullGz) * MB,
      packageManager: 'apt', variant: d.name + (slim ? '-slim' : ''),
    });
  }

  if (repo === 'ubuntu') {
    // Ubuntu's cloud-image rootfs has neither tzdata nor ca-certificates.
    return info(repo, {
      family: 'ubuntu', os: 'linux', libc: 'glibc', shell: true, bash: true, shellPath: '/bin/sh', caCerts: false, zoneinfo: false,
      passwd: true, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: 78 * MB, approxCompressedBytes: 29 * MB, packageManager: 'apt',
      variant: tag === 'latest' ? '' : tag,
    });
  }

  return undefined;
}

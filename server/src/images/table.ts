import { parseImageRef } from './imageRef';

export type Libc = 'glibc' | 'musl' | 'none';

/** What a base image brings to a Go program at run time and to a Go build. */
export interface ImageInfo {
  /** Short family name, e.g. `golang`, `distroless-static`, `scratch`, `alpine`. */
  family: string;
  libc: Libc;
  /** `/bin/sh` exists. */
  shell: boolean;
  caCerts: boolean;
  zoneinfo: boolean;
  /** The default user: `root`, or a numeric/named non-root user. */
  defaultUser: string;
  /** A C compiler is on the image (cgo builds link against its libc). */
  cCompiler: boolean;
  /** The Go toolchain is on the image. */
  goToolchain: boolean;
  /** Approximate uncompressed size in bytes, when known. */
  approxBytes: number | null;
}

const MB = 1024 * 1024;

/**
 * Looks up an image reference (after ARG substitution) in the offline table.
 * Returns undefined for images the table does not know: callers must then stay silent
 * rather than guess.
 */
export function lookupImage(ref: string): ImageInfo | undefined {
  const r = parseImageRef(ref);
  const tag = r.tag ?? 'latest';
  const repo = r.registry ? `${r.registry}/${r.repository}` : r.repository;
  if (repo === 'scratch') {
    return { family: 'scratch', libc: 'none', shell: false, caCerts: false, zoneinfo: false, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: 0 };
  }
  if (repo === 'golang') {
    const alpine = tag.includes('alpine');
    return {
      family: 'golang', libc: alpine ? 'musl' : 'glibc', shell: true, caCerts: true, zoneinfo: !alpine,
      defaultUser: 'root', cCompiler: !alpine, goToolchain: true, approxBytes: (alpine ? 250 : 820) * MB,
    };
  }
  const distroless = /^gcr\.io\/distroless\/(static|base|base-nossl|cc)(-debian\d+)?$/.exec(repo);
  if (distroless) {
    const kind = distroless[1];
    const debug = tag.includes('debug');
    const nonroot = tag.includes('nonroot');
    return {
      family: `distroless-${kind}`, libc: kind === 'static' ? 'none' : 'glibc', shell: debug, caCerts: true, zoneinfo: true,
      defaultUser: nonroot ? '65532' : 'root', cCompiler: false, goToolchain: false,
      approxBytes: (kind === 'static' ? 2 : kind === 'cc' ? 23 : 20) * MB,
    };
  }
  if (repo === 'cgr.dev/chainguard/static') {
    return { family: 'chainguard-static', libc: 'none', shell: false, caCerts: true, zoneinfo: true, defaultUser: '65532', cCompiler: false, goToolchain: false, approxBytes: 1 * MB };
  }
  if (repo === 'alpine') {
    return { family: 'alpine', libc: 'musl', shell: true, caCerts: true, zoneinfo: false, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: 8 * MB };
  }
  if (repo === 'busybox') {
    return { family: 'busybox', libc: tag.includes('glibc') ? 'glibc' : tag.includes('uclibc') ? 'none' : 'musl', shell: true, caCerts: false, zoneinfo: false, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: 4 * MB };
  }
  if (repo === 'debian' || repo === 'ubuntu') {
    const slim = tag.includes('slim');
    return { family: repo, libc: 'glibc', shell: true, caCerts: false, zoneinfo: repo === 'debian' && !slim, defaultUser: 'root', cCompiler: false, goToolchain: false, approxBytes: (slim ? 75 : repo === 'ubuntu' ? 78 : 117) * MB };
  }
  return undefined;
}
